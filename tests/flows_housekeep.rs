//! Flow tests of deleting and tagging (issue 17) on `step()` against a temp store: `D` asks,
//! `y` deletes (from the list or the reader), any other key keeps the article, `U` brings it
//! back under its id; `t` / `:tag NAME` adds or removes a tag, `U` takes that back, and the
//! sidebar shows the tags with their counts.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::Harness;
use kiosk::app::{Focus, Overlay};
use kiosk::query::Query;

fn count(h: &Harness, query: &str) -> u64 {
    h.store()
        .count(&Query::parse(query).expect("query"))
        .expect("count")
}

/// The sidebar's rows of section `title`: label and count.
fn section(h: &Harness, title: &str) -> Vec<(String, Option<u64>)> {
    h.state
        .sidebar
        .sections
        .iter()
        .filter(|section| section.title == title)
        .flat_map(|section| &section.rows)
        .map(|row| (row.label.clone(), row.count))
        .collect()
}

#[test]
fn d_asks_y_deletes_other_keys_cancel_and_u_brings_it_back() {
    let mut h = Harness::new(5, 120, 30);
    assert_eq!(h.selected_title(), "Article 5");
    let id = h.state.list.selected_id().expect("a row");
    h.press("D");
    assert!(matches!(h.state.overlay, Some(Overlay::Confirm { .. })));
    h.press("x");
    assert_eq!(count(&h, ""), 5, "only y deletes");
    assert!(h.status_text().contains("cancelled"), "{}", h.status_text());

    h.press("D y");
    assert_eq!(count(&h, ""), 4);
    assert!(!h.listed_ids().contains(&id));
    assert_eq!(
        h.selected_title(),
        "Article 4",
        "the cursor moves to the next row"
    );
    assert!(
        h.status_text().contains("deleted “Article 5”"),
        "{}",
        h.status_text()
    );
    assert_eq!(h.state.list.total, 4);

    h.press("U");
    assert_eq!(count(&h, ""), 5);
    assert!(h.listed_ids().contains(&id));
    assert_eq!(
        h.selected_title(),
        "Article 5",
        "the article back under the cursor"
    );
    assert_eq!(h.store().load(id).expect("back").summary.title, "Article 5");
    assert!(h.status_text().contains("undone"), "{}", h.status_text());
}

#[test]
fn d_in_the_reader_deletes_the_open_article_and_closes_it() {
    let mut h = Harness::new(5, 120, 30);
    h.press("j <enter>");
    assert_eq!(h.open_title().as_deref(), Some("Article 4"));
    h.press("D y");
    assert!(h.state.reader.article.is_none());
    assert_eq!(h.state.focus, Focus::List);
    assert_eq!(count(&h, "\"Article 4\""), 0);
    assert_eq!(count(&h, ""), 4);
}

#[test]
fn t_tags_and_untags_u_takes_it_back_and_the_sidebar_counts_tags() {
    let mut h = Harness::new(5, 120, 30);
    let id = h.state.list.selected_id().expect("a row");
    h.press("t S a h e l <enter>");
    assert_eq!(h.store().tags_of(id).expect("tags"), ["sahel"]);
    assert!(
        h.status_text().contains("tagged “Article 5” sahel"),
        "{}",
        h.status_text()
    );
    assert_eq!(section(&h, "Tags"), [("sahel".to_string(), Some(1))]);
    h.press("j t s a h e l <enter>");
    assert_eq!(count(&h, "tag:sahel"), 2);
    // The open article's own tags, without counts.
    h.press("<enter>");
    assert_eq!(section(&h, "Tags"), [("sahel".to_string(), None)]);
    // Again on an article that has it: removed; U puts it back.
    h.press("t s a h e l <enter>");
    assert_eq!(count(&h, "tag:sahel"), 1);
    assert!(section(&h, "Tags").is_empty());
    h.press("U");
    assert_eq!(count(&h, "tag:sahel"), 2);
    h.press(": t a g <space> n e w s <enter>");
    assert_eq!(count(&h, "tag:news"), 1);
    h.press("U");
    assert_eq!(count(&h, "tag:news"), 0);
}
