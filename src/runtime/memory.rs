//! An in-memory [`Library`] for tests and demos: articles in a `Vec`, a small subset of the
//! filter language (`lang:`, `source:`, `country:`, `since:`, `is:unread|read|starred`, words).

use std::collections::BTreeMap;

use crate::app::SortKey;
use crate::app::sidebar::{Counts, Daily, EntityCount, ViewCount};
use crate::article::{Article, ArticleId, ArticleSummary};

use super::env::Library;

/// Articles held in memory; [`MemoryLibrary::import`] simulates another process importing.
#[derive(Debug, Default, Clone)]
pub struct MemoryLibrary {
    pub articles: Vec<Article>,
    pub ui: BTreeMap<String, String>,
    pub version: i64,
    /// Stored analysis per article id.
    pub analysis: BTreeMap<ArticleId, Vec<EntityCount>>,
}

impl MemoryLibrary {
    pub fn new(articles: Vec<Article>) -> Self {
        Self {
            articles,
            ..Self::default()
        }
    }

    /// Adds an article as another process would, bumping the data version.
    pub fn import(&mut self, article: Article) {
        self.articles.push(article);
        self.version += 1;
    }

    fn matching(&self, filters: &[String], sort: SortKey) -> Result<Vec<&Article>, String> {
        let terms = parse(&filters.join(" "))?;
        let mut found: Vec<&Article> = self
            .articles
            .iter()
            .filter(|article| terms.iter().all(|term| term.matches(article)))
            .collect();
        found.sort_by(|a, b| {
            let (a, b) = (&a.summary, &b.summary);
            let newest = b.published.cmp(&a.published).then(b.id.cmp(&a.id));
            match sort {
                SortKey::Date => newest,
                SortKey::Source => a.source.cmp(&b.source).then(newest),
                SortKey::Title => a.title.cmp(&b.title).then(newest),
            }
        });
        Ok(found)
    }

    fn find(&mut self, id: ArticleId) -> Result<&mut Article, String> {
        self.articles
            .iter_mut()
            .find(|article| article.id() == id)
            .ok_or_else(|| format!("article {id} not found"))
    }
}

enum Term {
    Lang(String),
    Source(String),
    Country(String),
    Since(String),
    Unread,
    Read,
    Starred,
    Word(String),
}

impl Term {
    fn matches(&self, article: &Article) -> bool {
        let s = &article.summary;
        match self {
            Self::Lang(lang) => s.lang.as_deref() == Some(lang.as_str()),
            Self::Source(source) => s
                .source
                .as_deref()
                .is_some_and(|v| v.eq_ignore_ascii_case(source)),
            Self::Country(code) => s.countries.iter().any(|c| c.eq_ignore_ascii_case(code)),
            Self::Since(day) => s.published.as_deref().is_some_and(|p| p >= day.as_str()),
            Self::Unread => !s.read,
            Self::Read => s.read,
            Self::Starred => s.starred,
            Self::Word(word) => {
                s.title.to_lowercase().contains(word) || article.body.to_lowercase().contains(word)
            }
        }
    }
}

fn parse(query: &str) -> Result<Vec<Term>, String> {
    let mut terms = Vec::new();
    let mut column = 1;
    for raw in split(query) {
        let term = match raw.split_once(':') {
            Some((key, value)) => match (key, value) {
                ("lang", v) => Term::Lang(v.to_string()),
                ("source", v) => Term::Source(v.to_string()),
                ("country", v) => Term::Country(v.to_string()),
                ("since", v) => Term::Since(v.to_string()),
                ("is", "unread") => Term::Unread,
                ("is", "read") => Term::Read,
                ("is", "starred") => Term::Starred,
                ("is", v) => return Err(format!("column {column}: unknown state 'is:{v}'")),
                (key, _) => return Err(format!("column {column}: unknown key '{key}'")),
            },
            None => Term::Word(raw.to_lowercase()),
        };
        column += raw.chars().count() + 1;
        terms.push(term);
    }
    Ok(terms)
}

fn split(query: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in query.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => out.push(String::new()),
            c => out.last_mut().expect("never empty").push(c),
        }
    }
    out.retain(|term| !term.is_empty());
    out
}

/// Articles per country code, most first.
fn country_totals(articles: &[&Article]) -> Vec<(String, u64)> {
    let mut totals: BTreeMap<String, u64> = BTreeMap::new();
    for article in articles {
        for code in &article.summary.countries {
            *totals.entry(code.clone()).or_default() += 1;
        }
    }
    let mut totals: Vec<(String, u64)> = totals.into_iter().collect();
    totals.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    totals
}

impl Library for MemoryLibrary {
    fn count(&self, query: &[String]) -> Result<u64, String> {
        Ok(self.matching(query, SortKey::Date)?.len() as u64)
    }

    fn summaries(
        &self,
        query: &[String],
        sort: SortKey,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<ArticleSummary>, String> {
        let found = self.matching(query, sort)?;
        let offset = usize::try_from(offset).unwrap_or(usize::MAX);
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        Ok(found
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|a| a.summary.clone())
            .collect())
    }

    fn position_of(
        &self,
        query: &[String],
        sort: SortKey,
        id: ArticleId,
    ) -> Result<Option<u64>, String> {
        let found = self.matching(query, sort)?;
        Ok(found.iter().position(|a| a.id() == id).map(|at| at as u64))
    }

    fn load(&self, id: ArticleId) -> Result<Article, String> {
        self.articles
            .iter()
            .find(|article| article.id() == id)
            .cloned()
            .ok_or_else(|| format!("article {id} not found"))
    }

    fn article_entities(&self, id: ArticleId) -> Result<Vec<EntityCount>, String> {
        Ok(self.analysis.get(&id).cloned().unwrap_or_default())
    }

    fn set_read(&mut self, id: ArticleId, read: bool) -> Result<(), String> {
        self.find(id)?.summary.read = read;
        Ok(())
    }

    fn set_starred(&mut self, id: ArticleId, starred: bool) -> Result<(), String> {
        self.find(id)?.summary.starred = starred;
        Ok(())
    }

    fn mark_read(&mut self, filters: &[String]) -> Result<Vec<ArticleId>, String> {
        let ids: Vec<ArticleId> = self
            .matching(filters, SortKey::Date)?
            .into_iter()
            .filter(|article| !article.summary.read)
            .map(Article::id)
            .collect();
        self.set_read_many(&ids, true)?;
        Ok(ids)
    }

    fn set_read_many(&mut self, ids: &[ArticleId], read: bool) -> Result<(), String> {
        for id in ids {
            self.find(*id)?.summary.read = read;
        }
        Ok(())
    }

    fn data_version(&self) -> Result<i64, String> {
        Ok(self.version)
    }

    fn country_list(&self, query: &[String]) -> Result<Vec<(String, u64)>, String> {
        let archive = country_totals(&self.matching(&[], SortKey::Date)?);
        let matching = country_totals(&self.matching(query, SortKey::Date)?);
        Ok(super::store_library::merge_counts(
            &archive,
            &matching.into_iter().collect(),
        ))
    }

    fn counts(&self, query: &[String], views: &[(String, String)]) -> Result<Counts, String> {
        let found = self.matching(query, SortKey::Date)?;
        let views = views
            .iter()
            .map(|(name, view)| {
                let filters = [view.clone(), "is:unread".to_string()];
                ViewCount {
                    name: name.clone(),
                    query: view.clone(),
                    unread: self.count(&filters).unwrap_or(0),
                }
            })
            .collect();
        let mut days: BTreeMap<String, u64> = BTreeMap::new();
        for date in found.iter().filter_map(|a| a.summary.published.as_deref()) {
            *days.entry(date.chars().take(10).collect()).or_default() += 1;
        }
        let newest = found.first().and_then(|a| a.summary.published.clone());
        let daily = newest.map_or_else(Daily::default, |newest| {
            Daily::from_pairs(&newest, &days.into_iter().collect::<Vec<_>>())
        });
        let mut by_lang: BTreeMap<String, u64> = BTreeMap::new();
        let mut by_source: BTreeMap<String, u64> = BTreeMap::new();
        for article in &found {
            if let Some(lang) = &article.summary.lang {
                *by_lang.entry(lang.clone()).or_default() += 1;
            }
            if let Some(source) = &article.summary.source {
                *by_source.entry(source.clone()).or_default() += 1;
            }
        }
        let ranked = |map: BTreeMap<String, u64>| {
            let mut pairs: Vec<_> = map.into_iter().collect();
            pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            pairs
        };
        let mut entities: BTreeMap<(String, String), u64> = BTreeMap::new();
        for found in found.iter().filter_map(|a| self.analysis.get(&a.id())) {
            for entity in found {
                *entities
                    .entry((entity.kind.clone(), entity.name.clone()))
                    .or_default() += 1;
            }
        }
        let mut entities: Vec<EntityCount> = entities
            .into_iter()
            .map(|((kind, name), count)| EntityCount {
                kind,
                name,
                label: None,
                count,
            })
            .collect();
        entities.sort_by_key(|entity| std::cmp::Reverse(entity.count));
        Ok(Counts {
            entities,
            countries: country_totals(&found),
            daily,
            views,
            total: found.len() as u64,
            unread: found.iter().filter(|a| !a.summary.read).count() as u64,
            by_lang: ranked(by_lang),
            by_source: ranked(by_source),
        })
    }

    fn ui_state(&self, key: &str) -> Result<Option<String>, String> {
        Ok(self.ui.get(key).cloned())
    }

    fn set_ui_state(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.ui.insert(key.to_string(), value.to_string());
        Ok(())
    }
}
