CREATE TABLE entity_totals (
    entity_id INTEGER PRIMARY KEY,
    articles  INTEGER NOT NULL,
    mentions  INTEGER NOT NULL
);
INSERT INTO entity_totals (entity_id, articles, mentions)
    SELECT entity_id, count(*), sum(count) FROM article_entities GROUP BY entity_id;
CREATE TABLE country_entities (
    code      TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    articles  INTEGER NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (code, entity_id)
) WITHOUT ROWID;
INSERT INTO country_entities (code, entity_id, articles, mentions)
    SELECT c.code, ae.entity_id, count(*), sum(ae.count)
    FROM article_countries c JOIN article_entities ae ON ae.article_id = c.article_id
    WHERE c.about = 1 GROUP BY c.code, ae.entity_id ORDER BY c.code, ae.entity_id;

CREATE TRIGGER entity_totals_added AFTER INSERT ON article_entities BEGIN
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
CREATE TRIGGER entity_totals_removed AFTER DELETE ON article_entities BEGIN
    UPDATE entity_totals SET articles = articles - 1, mentions = mentions - old.count
    WHERE entity_id = old.entity_id;
    UPDATE country_entities SET articles = articles - 1, mentions = mentions - old.count
    WHERE entity_id = old.entity_id AND code IN (
        SELECT code FROM article_countries WHERE article_id = old.article_id AND about = 1);
END;
CREATE TRIGGER entity_totals_changed AFTER UPDATE OF article_id, entity_id, count
ON article_entities BEGIN
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
CREATE TRIGGER country_entities_added AFTER INSERT ON article_countries
WHEN new.about = 1 BEGIN
    INSERT INTO country_entities (code, entity_id, articles, mentions)
        SELECT new.code, ae.entity_id, 1, ae.count FROM article_entities ae
        WHERE ae.article_id = new.article_id
    ON CONFLICT (code, entity_id) DO UPDATE
        SET articles = articles + 1, mentions = mentions + excluded.mentions;
END;
CREATE TRIGGER country_entities_removed AFTER DELETE ON article_countries
WHEN old.about = 1 BEGIN
    UPDATE country_entities SET articles = articles - 1, mentions = mentions - (
        SELECT ae.count FROM article_entities ae
        WHERE ae.article_id = old.article_id AND ae.entity_id = country_entities.entity_id)
    WHERE code = old.code AND entity_id IN (
        SELECT entity_id FROM article_entities WHERE article_id = old.article_id);
END;
CREATE TRIGGER country_entities_changed AFTER UPDATE OF article_id, code, about
ON article_countries BEGIN
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
CREATE TABLE country_pairs (
    code     TEXT NOT NULL,
    other    TEXT NOT NULL,
    about    INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (code, other)
) WITHOUT ROWID;
INSERT INTO country_pairs (code, other, about, mentions)
    SELECT c.code, o.code, sum(o.about), count(*)
    FROM article_countries c JOIN article_countries o ON o.article_id = c.article_id
    WHERE c.about = 1 GROUP BY c.code, o.code ORDER BY c.code, o.code;
CREATE TRIGGER country_pairs_added AFTER INSERT ON article_countries BEGIN
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
CREATE TRIGGER country_pairs_removed AFTER DELETE ON article_countries BEGIN
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
CREATE TRIGGER country_pairs_changed AFTER UPDATE OF article_id, code, about
ON article_countries BEGIN
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
