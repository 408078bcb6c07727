//! The [`Library`] over the real SQLite [`Store`]: filters are parsed one by one (so an error
//! points into the filter the user just typed) and ANDed together.

use crate::app::SortKey;
use crate::app::sidebar::Counts;
use crate::article::{Article, ArticleId, ArticleSummary};
use crate::query::Query;
use crate::store::{SortOrder, Store};

use super::env::Library;

/// Parses each filter and ANDs them; the error quotes the filter at fault.
pub fn parse_filters(filters: &[String]) -> Result<Query, String> {
    filters.iter().try_fold(Query::default(), |query, filter| {
        Query::parse(filter)
            .map(|parsed| query.and(parsed))
            .map_err(|error| format!("bad filter '{filter}': {error}"))
    })
}

fn order(sort: SortKey) -> SortOrder {
    match sort {
        SortKey::Date => SortOrder::Date,
        SortKey::Source => SortOrder::Source,
        SortKey::Title => SortOrder::Title,
    }
}

fn text(error: impl std::fmt::Display) -> String {
    error.to_string()
}

impl Library for Store {
    fn count(&self, filters: &[String]) -> Result<u64, String> {
        Store::count(self, &parse_filters(filters)?).map_err(text)
    }

    fn summaries(
        &self,
        filters: &[String],
        sort: SortKey,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<ArticleSummary>, String> {
        let query = parse_filters(filters)?;
        Store::summaries(self, &query, order(sort), offset, limit).map_err(text)
    }

    fn position_of(
        &self,
        filters: &[String],
        sort: SortKey,
        id: ArticleId,
    ) -> Result<Option<u64>, String> {
        let query = parse_filters(filters)?;
        Store::position_of(self, &query, order(sort), id).map_err(text)
    }

    fn load(&self, id: ArticleId) -> Result<Article, String> {
        Store::load(self, id).map_err(text)
    }

    fn set_read(&mut self, id: ArticleId, read: bool) -> Result<(), String> {
        Store::set_read(self, id, read).map_err(text)
    }

    fn set_starred(&mut self, id: ArticleId, starred: bool) -> Result<(), String> {
        Store::set_starred(self, id, starred).map_err(text)
    }

    fn data_version(&self) -> Result<i64, String> {
        Store::data_version(self).map_err(text)
    }

    fn counts(&self, filters: &[String]) -> Result<Counts, String> {
        let facets = Store::facets(self, &parse_filters(filters)?).map_err(text)?;
        Ok(Counts {
            total: facets.total,
            unread: facets.unread,
            by_lang: facets.by_lang,
            by_source: facets.by_source,
        })
    }

    fn ui_state(&self, key: &str) -> Result<Option<String>, String> {
        Store::ui_state(self, key).map_err(text)
    }

    fn set_ui_state(&mut self, key: &str, value: &str) -> Result<(), String> {
        Store::set_ui_state(self, key, value).map_err(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_errors_name_the_filter() {
        let filters = vec!["lang:fr".to_string(), "foo:bar".to_string()];
        let error = parse_filters(&filters).expect_err("unknown key");
        assert!(
            error.starts_with("bad filter 'foo:bar': column 1"),
            "{error}"
        );
        assert!(parse_filters(&[]).is_ok());
    }
}
