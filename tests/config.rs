//! The TUI's config sections: `config.example.toml` is exactly the defaults, user entries merge
//! with the default bindings, and mistakes are reported with the line and key.

use kiosk::config::Config;
use kiosk::keymap::Keymap;
use kiosk::runtime;

const EXAMPLE: &str = include_str!("../config.example.toml");

#[test]
fn the_example_parses_to_exactly_the_defaults() {
    let parsed = Config::parse(EXAMPLE).expect("config.example.toml parses");
    assert_eq!(parsed, Config::default());
}

#[test]
fn the_example_lists_every_default_binding() {
    let defaults = Config::default().keys;
    for (section, bindings) in [
        ("global", &defaults.global),
        ("list", &defaults.list),
        ("reader", &defaults.reader),
        ("entities", &defaults.entities),
    ] {
        let start = EXAMPLE
            .find(&format!("\n[keys.{section}]\n"))
            .expect(section)
            + 1;
        let body = &EXAMPLE[start..];
        let body = &body[..body[1..].find("\n[").map_or(body.len(), |end| end + 1)];
        for (key, action) in bindings {
            let line = format!("{} = \"{action}\"", toml_key(key));
            assert!(body.contains(&line), "[keys.{section}] lacks {line}");
        }
    }
}

fn toml_key(key: &str) -> String {
    format!("\"{}\"", key.replace('\\', "\\\\").replace('"', "\\\""))
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(Config::parse("").expect("empty parses"), Config::default());
}

#[test]
fn one_user_binding_keeps_the_other_defaults() {
    let config = Config::parse("[keys.list]\nx = \"toggle_read\"\nj = \"noop\"\n").expect("valid");
    let defaults = Config::default().keys.list;
    assert_eq!(config.keys.list.len(), defaults.len() + 1);
    assert_eq!(config.keys.list["x"], "toggle_read");
    assert_eq!(config.keys.list["j"], "noop");
    assert_eq!(config.keys.list["k"], "select_prev");
    assert_eq!(config.keys.global, Config::default().keys.global);
    assert!(Keymap::new(&config.keys).is_ok());
}

#[test]
fn unknown_sections_and_keys_are_reported_with_their_line() {
    let error = Config::parse("[keys.sidebar]\nj = \"quit\"\n").expect_err("unknown pane");
    assert!(error.starts_with("line 1"), "{error}");
    assert!(error.contains("sidebar"), "{error}");
    let error = Config::parse("[layout]\nlist_percent = 40\nwidth = 3\n").expect_err("unknown key");
    assert!(
        error.starts_with("line 3") && error.contains("width"),
        "{error}"
    );
    let error = Config::parse("[theme]\nborder = 3\n").expect_err("wrong type");
    assert!(error.starts_with("line 2"), "{error}");
}

#[test]
fn bad_actions_keys_and_colours_fail_at_start_up() {
    let bad_action = Config::parse("[keys.global]\nq = \"explode\"\n").expect("parses");
    let error = runtime::prepare(&bad_action, false)
        .expect_err("unknown action")
        .to_string();
    assert_eq!(error, "keys.global: \"q\": unknown action 'explode'");
    let bad_key = Config::parse("[keys.reader]\n\"ctrl-\" = \"quit\"\n").expect("parses");
    let error = runtime::prepare(&bad_key, false)
        .expect_err("bad key")
        .to_string();
    assert!(
        error.starts_with("keys.reader: \"ctrl-\": unknown key"),
        "{error}"
    );
    let bad_colour = Config::parse("[theme]\nchip = \"ultraviolet\"\n").expect("parses");
    let error = runtime::prepare(&bad_colour, false)
        .expect_err("bad colour")
        .to_string();
    assert!(error.starts_with("theme.chip: 'ultraviolet'"), "{error}");
}

#[test]
fn layout_and_theme_options_are_read() {
    let text = "[layout]\nlist_percent = 30\nsidebar_columns = 40\nshow_sidebar = false\n\
                [theme]\nborder_focused = \"#ff8800\"\n";
    let config = Config::parse(text).expect("valid");
    assert_eq!(
        (config.layout.list_percent, config.layout.sidebar_columns),
        (30, 40)
    );
    assert!(!config.layout.show_sidebar);
    let (_, view) = runtime::prepare(&config, false).expect("valid");
    assert_eq!(
        view.theme.border_focused.fg,
        Some(ratatui::style::Color::Rgb(255, 136, 0))
    );
}
