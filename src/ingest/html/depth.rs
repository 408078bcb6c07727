//! Flattening HTML nested too deep, in one linear pass before html5ever parses it. The pass
//! keeps a model of html5ever's stack of open elements that errs upwards only: where it is not
//! sure that html5ever closes an element (an end tag out of scope, a misnested one) it keeps it
//! open. So once the model is full, no opening tag that could deepen html5ever's stack passes.

use std::borrow::Cow;
use std::collections::HashMap;

use elements::{
    closes_p, is_block, is_formatting, is_raw_text, is_scope_boundary, is_special, is_table_part,
    is_void,
};
use tag::{Kind, Tag, raw_text_end};

mod elements;
mod tag;

/// `html` with every element deeper than `max_depth` flattened: its tags left out, its text kept.
pub fn flattened(html: &str, max_depth: usize) -> Cow<'_, str> {
    if html.bytes().filter(|&b| b == b'<').count() <= max_depth {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut open: Vec<String> = Vec::new();
    // Tags left out, by name, so that as many of their end tags are left out too.
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut at = 0;
    while let Some(found) = html[at..].find('<') {
        let start = at + found;
        out.push_str(&html[at..start]);
        let rest = &html[start..];
        let Some(tag) = Tag::read(rest) else {
            out.push('<');
            at = start + 1;
            continue;
        };
        at = start + tag.length;
        let text = &rest[..tag.length];
        match tag.kind {
            Kind::Other => out.push_str(text),
            Kind::End => {
                if let Some(count) = dropped.get_mut(&tag.name).filter(|count| **count > 0) {
                    *count -= 1;
                    continue;
                }
                close(&mut open, &tag.name);
                out.push_str(text);
            }
            Kind::Start { self_closing } => {
                let raw = is_raw_text(&tag.name);
                // Only asked when it matters: the model can hold MAX_DEPTH elements.
                let foreign = (raw || self_closing)
                    && open.iter().any(|name| name == "svg" || name == "math");
                if raw && !foreign {
                    let end = at + raw_text_end(&html[at..], &tag.name);
                    out.push_str(text);
                    out.push_str(&html[at..end]);
                    at = end;
                    continue;
                }
                close_implied(&mut open, &tag.name);
                if is_void(&tag.name) || (self_closing && foreign) {
                    out.push_str(text);
                } else if open.len() >= max_depth {
                    *dropped.entry(tag.name).or_default() += 1;
                } else {
                    open.push(tag.name);
                    out.push_str(text);
                }
            }
        }
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

/// A start tag of `name` closes an open `<p>` before a block, an open item before an item
/// (`<li>a<div>b<li>c`), and an element of its kind at the top (`<p>a<p>b`, cells, headings).
fn close_implied(open: &mut Vec<String>, name: &str) {
    if closes_p(name) {
        close(open, "p");
    }
    let items: &[&str] = match name {
        "li" => &["li"],
        "dd" | "dt" => &["dd", "dt"],
        _ => &[],
    };
    if !items.is_empty() {
        // html5ever walks down to the item, through anything but special elements other than
        // address, div and p.
        for index in (0..open.len()).rev() {
            let element = open[index].as_str();
            if items.contains(&element) {
                pop_to(open, index);
                break;
            }
            if is_special(element) && !matches!(element, "address" | "div" | "p") {
                break;
            }
        }
        return;
    }
    let closes: &[&str] = match name {
        "option" => &["option"],
        "td" | "th" => &["td", "th"],
        "tr" => &["td", "th", "tr"],
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => &["h1", "h2", "h3", "h4", "h5", "h6"],
        _ => &[],
    };
    while open
        .last()
        .is_some_and(|top| closes.contains(&top.as_str()))
    {
        open.pop();
        if name != "tr" {
            break;
        }
    }
}

/// An end tag: closes its element, and those opened after it, where html5ever surely would.
fn close(open: &mut Vec<String>, name: &str) {
    let Some(index) = open.iter().rposition(|open| open == name) else {
        return;
    };
    let passed = &open[index + 1..];
    let stops_at = |set: fn(&str) -> bool| passed.iter().any(|element| set(element));
    let closes_passed = if is_table_part(name) {
        open[..index].iter().any(|element| element == "table")
            && !passed
                .iter()
                .any(|element| matches!(element.as_str(), "html" | "table" | "template"))
    } else if is_block(name) {
        let list = name == "li" && stops_at(|element| matches!(element, "ol" | "ul"));
        let button = name == "p" && stops_at(|element| element == "button");
        !stops_at(is_scope_boundary) && !list && !button
    } else if is_special(name) {
        // `</form>`, `</body>` and the like: html5ever closes at most the element itself, and
        // what was inside a form stays inside it in the tree, as deep as before.
        return;
    } else {
        !stops_at(is_special)
    };
    if !closes_passed {
        return;
    }
    // Cells, captions, applets, marquees and objects mark where reconstruction stops.
    if matches!(
        name,
        "td" | "th" | "caption" | "applet" | "marquee" | "object"
    ) {
        open.truncate(index);
    } else {
        pop_to(open, index);
    }
}

/// Closes `open[index]` and everything after it but the formatting elements, which html5ever
/// reopens at the next text.
fn pop_to(open: &mut Vec<String>, index: usize) {
    let reopened: Vec<String> = open[index + 1..]
        .iter()
        .filter(|element| is_formatting(element))
        .cloned()
        .collect();
    open.truncate(index);
    open.extend(reopened);
}
