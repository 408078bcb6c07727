//! Draws the candidates Tab cycles on the query or command line: one row, the selected one
//! highlighted, `+N` for those after the ones that fit (`… ` when some come before).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::complete::Completion;
use crate::app::text::clean_line;
use crate::theme::Theme;

/// Columns between two candidates.
const GAP: usize = 2;

/// The candidate strip, borrowed for one frame.
pub struct Completions<'a> {
    completion: &'a Completion,
    theme: &'a Theme,
}

impl<'a> Completions<'a> {
    pub fn new(completion: &'a Completion, theme: &'a Theme) -> Self {
        Self { completion, theme }
    }
}

impl Widget for Completions<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let names: Vec<String> = self
            .completion
            .candidates
            .iter()
            .map(|name| clean_line(name))
            .collect();
        let (first, end) = page(&names, self.completion.selected, usize::from(area.width));
        let mut spans = vec![Span::raw(if first > 0 { "… " } else { " " })];
        for (at, name) in names.iter().enumerate().take(end).skip(first) {
            let style = if at == self.completion.selected {
                self.theme.selected
            } else {
                self.theme.status
            };
            spans.push(Span::styled(name.clone(), style));
            spans.push(Span::raw(" ".repeat(GAP)));
        }
        if end < names.len() {
            spans.push(Span::styled(
                format!("+{}", names.len() - end),
                self.theme.meta,
            ));
        }
        Line::from(spans).style(self.theme.status).render(area, buf);
    }
}

/// The candidates `first..end` shown in `width` columns: pages of those that fit beside the
/// markers, the page holding `selected`.
fn page(names: &[String], selected: usize, width: usize) -> (usize, usize) {
    // Room for the lead ("… ") and for "+N" with as many digits as the count.
    let room = width.saturating_sub(2 + 1 + names.len().to_string().len());
    let mut first = 0;
    loop {
        let mut used = 0;
        let mut end = first;
        while end < names.len() {
            let wide = names[end].width() + GAP;
            // A candidate wider than the strip still gets a page of its own.
            if used + wide > room && end > first {
                break;
            }
            used += wide;
            end += 1;
        }
        if selected < end || end >= names.len() {
            return (first, end);
        }
        first = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn pages_hold_the_selected_candidate() {
        let list = names(&["alpha", "beta", "gamma", "delta", "epsilon"]);
        // 30 columns less 5 for the markers: three candidates of 7 or 6 columns each.
        assert_eq!(page(&list, 0, 30), (0, 3));
        assert_eq!(page(&list, 3, 30), (3, 5));
        assert_eq!(page(&list, 4, 200), (0, 5));
        let wide = names(&["a-very-long-candidate-name", "b"]);
        assert_eq!(page(&wide, 0, 10), (0, 1), "a wide one has its own page");
        assert_eq!(page(&wide, 1, 10), (1, 2));
    }
}
