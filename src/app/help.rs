//! The help overlay's display lines for a width: each binding's keys, then its description
//! wrapped beside them (or under them when the keys are wider than the key column). Shared by
//! `update` (how far help scrolls) and the ui (what it draws).

use super::HelpSection;

/// One display line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Blank,
    Title(String),
    /// Keys (empty on a description's later lines) and a piece of the description.
    Entry {
        keys: String,
        text: String,
    },
}

/// Where help is drawn: the popup, or the whole width of a narrow terminal (`columns`), so the
/// descriptions keep room at 40 columns.
pub fn help_rect(popup: ratatui::layout::Rect, columns: u16) -> ratatui::layout::Rect {
    if popup.width >= 60 {
        return popup;
    }
    ratatui::layout::Rect::new(0, popup.y, columns.max(popup.width), popup.height)
}

/// How far help can scroll in the terminal of `size`: its lines less those that show at once.
pub fn max_scroll(sections: &[HelpSection], popup: ratatui::layout::Rect, columns: u16) -> usize {
    let rect = help_rect(popup, columns);
    let lines = help_lines(sections, usize::from(rect.width.saturating_sub(2))).len();
    lines.saturating_sub(usize::from(rect.height.saturating_sub(2)))
}

/// The widest key column; wider keys get a line of their own.
const KEY_COLUMN: usize = 24;

/// Every line of `sections` laid out for `width` columns (the overlay's inside).
pub fn help_lines(sections: &[HelpSection], width: usize) -> Vec<HelpLine> {
    let key_width = key_width(sections, width);
    let text_width = width.saturating_sub(key_width + 3).max(8);
    let mut lines = Vec::new();
    for section in sections.iter().filter(|section| !section.lines.is_empty()) {
        if !lines.is_empty() {
            lines.push(HelpLine::Blank);
        }
        lines.push(HelpLine::Title(section.title.clone()));
        for (keys, description) in &section.lines {
            let mut keys = keys.clone();
            if keys.chars().count() > key_width {
                lines.push(HelpLine::Entry {
                    keys,
                    text: String::new(),
                });
                keys = String::new();
            }
            let options = textwrap::Options::new(text_width).break_words(true);
            for piece in textwrap::wrap(description, options) {
                lines.push(HelpLine::Entry {
                    keys: std::mem::take(&mut keys),
                    text: piece.into_owned(),
                });
            }
        }
    }
    lines
}

/// The key column's width for `sections` at `width` (as [`help_lines`] lays them out).
pub fn key_width(sections: &[HelpSection], width: usize) -> usize {
    let longest = sections
        .iter()
        .flat_map(|section| &section.lines)
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0);
    longest.min(KEY_COLUMN).min(width / 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_help_wraps_descriptions_and_puts_long_keys_alone() {
        let sections = [HelpSection {
            title: "Reader".into(),
            lines: vec![
                ("j".into(), "next row / scroll down, and more words".into()),
                ("1 2 3 4 5 6 7 8 9".into(), "open a link".into()),
            ],
        }];
        let lines = help_lines(&sections, 38);
        assert_eq!(lines[0], HelpLine::Title("Reader".into()));
        let entry = |keys: &str, text: &str| HelpLine::Entry {
            keys: keys.into(),
            text: text.into(),
        };
        assert_eq!(lines[1], entry("j", "next row / scroll down,"));
        assert_eq!(lines[2], entry("", "and more words"));
        assert_eq!(lines[3], entry("1 2 3 4 5 6 7 8 9", ""));
        assert_eq!(lines[4], entry("", "open a link"));
    }
}
