//! The names each stored entity is known by (`entity_aliases`, schema migration 8): written when
//! an entity is first stored, learnt from the forms articles write, and made for the entities of
//! an older store when it is opened. What the names are is `analyze::names_of`'s business.

use rusqlite::{Connection, OptionalExtension, params};

use super::{Result, Store, Writer};
use crate::analyze::{EntityKind, Names, fold_name, names_of};

/// How many entities of an older store get their names per transaction while it is opened.
const BACKLOG_BATCH: i64 = 5_000;

/// Stores the names of entity `id`; names it already has stay as they are.
fn add_names(conn: &Connection, id: i64, kind: EntityKind, names: &Names) -> rusqlite::Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO entity_aliases (alias, kind, entity_id, canonical, surname) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    // Full names first: a surname that is also one of them stays a full name.
    for alias in &names.aliases {
        insert.execute(params![alias, kind, id, names.canonical, false])?;
    }
    if let Some(surname) = &names.surname {
        insert.execute(params![surname, kind, id, names.canonical, true])?;
    }
    Ok(())
}

/// The names of an entity; countries are not entities here, and keep their folded name.
fn names(kind: EntityKind, name: &str, country: Option<&str>) -> Names {
    match kind {
        EntityKind::Person | EntityKind::Organization | EntityKind::Place => {
            names_of(kind, name, country)
        }
        EntityKind::Country => Names {
            canonical: fold_name(name),
            aliases: vec![fold_name(name)],
            surname: None,
        },
    }
}

impl Writer<'_> {
    /// The id of the entity `name` of `kind`, stored with its names if it is new.
    pub(super) fn entity_id(
        &self,
        kind: EntityKind,
        name: &str,
        country: Option<&str>,
    ) -> Result<i64> {
        let found: Option<(i64, Option<String>)> = self
            .tx
            .prepare_cached("SELECT id, country FROM entities WHERE kind = ?1 AND name = ?2")?
            .query_row(params![kind, name], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        if let Some((id, known)) = found {
            if known.is_none() && country.is_some() {
                self.tx
                    .prepare_cached("UPDATE entities SET country = ?2 WHERE id = ?1")?
                    .execute(params![id, country])?;
            }
            return Ok(id);
        }
        let id: i64 = self
            .tx
            .prepare_cached(
                "INSERT INTO entities (kind, name, country) VALUES (?1, ?2, ?3) RETURNING id",
            )?
            .query_row(params![kind, name, country], |row| row.get(0))?;
        add_names(&self.tx, id, kind, &names(kind, name, country))?;
        Ok(id)
    }

    /// Adds the forms an article wrote for entity `name` of `kind` ("CNSP" for the council it
    /// defines) to the names it is known by. People are left out: the analyser joins their
    /// mentions by surname, which [`Names::surname`] covers with its own rule.
    pub(super) fn learn_written(
        &self,
        kind: EntityKind,
        name: &str,
        written: &[&str],
    ) -> Result<()> {
        if kind == EntityKind::Person {
            return Ok(());
        }
        let own = fold_name(name);
        let mut new: Vec<String> = written
            .iter()
            .map(|form| fold_name(form))
            .filter(|form| !form.is_empty() && *form != own)
            .collect();
        if new.is_empty() {
            return Ok(());
        }
        let found: Option<(i64, Option<String>)> = self
            .tx
            .prepare_cached("SELECT id, country FROM entities WHERE kind = ?1 AND name = ?2")?
            .query_row(params![kind, name], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        let Some((id, country)) = found else {
            return Ok(());
        };
        let mut known = names(kind, name, country.as_deref());
        new.retain(|form| !known.aliases.contains(form));
        new.sort_unstable();
        new.dedup();
        if new.is_empty() {
            return Ok(());
        }
        known.aliases = new;
        known.surname = None;
        add_names(&self.tx, id, kind, &known)?;
        Ok(())
    }
}

/// Entity names by folded prefix: `?1 <= alias < ?2` on the key of `entity_aliases`, the kind
/// `?3` (any when NULL), entities some article cites, at most `?4` rows in key order.
pub(super) const ENTITY_NAMES: &str = "SELECT al.alias, e.name FROM entity_aliases al \
     JOIN entities e ON e.id = al.entity_id \
     WHERE al.alias >= ?1 AND al.alias < ?2 AND (?3 IS NULL OR al.kind = ?3) \
     AND EXISTS (SELECT 1 FROM entity_totals t \
                 WHERE t.entity_id = al.entity_id AND t.articles > 0) \
     ORDER BY al.alias LIMIT ?4";

/// Alias rows read per name asked for by [`Store::entity_names`].
const ROWS_PER_NAME: usize = 16;

impl Store {
    /// Up to `limit` names of entities of `kind` (any when `None`) cited by some article, with a
    /// name starting with `typed` once folded (case and accents aside), by folded name: the
    /// entity's own name where it starts so, else the alias that does (`putin` for Vladimir
    /// Poutine). One index range of `entity_aliases`' key, so a letter costs no more than `limit`
    /// rows on any archive.
    pub fn entity_names(
        &self,
        kind: Option<EntityKind>,
        typed: &str,
        limit: usize,
    ) -> Result<Vec<String>> {
        let folded = fold_name(typed);
        // Every folded name starting with `folded` sorts below this (U+10FFFF is no letter).
        let past = format!("{folded}\u{10FFFF}");
        let mut statement = self.conn.prepare_cached(ENTITY_NAMES)?;
        // An entity has a row per alias (a dozen for an organisation known in many languages):
        // rows enough for `limit` entities, still one bounded walk of the index.
        let rows_wanted = i64::try_from(limit.saturating_mul(ROWS_PER_NAME)).unwrap_or(i64::MAX);
        let rows = statement.query_map(params![folded, past, kind, rows_wanted], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?;
        let mut names: Vec<String> = Vec::new();
        for row in rows {
            let (alias, name) = row?;
            let shown = if fold_name(&name).starts_with(&folded) {
                name
            } else {
                alias
            };
            if !names.contains(&shown) {
                names.push(shown);
            }
            if names.len() == limit {
                break;
            }
        }
        Ok(names)
    }
}

/// Gives the entities an older store held before migration 8 their names, a batch per
/// transaction, so that an interrupted open goes on where it stopped.
pub(super) fn work_off_backlog(conn: &mut Connection) -> rusqlite::Result<()> {
    // A read first: nearly every open finds no backlog, and must not wait for the write lock
    // another process holds (the TUI opened under a long import, the writer thread under a lock).
    let pending: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM entity_alias_backlog)",
        [],
        |row| row.get(0),
    )?;
    if !pending {
        return Ok(());
    }
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let Some(next) = tx
            .query_row("SELECT next FROM entity_alias_backlog", [], |row| {
                row.get::<_, i64>(0)
            })
            .optional()?
        else {
            return Ok(());
        };
        let batch: Vec<(i64, String, String, Option<String>)> = tx
            .prepare(
                "SELECT id, kind, name, country FROM entities WHERE id > ?1 ORDER BY id LIMIT ?2",
            )?
            .query_map(params![next, BACKLOG_BATCH], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (id, kind, name, country) in &batch {
            // Only the analyser's kinds are stored; another would be no entity of kiosk's.
            let Some(kind) = EntityKind::from_name(kind) else {
                continue;
            };
            add_names(&tx, *id, kind, &names(kind, name, country.as_deref()))?;
        }
        match batch.last() {
            Some((last, ..)) => {
                tx.execute("UPDATE entity_alias_backlog SET next = ?1", [last])?;
            }
            None => {
                tx.execute("DELETE FROM entity_alias_backlog", [])?;
            }
        }
        tx.commit()?;
    }
}
