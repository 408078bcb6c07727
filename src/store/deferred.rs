//! Totals of an import's batch counted once per batch instead of by a trigger per row (schema
//! migration 13): the grouped statements here add the batch's articles to the same totals the
//! triggers keep, computed as the migrations that created those totals compute them.

use rusqlite::params;

use super::{Result, Writer};

/// What `deferred_totals.deferred_from` holds outside a batch: no article id reaches it.
const NOTHING_DEFERRED: i64 = i64::MAX;

/// Adds the rows of the articles from `?1` on to each total, in the order the triggers'
/// dependencies need (facet rows exist before they are added to).
const COUNT_DEFERRED: &[&str] = &[
    "UPDATE article_total SET articles = articles + (SELECT count(*) FROM articles WHERE id >= ?1)",
    "INSERT INTO article_facets (lang, source, read, starred, articles) \
     SELECT DISTINCT a.lang, a.source, a.read, a.starred, 0 FROM articles a \
     WHERE a.id >= ?1 AND NOT EXISTS (SELECT 1 FROM article_facets f WHERE f.lang IS a.lang \
     AND f.source IS a.source AND f.read = a.read AND f.starred = a.starred)",
    "UPDATE article_facets SET articles = articles + g.n FROM (\
     SELECT lang, source, read, starred, count(*) AS n FROM articles WHERE id >= ?1 \
     GROUP BY 1, 2, 3, 4) g \
     WHERE article_facets.lang IS g.lang AND article_facets.source IS g.source \
     AND article_facets.read = g.read AND article_facets.starred = g.starred",
    "INSERT INTO country_totals (code, about, articles) \
     SELECT code, sum(about), count(*) FROM article_countries WHERE article_id >= ?1 \
     GROUP BY code \
     ON CONFLICT (code) DO UPDATE SET about = about + excluded.about, \
     articles = articles + excluded.articles",
    "INSERT INTO country_facets (code, lang, source, read, starred, about, mentions) \
     SELECT DISTINCT c.code, a.lang, a.source, a.read, a.starred, 0, 0 \
     FROM article_countries c JOIN articles a ON a.id = c.article_id \
     WHERE c.article_id >= ?1 AND NOT EXISTS (SELECT 1 FROM country_facets f \
     WHERE f.code = c.code AND f.lang IS a.lang AND f.source IS a.source \
     AND f.read = a.read AND f.starred = a.starred)",
    "UPDATE country_facets SET about = about + g.added, mentions = mentions + g.n FROM (\
     SELECT c.code AS code, a.lang AS lang, a.source AS source, a.read AS read, \
     a.starred AS starred, sum(c.about) AS added, count(*) AS n \
     FROM article_countries c JOIN articles a ON a.id = c.article_id \
     WHERE c.article_id >= ?1 GROUP BY 1, 2, 3, 4, 5) g \
     WHERE country_facets.code = g.code AND country_facets.lang IS g.lang \
     AND country_facets.source IS g.source AND country_facets.read = g.read \
     AND country_facets.starred = g.starred",
    // SET reads the row as it was: `rewrites` compares with the `top` before the batch.
    "UPDATE country_changes SET \
     changes = changes + (SELECT count(*) FROM article_countries WHERE article_id >= ?1), \
     rewrites = rewrites + (SELECT count(*) FROM article_countries \
     WHERE article_id >= ?1 AND article_id < country_changes.top), \
     top = max(top, coalesce((SELECT max(article_id) FROM article_countries \
     WHERE article_id >= ?1), 0))",
    "INSERT INTO entity_totals (entity_id, articles, mentions) \
     SELECT entity_id, count(*), sum(count) FROM article_entities WHERE article_id >= ?1 \
     GROUP BY entity_id \
     ON CONFLICT (entity_id) DO UPDATE SET articles = articles + excluded.articles, \
     mentions = mentions + excluded.mentions",
    "INSERT INTO country_entities (code, entity_id, articles, mentions) \
     SELECT c.code, ae.entity_id, count(*), sum(ae.count) \
     FROM article_countries c JOIN article_entities ae ON ae.article_id = c.article_id \
     WHERE c.article_id >= ?1 AND c.about = 1 GROUP BY c.code, ae.entity_id \
     ON CONFLICT (code, entity_id) DO UPDATE SET articles = articles + excluded.articles, \
     mentions = mentions + excluded.mentions",
    "INSERT INTO country_pairs (code, other, about, mentions) \
     SELECT c.code, o.code, sum(o.about), count(*) \
     FROM article_countries c JOIN article_countries o ON o.article_id = c.article_id \
     WHERE c.article_id >= ?1 AND c.about = 1 GROUP BY c.code, o.code \
     ON CONFLICT (code, other) DO UPDATE SET about = about + excluded.about, \
     mentions = mentions + excluded.mentions",
];

impl Writer<'_> {
    /// From here to [`Writer::count_deferred`], the totals' triggers skip the articles added
    /// (every id from the next one on: none is stored yet, nor deleted), whatever is done to
    /// them meanwhile (marks, analysis, removal): their totals are counted from their rows as
    /// they then stand.
    pub fn defer_totals(&self) -> Result<()> {
        self.deferred.set(true);
        self.tx
            .prepare_cached(
                "UPDATE deferred_totals SET deferred_from = \
                 1 + max(coalesce((SELECT max(id) FROM articles), 0), \
                 coalesce((SELECT max(article_id) FROM deleted_articles), 0))",
            )?
            .execute([])?;
        Ok(())
    }

    /// Adds the articles written since [`Writer::defer_totals`] to the totals and ends the
    /// deferral; a no-op when nothing is deferred. [`Writer::commit`] runs it; a writer dropped
    /// without committing rolls back the deferral with the rows.
    pub(super) fn count_deferred(&self) -> Result<()> {
        if !self.deferred.replace(false) {
            return Ok(());
        }
        let from: i64 =
            self.tx
                .query_row("SELECT deferred_from FROM deferred_totals", [], |row| {
                    row.get(0)
                })?;
        if from == NOTHING_DEFERRED {
            return Ok(());
        }
        for sql in COUNT_DEFERRED {
            self.tx.prepare_cached(sql)?.execute(params![from])?;
        }
        self.tx
            .prepare_cached("UPDATE deferred_totals SET deferred_from = ?1")?
            .execute([NOTHING_DEFERRED])?;
        Ok(())
    }
}
