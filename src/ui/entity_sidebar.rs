//! Draws the entity sidebar: section headers and rows with right-aligned counts, the selected
//! row highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::sidebar::EntitySidebarState;
use crate::theme::Theme;

use super::{article_list::fit, pane_block};

/// The sidebar pane, borrowed for one frame.
pub struct EntitySidebar<'a> {
    state: &'a EntitySidebarState,
    theme: &'a Theme,
    focused: bool,
}

impl<'a> EntitySidebar<'a> {
    pub fn new(state: &'a EntitySidebarState, theme: &'a Theme, focused: bool) -> Self {
        Self {
            state,
            theme,
            focused,
        }
    }

    /// Every display line: a header per section, then its rows.
    fn lines(&self, width: usize) -> Vec<Line<'a>> {
        let mut lines = Vec::new();
        let mut index = 0;
        for section in &self.state.sections {
            lines.push(Line::from(Span::styled(
                section.title.clone(),
                self.theme.header,
            )));
            for row in &section.rows {
                let count = row.count.map(|n| format!(" {n}")).unwrap_or_default();
                let label_width = width.saturating_sub(1 + count.width());
                let text = format!(" {}{count}", fit(&row.label, label_width));
                let style = if index == self.state.selected && self.focused {
                    self.theme.selected
                } else if index == self.state.selected {
                    self.theme
                        .selected
                        .add_modifier(ratatui::style::Modifier::DIM)
                } else {
                    Style::new()
                };
                lines.push(Line::from(text).style(style));
                index += 1;
            }
        }
        lines
    }
}

impl Widget for EntitySidebar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let title = match self.state.title.as_str() {
            "" => " Entities ".to_string(),
            title => format!(" {title} "),
        };
        let block = pane_block(Line::from(title), self.theme, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        if self.state.sections.is_empty() {
            // Counts over a big list come from a background thread a moment after the list.
            Line::from(" counting…")
                .style(self.theme.meta)
                .render(inner, buf);
            return;
        }
        let lines = self.lines(usize::from(inner.width));
        let visible = lines
            .into_iter()
            .skip(self.state.scroll)
            .take(usize::from(inner.height));
        for (y, line) in (inner.y..).zip(visible) {
            line.render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}
