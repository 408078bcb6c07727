//! Country and entity counts over a query's matching articles read from the in-memory copy
//! of the store's countries ([`CountryIndex`]), for the stores of the TUI's counting threads.

use rusqlite::types::Value;

use super::country_index::{CountryIndex, MAX_ID};
use super::filter::{Sql, full_text_expression, is_positive_text, text_expressions};
use super::plan::{Matching, Shape};
use super::{CountryCount, Result, Store};
use crate::query::Query;

/// The query reading the ids of the articles matching facet terms, and the numbers of the
/// countries (in the copy) one of which they must be about.
struct FacetIds {
    sql: String,
    params: Vec<Value>,
    about: Vec<u16>,
}

impl Store {
    /// Counts countries over the articles of a query from the process's in-memory copy of the
    /// store's countries (read by the first count that needs it, or [`Store::load_country_copy`],
    /// and kept up to date), not from SQLite's index. Worth it for a process that counts often
    /// (the TUI); a single count is faster without the copy.
    pub fn count_countries_in_memory(&self) {
        self.countries_in_memory.set(true);
    }

    /// Reads the process's copy of the store's countries now, or brings it up to date.
    pub fn load_country_copy(&self) -> Result<()> {
        CountryIndex::current(&self.conn, &self.path).map(drop)
    }

    /// [`Store::country_counts`] from the in-memory copy, when this store counts with it: the
    /// copy counts the countries of the matching ids, read from the full-text index alone for
    /// words, along the facets' index for words or countries within facet terms (when shorter),
    /// and through the query's plan otherwise.
    pub(super) fn country_counts_in_memory(
        &self,
        query: &Query,
    ) -> Result<Option<Vec<CountryCount>>> {
        if !self.countries_in_memory.get() {
            return Ok(None);
        }
        // One snapshot for the copy and the ids.
        let Ok(snapshot) = self.conn.unchecked_transaction() else {
            return Ok(None);
        };
        let Some(copy) = CountryIndex::current(&self.conn, &self.path)? else {
            return Ok(None);
        };
        let mut tally = copy.tally();
        match text_expressions(query) {
            // Words alone: the full-text index's ids, without the articles. Negated words are
            // left out by FTS5's NOT, or, with nothing else, subtracted from every article.
            Some((Some(positive), negated)) => {
                let expression = match negated {
                    Some(negated) => format!("({positive}) NOT ({negated})"),
                    None => positive,
                };
                self.for_each_word_hit(&expression, |id| tally.add(id))?;
            }
            Some((None, Some(negated))) => {
                tally.add_every_article();
                self.for_each_word_hit(&negated, |id| tally.remove(id))?;
            }
            _ => {
                // Words within facets: their full-text ids as a set, tested along the facets'
                // index, when the words match enough articles that storing them costs more.
                let (query, hits) = match self.words_within_facets(query)? {
                    Some((facets, hits)) => (facets, Some(hits)),
                    None => (query.clone(), None),
                };
                // Countries within facets: the copy says which of the facets' articles are
                // about them, unless the countries' slices are the shorter walk.
                let (sql, params, about) = match self.facet_ids_of_countries(&query, &copy)? {
                    Some(FacetIds { sql, params, about }) => (sql, params, Some(about)),
                    None => {
                        let matching = Matching::of(self, &query);
                        let sql = format!(
                            "SELECT {} FROM {} WHERE {}",
                            matching.id, matching.from, matching.condition
                        );
                        (sql, matching.params, None)
                    }
                };
                self.for_each_id(&sql, &params, |id| {
                    if about
                        .as_ref()
                        .is_none_or(|about| copy.is_about_any(id, about))
                        && hits.as_ref().is_none_or(|hits| hits.contains(id))
                    {
                        tally.add(id);
                    }
                })?;
            }
        }
        snapshot.commit()?;
        Ok(Some(tally.counts()))
    }

    /// The ids of the articles matching `query` as a JSON array (for `json_each`), when this
    /// store counts in memory and the query is facet terms and one clause of countries that the
    /// copy answers faster than the countries' slices (see below); `None` otherwise.
    pub(super) fn country_facet_ids(&self, query: &Query) -> Result<Option<String>> {
        if !self.countries_in_memory.get() {
            return Ok(None);
        }
        let Some(copy) = CountryIndex::current(&self.conn, &self.path)? else {
            return Ok(None);
        };
        let Some(FacetIds { sql, params, about }) = self.facet_ids_of_countries(query, &copy)?
        else {
            return Ok(None);
        };
        let mut ids = String::from("[");
        self.for_each_id(&sql, &params, |id| {
            if copy.is_about_any(id, &about) {
                if ids.len() > 1 {
                    ids.push(',');
                }
                ids.push_str(&id.to_string());
            }
        })?;
        ids.push(']');
        Ok(Some(ids))
    }

    /// For facet terms and one clause of countries, when the facets select fewer articles
    /// than the countries' slices hold: the SQL reading the facets' ids, its parameters and the
    /// countries' numbers in `copy`. `None` otherwise.
    fn facet_ids_of_countries(
        &self,
        query: &Query,
        copy: &CountryIndex,
    ) -> Result<Option<FacetIds>> {
        let Shape::Countries { clause, codes } = Shape::of(query) else {
            return Ok(None);
        };
        let rest = self.sql_without(query, Some(clause));
        if rest.condition == "1" {
            return Ok(None);
        }
        let everything = Sql::build_using(&Query::default(), None, None);
        let mut slices = 0;
        for code in &codes {
            slices += self.facet_total(Some(code), &everything)?;
        }
        // A slice's row costs a seek into its article; a facet's row is a step along an index.
        if self.facet_total(None, &rest)? >= slices.saturating_mul(3) {
            return Ok(None);
        }
        let about = codes
            .iter()
            .filter_map(|code| copy.number_of(code))
            .collect();
        let sql = format!("SELECT a.id FROM articles a WHERE {}", rest.condition);
        Ok(Some(FacetIds {
            sql,
            params: rest.params,
            about,
        }))
    }

    /// For positive words and facet terms: the facet terms alone and the words' matches, when
    /// the words match at least a quarter as many articles as the facets select (fewer are
    /// faster stored and walked). `None` otherwise.
    fn words_within_facets(&self, query: &Query) -> Result<Option<(Query, IdSet)>> {
        let (words, facets): (Vec<_>, Vec<_>) =
            query.clauses.iter().cloned().partition(is_positive_text);
        let facets = Query { clauses: facets };
        if words.is_empty() || facets.is_empty() || !matches!(Shape::of(&facets), Shape::Facets) {
            return Ok(None);
        }
        let Some(expression) = full_text_expression(query, None) else {
            return Ok(None);
        };
        let mut hits = IdSet::default();
        let mut all_held = true;
        self.for_each_word_hit(&expression, |id| all_held &= hits.insert(id))?;
        if !all_held {
            return Ok(None);
        }
        let selected = self.facet_total(None, &self.sql(&facets))?;
        Ok((hits.len.saturating_mul(4) >= selected).then_some((facets, hits)))
    }

    /// Calls `each` with the id of every article matching the FTS5 `expression`.
    fn for_each_word_hit(&self, expression: &str, each: impl FnMut(i64)) -> Result<()> {
        let sql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?";
        self.for_each_id(sql, &[expression.to_string().into()], each)
    }

    /// Calls `each` with the first column of every row of `sql`, an article id.
    fn for_each_id(&self, sql: &str, params: &[Value], mut each: impl FnMut(i64)) -> Result<()> {
        let mut statement = self.conn.prepare_cached(sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(params))?;
        while let Some(row) = rows.next()? {
            each(row.get(0)?);
        }
        Ok(())
    }
}

/// Article ids as a bit set.
#[derive(Default)]
struct IdSet {
    words: Vec<u64>,
    len: u64,
}

impl IdSet {
    /// Adds `id`; false for an id too large for a set of this kind (see [`MAX_ID`]).
    fn insert(&mut self, id: i64) -> bool {
        let Some(id) = usize::try_from(id).ok().filter(|_| id < MAX_ID) else {
            return false;
        };
        if self.words.len() <= id / 64 {
            self.words.resize(id / 64 + 1, 0);
        }
        self.words[id / 64] |= 1 << (id % 64);
        self.len += 1;
        true
    }

    fn contains(&self, id: i64) -> bool {
        usize::try_from(id).is_ok_and(|id| {
            self.words
                .get(id / 64)
                .is_some_and(|word| word & 1 << (id % 64) != 0)
        })
    }
}
