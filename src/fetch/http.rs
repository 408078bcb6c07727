//! One HTTP GET as feeds need it: rustls, gzip, a timeout, a size cap, conditional headers and
//! redirects followed by hand so that only http(s) targets are ever requested.

use std::time::Duration;

use ureq::Agent;
use ureq::http::{StatusCode, header};

/// Limits and identity for every request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpOptions {
    /// For the whole exchange of one URL, redirects and body included.
    pub timeout: Duration,
    /// Responses bigger than this (after decompression) are cut and reported.
    pub max_bytes: u64,
    pub max_redirects: u32,
    pub user_agent: String,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(20),
            max_bytes: 20 * 1024 * 1024,
            max_redirects: 5,
            user_agent: concat!("kiosk/", env!("CARGO_PKG_VERSION")).to_string(),
        }
    }
}

/// Validators from the last fetch, sent back so an unchanged feed costs a 304.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// What a GET brought back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    NotModified,
    Body {
        bytes: Vec<u8>,
        /// The URL after redirects, for resolving relative links.
        final_url: String,
        content_type: Option<String>,
        validators: Validators,
    },
}

/// A client shared by the requests of one thread.
pub struct Client {
    agent: Agent,
    options: HttpOptions,
}

impl Client {
    pub fn new(options: HttpOptions) -> Self {
        let agent: Agent = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(options.timeout))
            .user_agent(options.user_agent.as_str())
            .build()
            .into();
        Self { agent, options }
    }

    /// GETs `url`, following redirects to http(s) URLs only; errors are one sentence.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Fetched, String> {
        let mut url = checked_url(url, None)?;
        let started = std::time::Instant::now();
        for _ in 0..=self.options.max_redirects {
            let mut request = self.agent.get(url.as_str());
            if let Some(etag) = &validators.etag {
                request = request.header(header::IF_NONE_MATCH, etag);
            }
            if let Some(date) = &validators.last_modified {
                request = request.header(header::IF_MODIFIED_SINCE, date);
            }
            // The global timeout restarts with each request: spend only what is left.
            let left = self.options.timeout.saturating_sub(started.elapsed());
            if left.is_zero() {
                return Err(format!("timed out after {:?}", self.options.timeout));
            }
            let mut response = request
                .config()
                .timeout_global(Some(left))
                .build()
                .call()
                .map_err(|error| self.describe(&error))?;
            let status = response.status();
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                let location = response
                    .headers()
                    .get(header::LOCATION)
                    .and_then(|value| value.to_str().ok())
                    .ok_or_else(|| format!("HTTP {status} without a Location header"))?;
                url = checked_url(location, Some(&url))?;
                continue;
            }
            if status == StatusCode::NOT_MODIFIED {
                return Ok(Fetched::NotModified);
            }
            if !status.is_success() {
                return Err(format!("HTTP {}", status_text(status)));
            }
            let header_text = |name| {
                response
                    .headers()
                    .get(name)
                    .and_then(|value| value.to_str().ok())
                    .map(str::to_string)
            };
            let validators = Validators {
                etag: header_text(header::ETAG),
                last_modified: header_text(header::LAST_MODIFIED),
            };
            let content_type = header_text(header::CONTENT_TYPE);
            let bytes = response
                .body_mut()
                .with_config()
                .limit(self.options.max_bytes)
                .read_to_vec()
                .map_err(|error| self.describe(&error))?;
            return Ok(Fetched::Body {
                bytes,
                final_url: url.to_string(),
                content_type,
                validators,
            });
        }
        Err(format!(
            "more than {} redirects",
            self.options.max_redirects
        ))
    }

    fn describe(&self, error: &ureq::Error) -> String {
        match error {
            ureq::Error::Timeout(_) => format!("timed out after {:?}", self.options.timeout),
            ureq::Error::BodyExceedsLimit(_) => format!(
                "response cut: larger than the {} byte limit",
                self.options.max_bytes
            ),
            other => other.to_string().lines().next().unwrap_or("").to_string(),
        }
    }
}

fn status_text(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

/// Parses `url` (relative to `base` when given) and accepts only http and https.
pub fn checked_url(url: &str, base: Option<&url::Url>) -> Result<url::Url, String> {
    let parsed = match base {
        Some(base) => base.join(url.trim()),
        None => url::Url::parse(url.trim()),
    }
    .map_err(|error| format!("invalid URL {url:?}: {error}"))?;
    match parsed.scheme() {
        "http" | "https" => Ok(parsed),
        scheme => Err(format!(
            "refused {scheme}: URL {url:?}: only http and https are fetched"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_urls_pass() {
        assert!(checked_url("https://a.test/feed", None).is_ok());
        let base = checked_url("http://a.test/x/feed", None).expect("valid");
        let joined = checked_url("../rss", Some(&base)).expect("relative");
        assert_eq!(joined.as_str(), "http://a.test/rss");
        for bad in [
            "file:///etc/passwd",
            "ftp://a.test/",
            "javascript:alert(1)",
            "nope",
        ] {
            assert!(
                checked_url(bad, Some(&base)).is_err() || bad == "nope",
                "{bad}"
            );
        }
        assert!(checked_url("nope", None).is_err());
    }
}
