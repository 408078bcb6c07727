//! Write transactions: inserting articles idempotently, rewriting bodies, trailer statistics.
//! A [`Writer`] holds an immediate transaction; dropping it without `commit` keeps the store as it was.

use rusqlite::types::ToSqlOutput;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::packed::{Packed, PackedTexts, body_and_original, pack, pack_original};
use super::{Result, fold_for_search};
use crate::article::{ArticleId, NewArticle};

/// What became of one article handed to [`Writer::insert`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    Added(ArticleId),
    /// Already stored (same external id within its source, same URL, or same content).
    Duplicate(ArticleId),
}

/// An open write transaction.
pub struct Writer<'a> {
    pub(super) tx: Transaction<'a>,
    /// Whether [`Writer::defer_totals`] ran: `commit` then counts the deferred totals.
    pub(super) deferred: std::cell::Cell<bool>,
}

impl<'a> Writer<'a> {
    pub(super) fn begin(conn: &'a mut Connection) -> Result<Self> {
        // IMMEDIATE takes the write lock now (waiting out another kiosk process via the busy
        // timeout) rather than failing later when a read transaction tries to upgrade.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        Ok(Self {
            tx,
            deferred: std::cell::Cell::new(false),
        })
    }

    /// Makes everything written so far durable and visible, totals deferred by
    /// [`Writer::defer_totals`] counted first.
    pub fn commit(self) -> Result<()> {
        self.count_deferred()?;
        self.tx.commit()?;
        Ok(())
    }

    /// The stored article `article` duplicates, if any.
    pub fn find_duplicate(
        &self,
        article: &NewArticle,
        content_hash: &str,
    ) -> Result<Option<ArticleId>> {
        if let Some(external_id) = &article.external_id {
            let found = self
                .tx
                .prepare_cached(
                    "SELECT id FROM articles WHERE external_id = ?1 AND source IS ?2 LIMIT 1",
                )?
                .query_row(params![external_id, article.source], |row| row.get(0))
                .optional()?;
            if found.is_some() {
                return Ok(found);
            }
        }
        if let Some(url) = &article.url {
            let found = self
                .tx
                .prepare_cached("SELECT id FROM articles WHERE url = ?1 LIMIT 1")?
                .query_row([url], |row| row.get(0))
                .optional()?;
            if found.is_some() {
                return Ok(found);
            }
        }
        self.with_content_hash(content_hash)
    }

    /// Stores `article` unless it is already there.
    pub fn insert(&self, article: &NewArticle, content_hash: &str) -> Result<InsertOutcome> {
        self.insert_texts(
            article,
            content_hash,
            pack(&article.body),
            pack_original(&article.original, &article.body),
        )
    }

    /// [`Writer::insert`] with the texts already packed (`packed` is of `article`).
    pub fn insert_packed(
        &self,
        article: &NewArticle,
        content_hash: &str,
        packed: &PackedTexts,
    ) -> Result<InsertOutcome> {
        self.insert_texts(
            article,
            content_hash,
            ToSqlOutput::Borrowed((&packed.body).into()),
            ToSqlOutput::Borrowed((&packed.original).into()),
        )
    }

    fn insert_texts(
        &self,
        article: &NewArticle,
        content_hash: &str,
        body: ToSqlOutput<'_>,
        original: ToSqlOutput<'_>,
    ) -> Result<InsertOutcome> {
        if let Some(id) = self.find_duplicate(article, content_hash)? {
            return Ok(InsertOutcome::Duplicate(id));
        }
        let imported_at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        self.tx
            .prepare_cached(
                // The id is past every deleted one too: SQLite alone would hand the id of a
                // deleted newest article to the next, and `U` could not put it back.
                "INSERT INTO articles (id, external_id, title, source, url, author, \
                 published, imported_at, lang, content_hash) \
                 VALUES (1 + max(coalesce((SELECT max(id) FROM articles), 0), \
                 coalesce((SELECT max(article_id) FROM deleted_articles), 0)), \
                 ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                article.external_id,
                article.title,
                article.source,
                article.url,
                article.author,
                article.published,
                imported_at,
                article.lang,
                content_hash,
            ])?;
        let id = self.tx.last_insert_rowid();
        self.tx
            .prepare_cached(
                "INSERT INTO article_texts (article_id, body, original) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![id, body, original])?;
        self.index(id, &article.title, &article.body)?;
        Ok(InsertOutcome::Added(id))
    }

    pub(super) fn index(&self, id: ArticleId, title: &str, body: &str) -> Result<()> {
        self.tx
            .prepare_cached("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?
            .execute(params![id, fold_for_search(title), fold_for_search(body)])?;
        Ok(())
    }

    /// Marks article `id` read and/or starred (imports from other readers carry these states);
    /// never clears a state already set.
    pub fn mark(&self, id: ArticleId, read: bool, starred: bool) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE articles SET read = max(read, ?2), starred = max(starred, ?3) WHERE id = ?1",
            )?
            .execute(params![id, read, starred])?;
        Ok(())
    }

    /// The title and language of a stored article.
    pub fn title_and_lang(&self, id: ArticleId) -> Result<(String, Option<String>)> {
        Ok(self.tx.query_row(
            "SELECT title, lang FROM articles WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?)
    }

    /// The language most of `source`'s stored articles are in, from the facet totals: what a
    /// new article of it too short to tell is taken to be in.
    pub fn usual_language(&self, source: &str) -> Result<Option<String>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT lang FROM article_facets WHERE source = ?1 AND lang IS NOT NULL \
                 GROUP BY lang HAVING sum(articles) > 0 ORDER BY sum(articles) DESC, lang LIMIT 1",
            )?
            .query_row([source], |row| row.get(0))
            .optional()?)
    }

    /// Replaces an article's clean body (after trailer rules changed) and re-indexes it.
    pub fn set_body(&self, id: ArticleId, body: &str) -> Result<()> {
        let title: String =
            self.tx
                .query_row("SELECT title FROM articles WHERE id = ?1", [id], |row| {
                    row.get(0)
                })?;
        // An original stored without its body gets it back first: the body changes.
        let (_, original) = self.tx.query_row(
            "SELECT body, original FROM article_texts WHERE article_id = ?1",
            [id],
            |row| body_and_original(row, 0),
        )?;
        self.tx.execute(
            "UPDATE article_texts SET body = ?1, original = ?2 WHERE article_id = ?3",
            params![pack(body), pack_original(&original, body), id],
        )?;
        self.tx
            .execute("DELETE FROM articles_fts WHERE rowid = ?1", [id])?;
        self.index(id, &title, body)
    }

    /// Counts one more article of `source` ending with each paragraph in `hashes`; returns the
    /// new counts, in order.
    pub fn count_tail_paragraphs(&self, source: &str, hashes: &[String]) -> Result<Vec<u32>> {
        let mut statement = self.tx.prepare_cached(
            "INSERT INTO tail_paragraphs (source, hash, count) VALUES (?1, ?2, 1) \
             ON CONFLICT (source, hash) DO UPDATE SET count = count + 1 RETURNING count",
        )?;
        hashes
            .iter()
            .map(|hash| Ok(statement.query_row(params![source, hash], |row| row.get(0))?))
            .collect()
    }

    /// How many articles of `source` end with the paragraph `hash`.
    pub fn tail_paragraph_count(&self, source: &str, hash: &str) -> Result<u32> {
        Ok(self
            .tx
            .query_row(
                "SELECT count FROM tail_paragraphs WHERE source = ?1 AND hash = ?2",
                params![source, hash],
                |row| row.get(0),
            )
            .optional()?
            .unwrap_or(0))
    }

    /// Ids and bodies of the articles of `source` whose body contains `paragraph`.
    pub fn bodies_containing(
        &self,
        source: &str,
        paragraph: &str,
    ) -> Result<Vec<(ArticleId, String)>> {
        // A packed body is searched once unpacked; a plain one (older stores) by SQLite.
        let mut statement = self.tx.prepare_cached(
            "SELECT a.id, t.body FROM articles a JOIN article_texts t ON t.article_id = a.id \
             WHERE a.source = ?1 AND (typeof(t.body) = 'blob' OR instr(t.body, ?2) > 0)",
        )?;
        let rows = statement.query_map(params![source, paragraph], |row| {
            Ok((row.get(0)?, row.get::<_, Packed>(1)?.0))
        })?;
        let mut found = Vec::new();
        for row in rows {
            let (id, body): (ArticleId, String) = row?;
            if body.contains(paragraph) {
                found.push((id, body));
            }
        }
        Ok(found)
    }
}
