//! gol's standard packages.
