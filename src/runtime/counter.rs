//! [`Counter`]: a background thread with its own store handle that answers the slow counts
//! (sidebar aggregates, the country picker's list) so the list never waits for them.

use std::sync::mpsc::{self, Receiver, Sender};

use crate::app::Action;

use super::env::Library;

/// A question for the [`Counter`] thread.
#[derive(Debug, Clone, PartialEq)]
pub enum CountJob {
    /// Sidebar counts for the filters, and the saved views' unread articles.
    Sidebar {
        filters: Vec<String>,
        views: Vec<(String, String)>,
    },
    /// The country picker's list for a base filter.
    Countries(Vec<String>),
}

impl CountJob {
    pub(super) fn run(self, library: &dyn Library) -> Action {
        let result = match self {
            Self::Sidebar { filters, views } => library
                .counts(&filters, &views)
                .map(|counts| Action::Counted { filters, counts }),
            Self::Countries(base) => library
                .country_list(&base)
                .map(|countries| Action::CountriesCounted { base, countries }),
        };
        result.unwrap_or_else(Action::Failed)
    }
}

/// A background thread answering count requests, newest request first; see [`Env::counter`].
pub struct Counter {
    requests: Sender<CountJob>,
    results: Receiver<Action>,
    waiting: bool,
}

impl Counter {
    /// Starts the thread; `open` makes its own store handle there (a store is not `Sync`).
    pub fn spawn<L, F>(open: F) -> Self
    where
        L: Library,
        F: FnOnce() -> Result<L, String> + Send + 'static,
    {
        let (requests, inbox) = mpsc::channel::<CountJob>();
        let (outbox, results) = mpsc::channel();
        std::thread::spawn(move || {
            let library = open();
            while let Ok(first) = inbox.recv() {
                // Only the latest request of each kind matters: skip those the user already
                // typed past. The picker's list goes first: someone is waiting for it.
                let (mut sidebar, mut countries) = (None, None);
                for job in std::iter::once(first).chain(inbox.try_iter()) {
                    match job {
                        CountJob::Sidebar { .. } => sidebar = Some(job),
                        CountJob::Countries(_) => countries = Some(job),
                    }
                }
                for job in [countries, sidebar].into_iter().flatten() {
                    let action = match &library {
                        Ok(library) => job.run(library),
                        Err(message) => Action::Failed(message.clone()),
                    };
                    if outbox.send(action).is_err() {
                        return;
                    }
                }
            }
        });
        Self {
            requests,
            results,
            waiting: false,
        }
    }

    pub(super) fn request(&mut self, job: CountJob) {
        self.waiting = self.requests.send(job).is_ok();
    }

    /// Whether an answer is still to come (the loop then polls more often).
    pub fn is_waiting(&self) -> bool {
        self.waiting
    }

    /// The answers that arrived, without blocking.
    pub fn try_recv(&mut self) -> Vec<Action> {
        let answers: Vec<Action> = self.results.try_iter().collect();
        if !answers.is_empty() {
            // Coalesced requests answer once, for the newest filter.
            self.waiting = false;
        }
        answers
    }
}
