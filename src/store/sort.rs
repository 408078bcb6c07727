//! The orders of article rows, one definition for the store's SQL, the TUI's `S`/`O` keys and
//! `kiosk list --sort`: the names below are what the CLI takes and the UI state saves.

/// Order of list rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Newest first; undated articles last.
    #[default]
    Date,
    /// By source name, newest first within a source.
    Source,
    /// By title, alphabetically.
    Title,
}

impl SortOrder {
    /// Every order, in the `S` cycle's order.
    pub const ALL: [Self; 3] = [Self::Date, Self::Source, Self::Title];

    /// The order's name (`kiosk list --sort NAME`, the list's title, the saved UI state).
    pub fn name(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::Source => "source",
            Self::Title => "title",
        }
    }

    /// The order named `name` (see [`SortOrder::name`]).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|order| order.name() == name)
    }

    /// The next order in the `S` cycle.
    pub fn next(self) -> Self {
        let at = Self::ALL
            .iter()
            .position(|order| *order == self)
            .unwrap_or(0);
        Self::ALL[(at + 1) % Self::ALL.len()]
    }
}

/// Which way a [`SortOrder`] runs: as described there, or the other way round.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Direction {
    #[default]
    Forward,
    Reverse,
}

/// An order and its direction, as the list asks for rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sort {
    pub order: SortOrder,
    pub direction: Direction,
}

impl From<SortOrder> for Sort {
    fn from(order: SortOrder) -> Self {
        Self {
            order,
            direction: Direction::Forward,
        }
    }
}

/// The title as the title sort sees it: leading quotes and punctuation trimmed, exactly the
/// expression of the `articles_title_key` index (migration 11), so SQLite walks that index.
const TITLE_KEY: &str = r#"ltrim(a.title, ' «»"''¿¡“”‘’„‚‹›([{-–—…*#.,:;!?') COLLATE NOCASE"#;

impl Sort {
    /// The next order of the `S` cycle, in the same direction.
    pub fn next(self) -> Self {
        Self {
            order: self.order.next(),
            ..self
        }
    }

    /// The same order the other way round.
    pub fn reversed(self) -> Self {
        let direction = match self.direction {
            Direction::Forward => Direction::Reverse,
            Direction::Reverse => Direction::Forward,
        };
        Self { direction, ..self }
    }

    /// `date`, `title reversed`: what the list's title says (nothing for the default).
    pub fn label(self) -> Option<String> {
        (self != Self::default()).then(|| self.to_saved())
    }

    /// As saved in the UI state: `title` or `title reversed`.
    pub fn to_saved(self) -> String {
        match self.direction {
            Direction::Forward => self.order.name().to_string(),
            Direction::Reverse => format!("{} reversed", self.order.name()),
        }
    }

    /// Reads [`Sort::to_saved`]; anything else is the default order.
    pub fn from_saved(text: &str) -> Self {
        let (name, direction) = match text.strip_suffix(" reversed") {
            Some(name) => (name, Direction::Reverse),
            None => (text, Direction::Forward),
        };
        SortOrder::from_name(name).map_or_else(Self::default, |order| Self { order, direction })
    }

    /// The columns the order runs by, each with whether it runs descending: the one source of
    /// both `ORDER BY` and the keyset conditions, so the two never disagree.
    pub(super) fn columns(self) -> Vec<(&'static str, bool)> {
        let reverse = self.direction == Direction::Reverse;
        let (asc, desc) = (reverse, !reverse);
        match self.order {
            SortOrder::Date => vec![("a.published", desc), ("a.id", desc)],
            SortOrder::Source => vec![
                ("a.source COLLATE NOCASE", asc),
                ("a.published", desc),
                ("a.id", desc),
            ],
            SortOrder::Title => vec![(TITLE_KEY, asc), ("a.id", asc)],
        }
    }

    /// The SQL `ORDER BY` list over `articles a`.
    pub(super) fn order_by(self) -> String {
        let columns: Vec<String> = self
            .columns()
            .into_iter()
            .map(|(expression, desc)| {
                if desc {
                    format!("{expression} DESC")
                } else {
                    expression.to_string()
                }
            })
            .collect();
        columns.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_cycles_through_all_orders() {
        assert_eq!(SortOrder::Date.next(), SortOrder::Source);
        assert_eq!(SortOrder::Date.next().next().next(), SortOrder::Date);
        for order in SortOrder::ALL {
            assert_eq!(SortOrder::from_name(order.name()), Some(order));
        }
    }

    #[test]
    fn a_reversed_sort_keeps_its_direction_through_the_cycle_and_the_saved_text() {
        let sort = Sort::default().next().next().reversed();
        assert_eq!(sort.label().as_deref(), Some("title reversed"));
        assert_eq!(Sort::from_saved(&sort.to_saved()), sort);
        assert_eq!(sort.next().direction, Direction::Reverse);
        assert_eq!(Sort::from_saved("nonsense"), Sort::default());
        assert_eq!(sort.reversed().reversed(), sort);
        assert_eq!(Sort::default().label(), None);
        assert_eq!(Sort::default().next().label().as_deref(), Some("source"));
        assert_eq!(
            Sort::default().reversed().label().as_deref(),
            Some("date reversed")
        );
    }
}
