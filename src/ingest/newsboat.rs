//! Moving in from newsboat: its `urls` file (subscriptions and tags) and its `cache.db` (articles
//! with read and flagged states), the latter opened read-only so newsboat's data is never touched.

use std::path::Path;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, Row as SqlRow};

use super::json::Item;
use super::{Draft, date, feed, item_key};
use crate::store::NewSubscription;
use crate::untrusted::clean_line;

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
    // SQLite's message can quote the damaged file's own schema text: one clean line of it.
    let not_newsboat = |error: rusqlite::Error| {
        format!(
            "not a newsboat cache.db: {}",
            clean_line(&error.to_string())
        )
    };
    let mut statement = conn
        .prepare("SELECT rssurl, title FROM rss_feed ORDER BY rssurl")
        .map_err(not_newsboat)?;
    let feeds = statement
        .query_map([], |row| {
            let title = text_cell(row, 1)?;
            Ok(NewSubscription {
                url: text_cell(row, 0)?.unwrap_or_default(),
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
             FROM rss_item i LEFT JOIN (SELECT rssurl, max(title) AS title FROM rss_feed \
             GROUP BY rssurl) f ON f.rssurl = i.feedurl \
             WHERE coalesce(i.deleted, 0) = 0 ORDER BY i.id",
        )
        .map_err(not_newsboat)?;
    let rows = statement
        .query_map([], |row| {
            Ok(Row {
                id: integer_cell(row, 0)?.unwrap_or_default(),
                guid: text_cell(row, 1)?,
                title: text_cell(row, 2)?,
                author: text_cell(row, 3)?,
                url: text_cell(row, 4)?,
                published: integer_cell(row, 5)?,
                content: text_cell(row, 6)?,
                unread: integer_cell(row, 7)?,
                flags: text_cell(row, 8)?,
                enclosure: text_cell(row, 9)?,
                source: text_cell(row, 10)?,
                feed_url: text_cell(row, 11)?.unwrap_or_default(),
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

/// A text column as newsboat meant it, whatever SQLite holds there: its columns are untyped, and
/// a blob or a number in one cell (older newsboats, other tools, damage) must cost that cell, not
/// the whole cache. Invalid UTF-8 is replaced.
fn text_cell(row: &SqlRow<'_>, column: usize) -> rusqlite::Result<Option<String>> {
    Ok(match row.get_ref(column)? {
        ValueRef::Null => None,
        ValueRef::Integer(number) => Some(number.to_string()),
        ValueRef::Real(number) => Some(number.to_string()),
        ValueRef::Text(bytes) | ValueRef::Blob(bytes) => {
            Some(String::from_utf8_lossy(bytes).into_owned())
        }
    })
}

/// An integer column, read as [`text_cell`] reads text: a number in text is taken, anything else
/// that is not a number is no value.
fn integer_cell(row: &SqlRow<'_>, column: usize) -> rusqlite::Result<Option<i64>> {
    Ok(match row.get_ref(column)? {
        ValueRef::Integer(number) => Some(number),
        #[allow(clippy::cast_possible_truncation)] // a date or flag beyond i64 is damage anyway
        ValueRef::Real(number) if number.is_finite() => Some(number as i64),
        ValueRef::Text(bytes) => std::str::from_utf8(bytes)
            .ok()
            .and_then(|text| text.trim().parse().ok()),
        _ => None,
    })
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
        let url = self.url.filter(|u| !u.is_empty());
        let published = (self.published)
            .filter(|&seconds| seconds > 0)
            .and_then(date::from_unix_seconds);
        let external_id = item_key::newsboat(
            self.guid.as_deref(),
            url.as_deref(),
            &title,
            published.as_deref(),
        );
        Ok(Draft {
            original: format!("{title}\n\n{html}"),
            title,
            paragraphs,
            external_id,
            source: self.source,
            url,
            author: self.author.filter(|a| !a.trim().is_empty()),
            published,
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
        let (_dir, path) = cache_with("CREATE TABLE x (y);");
        let error = read_cache(&path).expect_err("not newsboat");
        assert!(error.starts_with("not a newsboat cache.db"), "{error}");
    }

    /// A file `cache.db` in a new temporary folder (kept while the guard lives), made by `sql`.
    fn cache_with(sql: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("cache.db");
        Connection::open(&path)
            .and_then(|c| c.execute_batch(sql))
            .expect("db");
        (dir, path)
    }

    /// A fuzz run found a damaged schema whose SQLite error quoted a line break of the file.
    #[test]
    fn a_damaged_schema_is_refused_in_one_clean_line() {
        let (_dir, path) = cache_with("CREATE TABLE rss_feed (rssurl, title);
                     PRAGMA writable_schema = ON;
                     UPDATE sqlite_master SET sql = 'CREATE TABLE \n\x1b[31m' WHERE name = 'rss_feed';");
        let error = read_cache(&path).expect_err("damaged");
        assert!(error.starts_with("not a newsboat cache.db"), "{error}");
        assert!(!error.chars().any(char::is_control), "{error:?}");
    }

    /// Fuzz runs found that one blob in a title refused the whole cache, and that a feed URL
    /// listed twice read its items twice.
    #[test]
    fn cells_of_unexpected_types_cost_only_themselves() {
        let (_dir, path) = cache_with(
            "CREATE TABLE rss_feed (rssurl, title);
                     CREATE TABLE rss_item (id, guid, title, author, url, feedurl, pubDate,
                         content, unread, flags, enclosure_url, deleted);
                     INSERT INTO rss_feed VALUES (x'68747470', 7), ('http', 'Wire'), ('http', '');
                     INSERT INTO rss_item VALUES (1, 'g1', x'4d616cff69', NULL, 42, 'http',
                         '1700000000', x'3c703e42616d616b6f3c2f703e', 'no', 3.5, NULL, NULL);
                     INSERT INTO rss_item VALUES ('two', 'g2', 'Niger', 'A', 'http://a.test/2',
                         'http', 1700000000.5, 'Niamey', 0, '', NULL, 0);",
        );
        let (feeds, items) = read_cache(&path).expect("read despite odd cells");
        assert_eq!(feeds.len(), 3);
        assert_eq!(feeds[2].url, "http", "a blob URL read as text");
        assert_eq!(feeds[2].title.as_deref(), Some("7"));
        let drafts: Vec<Draft> = items
            .into_iter()
            .map(|(_, item)| item.expect("draft"))
            .collect();
        assert_eq!(
            drafts.len(),
            2,
            "a feed listed twice still gives each item once"
        );
        assert_eq!(drafts[0].source.as_deref(), Some("Wire"));
        assert_eq!(drafts[0].title, "Mal\u{fffd}i");
        assert_eq!(drafts[0].published.as_deref(), Some("2023-11-14T22:13:20Z"));
        assert!(!drafts[0].read, "unread 'no' is no value, so unread");
        assert!(drafts[0].starred, "flags 3.5 is text '3.5'");
        assert!(drafts[1].read);
        assert_eq!(drafts[1].published.as_deref(), Some("2023-11-14T22:13:20Z"));
    }
}
