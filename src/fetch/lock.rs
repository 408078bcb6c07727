//! One fetch at a time per store: an OS file lock on a file beside the store, held while
//! `kiosk fetch` or the TUI's `F` fetches, and released when the process ends (killed too).
//! Two fetches at once were safe (duplicates are caught inside each write) but downloaded and
//! parsed every feed twice, and neither said anything.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// The store's fetch lock, held until dropped.
pub struct FetchLock {
    _file: Option<File>,
}

impl FetchLock {
    /// Takes the fetch lock of the store at `store`; while another process holds it, calls
    /// `waiting` once and waits for it. Where no lock file can be made (a read-only folder,
    /// where fetching fails anyway) or locks are not supported, goes on without one.
    pub fn acquire(store: &Path, waiting: impl FnOnce()) -> Self {
        let opened = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path(store));
        let Ok(file) = opened else {
            return Self { _file: None };
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                waiting();
                if file.lock().is_err() {
                    return Self { _file: None };
                }
            }
            Err(TryLockError::Error(_)) => return Self { _file: None },
        }
        Self { _file: Some(file) }
    }
}

/// `kiosk.db` → `kiosk.db.fetch-lock`, in the store's folder.
fn lock_path(store: &Path) -> PathBuf {
    let mut name = store.file_name().unwrap_or_default().to_os_string();
    name.push(".fetch-lock");
    store.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_told_to_wait() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = dir.path().join("kiosk.db");
        let mut told = false;
        let first = FetchLock::acquire(&store, || told = true);
        assert!(!told);
        assert!(first._file.is_some());
        assert!(dir.path().join("kiosk.db.fetch-lock").exists());
        // Another open file description of the same file conflicts, as another process would.
        let other = File::open(lock_path(&store)).expect("open");
        assert!(matches!(other.try_lock(), Err(TryLockError::WouldBlock)));
        drop(first);
        assert!(other.try_lock().is_ok(), "released on drop");
    }
}
