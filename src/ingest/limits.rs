//! The byte limits an import holds one input to ([`Limits`]), and the sentence that refuses
//! what is over one. They bound the memory and time of pathological inputs: a JSON line of
//! hundreds of megabytes, a feed the size of a disk.

use crate::config::ImportConfig;

/// How many bytes one article and one file read whole may take (`[import]` of the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A JSON line or an element of a streamed JSON array (`max_line_bytes`).
    pub line: u64,
    /// A file read whole: a text, feed, page, OPML, non-UTF-8 JSON (`max_file_bytes`).
    pub file: u64,
}

impl Limits {
    pub fn from_config(config: &ImportConfig) -> Self {
        Self {
            line: config.max_line_bytes.max(1),
            file: config.max_file_bytes.max(1),
        }
    }

    /// The sentence refusing a line or element of `size` bytes (`at least` when it was not
    /// read to its end).
    pub fn line_refusal(&self, what: &str, size: u64) -> String {
        refusal(what, size, self.line, "max_line_bytes")
    }

    /// The sentence refusing a file read whole that holds more than the limit.
    pub fn file_refusal(&self, what: &str) -> String {
        format!(
            "{what} larger than the {} limit of [import] max_file_bytes: not imported",
            human(self.file)
        )
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self::from_config(&ImportConfig::default())
    }
}

fn refusal(what: &str, size: u64, limit: u64, key: &str) -> String {
    format!(
        "{what} of {}, over the {} limit of [import] {key}: not imported",
        human(size),
        human(limit)
    )
}

/// `size` in bytes, KiB or MiB, one decimal.
fn human(size: u64) -> String {
    const KIB: u64 = 1024;
    #[allow(clippy::cast_precision_loss)] // a size shown to one decimal
    let scaled = |unit: u64| size as f64 / unit as f64;
    if size < KIB {
        format!("{size} bytes")
    } else if size < KIB * KIB {
        format!("{:.1} KiB", scaled(KIB))
    } else {
        format!("{:.1} MiB", scaled(KIB * KIB))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_name_the_size_the_limit_and_the_setting() {
        let limits = Limits {
            line: 16 * 1024 * 1024,
            file: 512,
        };
        assert_eq!(
            limits.line_refusal("a line", 200 * 1024 * 1024),
            "a line of 200.0 MiB, over the 16.0 MiB limit of [import] max_line_bytes: not imported"
        );
        assert_eq!(
            limits.file_refusal("a file read whole"),
            "a file read whole larger than the 512 bytes limit of [import] max_file_bytes: not imported"
        );
        assert_eq!(human(1536), "1.5 KiB");
    }

    #[test]
    fn a_zero_limit_in_the_config_still_lets_a_byte_through() {
        let config = ImportConfig {
            max_line_bytes: 0,
            ..ImportConfig::default()
        };
        assert_eq!(Limits::from_config(&config).line, 1);
    }
}
