//! Draws the country picker: the typed text, then the countries with their counts, marked ones
//! ticked and the selection highlighted; the rows scroll to keep the selection in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::picker::PickerState;
use crate::app::text::clean_line;
use crate::theme::Theme;

use super::article_list::{fit, thousands};

/// The picker popup, borrowed for one frame.
pub struct Picker<'a> {
    state: &'a PickerState,
    theme: &'a Theme,
}

impl<'a> Picker<'a> {
    pub fn new(state: &'a PickerState, theme: &'a Theme) -> Self {
        Self { state, theme }
    }

    fn row(&self, at: usize, width: usize) -> Line<'a> {
        let state = self.state;
        let shown = &state.shown[at];
        let country = &state.countries[shown.index];
        let mark = if state.marked.contains(&country.code) {
            "✓"
        } else {
            " "
        };
        let mut label = format!("{mark} {} {}", country.code, clean_line(&country.name));
        if let Some(matched) = &shown.matched {
            label.push_str(&format!(" ({})", clean_line(matched)));
        }
        let count = format!(" {}", thousands(country.count));
        let text = format!(
            "{}{count}",
            fit(&label, width.saturating_sub(count.width()))
        );
        let style = if at == state.selected {
            self.theme.selected
        } else if country.count == 0 {
            self.theme.meta
        } else {
            self.theme.title
        };
        Line::from(text).style(style)
    }
}

impl Widget for Picker<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let state = self.state;
        let scope = if state.base.is_empty() {
            "whole archive".to_string()
        } else {
            clean_line(&crate::query::Query::all(&state.base).to_string())
        };
        let marked = if state.marked.is_empty() {
            String::new()
        } else {
            format!(" · {} marked", state.marked.len())
        };
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(self.theme.border_focused)
            .title(format!(" Countries · {scope}{marked} "))
            .title_bottom(" ↑↓ move · Tab mark · Enter apply · Esc close ");
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 {
            return;
        }
        let mut spans = vec![Span::styled("› ", self.theme.chip)];
        let width = usize::from(inner.width).saturating_sub(2);
        spans.extend(super::status::line_spans(&state.input, width, self.theme));
        let prompt = Line::from(spans);
        prompt.render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
        let rows = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
        let message = if state.loading {
            Some(" counting…")
        } else if state.shown.is_empty() {
            Some(" no country matches")
        } else {
            None
        };
        if let Some(message) = message {
            Line::from(message).style(self.theme.meta).render(rows, buf);
            return;
        }
        let height = usize::from(rows.height);
        let first = state.selected.saturating_sub(height.saturating_sub(1));
        let width = usize::from(rows.width);
        for (y, at) in (rows.y..rows.bottom()).zip(first..state.shown.len()) {
            self.row(at, width)
                .render(Rect::new(rows.x, y, rows.width, 1), buf);
        }
    }
}
