//! Finding the next or previous unread article beyond the list's loaded rows, page by page.

use crate::app::SortKey;

use super::env::Library;

/// Rows read per page while looking.
const PAGE: u64 = 500;
/// Rows looked at before giving up, so a key press on a huge read archive stays short.
pub const LIMIT: u64 = 20_000;

/// The index of the first unread row at `from` or after it (`forward`), else the last one
/// before `from`; `None` when there is none within [`LIMIT`] rows.
pub fn find(
    library: &dyn Library,
    filters: &[String],
    sort: SortKey,
    from: u64,
    forward: bool,
) -> Result<Option<u64>, String> {
    let mut searched = 0;
    let mut at = from;
    while searched < LIMIT {
        let start = if forward { at } else { at.saturating_sub(PAGE) };
        let len = if forward { PAGE } else { at - start };
        if len == 0 {
            return Ok(None);
        }
        let rows = library.summaries(filters, sort, start, len)?;
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
    use crate::article::{Article, ArticleSummary};
    use crate::runtime::memory::MemoryLibrary;

    fn library(unread: &[i64]) -> MemoryLibrary {
        let articles = (1..=1200)
            .map(|id| Article {
                summary: ArticleSummary {
                    id,
                    title: format!("Article {id}"),
                    published: Some(format!("2024-01-01T00:00:{:02}Z", id % 60)),
                    read: !unread.contains(&id),
                    ..ArticleSummary::default()
                },
                ..Article::default()
            })
            .collect();
        MemoryLibrary::new(articles)
    }

    #[test]
    fn looks_past_the_first_page_both_ways() {
        let library = library(&[7]);
        let rows = library
            .summaries(&[], SortKey::Date, 0, 1200)
            .expect("rows");
        let at = rows.iter().position(|row| row.id == 7).expect("listed") as u64;
        let find = |from, forward| find(&library, &[], SortKey::Date, from, forward);
        assert_eq!(find(0, true).expect("find"), Some(at));
        assert_eq!(find(1200, false).expect("find"), Some(at));
        assert_eq!(find(at + 1, true).expect("find"), None);
        assert_eq!(find(at, false).expect("find"), None);
    }
}
