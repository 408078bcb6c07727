//! Import: files, folders and stdin become stored articles. Parsers per format live in `ingest/`
//! and are pure; this module walks inputs, applies cleaning rules and writes through the store.

use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use regex::RegexSet;

use crate::config::ImportConfig;
use crate::store::{InsertOutcome, Store, StoreError};

pub use prepare::analyze_article;
use prepare::{Prepared, analyse, prepare, restrip_source};

pub mod clean;
pub mod date;
pub mod decode;
pub mod feed;
pub mod format;
pub mod html;
pub mod json;
pub mod newsboat;
pub mod opml;
mod prepare;
mod readable;
mod repair;
pub mod sample;
mod subscribe;
pub mod text;

pub use format::Format;
pub use readable::story_paragraphs;

/// An article as a parser produced it, before cleaning rules and language detection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub original: String,
    pub external_id: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    /// Problems that did not stop the import (an unparseable date, an unknown front-matter key).
    pub warnings: Vec<String>,
    /// Where in its file the draft came from (`17` for line 17, `item 3`), empty for whole files.
    pub position: String,
    /// Read or starred in the reader it comes from (newsboat); applied to new and known articles.
    pub read: bool,
    pub starred: bool,
}

impl Draft {
    fn new(original: &str) -> Self {
        Self {
            original: original.to_string(),
            ..Self::default()
        }
    }

    fn set_date(&mut self, value: Option<&str>) {
        let Some(value) = value.filter(|value| !value.trim().is_empty()) else {
            return;
        };
        self.published = date::parse_date(value);
        if self.published.is_none() {
            self.warnings
                .push(format!("unrecognised date {value:?}, stored as unknown"));
        }
    }
}

/// One line of the import report: where (file, and line or item) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub location: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub duplicates: usize,
    pub skipped: Vec<Problem>,
    pub warnings: Vec<Problem>,
    /// Feed subscriptions added (from OPML files and newsboat's `urls` and `cache.db`).
    pub subscriptions: usize,
    /// Stored articles whose mis-decoded text (mojibake, U+FFFD) a clean copy replaced.
    pub repaired: usize,
}

impl ImportReport {
    /// The one-line summary printed after an import.
    pub fn summary(&self) -> String {
        let mut summary = format!(
            "added {}, duplicates {}, skipped {}",
            self.added,
            self.duplicates,
            self.skipped.len()
        );
        if self.repaired > 0 {
            summary.push_str(&format!(", repaired {}", self.repaired));
        }
        if self.subscriptions > 0 {
            summary.push_str(&format!(", feeds subscribed {}", self.subscriptions));
        }
        summary
    }
}

/// Where an input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

/// Told of each problem: `true` when the item was skipped, `false` for a warning.
type ProblemCallback<'a> = Box<dyn FnMut(&Problem, bool) + 'a>;

/// Told of each article stored or recognised as a duplicate, to show progress.
type ProgressCallback<'a> = Box<dyn FnMut() + 'a>;

/// Imports articles into a store under one configuration; reports problems as it goes.
pub struct Importer<'a> {
    store: &'a mut Store,
    trailers: RegexSet,
    repeated_threshold: u32,
    /// Called with each problem as soon as it is found, so long imports report early.
    on_problem: ProblemCallback<'a>,
    on_progress: ProgressCallback<'a>,
    /// What an article lacking them gets (`kiosk import --source NAME --lang CODE`).
    defaults: Defaults,
    pub report: ImportReport,
}

/// The source and language given for articles whose input names none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Defaults {
    pub source: Option<String>,
    pub lang: Option<String>,
}

impl<'a> Importer<'a> {
    /// An importer writing into `store`; fails when a configured trailer pattern is invalid.
    pub fn new(store: &'a mut Store, config: &ImportConfig) -> Result<Self, String> {
        Ok(Self {
            store,
            trailers: clean::trailer_patterns(&config.trailer_patterns)?,
            repeated_threshold: u32::try_from(config.repeated_paragraph_threshold.max(2))
                .unwrap_or(u32::MAX),
            on_problem: Box::new(|_, _| {}),
            on_progress: Box::new(|| {}),
            defaults: Defaults::default(),
            report: ImportReport::default(),
        })
    }

    /// Sets the source and language of articles whose input gives none; an article's own win.
    #[must_use]
    pub fn with_defaults(mut self, defaults: Defaults) -> Self {
        self.defaults = defaults;
        self
    }

    /// Sets the callback told of each skipped item (`true`) or warning (`false`).
    #[must_use]
    pub fn on_problem(mut self, callback: impl FnMut(&Problem, bool) + 'a) -> Self {
        self.on_problem = Box::new(callback);
        self
    }

    /// Sets the callback told of each article stored or recognised as a duplicate (the CLI
    /// ticks its progress bar; the importer draws nothing itself).
    #[must_use]
    pub fn on_progress(mut self, callback: impl FnMut() + 'a) -> Self {
        self.on_progress = Box::new(callback);
        self
    }

    /// Ends the import, handing back the store and the report.
    pub fn finish(self) -> ImportReport {
        self.report
    }

    /// Imports one input: a file, a folder (recursively) or standard input.
    pub fn import(&mut self, input: &Input) -> Result<(), StoreError> {
        match input {
            Input::Stdin => {
                let mut bytes = Vec::new();
                if let Err(error) = std::io::stdin().read_to_end(&mut bytes) {
                    self.skip("<stdin>", format!("cannot read: {error}"));
                    return Ok(());
                }
                self.import_bytes("<stdin>", None, &bytes, None)
            }
            Input::Path(path) if path.is_dir() => {
                for file in walk(path, &mut |location, message| self.skip(location, message)) {
                    self.import_file(&file)?;
                }
                Ok(())
            }
            Input::Path(path) => self.import_file(path),
        }
    }

    fn import_file(&mut self, path: &Path) -> Result<(), StoreError> {
        let location = path.display().to_string();
        if format_of(path) == Some(Format::NewsboatCache) || is_sqlite(path) {
            return self.import_newsboat_cache(&location, path);
        }
        match std::fs::read(path) {
            Ok(bytes) => self.import_bytes(&location, Some(path), &bytes, format_of(path)),
            Err(error) => {
                self.skip(&location, format!("cannot read: {error}"));
                Ok(())
            }
        }
    }

    /// Imports the bytes of one document; `path` gives defaults (source, date) to text files.
    pub fn import_bytes(
        &mut self,
        location: &str,
        path: Option<&Path>,
        bytes: &[u8],
        format: Option<Format>,
    ) -> Result<(), StoreError> {
        if bytes.starts_with(crate::store::SQLITE_MAGIC) {
            let why = "an SQLite database (a newsboat cache.db?) must be imported from a file path";
            self.skip(location, why.to_string());
            return Ok(());
        }
        let decoded = match decode::decode(bytes) {
            Ok(decoded) => decoded,
            Err(error) => {
                self.skip(location, error.to_string());
                return Ok(());
            }
        };
        let format = format::settle(format, &decoded.text);
        if let Some(note) = decoded.note.filter(|_| format != Format::Feed) {
            // A feed is decoded again by its parser, which may follow its XML declaration.
            self.warn(location, note);
        }
        let items: Vec<json::Item> = match format {
            Format::Json => {
                return json::parse_batches(&decoded.text, 1000, |items| {
                    self.store_items(location, items)
                });
            }
            Format::Text => {
                vec![text::parse(&decoded.text, path).map_err(|why| (String::new(), why))]
            }
            Format::Feed => return self.import_feed(location, bytes, None),
            Format::Html => return self.import_html(location, &decoded.text),
            Format::Opml => {
                self.import_opml(location, &decoded.text);
                return Ok(());
            }
            Format::NewsboatUrls => {
                self.import_urls(location, &decoded.text);
                return Ok(());
            }
            Format::NewsboatCache => {
                let why = "a newsboat cache.db must be imported from a file path";
                self.skip(location, why.to_string());
                return Ok(());
            }
        };
        self.store_items(location, items)
    }

    /// Stores one batch in one transaction. A batch that fails (a full disk) is rolled back
    /// whole, and so are its counts: the report then says what is stored.
    fn store_items(&mut self, location: &str, items: Vec<json::Item>) -> Result<(), StoreError> {
        let before = (self.report.added, self.report.duplicates);
        let stored = self.store_batch(location, items);
        if stored.is_err() {
            (self.report.added, self.report.duplicates) = before;
        }
        stored
    }

    fn store_batch(&mut self, location: &str, items: Vec<json::Item>) -> Result<(), StoreError> {
        let where_ = |at: &str| {
            if at.is_empty() {
                location.to_string()
            } else {
                format!("{location}:{}", at.trim_start_matches("line "))
            }
        };
        let mut drafts = Vec::new();
        for item in items {
            match item {
                Ok(mut draft) => {
                    draft.source = draft.source.or_else(|| self.defaults.source.clone());
                    draft.lang = draft.lang.or_else(|| self.defaults.lang.clone());
                    draft.cap_title();
                    drafts.push(draft);
                }
                Err((at, why)) => self.skip(&where_(&at), why),
            }
        }
        let writer = self.store.writer()?;
        let mut prepared = Vec::with_capacity(drafts.len());
        let mut batch_hashes = std::collections::HashSet::new();
        for draft in drafts {
            for warning in &draft.warnings {
                let problem = Problem {
                    location: where_(&draft.position),
                    message: warning.clone(),
                };
                (self.on_problem)(&problem, false);
                self.report.warnings.push(problem);
            }
            match prepare(&writer, &self.trailers, self.repeated_threshold, draft)? {
                Some(new) if batch_hashes.insert(new.hash.clone()) => prepared.push(new),
                _ => self.report.duplicates += 1,
            }
        }
        // Analysis is the costly part and needs nothing from the store: all cores share it.
        let analysed: Vec<_> = prepared
            .into_par_iter()
            .map(|mut new| {
                let analysis = analyse(&mut new.article);
                (new, analysis)
            })
            .collect();
        for (new, analysis) in analysed {
            let Prepared {
                article,
                hash,
                newly_repeated,
                read,
                starred,
                replaces,
            } = new;
            let outcome = match replaces {
                Some(id) if writer.replace(id, &article, &hash)? => {
                    writer.save_analysis(id, &analysis)?;
                    self.report.repaired += 1;
                    InsertOutcome::Duplicate(id)
                }
                Some(id) => {
                    self.report.duplicates += 1;
                    InsertOutcome::Duplicate(id)
                }
                // `insert` checks again: an earlier article of this batch may share its URL or id.
                None => match writer.insert(&article, &hash)? {
                    InsertOutcome::Added(id) => {
                        writer.save_analysis(id, &analysis)?;
                        self.report.added += 1;
                        InsertOutcome::Added(id)
                    }
                    duplicate @ InsertOutcome::Duplicate(_) => {
                        self.report.duplicates += 1;
                        duplicate
                    }
                },
            };
            if read || starred {
                let (InsertOutcome::Added(id) | InsertOutcome::Duplicate(id)) = outcome;
                writer.mark(id, read, starred)?;
            }
            if let Some(source) = &article.source {
                for paragraph in newly_repeated {
                    restrip_source(
                        &writer,
                        &self.trailers,
                        self.repeated_threshold,
                        source,
                        &paragraph,
                    )?;
                }
            }
            (self.on_progress)();
        }
        writer.commit()
    }

    fn skip(&mut self, location: &str, message: String) {
        let problem = Problem {
            location: location.to_string(),
            message,
        };
        (self.on_problem)(&problem, true);
        self.report.skipped.push(problem);
    }
}

use format::{format_of, is_sqlite, walk};

#[cfg(test)]
mod tests;
