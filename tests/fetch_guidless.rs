//! Feed items without a guid (issue 17): kiosk keys them by their link, or by title and date
//! when they have none, so a refetch of an edited item and a `kiosk fetch` after a newsboat
//! import store each item once. A real server on 127.0.0.1; the built binary on a temp store.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/server.rs"]
mod server;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use cli::Cli;
use serde_json::Value;

/// An RSS feed of guid-less items: two with a link, two without, one of those with no date.
/// `edition` changes every description and the first item's title, as an edited feed does.
fn guidless_feed(edition: usize) -> String {
    let items = [
        (
            "<link>http://example.test/a</link>",
            "Niger: the junta speaks",
            "<pubDate>Mon, 01 Jan 2024 08:00:00 GMT</pubDate>",
        ),
        ("<link>http://example.test/b</link>", "Mali: a new road", ""),
        (
            "",
            "Bamako: markets open",
            "<pubDate>Mon, 01 Jan 2024 09:00:00 GMT</pubDate>",
        ),
        ("", "Niamey: rain at last", ""),
    ];
    let mut text = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>No guids</title><link>http://example.test/</link>\n",
    );
    for (index, (link, title, date)) in items.iter().enumerate() {
        let title = if index == 0 && edition > 0 {
            format!("{title} (updated)")
        } else {
            (*title).to_string()
        };
        text.push_str(&format!(
            "<item><title>{title}</title>{link}{date}\
             <description>Edition {edition} of story {index}, about the Sahel.</description></item>\n"
        ));
    }
    text.push_str("</channel></rss>\n");
    text
}

/// Serves [`guidless_feed`] at `/feed.xml`, one edition later after each request.
fn serve_editions() -> String {
    let requests = Arc::new(AtomicUsize::new(0));
    server::start(move |request| match request.path.as_str() {
        "/feed.xml" => {
            let edition = requests.fetch_add(1, Ordering::SeqCst);
            server::Response::new(200, guidless_feed(edition))
                .with("Content-Type", "application/rss+xml")
        }
        _ => server::Response::new(404, ""),
    })
}

fn external_ids(cli: &Cli) -> BTreeSet<String> {
    cli.json_lines(&["list", "--json"])
        .iter()
        .filter_map(|row| row["external_id"].as_str().map(str::to_string))
        .collect()
}

fn sources(cli: &Cli) -> BTreeSet<String> {
    cli.json_lines(&["list", "--json"])
        .iter()
        .filter_map(|row| row["source"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn a_refetch_of_edited_guidless_items_adds_nothing() {
    let base = serve_editions();
    let cli = Cli::new("");
    cli.ok(&[
        "feeds",
        "add",
        &format!("{base}/feed.xml"),
        "--name",
        "wire",
    ]);
    let first = cli.ok(&["fetch"]);
    assert!(first.contains("added 4 articles"), "{first}");
    let second = cli.ok(&["fetch"]);
    assert!(second.contains("added 0 articles"), "{second}");
    let rows: Vec<Value> = cli.json_lines(&["list", "--json"]);
    assert_eq!(rows.len(), 4, "{rows:#?}");
    assert_eq!(
        external_ids(&cli),
        BTreeSet::from([
            "http://example.test/a".to_string(),
            "http://example.test/b".to_string(),
            "Bamako: markets open · 2024-01-01T09:00:00Z".to_string(),
            "Niamey: rain at last".to_string(),
        ])
    );
}

#[test]
fn a_deleted_guidless_item_stays_deleted_after_its_title_changes() {
    let base = serve_editions();
    let cli = Cli::new("");
    cli.ok(&[
        "feeds",
        "add",
        &format!("{base}/feed.xml"),
        "--name",
        "wire",
    ]);
    cli.ok(&["fetch"]);
    cli.ok(&["delete", "junta", "--yes"]);
    assert_eq!(cli.json_lines(&["list", "--json"]).len(), 3);
    // The next edition retitles the deleted item: its link still names it.
    cli.ok(&["fetch"]);
    let titles: Vec<String> = cli
        .json_lines(&["list", "--json"])
        .iter()
        .filter_map(|row| row["title"].as_str().map(str::to_string))
        .collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(
        !titles.iter().any(|title| title.contains("junta")),
        "{titles:?}"
    );
}

/// The keys a newsboat import and a kiosk fetch agree on: the links (newsboat's guid is the
/// link, or the link and the feed's raw date) and the title with its date.
const SHARED_KEYS: [&str; 3] = [
    "http://example.test/a",
    "http://example.test/b",
    "Bamako: markets open · 2024-01-01T09:00:00Z",
];

/// Items with neither link nor date: newsboat dates them with the time it fetched them, which
/// kiosk cannot tell from a real date, so the one such item is stored once by each (the limit
/// of keying by title and date; keying by the title alone would merge every "Daily briefing").
const DATED_BY_NEWSBOAT: usize = 1;

/// Runs newsboat with its files in `home`; `false` when it is not installed.
fn newsboat(home: &std::path::Path, extra: &[&str]) -> bool {
    let at = |name: &str| home.join(name).display().to_string();
    let Ok(output) = std::process::Command::new("newsboat")
        .args([
            "-C",
            &at("config"),
            "-u",
            &at("urls"),
            "-c",
            &at("cache.db"),
        ])
        .args(extra)
        .env("HOME", home)
        .output()
    else {
        return false;
    };
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    true
}

#[test]
fn a_newsboat_import_then_a_kiosk_fetch_of_the_same_guidless_feed_adds_nothing() {
    let base = serve_editions();
    let home = tempfile::tempdir().expect("temp dir");
    std::fs::write(home.path().join("urls"), format!("{base}/feed.xml\n")).expect("urls");
    std::fs::write(home.path().join("config"), "").expect("config");
    if !newsboat(home.path(), &["-x", "reload"]) {
        println!("skipped: newsboat is not installed (apt-get install newsboat)");
        return;
    }
    let cli = Cli::new("");
    let cache = home.path().join("cache.db").display().to_string();
    let out = cli.ok(&["import", &cache]);
    assert!(out.contains("added 4"), "{out}");
    let imported = external_ids(&cli);
    // The same feed, one edition later, fetched by kiosk from the subscription the cache made.
    let fetched = cli.ok(&["fetch"]);
    assert!(
        fetched.contains(&format!("added {DATED_BY_NEWSBOAT} articles")),
        "{fetched}"
    );
    assert_eq!(
        cli.json_lines(&["list", "--json"]).len(),
        4 + DATED_BY_NEWSBOAT
    );
    assert!(external_ids(&cli).is_superset(&imported));
    for key in SHARED_KEYS {
        assert!(imported.contains(key), "{key} in {imported:?}");
    }
    assert_eq!(sources(&cli), BTreeSet::from(["No guids".to_string()]));
}

#[test]
fn a_kiosk_fetch_then_a_newsboat_import_keeps_one_feed_one_source() {
    let base = serve_editions();
    let cli = Cli::new("");
    // Unnamed: the host names it until the first fetch names it by the feed's title.
    let added = cli.ok(&["feeds", "add", &format!("{base}/feed.xml")]);
    assert!(added.contains("subscribed 127.0.0.1"), "{added}");
    cli.ok(&["fetch"]);
    assert_eq!(sources(&cli), BTreeSet::from(["No guids".to_string()]));
    let home = tempfile::tempdir().expect("temp dir");
    std::fs::write(home.path().join("urls"), format!("{base}/feed.xml\n")).expect("urls");
    std::fs::write(home.path().join("config"), "").expect("config");
    if !newsboat(home.path(), &["-x", "reload"]) {
        println!("skipped: newsboat is not installed (apt-get install newsboat)");
        return;
    }
    let cache = home.path().join("cache.db").display().to_string();
    let out = cli.ok(&["import", &cache]);
    assert!(out.contains(&format!("added {DATED_BY_NEWSBOAT}")), "{out}");
    assert_eq!(
        cli.json_lines(&["list", "--json"]).len(),
        4 + DATED_BY_NEWSBOAT
    );
    assert_eq!(sources(&cli), BTreeSet::from(["No guids".to_string()]));
}

/// newsboat's invented guids as its versions write them (the link, the link and the raw date,
/// the title), in a cache made here: the newsboat path runs where newsboat is not installed.
#[test]
fn newsboat_invented_guids_key_items_as_a_kiosk_fetch_does() {
    let base = serve_editions();
    let feed_url = format!("{base}/feed.xml");
    let home = tempfile::tempdir().expect("temp dir");
    let cache = home.path().join("cache.db");
    let db = rusqlite::Connection::open(&cache).expect("cache");
    db.execute_batch(
        "CREATE TABLE rss_feed (rssurl VARCHAR(1024) PRIMARY KEY NOT NULL, url VARCHAR(1024),
             title VARCHAR(1024));
         CREATE TABLE rss_item (id INTEGER PRIMARY KEY AUTOINCREMENT, guid VARCHAR(64) NOT NULL,
             title VARCHAR(1024), author VARCHAR(1024), url VARCHAR(1024),
             feedurl VARCHAR(1024), pubDate INTEGER, content VARCHAR(65535), unread INTEGER,
             enclosure_url VARCHAR(1024), enclosure_type VARCHAR(1024), enqueued INTEGER,
             flags VARCHAR(52), deleted INTEGER, base VARCHAR(128));",
    )
    .expect("schema");
    db.execute(
        "INSERT INTO rss_feed (rssurl, url, title) VALUES (?1, 'http://example.test/', 'No guids')",
        [&feed_url],
    )
    .expect("feed");
    // 2024-01-01 08:00 and 09:00 UTC; the items without a date got the time of the fetch.
    let items: [(&str, &str, &str, i64); 4] = [
        (
            "http://example.test/aMon, 01 Jan 2024 08:00:00 GMT",
            "Niger: the junta speaks",
            "http://example.test/a",
            1_704_096_000,
        ),
        (
            "http://example.test/b",
            "Mali: a new road",
            "http://example.test/b",
            1_704_200_000,
        ),
        (
            "Bamako: markets open",
            "Bamako: markets open",
            "",
            1_704_099_600,
        ),
        (
            "Niamey: rain at last",
            "Niamey: rain at last",
            "",
            1_704_200_000,
        ),
    ];
    for (guid, title, url, date) in items {
        db.execute(
            "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread,
                 deleted) VALUES (?1, ?2, '', ?3, ?4, ?5, 'Edition 0, about the Sahel.', 1, 0)",
            rusqlite::params![guid, title, url, feed_url, date],
        )
        .expect("item");
    }
    drop(db);
    let cli = Cli::new("");
    let out = cli.ok(&["import", &cache.display().to_string()]);
    assert!(out.contains("added 4"), "{out}");
    let fetched = cli.ok(&["fetch"]);
    assert!(
        fetched.contains(&format!("added {DATED_BY_NEWSBOAT} articles")),
        "{fetched}"
    );
    let ids = external_ids(&cli);
    for key in SHARED_KEYS {
        assert!(ids.contains(key), "{key} in {ids:?}");
    }
    assert_eq!(
        cli.json_lines(&["list", "--json"]).len(),
        4 + DATED_BY_NEWSBOAT
    );
}
