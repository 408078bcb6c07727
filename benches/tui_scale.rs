//! The TUI's filter path over the generated million-article store, without a terminal: keys go
//! through `runtime::step` exactly as in `kiosk`, sidebar and picker counts come from the
//! background counter threads, and each frame is drawn on a 160×48 `TestBackend`.
//! Times: a key to its frame drawn (filter applied or removed), and a key to the picker's counts
//! (or the `]` step) shown. Prints medians.
//! Run: `cargo bench --bench tui_scale` (needs `target/bench-store-1000000.db`, which
//! `cargo bench --bench store_scale` generates).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kiosk::app::{AppState, Overlay};
use kiosk::config::Config;
use kiosk::keymap::parse_keys;
use kiosk::runtime::{self, Counter, Env, System};
use kiosk::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Opens no browser and copies nothing.
struct Quiet;

impl System for Quiet {
    fn open_url(&mut self, _: &str) -> Result<(), String> {
        Ok(())
    }
    fn copy(&mut self, _: &str) -> Result<(), String> {
        Ok(())
    }
}

fn press(state: &mut AppState, env: &mut Env, keys: &str) {
    for key in parse_keys(keys).expect("keys") {
        runtime::step(state, env, &key.event());
    }
}

fn draw(terminal: &mut Terminal<TestBackend>, state: &AppState) {
    terminal
        .draw(|frame| kiosk::ui::render(state, frame))
        .expect("draw");
}

/// Dispatches background answers until `done` holds (or 30 s pass).
fn wait(state: &mut AppState, env: &mut Env, done: impl Fn(&AppState, &Env) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done(state, env) && Instant::now() < deadline {
        let answers = env
            .counter
            .as_mut()
            .map(Counter::try_recv)
            .unwrap_or_default();
        if answers.is_empty() {
            std::thread::sleep(Duration::from_micros(200));
        }
        for answer in answers {
            runtime::dispatch(state, env, Some(answer));
        }
    }
}

fn idle(state: &mut AppState, env: &mut Env) {
    wait(state, env, |_, env| {
        !env.counter.as_ref().is_some_and(Counter::is_waiting)
    });
}

fn picker_loading(state: &AppState, _: &Env) -> bool {
    matches!(&state.overlay, Some(Overlay::Picker(p)) if p.loading)
}

/// `c`, then `niger` and Enter: how long until the picker showed its counts, and how long
/// Enter took to apply the country and draw the frame.
fn pick_niger(
    state: &mut AppState,
    env: &mut Env,
    terminal: &mut Terminal<TestBackend>,
) -> (Duration, Duration) {
    let started = Instant::now();
    press(state, env, "c");
    wait(state, env, |s, e| !picker_loading(s, e));
    draw(terminal, state);
    let shown = started.elapsed();
    press(state, env, "n i g e r");
    let started = Instant::now();
    press(state, env, "<enter>");
    draw(terminal, state);
    (shown, started.elapsed())
}

fn median(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples[samples.len() / 2].as_secs_f64() * 1000.0
}

fn report(label: &str, samples: Vec<Duration>) {
    let runs = samples.len();
    println!(
        "{label:<58} {:>9.2} ms  (median of {runs})",
        median(samples)
    );
}

const RUNS: usize = 11;

fn main() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-store-1000000.db");
    if !path.exists() {
        println!(
            "skipped: {} is missing; run `cargo bench --bench store_scale` first",
            path.display()
        );
        return;
    }
    let store = Store::open(&path).expect("open store");
    let counter = Counter::over_store(&path);
    let (mut state, mut env) = runtime::start(
        Box::new(store),
        Box::new(Quiet),
        &Config::default(),
        (160, 48),
        false,
        Some(counter),
    )
    .expect("start");
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    press(&mut state, &mut env, "X");
    idle(&mut state, &mut env);
    println!("store: {} ({} articles)", path.display(), state.list.total);

    let (mut apply, mut remove, mut picker, mut step) = (vec![], vec![], vec![], vec![]);
    let mut sidebar = vec![];
    for _ in 0..RUNS {
        let (shown, applied) = pick_niger(&mut state, &mut env, &mut terminal);
        picker.push(shown);
        apply.push(applied);
        assert_eq!(state.chips(), ["country:NE"]);
        let started = Instant::now();
        idle(&mut state, &mut env);
        sidebar.push(started.elapsed());
        let started = Instant::now();
        press(&mut state, &mut env, "]");
        wait(&mut state, &mut env, |s, _| s.pending_step.is_none());
        draw(&mut terminal, &state);
        step.push(started.elapsed());
        idle(&mut state, &mut env);
        let started = Instant::now();
        press(&mut state, &mut env, "<esc>");
        draw(&mut terminal, &state);
        remove.push(started.elapsed());
        idle(&mut state, &mut env);
    }
    report("c: picker open with counts (whole archive), drawn", picker);
    report("Enter in picker: country:NE applied, frame drawn", apply);
    report(
        "  then sidebar counts, map and sparkline (background)",
        sidebar,
    );
    report("]: next country applied, frame drawn", step);
    report("Esc: country filter removed, frame drawn", remove);

    let (mut both, mut both_count) = (vec![], vec![]);
    for _ in 0..RUNS {
        press(&mut state, &mut env, "c");
        wait(&mut state, &mut env, |s, e| !picker_loading(s, e));
        press(
            &mut state,
            &mut env,
            "n i g e r <space> <ctrl-u> m a l i <space>",
        );
        let started = Instant::now();
        press(&mut state, &mut env, "<enter>");
        draw(&mut terminal, &state);
        both.push(started.elapsed());
        assert_eq!(state.chips(), ["country:NE OR country:ML"]);
        wait(&mut state, &mut env, |s, _| !s.list.counting);
        draw(&mut terminal, &state);
        both_count.push(started.elapsed());
        idle(&mut state, &mut env);
        press(&mut state, &mut env, "<esc>");
        idle(&mut state, &mut env);
    }
    report("Enter with two marked: NE OR ML applied, frame drawn", both);
    report(
        "  then its count in the list title (background)",
        both_count,
    );

    let (mut picker, mut apply, mut remove, mut sidebar) = (vec![], vec![], vec![], vec![]);
    press(&mut state, &mut env, "/lang:fr<enter>");
    idle(&mut state, &mut env);
    for _ in 0..RUNS {
        let (shown, applied) = pick_niger(&mut state, &mut env, &mut terminal);
        picker.push(shown);
        apply.push(applied);
        let started = Instant::now();
        idle(&mut state, &mut env);
        sidebar.push(started.elapsed());
        let started = Instant::now();
        press(&mut state, &mut env, "<esc>");
        draw(&mut terminal, &state);
        remove.push(started.elapsed());
        idle(&mut state, &mut env);
    }
    report("c within lang:fr: picker counts shown", picker);
    report("Enter: lang:fr + country:NE applied, frame drawn", apply);
    report(
        "  then sidebar counts, map and sparkline (background)",
        sidebar,
    );
    report("Esc: back to lang:fr, frame drawn", remove);

    // Within a full-text word: a typical one (rank 100 of the generated vocabulary, ~2% of the
    // articles), a common one (rank 10, ~17%) and one in 81% of the articles, also with a
    // language.
    for word in ["mot100", "mot10", "sécheresse", "sécheresse lang:fr"] {
        let typed = word.replace(' ', "<space>");
        press(&mut state, &mut env, &format!("X/{typed}<enter>"));
        idle(&mut state, &mut env);
        let (mut picker, mut apply) = (vec![], vec![]);
        for _ in 0..RUNS {
            let (shown, applied) = pick_niger(&mut state, &mut env, &mut terminal);
            picker.push(shown);
            apply.push(applied);
            idle(&mut state, &mut env);
            press(&mut state, &mut env, "<esc>");
            idle(&mut state, &mut env);
        }
        report(&format!("c within '{word}': picker counts shown"), picker);
        report(
            &format!("Enter: {word} + country:NE applied, frame drawn"),
            apply,
        );
    }
    press(&mut state, &mut env, "X");
    idle(&mut state, &mut env);

    // The sidebar's entity lists alone (what the counter thread runs for them, with the copy of
    // the countries), apart from the facets, countries and sparkline computed beside them.
    let store = Store::open(&path).expect("open store");
    store.count_countries_in_memory();
    for text in [
        "",
        "country:NE",
        "country:NE OR country:ML",
        "country:NE lang:fr",
    ] {
        let query = kiosk::query::Query::parse(text).expect("query");
        let samples = (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                store.entity_counts_per_kind(&query, 10).expect("entities");
                started.elapsed()
            })
            .collect();
        report(&format!("sidebar entity counts only: '{text}'"), samples);
    }
}
