//! Several connections creating one new store at the same moment: each opens it, none sees
//! another's half-made schema as a foreign database or reports it locked.

use super::*;

#[test]
fn connections_creating_one_new_store_together_all_open_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    for round in 0..24 {
        let path = dir.path().join(format!("new-{round}.db"));
        let start = std::sync::Arc::new(std::sync::Barrier::new(6));
        let openers: Vec<_> = (0..6)
            .map(|_| {
                let path = path.clone();
                let start = start.clone();
                std::thread::spawn(move || {
                    start.wait();
                    Store::open(&path).map(|store| store.migration())
                })
            })
            .collect();
        for opener in openers {
            let opened = opener.join().expect("thread");
            assert!(opened.is_ok(), "round {round}: {:?}", opened.err());
        }
    }
}
