//! Tests of the tagger: decoding constraints, spans, model files, training determinism, and the
//! tagger's names in an analysis.

use super::features::Features;
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
    let tags = viterbi::viterbi(&f, |h, s| model.add(h, s));
    assert_eq!(tags, gold_of(&tokens));
}

fn person(start: usize, end: usize, title: Option<&str>) -> PersonMention {
    PersonMention {
        start,
        end,
        title: title.map(str::to_string),
        country: None,
        known: false,
    }
}

fn span(start: usize, end: usize, kind: EntityKind) -> Span {
    Span { start, end, kind }
}

/// The organisations and the number of people and places `decide` keeps.
fn decide_on(
    text: &str,
    people: &[PersonMention],
    places: &[PlaceMention],
    tagged: &[Span],
) -> (Vec<String>, usize, usize) {
    let findings = crate::analyze::entities::Findings {
        people,
        orgs: &[],
        places,
        tagged: None,
    };
    let decided = crate::analyze::decided::decide(text, &[], &findings, tagged);
    let orgs = decided.orgs.iter().map(|o| o.name.clone()).collect();
    (orgs, decided.people.len(), decided.places.len())
}

#[test]
fn the_tagger_adds_names_and_keeps_the_rules_on_a_disagreement() {
    let text = "Quorvex met Ann Lee in Paris.";
    let tagged = [
        span(0, 7, EntityKind::Organization),
        // Shorter than the rules' person and inside it: the rules keep it.
        span(12, 15, EntityKind::Place),
    ];
    let (orgs, people, places) = decide_on(text, &[person(12, 19, None)], &[], &tagged);
    assert_eq!(orgs, ["Quorvex"]);
    assert_eq!((people, places), (1, 0));
}

#[test]
fn a_longer_tagged_name_replaces_the_one_finding_it_covers() {
    let text = "Staff of Quorvex Lee Holdings and the Ministry met.";
    let tagged = [span(9, 29, EntityKind::Organization)];
    let (orgs, people, _) = decide_on(text, &[person(9, 20, None)], &[], &tagged);
    assert_eq!(orgs, ["Quorvex Lee Holdings"]);
    assert_eq!(people, 0);
    // A lone cue word is no organisation.
    let (orgs, _, _) = decide_on(text, &[], &[], &[span(38, 46, EntityKind::Organization)]);
    assert!(orgs.is_empty(), "{orgs:?}");
}

#[test]
fn a_tagged_name_never_swallows_two_findings_or_a_titled_person() {
    let text = "Ann Lee and Bo Wen Trust";
    let two = [person(0, 7, None), person(12, 18, None)];
    let (orgs, people, _) = decide_on(text, &two, &[], &[span(0, 24, EntityKind::Organization)]);
    assert!(orgs.is_empty());
    assert_eq!(people, 2);
    let titled = [person(12, 18, Some("Dr"))];
    let (orgs, people, _) = decide_on(
        text,
        &titled,
        &[],
        &[span(12, 24, EntityKind::Organization)],
    );
    assert!(orgs.is_empty());
    assert_eq!(people, 1);
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

#[test]
fn the_move_table_decodes_as_hashing_the_moves_does() {
    let model = shipped();
    for text in [
        "President Joe Biden met Bank of England governor Andrew Bailey in London on Monday.",
        "Le général Tiani a reçu à Niamey l'ambassadeur des États-Unis.",
        "OIL PRICES FALL\nShares of General Motors Corp rose, Reuters said.",
    ] {
        let (_, f) = features_of(text);
        let hashed = viterbi::viterbi(&f, |h, s| model.add(h, s));
        let table = viterbi::viterbi_with(
            &f,
            |h, s| model.add(h, s),
            |k, prev| model.moves(f.shape[k], prev),
        );
        assert_eq!(hashed, table, "{text}");
        assert!(hashed.iter().any(|&t| t != OUTSIDE), "{text}: names found");
        for shape in [0, 9, 31, 255] {
            for prev in [None, Some(0), Some(6)] {
                let mut scores = [0f32; SLOT];
                model.add(&viterbi::prev_move(shape, prev), &mut scores);
                assert_eq!(model.moves(shape, prev), scores);
            }
        }
    }
}
