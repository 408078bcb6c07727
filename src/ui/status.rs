//! Draws the status line: the query prompt while typing, else the active filters as chips and
//! the latest message (or a hint of the main keys).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::{AppState, Overlay};

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
        if let Some(Overlay::Prompt { input, command }) = &state.overlay {
            let mut spans = vec![
                Span::styled(if *command { ":" } else { "/" }, theme.chip),
                Span::raw(format!(" {}", super::super::app::text::clean_line(input))),
                Span::styled("█", theme.status),
            ];
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
