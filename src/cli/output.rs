//! What the read-only subcommands print: human tables and the JSON shapes of DESIGN.md.

use serde_json::{Value, json};

use super::with_stdout;
use crate::article::ArticleSummary;
use crate::query::Query;
use crate::store::{SortOrder, Store};
use crate::untrusted::{clean_column, clean_line, clean_text};

/// `kiosk list`: one line (or one JSON object) per matching article.
pub fn list(
    store: &Store,
    query: &Query,
    sort: crate::store::Sort,
    limit: Option<u64>,
    json: bool,
) -> anyhow::Result<()> {
    // Tags are read once for the whole list, not once per article.
    let tags = if json {
        store.tag_index()?
    } else {
        crate::store::TagIndex::default()
    };
    with_stdout(|out| {
        store
            .each_summary(query, sort, limit, |summary| {
                if json {
                    let tags = tags.tags(summary.id, summary.source.as_deref());
                    super::json::write(
                        &mut *out,
                        &Listed {
                            summary: &summary,
                            tags,
                        },
                    )?;
                    writeln!(out)
                } else {
                    writeln!(out, "{}", list_line(&summary))
                }
            })
            .map_err(std::io::Error::other)?
    })
}

/// The list object of DESIGN.md, its fields in their order, then `tags`.
#[derive(serde::Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    summary: &'a ArticleSummary,
    tags: Vec<String>,
}

/// The summary as a JSON object with `tags` added.
fn with_tags(summary: &ArticleSummary, tags: Vec<String>) -> Value {
    let mut object = serde_json::to_value(summary).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut object {
        map.insert("tags".into(), json!(tags));
    }
    object
}

fn list_line(summary: &ArticleSummary) -> String {
    let date = summary.published.as_deref().map_or("          ", day);
    // Cleaned before it is cut: a cut must never leave an escape sequence open.
    let source = clean_column(summary.source.as_deref().unwrap_or("-"), 14);
    format!(
        "{:>6}  {date}  {source:<14}  {:<8}  {}{}",
        summary.id,
        summary.countries.join(" "),
        if summary.starred { "* " } else { "" },
        clean_line(&summary.title)
    )
}

/// The `YYYY-MM-DD` start of a stored date; the whole text when its 10th byte is not a
/// character boundary (a date stored by another program can hold anything).
fn day(date: &str) -> &str {
    date.get(..10).unwrap_or(date)
}

/// `kiosk show ID`: the article, as text or as the list object plus body, original and analysis.
pub fn show(store: &Store, id: i64, json: bool) -> anyhow::Result<()> {
    let article = store.load(id)?;
    with_stdout(|out| {
        if json {
            let tags = store.tags_of(id).map_err(std::io::Error::other)?;
            let mut object = with_tags(&article.summary, tags);
            if let Value::Object(map) = &mut object {
                map.insert("author".into(), json!(article.author));
                map.insert("imported_at".into(), json!(article.imported_at));
                map.insert("body".into(), json!(article.body));
                map.insert("original".into(), json!(article.original));
                let stored = store.analysis_json(id).ok().flatten();
                let analysis: Value = stored
                    .as_ref()
                    .and_then(|(_, text)| serde_json::from_str(text).ok())
                    .unwrap_or_else(|| json!({"entities": [], "countries": []}));
                map.insert("entities".into(), analysis["entities"].clone());
                map.insert("countries".into(), analysis["countries"].clone());
                map.insert(
                    "analyzer_version".into(),
                    json!(stored.map(|(version, _)| version)),
                );
            }
            super::json::write_pretty(&mut *out, &object)?;
            writeln!(out)
        } else {
            let summary = &article.summary;
            writeln!(out, "{}", clean_line(&summary.title))?;
            let meta: Vec<&str> = [
                summary.source.as_deref(),
                summary.published.as_deref(),
                summary.lang.as_deref(),
                summary.url.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            writeln!(out, "{}\n", clean_line(&meta.join(" · ")))?;
            writeln!(out, "{}", clean_text(&article.body))
        }
    })
}

/// `kiosk export`: JSON Lines with the fields `import` reads.
pub fn export(store: &Store, query: &Query) -> anyhow::Result<()> {
    let mut ids = Vec::new();
    store
        .each_summary(query, SortOrder::Date, None, |summary| {
            ids.push(summary.id);
            Ok(())
        })?
        .map_err(anyhow::Error::from)?;
    with_stdout(|out| {
        for id in ids {
            let article = store.load(id).map_err(std::io::Error::other)?;
            let summary = article.summary;
            let mut object = json!({
                "title": summary.title,
                "body": article.body,
            });
            if let Value::Object(map) = &mut object {
                let optional = [
                    ("id", summary.external_id),
                    ("url", summary.url),
                    ("published", summary.published),
                    ("source", summary.source),
                    ("lang", summary.lang),
                    ("author", article.author),
                ];
                for (key, value) in optional {
                    if let Some(value) = value {
                        map.insert(key.into(), json!(value));
                    }
                }
            }
            super::json::write(&mut *out, &object)?;
            writeln!(out)?;
        }
        Ok(())
    })
}

/// `kiosk stats`.
pub fn stats(store: &Store, json: bool) -> anyhow::Result<()> {
    let stats = store.stats()?;
    with_stdout(|out| {
        if json {
            super::json::write_pretty(&mut *out, &stats)?;
            return writeln!(out);
        }
        writeln!(out, "store      {}", store.path().display())?;
        writeln!(
            out,
            "articles   {} ({} unread, {} starred)",
            stats.articles, stats.unread, stats.starred
        )?;
        writeln!(out, "sources    {}", stats.sources)?;
        let languages: Vec<String> = stats
            .languages
            .iter()
            .map(|(lang, n)| format!("{lang} {n}"))
            .collect();
        writeln!(out, "languages  {}", languages.join(", "))?;
        if let (Some(oldest), Some(newest)) = (&stats.oldest, &stats.newest) {
            writeln!(out, "dates      {} to {}", day(oldest), day(newest))?;
        }
        #[allow(clippy::cast_precision_loss)]
        let megabytes = stats.size_bytes as f64 / 1_048_576.0;
        writeln!(out, "size       {megabytes:.1} MB")
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_date_with_a_multi_byte_character_at_byte_ten_is_shown_whole() {
        // `stats` cut `&date[..10]`, which panicked inside 'é' (bytes 9..11).
        assert_eq!(super::day("2024-01-0é12"), "2024-01-0é12");
        assert_eq!(super::day("2024-01-05T10:00:00Z"), "2024-01-05");
        assert_eq!(super::day("2024"), "2024");
    }
}
