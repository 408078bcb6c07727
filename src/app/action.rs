//! The vocabulary of the TUI: every [`Action`] `update` understands and every [`Effect`] it asks
//! the runtime to perform. Named actions are what `config.toml` binds keys to.

use std::fmt;
use std::str::FromStr;

use crate::article::{Article, ArticleId, ArticleSummary};
use crate::query::Query;

use super::ListSort;
use super::sidebar::{Counts, EntityCount};

/// Something that changes the app state: a key press, a click or the result of an [`Effect`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Back,
    Quit,
    Suspend,
    ToggleHelp,
    FocusNext,
    FocusPrev,
    FocusList,
    FocusReader,
    FocusEntities,
    ToggleSidebar,
    SelectNext,
    SelectPrev,
    SelectFirst,
    SelectLast,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Open,
    CloseArticle,
    OpenNext,
    OpenPrev,
    Search,
    NextHit,
    PrevHit,
    ClearFilter,
    ToggleRead,
    ToggleStar,
    ToggleUnreadOnly,
    OpenUrl,
    CopyUrl,
    /// Opens the link list of the open article (newsboat's `L`).
    ShowLinks,
    /// Opens link N (1-based) of the open article.
    OpenLink(u8),
    Reload,
    CycleSort,
    FetchFeeds,
    CountryPicker,
    NextCountry,
    PrevCountry,
    ClearFilters,
    ToggleMap,
    Command,
    MarkAllRead,
    NextUnread,
    PrevUnread,
    Undo,
    // housekeep (issue 17): delete and tags.
    DeleteArticle,
    TagArticle,
    // fulltext (issue 17): the open article's web page as its body.
    FetchFullText,
    // details (issue 17):
    ReverseSort,
    Noop,
    // Internal actions: produced by the runtime, never bound in the config.
    Resize(u16, u16),
    /// Scrolls the help overlay by this many lines.
    HelpScroll(i16),
    // details (issue 17): internal actions.
    /// Scrolls the help overlay a page down (`true`) or up.
    HelpPage(bool),
    PromptInput(char),
    // queryline: the query line's editing keys.
    /// A cursor move or a kill on the open prompt (or the picker's line).
    PromptEdit(super::line_edit::Edit),
    PromptBackspace,
    PromptClear,
    PromptSubmit,
    PromptCancel,
    /// The answer to an [`crate::app::Overlay::Confirm`] question: yes or no.
    Confirm(bool),
    /// The store marked these articles of `filters` read.
    MarkedRead {
        filters: Vec<Query>,
        ids: Vec<ArticleId>,
    },
    /// Selects row `index` of the list (the store found the next unread there); `open` opens it.
    Jump {
        index: u64,
        open: bool,
    },
    /// Moves the picker's selection by this many rows.
    PickerMove(i16),
    /// Marks or unmarks the picker's selected country (several combine with OR).
    PickerMark,
    /// Moves the link list's selection by this many rows.
    LinksMove(i16),
    /// Opens the link list's selected link.
    LinksOpen,
    ScrollAt {
        column: u16,
        row: u16,
        down: bool,
    },
    ClickAt {
        column: u16,
        row: u16,
    },
    /// The store changed under us (another process imported): reload, keeping the selection.
    Refresh,
    Reloaded(Box<Reloaded>),
    Window {
        start: u64,
        rows: Vec<ArticleSummary>,
        open: bool,
    },
    /// An opened article with its stored analysis (countries and entities, most cited first)
    /// and the byte ranges of its mentions in the analysed text (title, blank line, body).
    Loaded(Box<Article>, Vec<EntityCount>, Vec<(usize, usize)>),
    Restored {
        filters: Vec<Query>,
        selected: Option<ArticleId>,
        /// The order the list had (details, issue 17).
        sort: ListSort,
        /// The article that was open and the reader's scroll position.
        open: Option<(ArticleId, usize)>,
    },
    /// Sidebar counts for `filters`, computed off the UI thread (they can take a while).
    Counted {
        filters: Vec<Query>,
        counts: Counts,
    },
    /// The list's article count for `filters`, from the counter thread (see [`Reloaded::total`]).
    Totalled {
        filters: Vec<Query>,
        total: u64,
    },
    /// Every country of the archive with its articles under `base`, most first.
    CountriesCounted {
        base: Vec<Query>,
        countries: Vec<(String, u64)>,
    },
    /// The saved views after `:save`/`:delete`, with what to tell the user.
    ViewsChanged {
        views: Vec<(String, Query)>,
        message: String,
    },
    /// The store has this read or star toggle.
    Written(super::FlagWrite),
    /// The store refused this toggle for good, for the reason given: it is undone on screen.
    WriteFailed(super::FlagWrite, String),
    /// The store deleted these articles (kept for `U`).
    Deleted(crate::store::Deleted),
    /// Tag `tag` of article `id` was added (`true`) or removed; `undoing` when `U` asked.
    Tagged {
        id: ArticleId,
        tag: String,
        added: bool,
        undoing: bool,
    },
    /// The full text of article `id` was stored (the message says what) or not (the sentence
    /// says why).
    FullTextDone {
        id: ArticleId,
        result: Result<String, String>,
    },
    Info(String),
    Failed(String),
}

/// The outcome of [`Effect::Reload`]: everything the list and the sidebar show for one filter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reloaded {
    pub filters: Vec<Query>,
    pub sort: ListSort,
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
        sort: ListSort,
        keep: Option<ArticleId>,
        len: u64,
    },
    /// Fetch rows `start..start + len` of the current filter; `open` loads the selection after.
    Fetch {
        filters: Vec<Query>,
        sort: ListSort,
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
        sort: ListSort,
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
        sort: ListSort,
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
}

/// The help line of every `open_link_N` (the help shows them as one line).
const OPEN_LINK: &str = "open the link of that number (see the link list)";

/// Every action a key can be bound to, with its config name and its help text.
pub const NAMED: &[(&str, &str)] = &[
    (
        "back",
        "close the overlay or the article; on the list, quit",
    ),
    ("quit", "quit kiosk from anywhere"),
    ("suspend", "suspend to the shell (fg resumes)"),
    ("toggle_help", "show or hide this help"),
    ("focus_next", "focus the next pane"),
    ("focus_prev", "focus the previous pane"),
    ("focus_list", "focus the article list"),
    ("focus_reader", "focus the reader"),
    ("focus_entities", "focus the entity sidebar"),
    ("toggle_sidebar", "show or hide the entity sidebar"),
    ("select_next", "next row / scroll down"),
    ("select_prev", "previous row / scroll up"),
    ("select_first", "first row / top"),
    ("select_last", "last row / bottom"),
    ("page_down", "one page down"),
    ("page_up", "one page up"),
    ("half_page_down", "half a page down"),
    ("half_page_up", "half a page up"),
    ("open", "open the article / filter by the row"),
    ("close_article", "close the article, back to the list"),
    ("open_next", "open the next article"),
    ("open_prev", "open the previous article"),
    ("search", "type a query (filter language)"),
    ("next_hit", "next search hit in the reader"),
    ("prev_hit", "previous search hit in the reader"),
    ("clear_filter", "remove the last filter"),
    ("toggle_read", "mark read / unread"),
    ("toggle_star", "star / unstar"),
    ("toggle_unread_only", "show unread articles only"),
    ("open_url", "open the URL in the browser"),
    ("copy_url", "copy the URL (OSC 52)"),
    (
        "show_links",
        "list the article's links (Enter or 1-9 opens one)",
    ),
    ("open_link_1", OPEN_LINK),
    ("open_link_2", OPEN_LINK),
    ("open_link_3", OPEN_LINK),
    ("open_link_4", OPEN_LINK),
    ("open_link_5", OPEN_LINK),
    ("open_link_6", OPEN_LINK),
    ("open_link_7", OPEN_LINK),
    ("open_link_8", OPEN_LINK),
    ("open_link_9", OPEN_LINK),
    ("reload", "reload from the store"),
    ("cycle_sort", "sort by date, source, title"),
    ("fetch_feeds", "fetch subscribed feeds in the background"),
    (
        "country_picker",
        "pick countries to filter by (Tab marks several)",
    ),
    (
        "next_country",
        "filter by the next country (by article count)",
    ),
    ("prev_country", "filter by the previous country"),
    ("clear_filters", "remove every filter"),
    ("toggle_map", "show the world map in place of the reader"),
    (
        "command",
        "command line: save NAME, delete NAME, view NAME, tag NAME, clear",
    ),
    (
        "mark_all_read",
        "mark every article of the filter read (asks when many)",
    ),
    ("next_unread", "next unread article"),
    ("prev_unread", "previous unread article"),
    (
        "undo",
        "undo the last read, star, delete, tag or filter change (50 deep)",
    ),
    // housekeep (issue 17): delete and tags.
    (
        "delete_article",
        "delete the article (asks first; U brings it back)",
    ),
    (
        "tag_article",
        "tag the article, or untag it when it has the tag (:tag NAME)",
    ),
    // fulltext (issue 17)
    (
        "fetch_full_text",
        "download the article's web page as its text",
    ),
    // details (issue 17):
    (
        "reverse_sort",
        "reverse the list's order (kept for the next start)",
    ),
    ("noop", "nothing (unbinds a key)"),
];

impl Action {
    /// The config name of a bindable action; `None` for internal ones.
    pub fn name(&self) -> Option<&'static str> {
        let index = BINDABLE.iter().position(|action| action == self)?;
        Some(NAMED[index].0)
    }

    /// One line for the help overlay.
    pub fn description(&self) -> &'static str {
        BINDABLE
            .iter()
            .position(|action| action == self)
            .map_or("", |index| NAMED[index].1)
    }
}

/// The bindable actions, in the order of [`NAMED`].
const BINDABLE: &[Action] = &[
    Action::Back,
    Action::Quit,
    Action::Suspend,
    Action::ToggleHelp,
    Action::FocusNext,
    Action::FocusPrev,
    Action::FocusList,
    Action::FocusReader,
    Action::FocusEntities,
    Action::ToggleSidebar,
    Action::SelectNext,
    Action::SelectPrev,
    Action::SelectFirst,
    Action::SelectLast,
    Action::PageDown,
    Action::PageUp,
    Action::HalfPageDown,
    Action::HalfPageUp,
    Action::Open,
    Action::CloseArticle,
    Action::OpenNext,
    Action::OpenPrev,
    Action::Search,
    Action::NextHit,
    Action::PrevHit,
    Action::ClearFilter,
    Action::ToggleRead,
    Action::ToggleStar,
    Action::ToggleUnreadOnly,
    Action::OpenUrl,
    Action::CopyUrl,
    Action::ShowLinks,
    Action::OpenLink(1),
    Action::OpenLink(2),
    Action::OpenLink(3),
    Action::OpenLink(4),
    Action::OpenLink(5),
    Action::OpenLink(6),
    Action::OpenLink(7),
    Action::OpenLink(8),
    Action::OpenLink(9),
    Action::Reload,
    Action::CycleSort,
    Action::FetchFeeds,
    Action::CountryPicker,
    Action::NextCountry,
    Action::PrevCountry,
    Action::ClearFilters,
    Action::ToggleMap,
    Action::Command,
    Action::MarkAllRead,
    Action::NextUnread,
    Action::PrevUnread,
    Action::Undo,
    // housekeep (issue 17): delete and tags.
    Action::DeleteArticle,
    Action::TagArticle,
    // fulltext (issue 17)
    Action::FetchFullText,
    // details (issue 17):
    Action::ReverseSort,
    Action::Noop,
];

/// An action name that `config.toml` used but kiosk does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownAction(pub String);

impl fmt::Display for UnknownAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown action '{}'", self.0)
    }
}

impl std::error::Error for UnknownAction {}

impl FromStr for Action {
    type Err = UnknownAction;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        NAMED
            .iter()
            .position(|(known, _)| *known == name)
            .map(|index| BINDABLE[index].clone())
            .ok_or_else(|| UnknownAction(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_action_round_trips() {
        assert_eq!(NAMED.len(), BINDABLE.len());
        for (name, _) in NAMED {
            let action: Action = name.parse().expect("known name");
            assert_eq!(action.name(), Some(*name));
            assert!(!action.description().is_empty());
        }
    }

    #[test]
    fn unknown_and_internal_names_are_rejected() {
        assert_eq!(
            "fly".parse::<Action>().unwrap_err().to_string(),
            "unknown action 'fly'"
        );
        assert!("refresh".parse::<Action>().is_err());
        assert_eq!(Action::Refresh.name(), None);
    }
}
