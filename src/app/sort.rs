//! The orders of the article list (`S` cycles them).

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_cycles_through_all_orders() {
        assert_eq!(SortKey::Date.next().next().next(), SortKey::Date);
    }
}
