//! Generated queries typed into the TUI's prompt list the same articles, in the same order, as
//! `kiosk list` given the query's text, on the sample archive: the prompt's parsed chips and the
//! CLI's parse of the printed text agree.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::Harness;
use kiosk::query::Query;
use proptest::prelude::*;

fn term() -> impl Strategy<Value = String> {
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
    let terms: Vec<&str> = words.iter().chain(keyed.iter()).copied().collect();
    (any::<bool>(), prop::sample::select(terms))
        .prop_map(|(negated, term)| format!("{}{term}", if negated { "-" } else { "" }))
}

/// One to three clauses, the first of one or two alternatives joined by OR.
fn query() -> impl Strategy<Value = String> {
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]
    #[test]
    fn the_tui_and_the_cli_list_the_same_articles(text in query()) {
        let mut h = Harness::sample(120, 30);
        h.press("X /");
        h.state.edit_prompt(|input| *input = text.clone());
        h.press("<enter>");
        let parsed = Query::parse(&text).expect("generated queries parse");
        prop_assert_eq!(&h.state.query(), &parsed);
        let printed = h.state.query().to_string();
        let reparsed = Query::parse(&printed);
        prop_assert_eq!(reparsed.as_ref(), Ok(&parsed));
        let cli = h.cli_ids(&printed);
        prop_assert_eq!(h.listed_ids(), cli.clone(), "{}", printed);
        prop_assert_eq!(h.state.list.total, cli.len() as u64);
    }
}
