//! Full article text against pages served on 127.0.0.1: a feed of one-sentence summaries with
//! `--full-text` yields bodies holding the story and none of the page around it, re-indexed and
//! re-analysed; pages too big, not HTML or redirected to `file://` are refused with a sentence.
//! Also feeds named by their title and items without a guid refetched.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/pages.rs"]
mod pages;
#[path = "support/server.rs"]
mod server;

use cli::Cli;
use kiosk::fetch::full_text;
use kiosk::fetch::{Client, HttpOptions};
use kiosk::store::Store;
use serde_json::Value;

fn body_of(cli: &Cli, id: i64) -> Value {
    let out = cli.run(&["show", "--json", &id.to_string()]);
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn a_full_text_feed_stores_the_story_without_the_page_around_it() {
    let base = pages::start();
    let cli = Cli::new("");
    cli.ok(&["feeds", "add", &format!("{base}/feed.xml"), "--full-text"]);
    let fetched = cli.ok(&["fetch"]);
    assert!(fetched.contains("full text 2"), "{fetched}");
    let rows = cli.json_lines(&["list", "--json"]);
    assert_eq!(rows.len(), 2);
    for row in &rows {
        let article = body_of(&cli, row["id"].as_i64().expect("id"));
        let body = article["body"].as_str().expect("body");
        assert!(body.contains(pages::STORY), "{body}");
        assert!(body.contains("twenty years"), "{body}");
        for noise in pages::NOISE {
            assert!(!body.contains(noise), "{noise:?} in {body}");
        }
        assert!(
            !body.starts_with("Bridge"),
            "the headline is the title: {body}"
        );
        let original = article["original"].as_str().expect("original");
        assert!(
            original.contains("A bridge opens."),
            "the summary stays: {original}"
        );
        assert_eq!(row["source"], "The Paper", "named by its title: {row}");
    }
    // Re-indexed and re-analysed: words only the story holds find it, its country too.
    assert_eq!(cli.json_lines(&["list", "--json", "traders"]).len(), 2);
    assert_eq!(cli.json_lines(&["list", "--json", "country:NE"]).len(), 2);
}

#[test]
fn pages_too_big_not_html_or_redirected_to_a_file_are_refused_in_a_sentence() {
    let base = pages::start();
    let client = Client::new(HttpOptions {
        max_bytes: 1_000_000,
        ..HttpOptions::default()
    });
    let big = full_text::download(&client, &format!("{base}/big"), "T").expect_err("too big");
    assert!(big.contains("1000000 byte limit"), "{big}");
    let pdf = full_text::download(&client, &format!("{base}/pdf"), "T").expect_err("a pdf");
    assert_eq!(pdf, "not a web page (application/pdf)");
    let file = full_text::download(&client, &format!("{base}/to-file"), "T").expect_err("file");
    assert!(file.starts_with("refused file:"), "{file}");
    let sentence = full_text::failure(Some("http://a.test/x"), &pdf);
    assert_eq!(
        sentence,
        "full text of http://a.test/x not stored, the summary stays: not a web page (application/pdf)"
    );
}

#[test]
fn a_failed_download_leaves_the_summary() {
    let base = pages::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kiosk.db");
    let cli = Cli::new("");
    let jsonl = format!(
        "{{\"title\": \"Report\", \"body\": \"One sentence.\", \"url\": \"{base}/pdf\"}}\n"
    );
    let file = cli.write("in.jsonl", &jsonl);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(["--store", path.to_str().expect("utf-8"), "import", &file])
        .output()
        .expect("runs");
    assert!(status.status.success());
    let mut store = Store::open(&path).expect("store");
    let client = Client::new(HttpOptions::default());
    let error = full_text::fetch_article(&mut store, &client, 1).expect_err("a pdf");
    assert_eq!(error, "not a web page (application/pdf)");
    assert_eq!(store.load(1).expect("load").body, "One sentence.");
}

/// `f` in the reader downloads the open article's page off the UI thread: the key returns at
/// once saying so, the answer (polled as the runtime loop does) reopens it with the story.
#[test]
fn f_in_the_reader_replaces_the_summary_with_the_story() {
    let base = pages::start();
    let cli = Cli::new("");
    cli.ok(&["feeds", "add", &format!("{base}/feed.xml")]);
    cli.ok(&["fetch"]);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kiosk.db");
    std::fs::copy(cli.store(), &path).expect("copy store");
    let mut h = fixtures::Harness::open(dir, path.clone(), 120, 30);
    h.env.full_text = Some(kiosk::runtime::full_text_fetcher(path));
    h.press("<enter>");
    let before = h.state.reader.article.as_ref().expect("open").body.clone();
    assert_eq!(before, "A bridge opens.");
    h.press("f");
    assert!(h.env.is_fetching(), "the download runs in the background");
    let status = format!("{:?}", h.state.status);
    assert!(status.contains("downloading the full text"), "{status}");
    while h.env.is_fetching() {
        for action in h.env.poll_fetch() {
            kiosk::runtime::dispatch(&mut h.state, &mut h.env, Some(action));
        }
        std::thread::yield_now();
    }
    let body = h.state.reader.article.as_ref().expect("open").body.clone();
    assert!(body.contains(pages::STORY), "{body}");
    for noise in pages::NOISE {
        assert!(!body.contains(noise), "{noise:?} in {body}");
    }
    let status = format!("{:?}", h.state.status);
    assert!(status.contains("full text stored"), "{status}");
}
