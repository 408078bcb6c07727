//! `F` in the reader: fetches the subscribed feeds on a background thread with its own store
//! connection; progress comes back as status lines, new articles through the store's changes.

use std::path::PathBuf;
use std::sync::mpsc;

use crate::app::Action;
use crate::config::Config;
use crate::fetch::{self, FetchOptions};
use crate::store::Store;

use super::env::{FeedFetcher, FullTextFetcher};

/// A starter for full-text downloads into the store at `path`, each on a thread of its own with
/// its own connection: a slow site never holds up a key.
pub fn full_text_fetcher(path: PathBuf) -> FullTextFetcher {
    Box::new(move |id| {
        let (sender, receiver) = mpsc::channel();
        let path = path.clone();
        std::thread::spawn(move || {
            let result = Store::open(&path)
                .map_err(|error| error.to_string())
                .and_then(|mut store| {
                    let client = fetch::Client::new(fetch::HttpOptions::default());
                    let url = store.load(id).ok().and_then(|article| article.summary.url);
                    fetch::full_text::fetch_article(&mut store, &client, id)
                        .map(|stored| stored.to_string())
                        .map_err(|why| fetch::full_text::failure(url.as_deref(), &why))
                });
            let _ = sender.send(Action::FullTextDone { id, result });
        });
        receiver
    })
}

/// A starter for background fetches of the feeds in the store at `path` (and in the config).
pub fn fetcher(path: PathBuf, config: &Config) -> FeedFetcher {
    let import = config.import.clone();
    let configured = config.feeds.clone();
    Box::new(move || {
        let (sender, receiver) = mpsc::channel();
        let (path, import, configured) = (path.clone(), import.clone(), configured.clone());
        std::thread::spawn(move || {
            let report = |action| {
                let _ = sender.send(action);
            };
            let store = match Store::open(&path) {
                Ok(store) => store,
                Err(error) => return report(Action::Failed(format!("fetching feeds: {error}"))),
            };
            let feeds =
                fetch::subscribe_configured(&store, &configured).and_then(|_| store.feeds());
            let feeds = match feeds {
                Ok(feeds) if feeds.is_empty() => {
                    return report(Action::Info(
                        "no feeds yet: add one with `kiosk feeds add URL`".into(),
                    ));
                }
                Ok(feeds) => feeds,
                Err(error) => return report(Action::Failed(format!("fetching feeds: {error}"))),
            };
            drop(store);
            let _lock = fetch::FetchLock::acquire(&path, || {
                report(Action::Info(
                    "another kiosk fetch is running on this store: waiting for it to end…".into(),
                ));
            });
            let total = feeds.len();
            let (mut done, mut added, mut failed) = (0, 0, Vec::new());
            fetch::fetch_all(&path, &import, &feeds, &FetchOptions::default(), |result| {
                done += 1;
                match &result.outcome {
                    Ok(updated) => added += updated.added,
                    Err(error) => failed.push(format!("{}: {error}", result.name)),
                }
                report(Action::Info(format!(
                    "fetching feeds {done}/{total}: {added} new"
                )));
            });
            report(summary(total, added, &failed));
        });
        receiver
    })
}

/// The last status line of a fetch: an error line when any feed failed, naming the first.
fn summary(total: usize, added: usize, failed: &[String]) -> Action {
    match failed {
        [] => Action::Info(format!("fetched {total} feeds: {added} new articles")),
        [first, rest @ ..] => Action::Failed(format!(
            "fetched {total} feeds: {added} new articles; {} failed ({first}{})",
            failed.len(),
            if rest.is_empty() { "" } else { ", …" }
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_the_first_failure() {
        assert_eq!(
            summary(3, 12, &[]),
            Action::Info("fetched 3 feeds: 12 new articles".into())
        );
        let failed = vec!["Wire: HTTP 404".to_string(), "Other: timed out".to_string()];
        assert_eq!(
            summary(3, 5, &failed),
            Action::Failed("fetched 3 feeds: 5 new articles; 2 failed (Wire: HTTP 404, …)".into())
        );
    }
}
