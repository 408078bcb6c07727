//! The article model shared by every layer: plain data, no SQL, no terminal, no IO.

use serde::{Deserialize, Serialize};

/// Row id of an article in the store.
pub type ArticleId = i64;

/// An article as parsed by an importer, before it has an id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewArticle {
    pub external_id: Option<String>,
    pub title: String,
    /// Clean text shown to readers: paragraphs separated by one blank line, trailers removed.
    pub body: String,
    /// The text exactly as imported (decoded to UTF-8), trailers included.
    pub original: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// RFC 3339 UTC timestamp, `None` when unknown.
    pub published: Option<String>,
    /// ISO 639-1 code.
    pub lang: Option<String>,
}

/// The fields a list row needs; cheap to load by the screenful.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub external_id: Option<String>,
    pub title: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    /// ISO 3166-1 alpha-2 codes of the countries the article is about, most relevant first.
    pub countries: Vec<String>,
    pub read: bool,
    pub starred: bool,
}

/// A whole stored article, loaded only when it is opened.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    pub summary: ArticleSummary,
    pub body: String,
    pub original: String,
    pub author: Option<String>,
    pub imported_at: String,
}

impl Article {
    pub fn id(&self) -> ArticleId {
        self.summary.id
    }

    /// Words in the clean body, for the sidebar.
    pub fn word_count(&self) -> usize {
        self.body.split_whitespace().count()
    }
}
