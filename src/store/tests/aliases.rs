//! Entity filters by any name (`entity_aliases`): spellings across languages, titles, a surname
//! alone while unambiguous, forms learnt from the text, older stores, and indexed lookups.

use rusqlite::Connection;

use super::*;
use crate::analyze::{Analysis, Entity, EntityKind, Mention};

fn person(name: &str) -> EntityRow {
    EntityRow {
        kind: crate::analyze::EntityKind::Person,
        name: name.to_string(),
        country: None,
        count: 1,
    }
}

/// One article per entity list, titled by its number in the store from 0.
fn fill(store: &mut Store, people: &[&[&str]]) {
    let before = store.count(&Query::default()).expect("count");
    for (i, names) in (usize::try_from(before).expect("small")..).zip(people) {
        let id = add(store, &article(&format!("a{i}"), "b", None));
        let rows: Vec<EntityRow> = names.iter().map(|name| person(name)).collect();
        let writer = store.writer().expect("writer");
        writer
            .set_analysis(id, 1, "{}", &[], &rows)
            .expect("analysis");
        writer.commit().expect("commit");
    }
}

fn sorted(store: &Store, query: &str) -> Vec<String> {
    let mut found = titles(store, query);
    found.sort();
    found
}

#[test]
fn every_spelling_of_a_person_finds_them() {
    let (_dir, mut store) = temp_store();
    fill(
        &mut store,
        &[
            &["Vladimir Poutine"],
            &["Putin"],
            &["président Poutine"],
            &["Kathleen FitzGibbon"],
        ],
    );
    for query in [
        "person:Poutine",
        "person:PUTIN",
        "person:\"vladimir poutine\"",
        "person:\"Vladimir Putin\"",
        "entity:poutine",
        "person:Putín",
    ] {
        assert_eq!(sorted(&store, query), ["a0", "a1", "a2"], "{query}");
    }
    assert!(titles(&store, "org:Poutine").is_empty());
    assert_eq!(titles(&store, "person:fitzgibbon"), ["a3"]);
    assert_eq!(titles(&store, "-person:Putin"), ["a3"]);
}

#[test]
fn a_surname_alone_finds_a_person_only_while_unambiguous() {
    let (_dir, mut store) = temp_store();
    fill(
        &mut store,
        &[
            &["Salifou Mody"],
            &["Joe Biden"],
            &["Jill Biden"],
            &["général Mody"],
        ],
    );
    // A titled name without a given name is that surname itself.
    assert_eq!(sorted(&store, "person:Mody"), ["a0", "a3"]);
    // "Biden" is a name of the gazetteer's Joe Biden, not Jill's surname: two Bidens.
    assert_eq!(titles(&store, "person:Biden"), ["a1"]);
    assert_eq!(titles(&store, "person:\"Jill Biden\""), ["a2"]);
    fill(&mut store, &[&["Aïcha Mody"]]);
    assert_eq!(
        titles(&store, "person:Mody"),
        ["a3"],
        "two people named Mody now"
    );
    assert_eq!(titles(&store, "person:\"aicha mody\""), ["a4"]);
}

#[test]
fn forms_an_article_writes_become_names() {
    let (_dir, mut store) = temp_store();
    let id = add(&mut store, &article("a0", "b", None));
    let long = "Union des forces du changement";
    let mention = |text: &str| Mention {
        kind: EntityKind::Organization,
        text: text.to_string(),
        start: 0,
        end: text.len(),
        entity: long.to_string(),
    };
    let analysis = Analysis {
        lang: Some("fr".to_string()),
        countries: Vec::new(),
        entities: vec![Entity {
            kind: EntityKind::Organization,
            name: long.to_string(),
            count: 2,
            country: None,
        }],
        mentions: vec![mention(long), mention("UFC")],
        truncated: None,
        credits: Vec::new(),
    };
    let writer = store.writer().expect("writer");
    writer.save_analysis(id, &analysis).expect("analysis");
    writer.commit().expect("commit");
    assert_eq!(titles(&store, "org:UFC"), ["a0"]);
    assert_eq!(
        titles(&store, "org:\"union des forces du changement\""),
        ["a0"]
    );
    assert!(titles(&store, "person:UFC").is_empty());
}

#[test]
fn an_older_store_gets_its_entities_names_when_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.db");
    {
        let mut conn = Connection::open(&path).expect("open");
        conn.execute_batch("PRAGMA foreign_keys = ON;")
            .expect("pragma");
        schema::migrate_to(&mut conn, 7).expect("v7");
        conn.execute_batch(
            "INSERT INTO articles (id, title, imported_at, content_hash) \
             VALUES (1, 'Kept', '2024-01-01T00:00:00Z', 'h'); \
             INSERT INTO entities (id, kind, name) VALUES (1, 'organization', 'ECOWAS'); \
             INSERT INTO article_entities (article_id, entity_id, count) VALUES (1, 1, 2);",
        )
        .expect("v7 rows");
    }
    let store = Store::open(&path).expect("upgrade");
    assert_eq!(titles(&store, "org:Cédéao"), ["Kept"]);
    let left: i64 = store
        .conn
        .query_row("SELECT count(*) FROM entity_alias_backlog", [], |row| {
            row.get(0)
        })
        .expect("backlog");
    assert_eq!(left, 0, "the backlog is worked off");
}

#[test]
fn entity_filters_look_names_up_by_index() {
    let (_dir, mut store) = temp_store();
    fill(&mut store, &[&["Vladimir Poutine"]]);
    let sql = store.sql(&Query::parse("person:Putin").expect("query"));
    let plan: Vec<String> = store
        .conn
        .prepare(&format!(
            "EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE {}",
            sql.condition
        ))
        .expect("plan")
        .query_map(rusqlite::params_from_iter(&sql.params), |row| row.get(3))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("plan rows");
    let plan = plan.join("\n");
    assert!(
        !plan.contains("SCAN al") && !plan.contains("SCAN s"),
        "{plan}"
    );
    assert!(plan.contains("SEARCH al USING PRIMARY KEY"), "{plan}");
    assert!(plan.contains("SEARCH ae USING"), "{plan}");
}
