//! The orders of the article list (`S` cycles them, `O` reverses the one shown).

pub use crate::store::Direction;

/// The list order; `Date` is newest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Date,
    Source,
    Title,
}

impl SortKey {
    /// The next order in the `S` cycle.
    pub fn next(self) -> Self {
        match self {
            Self::Date => Self::Source,
            Self::Source => Self::Title,
            Self::Title => Self::Date,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::Source => "source",
            Self::Title => "title",
        }
    }
}

/// The list's order and which way it runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListSort {
    pub key: SortKey,
    pub direction: Direction,
}

impl ListSort {
    /// The next key of the `S` cycle, in the same direction.
    pub fn next(self) -> Self {
        Self {
            key: self.key.next(),
            ..self
        }
    }

    /// The same key the other way round.
    pub fn reversed(self) -> Self {
        let direction = match self.direction {
            Direction::Forward => Direction::Reverse,
            Direction::Reverse => Direction::Forward,
        };
        Self { direction, ..self }
    }

    /// `date`, `title reversed`: what the list's title says (nothing for the default).
    pub fn label(self) -> Option<String> {
        match (self.key, self.direction) {
            (SortKey::Date, Direction::Forward) => None,
            (key, Direction::Forward) => Some(key.label().to_string()),
            (key, Direction::Reverse) => Some(format!("{} reversed", key.label())),
        }
    }

    /// As saved in the UI state: `title` or `title reversed`.
    pub fn to_saved(self) -> String {
        match self.direction {
            Direction::Forward => self.key.label().to_string(),
            Direction::Reverse => format!("{} reversed", self.key.label()),
        }
    }

    /// Reads [`ListSort::to_saved`]; anything else is the default order.
    pub fn from_saved(text: &str) -> Self {
        let (key, direction) = match text.strip_suffix(" reversed") {
            Some(key) => (key, Direction::Reverse),
            None => (text, Direction::Forward),
        };
        let key = [SortKey::Date, SortKey::Source, SortKey::Title]
            .into_iter()
            .find(|known| known.label() == key);
        key.map_or_else(Self::default, |key| Self { key, direction })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_cycles_through_all_orders() {
        assert_eq!(SortKey::Date.next().next().next(), SortKey::Date);
    }

    #[test]
    fn a_reversed_sort_keeps_its_direction_through_the_cycle_and_the_saved_text() {
        let sort = ListSort::default().next().next().reversed();
        assert_eq!(sort.label().as_deref(), Some("title reversed"));
        assert_eq!(ListSort::from_saved(&sort.to_saved()), sort);
        assert_eq!(sort.next().direction, Direction::Reverse);
        assert_eq!(ListSort::from_saved("nonsense"), ListSort::default());
        assert_eq!(sort.reversed().reversed(), sort);
    }
}
