//! The title sort ignores leading quotes and punctuation, both ways round, through its index.

use super::*;

fn titles_sorted(store: &Store, direction: Direction) -> Vec<String> {
    let sort = Sort {
        order: SortOrder::Title,
        direction,
    };
    store
        .summaries(&Query::default(), sort, 0, 100)
        .expect("rows")
        .into_iter()
        .map(|row| row.title)
        .collect()
}

#[test]
fn title_sort_ignores_leading_quotes_in_both_directions() {
    let (_dir, mut store) = temp_store();
    for title in [
        "« Zinder » attend",
        "\"Agadez\" sous tension",
        "¿Bamako?",
        "'Niamey' vote",
        "Maradi",
    ] {
        add(&mut store, &article(title, "Texte.", Some("2024-03-01")));
    }
    let forward = titles_sorted(&store, Direction::Forward);
    assert_eq!(
        forward,
        [
            "\"Agadez\" sous tension",
            "¿Bamako?",
            "Maradi",
            "'Niamey' vote",
            "« Zinder » attend"
        ]
    );
    let mut backward = titles_sorted(&store, Direction::Reverse);
    backward.reverse();
    assert_eq!(backward, forward);
    let plan: Vec<String> = {
        let sql = format!(
            "EXPLAIN QUERY PLAN SELECT a.id FROM articles a ORDER BY {} LIMIT 20",
            Sort {
                order: SortOrder::Title,
                direction: Direction::Reverse
            }
            .order_by()
        );
        let mut statement = store.conn.prepare(&sql).expect("plan");
        let rows = statement.query_map([], |row| row.get(3)).expect("rows");
        rows.collect::<Result<_, _>>().expect("plan rows")
    };
    assert!(
        plan.iter().any(|step| step.contains("articles_title_key"))
            && !plan.iter().any(|step| step.contains("TEMP B-TREE")),
        "{plan:?}"
    );
}
