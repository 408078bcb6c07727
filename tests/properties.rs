//! Property tests: the query parser and every importer take any input without panicking, and
//! well-formed queries parse and print back to themselves. Cases default to a few dozen per
//! property so the suite stays quick in debug builds; `PROPTEST_CASES=5000` runs longer.

#[path = "support/mutate.rs"]
mod mutate;

use std::cell::RefCell;

use kiosk::config::Config;
use kiosk::ingest::Importer;
use kiosk::ingest::format::Format;
use kiosk::query::{Filter, Query};
use kiosk::store::Store;
use proptest::prelude::*;
use proptest::test_runner::{Config as RunnerConfig, TestRunner};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(48)
}

/// Parses `text`; a parsed query also prints and resolves its dates without panicking.
fn parse_fully(text: &str) -> Result<Query, kiosk::query::QueryError> {
    let query = Query::parse(text)?;
    let _ = query.to_string();
    let today = chrono::Utc::now().date_naive();
    for term in query.clauses.iter().flat_map(|clause| &clause.alternatives) {
        if let Filter::Since(bound) | Filter::Until(bound) = term.filter {
            let _ = bound.resolve(today);
        }
    }
    Ok(query)
}

/// Pieces of query syntax, valid and broken, with multi-byte characters among them.
fn query_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(" ".to_string()),
        Just("OR".to_string()),
        Just("-".to_string()),
        Just("\"".to_string()),
        Just(":".to_string()),
        prop::sample::select(vec![
            "lang:",
            "source:",
            "since:",
            "until:",
            "is:",
            "country:",
            "mentions:",
            "entity:",
            "person:",
            "org:",
            "place:",
            "tag:",
            "colour:",
        ])
        .prop_map(str::to_string),
        "[0-9]{0,12}[dwmyé日]?",
        "(since|until):[0-9]{0,10}[dwmyé日🌍]? ",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "\\PC{0,6}",
        any::<String>(),
    ]
}

/// A term that must parse: each key with a value it accepts, or a word or phrase.
fn valid_term() -> impl Strategy<Value = String> {
    let word = "[a-zéøñ日ن]{1,8}".prop_filter("OR is the operator", |w| w != "OR");
    let value = prop_oneof![
        "lang:[a-z]{2}",
        "source:[A-Za-z]{1,8}",
        "since:[0-9]{1,5}[dwmy]",
        "until:20[0-9]{2}-0[1-9]-1[0-9]",
        "is:(unread|read|starred)",
        "country:(NE|FR|ML|US|niger)",
        "mentions:(NE|DE)",
        "(person|org|place|entity):[A-Za-z]{1,8}",
        "tag:[A-Za-zÉé]{1,8}",
        "tag:\"[a-z]{1,6} [a-z]{1,6}\"",
        word,
        "\"[a-z]{1,6}( [a-z]{1,6}){0,2}\"",
    ];
    (any::<bool>(), value).prop_map(
        |(negated, term)| {
            if negated { format!("-{term}") } else { term }
        },
    )
}

proptest! {
    #![proptest_config(RunnerConfig::with_cases(cases()))]

    #[test]
    fn any_text_parses_or_is_an_error(text in any::<String>()) {
        let _ = parse_fully(&text);
    }

    #[test]
    fn query_syntax_pieces_parse_or_are_errors(pieces in prop::collection::vec(query_piece(), 0..24)) {
        let _ = parse_fully(&pieces.concat());
    }

    #[test]
    fn date_bounds_with_any_count_and_unit_parse_or_are_errors(
        key in prop::sample::select(vec!["since", "until"]),
        count in "[0-9]{0,12}",
        unit in any::<char>(),
    ) {
        let _ = parse_fully(&format!("{key}:{count}{unit}"));
    }

    #[test]
    fn structured_queries_parse_and_print_back(
        terms in prop::collection::vec((valid_term(), any::<bool>()), 1..12)
    ) {
        let mut text = String::new();
        for (index, (term, or)) in terms.iter().enumerate() {
            if index > 0 {
                text.push_str(if *or { " OR " } else { " " });
            }
            text.push_str(term);
        }
        let query = parse_fully(&text).map_err(|error| TestCaseError::fail(format!("{text}: {error}")))?;
        let again = Query::parse(&query.to_string()).expect("printed query parses");
        prop_assert_eq!(again, query);
    }
}

#[test]
fn issue_21_reproducers_are_errors_or_answers_never_panics() {
    assert!(parse_fully("since:1é").is_err());
    assert!(parse_fully("until:7日").is_err());
    assert!(parse_fully("since:99999999d").is_ok());
    let terms = vec!["lang:fr"; 999].join(" ");
    assert_eq!(parse_fully(&terms).expect("999 terms").clauses.len(), 999);
    let terms = vec!["country:NE"; 999].join(" OR ");
    assert_eq!(parse_fully(&terms).expect("999 terms").clauses.len(), 1);
}

/// Well-formed inputs of each importer, to mutate, and one JSON line past the 2 KB the format
/// sniff reads, in two-byte letters (issue 20).
fn seeds() -> Vec<(Format, String)> {
    let long = format!("{{\"title\": \"ن\", \"body\": \"{}\"}}\n", "ن".repeat(1100));
    let mut seeds: Vec<(Format, String)> = SEEDS
        .iter()
        .map(|(format, text)| (*format, text.to_string()))
        .collect();
    seeds.push((Format::Json, long));
    seeds
}

const SEEDS: &[(Format, &str)] = &[
    (
        Format::Text,
        "Le Niger et le Mali\n\nLes autorités de Niamey ont reçu une délégation.\n",
    ),
    (
        Format::Json,
        "{\"title\": \"Sécheresse\", \"body\": \"Les éleveurs du Niger.\", \"lang\": \"fr\", \"published\": \"2024-02-01\"}\n{\"title\": \"جفاف\", \"body\": \"نص عربي قصير عن النيجر.\"}\n",
    ),
    (
        Format::Json,
        "[{\"id\": \"a\", \"title\": \"東京\", \"body\": \"日本の記事。\", \"url\": \"http://a.test/1\"}]",
    ),
    (
        Format::Feed,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Wire</title><link>http://a.test/</link><item><title>Mali</title><guid>g1</guid><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;Bamako 🌍 text&lt;/p&gt;</description></item></channel></rss>",
    ),
    (
        Format::Feed,
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><id>urn:a</id><updated>2024-01-01T00:00:00Z</updated><entry><title>Tchad</title><id>urn:1</id><updated>2024-01-01T00:00:00Z</updated><content type=\"html\">&lt;div&gt;N'Djamena&lt;/div&gt;</content></entry></feed>",
    ),
    (
        Format::Opml,
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline text=\"News\"><outline type=\"rss\" text=\"Wire\" xmlUrl=\"http://a.test/rss\"/></outline></body></opml>",
    ),
    (
        Format::NewsboatUrls,
        "http://a.test/rss \"news\" \"~Wire\"\n# comment\nhttps://b.test/atom.xml tag\n",
    ),
];

/// A seed with edits: bytes inserted (often UTF-8 lead or continuation bytes), ranges deleted,
/// and a cut at the end; imported under its own format and under sniffing.
fn mutated_input(seeds: Vec<(Format, String)>) -> impl Strategy<Value = (usize, Vec<u8>, bool)> {
    (
        0..seeds.len(),
        mutate::edits(),
        any::<prop::sample::Index>(),
        any::<bool>(),
    )
        .prop_map(move |(seed, edits, cut, sniff)| {
            let mut bytes = mutate::apply(seeds[seed].1.as_bytes().to_vec(), edits);
            let keep = bytes.len() - cut.index(bytes.len() / 4 + 1);
            bytes.truncate(keep);
            (seed, bytes, sniff)
        })
}

#[test]
fn importers_take_mutated_inputs_without_panicking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("kiosk.db")).expect("store");
    let importer =
        RefCell::new(Importer::new(&mut store, &Config::default().import).expect("importer"));
    let mut runner = TestRunner::new(RunnerConfig::with_cases(cases()));
    let formats: Vec<Format> = seeds().iter().map(|(format, _)| *format).collect();
    runner
        .run(&mutated_input(seeds()), |(seed, bytes, sniff)| {
            let format = (!sniff).then_some(formats[seed]);
            importer
                .borrow_mut()
                .import_bytes("mutated", None, &bytes, format)
                .map_err(|error| TestCaseError::fail(format!("store error: {error}")))?;
            Ok(())
        })
        .expect("no importer panics");
    let report = importer.into_inner().finish();
    assert!(report.added > 0, "some mutated inputs still import");
}
