//! People: titles and roles in each language, given names, known people from the gazetteer and
//! runs of capitalised words that are not places or organisations. Coreference is in `entities`.

use super::gazetteer::{FastSet, GAZETTEER, Kind, Sketch, is_given_name};
use super::matches::Hit;
use super::name_cues::{
    CENSUS_GIVEN, CONJUNCTIONS, NOT_NAMES, PARTICLES, SAID_BEFORE, SUFFIXES, SURNAMES,
    after_place_word, is_dated_month, is_initial, looks_like_surname, quoted_alone, said_after,
};
pub use super::name_cues::{is_event_word, is_function_word, is_title};
use super::orgs::is_org_word;
use super::places::is_place_word;
use super::tokens::Token;

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

/// A capitalised word that may be part of a person's name. Asked of nearly every token: the
/// shape tests, which rule out most, are inlined into the callers.
#[inline]
pub fn is_name_token(t: &Token) -> bool {
    t.is_cap && !t.shouting && is_name_word(t)
}

fn is_name_word(t: &Token) -> bool {
    if t.is_upper && t.text.chars().nth(3).is_some() {
        return false;
    }
    let f = t.folded;
    // "L'État", "l'Élysée": an elided article opens a thing's name, not a person's.
    let article = f.starts_with("l'") && f.len() > 2;
    // The token's case first: it costs no lookup.
    t.has_lower && !article && !NOT_NAMES.contains(f) && !is_title(f) && !is_org_word(f)
}

/// German articles: a word after one is a noun ("aus dem Emsland sagte"), not a name.
const GERMAN_ARTICLES: &[&str] = &[
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines",
];

/// Finds people: gazetteer persons, titled names, given-name runs and plain capitalised runs.
pub fn find(
    text: &str,
    tokens: &[Token],
    hits: &[Hit],
    // `covered[i]`: the hit that owns token `i` (see `matches::covered`).
    covered: &[Option<usize>],
    // Capitalised words (folded) that the text also writes in lower case.
    lower_words: &FastSet<&str>,
    // German capitalises every noun: a capitalised word is no cue for a name there.
    german: bool,
) -> Vec<PersonMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(h) = covered[i] {
            let hit = &hits[h];
            let entity = GAZETTEER.entity(hit.pattern.ids[0]);
            if entity.kind == Kind::Person {
                let (title, country) = title_before(tokens, i, hits, covered);
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
        // "M. HERVE": a name in capitals after a title.
        let titled_capitals = tokens[i].is_upper
            && !tokens[i].shouting
            && title_before(tokens, i, hits, covered).0.is_some();
        // "C. H. Douglas", "P. Diddy": initials open a name.
        let initials = is_initial(text, &tokens[i])
            && !is_title(tokens[i].folded)
            && tokens.get(i + 1).is_some_and(|n| {
                covered[i + 1].is_none() && (is_name_token(n) || is_initial(text, n))
            });
        if !is_name_token(&tokens[i]) && !titled_capitals && !initials {
            i += 1;
            continue;
        }
        // A run of name tokens, particles allowed between them.
        let mut j = i + 1;
        let mut last = i;
        while j < tokens.len()
            && (tokens[j].joined || is_initial(text, &tokens[j - 1]))
            && covered[j].is_none()
        {
            let f = tokens[j].folded;
            if is_name_token(&tokens[j]) || is_initial(text, &tokens[j]) && j + 1 < tokens.len() {
                last = j;
            } else if j == i + 1 && surname_like_title(tokens, i, j) {
                // "Ben Player", "Andy Dean": after a given name, a role word is the surname.
                last = j;
                break;
            } else if SUFFIXES.contains(f) {
                // "Jr." and "III" close a name.
                last = j;
                break;
            } else if !PARTICLES.contains(f) || j - last > 1 {
                break;
            }
            j += 1;
        }
        // An initial does not end a name ("William T." is cut before the initial).
        while last > i && is_initial(text, &tokens[last]) {
            last -= 1;
        }
        let run = i..=last;
        let next = last + 1;
        let (title, country) = title_before(tokens, i, hits, covered);
        let n = last - i + 1;
        // The Census given names are commoner words too ("Will", "Bill" are left out, but
        // not every one): they open a name only beside a family name or at a sentence start.
        let given =
            is_given_name(tokens[i].folded) || n >= 2 && CENSUS_GIVEN.contains(tokens[i].folded);
        let has_org_word = tokens[j.min(tokens.len() - 1)..]
            .first()
            .is_some_and(|t| t.joined && is_org_word(t.folded));
        let common = |t: &Token| t.starts_lower || lower_words.contains(t.folded);
        let plain_run = !german && (2..=4).contains(&n) && !tokens[run].iter().any(common);
        // "Klein said": at the start of a sentence too, but not a plural ("Officials said").
        // The verb right after the name: after a closing quote it is the quotation's speaker
        // that follows ("… die ganze Woche“, sagte die Pflegekraft").
        let said = n == 1
            && (!tokens[i].starts_sentence || !tokens[i].folded.ends_with('s'))
            && tokens.get(next).is_some_and(|t| t.joined)
            && said_after(tokens, next)
            && !common(&tokens[i]);
        // "..., Alice, reported": a known given name alone mid-sentence; "says Tarlo.": a lone
        // capitalised word right after a speech verb and before punctuation.
        let lone = n == 1 && !tokens[i].starts_sentence && !common(&tokens[i]);
        let lone_given = lone && given;
        // Any other lone capitalised word mid-sentence that no gazetteer, word list or
        // lower-case use explains is most often a surname ("criticism of Klein").
        let lone_unknown = lone
            && !german
            && looks_like_surname(&tokens[i])
            && !after_place_word(tokens, i)
            && SURNAMES.contains(tokens[i].folded);
        let said_before = lone
            && i > 0
            && tokens[i].joined
            && SAID_BEFORE.contains(tokens[i - 1].folded)
            && tokens.get(next).is_none_or(|t| !t.joined || t.starts_lower);
        let not_person = |t: &Token| is_event_word(t.folded) || is_place_word(t.folded);
        let event = tokens[i..=last].iter().any(not_person)
            || tokens.get(next).is_some_and(|t| t.joined && not_person(t));
        // Articles make a name a thing's: "the Clyde", "A Beautiful Lie", "The Used", "El Niño"
        // (the rare person named after an article, "la Callas", is lost).
        let after_article = i > 0
            && tokens[i].joined
            && (matches!(
                tokens[i - 1].text,
                "the" | "The" | "an" | "An" | "A" | "el" | "El" | "la" | "La" | "los" | "las"
            ) || german && GERMAN_ARTICLES.contains(&tokens[i - 1].folded));
        // "F-86 Sabre", "30 Seconds to Mars": a code, or a number before no given name (lists
        // number people: "16 Alexandre Genu").
        let after_code = i > 0 && tokens[i].joined && {
            let prev = tokens[i - 1].text;
            let letters = prev.contains(char::is_alphabetic);
            let year = prev.len() == 4 && prev.bytes().all(|b| b.is_ascii_digit());
            prev.contains(|c: char| c.is_ascii_digit()) && (letters || !given && !year)
        };
        // "Bowling Green Falcons": a plural at the end that is no family name.
        let plural_end = n >= 2
            && !given
            && tokens[last].folded.ends_with('s')
            && !SURNAMES.contains(tokens[last].folded);
        let quoted = quoted_alone(text, tokens[i].start, tokens[last].end);
        // "Santa Juana", "São Bento", "Saint-Louis": a saint's name is a place's or a church's.
        let saint = n >= 2
            && matches!(
                tokens[i].folded,
                "santa" | "santo" | "san" | "sao" | "saint" | "sainte"
            );
        let date = is_dated_month(tokens, i) || is_dated_month(tokens, last);
        let thing = after_article || after_code || plural_end || quoted || saint || date;
        // German: a noun or a compound role opens the run ("Wirtschaftsminister Oleksandr
        // Kovalenko", "Landwirt Henrik Mahlstedt"); the name starts at the given name after it.
        let noun_before_given = german
            && n >= 2
            && !given
            && title.is_none()
            && is_name_token(&tokens[i + 1])
            && (is_given_name(tokens[i + 1].folded) || CENSUS_GIVEN.contains(tokens[i + 1].folded));
        let person = if has_org_word || event || thing && title.is_none() {
            None
        } else if noun_before_given {
            Some(i + 1)
        } else if n >= 2 && tokens[i].starts_sentence && !given && title.is_none() {
            // The first word may be any capitalised word: trust the rest only.
            (n >= 3 && !tokens[i + 1..=last].iter().any(common)).then_some(i + 1)
        } else if title.is_some()
            || given && n >= 2
            || plain_run
            || said
            || lone_given
            || lone_unknown
            || said_before
        {
            Some(i)
        } else {
            None
        };
        if let Some(first) = person {
            out.push(PersonMention {
                start: tokens[first].start,
                end: tokens[last].end,
                title: title.clone(),
                country,
                known: false,
            });
            // "MM. Sarrien et Clemenceau", "Presidents Lula and Boric": the title covers the
            // name joined by a conjunction too.
            if title.is_some()
                && let [conj, name, ..] = &tokens[(last + 1).min(tokens.len())..]
                && conj.joined
                && name.joined
                && CONJUNCTIONS.contains(conj.folded)
                && covered[last + 2].is_none()
                && is_name_token(name)
            {
                // The whole name after the conjunction: "Dozier and Corey Partridge".
                let first = last + 2;
                let mut end = first;
                while tokens
                    .get(end + 1)
                    .is_some_and(|t| t.joined && covered[end + 1].is_none() && is_name_token(t))
                {
                    end += 1;
                }
                out.push(PersonMention {
                    start: name.start,
                    end: tokens[end].end,
                    title,
                    country: None,
                    known: false,
                });
                i = end + 1;
                continue;
            }
        }
        i = last + 1;
    }
    later_surnames(tokens, covered, lower_words, &mut out);
    out
}

/// A lone capitalised word that is the surname of a person named in full elsewhere in the text
/// ("Tiani" beside "Abdourahamane Tiani"), when the rules above did not take it.
fn later_surnames(
    tokens: &[Token],
    covered: &[Option<usize>],
    lower_words: &FastSet<&str>,
    out: &mut Vec<PersonMention>,
) {
    let surnames = full_name_surnames(tokens, out);
    if surnames.is_empty() {
        return;
    }
    // Most capitalised words are no surname found: a sketch spares hashing them.
    let mut sketch = Sketch::<8>::default();
    for s in &surnames {
        sketch.insert(s);
    }
    let taken = super::spans::SpanIndex::new(out.iter().map(|p| (p.start, p.end)));
    for (i, t) in tokens.iter().enumerate() {
        // Capitals first: the cheap test that rules out most words.
        let candidate = t.is_cap
            && sketch.may_contain(t.folded)
            && surnames.contains(t.folded)
            && covered[i].is_none()
            && (is_name_token(t) || is_title(t.folded) && t.is_cap && !t.shouting)
            && !lower_words.contains(t.folded);
        let alone = || {
            let next_is_name = tokens
                .get(i + 1)
                .is_some_and(|n| n.joined && is_name_token(n));
            let prev_is_name = i > 0 && t.joined && is_name_token(&tokens[i - 1]);
            let taken = taken.overlaps(t.start, t.end);
            !(next_is_name || prev_is_name || taken)
        };
        if candidate && alone() {
            out.push(PersonMention {
                start: t.start,
                end: t.end,
                title: None,
                country: None,
                known: false,
            });
        }
    }
    out.sort_by_key(|p| p.start);
}

/// The family names (folded last words) of the people found by the rules with more than one
/// word, not the gazetteer's well-known people.
pub fn full_name_surnames<'a>(tokens: &[Token<'a>], people: &[PersonMention]) -> FastSet<&'a str> {
    let mut surnames = FastSet::default();
    for p in people.iter().filter(|p| !p.known) {
        let last = tokens.partition_point(|t| t.end < p.end);
        if last > 0
            && tokens
                .get(last)
                .is_some_and(|t| t.end == p.end && t.start > p.start)
        {
            surnames.insert(tokens[last].folded);
        }
    }
    surnames
}

/// Whether title word `j` right after token `i` is a family name ("Ben Player was"): `i` is a
/// given name, `j` is capitalised and no capitalised word follows it, as one would follow a
/// title opening the next name ("Ben President Lula" is no family name).
fn surname_like_title(tokens: &[Token], i: usize, j: usize) -> bool {
    let t = &tokens[j];
    t.is_cap
        && !t.shouting
        && !t.is_upper
        && is_title(t.folded)
        && !is_org_word(t.folded)
        && (is_given_name(tokens[i].folded) || CENSUS_GIVEN.contains(tokens[i].folded))
        && !tokens.get(j + 1).is_some_and(|n| n.joined && n.is_cap)
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
    if is_title(prev.folded) {
        let country = (i >= 2 && prev.joined).then(|| demonym(i - 2)).flatten();
        return (Some(prev.text.to_string()), country);
    }
    if let Some(code) = demonym(i - 1)
        && i >= 2
        && prev.joined
        && is_title(tokens[i - 2].folded)
    {
        return (Some(tokens[i - 2].text.to_string()), Some(code));
    }
    (None, None)
}

/// "Mr. Smith", "Gen. Tiani", "Prof. Ali": a period between an abbreviated title and the name
/// ("a poet. Born" is a sentence's end).
fn abbreviated(tokens: &[Token], i: usize) -> bool {
    let prev = &tokens[i - 1];
    let short = prev.text.len() <= 3 || matches!(prev.folded, "prof" | "pres" | "capt" | "mlle");
    short && is_title(prev.folded)
}
