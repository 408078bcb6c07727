//! Draws the status line: the query prompt while typing, else the active filters as chips and
//! the latest message (or a hint of the main keys).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::app::line_edit::LineEdit;
use crate::app::text::clean_line;
use crate::app::{AppState, Overlay};
use crate::theme::Theme;

/// The status line, borrowed for one frame.
pub struct StatusBar<'a> {
    state: &'a AppState,
}

impl<'a> StatusBar<'a> {
    pub fn new(state: &'a AppState) -> Self {
        Self { state }
    }
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let state = self.state;
        let theme = &state.view.theme;
        if let Some(prompt) = state.prompt() {
            let input = &prompt.input;
            let mut spans = vec![
                Span::styled(if prompt.is_command() { ":" } else { "/" }, theme.chip),
                Span::raw(" "),
            ];
            // The error (below) gets what the line leaves; the line scrolls to show the cursor.
            spans.extend(line_spans(
                input,
                usize::from(area.width).saturating_sub(2),
                theme,
            ));
            // A query the line could not take: the error stays beside it until Enter works.
            if let Some(status) = state.status.as_ref().filter(|status| status.is_error) {
                spans.push(Span::styled(format!("  {}", status.text), theme.error));
            }
            Line::from(spans).render(area, buf);
            return;
        }
        if let Some(Overlay::Confirm { question, .. }) = &state.overlay {
            Line::from(Span::styled(question.clone(), theme.chip)).render(area, buf);
            return;
        }
        let mut spans = Vec::new();
        for filter in &state.filters {
            spans.push(Span::styled(format!(" {filter} "), theme.chip));
            spans.push(Span::raw(" "));
        }
        // A toggle the store has not confirmed (another process holds its lock) is said first.
        match state.writes_pending() {
            0 => {}
            1 => spans.push(Span::styled("1 write pending  ", theme.meta)),
            n => spans.push(Span::styled(format!("{n} writes pending  "), theme.meta)),
        }
        match &state.status {
            Some(status) if status.is_error => {
                spans.push(Span::styled(status.text.clone(), theme.error))
            }
            Some(status) => spans.push(Span::styled(status.text.clone(), theme.status)),
            None => spans.push(Span::styled(state.view.hints.of(state.focus), theme.meta)),
        }
        Line::from(spans).render(area, buf);
    }
}

/// A line being edited in `width` columns: its text with the cursor shown as a block at the end
/// or as the reversed grapheme under it mid-line. A line too long for the width drops its start,
/// so the cursor stays in view.
pub fn line_spans(line: &LineEdit, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let (before, under, after) = line.around_cursor();
    let before = clean_line(before);
    let mut start = 0;
    let mut shown = before.width();
    if shown + 1 > width {
        for (at, grapheme) in before.grapheme_indices(true) {
            if shown < width {
                break;
            }
            shown -= grapheme.width();
            start = at + grapheme.len();
        }
    }
    let mut spans = vec![Span::raw(before[start..].to_string())];
    match under.map(clean_line).filter(|under| !under.is_empty()) {
        Some(under) => {
            spans.push(Span::styled(
                under,
                theme.status.add_modifier(Modifier::REVERSED),
            ));
            spans.push(Span::raw(clean_line(after)));
        }
        None => {
            spans.push(Span::styled("█", theme.status));
            spans.push(Span::raw(clean_line(after)));
        }
    }
    spans
}
