//! Storing parsed items a batch at a time: duplicate and trailer checks in order, the analysis
//! on every core, then one write transaction per batch.

use rayon::prelude::*;

use super::prepare::{Prepared, analyse, prepare, restrip_source};
use super::{Importer, Problem, json};
use crate::store::{InsertOutcome, StoreError};

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
        // The usual language of each source with an article of no declared language, read
        // once per batch: the analysis then needs nothing from the store.
        let mut usual = std::collections::HashMap::new();
        for new in &prepared {
            if let (None, Some(source)) = (&new.article.lang, &new.article.source)
                && !usual.contains_key(source)
            {
                usual.insert(source.clone(), writer.usual_language(source)?);
            }
        }
        // Analysis is the costly part: all cores share it.
        let analysed: Vec<_> = prepared
            .into_par_iter()
            .map(|mut new| {
                let lang = (new.article.source.as_ref())
                    .and_then(|source| usual.get(source))
                    .and_then(Option::as_deref);
                let analysis = analyse(&mut new.article, lang);
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
            self.progress.items += 1;
            super::tell(&mut self.on_progress, &mut self.progress, &self.bytes);
        }
        writer.commit()?;
        self.progress.committed = self.report.added as u64;
        self.tell_progress();
        Ok(())
    }
}
