//! Streets and squares named the Romance way: a street word, then the name ("rue de la Paix",
//! "boulevard Saint-Michel", "avenida Paulista", "calle de Alcalá", "praça da Sé").

use super::places::PlaceMention;
use super::tokens::Token;

/// Street words (folded) that open a street's name in French, Spanish and Portuguese.
fn is_street_word(folded: &str, lang: &str) -> bool {
    let french = matches!(
        folded,
        "rue"
            | "r."
            | "boulevard"
            | "bd"
            | "avenue"
            | "quai"
            | "place"
            | "faubourg"
            | "impasse"
            | "allee"
            | "chemin"
            | "cours"
            | "passage"
            | "route"
    );
    let iberian = matches!(
        folded,
        "calle" | "avenida" | "plaza" | "paseo" | "rua" | "praca" | "travessa" | "largo"
    );
    match lang {
        "fr" => french,
        "es" | "pt" => iberian,
        _ => false,
    }
}

/// Small words between a street word and its name, and inside the name ("de la", "des", "da").
fn is_linking_word(t: &Token) -> bool {
    matches!(
        t.folded,
        "de" | "du"
            | "des"
            | "la"
            | "le"
            | "les"
            | "l'"
            | "d'"
            | "del"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "y"
            | "e"
    )
}

/// A capitalised word, past an elided article glued to it ("l'Église" → "Église").
fn name_word(t: &Token) -> bool {
    if !super::orgs::may_elide(t.text) {
        // No article to drop: the tokenizer's case facts answer.
        return t.is_cap && !t.shouting && t.has_lower;
    }
    let rest = super::orgs::elided(t.text);
    rest.starts_with(char::is_uppercase) && !t.shouting && rest.chars().any(char::is_lowercase)
}

/// Finds streets in a text in `lang`: a street word, linking words, then up to three
/// capitalised words ("rue Victor Massé"). "à la place de Pierre" (instead of Pierre) is none.
pub fn find(text: &str, tokens: &[Token], lang: &str) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < tokens.len() {
        let t = &tokens[i];
        // A street word is followed by a linking word or a name: the cheap test first.
        let next = &tokens[i + 1];
        let opens = next.joined
            && (next.is_cap || matches!(next.folded.as_bytes().first(), Some(b'd' | b'l')));
        if !opens || t.folded.len() > 9 {
            i += 1;
            continue;
        }
        // "r. de Paris": the abbreviation's period belongs to the street word.
        let folded = if t.folded == "r" && text[t.end..].starts_with('.') {
            "r."
        } else {
            t.folded
        };
        let instead = folded == "place"
            && i > 0
            && tokens[i - 1].folded == "la"
            && i > 1
            && matches!(tokens[i - 2].folded, "a" | "en");
        if !is_street_word(folded, lang) || instead || t.is_upper {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len() && j - i <= 3 && tokens[j].joined && is_linking_word(&tokens[j]) {
            j += 1;
        }
        let mut last = None;
        while j < tokens.len() && tokens[j].joined && name_word(&tokens[j]) {
            last = Some(j);
            j += 1;
            if tokens
                .get(j)
                .is_some_and(|n| n.joined && is_linking_word(n))
                && tokens.get(j + 1).is_some_and(|n| n.joined && name_word(n))
            {
                j += 1;
            }
            if j - i > 6 {
                break;
            }
        }
        match last {
            Some(last) => {
                out.push(PlaceMention {
                    start: t.start,
                    end: tokens[last].end,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analyze::rule_tests::spans;
    use crate::analyze::{EntityKind, analyze};

    fn streets(text: &str, lang: &str) -> Vec<String> {
        let a = analyze(text, 0, Some(lang));
        spans(&a, EntityKind::Place)
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn a_street_word_opens_a_place_name() {
        let found = streets(
            "Il habite 12, rue de la Tannerie, puis boulevard Saint-Michel, rue de l'Église et rue Victor Massé.",
            "fr",
        );
        for street in [
            "rue de la Tannerie",
            "boulevard Saint-Michel",
            "rue de l'Église",
            "rue Victor Massé",
        ] {
            assert!(found.iter().any(|f| f == street), "{street}: {found:?}");
        }
        let found = streets("Vive na rua Augusta, perto da praça da Figueira.", "pt");
        assert!(found.iter().any(|f| f == "rua Augusta"), "{found:?}");
        assert!(found.iter().any(|f| f == "praça da Figueira"), "{found:?}");
        let found = streets("Caminó por la calle de Alcalá.", "es");
        assert!(found.iter().any(|f| f == "calle de Alcalá"), "{found:?}");
    }

    #[test]
    fn a_street_word_without_a_name_is_no_place() {
        let found = streets(
            "Il a parlé à la place de Pierre. La route est longue.",
            "fr",
        );
        assert!(found.is_empty(), "{found:?}");
        assert!(streets("It took place Monday in the avenue.", "en").is_empty());
    }
}
