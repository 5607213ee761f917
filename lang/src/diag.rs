//! Diagnostics: compile errors as typed values with spans.
//!
//! A [`Diagnostic`] is built where the error is found (lexer, parser,
//! checker) with the message worded as Go's compiler words it, a primary
//! label under the exact span, and secondary labels where Go's message
//! points elsewhere ("other declaration of x"). Rendering is separate: the
//! same value renders through codespan-reporting for a terminal (with colour
//! only when stderr is one) or into a plain string for golden tests.
//!
//! # Under a line directive
//! Go's `go build` names the place of an error as a `//line` directive
//! set it (`./foo.go:10: ...`, no column when the directive gave none):
//! the one-line form ([`Diagnostic::one_line`]) prints exactly that. The
//! rendered form keeps the excerpt and its underline on the source the
//! compiler read, with the source's line numbers in the gutter (a
//! directive's file need not exist, and when it does its lines are not
//! these), and takes Go's place for its header (`┌─ foo.go:10:3`) through
//! [`Located`]: the header matches Go's except where Go prints no
//! column, and there it shows the column in the source line (codespan's
//! header always has one). A note names the source position, so the
//! reader can tell why the header and the gutter disagree. Rejected: the
//! directive's line numbers in the gutter too (they would jump inside one
//! excerpt, and point into a file the reader may not have); the source's
//! position in the header (the message would then disagree with `go
//! build`'s, which is what users compare).

use crate::ast::Span;
use crate::source::{FileId, SourceMap};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files, Location};
use codespan_reporting::term;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    /// Text shown under the span; may be empty.
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// Where the error is.
    pub primary: Label,
    /// Other places Go's message refers to.
    pub secondary: Vec<Label>,
    /// Extra lines below the source excerpt.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error at `span` with `message`; the label under the span is empty.
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            primary: Label {
                span,
                message: String::new(),
            },
            secondary: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Sets the text under the primary span.
    pub fn with_label(mut self, message: impl Into<String>) -> Diagnostic {
        self.primary.message = message.into();
        self
    }

    /// Adds a secondary label, e.g. `other declaration of x`.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    fn to_codespan(&self, sources: &SourceMap) -> cs::Diagnostic<Loc> {
        let sev = match self.severity {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
        };
        let loc = |span: Span| {
            let (file, range) = sources.local(span);
            let directive = sources.reported(span.lo).directive;
            (Loc { file, directive }, range)
        };
        let (file, range) = loc(self.primary.span);
        let mut labels =
            vec![cs::Label::primary(file, range).with_message(self.primary.message.clone())];
        for l in &self.secondary {
            let (file, range) = loc(l.span);
            labels.push(cs::Label::secondary(file, range).with_message(l.message.clone()));
        }
        let mut notes = self.notes.clone();
        if file.directive != 0 {
            notes.push(format!(
                "at {} in the source: a line directive places it",
                sources.source_position(self.primary.span.lo)
            ));
        }
        cs::Diagnostic::new(sev)
            .with_message(self.message.clone())
            .with_labels(labels)
            .with_notes(notes)
    }

    /// Go's one-line form: `file.go:3:5: message`.
    pub fn one_line(&self, sources: &SourceMap) -> String {
        format!(
            "{}: {}",
            sources.position(self.primary.span.lo),
            self.message
        )
    }
}

/// A label's file for codespan: a source file and the line directive in
/// force at the label's start (0: none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Loc {
    file: FileId,
    directive: u32,
}

/// The source map as diagnostics render it: every [`Files`] answer is the
/// source's, but the name and header location of a label under a line
/// directive, which are Go's (see the module docs).
struct Located<'a>(&'a SourceMap);

impl<'a> Files<'a> for Located<'a> {
    type FileId = Loc;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: Loc) -> Result<&'a str, FilesError> {
        if id.directive == 0 {
            return self.0.name(id.file);
        }
        // The name in force at the directive's own place.
        let f = self.0.file(id.file);
        Ok(self
            .0
            .reported(f.base + self.0.directive_at(id.file, id.directive))
            .name)
    }

    fn source(&'a self, id: Loc) -> Result<&'a str, FilesError> {
        self.0.source(id.file)
    }

    fn line_index(&'a self, id: Loc, byte_index: usize) -> Result<usize, FilesError> {
        self.0.line_index(id.file, byte_index)
    }

    fn line_range(&'a self, id: Loc, line_index: usize) -> Result<Range<usize>, FilesError> {
        self.0.line_range(id.file, line_index)
    }

    fn location(&'a self, id: Loc, byte_index: usize) -> Result<Location, FilesError> {
        let here = self.0.location(id.file, byte_index)?;
        if id.directive == 0 {
            return Ok(here);
        }
        let f = self.0.file(id.file);
        let r = self
            .0
            .reported(f.base + byte_index.min(f.text.len()) as u32);
        Ok(Location {
            line_number: r.line,
            column_number: if r.col == 0 {
                here.column_number
            } else {
                r.col
            },
        })
    }
}

/// Sorts diagnostics by position, as Go reports them, and drops exact
/// duplicates (the same message at the same place).
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| {
        (a.primary.span.lo, a.primary.span.hi).cmp(&(b.primary.span.lo, b.primary.span.hi))
    });
    diags.dedup_by(|a, b| a.primary.span == b.primary.span && a.message == b.message);
}

fn config() -> term::Config {
    term::Config::default()
}

/// Renders diagnostics to a writer (colour decided by the writer).
pub fn emit(
    w: &mut dyn WriteColor,
    sources: &SourceMap,
    diags: &[Diagnostic],
) -> std::io::Result<()> {
    let cfg = config();
    let files = Located(sources);
    for d in diags {
        term::emit_to_write_style(w, &cfg, &files, &d.to_codespan(sources))
            .map_err(std::io::Error::other)?;
    }
    Ok(())
}

/// Renders to stderr, with colour only when stderr is a terminal and
/// `NO_COLOR` is unset.
pub fn emit_stderr(sources: &SourceMap, diags: &[Diagnostic]) {
    use std::io::IsTerminal;
    let color = if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let mut out = StandardStream::stderr(color);
    let _ = emit(&mut out, sources, diags);
}

/// Renders without colour into a string: the form golden tests compare.
pub fn render_plain(sources: &SourceMap, diags: &[Diagnostic]) -> String {
    let mut buf = term::termcolor::NoColor::new(Vec::new());
    let _ = emit(&mut buf, sources, diags);
    String::from_utf8_lossy(&buf.into_inner()).into_owned()
}
