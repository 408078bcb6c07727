//! Text folding for matching: NFD, combining marks dropped, lowercase, one apostrophe, one space.
//! Keeps a map from each folded byte back to the original byte offset; never changes the input.

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
    let mut out = String::with_capacity(text.len() + 8);
    let mut map: Vec<u32> = Vec::with_capacity(text.len() + 9);
    let mut last_space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let at = u32::try_from(i).unwrap_or(u32::MAX);
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_whitespace() {
                if !last_space {
                    out.push(' ');
                    map.push(at);
                }
                last_space = true;
            } else {
                out.push(if b == b'`' {
                    '\''
                } else {
                    char::from(b.to_ascii_lowercase())
                });
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
        if let Some(rep) = special(ch) {
            out.push_str(rep);
        } else {
            decompose_canonical(ch, |d| {
                if is_combining_mark(d) {
                    return;
                }
                for low in d.to_lowercase() {
                    match special(low) {
                        Some(rep) => out.push_str(rep),
                        None => out.push(low),
                    }
                }
            });
        }
        map.resize(map.len() + (out.len() - before), at);
    }
    map.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
    Folded { text: out, map }
}

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
        let lower = word.bytes().map(|b| match b {
            b'`' => '\'',
            _ => char::from(b.to_ascii_lowercase()),
        });
        std::borrow::Cow::Owned(lower.collect())
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
}
