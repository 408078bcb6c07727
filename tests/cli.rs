//! The `kiosk` binary as scripts use it: a temp store, real files, exit codes and JSON output.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        let env = Self {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        env.write("config.toml", "");
        env
    }

    fn kiosk(&self, args: &[&str]) -> Output {
        self.kiosk_with_stdin(args, "")
    }

    fn kiosk_with_stdin(&self, args: &[&str], stdin: &str) -> Output {
        Command::cargo_bin("kiosk")
            .expect("binary built")
            .args(args)
            .env("KIOSK_STORE", self.dir.path().join("store/kiosk.db"))
            .env("KIOSK_CONFIG", self.dir.path().join("config.toml"))
            .write_stdin(stdin.to_string())
            .output()
            .expect("runs")
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
        std::fs::write(&path, bytes).expect("write");
        path
    }

    fn list_json(&self, query: &[&str]) -> Vec<Value> {
        let mut args = vec!["list", "--json"];
        args.extend_from_slice(query);
        let output = self.kiosk(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8(output.stdout)
            .expect("utf-8")
            .lines()
            .map(|line| serde_json::from_str(line).expect("each line is JSON"))
            .collect()
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

const ARTICLE: &str = "Le Niger et les États-Unis discutent du retrait\n\n\
    Les autorités nigériennes ont reçu l'ambassadrice des États-Unis à Niamey mardi, selon un \
    communiqué. Elles attendent le calendrier du retrait des soldats américains.\n\n\
    La Russie a proposé de renforcer sa coopération militaire avec le pays.\n";

#[test]
fn version_and_help() {
    let env = Env::new();
    let output = env.kiosk(&["--version"]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("kiosk "));
    let output = env.kiosk(&["--help"]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("import"));
}

#[test]
fn import_list_show_round_trip_and_idempotence() {
    let env = Env::new();
    let file = env.write("RFI/2024-03-28-niger.txt", ARTICLE);
    let output = env.kiosk(&["import", arg(&file)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("added 1, duplicates 0, skipped 0"));

    let rows = env.list_json(&[]);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    for key in [
        "id",
        "external_id",
        "title",
        "source",
        "url",
        "published",
        "lang",
        "countries",
        "read",
        "starred",
    ] {
        assert!(row.get(key).is_some(), "list object has {key}: {row}");
    }
    assert_eq!(
        row["title"],
        "Le Niger et les États-Unis discutent du retrait"
    );
    assert_eq!(row["lang"], "fr");
    assert_eq!(row["source"], "RFI");
    assert_eq!(row["published"], "2024-03-28T00:00:00Z");

    let id = row["id"].to_string();
    let output = env.kiosk(&["show", &id, "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let shown: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert!(
        shown["body"]
            .as_str()
            .expect("body")
            .contains("La Russie a proposé")
    );
    assert_eq!(shown["original"], ARTICLE);

    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(ARTICLE);
    let copy = env.write("copies/latin1.txt", latin1);
    let output = env.kiosk(&["import", arg(&file), arg(&copy)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("added 0, duplicates 2, skipped 0"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn bad_files_exit_one_and_good_ones_land() {
    let env = Env::new();
    let good = env.write("good.txt", ARTICLE);
    let binary = env.write("blob.bin", [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0, 0, 7]);
    let empty = env.write("empty.txt", "");
    let output = env.kiosk(&["import", arg(&binary), arg(&good), arg(&empty)]);
    assert_eq!(output.status.code(), Some(1));
    let messages = stderr(&output);
    assert!(
        messages.contains("blob.bin: binary file, not text"),
        "{messages}"
    );
    assert!(messages.contains("empty.txt: empty file"), "{messages}");
    assert!(
        messages.contains("added 1, duplicates 0, skipped 2"),
        "{messages}"
    );
    assert_eq!(env.list_json(&[]).len(), 1);
}

#[test]
fn stdin_json_lines_and_queries() {
    let env = Env::new();
    let lines = concat!(
        r#"{"id": "a1", "title": "Sécheresse au Sahel", "body": "Les éleveurs de Côte d'Ivoire s'inquiètent.", "lang": "fr", "source": "Wire", "date": "2024-02-01"}"#,
        "\n",
        r#"{"id": "a2", "title": "Drought in the Sahel", "body": "Herders worry about the dry season.", "lang": "en", "source": "Other", "published": "2024-03-01T08:00:00Z"}"#,
        "\n"
    );
    let output = env.kiosk_with_stdin(&["import", "-"], lines);
    assert!(output.status.success(), "{}", stderr(&output));
    let titles = |query: &[&str]| -> Vec<String> {
        env.list_json(query)
            .iter()
            .map(|row| row["title"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(titles(&[]), ["Drought in the Sahel", "Sécheresse au Sahel"]);
    assert_eq!(titles(&["secheresse"]), ["Sécheresse au Sahel"]);
    assert_eq!(titles(&["cote", "d'ivoire"]), ["Sécheresse au Sahel"]);
    assert_eq!(titles(&["lang:en"]), ["Drought in the Sahel"]);
    assert_eq!(titles(&["source:wire"]), ["Sécheresse au Sahel"]);
    assert_eq!(titles(&["since:2024-02-15"]), ["Drought in the Sahel"]);
    assert_eq!(titles(&["until:2024-02-01"]), ["Sécheresse au Sahel"]);
    assert_eq!(
        titles(&["is:unread", "--limit", "1"]),
        ["Drought in the Sahel"]
    );
    assert_eq!(titles(&["is:starred"]), Vec::<String>::new());
}

#[test]
fn unknown_query_keys_are_usage_errors() {
    let env = Env::new();
    let output = env.kiosk(&["list", "niger", "colour:red"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("column 7: unknown key 'colour:'"),
        "{}",
        stderr(&output)
    );
    let output = env.kiosk(&["list", "--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn export_then_import_gives_the_same_articles() {
    let env = Env::new();
    let output = env.kiosk(&["import", "--sample"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let exported = env.kiosk(&["export", "--format", "jsonl"]);
    assert!(exported.status.success());
    let dump = env.write("dump.jsonl", &exported.stdout);
    let other = Env::new();
    let output = other.kiosk(&["import", arg(&dump)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let strip = |rows: Vec<Value>| -> Vec<Value> {
        rows.into_iter()
            .map(|mut row| {
                row.as_object_mut().expect("object").remove("id");
                row
            })
            .collect()
    };
    let before = strip(env.list_json(&["--sort", "title"]));
    assert!(before.len() >= 60);
    let after = strip(other.list_json(&["--sort", "title"]));
    assert_eq!(before.len(), after.len());
    for (a, b) in before.iter().zip(&after) {
        assert_eq!(a, b);
    }
    for row in env.list_json(&["--limit", "5"]) {
        let id = row["id"].to_string();
        let body_of = |env: &Env, id: &str| -> Value {
            serde_json::from_slice::<Value>(&env.kiosk(&["show", id, "--json"]).stdout)
                .expect("json")["body"]
                .clone()
        };
        let twin = other.list_json(&[&format!("\"{}\"", row["title"].as_str().unwrap_or(""))]);
        assert_eq!(
            body_of(&env, &id),
            body_of(&other, &twin[0]["id"].to_string())
        );
    }
}

#[test]
fn broken_config_and_missing_article_are_named() {
    let env = Env::new();
    env.write(
        "config.toml",
        "[import]\nrepeated_paragraph_threshold = \"three\"\n",
    );
    let output = env.kiosk(&["list"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("config.toml") && message.contains("line 2"),
        "{message}"
    );
    let env = Env::new();
    env.write("config.toml", "[imports]\n");
    let message = stderr(&env.kiosk(&["list"]));
    assert!(message.contains("unknown field `imports`"), "{message}");
    let env = Env::new();
    let output = env.kiosk(&["show", "42"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no article with id 42"));
}

#[test]
fn store_path_that_is_not_a_database() {
    let env = Env::new();
    let bogus = env.write(
        "bogus.db",
        "this is a text file, not a database, and long enough to show it",
    );
    let output = Command::cargo_bin("kiosk")
        .expect("binary")
        .args(["--store", arg(&bogus), "list"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("bogus.db is not a kiosk store"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn stats_counts_the_sample() {
    let env = Env::new();
    env.kiosk(&["import", "--sample"]);
    let output = env.kiosk(&["stats", "--json"]);
    let stats: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert!(stats["articles"].as_u64().expect("count") >= 60);
}

#[test]
fn two_processes_import_into_one_store_at_once() {
    let env = Env::new();
    let mut files = Vec::new();
    for batch in 0..2 {
        let mut lines = String::new();
        for n in 0..300 {
            lines.push_str(&format!(
                "{{\"id\": \"{batch}-{n}\", \"title\": \"Batch {batch} story {n}\", \"body\": \"Paragraph {n} of batch {batch}.\", \"lang\": \"en\"}}\n"
            ));
        }
        files.push(env.write(&format!("batch{batch}.jsonl"), lines));
    }
    let spawn = |file: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .args(["import", arg(file)])
            .env("KIOSK_STORE", env.dir.path().join("store/kiosk.db"))
            .env("KIOSK_CONFIG", env.dir.path().join("config.toml"))
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawns")
    };
    let (first, second) = (spawn(&files[0]), spawn(&files[1]));
    for child in [first, second] {
        let output = child.wait_with_output().expect("waits");
        assert!(output.status.success(), "{}", stderr(&output));
    }
    assert_eq!(env.list_json(&[]).len(), 600);
}

#[test]
fn analysis_is_stored_at_import_and_filters_by_country() {
    let env = Env::new();
    let file = env.write("RFI/2024-03-28-niger.txt", ARTICLE);
    env.kiosk(&["import", arg(&file)]);
    let rows = env.list_json(&[]);
    let countries = rows[0]["countries"].as_array().expect("countries");
    assert!(
        countries.contains(&Value::from("NE")) && countries.contains(&Value::from("US")),
        "{countries:?}"
    );
    for query in [
        "country:NE",
        "country:niger",
        "country:Níger",
        "mentions:RU",
    ] {
        assert_eq!(env.list_json(&[query]).len(), 1, "{query}");
    }
    assert!(env.list_json(&["country:JP"]).is_empty());
    assert_eq!(env.list_json(&["--", "-country:NE"]).len(), 0);
    assert_eq!(env.list_json(&["lang:fr -country:NE"]).len(), 0);

    let id = rows[0]["id"].to_string();
    let shown: Value =
        serde_json::from_slice(&env.kiosk(&["show", &id, "--json"]).stdout).expect("json");
    let stored = shown["countries"].as_array().expect("countries");
    let niger = stored
        .iter()
        .find(|country| country["code"] == "NE")
        .expect("NE analysed");
    assert_eq!(niger["about"], true);
    assert!(niger["score"].as_f64().is_some() && niger["mentions"].as_u64().is_some());

    let output = env.kiosk(&["countries", "--json"]);
    let rows: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("json"))
        .collect();
    let niger = rows
        .iter()
        .find(|row| row["code"] == "NE")
        .expect("NE counted");
    assert_eq!(
        (niger["articles"].as_u64(), niger["name"].as_str()),
        (Some(1), Some("Niger"))
    );

    let output = env.kiosk(&["reanalyze"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("reanalysed 1 articles"));
}

#[test]
fn analyze_prints_the_design_shape() {
    let env = Env::new();
    let output = env.kiosk_with_stdin(&["analyze", "-", "--json"], ARTICLE);
    assert!(output.status.success(), "{}", stderr(&output));
    let analysis: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(analysis["lang"], "fr");
    let about: Vec<&str> = analysis["countries"]
        .as_array()
        .expect("countries")
        .iter()
        .filter(|country| country["about"] == true)
        .filter_map(|country| country["code"].as_str())
        .collect();
    assert!(about.contains(&"NE") && about.contains(&"US"), "{about:?}");
    for mention in analysis["mentions"].as_array().expect("mentions") {
        let (start, end) = (
            usize::try_from(mention["start"].as_u64().expect("start")).expect("an offset"),
            usize::try_from(mention["end"].as_u64().expect("end")).expect("an offset"),
        );
        assert_eq!(
            &ARTICLE[start..end],
            mention["text"].as_str().expect("text"),
            "offsets are byte offsets into the input"
        );
        assert!(
            ["person", "organization", "place", "country"]
                .contains(&mention["kind"].as_str().expect("kind"))
        );
    }
}
