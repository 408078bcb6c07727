//! Splitting text into words and telling running text from headlines and tables; no word
//! lists here.

/// Lower-case words of four letters or more the sample needs before trigram statistics mean
/// anything: fewer, and it is a headline, a byline or a table of abbreviations.
pub(super) const MIN_PROSE: usize = 8;

/// A word of running text: four letters or more, starting in lower case ("rose", "année").
pub(super) fn is_prose(word: &str) -> bool {
    word.starts_with(|c: char| c.is_lowercase())
        && word.chars().nth(3).is_some()
        && word.chars().all(char::is_alphabetic)
}

/// [`is_prose`] for an ASCII word, without decoding.
pub(super) fn is_ascii_prose(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 4 && bytes[0].is_ascii_lowercase() && bytes.iter().all(u8::is_ascii_alphabetic)
}

/// The runs of letters and digits of `text` (`text.split(|c| !c.is_alphanumeric())` without
/// the empty pieces), decoding only non-ASCII characters.
pub(super) fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    // The length of the character at `i` when it is a letter or digit.
    let alnum_at = move |i: usize| match bytes.get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric().then_some(1),
        Some(_) => {
            let c = text.get(i..)?.chars().next()?;
            c.is_alphanumeric().then(|| c.len_utf8())
        }
        None => None,
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if alnum_at(i).is_some() {
                let start = i;
                while let Some(n) = alnum_at(i) {
                    i += n;
                }
                return text.get(start..i);
            }
            // A separator: skip the whole character.
            i += text.get(i..)?.chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

pub(super) fn is_latin(c: char) -> bool {
    // Latin-1 Supplement through Latin Extended Additional, without the symbols in between.
    matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}')
}
