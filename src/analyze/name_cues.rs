//! The word lists and small cues of the people rules: titles, function words, particles,
//! speech verbs, given and family names, and the shapes that rule a word out as a name.

use std::sync::LazyLock;

use super::gazetteer::{WordSet, word_set};
use super::tokens::Token;

/// Titles and roles (folded, without a final period) that announce a person's name.
pub static TITLES: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../assets/gazetteer/titles.txt")));

/// Whether a folded word (period stripped) is a title or role that precedes names.
pub fn is_title(folded: &str) -> bool {
    TITLES.contains(folded.trim_end_matches('.'))
}

/// Capitalised words that start sentences or headlines but never names.
pub static NOT_NAMES: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../assets/gazetteer/not_names.txt")));

/// Whether a folded word is a function word or another capitalised non-name (`not_names.txt`).
pub fn is_function_word(folded: &str) -> bool {
    NOT_NAMES.contains(folded)
}

pub static PARTICLES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_iter([
        "de", "du", "da", "das", "dos", "do", "van", "von", "der", "den", "bin", "ben", "ibn",
        "al", "el", "del", "della", "di", "la", "le", "ould", "ag", "y",
    ])
});

/// Generational suffixes that close a name ("Jr.", "III").
pub static SUFFIXES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_iter(["jr", "sr", "ii", "iii", "iv"]));

/// A middle initial: one capital letter and a period ("T." in "William T. Sherman").
pub fn is_initial(text: &str, t: &Token) -> bool {
    t.text.len() == 1 && t.is_cap && text.as_bytes().get(t.end) == Some(&b'.')
}

pub static SAID: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_iter([
        "said",
        "says",
        "told",
        "added",
        "wrote",
        "explained",
        "dit",
        "a",
        "affirme",
        "declare",
        "explique",
        "dijo",
        "afirmo",
        "dice",
        "sagte",
        "disse",
    ])
});

/// Family names (US Census 1990, `scripts/build_surnames.py`): a lone capitalised word that
/// nothing else explains is a person only when it is one.
pub static SURNAMES: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../assets/gazetteer/census_surnames.txt")));

/// Given names of the US Census 1990 (`scripts/build_surnames.py`), without place names and
/// common words.
pub static CENSUS_GIVEN: LazyLock<WordSet> = LazyLock::new(|| {
    word_set(include_str!(
        "../../assets/gazetteer/census_given_names.txt"
    ))
});

/// Whether a speech verb is at token `k`: French "a" only with its participle ("a dit"), since
/// it is also the English article and a preposition.
pub fn said_after(tokens: &[Token], k: usize) -> bool {
    let Some(t) = tokens.get(k) else {
        return false;
    };
    if t.folded == "a" {
        return tokens.get(k + 1).is_some_and(|p| {
            matches!(
                p.folded,
                "dit"
                    | "declare"
                    | "affirme"
                    | "explique"
                    | "annonce"
                    | "indique"
                    | "ajoute"
                    | "estime"
                    | "assure"
                    | "souligne"
                    | "rappele"
                    | "precise"
                    | "confie"
            )
        });
    }
    SAID.contains(t.folded)
}

/// Month names and their wire abbreviations (folded) in the languages kiosk reads: beside a
/// number they are a date ("Jan 12", "12 juin", "15. Januar"), never a name ("June Carter").
pub static MONTHS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_iter([
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "januar",
        "februar",
        "marz",
        "mai",
        "juni",
        "juli",
        "oktober",
        "dezember",
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "janeiro",
        "fevereiro",
        "marco",
        "maio",
        "junho",
        "julho",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ])
});

/// Whether token `i` is a month name beside a number ("Jan 12", "12 June").
pub fn is_dated_month(tokens: &[Token], i: usize) -> bool {
    let number = |t: &Token| t.text.bytes().all(|b| b.is_ascii_digit());
    MONTHS.contains(tokens[i].folded.trim_end_matches('.'))
        && (tokens.get(i + 1).is_some_and(|n| n.joined && number(n))
            || i > 0 && number(&tokens[i - 1]))
}

/// Conjunctions that join two names under one title.
pub static CONJUNCTIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_iter(["et", "and", "y", "e", "und"]));

/// Speech verbs that put the speaker after them ("says Tarlo.").
pub static SAID_BEFORE: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_iter(["said", "says", "asked", "wrote", "explains", "adds"]));

/// Words that make a capitalised run an event, award or work, never a person ("Battle",
/// "Awards", "Festival", "Prix"); the run is left unclassified (the gold sets call it MISC).
pub static EVENT_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../assets/gazetteer/event_words.txt")));

pub fn is_event_word(folded: &str) -> bool {
    EVENT_WORDS.contains(folded)
}

/// A run that is all of a quotation ("Miss Murder", « Capricorn ») names a work, not a person.
pub fn quoted_alone(text: &str, start: usize, end: usize) -> bool {
    let open = text[..start].trim_end().ends_with(['"', '“', '«']);
    let close = text[end..].trim_start().starts_with(['"', '”', '»']);
    open && close
}

/// Peoples, adjectives and plurals ("Athenians", "Corsican", "Albums"), compounds and codes
/// ("A-League", "B-29s") are no surnames.
pub fn looks_like_surname(t: &Token) -> bool {
    let w = t.folded;
    w.len() >= 3
        && w.chars().all(char::is_alphabetic)
        && !["s", "ian", "ese", "ish", "ic", "ite", "ine"]
            .iter()
            .any(|end| w.ends_with(end))
}

pub fn after_place_word(tokens: &[Token], i: usize) -> bool {
    i > 0 && tokens[i].joined && super::places::is_place_preposition(tokens[i - 1].text)
}
