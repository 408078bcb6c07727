//! Hostile input through the real binary: escape sequences in feeds, newsboat caches and the
//! store never reach the terminal, and a symlink loop in an imported folder ends.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/server.rs"]
mod server;

use std::path::Path;

use cli::Cli;

/// ESC, OSC 0 (retitle), OSC 52 (clipboard), CSI 2J (clear), BEL, C1 CSI and a bidi override.
const HOSTILE: &str = "Safe\u{1b}]0;owned\u{7} \u{1b}]52;c;aGk=\u{1b}\\title\u{1b}[2J\u{7}\u{9b}31m\u{202e}end\u{2066}";

/// What must never be printed: any of these characters.
fn leaks(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| {
            matches!(c, '\u{1b}' | '\u{7}' | '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// `list`, `show` of every article, `feeds list`, `entities`, `countries`: nothing leaks.
fn assert_prints_clean(cli: &Cli) {
    let list = cli.ok(&["list"]);
    assert!(list.contains("Safe"), "{list}");
    assert_eq!(leaks(&list), [], "list: {list:?}");
    for line in list.lines() {
        let id = line.split_whitespace().next().expect("id");
        let shown = cli.ok(&["show", id]);
        assert_eq!(leaks(&shown), [], "show {id}: {shown:?}");
    }
    for command in [&["feeds", "list"][..], &["entities"], &["countries"]] {
        let out = cli.ok(command);
        assert_eq!(leaks(&out), [], "{command:?}: {out:?}");
    }
}

fn hostile_feed() -> String {
    // Enough plain text that the feed reads as text, as the real hostile feeds did.
    let filler = "Plain words about Mali and Niger. ".repeat(60);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Feed{HOSTILE}</title><link>http://example.test/</link>\
         <item><title>{HOSTILE}</title><guid>h-1</guid><author>Ann{HOSTILE}</author>\
         <description>Body{HOSTILE} {filler}</description></item></channel></rss>\n"
    )
}

#[test]
fn a_fetched_feed_with_escape_sequences_prints_clean() {
    let base = server::start(|request| match request.path.as_str() {
        "/evil.xml" => server::Response::new(200, hostile_feed()),
        _ => server::Response::new(404, ""),
    });
    let cli = Cli::new("");
    cli.ok(&["feeds", "add", &format!("{base}/evil.xml")]);
    let fetched = cli.ok(&["fetch"]);
    assert!(fetched.contains("added 1"), "{fetched}");
    assert_prints_clean(&cli);
    // Only `original` keeps the raw text; JSON output escapes its C0 controls as JSON does.
    let json = String::from_utf8(cli.run(&["show", "1", "--json"]).stdout).expect("utf-8");
    assert!(!json.contains(['\u{1b}', '\u{7}']), "{json:?}");
    assert!(
        json.contains("\\u001b]0;owned"),
        "original keeps the raw title: {json}"
    );
}

#[test]
fn a_newsboat_cache_with_escape_sequences_prints_clean() {
    let cli = Cli::new("");
    let cache = cli.dir.path().join("cache.db");
    let db = rusqlite::Connection::open(&cache).expect("cache");
    db.execute_batch(
        "CREATE TABLE rss_feed (rssurl TEXT PRIMARY KEY, url TEXT, title TEXT);
         CREATE TABLE rss_item (id INTEGER PRIMARY KEY, guid TEXT, title TEXT, author TEXT,
           url TEXT, feedurl TEXT, pubDate INTEGER, content TEXT, unread INTEGER, flags TEXT,
           enclosure_url TEXT, deleted INTEGER);",
    )
    .expect("schema");
    db.execute(
        "INSERT INTO rss_feed VALUES ('http://evil.test/rss', 'http://evil.test/', ?1)",
        [format!("Feed{HOSTILE}")],
    )
    .expect("feed");
    db.execute(
        "INSERT INTO rss_item VALUES (1, 'g1', ?1, ?2, 'http://evil.test/1',
           'http://evil.test/rss', 1704067200, ?3, 1, '', '', 0)",
        [
            HOSTILE,
            &format!("Ann{HOSTILE}"),
            &format!("<p>Body{HOSTILE}</p>"),
        ],
    )
    .expect("item");
    drop(db);
    let out = cli.ok(&["import", &cache.display().to_string()]);
    assert!(out.contains("added 1"), "{out}");
    assert_prints_clean(&cli);
}

#[test]
fn raw_titles_already_in_the_store_print_clean() {
    let cli = Cli::new("");
    let file = cli.dir.path().join("a.txt");
    std::fs::write(&file, "Plain title\n\nA body about Niger.\n").expect("write");
    cli.ok(&["import", &file.display().to_string()]);
    // A store written by an older kiosk, before import cleaned text.
    let db = rusqlite::Connection::open(cli.store()).expect("store");
    db.execute(
        "UPDATE articles SET title = ?1, source = ?2, author = ?2",
        [HOSTILE, &format!("Src{HOSTILE}")],
    )
    .expect("raw title");
    db.execute(
        "UPDATE article_texts SET body = ?1",
        [format!("Body{HOSTILE}")],
    )
    .expect("raw body");
    drop(db);
    assert_prints_clean(&cli);
}

#[test]
fn an_error_quoting_input_prints_clean() {
    let cli = Cli::new("");
    let output = cli.run(&["import", &format!("missing{HOSTILE}.txt")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("missing"), "{stderr}");
    assert_eq!(leaks(&stderr), [], "{stderr:?}");
}

fn symlink_loop(dir: &Path) {
    std::fs::create_dir(dir).expect("dir");
    std::fs::write(dir.join("a.txt"), "T\n\nB\n").expect("file");
    for name in ["l1", "l2", "l3"] {
        std::os::unix::fs::symlink(".", dir.join(name)).expect("symlink");
    }
}

#[test]
fn a_folder_with_symlink_loops_imports_once_and_ends() {
    let cli = Cli::new("");
    let dir = cli.dir.path().join("d");
    symlink_loop(&dir);
    let out = cli.ok(&["import", &dir.display().to_string()]);
    assert!(out.contains("added 1, duplicates 0"), "{out}");
}

#[test]
fn imported_text_is_stored_clean_and_only_original_keeps_it_raw() {
    let cli = Cli::new("");
    let line = serde_json::json!({
        "title": HOSTILE,
        "source": format!("Src{HOSTILE}"),
        "author": format!("Ann{HOSTILE}"),
        "body": format!("Body{HOSTILE} about Niger."),
    });
    let jsonl = cli.write("in.jsonl", &format!("{line}\n"));
    let feed = cli.write("feed.xml", &hostile_feed());
    assert!(cli.ok(&["import", &jsonl, &feed]).contains("added 2"));
    for id in ["1", "2"] {
        // JSON output shows the stored fields as they are: cleaned at import, not on output.
        let shown: serde_json::Value =
            serde_json::from_slice(&cli.run(&["show", id, "--json"]).stdout).expect("JSON");
        for field in ["title", "source", "body"] {
            let text = shown[field].as_str().unwrap_or_default();
            assert!(!text.is_empty(), "{field}: {shown}");
            assert_eq!(leaks(text), [], "{id} {field}: {text:?}");
        }
        let original = shown["original"].as_str().unwrap_or_default();
        assert!(
            original.contains("]0;owned"),
            "original keeps the raw text: {original:?}"
        );
    }
}

#[test]
fn a_thousand_term_query_answers_and_a_longer_one_is_a_query_error() {
    let cli = Cli::new("");
    let line = r#"{"title": "Sécheresse", "body": "Les éleveurs du Niger.", "lang": "fr", "published": "2024-01-01"}"#;
    let jsonl = cli.write("in.jsonl", &format!("{line}\n"));
    cli.ok(&["import", &jsonl]);
    // Issue 21: 999 non-text terms failed as "store error: Expression tree is too large".
    let query = |command: &'static str, term: &'static str, copies: usize| {
        let mut args = vec![command, "--"];
        args.extend(std::iter::repeat_n(term, copies));
        args
    };
    let listed = cli.ok(&query("list", "-source:x", 999));
    assert!(listed.contains("Sécheresse"), "{listed}");
    cli.ok(&query("countries", "lang:fr", 999));
    cli.ok(&query("entities", "is:unread", 999));
    let exported = cli.ok(&query("export", "since:2000-01-01", 999));
    assert!(exported.contains("Sécheresse"), "{exported}");
    let output = cli.run(&query("list", "lang:fr", 1025));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("a query holds at most 1024 terms"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn json_output_escapes_c1_and_bidi_characters_and_parses_back() {
    let cli = Cli::new("");
    let line = serde_json::json!({"title": HOSTILE, "body": format!("Body{HOSTILE} about Niger.")});
    let jsonl = cli.write("in.jsonl", &format!("{line}\n"));
    cli.ok(&["import", &jsonl]);
    let shown = String::from_utf8(cli.run(&["show", "1", "--json"]).stdout).expect("utf-8");
    // serde_json alone writes C1 controls and bidi characters raw.
    assert_eq!(leaks(&shown), [], "{shown:?}");
    assert!(shown.contains(r"\u009b31m\u202eend\u2066"), "{shown}");
    let parsed: serde_json::Value = serde_json::from_str(&shown).expect("JSON");
    let original = parsed["original"].as_str().unwrap_or_default();
    assert_eq!(
        original,
        line.to_string(),
        "original parses back to the raw line"
    );
    assert!(
        original.contains("\u{9b}31m\u{202e}end\u{2066}"),
        "{original:?}"
    );
    for command in [&["list", "--json"][..], &["export"], &["stats", "--json"]] {
        let out = cli.ok(command);
        assert_eq!(leaks(&out), [], "{command:?}: {out:?}");
    }
}

/// stdout and stderr of a command that may fail, together.
fn all_output(cli: &Cli, args: &[&str]) -> String {
    let output = cli.run(args);
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

#[test]
fn fetch_lines_warnings_and_errors_quoting_input_print_clean() {
    let base = server::start(|request| match request.path.as_str() {
        "/evil.xml" => server::Response::new(200, hostile_feed()),
        _ => server::Response::new(404, ""),
    });
    let cli = Cli::new("");
    cli.ok(&["feeds", "add", &format!("{base}/evil.xml")]);
    // The second fetch names the feed by its (hostile) title, and a feed that fails by its URL.
    cli.ok(&["feeds", "add", &format!("{base}/gone{HOSTILE}.xml")]);
    for round in 1..=2 {
        let fetched = all_output(&cli, &["fetch"]);
        assert!(
            fetched.contains("fetched 2 feeds"),
            "fetch {round}: {fetched}"
        );
        assert_eq!(leaks(&fetched), [], "fetch {round}: {fetched:?}");
    }
    let date = serde_json::to_string(HOSTILE).expect("json");
    let lines = format!(
        "{{\"title\": \"Dated\", \"date\": {date}}}\n{{\"title\": {date}, \"date\": [1]}}\n{{\"body\": {date}}}\n"
    );
    let path = cli.write(&format!("w{HOSTILE}.jsonl"), &lines);
    let imported = all_output(&cli, &["import", &path]);
    assert!(imported.contains("unrecognised date"), "{imported}");
    assert_eq!(leaks(&imported), [], "import: {imported:?}");
    for args in [
        &["list", &format!("nope:{HOSTILE}")][..],
        &["list", &format!("\"{HOSTILE}")],
        &["feeds", "add", &format!("ftp://x/{HOSTILE}")],
        &["feeds", "remove", HOSTILE],
        &["show", HOSTILE],
        &["entities", &format!("nope:{HOSTILE}")],
        &["fetch", HOSTILE],
        &["analyze", &format!("missing{HOSTILE}.txt")],
    ] {
        let printed = all_output(&cli, args);
        assert!(!printed.is_empty(), "{args:?} says something");
        assert_eq!(leaks(&printed), [], "{args:?}: {printed:?}");
    }
}
