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

/// The countries of `text`, whose first line is its title.
fn countries_of(text: &str, lang: &str) -> Vec<String> {
    let title_len = text.find('\n').unwrap_or(0);
    let a = analyze(text, title_len, Some(lang));
    a.countries.into_iter().map(|c| c.code).collect()
}

/// Asserts that `text`'s first country is `code` and that `never` is none of its countries.
fn assert_first_and_never(text: &str, lang: &str, code: &str, never: &str) {
    let c = countries_of(text, lang);
    assert_eq!(c.first().map(String::as_str), Some(code), "{text}: {c:?}");
    assert!(!c.iter().any(|x| x == never), "{text}: {c:?}");
}

#[test]
fn a_city_territory_is_its_own_country() {
    for (text, lang, code, never) in [
        (
            "Stocks slip\nShares fell in Hong Kong on Monday as traders sold property stocks.",
            "en",
            "HK",
            "CN",
        ),
        (
            "STOCKS FALL\nHONG KONG, March 3 - The index fell 2 pct in thin trade.",
            "en",
            "HK",
            "CN",
        ),
        (
            "Bourse\nLa Bourse de Hong Kong a reculé lundi après trois séances de hausse.",
            "fr",
            "HK",
            "CN",
        ),
        (
            "Casinos\nCasinos in Macau reported higher revenue for the third month.",
            "en",
            "MO",
            "BR",
        ),
        (
            "Banques\nLes banques de Luxembourg ont annoncé des bénéfices en hausse.",
            "fr",
            "LU",
            "BE",
        ),
        (
            "Puerto\nEl puerto de Singapur recibió más buques que nunca este año.",
            "es",
            "SG",
            "MY",
        ),
        (
            "Ships\nTankers refuelled at Gibraltar on Monday.",
            "en",
            "GI",
            "ES",
        ),
        (
            "Fair\nThe prince of Monaco opened the yacht fair on Thursday.",
            "en",
            "MC",
            "FR",
        ),
    ] {
        assert_first_and_never(text, lang, code, never);
    }
}

#[test]
fn a_town_before_its_state_or_province_is_in_that_country() {
    for (text, code, never) in [
        (
            "JABIL SALES RISE\nST. PETERSBURG, Fla., March 3 - Jabil Circuit said sales rose.",
            "US",
            "RU",
        ),
        (
            "BDM WINS CONTRACT\nVIENNA, Va., March 3 - BDM International said it won a contract.",
            "US",
            "AT",
        ),
        (
            "SOFTWARE MAKER EARNINGS\nDUBLIN, Calif., March 3 - The company said profits rose.",
            "US",
            "IE",
        ),
        (
            "INSURER NAMES CHIEF\nLONDON, Ontario, March 3 - The insurer named a new chief.",
            "CA",
            "GB",
        ),
        (
            "Plant to close\nThe glass plant in Toledo, Ohio, will close next year, the firm said.",
            "US",
            "ES",
        ),
    ] {
        assert_first_and_never(text, "en", code, never);
    }
    // The same in running text of other languages.
    for (text, lang, code, never) in [
        (
            "Fábrica\nLa fábrica de Toledo, Ohio, cerrará el año que viene.",
            "es",
            "US",
            "ES",
        ),
        (
            "Usine\nL'usine de London, Ontario, fermera l'an prochain.",
            "fr",
            "CA",
            "GB",
        ),
    ] {
        assert_first_and_never(text, lang, code, never);
    }
}

#[test]
fn a_town_named_again_without_its_state_is_the_same_town() {
    for (text, lang) in [
        (
            "Insurer raises payout\nLONDON, Ontario, March 3 - London Life Insurance Co said \
             it raised its dividend. London Life shares rose.",
            "en",
        ),
        (
            "Usine\nL'usine de London, Ontario, fermera. Les ouvriers de London sont inquiets.",
            "fr",
        ),
    ] {
        assert_first_and_never(text, lang, "CA", "GB");
    }
    // Without the state, London is London.
    assert_first_and_never("Talks\nThe talks in London ended.", "en", "GB", "CA");
}

#[test]
fn a_short_by_name_of_a_city_in_a_capitals_headline_is_a_word() {
    // "Hang" is a by-name of Hangzhou; "HANG SENG" the Hong Kong index.
    assert_first_and_never(
        "HANG SENG INDEX FALLS\nHONG KONG, March 3 - The index fell 20 points.",
        "en",
        "HK",
        "CN",
    );
    // A capital's old name in capitals is the capital.
    assert_first_and_never(
        "KIEV TALKS RESUME\nThe talks resumed on Monday.",
        "en",
        "UA",
        "RU",
    );
}

#[test]
fn a_city_naming_a_pact_or_a_creditors_club_is_no_place() {
    for text in [
        "Dollar steady\nWASHINGTON, March 3 - Treasury officials said the Paris accord held and \
         the dollar was stable.",
        "Debt talks\nBRASILIA, March 3 - Brazil will meet the Paris Club of creditor nations.",
        "Currencies\nTOKYO, March 3 - Dealers said the Louvre agreement and the Paris \
         agreement kept the yen firm.",
    ] {
        let c = countries_of(text, "en");
        assert!(!c.iter().any(|x| x == "FR"), "{text}: {c:?}");
    }
    // Talks held in the city are in France.
    assert_first_and_never(
        "Talks\nOfficials met in Paris on Monday to discuss the budget.",
        "en",
        "FR",
        "US",
    );
}

#[test]
fn a_sea_named_after_a_country_is_no_evidence_for_it() {
    for (text, lang, code, never) in [
        (
            "Rigs idle\nHOUSTON, April 13 - Rigs in the Gulf of Mexico fell this week.",
            "en",
            "US",
            "MX",
        ),
        (
            "Navires\nWASHINGTON, 3 mars - Les navires du golfe du Mexique sont à l'arrêt.",
            "fr",
            "US",
            "MX",
        ),
        (
            "Buques\nWASHINGTON, 3 mar - Los buques del golfo de México siguen parados.",
            "es",
            "US",
            "MX",
        ),
    ] {
        assert_first_and_never(text, lang, code, never);
    }
    // The country itself still counts.
    assert_first_and_never("Trade\nExports to Mexico rose.", "en", "MX", "US");
}
