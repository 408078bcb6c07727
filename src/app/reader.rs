//! The reader's state: the open article, its text wrapped for the current width, the scroll
//! position and the lines holding search hits. Wrapping happens here, once per load or resize.

use crate::article::Article;

use super::text::{clean_line, clean_text, map_ranges, wrap_at};

/// What a wrapped line is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineKind {
    Title,
    Meta,
    #[default]
    Body,
}

/// One display line of the reader.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReaderLine {
    pub kind: LineKind,
    pub text: String,
    /// Byte ranges of `text` that the analysis found an entity in (from its offsets).
    pub marks: Vec<(usize, usize)>,
    /// The line's paragraph reads right to left, so the reader right-aligns it.
    pub rtl: bool,
}

/// The open article (cleaned) and its wrapped lines.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ReaderState {
    pub article: Option<Article>,
    pub lines: Vec<ReaderLine>,
    pub scroll: usize,
    pub width: usize,
    pub height: usize,
    /// Lowercased search terms to highlight.
    pub terms: Vec<String>,
    /// Lowercased names of the article's entities, highlighted in the text.
    pub entities: Vec<String>,
    /// Indices of lines that contain a term.
    pub hits: Vec<usize>,
    /// The hit `n`/`N` last went to (an index into `hits`).
    pub current_hit: Option<usize>,
    /// The article's links, cleaned, numbered from 1 in the link list.
    pub links: Vec<String>,
    /// Entity mentions as byte ranges of the clean title and of the clean body.
    pub title_marks: Vec<(usize, usize)>,
    pub body_marks: Vec<(usize, usize)>,
}

impl ReaderState {
    /// Opens `article` (cleaning all its text) at the top.
    pub fn open(&mut self, article: Article) {
        self.open_with_mentions(article, &[]);
    }

    /// Opens `article` with the analysis' mentions: byte ranges of the text analysed, the
    /// stored title, a blank line and the stored body. They are moved onto the cleaned text.
    pub fn open_with_mentions(&mut self, mut article: Article, mentions: &[(usize, usize)]) {
        let body_start = article.summary.title.len() + 2;
        let in_title: Vec<(usize, usize)> = mentions
            .iter()
            .copied()
            .filter(|&(_, end)| end <= article.summary.title.len())
            .collect();
        let in_body: Vec<(usize, usize)> = mentions
            .iter()
            .filter(|&&(start, _)| start >= body_start)
            .map(|&(start, end)| (start - body_start, end.saturating_sub(body_start)))
            .collect();
        let raw_title = article.summary.title.clone();
        article.summary = super::list::clean_summary(article.summary);
        self.title_marks = map_ranges(&raw_title, &article.summary.title, &in_title);
        let body = clean_text(&article.body);
        self.body_marks = map_ranges(&article.body, &body, &in_body);
        article.body = body;
        article.author = article.author.as_deref().map(clean_line);
        self.links = super::links::article_links(&article);
        article.original = String::new(); // never shown; its links are kept above
        self.article = Some(article);
        self.scroll = 0;
        self.rewrap();
    }

    pub fn close(&mut self) {
        self.article = None;
        self.lines.clear();
        self.hits.clear();
        self.current_hit = None;
        self.links.clear();
        self.scroll = 0;
    }

    /// Sets the pane size; rewraps when the width changed.
    pub fn resize(&mut self, width: usize, height: usize) {
        self.height = height;
        if width != self.width {
            self.width = width;
            self.rewrap();
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    pub fn set_terms(&mut self, terms: Vec<String>) {
        self.terms = terms;
        self.find_hits();
    }

    fn rewrap(&mut self) {
        self.lines.clear();
        let Some(article) = &self.article else {
            return;
        };
        let width = self.width.max(1);
        let push = |lines: &mut Vec<ReaderLine>, kind, text: &str, marks: &[(usize, usize)]| {
            lines.extend(wrap_at(text, width).into_iter().map(|line| {
                ReaderLine {
                    kind,
                    marks: line
                        .start
                        .map(|start| marks_within(marks, start, line.text.len()))
                        .unwrap_or_default(),
                    text: line.text,
                    rtl: line.rtl,
                }
            }));
        };
        push(
            &mut self.lines,
            LineKind::Title,
            &article.summary.title,
            &self.title_marks,
        );
        push(&mut self.lines, LineKind::Meta, &meta_line(article), &[]);
        self.lines.push(ReaderLine::default());
        push(
            &mut self.lines,
            LineKind::Body,
            &article.body,
            &self.body_marks,
        );
        self.find_hits();
    }

    fn find_hits(&mut self) {
        self.current_hit = None;
        self.hits = self
            .lines
            .iter()
            .enumerate()
            .filter(|(_, line)| {
                let lower = line.text.to_lowercase();
                self.terms.iter().any(|term| lower.contains(term.as_str()))
            })
            .map(|(index, _)| index)
            .collect();
    }

    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.height.max(1))
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    pub fn scroll_to(&mut self, line: usize) {
        self.scroll = line.min(self.max_scroll());
    }

    /// Scrolls to the next (or previous) hit, wrapping around the ends as vim does: the first
    /// jump goes to the first hit from the top line on (before it, backwards). `None` without
    /// hits, else the hit reached and whether the search wrapped.
    pub fn jump_hit(&mut self, forward: bool) -> Option<HitJump> {
        let count = self.hits.len();
        if count == 0 {
            return None;
        }
        let (index, wrapped) = match (self.current_hit, forward) {
            (Some(at), true) => ((at + 1) % count, at + 1 == count),
            (Some(at), false) => ((at + count - 1) % count, at == 0),
            (None, true) => match self.hits.iter().position(|&line| line >= self.scroll) {
                Some(at) => (at, false),
                None => (0, true),
            },
            (None, false) => match self.hits.iter().rposition(|&line| line < self.scroll) {
                Some(at) => (at, false),
                None => (count - 1, true),
            },
        };
        self.current_hit = Some(index);
        self.scroll_to(self.hits[index]);
        Some(HitJump {
            index,
            count,
            wrapped,
        })
    }

    /// How far through the text the bottom of the pane is, in percent.
    pub fn percent(&self) -> usize {
        if self.lines.len() <= self.height {
            return 100;
        }
        ((self.scroll + self.height) * 100 / self.lines.len()).min(100)
    }
}

/// The parts of `marks` on the line of `len` bytes from `start`, relative to the line: a
/// mention wrapped over two lines is marked on both.
fn marks_within(marks: &[(usize, usize)], start: usize, len: usize) -> Vec<(usize, usize)> {
    let end = start + len;
    marks
        .iter()
        .filter(|&&(from, to)| from < end && to > start)
        .map(|&(from, to)| (from.max(start) - start, to.min(end) - start))
        .collect()
}

/// Where [`ReaderState::jump_hit`] went: hit `index` (0-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HitJump {
    pub index: usize,
    pub count: usize,
    pub wrapped: bool,
}

impl HitJump {
    /// The status line: `hit 3/41`, with vim's note when the search went round an end.
    pub fn message(self) -> String {
        let hit = format!("hit {}/{}", self.index + 1, self.count);
        if self.wrapped {
            format!("{hit} · search wrapped")
        } else {
            hit
        }
    }
}

/// `source · date · language · URL`, skipping what is unknown.
fn meta_line(article: &Article) -> String {
    let summary = &article.summary;
    let date = summary
        .published
        .as_deref()
        .map(|date| date.chars().take(10).collect());
    [
        summary.source.clone(),
        date,
        summary.lang.clone(),
        summary.url.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<String>>()
    .join(" · ")
}

#[cfg(test)]
mod tests {
    use crate::article::ArticleSummary;

    use super::*;

    fn article(body: &str) -> Article {
        Article {
            summary: ArticleSummary {
                title: "Niger\u{1b}[2J: title".into(),
                source: Some("RFI".into()),
                published: Some("2024-03-28T10:00:00Z".into()),
                lang: Some("fr".into()),
                ..ArticleSummary::default()
            },
            body: body.into(),
            ..Article::default()
        }
    }

    fn reader(body: &str, width: usize, height: usize) -> ReaderState {
        let mut state = ReaderState::default();
        state.resize(width, height);
        state.open(article(body));
        state
    }

    #[test]
    fn opens_cleaned_and_wrapped_with_title_and_meta() {
        let state = reader("one two three\n\nfour", 40, 10);
        let texts: Vec<&str> = state.lines.iter().map(|line| line.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Niger: title",
                "RFI · 2024-03-28 · fr",
                "",
                "one two three",
                "",
                "four"
            ]
        );
        assert_eq!(state.lines[0].kind, LineKind::Title);
    }

    #[test]
    fn rewraps_on_width_change_and_clamps_scroll() {
        let mut state = reader(&"word ".repeat(100), 40, 5);
        let wide = state.lines.len();
        state.scroll_by(1000);
        assert_eq!(state.scroll, state.max_scroll());
        state.resize(20, 5);
        assert!(state.lines.len() > wide);
        state.resize(20, 1000);
        assert_eq!(state.scroll, 0);
    }

    #[test]
    fn percent_reaches_one_hundred_at_the_bottom() {
        let mut state = reader(&"line\n\n".repeat(50), 40, 10);
        assert!(state.percent() < 20);
        state.scroll_to(usize::MAX);
        assert_eq!(state.percent(), 100);
    }

    #[test]
    fn mentions_are_marked_on_each_line_they_cover() {
        let body = "Le Conseil national pour la sauvegarde de la patrie (CNSP) parle.";
        let mut item = article(body);
        item.summary.title = "Niger: titre".into();
        let start = item.summary.title.len() + 2;
        let conseil = body.find("Conseil").expect("in body");
        let long = (
            start + conseil,
            start + conseil + "Conseil national pour la sauvegarde de la patrie".len(),
        );
        let mut state = ReaderState::default();
        state.resize(30, 10);
        state.open_with_mentions(item, &[(0, 5), long]);
        assert_eq!(state.lines[0].marks, [(0, 5)]);
        let marked: Vec<String> = state.lines[3..]
            .iter()
            .flat_map(|line| line.marks.iter().map(|&(s, e)| line.text[s..e].to_string()))
            .collect();
        assert_eq!(
            marked,
            ["Conseil national pour la", "sauvegarde de la patrie"]
        );
    }

    #[test]
    fn jumps_between_search_hits() {
        let mut state = reader("alpha\n\nbeta\n\ngamma beta\n\ndelta", 40, 2);
        state.set_terms(vec!["beta".into()]);
        assert_eq!(state.hits, [5, 7]);
        let jump = state.jump_hit(true).expect("a hit");
        assert_eq!((jump.index, jump.count, jump.wrapped), (0, 2, false));
        assert_eq!(state.scroll, 5);
        assert_eq!(state.jump_hit(true).expect("a hit").message(), "hit 2/2");
        assert_eq!(
            state.jump_hit(true).expect("a hit").message(),
            "hit 1/2 · search wrapped"
        );
        assert_eq!(
            state.jump_hit(false).expect("a hit").message(),
            "hit 2/2 · search wrapped"
        );
        state.set_terms(Vec::new());
        assert_eq!(state.jump_hit(true), None);
    }
}
