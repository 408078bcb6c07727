//! The precompiled gazetteer index shared by `build.rs` (which writes it) and the gazetteer
//! (which reads it): the hash, where names may end, and the layout of the `u32` words.
//!
//! Layout, all little-endian `u32`:
//! - header: `[slots, patterns, entities, max_len, bloom_words]`
//! - hash table, `slots` (a power of two) × `[key_off, key_len | GOES_ON, pattern]`: every name
//!   and every prefix of a name ending at a word end, as a slice of `patterns.tsv`; `key_len` 0
//!   marks an empty slot, `pattern` is `NONE` for a bare prefix; linear probing
//! - patterns, sorted as in `patterns.tsv`: `[text_off, text_len | flags << 24, ids_off, ids_len]`
//! - entities, by id: `[name_off, name_len | kind << 24 | CAPITAL_BIT, population, code]`, the
//!   code as two ASCII bytes (0 if none), offsets into `entities.tsv`
//! - bloom filter, `bloom_words` × `u64` as two words (low first), one bit per key hash
//! - entity ids, the candidates of each pattern.

/// Words in the header.
pub const HEADER: usize = 6;
/// `u32` words per hash slot, pattern and entity.
pub const SLOT: usize = 4;
pub const PATTERN: usize = 4;
pub const ENTITY: usize = 4;
/// Marks a key that longer names go on from (in `key_len`).
pub const GOES_ON: u32 = 1 << 31;
/// `pattern` of a key that is only a prefix.
pub const NONE: u32 = u32::MAX;
/// Capital city flag in an entity's second word.
pub const CAPITAL_BIT: u32 = 1 << 31;
/// Bits in the bloom filter.
pub const BLOOM_BITS: u64 = 1 << 21;
/// Bits in the second, small bloom filter of the names that may be written in lower case
/// (demonyms, multi-word organisations) and their prefixes: most words of a text are lower
/// case, and this one stays in cache.
pub const LOWER_BLOOM_BITS: u64 = 1 << 17;

/// FNV-1a: short keys, no hash-flooding concern (the keys are our own gazetteer).
pub fn fnv(key: &[u8]) -> u64 {
    fnv_more(FNV_START, key)
}

/// The FNV-1a hash of nothing: [`fnv_more`] from here hashes a key from its start.
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// Continues hash `h` of a key's first bytes over the next ones: `fnv(a + b)` is
/// `fnv_more(fnv(a), b)`, so a growing key is hashed once, not once per length.
pub fn fnv_more(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Where a name may end: after each word, and after a period that closes an abbreviation.
pub fn ends(text: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut i = from;
    std::iter::from_fn(move || {
        loop {
            // No word ends between two ASCII letters or digits: skipped without decoding.
            let run = ascii_alnum_run(bytes.get(i..).unwrap_or_default());
            if run >= 2 {
                i += run - 1;
            }
            let c = char_at(text, i)?;
            let at = i + c.len_utf8();
            i = at;
            let word_end = is_alnum(c) && char_at(text, at).is_none_or(|n| !is_alnum(n));
            let period_end = c == '.' && at >= 2 && bytes[at - 2].is_ascii_alphabetic();
            if word_end || period_end {
                return Some(at);
            }
        }
    })
}

/// How many ASCII letters and digits open `bytes`: the bulk of most words, measured with a table
/// rather than decoded character by character.
pub fn ascii_alnum_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !ASCII_ALNUM[usize::from(b)])
        .unwrap_or(bytes.len())
}

static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        #[allow(clippy::cast_possible_truncation)] // below 256
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The character at byte `i` (a character boundary), ASCII without decoding.
pub fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..)?.chars().next(),
        None => None,
    }
}

/// `char::is_alphanumeric` with shortcuts for ASCII, accented Latin and Arabic letters.
pub fn is_alnum(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric(),
        '\u{c0}'..='\u{24f}' => c != '\u{d7}' && c != '\u{f7}',
        '\u{621}'..='\u{64a}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Entity kind codes as in `entities.tsv`, in the order of their numbers in the index.
pub const KINDS: [&str; 6] = ["C", "D", "Y", "R", "O", "P"];
