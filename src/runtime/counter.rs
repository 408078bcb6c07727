//! [`Counter`]: a background thread with its own store handle that answers the slow counts
//! (sidebar aggregates, the country picker's list) so the list never waits for them.

use std::sync::mpsc::{self, Receiver, Sender};

use crate::app::Action;
use crate::query::Query;
use crate::store::Store;

use super::env::Library;

/// A question for the [`Counter`] thread.
#[derive(Debug, Clone, PartialEq)]
pub enum CountJob {
    /// Sidebar counts for the filters (chips, ANDed), and the saved views' unread articles.
    Sidebar {
        filters: Vec<Query>,
        views: Vec<(String, Query)>,
    },
    /// The country picker's list for a base filter.
    Countries(Vec<Query>),
    /// The list's article count, when no totals answer it within a frame.
    Total(Vec<Query>),
    /// At start-up: how many articles an older analyser analysed (a walk of the archive, kept
    /// off the first screen), answered as the status notice, if any.
    StaleAnalysis,
}

impl CountJob {
    pub(super) fn run(self, library: &dyn Library) -> Action {
        let result = match self {
            Self::Sidebar { filters, views } => library
                .counts(&Query::all(&filters), &views)
                .map(|counts| Action::Counted { filters, counts }),
            Self::Countries(base) => library
                .country_list(&Query::all(&base))
                .map(|countries| Action::CountriesCounted { base, countries }),
            Self::Total(filters) => library
                .count(&Query::all(&filters))
                .map(|total| Action::Totalled { filters, total }),
            Self::StaleAnalysis => library.stale_analysis().map(|stale| {
                super::stale_analysis_notice(stale).map_or(Action::Noop, Action::Info)
            }),
        };
        result.unwrap_or_else(|error| Action::Failed(error.to_string()))
    }
}

/// Background threads answering count requests, newest request first; see
/// [`super::Env::counter`]. The picker's list and the list's count each have their own thread
/// and store handle, so neither waits behind a slow sidebar count over a big filtered list.
pub struct Counter {
    lanes: [Lane; 4],
    results: Receiver<(usize, Action)>,
    /// Requests not yet handed to their threads, at most one per lane (see [`Counter::release`]).
    queued: Vec<CountJob>,
    /// Work to start with the first release, once the first screen is drawn.
    warm: Option<Box<dyn FnOnce() + Send>>,
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
            Self::StaleAnalysis => 3,
        }
    }
}

impl Counter {
    /// Starts the threads; `open` makes each its own store handle (a store is not `Sync`).
    pub fn spawn<L, F>(open: F) -> Self
    where
        L: Library,
        F: Fn() -> crate::store::Result<L> + Clone + Send + 'static,
    {
        let (outbox, results) = mpsc::channel();
        let lanes = [0, 1, 2, 3].map(|lane| {
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
                        Err(error) => Action::Failed(error.to_string()),
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
        Self {
            lanes,
            results,
            queued: Vec::new(),
            warm: None,
        }
    }

    /// The counter over the store at `path`: its threads count countries from an in-memory
    /// copy of the store's countries, which one more thread reads (0.2–0.3 s for a million
    /// articles) as soon as the first screen is drawn, so the first picker does not wait for it
    /// and the first screen does not share the cores with it.
    pub fn over_store(path: &std::path::Path) -> Self {
        let warm = path.to_path_buf();
        let path = path.to_path_buf();
        let mut counter = Self::spawn(move || {
            let store = Store::open(&path)?;
            store.count_countries_in_memory();
            Ok(store)
        });
        counter.warm = Some(Box::new(move || {
            std::thread::spawn(move || {
                // A store that cannot be read here fails in the counting threads, which say why.
                let _ = Store::open(&warm).and_then(|store| store.load_country_copy());
            });
        }));
        counter
    }

    /// Queues `job` (replacing an older one for its thread) until [`Counter::release`].
    pub(super) fn request(&mut self, job: CountJob) {
        self.queued.retain(|queued| queued.lane() != job.lane());
        self.queued.push(job);
    }

    /// Hands the queued jobs to their threads. The loop calls it once the key's frame is drawn:
    /// started earlier, the threads would take the cores that frame is drawn on.
    pub fn release(&mut self) {
        if let Some(warm) = self.warm.take() {
            warm();
        }
        for job in std::mem::take(&mut self.queued) {
            let lane = &mut self.lanes[job.lane()];
            lane.waiting = lane.requests.send(job).is_ok();
        }
    }

    /// Whether an answer is still to come (the loop then polls more often).
    pub fn is_waiting(&self) -> bool {
        !self.queued.is_empty() || self.lanes.iter().any(|lane| lane.waiting)
    }

    /// The answers that arrived, without blocking; releases any queued job first.
    pub fn try_recv(&mut self) -> Vec<Action> {
        self.release();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The answers of `counter` until none is due.
    fn answers(counter: &mut Counter) -> Vec<Action> {
        let mut all = Vec::new();
        while counter.is_waiting() {
            all.extend(counter.try_recv());
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        all
    }

    #[test]
    fn requests_wait_for_release_and_only_the_newest_per_thread_runs() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("kiosk.db");
        drop(Store::open(&path).expect("create store"));
        let mut counter = Counter::spawn(move || Store::open(&path));
        assert!(!counter.is_waiting());
        let lang = |code: &str| vec![Query::of(crate::query::Filter::Lang(code.into()))];
        counter.request(CountJob::Total(lang("fr")));
        counter.request(CountJob::Total(lang("en")));
        counter.request(CountJob::Countries(Vec::new()));
        assert!(counter.is_waiting(), "queued jobs are due answers");
        assert_eq!(counter.queued.len(), 2);
        counter.release();
        assert!(counter.queued.is_empty());
        let answers = answers(&mut counter);
        assert_eq!(answers.len(), 2, "{answers:?}");
        assert!(answers.contains(&Action::Totalled {
            filters: lang("en"),
            total: 0
        }));
    }
}
