//! Render tests of the filtering features: the country picker, filter chips, saved views, the
//! world map and the per-day sparkline, drawn on a `TestBackend` and compared with snapshots.

#[path = "support/archive.rs"]
mod archive;
#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/screen.rs"]
mod screen;

use screen::{press, screen};

use archive::Archive;
use fixtures::Recorder;
use kiosk::app::AppState;
use kiosk::article::{Article, ArticleSummary};
use kiosk::config::Config;
use kiosk::runtime::Env;

/// Articles about a few countries over three weeks of March 2024.
fn library() -> Archive {
    let about = [
        &["NE"][..],
        &["NE", "US"],
        &["NG"],
        &["NE"],
        &["ML", "FR"],
        &["DE"],
        &["NE", "RU"],
        &["NG", "NE"],
        &["FR"],
        &["BR"],
    ];
    let articles = about
        .iter()
        .enumerate()
        .map(|(i, codes)| {
            let id = i64::try_from(i).expect("small") + 1;
            Article {
                summary: ArticleSummary {
                    id,
                    title: format!("Dispatch {id} about {}", codes.join(" and ")),
                    source: Some(if id % 2 == 0 { "RFI" } else { "VOA" }.into()),
                    published: Some(format!("2024-03-{:02}T08:00:00Z", 2 * id)),
                    lang: Some(if id % 2 == 0 { "fr" } else { "en" }.into()),
                    countries: codes.iter().map(|c| (*c).to_string()).collect(),
                    read: id % 4 == 0,
                    ..ArticleSummary::default()
                },
                body: format!("Body of dispatch {id}."),
                ..Article::default()
            }
        })
        .collect();
    Archive::new(articles)
}

fn start(width: u16, height: u16, config: &Config) -> (AppState, Env) {
    screen::start_on(
        library(),
        Box::new(Recorder::default()),
        config,
        width,
        height,
    )
}

#[test]
fn picker_lists_countries_by_count() {
    let (mut state, mut env) = start(110, 22, &Config::default());
    press(&mut state, &mut env, "c");
    insta::assert_snapshot!(screen(&state).backend());
}

#[test]
fn picker_narrows_by_typing_and_marks_with_tab() {
    let (mut state, mut env) = start(110, 22, &Config::default());
    press(&mut state, &mut env, "/lang:en<enter> c n i <tab> n i");
    insta::assert_snapshot!(screen(&state).backend());
}

#[test]
fn chips_show_each_filter_after_a_pick() {
    let (mut state, mut env) = start(110, 16, &Config::default());
    press(&mut state, &mut env, "c n i g e r <enter> /dispatch<enter>");
    assert_eq!(state.chips(), ["country:NE", "dispatch"]);
    insta::assert_snapshot!(screen(&state).backend());
}

#[test]
fn map_marks_the_countries_of_the_list() {
    let (mut state, mut env) = start(130, 30, &Config::default());
    press(&mut state, &mut env, "] m");
    assert_eq!(state.chips(), ["country:NE"]);
    insta::assert_snapshot!(screen(&state).backend());
}

#[test]
fn sidebar_shows_the_sparkline_and_saved_views() {
    let mut config = Config::default();
    config.views.insert("niger".into(), "country:NE".into());
    config.views.insert("in english".into(), "lang:en".into());
    let (state, _env) = start(110, 24, &config);
    insta::assert_snapshot!(screen(&state).backend());
}

#[test]
fn the_candidates_tab_cycles_show_above_the_line_at_80_columns() {
    let (mut state, mut env) = start(80, 24, &Config::default());
    press(&mut state, &mut env, "/country:s <tab> <tab>");
    let completion = state
        .prompt()
        .and_then(|prompt| prompt.completion.clone())
        .expect("candidates");
    assert!(
        completion.candidates.len() > 10,
        "{:?}",
        completion.candidates
    );
    let terminal = screen(&state);
    let buffer = terminal.backend().buffer();
    let strip: String = (0..80).map(|x| buffer[(x, 22)].symbol()).collect();
    let more = strip
        .split_whitespace()
        .last()
        .and_then(|last| last.strip_prefix('+'));
    assert!(
        more.and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n > 0),
        "the strip ends with +N: {strip}"
    );
    // The selected candidate, and only it, carries the selection's style.
    let selected = state.view.theme.selected;
    let highlighted: String = (0..80)
        .map(|x| &buffer[(x, 22)])
        .filter(|cell| {
            cell.modifier.contains(selected.add_modifier)
                && selected.bg.is_none_or(|bg| cell.bg == bg)
                && selected.fg.is_none_or(|fg| cell.fg == fg)
        })
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert_eq!(highlighted, completion.current());
    insta::assert_snapshot!(terminal.backend());
}
