//! gol's front end: source text to checked syntax (and, later, bytecode).
//!
//! The pipeline: [`lexer`] (logos, with Go's automatic semicolons) ->
//! [`parser`] (lalrpop, with error recovery) -> [`check`] (Go's typing rules;
//! records a type for every expression and the declaration of every
//! identifier) -> code generation. Errors at every stage are
//! [`diag::Diagnostic`]s with spans into a [`source::SourceMap`].
//!
//! This crate knows nothing about threads or the heap.
//!
//! # Public surface
//!
//! Modules stay public where code outside the crate names their items, and
//! inside them only those items are `pub`; everything else is
//! `pub(crate)`. What others use:
//!
//! * the `gol` binary and the end-to-end tests: [`check_sources`],
//!   [`Checked`], [`Importer`], [`codegen::compile`], [`diag`] (rendering
//!   and the fields of [`diag::Diagnostic`]);
//! * the VM and the standard library: [`bytecode`] (the compiled program,
//!   runtime type descriptors, the contract between a program and the VM)
//!   and [`opcode`]; the standard library also [`Importer`];
//! * this crate's own integration tests (`lang/tests`): the parser
//!   ([`parser::parse_file`], [`parser::parse_expr`], [`parser::dump`];
//!   the standard library's tests also [`parser::parse_file_with`] and
//!   [`parser::parse_body`], the lazy parse of standard files),
//!   the syntax tree ([`ast`]), [`lexer::lex`], [`check::check_program`]
//!   and the checker's results ([`check::Program`], [`check::Info`]),
//!   [`constant::Value`], and the types they show ([`types`]).
//!
//! An embedding API would need the first group: compile a program from
//! sources through an [`Importer`], get diagnostics or a
//! [`bytecode::Program`].

#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

pub mod ast;
mod basic;
pub mod bytecode;
pub mod check;
pub mod codegen;
pub mod constant;
pub mod diag;
pub mod lexer;
pub mod opcode;
pub mod parser;
pub mod source;
pub mod token;
pub mod types;
mod walk;

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

/// The result of running the front end over a program's files.
pub struct Checked {
    /// Every file read: the program's and the standard packages' it imports.
    pub sources: source::SourceMap,
    /// `Some` exactly when there are no errors.
    pub program: Option<check::Program>,
    /// Every error, sorted by position.
    pub diagnostics: Vec<diag::Diagnostic>,
}

/// A code generator's result: its output, or its diagnostics.
pub type Compiled<T> = Result<T, Vec<diag::Diagnostic>>;

/// Checks a program and compiles it when it checks, with the standard
/// bodies it reaches only ([`check::StdBodies::Reached`]); should the code
/// generator still meet a standard body the check skipped
/// ([`codegen::needs_all_std`]: the reach rule missed a route), the
/// program is checked again with every body, so a miss costs time, never
/// a run. `check` is one of the `check_*_with` functions over the
/// program's inputs, `compile` the code generator to run on its result.
/// `Err` is the check with its diagnostics; `Ok` the check and the code
/// generator's result.
pub fn check_and_compile<T>(
    mut check: impl FnMut(check::StdBodies) -> Checked,
    compile: impl Fn(&check::Program, &source::SourceMap) -> Compiled<T>,
) -> Result<(Checked, Compiled<T>), Box<Checked>> {
    let mut bodies = check::StdBodies::Reached;
    loop {
        let checked = check(bodies);
        let Some(program) = checked
            .program
            .as_ref()
            .filter(|_| checked.diagnostics.is_empty())
        else {
            return Err(Box::new(checked));
        };
        match compile(program, &checked.sources) {
            Err(d) if bodies == check::StdBodies::Reached && codegen::needs_all_std(&d) => {
                bodies = check::StdBodies::All;
            }
            out => return Ok((checked, out)),
        }
    }
}

/// One file of an interactive session for [`check_session`]: its name,
/// its text, and for an input (a script file) its names.
#[derive(Clone)]
pub struct SessionFile {
    pub name: String,
    pub text: String,
    pub names: Option<check::SessionNames>,
}

/// Parses and type-checks an interactive session: a main package of Go
/// files and session inputs (scripts whose names are
/// [`check::SessionNames`]), in order. Compile the result with
/// [`codegen::compile_session`].
pub fn check_session(files: Vec<SessionFile>, importer: &dyn Importer) -> Checked {
    check_session_with(files, importer, check::StdBodies::Reached)
}

/// [`check_session`], choosing which standard bodies are checked: a
/// driver whose compile fails with [`codegen::needs_all_std`] checks
/// again with [`check::StdBodies::All`].
pub fn check_session_with(
    files: Vec<SessionFile>,
    importer: &dyn Importer,
    std_bodies: check::StdBodies,
) -> Checked {
    let mut sources = source::SourceMap::new();
    let mut ids = ast::NodeIdGen::new();
    let mut diagnostics = Vec::new();
    let mut parsed = Vec::new();
    let mut syntax_failed = false;
    for f in files {
        let kind = if f.names.is_some() {
            FileKind::Script
        } else {
            FileKind::from_path(&f.name)
        };
        let file = sources.add(f.name, f.text);
        let sf = sources.file(file);
        let (ast, errs) = parser::parse_file(&sf.text, sf.base, kind, &mut ids);
        syntax_failed |= errs.iter().any(|d| d.message.starts_with("syntax error"));
        // Go's parser says nothing at the end of input once it reported an
        // error (an unterminated literal swallows the rest); the file
        // still failed to parse.
        let at_eof = |d: &diag::Diagnostic| d.message.starts_with("syntax error: unexpected EOF");
        let follow_on = |i: usize, d: &diag::Diagnostic| at_eof(d) && i > 0;
        diagnostics.extend(
            errs.into_iter()
                .enumerate()
                .filter(|(i, d)| !follow_on(*i, d))
                .map(|(_, d)| d),
        );
        parsed.push(check::ParsedFile {
            file,
            kind,
            ast,
            session: f.names,
        });
    }
    let mut program = None;
    // Go's compiler type-checks unless there is a syntax error: an error
    // of a well-formed file (a literal's spelling, `...` on a parameter
    // not the last) leaves a whole tree to check.
    if !syntax_failed {
        let (p, errs) =
            check::check_program_with(&mut sources, &mut ids, parsed, importer, std_bodies);
        let parse_ok = diagnostics.is_empty();
        // A literal the lexer rejected (at a place in it or at its end) is
        // not reported again.
        let lexed = |e: &diag::Diagnostic| {
            let s = e.primary.span;
            diagnostics
                .iter()
                .any(|d| (s.lo..=s.hi).contains(&d.primary.span.lo))
        };
        let errs: Vec<_> = errs
            .into_iter()
            .filter(|e| !(e.message.starts_with("malformed constant") && lexed(e)))
            .collect();
        diagnostics.extend(errs);
        program = p.filter(|_| parse_ok && diagnostics.is_empty());
    }
    diag::sort(&mut diagnostics);
    Checked {
        sources,
        program,
        diagnostics,
    }
}

/// Parses and type-checks the files of one program (`name`, `text`), the
/// file kind taken from each name ([`FileKind::from_path`]).
///
/// As Go's compiler does, type checking only runs when no file has a
/// syntax error: type errors in a file that does not parse are mostly
/// noise.
pub fn check_sources(inputs: Vec<(String, String)>, importer: &dyn Importer) -> Checked {
    check_sources_with(inputs, importer, check::StdBodies::Reached)
}

/// [`check_sources`], choosing which standard bodies are checked (see
/// [`check_session_with`]).
pub fn check_sources_with(
    inputs: Vec<(String, String)>,
    importer: &dyn Importer,
    std_bodies: check::StdBodies,
) -> Checked {
    let files = inputs
        .into_iter()
        .map(|(name, text)| SessionFile {
            name,
            text,
            names: None,
        })
        .collect();
    check_session_with(files, importer, std_bodies)
}
