//! `kiosk mark-read [QUERY]` on the built binary with a temp store: the matching articles are
//! read afterwards, the others untouched; a bad query is a usage error that changes nothing.

#[path = "support/cli.rs"]
mod cli;

use cli::Cli;

fn articles() -> String {
    (1..=6)
        .map(|i| {
            let lang = if i % 2 == 0 { "fr" } else { "en" };
            format!(
                r#"{{"title":"Article {i}","body":"Body {i} about Niamey.","source":"RFI","lang":"{lang}","published":"2024-01-0{i}T08:00:00Z","url":"https://example.org/{i}"}}"#
            ) + "\n"
        })
        .collect()
}

fn unread(cli: &Cli, query: &str) -> usize {
    cli.json_lines(&["list", "--json", "is:unread", query])
        .len()
}

#[test]
fn mark_read_marks_the_matching_articles_only() {
    let cli = Cli::new("");
    let file = cli.write("articles.jsonl", &articles());
    cli.ok(&["import", &file]);
    assert_eq!(unread(&cli, "lang:fr"), 3);
    let out = cli.ok(&["mark-read", "lang:fr"]);
    assert!(out.contains("3 articles marked read"), "{out}");
    assert_eq!(unread(&cli, "lang:fr"), 0);
    assert_eq!(unread(&cli, "lang:en"), 3);
    let again = cli.ok(&["mark-read", "lang:fr"]);
    assert!(again.contains("0 articles marked read"), "{again}");
    let bad = cli.run(&["mark-read", "foo:bar"]);
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("invalid query"), "{stderr}");
    assert_eq!(unread(&cli, "lang:en"), 3);
    let all = cli.ok(&["mark-read"]);
    assert!(all.contains("3 articles marked read"), "{all}");
    assert_eq!(unread(&cli, ""), 0);
}
