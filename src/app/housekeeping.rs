//! Reading housekeeping: `q` going back, `e` and `m` on narrow screens, next/previous unread and
//! marking a whole filter read (with a one-key confirmation when it is more than a screenful).

use super::layout::{SIDEBAR_MIN_WIDTH, SPLIT_MIN_WIDTH};

use crate::article::ArticleId;
use crate::query::Query;

use super::undo::Undo;
use super::{Action, AppState, Effect, Focus, Overlay, Pending, Status, update};

impl AppState {
    /// `q`: closes the overlay, else the article (back to the list); on the list, quits.
    pub fn back(&mut self) -> Option<Effect> {
        if self.overlay.take().is_some() {
            return None;
        }
        if self.focus == Focus::List {
            return update(self, Action::Quit);
        }
        if self.one_main_pane() {
            self.show_map = false;
        }
        self.close_article();
        None
    }

    /// `m`: the map in place of the reader; where one pane takes the width, the map takes it.
    pub fn toggle_map(&mut self) {
        self.show_map = !self.show_map;
        if self.one_main_pane() {
            self.focus = if self.show_map {
                Focus::Reader
            } else {
                Focus::List
            };
        }
    }

    /// Whether the list and the reader share one pane at this width.
    fn one_main_pane(&self) -> bool {
        self.size.0 < SPLIT_MIN_WIDTH
    }

    /// `e`: hides or shows the sidebar beside the panes; below [`SIDEBAR_MIN_WIDTH`] columns,
    /// where it cannot sit beside them, shows it in their place and back. Says what it did.
    pub fn toggle_sidebar(&mut self) -> Option<Effect> {
        let message = if self.size.0 < SIDEBAR_MIN_WIDTH {
            if self.focus == Focus::Entities {
                self.focus = if self.reader.article.is_some() {
                    Focus::Reader
                } else {
                    Focus::List
                };
                "sidebar closed (e opens it again)"
            } else {
                self.focus = Focus::Entities;
                "sidebar and saved views in place of the list: Enter filters, e closes"
            }
        } else {
            self.sidebar_visible = !self.sidebar_visible;
            if !self.can_focus(self.focus) {
                self.focus = Focus::List;
            }
            if self.sidebar_visible {
                "sidebar shown (e hides it)"
            } else {
                "sidebar hidden (e shows it)"
            }
        };
        self.status = Some(Status::info(message));
        self.relayout()
    }

    /// `A`: marks every article of the current filter read; asks first (`y`) when they are
    /// more than the list shows at once, or not counted yet.
    pub fn mark_all_read(&mut self) -> Option<Effect> {
        let total = self.list.total;
        if total == 0 && !self.list.counting {
            self.status = Some(Status::info("no articles to mark read"));
            return None;
        }
        if self.list.counting || total > self.list.height {
            let count = if self.list.counting {
                "all the".to_string()
            } else {
                format!("all {}", super::text::thousands(total))
            };
            let question = format!(
                "Mark {count} articles of this list read? y marks them, any other key cancels"
            );
            self.overlay = Some(Overlay::Confirm {
                question,
                pending: Pending::MarkAllRead,
            });
            return None;
        }
        Some(Effect::MarkRead {
            filters: self.filters.clone(),
        })
    }

    /// The answer to a [`Overlay::Confirm`] question.
    pub fn confirm(&mut self, yes: bool) -> Option<Effect> {
        let Some(Overlay::Confirm { pending, .. }) = self.overlay.take() else {
            return None;
        };
        if !yes {
            self.status = Some(Status::info("cancelled: nothing changed"));
            return None;
        }
        match pending {
            Pending::MarkAllRead => Some(Effect::MarkRead {
                filters: self.filters.clone(),
            }),
            Pending::Delete(id) => Some(Effect::Delete(vec![id])),
        }
    }

    /// The store marked `ids` of `filters` read: say so, show it, and remember it for `U`.
    pub fn marked_read(&mut self, filters: Vec<Query>, ids: Vec<ArticleId>) -> Option<Effect> {
        let count = ids.len() as u64;
        if !ids.is_empty() {
            self.remember(Undo::MarkedRead(ids));
        }
        let plural = if count == 1 { "" } else { "s" };
        self.status = Some(Status::info(format!(
            "{} article{plural} marked read",
            super::text::thousands(count)
        )));
        if let Some(article) = &mut self.reader.article {
            article.summary.read = true;
        }
        (filters == self.filters).then(|| self.reload_with(filters, self.sort))
    }

    /// `n`/`N`: selects the next (previous) unread article, from the loaded rows when one is
    /// there, else by asking the store to look further. In the reader it opens it.
    pub fn step_unread(&mut self, forward: bool) -> Option<Effect> {
        let open = self.focus == Focus::Reader;
        let selected = self.list.selected;
        let loaded = self.list.start..self.list.start + self.list.rows.len() as u64;
        let unread = |index: &u64| self.list.row(*index).is_some_and(|row| !row.read);
        let found = if forward {
            (selected + 1..loaded.end).find(unread)
        } else {
            (loaded.start..selected).rev().find(unread)
        };
        if let Some(index) = found {
            return self.jump(index, open);
        }
        let searched_all = if forward {
            loaded.end >= self.list.total
        } else {
            loaded.start == 0
        };
        if searched_all {
            self.status = Some(Status::info(no_unread(forward)));
            return None;
        }
        Some(Effect::FindUnread {
            filters: self.filters.clone(),
            sort: self.sort,
            from: if forward { loaded.end } else { loaded.start },
            forward,
            open,
        })
    }

    /// Selects row `index` (opening it when `open`), loading rows as needed.
    pub fn jump(&mut self, index: u64, open: bool) -> Option<Effect> {
        self.list.select(index);
        self.fetch_if_needed(open)
    }
}

/// What `n`/`N` say when no unread article is left that way.
pub fn no_unread(forward: bool) -> &'static str {
    if forward {
        "no unread article below"
    } else {
        "no unread article above"
    }
}
