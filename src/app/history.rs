//! The query line's and the command line's histories: what Enter took, newest last, and the
//! walk Up and Down make through them (only the entries that start with what was typed, as in
//! zsh and fish). Pure: the runtime loads and saves the entries.

/// Lines kept per history; the oldest go first.
pub const HISTORY_CAP: usize = 500;

/// Which line a history belongs to: each kind of prompt keeps its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// `/`: the filter language.
    Query,
    /// `:`: commands.
    Command,
}

/// The lines entered on one kind of prompt, oldest first: no empty line, no line twice in a row,
/// at most [`HISTORY_CAP`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
}

impl History {
    /// A history of `lines` as saved (oldest first), cleaned as [`History::record`] would have
    /// kept them: saved text is not trusted to follow the rules.
    pub fn from_entries(lines: Vec<String>) -> Self {
        let mut history = Self::default();
        for line in lines {
            history.record(&line);
        }
        history
    }

    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Adds `line` (trimmed) as the newest entry; answers whether the history changed (an empty
    /// line or a repeat of the newest is not kept).
    pub fn record(&mut self, line: &str) -> bool {
        let line = line.trim();
        if line.is_empty() || self.entries.last().is_some_and(|last| last == line) {
            return false;
        }
        self.entries.push(line.to_string());
        if self.entries.len() > HISTORY_CAP {
            let extra = self.entries.len() - HISTORY_CAP;
            self.entries.drain(..extra);
        }
        true
    }

    /// The index of the newest entry older than `before` (all of them when `None`) that starts
    /// with `prefix` and differs from `shown` (a step that would not change the line is skipped).
    fn older(&self, before: Option<usize>, prefix: &str, shown: &str) -> Option<usize> {
        let end = before.unwrap_or(self.entries.len());
        self.entries[..end]
            .iter()
            .rposition(|entry| entry.starts_with(prefix) && entry != shown.trim())
    }

    /// The index of the oldest entry newer than `after` that starts with `prefix` and differs
    /// from `shown`.
    fn newer(&self, after: usize, prefix: &str, shown: &str) -> Option<usize> {
        let start = after + 1;
        self.entries
            .get(start..)?
            .iter()
            .position(|entry| entry.starts_with(prefix) && entry != shown.trim())
            .map(|at| start + at)
    }
}

/// Both histories.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Histories {
    pub query: History,
    pub command: History,
}

impl Histories {
    pub fn of(&self, kind: LineKind) -> &History {
        match kind {
            LineKind::Query => &self.query,
            LineKind::Command => &self.command,
        }
    }

    pub fn of_mut(&mut self, kind: LineKind) -> &mut History {
        match kind {
            LineKind::Query => &mut self.query,
            LineKind::Command => &mut self.command,
        }
    }
}

/// Up and Down under way on an open prompt: the line as it was typed (restored by Down past
/// the newest entry), the prefix entries must start with, and the entry shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    pub typed: super::line_edit::LineEdit,
    pub prefix: String,
    /// The index of the entry the line shows.
    pub at: usize,
}

/// Where a step of the walk lands: an entry, or back on the typed line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Landing {
    Entry(usize),
    Typed,
}

impl Walk {
    /// The first Up from a line: the newest entry with the prefix, if any.
    pub fn start(
        history: &History,
        typed: super::line_edit::LineEdit,
        prefix: String,
    ) -> Option<Self> {
        let at = history.older(None, &prefix, typed.text())?;
        Some(Self { typed, prefix, at })
    }

    /// One more step, older (`Up`) or newer (`Down`); `None` when Up finds nothing older (the
    /// line stays).
    pub fn step(&self, history: &History, older: bool) -> Option<Landing> {
        let shown = history.entries.get(self.at).map_or("", String::as_str);
        if older {
            history
                .older(Some(self.at), &self.prefix, shown)
                .map(Landing::Entry)
        } else {
            Some(
                history
                    .newer(self.at, &self.prefix, shown)
                    .map_or(Landing::Typed, Landing::Entry),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(lines: &[&str]) -> History {
        History::from_entries(lines.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn empty_lines_and_repeats_of_the_newest_are_not_kept() {
        let mut h = history(&["a", " ", "a", "b"]);
        assert_eq!(h.entries(), ["a", "b"]);
        assert!(!h.record("b "));
        assert!(h.record("a"));
        assert_eq!(h.entries(), ["a", "b", "a"], "only a repeat in a row goes");
    }

    #[test]
    fn the_oldest_go_past_the_cap() {
        let lines: Vec<String> = (0..HISTORY_CAP + 20).map(|i| format!("q{i}")).collect();
        let h = History::from_entries(lines);
        assert_eq!(h.entries().len(), HISTORY_CAP);
        assert_eq!(h.entries()[0], "q20");
        assert_eq!(
            h.entries()[HISTORY_CAP - 1],
            format!("q{}", HISTORY_CAP + 19)
        );
    }

    #[test]
    fn a_walk_visits_the_prefixed_entries_newest_first_and_comes_back() {
        let h = history(&["country:NE", "lang:fr", "country:ML", "country:NE"]);
        let walk = Walk::start(&h, "cou".into(), "cou".into()).expect("a match");
        assert_eq!(walk.at, 3);
        let older = walk.step(&h, true);
        assert_eq!(older, Some(Landing::Entry(2)));
        let walk = Walk { at: 2, ..walk };
        // The oldest `country:NE` equals none shown now, so it is reached.
        assert_eq!(walk.step(&h, true), Some(Landing::Entry(0)));
        let walk = Walk { at: 0, ..walk };
        assert_eq!(walk.step(&h, true), None, "nothing older");
        assert_eq!(walk.step(&h, false), Some(Landing::Entry(2)));
        let walk = Walk { at: 3, ..walk };
        assert_eq!(walk.step(&h, false), Some(Landing::Typed));
        assert_eq!(Walk::start(&h, "xyz".into(), "xyz".into()), None);
    }
}
