//! The TUI beside other processes, on a real terminal (tmux) and a real store: kiosk killed
//! with SIGKILL in the middle of its writes (read, star, tag) keeps every write it had shown as
//! done and leaves a store that passes `integrity_check`; two imports running while the TUI is
//! open both land whole, no `database is locked` reaches anyone, and the TUI shows their
//! articles. Every wait polls the screen or the process; skipped when tmux is missing.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/tmux.rs"]
mod tmux;

use std::path::Path;
use std::process::{Command, Stdio};

use kiosk::article::NewArticle;
use tmux::{Tmux, kiosk_pid};

/// `*` marks a starred row; the rest of the screen has none.
fn stars(screen: &str) -> usize {
    screen.matches('*').count()
}

/// The count the sidebar's `Unread` row shows.
fn unread_shown(screen: &str) -> Option<usize> {
    let line = screen.lines().find(|line| line.contains("Unread"))?;
    let after = &line[line.find("Unread")? + "Unread".len()..];
    let digits: String = after
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn count(store: &Path, sql: &str) -> i64 {
    let connection = rusqlite::Connection::open(store).expect("open store");
    connection
        .query_row(sql, [], |row| row.get(0))
        .expect("count")
}

fn integrity(store: &Path) -> String {
    let connection = rusqlite::Connection::open(store).expect("open store");
    connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity check")
}

/// Gets the pane's shell a sane terminal and an empty screen after kiosk died in raw mode
/// (Enter then sends `\r`, which the shell does not end a line on: Ctrl-J does).
fn recover_shell(tmux: &Tmux) {
    tmux.run(&[
        "send-keys",
        "-t",
        "e2e",
        "-l",
        "stty sane; clear; echo SHELL-BACK",
    ]);
    tmux.keys(&["C-j"]);
    tmux.wait_for("the shell", |screen| {
        screen.contains("SHELL-BACK") && !screen.contains("Articles (")
    });
}

#[test]
fn writes_killed_mid_way_keep_every_write_shown_as_done() {
    let Some(tmux) = Tmux::start("killed-writes") else {
        return;
    };
    let store = tmux.path("kiosk.db");
    let articles: Vec<NewArticle> = (1..=20).map(fixtures::article).collect();
    fixtures::import(&store, &articles);
    let mut confirmed: Vec<String> = Vec::new();
    for round in 0..3 {
        tmux.launch();
        let screen = tmux.wait_for("the list and its unread count", |screen| {
            screen.contains("Articles (20)") && unread_shown(screen).is_some()
        });
        let stars_before = stars(&screen);
        let unread_before = unread_shown(&screen).unwrap_or_default();
        // Down to the first row not yet written to in an earlier round.
        for _ in 0..confirmed.len() {
            tmux.keys(&["j"]);
        }
        for done in 1..=2 {
            let title = format!("Article {}", 20 - confirmed.len());
            tmux.keys(&["s", "r", "t"]);
            tmux.wait_text(": tag");
            tmux.type_line("kept");
            tmux.wait_for(
                &format!("round {round}: {title} starred, read and tagged"),
                |screen| {
                    screen.contains(&format!("tagged “{title}” kept"))
                        && stars(screen) == stars_before + done
                        && unread_shown(screen) == Some(unread_before - done)
                        && !screen.contains("pending")
                },
            );
            confirmed.push(title);
            tmux.keys(&["j"]);
        }
        // A burst of toggles on the last rows (never checked), killed before all can land.
        tmux.keys(&["G", "s", "k", "r", "s", "k", "s", "r", "k", "s"]);
        let pid = kiosk_pid(&tmux).expect("kiosk runs under the pane's shell");
        let killed = Command::new("kill").args(["-KILL", &pid]).status();
        assert!(killed.expect("run kill").success());
        // The shell says so; kiosk left the terminal raw, so later lines may not show, and the
        // word may wrap at the screen's edge wherever the cursor stood: read across lines.
        tmux.wait_for("the shell's Killed", |screen| {
            screen.replace('\n', "").contains("Killed")
        });
        assert_eq!(integrity(&store), "ok", "round {round}");
        for title in &confirmed {
            let is = |what: &str| {
                count(
                    &store,
                    &format!("SELECT count(*) FROM articles WHERE title = '{title}' AND {what}"),
                )
            };
            assert_eq!(is("starred"), 1, "round {round}: {title} lost its star");
            assert_eq!(is("read"), 1, "round {round}: {title} lost its read mark");
        }
        assert_eq!(tmux.listed("tag:kept"), confirmed.len(), "round {round}");
        recover_shell(&tmux);
    }
}

/// A JSON array of `count` articles tagged `tag` in their ids and titles.
fn array(tag: &str, count: usize) -> String {
    let items: Vec<String> = (1..=count)
        .map(|n| {
            format!(
                "{{\"id\": \"{tag}-{n}\", \"title\": \"{tag} {n}\", \"source\": \"{tag}\", \
                 \"body\": \"Item {n} from {tag}, about Niger and Mali.\"}}"
            )
        })
        .collect();
    format!("[{}]", items.join(",\n"))
}

#[test]
fn two_imports_while_the_tui_is_open_land_whole_and_show() {
    let Some(tmux) = Tmux::start("imports-beside") else {
        return;
    };
    let store = tmux.path("kiosk.db");
    fixtures::import(&store, &[1, 2, 3].map(fixtures::article));
    tmux.launch();
    tmux.wait_text("Articles (3)");
    let spawn = |tag: &str| {
        let input = tmux.path(&format!("{tag}.json"));
        std::fs::write(&input, array(tag, 1500)).expect("input");
        Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .arg("--store")
            .arg(&store)
            .arg("import")
            .arg(&input)
            .env("KIOSK_CONFIG", tmux.path("config.toml"))
            .env("KIOSK_TEST_BATCH", "50")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawns")
    };
    let imports = [spawn("east"), spawn("west")];
    // The TUI writes while both imports hold the lock in turn.
    tmux.keys(&["s"]);
    for import in imports {
        let output = import.wait_with_output().expect("waits");
        let said = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{said}");
        assert!(said.contains("added 1500"), "{said}");
        assert!(!said.contains("locked"), "{said}");
    }
    let screen = tmux.wait_for("the imported articles, the star stored", |screen| {
        unread_shown(screen) == Some(3003) && !screen.contains("pending")
    });
    assert!(!screen.contains("locked"), "{screen}");
    tmux.quit_and_check_restored();
    assert_eq!(count(&store, "SELECT count(*) FROM articles"), 3003);
    assert_eq!(
        count(&store, "SELECT count(*) FROM articles WHERE starred"),
        1
    );
    assert_eq!(integrity(&store), "ok");
}
