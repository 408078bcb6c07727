//! Flow tests: key strings through `runtime::step` against a temp store, asserting on the state
//! and on what reached the store.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::{Harness, analyse, article, import};
use kiosk::app::{Focus, Overlay};
use kiosk::runtime::{self, Library};

#[test]
fn starts_newest_first_with_the_sidebar_counts() {
    let h = Harness::new(20, 120, 30);
    assert_eq!(h.state.list.total, 20);
    assert_eq!(h.selected_title(), "Article 20");
    assert_eq!(h.state.sidebar.title, "Entities");
    assert_eq!(h.state.sidebar.sections[0].rows[0].count, Some(20));
    let status = h.state.status.clone().expect("first-start hint");
    assert!(status.text.contains("kiosk import"), "{}", status.text);
}

#[test]
fn j_j_enter_opens_the_third_article_and_marks_it_read() {
    let mut h = Harness::new(20, 120, 30);
    h.press("j j <enter>");
    assert_eq!(h.open_title().as_deref(), Some("Article 18"));
    assert_eq!(h.state.focus, Focus::Reader);
    let id = h.state.list.selected_id().expect("selected");
    assert!(h.store().load(id).expect("load").summary.read);
    assert!(h.state.list.selected_row().expect("row").read);
    assert_eq!(h.state.sidebar.title, "Article");
}

#[test]
fn big_lists_load_only_a_window() {
    let mut h = Harness::new(400, 100, 24);
    assert!(
        h.state.list.rows.len() <= 3 * 21,
        "{}",
        h.state.list.rows.len()
    );
    h.press("G");
    assert_eq!(h.selected_title(), "Article 1");
    assert!(h.state.list.viewport_loaded());
    h.press("g <pagedown> <pagedown>");
    assert_eq!(h.state.list.selected, 42);
    assert_eq!(h.selected_title(), "Article 358");
    h.press("<ctrl-u>");
    assert_eq!(h.state.list.selected, 32);
}

#[test]
fn the_query_line_filters_and_esc_removes_the_filter() {
    let mut h = Harness::new(20, 120, 30);
    h.press("/lang:fr<enter>");
    assert_eq!(h.state.chips(), ["lang:fr"]);
    assert_eq!(h.state.list.total, 10);
    assert!(h.state.overlay.is_none());
    h.press("/niamey<enter>");
    assert_eq!(h.state.chips(), ["lang:fr", "niamey"]);
    h.press("<esc>");
    assert_eq!(h.state.chips(), ["lang:fr"]);
    h.press("<esc>");
    assert_eq!(h.state.list.total, 20);
}

#[test]
fn a_bad_query_keeps_the_filters_and_says_why() {
    let mut h = Harness::new(5, 120, 30);
    h.press("/foo:bar<enter>");
    assert!(h.state.filters.is_empty());
    let status = h.state.status.clone().expect("status");
    assert!(status.is_error);
    assert!(status.text.contains("column 1"), "{}", status.text);
    // The line stays open holding the text at fault, shown beside the error.
    assert!(matches!(h.state.prompt(), Some(prompt) if prompt.input == "foo:bar"));
}

#[test]
fn the_prompt_edits_and_cancels() {
    let mut h = Harness::new(5, 120, 30);
    h.press("/abc<backspace>");
    assert!(
        matches!(h.state.prompt(), Some(prompt) if prompt.input == "ab" && !prompt.is_command())
    );
    h.press("<esc>");
    assert!(h.state.overlay.is_none() && h.state.filters.is_empty());
}

#[test]
fn star_and_read_toggles_reach_the_store() {
    let mut h = Harness::new(5, 120, 30);
    let id = h.state.list.selected_id().expect("selected");
    h.press("s r");
    let stored = h.store().load(id).expect("load").summary;
    assert!(stored.starred && stored.read);
    h.press("s r");
    let stored = h.store().load(id).expect("load").summary;
    assert!(!stored.starred && !stored.read);
}

#[test]
fn unread_only_hides_what_was_read() {
    let mut h = Harness::new(6, 120, 30);
    h.press("<enter> 1 u");
    assert_eq!(h.state.chips(), ["is:unread"]);
    assert_eq!(h.state.list.total, 5);
    h.press("u");
    assert_eq!(h.state.list.total, 6);
}

#[test]
fn enter_on_a_sidebar_row_filters_the_list() {
    let mut h = Harness::new(20, 120, 30);
    // Rows: Articles, Unread, then the languages.
    h.press("3 j j");
    assert_eq!(h.state.focus, Focus::Entities);
    let term = h
        .state
        .sidebar
        .selected_row()
        .and_then(|row| row.term.clone());
    h.press("<enter>");
    assert_eq!(h.state.filters, [term.expect("a filter row")]);
    assert_eq!(h.state.list.total, 10);
}

#[test]
fn shift_j_and_k_open_neighbours_from_the_reader() {
    let mut h = Harness::new(10, 120, 30);
    h.press("<enter> J J");
    assert_eq!(h.open_title().as_deref(), Some("Article 8"));
    h.press("K");
    assert_eq!(h.open_title().as_deref(), Some("Article 9"));
    h.press("h");
    assert_eq!((h.state.focus, h.open_title()), (Focus::List, None));
}

#[test]
fn reader_scrolls_and_jumps_to_search_hits() {
    let mut h = Harness::new(3, 100, 10);
    h.press("/niamey<enter> <enter>");
    assert!(!h.state.reader.hits.is_empty());
    h.press("n");
    assert_eq!(
        h.state.reader.scroll,
        h.state.reader.hits[0].min(h.state.reader.max_scroll())
    );
    h.press("g j");
    assert_eq!(h.state.reader.scroll, 1.min(h.state.reader.max_scroll()));
}

#[test]
fn another_process_importing_is_picked_up_keeping_the_selection() {
    let mut h = Harness::new(5, 120, 30);
    h.press("j j");
    let selected = h.state.list.selected_id();
    assert_eq!(h.env.poll_changes(), None);
    import(&h.path, &[article(50)]);
    let refresh = h.env.poll_changes();
    assert!(refresh.is_some());
    runtime::dispatch(&mut h.state, &mut h.env, refresh);
    assert_eq!(h.state.list.total, 6);
    assert_eq!(h.state.list.selected_id(), selected);
    assert_eq!(h.state.list.selected, 3);
}

#[test]
fn the_filter_and_selection_come_back_on_the_next_start() {
    let mut h = Harness::new(10, 120, 30);
    h.press("/lang:en<enter> j q");
    assert!(h.state.should_quit);
    let selected = h.selected_title();
    let (dir, path) = (h.dir, h.path);
    let h = Harness::open(dir, path, 120, 30);
    assert_eq!(h.state.chips(), ["lang:en"]);
    // The fixture articles were stored without analysis, so the reader says how to add it.
    let status = h.state.status.clone().expect("the stale-analysis notice");
    assert!(
        !status.text.contains("kiosk import"),
        "the welcome shows on the first start only"
    );
    assert!(
        status.text.starts_with("10 articles have no analysis"),
        "{}",
        status.text
    );
    assert_eq!(h.selected_title(), selected);
}

#[test]
fn urls_open_and_copy_through_the_system() {
    let mut h = Harness::new(3, 120, 30);
    h.press("o y");
    let calls = h.system.0.borrow().clone();
    assert_eq!(
        calls,
        ["open https://example.org/3", "copy https://example.org/3"]
    );
}

#[test]
fn sort_cycles_and_keeps_the_selected_article() {
    let mut h = Harness::new(6, 120, 30);
    h.press("j");
    let id = h.state.list.selected_id();
    h.press("S");
    assert_eq!(h.state.sort.order, kiosk::store::SortOrder::Source);
    assert_eq!(h.state.list.selected_id(), id);
    h.press("S S");
    assert_eq!(h.state.sort.order, kiosk::store::SortOrder::Date);
}

#[test]
fn help_overlay_takes_keys_first() {
    let mut h = Harness::new(3, 120, 30);
    h.press("?");
    assert!(matches!(h.state.overlay, Some(Overlay::Help { .. })));
    h.press("q");
    assert!(h.state.overlay.is_none());
    assert!(!h.state.should_quit);
}

#[test]
fn narrow_terminals_cycle_through_list_reader_and_sidebar() {
    let mut h = Harness::new(3, 40, 12);
    h.press("<tab>");
    assert_eq!(h.state.focus, Focus::Reader);
    h.press("<tab>");
    assert_eq!(h.state.focus, Focus::Entities);
    assert_eq!(h.state.panes().sidebar.map(|r| r.width), Some(40));
    h.press("<tab>");
    assert_eq!(h.state.focus, Focus::List);
    h.press("3");
    assert_eq!(h.state.focus, Focus::Entities);
}

#[test]
fn hiding_the_sidebar_moves_focus_away_from_it() {
    let mut h = Harness::new(3, 120, 30);
    h.press("3 e");
    assert_eq!(h.state.focus, Focus::List);
    assert!(!h.state.sidebar_visible);
    assert!(h.state.panes().sidebar.is_none());
}

#[test]
fn mouse_wheel_and_click_move_the_list() {
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut h = Harness::new(30, 120, 12);
    let mouse = |kind, row| {
        Event::Mouse(MouseEvent {
            kind,
            column: 5,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    runtime::step(
        &mut h.state,
        &mut h.env,
        &mouse(MouseEventKind::ScrollDown, 3),
    );
    assert_eq!(h.state.list.offset, 3);
    runtime::step(
        &mut h.state,
        &mut h.env,
        &mouse(MouseEventKind::Down(MouseButton::Left), 2),
    );
    assert_eq!(h.state.list.selected, 4);
}

#[test]
fn the_store_library_counts_like_the_store() {
    let h = Harness::new(4, 120, 30);
    let store = h.store();
    let french = kiosk::query::Query::parse("lang:fr").expect("query");
    assert_eq!(Library::count(&store, &french).expect("count"), 2);
}

#[test]
fn analysed_entities_fill_the_sidebar_and_filter_the_list() {
    let mut h = Harness::new(6, 120, 30);
    let first = h.state.list.selected_id().expect("selected");
    analyse(&h.path, first, "NE", "Niger", "Abdourahamane Tiani");
    analyse(&h.path, first - 1, "NE", "Niger", "Someone Else");
    h.press("R");
    let titles: Vec<_> = h
        .state
        .sidebar
        .sections
        .iter()
        .map(|s| s.title.clone())
        .collect();
    assert_eq!(
        titles,
        ["List", "Countries", "People", "Languages", "Sources"]
    );
    assert_eq!(h.state.sidebar.sections[1].rows[0].count, Some(2));
    h.press("<enter>");
    let people = h
        .state
        .sidebar
        .sections
        .iter()
        .find(|s| s.title == "People")
        .expect("people");
    assert_eq!(people.rows[0].label, "Abdourahamane Tiani");
    let countries = h
        .state
        .sidebar
        .sections
        .iter()
        .find(|s| s.title == "Countries")
        .expect("countries");
    assert_eq!(countries.rows[0].label, "NE Niger");
    // About rows, then the country, then the person: select the person and filter by them.
    let about = h.state.sidebar.sections[0].rows.len();
    // Tab, not 3: in the reader the digits open the article's links.
    h.press("<tab>");
    for _ in 0..about + 1 {
        h.press("j");
    }
    h.press("<enter>");
    assert_eq!(h.state.chips(), ["person:\"Abdourahamane Tiani\""]);
    assert_eq!(h.state.list.total, 1);
    assert!(h.state.reader.article.is_none());
}

#[test]
fn counts_from_the_background_thread_reach_the_sidebar() {
    let mut h = Harness::new(20, 120, 30);
    let path = h.path.clone();
    h.env.counter = Some(runtime::Counter::over_store(&path));
    h.press("/lang:fr<enter>");
    assert_eq!(h.state.list.total, 10);
    assert_eq!(h.state.counts.total, 20, "counts arrive later");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let counter = h.env.counter.as_mut().expect("counter");
    let answers = loop {
        let answers = counter.try_recv();
        if !answers.is_empty() {
            break answers;
        }
        assert!(std::time::Instant::now() < deadline, "no counts in time");
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    assert!(!h.env.counter.as_ref().expect("counter").is_waiting());
    for answer in answers {
        runtime::dispatch(&mut h.state, &mut h.env, Some(answer));
    }
    assert_eq!(h.state.counts.total, 10);
    assert_eq!(h.state.sidebar.sections[0].rows[0].count, Some(10));
}

#[test]
fn capital_f_fetches_feeds_in_the_background_and_reports_progress() {
    let mut h = Harness::new(5, 120, 30);
    h.env.feed_fetcher = Some(Box::new(|| {
        let (sender, receiver) = std::sync::mpsc::channel();
        for line in [
            "fetching feeds 1/2: 3 new",
            "fetched 2 feeds: 3 new articles",
        ] {
            sender
                .send(kiosk::app::Action::Info(line.into()))
                .expect("send");
        }
        receiver
    }));
    h.press("F");
    assert_eq!(
        h.state.status.as_ref().map(|s| s.text.as_str()),
        Some("fetching feeds…")
    );
    assert!(h.env.is_fetching());
    h.press("F");
    assert_eq!(
        h.state.status.as_ref().map(|s| s.text.as_str()),
        Some("feeds are already being fetched"),
        "one fetch at a time"
    );
    for action in h.env.poll_fetch() {
        runtime::dispatch(&mut h.state, &mut h.env, Some(action));
    }
    assert_eq!(
        h.state.status.as_ref().map(|s| s.text.as_str()),
        Some("fetched 2 feeds: 3 new articles")
    );
    assert!(h.env.poll_fetch().is_empty());
    assert!(
        !h.env.is_fetching(),
        "the finished thread's channel closes the fetch"
    );
    h.press("j");
    assert_eq!(h.state.list.selected, 1, "keys keep working");
}

#[test]
fn narrowing_keeps_a_visible_selection_and_widening_keeps_any() {
    let mut h = Harness::new(400, 100, 24);
    h.press("j j");
    assert_eq!(h.selected_title(), "Article 398");
    h.press("/lang:fr<enter>");
    assert_eq!(
        h.selected_title(),
        "Article 398",
        "still in the first window"
    );
    h.press("G");
    assert_eq!(h.selected_title(), "Article 2");
    h.press("<esc>");
    assert_eq!(
        h.selected_title(),
        "Article 2",
        "widening finds it however deep"
    );
    assert_eq!(h.state.list.selected, 398);
    h.press("/source:VOA<enter>");
    assert_eq!(h.state.list.selected, 0, "narrowing jumps to the top");
    assert_eq!(h.selected_title(), "Article 399");
}

#[test]
fn or_between_words_is_not_highlighted_as_a_word() {
    // Issue 16: with `niger OR mali` the reader highlighted every "or" and `n` stopped on
    // nearly every line.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kiosk.db");
    let mut sahel = article(1);
    sahel.title = "Sahel".into();
    sahel.body = "Niger votes.\n\nFor the record, a story of sorts.\n\nMali borders it.".into();
    import(&path, &[sahel]);
    let mut h = fixtures::Harness::open(dir, path, 120, 30);
    h.press("/ n i g e r <space> O R <space> m a l i <enter> <enter>");
    assert_eq!(h.open_title().as_deref(), Some("Sahel"));
    assert_eq!(h.state.reader.terms, ["niger", "mali"]);
    let hits: Vec<&str> = h
        .state
        .reader
        .hits
        .iter()
        .map(|&line| h.state.reader.lines[line].text.as_str())
        .collect();
    assert_eq!(hits, ["Niger votes.", "Mali borders it."]);
}
