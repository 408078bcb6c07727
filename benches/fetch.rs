//! End-to-end fetch timing: 50 feeds of 100 items each served from 127.0.0.1, fetched into a
//! fresh store per round. `cargo bench --bench fetch` prints each round and the median.
//! Under `cargo test` (no `--bench` argument) it runs one tiny round as a smoke test.

#[path = "../tests/support/server.rs"]
mod server;

use std::time::{Duration, Instant};

use kiosk::config::ImportConfig;
use kiosk::fetch::{self, FetchOptions};
use kiosk::store::{NewSubscription, Store};

fn main() {
    let benching = std::env::args().any(|arg| arg == "--bench");
    let (feeds, items, rounds) = if benching { (50, 100, 7) } else { (3, 5, 1) };
    let bodies: Vec<String> = (0..feeds)
        .map(|feed| server::rss(&format!("f{feed}"), items))
        .collect();
    let base = server::start(move |request| {
        let index: Option<usize> = request
            .path
            .trim_start_matches("/feed")
            .trim_end_matches(".xml")
            .parse()
            .ok();
        match index.and_then(|index| bodies.get(index)) {
            Some(body) => server::Response::new(200, body.clone()),
            None => server::Response::new(404, ""),
        }
    });
    let mut times = Vec::new();
    for round in 0..rounds {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("kiosk.db");
        let store = Store::open(&path).expect("store");
        for feed in 0..feeds {
            let new = NewSubscription {
                url: format!("{base}/feed{feed}.xml"),
                name: Some(format!("feed {feed}")),
                ..NewSubscription::default()
            };
            store.add_feed(&new).expect("subscribe");
        }
        let subscriptions = store.feeds().expect("feeds");
        drop(store);
        let started = Instant::now();
        let results = fetch::fetch_all(
            &path,
            &ImportConfig::default(),
            &subscriptions,
            &FetchOptions::default(),
            |_| {},
        );
        let elapsed = started.elapsed();
        let added: usize = results
            .iter()
            .map(|r| r.outcome.as_ref().map_or(0, |u| u.added))
            .sum();
        assert_eq!(added, feeds * items, "{results:?}");
        println!("round {round}: {feeds} feeds x {items} items in {elapsed:.2?}");
        times.push(elapsed);
    }
    times.sort();
    let median: Duration = times[times.len() / 2];
    println!(
        "median over {rounds} rounds: {median:.2?} ({feeds} feeds x {items} items, 8 threads)"
    );
}
