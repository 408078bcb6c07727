//! The store's schema as an ordered list of migrations; `PRAGMA user_version` records how many ran.
//! A store made by an older kiosk is upgraded in place when opened; never edit a shipped migration.

use rusqlite::Connection;

/// Each entry upgrades the schema from version `index` to `index + 1`.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: articles (slim rows: list queries scan them) with their texts apart, and the full-text index.
    r"
    CREATE TABLE articles (
        id           INTEGER PRIMARY KEY,
        external_id  TEXT,
        title        TEXT NOT NULL,
        source       TEXT,
        url          TEXT,
        author       TEXT,
        published    TEXT,
        imported_at  TEXT NOT NULL,
        lang         TEXT,
        read         INTEGER NOT NULL DEFAULT 0,
        starred      INTEGER NOT NULL DEFAULT 0,
        content_hash TEXT NOT NULL
    );
    CREATE TABLE article_texts (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        body       TEXT NOT NULL,
        original   TEXT NOT NULL
    );
    CREATE INDEX articles_external_id ON articles(external_id) WHERE external_id IS NOT NULL;
    CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
    CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_published ON articles(published, id);
    CREATE INDEX articles_source ON articles(source COLLATE NOCASE, published);
    CREATE INDEX articles_title ON articles(title COLLATE NOCASE);
    CREATE INDEX articles_lang ON articles(lang, published);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    ",
    // 2: analysis (countries and entities per article), UI state, trailer statistics.
    r"
    ALTER TABLE articles ADD COLUMN analysis_version INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN analysis TEXT;
    ALTER TABLE articles ADD COLUMN countries TEXT NOT NULL DEFAULT '';
    CREATE INDEX articles_unread ON articles(read, published);
    CREATE TABLE article_countries (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        code       TEXT NOT NULL,
        published  TEXT,
        score      REAL NOT NULL,
        mentions   INTEGER NOT NULL,
        about      INTEGER NOT NULL,
        PRIMARY KEY (article_id, code)
    ) WITHOUT ROWID;
    CREATE INDEX article_countries_code ON article_countries(code, about, published, article_id);
    CREATE TABLE entities (
        id      INTEGER PRIMARY KEY,
        kind    TEXT NOT NULL,
        name    TEXT NOT NULL COLLATE NOCASE,
        country TEXT,
        UNIQUE (kind, name)
    );
    CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
    CREATE TABLE article_entities (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id  INTEGER NOT NULL REFERENCES entities(id),
        count      INTEGER NOT NULL,
        PRIMARY KEY (article_id, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);
    CREATE TABLE ui_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE tail_paragraphs (
        source TEXT NOT NULL,
        hash   TEXT NOT NULL,
        count  INTEGER NOT NULL,
        PRIMARY KEY (source, hash)
    ) WITHOUT ROWID;
    ",
    // 3: totals kept by triggers (articles, articles per country), so the list title and the
    // country picker need no scan of a large archive.
    r"
    CREATE TABLE article_total (id INTEGER PRIMARY KEY CHECK (id = 1), articles INTEGER NOT NULL);
    INSERT INTO article_total (id, articles) SELECT 1, count(*) FROM articles;
    CREATE TRIGGER articles_added AFTER INSERT ON articles BEGIN
        UPDATE article_total SET articles = articles + 1;
    END;
    CREATE TRIGGER articles_removed AFTER DELETE ON articles BEGIN
        UPDATE article_total SET articles = articles - 1;
    END;
    CREATE TABLE country_totals (
        code     TEXT PRIMARY KEY,
        about    INTEGER NOT NULL,
        articles INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO country_totals (code, about, articles)
        SELECT code, sum(about), count(*) FROM article_countries GROUP BY code;
    CREATE TRIGGER article_countries_added AFTER INSERT ON article_countries BEGIN
        INSERT INTO country_totals (code, about, articles) VALUES (new.code, new.about, 1)
        ON CONFLICT (code) DO UPDATE SET about = about + new.about, articles = articles + 1;
    END;
    CREATE TRIGGER article_countries_removed AFTER DELETE ON article_countries BEGIN
        UPDATE country_totals SET about = about - old.about, articles = articles - 1
        WHERE code = old.code;
    END;
    ",
    // 4: feed subscriptions, with what conditional requests need.
    r"
    CREATE TABLE feeds (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
        url           TEXT NOT NULL UNIQUE,
        tags          TEXT NOT NULL DEFAULT '',
        title         TEXT,
        etag          TEXT,
        last_modified TEXT,
        fetched_at    TEXT,
        last_error    TEXT,
        added_at      TEXT NOT NULL
    );
    ",
    // 5: article counts per combination of the columns common filters test (language, source,
    // read, starred), overall and per country, kept by triggers: a count or a country picker over
    // such a filter sums a few hundred rows instead of joining a million. Rows hold the articles'
    // own values (NULLs included), so a filter's SQL condition reads them exactly as it reads
    // `articles`. An article's country rows are removed before the article itself, while its
    // values can still be looked up.
    r"
    CREATE TABLE article_facets (
        lang TEXT, source TEXT, read INTEGER NOT NULL, starred INTEGER NOT NULL,
        articles INTEGER NOT NULL
    );
    CREATE INDEX article_facets_key ON article_facets(lang, source, read, starred);
    INSERT INTO article_facets (lang, source, read, starred, articles)
        SELECT lang, source, read, starred, count(*) FROM articles GROUP BY 1, 2, 3, 4;
    CREATE TABLE country_facets (
        code TEXT NOT NULL, lang TEXT, source TEXT, read INTEGER NOT NULL, starred INTEGER NOT NULL,
        about INTEGER NOT NULL, mentions INTEGER NOT NULL
    );
    CREATE INDEX country_facets_key ON country_facets(code, lang, source, read, starred);
    INSERT INTO country_facets (code, lang, source, read, starred, about, mentions)
        SELECT c.code, a.lang, a.source, a.read, a.starred, sum(c.about), count(*)
        FROM article_countries c JOIN articles a ON a.id = c.article_id GROUP BY 1, 2, 3, 4, 5;

    CREATE TRIGGER article_facets_added AFTER INSERT ON articles BEGIN
        INSERT INTO article_facets (lang, source, read, starred, articles)
            SELECT new.lang, new.source, new.read, new.starred, 0 WHERE NOT EXISTS (
                SELECT 1 FROM article_facets WHERE lang IS new.lang AND source IS new.source
                AND read = new.read AND starred = new.starred);
        UPDATE article_facets SET articles = articles + 1 WHERE lang IS new.lang
            AND source IS new.source AND read = new.read AND starred = new.starred;
    END;
    CREATE TRIGGER article_facets_removed BEFORE DELETE ON articles BEGIN
        DELETE FROM article_countries WHERE article_id = old.id;
        UPDATE article_facets SET articles = articles - 1 WHERE lang IS old.lang
            AND source IS old.source AND read = old.read AND starred = old.starred;
    END;
    CREATE TRIGGER article_facets_changed AFTER UPDATE OF lang, source, read, starred ON articles
    WHEN old.lang IS NOT new.lang OR old.source IS NOT new.source
        OR old.read IS NOT new.read OR old.starred IS NOT new.starred BEGIN
        UPDATE article_facets SET articles = articles - 1 WHERE lang IS old.lang
            AND source IS old.source AND read = old.read AND starred = old.starred;
        INSERT INTO article_facets (lang, source, read, starred, articles)
            SELECT new.lang, new.source, new.read, new.starred, 0 WHERE NOT EXISTS (
                SELECT 1 FROM article_facets WHERE lang IS new.lang AND source IS new.source
                AND read = new.read AND starred = new.starred);
        UPDATE article_facets SET articles = articles + 1 WHERE lang IS new.lang
            AND source IS new.source AND read = new.read AND starred = new.starred;
        UPDATE country_facets SET
            about = about - (SELECT c.about FROM article_countries c
                             WHERE c.article_id = old.id AND c.code = country_facets.code),
            mentions = mentions - 1
        WHERE code IN (SELECT code FROM article_countries WHERE article_id = old.id)
            AND lang IS old.lang AND source IS old.source
            AND read = old.read AND starred = old.starred;
        INSERT INTO country_facets (code, lang, source, read, starred, about, mentions)
            SELECT c.code, new.lang, new.source, new.read, new.starred, 0, 0
            FROM article_countries c WHERE c.article_id = new.id AND NOT EXISTS (
                SELECT 1 FROM country_facets f WHERE f.code = c.code AND f.lang IS new.lang
                AND f.source IS new.source AND f.read = new.read AND f.starred = new.starred);
        UPDATE country_facets SET
            about = about + (SELECT c.about FROM article_countries c
                             WHERE c.article_id = new.id AND c.code = country_facets.code),
            mentions = mentions + 1
        WHERE code IN (SELECT code FROM article_countries WHERE article_id = new.id)
            AND lang IS new.lang AND source IS new.source
            AND read = new.read AND starred = new.starred;
    END;
    CREATE TRIGGER country_facets_added AFTER INSERT ON article_countries BEGIN
        INSERT INTO country_facets (code, lang, source, read, starred, about, mentions)
            SELECT new.code, a.lang, a.source, a.read, a.starred, 0, 0
            FROM articles a WHERE a.id = new.article_id AND NOT EXISTS (
                SELECT 1 FROM country_facets f WHERE f.code = new.code AND f.lang IS a.lang
                AND f.source IS a.source AND f.read = a.read AND f.starred = a.starred);
        UPDATE country_facets SET about = about + new.about, mentions = mentions + 1
        WHERE rowid = (SELECT f.rowid FROM country_facets f JOIN articles a ON a.id = new.article_id
            WHERE f.code = new.code AND f.lang IS a.lang AND f.source IS a.source
            AND f.read = a.read AND f.starred = a.starred);
    END;
    CREATE TRIGGER country_facets_removed AFTER DELETE ON article_countries BEGIN
        UPDATE country_facets SET about = about - old.about, mentions = mentions - 1
        WHERE rowid = (SELECT f.rowid FROM country_facets f JOIN articles a ON a.id = old.article_id
            WHERE f.code = old.code AND f.lang IS a.lang AND f.source IS a.source
            AND f.read = a.read AND f.starred = a.starred);
    END;
    ",
    // 6: the sidebar's totals kept by triggers: articles and mentions per entity over all
    // articles and per (country, entity) over the articles about that country, and per (country,
    // other country) the articles about the first that are about or name the second; the top
    // entities and countries for the whole archive or one country then read one row per entity
    // or country instead of joining every matching article's rows. A pair of rows of one article
    // is counted when the later of the two is written and uncounted when the first goes, so any
    // order of writes keeps the totals exact: `set_analysis` deletes countries, then entities,
    // then inserts countries, then entities; deleting an article removes its countries (a
    // trigger of migration 5) before the cascade removes its entities. Its SQL, long for this
    // list, sits beside this file.
    include_str!("schema/6_sidebar_totals.sql"),
    // 7: a change stamp of `article_countries`, so that a copy of it held in memory (the TUI
    // counts countries from one) knows what to re-read: `changes` counts every row written,
    // changed or removed; `top` is the newest article that ever had rows; `rewrites` counts the
    // changes other than rows for an article newer than `top`. While `rewrites` stays put, a
    // copy only appends the rows of the articles after the `top` it read.
    r"
    CREATE TABLE country_changes (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        changes  INTEGER NOT NULL,
        rewrites INTEGER NOT NULL,
        top      INTEGER NOT NULL
    );
    INSERT INTO country_changes (id, changes, rewrites, top)
        SELECT 1, 0, 0, coalesce(max(article_id), 0) FROM article_countries;
    CREATE TRIGGER country_changes_added AFTER INSERT ON article_countries BEGIN
        UPDATE country_changes SET changes = changes + 1,
            rewrites = rewrites + (new.article_id < top), top = max(top, new.article_id);
    END;
    CREATE TRIGGER country_changes_changed AFTER UPDATE ON article_countries BEGIN
        UPDATE country_changes SET changes = changes + 1, rewrites = rewrites + 1;
    END;
    CREATE TRIGGER country_changes_removed AFTER DELETE ON article_countries BEGIN
        UPDATE country_changes SET changes = changes + 1, rewrites = rewrites + 1;
    END;
    ",
    // 8: every name an entity is known by, folded (`analyze::names_of`), so that `person:`,
    // `org:`, `place:` and `entity:` find it by any: `canonical` is one per entity however it is
    // spelt, `surname` marks a person's family name, which finds them only while no other
    // person's rows have it. The names need Rust's folding and the gazetteer, so the migration
    // leaves the entities already stored to `entity_alias_backlog` (ids above `next`), which
    // opening the store works off.
    r"
    CREATE TABLE entity_aliases (
        alias     TEXT NOT NULL,
        kind      TEXT NOT NULL,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        canonical TEXT NOT NULL,
        surname   INTEGER NOT NULL,
        PRIMARY KEY (alias, kind, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);
    CREATE TABLE entity_alias_backlog (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        next INTEGER NOT NULL
    );
    INSERT INTO entity_alias_backlog (id, next) SELECT 1, 0 WHERE EXISTS (SELECT 1 FROM entities);
    ",
    // 9: tags and tombstones. An article's own tags (lowercased; its feed's stay on the feed). A deleted article leaves a
    // tombstone: importers and fetches skip an item with its external id (within its source),
    // URL or content hash, and new ids start past the largest deleted one, so none is reused.
    r"
    CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag        TEXT NOT NULL,
        PRIMARY KEY (article_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX article_tags_tag ON article_tags(tag, article_id);
    CREATE TABLE deleted_articles (
        article_id   INTEGER PRIMARY KEY,
        external_id  TEXT,
        source       TEXT,
        url          TEXT,
        content_hash TEXT NOT NULL,
        deleted_at   TEXT NOT NULL
    );
    CREATE INDEX deleted_articles_external_id ON deleted_articles(external_id)
        WHERE external_id IS NOT NULL;
    CREATE INDEX deleted_articles_url ON deleted_articles(url) WHERE url IS NOT NULL;
    CREATE INDEX deleted_articles_content_hash ON deleted_articles(content_hash);
    ",
    // 10: full article text and feeds named by their title. `feeds.full_text`: download each
    // new item's web page and keep its readable text as the body. `feeds.named`: 0 while the
    // URL's host stands in for a name nobody gave, until the first fetch names the feed by its
    // title (feeds from before this version keep the names they have).
    r"
    ALTER TABLE feeds ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE feeds ADD COLUMN named INTEGER NOT NULL DEFAULT 1;
    ",
    // 11: the title sort ignores leading quotes and punctuation (« Le », "The", ¿Qué): an index
    // on the title so trimmed, kept by SQLite itself, so the sort stays indexed at 1M articles
    // with no column for writers to fill (the expression is `super::TITLE_KEY`).
    r#"
    CREATE INDEX articles_title_key
        ON articles(ltrim(title, ' «»"''¿¡“”‘’„‚‹›([{-–—…*#.,:;!?') COLLATE NOCASE, id);
    "#,
    // 12: `articles_title` (migration 1's title index) goes: since migration 11 the title sort
    // reads `articles_title_key`, and no query tests the title itself (search reads the
    // full-text index). Every import paid for it: 2.2 MiB and an index update per article at
    // 20,000 articles.
    r"
    DROP INDEX IF EXISTS articles_title;
    ",
    // 13: a bulk batch's totals counted once for the batch. Every trigger keeping a total skips
    // the rows of articles from `deferred_totals.deferred_from` on, which
    // [`super::Writer::defer_totals`] sets to the next article id at the start of an import's
    // batch and [`super::Writer::count_deferred`] puts back (past any id) after adding those
    // articles' rows to the totals with one grouped statement per table, in the same
    // transaction: a crash rolls back both. Outside a batch nothing is skipped, so the TUI's
    // edits, deletes and undos keep their triggers.
    include_str!("schema/13_deferred_totals.sql"),
    // 14: the organisations credited with writing an article (its source's own name, a
    // dateline's agency), outside every total: `entity:` finds their articles, the sidebar does
    // not count them. Filled as articles are analysed (ANALYZER_VERSION 13 marks older
    // analyses stale).
    r"
    CREATE TABLE article_credits (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (entity_id, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_credits_article ON article_credits(article_id);
    ",
];

/// The schema version this kiosk writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// Runs the migrations `conn` has not seen yet, each in its own transaction.
pub(super) fn migrate(conn: &mut Connection) -> rusqlite::Result<MigrationOutcome> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// What opening did to the schema, for messages and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MigrationOutcome {
    Current,
    Upgraded { from: usize, to: usize },
}

/// Runs migrations up to `target` (tests build older stores with this). A newer store is
/// refused before this runs (see `open::check_kind`).
pub(super) fn migrate_to(
    conn: &mut Connection,
    target: usize,
) -> rusqlite::Result<MigrationOutcome> {
    let found: usize = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if found >= target {
        return Ok(MigrationOutcome::Current);
    }
    for (version, sql) in MIGRATIONS.iter().enumerate().take(target).skip(found) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
        // Another process may have migrated while we waited for the lock.
        let now: usize = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        if now > version {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
    Ok(MigrationOutcome::Upgraded {
        from: found,
        to: target,
    })
}
