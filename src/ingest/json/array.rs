//! A JSON array of articles read element by element and handed on in batches, so a million
//! objects never sit in memory at once (each batch is parsed, stored and dropped in turn).

use std::fmt;
use std::io::{BufRead, Read};

use serde::de::{Deserializer as _, SeqAccess, Visitor};
use serde_json::Value;

use super::guard::Guard;
use super::{Item, error_text, from_value};
use crate::ingest::limits::Limits;

/// Parses the array `read` holds (text from a string, or bytes from a file or stdin, which
/// starts with `[`), handing items to `each` in batches of `batch`. Returns the most items held
/// at once (tests assert it stays within a batch). Items before a syntax error are handed on;
/// the error follows as one item naming its line, counted from `first_line`.
pub(super) fn parse_array<'de, E>(
    read: impl serde_json::de::Read<'de>,
    first_line: usize,
    batch: usize,
    each: &mut impl FnMut(Vec<Item>) -> Result<(), E>,
) -> Result<usize, E> {
    let mut elements = Elements::new(batch, each);
    let mut reader = serde_json::Deserializer::new(read);
    let parsed = reader
        .deserialize_seq(&mut elements)
        .and_then(|()| reader.end());
    if let Some(error) = elements.stopped.take() {
        return Err(error);
    }
    if let Err(error) = parsed {
        elements.buffer.push(Err((
            format!("line {}", error.line() + first_line - 1),
            format!("invalid JSON: {}", error_text(&error)),
        )));
    }
    let peak = elements.peak.max(elements.buffer.len());
    if !elements.buffer.is_empty() {
        (elements.each)(std::mem::take(&mut elements.buffer))?;
    }
    Ok(peak)
}

/// Parses a streamed array like [`parse_array`], through a [`Guard`]: an element over
/// `limits.line` bytes is refused with one item naming its line and size, skipped without being
/// held, and the parse goes on with the next element.
pub(super) fn parse_array_stream<E>(
    reader: impl BufRead,
    first_line: usize,
    batch: usize,
    limits: Limits,
    each: &mut impl FnMut(Vec<Item>) -> Result<(), E>,
) -> Result<usize, E> {
    let mut guard = Guard::new(reader, limits.line);
    let mut elements = Elements::new(batch, each);
    // The first parse reads the array's own `[`; a restart after a skipped element reads one
    // put in front of the rest, so its lines count from the guard's line then.
    let mut restart = false;
    let mut lines_before = first_line - 1;
    loop {
        let prefix: &[u8] = if restart { b"[" } else { b"" };
        let mut reader = serde_json::Deserializer::from_reader(prefix.chain(&mut guard));
        let parsed = reader
            .deserialize_seq(&mut elements)
            .and_then(|()| reader.end());
        if let Some(error) = elements.stopped.take() {
            return Err(error);
        }
        if guard.tripped {
            elements.count += 1;
            let line = first_line + guard.element_line();
            let (more, size) = match guard.skip_element() {
                Ok(skipped) => skipped,
                Err(_) => (false, limits.line + 1),
            };
            let why = limits.line_refusal(&format!("item {}", elements.count), size);
            elements.buffer.push(Err((format!("line {line}"), why)));
            if more {
                restart = true;
                lines_before = first_line - 1 + guard.newlines();
                continue;
            }
        } else if let Err(error) = parsed {
            elements.buffer.push(Err((
                format!("line {}", error.line() + lines_before),
                format!("invalid JSON: {}", error_text(&error)),
            )));
        }
        break;
    }
    let peak = elements.peak.max(elements.buffer.len());
    if !elements.buffer.is_empty() {
        (elements.each)(std::mem::take(&mut elements.buffer))?;
    }
    Ok(peak)
}

struct Elements<'a, F, E> {
    batch: usize,
    each: &'a mut F,
    buffer: Vec<Item>,
    peak: usize,
    count: usize,
    /// The error `each` returned (a full disk): reading stops there.
    stopped: Option<E>,
}

impl<'a, F, E> Elements<'a, F, E> {
    /// Elements handed to `each` in batches of `batch` (at least one).
    fn new(batch: usize, each: &'a mut F) -> Self {
        Self {
            batch: batch.max(1),
            each,
            buffer: Vec::new(),
            peak: 0,
            count: 0,
            stopped: None,
        }
    }
}

impl<'de, F, E> Visitor<'de> for &mut Elements<'_, F, E>
where
    F: FnMut(Vec<Item>) -> Result<(), E>,
{
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an array of article objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element::<Value>()? {
            self.count += 1;
            let original = value.to_string();
            let position = format!("item {}", self.count);
            let item = from_value(value, original, &position).map_err(|why| (position, why));
            self.buffer.push(item);
            self.peak = self.peak.max(self.buffer.len());
            if self.buffer.len() >= self.batch
                && let Err(error) = (self.each)(std::mem::take(&mut self.buffer))
            {
                self.stopped = Some(error);
                return Ok(());
            }
        }
        Ok(())
    }
}
