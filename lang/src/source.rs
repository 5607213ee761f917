//! Source files and global positions.
//!
//! Every file added to a [`SourceMap`] gets a *base*: the global offset of its
//! first byte. Bases leave a one-byte gap between files, so a global offset
//! names exactly one file and an empty span at a file's end stays inside it.
//! This is how `go/token.FileSet` works, and it lets every syntax node carry a
//! bare [`Span`] instead of a (file, range) pair.
//!
//! The map implements codespan-reporting's `Files` trait directly, so
//! diagnostics render from it without copying sources.
//!
//! # Line directives
//! A `//line file:line[:col]` or `/*line file:line[:col]*/` comment
//! (cmd/compile's "Line directives") makes the positions after it be
//! reported as in another file, line and column; gol reads them as Go's
//! parser does (`syntax.PosBase`, `RelLine`, `RelCol`). Two kinds of
//! position come out of this map:
//! * the *source* position (a file of the map, a byte range): what spans
//!   hold and what a diagnostic underlines, since it is the text the
//!   compiler read;
//! * the *reported* position ([`SourceMap::position`],
//!   [`SourceMap::reported`]): Go's file, line and column, which the
//!   code generator writes into the line tables (so tracebacks, panics,
//!   `runtime.Caller` and the race detector name the directive's place)
//!   and which a diagnostic's one-line form and header show.
//!
//! The directives of a file are found on the first position asked of it
//! ([`crate::lexer::line_directives`]): a byte search that almost every
//! file fails, so the lexer's hot loop only checks comments for
//! malformed ones. A relative file name is taken relative to the
//! directory of the file that holds the directive, as Go's compiler
//! does (it joins it to the package directory); a directive with neither
//! file nor column names no file, which Go reports as `??` at run time
//! and as an empty name in errors.

use crate::ast::Span;
use codespan_reporting::files::{Error as FilesError, Files};
use std::ops::Range;
use std::sync::OnceLock;

/// Index of a file in its [`SourceMap`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct FileId(pub u32);

#[derive(Debug)]
pub struct SourceFile {
    /// The name shown in diagnostics and stack traces (as given on the command line).
    pub(crate) name: String,
    pub text: String,
    /// Global offset of the first byte.
    pub base: u32,
    /// Local byte offsets at which lines start (the first is 0), found on
    /// first use: most lines of the standard packages a program loads are
    /// never named by a diagnostic or a line table.
    line_starts: OnceLock<Vec<usize>>,
    /// The file's valid line directives, by offset, found on first use.
    directives: OnceLock<Vec<Directive>>,
}

/// The file a reported position is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PosFile {
    /// The source file itself.
    Source,
    /// None: a directive with neither file nor column (`//line :5`).
    Unnamed,
    /// A directive's file, relative names joined to the source file's
    /// directory (see [`join_directive_name`]).
    Named(String),
}

/// One line directive: from local offset `at` on, positions are reported
/// in `file` from `line`, and from `col` on the line of `at` (0: the
/// column is unknown until the next directive).
#[derive(Debug)]
struct Directive {
    at: usize,
    file: PosFile,
    line: u32,
    col: u32,
}

/// A position as Go reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reported<'a> {
    /// The source file the position is in.
    pub source: FileId,
    /// 0 outside any directive, else 1 + the index of the directive
    /// in force: with `source`, a key for the reported file.
    pub directive: u32,
    /// The reported file's name: the source file's, a directive's, or
    /// `""` for an unnamed one.
    pub name: &'a str,
    /// Whether the file is unnamed (`??` at run time).
    pub unnamed: bool,
    pub line: usize,
    /// 0 when unknown (a directive without a column).
    pub col: usize,
}

/// Go's `path.Clean`: the shortest path lexically equal to `p` (no `.`,
/// no `name/..`, no doubled `/`); `.` for an empty result.
pub fn clean_path(p: &str) -> String {
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => match parts.last() {
                Some(&l) if l != ".." => {
                    parts.pop();
                }
                _ if rooted => {}
                _ => parts.push(".."),
            },
            _ => parts.push(part),
        }
    }
    let body = parts.join("/");
    match (rooted, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".into(),
        (false, false) => body,
    }
}

/// The name a line directive's relative file name `name` gets in file
/// `source` (a name as given on the command line): joined to `source`'s
/// directory and cleaned, as Go's `filepath.Join` does, and written
/// `./x.go` when `source` was (Go's errors name files in the current
/// directory so). An absolute name stays as it is.
pub fn join_directive_name(source: &str, name: &str) -> String {
    if name.starts_with('/') {
        return name.to_string();
    }
    let dir = source.rfind('/').map_or("", |i| &source[..i + 1]);
    let joined = clean_path(&format!("{dir}{name}"));
    if source.starts_with("./") && !joined.starts_with("../") && !joined.starts_with('/') {
        format!("./{joined}")
    } else {
        joined
    }
}

impl SourceFile {
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut v = vec![0];
            v.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            v
        })
    }

    /// 0-based line index of a local byte offset.
    pub(crate) fn line_index(&self, local: usize) -> usize {
        match self.line_starts().binary_search(&local) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }
    /// Go-style 1-based (line, column); the column counts bytes, as Go's does.
    pub(crate) fn line_col(&self, local: usize) -> (usize, usize) {
        let line = self.line_index(local);
        (line + 1, local - self.line_starts()[line] + 1)
    }
    fn directives(&self) -> &[Directive] {
        self.directives.get_or_init(|| {
            let mut out: Vec<Directive> = Vec::new();
            for d in crate::lexer::line_directives(&self.text) {
                let file = if !d.file.is_empty() {
                    PosFile::Named(join_directive_name(&self.name, d.file))
                } else if d.col == 0 {
                    PosFile::Unnamed
                } else {
                    // `:line:col` keeps the file in force.
                    out.last().map_or(PosFile::Source, |p| p.file.clone())
                };
                out.push(Directive {
                    at: d.at,
                    file,
                    line: d.line,
                    col: d.col,
                });
            }
            out
        })
    }

    /// The reported position of a local byte offset (see the module
    /// docs): Go's `RelLine` and `RelCol` under the directive in force.
    /// Returns the directive's index + 1 (0 for none), its file, the
    /// line and the column (0: unknown).
    fn reported(&self, local: usize) -> (u32, &PosFile, usize, usize) {
        let (line, col) = self.line_col(local);
        let ds = self.directives();
        let k = ds.partition_point(|d| d.at <= local);
        let Some(d) = k.checked_sub(1).map(|k| &ds[k]) else {
            return (0, &PosFile::Source, line, col);
        };
        let (dline, dcol) = self.line_col(d.at);
        let rline = d.line as usize + (line - dline);
        let rcol = match d.col as usize {
            0 => 0,
            c if line == dline => c + (col - dcol),
            _ => col,
        };
        (k as u32, &d.file, rline, rcol)
    }

    fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let starts = self.line_starts();
        let start = *starts.get(line)?;
        let end = starts.get(line + 1).copied().unwrap_or(self.text.len());
        Some(start..end)
    }
}

#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
    next_base: u32,
}

impl SourceMap {
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    /// Adds a file and returns its id. Its global offsets are
    /// `base..=base+len`.
    ///
    /// # Panics
    /// When the total source exceeds 4 GiB (offsets are `u32`).
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        let text = text.into();
        let base = self.next_base;
        let len = u32::try_from(text.len()).expect("source file larger than 4 GiB");
        self.next_base = base
            .checked_add(len)
            .and_then(|b| b.checked_add(1))
            .expect("total source larger than 4 GiB");
        self.files.push(SourceFile {
            name: name.into(),
            text,
            base,
            line_starts: OnceLock::new(),
            directives: OnceLock::new(),
        });
        FileId(self.files.len() as u32 - 1)
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    /// The file holding a global offset.
    pub(crate) fn file_of(&self, pos: u32) -> FileId {
        let i = match self.files.binary_search_by_key(&pos, |f| f.base) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        FileId(i as u32)
    }

    /// The file and the local byte range of a span. A span that crosses files
    /// (never produced by the parser) is clipped to the first file.
    pub(crate) fn local(&self, span: Span) -> (FileId, Range<usize>) {
        let id = self.file_of(span.lo);
        let f = self.file(id);
        let lo = (span.lo - f.base) as usize;
        let hi = (span.hi.saturating_sub(f.base) as usize).clamp(lo, f.text.len());
        (id, lo.min(f.text.len())..hi)
    }

    /// `name:line:col` of a global offset as Go prints positions in
    /// errors: under a line directive, its file (`""` for an unnamed
    /// one), line and column, and no column when it gave none.
    pub fn position(&self, pos: u32) -> String {
        let r = self.reported(pos);
        match r.col {
            0 => format!("{}:{}", r.name, r.line),
            c => format!("{}:{}:{}", r.name, r.line, c),
        }
    }

    /// The source position of a global offset, `name:line:col`, whatever
    /// line directives say.
    pub fn source_position(&self, pos: u32) -> String {
        let id = self.file_of(pos);
        let f = self.file(id);
        let (line, col) = f.line_col(((pos - f.base) as usize).min(f.text.len()));
        format!("{}:{}:{}", f.name, line, col)
    }

    /// Where a global offset is as Go reports it (see the module docs).
    pub fn reported(&self, pos: u32) -> Reported<'_> {
        let source = self.file_of(pos);
        let f = self.file(source);
        let (directive, file, line, col) = f.reported(((pos - f.base) as usize).min(f.text.len()));
        let (name, unnamed) = match file {
            PosFile::Source => (f.name.as_str(), false),
            PosFile::Unnamed => ("", true),
            PosFile::Named(n) => (n.as_str(), false),
        };
        Reported {
            source,
            directive,
            name,
            unnamed,
            line,
            col,
        }
    }

    /// The global offset of the first byte at or after `pos` that is
    /// neither blank nor in a comment: the `[` after an indexed operand,
    /// which the syntax tree does not record.
    pub(crate) fn token_after(&self, pos: u32) -> u32 {
        let f = self.file(self.file_of(pos));
        let from = ((pos - f.base) as usize).min(f.text.len());
        f.base + crate::lexer::next_token_start(&f.text, from) as u32
    }

    /// The local offset from which directive `k` (as [`Reported::directive`]
    /// numbers them: 1 is the first) of file `id` is in force.
    pub(crate) fn directive_at(&self, id: FileId, k: u32) -> u32 {
        let f = self.file(id);
        let at = k
            .checked_sub(1)
            .and_then(|k| f.directives().get(k as usize))
            .map_or(0, |d| d.at);
        at.min(f.text.len()) as u32
    }
}

impl<'a> Files<'a> for SourceMap {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.files
            .get(id.0 as usize)
            .map(|f| f.name.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.files
            .get(id.0 as usize)
            .map(|f| f.text.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        let f = self
            .files
            .get(id.0 as usize)
            .ok_or(FilesError::FileMissing)?;
        Ok(f.line_index(byte_index))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let f = self
            .files
            .get(id.0 as usize)
            .ok_or(FilesError::FileMissing)?;
        f.line_range(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: f.line_starts().len() - 1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_offsets_name_their_file() {
        let mut sm = SourceMap::new();
        let a = sm.add("a.go", "package a\nvar x int\n");
        let b = sm.add("b.go", "package b\n");
        let bb = sm.file(b).base;
        assert_eq!(sm.file_of(0), a);
        assert_eq!(sm.file_of(20), a); // a's end-of-file position
        assert_eq!(sm.file_of(bb), b);
        assert_eq!(sm.position(14), "a.go:2:5");
        assert_eq!(sm.position(bb + 8), "b.go:1:9");
        assert_eq!(sm.local(Span::new(bb + 8, bb + 9)), (b, 8..9));
    }

    #[test]
    fn line_directives_place_what_follows() {
        let mut sm = SourceMap::new();
        let text = "package a\n//line :7\nx\n//line foo.go:10:3\nyy z\n\t//line no.go:1\n\
                    w /*line :20:5*/v /*line :30*/u\nt \"/*line s.go:1*/\"\n";
        let id = sm.add("./d/a.go", text);
        let at = |needle: &str| sm.file(id).base + text.find(needle).unwrap() as u32;
        assert_eq!(sm.position(at("package")), "./d/a.go:1:1");
        // No file, no column: unnamed, column unknown.
        assert_eq!(sm.position(at("x\n")), ":7");
        assert!(sm.reported(at("x\n")).unnamed);
        // A column on the directive's next line counts from it; on later
        // lines columns are the source's.
        assert_eq!(sm.position(at("z")), "./d/foo.go:10:6");
        assert_eq!(sm.position(at("w ")), "./d/foo.go:12:1");
        // An indented //line is none; `/*line :l:c*/` keeps the file.
        assert_eq!(sm.position(at("v ")), "./d/foo.go:20:5");
        assert_eq!(sm.position(at("u\n")), ":30");
        // A directive's text inside a string literal is none.
        assert_eq!(sm.position(at("t ")), ":31");
        assert_eq!(sm.source_position(at("t ")), "./d/a.go:8:1");
    }

    #[test]
    fn directive_names_join_the_source_directory() {
        assert_eq!(clean_path("a/./b/../c//d/"), "a/c/d");
        assert_eq!(clean_path("../a/../../b"), "../../b");
        assert_eq!(clean_path("/../a"), "/a");
        assert_eq!(clean_path("a/.."), ".");
        assert_eq!(join_directive_name("./e.go", "foo.go"), "./foo.go");
        assert_eq!(join_directive_name("./e.go", "../up.go"), "../up.go");
        assert_eq!(join_directive_name("sub/p.go", "../x/bar.go"), "x/bar.go");
        assert_eq!(
            join_directive_name("sub/p.go", "c:/foo/bar.go"),
            "sub/c:/foo/bar.go"
        );
        assert_eq!(join_directive_name("e.go", "/abs/q.go"), "/abs/q.go");
    }
}
