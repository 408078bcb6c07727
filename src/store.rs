//! The article store: one SQLite file (WAL, FTS5) that is the single source of truth.
//! All SQL lives in this module and its children; callers speak in articles and queries.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

use crate::article::{Article, ArticleId, ArticleSummary};

mod aliases;
mod analysis;
mod analysis_write;
mod country_index;
mod credits;
mod deferred;
mod feeds;
mod filter;
mod keyset;
mod list;
mod mark;
mod memory_counts;
mod open;
mod packed;
mod plan;
mod repair;
mod schema;
mod sort;
mod tags;
mod totals;
mod trash;
mod word_hits;
mod write;

pub use analysis::{CountryCount, CountryRow, EntityCount, EntityRow};
pub use feeds::{AddOutcome, NewSubscription, Subscription, name_from_url};
pub use keyset::Anchor;
pub use open::SQLITE_MAGIC;
pub use packed::PackedTexts;
pub use schema::{MigrationOutcome, SCHEMA_VERSION};
pub use sort::{Direction, Sort, SortOrder};
pub use tags::{TagIndex, normalize_tag};
pub use trash::Deleted;
pub use write::{InsertOutcome, Writer};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open store {path}: {cause}")]
    Open {
        path: PathBuf,
        cause: rusqlite::Error,
    },
    #[error("cannot create the folder for store {path}: {cause}")]
    CreateDir {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{path} is not a kiosk store (not an SQLite database); it was left as it is")]
    NotADatabase { path: PathBuf },
    #[error("{path} is truncated ({len} of its {expected} bytes): it was left as it is")]
    Truncated {
        path: PathBuf,
        len: u64,
        expected: u64,
    },
    #[error("{path} is damaged ({cause}): it was left as it is")]
    Damaged {
        path: PathBuf,
        cause: rusqlite::Error,
    },
    #[error("{path} is another program's SQLite database, not a kiosk store: it was left as it is")]
    Foreign { path: PathBuf },
    #[error(
        "{path} is a newsboat cache, not a kiosk store: import it with `kiosk import {path}` instead"
    )]
    NewsboatCache { path: PathBuf },
    #[error(
        "{path} was written by a newer kiosk (schema version {found}; this kiosk knows up to \
         {known}): upgrade kiosk to open it; it was left as it is"
    )]
    Newer {
        path: PathBuf,
        found: usize,
        known: usize,
    },
    #[error(
        "{path} is read-only and from an older kiosk (schema version {found}, now {known}): \
         open it once where it can be written to upgrade it"
    )]
    ReadOnlyOld {
        path: PathBuf,
        found: usize,
        known: usize,
    },
    #[error("the store is read-only: writes are off")]
    ReadOnly,
    #[error("no article with id {0}")]
    NotFound(ArticleId),
    #[error("the store is full: no space left on the disk holding it")]
    Full,
    /// Another connection held the write lock through every retry (see `open::wait_for_lock`).
    #[error("another process kept the store locked for minutes (a long import or fetch?)")]
    Locked,
    #[error("store error: {0}")]
    Sql(rusqlite::Error),
    /// The tag to remove comes from the article's feed, not the article.
    #[error("{tag} is a tag of the article's feed: change it in the feed's subscription")]
    FeedTag { tag: String },
    /// A library that cannot do this (a test double's default).
    #[error("{0} is not available here")]
    Unavailable(&'static str),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => Self::Full,
            Some(rusqlite::ErrorCode::ReadOnly) => Self::ReadOnly,
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                Self::Locked
            }
            _ => Self::Sql(error),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Counts over the articles a query matches, for the sidebar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub total: u64,
    pub unread: u64,
    pub by_lang: Vec<(String, u64)>,
    pub by_source: Vec<(String, u64)>,
}

/// Totals for `kiosk stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub articles: u64,
    pub unread: u64,
    pub starred: u64,
    pub sources: u64,
    pub languages: Vec<(String, u64)>,
    pub oldest: Option<String>,
    pub newest: Option<String>,
    pub size_bytes: u64,
}

/// An open store. Not `Sync`: each thread opens its own.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    migration: MigrationOutcome,
    /// False when the file or its folder cannot be written: the store was opened read-only.
    writable: bool,
    word_hits: word_hits::WordHits,
    /// Whether country counts read the in-memory copy (see [`Store::count_countries_in_memory`]).
    countries_in_memory: std::cell::Cell<bool>,
    /// The list page returned last, whose rows' keys find the pages beside it.
    last_page: keyset::LastPage,
}

const SUMMARY_COLUMNS: &str = "a.id, a.external_id, a.title, a.source, a.url, a.published, a.lang, a.countries, a.read, a.starred";

impl Store {
    /// Opens (creating if needed) the store at `path` and upgrades its schema.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(parent) = path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent).map_err(|cause| StoreError::CreateDir {
                path: path.to_path_buf(),
                cause,
            })?;
        }
        open::check_header(path)?;
        let (mut conn, writable) = open::connect(path)?;
        let version = open::check_kind(&conn, path, SCHEMA_VERSION)?;
        let classify = |cause| open::classify(path, cause);
        let migration = if writable {
            if version == 0 {
                // Larger pages make a million-article store markedly smaller; settable only
                // before tables.
                conn.execute_batch("PRAGMA page_size = 16384;")
                    .map_err(classify)?;
            }
            // Memory-mapped reads skip a copy per page: joins over a large archive's indexes
            // spent most of their time in read() system calls. Address space only; SQLite caps
            // it on 32-bit targets.
            open::retry_busy(|| {
                conn.execute_batch(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA foreign_keys = ON; PRAGMA mmap_size = 4294967296;",
                )
            })
            .map_err(classify)?;
            let migration = open::retry_busy(|| schema::migrate(&mut conn)).map_err(classify)?;
            open::retry_busy(|| aliases::work_off_backlog(&mut conn)).map_err(classify)?;
            migration
        } else if version < SCHEMA_VERSION {
            return Err(StoreError::ReadOnlyOld {
                path: path.to_path_buf(),
                found: version,
                known: SCHEMA_VERSION,
            });
        } else {
            conn.execute_batch("PRAGMA mmap_size = 4294967296;")
                .map_err(classify)?;
            MigrationOutcome::Current
        };
        Ok(Self {
            conn,
            path: path.to_path_buf(),
            migration,
            writable,
            word_hits: word_hits::WordHits::default(),
            countries_in_memory: std::cell::Cell::new(false),
            last_page: Default::default(),
        })
    }

    /// Where this store lives on disk.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether writes are possible; false for a store opened read-only.
    pub fn is_writable(&self) -> bool {
        self.writable
    }

    /// What opening did to the schema.
    pub fn migration(&self) -> MigrationOutcome {
        self.migration
    }

    /// Starts a write transaction; nothing is visible to others until [`Writer::commit`].
    pub fn writer(&mut self) -> Result<Writer<'_>> {
        if !self.writable {
            return Err(StoreError::ReadOnly);
        }
        self.word_hits.invalidate();
        Writer::begin(&mut self.conn)
    }

    /// The whole article, body included.
    pub fn load(&self, id: ArticleId) -> Result<Article> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, t.body, t.original, a.author, a.imported_at \
             FROM articles a JOIN article_texts t ON t.article_id = a.id WHERE a.id = ?"
        );
        self.conn
            .query_row(&sql, [id], |row| {
                let (body, original) = packed::body_and_original(row, 10)?;
                Ok(Article {
                    summary: summary_from_row(row)?,
                    body,
                    original,
                    author: row.get(12)?,
                    imported_at: row.get(13)?,
                })
            })
            .optional()?
            .ok_or(StoreError::NotFound(id))
    }

    /// Marks an article read or unread.
    pub fn set_read(&self, id: ArticleId, read: bool) -> Result<()> {
        self.set_flag(id, "read", read)
    }

    /// Stars or unstars an article.
    pub fn set_starred(&self, id: ArticleId, starred: bool) -> Result<()> {
        self.set_flag(id, "starred", starred)
    }

    fn set_flag(&self, id: ArticleId, column: &str, value: bool) -> Result<()> {
        let changed = self.conn.execute(
            &format!("UPDATE articles SET {column} = ?1 WHERE id = ?2"),
            params![value, id],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound(id));
        }
        Ok(())
    }

    /// A number that changes whenever another connection commits: poll it to see imports.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))?)
    }

    /// True when the store holds no article.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(!self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM articles)", [], |row| {
                row.get(0)
            })?)
    }

    /// A value the TUI saved for its next start (last filter, selected article).
    pub fn ui_state(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM ui_state WHERE key = ?", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// Saves a value for the TUI's next start.
    pub fn set_ui_state(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO ui_state (key, value) VALUES (?1, ?2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Readies this connection for a long import. No memory map: every page of the store it
    /// touched counted as the importer's memory, which grew with the store (653 MiB at 100,000
    /// articles); reads go through a page cache instead, bounded, and large enough to keep the
    /// hot pages of the indexes every insert updates. The write-ahead log is copied back into
    /// the store less often (every 64 MiB, not 16), so an index page that several batches change
    /// is written there once.
    pub fn prepare_for_import(&self) -> Result<()> {
        self.conn.execute_batch(
            "PRAGMA mmap_size = 0; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 4096;",
        )?;
        Ok(())
    }

    /// Merges FTS segments after a large import, so searches stay fast.
    pub fn optimize(&self) -> Result<()> {
        self.conn.execute_batch(
            "INSERT INTO articles_fts(articles_fts) VALUES ('optimize'); PRAGMA optimize;",
        )?;
        Ok(())
    }
}

fn summary_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleSummary> {
    let countries: String = row.get(7)?;
    Ok(ArticleSummary {
        id: row.get(0)?,
        external_id: row.get(1)?,
        title: row.get(2)?,
        source: row.get(3)?,
        url: row.get(4)?,
        published: row.get(5)?,
        lang: row.get(6)?,
        countries: countries.split_whitespace().map(str::to_string).collect(),
        read: row.get(8)?,
        starred: row.get(9)?,
    })
}

/// Folds what FTS5's tokenizer leaves apart (ligatures, typographic apostrophes) so that `oeuvre`
/// finds `œuvre`. Applied to indexed text and to search terms alike.
pub fn fold_for_search(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'œ' => folded.push_str("oe"),
            'Œ' => folded.push_str("OE"),
            'æ' => folded.push_str("ae"),
            'Æ' => folded.push_str("AE"),
            'ß' => folded.push_str("ss"),
            '’' | 'ʼ' => folded.push('\''),
            other => folded.push(other),
        }
    }
    folded
}

#[cfg(test)]
mod tests;
