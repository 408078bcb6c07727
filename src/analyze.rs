//! Article analysis, pure text → [`Analysis`]: language, people, organisations, places and the
//! countries an article is about, from the embedded gazetteer and text rules. No IO, no store.

mod aliases;
mod appositives;
mod compounds;
mod credits;
mod decided;
mod entities;
mod findings;
mod fold;
mod french_orgs;
mod gazetteer;
mod homographs;
mod kind;
mod language;
mod matches;
mod name_cues;
mod one_sense;
mod orgs;
mod people;
mod places;
mod score;
mod spans;
mod streets;
mod tagger;
mod tickers;
mod tokens;
mod zones;

use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

pub use aliases::{Names, fold_name, names_of};
use gazetteer::{COUNTRY_NAMES, GAZETTEER, Kind};

/// Version of the analyser's output; bump it whenever the output for some text changes.
pub const ANALYZER_VERSION: u32 = 13;

/// Everything the analyser finds in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// ISO 639-1 code, declared or detected.
    pub lang: Option<String>,
    /// Countries named or implied, most relevant first; `about` marks what the article is about.
    pub countries: Vec<CountryScore>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    /// Set when the text was longer than the cap ([`set_max_bytes`]): only its first part was
    /// analysed, and offsets stop there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncated>,
    /// The [`Entity::name`]s of the organisations a wire dateline credits ("NIAMEY (Reuters) -"):
    /// the article's author, kept out of the organisations it is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<String>,
}

/// How much of a text over the cap was analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Truncated {
    /// Bytes analysed, from the start of the text.
    pub analysed_bytes: usize,
    /// The whole text's length in bytes.
    pub text_bytes: usize,
}

/// The default cap: a longer text is analysed on its first mebibyte. News articles run to tens
/// of kilobytes; the cap bounds what one pathological input (a book, a dump) costs an import.
pub const DEFAULT_MAX_BYTES: usize = 1 << 20;

/// The cap for this process. A process-wide setting rather than a parameter: every caller
/// (import, reanalysis, `kiosk analyze`, feeds) gets the same one, and none can forget it.
static MAX_BYTES: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_BYTES);

/// Sets the cap (`[analysis] max_bytes` in the config), in bytes; at least 1.
pub fn set_max_bytes(max: usize) {
    MAX_BYTES.store(max.max(1), Ordering::Relaxed);
}

/// The cap in force.
pub fn max_bytes() -> usize {
    MAX_BYTES.load(Ordering::Relaxed)
}

/// The part of `text` analysed under cap `max`: all of it, or its first `max` bytes cut after
/// the last white space there (a word cut in two could read as another name), at a character
/// boundary in any case.
fn analysed_part(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let head = prefix(text, max);
    match head.rfind(char::is_whitespace) {
        Some(at) if at >= head.len() / 2 => &head[..at],
        _ => head,
    }
}

/// A country's relevance to an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryScore {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// Display name in the article's language (English if unknown).
    pub name: String,
    /// Share of the article's country evidence, 0..=1.
    pub score: f32,
    pub mentions: u32,
    pub about: bool,
}

/// A person, organisation, place or country with its mention count in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// Canonical name: the fullest form in the article for people, the gazetteer's (English)
    /// name for places, countries and known organisations.
    pub name: String,
    pub count: u32,
    /// ISO alpha-2 code of the country the entity belongs to or stands for.
    pub country: Option<String>,
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub kind: EntityKind,
    pub text: String,
    /// Byte offsets into the analysed text, `end` exclusive.
    pub start: usize,
    pub end: usize,
    /// The [`Entity::name`] this mention belongs to.
    pub entity: String,
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Country,
}

/// Analyses one article. `text` is what offsets refer to; `title_len` is how many bytes of `text`
/// are the title (0 if none), so title mentions weigh more; `lang` a declared ISO 639-1 code.
/// A text longer than [`max_bytes`] is analysed on its first part, which the result says.
pub fn analyze(text: &str, title_len: usize, lang: Option<&str>) -> Analysis {
    let part = analysed_part(text, max_bytes());
    let mut analysis = analyze_whole(tagger::shipped, part, title_len.min(part.len()), lang);
    if part.len() < text.len() {
        analysis.truncated = Some(Truncated {
            analysed_bytes: part.len(),
            text_bytes: text.len(),
        });
    }
    analysis
}

/// Analyses a text with the tagger model `model` gives, asked for only when the tagger runs.
fn analyze_whole<'m>(
    model: impl FnOnce() -> &'m tagger::Model,
    text: &str,
    title_len: usize,
    lang: Option<&str>,
) -> Analysis {
    let lang = match lang {
        Some(l) => Some(l.to_string()),
        None => language::detect(text).map(str::to_string),
    };
    let code = lang.clone();
    let german = code.as_deref() == Some("de");
    findings::with_findings(text, title_len, code.as_deref(), |f| {
        // The trained tagger adds the names the rules miss; the rules' findings are among its
        // features. Languages it was not trained on, and caseless scripts, keep the rules alone.
        let trained = matches!(code.as_deref(), Some("en" | "pt" | "de" | "fr"));
        let tagged = (trained && tagger::applies(f.tokens)).then(|| {
            let marks = tagger::rule_marks(f.tokens, f.people, f.orgs, f.places);
            let mut spans = tagger::tag(
                model(),
                f.tokens,
                f.hits,
                f.covered,
                f.lower,
                &marks,
                german,
            );
            spans.retain(|s| !tickers::overlaps_a_mark(s.start, s.end, f.marked));
            spans
        });
        let findings = entities::Findings {
            people: f.people,
            orgs: f.orgs,
            places: f.places,
            tagged: tagged.as_deref(),
        };
        let mut analysis = entities::build(text, f.tokens, f.hits, &findings, lang);
        analysis.credits = credits::credited(text, title_len, &analysis.mentions);
        analysis
    })
}

/// For `examples/train_ner.rs` only: the tagger's view of a text, so that training sees exactly
/// the tokens and features that tagging will.
#[doc(hidden)]
pub mod training {
    pub use super::tagger::features::{Features, Scored};
    pub use super::tagger::train::{Example, Settings, train};
    pub use super::tagger::{Model, OUTSIDE, SLOT, TAGS, allowed};

    /// The analysis of a whole text with another tagger model than the shipped one: for
    /// evaluating a model just trained (`KIOSK_NER_MODEL` in `tests/analyze_eval.rs`).
    pub fn analyze_with(model: &Model, text: &str, lang: Option<&str>) -> super::Analysis {
        super::analyze_whole(|| model, text, 0, lang)
    }

    /// Each token's byte span and the features of every token.
    pub fn prepare(text: &str, lang: Option<&str>) -> (Vec<(usize, usize)>, Features) {
        super::findings::with_findings(text, 0, lang, |f| {
            let marks = super::tagger::rule_marks(f.tokens, f.people, f.orgs, f.places);
            let features = super::tagger::features::extract(
                f.tokens,
                f.hits,
                f.covered,
                f.lower,
                &marks,
                lang == Some("de"),
            );
            (
                f.tokens.iter().map(|t| (t.start, t.end)).collect(),
                features,
            )
        })
    }
}

/// The language of an article's text as the analyser detects it (function words, then the
/// words of tables and datelines, then trigrams): what ingest stores where none was declared,
/// so that the stored language and the analysis agree.
pub fn detect_language(text: &str) -> Option<&'static str> {
    language::detect(text)
}

/// [`detect_language`] for an article of a source that mostly writes `usual`: a text too short
/// or too bare for its function words to tell (a headline, a table) takes `usual` before a
/// trigram guess.
pub fn detect_language_or<'u>(text: &str, usual: Option<&'u str>) -> Option<&'u str> {
    language::detect_or(text, usual)
}

/// The first `max` bytes of `text`, cut at a character boundary, so that cutting by size never
/// splits (and panics inside) a multi-byte character. Language detection reads such a prefix
/// (trigram statistics settle within a few sentences); format detection sniffs a file's head.
pub fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Country lookup for queries: any language's name or demonym, or an ISO code → alpha-2
/// ("niger" → NE, "Allemagne" → DE, "EEUU" → US, "de" → DE). Case- and accent-insensitive.
pub fn country_code(name: &str) -> Option<&'static str> {
    let trimmed = name.trim();
    if trimmed.len() == 2 && trimmed.is_ascii() {
        let upper = trimmed.to_ascii_uppercase();
        if let Some(c) = COUNTRY_NAMES.iter().find(|c| c.code == upper) {
            return Some(c.code);
        }
    }
    let folded = fold::fold_str(trimmed);
    let g = &*GAZETTEER;
    let pattern = g.pattern(&folded)?;
    pattern.ids.iter().find_map(|&id| {
        let e = g.entity(id);
        matches!(e.kind, Kind::Country | Kind::Demonym)
            .then_some(e.code)
            .flatten()
    })
}

/// Display name of a country in a language, English when that language has none
/// (("NE", "fr") → "Niger", ("US", "fr") → "États-Unis").
pub fn country_name(code: &str, lang: &str) -> Option<&'static str> {
    let country = find_country(code)?;
    country.name_in(lang).or_else(|| country.name_in("en"))
}

/// The display names of a country by its alpha-2 code, any case (the table is sorted by code).
fn find_country(code: &str) -> Option<&'static gazetteer::CountryNames> {
    let [a, b] = <[u8; 2]>::try_from(code.as_bytes()).ok()?;
    let upper = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
    let names = &*COUNTRY_NAMES;
    let i = names
        .binary_search_by(|c| c.code.as_bytes().cmp(&upper[..]))
        .ok()?;
    names.get(i)
}

/// Every name a country is known by (all languages' display names, short forms and its code),
/// for a fuzzy picker.
pub fn country_names(code: &str) -> Vec<&'static str> {
    let Some(country) = find_country(code) else {
        return Vec::new();
    };
    let mut names: Vec<&'static str> = country.names.iter().map(|(n, _)| *n).collect();
    names.push(country.code);
    names
}

/// Every country's ISO 3166-1 alpha-2 code, in code order (the query line completes them).
pub fn country_codes() -> impl Iterator<Item = &'static str> {
    COUNTRY_NAMES.iter().map(|country| country.code)
}

/// The names of a country in the given languages (CLDR locales), its short forms (which carry
/// no locale, e.g. "EE. UU.") and its code: what the country picker matches typing against.
pub fn country_names_in(code: &str, langs: &[&str]) -> Vec<&'static str> {
    let Some(country) = find_country(code) else {
        return Vec::new();
    };
    let wanted = |locales: &str| {
        locales.is_empty() || locales.split(',').any(|locale| langs.contains(&locale))
    };
    let mut names: Vec<&'static str> = country
        .names
        .iter()
        .filter(|(_, locales)| wanted(locales))
        .map(|(name, _)| *name)
        .collect();
    names.push(country.code);
    names
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod common_word_tests;
#[cfg(test)]
mod country_pattern_tests;
#[cfg(test)]
mod name_rule_tests;
#[cfg(test)]
mod rule_tests;
