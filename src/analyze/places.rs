//! Places beyond the gazetteer: runs of capitalised words closed by a geographic word ("Potomac
//! River", "Celtic Sea", "H Street") or opened by one ("Mount Kenya", "Lac Léman").

use std::sync::LazyLock;

use super::gazetteer::{WordSet, word_set};
use super::tokens::Token;

/// Geographic words (folded) that close a place's name in English and German usage.
static SUFFIXES: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../assets/gazetteer/place_words.txt")));

/// Geographic words (folded) that open a place's name ("Mount", "Lac", "Rio").
static PREFIXES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_iter([
        "mount", "mt", "lake", "cape", "gulf", "port", "fort", "camp", "hotel", "mont", "lac",
        "cap", "golfe", "monte", "lago", "cabo", "golfo", "rio", "sierra", "isla", "ile", "ilha",
        "bad", "kreis",
    ])
});

/// Whether a folded word closes a place's name, so no person's name runs through it.
pub fn is_place_word(folded: &str) -> bool {
    SUFFIXES.contains(folded)
}

fn name_word(t: &Token) -> bool {
    t.is_cap && !t.shouting && t.has_lower
}

/// A place found by a rule, as a byte span of the text.
#[derive(Debug, Clone)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
}

/// Finds places named with a geographic word, one to three capitalised words beside it.
pub fn find(tokens: &[Token]) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // A single capital opens a name too ("H Street").
        let letter = t.is_cap && t.text.len() == 1;
        if !(name_word(t) || letter) {
            i += 1;
            continue;
        }
        // Opened: "Mount Kenya", "Lac Léman".
        if PREFIXES.contains(t.folded) {
            let mut j = i + 1;
            while j < tokens.len() && j - i <= 3 && tokens[j].joined && name_word(&tokens[j]) {
                j += 1;
            }
            if j > i + 1 {
                out.push(PlaceMention {
                    start: t.start,
                    end: tokens[j - 1].end,
                });
                i = j;
                continue;
            }
        }
        // Closed: a run of capitalised words whose last is a geographic word; an article
        // opening it is no part of the name ("The Phillips House").
        if matches!(
            t.text,
            "The" | "A" | "An" | "Le" | "La" | "Les" | "El" | "Der" | "Die" | "Das"
        ) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len() && j - i <= 3 && tokens[j].joined && name_word(&tokens[j]) {
            // "Hall of Fame" names an institution.
            if SUFFIXES.contains(tokens[j].folded) && !super::orgs::hall_of(tokens, j) {
                out.push(PlaceMention {
                    start: t.start,
                    end: tokens[j].end,
                });
                break;
            }
            j += 1;
        }
        i = j.max(i + 1);
    }
    out
}

/// Prepositions of place ("in Badarpur", "near Atwick", "à Rochechouart"), as written: folded,
/// French "à" would be the English article "a".
pub fn is_place_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "In" | "near" | "around" | "outside" | "across" | "à" | "en" | "dans" | "près"
    )
}

/// A lone capitalised word that nothing else explains, right after a preposition of place, is a
/// place too small for the gazetteer. `unknown(i)` says no match, rule or common word takes `i`.
pub fn after_prepositions(tokens: &[Token], unknown: impl Fn(usize) -> bool) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    for i in 1..tokens.len() {
        let t = &tokens[i];
        let lone = !tokens.get(i + 1).is_some_and(|n| n.joined && n.is_cap);
        if t.joined
            && !t.starts_sentence
            && name_word(t)
            && lone
            && is_place_preposition(tokens[i - 1].text)
            && t.folded.len() >= 3
            && t.folded.chars().all(char::is_alphabetic)
            && unknown(i)
        {
            out.push(PlaceMention {
                start: t.start,
                end: t.end,
            });
        }
    }
    out
}

/// "Debden, England", "Paxton, Illinois": up to three capitalised words that no rule or match
/// takes, right before ", " and a known region or country that closes the phrase, are a place.
/// `region_at(i)` says a region or country match starts at token `i` and gives its end;
/// `free(i)` that nothing else takes token `i`.
pub fn before_regions(
    text: &str,
    tokens: &[Token],
    region_at: impl Fn(usize) -> Option<usize>,
    free: impl Fn(usize) -> bool,
) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    for r in 1..tokens.len() {
        let Some(end) = region_at(r) else { continue };
        let last = r - 1;
        let comma = text[tokens[last].end..tokens[r].start].trim() == ",";
        let closes = text[end..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, ',' | '.' | ';' | ')' | '\n'));
        if !comma || !closes || !name_word(&tokens[last]) || !free(last) {
            continue;
        }
        let mut first = last;
        while first > 0
            && last - first < 2
            && tokens[first].joined
            && name_word(&tokens[first - 1])
            && free(first - 1)
        {
            first -= 1;
        }
        if tokens[first].starts_sentence && first == last
            || super::gazetteer::is_given_name(tokens[first].folded)
        {
            continue;
        }
        out.push(PlaceMention {
            start: tokens[first].start,
            end: tokens[last].end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{fold, tokens};
    use super::*;

    fn places(text: &str) -> Vec<String> {
        let folded = fold::fold(text);
        let toks = tokens::tokenize(text, &folded);
        find(&toks)
            .iter()
            .map(|p| text[p.start..p.end].to_string())
            .collect()
    }

    #[test]
    fn geographic_words_make_places() {
        assert_eq!(
            places("They crossed the Potomac River near the Celtic Sea."),
            ["Potomac River", "Celtic Sea"]
        );
        assert_eq!(
            places("Il a vu le Lac Léman et Mount Kenya."),
            ["Lac Léman", "Mount Kenya"]
        );
        assert_eq!(
            places("Sie wohnt in der Berliner Straße."),
            ["Berliner Straße"]
        );
        assert!(places("The river rose. Mount it again.").is_empty());
    }
}
