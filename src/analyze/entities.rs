//! Turns matches and rule findings into the [`Analysis`]: overlaps settled, short mentions joined
//! to full ones (coreference), entities counted, countries scored.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use super::gazetteer::{GAZETTEER, Kind};
use super::matches::Hit;
use super::orgs::OrgMention;
use super::people::PersonMention;
use super::places::PlaceMention;
use super::spans::{Disjoint, SpanIndex};
use super::tagger::Span;
use super::tokens::Token;

/// A hash map with the gazetteer's fast hash for short words.
pub(super) type FastMap<K, V> = HashMap<K, V, super::gazetteer::FastHash>;
use super::{Analysis, CountryScore, Entity, EntityKind, Mention, country_name, fold, score};

/// A mention before its entity is known.
pub(super) struct Draft<'a> {
    pub(super) kind: EntityKind,
    pub(super) start: usize,
    pub(super) end: usize,
    /// Borrowed from the gazetteer, the text or a rule's finding until the analysis is built:
    /// most drafts lose to an overlap or share a name, so copying each cost more than the rest.
    pub(super) entity: Cow<'a, str>,
    pub(super) country: Option<&'static str>,
    pub(super) priority: u8,
    /// Made from a gazetteer hit (not by a rule).
    pub(super) from_hit: bool,
}

/// What the rules and the tagger found in a text.
pub(super) struct Findings<'t> {
    pub(super) people: &'t [PersonMention],
    pub(super) orgs: &'t [OrgMention],
    pub(super) places: &'t [PlaceMention],
    /// The tagger's names, when it ran: then they decide which spans are names.
    pub(super) tagged: Option<&'t [Span]>,
}

/// Builds the analysis of `text` from its gazetteer hits and rule or tagger findings.
pub(super) fn build(
    text: &str,
    tokens: &[Token],
    hits: &[Hit],
    findings: &Findings,
    lang: Option<String>,
) -> Analysis {
    let Some(tagged) = findings.tagged else {
        let (people, orgs, places) = (findings.people, findings.orgs, findings.places);
        return build_from(text, tokens, hits, people, orgs, places, None, None, lang);
    };
    let decided = super::decided::decide(text, hits, findings, tagged);
    build_from(
        text,
        tokens,
        hits,
        &decided.people,
        &decided.orgs,
        &decided.places,
        Some(&decided.hit_kinds),
        Some(findings.people),
        lang,
    )
}

/// Builds the analysis; `hit_kinds`, when the tagger ran, says which hits are mentions
/// (every hit stays country evidence) and `rule_people` which people's names displace a place
/// name's country evidence: the rules', as before the tagger, so that country scores keep
/// their calibration.
#[allow(clippy::too_many_arguments)]
fn build_from<'a>(
    text: &'a str,
    tokens: &[Token],
    hits: &[Hit],
    people: &[PersonMention],
    orgs: &'a [OrgMention],
    places: &[PlaceMention],
    hit_kinds: Option<&[bool]>,
    rule_people: Option<&[PersonMention]>,
    lang: Option<String>,
) -> Analysis {
    debug_assert!(
        hits.windows(2).all(|w| w[0].end <= w[1].start),
        "hits overlap"
    );
    let support = score::support(hits);
    let mut tallies = BTreeMap::new();
    let mut evidence = Vec::with_capacity(hits.len());
    let mut drafts: Vec<Draft> =
        Vec::with_capacity(hits.len() + orgs.len() + people.len() + places.len());
    let resolved = score::resolve_all(text, hits, &support);
    for ((h, hit), &(id, code)) in hits.iter().enumerate().zip(&resolved) {
        let e = GAZETTEER.entity(id);
        evidence.push((hit, e, code));
        let (kind, priority) = match e.kind {
            Kind::Country => (EntityKind::Country, 2),
            Kind::City | Kind::Region => (EntityKind::Place, 2),
            Kind::Org => (EntityKind::Organization, 4),
            Kind::Demonym | Kind::Person => continue,
        };
        if hit_kinds.is_some_and(|kinds| !kinds[h]) {
            continue;
        }
        drafts.push(Draft {
            kind,
            start: hit.start,
            end: hit.end,
            entity: Cow::Borrowed(e.name),
            country: code,
            priority,
            from_hit: true,
        });
    }
    add_orgs(text, hits, orgs, &mut drafts);
    add_people(text, people, &mut drafts);
    // Named with a geographic word: longer than any gazetteer name inside ("Hudson River").
    for p in places {
        drafts.push(Draft {
            kind: EntityKind::Place,
            start: p.start,
            end: p.end,
            entity: Cow::Borrowed(&text[p.start..p.end]),
            country: None,
            priority: 3,
            from_hit: false,
        });
    }
    // Settle overlaps: higher priority, then longer span, wins.
    drafts.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    // Each draft against those kept before it, through a tree of their spans: a scan of them
    // made a long text quadratic.
    let mut taken = Disjoint::default();
    let mut kept: Vec<Draft> = drafts
        .into_iter()
        .filter(|d| taken.take(d.start, d.end))
        .collect();
    kept.sort_by_key(|d| d.start);
    super::one_sense::propagate(text, tokens, &mut kept);
    // A place name inside a person's name ("Chad" in "Chad Smith") is no evidence for its country;
    // inside an organisation's it is ("London" in "London Metal Exchange").
    let rule_people =
        rule_people.map(|people| SpanIndex::new(people.iter().map(|p| (p.start, p.end))));
    for (hit, e, code) in evidence {
        // `kept` is sorted and free of overlaps, so its ends are sorted too.
        let displaced = match &rule_people {
            Some(people) => people.overlaps(hit.start, hit.end),
            None => {
                let from = kept.partition_point(|k| k.end <= hit.start);
                kept[from..]
                    .iter()
                    .take_while(|k| k.start < hit.end)
                    .any(|k| k.kind == EntityKind::Person && !k.from_hit)
            }
        };
        // A currency's country names the money, not the place ("SWISS FRANC NOTE").
        let displaced = displaced || score::names_a_currency(text, hit);
        if let (Some(code), false) = (code, displaced) {
            score::add(&mut tallies, code, &e, hit.zone, hit.start);
        }
    }
    for d in kept.iter().filter(|d| d.kind == EntityKind::Person) {
        if let Some(code) = d.country {
            let e = GAZETTEER.entity(0);
            let person = super::gazetteer::GEntity {
                kind: Kind::Person,
                ..e
            };
            score::add(
                &mut tallies,
                code,
                &person,
                super::zones::Zone::Body,
                d.start,
            );
        }
    }
    let lang_code = lang.as_deref().unwrap_or("en");
    let countries = score::rank(tallies)
        .into_iter()
        .map(|(code, score, mentions, about)| CountryScore {
            code: code.to_string(),
            name: country_name(code, lang_code).unwrap_or(code).to_string(),
            score,
            mentions,
            about,
        })
        .collect();
    let mut counts: Vec<(EntityKind, String, u32, Option<&'static str>, usize)> =
        Vec::with_capacity(kept.len());
    let mut mentions = Vec::with_capacity(kept.len());
    // Where each entity's count is, by name then kind: looked up only, so the order of `counts`
    // stays that of first mentions.
    let mut counted: FastMap<String, Vec<(EntityKind, usize)>> = FastMap::default();
    for d in kept {
        if !counted.contains_key(d.entity.as_ref()) {
            counted.insert(d.entity.to_string(), Vec::new());
        }
        let slots = counted.get_mut(d.entity.as_ref()).expect("inserted above");
        match slots.iter().find(|s| s.0 == d.kind) {
            Some(&(_, at)) => {
                let c = &mut counts[at];
                c.2 += 1;
                c.3 = c.3.or(d.country);
            }
            None => {
                slots.push((d.kind, counts.len()));
                counts.push((d.kind, d.entity.to_string(), 1, d.country, d.start));
            }
        }
        mentions.push(Mention {
            kind: d.kind,
            text: text[d.start..d.end].to_string(),
            start: d.start,
            end: d.end,
            entity: d.entity.into_owned(),
        });
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.4.cmp(&b.4)));
    let entities = counts
        .into_iter()
        .map(|(kind, name, count, country, _)| Entity {
            kind,
            name,
            count,
            country: country.map(str::to_string),
        })
        .collect();
    Analysis {
        lang,
        countries,
        entities,
        mentions,
        truncated: None,
        credits: Vec::new(),
    }
}

/// Organisations from rules; acronyms join their definition ("CNSP" → its long form) and a
/// definition that the gazetteer knows takes the gazetteer's name.
fn add_orgs<'a>(text: &str, hits: &[Hit], orgs: &'a [OrgMention], drafts: &mut Vec<Draft<'a>>) {
    // Looked up only, never walked: the fast hash cannot change an order.
    let mut alias: FastMap<&str, (Cow<str>, Option<&'static str>)> = FastMap::default();
    // The first organisation hit of each written form, for acronyms.
    let mut org_hits: FastMap<&str, &Hit> = FastMap::default();
    if orgs.iter().any(|o| o.alias.is_some()) {
        for h in hits.iter().filter(|h| h.kind() == Kind::Org) {
            org_hits.entry(&text[h.start..h.end]).or_insert(h);
        }
    }
    for o in orgs.iter().filter(|o| o.alias.is_some()) {
        let known = overlapping(hits, o.start, o.end)
            .iter()
            .find(|h| h.kind() == Kind::Org);
        let acronym_known = o.alias.as_deref().and_then(|a| org_hits.get(a).copied());
        let (name, code) = match known.or(acronym_known) {
            Some(h) => {
                let e = GAZETTEER.entity(h.pattern.ids[0]);
                (Cow::Borrowed(e.name), e.code)
            }
            None => (Cow::Borrowed(o.name.as_str()), None),
        };
        if let Some(a) = &o.alias {
            alias.insert(a, (name.clone(), code));
        }
        alias.insert(&o.name, (name, code));
    }
    for o in orgs {
        let (entity, country) = alias
            .get(o.name.as_str())
            .cloned()
            .unwrap_or_else(|| (Cow::Borrowed(&o.name), None));
        // A name built around a known place ("Bank of Scotland") is more than the place.
        let holds_place = overlapping(hits, o.start, o.end).iter().any(|h| {
            o.start <= h.start
                && h.end <= o.end
                && h.end - h.start < o.end - o.start
                && matches!(h.kind(), Kind::Country | Kind::City | Kind::Region)
        });
        let priority = match (o.alias.is_some(), holds_place) {
            (true, _) => 5,
            (false, true) => 3,
            (false, false) => 1,
        };
        drafts.push(Draft {
            kind: EntityKind::Organization,
            start: o.start,
            end: o.end,
            entity,
            country,
            priority,
            from_hit: false,
        });
    }
}

/// The hits overlapping `start..end`. Hits come sorted and free of overlaps (a name starts after
/// the last one ends), so they are one run of the slice, found by bisection.
fn overlapping(hits: &[Hit], start: usize, end: usize) -> &[Hit] {
    let from = hits.partition_point(|h| h.end <= start);
    let to = hits.partition_point(|h| h.start < end).max(from);
    &hits[from..to]
}

/// People: a one-word mention joins the fullest name ending with that word ("Tiani" →
/// "Abdourahamane Tiani"), or else its titled form ("général Tiani").
fn add_people<'t>(text: &'t str, people: &[PersonMention], drafts: &mut Vec<Draft<'t>>) {
    // Most names are ASCII words: folded without the offset map, borrowed when already folded;
    // each once.
    let keys: Vec<Cow<str>> = people
        .iter()
        .map(|p| {
            let name = &text[p.start..p.end];
            let word = name.rsplit([' ', '\u{a0}']).next().unwrap_or(name);
            if word.bytes().all(|b| b.is_ascii_graphic()) {
                fold::fold_word(word)
            } else {
                Cow::Owned(fold::fold_str(word))
            }
        })
        .collect();
    // Looked up only, never walked: the fast hash cannot change an order.
    let mut full: FastMap<&str, (Cow<'t, str>, Option<&'static str>)> = FastMap::default();
    for (p, key) in people.iter().zip(&keys) {
        let name = &text[p.start..p.end];
        if name.contains(' ') {
            let slot = full
                .entry(key.as_ref())
                .or_insert_with(|| (Cow::Borrowed(name), p.country));
            if name.len() > slot.0.len() {
                slot.0 = Cow::Borrowed(name);
            }
            slot.1 = slot.1.or(p.country);
        }
    }
    for (p, key) in people.iter().zip(&keys) {
        let name = &text[p.start..p.end];
        if name.contains(' ') {
            continue;
        }
        match full.entry(key.as_ref()) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                let titled = p
                    .title
                    .as_ref()
                    .map_or(Cow::Borrowed(name), |t| Cow::Owned(format!("{t} {name}")));
                slot.insert((titled, p.country));
            }
            std::collections::hash_map::Entry::Occupied(mut slot) => {
                let slot = slot.get_mut();
                slot.1 = slot.1.or(p.country);
            }
        }
    }
    for (p, key) in people.iter().zip(&keys) {
        let (entity, country) = full.get(key.as_ref()).cloned().unwrap_or_default();
        let priority = if p.known { 3 } else { 1 };
        drafts.push(Draft {
            kind: EntityKind::Person,
            start: p.start,
            end: p.end,
            entity,
            country: country.or(p.country),
            priority,
            from_hit: false,
        });
    }
}
