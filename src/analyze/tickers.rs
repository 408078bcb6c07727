//! Company names marked as such by wire copy: a name right before its ticker (`BANK OF BOSTON
//! <BKB>`, `Santa Anita (NYSE: SAR)`) or inside angle brackets (`<MULTI-STEP PRODUCTS INC>`). The
//! place names inside them name the company, not where the story is.

use super::matches::Hit;

/// Words before a ticker that end the company's name rather than belong to it: a verb or a
/// preposition of the headline or sentence ("KUWAIT BUYS STAKE IN SIME DARBY <SIME>").
const NOT_IN_A_NAME: &[&str] = &[
    "at", "buy", "buys", "by", "for", "from", "in", "into", "on", "said", "says", "sell", "sells",
    "to", "with",
];

/// Name words looked back over from a ticker ("LONDON AND SCOTTISH MARINE OIL PLC <LASL.L>").
const MAX_NAME_WORDS: usize = 6;

/// Drops the hits inside a company name that a ticker or angle brackets mark.
pub(super) fn drop_company_names(text: &str, hits: &mut Vec<Hit>) {
    // The marks are ASCII: their bytes are searched (memchr, many bytes a step), where a search
    // for characters decoded the whole text twice.
    let bytes = text.as_bytes();
    let mut names: Vec<(usize, usize)> = Vec::new();
    for open in memchr::memchr2_iter(b'<', b'(', bytes) {
        let bracket = bytes[open];
        let close_mark = if bracket == b'<' { b'>' } else { b')' };
        let rest = &text[open + 1..];
        let Some(close) = rest
            .bytes()
            .position(|b| matches!(b, b'\n' | b'<' | b'(') || b == close_mark)
        else {
            continue;
        };
        if rest.as_bytes()[close] != close_mark || close == 0 || close > 60 {
            continue;
        }
        let inner = &rest[..close];
        if bracket == b'<' && inner.contains(' ') {
            names.push((open + 1, open + 1 + close));
        } else if is_ticker(inner, bracket == b'<') {
            names.push((name_start(&text[..open]), open));
        }
    }
    if names.is_empty() {
        return;
    }
    hits.retain(|h| !names.iter().any(|&(s, e)| h.start >= s && h.end <= e));
}

/// Whether a mark's inside is a ticker: `BKB`, `HYBD.O` in angle brackets, `NYSE: SAR` in
/// either; "(Reuters)", "(U.S.)", "(UN)" and "(1986)" are none.
fn is_ticker(inner: &str, angle: bool) -> bool {
    let listed = ["NYSE:", "Nasdaq:", "NASDAQ:"]
        .iter()
        .find_map(|exchange| inner.strip_prefix(exchange));
    let symbol = match listed {
        Some(symbol) => symbol.trim_start(),
        None if angle => inner,
        None => return false,
    };
    let letters = symbol.bytes().filter(u8::is_ascii_uppercase).count();
    let shaped = symbol
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.');
    shaped && (1..=8).contains(&letters) && symbol.len() <= 10 && !symbol.starts_with('.')
}

/// Where the company name ending at the end of `before` starts: back over up to
/// [`MAX_NAME_WORDS`] words of its line, to a word in lower case (but "of", "and", "&"), a word of
/// [`NOT_IN_A_NAME`] or punctuation.
fn name_start(before: &str) -> usize {
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let mut start = before.len();
    let mut words = 0;
    for (at, word) in
        before[line_start..]
            .split_inclusive(' ')
            .rev()
            .scan(before.len(), |end, word| {
                *end -= word.len();
                Some((*end, word.trim_end()))
            })
    {
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        let joins = matches!(lower.as_str(), "of" | "and" | "&" | "de" | "the");
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let punctuated = word.ends_with([',', ';', ':', '-', '"']) || word == "-";
        if words == MAX_NAME_WORDS
            || punctuated
            || NOT_IN_A_NAME.contains(&lower.as_str())
            || !capital && !joins
        {
            break;
        }
        start = at;
        words += 1;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::super::analyze;

    fn codes(text: &str) -> Vec<String> {
        let title_len = text.find('\n').unwrap_or(0);
        let a = analyze(text, title_len, Some("en"));
        a.countries.into_iter().map(|c| c.code).collect()
    }

    #[test]
    fn a_name_before_its_ticker_is_a_company() {
        for (text, never) in [
            (
                "PUEBLO <PII> TO REPURCHASE SHARES\nThe board approved it.",
                "MX",
            ),
            (
                "BANK OF BOSTON <BKB> SEES BETTER YEAR\nBOSTON, March 3 - Profits rose.",
                "BR",
            ),
            (
                "Results\nSanta Anita (NYSE: SAR) said it would build a park.",
                "MX",
            ),
            (
                "Shares\nShares of <BANK OF MONTREAL LTD> rose in Paris.",
                "CA",
            ),
        ] {
            let c = codes(text);
            assert!(!c.iter().any(|x| x == never), "{text}: {c:?}");
        }
        assert_eq!(
            codes("BANK OF BOSTON <BKB> SEES BETTER YEAR\nBOSTON, March 3 - Profits rose.")
                .first()
                .map(String::as_str),
            Some("US")
        );
    }

    #[test]
    fn a_country_outside_the_name_still_counts() {
        // The ticker ends the name; the country before a verb is the headline's.
        let c = codes("KUWAIT BUYS STAKE IN SIME DARBY <SIME>\nThe fund bought shares.");
        assert!(c.iter().any(|x| x == "KW"), "{c:?}");
        // "(U.S.)" and "(1986)" are no tickers.
        let c = codes("Trade\nThe Treasury (U.S.) said exports to Japan rose (1986).");
        assert!(c.iter().any(|x| x == "US"), "{c:?}");
    }
}
