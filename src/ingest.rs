//! Import: files, folders and stdin become stored articles. Parsers per format live in `ingest/`
//! and are pure; this module walks inputs, applies cleaning rules and writes through the store.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use regex::RegexSet;

use crate::config::ImportConfig;
use crate::store::{Store, StoreError};

pub use prepare::analyze_article;

mod batch;
pub mod clean;
pub mod date;
pub mod decode;
pub mod feed;
pub mod format;
pub mod html;
pub mod item_key;
pub mod json;
pub mod limits;
pub mod newsboat;
pub mod opml;
mod prepare;
mod readable;
mod repair;
pub mod sample;
mod stream;
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

impl Input {
    /// The name an article from this input goes by when it names no source: `stdin`, a
    /// folder's name, a file's stem (`reuters-2020.jsonl` → `reuters-2020`).
    pub fn name(&self) -> Option<String> {
        let path = match self {
            Self::Stdin => return Some("stdin".to_string()),
            Self::Path(path) if path.is_dir() => {
                // `.` and `..` have no name of their own: their real path has.
                let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
                return real
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned());
            }
            Self::Path(path) => path,
        };
        path.file_stem()
            .map(|stem| stem.to_string_lossy().trim().to_string())
            .filter(|stem| !stem.is_empty())
    }
}

/// Told of each problem: `true` when the item was skipped, `false` for a warning.
type ProblemCallback<'a> = Box<dyn FnMut(&Problem, bool) + 'a>;

/// Told how far the import has got, to show progress.
type ProgressCallback<'a> = Box<dyn FnMut(&Progress) + 'a>;

/// How far an import has got: what the progress callback is told after each article and each
/// committed batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Articles stored or recognised as duplicates so far.
    pub items: u64,
    /// Bytes of input read so far, over every input (compare with [`input_size`]).
    pub bytes: u64,
    /// Articles added and committed: a crash from here on loses none of them.
    pub committed: u64,
}

/// Articles parsed, analysed and written as one transaction (and the most held in memory).
pub const BATCH: usize = 1000;

/// Imports articles into a store under one configuration; reports problems as it goes.
pub struct Importer<'a> {
    store: &'a mut Store,
    trailers: RegexSet,
    repeated_threshold: u32,
    /// Called with each problem as soon as it is found, so long imports report early.
    on_problem: ProblemCallback<'a>,
    on_progress: ProgressCallback<'a>,
    progress: Progress,
    /// Bytes read, shared with the counting readers of streamed inputs.
    bytes: Arc<AtomicU64>,
    batch: usize,
    /// How many bytes one article and one file read whole may take.
    limits: limits::Limits,
    /// The most items held at once waiting for their batch (tests check it stays within one).
    peak_buffered: usize,
    /// What an article lacking them gets (`kiosk import --source NAME --lang CODE`).
    defaults: Defaults,
    /// The source of articles that name none and get none from `defaults`: the name of the
    /// input being imported (see [`Input::name`]).
    input_name: Option<String>,
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
            on_progress: Box::new(|_| {}),
            progress: Progress::default(),
            bytes: Arc::default(),
            batch: BATCH,
            limits: limits::Limits::from_config(config),
            peak_buffered: 0,
            defaults: Defaults::default(),
            input_name: None,
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

    /// Sets the callback told of the progress after each article stored or recognised as a
    /// duplicate and after each committed batch (the CLI draws its bar; the importer draws
    /// nothing itself).
    #[must_use]
    pub fn on_progress(mut self, callback: impl FnMut(&Progress) + 'a) -> Self {
        self.on_progress = Box::new(callback);
        self
    }

    /// Sets how many articles make one batch (one transaction, and the most held in memory).
    #[must_use]
    pub fn with_batch_size(mut self, batch: usize) -> Self {
        self.batch = batch.max(1);
        self
    }

    /// The most parsed items held at once waiting for their batch to be stored.
    pub fn peak_buffered(&self) -> usize {
        self.peak_buffered
    }

    /// Tells the progress callback of one more article done (stored or a duplicate).
    fn tick(&mut self) {
        self.progress.items += 1;
        self.tell_progress();
    }

    fn tell_progress(&mut self) {
        tell(&mut self.on_progress, &mut self.progress, &self.bytes);
    }

    /// Ends the import, handing back the store and the report.
    pub fn finish(self) -> ImportReport {
        self.report
    }

    /// Imports one input: a file, a folder (recursively) or standard input. Articles that name
    /// no source, when no default source is set, get the input's name.
    pub fn import(&mut self, input: &Input) -> Result<(), StoreError> {
        self.input_name = input.name();
        let imported = self.import_input(input);
        self.input_name = None;
        imported
    }

    fn import_input(&mut self, input: &Input) -> Result<(), StoreError> {
        match input {
            Input::Stdin => self.import_reader("<stdin>", None, std::io::stdin().lock(), None),
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
            let size = std::fs::metadata(path).map_or(0, |meta| meta.len());
            self.bytes.fetch_add(size, Ordering::Relaxed);
            return self.import_newsboat_cache(&location, path);
        }
        match std::fs::File::open(path) {
            Ok(file) => self.import_reader(&location, Some(path), file, format_of(path)),
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
                let batch = self.batch;
                return json::parse_batches(&decoded.text, batch, |items| {
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

/// Tells `callback` of `progress` with the bytes read so far (apart from `Importer`, so a batch
/// holding the store's writer can call it).
fn tell(callback: &mut ProgressCallback<'_>, progress: &mut Progress, bytes: &AtomicU64) {
    progress.bytes = bytes.load(Ordering::Relaxed);
    callback(progress);
}

/// The bytes `inputs` hold (a folder's importable files counted), for a bar with an end;
/// `None` when one is standard input, whose size nobody knows.
pub fn input_size(inputs: &[Input]) -> Option<u64> {
    let size = |path: &Path| std::fs::metadata(path).map_or(0, |meta| meta.len());
    let mut total = 0;
    for input in inputs {
        total += match input {
            Input::Stdin => return None,
            Input::Path(path) if path.is_dir() => walk(path, &mut |_, _| {})
                .iter()
                .map(|file| size(file))
                .sum(),
            Input::Path(path) => size(path),
        };
    }
    Some(total)
}

#[cfg(test)]
mod tests;
