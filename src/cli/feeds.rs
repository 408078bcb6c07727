//! `kiosk feeds add|list|remove|export-opml` and `kiosk fetch`: subscriptions and their download.
//! Thin: the work is in `store::feeds`, `ingest::opml` and `fetch`.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::anyhow;
use clap::Subcommand;

use super::{Failure, usage, with_stdout};
use crate::config::Config;
use crate::fetch::{self, FetchOptions, http};
use crate::ingest::opml;
use crate::store::{AddOutcome, NewSubscription, Store};
use crate::untrusted::{clean_line, clean_text};

#[derive(Debug, Subcommand)]
pub(super) enum FeedsCommand {
    /// Subscribe to a feed (or a web page naming one).
    Add {
        /// An http(s) URL.
        url: String,
        /// The name shown as the articles' source; default: the feed's title once fetched
        /// (the URL's host until then).
        #[arg(long)]
        name: Option<String>,
        /// A tag; repeat for several.
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Download each new item's web page and keep its readable text as the body.
        #[arg(long)]
        full_text: bool,
    },
    /// List subscriptions.
    List {
        /// Print JSON Lines, one object per feed.
        #[arg(long)]
        json: bool,
    },
    /// Unsubscribe (the feed's articles stay in the store).
    Remove {
        /// The feed's name or URL.
        name: String,
    },
    /// Print the subscriptions as an OPML 2.0 document.
    ExportOpml,
}

pub(super) fn run(store: &Store, config: &Config, command: FeedsCommand) -> Result<u8, Failure> {
    fetch::subscribe_configured(store, &config.feeds)?;
    match command {
        FeedsCommand::Add {
            url,
            name,
            tags,
            full_text,
        } => {
            http::checked_url(&url, None).map_err(|error| usage(anyhow!(error)))?;
            let feed = NewSubscription {
                url,
                name,
                tags,
                title: None,
                full_text,
            };
            match store.add_feed(&feed)? {
                AddOutcome::Added(feed) => {
                    println!(
                        "subscribed {} ({})",
                        clean_line(&feed.name),
                        clean_line(&feed.url)
                    );
                }
                AddOutcome::Exists(feed) => {
                    println!(
                        "already subscribed as {} ({})",
                        clean_line(&feed.name),
                        clean_line(&feed.url)
                    );
                }
            }
            Ok(0)
        }
        FeedsCommand::List { json } => {
            let feeds = store.feeds()?;
            with_stdout(|out| {
                for feed in &feeds {
                    if json {
                        super::json::write(&mut *out, feed)?;
                        writeln!(out)?;
                    } else {
                        let state = match (&feed.last_error, &feed.fetched_at) {
                            (Some(error), _) => format!("failed: {error}"),
                            (None, Some(at)) => format!("fetched {at}"),
                            (None, None) => "never fetched".to_string(),
                        };
                        let tags = feed.tags.join(",");
                        let (name, url) = (clean_line(&feed.name), clean_line(&feed.url));
                        let (tags, state) = (clean_line(&tags), clean_line(&state));
                        writeln!(out, "{name}\t{url}\t{tags}\t{state}")?;
                    }
                }
                Ok(())
            })?;
            Ok(0)
        }
        FeedsCommand::Remove { name } => {
            if store.remove_feed(&name)? {
                println!("unsubscribed {}", clean_line(&name));
                Ok(0)
            } else {
                Err(anyhow!("no feed named {name:?}; `kiosk feeds list` shows them").into())
            }
        }
        FeedsCommand::ExportOpml => {
            let text = opml::export(&store.feeds()?);
            with_stdout(|out| out.write_all(text.as_bytes()))?;
            Ok(0)
        }
    }
}

/// `kiosk fetch [NAME...]`: every subscription, or the named ones; 1 when any failed.
pub(super) fn fetch(store_path: &Path, config: &Config, names: &[String]) -> Result<u8, Failure> {
    let store = Store::open(store_path)?;
    fetch::subscribe_configured(&store, &config.feeds)?;
    let feeds = if names.is_empty() {
        store.feeds()?
    } else {
        let mut chosen = Vec::new();
        for name in names {
            let feed = store.feed(name)?.ok_or_else(|| {
                usage(anyhow!(
                    "no feed named {name:?}; `kiosk feeds list` shows them"
                ))
            })?;
            chosen.push(feed);
        }
        chosen
    };
    drop(store);
    if feeds.is_empty() {
        eprintln!("no feeds to fetch: add one with `kiosk feeds add URL`");
        return Ok(0);
    }
    let _lock = fetch::FetchLock::acquire(store_path, || {
        eprintln!(
            "kiosk: another kiosk fetch is running on {}: waiting for it to end…",
            store_path.display()
        );
    });
    let bar = progress_bar(feeds.len());
    let results = fetch::fetch_all(
        store_path,
        &config.import,
        &feeds,
        &FetchOptions::default(),
        |result| {
            bar.suspend(|| eprintln!("{}", clean_text(&result.to_string())));
            bar.inc(1);
        },
    );
    bar.finish_and_clear();
    let failed = results.iter().filter(|r| r.outcome.is_err()).count();
    let added: usize = results
        .iter()
        .filter_map(|r| r.outcome.as_ref().ok())
        .map(|u| u.added)
        .sum();
    eprintln!(
        "fetched {} feeds: added {added} articles, {failed} failed",
        results.len()
    );
    Ok(u8::from(failed > 0))
}

fn progress_bar(length: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(length as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} feeds {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}
