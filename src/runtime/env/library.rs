//! What [`Env`] performs effects through: a [`Library`] (the article store) and a [`System`]
//! (browser, clipboard). Traits only; the real ones live beside the runtime.

use crate::app::sidebar::{Counts, EntityCount};
use crate::article::{Article, ArticleId, ArticleSummary};
use crate::query::Query;
use crate::store::{Result as StoreResult, Sort, StoreError};

#[cfg(doc)]
use super::{Counter, Env};

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
    /// Whether the store was opened read-only (its file or folder cannot be written): the TUI
    /// says so at start, and each write then answers with a sentence.
    fn writes_off(&self) -> bool {
        false
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
