//! Render tests: whole screens and single panes drawn on a `TestBackend` from fixed stored
//! articles, compared with insta snapshots; styles checked cell by cell.

#[path = "support/archive.rs"]
mod archive;
#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/screen.rs"]
mod screen;

use screen::{buffer_text as text, press, screen};

use archive::Archive;
use fixtures::Recorder;
use kiosk::app::AppState;
use kiosk::app::sidebar::{EntityCount, RowKind};
use kiosk::article::{Article, ArticleSummary};
use kiosk::config::Config;
use kiosk::runtime::Env;
use kiosk::store::Sort;
use kiosk::ui::{ArticleList, EntitySidebar, Reader};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;

fn article(id: i64, title: &str, source: &str, lang: &str, day: u32, body: &str) -> Article {
    Article {
        summary: ArticleSummary {
            id,
            title: title.into(),
            source: Some(source.into()),
            url: Some(format!("https://example.org/{id}")),
            published: Some(format!("2024-03-{day:02}T08:00:00Z")),
            lang: Some(lang.into()),
            countries: if id % 2 == 0 {
                vec!["NE".into(), "US".into()]
            } else {
                vec![]
            },
            read: id % 3 == 0,
            starred: id == 4,
            ..ArticleSummary::default()
        },
        body: body.into(),
        ..Article::default()
    }
}

fn library() -> Archive {
    let niger = "Le Conseil national pour la sauvegarde de la patrie (CNSP) a annoncé le départ \
                 des troupes américaines.\n\nÀ Niamey, la nouvelle a été accueillie dans le calme.";
    let mut library = Archive::new(vec![
        article(
            1,
            "Niger: dans l'attente du retrait",
            "RFI",
            "fr",
            28,
            niger,
        ),
        article(
            2,
            "Sahel junta leaders meet",
            "VOA",
            "en",
            27,
            "Leaders met in Bamako.\n\nMore talks 🌍 soon.",
        ),
        article(
            3,
            "北京举行国际会议",
            "Xinhua",
            "zh",
            26,
            "北京是中华人民共和国的首都，也是全国的政治、文化中心。会议讨论了萨赫勒地区的局势。",
        ),
        article(
            4,
            "قمة في الرباط",
            "Al Jazeera",
            "ar",
            25,
            "أعلنت الحكومة يوم الثلاثاء عن إصلاح جديد لنظام التقاعد.",
        ),
        article(
            5,
            "Uranium exports\u{1b}]0;pwned\u{7} resume\u{1b}[2J",
            "Reuters",
            "en",
            24,
            "Text\u{1b}[31m with \u{202e}escapes\u{9b}2J.",
        ),
    ]);
    let entity = |kind: &str, name: &str, label: Option<&str>, count| EntityCount {
        kind: RowKind::from_name(kind).expect("a row kind"),
        name: name.into(),
        label: label.map(Into::into),
        count,
        mentioned: false,
    };
    let analysis = vec![
        entity("country", "ML", Some("Mali"), 3),
        entity("person", "Assimi Goïta", None, 2),
        entity("organization", "CEDEAO", None, 1),
        entity("place", "Bamako", None, 1),
    ];
    library.analysis.insert(2, analysis);
    library
}

fn start(width: u16, height: u16) -> (AppState, Env) {
    let system = Box::new(Recorder::default());
    screen::start_on(library(), system, &Config::default(), width, height)
}

fn pane(width: u16, height: u16, draw: impl FnOnce(Rect, &mut Buffer)) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buffer = Buffer::empty(area);
    draw(area, &mut buffer);
    buffer
}

#[test]
fn screen_80x24_list_and_reader() {
    let (mut state, mut env) = start(80, 24);
    press(&mut state, &mut env, "<enter>");
    insta::assert_snapshot!(screen(&state).backend());
}

#[test]
fn screen_160x48_three_panes() {
    let (mut state, mut env) = start(160, 48);
    // Shift-Tab, not 1: in the reader the digits open the article's links.
    press(&mut state, &mut env, "j <enter> <shift-tab>");
    insta::assert_snapshot!(screen(&state).backend());
}

#[test]
fn screen_40x12_one_pane_at_a_time() {
    let (mut state, mut env) = start(40, 12);
    insta::assert_snapshot!("screen_40x12_list", screen(&state).backend());
    press(&mut state, &mut env, "<enter>");
    insta::assert_snapshot!("screen_40x12_reader", screen(&state).backend());
}

#[test]
fn screen_with_help_overlay() {
    let (mut state, mut env) = start(100, 40);
    press(&mut state, &mut env, "?");
    insta::assert_snapshot!(screen(&state).backend());
}

#[test]
fn screen_with_query_prompt_and_chips() {
    let (mut state, mut env) = start(100, 20);
    press(&mut state, &mut env, "/lang:en<enter> /bamako");
    insta::assert_snapshot!(screen(&state).backend());
}

#[test]
fn screen_too_small() {
    let (state, _env) = start(15, 4);
    insta::assert_snapshot!(screen(&state).backend());
}

#[test]
fn pane_article_list() {
    let (state, _env) = start(120, 30);
    let buffer = pane(60, 8, |area, buf| {
        ArticleList::new(&state.list, &state.view.theme, true, Sort::default()).render(area, buf);
    });
    insta::assert_snapshot!(text(&buffer));
}

#[test]
fn pane_reader_wraps_cjk_and_rtl() {
    let (mut state, mut env) = start(120, 30);
    press(&mut state, &mut env, "j j <enter>");
    let mut reader = state.reader.clone();
    reader.resize(24, 10);
    let cjk = pane(26, 12, |area, buf| {
        Reader::new(&reader, &state.view.theme, true).render(area, buf)
    });
    press(&mut state, &mut env, "J");
    let mut reader = state.reader.clone();
    reader.resize(24, 10);
    let rtl = pane(26, 12, |area, buf| {
        Reader::new(&reader, &state.view.theme, false).render(area, buf)
    });
    insta::assert_snapshot!(format!("{}\n{}", text(&cjk), text(&rtl)));
}

#[test]
fn pane_entity_sidebar() {
    let (mut state, mut env) = start(120, 30);
    let counts = pane(28, 14, |area, buf| {
        EntitySidebar::new(
            &state.sidebar,
            &state.counts.daily,
            &state.view.theme,
            false,
        )
        .render(area, buf);
    });
    press(&mut state, &mut env, "j <enter> 3");
    let open = pane(28, 18, |area, buf| {
        EntitySidebar::new(&state.sidebar, &state.counts.daily, &state.view.theme, true)
            .render(area, buf);
    });
    insta::assert_snapshot!(format!("{}\n{}", text(&counts), text(&open)));
}

#[test]
fn unread_rows_are_bold_and_read_rows_are_not() {
    let (state, _env) = start(120, 30);
    let terminal = screen(&state);
    let buffer = terminal.backend().buffer();
    // Row 1 (article 1, unread); row 3 (article 3, read). Titles start after the meta columns.
    let title_x = (0..60)
        .find(|&x| buffer[(x, 3)].symbol() == "北")
        .expect("CJK title");
    assert!(!buffer[(title_x, 3)].modifier.contains(Modifier::BOLD));
    let niger_x = (0..60)
        .find(|&x| buffer[(x, 1)].symbol() == "N")
        .expect("title");
    assert!(buffer[(niger_x + 1, 1)].modifier.contains(Modifier::BOLD));
}

#[test]
fn the_focused_pane_has_a_thick_cyan_border() {
    let (mut state, mut env) = start(160, 40);
    let terminal = screen(&state);
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(0, 0)].symbol(), "┏");
    assert_eq!(buffer[(0, 0)].fg, Color::Cyan);
    let reader_x = state.panes().reader.expect("reader").x;
    assert_eq!(buffer[(reader_x, 0)].symbol(), "╭");
    press(&mut state, &mut env, "2");
    let terminal = screen(&state);
    assert_eq!(terminal.backend().buffer()[(reader_x, 0)].symbol(), "┏");
}

#[test]
fn escape_sequences_never_reach_the_buffer() {
    let (mut state, mut env) = start(120, 30);
    press(&mut state, &mut env, "G <enter>");
    let terminal = screen(&state);
    let all = text(terminal.backend().buffer());
    assert!(all.contains("Uranium exports resume"), "{all}");
    assert!(all.contains("Text with escapes."), "{all}");
    assert!(!all.chars().any(|c| c.is_control() && c != '\n'), "{all:?}");
    assert!(!all.contains('\u{202e}'));
}

#[test]
fn entity_names_are_underlined_in_the_reader() {
    let (mut state, mut env) = start(120, 30);
    press(&mut state, &mut env, "j <enter>");
    let terminal = screen(&state);
    let buffer = terminal.backend().buffer();
    let reader = state.panes().reader.expect("reader");
    let found = (reader.y..reader.bottom()).find_map(|y| {
        let row: String = (reader.x..reader.right())
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        let at = row.find("Bamako")?;
        let column = row[..at].chars().count();
        Some((reader.x + u16::try_from(column).expect("narrow"), y))
    });
    let (x, y) = found.expect("Bamako in the reader");
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buffer[(x - 2, y)].modifier.contains(Modifier::UNDERLINED));
}
