//! Flag changes over many articles: every article a query matches (`A` in the TUI and
//! `kiosk mark-read`), and a list of ids (undoing that).

use super::{Result, Store};
use crate::article::ArticleId;
use crate::query::Query;

impl Store {
    /// Marks every unread article matching `query` read, in one statement (all or nothing);
    /// returns the ids that changed, so the change can be undone.
    pub fn mark_read_matching(&self, query: &Query) -> Result<Vec<ArticleId>> {
        let filter = self.sql(query);
        let sql = format!(
            "UPDATE articles SET read = 1 WHERE read = 0 AND id IN \
             (SELECT a.id FROM articles a WHERE {}) RETURNING id",
            filter.condition
        );
        let mut statement = self.conn.prepare(&sql)?;
        let ids = statement
            .query_map(rusqlite::params_from_iter(&filter.params), |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<ArticleId>>>()?;
        Ok(ids)
    }

    /// Sets the read flag of each of `ids`, in one transaction; ids no longer stored are skipped.
    pub fn set_read_many(&self, ids: &[ArticleId], read: bool) -> Result<()> {
        let transaction = self.conn.unchecked_transaction()?;
        {
            let mut statement =
                transaction.prepare("UPDATE articles SET read = ?1 WHERE id = ?2")?;
            for id in ids {
                statement.execute(rusqlite::params![read, id])?;
            }
        }
        transaction.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::article::NewArticle;
    use crate::query::Query;
    use crate::store::Store;

    fn article(i: usize, lang: &str) -> NewArticle {
        NewArticle {
            external_id: Some(format!("m-{i}")),
            title: format!("Article {i}"),
            body: format!("Body {i} about Niamey."),
            source: Some("RFI".into()),
            published: Some(format!("2024-01-{:02}T08:00:00Z", i + 1)),
            lang: Some(lang.into()),
            ..NewArticle::default()
        }
    }

    #[test]
    fn marks_only_the_matching_unread_articles_and_counts_them() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("k.db")).expect("open");
        let writer = store.writer().expect("writer");
        for i in 0..6 {
            let lang = if i % 2 == 0 { "fr" } else { "en" };
            writer
                .insert(&article(i, lang), &format!("h{i}"))
                .expect("insert");
        }
        writer.commit().expect("commit");
        let query = |text: &str| Query::parse(text).expect("query");
        let marked = store.mark_read_matching(&query("lang:fr")).expect("mark");
        assert_eq!(marked.len(), 3);
        assert!(
            store
                .mark_read_matching(&query("lang:fr"))
                .expect("again")
                .is_empty()
        );
        assert_eq!(store.count(&query("is:unread")).expect("count"), 3);
        assert_eq!(store.count(&query("is:unread lang:en")).expect("count"), 3);
        store.set_read_many(&marked, false).expect("undo");
        assert_eq!(store.count(&query("is:unread lang:fr")).expect("count"), 3);
    }
}
