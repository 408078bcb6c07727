//! The stored word matches (`temp.word_hits`) follow new articles, whether this connection or
//! another kiosk process wrote them, and a new word replaces the old one.

use super::*;

fn niger(store: &mut Store, title: &str, body: &str) -> ArticleId {
    let id = add(store, &article(title, body, Some("2024-03-01T00:00:00Z")));
    let row = CountryRow {
        code: "NE".to_string(),
        score: 0.9,
        mentions: 1,
        about: true,
    };
    let writer = store.writer().expect("writer");
    writer
        .set_analysis(id, 1, "{}", &[row], &[])
        .expect("analysis");
    writer.commit().expect("commit");
    id
}

fn ids(store: &Store, text: &str) -> Vec<ArticleId> {
    let query = Query::parse(text).expect("query");
    let summaries = store
        .summaries(&query, SortOrder::Date, 0, 100)
        .expect("list");
    let count = store.count(&query).expect("count");
    assert_eq!(count, summaries.len() as u64, "{text}");
    summaries.into_iter().map(|s| s.id).collect()
}

fn niger_count(store: &Store, text: &str) -> u64 {
    let query = Query::parse(text).expect("query");
    let counts = store.country_counts(&query).expect("countries");
    counts
        .iter()
        .find(|c| c.code == "NE")
        .map_or(0, |c| c.articles)
}

#[test]
fn stored_word_matches_follow_new_articles_and_new_words() {
    let (dir, mut store) = temp_store();
    let first = niger(&mut store, "Sécheresse", "La sécheresse frappe Niamey.");
    niger(&mut store, "Élection", "Le scrutin est reporté.");
    assert_eq!(ids(&store, "sécheresse"), [first]);
    assert_eq!(ids(&store, "country:NE sécheresse"), [first]);
    assert_eq!(niger_count(&store, "sécheresse"), 1);

    // Written through this connection: the writer forgets the stored matches.
    let second = niger(&mut store, "Pluies", "Après la sécheresse, les pluies.");
    assert_eq!(ids(&store, "country:NE sécheresse"), [second, first]);
    assert_eq!(niger_count(&store, "sécheresse"), 2);

    // Written by another process: the data version tells.
    let mut other = Store::open(&dir.path().join("kiosk.db")).expect("second connection");
    let third = niger(&mut other, "Récoltes", "La sécheresse ruine les récoltes.");
    assert_eq!(ids(&store, "country:NE sécheresse"), [third, second, first]);
    assert_eq!(niger_count(&store, "sécheresse"), 3);

    // Another word, then back: each time the matches of the word asked for.
    assert_eq!(ids(&store, "scrutin country:NE").len(), 1);
    assert_eq!(ids(&store, "-sécheresse country:NE").len(), 1);
    assert_eq!(ids(&store, "sécheresse").len(), 3);
    assert_eq!(niger_count(&store, "pluies"), 1);
}
