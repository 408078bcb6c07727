//! An in-memory copy of `article_countries` (the countries each article names, and whether it
//! is about them) for the TUI's counting threads: the countries of 800,000 matching articles
//! are then counted from their ids alone, where SQLite seeks each article's rows in its index
//! (1.5 s on a million-article store). One copy per store file is shared by the threads of a
//! process and brought up to date from the change stamp of schema migration 7.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::filter::Sql;
use super::filter::text_expressions;
use super::plan::{Matching, Shape};
use super::{CountryCount, Result, Store};
use crate::query::Query;

/// Where `article_countries` stood when a copy was read (the row of `country_changes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    changes: i64,
    /// Changes other than rows for an article newer than `top`.
    rewrites: i64,
    /// The newest article id that ever had rows.
    top: i64,
}

/// The copy: each article's entries, packed.
#[derive(Debug, Default, Clone)]
pub(super) struct CountryIndex {
    stamp: Option<Stamp>,
    codes: Vec<String>,
    code_numbers: HashMap<String, u16>,
    /// Article `id`'s entries are `entries[starts[id]..starts[id + 1]]`.
    starts: Vec<u32>,
    /// A code's number in `codes` shifted left once, plus one when the article is about it.
    entries: Vec<u16>,
}

/// Ids past this are not copied (a store with ids so sparse would waste the copy's memory):
/// the callers count in SQLite instead.
const MAX_ID: i64 = 1 << 31;

/// The copies of this process, by store path.
static COPIES: LazyLock<Mutex<HashMap<PathBuf, Arc<CountryIndex>>>> =
    LazyLock::new(Default::default);

impl CountryIndex {
    /// The copy for the store at `path`, brought up to date through `conn` (which should be in
    /// a read transaction, so the copy and the caller's reads see the same articles). Rows for
    /// articles newer than the copy's are appended; any other change re-reads the table.
    /// `None` when the store has no change stamp or ids too large.
    pub fn current(conn: &Connection, path: &Path) -> Result<Option<Arc<Self>>> {
        let Some(stamp) = read_stamp(conn)? else {
            return Ok(None);
        };
        if stamp.top >= MAX_ID {
            return Ok(None);
        }
        // Held while reading, so two threads asking at once read the table once.
        let mut copies = COPIES.lock().unwrap_or_else(PoisonError::into_inner);
        let copy = copies.entry(path.to_path_buf()).or_default();
        if copy.stamp != Some(stamp) {
            let index = Arc::make_mut(copy);
            match index.stamp {
                Some(old) if old.rewrites == stamp.rewrites && old.top <= stamp.top => {
                    index.read_rows(conn, old.top)?;
                }
                _ => {
                    *index = Self::default();
                    index.read_rows(conn, 0)?;
                }
            }
            index.stamp = Some(stamp);
        }
        Ok(Some(Arc::clone(copy)))
    }

    /// Appends the rows of the articles after `after`, in id order.
    fn read_rows(&mut self, conn: &Connection, after: i64) -> Result<()> {
        let mut statement = conn.prepare_cached(
            "SELECT article_id, code, about FROM article_countries WHERE article_id > ? \
             ORDER BY article_id",
        )?;
        let mut rows = statement.query([after])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let code = row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            let about: bool = row.get(2)?;
            let Ok(id) = usize::try_from(id) else {
                continue;
            };
            let number = match self.code_numbers.get(code) {
                Some(&number) => number,
                None => {
                    let number = u16::try_from(self.codes.len()).unwrap_or(u16::MAX >> 1);
                    self.codes.push(code.to_string());
                    self.code_numbers.insert(code.to_string(), number);
                    number
                }
            };
            // Every article up to this one ends where the entries end now.
            let end = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
            if self.starts.is_empty() {
                self.starts.push(0);
            }
            while self.starts.len() <= id + 1 {
                self.starts.push(end);
            }
            self.entries.push(number << 1 | u16::from(about));
            *self.starts.last_mut().expect("pushed above") += 1;
        }
        Ok(())
    }

    /// The entries of article `id`; none for an id the copy does not hold.
    fn entries_of(&self, id: i64) -> &[u16] {
        let Ok(id) = usize::try_from(id) else {
            return &[];
        };
        match (self.starts.get(id), self.starts.get(id + 1)) {
            (Some(&start), Some(&end)) => &self.entries[start as usize..end as usize],
            _ => &[],
        }
    }

    /// The number of `code` in the entries, if any article names it.
    fn number_of(&self, code: &str) -> Option<u16> {
        self.code_numbers.get(code).copied()
    }

    /// Whether article `id` is about one of the countries numbered `numbers`.
    fn is_about_any(&self, id: i64, numbers: &[u16]) -> bool {
        self.entries_of(id)
            .iter()
            .any(|&entry| entry & 1 == 1 && numbers.contains(&(entry >> 1)))
    }

    /// A fresh count over this copy.
    pub fn tally(&self) -> Tally<'_> {
        Tally {
            index: self,
            about: vec![0; self.codes.len()],
            named: vec![0; self.codes.len()],
        }
    }
}

/// The query reading the ids of the articles matching facet terms, and the numbers of the
/// countries (in the copy) one of which they must be about.
struct FacetIds {
    sql: String,
    params: Vec<Value>,
    about: Vec<u16>,
}

/// Countries counted article by article.
pub(super) struct Tally<'a> {
    index: &'a CountryIndex,
    about: Vec<u64>,
    named: Vec<u64>,
}

impl Tally<'_> {
    /// Counts the countries of article `id` (none for an id the copy does not hold).
    pub fn add(&mut self, id: i64) {
        for &entry in self.index.entries_of(id) {
            let number = usize::from(entry >> 1);
            self.about[number] += u64::from(entry & 1);
            self.named[number] += 1;
        }
    }

    /// Uncounts the countries of article `id`, counted before.
    pub fn remove(&mut self, id: i64) {
        for &entry in self.index.entries_of(id) {
            let number = usize::from(entry >> 1);
            self.about[number] -= u64::from(entry & 1);
            self.named[number] -= 1;
        }
    }

    /// Counts the countries of every article.
    pub fn add_every_article(&mut self) {
        for &entry in &self.index.entries {
            let number = usize::from(entry >> 1);
            self.about[number] += u64::from(entry & 1);
            self.named[number] += 1;
        }
    }

    /// The countries named at least once, most articles about them first, then most named.
    pub fn counts(self) -> Vec<CountryCount> {
        let mut counts: Vec<CountryCount> = (self.index.codes.iter().zip(self.about))
            .zip(self.named)
            .filter(|(_, named)| *named > 0)
            .map(|((code, articles), mentions)| CountryCount {
                code: code.clone(),
                articles,
                mentions,
            })
            .collect();
        counts.sort_by(|a, b| {
            (b.articles, b.mentions)
                .cmp(&(a.articles, a.mentions))
                .then_with(|| a.code.cmp(&b.code))
        });
        counts
    }
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
        let _snapshot = self.conn.unchecked_transaction()?;
        CountryIndex::current(&self.conn, &self.path).map(drop)
    }

    /// [`Store::country_counts`] from the in-memory copy, when this store counts with it.
    /// A query of words alone reads the full-text index's ids; any other its matching ids.
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
                // Countries within facets: the copy says which of the facets' articles are
                // about them, unless the countries' slices are the shorter walk.
                let (sql, params, about) = match self.facet_ids_of_countries(query, &copy)? {
                    Some(FacetIds { sql, params, about }) => (sql, params, Some(about)),
                    None => {
                        let matching = Matching::of(self, query);
                        let sql = format!(
                            "SELECT {} FROM {} WHERE {}",
                            matching.id, matching.from, matching.condition
                        );
                        (sql, matching.params, None)
                    }
                };
                let mut statement = self.conn.prepare_cached(&sql)?;
                let mut rows = statement.query(rusqlite::params_from_iter(&params))?;
                while let Some(row) = rows.next()? {
                    let id = row.get(0)?;
                    if about
                        .as_ref()
                        .is_none_or(|about| copy.is_about_any(id, about))
                    {
                        tally.add(id);
                    }
                }
            }
        }
        snapshot.commit()?;
        Ok(Some(tally.counts()))
    }
}

impl Store {
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
        let mut statement = self.conn.prepare_cached(&sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(&params))?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if copy.is_about_any(id, &about) {
                if ids.len() > 1 {
                    ids.push(',');
                }
                ids.push_str(&id.to_string());
            }
        }
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

    /// Calls `each` with the id of every article matching the FTS5 `expression`.
    fn for_each_word_hit(&self, expression: &str, mut each: impl FnMut(i64)) -> Result<()> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?")?;
        let mut rows = statement.query([expression])?;
        while let Some(row) = rows.next()? {
            each(row.get(0)?);
        }
        Ok(())
    }
}

/// The change stamp, or `None` when the store has none.
fn read_stamp(conn: &Connection) -> Result<Option<Stamp>> {
    let stamp = conn
        .query_row(
            "SELECT changes, rewrites, top FROM country_changes WHERE id = 1",
            [],
            |row| {
                Ok(Stamp {
                    changes: row.get(0)?,
                    rewrites: row.get(1)?,
                    top: row.get(2)?,
                })
            },
        )
        .optional()?;
    Ok(stamp)
}
