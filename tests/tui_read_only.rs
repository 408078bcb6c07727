//! The TUI over a store it cannot write (issue 19): on a read-only bind mount (root ignores
//! file modes, so only a mount makes writing really impossible; skipped with the reason when
//! mounting is not allowed or tmux is missing) the list shows, a line says writes are off, and
//! a write key (star, read) answers with a sentence instead of a crash; the store's bytes stay
//! as they were. Every wait polls the screen.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/tmux.rs"]
mod tmux;

use std::path::{Path, PathBuf};
use std::process::Command;

use kiosk::article::NewArticle;
use tmux::Tmux;

/// A read-only bind mount of a folder, unmounted on drop (even when an assertion fails).
struct ReadOnlyMount(PathBuf);

impl ReadOnlyMount {
    /// `None` (with the reason printed) where mounting is not allowed.
    fn mount(from: &Path, at: PathBuf) -> Option<Self> {
        std::fs::create_dir(&at).expect("mkdir");
        let run = |args: &[&str]| {
            Command::new("mount")
                .args(args)
                .status()
                .is_ok_and(|status| status.success())
        };
        let from = from.to_str().expect("utf-8");
        let to = at.to_str().expect("utf-8").to_string();
        let to = to.as_str();
        if !run(&["--bind", from, to]) {
            eprintln!("skipped: cannot make a bind mount here (needs root)");
            return None;
        }
        let mounted = Self(at);
        if !run(&["-o", "remount,bind,ro", to]) {
            eprintln!("skipped: cannot make a bind mount read-only here (needs root)");
            return None;
        }
        Some(mounted)
    }
}

impl Drop for ReadOnlyMount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_read_only_store_lists_says_writes_are_off_and_answers_write_keys() {
    let Some(tmux) = Tmux::start("read-only") else {
        return;
    };
    let folder = tmux.path("store");
    std::fs::create_dir(&folder).expect("mkdir");
    let store = folder.join("kiosk.db");
    let articles: Vec<NewArticle> = (1..=5).map(fixtures::article).collect();
    fixtures::import(&store, &articles);
    let before = std::fs::read(&store).expect("store bytes");
    let Some(mount) = ReadOnlyMount::mount(&folder, tmux.path("ro")) else {
        return;
    };
    let read_only = mount.0.join("kiosk.db");
    let bin = env!("CARGO_BIN_EXE_kiosk");
    tmux.type_line(&format!(
        "'{bin}' --store '{}'; echo KIOSK-EXITED-$?",
        read_only.display()
    ));
    let screen = tmux.wait_for("the list and the writes-off line", |screen| {
        screen.contains("Articles (5)") && screen.contains("writes are off")
    });
    let stars = screen.matches('*').count();
    tmux.keys(&["s"]);
    let screen = tmux.wait_for("a sentence for the star", |screen| {
        screen.contains("could not star") && screen.contains("read-only")
    });
    assert_eq!(screen.matches('*').count(), stars, "{screen}");
    tmux.keys(&["r"]);
    tmux.wait_for("a sentence for the read mark", |screen| {
        screen.contains("could not mark") && screen.contains("read-only")
    });
    tmux.keys(&["Q"]);
    let screen = tmux.wait_for("kiosk's exit", |screen| {
        screen.lines().any(|line| line.starts_with("KIOSK-EXITED-"))
    });
    assert!(
        screen.lines().any(|line| line == "KIOSK-EXITED-0"),
        "{screen}"
    );
    drop(mount);
    assert!(
        std::fs::read(&store).expect("store bytes") == before,
        "the read-only store was modified"
    );
    assert!(!folder.join("kiosk.db-wal").exists());
}
