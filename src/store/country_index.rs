//! An in-memory copy of `article_countries` (the countries each article names, and whether it
//! is about them) for the TUI's counting threads: the countries of 800,000 matching articles
//! are then counted from their ids alone, where SQLite seeks each article's rows in its index
//! (0.5 s for a word in 81% of a million articles). One copy per store file is shared by the
//! threads of a process and brought up to date from the change stamp of schema migration 7.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use rusqlite::{Connection, OptionalExtension};

use super::{CountryCount, Result};

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
pub(super) const MAX_ID: i64 = 1 << 31;

/// The copies of this process, by store path.
static COPIES: LazyLock<Mutex<HashMap<PathBuf, Arc<CountryIndex>>>> =
    LazyLock::new(Default::default);

impl CountryIndex {
    /// The copy for the store at `path`, brought up to date through `conn` (in the caller's
    /// read transaction, if any, so the copy and the caller's reads see the same articles; in
    /// one of its own otherwise). Rows for articles from the copy's newest on are read again
    /// and appended (an article deleted and its id reused adds rows no rewrite counts); any
    /// other change re-reads the table. `None` when the store has no change stamp, ids too
    /// large or too many codes.
    pub fn current(conn: &Connection, path: &Path) -> Result<Option<Arc<Self>>> {
        let _snapshot = if conn.is_autocommit() {
            Some(conn.unchecked_transaction()?)
        } else {
            None
        };
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
            let read = match index.stamp.take() {
                Some(old) if old.rewrites == stamp.rewrites && old.top <= stamp.top => {
                    index.forget_from(old.top);
                    index.read_rows(conn, old.top - 1)
                }
                _ => {
                    *index = Self::default();
                    index.read_rows(conn, 0)
                }
            };
            // A read that failed half way leaves no stamp: the next one starts afresh.
            read?;
            index.stamp = Some(stamp);
        }
        if copy.codes.len() >= 1 << 15 {
            return Ok(None);
        }
        Ok(Some(Arc::clone(copy)))
    }

    /// Drops the entries of article `id` and of any after it.
    fn forget_from(&mut self, id: i64) {
        let Ok(id) = usize::try_from(id) else {
            return;
        };
        if let Some(&start) = self.starts.get(id) {
            self.entries.truncate(start as usize);
            self.starts.truncate(id + 1);
        }
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
    pub fn number_of(&self, code: &str) -> Option<u16> {
        self.code_numbers.get(code).copied()
    }

    /// Whether article `id` is about one of the countries numbered `numbers`.
    pub fn is_about_any(&self, id: i64, numbers: &[u16]) -> bool {
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

/// Countries counted article by article.
pub(super) struct Tally<'a> {
    index: &'a CountryIndex,
    about: Vec<u64>,
    named: Vec<u64>,
}

impl Tally<'_> {
    /// Counts the countries of article `id` (none for an id the copy does not hold).
    pub fn add(&mut self, id: i64) {
        let index = self.index;
        self.count(index.entries_of(id), true);
    }

    /// Uncounts the countries of article `id`, counted before.
    pub fn remove(&mut self, id: i64) {
        let index = self.index;
        self.count(index.entries_of(id), false);
    }

    /// Counts the countries of every article.
    pub fn add_every_article(&mut self) {
        let index = self.index;
        self.count(&index.entries, true);
    }

    fn count(&mut self, entries: &[u16], add: bool) {
        for &entry in entries {
            let number = usize::from(entry >> 1);
            let about = u64::from(entry & 1);
            if add {
                self.about[number] += about;
                self.named[number] += 1;
            } else {
                self.about[number] -= about;
                self.named[number] -= 1;
            }
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
