//! Fetching subscribed feeds over HTTP(S), several at a time on std threads, each with its own
//! [`Store`]. Blocking by design: the CLI calls [`fetch_all`] directly, the TUI from a thread.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::config::{FeedConfig, ImportConfig};
use crate::ingest::{Format, Importer, format};
use crate::store::{NewSubscription, Store, StoreError, Subscription};

pub mod discover;
pub mod full_text;
pub mod http;
mod lock;

pub use http::{Client, Fetched, HttpOptions, Validators};
pub use lock::FetchLock;

/// How to fetch: HTTP limits and how many feeds at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    pub http: HttpOptions,
    pub threads: usize,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            http: HttpOptions::default(),
            threads: 8,
        }
    }
}

/// How one feed's fetch ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedResult {
    pub name: String,
    pub url: String,
    /// The error is one sentence, without the feed's name (callers add it).
    pub outcome: Result<Updated, String>,
}

/// A successful fetch; all zero when the server answered 304 Not Modified.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Updated {
    pub not_modified: bool,
    pub added: usize,
    pub duplicates: usize,
    /// Items of the feed that could not be stored, each with its reason.
    pub skipped: Vec<String>,
    /// New items whose page's story became their body (feeds with `full_text`).
    pub full_text: usize,
    /// Why the other new items' pages did not, one sentence each (their summaries stay).
    pub full_text_failed: Vec<String>,
}

impl std::fmt::Display for FeedResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.outcome {
            Ok(updated) if updated.not_modified => write!(f, "{}: not modified", self.name),
            Ok(updated) => {
                write!(
                    f,
                    "{}: added {}, duplicates {}, skipped {}",
                    self.name,
                    updated.added,
                    updated.duplicates,
                    updated.skipped.len()
                )?;
                if updated.full_text + updated.full_text_failed.len() > 0 {
                    write!(f, ", full text {}", updated.full_text)?;
                }
                for failed in &updated.full_text_failed {
                    write!(f, "\n  {failed}")?;
                }
                Ok(())
            }
            Err(error) => write!(f, "{}: failed: {error} ({})", self.name, self.url),
        }
    }
}

/// Fetches `feeds` into the store at `store_path`, `options.threads` at a time. `on_result` is
/// called on the calling thread as each feed finishes; the results come back in the order they
/// finished. One feed failing never stops the others; each worker opens its own [`Store`].
///
/// For the TUI's `F` key (not built here): `Env::perform(Effect::FetchFeeds)` spawns one std
/// thread that opens a `Store`, calls [`subscribe_configured`] and `store.feeds()`, then calls
/// `fetch_all(path, &config.import, &feeds, &FetchOptions::default(), |r| tx.send(..))`, sending
/// an `Action::FeedFetched { done, total, line: r.to_string(), added }` per feed and a final
/// `Action::FetchDone`; the loop polls with `event::poll(timeout)` + `try_recv()` and, on each
/// action with `added > 0`, reloads the list page from its own `Store` (WAL lets it read while
/// the workers write).
pub fn fetch_all(
    store_path: &Path,
    import: &ImportConfig,
    feeds: &[Subscription],
    options: &FetchOptions,
    mut on_result: impl FnMut(&FeedResult),
) -> Vec<FeedResult> {
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    let mut results = Vec::with_capacity(feeds.len());
    std::thread::scope(|scope| {
        for _ in 0..options.threads.clamp(1, feeds.len().max(1)) {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                let client = Client::new(options.http.clone());
                let mut store = Store::open(store_path);
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(feed) = feeds.get(index) else { break };
                    let outcome = match &mut store {
                        Ok(store) => fetch_one(store, &client, import, feed),
                        Err(error) => Err(error.to_string()),
                    };
                    let result = FeedResult {
                        name: feed.name.clone(),
                        url: feed.url.clone(),
                        outcome,
                    };
                    if sender.send(result).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for result in receiver {
            on_result(&result);
            results.push(result);
        }
    });
    results
}

/// Fetches one feed into `store`, recording validators or the error on its subscription.
pub fn fetch_one(
    store: &mut Store,
    client: &Client,
    import: &ImportConfig,
    feed: &Subscription,
) -> Result<Updated, String> {
    let outcome = download_and_import(store, client, import, feed);
    let recorded = match &outcome {
        Ok(_) => Ok(()),
        Err(error) => store.record_fetch_error(feed.id, error),
    };
    recorded.map_err(|error| error.to_string())?;
    outcome
}

fn download_and_import(
    store: &mut Store,
    client: &Client,
    import: &ImportConfig,
    feed: &Subscription,
) -> Result<Updated, String> {
    let validators = Validators {
        etag: feed.etag.clone(),
        last_modified: feed.last_modified.clone(),
    };
    let (bytes, mut validators) = match client.get(&feed.url, &validators)? {
        Fetched::NotModified => {
            store
                .record_fetch(feed.id, None, None, None)
                .map_err(|e| e.to_string())?;
            return Ok(Updated {
                not_modified: true,
                ..Updated::default()
            });
        }
        Fetched::Body {
            bytes,
            final_url,
            content_type,
            validators,
        } => {
            if is_web_page(&bytes, content_type.as_deref()) {
                let page = String::from_utf8_lossy(&bytes);
                let Some(link) = discover::feed_links(&page, &final_url).into_iter().next() else {
                    return Err("a web page that names no feed (no <link rel=alternate>)".into());
                };
                match client.get(&link, &Validators::default())? {
                    Fetched::Body {
                        bytes, validators, ..
                    } => {
                        store
                            .set_feed_url(feed.id, &link)
                            .map_err(|e| e.to_string())?;
                        (bytes, validators)
                    }
                    Fetched::NotModified => return Err(format!("{link}: unexpected 304")),
                }
            } else {
                (bytes, validators)
            }
        }
    };
    let before = store.last_article_id().map_err(|e| e.to_string())?;
    let mut importer = Importer::new(store, import)?;
    let title = importer
        .import_feed_document(&feed.url, &bytes, Some(&feed.name))
        .map_err(|error| error.to_string())??;
    let report = importer.finish();
    if report.added + report.duplicates == 0 && !report.skipped.is_empty() {
        // Nothing usable: keep no validators so the next fetch tries the whole feed again.
        validators = Validators::default();
    }
    store
        .record_fetch(
            feed.id,
            validators.etag.as_deref(),
            validators.last_modified.as_deref(),
            title.as_deref(),
        )
        .map_err(|e| e.to_string())?;
    let renamed = match &title {
        Some(title) => store.name_by_title(feed.id, title),
        None => Ok(None),
    };
    let source = renamed
        .map_err(|e| e.to_string())?
        .unwrap_or(feed.name.clone());
    let mut updated = Updated {
        not_modified: false,
        added: report.added,
        duplicates: report.duplicates,
        skipped: report.skipped.iter().map(ToString::to_string).collect(),
        ..Updated::default()
    };
    if feed.full_text {
        let fresh = store
            .articles_after(before, &source)
            .map_err(|e| e.to_string())?;
        for (id, url) in fresh {
            match full_text::fetch_article(store, client, id) {
                Ok(_) => updated.full_text += 1,
                Err(why) => {
                    (updated.full_text_failed).push(full_text::failure(url.as_deref(), &why))
                }
            }
        }
    }
    Ok(updated)
}

/// A body that is HTML rather than a feed: said by its type, or by its first element.
fn is_web_page(bytes: &[u8], content_type: Option<&str>) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let said_html = content_type.is_some_and(|kind| kind.to_ascii_lowercase().contains("html"));
    let looks_html = format::settle(None, &head) == Format::Html;
    looks_html
        || (said_html
            && !["<rss", "<feed", "<rdf:RDF"]
                .iter()
                .any(|root| head.contains(root)))
}

/// Makes sure every `[[feeds]]` entry of the config is subscribed; returns how many were added.
pub fn subscribe_configured(store: &Store, feeds: &[FeedConfig]) -> Result<usize, StoreError> {
    let mut added = 0;
    for feed in feeds {
        let new = NewSubscription {
            url: feed.url.clone(),
            name: feed.name.clone(),
            tags: feed.tags.clone(),
            title: None,
            full_text: feed.full_text,
        };
        if matches!(store.add_feed(&new)?, crate::store::AddOutcome::Added(_)) {
            added += 1;
        }
    }
    Ok(added)
}
