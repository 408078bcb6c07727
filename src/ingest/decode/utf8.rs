//! Telling UTF-8 with a few damaged bytes from a legacy encoding, and naming the damaged lines.

/// Lines named in a note; the rest are counted.
const LINES_NAMED: usize = 5;

/// At most this many bad sequences are "a handful" whatever the file's size.
const HANDFUL: usize = 3;

/// What replacing a mostly UTF-8 file's bad bytes with U+FFFD changes, for the reader's note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repaired {
    pub bytes: usize,
    /// The first lines (1-based) holding a bad byte, and how many lines hold one in all.
    pub lines: Vec<usize>,
    pub line_count: usize,
}

impl std::fmt::Display for Repaired {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let named: Vec<String> = self.lines.iter().map(ToString::to_string).collect();
        let more = self.line_count - self.lines.len();
        let lines = match (named.as_slice(), more) {
            ([one], 0) => format!("line {one}"),
            ([first @ .., last], 0) => format!("lines {} and {last}", first.join(", ")),
            (all, more) => format!("lines {} and {more} more", all.join(", ")),
        };
        let plural = if self.bytes == 1 { "" } else { "s" };
        write!(
            f,
            "{lines}: {} invalid UTF-8 byte{plural} replaced with U+FFFD",
            self.bytes
        )
    }
}

/// `Some` when `bytes` (not valid UTF-8) are UTF-8 with a few bad sequences: its valid part has
/// multi-byte characters, at least two for each bad sequence, and the bad sequences are a
/// handful or under 1% of the bytes. Windows-1252 or Latin-1 text has almost no valid multi-byte
/// sequences (each accent is a lone high byte), and ASCII with a few high bytes gives no sign
/// of UTF-8 at all: both are left to legacy detection.
pub fn mostly_utf8(bytes: &[u8]) -> Option<Repaired> {
    let mut multibyte = 0usize;
    let mut bad_sequences = 0usize;
    let mut repaired = Repaired {
        bytes: 0,
        lines: Vec::new(),
        line_count: 0,
    };
    let mut line = 1;
    let mut last_bad_line = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        multibyte += valid.chars().filter(|c| !c.is_ascii()).count();
        line += valid.bytes().filter(|&b| b == b'\n').count();
        let invalid = chunk.invalid();
        if invalid.is_empty() {
            continue;
        }
        bad_sequences += 1;
        repaired.bytes += invalid.len();
        if line != last_bad_line {
            last_bad_line = line;
            repaired.line_count += 1;
            if repaired.lines.len() < LINES_NAMED {
                repaired.lines.push(line);
            }
        }
    }
    let few = bad_sequences <= HANDFUL || repaired.bytes * 100 < bytes.len();
    (bad_sequences > 0 && few && multibyte >= 2 * bad_sequences).then_some(repaired)
}
