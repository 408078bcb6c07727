//! Moving in from newsboat: its `urls` file (subscriptions and tags) and its `cache.db` (articles
//! with read and flagged states), the latter opened read-only so newsboat's data is never touched.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::json::Item;
use super::{Draft, date, feed};
use crate::store::NewSubscription;

/// Subscriptions from a newsboat `urls` file, and a warning per line that was not one.
///
/// Each line is `URL tag "tag with spaces" "~Custom title" "!hidden-marker"`; `#` starts a comment.
pub fn parse_urls(text: &str) -> (Vec<NewSubscription>, Vec<(String, String)>) {
    let mut subscriptions = Vec::new();
    let mut warnings = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = split_words(line).into_iter();
        let Some(url) = words.next() else { continue };
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            let why = format!("not an http(s) feed, left out: {url}");
            warnings.push((format!("line {}", index + 1), why));
            continue;
        }
        let mut subscription = NewSubscription {
            url,
            ..NewSubscription::default()
        };
        for word in words {
            if let Some(title) = word.strip_prefix('~') {
                subscription.name = Some(title.to_string());
            } else if word != "!" && !word.starts_with('!') {
                subscription.tags.push(word);
            }
        }
        subscriptions.push(subscription);
    }
    (subscriptions, warnings)
}

/// Splits on spaces, keeping double-quoted words whole (newsboat's own quoting).
fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\\' if quoted => current.extend(chars.next()),
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// The articles of a newsboat `cache.db`, each with the URL of its feed (which names its source
/// in the store: see `Importer::import_newsboat_cache`).
pub type CacheItems = Vec<(String, Item)>;

/// The feeds (URL, title) and articles of a newsboat `cache.db`; deleted articles are left out.
pub fn read_cache(path: &Path) -> Result<(Vec<NewSubscription>, CacheItems), String> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|error| format!("cannot open as a newsboat cache: {error}"))?;
    let not_newsboat = |error: rusqlite::Error| format!("not a newsboat cache.db: {error}");
    let mut statement = conn
        .prepare("SELECT rssurl, title FROM rss_feed ORDER BY rssurl")
        .map_err(not_newsboat)?;
    let feeds = statement
        .query_map([], |row| {
            let title: Option<String> = row.get(1)?;
            Ok(NewSubscription {
                url: row.get(0)?,
                name: title.clone().filter(|t| !t.trim().is_empty()),
                tags: Vec::new(),
                title,
                full_text: false,
            })
        })
        .and_then(Iterator::collect::<rusqlite::Result<Vec<_>>>)
        .map_err(not_newsboat)?;
    let mut statement = conn
        .prepare(
            "SELECT i.id, i.guid, i.title, i.author, i.url, i.pubDate, i.content, i.unread, \
             i.flags, i.enclosure_url, coalesce(nullif(f.title, ''), i.feedurl), i.feedurl \
             FROM rss_item i LEFT JOIN rss_feed f ON f.rssurl = i.feedurl \
             WHERE coalesce(i.deleted, 0) = 0 ORDER BY i.id",
        )
        .map_err(not_newsboat)?;
    let rows = statement
        .query_map([], |row| {
            Ok(Row {
                id: row.get(0)?,
                guid: row.get(1)?,
                title: row.get(2)?,
                author: row.get(3)?,
                url: row.get(4)?,
                published: row.get(5)?,
                content: row.get(6)?,
                unread: row.get(7)?,
                flags: row.get(8)?,
                enclosure: row.get(9)?,
                source: row.get(10)?,
                feed_url: row.get::<_, Option<String>>(11)?.unwrap_or_default(),
            })
        })
        .and_then(Iterator::collect::<rusqlite::Result<Vec<_>>>)
        .map_err(not_newsboat)?;
    let items = rows
        .into_iter()
        .map(|row| (row.feed_url.clone(), row.into_item()))
        .collect();
    Ok((feeds, items))
}

/// One `rss_item` row.
struct Row {
    id: i64,
    guid: Option<String>,
    title: Option<String>,
    author: Option<String>,
    url: Option<String>,
    published: Option<i64>,
    content: Option<String>,
    unread: Option<i64>,
    flags: Option<String>,
    enclosure: Option<String>,
    source: Option<String>,
    feed_url: String,
}

impl Row {
    fn into_item(self) -> Item {
        let position = format!("item {}", self.id);
        let html = self.content.unwrap_or_default();
        let mut paragraphs = feed::html_paragraphs(&html);
        if let Some(enclosure) = self.enclosure.filter(|e| !e.is_empty()) {
            paragraphs.push(format!("Enclosures:\n{enclosure}"));
        }
        let title = self
            .title
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty())
            .or_else(|| paragraphs.first().map(|p| p.chars().take(80).collect()))
            .or_else(|| self.url.clone());
        let Some(title) = title else {
            return Err((position, "no title, content or link".to_string()));
        };
        Ok(Draft {
            original: format!("{title}\n\n{html}"),
            title,
            paragraphs,
            external_id: self.guid.filter(|g| !g.is_empty()),
            source: self.source,
            url: self.url.filter(|u| !u.is_empty()),
            author: self.author.filter(|a| !a.trim().is_empty()),
            published: self
                .published
                .filter(|&seconds| seconds > 0)
                .and_then(date::from_unix_seconds),
            read: self.unread == Some(0),
            starred: self.flags.is_some_and(|flags| !flags.trim().is_empty()),
            position,
            ..Draft::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lines_give_tags_titles_and_warnings() {
        let text = "# mine\nhttps://rfi.fr/rss news \"Afrique de l'Ouest\" \"~RFI Afrique\"\n\n\
                    \"query:Unread:unread = \\\"yes\\\"\"\nexec:~/bin/feed.sh\nhttp://a.test/f !\n";
        let (feeds, warnings) = parse_urls(text);
        assert_eq!(feeds.len(), 2);
        assert_eq!(feeds[0].name.as_deref(), Some("RFI Afrique"));
        assert_eq!(feeds[0].tags, ["news", "Afrique de l'Ouest"]);
        assert!(feeds[1].tags.is_empty());
        assert_eq!(warnings.len(), 2);
        assert_eq!(warnings[0].0, "line 4");
    }

    #[test]
    fn a_file_that_is_not_a_cache_is_one_line_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("cache.db");
        Connection::open(&path)
            .and_then(|c| c.execute_batch("CREATE TABLE x (y);"))
            .expect("db");
        let error = read_cache(&path).expect_err("not newsboat");
        assert!(error.starts_with("not a newsboat cache.db"), "{error}");
    }
}
