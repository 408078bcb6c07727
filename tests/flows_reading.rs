//! Flow tests of reading housekeeping (issue 17): `q` going back and `Q` quitting, `A` marking
//! the filter read (asking first when it is more than a screenful), `n`/`N` to the next and
//! previous unread article, against a temp store through `runtime::step`.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::Harness;
use kiosk::app::{Focus, Overlay};
use kiosk::query::Query;

fn unread(h: &Harness, query: &str) -> u64 {
    let query = Query::parse(&format!("is:unread {query}")).expect("query");
    h.store().count(&query).expect("count")
}

#[test]
fn q_in_the_reader_goes_back_to_the_list_and_q_on_the_list_quits() {
    let mut h = Harness::new(5, 80, 24);
    h.press("j <enter>");
    assert_eq!(h.state.focus, Focus::Reader);
    h.press("q");
    assert_eq!(h.state.focus, Focus::List);
    assert!(h.state.reader.article.is_none() && !h.state.should_quit);
    assert_eq!(h.selected_title(), "Article 4");
    h.press("q");
    assert!(h.state.should_quit);
}

#[test]
fn q_closes_the_help_and_the_sidebar_and_capital_q_quits_from_anywhere() {
    let mut h = Harness::new(5, 120, 30);
    h.press("? q");
    assert!(h.state.overlay.is_none() && !h.state.should_quit);
    h.press("3 q");
    assert_eq!(h.state.focus, Focus::List);
    assert!(!h.state.should_quit);
    h.press("<enter> ? Q");
    assert!(h.state.should_quit);
    let mut h = Harness::new(5, 120, 30);
    h.press("<enter> Q");
    assert!(h.state.should_quit);
}

#[test]
fn back_and_quit_are_configurable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kiosk.db");
    fixtures::import(&path, &[fixtures::article(1), fixtures::article(2)]);
    let config = kiosk::config::Config::parse("[keys.global]\nx = \"back\"\nq = \"quit\"\n")
        .expect("config");
    let mut h = Harness::open_with(dir, path, 80, 24, &config);
    h.press("<enter> x");
    assert_eq!(h.state.focus, Focus::List);
    h.press("<enter> q");
    assert!(h.state.should_quit);
}

#[test]
fn a_marks_a_short_list_read_at_once() {
    let mut h = Harness::new(6, 120, 30);
    h.press("/lang:fr<enter> A");
    assert!(h.state.overlay.is_none());
    assert_eq!(unread(&h, "lang:fr"), 0);
    assert_eq!(unread(&h, "lang:en"), 3);
    let status = h.state.status.clone().expect("status").text;
    assert_eq!(status, "3 articles marked read");
    assert!(h.state.list.rows.iter().all(|row| row.read));
}

#[test]
fn a_asks_with_the_count_when_the_list_is_longer_than_the_screen() {
    let mut h = Harness::new(60, 80, 24);
    h.press("/lang:fr<enter> A");
    let Some(Overlay::Confirm { question, .. }) = h.state.overlay.clone() else {
        panic!("a question, not {:?}", h.state.overlay);
    };
    assert!(question.contains("all 30 articles"), "{question}");
    h.press("n");
    assert!(h.state.overlay.is_none());
    assert_eq!(unread(&h, "lang:fr"), 30, "any key but y cancels");
    assert!(
        h.state
            .status
            .clone()
            .expect("status")
            .text
            .contains("cancelled")
    );
    h.press("A y");
    assert_eq!(unread(&h, "lang:fr"), 0);
    assert_eq!(unread(&h, "lang:en"), 30);
    assert_eq!(
        h.state.status.clone().expect("status").text,
        "30 articles marked read"
    );
}

#[test]
fn n_and_capital_n_step_between_unread_articles_on_the_list() {
    let mut h = Harness::new(10, 120, 30);
    // Rows 1 and 2 (Articles 9 and 8) read.
    h.press("j r j r g");
    h.press("n");
    assert_eq!(h.selected_title(), "Article 7");
    h.press("N");
    assert_eq!(h.selected_title(), "Article 10");
    h.press("N");
    assert_eq!(h.selected_title(), "Article 10");
    assert_eq!(
        h.state.status.clone().expect("status").text,
        "no unread article above"
    );
    h.press("p G n");
    assert_eq!(
        h.state.status.clone().expect("status").text,
        "no unread article below"
    );
}

#[test]
fn n_finds_an_unread_article_past_the_loaded_rows_and_opens_it_from_the_reader() {
    let mut h = Harness::new(400, 100, 24);
    h.press("A y");
    assert_eq!(unread(&h, ""), 0);
    // Article 1, the oldest, is the last row: far past the rows the list holds.
    let last = *h.listed_ids().last().expect("ids");
    h.store().set_read(last, false).expect("unread");
    h.press("R g");
    assert!(h.state.list.rows.len() < 400);
    h.press("n");
    assert_eq!(h.state.list.selected, 399);
    assert_eq!(h.selected_title(), "Article 1");
    h.press("g <enter>");
    h.env.keymap.reader.insert(
        kiosk::keymap::parse_keys("<ctrl-n>").expect("key")[0],
        kiosk::app::Action::NextUnread,
    );
    h.press("<ctrl-n>");
    assert_eq!(h.open_title().as_deref(), Some("Article 1"));
}

#[test]
fn below_140_columns_m_shows_the_map_in_the_list_s_place_and_q_closes_it() {
    let mut h = Harness::new(5, 100, 30);
    h.press("m");
    assert!(h.state.show_map && h.state.focus == Focus::Reader);
    assert!(h.state.panes().list.is_none());
    h.press("q");
    assert!(!h.state.show_map && h.state.focus == Focus::List && !h.state.should_quit);
}

#[test]
fn capital_u_undoes_read_and_star_changes_in_the_store_several_deep() {
    let mut h = Harness::new(5, 120, 30);
    let id = h.state.list.selected_id().expect("selected");
    h.press("s r");
    h.press("U");
    let stored = h.store().load(id).expect("load").summary;
    assert!(
        stored.starred && !stored.read,
        "the read change is undone first"
    );
    assert_eq!(
        h.state.status.clone().expect("status").text,
        "undone: article unread again"
    );
    h.press("U");
    assert!(!h.store().load(id).expect("load").summary.starred);
    h.press("U");
    assert_eq!(
        h.state.status.clone().expect("status").text,
        "nothing to undo"
    );
    // Opening an unread article marks it read: U takes that back too.
    h.press("<enter> U");
    assert!(!h.store().load(id).expect("load").summary.read);
    assert!(!h.state.list.selected_row().expect("row").read);
}

#[test]
fn capital_u_undoes_mark_all_read_and_filter_changes() {
    let mut h = Harness::new(6, 120, 30);
    h.press("/lang:fr<enter> A");
    assert_eq!(unread(&h, ""), 3);
    h.press("U");
    assert_eq!(unread(&h, ""), 6);
    assert!(h.state.list.rows.iter().all(|row| !row.read));
    h.press("/niamey<enter>");
    assert_eq!(chips(&h), ["lang:fr", "niamey"]);
    h.press("U");
    assert_eq!(chips(&h), ["lang:fr"]);
    h.press("U");
    assert!(h.state.filters.is_empty());
    assert_eq!(h.state.list.total, 6);
    assert_eq!(
        h.state.status.clone().expect("status").text,
        "undone: back to no filter"
    );
    h.press("U");
    assert_eq!(
        h.state.status.clone().expect("status").text,
        "nothing to undo"
    );
}

/// The filter chips as the prompt shows them.
fn chips(h: &Harness) -> Vec<String> {
    h.state.filters.iter().map(ToString::to_string).collect()
}
