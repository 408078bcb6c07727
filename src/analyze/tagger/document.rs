//! Features that look beyond a token's neighbours: what the same word form is elsewhere in the
//! article, and the run of capitalised words a token belongs to.

use std::collections::HashMap;

use super::super::gazetteer::{FastHash, Kind};
use super::super::matches::Hit;
use super::super::tokens::Token;
use super::features::{Scored, rule};

/// A [`seen_as`] bit (free among the kinds, where [`rule::FIRST`] would be): the form is written
/// capitalised inside a sentence somewhere (not opening it, not in a headline).
pub const CAPITALISED_INSIDE: u8 = rule::FIRST;

/// One sense per document, from the rules and the gazetteer: for each capitalised word form,
/// the rule kinds ([`rule`]) and gazetteer kinds (from bit 4) of all its occurrences, and
/// [`CAPITALISED_INSIDE`]. `candidates` counts the tokens scored [`Scored::Always`] (the map is
/// sized for them).
pub fn seen_as<'a>(
    tokens: &[Token<'a>],
    scored: &[Scored],
    candidates: usize,
    hits: &[Hit],
    covered: &[Option<usize>],
    marks: &[u8],
) -> HashMap<&'a str, u8, FastHash> {
    let mut seen: HashMap<&str, u8, FastHash> =
        HashMap::with_capacity_and_hasher(candidates, FastHash::default());
    for (i, t) in tokens.iter().enumerate() {
        if scored[i] != Scored::Always {
            continue;
        }
        let gazetteer = covered[i].map_or(0, |h| match hits[h].kind() {
            Kind::Country | Kind::City | Kind::Region => 16,
            Kind::Org => 32,
            Kind::Person => 64,
            Kind::Demonym => 128,
        });
        let inside = if t.is_cap && !t.starts_sentence && !t.shouting {
            CAPITALISED_INSIDE
        } else {
            0
        };
        let kinds = marks[i] & (rule::PERSON | rule::ORG | rule::PLACE) | gazetteer | inside;
        *seen.entry(t.folded).or_default() |= kinds;
    }
    seen
}

/// For each token, the length (at most 6) of the run of scored tokens without punctuation
/// between them that holds it, and its place there (1 first, 2 inside, 3 last, 0 alone).
pub fn runs(tokens: &[Token], scored: &[Scored]) -> Vec<(u8, u8)> {
    let n = tokens.len();
    let mut out = vec![(0u8, 0u8); n];
    let mut i = 0;
    while i < n {
        if scored[i] == Scored::Never {
            i += 1;
            continue;
        }
        let end = (i + 1..n)
            .find(|&k| scored[k] == Scored::Never || !tokens[k].joined)
            .unwrap_or(n);
        let len = u8::try_from((end - i).min(6)).expect("at most 6");
        for (k, slot) in out.iter_mut().enumerate().take(end).skip(i) {
            let place = match (k == i, k + 1 == end) {
                (true, true) => 0,
                (true, false) => 1,
                (false, false) => 2,
                (false, true) => 3,
            };
            *slot = (len, place);
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analyze::fold::fold;
    use crate::analyze::tokens::tokenize;
    use crate::analyze::training::prepare;

    #[test]
    fn runs_of_capitalised_words_end_at_punctuation() {
        let text = "the Bank of England, Ann said";
        let (_, f) = prepare(text, Some("en"));
        let folded = fold(text);
        let tokens = tokenize(text, &folded);
        let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
        assert_eq!(words, ["the", "Bank", "of", "England", "Ann", "said"]);
        let runs = super::runs(&tokens, &f.scored);
        // "Bank of England" is one run of three; "Ann" stands alone after the comma.
        assert_eq!(runs[1..5], [(3, 1), (3, 2), (3, 3), (1, 0)]);
        assert_eq!((runs[0], runs[5]), ((0, 0), (0, 0)));
    }

    #[test]
    fn a_form_capitalised_inside_a_sentence_is_marked_so() {
        let text = "Prices rose at Apex. Apex said prices fell. Prices held.";
        let (_, f) = prepare(text, Some("en"));
        let folded = fold(text);
        let tokens = tokenize(text, &folded);
        let n = tokens.len();
        let seen = super::seen_as(&tokens, &f.scored, n, &[], &vec![None; n], &vec![0; n]);
        // "Apex" inside the first sentence; "Prices" only ever opens one.
        assert_eq!(seen.get("apex").copied(), Some(super::CAPITALISED_INSIDE));
        assert_eq!(seen.get("prices").copied(), Some(0));
        assert_eq!(seen.get("rose"), None);
    }
}
