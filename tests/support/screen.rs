//! Shared by the render tests: an app over a real store of fixed articles, driven by key strings and drawn
//! on a `TestBackend`.
#![allow(dead_code)]

use crate::archive::Archive;
use kiosk::app::AppState;
use kiosk::config::Config;
use kiosk::keymap::parse_keys;
use kiosk::runtime::{self, Env, System};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The app over `library` with `config` on a `width`×`height` screen.
pub fn start_on(
    library: Archive,
    system: Box<dyn System>,
    config: &Config,
    width: u16,
    height: u16,
) -> (AppState, Env) {
    runtime::start(
        Box::new(library.store()),
        system,
        config,
        (width, height),
        false,
        None,
    )
    .expect("start")
}

pub fn press(state: &mut AppState, env: &mut Env, keys: &str) {
    for key in parse_keys(keys).expect("valid keys") {
        runtime::step(state, env, &key.event());
    }
}

/// The whole screen drawn from `state`.
pub fn screen(state: &AppState) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(state.size.0, state.size.1)).expect("terminal");
    terminal
        .draw(|frame| kiosk::ui::render(state, frame))
        .expect("draw");
    terminal
}

/// The text of `buffer`, one line per row.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

/// The whole screen drawn from `state`, as text.
pub fn text(state: &AppState) -> String {
    buffer_text(screen(state).backend().buffer())
}
