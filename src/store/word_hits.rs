//! The current word filter's matches kept in a temporary table, so that every query combining
//! them with other filters (a country, the picker's counts, the sidebar) looks ids up there.
//! Without it, each such query rebuilds the full-text match list: on a million articles a word
//! in 17% of them costs 150 ms, paid again at every country the user steps through.

use std::cell::RefCell;

use super::filter::{Sql, StoredHits, full_text_expression, is_positive_text};
use super::{CountryCount, Result, Store};
use crate::query::Query;

/// Which full-text expression `temp.word_hits` holds, and as of which data version.
#[derive(Debug, Default)]
pub(super) struct WordHits(RefCell<Option<Stored>>);

#[derive(Debug)]
struct Stored {
    expression: String,
    data_version: i64,
    /// Whether at least one article in [`COMMON`] matches.
    common: bool,
}

/// Words matching one article in this many or more are "common": within one country, walking
/// its newest articles finds a page of matches before reading many rows.
const COMMON: u64 = 100;

impl WordHits {
    /// Forgets what the table holds: this connection is about to write articles.
    pub fn invalidate(&mut self) {
        *self.0.get_mut() = None;
    }
}

impl Store {
    /// The SQL condition for `query`, its words' matches read from `temp.word_hits`.
    pub(super) fn sql(&self, query: &Query) -> Sql {
        self.sql_without(query, None)
    }

    /// [`Store::sql`] leaving out clause `skip`, a clause of countries the caller enforces
    /// itself by walking their slice of the country index.
    pub(super) fn sql_without(&self, query: &Query, skip: Option<usize>) -> Sql {
        // Without room for the temporary table (a full temporary directory), the words are
        // read from the full-text index as before: slower, never wrong. A bad expression
        // fails there too, with SQLite's message.
        let stored = full_text_expression(query, skip).and_then(|expression| {
            let common = self.store_word_hits(&expression).ok()?;
            Some(StoredHits {
                expression,
                membership_only: skip.is_some() && common,
            })
        });
        Sql::build_using(query, skip, stored)
    }

    /// Fills `temp.word_hits` with the ids matching `expression` unless it holds them already
    /// and no other connection has written since (`PRAGMA data_version`; this connection's own
    /// writes go through [`Store::writer`], which invalidates).
    /// Returns whether the expression's words are common (see [`COMMON`]).
    fn store_word_hits(&self, expression: &str) -> Result<bool> {
        let data_version = self.data_version()?;
        let mut stored = self.word_hits.0.borrow_mut();
        if let Some(s) = stored.as_ref()
            && s.expression == expression
            && s.data_version == data_version
        {
            return Ok(s.common);
        }
        *stored = None;
        self.conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS word_hits (id INTEGER PRIMARY KEY); \
             DELETE FROM temp.word_hits;",
        )?;
        let hits: u64 = self
            .conn
            .prepare_cached(
                "INSERT INTO temp.word_hits \
                 SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
            )?
            .execute([expression])?
            .try_into()
            .unwrap_or(u64::MAX);
        let total: u64 = self
            .conn
            .query_row("SELECT articles FROM article_total", [], |row| row.get(0))?;
        let common = hits.saturating_mul(COMMON) >= total;
        *stored = Some(Stored {
            expression: expression.to_string(),
            data_version,
            common,
        });
        Ok(common)
    }

    /// Country counts over the articles matching a query of words alone, read from the stored
    /// matches and counted here: neither the article rows nor SQLite's sort for a GROUP BY,
    /// which took 150 ms for a word in 17% of a million articles. `None` for other queries.
    pub(super) fn country_counts_of_words(
        &self,
        query: &Query,
    ) -> Result<Option<Vec<CountryCount>>> {
        if !query.clauses.iter().all(is_positive_text) {
            return Ok(None);
        }
        let Some(expression) = full_text_expression(query, None) else {
            return Ok(None);
        };
        if self.store_word_hits(&expression).is_err() {
            return Ok(None);
        }
        let mut statement = self.conn.prepare_cached(
            "SELECT c.code, c.about FROM temp.word_hits w \
             CROSS JOIN article_countries c ON c.article_id = w.id",
        )?;
        let mut counts: Vec<CountryCount> = Vec::new();
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let code = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            let about: bool = row.get(1)?;
            // A few hundred codes at most, the common ones found first: a linear search wins.
            let at = match counts.iter().position(|c| c.code == code) {
                Some(at) => at,
                None => {
                    counts.push(CountryCount {
                        code: code.to_string(),
                        articles: 0,
                        mentions: 0,
                    });
                    counts.len() - 1
                }
            };
            counts[at].articles += u64::from(about);
            counts[at].mentions += 1;
        }
        counts.sort_by(|a, b| {
            (b.articles, b.mentions)
                .cmp(&(a.articles, a.mentions))
                .then_with(|| a.code.cmp(&b.code))
        });
        Ok(Some(counts))
    }
}
