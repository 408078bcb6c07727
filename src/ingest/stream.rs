//! Reading an input (a file, stdin) incrementally: JSON Lines and JSON arrays are parsed as they
//! are read, a batch at a time, so memory holds one batch and not the input; other formats are
//! single documents (a feed, a text, a page) and are read whole. Every byte read is counted for
//! the progress callback.

use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Format, Importer, format, json};
use crate::store::StoreError;

/// Bytes read first to tell the format and encoding of an input. A file this small is read
/// whole (and decoded as a whole, legacy encodings too) whatever its format.
const HEAD_BYTES: u64 = 64 * 1024;

/// Read-ahead of a streamed input.
const BUFFER_BYTES: usize = 256 * 1024;

/// A reader adding the bytes it hands out to the importer's count.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.count.fetch_add(read as u64, Ordering::Relaxed);
        Ok(read)
    }
}

impl Importer<'_> {
    /// Imports what `reader` holds; `promised` is the format its file name gives. UTF-8 JSON
    /// (Lines or an array) is streamed; anything else is read whole and imported as bytes.
    pub(super) fn import_reader(
        &mut self,
        location: &str,
        path: Option<&Path>,
        reader: impl Read,
        promised: Option<Format>,
    ) -> Result<(), StoreError> {
        let mut reader = Counting {
            inner: reader,
            count: Arc::clone(&self.bytes),
        };
        let mut head = Vec::new();
        if let Err(error) = (&mut reader).take(HEAD_BYTES).read_to_end(&mut head) {
            self.skip(location, format!("cannot read: {error}"));
            return Ok(());
        }
        if head.len() as u64 == HEAD_BYTES && streams_as_json(&head, promised) {
            let chained = std::io::Cursor::new(head).chain(reader);
            let buffered = BufReader::with_capacity(BUFFER_BYTES, chained);
            let (batch, limits) = (self.batch, self.limits);
            let peak = json::read_batches(buffered, batch, limits, |items| {
                self.store_items(location, items)
            })?;
            self.peak_buffered = self.peak_buffered.max(peak);
            return Ok(());
        }
        let mut bytes = head;
        // One byte past the limit tells a file over it, without reading (or holding) the rest.
        let room = self.limits.file.saturating_sub(bytes.len() as u64) + 1;
        if let Err(error) = (&mut reader).take(room).read_to_end(&mut bytes) {
            self.skip(location, format!("cannot read: {error}"));
            return Ok(());
        }
        if bytes.len() as u64 > self.limits.file {
            self.skip(location, self.limits.file_refusal("a file read whole"));
            return Ok(());
        }
        self.import_bytes(location, path, &bytes, promised)
    }
}

/// Whether an input starting with `head` is UTF-8 JSON of articles (not a JSON Feed): then it
/// can be parsed as it is read.
fn streams_as_json(head: &[u8], promised: Option<Format>) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if head.contains(&0) {
        return false;
    }
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        // The head may end inside a character: the part before it decides.
        Err(error) if error.error_len().is_none() => {
            std::str::from_utf8(&head[..error.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    !text.trim().is_empty() && format::settle(promised, text) == Format::Json
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_utf8_json_of_articles_streams() {
        let lines = b"{\"title\": \"A\"}\n".repeat(10);
        assert!(streams_as_json(&lines, Some(Format::Json)));
        assert!(streams_as_json(b"\xEF\xBB\xBF [{}]", None));
        assert!(!streams_as_json(b"[{\"title\": \"caf\xE9\"}]", None));
        assert!(!streams_as_json(b"Title\n\nBody", None));
        let feed = b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}";
        assert!(!streams_as_json(feed, Some(Format::Json)));
        // Cut inside "é": still UTF-8.
        assert!(streams_as_json(b"[{\"title\": \"caf\xC3", None));
    }
}
