//! Organisations named the French way: a capitalised head and lower-case words after it
//! ("Chambre de commerce", "Parti agraire unifié", "Banque mondiale"), and the institutions
//! French capitalises to name them alone ("l'État", "le Sénat").

use std::sync::LazyLock;

use super::gazetteer::WordSet;
use super::orgs::{OrgMention, is_org_word};
use super::people::is_function_word;
use super::tokens::Token;

/// Heads that name an institution with lower-case words after them, besides the organisation
/// words ("Bourse du travail", "Cercle militaire", "Musée des beaux-arts").
static HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_iter([
        "bourse", "cercle", "musee", "hopital", "caisse", "credit", "mutuelle", "ordre",
    ])
});

/// Institutions that French capitalises when it means the one of the country: alone after an
/// article they are the organisation ("l'État a décidé", "le Sénat vote").
static INSTITUTIONS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_iter([
        "etat",
        "senat",
        "chambre",
        "assemblee",
        "parlement",
        "gouvernement",
    ])
});

/// Word endings (folded) of French adjectives that follow a head ("nationale", "socialiste",
/// "militaire", "constitutionnel").
const ADJECTIVE_ENDINGS: [&str; 22] = [
    "al", "ale", "ales", "aux", "el", "elle", "els", "elles", "if", "ive", "ifs", "ives", "ique",
    "iques", "iste", "istes", "aire", "aires", "ien", "ienne", "ais", "aise",
];

fn head_word(folded: &str) -> bool {
    is_org_word(folded) || HEADS.contains(folded)
}

fn is_adjective(t: &Token) -> bool {
    let f = t.folded;
    let word = t.starts_lower
        && f.chars().count() >= 4
        && f.chars().all(char::is_alphabetic)
        && !is_function_word(f);
    // Folding turns "unifié" into "unifie": a participle shows by its accent.
    word && (ADJECTIVE_ENDINGS.iter().any(|e| f.ends_with(e))
        || ["é", "ée", "és", "ées"].iter().any(|e| t.text.ends_with(e)))
}

/// A lower-case noun after "de", "du", "des" or "d'" ("de commerce", "du travail").
fn is_complement(t: &Token) -> bool {
    t.starts_lower
        && t.folded.chars().count() >= 4
        && t.folded.chars().all(|c| c.is_alphabetic() || c == '-')
        && !is_function_word(t.folded)
}

fn is_de(t: &Token) -> bool {
    matches!(t.folded, "de" | "du" | "des")
}

/// Finds French organisations written with lower-case words after a capitalised head, and
/// institutions named by one capitalised word after an article.
pub fn find(text: &str, tokens: &[Token], covered: impl Fn(usize) -> bool) -> Vec<OrgMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // Most tokens are neither capitalised nor elided: the cheap test first.
        let b = t.text.as_bytes();
        let elided = b.len() > 2
            && matches!(b[0], b'l' | b'L' | b'd' | b'D')
            && matches!(b[1], b'\'' | 0xE2);
        if !t.is_cap && !elided {
            i += 1;
            continue;
        }
        // "l'État" → "État"; only the definite article makes it the institution ("coup d'État").
        let word = if elided {
            super::orgs::elided(t.text)
        } else {
            t.text
        };
        let skip = t.text.len() - word.len();
        let definite = skip > 0 && matches!(b[0], b'l' | b'L');
        let folded = t.folded.split_once('\'').map_or(t.folded, |(_, rest)| rest);
        let folded = if skip > 0 { folded } else { t.folded };
        let capitalised = word.starts_with(char::is_uppercase) && !t.shouting && !t.is_upper;
        if !capitalised || covered(i) || !(head_word(folded) || INSTITUTIONS.contains(folded)) {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut j = i + 1;
        // Adjectives, then at most one complement with its own adjectives.
        while tokens.get(j).is_some_and(|n| n.joined && is_adjective(n)) {
            last = j;
            j += 1;
        }
        if let [de, noun, ..] = &tokens[j.min(tokens.len())..]
            && de.joined
            && noun.joined
            && is_de(de)
            && is_complement(noun)
        {
            last = j + 1;
            j += 2;
            while tokens.get(j).is_some_and(|n| n.joined && is_adjective(n)) {
                last = j;
                j += 1;
            }
        }
        // "l'État" is one token; scanned text also has "l' Etat" (an apostrophe between).
        let gap = |k: usize| text[tokens[k - 1].end..tokens[k].start].trim();
        let article_before = definite
            || i > 0
                && (t.joined && matches!(tokens[i - 1].folded, "le" | "la" | "du" | "au")
                    || tokens[i - 1].folded == "l" && matches!(gap(i), "'" | "’"));
        let alone = last == i && INSTITUTIONS.contains(folded) && article_before;
        if last > i && head_word(folded) || alone {
            let start = t.start + skip;
            let end = tokens[last].end;
            out.push(OrgMention {
                start,
                end,
                name: text[start..end].to_string(),
                alias: None,
            });
        }
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analyze::rule_tests::spans;
    use crate::analyze::{EntityKind, analyze};

    fn orgs(text: &str) -> Vec<String> {
        let a = analyze(text, 0, Some("fr"));
        spans(&a, EntityKind::Organization)
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn lower_case_words_after_a_head_belong_to_the_name() {
        let found = orgs(
            "Le candidat du Parti agraire unifié parle à la Chambre de commerce, puis à \
             la Bourse du travail et au Conseil constitutionnel.",
        );
        for name in [
            "Parti agraire unifié",
            "Chambre de commerce",
            "Bourse du travail",
            "Conseil constitutionnel",
        ] {
            assert!(found.iter().any(|f| f == name), "{name}: {found:?}");
        }
    }

    #[test]
    fn a_capitalised_institution_after_an_article_is_the_institution() {
        let found = orgs("L'État a décidé ; le Sénat vote et l'Assemblée attend.");
        for name in ["État", "Sénat", "Assemblée"] {
            assert!(found.iter().any(|f| f == name), "{name}: {found:?}");
        }
        // A head alone is no name, and a coup d'État is no institution's act.
        let found = orgs("Le Conseil se réunit. Un coup d'État a eu lieu.");
        assert!(found.is_empty(), "{found:?}");
    }
}
