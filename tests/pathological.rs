//! Pathological sizes through the built binary, in CI-sized versions (README "Reliability" has
//! the full-sized runs and their time and memory): a JSON line or array element over
//! `[import] max_line_bytes` and a file over `max_file_bytes` cost one line naming them and the
//! rest imports; nesting 100,000 deep, a 1 MB title and a body of 100,000 lines are bounded; a
//! folder of many files imports whole.

#[path = "support/cli.rs"]
mod cli;

use cli::Cli;

/// Limits low enough that the oversized inputs below stay small.
const LOW_LIMITS: &str = "[import]\nmax_line_bytes = 100000\nmax_file_bytes = 200000\n";

fn line(n: usize) -> String {
    format!(
        "{{\"id\": \"a{n}\", \"title\": \"Article {n}\", \"body\": \"Body of article {n}.\"}}\n"
    )
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The lines of `text` that mention `needle`.
fn mentions<'a>(text: &'a str, needle: &str) -> Vec<&'a str> {
    text.lines().filter(|line| line.contains(needle)).collect()
}

fn count(cli: &Cli) -> usize {
    cli.json_lines(&["list", "--json", "--limit", "100000"])
        .len()
}

#[test]
fn a_json_line_over_the_limit_is_refused_in_one_line_and_the_rest_imports() {
    let cli = Cli::new(LOW_LIMITS);
    // A 2 MB single-line object (20 times the limit), in the middle of the file.
    let huge = format!(
        "{{\"title\": \"Huge\", \"body\": \"{}\"}}\n",
        "word ".repeat(420_000)
    );
    let text = format!("{}{}{huge}{}", line(1), line(2), line(3) + &line(4));
    let path = cli.write("big.jsonl", &text);
    let output = cli.run(&["import", &path]);
    let errors = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{errors}");
    let refused = mentions(&errors, "max_line_bytes");
    assert_eq!(refused.len(), 1, "{errors}");
    assert!(
        refused[0].starts_with(&format!(
            "skipped: {path}:3: a line of 2.0 MiB, over the 97.7 KiB"
        )),
        "{errors}"
    );
    assert_eq!(count(&cli), 4);
}

#[test]
fn an_array_element_over_the_limit_is_refused_and_the_elements_after_it_import() {
    let cli = Cli::new(LOW_LIMITS);
    let objects: Vec<String> = (1..=200).map(|n| line(n).trim_end().to_string()).collect();
    let huge = format!(
        "{{\"title\": \"Huge\", \"body\": \"{}\"}}",
        "mot ".repeat(100_000)
    );
    // One line, streamed (well over the 64 KiB head): 100 articles, the huge one, 100 more.
    let text = format!(
        "[{},{huge},{}]",
        objects[..100].join(","),
        objects[100..].join(",")
    );
    let path = cli.write("array.json", &text);
    let output = cli.run(&["import", &path]);
    let errors = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{errors}");
    let refused = mentions(&errors, "max_line_bytes");
    assert_eq!(refused.len(), 1, "{errors}");
    assert!(
        refused[0].starts_with(&format!("skipped: {path}:1: item 101 of 390.")),
        "{errors}"
    );
    assert_eq!(count(&cli), 200);
}

#[test]
fn a_file_over_the_limit_is_refused_and_the_folder_goes_on() {
    let cli = Cli::new(LOW_LIMITS);
    let folder = cli.dir.path().join("news");
    std::fs::create_dir(&folder).expect("folder");
    let big = format!("A big text\n\n{}", "Paragraph of words.\n\n".repeat(20_000));
    std::fs::write(folder.join("big.txt"), big).expect("big");
    std::fs::write(
        folder.join("small.txt"),
        "A small text\n\nIts only paragraph.\n",
    )
    .expect("small");
    let output = cli.run(&["import", folder.to_str().expect("utf-8")]);
    let errors = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{errors}");
    let refused = mentions(&errors, "max_file_bytes");
    assert_eq!(refused.len(), 1, "{errors}");
    assert!(
        refused[0].contains("big.txt: a file read whole larger than"),
        "{errors}"
    );
    let titles = cli.ok(&["list"]);
    assert!(
        titles.contains("A small text") && !titles.contains("A big text"),
        "{titles}"
    );
}

#[test]
fn nesting_100000_deep_is_one_invalid_line() {
    let cli = Cli::new("");
    let deep = format!(
        "{{\"title\": \"Deep\", \"body\": \"x\", \"extra\": {}1{}}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let path = cli.write("deep.jsonl", &(line(1) + &deep + &line(2)));
    let output = cli.run(&["import", &path]);
    let errors = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{errors}");
    assert_eq!(
        mentions(&errors, "skipped: "),
        [format!(
            "skipped: {path}:2: invalid JSON: recursion limit exceeded"
        )],
    );
    assert_eq!(count(&cli), 2);
}

#[test]
fn a_1_mb_title_and_a_body_of_100000_lines_import_bounded() {
    let cli = Cli::new("");
    let title = "Long title words ".repeat(60_000);
    let body = "One short line of the body.\\n".repeat(100_000);
    let text = format!(
        "{{\"title\": \"{title}\", \"body\": \"Short body.\"}}\n{{\"title\": \"Many lines\", \"body\": \"{body}\"}}\n"
    );
    let path = cli.write("sizes.jsonl", &text);
    let output = cli.run(&["import", &path]);
    let errors = stderr(&output);
    assert!(output.status.success(), "{errors}");
    assert!(errors.contains("title cut to 1000 characters"), "{errors}");
    let listed = cli.json_lines(&["list", "--json"]);
    assert_eq!(listed.len(), 2);
    let titles: Vec<usize> = listed
        .iter()
        .map(|article| article["title"].as_str().expect("title").chars().count())
        .collect();
    assert!(titles.iter().all(|&chars| chars <= 1000), "{titles:?}");
    let id = listed
        .iter()
        .find(|article| article["title"] == "Many lines")
        .map(|article| article["id"].to_string())
        .expect("the long body");
    let shown = cli.run(&["show", &id, "--json"]);
    let shown: serde_json::Value = serde_json::from_slice(&shown.stdout).expect("show --json");
    let body = shown["body"].as_str().expect("body");
    assert_eq!(body.matches("One short line of the body.").count(), 100_000);
}

#[test]
fn a_folder_of_many_files_imports_every_one() {
    // 10,000 in the README's run; 1,000 here keeps the debug build within seconds.
    let files = std::env::var("KIOSK_TEST_FOLDER_FILES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let cli = Cli::new("");
    let folder = cli.dir.path().join("many");
    std::fs::create_dir(&folder).expect("folder");
    for n in 0..files {
        let text = format!("Note {n}\n\nThe note numbered {n}, about Mali.\n");
        std::fs::write(folder.join(format!("note-{n:05}.txt")), text).expect("write");
    }
    let output = cli.run(&["import", folder.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(count(&cli), files);
}
