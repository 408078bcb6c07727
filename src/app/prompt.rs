//! The open query or command line ([`Prompt`]): its text, its history walk (Up/Down) and the
//! completion Tab cycles. Pure like `update`: the store's entity names arrive as an action, and
//! a history to keep goes out as [`Effect::SaveHistory`].

use super::complete::{self, Completion, Slot, Target};
use super::history::{Landing, LineKind, Walk};
use super::line_edit::LineEdit;
use super::{AppState, Effect, Overlay, Status};

/// What `:` understands, as completion offers it (the first word of each of `run_command`'s
/// arms but the one-letter synonyms).
pub const COMMAND_NAMES: &[&str] = &[
    "clear", "delete", "help", "q", "quit", "save", "tag", "unsave", "view",
];

/// A line being typed at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub input: LineEdit,
    pub kind: LineKind,
    /// The text it opened with when that was not typed (the chips `/` starts from): Up from it
    /// walks the whole history, not the entries starting with it.
    opened_with: String,
    pub walk: Option<Walk>,
    /// Candidates Tab is cycling, shown in a strip above the line.
    pub completion: Option<Completion>,
}

impl Prompt {
    /// The query line, holding `chips` (the current filter) to edit or extend.
    pub fn query(chips: String) -> Self {
        Self {
            input: LineEdit::new(chips.clone()),
            kind: LineKind::Query,
            opened_with: chips,
            walk: None,
            completion: None,
        }
    }

    /// The command line, with `text` typed (`t` types `tag `).
    pub fn command(text: &str) -> Self {
        Self {
            input: text.into(),
            kind: LineKind::Command,
            opened_with: String::new(),
            walk: None,
            completion: None,
        }
    }

    pub fn is_command(&self) -> bool {
        self.kind == LineKind::Command
    }

    /// Changes the line: a history walk or a completion ends, and starts again from the result.
    pub fn edit(&mut self, edit: impl FnOnce(&mut LineEdit)) {
        self.walk = None;
        self.completion = None;
        edit(&mut self.input);
    }

    /// What Up walks the entries starting with: the typed text, none for the opening chips.
    fn history_prefix(&self) -> String {
        let text = self.input.text();
        if text == self.opened_with {
            String::new()
        } else {
            text.to_string()
        }
    }
}

impl AppState {
    /// The open query or command line.
    pub fn prompt(&self) -> Option<&Prompt> {
        match &self.overlay {
            Some(Overlay::Prompt(prompt)) => Some(prompt),
            _ => None,
        }
    }

    /// Up (`older`) or Down on a prompt: the previous or next history entry starting with what
    /// was typed; Down past the newest brings back the typed line.
    pub fn walk_history(&mut self, older: bool) {
        let Some(Overlay::Prompt(prompt)) = &mut self.overlay else {
            return;
        };
        prompt.completion = None;
        let history = self.history.of(prompt.kind);
        let landing = match &prompt.walk {
            Some(walk) => walk.step(history, older),
            None if older => {
                let prefix = prompt.history_prefix();
                prompt.walk = Walk::start(history, prompt.input.clone(), prefix);
                prompt.walk.as_ref().map(|walk| Landing::Entry(walk.at))
            }
            None => None,
        };
        match landing {
            Some(Landing::Entry(at)) => {
                prompt.input.set(history.entries()[at].clone());
                if let Some(walk) = &mut prompt.walk {
                    walk.at = at;
                }
            }
            Some(Landing::Typed) => {
                if let Some(walk) = prompt.walk.take() {
                    prompt.input = walk.typed;
                }
            }
            None => {}
        }
    }

    /// Enter took `line` on a prompt of `kind`: it joins that history, which is saved before
    /// `then` (what Enter does) is performed.
    pub fn remember_line(
        &mut self,
        kind: LineKind,
        line: &str,
        then: Option<Effect>,
    ) -> Option<Effect> {
        let history = self.history.of_mut(kind);
        if !history.record(line) {
            return then;
        }
        Some(Effect::SaveHistory {
            kind,
            entries: history.entries().to_vec(),
            then: then.map(Box::new),
        })
    }

    /// Tab (`forward`) or Shift-Tab: the next or previous candidate while cycling, else the
    /// candidates for the word before the cursor (the store's entity names by an effect).
    pub fn complete(&mut self, forward: bool) -> Option<Effect> {
        let Some(Overlay::Prompt(prompt)) = &mut self.overlay else {
            return None;
        };
        prompt.walk = None;
        if let Some(completion) = &mut prompt.completion {
            completion.cycle(forward);
            let range = completion.start..prompt.input.cursor();
            prompt.input.replace(range, completion.current());
            return None;
        }
        let before = prompt.input.before_cursor().to_string();
        let Some(target) = complete::target(&before, prompt.is_command()) else {
            self.status = Some(Status::info("nothing completes here"));
            return None;
        };
        let names: Vec<String> = match target.slot {
            Slot::Entity(kind) => {
                return Some(Effect::EntityNames {
                    kind,
                    typed: target.typed,
                    line: before,
                    forward,
                });
            }
            Slot::Key => {
                let keys: Vec<String> =
                    crate::query::KEYS.iter().map(|k| format!("{k}:")).collect();
                complete::matching(&target.typed, keys.iter().map(String::as_str))
            }
            Slot::Flag => complete::matching(&target.typed, crate::query::FLAGS.iter().copied()),
            Slot::Country => country_candidates(&target.typed),
            Slot::View => complete::matching(
                &target.typed,
                self.views.iter().map(|(name, _)| name.as_str()),
            ),
            Slot::Command => complete::matching(&target.typed, COMMAND_NAMES.iter().copied()),
        };
        self.offer(&target, &names, forward);
        None
    }

    /// The store's entity names for the line `line` (before the cursor) arrived: they are
    /// offered if the line is still as it was.
    pub fn names_found(&mut self, line: &str, forward: bool, names: &[String]) {
        let Some(prompt) = self.prompt() else {
            return;
        };
        if prompt.completion.is_some() || prompt.input.before_cursor() != line {
            return;
        }
        if let Some(target) = complete::target(line, prompt.is_command()) {
            let names = complete::matching(&target.typed, names.iter().map(String::as_str));
            self.offer(&target, &names, forward);
        }
    }

    /// Puts the first (or, going back, the last) of `names` in place of `target`; several are
    /// then cycled by Tab, one is simply taken.
    fn offer(&mut self, target: &Target, names: &[String], forward: bool) {
        let Some(Overlay::Prompt(prompt)) = &mut self.overlay else {
            return;
        };
        let candidates: Vec<String> = names
            .iter()
            .filter_map(|name| complete::written(target.slot, name))
            .collect();
        let Some(last) = candidates.len().checked_sub(1) else {
            let typed = crate::app::text::clean_line(&target.typed);
            self.status = Some(Status::info(format!("nothing starts with '{typed}' here")));
            return;
        };
        let selected = if forward { 0 } else { last };
        prompt
            .input
            .replace(target.range.clone(), &candidates[selected]);
        prompt.completion = (last > 0).then_some(Completion {
            start: target.range.start,
            candidates,
            selected,
        });
    }
}

/// Countries for `typed` after `country:`: an exact code first, then names in kiosk's
/// languages in alphabetical order; every code when nothing is typed yet.
fn country_candidates(typed: &str) -> Vec<String> {
    use crate::analyze::{country_codes, country_names_in, fold_name};
    if typed.is_empty() {
        return country_codes().map(str::to_string).collect();
    }
    let mut names: Vec<(String, &str)> = country_codes()
        .flat_map(|code| country_names_in(code, super::picker::LANGUAGES))
        .filter(|name| name.chars().count() > 2)
        .map(|name| (fold_name(name), name))
        .collect();
    names.sort_unstable();
    let code = country_codes().find(|code| code.eq_ignore_ascii_case(typed));
    complete::matching(
        typed,
        code.into_iter().chain(names.iter().map(|(_, name)| *name)),
    )
}
