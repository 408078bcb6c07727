//! Where each pane goes for a terminal size, and the sidebar's row lines: arithmetic the state
//! needs to page and hit-test, which `ui` draws by. Pure; imports nothing above `app`.

use ratatui::layout::{Constraint, Layout, Rect};

use super::Focus;
use crate::config::LayoutConfig;

/// From this width the list, the reader and the sidebar sit side by side. Below it the list
/// takes the width while no article is open and the reader takes it over when one opens, as
/// neomutt's index and pager do, with the sidebar beside them: at 120 columns three panes left
/// the titles 14 columns, one main pane leaves them 54.
pub const SPLIT_MIN_WIDTH: u16 = 140;
/// Below this width one pane shows at a time: the list, the reader, or the sidebar (`e`).
pub const SIDEBAR_MIN_WIDTH: u16 = 100;
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

/// Splits `area` into panes for the configured widths, degrading on narrow terminals;
/// `reading` says an article is open (the reader, not the list, goes beside a focused sidebar).
pub fn layout(
    area: Rect,
    config: &LayoutConfig,
    sidebar_visible: bool,
    focus: Focus,
    reading: bool,
) -> Panes {
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
    let shows_reader = focus == Focus::Reader || (focus == Focus::Entities && reading);
    if area.width < SIDEBAR_MIN_WIDTH {
        match focus {
            Focus::Reader => panes.reader = Some(body),
            Focus::List => panes.list = Some(body),
            Focus::Entities => panes.sidebar = Some(body),
        }
        return panes;
    }
    let sidebar_width = if sidebar_visible {
        config.sidebar_columns.clamp(10, area.width / 3)
    } else {
        0
    };
    let [main, sidebar] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(sidebar_width)]).areas(body);
    panes.sidebar = sidebar_visible.then_some(sidebar);
    if area.width < SPLIT_MIN_WIDTH {
        if shows_reader {
            panes.reader = Some(main);
        } else {
            panes.list = Some(main);
        }
        return panes;
    }
    let percent = config.list_percent.clamp(10, 90);
    let [list, reader] = Layout::horizontal([
        Constraint::Percentage(percent),
        Constraint::Percentage(100 - percent),
    ])
    .areas(main);
    panes.list = Some(list);
    panes.reader = Some(reader);
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
            false,
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
    fn below_120_columns_the_list_or_the_reader_takes_the_width() {
        let list = panes(110, 30, Focus::List);
        let sidebar = list.sidebar.expect("sidebar beside the list");
        assert_eq!(list.list.map(|r| (r.x, r.right())), Some((0, sidebar.x)));
        assert!(list.reader.is_none());
        let reader = panes(110, 30, Focus::Reader);
        assert_eq!(reader.reader.map(|r| r.width), Some(110 - 28));
        assert!(reader.list.is_none());
        let reading = |focus| {
            let area = Rect::new(0, 0, 110, 30);
            layout(area, &LayoutConfig::default(), true, focus, true)
        };
        assert!(reading(Focus::Entities).reader.is_some());
        assert!(panes(110, 30, Focus::Entities).list.is_some());
        let hidden = layout(
            Rect::new(0, 0, 160, 40),
            &LayoutConfig::default(),
            false,
            Focus::List,
            false,
        );
        assert!(hidden.sidebar.is_none());
    }

    #[test]
    fn below_100_columns_the_sidebar_takes_the_place_of_the_list() {
        let list = panes(99, 30, Focus::List);
        assert_eq!(list.list.map(|r| r.width), Some(99));
        assert!(list.sidebar.is_none() && list.reader.is_none());
        let sidebar = panes(80, 24, Focus::Entities);
        assert_eq!(sidebar.sidebar.map(|r| r.width), Some(80));
        assert!(sidebar.list.is_none());
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
