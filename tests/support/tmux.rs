//! A private tmux server running a shell in a temp dir, for the tests that drive the real
//! binary on a real terminal: keys in, `capture-pane` polled until a deadline (never a fixed
//! sleep), and kiosk's pid for the tests that signal it.

#![allow(dead_code)] // Each test binary uses a different part of this helper.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub const DEADLINE: Duration = Duration::from_secs(20);

/// One private tmux server running a shell in a temp dir; killed on drop.
pub struct Tmux {
    socket: String,
    dir: tempfile::TempDir,
}

impl Tmux {
    /// `None` (with the reason printed) when tmux cannot run here.
    pub fn start(name: &str) -> Option<Self> {
        Self::start_sized(name, 120, 30)
    }

    /// [`Tmux::start`] on a `width`×`height` terminal.
    pub fn start_sized(name: &str, width: u16, height: u16) -> Option<Self> {
        if Command::new("tmux")
            .arg("-V")
            .output()
            .map_or(true, |out| !out.status.success())
        {
            eprintln!("skipping {name}: tmux is not installed");
            return None;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("config.toml"), "").expect("write config");
        let socket = format!("kiosk-e2e-{}-{name}", std::process::id());
        let tmux = Self { socket, dir };
        let store = tmux.path("kiosk.db");
        let config = tmux.path("config.toml");
        let started = tmux.run(&[
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-s",
            "e2e",
            "-e",
            &format!("KIOSK_STORE={}", store.display()),
            "-e",
            &format!("KIOSK_CONFIG={}", config.display()),
            "-e",
            "PS1=$ ",
            "sh",
        ]);
        assert!(
            started.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&started.stderr)
        );
        Some(tmux)
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("run tmux")
    }

    /// Types `text` literally, then presses Enter when `enter`.
    pub fn type_line(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
        self.keys(&["Enter"]);
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Polls the pane until `check` holds; panics with the last screen at the deadline.
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |screen| screen.contains(text))
    }

    /// How many articles `kiosk list QUERY` lists from the pane's store.
    pub fn listed(&self, query: &str) -> usize {
        let store = self.path("kiosk.db");
        let listed = Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .args(["--store", store.to_str().expect("utf-8"), "list", query])
            .output()
            .expect("kiosk list");
        String::from_utf8_lossy(&listed.stdout).lines().count()
    }

    /// Starts kiosk from the shell, recording `stty -a` before and after.
    pub fn launch(&self) {
        let bin = env!("CARGO_BIN_EXE_kiosk");
        let before = self.path("before.txt");
        let after = self.path("after.txt");
        self.type_line(&format!(
            "stty -a > '{}'; '{bin}'; stty -a > '{}'; echo KIOSK-EXITED-$?",
            before.display(),
            after.display()
        ));
    }

    /// Quits with `Q` (from anywhere) and checks the shell got its terminal back unchanged.
    pub fn quit_and_check_restored(&self) {
        self.keys(&["Q"]);
        self.check_restored();
    }

    /// Waits for kiosk to end and checks the shell got its terminal back unchanged.
    pub fn check_restored(&self) {
        self.wait_text("KIOSK-EXITED-0");
        let read = |path: &Path| std::fs::read_to_string(path).expect("stty output");
        assert_eq!(
            read(&self.path("before.txt")),
            read(&self.path("after.txt"))
        );
    }
}

/// The pid of the process the pane's shell is running (kiosk), from /proc.
pub fn kiosk_pid(tmux: &Tmux) -> Option<String> {
    let shell = tmux.run(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]);
    let shell = String::from_utf8_lossy(&shell.stdout).trim().to_string();
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).ok()?;
    children.split_whitespace().next().map(str::to_string)
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}
