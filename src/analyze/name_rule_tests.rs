//! Unit tests of the naming rules added for units, institutions and family names that are
//! also words: sentences written for them, in English and French.

use super::rule_tests::spans;
use super::*;

#[test]
fn a_number_names_a_military_unit() {
    let a = analyze(
        "The 3rd Infantry Division crossed first; the VI Corps and 101 Airborne Wing followed.",
        0,
        Some("en"),
    );
    let orgs = spans(&a, EntityKind::Organization);
    for unit in ["3rd Infantry Division", "VI Corps", "101 Airborne Wing"] {
        assert!(orgs.contains(&unit), "{unit}: {orgs:?}");
    }
    // A Roman numeral is no acronym, and a number before anything but a unit stays out.
    let a = analyze(
        "Pope John XXIII met 40 Senate aides in World War II archives.",
        0,
        Some("en"),
    );
    let orgs = spans(&a, EntityKind::Organization);
    assert!(
        !orgs
            .iter()
            .any(|o| o.contains("XXIII") || *o == "II" || o.starts_with("40")),
        "{orgs:?}"
    );
}

#[test]
fn a_titled_person_before_of_is_no_part_of_the_organisation() {
    let a = analyze(
        "According to Professor Maria Lindqvist of the Karolinska Institute, the trial works.",
        0,
        Some("en"),
    );
    assert!(spans(&a, EntityKind::Person).contains(&"Maria Lindqvist"));
    assert!(spans(&a, EntityKind::Organization).contains(&"Karolinska Institute"));
    // An organisation word before "of" keeps the whole name.
    let a = analyze(
        "Analysts at the Bank of Canada and the University of Ghana agreed.",
        0,
        Some("en"),
    );
    let orgs = spans(&a, EntityKind::Organization);
    assert!(orgs.contains(&"University of Ghana"), "{orgs:?}");
}

#[test]
fn a_hall_of_fame_is_an_institution_and_junctions_are_places() {
    let a = analyze(
        "She entered the Rugby League Hall of Fame, then took the train from Carver Junction \
         past Miller Pond to Holt Parish.",
        0,
        Some("en"),
    );
    let orgs = spans(&a, EntityKind::Organization);
    assert!(orgs.contains(&"Rugby League Hall of Fame"), "{orgs:?}");
    let places = spans(&a, EntityKind::Place);
    for place in ["Carver Junction", "Miller Pond", "Holt Parish"] {
        assert!(places.contains(&place), "{place}: {places:?}");
    }
    assert!(!places.iter().any(|p| p.contains("Hall")), "{places:?}");
}

#[test]
fn a_town_before_a_census_family_name_is_a_person() {
    let a = analyze(
        "Guests included Paris Hilton and Florence Nightingale, and the Berlin Wall fell.",
        0,
        Some("en"),
    );
    let people = spans(&a, EntityKind::Person);
    assert!(people.contains(&"Paris Hilton"), "{people:?}");
    assert!(people.contains(&"Florence Nightingale"), "{people:?}");
    assert!(!people.iter().any(|p| p.contains("Berlin")), "{people:?}");
    // A town on its own is still a town.
    let a = analyze("Elle vit à Paris depuis 2010.", 0, Some("fr"));
    assert!(spans(&a, EntityKind::Place).contains(&"Paris"));
}

#[test]
fn a_role_word_after_a_given_name_is_a_family_name() {
    let a = analyze(
        "This season Ben Player was second. Later, Player said the waves were small, and \
         Andy Dean agreed.",
        0,
        Some("en"),
    );
    let people = spans(&a, EntityKind::Person);
    assert!(people.contains(&"Ben Player"), "{people:?}");
    assert!(people.contains(&"Player"), "{people:?}");
    assert!(people.contains(&"Andy Dean"), "{people:?}");
    let joined = a.entities.iter().filter(|e| e.name == "Ben Player").count();
    assert_eq!(joined, 1, "{:?}", a.entities);
    // A role word before a name is still a title.
    let a = analyze("Ben met President Lula in Brasília.", 0, Some("en"));
    assert!(!spans(&a, EntityKind::Person).contains(&"Ben President"));
}

#[test]
fn a_title_covers_the_whole_name_after_a_conjunction() {
    let a = analyze(
        "Ministers Ada Okafor and Corey Partridge signed; MM. Sarrien et Clemenceau aussi.",
        0,
        Some("en"),
    );
    let people = spans(&a, EntityKind::Person);
    assert!(people.contains(&"Corey Partridge"), "{people:?}");
    assert!(people.contains(&"Ada Okafor"), "{people:?}");
}

#[test]
fn a_name_in_capitals_ends_with_the_capitals() {
    let a = analyze(
        "Résultats. FACULTE DE DROIT DE LYON Voici les reçus, puis MM. Durand et Petit.",
        0,
        Some("fr"),
    );
    let orgs = spans(&a, EntityKind::Organization);
    assert!(orgs.contains(&"FACULTE DE DROIT DE LYON"), "{orgs:?}");
    assert!(!orgs.iter().any(|o| o.contains("Voici")), "{orgs:?}");
}

#[test]
fn a_company_is_its_short_name_further_on() {
    let a = analyze(
        "Shares of Brenton Holdings Ltd rose on Monday. Brenton said profits rose, while \
         Brenton Foods fell.",
        0,
        Some("en"),
    );
    let orgs = spans(&a, EntityKind::Organization);
    assert!(orgs.contains(&"Brenton Holdings Ltd"), "{orgs:?}");
    assert!(orgs.contains(&"Brenton"), "{orgs:?}");
    assert!(orgs.contains(&"Brenton Foods"), "{orgs:?}");
    let short = a
        .mentions
        .iter()
        .find(|m| m.text == "Brenton")
        .expect("short form");
    assert_eq!(short.entity, "Brenton Holdings Ltd");
    assert!(spans(&a, EntityKind::Person).is_empty(), "{:?}", a.mentions);
}

#[test]
fn generic_acronyms_and_names_after_articles_are_no_entities() {
    let a = analyze(
        "Des ONG ont alerté l'opinion, et la Callas chantait encore.",
        0,
        Some("fr"),
    );
    assert!(
        spans(&a, EntityKind::Organization).is_empty(),
        "{:?}",
        a.mentions
    );
    let a = analyze(
        "El Niño trajo lluvias a Lima, dijo Ana Torres.",
        0,
        Some("es"),
    );
    let people = spans(&a, EntityKind::Person);
    assert!(!people.iter().any(|p| p.contains("Niño")), "{people:?}");
    assert!(people.contains(&"Ana Torres"), "{people:?}");
}
