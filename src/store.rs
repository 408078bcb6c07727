//! The article store: one SQLite file (WAL, FTS5) that is the single source of truth.
//! All SQL lives in this module and its children; callers speak in articles and queries.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::article::{Article, ArticleId, ArticleSummary};
use crate::query::Query;

mod analysis;
mod feeds;
mod filter;
mod schema;
mod write;

pub use analysis::{CountryCount, CountryRow, EntityCount, EntityRow, kind_name};
pub use feeds::{AddOutcome, NewSubscription, Subscription, name_from_url};
pub use schema::{MigrationOutcome, SCHEMA_VERSION};
pub use write::{InsertOutcome, Writer};

/// How long a write waits for another kiosk process to finish its own before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

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
    #[error("{path} is not a kiosk store (not an SQLite database)")]
    NotADatabase { path: PathBuf },
    #[error("no article with id {0}")]
    NotFound(ArticleId),
    #[error("the store is full: no space left on the disk holding it")]
    Full,
    #[error("store error: {0}")]
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => Self::Full,
            _ => Self::Sql(error),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Order of list rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Newest first; undated articles last.
    #[default]
    Date,
    /// By source name, newest first within a source.
    Source,
    /// By title, alphabetically.
    Title,
}

impl SortOrder {
    fn order_by(self) -> &'static str {
        match self {
            Self::Date => "a.published DESC, a.id DESC",
            Self::Source => "a.source COLLATE NOCASE, a.published DESC, a.id DESC",
            Self::Title => "a.title COLLATE NOCASE, a.id",
        }
    }
}

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
        let open_error = |cause| StoreError::Open {
            path: path.to_path_buf(),
            cause,
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(open_error)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;
        let version: usize = match conn.query_row("PRAGMA user_version", [], |row| row.get(0)) {
            Ok(version) => version,
            Err(error) if error.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
                return Err(StoreError::NotADatabase {
                    path: path.to_path_buf(),
                });
            }
            Err(error) => return Err(open_error(error)),
        };
        if version == 0 {
            // Larger pages make a million-article store markedly smaller; settable only before tables.
            conn.execute_batch("PRAGMA page_size = 16384;")
                .map_err(open_error)?;
        }
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        )
        .map_err(open_error)?;
        let migration = schema::migrate(&mut conn).map_err(open_error)?;
        Ok(Self {
            conn,
            path: path.to_path_buf(),
            migration,
        })
    }

    /// Where this store lives on disk.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What opening did to the schema.
    pub fn migration(&self) -> MigrationOutcome {
        self.migration
    }

    /// Starts a write transaction; nothing is visible to others until [`Writer::commit`].
    pub fn writer(&mut self) -> Result<Writer<'_>> {
        Writer::begin(&mut self.conn)
    }

    /// How many articles match `query`.
    pub fn count(&self, query: &Query) -> Result<u64> {
        let (sql, params) = match filter::driving_country(query) {
            // Counting one country's articles reads its slice of the country index only.
            Some((_, code)) if query.clauses.len() == 1 => (
                "SELECT count(*) FROM article_countries WHERE code = ? AND about = 1".to_string(),
                vec![code.to_string().into()],
            ),
            _ => {
                let filter = filter::Sql::build(query);
                (
                    format!("SELECT count(*) FROM articles a WHERE {}", filter.condition),
                    filter.params,
                )
            }
        };
        Ok(self
            .conn
            .query_row(&sql, rusqlite::params_from_iter(&params), |row| row.get(0))?)
    }

    /// One screenful of list rows: `limit` rows from `offset` in `sort` order.
    pub fn summaries(
        &self,
        query: &Query,
        sort: SortOrder,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<ArticleSummary>> {
        let (sql, mut params) = match filter::driving_country(query) {
            // Newest-first within a country: walk the (code, about, published) index, no sort.
            Some((index, code)) if sort == SortOrder::Date => {
                let rest = filter::Sql::build_without(query, Some(index));
                let mut params = vec![code.to_string().into()];
                params.extend(rest.params);
                let sql = format!(
                    "SELECT {SUMMARY_COLUMNS} FROM article_countries c JOIN articles a ON a.id = c.article_id \
                     WHERE c.code = ? AND c.about = 1 AND {} \
                     ORDER BY c.published DESC, c.article_id DESC LIMIT ? OFFSET ?",
                    rest.condition
                );
                (sql, params)
            }
            _ => {
                let filter = filter::Sql::build(query);
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

    /// Streams every matching row (up to `limit`) in `sort` order to `visit`, without holding
    /// them all in memory.
    pub fn each_summary(
        &self,
        query: &Query,
        sort: SortOrder,
        limit: Option<u64>,
        mut visit: impl FnMut(ArticleSummary) -> std::io::Result<()>,
    ) -> Result<std::io::Result<()>> {
        let filter = filter::Sql::build(query);
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
        sort: SortOrder,
        id: ArticleId,
    ) -> Result<Option<u64>> {
        let filter = filter::Sql::build(query);
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

    /// The whole article, body included.
    pub fn load(&self, id: ArticleId) -> Result<Article> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, t.body, t.original, a.author, a.imported_at \
             FROM articles a JOIN article_texts t ON t.article_id = a.id WHERE a.id = ?"
        );
        self.conn
            .query_row(&sql, [id], |row| {
                Ok(Article {
                    summary: summary_from_row(row)?,
                    body: row.get(10)?,
                    original: row.get(11)?,
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

    /// Totals, unread count and the languages and sources most present among matches of `query`.
    pub fn facets(&self, query: &Query) -> Result<Facets> {
        let filter = filter::Sql::build(query);
        let params = rusqlite::params_from_iter(&filter.params);
        let (total, unread) = self.conn.query_row(
            &format!(
                "SELECT count(*), count(*) - coalesce(sum(a.read), 0) FROM articles a WHERE {}",
                filter.condition
            ),
            params,
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        Ok(Facets {
            total,
            unread,
            by_lang: self.group_counts(&filter, "a.lang")?,
            by_source: self.group_counts(&filter, "a.source")?,
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
        let languages = self.group_counts(&filter::Sql::build(&Query::default()), "a.lang")?;
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
