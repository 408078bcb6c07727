//! kiosk: a terminal news reader over a local article store that knows which countries and
//! people each article is about. The binary is a thin shell over this library.

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
