//! Render tests of issue 17's details on a real temp store: the article sidebar's countries,
//! help at 40×20, mentions highlighted across a wrap and `hit 3/41` on the status line.

#[path = "support/archive.rs"]
mod archive;
#[path = "support/details.rs"]
mod details;
#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/screen.rs"]
mod screen;

use fixtures::Harness;

fn niger_harness(paragraphs: usize, width: u16, height: u16) -> Harness {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kiosk.db");
    details::store_niger(&path, &details::niger(paragraphs));
    let mut h = Harness::open(dir, path, width, height);
    // Dates of the fixture's year would lose it only in 2024: keep screens stable.
    h.state.view.this_year = None;
    h
}

#[test]
fn article_sidebar_lists_countries_once_with_the_mentioned_apart() {
    let mut h = niger_harness(3, 120, 24);
    h.press("<enter>");
    insta::assert_snapshot!(screen::screen(&h.state).backend());
}

#[test]
fn help_fits_forty_columns_and_g_goes_to_the_end() {
    let mut h = niger_harness(3, 40, 20);
    h.press("?");
    insta::assert_snapshot!("help_40x20_top", screen::screen(&h.state).backend());
    h.press("G");
    insta::assert_snapshot!("help_40x20_end", screen::screen(&h.state).backend());
}

#[test]
fn mentions_are_highlighted_across_a_wrap_and_hits_stay_distinct() {
    let mut h = niger_harness(3, 44, 20);
    h.press("/CNSP<enter> <enter>");
    let terminal = screen::screen(&h.state);
    let buffer = terminal.backend().buffer();
    let theme = &h.state.view.theme;
    // Cells of each row whose text starts a word of `word`, with their styles.
    let find = |word: &str| {
        (0..buffer.area.height).find_map(|y| {
            let row: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect();
            row.find(word).map(|at| {
                (
                    u16::try_from(row[..at].chars().count()).expect("on screen"),
                    y,
                )
            })
        })
    };
    let style_at = |(x, y): (u16, u16)| buffer[(x, y)].style();
    let entity = theme.entity;
    for word in ["Moscou", "Cédéao", "patrie"] {
        let at = find(word).unwrap_or_else(|| panic!("{word} on screen"));
        assert_eq!(style_at(at).add_modifier, entity.add_modifier, "{word}");
    }
    let (x, y) = find("Conseil").expect("Conseil on screen");
    let (_, y2) = find("patrie").expect("patrie on screen");
    assert!(y2 > y, "the long name wraps onto another line");
    assert_eq!(style_at((x, y)).add_modifier, entity.add_modifier);
    let hit = find("CNSP)").expect("CNSP in the body");
    assert_ne!(style_at(hit), style_at(find("Moscou").expect("Moscou")));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_status_line_says_hit_3_of_41() {
    let mut h = niger_harness(41, 80, 20);
    h.press("/uranium<enter> <enter> n n n");
    insta::assert_snapshot!(screen::screen(&h.state).backend());
}
