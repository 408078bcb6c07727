//! Ends kiosk when its terminal is gone. crossterm's reader spins on a terminal that hung up
//! (read returns 0 forever, crossterm issue #793), so the event loop may never come back to see
//! SIGHUP or SIGTERM: this thread exits the process when a stop signal stays unanswered or the
//! terminal vanished, instead of leaving it burning a core.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the watchdog looks; how many looks a vanished terminal, and a stop signal, may
/// stay unanswered. The event loop wakes at least once a second, so a stop it can see is
/// answered well within the second patience, and the terminal restored.
const TICK: Duration = Duration::from_millis(250);
const GONE_PATIENCE: u32 = 4;
const STOP_PATIENCE: u32 = 12;

/// Watches until `finished` is set by the event loop's end.
pub fn spawn(stop: Arc<AtomicBool>, finished: Arc<AtomicBool>) {
    let had_terminal = std::io::stdout().is_terminal();
    std::thread::spawn(move || {
        let (mut gone_for, mut stop_for) = (0, 0);
        while !finished.load(Ordering::Relaxed) {
            std::thread::sleep(TICK);
            // A hung-up terminal answers no terminal ioctl any more.
            let gone = had_terminal && !std::io::stdout().is_terminal();
            gone_for = if gone { gone_for + 1 } else { 0 };
            stop_for = if stop.load(Ordering::Relaxed) {
                stop_for + 1
            } else {
                0
            };
            let give_up = gone_for >= GONE_PATIENCE || stop_for >= STOP_PATIENCE;
            if give_up && !finished.load(Ordering::Relaxed) {
                // What was stored is committed: SQLite needs no goodbye. The status says why, as
                // a shell would: 128 + SIGHUP for a lost terminal, 128 + SIGTERM otherwise.
                std::process::exit(if gone_for >= GONE_PATIENCE { 129 } else { 143 });
            }
        }
    });
}
