//! `[analysis] max_bytes`: a text over the cap is analysed on its first part, cut at a space,
//! and both outputs of `kiosk analyze` say so; under the cap nothing changes.

use assert_cmd::Command;
use serde_json::Value;

const TEXT: &str = "Le Niger et le Mali discutent\n\n\
    Les autorités nigériennes ont reçu à Niamey mardi une délégation venue de Bamako, selon un \
    communiqué publié le soir même par la présidence.\n\n\
    Plus loin dans le texte, la Russie et le Brésil sont nommés à leur tour.\n";

fn analyze(config: &str, args: &[&str]) -> (Value, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let config_path = dir.path().join("config.toml");
    std::fs::write(&config_path, config).expect("config");
    let run = |extra: &[&str]| {
        let output = Command::cargo_bin("kiosk")
            .expect("binary built")
            .args(["analyze", "-"])
            .args(extra)
            .env("KIOSK_STORE", dir.path().join("kiosk.db"))
            .env("KIOSK_CONFIG", &config_path)
            .write_stdin(TEXT)
            .output()
            .expect("runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    };
    let mut json_args = vec!["--json"];
    json_args.extend_from_slice(args);
    let json = serde_json::from_str(&run(&json_args)).expect("json");
    (json, run(args))
}

fn codes(analysis: &Value) -> Vec<&str> {
    analysis["countries"]
        .as_array()
        .expect("countries")
        .iter()
        .filter_map(|country| country["code"].as_str())
        .collect()
}

#[test]
fn a_text_over_the_cap_is_analysed_on_its_first_part_and_says_so() {
    let cap = TEXT.find("Russie").expect("in the text") - 10;
    let (json, text) = analyze(&format!("[analysis]\nmax_bytes = {cap}\n"), &[]);
    let cut = &json["truncated"];
    let analysed =
        usize::try_from(cut["analysed_bytes"].as_u64().expect("analysed bytes")).expect("fits");
    assert!(analysed <= cap && analysed > cap / 2, "{cut}");
    assert_eq!(cut["text_bytes"].as_u64(), Some(TEXT.len() as u64));
    // Cut at a space, never inside a word.
    assert!(
        TEXT[analysed..].starts_with(char::is_whitespace),
        "{:?}",
        &TEXT[analysed..]
    );
    let found = codes(&json);
    assert!(found.contains(&"NE") && !found.contains(&"RU"), "{found:?}");
    for mention in json["mentions"].as_array().expect("mentions") {
        assert!(
            mention["end"].as_u64().expect("end") <= analysed as u64,
            "{mention}"
        );
    }
    assert!(
        text.contains(&format!(
            "analysed   the first {analysed} of {} bytes",
            TEXT.len()
        )),
        "{text}"
    );
}

#[test]
fn a_text_under_the_cap_is_analysed_whole_without_a_note() {
    let (json, text) = analyze("", &[]);
    assert!(json.get("truncated").is_none(), "{json}");
    assert!(codes(&json).contains(&"RU"), "{json}");
    assert!(!text.contains("analysed "), "{text}");
}
