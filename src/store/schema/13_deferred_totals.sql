-- Migration 13: totals of a bulk batch counted once per batch (see schema.rs).
CREATE TABLE deferred_totals (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    deferred_from INTEGER NOT NULL
);
INSERT INTO deferred_totals (id, deferred_from) VALUES (1, 9223372036854775807);

DROP TRIGGER articles_added;
CREATE TRIGGER articles_added AFTER INSERT ON articles
WHEN new.id < (SELECT deferred_from FROM deferred_totals) BEGIN
    UPDATE article_total SET articles = articles + 1;
END;

DROP TRIGGER articles_removed;
CREATE TRIGGER articles_removed AFTER DELETE ON articles
WHEN old.id < (SELECT deferred_from FROM deferred_totals) BEGIN
    UPDATE article_total SET articles = articles - 1;
END;

DROP TRIGGER article_countries_added;
CREATE TRIGGER article_countries_added AFTER INSERT ON article_countries
WHEN new.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
    INSERT INTO country_totals (code, about, articles) VALUES (new.code, new.about, 1)
    ON CONFLICT (code) DO UPDATE SET about = about + new.about, articles = articles + 1;
END;

DROP TRIGGER article_countries_removed;
CREATE TRIGGER article_countries_removed AFTER DELETE ON article_countries
WHEN old.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
    UPDATE country_totals SET about = about - old.about, articles = articles - 1
    WHERE code = old.code;
END;

DROP TRIGGER article_facets_added;
CREATE TRIGGER article_facets_added AFTER INSERT ON articles
WHEN new.id < (SELECT deferred_from FROM deferred_totals) BEGIN
    INSERT INTO article_facets (lang, source, read, starred, articles)
        SELECT new.lang, new.source, new.read, new.starred, 0 WHERE NOT EXISTS (
            SELECT 1 FROM article_facets WHERE lang IS new.lang AND source IS new.source
            AND read = new.read AND starred = new.starred);
    UPDATE article_facets SET articles = articles + 1 WHERE lang IS new.lang
        AND source IS new.source AND read = new.read AND starred = new.starred;
END;

DROP TRIGGER article_facets_removed;
CREATE TRIGGER article_facets_removed BEFORE DELETE ON articles
WHEN old.id < (SELECT deferred_from FROM deferred_totals) BEGIN
    DELETE FROM article_countries WHERE article_id = old.id;
    UPDATE article_facets SET articles = articles - 1 WHERE lang IS old.lang
        AND source IS old.source AND read = old.read AND starred = old.starred;
END;

DROP TRIGGER article_facets_changed;
CREATE TRIGGER article_facets_changed AFTER UPDATE OF lang, source, read, starred ON articles
WHEN old.id < (SELECT deferred_from FROM deferred_totals)
AND (old.lang IS NOT new.lang OR old.source IS NOT new.source
    OR old.read IS NOT new.read OR old.starred IS NOT new.starred) BEGIN
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

DROP TRIGGER country_facets_added;
CREATE TRIGGER country_facets_added AFTER INSERT ON article_countries
WHEN new.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
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

DROP TRIGGER country_facets_removed;
CREATE TRIGGER country_facets_removed AFTER DELETE ON article_countries
WHEN old.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
    UPDATE country_facets SET about = about - old.about, mentions = mentions - 1
    WHERE rowid = (SELECT f.rowid FROM country_facets f JOIN articles a ON a.id = old.article_id
        WHERE f.code = old.code AND f.lang IS a.lang AND f.source IS a.source
        AND f.read = a.read AND f.starred = a.starred);
END;

DROP TRIGGER entity_totals_added;
CREATE TRIGGER entity_totals_added AFTER INSERT ON article_entities
WHEN new.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
    INSERT INTO entity_totals (entity_id, articles, mentions)
        VALUES (new.entity_id, 1, new.count)
    ON CONFLICT (entity_id) DO UPDATE
        SET articles = articles + 1, mentions = mentions + excluded.mentions;
    INSERT INTO country_entities (code, entity_id, articles, mentions)
        SELECT c.code, new.entity_id, 1, new.count FROM article_countries c
        WHERE c.article_id = new.article_id AND c.about = 1
    ON CONFLICT (code, entity_id) DO UPDATE
        SET articles = articles + 1, mentions = mentions + excluded.mentions;
END;

DROP TRIGGER entity_totals_removed;
CREATE TRIGGER entity_totals_removed AFTER DELETE ON article_entities
WHEN old.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
    UPDATE entity_totals SET articles = articles - 1, mentions = mentions - old.count
    WHERE entity_id = old.entity_id;
    UPDATE country_entities SET articles = articles - 1, mentions = mentions - old.count
    WHERE entity_id = old.entity_id AND code IN (
        SELECT code FROM article_countries WHERE article_id = old.article_id AND about = 1);
END;

DROP TRIGGER entity_totals_changed;
CREATE TRIGGER entity_totals_changed AFTER UPDATE OF article_id, entity_id, count
ON article_entities
WHEN old.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
    UPDATE entity_totals SET articles = articles - 1, mentions = mentions - old.count
    WHERE entity_id = old.entity_id;
    UPDATE country_entities SET articles = articles - 1, mentions = mentions - old.count
    WHERE entity_id = old.entity_id AND code IN (
        SELECT code FROM article_countries WHERE article_id = old.article_id AND about = 1);
    INSERT INTO entity_totals (entity_id, articles, mentions)
        VALUES (new.entity_id, 1, new.count)
    ON CONFLICT (entity_id) DO UPDATE
        SET articles = articles + 1, mentions = mentions + excluded.mentions;
    INSERT INTO country_entities (code, entity_id, articles, mentions)
        SELECT c.code, new.entity_id, 1, new.count FROM article_countries c
        WHERE c.article_id = new.article_id AND c.about = 1
    ON CONFLICT (code, entity_id) DO UPDATE
        SET articles = articles + 1, mentions = mentions + excluded.mentions;
END;

DROP TRIGGER country_entities_added;
CREATE TRIGGER country_entities_added AFTER INSERT ON article_countries
WHEN new.article_id < (SELECT deferred_from FROM deferred_totals)
    AND (new.about = 1) BEGIN
    INSERT INTO country_entities (code, entity_id, articles, mentions)
        SELECT new.code, ae.entity_id, 1, ae.count FROM article_entities ae
        WHERE ae.article_id = new.article_id
    ON CONFLICT (code, entity_id) DO UPDATE
        SET articles = articles + 1, mentions = mentions + excluded.mentions;
END;

DROP TRIGGER country_entities_removed;
CREATE TRIGGER country_entities_removed AFTER DELETE ON article_countries
WHEN old.article_id < (SELECT deferred_from FROM deferred_totals)
    AND (old.about = 1) BEGIN
    UPDATE country_entities SET articles = articles - 1, mentions = mentions - (
        SELECT ae.count FROM article_entities ae
        WHERE ae.article_id = old.article_id AND ae.entity_id = country_entities.entity_id)
    WHERE code = old.code AND entity_id IN (
        SELECT entity_id FROM article_entities WHERE article_id = old.article_id);
END;

DROP TRIGGER country_entities_changed;
CREATE TRIGGER country_entities_changed AFTER UPDATE OF article_id, code, about
ON article_countries
WHEN old.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
    UPDATE country_entities SET articles = articles - 1, mentions = mentions - (
        SELECT ae.count FROM article_entities ae
        WHERE ae.article_id = old.article_id AND ae.entity_id = country_entities.entity_id)
    WHERE old.about = 1 AND code = old.code AND entity_id IN (
        SELECT entity_id FROM article_entities WHERE article_id = old.article_id);
    INSERT INTO country_entities (code, entity_id, articles, mentions)
        SELECT new.code, ae.entity_id, 1, ae.count FROM article_entities ae
        WHERE new.about = 1 AND ae.article_id = new.article_id
    ON CONFLICT (code, entity_id) DO UPDATE
        SET articles = articles + 1, mentions = mentions + excluded.mentions;
END;

DROP TRIGGER country_pairs_added;
CREATE TRIGGER country_pairs_added AFTER INSERT ON article_countries
WHEN new.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
    INSERT INTO country_pairs (code, other, about, mentions)
        SELECT c.code, new.code, new.about, 1 FROM article_countries c
        WHERE c.article_id = new.article_id AND c.about = 1
    ON CONFLICT (code, other) DO UPDATE
        SET about = about + excluded.about, mentions = mentions + 1;
    INSERT INTO country_pairs (code, other, about, mentions)
        SELECT new.code, c.code, c.about, 1 FROM article_countries c
        WHERE new.about = 1 AND c.article_id = new.article_id AND c.code <> new.code
    ON CONFLICT (code, other) DO UPDATE
        SET about = about + excluded.about, mentions = mentions + 1;
END;

DROP TRIGGER country_pairs_removed;
CREATE TRIGGER country_pairs_removed AFTER DELETE ON article_countries
WHEN old.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
    UPDATE country_pairs SET about = about - old.about, mentions = mentions - 1
    WHERE other = old.code AND code IN (
        SELECT code FROM article_countries WHERE article_id = old.article_id AND about = 1
        UNION ALL SELECT old.code WHERE old.about = 1);
    UPDATE country_pairs SET about = about - (
        SELECT c.about FROM article_countries c
        WHERE c.article_id = old.article_id AND c.code = country_pairs.other),
        mentions = mentions - 1
    WHERE old.about = 1 AND code = old.code AND other IN (
        SELECT code FROM article_countries WHERE article_id = old.article_id);
END;

DROP TRIGGER country_pairs_changed;
CREATE TRIGGER country_pairs_changed AFTER UPDATE OF article_id, code, about
ON article_countries
WHEN old.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
    UPDATE country_pairs SET about = about - old.about, mentions = mentions - 1
    WHERE other = old.code AND code IN (
        SELECT code FROM article_countries WHERE article_id = old.article_id AND about = 1
            AND NOT (article_id = new.article_id AND code = new.code)
        UNION ALL SELECT old.code WHERE old.about = 1);
    UPDATE country_pairs SET about = about - (
        SELECT c.about FROM article_countries c
        WHERE c.article_id = old.article_id AND c.code = country_pairs.other),
        mentions = mentions - 1
    WHERE old.about = 1 AND code = old.code AND other IN (
        SELECT code FROM article_countries WHERE article_id = old.article_id
            AND NOT (article_id = new.article_id AND code = new.code));
    INSERT INTO country_pairs (code, other, about, mentions)
        SELECT c.code, new.code, new.about, 1 FROM article_countries c
        WHERE c.article_id = new.article_id AND c.about = 1
    ON CONFLICT (code, other) DO UPDATE
        SET about = about + excluded.about, mentions = mentions + 1;
    INSERT INTO country_pairs (code, other, about, mentions)
        SELECT new.code, c.code, c.about, 1 FROM article_countries c
        WHERE new.about = 1 AND c.article_id = new.article_id AND c.code <> new.code
    ON CONFLICT (code, other) DO UPDATE
        SET about = about + excluded.about, mentions = mentions + 1;
END;

DROP TRIGGER country_changes_added;
CREATE TRIGGER country_changes_added AFTER INSERT ON article_countries
WHEN new.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
    UPDATE country_changes SET changes = changes + 1,
        rewrites = rewrites + (new.article_id < top), top = max(top, new.article_id);
END;

DROP TRIGGER country_changes_changed;
CREATE TRIGGER country_changes_changed AFTER UPDATE ON article_countries
WHEN old.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
    UPDATE country_changes SET changes = changes + 1, rewrites = rewrites + 1;
END;

DROP TRIGGER country_changes_removed;
CREATE TRIGGER country_changes_removed AFTER DELETE ON article_countries
WHEN old.article_id < (SELECT deferred_from FROM deferred_totals) BEGIN
    UPDATE country_changes SET changes = changes + 1, rewrites = rewrites + 1;
END;
