//! HTML to text within bounds: deep nesting flattened in linear time, long input cut, and
//! ordinary documents (however sloppy) converted as html2text alone would.

use super::depth::flattened;
use super::*;

fn nested(depth: usize, inner: &str) -> String {
    format!("{}{inner}{}", "<div>".repeat(depth), "</div>".repeat(depth))
}

#[test]
fn a_hundred_thousand_nested_divs_keep_their_text() {
    // 1.1 MB; html5ever alone took 71 s on it (release), quadratic in the depth.
    let html = nested(100_000, "<p>deep text</p>");
    let flat = flattened(&html, MAX_DEPTH);
    assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
    assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
    // Deeper than the cap, the paragraph is flattened: its tags go, its text stays.
    assert!(flat.contains("deep text"));
    assert!(!flat.contains("<p>"));
    assert_eq!(paragraphs(&html, true), ["deep text"]);
}

#[test]
fn nesting_within_the_cap_passes_unchanged() {
    let html = nested(MAX_DEPTH - 1, "<p>one</p><p>two</p>");
    assert_eq!(flattened(&html, MAX_DEPTH), html);
    assert_eq!(paragraphs(&html, true), ["one", "two"]);
    // Many elements one after another are not deep: a long sloppy page keeps its structure.
    for (open, unit, close) in [
        (
            "",
            "<p>para <b>bold</b><li>item<br>line<img src=x><div>block",
            "",
        ),
        ("<table>", "<tr><td>a<td>b", "</table>"),
        ("", "<div><span>x</div>", ""),
        (
            "",
            "<ul><li><p>one<li>two</ul><h2>head<h3>sub<dl><dt>a<dd><div>b</dl>",
            "",
        ),
    ] {
        let html = format!("{open}{}{close}", unit.repeat(2000));
        assert!(flattened(&html, MAX_DEPTH) == html, "{unit}");
    }
}

/// How deep html5ever nests the elements of `html`.
fn parsed_depth(html: &str) -> usize {
    let dom = html2text::config::plain()
        .parse_html(html.as_bytes())
        .expect("parses");
    let mut deepest = 0;
    // Cloned: dropping a node empties its descendants (rcdom's iterative drop).
    let mut pending = vec![(dom.document.clone(), 0)];
    while let Some((node, depth)) = pending.pop() {
        deepest = deepest.max(depth);
        pending.extend(
            node.children
                .borrow()
                .iter()
                .map(|c| (c.clone(), depth + 1)),
        );
    }
    deepest
}

#[test]
fn what_html5ever_builds_from_the_flattened_text_stays_shallow() {
    // Each unit repeated nests as deep as it repeats in html5ever: end tags it ignores (a
    // `<div>` or a table in the way, a cell outside a table, a form), formatting it reopens at
    // the next text, tags hidden from a naive scan (`<!-->` is a whole comment; a slash ending
    // an unquoted value does not close an SVG element).
    for unit in [
        "<div>",
        "<span><div></span>",
        "<div><table></div>",
        "<td><div></td>",
        "<form><div></form>",
        "<div><b x=1></div>x",
        "<b><div></b>",
        "<p><div><p>",
        "<!--><b>",
        "<a title='<x>' href=x/>",
        "<script>if (a <b) document.write('</div>')</script><i>",
        "<ul><li><div>",
        "<table><td>",
    ] {
        let html = unit.repeat(20_000);
        let depth = parsed_depth(&flattened(&html, MAX_DEPTH));
        // Tables imply a tbody and a row for each cell the model counts; html and body add 2.
        assert!(depth <= 2 * MAX_DEPTH + 2, "{unit}: {depth}");
    }
    let svg = format!("<svg>{}</svg>", "<g a=x/>".repeat(20_000));
    assert!(parsed_depth(&flattened(&svg, MAX_DEPTH)) <= 2 * MAX_DEPTH + 2);
}

#[test]
fn scripts_and_self_closing_svg_pass_whole() {
    let html = "<!-- <div> --><script>if (a <b) document.write('<div>')</script>x".repeat(1000);
    let flat = flattened(&html, MAX_DEPTH);
    assert_eq!(flat.matches("<script>").count(), 1000);
    assert!(flat.contains("document.write('<div>')"));
    let paths = format!("<svg>{}</svg>", "<path d='M0 0'/>".repeat(10_000));
    assert_eq!(flattened(&paths, MAX_DEPTH), paths);
}

#[test]
fn input_past_the_size_cap_is_cut_before_a_torn_tag() {
    let para = "<p>Le texte é.</p>";
    let html = para.repeat(MAX_HTML_BYTES / para.len() + 10);
    let kept = cut(&html);
    assert!(kept.len() <= MAX_HTML_BYTES && kept.len() > MAX_HTML_BYTES - para.len());
    assert!(
        kept.rfind('<') < kept.rfind('>'),
        "{}",
        &kept[kept.len() - 20..]
    );
    assert_eq!(paragraphs(&html, false).len(), kept.matches("<p>").count());
}

#[test]
fn conversions_are_counted_per_thread() {
    let before = conversions_on_this_thread();
    paragraphs("<p>one</p>", false);
    paragraphs("  ", false);
    assert_eq!(conversions_on_this_thread(), before + 1);
}
