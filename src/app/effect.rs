//! What `update` asks of the world: every [`Effect`] the runtime performs, and [`Reloaded`], the
//! answer to the biggest of them.

use crate::article::{ArticleId, ArticleSummary};
use crate::query::Query;

use super::history::LineKind;
use super::sidebar::Counts;
use crate::store::Sort;

/// The outcome of [`Effect::Reload`]: everything the list and the sidebar show for one filter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reloaded {
    pub filters: Vec<Query>,
    pub sort: Sort,
    /// `None` while a background thread counts (a scan on a large archive): the list shows its
    /// rows at once and the count when [`Action::Totalled`] brings it.
    pub total: Option<u64>,
    pub selected: u64,
    pub start: u64,
    pub rows: Vec<ArticleSummary>,
    /// `None` when the counts come later, as [`Action::Counted`], from a background thread.
    pub counts: Option<Counts>,
}

/// A request for IO that `update` cannot do itself; performed by the runtime's `Env`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Count, locate `keep` and fetch a window of `len` rows for `filters`.
    Reload {
        filters: Vec<Query>,
        sort: Sort,
        keep: Option<ArticleId>,
        len: u64,
    },
    /// Fetch rows `start..start + len` of the current filter; `open` loads the selection after.
    Fetch {
        filters: Vec<Query>,
        sort: Sort,
        start: u64,
        len: u64,
        open: bool,
    },
    Load(ArticleId),
    SetRead(ArticleId, bool),
    SetStarred(ArticleId, bool),
    OpenUrl(String),
    Copy(String),
    /// Remember the filter and selection for the next start, then the app ends.
    Save {
        filters: Vec<Query>,
        selected: Option<ArticleId>,
        /// The list's order, and the open article with the reader's scroll (details, issue 17).
        sort: Sort,
        open: Option<(ArticleId, usize)>,
    },
    Suspend,
    /// Fetch every subscribed feed on a background thread; progress comes back as `Info`.
    FetchFeeds,
    /// Count articles per country under `base` (answered by `CountriesCounted`).
    CountCountries {
        base: Vec<Query>,
    },
    /// Mark every article matching `filters` read (answered by `MarkedRead`).
    MarkRead {
        filters: Vec<Query>,
    },
    /// Set the read flag of each of `ids` (undoing `MarkRead`), then reload.
    SetReadMany {
        ids: Vec<ArticleId>,
        read: bool,
    },
    /// Find the first unread row from `from` on (before it, when not `forward`).
    FindUnread {
        filters: Vec<Query>,
        sort: Sort,
        from: u64,
        forward: bool,
        open: bool,
    },
    /// Write `[views] name = "query"` to the config file.
    SaveView {
        name: String,
        query: Query,
    },
    DeleteView {
        name: String,
    },
    /// Delete these articles (answered by `Deleted`).
    Delete(Vec<ArticleId>),
    /// Put back what `Deleted` took (`U`), then reload `filters` with the first of them
    /// selected.
    Restore {
        deleted: crate::store::Deleted,
        filters: Vec<Query>,
        /// The list's order then, which the reload keeps.
        sort: Sort,
    },
    /// Add tag `tag` to article `id`, or remove it when the article has it (answered by
    /// `Tagged`); with `present`, set it to that instead of toggling (`U`).
    Tag {
        id: ArticleId,
        tag: String,
        present: Option<bool>,
    },
    /// Download the web page of article `id` off the UI thread (answered by `FullTextDone`).
    FetchFullText(ArticleId),
    /// Keep the history of one kind of line for the next start (oldest first), then perform
    /// `then`: what the Enter that added to it does.
    SaveHistory {
        kind: LineKind,
        entries: Vec<String>,
        then: Option<Box<Effect>>,
    },
    /// The names of entities of `kind` (any kind when `None`) starting with `typed`, for the
    /// completion of `line` (answered by `NamesFound`).
    EntityNames {
        kind: Option<crate::analyze::EntityKind>,
        typed: String,
        line: String,
        forward: bool,
    },
}
