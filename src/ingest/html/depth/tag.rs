//! Reading one tag, comment or declaration as html5ever's tokenizer would: its kind, name and
//! length, quoted attribute values included.

/// Where raw text opened by `<name>` ends: at its `</name` followed by a space, `/` or `>`.
pub fn raw_text_end(text: &str, name: &str) -> usize {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("</") {
        let at = from + found;
        let after = at + 2 + name.len();
        if bytes.len() >= after
            && bytes[at + 2..after].eq_ignore_ascii_case(name.as_bytes())
            && bytes
                .get(after)
                .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        {
            return at;
        }
        from = at + 2;
    }
    text.len()
}

#[derive(Debug, PartialEq, Eq)]
pub enum Kind {
    Start {
        self_closing: bool,
    },
    End,
    /// A comment, doctype or processing instruction.
    Other,
}

#[derive(Debug)]
pub struct Tag {
    pub kind: Kind,
    /// Lower case, as html5ever names elements.
    pub name: String,
    /// Bytes from `<` to `>` included (to the end of the text when unterminated).
    pub length: usize,
}

impl Tag {
    /// The markup `text` (starting with `<`) opens with; `None` when `<` is only text.
    pub fn read(text: &str) -> Option<Tag> {
        let bytes = text.as_bytes();
        let other = |length: usize| Tag {
            kind: Kind::Other,
            name: String::new(),
            length,
        };
        if text.starts_with("<!--") {
            // `<!-->` and `<!--->` are whole comments; `--!>` ends one too.
            let end = [
                text[2..].find("-->").map(|at| at + 5),
                text[2..].find("--!>").map(|at| at + 6),
            ]
            .into_iter()
            .flatten()
            .min();
            return Some(other(end.unwrap_or(text.len())));
        }
        if text.starts_with("<!") || text.starts_with("<?") {
            return Some(other(text.find('>').map_or(text.len(), |at| at + 1)));
        }
        let (kind_end, name_start) = if text.starts_with("</") {
            (true, 2)
        } else {
            (false, 1)
        };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let name_end = bytes[name_start..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .map_or(bytes.len(), |at| name_start + at);
        let (length, self_closing) = attributes_end(bytes, name_end);
        Some(Tag {
            kind: if kind_end {
                Kind::End
            } else {
                Kind::Start { self_closing }
            },
            name: text[name_start..name_end].to_ascii_lowercase(),
            length,
        })
    }
}

/// Reads attributes from `from` to the tag's `>`, quoted values included: the tag's length, and
/// whether it ends with `/>` (a `/` ending an unquoted value is part of the value).
fn attributes_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut at = from;
    let mut unquoted_value = false;
    while at < bytes.len() {
        match bytes[at] {
            b'>' => {
                let self_closing = !unquoted_value && at > from && bytes[at - 1] == b'/';
                return (at + 1, self_closing);
            }
            b if unquoted_value && b.is_ascii_whitespace() => unquoted_value = false,
            b'=' if !unquoted_value => {
                at += 1;
                while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
                    at += 1;
                }
                match bytes.get(at) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let close = bytes[at + 1..].iter().position(|&b| b == quote);
                        match close {
                            Some(close) => at += close + 1,
                            None => return (bytes.len(), false),
                        }
                    }
                    Some(b'>') => continue,
                    Some(_) => unquoted_value = true,
                    None => {}
                }
            }
            _ => {}
        }
        at += 1;
    }
    (bytes.len(), false)
}
