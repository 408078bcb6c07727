//! Unit tests of the rules that keep common words out of the people: German nouns, saints'
//! names of places, month names in dates and quoted speech before its verb; own sentences.

use super::rule_tests::spans;
use super::*;

fn people(text: &str, lang: &str) -> Vec<String> {
    let a = analyze(text, 0, Some(lang));
    spans(&a, EntityKind::Person)
        .into_iter()
        .map(str::to_string)
        .collect()
}

#[test]
fn german_nouns_are_no_names() {
    let found = people(
        "Am Dienstag zogen Tausende Pendler durch die Innenstadt. Auf Plakaten stand „Ohne Zug \
         kein Job“. Ein Sprecher der Bahn nannte die Lage am Montag ernst, Anfang Februar soll \
         verhandelt werden. Die Gewerkschaft sprach von Fachkräften und Kraftwerken.",
        "de",
    );
    for noun in [
        "Ohne Zug",
        "Bahn",
        "Montag",
        "Anfang Februar",
        "von Fachkräften",
    ] {
        assert!(!found.iter().any(|p| p == noun), "{noun}: {found:?}");
    }
}

#[test]
fn a_german_role_before_a_given_name_is_no_part_of_it() {
    let found = people(
        "Am Abend sprach Finanzministerin Katrin Vogelsang in Hamburg, danach Bäcker Jonas Feld.",
        "de",
    );
    assert!(found.iter().any(|p| p == "Katrin Vogelsang"), "{found:?}");
    assert!(found.iter().any(|p| p == "Jonas Feld"), "{found:?}");
    assert!(!found.iter().any(|p| p.contains("Bäcker")), "{found:?}");
}

#[test]
fn a_word_after_a_german_article_and_before_a_verb_is_a_noun() {
    let found = people(
        "Ein Bauer aus dem Allgäu sagte, der Winter sei hart gewesen.",
        "de",
    );
    assert!(!found.iter().any(|p| p == "Allgäu"), "{found:?}");
}

#[test]
fn a_quotation_ends_before_its_speech_verb() {
    let found = people(
        "„Das dauert die ganze Woche“, sagte die Lehrerin. \"It takes a Season\", said the coach.",
        "de",
    );
    assert!(!found.iter().any(|p| p == "Woche"), "{found:?}");
    let found = people("\"We need Rain\", said the farmer.", "en");
    assert!(!found.iter().any(|p| p == "Rain"), "{found:?}");
}

#[test]
fn saints_names_are_places() {
    for (text, lang, name) in [
        (
            "Las lluvias cortaron la ruta cerca de Santa Rufina el domingo.",
            "es",
            "Santa Rufina",
        ),
        (
            "A chuva isolou São Bento do Norte durante dois dias.",
            "pt",
            "São Bento",
        ),
        (
            "Les pompiers sont arrivés à Saint-Véran vers midi.",
            "fr",
            "Saint",
        ),
    ] {
        let found = people(text, lang);
        assert!(
            !found.iter().any(|p| p.starts_with(name)),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_month_beside_a_number_is_a_date() {
    for (text, lang) in [
        (
            "OSAKA, Japan, Jan 9 (Wire) - Exporters said prices rose.",
            "en",
        ),
        ("The board meets on 14 June to review the plan.", "en"),
        ("El gobierno anunció el 3 Marzo nuevas medidas.", "es"),
    ] {
        let found = people(text, lang);
        assert!(
            !found
                .iter()
                .any(|p| ["Jan", "June", "Marzo"].contains(&p.as_str())),
            "{text}: {found:?}"
        );
    }
    // Without a number a month's abbreviation may be a given name.
    let found = people(
        "The mayor met Jan Kowalski on Jan 9 in the town hall.",
        "en",
    );
    assert_eq!(found, ["Jan Kowalski"]);
}
