//! Colours and text styles of the TUI, built once from `[theme]` in the config.
//! With `NO_COLOR` set only modifiers (bold, reversed, underline) are used.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeConfig;

/// Resolved styles, one per thing the screen draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub unread: Style,
    pub read: Style,
    pub starred: Style,
    pub title: Style,
    pub meta: Style,
    pub hit: Style,
    pub entity: Style,
    pub header: Style,
    pub status: Style,
    pub chip: Style,
    pub error: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self::new(&ThemeConfig::default(), false).expect("the default theme is valid")
    }
}

/// A colour name in the config that is not a colour.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "theme.{field}: '{value}' is not a colour (use a name like \"blue\", \"#rrggbb\" or 0-255)"
)]
pub struct BadColour {
    pub field: &'static str,
    pub value: String,
}

impl Theme {
    /// Builds the styles; `no_color` keeps only modifiers, for `NO_COLOR` and monochrome terminals.
    pub fn new(config: &ThemeConfig, no_color: bool) -> Result<Self, BadColour> {
        let colour = |field: &'static str, value: &str| -> Result<Style, BadColour> {
            let parsed = Color::from_str(value).map_err(|_| BadColour {
                field,
                value: value.to_string(),
            })?;
            Ok(if no_color {
                Style::new()
            } else {
                Style::new().fg(parsed)
            })
        };
        let selected_bg = Color::from_str(&config.selected_bg).map_err(|_| BadColour {
            field: "selected_bg",
            value: config.selected_bg.clone(),
        })?;
        let selected = if no_color {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            colour("selected_fg", &config.selected_fg)?.bg(selected_bg)
        };
        let bold = Modifier::BOLD;
        Ok(Self {
            border: colour("border", &config.border)?,
            border_focused: colour("border_focused", &config.border_focused)?.add_modifier(bold),
            selected,
            unread: colour("unread", &config.unread)?.add_modifier(bold),
            read: colour("read", &config.read)?,
            starred: colour("starred", &config.starred)?.add_modifier(bold),
            title: colour("title", &config.title)?.add_modifier(bold),
            meta: colour("meta", &config.meta)?.add_modifier(Modifier::ITALIC),
            hit: colour("hit", &config.hit)?.add_modifier(Modifier::REVERSED),
            entity: colour("entity", &config.entity)?.add_modifier(Modifier::UNDERLINED),
            header: colour("header", &config.header)?.add_modifier(bold | Modifier::UNDERLINED),
            status: colour("status", &config.status)?,
            chip: colour("chip", &config.chip)?.add_modifier(Modifier::REVERSED),
            error: colour("error", &config.error)?.add_modifier(bold),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_theme_uses_sixteen_colour_names() {
        let theme = Theme::default();
        assert!(matches!(theme.border_focused.fg, Some(Color::Cyan)));
        assert!(theme.unread.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn no_color_keeps_only_modifiers() {
        let theme = Theme::new(&ThemeConfig::default(), true).expect("valid");
        for style in [theme.border, theme.unread, theme.selected, theme.error] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert!(theme.selected.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn a_bad_colour_names_its_field() {
        let config = ThemeConfig {
            unread: "blurple".into(),
            ..ThemeConfig::default()
        };
        let error = Theme::new(&config, false).expect_err("bad colour");
        assert!(
            error.to_string().starts_with("theme.unread: 'blurple'"),
            "{error}"
        );
        let hex = ThemeConfig {
            unread: "#336699".into(),
            ..ThemeConfig::default()
        };
        assert!(Theme::new(&hex, false).is_ok());
    }
}
