//! `D` deleting the article under the cursor (after a `y`) and `t` / `:tag NAME` tagging it:
//! what the screen asks and shows; the store does the work and `U` takes either back.

use crate::article::ArticleId;

use super::undo::Undo;
use super::{AppState, Effect, Focus, Overlay, Pending, Status};

impl AppState {
    /// `D`: asks whether to delete the article the user is looking at.
    pub fn ask_delete(&mut self) -> Option<Effect> {
        let Some(id) = self.current_id() else {
            self.status = Some(Status::info("no article to delete"));
            return None;
        };
        let title = self.title_of(id);
        self.overlay = Some(Overlay::Confirm {
            question: format!(
                "Delete “{title}”? y deletes it (U brings it back), any other key cancels"
            ),
            pending: Pending::Delete(id),
        });
        None
    }

    /// The store deleted `deleted`: close it if open, remember it for `U`, reload the list.
    pub fn deleted(&mut self, deleted: crate::store::Deleted) -> Option<Effect> {
        let ids = deleted.ids();
        if ids.is_empty() {
            self.status = Some(Status::info(
                "nothing deleted: the article was gone already",
            ));
            return None;
        }
        let message = match ids.as_slice() {
            [id] => format!("deleted “{}” (U brings it back)", self.title_of(*id)),
            _ => format!("deleted {} articles (U brings them back)", ids.len()),
        };
        if self
            .reader
            .article
            .as_ref()
            .is_some_and(|a| ids.contains(&a.id()))
        {
            self.close_article();
            self.focus = Focus::List;
        }
        // The cursor moves to the next row (the previous one at the end), which the reload
        // keeps selected.
        let at = self.list.selected;
        if self.list.selected_id().is_some_and(|id| ids.contains(&id)) {
            if self.list.row(at + 1).is_some() {
                self.list.select(at + 1);
            } else if at > 0 {
                self.list.select(at - 1);
            }
        }
        self.remember(Undo::Deleted(deleted));
        self.status = Some(Status::info(message));
        Some(self.reload_with(self.filters.clone(), self.sort))
    }

    /// `t`: the command line, ready for the tag's name (`:tag NAME`).
    pub fn ask_tag(&mut self) {
        if self.current_id().is_none() {
            self.status = Some(Status::info("no article to tag"));
            return;
        }
        self.overlay = Some(Overlay::Prompt(super::prompt::Prompt::command("tag ")));
    }

    /// `:tag NAME`: adds the tag to the current article, or removes it when it has it.
    pub fn tag_current(&mut self, name: &str) -> Option<Effect> {
        let Some(id) = self.current_id() else {
            self.status = Some(Status::info("no article to tag"));
            return None;
        };
        let Some(tag) = crate::store::normalize_tag(name) else {
            self.status = Some(Status::error("usage: :tag NAME"));
            return None;
        };
        Some(Effect::Tag {
            id,
            tag,
            present: None,
        })
    }

    /// The store changed tag `tag` of article `id`: say so, remember it, show it.
    pub fn tagged(
        &mut self,
        id: ArticleId,
        tag: String,
        added: bool,
        undoing: bool,
    ) -> Option<Effect> {
        if !undoing {
            let verb = if added { "tagged" } else { "untagged" };
            self.status = Some(Status::info(format!(
                "{verb} “{}” {tag} (U takes it back)",
                self.title_of(id)
            )));
            self.remember(Undo::Tag { id, tag, added });
        }
        // The sidebar shows the open article's tags: load it again to show the change.
        let open = self.reader.article.as_ref().is_some_and(|a| a.id() == id);
        if open {
            return Some(Effect::Load(id));
        }
        Some(self.reload_with(self.filters.clone(), self.sort))
    }

    /// The title of article `id` as the list or reader holds it, cleaned for the status line.
    fn title_of(&mut self, id: ArticleId) -> String {
        self.summaries_of(id)
            .next()
            .map_or_else(|| format!("article {id}"), |summary| summary.title.clone())
    }
}
