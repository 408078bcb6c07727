//! The import's progress bar (indicatif): the importer reports through a callback and draws
//! nothing; this draws bytes read as a percentage with an ETA when the inputs' size is known,
//! a spinner with a count for stdin, and rates as whole numbers (issues 16, 17).

use std::cell::Cell;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::app::text::thousands;
use crate::ingest::Progress;

/// How often the message (count and rate) is rebuilt; indicatif redraws at its own pace.
const MESSAGE_EVERY: Duration = Duration::from_millis(100);

/// The bar of one `kiosk import`.
pub(super) struct Bar {
    bar: ProgressBar,
    started: Instant,
    last_message: Cell<Option<Instant>>,
}

/// A bar over `total` bytes (a spinner when unknown); hidden when stderr is not a terminal.
pub(super) fn bar(total: Option<u64>, terminal: bool) -> Bar {
    let bar = match (terminal, total) {
        (false, _) => ProgressBar::hidden(),
        (true, Some(total)) => {
            let bar = ProgressBar::new(total);
            let style = ProgressStyle::with_template(
                "{bar:30} {percent:>3}% of {total_bytes}  {msg}  ETA {eta}",
            );
            bar.set_style(style.unwrap_or_else(|_| ProgressStyle::default_bar()));
            bar
        }
        (true, None) => {
            let bar = ProgressBar::new_spinner();
            let style = ProgressStyle::with_template("{spinner} {msg}");
            bar.set_style(style.unwrap_or_else(|_| ProgressStyle::default_spinner()));
            bar
        }
    };
    bar.enable_steady_tick(Duration::from_millis(120));
    Bar {
        bar,
        started: Instant::now(),
        last_message: Cell::new(None),
    }
}

impl Bar {
    /// Shows `progress`: bytes move the bar, articles and their rate are the message.
    pub(super) fn show(&self, progress: &Progress) {
        self.bar.set_position(progress.bytes);
        let now = Instant::now();
        if self
            .last_message
            .get()
            .is_some_and(|last| now - last < MESSAGE_EVERY)
        {
            return;
        }
        self.last_message.set(Some(now));
        self.bar
            .set_message(message(progress.items, now - self.started));
    }

    /// Runs `print` with the bar out of the way.
    pub(super) fn suspend(&self, print: impl FnOnce()) {
        self.bar.suspend(print);
    }

    /// Takes the bar off the screen.
    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// "12,345 articles, 5,012/s": whole numbers, never "5012.3456/s".
fn message(items: u64, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    let rate = if seconds > 0.0 {
        // A count of articles is far below 2^52 and the rate is positive and finite.
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let rate = (items as f64 / seconds).round() as u64;
        rate
    } else {
        0
    };
    format!("{} articles, {}/s", thousands(items), thousands(rate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_whole_numbers() {
        assert_eq!(
            message(12_345, Duration::from_millis(2_463)),
            "12,345 articles, 5,012/s"
        );
        assert_eq!(message(7, Duration::ZERO), "7 articles, 0/s");
    }
}
