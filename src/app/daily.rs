//! Articles per day for the sparkline: a dense series of days ending at the newest article of
//! the list, built from the sparse (day, count) pairs the store returns.

use chrono::{Duration, NaiveDate};

/// How many days the sparkline covers.
pub const DAYS: usize = 90;

/// Articles per day over the [`DAYS`] days up to the newest listed article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Daily {
    /// The first day, `YYYY-MM-DD`.
    pub from: String,
    /// The last day: the newest article's.
    pub to: String,
    /// One count per day from `from` to `to`.
    pub counts: Vec<u64>,
}

impl Daily {
    /// The first day of the series ending on `newest` (a date or an RFC 3339 time).
    pub fn start_for(newest: &str) -> Option<String> {
        let last = day(newest)?;
        Some(date_text(last - span()))
    }

    /// The dense series ending on `newest` from sparse `(YYYY-MM-DD, count)` pairs; pairs
    /// outside the window are ignored.
    pub fn from_pairs(newest: &str, pairs: &[(String, u64)]) -> Self {
        let Some(last) = day(newest) else {
            return Self::default();
        };
        let first = last - span();
        let mut counts = vec![0; DAYS];
        for (date, count) in pairs {
            let Some(date) = day(date) else { continue };
            if let Ok(at) = usize::try_from((date - first).num_days())
                && let Some(slot) = counts.get_mut(at)
            {
                *slot += count;
            }
        }
        Self {
            from: date_text(first),
            to: date_text(last),
            counts,
        }
    }

    /// The day `days` before the last one, `YYYY-MM-DD` (the first day of a shortened series).
    pub fn day_before_last(&self, days: usize) -> String {
        let back = Duration::days(i64::try_from(days).unwrap_or(0));
        day(&self.to).map_or_else(String::new, |last| date_text(last - back))
    }

    pub fn is_empty(&self) -> bool {
        self.counts.iter().all(|count| *count == 0)
    }
}

fn span() -> Duration {
    Duration::days(i64::try_from(DAYS).unwrap_or(90) - 1)
}

fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_days_become_a_dense_series_ending_at_the_newest() {
        let pairs = vec![
            ("2024-03-01".to_string(), 2),
            ("2024-02-29".to_string(), 1),
            ("2023-01-01".to_string(), 9),
        ];
        let daily = Daily::from_pairs("2024-03-01T10:00:00Z", &pairs);
        assert_eq!(daily.to, "2024-03-01");
        assert_eq!(daily.from, "2023-12-03");
        assert_eq!(
            Daily::start_for("2024-03-01").as_deref(),
            Some("2023-12-03")
        );
        assert_eq!(daily.counts.len(), DAYS);
        assert_eq!(&daily.counts[DAYS - 2..], [1, 2]);
        assert_eq!(daily.counts.iter().sum::<u64>(), 3);
        assert!(Daily::from_pairs("not a date", &pairs).is_empty());
        assert_eq!(daily.day_before_last(1), "2024-02-29");
        assert_eq!(daily.day_before_last(DAYS - 1), daily.from);
    }
}
