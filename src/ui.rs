//! Pure drawing of [`AppState`]: the pane layout and one view struct per pane.
//! Never mutates state and never fails; a terminal too small to draw in says so.

mod article_list;
mod entity_sidebar;
mod help;
mod links;
mod map;
mod picker;
mod reader;
mod status;

pub use article_list::ArticleList;
pub use entity_sidebar::{EntitySidebar, row_lines as sidebar_row_lines};
pub use help::Help;
pub use map::WorldMap;
pub use picker::Picker;
pub use reader::Reader;
pub use status::StatusBar;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use crate::app::picker::{chip_countries, country_chip_index};
use crate::app::{AppState, Focus, Overlay};
use crate::config::LayoutConfig;
use crate::theme::Theme;

/// Below this width the sidebar hides; below [`SINGLE_PANE`] one pane shows at a time.
pub const SIDEBAR_MIN_WIDTH: u16 = 100;
pub const SINGLE_PANE: u16 = 60;
/// The smallest screen kiosk draws on.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

/// Where each pane goes; `None` for a pane not shown at this size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub sidebar: Option<Rect>,
    pub status: Rect,
    pub popup: Rect,
    pub too_small: bool,
}

/// Splits `area` into panes for the configured widths, degrading on narrow terminals.
pub fn layout(area: Rect, config: &LayoutConfig, sidebar_visible: bool, focus: Focus) -> Panes {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Panes {
            too_small: true,
            status: area,
            popup: area,
            ..Panes::default()
        };
    }
    let [body, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let popup = body.centered(Constraint::Percentage(80), Constraint::Percentage(90));
    let mut panes = Panes {
        status,
        popup,
        ..Panes::default()
    };
    if area.width < SINGLE_PANE {
        match focus {
            Focus::Reader => panes.reader = Some(body),
            Focus::List | Focus::Entities => panes.list = Some(body),
        }
        return panes;
    }
    let show_sidebar = sidebar_visible && area.width >= SIDEBAR_MIN_WIDTH;
    let sidebar_width = if show_sidebar {
        config.sidebar_columns.clamp(10, area.width / 3)
    } else {
        0
    };
    let [main, sidebar] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(sidebar_width)]).areas(body);
    let percent = config.list_percent.clamp(10, 90);
    let [list, reader] = Layout::horizontal([
        Constraint::Percentage(percent),
        Constraint::Percentage(100 - percent),
    ])
    .areas(main);
    panes.list = Some(list);
    panes.reader = Some(reader);
    panes.sidebar = show_sidebar.then_some(sidebar);
    panes
}

/// Draws the whole screen from `state`.
pub fn render(state: &AppState, frame: &mut Frame) {
    let area = frame.area();
    let panes = layout(area, &state.view.layout, state.sidebar_visible, state.focus);
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
            ArticleList::new(&state.list, theme, focused, date_sort),
            rect,
        );
    }
    if let Some(rect) = panes.reader {
        let focused = state.focus == Focus::Reader;
        if state.show_map {
            let selected = country_chip_index(&state.filters)
                .and_then(|at| chip_countries(&state.filters[at]))
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
            frame.render_widget(Clear, panes.popup);
            frame.render_widget(Help::new(&state.view.help, theme, *scroll), panes.popup);
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
        Some(Overlay::Prompt { .. }) | None => {}
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

#[cfg(test)]
mod tests {
    use super::*;

    fn panes(width: u16, height: u16, focus: Focus) -> Panes {
        layout(
            Rect::new(0, 0, width, height),
            &LayoutConfig::default(),
            true,
            focus,
        )
    }

    #[test]
    fn wide_terminals_get_three_panes_and_a_status_line() {
        let p = panes(160, 48, Focus::List);
        let (list, reader, sidebar) = (
            p.list.expect("list"),
            p.reader.expect("reader"),
            p.sidebar.expect("sidebar"),
        );
        assert_eq!(list.x, 0);
        assert_eq!(list.right(), reader.x);
        assert_eq!(reader.right(), sidebar.x);
        assert_eq!(sidebar.width, 28);
        assert_eq!(p.status, Rect::new(0, 47, 160, 1));
    }

    #[test]
    fn sidebar_hides_below_one_hundred_columns() {
        let p = panes(99, 30, Focus::List);
        assert!(p.sidebar.is_none());
        assert!(p.list.is_some() && p.reader.is_some());
        let hidden = layout(
            Rect::new(0, 0, 160, 40),
            &LayoutConfig::default(),
            false,
            Focus::List,
        );
        assert!(hidden.sidebar.is_none());
    }

    #[test]
    fn narrow_terminals_show_the_focused_pane_only() {
        let list = panes(40, 12, Focus::List);
        assert_eq!((list.list.map(|r| r.width), list.reader), (Some(40), None));
        let reader = panes(40, 12, Focus::Reader);
        assert_eq!(
            (reader.list, reader.reader.map(|r| r.width)),
            (None, Some(40))
        );
    }

    #[test]
    fn tiny_terminals_are_too_small() {
        assert!(panes(19, 10, Focus::List).too_small);
        assert!(panes(80, 4, Focus::List).too_small);
        assert!(!panes(20, 5, Focus::List).too_small);
    }
}
