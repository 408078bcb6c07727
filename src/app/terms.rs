//! Names pulled out of an article's analysis for the reader to highlight, and the URL check
//! (the filters' search words come from [`crate::query::Query::search_terms`]).
//! Pure string work, shared by `update`'s helpers.

use super::sidebar::{EntityCount, RowKind};

/// The names to highlight in the reader: entities by name, countries by their display name.
pub fn entity_names(entities: &[EntityCount]) -> Vec<String> {
    entities
        .iter()
        .filter_map(|entity| match entity.kind {
            RowKind::COUNTRY => entity.label.as_deref(),
            _ => Some(entity.name.as_str()),
        })
        .map(|name| super::text::clean_line(name).to_lowercase())
        .filter(|name| name.chars().count() > 1)
        .collect()
}

/// Whether `url` may be handed to a browser or the clipboard.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_are_web_urls() {
        assert!(is_web_url("https://rfi.fr/a"));
        assert!(is_web_url("HTTP://x.org"));
        assert!(!is_web_url("file:///etc/passwd"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https://x.org/a b"));
    }
}
