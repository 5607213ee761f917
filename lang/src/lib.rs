//! gol's front end: source text to checked syntax (and, later, bytecode).
//!
//! The pipeline: [`lexer`] (logos, with Go's automatic semicolons) ->
//! [`parser`] (lalrpop, with error recovery) -> [`check`] (Go's typing rules;
//! records a type for every expression and the declaration of every
//! identifier) -> code generation. Errors at every stage are
//! [`diag::Diagnostic`]s with spans into a [`source::SourceMap`].
//!
//! This crate knows nothing about threads or the heap.

#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

pub mod ast;
pub mod basic;
pub mod check;
pub mod constant;
pub mod diag;
pub mod lexer;
pub mod parser;
pub mod source;
pub mod token;
pub mod types;

/// Where the checker finds the source of standard packages (`fmt`,
/// `strings`, ...). The `gol` binary passes the stdlib crate's table; this
/// crate's own tests pass small ones. Package sources are Go files whose
/// functions may lack bodies (implemented natively by the VM).
pub trait Importer {
    /// The files of the package with this import path, as (name, text).
    fn package(&self, path: &str) -> Option<Vec<(String, String)>>;
    /// Every import path this importer knows, sorted, for the error that
    /// lists the packages gol has.
    fn available(&self) -> Vec<String>;
}

/// How a file is treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A `.go` file: Go's rules exactly.
    Go,
    /// A `.gol` script: the package clause and imports may be omitted, and
    /// without `func main` top-level statements run in order.
    Script,
    /// A standard package's declaration file: functions may lack bodies.
    Std,
}

impl FileKind {
    /// `.gol` files are scripts; everything else is Go.
    pub fn from_path(path: &str) -> FileKind {
        if path.ends_with(".gol") {
            FileKind::Script
        } else {
            FileKind::Go
        }
    }
}
