//! `U`: takes back the last changes of read, starred and the filter, up to [`DEPTH`] of them;
//! a change already stored is rolled back in the store.

use crate::article::ArticleId;
use crate::query::Query;

use super::ops::Flag;
use super::text::thousands;
use super::{AppState, Effect, Status};

/// How many changes `U` can take back.
const DEPTH: usize = 50;

/// One change `U` can take back.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// Article `id`'s `flag` was `previous` (`r`, `s`, or opening an unread article).
    Flag {
        id: ArticleId,
        flag: Flag,
        previous: bool,
    },
    /// `A` marked these articles read.
    MarkedRead(Vec<ArticleId>),
    /// The filters before they changed.
    Filters(Vec<Query>),
    /// `D` deleted these articles: the store's copy of their rows.
    Deleted(crate::store::Deleted),
    /// Tag `tag` of article `id` was added (`true`) or removed.
    Tag {
        id: ArticleId,
        tag: String,
        added: bool,
    },
}

impl AppState {
    pub fn remember(&mut self, undo: Undo) {
        if self.undo.len() == DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(undo);
    }

    /// Remembers the filters about to be replaced by `next`, unless `U` asked for `next`.
    pub fn remember_filters(&mut self, next: &[Query]) {
        if self.restoring.take().is_some_and(|target| target == next) || self.filters == next {
            return;
        }
        self.remember(Undo::Filters(self.filters.clone()));
    }

    /// `U`: takes back the last change and says what it did.
    pub fn undo(&mut self) -> Option<Effect> {
        let Some(undo) = self.undo.pop() else {
            self.status = Some(Status::info("nothing to undo"));
            return None;
        };
        let (message, effect) = match undo {
            Undo::Flag { id, flag, previous } => {
                let what = match (flag, previous) {
                    (Flag::Read, true) => "read again",
                    (Flag::Read, false) => "unread again",
                    (Flag::Starred, true) => "starred again",
                    (Flag::Starred, false) => "not starred again",
                };
                (
                    format!("undone: article {what}"),
                    self.set_flag(id, flag, previous),
                )
            }
            Undo::MarkedRead(ids) => {
                for id in &ids {
                    if let Some(row) = self.list.row_mut_by_id(*id) {
                        row.read = false;
                    }
                }
                let count = thousands(ids.len() as u64);
                let message = format!("undone: {count} articles unread again");
                (message, Effect::SetReadMany { ids, read: false })
            }
            Undo::Deleted(deleted) => {
                let count = deleted.len();
                let what = if count == 1 {
                    "article".to_string()
                } else {
                    format!("{count} articles")
                };
                (
                    format!("undone: {what} back"),
                    Effect::Restore {
                        deleted,
                        filters: self.filters.clone(),
                        sort: self.sort,
                    },
                )
            }
            Undo::Tag { id, tag, added } => (
                format!(
                    "undone: tag {tag} {}",
                    if added { "removed" } else { "back" }
                ),
                Effect::Tag {
                    id,
                    tag,
                    present: Some(!added),
                },
            ),
            Undo::Filters(filters) => {
                let shown = if filters.is_empty() {
                    "no filter".to_string()
                } else {
                    let chips: Vec<String> = filters.iter().map(ToString::to_string).collect();
                    chips.join(" ")
                };
                self.restoring = Some(filters.clone());
                let effect = self.reload_with(filters, self.sort);
                (format!("undone: back to {shown}"), effect)
            }
        };
        self.status = Some(Status::info(message));
        Some(effect)
    }
}
