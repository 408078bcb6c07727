//! Untrusted article text made safe for a terminal, and wrapped to a width.
//! Everything from the store passes through [`clean_line`] or [`clean_text`] before it reaches state.

use unicode_width::UnicodeWidthChar;

pub use crate::untrusted::{clean_line, clean_text};

/// Whether `text` reads right to left: its first strong directional character (a letter, or a
/// direction mark) is of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// neighbours and presentation forms). Digits, punctuation and spaces decide nothing, as in the
/// Unicode bidirectional algorithm's rule P2; text with no strong character is left to right.
pub fn is_rtl(text: &str) -> bool {
    text.chars()
        .find_map(|c| match c {
            '\u{200f}' | '\u{61c}' => Some(true), // RIGHT-TO-LEFT MARK, ARABIC LETTER MARK
            '\u{200e}' => Some(false),            // LEFT-TO-RIGHT MARK
            // Arabic-Indic digits sit in the Arabic block but are weak: not alphabetic.
            c if c.is_alphabetic() => Some(is_rtl_script(c)),
            _ => None,
        })
        .unwrap_or(false)
}

/// Hebrew to Arabic Extended-A (Syriac, Thaana, N'Ko, Samaritan, Mandaic between them), the
/// Hebrew and Arabic presentation forms, and the historic right-to-left scripts of the SMP.
fn is_rtl_script(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08ff}'
        | '\u{fb1d}'..='\u{fdff}'
        | '\u{fe70}'..='\u{feff}'
        | '\u{10800}'..='\u{10fff}'
        | '\u{1e800}'..='\u{1efff}')
}

/// The columns `text` takes in a terminal: each character's own width, as the buffer places
/// them one by one. (`UnicodeWidthStr::width` counts some pairs, such as Arabic lam-alef, as
/// one ligature column, which is not what a cell grid shows.)
pub fn display_width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Wraps clean text to `width` columns: each paragraph (a run of non-empty lines) is wrapped on
/// its own, blank lines between paragraphs are kept as one empty line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_at(text, width)
        .into_iter()
        .map(|line| line.text)
        .collect()
}

/// A wrapped line and the byte offset in the wrapped text where it starts (`None` for the
/// blank line between paragraphs), so offsets into the text can be found on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedLine {
    pub start: Option<usize>,
    pub text: String,
    /// The line's paragraph reads right to left (see [`is_rtl`]): every line of it is.
    pub rtl: bool,
}

/// [`wrap`], with where each line starts in `text`.
pub fn wrap_at(text: &str, width: usize) -> Vec<WrappedLine> {
    let width = width.max(1);
    // Every piece below is a slice of `text` (or a copy of one): its address says where it is.
    let offset = |piece: &str| piece.as_ptr() as usize - text.as_ptr() as usize;
    let mut lines = Vec::new();
    for paragraph in text.split("\n\n") {
        let paragraph = paragraph.trim_matches('\n');
        if paragraph.trim().is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(WrappedLine {
                start: None,
                text: String::new(),
                rtl: false,
            });
        }
        let rtl = is_rtl(paragraph);
        for line in paragraph.lines() {
            let options = textwrap::Options::new(width).break_words(true);
            let mut cursor = 0;
            for piece in textwrap::wrap(line, options) {
                let at = match &piece {
                    std::borrow::Cow::Borrowed(slice) => offset(slice) - offset(line),
                    // A piece textwrap had to copy: the first copy of it from where the last ended.
                    std::borrow::Cow::Owned(copy) => line[cursor..]
                        .find(copy.as_str())
                        .map_or(cursor, |found| cursor + found),
                };
                cursor = (at + piece.len()).min(line.len());
                lines.push(WrappedLine {
                    start: Some(offset(line) + at),
                    text: piece.into_owned(),
                    rtl,
                });
            }
        }
    }
    lines
}

/// Byte ranges of `raw` moved onto `clean`, the text [`clean_text`] or [`clean_line`] made of it
/// (it only drops characters or turns line breaks and tabs into spaces). Ranges that no longer
/// hold text are left out.
pub fn map_ranges(raw: &str, clean: &str, ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    if raw == clean {
        return ranges
            .iter()
            .copied()
            .filter(|&(start, end)| start < end && clean.get(start..end).is_some())
            .collect();
    }
    // (raw byte, clean byte) of each character kept, in order.
    let mut kept = Vec::new();
    let mut clean_chars = clean.char_indices().peekable();
    for (at, c) in raw.char_indices() {
        let Some(&(to, wanted)) = clean_chars.peek() else {
            break;
        };
        if c == wanted || (wanted == ' ' && matches!(c, '\n' | '\t')) {
            kept.push((at, to));
            clean_chars.next();
        }
    }
    let place = |offset: usize| {
        let index = kept.partition_point(|&(at, _)| at < offset);
        kept.get(index).map_or(clean.len(), |&(_, to)| to)
    };
    ranges
        .iter()
        .map(|&(start, end)| (place(start), place(end)))
        .filter(|&(start, end)| start < end)
        .collect()
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    use super::*;

    #[test]
    fn wraps_paragraphs_and_keeps_one_blank_line_between() {
        let lines = wrap("one two three four\n\n\n\nfive six", 9);
        assert_eq!(lines, ["one two", "three", "four", "", "five six"]);
    }

    #[test]
    fn wraps_cjk_by_display_width() {
        let lines = wrap("北京是中华人民共和国的首都，也是全国的政治中心。", 10);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|line| line.width() <= 10), "{lines:?}");
    }

    #[test]
    fn combining_accents_count_as_one_column() {
        let decomposed = "e\u{301}te\u{301} e\u{301}te\u{301} e\u{301}te\u{301}";
        let lines = wrap(decomposed, 9);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|line| line.width() <= 9));
    }

    #[test]
    fn emoji_are_two_columns_wide() {
        let lines = wrap("🌍🌍🌍 🌍🌍🌍", 6);
        assert_eq!(lines, ["🌍🌍🌍", "🌍🌍🌍"]);
    }

    #[test]
    fn right_to_left_text_stays_in_logical_order() {
        let arabic = "أعلنت الحكومة يوم الثلاثاء عن إصلاح جديد";
        let lines = wrap(arabic, 16);
        assert!(lines.iter().all(|line| line.width() <= 16));
        assert_eq!(lines.join(" "), arabic);
    }

    #[test]
    fn direction_is_the_first_strong_characters() {
        assert!(is_rtl("أعلنت الحكومة"));
        assert!(is_rtl("שלום עולם"));
        assert!(is_rtl("ܫܠܡܐ"), "Syriac");
        assert!(is_rtl("ދިވެހި"), "Thaana");
        assert!(is_rtl("ߒߞߏ"), "N'Ko");
        assert!(!is_rtl("Niger: le CNSP"));
        assert!(!is_rtl(""));
        assert!(
            !is_rtl("2024 — 12, (3)"),
            "no strong character: left to right"
        );
    }

    #[test]
    fn digits_and_punctuation_first_do_not_decide() {
        assert!(is_rtl("2024: أعلنت الحكومة"));
        assert!(is_rtl("«١٢٣» — قال الرئيس"), "Arabic-Indic digits are weak");
        assert!(!is_rtl("١٢٣ Niger"));
        assert!(
            is_rtl("\u{200f}CNSP في النيجر"),
            "a right-to-left mark is strong"
        );
    }

    #[test]
    fn mixed_text_follows_its_first_letter() {
        assert!(!is_rtl("Le président a dit « أعلنت الحكومة »"));
        assert!(is_rtl("قال إن ECOWAS والـ CNSP"));
        assert!(
            !is_rtl("e\u{301}te\u{301} שלום"),
            "a combining accent does not decide"
        );
    }

    #[test]
    fn display_width_counts_each_character() {
        assert_eq!(display_width("RFI"), 3);
        assert_eq!(display_width("北京"), 4);
        assert_eq!(display_width("e\u{301}te\u{301}"), 3);
        // Lam-alef is two cells in the buffer; the ligature rule of the str width counts one.
        assert_eq!(display_width("لا"), 2);
    }

    #[test]
    fn wrapped_lines_carry_their_paragraphs_direction() {
        let text = "Niger first\n\nأعلنت الحكومة يوم الثلاثاء عن إصلاح جديد";
        let lines = wrap_at(text, 16);
        assert!(!lines[0].rtl);
        assert!(!lines[1].rtl, "the blank line between");
        assert!(lines.len() > 3 && lines[2..].iter().all(|line| line.rtl));
    }

    #[test]
    fn very_narrow_widths_break_long_words() {
        let lines = wrap("Niamey", 2);
        assert_eq!(lines, ["Ni", "am", "ey"]);
        assert_eq!(wrap("x", 0), ["x"]);
    }

    #[test]
    fn wrapped_lines_know_where_they_start() {
        let text = "one two three\n\nfour five";
        let lines = wrap_at(text, 8);
        let starts: Vec<_> = lines.iter().map(|line| line.start).collect();
        assert_eq!(starts, [Some(0), Some(8), None, Some(15), Some(20)]);
        for line in lines.iter().filter(|line| line.start.is_some()) {
            let start = line.start.unwrap_or_default();
            assert_eq!(&text[start..start + line.text.len()], line.text);
        }
    }

    #[test]
    fn ranges_move_onto_the_cleaned_text() {
        let raw = "a\u{1b}[31mCNSP\u{1b}[0m et Moscou";
        let clean = clean_text(raw);
        assert_eq!(clean, "aCNSP et Moscou");
        let cnsp = raw.find("CNSP").expect("in raw");
        let moscou = raw.find("Moscou").expect("in raw");
        let ranges = map_ranges(raw, &clean, &[(cnsp, cnsp + 4), (moscou, moscou + 6)]);
        let texts: Vec<&str> = ranges.iter().map(|&(s, e)| &clean[s..e]).collect();
        assert_eq!(texts, ["CNSP", "Moscou"]);
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1204), "1,204");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
