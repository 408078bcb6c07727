//! The TUI's input vocabulary: every [`Action`] `update` understands, and the one table of the
//! bindable ones (config name, help line) that `config.toml`, the keymap and the help read.

use std::fmt;
use std::str::FromStr;

use crate::article::{Article, ArticleId, ArticleSummary};
use crate::query::Query;

use super::Reloaded;
use super::sidebar::{Counts, EntityCount};
use crate::store::Sort;

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
    // qline (issue 17): history and completion on the query and command lines.
    /// Up (`true`, older) or Down through the line's history.
    PromptHistory(bool),
    /// Tab (`true`) or Shift-Tab: complete the word before the cursor, or cycle the candidates.
    PromptComplete(bool),
    /// The store's entity names for a completion of `line` (the text before the cursor then).
    NamesFound {
        line: String,
        forward: bool,
        names: Vec<String>,
    },
    /// The query and command lines' histories saved by earlier runs, oldest first.
    HistoryRestored {
        query: Vec<String>,
        command: Vec<String>,
    },
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
        sort: Sort,
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

/// The help line of every `open_link_N` (the help shows them as one line).
const OPEN_LINK: &str = "open the link of that number (see the link list)";

/// Every action a key can be bound to, with its config name and its help line, in help order:
/// the one place an action gets a name, so adding one is one line here.
const BINDABLE: &[(Action, &str, &str)] = &[
    (
        Action::Back,
        "back",
        "close the overlay or the article; on the list, quit",
    ),
    (Action::Quit, "quit", "quit kiosk from anywhere"),
    (
        Action::Suspend,
        "suspend",
        "suspend to the shell (fg resumes)",
    ),
    (Action::ToggleHelp, "toggle_help", "show or hide this help"),
    (Action::FocusNext, "focus_next", "focus the next pane"),
    (Action::FocusPrev, "focus_prev", "focus the previous pane"),
    (Action::FocusList, "focus_list", "focus the article list"),
    (Action::FocusReader, "focus_reader", "focus the reader"),
    (
        Action::FocusEntities,
        "focus_entities",
        "focus the entity sidebar",
    ),
    (
        Action::ToggleSidebar,
        "toggle_sidebar",
        "show or hide the entity sidebar",
    ),
    (Action::SelectNext, "select_next", "next row / scroll down"),
    (
        Action::SelectPrev,
        "select_prev",
        "previous row / scroll up",
    ),
    (Action::SelectFirst, "select_first", "first row / top"),
    (Action::SelectLast, "select_last", "last row / bottom"),
    (Action::PageDown, "page_down", "one page down"),
    (Action::PageUp, "page_up", "one page up"),
    (Action::HalfPageDown, "half_page_down", "half a page down"),
    (Action::HalfPageUp, "half_page_up", "half a page up"),
    (Action::Open, "open", "open the article / filter by the row"),
    (
        Action::CloseArticle,
        "close_article",
        "close the article, back to the list",
    ),
    (Action::OpenNext, "open_next", "open the next article"),
    (Action::OpenPrev, "open_prev", "open the previous article"),
    (Action::Search, "search", "type a query (filter language)"),
    (Action::NextHit, "next_hit", "next search hit in the reader"),
    (
        Action::PrevHit,
        "prev_hit",
        "previous search hit in the reader",
    ),
    (
        Action::ClearFilter,
        "clear_filter",
        "remove the last filter",
    ),
    (Action::ToggleRead, "toggle_read", "mark read / unread"),
    (Action::ToggleStar, "toggle_star", "star / unstar"),
    (
        Action::ToggleUnreadOnly,
        "toggle_unread_only",
        "show unread articles only",
    ),
    (Action::OpenUrl, "open_url", "open the URL in the browser"),
    (Action::CopyUrl, "copy_url", "copy the URL (OSC 52)"),
    (
        Action::ShowLinks,
        "show_links",
        "list the article's links (Enter or 1-9 opens one)",
    ),
    (Action::OpenLink(1), "open_link_1", OPEN_LINK),
    (Action::OpenLink(2), "open_link_2", OPEN_LINK),
    (Action::OpenLink(3), "open_link_3", OPEN_LINK),
    (Action::OpenLink(4), "open_link_4", OPEN_LINK),
    (Action::OpenLink(5), "open_link_5", OPEN_LINK),
    (Action::OpenLink(6), "open_link_6", OPEN_LINK),
    (Action::OpenLink(7), "open_link_7", OPEN_LINK),
    (Action::OpenLink(8), "open_link_8", OPEN_LINK),
    (Action::OpenLink(9), "open_link_9", OPEN_LINK),
    (Action::Reload, "reload", "reload from the store"),
    (
        Action::CycleSort,
        "cycle_sort",
        "sort by date, source, title",
    ),
    (
        Action::FetchFeeds,
        "fetch_feeds",
        "fetch subscribed feeds in the background",
    ),
    (
        Action::CountryPicker,
        "country_picker",
        "pick countries to filter by (Tab marks several)",
    ),
    (
        Action::NextCountry,
        "next_country",
        "filter by the next country (by article count)",
    ),
    (
        Action::PrevCountry,
        "prev_country",
        "filter by the previous country",
    ),
    (Action::ClearFilters, "clear_filters", "remove every filter"),
    (
        Action::ToggleMap,
        "toggle_map",
        "show the world map in place of the reader",
    ),
    (
        Action::Command,
        "command",
        "command line: save NAME, delete NAME, view NAME, tag NAME, clear",
    ),
    (
        Action::MarkAllRead,
        "mark_all_read",
        "mark every article of the filter read (asks when many)",
    ),
    (Action::NextUnread, "next_unread", "next unread article"),
    (Action::PrevUnread, "prev_unread", "previous unread article"),
    (
        Action::Undo,
        "undo",
        "undo the last read, star, delete, tag or filter change (50 deep)",
    ),
    // housekeep (issue 17): delete and tags.
    (
        Action::DeleteArticle,
        "delete_article",
        "delete the article (asks first; U brings it back)",
    ),
    (
        Action::TagArticle,
        "tag_article",
        "tag the article, or untag it when it has the tag (:tag NAME)",
    ),
    // fulltext (issue 17)
    (
        Action::FetchFullText,
        "fetch_full_text",
        "download the article's web page as its text",
    ),
    // details (issue 17):
    (
        Action::ReverseSort,
        "reverse_sort",
        "reverse the list's order (kept for the next start)",
    ),
    (Action::Noop, "noop", "nothing (unbinds a key)"),
];

impl Action {
    /// The bindable actions as (action, config name, help line), in help order.
    pub fn bindable() -> &'static [(Action, &'static str, &'static str)] {
        BINDABLE
    }

    fn entry(&self) -> Option<&'static (Action, &'static str, &'static str)> {
        BINDABLE.iter().find(|(action, _, _)| action == self)
    }

    /// The config name of a bindable action; `None` for internal ones.
    pub fn name(&self) -> Option<&'static str> {
        self.entry().map(|(_, name, _)| *name)
    }

    /// One line for the help overlay.
    pub fn description(&self) -> &'static str {
        self.entry().map_or("", |(_, _, help)| *help)
    }
}

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
        BINDABLE
            .iter()
            .find(|(_, known, _)| *known == name)
            .map(|(action, _, _)| action.clone())
            .ok_or_else(|| UnknownAction(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_action_round_trips() {
        for (_, name, _) in Action::bindable() {
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
