//! Decoding: BOMs, UTF-16, legacy encodings, binary refusal and UTF-8 with a few bad bytes.

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
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
    assert_eq!(decode(png), Err(DecodeError::Binary));
    let noise: Vec<u8> = (0..2048u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13).to_le_bytes()[0])
        .collect();
    assert_eq!(decode(&noise), Err(DecodeError::Binary));
}

/// 1,000 JSON Lines with accented titles, one byte of line `bad_line` replaced by 0xE9.
fn json_lines_with_bad_byte(bad_line: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    for line in 1..=1000 {
        let text = format!("{{\"id\":\"{line}\",\"title\":\"Été à Genève n°{line}\"}}\n");
        let mut text = text.into_bytes();
        if line == bad_line {
            text[2] = 0xE9;
        }
        bytes.extend_from_slice(&text);
    }
    bytes
}

#[test]
fn one_bad_byte_in_utf8_is_replaced_and_named_by_line() {
    let decoded = decode(&json_lines_with_bad_byte(17)).expect("decodes");
    assert_eq!(decoded.encoding, "UTF-8");
    assert_eq!(
        decoded.note.as_deref(),
        Some("line 17: 1 invalid UTF-8 byte replaced with U+FFFD")
    );
    let lines: Vec<&str> = decoded.text.lines().collect();
    assert_eq!(lines[0], "{\"id\":\"1\",\"title\":\"Été à Genève n°1\"}");
    assert_eq!(
        lines[16],
        "{\"\u{FFFD}d\":\"17\",\"title\":\"Été à Genève n°17\"}"
    );
    assert_eq!(decoded.text.matches('\u{FFFD}').count(), 1);
}

#[test]
fn bad_bytes_on_many_lines_name_the_first_and_count_the_rest() {
    let mut bytes = "Été\n".repeat(400).into_bytes();
    for line in [2, 5, 9] {
        bytes[(line - 1) * 6 + 2] = 0xFF;
    }
    let note = decode(&bytes).expect("decodes").note;
    assert_eq!(
        note.as_deref(),
        Some("lines 2, 5 and 9: 3 invalid UTF-8 bytes replaced with U+FFFD")
    );
    for line in 10..20 {
        bytes[(line - 1) * 6 + 2] = 0xFF;
    }
    let note = decode(&bytes).expect("decodes").note;
    assert_eq!(
        note.as_deref(),
        Some("lines 2, 5, 9, 10, 11 and 8 more: 13 invalid UTF-8 bytes replaced with U+FFFD")
    );
}

#[test]
fn legacy_encodings_are_assumed_only_without_utf8_evidence_and_said() {
    let long = FRENCH.repeat(20);
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&long);
    let decoded = decode(&bytes).expect("decodes");
    assert_eq!(decoded.text, long);
    assert_eq!(
        decoded.note.as_deref(),
        Some("not UTF-8; read as windows-1252")
    );
    // ASCII with one high byte: no sign of UTF-8, so the legacy reading (an accent) wins.
    let cafe = b"We met at the cafe\xE9 near the station, as every Monday morning.".to_vec();
    let decoded = decode(&cafe).expect("decodes");
    assert!(decoded.text.contains("cafeé"), "{}", decoded.text);
    // Mostly Windows-1252 with one accidental UTF-8 pair is still Windows-1252.
    let mut mixed = bytes.to_vec();
    mixed.extend_from_slice("Été".as_bytes());
    assert!(decode(&mixed).expect("decodes").text.starts_with(FRENCH));
    assert_eq!(decode(FRENCH.as_bytes()).expect("decodes").note, None);
}
