//! Flow tests of counts that come from the background counter threads, as in `kiosk` itself:
//! a list whose count needs a scan shows its rows at once, "counting…" in its title, then the
//! exact count when the counter thread answers.

#[path = "support/fixtures.rs"]
mod fixtures;

use std::time::{Duration, Instant};

use fixtures::Harness;
use kiosk::app::Overlay;
use kiosk::config::Config;
use kiosk::runtime::{self, Counter};
use kiosk::store::{CountryRow, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// `n` articles: even ones about Niger, every third about Mali (every sixth about both).
fn store_of(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kiosk.db");
    let articles: Vec<_> = (1..=n).map(fixtures::article).collect();
    fixtures::import(&path, &articles);
    let mut store = Store::open(&path).expect("open store");
    let writer = store.writer().expect("writer");
    for id in 1..=i64::try_from(n).expect("small") {
        let countries: Vec<CountryRow> = [("NE", id % 2 == 0), ("ML", id % 3 == 0)]
            .into_iter()
            .filter(|(_, about)| *about)
            .map(|(code, _)| CountryRow {
                code: code.into(),
                score: 0.9,
                mentions: 3,
                about: true,
            })
            .collect();
        writer
            .set_analysis(id, 1, "{}", &countries, &[])
            .expect("analysis");
    }
    writer.commit().expect("commit");
    (dir, path)
}

/// The app over the store at `path` with its counter threads, as `kiosk` runs it.
fn with_counter(dir: tempfile::TempDir, path: std::path::PathBuf) -> Harness {
    let store = Store::open(&path).expect("open store");
    let counter = Counter::over_store(&path);
    let system = fixtures::Recorder::default();
    let (state, env) = runtime::start(
        Box::new(store),
        Box::new(system.clone()),
        &Config::default(),
        (140, 40),
        false,
        Some(counter),
    )
    .expect("start");
    let mut h = Harness {
        state,
        env,
        system,
        path,
        dir,
    };
    settle(&mut h);
    h
}

/// Applies the counter threads' answers until none is due (or 20 s pass).
fn settle(h: &mut Harness) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let counter = h.env.counter.as_mut().expect("a counter");
        let answers = counter.try_recv();
        if answers.is_empty() {
            if !counter.is_waiting() || Instant::now() > deadline {
                return;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        for answer in answers {
            runtime::dispatch(&mut h.state, &mut h.env, Some(answer));
        }
    }
}

/// The list pane's title as drawn.
fn list_title(h: &Harness) -> String {
    let mut terminal = Terminal::new(TestBackend::new(140, 40)).expect("terminal");
    terminal
        .draw(|frame| kiosk::ui::render(&h.state, frame))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    let line: String = (0..70).map(|x| buffer[(x, 0)].symbol()).collect();
    let start = line.find("Articles").expect("list title");
    let end = start + line[start..].find(')').expect("closing parenthesis");
    line[start..=end].to_string()
}

/// `c`, Niger and Mali marked, Enter: the two-country list the issue times.
fn pick_niger_and_mali(h: &mut Harness) {
    h.press("c");
    settle(h);
    assert!(matches!(&h.state.overlay, Some(Overlay::Picker(p)) if !p.loading));
    h.press("n i g e r <tab> m a l i <tab> <enter>");
    assert_eq!(h.state.chips(), ["country:NE OR country:ML"]);
}

#[test]
fn two_countries_list_their_rows_at_once_and_the_exact_count_when_it_comes() {
    let (dir, path) = store_of(600);
    let mut h = with_counter(dir, path);
    assert_eq!(h.state.list.total, 600);
    assert_eq!(list_title(&h), "Articles (600)");
    pick_niger_and_mali(&mut h);
    // The rows are there before any count: the newest article about either country first.
    assert!(h.state.list.counting);
    assert_eq!(list_title(&h), "Articles (counting…)");
    assert_eq!(h.selected_title(), "Article 600");
    let loaded = h.state.list.rows.len() as u64;
    assert!(loaded > 0 && h.state.list.total == loaded, "{loaded}");
    // Moving stays within the loaded rows until the count is known.
    h.press("G");
    assert_eq!(h.state.list.selected, loaded - 1);
    settle(&mut h);
    // 300 about Niger + 200 about Mali - 100 about both.
    let cli = h.cli_ids("country:NE OR country:ML");
    assert_eq!(cli.len(), 400);
    assert!(!h.state.list.counting);
    assert_eq!(h.state.list.total, 400);
    assert_eq!(list_title(&h), "Articles (400)");
    h.press("G");
    assert_eq!(h.state.list.selected, 399);
    assert_eq!(h.listed_ids(), cli);
}

#[test]
fn a_count_the_totals_answer_or_a_short_list_is_shown_at_once() {
    let (dir, path) = store_of(600);
    let mut h = with_counter(dir, path);
    h.press("c");
    settle(&mut h);
    h.press("m a l i <enter>");
    assert_eq!(h.state.chips(), ["country:ML"]);
    assert!(!h.state.list.counting);
    assert_eq!(h.state.list.total, 200);
    // Fewer matches than a window: the window is the whole list, counted as it loads.
    h.press("<esc> /country:NE<space>OR<space>country:ML<space>since:2025-08-01<enter>");
    assert!(!h.state.list.counting);
    let cli = h.cli_ids("country:NE OR country:ML since:2025-08-01");
    assert!(!cli.is_empty() && cli.len() < 100, "{}", cli.len());
    assert_eq!(h.state.list.total, cli.len() as u64);
    assert_eq!(list_title(&h), format!("Articles ({})", cli.len()));
}

#[test]
fn a_count_for_a_filter_already_left_is_dropped() {
    let (dir, path) = store_of(600);
    let mut h = with_counter(dir, path);
    pick_niger_and_mali(&mut h);
    assert!(h.state.list.counting);
    h.press("<esc>");
    assert!(h.state.filters.is_empty());
    assert!(!h.state.list.counting);
    settle(&mut h);
    assert_eq!(h.state.list.total, 600);
    assert_eq!(list_title(&h), "Articles (600)");
}
