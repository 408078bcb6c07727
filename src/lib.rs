//! kiosk: a terminal news reader over a local article store that knows which countries and
//! people each article is about. The binary is a thin shell over this library.

pub mod analyze;
pub mod article;
pub mod cli;
pub mod config;
pub mod fetch;
pub mod ingest;
pub mod lang;
pub mod query;
pub mod store;

/// Opens the interactive reader. Until the TUI lands, says so and suggests the CLI.
pub fn launch_tui(_store: store::Store, _config: &config::Config) -> anyhow::Result<()> {
    anyhow::bail!("the interactive reader is not built yet; try `kiosk list`")
}
