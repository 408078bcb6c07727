//! What the rules find in a text before any decision between them: the tokens, the gazetteer's
//! hits and what each rule names, computed once and handed to the tagger and the merge.

use super::fold;
use super::{
    appositives, compounds, french_orgs, gazetteer, homographs, matches, one_sense, orgs, people,
    places, spans, streets, tickers, tokens, zones,
};

/// What the rules find in a text, before any decision between them.
pub(super) struct RuleFindings<'t, 'a> {
    pub(super) tokens: &'t [tokens::Token<'a>],
    pub(super) hits: &'t [matches::Hit],
    pub(super) covered: &'t [Option<usize>],
    pub(super) lower: &'t gazetteer::FastSet<&'a str>,
    pub(super) people: &'t [people::PersonMention],
    pub(super) orgs: &'t [orgs::OrgMention],
    pub(super) places: &'t [places::PlaceMention],
    /// The company names that tickers or angle brackets mark.
    pub(super) marked: &'t [tickers::Marked],
}

/// Runs the tokenizer, the gazetteer and the rules over `text` and hands their findings to `then`.
pub(super) fn with_findings<R>(
    text: &str,
    title_len: usize,
    lang: Option<&str>,
    then: impl FnOnce(&RuleFindings) -> R,
) -> R {
    let folded = fold::fold(text);
    let mut tokens = tokens::tokenize(text, &folded);
    if let Some(first) = tokens.iter_mut().find(|t| t.start >= title_len) {
        first.starts_sentence = true;
    }
    let zones = zones::zones(text, title_len);
    let mut hits = matches::find(text, &folded, &tokens, &zones);
    homographs::drop_common_words(text, &tokens, &mut hits, lang);
    let marked = tickers::company_names(text);
    tickers::drop_company_names(text, &mut hits, &marked);
    let lower = also_lower_case(&tokens);
    homographs::drop_countries_written_as_words(&tokens, &mut hits, &lower);
    let german = lang == Some("de");
    // Which hit owns each token: computed once for every rule below.
    let mut covered = matches::covered(&tokens, &hits);
    let mut people = people::find(text, &tokens, &hits, &covered, &lower, german);
    if one_sense::drop_towns_named_like_people(&tokens, &mut hits, &people) {
        covered = matches::covered(&tokens, &hits);
        people = people::find(text, &tokens, &hits, &covered, &lower, german);
    }
    let english = lang == Some("en");
    let mut orgs = orgs::find(text, &tokens, &covered, &lower, english);
    if lang == Some("fr") {
        orgs.extend(french_orgs::find(text, &tokens, |i| covered[i].is_some()));
    }
    orgs.extend(
        marked
            .iter()
            .filter(|m| m.name.0 < m.name.1)
            .map(|m| orgs::OrgMention {
                start: m.name.0,
                end: m.name.1,
                name: text[m.name.0..m.name.1].to_string(),
                alias: None,
            }),
    );
    let mut places = places::find(&tokens);
    let (named_orgs, regions) = compounds::find(english, text, &tokens, &hits, &covered);
    orgs.extend(named_orgs);
    places.extend(regions);
    let region_at = |i: usize| {
        let h = covered[i]?;
        let hit = &hits[h];
        let kind = hit.kind();
        (hit.token == i && matches!(kind, gazetteer::Kind::Region | gazetteer::Kind::Country))
            .then_some(hit.end)
    };
    let free = |i: usize| {
        covered[i].is_none()
            && people::is_name_token(&tokens[i])
            && !lower.contains(tokens[i].folded)
    };
    places.extend(places::before_regions(text, &tokens, region_at, free));
    let hit_spans = spans::SpanIndex::new(hits.iter().map(|h| (h.start, h.end)));
    let no_hit = |start: usize, end: usize| !hit_spans.overlaps(start, end);
    let (announced_orgs, announced_places) = appositives::find(text, &tokens, no_hit);
    orgs.extend(announced_orgs);
    places.extend(announced_places);
    places.extend(places::after_prepositions(&tokens, free));
    if let Some(lang) = lang {
        places.extend(streets::find(text, &tokens, lang));
    }
    then(&RuleFindings {
        tokens: &tokens,
        hits: &hits,
        covered: &covered,
        lower: &lower,
        people: &people,
        orgs: &orgs,
        places: &places,
        marked: &marked,
    })
}

/// The capitalised words of an article that it also writes in lower case: common words, not
/// names ("Prices rose" beside "prices").
fn also_lower_case<'a>(tokens: &[tokens::Token<'a>]) -> gazetteer::FastSet<&'a str> {
    let small = |t: &tokens::Token| t.starts_lower;
    // Sized for a capitalised word in three, so that building it never rehashes.
    let mut caps =
        gazetteer::FastSet::with_capacity_and_hasher(tokens.len() / 3, Default::default());
    // Most lower-case words miss a sketch of the capitalised ones, which spares hashing them.
    let mut sketch = gazetteer::Sketch::<32>::default();
    for t in tokens.iter().filter(|t| !small(t)) {
        sketch.insert(t.folded);
        caps.insert(t.folded);
    }
    // A word found moves from `caps` to the result: each is inserted there once, not once for
    // every lower-case occurrence.
    let mut lower = gazetteer::FastSet::with_capacity_and_hasher(caps.len(), Default::default());
    for t in tokens.iter().filter(|t| small(t)) {
        if sketch.may_contain(t.folded) && caps.remove(t.folded) {
            lower.insert(t.folded);
        }
    }
    lower
}
