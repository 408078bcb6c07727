//! Opening a store file safely: what is refused before anything is written (not SQLite, truncated,
//! damaged, another program's database, a newer kiosk's store) and the read-only fallback when
//! the file or its folder cannot be written.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::StoreError;

/// How many times a statement that meets another connection's lock tries again before it
/// reports the store locked: about five minutes of waits of a few milliseconds each.
const BUSY_RETRIES: i32 = 60_000;

/// Told how often a statement met a lock so far: waits a few milliseconds and says to retry.
/// SQLite's own timeout polls every 100 ms and so misses the moment another writer commits
/// between two batches and starts the next; short waits see it (a second import or `feeds add`
/// failed after 30 s with `database is locked` while a large import ran).
fn wait_for_lock(retries: i32) -> bool {
    let millis = u64::try_from(retries.clamp(1, 5)).unwrap_or(5);
    std::thread::sleep(std::time::Duration::from_millis(millis));
    retries < BUSY_RETRIES
}

/// Runs `step` again while SQLite answers busy without waiting: switching a new file to
/// write-ahead logging, or upgrading a read lock while another process creates the same store,
/// fails at once in rollback-journal mode (the busy handler is skipped to avoid a deadlock).
/// Two imports started together into one new store met it as `database is locked`.
pub(super) fn retry_busy<T>(mut step: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let mut tries = 0;
    loop {
        match step() {
            Err(error)
                if tries < 2_000
                    && matches!(
                        error.sqlite_error_code(),
                        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                    ) =>
            {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            other => return other,
        }
    }
}

/// The first bytes of every SQLite database.
pub const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

/// The write-ahead log beside the store at `path`.
fn wal_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

/// Refuses a file that SQLite would reject or misread, before SQLite opens it: anything but an
/// SQLite header, or fewer bytes than the header says the database holds. An absent or empty file
/// becomes a new store.
pub(super) fn check_header(path: &Path) -> Result<(), StoreError> {
    let Ok(mut file) = std::fs::File::open(path) else {
        // Absent (a new store) or unreadable: SQLite's own open names the cause.
        return Ok(());
    };
    let len = file.metadata().map(|meta| meta.len()).unwrap_or(0);
    if len == 0 {
        return Ok(());
    }
    let mut header = [0u8; 100];
    if len < 100 || file.read_exact(&mut header).is_err() || !header.starts_with(SQLITE_MAGIC) {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    // The page count in the header is valid only when stamped with the current change counter
    // (older writers did not keep it).
    let pages = u64::from(be32(28));
    let expected = page_size * pages;
    // A checkpoint cut short (a full disk) may leave page 1 telling the new size before the
    // file grew to it; the pages are still in the write-ahead log, which SQLite reads first.
    let log_len = wal_path(path).metadata().map_or(0, |meta| meta.len());
    if be32(92) == be32(24) && len < expected && log_len == 0 {
        return Err(StoreError::Truncated {
            path: path.to_path_buf(),
            len,
            expected,
        });
    }
    Ok(())
}

/// A connection to `path` and whether it may write. Read-write when the file (and the folder
/// holding its write-ahead log) can be written, otherwise read-only; a read-only folder without
/// the log's index file is read as immutable (nothing can change it there).
pub(super) fn connect(path: &Path) -> Result<(Connection, bool), StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    match Connection::open_with_flags(path, flags) {
        Ok(mut conn) => {
            let read_only = conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true);
            if !read_only && probe(&mut conn).is_ok() {
                return Ok((conn, true));
            }
        }
        // A file that exists but cannot be written; anything else is reported as it is.
        Err(error) if path.exists() && is_write_refusal(&error) => {}
        Err(cause) => return Err(classify(path, cause)),
    }
    connect_read_only(path).map(|conn| (conn, false))
}

/// Opens `path` read-only: normally, or as immutable when the log's index cannot be made.
pub(super) fn connect_read_only(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn =
        Connection::open_with_flags(path, flags).map_err(|cause| classify(path, cause))?;
    if probe(&mut conn).is_ok() {
        return Ok(conn);
    }
    let uri = format!("file:{}?immutable=1", uri_path(path));
    let mut conn = Connection::open_with_flags(&uri, flags | OpenFlags::SQLITE_OPEN_URI)
        .map_err(|cause| classify(path, cause))?;
    probe(&mut conn).map_err(|cause| classify(path, cause))?;
    Ok(conn)
}

/// Reads the schema, which needs the write-ahead log's files: fails where they cannot be made.
fn probe(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.busy_handler(Some(wait_for_lock))?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
}

fn is_write_refusal(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied)
    )
}

/// The path of a `file:` URI, with the characters URIs reserve percent-encoded.
fn uri_path(path: &Path) -> String {
    let mut encoded = String::new();
    for byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                encoded.push(char::from(*byte));
            }
            other => encoded.push_str(&format!("%{other:02X}")),
        }
    }
    encoded
}

/// Refuses what this kiosk must not open as its store, reading only: another program's database
/// (newsboat's cache named as such), a store of a newer schema, a damaged file.
pub(super) fn check_kind(
    conn: &Connection,
    path: &Path,
    known: usize,
) -> Result<usize, StoreError> {
    // One read transaction, so the version and the tables come from one snapshot: read apart,
    // a store another process is creating looked like another program's database (tables but
    // no version yet).
    let snapshot =
        retry_busy(|| conn.unchecked_transaction()).map_err(|cause| classify(path, cause))?;
    let version: usize = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|cause| classify(path, cause))?;
    let has_table = |name: &str| {
        conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
            [name],
            |row| row.get::<_, bool>(0),
        )
        .map_err(|cause| classify(path, cause))
    };
    let tables: u64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
        .map_err(|cause| classify(path, cause))?;
    if (version == 0 && tables > 0) || (version > 0 && !has_table("articles")?) {
        if has_table("rss_item")? && has_table("rss_feed")? {
            return Err(StoreError::NewsboatCache {
                path: path.to_path_buf(),
            });
        }
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
        });
    }
    if version > known {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: version,
            known,
        });
    }
    drop(snapshot);
    Ok(version)
}

/// An SQLite error met while opening, as the sentence that fits it.
pub(super) fn classify(path: &Path, cause: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match cause.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Damaged { path, cause },
        _ => StoreError::Open { path, cause },
    }
}

#[cfg(test)]
mod tests;
