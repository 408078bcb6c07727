//! One sense per document: a name a rule found is the same thing where the text repeats it
//! without the cue, and a company is its short name further on ("Acme Holdings Ltd" → "Acme").

use super::EntityKind;
use super::entities::{Draft, FastMap};
use super::gazetteer::{FastSet, Kind};
use super::matches::Hit;
use super::people::PersonMention;
use super::tokens::Token;

/// Drops the one-word town hits that are the family name of a person named in full in the same
/// article ("José Bono … Bono said" is no Bonn); whether any was dropped. A town hit hides the
/// word from the people rules, which then take it as the later surname.
pub(super) fn drop_towns_named_like_people(
    tokens: &[Token],
    hits: &mut Vec<Hit>,
    people: &[PersonMention],
) -> bool {
    let surnames = super::people::full_name_surnames(tokens, people);
    if surnames.is_empty() {
        return false;
    }
    let before = hits.len();
    hits.retain(|h| {
        let t = &tokens[h.token];
        let one_word = t.start == h.start && t.end == h.end;
        !(one_word && h.kind() == Kind::City && surnames.contains(t.folded))
    });
    hits.len() < before
}

/// One sense per document: a name a rule found ("the band Deadsy", "the village of Atwick") is
/// the same thing where the text repeats it without the cue. `kept` is sorted, free of overlaps,
/// and stays so. One pass over the tokens: names are looked up by their first word.
pub(super) fn propagate(text: &str, tokens: &[Token], kept: &mut Vec<Draft<'_>>) {
    // Names by their first word: the draft they repeat and how many bytes of it to match.
    let mut by_first: FastMap<&str, Vec<(usize, usize)>> = FastMap::default();
    let same = |start: usize, len: usize| text.get(start..start + len);
    // The (first word, name) pairs listed, and those of short forms: a name is listed once, a
    // short form once (a later copy would be tried after the first and fare the same), so
    // that a name repeated through a long text is not tried once per repeat at every word.
    let (mut listed, mut short_forms) = (FastSet::default(), FastSet::default());
    for (i, d) in kept.iter().enumerate() {
        let at = tokens.partition_point(|t| t.start < d.start);
        let opening = tokens.get(at).filter(|t| t.start == d.start && t.is_cap);
        if d.from_hit || d.end - d.start < 3 || opening.is_none() {
            continue;
        }
        let first = tokens[at].text;
        let names = by_first.entry(first).or_default();
        let name = &text[d.start..d.end];
        if listed.insert((first, name)) {
            names.push((i, name.len()));
        }
        // "Acme Holdings Ltd" is "Acme" further on.
        if let Some(short) = company_short_form(tokens, at, d)
            && let Some(form) = same(d.start, short)
            && short_forms.insert((first, form))
        {
            listed.insert((first, form));
            names.push((i, short));
        }
    }
    if by_first.is_empty() {
        return;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let (mut found, mut replaced): (Vec<Draft>, Vec<(usize, Draft)>) = (Vec::new(), Vec::new());
    // Only a capitalised word can repeat a name the rules found: the cheap test first.
    for t in tokens.iter().filter(|t| t.is_cap) {
        let Some(names) = by_first.get(t.text) else {
            continue;
        };
        for &(n, len) in names {
            let d = &kept[n];
            let end = t.start + len;
            let repeated = same(t.start, len) == same(d.start, len);
            if !repeated || word(text[end..].chars().next()) || short_before_name(text, end, d, len)
            {
                continue;
            }
            let next = kept.partition_point(|k| k.end <= t.start);
            let clash = kept.get(next).filter(|k| k.start < end);
            // A lone guess of another kind at the same words yields to the name ("Acme said").
            let yields = clash.is_some_and(|k| {
                k.kind == EntityKind::Person
                    && d.kind == EntityKind::Organization
                    && !k.from_hit
                    && k.priority <= 1
                    && (k.start, k.end) == (t.start, end)
            });
            let taken = clash.is_some() && !yields || found.last().is_some_and(|f| f.end > t.start);
            if !taken {
                let draft = Draft {
                    start: t.start,
                    end,
                    entity: d.entity.clone(),
                    ..*d
                };
                if yields {
                    replaced.push((next, draft));
                } else {
                    found.push(draft);
                }
                break;
            }
        }
    }
    for (at, draft) in replaced {
        kept[at] = draft;
    }
    if !found.is_empty() {
        kept.extend(found);
        kept.sort_by_key(|d| d.start);
    }
}

/// Company suffixes (folded) after which the words before are the company's short name.
const COMPANY_SUFFIXES: [&str; 18] = [
    "inc",
    "corp",
    "corporation",
    "ltd",
    "limited",
    "co",
    "company",
    "plc",
    "llc",
    "ag",
    "sa",
    "gmbh",
    "group",
    "holdings",
    "nv",
    "bv",
    "spa",
    "sarl",
];

/// The byte length of a company's short name ("Acme" in "Acme Holdings Ltd"): the words
/// before its suffixes, when the draft at token `at` is a rule's organisation ending in one.
fn company_short_form(tokens: &[Token], at: usize, d: &Draft) -> Option<usize> {
    if d.kind != EntityKind::Organization {
        return None;
    }
    let words = &tokens[at..tokens.partition_point(|t| t.end <= d.end)];
    let suffix = |t: &Token| COMPANY_SUFFIXES.contains(&t.folded.trim_end_matches('.'));
    let kept = words.len() - words.iter().rev().take_while(|t| suffix(t)).count();
    (kept > 0 && kept < words.len()).then(|| words[kept - 1].end - d.start)
}

/// Whether a short name found at `end` runs on into more capitalised words ("Acme Foods"
/// is another name than "Acme").
fn short_before_name(text: &str, end: usize, d: &Draft, len: usize) -> bool {
    len < d.end - d.start
        && text[end..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}
