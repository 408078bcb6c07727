//! The query and command lines' histories in the store's UI state: loaded at start (an
//! unreadable one starts anew, said once) and saved at each Enter that adds to one.

use super::{Action, Effect, Env, WriteJob};
use crate::app::history::LineKind;

/// The query and command lines' histories: JSON arrays of strings, oldest first.
const QUERY_HISTORY_KEY: &str = "tui.history.query";
const COMMAND_HISTORY_KEY: &str = "tui.history.command";

/// Where the history of lines of `kind` is kept.
fn history_key(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Query => QUERY_HISTORY_KEY,
        LineKind::Command => COMMAND_HISTORY_KEY,
    }
}

impl Env {
    /// The histories saved by the last runs, and a sentence for each that could not be read
    /// (it starts empty, and the next Enter replaces it).
    pub fn restore_history(&self) -> (Action, Vec<String>) {
        let mut problems = Vec::new();
        let mut load = |kind| {
            let key = history_key(kind);
            let text = match self.library.ui_state(key) {
                Ok(text) => text?,
                Err(error) => {
                    problems.push(format!("could not read the line history {key}: {error}"));
                    return None;
                }
            };
            serde_json::from_str::<Vec<String>>(&text)
                .map_err(|error| {
                    problems.push(format!(
                        "the line history {key} in the store is unreadable ({error}): it starts anew"
                    ));
                })
                .ok()
        };
        let query = load(LineKind::Query).unwrap_or_default();
        let command = load(LineKind::Command).unwrap_or_default();
        (Action::HistoryRestored { query, command }, problems)
    }

    /// Keeps a line history for the next start, then performs `then`; a failed save is said
    /// unless `then` has something to say.
    pub(super) fn save_history(
        &mut self,
        kind: LineKind,
        entries: &[String],
        then: Option<Effect>,
    ) -> Option<Action> {
        let saved = match serde_json::to_string(entries) {
            Ok(value) => self.write(WriteJob::UiState {
                key: history_key(kind).into(),
                value,
            }),
            Err(error) => Some(Action::Failed(format!(
                "the line history was not saved: {error}"
            ))),
        };
        then.and_then(|then| self.perform(then)).or(saved)
    }
}
