//! An in-memory [`Library`] for the render tests: articles in a `Vec`, matched against the parsed
//! [`Query`] term by term (words by substring, `mentions:` as `country:`). Flow tests run on the
//! real store (fixtures.rs).
#![allow(dead_code)]

use std::collections::BTreeMap;

use kiosk::app::sidebar::{Counts, Daily, EntityCount, ViewCount};
use kiosk::app::{Direction, ListSort, SortKey};
use kiosk::article::{Article, ArticleId, ArticleSummary};
use kiosk::query::{DateBound, Filter, Flag, Query};

use kiosk::runtime::{Library, merge_counts};

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

    fn matching(&self, query: &Query, sort: ListSort) -> Result<Vec<&Article>, String> {
        let mut found: Vec<&Article> = self
            .articles
            .iter()
            .filter(|article| {
                let entities = self.analysis.get(&article.id());
                matches(query, article, entities.map_or(&[], Vec::as_slice))
            })
            .collect();
        found.sort_by(|a, b| {
            let (a, b) = (&a.summary, &b.summary);
            let newest = b.published.cmp(&a.published).then(b.id.cmp(&a.id));
            let order = match sort.key {
                SortKey::Date => newest,
                SortKey::Source => a.source.cmp(&b.source).then(newest),
                SortKey::Title => a.title.cmp(&b.title).then(newest),
            };
            match sort.direction {
                Direction::Forward => order,
                Direction::Reverse => order.reverse(),
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

/// Whether `article` (with its stored `entities`) matches `query`: every clause, each by any
/// of its alternatives.
fn matches(query: &Query, article: &Article, entities: &[EntityCount]) -> bool {
    query.clauses.iter().all(|clause| {
        clause
            .alternatives
            .iter()
            .any(|term| term.negated != term_matches(&term.filter, article, entities))
    })
}

fn term_matches(filter: &Filter, article: &Article, entities: &[EntityCount]) -> bool {
    let s = &article.summary;
    let contains = |text: &str| {
        let text = text.to_lowercase();
        s.title.to_lowercase().contains(&text) || article.body.to_lowercase().contains(&text)
    };
    let day = |bound: &DateBound| {
        bound
            .resolve(chrono::Local::now().date_naive())
            .format("%Y-%m-%d")
            .to_string()
    };
    let published = s
        .published
        .as_deref()
        .map(|p| p.chars().take(10).collect::<String>());
    match filter {
        Filter::Word(word) => contains(word.trim_end_matches('*')),
        Filter::Phrase(phrase) => contains(phrase),
        Filter::Lang(lang) => s.lang.as_deref() == Some(lang.as_str()),
        Filter::Source(source) => s
            .source
            .as_deref()
            .is_some_and(|v| v.eq_ignore_ascii_case(source)),
        Filter::Since(bound) => published.is_some_and(|p| p >= day(bound)),
        Filter::Until(bound) => published.is_some_and(|p| p <= day(bound)),
        Filter::Is(Flag::Unread) => !s.read,
        Filter::Is(Flag::Read) => s.read,
        Filter::Is(Flag::Starred) => s.starred,
        Filter::Country(code) | Filter::Mentions(code) => {
            s.countries.iter().any(|c| c.eq_ignore_ascii_case(code))
        }
        Filter::Entity(kind, name) => entities.iter().any(|entity| {
            entity.name.eq_ignore_ascii_case(name)
                && kind.is_none_or(|kind| kind.as_str() == entity.kind)
        }),
        // The memory library holds no tags: no article has one.
        Filter::Tag(_) => false,
    }
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
    fn count(&self, query: &Query) -> Result<u64, String> {
        Ok(self.matching(query, ListSort::default())?.len() as u64)
    }

    fn summaries(
        &self,
        query: &Query,
        sort: ListSort,
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
        query: &Query,
        sort: ListSort,
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

    fn mark_read(&mut self, query: &Query) -> Result<Vec<ArticleId>, String> {
        let ids: Vec<ArticleId> = self
            .matching(query, ListSort::default())?
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

    fn country_list(&self, query: &Query) -> Result<Vec<(String, u64)>, String> {
        let archive = country_totals(&self.matching(&Query::default(), ListSort::default())?);
        let matching = country_totals(&self.matching(query, ListSort::default())?);
        Ok(merge_counts(&archive, &matching.into_iter().collect()))
    }

    fn counts(&self, query: &Query, views: &[(String, Query)]) -> Result<Counts, String> {
        let found = self.matching(query, ListSort::default())?;
        let views = views
            .iter()
            .map(|(name, view)| ViewCount {
                name: name.clone(),
                query: view.clone(),
                unread: self
                    .count(&view.clone().and(Query::of(Filter::Is(Flag::Unread))))
                    .unwrap_or(0),
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
                mentioned: false,
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
