//! Draws the article list: one row per article (date, source, countries, title), only the rows
//! of the viewport, unread bold and starred marked. The columns before the title shrink and drop
//! as the pane narrows, so the title keeps most of the width (see [`Columns::fit`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, StatefulWidget, Widget};
use unicode_width::UnicodeWidthChar;

use crate::app::list::ArticleListState;
use crate::app::text::is_rtl;
use crate::article::ArticleSummary;
use crate::store::Sort;
use crate::theme::Theme;

use super::pane_block;

/// The list pane, borrowed for one frame.
pub struct ArticleList<'a> {
    state: &'a ArticleListState,
    theme: &'a Theme,
    focused: bool,
    sort: Sort,
    this_year: Option<i32>,
}

impl<'a> ArticleList<'a> {
    pub fn new(state: &'a ArticleListState, theme: &'a Theme, focused: bool, sort: Sort) -> Self {
        Self {
            state,
            theme,
            focused,
            sort,
            this_year: None,
        }
    }

    /// Dates of `year` show without it; `None` shows every date's year.
    pub fn this_year(mut self, year: Option<i32>) -> Self {
        self.this_year = year;
        self
    }

    /// Row `index` in `width` columns: a right-to-left title ends at the right edge.
    fn row(&self, index: u64, columns: Columns, width: usize) -> ListItem<'a> {
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
            Span::styled(
                format!(
                    "{} ",
                    fit(&date(row, self.this_year, columns.long_date), columns.date)
                ),
                self.theme.meta,
            ),
        ];
        if columns.source > 0 {
            let source = row.source.as_deref().unwrap_or("");
            spans.push(Span::styled(
                format!("{} ", abbreviate(source, columns.source)),
                self.theme.meta,
            ));
        }
        if columns.countries > 0 {
            spans.push(Span::styled(
                format!(
                    "{} ",
                    fit(&codes(&row.countries, columns.countries), columns.countries)
                ),
                self.theme.meta,
            ));
        }
        let title = if is_rtl(&row.title) {
            right_aligned(&row.title, width.saturating_sub(columns.used()))
        } else {
            row.title.clone()
        };
        spans.push(Span::styled(title, style));
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
        if let Some(label) = self.sort.label() {
            title.push_str(&format!(" · by {label}"));
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
        let visible: Vec<&ArticleSummary> = (state.offset..end)
            .filter_map(|index| state.row(index))
            .collect();
        let columns = Columns::fit(usize::from(inner.width), &visible, self.this_year);
        let items: Vec<ListItem> = (state.offset..end)
            .map(|index| self.row(index, columns, usize::from(inner.width)))
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

/// The widths of the columns before the title (0 drops a column), for one frame of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    /// `2025-12-30` for a date of another year, else `2025-12` (this year's are `03-28`).
    long_date: bool,
    date: usize,
    source: usize,
    /// 8 holds three codes, 3 the first code and a `+` when there are more.
    countries: usize,
}

/// From the richest row to the leanest: countries shrink to the first code, then the source is
/// abbreviated, the date compacted, the countries dropped, and the source last.
const STAGES: [(bool, usize, usize); 6] = [
    (true, 14, 8),
    (true, 12, 3),
    (true, 8, 3),
    (false, 8, 3),
    (false, 6, 0),
    (false, 0, 0),
];

impl Columns {
    /// The richest stage that leaves the title three fifths of `width` (the pane's inside).
    fn fit(width: usize, rows: &[&ArticleSummary], this_year: Option<i32>) -> Self {
        let any_countries = rows.iter().any(|row| !row.countries.is_empty());
        let other_year = rows.iter().any(|row| year(row) != this_year);
        let title = width * 3 / 5;
        let stage = |&(long_date, source, countries): &(bool, usize, usize)| {
            let date = match (other_year, long_date) {
                (false, _) => 5,
                (true, true) => 10,
                (true, false) => 7,
            };
            let countries = if any_countries { countries } else { 0 };
            Self {
                long_date,
                date,
                source,
                countries,
            }
        };
        STAGES
            .iter()
            .map(stage)
            .find(|columns| width.saturating_sub(columns.used()) >= title)
            .unwrap_or_else(|| stage(&STAGES[STAGES.len() - 1]))
    }

    /// Columns taken before the title: the star mark, then each column and its space.
    fn used(self) -> usize {
        let column = |width: usize| if width > 0 { width + 1 } else { 0 };
        1 + column(self.date) + column(self.source) + column(self.countries)
    }
}

fn year(row: &ArticleSummary) -> Option<i32> {
    row.published.as_deref()?.get(..4)?.parse().ok()
}

/// `03-28` for a date of `this_year`, else `2025-12-30` (`long`) or `2025-12`; blank when unknown.
fn date(row: &ArticleSummary, this_year: Option<i32>, long: bool) -> String {
    let text = row.published.as_deref().unwrap_or("");
    let (start, end) = match (year(row) == this_year, long) {
        (true, _) => (5, 10),
        (false, true) => (0, 10),
        (false, false) => (0, 7),
    };
    text.get(start..end.min(text.len()))
        .unwrap_or("")
        .to_string()
}

/// The country codes in `columns`: up to three, or the first with `+` when more are cut.
fn codes(countries: &[String], columns: usize) -> String {
    if columns >= 8 {
        let codes: Vec<&str> = countries.iter().take(3).map(String::as_str).collect();
        return codes.join(" ");
    }
    let first = countries.first().map_or("", String::as_str);
    let more = if countries.len() > 1 { "+" } else { "" };
    format!("{first}{more}")
}

/// `text` in exactly `columns` display columns, cut with `…` when it does not fit.
fn abbreviate(text: &str, columns: usize) -> String {
    if text.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>() <= columns {
        return fit(text, columns);
    }
    fit(
        &(fit(text, columns - 1).trim_end().to_string() + "…"),
        columns,
    )
}

/// `text` cut or padded to exactly `columns` display columns.
pub fn fit(text: &str, columns: usize) -> String {
    let (mut out, used) = cut(text, columns);
    out.extend(std::iter::repeat_n(' ', columns - used));
    out
}

/// `text` cut to `columns` display columns and padded before it, so that it ends at the last
/// column: a right-to-left title's start (its first words) stays on the right.
fn right_aligned(text: &str, columns: usize) -> String {
    let (cut, used) = cut(text, columns);
    " ".repeat(columns - used) + &cut
}

/// The longest start of `text` within `columns` display columns, and the columns it takes.
fn cut(text: &str, columns: usize) -> (String, usize) {
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
    (out, used)
}

pub use crate::app::text::thousands;

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
    fn right_aligned_titles_end_at_the_last_column() {
        assert_eq!(right_aligned("شلا", 6), "   شلا");
        assert_eq!(right_aligned("北京日报", 5), " 北京");
        assert_eq!(right_aligned("e\u{301}te\u{301}", 4), " e\u{301}te\u{301}");
        assert_eq!(right_aligned("abc", 0), "");
    }

    #[test]
    fn long_sources_are_abbreviated_with_an_ellipsis() {
        assert_eq!(abbreviate("Reuters Africa", 8), "Reuters…");
        assert_eq!(abbreviate("Le Monde Afrique", 6), "Le Mo…");
        assert_eq!(abbreviate("RFI", 6), "RFI   ");
    }

    #[test]
    fn the_date_shows_its_year_unless_it_is_this_year() {
        let row = ArticleSummary {
            published: Some("2025-12-30T08:00:00Z".into()),
            ..ArticleSummary::default()
        };
        assert_eq!(date(&row, Some(2025), true), "12-30");
        assert_eq!(date(&row, Some(2026), true), "2025-12-30");
        assert_eq!(date(&row, Some(2026), false), "2025-12");
        assert_eq!(date(&ArticleSummary::default(), Some(2026), true), "");
    }

    #[test]
    fn columns_shrink_in_order_as_the_pane_narrows() {
        let row = ArticleSummary {
            published: Some("2025-12-30".into()),
            countries: vec!["NE".into(), "ML".into()],
            ..ArticleSummary::default()
        };
        let rows = [&row];
        let at = |width| Columns::fit(width, &rows, Some(2026));
        assert_eq!((at(120).source, at(120).countries), (14, 8));
        assert_eq!((at(78).source, at(78).countries), (12, 3));
        assert!(!at(58).long_date && at(58).source == 8);
        assert_eq!(at(20).used(), 1 + 8);
        for width in [39, 58, 78, 120] {
            assert!(width - at(width).used() >= width * 3 / 5, "{width}");
        }
        assert_eq!(codes(&row.countries, 3), "NE+");
        assert_eq!(codes(&row.countries, 8), "NE ML");
    }
}
