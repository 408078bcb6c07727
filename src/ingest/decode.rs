//! Bytes to text: BOMs, UTF-8, UTF-16, and legacy single-byte encodings detected by chardetng.
//! Decides too when bytes are not text at all (binary files), so they are refused, not mangled.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from a file, with the encoding it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
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
/// recognised by its zero bytes; else chardetng picks the legacy encoding from byte statistics.
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
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    checked(text.into_owned(), encoding)
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRENCH: &str = "Les autorités nigériennes poursuivent leur rapprochement avec Moscou. \
                          L'ambassadrice américaine a rencontré le ministre à Niamey, où l'été fut sec.";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode(FRENCH.as_bytes()).map(|d| d.text),
            Ok(FRENCH.to_string())
        );
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(FRENCH.as_bytes());
        assert_eq!(decode(&with_bom).map(|d| d.text), Ok(FRENCH.to_string()));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let units: Vec<u8> = FRENCH.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend_from_slice(&units);
        assert_eq!(decode(&with_bom).map(|d| d.text), Ok(FRENCH.to_string()));
        assert_eq!(decode(&units).map(|d| d.encoding), Ok("UTF-16LE"));
        let big: Vec<u8> = FRENCH.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&big).map(|d| d.text), Ok(FRENCH.to_string()));
    }

    #[test]
    fn windows_1252_and_latin1_french_keeps_its_accents() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(FRENCH);
        let decoded = decode(&bytes).expect("decodes");
        assert_eq!(decoded.text, FRENCH);
        let with_quotes = "« Le président a dit : l’économie va mieux » — été 2024, à Genève.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(with_quotes);
        assert_eq!(decode(&bytes).map(|d| d.text), Ok(with_quotes.to_string()));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\n"), Err(DecodeError::Empty));
        let png =
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
        assert_eq!(decode(png), Err(DecodeError::Binary));
        let noise: Vec<u8> = (0..2048u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert_eq!(decode(&noise), Err(DecodeError::Binary));
    }
}
