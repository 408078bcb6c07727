//! The [`Library`] over the real SQLite [`Store`]: the TUI's parsed queries go to the store as
//! they are.

use crate::analyze::EntityKind;
use crate::app::sidebar::{Counts, Daily, EntityCount, RowKind, ViewCount};
use crate::article::{Article, ArticleId, ArticleSummary};
use crate::query::{Filter, Flag, Query};
use crate::store::{Sort, SortOrder, Store};

use super::env::Library;

/// Countries and entities shown for a list: the most cited of each.
const TOP_COUNTRIES: usize = 10;
/// People, organisations and places each.
const TOP_ENTITIES: u64 = 10;

/// The sidebar's countries (the first of `countries`) and the most cited entities.
fn list_entities(
    store: &Store,
    query: &Query,
    countries: &[(String, u64)],
) -> crate::store::Result<Vec<EntityCount>> {
    let countries = countries
        .iter()
        .take(TOP_COUNTRIES)
        .map(|(code, count)| EntityCount {
            kind: RowKind::COUNTRY,
            name: code.clone(),
            label: crate::analyze::country_name(code, "en").map(str::to_string),
            count: *count,
            mentioned: false,
        });
    let entities = store.entity_counts_per_kind(query, TOP_ENTITIES)?;
    let entities = entities.into_iter().map(|entity| EntityCount {
        kind: RowKind::Entity(entity.kind),
        name: entity.name,
        label: None,
        count: entity.articles,
        mentioned: false,
    });
    let tags = tag_rows(
        store
            .tag_counts(query)?
            .into_iter()
            .take(usize::try_from(TOP_ENTITIES).unwrap_or(usize::MAX)),
    );
    Ok(countries.chain(entities).chain(tags).collect())
}

/// Tags as sidebar rows (kind `tag`); a count of 0 shows none (the open article's own tags).
fn tag_rows(tags: impl IntoIterator<Item = (String, u64)>) -> impl Iterator<Item = EntityCount> {
    tags.into_iter().map(|(name, count)| EntityCount {
        kind: RowKind::Tag,
        name,
        label: None,
        count,
        mentioned: false,
    })
}

/// Countries the matching articles are about, most articles first.
fn about_counts(store: &Store, query: &Query) -> crate::store::Result<Vec<(String, u64)>> {
    let mut countries: Vec<(String, u64)> = store
        .country_counts(query)?
        .into_iter()
        .filter(|country| country.articles > 0)
        .map(|country| (country.code, country.articles))
        .collect();
    countries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(countries)
}

/// Matching articles per day up to the newest one, for the sparkline.
fn daily(store: &Store, query: &Query) -> crate::store::Result<Daily> {
    let newest = store.summaries(query, SortOrder::Date, 0, 1)?;
    let Some(newest) = newest.first().and_then(|row| row.published.clone()) else {
        return Ok(Daily::default());
    };
    let Some(since) = Daily::start_for(&newest) else {
        return Ok(Daily::default());
    };
    Ok(Daily::from_pairs(
        &newest,
        &store.daily_counts(query, &since)?,
    ))
}

/// Unread articles of each saved view; a view whose query fails counts nothing.
fn view_counts(store: &Store, views: &[(String, Query)]) -> Vec<ViewCount> {
    let unread = Query::of(Filter::Is(Flag::Unread));
    views
        .iter()
        .map(|(name, query)| ViewCount {
            name: name.clone(),
            query: query.clone(),
            unread: store.count(&query.clone().and(unread.clone())).unwrap_or(0),
        })
        .collect()
}

/// Reads the `analyze` JSON shape (DESIGN.md): `countries[{code, name, mentions}]` and
/// `entities[{kind, name, count}]`; anything missing or malformed is skipped.
pub fn analysis_entities(json: &str) -> Vec<EntityCount> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
        return Vec::new();
    };
    let list = |key: &str| {
        value
            .get(key)
            .and_then(|v| v.as_array())
            .cloned()
            .unwrap_or_default()
    };
    let text = |item: &serde_json::Value, key: &str| {
        item.get(key).and_then(|v| v.as_str()).map(str::to_string)
    };
    let number =
        |item: &serde_json::Value, key: &str| item.get(key).and_then(serde_json::Value::as_u64);
    let countries = list("countries").into_iter().filter_map(|item| {
        Some(EntityCount {
            kind: RowKind::COUNTRY,
            name: text(&item, "code")?,
            label: text(&item, "name"),
            count: number(&item, "mentions").unwrap_or(1),
            // Older analyses without the flag count as what the article is about.
            mentioned: item.get("about").and_then(serde_json::Value::as_bool) == Some(false),
        })
    });
    let mentions = list("mentions");
    // Countries come once, from `countries`: the entity list names them again by name.
    let entities = list("entities").into_iter().filter_map(|item| {
        let kind = EntityKind::from_name(&text(&item, "kind")?)
            .filter(|kind| *kind != EntityKind::Country)?;
        let name = text(&item, "name")?;
        Some(EntityCount {
            label: written_name(&mentions, kind, &name),
            kind: RowKind::Entity(kind),
            name,
            count: number(&item, "count").unwrap_or(1),
            mentioned: false,
        })
    });
    countries.chain(entities).collect()
}

/// The form an article writes most for an organisation or place when it is not the entity's
/// own name ("Cédéao" for ECOWAS, "Moscou" for Moscow): what a reader of that language knows.
/// People keep their name, which is already the fullest form the article wrote.
fn written_name(mentions: &[serde_json::Value], kind: EntityKind, name: &str) -> Option<String> {
    if kind == EntityKind::Person {
        return None;
    }
    let mut forms: Vec<(String, usize)> = Vec::new();
    let field = |mention: &serde_json::Value, key: &str| {
        mention
            .get(key)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    for mention in mentions {
        if field(mention, "kind").as_deref() != Some(kind.name())
            || field(mention, "entity").as_deref() != Some(name)
        {
            continue;
        }
        let Some(form) = field(mention, "text") else {
            continue;
        };
        let form = form.split_whitespace().collect::<Vec<_>>().join(" ");
        match forms.iter_mut().find(|(seen, _)| *seen == form) {
            Some((_, count)) => *count += 1,
            None => forms.push((form, 1)),
        }
    }
    // The first of the most written, so that ties keep the article's order.
    let most = forms.iter().map(|(_, count)| *count).max()?;
    let (form, _) = forms.into_iter().find(|(_, count)| *count == most)?;
    let fold = crate::analyze::fold_name;
    (fold(&form) != fold(name)).then_some(form)
}

/// The `mentions[{start, end}]` of the `analyze` JSON shape; malformed ones are skipped.
pub fn analysis_mentions(json: &str) -> Vec<(usize, usize)> {
    #[derive(serde::Deserialize)]
    struct Span {
        start: usize,
        end: usize,
    }
    #[derive(serde::Deserialize)]
    struct Mentions {
        #[serde(default)]
        mentions: Vec<serde_json::Value>,
    }
    let Ok(found) = serde_json::from_str::<Mentions>(json) else {
        return Vec::new();
    };
    found
        .mentions
        .into_iter()
        .filter_map(|value| serde_json::from_value::<Span>(value).ok())
        .map(|span| (span.start, span.end))
        .collect()
}

impl Library for Store {
    fn writes_off(&self) -> bool {
        !self.is_writable()
    }

    fn count(&self, query: &Query) -> crate::store::Result<u64> {
        Store::count(self, query)
    }

    fn quick_count(&self, query: &Query) -> crate::store::Result<Option<u64>> {
        Store::quick_count(self, query)
    }

    fn summaries(
        &self,
        query: &Query,
        sort: Sort,
        offset: u64,
        limit: u64,
    ) -> crate::store::Result<Vec<ArticleSummary>> {
        Store::summaries(self, query, sort, offset, limit)
    }

    fn position_of(
        &self,
        query: &Query,
        sort: Sort,
        id: ArticleId,
    ) -> crate::store::Result<Option<u64>> {
        Store::position_of(self, query, sort, id)
    }

    fn load(&self, id: ArticleId) -> crate::store::Result<Article> {
        Store::load(self, id)
    }

    fn article_entities(&self, id: ArticleId) -> crate::store::Result<Vec<EntityCount>> {
        let mut entities = match self.analysis_json(id)? {
            Some((_, json)) => analysis_entities(&json),
            None => Vec::new(),
        };
        entities.extend(tag_rows(self.tags_of(id)?.into_iter().map(|t| (t, 0))));
        Ok(entities)
    }

    fn article_mentions(&self, id: ArticleId) -> crate::store::Result<Vec<(usize, usize)>> {
        let Some((_, json)) = self.analysis_json(id)? else {
            return Ok(Vec::new());
        };
        Ok(analysis_mentions(&json))
    }

    fn set_read(&mut self, id: ArticleId, read: bool) -> crate::store::Result<()> {
        Store::set_read(self, id, read)
    }

    fn set_starred(&mut self, id: ArticleId, starred: bool) -> crate::store::Result<()> {
        Store::set_starred(self, id, starred)
    }

    fn mark_read(&mut self, query: &Query) -> crate::store::Result<Vec<ArticleId>> {
        Store::mark_read_matching(self, query)
    }

    fn set_read_many(&mut self, ids: &[ArticleId], read: bool) -> crate::store::Result<()> {
        Store::set_read_many(self, ids, read)
    }

    fn data_version(&self) -> crate::store::Result<i64> {
        Store::data_version(self)
    }

    fn stale_analysis(&self) -> crate::store::Result<u64> {
        self.stale_analysis_count(crate::analyze::ANALYZER_VERSION)
    }

    fn counts(&self, query: &Query, views: &[(String, Query)]) -> crate::store::Result<Counts> {
        let facets = Store::facets(self, query)?;
        let countries = about_counts(self, query)?;
        Ok(Counts {
            total: facets.total,
            unread: facets.unread,
            by_lang: facets.by_lang,
            by_source: facets.by_source,
            entities: list_entities(self, query, &countries)?,
            countries,
            daily: daily(self, query)?,
            views: view_counts(self, views),
        })
    }

    fn country_list(&self, query: &Query) -> crate::store::Result<Vec<(String, u64)>> {
        let archive = about_counts(self, &Query::default())?;
        if query.is_empty() {
            return Ok(archive);
        }
        let matching: std::collections::HashMap<String, u64> =
            about_counts(self, query)?.into_iter().collect();
        Ok(merge_counts(&archive, &matching))
    }

    fn ui_state(&self, key: &str) -> crate::store::Result<Option<String>> {
        Store::ui_state(self, key)
    }

    fn set_ui_state(&mut self, key: &str, value: &str) -> crate::store::Result<()> {
        Store::set_ui_state(self, key, value)
    }

    fn entity_names(
        &self,
        kind: Option<EntityKind>,
        typed: &str,
        limit: usize,
    ) -> crate::store::Result<Vec<String>> {
        Store::entity_names(self, kind, typed, limit)
    }

    fn delete(&mut self, ids: &[ArticleId]) -> crate::store::Result<crate::store::Deleted> {
        Store::delete(self, ids)
    }

    fn restore(&mut self, deleted: &crate::store::Deleted) -> crate::store::Result<()> {
        Store::restore(self, deleted).map(|_| ())
    }

    fn set_tag(
        &mut self,
        id: ArticleId,
        tag: &str,
        present: Option<bool>,
    ) -> crate::store::Result<bool> {
        let own = self.own_tags(id)?.iter().any(|own| own == tag);
        let add = present.unwrap_or(!own);
        if !add && !own && self.feed_tags(id)?.iter().any(|t| t == tag) {
            return Err(crate::store::StoreError::FeedTag { tag: tag.into() });
        }
        if add {
            Store::add_tag(self, &[id], tag)?;
        } else {
            Store::remove_tag(self, &[id], tag)?;
        }
        Ok(add)
    }
}

/// Every country of `archive` with its count in `matching` (0 when absent), most first; ties
/// keep the archive's order.
fn merge_counts(
    archive: &[(String, u64)],
    matching: &std::collections::HashMap<String, u64>,
) -> Vec<(String, u64)> {
    let mut merged: Vec<(String, u64)> = archive
        .iter()
        .map(|(code, _)| (code.clone(), matching.get(code).copied().unwrap_or(0)))
        .collect();
    merged.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    merged
}

#[cfg(test)]
mod tests;
