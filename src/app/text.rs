//! Untrusted article text made safe for a terminal, and wrapped to a width.
//! Everything from the store passes through [`clean_line`] or [`clean_text`] before it reaches state.

pub use crate::untrusted::{clean_line, clean_text};

/// Wraps clean text to `width` columns: each paragraph (a run of non-empty lines) is wrapped on
/// its own, blank lines between paragraphs are kept as one empty line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split("\n\n") {
        let paragraph = paragraph.trim_matches('\n');
        if paragraph.trim().is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(String::new());
        }
        for line in paragraph.lines() {
            let options = textwrap::Options::new(width).break_words(true);
            lines.extend(
                textwrap::wrap(line, options)
                    .into_iter()
                    .map(|cow| cow.into_owned()),
            );
        }
    }
    lines
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
    fn very_narrow_widths_break_long_words() {
        let lines = wrap("Niamey", 2);
        assert_eq!(lines, ["Ni", "am", "ey"]);
        assert_eq!(wrap("x", 0), ["x"]);
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1204), "1,204");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
