//! How a query's matching articles are reached: which parts the trigger-kept totals of schema
//! migration 5 can answer, and which index drives a scan when they cannot.

use super::Store;
use super::filter::country_codes;
use crate::query::{Filter, Query, Term};

/// What the totals (`article_facets`, `country_facets`) can answer of a query.
pub(super) enum Shape<'q> {
    /// Only language, source and read/starred terms (negated or ORed among themselves too):
    /// exactly the columns the totals are keyed by.
    Facets,
    /// Facet terms and one clause of positive `country:` terms (`country:NE OR country:ML`),
    /// codes sorted and deduplicated.
    Countries { clause: usize, codes: Vec<&'q str> },
    /// Anything else: dates, words, entities, mentions, several country clauses.
    Other,
}

impl<'q> Shape<'q> {
    pub fn of(query: &'q Query) -> Self {
        let mut countries = None;
        for (index, clause) in query.clauses.iter().enumerate() {
            if clause.alternatives.iter().all(is_facet) {
                continue;
            }
            let codes = country_codes(clause);
            match codes {
                Some(codes) if countries.is_none() => countries = Some((index, codes)),
                _ => return Self::Other,
            }
        }
        match countries {
            None => Self::Facets,
            Some((clause, mut codes)) => {
                codes.sort_unstable();
                codes.dedup();
                Self::Countries { clause, codes }
            }
        }
    }
}

fn is_facet(term: &Term) -> bool {
    matches!(
        term.filter,
        Filter::Lang(_) | Filter::Source(_) | Filter::Is(_)
    )
}

/// The matching articles as SQL pieces: `FROM {from} WHERE {condition}`, each row one article
/// whose id is `{id}` and publication date `{published}`.
pub(super) struct Matching {
    pub from: String,
    pub id: &'static str,
    pub published: &'static str,
    pub condition: String,
    pub params: Vec<rusqlite::types::Value>,
}

impl Matching {
    /// Within one country, walk its slice of the country index (a few percent of a large
    /// archive) rather than test every article for membership; otherwise start from `articles`.
    pub fn of(store: &Store, query: &Query) -> Self {
        if let Shape::Countries { clause, codes } = Shape::of(query)
            && let [code] = codes.as_slice()
        {
            let rest = store.sql_without(query, Some(clause));
            let join = if rest.condition == "1" {
                ""
            } else {
                " JOIN articles a ON a.id = d.article_id"
            };
            let mut params = vec![(*code).to_string().into()];
            params.extend(rest.params);
            return Self {
                from: format!("article_countries d{join}"),
                id: "d.article_id",
                published: "d.published",
                condition: format!("d.code = ? AND d.about = 1 AND {}", rest.condition),
                params,
            };
        }
        let sql = store.sql(query);
        Self {
            from: "articles a".to_string(),
            id: "a.id",
            published: "a.published",
            condition: sql.condition,
            params: sql.params,
        }
    }
}
