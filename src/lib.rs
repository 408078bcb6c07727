//! kiosk: a terminal news reader over a local article store that knows which countries and
//! people each article is about. The binary is a thin shell over this library.

pub mod analyze;
pub mod article;
pub mod config;
pub mod lang;
