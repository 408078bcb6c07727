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

/// Splits `text` into words; hyphens and apostrophes inside a word keep it whole.
/// `folded` is `text` folded: each token's folded form is a slice of it, found by walking its
/// offset map alongside the tokens (no folding or allocation per word).
pub fn tokenize<'a>(text: &'a str, folded: &'a Folded) -> Vec<Token<'a>> {
    let mut fi = 0;
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut sentence = true;
    let mut gap_clean = true;
    // Byte offsets, decoding only non-ASCII characters: most of a text is ASCII.
    let mut next = 0;
    while let Some(c) = char_at(text, next) {
        let i = next;
        next += c.len_utf8();
        if !is_word_char(c) {
            match c {
                '.' | '!' | '?' | '\n' | ':' | ';' | '«' | '"' | '“' | '(' | '[' => {
                    // An abbreviation ("U.S.", "Gen.", "M.") does not end a sentence.
                    let abbrev = c == '.'
                        && tokens.last().is_some_and(|t| {
                            t.end == i && t.text.len() <= 3 && (t.is_cap || t.text.len() == 1)
                        });
                    // A single newline inside a wrapped paragraph ends nothing.
                    let wrapped = c == '\n' && i > 0 && bytes[i - 1] != b'\n' && !at_break(text, i);
                    if !(abbrev || wrapped) {
                        sentence = true;
                    }
                    gap_clean = false;
                }
                ' ' | '\t' | '\u{a0}' => {}
                _ => gap_clean = false,
            }
            continue;
        }
        let start = i;
        let mut end = next;
        let mut plain = c.is_ascii();
        loop {
            // ASCII letters and digits, most of any word, need no decoding.
            end += super::gazetteer::ascii_alnum_run(&bytes[end..]);
            let Some(d) = char_at(text, end) else {
                break;
            };
            let after = end + d.len_utf8();
            if is_word_char(d) {
                plain = false;
                end = after;
            } else if matches!(d, '-' | '\'' | '’') {
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
            } else {
                break;
            }
        }
        next = end;
        let word = &text[start..end];
        let is_cap = is_upper(c);
        // All capitals: two letters or more, none lower case. A lower-case letter, usually the
        // first or second, settles it; only words without one are counted through.
        let is_upper_word = if plain || word.is_ascii() {
            !word.bytes().any(|b| b.is_ascii_lowercase())
                && word
                    .bytes()
                    .filter(u8::is_ascii_alphabetic)
                    .nth(1)
                    .is_some()
        } else {
            !word.chars().any(is_lower) && word.chars().filter(|&c| is_letter(c)).nth(1).is_some()
        };
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
            starts_sentence: sentence,
            shouting: false,
            joined: gap_clean,
        });
        sentence = false;
        gap_clean = true;
    }
    mark_shouting(text, &mut tokens);
    tokens
}

/// Whether the text after an apostrophe is a possessive "s" ("Carder's", "Obama’s").
fn is_possessive(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next() == Some('s') && !chars.next().is_some_and(is_word_char)
}

/// A newline that ends a paragraph or a line that ends with no punctuation of a wrapped text.
fn at_break(text: &str, i: usize) -> bool {
    text[i + 1..].starts_with('\n')
}

/// Marks the tokens of lines where most words are in capitals.
fn mark_shouting(text: &str, tokens: &mut [Token]) {
    let mut i = 0;
    while i < tokens.len() {
        let line_end = text[tokens[i].start..]
            .find('\n')
            .map_or(text.len(), |n| tokens[i].start + n);
        let j = tokens[i..]
            .iter()
            .position(|t| t.start >= line_end)
            .map_or(tokens.len(), |n| i + n);
        let has_letter = |t: &Token| {
            if t.plain {
                t.text.bytes().any(|b| b.is_ascii_alphabetic())
            } else {
                t.text.chars().any(is_letter)
            }
        };
        let (mut all, mut upper) = (0, 0);
        for t in tokens[i..j].iter().filter(|t| has_letter(t)) {
            all += 1;
            let one_char = if t.plain {
                t.text.len() == 1
            } else {
                t.text.chars().nth(1).is_none()
            };
            if t.is_upper || (t.is_cap && one_char) {
                upper += 1;
            }
        }
        if all >= 2 && upper * 10 >= all * 7 {
            for t in &mut tokens[i..j] {
                t.shouting = true;
            }
        }
        i = j;
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
