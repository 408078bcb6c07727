//! `kiosk delete`, `tag` and `untag` on the built binary with a temp store: a dry run deletes
//! nothing, `--yes` deletes for good (a re-import and a refetch from a feed served on
//! 127.0.0.1 do not bring the articles back), tags filter with `tag:` and show in the JSON.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/server.rs"]
mod server;

use cli::Cli;
use server::Response;

fn articles() -> String {
    (1..=6)
        .map(|i| {
            let lang = if i % 2 == 0 { "fr" } else { "en" };
            format!(
                r#"{{"id":"a-{i}","title":"Article {i}","body":"Body {i} about Niamey.","source":"RFI","lang":"{lang}","published":"2024-01-0{i}T08:00:00Z","url":"https://example.org/{i}"}}"#
            ) + "\n"
        })
        .collect()
}

fn titles(cli: &Cli, query: &str) -> Vec<String> {
    cli.json_lines(&["list", "--json", "--", query])
        .iter()
        .map(|line| line["title"].as_str().expect("title").to_string())
        .collect()
}

#[test]
fn delete_is_a_dry_run_until_yes_and_a_reimport_does_not_bring_it_back() {
    let cli = Cli::new("");
    let file = cli.write("articles.jsonl", &articles());
    cli.ok(&["import", &file]);
    let dry = cli.ok(&["delete", "lang:fr"]);
    assert!(dry.contains("would delete 3 articles"), "{dry}");
    assert!(
        dry.contains("Article 6") && dry.contains("Article 2"),
        "{dry}"
    );
    assert!(dry.contains("--yes"), "{dry}");
    assert_eq!(titles(&cli, "").len(), 6, "a dry run deletes nothing");

    let done = cli.ok(&["delete", "lang:fr", "--yes"]);
    assert!(done.contains("deleted 3 articles"), "{done}");
    assert_eq!(titles(&cli, ""), ["Article 5", "Article 3", "Article 1"]);
    assert!(titles(&cli, "niamey lang:fr").is_empty());
    let stats = cli.ok(&["stats"]);
    assert!(stats.contains("articles   3"), "{stats}");

    cli.ok(&["import", &file]);
    assert_eq!(titles(&cli, "").len(), 3, "deleted articles came back");
    // Without a query, delete refuses: it would take everything.
    assert_eq!(cli.run(&["delete", "", "--yes"]).status.code(), Some(2));
    assert_eq!(titles(&cli, "").len(), 3);
}

#[test]
fn a_deleted_feed_item_does_not_come_back_on_the_next_fetch() {
    let base = server::start(|_| {
        Response::new(200, server::rss("wire", 3)).with("Content-Type", "application/rss+xml")
    });
    let cli = Cli::new("");
    cli.ok(&["feeds", "add", &format!("{base}/feed"), "--name", "Wire"]);
    cli.ok(&["fetch"]);
    assert_eq!(titles(&cli, "").len(), 3);
    cli.ok(&["delete", "\"wire story 1\"", "--yes"]);
    cli.ok(&["fetch"]);
    let left = titles(&cli, "");
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(!left.contains(&"wire story 1".to_string()));
}

#[test]
fn tag_and_untag_change_what_tag_matches_and_the_json() {
    let cli = Cli::new("");
    let file = cli.write("articles.jsonl", &articles());
    cli.ok(&["import", &file]);
    let out = cli.ok(&["tag", "lang:en", "Sahel"]);
    assert!(out.contains("tagged 3 articles sahel"), "{out}");
    assert_eq!(
        titles(&cli, "tag:sahel"),
        ["Article 5", "Article 3", "Article 1"]
    );
    assert_eq!(titles(&cli, "-tag:Sahel").len(), 3);
    let lines = cli.json_lines(&["list", "--json", "--limit", "2"]);
    assert_eq!(lines[0]["tags"], serde_json::json!([]));
    assert_eq!(lines[1]["tags"], serde_json::json!(["sahel"]));
    // The contract's fields keep their order; tags come last.
    let raw = cli.ok(&["list", "--json", "--limit", "2"]);
    let second = raw.lines().nth(1).expect("two lines");
    assert!(second.starts_with(r#"{"id":"#), "{second}");
    assert!(
        second.ends_with(r#""starred":false,"tags":["sahel"]}"#),
        "{second}"
    );
    let id = lines[1]["id"].to_string();
    let show: serde_json::Value =
        serde_json::from_str(&cli.ok(&["show", &id, "--json"])).expect("json");
    assert_eq!(show["tags"], serde_json::json!(["sahel"]));
    let out = cli.ok(&["untag", "Article", "3", "sahel"]);
    assert!(out.contains("untagged 1 article sahel"), "{out}");
    assert_eq!(titles(&cli, "tag:sahel"), ["Article 5", "Article 1"]);
    assert_eq!(cli.run(&["tag", "lang:en"]).status.code(), Some(2));
}
