//! Word tokens of the original text with the shape facts the rules need (capitalised, all caps,
//! sentence start, headline).

use std::sync::LazyLock;

use super::fold::Folded;
use super::gazetteer::char_at;

/// One word of the original text.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub text: &'a str,
    /// `text` folded as the gazetteer is.
    pub folded: &'a str,
    /// Where `folded` starts in the folded text.
    pub folded_at: usize,
    /// ASCII letters and digits only, so `folded` is `text` in lower case, byte for byte.
    pub plain: bool,
    pub start: usize,
    pub end: usize,
    /// First character upper case.
    pub is_cap: bool,
    /// Two or more letters, none lower case.
    pub is_upper: bool,
    /// Some letter lower case (`text.chars().any(char::is_lowercase)`, asked by many rules).
    pub has_lower: bool,
    /// First character lower case (`text.starts_with(char::is_lowercase)`).
    pub starts_lower: bool,
    /// First word of a sentence, paragraph or quotation.
    pub starts_sentence: bool,
    /// In a line written in capitals (a wire headline): case says nothing there.
    pub shouting: bool,
    /// Separated from the previous token by spaces only (no punctuation).
    pub joined: bool,
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        // Most characters: no table (a LazyLock read is an atomic load).
        return c.is_ascii_alphanumeric();
    }
    match SMALL.get(c as usize) {
        Some(class) => class & WORD != 0,
        None => is_word_char_slowly(c),
    }
}

fn is_word_char_slowly(c: char) -> bool {
    super::gazetteer::is_alnum(c) || !c.is_ascii() && is_mark(c)
}

fn is_letter(c: char) -> bool {
    match SMALL.get(c as usize) {
        Some(class) => class & LETTER != 0,
        None => c.is_alphabetic(),
    }
}

fn is_lower(c: char) -> bool {
    match SMALL.get(c as usize) {
        Some(class) => class & LOWER != 0,
        None => c.is_lowercase(),
    }
}

fn is_upper(c: char) -> bool {
    match SMALL.get(c as usize) {
        Some(class) => class & UPPER != 0,
        None => c.is_uppercase(),
    }
}

const WORD: u8 = 1;
const LETTER: u8 = 2;
const LOWER: u8 = 4;
const UPPER: u8 = 8;

/// The classes above of every character below U+0800 (ASCII, accented Latin, Greek, Cyrillic,
/// Arabic, Hebrew), computed once: the standard library's Unicode tables cost hundreds of
/// instructions a lookup outside ASCII, and an Arabic text is all lookups.
static SMALL: LazyLock<Vec<u8>> = LazyLock::new(|| {
    (0..0x800)
        .map(|code| {
            char::from_u32(code).map_or(0, |c| {
                let bit = |yes: bool, bit: u8| if yes { bit } else { 0 };
                bit(is_word_char_slowly(c), WORD)
                    | bit(c.is_alphabetic(), LETTER)
                    | bit(c.is_lowercase(), LOWER)
                    | bit(c.is_uppercase(), UPPER)
            })
        })
        .collect()
});

pub fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// What an ASCII byte is between words: read from a table, since most of a gap is one space.
const GAP_SPACE: u8 = 0;
const GAP_BREAK: u8 = 1;
const GAP_OTHER: u8 = 2;
const GAP_WORD: u8 = 3;

static ASCII_GAP: [u8; 128] = {
    let mut table = [GAP_OTHER; 128];
    let mut b = 0;
    while b < 128 {
        #[allow(clippy::cast_possible_truncation)] // below 128
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() {
            GAP_WORD
        } else if matches!(c, b' ' | b'\t') {
            GAP_SPACE
        } else if matches!(
            c,
            b'.' | b'!' | b'?' | b'\n' | b':' | b';' | b'"' | b'(' | b'['
        ) {
            GAP_BREAK
        } else {
            GAP_OTHER
        };
        b += 1;
    }
    table
};

/// Splits `text` into words; hyphens and apostrophes inside a word keep it whole.
/// `folded` is `text` folded: each token's folded form is a slice of it, found by walking its
/// offset map alongside the tokens (no folding or allocation per word).
pub fn tokenize<'a>(text: &'a str, folded: &'a Folded) -> Vec<Token<'a>> {
    let mut fi = 0;
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut sentence = true;
    let mut gap_clean = true;
    let mut line = Line::default();
    // Byte offsets, decoding only non-ASCII characters: most of a text is ASCII.
    let mut next = 0;
    while let Some(&b) = bytes.get(next) {
        let i = next;
        let c = if b < 0x80 {
            next += 1;
            match ASCII_GAP[usize::from(b)] {
                GAP_SPACE => continue,
                GAP_OTHER => {
                    gap_clean = false;
                    continue;
                }
                GAP_BREAK => {
                    if b == b'\n' {
                        line.finish(&mut tokens);
                    }
                    if !(b == b'.' && after_abbreviation(&tokens, i)
                        || b == b'\n' && wrapped(bytes, i))
                    {
                        sentence = true;
                    }
                    gap_clean = false;
                    continue;
                }
                _ => char::from(b),
            }
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            next += c.len_utf8();
            if !is_word_char(c) {
                match c {
                    '«' | '“' => {
                        sentence = true;
                        gap_clean = false;
                    }
                    '\u{a0}' => {}
                    _ => gap_clean = false,
                }
                continue;
            }
            c
        };
        let start = i;
        let (end, plain) = word_end(text, next, c.is_ascii());
        next = end;
        let word = &text[start..end];
        let (is_cap, starts_lower) = if c.is_ascii() {
            (c.is_ascii_uppercase(), c.is_ascii_lowercase())
        } else {
            (is_upper(c), is_lower(c))
        };
        let (is_upper_word, has_letter, has_lower) = case_of(word, plain);
        line.count(word, plain, has_letter, is_cap, is_upper_word);
        let (folded_at, folded_text) = folded.span(&mut fi, start, end);
        tokens.push(Token {
            text: word,
            folded: folded_text,
            folded_at,
            plain,
            start,
            end,
            is_cap,
            is_upper: is_upper_word,
            has_lower,
            starts_lower,
            starts_sentence: sentence,
            shouting: false,
            joined: gap_clean,
        });
        sentence = false;
        gap_clean = true;
    }
    line.finish(&mut tokens);
    tokens
}

/// Where the word whose first character ends at `end` ends, and whether it is plain (ASCII
/// letters and digits only; `plain` says whether its first character is).
fn word_end(text: &str, mut end: usize, mut plain: bool) -> (usize, bool) {
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits, most of any word, need no decoding.
        end += super::gazetteer::ascii_alnum_run(&bytes[end..]);
        let Some(&b) = bytes.get(end) else {
            break;
        };
        // The run stopped at any other ASCII byte: only a hyphen or an apostrophe can go on.
        let (d, after) = if b < 0x80 {
            if b != b'-' && b != b'\'' {
                break;
            }
            (char::from(b), end + 1)
        } else {
            let Some(d) = char_at(text, end) else {
                break;
            };
            let after = end + d.len_utf8();
            if is_word_char(d) {
                plain = false;
                end = after;
                continue;
            }
            if d != '’' {
                break;
            }
            (d, after)
        };
        let rest = &text[after..];
        if d != '-' && is_possessive(rest) {
            // "Carder's": the name is "Carder"; the "s" becomes a word of its own.
            break;
        }
        // Inside a word ("Guinée-Bissau", "aujourd'hui") when a letter follows.
        if !char_at(rest, 0).is_some_and(is_word_char) {
            break;
        }
        plain = false;
        end = after;
    }
    (end, plain)
}

/// Whether `word` is in capitals (two letters or more, none lower case), whether it has a
/// letter at all and whether a lower-case one. A lower-case letter, usually the first or
/// second, settles all three.
fn case_of(word: &str, plain: bool) -> (bool, bool, bool) {
    let mut letters = 0;
    if plain || word.is_ascii() {
        for b in word.bytes() {
            if b.is_ascii_lowercase() {
                return (false, true, true);
            }
            letters += usize::from(b.is_ascii_alphabetic());
        }
    } else {
        let mut chars = word.chars();
        while let Some(c) = chars.next() {
            if is_lower(c) {
                let letter = letters > 0 || is_letter(c) || chars.any(is_letter);
                return (false, letter, true);
            }
            letters += usize::from(is_letter(c));
        }
    }
    (letters >= 2, letters > 0, false)
}

/// Whether a full stop at `i` follows an abbreviation ("U.S.", "Gen.", "M."): no sentence end.
fn after_abbreviation(tokens: &[Token], i: usize) -> bool {
    tokens
        .last()
        .is_some_and(|t| t.end == i && t.text.len() <= 3 && (t.is_cap || t.text.len() == 1))
}

/// Whether the newline at `i` is a single one inside a wrapped paragraph: it ends nothing.
fn wrapped(bytes: &[u8], i: usize) -> bool {
    i > 0 && bytes[i - 1] != b'\n' && bytes.get(i + 1) != Some(&b'\n')
}

/// Whether the text after an apostrophe is a possessive "s" ("Carder's", "Obama’s").
fn is_possessive(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next() == Some('s') && !chars.next().is_some_and(is_word_char)
}

/// The words of the current line counted as they come, to mark the line's tokens when most
/// are in capitals (a headline): one pass, where a second walk per line cost as much again.
#[derive(Default)]
struct Line {
    /// The line's first token.
    first: usize,
    /// Its words with a letter.
    words: usize,
    /// Those in capitals (or a single capital letter).
    capitals: usize,
}

impl Line {
    fn count(&mut self, word: &str, plain: bool, has_letter: bool, cap: bool, upper: bool) {
        if !has_letter {
            return;
        }
        self.words += 1;
        let one_char = || {
            if plain {
                word.len() == 1
            } else {
                word.chars().nth(1).is_none()
            }
        };
        if upper || (cap && one_char()) {
            self.capitals += 1;
        }
    }

    /// Ends the line at a newline (or the end of the text), marking its tokens when it shouts.
    fn finish(&mut self, tokens: &mut [Token]) {
        if self.words >= 2 && self.capitals * 10 >= self.words * 7 {
            for t in &mut tokens[self.first..] {
                t.shouting = true;
            }
        }
        *self = Line {
            first: tokens.len(),
            ..Line::default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokenize_text(text: &str) -> Vec<Token<'static>> {
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        let folded: &'static Folded = Box::leak(Box::new(super::super::fold::fold(text)));
        tokenize(text, folded)
    }

    #[test]
    fn tokens_fold_like_the_text() {
        let t = tokenize_text("Le Général  Tiani à l’Élysée");
        let folded: Vec<&str> = t.iter().map(|t| t.folded).collect();
        assert_eq!(folded, ["le", "general", "tiani", "a", "l'elysee"]);
        let t = tokenize_text("Carder's family and Obama’s plan, l'Élysée's gate, it's");
        let words: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "Carder",
                "s",
                "family",
                "and",
                "Obama",
                "s",
                "plan",
                "l'Élysée",
                "s",
                "gate",
                "it",
                "s"
            ]
        );
    }

    #[test]
    fn tokens_know_sentences_and_headlines() {
        let t = tokenize_text(
            "OIL PRICES FALL IN LONDON\n\nThe U.S. Agriculture Department said. Prices fell.",
        );
        assert!(t[0].shouting && t[4].shouting);
        let the = t.iter().find(|t| t.text == "The").expect("The");
        assert!(the.starts_sentence && !the.shouting, "{the:?}");
        let agri = t.iter().find(|t| t.text == "Agriculture").expect("word");
        assert!(!agri.starts_sentence);
        let prices = t.iter().find(|t| t.text == "Prices").expect("word");
        assert!(prices.starts_sentence);
    }
}
