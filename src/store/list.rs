//! List queries: counting, paging and streaming the articles a query matches, and the counts
//! the sidebar and `kiosk stats` show. Plans are chosen here so a million articles stay fast.

use std::collections::HashMap;

use rusqlite::OptionalExtension;

use super::plan::Shape;
use super::{
    Facets, Result, SUMMARY_COLUMNS, Sort, SortOrder, Stats, Store, filter, summary_from_row,
};
use crate::article::{ArticleId, ArticleSummary};
use crate::query::Query;

impl Store {
    /// How many articles match `query`. Filters of language, source, read/starred and one
    /// clause of countries are read from the totals; others count the matches.
    pub fn count(&self, query: &Query) -> Result<u64> {
        if query.is_empty() {
            return Ok(self
                .conn
                .query_row("SELECT articles FROM article_total", [], |row| row.get(0))?);
        }
        match Shape::of(query) {
            Shape::Facets => self.facet_total(None, &self.sql(query)),
            Shape::Countries { clause, codes } => {
                self.countries_total(&codes, &self.sql_without(query, Some(clause)))
            }
            Shape::Other => {
                let filter = self.sql(query);
                let sql = format!("SELECT count(*) FROM articles a WHERE {}", filter.condition);
                Ok(self
                    .conn
                    .prepare_cached(&sql)?
                    .query_row(rusqlite::params_from_iter(&filter.params), |row| row.get(0))?)
            }
        }
    }

    /// [`Store::count`] when the trigger-kept totals answer it (no filter, or only language,
    /// source, read/starred terms with at most one country): a sum over a few hundred rows.
    /// `None` when counting means reading the matches (several countries, words, dates…),
    /// which can take longer than a frame on a large archive.
    pub fn quick_count(&self, query: &Query) -> Result<Option<u64>> {
        let quick = query.is_empty()
            || match Shape::of(query) {
                Shape::Facets => true,
                Shape::Countries { codes, .. } => codes.len() == 1,
                Shape::Other => false,
            };
        if quick {
            self.count(query).map(Some)
        } else {
            Ok(None)
        }
    }

    /// `limit` rows from `offset` in `sort` order by `LIMIT … OFFSET`, which reads every row
    /// before `offset`: the first page, and what [`Store::summaries`] must equal.
    pub fn offset_summaries(
        &self,
        query: &Query,
        sort: impl Into<Sort>,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<ArticleSummary>> {
        let sort: Sort = sort.into();
        // The country index paths below run newest first; the other way round takes the plain path.
        let newest_first = sort == Sort::from(SortOrder::Date);
        let (sql, mut params) = match filter::driving_countries(query) {
            // Newest first within one country: walk the (code, about, published) index, no sort.
            Some((index, codes)) if newest_first && codes.len() == 1 => {
                let rest = self.sql_without(query, Some(index));
                let mut params = vec![codes[0].to_string().into()];
                params.extend(rest.params);
                let sql = format!(
                    "SELECT {SUMMARY_COLUMNS} FROM article_countries c JOIN articles a ON a.id = c.article_id \
                     WHERE c.code = ? AND c.about = 1 AND {} \
                     ORDER BY c.published DESC, c.article_id DESC LIMIT ? OFFSET ?",
                    rest.condition
                );
                (sql, params)
            }
            // Several countries and nothing else: merge their date-ordered index slices.
            Some((_, codes)) if newest_first && query.clauses.len() == 1 => {
                let arm = "SELECT published, article_id FROM article_countries WHERE code = ? AND about = 1";
                let union = vec![arm; codes.len()].join(" UNION ");
                let sql = format!(
                    "SELECT {SUMMARY_COLUMNS} FROM ({union} ORDER BY 1 DESC, 2 DESC LIMIT ? OFFSET ?) d \
                     JOIN articles a ON a.id = d.article_id ORDER BY d.published DESC, d.article_id DESC"
                );
                let params = codes.iter().map(|code| code.to_string().into()).collect();
                (sql, params)
            }
            // Several countries and other filters: merge each country's newest matches here.
            Some((index, codes)) if newest_first => {
                return self.merged_summaries(query, index, &codes, offset, limit);
            }
            _ => {
                let filter = self.sql(query);
                let sql = format!(
                    "SELECT {SUMMARY_COLUMNS} FROM articles a WHERE {} ORDER BY {} LIMIT ? OFFSET ?",
                    filter.condition,
                    sort.order_by()
                );
                (sql, filter.params)
            }
        };
        params.push(i64::try_from(limit).unwrap_or(i64::MAX).into());
        params.push(i64::try_from(offset).unwrap_or(i64::MAX).into());
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(&params), summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Newest first within several countries and other filters. Each country's first
    /// `offset + limit` matches come from its date-ordered index slice, as for one country; an
    /// article about several of them has the same (date, id) key in each, so it appears once.
    /// (SQLite would merge the slices only through a temporary B-tree of all of them.)
    fn merged_summaries(
        &self,
        query: &Query,
        clause: usize,
        codes: &[&str],
        offset: u64,
        limit: u64,
    ) -> Result<Vec<ArticleSummary>> {
        let rest = self.sql_without(query, Some(clause));
        let sql = format!(
            "SELECT c.published, c.article_id FROM article_countries c JOIN articles a ON a.id = c.article_id \
             WHERE c.code = ? AND c.about = 1 AND {} ORDER BY c.published DESC, c.article_id DESC LIMIT ?",
            rest.condition
        );
        let wanted = i64::try_from(offset.saturating_add(limit)).unwrap_or(i64::MAX);
        let mut keys: Vec<(Option<String>, ArticleId)> = Vec::new();
        let mut statement = self.conn.prepare_cached(&sql)?;
        for code in codes {
            let mut params: Vec<rusqlite::types::Value> = vec![(*code).to_string().into()];
            params.extend(rest.params.iter().cloned());
            params.push(wanted.into());
            let rows = statement.query_map(rusqlite::params_from_iter(&params), |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?;
            keys.extend(rows.collect::<Result<Vec<_>, _>>()?);
        }
        // Descending: undated articles (None) last, as SQLite orders NULLs in DESC.
        keys.sort_unstable_by(|a, b| b.cmp(a));
        keys.dedup();
        let page: Vec<ArticleId> = keys
            .into_iter()
            .skip(usize::try_from(offset).unwrap_or(usize::MAX))
            .take(usize::try_from(limit).unwrap_or(usize::MAX))
            .map(|(_, id)| id)
            .collect();
        if page.is_empty() {
            return Ok(Vec::new());
        }
        let marks = vec!["?"; page.len()].join(", ");
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM articles a WHERE a.id IN ({marks})");
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(&page), summary_from_row)?;
        let mut by_id: std::collections::HashMap<ArticleId, ArticleSummary> = rows
            .map(|row| row.map(|summary| (summary.id, summary)))
            .collect::<Result<_, _>>()?;
        Ok(page.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    /// Streams every matching row (up to `limit`) in `sort` order to `visit`, without holding
    /// them all in memory.
    pub fn each_summary(
        &self,
        query: &Query,
        sort: impl Into<Sort>,
        limit: Option<u64>,
        mut visit: impl FnMut(ArticleSummary) -> std::io::Result<()>,
    ) -> Result<std::io::Result<()>> {
        let sort: Sort = sort.into();
        let filter = self.sql(query);
        let limit = limit.map_or(-1, |limit| i64::try_from(limit).unwrap_or(i64::MAX));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a WHERE {} ORDER BY {} LIMIT {limit}",
            filter.condition,
            sort.order_by()
        );
        let mut statement = self.conn.prepare(&sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(&filter.params))?;
        while let Some(row) = rows.next()? {
            if let Err(error) = visit(summary_from_row(row)?) {
                return Ok(Err(error));
            }
        }
        Ok(Ok(()))
    }

    /// Where article `id` stands in the list for `query` and `sort`, if it is in it.
    pub fn position_of(
        &self,
        query: &Query,
        sort: impl Into<Sort>,
        id: ArticleId,
    ) -> Result<Option<u64>> {
        let sort: Sort = sort.into();
        if sort == Sort::from(SortOrder::Date) {
            return self.date_position(query, id);
        }
        self.position_by_numbering(query, sort, id)
    }

    /// The newest-first position: the matching articles newer than `id` (ties by id), counted
    /// through the date index. Costs what the articles above it cost, so keeping a selection
    /// near the top of a million-article list stays within a frame, where numbering every
    /// match would not.
    pub(super) fn date_position(&self, query: &Query, id: ArticleId) -> Result<Option<u64>> {
        let filter = self.sql(query);
        let member = format!(
            "SELECT a.published FROM articles a WHERE {} AND a.id = ?",
            filter.condition
        );
        let mut params = filter.params.clone();
        params.push(id.into());
        let published: Option<Option<String>> = self
            .conn
            .prepare_cached(&member)?
            .query_row(rusqlite::params_from_iter(&params), |row| row.get(0))
            .optional()?;
        let Some(published) = published else {
            return Ok(None);
        };
        // Newest first puts articles without a date last (SQLite sorts NULL lowest).
        let mut params = filter.params;
        let newer = match published {
            Some(published) => {
                params.extend([published.clone().into(), published.into(), id.into()]);
                "(a.published > ? OR (a.published = ? AND a.id > ?))"
            }
            None => {
                params.push(id.into());
                "(a.published IS NOT NULL OR a.id > ?)"
            }
        };
        let sql = format!(
            "SELECT count(*) FROM articles a WHERE {} AND {newer}",
            filter.condition
        );
        let position = self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(&params), |row| row.get(0))?;
        Ok(Some(position))
    }

    /// Any order: numbers every match with a window function and picks `id`'s row.
    pub fn position_by_numbering(
        &self,
        query: &Query,
        sort: impl Into<Sort>,
        id: ArticleId,
    ) -> Result<Option<u64>> {
        let sort: Sort = sort.into();
        let filter = self.sql(query);
        let sql = format!(
            "SELECT position FROM (SELECT a.id, row_number() OVER (ORDER BY {}) - 1 AS position \
             FROM articles a WHERE {}) WHERE id = ?",
            sort.order_by(),
            filter.condition
        );
        let mut params = filter.params;
        params.push(id.into());
        Ok(self
            .conn
            .query_row(&sql, rusqlite::params_from_iter(&params), |row| row.get(0))
            .optional()?)
    }

    /// Totals, unread count and the languages and sources most present among matches of `query`.
    pub fn facets(&self, query: &Query) -> Result<Facets> {
        match Shape::of(query) {
            Shape::Facets => return self.facets_from_totals(None, &self.sql(query)),
            Shape::Countries { clause, codes } if codes.len() == 1 => {
                let rest = self.sql_without(query, Some(clause));
                return self.facets_from_totals(Some(codes[0]), &rest);
            }
            _ => {}
        }
        // One pass over the matching articles, counted here: a GROUP BY per column let SQLite
        // walk each column's index and test every article (3 s for two countries of a million).
        let filter = self.sql(query);
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT a.lang, a.source, a.read FROM articles a WHERE {}",
            filter.condition
        ))?;
        let mut rows = statement.query(rusqlite::params_from_iter(&filter.params))?;
        let (mut total, mut unread) = (0, 0);
        let (mut by_lang, mut by_source) = (HashMap::<String, u64>::new(), HashMap::new());
        while let Some(row) = rows.next()? {
            total += 1;
            unread += u64::from(!row.get::<_, bool>(2)?);
            for (column, counts) in [(0, &mut by_lang), (1, &mut by_source)] {
                let value = row.get_ref(column)?.as_str_or_null();
                if let Some(value) = value.map_err(rusqlite::Error::from)? {
                    // A few distinct values over many rows: copied once each.
                    match counts.get_mut(value) {
                        Some(count) => *count += 1,
                        None => {
                            counts.insert(value.to_string(), 1);
                        }
                    }
                }
            }
        }
        Ok(Facets {
            total,
            unread,
            by_lang: most_first(by_lang),
            by_source: most_first(by_source),
        })
    }

    fn group_counts(&self, filter: &filter::Sql, column: &str) -> Result<Vec<(String, u64)>> {
        let sql = format!(
            "SELECT {column}, count(*) AS n FROM articles a WHERE {} AND {column} IS NOT NULL \
             GROUP BY {column} ORDER BY n DESC, {column} LIMIT 20",
            filter.condition
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(&filter.params), |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Totals for `kiosk stats`.
    pub fn stats(&self) -> Result<Stats> {
        let (articles, unread, starred, sources, oldest, newest) = self.conn.query_row(
            "SELECT count(*), count(*) - coalesce(sum(read), 0), coalesce(sum(starred), 0), \
             count(DISTINCT source), min(published), max(published) FROM articles",
            [],
            |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                ))
            },
        )?;
        let languages = self.group_counts(&self.sql(&Query::default()), "a.lang")?;
        let page_bytes: u64 = self.conn.query_row(
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
            [],
            |row| row.get(0),
        )?;
        Ok(Stats {
            articles,
            unread,
            starred,
            sources,
            languages,
            oldest,
            newest,
            size_bytes: page_bytes,
        })
    }
}

/// The 20 values counted most, most first, ties in text order (as the totals give them).
fn most_first(counts: HashMap<String, u64>) -> Vec<(String, u64)> {
    let mut counts: Vec<(String, u64)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.truncate(20);
    counts
}
