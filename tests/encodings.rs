//! Encodings through the real binary: UTF-8 with one bad byte stays UTF-8 (with a warning
//! naming the line), a clean re-import replaces mis-decoded copies, Windows-1252 is still read.

#[path = "support/cli.rs"]
mod cli;

use cli::Cli;
use kiosk::ingest::decode::as_mojibake;

/// 1,000 JSON Lines with accented titles and bodies; `bad_line`, if any, holds a stray 0xE9.
fn json_lines(bad_line: Option<usize>, title: impl Fn(&str) -> String) -> Vec<u8> {
    let mut bytes = Vec::new();
    for line in 1..=1000 {
        let head = title(&format!("Été à Genève n°{line}"));
        let body = title(&format!("L’été fut sec au Niger, numéro {line}."));
        let stray: &[u8] = if Some(line) == bad_line { b"\xE9" } else { b"" };
        bytes.extend_from_slice(
            format!("{{\"id\":\"a{line}\",\"title\":\"{head}\",\"body\":\"").as_bytes(),
        );
        bytes.extend_from_slice(stray);
        bytes.extend_from_slice(format!("{body}\"}}\n").as_bytes());
    }
    bytes
}

fn import(cli: &Cli, name: &str, bytes: &[u8]) -> String {
    let path = cli.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    cli.ok(&["import", &path.display().to_string()])
}

fn titles(cli: &Cli) -> Vec<String> {
    cli.json_lines(&["list", "--json"])
        .iter()
        .map(|row| row["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn one_bad_byte_keeps_utf8_names_the_line_and_a_clean_reimport_repairs_it() {
    let cli = Cli::new("");
    let out = import(&cli, "news.jsonl", &json_lines(Some(17), str::to_string));
    assert!(
        out.contains("news.jsonl: line 17: 1 invalid UTF-8 byte replaced with U+FFFD"),
        "{out}"
    );
    assert!(out.contains("added 1000, duplicates 0, skipped 0"), "{out}");
    let titles = titles(&cli);
    assert_eq!(titles.len(), 1000);
    assert!(
        titles.iter().all(|t| t.starts_with("Été à Genève n°")),
        "{titles:?}"
    );
    let shown = cli.ok(&["show", "17"]);
    assert!(shown.contains("\u{FFFD}L’été fut sec"), "{shown}");

    // The fixed copy under the same name: articles naming no source are filed under the
    // file's stem, and an id repairs the copy stored under the same source.
    let out = import(&cli, "news.jsonl", &json_lines(None, str::to_string));
    assert!(
        out.contains("added 0, duplicates 999, skipped 0, repaired 1"),
        "{out}"
    );
    let shown = cli.ok(&["show", "17"]);
    assert!(
        !shown.contains('\u{FFFD}') && shown.contains("L’été fut sec"),
        "{shown}"
    );
}

#[test]
fn mojibake_copies_give_way_to_the_clean_file_by_id_and_by_content() {
    let cli = Cli::new("");
    // What the old decoder stored: each UTF-8 title and body read as Windows-1252.
    let out = import(&cli, "damaged.jsonl", &json_lines(None, as_mojibake));
    assert!(out.contains("added 1000"), "{out}");
    assert!(titles(&cli).iter().all(|t| t.starts_with("Ã‰tÃ©")));
    let text = "Été à Genève\n\nLes autorités ont annoncé la fin de la sécheresse.\n";
    import(&cli, "damaged.txt", as_mojibake(text).as_bytes());

    // The fixed copy under the same name: articles naming no source are filed under the
    // file's stem, and an id repairs the copy stored under the same source.
    let out = import(&cli, "news.jsonl", &json_lines(None, str::to_string));
    assert!(
        out.contains("added 0, duplicates 0, skipped 0, repaired 1000"),
        "{out}"
    );
    // Without id or URL, the damaged text file is found by its misread content.
    let out = import(&cli, "fixed.txt", text.as_bytes());
    assert!(
        out.contains("added 0, duplicates 0, skipped 0, repaired 1"),
        "{out}"
    );
    let titles = titles(&cli);
    assert_eq!(titles.len(), 1001);
    assert!(
        titles.iter().all(|t| t.starts_with("Été à Genève")),
        "{titles:?}"
    );
    // The search index follows the repaired text.
    assert_eq!(cli.json_lines(&["list", "--json", "sécheresse"]).len(), 1);
    // A second clean import finds everything as it is.
    let out = import(&cli, "again.jsonl", &json_lines(None, str::to_string));
    assert!(out.contains("added 0, duplicates 1000, skipped 0"), "{out}");
    assert!(!out.contains("repaired"), "{out}");
}

#[test]
fn a_windows_1252_file_is_read_as_such_and_says_so() {
    let cli = Cli::new("");
    let text = "« Le président » à Genève\n\nL’économie va mieux, a-t-il dit, été comme hiver.\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let out = import(&cli, "legacy.txt", &bytes);
    assert!(
        out.contains("legacy.txt: not UTF-8; read as windows-1252"),
        "{out}"
    );
    assert!(out.contains("added 1"), "{out}");
    assert_eq!(titles(&cli), ["« Le président » à Genève"]);
}
