//! Feed autodiscovery: the `<link rel="alternate" type="application/rss+xml" href>` a web page
//! names. Pure text scanning; the caller fetches what it finds.

/// The feed URLs `html` advertises, resolved against `page_url`, in page order.
pub fn feed_links(html: &str, page_url: &str) -> Vec<String> {
    let base = url::Url::parse(page_url).ok();
    let lower = html.to_ascii_lowercase();
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<link") {
        let start = from + found;
        let end = lower[start..]
            .find('>')
            .map_or(lower.len(), |end| start + end);
        from = end;
        let attributes = attributes(&html[start + 5..end]);
        let get = |name: &str| {
            attributes
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.as_str())
        };
        let is_alternate = get("rel").is_some_and(|rel| {
            rel.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("alternate"))
        });
        let is_feed = get("type").is_some_and(|kind| {
            let kind = kind.to_ascii_lowercase();
            [
                "application/rss+xml",
                "application/atom+xml",
                "application/feed+json",
                "application/json",
            ]
            .iter()
            .any(|feed| kind.starts_with(feed))
        });
        if let (true, true, Some(href)) = (is_alternate, is_feed, get("href")) {
            let href = decode_entities(href);
            let resolved = match &base {
                Some(base) => base.join(&href).map(|url| url.to_string()).ok(),
                None => Some(href),
            };
            links.extend(resolved.filter(|url| !links.contains(url)));
        }
    }
    links
}

/// `name="value"` pairs of one tag, names lowercased; quotes optional.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut rest = tag.trim_start_matches('/');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let Some(eq) = rest.find('=') else { break };
        let name = rest[..eq].trim();
        if let Some((at, space)) = name.char_indices().find(|(_, c)| c.is_whitespace()) {
            // A bare attribute (`async`) before this one. The space may be several bytes
            // (U+00A0, U+3000): skip the whole character. `name` starts where `rest` does.
            rest = &rest[at + space.len_utf8()..];
            continue;
        }
        let after = rest[eq + 1..].trim_start();
        let (value, next) = match after.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let body = &after[1..];
                let close = body.find(quote).unwrap_or(body.len());
                (&body[..close], &body[(close + 1).min(body.len())..])
            }
            _ => {
                let close = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..close], &after[close..])
            }
        };
        pairs.push((name.to_ascii_lowercase(), value.to_string()));
        rest = next;
    }
    pairs
}

fn decode_entities(text: &str) -> String {
    text.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_multi_byte_space_after_a_bare_attribute_is_skipped_whole() {
        // Skipping one byte past U+00A0 or U+3000 cut inside it and panicked.
        for space in ['\u{a0}', '\u{3000}'] {
            let html = format!("<link async{space}rel=alternate type=application/rss+xml href=/f>");
            assert_eq!(feed_links(&html, "http://a.test/"), ["http://a.test/f"]);
        }
    }

    #[test]
    fn finds_alternate_feed_links() {
        let html = r#"<html><head>
            <link rel="stylesheet" href="/s.css">
            <LINK REL="alternate" TYPE="application/rss+xml" title="RSS" HREF="/rss?a=1&amp;b=2">
            <link type='application/atom+xml' rel='alternate' href='https://b.test/atom'/>
            <link rel=alternate type=application/rss+xml href=/rss?a=1&amp;b=2>
            </head></html>"#;
        assert_eq!(
            feed_links(html, "http://a.test/news/"),
            ["http://a.test/rss?a=1&b=2", "https://b.test/atom"]
        );
        assert!(feed_links("<p>no links</p>", "http://a.test/").is_empty());
    }
}
