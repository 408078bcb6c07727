//! JSON Lines and JSON arrays read from a stream (a file, stdin) as they arrive: a line or an
//! array element at a time, handed on in batches, so memory holds one batch and not the input.

use std::io::{self, BufRead, Read};

use super::{Item, array, parse_batches, parse_line};
use crate::ingest::limits::Limits;

/// Reads JSON Lines, or one JSON array, from `reader`, handing items to `each` in batches of
/// `batch`; returns the most items held at once. Lines that are not UTF-8 are read with their
/// bad bytes replaced (the draft says so); a line that cannot be read ends the input with one
/// item naming it. A single pretty-printed object (its first line an unfinished object) is read
/// whole, as [`parse_batches`] reads a document. A line or element over `limits.line` bytes,
/// or a pretty-printed object over `limits.file`, is refused with one item and never held.
pub fn read_batches<E>(
    mut reader: impl BufRead,
    batch: usize,
    limits: Limits,
    mut each: impl FnMut(Vec<Item>) -> Result<(), E>,
) -> Result<usize, E> {
    let batch = batch.max(1);
    let Ok(newlines) = skip_to_array(&mut reader) else {
        return read_lines(reader, batch, limits, &mut each);
    };
    array::parse_array_stream(reader, newlines + 1, batch, limits, &mut each)
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq)]
enum Line {
    End,
    Read,
    /// A line of this many bytes, over the limit: dropped as it was read.
    TooLong(u64),
}

/// Reads one line (with its `\n`) into `bytes`, holding at most `limit` bytes of it: the rest
/// of a longer line is read past and only counted.
fn read_line(reader: &mut impl BufRead, bytes: &mut Vec<u8>, limit: u64) -> io::Result<Line> {
    let mut total: u64 = 0;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if buffer.is_empty() {
            break;
        }
        let end = buffer.iter().position(|&byte| byte == b'\n');
        let chunk = &buffer[..end.map_or(buffer.len(), |at| at + 1)];
        let length = chunk.len() as u64;
        if total + length <= limit {
            bytes.extend_from_slice(chunk);
        } else {
            bytes.clear();
        }
        total += length;
        let used = chunk.len();
        reader.consume(used);
        if end.is_some() {
            break;
        }
    }
    Ok(match total {
        0 => Line::End,
        total if total > limit => Line::TooLong(total),
        _ => Line::Read,
    })
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
    limits: Limits,
    each: &mut impl FnMut(Vec<Item>) -> Result<(), E>,
) -> Result<usize, E> {
    let mut items = Vec::with_capacity(batch);
    let mut peak = 0;
    let mut bytes = Vec::new();
    let mut seen_content = false;
    for index in 0.. {
        bytes.clear();
        match read_line(&mut reader, &mut bytes, limits.line) {
            Ok(Line::End) => break,
            Ok(Line::Read) => {}
            Ok(Line::TooLong(size)) => {
                let why = limits.line_refusal("a line", size);
                items.push(Err((format!("line {}", index + 1), why)));
                seen_content = true;
                continue;
            }
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
            let room = limits.file.saturating_sub(text.len() as u64);
            if (&mut reader)
                .take(room + 1)
                .read_to_string(&mut text)
                .is_ok()
            {
                if text.len() as u64 > limits.file {
                    let why = limits.file_refusal("a pretty-printed object");
                    each(vec![Err((format!("line {}", index + 1), why))])?;
                    return Ok(1);
                }
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
        read_limited(text, batch, Limits::default())
    }

    fn read_limited(text: &[u8], batch: usize, limits: Limits) -> (usize, Vec<usize>, Vec<Item>) {
        let mut sizes = Vec::new();
        let mut all = Vec::new();
        let peak = read_batches(text, batch, limits, |items| -> Result<(), ()> {
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

    #[test]
    fn a_line_over_the_limit_costs_one_item_and_the_next_lines_are_read() {
        let long = format!(
            "{{\"title\": \"Long\", \"body\": \"{}\"}}\n",
            "x".repeat(5000)
        );
        let text = format!("{}{long}{}", lines(2), lines(1));
        let limits = Limits {
            line: 1000,
            file: 1000,
        };
        let (_, _, items) = read_limited(text.as_bytes(), 10, limits);
        let titles: Vec<_> = items
            .iter()
            .filter_map(|item| item.as_ref().ok())
            .map(|d| d.title.as_str())
            .collect();
        assert_eq!(titles, ["T1", "T2", "T1"]);
        let (at, why) = items[2].as_ref().expect_err("refused");
        assert_eq!(at, "line 3");
        assert!(
            why.starts_with("a line of 4.9 KiB, over the 1000 bytes limit"),
            "{why}"
        );
    }

    #[test]
    fn a_read_line_holds_at_most_the_limit() {
        let text = format!("{}\nshort\n", "y".repeat(100_000));
        let mut reader = std::io::BufReader::with_capacity(64, text.as_bytes());
        let mut bytes = Vec::new();
        let first = read_line(&mut reader, &mut bytes, 100).expect("reads");
        assert_eq!(first, Line::TooLong(100_001));
        assert!(bytes.capacity() <= 256, "{}", bytes.capacity());
        bytes.clear();
        assert_eq!(
            read_line(&mut reader, &mut bytes, 100).expect("reads"),
            Line::Read
        );
        assert_eq!(bytes, b"short\n");
        bytes.clear();
        assert_eq!(
            read_line(&mut reader, &mut bytes, 100).expect("reads"),
            Line::End
        );
    }

    #[test]
    fn an_array_element_over_the_limit_is_skipped_and_the_array_goes_on() {
        let long = format!(
            "{{\"title\": \"Long\", \"body\": \"{}\"}}",
            "z, ]}".repeat(1000)
        );
        let text = format!("[{{\"title\": \"A\"}},\n{long},\n{{\"title\": \"B\"}},\n{long}]");
        let limits = Limits {
            line: 1000,
            file: 1000,
        };
        let (peak, _, items) = read_limited(text.as_bytes(), 10, limits);
        assert!(peak <= 10);
        let titles: Vec<_> = items
            .iter()
            .filter_map(|item| item.as_ref().ok())
            .map(|d| d.title.as_str())
            .collect();
        assert_eq!(titles, ["A", "B"]);
        let errors: Vec<_> = items
            .iter()
            .filter_map(|item| item.as_ref().err())
            .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(errors[0].0, "line 2");
        assert!(
            errors[0]
                .1
                .starts_with("item 2 of 4.9 KiB, over the 1000 bytes limit"),
            "{}",
            errors[0].1
        );
        assert_eq!(errors[1].0, "line 4");
        assert!(errors[1].1.starts_with("item 4 of"), "{}", errors[1].1);
    }

    #[test]
    fn a_pretty_object_over_the_file_limit_is_refused() {
        let pretty = format!(
            "{{\n  \"title\": \"Solo\",\n  \"body\": \"{}\"\n}}\n",
            "w".repeat(3000)
        );
        let limits = Limits {
            line: 1_000_000,
            file: 1000,
        };
        let (_, _, items) = read_limited(pretty.as_bytes(), 10, limits);
        assert_eq!(items.len(), 1);
        let (at, why) = items[0].as_ref().expect_err("refused");
        assert_eq!(at, "line 1");
        assert!(why.contains("max_file_bytes"), "{why}");
    }
}
