//! List paging at archive scale (issue 18): the first page, `G` (the last page), `PgDn` held down
//! near the end and jumps, in every order both ways round, through [`Store::summaries`] as the
//! TUI pages (keyset from the page before, or from the nearer end) beside plain `OFFSET` paging.

use kiosk::query::Query;
use kiosk::store::{Direction, Sort, SortOrder, Store};

use super::measure;

/// The TUI's window: a 50-row screen with a screen of margin either side.
const WINDOW: u64 = 150;

pub fn paging(store: &Store) {
    let all = Query::default();
    let total = store.count(&all).expect("count");
    let end = total.saturating_sub(WINDOW);
    for order in [SortOrder::Date, SortOrder::Source, SortOrder::Title] {
        for direction in [Direction::Forward, Direction::Reverse] {
            let sort = Sort { order, direction };
            let name = format!(
                "{order:?}{}",
                if direction == Direction::Reverse {
                    " reversed"
                } else {
                    ""
                }
            );
            measure(&format!("paging {name}: first page"), 11, || {
                store.summaries(&all, sort, 0, WINDOW).expect("page").len()
            });
            measure(&format!("paging {name}: G (last page)"), 11, || {
                // From the top, as `G` comes: no page beside it to start from.
                store.summaries(&all, sort, 0, WINDOW).expect("top");
                store
                    .summaries(&all, sort, end, WINDOW)
                    .expect("page")
                    .len()
            });
            measure(&format!("paging {name}: G by OFFSET (before)"), 5, || {
                store
                    .offset_summaries(&all, sort, end, WINDOW)
                    .expect("page")
                    .len()
            });
            // PgDn held: each window a screen past the last, from 60% of the list.
            let mut at = total * 3 / 5;
            store.summaries(&all, sort, at, WINDOW).expect("start");
            measure(
                &format!("paging {name}: PgDn at 60% (next window)"),
                21,
                || {
                    at += WINDOW / 3;
                    store.summaries(&all, sort, at, WINDOW).expect("page").len()
                },
            );
            measure(
                &format!("paging {name}: PgUp at 60% (previous window)"),
                21,
                || {
                    at -= WINDOW / 3;
                    store.summaries(&all, sort, at, WINDOW).expect("page").len()
                },
            );
            measure(&format!("paging {name}: jump to 90%"), 5, || {
                store.summaries(&all, sort, 0, WINDOW).expect("top");
                store
                    .summaries(&all, sort, total * 9 / 10, WINDOW)
                    .expect("page")
                    .len()
            });
            measure(
                &format!("paging {name}: jump to 50% (by OFFSET)"),
                3,
                || {
                    store.summaries(&all, sort, 0, WINDOW).expect("top");
                    store
                        .summaries(&all, sort, total / 2, WINDOW)
                        .expect("page")
                        .len()
                },
            );
        }
    }
}
