//! Text folding for matching: NFD, combining marks dropped, lowercase, one apostrophe, one space.
//! Keeps a map from each folded byte back to the original byte offset; never changes the input.

use std::sync::LazyLock;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folded text with a map back to the original: `map[i]` is the original byte offset of the
/// character that produced folded byte `i`; `map[text.len()]` is the original length.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    map: Vec<u32>,
}

impl Folded {
    /// Original byte offset for folded byte offset `i` (a match start or an exclusive end).
    pub fn orig(&self, i: usize) -> usize {
        self.map.get(i).map_or(0, |&o| o as usize)
    }

    /// The folded text of the original bytes `start..end` and where it starts, for a walk from
    /// left to right: `cursor` is a folded offset at or before the span, and is left at its end.
    #[inline]
    pub fn span(&self, cursor: &mut usize, start: usize, end: usize) -> (usize, &str) {
        // `map` ends with the original length, so these walks stop within it.
        let reaches = |i: usize, limit: usize| self.map.get(i).is_none_or(|&o| o as usize >= limit);
        let mut i = *cursor;
        while !reaches(i, start) {
            i += 1;
        }
        let from = i;
        // The span ends at the first folded byte mapped at or after `end`. Plain ASCII folds
        // byte for byte, so that is most often `end - start` bytes on: checked, not assumed.
        let guess = from + (end - start);
        if guess <= self.text.len()
            && reaches(guess, end)
            && (guess == from || !reaches(guess - 1, end))
        {
            i = guess;
        } else {
            while !reaches(i, end) {
                i += 1;
            }
        }
        *cursor = i;
        (from, self.text.get(from..i).unwrap_or_default())
    }
}

/// Replacements applied before and after decomposition; must match `SPECIAL` in
/// `scripts/build_gazetteer.py`.
fn special(ch: char) -> Option<&'static str> {
    Some(match ch {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '\u{00b4}' => "'",
        '\u{2010}'..='\u{2014}' => "-",
        '\u{0153}' | '\u{0152}' => "oe",
        '\u{00e6}' | '\u{00c6}' => "ae",
        '\u{00df}' => "ss",
        '\u{0629}' => "\u{0647}",
        '\u{0649}' => "\u{064a}",
        '\u{0640}' => "",
        _ => return None,
    })
}

/// Folds `text` for gazetteer matching (see [`Folded`]).
pub fn fold(text: &str) -> Folded {
    // A `String` from the start: only whole characters are pushed, so no UTF-8 check at the end.
    let mut out = String::with_capacity(text.len() + 8);
    let mut map: Vec<u32> = Vec::with_capacity(text.len() + 9);
    let mut last_space = false;
    let bytes = text.as_bytes();
    let offset = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let end = plain_run(bytes, i, last_space);
        if end > i {
            // Most of a text is runs of plain ASCII words and single spaces: lower-cased and
            // mapped a run at a time.
            let from = out.len();
            out.push_str(&text[i..end]);
            out[from..].make_ascii_lowercase();
            let first = offset(i);
            map.extend((0..offset(end - i)).map(|k| first + k));
            last_space = bytes[end - 1] == b' ';
            i = end;
            continue;
        }
        let at = offset(i);
        if b.is_ascii() {
            if b.is_ascii_whitespace() {
                if !last_space {
                    out.push(' ');
                    map.push(at);
                }
                last_space = true;
            } else {
                // The backquote, an apostrophe typed on a keyboard that lacks one.
                out.push('\'');
                map.push(at);
                last_space = false;
            }
            i += 1;
            continue;
        }
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        i += ch.len_utf8();
        if ch.is_whitespace() {
            if !last_space {
                out.push(' ');
                map.push(at);
            }
            last_space = true;
            continue;
        }
        last_space = false;
        let before = out.len();
        match TWO_BYTE.get((ch as usize).wrapping_sub(0x80)) {
            Some(folded) => out.push_str(folded),
            None => fold_char(ch, &mut out),
        }
        map.resize(map.len() + (out.len() - before), at);
    }
    map.push(offset(text.len()));
    Folded { text: out, map }
}

/// Appends the folded form of `ch` (not a space) to `out`.
fn fold_char(ch: char, out: &mut String) {
    let mut push = |s: &str| out.push_str(s);
    if let Some(rep) = special(ch) {
        push(rep);
        return;
    }
    decompose_canonical(ch, |d| {
        if is_combining_mark(d) {
            return;
        }
        for low in d.to_lowercase() {
            match special(low) {
                Some(rep) => push(rep),
                None => push(low.encode_utf8(&mut [0; 4])),
            }
        }
    });
}

/// The folded form of every two-byte character (U+0080 to U+07FF: accented Latin, Greek,
/// Cyrillic, Arabic, Hebrew), computed once: decomposing and lower-casing each occurrence
/// cost hundreds of instructions a character.
static TWO_BYTE: LazyLock<Vec<Box<str>>> = LazyLock::new(|| {
    (0x80..0x800)
        .map(|code| {
            let mut out = String::new();
            if let Some(ch) = char::from_u32(code) {
                fold_char(ch, &mut out);
            }
            out.into()
        })
        .collect()
});

/// Where the run of bytes from `i` that folding only lower-cases ends: ASCII other than the
/// backquote and whitespace, except a single space (`after_space`: the output ends with one).
fn plain_run(bytes: &[u8], i: usize, after_space: bool) -> usize {
    let (mut end, mut space) = plain_words(bytes, i, after_space);
    loop {
        // Letters, digits and punctuation, the bulk of a run, by table.
        let rest = bytes.get(end..).unwrap_or_default();
        let run = rest
            .iter()
            .position(|&b| !PLAIN[usize::from(b)])
            .unwrap_or(rest.len());
        if run > 0 {
            space = false;
            end += run;
        }
        if bytes.get(end) == Some(&b' ') && !space {
            space = true;
            end += 1;
        } else {
            return end;
        }
    }
}

/// Eight bytes at a time, the part of the run from `i` made of printable ASCII with no two
/// spaces in a row (`after_space`: the output ends with one), and whether it ends with a space.
/// Any other byte (a control, the backquote, non-ASCII) stops it: the byte walk decides there.
fn plain_words(bytes: &[u8], mut i: usize, mut after_space: bool) -> (usize, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `x` (ASCII) that is zero: exact, no carry between bytes.
    let zero = |x: u64| !(((x & !HIGH) + !HIGH) | x) & HIGH;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        if x & HIGH != 0 {
            break;
        }
        // Below 0x20 (controls, tabs, newlines): adding 0x60 leaves the high bit clear.
        let control = !(x + 0x60 * ONES) & HIGH;
        let backquote = zero(x ^ (u64::from(b'`') * ONES));
        let spaces = zero(x ^ (u64::from(b' ') * ONES));
        let doubled = spaces & (spaces << 8) | u64::from(after_space && chunk[0] == b' ');
        if control | backquote | doubled != 0 {
            break;
        }
        after_space = chunk[7] == b' ';
        i += 8;
    }
    (i, after_space)
}

/// The bytes folding only lower-cases, but for the space (plain only when single).
static PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        #[allow(clippy::cast_possible_truncation)] // below 0x80
        let byte = b as u8;
        table[b] = !matches!(byte, b' ' | b'`' | b'\t' | b'\n' | b'\x0c' | b'\r');
        b += 1;
    }
    table
};

/// Folds a short string (a query, a name) without keeping the offset map.
pub fn fold_str(text: &str) -> String {
    fold(text.trim()).text
}

/// Folds one word, borrowing it when it is already folded (lower-case ASCII): the hot path.
pub fn fold_word(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`')
    {
        std::borrow::Cow::Borrowed(word)
    } else if word.is_ascii() {
        let lower = word.to_ascii_lowercase();
        std::borrow::Cow::Owned(if lower.contains('`') {
            lower.replace('`', "'")
        } else {
            lower
        })
    } else {
        std::borrow::Cow::Owned(fold(word).text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_apostrophes() {
        assert_eq!(fold_str("États-Unis"), "etats-unis");
        assert_eq!(fold_str("l’Élysée"), "l'elysee");
        assert_eq!(fold_str("Œuvre  Straße\nNeu"), "oeuvre strasse neu");
        assert_eq!(fold_str("السعودية"), "السعوديه");
    }

    #[test]
    fn maps_folded_offsets_back_to_the_original() {
        let text = "Le Niger, les États-Unis";
        let f = fold(text);
        let at = f.text.find("etats-unis").expect("folded");
        let (s, e) = (f.orig(at), f.orig(at + "etats-unis".len()));
        assert_eq!(&text[s..e], "États-Unis");
    }

    /// Folding one character at a time, as the fast paths must: each character's folded bytes,
    /// every whitespace run as one space, each output byte mapped to its character's offset.
    fn fold_slowly(text: &str) -> (String, Vec<usize>) {
        let (mut out, mut map, mut space) = (String::new(), Vec::new(), false);
        for (i, ch) in text.char_indices() {
            let before = out.len();
            if ch.is_whitespace() {
                if !space {
                    out.push(' ');
                }
                space = true;
            } else {
                space = false;
                match ch {
                    '`' => out.push('\''),
                    _ => fold_char(ch.to_ascii_lowercase(), &mut out),
                }
            }
            map.resize(map.len() + out.len() - before, i);
        }
        (out, map)
    }

    #[test]
    fn fast_paths_fold_as_one_character_at_a_time() {
        let texts = [
            "Le  Niger,\t\tles États-Unis \n\n et l`ONU",
            "  lead spaces, trailing \r\n",
            "Moscou a dit\u{a0}: «\u{a0}non\u{a0}» — Straße, Œuvre, ǅ",
            "قال الرئيس إن المحادثات انتهت ، في النيجر",
            "Ελλάδα και Россия 2024 ` `",
            // Eight-byte chunks that a doubled space, a backquote or a control byte stops.
            "The U.S. Agriculture Department  said on Monday that `wheat` exports rose \x01 by \
             12 pct,       a  b  c  d  efghijk lmnopqrs tuvwxyz",
        ];
        for text in texts {
            let folded = fold(text);
            let (expected, map) = fold_slowly(text);
            assert_eq!(folded.text, expected, "{text:?}");
            for (i, &at) in map.iter().enumerate() {
                assert_eq!(folded.orig(i), at, "byte {i} of {text:?}");
            }
            assert_eq!(folded.orig(expected.len()), text.len());
        }
    }

    #[test]
    fn spans_walk_the_folded_text_word_by_word() {
        // Words whose folded form is shorter (a dropped accent), longer ("Straße") or the same.
        let text = "Le  Niger, Straße et l’Élysée: OK";
        let folded = fold(text);
        let mut cursor = 0;
        let spans: Vec<&str> = ["Le", "Niger", "Straße", "et", "l’Élysée", "OK"]
            .iter()
            .map(|word| {
                let start = text.find(word).expect("word");
                let (at, span) = folded.span(&mut cursor, start, start + word.len());
                assert_eq!(folded.text.get(at..at + span.len()), Some(span));
                span
            })
            .collect();
        assert_eq!(spans, ["le", "niger", "strasse", "et", "l'elysee", "ok"]);
        assert_eq!(cursor, folded.text.len());
    }
}
