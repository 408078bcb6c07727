//! Unit tests of the country patterns: an acronym in capitals is no town, and a family name of
//! a person named in full is no town either; own sentences in several languages.

use super::rule_tests::spans;
use super::*;

fn codes(a: &Analysis) -> Vec<&str> {
    a.countries.iter().map(|c| c.code.as_str()).collect()
}

#[test]
fn an_acronym_in_capitals_is_no_town() {
    for (text, lang) in [
        (
            "The regulator SAMA said deposits rose, SAMA data showed in Riyadh.",
            "en",
        ),
        (
            "Selon la SAMA, les réserves de change ont augmenté à Riyad.",
            "fr",
        ),
        ("La SAMA informó que las reservas crecieron en Riad.", "es"),
    ] {
        let a = analyze(text, 0, Some(lang));
        assert!(!codes(&a).contains(&"CN"), "{text}: {:?}", a.countries);
        assert!(codes(&a).contains(&"SA"), "{text}: {:?}", a.countries);
    }
    // A town's name set in capitals stays the town ("JEDDAH" is no acronym).
    let a = analyze("Officials met in JEDDAH on Monday.", 0, Some("en"));
    assert_eq!(codes(&a), ["SA"], "{:?}", a.countries);
}

#[test]
fn a_family_name_of_a_person_named_in_full_is_no_town() {
    for (text, lang) in [
        (
            "El ministro de Defensa, José Bono, dijo que Bono no dimitirá.",
            "es",
        ),
        (
            "Former defence minister José Bono arrived late; Bono then spoke for an hour.",
            "en",
        ),
        (
            "L'ancien ministre José Bono est arrivé ; Bono a ensuite parlé une heure.",
            "fr",
        ),
    ] {
        let a = analyze(text, 0, Some(lang));
        assert!(!codes(&a).contains(&"DE"), "{text}: {:?}", a.countries);
        let people = spans(&a, EntityKind::Person);
        assert!(people.contains(&"Bono"), "{text}: {people:?}");
    }
    // Without the person, the town is the town.
    let a = analyze("The conference opened in Bonn on Monday.", 0, Some("en"));
    assert!(codes(&a).contains(&"DE"), "{:?}", a.countries);
}
