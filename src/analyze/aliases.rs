//! Every name an entity is known by, for filters that find it by any of them: the gazetteer's
//! names of the person, organisation or place it resolves to, `assets/aliases.tsv`, a person's
//! name without its titles and their surname. Lookups only; the store keeps the result.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::EntityKind;
use super::fold;
use super::gazetteer::{GAZETTEER, Kind};
use super::name_cues::is_title;

/// The names of one entity, folded (see [`fold_name`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    /// The same for every spelling of one entity ("vladimir putin" for "Vladimir Poutine" and
    /// "Putin"): what tells two people with one surname apart.
    pub canonical: String,
    /// Names that find the entity, its own first.
    pub aliases: Vec<String>,
    /// A person's family name (the last word of a name of two words or more), which finds them
    /// only while nobody else in the archive has it.
    pub surname: Option<String>,
}

/// A name as filters compare it: accents dropped, lower case, one apostrophe, single spaces.
pub fn fold_name(name: &str) -> String {
    fold::fold_str(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names entity `name` of `kind` is known by; `country` (its ISO code) picks between places
/// of one name.
pub fn names_of(kind: EntityKind, name: &str, country: Option<&str>) -> Names {
    let folded = fold_name(name);
    let untitled = match kind {
        EntityKind::Person => untitled(&folded).to_string(),
        _ => folded.clone(),
    };
    let known = gazetteer_entity(kind, &folded, country)
        .or_else(|| gazetteer_entity(kind, &untitled, country));
    let listed = listed_entity(kind, &folded).or_else(|| listed_entity(kind, &untitled));
    let canonical = match (known, listed) {
        (Some(id), _) => fold_name(GAZETTEER.entity(id).name),
        (None, Some(listed)) => listed.names[0].clone(),
        (None, None) => untitled.clone(),
    };
    let mut aliases = vec![folded, untitled.clone(), canonical.clone()];
    if let Some(id) = known {
        aliases.extend(
            GAZETTEER_NAMES
                .get(&id)
                .into_iter()
                .flatten()
                .map(|n| (*n).to_string()),
        );
    }
    if let Some(listed) = listed {
        aliases.extend(listed.names.iter().cloned());
    }
    let mut seen = std::collections::HashSet::new();
    aliases.retain(|alias| !alias.is_empty() && seen.insert(alias.clone()));
    let surname = match kind {
        EntityKind::Person => untitled.rsplit_once(' ').map(|(_, last)| last.to_string()),
        _ => None,
    };
    Names {
        canonical,
        aliases,
        surname,
    }
}

/// A folded person's name without the titles in front ("general tiani" → "tiani"); the name
/// itself when nothing but titles would be left.
fn untitled(folded: &str) -> &str {
    let mut rest = folded;
    while let Some((first, after)) = rest.split_once(' ') {
        if !is_title(first) {
            break;
        }
        rest = after;
    }
    rest
}

/// The gazetteer entity of `kind` named `folded`, the one of `country` first for places.
fn gazetteer_entity(kind: EntityKind, folded: &str, country: Option<&str>) -> Option<u32> {
    let g = &*GAZETTEER;
    let candidates: Vec<u32> = g
        .pattern(folded)?
        .ids
        .iter()
        .copied()
        .filter(|&id| same_kind(kind, g.entity(id).kind))
        .collect();
    candidates
        .iter()
        .copied()
        .find(|&id| country.is_some() && g.entity(id).code == country)
        .or_else(|| candidates.first().copied())
}

fn same_kind(kind: EntityKind, gazetteer: Kind) -> bool {
    matches!(
        (kind, gazetteer),
        (EntityKind::Person, Kind::Person)
            | (EntityKind::Organization, Kind::Org)
            | (EntityKind::Place, Kind::City | Kind::Region)
    )
}

/// Every name of each gazetteer person, organisation, city and region, by entity id: the
/// patterns hold names to entities, the other way round is built once, when first asked.
static GAZETTEER_NAMES: LazyLock<HashMap<u32, Vec<&'static str>>> = LazyLock::new(|| {
    let g = &*GAZETTEER;
    let mut names: HashMap<u32, Vec<&'static str>> = HashMap::new();
    for pattern in g.patterns() {
        for &id in pattern.ids {
            if matches!(
                g.entity(id).kind,
                Kind::Person | Kind::Org | Kind::City | Kind::Region
            ) {
                names.entry(id).or_default().push(pattern.text);
            }
        }
    }
    names
});

/// One line of `assets/aliases.tsv`: its kind and folded names, the canonical one first.
struct Listed {
    kind: EntityKind,
    names: Vec<String>,
}

/// Entries and, by folded name, the indices of the entries holding it.
type ListedTable = (Vec<Listed>, HashMap<String, Vec<usize>>);

/// The entries of `assets/aliases.tsv`.
static LISTED: LazyLock<ListedTable> = LazyLock::new(|| {
    let entries: Vec<Listed> = include_str!("../../assets/aliases.tsv")
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let kind = match fields.next()? {
                "person" => EntityKind::Person,
                "organization" => EntityKind::Organization,
                "place" => EntityKind::Place,
                _ => return None,
            };
            let canonical = fields.next()?;
            let aliases = fields.next().unwrap_or_default().split('|');
            let names = std::iter::once(canonical)
                .chain(aliases)
                .map(fold_name)
                .filter(|name| !name.is_empty())
                .collect();
            Some(Listed { kind, names })
        })
        .collect();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, entry) in entries.iter().enumerate() {
        for name in &entry.names {
            by_name.entry(name.clone()).or_default().push(index);
        }
    }
    (entries, by_name)
});

/// The entry of `assets/aliases.tsv` of `kind` holding `folded`, unless several do.
fn listed_entity(kind: EntityKind, folded: &str) -> Option<&'static Listed> {
    let (entries, by_name) = &*LISTED;
    let mut found = by_name
        .get(folded)?
        .iter()
        .map(|&index| &entries[index])
        .filter(|entry| entry.kind == kind);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(names: &Names, alias: &str) -> bool {
        names.aliases.iter().any(|a| a == alias)
    }

    #[test]
    fn a_known_person_has_every_spelling() {
        let poutine = names_of(EntityKind::Person, "Vladimir Poutine", Some("RU"));
        let putin = names_of(EntityKind::Person, "Putin", None);
        assert_eq!(poutine.canonical, "vladimir putin");
        assert_eq!(poutine.canonical, putin.canonical);
        for alias in ["poutine", "putin", "vladimir putin", "vladimir poutine"] {
            assert!(has(&poutine, alias), "{alias} in {poutine:?}");
            assert!(has(&putin, alias), "{alias} in {putin:?}");
        }
        assert_eq!(poutine.aliases[0], "vladimir poutine");
        assert_eq!(poutine.surname.as_deref(), Some("poutine"));
        assert_eq!(putin.surname, None);
    }

    #[test]
    fn titles_are_left_out_of_a_persons_names() {
        let titled = names_of(EntityKind::Person, "président Poutine", None);
        assert_eq!(titled.canonical, "vladimir putin");
        let unknown = names_of(EntityKind::Person, "général  Toumba", None);
        assert_eq!(unknown.canonical, "toumba");
        assert_eq!(unknown.aliases, ["general toumba", "toumba"]);
        assert_eq!(unknown.surname, None);
        let plain = names_of(EntityKind::Person, "Kathleen FitzGibbon", None);
        assert_eq!(plain.aliases, ["kathleen fitzgibbon"]);
        assert_eq!(plain.surname.as_deref(), Some("fitzgibbon"));
    }

    #[test]
    fn organisations_from_the_gazetteer_and_the_list() {
        let ecowas = names_of(EntityKind::Organization, "ECOWAS", None);
        for alias in [
            "ecowas",
            "cedeao",
            "economic community of west african states",
        ] {
            assert!(has(&ecowas, alias), "{alias} in {ecowas:?}");
        }
        let long = "Conseil national pour la sauvegarde de la patrie";
        let cnsp = names_of(EntityKind::Organization, "CNSP", None);
        let written = names_of(EntityKind::Organization, long, None);
        assert_eq!(cnsp.canonical, fold_name(long));
        assert_eq!(cnsp.canonical, written.canonical);
        assert!(has(&written, "cnsp") && has(&cnsp, &fold_name(long)));
        // An organisation is never a person.
        assert_eq!(names_of(EntityKind::Person, "CNSP", None).aliases, ["cnsp"]);
    }

    #[test]
    fn places_by_their_names_in_other_languages() {
        let moscow = names_of(EntityKind::Place, "Moscow", Some("RU"));
        assert!(has(&moscow, "moscou") && has(&moscow, "moskau"));
        assert_eq!(fold_name("  Côte  d’Ivoire "), "cote d'ivoire");
    }
}
