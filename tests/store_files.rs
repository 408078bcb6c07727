//! The `kiosk` binary over store files it must not take as its own (another program's SQLite
//! database, newsboat's cache, a newer kiosk's store, damaged files), over read-only stores and
//! full disks, and with two writers at once.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// A temp folder with an empty config; every command names its store.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("config.toml"), "").expect("config");
        Self { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn kiosk(&self, store: &Path, args: &[&str]) -> Output {
        Command::cargo_bin("kiosk")
            .expect("binary built")
            .arg("--store")
            .arg(store)
            .args(args)
            .env("KIOSK_CONFIG", self.path("config.toml"))
            .write_stdin("")
            .output()
            .expect("runs")
    }

    /// A kiosk store holding `count` imported articles.
    fn store_with(&self, name: &str, count: usize) -> PathBuf {
        let store = self.path(name);
        let input = self.path(&format!("{name}.jsonl"));
        std::fs::write(&input, json_lines("seed", count)).expect("input");
        let output = self.kiosk(&store, &["import", arg(&input)]);
        assert!(output.status.success(), "{}", stderr(&output));
        store
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// `count` JSON Lines articles whose ids and titles start with `tag`.
fn json_lines(tag: &str, count: usize) -> String {
    (0..count)
        .map(|n| {
            format!(
                "{{\"id\": \"{tag}-{n}\", \"title\": \"{tag} story {n}\", \
                 \"body\": \"Paragraph {n} of {tag}, about Niamey.\", \"lang\": \"en\"}}\n"
            )
        })
        .collect()
}

/// `kiosk list` over `store` fails with a sentence containing `expected`, leaving its bytes.
fn refused(env: &Env, store: &Path, expected: &str) {
    let before = std::fs::read(store).expect("read store");
    for command in [&["list"][..], &["import", "-"]] {
        let output = env.kiosk(store, command);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let message = stderr(&output);
        assert!(message.contains(expected), "{message}");
        assert_eq!(message.trim().lines().count(), 1, "{message}");
    }
    assert!(
        std::fs::read(store).expect("read store") == before,
        "store bytes changed"
    );
}

#[test]
fn another_programs_database_is_refused() {
    let env = Env::new();
    let path = env.path("other.db");
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');")
        .expect("write");
    drop(conn);
    refused(
        &env,
        &path,
        "another program's SQLite database, not a kiosk store",
    );
}

#[test]
fn newsboat_cache_is_refused_with_the_import_to_use() {
    let env = Env::new();
    let path = env.path("cache.db");
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute_batch(
        "CREATE TABLE rss_feed (rssurl TEXT PRIMARY KEY, title TEXT); \
         CREATE TABLE rss_item (id INTEGER PRIMARY KEY, title TEXT, feedurl TEXT);",
    )
    .expect("write");
    drop(conn);
    refused(
        &env,
        &path,
        &format!("import it with `kiosk import {}`", path.display()),
    );
}

#[test]
fn a_store_of_a_newer_schema_is_refused_naming_both_versions() {
    let env = Env::new();
    let store = env.store_with("newer.db", 3);
    let conn = rusqlite::Connection::open(&store).expect("open");
    conn.pragma_update(None, "user_version", 99).expect("bump");
    drop(conn);
    let known = kiosk::store::SCHEMA_VERSION;
    refused(
        &env,
        &store,
        &format!("newer kiosk (schema version 99; this kiosk knows up to {known})"),
    );
}

#[test]
fn files_that_are_not_sqlite_truncated_or_damaged_are_refused() {
    let env = Env::new();
    let text = env.path("notes.db");
    std::fs::write(
        &text,
        "plain text, long enough to be mistaken for nothing else\n".repeat(3),
    )
    .expect("write");
    refused(&env, &text, "not a kiosk store (not an SQLite database)");
    let short = env.path("short.db");
    std::fs::write(&short, b"SQLite format 3\0 but nothing after").expect("write");
    refused(&env, &short, "not a kiosk store");

    let truncated = env.store_with("truncated.db", 20);
    let bytes = std::fs::read(&truncated).expect("read");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("truncate");
    refused(&env, &truncated, "is truncated");

    let damaged = env.store_with("damaged.db", 20);
    let mut bytes = std::fs::read(&damaged).expect("read");
    // Page 1 past the file header holds the schema's b-tree: scribble over it.
    bytes[100..400].fill(0xA5);
    std::fs::write(&damaged, &bytes).expect("damage");
    refused(&env, &damaged, "is damaged");
}

#[test]
fn two_json_array_imports_at_once_both_land() {
    let env = Env::new();
    let store = env.path("shared.db");
    let files: Vec<PathBuf> = ["east", "west"]
        .iter()
        .map(|tag| {
            let items: Vec<String> = json_lines(tag, 3000).lines().map(str::to_string).collect();
            let path = env.path(&format!("{tag}.json"));
            std::fs::write(&path, format!("[{}]", items.join(",\n"))).expect("input");
            path
        })
        .collect();
    let spawn = |file: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .arg("--store")
            .arg(&store)
            .args(["import", arg(file)])
            .env("KIOSK_CONFIG", env.path("config.toml"))
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawns")
    };
    let children = [spawn(&files[0]), spawn(&files[1])];
    for child in children {
        let output = child.wait_with_output().expect("waits");
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(!stderr(&output).contains("locked"), "{}", stderr(&output));
    }
    let output = env.kiosk(&store, &["stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(stats["articles"], 6000);
}

#[test]
fn a_store_on_a_read_only_mount_reads_with_writes_off() {
    let env = Env::new();
    let store = env.store_with("kiosk.db", 5);
    let mount = env.path("ro");
    std::fs::create_dir(&mount).expect("mkdir");
    // Root ignores file modes: only a read-only mount makes writing really impossible.
    let mounted = std::process::Command::new("mount")
        .args(["--bind", arg(env.dir.path()), arg(&mount)])
        .status()
        .is_ok_and(|status| status.success())
        && std::process::Command::new("mount")
            .args(["-o", "remount,bind,ro", arg(&mount)])
            .status()
            .is_ok_and(|status| status.success());
    if !mounted {
        eprintln!("skipped: cannot make a read-only bind mount here (needs root)");
        let _ = std::process::Command::new("umount").arg(&mount).status();
        return;
    }
    let read_only = mount.join("kiosk.db");
    let list = env.kiosk(&read_only, &["list"]);
    let stats = env.kiosk(&read_only, &["stats"]);
    let import = env.kiosk(&read_only, &["import", arg(&mount.join("kiosk.db.jsonl"))]);
    let _ = std::process::Command::new("umount").arg(&mount).status();
    assert!(list.status.success(), "{}", stderr(&list));
    assert_eq!(String::from_utf8_lossy(&list.stdout).lines().count(), 5);
    assert!(
        stderr(&list).contains("writes are off"),
        "{}",
        stderr(&list)
    );
    assert!(stats.status.success(), "{}", stderr(&stats));
    assert_eq!(import.status.code(), Some(1));
    assert!(
        stderr(&import).contains("the store is read-only"),
        "{}",
        stderr(&import)
    );
    assert!(store.exists());
}

/// A small tmpfs mounted on a folder, unmounted on drop (even when an assertion fails).
struct SmallDisk(PathBuf);

impl SmallDisk {
    /// `None` (with the reason printed) where mounting is not allowed.
    fn mount(at: PathBuf, size: &str) -> Option<Self> {
        std::fs::create_dir(&at).expect("mkdir");
        let mounted = std::process::Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size}"),
                "tmpfs",
                arg(&at),
            ])
            .status()
            .is_ok_and(|status| status.success());
        if !mounted {
            eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
            return None;
        }
        Some(Self(at))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_stops_the_import_with_the_count_of_articles_kept() {
    let env = Env::new();
    let Some(disk) = SmallDisk::mount(env.path("small"), "4m") else {
        return;
    };
    let store = disk.0.join("kiosk.db");
    let input = env.path("many.jsonl");
    std::fs::write(&input, json_lines("full", 20_000)).expect("input");
    let import = env.kiosk(&store, &["import", arg(&input)]);
    assert_eq!(import.status.code(), Some(1), "{}", stderr(&import));
    let message = stderr(&import);
    assert_eq!(message.trim().lines().count(), 1, "{message}");
    let prefix = format!("kiosk: store full: {} (", store.display());
    let added: usize = message
        .strip_prefix(&prefix)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {message}"));
    assert!(message.contains("articles added before"), "{message}");
    assert!(added > 0 && added < 20_000, "{message}");

    let list = env.kiosk(&store, &["list", "--json", "--limit", "100000"]);
    assert!(list.status.success(), "{}", stderr(&list));
    assert_eq!(String::from_utf8_lossy(&list.stdout).lines().count(), added);
    let stats = env.kiosk(&store, &["stats", "--json"]);
    assert!(stats.status.success(), "{}", stderr(&stats));
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("json");
    assert_eq!(stats["articles"], added);
    let conn = rusqlite::Connection::open(&store).expect("opens");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity check");
    assert_eq!(check, "ok");
}
