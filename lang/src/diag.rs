//! Diagnostics: compile errors as typed values with spans.
//!
//! A [`Diagnostic`] is built where the error is found (lexer, parser,
//! checker) with the message worded as Go's compiler words it, a primary
//! label under the exact span, and secondary labels where Go's message
//! points elsewhere ("other declaration of x"). Rendering is separate: the
//! same value renders through codespan-reporting for a terminal (with colour
//! only when stderr is one) or into a plain string for golden tests.

use crate::ast::Span;
use crate::source::{FileId, SourceMap};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::term;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};

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

    fn to_codespan(&self, sources: &SourceMap) -> cs::Diagnostic<FileId> {
        let sev = match self.severity {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
        };
        let (file, range) = sources.local(self.primary.span);
        let mut labels =
            vec![cs::Label::primary(file, range).with_message(self.primary.message.clone())];
        for l in &self.secondary {
            let (file, range) = sources.local(l.span);
            labels.push(cs::Label::secondary(file, range).with_message(l.message.clone()));
        }
        cs::Diagnostic::new(sev)
            .with_message(self.message.clone())
            .with_labels(labels)
            .with_notes(self.notes.clone())
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
    for d in diags {
        term::emit_to_write_style(w, &cfg, sources, &d.to_codespan(sources))
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
