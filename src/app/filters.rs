//! Filter changes beyond one typed query: the query and command lines, the country picker and
//! `]`/`[`, and saved views. Pure like the rest of `update`: IO goes out as an [`Effect`].

use super::line_edit::LineEdit;
use super::picker::{PickerState, country_chip_index, step_country, with_country, without_country};
use super::{AppState, Effect, Overlay, Status};
use crate::query::Query;

/// How a query line's error starts, so that [`AppState::recheck_prompt`] knows it.
const BAD_QUERY: &str = "bad query:";

/// What `:` understands, for the error on anything else.
const COMMANDS: &str = "save NAME, delete NAME, view NAME, tag NAME, clear, help, q";

impl AppState {
    /// Replaces the text of the open prompt or picker as a `String` (the cursor goes to its end).
    pub fn edit_prompt(&mut self, edit: impl FnOnce(&mut String)) {
        self.edit_line(|line| line.edit_text(edit));
    }

    /// Edits the line of the open prompt or picker at its cursor.
    pub fn edit_line(&mut self, edit: impl FnOnce(&mut LineEdit)) {
        match &mut self.overlay {
            Some(Overlay::Prompt(prompt)) => prompt.edit(edit),
            Some(Overlay::Picker(picker)) => picker.edit_line(edit),
            _ => {}
        }
    }

    /// A "bad query" error goes as soon as the query line parses again, as typed (checked only
    /// while that error shows, so typing costs no parse otherwise).
    pub fn recheck_prompt(&mut self) {
        let Some(prompt) = self.prompt().filter(|prompt| !prompt.is_command()) else {
            return;
        };
        let stale = self
            .status
            .as_ref()
            .is_some_and(|status| status.is_error && status.text.starts_with(BAD_QUERY));
        if stale && Query::parse(prompt.input.text()).is_ok() {
            self.status = None;
        }
    }

    /// Enter on the query line makes its text the filters, one chip per term (the line opens
    /// with the current chips, so typing after them adds one); on the command line runs it.
    /// Either line joins its history.
    pub fn submit_prompt(&mut self) -> Option<Effect> {
        let Some(Overlay::Prompt(mut prompt)) = self.overlay.take() else {
            return None;
        };
        let line = prompt.input.trim().to_string();
        if prompt.is_command() {
            let done = (!line.is_empty())
                .then(|| self.run_command(&line))
                .flatten();
            return self.remember_line(prompt.kind, &line, done);
        }
        // A mistake keeps the line open as typed, the column counted in it (not in one chip).
        let filters = match Query::parse(prompt.input.text()) {
            Ok(query) => query.into_chips(),
            Err(error) => {
                self.status = Some(Status::error(format!("{BAD_QUERY} {error}")));
                prompt.completion = None;
                self.overlay = Some(Overlay::Prompt(prompt));
                return None;
            }
        };
        let reload = (filters != self.filters).then(|| self.reload_with(filters, self.sort));
        self.remember_line(prompt.kind, &line, reload)
    }

    /// `c`: the picker opens at once; its counts follow as [`super::Action::CountriesCounted`].
    pub fn open_picker(&mut self) -> Option<Effect> {
        let base = without_country(&self.filters);
        self.overlay = Some(Overlay::Picker(PickerState::new(base.clone())));
        Some(Effect::CountCountries { base })
    }

    pub fn move_picker(&mut self, delta: i16) {
        if let Some(Overlay::Picker(picker)) = &mut self.overlay {
            picker.move_by(isize::from(delta));
        }
    }

    pub fn mark_in_picker(&mut self) {
        if let Some(Overlay::Picker(picker)) = &mut self.overlay {
            picker.toggle_mark();
        }
    }

    /// Enter was pressed in the picker before its counts arrived: the choice is pending.
    pub fn picker_waits(&self) -> bool {
        matches!(&self.overlay, Some(Overlay::Picker(picker)) if picker.submitted)
    }

    /// Enter in the picker: the chosen countries replace the country chip. Typed ahead of the
    /// counts, it waits for them (the choice depends on the list).
    pub fn submit_picker(&mut self) -> Option<Effect> {
        if let Some(Overlay::Picker(picker)) = &mut self.overlay
            && picker.loading
        {
            picker.submitted = true;
            return None;
        }
        let Some(Overlay::Picker(picker)) = self.overlay.take() else {
            return None;
        };
        let codes = picker.chosen();
        if codes.is_empty() {
            return None;
        }
        self.apply_filters(with_country(&self.filters, Query::any_country(&codes)))
    }

    /// Country counts for `base` arrived: they fill the picker and finish a `]`/`[` step.
    pub fn countries_counted(
        &mut self,
        base: &[Query],
        countries: &[(String, u64)],
    ) -> Option<Effect> {
        if let Some(Overlay::Picker(picker)) = &mut self.overlay
            && picker.base == base
        {
            picker.fill(countries);
            if picker.submitted {
                return self.submit_picker();
            }
        }
        let forward = self.pending_step?;
        // Counts for a filter the user has already left do not say where to step.
        if without_country(&self.filters) != base {
            return None;
        }
        self.pending_step = None;
        let current = country_chip_index(&self.filters)
            .and_then(|at| self.filters[at].countries())
            .and_then(|codes| codes.into_iter().next());
        match step_country(countries, current.as_deref(), forward) {
            Some(code) => {
                self.apply_filters(with_country(&self.filters, Query::any_country(&[code])))
            }
            None => {
                self.status = Some(Status::info("no country to step to in this list"));
                None
            }
        }
    }

    /// Replaces the filters, closing an open article (it may not be in the new list).
    pub fn apply_filters(&mut self, filters: Vec<Query>) -> Option<Effect> {
        if filters == self.filters {
            return None;
        }
        self.close_article();
        Some(self.reload_with(filters, self.sort))
    }

    /// Enter on a saved view: its query replaces every filter, one chip per term.
    pub fn apply_view(&mut self, query: &Query) -> Option<Effect> {
        self.apply_filters(query.clone().into_chips())
    }

    /// A `:` command.
    fn run_command(&mut self, line: &str) -> Option<Effect> {
        let (command, argument) = line.split_once(' ').unwrap_or((line, ""));
        let name = argument.trim().to_string();
        let view = self.views.iter().find(|(known, _)| *known == name);
        match (command, name.is_empty()) {
            ("save" | "w", false) if self.filters.is_empty() => {
                self.status = Some(Status::error("nothing to save: filter the list first"));
                None
            }
            ("save" | "w", false) => Some(Effect::SaveView {
                name,
                query: self.query(),
            }),
            ("delete" | "unsave", false) if view.is_none() => {
                self.status = Some(Status::error(format!("no saved view named '{name}'")));
                None
            }
            ("delete" | "unsave", false) => Some(Effect::DeleteView { name }),
            ("view", false) => match view {
                Some((_, query)) => {
                    let query = query.clone();
                    self.apply_view(&query)
                }
                None => {
                    self.status = Some(Status::error(format!("no saved view named '{name}'")));
                    None
                }
            },
            ("clear", true) => self.apply_filters(Vec::new()),
            // vi's and newsboat's words, for hands that type them.
            ("q" | "quit" | "q!" | "qa", true) => self.quit(),
            ("help" | "h", true) => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                None
            }
            ("tag", false) => self.tag_current(&name),
            ("save" | "w" | "delete" | "unsave" | "view" | "tag", true) => {
                self.status = Some(Status::error(format!("usage: :{command} NAME")));
                None
            }
            _ => {
                self.status = Some(Status::error(format!(
                    "unknown command '{command}': try {COMMANDS}"
                )));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::prompt::Prompt;

    fn command(state: &mut AppState, line: &str) -> Option<Effect> {
        state.overlay = Some(Overlay::Prompt(Prompt::command(line)));
        match state.submit_prompt() {
            Some(Effect::SaveHistory { then, .. }) => then.map(|then| *then),
            effect => effect,
        }
    }

    #[test]
    fn q_quits_remembering_the_filter_and_help_opens_help() {
        let mut state = AppState {
            filters: Query::parse("country:NE").expect("query").into_chips(),
            ..AppState::default()
        };
        assert!(matches!(
            command(&mut state, "q"),
            Some(Effect::Save { filters, .. }) if filters == state.filters
        ));
        assert!(state.should_quit);
        let mut state = AppState::default();
        assert_eq!(command(&mut state, "help"), None);
        assert!(matches!(state.overlay, Some(Overlay::Help { scroll: 0 })));
        assert!(!state.should_quit);
    }

    #[test]
    fn a_query_error_goes_once_the_line_parses_again() {
        let mut state = AppState {
            overlay: Some(Overlay::Prompt(Prompt::query("since:".into()))),
            ..AppState::default()
        };
        assert_eq!(state.submit_prompt(), None);
        assert!(state.status.as_ref().is_some_and(|s| s.is_error));
        // Still wrong: the error stays.
        state.edit_line(|line| line.insert('x'));
        state.recheck_prompt();
        assert!(state.status.as_ref().is_some_and(|s| s.is_error));
        state.edit_prompt(|text| *text = "since:7d".into());
        state.recheck_prompt();
        assert_eq!(state.status, None);
        // Another error (not the query's) is left alone.
        state.status = Some(Status::error("store full"));
        state.recheck_prompt();
        assert!(state.status.is_some());
    }

    #[test]
    fn commands_save_delete_and_explain_mistakes() {
        let mut state = AppState::default();
        assert_eq!(command(&mut state, "save sahel"), None);
        assert!(state.status.as_ref().is_some_and(|s| s.is_error));
        state.filters = Query::parse("country:NE lang:fr")
            .expect("query")
            .into_chips();
        assert_eq!(
            command(&mut state, "save sahel news"),
            Some(Effect::SaveView {
                name: "sahel news".into(),
                query: Query::parse("country:NE lang:fr").expect("query")
            })
        );
        assert_eq!(command(&mut state, "delete nope"), None);
        assert!(
            state
                .status
                .as_ref()
                .is_some_and(|s| s.text.contains("nope"))
        );
        state.views = vec![("sahel".into(), Query::parse("country:ML").expect("query"))];
        assert_eq!(
            command(&mut state, "delete sahel"),
            Some(Effect::DeleteView {
                name: "sahel".into()
            })
        );
        assert_eq!(command(&mut state, "fly"), None);
        let status = state.status.clone().expect("status");
        assert!(
            status.text.contains("unknown command 'fly'"),
            "{}",
            status.text
        );
        assert_eq!(command(&mut state, "save"), None);
        assert!(
            state
                .status
                .as_ref()
                .is_some_and(|s| s.text.contains("usage"))
        );
    }
}
