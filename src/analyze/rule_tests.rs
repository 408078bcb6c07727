//! Unit tests of the span and ambiguity rules (names, towns, events), on sentences written for
//! them in several languages.

use super::*;

fn codes(a: &Analysis) -> Vec<&str> {
    a.countries.iter().map(|c| c.code.as_str()).collect()
}

pub(super) fn spans(a: &Analysis, kind: EntityKind) -> Vec<&str> {
    a.mentions
        .iter()
        .filter(|m| m.kind == kind)
        .map(|m| m.text.as_str())
        .collect()
}

#[test]
fn common_words_and_given_names_are_no_countries() {
    for (text, lang) in [
        (
            "Add Salt and pepper, then Delta Air Lines said Alan would fly.",
            "en",
        ),
        (
            "The Canton fair and Spring sales lifted the Liberal party.",
            "en",
        ),
        ("Alan a rencontré Dave et Graham à la gare.", "fr"),
        (
            "He sailed to the Island with English and Swiss friends.",
            "en",
        ),
    ] {
        let a = analyze(text, 0, Some(lang));
        for code in ["JO", "FR", "CN", "AX", "US", "MM", "IS", "ES", "CA"] {
            assert!(!codes(&a).contains(&code), "{text}: {:?}", a.countries);
        }
    }
}

#[test]
fn a_small_town_needs_the_text_to_show_a_place() {
    let a = analyze("Graham scored twice for the visitors.", 0, Some("en"));
    assert!(spans(&a, EntityKind::Place).is_empty(), "{:?}", a.mentions);
    let a = analyze("The plant in Graham, Texas, will close.", 0, Some("en"));
    assert!(codes(&a).contains(&"US"), "{:?}", a.countries);
    let a = analyze("Il est né à Montigny et vit à Paris.", 0, Some("fr"));
    assert!(spans(&a, EntityKind::Place).contains(&"Paris"));
}

#[test]
fn middle_initials_and_suffixes_stay_inside_a_name() {
    let a = analyze(
        "The unit was led by William T. Sherman and later by John C. Scheidt Jr. in 1950.",
        0,
        Some("en"),
    );
    let people = spans(&a, EntityKind::Person);
    assert!(people.contains(&"William T. Sherman"), "{people:?}");
    assert!(people.contains(&"John C. Scheidt Jr"), "{people:?}");
}

#[test]
fn titles_and_roles_stay_outside_a_name() {
    let a = analyze(
        "County Coroner Ana Ruiz spoke; le citoyen Bouvier et MM. Sarrien et Dufour aussi.",
        0,
        None,
    );
    let people = spans(&a, EntityKind::Person);
    assert!(people.contains(&"Ana Ruiz"), "{people:?}");
    assert!(people.contains(&"Bouvier"), "{people:?}");
    assert!(people.contains(&"Dufour"), "{people:?}");
}

#[test]
fn lone_given_names_and_speakers_are_people() {
    let a = analyze("His wife, Alice, reported the theft.", 0, Some("en"));
    assert_eq!(spans(&a, EntityKind::Person), ["Alice"], "{:?}", a.mentions);
    let a = analyze("\"It is too late,\" says Okonkwo.", 0, Some("en"));
    assert_eq!(
        spans(&a, EntityKind::Person),
        ["Okonkwo"],
        "{:?}",
        a.mentions
    );
}

#[test]
fn events_and_awards_are_not_people_or_places() {
    let a = analyze(
        "Since the Paris Agreement, the Golden Lion Awards and the Second Battle of Ypres...",
        0,
        Some("en"),
    );
    assert!(spans(&a, EntityKind::Person).is_empty(), "{:?}", a.mentions);
    assert!(!spans(&a, EntityKind::Place).contains(&"Paris"));
    let a = analyze(
        "Après la guerre, le Prix Goncourt est allé à Marie Ndiaye.",
        0,
        None,
    );
    assert_eq!(
        spans(&a, EntityKind::Person),
        ["Marie Ndiaye"],
        "{:?}",
        a.mentions
    );
}

#[test]
fn a_possessive_is_not_part_of_the_name() {
    let a = analyze(
        "Lawyers for Jane Carder's family said Carder’s rights were ignored.",
        0,
        Some("en"),
    );
    assert_eq!(spans(&a, EntityKind::Person), ["Jane Carder", "Carder"]);
}

#[test]
fn names_built_around_a_place_are_organisations_or_regions() {
    let a = analyze(
        "The fans of Perth Glory met staff of Sony Australia and the Bank of Scotland.",
        0,
        Some("en"),
    );
    assert_eq!(
        spans(&a, EntityKind::Organization),
        ["Perth Glory", "Sony Australia", "Bank of Scotland"]
    );
    assert!(codes(&a).contains(&"AU"), "the place inside still counts");
    let a = analyze(
        "Trains ran through East Perth and Western Australia.",
        0,
        Some("en"),
    );
    assert_eq!(
        spans(&a, EntityKind::Place),
        ["East Perth", "Western Australia"]
    );
    // A compass word after a place makes no organisation; French does not capitalise names so.
    let a = analyze("A cover of Kanye West appeared.", 0, Some("en"));
    assert!(
        spans(&a, EntityKind::Organization).is_empty(),
        "{:?}",
        a.mentions
    );
    let a = analyze("Il arrive à Bordeaux Mardi soir.", 0, Some("fr"));
    assert!(
        spans(&a, EntityKind::Organization).is_empty(),
        "{:?}",
        a.mentions
    );
}

#[test]
fn english_articles_and_speech_verbs_settle_names() {
    let a = analyze(
        "Workers saved the Clyde shipyards. Fans bought A Beautiful Lie on release.",
        0,
        Some("en"),
    );
    assert!(spans(&a, EntityKind::Person).is_empty(), "{:?}", a.mentions);
    let a = analyze(
        "The court met. Klein said nothing. Officials said little, says Dietrich from the board.",
        0,
        Some("en"),
    );
    assert_eq!(spans(&a, EntityKind::Person), ["Klein", "Dietrich"]);
}

#[test]
fn lone_unknown_words_are_surnames_or_small_places() {
    let a = analyze(
        "The judge cleared Duffy of all charges and the crowd cheered Kerber.",
        0,
        Some("en"),
    );
    assert_eq!(spans(&a, EntityKind::Person), ["Duffy", "Kerber"]);
    // Not a family name, a people or a plural: no person.
    let a = analyze(
        "Traders met Athenians, bought Albums and praised Zqxwv.",
        0,
        Some("en"),
    );
    assert!(spans(&a, EntityKind::Person).is_empty(), "{:?}", a.mentions);
    let a = analyze(
        "The station in Badarpur closed. Il vit à Rochechouart.",
        0,
        None,
    );
    assert_eq!(spans(&a, EntityKind::Place), ["Badarpur", "Rochechouart"]);
}

#[test]
fn things_named_like_people_are_no_people() {
    for text in [
        "The 2007 Bowling Green Falcons lost.",
        "Pilots flew the F-86 Sabre and the band 30 Seconds to Mars played.",
        "Fans sang \"Hunter\" all night.",
    ] {
        let a = analyze(text, 0, Some("en"));
        assert!(
            spans(&a, EntityKind::Person).is_empty(),
            "{text}: {:?}",
            a.mentions
        );
    }
    // A numbered list of people keeps them.
    let a = analyze("Décès : 16 Alexandre Genu, 3 Anne Dubois.", 0, Some("fr"));
    assert_eq!(
        spans(&a, EntityKind::Person),
        ["Alexandre Genu", "Anne Dubois"]
    );
}

#[test]
fn headings_and_lone_organisation_words_are_no_organisations() {
    let a = analyze("UN DISCOURS AU CONSEIL. Le Conseil a voté.", 0, Some("fr"));
    assert!(
        spans(&a, EntityKind::Organization).is_empty(),
        "{:?}",
        a.mentions
    );
    let a = analyze("The UN Security Council met.", 0, Some("en"));
    assert!(
        !spans(&a, EntityKind::Organization).is_empty(),
        "{:?}",
        a.mentions
    );
}

#[test]
fn towns_of_several_words_and_towns_before_their_region() {
    let a = analyze(
        "The cars left Atlantic City at dawn. She moved to Debden, England, then Paxton, Illinois.",
        0,
        Some("en"),
    );
    let places = spans(&a, EntityKind::Place);
    for place in ["Atlantic City", "Debden", "Paxton"] {
        assert!(places.contains(&place), "{place}: {:?}", a.mentions);
    }
    assert!(spans(&a, EntityKind::Person).is_empty(), "{:?}", a.mentions);
    // A person before ", Country" stays a person.
    let a = analyze("The coach was Alan Smith, England.", 0, Some("en"));
    assert!(
        !spans(&a, EntityKind::Place).contains(&"Alan Smith"),
        "{:?}",
        a.mentions
    );
    let a = analyze("They appealed to the U.S. Supreme Court.", 0, Some("en"));
    assert_eq!(spans(&a, EntityKind::Organization), ["U.S. Supreme Court"]);
}

#[test]
fn a_common_noun_announces_the_kind_of_the_name_after_it() {
    let a = analyze(
        "Fans of the band Deadsy flew to the village of Atwick.",
        0,
        Some("en"),
    );
    assert_eq!(spans(&a, EntityKind::Organization), ["Deadsy"]);
    assert_eq!(spans(&a, EntityKind::Place), ["Atwick"]);
    let a = analyze(
        "La société Areva quitte la ville d'Arlit et la commune de Lens.",
        0,
        Some("fr"),
    );
    assert_eq!(spans(&a, EntityKind::Organization), ["Areva"]);
    assert_eq!(spans(&a, EntityKind::Place), ["Arlit", "Lens"]);
    // "the party of Lincoln" names a person, not a party.
    let a = analyze("It was the party of Lincoln then.", 0, Some("en"));
    assert!(
        spans(&a, EntityKind::Organization).is_empty(),
        "{:?}",
        a.mentions
    );
}

#[test]
fn a_census_given_name_opens_a_name_at_a_sentence_start() {
    let a = analyze(
        "Kory Lichtensteiger was named. Later Smith left.",
        0,
        Some("en"),
    );
    assert!(
        spans(&a, EntityKind::Person).contains(&"Kory Lichtensteiger"),
        "{:?}",
        a.mentions
    );
}

#[test]
fn capitals_in_old_french_print_are_words_or_names() {
    let a = analyze(
        "ETUDE de M. ANDRE, notaire. Le PRIX du pain et les prix montent.",
        0,
        Some("fr"),
    );
    assert!(
        spans(&a, EntityKind::Organization).is_empty(),
        "{:?}",
        a.mentions
    );
    assert_eq!(spans(&a, EntityKind::Person), ["ANDRE"]);
    let a = analyze("Le CNSP a parlé.", 0, Some("fr"));
    assert_eq!(spans(&a, EntityKind::Organization), ["CNSP"]);
}

#[test]
fn organisation_runs_stop_at_a_second_name() {
    let a = analyze(
        "Doctors of the Excursion House and the City Hospital met the Montreal Hockey Club on May 15.",
        0,
        Some("en"),
    );
    let orgs = spans(&a, EntityKind::Organization);
    assert!(orgs.contains(&"City Hospital"), "{orgs:?}");
    assert!(orgs.contains(&"Montreal Hockey Club"), "{orgs:?}");
}

#[test]
fn a_sentence_end_or_an_article_after_a_name_is_no_cue() {
    for text in [
        "He was a poet. Born on April 3, he lived.",
        "The test was done. However, a doctor came.",
    ] {
        let a = analyze(text, 0, Some("en"));
        assert!(
            spans(&a, EntityKind::Person).is_empty(),
            "{text}: {:?}",
            a.mentions
        );
    }
    let a = analyze("Hier, Tiani a dit non.", 0, Some("fr"));
    assert_eq!(spans(&a, EntityKind::Person), ["Tiani"]);
}

#[test]
fn initials_open_a_name_but_titles_stay_titles() {
    let a = analyze("It was expounded by C. H. Douglas in 1920.", 0, Some("en"));
    assert_eq!(spans(&a, EntityKind::Person), ["C. H. Douglas"]);
    let a = analyze("Hier, M. Dupont est venu.", 0, Some("fr"));
    assert_eq!(spans(&a, EntityKind::Person), ["Dupont"]);
}

#[test]
fn words_among_family_names_and_the_french_a() {
    // "Best", "Rice" are family names and words: alone they are no person.
    let a = analyze("They grew Rice and won Best of 2007.", 0, Some("en"));
    assert!(spans(&a, EntityKind::Person).is_empty(), "{:?}", a.mentions);
    // English "a" is no French "à": "a Dream" is no place.
    let a = analyze("Is it a Dream or The Phillips House?", 0, Some("en"));
    assert_eq!(spans(&a, EntityKind::Place), ["Phillips House"]);
}

#[test]
fn a_name_found_once_is_the_same_thing_where_it_is_repeated() {
    let a = analyze(
        "The village of Atwick lies near the coast. Atwick has a church.",
        0,
        Some("en"),
    );
    assert_eq!(spans(&a, EntityKind::Place), ["Atwick", "Atwick"]);
    let a = analyze(
        "Fans followed the band Deadsy for years. Deadsy split in 2008.",
        0,
        Some("en"),
    );
    assert_eq!(spans(&a, EntityKind::Organization), ["Deadsy", "Deadsy"]);
}
