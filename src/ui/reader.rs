//! Draws the reader: the wrapped lines of the open article from the scroll position, search hits
//! highlighted, the position in percent in the border.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::reader::{LineKind, ReaderState};
use crate::theme::Theme;

use super::pane_block;

/// The reader pane, borrowed for one frame.
pub struct Reader<'a> {
    state: &'a ReaderState,
    theme: &'a Theme,
    focused: bool,
}

impl<'a> Reader<'a> {
    pub fn new(state: &'a ReaderState, theme: &'a Theme, focused: bool) -> Self {
        Self {
            state,
            theme,
            focused,
        }
    }

    fn line(&self, kind: LineKind, text: &'a str) -> Line<'a> {
        let base = match kind {
            LineKind::Title => self.theme.title,
            LineKind::Meta => self.theme.meta,
            LineKind::Body => Style::new(),
        };
        Line::from(highlight(text, &self.state.terms, base, self.theme.hit))
    }
}

impl Widget for Reader<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let state = self.state;
        let mut block = pane_block(Line::from(" Reader "), self.theme, self.focused);
        if state.article.is_some() {
            let position = format!(" {}% ", state.percent());
            block = block.title_bottom(Line::from(position).right_aligned());
        }
        let inner = block.inner(area);
        block.render(area, buf);
        if state.article.is_none() {
            let hint = " Enter opens the selected article.";
            Line::from(hint).style(self.theme.meta).render(inner, buf);
            return;
        }
        let visible = state
            .lines
            .iter()
            .skip(state.scroll)
            .take(usize::from(inner.height));
        for (y, line) in (inner.y..).zip(visible) {
            let row = Rect::new(inner.x, y, inner.width, 1);
            self.line(line.kind, &line.text).render(row, buf);
        }
    }
}

/// Splits `text` into spans, the (lowercase) `terms` found in it styled as hits.
fn highlight<'a>(text: &'a str, terms: &[String], base: Style, hit: Style) -> Vec<Span<'a>> {
    if terms.is_empty() {
        return vec![Span::styled(text, base)];
    }
    let lower = text.to_lowercase();
    // Lowercasing can change byte lengths (e.g. 'İ'); highlight only when it did not.
    if lower.len() != text.len() {
        return vec![Span::styled(text, base)];
    }
    let mut marks = vec![false; text.len()];
    for term in terms.iter().filter(|term| !term.is_empty()) {
        for (at, _) in lower.match_indices(term.as_str()) {
            marks[at..at + term.len()]
                .iter_mut()
                .for_each(|mark| *mark = true);
        }
    }
    let mut spans = Vec::new();
    let mut start = 0;
    for end in (1..=text.len()).filter(|&i| text.is_char_boundary(i)) {
        let boundary = end == text.len() || marks[end] != marks[start];
        if boundary && text.is_char_boundary(end) {
            let style = if marks[start] { hit } else { base };
            spans.push(Span::styled(&text[start..end], style));
            start = end;
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_every_occurrence_case_insensitively() {
        let hit = Style::new().reversed();
        let spans = highlight("Niger and niger", &["niger".into()], Style::new(), hit);
        let texts: Vec<_> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == hit))
            .collect();
        assert_eq!(texts, [("Niger", true), (" and ", false), ("niger", true)]);
    }

    #[test]
    fn no_terms_is_one_plain_span() {
        assert_eq!(highlight("été", &[], Style::new(), Style::new()).len(), 1);
        let spans = highlight(
            "été ici",
            &["ici".into()],
            Style::new(),
            Style::new().bold(),
        );
        assert_eq!(spans.len(), 2);
    }
}
