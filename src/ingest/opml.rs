//! OPML 1.x/2.0 subscription lists become subscriptions; outlines that group feeds become tags.
//! Pure: text in, subscriptions out. Reading and writing; no store access here.

use quick_xml::events::{BytesStart, Event};

use crate::store::{NewSubscription, Subscription};

/// The subscriptions an OPML document lists, in document order.
pub fn parse(text: &str) -> Result<Vec<NewSubscription>, String> {
    let mut reader = quick_xml::Reader::from_str(text.trim_start_matches('\u{feff}'));
    let mut seen_root = false;
    let mut seen_body = false;
    // One entry per open <outline>: the tag it gives its children, if it is a folder.
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut subscriptions = Vec::new();
    loop {
        let event = reader.read_event().map_err(|error| {
            format!(
                "ill-formed OPML at byte {}: {error}",
                reader.error_position()
            )
        })?;
        match event {
            Event::Start(element) | Event::Empty(element)
                if element.local_name().into_inner() == "opml" =>
            {
                seen_root = true;
            }
            Event::Start(element) if element.local_name().into_inner() == "body" => {
                seen_body = true;
            }
            Event::Empty(element) if element.local_name().into_inner() == "body" => {
                seen_body = true;
            }
            Event::Start(element) if element.local_name().into_inner() == "outline" => {
                let outline = Outline::read(&element)?;
                let folder = outline.subscription(&folders, &mut subscriptions);
                folders.push(folder);
            }
            Event::Empty(element) if element.local_name().into_inner() == "outline" => {
                Outline::read(&element)?.subscription(&folders, &mut subscriptions);
            }
            Event::End(element) if element.local_name().into_inner() == "outline" => {
                folders.pop();
            }
            Event::DocType(doctype) if doctype.contains('[') => {
                return Err("refused: the document declares a DTD internal subset".to_string());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err("not OPML: no <opml> root element".to_string());
    }
    if !seen_body {
        return Err("invalid OPML: no <body> element".to_string());
    }
    Ok(subscriptions)
}

/// The attributes of one `<outline>` that matter.
#[derive(Default)]
struct Outline {
    xml_url: Option<String>,
    title: Option<String>,
    text: Option<String>,
    categories: Vec<String>,
}

impl Outline {
    fn read(element: &BytesStart<'_>) -> Result<Self, String> {
        let mut outline = Self::default();
        for attribute in element.attributes() {
            let attribute =
                attribute.map_err(|error| format!("invalid <outline> attribute: {error}"))?;
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|error| format!("invalid <outline> attribute value: {error}"))?
                .trim()
                .to_string();
            if value.is_empty() {
                continue;
            }
            match attribute.key.local_name().into_inner() {
                "xmlUrl" | "xmlurl" | "url" => outline.xml_url = Some(value),
                "title" => outline.title = Some(value),
                "text" => outline.text = Some(value),
                "category" => outline.categories.extend(
                    value
                        .split([',', '/'])
                        .map(str::trim)
                        .filter(|tag| !tag.is_empty())
                        .map(str::to_string),
                ),
                _ => {}
            }
        }
        Ok(outline)
    }

    /// Adds this outline's subscription, if it has a feed URL; returns its folder name otherwise.
    fn subscription(
        self,
        folders: &[Option<String>],
        subscriptions: &mut Vec<NewSubscription>,
    ) -> Option<String> {
        let name = self.title.or(self.text);
        let Some(url) = self.xml_url.filter(|url| is_feed_url(url)) else {
            return name;
        };
        let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
        for tag in self.categories {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        subscriptions.push(NewSubscription {
            url,
            name: name.clone(),
            tags,
            title: name,
            full_text: false,
        });
        None
    }
}

fn is_feed_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// An OPML 2.0 document listing `feeds`, tags as nested folders flattened to `category`.
pub fn export(feeds: &[Subscription]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    \
         <title>kiosk subscriptions</title>\n  </head>\n  <body>\n",
    );
    for feed in feeds {
        let title = feed.title.as_deref().unwrap_or(&feed.name);
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{}\" title=\"{}\" xmlUrl=\"{}\"",
            escape(&feed.name),
            escape(title),
            escape(&feed.url)
        ));
        if !feed.tags.is_empty() {
            out.push_str(&format!(" category=\"{}\"", escape(&feed.tags.join(","))));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_outlines_become_tags() {
        let text = r#"<?xml version="1.0"?><opml version="1.0"><head/><body>
            <outline text="News"><outline text="Africa">
              <outline text="RFI &amp; co" type="rss" xmlUrl="https://rfi.fr/rss" category="fr"/>
            </outline></outline>
            <outline title="Plain" xmlUrl="http://example.org/feed"/>
            <outline text="No URL"/>
            <outline text="Bad" xmlUrl="file:///etc/passwd"/>
            </body></opml>"#;
        let feeds = parse(text).expect("parses");
        assert_eq!(feeds.len(), 2);
        assert_eq!(feeds[0].name.as_deref(), Some("RFI & co"));
        assert_eq!(feeds[0].tags, ["News", "Africa", "fr"]);
        assert_eq!(feeds[1].url, "http://example.org/feed");
        assert!(feeds[1].tags.is_empty());
    }

    #[test]
    fn broken_documents_fail_in_one_line() {
        for text in [
            "<opml><head></head></opml>",
            "<html><body></body></html>",
            "<opml><body><outline text=\"a></body></opml>",
        ] {
            let error = parse(text).expect_err(text);
            assert!(!error.contains('\n'), "{error}");
        }
    }

    #[test]
    fn export_reads_back() {
        let feeds = vec![Subscription {
            id: 1,
            name: "A <b>".to_string(),
            url: "http://a.test/f?x=1&y=2".to_string(),
            tags: vec!["t1".to_string(), "t2".to_string()],
            title: None,
            etag: None,
            last_modified: None,
            fetched_at: None,
            last_error: None,
            full_text: false,
            named: true,
        }];
        let back = parse(&export(&feeds)).expect("parses");
        assert_eq!(back[0].url, feeds[0].url);
        assert_eq!(back[0].name.as_deref(), Some("A <b>"));
        assert_eq!(back[0].tags, ["t1", "t2"]);
    }
}
