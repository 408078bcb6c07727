//! The embedded gazetteer (assets/gazetteer): entities, folded name patterns and country display
//! names, read from the index `build.rs` precompiles. Lookups only; no text analysis here.

mod countries;
mod index;

pub use countries::{COUNTRY_NAMES, CountryNames};
pub use index::{ascii_alnum_run, char_at, ends, is_alnum};

use std::collections::HashSet;
use std::sync::LazyLock;

/// A fast, fixed-seed hash for the analyser's word sets and maps: the keys are our own words and
/// the article's, so flooding is no concern, and foldhash reads eight bytes at a time where FNV
/// reads one.
pub type FastHash = foldhash::fast::FixedState;
/// A hash set with [`FastHash`].
pub type FastSet<T> = HashSet<T, FastHash>;
/// A set of folded words from an embedded list. Rules ask it about nearly every token, and
/// most tokens are in no list: a [`Sketch`] of 4,096 bits answers most of those "no"s before
/// any hashing.
#[derive(Debug, Default)]
pub struct WordSet {
    words: FastSet<&'static str>,
    sketch: Sketch<64>,
}

impl WordSet {
    pub fn contains(&self, word: &str) -> bool {
        self.sketch.may_contain(word) && self.words.contains(word)
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        let mut set = Self::default();
        set.extend(iter);
        set
    }
}

impl Extend<&'static str> for WordSet {
    fn extend<I: IntoIterator<Item = &'static str>>(&mut self, iter: I) {
        for word in iter {
            self.sketch.insert(word);
            self.words.insert(word);
        }
    }
}

/// `64 * WORDS` bits, one set for each word inserted, picked by its length and first and last
/// bytes: a word whose bit is clear was never inserted. Cheaper than a hash of the whole word.
#[derive(Debug, Clone, Copy)]
pub struct Sketch<const WORDS: usize>([u64; WORDS]);

impl<const WORDS: usize> Default for Sketch<WORDS> {
    fn default() -> Self {
        Self([0; WORDS])
    }
}

impl<const WORDS: usize> Sketch<WORDS> {
    pub fn insert(&mut self, word: &str) {
        let bit = Self::bit(word);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    pub fn may_contain(&self, word: &str) -> bool {
        let bit = Self::bit(word);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn bit(word: &str) -> usize {
        let bytes = word.as_bytes();
        let (first, last) = match bytes {
            [] => (0, 0),
            [first, .., last] => (*first, *last),
            [only] => (*only, *only),
        };
        let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
        let key = u32::from(first) | u32::from(last) << 8 | len << 16;
        // The top bits of a multiplicative hash, scaled to the sketch's size.
        let hash = u64::from(key.wrapping_mul(0x9e37_79b9));
        ((hash * (64 * WORDS as u64)) >> 32) as usize
    }
}

/// The words of an embedded list: one a line, `#` lines are comments.
pub fn word_set(list: &'static str) -> WordSet {
    // Sized for every line up front: a list of many thousand names rehashed a dozen times.
    let lines = list.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut set = WordSet {
        words: FastSet::with_capacity_and_hasher(lines, FastHash::default()),
        ..WordSet::default()
    };
    set.extend(
        list.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#')),
    );
    set
}

const ENTITIES: &str = include_str!("../../assets/gazetteer/entities.tsv");
const PATTERNS: &str = include_str!("../../assets/gazetteer/patterns.tsv");
const INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.idx"));
const GIVEN_NAMES: &str = include_str!("../../assets/gazetteer/given_names.txt");

/// What a gazetteer entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Country,
    Demonym,
    City,
    Region,
    Org,
    Person,
}

/// One gazetteer entity: a country, demonym, city, region, organisation or person.
#[derive(Debug, Clone, Copy)]
pub struct GEntity {
    pub kind: Kind,
    /// ISO 3166-1 alpha-2 code, if the entity belongs to or stands for a country.
    pub code: Option<&'static str>,
    pub name: &'static str,
    pub population: u32,
    pub is_capital: bool,
}

/// Pattern flags (see assets/gazetteer/README.md).
pub const UPPER: u8 = 1; // `=`: must be upper case in the text
pub const DATELINE: u8 = 2; // `@`: counts only in a dateline
pub const CAPITAL: u8 = 4; // `^`: needs a capital even when a demonym
pub const PERSONISH: u8 = 8; // `~`: also a person's name

/// One folded pattern: its text, flags and candidate entities, best first.
#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    pub text: &'static str,
    pub flags: u8,
    pub ids: &'static [u32],
}

/// The gazetteer's precompiled index (built by `build.rs`, see [`index`]), read in place, with the
/// embedded tables its offsets point into: a word-level trie kept as a hash table, which gives
/// leftmost-longest matches at word boundaries, plus a bloom filter that rejects most words of a
/// text in cache.
pub struct Gazetteer {
    /// The candidate entity ids of all patterns.
    ids: Vec<u32>,
    bloom: Vec<u64>,
    lower_bloom: Vec<u64>,
    slots: usize,
    max_len: usize,
    /// Where the pattern and entity tables start in the index, in words.
    pattern_at: usize,
    entity_at: usize,
}

fn at(n: u32) -> usize {
    n as usize
}

impl Gazetteer {
    /// The longest name starting at byte `at` of the folded `hay` and ending at a word end:
    /// (end, pattern index). `lower`: the word is lower case in the text, so only names that
    /// may be written so can start there.
    pub fn longest_at(&self, hay: &str, at: usize, lower: bool) -> Option<(usize, usize)> {
        let mut best = None;
        let (bytes, mut hashed, mut h) = (hay.as_bytes(), at, index::FNV_START);
        for end in index::ends(hay, at) {
            if end - at > self.max_len {
                break;
            }
            h = index::fnv_more(h, &bytes[hashed..end]);
            hashed = end;
            if lower && best.is_none() && !self.may_be_lower(h) {
                break;
            }
            let Some((i, goes_on)) = self.lookup_hashed(&bytes[at..end], h) else {
                break;
            };
            if i != index::NONE {
                best = Some((end, i as usize));
            }
            if !goes_on {
                break;
            }
        }
        best
    }

    /// Whether a name can start with the word `word` (written in lower case: `lower`), as far
    /// as the Bloom filters tell: when not, [`Gazetteer::longest_at`] finds nothing there.
    pub fn may_start(&self, word: &[u8], lower: bool) -> bool {
        let h = index::fnv(word);
        word.len() <= self.max_len && (!lower || self.may_be_lower(h)) && self.in_bloom(h)
    }

    fn in_bloom(&self, h: u64) -> bool {
        let bit = h % index::BLOOM_BITS;
        self.bloom[(bit / 64) as usize] & (1 << (bit % 64)) != 0
    }

    /// Whether a key, hashed `h`, is (a prefix of) a name that may be written in lower case.
    fn may_be_lower(&self, h: u64) -> bool {
        let bit = h % index::LOWER_BLOOM_BITS;
        self.lower_bloom[(bit / 64) as usize] & (1 << (bit % 64)) != 0
    }

    /// The hash table entry for a key: (pattern or [`index::NONE`], whether names go on).
    fn lookup(&self, key: &[u8]) -> Option<(u32, bool)> {
        self.lookup_hashed(key, index::fnv(key))
    }

    /// [`Gazetteer::lookup`] for a key already hashed: `h` is `index::fnv(key)`.
    fn lookup_hashed(&self, key: &[u8], h: u64) -> Option<(u32, bool)> {
        if !self.in_bloom(h) {
            return None;
        }
        let mask = self.slots - 1;
        #[allow(clippy::cast_possible_truncation)] // the top half
        let hi = (h >> 32) as u32;
        #[allow(clippy::cast_possible_truncation)] // only the low bits pick a slot
        let mut s = h as usize & mask;
        loop {
            let slot = words::<{ index::SLOT }>(index::HEADER + s * index::SLOT);
            let len = slot[1] & !index::GOES_ON;
            if len == 0 {
                return None;
            }
            let off = at(slot[0]);
            if slot[3] == hi
                && at(len) == key.len()
                && PATTERNS.as_bytes().get(off..off + key.len()) == Some(key)
            {
                return Some((slot[2], slot[1] & index::GOES_ON != 0));
            }
            s = (s + 1) & mask;
        }
    }

    /// Entity `id` (ids come from patterns, so they are in range).
    pub fn entity(&self, id: u32) -> GEntity {
        let w = words::<{ index::ENTITY }>(self.entity_at + at(id) * index::ENTITY);
        let name_off = at(w[0]);
        let name_len = at(w[1] & 0x00ff_ffff);
        let kind = match index::KINDS.get(at((w[1] >> 24) & 0x7f)).copied() {
            Some("C") => Kind::Country,
            Some("D") => Kind::Demonym,
            Some("Y") => Kind::City,
            Some("R") => Kind::Region,
            Some("P") => Kind::Person,
            _ => Kind::Org,
        };
        let code = (w[3] != 0).then(|| {
            let off = name_off - 3;
            ENTITIES.get(off..off + 2).unwrap_or_default()
        });
        GEntity {
            kind,
            code,
            name: ENTITIES
                .get(name_off..name_off + name_len)
                .unwrap_or_default(),
            population: w[2],
            is_capital: w[1] & index::CAPITAL_BIT != 0,
        }
    }

    /// Pattern number `i`, in the sorted order of `patterns.tsv`.
    pub fn pattern_at(&'static self, i: usize) -> Pattern {
        let w = words::<{ index::PATTERN }>(self.pattern_at + i * index::PATTERN);
        let (off, len) = (at(w[0]), at(w[1] & 0x00ff_ffff));
        let ids = self
            .ids
            .get(at(w[2])..at(w[2]) + at(w[3]))
            .unwrap_or_default();
        Pattern {
            text: PATTERNS.get(off..off + len).unwrap_or_default(),
            #[allow(clippy::cast_possible_truncation)] // flags are the top byte
            flags: (w[1] >> 24) as u8,
            ids,
        }
    }

    /// Every pattern, in sorted order.
    pub fn patterns(&'static self) -> impl Iterator<Item = Pattern> {
        (0..at(words::<2>(0)[1])).map(|i| self.pattern_at(i))
    }

    /// The pattern exactly equal to a folded string, if any.
    pub fn pattern(&'static self, folded: &str) -> Option<Pattern> {
        let (i, _) = self.lookup(folded.as_bytes())?;
        (i != index::NONE).then(|| self.pattern_at(at(i)))
    }
}

/// The gazetteer, read in place from its precompiled index; only the bloom filters and the
/// entity ids are copied out on first use.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(load);

/// `N` consecutive words of the index from word `i` (zeros past its end, which a well-formed
/// index never reaches).
fn words<const N: usize>(i: usize) -> [u32; N] {
    let mut out = [0; N];
    if let Some(bytes) = INDEX.get(i * 4..(i + N) * 4) {
        for (w, b) in out.iter_mut().zip(bytes.chunks_exact(4)) {
            *w = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        }
    }
    out
}

fn load() -> Gazetteer {
    let [slots, patterns, entities, max_len, bloom_words, lower_words] =
        words::<{ index::HEADER }>(0).map(at);
    let pattern_at = index::HEADER + slots * index::SLOT;
    let entity_at = pattern_at + patterns * index::PATTERN;
    let bloom_at = entity_at + entities * index::ENTITY;
    let lower_at = bloom_at + bloom_words * 2;
    let ids_at = lower_at + lower_words * 2;
    let u32s = |from: usize, to: usize| {
        INDEX
            .get(from * 4..to * 4)
            .unwrap_or_default()
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let u64s = |from: usize, to: usize| {
        INDEX
            .get(from * 4..to * 4)
            .unwrap_or_default()
            .chunks_exact(8)
            .map(|b| u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
            .collect()
    };
    Gazetteer {
        ids: u32s(ids_at, INDEX.len() / 4).collect(),
        bloom: u64s(bloom_at, lower_at),
        lower_bloom: u64s(lower_at, ids_at),
        slots,
        max_len,
        pattern_at,
        entity_at,
    }
}

/// Folded given names.
static GIVEN: LazyLock<WordSet> = LazyLock::new(|| word_set(GIVEN_NAMES));

/// Whether a folded word is a known given name.
pub fn is_given_name(folded: &str) -> bool {
    GIVEN.contains(folded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::fold::fold_str;

    #[test]
    fn patterns_are_folded_like_the_text() {
        for p in GAZETTEER.patterns() {
            assert_eq!(
                fold_str(p.text),
                p.text,
                "pattern not folded like Rust folds"
            );
        }
    }

    #[test]
    fn loads_countries_cities_and_orgs() {
        let g = &*GAZETTEER;
        let moscou = g.pattern("moscou").expect("Moscou");
        let e = g.entity(moscou.ids[0]);
        assert_eq!((e.kind, e.code, e.name), (Kind::City, Some("RU"), "Moscow"));
        let cedeao = g.pattern("cedeao").expect("Cédéao");
        assert_eq!(g.entity(cedeao.ids[0]).name, "ECOWAS");
        assert!(is_given_name("kathleen"));
        assert!(
            COUNTRY_NAMES.windows(2).all(|w| w[0].code < w[1].code),
            "sorted by code"
        );
    }
}
