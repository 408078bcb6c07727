//! Originals and analysis JSON are stored deflated and read back unchanged; plain TEXT (stores
//! written before packing) still reads.

use super::*;

fn stored_type(store: &Store, sql: &str) -> String {
    store
        .conn
        .query_row(sql, [], |row| row.get(0))
        .expect("typeof")
}

#[test]
fn a_long_original_is_stored_deflated_and_loads_unchanged() {
    let (_dir, mut store) = temp_store();
    let body = "Le Kenya et le Brésil ont signé un accord commercial. ".repeat(40);
    let new = NewArticle {
        original: format!("{{\"title\":\"Accord\",\"body\":\"{body}\"}}"),
        ..article("Accord", &body, Some("2024-03-28T00:00:00Z"))
    };
    let id = add(&mut store, &new);
    assert_eq!(
        stored_type(&store, "SELECT typeof(original) FROM article_texts"),
        "blob"
    );
    let size: usize = store
        .conn
        .query_row("SELECT length(original) FROM article_texts", [], |row| {
            row.get(0)
        })
        .expect("size");
    assert!(
        size * 3 < new.original.len(),
        "{size} of {}",
        new.original.len()
    );
    assert_eq!(store.load(id).expect("load").original, new.original);
}

#[test]
fn analysis_json_is_stored_deflated_and_reads_back() {
    let (_dir, mut store) = temp_store();
    let id = add(&mut store, &article("Titre", "Corps.", None));
    let json = format!(
        "{{\"mentions\":[{}]}}",
        r#"{"kind":"country","text":"Kenya"},"#.repeat(30)
    );
    let writer = store.writer().expect("writer");
    writer
        .set_analysis(id, 1, &json, &[], &[])
        .expect("analysis");
    writer.commit().expect("commit");
    assert_eq!(
        stored_type(&store, "SELECT typeof(analysis) FROM articles"),
        "blob"
    );
    assert_eq!(store.analysis_json(id).expect("read"), Some((1, json)));
}

#[test]
fn an_original_stored_as_plain_text_still_loads() {
    let (_dir, mut store) = temp_store();
    let id = add(&mut store, &article("Titre", "Corps.", None));
    let long = "Texte d'origine gardé tel quel par une version plus ancienne. ".repeat(10);
    store
        .conn
        .execute("UPDATE article_texts SET original = ?1", [&long])
        .expect("update");
    assert_eq!(store.load(id).expect("load").original, long);
}

#[test]
fn an_original_stored_without_its_body_survives_a_change_of_body() {
    let (_dir, mut store) = temp_store();
    let body = "Le Kenya et le Brésil ont signé un accord commercial.\n\nFin. ".repeat(20);
    let new = NewArticle {
        original: format!("Accord\n\n{body}\n\nAbonnez-vous à notre lettre."),
        ..article("Accord", &body, None)
    };
    let id = add(&mut store, &new);
    let size: usize = store
        .conn
        .query_row("SELECT length(original) FROM article_texts", [], |row| {
            row.get(0)
        })
        .expect("size");
    assert!(size < 100, "the body is not stored twice: {size} bytes");
    assert_eq!(store.load(id).expect("load").original, new.original);
    // A trailer cut later changes the body: the original stays as imported.
    let writer = store.writer().expect("writer");
    writer.set_body(id, "Le Kenya et le Brésil.").expect("body");
    writer.commit().expect("commit");
    let loaded = store.load(id).expect("load");
    assert_eq!(loaded.body, "Le Kenya et le Brésil.");
    assert_eq!(loaded.original, new.original);
}
