//! kill -9 in the middle of writes (issue 19): `kiosk reanalyze`, `delete` and `fetch` are killed
//! once the store shows that they are under way (polled from a second connection, never a fixed
//! sleep), then the store must pass `integrity_check`, have lost nothing committed, and a re-run
//! must end exactly where an uninterrupted run ends. The import's own kill test is in
//! tests/store_files.rs.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/server.rs"]
mod server;

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use cli::Cli;
use rusqlite::Connection;

/// `count` articles of a few paragraphs, naming countries, people and organisations.
fn articles(count: usize) -> String {
    const PLACES: &[&str] = &["Niger", "Mali", "Senegal", "France", "Brazil", "Japan"];
    let mut out = String::new();
    for n in 0..count {
        let place = PLACES[n % PLACES.len()];
        let other = PLACES[(n / PLACES.len()) % PLACES.len()];
        let paragraph = format!(
            "President Ada Obi of {place} met the United Nations envoy in {other} on day {n}. \
             The World Bank said the talks in {place} covered trade, water and schools."
        );
        let body = vec![paragraph; 6].join("\n\n");
        out.push_str(
            &serde_json::json!({
                "id": format!("a-{n}"),
                "title": format!("{place} and {other}, story {n}"),
                "body": body,
                "lang": "en",
                "source": "Wire",
                "published": format!("2024-01-{:02}T10:00:00Z", n % 28 + 1),
            })
            .to_string(),
        );
        out.push('\n');
    }
    out
}

/// Polls `ready` on the store every 5 ms (at most two minutes) and SIGKILLs `child` when it
/// holds; returns whether the child was still running, i.e. really killed mid-way.
fn kill_when(mut child: Child, store: &Path, ready: impl Fn(&Connection) -> bool) -> bool {
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return false;
        }
        let seen = Connection::open(store)
            .ok()
            .is_some_and(|connection| ready(&connection));
        if seen {
            child.kill().expect("SIGKILL");
            child.wait().expect("reaped");
            return true;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "never ready");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn count(connection: &Connection, sql: &str) -> i64 {
    connection
        .query_row(sql, [], |row| row.get(0))
        .unwrap_or(-1)
}

fn assert_intact(store: &Path) {
    let connection = Connection::open(store).expect("store opens after the kill");
    let check: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity_check");
    assert_eq!(check, "ok");
}

/// What a user can see of the store: every article with its analysis, and the totals.
fn visible(cli: &Cli) -> String {
    ["list --json --limit 100000", "entities", "countries"]
        .iter()
        .map(|command| cli.ok(&command.split(' ').collect::<Vec<_>>()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn spawn(cli: &Cli, args: &[&str]) -> Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(args)
        .env("KIOSK_STORE", cli.store())
        .env("KIOSK_CONFIG", cli.dir.path().join("config.toml"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts")
}

#[test]
fn a_reanalysis_killed_mid_way_keeps_its_batches_and_a_rerun_finishes_it() {
    let cli = Cli::new("");
    let input = cli.write("a.jsonl", &articles(2500));
    cli.ok(&["import", &input]);
    let before = visible(&cli);
    // As if the analyser had changed: every stored analysis is stale.
    let store = cli.store();
    Connection::open(&store)
        .and_then(|c| c.execute("UPDATE articles SET analysis_version = 0", []))
        .expect("mark stale");
    let stale = "SELECT count(*) FROM articles WHERE analysis_version = 0";
    let child = spawn(&cli, &["reanalyze"]);
    let killed = kill_when(child, &store, |c| (1..2500).contains(&count(c, stale)));
    assert!(killed, "reanalyze ended before a batch could be seen");
    assert_intact(&store);
    let connection = Connection::open(&store).expect("open");
    let left = count(&connection, stale);
    assert!(
        left > 0 && left % 500 == 0,
        "whole batches committed: {left} left"
    );
    assert_eq!(count(&connection, "SELECT count(*) FROM articles"), 2500);
    cli.ok(&["reanalyze"]);
    assert_eq!(count(&connection, stale), 0);
    assert_eq!(
        visible(&cli),
        before,
        "the rerun ends as an uninterrupted run"
    );
}

#[test]
fn a_delete_killed_mid_way_deletes_all_or_nothing() {
    let cli = Cli::new("");
    let input = cli.write("a.jsonl", &articles(1500));
    cli.ok(&["import", &input]);
    let store = cli.store();
    let before = visible(&cli);
    let child = spawn(&cli, &["delete", "--yes", "mali"]);
    // The delete is one transaction: kill it once its write-ahead log is growing.
    let wal = store.with_extension("db-wal");
    let base = std::fs::metadata(&wal).map_or(0, |m| m.len());
    let killed = kill_when(child, &store, |_| {
        std::fs::metadata(&wal).is_ok_and(|m| m.len() > base + 64 * 1024)
    });
    assert_intact(&store);
    let after = visible(&cli);
    let connection = Connection::open(&store).expect("open");
    let stored = count(&connection, "SELECT count(*) FROM articles");
    let tombstones = count(&connection, "SELECT count(*) FROM deleted_articles");
    eprintln!("delete killed mid-way: {killed}; {stored} stored, {tombstones} tombstones");
    if killed && stored == 1500 {
        assert_eq!(after, before, "nothing of the killed delete shows");
        assert_eq!(tombstones, 0);
    } else {
        assert_eq!(
            stored + tombstones,
            1500,
            "each article stored or tombstoned"
        );
    }
    cli.ok(&["delete", "--yes", "mali"]);
    let reference = Cli::new("");
    reference.ok(&["import", &input]);
    reference.ok(&["delete", "--yes", "mali"]);
    assert_eq!(visible(&cli), visible(&reference));
}

#[test]
fn a_fetch_killed_between_feeds_keeps_the_feeds_stored_and_a_refetch_adds_no_duplicate() {
    let base = server::start(|request| {
        let feed = request.path.trim_start_matches('/').to_string();
        let response = server::Response::new(200, server::rss(&feed, 5));
        if feed.starts_with("slow") {
            // The slow feeds keep the fetch busy after the quick ones are stored.
            server::Response {
                stall: Some(Duration::from_secs(3)),
                ..response
            }
        } else {
            response
        }
    });
    let cli = Cli::new("");
    for name in ["quick-a", "quick-b", "slow-a", "slow-b", "slow-c"] {
        cli.ok(&["feeds", "add", &format!("{base}/{name}"), "--name", name]);
    }
    let store = cli.store();
    let child = spawn(&cli, &["fetch"]);
    let killed = kill_when(child, &store, |c| {
        count(c, "SELECT count(*) FROM articles") >= 10
    });
    assert!(killed, "the fetch ended before the slow feeds answered");
    assert_intact(&store);
    let connection = Connection::open(&store).expect("open");
    assert_eq!(count(&connection, "SELECT count(*) FROM articles"), 10);
    cli.ok(&["fetch"]);
    assert_eq!(count(&connection, "SELECT count(*) FROM articles"), 25);
    cli.ok(&["fetch"]);
    assert_eq!(
        count(&connection, "SELECT count(*) FROM articles"),
        25,
        "no duplicate"
    );
}
