//! Country relevance: weighs every piece of evidence by kind and by zone (title, dateline, lead),
//! resolves ambiguous names by the rest of the article and decides what the article is about.

use std::collections::BTreeMap;

use super::entities::FastMap;
use super::gazetteer::{GAZETTEER, GEntity, Kind};
use super::matches::Hit;
use super::zones::Zone;

/// Share of the article's country evidence a country needs to count as what it is about.
pub const ABOUT_SHARE: f32 = 0.2;

/// Evidence for one country, before normalisation.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub weight: f32,
    pub mentions: u32,
    pub first: usize,
    pub strong: bool,
}

fn kind_weight(e: &GEntity) -> f32 {
    match e.kind {
        Kind::Country => 1.0,
        Kind::Demonym => 0.8,
        Kind::Region => 0.8,
        Kind::City if e.is_capital => 0.9,
        Kind::City if e.population >= 100_000 => 0.6,
        Kind::City => 0.4,
        Kind::Org => 0.5,
        Kind::Person => 0.4,
    }
}

fn zone_weight(z: Zone) -> f32 {
    match z {
        Zone::Title => 2.5,
        Zone::Dateline => 3.0,
        Zone::Lead => 1.5,
        Zone::Body => 1.0,
    }
}

/// The entity a hit stands for: among its candidates, the one whose country the rest of the
/// article supports most (Georgia the state beside Atlanta; Congo beside Kinshasa).
pub fn resolve(hit: &Hit, support: &FastMap<&'static str, f32>) -> u32 {
    let ids = &hit.pattern.ids;
    if ids.len() == 1 {
        return ids[0];
    }
    let mut best = ids[0];
    let mut best_support = 0.0;
    for &id in ids.iter().take(4) {
        let s = GAZETTEER
            .entity(id)
            .code
            .and_then(|c| support.get(c))
            .copied()
            .unwrap_or(0.0);
        if s > best_support {
            best = id;
            best_support = s;
        }
    }
    best
}

/// The entity each hit stands for and the country it is evidence for: [`resolve`], except that
/// a town followed by its state or province ("VIENNA, Va.", "Paris, Texas", "LONDON, Ontario")
/// is in that state's country — its namesake there if the gazetteer has one, else the state's
/// country alone, never the foreign namesake. In a dateline a country may follow too
/// ("DEN BOSCH, Netherlands"); in running text a list of places may not be read so. The same
/// town named again in the article without its state is that town too ("London Life" after
/// "LONDON, Ontario"): one sense per article.
pub fn resolve_all(
    text: &str,
    hits: &[Hit],
    support: &FastMap<&'static str, f32>,
) -> Vec<(u32, Option<&'static str>)> {
    let mut placed: FastMap<&str, (u32, Option<&'static str>)> = FastMap::default();
    let mut out: Vec<(u32, Option<&'static str>)> = Vec::with_capacity(hits.len());
    let mut by_state = vec![false; hits.len()];
    for (k, hit) in hits.iter().enumerate() {
        let id = resolve(hit, support);
        let e = GAZETTEER.entity(id);
        let state = (e.kind == Kind::City)
            .then(|| {
                hits.get(k + 1)
                    .and_then(|next| state_after(text, hit, next))
            })
            .flatten();
        let Some(code) = state else {
            out.push((id, e.code));
            continue;
        };
        let namesake = hit.pattern.ids.iter().copied().find(|&i| {
            let c = GAZETTEER.entity(i);
            c.kind == Kind::City && c.code == Some(code)
        });
        let resolved = (namesake.unwrap_or(id), Some(code));
        placed.entry(hit.pattern.text).or_insert(resolved);
        by_state[k] = true;
        out.push(resolved);
    }
    if !placed.is_empty() {
        for (k, hit) in hits.iter().enumerate() {
            if let Some(&resolved) = placed.get(hit.pattern.text)
                && !by_state[k]
                && GAZETTEER.entity(out[k].0).kind == Kind::City
            {
                out[k] = resolved;
            }
        }
    }
    out
}

/// The country of `next` when it is the state, province (or, in a dateline, the country) that
/// follows the town `hit` after a comma.
fn state_after(text: &str, hit: &Hit, next: &Hit) -> Option<&'static str> {
    let gap = text.get(hit.end..next.start)?;
    if gap.trim_start_matches(' ') != ", " && gap.trim_start_matches(' ') != "," {
        return None;
    }
    let state = GAZETTEER.entity(next.pattern.ids[0]);
    let dateline = hit.zone == Zone::Dateline;
    match state.kind {
        Kind::Region => state.code,
        Kind::Country if dateline => state.code,
        _ => None,
    }
}

/// Currency words, in lower case: a country or demonym naming one ("Swiss franc", "U.S. dlrs",
/// "franc suisse", "dólares estadounidenses") says what money is counted in, not where the story
/// is. Words that are also common words elsewhere ("won", "real", "mark") are left out.
const CURRENCIES: &[&str] = &[
    "baht",
    "cruzado",
    "cruzados",
    "dinar",
    "dinars",
    "dirham",
    "dirhams",
    "dlr",
    "dlrs",
    "dollar",
    "dollars",
    "dólar",
    "dólares",
    "dollaro",
    "escudo",
    "escudos",
    "euro",
    "euros",
    "franc",
    "francs",
    "franco",
    "francos",
    "guilder",
    "guilders",
    "krona",
    "kronor",
    "krone",
    "kroner",
    "lira",
    "lire",
    "livre",
    "livres",
    "peseta",
    "pesetas",
    "peso",
    "pesos",
    "pound",
    "pounds",
    "rand",
    "ringgit",
    "riyal",
    "riyals",
    "rouble",
    "roubles",
    "ruble",
    "rubles",
    "rupee",
    "rupees",
    "schilling",
    "schillings",
    "shilling",
    "shillings",
    "sterling",
    "yen",
    "yuan",
    "zloty",
];

/// Whether the hit is a currency's country ("SWISS FRANC", "U.S. dlrs", "franc suisse"): the
/// word after it, or for a demonym the word before it, is a currency.
pub fn names_a_currency(text: &str, hit: &Hit) -> bool {
    let is_currency = |word: &str| {
        let word = word.trim_matches(|c: char| !c.is_alphabetic());
        word.len() >= 3 && CURRENCIES.contains(&word.to_lowercase().as_str())
    };
    let after = text[hit.end..].split_whitespace().next();
    if after.is_some_and(is_currency) {
        return true;
    }
    let demonym = GAZETTEER.entity(hit.pattern.ids[0]).kind == Kind::Demonym;
    demonym
        && text[..hit.start]
            .split_whitespace()
            .next_back()
            .is_some_and(is_currency)
}

/// Evidence from unambiguous hits only, used to resolve the ambiguous ones.
pub fn support(hits: &[Hit]) -> FastMap<&'static str, f32> {
    // Looked up only, never walked: the fast hash cannot change an order.
    let mut out = FastMap::default();
    for hit in hits {
        let mut codes = hit
            .pattern
            .ids
            .iter()
            .filter_map(|&i| GAZETTEER.entity(i).code);
        if let Some(first) = codes.next()
            && codes.all(|c| c == first)
        {
            let e = GAZETTEER.entity(hit.pattern.ids[0]);
            *out.entry(first).or_insert(0.0) += kind_weight(&e) * zone_weight(hit.zone);
        }
    }
    out
}

/// Adds one piece of evidence for `code`.
pub fn add(
    tallies: &mut BTreeMap<&'static str, Tally>,
    code: &'static str,
    e: &GEntity,
    zone: Zone,
    at: usize,
) {
    let t = tallies.entry(code).or_insert_with(|| Tally {
        first: at,
        ..Tally::default()
    });
    t.weight += kind_weight(e) * zone_weight(zone);
    t.mentions += 1;
    t.first = t.first.min(at);
    t.strong |= matches!(zone, Zone::Title | Zone::Dateline)
        && e.kind != Kind::Person
        && e.kind != Kind::Org;
}

/// Normalises tallies into (code, score, mentions, about), most relevant first. The tallies are
/// ordered by code so that the floating-point total, hence every score, is the same on every run.
pub fn rank(tallies: BTreeMap<&'static str, Tally>) -> Vec<(&'static str, f32, u32, bool)> {
    let total: f32 = tallies.values().map(|t| t.weight).sum();
    let mut out: Vec<_> = tallies
        .into_iter()
        .map(|(code, t)| {
            let score = if total > 0.0 { t.weight / total } else { 0.0 };
            (
                code,
                score,
                t.mentions,
                t.strong || t.mentions >= 3 && score >= 0.1,
                t.first,
            )
        })
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.4.cmp(&b.4)).then(a.0.cmp(b.0)));
    let top = out.first().map_or(0.0, |t| t.1);
    out.into_iter()
        .enumerate()
        .map(|(i, (code, score, mentions, strong, _))| {
            // A country named once, in passing, outside the title and dateline is a mention
            // however little else the article says (a wire item's lone "Switzerland").
            let share = score >= ABOUT_SHARE || score >= top * 0.5;
            let about = i == 0 || strong || mentions >= 2 && share;
            (code, (score * 1000.0).round() / 1000.0, mentions, about)
        })
        .collect()
}
