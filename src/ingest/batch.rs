//! Storing parsed items a batch at a time: duplicate and trailer checks in order, the analysis
//! on every core, then one write transaction per batch.

use std::collections::HashMap;

use rayon::prelude::*;

use super::prepare::{Prepared, analyse, clean_and_hash, prepare, restrip_source};
use super::{Importer, Problem, json};
use crate::store::{InsertOutcome, PackedTexts, StoreError};

impl Importer<'_> {
    /// Stores one batch in one transaction. A batch that fails (a full disk) is rolled back
    /// whole, and so are its counts: the report then says what is stored.
    pub(super) fn store_items(
        &mut self,
        location: &str,
        items: Vec<json::Item>,
    ) -> Result<(), StoreError> {
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
                    draft.source = (draft.source)
                        .or_else(|| self.defaults.source.clone())
                        .or_else(|| self.input_name.clone());
                    draft.lang = draft.lang.or_else(|| self.defaults.lang.clone());
                    draft.cap_title();
                    drafts.push(draft);
                }
                Err((at, why)) => self.skip(&where_(&at), why),
            }
        }
        let writer = self.store.writer()?;
        // The totals of the batch's articles are counted once, at the commit, not per row.
        writer.defer_totals()?;
        let mut prepared = Vec::with_capacity(drafts.len());
        let mut batch_hashes = std::collections::HashSet::new();
        // Cleaning and hashing need no store: all cores share them too.
        let cleaned: Vec<_> = drafts
            .into_par_iter()
            .map(|mut draft| {
                let told = (std::mem::take(&mut draft.warnings), draft.position.clone());
                (told, clean_and_hash(draft))
            })
            .collect();
        for ((warnings, position), draft) in cleaned {
            for warning in warnings {
                let problem = Problem {
                    location: where_(&position),
                    message: warning,
                };
                (self.on_problem)(&problem, false);
                self.report.warnings.push(problem);
            }
            match prepare(&writer, &self.trailers, self.repeated_threshold, draft)? {
                Some(new) if batch_hashes.insert(new.hash.clone()) => prepared.push(new),
                _ => self.report.duplicates += 1,
            }
        }
        // The usual language of each source with an article of no declared language, read
        // once per batch: the analysis then needs nothing from the store.
        let mut usual = HashMap::new();
        for new in &prepared {
            if let (None, Some(source)) = (&new.article.lang, &new.article.source)
                && !usual.contains_key(source)
            {
                usual.insert(source.clone(), writer.usual_language(source)?);
            }
        }
        // Analysis is the costly part: it runs on every core a chunk at a time while this thread
        // writes the chunks already analysed, in input order. The channel holds a chunk or two,
        // so memory stays bounded by the batch.
        std::thread::scope(|scope| {
            let (send, analysed) = std::sync::mpsc::sync_channel(AHEAD_CHUNKS);
            let usual = &usual;
            scope.spawn(move || analyse_in_chunks(prepared, usual, &send));
            for (new, analysis, packed) in analysed.iter().flatten() {
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
                        writer.save_packed_analysis(id, &analysis, &packed)?;
                        self.report.repaired += 1;
                        InsertOutcome::Duplicate(id)
                    }
                    Some(id) => {
                        self.report.duplicates += 1;
                        InsertOutcome::Duplicate(id)
                    }
                    // `insert` checks again: an earlier article of this batch may share its URL or id.
                    None => match writer.insert_packed(&article, &hash, &packed)? {
                        InsertOutcome::Added(id) => {
                            writer.save_packed_analysis(id, &analysis, &packed)?;
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
                self.progress.items += 1;
                super::tell(&mut self.on_progress, &mut self.progress, &self.bytes);
            }
            Ok::<_, StoreError>(())
        })?;
        writer.commit()?;
        self.progress.committed = self.report.added as u64;
        self.tell_progress();
        Ok(())
    }
}

/// Articles analysed per chunk handed to the writer: small enough that writing starts soon
/// after a batch's analysis does, large enough that every core has work.
const CHUNK: usize = 32;

/// Chunks analysed ahead of the writer.
const AHEAD_CHUNKS: usize = 2;

/// Analyses `prepared` a chunk at a time on rayon's pool, packing each article's texts, and sends
/// each chunk on, in order; stops early when the writer has stopped listening (a failed write).
fn analyse_in_chunks(
    prepared: Vec<Prepared>,
    usual: &HashMap<String, Option<String>>,
    send: &std::sync::mpsc::SyncSender<Vec<(Prepared, crate::analyze::Analysis, PackedTexts)>>,
) {
    let mut rest = prepared.into_iter().peekable();
    while rest.peek().is_some() {
        let chunk: Vec<Prepared> = rest.by_ref().take(CHUNK).collect();
        let analysed = chunk
            .into_par_iter()
            .map(|mut new| {
                let lang = (new.article.source.as_ref())
                    .and_then(|source| usual.get(source))
                    .and_then(Option::as_deref);
                let analysis = analyse(&mut new.article, lang);
                // Deflating the texts is done here too, not on the writer's thread.
                let packed = PackedTexts::new(&new.article, &analysis);
                (new, analysis, packed)
            })
            .collect();
        if send.send(analysed).is_err() {
            return;
        }
    }
}
