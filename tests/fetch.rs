//! `kiosk fetch` against a real HTTP server on 127.0.0.1: statuses, conditional requests,
//! redirects, gzip, a stalled and a dripping server, an oversized body, an entity bomb, external
//! entities and DTDs, and a file:// redirect.

#[path = "support/server.rs"]
mod server;

use std::io::Write;
use std::time::{Duration, Instant};

use kiosk::config::ImportConfig;
use kiosk::fetch::{self, FeedResult, FetchOptions, HttpOptions};
use kiosk::query::Query;
use kiosk::store::{AddOutcome, NewSubscription, SortOrder, Store};
use server::{Request, Response};

const BOMB: &str = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>bomb</title><item><title>&lol9;</title></item></channel></rss>"#;

fn gzip(text: &str) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(text.as_bytes()).expect("gzip");
    encoder.finish().expect("gzip")
}

fn route(request: &Request) -> Response {
    let feed = |prefix: &str, count| server::rss(prefix, count);
    match request.path.as_str() {
        "/feed.xml" if request.header("If-None-Match") == Some("\"v1\"") => Response::new(304, ""),
        "/feed.xml" => Response::new(200, feed("ok", 3))
            .with("ETag", "\"v1\"")
            .with("Content-Type", "application/rss+xml"),
        "/dated.xml" if request.header("If-Modified-Since").is_some() => Response::new(304, ""),
        "/dated.xml" => Response::new(200, feed("dated", 2))
            .with("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT"),
        "/missing" => Response::new(404, "not here"),
        "/error" => Response::new(500, "oops"),
        "/r1" => Response::new(302, "").with("Location", "/r2"),
        "/r2" => Response::new(301, "").with("Location", "r3"),
        "/r3" => Response::new(307, "").with("Location", "/chain.xml"),
        "/chain.xml" => Response::new(200, feed("chain", 2)),
        "/loop" => Response::new(302, "").with("Location", "/loop"),
        "/gzip.xml" => Response::new(200, gzip(&feed("gz", 4))).with("Content-Encoding", "gzip"),
        "/stall" => Response {
            stall: Some(Duration::from_secs(4)),
            ..Response::new(200, feed("slow", 1))
        },
        "/drip.xml" => Response {
            drip: Some(Duration::from_millis(20)),
            ..Response::new(200, feed("drip", 3))
        },
        "/xxe.xml" => Response::new(200, with_doctype(&feed("xxe", 1), XXE)),
        "/dtd.xml" => Response::new(200, with_doctype(&feed("dtd", 1), EXTERNAL_DTD)),
        "/huge.xml" => Response::new(200, feed("huge", 20_000)),
        "/gzip-bomb.xml" => {
            let big = format!("<rss>{}</rss>", " ".repeat(8 * 1024 * 1024));
            Response::new(200, gzip(&big)).with("Content-Encoding", "gzip")
        }
        "/bomb.xml" => Response::new(200, BOMB),
        "/to-file" => Response::new(302, "").with("Location", "file:///etc/passwd"),
        "/page.html" => Response::new(
            200,
            "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/found.xml\">\
             </head><body>A page</body></html>",
        )
        .with("Content-Type", "text/html"),
        "/found.xml" => Response::new(200, feed("found", 2)),
        "/garbage.xml" => Response::new(200, "<rss><channel><item><title>cut"),
        // No validators, and one item more on each request.
        "/growing.xml" => {
            static SERVED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let served = SERVED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Response::new(200, feed("growing", 3 + served))
        }
        _ => Response::new(404, ""),
    }
}

struct Setup {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    base: String,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("kiosk.db");
        Self {
            _dir: dir,
            path,
            base: server::start(route),
        }
    }

    fn subscribe(&self, name: &str, path: &str) {
        let store = Store::open(&self.path).expect("open");
        let feed = NewSubscription {
            url: format!("{}{path}", self.base),
            name: Some(name.to_string()),
            ..NewSubscription::default()
        };
        assert!(matches!(store.add_feed(&feed), Ok(AddOutcome::Added(_))));
    }

    fn fetch(&self, names: &[&str]) -> Vec<FeedResult> {
        let store = Store::open(&self.path).expect("open");
        let feeds: Vec<_> = names
            .iter()
            .map(|name| store.feed(name).expect("query").expect("subscribed"))
            .collect();
        let options = FetchOptions {
            http: HttpOptions {
                timeout: Duration::from_secs(1),
                max_bytes: 1024 * 1024,
                ..HttpOptions::default()
            },
            threads: 4,
        };
        let mut seen = 0;
        let mut results = fetch::fetch_all(
            &self.path,
            &ImportConfig::default(),
            &feeds,
            &options,
            |_| {
                seen += 1;
            },
        );
        assert_eq!(seen, names.len());
        results.sort_by_key(|result| names.iter().position(|name| *name == result.name));
        results
    }

    fn count(&self, query: &str) -> u64 {
        let store = Store::open(&self.path).expect("open");
        store
            .count(&Query::parse(query).expect("query"))
            .expect("count")
    }
}

fn added(result: &FeedResult) -> usize {
    result
        .outcome
        .as_ref()
        .map_or(usize::MAX, |updated| updated.added)
}

fn error(result: &FeedResult) -> &str {
    result.outcome.as_ref().err().map_or("", String::as_str)
}

#[test]
fn ok_then_not_modified_by_etag_and_by_date() {
    let setup = Setup::new();
    setup.subscribe("ok", "/feed.xml");
    setup.subscribe("dated", "/dated.xml");
    let first = setup.fetch(&["ok", "dated"]);
    assert_eq!((added(&first[0]), added(&first[1])), (3, 2), "{first:?}");
    assert_eq!(setup.count("source:ok"), 3);
    let again = setup.fetch(&["ok", "dated"]);
    for result in &again {
        let updated = result.outcome.as_ref().expect("ok");
        assert!(updated.not_modified, "{result}");
    }
    assert_eq!(setup.count(""), 5);
}

#[test]
fn a_refetch_converts_only_the_items_not_stored() {
    let setup = Setup::new();
    setup.subscribe("growing", "/growing.xml");
    let mut store = Store::open(&setup.path).expect("open");
    let feed = store.feed("growing").expect("query").expect("subscribed");
    let client = fetch::Client::new(HttpOptions::default());
    let import = ImportConfig::default();
    // Fetched on this thread, so that its count of HTML conversions sees every item converted.
    let before = kiosk::ingest::html::conversions_on_this_thread();
    let first = fetch::fetch_one(&mut store, &client, &import, &feed).expect("fetched");
    assert_eq!((first.added, first.duplicates), (3, 0), "{first:?}");
    let between = kiosk::ingest::html::conversions_on_this_thread();
    assert!(between >= before + 3);
    let second = fetch::fetch_one(&mut store, &client, &import, &feed).expect("fetched");
    assert_eq!((second.added, second.duplicates), (1, 3), "{second:?}");
    assert_eq!(
        kiosk::ingest::html::conversions_on_this_thread(),
        between + 1,
        "only the new item's HTML is converted"
    );
    assert_eq!(setup.count("source:growing"), 4);
}

#[test]
fn failures_are_one_line_and_the_others_go_on() {
    let setup = Setup::new();
    for (name, path) in [
        ("missing", "/missing"),
        ("error", "/error"),
        ("loop", "/loop"),
        ("file", "/to-file"),
        ("garbage", "/garbage.xml"),
        ("ok", "/feed.xml"),
    ] {
        setup.subscribe(name, path);
    }
    let results = setup.fetch(&["missing", "error", "loop", "file", "garbage", "ok"]);
    assert!(error(&results[0]).contains("404"), "{}", results[0]);
    assert!(error(&results[1]).contains("500"), "{}", results[1]);
    assert!(error(&results[2]).contains("redirects"), "{}", results[2]);
    assert!(
        error(&results[3]).contains("refused file"),
        "{}",
        results[3]
    );
    assert!(
        error(&results[4]).starts_with("not a readable feed"),
        "{}",
        results[4]
    );
    assert_eq!(added(&results[5]), 3);
    for result in &results {
        assert!(!result.to_string().contains('\n'), "{result}");
    }
    let store = Store::open(&setup.path).expect("open");
    let missing = store.feed("missing").expect("query").expect("found");
    assert!(missing.last_error.is_some_and(|e| e.contains("404")));
}

#[test]
fn redirect_chain_gzip_and_autodiscovery() {
    let setup = Setup::new();
    setup.subscribe("chain", "/r1");
    setup.subscribe("gz", "/gzip.xml");
    setup.subscribe("page", "/page.html");
    let results = setup.fetch(&["chain", "gz", "page"]);
    assert_eq!(
        results.iter().map(added).collect::<Vec<_>>(),
        [2, 4, 2],
        "{results:?}"
    );
    let store = Store::open(&setup.path).expect("open");
    let page = store.feed("page").expect("query").expect("found");
    assert!(page.url.ends_with("/found.xml"), "{}", page.url);
}

#[test]
fn stalls_caps_and_bombs_fail_fast() {
    let setup = Setup::new();
    for (name, path) in [
        ("stall", "/stall"),
        ("huge", "/huge.xml"),
        ("gzip-bomb", "/gzip-bomb.xml"),
        ("bomb", "/bomb.xml"),
    ] {
        setup.subscribe(name, path);
    }
    let started = Instant::now();
    let results = setup.fetch(&["stall", "huge", "gzip-bomb", "bomb"]);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    assert!(error(&results[0]).contains("timed out"), "{}", results[0]);
    assert!(error(&results[1]).contains("limit"), "{}", results[1]);
    assert!(error(&results[2]).contains("limit"), "{}", results[2]);
    assert!(error(&results[3]).contains("<!ENTITY>"), "{}", results[3]);
    assert_eq!(setup.count(""), 0);
}

/// An entity that would read a local file into the first item's description.
const XXE: &str = "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
/// A DTD outside the document, which a validating parser would fetch.
const EXTERNAL_DTD: &str = "<!DOCTYPE rss SYSTEM \"file:///etc/passwd\">";

/// `feed` with `doctype` after its XML declaration and `&xxe;` in its first description.
fn with_doctype(feed: &str, doctype: &str) -> String {
    let (declaration, rest) = feed.split_once('\n').expect("declaration line");
    let rest = rest.replacen("Paragraph one", "&xxe; Paragraph one", 1);
    let rest = if doctype.contains("ENTITY") {
        rest
    } else {
        rest.replace("&xxe; ", "")
    };
    format!("{declaration}\n{doctype}\n{rest}")
}

#[test]
fn a_dripping_server_is_cut_at_the_total_timeout_and_no_feed_reads_local_files() {
    let setup = Setup::new();
    for (name, path) in [
        ("drip", "/drip.xml"),
        ("xxe", "/xxe.xml"),
        ("dtd", "/dtd.xml"),
    ] {
        setup.subscribe(name, path);
    }
    let results = setup.fetch(&["drip", "xxe", "dtd"]);
    // Each byte comes 20 ms after the last, far inside any idle timeout; the feed takes ~30 s.
    assert!(error(&results[0]).contains("timed out"), "{}", results[0]);
    // An internal entity subset is refused outright (the bomb check); an external DTD is not
    // fetched: the feed imports and nothing of the file shows.
    assert!(error(&results[1]).contains("<!ENTITY>"), "{}", results[1]);
    assert_eq!(added(&results[2]), 1, "{}", results[2]);
    let store = Store::open(&setup.path).expect("open");
    let query = Query::parse("").expect("query");
    for summary in store
        .summaries(&query, SortOrder::Date, 0, 10)
        .expect("list")
    {
        let article = store.load(summary.id).expect("stored");
        let text = format!("{} {}", article.original, article.body);
        assert!(!text.contains("root:"), "a local file leaked: {text}");
    }
}

#[test]
fn the_cli_exits_1_when_a_feed_failed() {
    let setup = Setup::new();
    setup.subscribe("ok", "/feed.xml");
    setup.subscribe("missing", "/missing");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(["--store"])
        .arg(&setup.path)
        .args(["--config", "/dev/null", "fetch"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("missing: failed: HTTP 404"), "{stderr}");
    assert!(stderr.contains("ok: added 3"), "{stderr}");
    assert_eq!(setup.count(""), 3);
}
