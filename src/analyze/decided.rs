//! The tagger's names turned into the mentions `entities` builds from: a gazetteer hit with the
//! same span and kind keeps its canonical name, a rule finding with the same span its details.

use super::EntityKind;
use super::entities::Findings;
use super::matches::Hit;
use super::orgs::OrgMention;
use super::people::PersonMention;
use super::places::PlaceMention;
use super::tagger::Span;

/// People, organisations and places as the tagger decided them.
pub(super) struct Decided {
    pub(super) people: Vec<PersonMention>,
    pub(super) orgs: Vec<OrgMention>,
    pub(super) places: Vec<PlaceMention>,
    /// For each hit, whether it is a mention (the tagger gave its exact span its kind).
    pub(super) hit_kinds: Vec<bool>,
}

/// The rules' findings plus the tagger's names that no rule and no gazetteer hit touches: on
/// news the rules are as precise as the tagger, which adds the names without a cue.
pub(super) fn decide(text: &str, hits: &[Hit], found: &Findings, tagged: &[Span]) -> Decided {
    let mut decided = Decided {
        people: found.people.to_vec(),
        orgs: found.orgs.to_vec(),
        places: found.places.to_vec(),
        hit_kinds: vec![true; hits.len()],
    };
    // What the rules and the gazetteer took, and the names the rules wrote, each looked up in a
    // logarithm or a hash: scanning them for every tagged name made long texts quadratic.
    let rule_spans = || {
        let people = found.people.iter().map(|p| (p.start, p.end));
        let orgs = found.orgs.iter().map(|o| (o.start, o.end));
        people
            .chain(orgs)
            .chain(found.places.iter().map(|p| (p.start, p.end)))
    };
    let taken_spans =
        super::spans::SpanIndex::new(hits.iter().map(|h| (h.start, h.end)).chain(rule_spans()));
    // Looked up only, never walked: the fast hash cannot change an order.
    let rule_names: super::gazetteer::FastSet<&str> =
        rule_spans().map(|(s, e)| &text[s..e]).collect();
    for span in tagged {
        let taken = taken_spans.overlaps(span.start, span.end);
        let name = &text[span.start..span.end];
        // A name a rule found elsewhere is that thing here too: the one-sense pass settles it.
        let found_elsewhere = rule_names.contains(name);
        // "the Clyde shipyards": an English article before a word makes it no person.
        let article = text[..span.start]
            .trim_end()
            .rsplit([' ', '\n'])
            .next()
            .is_some_and(|w| matches!(w, "the" | "a" | "an"));
        if taken || found_elsewhere || span.kind == EntityKind::Person && article {
            continue;
        }
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
