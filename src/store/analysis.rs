//! Stored analysis: the countries and entities of each article, and counts over a query's
//! matches (for `kiosk countries`, `kiosk entities`, the sidebar and the country picker).

use rusqlite::OptionalExtension;

use super::packed::Packed;
use super::plan::{Matching, Shape};
use super::{Result, Store};
use crate::analyze::EntityKind;
use crate::article::ArticleId;
use crate::query::Query;

/// One country of an article, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryRow {
    pub code: String,
    pub score: f32,
    pub mentions: u32,
    pub about: bool,
}

/// One entity of an article, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRow {
    pub kind: EntityKind,
    pub name: String,
    pub country: Option<String>,
    pub count: u32,
}

/// Entity kinds are stored by name (the `kind` columns of `entities` and `entity_aliases`).
impl rusqlite::ToSql for EntityKind {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.name().into())
    }
}

/// How many matching articles are about a country, and how many mention it at all.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CountryCount {
    pub code: String,
    pub articles: u64,
    pub mentions: u64,
}

/// How many matching articles cite an entity, and how often in all.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EntityCount {
    pub kind: EntityKind,
    pub name: String,
    pub country: Option<String>,
    pub articles: u64,
    pub mentions: u64,
}

impl Store {
    /// The stored analysis JSON of an article and the analyser version that wrote it.
    pub fn analysis_json(&self, id: ArticleId) -> Result<Option<(u32, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT analysis_version, analysis FROM articles WHERE id = ?1 AND analysis IS NOT NULL",
                [id],
                |row| Ok((row.get(0)?, row.get::<_, Packed>(1)?.0)),
            )
            .optional()?)
    }

    /// How many articles were analysed by an analyser older than `version` (or never).
    pub fn stale_analysis_count(&self, version: u32) -> Result<u64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM articles WHERE analysis_version < ?1",
            [version],
            |row| row.get(0),
        )?)
    }

    /// Ids of the articles matching `query`, oldest id first (for reanalysis).
    pub fn ids(&self, query: &Query) -> Result<Vec<ArticleId>> {
        let filter = self.sql(query);
        let sql = format!(
            "SELECT a.id FROM articles a WHERE {} ORDER BY a.id",
            filter.condition
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows =
            statement.query_map(rusqlite::params_from_iter(&filter.params), |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Countries over the articles matching `query`: articles about each, and articles naming it.
    /// Filters of language, source and read/starred, or of countries alone, are read from the
    /// totals; others join each matching article to its countries.
    pub fn country_counts(&self, query: &Query) -> Result<Vec<CountryCount>> {
        if query.is_empty() {
            let sql = "SELECT code, about, articles FROM country_totals WHERE articles > 0 \
                       ORDER BY about DESC, articles DESC, code";
            return collect_country_counts(self.conn.prepare_cached(sql)?, &[]);
        }
        if let Shape::Facets = Shape::of(query) {
            return self.country_counts_from_totals(&self.sql(query));
        }
        if let Some(counts) = self.country_counts_within(query)? {
            return Ok(counts);
        }
        if let Some(counts) = self.country_counts_in_memory(query)? {
            return Ok(counts);
        }
        if let Some(counts) = self.country_counts_of_words(query)? {
            return Ok(counts);
        }
        let matching = Matching::of(self, query);
        // CROSS JOIN keeps SQLite from scanning all countries and testing each article.
        let sql = format!(
            "SELECT c.code, sum(c.about), count(*) FROM {} CROSS JOIN article_countries c \
             ON c.article_id = {} WHERE {} \
             GROUP BY c.code ORDER BY sum(c.about) DESC, count(*) DESC, c.code",
            matching.from, matching.id, matching.condition
        );
        collect_country_counts(self.conn.prepare_cached(&sql)?, &matching.params)
    }

    /// The entities most cited by the articles matching `query`, optionally of one kind.
    pub fn entity_counts(
        &self,
        query: &Query,
        kind: Option<EntityKind>,
        limit: u64,
    ) -> Result<Vec<EntityCount>> {
        self.top_entities(query, kind, Top::Overall(limit))
    }

    /// The `per_kind` entities most cited by the articles matching `query` in each kind, most
    /// cited first: people are not crowded out by the places every article names.
    pub fn entity_counts_per_kind(&self, query: &Query, per_kind: u64) -> Result<Vec<EntityCount>> {
        self.top_entities(query, None, Top::PerKind(per_kind))
    }

    fn top_entities(
        &self,
        query: &Query,
        kind: Option<EntityKind>,
        top: Top,
    ) -> Result<Vec<EntityCount>> {
        // Per-entity counts: from the totals when they can answer, otherwise from the matching
        // articles (or a country's slice of its index), reading only their entity rows.
        let (counted, mut params) = match self.entity_totals(query)? {
            Some(totals) => totals,
            None => {
                // Ids from the in-memory country copy where it has them (a snapshot of their
                // own: an article removed since is simply not found), else the plan's walk.
                let (from, id, condition, params) = match self.country_facet_ids(query)? {
                    Some(ids) => (
                        "json_each(?) m".into(),
                        "m.value",
                        "1".into(),
                        vec![ids.into()],
                    ),
                    None => {
                        let matching = Matching::of(self, query);
                        (
                            matching.from,
                            matching.id,
                            matching.condition,
                            matching.params,
                        )
                    }
                };
                let sql = format!(
                    "SELECT ae.entity_id AS entity_id, count(*) AS articles, \
                     sum(ae.count) AS mentions FROM {from} CROSS JOIN article_entities ae \
                     ON ae.article_id = {id} WHERE {condition} GROUP BY ae.entity_id"
                );
                (sql, params)
            }
        };
        let kind_condition = if kind.is_some() { "AND e.kind = ?" } else { "" };
        // One pass either way: the per-kind cut ranks the counted rows within their kind.
        let (rank, tail, limit) = match top {
            Top::Overall(limit) => ("0", "LIMIT ?", limit),
            Top::PerKind(limit) => (
                "row_number() OVER (PARTITION BY e.kind \
                 ORDER BY t.articles DESC, t.mentions DESC, e.name)",
                "",
                limit,
            ),
        };
        let keep = if tail.is_empty() {
            "WHERE rank <= ?"
        } else {
            ""
        };
        // Totals rows left at zero stay (cheaper than deleting in triggers), hence `articles > 0`.
        let sql = format!(
            "SELECT kind, name, country, articles, mentions FROM (\
             SELECT e.kind AS kind, e.name AS name, e.country AS country, \
             t.articles AS articles, t.mentions AS mentions, {rank} AS rank \
             FROM ({counted}) t JOIN entities e ON e.id = t.entity_id \
             WHERE t.articles > 0 {kind_condition}) \
             {keep} ORDER BY articles DESC, mentions DESC, name {tail}"
        );
        if let Some(kind) = kind {
            params.push(kind.name().to_string().into());
        }
        params.push(i64::try_from(limit).unwrap_or(i64::MAX).into());
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(&params), |row| {
            // Only the analyser's kinds are stored; another would be no entity of kiosk's.
            let Some(kind) = EntityKind::from_name(&row.get::<_, String>(0)?) else {
                return Ok(None);
            };
            Ok(Some(EntityCount {
                kind,
                name: row.get(1)?,
                country: row.get(2)?,
                articles: row.get(3)?,
                mentions: row.get(4)?,
            }))
        })?;
        let mut counts = Vec::new();
        for row in rows {
            counts.extend(row?);
        }
        Ok(counts)
    }
}

/// How many entities [`Store::entity_counts`] and [`Store::entity_counts_per_kind`] keep.
#[derive(Clone, Copy)]
enum Top {
    Overall(u64),
    PerKind(u64),
}

impl Store {
    /// Matching articles per publication day from `since` (`YYYY-MM-DD`) on, oldest day first;
    /// days without articles are left out.
    pub fn daily_counts(&self, query: &Query, since: &str) -> Result<Vec<(String, u64)>> {
        // Within one country its index slice is ordered by date: the window is a range of it.
        let matching = Matching::of(self, query);
        let published = matching.published;
        let sql = format!(
            "SELECT substr({published}, 1, 10) AS day, count(*) FROM {} \
             WHERE {published} >= ? AND {} GROUP BY day ORDER BY day",
            matching.from, matching.condition
        );
        let mut params: Vec<rusqlite::types::Value> = vec![since.to_string().into()];
        params.extend(matching.params);
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(&params), |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Country counts from a statement whose rows are (code, about, mentions).
pub(super) fn collect_country_counts(
    mut statement: rusqlite::CachedStatement<'_>,
    params: &[rusqlite::types::Value],
) -> Result<Vec<CountryCount>> {
    let rows = statement.query_map(rusqlite::params_from_iter(params), |row| {
        Ok(CountryCount {
            code: row.get(0)?,
            articles: row.get(1)?,
            mentions: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
