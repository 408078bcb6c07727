//! Words pulled out of filters and analysis for the reader to highlight, and the URL check.
//! Pure string work, shared by `update`'s helpers.

use super::sidebar::EntityCount;

/// The names to highlight in the reader: entities by name, countries by their display name.
pub fn entity_names(entities: &[EntityCount]) -> Vec<String> {
    entities
        .iter()
        .filter_map(|entity| match entity.kind.as_str() {
            "country" => entity.label.as_deref(),
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

/// The free-text words of the filters (not `key:value` terms), lowercased, quotes removed.
pub fn search_terms(filters: &[String]) -> Vec<String> {
    let mut terms = Vec::new();
    for filter in filters {
        for phrase in split_terms(filter) {
            let is_keyed = phrase.split_once(':').is_some_and(|(key, _)| {
                !key.is_empty() && key.chars().all(|c| c.is_ascii_alphabetic())
            });
            if !is_keyed && !phrase.starts_with('-') && !phrase.is_empty() {
                terms.push(phrase.to_lowercase());
            }
        }
    }
    terms
}

/// Splits on spaces outside double quotes, dropping the quotes.
fn split_terms(text: &str) -> Vec<String> {
    let mut terms = vec![String::new()];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => terms.push(String::new()),
            c => terms.last_mut().expect("never empty").push(c),
        }
    }
    terms.retain(|term| !term.is_empty());
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_terms_skip_keyed_and_negated_terms() {
        let filters = vec![
            "lang:fr Niamey \"mots exacts\"".into(),
            "-junta source:\"A B\"".into(),
        ];
        assert_eq!(search_terms(&filters), ["niamey", "mots exacts"]);
    }

    #[test]
    fn only_http_urls_are_web_urls() {
        assert!(is_web_url("https://rfi.fr/a"));
        assert!(is_web_url("HTTP://x.org"));
        assert!(!is_web_url("file:///etc/passwd"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https://x.org/a b"));
    }
}
