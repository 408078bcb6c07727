//! Plain-text articles: an optional `---` front-matter block, a headline line, then paragraphs.
//! Without front matter, the folder names the source and a `YYYY-MM-DD` in the file name dates it.

use std::path::Path;

use super::Draft;
use super::clean::{paragraphs, sanitize};
use super::date::date_in_file_name;

/// Parses one text file into a draft article; `path` supplies defaults for source and date.
pub fn parse(text: &str, path: Option<&Path>) -> Result<Draft, String> {
    let mut draft = Draft::new(text);
    let mut rest = text.trim_start_matches('\u{feff}');
    if let Some((front, after)) = split_front_matter(rest) {
        for (number, line) in front.lines().enumerate() {
            let Some((key, value)) = line.split_once(':') else {
                if !line.trim().is_empty() {
                    draft.warnings.push(format!(
                        "front matter line {}: expected 'key: value'",
                        number + 2
                    ));
                }
                continue;
            };
            let value = unquote(value.trim());
            let value = (!value.is_empty()).then(|| sanitize(value));
            match key.trim().to_ascii_lowercase().as_str() {
                "title" => draft.title = value.unwrap_or_default(),
                "source" => draft.source = value,
                "url" | "link" => draft.url = value,
                "author" => draft.author = value,
                "lang" | "language" => draft.lang = value.map(|lang| lang.to_ascii_lowercase()),
                "id" => draft.external_id = value,
                "date" | "published" => draft.set_date(value.as_deref()),
                other => draft
                    .warnings
                    .push(format!("front matter: unknown key '{other}' ignored")),
            }
        }
        rest = after;
    }
    if draft.title.is_empty() {
        let trimmed = rest.trim_start();
        let (title, body) = trimmed.split_once('\n').unwrap_or((trimmed, ""));
        draft.title = sanitize(title);
        rest = body;
    }
    if draft.title.is_empty() {
        return Err("missing title (the first non-empty line is the title)".to_string());
    }
    draft.paragraphs = paragraphs(rest);
    if let Some(path) = path {
        if draft.source.is_none() {
            draft.source = path
                .parent()
                .and_then(Path::file_name)
                .map(|name| name.to_string_lossy().into_owned())
                .filter(|name| !name.is_empty() && name != "." && name != "..");
        }
        if draft.published.is_none() {
            draft.published = path
                .file_name()
                .and_then(|name| date_in_file_name(&name.to_string_lossy()));
        }
    }
    Ok(draft)
}

fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let after_open = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    // Cuts at `close` and past the 4 ASCII bytes found there: both char boundaries.
    let close = after_open.find("\n---")?;
    let front = &after_open[..close];
    let after = &after_open[close + 4..];
    let after = after.split_once('\n').map_or("", |(_, rest)| rest);
    Some((front, after))
}

fn unquote(value: &str) -> &str {
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_line_then_paragraphs_with_defaults_from_path() {
        let text = "\n  Niger : une rencontre à Niamey\n\nPremier paragraphe\nsur deux lignes.\n\nSecond.\n";
        let path = Path::new("/archive/Sahel Wire/2024-03-28-niamey.txt");
        let draft = parse(text, Some(path)).expect("parses");
        assert_eq!(draft.title, "Niger : une rencontre à Niamey");
        assert_eq!(
            draft.paragraphs,
            ["Premier paragraphe sur deux lignes.", "Second."]
        );
        assert_eq!(draft.source.as_deref(), Some("Sahel Wire"));
        assert_eq!(draft.published.as_deref(), Some("2024-03-28T00:00:00Z"));
        assert_eq!(draft.original, text);
    }

    #[test]
    fn front_matter_sets_metadata() {
        let text = "---\ntitle: \"Budget: the vote\"\nsource: Andes Daily\nurl: https://example.test/a\n\
                    date: 2024-05-02\nlang: EN\nauthor: Ana Ruiz\ncolour: red\n---\nThe lead.\n\nMore.";
        let draft = parse(text, Some(Path::new("x/2020-01-01-other.txt"))).expect("parses");
        assert_eq!(draft.title, "Budget: the vote");
        assert_eq!(draft.source.as_deref(), Some("Andes Daily"));
        assert_eq!(draft.url.as_deref(), Some("https://example.test/a"));
        assert_eq!(draft.published.as_deref(), Some("2024-05-02T00:00:00Z"));
        assert_eq!(draft.lang.as_deref(), Some("en"));
        assert_eq!(draft.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(draft.paragraphs, ["The lead.", "More."]);
        assert!(draft.warnings.iter().any(|w| w.contains("colour")));
    }

    #[test]
    fn a_bad_date_is_a_warning_not_a_failure() {
        let draft = parse("---\ndate: someday\n---\nTitle\n\nBody.", None).expect("parses");
        assert_eq!(draft.published, None);
        assert!(draft.warnings.iter().any(|w| w.contains("someday")));
    }

    #[test]
    fn no_title_is_an_error() {
        assert!(parse("---\nsource: X\n---\n", None).is_err());
    }
}
