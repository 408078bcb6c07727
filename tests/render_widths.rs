//! The article list at each terminal width: snapshots at 60, 80, 100, 120, 160 and 200 columns,
//! and the title columns a row shows at each (issue 17: at 80×24 at least 45, at 60×20 30).

#[path = "support/archive.rs"]
mod archive;
#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/screen.rs"]
mod screen;

use archive::Archive;
use fixtures::Recorder;
use kiosk::app::AppState;
use kiosk::article::{Article, ArticleSummary};
use kiosk::config::Config;
use kiosk::runtime::Env;
use screen::{press, text};

/// A long title that starts with `Z` and goes on in dashes, so its visible part can be counted.
fn long_title() -> String {
    format!("Z{}", "-".repeat(199))
}

fn article(id: i64, title: &str, source: &str, date: &str, countries: &[&str]) -> Article {
    Article {
        summary: ArticleSummary {
            id,
            title: title.into(),
            source: Some(source.into()),
            url: Some(format!("https://example.org/{id}")),
            published: Some(format!("{date}T08:00:00Z")),
            lang: Some("fr".into()),
            countries: countries.iter().map(|code| (*code).to_string()).collect(),
            read: id % 3 == 0,
            starred: id == 4,
            ..ArticleSummary::default()
        },
        body: format!("Body of article {id}.\n\nA second paragraph."),
        ..Article::default()
    }
}

fn library() -> Archive {
    Archive::new(vec![
        article(
            1,
            &long_title(),
            "Reuters Africa",
            "2026-03-28",
            &["NE", "ML", "BF"],
        ),
        article(
            2,
            "Sahel junta leaders meet in Bamako to sign a defence pact",
            "Voice of America",
            "2026-03-27",
            &["ML"],
        ),
        article(
            3,
            "北京举行国际会议，讨论萨赫勒地区的局势",
            "Xinhua",
            "2026-01-02",
            &["CN", "NE"],
        ),
        article(
            4,
            "قمة في الرباط حول التعاون الاقتصادي",
            "Al Jazeera",
            "2025-12-30",
            &["MA"],
        ),
        article(
            5,
            "Uranium exports resume after a year of talks",
            "RFI",
            "2025-06-01",
            &[],
        ),
        article(
            6,
            "Élections au Sénégal : le dépouillement a commencé",
            "Le Monde Afrique",
            "2024-02-25",
            &["SN", "FR", "GM", "ML"],
        ),
    ])
}

/// The app at `width`×`height`, in 2026 so that dates of 2026 show without their year.
fn start(width: u16, height: u16) -> (AppState, Env) {
    let system = Box::new(Recorder::default());
    let (mut state, env) = screen::start_on(library(), system, &Config::default(), width, height);
    state.view.this_year = Some(2026);
    (state, env)
}

/// How many columns of the long title the screen shows.
fn title_columns(state: &AppState) -> usize {
    text(state)
        .lines()
        .filter_map(|line| {
            let (_, rest) = line.split_once('Z')?;
            Some(1 + rest.chars().take_while(|c| *c == '-').count())
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn title_columns_at_each_width() {
    let widths = [
        (60, 20),
        (80, 24),
        (100, 30),
        (120, 30),
        (160, 40),
        (200, 50),
    ];
    let table: Vec<(u16, usize)> = widths
        .iter()
        .map(|&(width, height)| (width, title_columns(&start(width, height).0)))
        .collect();
    eprintln!("title columns by width: {table:?}");
    let at = |width| {
        table
            .iter()
            .find(|(w, _)| *w == width)
            .map_or(0, |(_, n)| *n)
    };
    assert!(at(80) >= 45, "{table:?}");
    assert!(at(60) >= 30, "{table:?}");
}

/// One snapshot per width: the list as it starts (nothing open), then for the narrow widths
/// the reader taking the width once an article opens.
#[test]
fn the_list_at_each_width() {
    for (width, height) in [
        (60, 20),
        (80, 24),
        (100, 30),
        (120, 30),
        (160, 40),
        (200, 50),
    ] {
        let (state, _env) = start(width, height);
        insta::assert_snapshot!(format!("list_{width}x{height}"), text(&state));
    }
}

#[test]
fn below_120_columns_the_reader_takes_over_when_an_article_opens() {
    let (mut state, mut env) = start(80, 24);
    press(&mut state, &mut env, "j <enter>");
    insta::assert_snapshot!(text(&state));
    press(&mut state, &mut env, "q");
    assert!(text(&state).contains("Articles (6)"));
}

#[test]
fn below_100_columns_e_shows_the_sidebar_in_the_list_s_place_and_says_so() {
    let (mut state, mut env) = start(80, 24);
    press(&mut state, &mut env, "e");
    let screen = text(&state);
    assert!(
        screen.contains("Entities") && !screen.contains("Articles ("),
        "{screen}"
    );
    let status = state.status.clone().expect("e says what it did").text;
    assert!(status.contains("sidebar"), "{status}");
    insta::assert_snapshot!(screen);
    press(&mut state, &mut env, "e");
    assert!(text(&state).contains("Articles ("));
    assert!(state.status.expect("status").text.contains("sidebar"));
}
