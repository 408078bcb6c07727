//! HTML to paragraphs of plain text through html2text, within bounds: the input is cut at
//! [`MAX_HTML_BYTES`] and elements nested deeper than [`MAX_DEPTH`] are flattened (their tags
//! dropped, their text kept) before html5ever sees them, since its tree building costs time
//! quadratic in the depth (100,000 nested `<div>`s took 71 s).

use std::cell::Cell;

mod depth;

/// HTML beyond this many bytes of one document (a feed item, a saved page) is not read.
pub const MAX_HTML_BYTES: usize = 2 * 1024 * 1024;

/// Elements open at once, at most; deeper ones are flattened into their ancestor at this depth.
pub const MAX_DEPTH: usize = 256;

thread_local! {
    static CONVERSIONS: Cell<usize> = const { Cell::new(0) };
}

/// How many HTML documents this thread has turned into text: tests check with it that a
/// refetched feed does not convert the items already stored.
pub fn conversions_on_this_thread() -> usize {
    CONVERSIONS.with(Cell::get)
}

/// HTML to paragraphs of plain text, entities decoded; with `footnotes`, links are listed at
/// the end as `[n]: url`.
pub fn paragraphs(html: &str, footnotes: bool) -> Vec<String> {
    if html.trim().is_empty() {
        return Vec::new();
    }
    CONVERSIONS.with(|count| count.set(count.get() + 1));
    let html = depth::flattened(cut(html), MAX_DEPTH);
    let text = html2text::config::plain_no_decorate()
        .link_footnotes(footnotes)
        .no_link_wrapping()
        .string_from_read(html.as_bytes(), 100_000)
        .unwrap_or_else(|_| html.to_string());
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs
}

/// The first [`MAX_HTML_BYTES`] of `html`, ended before the last tag that would be cut open.
fn cut(html: &str) -> &str {
    if html.len() <= MAX_HTML_BYTES {
        return html;
    }
    let mut end = MAX_HTML_BYTES;
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let head = &html[..end];
    match head.rfind('<') {
        Some(open) if !head[open..].contains('>') => &head[..open],
        _ => head,
    }
}

#[cfg(test)]
mod tests;
