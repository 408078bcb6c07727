use super::*;

fn parse(text: &str) -> Query {
    Query::parse(text).unwrap_or_else(|error| panic!("{text:?} should parse: {error}"))
}

fn error(text: &str) -> QueryError {
    Query::parse(text).expect_err(text)
}

fn single(text: &str) -> Term {
    let query = parse(text);
    assert_eq!(query.clauses.len(), 1, "{text}");
    query.clauses[0].alternatives[0].clone()
}

#[test]
fn free_words_phrases_and_keys() {
    let query = parse(r#"niamey "mots exacts" lang:FR source:"Radio France" is:unread"#);
    let filters: Vec<Filter> = query
        .clauses
        .iter()
        .map(|clause| clause.alternatives[0].filter.clone())
        .collect();
    assert_eq!(
        filters,
        vec![
            Filter::Word("niamey".into()),
            Filter::Phrase("mots exacts".into()),
            Filter::Lang("fr".into()),
            Filter::Source("Radio France".into()),
            Filter::Is(Flag::Unread),
        ]
    );
}

#[test]
fn dates_absolute_and_relative() {
    let date = NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid date");
    assert_eq!(
        single("since:2024-01-01").filter,
        Filter::Since(DateBound::Date(date))
    );
    assert_eq!(
        single("until:2w").filter,
        Filter::Until(DateBound::DaysAgo(14))
    );
    let today = NaiveDate::from_ymd_opt(2024, 3, 10).expect("valid date");
    assert_eq!(
        DateBound::DaysAgo(7).resolve(today).to_string(),
        "2024-03-03"
    );
}

#[test]
fn negation_and_or() {
    let query = parse("-lang:en country:NE OR country:ml niger");
    assert_eq!(query.clauses.len(), 3);
    assert!(query.clauses[0].alternatives[0].negated);
    let countries: Vec<Filter> = query.clauses[1]
        .alternatives
        .iter()
        .map(|term| term.filter.clone())
        .collect();
    assert_eq!(
        countries,
        vec![Filter::Country("NE".into()), Filter::Country("ML".into())]
    );
    assert!(single(r#"-"phrase here""#).negated);
}

#[test]
fn a_lone_dash_and_inner_colons_are_words() {
    assert_eq!(single("d'ivoire").filter, Filter::Word("d'ivoire".into()));
    assert_eq!(parse("a - b").clauses.len(), 3);
}

#[test]
fn errors_point_at_the_column() {
    let unknown = error("niger colour:red");
    assert_eq!(unknown.column, 7);
    assert!(
        unknown.message.contains("unknown key 'colour:'"),
        "{unknown}"
    );
    assert_eq!(error("since:yesterday").column, 7);
    assert_eq!(error(r#"lang:fr "open"#).column, 9);
    assert_eq!(
        error("is:shiny").to_string(),
        "column 4: unknown flag 'is:shiny' (expected unread, read or starred)"
    );
    assert_eq!(error("OR niger").column, 1);
    assert_eq!(error("niger OR").column, 7);
    assert_eq!(error("lang:").column, 6);
    assert_eq!(
        error("country:atlantis").message,
        "unknown country 'atlantis'"
    );
}

#[test]
fn display_round_trips() {
    for text in [
        r#"niamey "mots exacts" lang:fr source:"Radio France" is:starred"#,
        "-country:NE mentions:US OR country:RU since:2024-01-01 until:7d",
        r#"person:"Vladimir Poutine" org:CNSP place:Niamey entity:ECOWAS"#,
    ] {
        assert_eq!(parse(text).to_string(), text);
        assert_eq!(parse(&parse(text).to_string()), parse(text));
    }
}

#[test]
fn empty_query_matches_everything() {
    assert!(parse("").is_empty());
    assert!(parse("   ").is_empty());
}

#[test]
fn countries_by_name_in_any_language() {
    for (name, code) in [
        ("niger", "NE"),
        ("Allemagne", "DE"),
        ("EEUU", "US"),
        ("ne", "NE"),
        ("\"Côte d'Ivoire\"", "CI"),
    ] {
        assert_eq!(
            single(&format!("country:{name}")).filter,
            Filter::Country(code.into()),
            "{name}"
        );
    }
    assert_eq!(
        single("mentions:Russie").filter,
        Filter::Mentions("RU".into())
    );
}

#[test]
fn non_ascii_date_units_are_errors_not_panics() {
    // Issue 21: 'é' and '日' are multi-byte, so a byte split before the last byte panicked.
    for text in ["since:1é", "until:7日", "since:日", "until:é"] {
        assert!(error(text).message.contains("is not a date"), "{text}");
    }
}

#[test]
fn huge_spans_clamp_to_the_calendar_start() {
    // Issue 21: `since:99999999d` overflowed the date subtraction.
    let today = NaiveDate::from_ymd_opt(2024, 3, 10).expect("valid date");
    let bound = single("since:99999999d").filter;
    assert_eq!(bound, Filter::Since(DateBound::DaysAgo(99_999_999)));
    assert_eq!(DateBound::DaysAgo(u32::MAX).resolve(today), NaiveDate::MIN);
}

#[test]
fn a_query_past_the_term_limit_is_an_error_naming_it() {
    // Issue 21: 999 non-text terms reached SQLite's expression depth; the store now nests them
    // as a balanced tree, and past MAX_TERMS the parser refuses with the limit named.
    let at_limit = vec!["lang:fr"; super::MAX_TERMS].join(" ");
    assert_eq!(parse(&at_limit).clauses.len(), super::MAX_TERMS);
    let over = format!("{at_limit} OR lang:en");
    let error = error(&over);
    assert_eq!(
        error.message,
        format!("a query holds at most {} terms", super::MAX_TERMS)
    );
    assert_eq!(error.column, at_limit.chars().count() + 5);
}

mod round_trip;
