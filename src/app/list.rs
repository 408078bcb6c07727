//! The article list's state: a selection over `total` matching articles of which only a window
//! of rows is held, so a million-article store never loads more than a few screens.

use crate::article::{ArticleId, ArticleSummary};

use super::text::clean_line;

/// Selection, viewport and the loaded window of rows; all positions are indices in the filter.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ArticleListState {
    pub total: u64,
    /// Whether `total` is only the rows loaded so far, the real count being on its way.
    pub counting: bool,
    pub selected: u64,
    /// First row shown in the viewport.
    pub offset: u64,
    /// Rows the viewport shows; set from the layout on resize.
    pub height: u64,
    /// Index of `rows[0]`.
    pub start: u64,
    pub rows: Vec<ArticleSummary>,
}

/// Rows fetched beyond the viewport, per side, in viewports.
const MARGIN: u64 = 1;

impl ArticleListState {
    /// How many rows a fetch asks for: the viewport plus a margin on each side.
    pub fn window_len(&self) -> u64 {
        self.height.max(1) * (1 + 2 * MARGIN)
    }

    /// Replaces the loaded rows (cleaned) after a fetch.
    pub fn set_window(&mut self, start: u64, rows: Vec<ArticleSummary>) {
        self.start = start;
        self.rows = rows.into_iter().map(clean_summary).collect();
    }

    /// The count from the counter thread: the list may now run past the rows loaded first.
    pub fn set_total(&mut self, total: u64) {
        self.total = total;
        self.counting = false;
        self.select(self.selected);
    }

    /// The row at `index`, if it is loaded.
    pub fn row(&self, index: u64) -> Option<&ArticleSummary> {
        let at = usize::try_from(index.checked_sub(self.start)?).ok()?;
        self.rows.get(at)
    }

    pub fn row_mut_by_id(&mut self, id: ArticleId) -> Option<&mut ArticleSummary> {
        self.rows.iter_mut().find(|row| row.id == id)
    }

    pub fn selected_row(&self) -> Option<&ArticleSummary> {
        self.row(self.selected)
    }

    pub fn selected_id(&self) -> Option<ArticleId> {
        self.selected_row().map(|row| row.id)
    }

    /// Moves the selection by `delta` rows, clamped to the list.
    pub fn move_by(&mut self, delta: i64) {
        let last = self.total.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.follow();
    }

    pub fn select(&mut self, index: u64) {
        self.selected = index.min(self.total.saturating_sub(1));
        self.follow();
    }

    /// Scrolls the viewport by `delta` rows without moving past the ends; the selection follows.
    pub fn scroll_by(&mut self, delta: i64) {
        let max_offset = self.total.saturating_sub(self.height);
        self.offset = self.offset.saturating_add_signed(delta).min(max_offset);
        let bottom = (self.offset + self.height).saturating_sub(1);
        self.selected = self.selected.clamp(self.offset, bottom.max(self.offset));
        self.selected = self.selected.min(self.total.saturating_sub(1));
    }

    /// Keeps the selection inside the viewport and the viewport inside the list.
    pub fn follow(&mut self) {
        let height = self.height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.total.saturating_sub(height));
    }

    /// Whether every row of the viewport is loaded (or past the end of the list).
    pub fn viewport_loaded(&self) -> bool {
        let end = (self.offset + self.height.max(1)).min(self.total);
        self.offset >= self.start && end <= self.start + self.rows.len() as u64
    }

    /// Where a fetch covering the viewport with its margins should start.
    pub fn fetch_start(&self) -> u64 {
        self.offset.saturating_sub(self.height.max(1) * MARGIN)
    }
}

/// A summary with every displayed field cleaned of escape sequences and control characters.
pub fn clean_summary(mut row: ArticleSummary) -> ArticleSummary {
    row.title = clean_line(&row.title);
    row.source = row.source.as_deref().map(clean_line);
    row.url = row.url.as_deref().map(clean_line);
    row.published = row.published.as_deref().map(clean_line);
    row.lang = row.lang.as_deref().map(clean_line);
    row.countries = row.countries.iter().map(|code| clean_line(code)).collect();
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(total: u64, height: u64) -> ArticleListState {
        let rows = (0..total.min(30))
            .map(|id| ArticleSummary {
                id: i64::try_from(id).expect("small"),
                ..ArticleSummary::default()
            })
            .collect();
        ArticleListState {
            total,
            height,
            rows,
            ..ArticleListState::default()
        }
    }

    #[test]
    fn selection_clamps_at_both_ends() {
        let mut state = list(5, 3);
        state.move_by(-1);
        assert_eq!(state.selected, 0);
        state.move_by(10);
        assert_eq!((state.selected, state.offset), (4, 2));
    }

    #[test]
    fn viewport_follows_the_selection() {
        let mut state = list(100, 10);
        state.move_by(12);
        assert_eq!((state.selected, state.offset), (12, 3));
        state.select(0);
        assert_eq!(state.offset, 0);
    }

    #[test]
    fn knows_when_the_viewport_leaves_the_window() {
        let mut state = list(1_000_000, 10);
        assert!(state.viewport_loaded());
        state.select(999_999);
        assert!(!state.viewport_loaded());
        assert_eq!(state.fetch_start(), 999_980);
        assert_eq!(state.window_len(), 30);
    }

    #[test]
    fn scrolling_drags_the_selection_along() {
        let mut state = list(100, 10);
        state.scroll_by(5);
        assert_eq!((state.offset, state.selected), (5, 5));
        state.scroll_by(1000);
        assert_eq!(state.offset, 90);
    }

    #[test]
    fn empty_list_has_no_selection() {
        let mut state = list(0, 10);
        state.move_by(1);
        assert_eq!(state.selected_id(), None);
        assert!(state.viewport_loaded());
    }

    #[test]
    fn summaries_are_cleaned() {
        let mut state = list(0, 1);
        let row = ArticleSummary {
            title: "a\u{1b}]0;owned\u{7}b".into(),
            source: Some("R\u{1b}[31mFI".into()),
            ..ArticleSummary::default()
        };
        state.set_window(0, vec![row]);
        assert_eq!(state.rows[0].title, "ab");
        assert_eq!(state.rows[0].source.as_deref(), Some("RFI"));
    }
}
