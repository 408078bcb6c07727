//! The embedded gazetteer (assets/gazetteer): entities, folded name patterns and country display
//! names, parsed once on first use. Lookups only; no text analysis here.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

const ENTITIES: &str = include_str!("../../assets/gazetteer/entities.tsv");
const PATTERNS: &str = include_str!("../../assets/gazetteer/patterns.tsv");
const COUNTRIES: &str = include_str!("../../assets/gazetteer/countries.tsv");
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
#[derive(Debug, Clone)]
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
#[derive(Debug, Clone)]
pub struct Pattern {
    pub text: &'static str,
    pub flags: u8,
    pub ids: Vec<u32>,
}

/// FNV-1a: short keys, no hash-flooding concern (the keys are our own gazetteer).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvBuild = BuildHasherDefault<Fnv>;

/// The parsed gazetteer with its matcher: a word-level trie kept as hash sets, which gives
/// leftmost-longest matches at word boundaries and builds in milliseconds (an Aho-Corasick
/// automaton over the same 130k names took 0.9 s to build).
pub struct Gazetteer {
    pub entities: Vec<GEntity>,
    pub patterns: Vec<Pattern>,
    /// Every name and every prefix of a name ending at a word end: (pattern index if a name,
    /// whether longer names go on from it).
    index: HashMap<&'static str, (u32, bool), FnvBuild>,
    /// One bit per hash of an `index` key: most words of a text are rejected here, in cache.
    bloom: Vec<u64>,
    max_len: usize,
}

const BLOOM_BITS: u64 = 1 << 21;

fn fnv(key: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(key.as_bytes());
    h.finish()
}

/// Where a name may end: after each word, and after a period that closes an abbreviation.
fn ends(text: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    text[from..].char_indices().filter_map(move |(k, c)| {
        let at = from + k + c.len_utf8();
        let next = text[at..].chars().next();
        let word_end = c.is_alphanumeric() && next.is_none_or(|n| !n.is_alphanumeric());
        let period_end = c == '.' && at >= 2 && bytes[at - 2].is_ascii_alphabetic();
        (word_end || period_end).then_some(at)
    })
}

impl Gazetteer {
    /// The longest name starting at byte `at` of the folded `hay` and ending at a word end:
    /// (end, pattern index).
    pub fn longest_at(&self, hay: &str, at: usize) -> Option<(usize, usize)> {
        let mut best = None;
        for end in ends(hay, at) {
            if end - at > self.max_len {
                break;
            }
            let key = &hay[at..end];
            let bit = fnv(key) % BLOOM_BITS;
            if self.bloom[(bit / 64) as usize] & (1 << (bit % 64)) == 0 {
                break;
            }
            let Some(&(i, goes_on)) = self.index.get(key) else {
                break;
            };
            if i != u32::MAX {
                best = Some((end, i as usize));
            }
            if !goes_on {
                break;
            }
        }
        best
    }

    pub fn entity(&self, id: u32) -> &GEntity {
        &self.entities[id as usize]
    }

    /// The pattern exactly equal to a folded string, if any (patterns are sorted).
    pub fn pattern(&self, folded: &str) -> Option<&Pattern> {
        self.patterns
            .binary_search_by(|p| p.text.cmp(folded))
            .ok()
            .map(|i| &self.patterns[i])
    }
}

/// The gazetteer, built on first use.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(load);

fn load() -> Gazetteer {
    let entities = ENTITIES.lines().map(parse_entity).collect();
    let patterns: Vec<Pattern> = PATTERNS.lines().filter_map(parse_pattern).collect();
    let mut index: HashMap<&str, (u32, bool), FnvBuild> =
        HashMap::with_capacity_and_hasher(patterns.len() * 2, FnvBuild::default());
    let mut max_len = 0;
    for (i, p) in patterns.iter().enumerate() {
        index.entry(p.text).or_insert((u32::MAX, false)).0 = u32::try_from(i).unwrap_or(u32::MAX);
        max_len = max_len.max(p.text.len());
        // Every proper prefix ending at a word end, so a search knows when to go on.
        for end in ends(p.text, 0) {
            if end < p.text.len() {
                index.entry(&p.text[..end]).or_insert((u32::MAX, true)).1 = true;
            }
        }
    }
    let mut bloom = vec![0u64; (BLOOM_BITS / 64) as usize];
    for key in index.keys() {
        let bit = fnv(key) % BLOOM_BITS;
        bloom[(bit / 64) as usize] |= 1 << (bit % 64);
    }
    Gazetteer {
        entities,
        patterns,
        index,
        bloom,
        max_len,
    }
}

fn parse_entity(line: &'static str) -> GEntity {
    let mut f = line.split('\t');
    let kind = match f.next() {
        Some("C") => Kind::Country,
        Some("D") => Kind::Demonym,
        Some("Y") => Kind::City,
        Some("R") => Kind::Region,
        Some("P") => Kind::Person,
        _ => Kind::Org,
    };
    let code = f.next().filter(|c| *c != "-");
    let name = f.next().unwrap_or_default();
    let population = f.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let is_capital = f.next().is_some_and(|flags| flags.contains('K'));
    GEntity {
        kind,
        code,
        name,
        population,
        is_capital,
    }
}

fn parse_pattern(line: &'static str) -> Option<Pattern> {
    let mut f = line.split('\t');
    let text = f.next()?;
    let flags = f.next()?.bytes().fold(0, |acc, b| {
        acc | match b {
            b'=' => UPPER,
            b'@' => DATELINE,
            b'^' => CAPITAL,
            b'~' => PERSONISH,
            _ => 0,
        }
    });
    let ids = f
        .next()?
        .split(',')
        .filter_map(|i| i.parse().ok())
        .collect();
    Some(Pattern { text, flags, ids })
}

/// Display names of one country: (name, comma-separated CLDR locales) pairs.
pub struct CountryNames {
    pub code: &'static str,
    pub names: Vec<(&'static str, &'static str)>,
}

/// Country display names by locale, built on first use (separately from the matcher).
pub static COUNTRY_NAMES: LazyLock<Vec<CountryNames>> = LazyLock::new(|| {
    COUNTRIES
        .lines()
        .filter_map(|line| {
            let mut f = line.split('\t');
            let code = f.next()?;
            let mut names = Vec::new();
            while let (Some(name), Some(locales)) = (f.next(), f.next()) {
                names.push((name, locales));
            }
            Some(CountryNames { code, names })
        })
        .collect()
});

/// Folded given names, sorted.
pub static GIVEN: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names: Vec<&str> = GIVEN_NAMES.lines().filter(|l| !l.is_empty()).collect();
    names.sort_unstable();
    names
});

/// Whether a folded word is a known given name.
pub fn is_given_name(folded: &str) -> bool {
    GIVEN.binary_search(&folded).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::fold::fold_str;

    #[test]
    fn patterns_are_folded_like_the_text() {
        for p in &GAZETTEER.patterns {
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
    }
}
