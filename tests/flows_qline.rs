//! The query and command lines' history and completion, driven through `step()` with key strings
//! on the sample archive: Up/Down by prefix, the history kept in the store across a restart and
//! capped, an unreadable history starting anew, and Tab on each kind of word.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::Harness;
use kiosk::app::history::HISTORY_CAP;

/// The open prompt's text, empty when none is open.
fn line(h: &Harness) -> String {
    h.state
        .prompt()
        .map(|prompt| prompt.input.text().to_string())
        .unwrap_or_default()
}

/// The candidates Tab is cycling and the selected one.
fn candidates(h: &Harness) -> (Vec<String>, String) {
    let completion = h
        .state
        .prompt()
        .and_then(|prompt| prompt.completion.clone())
        .expect("candidates");
    let selected = completion.current().to_string();
    (completion.candidates, selected)
}

/// Enters each of `queries` on a cleared query line.
fn enter_queries(h: &mut Harness, queries: &[&str]) {
    for query in queries {
        h.press("/ <ctrl-u>");
        h.state.edit_prompt(|text| *text = (*query).to_string());
        h.press("<enter>");
        assert_eq!(h.state.query().to_string(), *query, "{query} was taken");
    }
}

/// Quits and starts kiosk again on the same store and config.
fn restart(h: Harness) -> Harness {
    let mut h = h;
    h.press("Q");
    assert!(h.state.should_quit);
    let Harness { dir, path, .. } = h;
    let config = Harness::config_in(&dir);
    Harness::open_with(dir, path, 140, 40, &config)
}

#[test]
fn up_and_down_walk_the_history_and_come_back_to_the_line() {
    let mut h = Harness::sample(140, 40);
    enter_queries(&mut h, &["niamey", "lang:fr", "country:NE"]);
    // The line opens with the chips (`country:NE `): Up walks every entry but the one shown.
    h.press("/ <up>");
    assert_eq!(line(&h), "lang:fr");
    h.press("<up> <up>");
    assert_eq!(line(&h), "niamey", "the oldest stays at the top");
    h.press("<ctrl-n>");
    assert_eq!(line(&h), "lang:fr");
    h.press("<down> <down>");
    assert_eq!(
        line(&h),
        "country:NE ",
        "past the newest: the line as it was"
    );
    h.press("<ctrl-p> <enter>");
    assert_eq!(h.state.chips(), ["lang:fr"]);
}

#[test]
fn typed_text_walks_only_the_entries_it_starts() {
    let mut h = Harness::sample(140, 40);
    enter_queries(&mut h, &["lang:fr", "niamey", "lang:en", "country:NE"]);
    h.press("/ <ctrl-u> lang <up>");
    assert_eq!(line(&h), "lang:en");
    h.press("<up>");
    assert_eq!(line(&h), "lang:fr");
    h.press("<up>");
    assert_eq!(line(&h), "lang:fr", "nothing older starts with 'lang'");
    h.press("<down> <down>");
    assert_eq!(line(&h), "lang", "the typed prefix comes back");
    h.press("<ctrl-u> zzz <up>");
    assert_eq!(line(&h), "zzz", "no entry starts so: the line stays");
}

#[test]
fn the_histories_survive_a_restart_through_the_store_each_its_own() {
    let mut h = Harness::sample(140, 40);
    enter_queries(&mut h, &["niamey", "lang:fr"]);
    // An empty line and a repeat of the newest are not kept; a bad query is not either.
    enter_queries(&mut h, &["lang:fr"]);
    h.press("/ <ctrl-u> <enter>");
    h.press("/ <ctrl-u> colour:red <enter> <esc>");
    h.press(":help<enter> <esc>");
    let mut h = restart(h);
    assert_eq!(h.state.history.query.entries(), ["niamey", "lang:fr"]);
    assert_eq!(h.state.history.command.entries(), ["help"]);
    h.press("/ <ctrl-u> <up>");
    assert_eq!(line(&h), "lang:fr");
    h.press("<esc> : <up>");
    assert_eq!(line(&h), "help", "the command line has its own history");
    h.press("<up>");
    assert_eq!(line(&h), "help");
}

#[test]
fn the_history_keeps_the_newest_entries_up_to_the_cap() {
    let h = Harness::sample(140, 40);
    let saved: Vec<String> = (0..HISTORY_CAP + 40).map(|i| format!("word{i}")).collect();
    h.store()
        .set_ui_state(
            "tui.history.query",
            &serde_json::to_string(&saved).expect("json"),
        )
        .expect("save");
    let mut h = restart(h);
    let entries = h.state.history.query.entries();
    assert_eq!(entries.len(), HISTORY_CAP);
    assert_eq!(entries[0], "word40");
    enter_queries(&mut h, &["niamey"]);
    let stored = h
        .store()
        .ui_state("tui.history.query")
        .expect("read")
        .expect("saved");
    let stored: Vec<String> = serde_json::from_str(&stored).expect("json");
    assert_eq!(stored.len(), HISTORY_CAP);
    assert_eq!(stored[0], "word41", "the oldest went");
    assert_eq!(stored.last().map(String::as_str), Some("niamey"));
}

#[test]
fn an_unreadable_history_starts_anew_and_says_so() {
    let h = Harness::sample(140, 40);
    h.store()
        .set_ui_state("tui.history.query", "[\"niamey\", 3")
        .expect("save");
    let mut h = restart(h);
    assert!(h.state.history.query.entries().is_empty());
    let status = h.status_text();
    assert!(
        status.contains("tui.history.query") && status.contains("starts anew"),
        "{status}"
    );
    enter_queries(&mut h, &["niamey"]);
    let h = restart(h);
    assert_eq!(h.state.history.query.entries(), ["niamey"]);
}

#[test]
fn tab_completes_keys_and_cycles_both_ways() {
    let mut h = Harness::sample(140, 40);
    h.press("/ <ctrl-u> cou <tab>");
    assert_eq!(line(&h), "country:");
    assert!(
        h.state.prompt().is_some_and(|p| p.completion.is_none()),
        "one candidate: taken"
    );
    h.press("<ctrl-u> -s <tab>");
    let (all, selected) = candidates(&h);
    assert_eq!(all, ["source:", "since:"]);
    assert_eq!(
        (selected.as_str(), line(&h).as_str()),
        ("source:", "-source:")
    );
    h.press("<tab>");
    assert_eq!(line(&h), "-since:");
    h.press("<shift-tab> <shift-tab>");
    assert_eq!(line(&h), "-since:", "around the start");
    h.press("7d");
    assert_eq!(line(&h), "-since:7d", "another key takes the candidate");
    assert!(h.state.prompt().is_some_and(|p| p.completion.is_none()));
    h.press("<ctrl-u> is:s <tab>");
    assert_eq!(line(&h), "is:starred");
}

#[test]
fn tab_completes_countries_by_name_in_any_language_and_by_code() {
    let mut h = Harness::sample(140, 40);
    h.press("/ <ctrl-u> country:nig <tab>");
    let (all, selected) = candidates(&h);
    assert_eq!(selected, "Niger");
    assert!(all.contains(&"Nigeria".to_string()), "{all:?}");
    h.press("<tab>");
    assert_eq!(line(&h), "country:Nigeria");
    h.press("<ctrl-u> country:\"south<space>af <tab>");
    assert_eq!(
        line(&h),
        "country:\"South Africa\"",
        "a name with a space is quoted"
    );
    h.press("<ctrl-u> mentions:COTE <tab>");
    assert_eq!(
        line(&h),
        "mentions:\"Côte d’Ivoire\"",
        "accents and case aside"
    );
    h.press("<ctrl-u> country:allem <tab>");
    assert_eq!(line(&h), "country:Allemagne");
    h.press("<ctrl-u> country:ne <tab>");
    assert_eq!(candidates(&h).1, "NE", "the code first");
    h.press("<enter>");
    assert_eq!(h.state.chips(), ["country:NE"]);
}

#[test]
fn tab_completes_entities_from_the_store_by_any_name() {
    let mut h = Harness::sample(140, 40);
    // The ECOWAS's own name starts otherwise: the alias typed after shows.
    h.press("/ <ctrl-u> org:cede <tab>");
    assert_eq!(line(&h), "org:cedeao");
    h.press("<enter>");
    assert!(!h.listed_ids().is_empty());
    assert_eq!(h.listed_ids(), h.cli_ids("org:CEDEAO"));
    h.press("/ <ctrl-u> person:zzzz <tab>");
    assert_eq!(line(&h), "person:zzzz");
    assert!(
        h.status_text().contains("nothing starts with 'zzzz'"),
        "{}",
        h.status_text()
    );
}

#[test]
fn tab_completes_commands_and_saved_views() {
    let mut h = Harness::sample(140, 40);
    h.press("/country:NE<enter> :save<space>sahel<space>news<enter>");
    h.press("/ <ctrl-u> lang:fr<enter> :save<space>french<enter>");
    h.press(":he <tab>");
    assert_eq!(line(&h), "help");
    h.press("<ctrl-u> view<space>sa <tab>");
    assert_eq!(line(&h), "view sahel news", "a view's name is not quoted");
    h.press("<enter>");
    assert_eq!(h.state.chips(), ["country:NE"]);
    h.press(":<tab>");
    let (all, _) = candidates(&h);
    assert!(
        all.contains(&"view".to_string()) && all.contains(&"q".to_string()),
        "{all:?}"
    );
}
