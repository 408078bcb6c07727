//! Gazetteer matches over the folded text: Aho-Corasick leftmost-longest, then word boundaries,
//! case rules, headline and dateline rules, and the person-name ambiguity of place names.

use super::fold::Folded;
use super::gazetteer::{
    self, CAPITAL, DATELINE, GAZETTEER, Kind, PERSONISH, Pattern, UPPER, char_at, is_alnum,
};
use super::tokens::Token;
use super::zones::{Zone, Zones};

/// One accepted gazetteer match, in original byte offsets.
#[derive(Debug, Clone)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub pattern: Pattern,
    pub zone: Zone,
    /// Index of the first token the match covers.
    pub token: usize,
}

impl Hit {
    /// The first (best) candidate entity's kind.
    pub fn kind(&self) -> Kind {
        GAZETTEER.entity(self.pattern.ids[0]).kind
    }
}

/// For each token, the hit that covers it, if any.
pub fn covered(tokens: &[Token], hits: &[Hit]) -> Vec<Option<usize>> {
    let mut covered = vec![None; tokens.len()];
    for (h, hit) in hits.iter().enumerate() {
        let mut i = hit.token;
        while i < tokens.len() && tokens[i].start < hit.end {
            covered[i] = Some(h);
            i += 1;
        }
    }
    covered
}

/// Arabic proclitics (and, by, to, so, like) written joined to the next word.
fn is_proclitic(c: char) -> bool {
    matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك')
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06ff}').contains(&c)
}

/// Finds the gazetteer names in the text and keeps those the context allows.
pub fn find(text: &str, folded: &Folded, tokens: &[Token], zones: &Zones) -> Vec<Hit> {
    let mut scan = Scan {
        text,
        folded,
        tokens,
        zones,
        // About one hit in thirty words: most articles never grow it.
        hits: Vec::with_capacity(tokens.len() / 16),
        tok: 0,
        skip_to: 0,
    };
    // Names start at word starts only, and every word of the folded text lies in a token.
    for t in tokens {
        let from = t.folded_at;
        if !t.plain {
            scan.words_in(from, from + t.folded.len());
        } else if from >= scan.skip_to {
            // Most words are one plain ASCII word, and start no name, which the word alone
            // settles.
            // A plain token is ASCII: its first letter's case is the tokenizer's.
            let lower = t.starts_lower;
            if GAZETTEER.may_start(t.folded.as_bytes(), lower) {
                scan.name_at(from, lower);
            }
        }
    }
    scan.hits
}

/// The state of a left-to-right scan for names.
struct Scan<'a> {
    text: &'a str,
    folded: &'a Folded,
    tokens: &'a [Token<'a>],
    zones: &'a Zones,
    hits: Vec<Hit>,
    /// The token the last hit starts in.
    tok: usize,
    /// The end of the last name found, in the folded text: no name starts before it.
    skip_to: usize,
}

impl Scan<'_> {
    /// The names starting at the word starts of folded bytes `from..to` (a token with accents,
    /// another script, hyphens or apostrophes).
    fn words_in(&mut self, from: usize, to: usize) {
        let (g, hay) = (&*GAZETTEER, self.folded.text.as_str());
        let bytes = hay.as_bytes();
        let mut prev_word = hay[..from].chars().next_back().is_some_and(is_alnum);
        let mut next = from;
        while next < to {
            if prev_word {
                // The rest of a word of ASCII letters and digits starts nothing.
                next += gazetteer::ascii_alnum_run(&bytes[next..to]);
            }
            let Some(c) = char_at(hay, next).filter(|_| next < to) else {
                break;
            };
            let i = next;
            next += c.len_utf8();
            let word = is_alnum(c);
            let start_here = word && !prev_word && i >= self.skip_to;
            prev_word = word;
            if !start_here {
                continue;
            }
            // Most words are lower case, and few names may be written so: a cheap filter first.
            let lower = char_at(self.text, self.folded.orig(i)).is_some_and(char::is_lowercase);
            if c.is_ascii() {
                // As for a plain token: the word alone settles that most words start no name.
                let run = gazetteer::ascii_alnum_run(&bytes[i..]);
                let end = if bytes.get(i + run).is_none_or(u8::is_ascii) {
                    i + run
                } else {
                    gazetteer::ends(hay, i).next().unwrap_or(hay.len())
                };
                if !g.may_start(&bytes[i..end], lower) {
                    next = end;
                    continue;
                }
            }
            if !self.name_at(i, lower) && is_proclitic(c) && next < bytes.len() {
                // The name may follow a proclitic joined to it ("والنيجر": "and Niger").
                self.name_at(next, lower);
            }
        }
    }

    /// Takes the longest name starting at folded byte `at`, if any, and keeps it when the
    /// context allows; whether a name started there.
    fn name_at(&mut self, at: usize, lower: bool) -> bool {
        let g = &*GAZETTEER;
        let Some((fe, pattern)) = g.longest_at(&self.folded.text, at, lower) else {
            return false;
        };
        self.skip_to = fe;
        let (start, end) = (self.folded.orig(at), self.folded.orig(fe));
        let tokens = self.tokens;
        while self.tok < tokens.len() && tokens[self.tok].end <= start {
            self.tok += 1;
        }
        let pattern = g.pattern_at(pattern);
        let zone = self.zones.zone(start);
        if accept(self.text, start, end, &pattern, tokens, self.tok, zone) {
            self.hits.push(Hit {
                start,
                end,
                pattern,
                zone,
                token: self.tok,
            });
        }
        true
    }
}

fn accept(
    text: &str,
    start: usize,
    end: usize,
    pattern: &Pattern,
    tokens: &[Token],
    tok: usize,
    zone: Zone,
) -> bool {
    let g = &*GAZETTEER;
    let surface = &text[start..end];
    let entity = g.entity(pattern.ids[0]);
    let first = surface.chars().next().unwrap_or(' ');
    let in_dateline = zone == Zone::Dateline;
    if pattern.flags & DATELINE != 0 && !in_dateline {
        return false;
    }
    if pattern.flags & UPPER != 0 && surface.chars().any(char::is_lowercase) {
        return false;
    }
    // Demonyms and multi-word organisations ("la banque mondiale") may be written in lower case.
    let lower_ok =
        entity.kind == Kind::Demonym || entity.kind == Kind::Org && pattern.text.contains(' ');
    let needs_capital = !lower_ok || pattern.flags & CAPITAL != 0;
    if needs_capital && first.is_lowercase() {
        return false;
    }
    let Some(token) = tokens.get(tok) else {
        return true;
    };
    if token.shouting && !in_dateline {
        // In a headline in capitals, acronyms and small towns are indistinguishable from words.
        if pattern.flags & UPPER != 0 && entity.kind != Kind::Country && !surface.contains('.') {
            return false;
        }
        // "GODZILLA AS JAPAN'S FAVOURITE": a country's short form that spells a function word.
        if pattern.flags & UPPER != 0 && HEADLINE_WORDS.contains(&pattern.text) {
            return false;
        }
        if entity.kind == Kind::City && !entity.is_capital && entity.population < 1_000_000 {
            return false;
        }
        // "HANG SENG": a short by-name of a city ("Hang" of Hangzhou) is a word there; its own
        // name ("WUHAN") and a capital's old name ("KIEV") are the city.
        let short = surface.chars().filter(|c| c.is_alphabetic()).count() <= 4;
        if entity.kind == Kind::City
            && !entity.is_capital
            && short
            && super::fold::fold_str(entity.name) != pattern.text
        {
            return false;
        }
    }
    // "UN DISCOURS", "AU CONSEIL": a short acronym beside other words in capitals is a word of
    // a heading (French "un", "au"), not the organisation.
    if pattern.flags & UPPER != 0 && entity.kind == Kind::Org && surface.len() <= 3 {
        let caps = |t: &Token| t.is_upper;
        let before = tok > 0 && caps(&tokens[tok - 1]) && token.joined;
        let after = tokens.get(tok + 1).is_some_and(|t| t.joined && caps(t));
        if before || after {
            return false;
        }
    }
    if entity.kind == Kind::City && !in_dateline {
        // "SAMA said": a short word in capitals in mixed-case text is an acronym, not the town
        // (Sanya's alias "Sama"), unless the gazetteer lists that form in capitals ("NYC");
        // a longer one is a town set in capitals ("JEDDAH").
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = !token.shouting
            && pattern.flags & UPPER == 0
            && (2..=5).contains(&letters)
            && !surface.chars().any(char::is_lowercase);
        if acronym {
            return false;
        }
        if !entity.is_capital && token.starts_sentence && entity.population < 100_000 {
            return false;
        }
        // A small town, or a town named like a person or a common word ("Graham", "Spring"),
        // needs the text to show it is a place: "in Graham", "Graham, Texas".
        // A name of several words ("Atlantic City", "Saffron Walden") is rarely anything else.
        let personish = pattern.flags & PERSONISH != 0;
        let doubtful = personish && entity.population < 500_000
            || entity.population < 100_000 && (personish || !pattern.text.contains(' '));
        if doubtful && !entity.is_capital && !place_context(text, tokens, tok, end) {
            return false;
        }
        if !token.is_cap && !is_arabic(first) {
            return false;
        }
    }
    // "Paris Agreement", "Davis Cup": a city naming an event or award is no place there; nor
    // one naming a pact in lower case ("the Paris accord") or a creditors' club ("Paris Club").
    if entity.kind == Kind::City
        && let Some(next) = tokens[tok..].iter().find(|t| t.start >= end)
        && next.joined
        && (next.is_cap && super::people::is_event_word(next.folded)
            || PACT_WORDS.contains(&next.folded)
            || next.is_cap && next.folded == "club")
    {
        return false;
    }
    if matches!(entity.kind, Kind::Country | Kind::City | Kind::Region) && !in_dateline {
        return !names_a_sea(text, start) && !part_of_person(text, pattern, tokens, tok, end);
    }
    true
}

/// Words before a country's name that make it a sea's ("the Gulf of Mexico", "la mer du
/// Japon", "el golfo de México"), folded by hand: the sea is no evidence for the country.
const SEA_BEFORE: &[&str] = &[
    "gulf of",
    "gulf of the",
    "sea of",
    "bay of",
    "strait of",
    "straits of",
    "golfe du",
    "golfe de",
    "golfe d'",
    "mer du",
    "mer de",
    "golfo de",
    "golfo del",
    "mar de",
    "mar del",
    "baie de",
    "bahia de",
    "bahía de",
];

/// Whether the place name at `start` is named by a sea before it.
fn names_a_sea(text: &str, start: usize) -> bool {
    // The last three words before the name, within a few bytes (a text without spaces must
    // not be walked back for every name), in lower case: the longest phrase above.
    let mut from = start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..start].trim_end_matches(' ');
    let tail: String = before
        .char_indices()
        .rev()
        .filter(|(_, c)| *c == ' ' || *c == '\n')
        .nth(2)
        .map_or(before, |(at, _)| &before[at + 1..])
        .to_lowercase();
    let tail = tail.trim_start();
    SEA_BEFORE.iter().any(|phrase| {
        tail.strip_suffix(phrase)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', '\n']))
    })
}

/// Words after a city that make it the name of a pact, in any case ("the Louvre accord", "the
/// Paris agreement"), folded.
const PACT_WORDS: &[&str] = &[
    "accord",
    "accords",
    "agreement",
    "agreements",
    "pact",
    "protocol",
    "communique",
];

/// Prepositions of place in kiosk's languages (folded), which announce a place name.
/// Short words of English, French and Spanish headlines that some country's short form in
/// capitals spells ("AS", "IN", "EN"): in a headline in capitals they are the words.
const HEADLINE_WORDS: &[&str] = &[
    "a", "am", "an", "as", "at", "au", "be", "by", "de", "do", "du", "el", "en", "et", "go", "he",
    "if", "in", "is", "it", "la", "le", "me", "my", "no", "of", "on", "or", "se", "so", "to", "un",
    "up", "we", "y",
];

const LOCATIVES: &[&str] = &[
    "in", "at", "near", "from", "to", "of", "outside", "around", "a", "en", "de", "pres", "vers",
    "dans", "em", "no", "na", "desde", "hacia", "cerca", "bei", "nach", "aus", "von", "im", "zu",
];

/// Whether the text around token `tok` (ending at `end`) shows a place: a locative
/// preposition right before it, or ", Region" right after it.
fn place_context(text: &str, tokens: &[Token], tok: usize, end: usize) -> bool {
    let token = &tokens[tok];
    if tok > 0 && token.joined && LOCATIVES.contains(&tokens[tok - 1].folded) {
        return true;
    }
    let rest = text[end..].trim_start_matches(' ');
    rest.strip_prefix(',').is_some_and(|r| {
        r.trim_start_matches(' ')
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    })
}

/// "George Washington", "Michael Jordan", "President Washington", "Chad Smith": a place name
/// that is really part of a person's name.
fn part_of_person(text: &str, pattern: &Pattern, tokens: &[Token], tok: usize, end: usize) -> bool {
    let token = &tokens[tok];
    if tok > 0 && token.joined && !token.starts_sentence {
        let prev = &tokens[tok - 1];
        if prev.is_cap && !prev.shouting {
            let folded = prev.folded;
            if gazetteer::is_given_name(folded) || super::people::is_title(folded) {
                return true;
            }
        }
    }
    let personish = pattern.flags & PERSONISH != 0 || gazetteer::is_given_name(pattern.text);
    let Some(next) = tokens[tok..].iter().find(|t| t.start >= end) else {
        return false;
    };
    let gap = &text[end..next.start];
    let is_surname = next.is_cap
        && !next.shouting
        && gap.chars().all(|c| c == ' ')
        && !gap.is_empty()
        && next.text.chars().skip(1).all(char::is_lowercase)
        && GAZETTEER.pattern(next.folded).is_none();
    // "Paris Hilton", "Florence Nightingale": a town's one-word name before a family name of
    // the Census list (which leaves out English words: "Berlin Wall", "Washington Post").
    let town = || {
        !pattern.text.contains(' ')
            && GAZETTEER.entity(pattern.ids[0]).kind == Kind::City
            && super::name_cues::SURNAMES.contains(next.folded)
    };
    is_surname && (personish || town())
}
