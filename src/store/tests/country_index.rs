//! Country and entity counts from the in-memory copy against the SQL they replace, on a second handle of
//! the store (as the TUI's counting threads have) while the first one writes: appended
//! articles, reanalysis, deletion and flag changes all reach the copy.

use super::totals::{QUERIES, assert_countries_agree, assert_entities_agree, entities, fill};
use super::*;

/// Every query of the fast-path tests plus some only the copy answers quickly.
fn assert_copy_agrees(counting: &Store) {
    let more = [
        "person:\"Person 1\"",
        "even is:unread",
        "-even",
        "-even -third",
        "\"body 3\"",
        "\"body 3\" -even",
        "even -third -late",
        "even -lang:fr",
        "third source:Wire OR lang:en",
        "body* is:starred",
        "-body*",
        "-\"body 3\"",
    ];
    for text in QUERIES.iter().chain(&more) {
        assert_countries_agree(counting, text);
        assert_entities_agree(counting, text);
        // The copy itself answers every shape, even those the totals answer first.
        let query = Query::parse(text).expect("query");
        let in_memory = counting.country_counts_in_memory(&query).expect("counts");
        let counts = counting.country_counts(&query).expect("counts");
        assert_eq!(in_memory, Some(counts), "the copy's counts {text}");
    }
    // The sidebar's entities within facets and a country read their ids from the copy.
    let query = Query::parse("country:NE lang:fr").expect("query");
    let ids = counting.country_facet_ids(&query).expect("ids");
    assert!(
        ids.is_some_and(|ids| ids.starts_with('[')),
        "ids from the copy"
    );
}

fn rewrites(store: &Store) -> i64 {
    store
        .conn
        .query_row("SELECT rewrites FROM country_changes", [], |row| row.get(0))
        .expect("stamp")
}

fn rows(codes: &[(&str, bool)]) -> Vec<CountryRow> {
    codes
        .iter()
        .map(|&(code, about)| CountryRow {
            code: code.to_string(),
            score: 0.5,
            mentions: 1,
            about,
        })
        .collect()
}

#[test]
fn the_copy_counts_as_sqlite_does_through_every_change() {
    let (dir, mut store) = temp_store();
    let ids = fill(&mut store);
    let counting = Store::open(&dir.path().join("kiosk.db")).expect("second handle");
    counting.count_countries_in_memory();
    counting.load_country_copy().expect("copy");
    assert_copy_agrees(&counting);

    // New articles: their rows are appended to the copy, nothing is re-read.
    let before = rewrites(&store);
    let id = add(&mut store, &article("Late", "body late even", None));
    let writer = store.writer().expect("writer");
    writer
        .set_analysis(
            id,
            1,
            "{}",
            &rows(&[("TD", true), ("NE", false)]),
            &entities(1),
        )
        .expect("analysis");
    writer.commit().expect("commit");
    assert_eq!(
        rewrites(&store),
        before,
        "an appended article rewrites nothing"
    );
    assert_copy_agrees(&counting);

    // Reanalysis of an older article and a deletion make the copy read the table again.
    let writer = store.writer().expect("writer");
    writer
        .set_analysis(ids[3], 2, "{}", &rows(&[("US", true)]), &[])
        .expect("reanalyse");
    writer.commit().expect("commit");
    assert!(rewrites(&store) > before);
    assert_copy_agrees(&counting);
    store
        .conn
        .execute("DELETE FROM articles WHERE id = ?1", [ids[0]])
        .expect("delete");
    store.set_read(ids[2], true).expect("read");
    assert_copy_agrees(&counting);
    // An article that gains countries on its first analysis after newer ones had theirs.
    let late = add(&mut store, &article("Unanalysed", "body even", None));
    let newest = add(&mut store, &article("Newest", "body even", None));
    for (id, code) in [(newest, "ML"), (late, "NE")] {
        let writer = store.writer().expect("writer");
        writer
            .set_analysis(id, 1, "{}", &rows(&[(code, true)]), &[])
            .expect("analysis");
        writer.commit().expect("commit");
        assert_copy_agrees(&counting);
    }
    // The newest article deleted and its id reused by the next one: no rewrite counts the
    // new rows, the copy reads the newest article again anyway.
    store
        .conn
        .execute("DELETE FROM articles WHERE id = ?1", [newest])
        .expect("delete newest");
    assert_copy_agrees(&counting);
    let reused = add(&mut store, &article("Reused", "body even", None));
    assert_eq!(
        reused, newest,
        "SQLite reuses the largest rowid once it is gone"
    );
    let writer = store.writer().expect("writer");
    writer
        .set_analysis(reused, 1, "{}", &rows(&[("BF", true)]), &[])
        .expect("analysis");
    writer.commit().expect("commit");
    assert_copy_agrees(&counting);
}
