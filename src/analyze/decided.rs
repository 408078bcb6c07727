//! The tagger's names turned into the mentions `entities` builds from: a gazetteer hit with the
//! same span and kind keeps its canonical name, a rule finding with the same span its details.

use super::EntityKind;
use super::entities::Findings;
use super::gazetteer::Kind;
use super::matches::Hit;
use super::name_cues::{is_event_word, is_function_word};
use super::orgs::{OrgMention, is_org_word};
use super::people::PersonMention;
use super::places::PlaceMention;
use super::spans::SpanIndex;
use super::tagger::Span;

/// People, organisations and places as the tagger decided them.
pub(super) struct Decided {
    pub(super) people: Vec<PersonMention>,
    pub(super) orgs: Vec<OrgMention>,
    pub(super) places: Vec<PlaceMention>,
    /// For each hit, whether it is a mention (the tagger gave its exact span its kind).
    pub(super) hit_kinds: Vec<bool>,
}

/// Where a finding came from: an index into the rules' people, organisations or places, or
/// into the gazetteer hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Person(usize),
    Org(usize),
    Place(usize),
    Hit(usize),
}

/// A finding's span and source, sorted by start.
type Finding = (usize, usize, Source);

/// What a tagged name does with the findings it overlaps.
enum Verdict {
    /// It overlaps none: added.
    Add,
    /// It covers exactly one shorter finding, which it replaces.
    Replace(usize, usize),
    /// The rules keep what they found.
    Keep,
}

/// The rules' findings plus the tagger's names that no rule and no gazetteer hit touches; a
/// longer tagged name ("Bank of England" over the place "England") replaces the one finding it
/// covers, unless the rules saw a title, a demonym or a function word before a known
/// organisation there, which they read better than the tagger.
pub(super) fn decide(text: &str, hits: &[Hit], found: &Findings, tagged: &[Span]) -> Decided {
    let mut findings: Vec<Finding> = Vec::new();
    findings.extend(
        found
            .people
            .iter()
            .enumerate()
            .map(|(k, p)| (p.start, p.end, Source::Person(k))),
    );
    findings.extend(
        found
            .orgs
            .iter()
            .enumerate()
            .map(|(k, o)| (o.start, o.end, Source::Org(k))),
    );
    findings.extend(
        found
            .places
            .iter()
            .enumerate()
            .map(|(k, p)| (p.start, p.end, Source::Place(k))),
    );
    findings.extend(
        hits.iter()
            .enumerate()
            .map(|(k, h)| (h.start, h.end, Source::Hit(k))),
    );
    findings.sort_unstable();
    // Each looked up in a logarithm or a hash: scanning them for every tagged name made long
    // texts quadratic.
    let index = SpanIndex::new(findings.iter().map(|&(s, e, _)| (s, e)));
    // Looked up only, never walked: the fast hash cannot change an order.
    let rule_names: super::gazetteer::FastSet<&str> = findings
        .iter()
        .filter(|f| !matches!(f.2, Source::Hit(_)))
        .map(|&(s, e, _)| &text[s..e])
        .collect();
    let mut removed = vec![false; findings.len()];

    let mut added: Vec<Span> = Vec::new();
    for span in tagged {
        let name = &text[span.start..span.end];
        // "Ministry", "Bank" alone: a cue word, not an organisation's name.
        let lone_cue = span.kind == EntityKind::Organization
            && !name.contains(char::is_whitespace)
            && is_org_word(&name.to_lowercase());
        // A name a rule found elsewhere is that thing here too: the one-sense pass settles it.
        let found_elsewhere = rule_names.contains(name);
        // "the Clyde shipyards": an English article before a word makes it no person; nor does
        // an award or event word ("le Prix Goncourt", "the Battle of Ypres").
        let before = text[..span.start].trim_end().rsplit([' ', '\n']).next();
        let article = before
            .is_some_and(|w| matches!(w, "the" | "a" | "an") || is_event_word(&w.to_lowercase()));
        if lone_cue || span.kind == EntityKind::Person && article {
            continue;
        }
        let verdict = if index.overlaps(span.start, span.end) {
            judge(text, span, &findings, &index, found, hits)
        } else if found_elsewhere {
            Verdict::Keep
        } else {
            Verdict::Add
        };
        match verdict {
            Verdict::Keep => {}
            Verdict::Add => added.push(*span),
            Verdict::Replace(lo, hi) => {
                removed[lo..hi].fill(true);
                added.push(*span);
            }
        }
    }
    assemble(text, hits, found, &findings, &removed, &added)
}

/// The verdict on a tagged name that overlaps some finding.
fn judge(
    text: &str,
    span: &Span,
    findings: &[Finding],
    index: &SpanIndex,
    found: &Findings,
    hits: &[Hit],
) -> Verdict {
    // A finding that starts before the name and reaches into it: the two disagree on a border.
    if index.overlaps(span.start, span.start) {
        return Verdict::Keep;
    }
    let lo = findings.partition_point(|f| f.0 < span.start);
    let hi = findings.partition_point(|f| f.0 < span.end);
    let inside = &findings[lo..hi];
    let first = (inside[0].0, inside[0].1);
    // One finding, possibly found by a rule and the gazetteer both, strictly shorter.
    let one = inside.iter().all(|f| (f.0, f.1) == first);
    // "U.S. Environmental Protection Agency", "New York City Health and Hospitals Corporation":
    // an organisation's name ending in its cue word holds the places and the shorter
    // organisation the rules found inside it.
    let cue_at_end = span.kind == EntityKind::Organization
        && text[span.start..span.end]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| is_org_word(&w.to_lowercase()));
    let holds_places_and_orgs = inside.iter().all(|f| {
        f.1 <= span.end
            && match f.2 {
                Source::Hit(k) => matches!(
                    hits[k].kind(),
                    Kind::Country | Kind::City | Kind::Region | Kind::Org
                ),
                Source::Org(_) | Source::Place(_) => true,
                Source::Person(_) => false,
            }
    });
    let orgs_inside = inside
        .iter()
        .filter(|f| matches!(f.2, Source::Org(_)))
        .map(|f| (f.0, f.1))
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let one_name = text[span.start..span.end].split_whitespace().all(|w| {
        w.chars().next().is_some_and(|c| !c.is_lowercase())
            || matches!(
                w,
                "of" | "and" | "for" | "the" | "on" | "de" | "du" | "des" | "la"
            )
    });
    let leading_function_word = text[span.start..span.end]
        .split_whitespace()
        .next()
        .is_some_and(|w| is_function_word(&w.to_lowercase()));
    if !one
        && cue_at_end
        && holds_places_and_orgs
        && orgs_inside <= 1
        && one_name
        && !leading_function_word
    {
        return Verdict::Replace(lo, hi);
    }
    if !one || first.1 > span.end || first == (span.start, span.end) {
        return Verdict::Keep;
    }

    let protected = inside.iter().any(|f| match f.2 {
        Source::Person(k) => found.people[k].title.is_some(),
        Source::Hit(k) => match hits[k].kind() {
            Kind::Demonym => true,
            Kind::Org => leading_function_word,
            _ => false,
        },
        Source::Org(_) | Source::Place(_) => false,
    });
    if protected {
        Verdict::Keep
    } else {
        Verdict::Replace(lo, hi)
    }
}

/// The findings not replaced, then the tagged names, as mentions.
fn assemble(
    text: &str,
    hits: &[Hit],
    found: &Findings,
    findings: &[Finding],
    removed: &[bool],
    added: &[Span],
) -> Decided {
    let mut gone = [
        vec![false; found.people.len()],
        vec![false; found.orgs.len()],
        vec![false; found.places.len()],
        vec![false; hits.len()],
    ];
    for (f, _) in findings.iter().zip(removed).filter(|(_, r)| **r) {
        let (list, k) = match f.2 {
            Source::Person(k) => (0, k),
            Source::Org(k) => (1, k),
            Source::Place(k) => (2, k),
            Source::Hit(k) => (3, k),
        };
        gone[list][k] = true;
    }
    let kept = |list: &[bool]| -> Vec<usize> { (0..list.len()).filter(|&k| !list[k]).collect() };
    let mut decided = Decided {
        people: kept(&gone[0])
            .into_iter()
            .map(|k| found.people[k].clone())
            .collect(),
        orgs: kept(&gone[1])
            .into_iter()
            .map(|k| found.orgs[k].clone())
            .collect(),
        places: kept(&gone[2])
            .into_iter()
            .map(|k| found.places[k].clone())
            .collect(),
        hit_kinds: gone[3].iter().map(|g| !g).collect(),
    };
    for span in added {
        match span.kind {
            EntityKind::Person => decided.people.push(PersonMention {
                start: span.start,
                end: span.end,
                title: None,
                country: None,
                known: false,
            }),
            EntityKind::Organization => decided.orgs.push(OrgMention {
                start: span.start,
                end: span.end,
                name: text[span.start..span.end].to_string(),
                alias: None,
            }),
            EntityKind::Place | EntityKind::Country => decided.places.push(PlaceMention {
                start: span.start,
                end: span.end,
            }),
        }
    }
    decided
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(text: &str, name: &str) -> OrgMention {
        let start = text.find(name).expect("name in text");
        OrgMention {
            start,
            end: start + name.len(),
            name: name.to_string(),
            alias: None,
        }
    }

    fn tagged_org(text: &str, name: &str) -> Span {
        let start = text.find(name).expect("name in text");
        Span {
            start,
            end: start + name.len(),
            kind: EntityKind::Organization,
        }
    }

    /// The organisations decided when the rules found `places` and `orgs` and the tagger
    /// `tagged`, as names.
    fn decided_orgs(text: &str, places: &[&str], orgs: &[&str], tagged: &str) -> Vec<String> {
        let places: Vec<PlaceMention> = places
            .iter()
            .map(|p| {
                let start = text.find(p).expect("place in text");
                PlaceMention {
                    start,
                    end: start + p.len(),
                }
            })
            .collect();
        let orgs: Vec<OrgMention> = orgs.iter().map(|o| org(text, o)).collect();
        let found = Findings {
            people: &[],
            orgs: &orgs,
            places: &places,
            tagged: None,
        };
        let d = decide(text, &[], &found, &[tagged_org(text, tagged)]);
        d.orgs
            .iter()
            .map(|o| text[o.start..o.end].to_string())
            .collect()
    }

    #[test]
    fn an_organisation_ending_in_its_cue_word_holds_the_place_and_the_name_inside() {
        let text = "Staff of the U.S. Environmental Protection Agency left.";
        assert_eq!(
            decided_orgs(
                text,
                &["U.S."],
                &["Environmental Protection Agency"],
                "U.S. Environmental Protection Agency"
            ),
            ["U.S. Environmental Protection Agency"]
        );
    }

    #[test]
    fn two_organisations_a_verb_or_an_article_keep_the_rules_names() {
        // Two organisations the rules told apart, with a verb between them.
        let text = "Officials at the Ministry of Finance met Acme Corp executives.";
        assert_eq!(
            decided_orgs(
                text,
                &[],
                &["Ministry of Finance", "Acme Corp"],
                "Ministry of Finance met Acme Corp"
            ),
            ["Ministry of Finance", "Acme Corp"]
        );
        // A sentence's "The" is not part of the name.
        let text = "The Berlin Philharmonic Orchestra played.";
        assert_eq!(
            decided_orgs(
                text,
                &["Berlin"],
                &["Berlin Philharmonic Orchestra"],
                "The Berlin Philharmonic Orchestra"
            ),
            ["Berlin Philharmonic Orchestra"]
        );
    }
}
