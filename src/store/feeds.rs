//! Feed subscriptions: what `kiosk feeds` lists and `kiosk fetch` downloads, with the validators
//! (ETag, Last-Modified) conditional requests need. No HTTP here, only rows.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store};

/// One subscribed feed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Subscription {
    pub id: i64,
    /// Unique (case-insensitively); also the `source` of the articles fetched from it.
    pub name: String,
    pub url: String,
    pub tags: Vec<String>,
    /// The feed's own title, as last fetched.
    pub title: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub fetched_at: Option<String>,
    pub last_error: Option<String>,
    /// Each new item's web page is downloaded and its readable text becomes the body.
    pub full_text: bool,
    /// False while the URL's host stands in for a name nobody gave: the first fetch that
    /// brings the feed's title names the feed by it.
    pub named: bool,
}

/// A feed to subscribe to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewSubscription {
    pub url: String,
    /// When absent, the URL's host (made unique with a number) names the feed.
    pub name: Option<String>,
    pub tags: Vec<String>,
    pub title: Option<String>,
    pub full_text: bool,
}

/// What [`Store::add_feed`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddOutcome {
    Added(Subscription),
    /// The URL was already subscribed, under this subscription.
    Exists(Subscription),
}

const COLUMNS: &str =
    "id, name, url, tags, title, etag, last_modified, fetched_at, last_error, full_text, named";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Subscription> {
    let tags: String = row.get(3)?;
    Ok(Subscription {
        id: row.get(0)?,
        name: row.get(1)?,
        url: row.get(2)?,
        tags: tags
            .split('\n')
            .filter(|tag| !tag.is_empty())
            .map(str::to_string)
            .collect(),
        title: row.get(4)?,
        etag: row.get(5)?,
        last_modified: row.get(6)?,
        fetched_at: row.get(7)?,
        last_error: row.get(8)?,
        full_text: row.get(9)?,
        named: row.get(10)?,
    })
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl Store {
    /// Subscribes to `feed` unless its URL is already subscribed; a taken name gets a number.
    /// Subscribing again with `full_text` turns full text on for the existing subscription.
    pub fn add_feed(&self, feed: &NewSubscription) -> Result<AddOutcome> {
        if let Some(existing) = self.feed_by_url(&feed.url)? {
            if feed.full_text && !existing.full_text {
                self.set_full_text(existing.id, true)?;
                return Ok(AddOutcome::Exists(Subscription {
                    full_text: true,
                    ..existing
                }));
            }
            return Ok(AddOutcome::Exists(existing));
        }
        let given = feed.name.clone().filter(|name| !name.trim().is_empty());
        let named = given.is_some();
        let base = given.unwrap_or_else(|| name_from_url(&feed.url));
        let name = self.free_name(base.trim(), None)?;
        self.conn.execute(
            "INSERT INTO feeds (name, url, tags, title, added_at, full_text, named) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                name,
                feed.url,
                feed.tags.join("\n"),
                feed.title,
                now(),
                feed.full_text,
                named
            ],
        )?;
        let added = self
            .feed(&name)?
            .ok_or(super::StoreError::Sql(rusqlite::Error::QueryReturnedNoRows))?;
        Ok(AddOutcome::Added(added))
    }

    /// `base`, or `base 2`, `base 3`… whichever no feed but `except` is called.
    fn free_name(&self, base: &str, except: Option<i64>) -> Result<String> {
        let mut name = base.to_string();
        let mut number = 2;
        while let Some(taken) = self.feed(&name)? {
            if Some(taken.id) == except {
                break;
            }
            name = format!("{base} {number}");
            number += 1;
        }
        Ok(name)
    }

    /// Turns downloading the full text of each new item on or off.
    pub fn set_full_text(&self, id: i64, on: bool) -> Result<()> {
        self.conn.execute(
            "UPDATE feeds SET full_text = ?2 WHERE id = ?1",
            params![id, on],
        )?;
        Ok(())
    }

    /// Names feed `id` by its `title` when nobody named it, moving its articles (and their
    /// trailer statistics) to the new source name so one feed stays one source. Returns the new
    /// name, or `None` when the feed keeps its name.
    pub fn name_by_title(&mut self, id: i64, title: &str) -> Result<Option<String>> {
        let title = crate::untrusted::clean_line(title).trim().to_string();
        let feed = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM feeds WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?;
        let Some(feed) = feed.filter(|feed| !feed.named && !title.is_empty()) else {
            return Ok(None);
        };
        let name = self.free_name(&title, Some(id))?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE feeds SET name = ?2, named = 1 WHERE id = ?1",
            params![id, name],
        )?;
        if name != feed.name {
            tx.execute(
                "UPDATE articles SET source = ?2 WHERE source = ?1",
                params![feed.name, name],
            )?;
            tx.execute(
                "UPDATE OR REPLACE tail_paragraphs SET source = ?2 WHERE source = ?1",
                params![feed.name, name],
            )?;
        }
        tx.commit()?;
        Ok((name != feed.name).then_some(name))
    }

    /// The newest article's id (0 in an empty store): what a fetch adds comes after it.
    pub fn last_article_id(&self) -> Result<crate::article::ArticleId> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM articles", [], |row| {
                row.get(0)
            })?)
    }

    /// The articles of `source` stored after article `after`, with their links, oldest first.
    pub fn articles_after(
        &self,
        after: crate::article::ArticleId,
        source: &str,
    ) -> Result<Vec<(crate::article::ArticleId, Option<String>)>> {
        let mut statement = self
            .conn
            .prepare("SELECT id, url FROM articles WHERE id > ?1 AND source = ?2 ORDER BY id")?;
        let rows =
            statement.query_map(params![after, source], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every subscription, by name.
    pub fn feeds(&self) -> Result<Vec<Subscription>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM feeds ORDER BY name COLLATE NOCASE"
        ))?;
        let rows = statement.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The subscription called `name` (case-insensitively), or whose URL is `name`.
    pub fn feed(&self, name: &str) -> Result<Option<Subscription>> {
        let found = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM feeds WHERE name = ?1"),
                [name],
                from_row,
            )
            .optional()?;
        match found {
            Some(found) => Ok(Some(found)),
            None => self.feed_by_url(name),
        }
    }

    fn feed_by_url(&self, url: &str) -> Result<Option<Subscription>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM feeds WHERE url = ?1"),
                [url],
                from_row,
            )
            .optional()?)
    }

    /// Unsubscribes from the feed called `name` (or with that URL); its articles stay.
    pub fn remove_feed(&self, name: &str) -> Result<bool> {
        let Some(feed) = self.feed(name)? else {
            return Ok(false);
        };
        self.conn
            .execute("DELETE FROM feeds WHERE id = ?1", [feed.id])?;
        Ok(true)
    }

    /// Records a successful fetch: the new validators (kept when the server sent none) and title.
    pub fn record_fetch(
        &self,
        id: i64,
        etag: Option<&str>,
        last_modified: Option<&str>,
        title: Option<&str>,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE feeds SET etag = coalesce(?2, etag), last_modified = coalesce(?3, last_modified), \
             title = coalesce(?4, title), fetched_at = ?5, last_error = NULL WHERE id = ?1",
            params![id, etag, last_modified, title, now()],
        )?;
        Ok(())
    }

    /// Points a subscription at the feed a web page named (autodiscovery).
    pub fn set_feed_url(&self, id: i64, url: &str) -> Result<()> {
        self.conn
            .execute("UPDATE feeds SET url = ?2 WHERE id = ?1", params![id, url])?;
        Ok(())
    }

    /// Records a failed fetch, for `feeds list`.
    pub fn record_fetch_error(&self, id: i64, error: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE feeds SET last_error = ?2, fetched_at = ?3 WHERE id = ?1",
            params![id, error, now()],
        )?;
        Ok(())
    }
}

/// A default name for a feed: its URL's host without `www.`, else the URL itself.
pub fn name_from_url(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|url| url.host_str().map(str::to_string))
        .map_or_else(
            || url.to_string(),
            |host| host.trim_start_matches("www.").to_string(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("kiosk.db")).expect("open");
        (dir, store)
    }

    fn new(url: &str, name: Option<&str>) -> NewSubscription {
        NewSubscription {
            url: url.to_string(),
            name: name.map(str::to_string),
            tags: vec!["news".to_string(), "fr".to_string()],
            title: None,
            full_text: false,
        }
    }

    #[test]
    fn feeds_round_trip_with_unique_names() {
        let (_dir, store) = store();
        let first = store.add_feed(&new("https://www.rfi.fr/fr/rss", None));
        assert!(matches!(first, Ok(AddOutcome::Added(ref feed)) if feed.name == "rfi.fr"));
        let second = store.add_feed(&new("https://rfi.fr/en/rss", None));
        assert!(matches!(second, Ok(AddOutcome::Added(ref feed)) if feed.name == "rfi.fr 2"));
        let again = store.add_feed(&new("https://rfi.fr/en/rss", Some("x")));
        assert!(matches!(again, Ok(AddOutcome::Exists(ref feed)) if feed.name == "rfi.fr 2"));
        let feeds = store.feeds().expect("list");
        assert_eq!(feeds.len(), 2);
        assert_eq!(feeds[0].tags, ["news", "fr"]);
        assert!(store.remove_feed("RFI.FR").expect("remove"));
        assert!(!store.remove_feed("rfi.fr").expect("remove"));
        assert_eq!(store.feeds().expect("list").len(), 1);
    }

    #[test]
    fn validators_are_kept_until_replaced() {
        let (_dir, store) = store();
        let Ok(AddOutcome::Added(feed)) = store.add_feed(&new("http://a.test/f", Some("A"))) else {
            panic!("not added");
        };
        store
            .record_fetch(feed.id, Some("\"v1\""), None, Some("A feed"))
            .expect("record");
        store
            .record_fetch(feed.id, None, None, None)
            .expect("record");
        let feed = store.feed("a").expect("load").expect("found");
        assert_eq!(feed.etag.as_deref(), Some("\"v1\""));
        assert_eq!(feed.title.as_deref(), Some("A feed"));
        store.record_fetch_error(feed.id, "404").expect("record");
        let feed = store.feed("A").expect("load").expect("found");
        assert_eq!(feed.last_error.as_deref(), Some("404"));
    }
}
