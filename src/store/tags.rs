//! Tags: an article's own (`t`, `kiosk tag`) in `article_tags`, and its feed's (from OPML or
//! newsboat's `urls`, on the subscription whose name is the article's source), which count as
//! its tags without being copied. Names are kept lowercased, so `News` and `news` are one tag.

use std::collections::HashMap;

use rusqlite::params;

use super::{Result, Store};
use crate::article::ArticleId;
use crate::query::Query;

/// The feeds' tags one per row (`feed`, `tag`), split from the newline-joined `feeds.tags`.
const FEED_TAGS: &str = "feed_split(feed, tag, rest) AS (\
     SELECT name, '', tags || char(10) FROM feeds WHERE tags <> '' \
     UNION ALL SELECT feed, substr(rest, 1, instr(rest, char(10)) - 1), \
     substr(rest, instr(rest, char(10)) + 1) FROM feed_split WHERE rest <> ''), \
     feed_tags(feed, tag) AS (SELECT feed, lower(tag) FROM feed_split WHERE tag <> '')";

/// A tag name as stored: trimmed and lowercased; `None` when empty or holding a control
/// character (a newline would split it in two).
pub fn normalize_tag(name: &str) -> Option<String> {
    let name = name.trim();
    (!name.is_empty() && !name.contains(char::is_control)).then(|| name.to_lowercase())
}

/// Every article's own tags and every feed's, read once, for commands that print many articles.
#[derive(Debug, Default)]
pub struct TagIndex {
    own: HashMap<ArticleId, Vec<String>>,
    /// By lowercased feed name.
    feeds: HashMap<String, Vec<String>>,
}

impl TagIndex {
    /// The tags of article `id` from `source`: its own, then its feed's, sorted, each once.
    pub fn tags(&self, id: ArticleId, source: Option<&str>) -> Vec<String> {
        let mut tags: Vec<String> = self.own.get(&id).cloned().unwrap_or_default();
        if let Some(feed) = source.and_then(|source| self.feeds.get(&source.to_lowercase())) {
            tags.extend(feed.iter().cloned());
        }
        tags.sort();
        tags.dedup();
        tags
    }
}

impl Store {
    /// Adds tag `name` (normalized) to each of `ids`; returns the ids that did not have it.
    pub fn add_tag(&mut self, ids: &[ArticleId], name: &str) -> Result<Vec<ArticleId>> {
        self.change_tag(
            ids,
            name,
            "INSERT OR IGNORE INTO article_tags (article_id, tag) \
             SELECT id, ?2 FROM articles WHERE id = ?1",
        )
    }

    /// Removes tag `name` (normalized) from each of `ids`; returns the ids that had it. A tag
    /// of an article's feed stays: it belongs to the feed.
    pub fn remove_tag(&mut self, ids: &[ArticleId], name: &str) -> Result<Vec<ArticleId>> {
        self.change_tag(
            ids,
            name,
            "DELETE FROM article_tags WHERE article_id = ?1 AND tag = ?2",
        )
    }

    fn change_tag(&mut self, ids: &[ArticleId], name: &str, sql: &str) -> Result<Vec<ArticleId>> {
        let Some(tag) = normalize_tag(name) else {
            return Ok(Vec::new());
        };
        let writer = self.writer()?;
        let mut changed = Vec::new();
        {
            let mut statement = writer.tx.prepare(sql)?;
            for &id in ids {
                if statement.execute(params![id, tag])? > 0 {
                    changed.push(id);
                }
            }
        }
        writer.commit()?;
        Ok(changed)
    }

    /// Article `id`'s own tags, sorted.
    pub fn own_tags(&self, id: ArticleId) -> Result<Vec<String>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT tag FROM article_tags WHERE article_id = ?1 ORDER BY tag")?;
        let rows = statement.query_map([id], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The tags article `id` has from its feed, sorted.
    pub fn feed_tags(&self, id: ArticleId) -> Result<Vec<String>> {
        let mut statement = self.conn.prepare_cached(&format!(
            "WITH RECURSIVE {FEED_TAGS} SELECT DISTINCT ft.tag FROM feed_tags ft \
             JOIN articles a ON a.source = ft.feed COLLATE NOCASE WHERE a.id = ?1 ORDER BY 1"
        ))?;
        let rows = statement.query_map([id], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Article `id`'s tags, its own and its feed's, sorted, each once.
    pub fn tags_of(&self, id: ArticleId) -> Result<Vec<String>> {
        let mut tags = self.own_tags(id)?;
        tags.extend(self.feed_tags(id)?);
        tags.sort();
        tags.dedup();
        Ok(tags)
    }

    /// Every article's own tags and every feed's (see [`TagIndex`]).
    pub fn tag_index(&self) -> Result<TagIndex> {
        let mut index = TagIndex::default();
        let mut statement = self
            .conn
            .prepare("SELECT article_id, tag FROM article_tags ORDER BY article_id, tag")?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        for row in rows {
            let (id, tag): (ArticleId, String) = row?;
            index.own.entry(id).or_default().push(tag);
        }
        for feed in self.feeds()? {
            let tags = feed.tags.iter().filter_map(|t| normalize_tag(t)).collect();
            index.feeds.insert(feed.name.to_lowercase(), tags);
        }
        Ok(index)
    }

    /// Tags over the articles matching `query`, with how many carry each (own or from their
    /// feed, counted once), most first.
    pub fn tag_counts(&self, query: &Query) -> Result<Vec<(String, u64)>> {
        let filter = self.sql(query);
        let condition = &filter.condition;
        let sql = format!(
            "WITH RECURSIVE {FEED_TAGS}, pairs AS (\
             SELECT t.tag AS tag, a.id AS id FROM article_tags t \
             JOIN articles a ON a.id = t.article_id WHERE {condition} \
             UNION SELECT ft.tag, a.id FROM feed_tags ft \
             JOIN articles a ON a.source = ft.feed COLLATE NOCASE WHERE {condition}) \
             SELECT tag, count(*) FROM pairs GROUP BY tag ORDER BY 2 DESC, 1"
        );
        let params = filter.params.iter().chain(&filter.params);
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(params), |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The SQL condition of `tag:NAME` over `articles a`, `?` bound to the normalized name twice.
pub(super) const TAG_CONDITION: &str = "(a.id IN (SELECT article_id FROM article_tags WHERE tag = ?) \
     OR a.source COLLATE NOCASE IN (SELECT name FROM feeds \
     WHERE instr(char(10) || lower(tags) || char(10), char(10) || ? || char(10)) > 0))";
