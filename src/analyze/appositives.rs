//! Names announced by the common noun before them: "the band Deadsy", "la société Areva"
//! (organisations), "the village of Atwick", "la commune de Lens" (places).

use std::sync::LazyLock;

use super::gazetteer::WordSet;
use super::orgs::OrgMention;
use super::places::PlaceMention;
use super::tokens::Token;

/// Nouns (folded) that announce an organisation's name right after them.
static ORG_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_iter([
        "band",
        "group",
        "company",
        "firm",
        "club",
        "team",
        "newspaper",
        "magazine",
        "label",
        "airline",
        "carrier",
        "brand",
        "startup",
        "retailer",
        "broadcaster",
        "channel",
        "network",
        "party",
        "agency",
        "manufacturer",
        "maker",
        "charity",
        "publisher",
        "studio",
        "daily",
        "weekly",
        "societe",
        "groupe",
        "journal",
        "quotidien",
        "hebdomadaire",
        "parti",
        "compagnie",
        "entreprise",
        "firme",
        "marque",
        "chaine",
        "empresa",
        "grupo",
        "periodico",
        "diario",
        "partido",
        "firma",
        "zeitung",
        "partei",
        "konzern",
    ])
});

/// Nouns (folded) that announce a place's name, with "of" / "de" or right after them.
static PLACE_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_iter([
        "city",
        "town",
        "village",
        "parish",
        "county",
        "province",
        "region",
        "district",
        "municipality",
        "island",
        "suburb",
        "hamlet",
        "ville",
        "village",
        "commune",
        "departement",
        "canton",
        "bourg",
        "hameau",
        "quartier",
        "ciudad",
        "pueblo",
        "municipio",
        "provincia",
        "cidade",
        "stadt",
        "dorf",
        "gemeinde",
    ])
});

const OF: &[&str] = &["of", "de", "du", "do", "da", "von"];

fn name_word(t: &Token) -> bool {
    t.is_cap && !t.shouting && t.has_lower
}

/// The name after `cue`: up to four capitalised words, the first possibly elided ("d'Abidjan").
/// Returns its byte span.
fn name_after(tokens: &[Token], cue: usize, of_allowed: bool) -> Option<(usize, usize)> {
    let mut k = cue + 1;
    let next = tokens.get(k)?;
    if !next.joined {
        return None;
    }
    if of_allowed && OF.contains(&next.folded) {
        k += 1;
    } else if let Some(rest) = ["d'", "d’"].iter().find_map(|p| next.text.strip_prefix(p)) {
        // "la ville d'Abidjan": the name is the word after the elided "de".
        let start = next.end - rest.len();
        return rest
            .starts_with(char::is_uppercase)
            .then_some((start, next.end));
    }
    let first = tokens.get(k).filter(|t| t.joined && name_word(t))?;
    let mut last = k;
    while last + 1 < tokens.len()
        && last - k < 3
        && tokens[last + 1].joined
        && name_word(&tokens[last + 1])
    {
        last += 1;
    }
    Some((first.start, tokens[last].end))
}

/// Finds names announced by an organisation or place noun in lower case. `free(start, end)`
/// says no gazetteer match lies in that span.
pub fn find(
    text: &str,
    tokens: &[Token],
    free: impl Fn(usize, usize) -> bool,
) -> (Vec<OrgMention>, Vec<PlaceMention>) {
    let (mut orgs, mut places) = (Vec::new(), Vec::new());
    for (i, t) in tokens.iter().enumerate() {
        // Only a cue before a capitalised word matters: test that first, it is cheap.
        let before_name = tokens.get(i + 1).is_some_and(|n| {
            n.joined && (n.is_cap || n.text.len() <= 3 || n.text.starts_with('d'))
        });
        if !before_name || !t.starts_lower {
            continue;
        }
        let org = ORG_NOUNS.contains(t.folded);
        if !org && !PLACE_NOUNS.contains(t.folded) {
            continue;
        }
        // "the party of Lincoln" is no party's name; "the village of Atwick" is a village's.
        let Some((start, end)) = name_after(tokens, i, !org).filter(|&(s, e)| free(s, e)) else {
            continue;
        };
        if org {
            orgs.push(OrgMention {
                start,
                end,
                name: text[start..end].to_string(),
                alias: None,
            });
        } else {
            places.push(PlaceMention { start, end });
        }
    }
    (orgs, places)
}
