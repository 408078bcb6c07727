//! End-to-end runs of the real binary in a tmux pane: start-up on the sample archive, a few
//! keys, the shell's terminal modes after quitting, hostile escape sequences kept off the
//! screen, and an exit when the terminal goes away. Each test polls `capture-pane` until a
//! deadline; skipped when tmux is missing.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/tmux.rs"]
mod tmux;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use kiosk::article::NewArticle;
use tmux::{DEADLINE, Tmux, kiosk_pid};

#[test]
fn starts_on_the_sample_archive_moves_searches_and_quits_cleanly() {
    let Some(tmux) = Tmux::start("sample") else {
        return;
    };
    tmux.launch();
    tmux.wait_for("the list, the sidebar and the counts", |screen| {
        ["Articles (", "Entities", "Unread"]
            .iter()
            .all(|text| screen.contains(text))
    });
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("the reader to open", |screen| {
        screen.contains("Reader") && screen.contains('%') && !screen.contains("Enter opens")
    });
    tmux.keys(&["?"]);
    tmux.wait_text("Help (j/k g/G scroll");
    // Esc alone: followed at once by another key, a terminal reads it as Alt+key.
    tmux.keys(&["Escape"]);
    tmux.wait_for("the help to close", |screen| !screen.contains("Help: keys"));
    tmux.keys(&["/"]);
    tmux.run(&["send-keys", "-t", "e2e", "-l", "lang:fr"]);
    tmux.keys(&["Enter"]);
    tmux.wait_text(" lang:fr ");
    tmux.keys(&["/"]);
    tmux.run(&["send-keys", "-t", "e2e", "-l", "nope:x"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_text("unknown");
    assert!(
        screen.contains("lang:fr nope:x"),
        "the line stays open: {screen}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("the query line to close", |screen| {
        !screen.contains("nope:x")
    });
    tmux.quit_and_check_restored();
}

#[test]
fn escape_sequences_in_articles_never_reach_the_terminal() {
    // Wide enough for the list to stay beside the reader, to see that nothing cleared it.
    let Some(tmux) = Tmux::start_sized("hostile", 160, 30) else {
        return;
    };
    let hostile = NewArticle {
        title: "Hostile\u{1b}]0;PWNED\u{7} title\u{1b}[2J here".into(),
        body: "Body\u{1b}]52;c;ZXZpbA==\u{7} text \u{202e}reversed\u{1b}[31m red.".into(),
        source: Some("Evil".into()),
        published: Some("2030-01-01T00:00:00Z".into()),
        ..fixtures::article(1)
    };
    fixtures::import(&tmux.path("kiosk.db"), &[fixtures::article(2), hostile]);
    tmux.run(&["select-pane", "-t", "e2e", "-T", "untouched"]);
    tmux.launch();
    tmux.wait_text("Hostile title here");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_text("Body text reversed red.");
    assert!(
        screen.contains("Article 2"),
        "the screen was cleared:\n{screen}"
    );
    let title = tmux.run(&["display-message", "-p", "-t", "e2e", "#{pane_title}"]);
    assert_eq!(String::from_utf8_lossy(&title.stdout).trim(), "untouched");
    tmux.quit_and_check_restored();
}

#[test]
fn ctrl_c_and_sigterm_restore_the_terminal() {
    let Some(tmux) = Tmux::start("signals") else {
        return;
    };
    fixtures::import(&tmux.path("kiosk.db"), &[fixtures::article(1)]);
    tmux.launch();
    tmux.wait_text("Articles (1)");
    tmux.keys(&["C-c"]);
    tmux.check_restored();
    if !Path::new("/proc/self/task").exists() {
        eprintln!("skipping the SIGTERM half: no /proc to find kiosk's pid");
        return;
    }
    tmux.run(&["send-keys", "-t", "e2e", "clear", "Enter"]);
    tmux.wait_for("the screen to clear", |screen| {
        !screen.contains("KIOSK-EXITED")
    });
    tmux.launch();
    tmux.wait_text("Articles (1)");
    let pid = kiosk_pid(&tmux).expect("kiosk runs under the pane's shell");
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("run kill");
    assert!(killed.success());
    tmux.check_restored();
}

#[test]
fn kiosk_ends_when_its_terminal_goes_away() {
    let Some(tmux) = Tmux::start("hangup") else {
        return;
    };
    if !Path::new("/proc/self/task").exists() {
        eprintln!("skipping: no /proc to find kiosk's pid");
        return;
    }
    fixtures::import(&tmux.path("kiosk.db"), &[fixtures::article(1)]);
    tmux.launch();
    tmux.wait_text("Articles (1)");
    let pid = kiosk_pid(&tmux).expect("kiosk runs under the pane's shell");
    // Closing the terminal window: the pty goes away under kiosk.
    tmux.run(&["kill-server"]);
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if state.split_whitespace().nth(2) == Some("Z") {
            break;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "kiosk {pid} still runs after its terminal went away"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn filters_by_country_from_the_keyboard_on_the_sample_archive() {
    let Some(tmux) = Tmux::start("country") else {
        return;
    };
    tmux.launch();
    tmux.wait_for("the sample archive", |screen| {
        screen.contains("Articles (") && screen.contains("Unread")
    });
    tmux.keys(&["c"]);
    tmux.wait_text("Countries · whole archive");
    tmux.run(&["send-keys", "-t", "e2e", "-l", "niger"]);
    tmux.wait_text("› niger");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_text(" country:NE ");
    assert!(
        !screen.contains("Countries ·"),
        "the picker closed:\n{screen}"
    );
    // The list title counts what `kiosk list country:NE` lists.
    let count = tmux.listed("country:NE");
    tmux.wait_text(&format!("Articles ({count})"));
    tmux.keys(&["]"]);
    tmux.wait_for("the next country", |screen| {
        screen.contains(" country:") && !screen.contains(" country:NE ")
    });
    tmux.keys(&["m"]);
    tmux.wait_text("Map ·");
    tmux.keys(&["X"]);
    tmux.wait_for("every chip gone", |screen| !screen.contains(" country:"));
    // Typed in one go, faster than the picker counts: the keys after Enter wait for the choice.
    tmux.keys(&["m"]);
    tmux.wait_for("the map closed", |screen| !screen.contains("Map ·"));
    tmux.run(&["send-keys", "-t", "e2e", "-l", "cniger"]);
    tmux.keys(&["Enter", "m"]);
    let screen = tmux.wait_text("Map ·");
    assert!(screen.contains(" country:NE "), "{screen}");
    tmux.quit_and_check_restored();
}

#[test]
fn a_star_under_another_process_lock_is_pending_and_lands_after_it() {
    let Some(tmux) = Tmux::start("locked") else {
        return;
    };
    let store = tmux.path("kiosk.db");
    fixtures::import(&store, &[1, 2, 3].map(fixtures::article));
    tmux.launch();
    tmux.wait_text("Articles (3)");
    let other = rusqlite::Connection::open(&store).expect("second connection");
    other
        .execute_batch("BEGIN IMMEDIATE")
        .expect("take the write lock");
    tmux.keys(&["s"]);
    tmux.wait_text("1 write pending");
    // The keys still work while the write waits for the lock.
    tmux.keys(&["?"]);
    tmux.wait_text("Help (j/k g/G scroll");
    tmux.keys(&["Escape"]);
    other.execute_batch("COMMIT").expect("release the lock");
    tmux.wait_for("the write to land", |screen| {
        !screen.contains("write pending")
    });
    tmux.quit_and_check_restored();
    let starred: i64 = other
        .query_row("SELECT count(*) FROM articles WHERE starred", [], |row| {
            row.get(0)
        })
        .expect("count");
    assert_eq!(starred, 1);
}

#[test]
fn quitting_under_another_process_lock_waits_for_the_queued_writes() {
    let Some(tmux) = Tmux::start("quit-locked") else {
        return;
    };
    let store = tmux.path("kiosk.db");
    fixtures::import(&store, &[fixtures::article(1)]);
    tmux.launch();
    tmux.wait_text("Articles (1)");
    let other = rusqlite::Connection::open(&store).expect("second connection");
    other
        .execute_batch("BEGIN IMMEDIATE")
        .expect("take the write lock");
    tmux.keys(&["s"]);
    tmux.wait_text("1 write pending");
    tmux.keys(&["q"]);
    tmux.wait_text("waiting for the store to take the last writes");
    other.execute_batch("COMMIT").expect("release the lock");
    tmux.check_restored();
    let starred: i64 = other
        .query_row("SELECT count(*) FROM articles WHERE starred", [], |row| {
            row.get(0)
        })
        .expect("count");
    assert_eq!(starred, 1, "the star queued before quitting is stored");
}

#[test]
fn the_list_at_80x24_shows_long_titles_and_q_in_the_reader_goes_back() {
    let Some(tmux) = Tmux::start_sized("reading", 80, 24) else {
        return;
    };
    let long = NewArticle {
        title: "Niamey: the long title of an article that a reader wants to see whole".into(),
        ..fixtures::article(3)
    };
    let articles = [fixtures::article(1), fixtures::article(2), long];
    fixtures::import(&tmux.path("kiosk.db"), &articles);
    tmux.launch();
    // 45 characters of the title at least, on an 80-column list.
    tmux.wait_text("Niamey: the long title of an article that a re");
    tmux.keys(&["Enter"]);
    let reader = tmux.wait_for("the reader to take the screen", |screen| {
        screen.contains("Reader") && !screen.contains("Articles (")
    });
    assert!(reader.contains("Paragraph one of article 3"), "{reader}");
    tmux.keys(&["q"]);
    tmux.wait_for("the list again", |screen| {
        screen.contains("Articles (3)") && !screen.contains("Reader")
    });
    tmux.keys(&["q"]);
    tmux.check_restored();
}

#[test]
fn mark_all_read_asks_then_undo_takes_it_back() {
    let Some(tmux) = Tmux::start_sized("markread", 80, 24) else {
        return;
    };
    let articles: Vec<NewArticle> = (1..=30).map(fixtures::article).collect();
    fixtures::import(&tmux.path("kiosk.db"), &articles);
    tmux.launch();
    tmux.wait_text("Articles (30)");
    tmux.keys(&["A"]);
    tmux.wait_text("Mark all 30 articles of this list read?");
    tmux.keys(&["y"]);
    tmux.wait_text("30 articles marked read");
    assert_eq!(tmux.listed("is:unread"), 0);
    tmux.keys(&["U"]);
    tmux.wait_text("undone: 30 articles unread again");
    assert_eq!(tmux.listed("is:unread"), 30);
}

#[test]
fn d_deletes_after_y_u_brings_it_back_and_t_tags() {
    let Some(tmux) = Tmux::start("housekeep") else {
        return;
    };
    let articles: Vec<NewArticle> = (1..=3).map(fixtures::article).collect();
    fixtures::import(&tmux.path("kiosk.db"), &articles);
    tmux.launch();
    tmux.wait_text("Articles (3)");
    tmux.keys(&["D"]);
    tmux.wait_text("Delete “Article 3”? y deletes it");
    tmux.keys(&["y"]);
    tmux.wait_for("the article gone", |screen| {
        screen.contains("deleted “Article 3”") && screen.contains("Articles (2)")
    });
    assert_eq!(tmux.listed(""), 2);
    tmux.keys(&["U"]);
    tmux.wait_for("the article back", |screen| {
        screen.contains("undone: article back") && screen.contains("Articles (3)")
    });
    assert_eq!(tmux.listed(""), 3);
    tmux.keys(&["t"]);
    tmux.wait_text(": tag");
    tmux.keys(&["sahel", "Enter"]);
    tmux.wait_text("tagged “Article 3” sahel");
    tmux.wait_text("Tags");
    assert_eq!(tmux.listed("tag:sahel"), 1);
    tmux.keys(&["Q"]);
    tmux.check_restored();
}

#[test]
fn a_text_browser_takes_the_terminal_reads_a_key_and_gives_it_back() {
    let Some(tmux) = Tmux::start("browser") else {
        return;
    };
    // Stands in for w3m: shows the URL, reads one key from the terminal, records it.
    let script = tmux.path("fake-w3m.sh");
    let key_file = tmux.path("key.txt");
    std::fs::write(
        &script,
        format!(
            "printf 'FAKE-W3M %s\\n' \"$1\"\nstty -icanon -echo min 1\n\
             key=$(dd bs=1 count=1 2>/dev/null)\nstty icanon echo\nprintf '%s' \"$key\" > '{}'\n",
            key_file.display()
        ),
    )
    .expect("write script");
    let config = format!(
        "browser = \"sh {} %u\"\nbrowser_mode = \"terminal\"\n",
        script.display()
    );
    std::fs::write(tmux.path("config.toml"), config).expect("write config");
    fixtures::import(&tmux.path("kiosk.db"), &[fixtures::article(1)]);
    tmux.launch();
    tmux.wait_text("Article 1");
    tmux.keys(&["Enter"]);
    tmux.wait_text("Paragraph one of article 1.");
    tmux.keys(&["o"]);
    let screen = tmux.wait_text("FAKE-W3M https://example.org/1");
    assert!(
        !screen.contains("Paragraph one"),
        "kiosk left the screen to the browser:\n{screen}"
    );
    tmux.keys(&["x"]);
    tmux.wait_text("back from sh");
    assert_eq!(std::fs::read_to_string(&key_file).expect("key file"), "x");
    tmux.keys(&["h"]);
    tmux.wait_for("the list", |screen| {
        screen.contains("Articles (1)") && !screen.contains("Paragraph one")
    });
    tmux.quit_and_check_restored();
}

#[test]
fn the_query_line_completes_a_key_and_up_brings_back_the_last_run_query() {
    let Some(tmux) = Tmux::start_sized("qline", 100, 30) else {
        return;
    };
    let articles: Vec<NewArticle> = (1..=3).map(fixtures::article).collect();
    fixtures::import(&tmux.path("kiosk.db"), &articles);
    tmux.launch();
    tmux.wait_text("Articles (3)");
    tmux.keys(&["/"]);
    tmux.run(&["send-keys", "-t", "e2e", "-l", "cou"]);
    tmux.keys(&["Tab"]);
    tmux.wait_text("/ country:");
    tmux.keys(&["C-u"]);
    tmux.type_line("lang:fr");
    tmux.wait_text("Articles (1");
    // The filter cleared: only the history can bring `lang:fr` back after the restart.
    tmux.keys(&["/", "C-u", "Enter"]);
    tmux.wait_text("Articles (3)");
    tmux.quit_and_check_restored();
    tmux.type_line("clear");
    tmux.wait_for("a cleared shell", |screen| !screen.contains("KIOSK-EXITED"));
    tmux.launch();
    tmux.wait_text("Articles (3)");
    tmux.keys(&["/", "Up"]);
    tmux.wait_text("/ lang:fr");
    tmux.keys(&["Enter"]);
    tmux.wait_text("Articles (1");
    // Editing with the terminal's own key codes: Home, then a negation typed before the query.
    tmux.keys(&["/", "Home"]);
    tmux.run(&["send-keys", "-t", "e2e", "-l", "-"]);
    tmux.wait_text("/ -lang:fr");
    tmux.keys(&["Enter"]);
    tmux.wait_text("Articles (2");
    tmux.quit_and_check_restored();
}
