//! Two `kiosk fetch` processes on one store: the second says another fetch is running and waits
//! for it to end before fetching, so the feeds are never downloaded and parsed twice at once.

#[path = "support/server.rs"]
mod server;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use kiosk::query::Query;
use kiosk::store::{NewSubscription, Store};
use server::Response;

/// `kiosk fetch` on `store` as a child process, its stderr piped.
fn fetch(dir: &tempfile::TempDir) -> Child {
    Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .arg("--store")
        .arg(dir.path().join("kiosk.db"))
        .arg("fetch")
        .env("KIOSK_CONFIG", dir.path().join("config.toml"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kiosk runs")
}

#[test]
fn a_second_fetch_says_one_is_running_and_waits_for_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("config.toml"), "").expect("config");
    // The first request waits at the server until the test opens the gate; later ones do not.
    let requests = Arc::new(AtomicUsize::new(0));
    let (arrived, first_arrived) = mpsc::channel();
    let (open_gate, gate) = mpsc::channel::<()>();
    let (arrived, gate) = (Mutex::new(arrived), Mutex::new(gate));
    let counted = Arc::clone(&requests);
    let base = server::start(move |_| {
        if counted.fetch_add(1, Ordering::SeqCst) == 0 {
            let _ = arrived.lock().expect("lock").send(());
            let _ = gate.lock().expect("lock").recv();
        }
        Response::new(200, server::rss("twice", 5)).with("Content-Type", "application/rss+xml")
    });
    let store = Store::open(&dir.path().join("kiosk.db")).expect("store");
    let feed = NewSubscription {
        url: format!("{base}/feed.xml"),
        name: Some("slow".into()),
        ..NewSubscription::default()
    };
    store.add_feed(&feed).expect("subscribe");
    drop(store);

    let first = fetch(&dir);
    first_arrived.recv().expect("the first fetch downloads");
    let mut second = fetch(&dir);
    let stderr = second.stderr.take().expect("piped");
    let mut lines = BufReader::new(stderr).lines();
    let told = lines
        .by_ref()
        .map(|line| line.expect("stderr"))
        .find(|line| line.contains("another kiosk fetch is running"))
        .expect("the second fetch says another one runs, before fetching");
    assert!(told.contains("waiting for it to end"), "{told}");
    assert_eq!(requests.load(Ordering::SeqCst), 1, "the second one waits");

    open_gate.send(()).expect("open the gate");
    let first = first.wait_with_output().expect("first ends");
    let first_says = String::from_utf8_lossy(&first.stderr).into_owned();
    assert!(first.status.success(), "{first_says}");
    assert!(first_says.contains("added 5 articles"), "{first_says}");
    let rest: Vec<String> = lines.map(|line| line.expect("stderr")).collect();
    assert!(second.wait().expect("second ends").success(), "{rest:?}");
    assert!(
        rest.iter().any(|line| line.contains("added 0 articles")),
        "{rest:?}"
    );
    assert_eq!(requests.load(Ordering::SeqCst), 2);
    let store = Store::open(&dir.path().join("kiosk.db")).expect("store");
    assert_eq!(store.count(&Query::default()).expect("count"), 5);
}
