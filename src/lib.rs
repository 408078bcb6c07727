//! kiosk: a terminal news reader over a local article store that knows which countries and
//! people each article is about. The binary is a thin shell over this library.
//!
//! Modules, each importing only those listed after its arrow (tests/imports.rs fails on a cycle):
//! - `runtime`: the TUI's event loop and its only IO ([`runtime::Env`]) → ui, keymap, app, fetch,
//!   store, config, theme, query, analyze, article
//! - `ui`: pure drawing of the app state → app, theme, query, store (the sort), article
//! - `keymap`: keys by name and the map from a key to an action → app, config
//! - `app`: the TUI state, the pure `update`, pane layout and help data → theme, config, query,
//!   store (the sort, undo of a delete, tag names), analyze, article, untrusted
//! - `cli`: the `kiosk` subcommands and the progress bars → ingest, fetch, store, query, config,
//!   app (number formatting), analyze, article, untrusted
//! - `fetch`: feeds over HTTP into the store → ingest, store, config, analyze, article, untrusted
//! - `ingest`: importers (JSON, feeds, OPML, newsboat, folders) and text cleaning → store,
//!   analyze, query, config, article, untrusted
//! - `theme`: colours and styles → config
//! - `config`: `config.toml`, the default key table and saved views → query, analyze (its limits)
//! - `store`: the SQLite archive, the query's evaluation and the list's sort orders → query,
//!   analyze, article, untrusted
//! - `query`: the filter language, parsed once and printed back → analyze (country names, kinds)
//! - `analyze`: countries and named entities of an article, and the entity kinds' names → lang
//! - `lang`, `article`, `untrusted`: language names, the article model, the cleaner of untrusted
//!   text → nothing

pub mod analyze;
pub mod app;
pub mod article;
pub mod cli;
pub mod config;
pub mod fetch;
pub mod ingest;
pub mod keymap;
pub mod lang;
pub mod query;
pub mod runtime;
pub mod store;
pub mod theme;
pub mod ui;
pub mod untrusted;

/// Opens the interactive reader over `store` (see [`runtime::run_tui`]).
pub fn launch_tui(store: store::Store, config: &config::Config) -> anyhow::Result<()> {
    runtime::run_tui(store, config)
}
