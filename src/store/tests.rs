use super::*;
use crate::article::NewArticle;
use crate::query::Query;

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("kiosk.db")).expect("open store");
    (dir, store)
}

fn article(title: &str, body: &str, published: Option<&str>) -> NewArticle {
    NewArticle {
        title: title.to_string(),
        body: body.to_string(),
        original: format!("{title}\n\n{body}"),
        published: published.map(str::to_string),
        source: Some("Test Wire".to_string()),
        lang: Some("fr".to_string()),
        ..NewArticle::default()
    }
}

fn add(store: &mut Store, article: &NewArticle) -> ArticleId {
    let writer = store.writer().expect("writer");
    let outcome = writer.insert(article, &article.title).expect("insert");
    writer.commit().expect("commit");
    match outcome {
        InsertOutcome::Added(id) => id,
        InsertOutcome::Duplicate(id) => panic!("unexpected duplicate of {id}"),
    }
}

fn titles(store: &Store, query: &str) -> Vec<String> {
    let query = Query::parse(query).expect("query");
    store
        .summaries(&query, SortOrder::Date, 0, 100)
        .expect("summaries")
        .into_iter()
        .map(|summary| summary.title)
        .collect()
}

#[test]
fn round_trips_an_article() {
    let (_dir, mut store) = temp_store();
    let new = NewArticle {
        external_id: Some("x-1".into()),
        url: Some("https://example.test/a".into()),
        author: Some("A. Writer".into()),
        ..article(
            "Titre",
            "Premier paragraphe.\n\nSecond.",
            Some("2024-03-28T00:00:00Z"),
        )
    };
    let id = add(&mut store, &new);
    let loaded = store.load(id).expect("load");
    assert_eq!(loaded.summary.title, "Titre");
    assert_eq!(loaded.body, new.body);
    assert_eq!(loaded.original, new.original);
    assert_eq!(loaded.author.as_deref(), Some("A. Writer"));
    assert_eq!(loaded.summary.external_id.as_deref(), Some("x-1"));
    assert_eq!(
        loaded.summary.published.as_deref(),
        Some("2024-03-28T00:00:00Z")
    );
    assert!(!loaded.summary.read);
    store.set_read(id, true).expect("read");
    store.set_starred(id, true).expect("star");
    let loaded = store.load(id).expect("load");
    assert!(loaded.summary.read && loaded.summary.starred);
    assert!(matches!(store.load(999), Err(StoreError::NotFound(999))));
    assert!(matches!(
        store.set_read(999, true),
        Err(StoreError::NotFound(999))
    ));
}

#[test]
fn duplicates_by_external_id_url_or_content() {
    let (_dir, mut store) = temp_store();
    let first = NewArticle {
        external_id: Some("r-5".into()),
        url: Some("https://example.test/5".into()),
        ..article("One", "Body one.", None)
    };
    add(&mut store, &first);
    let writer = store.writer().expect("writer");
    let same_id = NewArticle {
        url: None,
        ..first.clone()
    };
    assert!(matches!(
        writer.insert(&same_id, "other-hash"),
        Ok(InsertOutcome::Duplicate(_))
    ));
    let same_url = NewArticle {
        external_id: None,
        ..first.clone()
    };
    assert!(matches!(
        writer.insert(&same_url, "hash-2"),
        Ok(InsertOutcome::Duplicate(_))
    ));
    let same_content = article("Different title", "x", None);
    assert!(matches!(
        writer.insert(&same_content, "One"),
        Ok(InsertOutcome::Duplicate(_))
    ));
    // The same external id from another source is another article.
    let other_source = NewArticle {
        source: Some("Elsewhere".into()),
        url: None,
        ..first.clone()
    };
    assert!(matches!(
        writer.insert(&other_source, "hash-3"),
        Ok(InsertOutcome::Added(_))
    ));
    writer.commit().expect("commit");
    assert_eq!(store.count(&Query::default()).expect("count"), 2);
}

#[test]
fn full_text_is_accent_case_and_ligature_insensitive() {
    let (_dir, mut store) = temp_store();
    add(
        &mut store,
        &article(
            "Les États-Unis et le Niger",
            "Accord militaire dénoncé.",
            None,
        ),
    );
    add(
        &mut store,
        &article("Abidjan", "La Côte d’Ivoire investit dans son œuvre.", None),
    );
    add(&mut store, &article("Other", "Nothing here.", None));
    assert_eq!(titles(&store, "etats"), ["Les États-Unis et le Niger"]);
    assert_eq!(titles(&store, "ETATS-unis"), ["Les États-Unis et le Niger"]);
    assert_eq!(titles(&store, "cote d'ivoire"), ["Abidjan"]);
    assert_eq!(titles(&store, "\"côte d'ivoire\""), ["Abidjan"]);
    assert_eq!(titles(&store, "oeuvre"), ["Abidjan"]);
    assert_eq!(titles(&store, "denon*"), ["Les États-Unis et le Niger"]);
    assert_eq!(titles(&store, "-niger -abidjan"), ["Other"]);
    assert_eq!(titles(&store, "niger OR abidjan").len(), 2);
    assert_eq!(
        titles(&store, "'"),
        Vec::<String>::new(),
        "punctuation alone matches nothing"
    );
}

#[test]
fn filters_by_metadata_and_sorts_newest_first() {
    let (_dir, mut store) = temp_store();
    let old = add(
        &mut store,
        &article("Old", "a", Some("2023-01-05T10:00:00Z")),
    );
    add(
        &mut store,
        &article("New", "b", Some("2024-03-01T10:00:00Z")),
    );
    add(
        &mut store,
        &NewArticle {
            lang: Some("en".into()),
            source: None,
            ..article("Undated", "c", None)
        },
    );
    assert_eq!(titles(&store, ""), ["New", "Old", "Undated"]);
    assert_eq!(titles(&store, "since:2024-01-01"), ["New"]);
    assert_eq!(titles(&store, "until:2023-01-05"), ["Old"]);
    assert_eq!(titles(&store, "lang:en"), ["Undated"]);
    assert_eq!(titles(&store, "-lang:en"), ["New", "Old"]);
    assert_eq!(titles(&store, "source:\"test wire\""), ["New", "Old"]);
    assert_eq!(titles(&store, "-source:\"test wire\""), ["Undated"]);
    store.set_read(old, true).expect("read");
    assert_eq!(titles(&store, "is:unread"), ["New", "Undated"]);
    assert_eq!(titles(&store, "is:read"), ["Old"]);
    let all = Query::default();
    assert_eq!(
        store
            .position_of(&all, SortOrder::Date, old)
            .expect("position"),
        Some(1)
    );
    let by_title = store.summaries(&all, SortOrder::Title, 1, 1).expect("page");
    assert_eq!(by_title[0].title, "Old");
    let facets = store.facets(&all).expect("facets");
    assert_eq!((facets.total, facets.unread), (3, 2));
    assert_eq!(
        facets.by_lang,
        [("fr".to_string(), 2), ("en".to_string(), 1)]
    );
}

#[test]
fn migrates_a_version_one_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.db");
    {
        let mut conn = Connection::open(&path).expect("open");
        schema::migrate_to(&mut conn, 1).expect("v1");
        conn.execute_batch(
            "INSERT INTO articles (id, title, imported_at, content_hash) \
             VALUES (1, 'Kept', '2024-01-01T00:00:00Z', 'h'); \
             INSERT INTO article_texts (article_id, body, original) VALUES (1, 'Body', 'Kept\n\nBody');",
        )
        .expect("insert v1 row");
    }
    let store = Store::open(&path).expect("upgrade");
    assert_eq!(
        store.migration(),
        MigrationOutcome::Upgraded {
            from: 1,
            to: SCHEMA_VERSION
        }
    );
    let rows = store
        .summaries(&Query::default(), SortOrder::Date, 0, 10)
        .expect("rows");
    assert_eq!(rows[0].title, "Kept");
    assert!(rows[0].countries.is_empty());
    assert_eq!(store.load(rows[0].id).expect("load").body, "Body");
    store.set_ui_state("filter", "lang:fr").expect("ui state");
    drop(store);
    let store = Store::open(&path).expect("reopen");
    assert_eq!(store.migration(), MigrationOutcome::Current);
    assert_eq!(
        store.ui_state("filter").expect("state").as_deref(),
        Some("lang:fr")
    );
}

#[test]
fn a_file_that_is_not_a_database_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "just some text, long enough to not be a database header at all",
    )
    .expect("write");
    let error = Store::open(&path).err().expect("must fail");
    assert!(error.to_string().contains("notes.txt"), "{error}");
}

#[test]
fn two_connections_see_each_other() {
    let (dir, mut store) = temp_store();
    let other = Store::open(&dir.path().join("kiosk.db")).expect("second connection");
    let before = other.data_version().expect("version");
    add(&mut store, &article("Fresh", "news", None));
    assert_ne!(other.data_version().expect("version"), before);
    assert_eq!(other.count(&Query::default()).expect("count"), 1);
}

#[test]
fn stores_analysis_and_counts_countries_and_entities() {
    let (_dir, mut store) = temp_store();
    let first = add(
        &mut store,
        &article("Niamey", "a", Some("2024-03-01T00:00:00Z")),
    );
    let second = add(
        &mut store,
        &article("Bamako", "b", Some("2024-03-02T00:00:00Z")),
    );
    let country = |code: &str, about: bool| CountryRow {
        code: code.to_string(),
        score: if about { 0.8 } else { 0.1 },
        mentions: 2,
        about,
    };
    let person = |name: &str| EntityRow {
        kind: crate::analyze::EntityKind::Person,
        name: name.to_string(),
        country: Some("NE".to_string()),
        count: 3,
    };
    let writer = store.writer().expect("writer");
    writer
        .set_analysis(
            first,
            1,
            "{}",
            &[
                country("NE", true),
                country("US", true),
                country("ML", false),
            ],
            &[person("Abdourahamane Tiani")],
        )
        .expect("analysis");
    writer
        .set_analysis(
            second,
            1,
            "{}",
            &[country("ML", true), country("NE", true)],
            &[person("Abdourahamane Tiani")],
        )
        .expect("analysis");
    writer.commit().expect("commit");
    assert_eq!(titles(&store, "country:NE"), ["Bamako", "Niamey"]);
    assert_eq!(titles(&store, "country:US"), ["Niamey"]);
    assert_eq!(titles(&store, "country:ML"), ["Bamako"]);
    assert_eq!(titles(&store, "mentions:ML"), ["Bamako", "Niamey"]);
    assert_eq!(
        titles(&store, "country:US OR country:ML"),
        ["Bamako", "Niamey"]
    );
    assert_eq!(
        titles(&store, "country:US OR country:NE"),
        ["Bamako", "Niamey"],
        "each article once"
    );
    assert_eq!(
        store
            .count(&Query::parse("country:US OR country:NE").expect("query"))
            .expect("count"),
        2
    );
    assert_eq!(
        titles(&store, "country:US OR country:ML lang:fr"),
        ["Bamako", "Niamey"]
    );
    assert_eq!(titles(&store, "-country:US"), ["Bamako"]);
    assert_eq!(
        titles(&store, "person:\"abdourahamane tiani\""),
        ["Bamako", "Niamey"]
    );
    assert!(titles(&store, "org:\"Abdourahamane Tiani\"").is_empty());
    let rows = store
        .summaries(&Query::default(), SortOrder::Date, 0, 10)
        .expect("rows");
    assert_eq!(rows[1].countries, ["NE", "US"]);
    let counts = store.country_counts(&Query::default()).expect("counts");
    assert_eq!(
        (
            counts[0].code.as_str(),
            counts[0].articles,
            counts[0].mentions
        ),
        ("NE", 2, 2)
    );
    let entities = store
        .entity_counts(&Query::parse("country:US").expect("query"), None, 10)
        .expect("entities");
    assert_eq!(
        (
            entities[0].name.as_str(),
            entities[0].articles,
            entities[0].mentions
        ),
        ("Abdourahamane Tiani", 1, 3)
    );
    let days = store
        .daily_counts(&Query::default(), "2024-03-02")
        .expect("days");
    assert_eq!(days, [("2024-03-02".to_string(), 1)]);
    assert_eq!(
        store
            .daily_counts(&Query::parse("country:NE").expect("query"), "2024-01-01")
            .expect("days")
            .len(),
        2
    );
    assert_eq!(store.stale_analysis_count(1).expect("stale"), 0);
    assert_eq!(store.stale_analysis_count(2).expect("stale"), 2);
}

#[test]
fn date_positions_count_like_numbering_every_match() {
    let (_dir, mut store) = temp_store();
    let days = [
        Some("2024-01-02"),
        Some("2024-01-02"),
        None,
        Some("2023-05-01"),
        None,
    ];
    let ids: Vec<ArticleId> = (0..10)
        .map(|i| {
            let mut new = article(&format!("Article {i}"), &format!("body {i}"), days[i % 5]);
            new.lang = Some(if i % 3 == 0 { "en" } else { "fr" }.into());
            add(&mut store, &new)
        })
        .collect();
    store.set_read(ids[4], true).expect("read");
    for text in ["", "lang:fr", "-lang:fr", "is:unread", "body OR lang:en"] {
        let query = Query::parse(text).expect("query");
        for &id in &ids {
            let counted = store.date_position(&query, id).expect("count");
            let numbered = store.position_by_numbering(&query, SortOrder::Date, id);
            assert_eq!(counted, numbered.expect("numbering"), "{text} {id}");
        }
    }
}

mod aliases;
mod concurrent_open;
mod country_index;
mod deferred;
mod keyset;
mod limits;
mod names;
mod packed;
mod title_sort;
mod totals;
mod trash;
mod word_hits;
