//! Generated queries print to text that parses back to the same query, so chips, the prompt and
//! saved views can hold a parsed [`Query`] and show it as text.

use proptest::prelude::*;

use super::*;

/// Free words as the lexer reads them: no whitespace, no leading quote or dash, no `key:`.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zà-ÿ0-9'][a-zA-Zà-ÿ0-9'*\"-]{0,6}".prop_filter("OR is the operator", |w| w != "OR"),
        Just("-".to_string()),
    ]
}

/// Keyed values, spaces and quotes included (a value with spaces is printed quoted).
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-zéü0-9'.:-][A-Za-zéü0-9'.:\"-]{0,8}",
        "[ \t]?[A-Za-zé0-9'.:-]{1,6}( [A-Za-zé0-9'.:-]{1,6}){0,2}[ ]?",
    ]
}

fn code() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["NE", "ML", "FR", "DE", "US", "CI", "RU", "BF"])
        .prop_map(str::to_string)
}

fn bound() -> impl Strategy<Value = DateBound> {
    prop_oneof![
        (1i32..9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| {
            DateBound::Date(NaiveDate::from_ymd_opt(y, m, d).expect("valid day"))
        }),
        any::<u32>().prop_map(DateBound::DaysAgo),
    ]
}

fn filter() -> impl Strategy<Value = Filter> {
    let kind = prop::option::of(prop::sample::select(vec![
        EntityKindFilter::Person,
        EntityKindFilter::Organization,
        EntityKindFilter::Place,
    ]));
    prop_oneof![
        word().prop_map(Filter::Word),
        "[a-zé0-9'-]{1,6}( [a-zé0-9'-]{1,6}){0,2}".prop_map(Filter::Phrase),
        "[a-z]{2,3}([- ][a-z]{2})?".prop_map(Filter::Lang),
        value().prop_map(Filter::Source),
        bound().prop_map(Filter::Since),
        bound().prop_map(Filter::Until),
        prop::sample::select(vec![Flag::Unread, Flag::Read, Flag::Starred]).prop_map(Filter::Is),
        code().prop_map(Filter::Country),
        code().prop_map(Filter::Mentions),
        (kind, value()).prop_map(|(kind, name)| Filter::Entity(kind, name)),
    ]
}

fn term() -> impl Strategy<Value = Term> {
    (any::<bool>(), filter()).prop_map(|(negated, filter)| Term { negated, filter })
}

/// Up to five clauses of up to three alternatives each.
pub(crate) fn query() -> impl Strategy<Value = Query> {
    let clause =
        prop::collection::vec(term(), 1..=3).prop_map(|alternatives| Clause { alternatives });
    prop::collection::vec(clause, 0..=5).prop_map(|clauses| Query { clauses })
}

proptest! {
    #[test]
    fn parse_of_display_is_the_query(query in query()) {
        let text = query.to_string();
        let parsed = Query::parse(&text);
        prop_assert_eq!(parsed.as_ref(), Ok(&query), "printed as {:?}", text);
    }
}
