//! The links of an open article, numbered for the link list (`L`) and the reader's `1`-`9`:
//! `href`s of the stored original HTML, then bare URLs of the text, in order, each once.

use std::sync::LazyLock;

use regex::Regex;

use crate::article::Article;

use super::terms::is_web_url;
use super::{AppState, Effect, Overlay, Status};

static HREF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("valid href pattern")
});
static BARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\bhttps?://[^\s<>"'`]+"#).expect("valid URL pattern"));

/// Every link of `article`, absolute where its URL lets a relative `href` be resolved, without
/// the article's own URL (`o` opens that) and without fragments of the page itself.
pub fn article_links(article: &Article) -> Vec<String> {
    let base = article
        .summary
        .url
        .as_deref()
        .and_then(|url| url::Url::parse(url).ok());
    let hrefs = HREF.captures_iter(&article.original).filter_map(|found| {
        let raw = found.get(1).or_else(|| found.get(2))?.as_str();
        let href = raw.trim().replace("&amp;", "&");
        match &base {
            _ if href.is_empty() || href.starts_with('#') => None,
            Some(base) => base.join(&href).ok().map(String::from),
            None => Some(href),
        }
    });
    let bare = BARE.find_iter(&article.body).map(|found| {
        found
            .as_str()
            .trim_end_matches(['.', ',', ';', ':', ')', ']'])
    });
    let mut links: Vec<String> = Vec::new();
    for link in hrefs.chain(bare.map(str::to_string)) {
        let link = super::text::clean_line(&link);
        let own = article.summary.url.as_deref() == Some(link.as_str());
        if !own && !link.is_empty() && !links.contains(&link) {
            links.push(link);
        }
    }
    links
}

impl AppState {
    /// `L`: the link list of the open article, or a sentence saying why there is none.
    pub fn show_links(&mut self) {
        if self.reader.article.is_none() {
            self.status = Some(Status::info("open an article first: L lists its links"));
        } else if self.reader.links.is_empty() {
            self.status = Some(Status::info("this article has no links (o opens its URL)"));
        } else {
            self.overlay = Some(Overlay::Links { selected: 0 });
        }
    }

    pub fn move_in_links(&mut self, delta: i16) {
        let last = self.reader.links.len().saturating_sub(1);
        if let Some(Overlay::Links { selected }) = &mut self.overlay {
            *selected = selected.saturating_add_signed(isize::from(delta)).min(last);
        }
    }

    /// Opens link `index` (0-based) of the open article when it is http(s); closes the list.
    pub fn open_link(&mut self, index: usize) -> Option<Effect> {
        let Some(link) = self.reader.links.get(index) else {
            let count = self.reader.links.len();
            let message = if self.reader.article.is_none() {
                "open an article first: its links are numbered in the link list (L)".to_string()
            } else {
                format!(
                    "this article has {count} links: there is no link {}",
                    index + 1
                )
            };
            self.status = Some(Status::info(message));
            return None;
        };
        if !is_web_url(link) {
            let refused = format!(
                "only http(s) links are opened; link {} is {link}",
                index + 1
            );
            self.status = Some(Status::error(refused));
            return None;
        }
        let link = link.clone();
        self.overlay = None;
        Some(Effect::OpenUrl(link))
    }
}

#[cfg(test)]
mod tests {
    use crate::article::ArticleSummary;

    use super::*;

    fn article(url: Option<&str>, original: &str, body: &str) -> Article {
        Article {
            summary: ArticleSummary {
                url: url.map(str::to_string),
                ..ArticleSummary::default()
            },
            original: original.into(),
            body: body.into(),
            ..Article::default()
        }
    }

    #[test]
    fn hrefs_come_first_resolved_against_the_article_url_then_bare_urls_each_once() {
        let original = r##"<p>See <a href="/afrique/niger">Niger</a>, <a href='https://ecowas.int/?a=1&amp;b=2'>the bloc</a>,
            <a href="#top">top</a>, <a href="https://rfi.fr/a/1">self</a> and <a HREF="/afrique/niger">again</a>.</p>"##;
        let body = "More at https://acled.org/data. And https://ecowas.int/?a=1&b=2 too.";
        let links = article_links(&article(Some("https://rfi.fr/a/1"), original, body));
        assert_eq!(
            links,
            [
                "https://rfi.fr/afrique/niger",
                "https://ecowas.int/?a=1&b=2",
                "https://acled.org/data"
            ]
        );
    }

    #[test]
    fn links_are_cleaned_of_control_characters_and_kept_as_written_without_a_base() {
        let original =
            "<a href=\"javascript:alert(1)\">x</a><a href=\"https://x.org/\u{1b}[2Ja\">y</a>";
        let links = article_links(&article(None, original, ""));
        assert_eq!(links, ["javascript:alert(1)", "https://x.org/a"]);
    }
}
