//! Bytes to text: BOMs, UTF-8, UTF-16, and legacy single-byte encodings detected by chardetng.
//! Decides too when bytes are not text at all (binary files), so they are refused, not mangled.
//! UTF-8 with a few bad bytes stays UTF-8 (bad bytes become U+FFFD, with a note naming their
//! lines): reading the whole file as Windows-1252 would turn every accent into mojibake.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

mod mojibake;
mod utf8;

pub use mojibake::{as_mojibake, looks_mis_decoded};

/// Text decoded from a file, with the encoding it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// One sentence the reader should see: bad bytes replaced (and on which lines), or the
    /// legacy encoding assumed for bytes that are not UTF-8.
    pub note: Option<String>,
}

/// Why bytes could not become article text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary file, not text")]
    Binary,
}

/// Decodes `bytes`: a BOM decides; else valid UTF-8 is UTF-8; else UTF-16 without a BOM is
/// recognised by its zero bytes; else mostly valid UTF-8 is UTF-8 with its bad bytes replaced;
/// else chardetng picks the legacy encoding from byte statistics.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return checked(text.into_owned(), encoding);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return checked(text.to_string(), UTF_8);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return checked(text.into_owned(), encoding);
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    if let Some(repaired) = utf8::mostly_utf8(bytes) {
        let mut decoded = checked(String::from_utf8_lossy(bytes).into_owned(), UTF_8)?;
        decoded.note = Some(repaired.to_string());
        return Ok(decoded);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let mut decoded = checked(text.into_owned(), encoding)?;
    decoded.note = Some(format!("not UTF-8; read as {}", encoding.name()));
    Ok(decoded)
}

/// UTF-16 text that is mostly Latin has a zero in every other byte: even offsets for big-endian.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 7 && even * 10 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Refuses text that is mostly control characters or undecodable: that was never text.
fn checked(text: String, encoding: &'static Encoding) -> Result<Decoded, DecodeError> {
    let total = text.chars().count().max(1);
    let suspicious = text
        .chars()
        .filter(|&c| {
            c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        })
        .count();
    if suspicious * 20 > total {
        return Err(DecodeError::Binary);
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        note: None,
    })
}

#[cfg(test)]
mod tests;
