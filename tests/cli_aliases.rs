//! Entity filters by any name on real articles: `../shared/seed/` plus the multilingual
//! development corpus, imported into a temp store. `kiosk list` finds one set of articles by
//! every spelling of Putin and of ECOWAS, and the TUI's chips filter exactly as the CLI does.
//! Skipped, with the reason printed, when `../shared` is absent.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/fixtures.rs"]
mod fixtures;

use std::collections::BTreeSet;
use std::path::PathBuf;

use cli::Cli;
use fixtures::Harness;

/// The seed folder and the multilingual corpus, when `../shared` holds them.
fn shared() -> Option<(PathBuf, PathBuf)> {
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    let seed = shared.join("seed");
    let corpus = shared.join("corpus/multilingual-dev.jsonl");
    if seed.is_dir() && corpus.is_file() {
        Some((seed, corpus))
    } else {
        println!(
            "skipped: no {} and {} (../shared is absent)",
            seed.display(),
            corpus.display()
        );
        None
    }
}

/// A temp store holding the seed and the corpus.
fn imported() -> Option<Cli> {
    let (seed, corpus) = shared()?;
    let cli = Cli::new("");
    let out = cli.ok(&[
        "import",
        seed.to_str().expect("utf-8 path"),
        corpus.to_str().expect("utf-8 path"),
    ]);
    assert!(out.contains("added"), "{out}");
    Some(cli)
}

fn ids(cli: &Cli, query: &str) -> BTreeSet<i64> {
    cli.json_lines(&["list", "--json", "--limit", "100000", "--", query])
        .iter()
        .map(|article| article["id"].as_i64().expect("id"))
        .collect()
}

/// The articles every query of `queries` finds: the same for all, and some.
fn same_articles(cli: &Cli, queries: &[&str]) -> BTreeSet<i64> {
    let first = ids(cli, queries[0]);
    assert!(!first.is_empty(), "{} finds nothing", queries[0]);
    for query in &queries[1..] {
        assert_eq!(ids(cli, query), first, "{query} against {}", queries[0]);
    }
    first
}

#[test]
fn every_name_of_an_entity_finds_the_same_articles() {
    let Some(cli) = imported() else { return };
    let putin = same_articles(
        &cli,
        &[
            "person:Poutine",
            "person:Putin",
            "person:\"Vladimir Poutine\"",
            "person:\"Vladimir Putin\"",
            "person:poutine",
            "entity:Poutine",
        ],
    );
    // More than any one spelling found before the names were joined (15 at most).
    assert!(putin.len() > 15, "{}", putin.len());
    same_articles(
        &cli,
        &["org:Cédéao", "org:CEDEAO", "org:ECOWAS", "org:cedeao"],
    );
    let cnsp = same_articles(
        &cli,
        &[
            "org:CNSP",
            "org:\"Conseil national pour la sauvegarde de la patrie\"",
        ],
    );
    assert!(!cnsp.is_empty());
    same_articles(&cli, &["place:Moscou", "place:Moscow"]);
    // A person's names are not an organisation's.
    assert!(ids(&cli, "org:Poutine").is_empty());
}

#[test]
fn a_chip_typed_in_the_tui_filters_like_the_cli() {
    let Some(cli) = imported() else { return };
    let path = cli.store();
    let mut h = Harness::open(cli.dir, path, 140, 40);
    let putin = h.cli_ids("person:Putin");
    assert!(!putin.is_empty());
    for query in ["person:Poutine", "org:Cédéao", "org:CNSP", "place:Moscou"] {
        h.press("X /");
        for c in query.chars() {
            h.press(&c.to_string());
        }
        h.press("<enter>");
        assert_eq!(h.state.chips(), [query.to_string()], "{query}");
        let cli = h.cli_ids(query);
        assert!(!cli.is_empty(), "{query}");
        assert_eq!(h.listed_ids(), cli, "{query}");
        assert_eq!(h.state.list.total, cli.len() as u64, "{query}");
    }
    h.press("X /");
    for c in "person:Poutine".chars() {
        h.press(&c.to_string());
    }
    h.press("<enter>");
    assert_eq!(h.listed_ids(), putin, "Poutine and Putin list alike");
}
