//! The [`Library`] over the real SQLite [`Store`]: the TUI's parsed queries go to the store as
//! they are.

use crate::app::sidebar::{Counts, Daily, EntityCount, ViewCount};
use crate::app::{ListSort, SortKey};
use crate::article::{Article, ArticleId, ArticleSummary};
use crate::query::{Filter, Flag, Query};
use crate::store::{Sort, SortOrder, Store};

use super::env::Library;

fn order(sort: ListSort) -> Sort {
    let order = match sort.key {
        SortKey::Date => SortOrder::Date,
        SortKey::Source => SortOrder::Source,
        SortKey::Title => SortOrder::Title,
    };
    Sort {
        order,
        direction: sort.direction,
    }
}

fn text(error: impl std::fmt::Display) -> String {
    error.to_string()
}

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
            kind: "country".into(),
            name: code.clone(),
            label: crate::analyze::country_name(code, "en").map(str::to_string),
            count: *count,
            mentioned: false,
        });
    let entities = store.entity_counts_per_kind(query, TOP_ENTITIES)?;
    let entities = entities.into_iter().map(|entity| EntityCount {
        kind: entity.kind,
        name: entity.name,
        label: None,
        count: entity.articles,
        mentioned: false,
    });
    let tags = tag_rows(
        store
            .tag_counts(query)?
            .into_iter()
            .take(TOP_ENTITIES as usize),
    );
    Ok(countries.chain(entities).chain(tags).collect())
}

/// Tags as sidebar rows (kind `tag`); a count of 0 shows none (the open article's own tags).
fn tag_rows(tags: impl IntoIterator<Item = (String, u64)>) -> impl Iterator<Item = EntityCount> {
    tags.into_iter().map(|(name, count)| EntityCount {
        kind: "tag".into(),
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
            kind: "country".into(),
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
        let kind = text(&item, "kind").filter(|kind| kind != "country")?;
        let name = text(&item, "name")?;
        Some(EntityCount {
            label: written_name(&mentions, &kind, &name),
            kind,
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
fn written_name(mentions: &[serde_json::Value], kind: &str, name: &str) -> Option<String> {
    if kind == "person" {
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
        if field(mention, "kind").as_deref() != Some(kind)
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
    fn count(&self, query: &Query) -> Result<u64, String> {
        Store::count(self, query).map_err(text)
    }

    fn quick_count(&self, query: &Query) -> Result<Option<u64>, String> {
        Store::quick_count(self, query).map_err(text)
    }

    fn summaries(
        &self,
        query: &Query,
        sort: ListSort,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<ArticleSummary>, String> {
        Store::summaries(self, query, order(sort), offset, limit).map_err(text)
    }

    fn position_of(
        &self,
        query: &Query,
        sort: ListSort,
        id: ArticleId,
    ) -> Result<Option<u64>, String> {
        Store::position_of(self, query, order(sort), id).map_err(text)
    }

    fn load(&self, id: ArticleId) -> Result<Article, String> {
        Store::load(self, id).map_err(text)
    }

    fn article_entities(&self, id: ArticleId) -> Result<Vec<EntityCount>, String> {
        let mut entities = match self.analysis_json(id).map_err(text)? {
            Some((_, json)) => analysis_entities(&json),
            None => Vec::new(),
        };
        entities.extend(tag_rows(
            self.tags_of(id).map_err(text)?.into_iter().map(|t| (t, 0)),
        ));
        Ok(entities)
    }

    fn article_mentions(&self, id: ArticleId) -> Result<Vec<(usize, usize)>, String> {
        let Some((_, json)) = self.analysis_json(id).map_err(text)? else {
            return Ok(Vec::new());
        };
        Ok(analysis_mentions(&json))
    }

    fn set_read(&mut self, id: ArticleId, read: bool) -> Result<(), String> {
        Store::set_read(self, id, read).map_err(text)
    }

    fn set_starred(&mut self, id: ArticleId, starred: bool) -> Result<(), String> {
        Store::set_starred(self, id, starred).map_err(text)
    }

    fn mark_read(&mut self, query: &Query) -> Result<Vec<ArticleId>, String> {
        Store::mark_read_matching(self, query).map_err(text)
    }

    fn set_read_many(&mut self, ids: &[ArticleId], read: bool) -> Result<(), String> {
        Store::set_read_many(self, ids, read).map_err(text)
    }

    fn data_version(&self) -> Result<i64, String> {
        Store::data_version(self).map_err(text)
    }

    fn stale_analysis(&self) -> Result<u64, String> {
        self.stale_analysis_count(crate::analyze::ANALYZER_VERSION)
            .map_err(text)
    }

    fn counts(&self, query: &Query, views: &[(String, Query)]) -> Result<Counts, String> {
        let facets = Store::facets(self, query).map_err(text)?;
        let countries = about_counts(self, query).map_err(text)?;
        Ok(Counts {
            total: facets.total,
            unread: facets.unread,
            by_lang: facets.by_lang,
            by_source: facets.by_source,
            entities: list_entities(self, query, &countries).map_err(text)?,
            countries,
            daily: daily(self, query).map_err(text)?,
            views: view_counts(self, views),
        })
    }

    fn country_list(&self, query: &Query) -> Result<Vec<(String, u64)>, String> {
        let archive = about_counts(self, &Query::default()).map_err(text)?;
        if query.is_empty() {
            return Ok(archive);
        }
        let matching: std::collections::HashMap<String, u64> = about_counts(self, query)
            .map_err(text)?
            .into_iter()
            .collect();
        Ok(merge_counts(&archive, &matching))
    }

    fn ui_state(&self, key: &str) -> Result<Option<String>, String> {
        Store::ui_state(self, key).map_err(text)
    }

    fn set_ui_state(&mut self, key: &str, value: &str) -> Result<(), String> {
        Store::set_ui_state(self, key, value).map_err(text)
    }

    fn delete(&mut self, ids: &[ArticleId]) -> Result<crate::store::Deleted, String> {
        Store::delete(self, ids).map_err(text)
    }

    fn restore(&mut self, deleted: &crate::store::Deleted) -> Result<(), String> {
        Store::restore(self, deleted).map(|_| ()).map_err(text)
    }

    fn set_tag(&mut self, id: ArticleId, tag: &str, present: Option<bool>) -> Result<bool, String> {
        let own = self
            .own_tags(id)
            .map_err(text)?
            .iter()
            .any(|own| own == tag);
        let add = present.unwrap_or(!own);
        if !add && !own && self.feed_tags(id).map_err(text)?.iter().any(|t| t == tag) {
            return Err(format!(
                "{tag} is a tag of the article's feed: change it in the feed's subscription"
            ));
        }
        if add {
            Store::add_tag(self, &[id], tag).map_err(text)?;
        } else {
            Store::remove_tag(self, &[id], tag).map_err(text)?;
        }
        Ok(add)
    }
}

/// Every country of `archive` with its count in `matching` (0 when absent), most first; ties
/// keep the archive's order.
pub fn merge_counts(
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
