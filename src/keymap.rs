//! Keys by name (`"ctrl-c"`, `"G"`, `"pagedown"`), the default bindings and the [`Keymap`] that
//! turns a terminal event into an [`Action`]: overlay first, then the focused pane, then global.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

mod lines;

pub use crate::app::HelpSection;
use crate::app::{Action, AppState, Focus, Overlay};
use crate::config::KeysConfig;
pub use crate::config::keys::{Pane, default_bindings};
use lines::{links_action, picker_action, prompt_action};

/// A key with its modifiers, normalised so `G` and `shift-g` are the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn new(code: KeyCode) -> Self {
        Self {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// The key of a crossterm key event; shift is folded into the character or `BackTab`.
    pub fn from_event(event: &KeyEvent) -> Self {
        let code = match event.code {
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            code => code,
        };
        Self {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }
}

const NAMES: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

/// A key name kiosk cannot read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown key '{0}' (use names like \"j\", \"G\", \"ctrl-d\", \"enter\", \"pagedown\", \"f1\")"
)]
pub struct BadKey(pub String);

impl FromStr for Key {
    type Err = BadKey;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || BadKey(text.to_string());
        let mut key = Key::new(KeyCode::Null);
        let mut shift = false;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = ["ctrl-", "alt-", "shift-"]
                .into_iter()
                .find(|p| lower.starts_with(p));
            match prefix {
                Some(p) if rest.len() > p.len() && lower != "shift-tab" => {
                    match p {
                        "ctrl-" => key.ctrl = true,
                        "alt-" => key.alt = true,
                        _ => shift = true,
                    }
                    rest = &rest[p.len()..];
                }
                _ => break,
            }
        }
        let lower = rest.to_ascii_lowercase();
        key.code = if let Some((_, code)) = NAMES.iter().find(|(name, _)| *name == lower) {
            *code
        } else if lower == "backtab" {
            KeyCode::BackTab
        } else if let Some(number) = lower.strip_prefix('f').filter(|n| !n.is_empty()) {
            match number.parse::<u8>() {
                Ok(n @ 1..=12) => KeyCode::F(n),
                _ => return Err(bad()),
            }
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_control() => KeyCode::Char(c),
                _ => return Err(bad()),
            }
        };
        if shift {
            key.code = match key.code {
                KeyCode::Char(c) if c.is_alphabetic() => KeyCode::Char(c.to_ascii_uppercase()),
                KeyCode::Tab => KeyCode::BackTab,
                _ => return Err(bad()),
            };
        }
        // Control letters arrive lowercase from the terminal.
        if key.ctrl
            && let KeyCode::Char(c) = key.code
        {
            key.code = KeyCode::Char(c.to_ascii_lowercase());
        }
        Ok(key)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCode::Char(c) if c != ' ' => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => {
                let name = NAMES.iter().find(|(_, known)| *known == code);
                f.write_str(name.map_or("?", |(name, _)| name))
            }
        }
    }
}

impl Key {
    /// The crossterm press event for this key, as a terminal would send it.
    pub fn event(self) -> Event {
        let mut modifiers = KeyModifiers::NONE;
        if self.ctrl {
            modifiers |= KeyModifiers::CONTROL;
        }
        if self.alt {
            modifiers |= KeyModifiers::ALT;
        }
        if self.code == KeyCode::BackTab
            || matches!(self.code, KeyCode::Char(c) if c.is_uppercase())
        {
            modifiers |= KeyModifiers::SHIFT;
        }
        Event::Key(KeyEvent::new(self.code, modifiers))
    }
}

/// Keys typed as text, for tests and scripts: `"j j <enter> /niger<enter> G"`. Characters are
/// keys, `<name>` is a named key (`<ctrl-d>`, `<space>`), whitespace only separates.
pub fn parse_keys(spec: &str) -> Result<Vec<Key>, BadKey> {
    let mut keys = Vec::new();
    let mut rest = spec;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>').filter(|&end| end > 2)
        {
            // `rest` opens with the 1-byte '<' and `end` is where '>' is: both cuts are boundaries.
            keys.push(rest[1..end].parse()?);
            rest = &rest[end + 1..];
            continue;
        }
        if !c.is_whitespace() {
            keys.push(Key::new(KeyCode::Char(c)));
        }
        rest = &rest[c.len_utf8()..];
    }
    Ok(keys)
}

/// Key → action for each section, built from `[keys]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keymap {
    pub global: HashMap<Key, Action>,
    pub list: HashMap<Key, Action>,
    pub reader: HashMap<Key, Action>,
    pub entities: HashMap<Key, Action>,
}

impl Keymap {
    /// Checks every key and action name; the error names the section and entry at fault.
    pub fn new(config: &KeysConfig) -> Result<Self, String> {
        let section = |name: &str, entries: &BTreeMap<String, String>| {
            entries
                .iter()
                .map(|(key, action)| {
                    let at = |e: &dyn fmt::Display| format!("keys.{name}: \"{key}\": {e}");
                    let parsed_key = key.parse::<Key>().map_err(|e| at(&e))?;
                    let parsed = action.parse::<Action>().map_err(|e| at(&e))?;
                    Ok((parsed_key, parsed))
                })
                .collect::<Result<HashMap<Key, Action>, String>>()
        };
        Ok(Self {
            global: section("global", &config.global)?,
            list: section("list", &config.list)?,
            reader: section("reader", &config.reader)?,
            entities: section("entities", &config.entities)?,
        })
    }

    /// The action for `event` in `state`: overlay, then the focused pane, then global keys.
    pub fn action_for(&self, state: &AppState, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) if key.is_press() => self.key_action(state, Key::from_event(key)),
            Event::Mouse(mouse) => mouse_action(mouse),
            Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
            _ => None,
        }
    }

    fn key_action(&self, state: &AppState, key: Key) -> Option<Action> {
        match &state.overlay {
            Some(Overlay::Prompt(_)) => return prompt_action(key),
            Some(Overlay::Picker(_)) => return picker_action(key),
            Some(Overlay::Confirm { .. }) => {
                let yes = matches!(key.code, KeyCode::Char('y') | KeyCode::Enter);
                return Some(Action::Confirm(yes));
            }
            Some(Overlay::Links { .. }) => return Some(links_action(key)),
            Some(Overlay::Help { .. }) => {
                return Some(match key.code {
                    KeyCode::Esc | KeyCode::Char('q' | '?') => Action::ToggleHelp,
                    KeyCode::Char('j') | KeyCode::Down => Action::HelpScroll(1),
                    KeyCode::Char('k') | KeyCode::Up => Action::HelpScroll(-1),
                    KeyCode::Char(' ') | KeyCode::PageDown => Action::HelpPage(true),
                    KeyCode::Char('b') | KeyCode::PageUp => Action::HelpPage(false),
                    KeyCode::Char('G') | KeyCode::End => Action::HelpScroll(i16::MAX),
                    KeyCode::Char('g') | KeyCode::Home => Action::HelpScroll(i16::MIN),
                    // `Q` (or what quits in the config) quits from here too.
                    _ if self.global.get(&key) == Some(&Action::Quit) => Action::Quit,
                    _ => Action::Noop,
                });
            }
            None => {}
        }
        let pane = match state.focus {
            Focus::List => &self.list,
            Focus::Reader => &self.reader,
            Focus::Entities => &self.entities,
        };
        pane.get(&key).or_else(|| self.global.get(&key)).cloned()
    }

    /// The help overlay's text: each section's bindings grouped by action.
    pub fn help(&self) -> Vec<HelpSection> {
        let sections = [
            ("Everywhere", &self.global),
            ("Article list", &self.list),
            ("Reader", &self.reader),
            ("Entity sidebar", &self.entities),
        ];
        sections
            .into_iter()
            .map(|(title, keys)| {
                let lines = Action::bindable()
                    .iter()
                    .filter(|(action, _, _)| *action != Action::Noop)
                    .filter_map(|(action, _, description)| {
                        let mut names: Vec<String> = keys
                            .iter()
                            .filter(|(_, bound)| *bound == action)
                            .map(|(key, _)| key.to_string())
                            .collect();
                        names.sort_by_key(|name| (name.chars().count(), name.clone()));
                        (!names.is_empty()).then(|| (names.join(" "), (*description).to_string()))
                    })
                    .fold(Vec::new(), fold_same_description);
                HelpSection {
                    title: title.to_string(),
                    lines,
                }
            })
            .chain(std::iter::once(lines::line_help()))
            .collect()
    }
}

/// The status line's hints of each pane: (actions shown together, what the hint says). Actions
/// the user left unbound drop out.
const HINTS: [&[(&[&str], &str)]; 3] = [
    &[
        (&["select_next", "select_prev"], "move"),
        (&["open"], "read"),
        (&["next_unread"], "unread"),
        (&["search"], "search"),
        (&["clear_filter"], "unfilter"),
        (&["toggle_help"], "help"),
        (&["back"], "back"),
        (&["quit"], "quit"),
    ],
    &[
        (&["select_next", "select_prev"], "scroll"),
        (&["page_down"], "page"),
        (&["next_hit", "prev_hit"], "hit"),
        (&["open_next"], "next"),
        (&["show_links"], "links"),
        (&["toggle_help"], "help"),
        (&["back"], "back"),
        (&["quit"], "quit"),
    ],
    &[
        (&["select_next", "select_prev"], "move"),
        (&["open"], "filter"),
        (&["focus_next"], "pane"),
        (&["toggle_help"], "help"),
        (&["back"], "back"),
        (&["quit"], "quit"),
    ],
];

impl Keymap {
    /// The status line's hints for each pane with the keys bound now (pane keys before global).
    pub fn hints(&self) -> crate::app::Hints {
        let pane_hints = |pane: &HashMap<Key, Action>, hints: &[(&[&str], &str)]| {
            let key_of = |name: &str| {
                let mut keys: Vec<String> = [pane, &self.global].into_iter().find_map(|keys| {
                    let found: Vec<String> = keys
                        .iter()
                        // A pane's own binding of the key hides the global one.
                        .filter(|(key, action)| {
                            action.name() == Some(name)
                                && (std::ptr::eq(keys, pane) || !pane.contains_key(key))
                        })
                        .map(|(key, _)| hint_key(*key))
                        .collect();
                    (!found.is_empty()).then_some(found)
                })?;
                // Enter reads as "Enter read" where `l` would puzzle; else the shortest key.
                keys.sort_by_key(|key| (key != "Enter", key.chars().count(), key.clone()));
                keys.into_iter().next()
            };
            hints
                .iter()
                .filter_map(|(actions, label)| {
                    let keys: Vec<String> = actions.iter().filter_map(|a| key_of(a)).collect();
                    (!keys.is_empty()).then(|| format!("{} {label}", keys.join("/")))
                })
                .collect::<Vec<_>>()
                .join(" · ")
        };
        crate::app::Hints {
            list: pane_hints(&self.list, HINTS[0]),
            reader: pane_hints(&self.reader, HINTS[1]),
            entities: pane_hints(&self.entities, HINTS[2]),
        }
    }
}

/// A key as a hint shows it: named keys capitalised (`Enter`, `Esc`), characters as they are.
fn hint_key(key: Key) -> String {
    let text = key.to_string();
    match key.code {
        KeyCode::Char(_) => text,
        _ => {
            let mut chars = text.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().collect::<String>() + chars.as_str()
            })
        }
    }
}

/// Consecutive actions with one description (`open_link_1`..`9`) make one help line.
fn fold_same_description(
    mut lines: Vec<(String, String)>,
    (keys, description): (String, String),
) -> Vec<(String, String)> {
    match lines.last_mut() {
        Some((last_keys, last)) if *last == description => {
            last_keys.push(' ');
            last_keys.push_str(&keys);
        }
        _ => lines.push((keys, description)),
    }
    lines
}

fn mouse_action(mouse: &MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::ScrollAt {
            column,
            row,
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Action::ScrollAt {
            column,
            row,
            down: false,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt { column, row }),
        _ => None,
    }
}

#[cfg(test)]
#[path = "keymap/tests.rs"]
mod tests;
