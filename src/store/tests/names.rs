//! Entity names for the query line's completion (`Store::entity_names`): by any folded name,
//! of one kind or any, limited, and looked up by one index range.

use super::*;
use crate::analyze::EntityKind;

fn entity(kind: EntityKind, name: &str) -> EntityRow {
    EntityRow {
        kind,
        name: name.to_string(),
        country: None,
        count: 1,
    }
}

/// A store with one article citing Vladimir Poutine, the ECOWAS by its French name and Niamey.
fn store_of_names() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = temp_store();
    let id = add(&mut store, &article("a", "b", None));
    let rows = [
        entity(EntityKind::Person, "Vladimir Poutine"),
        entity(EntityKind::Organization, "Cédéao"),
        entity(EntityKind::Place, "Niamey"),
    ];
    let writer = store.writer().expect("writer");
    writer
        .set_analysis(id, 1, "{}", &[], &rows)
        .expect("analysis");
    writer.commit().expect("commit");
    (dir, store)
}

#[test]
fn names_start_with_the_typed_text_case_and_accents_aside() {
    let (_dir, store) = store_of_names();
    let person = Some(EntityKind::Person);
    assert_eq!(
        store.entity_names(person, "VLAD", 10).expect("names"),
        ["Vladimir Poutine"]
    );
    assert_eq!(
        store
            .entity_names(Some(EntityKind::Organization), "cede", 10)
            .expect("names"),
        ["Cédéao"]
    );
    // Another language's spelling shows as the alias that starts so.
    let putin = store
        .entity_names(person, "vladimir put", 10)
        .expect("names");
    assert_eq!(putin, ["vladimir putin"]);
    assert!(
        store
            .entity_names(Some(EntityKind::Place), "vlad", 10)
            .expect("names")
            .is_empty(),
        "another kind's names are not offered"
    );
    let any = store.entity_names(None, "", 10).expect("names");
    assert!(
        any.contains(&"Niamey".to_string()) && any.len() >= 3,
        "{any:?}"
    );
    assert_eq!(store.entity_names(None, "", 1).expect("names").len(), 1);
}

#[test]
fn names_of_deleted_articles_only_are_not_offered() {
    let (_dir, mut store) = store_of_names();
    let ids: Vec<i64> = store
        .summaries(&Query::default(), Sort::default(), 0, 10)
        .expect("rows")
        .iter()
        .map(|row| row.id)
        .collect();
    store.delete(&ids).expect("delete");
    assert!(store.entity_names(None, "", 10).expect("names").is_empty());
}

#[test]
fn names_are_looked_up_by_one_index_range() {
    let (_dir, store) = store_of_names();
    let plan: Vec<String> = store
        .conn
        .prepare(&format!(
            "EXPLAIN QUERY PLAN {}",
            super::super::aliases::ENTITY_NAMES
        ))
        .expect("plan")
        .query_map(
            rusqlite::params!["vl", "vl\u{10FFFF}", "person", 10],
            |row| row.get(3),
        )
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("plan rows");
    let plan = plan.join("\n");
    assert!(
        plan.contains("SEARCH al USING PRIMARY KEY (alias>? AND alias<?)"),
        "{plan}"
    );
    assert!(!plan.contains("SCAN"), "{plan}");
    assert!(
        !plan.contains("TEMP B-TREE"),
        "key order needs no sort: {plan}"
    );
}
