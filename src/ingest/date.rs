//! Publication dates in the forms news data uses (RFC 3339, RFC 2822, `2024-03-28`,
//! `26-FEB-1987 15:01:01.79`, `March 3, 2024`, Unix seconds), normalised to RFC 3339 UTC.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

const DATE_TIME_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%d-%b-%Y %H:%M:%S%.f",
    "%d %b %Y %H:%M:%S",
    "%d %B %Y %H:%M",
    "%B %d, %Y %H:%M",
];

const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y%m%d",
    "%d-%b-%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%d.%m.%Y",
];

/// The most words a known form has (`Thu, 28 Mar 2024 10:15:00 GMT` has six), with room for a
/// weekday spelt out: later words are noise, and trying every prefix of a long field would take
/// time quadratic in its length (a 1 MB `published` field stalled an import).
const MAX_DATE_WORDS: usize = 8;

/// The longest candidate tried; no known form comes near it.
const MAX_DATE_BYTES: usize = 96;

/// Parses `text` as a date or date-time; `None` when no known form fits. Trailing noise
/// (`27-MAR-1987 13:29:49.68F RM A`, as old wire archives have) is dropped word by word.
pub fn parse_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().take(MAX_DATE_WORDS).collect();
    (1..=words.len()).rev().find_map(|count| {
        let candidate = words[..count].join(" ");
        if candidate.len() > MAX_DATE_BYTES {
            return None;
        }
        parse_exact(&candidate).or_else(|| {
            let trimmed = candidate.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            (trimmed.len() < candidate.len())
                .then(|| parse_exact(trimmed))
                .flatten()
        })
    })
}

fn parse_exact(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Ok(date) = DateTime::parse_from_rfc3339(text) {
        return Some(format_utc(date.with_timezone(&Utc)));
    }
    if let Ok(date) = DateTime::parse_from_rfc2822(text) {
        return Some(format_utc(date.with_timezone(&Utc)));
    }
    if let Ok(date) = DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f %z") {
        return Some(format_utc(date.with_timezone(&Utc)));
    }
    // Month names arrive in any case (`26-FEB-1987`); chrono wants them capitalised.
    let normalised = capitalise_words(text);
    for format in DATE_TIME_FORMATS {
        if let Ok(date) = NaiveDateTime::parse_from_str(&normalised, format) {
            return Some(format_utc(date.and_utc()));
        }
    }
    for format in DATE_FORMATS {
        if let Ok(date) = NaiveDate::parse_from_str(&normalised, format) {
            return date
                .and_hms_opt(0, 0, 0)
                .map(|date| format_utc(date.and_utc()));
        }
    }
    if text.len() >= 9 && text.bytes().all(|b| b.is_ascii_digit()) {
        return from_unix_seconds(text.parse().ok()?);
    }
    None
}

/// Unix seconds (as JSON numbers carry them) to RFC 3339.
pub fn from_unix_seconds(seconds: i64) -> Option<String> {
    DateTime::from_timestamp(seconds, 0).map(format_utc)
}

fn format_utc(date: DateTime<Utc>) -> String {
    date.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn capitalise_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at_word_start = true;
    for c in text.chars() {
        if c.is_alphabetic() {
            if at_word_start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            at_word_start = false;
        } else {
            out.push(c);
            at_word_start = true;
        }
    }
    out
}

/// A `YYYY-MM-DD` inside a file name, as dated archives name their files.
pub fn date_in_file_name(name: &str) -> Option<String> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|start| {
        let candidate = name.get(start..start + 10)?;
        let shaped = candidate.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
        let starts_clean = start == 0 || !bytes[start - 1].is_ascii_digit();
        if !shaped || !starts_clean {
            return None;
        }
        NaiveDate::parse_from_str(candidate, "%Y-%m-%d")
            .ok()
            .and_then(|date| date.and_hms_opt(0, 0, 0))
            .map(|date| format_utc(date.and_utc()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        let cases = [
            ("2024-03-28T10:15:00+02:00", "2024-03-28T08:15:00Z"),
            ("2024-03-28T10:15:00Z", "2024-03-28T10:15:00Z"),
            ("Thu, 28 Mar 2024 10:15:00 GMT", "2024-03-28T10:15:00Z"),
            ("Thu, 28 Mar 2024 10:15:00 +0100", "2024-03-28T09:15:00Z"),
            ("2024-03-28", "2024-03-28T00:00:00Z"),
            ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01Z"),
            ("2015-07-23 14:02:11", "2015-07-23T14:02:11Z"),
            ("March 3, 2024", "2024-03-03T00:00:00Z"),
            ("3 march 2024", "2024-03-03T00:00:00Z"),
            ("2024/03/28", "2024-03-28T00:00:00Z"),
            ("1711620900", "2024-03-28T10:15:00Z"),
            ("27-MAR-1987 13:29:49.68F RM A", "1987-03-27T13:29:49Z"),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_date(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for input in [
            "",
            "yesterday",
            "2024-13-45",
            "32/01/2024",
            "12",
            "May the force",
        ] {
            assert_eq!(parse_date(input), None, "{input}");
        }
    }

    /// Each prefix of a long field used to be joined and tried: 200,000 words never finished.
    #[test]
    fn a_huge_field_is_read_by_its_first_words_only() {
        let noise = "noise ".repeat(200_000);
        assert_eq!(
            parse_date(&format!("2024-03-28 {noise}")).as_deref(),
            Some("2024-03-28T00:00:00Z")
        );
        assert_eq!(parse_date(&noise), None);
        assert_eq!(parse_date(&"9".repeat(1_000_000)), None);
    }

    #[test]
    fn finds_dates_in_file_names() {
        assert_eq!(
            date_in_file_name("2024-03-28-niger.txt").as_deref(),
            Some("2024-03-28T00:00:00Z")
        );
        assert_eq!(
            date_in_file_name("rfi_2024-01-02.txt").as_deref(),
            Some("2024-01-02T00:00:00Z")
        );
        assert_eq!(date_in_file_name("000_01d5d40832fb177e.txt"), None);
        assert_eq!(date_in_file_name("12024-03-28.txt"), None);
    }
}
