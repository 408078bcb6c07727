//! Flow tests of the TUI's writes through its writer thread: a key never waits for another
//! process's write lock, the toggle shows at once as pending, lands once the lock is released,
//! and a write the store refuses is undone on screen with a sentence.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::Harness;
use kiosk::app::{Action, AppState};
use kiosk::runtime::{self, WriteQueue};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A harness whose writes go through a writer thread with its own connection, as `kiosk` runs.
fn with_writer(n: usize) -> Harness {
    let mut h = Harness::new(n, 120, 30);
    h.env.writes = Some(WriteQueue::over_store(&h.path));
    h
}

/// Waits for the writer's next answer and dispatches it, as the runtime loop does.
fn next_answer(h: &mut Harness) -> Option<Action> {
    let writes = h.env.writes.as_mut().expect("a writer");
    let answer = writes.recv().expect("a write was queued");
    runtime::dispatch(&mut h.state, &mut h.env, answer.clone());
    answer
}

/// The status line as drawn.
fn status_line(state: &AppState) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(state.size.0, state.size.1)).expect("terminal");
    terminal
        .draw(|frame| kiosk::ui::render(state, frame))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    let last = buffer.area.height - 1;
    (0..buffer.area.width)
        .map(|x| buffer[(x, last)].symbol().to_string())
        .collect()
}

#[test]
fn toggles_under_another_process_lock_return_at_once_and_land_after_it() {
    let mut h = with_writer(5);
    let id = h.state.list.selected_id().expect("selected");
    let other = rusqlite::Connection::open(&h.path).expect("second connection");
    other
        .execute_batch("BEGIN IMMEDIATE")
        .expect("take the write lock");

    // Were the step waiting for the lock, it would wait for this very thread: it returns.
    h.press("r s");
    let row = h.state.list.selected_row().expect("row").clone();
    assert!(row.read && row.starred, "the toggles show at once");
    assert_eq!(h.state.writes_pending(), 2);
    assert!(
        status_line(&h.state).contains("2 writes pending"),
        "{}",
        status_line(&h.state)
    );
    let stored = h.store().load(id).expect("load").summary;
    assert!(
        !stored.read && !stored.starred,
        "nothing written under the lock"
    );
    // A reload from the store meanwhile (another import) keeps showing the toggles.
    h.press("R");
    assert!(h.state.list.selected_row().expect("row").read);

    other.execute_batch("COMMIT").expect("release the lock");
    assert!(matches!(next_answer(&mut h), Some(Action::Written(_))));
    assert!(matches!(next_answer(&mut h), Some(Action::Written(_))));
    assert_eq!(h.state.writes_pending(), 0);
    assert!(!status_line(&h.state).contains("pending"));
    let stored = h.store().load(id).expect("load").summary;
    assert!(stored.read && stored.starred, "both writes landed");
}

#[test]
fn a_write_the_store_refuses_is_undone_with_a_sentence() {
    let mut h = with_writer(5);
    let id = h.state.list.selected_id().expect("selected");
    let title = h.selected_title();
    // Another process deleted the article under the open list.
    let other = rusqlite::Connection::open(&h.path).expect("second connection");
    other
        .execute("DELETE FROM articles WHERE id = ?1", [id])
        .expect("delete");

    h.press("s");
    assert!(h.state.list.selected_row().expect("row").starred);
    assert!(matches!(next_answer(&mut h), Some(Action::WriteFailed(..))));
    assert!(!h.state.list.selected_row().expect("row").starred);
    assert_eq!(h.state.writes_pending(), 0);
    let status = h.state.status.clone().expect("a sentence");
    assert!(status.is_error);
    assert_eq!(
        status.text,
        format!("could not star “{title}”: no article with id {id}; it shows as before")
    );
}

#[test]
fn quitting_waits_for_the_queued_writes() {
    let mut h = with_writer(5);
    let id = h.state.list.selected_id().expect("selected");
    h.press("s q");
    let writes = h.env.writes.take().expect("a writer");
    let answers = writes.finish();
    assert!(
        answers.iter().all(|a| matches!(a, Action::Written(_))),
        "{answers:?}"
    );
    assert!(h.store().load(id).expect("load").summary.starred);
    let saved = h.store().ui_state("tui.selected").expect("read");
    assert_eq!(saved, Some(id.to_string()));
}
