//! `kiosk import --source NAME --lang CODE` on the built binary with a temp store: articles whose
//! input names no source or language get the given ones, articles that name theirs keep them,
//! and a code that is not ISO 639-1 is refused before anything is read. Input naming no source
//! at all takes the name of the file (its stem), of the folder, or `stdin`.

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

/// Wire copy in the Reuters corpus' shape: an id, a title, a date and a body, no source.
const REUTERS: &str = concat!(
    r#"{"id":"5","date":"26-FEB-1987 15:10:44.60","title":"FARM RESERVE PRICES","body":"The U.S. Agriculture Department reported prices."}"#,
    "\n",
    r#"{"id":"6","date":"26-FEB-1987 15:14:36.41","title":"GRAIN SHIPS WAITING","body":"Ten grain ships were loading at Portland."}"#,
    "\n",
    r#"{"id":"7","title":"Niamey","body":"Le président a parlé à Niamey.","source":"RFI"}"#,
    "\n",
);

/// (external id, source) of every stored article, sorted.
fn sources(cli: &Cli) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = cli
        .json_lines(&["list", "--json"])
        .iter()
        .map(|row| {
            let text = |key: &str| row[key].as_str().unwrap_or("").to_string();
            (text("external_id"), text("source"))
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn a_file_without_sources_names_its_articles_by_its_stem() {
    let cli = Cli::new("");
    let file = cli.write("reuters-2020.jsonl", REUTERS);
    cli.ok(&["import", &file]);
    assert_eq!(
        sources(&cli),
        [
            ("5".into(), "reuters-2020".into()),
            ("6".into(), "reuters-2020".into()),
            ("7".into(), "RFI".into()),
        ]
    );
    let listed = cli.ok(&["list"]);
    assert!(listed.contains("reuters-2020"), "{listed}");
    assert!(
        !listed
            .lines()
            .any(|line| line.split_whitespace().any(|word| word == "-")),
        "no article listed without a source: {listed}"
    );
    assert_eq!(
        cli.json_lines(&["list", "--json", "source:reuters-2020"])
            .len(),
        2
    );
}

#[test]
fn standard_input_without_sources_is_the_source_stdin() {
    let cli = Cli::new("");
    let output = cli.run_with_stdin(&["import", "-"], REUTERS.as_bytes());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        sources(&cli),
        [
            ("5".into(), "stdin".into()),
            ("6".into(), "stdin".into()),
            ("7".into(), "RFI".into()),
        ]
    );
}

#[test]
fn a_folder_names_the_articles_that_name_no_source() {
    let cli = Cli::new("");
    let folder = cli.dir.path().join("wire-desk");
    std::fs::create_dir_all(folder.join("inbox")).expect("folders");
    let write = |name: &str, text: &str| std::fs::write(folder.join(name), text).expect("write");
    write(
        "2024-03-28-niger.txt",
        "Niger: talks\n\nThe talks went on in Niamey.\n",
    );
    write(
        "inbox/2024-03-29-mali.txt",
        "Mali: a road\n\nA road opens near Bamako.\n",
    );
    write("more.jsonl", REUTERS);
    cli.ok(&["import", &folder.display().to_string()]);
    let by_title: Vec<(String, String)> = {
        let mut rows: Vec<(String, String)> = cli
            .json_lines(&["list", "--json"])
            .iter()
            .map(|row| {
                let text = |key: &str| row[key].as_str().unwrap_or("").to_string();
                (text("title"), text("source"))
            })
            .collect();
        rows.sort();
        rows
    };
    assert_eq!(
        by_title,
        [
            ("FARM RESERVE PRICES".into(), "wire-desk".into()),
            ("GRAIN SHIPS WAITING".into(), "wire-desk".into()),
            ("Mali: a road".into(), "inbox".into()),
            ("Niamey".into(), "RFI".into()),
            ("Niger: talks".into(), "wire-desk".into()),
        ],
        "a text file's own folder names it; the rest take the imported folder's name"
    );
}

#[test]
fn the_source_option_wins_over_the_file_name_and_an_article_s_own_over_both() {
    let cli = Cli::new("");
    let file = cli.write("reuters-2020.jsonl", REUTERS);
    cli.ok(&["import", "--source", "Reuters", &file]);
    assert_eq!(
        sources(&cli),
        [
            ("5".into(), "Reuters".into()),
            ("6".into(), "Reuters".into()),
            ("7".into(), "RFI".into()),
        ]
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
