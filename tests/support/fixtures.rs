//! Shared by the TUI test files: a temp store with made-up articles, a recording `System`, and a
//! harness that drives `runtime::step` with key strings.
#![allow(dead_code)]

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use kiosk::app::AppState;
use kiosk::article::NewArticle;
use kiosk::config::Config;
use kiosk::keymap::parse_keys;
use kiosk::runtime::{self, Env, System};
use kiosk::store::Store;
use tempfile::TempDir;

/// Article `i` (1-based): published on day `i` of 2024 so higher numbers are newer.
pub fn article(i: usize) -> NewArticle {
    let (source, lang) = if i.is_multiple_of(2) {
        ("RFI", "fr")
    } else {
        ("VOA", "en")
    };
    let day = chrono_day(i);
    NewArticle {
        external_id: Some(format!("test-{i}")),
        title: format!("Article {i}"),
        body: format!("Paragraph one of article {i}.\n\nNiamey is named in article {i}."),
        original: String::new(),
        source: Some(source.into()),
        url: Some(format!("https://example.org/{i}")),
        author: None,
        published: Some(format!("{day}T08:00:00Z")),
        lang: Some(lang.into()),
    }
}

fn chrono_day(i: usize) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid date");
    let day = start + chrono::Days::new(u64::try_from(i).expect("small"));
    day.format("%Y-%m-%d").to_string()
}

/// Inserts `articles` into the store at `path` in one transaction, as `kiosk import` would.
pub fn import(path: &std::path::Path, articles: &[NewArticle]) {
    let mut store = Store::open(path).expect("open store");
    let writer = store.writer().expect("writer");
    for (n, article) in articles.iter().enumerate() {
        let hash = format!("{}-{n}", article.title);
        writer.insert(article, &hash).expect("insert");
    }
    writer.commit().expect("commit");
}

/// Stores an analysis for article `id`: about `country` (named `country_name`), citing `person`.
pub fn analyse(path: &std::path::Path, id: i64, country: &str, country_name: &str, person: &str) {
    use kiosk::store::{CountryRow, EntityRow};
    let json = format!(
        r#"{{"countries":[{{"code":"{country}","name":"{country_name}","mentions":3,"about":true}}],
            "entities":[{{"kind":"person","name":"{person}","count":2}}]}}"#
    );
    let countries = [CountryRow {
        code: country.into(),
        score: 0.9,
        mentions: 3,
        about: true,
    }];
    let entities = [EntityRow {
        kind: kiosk::analyze::EntityKind::Person,
        name: person.into(),
        country: None,
        count: 2,
    }];
    let mut store = Store::open(path).expect("open store");
    let writer = store.writer().expect("writer");
    writer
        .set_analysis(id, 1, &json, &countries, &entities)
        .expect("analysis");
    writer.commit().expect("commit");
}

/// What the app asked the browser and the clipboard to do.
#[derive(Clone, Default)]
pub struct Recorder(pub Rc<RefCell<Vec<String>>>);

impl System for Recorder {
    fn open_url(&mut self, url: &str) -> Result<(), String> {
        self.0.borrow_mut().push(format!("open {url}"));
        Ok(())
    }

    fn copy(&mut self, text: &str) -> Result<(), String> {
        self.0.borrow_mut().push(format!("copy {text}"));
        Ok(())
    }
}

/// An app over a temp store, driven by key strings.
pub struct Harness {
    pub state: AppState,
    pub env: Env,
    pub system: Recorder,
    pub path: PathBuf,
    pub dir: TempDir,
}

impl Harness {
    /// The status line's text, empty when there is none.
    pub fn status_text(&self) -> String {
        self.state
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    /// A store of `n` articles, a terminal of `width`×`height`.
    pub fn new(n: usize, width: u16, height: u16) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("kiosk.db");
        let articles: Vec<NewArticle> = (1..=n).map(article).collect();
        import(&path, &articles);
        Self::open(dir, path, width, height)
    }

    /// Starts the app on an existing store.
    pub fn open(dir: TempDir, path: PathBuf, width: u16, height: u16) -> Self {
        Self::open_with(dir, path, width, height, &Config::default())
    }

    /// A store holding the bundled sample archive (analysed at import), with a config file
    /// `config.toml` beside it for `:save`.
    pub fn sample(width: u16, height: u16) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("kiosk.db");
        let mut store = Store::open(&path).expect("open store");
        kiosk::cli::seed_if_empty(&mut store, &Config::default()).expect("sample");
        drop(store);
        let config = Self::config_in(&dir);
        Self::open_with(dir, path, width, height, &config)
    }

    /// The config loaded from `config.toml` in `dir` (a missing file is an empty config).
    pub fn config_in(dir: &TempDir) -> Config {
        let file = dir.path().join("config.toml");
        if !file.exists() {
            std::fs::write(&file, "").expect("write config");
        }
        Config::load(Some(&file)).expect("config")
    }

    /// Starts the app on an existing store with `config`.
    pub fn open_with(
        dir: TempDir,
        path: PathBuf,
        width: u16,
        height: u16,
        config: &Config,
    ) -> Self {
        let store = Store::open(&path).expect("open store");
        let system = Recorder::default();
        let (state, env) = runtime::start(
            Box::new(store),
            Box::new(system.clone()),
            config,
            (width, height),
            false,
            None,
        )
        .expect("start");
        Self {
            state,
            env,
            system,
            path,
            dir,
        }
    }

    /// Presses each key of `keys` (see `parse_keys`).
    pub fn press(&mut self, keys: &str) -> &mut Self {
        for key in parse_keys(keys).expect("valid key string") {
            runtime::step(&mut self.state, &mut self.env, &key.event());
        }
        self
    }

    pub fn selected_title(&self) -> String {
        self.state
            .list
            .selected_row()
            .map(|row| row.title.clone())
            .unwrap_or_default()
    }

    pub fn open_title(&self) -> Option<String> {
        self.state
            .reader
            .article
            .as_ref()
            .map(|a| a.summary.title.clone())
    }

    /// The ids of the whole list, in its order, read through the store like the TUI does.
    pub fn listed_ids(&self) -> Vec<i64> {
        use kiosk::runtime::Library;
        let store = self.store();
        let rows = Library::summaries(
            &store,
            &self.state.query(),
            self.state.sort,
            0,
            self.state.list.total,
        )
        .expect("rows");
        rows.iter().map(|row| row.id).collect()
    }

    /// `kiosk list QUERY --json` on this store: the ids, in order.
    pub fn cli_ids(&self, query: &str) -> Vec<i64> {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .args(["--store", self.path.to_str().expect("utf-8 path")])
            .args(["list", "--json", "--limit", "100000", "--", query])
            .output()
            .expect("run kiosk");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|line| {
                let value: serde_json::Value = serde_json::from_str(line).expect("json line");
                value["id"].as_i64().expect("id")
            })
            .collect()
    }

    pub fn store(&self) -> Store {
        Store::open(&self.path).expect("open store")
    }
}
