//! The event loop: the only code that touches the terminal. [`step`] feeds one event through
//! keymap → update → effects and is shared with the tests; [`run_library`] owns the terminal.

mod browser;
mod counter;
mod desktop;
mod env;
mod feeds;
mod store_library;
mod unread;
mod watchdog;
mod writer;

pub use browser::Browser;
pub use desktop::{Desktop, base64};
pub use env::{Counter, Env, FeedFetcher, FullTextFetcher, Library, System, WriteJob, WriteQueue};
pub use feeds::full_text_fetcher;

use std::io::stdout;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;

use crate::app::{self, Action, AppState, ViewSettings};
use crate::config::Config;
use crate::keymap::Keymap;
use crate::store::Store;
use crate::theme::Theme;

/// The status line on the first start over a store (a fresh store holds the sample archive).
const WELCOME: &str =
    "Welcome! Import your own articles with `kiosk import PATH` · ? shows the keys";

/// The status line at start over a store opened read-only.
const WRITES_OFF: &str =
    "the store is read-only: writes are off (reading, searching and filtering work)";

/// How often an idle kiosk looks for imports by another process.
const POLL: Duration = Duration::from_secs(1);
/// How often the loop looks for background answers while one is due.
const ANSWER_POLL: Duration = Duration::from_millis(30);

/// Feeds one terminal event through the keymap, `update` and the effects it asks for.
/// While a picker choice waits for its counts, keys wait too (Esc and Ctrl-C cancel at once):
/// `c niger Enter m` typed quickly must open the map on Niger's list, not type an `m`.
pub fn step(state: &mut AppState, env: &mut Env, event: &Event) {
    if state.picker_waits() && !cancels(event) {
        env.typed_ahead.push(event.clone());
        return;
    }
    let action = env.keymap.action_for(state, event);
    dispatch(state, env, action);
}

/// Esc and Ctrl-C go through to a waiting picker (closing it, or quitting).
fn cancels(event: &Event) -> bool {
    let Event::Key(key) = event else {
        return true;
    };
    key.code == event::KeyCode::Esc
        || (key.code == event::KeyCode::Char('c')
            && key.modifiers.contains(event::KeyModifiers::CONTROL))
}

/// Applies `action` and every action its effects answer with, until none is left; then replays
/// the keys typed ahead of a picker choice once that choice is made.
pub fn dispatch(state: &mut AppState, env: &mut Env, action: Option<Action>) {
    let mut next = action;
    while let Some(action) = next {
        next = app::update(state, action).and_then(|effect| env.perform(effect));
    }
    if !state.picker_waits() && !env.typed_ahead.is_empty() {
        for event in std::mem::take(&mut env.typed_ahead) {
            step(state, env, &event);
        }
    }
}

/// The keymap and view settings from `config`; fails on a bad binding or colour.
pub fn prepare(config: &Config, no_color: bool) -> anyhow::Result<(Keymap, ViewSettings)> {
    let keymap = Keymap::new(&config.keys).map_err(anyhow::Error::msg)?;
    let view = ViewSettings {
        theme: Theme::new(&config.theme, no_color)?,
        layout: config.layout.clone(),
        help: keymap.help(),
        hints: keymap.hints(),
        this_year: Some(chrono::Datelike::year(&chrono::Local::now())),
    };
    Ok((keymap, view))
}

/// A state and env ready for the first frame: sized, restored and loaded, no terminal needed.
pub fn start(
    library: Box<dyn Library>,
    system: Box<dyn System>,
    config: &Config,
    size: (u16, u16),
    no_color: bool,
    counter: Option<Counter>,
) -> anyhow::Result<(AppState, Env)> {
    let (keymap, view) = prepare(config, no_color)?;
    let mut env = Env::new(keymap, library, system);
    env.counter = counter;
    let (views, view_errors) = crate::config::views::valid_views(&config.views);
    env.views.clone_from(&views);
    env.config_file.clone_from(&config.file);
    let mut state = AppState::new(view);
    state.views = views;
    dispatch(&mut state, &mut env, Some(Action::Resize(size.0, size.1)));
    let restored = env.restore();
    dispatch(&mut state, &mut env, Some(restored));
    let (history, history_problems) = env.restore_history();
    dispatch(&mut state, &mut env, Some(history));
    // Coming back to the last session's filter is not a change to undo.
    state.undo.clear();
    let first_start = env.first_start();
    if let Some(error) = view_errors.into_iter().next() {
        dispatch(&mut state, &mut env, Some(Action::Failed(error)));
    } else if env.library.writes_off() {
        dispatch(&mut state, &mut env, Some(Action::Info(WRITES_OFF.into())));
    } else if let Some(problem) = history_problems.into_iter().next() {
        dispatch(&mut state, &mut env, Some(Action::Info(problem)));
    } else if first_start {
        dispatch(&mut state, &mut env, Some(Action::Info(WELCOME.into())));
    } else if let Some(counter) = &mut env.counter {
        // Counting them walks the archive: the counter answers after the first screen.
        counter.request(env::CountJob::StaleAnalysis);
    } else if let Some(notice) = stale_analysis_notice(env.library.stale_analysis().unwrap_or(0)) {
        dispatch(&mut state, &mut env, Some(Action::Info(notice)));
    }
    Ok((state, env))
}

/// The status line when stored analysis predates this kiosk's analyser.
pub(crate) fn stale_analysis_notice(stale: u64) -> Option<String> {
    (stale > 0).then(|| {
        format!(
            "{stale} articles have no analysis or one from an older analyser: \
             run `kiosk reanalyze` to update them"
        )
    })
}

/// Runs the TUI over the store: the entry point of `kiosk` with no subcommand. Sidebar counts
/// (slow aggregates over big lists) come from a second connection on a background thread, and
/// writes go through a third (another process's lock must not freeze a key).
pub fn run_tui(store: Store, config: &Config) -> anyhow::Result<()> {
    let counter = Counter::over_store(store.path());
    let fetcher = feeds::fetcher(store.path().to_path_buf(), config);
    let full_text = store
        .is_writable()
        .then(|| feeds::full_text_fetcher(store.path().to_path_buf()));
    let writes = store
        .is_writable()
        .then(|| WriteQueue::over_store(store.path()));
    run_library(
        Box::new(store),
        config,
        Some(counter),
        Some(fetcher),
        full_text,
        writes,
    )
}

/// Runs the TUI over `library` until the user quits or a signal ends it; always restores the
/// terminal (quit, Ctrl-C, SIGTERM, SIGHUP, panic).
pub fn run_library(
    library: Box<dyn Library>,
    config: &Config,
    counter: Option<Counter>,
    feed_fetcher: Option<FeedFetcher>,
    full_text: Option<FullTextFetcher>,
    writes: Option<WriteQueue>,
) -> anyhow::Result<()> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (keymap, _) = prepare(config, no_color)?;
    drop(keymap);
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("installing signal handlers")?;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
    let finished = Arc::new(AtomicBool::new(false));
    watchdog::spawn(Arc::clone(&stop), Arc::clone(&finished));
    // ratatui::init wraps the hook above with one that restores the terminal first.
    let mut terminal = ratatui::init();
    let mut writes = writes;
    let result = execute!(stdout(), EnableMouseCapture)
        .context("enabling the mouse")
        .and_then(|()| {
            let size = terminal.size().context("reading the terminal size")?;
            let system = Box::new(Desktop {
                browser: Browser::from_config(config),
            });
            let size = (size.width, size.height);
            let (state, mut env) = start(library, system, config, size, no_color, counter)?;
            env.feed_fetcher = feed_fetcher;
            env.full_text = full_text;
            env.writes = writes.take();
            let ran = run(&mut terminal, state, &mut env, &stop);
            writes = env.writes.take();
            ran
        });
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    if let Some(writes) = writes {
        finish_writes(writes);
    }
    finished.store(true, Ordering::Relaxed);
    result
}

/// After the terminal is restored: waits for the writes still queued (toggles made just before
/// quitting, the list saved for the next start), saying so when they take a while, and prints
/// any that failed.
fn finish_writes(mut writes: WriteQueue) {
    let mut failures = writes.recv_within(Duration::from_millis(200));
    if writes.is_waiting() {
        eprintln!(
            "kiosk: waiting for the store to take the last writes (another process holds its lock)…"
        );
    }
    failures.extend(writes.finish());
    for failure in failures {
        if let Action::WriteFailed(_, message) | Action::Failed(message) = &failure {
            eprintln!("kiosk: a write was lost: {message}");
        }
    }
}

/// Draws, then waits for an event (or a store change, or a signal), until the state quits.
fn run(
    terminal: &mut DefaultTerminal,
    mut state: AppState,
    env: &mut Env,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    while !state.should_quit {
        terminal.draw(|frame| crate::ui::render(&state, frame))?;
        if let Some(counter) = &mut env.counter {
            counter.release();
        }
        loop {
            if stop.load(Ordering::Relaxed) {
                dispatch(&mut state, env, Some(Action::Quit));
                break;
            }
            // Blocks for up to POLL: an idle kiosk wakes once a second to ask SQLite one pragma.
            // While counts are being computed it wakes more often to show them when ready.
            let waiting = env.counter.as_ref().is_some_and(Counter::is_waiting)
                || env.writes.as_ref().is_some_and(WriteQueue::is_waiting)
                || env.is_fetching();
            if event::poll(if waiting { ANSWER_POLL } else { POLL })? {
                step(&mut state, env, &event::read()?);
                break;
            }
            let mut answers = env
                .counter
                .as_mut()
                .map(Counter::try_recv)
                .unwrap_or_default();
            answers.extend(
                env.writes
                    .as_mut()
                    .map(WriteQueue::try_recv)
                    .unwrap_or_default(),
            );
            if !answers.is_empty() {
                for answer in answers {
                    dispatch(&mut state, env, Some(answer));
                }
                break;
            }
            let progress = env.poll_fetch();
            if !progress.is_empty() {
                for action in progress {
                    dispatch(&mut state, env, Some(action));
                }
                break;
            }
            if let Some(refresh) = env.poll_changes() {
                dispatch(&mut state, env, Some(refresh));
                break;
            }
        }
        let back = if env.take_suspend() {
            suspend(terminal)?;
            Some(Action::Noop)
        } else {
            env.take_foreground()
                .map(|command| run_in_terminal(terminal, command))
                .transpose()?
        };
        if let Some(back) = back {
            let size = terminal.size()?;
            dispatch(
                &mut state,
                env,
                Some(Action::Resize(size.width, size.height)),
            );
            dispatch(&mut state, env, Some(back));
        }
    }
    Ok(())
}

/// Gives the terminal back as the shell had it: no mouse, raw mode or alternate screen.
fn leave_screen() -> anyhow::Result<()> {
    execute!(stdout(), DisableMouseCapture)?;
    ratatui::restore();
    Ok(())
}

/// Takes the terminal again after [`leave_screen`] and redraws from scratch.
fn enter_screen(terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    terminal.clear()?;
    Ok(())
}

/// A text browser (`browser_mode = "terminal"`): it gets the terminal and kiosk waits for it to
/// end, then takes the screen back; the answer is the status line saying how it went.
fn run_in_terminal(terminal: &mut DefaultTerminal, mut command: Command) -> anyhow::Result<Action> {
    let program = command.get_program().to_string_lossy().into_owned();
    leave_screen()?;
    let status = command.status();
    enter_screen(terminal)?;
    Ok(match status {
        Ok(status) if status.success() => Action::Info(format!("back from {program}")),
        Ok(status) => Action::Failed(format!("the browser {program} ended with {status}")),
        Err(e) => Action::Failed(format!("cannot start the browser {program}: {e}")),
    })
}

/// Ctrl-Z: give the terminal back, stop until `fg`, then take it again.
#[cfg(unix)]
fn suspend(terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
    leave_screen()?;
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP).context("suspending")?;
    enter_screen(terminal)
}

#[cfg(not(unix))]
fn suspend(_terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_analysis_is_announced_only_when_there_is_some() {
        assert_eq!(stale_analysis_notice(0), None);
        let notice = stale_analysis_notice(12).expect("a notice");
        assert!(
            notice.starts_with("12 articles") && notice.contains("kiosk reanalyze"),
            "{notice}"
        );
    }
}
