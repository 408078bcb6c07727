//! `f` in the reader: the open article's web page downloaded as its text, off the UI thread
//! (the runtime answers with `FullTextDone`), then the article reopened with its new body.

use super::terms::is_web_url;
use super::{AppState, Effect, Status};
use crate::article::ArticleId;

impl AppState {
    /// Asks for the open article's full text, saying so, or says why there is none to ask for.
    pub(super) fn fetch_full_text(&mut self) -> Option<Effect> {
        let Some(article) = &self.reader.article else {
            self.status = Some(Status::info("open an article to download its full text"));
            return None;
        };
        match article.summary.url.as_deref() {
            Some(url) if is_web_url(url) => {
                let id = article.id();
                self.status = Some(Status::info(format!("downloading the full text of {url}…")));
                Some(Effect::FetchFullText(id))
            }
            Some(_) => {
                self.status = Some(Status::error("only http(s) pages are downloaded"));
                None
            }
            None => {
                self.status = Some(Status::info("this article has no URL"));
                None
            }
        }
    }

    /// Says how the download went; reloads the article when it is still the open one.
    pub(super) fn full_text_done(
        &mut self,
        id: ArticleId,
        result: Result<String, String>,
    ) -> Option<Effect> {
        match result {
            Ok(message) => {
                self.status = Some(Status::info(message));
                let open = self
                    .reader
                    .article
                    .as_ref()
                    .map(crate::article::Article::id);
                (open == Some(id)).then_some(Effect::Load(id))
            }
            Err(why) => {
                self.status = Some(Status::error(why));
                None
            }
        }
    }
}
