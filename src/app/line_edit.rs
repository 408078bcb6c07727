//! A line being edited: its text and a cursor that sits between grapheme clusters, with the
//! readline moves and kills of the query prompt. Pure state; the prompt draws it.

use std::ops::{Deref, Range};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The text of a prompt and where the cursor is in it (a byte offset on a grapheme boundary,
/// so a wide character or a letter with combining accents moves and deletes as one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    cursor: usize,
}

/// One editing key of the prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Left,
    Right,
    /// Home, Ctrl-A.
    Start,
    /// End, Ctrl-E.
    End,
    /// Alt-B: to the start of this or the previous word.
    WordLeft,
    /// Alt-F: to the end of this or the next word.
    WordRight,
    Backspace,
    Delete,
    /// Ctrl-W: back to the previous space, as readline's unix-word-rubout (a `key:value`
    /// term goes in one press).
    KillWordBack,
    /// Ctrl-U.
    KillToStart,
    /// Ctrl-K.
    KillToEnd,
}

impl LineEdit {
    /// `text` with the cursor at its end.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let cursor = text.len();
        Self { text, cursor }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's byte offset in [`LineEdit::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The text before the cursor, what completion looks at.
    pub fn before_cursor(&self) -> &str {
        &self.text[..self.cursor]
    }

    /// The text before the cursor, the grapheme under it (none at the end) and the rest.
    pub fn around_cursor(&self) -> (&str, Option<&str>, &str) {
        let (before, after) = self.text.split_at(self.cursor);
        match after.graphemes(true).next() {
            Some(under) => (before, Some(under), &after[under.len()..]),
            None => (before, None, after),
        }
    }

    /// The display columns before the cursor (wide characters count two).
    pub fn cursor_column(&self) -> usize {
        self.before_cursor().width()
    }

    /// Replaces the whole text; the cursor goes to its end.
    pub fn set(&mut self, text: impl Into<String>) {
        *self = Self::new(text);
    }

    /// Lets `edit` change the text as a `String`; the cursor goes to the end.
    pub fn edit_text(&mut self, edit: impl FnOnce(&mut String)) {
        edit(&mut self.text);
        self.cursor = self.text.len();
    }

    /// Types `c` at the cursor.
    pub fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        self.snap();
    }

    /// Replaces `range` (byte offsets on boundaries, as [`LineEdit::before_cursor`] gives them)
    /// with `with`, leaving the cursor after it: a completion.
    pub fn replace(&mut self, range: Range<usize>, with: &str) {
        let start = range.start;
        self.text.replace_range(range, with);
        self.cursor = start + with.len();
        self.snap();
    }

    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Left => self.cursor = self.previous_boundary(),
            Edit::Right => self.cursor = self.next_boundary(),
            Edit::Start => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::WordLeft => self.cursor = self.word_left(),
            Edit::WordRight => self.cursor = self.word_right(),
            Edit::Backspace => self.cut(self.previous_boundary()..self.cursor),
            Edit::Delete => self.cut(self.cursor..self.next_boundary()),
            Edit::KillWordBack => {
                let before = self.before_cursor().trim_end_matches(' ');
                let start = before.rfind(' ').map_or(0, |space| space + 1);
                self.cut(start..self.cursor);
            }
            Edit::KillToStart => self.cut(0..self.cursor),
            Edit::KillToEnd => self.cut(self.cursor..self.text.len()),
        }
    }

    fn cut(&mut self, range: Range<usize>) {
        let start = range.start;
        self.text.replace_range(range, "");
        self.cursor = start;
    }

    fn previous_boundary(&self) -> usize {
        self.before_cursor()
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(at, _)| at)
    }

    fn next_boundary(&self) -> usize {
        let after = &self.text[self.cursor..];
        self.cursor + after.graphemes(true).next().map_or(0, str::len)
    }

    fn word_left(&self) -> usize {
        let mut at = self.cursor;
        let mut in_word = false;
        for (start, grapheme) in self.before_cursor().grapheme_indices(true).rev() {
            match (is_word(grapheme), in_word) {
                (true, _) => in_word = true,
                (false, true) => break,
                (false, false) => {}
            }
            at = start;
        }
        at
    }

    fn word_right(&self) -> usize {
        let mut at = self.cursor;
        let mut in_word = false;
        for grapheme in self.text[self.cursor..].graphemes(true) {
            match (is_word(grapheme), in_word) {
                (true, _) => in_word = true,
                (false, true) => break,
                (false, false) => {}
            }
            at += grapheme.len();
        }
        at
    }

    /// Keeps the cursor on a boundary when a combining mark typed before the cursor joined the
    /// grapheme after it.
    fn snap(&mut self) {
        let cursor = self.cursor;
        if let Some((start, grapheme)) = self
            .text
            .grapheme_indices(true)
            .find(|(start, grapheme)| *start < cursor && cursor < start + grapheme.len())
        {
            self.cursor = start + grapheme.len();
        }
    }
}

/// Letters and digits (with their accents) make words; spaces and `:"-` separate them.
fn is_word(grapheme: &str) -> bool {
    grapheme.chars().next().is_some_and(char::is_alphanumeric)
}

impl Deref for LineEdit {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl From<&str> for LineEdit {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl From<String> for LineEdit {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

impl PartialEq<&str> for LineEdit {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialEq<str> for LineEdit {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` with `|` marking the cursor, as the tests write it.
    fn line(marked: &str) -> LineEdit {
        let cursor = marked.find('|').expect("a cursor mark");
        LineEdit {
            text: marked.replacen('|', "", 1),
            cursor,
        }
    }

    fn shown(line: &LineEdit) -> String {
        let mut text = line.text.clone();
        text.insert(line.cursor, '|');
        text
    }

    fn after(marked: &str, edits: &[Edit]) -> String {
        let mut edited = line(marked);
        for edit in edits {
            edited.apply(*edit);
        }
        shown(&edited)
    }

    #[test]
    fn moves_by_grapheme_across_wide_and_combining_characters() {
        assert_eq!(after("ab|", &[Edit::Left]), "a|b");
        assert_eq!(after("北京|", &[Edit::Left]), "北|京");
        assert_eq!(after("e\u{301}|x", &[Edit::Left]), "|e\u{301}x");
        assert_eq!(after("|e\u{301}x", &[Edit::Right]), "e\u{301}|x");
        assert_eq!(after("🇳🇪|", &[Edit::Left]), "|🇳🇪");
        assert_eq!(after("|ab", &[Edit::Left]), "|ab");
        assert_eq!(after("ab|", &[Edit::Right]), "ab|");
        assert_eq!(after("a|b", &[Edit::Start]), "|ab");
        assert_eq!(after("a|b", &[Edit::End]), "ab|");
    }

    #[test]
    fn deletes_whole_graphemes_at_the_cursor() {
        assert_eq!(after("cafe\u{301}|!", &[Edit::Backspace]), "caf|!");
        assert_eq!(after("北|京", &[Edit::Delete]), "北|");
        assert_eq!(after("|", &[Edit::Backspace, Edit::Delete]), "|");
    }

    #[test]
    fn words_move_over_letters_and_stop_at_punctuation() {
        let text = "country:NE lang:fr|";
        assert_eq!(after(text, &[Edit::WordLeft]), "country:NE lang:|fr");
        assert_eq!(
            after(text, &[Edit::WordLeft, Edit::WordLeft]),
            "country:NE |lang:fr"
        );
        assert_eq!(
            after("|côte d'ivoire", &[Edit::WordRight]),
            "côte| d'ivoire"
        );
        assert_eq!(
            after("côte| d'ivoire", &[Edit::WordRight, Edit::WordRight]),
            "côte d'ivoire|"
        );
    }

    #[test]
    fn kills_a_term_the_start_or_the_end() {
        assert_eq!(
            after("niamey country:NE  |lang:fr", &[Edit::KillWordBack]),
            "niamey |lang:fr"
        );
        assert_eq!(after("ab|cd", &[Edit::KillToStart]), "|cd");
        assert_eq!(after("ab|cd", &[Edit::KillToEnd]), "ab|");
        assert_eq!(after("|abc", &[Edit::KillWordBack]), "|abc");
    }

    #[test]
    fn typing_inserts_at_the_cursor_and_a_combining_mark_joins_its_letter() {
        let mut edited = line("ab|d");
        edited.insert('c');
        assert_eq!(shown(&edited), "abc|d");
        let mut accented = line("cafe|");
        accented.insert('\u{301}');
        assert_eq!(shown(&accented), "cafe\u{301}|");
        accented.apply(Edit::Left);
        assert_eq!(shown(&accented), "caf|e\u{301}");
        let mut leading = line("|\u{301}x");
        leading.insert('e');
        assert_eq!(
            shown(&leading),
            "e\u{301}|x",
            "the cursor stays on a boundary"
        );
    }

    #[test]
    fn the_cursor_column_counts_display_width() {
        assert_eq!(line("北京|x").cursor_column(), 4);
        assert_eq!(line("e\u{301}|").cursor_column(), 1);
        assert_eq!(line("ab|cd").around_cursor(), ("ab", Some("c"), "d"));
        assert_eq!(line("ab|").around_cursor(), ("ab", None, ""));
    }

    #[test]
    fn replacing_a_range_puts_the_cursor_after_it() {
        let mut edited = line("cou| niamey");
        edited.replace(0..3, "country:");
        assert_eq!(shown(&edited), "country:| niamey");
    }
}
