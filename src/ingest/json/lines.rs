//! JSON Lines and JSON arrays read from a stream (a file, stdin) as they arrive: a line or an
//! array element at a time, handed on in batches, so memory holds one batch and not the input.

use std::io::BufRead;

use super::{Item, array, parse_batches, parse_line};

/// Reads JSON Lines, or one JSON array, from `reader`, handing items to `each` in batches of
/// `batch`; returns the most items held at once. Lines that are not UTF-8 are read with their
/// bad bytes replaced (the draft says so); a line that cannot be read ends the input with one
/// item naming it. A single pretty-printed object (its first line an unfinished object) is read
/// whole, as [`parse_batches`] reads a document.
pub fn read_batches<E>(
    mut reader: impl BufRead,
    batch: usize,
    mut each: impl FnMut(Vec<Item>) -> Result<(), E>,
) -> Result<usize, E> {
    let batch = batch.max(1);
    let Ok(newlines) = skip_to_array(&mut reader) else {
        return read_lines(reader, batch, &mut each);
    };
    let read = serde_json::de::IoRead::new(reader);
    array::parse_array(read, newlines + 1, batch, &mut each)
}

/// Consumes a BOM and the white space before a `[` (counting the newlines passed, for line
/// numbers); `Err` with nothing consumed when the input does not start with an array.
fn skip_to_array(reader: &mut impl BufRead) -> Result<usize, ()> {
    let head = reader.fill_buf().map_err(|_| ())?;
    let bom = if head.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let space = head[bom..]
        .iter()
        .take_while(|byte| byte.is_ascii_whitespace())
        .count();
    if head.get(bom + space) != Some(&b'[') {
        return Err(());
    }
    let newlines = head[bom..bom + space]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    reader.consume(bom + space);
    Ok(newlines)
}

fn read_lines<E>(
    mut reader: impl BufRead,
    batch: usize,
    each: &mut impl FnMut(Vec<Item>) -> Result<(), E>,
) -> Result<usize, E> {
    let mut items = Vec::with_capacity(batch);
    let mut peak = 0;
    let mut bytes = Vec::new();
    let mut seen_content = false;
    for index in 0.. {
        bytes.clear();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => break,
            Ok(_) => {}
            Err(error) => {
                let why = format!("cannot read: {error}");
                items.push(Err((format!("line {}", index + 1), why)));
                break;
            }
        }
        let (line, repaired) = match std::str::from_utf8(&bytes) {
            Ok(line) => (std::borrow::Cow::Borrowed(line), false),
            Err(_) => (String::from_utf8_lossy(&bytes), true),
        };
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        if !seen_content && unfinished_object(line) {
            // A pretty-printed object spans lines: read it whole, as a document.
            let mut text = format!("{}{line}\n", "\n".repeat(index));
            if reader.read_to_string(&mut text).is_ok() {
                let mut held = 0;
                parse_batches(&text, batch, |items| {
                    held = held.max(items.len());
                    each(items)
                })?;
                return Ok(held);
            }
        }
        seen_content = true;
        let mut item = parse_line(index, line);
        if let (Ok(draft), true) = (&mut item, repaired) {
            let why = "invalid UTF-8 bytes replaced with U+FFFD";
            draft.warnings.push(why.to_string());
        }
        items.push(item);
        peak = peak.max(items.len());
        if items.len() >= batch {
            each(std::mem::replace(&mut items, Vec::with_capacity(batch)))?;
        }
    }
    if !items.is_empty() {
        each(items)?;
    }
    Ok(peak)
}

/// A first line that opens an object the line does not close.
fn unfinished_object(line: &str) -> bool {
    let line = line.trim_start_matches('\u{feff}').trim_start();
    line.starts_with('{')
        && serde_json::from_str::<serde::de::IgnoredAny>(line).is_err_and(|error| error.is_eof())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(count: usize) -> String {
        (1..=count)
            .map(|n| format!("{{\"title\": \"T{n}\", \"body\": \"B{n}\"}}\n"))
            .collect()
    }

    fn read(text: &[u8], batch: usize) -> (usize, Vec<usize>, Vec<Item>) {
        let mut sizes = Vec::new();
        let mut all = Vec::new();
        let peak = read_batches(text, batch, |items| -> Result<(), ()> {
            sizes.push(items.len());
            all.extend(items);
            Ok(())
        })
        .expect("read");
        (peak, sizes, all)
    }

    #[test]
    fn json_lines_stream_in_batches_with_line_numbers() {
        let mut text = lines(7);
        text.insert(0, '\n');
        text.push_str("{\"title\": broken}\n");
        let (peak, sizes, items) = read(text.as_bytes(), 3);
        assert_eq!((peak, sizes), (3, vec![3, 3, 2]));
        let last = items.last().expect("items");
        assert_eq!(last.as_ref().err().map(|e| e.0.as_str()), Some("line 9"));
        let first = items[0].as_ref().expect("first");
        assert_eq!(first.position, "line 2");
    }

    #[test]
    fn an_array_streams_from_bytes_with_its_error_line() {
        let objects: Vec<String> = (1..=5)
            .map(|n| format!("{{\"title\": \"T{n}\"}}"))
            .collect();
        let text = format!("\u{feff}\n\n[{},\n{{oops}}]", objects.join(",\n"));
        let (peak, sizes, items) = read(text.as_bytes(), 2);
        assert_eq!((peak, sizes), (2, vec![2, 2, 2]));
        assert_eq!(items.iter().filter(|item| item.is_ok()).count(), 5);
        assert_eq!(
            items[5].as_ref().err().map(|e| e.0.as_str()),
            Some("line 8")
        );
    }

    #[test]
    fn bad_bytes_cost_one_line_a_warning_and_a_pretty_object_reads_whole() {
        let mut bytes = b"{\"title\": \"caf\xE9\"}\n".to_vec();
        bytes.extend_from_slice(b"{\"title\": \"ok\"}\n");
        let (_, _, items) = read(&bytes, 10);
        let damaged = items[0].as_ref().expect("parses");
        assert_eq!(damaged.title, "caf\u{FFFD}");
        assert_eq!(damaged.warnings.len(), 1);
        assert!(items[1].as_ref().is_ok_and(|d| d.warnings.is_empty()));
        let pretty = "{\n  \"title\": \"Solo\",\n  \"body\": \"Text.\"\n}\n";
        let (_, _, items) = read(pretty.as_bytes(), 10);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].as_ref().map(|d| d.title.as_str()), Ok("Solo"));
    }
}
