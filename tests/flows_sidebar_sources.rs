//! Flow tests of the sidebar's top entities: a source's own name and the agency its datelines
//! credit stay out of the list's top organisations but show in the open article and are found
//! by `entity:`; the bundled
//! sample archive's top entities hold none of the common words once read as names.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::Harness;
use kiosk::article::NewArticle;
use kiosk::ingest::analyze_article;
use kiosk::store::Store;

/// The labels of the sidebar section titled `title`, empty if there is none.
fn section(h: &Harness, title: &str) -> Vec<String> {
    h.state
        .sidebar
        .sections
        .iter()
        .filter(|s| s.title == title)
        .flat_map(|s| s.rows.iter().map(|r| r.label.clone()))
        .collect()
}

fn wire(i: usize, source: &str, body: &str) -> NewArticle {
    NewArticle {
        external_id: Some(format!("wire-{i}")),
        title: format!("Wire {i}"),
        body: body.to_string(),
        original: String::new(),
        source: Some(source.to_string()),
        url: None,
        author: None,
        published: Some(format!("2024-03-{:02}T08:00:00Z", i + 1)),
        lang: Some("en".to_string()),
    }
}

/// Stores `articles` with their analysis, as an import does.
fn store_analysed(path: &std::path::Path, articles: &[NewArticle]) {
    let mut store = Store::open(path).expect("open store");
    let writer = store.writer().expect("writer");
    for (n, article) in articles.iter().enumerate() {
        let outcome = writer.insert(article, &format!("h{n}")).expect("insert");
        let kiosk::store::InsertOutcome::Added(id) = outcome else {
            panic!("duplicate")
        };
        let analysis = analyze_article(&article.title, &article.body, article.lang.as_deref());
        writer.save_analysis(id, &analysis).expect("analysis");
    }
    writer.commit().expect("commit");
}

#[test]
fn a_source_and_its_dateline_agency_are_not_what_its_articles_are_about() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kiosk.db");
    let body = |n: usize| {
        format!(
            "NIAMEY (Reuters) - The World Bank approved loan {n} for Niger, Reuters learned. \
             The World Bank said the loan would fund roads."
        )
    };
    let mut articles: Vec<NewArticle> = (0..3).map(|i| wire(i, "Reuters", &body(i))).collect();
    // Another source's article about Reuters: there Reuters is what the article is about.
    articles.push(wire(
        3,
        "Sahel Wire",
        "Reuters opened a bureau in Niamey. Reuters said ten reporters would work there.",
    ));
    // A dateline crediting an agency that is not the source.
    articles.push(wire(
        4,
        "Sahel Wire",
        "DAKAR (AFP) - The World Bank approved a loan for Senegal on Monday.",
    ));
    store_analysed(&path, &articles);
    let mut h = Harness::open(dir, path, 140, 40);
    let orgs = section(&h, "Organisations");
    assert!(orgs.iter().any(|o| o.contains("World Bank")), "{orgs:?}");
    assert!(!orgs.iter().any(|o| o.contains("AFP")), "{orgs:?}");
    // Reuters counts once, for the article about it, below the World Bank's four.
    let count = |name: &str| {
        h.state
            .sidebar
            .sections
            .iter()
            .flat_map(|s| &s.rows)
            .find(|r| r.label.contains(name))
            .and_then(|r| r.count)
    };
    assert_eq!(count("Reuters"), Some(1), "{orgs:?}");
    assert_eq!(count("World Bank"), Some(4), "{orgs:?}");
    // Out of the counts but not out of reach: `entity:` and `org:` find a source's own wires
    // and the agency's.
    let matching = |query: &str| {
        h.store()
            .count(&kiosk::query::Query::parse(query).expect("query"))
            .expect("count")
    };
    assert_eq!(matching("entity:Reuters"), 4);
    assert_eq!(matching("org:AFP"), 1);
    assert_eq!(matching("org:Reuters -source:Reuters"), 1);
    // The open wire still names its agency among its organisations.
    h.press("G <enter>");
    assert_eq!(h.open_title().as_deref(), Some("Wire 0"));
    let orgs = section(&h, "Organisations");
    assert!(orgs.iter().any(|o| o.contains("Reuters")), "{orgs:?}");
}

#[test]
fn the_sample_archives_top_entities_hold_no_common_words() {
    use kiosk::analyze::EntityKind;
    let h = Harness::sample(140, 60);
    let people = section(&h, "People");
    let orgs = section(&h, "Organisations");
    assert!(
        !people.is_empty() && !orgs.is_empty(),
        "{:?}",
        h.state.sidebar
    );
    // Beyond the ten shown: none near the top of the whole archive either.
    let top = h
        .store()
        .entity_counts_per_kind(&kiosk::query::Query::default(), 40)
        .expect("counts");
    let named = |kind: EntityKind| -> Vec<&str> {
        top.iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.as_str())
            .collect()
    };
    let (top_people, top_orgs) = (named(EntityKind::Person), named(EntityKind::Organization));
    for junk in ["Ohne Bauern", "Bahn", "Santa Juana", "Mundo", "Jan"] {
        assert!(!people.iter().any(|p| p == junk), "{junk}: {people:?}");
        assert!(!top_people.contains(&junk), "{junk}: {top_people:?}");
    }
    assert!(!orgs.iter().any(|o| o == "NOTE"), "{orgs:?}");
    assert!(!top_orgs.contains(&"NOTE"), "{top_orgs:?}");
}
