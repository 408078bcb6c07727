//! Where each pane goes for a terminal size, and the sidebar's row lines: arithmetic the state
//! needs to page and hit-test, which `ui` draws by. Pure; imports nothing above `app`.

use ratatui::layout::{Constraint, Layout, Rect};

use super::Focus;
use crate::config::LayoutConfig;

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

/// Lines the sparkline takes at the top of the sidebar: a caption and two of bars.
pub const SPARKLINE_LINES: u16 = 3;

/// The lines left for rows in a sidebar of `inner` lines (the sparkline shows only when at
/// least a few rows still fit under it).
pub fn sidebar_row_lines(inner: u16) -> u16 {
    if inner >= SPARKLINE_LINES + 3 {
        inner - SPARKLINE_LINES
    } else {
        inner
    }
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
