//! The keys of the overlays that take text or a choice: the query and command lines
//! (readline's editing keys, history and completion), the country picker and the link list,
//! and the help section of the lines' keys. Fixed keys, not from the config: these are the
//! keys every readline hand knows.

use ratatui::crossterm::event::KeyCode;

use super::{HelpSection, Key};
use crate::app::Action;
use crate::app::line_edit::Edit;

/// The query and command lines' keys as help shows them: (keys, what they do). A test checks
/// that each key does something on the line.
const LINE_KEYS: &[(&[&str], &str)] = &[
    (
        &["enter"],
        "take the line: filter the list, or run the command",
    ),
    (&["esc", "ctrl-g"], "close the line"),
    (&["left", "right", "ctrl-b", "ctrl-f"], "move the cursor"),
    (&["alt-b", "alt-f", "alt-left", "alt-right"], "move by word"),
    (
        &["home", "end", "ctrl-a", "ctrl-e"],
        "to the start or the end",
    ),
    (
        &["backspace", "delete", "ctrl-h", "ctrl-d"],
        "delete a character",
    ),
    (&["ctrl-w"], "delete the word before the cursor"),
    (&["ctrl-u", "ctrl-k"], "delete to the start, to the end"),
    (
        &["up", "down", "ctrl-p", "ctrl-n"],
        "older or newer lines from the history (kept across runs); with text typed, only \
         those starting with it",
    ),
    (
        &["tab", "shift-tab"],
        "complete a key, country, is: value, person/org/place/entity name, view or command; \
         again for the next or previous",
    ),
];

/// The help section of the query and command lines.
pub(super) fn line_help() -> HelpSection {
    HelpSection {
        title: "Query and command lines (/ and :)".into(),
        lines: LINE_KEYS
            .iter()
            .map(|(keys, what)| (keys.join(" "), (*what).to_string()))
            .collect(),
    }
}

/// The query and command lines: readline's editing keys (see [`Edit`]).
pub(super) fn prompt_action(key: Key) -> Option<Action> {
    let edit = |edit| Action::PromptEdit(edit);
    Some(match (key.code, key.ctrl, key.alt) {
        (KeyCode::Enter, ..) => Action::PromptSubmit,
        (KeyCode::Esc, ..) | (KeyCode::Char('c' | 'g'), true, _) => Action::PromptCancel,
        (KeyCode::Backspace, ..) | (KeyCode::Char('h'), true, _) => edit(Edit::Backspace),
        (KeyCode::Delete, ..) | (KeyCode::Char('d'), true, _) => edit(Edit::Delete),
        (KeyCode::Left, _, false) | (KeyCode::Char('b'), true, _) => edit(Edit::Left),
        (KeyCode::Right, _, false) | (KeyCode::Char('f'), true, _) => edit(Edit::Right),
        (KeyCode::Home, ..) | (KeyCode::Char('a'), true, _) => edit(Edit::Start),
        (KeyCode::End, ..) | (KeyCode::Char('e'), true, _) => edit(Edit::End),
        (KeyCode::Left, _, true) | (KeyCode::Char('b'), _, true) => edit(Edit::WordLeft),
        (KeyCode::Right, _, true) | (KeyCode::Char('f'), _, true) => edit(Edit::WordRight),
        (KeyCode::Char('w'), true, _) => edit(Edit::KillWordBack),
        (KeyCode::Char('u'), true, _) => edit(Edit::KillToStart),
        (KeyCode::Char('k'), true, _) => edit(Edit::KillToEnd),
        (KeyCode::Up, ..) | (KeyCode::Char('p'), true, _) => Action::PromptHistory(true),
        (KeyCode::Down, ..) | (KeyCode::Char('n'), true, _) => Action::PromptHistory(false),
        (KeyCode::Tab, ..) => Action::PromptComplete(true),
        (KeyCode::BackTab, ..) => Action::PromptComplete(false),
        (KeyCode::Char(c), false, false) => Action::PromptInput(c),
        _ => Action::Noop,
    })
}

/// The picker: typing narrows (Space is text: `south africa`), arrows (or Ctrl-n/p) move,
/// Tab or Ctrl-Space marks several, Enter applies.
pub(super) fn picker_action(key: Key) -> Option<Action> {
    Some(match key.code {
        KeyCode::Down => Action::PickerMove(1),
        KeyCode::Up => Action::PickerMove(-1),
        KeyCode::Char('n' | 'j') if key.ctrl => Action::PickerMove(1),
        KeyCode::Char('p' | 'k') if key.ctrl => Action::PickerMove(-1),
        KeyCode::PageDown => Action::PickerMove(10),
        KeyCode::PageUp => Action::PickerMove(-10),
        KeyCode::Tab => Action::PickerMark,
        KeyCode::Char(' ') if key.ctrl => Action::PickerMark,
        _ => return prompt_action(key),
    })
}

/// The link list: j/k or arrows move, Enter or a digit opens, q, Esc or L closes.
pub(super) fn links_action(key: Key) -> Action {
    match key.code {
        KeyCode::Char('j') | KeyCode::Down | KeyCode::Tab => Action::LinksMove(1),
        KeyCode::Char('k') | KeyCode::Up | KeyCode::BackTab => Action::LinksMove(-1),
        KeyCode::Char('G') | KeyCode::End => Action::LinksMove(i16::MAX),
        KeyCode::Char('g') | KeyCode::Home => Action::LinksMove(i16::MIN),
        KeyCode::Enter => Action::LinksOpen,
        KeyCode::Char(c @ '1'..='9') => Action::OpenLink(c as u8 - b'0'),
        KeyCode::Char('q' | 'L') | KeyCode::Esc => Action::PromptCancel,
        _ => Action::Noop,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_the_help_lists_does_something_on_the_line() {
        for (keys, what) in LINE_KEYS {
            for name in *keys {
                let key: Key = name.parse().expect("a key name");
                let action = prompt_action(key);
                assert!(
                    action.is_some_and(|action| action != Action::Noop),
                    "{name} ({what})"
                );
            }
        }
    }
}
