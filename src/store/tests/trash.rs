//! Deleting articles: every row and total goes (and comes back with `restore`), the tombstone
//! keeps the article out of later imports, and ids are never handed out twice.

use super::totals::{QUERIES, assert_fast_paths_agree, fill};
use super::*;

/// What the store answers for every query of [`QUERIES`]: counts, facets, countries,
/// entities and tags, as text to compare.
fn answers(store: &Store) -> String {
    let mut out = String::new();
    for text in QUERIES.iter().chain(&["tag:keep", "-tag:keep"]) {
        let query = Query::parse(text).expect("query");
        out += &format!(
            "{text}: {} {:?} {:?} {:?} {:?}\n",
            store.count(&query).expect("count"),
            store.facets(&query).expect("facets"),
            store.country_counts(&query).expect("countries"),
            store.entity_counts_per_kind(&query, 10).expect("entities"),
            store.tag_counts(&query).expect("tags"),
        );
    }
    out
}

fn rows_of(store: &Store, table: &str, column: &str, id: ArticleId) -> i64 {
    store
        .conn
        .query_row(
            &format!("SELECT count(*) FROM {table} WHERE {column} = ?1"),
            [id],
            |row| row.get(0),
        )
        .expect("count rows")
}

fn indexed(store: &Store, id: ArticleId) -> bool {
    store
        .conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH 'body' \
             AND rowid = ?1)",
            [id],
            |row| row.get(0),
        )
        .expect("fts")
}

#[test]
fn delete_removes_every_row_and_total_and_restore_puts_them_back() {
    let (_dir, mut store) = temp_store();
    let ids = fill(&mut store);
    let gone = ids[4];
    assert_eq!(
        store.add_tag(&[gone, ids[5]], "Keep").expect("tag"),
        [gone, ids[5]]
    );
    let before = answers(&store);
    let deleted = store.delete(&[gone, 9999]).expect("delete");
    assert_eq!(deleted.ids(), [gone]);
    assert!(matches!(store.load(gone), Err(StoreError::NotFound(_))));
    for (table, column) in [
        ("articles", "id"),
        ("article_texts", "article_id"),
        ("article_countries", "article_id"),
        ("article_entities", "article_id"),
        ("article_credits", "article_id"),
        ("article_tags", "article_id"),
    ] {
        assert_eq!(rows_of(&store, table, column, gone), 0, "{table}");
    }
    assert!(!indexed(&store, gone), "still in the full-text index");
    assert_eq!(
        store
            .count(&Query::parse("tag:keep").expect("q"))
            .expect("count"),
        1
    );
    assert_ne!(answers(&store), before);
    // The totals kept by triggers agree with the general SQL over what is left.
    assert_fast_paths_agree(&store);

    assert_eq!(store.restore(&deleted).expect("restore"), 1);
    assert_eq!(answers(&store), before);
    assert!(indexed(&store, gone));
    assert_eq!(store.tags_of(gone).expect("tags"), ["keep"]);
    assert_fast_paths_agree(&store);
    assert_eq!(rows_of(&store, "deleted_articles", "article_id", gone), 0);
    // Restoring twice puts nothing back twice.
    assert_eq!(store.restore(&deleted).expect("again"), 0);
}

#[test]
fn a_tombstone_blocks_the_same_item_and_ids_are_not_reused() {
    let (_dir, mut store) = temp_store();
    let new = NewArticle {
        external_id: Some("guid-1".into()),
        url: Some("https://example.test/1".into()),
        ..article("Un", "Texte un.", Some("2024-03-01T00:00:00Z"))
    };
    let first = add(&mut store, &article("Zéro", "Texte zéro.", None));
    let id = add(&mut store, &new);
    store.delete(&[id]).expect("delete");
    let writer = store.writer().expect("writer");
    let other = |external: Option<&str>, url: Option<&str>| NewArticle {
        external_id: external.map(str::to_string),
        url: url.map(str::to_string),
        ..article("Autre", "Autre texte.", None)
    };
    assert_eq!(writer.deleted_as(&new, "any").expect("check"), Some(id));
    assert_eq!(
        writer
            .deleted_as(&other(Some("guid-1"), None), "h")
            .expect("c"),
        Some(id)
    );
    assert_eq!(
        writer
            .deleted_as(&other(None, Some("https://example.test/1")), "h")
            .expect("c"),
        Some(id)
    );
    assert_eq!(
        writer.deleted_as(&other(None, None), "Un").expect("c"),
        Some(id)
    );
    assert_eq!(
        writer
            .deleted_as(&other(Some("guid-2"), None), "h")
            .expect("c"),
        None
    );
    drop(writer);
    // The deleted article was the newest: the next one gets a new id all the same.
    let next = add(&mut store, &article("Deux", "Texte deux.", None));
    assert!(next > id && id > first, "{first} {id} {next}");
}

#[test]
fn tags_are_own_or_from_the_feed_and_filter_with_tag() {
    let (_dir, mut store) = temp_store();
    let a = add(
        &mut store,
        &article("Un", "Texte un.", Some("2024-03-01T00:00:00Z")),
    );
    let b = add(
        &mut store,
        &NewArticle {
            source: Some("Other".into()),
            ..article("Deux", "Texte deux.", Some("2024-03-02T00:00:00Z"))
        },
    );
    store
        .add_feed(&crate::store::NewSubscription {
            url: "http://127.0.0.1/feed".into(),
            name: Some("test wire".into()),
            tags: vec!["Sahel".into(), "news".into()],
            title: None,
            full_text: false,
        })
        .expect("feed");
    assert_eq!(store.add_tag(&[a, b], " News ").expect("tag"), [a, b]);
    assert_eq!(
        store.add_tag(&[b], "news").expect("again"),
        Vec::<ArticleId>::new()
    );
    assert_eq!(store.tags_of(a).expect("tags"), ["news", "sahel"]);
    assert_eq!(store.tags_of(b).expect("tags"), ["news"]);
    assert_eq!(titles(&store, "tag:sahel"), ["Un"]);
    assert_eq!(titles(&store, "tag:NEWS"), ["Deux", "Un"]);
    assert_eq!(titles(&store, "-tag:sahel"), ["Deux"]);
    assert_eq!(
        store.tag_counts(&Query::default()).expect("counts"),
        [("news".to_string(), 2), ("sahel".to_string(), 1)]
    );
    // A feed's tag is the feed's: removing it from the article leaves it.
    assert_eq!(
        store.remove_tag(&[a, b], "sahel").expect("untag"),
        Vec::<ArticleId>::new()
    );
    assert_eq!(store.remove_tag(&[a, b], "news").expect("untag"), [a, b]);
    assert_eq!(store.tags_of(a).expect("tags"), ["news", "sahel"]);
    assert!(store.tags_of(b).expect("tags").is_empty());
    let index = store.tag_index().expect("index");
    assert_eq!(index.tags(a, Some("Test Wire")), ["news", "sahel"]);
    assert!(index.tags(b, Some("Other")).is_empty());
}
