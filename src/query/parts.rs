//! What the TUI reads off a parsed [`Query`] and builds from parts: the words to highlight, the
//! country chip's codes, chips split from a typed query and ANDed back together.

use super::{Clause, Filter, Query, Term};

impl Query {
    /// A query of one plain (not negated) term.
    pub fn of(filter: Filter) -> Self {
        Self {
            clauses: vec![Clause {
                alternatives: vec![Term {
                    negated: false,
                    filter,
                }],
            }],
        }
    }

    /// `chips` ANDed into one query.
    pub fn all<'a>(chips: impl IntoIterator<Item = &'a Query>) -> Self {
        chips
            .into_iter()
            .fold(Self::default(), |all, chip| all.and(chip.clone()))
    }

    /// The query as chips: one per clause, unless a clause joins terms with OR (then the query
    /// stays one chip, as typed).
    pub fn into_chips(self) -> Vec<Query> {
        if self
            .clauses
            .iter()
            .any(|clause| clause.alternatives.len() > 1)
        {
            return vec![self];
        }
        self.clauses
            .into_iter()
            .map(|clause| Self {
                clauses: vec![clause],
            })
            .collect()
    }

    /// The free words and phrases an article matched, lowercased, for the reader to highlight:
    /// not negated ones (absent from the article) nor keyed values; a prefix `word*` as `word`.
    pub fn search_terms(&self) -> Vec<String> {
        self.clauses
            .iter()
            .flat_map(|clause| &clause.alternatives)
            .filter(|term| !term.negated)
            .filter_map(|term| match &term.filter {
                Filter::Word(word) => Some(word.trim_end_matches('*')),
                Filter::Phrase(phrase) => Some(phrase.as_str()),
                _ => None,
            })
            .filter(|text| !text.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    /// `country:A OR country:B ...`: one clause of plain country terms.
    pub fn any_country(codes: &[String]) -> Self {
        let alternatives = codes
            .iter()
            .map(|code| Term {
                negated: false,
                filter: Filter::Country(code.clone()),
            })
            .collect();
        Self {
            clauses: vec![Clause { alternatives }],
        }
    }

    /// The codes of a query that is only [`Query::any_country`]: one clause of plain countries.
    pub fn countries(&self) -> Option<Vec<String>> {
        let [clause] = self.clauses.as_slice() else {
            return None;
        };
        clause
            .alternatives
            .iter()
            .map(|term| match &term.filter {
                Filter::Country(code) if !term.negated => Some(code.clone()),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Query {
        Query::parse(text).expect("query")
    }

    #[test]
    fn or_is_an_operator_not_a_search_word() {
        // Issue 16: with `niger OR mali` the reader highlighted every "or".
        assert_eq!(parse("niger OR mali").search_terms(), ["niger", "mali"]);
        assert_eq!(
            parse(r#"lang:fr Niamey "mots exacts" -junta source:"A B" niam*"#).search_terms(),
            ["niamey", "mots exacts", "niam"]
        );
    }

    #[test]
    fn chips_are_clauses_unless_or_joins_terms() {
        let chips = |text: &str| -> Vec<String> {
            parse(text)
                .into_chips()
                .iter()
                .map(ToString::to_string)
                .collect()
        };
        assert_eq!(
            chips(r#" country:NE  person:"Vladimir Poutine" lang:fr"#),
            ["country:NE", r#"person:"Vladimir Poutine""#, "lang:fr"]
        );
        assert_eq!(
            chips("country:NE OR country:ML"),
            ["country:NE OR country:ML"]
        );
        assert!(chips("  ").is_empty());
        let query = parse("lang:fr niger");
        assert_eq!(Query::all(&query.clone().into_chips()), query);
    }

    #[test]
    fn country_chips_are_recognised() {
        let codes = |text: &str| parse(text).countries();
        assert_eq!(codes("country:NE"), Some(vec!["NE".into()]));
        assert_eq!(
            codes("country:niger OR country:Allemagne"),
            Some(vec!["NE".into(), "DE".into()])
        );
        assert_eq!(codes("country:NE lang:fr"), None);
        assert_eq!(codes("-country:NE"), None);
        assert_eq!(codes("mentions:NE"), None);
        assert_eq!(codes(""), None);
        let both = Query::any_country(&["NE".into(), "ML".into()]);
        assert_eq!(both.to_string(), "country:NE OR country:ML");
    }
}
