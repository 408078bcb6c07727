//! Unit tests of key names and the keymap's lookup order.

use ratatui::crossterm::event::{KeyEventKind, KeyEventState};

use super::*;

fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

#[test]
fn key_names_round_trip() {
    for name in [
        "j",
        "G",
        "?",
        "/",
        "1",
        "ctrl-c",
        "ctrl-d",
        "alt-x",
        "enter",
        "esc",
        "tab",
        "shift-tab",
        "space",
        "pagedown",
        "pageup",
        "home",
        "end",
        "backspace",
        "f1",
        "f12",
        "up",
        "é",
    ] {
        let key: Key = name.parse().unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(key.to_string(), name);
    }
}

#[test]
fn key_names_are_normalised() {
    let parse = |name: &str| name.parse::<Key>().expect(name).to_string();
    assert_eq!(parse("shift-g"), "G");
    assert_eq!(parse("Ctrl-C"), "ctrl-c");
    assert_eq!(parse("ctrl-D"), "ctrl-d");
    assert_eq!(parse("backtab"), "shift-tab");
    assert_eq!(parse("PageDown"), "pagedown");
    assert_eq!(parse(" "), "space");
    assert_eq!(parse("-"), "-");
}

#[test]
fn bad_key_names_are_rejected() {
    for bad in [
        "", "jj", "ctrl-", "f13", "f0", "hyper-x", "shift-1", "\u{7}", "pgdn",
    ] {
        assert!(bad.parse::<Key>().is_err(), "{bad:?} parsed");
    }
    let error = "jj".parse::<Key>().expect_err("two letters").to_string();
    assert!(error.starts_with("unknown key 'jj'"), "{error}");
}

#[test]
fn events_match_their_names() {
    let shifted = Key::from_event(&KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT));
    assert_eq!(shifted, "G".parse().expect("G"));
    let backtab = Key::from_event(&KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(backtab, "shift-tab".parse().expect("shift-tab"));
    let ctrl = Key::from_event(&KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(ctrl.to_string(), "ctrl-c");
}

#[test]
fn pane_keys_win_over_global_keys() {
    let keymap = Keymap::new(&KeysConfig::default()).expect("defaults are valid");
    let mut state = AppState::default();
    let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(keymap.action_for(&state, &j), Some(Action::SelectNext));
    let space = press(KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(keymap.action_for(&state, &space), None);
    state.focus = Focus::Reader;
    assert_eq!(keymap.action_for(&state, &space), Some(Action::PageDown));
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(keymap.action_for(&state, &q), Some(Action::Back));
    let quit = press(KeyCode::Char('Q'), KeyModifiers::SHIFT);
    assert_eq!(keymap.action_for(&state, &quit), Some(Action::Quit));
    state.overlay = Some(Overlay::Help { scroll: 0 });
    assert_eq!(keymap.action_for(&state, &q), Some(Action::ToggleHelp));
    assert_eq!(keymap.action_for(&state, &quit), Some(Action::Quit));
}

#[test]
fn overlays_see_keys_first() {
    let keymap = Keymap::new(&KeysConfig::default()).expect("defaults are valid");
    let mut state = query_line();
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(
        keymap.action_for(&state, &q),
        Some(Action::PromptInput('q'))
    );
    let enter = press(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(
        keymap.action_for(&state, &enter),
        Some(Action::PromptSubmit)
    );
    state.overlay = Some(Overlay::Help { scroll: 0 });
    assert_eq!(keymap.action_for(&state, &q), Some(Action::ToggleHelp));
    let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(keymap.action_for(&state, &j), Some(Action::HelpScroll(1)));
    let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(keymap.action_for(&state, &x), Some(Action::Noop));
}

#[test]
fn releases_are_ignored_and_resizes_pass_through() {
    let keymap = Keymap::new(&KeysConfig::default()).expect("defaults are valid");
    let state = AppState::default();
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(keymap.action_for(&state, &Event::Key(release)), None);
    assert_eq!(
        keymap.action_for(&state, &Event::Resize(80, 24)),
        Some(Action::Resize(80, 24))
    );
}

#[test]
fn user_entries_replace_single_defaults_and_noop_unbinds() {
    let mut config = KeysConfig::default();
    config.list.insert("x".into(), "toggle_read".into());
    config.global.insert("q".into(), "noop".into());
    let keymap = Keymap::new(&config).expect("valid");
    let state = AppState::default();
    let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(keymap.action_for(&state, &x), Some(Action::ToggleRead));
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(keymap.action_for(&state, &q), Some(Action::Noop));
    let help = keymap.help();
    assert!(
        !help[0]
            .lines
            .iter()
            .any(|(keys, _)| keys.split(' ').any(|k| k == "q"))
    );
    assert!(
        help[1]
            .lines
            .contains(&("x".into(), "mark read / unread".into()))
    );
}

#[test]
fn bad_bindings_name_the_section_and_entry() {
    let mut config = KeysConfig::default();
    config.reader.insert("j".into(), "fly".into());
    let error = Keymap::new(&config).expect_err("unknown action");
    assert_eq!(error, "keys.reader: \"j\": unknown action 'fly'");
    let mut config = KeysConfig::default();
    config.list.insert("hyper-j".into(), "quit".into());
    assert!(
        Keymap::new(&config)
            .expect_err("bad key")
            .starts_with("keys.list: \"hyper-j\"")
    );
}

#[test]
fn help_groups_keys_by_action() {
    let keymap = Keymap::new(&KeysConfig::default()).expect("valid");
    let help = keymap.help();
    assert_eq!(help.len(), 5, "four panes and the lines");
    assert!(
        help[0]
            .lines
            .contains(&("Q ctrl-c".into(), "quit kiosk from anywhere".into()))
    );
    assert!(help[2].lines.contains(&("b".into(), "one page up".into())));
}

#[test]
fn key_specs_parse_into_keys() {
    let keys = parse_keys("j j <enter> /lang:fr<enter> G <ctrl-d> <<").expect("valid");
    let names: Vec<String> = keys.iter().map(ToString::to_string).collect();
    let expected = [
        "j", "j", "enter", "/", "l", "a", "n", "g", ":", "f", "r", "enter", "G",
    ];
    assert_eq!(names[..13], expected);
    assert_eq!(names[13..], ["ctrl-d", "<", "<"]);
    assert!(parse_keys("<nope>").is_err());
}

#[test]
fn key_events_map_back_to_their_keys() {
    let keymap = Keymap::new(&KeysConfig::default()).expect("valid");
    let state = AppState::default();
    for (name, action) in [
        ("G", Action::SelectLast),
        ("shift-tab", Action::FocusPrev),
        ("ctrl-d", Action::HalfPageDown),
    ] {
        let key: Key = name.parse().expect("valid");
        assert_eq!(
            keymap.action_for(&state, &key.event()),
            Some(action),
            "{name}"
        );
    }
}

#[test]
fn the_prompt_has_readline_keys_and_the_picker_marks_with_tab() {
    use crate::app::line_edit::Edit;
    let keymap = Keymap::new(&KeysConfig::default()).expect("defaults are valid");
    let mut state = query_line();
    let action = |state: &AppState, keys: &str| {
        let key = parse_keys(keys).expect("key")[0];
        keymap.action_for(state, &key.event())
    };
    for (keys, edit) in [
        ("<left>", Edit::Left),
        ("<right>", Edit::Right),
        ("<home>", Edit::Start),
        ("<ctrl-a>", Edit::Start),
        ("<end>", Edit::End),
        ("<ctrl-e>", Edit::End),
        ("<alt-b>", Edit::WordLeft),
        ("<alt-f>", Edit::WordRight),
        ("<backspace>", Edit::Backspace),
        ("<delete>", Edit::Delete),
        ("<ctrl-w>", Edit::KillWordBack),
        ("<ctrl-u>", Edit::KillToStart),
        ("<ctrl-k>", Edit::KillToEnd),
    ] {
        assert_eq!(
            action(&state, keys),
            Some(Action::PromptEdit(edit)),
            "{keys}"
        );
    }
    for (keys, action_wanted) in [
        ("<up>", Action::PromptHistory(true)),
        ("<ctrl-p>", Action::PromptHistory(true)),
        ("<down>", Action::PromptHistory(false)),
        ("<ctrl-n>", Action::PromptHistory(false)),
        ("<tab>", Action::PromptComplete(true)),
        ("<shift-tab>", Action::PromptComplete(false)),
    ] {
        assert_eq!(action(&state, keys), Some(action_wanted), "{keys}");
    }
    state.overlay = Some(Overlay::Picker(Default::default()));
    assert_eq!(action(&state, "<space>"), Some(Action::PromptInput(' ')));
    assert_eq!(action(&state, "<tab>"), Some(Action::PickerMark));
    assert_eq!(action(&state, "<ctrl-space>"), Some(Action::PickerMark));
    assert_eq!(action(&state, "<down>"), Some(Action::PickerMove(1)));
    assert_eq!(
        action(&state, "<left>"),
        Some(Action::PromptEdit(Edit::Left))
    );
}

/// A state with the query line open and empty.
fn query_line() -> AppState {
    AppState {
        overlay: Some(Overlay::Prompt(crate::app::prompt::Prompt::query(
            String::new(),
        ))),
        ..AppState::default()
    }
}

#[test]
fn hints_follow_the_pane_and_the_users_keys() {
    let mut config = crate::config::KeysConfig::default();
    config.reader.insert("ctrl-n".into(), "next_hit".into());
    config.reader.insert("n".into(), "noop".into());
    let keymap = Keymap::new(&config).expect("keymap");
    let hints = keymap.hints();
    assert_eq!(
        hints.list,
        "j/k move · Enter read · n unread · / search · Esc unfilter · ? help · q back · Q quit"
    );
    assert!(hints.reader.contains("ctrl-n/N hit"), "{}", hints.reader);
    assert!(
        hints.entities.contains("Enter filter"),
        "{}",
        hints.entities
    );
}
