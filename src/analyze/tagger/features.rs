//! The tagger's features: hashed facts about each token that may be part of a name (its word,
//! shape, affixes, neighbours, gazetteer entries, cue lists and the rules' findings).

use super::super::gazetteer::{FastSet, GAZETTEER, Kind};
use super::super::matches::Hit;
use super::super::tokens::Token;
use super::document::CAPITALISED_INSIDE;
use super::lexicon::{self, Lex, cue};

/// Whether and how a token is scored: most tokens never are, which is what keeps tagging fast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scored {
    /// Lower-case or no letters: outside any name.
    Never,
    /// Capitalised or in capitals: may open or continue a name.
    Always,
    /// A short lower-case word ("of", "de") between capitalised ones: may continue a name.
    Inside,
}

/// Rule findings on a token (bit flags), fed to the model as features rather than decisions.
pub mod rule {
    pub const PERSON: u8 = 1;
    pub const ORG: u8 = 2;
    pub const PLACE: u8 = 4;
    /// The token opens the finding.
    pub const FIRST: u8 = 8;
}

/// The static features of every token, flat: token `i` owns `hashes[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Default)]
pub struct Features {
    pub offsets: Vec<u32>,
    pub hashes: Vec<u32>,
    pub scored: Vec<Scored>,
    /// A small shape class of each token, crossed with the previous tag while decoding.
    pub shape: Vec<u8>,
}

impl Features {
    pub fn of(&self, i: usize) -> &[u32] {
        &self.hashes[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// FNV-1a: fixed, so that a trained model means the same on every platform and run.
pub fn str_hash(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

/// Combines a feature template's number with its value into one feature hash.
#[inline]
pub fn feature(template: u32, value: u32) -> u32 {
    let x = (value ^ template.wrapping_mul(0x85eb_ca6b)).wrapping_mul(0x9e37_79b1);
    x ^ (x >> 15)
}

/// A shape class from the token's case flags: cheap, asked of every neighbour.
fn flag_shape(t: &Token) -> u8 {
    let case = if t.is_upper {
        1
    } else if t.is_cap {
        2
    } else if t.starts_lower {
        3
    } else {
        4
    };
    let short = u8::from(t.text.len() <= 2) << 3;
    case | short | (u8::from(t.shouting) << 4)
}

/// The word's shape with runs squeezed ("McDonald" → "XxXx", "G7" → "Xd"), as a hash.
fn full_shape(word: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut last = '\0';
    for c in word.chars().take(12) {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if class != last {
            h = (h ^ class as u32).wrapping_mul(0x0100_0193);
            last = class;
        }
    }
    h
}

fn gazetteer_kind(hit: &Hit) -> u32 {
    match GAZETTEER.entity(hit.pattern.ids[0]).kind {
        Kind::Country => 1,
        Kind::Demonym => 2,
        Kind::City => 3,
        Kind::Region => 4,
        Kind::Org => 5,
        Kind::Person => 6,
    }
}

/// Whether a token is a candidate at all, before any lookup.
fn scored(tokens: &[Token], i: usize) -> Scored {
    let t = &tokens[i];
    if t.is_cap || t.is_upper {
        return Scored::Always;
    }
    // "65 Air Division", "30 Seconds to Mars": a number may open a name.
    let number_before_name = t.text.starts_with(|c: char| c.is_ascii_digit())
        && tokens.get(i + 1).is_some_and(|n| n.is_cap && n.joined);
    if number_before_name {
        return Scored::Always;
    }
    let between = i > 0
        && tokens[i - 1].is_cap
        && tokens.get(i + 1).is_some_and(|n| n.is_cap && n.joined)
        && t.joined
        && t.starts_lower
        && t.text.len() <= 4;
    if between {
        Scored::Inside
    } else {
        Scored::Never
    }
}

/// Extracts the features of every candidate token. `marks[i]` holds the rules' findings
/// ([`rule`]), `covered[i]` the gazetteer hit owning token `i`, `lower` the capitalised words
/// the text also writes in lower case.
pub fn extract(
    tokens: &[Token],
    hits: &[Hit],
    covered: &[Option<usize>],
    lower: &FastSet<&str>,
    marks: &[u8],
    german: bool,
) -> Features {
    let n = tokens.len();
    let scored: Vec<Scored> = (0..n).map(|i| scored(tokens, i)).collect();
    let shape: Vec<u8> = tokens.iter().map(flag_shape).collect();
    // The word-form facts of each token in a scored token's window, looked up once.
    let mut lex = vec![Lex::default(); n];
    // One sense per document: a word capitalised inside a sentence somewhere is a name there,
    // and likely wherever it opens a sentence too (a bit of `seen_as`).
    let candidates = scored.iter().filter(|s| **s == Scored::Always).count();
    let seen_as = super::document::seen_as(tokens, &scored, candidates, hits, covered, marks);
    let runs = super::document::runs(tokens, &scored);
    let mut offsets = Vec::with_capacity(n + 1);
    // At most 52 features a scored token (44 of its own, 4 document ones, 4 German): sized so
    // that the pushes never reallocate.
    let to_score = scored.iter().filter(|s| **s != Scored::Never).count();
    let mut hashes = Vec::with_capacity(to_score * 52);
    offsets.push(0);
    for i in 0..n {
        if scored[i] != Scored::Never {
            for k in i.saturating_sub(2)..(i + 3).min(n) {
                if lex[k].word == 0 {
                    lex[k] = lexicon::lookup(tokens[k].folded);
                }
            }
            let at = hashes.len();
            let t = &tokens[i];
            let also_lower = lower.contains(t.folded);
            token_features(
                tokens,
                hits,
                covered,
                also_lower,
                marks,
                &shape,
                &lex,
                i,
                &mut hashes,
            );
            let seen = seen_as.get(t.folded).copied();
            let inside_caps = seen.is_some_and(|s| s & CAPITALISED_INSIDE != 0);
            let elsewhere = u32::from(inside_caps)
                | u32::from(t.starts_sentence) << 1
                | u32::from(also_lower) << 2;
            hashes.push(feature(80, elsewhere));
            if let Some(seen) = seen {
                hashes.push(feature(81, u32::from(seen & !CAPITALISED_INSIDE)));
            }
            // The run of capitalised words the token is in: its length and the token's place.
            let (len, place) = runs[i];
            hashes.push(feature(82, u32::from(len) << 4 | u32::from(place)));
            hashes.push(feature(83, u32::from(len) << 8 | lex[i].word));
            // German capitalises every noun: its bias and case features get weights of their own.
            if german {
                for k in [0, 2, 6, 7] {
                    let own = feature(99, hashes[at + k]);
                    hashes.push(own);
                }
            }
        }
        offsets.push(u32::try_from(hashes.len()).unwrap_or(u32::MAX));
    }
    Features {
        offsets,
        hashes,
        scored,
        shape,
    }
}

#[allow(clippy::too_many_arguments)]
fn token_features(
    tokens: &[Token],
    hits: &[Hit],
    covered: &[Option<usize>],
    also_lower: bool,
    marks: &[u8],
    shape: &[u8],
    lex: &[Lex],
    i: usize,
    out: &mut Vec<u32>,
) {
    let t = &tokens[i];
    let n = tokens.len();
    let own = &lex[i];
    let mut push = |template: u32, value: u32| out.push(feature(template, value));
    push(0, 0);
    push(1, own.word);
    push(2, full_shape(t.text));
    push(3, own.prefix3);
    push(4, own.suffix3);
    push(5, own.suffix2);
    let flags = u32::from(t.starts_sentence)
        | u32::from(t.joined) << 1
        | u32::from(tokens.get(i + 1).is_some_and(|n| n.joined)) << 2
        | u32::from(i == 0) << 3;
    push(6, flags);
    push(7, flags << 8 | u32::from(shape[i]));
    // Neighbours: word and shape at -2..=2.
    for (slot, d) in [(0u32, -2isize), (1, -1), (2, 1), (3, 2)] {
        let Some(k) = i.checked_add_signed(d).filter(|k| *k < n) else {
            push(10 + slot, 0xffff);
            continue;
        };
        push(10 + slot, lex[k].word);
        push(
            20 + slot,
            u32::from(shape[k]) | u32::from(tokens[k.max(i)].joined) << 8,
        );
    }
    if i > 0 {
        push(30, lex[i - 1].word ^ own.word.rotate_left(7));
    }
    if i + 1 < n {
        push(31, own.word ^ lex[i + 1].word.rotate_left(7));
    }
    push(
        32,
        u32::from(shape[i]) | (u32::from(i > 0) * u32::from(shape[i.saturating_sub(1)])) << 8,
    );
    // The gazetteer: kind of the hit owning the token, whether it opens it, and its length.
    if let Some(h) = covered[i] {
        let hit = &hits[h];
        let kind = gazetteer_kind(hit);
        let opens = u32::from(hit.token == i);
        let len = tokens[hit.token..]
            .iter()
            .take_while(|t| t.start < hit.end)
            .count()
            .min(4);
        let len = u32::try_from(len).expect("at most 4");
        push(40, kind << 1 | opens);
        push(41, kind << 8 | len << 1 | opens);
    }
    for (slot, k) in [(0u32, i.wrapping_sub(1)), (1, i + 1)] {
        if let Some(h) = covered.get(k).copied().flatten() {
            push(42 + slot, gazetteer_kind(&hits[h]));
        }
    }
    // Cue lists: the word's own (bits 0 to 7 of `Lex::cues`), then whether the text also
    // writes it in lower case.
    let cues = u32::from(own.cues & 0xff) | u32::from(also_lower) << 8;
    for bit in 0..9 {
        if cues & 1 << bit != 0 {
            push(50 + bit, 1);
        }
    }
    // The cues of the neighbours (all inside the window `lex` holds).
    let near = |k: Option<usize>, flag: u16| {
        k.and_then(|k| lex.get(k))
            .is_some_and(|l| l.cues & flag != 0)
    };
    let (back1, back2, next1, next2) = (
        i.checked_sub(1),
        i.checked_sub(2),
        Some(i + 1).filter(|&k| k < n),
        Some(i + 2).filter(|&k| k < n),
    );
    let context = u32::from(near(back1, cue::TITLE))
        | u32::from(near(back2, cue::TITLE)) << 1
        | u32::from(near(next1, cue::ORG_WORD)) << 2
        | u32::from(near(next2, cue::ORG_WORD)) << 3
        | u32::from(near(next1, cue::PLACE_WORD)) << 4
        | u32::from(near(next1, cue::SAID)) << 5
        | u32::from(near(back1, cue::GIVEN)) << 6
        | u32::from(near(next1, cue::SURNAME)) << 7
        | u32::from(near(back1, cue::PLACE_WORD)) << 8;
    for bit in 0..9 {
        if context & 1 << bit != 0 {
            push(60 + bit, 1);
        }
    }
    // The rules' findings.
    for (slot, k) in [(0u32, Some(i)), (1, i.checked_sub(1)), (2, Some(i + 1))] {
        if let Some(&m) = k.and_then(|k| marks.get(k))
            && m != 0
        {
            push(70 + slot, u32::from(m));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_squeeze_runs() {
        assert_eq!(full_shape("McDonald"), full_shape("MaDo"));
        assert_ne!(full_shape("McDonald"), full_shape("Mcdonald"));
    }

    #[test]
    fn hashes_are_fixed() {
        // FNV-1a of "a": a trained model depends on these values never changing.
        assert_eq!(str_hash("a"), 0xe40c_292c);
        assert_ne!(feature(1, 5), feature(2, 5));
    }
}
