//! Draws the world map shown in place of the reader (`m`): ratatui's canvas map with a marker on
//! each country of the current list, sized by its article count; the filtered countries are
//! highlighted and labelled, as are the few with the most articles.

use std::collections::HashMap;
use std::sync::LazyLock;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};

use crate::theme::Theme;

use super::pane_block;

/// Approximate centres of countries (latitude, longitude), from `scripts/build_centroids.py`.
static CENTROIDS: LazyLock<HashMap<&'static str, (f64, f64)>> = LazyLock::new(|| {
    include_str!("../../assets/gazetteer/centroids.tsv")
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let code = fields.next()?;
            let lat = fields.next()?.parse().ok()?;
            let lon = fields.next()?.parse().ok()?;
            Some((code, (lat, lon)))
        })
        .collect()
});

/// How many of the most covered countries carry their code on the map.
const LABELLED: usize = 5;

/// The map pane, borrowed for one frame.
pub struct WorldMap<'a> {
    /// Articles per country of the current list, most first.
    countries: &'a [(String, u64)],
    /// The countries of the active country filter.
    selected: &'a [String],
    theme: &'a Theme,
    focused: bool,
}

impl<'a> WorldMap<'a> {
    pub fn new(
        countries: &'a [(String, u64)],
        selected: &'a [String],
        theme: &'a Theme,
        focused: bool,
    ) -> Self {
        Self {
            countries,
            selected,
            theme,
            focused,
        }
    }
}

/// The marker for `count` out of the list's `most`: bigger for more articles.
fn marker(count: u64, most: u64) -> &'static str {
    match count.saturating_mul(100) / most.max(1) {
        50.. => "●",
        15..=49 => "•",
        _ => "·",
    }
}

impl Widget for WorldMap<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let placed = self
            .countries
            .iter()
            .filter(|(code, _)| CENTROIDS.contains_key(code.as_str()))
            .count();
        let title = format!(" Map · {placed} countries · ● most · • some · · few ");
        let block = pane_block(Line::from(title), self.theme, self.focused);
        let most = self.countries.first().map_or(0, |(_, count)| *count);
        let map_color = self.theme.meta.fg.unwrap_or(Color::Reset);
        let canvas = Canvas::default()
            .block(block)
            .marker(Marker::Braille)
            .x_bounds([-180.0, 180.0])
            .y_bounds([-60.0, 85.0])
            .paint(|ctx| {
                ctx.draw(&Map {
                    color: map_color,
                    resolution: MapResolution::High,
                });
                ctx.layer();
                // Least covered first, so bigger markers are drawn over smaller neighbours.
                for (rank, (code, count)) in self.countries.iter().enumerate().rev() {
                    let Some((lat, lon)) = CENTROIDS.get(code.as_str()) else {
                        continue;
                    };
                    let selected = self.selected.contains(code);
                    let style = if selected {
                        self.theme.hit
                    } else {
                        self.theme.entity
                    };
                    let mut spans = vec![Span::styled(marker(*count, most), style)];
                    if selected || rank < LABELLED {
                        spans.push(Span::styled(code.clone(), style.patch(Style::new())));
                    }
                    ctx.print(*lon, *lat, Line::from(spans));
                }
            });
        canvas.render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_code_has_a_centre() {
        assert!(CENTROIDS.len() >= 245, "{}", CENTROIDS.len());
        let (lat, lon) = CENTROIDS["NE"];
        assert!((10.0..25.0).contains(&lat) && (0.0..16.0).contains(&lon));
    }

    #[test]
    fn markers_grow_with_the_count() {
        assert_eq!(marker(100, 100), "●");
        assert_eq!(marker(20, 100), "•");
        assert_eq!(marker(1, 100), "·");
        assert_eq!(marker(0, 0), "·");
    }
}
