//! `kiosk delete` (a dry run unless `--yes`), `kiosk tag` and `kiosk untag` over the articles a
//! query matches.

use anyhow::anyhow;

use super::{Failure, usage};
use crate::query::Query;
use crate::store::{SortOrder, Store, normalize_tag};
use crate::untrusted::clean_line;

/// Titles a dry run of `delete` lists before "and N more".
const SHOWN: u64 = 10;

fn articles(count: usize) -> String {
    format!("{count} article{}", if count == 1 { "" } else { "s" })
}

/// Deletes the articles `query` matches when `yes`; otherwise says what it would delete.
pub fn delete(store: &mut Store, query: &Query, yes: bool) -> Result<u8, Failure> {
    if query.is_empty() {
        return Err(usage(anyhow!(
            "delete needs a query (to delete every article, remove the store file)"
        )));
    }
    let ids = store.ids(query)?;
    if !yes {
        println!("would delete {}:", articles(ids.len()));
        for summary in store.summaries(query, SortOrder::Date, 0, SHOWN)? {
            println!("{:>6}  {}", summary.id, clean_line(&summary.title));
        }
        if ids.len() as u64 > SHOWN {
            println!("        … and {} more", ids.len() as u64 - SHOWN);
        }
        if !ids.is_empty() {
            println!("nothing deleted: add --yes to delete them");
        }
        return Ok(0);
    }
    let deleted = store.delete(&ids)?;
    println!(
        "deleted {} (they will not come back on import or fetch)",
        articles(deleted.len())
    );
    Ok(0)
}

/// `tag QUERY... NAME` (`add`) or `untag QUERY... NAME`: the last word is the tag.
pub fn tag(store: &mut Store, words: &[String], add: bool) -> Result<u8, Failure> {
    let Some((name, query)) = words.split_last().filter(|(_, query)| !query.is_empty()) else {
        return Err(usage(anyhow!(
            "give a query and a tag name: kiosk tag QUERY NAME"
        )));
    };
    let Some(tag) = normalize_tag(name) else {
        return Err(usage(anyhow!("invalid tag name {name:?}")));
    };
    let query = super::parse_query(query)?;
    let ids = store.ids(&query)?;
    if add {
        let changed = store.add_tag(&ids, &tag)?;
        println!("tagged {} {tag}", articles(changed.len()));
    } else {
        let changed = store.remove_tag(&ids, &tag)?;
        println!("untagged {} {tag}", articles(changed.len()));
        let kept = store.count(&query.and(Query::of(crate::query::Filter::Tag(tag.clone()))))?;
        if kept > 0 {
            println!(
                "{} keep {tag} from their feed's tags",
                articles(usize::try_from(kept).unwrap_or(usize::MAX))
            );
        }
    }
    Ok(0)
}
