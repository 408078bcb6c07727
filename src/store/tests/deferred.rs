//! Totals deferred to the end of an import's batch (schema migration 13) against the per-row
//! triggers: the same writes, deferred or not, leave every total identical (the change stamp
//! aside) and the fast paths agreeing with the general SQL.

use super::totals::{assert_fast_paths_agree, countries, entities, fill_article as new_article};
use super::*;

/// Every total's non-zero rows in a fixed order, as text (zero rows are left by either way).
fn totals(store: &Store) -> Vec<String> {
    const TOTALS: &[&str] = &[
        "SELECT articles FROM article_total",
        "SELECT lang, source, read, starred, articles FROM article_facets WHERE articles > 0 \
         ORDER BY 1, 2, 3, 4",
        "SELECT code, about, articles FROM country_totals WHERE articles > 0 ORDER BY 1",
        "SELECT code, lang, source, read, starred, about, mentions FROM country_facets \
         WHERE mentions > 0 ORDER BY 1, 2, 3, 4, 5",
        "SELECT entity_id, articles, mentions FROM entity_totals WHERE articles > 0 ORDER BY 1",
        "SELECT code, entity_id, articles, mentions FROM country_entities WHERE articles > 0 \
         ORDER BY 1, 2",
        "SELECT code, other, about, mentions FROM country_pairs WHERE mentions > 0 ORDER BY 1, 2",
        "SELECT deferred_from FROM deferred_totals",
    ];
    let mut found = Vec::new();
    for sql in TOTALS {
        let mut statement = store.conn.prepare(sql).expect("prepare");
        let columns = statement.column_count();
        let rows = statement
            .query_map([], |row| {
                (0..columns)
                    .map(|index| {
                        Ok(format!(
                            "{:?}",
                            row.get::<_, rusqlite::types::Value>(index)?
                        ))
                    })
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .expect("query");
        for row in rows {
            found.push(format!("{sql}: {}", row.expect("row").join(" ")));
        }
    }
    found
}

/// Three articles committed one by one, then one batch of nine more that also marks, reanalyses
/// and deletes both old and new articles: with `deferred`, the batch defers its totals.
fn write(deferred: bool) -> (tempfile::TempDir, Store) {
    let (dir, mut store) = temp_store();
    let mut old = Vec::new();
    for n in 0..3 {
        let id = add(&mut store, &new_article(n));
        let writer = store.writer().expect("writer");
        (writer.set_analysis(id, 1, "{}", &countries(n), &entities(n))).expect("analysis");
        writer.commit().expect("commit");
        old.push(id);
    }
    let writer = store.writer().expect("writer");
    if deferred {
        writer.defer_totals().expect("defer");
    }
    let mut new = Vec::new();
    for n in 3..12 {
        let article = new_article(n);
        let InsertOutcome::Added(id) = writer.insert(&article, &article.title).expect("insert")
        else {
            panic!("a duplicate");
        };
        (writer.set_analysis(id, 1, "{}", &countries(n), &entities(n))).expect("analysis");
        new.push(id);
    }
    writer.mark(new[1], true, false).expect("mark new");
    writer.mark(old[0], true, true).expect("mark old");
    (writer.set_analysis(new[2], 2, "{}", &countries(1), &entities(2))).expect("reanalyse new");
    (writer.set_analysis(old[2], 2, "{}", &countries(4), &entities(5))).expect("reanalyse old");
    for id in [new[3], old[1]] {
        (writer
            .tx
            .execute("DELETE FROM articles WHERE id = ?1", [id]))
        .expect("delete");
    }
    writer.commit().expect("commit");
    (dir, store)
}

#[test]
fn a_deferred_batch_leaves_the_totals_the_triggers_would() {
    let (_dir, per_row) = write(false);
    let (_dir2, deferred) = write(true);
    assert_eq!(totals(&deferred), totals(&per_row));
    // The change stamp is no count: the deferred batch shows its final rows, appended past the
    // old `top`, and the rewrites of the old articles' rows, which the triggers counted.
    let stamp = |store: &Store| -> (i64, i64, i64) {
        (store.conn)
            .query_row(
                "SELECT changes, rewrites, top FROM country_changes",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .expect("stamp")
    };
    let ((changes, rewrites, top), (_, _, top_per_row)) = (stamp(&deferred), stamp(&per_row));
    assert_eq!(top, top_per_row);
    assert!(rewrites > 0 && changes > rewrites, "{changes} {rewrites}");
    assert_fast_paths_agree(&deferred);
    // After the batch, the triggers count again.
    let mut deferred = deferred;
    let id = add(&mut deferred, &new_article(20));
    deferred.set_read(id, true).expect("read");
    assert_fast_paths_agree(&deferred);
}
