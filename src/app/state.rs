//! [`AppState`] and the small types it is made of (focus, overlays, status line, view
//! settings), with the few queries on it; changing it is [`update`]'s job.

use super::list::ArticleListState;
use super::reader::ReaderState;
use super::sidebar::{Counts, EntitySidebarState};
use super::{Effect, FlagWrite, history, picker, prompt, text, undo};
use crate::article::ArticleId;
use crate::config::LayoutConfig;
use crate::query::Query;
use crate::store::Sort;
use crate::theme::Theme;

#[cfg(doc)]
use super::update;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    List,
    Reader,
    Entities,
}

/// A layer above the panes that sees keys first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    /// The query line opened by `/`, or the command line opened by `:`.
    Prompt(prompt::Prompt),
    /// The country picker opened by `c`.
    Picker(picker::PickerState),
    /// The open article's links, numbered, opened by `L`: the selected row.
    Links {
        selected: usize,
    },
    /// A question on the status line answered by one key: `y` does `pending`, others cancel.
    Confirm {
        question: String,
        pending: Pending,
    },
}

/// A change waiting for its [`Overlay::Confirm`] answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    MarkAllRead,
    /// `D`: delete this article.
    Delete(ArticleId),
}

/// The one-line message of the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

impl Status {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text::clean_line(&text.into()),
            is_error: false,
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text::clean_line(&text.into()),
            is_error: true,
        }
    }
}

/// One block of the help overlay: a section title and `(keys, description)` lines (built by
/// the keymap from the live bindings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    pub title: String,
    pub lines: Vec<(String, String)>,
}

/// Settings fixed at start-up: theme, pane sizes and the help text built from the live keymap.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewSettings {
    pub theme: Theme,
    pub layout: LayoutConfig,
    pub help: Vec<HelpSection>,
    /// The list shows dates of this year without it (`None`: every date with its year).
    pub this_year: Option<i32>,
    /// The status line's key hints for each pane, from the live keymap.
    pub hints: Hints,
}

/// The status line's key hints of each pane (`j/k move · Enter read · …`), built once from the
/// keymap so they show the user's own keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    pub list: String,
    pub reader: String,
    pub entities: String,
}

impl Hints {
    /// The hints of the pane with the keyboard.
    pub fn of(&self, focus: Focus) -> &str {
        match focus {
            Focus::List => &self.list,
            Focus::Reader => &self.reader,
            Focus::Entities => &self.entities,
        }
    }
}

/// Everything the screen shows; changed only by [`update`].
#[derive(Debug, Default, Clone, PartialEq)]
pub struct AppState {
    pub focus: Focus,
    pub list: ArticleListState,
    pub reader: ReaderState,
    pub sidebar: EntitySidebarState,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    pub view: ViewSettings,
    /// Last terminal size (columns, rows).
    pub size: (u16, u16),
    /// Active filters ("chips"), parsed; ANDed into one query.
    pub filters: Vec<Query>,
    pub sort: Sort,
    pub sidebar_visible: bool,
    pub counts: Counts,
    /// Saved views (`[views]` in the config): name and query, by name.
    pub views: Vec<(String, Query)>,
    /// The world map shows in place of the reader.
    pub show_map: bool,
    /// `]`/`[` pressed: step the country once the country counts arrive (forward?).
    pub pending_step: Option<bool>,
    /// Read and star toggles shown but not yet confirmed by the store, oldest first.
    pub pending_writes: Vec<FlagWrite>,
    pub should_quit: bool,
    /// What `U` takes back, the last change last.
    pub undo: Vec<undo::Undo>,
    /// The filters `U` asked to go back to: their reload is not itself remembered.
    pub restoring: Option<Vec<Query>>,
    /// The article open when the last run ended and its scroll position, until it opens again.
    pub restoring_article: Option<(ArticleId, usize)>,
    /// What was entered on the query and command lines, kept across runs.
    pub history: history::Histories,
}

impl AppState {
    /// A state for `view`; the list fills once the runtime answers the first reload.
    pub fn new(view: ViewSettings) -> Self {
        let sidebar_visible = view.layout.show_sidebar;
        Self {
            view,
            sidebar_visible,
            ..Self::default()
        }
    }

    /// `Q`, `q` on the list or `:q`: the app ends, remembering the filter, the order, the
    /// selection and the open article for the next start.
    pub fn quit(&mut self) -> Option<Effect> {
        self.should_quit = true;
        let open = self.reader.article.as_ref();
        Some(Effect::Save {
            filters: self.filters.clone(),
            selected: self.list.selected_id(),
            sort: self.sort,
            open: open.map(|article| (article.id(), self.reader.scroll)),
        })
    }

    /// The article the user is looking at: the open one, else the selected row.
    pub fn current_id(&self) -> Option<ArticleId> {
        match (&self.reader.article, self.focus) {
            (Some(article), Focus::Reader | Focus::Entities) => Some(article.id()),
            _ => self.list.selected_id(),
        }
    }

    /// The chips as text, as the status line shows them.
    pub fn chips(&self) -> Vec<String> {
        self.filters.iter().map(ToString::to_string).collect()
    }

    /// The filters ANDed into one query.
    pub fn query(&self) -> Query {
        Query::all(&self.filters)
    }
}
