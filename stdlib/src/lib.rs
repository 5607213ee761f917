//! gol's standard packages.

pub mod format;
