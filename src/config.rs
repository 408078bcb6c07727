//! The user's configuration: defaults, where the file lives, and the load rules.
//! Loaded once at start-up and passed down; kiosk writes only `[views]` back (see [`views`]).

pub mod keys;
pub mod views;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

use keys::{Pane, default_bindings};

/// Everything `config.toml` can set. `Default` is the source of truth for every value.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The browser for `o` and the link list: a command with `%u` for the URL (appended when
    /// absent), run without a shell; empty uses `$BROWSER`, else the desktop's opener.
    pub browser: String,
    pub browser_mode: BrowserMode,
    pub import: ImportConfig,
    pub analysis: AnalysisConfig,
    pub keys: KeysConfig,
    pub theme: ThemeConfig,
    pub layout: LayoutConfig,
    /// Feeds subscribed from the config file, fetched along with those added by `kiosk feeds add`.
    pub feeds: Vec<FeedConfig>,
    /// Saved views: name = query (`:save NAME` in the TUI adds one).
    pub views: BTreeMap<String, String>,
    /// The file this came from, or the default path it would come from (where `:save` writes).
    #[serde(skip)]
    pub file: Option<PathBuf>,
}

/// How `browser` runs: a text browser (w3m, lynx, elinks) takes the terminal until it ends;
/// a graphical one starts beside kiosk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BrowserMode {
    Terminal,
    #[default]
    Detached,
}

/// One `[[feeds]]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedConfig {
    pub url: String,
    /// Defaults to the feed's title once fetched (the URL's host until then).
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Download each new item's web page and keep its readable text as the body.
    #[serde(default)]
    pub full_text: bool,
}

/// How much of an article the analysis reads.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnalysisConfig {
    /// An article longer than this many bytes is analysed on its first part (see
    /// [`crate::analyze::set_max_bytes`]).
    pub max_bytes: usize,
}

impl Default for AnalysisConfig {
    fn default() -> Self {
        Self {
            max_bytes: crate::analyze::DEFAULT_MAX_BYTES,
        }
    }
}

/// Rules for turning imported text into clean article bodies.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImportConfig {
    /// Case-insensitive regular expressions; a paragraph matching one, at the end of an article,
    /// is a syndication trailer: kept in the original text, left out of the body.
    pub trailer_patterns: Vec<String>,
    /// A paragraph found verbatim in this many articles of one source is treated as a trailer.
    pub repeated_paragraph_threshold: usize,
    /// The most bytes one article may take in a streamed JSON input (a JSON line, an element of
    /// an array): a longer one is refused with one line and the rest of the input goes on.
    pub max_line_bytes: u64,
    /// The most bytes of a file read whole (a text, feed, page, OPML, JSON not in UTF-8, one
    /// pretty-printed object): a larger one is refused with one line, the next file goes on.
    pub max_file_bytes: u64,
}

/// [`ImportConfig::max_line_bytes`] by default: 16 MiB, sixteen times the analysis cap.
pub const DEFAULT_MAX_LINE_BYTES: u64 = 16 * 1024 * 1024;

/// [`ImportConfig::max_file_bytes`] by default: 256 MiB (a feed of thousands of items fits).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

impl Default for ImportConfig {
    fn default() -> Self {
        Self {
            trailer_patterns: default_trailer_patterns(),
            repeated_paragraph_threshold: 3,
            max_line_bytes: DEFAULT_MAX_LINE_BYTES,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

fn default_trailer_patterns() -> Vec<String> {
    [
        r"AllAfrica (publie|publishes)",
        r"identifiant AllAfrica comme source",
        r"identified as AllAfrica",
        r"^(copyright|©|\(c\))\s",
        r"all rights reserved",
        r"tous droits réservés",
        r"todos los derechos reservados",
        r"^(read more|lire aussi|lire la suite|leer más|ver también|see also)\b",
        r"^(subscribe|abonnez-vous|suscríbete)\b",
        r"this (article|story) (was|is) (syndicated|republished|distributed)",
        r"(cet|cette) (article|dépêche) (est|a été) (diffusée?|syndiquée?|republiée?)",
        r"^(reuters?|afp|ap|dpa)\.?$",
    ]
    .iter()
    .map(|pattern| (*pattern).to_string())
    .collect()
}

/// Key bindings per pane: key name → action name. A user entry replaces the default for that key
/// only; `"noop"` unbinds it. Names are checked when the keymap is built.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KeysConfig {
    #[serde(deserialize_with = "merge_global")]
    pub global: BTreeMap<String, String>,
    #[serde(deserialize_with = "merge_list")]
    pub list: BTreeMap<String, String>,
    #[serde(deserialize_with = "merge_reader")]
    pub reader: BTreeMap<String, String>,
    #[serde(deserialize_with = "merge_entities")]
    pub entities: BTreeMap<String, String>,
}

impl Default for KeysConfig {
    fn default() -> Self {
        Self {
            global: bindings(Pane::Global),
            list: bindings(Pane::List),
            reader: bindings(Pane::Reader),
            entities: bindings(Pane::Entities),
        }
    }
}

fn bindings(pane: Pane) -> BTreeMap<String, String> {
    default_bindings(pane)
        .iter()
        .map(|(key, action)| ((*key).to_string(), (*action).to_string()))
        .collect()
}

fn merge<'de, D: Deserializer<'de>>(
    pane: Pane,
    deserializer: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    let mut merged = bindings(pane);
    merged.extend(BTreeMap::<String, String>::deserialize(deserializer)?);
    Ok(merged)
}

fn merge_global<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    merge(Pane::Global, d)
}

fn merge_list<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    merge(Pane::List, d)
}

fn merge_reader<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    merge(Pane::Reader, d)
}

fn merge_entities<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    merge(Pane::Entities, d)
}

/// Colours: names of the 16 ANSI colours ("blue", "lightred", "darkgray", "reset"), "#rrggbb" or
/// an index 0-255. `NO_COLOR` in the environment overrides them all.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThemeConfig {
    pub border: String,
    pub border_focused: String,
    pub selected_fg: String,
    pub selected_bg: String,
    pub unread: String,
    pub read: String,
    pub starred: String,
    pub title: String,
    pub meta: String,
    pub hit: String,
    pub entity: String,
    pub header: String,
    pub status: String,
    pub chip: String,
    pub error: String,
}

impl Default for ThemeConfig {
    fn default() -> Self {
        let colour = |name: &str| name.to_string();
        Self {
            border: colour("darkgray"),
            border_focused: colour("cyan"),
            selected_fg: colour("black"),
            selected_bg: colour("cyan"),
            unread: colour("reset"),
            read: colour("gray"),
            starred: colour("yellow"),
            title: colour("reset"),
            meta: colour("gray"),
            hit: colour("yellow"),
            entity: colour("magenta"),
            header: colour("cyan"),
            status: colour("reset"),
            chip: colour("blue"),
            error: colour("red"),
        }
    }
}

/// Pane sizes. Below 100 columns the sidebar is hidden; below 60 one pane shows at a time.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LayoutConfig {
    /// Width of the article list, in percent of what the sidebar leaves.
    pub list_percent: u16,
    /// Width of the entity sidebar, in columns.
    pub sidebar_columns: u16,
    /// Whether the sidebar shows at start (`e` toggles it).
    pub show_sidebar: bool,
}

impl Default for LayoutConfig {
    fn default() -> Self {
        Self {
            list_percent: 45,
            sidebar_columns: 28,
            show_sidebar: true,
        }
    }
}

/// Why a configuration could not be loaded; always names the file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {cause}")]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("config file {path} is invalid: {message}")]
    Parse { path: PathBuf, message: String },
}

impl Config {
    /// Loads `explicit` (which must exist) or else the default path (which may be absent).
    pub fn load(explicit: Option<&Path>) -> Result<Self, ConfigError> {
        let (path, must_exist) = match explicit {
            Some(path) => (path.to_path_buf(), true),
            None => match default_config_path() {
                Some(path) => (path, false),
                None => return Ok(Self::default()),
            },
        };
        let config = match std::fs::read_to_string(&path) {
            Ok(text) => Self::parse(&text).map_err(|message| ConfigError::Parse {
                path: path.clone(),
                message,
            }),
            Err(error) if !must_exist && error.kind() == std::io::ErrorKind::NotFound => {
                Ok(Self::default())
            }
            Err(cause) => Err(ConfigError::Read {
                path: path.clone(),
                cause,
            }),
        }?;
        Ok(Self {
            file: Some(path),
            ..config
        })
    }

    /// Parses TOML text; the error names the line and the key at fault.
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|error| {
            let message = error.message().trim_end_matches('\n').to_string();
            match error.span() {
                Some(span) => {
                    let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                    format!("line {line}: {message}")
                }
                None => message,
            }
        })
    }
}

/// `<config dir>/kiosk/config.toml` for this platform, if the platform has one.
pub fn default_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "kiosk")
        .map(|dirs| dirs.config_dir().join("config.toml"))
}

/// `<data dir>/kiosk/kiosk.db` for this platform, if the platform has one.
pub fn default_store_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "kiosk").map(|dirs| dirs.data_dir().join("kiosk.db"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_file_is_exactly_the_defaults() {
        let text = include_str!("../config.example.toml");
        assert_eq!(Config::parse(text), Ok(Config::default()));
    }

    #[test]
    fn errors_name_the_line_and_key() {
        let error = Config::parse("[import]\nrepeated_paragraph_threshold = \"x\"\n").unwrap_err();
        assert!(error.starts_with("line 2:"), "{error}");
        let error = Config::parse("[import]\ntrailers = []\n").unwrap_err();
        assert!(error.contains("unknown field `trailers`"), "{error}");
    }

    #[test]
    fn a_missing_explicit_file_is_an_error_naming_it() {
        let error = Config::load(Some(Path::new("/nonexistent/kiosk.toml"))).unwrap_err();
        assert!(
            error.to_string().contains("/nonexistent/kiosk.toml"),
            "{error}"
        );
    }
}
