//! Translates a parsed [`Query`] into an SQL condition over `articles a` with bound parameters.
//! Values are always bound, never spliced into the SQL text.

use rusqlite::types::Value;

use crate::query::{Clause, Filter, Flag, Query, Term};

/// An SQL boolean expression and the parameters its `?` placeholders take, in order.
pub(super) struct Sql {
    pub condition: String,
    pub params: Vec<Value>,
}

impl Sql {
    /// The condition for `query`; `1` when it matches everything.
    pub fn build(query: &Query) -> Self {
        Self::build_without(query, None)
    }

    /// The condition for `query` leaving out clause `skip` (which the caller enforces itself).
    pub fn build_without(query: &Query, skip: Option<usize>) -> Self {
        let today = chrono::Utc::now().date_naive();
        let mut sql = Self {
            condition: String::new(),
            params: Vec::new(),
        };
        let mut parts = Vec::new();
        // Plain words and phrases ANDed together go to FTS5 as one MATCH: one index lookup.
        let (full_text, others): (Vec<&Clause>, Vec<&Clause>) = query
            .clauses
            .iter()
            .enumerate()
            .filter(|(index, _)| Some(*index) != skip)
            .map(|(_, clause)| clause)
            .partition(|clause| is_positive_text(clause));
        if !full_text.is_empty() {
            let expression = full_text
                .iter()
                .map(|clause| fts_term(&clause.alternatives[0].filter))
                .collect::<Vec<_>>()
                .join(" AND ");
            parts.push(sql.fts(&expression, false));
        }
        for clause in others {
            let alternatives: Vec<String> = clause
                .alternatives
                .iter()
                .map(|term| sql.term(term, today))
                .collect();
            parts.push(if alternatives.len() == 1 {
                alternatives.into_iter().next().unwrap_or_default()
            } else {
                format!("({})", alternatives.join(" OR "))
            });
        }
        sql.condition = if parts.is_empty() {
            "1".to_string()
        } else {
            parts.join(" AND ")
        };
        sql
    }

    fn bind(&mut self, value: impl Into<Value>) -> &'static str {
        self.params.push(value.into());
        "?"
    }

    fn fts(&mut self, expression: &str, negated: bool) -> String {
        let not = if negated { "NOT " } else { "" };
        let placeholder = self.bind(expression.to_string());
        format!(
            "a.id {not}IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH {placeholder})"
        )
    }

    fn term(&mut self, term: &Term, today: chrono::NaiveDate) -> String {
        let positive = match &term.filter {
            Filter::Word(_) | Filter::Phrase(_) => {
                return self.fts(&fts_term(&term.filter), term.negated);
            }
            Filter::Lang(lang) => format!("a.lang = {}", self.bind(lang.clone())),
            Filter::Source(source) => {
                format!("a.source = {} COLLATE NOCASE", self.bind(source.clone()))
            }
            Filter::Since(bound) => {
                let date = bound.resolve(today).format("%Y-%m-%d").to_string();
                format!("a.published >= {}", self.bind(date))
            }
            Filter::Until(bound) => {
                let next_day = bound.resolve(today) + chrono::Duration::days(1);
                format!(
                    "a.published < {}",
                    self.bind(next_day.format("%Y-%m-%d").to_string())
                )
            }
            Filter::Is(Flag::Unread) => "a.read = 0".to_string(),
            Filter::Is(Flag::Read) => "a.read = 1".to_string(),
            Filter::Is(Flag::Starred) => "a.starred = 1".to_string(),
            Filter::Country(code) => format!(
                "a.id IN (SELECT article_id FROM article_countries WHERE code = {} AND about = 1)",
                self.bind(code.clone())
            ),
            Filter::Mentions(code) => format!(
                "a.id IN (SELECT article_id FROM article_countries WHERE code = {})",
                self.bind(code.clone())
            ),
            Filter::Entity(kind, name) => {
                let name = self.bind(name.clone());
                let kind = match kind {
                    Some(kind) => format!(" AND e.kind = {}", self.bind(kind.as_str().to_string())),
                    None => String::new(),
                };
                format!(
                    "a.id IN (SELECT ae.article_id FROM article_entities ae \
                     JOIN entities e ON e.id = ae.entity_id WHERE e.name = {name}{kind})"
                )
            }
        };
        if term.negated {
            // NULL columns (no language, no date) count as not matching, so negation includes them.
            format!("NOT coalesce({positive}, 0)")
        } else {
            positive
        }
    }
}

/// A clause of positive `country:` terms only (`country:NE`, `country:NE OR country:ML`): a
/// date-ordered list can walk the country index (by code, then date) instead of sorting every
/// match. Returns the clause's index and the codes.
pub(super) fn driving_countries(query: &Query) -> Option<(usize, Vec<&str>)> {
    query
        .clauses
        .iter()
        .enumerate()
        .find_map(|(index, clause)| country_codes(clause).map(|codes| (index, codes)))
}

/// The codes of a clause made only of positive `country:` terms.
pub(super) fn country_codes(clause: &Clause) -> Option<Vec<&str>> {
    clause
        .alternatives
        .iter()
        .map(|term| match term {
            Term {
                negated: false,
                filter: Filter::Country(code),
            } => Some(code.as_str()),
            _ => None,
        })
        .collect()
}

fn is_positive_text(clause: &Clause) -> bool {
    matches!(
        clause.alternatives.as_slice(),
        [Term {
            negated: false,
            filter: Filter::Word(_) | Filter::Phrase(_)
        }]
    )
}

/// A word or phrase as an FTS5 string: quoted, so punctuation (`d'ivoire`) is never syntax;
/// a trailing `*` on a word keeps its meaning as a prefix search.
fn fts_term(filter: &Filter) -> String {
    let (text, prefix) = match filter {
        Filter::Word(word) => match word.strip_suffix('*') {
            Some(stem) if !stem.is_empty() => (stem, true),
            _ => (word.as_str(), false),
        },
        Filter::Phrase(phrase) => (phrase.as_str(), false),
        _ => ("", false),
    };
    let folded = super::fold_for_search(text).replace('"', "\"\"");
    if prefix {
        format!("\"{folded}\"*")
    } else {
        format!("\"{folded}\"")
    }
}
