//! From a parsed draft to an article ready to store: text cleaned for a terminal, duplicates
//! and mis-decoded copies found, the source's repeated trailers cut, and the analysis.

use regex::RegexSet;

use super::{Draft, clean, repair};
use crate::article::NewArticle;
use crate::store::{StoreError, Writer};

/// A draft after cleaning rules, ready to be analysed and stored.
pub(super) struct Prepared {
    pub(super) article: NewArticle,
    pub(super) hash: String,
    /// Paragraphs this article made known trailers of its source.
    pub(super) newly_repeated: Vec<String>,
    /// Read and starred states brought from another reader (newsboat).
    pub(super) read: bool,
    pub(super) starred: bool,
    /// The stored copy, mis-decoded, that this one replaces.
    pub(super) replaces: Option<crate::article::ArticleId>,
}

/// A draft cleaned for a terminal and hashed: the part of preparing that needs no store, so
/// every core shares it.
pub(super) struct Cleaned {
    draft: Draft,
    hash: String,
    /// Hashes of the last [`clean::TAIL_PARAGRAPHS`] paragraphs, for the trailer statistics.
    tail_hashes: Vec<String>,
}

/// Cleans and hashes `draft`.
pub(super) fn clean_and_hash(draft: Draft) -> Cleaned {
    let draft = draft.cleaned();
    let hash = clean::content_hash(&draft.title, &draft.paragraphs);
    let tail = &draft.paragraphs[draft
        .paragraphs
        .len()
        .saturating_sub(clean::TAIL_PARAGRAPHS)..];
    let tail_hashes = tail.iter().map(|p| clean::paragraph_hash(p)).collect();
    Cleaned {
        draft,
        hash,
        tail_hashes,
    }
}

/// Applies duplicate checks and trailer rules to a cleaned draft (sequential: they read what
/// the articles before it wrote). `None` for an article already stored.
pub(super) fn prepare(
    writer: &Writer<'_>,
    trailers: &RegexSet,
    threshold: u32,
    cleaned: Cleaned,
) -> Result<Option<Prepared>, StoreError> {
    let Cleaned {
        draft,
        hash,
        tail_hashes: hashes,
    } = cleaned;
    let mut article = NewArticle {
        external_id: draft.external_id,
        title: draft.title,
        body: String::new(),
        original: draft.original,
        source: draft.source,
        url: draft.url,
        author: draft.author,
        published: draft.published,
        lang: draft.lang,
    };
    // A deleted article stays deleted: its tombstone outlives re-imports and refetches.
    if writer.deleted_as(&article, &hash)?.is_some() {
        return Ok(None);
    }
    let found = writer.find_duplicate(&article, &hash)?;
    let replaces = repair::damaged_copy(writer, found, &article, &draft.paragraphs, &hash)?;
    if let Some(id) = found.filter(|_| replaces.is_none()) {
        if draft.read || draft.starred {
            writer.mark(id, draft.read, draft.starred)?;
        }
        return Ok(None);
    }
    let paragraphs = draft.paragraphs;
    let mut newly_repeated = Vec::new();
    let mut repeated = std::collections::HashSet::new();
    if let Some(source) = &article.source {
        let tail = &paragraphs[paragraphs.len().saturating_sub(clean::TAIL_PARAGRAPHS)..];
        for ((paragraph, hash), count) in tail
            .iter()
            .zip(&hashes)
            .zip(writer.count_tail_paragraphs(source, &hashes)?)
        {
            if count >= threshold {
                repeated.insert(hash.clone());
            }
            if count == threshold {
                newly_repeated.push(paragraph.clone());
            }
        }
    }
    let is_repeated =
        |p: &str| !repeated.is_empty() && repeated.contains(&clean::paragraph_hash(p));
    let body_end = clean::trailer_start(&paragraphs, trailers, is_repeated);
    article.body = paragraphs[..body_end].join("\n\n");
    Ok(Some(Prepared {
        article,
        hash,
        newly_repeated,
        read: draft.read,
        starred: draft.starred,
        replaces,
    }))
}

/// The longest title kept, in characters: a title is a line of a list, and a megabyte "title"
/// (a broken export that put the body there) would cost the list and the analysis dearly. The
/// whole title stays in `original`.
pub const MAX_TITLE_CHARS: usize = 1000;

impl Draft {
    /// Cuts a title over [`MAX_TITLE_CHARS`] at the last space before the limit, with a warning.
    pub(super) fn cap_title(&mut self) {
        let Some((cut, _)) = self.title.char_indices().nth(MAX_TITLE_CHARS) else {
            return;
        };
        let head = &self.title[..cut];
        let end = head.rfind(char::is_whitespace).filter(|&at| at > cut / 2);
        let total = self.title.chars().count();
        self.title = format!("{}…", head[..end.unwrap_or(cut)].trim_end());
        self.warnings.push(format!(
            "title cut to {MAX_TITLE_CHARS} characters (it had {total})"
        ));
    }

    /// Every importer's text passes here: stored fields are safe for a terminal (escape
    /// sequences, controls and bidi overrides gone); only `original` keeps the raw text.
    fn cleaned(mut self) -> Self {
        use crate::untrusted::{clean_line, clean_text};
        let line = |text: String| clean_line(&text).trim().to_string();
        let optional = |text: Option<String>| text.map(line).filter(|text| !text.is_empty());
        self.title = line(self.title);
        self.source = optional(self.source);
        self.author = optional(self.author);
        self.paragraphs = (self.paragraphs.iter())
            .map(|paragraph| clean_text(paragraph).trim().to_string())
            .filter(|paragraph| !paragraph.is_empty())
            .collect();
        self
    }
}

/// Detects the language where none was declared (a text too bare to tell takes `usual`, its
/// source's usual language), and analyses: the costly, parallel part.
pub(super) fn analyse(article: &mut NewArticle, usual: Option<&str>) -> crate::analyze::Analysis {
    if article.lang.is_none() {
        let sample = format!("{}\n{}", article.title, article.body);
        article.lang = crate::analyze::detect_language_or(&sample, usual).map(str::to_string);
    }
    analyze_article(&article.title, &article.body, article.lang.as_deref())
}

/// Analyses an article as stored: the title, a blank line, then the clean body (offsets in the
/// analysis refer to that text).
pub fn analyze_article(title: &str, body: &str, lang: Option<&str>) -> crate::analyze::Analysis {
    let text = format!("{title}\n\n{body}");
    crate::analyze::analyze(&text, title.len(), lang)
}

/// A paragraph just became a known trailer of `source`: take it out of the bodies stored before.
pub(super) fn restrip_source(
    writer: &Writer<'_>,
    trailers: &RegexSet,
    threshold: u32,
    source: &str,
    paragraph: &str,
) -> Result<(), StoreError> {
    for (id, body) in writer.bodies_containing(source, paragraph)? {
        let paragraphs: Vec<String> = body.split("\n\n").map(str::to_string).collect();
        let mut counts = Vec::new();
        for candidate in &paragraphs {
            counts.push(writer.tail_paragraph_count(source, &clean::paragraph_hash(candidate))?);
        }
        let is_repeated = |p: &str| {
            paragraphs
                .iter()
                .position(|candidate| candidate == p)
                .is_some_and(|index| counts[index] >= threshold)
        };
        let end = clean::trailer_start(&paragraphs, trailers, is_repeated);
        if end < paragraphs.len() {
            let body = paragraphs[..end].join("\n\n");
            writer.set_body(id, &body)?;
            let (title, lang) = writer.title_and_lang(id)?;
            writer.save_analysis(id, &analyze_article(&title, &body, lang.as_deref()))?;
        }
    }
    Ok(())
}
