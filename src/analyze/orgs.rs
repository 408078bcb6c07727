//! Organisations beyond the gazetteer: acronym definitions ("Long Form (ACR)"), runs of
//! capitalised words with an organisation word, French-style "ministère de l'Intérieur", acronyms.

use std::sync::LazyLock;

use super::fold::fold_word;
use super::gazetteer::{FastSet, WordSet, word_set};
use super::tokens::Token;

/// Words (folded) that make a capitalised run an organisation.
static ORG_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../assets/gazetteer/org_words.txt")));

/// Lower-case heads that French, Spanish and Portuguese write before "de" + a capitalised name.
static LOWER_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_iter([
        "ministere",
        "departement",
        "ministerio",
        "ministerio",
        "secretaria",
        "conseil",
        "banque",
        "parti",
        "tribunal",
        "cour",
        "universidad",
        "universite",
        "agence",
        "direction",
        "office",
    ])
});

static CONNECTORS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_iter([
        "of", "for", "and", "&", "de", "du", "des", "pour", "la", "le", "les", "l", "d", "del",
        "y", "et", "fur", "der", "die", "on", "the",
    ])
});

/// Upper-case words that are not organisations.
static NOT_ORGS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../assets/gazetteer/not_orgs.txt")));

/// Whether a folded word marks an organisation.
pub fn is_org_word(folded: &str) -> bool {
    ORG_WORDS.contains(folded.trim_end_matches('.'))
}

/// An organisation found by a rule. `name` is the entity it belongs to; `alias` an acronym
/// defined for it.
#[derive(Debug, Clone)]
pub struct OrgMention {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub alias: Option<String>,
}

fn is_connector(t: &Token) -> bool {
    CONNECTORS.contains(t.folded.trim_end_matches('\'')) || t.text == "&"
}

/// The word after an elided article ("l'Intérieur" → "Intérieur").
#[inline]
pub fn elided(word: &str) -> &str {
    // Called on most words: the first letter rules out nearly all of them.
    let Some(rest) = word.strip_prefix(['l', 'd', 'L', 'D']) else {
        return word;
    };
    rest.strip_prefix(['\'', '’']).unwrap_or(word)
}

/// Whether [`elided`] may shorten `word`: its first byte says no for nearly every word.
#[inline]
pub fn may_elide(word: &str) -> bool {
    matches!(word.as_bytes().first(), Some(b'l' | b'd' | b'L' | b'D'))
}

// Asked of nearly every token: a call cost as much as the test.
#[inline]
fn is_cap_word(t: &Token) -> bool {
    // A word with no article to drop is capitalised as the tokenizer found.
    !t.shouting
        && if may_elide(t.text) {
            elided(t.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        } else {
            t.is_cap
        }
}

/// Finds organisations in `tokens`; `coverage[i]` is the gazetteer match that owns token `i`.
pub fn find(
    text: &str,
    tokens: &[Token],
    coverage: &[Option<usize>],
    lower_words: &FastSet<&str>,
    english: bool,
) -> Vec<OrgMention> {
    let covered = |i: usize| coverage[i].is_some();
    let mut out = Vec::new();
    definitions(text, tokens, &mut out);
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let f = t.folded;
        // "ministère de l'Intérieur", "département d'État"
        if LOWER_HEADS.contains(f) {
            let mut j = i + 1;
            while j < tokens.len() && tokens[j].joined && is_connector(&tokens[j]) {
                j += 1;
            }
            if j > i + 1
                || elided(tokens.get(j).map_or("", |t| t.text))
                    != tokens.get(j).map_or("", |t| t.text)
            {
                if let Some(name) = tokens.get(j).filter(|n| n.joined && is_cap_word(n)) {
                    let span = &text[t.start..name.end];
                    push(&mut out, t.start, name.end, span.to_string());
                    i = j + 1;
                    continue;
                }
            } else if let Some(name) = tokens
                .get(i + 1)
                .filter(|n| n.joined && is_cap_word(n) && elided(n.text) != n.text)
            {
                push(
                    &mut out,
                    t.start,
                    name.end,
                    text[t.start..name.end].to_string(),
                );
                i += 2;
                continue;
            }
        }
        if t.is_upper
            && !covered(i)
            && !t.shouting
            && is_acronym(t.text)
            // "PRIX", "OUEST": a word the text also writes in lower case is no acronym.
            && !lower_words.contains(f)
            && (english || consonant_cluster(t.text))
            && !is_org_word(f)
            && !super::people::is_title(f)
            && !is_roman_numeral(t.text)
            && lone_capitals(tokens, i)
        {
            push(&mut out, t.start, t.end, t.text.to_string());
            i += 1;
            continue;
        }
        if !is_cap_word(t) || t.is_upper && !is_org_word(f) {
            i += 1;
            continue;
        }
        // A capitalised run, connectors allowed inside; gazetteer places allowed after a connector.
        let mut last = i;
        let mut has_word = is_org_word(f) || hall_of(tokens, i);
        let mut j = i + 1;
        while j < tokens.len() && tokens[j].joined {
            let u = &tokens[j];
            if is_cap_word(u) || u.is_upper && !u.shouting {
                if covered(j) && !is_connector(&tokens[j - 1]) && !has_word {
                    break;
                }
                // "FACULTE DE DROIT MM. les…": a name set in capitals ends where the capitals
                // do, and a title opens the next name.
                let capitals = tokens[i].is_upper && tokens[last].is_upper;
                if capitals && !u.is_upper || super::people::is_title(u.folded) {
                    break;
                }
                // "Club on May", "Division of the IV Corps": after a connector, a function word
                // or a second organisation ends the first.
                let after_connector = j > last + 1;
                if after_connector
                    && has_word
                    && (super::people::is_function_word(u.folded)
                        || u.is_upper
                        || second_org(tokens, j))
                {
                    break;
                }
                last = j;
                has_word |= is_org_word(u.folded) || hall_of(tokens, j);
            } else if !is_connector(u)
                || j - last > 2
                || (i..=last).all(covered)
                || conjunction_article(tokens, j)
            {
                // A known name followed by "and", "of"… ends there ("Australia and the Bank").
                break;
            }
            j += 1;
        }
        let starts_covered = covered(i);
        // An organisation word alone ("le Conseil", "the Ministry") refers back; it names nothing.
        let only_words =
            (i..=last).all(|k| is_org_word(tokens[k].folded) || is_connector(&tokens[k]));
        // "65th Air Division", "VI Corps", "3rd Infantry": a number names a military unit.
        let numbered = i > 0
            && tokens[i].joined
            && is_designator(tokens[i - 1].text)
            && UNIT_WORDS.contains(tokens[last].folded);
        let named = has_word && !(starts_covered && last == i) && (!only_words || numbered);
        if named {
            let mut first = if numbered {
                i - 1
            } else {
                untitled_start(tokens, i, last)
            };
            if matches!(
                tokens[first].folded,
                "the" | "le" | "la" | "les" | "el" | "los" | "der" | "die" | "das"
            ) {
                first += 1;
            }
            if first <= last {
                let (s, e) = (tokens[first].start, tokens[last].end);
                push(&mut out, s, e, text[s..e].to_string());
            }
        }
        // A run that names nothing may still hold an acronym ("Le CNSP a dit").
        i = if named { last + 1 } else { i + 1 };
    }
    out.sort_by_key(|o| o.start);
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// Military units that a number or ordinal names ("82nd Airborne Division", "VI Corps").
static UNIT_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_iter([
        "division",
        "corps",
        "brigade",
        "regiment",
        "battalion",
        "wing",
        "squadron",
        "command",
        "fleet",
        "flotilla",
        "army",
        "group",
        "force",
        "infantry",
        "cavalry",
        "artillery",
        "legion",
    ])
});

/// A unit's number: "65", "65th", "2d", "93rd", "VI" (a Roman numeral).
fn is_designator(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &word[digits..];
    (1..=3).contains(&digits) && matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "d")
        || is_roman_numeral(word)
}

/// "II", "VI", "XIV": numbers, not acronyms.
fn is_roman_numeral(word: &str) -> bool {
    (2..=5).contains(&word.len()) && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// "Hall of Fame", "Hall of Honor": the hall is an institution, not a building.
pub fn hall_of(tokens: &[Token], j: usize) -> bool {
    tokens[j].folded == "hall"
        && tokens
            .get(j + 1)
            .is_some_and(|t| t.joined && t.folded == "of")
        && tokens
            .get(j + 2)
            .is_some_and(|t| t.joined && is_cap_word(t))
}

/// "Professor Amos Frumkin of the Hebrew University", "Shares of Acme Ltd": when the words
/// before the first connector hold no organisation word and open with a title or the
/// sentence, they are no part of the name, which starts after the connectors.
fn untitled_start(tokens: &[Token], i: usize, last: usize) -> usize {
    let opener = super::people::is_title(tokens[i].folded) || tokens[i].starts_sentence;
    if !opener || is_org_word(tokens[i].folded) {
        return i;
    }
    let Some(connector) = (i..=last).find(|&k| is_connector(&tokens[k])) else {
        return i;
    };
    if (i..connector).any(|k| is_org_word(tokens[k].folded)) {
        return i;
    }
    (connector..=last)
        .find(|&k| !is_connector(&tokens[k]))
        .unwrap_or(i)
}

/// Whether the capitalised run from `j` holds an organisation word of its own.
fn second_org(tokens: &[Token], j: usize) -> bool {
    tokens[j..]
        .iter()
        .take_while(|t| t.joined && (is_cap_word(t) || t.is_upper))
        .any(|t| is_org_word(t.folded))
}

/// "House and the City Hospital": a conjunction and an article join two names, not one.
fn conjunction_article(tokens: &[Token], j: usize) -> bool {
    let article = |t: &Token| {
        matches!(
            t.folded,
            "the" | "le" | "la" | "les" | "el" | "los" | "der" | "die"
        )
    };
    matches!(tokens[j].folded, "and" | "et" | "y" | "und" | "e")
        && tokens.get(j + 1).is_some_and(article)
}

/// An acronym stands among ordinary words: next to another word in capitals it is part of a
/// heading or a scanned line in capitals ("LE CONSEIL", "PRIX DE L'ABONNEMENT").
fn lone_capitals(tokens: &[Token], i: usize) -> bool {
    let caps = |t: &Token| t.is_upper || t.is_cap && t.text.chars().nth(1).is_none();
    let before = i > 0 && caps(&tokens[i - 1]) && tokens[i].joined;
    let after = tokens.get(i + 1).is_some_and(|t| t.joined && caps(t));
    !(before || after)
}

/// Outside English, a longer acronym is a cluster of consonants ("CNSP", "MNLA"); "ETUDE" or
/// "ANDRE" are a word or a name set in capitals (English writes "NAACP", "NASCAR").
fn consonant_cluster(word: &str) -> bool {
    word.len() <= 3 || word.chars().filter(|c| "AEIOUY".contains(*c)).count() <= 1
}

fn is_acronym(word: &str) -> bool {
    let n = word.len();
    if !(2..=6).contains(&n) || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let mut buf = [0u8; 6];
    let lower = &mut buf[..n];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).unwrap_or_default();
    // "DE", "LES", "UNE", "AND" in a scanned or shouted line are words, not acronyms.
    !NOT_ORGS.contains(lower) && !super::people::is_function_word(lower)
}

fn push(out: &mut Vec<OrgMention>, start: usize, end: usize, name: String) {
    out.push(OrgMention {
        start,
        end,
        name,
        alias: None,
    });
}

/// "Conseil national pour la sauvegarde de la patrie (CNSP)": the long form whose word initials
/// spell the acronym in parentheses, skipping small words.
fn definitions(text: &str, tokens: &[Token], out: &mut Vec<OrgMention>) {
    for (k, acr) in tokens.iter().enumerate() {
        if k == 0 || !acr.is_upper {
            continue;
        }
        let open = text[..acr.start].trim_end().ends_with('(');
        let close = text[acr.end..].trim_start().starts_with(')');
        if !open || !close || !is_acronym(acr.text) {
            continue;
        }
        let letters: Vec<char> = acr.text.to_lowercase().chars().collect();
        let mut need = letters.len();
        let mut j = k;
        while need > 0 && j > 0 && k - j < 14 {
            j -= 1;
            let w = fold_word(elided(tokens[j].text));
            if w.starts_with(letters[need - 1]) {
                need -= 1;
            } else if !CONNECTORS.contains(w.as_ref()) && !CONNECTORS.contains(tokens[j].folded) {
                break;
            }
        }
        if need == 0 && is_cap_word(&tokens[j]) {
            let (s, e) = (tokens[j].start, tokens[k - 1].end);
            out.push(OrgMention {
                start: s,
                end: e,
                name: text[s..e].to_string(),
                alias: Some(acr.text.to_string()),
            });
        }
    }
}
