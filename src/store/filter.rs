//! Translates a parsed [`Query`] into an SQL condition over `articles a` with bound parameters.
//! Values are always bound, never spliced into the SQL text.

use rusqlite::types::Value;

use crate::analyze::EntityKind;
use crate::query::{Clause, EntityKindFilter, Filter, Flag, Query, Term};

/// An SQL boolean expression and the parameters its `?` placeholders take, in order.
pub(super) struct Sql {
    pub condition: String,
    pub params: Vec<Value>,
    /// The full-text expression whose matching ids are in `temp.word_hits`, if any.
    stored_hits: Option<StoredHits>,
}

/// A full-text expression whose matching ids are in the temporary table `word_hits`.
pub(super) struct StoredHits {
    pub expression: String,
    /// Test membership only, never drive the scan from the table: the caller walks a
    /// country's date-ordered slice and the words are common enough that the first page of
    /// matches comes within a few thousand rows (SQLite would rather read every match and sort).
    pub membership_only: bool,
}

/// The FTS5 expression of the plain words and phrases ANDed in `query` (leaving out clause
/// `skip`), which [`Sql`] sends as one MATCH: one index lookup.
pub(super) fn full_text_expression(query: &Query, skip: Option<usize>) -> Option<String> {
    let terms: Vec<String> = query
        .clauses
        .iter()
        .enumerate()
        .filter(|(index, clause)| Some(*index) != skip && is_positive_text(clause))
        .map(|(_, clause)| fts_term(&clause.alternatives[0].filter))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// The FTS5 expressions of a query of words and phrases alone, some negated: the positive
/// terms ANDed and the negated ones ORed, each `None` when there are none; `None` for any
/// other query.
pub(super) fn text_expressions(query: &Query) -> Option<(Option<String>, Option<String>)> {
    let (mut positive, mut negated) = (Vec::new(), Vec::new());
    for clause in &query.clauses {
        let [term] = clause.alternatives.as_slice() else {
            return None;
        };
        if !matches!(term.filter, Filter::Word(_) | Filter::Phrase(_)) {
            return None;
        }
        let terms = if term.negated {
            &mut negated
        } else {
            &mut positive
        };
        terms.push(fts_term(&term.filter));
    }
    let joined = |terms: Vec<String>, with: &str| (!terms.is_empty()).then(|| terms.join(with));
    let expressions = (joined(positive, " AND "), joined(negated, " OR "));
    (expressions != (None, None)).then_some(expressions)
}

impl Sql {
    /// The condition for `query`; `1` when it matches everything.
    #[cfg(test)]
    pub fn build(query: &Query) -> Self {
        Self::build_using(query, None, None)
    }

    /// The condition for `query` leaving out clause `skip` (which the caller enforces itself),
    /// reading the matches of full-text expression `stored_hits` from the temporary table
    /// `word_hits` instead of the FTS index.
    pub fn build_using(
        query: &Query,
        skip: Option<usize>,
        stored_hits: Option<StoredHits>,
    ) -> Self {
        let today = chrono::Utc::now().date_naive();
        let mut sql = Self {
            condition: String::new(),
            params: Vec::new(),
            stored_hits,
        };
        let mut parts = Vec::new();
        if let Some(expression) = full_text_expression(query, skip) {
            parts.push(sql.fts(&expression, false));
        }
        let others = query
            .clauses
            .iter()
            .enumerate()
            .filter(|(index, clause)| Some(*index) != skip && !is_positive_text(clause))
            .map(|(_, clause)| clause);
        for clause in others {
            let alternatives: Vec<String> = clause
                .alternatives
                .iter()
                .map(|term| sql.term(term, today))
                .collect();
            parts.push(balanced(&alternatives, "OR"));
        }
        sql.condition = if parts.is_empty() {
            "1".to_string()
        } else {
            balanced(&parts, "AND")
        };
        sql
    }

    fn bind(&mut self, value: impl Into<Value>) -> &'static str {
        self.params.push(value.into());
        "?"
    }

    fn fts(&mut self, expression: &str, negated: bool) -> String {
        let not = if negated { "NOT " } else { "" };
        if let Some(stored) = self
            .stored_hits
            .as_ref()
            .filter(|s| s.expression == expression)
        {
            // The unary plus makes `a.id` an expression, which SQLite cannot drive a scan from.
            let plus = if stored.membership_only { "+" } else { "" };
            return format!("{plus}a.id {not}IN temp.word_hits");
        }
        let placeholder = self.bind(expression.to_string());
        format!(
            "a.id {not}IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH {placeholder})"
        )
    }

    /// Articles citing an entity known by `name` (any of its names, `analyze::names_of`), or
    /// a person whose surname it is when nobody else in the archive is known by it (a full
    /// name's surname, or a full name's short form such as Joe Biden's "Biden"; a lone "Mody"
    /// or "général Mody" says nothing of who that is): an index range of `entity_aliases` for
    /// the name, then each entity's articles by `article_entities`' index, and the articles it
    /// is credited with writing (`article_credits`).
    fn entity(&mut self, kind: Option<EntityKind>, name: &str) -> String {
        let folded = crate::analyze::fold_name(name);
        let alias = self.bind(folded.clone());
        let kind_name = kind.map(|kind| kind.name().to_string());
        let kind = match &kind_name {
            Some(name) => format!(" AND al.kind = {}", self.bind(name.clone())),
            None => String::new(),
        };
        let surname = self.bind(folded.clone());
        // Placeholders are positional: the credits' half binds its own.
        let credited_alias = self.bind(folded);
        let credited_kind = match kind_name {
            Some(name) => format!(" AND al.kind = {}", self.bind(name)),
            None => String::new(),
        };
        let credited = super::credits::credited_articles(credited_alias, &credited_kind);
        format!(
            "a.id IN (SELECT ae.article_id FROM entity_aliases al \
             CROSS JOIN article_entities ae ON ae.entity_id = al.entity_id \
             WHERE al.alias = {alias}{kind} AND (al.surname = 0 OR \
             (SELECT count(DISTINCT s.canonical) FROM entity_aliases s \
              JOIN entity_totals t ON t.entity_id = s.entity_id \
              WHERE s.alias = {surname} AND s.kind = 'person' AND s.canonical <> s.alias \
              AND t.articles > 0) = 1) \
             UNION ALL {credited})"
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
            Filter::Tag(tag) => {
                self.bind(tag.clone());
                self.bind(tag.clone());
                super::tags::TAG_CONDITION.to_string()
            }
            Filter::Entity(kind, name) => self.entity(kind.map(EntityKindFilter::kind), name),
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
/// match. Returns the clause's index and the codes, sorted and each once: the list unions one
/// SELECT per code, and SQLite refuses more than 500 (there are fewer than 300 country codes,
/// but a query may repeat one thousands of times).
pub(super) fn driving_countries(query: &Query) -> Option<(usize, Vec<&str>)> {
    let (index, mut codes) = query
        .clauses
        .iter()
        .enumerate()
        .find_map(|(index, clause)| country_codes(clause).map(|codes| (index, codes)))?;
    codes.sort_unstable();
    codes.dedup();
    Some((index, codes))
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

/// `parts` joined by `operator`, parenthesised as a balanced tree: SQLite builds `a AND b AND c`
/// as a chain one level deeper per term and refuses a query past 1,000 levels ("Expression tree
/// is too large"), which 999 `lang:` terms reached; halves nest only log2(n) deep.
fn balanced(parts: &[String], operator: &str) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        _ => {
            let (left, right) = parts.split_at(parts.len() / 2);
            format!(
                "({} {operator} {})",
                balanced(left, operator),
                balanced(right, operator)
            )
        }
    }
}

pub(super) fn is_positive_text(clause: &Clause) -> bool {
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
