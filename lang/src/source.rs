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

    /// `name:line:col` of the start of a span, as Go prints positions.
    pub fn position(&self, pos: u32) -> String {
        let id = self.file_of(pos);
        let f = self.file(id);
        let (line, col) = f.line_col(((pos - f.base) as usize).min(f.text.len()));
        format!("{}:{}:{}", f.name, line, col)
    }

    /// 1-based line of a global offset.
    pub(crate) fn line(&self, pos: u32) -> usize {
        let f = self.file(self.file_of(pos));
        f.line_index(((pos - f.base) as usize).min(f.text.len())) + 1
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
}
