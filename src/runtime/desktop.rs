//! [`Desktop`]: the real [`System`] outside the store, opening URLs in the browser (never
//! through a shell) and copying through the terminal (OSC 52).

use std::io::Write;

use super::env::System;

/// Opens URLs with `$BROWSER` or the platform opener (never a shell); copies with OSC 52.
#[derive(Debug, Default)]
pub struct Desktop;

impl System for Desktop {
    fn open_url(&mut self, url: &str) -> Result<(), String> {
        let browser = std::env::var("BROWSER").unwrap_or_default();
        // $BROWSER may list several commands separated by ':'; the first one with its arguments.
        let mut words = browser.split(':').next().unwrap_or("").split_whitespace();
        match words.next() {
            Some(program) => std::process::Command::new(program)
                .args(words)
                .arg(url)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .map(drop)
                .map_err(|e| format!("cannot start $BROWSER ({program}): {e}")),
            None => open::that_detached(url).map_err(|e| format!("cannot open the browser: {e}")),
        }
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
