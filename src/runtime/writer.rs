//! [`WriteQueue`]: a background thread with its own store handle that performs the TUI's writes
//! (read and star toggles, the list saved at quit) in order, so a key never waits for another
//! process's write lock; the screen shows a toggle at once and the answer confirms or undoes it.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::app::{Action, Flag, FlagWrite};
use crate::store::{Store, StoreError};

use super::env::Library;

/// A write for the [`WriteQueue`] thread.
#[derive(Debug, Clone, PartialEq)]
pub enum WriteJob {
    /// A read or star toggle; answered by [`Action::Written`] or [`Action::WriteFailed`].
    Flag(FlagWrite),
    /// A value saved for the next start; only a failure is answered.
    UiState { key: String, value: String },
}

/// The writer thread's inbox and answers; see [`super::Env::writes`].
pub struct WriteQueue {
    /// `None` once [`WriteQueue::finish`] closed it.
    jobs: Option<Sender<WriteJob>>,
    answers: Receiver<Option<Action>>,
    /// Jobs sent and not yet answered.
    queued: usize,
    thread: Option<JoinHandle<()>>,
}

impl WriteJob {
    /// Writes this job through `library`. A lock held by another process is waited out (and
    /// retried every few milliseconds) by the store for about five minutes before it fails.
    pub(super) fn run(&self, library: &mut dyn Library) -> crate::store::Result<()> {
        match self {
            Self::Flag(FlagWrite {
                id,
                flag: Flag::Read,
                value,
            }) => library.set_read(*id, *value),
            Self::Flag(FlagWrite {
                id,
                flag: Flag::Starred,
                value,
            }) => library.set_starred(*id, *value),
            Self::UiState { key, value } => library.set_ui_state(key, value),
        }
    }
}

impl WriteQueue {
    /// The queue over the store at `path`, opened by the thread (opening can wait for a lock).
    pub fn over_store(path: &Path) -> Self {
        let path = path.to_path_buf();
        Self::spawn(move || Store::open(&path))
    }

    /// Starts the thread; `open` makes its store handle.
    pub fn spawn(open: impl FnOnce() -> Result<Store, StoreError> + Send + 'static) -> Self {
        let (jobs, inbox) = mpsc::channel::<WriteJob>();
        let (outbox, answers) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let mut store = open().map_err(|error| error.to_string());
            for job in inbox {
                let result = match &mut store {
                    Ok(store) => job.run(store).map_err(|error| error.to_string()),
                    Err(error) => Err(error.clone()),
                };
                let answer = answer(job, result);
                if outbox.send(answer).is_err() {
                    return;
                }
            }
        });
        Self {
            jobs: Some(jobs),
            answers,
            queued: 0,
            thread: Some(thread),
        }
    }

    /// Hands `job` to the thread; answers at once only when the thread is gone.
    pub fn send(&mut self, job: WriteJob) -> Option<Action> {
        let sent = self.jobs.as_ref().map(|jobs| jobs.send(job.clone()));
        match sent {
            Some(Ok(())) => {
                self.queued += 1;
                None
            }
            _ => answer(job, Err("the writer has stopped".into())),
        }
    }

    /// Whether a write is still on its way (the loop then polls more often).
    pub fn is_waiting(&self) -> bool {
        self.queued > 0
    }

    /// The answers that arrived, without blocking.
    pub fn try_recv(&mut self) -> Vec<Action> {
        let answers: Vec<_> = self.answers.try_iter().collect();
        self.queued -= answers.len();
        answers.into_iter().flatten().collect()
    }

    /// Waits for the next answer of a queued write; `None` when none is queued.
    pub fn recv(&mut self) -> Option<Option<Action>> {
        if self.queued == 0 {
            return None;
        }
        let answer = self.answers.recv().ok()?;
        self.queued -= 1;
        Some(answer)
    }

    /// The answers that arrive within `patience`, stopping early once none is due.
    pub fn recv_within(&mut self, patience: Duration) -> Vec<Action> {
        let deadline = Instant::now() + patience;
        let mut answers = Vec::new();
        while self.queued > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            let Ok(answer) = self.answers.recv_timeout(left) else {
                break;
            };
            self.queued -= 1;
            answers.extend(answer);
        }
        answers
    }

    /// Closes the queue and waits until every queued write is done; returns what they answered.
    pub fn finish(mut self) -> Vec<Action> {
        self.jobs = None;
        let mut answers = Vec::new();
        while let Some(answer) = self.recv() {
            answers.extend(answer);
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        answers
    }
}

/// What the UI is told of `job`'s outcome.
pub(super) fn answer(job: WriteJob, result: Result<(), String>) -> Option<Action> {
    match (job, result) {
        (WriteJob::Flag(write), Ok(())) => Some(Action::Written(write)),
        (WriteJob::Flag(write), Err(message)) => Some(Action::WriteFailed(write, message)),
        (WriteJob::UiState { .. }, Ok(())) => None,
        (WriteJob::UiState { key, .. }, Err(message)) => Some(Action::Failed(format!(
            "could not save {key} for the next start: {message}"
        ))),
    }
}
