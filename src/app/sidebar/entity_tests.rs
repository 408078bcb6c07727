//! Entity sections: kinds as sections with filter terms, countries once with the mentioned apart, top entities first.

use super::*;

fn entity(kind: &str, name: &str, label: Option<&str>, count: u64) -> EntityCount {
    EntityCount {
        kind: RowKind::from_name(kind).expect("a row kind"),
        name: name.into(),
        label: label.map(Into::into),
        count,
        mentioned: false,
    }
}

#[test]
fn entities_become_sections_with_filter_terms() {
    let entities = [
        entity("person", "Vladimir Poutine", None, 2),
        entity("country", "NE", Some("Niger"), 7),
        entity("organization", "CNSP", None, 3),
        entity("organization", "ECOWAS", Some("Cédéao"), 1),
    ];
    let mut state = EntitySidebarState::default();
    state.show_article(&Article::default(), &entities);
    let titles: Vec<_> = state.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["About", "Countries", "People", "Organisations"]);
    let rows: Vec<_> = state.sections[1..].iter().flat_map(|s| &s.rows).collect();
    assert_eq!(rows[0].label, "NE Niger");
    assert_eq!(rows[0].count, Some(7));
    assert_eq!(rows[3].label, "Cédéao", "as the article wrote it");
    let terms: Vec<_> = rows
        .iter()
        .filter_map(|r| r.term.as_ref().map(ToString::to_string))
        .collect();
    assert_eq!(
        terms,
        [
            "country:NE",
            "person:\"Vladimir Poutine\"",
            "org:CNSP",
            "org:ECOWAS"
        ]
    );
}

#[test]
fn countries_show_once_with_the_mentioned_apart() {
    let mut mali = entity("country", "ML", Some("Mali"), 1);
    mali.mentioned = true;
    let entities = [
        entity("country", "NE", Some("Niger"), 7),
        entity("country", "NE", Some("Niger"), 7),
        mali,
    ];
    let mut state = EntitySidebarState::default();
    state.show_article(&Article::default(), &entities);
    let titles: Vec<_> = state.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["About", "Countries", "Mentioned"]);
    let terms: Vec<_> = state.sections[1..]
        .iter()
        .flat_map(|s| &s.rows)
        .filter_map(|r| r.term.as_ref().map(ToString::to_string))
        .collect();
    assert_eq!(terms, ["country:NE", "mentions:ML"]);
    // "0 words" filters nothing: the cursor starts on Niger.
    assert_eq!(
        state.selected_row().map(|r| r.label.as_str()),
        Some("NE Niger")
    );
}

#[test]
fn list_counts_show_top_entities_before_languages() {
    let counts = Counts {
        total: 3,
        entities: vec![entity("place", "Niamey", None, 2)],
        by_lang: vec![("fr".into(), 3)],
        ..Counts::default()
    };
    let mut state = EntitySidebarState::default();
    state.show_counts(&counts);
    let titles: Vec<_> = state.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["List", "Places", "Languages"]);
}
