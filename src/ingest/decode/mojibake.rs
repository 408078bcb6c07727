//! Signs that stored text was decoded wrongly: U+FFFD, or UTF-8 read as Windows-1252 (`Ã©`).

use encoding_rs::WINDOWS_1252;

/// True for text holding U+FFFD, or whose Windows-1252 bytes are mostly valid multi-byte UTF-8:
/// `Ã‰tÃ©` is `Été` read as Windows-1252. A real Windows-1252 `été` gives lone high bytes
/// (`e9 74 e9`), not UTF-8, and text outside Windows-1252 (Greek, CJK) shows no such pairs.
pub fn looks_mis_decoded(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    if text.contains('\u{FFFD}') {
        return true;
    }
    // Characters Windows-1252 cannot hold come back as ASCII `&#...;`, which count for neither.
    let (bytes, _, _) = WINDOWS_1252.encode(text);
    let (mut pairs, mut lone) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        pairs += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        lone += usize::from(!chunk.invalid().is_empty());
    }
    pairs > lone
}

/// What UTF-8 `text` becomes when its bytes are read as Windows-1252.
pub fn as_mojibake(text: &str) -> String {
    WINDOWS_1252
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_and_replacement_characters_are_recognised() {
        for damaged in ["Ã‰tÃ© Ã  GenÃ¨ve", "lâ€™Ã©conomie", "Gen\u{FFFD}ve"] {
            assert!(looks_mis_decoded(damaged), "{damaged}");
        }
        for clean in [
            "Été à Genève",
            "l’économie",
            "plain",
            "Ελλάδα",
            "東京",
            "naïve café",
        ] {
            assert!(!looks_mis_decoded(clean), "{clean}");
        }
        assert_eq!(as_mojibake("Été"), "Ã‰tÃ©");
        assert!(looks_mis_decoded(&as_mojibake("« Le président » à Genève")));
    }
}
