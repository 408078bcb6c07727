//! The fast paths (trigger-kept totals, index-driven plans) against the general SQL they
//! replace: on a small store mixing languages, sources, flags, NULLs and countries, both give
//! the same answers, through reads, stars, reanalysis, deletion and a schema upgrade.

use rusqlite::Connection;

use super::super::filter::Sql;
use super::*;

/// Filters the fast paths answer (and a few they leave to the general SQL).
pub(super) const QUERIES: &[&str] = &[
    "",
    "lang:fr",
    "-lang:fr",
    "lang:fr OR lang:en",
    "source:wire",
    "-source:Wire",
    "source:Wire OR lang:en",
    "is:unread",
    "is:read",
    "is:starred",
    "-is:starred lang:fr",
    "country:NE",
    "country:NE lang:fr",
    "country:NE is:unread",
    "country:NE -source:wire",
    "country:ML OR country:NE",
    "country:NE OR country:ML OR country:US lang:fr",
    "country:US OR country:NE OR country:ML",
    "country:NE OR country:NE",
    "country:NE country:US",
    "mentions:ML",
    "country:NE since:2024-03-03",
    "country:US -lang:fr",
    "even",
    "even third",
    "country:NE even",
    "country:NE OR country:ML even",
    "country:ML even -lang:fr",
    "even -third",
    "lang:fr even",
];

fn reference_count(store: &Store, query: &Query) -> u64 {
    let filter = Sql::build(query);
    let sql = format!("SELECT count(*) FROM articles a WHERE {}", filter.condition);
    store
        .conn
        .query_row(&sql, rusqlite::params_from_iter(&filter.params), |row| {
            row.get(0)
        })
        .expect("reference count")
}

/// Rows of `sql` as text, to compare with what the store returns.
fn reference_rows(
    store: &Store,
    sql: &str,
    params: &[rusqlite::types::Value],
    columns: usize,
) -> Vec<Vec<String>> {
    let mut statement = store.conn.prepare(sql).expect("prepare");
    let rows = statement
        .query_map(rusqlite::params_from_iter(params), |row| {
            (0..columns)
                .map(|index| {
                    Ok(match row.get::<_, rusqlite::types::Value>(index)? {
                        rusqlite::types::Value::Integer(n) => n.to_string(),
                        rusqlite::types::Value::Text(text) => text,
                        other => format!("{other:?}"),
                    })
                })
                .collect()
        })
        .expect("query");
    rows.collect::<Result<_, _>>().expect("rows")
}

/// Every fast path against the SQL it stands for, for every query in [`QUERIES`].
pub(super) fn assert_fast_paths_agree(store: &Store) {
    for text in QUERIES {
        let query = Query::parse(text).expect("query");
        let filter = Sql::build(&query);
        let total = reference_count(store, &query);
        let ids = reference_rows(
            store,
            &format!(
                "SELECT a.id FROM articles a WHERE {} ORDER BY a.published DESC, a.id DESC",
                filter.condition
            ),
            &filter.params,
            1,
        );
        for (offset, limit) in [(0, 100), (1, 2)] {
            let fast: Vec<Vec<String>> = store
                .summaries(&query, SortOrder::Date, offset, limit)
                .expect("summaries")
                .into_iter()
                .map(|summary| vec![summary.id.to_string()])
                .collect();
            let expected: Vec<Vec<String>> = ids
                .iter()
                .skip(usize::try_from(offset).expect("small"))
                .take(usize::try_from(limit).expect("small"))
                .cloned()
                .collect();
            assert_eq!(fast, expected, "summaries {offset} {limit} {text}");
        }
        assert_eq!(store.count(&query).expect("count"), total, "count {text}");
        assert_countries_agree(store, text);
        let facets = store.facets(&query).expect("facets");
        assert_eq!(facets.total, total, "facets total {text}");
        let unread = reference_count(
            store,
            &query.clone().and(Query::parse("is:unread").expect("q")),
        );
        assert_eq!(facets.unread, unread, "facets unread {text}");
        for (column, found) in [("a.lang", &facets.by_lang), ("a.source", &facets.by_source)] {
            let expected = reference_rows(
                store,
                &format!(
                    "SELECT {column}, count(*) AS n FROM articles a WHERE {} AND {column} IS NOT NULL \
                     GROUP BY {column} ORDER BY n DESC, {column} LIMIT 20",
                    filter.condition
                ),
                &filter.params,
                2,
            );
            let found: Vec<Vec<String>> = found
                .iter()
                .map(|(value, n)| vec![value.clone(), n.to_string()])
                .collect();
            assert_eq!(found, expected, "facets {column} {text}");
        }
        assert_entities_agree(store, text);
        let mut params = vec!["2024-03-02".to_string().into()];
        params.extend(filter.params.iter().cloned());
        let days = reference_rows(
            store,
            &format!(
                "SELECT substr(a.published, 1, 10) AS day, count(*) FROM articles a \
                 WHERE a.published >= ? AND {} GROUP BY day ORDER BY day",
                filter.condition
            ),
            &params,
            2,
        );
        let fast: Vec<Vec<String>> = store
            .daily_counts(&query, "2024-03-02")
            .expect("days")
            .into_iter()
            .map(|(day, n)| vec![day, n.to_string()])
            .collect();
        assert_eq!(fast, days, "days {text}");
    }
}

/// Country counts against the join over the matching articles.
pub(super) fn assert_countries_agree(store: &Store, text: &str) {
    let query = Query::parse(text).expect("query");
    let filter = Sql::build(&query);
    let countries = reference_rows(
        store,
        &format!(
            "SELECT c.code, sum(c.about), count(*) FROM article_countries c \
             WHERE c.article_id IN (SELECT a.id FROM articles a WHERE {}) \
             GROUP BY c.code ORDER BY sum(c.about) DESC, count(*) DESC, c.code",
            filter.condition
        ),
        &filter.params,
        3,
    );
    let fast: Vec<Vec<String>> = store
        .country_counts(&query)
        .expect("countries")
        .into_iter()
        .map(|c| vec![c.code, c.articles.to_string(), c.mentions.to_string()])
        .collect();
    assert_eq!(fast, countries, "country counts {text}");
}

/// Top entities, overall and per kind, against the join over the matching articles.
pub(super) fn assert_entities_agree(store: &Store, text: &str) {
    let query = Query::parse(text).expect("query");
    let filter = Sql::build(&query);
    let counted = format!(
        "SELECT e.kind AS kind, e.name AS name, count(*) AS articles, sum(ae.count) AS mentions, \
         row_number() OVER (PARTITION BY e.kind ORDER BY count(*) DESC, sum(ae.count) DESC, \
         e.name) AS rank FROM article_entities ae JOIN entities e ON e.id = ae.entity_id \
         WHERE ae.article_id IN (SELECT a.id FROM articles a WHERE {}) GROUP BY e.id",
        filter.condition
    );
    let found = |entities: Vec<EntityCount>| -> Vec<Vec<String>> {
        entities
            .into_iter()
            .map(|e| vec![e.name, e.articles.to_string(), e.mentions.to_string()])
            .collect()
    };
    let order = "ORDER BY articles DESC, mentions DESC, name";
    let expected = reference_rows(
        store,
        &format!("SELECT name, articles, mentions FROM ({counted}) {order}"),
        &filter.params,
        3,
    );
    let fast = store.entity_counts(&query, None, 100).expect("entities");
    assert_eq!(found(fast), expected, "entities {text}");
    let expected = reference_rows(
        store,
        &format!("SELECT name, articles, mentions FROM ({counted}) WHERE rank <= 2 {order}"),
        &filter.params,
        3,
    );
    let fast = store.entity_counts_per_kind(&query, 2).expect("per kind");
    assert_eq!(found(fast), expected, "entities per kind {text}");
    let expected = reference_rows(
        store,
        &format!(
            "SELECT name, articles, mentions FROM ({counted}) WHERE kind = 'organization' \
             {order} LIMIT 1"
        ),
        &filter.params,
        3,
    );
    let fast = store
        .entity_counts(&query, Some(crate::analyze::EntityKind::Organization), 1)
        .expect("one kind");
    assert_eq!(found(fast), expected, "organizations {text}");
}

/// Twelve articles crossing languages (one unknown), sources (one differing only in case, one
/// unknown), dates (one undated), flags, countries (about, mentioned, none) and entities (two
/// kinds, one named twice in an analysis).
pub(super) fn fill(store: &mut Store) -> Vec<ArticleId> {
    let mut ids = Vec::new();
    for n in 0..12 {
        let id = add(store, &fill_article(n));
        let writer = store.writer().expect("writer");
        writer
            .set_analysis(id, 1, "{}", &countries(n), &entities(n))
            .expect("analysis");
        writer.commit().expect("commit");
        ids.push(id);
    }
    ids
}

/// Article `n` of [`fill`]: its language, source and date.
pub(super) fn fill_article(n: usize) -> NewArticle {
    let langs = [Some("fr"), Some("en"), None];
    let sources = [Some("Wire"), Some("wire"), Some("Post"), None];
    let published = (n != 7).then(|| format!("2024-03-0{}T00:00:00Z", 1 + n % 5));
    NewArticle {
        lang: langs[n % 3].map(str::to_string),
        source: sources[n % 4].map(str::to_string),
        ..article(&format!("A{n}"), &body(n), published.as_deref())
    }
}

/// Article `n`'s countries: about, mentioned, none.
pub(super) fn countries(n: usize) -> Vec<CountryRow> {
    let countries: [&[(&str, bool)]; 6] = [
        &[("NE", true), ("ML", false)],
        &[("ML", true), ("NE", true)],
        &[("US", true)],
        &[],
        &[("NE", true), ("US", true), ("ML", true)],
        &[("ML", false)],
    ];
    countries[n % 6]
        .iter()
        .map(|(code, about)| CountryRow {
            code: (*code).to_string(),
            score: 0.5,
            mentions: 1,
            about: *about,
        })
        .collect()
}

/// Article `n`'s text: words in half, a third and a sixth of the articles, for the full-text
/// paths.
fn body(n: usize) -> String {
    let even = if n.is_multiple_of(2) { " even" } else { "" };
    let third = if n.is_multiple_of(3) { " third" } else { "" };
    format!("body {n}{even}{third}")
}

/// Article `n`'s entities: a person (twice in every fifth article) and an organisation.
pub(super) fn entities(n: usize) -> Vec<EntityRow> {
    let entity = |kind: &str, name: String, count: usize| EntityRow {
        kind: crate::analyze::EntityKind::from_name(kind).expect("a kind"),
        name,
        country: None,
        count: u32::try_from(count).expect("small"),
    };
    let mut entities = vec![
        entity("person", format!("Person {}", n % 4), 1 + n % 3),
        entity("organization", format!("Org {}", n % 3), 1 + n % 2),
    ];
    if n.is_multiple_of(5) {
        entities.push(entity("person", format!("Person {}", n % 4), 2));
    }
    entities
}

#[test]
fn totals_and_index_plans_match_the_general_sql() {
    let (_dir, mut store) = temp_store();
    let ids = fill(&mut store);
    assert_fast_paths_agree(&store);
    // Flags change the totals' keys: reads, stars and imported states move counts between rows.
    store.set_read(ids[0], true).expect("read");
    store.set_read(ids[4], true).expect("read");
    store.set_starred(ids[4], true).expect("star");
    store.set_read(ids[0], true).expect("read again");
    let writer = store.writer().expect("writer");
    writer.mark(ids[1], true, false).expect("mark");
    writer.mark(ids[1], false, false).expect("mark keeps read");
    // Reanalysis replaces an article's countries; a repeated code keeps its last row.
    let rows = [("US", false), ("NE", true), ("US", true)].map(|(code, about)| CountryRow {
        code: code.to_string(),
        score: 0.5,
        mentions: 1,
        about,
    });
    writer
        .set_analysis(ids[2], 2, "{}", &rows, &[])
        .expect("reanalyse");
    // Reanalysis replaces countries (an about flag dropped, one added) and entities together.
    let rows = [("NE", false), ("US", true)].map(|(code, about)| CountryRow {
        code: code.to_string(),
        score: 0.5,
        mentions: 1,
        about,
    });
    writer
        .set_analysis(ids[4], 2, "{}", &rows, &entities(7))
        .expect("reanalyse");
    writer.commit().expect("commit");
    assert_fast_paths_agree(&store);
    store.set_read(ids[4], false).expect("unread");
    store
        .conn
        .execute("DELETE FROM articles WHERE id = ?1", [ids[1]])
        .expect("delete");
    assert_fast_paths_agree(&store);
}

/// The sidebar totals' triggers on direct edits no kiosk path makes today: about flags turned
/// off and on, a country row moved to another code, an entity's count changed, an entity row
/// moved to another entity.
#[test]
fn entity_totals_follow_direct_updates() {
    let (_dir, mut store) = temp_store();
    let ids = fill(&mut store);
    let edits = [
        "UPDATE article_countries SET about = 0 WHERE article_id = ?1 AND code = 'NE'",
        "UPDATE article_countries SET about = 1 WHERE article_id = ?1 AND code = 'ML'",
        "UPDATE article_countries SET code = 'US' WHERE article_id = ?1 AND code = 'NE'",
        "UPDATE article_countries SET about = 0 WHERE article_id = ?1 AND code = 'ML'",
        "UPDATE article_entities SET count = count + 4 WHERE article_id = ?1",
        "UPDATE article_entities SET entity_id = (SELECT max(id) FROM entities) \
         WHERE article_id = ?1 AND entity_id = (SELECT min(entity_id) FROM article_entities \
         WHERE article_id = ?1)",
    ];
    for edit in edits {
        store.conn.execute(edit, [ids[0]]).expect("edit");
        for text in ["", "country:NE", "country:ML", "country:ML OR country:NE"] {
            assert_entities_agree(&store, text);
            if !text.is_empty() {
                assert_countries_agree(&store, text);
            }
        }
    }
}

#[test]
fn upgrading_an_older_store_fills_the_totals() {
    for version in [4, 5] {
        upgrade_from(version);
    }
}

fn upgrade_from(version: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.db");
    {
        // A store as an older kiosk wrote it, filled through the same writer.
        let mut conn = Connection::open(&path).expect("open");
        conn.execute_batch("PRAGMA foreign_keys = ON;")
            .expect("pragma");
        schema::migrate_to(&mut conn, version).expect("old schema");
        // The writer picks new ids past the tombstones of a later migration and records the
        // names of entities in its alias table: empty stand-ins for them, gone with this
        // connection (the upgrade then fills the aliases from the entities).
        conn.execute_batch(
            "CREATE TEMP TABLE deleted_articles (article_id INTEGER); \
             CREATE TEMP TABLE entity_aliases (alias, kind, entity_id, canonical, surname, \
                 PRIMARY KEY (alias, kind, entity_id));",
        )
        .expect("stand-ins");
        let mut old = Store {
            conn,
            path: path.clone(),
            migration: MigrationOutcome::Current,
            writable: true,
            word_hits: Default::default(),
            countries_in_memory: Default::default(),
            last_page: Default::default(),
        };
        let ids = fill(&mut old);
        old.set_read(ids[0], true).expect("read");
    }
    let store = Store::open(&path).expect("upgrade");
    assert_eq!(
        store.migration(),
        MigrationOutcome::Upgraded {
            from: version,
            to: SCHEMA_VERSION
        }
    );
    assert_fast_paths_agree(&store);
}
