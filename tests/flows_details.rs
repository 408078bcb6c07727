//! Flow tests of issue 17's sidebar and reader details on a real temp store: hit counts that
//! wrap, the sidebar's cursor, the reversed sort and what the next start restores.

#[path = "support/details.rs"]
mod details;
#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::Harness;
use kiosk::app::Focus;
use kiosk::store::{Direction, SortOrder};

fn niger_harness(paragraphs: usize) -> Harness {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kiosk.db");
    details::store_niger(&path, &details::niger(paragraphs));
    Harness::open(dir, path, 100, 24)
}

#[test]
fn n_counts_hits_and_wraps_round_like_vim() {
    let mut h = niger_harness(41);
    h.press("/uranium<enter> <enter>");
    assert_eq!(h.state.focus, Focus::Reader);
    // The title holds one hit, then one per paragraph after the first.
    let hits = h.state.reader.hits.len();
    assert_eq!(hits, 41);
    h.press("n n n");
    assert_eq!(h.status_text(), "hit 3/41");
    h.press("N N N");
    assert_eq!(h.status_text(), "hit 41/41 · search wrapped");
    h.press("n");
    assert_eq!(h.status_text(), "hit 1/41 · search wrapped");
}

#[test]
fn the_sidebar_cursor_starts_on_a_row_that_filters() {
    let mut h = niger_harness(3);
    h.press("<enter>");
    let row = h.state.sidebar.selected_row().expect("a row");
    assert!(row.term.is_some(), "{}", row.label);
    let titles: Vec<&str> = h
        .state
        .sidebar
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert!(
        titles.contains(&"Countries") && titles.contains(&"Mentioned"),
        "{titles:?}"
    );
    let labels: Vec<&str> = h
        .state
        .sidebar
        .sections
        .iter()
        .flat_map(|s| &s.rows)
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(
        labels.iter().filter(|l| l.starts_with("NE ")).count(),
        1,
        "{labels:?}"
    );
}

#[test]
fn o_reverses_the_list_and_the_cli_agrees() {
    let mut h = Harness::new(6, 100, 24);
    let newest_first = h.listed_ids();
    h.press("O");
    assert_eq!(h.state.sort.direction, Direction::Reverse);
    let mut oldest_first = h.listed_ids();
    assert_eq!(
        h.selected_title(),
        "Article 6",
        "the selection stays on its article"
    );
    oldest_first.reverse();
    assert_eq!(oldest_first, newest_first);
    h.press("S S");
    assert_eq!(h.state.sort.order, SortOrder::Title);
    assert_eq!(h.state.sort.direction, Direction::Reverse);
}

#[test]
fn the_open_article_its_scroll_and_the_sort_come_back_on_the_next_start() {
    let mut h = niger_harness(60);
    h.press("S S O <enter> j j j j j");
    let scroll = h.state.reader.scroll;
    assert_eq!(scroll, 5);
    let title = h.open_title();
    h.press("Q");
    assert!(h.state.should_quit);
    let Harness { dir, path, .. } = h;
    let again = Harness::open(dir, path, 100, 24);
    assert_eq!(again.state.sort.order, SortOrder::Title);
    assert_eq!(again.state.sort.direction, Direction::Reverse);
    assert_eq!(again.open_title(), title);
    assert_eq!(again.state.reader.scroll, scroll);
    assert_eq!(again.state.focus, Focus::Reader);
}

#[test]
fn a_closed_article_is_not_reopened() {
    let mut h = niger_harness(3);
    h.press("<enter> h Q");
    let Harness { dir, path, .. } = h;
    let again = Harness::open(dir, path, 100, 24);
    assert_eq!(again.open_title(), None);
    assert_eq!(again.state.focus, Focus::List);
}
