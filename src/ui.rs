//! Pure drawing of [`AppState`]: the pane layout and one view struct per pane.
//! Never mutates state and never fails; a terminal too small to draw in says so.

mod article_list;
mod completions;
mod entity_sidebar;
mod help;
mod links;
mod map;
mod picker;
mod reader;
mod status;

pub use article_list::ArticleList;
pub use completions::Completions;
pub use entity_sidebar::EntitySidebar;
pub use help::Help;
pub use map::WorldMap;
pub use picker::Picker;
pub use reader::Reader;
pub use status::StatusBar;

use ratatui::Frame;
use ratatui::layout::Constraint;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

pub use crate::app::layout::{
    MIN_HEIGHT, MIN_WIDTH, Panes, SIDEBAR_MIN_WIDTH, SPLIT_MIN_WIDTH, layout, sidebar_row_lines,
};
use crate::app::picker::country_chip_index;
use crate::app::{AppState, Focus, Overlay};
use crate::theme::Theme;

/// Draws the whole screen from `state`.
pub fn render(state: &AppState, frame: &mut Frame) {
    let area = frame.area();
    let reading = state.reader.article.is_some();
    let panes = layout(
        area,
        &state.view.layout,
        state.sidebar_visible,
        state.focus,
        reading,
    );
    let theme = &state.view.theme;
    if panes.too_small {
        let message = format!("kiosk needs at least {MIN_WIDTH}×{MIN_HEIGHT}");
        let text = Paragraph::new(message).wrap(Wrap { trim: true });
        frame.render_widget(text, area);
        return;
    }
    if let Some(rect) = panes.list {
        let focused = state.focus == Focus::List;
        let date_sort = state.sort;
        frame.render_widget(
            ArticleList::new(&state.list, theme, focused, date_sort)
                .this_year(state.view.this_year),
            rect,
        );
    }
    if let Some(rect) = panes.reader {
        let focused = state.focus == Focus::Reader;
        if state.show_map {
            let selected = country_chip_index(&state.filters)
                .and_then(|at| state.filters[at].countries())
                .unwrap_or_default();
            let countries = &state.counts.countries;
            frame.render_widget(WorldMap::new(countries, &selected, theme, focused), rect);
        } else {
            frame.render_widget(Reader::new(&state.reader, theme, focused), rect);
        }
    }
    if let Some(rect) = panes.sidebar {
        let focused = state.focus == Focus::Entities;
        let daily = &state.counts.daily;
        frame.render_widget(
            EntitySidebar::new(&state.sidebar, daily, theme, focused),
            rect,
        );
    }
    frame.render_widget(StatusBar::new(state), panes.status);
    match &state.overlay {
        Some(Overlay::Help { scroll }) => {
            let rect = crate::app::help::help_rect(panes.popup, area.width);
            frame.render_widget(Clear, rect);
            frame.render_widget(Help::new(&state.view.help, theme, *scroll), rect);
        }
        Some(Overlay::Picker(picker)) => {
            let width = panes.popup.width.min(64);
            let popup = panes.popup.centered_horizontally(Constraint::Length(width));
            frame.render_widget(Clear, popup);
            frame.render_widget(Picker::new(picker, theme), popup);
        }
        Some(Overlay::Links { selected }) => {
            let rows = &state.reader.links;
            let height = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX);
            let popup = panes.popup.centered_vertically(Constraint::Length(height));
            frame.render_widget(Clear, popup);
            frame.render_widget(links::Links::new(rows, *selected, theme), popup);
        }
        Some(Overlay::Prompt(prompt)) => {
            // The candidates Tab cycles, on the row above the line.
            if let Some(completion) = &prompt.completion
                && panes.status.y > 0
            {
                let strip = ratatui::layout::Rect {
                    y: panes.status.y - 1,
                    height: 1,
                    ..panes.status
                };
                frame.render_widget(Clear, strip);
                frame.render_widget(Completions::new(completion, theme), strip);
            }
        }
        Some(Overlay::Confirm { .. }) | None => {}
    }
}

/// A pane's block: rounded border, focused border style when it has the keyboard.
fn pane_block<'a>(title: Line<'a>, theme: &Theme, focused: bool) -> Block<'a> {
    let (style, kind) = if focused {
        (theme.border_focused, BorderType::Thick)
    } else {
        (theme.border, BorderType::Rounded)
    };
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(title)
        .title_style(Style::new())
}
