//! Flow tests of filtering from the keyboard on the bundled sample archive: the country picker,
//! `]`/`[`, chips, `X`, sidebar entities, saved views, and the CLI agreeing with the TUI.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::Harness;
use kiosk::app::Overlay;
use kiosk::runtime::Library;

/// The codes the open picker lists, in order.
fn picker_codes(h: &Harness) -> Vec<String> {
    match &h.state.overlay {
        Some(Overlay::Picker(picker)) => picker
            .shown
            .iter()
            .map(|shown| picker.countries[shown.index].code.clone())
            .collect(),
        other => panic!("no picker open: {other:?}"),
    }
}

#[test]
fn c_niger_enter_lists_only_niger_like_the_cli() {
    let mut h = Harness::sample(140, 40);
    let everything = h.state.list.total;
    h.press("c");
    assert!(picker_codes(&h).len() > 20, "{:?}", picker_codes(&h));
    h.press("n i g e r <enter>");
    assert!(h.state.overlay.is_none());
    assert_eq!(h.state.chips(), ["country:NE"]);
    let cli = h.cli_ids("country:NE");
    assert!(cli.len() >= 3, "{cli:?}");
    assert_eq!(h.state.list.total, cli.len() as u64);
    assert_eq!(h.listed_ids(), cli);
    assert!(
        h.state
            .list
            .rows
            .iter()
            .all(|row| row.countries.contains(&"NE".to_string()))
    );
    h.press("<esc>");
    assert!(h.state.filters.is_empty());
    assert_eq!(h.state.list.total, everything);
}

#[test]
fn the_picker_matches_names_in_french_english_spanish_and_german() {
    let mut h = Harness::sample(140, 40);
    for (typed, code) in [
        ("allemagne", "DE"),
        ("germany", "DE"),
        ("alemania", "DE"),
        ("deutschland", "DE"),
        ("EEUU", "US"),
        ("états", "US"),
        ("niger", "NE"),
        ("ne", "NE"),
        ("marruecos", "MA"),
    ] {
        h.press("c");
        for c in typed.chars() {
            h.press(&c.to_string());
        }
        assert_eq!(
            picker_codes(&h).first().map(String::as_str),
            Some(code),
            "{typed}"
        );
        h.press("<esc>");
        assert!(h.state.overlay.is_none());
    }
    h.press("c n e");
    let codes = picker_codes(&h);
    let nigeria = codes
        .iter()
        .position(|c| c == "NG")
        .expect("Nigeria listed");
    assert!(nigeria < 5, "{codes:?}");
}

#[test]
fn tab_marks_several_countries_into_one_or_chip() {
    let mut h = Harness::sample(140, 40);
    h.press("c n i g e r <tab> m a l i <tab> <enter>");
    assert_eq!(h.state.chips(), ["country:NE OR country:ML"]);
    let cli = h.cli_ids("country:NE OR country:ML");
    assert_eq!(h.listed_ids(), cli);
    assert!(cli.len() > h.cli_ids("country:NE").len());
}

#[test]
fn tab_after_a_name_clears_it_so_the_next_name_can_be_typed() {
    let mut h = Harness::sample(140, 40);
    h.press("c n i g e r <tab> m a l i <enter>");
    assert_eq!(h.state.chips(), ["country:NE OR country:ML"]);
    // A mark never hides behind a narrowed list: Enter takes what is marked and what is typed.
    h.press("X c e s t a d o s <space> u n i d o s <enter>");
    assert_eq!(h.state.chips(), ["country:US"]);
}

#[test]
fn brackets_step_through_countries_by_count() {
    let mut h = Harness::sample(140, 40);
    let order =
        Library::country_list(&h.store(), &kiosk::query::Query::default()).expect("countries");
    h.press("]");
    assert_eq!(h.state.chips(), [format!("country:{}", order[0].0)]);
    h.press("]");
    assert_eq!(h.state.chips(), [format!("country:{}", order[1].0)]);
    h.press("[");
    assert_eq!(h.state.chips(), [format!("country:{}", order[0].0)]);
    h.press("[");
    let last = order.iter().rev().find(|(_, n)| *n > 0).expect("a country");
    assert_eq!(h.state.chips(), [format!("country:{}", last.0)]);
    // The step keeps other filters and replaces only the country chip.
    h.press("X /lang:fr<enter> ]");
    let in_french = Library::country_list(
        &h.store(),
        &kiosk::query::Query::parse("lang:fr").expect("query"),
    )
    .expect("countries");
    assert_eq!(
        h.state.chips(),
        ["lang:fr".to_string(), format!("country:{}", in_french[0].0)]
    );
    assert_eq!(h.listed_ids(), h.cli_ids(&h.state.query().to_string()));
}

#[test]
fn x_clears_every_chip_and_the_picker_replaces_only_the_country_chip() {
    let mut h = Harness::sample(140, 40);
    h.press("/lang:es<enter> c m e x <enter>");
    assert_eq!(h.state.chips(), ["lang:es", "country:MX"]);
    h.press("c a r g e n <enter>");
    assert_eq!(h.state.chips(), ["lang:es", "country:AR"]);
    h.press("X");
    assert!(h.state.filters.is_empty());
    assert_eq!(h.state.list.total, h.cli_ids("").len() as u64);
}

#[test]
fn sidebar_people_of_a_country_become_filters() {
    let mut h = Harness::sample(140, 40);
    h.press("c n i g e r <enter> 3");
    let titles: Vec<String> = h
        .state
        .sidebar
        .sections
        .iter()
        .map(|s| s.title.clone())
        .collect();
    let people = titles
        .iter()
        .position(|t| t == "People")
        .expect("people of Niger news");
    let before: usize = h.state.sidebar.sections[..people]
        .iter()
        .map(|s| s.rows.len())
        .sum();
    h.press("g");
    for _ in 0..before {
        h.press("j");
    }
    let term = h
        .state
        .sidebar
        .selected_row()
        .and_then(|r| r.term.as_ref().map(ToString::to_string))
        .expect("term");
    assert!(term.starts_with("person:"), "{term}");
    h.press("<enter>");
    assert_eq!(h.state.chips(), ["country:NE".to_string(), term.clone()]);
    assert!(h.state.list.total >= 1);
    assert_eq!(h.listed_ids(), h.cli_ids(&format!("country:NE {term}")));
}

#[test]
fn saved_views_round_trip_through_the_config() {
    let mut h = Harness::sample(140, 40);
    h.press("c n i g e r <enter> /is:unread<enter> :save<space>niger<space>unread<enter>");
    let file = h.dir.path().join("config.toml");
    let text = std::fs::read_to_string(&file).expect("config written");
    assert!(text.contains("[views]"), "{text}");
    let status = h.state.status.clone().expect("status");
    assert!(
        status.text.contains("saved view 'niger unread'"),
        "{}",
        status.text
    );
    assert_eq!(
        h.state.views,
        [(
            "niger unread".to_string(),
            kiosk::query::Query::parse("country:NE is:unread").expect("query")
        )]
    );
    // A new start reads the view back and lists it in the sidebar with its unread count.
    let Harness { dir, path, .. } = h;
    let config = Harness::config_in(&dir);
    assert_eq!(config.views["niger unread"], "country:NE is:unread");
    let mut h = Harness::open_with(dir, path, 140, 40, &config);
    h.press("X 3 g");
    let row = h.state.sidebar.selected_row().expect("a row").clone();
    assert!(row.view && row.label == "niger unread", "{row:?}");
    assert_eq!(
        row.count,
        Some(h.cli_ids("country:NE is:unread").len() as u64)
    );
    h.press("<enter>");
    assert_eq!(h.state.chips(), ["country:NE", "is:unread"]);
    h.press(":delete<space>niger<space>unread<enter>");
    assert!(h.state.views.is_empty());
    let config = Harness::config_in(&h.dir);
    assert!(config.views.is_empty());
}

#[test]
fn the_map_follows_the_filter() {
    let mut h = Harness::sample(140, 40);
    h.press("m");
    assert!(h.state.show_map);
    let everywhere = h.state.counts.countries.len();
    h.press("c n i g e r <enter>");
    assert!(h.state.show_map);
    let niger = h.state.counts.countries.clone();
    assert!(niger.len() < everywhere && niger[0].0 == "NE", "{niger:?}");
    assert!(h.state.counts.daily.counts.iter().sum::<u64>() > 0);
    h.press("<enter>");
    assert!(!h.state.show_map, "opening an article shows the reader");
}

#[test]
fn the_cli_and_the_tui_list_the_same_articles_for_the_same_query() {
    let mut h = Harness::sample(140, 40);
    for query in [
        "country:NE",
        "country:niger",
        "mentions:US",
        "lang:fr -country:NE",
        "country:NE OR country:ML",
        "source:\"Sahel Wire\" since:2024-01-01",
        "is:unread -lang:en",
        "\"coup d'état\" OR junta",
        "org:ECOWAS",
    ] {
        h.press("X /");
        for c in query.chars() {
            h.press(&if c == ' ' {
                "<space>".to_string()
            } else {
                c.to_string()
            });
        }
        h.press("<enter>");
        // The chips hold the parsed query: `country:niger` shows as `country:NE`.
        let parsed = kiosk::query::Query::parse(query).expect("query");
        assert_eq!(h.state.query(), parsed, "{query}");
        let cli = h.cli_ids(query);
        assert_eq!(h.listed_ids(), cli, "{query}");
        assert_eq!(h.state.list.total, cli.len() as u64, "{query}");
    }
}

#[test]
fn picker_counts_come_from_their_own_background_thread() {
    let mut h = Harness::sample(140, 40);
    with_counter(&mut h);
    h.press("/lang:fr<enter> c");
    let loading = |h: &Harness| matches!(&h.state.overlay, Some(Overlay::Picker(p)) if p.loading);
    assert!(loading(&h), "the picker opens at once, counting");
    answer_until(&mut h, |h| !loading(h));
    let french = Library::country_list(
        &h.store(),
        &kiosk::query::Query::parse("lang:fr").expect("query"),
    )
    .expect("countries");
    let Some(Overlay::Picker(picker)) = &h.state.overlay else {
        panic!("picker closed");
    };
    let listed: Vec<(String, u64)> = picker
        .countries
        .iter()
        .map(|c| (c.code.clone(), c.count))
        .collect();
    assert_eq!(listed, french);
    h.press("<enter>");
    assert_eq!(
        h.state.chips(),
        ["lang:fr".to_string(), format!("country:{}", french[0].0)]
    );
}

#[test]
fn enter_typed_before_the_counts_arrive_applies_when_they_do() {
    let mut h = Harness::sample(140, 40);
    with_counter(&mut h);
    h.press("c n i g e r <enter>");
    assert!(matches!(h.state.overlay, Some(Overlay::Picker(_))));
    answer_until(&mut h, |h| h.state.overlay.is_none());
    assert_eq!(h.state.chips(), ["country:NE"]);
}

#[test]
fn keys_typed_after_enter_wait_for_the_picker_choice() {
    let mut h = Harness::sample(140, 40);
    with_counter(&mut h);
    h.press("c n i g e r <enter> m ]");
    assert!(!h.state.show_map, "m waits for the choice");
    answer_until(&mut h, |h| {
        h.state.overlay.is_none() && h.state.pending_step.is_none()
    });
    assert!(
        h.state.show_map,
        "then opens the map on the chosen country's list"
    );
    assert_ne!(h.state.chips(), ["country:NE"], "and ] steps from Niger");
    assert_eq!(h.state.filters.len(), 1);
    h.press("c n i g e r <enter> <esc>");
    answer_until(&mut h, |h| h.state.overlay.is_none());
    assert_ne!(
        h.state.chips(),
        ["country:NE"],
        "Esc cancels a waiting choice at once"
    );
}

/// Gives the app the background counter threads `kiosk` runs with.
fn with_counter(h: &mut Harness) {
    let path = h.path.clone();
    h.env.counter = Some(kiosk::runtime::Counter::over_store(&path));
}

/// Dispatches the counter's answers until `done` holds; fails after 20 s.
fn answer_until(h: &mut Harness, done: impl Fn(&Harness) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !done(h) {
        assert!(std::time::Instant::now() < deadline, "no counts in time");
        let answers = h.env.counter.as_mut().expect("counter").try_recv();
        for answer in answers {
            kiosk::runtime::dispatch(&mut h.state, &mut h.env, Some(answer));
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn the_query_line_opens_with_the_chips_to_edit() {
    let mut h = Harness::sample(140, 40);
    h.press("c n i g e r <enter> /");
    assert!(
        matches!(h.state.prompt(), Some(p) if p.input == "country:NE " && !p.is_command()),
        "{:?}",
        h.state.overlay
    );
    h.press("<backspace> <backspace> <backspace> M L <space> l a n g : f r <enter>");
    assert_eq!(h.state.chips(), ["country:ML", "lang:fr"]);
    assert_eq!(h.listed_ids(), h.cli_ids("country:ML lang:fr"));
    h.press("/ <ctrl-u> <enter>");
    assert!(
        h.state.filters.is_empty(),
        "an emptied line clears the filters"
    );
}

#[test]
fn a_bad_query_keeps_the_line_open_with_the_column_in_it() {
    let mut h = Harness::sample(140, 40);
    h.press("/niamey<space>colour:red<enter>");
    assert!(
        matches!(h.state.prompt(), Some(p) if p.input == "niamey colour:red" && !p.is_command()),
        "{:?}",
        h.state.overlay
    );
    let status = h.state.status.as_ref().expect("an error");
    assert!(
        status.is_error && status.text.contains("column 8"),
        "{status:?}"
    );
    assert!(h.state.filters.is_empty());
    h.press("<ctrl-u> niamey <enter>");
    assert_eq!(h.state.chips(), ["niamey"]);
    assert!(h.state.overlay.is_none());
}

#[test]
fn the_unfiltered_sidebar_lists_people_too() {
    let h = Harness::sample(140, 40);
    let titles: Vec<&str> = h
        .state
        .sidebar
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    for kind in ["Countries", "People", "Organisations", "Places"] {
        assert!(titles.contains(&kind), "{titles:?}");
    }
}

#[test]
fn a_query_error_goes_as_it_is_mended_and_colon_q_quits() {
    let mut h = Harness::sample(140, 40);
    h.press("/since:<enter>");
    assert!(h.state.status.as_ref().is_some_and(|s| s.is_error));
    h.press("7d");
    assert_eq!(h.state.status, None, "the line parses again");
    h.press("<enter>");
    assert_eq!(h.state.chips(), ["since:7d"]);
    h.press(":help<enter>");
    assert!(matches!(h.state.overlay, Some(Overlay::Help { .. })));
    h.press("<esc> :q<enter>");
    assert!(h.state.should_quit);
}
