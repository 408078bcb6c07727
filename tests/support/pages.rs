//! A news site on 127.0.0.1 for the full-text tests: an RSS feed whose items carry one-sentence
//! summaries, article pages with navigation, ads and comments around the story, and pages that
//! must be refused (too big, not HTML, a redirect to `file://`).

#![allow(dead_code)] // Each test binary uses a different part of this helper.

use super::server::{self, Response};

/// The sentence every story holds and no summary does.
pub const STORY: &str = "The minister said in Niamey that the new bridge over the Niger";

/// Words of the page around the story that no body may keep.
pub const NOISE: [&str; 4] = [
    "Subscribe to our",
    "Cheap flights",
    "First comment",
    "Sport",
];

/// An article page: navigation, an ad, the story, comments and a footer.
pub fn page(index: usize) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Bridge {index} opens</title></head><body>\
         <header><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a>\
         <a href='/subscribe'>Subscribe to our newsletter</a></nav></header>\
         <aside class='ad sponsored'>Cheap flights to Dakar, book today!</aside>\
         <main><article><h1>Bridge {index} opens</h1>\
         <p>{STORY} would open to traffic on Monday, after three years of work that kept \
         the two banks of the city apart for longer than anyone had planned.</p>\
         <p>Traders from the markets of the left bank said the crossing would halve the time \
         it takes to bring vegetables to the capital, and lower the prices people pay.</p>\
         <p>The bridge, number {index} on the river, was paid for by the state and by a loan \
         that the finance ministry said it would repay over twenty years.</p></article></main>\
         <section class='comments' id='comments'><h2>Comments</h2>\
         <div class='comment'>First comment! Nice bridge.</div></section>\
         <footer>© The Paper. All rights reserved.</footer></body></html>"
    )
}

/// An RSS feed titled `title` of `count` items linking to `/story/N`, one sentence each.
pub fn feed(base: &str, title: &str, count: usize) -> String {
    let mut text = format!("<rss version=\"2.0\"><channel><title>{title}</title>\n");
    for index in 0..count {
        text.push_str(&format!(
            "<item><title>Bridge {index} opens</title><guid>bridge-{index}</guid>\
             <link>{base}/story/{index}</link>\
             <pubDate>Mon, 01 Jan 2024 0{index}:00:00 GMT</pubDate>\
             <description>A bridge opens.</description></item>\n"
        ));
    }
    text.push_str("</channel></rss>\n");
    text
}

/// Starts the site: `/feed.xml` (2 items), `/story/N`, `/big` (3 MB), `/pdf`, `/to-file`.
pub fn start() -> String {
    let base = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let known = std::sync::Arc::clone(&base);
    let url = server::start(move |request| {
        let base = known.get().cloned().unwrap_or_default();
        let html = |body: String| Response::new(200, body).with("Content-Type", "text/html");
        match request.path.as_str() {
            "/feed.xml" => Response::new(200, feed(&base, "The Paper", 2))
                .with("Content-Type", "application/rss+xml"),
            path if path.starts_with("/story/") => {
                html(page(path["/story/".len()..].parse().unwrap_or(0)))
            }
            "/big" => html(format!(
                "<html><body>{}</body></html>",
                "<p>word</p>".repeat(300_000)
            )),
            "/pdf" => {
                Response::new(200, "%PDF-1.4 not a page").with("Content-Type", "application/pdf")
            }
            "/to-file" => Response::new(302, "").with("Location", "file:///etc/passwd"),
            _ => Response::new(404, "not found"),
        }
    });
    base.set(url.clone()).expect("set once");
    url
}
