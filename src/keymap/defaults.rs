//! The built-in key bindings, as config text: the defaults `config.example.toml` lists.

/// The sections of `[keys]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Global,
    List,
    Reader,
    Entities,
}

/// The built-in bindings of one section, as config text.
pub fn default_bindings(pane: Pane) -> &'static [(&'static str, &'static str)] {
    match pane {
        Pane::Global => &[
            ("q", "quit"),
            ("ctrl-c", "quit"),
            ("ctrl-z", "suspend"),
            ("?", "toggle_help"),
            ("tab", "focus_next"),
            ("shift-tab", "focus_prev"),
            ("1", "focus_list"),
            ("2", "focus_reader"),
            ("3", "focus_entities"),
            ("e", "toggle_sidebar"),
            ("/", "search"),
            ("esc", "clear_filter"),
            ("n", "next_hit"),
            ("N", "prev_hit"),
            ("J", "open_next"),
            ("K", "open_prev"),
            ("r", "toggle_read"),
            ("s", "toggle_star"),
            ("u", "toggle_unread_only"),
            ("o", "open_url"),
            ("y", "copy_url"),
            ("R", "reload"),
            ("S", "cycle_sort"),
            ("F", "fetch_feeds"),
            ("down", "select_next"),
            ("up", "select_prev"),
            ("home", "select_first"),
            ("end", "select_last"),
            ("pagedown", "page_down"),
            ("pageup", "page_up"),
        ],
        Pane::List => &[
            ("j", "select_next"),
            ("k", "select_prev"),
            ("g", "select_first"),
            ("G", "select_last"),
            ("ctrl-d", "half_page_down"),
            ("ctrl-u", "half_page_up"),
            ("enter", "open"),
            ("l", "open"),
            ("right", "open"),
        ],
        Pane::Reader => &[
            ("j", "select_next"),
            ("k", "select_prev"),
            ("g", "select_first"),
            ("G", "select_last"),
            ("space", "page_down"),
            ("b", "page_up"),
            ("ctrl-d", "half_page_down"),
            ("ctrl-u", "half_page_up"),
            ("h", "close_article"),
            ("left", "close_article"),
            ("backspace", "close_article"),
        ],
        Pane::Entities => &[
            ("j", "select_next"),
            ("k", "select_prev"),
            ("g", "select_first"),
            ("G", "select_last"),
            ("ctrl-d", "half_page_down"),
            ("ctrl-u", "half_page_up"),
            ("enter", "open"),
        ],
    }
}
