//! Keyset paging: a list page read from the index at a neighbouring row (or from the far end)
//! instead of counted off from the top, so that `G`, `PgDn` held down and a jump near the end of
//! a million rows cost what the first page costs, in every order.

use std::cell::RefCell;

use rusqlite::types::Value;

use super::{Result, SUMMARY_COLUMNS, Sort, SortOrder, Store, filter, summary_from_row};
use crate::article::{ArticleId, ArticleSummary};
use crate::query::Query;

/// Where a page starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The first rows.
    Top,
    /// This article and the rows after it.
    From(ArticleId),
    /// The rows after this article.
    After(ArticleId),
    /// The rows before this article, in list order.
    Before(ArticleId),
    /// The last rows, in list order.
    Bottom,
}

/// The page [`Store::summaries`] returned last: its neighbours are read from its rows' keys.
#[derive(Default)]
pub(super) struct LastPage(RefCell<Option<Page>>);

struct Page {
    /// The store's data version and this connection's writes when read: a write since, here or
    /// elsewhere, moves rows, and the page's neighbours are then counted off again.
    version: (i64, u64),
    query: Query,
    sort: Sort,
    offset: u64,
    ids: Vec<ArticleId>,
}

impl Store {
    /// One screenful of list rows: `limit` rows from `offset` in `sort` order, as `LIMIT …
    /// OFFSET` would give them. A page overlapping or touching the last one starts from a row
    /// of it; one in the far half of a list whose count is cheap is counted off from the end.
    pub fn summaries(
        &self,
        query: &Query,
        sort: impl Into<Sort>,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<ArticleSummary>> {
        let sort: Sort = sort.into();
        let rows = match self.plan(query, sort, offset, limit)? {
            Some(rows) => rows,
            None => self.offset_summaries(query, sort, offset, limit)?,
        };
        *self.last_page.0.borrow_mut() = Some(Page {
            version: self.version()?,
            query: query.clone(),
            sort,
            offset,
            ids: rows.iter().map(|row| row.id).collect(),
        });
        Ok(rows)
    }

    /// The page by keys when keys find it; `None` leaves it to `OFFSET`.
    fn plan(
        &self,
        query: &Query,
        sort: Sort,
        offset: u64,
        limit: u64,
    ) -> Result<Option<Vec<ArticleSummary>>> {
        // The first page is cheap already; a country's newest articles walk the country index.
        let by_country =
            sort == Sort::from(SortOrder::Date) && filter::driving_countries(query).is_some();
        if offset == 0 || limit == 0 || by_country {
            return Ok(None);
        }
        let version = self.version()?;
        let anchor = self.last_page.0.borrow().as_ref().and_then(|last| {
            if last.version != version || last.query != *query || last.sort != sort {
                return None;
            }
            let end = last.offset + last.ids.len() as u64;
            let at = |position: u64| {
                let i = usize::try_from(position - last.offset).ok()?;
                last.ids.get(i).copied()
            };
            if (last.offset..end).contains(&offset) {
                at(offset).map(Anchor::From)
            } else if offset == end && end > last.offset {
                at(end - 1).map(Anchor::After)
            } else if offset < last.offset && (last.offset..end).contains(&(offset + limit)) {
                at(offset + limit).map(Anchor::Before)
            } else {
                None
            }
        });
        if let Some(anchor) = anchor
            && let Some(rows) = self.page(query, sort, anchor, limit)?
        {
            return Ok(Some(rows));
        }
        // Far from the last page: from whichever end is nearer, when the count is cheap.
        let Some(total) = self.quick_count(query)? else {
            return Ok(None);
        };
        if offset <= total / 2 {
            return Ok(None);
        }
        let end = offset.saturating_add(limit).min(total);
        let Some(len) = end.checked_sub(offset).filter(|&len| len > 0) else {
            return Ok(Some(Vec::new()));
        };
        let mut rows = self.offset_summaries(query, sort.reversed(), total - end, len)?;
        rows.reverse();
        Ok(Some(rows))
    }

    fn version(&self) -> Result<(i64, u64)> {
        Ok((self.data_version()?, self.conn.total_changes()))
    }

    /// Up to `limit` rows of `query` in `sort` order from `anchor`; `None` when the anchor's
    /// article is gone.
    pub fn page(
        &self,
        query: &Query,
        sort: impl Into<Sort>,
        anchor: Anchor,
        limit: u64,
    ) -> Result<Option<Vec<ArticleSummary>>> {
        let sort: Sort = sort.into();
        // Before a row is after it the other way round.
        let (sort, id, inclusive, backwards) = match anchor {
            Anchor::Top => (sort, None, false, false),
            Anchor::Bottom => (sort.reversed(), None, false, true),
            Anchor::From(id) => (sort, Some(id), true, false),
            Anchor::After(id) => (sort, Some(id), false, false),
            Anchor::Before(id) => (sort.reversed(), Some(id), false, true),
        };
        let key = match id {
            Some(id) => match self.sort_key(sort, id)? {
                Some(key) => Some(key),
                None => return Ok(None),
            },
            None => None,
        };
        let mut rows = self.after(query, sort, key.as_deref(), inclusive, limit)?;
        if backwards {
            rows.reverse();
        }
        Ok(Some(rows))
    }

    /// The values `sort` orders article `id` by.
    fn sort_key(&self, sort: Sort, id: ArticleId) -> Result<Option<Vec<Value>>> {
        let columns: Vec<&str> = sort.columns().into_iter().map(|(c, _)| c).collect();
        let sql = format!(
            "SELECT {} FROM articles a WHERE a.id = ?",
            columns.join(", ")
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let mut rows = statement.query([id])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let key = (0..columns.len())
            .map(|i| row.get::<_, Value>(i))
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(key))
    }

    /// Up to `limit` rows after `key` (at it too when `inclusive`) in `sort` order. The rows
    /// after a key are those equal to it on the first columns and after it on the next one, for
    /// each number of equal columns, most first: each such run is one range of the order's
    /// index, read in order, where one `OR` of them all would have SQLite walk from the top.
    fn after(
        &self,
        query: &Query,
        sort: Sort,
        key: Option<&[Value]>,
        inclusive: bool,
        limit: u64,
    ) -> Result<Vec<ArticleSummary>> {
        let filter = self.sql(query);
        let columns = sort.columns();
        let mut runs: Vec<(Vec<String>, Vec<Value>)> = Vec::new();
        match key {
            None => runs.push((Vec::new(), Vec::new())),
            Some(key) => {
                for depth in (0..columns.len()).rev() {
                    let (mut equal, mut values) = (Vec::new(), Vec::new());
                    for (&(column, _), value) in columns.iter().zip(key).take(depth) {
                        match value {
                            Value::Null => equal.push(format!("{column} IS NULL")),
                            value => {
                                equal.push(format!("{column} = ?"));
                                values.push(value.clone());
                            }
                        }
                    }
                    let last = depth + 1 == columns.len();
                    let (column, desc) = columns[depth];
                    for (condition, value) in beyond(column, desc, &key[depth], inclusive && last) {
                        let mut conditions = equal.clone();
                        conditions.push(condition);
                        let mut values = values.clone();
                        values.extend(value);
                        runs.push((conditions, values));
                    }
                }
            }
        }
        let mut rows = Vec::new();
        for (conditions, values) in runs {
            let wanted = limit.saturating_sub(rows.len() as u64);
            if wanted == 0 {
                break;
            }
            let mut sql = format!(
                "SELECT {SUMMARY_COLUMNS} FROM articles a WHERE {}",
                filter.condition
            );
            for condition in &conditions {
                sql.push_str(" AND ");
                sql.push_str(condition);
            }
            sql.push_str(&format!(" ORDER BY {} LIMIT ?", sort.order_by()));
            let mut params = filter.params.clone();
            params.extend(values);
            params.push(i64::try_from(wanted).unwrap_or(i64::MAX).into());
            let mut statement = self.conn.prepare_cached(&sql)?;
            let found =
                statement.query_map(rusqlite::params_from_iter(&params), summary_from_row)?;
            for row in found {
                rows.push(row?);
            }
        }
        Ok(rows)
    }
}

/// The conditions, in list order, of the values of `column` after `key` (or equal, when
/// `inclusive`). SQLite sorts NULL lowest: first ascending, last descending.
fn beyond(column: &str, desc: bool, key: &Value, inclusive: bool) -> Vec<(String, Option<Value>)> {
    let op = match (desc, inclusive) {
        (false, false) => ">",
        (false, true) => ">=",
        (true, false) => "<",
        (true, true) => "<=",
    };
    match (key, desc) {
        (Value::Null, false) => vec![(format!("{column} IS NOT NULL"), None)],
        (Value::Null, true) => Vec::new(),
        (value, false) => vec![(format!("{column} {op} ?"), Some(value.clone()))],
        (value, true) => vec![
            (format!("{column} {op} ?"), Some(value.clone())),
            (format!("{column} IS NULL"), None),
        ],
    }
}
