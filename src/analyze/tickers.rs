//! Company names marked as such by wire copy: a name right before its ticker (`BANK OF BOSTON
//! <BKB>`, `Santa Anita (NYSE: SAR)`) or inside angle brackets (`<MULTI-STEP PRODUCTS INC>`). The
//! place names inside them name the company, not where the story is.

use super::fold::fold_str;
use super::matches::Hit;
use super::zones::Zone;

/// Words before a ticker that end the company's name rather than belong to it: a verb or a
/// preposition of the headline or sentence ("KUWAIT BUYS STAKE IN SIME DARBY <SIME>").
const NOT_IN_A_NAME: &[&str] = &[
    "at", "buy", "buys", "by", "for", "from", "in", "into", "on", "said", "says", "sell", "sells",
    "to", "with",
];

/// Marks read in one text, at most.
const MAX_MARKS: usize = 64;

/// Name words looked back over from a ticker ("LONDON AND SCOTTISH MARINE OIL PLC <LASL.L>").
const MAX_NAME_WORDS: usize = 6;

/// A company name that wire copy marks, and the ticker that marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marked {
    /// The name's byte span: before its ticker, or inside angle brackets.
    pub(super) name: (usize, usize),
    /// The ticker's byte span, brackets included (`<BKB>`, `(NYSE: SAR)`), when there is one.
    pub(super) ticker: Option<(usize, usize)>,
}

/// The company names in `text` that a ticker or angle brackets mark, in text order.
pub(super) fn company_names(text: &str) -> Vec<Marked> {
    // The marks are ASCII: their bytes are searched (memchr, many bytes a step), where a search
    // for characters decoded the whole text twice.
    let bytes = text.as_bytes();
    let mut names = Vec::new();
    for open in memchr::memchr2_iter(b'<', b'(', bytes) {
        // An article marks a few companies; a text of thousands of marks is no wire copy,
        // and every hit is checked against each mark.
        if names.len() == MAX_MARKS {
            break;
        }
        let bracket = bytes[open];
        let close_mark = if bracket == b'<' { b'>' } else { b')' };
        let rest = &text[open + 1..];
        // A mark closes within 60 bytes: looked for no further, so a text of many opening
        // marks is read once, not once per mark.
        let Some(close) = rest
            .bytes()
            .take(61)
            .position(|b| matches!(b, b'\n' | b'<' | b'(') || b == close_mark)
        else {
            continue;
        };
        if rest.as_bytes()[close] != close_mark || close == 0 || close > 60 {
            continue;
        }
        let inner = &rest[..close];
        if bracket == b'<' && inner.contains(' ') {
            names.push(Marked {
                name: (open + 1, open + 1 + close),
                ticker: None,
            });
        } else if is_ticker(inner, bracket == b'<') {
            let start = name_start(&text[..open]);
            let end = text[..open].trim_end().len();
            let ticker = Some((open, open + close + 2));
            let named = start < end && text[start..end].chars().any(char::is_alphabetic);
            names.push(Marked {
                name: if named { (start, end) } else { (open, open) },
                ticker,
            });
        }
    }
    names
}

/// Drops the hits inside a company name that a ticker or angle brackets mark, and inside the
/// ticker itself. A company named just like a place ("SANTA ANITA <SAR>", "PUEBLO <PII>") is
/// that company again where the article repeats the name ("Santa Anita Realty said"), but in
/// the dateline, which says where the story is.
pub(super) fn drop_company_names(text: &str, hits: &mut Vec<Hit>, names: &[Marked]) {
    if names.is_empty() {
        return;
    }
    let inside = |h: &Hit, (s, e): (usize, usize)| h.start >= s && h.end <= e;
    let folded_names: Vec<String> = names
        .iter()
        .map(|m| fold_str(&text[m.name.0..m.name.1]))
        .collect();
    hits.retain(|h| {
        let marked = names
            .iter()
            .any(|m| inside(h, m.name) || m.ticker.is_some_and(|t| inside(h, t)));
        let repeated = h.zone != Zone::Dateline && folded_names.iter().any(|n| n == h.pattern.text);
        !marked && !repeated
    });
}

/// Whether a span overlaps a marked name or its ticker: the name is the company's, found by
/// the mark, and a name the tagger found there is a piece of it or of its symbol ("SAR" of
/// `<SAR>`).
pub(super) fn overlaps_a_mark(start: usize, end: usize, names: &[Marked]) -> bool {
    let overlaps = |(s, e): (usize, usize)| start < e && s < end;
    names
        .iter()
        .any(|m| overlaps(m.name) || m.ticker.is_some_and(overlaps))
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
    // Six words lie within a few hundred bytes: a long line is not searched back for its start.
    let mut window = before.len().saturating_sub(400);
    while !before.is_char_boundary(window) {
        window += 1;
    }
    let line_start = before[window..]
        .rfind('\n')
        .map_or(window, |at| window + at + 1);
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

    #[test]
    fn the_marked_name_is_an_organisation_and_its_ticker_no_name() {
        let text = "SANTA ANITA <SAR> SETS DIVIDEND\nARCADIA, Calif., March 3 - Santa Anita \
                    Realty said it set a dividend.";
        let a = analyze(text, text.find('\n').unwrap_or(0), Some("en"));
        let named = |kind: crate::analyze::EntityKind| -> Vec<&str> {
            a.mentions
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| m.text.as_str())
                .collect()
        };
        let orgs = named(crate::analyze::EntityKind::Organization);
        assert!(orgs.contains(&"SANTA ANITA"), "{:?}", a.mentions);
        for kind in [
            crate::analyze::EntityKind::Person,
            crate::analyze::EntityKind::Place,
        ] {
            let found = named(kind);
            assert!(
                !found
                    .iter()
                    .any(|n| n.contains("SAR") || n.contains("ANITA")),
                "{:?}",
                a.mentions
            );
        }
        let c: Vec<&str> = a.countries.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(c, ["US"], "{:?}", a.countries);
    }
}
