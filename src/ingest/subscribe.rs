//! The importer's shell around feeds, OPML, HTML pages and newsboat's files: parses with the pure
//! modules beside it, then stores articles and subscriptions, reporting each problem in one line.

use std::path::Path;

use super::{Importer, Problem, decode, feed, json::Item, newsboat, opml};
use crate::store::{AddOutcome, NewSubscription, StoreError};
use crate::untrusted::clean_line;

impl Importer<'_> {
    /// Imports a feed document; `source` (a subscription's name) replaces the feed's own title.
    pub(super) fn import_feed(
        &mut self,
        location: &str,
        bytes: &[u8],
        source: Option<&str>,
    ) -> Result<(), StoreError> {
        match self.import_feed_document(location, bytes, source)? {
            Ok(_) => Ok(()),
            Err(why) => {
                self.skip(location, why);
                Ok(())
            }
        }
    }

    /// Imports a downloaded feed as the articles of subscription `name`. The inner error is the
    /// reason the document is not a readable feed; the outer one a store failure.
    pub fn import_feed_document(
        &mut self,
        location: &str,
        bytes: &[u8],
        source: Option<&str>,
    ) -> Result<Result<Option<String>, String>, StoreError> {
        let store = &*self.store;
        let parsed = feed::parse_new(bytes, |key| {
            // Stored as the draft's source will be: cleaned. A store error or a mis-decoded
            // stored copy lets the entry through, to the usual duplicate checks and repair.
            let source = source
                .or(key.feed_title)
                .map(|name| clean_line(name).trim().to_string());
            store
                .stored_title(key.id, source.as_deref(), key.url)
                .ok()
                .flatten()
                .is_some_and(|title| !decode::looks_mis_decoded(&title))
        });
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(why) => return Ok(Err(why)),
        };
        self.report.duplicates += parsed.known;
        // Known items count as done for the progress bar, once each, as stored ones do.
        for _ in 0..parsed.known {
            self.tick();
        }
        if let Some(note) = parsed.note {
            self.warn(location, note);
        }
        if parsed.items.is_empty() && parsed.known == 0 {
            self.warn(location, "the feed has no items".to_string());
        }
        let title = parsed.title.clone();
        let source = source.map(str::to_string).or(parsed.title);
        let items = parsed
            .items
            .into_iter()
            .map(|item| {
                item.map(|mut draft| {
                    draft.source.clone_from(&source);
                    draft
                })
            })
            .collect();
        self.store_items(location, items)?;
        Ok(Ok(title))
    }

    pub(super) fn import_opml(&mut self, location: &str, text: &str) {
        match opml::parse(text) {
            Ok(feeds) if feeds.is_empty() => {
                self.warn(
                    location,
                    "no feed subscriptions in this OPML file".to_string(),
                );
            }
            Ok(feeds) => self.subscribe(location, feeds),
            Err(why) => self.skip(location, why),
        }
    }

    pub(super) fn import_urls(&mut self, location: &str, text: &str) {
        let (feeds, warnings) = newsboat::parse_urls(text);
        for (at, why) in warnings {
            self.warn(
                &format!("{location}:{}", at.trim_start_matches("line ")),
                why,
            );
        }
        self.subscribe(location, feeds);
    }

    pub(super) fn import_newsboat_cache(
        &mut self,
        location: &str,
        path: &Path,
    ) -> Result<(), StoreError> {
        match newsboat::read_cache(path) {
            Ok((feeds, items)) => {
                let titles: Vec<(String, Option<String>)> = (feeds.iter())
                    .map(|feed| (feed.url.clone(), feed.title.clone()))
                    .collect();
                self.subscribe(location, feeds);
                let names = self.source_names(&titles)?;
                let items = items
                    .into_iter()
                    .map(|(feed_url, item)| {
                        item.map(|mut draft| {
                            if let Some(name) = names.get(&feed_url) {
                                draft.source = Some(name.clone());
                            }
                            draft
                        })
                    })
                    .collect();
                self.store_items(location, items)
            }
            Err(why) => {
                self.skip(location, why);
                Ok(())
            }
        }
    }

    /// The source name of each subscribed feed among `feeds` (URL, title): a kiosk fetch stores
    /// a feed's articles under its subscription's name, so an import from another reader must
    /// too, or one feed becomes two sources. A feed nobody named is named by its title first.
    fn source_names(
        &mut self,
        feeds: &[(String, Option<String>)],
    ) -> Result<std::collections::HashMap<String, String>, StoreError> {
        let mut names = std::collections::HashMap::new();
        for (url, title) in feeds {
            let Some(feed) = self.store.feed(url)? else {
                continue;
            };
            let renamed = match title {
                Some(title) => self.store.name_by_title(feed.id, title)?,
                None => None,
            };
            names.insert(url.clone(), renamed.unwrap_or(feed.name));
        }
        Ok(names)
    }

    pub(super) fn import_html(&mut self, location: &str, text: &str) -> Result<(), StoreError> {
        let item: Item = html_page(text).map_err(|why| (String::new(), why));
        self.store_items(location, vec![item])
    }

    fn subscribe(&mut self, location: &str, feeds: Vec<NewSubscription>) {
        for feed in feeds {
            match self.store.add_feed(&feed) {
                Ok(AddOutcome::Added(_)) => self.report.subscriptions += 1,
                Ok(AddOutcome::Exists(_)) => {}
                Err(error) => self.skip(location, format!("cannot add feed {}: {error}", feed.url)),
            }
        }
    }

    pub(super) fn warn(&mut self, location: &str, message: String) {
        let problem = Problem {
            location: location.to_string(),
            message,
        };
        (self.on_problem)(&problem, false);
        self.report.warnings.push(problem);
    }
}

/// A saved web page as one article: its `<title>` (else first paragraph) and its text.
fn html_page(text: &str) -> Result<super::Draft, String> {
    let paragraphs = feed::html_paragraphs(text);
    let lower = text.to_ascii_lowercase();
    let title = lower
        .find("<title")
        .and_then(|start| Some((start, lower[start..].find('>')? + start + 1)))
        .and_then(|(_, open)| Some((open, lower[open..].find("</title")? + open)))
        .map(|(open, close)| feed::html_paragraphs(&text[open..close]).join(" "))
        .filter(|title| !title.trim().is_empty())
        .or_else(|| paragraphs.first().map(|p| p.chars().take(80).collect()))
        .ok_or("an HTML page with no title and no text")?;
    let paragraphs = match paragraphs.first() {
        Some(first) if *first == title => paragraphs[1..].to_vec(),
        _ => paragraphs,
    };
    Ok(super::Draft {
        title: title.split_whitespace().collect::<Vec<_>>().join(" "),
        paragraphs,
        original: text.to_string(),
        ..super::Draft::default()
    })
}
