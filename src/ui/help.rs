//! Draws the help overlay from the live keymap's [`HelpSection`]s, so it shows the user's keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use crate::app::HelpSection;
use crate::app::help::{HelpLine, help_lines, key_width};
use crate::theme::Theme;

use super::article_list::fit;

/// The help popup, borrowed for one frame.
pub struct Help<'a> {
    sections: &'a [HelpSection],
    theme: &'a Theme,
    scroll: usize,
}

impl<'a> Help<'a> {
    pub fn new(sections: &'a [HelpSection], theme: &'a Theme, scroll: usize) -> Self {
        Self {
            sections,
            theme,
            scroll,
        }
    }
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width.saturating_sub(2));
        let key_width = key_width(self.sections, width);
        let lines: Vec<Line> = help_lines(self.sections, width)
            .into_iter()
            .map(|line| match line {
                HelpLine::Blank => Line::default(),
                HelpLine::Title(title) => Line::from(Span::styled(title, self.theme.header)),
                HelpLine::Entry { keys, text } if text.is_empty() => {
                    Line::from(Span::styled(format!("  {keys}"), self.theme.title))
                }
                HelpLine::Entry { keys, text } => Line::from(vec![
                    Span::styled(format!("  {} ", fit(&keys, key_width)), self.theme.title),
                    Span::raw(text),
                ]),
            })
            .collect();
        let block = Block::bordered()
            .border_type(BorderType::Double)
            .border_style(self.theme.border_focused)
            .title(" Help (j/k g/G scroll, ? closes) ");
        // Stop scrolling once the last line is at the bottom.
        let visible = usize::from(area.height.saturating_sub(2));
        let scroll = self.scroll.min(lines.len().saturating_sub(visible));
        let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll, 0))
            .render(area, buf);
    }
}
