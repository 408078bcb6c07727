//! Tests of the tagger: decoding constraints, spans, model files, training determinism, and the
//! tagger's names in an analysis.

use super::train::{Example, Settings, train};
use super::*;

#[test]
fn a_continuation_follows_only_its_own_kind() {
    // 1 B-PER, 2 I-PER, 3 B-ORG, 4 I-ORG.
    assert!(allowed(Scored::Always, 1, 2));
    assert!(allowed(Scored::Always, 2, 2));
    assert!(!allowed(Scored::Always, 3, 2));
    assert!(!allowed(Scored::Always, OUTSIDE, 2));
    assert!(allowed(Scored::Always, OUTSIDE, 3));
    // A lower-case connector only continues a name.
    assert!(!allowed(Scored::Inside, 3, 3));
    assert!(allowed(Scored::Inside, 3, 4));
    assert!(!allowed(Scored::Never, 1, 2));
}

#[test]
fn model_files_round_trip_and_bad_ones_are_refused() {
    let weights: Vec<f32> = (0..SLOT << 8)
        .map(|k| f32::from(u8::try_from(k % 7).expect("below 7")) - 3.0)
        .collect();
    let bytes = Model::serialize(8, &weights);
    let model = Model::parse(&bytes).expect("parses");
    assert_eq!(model.weights.len(), SLOT << 8);
    assert_eq!(model.weights[3], 0);
    assert_eq!(model.weights[6], i16::MAX);
    assert!(Model::parse(b"nope").is_err());
    assert!(Model::parse(&bytes[..bytes.len() - 2]).is_err());
}

#[test]
fn the_shipped_model_parses() {
    let model = &*MODEL;
    assert!(model.weights.iter().any(|&w| w != 0), "a trained model");
}

/// The tokens, hits and rule findings of a text, for feature extraction in tests.
fn features_of(text: &str) -> (Vec<(usize, usize)>, Features) {
    crate::analyze::training::prepare(text, Some("en"))
}

#[test]
fn only_capitalised_words_and_connectors_between_them_are_scored() {
    let (tokens, f) = features_of("the Bank of England said on Monday that rates fell");
    let scored: Vec<Scored> = f.scored.clone();
    assert_eq!(tokens.len(), scored.len());
    assert_eq!(scored[0], Scored::Never);
    assert_eq!(scored[1], Scored::Always);
    assert_eq!(scored[2], Scored::Inside);
    assert_eq!(scored[3], Scored::Always);
    assert!(f.of(0).is_empty() && !f.of(1).is_empty());
}

#[test]
fn a_tiny_training_run_is_deterministic_and_learns() {
    let text = "Yesterday Zorblat Quim met Frobnik Ltd in Wexlor. Zorblat Quim left.";
    let gold_of = |tokens: &[(usize, usize)]| -> Vec<u8> {
        tokens
            .iter()
            .map(
                |&(s, _)| match text[s..].split([' ', '.']).next().unwrap_or("") {
                    "Zorblat" => 1,
                    "Quim" => 2,
                    "Frobnik" => 3,
                    "Ltd" => 4,
                    "Wexlor" => 5,
                    _ => 0,
                },
            )
            .collect()
    };
    let run = || {
        let (tokens, f) = features_of(text);
        let gold = gold_of(&tokens);
        let settings = Settings {
            bits: 10,
            epochs: 5,
            seed: 7,
        };
        train(&[Example::new(f, gold)], settings, |_, _| ())
    };
    let (a, b) = (run(), run());
    assert_eq!(a, b, "two runs give the same bytes");
    let model = Model::parse(&a).expect("parses");
    let (tokens, f) = features_of(text);
    let tags = decode(&f, |h, s| model.add(h, s), |_, _, t| t);
    assert_eq!(tags, gold_of(&tokens));
}

#[test]
fn the_tagger_adds_only_names_that_no_rule_or_hit_touches() {
    let text = "Quorvex met Ann Lee in Paris.";
    let rule_person = PersonMention {
        start: 12,
        end: 19,
        title: None,
        country: None,
        known: false,
    };
    let findings = crate::analyze::entities::Findings {
        people: std::slice::from_ref(&rule_person),
        orgs: &[],
        places: &[],
        tagged: None,
    };
    let tagged = [
        Span {
            start: 0,
            end: 7,
            kind: EntityKind::Organization,
        },
        // Overlaps the rules' person: the rules keep it.
        Span {
            start: 12,
            end: 15,
            kind: EntityKind::Place,
        },
    ];
    let decided = crate::analyze::decided::decide(text, &[], &findings, &tagged);
    let orgs: Vec<&str> = decided.orgs.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(orgs, ["Quorvex"]);
    assert!(decided.places.is_empty());
    assert_eq!(decided.people.len(), 1);
}

#[test]
fn the_shipped_model_is_the_one_training_declares() {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(include_bytes!("../../../assets/ner.model"));
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let readme = include_str!("../../../assets/README.md");
    assert!(
        readme.contains(&hex),
        "assets/ner.model ({hex}) is not the model assets/README.md declares: retrain or update it"
    );
}
