//! Draws the article list: one row per article (date, source, countries, title), only the rows
//! of the viewport, unread bold and starred marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, StatefulWidget, Widget};
use unicode_width::UnicodeWidthChar;

use crate::app::SortKey;
use crate::app::list::ArticleListState;
use crate::article::ArticleSummary;
use crate::theme::Theme;

use super::pane_block;

/// The list pane, borrowed for one frame.
pub struct ArticleList<'a> {
    state: &'a ArticleListState,
    theme: &'a Theme,
    focused: bool,
    sort: SortKey,
}

impl<'a> ArticleList<'a> {
    pub fn new(
        state: &'a ArticleListState,
        theme: &'a Theme,
        focused: bool,
        sort: SortKey,
    ) -> Self {
        Self {
            state,
            theme,
            focused,
            sort,
        }
    }

    fn row(&self, index: u64, countries: bool) -> ListItem<'a> {
        let Some(row) = self.state.row(index) else {
            return ListItem::new(Line::from("  …").style(self.theme.read));
        };
        let style = if row.read {
            self.theme.read
        } else {
            self.theme.unread
        };
        let mark = if row.starred {
            Span::styled("*", self.theme.starred)
        } else {
            Span::raw(" ")
        };
        let mut spans = vec![
            mark,
            Span::styled(format!("{} ", short_date(row)), self.theme.meta),
            Span::styled(
                format!("{} ", fit(row.source.as_deref().unwrap_or(""), 8)),
                self.theme.meta,
            ),
        ];
        if countries {
            let codes: Vec<&str> = row.countries.iter().take(3).map(String::as_str).collect();
            spans.push(Span::styled(
                format!("{} ", fit(&codes.join(" "), 8)),
                self.theme.meta,
            ));
        }
        spans.push(Span::styled(row.title.clone(), style));
        ListItem::new(Line::from(spans))
    }
}

impl Widget for ArticleList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let state = self.state;
        let mut title = if state.counting {
            " Articles (counting…".to_string()
        } else {
            format!(" Articles ({}", thousands(state.total))
        };
        if self.sort != SortKey::Date {
            title.push_str(&format!(" · by {}", self.sort.label()));
        }
        title.push_str(") ");
        let block = pane_block(Line::from(title), self.theme, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        if state.total == 0 {
            Line::from(" No articles match.")
                .style(self.theme.meta)
                .render(inner, buf);
            return;
        }
        let end = (state.offset + u64::from(inner.height)).min(state.total);
        let countries = (state.offset..end)
            .filter_map(|index| state.row(index))
            .any(|row| !row.countries.is_empty());
        let items: Vec<ListItem> = (state.offset..end)
            .map(|index| self.row(index, countries))
            .collect();
        let selected = usize::try_from(state.selected.saturating_sub(state.offset)).ok();
        let mut list_state = ListState::default().with_selected(selected);
        let highlight = if self.focused {
            self.theme.selected
        } else {
            self.theme
                .selected
                .add_modifier(ratatui::style::Modifier::DIM)
        };
        StatefulWidget::render(
            List::new(items).highlight_style(highlight),
            inner,
            buf,
            &mut list_state,
        );
    }
}

/// `MM-DD` of the published date, blank when unknown.
fn short_date(row: &ArticleSummary) -> String {
    let date = row.published.as_deref().unwrap_or("");
    let short: String = date.chars().skip(5).take(5).collect();
    fit(&short, 5)
}

/// `text` cut or padded to exactly `columns` display columns.
pub fn fit(text: &str, columns: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let width = c.width().unwrap_or(0);
        if used + width > columns {
            break;
        }
        used += width;
        out.push(c);
    }
    out.extend(std::iter::repeat_n(' ', columns - used));
    out
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_pads_and_cuts_by_display_width() {
        assert_eq!(fit("RFI", 5), "RFI  ");
        assert_eq!(fit("Reuters Africa", 8), "Reuters ");
        assert_eq!(fit("北京日报", 5), "北京 ");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1204), "1,204");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
