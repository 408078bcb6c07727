//! Full article text: an article's web page downloaded under the feeds' HTTP rules (http(s)
//! only, redirects included, the same timeout and size cap), its story stored as the body (the
//! feed's text stays in `original`), indexed and analysed again.

use super::http::{Client, Fetched, Validators};
use crate::article::ArticleId;
use crate::ingest::{self, Format, decode, format};
use crate::store::Store;
use crate::untrusted::clean_text;

/// What a stored full text holds, for the message that says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stored {
    pub paragraphs: usize,
    pub words: usize,
}

impl std::fmt::Display for Stored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "full text stored: {} paragraphs, {} words",
            self.paragraphs, self.words
        )
    }
}

/// Downloads the page at `url` and extracts its story (`title` is the article's, left out when
/// the story opens with it). Errors are one sentence.
pub fn download(client: &Client, url: &str, title: &str) -> Result<Vec<String>, String> {
    let (bytes, final_url, content_type) = match client.get(url, &Validators::default())? {
        Fetched::Body {
            bytes,
            final_url,
            content_type,
            ..
        } => (bytes, final_url, content_type),
        Fetched::NotModified => return Err("the server answered 304 to a plain request".into()),
    };
    if !is_html(&bytes, content_type.as_deref()) {
        let kind = content_type.as_deref().unwrap_or("no content type");
        return Err(format!(
            "not a web page ({})",
            crate::untrusted::clean_line(kind)
        ));
    }
    let text = decode::decode(&bytes)
        .map_err(|error| error.to_string())?
        .text;
    ingest::story_paragraphs(&text, &final_url, title)
}

/// A body that is HTML: said by its type, or, with none, by its first element.
fn is_html(bytes: &[u8], content_type: Option<&str>) -> bool {
    match content_type {
        Some(kind) => kind.to_ascii_lowercase().contains("html"),
        None => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
            format::settle(None, &head) == Format::Html
        }
    }
}

/// Downloads the page of article `id` and stores its story as the body, in place of the feed's
/// summary, when it holds more text; errors (one sentence) leave the article as it was.
pub fn fetch_article(store: &mut Store, client: &Client, id: ArticleId) -> Result<Stored, String> {
    let article = store.load(id).map_err(|error| error.to_string())?;
    let url = (article.summary.url.as_deref())
        .filter(|url| !url.trim().is_empty())
        .ok_or("the article has no link to download")?;
    let title = &article.summary.title;
    let paragraphs: Vec<String> = download(client, url, title)?
        .iter()
        .map(|paragraph| clean_text(paragraph).trim().to_string())
        .filter(|paragraph| !paragraph.is_empty())
        .collect();
    let body = paragraphs.join("\n\n");
    let words = body.split_whitespace().count();
    if words <= article.word_count() {
        return Err(format!(
            "the page's story ({words} words) is no longer than the stored text: kept it"
        ));
    }
    let lang = article.summary.lang.clone().or_else(|| {
        crate::analyze::detect_language(&format!("{title}\n{body}")).map(str::to_string)
    });
    let analysis = ingest::analyze_article(title, &body, lang.as_deref());
    let stored = (|| {
        let writer = store.writer()?;
        writer.set_body(id, &body)?;
        writer.save_analysis(id, &analysis)?;
        writer.commit()
    })();
    stored.map_err(|error| error.to_string())?;
    Ok(Stored {
        paragraphs: paragraphs.len(),
        words,
    })
}

/// The sentence for a full text not stored: the summary stays.
pub fn failure(url: Option<&str>, why: &str) -> String {
    match url {
        Some(url) => format!(
            "full text of {} not stored, the summary stays: {why}",
            crate::untrusted::clean_line(url)
        ),
        None => format!("full text not stored, the summary stays: {why}"),
    }
}
