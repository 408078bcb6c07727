//! Counts read from the trigger-kept totals of schema migrations 5 (`article_facets`,
//! `country_facets`) and 6 (`entity_totals`, `country_entities`): for a filter of language,
//! source and read/starred terms, with at most one clause of `country:` terms, a count is a sum
//! over a few hundred rows instead of a scan, and top entities rank one row per entity.
//! The totals rows carry the articles' own column values under the alias `a`, so the filter's
//! SQL condition applies to them unchanged and the answers are exact.

use rusqlite::types::Value;

use super::analysis::collect_country_counts;
use super::filter::Sql;
use super::plan::Shape;
use super::{CountryCount, Facets, Result, Store};
use crate::query::Query;

impl Store {
    /// Articles matching the facet-only condition `rest`, about `code` when one is given.
    pub(super) fn facet_total(&self, code: Option<&str>, rest: &Sql) -> Result<u64> {
        let (table, measure, params) = totals_of(code, rest);
        let sql = format!(
            "SELECT coalesce(sum({measure}), 0) FROM {table} {}",
            rest.condition
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(&params), |row| row.get(0))?)
    }

    /// Articles about any of `codes` (sorted, distinct) matching the facet-only condition `rest`.
    /// The union is the largest country's total (from the totals) plus, for each other country,
    /// its articles about none of the countries counted before it: only the smaller countries'
    /// slices of the country index are read.
    pub(super) fn countries_total(&self, codes: &[&str], rest: &Sql) -> Result<u64> {
        let sized = self.largest_first(codes, rest)?;
        let Some(&(mut total, _)) = sized.first() else {
            return Ok(0);
        };
        let join = if rest.condition == "1" {
            ""
        } else {
            " JOIN articles a ON a.id = c.article_id"
        };
        for (index, &(_, code)) in sized.iter().enumerate().skip(1) {
            let (only_here, mut params) = only_here(code, &sized[..index]);
            let sql = format!(
                "SELECT count(*) FROM article_countries c{join} WHERE {only_here} AND {}",
                rest.condition
            );
            params.extend(rest.params.iter().cloned());
            let only_here: u64 = self
                .conn
                .prepare_cached(&sql)?
                .query_row(rusqlite::params_from_iter(&params), |row| row.get(0))?;
            total += only_here;
        }
        Ok(total)
    }

    /// `codes` with their articles matching the facet-only condition `rest`, most first.
    fn largest_first<'c>(&self, codes: &[&'c str], rest: &Sql) -> Result<Vec<(u64, &'c str)>> {
        let mut sized = codes
            .iter()
            .map(|code| Ok((self.facet_total(Some(code), rest)?, *code)))
            .collect::<Result<Vec<_>>>()?;
        sized.sort_unstable_by(|a, b| b.cmp(a));
        Ok(sized)
    }

    /// A query of `(entity_id, articles, mentions)` rows, one per entity, counting the articles
    /// matching `query` that cite it, read from the entity totals of schema migration 6; `None`
    /// unless `query` is empty or one clause of `country:` terms alone.
    pub(super) fn entity_totals(&self, query: &Query) -> Result<Option<(String, Vec<Value>)>> {
        if query.is_empty() {
            let sql = "SELECT entity_id, articles, mentions FROM entity_totals";
            return Ok(Some((sql.to_string(), Vec::new())));
        }
        self.about_countries(
            query,
            "SELECT entity_id, articles, mentions FROM country_entities WHERE code = ?",
            "SELECT ae.entity_id, 1, ae.count FROM article_countries c \
             CROSS JOIN article_entities ae ON ae.article_id = c.article_id",
            "entity_id, sum(articles) AS articles, sum(mentions) AS mentions",
        )
    }

    /// [`Store::country_counts`] from the country pairs of schema migration 6, when `query` is
    /// one clause of `country:` terms alone; `None` otherwise.
    pub(super) fn country_counts_within(&self, query: &Query) -> Result<Option<Vec<CountryCount>>> {
        let Some((rows, params)) = self.about_countries(
            query,
            "SELECT other, about, mentions FROM country_pairs WHERE code = ?",
            "SELECT p.code, p.about, 1 FROM article_countries c \
             JOIN article_countries p ON p.article_id = c.article_id",
            "other, sum(about) AS about, sum(mentions) AS mentions",
        )?
        else {
            return Ok(None);
        };
        let sql = format!(
            "SELECT other, about, mentions FROM ({rows}) WHERE mentions > 0 \
             ORDER BY about DESC, mentions DESC, other"
        );
        collect_country_counts(self.conn.prepare_cached(&sql)?, &params).map(Some)
    }

    /// Rows keyed by entity or country over the articles about the countries of `query`, when it
    /// is one clause of `country:` terms alone (`None` otherwise). `totals` selects a country's
    /// totals (its code the one parameter) and `slice` the same columns from the rows of the
    /// articles of `article_countries c`; ORed countries add, to the largest one's totals, each
    /// other one's articles about none counted before it, summed per key (the first column) by
    /// `sums`.
    fn about_countries(
        &self,
        query: &Query,
        totals: &str,
        slice: &str,
        sums: &str,
    ) -> Result<Option<(String, Vec<Value>)>> {
        let Shape::Countries { clause, codes } = Shape::of(query) else {
            return Ok(None);
        };
        let rest = self.sql_without(query, Some(clause));
        if rest.condition != "1" {
            return Ok(None);
        }
        let sized = self.largest_first(&codes, &rest)?;
        let Some(&(_, largest)) = sized.first() else {
            return Ok(None);
        };
        let mut sql = totals.to_string();
        let mut params: Vec<Value> = vec![largest.to_string().into()];
        if sized.len() == 1 {
            return Ok(Some((sql, params)));
        }
        for (index, &(_, code)) in sized.iter().enumerate().skip(1) {
            let (only_here, more) = only_here(code, &sized[..index]);
            sql.push_str(&format!(" UNION ALL {slice} WHERE {only_here}"));
            params.extend(more);
        }
        // Both `totals` and `slice` lead with the key, whatever its name.
        Ok(Some((
            format!("SELECT {sums} FROM ({sql}) GROUP BY 1"),
            params,
        )))
    }

    /// [`Store::facets`] for the articles matching the facet-only `rest`, about `code` if given.
    pub(super) fn facets_from_totals(&self, code: Option<&str>, rest: &Sql) -> Result<Facets> {
        let (table, measure, params) = totals_of(code, rest);
        let (total, unread) = self
            .conn
            .prepare_cached(&format!(
                "SELECT coalesce(sum({measure}), 0), coalesce(sum({measure} * (1 - a.read)), 0) \
             FROM {table} {}",
                rest.condition
            ))?
            .query_row(rusqlite::params_from_iter(&params), |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?;
        let group = |column: &str| -> Result<Vec<(String, u64)>> {
            let sql = format!(
                "SELECT {column}, sum({measure}) AS n FROM {table} {} AND {column} IS NOT NULL \
                 GROUP BY {column} HAVING n > 0 ORDER BY n DESC, {column} LIMIT 20",
                rest.condition
            );
            let mut statement = self.conn.prepare_cached(&sql)?;
            let rows = statement.query_map(rusqlite::params_from_iter(&params), |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        Ok(Facets {
            total,
            unread,
            by_lang: group("a.lang")?,
            by_source: group("a.source")?,
        })
    }

    /// [`Store::country_counts`] over the articles matching the facet-only condition `rest`.
    /// Totals rows left at zero stay (cheaper than deleting in triggers), hence the HAVING; its
    /// aliases differ from the columns, which a bare name in HAVING would mean.
    pub(super) fn country_counts_from_totals(&self, rest: &Sql) -> Result<Vec<CountryCount>> {
        let sql = format!(
            "SELECT a.code, sum(a.about) AS about_n, sum(a.mentions) AS mentions_n \
             FROM country_facets a WHERE {} GROUP BY a.code HAVING mentions_n > 0 \
             ORDER BY about_n DESC, mentions_n DESC, a.code",
            rest.condition
        );
        collect_country_counts(self.conn.prepare_cached(&sql)?, &rest.params)
    }
}

/// A condition on `article_countries c`: about `code` and about none of the `earlier` countries
/// (already counted), with its parameters.
fn only_here(code: &str, earlier: &[(u64, &str)]) -> (String, Vec<Value>) {
    let marks = vec!["?"; earlier.len()].join(", ");
    let condition = format!(
        "c.code = ? AND c.about = 1 AND NOT EXISTS (SELECT 1 FROM article_countries o \
         WHERE o.article_id = c.article_id AND o.code IN ({marks}) AND o.about = 1)"
    );
    let mut params: Vec<Value> = vec![code.to_string().into()];
    params.extend(earlier.iter().map(|(_, code)| code.to_string().into()));
    (condition, params)
}

/// The totals table (aliased `a`) with the start of a WHERE clause restricting it to `code` if
/// given, the column holding its article counts, and the parameters: the code's, then `rest`'s.
fn totals_of(code: Option<&str>, rest: &Sql) -> (&'static str, &'static str, Vec<Value>) {
    match code {
        None => ("article_facets a WHERE", "a.articles", rest.params.clone()),
        Some(code) => {
            let mut params: Vec<Value> = vec![code.to_string().into()];
            params.extend(rest.params.iter().cloned());
            ("country_facets a WHERE a.code = ? AND", "a.about", params)
        }
    }
}
