//! Writes the screen already shows but the store has not confirmed: each read or star toggle
//! waits here until the runtime's writer answers, is laid over rows reloaded meanwhile (their
//! stored flags are older) and is undone, with a sentence, when the write finally fails.

use crate::article::{ArticleId, ArticleSummary};

use super::ops::Flag;
use super::{AppState, Effect, Status};

/// One flag of one article set to `value`, on its way to the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlagWrite {
    pub id: ArticleId,
    pub flag: Flag,
    pub value: bool,
}

impl FlagWrite {
    /// The write an effect asks for, if it is a flag write.
    pub fn of(effect: &Effect) -> Option<Self> {
        let (id, flag, value) = match *effect {
            Effect::SetRead(id, value) => (id, Flag::Read, value),
            Effect::SetStarred(id, value) => (id, Flag::Starred, value),
            _ => return None,
        };
        Some(Self { id, flag, value })
    }

    /// The effect that stores this write.
    pub fn effect(self) -> Effect {
        match self.flag {
            Flag::Read => Effect::SetRead(self.id, self.value),
            Flag::Starred => Effect::SetStarred(self.id, self.value),
        }
    }

    /// Sets this write's flag on `summary` (of the same article).
    pub(super) fn apply(self, summary: &mut ArticleSummary, value: bool) {
        match self.flag {
            Flag::Read => summary.read = value,
            Flag::Starred => summary.starred = value,
        }
    }

    /// What the user asked for, as the failure sentence names it.
    fn describe(self, title: &str) -> String {
        match (self.flag, self.value) {
            (Flag::Read, true) => format!("mark “{title}” read"),
            (Flag::Read, false) => format!("mark “{title}” unread"),
            (Flag::Starred, true) => format!("star “{title}”"),
            (Flag::Starred, false) => format!("unstar “{title}”"),
        }
    }
}

impl AppState {
    /// Remembers the write `effect` asks for until its answer comes.
    pub(super) fn track_write(&mut self, effect: Option<&Effect>) {
        if let Some(write) = effect.and_then(FlagWrite::of) {
            self.pending_writes.push(write);
        }
    }

    /// How many writes the store has not confirmed yet (shown on the status line).
    pub fn writes_pending(&self) -> usize {
        self.pending_writes.len()
    }

    /// The store has `write`.
    pub(super) fn written(&mut self, write: FlagWrite) {
        if let Some(at) = self.pending_writes.iter().position(|w| *w == write) {
            self.pending_writes.remove(at);
        }
    }

    /// The store refused `write` for good: the flag shows what the store holds again (unless a
    /// later toggle of it is still on its way) and the status line says what was lost.
    pub(super) fn write_failed(&mut self, write: FlagWrite, message: &str) {
        self.written(write);
        let superseded = self
            .pending_writes
            .iter()
            .any(|w| w.id == write.id && w.flag == write.flag);
        let mut title = format!("article {}", write.id);
        for summary in self.summaries_of(write.id) {
            title.clone_from(&summary.title);
            if !superseded {
                write.apply(summary, !write.value);
            }
        }
        let what = write.describe(&title);
        self.status = Some(Status::error(format!(
            "could not {what}: {message}; it shows as before"
        )));
    }

    /// Lays the unconfirmed writes over the loaded rows and the open article, which were read
    /// from the store and may predate them.
    pub(super) fn overlay_pending(&mut self) {
        let pending = self.pending_writes.clone();
        for write in pending {
            for summary in self.summaries_of(write.id) {
                write.apply(summary, write.value);
            }
        }
    }

    /// The loaded row and the open article of `id`, where they are.
    pub(super) fn summaries_of(
        &mut self,
        id: ArticleId,
    ) -> impl Iterator<Item = &mut ArticleSummary> {
        let row = self.list.row_mut_by_id(id);
        let open = self.reader.article.as_mut().filter(|a| a.id() == id);
        row.into_iter().chain(open.map(|a| &mut a.summary))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, update};

    fn row(id: ArticleId) -> ArticleSummary {
        ArticleSummary {
            id,
            title: format!("Story {id}"),
            ..ArticleSummary::default()
        }
    }

    fn state_with_rows() -> AppState {
        let mut state = AppState::default();
        state.list.total = 2;
        state.list.height = 10;
        state.list.set_window(0, vec![row(1), row(2)]);
        state
    }

    #[test]
    fn a_toggle_is_pending_until_written_and_survives_a_reload() {
        let mut state = state_with_rows();
        let effect = update(&mut state, Action::ToggleRead);
        assert_eq!(effect, Some(Effect::SetRead(1, true)));
        assert_eq!(state.writes_pending(), 1);
        // A reload from the store (which does not have the write yet) keeps the toggle shown.
        update(
            &mut state,
            Action::Window {
                start: 0,
                rows: vec![row(1), row(2)],
                open: false,
            },
        );
        assert!(state.list.rows[0].read);
        let write = FlagWrite::of(&Effect::SetRead(1, true)).expect("a flag write");
        update(&mut state, Action::Written(write));
        assert_eq!(state.writes_pending(), 0);
        assert!(state.list.rows[0].read);
    }

    #[test]
    fn a_failed_write_rolls_back_and_says_so() {
        let mut state = state_with_rows();
        update(&mut state, Action::ToggleStar);
        assert!(state.list.rows[0].starred);
        let write = FlagWrite::of(&Effect::SetStarred(1, true)).expect("a flag write");
        update(
            &mut state,
            Action::WriteFailed(write, "the store is read-only: writes are off".into()),
        );
        assert!(!state.list.rows[0].starred);
        assert_eq!(state.writes_pending(), 0);
        let status = state.status.expect("a sentence");
        assert!(status.is_error);
        assert_eq!(
            status.text,
            "could not star “Story 1”: the store is read-only: writes are off; it shows as before"
        );
    }

    #[test]
    fn a_failed_write_leaves_a_later_toggle_of_the_same_flag_shown() {
        let mut state = state_with_rows();
        update(&mut state, Action::ToggleRead);
        update(&mut state, Action::ToggleRead);
        assert_eq!(state.writes_pending(), 2);
        let first = FlagWrite::of(&Effect::SetRead(1, true)).expect("a flag write");
        update(&mut state, Action::WriteFailed(first, "disk full".into()));
        assert!(!state.list.rows[0].read, "the second toggle (unread) stays");
        assert_eq!(state.writes_pending(), 1);
    }
}
