//! JSON output of every `--json` command: serde_json's, with the characters it leaves raw but a
//! terminal acts on (C1 controls, bidi overrides and isolates) escaped as `\uXXXX`.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// Writes `value` as one line of compact JSON (no newline).
pub fn write<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(out, TerminalSafe(CompactFormatter));
    Ok(value.serialize(&mut serializer)?)
}

/// Writes `value` as indented JSON (no final newline).
pub fn write_pretty<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(out, TerminalSafe(PrettyFormatter::new()));
    Ok(value.serialize(&mut serializer)?)
}

/// Characters JSON allows raw that a terminal obeys: C1 controls (U+0080-U+009F, among them
/// the one-byte CSI) and the bidi embeddings, overrides and isolates that reorder a line.
/// serde_json already escapes C0 controls, `"` and `\`.
fn needs_escape(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A formatter that escapes [`needs_escape`] characters in strings and otherwise writes as the
/// formatter it wraps.
struct TerminalSafe<F>(F);

impl<F: Formatter> Formatter for TerminalSafe<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (index, c) in fragment.char_indices() {
            if needs_escape(c) {
                // `index` and `index + c.len_utf8()` are char boundaries, from char_indices.
                self.0
                    .write_string_fragment(writer, &fragment[start..index])?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = index + c.len_utf8();
            }
        }
        self.0.write_string_fragment(writer, &fragment[start..])
    }

    // The layout of the wrapped formatter (PrettyFormatter overrides these).
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }
    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }
    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_and_bidi_characters_are_escaped_and_parse_back() {
        let raw = "a\u{85}b\u{9b}31m\u{202e}c\u{2066}d\u{1b}é";
        for pretty in [false, true] {
            let mut bytes = Vec::new();
            let value = serde_json::json!({ "original": raw, "list": [raw] });
            if pretty {
                write_pretty(&mut bytes, &value).expect("writes");
            } else {
                write(&mut bytes, &value).expect("writes");
            }
            let text = String::from_utf8(bytes).expect("utf-8");
            assert!(
                !text.contains(|c: char| needs_escape(c) || c == '\u{1b}'),
                "{text:?}"
            );
            assert!(
                text.contains(r"a\u0085b\u009b31m\u202ec\u2066d\u001bé"),
                "{text}"
            );
            assert_eq!(text.contains('\n'), pretty);
            let back: serde_json::Value = serde_json::from_str(&text).expect("parses");
            assert_eq!(back, value);
        }
    }
}
