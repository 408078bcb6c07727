//! Draws the reader: the wrapped lines of the open article from the scroll position, search hits
//! highlighted, the position in percent in the border.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::reader::{LineKind, ReaderLine, ReaderState};
use crate::app::text::display_width;
use crate::theme::Theme;

use super::pane_block;

/// The reader pane, borrowed for one frame.
pub struct Reader<'a> {
    state: &'a ReaderState,
    theme: &'a Theme,
    focused: bool,
}

impl<'a> Reader<'a> {
    pub fn new(state: &'a ReaderState, theme: &'a Theme, focused: bool) -> Self {
        Self {
            state,
            theme,
            focused,
        }
    }

    /// The styled line, right-aligned in `width` columns when its paragraph reads right to left.
    fn line(&self, line: &'a ReaderLine, width: usize) -> Line<'a> {
        let (kind, text) = (line.kind, line.text.as_str());
        let base = match kind {
            LineKind::Title => self.theme.title,
            LineKind::Meta => self.theme.meta,
            LineKind::Body => Style::new(),
        };
        let layers = [
            (
                self.state.entities.as_slice(),
                base.patch(self.theme.entity),
            ),
            (self.state.terms.as_slice(), self.theme.hit),
        ];
        let mut spans = highlight(
            text,
            &line.marks,
            base.patch(self.theme.entity),
            &layers,
            base,
        );
        if line.rtl {
            // Padding by each character's width, not `Line::right_aligned`: that measures the
            // line as a string, and counts a lam-alef pair as one column where the buffer
            // gives it two, so Arabic lines would overflow the pane by one cell per pair.
            let pad = width.saturating_sub(display_width(text));
            spans.insert(0, Span::raw(" ".repeat(pad)));
        }
        Line::from(spans)
    }
}

impl Widget for Reader<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let state = self.state;
        let mut block = pane_block(Line::from(" Reader "), self.theme, self.focused);
        if state.article.is_some() {
            let position = format!(" {}% ", state.percent());
            block = block.title_bottom(Line::from(position).right_aligned());
        }
        let inner = block.inner(area);
        block.render(area, buf);
        if state.article.is_none() {
            let hint = " Enter opens the selected article.";
            Line::from(hint).style(self.theme.meta).render(inner, buf);
            return;
        }
        let visible = state
            .lines
            .iter()
            .skip(state.scroll)
            .take(usize::from(inner.height));
        for (y, line) in (inner.y..).zip(visible) {
            // Span by span at the column the buffer reached, not `Line::render`: it places each
            // span after the previous one's string width, which unicode-width makes one column
            // short per Arabic lam-alef, so the next span would overwrite the last cell.
            let mut x = inner.x;
            for span in self.line(line, usize::from(inner.width)).spans {
                let room = usize::from(inner.right().saturating_sub(x));
                if room == 0 {
                    break;
                }
                (x, _) = buf.set_stringn(x, y, &span.content, room, span.style);
            }
        }
    }
}

/// Splits `text` into spans: the byte `ranges` the analysis marked get `marked`, then each
/// layer's (lowercase) terms found in it get the layer's style, later layers over earlier ones
/// (search hits over entity names and marks).
fn highlight<'a>(
    text: &'a str,
    ranges: &[(usize, usize)],
    marked: Style,
    layers: &[(&[String], Style)],
    base: Style,
) -> Vec<Span<'a>> {
    if ranges.is_empty() && layers.iter().all(|(terms, _)| terms.is_empty()) {
        return vec![Span::styled(text, base)];
    }
    let mut styles = vec![marked];
    styles.extend(layers.iter().map(|(_, style)| *style));
    // marks[i]: 0 for plain text, else 1 + the index in `styles` of what covers byte i.
    let mut marks = vec![0usize; text.len()];
    for &(start, end) in ranges {
        if let Some(covered) = marks.get_mut(start..end) {
            covered.iter_mut().for_each(|mark| *mark = 1);
        }
    }
    let lower = text.to_lowercase();
    // Lowercasing can change byte lengths (e.g. 'İ'); find terms only when it did not.
    let layers = if lower.len() == text.len() {
        layers
    } else {
        &[]
    };
    for (layer, (terms, _)) in layers.iter().enumerate() {
        for term in terms.iter().filter(|term| !term.is_empty()) {
            for (at, _) in lower.match_indices(term.as_str()) {
                marks[at..at + term.len()]
                    .iter_mut()
                    .for_each(|mark| *mark = layer + 2);
            }
        }
    }
    let mut spans = Vec::new();
    let mut start = 0;
    for end in (1..=text.len()).filter(|&i| text.is_char_boundary(i)) {
        let boundary = end == text.len() || marks[end] != marks[start];
        if boundary && text.is_char_boundary(end) {
            let style = match marks[start] {
                0 => base,
                layer => styles[layer - 1],
            };
            spans.push(Span::styled(&text[start..end], style));
            start = end;
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each span's text and style, to compare with what the line should show.
    fn contents<'a>(spans: &'a [Span<'a>]) -> Vec<(&'a str, Style)> {
        spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style))
            .collect()
    }

    fn styled(spans: &[Span<'_>], hit: Style) -> Vec<(String, bool)> {
        spans
            .iter()
            .map(|s| (s.content.to_string(), s.style == hit))
            .collect()
    }

    #[test]
    fn highlights_every_occurrence_case_insensitively() {
        let hit = Style::new().reversed();
        let terms = ["niger".to_string()];
        let spans = highlight("Niger and niger", &[], hit, &[(&terms, hit)], Style::new());
        let expected = [("Niger", true), (" and ", false), ("niger", true)];
        assert_eq!(
            styled(&spans, hit),
            expected.map(|(t, h)| (t.to_string(), h))
        );
    }

    #[test]
    fn search_hits_win_over_entity_names() {
        let (entity, hit) = (Style::new().underlined(), Style::new().reversed());
        let entities = ["vladimir poutine".to_string()];
        let terms = ["poutine".to_string()];
        let layers = [(entities.as_slice(), entity), (terms.as_slice(), hit)];
        let spans = highlight(
            "M. Vladimir Poutine a dit",
            &[],
            entity,
            &layers,
            Style::new(),
        );
        let texts = contents(&spans);
        assert_eq!(
            texts,
            [
                ("M. ", Style::new()),
                ("Vladimir ", entity),
                ("Poutine", hit),
                (" a dit", Style::new())
            ]
        );
    }

    #[test]
    fn marked_ranges_are_styled_and_search_hits_stay_distinct() {
        let (entity, hit) = (Style::new().underlined(), Style::new().reversed());
        let terms = ["cnsp".to_string()];
        let layers = [(terms.as_slice(), hit)];
        let text = "le CNSP à Moscou";
        let moscou = text.find("Moscou").expect("in text");
        let ranges = [(3, 7), (moscou, moscou + 6)];
        let spans = highlight(text, &ranges, entity, &layers, Style::new());
        let texts = contents(&spans);
        assert_eq!(
            texts,
            [
                ("le ", Style::new()),
                ("CNSP", hit),
                (" à ", Style::new()),
                ("Moscou", entity)
            ]
        );
    }

    #[test]
    fn no_terms_is_one_plain_span() {
        assert_eq!(
            highlight("été", &[], Style::new(), &[], Style::new()).len(),
            1
        );
        let terms = ["ici".to_string()];
        let spans = highlight(
            "été ici",
            &[],
            Style::new(),
            &[(&terms, Style::new().bold())],
            Style::new(),
        );
        assert_eq!(spans.len(), 2);
    }
}
