//! Replacing a stored article by a better copy of itself: one whose first import was decoded
//! wrongly (mojibake, U+FFFD) gives way to the clean text, keeping its id, read and starred.

use rusqlite::{OptionalExtension, params};

use super::{Result, Writer};
use crate::article::{ArticleId, NewArticle};

impl Writer<'_> {
    /// The stored title and clean body of article `id`.
    pub fn title_and_body(&self, id: ArticleId) -> Result<(String, String)> {
        Ok(self.tx.query_row(
            "SELECT a.title, t.body FROM articles a JOIN article_texts t ON t.article_id = a.id \
             WHERE a.id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get::<_, super::packed::Packed>(1)?.0)),
        )?)
    }

    /// The article stored with exactly this content hash, if any.
    pub fn with_content_hash(&self, content_hash: &str) -> Result<Option<ArticleId>> {
        Ok(self
            .tx
            .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
            .query_row([content_hash], |row| row.get(0))
            .optional()?)
    }

    /// Replaces article `id`'s fields and text by `article`'s; its analysis must be saved again
    /// next. `false` (nothing changed) when another article already holds `content_hash`.
    pub fn replace(&self, id: ArticleId, article: &NewArticle, content_hash: &str) -> Result<bool> {
        if self
            .with_content_hash(content_hash)?
            .is_some_and(|other| other != id)
        {
            return Ok(false);
        }
        // The country rows go first: their facet triggers count them under the article's old
        // language and source, which the update below may change.
        self.tx
            .execute("DELETE FROM article_countries WHERE article_id = ?1", [id])?;
        self.tx.execute(
            "UPDATE articles SET external_id = ?1, title = ?2, source = ?3, url = ?4, \
             author = ?5, published = ?6, lang = ?7, content_hash = ?8 WHERE id = ?9",
            params![
                article.external_id,
                article.title,
                article.source,
                article.url,
                article.author,
                article.published,
                article.lang,
                content_hash,
                id,
            ],
        )?;
        self.tx.execute(
            "UPDATE article_texts SET body = ?1, original = ?2 WHERE article_id = ?3",
            params![
                super::packed::pack(&article.body),
                super::packed::pack_original(&article.original, &article.body),
                id
            ],
        )?;
        self.tx
            .execute("DELETE FROM articles_fts WHERE rowid = ?1", [id])?;
        self.index(id, &article.title, &article.body)?;
        Ok(true)
    }
}

impl super::Store {
    /// The title of the article stored with this external id within `source`, or with this
    /// URL: a refetched feed item that has one is not converted and analysed again.
    pub fn stored_title(
        &self,
        external_id: Option<&str>,
        source: Option<&str>,
        url: Option<&str>,
    ) -> Result<Option<String>> {
        if let Some(external_id) = external_id {
            let found = self
                .conn
                .prepare_cached(
                    "SELECT title FROM articles WHERE external_id = ?1 AND source IS ?2 LIMIT 1",
                )?
                .query_row(params![external_id, source], |row| row.get(0))
                .optional()?;
            if found.is_some() {
                return Ok(found);
            }
        }
        let Some(url) = url else {
            return Ok(None);
        };
        Ok(self
            .conn
            .prepare_cached("SELECT title FROM articles WHERE url = ?1 LIMIT 1")?
            .query_row([url], |row| row.get(0))
            .optional()?)
    }
}
