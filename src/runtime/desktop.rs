//! [`Desktop`]: the real [`System`] outside the store, opening URLs in the browser (never
//! through a shell) and copying through the terminal (OSC 52).

use std::io::Write;
use std::process::Command;

use crate::config::BrowserMode;

use super::browser::{Browser, refuse_non_web, spawn_reaped};
use super::env::System;

/// Opens URLs with the configured `browser`, else `$BROWSER`, else the platform opener (never
/// a shell); copies with OSC 52.
#[derive(Debug, Default)]
pub struct Desktop {
    pub browser: Option<Browser>,
}

impl System for Desktop {
    fn open_url(&mut self, url: &str) -> Result<(), String> {
        refuse_non_web(url)?;
        if let Some(browser) = &self.browser {
            return spawn_reaped(browser.command(url)?).map(drop);
        }
        let from_env = std::env::var("BROWSER").unwrap_or_default();
        // $BROWSER may list several commands separated by ':'; the first one with its arguments.
        let first = from_env.split(':').next().unwrap_or("");
        match Browser::new(first, BrowserMode::Detached) {
            Some(browser) => spawn_reaped(browser.command(url)?).map(drop),
            None => open::that_detached(url).map_err(|e| format!("cannot open the browser: {e}")),
        }
    }

    fn terminal_command(&mut self, url: &str) -> Option<Result<Command, String>> {
        let browser = self.browser.as_ref()?;
        (browser.mode == BrowserMode::Terminal).then(|| browser.command(url))
    }

    fn copy(&mut self, text: &str) -> Result<(), String> {
        let mut out = std::io::stdout().lock();
        write!(out, "\u{1b}]52;c;{}\u{7}", base64(text.as_bytes()))
            .and_then(|()| out.flush())
            .map_err(|e| format!("cannot write to the terminal: {e}"))
    }
}

/// Standard base64 with padding, for OSC 52.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(
            base64("https://rfi.fr/é".as_bytes()),
            "aHR0cHM6Ly9yZmkuZnIvw6k="
        );
    }
}
