//! The built kiosk binary over a temp store and config, for the CLI test files.

#![allow(dead_code)] // Each test binary uses a different part of this helper.

use std::path::PathBuf;
use std::process::Output;

use serde_json::Value;

/// The kiosk binary with a temp store and config.
pub struct Cli {
    pub dir: tempfile::TempDir,
}

impl Cli {
    /// A temp folder holding `config` as the config file; the store is made on first use.
    pub fn new(config: &str) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("config.toml"), config).expect("config");
        Self { dir }
    }

    pub fn store(&self) -> PathBuf {
        self.dir.path().join("kiosk.db")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("runs")
    }

    /// Runs with `input` on standard input.
    pub fn run_with_stdin(&self, args: &[&str], input: &[u8]) -> Output {
        use std::io::Write;
        let mut child = self
            .command(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("starts");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input).expect("writes stdin");
        drop(stdin);
        child.wait_with_output().expect("runs")
    }

    /// Starts kiosk with `env` set and stderr piped, for tests that watch it run.
    pub fn spawn(&self, args: &[&str], env: &[(&str, &str)]) -> std::process::Child {
        let mut command = self.command(args);
        command.envs(env.iter().copied());
        command
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("starts")
    }

    fn command(&self, args: &[&str]) -> std::process::Command {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"));
        command
            .args(args)
            .env("KIOSK_STORE", self.store())
            .env("KIOSK_CONFIG", self.dir.path().join("config.toml"));
        command
    }

    /// stdout and stderr of a command that must succeed.
    pub fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        let stderr = String::from_utf8_lossy(&output.stderr).to_string();
        assert!(output.status.success(), "{args:?}: {stderr}");
        String::from_utf8_lossy(&output.stdout).to_string() + &stderr
    }

    /// Writes `text` to `name` in the temp folder; returns its path.
    pub fn write(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path.display().to_string()
    }

    pub fn json_lines(&self, args: &[&str]) -> Vec<Value> {
        let output = self.run(args);
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(|line| serde_json::from_str(line).expect("JSON line"))
            .collect()
    }
}
