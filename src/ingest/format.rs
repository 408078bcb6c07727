//! Which format a document is in: from its file name first, then from its first bytes; and which
//! files of a folder are worth importing. No parsing here.

use std::path::{Path, PathBuf};

/// File formats kiosk reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    /// RSS, Atom or JSON Feed.
    Feed,
    Opml,
    Html,
    /// newsboat's `urls` subscription list.
    NewsboatUrls,
    /// newsboat's `cache.db` (SQLite).
    NewsboatCache,
}

/// The format a file name promises, if it names one kiosk reads.
pub fn format_of(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    match name.as_str() {
        "urls" => return Some(Format::NewsboatUrls),
        "cache.db" => return Some(Format::NewsboatCache),
        _ => {}
    }
    let extension = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match extension.as_str() {
        "txt" | "text" => Some(Format::Text),
        "json" | "jsonl" | "ndjson" => Some(Format::Json),
        "xml" | "rss" | "atom" | "rdf" | "feed" => Some(Format::Feed),
        "opml" => Some(Format::Opml),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        _ => None,
    }
}

/// Settles the format of decoded `text`: a file name's promise is kept, except that a JSON
/// file holding a JSON Feed is a feed and an `.xml` file holding OPML or HTML is that.
pub fn settle(promised: Option<Format>, text: &str) -> Format {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    match promised {
        Some(Format::Json) if is_json_feed(start) => Format::Feed,
        Some(Format::Feed) if start.starts_with('<') => markup(start),
        Some(format) => format,
        None if start.starts_with('<') => markup(start),
        None if is_json_feed(start) => Format::Feed,
        None if start.starts_with(['{', '[']) => Format::Json,
        None => Format::Text,
    }
}

fn is_json_feed(start: &str) -> bool {
    start.starts_with('{')
        && crate::analyze::prefix(start, 2048)
            .replace(['\\', ' ', '\n', '\r', '\t'], "")
            .contains("jsonfeed.org/version")
}

/// Tells XML feeds, OPML and HTML apart by their root element.
fn markup(start: &str) -> Format {
    let head: String = start
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    let root = head
        .match_indices('<')
        .map(|(at, _)| &head[at + 1..])
        .find(|rest| !rest.starts_with(['?', '!']))
        .unwrap_or("");
    let name: String = root
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, ':' | '-' | '_'))
        .collect();
    match name.as_str() {
        "opml" => Format::Opml,
        "html" | "head" | "body" => Format::Html,
        _ if head.starts_with("<!doctype html") => Format::Html,
        _ => Format::Feed,
    }
}

/// The files under `folder`, sorted, skipping hidden entries and files of no known format.
pub(super) fn walk(folder: &Path, on_error: &mut dyn FnMut(&str, String)) -> Vec<PathBuf> {
    use std::os::unix::fs::MetadataExt;
    let mut files = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    // Symlinks are followed, but each real directory (device, inode) is read once: a link
    // back up the tree would otherwise make the walk endless.
    let mut seen = std::collections::HashSet::new();
    while let Some(dir) = pending.pop() {
        match std::fs::metadata(&dir) {
            Ok(meta) if !seen.insert((meta.dev(), meta.ino())) => continue,
            _ => {}
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) => {
                on_error(
                    &dir.display().to_string(),
                    format!("cannot read folder: {error}"),
                );
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else if format_of(&path).is_some() {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Whether the file at `path` starts like an SQLite database.
pub(super) fn is_sqlite(path: &Path) -> bool {
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut file| std::io::Read::read_exact(&mut file, &mut head))
        .is_ok_and(|()| head == crate::store::SQLITE_MAGIC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_then_content_decide() {
        assert_eq!(format_of(Path::new("a/urls")), Some(Format::NewsboatUrls));
        assert_eq!(format_of(Path::new("x.RSS")), Some(Format::Feed));
        assert_eq!(format_of(Path::new("x.opml")), Some(Format::Opml));
        assert_eq!(format_of(Path::new("x.png")), None);
        let feed = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}";
        assert_eq!(settle(Some(Format::Json), feed), Format::Feed);
        assert_eq!(settle(None, "[{\"title\": \"x\"}]"), Format::Json);
        assert_eq!(settle(None, "<?xml version=\"1.0\"?>\n<rss>"), Format::Feed);
        assert_eq!(
            settle(None, "<!-- c -->\n<opml version=\"2.0\">"),
            Format::Opml
        );
        assert_eq!(
            settle(Some(Format::Feed), "<!DOCTYPE html><p>"),
            Format::Html
        );
        assert_eq!(settle(None, "Title\n\nBody"), Format::Text);
    }

    #[test]
    fn byte_2048_inside_a_character_is_not_a_panic() {
        // Issue 20: the JSON Feed sniff cut the first 2,048 bytes and panicked mid-character.
        for letter in ["ن", "日", "🦀"] {
            for pad in 0..4 {
                let mut text = format!("{{\"title\": \"{}", "a".repeat(2040 + pad));
                while text.len() < 2100 {
                    text.push_str(letter);
                }
                assert_eq!(settle(Some(Format::Json), &text), Format::Json, "{letter}");
                assert_eq!(settle(None, &text), Format::Json, "{letter}");
            }
        }
        assert_eq!(crate::analyze::prefix("aé", 2), "a");
    }
}
