//! Untrusted text made safe for a terminal: escape sequences (CSI, OSC, DCS, ...), C0/C1
//! controls, bidi overrides and isolates and invisible format characters removed. One cleaner
//! shared by import (what is stored), the TUI and every CLI command (what is printed).

/// Cleans text meant for one line: escape sequences, control and invisible format characters go,
/// line breaks and tabs become spaces.
pub fn clean_line(text: &str) -> String {
    let cleaned = clean(text, false);
    if cleaned.contains('\n') {
        cleaned.replace('\n', " ")
    } else {
        cleaned
    }
}

/// Cleans multi-line text: like [`clean_line`] but keeps `\n`.
pub fn clean_text(text: &str) -> String {
    clean(text, true)
}

fn clean(text: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 CSI, OSC, DCS, SOS, PM, APC: the 8-bit forms of the same sequences.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Control characters, bidi overrides and isolates, and invisible format characters.
/// ZWJ and ZWNJ stay: emoji sequences and Persian spelling need them.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00ad}' | '\u{061c}' | '\u{180e}' | '\u{200b}' | '\u{200e}' | '\u{200f}'
            | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}')
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips what follows an ESC: a CSI, a string sequence (OSC, DCS, ...) or one character.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        _ => {}
    }
}

/// A CSI ends at its final byte, `@` to `~`.
fn skip_csi(chars: &mut Chars<'_>) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) {
            return;
        }
    }
}

/// A string sequence ends at BEL, ST (`ESC \`) or the 8-bit ST.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

/// Text for one fixed-width column: cleaned first, then cut to `width` characters, so a cut can
/// never leave an escape sequence open.
pub fn clean_column(text: &str, width: usize) -> String {
    clean_line(text).chars().take(width).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_osc_and_csi_sequences() {
        let hostile = "Title\u{1b}]0;X\u{7} more\u{1b}[2J end\u{1b}]52;c;aGk=\u{1b}\\!";
        assert_eq!(clean_line(hostile), "Title more end!");
    }

    #[test]
    fn strips_c1_controls_and_lone_escapes() {
        assert_eq!(
            clean_line("a\u{9b}31mb\u{9d}0;t\u{9c}c\u{1b}7d\u{1b}"),
            "abcd"
        );
        assert_eq!(clean_line("bell\u{7} nul\u{0} del\u{7f}"), "bell nul del");
    }

    #[test]
    fn strips_bidi_overrides_and_invisible_format_characters() {
        let text = "a\u{202e}b\u{2066}c\u{2069}d\u{200b}e\u{feff}f\u{200f}g\u{e0041}h";
        assert_eq!(clean_line(text), "abcdefgh");
        // ZWJ in an emoji sequence and ZWNJ in Persian stay.
        assert_eq!(
            clean_line("👩\u{200d}💻 می\u{200c}خواهم"),
            "👩\u{200d}💻 می\u{200c}خواهم"
        );
    }

    #[test]
    fn line_breaks_and_tabs() {
        assert_eq!(clean_line("a\nb\tc\r"), "a b c");
        assert_eq!(clean_text("a\nb\r\n"), "a\nb\n");
    }

    #[test]
    fn a_column_cut_never_opens_a_sequence() {
        let source = "ab\u{1b}]0;retitled-by-feed\u{7}cd";
        assert_eq!(clean_column(source, 3), "abc");
        assert!(!clean_column(source, 5).contains('\u{1b}'));
    }
}
