//! Shared helpers for the checker's tests: a small importer with fake
//! standard packages, and a function that checks sources and returns Go's
//! one-line form of each diagnostic (`name:line:col: message`).
#![allow(dead_code)]

use gol_lang::ast::NodeIdGen;
use gol_lang::check::{check_program, ParsedFile, Program};
use gol_lang::diag::Diagnostic;
use gol_lang::source::SourceMap;
use gol_lang::{parser, FileKind, Importer};

pub struct TestImporter;

const FMT: &str = r#"package fmt

import "io"

type Stringer interface {
	String() string
}

func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Sprintf(format string, a ...any) string
func Sprint(a ...any) string
func Fprintln(w io.Writer, a ...any) (n int, err error)
func Errorf(format string, a ...any) error
func helper() int
"#;

const IO: &str = r#"package io

type Writer interface {
	Write(p []byte) (n int, err error)
}

type Reader interface {
	Read(p []byte) (n int, err error)
}

var EOF = newError("EOF")

type errorString struct{ s string }

func (e *errorString) Error() string { return e.s }

func newError(s string) error { return &errorString{s} }
"#;

const STRINGS: &str = r#"package strings

func Repeat(s string, n int) string
func Contains(s, substr string) bool
func ToUpper(s string) string

type Builder struct {
	buf []byte
}

func (b *Builder) WriteString(s string) (int, error) {
	b.buf = append(b.buf, s...)
	return len(s), nil
}

func (b *Builder) String() string { return string(b.buf) }

func (b *Builder) Len() int { return len(b.buf) }
"#;

const OS: &str = r#"package os

import "io"

var Args []string

type File struct{ fd int }

func (f *File) Write(p []byte) (n int, err error)

var Stdout *File

var _ io.Writer = Stdout

func Exit(code int)
"#;

const SYNC: &str = r#"package sync

type Mutex struct{ state int32 }

func (m *Mutex) Lock()
func (m *Mutex) Unlock()

type WaitGroup struct{ n int }

func (wg *WaitGroup) Add(delta int)
func (wg *WaitGroup) Done()
func (wg *WaitGroup) Wait()
"#;

const TIME: &str = r#"package time

type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
)

func Sleep(d Duration)

type Time struct{ ns int64 }

func Tick(d Duration) <-chan Time
func Now() Time
func Since(t Time) Duration

func (d Duration) Seconds() float64 { return float64(d) / 1e9 }
"#;

const RAND: &str = r#"package rand

func Intn(n int) int
func Uint32() uint32
"#;

const RUNTIME: &str = r#"package runtime

type MemStats struct {
	Alloc      uint64
	TotalAlloc uint64
	Mallocs    uint64
	Frees      uint64
	HeapAlloc  uint64
	NumGC      uint32
}

var MemProfileRate int = 512 * 1024

func Gosched()
func GC()
func GOMAXPROCS(n int) int
func NumGoroutine() int
func ReadMemStats(m *MemStats)
"#;

const STRCONV: &str = r#"package strconv

func Itoa(i int) string
func Atoi(s string) (int, error)
"#;

const FLAG: &str = r#"package flag

func Int(name string, value int, usage string) *int
func Bool(name string, value bool, usage string) *bool
func Parse()
"#;

impl Importer for TestImporter {
    fn package(&self, path: &str) -> Option<Vec<(String, String)>> {
        let src = match path {
            "fmt" => FMT,
            "io" => IO,
            "strings" => STRINGS,
            "os" => OS,
            "sync" => SYNC,
            "time" => TIME,
            "math/rand" => RAND,
            "runtime" => RUNTIME,
            "strconv" => STRCONV,
            "flag" => FLAG,
            _ => return None,
        };
        Some(vec![(
            format!("{}.go", path.rsplit('/').next().unwrap_or(path)),
            src.to_string(),
        )])
    }
    fn available(&self) -> Vec<String> {
        [
            "flag",
            "fmt",
            "io",
            "math/rand",
            "os",
            "runtime",
            "strconv",
            "strings",
            "sync",
            "time",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }
}

pub struct Checked {
    pub sources: SourceMap,
    pub program: Option<Program>,
    pub diags: Vec<Diagnostic>,
}

/// Parses and checks `files` (name, text); the kind comes from the name.
pub fn check_files(files: &[(&str, &str)]) -> Checked {
    let mut sources = SourceMap::new();
    let mut ids = NodeIdGen::new();
    let mut parsed = Vec::new();
    let mut diags = Vec::new();
    for (name, text) in files {
        let kind = FileKind::from_path(name);
        let file = sources.add(*name, *text);
        let f = sources.file(file);
        let (ast, errs) = parser::parse_file(&f.text, f.base, kind, &mut ids);
        diags.extend(errs);
        parsed.push(ParsedFile {
            file,
            kind,
            ast,
            session: None,
        });
    }
    if !diags.is_empty() {
        return Checked {
            sources,
            program: None,
            diags,
        };
    }
    let (program, diags) = check_program(&mut sources, &mut ids, parsed, &TestImporter);
    Checked {
        sources,
        program,
        diags,
    }
}

/// Checks one `main.go` (or `main.gol` when `script`) and returns the
/// diagnostics in Go's one-line form, without the file name:
/// `line:col: message`.
pub fn errors_of(name: &str, src: &str) -> Vec<String> {
    let c = check_files(&[(name, src)]);
    c.diags
        .iter()
        .map(|d| {
            // Go prints detail lines (`have ...`, `want ...`) below the
            // message; compare the first line, as Go's one-line form shows it.
            let full = d.one_line(&c.sources);
            let first = full.lines().next().unwrap_or("").to_string();
            first
                .strip_prefix(&format!("{name}:"))
                .map(str::to_string)
                .unwrap_or(first)
        })
        .collect()
}

/// Checks a Go program and returns its errors (see [`errors_of`]).
pub fn go_errors(src: &str) -> Vec<String> {
    errors_of("main.go", src)
}

/// Asserts that a Go program checks clean.
pub fn assert_clean(src: &str) {
    let errs = go_errors(src);
    assert!(errs.is_empty(), "unexpected errors:\n{}", errs.join("\n"));
}
