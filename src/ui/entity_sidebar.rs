//! Draws the entity sidebar: a sparkline of the list's articles per day on top, then section
//! headers and rows with right-aligned counts, the selected row highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Sparkline, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::layout::{SPARKLINE_LINES, sidebar_row_lines};
use crate::app::sidebar::{Daily, EntitySidebarState};
use crate::theme::Theme;

use super::article_list::{fit, thousands};
use super::pane_block;

/// The sidebar pane, borrowed for one frame.
pub struct EntitySidebar<'a> {
    state: &'a EntitySidebarState,
    daily: &'a Daily,
    theme: &'a Theme,
    focused: bool,
}

impl<'a> EntitySidebar<'a> {
    pub fn new(
        state: &'a EntitySidebarState,
        daily: &'a Daily,
        theme: &'a Theme,
        focused: bool,
    ) -> Self {
        Self {
            state,
            daily,
            theme,
            focused,
        }
    }

    /// The bars of the last days that fit in `area`'s width, with the first and last of those
    /// days under them and the peak between.
    fn render_sparkline(&self, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width);
        let counts = &self.daily.counts;
        let shown = &counts[counts.len().saturating_sub(width)..];
        let bars = Rect::new(area.x, area.y, area.width, SPARKLINE_LINES - 1);
        Sparkline::default()
            .data(shown)
            .style(self.theme.entity)
            .render(bars, buf);
        let caption = if self.daily.is_empty() {
            "Per day: no dated articles".to_string()
        } else {
            let peak = shown.iter().max().copied().unwrap_or(0);
            let first = self.daily.day_before_last(shown.len().saturating_sub(1));
            let short = |day: &str| day.get(5..).unwrap_or(day).to_string();
            let (first, last) = (short(&first), short(&self.daily.to));
            let middle = format!("max {}", thousands(peak));
            // The last date sits under the last bar, which is not the pane's edge when the
            // series is shorter than the pane.
            let room = shown.len().max(first.len() + last.len() + 2);
            let gap = room.saturating_sub(first.len() + last.len());
            if gap >= middle.width() + 2 {
                let left = (gap - middle.width()) / 2;
                let right = gap - middle.width() - left;
                format!(
                    "{first}{}{middle}{}{last}",
                    " ".repeat(left),
                    " ".repeat(right)
                )
            } else {
                format!("{first}{}{last}", " ".repeat(gap))
            }
        };
        let y = area.y + SPARKLINE_LINES - 1;
        Line::from(Span::styled(fit(&caption, width), self.theme.header))
            .render(Rect::new(area.x, y, area.width, 1), buf);
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
        let mut inner = block.inner(area);
        block.render(area, buf);
        let rows = sidebar_row_lines(inner.height);
        if rows < inner.height {
            let spark = Rect::new(inner.x, inner.y, inner.width, SPARKLINE_LINES);
            self.render_sparkline(spark, buf);
            inner = Rect::new(inner.x, inner.y + SPARKLINE_LINES, inner.width, rows);
        }
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
