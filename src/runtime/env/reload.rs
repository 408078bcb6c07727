//! Reloading the list for a change of filters or sort (count, place the selection, load the
//! rows around it) and running count jobs; the only place that sizes a list window.

use super::{Action, CountJob, Env};
use crate::app::Reloaded;
use crate::article::ArticleId;
use crate::query::Query;
use crate::store::{Result as StoreResult, Sort};

impl Env {
    /// Counts the list, places the selection and loads the rows around it. The selected article
    /// stays selected when it is in the new list's first window, or when the filters only
    /// widened (a chip removed, a reload): narrowing a million-article list jumps to its top
    /// rather than search the new list for the old article, which would cost more than a frame.
    pub(super) fn reload(
        &mut self,
        filters: Vec<Query>,
        sort: Sort,
        keep: Option<ArticleId>,
        len: u64,
    ) -> StoreResult<Option<Action>> {
        let query = &Query::all(&filters);
        // With a counter thread, a count that needs a scan comes later (`Action::Totalled`).
        let total = match self.counter {
            Some(_) => self.library.quick_count(query)?,
            None => Some(self.library.count(query)?),
        };
        let first = self.library.summaries(query, sort, 0, len)?;
        let first_len = first.len() as u64;
        let widened = self
            .shown
            .as_ref()
            .is_none_or(|shown| filters.iter().all(|filter| shown.contains(filter)));
        let position = match keep {
            Some(id) => match first.iter().position(|row| row.id == id) {
                Some(at) => Some(at as u64),
                None if widened => self.library.position_of(query, sort, id)?,
                None => None,
            },
            None => None,
        };
        let selected = position.unwrap_or(0);
        let mut start = selected.saturating_sub(len / 3);
        let rows = if selected < len - len / 3 {
            start = 0;
            first
        } else {
            self.library.summaries(query, sort, start, len)?
        };
        self.shown = Some(filters.clone());
        // A window cut short ends the list: that is the count, no scan needed.
        let total = total.or_else(|| {
            let end = start + rows.len() as u64;
            (first_len < len)
                .then_some(first_len)
                .or(((rows.len() as u64) < len).then_some(end))
        });
        let counts = match &mut self.counter {
            Some(counter) => {
                if total.is_none() {
                    counter.request(CountJob::Total(filters.clone()));
                }
                counter.request(CountJob::Sidebar {
                    filters: filters.clone(),
                    views: self.views.clone(),
                });
                None
            }
            None => Some(self.library.counts(query, &self.views)?),
        };
        self.last_version = self.library.data_version().ok();
        Ok(Some(Action::Reloaded(Box::new(Reloaded {
            filters,
            sort,
            total,
            selected,
            start,
            rows,
            counts,
        }))))
    }

    /// Runs `job` on the counter thread (its answer comes later) or, without one, right here.
    pub(super) fn count(&mut self, job: CountJob) -> Option<Action> {
        match &mut self.counter {
            Some(counter) => {
                counter.request(job);
                None
            }
            None => Some(job.run(self.library.as_ref())),
        }
    }
}
