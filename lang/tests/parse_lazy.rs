//! Lazy bodies: a standard file parsed with `parse_file_with(.., true)`
//! leaves the bodies of its non-generic functions unparsed, and
//! `parse_body` then gives each the block a whole parse gives, with the
//! same spans and the same errors at the same places.

use gol_lang::ast::*;
use gol_lang::parser::{dump, parse_body, parse_file, parse_file_with};
use gol_lang::FileKind;

/// Global offset of the test files' first byte: not zero, so that a
/// body's offsets within the file and within the program differ.
const BASE: u32 = 1000;

/// The function declarations of a file.
fn funcs(f: &File) -> Vec<&FuncDecl> {
    f.items
        .iter()
        .filter_map(|i| match i {
            Item::Decl(Decl::Func(fd)) => Some(fd),
            _ => None,
        })
        .collect()
}

/// Parses `src` lazily, then each skipped body on its own; checks the
/// result against a whole parse and returns the names whose bodies were
/// skipped.
fn lazy_matches_whole(src: &str) -> Vec<String> {
    let mut ids = NodeIdGen::new();
    let (whole, d) = parse_file(src, BASE, FileKind::Std, &mut ids);
    assert!(
        d.is_empty(),
        "{:?}",
        d.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
    let (mut lazy, d) = parse_file_with(src, BASE, FileKind::Std, &mut ids, true);
    assert!(
        d.is_empty(),
        "{:?}",
        d.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
    let mut skipped = Vec::new();
    let wf = funcs(&whole);
    let mut i = 0;
    for item in &mut lazy.items {
        let Item::Decl(Decl::Func(fd)) = item else {
            continue;
        };
        let w = wf[i];
        i += 1;
        assert_eq!(fd.span, w.span, "{}", fd.name.name);
        if !fd.lazy {
            continue;
        }
        skipped.push(fd.name.name.clone());
        let (b, d) = parse_body(src, BASE, fd, &mut ids);
        assert!(d.is_empty(), "{}: {:?}", fd.name.name, d);
        let wb = w.body.as_ref().expect("a skipped body exists");
        assert_eq!(b.span, wb.span);
        let spans = |b: &Block| b.stmts.iter().map(|s| s.span).collect::<Vec<_>>();
        assert_eq!(spans(&b), spans(wb), "{}", fd.name.name);
        fd.body = Some(b);
        fd.lazy = false;
    }
    assert_eq!(dump::file(&lazy), dump::file(&whole));
    skipped
}

#[test]
fn bodies_skipped_and_parsed_later() {
    let src = r#"package p

import "strings"

// A native: no body.
func native(x int) int

func f(s struct{ a, b int }, i interface{ M() }) interface{ N() } {
	return nil
}

func g() struct{ x int } { return struct{ x int }{1} }

func h() func() {
	return func() {}
}

func braces() string {
	s := "}{\"}"
	r := '}'
	q := '\''
	t := `}
{`
	/* } */ // }
	_, _ = r, q
	return s + t + strings.Repeat("}", 2)
}

func G[T any](x T) T { return x }

type List[T any] struct{ v []T }

func (l *List[T]) Len() int { return len(l.v) }

type S struct{}

func (s S) M(xs []int, m map[string][2]int) [3]int { return [3]int{} }

func native2() (a, b int)

var v = func() int { return 1 }()

func (s *S) last() {
	for {
		if true {
			break
		}
	}
}"#;
    let skipped = lazy_matches_whole(src);
    assert_eq!(skipped, ["f", "g", "h", "braces", "M", "last"]);
}

#[test]
fn user_files_parse_whole() {
    let src = "package main\nfunc main() { x := 1; _ = x }\n";
    for kind in [FileKind::Go, FileKind::Script] {
        let mut ids = NodeIdGen::new();
        let (f, d) = parse_file_with(src, 0, kind, &mut ids, true);
        assert!(d.is_empty());
        let fd = funcs(&f)[0];
        assert!(!fd.lazy);
        assert_eq!(fd.body.as_ref().map(|b| b.stmts.len()), Some(2));
    }
}

#[test]
fn errors_in_a_skipped_body_appear_when_it_is_parsed() {
    let src = "package p\n\nfunc ok() {}\n\nfunc bad() {\n\tx := 08\n\tif x {\n}\n";
    let mut ids = NodeIdGen::new();
    let (_, whole) = parse_file(src, BASE, FileKind::Std, &mut ids);
    assert!(!whole.is_empty());
    // An unbalanced body is not skipped: the file's parse reports it.
    let (_, lazy) = parse_file_with(src, BASE, FileKind::Std, &mut ids, true);
    let msgs = |d: &[gol_lang::diag::Diagnostic]| {
        d.iter()
            .map(|d| (d.primary.span, d.message.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(msgs(&lazy), msgs(&whole));

    // A balanced body with errors is skipped; parsing it reports them
    // where a whole parse does.
    let src = "package p\n\nfunc bad() {\n\tx := 08\n\tx +\n}\n\nfunc ok() {}\n";
    let (_, whole) = parse_file(src, BASE, FileKind::Std, &mut ids);
    assert_eq!(whole.len(), 2, "{:?}", msgs(&whole));
    let (f, lazy) = parse_file_with(src, BASE, FileKind::Std, &mut ids, true);
    assert!(lazy.is_empty());
    let bad = funcs(&f)[0];
    assert!(bad.lazy);
    let (_, body) = parse_body(src, BASE, bad, &mut ids);
    assert_eq!(msgs(&body), msgs(&whole));
}
