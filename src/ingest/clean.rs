//! Raw article text to clean paragraphs: line endings, hard wraps, control characters,
//! syndication trailers, and the normalised content hash that makes imports idempotent.

use regex::RegexSet;
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// How many paragraphs at the end of an article may be trailer candidates.
pub const TAIL_PARAGRAPHS: usize = 4;

/// Splits article text into paragraphs.
///
/// Blank lines separate paragraphs; lines inside one are unwrapped (joined with a space) unless
/// they look like a table. Text without blank lines uses indentation (wire copy indents each new
/// paragraph), or treats each long line as a paragraph.
pub fn paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().collect();
    let has_blank_lines = lines
        .windows(2)
        .any(|pair| !pair[0].trim().is_empty() && pair[1].trim().is_empty());
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    if has_blank_lines {
        let mut current = Vec::new();
        for line in &lines {
            if line.trim().is_empty() {
                if !current.is_empty() {
                    blocks.push(std::mem::take(&mut current));
                }
            } else {
                current.push(*line);
            }
        }
        if !current.is_empty() {
            blocks.push(current);
        }
    } else {
        let content: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|line| !line.trim().is_empty())
            .collect();
        let average = content.iter().map(|line| line.len()).sum::<usize>() / content.len().max(1);
        let indented = content
            .iter()
            .skip(1)
            .any(|line| line.starts_with([' ', '\t']));
        for line in content {
            let starts_paragraph = if indented {
                line.starts_with([' ', '\t'])
            } else {
                average > 90
            };
            match blocks.last_mut() {
                Some(block) if !starts_paragraph => block.push(line),
                _ => blocks.push(vec![line]),
            }
        }
    }
    blocks
        .into_iter()
        .map(|block| join_block(&block))
        .map(|paragraph| sanitize(&paragraph))
        .filter(|paragraph| !paragraph.trim().is_empty())
        .collect()
}

fn join_block(lines: &[&str]) -> String {
    let tabular = lines.len() > 1
        && lines
            .iter()
            .filter(|line| line.trim().contains("   "))
            .count()
            * 2
            >= lines.len();
    if tabular {
        lines
            .iter()
            .map(|line| line.trim_end())
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        lines
            .iter()
            .map(|line| line.trim())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Drops escape sequences, control characters and bidi overrides (keeping newlines) and turns
/// tabs into spaces: stored text is shown in terminals, where control characters could act.
pub fn sanitize(text: &str) -> String {
    crate::untrusted::clean_text(text).trim().to_string()
}

/// Compiles the configured trailer patterns (case-insensitive); names the bad one on error.
pub fn trailer_patterns(patterns: &[String]) -> Result<RegexSet, String> {
    for pattern in patterns {
        if let Err(error) = regex::Regex::new(pattern) {
            return Err(format!(
                "import.trailer_patterns: invalid pattern {pattern:?}: {error}"
            ));
        }
    }
    regex::RegexSetBuilder::new(patterns)
        .case_insensitive(true)
        .build()
        .map_err(|error| format!("import.trailer_patterns: {error}"))
}

/// Index of the first paragraph of the trailer: the run at the end whose paragraphs match a
/// pattern or `is_repeated`. At least one paragraph always stays in the body.
pub fn trailer_start(
    paragraphs: &[String],
    patterns: &RegexSet,
    is_repeated: impl Fn(&str) -> bool,
) -> usize {
    let mut start = paragraphs.len();
    let lowest = paragraphs.len().saturating_sub(TAIL_PARAGRAPHS).max(1);
    while start > lowest {
        let candidate = &paragraphs[start - 1];
        if patterns.is_match(candidate) || is_repeated(candidate) {
            start -= 1;
        } else {
            break;
        }
    }
    start
}

/// Stable short hash of a paragraph, whitespace- and case-normalised.
pub fn paragraph_hash(paragraph: &str) -> String {
    let digest = Sha256::digest(normalise(paragraph).as_bytes());
    hex(&digest[..12])
}

/// Hash of the normalised title and paragraphs: equal for the same article in any encoding,
/// line-ending or wrapping.
pub fn content_hash(title: &str, paragraphs: &[String]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(normalise(title).as_bytes());
    for paragraph in paragraphs {
        hasher.update(b"\n");
        hasher.update(normalise(paragraph).as_bytes());
    }
    hex(&hasher.finalize())
}

fn normalise(text: &str) -> String {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    // Nearly all text is NFC already: the quick check spares composing it again, which took a
    // tenth of a large import's time.
    let composed: std::borrow::Cow<'_, str> = if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.into()
    } else {
        text.nfc().collect::<String>().into()
    };
    composed
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, byte| {
            let _ = write!(out, "{byte:02x}");
            out
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| (*item).to_string()).collect()
    }

    #[test]
    fn blank_lines_separate_and_hard_wraps_are_joined() {
        let text = "First line\nwraps here.\r\n\r\n\r\nSecond paragraph.\n  \nThird\tone.";
        assert_eq!(
            paragraphs(text),
            owned(&["First line wraps here.", "Second paragraph.", "Third one."])
        );
    }

    #[test]
    fn wire_copy_paragraphs_start_indented() {
        let text = "The Commodity Credit Corporation has\naccepted an offer, officials said.\n    \
                    The wheat is for shipment\nin March.\n Reuter";
        assert_eq!(
            paragraphs(text),
            owned(&[
                "The Commodity Credit Corporation has accepted an offer, officials said.",
                "The wheat is for shipment in March.",
                "Reuter"
            ])
        );
    }

    #[test]
    fn long_unbroken_lines_are_paragraphs_and_tables_keep_lines() {
        let long = "a ".repeat(60);
        let text = format!("{long}\n{long}");
        assert_eq!(paragraphs(&text).len(), 2);
        let table = "Wheat   2.55   2.40\nCorn    1.35   1.92\n\nAfter.";
        assert_eq!(
            paragraphs(table)[0],
            "Wheat   2.55   2.40\nCorn    1.35   1.92"
        );
    }

    #[test]
    fn control_characters_never_survive() {
        assert_eq!(sanitize("a\u{9b}31mb\u{202e}c\u{2066}d"), "abcd");
        assert_eq!(
            sanitize("Evil \u{1b}]0;owned\u{7}title\u{1b}[2J"),
            "Evil title"
        );
    }

    #[test]
    fn trailers_by_pattern_or_repetition() {
        let patterns =
            trailer_patterns(&owned(&[r"AllAfrica (publie|publishes)", r"^lire aussi\b"]))
                .expect("valid");
        let article = owned(&[
            "Lead.",
            "Body.",
            "Lire aussi : autre chose",
            "AllAfrica publie 500 articles.",
        ]);
        assert_eq!(trailer_start(&article, &patterns, |_| false), 2);
        assert_eq!(
            trailer_start(&article, &patterns, |p| p == "Lead."),
            2,
            "only a trailing run counts"
        );
        let repeated = owned(&["Lead.", "Body.", "Notice."]);
        assert_eq!(trailer_start(&repeated, &patterns, |p| p == "Notice."), 2);
        let only_trailer = owned(&["AllAfrica publie 500 articles."]);
        assert_eq!(
            trailer_start(&only_trailer, &patterns, |_| true),
            1,
            "a body is never emptied"
        );
        assert!(
            trailer_patterns(&owned(&["(unclosed"]))
                .unwrap_err()
                .contains("(unclosed")
        );
    }

    #[test]
    fn content_hash_ignores_case_spacing_and_normalisation_form() {
        let a = content_hash("États-Unis", &owned(&["Un  paragraphe."]));
        let b = content_hash("E\u{301}tats-unis", &owned(&["un paragraphe."]));
        assert_eq!(a, b);
        assert_ne!(a, content_hash("États-Unis", &owned(&["Autre."])));
        assert_eq!(paragraph_hash("A  b"), paragraph_hash("a b"));
    }
}
