//! Deleting articles for good (`D`, `kiosk delete`): every row of an article goes, a tombstone
//! (feed item id, URL, content hash) stays so importers and fetches never bring it back, and
//! the rows taken are handed back as a [`Deleted`] that [`Store::restore`] puts back (`U`).

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params};

use super::{Result, Store, Writer};
use crate::article::{ArticleId, NewArticle};

/// The tables holding an article's rows, with the column naming the article, in the order
/// they are put back: the article first (its triggers count it), then what refers to it.
/// `SELECT *` copies every column, so a column a later migration adds comes back too.
const TABLES: &[(&str, &str)] = &[
    ("articles", "id"),
    ("article_texts", "article_id"),
    ("article_countries", "article_id"),
    ("article_entities", "article_id"),
    ("article_credits", "article_id"),
    ("article_tags", "article_id"),
];

/// The rows of one table taken with an article: column names and each row's values.
#[derive(Debug, Clone, PartialEq)]
struct TableRows {
    table: &'static str,
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

/// Articles as they were before [`Store::delete`], to put back with [`Store::restore`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deleted {
    articles: Vec<(ArticleId, Vec<TableRows>)>,
}

impl Deleted {
    /// The ids of the deleted articles, in the order given.
    pub fn ids(&self) -> Vec<ArticleId> {
        self.articles.iter().map(|(id, _)| *id).collect()
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl Store {
    /// Deletes the articles `ids` (ids no longer stored are skipped) in one transaction: their
    /// rows, full-text entry and analysis go, the trigger-kept totals follow, and a tombstone
    /// keeps each from being imported or fetched again.
    pub fn delete(&mut self, ids: &[ArticleId]) -> Result<Deleted> {
        let writer = self.writer()?;
        let mut deleted = Deleted::default();
        for &id in ids {
            let mut taken = Vec::with_capacity(TABLES.len());
            for (table, column) in TABLES {
                taken.push(writer.rows_of(table, column, id)?);
            }
            if taken[0].rows.is_empty() {
                continue;
            }
            writer.tx.execute(
                "INSERT OR REPLACE INTO deleted_articles \
                 (article_id, external_id, source, url, content_hash, deleted_at) \
                 SELECT id, external_id, source, url, content_hash, ?2 FROM articles WHERE id = ?1",
                params![id, now()],
            )?;
            writer
                .tx
                .execute("DELETE FROM articles_fts WHERE rowid = ?1", [id])?;
            // Cascades take the texts, entities and tags; a trigger of migration 5 takes the
            // countries first, while the article's facet columns can still be read.
            writer
                .tx
                .execute("DELETE FROM articles WHERE id = ?1", [id])?;
            deleted.articles.push((id, taken));
        }
        writer.commit()?;
        Ok(deleted)
    }

    /// Puts back articles [`Store::delete`] took, under their ids, with their analysis, tags
    /// and full-text entry; their tombstones go. An article stored again meanwhile is skipped.
    pub fn restore(&mut self, deleted: &Deleted) -> Result<usize> {
        let writer = self.writer()?;
        let mut restored = 0;
        for (id, tables) in &deleted.articles {
            let present: bool = writer.tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
                [id],
                |row| row.get(0),
            )?;
            if present {
                continue;
            }
            for rows in tables {
                writer.put_rows(rows)?;
            }
            let (title, body) = writer.title_and_body(*id)?;
            writer.index(*id, &title, &body)?;
            writer
                .tx
                .execute("DELETE FROM deleted_articles WHERE article_id = ?1", [id])?;
            restored += 1;
        }
        writer.commit()?;
        Ok(restored)
    }
}

impl Writer<'_> {
    fn rows_of(&self, table: &'static str, column: &str, id: ArticleId) -> Result<TableRows> {
        let mut statement = self
            .tx
            .prepare(&format!("SELECT * FROM {table} WHERE {column} = ?1"))?;
        let columns: Vec<String> = statement.column_names().map(str::to_string).collect();
        let width = columns.len();
        let rows = statement
            .query_map([id], |row| {
                (0..width).map(|index| row.get::<_, Value>(index)).collect()
            })?
            .collect::<rusqlite::Result<Vec<Vec<Value>>>>()?;
        Ok(TableRows {
            table,
            columns,
            rows,
        })
    }

    fn put_rows(&self, rows: &TableRows) -> Result<()> {
        if rows.rows.is_empty() {
            return Ok(());
        }
        let placeholders = vec!["?"; rows.columns.len()].join(", ");
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({placeholders})",
            rows.table,
            rows.columns.join(", ")
        );
        let mut statement = self.tx.prepare(&sql)?;
        for row in &rows.rows {
            statement.execute(rusqlite::params_from_iter(row))?;
        }
        Ok(())
    }

    /// The id of the deleted article `article` would bring back: same external id within its
    /// source, same URL, or same content.
    pub fn deleted_as(
        &self,
        article: &NewArticle,
        content_hash: &str,
    ) -> Result<Option<ArticleId>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT article_id FROM deleted_articles \
                 WHERE (external_id = ?1 AND source IS ?2) OR url = ?3 OR content_hash = ?4 \
                 LIMIT 1",
            )?
            .query_row(
                params![
                    article.external_id,
                    article.source,
                    article.url,
                    content_hash
                ],
                |row| row.get(0),
            )
            .optional()?)
    }
}
