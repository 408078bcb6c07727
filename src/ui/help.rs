//! Draws the help overlay from the live keymap's [`HelpSection`]s, so it shows the user's keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use crate::app::HelpSection;
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
        let key_width = self
            .sections
            .iter()
            .flat_map(|section| &section.lines)
            .map(|(keys, _)| keys.chars().count())
            .max()
            .unwrap_or(0)
            .min(24);
        let mut lines = Vec::new();
        for section in self
            .sections
            .iter()
            .filter(|section| !section.lines.is_empty())
        {
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::from(Span::styled(
                section.title.clone(),
                self.theme.header,
            )));
            for (keys, description) in &section.lines {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {} ", fit(keys, key_width)), self.theme.title),
                    Span::raw(description.clone()),
                ]));
            }
        }
        let block = Block::bordered()
            .border_type(BorderType::Double)
            .border_style(self.theme.border_focused)
            .title(" Help: keys from your config (j/k scroll, ? or Esc closes) ");
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
