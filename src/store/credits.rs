//! The organisations that wrote an article rather than appear in it (`Reuters` in Reuters'
//! wires, the agency a dateline credits): kept per article in `article_credits`, outside the
//! counts over articles, so that `entity:Reuters` still finds Reuters' wires while the sidebar's
//! top organisations are not each source's own name.

use rusqlite::params;

use super::{Result, Writer};
use crate::analyze::Entity;
use crate::article::ArticleId;

impl Writer<'_> {
    /// Replaces the organisations credited with writing article `id`.
    pub(super) fn set_credits(&self, id: ArticleId, credited: &[&Entity]) -> Result<()> {
        self.tx
            .prepare_cached("DELETE FROM article_credits WHERE article_id = ?1")?
            .execute([id])?;
        if credited.is_empty() {
            return Ok(());
        }
        let mut insert = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO article_credits (article_id, entity_id) VALUES (?1, ?2)",
        )?;
        for entity in credited {
            let entity_id = self.entity_id(entity.kind, &entity.name, entity.country.as_deref())?;
            insert.execute(params![id, entity_id])?;
        }
        Ok(())
    }
}

/// The SQL selecting the articles credited to an entity whose alias is bound at `alias`
/// (`kind_clause` narrows the alias's kind): the other half of `entity:`'s lookup.
pub(super) fn credited_articles(alias: &str, kind_clause: &str) -> String {
    format!(
        "SELECT ac.article_id FROM entity_aliases al \
         CROSS JOIN article_credits ac ON ac.entity_id = al.entity_id \
         WHERE al.alias = {alias}{kind_clause}"
    )
}
