//! Feeds from files: every fixture of the shared feed corpus, subscriptions through the CLI, and a
//! cache written by newsboat itself. Corpus and newsboat tests skip, saying why, when absent.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/server.rs"]
mod server;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use cli::Cli;
use kiosk::article::ArticleSummary;
use kiosk::config::ImportConfig;
use kiosk::ingest::{ImportReport, Importer, Input};
use kiosk::query::Query;
use kiosk::store::{SortOrder, Store};
use serde_json::Value;

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/feeds");
    dir.join("MANIFEST.tsv").is_file().then_some(dir)
}

/// Imports `path` into a fresh store on another thread; a panic or a hang is an error.
fn import_alone(path: &Path) -> Result<(ImportReport, Vec<ArticleSummary>), String> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let path = path.to_path_buf();
    let worker = std::thread::spawn(move || {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("kiosk.db")).expect("store");
        let mut importer = Importer::new(&mut store, &ImportConfig::default()).expect("importer");
        importer.import(&Input::Path(path)).expect("store works");
        let report = importer.finish();
        let rows = store
            .summaries(&Query::default(), SortOrder::Date, 0, 10_000)
            .expect("rows");
        let _ = sender.send((report, rows));
    });
    match receiver.recv_timeout(Duration::from_secs(30)) {
        Ok(result) => Ok(result),
        Err(_) if worker.is_finished() => Err("panicked".to_string()),
        Err(_) => Err("did not finish within 30 s".to_string()),
    }
}

/// How many items a feed file holds, counted without a feed parser.
fn items_in(path: &Path) -> usize {
    let bytes = std::fs::read(path).expect("read");
    if path.extension().is_some_and(|e| e == "json") {
        return serde_json::from_slice::<Value>(&bytes)
            .ok()
            .and_then(|v| v.get("items").and_then(Value::as_array).map(Vec::len))
            .unwrap_or(0);
    }
    let text = String::from_utf8_lossy(&bytes);
    let tags = regex::Regex::new(r"<(item|entry)[\s>]").expect("regex");
    // UTF-16 files have a zero byte between letters: count on the bytes without them.
    if bytes.contains(&0) {
        let squeezed: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
        return tags.find_iter(&String::from_utf8_lossy(&squeezed)).count();
    }
    tags.find_iter(&text).count()
}

fn feed_urls_in(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let urls = regex::Regex::new(r#"(?i)xmlurl="(https?://[^"]+)""#).expect("regex");
    let unique: BTreeSet<&str> = urls
        .captures_iter(&text)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect();
    unique.len()
}

#[test]
fn every_corpus_fixture_imports_or_fails_in_one_line() {
    let Some(dir) = corpus() else {
        println!("skipped: ../shared/corpus/feeds/MANIFEST.tsv is absent");
        return;
    };
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("manifest");
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in manifest
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let (file, format) = (fields[0], fields.get(5).copied().unwrap_or(""));
        let broken = [
            "invalid",
            "ill-formed",
            "not a feed",
            "no root",
            "empty",
            "bad encoding",
        ]
        .iter()
        .any(|word| format.to_lowercase().contains(word));
        let path = dir.join(file);
        let location = path.display().to_string();
        let (report, rows) = match import_alone(&path) {
            Ok(result) => result,
            Err(why) => {
                failures.push(format!("{file}: {why}"));
                continue;
            }
        };
        checked += 1;
        for problem in report.skipped.iter().chain(&report.warnings) {
            if problem.to_string().contains('\n') {
                failures.push(format!("{file}: message on several lines: {problem}"));
            }
        }
        let whole_file_failed = report.skipped.iter().any(|p| p.location == location);
        if whole_file_failed {
            if !broken {
                failures.push(format!(
                    "{file}: refused but not a broken fixture: {report:?}"
                ));
            }
            continue;
        }
        if file.ends_with(".opml") {
            if report.subscriptions != feed_urls_in(&path) {
                failures.push(format!("{file}: {} feeds subscribed", report.subscriptions));
            }
            continue;
        }
        let expected = items_in(&path);
        let accounted = report.added + report.duplicates + report.skipped.len();
        if accounted != expected || rows.len() != report.added {
            failures.push(format!(
                "{file}: {expected} items, {report:?}, {} rows",
                rows.len()
            ));
        }
        if let Some(row) = rows.iter().find(|row| row.title.trim().is_empty()) {
            failures.push(format!("{file}: article {} has no title", row.id));
        }
    }
    assert!(checked > 50, "only {checked} fixtures checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn corpus_titles_dates_and_encodings_are_right() {
    let Some(dir) = corpus() else {
        println!("skipped: ../shared/corpus/feeds/MANIFEST.tsv is absent");
        return;
    };
    let cases = [
        (
            "rss-crate__rss2sample.xml",
            "Star City",
            Some("2003-06-03T09:39:21Z"),
        ),
        (
            "feed-rs__jsonfeed__jsonfeed_spec_1.json",
            "Announcing JSON Feed",
            None,
        ),
        (
            "feed-rs__atom__atom_relative.xml",
            "Atom-Powered Robots Run Amok",
            None,
        ),
        (
            "feed-rs__rss2__rss_2.0_encoding_1.xml",
            "Revolução nas telas com pontos quânticos impressos em 3D",
            Some("2020-08-13T09:57:55Z"),
        ),
        (
            "feed-rs__rss2__rss_2.0_spiegel.xml",
            "07.02. – die Wochenvorschau",
            None,
        ),
        ("feedparser__encoding__demoronize-1.xml", "don’t", None),
    ];
    for (file, title, date) in cases {
        let (_, rows) = import_alone(&dir.join(file)).expect("imports");
        let row = rows
            .iter()
            .find(|row| row.title.starts_with(title))
            .unwrap_or_else(|| panic!("{file}: no {title:?} among {rows:?}"));
        if let Some(date) = date {
            assert_eq!(row.published.as_deref(), Some(date), "{file}");
        } else {
            assert!(
                row.published.is_some() || file.contains("demoronize"),
                "{file}"
            );
        }
    }
}

#[test]
fn feeds_add_list_remove_export_and_config() {
    let cli = Cli::new("[[feeds]]\nurl = \"https://config.test/rss\"\ntags = [\"cfg\"]\n");
    let out = cli.ok(&[
        "feeds",
        "add",
        "https://www.rfi.fr/fr/rss",
        "--tag",
        "fr",
        "--tag",
        "news",
    ]);
    assert!(out.contains("subscribed rfi.fr"), "{out}");
    let out = cli.ok(&[
        "feeds",
        "add",
        "https://www.rfi.fr/fr/rss",
        "--name",
        "Other",
    ]);
    assert!(out.contains("already subscribed as rfi.fr"), "{out}");
    let bad = cli.run(&["feeds", "add", "file:///etc/passwd"]);
    assert_eq!(bad.status.code(), Some(2));
    let feeds = cli.json_lines(&["feeds", "list", "--json"]);
    let names: Vec<&str> = feeds.iter().filter_map(|f| f["name"].as_str()).collect();
    assert_eq!(names, ["config.test", "rfi.fr"]);
    assert_eq!(feeds[1]["tags"], serde_json::json!(["fr", "news"]));
    let opml = cli.ok(&["feeds", "export-opml"]);
    let other = Cli::new("");
    let path = other.write("subs.opml", &opml);
    assert!(other.ok(&["import", &path]).contains("feeds subscribed 2"));
    assert!(
        cli.ok(&["feeds", "remove", "RFI.fr"])
            .contains("unsubscribed")
    );
    let again = cli.run(&["feeds", "remove", "rfi.fr"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("no feed named \"rfi.fr\""));
}

#[test]
fn a_feed_file_imported_twice_adds_nothing_and_urls_files_subscribe() {
    let cli = Cli::new("");
    let feed = cli.write("news.rss", &server::rss("n", 5));
    assert!(cli.ok(&["import", &feed]).contains("added 5, duplicates 0"));
    assert!(cli.ok(&["import", &feed]).contains("added 0, duplicates 5"));
    let rows = cli.json_lines(&["list", "--json"]);
    assert_eq!(rows[0]["source"], "n feed");
    let urls = cli.write(
        "urls",
        "# newsboat\nhttps://a.test/rss news \"~A News\"\nhttps://b.test/atom \"two words\"\n",
    );
    assert!(cli.ok(&["import", &urls]).contains("feeds subscribed 2"));
    let feeds = cli.json_lines(&["feeds", "list", "--json"]);
    assert_eq!(feeds[0]["name"], "A News");
    assert_eq!(feeds[1]["tags"], serde_json::json!(["two words"]));
}

#[test]
fn a_newsboat_cache_imports_with_its_read_states() {
    if std::process::Command::new("newsboat")
        .arg("--version")
        .output()
        .is_err()
    {
        println!("skipped: newsboat is not installed (apt-get install newsboat)");
        return;
    }
    let base = server::start(|request| match request.path.as_str() {
        "/one.xml" => server::Response::new(200, server::rss("one", 8)),
        "/two.xml" => server::Response::new(200, server::rss("two", 4)),
        _ => server::Response::new(404, ""),
    });
    let home = tempfile::tempdir().expect("temp dir");
    let at = |name: &str| home.path().join(name).display().to_string();
    let urls = format!("{base}/one.xml news \"~One\"\n{base}/two.xml\n");
    std::fs::write(at("urls"), urls).expect("urls");
    std::fs::write(at("config"), "").expect("config");
    std::fs::write(at("read"), "one-0\none-3\ntwo-1\n").expect("read list");
    let newsboat = |extra: &[&str]| {
        let output = std::process::Command::new("newsboat")
            .args([
                "-C",
                &at("config"),
                "-u",
                &at("urls"),
                "-c",
                &at("cache.db"),
            ])
            .args(extra)
            .env("HOME", home.path())
            .output()
            .expect("newsboat runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    newsboat(&["-x", "reload"]);
    newsboat(&["-I", &at("read")]);
    // Flags are set in newsboat's UI (no command line for it): set one the way it stores them.
    rusqlite::Connection::open(at("cache.db"))
        .and_then(|db| db.execute("UPDATE rss_item SET flags = 'a' WHERE guid = 'two-2'", []))
        .expect("flag an article");
    let cli = Cli::new("");
    let out = cli.ok(&["import", &at("cache.db")]);
    assert!(out.contains("added 12, duplicates 0, skipped 0"), "{out}");
    assert!(out.contains("feeds subscribed 2"), "{out}");
    let rows = cli.json_lines(&["list", "--json"]);
    assert_eq!(rows.len(), 12);
    let read: BTreeSet<&str> = rows
        .iter()
        .filter(|row| row["read"] == true)
        .filter_map(|row| row["external_id"].as_str())
        .collect();
    assert_eq!(read, BTreeSet::from(["one-0", "one-3", "two-1"]));
    assert_eq!(cli.json_lines(&["list", "is:unread", "--json"]).len(), 9);
    let starred: Vec<&Value> = rows.iter().filter(|row| row["starred"] == true).collect();
    assert_eq!(starred.len(), 1);
    assert_eq!(starred[0]["external_id"], "two-2");
    // The urls file brings the tags; importing both again adds nothing.
    let again = cli.ok(&["import", &at("cache.db"), &at("urls")]);
    assert!(again.contains("added 0, duplicates 12"), "{again}");
}

#[test]
fn feeds_on_stdin_and_saved_pages_are_recognised_by_content() {
    let cli = Cli::new("");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(["import", "-"])
        .env("KIOSK_STORE", cli.dir.path().join("kiosk.db"))
        .env("KIOSK_CONFIG", cli.dir.path().join("config.toml"))
        .stdin(std::fs::File::open(cli.write("in.xml", &server::rss("s", 3))).expect("open"))
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&output.stderr).contains("added 3"));
    let page = cli.write(
        "page.html",
        "<html><head><title>Niamey &amp; the junta</title></head><body>\
         <nav>Menu</nav><p>First paragraph.</p><p>Second, <a href=\"https://a.test/\">linked</a>.</p>\
         </body></html>",
    );
    assert!(cli.ok(&["import", &page]).contains("added 1"));
    let rows = cli.json_lines(&["list", "Niamey", "--json"]);
    assert_eq!(rows[0]["title"], "Niamey & the junta");
    let id = rows[0]["id"].to_string();
    let shown = cli.ok(&["show", &id]);
    assert!(shown.contains("First paragraph."), "{shown}");
    assert!(shown.contains("https://a.test/"), "{shown}");
}
