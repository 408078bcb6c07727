//! [`Guard`]: the reader under a streamed JSON array that measures each element as it passes
//! (a small lexer over the bytes: strings, escapes, nesting), stops the parser inside one longer
//! than the limit, and skips to the next element, so one huge element costs one line of error
//! instead of its size in memory and the rest of the array.

use std::io::{self, BufRead, Read};

/// See the module documentation. The parser reads through `&mut Guard`, so the guard (and its
/// position) outlives a parse that it stopped.
pub(super) struct Guard<R> {
    inner: R,
    limit: u64,
    lexer: Lexer,
    /// Whether the limit stopped the element being read.
    pub tripped: bool,
}

/// Where the bytes passed so far leave the array: nesting, strings, the element's size.
#[derive(Default)]
struct Lexer {
    /// Bytes of the element being read, from its first one after the `[` or `,` before it.
    element: u64,
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// Newlines passed, for line numbers after a restart.
    newlines: usize,
    /// The value of `newlines` where the current element's first byte was.
    element_line: usize,
}

impl<R: BufRead> Guard<R> {
    /// A guard over `inner`, which starts at the array's `[`.
    pub fn new(inner: R, limit: u64) -> Self {
        Self {
            inner,
            limit,
            lexer: Lexer::default(),
            tripped: false,
        }
    }

    /// Newlines passed so far.
    pub fn newlines(&self) -> usize {
        self.lexer.newlines
    }

    /// Newlines passed before the current element's first byte.
    pub fn element_line(&self) -> usize {
        self.lexer.element_line
    }

    /// Reads past the rest of a stopped element; `Ok(true)` after the `,` that follows it (the
    /// array goes on), `Ok(false)` at its `]` or the end of the input. Returns the element's
    /// size with it.
    pub fn skip_element(&mut self) -> io::Result<(bool, u64)> {
        loop {
            let buffer = match self.inner.fill_buf() {
                Ok(buffer) => buffer,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if buffer.is_empty() {
                self.tripped = false;
                return Ok((false, self.lexer.element));
            }
            let mut used = 0;
            let mut next = None;
            while used < buffer.len() {
                let lexer = &mut self.lexer;
                if lexer.in_string && !lexer.escaped {
                    // Inside a string only `"` and `\` matter: pass the rest in one step.
                    let plain = lexer.pass_plain(&buffer[used..]);
                    used += plain;
                    if used == buffer.len() {
                        break;
                    }
                }
                let byte = buffer[used];
                used += 1;
                let separator = lexer.depth == 1 && !lexer.in_string && byte == b',';
                let before = lexer.element;
                lexer.step(byte);
                if separator || lexer.depth == 0 {
                    next = Some((separator, before));
                    break;
                }
            }
            self.inner.consume(used);
            if let Some(found) = next {
                self.tripped = false;
                return Ok(found);
            }
        }
    }
}

impl Lexer {
    /// Advances over one byte.
    fn step(&mut self, byte: u8) {
        if byte == b'\n' {
            self.newlines += 1;
        }
        let was_in_string = self.in_string;
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if byte == b'\\' {
                self.escaped = true;
            } else if byte == b'"' {
                self.in_string = false;
            }
        } else {
            match byte {
                b'"' => self.in_string = true,
                b'[' | b'{' => self.depth += 1,
                b']' | b'}' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
        }
        let opens = self.depth == 1 && !was_in_string && matches!(byte, b'[' | b',');
        if opens {
            self.element = 0;
        } else if self.element == 0 && byte.is_ascii_whitespace() {
            // White space before an element is not part of it.
        } else if self.depth >= 1 || was_in_string {
            if self.element == 0 {
                self.element_line = self.newlines;
            }
            self.element += 1;
        }
    }

    /// Passes the bytes of `bytes` before its first `"` or `\\` inside an element's string (none
    /// of them can end the string or the element), as [`Lexer::step`] would one by one; returns
    /// how many it passed.
    fn pass_plain(&mut self, bytes: &[u8]) -> usize {
        let plain = bytes
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\')
            .unwrap_or(bytes.len());
        let passed = &bytes[..plain];
        self.newlines += passed.iter().filter(|&&byte| byte == b'\n').count();
        self.element += u64::try_from(plain).unwrap_or(u64::MAX);
        plain
    }

    /// Whether an element is open: one that ended on the last byte was read whole.
    fn inside_element(&self) -> bool {
        self.depth >= 2 || self.in_string
    }
}

impl<R: BufRead> Read for Guard<R> {
    /// Hands out bytes up to the one that takes an element over the limit, then fails until
    /// [`Guard::skip_element`] is called; bytes not handed out stay in `inner`.
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.tripped {
            return Err(io::Error::other("element over the byte limit"));
        }
        let buffer = self.inner.fill_buf()?;
        let mut given = 0;
        for (slot, &byte) in out.iter_mut().zip(buffer) {
            *slot = byte;
            given += 1;
            self.lexer.step(byte);
            if self.lexer.element > self.limit && self.lexer.inside_element() {
                self.tripped = true;
                break;
            }
        }
        self.inner.consume(given);
        Ok(given)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_element_trips_and_is_skipped_to_the_next_one() {
        let text = b"[{\"a\": \"x, ] }\"}, {\"b\": \"a long \\\" string\"},\n{\"c\": 1}]";
        let mut guard = Guard::new(&text[..], 16);
        let mut read = Vec::new();
        let error = guard.read_to_end(&mut read).expect_err("trips");
        assert_eq!(error.to_string(), "element over the byte limit");
        assert!(guard.tripped);
        // The first element (15 bytes) went through whole, the second up to its 17th byte.
        assert!(
            read.starts_with(b"[{\"a\": \"x, ] }\"}, {\"b\""),
            "{read:?}"
        );
        let (more, size) = guard.skip_element().expect("skips");
        assert_eq!((more, size), (true, 25));
        let mut rest = Vec::new();
        guard.read_to_end(&mut rest).expect("rest");
        assert_eq!(rest, b"\n{\"c\": 1}]");
        assert_eq!(guard.element_line(), 1);
    }

    #[test]
    fn the_last_element_skips_to_the_end_of_the_array() {
        let mut guard = Guard::new(&b"[[1, 2, 3, 4, 5]]"[..], 4);
        let mut read = Vec::new();
        assert!(guard.read_to_end(&mut read).is_err());
        assert_eq!(guard.skip_element().expect("skips"), (false, 15));
    }
}
