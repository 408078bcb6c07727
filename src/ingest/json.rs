//! JSON Lines and JSON arrays of article objects (`id`, `title`, `body`|`text`|`content`, `url`,
//! `published`|`date`, `source`, `lang`, `author`); other fields are ignored.

use serde_json::{Map, Value};

use super::Draft;
use super::clean::{paragraphs, sanitize};
use super::date::from_unix_seconds;

mod array;
mod guard;
mod lines;

pub use lines::read_batches;

/// One parsed item: a draft, or why item `line` was skipped.
pub type Item = Result<Draft, (String, String)>;

/// Parses a whole JSON or JSON Lines document. Errors carry a location (`line 17`, `item 3`).
pub fn parse(text: &str) -> Vec<Item> {
    let mut all = Vec::new();
    let _: Result<(), ()> = parse_batches(text, usize::MAX, |items| {
        all.extend(items);
        Ok(())
    });
    all
}

/// Parses like [`parse`], handing items to `each` in batches of `batch`: JSON Lines so a large
/// file never holds all its articles in memory at once, JSON arrays too, so each batch is a
/// write transaction of its own (one transaction for a whole array locked other writers out).
pub fn parse_batches<E>(
    text: &str,
    batch: usize,
    mut each: impl FnMut(Vec<Item>) -> Result<(), E>,
) -> Result<(), E> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('[') {
        let read = serde_json::de::StrRead::new(trimmed);
        return array::parse_array(read, 1, batch, &mut each).map(|_peak| ());
    }
    let whole = parse_document(trimmed);
    if let Some(items) = whole {
        let mut items = items.into_iter().peekable();
        while items.peek().is_some() {
            each(items.by_ref().take(batch.max(1)).collect())?;
        }
        return Ok(());
    }
    let mut items = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        items.push(parse_line(index, line));
        if items.len() >= batch {
            each(std::mem::take(&mut items))?;
        }
    }
    if items.is_empty() {
        Ok(())
    } else {
        each(items)
    }
}

/// One pretty-printed object; `None` for JSON Lines. `trimmed` has lost its BOM and leading
/// white space.
fn parse_document(trimmed: &str) -> Option<Vec<Item>> {
    if trimmed.starts_with('{') {
        // One pretty-printed object is a document of its own, not JSON Lines.
        if let Ok(value @ Value::Object(_)) = serde_json::from_str::<Value>(trimmed)
            && trimmed.lines().count() > 1
        {
            let original = trimmed.to_string();
            return Some(vec![
                from_value(value, original, "").map_err(|why| (String::new(), why)),
            ]);
        }
    }
    None
}

fn parse_line(index: usize, line: &str) -> Item {
    let location = format!("line {}", index + 1);
    let line = line.trim_start_matches('\u{feff}');
    match serde_json::from_str::<Value>(line) {
        Ok(value) => from_value(value, line.to_string(), &location).map_err(|why| (location, why)),
        Err(error) => Err((location, format!("invalid JSON: {}", error_text(&error)))),
    }
}

fn error_text(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.find(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

fn from_value(value: Value, original: String, position: &str) -> Result<Draft, String> {
    let Value::Object(object) = value else {
        return Err("expected a JSON object".to_string());
    };
    let mut draft = Draft::new(&original);
    draft.position = position.to_string();
    draft.title = text_field(&object, &["title", "headline"]).unwrap_or_default();
    if draft.title.is_empty() {
        return Err("missing title".to_string());
    }
    let body = ["body", "text", "content"]
        .iter()
        .find_map(|key| object.get(*key).and_then(Value::as_str))
        .unwrap_or_default();
    draft.paragraphs = paragraphs(body);
    draft.external_id = match object.get("id") {
        Some(Value::String(id)) if !id.is_empty() => Some(id.clone()),
        Some(Value::Number(id)) => Some(id.to_string()),
        _ => None,
    };
    draft.url = text_field(&object, &["url", "link"]);
    draft.source = text_field(&object, &["source"]).or_else(|| nested_name(&object, "source"));
    draft.author = text_field(&object, &["author"]).or_else(|| nested_name(&object, "author"));
    draft.lang = text_field(&object, &["lang", "language"]).map(|lang| lang.to_ascii_lowercase());
    match ["published", "date"]
        .iter()
        .find_map(|key| object.get(*key))
    {
        Some(Value::Number(seconds)) => {
            draft.published = seconds.as_i64().and_then(from_unix_seconds)
        }
        Some(Value::String(date)) => draft.set_date(Some(date)),
        _ => {}
    }
    Ok(draft)
}

fn text_field(object: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|key| object.get(*key).and_then(Value::as_str))
        .map(sanitize)
        .filter(|value| !value.is_empty())
}

fn nested_name(object: &Map<String, Value>, key: &str) -> Option<String> {
    object
        .get(key)?
        .get("name")?
        .as_str()
        .map(sanitize)
        .filter(|name| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_with_field_aliases() {
        let text = concat!(
            r#"{"id": 7, "title": "Uno", "text": "Primer párrafo.\n\nSegundo.", "date": "2024-03-28", "lang": "ES", "extra": [1]}"#,
            "\n\n",
            r#"{"id": "b", "title": "Two", "content": "Body.", "published": 1711620900, "source": {"name": "Wire"}, "author": "Al"}"#,
            "\n"
        );
        let items = parse(text);
        assert_eq!(items.len(), 2);
        let first = items[0].as_ref().expect("first parses");
        assert_eq!(first.external_id.as_deref(), Some("7"));
        assert_eq!(first.paragraphs, ["Primer párrafo.", "Segundo."]);
        assert_eq!(first.lang.as_deref(), Some("es"));
        assert_eq!(first.published.as_deref(), Some("2024-03-28T00:00:00Z"));
        let second = items[1].as_ref().expect("second parses");
        assert_eq!(second.source.as_deref(), Some("Wire"));
        assert_eq!(second.published.as_deref(), Some("2024-03-28T10:15:00Z"));
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let mut text = String::new();
        for n in 1..=16 {
            text.push_str(&format!("{{\"title\": \"T{n}\", \"body\": \"B\"}}\n"));
        }
        text.push_str("{\"title\": broken\n{\"body\": \"no title\"}\n[1]\n");
        let items = parse(&text);
        assert_eq!(items.iter().filter(|item| item.is_ok()).count(), 16);
        let errors: Vec<_> = items.into_iter().filter_map(Result::err).collect();
        assert_eq!(errors[0].0, "line 17");
        assert!(errors[0].1.starts_with("invalid JSON"), "{}", errors[0].1);
        assert_eq!(
            errors[1],
            ("line 18".to_string(), "missing title".to_string())
        );
        assert_eq!(errors[2].1, "expected a JSON object");
    }

    #[test]
    fn arrays_and_single_pretty_objects() {
        let items = parse(r#"[{"title": "A", "body": "x"}, {"body": "y"}]"#);
        assert!(items[0].is_ok());
        assert_eq!(
            items[1].as_ref().err().map(|e| e.0.as_str()),
            Some("item 2")
        );
        let pretty = "{\n  \"title\": \"Solo\",\n  \"body\": \"Text.\"\n}\n";
        assert_eq!(
            parse(pretty)[0].as_ref().map(|d| d.title.as_str()),
            Ok("Solo")
        );
        // The items before the error are kept; the error names its line.
        let broken_array = "[\n{\"title\": \"A\"},\n{oops}\n]";
        let items = parse(broken_array);
        assert!(items[0].is_ok());
        assert_eq!(
            items[1].as_ref().err().map(|e| e.0.as_str()),
            Some("line 3")
        );
    }

    #[test]
    fn json_lines_come_in_batches_with_their_line_numbers() {
        let text: String = (1..=5)
            .map(|n| format!("{{\"title\": \"T{n}\"}}\n\n"))
            .collect();
        let mut batches = Vec::new();
        let result: Result<(), ()> = parse_batches(&text, 2, |items| {
            batches.push(items.len());
            Ok(())
        });
        assert_eq!((result, batches), (Ok(()), vec![2, 2, 1]));
        let mut positions = Vec::new();
        let _: Result<(), ()> = parse_batches(&text, 10, |items| {
            positions.extend(
                items
                    .into_iter()
                    .filter_map(Result::ok)
                    .map(|draft| draft.position),
            );
            Ok(())
        });
        assert_eq!(
            positions,
            ["line 1", "line 3", "line 5", "line 7", "line 9"]
        );
    }

    /// A JSON array of `count` objects titled T1, T2, …, separated by `separator`.
    fn array_of_titles(count: usize, separator: &str) -> String {
        let objects: Vec<String> = (1..=count)
            .map(|n| format!("{{\"title\": \"T{n}\"}}"))
            .collect();
        format!("[{}]", objects.join(separator))
    }

    #[test]
    fn json_arrays_come_in_batches_too() {
        let text = array_of_titles(5, ",");
        let mut batches = Vec::new();
        let result: Result<(), ()> = parse_batches(&text, 2, |items| {
            batches.push(items.len());
            Ok(())
        });
        assert_eq!((result, batches), (Ok(()), vec![2, 2, 1]));
    }

    #[test]
    fn a_json_array_is_held_one_batch_at_a_time() {
        let text = array_of_titles(2500, ",\n");
        let mut seen = 0;
        let read = serde_json::de::StrRead::new(&text);
        let peak = array::parse_array(read, 1, 1000, &mut |items: Vec<Item>| -> Result<(), ()> {
            seen += items.len();
            Ok(())
        });
        assert_eq!((peak, seen), (Ok(1000), 2500));
    }

    #[test]
    fn a_failed_batch_stops_the_array() {
        let text = format!("[{}]", [r#"{"title": "T"}"#; 10].join(","));
        let mut batches = 0;
        let read = serde_json::de::StrRead::new(&text);
        let result = array::parse_array(read, 1, 3, &mut |_items: Vec<Item>| {
            batches += 1;
            Err("disk full")
        });
        assert_eq!((result, batches), (Err("disk full"), 1));
    }

    #[test]
    fn unparseable_dates_warn() {
        let items = parse(r#"{"title": "A", "body": "x", "date": "the day after"}"#);
        let draft = items[0].as_ref().expect("parses");
        assert_eq!(draft.published, None);
        assert_eq!(draft.warnings.len(), 1);
    }
}
