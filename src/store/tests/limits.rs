//! Queries as long as the parser allows: every read path answers them (issue 21: 999 non-text
//! terms failed with SQLite's "Expression tree is too large").

use super::*;
use crate::query::MAX_TERMS;

/// `terms` repeated up to the parser's limit, joined by `joiner` (" " for AND, " OR " for OR).
fn longest(terms: &str, joiner: &str) -> Query {
    let per_copy: usize = Query::parse(terms)
        .expect("terms parse")
        .clauses
        .iter()
        .map(|clause| clause.alternatives.len())
        .sum();
    let text = vec![terms; MAX_TERMS / per_copy].join(joiner);
    Query::parse(&text).expect("a query at the limit parses")
}

#[test]
fn queries_at_the_term_limit_answer_on_every_read_path() {
    let (_dir, mut store) = temp_store();
    let id = add(
        &mut store,
        &article("Niamey", "la saison sèche", Some("2024-03-01T00:00:00Z")),
    );
    let writer = store.writer().expect("writer");
    let niger = CountryRow {
        code: "NE".to_string(),
        score: 0.8,
        mentions: 2,
        about: true,
    };
    writer
        .set_analysis(id, 1, "{}", &[niger], &[])
        .expect("analysis");
    writer.commit().expect("commit");
    let cases = [
        (longest("lang:fr", " "), 1),
        (longest("-lang:en", " "), 1),
        (longest("country:NE", " OR "), 1),
        (longest("mentions:ML", " OR "), 0),
        (longest("-absent", " "), 1),
        (longest("since:2024-01-01 -person:x", " "), 1),
        (longest("source:other OR is:read", " "), 0),
    ];
    for (query, expected) in &cases {
        let count = store.count(query).expect("count");
        assert_eq!(count, *expected, "{query}");
        let rows = store
            .summaries(query, SortOrder::Date, 0, 10)
            .expect("list");
        assert_eq!(rows.len() as u64, *expected, "{query}");
        assert_eq!(store.facets(query).expect("facets").total, *expected);
        store.country_counts(query).expect("countries");
        store.entity_counts_per_kind(query, 5).expect("entities");
        store.daily_counts(query, "2024-01-01").expect("daily");
    }
}
