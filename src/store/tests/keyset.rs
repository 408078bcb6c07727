//! Keyset pages hold exactly the rows `LIMIT … OFFSET` gives, in every order both ways round,
//! on a store full of ties (equal dates, sources differing only in case, missing values).

use super::*;

fn sorts() -> Vec<Sort> {
    let mut sorts = Vec::new();
    for order in [SortOrder::Date, SortOrder::Source, SortOrder::Title] {
        for direction in [Direction::Forward, Direction::Reverse] {
            sorts.push(Sort { order, direction });
        }
    }
    sorts
}

/// 40 articles: four titles (two equal but for case, one behind a quote), four sources (one
/// missing, two equal but for case), three dates (one missing), two languages.
fn tied_store() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = temp_store();
    let titles = ["Niamey", "niamey", "« Agadez »", "Zinder"];
    let sources = [Some("RFI"), Some("rfi"), Some("AFP"), None];
    let dates = [
        Some("2024-03-01T00:00:00Z"),
        None,
        Some("2024-03-02T00:00:00Z"),
    ];
    for i in 0..40 {
        let mut new = article(titles[i % 4], &format!("Texte numéro {i}."), dates[i % 3]);
        new.source = sources[(i / 4) % 4].map(str::to_string);
        new.lang = Some(if i % 5 == 0 { "en" } else { "fr" }.to_string());
        // Equal titles: the content hash (the title, for `add`) told apart.
        let writer = store.writer().expect("writer");
        writer.insert(&new, &format!("hash {i}")).expect("insert");
        writer.commit().expect("commit");
    }
    (dir, store)
}

fn ids(rows: &[ArticleSummary]) -> Vec<ArticleId> {
    rows.iter().map(|row| row.id).collect()
}

fn queries() -> Vec<Query> {
    // No filter, one read from the totals, and words (whose count needs a scan).
    ["", "lang:en", "numéro"]
        .into_iter()
        .map(|text| Query::parse(text).expect("query"))
        .collect()
}

#[test]
fn anchored_pages_hold_the_rows_offset_paging_gives() {
    let (_dir, store) = tied_store();
    for query in queries() {
        for sort in sorts() {
            let all = ids(&store.offset_summaries(&query, sort, 0, 1000).expect("all"));
            assert!(all.len() >= 8, "{query:?}");
            let page = |anchor| {
                let rows = store.page(&query, sort, anchor, 5).expect("page");
                ids(&rows.expect("anchor present"))
            };
            let n = all.len();
            assert_eq!(page(Anchor::Top), all[..5], "{sort:?}");
            assert_eq!(page(Anchor::Bottom), all[n - 5..], "{sort:?}");
            for (i, &id) in all.iter().enumerate() {
                let context = format!("{query:?} {sort:?} at {i}");
                assert_eq!(page(Anchor::From(id)), all[i..(i + 5).min(n)], "{context}");
                assert_eq!(
                    page(Anchor::After(id)),
                    all[i + 1..(i + 6).min(n)],
                    "{context}"
                );
                assert_eq!(
                    page(Anchor::Before(id)),
                    all[i.saturating_sub(5)..i],
                    "{context}"
                );
            }
        }
    }
}

#[test]
fn every_jump_between_pages_gives_the_offset_page() {
    let (_dir, store) = tied_store();
    for query in queries() {
        for sort in sorts() {
            let n = store
                .offset_summaries(&query, sort, 0, 1000)
                .expect("all")
                .len() as u64;
            let expected = |offset| {
                ids(&store
                    .offset_summaries(&query, sort, offset, 7)
                    .expect("page"))
            };
            // From every page to every other (past the end included): neighbours by key, far
            // pages from the nearer end, the rest by offset.
            for from in 0..=n {
                for to in 0..=n + 1 {
                    store.summaries(&query, sort, from, 7).expect("first");
                    let got = ids(&store.summaries(&query, sort, to, 7).expect("second"));
                    assert_eq!(got, expected(to), "{query:?} {sort:?} {from} → {to}");
                }
            }
        }
    }
}

#[test]
fn a_page_after_a_write_is_still_the_offset_page() {
    let (_dir, mut store) = tied_store();
    let sort = Sort::from(SortOrder::Title);
    let all = Query::default();
    let first = store.summaries(&all, sort, 10, 7).expect("page");
    // Keys would carry on from the old page; after a write the offsets count again.
    store.delete(&[first[2].id]).expect("delete");
    let got = ids(&store.summaries(&all, sort, 17, 7).expect("next"));
    assert_eq!(
        got,
        ids(&store.offset_summaries(&all, sort, 17, 7).expect("offset"))
    );
}
