//! kiosk: a terminal news reader over a local article store that knows which countries and
//! people each article is about. The binary is a thin shell over this library.

pub mod app;
pub mod article;
pub mod config;
pub mod keymap;
pub mod lang;
pub mod query;
pub mod runtime;
pub mod store;
pub mod theme;
pub mod ui;
