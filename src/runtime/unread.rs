//! Finding the next or previous unread article beyond the list's loaded rows, page by page.

use crate::query::Query;
use crate::store::Sort;

use super::env::Library;

/// Rows read per page while looking.
const PAGE: u64 = 500;
/// Rows looked at before giving up, so a key press on a huge read archive stays short.
pub const LIMIT: u64 = 20_000;

/// The index of the first unread row at `from` or after it (`forward`), else the last one
/// before `from`; `None` when there is none within [`LIMIT`] rows.
pub fn find(
    library: &dyn Library,
    filters: &[Query],
    sort: Sort,
    from: u64,
    forward: bool,
) -> crate::store::Result<Option<u64>> {
    let query = Query::all(filters);
    let mut searched = 0;
    let mut at = from;
    while searched < LIMIT {
        let start = if forward { at } else { at.saturating_sub(PAGE) };
        let len = if forward { PAGE } else { at - start };
        if len == 0 {
            return Ok(None);
        }
        let rows = library.summaries(&query, sort, start, len)?;
        let unread = |(_, row): &(usize, &crate::article::ArticleSummary)| !row.read;
        let found = if forward {
            rows.iter().enumerate().find(unread)
        } else {
            rows.iter().enumerate().rev().find(unread)
        };
        if let Some((offset, _)) = found {
            return Ok(Some(start + offset as u64));
        }
        if forward && (rows.len() as u64) < PAGE {
            return Ok(None);
        }
        searched += len;
        at = if forward { at + len } else { start };
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::NewArticle;
    use crate::store::{InsertOutcome, Store};

    /// A store of 1,200 articles, all read but `unread`.
    fn library(unread: &[usize]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("kiosk.db")).expect("open store");
        let writer = store.writer().expect("writer");
        let mut ids = Vec::new();
        for n in 1..=1200 {
            let article = NewArticle {
                title: format!("Article {n}"),
                body: format!("Body {n}."),
                published: Some(format!("2024-01-01T00:{:02}:{:02}Z", n / 60 % 60, n % 60)),
                ..NewArticle::default()
            };
            match writer.insert(&article, &article.title).expect("insert") {
                InsertOutcome::Added(id) => ids.push((n, id)),
                InsertOutcome::Duplicate(id) => panic!("unexpected duplicate of {id}"),
            }
        }
        writer.commit().expect("commit");
        let read: Vec<_> = ids
            .iter()
            .filter(|(n, _)| !unread.contains(n))
            .map(|&(_, id)| id)
            .collect();
        store.set_read_many(&read, true).expect("mark read");
        (dir, store)
    }

    #[test]
    fn looks_past_the_first_page_both_ways() {
        let (_dir, library) = library(&[7]);
        let everything = Query::all(&[]);
        let rows =
            Library::summaries(&library, &everything, Sort::default(), 0, 1200).expect("rows");
        let at = rows.iter().position(|row| !row.read).expect("listed") as u64;
        assert!(
            at >= PAGE,
            "the unread row lies beyond the first page: {at}"
        );
        let find = |from, forward| find(&library, &[], Sort::default(), from, forward);
        assert_eq!(find(0, true).expect("find"), Some(at));
        assert_eq!(find(1200, false).expect("find"), Some(at));
        assert_eq!(find(at + 1, true).expect("find"), None);
        assert_eq!(find(at, false).expect("find"), None);
    }
}
