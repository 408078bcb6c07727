use super::*;
use crate::store::{SCHEMA_VERSION, Store};

#[test]
fn a_read_only_connection_reads_and_refuses_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kiosk.db");
    let mut store = Store::open(&path).expect("create");
    assert!(store.is_writable());
    let writer = store.writer().expect("writer");
    let article = crate::article::NewArticle {
        title: "Kept".into(),
        body: "Body.".into(),
        ..Default::default()
    };
    writer.insert(&article, "hash").expect("insert");
    writer.commit().expect("commit");
    drop(store);
    // Root ignores file modes, so the read-only path is forced through SQLite's read-only flag
    // (what `connect` falls back to); the CLI tests use a read-only mount when they can.
    let conn = connect_read_only(&path).expect("read-only open");
    assert_eq!(
        check_kind(&conn, &path, SCHEMA_VERSION).expect("kiosk"),
        SCHEMA_VERSION
    );
    let error = conn
        .execute("UPDATE articles SET read = 1", [])
        .expect_err("read-only");
    assert!(matches!(StoreError::from(error), StoreError::ReadOnly));
}

#[test]
fn header_checks_need_no_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("x.db");
    assert!(check_header(&path).is_ok(), "absent: a new store");
    std::fs::write(&path, "").expect("write");
    assert!(check_header(&path).is_ok(), "empty: a new store");
    std::fs::write(&path, [b'x'; 4096]).expect("write");
    assert!(matches!(
        check_header(&path),
        Err(StoreError::NotADatabase { .. })
    ));
    let mut header = SQLITE_MAGIC.to_vec();
    header.resize(4096, 0);
    header[16..18].copy_from_slice(&4096u16.to_be_bytes());
    header[24..28].copy_from_slice(&7u32.to_be_bytes());
    header[28..32].copy_from_slice(&3u32.to_be_bytes());
    header[92..96].copy_from_slice(&7u32.to_be_bytes());
    std::fs::write(&path, &header).expect("write");
    assert!(matches!(
        check_header(&path),
        Err(StoreError::Truncated {
            len: 4096,
            expected: 12288,
            ..
        })
    ));
}

#[test]
fn uri_paths_escape_reserved_characters() {
    assert_eq!(uri_path(Path::new("/a b/c?#%.db")), "/a%20b/c%3F%23%25.db");
}
