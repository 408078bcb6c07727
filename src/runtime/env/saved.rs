//! The UI state kept in the store between runs: the filters, selection, sort and open article
//! (restored at start, saved on quit) and whether the TUI has run before. No other store IO.

use super::{Action, Env, WriteJob};
use crate::article::ArticleId;
use crate::query::Query;
use crate::store::Sort;

/// Keys under which the UI state is persisted in the store.
const FILTERS_KEY: &str = "tui.filters";
const SELECTED_KEY: &str = "tui.selected";
const STARTED_KEY: &str = "tui.started";
const SORT_KEY: &str = "tui.sort";
/// The open article and the reader's scroll: `ID SCROLL`, empty when none was open.
const OPEN_KEY: &str = "tui.open";

impl Env {
    /// The filter and selection saved by the last run (chips as text), as the first action; a
    /// chip that no longer parses drops them all.
    pub fn restore(&self) -> Action {
        let filters = self
            .library
            .ui_state(FILTERS_KEY)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str::<Vec<String>>(&text).ok())
            .and_then(|chips| {
                let chips: Result<Vec<Query>, _> =
                    chips.iter().map(|chip| Query::parse(chip)).collect();
                chips.ok()
            })
            .unwrap_or_default();
        let saved = |key| self.library.ui_state(key).ok().flatten();
        let open = saved(OPEN_KEY).and_then(|text| {
            let (id, scroll) = text.split_once(' ')?;
            Some((id.parse().ok()?, scroll.parse().ok()?))
        });
        Action::Restored {
            filters,
            selected: saved(SELECTED_KEY).and_then(|id| id.parse().ok()),
            sort: saved(SORT_KEY).map_or_else(Sort::default, |text| Sort::from_saved(&text)),
            open,
        }
    }

    /// True the first time the TUI runs on this store (then remembered in the store).
    pub fn first_start(&mut self) -> bool {
        let started = self.library.ui_state(STARTED_KEY).ok().flatten().is_some();
        if !started {
            let _ = self.library.set_ui_state(STARTED_KEY, "1");
        }
        !started
    }

    pub(super) fn save(
        &mut self,
        filters: &[Query],
        selected: Option<ArticleId>,
        sort: Sort,
        open: Option<(ArticleId, usize)>,
    ) -> Result<Option<Action>, String> {
        let chips: Vec<String> = filters.iter().map(ToString::to_string).collect();
        let filters = serde_json::to_string(&chips).map_err(|e| e.to_string())?;
        let selected = selected.map(|id| id.to_string()).unwrap_or_default();
        let open = open
            .map(|(id, scroll)| format!("{id} {scroll}"))
            .unwrap_or_default();
        let saved = [
            (FILTERS_KEY, filters),
            (SELECTED_KEY, selected),
            (SORT_KEY, sort.to_saved()),
            (OPEN_KEY, open),
        ];
        let saved = saved.map(|(key, value)| {
            self.write(WriteJob::UiState {
                key: key.into(),
                value,
            })
        });
        Ok(saved.into_iter().flatten().next())
    }
}
