//! RSS 0.9x/1.0/2.0, Atom and JSON Feed documents become drafts, one per item, through feed-rs.
//! Pure: bytes in, drafts out. Entity declarations are refused before any XML parser sees them.

use feed_rs::model::{Entry, Feed, Text};

use super::json::Item;
use super::{Draft, date, decode, html, item_key};

/// A parsed feed document: its title and one item per entry.
#[derive(Debug)]
pub struct Parsed {
    pub title: Option<String>,
    pub items: Vec<Item>,
    /// The decoder's note (bad UTF-8 bytes replaced, an encoding assumed), for the reader.
    pub note: Option<String>,
    /// Entries left out, unconverted, as already stored (see [`parse_new`]).
    pub known: usize,
}

/// What identifies a feed entry in the store, read before its HTML is converted.
#[derive(Debug, Clone, Copy)]
pub struct EntryKey<'a> {
    /// The feed's own title (the source when the caller names none).
    pub feed_title: Option<&'a str>,
    pub id: Option<&'a str>,
    pub url: Option<&'a str>,
}

/// Parses a feed document. The encoding is the BOM's, else the XML declaration's, else detected.
pub fn parse(bytes: &[u8]) -> Result<Parsed, String> {
    parse_new(bytes, |_| false)
}

/// Parses a feed document, leaving out (before their HTML becomes text) the entries `known`
/// says are stored already: a refetch costs nothing for the items it has seen.
pub fn parse_new(bytes: &[u8], known: impl FnMut(EntryKey<'_>) -> bool) -> Result<Parsed, String> {
    let (text, note) = to_utf8(bytes)?;
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.is_empty() {
        return Err("empty file".to_string());
    }
    let text = if text.starts_with('<') {
        refuse_entity_declarations(text)?;
        rss_with_known_version(without_xml_declaration(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(timestamp)
        // An entry without a guid keeps an empty id: kiosk keys it itself (see `entry_id`).
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = parser.parse(text.as_bytes()).map_err(|error| match error {
        feed_rs::parser::ParseFeedError::ParseError(
            feed_rs::parser::ParseErrorKind::NoFeedRoot,
        ) => "not a feed: no RSS, Atom or JSON Feed root element".to_string(),
        error => {
            let message = error.to_string();
            let first = message.lines().next().unwrap_or("unknown error");
            format!("not a readable feed: {first}")
        }
    });
    match feed {
        Ok(feed) => Ok(Parsed {
            note,
            ..drafts(feed, known)
        }),
        // `<rss></rss>` with no channel: an empty feed, not an error.
        Err(_) if is_empty_rss(&text) => Ok(Parsed {
            title: None,
            items: Vec::new(),
            note,
            known: 0,
        }),
        Err(error) => Err(error),
    }
}

/// Turns a parsed feed into drafts; entries without title or content are skipped with a reason.
fn drafts(feed: Feed, mut known: impl FnMut(EntryKey<'_>) -> bool) -> Parsed {
    let title = feed
        .title
        .as_ref()
        .map(plain_text)
        .filter(|t| !t.is_empty());
    let feed_lang = feed.language.as_deref().and_then(language);
    let feed_authors = authors(&feed.authors);
    let mut skipped = 0;
    let items = feed
        .entries
        .into_iter()
        .enumerate()
        .filter(|(_, entry)| {
            let id = entry_id(entry, None);
            let key = EntryKey {
                feed_title: title.as_deref(),
                id: id.as_deref(),
                url: entry_url(entry).map(|link| link.href.as_str()),
            };
            let is_known = known(key);
            skipped += usize::from(is_known);
            !is_known
        })
        .map(|(index, entry)| {
            let position = format!("item {}", index + 1);
            let mut draft = entry_draft(entry, title.as_deref(), feed_lang.as_deref())
                .map_err(|why| (position.clone(), why))?;
            draft.author = draft.author.or_else(|| feed_authors.clone());
            draft.position = position;
            Ok(draft)
        })
        .collect();
    Parsed {
        title,
        items,
        note: None,
        known: skipped,
    }
}

/// The entry's guid, else [`item_key::guidless`]'s key from its link, title (`title` when the
/// caller has made it, else the entry's own) and publication date.
fn entry_id(entry: &Entry, title: Option<&str>) -> Option<String> {
    if !entry.id.is_empty() {
        return Some(entry.id.clone());
    }
    let own_title = || entry.title.as_ref().map(plain_text).unwrap_or_default();
    let title = title.map_or_else(own_title, str::to_string);
    let published = entry.published.map(utc_text);
    let url = entry_url(entry).map(|link| link.href.as_str());
    item_key::guidless(url, &title, published.as_deref())
}

fn utc_text(date: chrono::DateTime<chrono::Utc>) -> String {
    date.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The entry's link: its alternate (or unqualified) one, else its first.
fn entry_url(entry: &Entry) -> Option<&feed_rs::model::Link> {
    entry
        .links
        .iter()
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or_else(|| entry.links.first())
}

fn entry_draft(entry: Entry, source: Option<&str>, lang: Option<&str>) -> Result<Draft, String> {
    let html = entry
        .content
        .as_ref()
        .and_then(|content| content.body.clone())
        .or_else(|| {
            entry
                .summary
                .as_ref()
                .map(|summary| summary.content.clone())
        })
        .or_else(|| {
            entry
                .media
                .iter()
                .find_map(|media| media.description.as_ref().map(|d| d.content.clone()))
        })
        .unwrap_or_default();
    let mut paragraphs = html_paragraphs(&html);
    let url = entry_url(&entry).map(|link| link.href.clone());
    let enclosures: Vec<String> = entry
        .links
        .iter()
        .filter(|link| link.rel.as_deref() == Some("enclosure"))
        .map(|link| link.href.clone())
        .chain(
            entry
                .media
                .iter()
                .flat_map(|media| &media.content)
                .filter_map(|content| content.url.as_ref().map(ToString::to_string)),
        )
        .collect();
    if !enclosures.is_empty() {
        paragraphs.push(format!("Enclosures:\n{}", enclosures.join("\n")));
    }
    let mut title = entry.title.as_ref().map(plain_text).unwrap_or_default();
    if title.is_empty() {
        title = html::paragraphs(&html, false)
            .first()
            .map(|first| first.split_whitespace().collect::<Vec<_>>().join(" "))
            .map(|first| first.chars().take(80).collect::<String>())
            .or_else(|| url.clone())
            .ok_or("no title, content or link")?;
    }
    let external_id = entry_id(&entry, Some(&title));
    let original = if html.is_empty() {
        title.clone()
    } else {
        format!("{title}\n\n{html}")
    };
    Ok(Draft {
        title,
        paragraphs,
        original,
        external_id,
        source: source.map(str::to_string),
        url,
        author: authors(&entry.authors),
        published: entry.published.or(entry.updated).map(utc_text),
        lang: entry
            .language
            .as_deref()
            .and_then(language)
            .or_else(|| lang.map(str::to_string)),
        ..Draft::default()
    })
}

/// Feed dates: the importer's forms, then again without a (possibly wrong) weekday, then
/// RFC 3339 without seconds (`2000-01-01T12:00+00:00`, seen in RSS 1.0 `dc:date`).
fn timestamp(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let text = text.trim();
    let without_weekday = text
        .split_once(',')
        .filter(|(day, _)| day.len() <= 9 && day.chars().all(char::is_alphabetic))
        .map(|(_, rest)| rest.trim());
    date::parse_date(text)
        .or_else(|| without_weekday.and_then(date::parse_date))
        .and_then(|date| chrono::DateTime::parse_from_rfc3339(&date).ok())
        .or_else(|| chrono::DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M%:z").ok())
        .map(|date| date.with_timezone(&chrono::Utc))
}

fn authors(people: &[feed_rs::model::Person]) -> Option<String> {
    let names: Vec<&str> = people
        .iter()
        .filter_map(|person| person.name.as_deref().map(str::trim))
        .filter(|name| !name.is_empty())
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// `en-US` → `en`; anything that is not a language tag → nothing.
fn language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase()))
        .then_some(primary)
}

/// A title or other short text: markup removed when it is HTML, whitespace collapsed.
fn plain_text(text: &Text) -> String {
    let content = if text.content_type.subty() == "html" || text.content.contains('<') {
        html::paragraphs(&text.content, false).join(" ")
    } else {
        text.content.clone()
    };
    content.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// HTML to paragraphs of plain text, entities decoded, links listed at the end as `[n]: url`.
pub fn html_paragraphs(html: &str) -> Vec<String> {
    html::paragraphs(html, true)
}

/// Decodes a feed document: a BOM decides, then UTF-16 without one, then the XML declaration,
/// then the usual detection. With the text comes the decoder's note, if any.
fn to_utf8(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    if encoding_rs::Encoding::for_bom(bytes).is_none()
        && decode::utf16_without_bom(bytes).is_none()
        && let Some(encoding) = declared_encoding(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, _, _) = encoding.decode(bytes);
        return Ok((text.into_owned(), None));
    }
    decode::decode(bytes)
        .map(|decoded| (demoronize(decoded.text), decoded.note))
        .map_err(|error| error.to_string())
}

/// C1 control characters in a feed are windows-1252 bytes mislabelled (`\u{92}` for `’`).
fn demoronize(text: String) -> String {
    if !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        return text;
    }
    text.chars()
        .map(|c| match u8::try_from(u32::from(c)) {
            Ok(byte @ 0x80..=0x9f) => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(&[byte])
                .0
                .chars()
                .next()
                .unwrap_or(c),
            _ => c,
        })
        .collect()
}

// Byte cuts in the XML sniffing below are all char-boundary safe: each is at a `find`/`match`
// of an ASCII pattern, or just past one (`at + 4` after "<rss", `end + 2` after "?>", `[1..]`
// after a quote), and ASCII bytes never occur inside a multi-byte UTF-8 character.

/// The encoding an ASCII-compatible XML declaration names, if encoding_rs knows it.
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head);
    let declaration = head.trim_start().strip_prefix("<?xml")?;
    let declaration = &declaration[..declaration.find("?>")?];
    let at = declaration.find("encoding")? + "encoding".len();
    let rest = declaration[at..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let label = rest[1..].split(quote).next()?;
    let encoding = encoding_rs::Encoding::for_label(label.trim().as_bytes())?;
    // A declared UTF-16 in ASCII-compatible bytes is a lie; trust the bytes.
    (encoding != encoding_rs::UTF_16LE && encoding != encoding_rs::UTF_16BE).then_some(encoding)
}

/// The text after any XML declaration: the text is UTF-8 now, whatever the declaration said.
fn without_xml_declaration(text: &str) -> &str {
    match text
        .strip_prefix("<?xml")
        .and_then(|rest| rest.find("?>").map(|end| &rest[end + 2..]))
    {
        Some(rest) => rest,
        None => text,
    }
}

/// feed-rs knows `<rss>` only with version 0.91, 0.92 or 2.0; other versions (or none) are
/// read as 2.0, which every RSS 0.9x/2.x document is close enough to.
fn rss_with_known_version(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(start) = root_start(text).filter(|&at| {
        text[at..].starts_with("<rss")
            && text[at + 4..].starts_with(|c: char| c.is_whitespace() || c == '>')
    }) else {
        return std::borrow::Cow::Borrowed(text);
    };
    let end = text[start..]
        .find('>')
        .map_or(text.len(), |end| start + end);
    let tag = &text[start..end];
    let known = [
        "\"2.0\"", "'2.0'", "\"0.91\"", "'0.91'", "\"0.92\"", "'0.92'",
    ];
    if let Some(at) = tag.find("version") {
        let value = tag[at + "version".len()..]
            .trim_start()
            .trim_start_matches('=')
            .trim_start();
        if known.iter().any(|known| value.starts_with(known)) {
            return std::borrow::Cow::Borrowed(text);
        }
        // Hide the unknown version under a name feed-rs ignores.
        let at = start + at;
        return std::borrow::Cow::Owned(format!(
            "{}<rss version=\"2.0\"{}x-version{}",
            &text[..start],
            &text[start + 4..at],
            &text[at + "version".len()..]
        ));
    }
    std::borrow::Cow::Owned(format!(
        "{}<rss version=\"2.0\"{}",
        &text[..start],
        &text[start + 4..]
    ))
}

fn is_empty_rss(text: &str) -> bool {
    root_start(text).is_some_and(|at| {
        text[at..].starts_with("<rss") && !text.contains("<channel") && !text.contains("<item")
    })
}

/// Where the root element starts: the first `<` not opening a declaration or comment.
fn root_start(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text[from..].find('<') {
        let at = from + found;
        let rest = &text[at..];
        if rest.starts_with("<!--") {
            from = at + rest.find("-->").map_or(rest.len(), |end| end + 3);
        } else if rest.starts_with("<?") || rest.starts_with("<!") {
            from = at + 2;
        } else {
            return Some(at);
        }
    }
    None
}

/// Entity declarations are how "billion laughs" bombs work; no real feed needs them.
fn refuse_entity_declarations(text: &str) -> Result<(), String> {
    let Some(doctype) = text.find("<!DOCTYPE") else {
        return Ok(());
    };
    let root = root_start(text).unwrap_or(text.len());
    if doctype < root && text[doctype..root].contains("<!ENTITY") {
        return Err(
            "refused: the document declares XML entities (<!ENTITY>), a known attack".to_string(),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests;
