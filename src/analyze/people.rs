//! People: titles and roles in each language, given names, known people from the gazetteer and
//! runs of capitalised words that are not places or organisations. Coreference is in `entities`.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use super::fold::fold_word;
use super::gazetteer::{GAZETTEER, Kind, is_given_name};
use super::matches::Hit;
use super::orgs::is_org_word;
use super::tokens::Token;

/// Titles and roles (folded, without a final period) that announce a person's name.
static TITLES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    HashSet::from_iter([
        // English
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "president",
        "vice-president",
        "minister",
        "premier",
        "chancellor",
        "secretary",
        "senator",
        "sen",
        "rep",
        "representative",
        "gov",
        "governor",
        "mayor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "general",
        "gen",
        "colonel",
        "col",
        "lt",
        "lieutenant",
        "captain",
        "capt",
        "major",
        "commander",
        "admiral",
        "sergeant",
        "judge",
        "justice",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "director",
        "professor",
        "prof",
        "sheikh",
        "emir",
        "imam",
        "rev",
        "reverend",
        "father",
        "bishop",
        "archbishop",
        "cardinal",
        "coach",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "player",
        "actor",
        "actress",
        "singer",
        "leader",
        "chief",
        "officer",
        "analyst",
        "economist",
        "officials",
        "official",
        // French
        "m",
        "mme",
        "mlle",
        "me",
        "monsieur",
        "madame",
        "president",
        "presidente",
        "ministre",
        "premier",
        "general",
        "generale",
        "colonel",
        "capitaine",
        "lieutenant",
        "commandant",
        "marechal",
        "ambassadeur",
        "ambassadrice",
        "porte-parole",
        "depute",
        "deputee",
        "senateur",
        "maire",
        "juge",
        "procureur",
        "roi",
        "reine",
        "prince",
        "pape",
        "cheikh",
        "imam",
        "pere",
        "abbe",
        "mgr",
        "docteur",
        "professeur",
        "directeur",
        "directrice",
        "chancelier",
        "chanceliere",
        "secretaire",
        "emir",
        "defenseur",
        "attaquant",
        "entraineur",
        "selectionneur",
        "chanteur",
        "chanteuse",
        "ecrivain",
        "journaliste",
        "opposant",
        "militant",
        "avocat",
        "avocate",
        "patron",
        "dirigeant",
        "chef",
        "correspondant",
        "correspondante",
        "envoye",
        // Spanish, Portuguese
        "sr",
        "sra",
        "senor",
        "senora",
        "don",
        "dona",
        "presidenta",
        "ministro",
        "ministra",
        "canciller",
        "gobernador",
        "gobernadora",
        "alcalde",
        "alcaldesa",
        "diputado",
        "diputada",
        "senador",
        "senadora",
        "juez",
        "jueza",
        "fiscal",
        "rey",
        "reina",
        "papa",
        "coronel",
        "capitan",
        "embajador",
        "embajadora",
        "portavoz",
        "secretario",
        "secretaria",
        "director",
        "directora",
        "doctor",
        "doctora",
        "lider",
        "governador",
        "prefeito",
        "deputado",
        "senhor",
        "senhora",
        "embaixador",
        "porta-voz",
        "general",
        "generala",
        // German
        "herr",
        "frau",
        "prasident",
        "prasidentin",
        "kanzler",
        "kanzlerin",
        "bundeskanzler",
        "bundeskanzlerin",
        "minister",
        "ministerin",
        "burgermeister",
        "botschafter",
        "sprecher",
        "sprecherin",
        "konig",
        "konigin",
        "papst",
        "professor",
        "professorin",
        // Arabic
        "الرئيس",
        "الملك",
        "الأمير",
        "الامير",
        "الشيخ",
        "الوزير",
        "وزير",
        "رئيس",
        "الدكتور",
    ])
});

/// Whether a folded word (period stripped) is a title or role that precedes names.
pub fn is_title(folded: &str) -> bool {
    TITLES.contains(folded.trim_end_matches('.'))
}

/// Capitalised words that start sentences or headlines but never names.
static NOT_NAMES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    HashSet::from_iter([
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "in",
        "on",
        "at",
        "for",
        "but",
        "and",
        "or",
        "if",
        "when",
        "while",
        "after",
        "before",
        "as",
        "by",
        "with",
        "from",
        "to",
        "of",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "his",
        "her",
        "their",
        "our",
        "there",
        "here",
        "what",
        "who",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "ce",
        "cette",
        "ces",
        "il",
        "elle",
        "ils",
        "elles",
        "nous",
        "on",
        "en",
        "dans",
        "pour",
        "par",
        "sur",
        "avec",
        "selon",
        "depuis",
        "mais",
        "et",
        "ou",
        "si",
        "quand",
        "lors",
        "apres",
        "avant",
        "pas",
        "plus",
        "moins",
        "comme",
        "el",
        "los",
        "las",
        "una",
        "unos",
        "con",
        "por",
        "para",
        "según",
        "segun",
        "desde",
        "pero",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "und",
        "im",
        "am",
        "mit",
        "nach",
        "von",
        "bei",
        "auf",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
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
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
        "lunes",
        "martes",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "reuter",
        "reuters",
        "prime",
        "north",
        "south",
        "east",
        "west",
        "new",
        "former",
        "ex",
        "said",
        "says",
        "mr",
        "mrs",
        "but",
        "also",
    ])
});

static PARTICLES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    HashSet::from_iter([
        "de", "du", "da", "das", "dos", "do", "van", "von", "der", "den", "bin", "ben", "ibn",
        "al", "el", "del", "della", "di", "la", "le", "ould", "ag", "y",
    ])
});

static SAID: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    HashSet::from_iter([
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

/// A person's name found in the text (the span excludes any title).
#[derive(Debug, Clone)]
pub struct PersonMention {
    pub start: usize,
    pub end: usize,
    /// The title or role before the name, as written ("général").
    pub title: Option<String>,
    pub country: Option<&'static str>,
    /// From the gazetteer of well-known people.
    pub known: bool,
}

fn is_name_token(t: &Token) -> bool {
    if !t.is_cap || t.shouting || t.is_upper && t.text.chars().count() > 3 {
        return false;
    }
    let f = fold_word(t.text);
    !NOT_NAMES.contains(f.as_ref())
        && !is_title(&f)
        && !is_org_word(&f)
        && t.text.chars().any(char::is_lowercase)
}

/// Finds people: gazetteer persons, titled names, given-name runs and plain capitalised runs.
pub fn find(
    tokens: &[Token],
    hits: &[Hit],
    lower_words: &HashSet<Cow<'_, str>>,
) -> Vec<PersonMention> {
    let mut covered = vec![None::<usize>; tokens.len()];
    for (h, hit) in hits.iter().enumerate() {
        let mut i = hit.token;
        while i < tokens.len() && tokens[i].start < hit.end {
            covered[i] = Some(h);
            i += 1;
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(h) = covered[i] {
            let hit = &hits[h];
            let entity = GAZETTEER.entity(hit.pattern.ids[0]);
            if entity.kind == Kind::Person {
                let (title, country) = title_before(tokens, i, hits, &covered);
                out.push(PersonMention {
                    start: hit.start,
                    end: hit.end,
                    title,
                    country: entity.code.or(country),
                    known: true,
                });
            }
            while i < tokens.len() && covered[i] == Some(h) {
                i += 1;
            }
            continue;
        }
        if !is_name_token(&tokens[i]) {
            i += 1;
            continue;
        }
        // A run of name tokens, particles allowed between them.
        let mut j = i + 1;
        let mut last = i;
        while j < tokens.len() && tokens[j].joined && covered[j].is_none() {
            let f = fold_word(tokens[j].text);
            if is_name_token(&tokens[j]) {
                last = j;
            } else if !PARTICLES.contains(f.as_ref()) || j - last > 1 {
                break;
            }
            j += 1;
        }
        let run = i..=last;
        let next = last + 1;
        let (title, country) = title_before(tokens, i, hits, &covered);
        let n = last - i + 1;
        let given = is_given_name(&fold_word(tokens[i].text));
        let has_org_word = tokens[j.min(tokens.len() - 1)..]
            .first()
            .is_some_and(|t| t.joined && is_org_word(&fold_word(t.text)));
        let common = |t: &Token| lower_words.contains(fold_word(t.text).to_lowercase().as_str());
        let plain_run = (2..=4).contains(&n) && !tokens[run].iter().any(common);
        let said = n == 1
            && !tokens[i].starts_sentence
            && tokens
                .get(next)
                .is_some_and(|t| SAID.contains(fold_word(t.text).as_ref()))
            && !common(&tokens[i]);
        let person = if has_org_word {
            None
        } else if n >= 2 && tokens[i].starts_sentence && !given && title.is_none() {
            // The first word may be any capitalised word: trust the rest only.
            (n >= 3 && !tokens[i + 1..=last].iter().any(common)).then_some(i + 1)
        } else if title.is_some() || given && n >= 2 || plain_run || said {
            Some(i)
        } else {
            None
        };
        if let Some(first) = person {
            out.push(PersonMention {
                start: tokens[first].start,
                end: tokens[last].end,
                title,
                country,
                known: false,
            });
        }
        i = last + 1;
    }
    out
}

/// The title right before token `i` ("le président", "Russian President", "président russe"),
/// and the country a demonym next to it gives.
fn title_before(
    tokens: &[Token],
    i: usize,
    hits: &[Hit],
    covered: &[Option<usize>],
) -> (Option<String>, Option<&'static str>) {
    if i == 0 || !tokens[i].joined && !abbreviated(tokens, i) {
        return (None, None);
    }
    let demonym = |k: usize| {
        covered[k].and_then(|h| {
            let e = GAZETTEER.entity(hits[h].pattern.ids[0]);
            (e.kind == Kind::Demonym).then_some(e.code).flatten()
        })
    };
    let prev = &tokens[i - 1];
    if is_title(&fold_word(prev.text)) {
        let country = (i >= 2 && prev.joined).then(|| demonym(i - 2)).flatten();
        return (Some(prev.text.to_string()), country);
    }
    if let Some(code) = demonym(i - 1)
        && i >= 2
        && prev.joined
        && is_title(&fold_word(tokens[i - 2].text))
    {
        return (Some(tokens[i - 2].text.to_string()), Some(code));
    }
    (None, None)
}

/// "Mr. Smith", "Gen. Tiani": a period between an abbreviated title and the name.
fn abbreviated(tokens: &[Token], i: usize) -> bool {
    let prev = &tokens[i - 1];
    prev.text.len() <= 4 && is_title(&fold_word(prev.text))
}
