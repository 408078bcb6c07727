//! The pieces of `update` that span panes: focus, movement, opening, flags, filters, mouse.
//! Still pure: every method returns the [`Effect`] it needs instead of doing IO.

use ratatui::layout::{Position, Rect};

use super::layout::{Panes, layout, sidebar_row_lines};
use crate::article::{Article, ArticleId};

use super::pending::FlagWrite;
use super::sidebar::{Counts, EntityCount};
use super::terms::{entity_names, is_web_url};
use super::undo::Undo;
use super::{AppState, Effect, Focus, Reloaded, Status};
use crate::store::Sort;

/// A movement in the focused pane.
#[derive(Debug, Clone, Copy)]
pub enum Move {
    By(i64),
    /// Half pages: 2 is a whole page.
    Pages(i64),
    First,
    Last,
}

/// A flag of an article the user can toggle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Read,
    Starred,
}

/// Lines scrolled per mouse wheel notch.
const WHEEL_LINES: i64 = 3;

impl AppState {
    /// The panes for the current size, focus and sidebar setting.
    pub fn panes(&self) -> Panes {
        self.panes_for(self.focus)
    }

    fn panes_for(&self, focus: Focus) -> Panes {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let reading = self.reader.article.is_some();
        layout(
            area,
            &self.view.layout,
            self.sidebar_visible,
            focus,
            reading,
        )
    }

    pub fn can_focus(&self, focus: Focus) -> bool {
        focus != Focus::Entities || self.panes_for(Focus::Entities).sidebar.is_some()
    }

    pub fn focus_pane(&mut self, focus: Focus) {
        if self.can_focus(focus) {
            self.focus = focus;
        }
    }

    pub fn cycle_focus(&mut self, forward: bool) {
        let order = [Focus::List, Focus::Reader, Focus::Entities];
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        for step in 1..order.len() {
            let next = if forward {
                at + step
            } else {
                at + order.len() * 2 - step
            };
            let candidate = order[next % order.len()];
            if self.can_focus(candidate) {
                self.focus = candidate;
                return;
            }
        }
    }

    /// Recomputes pane sizes (rewrapping the reader) and fetches rows the list now shows.
    pub fn relayout(&mut self) -> Option<Effect> {
        let inner = |rect: Option<Rect>| {
            rect.map(|r| (r.width.saturating_sub(2), r.height.saturating_sub(2)))
        };
        if let Some((_, height)) = inner(self.panes_for(Focus::List).list) {
            self.list.height = u64::from(height.max(1));
            self.list.follow();
        }
        if let Some((width, height)) = inner(self.panes_for(Focus::Reader).reader) {
            self.reader
                .resize(usize::from(width.max(1)), usize::from(height.max(1)));
        }
        if let Some((_, height)) = inner(self.panes_for(Focus::Entities).sidebar) {
            let rows = sidebar_row_lines(height);
            self.sidebar.resize(usize::from(rows.max(1)));
        }
        self.fetch_if_needed(false)
    }

    /// Asks for rows when the list viewport is not loaded; `open` loads the selection after.
    pub fn fetch_if_needed(&self, open: bool) -> Option<Effect> {
        if self.list.viewport_loaded() {
            return open.then(|| self.load_selected()).flatten();
        }
        Some(Effect::Fetch {
            filters: self.filters.clone(),
            sort: self.sort,
            start: self.list.fetch_start(),
            len: self.list.window_len(),
            open,
        })
    }

    pub fn load_selected(&self) -> Option<Effect> {
        self.list.selected_id().map(Effect::Load)
    }

    pub fn move_focused(&mut self, movement: Move) -> Option<Effect> {
        match self.focus {
            Focus::List => {
                let height = i64::try_from(self.list.height.max(2)).unwrap_or(2);
                match movement {
                    Move::By(delta) => self.list.move_by(delta),
                    Move::Pages(halves) => self.list.move_by(halves * height / 2),
                    Move::First => self.list.select(0),
                    Move::Last => self.list.select(u64::MAX),
                }
                return self.fetch_if_needed(false);
            }
            Focus::Reader => {
                let height = isize::try_from(self.reader.height.max(2)).unwrap_or(2);
                match movement {
                    Move::By(delta) => self.reader.scroll_by(isize::try_from(delta).unwrap_or(0)),
                    Move::Pages(halves) => {
                        self.reader
                            .scroll_by(isize::try_from(halves).unwrap_or(0) * height / 2);
                    }
                    Move::First => self.reader.scroll_to(0),
                    Move::Last => self.reader.scroll_to(usize::MAX),
                }
            }
            Focus::Entities => {
                let page = isize::try_from(self.sidebar.height.max(2) / 2).unwrap_or(1);
                match movement {
                    Move::By(delta) => self.sidebar.move_by(isize::try_from(delta).unwrap_or(0)),
                    Move::Pages(halves) => {
                        self.sidebar
                            .move_by(isize::try_from(halves).unwrap_or(0) * page);
                    }
                    Move::First => self.sidebar.move_by(isize::MIN / 2),
                    Move::Last => self.sidebar.move_by(isize::MAX / 2),
                }
            }
        }
        None
    }

    pub fn open_focused(&mut self) -> Option<Effect> {
        match self.focus {
            Focus::List => {
                let load = self.load_selected();
                if load.is_some() {
                    self.focus = Focus::Reader;
                }
                load
            }
            Focus::Reader => None,
            Focus::Entities => {
                let row = self.sidebar.selected_row()?;
                let term = row.term.clone()?;
                if row.view {
                    return self.apply_view(&term);
                }
                if self.filters.contains(&term) {
                    return None;
                }
                let mut filters = self.filters.clone();
                filters.push(term);
                self.close_article();
                Some(self.reload_with(filters, self.sort))
            }
        }
    }

    pub fn open_neighbour(&mut self, delta: i64) -> Option<Effect> {
        self.list.move_by(delta);
        self.fetch_if_needed(true)
    }

    pub fn close_article(&mut self) {
        self.reader.close();
        self.sidebar.show_counts(&self.counts);
        self.focus = Focus::List;
    }

    pub fn show_article(
        &mut self,
        article: Article,
        entities: &[EntityCount],
        mentions: &[(usize, usize)],
    ) -> Option<Effect> {
        let id = article.id();
        self.reader.open_with_mentions(article, mentions);
        // Whatever opens first ends the restoring; the restored article gets its scroll back.
        if let Some((_, scroll)) = self
            .restoring_article
            .take()
            .filter(|(open, _)| *open == id)
        {
            self.reader.scroll_to(scroll);
            self.focus = Focus::Reader;
        }
        self.overlay_pending();
        let was_unread = self
            .reader
            .article
            .as_ref()
            .is_some_and(|a| !a.summary.read);
        self.show_map = false;
        // Names stand in for the offsets of an analysis that has none.
        self.reader.entities = if mentions.is_empty() {
            entity_names(entities)
        } else {
            Vec::new()
        };
        if let Some(open) = &mut self.reader.article {
            open.summary.read = true;
            self.sidebar.selected = 0;
            self.sidebar.scroll = 0;
            self.sidebar.show_article(open, entities);
        }
        if let Some(row) = self.list.row_mut_by_id(id) {
            row.read = true;
        }
        if was_unread {
            let (flag, previous) = (Flag::Read, false);
            self.remember(Undo::Flag { id, flag, previous });
        }
        was_unread.then_some(Effect::SetRead(id, true))
    }

    pub fn toggle_flag(&mut self, flag: Flag) -> Option<Effect> {
        let id = self.current_id()?;
        let current = match (&self.reader.article, self.list.row_mut_by_id(id)) {
            (Some(article), _) if article.id() == id => article.summary.clone(),
            (_, Some(row)) => row.clone(),
            _ => return None,
        };
        let previous = match flag {
            Flag::Read => current.read,
            Flag::Starred => current.starred,
        };
        self.remember(Undo::Flag { id, flag, previous });
        Some(self.set_flag(id, flag, !previous))
    }

    /// Sets `flag` of article `id` on screen (its row, the open article) and asks the store for
    /// it through the write queue.
    pub fn set_flag(&mut self, id: ArticleId, flag: Flag, value: bool) -> Effect {
        let write = FlagWrite { id, flag, value };
        for summary in self.summaries_of(id) {
            write.apply(summary, value);
        }
        write.effect()
    }

    /// The URL of the current article as `make(url)`, when it is http(s).
    pub fn url_effect(&mut self, make: fn(String) -> Effect) -> Option<Effect> {
        let url = match (&self.reader.article, self.focus) {
            (Some(article), Focus::Reader | Focus::Entities) => article.summary.url.clone(),
            _ => self.list.selected_row().and_then(|row| row.url.clone()),
        };
        match url {
            Some(url) if is_web_url(&url) => Some(make(url)),
            Some(_) => {
                self.status = Some(Status::error("only http(s) URLs are opened or copied"));
                None
            }
            None => {
                self.status = Some(Status::info("this article has no URL"));
                None
            }
        }
    }

    pub fn reload_with(&self, filters: Vec<crate::query::Query>, sort: Sort) -> Effect {
        Effect::Reload {
            filters,
            sort,
            keep: self.current_id(),
            len: self.list.window_len(),
        }
    }

    pub fn apply_reload(&mut self, reloaded: Reloaded) -> Option<Effect> {
        self.remember_filters(&reloaded.filters);
        self.filters = reloaded.filters;
        self.sort = reloaded.sort;
        // Until the count comes, the list ends with the rows it has.
        let loaded = reloaded.start + reloaded.rows.len() as u64;
        self.list.total = reloaded.total.unwrap_or(loaded);
        self.list.counting = reloaded.total.is_none();
        self.list.set_window(reloaded.start, reloaded.rows);
        self.list.select(reloaded.selected);
        if let Some(counts) = reloaded.counts {
            self.show_counts(counts);
        }
        self.reader.set_terms(self.query().search_terms());
        self.fetch_if_needed(false)
    }

    /// New counts for the list; the sidebar shows them unless an article is open.
    pub fn show_counts(&mut self, counts: Counts) {
        self.counts = counts;
        if self.reader.article.is_none() {
            self.sidebar.show_counts(&self.counts);
        }
    }

    /// Which pane is under a screen position.
    fn pane_at(&self, column: u16, row: u16) -> Option<(Focus, Rect)> {
        let panes = self.panes();
        let at = Position::new(column, row);
        [
            (Focus::List, panes.list),
            (Focus::Reader, panes.reader),
            (Focus::Entities, panes.sidebar),
        ]
        .into_iter()
        .find_map(|(focus, rect)| rect.filter(|r| r.contains(at)).map(|r| (focus, r)))
    }

    pub fn scroll_at(&mut self, column: u16, row: u16, down: bool) -> Option<Effect> {
        let lines = if down { WHEEL_LINES } else { -WHEEL_LINES };
        match self.pane_at(column, row)?.0 {
            Focus::List => {
                self.list.scroll_by(lines);
                self.fetch_if_needed(false)
            }
            Focus::Reader => {
                self.reader.scroll_by(isize::try_from(lines).unwrap_or(0));
                None
            }
            Focus::Entities => {
                self.sidebar.move_by(isize::try_from(lines).unwrap_or(0));
                None
            }
        }
    }

    pub fn click_at(&mut self, column: u16, row: u16) -> Option<Effect> {
        let (focus, rect) = self.pane_at(column, row)?;
        self.focus = focus;
        let line = row.checked_sub(rect.y + 1)?;
        if line + 2 > rect.height {
            return None;
        }
        match focus {
            Focus::List => {
                let index = self.list.offset + u64::from(line);
                if index < self.list.total {
                    self.list.select(index);
                }
                self.fetch_if_needed(false)
            }
            Focus::Entities => {
                // The sparkline sits above the rows.
                let inner = rect.height.saturating_sub(2);
                let above = inner - sidebar_row_lines(inner);
                let line = line.checked_sub(above)?;
                self.sidebar
                    .select_line(self.sidebar.scroll + usize::from(line));
                None
            }
            Focus::Reader => None,
        }
    }
}
