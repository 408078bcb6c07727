//! Fixed articles for the render tests, written into a real `Store` on a temp file: the screens
//! are drawn from what the store answers, so filtering is the real query language's.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::BTreeMap;

use kiosk::analyze::EntityKind;
use kiosk::app::sidebar::{EntityCount, RowKind};
use kiosk::article::{Article, ArticleId, NewArticle};
use kiosk::store::{CountryRow, EntityRow, Store};
use tempfile::TempDir;

thread_local! {
    /// The temp folders of the stores opened on this thread: a test's store lives as long as
    /// its test (each test runs on a thread of its own), then goes with the thread.
    static KEPT: RefCell<Vec<TempDir>> = const { RefCell::new(Vec::new()) };
}

/// Articles to store, numbered 1, 2, … in order (their `summary.id` must say so), and the
/// analysis of some of them: the sidebar rows their stored analysis reads back as.
#[derive(Debug, Default, Clone)]
pub struct Archive {
    pub articles: Vec<Article>,
    pub analysis: BTreeMap<ArticleId, Vec<EntityCount>>,
}

impl Archive {
    pub fn new(articles: Vec<Article>) -> Self {
        Self {
            articles,
            ..Self::default()
        }
    }

    /// A store on a temp file holding the articles: each is about its `summary.countries`,
    /// read and starred as its summary says, with its analysis (if any) stored as the
    /// `analyze` JSON and as entity rows.
    pub fn store(&self) -> Store {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("kiosk.db");
        let mut store = Store::open(&path).expect("open store");
        let writer = store.writer().expect("writer");
        for (index, article) in self.articles.iter().enumerate() {
            let id = article.id();
            assert_eq!(
                id,
                i64::try_from(index).expect("small") + 1,
                "ids run 1, 2, …"
            );
            let s = &article.summary;
            let new = NewArticle {
                external_id: s.external_id.clone(),
                title: s.title.clone(),
                body: article.body.clone(),
                original: article.original.clone(),
                source: s.source.clone(),
                url: s.url.clone(),
                author: article.author.clone(),
                published: s.published.clone(),
                lang: s.lang.clone(),
            };
            writer.insert(&new, &format!("hash-{id}")).expect("insert");
            let countries: Vec<CountryRow> = s
                .countries
                .iter()
                .map(|code| CountryRow {
                    code: code.clone(),
                    score: 0.9,
                    mentions: 1,
                    about: true,
                })
                .collect();
            let analysis = self.analysis.get(&id).map_or(&[][..], Vec::as_slice);
            writer
                .set_analysis(id, 1, &json(analysis), &countries, &entity_rows(analysis))
                .expect("analysis");
        }
        writer.commit().expect("commit");
        for article in &self.articles {
            let s = &article.summary;
            store.set_read(s.id, s.read).expect("read flag");
            store.set_starred(s.id, s.starred).expect("star");
        }
        KEPT.with(|kept| kept.borrow_mut().push(dir));
        store
    }
}

/// The `analyze` JSON shape (DESIGN.md) that reads back as `analysis`.
fn json(analysis: &[EntityCount]) -> String {
    let countries: Vec<serde_json::Value> = analysis
        .iter()
        .filter(|entity| entity.kind == RowKind::COUNTRY)
        .map(|country| {
            serde_json::json!({
                "code": country.name,
                "name": country.label,
                "mentions": country.count,
                "about": !country.mentioned,
            })
        })
        .collect();
    let entities: Vec<serde_json::Value> = analysis
        .iter()
        .filter_map(|entity| match entity.kind {
            RowKind::Entity(kind) if kind != EntityKind::Country => Some(serde_json::json!({
                "kind": kind,
                "name": entity.name,
                "count": entity.count,
            })),
            _ => None,
        })
        .collect();
    serde_json::json!({ "countries": countries, "entities": entities }).to_string()
}

/// The entity rows of `analysis` (countries are stored as countries, not entities).
fn entity_rows(analysis: &[EntityCount]) -> Vec<EntityRow> {
    analysis
        .iter()
        .filter_map(|entity| match entity.kind {
            RowKind::Entity(kind) if kind != EntityKind::Country => Some(EntityRow {
                kind,
                name: entity.name.clone(),
                country: None,
                count: u32::try_from(entity.count).expect("small"),
            }),
            _ => None,
        })
        .collect()
}
