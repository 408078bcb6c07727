//! A crash mid-import loses at most the batch in flight (issues 18, 19): kiosk is SIGKILLed
//! right after it says (test-only `KIOSK_TEST_COMMITS`) that its first, fifth or eleventh batch
//! is committed; the store must be intact, hold at least what was committed, and a second
//! import must complete it with no duplicate.

#[path = "support/cli.rs"]
mod cli;

use std::io::{BufRead, BufReader};

use cli::Cli;

const ARTICLES: usize = 600;

fn articles() -> String {
    (1..=ARTICLES)
        .map(|n| {
            format!(
                "{{\"id\": \"k-{n}\", \"title\": \"Dépêche {n}\", \"body\": \"Le Kenya et le \
                 Brésil signent l'accord numéro {n}. Les ministres se sont rencontrés à Nairobi \
                 pour la {n}e fois cette année.\"}}\n"
            )
        })
        .collect()
}

fn count(cli: &Cli) -> usize {
    cli.json_lines(&["list", "--json", "--limit", "100000"])
        .len()
}

/// After how many committed batches (of 12) each run is killed; `KIOSK_TEST_KILL_POINTS=1,2,…`
/// tries more (each point is a fresh store).
fn kill_points() -> Vec<usize> {
    std::env::var("KIOSK_TEST_KILL_POINTS")
        .ok()
        .map(|points| {
            points
                .split(',')
                .filter_map(|p| p.trim().parse().ok())
                .collect()
        })
        .unwrap_or_else(|| vec![1, 5, 11])
}

#[test]
fn a_killed_import_keeps_its_commits_and_a_rerun_completes_it_exactly() {
    for point in kill_points() {
        killed_after(point);
    }
}

/// SIGKILLs an import once it has said `point` batches are committed, then checks the store
/// and completes the import.
fn killed_after(point: usize) {
    let cli = Cli::new("");
    let file = cli.write("many.jsonl", &articles());
    let env = [("KIOSK_TEST_COMMITS", "1"), ("KIOSK_TEST_BATCH", "50")];
    let mut child = cli.spawn(&["import", &file], &env);
    let stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let committed: usize = stderr
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| line.strip_prefix("committed ")?.parse().ok())
        .nth(point - 1)
        .unwrap_or_else(|| panic!("{point} batches committed"));
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");

    let conn = rusqlite::Connection::open(cli.store()).expect("store opens");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity_check");
    assert_eq!(check, "ok", "killed after {point}");
    drop(conn);
    let kept = count(&cli);
    assert!(
        (committed..=ARTICLES).contains(&kept),
        "killed after {point}: {kept} kept, {committed} committed"
    );

    cli.ok(&["import", &file]);
    assert_eq!(count(&cli), ARTICLES, "killed after {point}");
    let mut ids: Vec<String> = cli
        .json_lines(&["list", "--json", "--limit", "100000"])
        .iter()
        .filter_map(|row| row["external_id"].as_str().map(str::to_string))
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), ARTICLES, "killed after {point}");
}
