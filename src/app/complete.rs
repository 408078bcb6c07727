//! Tab completion on the query and command lines, pure: which word the cursor ends ([`target`])
//! and which of the names handed in complete it ([`matching`]). The names come as data: the
//! filter language's keys, the gazetteer's countries, saved views, or the store's entities
//! through an effect. Matching ignores case and accents.

use std::ops::Range;

use crate::analyze::{EntityKind, fold_name};

/// Candidates offered at most, so a one-letter prefix does not make a thousand.
pub const MAX_CANDIDATES: usize = 100;

/// What the word before the cursor is, and so where its candidates come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A key of the filter language (`cou` → `country:`).
    Key,
    /// A country after `country:` or `mentions:`, by name in kiosk's languages or code.
    Country,
    /// An `is:` value.
    Flag,
    /// An entity after `person:`, `org:`, `place:` (that kind) or `entity:` (any).
    Entity(Option<EntityKind>),
    /// A saved view after `:view`, `:delete` or `:unsave`.
    View,
    /// A command name after `:`.
    Command,
}

/// The part of the line a completion replaces: `range` (byte offsets in the line, ending at
/// the cursor) holds `typed`, what candidates must start with (without its opening quote).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub slot: Slot,
    pub range: Range<usize>,
    pub typed: String,
}

/// The target of the text `before` the cursor on a query line or (`command`) a command line;
/// `None` where nothing completes (a free word, a quoted phrase, a date).
pub fn target(before: &str, command: bool) -> Option<Target> {
    if command {
        return command_target(before);
    }
    let start = term_start(before);
    let mut term = &before[start..];
    let mut at = start;
    if term.len() > 1 && term.starts_with('-') {
        term = &term[1..];
        at += 1;
    }
    if term.starts_with('"') {
        return None;
    }
    let Some(colon) = term.find(':').filter(|&colon| colon > 0) else {
        return Some(Target {
            slot: Slot::Key,
            range: at..before.len(),
            typed: term.to_string(),
        });
    };
    let slot = match term[..colon].to_ascii_lowercase().as_str() {
        "country" | "mentions" => Slot::Country,
        "is" => Slot::Flag,
        "person" => Slot::Entity(Some(EntityKind::Person)),
        "org" => Slot::Entity(Some(EntityKind::Organization)),
        "place" => Slot::Entity(Some(EntityKind::Place)),
        "entity" => Slot::Entity(None),
        _ => return None,
    };
    let value = &term[colon + 1..];
    Some(Target {
        slot,
        range: at + colon + 1..before.len(),
        typed: value.strip_prefix('"').unwrap_or(value).to_string(),
    })
}

/// Where the term ending at the cursor starts: after the last space outside quotes.
fn term_start(before: &str) -> usize {
    let mut quoted = false;
    let mut start = 0;
    for (at, c) in before.char_indices() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => start = at + c.len_utf8(),
            _ => {}
        }
    }
    start
}

fn command_target(before: &str) -> Option<Target> {
    let Some((command, rest)) = before.split_once(' ') else {
        return Some(Target {
            slot: Slot::Command,
            range: 0..before.len(),
            typed: before.to_string(),
        });
    };
    if !matches!(command, "view" | "delete" | "unsave") {
        return None;
    }
    let value = rest.trim_start();
    Some(Target {
        slot: Slot::View,
        range: before.len() - value.len()..before.len(),
        typed: value.to_string(),
    })
}

/// The `names` that start with `typed`, ignoring case and accents, each once (by its folded
/// form, first spelling kept), in the order given, at most [`MAX_CANDIDATES`].
pub fn matching<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let typed = fold_name(typed);
    let mut seen = std::collections::HashSet::new();
    names
        .into_iter()
        .filter(|name| fold_name(name).starts_with(&typed))
        .filter(|name| seen.insert(fold_name(name)))
        .take(MAX_CANDIDATES)
        .map(str::to_string)
        .collect()
}

/// A value as the line needs it written: quoted when it holds a space (`"south africa"`);
/// `None` for one the filter language cannot hold (a double quote in it).
pub fn written(slot: Slot, value: &str) -> Option<String> {
    if value.contains('"') {
        return None;
    }
    let spaced = value.chars().any(char::is_whitespace);
    Some(match slot {
        Slot::Country | Slot::Entity(_) | Slot::Flag if spaced => format!("\"{value}\""),
        _ => value.to_string(),
    })
}

/// A completion being cycled: the range of the line the candidate in it fills, the candidates
/// as the line writes them, and the one it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub start: usize,
    pub candidates: Vec<String>,
    pub selected: usize,
}

impl Completion {
    /// The selected candidate.
    pub fn current(&self) -> &str {
        self.candidates
            .get(self.selected)
            .map_or("", String::as_str)
    }

    /// Moves to the next candidate (the previous one when not `forward`), around the ends.
    pub fn cycle(&mut self, forward: bool) {
        let len = self.candidates.len().max(1);
        self.selected = if forward {
            (self.selected + 1) % len
        } else {
            (self.selected + len - 1) % len
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot_and_typed(before: &str, command: bool) -> Option<(Slot, String, String)> {
        target(before, command).map(|t| (t.slot, before[t.range].to_string(), t.typed))
    }

    #[test]
    fn the_term_before_the_cursor_says_what_completes() {
        assert_eq!(
            slot_and_typed("niamey cou", false),
            Some((Slot::Key, "cou".into(), "cou".into()))
        );
        assert_eq!(
            slot_and_typed("-cou", false),
            Some((Slot::Key, "cou".into(), "cou".into()))
        );
        assert_eq!(
            slot_and_typed("lang:fr country:\"south af", false),
            Some((Slot::Country, "\"south af".into(), "south af".into()))
        );
        assert_eq!(
            slot_and_typed("IS:un", false),
            Some((Slot::Flag, "un".into(), "un".into()))
        );
        assert_eq!(
            slot_and_typed("org:cé", false),
            Some((
                Slot::Entity(Some(EntityKind::Organization)),
                "cé".into(),
                "cé".into()
            ))
        );
        assert_eq!(
            slot_and_typed("entity:", false).map(|t| t.0),
            Some(Slot::Entity(None))
        );
        assert_eq!(slot_and_typed("since:7", false), None);
        assert_eq!(slot_and_typed("\"mots ex", false), None);
    }

    #[test]
    fn the_command_line_completes_commands_and_view_names() {
        assert_eq!(
            slot_and_typed("vi", true),
            Some((Slot::Command, "vi".into(), "vi".into()))
        );
        assert_eq!(
            slot_and_typed("view  sah", true),
            Some((Slot::View, "sah".into(), "sah".into()))
        );
        assert_eq!(slot_and_typed("save x", true), None);
    }

    #[test]
    fn matching_ignores_case_and_accents_and_keeps_one_spelling() {
        let names = ["Côte d'Ivoire", "cote d'ivoire", "Costa Rica", "Cuba"];
        assert_eq!(matching("COTE", names), ["Côte d'Ivoire"]);
        assert_eq!(matching("co", names), ["Côte d'Ivoire", "Costa Rica"]);
        assert_eq!(matching("", ["a", "b"]), ["a", "b"]);
        let many: Vec<String> = (0..500).map(|i| format!("n{i}")).collect();
        assert_eq!(
            matching("n", many.iter().map(String::as_str)).len(),
            MAX_CANDIDATES
        );
    }

    #[test]
    fn values_with_spaces_are_quoted_and_quotes_are_refused() {
        assert_eq!(
            written(Slot::Country, "South Africa").as_deref(),
            Some("\"South Africa\"")
        );
        assert_eq!(written(Slot::Key, "country:").as_deref(), Some("country:"));
        assert_eq!(
            written(Slot::View, "sahel news").as_deref(),
            Some("sahel news")
        );
        assert_eq!(written(Slot::Entity(None), "a \"b\""), None);
    }

    #[test]
    fn cycling_goes_around_both_ways() {
        let mut c = Completion {
            start: 0,
            candidates: vec!["a".into(), "b".into(), "c".into()],
            selected: 0,
        };
        c.cycle(false);
        assert_eq!(c.current(), "c");
        c.cycle(true);
        c.cycle(true);
        assert_eq!(c.current(), "b");
    }
}
