//! [`Env`]: the only place the running TUI does IO. It performs each [`Effect`] through a
//! [`Library`] (the store) and a [`System`] (browser, clipboard) and answers with an [`Action`].

use std::sync::mpsc::{self, Receiver};

use crate::app::{Action, Effect, FlagWrite};
use crate::article::ArticleId;
use crate::keymap::Keymap;
use crate::query::Query;
use crate::store::StoreError;

mod history;
mod library;
mod reload;
mod saved;

pub use library::{Library, System};

pub use super::counter::{CountJob, Counter};
pub use super::writer::{WriteJob, WriteQueue};

/// Performs effects; owns the store handle and the keymap.
pub struct Env {
    pub keymap: Keymap,
    pub library: Box<dyn Library>,
    pub system: Box<dyn System>,
    last_version: Option<i64>,
    /// The filters of the list last loaded (to tell narrowing from widening); `None` at start.
    shown: Option<Vec<Query>>,
    suspend_requested: bool,
    /// A text browser to run in the terminal, waiting for the run loop.
    foreground: Option<std::process::Command>,
    /// Computes sidebar counts on another thread; `None` computes them inline (tests).
    pub counter: Option<Counter>,
    /// Starts a feed fetch on another thread, returning where its progress arrives.
    pub feed_fetcher: Option<FeedFetcher>,
    /// Performs writes on another thread, so another process's lock never freezes a key;
    /// `None` writes inline through the library (tests).
    pub writes: Option<WriteQueue>,
    fetching: Option<Receiver<Action>>,
    /// Downloads an article's full text on another thread; `None` where it is not available.
    pub full_text: Option<FullTextFetcher>,
    /// Full-text downloads under way, each answering once.
    downloads: Vec<Receiver<Action>>,
    /// Saved views (name, query), kept for their unread counts.
    pub views: Vec<(String, Query)>,
    /// The config file `:save` writes views to; `None` when there is nowhere to write.
    pub config_file: Option<std::path::PathBuf>,
    /// Keys pressed after Enter in the picker while its counts were on their way: replayed once
    /// the choice is applied, so they act on the filtered list (see [`crate::runtime::step`]).
    pub typed_ahead: Vec<ratatui::crossterm::event::Event>,
}

/// Starts fetching the subscribed feeds in the background (see [`Env::poll_fetch`]).
pub type FeedFetcher = Box<dyn FnMut() -> Receiver<Action>>;

/// Starts downloading an article's full text in the background (see [`Env::poll_fetch`]).
pub type FullTextFetcher = Box<dyn FnMut(ArticleId) -> Receiver<Action>>;

impl Env {
    pub fn new(keymap: Keymap, library: Box<dyn Library>, system: Box<dyn System>) -> Self {
        let last_version = library.data_version().ok();
        Self {
            keymap,
            library,
            system,
            last_version,
            shown: None,
            suspend_requested: false,
            foreground: None,
            counter: None,
            feed_fetcher: None,
            writes: None,
            fetching: None,
            full_text: None,
            downloads: Vec::new(),
            views: Vec::new(),
            config_file: None,
            typed_ahead: Vec::new(),
        }
    }

    /// `Refresh` when another process changed the store since the last look.
    pub fn poll_changes(&mut self) -> Option<Action> {
        let version = self.library.data_version().ok()?;
        let changed = self.last_version.is_some_and(|last| last != version);
        self.last_version = Some(version);
        changed.then_some(Action::Refresh)
    }

    /// Progress of a running feed fetch (`Info`/`Failed` lines) and the answers of full-text
    /// downloads, without blocking.
    pub fn poll_fetch(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        self.downloads.retain(|download| match download.try_recv() {
            Ok(action) => {
                actions.push(action);
                false
            }
            Err(mpsc::TryRecvError::Empty) => true,
            Err(mpsc::TryRecvError::Disconnected) => false,
        });
        let Some(receiver) = &self.fetching else {
            return actions;
        };
        loop {
            match receiver.try_recv() {
                Ok(action) => actions.push(action),
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.fetching = None;
                    break;
                }
            }
        }
        actions
    }

    /// Whether a feed fetch is running (the loop then polls more often).
    pub fn is_fetching(&self) -> bool {
        self.fetching.is_some() || !self.downloads.is_empty()
    }

    fn fetch_feeds(&mut self) -> Option<Action> {
        if self.fetching.is_some() {
            return Some(Action::Info("feeds are already being fetched".into()));
        }
        let Some(start) = &mut self.feed_fetcher else {
            return Some(Action::Info("fetching feeds is not available here".into()));
        };
        self.fetching = Some(start());
        Some(Action::Info("fetching feeds…".into()))
    }

    /// Whether `Ctrl-Z` asked the runtime to suspend; clears the request.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.suspend_requested)
    }

    /// The text browser `o` or a link asked for, to run in the terminal; clears the request.
    pub fn take_foreground(&mut self) -> Option<std::process::Command> {
        self.foreground.take()
    }

    /// Does the IO of `effect` and reports back as an action.
    pub fn perform(&mut self, effect: Effect) -> Option<Action> {
        let result = match effect {
            Effect::Reload {
                filters,
                sort,
                keep,
                len,
            } => self.reload(filters, sort, keep, len).map_err(shown),
            Effect::Fetch {
                filters,
                sort,
                start,
                len,
                open,
            } => self
                .library
                .summaries(&Query::all(&filters), sort, start, len)
                .map(|rows| Some(Action::Window { start, rows, open }))
                .map_err(shown),
            Effect::Load(id) => self
                .library
                .load(id)
                .map(|article| {
                    // The analysis is extra: an article without one still opens.
                    let entities = self.library.article_entities(id).unwrap_or_default();
                    let mentions = self.library.article_mentions(id).unwrap_or_default();
                    Some(Action::Loaded(Box::new(article), entities, mentions))
                })
                .map_err(shown),
            Effect::SetRead(..) | Effect::SetStarred(..) => {
                Ok(FlagWrite::of(&effect).and_then(|write| self.write(WriteJob::Flag(write))))
            }
            Effect::MarkRead { filters } => self
                .library
                .mark_read(&Query::all(&filters))
                .map(|ids| Some(Action::MarkedRead { filters, ids }))
                .map_err(shown),
            Effect::SetReadMany { ids, read } => self
                .library
                .set_read_many(&ids, read)
                .map(|()| Some(Action::Refresh))
                .map_err(shown),
            Effect::FindUnread {
                filters,
                sort,
                from,
                forward,
                open,
            } => super::unread::find(self.library.as_ref(), &filters, sort, from, forward)
                .map(|found| {
                    Some(found.map_or_else(
                        || Action::Info(crate::app::no_unread(forward).into()),
                        |index| Action::Jump { index, open },
                    ))
                })
                .map_err(shown),
            Effect::OpenUrl(url) => match self.system.terminal_command(&url) {
                Some(Ok(command)) => {
                    self.foreground = Some(command);
                    Ok(None)
                }
                Some(Err(refused)) => Err(refused),
                None => self
                    .system
                    .open_url(&url)
                    .map(|()| Some(info("opened", &url))),
            },
            Effect::Copy(url) => self.system.copy(&url).map(|()| Some(info("copied", &url))),
            Effect::Save {
                filters,
                selected,
                sort,
                open,
            } => self.save(&filters, selected, sort, open),
            Effect::Suspend => {
                self.suspend_requested = true;
                Ok(None)
            }
            Effect::FetchFeeds => Ok(self.fetch_feeds()),
            Effect::CountCountries { base } => Ok(self.count(CountJob::Countries(base))),
            Effect::SaveView { name, query } => self.change_view(&name, Some(&query.to_string())),
            Effect::DeleteView { name } => self.change_view(&name, None),
            Effect::Delete(ids) => self
                .library
                .delete(&ids)
                .map(|d| Some(Action::Deleted(d)))
                .map_err(shown),
            Effect::Restore {
                deleted,
                filters,
                sort,
            } => self
                .library
                .restore(&deleted)
                .map(|()| {
                    Some(Action::Restored {
                        filters,
                        selected: deleted.ids().first().copied(),
                        sort,
                        open: None,
                    })
                })
                .map_err(shown),
            Effect::Tag { id, tag, present } => self
                .library
                .set_tag(id, &tag, present)
                .map(|added| {
                    Some(Action::Tagged {
                        id,
                        tag,
                        added,
                        undoing: present.is_some(),
                    })
                })
                .map_err(shown),
            Effect::SaveHistory {
                kind,
                entries,
                then,
            } => Ok(self.save_history(kind, &entries, then.map(|then| *then))),
            Effect::EntityNames {
                kind,
                typed,
                line,
                forward,
            } => self
                .library
                .entity_names(kind, &typed, crate::app::complete::MAX_CANDIDATES)
                .map(|names| {
                    Some(Action::NamesFound {
                        line,
                        forward,
                        names,
                    })
                })
                .map_err(shown),
            Effect::FetchFullText(id) => Ok(match &mut self.full_text {
                Some(start) => {
                    self.downloads.push(start(id));
                    None
                }
                None => Some(Action::Info(
                    "downloading full text is not available here".into(),
                )),
            }),
        };
        result.unwrap_or_else(|message| Some(Action::Failed(message)))
    }

    /// Saves (`query` given) or deletes the view `name` in the config file.
    fn change_view(&mut self, name: &str, query: Option<&str>) -> Result<Option<Action>, String> {
        let Some(path) = &self.config_file else {
            return Err("no config file to save views in (use --config PATH)".into());
        };
        self.views = crate::config::views::write_view(path, name, query)?;
        let message = match query {
            Some(query) => format!("saved view '{name}' = {query} in {}", path.display()),
            None => format!("deleted view '{name}' from {}", path.display()),
        };
        Ok(Some(Action::ViewsChanged {
            views: self.views.clone(),
            message,
        }))
    }

    /// Queues `job` for the writer thread or, without one, writes it here; answers as the
    /// writer would (see [`WriteQueue`]).
    fn write(&mut self, job: WriteJob) -> Option<Action> {
        if let Some(queue) = &mut self.writes {
            return queue.send(job);
        }
        let result = job.run(self.library.as_mut()).map_err(shown);
        super::writer::answer(job, result)
    }
}

/// A store error as the status line says it.
fn shown(error: StoreError) -> String {
    error.to_string()
}

fn info(verb: &str, url: &str) -> Action {
    Action::Info(format!("{verb} {url}"))
}
