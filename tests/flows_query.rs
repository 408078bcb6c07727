//! Generated queries typed into the TUI's prompt list the same articles, in the same order, as
//! `kiosk list` given the query's text, on the sample archive and on the sample archive with the
//! multilingual corpus of `../shared/corpus` imported: the prompt's parsed chips and the CLI's
//! parse of the printed text agree, and the printed text parses back to the same query.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::Harness;
use kiosk::query::Query;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

fn term() -> impl Strategy<Value = String> {
    terms(&[])
}

/// A term of the sample archive's vocabulary or of `more`, negated or not.
fn terms(more: &'static [&'static str]) -> impl Strategy<Value = String> {
    let words = [
        "niger",
        "mali",
        "niamey",
        "sahel",
        "junta",
        "président",
        "eau",
        "\"le président\"",
    ];
    let keyed = [
        "lang:fr",
        "lang:en",
        "lang:es",
        "lang:ar",
        "country:NE",
        "country:ML",
        "country:US",
        "mentions:FR",
        "is:unread",
        "is:starred",
        "since:2024-06-01",
        "until:2024-12-31",
        "source:RFI",
    ];
    let terms: Vec<&str> = words.iter().chain(&keyed).chain(more).copied().collect();
    (any::<bool>(), prop::sample::select(terms))
        .prop_map(|(negated, term)| format!("{}{term}", if negated { "-" } else { "" }))
}

/// One to three clauses, the first of one or two alternatives joined by OR.
fn query() -> impl Strategy<Value = String> {
    query_of(term)
}

fn query_of<S: Strategy<Value = String>>(term: impl Fn() -> S) -> impl Strategy<Value = String> {
    (
        prop::collection::vec(term(), 1..=2),
        prop::collection::vec(term(), 0..=2),
    )
        .prop_map(|(first, rest)| {
            std::iter::once(first.join(" OR "))
                .chain(rest)
                .collect::<Vec<_>>()
                .join(" ")
        })
}

/// Types `text` into the prompt of `h` (its filters cleared first) and checks the list against
/// `kiosk list` and the query's printed form against its parse; answers how many it listed.
fn tui_and_cli_agree(h: &mut Harness, text: &str) -> Result<usize, TestCaseError> {
    h.press("X /");
    h.state.edit_prompt(|input| *input = text.to_string());
    h.press("<enter>");
    let parsed = Query::parse(text).expect("generated queries parse");
    prop_assert_eq!(&h.state.query(), &parsed);
    let printed = h.state.query().to_string();
    let reparsed = Query::parse(&printed);
    prop_assert_eq!(reparsed.as_ref(), Ok(&parsed));
    let cli = h.cli_ids(&printed);
    prop_assert_eq!(h.listed_ids(), cli.clone(), "{}", printed);
    prop_assert_eq!(h.state.list.total, cli.len() as u64);
    Ok(cli.len())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]
    #[test]
    fn the_tui_and_the_cli_list_the_same_articles(text in query()) {
        tui_and_cli_agree(&mut Harness::sample(120, 30), &text)?;
    }
}

/// Words, languages, sources and countries of the multilingual corpus (fr, en, es, ar, ha, sw,
/// ln; BBC Afrique, El Universal, Saudi papers).
const CORPUS_TERMS: &[&str] = &[
    "maroc",
    "football",
    "gouvernement",
    "elecciones",
    "méxico",
    "rais",
    "السعودية",
    "\"coupe du monde\"",
    "lang:sw",
    "lang:ha",
    "lang:ln",
    "source:BBC",
    "source:\"El Universal\"",
    "country:MA",
    "country:MX",
    "country:SA",
    "country:NG",
    "mentions:US",
    "person:Hakimi",
    "org:FIFA",
];

#[test]
fn the_tui_and_the_cli_list_the_same_articles_of_the_multilingual_corpus() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/multilingual-dev.jsonl");
    if !corpus.exists() {
        eprintln!("skipped: {} is absent", corpus.display());
        return;
    }
    let sample = Harness::sample(120, 30);
    let (dir, path) = (sample.dir, sample.path);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(["--store", path.to_str().expect("utf-8 path"), "import"])
        .arg(&corpus)
        .output()
        .expect("run kiosk import");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let config = Harness::config_in(&dir);
    let h = Harness::open_with(dir, path, 120, 30, &config);
    assert!(h.state.list.total > 500, "the corpus is imported");
    // The runner takes a shared closure; the cases run one after another on one harness.
    let h = std::cell::RefCell::new(h);
    let listing = std::cell::Cell::new(0);
    let mut runner = TestRunner::new(ProptestConfig {
        cases: 16,
        ..ProptestConfig::default()
    });
    runner
        .run(&query_of(|| terms(CORPUS_TERMS)), |text| {
            let listed = tui_and_cli_agree(&mut h.borrow_mut(), &text)?;
            listing.set(listing.get() + usize::from(listed > 0));
            Ok(())
        })
        .expect("the TUI and the CLI agree");
    // Not only empty lists: the vocabulary is the corpus's.
    assert!(
        listing.get() >= 4,
        "{} queries listed articles",
        listing.get()
    );
}
