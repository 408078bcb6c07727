//! The TUI's state and the pure [`update`] that applies one [`Action`] to it.
//! No IO, clock or terminal here: those are requested as an [`Effect`] and performed by the runtime.

mod action;
pub mod complete;
pub mod daily;
mod effect;
mod filters;
mod full_text;
pub mod help;
pub mod history;
mod housekeeping;
pub mod layout;
pub mod line_edit;
pub mod links;
pub mod list;
mod ops;
mod pending;
pub mod picker;
pub mod prompt;
pub mod reader;
pub mod sidebar;
mod state;
mod tagging;
mod terms;
pub mod text;
mod undo;

pub use action::{Action, UnknownAction};
pub use effect::{Effect, Reloaded};
pub use housekeeping::no_unread;
pub use ops::Flag;
pub use pending::FlagWrite;
pub use state::{AppState, Focus, HelpSection, Hints, Overlay, Pending, Status, ViewSettings};
pub use terms::is_web_url;

use crate::query::Query;

/// Applies one action to the state and returns the IO it needs, if any. A flag write it asks
/// for is pending until [`Action::Written`] or [`Action::WriteFailed`] answers it.
pub fn update(state: &mut AppState, action: Action) -> Option<Effect> {
    let effect = apply(state, action);
    state.track_write(effect.as_ref());
    effect
}

fn apply(state: &mut AppState, action: Action) -> Option<Effect> {
    if action.name().is_some() {
        state.status = None;
    }
    match action {
        Action::Back => return state.back(),
        Action::MarkAllRead => return state.mark_all_read(),
        Action::Confirm(yes) => return state.confirm(yes),
        Action::MarkedRead { filters, ids } => return state.marked_read(filters, ids),
        Action::Undo => return state.undo(),
        Action::DeleteArticle => return state.ask_delete(),
        Action::TagArticle => state.ask_tag(),
        Action::Deleted(deleted) => return state.deleted(deleted),
        Action::Tagged {
            id,
            tag,
            added,
            undoing,
        } => return state.tagged(id, tag, added, undoing),
        Action::NextUnread => return state.step_unread(true),
        Action::PrevUnread => return state.step_unread(false),
        Action::Jump { index, open } => return state.jump(index, open),
        Action::Quit => return state.quit(),
        Action::Suspend => return Some(Effect::Suspend),
        Action::FetchFeeds => return Some(Effect::FetchFeeds),
        Action::FetchFullText => return state.fetch_full_text(),
        Action::FullTextDone { id, result } => return state.full_text_done(id, result),
        Action::ToggleHelp => {
            state.overlay = match state.overlay {
                Some(Overlay::Help { .. }) => None,
                _ => Some(Overlay::Help { scroll: 0 }),
            };
        }
        Action::FocusNext => state.cycle_focus(true),
        Action::FocusPrev => state.cycle_focus(false),
        Action::FocusList => state.focus_pane(Focus::List),
        Action::FocusReader => state.focus_pane(Focus::Reader),
        Action::FocusEntities => state.focus_pane(Focus::Entities),
        Action::ToggleSidebar => return state.toggle_sidebar(),
        Action::SelectNext => return state.move_focused(ops::Move::By(1)),
        Action::SelectPrev => return state.move_focused(ops::Move::By(-1)),
        Action::SelectFirst => return state.move_focused(ops::Move::First),
        Action::SelectLast => return state.move_focused(ops::Move::Last),
        Action::PageDown => return state.move_focused(ops::Move::Pages(2)),
        Action::PageUp => return state.move_focused(ops::Move::Pages(-2)),
        Action::HalfPageDown => return state.move_focused(ops::Move::Pages(1)),
        Action::HalfPageUp => return state.move_focused(ops::Move::Pages(-1)),
        Action::Open => return state.open_focused(),
        Action::CloseArticle => state.close_article(),
        Action::OpenNext => return state.open_neighbour(1),
        Action::OpenPrev => return state.open_neighbour(-1),
        Action::Search => {
            // The chips as text, to edit or extend: Enter makes them the filters again.
            let query = state.query().to_string();
            let input = if query.is_empty() { query } else { query + " " };
            state.overlay = Some(Overlay::Prompt(prompt::Prompt::query(input)));
        }
        Action::Command => {
            state.overlay = Some(Overlay::Prompt(prompt::Prompt::command("")));
        }
        Action::CountryPicker => return state.open_picker(),
        Action::NextCountry | Action::PrevCountry => {
            state.pending_step = Some(action == Action::NextCountry);
            return Some(Effect::CountCountries {
                base: picker::without_country(&state.filters),
            });
        }
        Action::ClearFilters => {
            state.overlay = None;
            if !state.filters.is_empty() {
                return Some(state.reload_with(Vec::new(), state.sort));
            }
        }
        Action::ToggleMap => state.toggle_map(),
        Action::PickerMove(delta) => state.move_picker(delta),
        Action::PickerMark => state.mark_in_picker(),
        Action::CountriesCounted { base, countries } => {
            return state.countries_counted(&base, &countries);
        }
        Action::ViewsChanged { views, message } => {
            state.views = views;
            state.status = Some(Status::info(message));
            return Some(state.reload_with(state.filters.clone(), state.sort));
        }
        Action::NextHit | Action::PrevHit => {
            let forward = action == Action::NextHit;
            state.status = Some(Status::info(match state.reader.jump_hit(forward) {
                Some(jump) => jump.message(),
                None => "no search hits in this article".into(),
            }));
        }
        Action::ClearFilter => {
            if state.overlay.take().is_none() {
                let mut filters = state.filters.clone();
                if filters.pop().is_some() {
                    return Some(state.reload_with(filters, state.sort));
                }
            }
        }
        Action::ToggleRead => return state.toggle_flag(ops::Flag::Read),
        Action::ToggleStar => return state.toggle_flag(ops::Flag::Starred),
        Action::ToggleUnreadOnly => {
            let unread = Query::of(crate::query::Filter::Is(crate::query::Flag::Unread));
            let mut filters = state.filters.clone();
            if let Some(at) = filters.iter().position(|chip| *chip == unread) {
                filters.remove(at);
            } else {
                filters.push(unread);
            }
            return Some(state.reload_with(filters, state.sort));
        }
        Action::OpenUrl => return state.url_effect(Effect::OpenUrl),
        Action::CopyUrl => return state.url_effect(Effect::Copy),
        Action::ShowLinks => state.show_links(),
        Action::OpenLink(number) => return state.open_link(usize::from(number).saturating_sub(1)),
        Action::LinksMove(delta) => state.move_in_links(delta),
        Action::LinksOpen => {
            if let Some(Overlay::Links { selected }) = state.overlay {
                return state.open_link(selected);
            }
        }
        Action::Reload | Action::Refresh => {
            return Some(state.reload_with(state.filters.clone(), state.sort));
        }
        Action::CycleSort => {
            return Some(state.reload_with(state.filters.clone(), state.sort.next()));
        }
        Action::ReverseSort => {
            return Some(state.reload_with(state.filters.clone(), state.sort.reversed()));
        }
        Action::Noop => {}
        Action::Resize(width, height) => {
            state.size = (width, height);
            return state.relayout();
        }
        Action::HelpScroll(delta) => {
            let most = help::max_scroll(&state.view.help, state.panes().popup, state.size.0);
            if let Some(Overlay::Help { scroll }) = &mut state.overlay {
                *scroll = scroll.saturating_add_signed(isize::from(delta)).min(most);
            }
        }
        Action::HelpPage(down) => {
            let rect = help::help_rect(state.panes().popup, state.size.0);
            let page = i16::try_from(rect.height.saturating_sub(3).max(1)).unwrap_or(1);
            return apply(state, Action::HelpScroll(if down { page } else { -page }));
        }
        Action::PromptInput(c) => {
            state.edit_line(|line| line.insert(c));
            state.recheck_prompt();
        }
        Action::PromptEdit(edit) => {
            state.edit_line(|line| line.apply(edit));
            state.recheck_prompt();
        }
        Action::PromptBackspace => {
            state.edit_line(|line| line.apply(line_edit::Edit::Backspace));
            state.recheck_prompt();
        }
        Action::PromptClear => {
            state.edit_line(|line| line.set(""));
            state.recheck_prompt();
        }
        Action::PromptHistory(older) => {
            state.walk_history(older);
            state.recheck_prompt();
        }
        Action::PromptComplete(forward) => {
            let effect = state.complete(forward);
            state.recheck_prompt();
            return effect;
        }
        Action::NamesFound {
            line,
            forward,
            names,
        } => {
            state.names_found(&line, forward, &names);
            state.recheck_prompt();
        }
        Action::HistoryRestored { query, command } => {
            state.history = history::Histories {
                query: history::History::from_entries(query),
                command: history::History::from_entries(command),
            };
        }
        Action::PromptCancel => state.overlay = None,
        Action::PromptSubmit => {
            return match state.overlay {
                Some(Overlay::Picker(_)) => state.submit_picker(),
                _ => state.submit_prompt(),
            };
        }
        Action::ScrollAt { column, row, down } => return state.scroll_at(column, row, down),
        Action::ClickAt { column, row } => return state.click_at(column, row),
        Action::Reloaded(reloaded) => {
            let fetch = state.apply_reload(*reloaded);
            state.overlay_pending();
            // The article open when the last run ended opens again, once the list is there.
            if fetch.is_none()
                && let Some((id, _)) = state.restoring_article
            {
                return Some(Effect::Load(id));
            }
            return fetch;
        }
        Action::Window { start, rows, open } => {
            state.list.set_window(start, rows);
            state.overlay_pending();
            if open {
                return state.load_selected();
            }
        }
        Action::Loaded(article, entities, mentions) => {
            return state.show_article(*article, &entities, &mentions);
        }
        Action::Restored {
            filters,
            selected,
            sort,
            open,
        } => {
            state.sort = sort;
            state.restoring_article = open;
            return Some(Effect::Reload {
                filters,
                sort,
                keep: open.map(|(id, _)| id).or(selected),
                len: state.list.window_len(),
            });
        }
        Action::Counted { filters, counts } => {
            // Counts for a filter the user has already left are stale: drop them.
            if filters == state.filters {
                state.show_counts(counts);
            }
        }
        Action::Totalled { filters, total } => {
            if filters == state.filters {
                state.list.set_total(total);
            }
        }
        Action::Written(write) => state.written(write),
        Action::WriteFailed(write, message) => state.write_failed(write, &message),
        Action::Info(message) => state.status = Some(Status::info(message)),
        Action::Failed(message) => {
            // The article of the last run may be gone: do not ask for it again.
            state.restoring_article = None;
            state.status = Some(Status::error(message));
        }
    }
    None
}
