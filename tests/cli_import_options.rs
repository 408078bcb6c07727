//! `kiosk import --source NAME --lang CODE` on the built binary with a temp store: articles whose
//! input names no source or language get the given ones, articles that name theirs keep them,
//! and a code that is not ISO 639-1 is refused before anything is read.

#[path = "support/cli.rs"]
mod cli;

use cli::Cli;

const WIRES: &str = concat!(
    r#"{"id":"w-1","title":"Markets steady","body":"Shares closed flat in Tokyo on Monday."}"#,
    "\n",
    r#"{"id":"w-2","title":"Niamey","body":"Le président a parlé à Niamey.","source":"RFI","lang":"fr"}"#,
    "\n",
);

#[test]
fn source_and_lang_fill_what_the_input_lacks_and_nothing_else() {
    let cli = Cli::new("");
    let file = cli.write("wires.jsonl", WIRES);
    cli.ok(&["import", "--source", " Wire Desk ", "--lang", "EN", &file]);
    let mut rows: Vec<(String, String, String)> = cli
        .json_lines(&["list", "--json"])
        .iter()
        .map(|row| {
            let text = |key: &str| row[key].as_str().unwrap_or("").to_string();
            (text("external_id"), text("source"), text("lang"))
        })
        .collect();
    rows.sort();
    assert_eq!(
        rows,
        [
            ("w-1".into(), "Wire Desk".into(), "en".into()),
            ("w-2".into(), "RFI".into(), "fr".into()),
        ]
    );
    assert_eq!(
        cli.json_lines(&["list", "--json", "source:\"wire desk\""])
            .len(),
        1
    );
}

#[test]
fn a_language_that_is_not_a_two_letter_code_is_refused() {
    let cli = Cli::new("");
    let file = cli.write("wires.jsonl", WIRES);
    let output = cli.run(&["import", "--lang", "english", &file]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("not a two-letter language code"),
        "{stderr}"
    );
    assert!(
        cli.json_lines(&["list", "--json"]).is_empty(),
        "nothing imported"
    );
}

/// A source's articles in prose, then a results table of the same source with no language.
const TABLE_AFTER_PROSE: [&str; 2] = [
    r#"{"id":"p-1","source":"Le Fil","title":"Le marché","body":"Les ventes de la société ont augmenté cette année dans tous les pays où elle est présente, selon ses dirigeants qui ont parlé aux journalistes."}"#,
    r#"{"id":"t-1","source":"Le Fil","title":"ACME 4T","body":"ACME 12 345 11 002\n\nBNP 3 100 3 050\n\nEDF 98 90"}"#,
];

#[test]
fn a_table_with_no_language_takes_its_sources_usual_one() {
    let cli = Cli::new("");
    let prose = cli.write("prose.jsonl", TABLE_AFTER_PROSE[0]);
    cli.ok(&["import", &prose]);
    let table = cli.write("table.jsonl", TABLE_AFTER_PROSE[1]);
    cli.ok(&["import", &table]);
    let langs: Vec<(String, String)> = cli
        .json_lines(&["list", "--json"])
        .iter()
        .map(|row| {
            let text = |key: &str| row[key].as_str().unwrap_or("").to_string();
            (text("external_id"), text("lang"))
        })
        .collect();
    assert!(langs.contains(&("p-1".into(), "fr".into())), "{langs:?}");
    assert!(langs.contains(&("t-1".into(), "fr".into())), "{langs:?}");
    // Without prose of its source before, the table has no language rather than a guess.
    let alone = Cli::new("");
    let table = alone.write("table.jsonl", TABLE_AFTER_PROSE[1]);
    alone.ok(&["import", &table]);
    let rows = alone.json_lines(&["list", "--json"]);
    assert!(rows[0]["lang"].is_null(), "{rows:?}");
}
