//! The sidebar's rows from counts: filter terms, header lines in the selection, scrolling, an article's own rows.

use super::*;

fn counts() -> Counts {
    Counts {
        total: 10,
        unread: 4,
        by_lang: vec![("fr".into(), 6), ("en".into(), 4)],
        by_source: vec![("Radio France\u{1b}[2J".into(), 10)],
        ..Counts::default()
    }
}

#[test]
fn counts_become_filter_rows() {
    let mut state = EntitySidebarState::default();
    state.show_counts(&counts());
    assert_eq!(state.row_count(), 5);
    // The cursor starts on "Unread", the first row with a filter.
    assert_eq!(state.selected, 1);
    state.move_by(1);
    assert_eq!(
        state
            .selected_row()
            .and_then(|r| r.term.as_ref().map(ToString::to_string)),
        Some("lang:fr".into())
    );
    state.move_by(10);
    let last = state.selected_row().expect("a row");
    assert_eq!(last.label, "Radio France");
    assert_eq!(
        last.term.as_ref().map(ToString::to_string),
        Some("source:\"Radio France\"".into())
    );
}

#[test]
fn selected_line_counts_section_headers() {
    let mut state = EntitySidebarState::default();
    state.show_counts(&counts());
    assert_eq!(state.selected_line(), 2);
    state.move_by(1);
    assert_eq!(state.selected_line(), 4);
}

#[test]
fn scroll_follows_the_selection() {
    let mut state = EntitySidebarState::default();
    state.resize(3);
    state.show_counts(&counts());
    state.move_by(4);
    assert_eq!(state.selected_line(), 7);
    assert_eq!(state.scroll, 5);
}

#[test]
fn article_rows_carry_source_language_and_countries() {
    let mut article = Article::default();
    article.summary.source = Some("RFI".into());
    article.summary.lang = Some("fr".into());
    article.summary.countries = vec!["NE".into()];
    let mut state = EntitySidebarState::default();
    state.show_article(&article, &[]);
    let terms: Vec<_> = state
        .sections
        .iter()
        .flat_map(|s| &s.rows)
        .filter_map(|r| r.term.as_ref().map(ToString::to_string))
        .collect();
    assert_eq!(terms, ["source:RFI", "lang:fr", "country:NE"]);
}
