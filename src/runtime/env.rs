//! [`Env`]: the only place the running TUI does IO. It performs each [`Effect`] through a
//! [`Library`] (the store) and a [`System`] (browser, clipboard) and answers with an [`Action`].

use std::sync::mpsc::{self, Receiver};

use crate::app::sidebar::{Counts, EntityCount};
use crate::app::{Action, Effect, FlagWrite, Reloaded};
use crate::article::{Article, ArticleId, ArticleSummary};
use crate::keymap::Keymap;
use crate::query::Query;
use crate::store::{Result as StoreResult, Sort, StoreError};

mod history;

pub use super::counter::{CountJob, Counter};
pub use super::writer::{WriteJob, WriteQueue};

/// What the TUI needs from an article store, for parsed queries (the chips ANDed).
pub trait Library {
    /// Articles matching `query`.
    fn count(&self, query: &Query) -> StoreResult<u64>;
    /// [`Library::count`] when it is cheap enough for a frame; `None` when it needs a scan, which
    /// the list then leaves to the [`Counter`] thread.
    fn quick_count(&self, query: &Query) -> StoreResult<Option<u64>> {
        self.count(query).map(Some)
    }
    fn summaries(
        &self,
        query: &Query,
        sort: Sort,
        offset: u64,
        limit: u64,
    ) -> StoreResult<Vec<ArticleSummary>>;
    fn position_of(&self, query: &Query, sort: Sort, id: ArticleId) -> StoreResult<Option<u64>>;
    fn load(&self, id: ArticleId) -> StoreResult<Article>;
    /// The stored countries and entities of one article, most cited first; empty if unanalysed.
    fn article_entities(&self, id: ArticleId) -> StoreResult<Vec<EntityCount>>;
    /// Byte ranges of the entity mentions the analysis found in the article's analysed text
    /// (title, blank line, body), for the reader to highlight.
    fn article_mentions(&self, _id: ArticleId) -> StoreResult<Vec<(usize, usize)>> {
        Ok(Vec::new())
    }
    fn set_read(&mut self, id: ArticleId, read: bool) -> StoreResult<()>;
    fn set_starred(&mut self, id: ArticleId, starred: bool) -> StoreResult<()>;
    /// Marks every unread article matching `filters` read; returns the ids that changed.
    fn mark_read(&mut self, query: &Query) -> StoreResult<Vec<ArticleId>>;
    /// Sets the read flag of each of `ids` (undoing [`Library::mark_read`]).
    fn set_read_many(&mut self, ids: &[ArticleId], read: bool) -> StoreResult<()>;
    /// Changes when another process commits to the store.
    fn data_version(&self) -> StoreResult<i64>;
    /// How many articles were analysed by an older analyser than this kiosk's.
    fn stale_analysis(&self) -> StoreResult<u64> {
        Ok(0)
    }
    /// Sidebar counts for `query`, with the unread articles of each saved view (name, query).
    fn counts(&self, query: &Query, views: &[(String, Query)]) -> StoreResult<Counts>;
    /// Every country the archive's articles are about, with how many of those match `query`,
    /// most first (the country picker and `]`/`[`).
    fn country_list(&self, query: &Query) -> StoreResult<Vec<(String, u64)>>;
    fn ui_state(&self, key: &str) -> StoreResult<Option<String>>;
    /// Deletes the articles `ids` for good (see [`crate::store::Store::delete`]).
    fn delete(&mut self, _ids: &[ArticleId]) -> StoreResult<crate::store::Deleted> {
        Err(StoreError::Unavailable("deleting"))
    }
    /// Puts back what [`Library::delete`] took.
    fn restore(&mut self, _deleted: &crate::store::Deleted) -> StoreResult<()> {
        Err(StoreError::Unavailable("restoring"))
    }
    /// Adds (`true`) or removes tag `tag` of article `id`; `None` toggles. Returns whether it
    /// was added, or a sentence when nothing could change (a tag of the article's feed).
    fn set_tag(&mut self, _id: ArticleId, _tag: &str, _present: Option<bool>) -> StoreResult<bool> {
        Err(StoreError::Unavailable("tagging"))
    }
    fn set_ui_state(&mut self, key: &str, value: &str) -> StoreResult<()>;
    /// Up to `limit` names of entities of `kind` (any when `None`) with a name or alias
    /// starting with `typed` (case and accents aside), for the query line's completion.
    fn entity_names(
        &self,
        _kind: Option<crate::analyze::EntityKind>,
        _typed: &str,
        _limit: usize,
    ) -> StoreResult<Vec<String>> {
        Ok(Vec::new())
    }
}

/// The world outside the store: the browser and the clipboard.
pub trait System {
    fn open_url(&mut self, url: &str) -> Result<(), String>;
    /// The command of a text browser for `url`, which the runtime runs in the terminal in
    /// kiosk's place (see [`Env::take_foreground`]); `None` opens it with [`System::open_url`].
    fn terminal_command(&mut self, _url: &str) -> Option<Result<std::process::Command, String>> {
        None
    }
    fn copy(&mut self, text: &str) -> Result<(), String>;
}

/// Keys under which the UI state is persisted in the store.
const FILTERS_KEY: &str = "tui.filters";
const SELECTED_KEY: &str = "tui.selected";
const STARTED_KEY: &str = "tui.started";
const SORT_KEY: &str = "tui.sort";
/// The open article and the reader's scroll: `ID SCROLL`, empty when none was open.
const OPEN_KEY: &str = "tui.open";

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

    /// The filter and selection saved by the last run (chips as text), as the first action; a
    /// chip that no longer parses drops them all.
    pub fn restore(&self) -> Action {
        let filters = self
            .library
            .ui_state(FILTERS_KEY)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str::<Vec<String>>(&text).ok())
            .and_then(|chips| {
                let chips: Result<Vec<Query>, _> =
                    chips.iter().map(|chip| Query::parse(chip)).collect();
                chips.ok()
            })
            .unwrap_or_default();
        let saved = |key| self.library.ui_state(key).ok().flatten();
        let open = saved(OPEN_KEY).and_then(|text| {
            let (id, scroll) = text.split_once(' ')?;
            Some((id.parse().ok()?, scroll.parse().ok()?))
        });
        Action::Restored {
            filters,
            selected: saved(SELECTED_KEY).and_then(|id| id.parse().ok()),
            sort: saved(SORT_KEY).map_or_else(Sort::default, |text| Sort::from_saved(&text)),
            open,
        }
    }

    /// True the first time the TUI runs on this store (then remembered in the store).
    pub fn first_start(&mut self) -> bool {
        let started = self.library.ui_state(STARTED_KEY).ok().flatten().is_some();
        if !started {
            let _ = self.library.set_ui_state(STARTED_KEY, "1");
        }
        !started
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

    /// Counts the list, places the selection and loads the rows around it. The selected article
    /// stays selected when it is in the new list's first window, or when the filters only
    /// widened (a chip removed, a reload): narrowing a million-article list jumps to its top
    /// rather than search the new list for the old article, which would cost more than a frame.
    fn reload(
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
    fn count(&mut self, job: CountJob) -> Option<Action> {
        match &mut self.counter {
            Some(counter) => {
                counter.request(job);
                None
            }
            None => Some(job.run(self.library.as_ref())),
        }
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

    fn save(
        &mut self,
        filters: &[Query],
        selected: Option<ArticleId>,
        sort: Sort,
        open: Option<(ArticleId, usize)>,
    ) -> Result<Option<Action>, String> {
        let chips: Vec<String> = filters.iter().map(ToString::to_string).collect();
        let filters = serde_json::to_string(&chips).map_err(|e| e.to_string())?;
        let selected = selected.map(|id| id.to_string()).unwrap_or_default();
        let open = open
            .map(|(id, scroll)| format!("{id} {scroll}"))
            .unwrap_or_default();
        let saved = [
            (FILTERS_KEY, filters),
            (SELECTED_KEY, selected),
            (SORT_KEY, sort.to_saved()),
            (OPEN_KEY, open),
        ];
        let saved = saved.map(|(key, value)| {
            self.write(WriteJob::UiState {
                key: key.into(),
                value,
            })
        });
        Ok(saved.into_iter().flatten().next())
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
