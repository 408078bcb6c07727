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
    /// The list's article count, when no totals answer it within a frame.
    Total(Vec<String>),
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
            Self::Total(filters) => library
                .count(&filters)
                .map(|total| Action::Totalled { filters, total }),
        };
        result.unwrap_or_else(Action::Failed)
    }
}

/// Background threads answering count requests, newest request first; see
/// [`super::Env::counter`]. The picker's list and the list's count each have their own thread
/// and store handle, so neither waits behind a slow sidebar count over a big filtered list.
pub struct Counter {
    lanes: [Lane; 3],
    results: Receiver<(usize, Action)>,
}

/// One thread's inbox and whether an answer from it is due.
struct Lane {
    requests: Sender<CountJob>,
    waiting: bool,
}

impl CountJob {
    /// The thread that answers this kind of job.
    fn lane(&self) -> usize {
        match self {
            Self::Sidebar { .. } => 0,
            Self::Countries(_) => 1,
            Self::Total(_) => 2,
        }
    }
}

impl Counter {
    /// Starts the threads; `open` makes each its own store handle (a store is not `Sync`).
    pub fn spawn<L, F>(open: F) -> Self
    where
        L: Library,
        F: Fn() -> Result<L, String> + Clone + Send + 'static,
    {
        let (outbox, results) = mpsc::channel();
        let lanes = [0, 1, 2].map(|lane| {
            let (requests, inbox) = mpsc::channel::<CountJob>();
            let (open, outbox) = (open.clone(), outbox.clone());
            std::thread::spawn(move || {
                let library = open();
                while let Ok(mut job) = inbox.recv() {
                    // Only the latest request matters: skip those the user already typed past.
                    while let Ok(newer) = inbox.try_recv() {
                        job = newer;
                    }
                    let action = match &library {
                        Ok(library) => job.run(library),
                        Err(message) => Action::Failed(message.clone()),
                    };
                    if outbox.send((lane, action)).is_err() {
                        return;
                    }
                }
            });
            Lane {
                requests,
                waiting: false,
            }
        });
        Self { lanes, results }
    }

    pub(super) fn request(&mut self, job: CountJob) {
        let lane = &mut self.lanes[job.lane()];
        lane.waiting = lane.requests.send(job).is_ok();
    }

    /// Whether an answer is still to come (the loop then polls more often).
    pub fn is_waiting(&self) -> bool {
        self.lanes.iter().any(|lane| lane.waiting)
    }

    /// The answers that arrived, without blocking.
    pub fn try_recv(&mut self) -> Vec<Action> {
        self.results
            .try_iter()
            .map(|(lane, action)| {
                // Coalesced requests answer once, for the newest filter.
                self.lanes[lane].waiting = false;
                action
            })
            .collect()
    }
}
