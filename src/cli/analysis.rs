//! The analysis subcommands: `analyze` (raw text, nothing stored), `countries`, `entities`
//! (counts over a query's articles) and `reanalyze` (recompute what is stored).

use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use anyhow::{Context, anyhow};
use serde_json::json;

use super::with_stdout;
use crate::analyze::{self, ANALYZER_VERSION, Analysis};
use crate::ingest::{analyze_article, decode};
use crate::query::Query;
use crate::store::Store;
use crate::untrusted::clean_line;

/// `kiosk analyze [FILE|-]`: analyses text without storing it. A first line standing alone
/// (a headline) counts as the title, which weighs more.
pub fn analyze_text(file: Option<&Path>, lang: Option<&str>, json: bool) -> anyhow::Result<()> {
    let bytes = match file {
        Some(path) if path != Path::new("-") => {
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            bytes
        }
    };
    let name = file.map_or_else(|| "<stdin>".to_string(), |path| path.display().to_string());
    let text = decode::decode(&bytes)
        .map_err(|error| anyhow!("{name}: {error}"))?
        .text;
    let title_len = headline_length(&text);
    let analysis = analyze::analyze(&text, title_len, lang);
    with_stdout(|out| {
        if json {
            super::json::write(&mut *out, &analysis)?;
            writeln!(out)
        } else {
            write_analysis(out, &analysis)
        }
    })
}

fn headline_length(text: &str) -> usize {
    match text.split_once('\n') {
        Some((first, rest)) if first.trim().len() < 300 && rest.starts_with(['\n', '\r']) => {
            first.len()
        }
        _ => 0,
    }
}

fn write_analysis(out: &mut dyn Write, analysis: &Analysis) -> std::io::Result<()> {
    writeln!(
        out,
        "language   {}",
        analysis.lang.as_deref().unwrap_or("unknown")
    )?;
    if let Some(cut) = &analysis.truncated {
        writeln!(
            out,
            "analysed   the first {} of {} bytes ([analysis] max_bytes in the config)",
            cut.analysed_bytes, cut.text_bytes
        )?;
    }
    writeln!(out, "countries")?;
    for country in &analysis.countries {
        let marker = if country.about { "about" } else { "mention" };
        writeln!(
            out,
            "  {}  {:<28} {:>5.2}  {:>3}×  {marker}",
            clean_line(&country.code),
            clean_line(&country.name),
            country.score,
            country.mentions
        )?;
    }
    writeln!(out, "entities")?;
    for entity in &analysis.entities {
        let country = entity.country.as_deref().unwrap_or("");
        writeln!(
            out,
            "  {:<12} {:<36} {country:<2} {:>3}×",
            entity.kind,
            clean_line(&entity.name),
            entity.count
        )?;
    }
    Ok(())
}

/// `kiosk countries [QUERY]`: each country with the number of matching articles about it.
pub fn countries(store: &Store, query: &Query, json: bool) -> anyhow::Result<()> {
    let counts = store.country_counts(query)?;
    with_stdout(|out| {
        for count in counts {
            let name = analyze::country_name(&count.code, "en").unwrap_or(&count.code);
            let shown_name = clean_line(name);
            if json {
                let row = json!({"code": count.code, "name": name, "articles": count.articles, "mentions": count.mentions});
                super::json::write(&mut *out, &row)?;
                writeln!(out)?;
            } else {
                writeln!(
                    out,
                    "{}  {shown_name:<32} {:>7} about  {:>7} naming",
                    clean_line(&count.code),
                    count.articles,
                    count.mentions
                )?;
            }
        }
        Ok(())
    })
}

/// `kiosk entities [QUERY]`: the people, organisations and places most cited by matching articles.
pub fn entities(
    store: &Store,
    query: &Query,
    kind: Option<crate::analyze::EntityKind>,
    limit: u64,
    json: bool,
) -> anyhow::Result<()> {
    let counts = store.entity_counts(query, kind, limit)?;
    with_stdout(|out| {
        for count in counts {
            if json {
                super::json::write(&mut *out, &count)?;
                writeln!(out)?;
            } else {
                let country = count.country.as_deref().unwrap_or("");
                writeln!(
                    out,
                    "{:<12} {:<40} {country:<2} {:>6} articles",
                    count.kind,
                    clean_line(&count.name),
                    count.articles
                )?;
            }
        }
        Ok(())
    })
}

/// `kiosk reanalyze [QUERY]`: recomputes the stored analysis of matching articles.
pub fn reanalyze(store: &mut Store, query: &Query) -> anyhow::Result<()> {
    let ids = store.ids(query)?;
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(ids.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    for chunk in ids.chunks(500) {
        let articles = chunk
            .iter()
            .map(|&id| store.load(id))
            .collect::<Result<Vec<_>, _>>()?;
        let writer = store.writer()?;
        for article in &articles {
            let summary = &article.summary;
            let analysis = analyze_article(&summary.title, &article.body, summary.lang.as_deref());
            writer.save_analysis(summary.id, &analysis)?;
            bar.inc(1);
        }
        writer.commit()?;
    }
    bar.finish_and_clear();
    eprintln!(
        "reanalysed {} articles (analyser version {ANALYZER_VERSION})",
        ids.len()
    );
    Ok(())
}
