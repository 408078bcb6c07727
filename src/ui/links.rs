//! Draws the link list (`L`): the open article's links numbered from 1, the selection
//! highlighted; the rows scroll to keep the selection in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use crate::theme::Theme;

use super::article_list::fit;

/// The link list popup, borrowed for one frame.
pub struct Links<'a> {
    links: &'a [String],
    selected: usize,
    theme: &'a Theme,
}

impl<'a> Links<'a> {
    pub fn new(links: &'a [String], selected: usize, theme: &'a Theme) -> Self {
        Self {
            links,
            selected,
            theme,
        }
    }
}

impl Widget for Links<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(self.theme.border_focused)
            .title(format!(" Links · {} ", self.links.len()))
            .title_bottom(" j/k move · Enter or 1-9 opens · q closes ");
        let inner = block.inner(area);
        block.render(area, buf);
        let rows = usize::from(inner.height).max(1);
        let first = self.selected.saturating_sub(rows - 1);
        let width = usize::from(inner.width);
        // The links were cleaned when the article opened (ReaderState::open).
        let lines: Vec<Line> = self
            .links
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(at, link)| {
                let style = if at == self.selected {
                    self.theme.selected
                } else {
                    self.theme.title
                };
                Line::from(fit(&format!("{:>2} {link}", at + 1), width)).style(style)
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}
