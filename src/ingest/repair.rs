//! A stored copy damaged by a wrong decoding must not block the clean copy as a duplicate: the
//! importer replaces it (and analyses it again) instead of counting the clean one as known.

use super::{clean, decode};
use crate::article::{ArticleId, NewArticle};
use crate::store::{StoreError, Writer};
use crate::untrusted::{clean_line, clean_text};

/// The stored article the incoming clean copy should replace: `found` (the duplicate by id,
/// URL or content) or the article stored with the hash of the Windows-1252 misreading of the
/// incoming text, when that copy looks mis-decoded and the incoming one does not.
pub fn damaged_copy(
    writer: &Writer<'_>,
    found: Option<ArticleId>,
    article: &NewArticle,
    paragraphs: &[String],
    hash: &str,
) -> Result<Option<ArticleId>, StoreError> {
    let incoming_clean = !decode::looks_mis_decoded(&article.title)
        && !paragraphs.iter().any(|p| decode::looks_mis_decoded(p));
    if !incoming_clean {
        return Ok(None);
    }
    let candidate = match found {
        Some(id) => Some(id),
        None => match misread_hash(&article.title, paragraphs) {
            Some(misread) => writer.with_content_hash(&misread)?,
            None => None,
        },
    };
    let Some(id) = candidate else {
        return Ok(None);
    };
    if writer.with_content_hash(hash)? == Some(id) {
        return Ok(None);
    }
    let (title, body) = writer.title_and_body(id)?;
    let damaged = decode::looks_mis_decoded(&title) || decode::looks_mis_decoded(&body);
    Ok(damaged.then_some(id))
}

/// The content hash the text would have had if its file had been read as Windows-1252 (and
/// cleaned as every draft is); `None` for ASCII text, which reads the same either way.
fn misread_hash(title: &str, paragraphs: &[String]) -> Option<String> {
    if title.is_ascii() && paragraphs.iter().all(|p| p.is_ascii()) {
        return None;
    }
    let title = clean_line(&decode::as_mojibake(title)).trim().to_string();
    let paragraphs: Vec<String> = paragraphs
        .iter()
        .map(|p| clean_text(&decode::as_mojibake(p)).trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    Some(clean::content_hash(&title, &paragraphs))
}
