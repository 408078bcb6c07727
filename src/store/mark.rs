//! Flag changes over every article a query matches: `A` in the TUI and `kiosk mark-read`.

use super::{Result, Store};
use crate::query::Query;

impl Store {
    /// Marks every unread article matching `query` read, in one statement (all or nothing);
    /// returns how many changed.
    pub fn mark_read_matching(&self, query: &Query) -> Result<u64> {
        let filter = self.sql(query);
        let sql = format!(
            "UPDATE articles SET read = 1 WHERE read = 0 AND id IN \
             (SELECT a.id FROM articles a WHERE {})",
            filter.condition
        );
        let changed = self
            .conn
            .execute(&sql, rusqlite::params_from_iter(&filter.params))?;
        Ok(changed as u64)
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
        assert_eq!(
            store.mark_read_matching(&query("lang:fr")).expect("mark"),
            3
        );
        assert_eq!(
            store.mark_read_matching(&query("lang:fr")).expect("again"),
            0
        );
        assert_eq!(store.count(&query("is:unread")).expect("count"), 3);
        assert_eq!(store.count(&query("is:unread lang:en")).expect("count"), 3);
    }
}
