//! [`Browser`]: the configured `browser` command for a URL, never through a shell, and
//! [`spawn_reaped`], which starts a detached program and waits for it on a thread (no zombie).

use std::process::{Command, Stdio};

use crate::app::is_web_url;
use crate::config::{BrowserMode, Config};

/// `browser = "w3m %u"` split into words, with how it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Browser {
    words: Vec<String>,
    pub mode: BrowserMode,
}

impl Browser {
    /// The configured browser; `None` when `browser` is empty (`$BROWSER` or the desktop's).
    pub fn from_config(config: &Config) -> Option<Self> {
        Self::new(&config.browser, config.browser_mode)
    }

    pub fn new(template: &str, mode: BrowserMode) -> Option<Self> {
        let words: Vec<String> = template.split_whitespace().map(str::to_string).collect();
        (!words.is_empty()).then_some(Self { words, mode })
    }

    /// The command for `url`: each `%u` replaced by it, or it appended when there is none.
    /// A URL that is not http(s) is refused with a sentence (a `file:` or `javascript:` link
    /// from an article must not reach a browser).
    pub fn command(&self, url: &str) -> Result<Command, String> {
        refuse_non_web(url)?;
        let mut args: Vec<String> = self.words[1..]
            .iter()
            .map(|word| word.replace("%u", url))
            .collect();
        if !self.words.iter().any(|word| word.contains("%u")) {
            args.push(url.to_string());
        }
        let mut command = Command::new(&self.words[0]);
        command.args(args);
        Ok(command)
    }
}

/// `Ok` for an http(s) URL; else the sentence saying it is not opened.
pub fn refuse_non_web(url: &str) -> Result<(), String> {
    if is_web_url(url) {
        Ok(())
    } else {
        Err(format!(
            "only http(s) URLs are opened in a browser; {url} is not one"
        ))
    }
}

/// Starts `command` with no terminal (stdin, stdout and stderr closed) and waits for it on a
/// thread, so it leaves no zombie when it ends; returns its process id.
pub fn spawn_reaped(mut command: Command) -> Result<u32, String> {
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the browser {program}: {e}"))?;
    let pid = child.id();
    std::thread::spawn(move || child.wait());
    Ok(pid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(command: &Command) -> Vec<String> {
        command
            .get_args()
            .map(|arg| arg.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn the_url_takes_the_place_of_percent_u_or_comes_last() {
        let w3m = Browser::new("w3m -o x=1 %u", BrowserMode::Terminal).expect("a browser");
        let command = w3m.command("https://rfi.fr/a?b=1;rm$(x)").expect("http");
        assert_eq!(command.get_program(), "w3m");
        assert_eq!(args(&command), ["-o", "x=1", "https://rfi.fr/a?b=1;rm$(x)"]);
        let firefox = Browser::new("firefox --new-tab", BrowserMode::Detached).expect("browser");
        let command = firefox.command("http://x.org/").expect("http");
        assert_eq!(args(&command), ["--new-tab", "http://x.org/"]);
        assert_eq!(Browser::new("  ", BrowserMode::Terminal), None);
    }

    #[test]
    fn a_url_that_is_not_http_is_refused_with_a_sentence() {
        let w3m = Browser::new("w3m %u", BrowserMode::Terminal).expect("a browser");
        for url in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "-X https://x.org",
        ] {
            let error = w3m.command(url).expect_err("refused");
            assert_eq!(
                error,
                format!("only http(s) URLs are opened in a browser; {url} is not one")
            );
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_detached_program_that_ends_leaves_no_zombie() {
        let pid = spawn_reaped(Command::new("true")).expect("true starts");
        // Polls until the process entry is gone: a zombie keeps it (state Z) forever.
        let stat = format!("/proc/{pid}/stat");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while std::path::Path::new(&stat).exists() {
            assert!(
                std::time::Instant::now() < deadline,
                "pid {pid} was not reaped: {}",
                std::fs::read_to_string(&stat).unwrap_or_default()
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
}
