//! Go's own `// errorcheck` programs (Debian package golang-1.19-src),
//! used as they are installed: how Go tests its compiler's messages.
//!
//! Each line of such a program that must fail carries a comment
//! `// ERROR "regexp"` (or several quoted regexps); `gol check` must
//! report what Go's test driver (`test/run.go`, `errorCheck`) asks of Go's
//! compiler:
//!
//! - for each regexp of a line, in order, an error on that line whose
//!   message it matches (one error matched by a regexp is used up by it,
//!   so `// ERROR "a" "b"` asks for two errors);
//! - no error on a line without one, nor one the line's regexps leave over.
//!
//! `LINE`, `LINE+n` and `LINE-n` in a regexp stand for `FILE:N` (the
//! program's file name and that line), and a line holding `////` asks for
//! nothing, as in Go's driver. The driver compiles one package with
//! `go tool compile -p=p`, which wants no `main` function and, without
//! `-complete`, takes a function without a body as written in assembly;
//! gol checks a whole program, so the errors it gives a file for not being
//! one (`package p is not a main package`, `function main is undeclared in
//! the main package`, `missing function body`) are set aside.
//!
//! Programs run: the `// errorcheck` ones of `test/typeparam/`, `test/`
//! and `test/fixedbugs/` whose build constraints hold on linux/amd64 and
//! whose recipe has no flags, or only flags that change nothing for gol
//! (see [`harmless_flag`]). The others test the gc compiler's internals
//! (escape analysis with `-m`, liveness, SSA passes, `-lang` gates, the
//! race detector, a directory of packages, generated programs) and are
//! listed as outside gol's subset in ERRORCHECK_GAPS.md, as ignored trials.
//!
//! A program that does not pass is listed in [`GAPS`] with its reason
//! class, checked against native Go 1.27 (`go tool compile -p=p -C -e` on
//! the file, with Go 1.27's import configuration): outside gol's subset
//! (unsafe, reflect, cgo, a package gol lacks, a feature of the gc
//! toolchain), Go 1.27 changed (the 1.19 program expects a message Go 1.27
//! no longer prints: Go 1.27 fails it too), a message gol words
//! differently, a check gol lacks, or an error gol gives that Go does not.
//! A listed program's trial checks that it still fails, and that the
//! failure report holds the table's text, so a closed gap shows up. A
//! crash of gol (a signal, a Rust panic) or a hang fails the trial whether
//! or not the program is listed.
//!
//! Trials are named `DIR/CLASS/FILE` (DIR: typeparam, top, fixedbugs;
//! CLASS: pass, or a class of [`Why`]). ERRORCHECK_GAPS.md at the
//! repository's top is generated from the table (rewrite it with
//! `GOL_BLESS=1 cargo test --release --test errorcheck -- gaps_md`).

mod common;

use libtest_mimic::{Arguments, Failed, Trial};
use regex::Regex;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Time limit of one `gol check`; the slowest takes well under a second.
const LIMIT: Duration = Duration::from_secs(60);

/// The directories searched, with the name trials give them: (name, path
/// under Go's `test/`).
const DIRS: [(&str, &str); 3] = [
    ("typeparam", "typeparam"),
    ("top", ""),
    ("fixedbugs", "fixedbugs"),
];

/// A program's recipe as Go's driver reads it: the text up to the first
/// blank line, less a first line of build constraints and the leading
/// `//`, split into words (the action, then its flags and arguments).
fn recipe(text: &str) -> Option<Vec<String>> {
    if text.starts_with('\n') {
        return None;
    }
    let (head, _) = text.split_once("\n\n")?;
    let head = match head.split_once('\n') {
        Some((first, rest)) if first.contains("+build") => rest,
        _ => head,
    };
    let head = head.strip_prefix("//").unwrap_or(head);
    Some(head.split_whitespace().map(str::to_string).collect())
}

/// Whether the build constraints before the package clause hold here.
/// A `//go:build` line is evaluated when it is one tag, possibly negated;
/// every longer one among these programs comes with the equivalent
/// `// +build` line, which is.
fn builds_here(text: &str) -> bool {
    let header = text.split("\npackage").next().unwrap_or("");
    header.lines().all(|l| {
        if let Some(expr) = l.strip_prefix("// +build ") {
            return common::build_line_holds(expr);
        }
        match l.strip_prefix("//go:build ") {
            Some(expr) if !expr.contains(['(', '&', '|', ' ']) => common::build_line_holds(expr),
            _ => true,
        }
    })
}

/// A flag of an `errorcheck` recipe that changes nothing for gol: `-d=panic`
/// and `-e` (the driver passes both to every compile already), `-t N` (a
/// time limit) and `-complete` (every function has a body, which gol asks
/// of every program: see [`program_only`]).
fn harmless_flag(flag: &str) -> bool {
    matches!(flag, "-d=panic" | "-e" | "-t" | "-complete") || flag.parse::<u32>().is_ok()
}

/// Why a program is not run, when its recipe says it tests something
/// outside gol: None for a plain `errorcheck` program.
fn outside_recipe(words: &[String]) -> Option<String> {
    let (action, flags) = words.split_first()?;
    if action != "errorcheck" {
        return Some(format!("`// {}`: the gc driver's other modes (a directory of packages, generated programs, run after compiling, <autogenerated> code)", words.join(" ")));
    }
    if flags.iter().all(|f| harmless_flag(f)) {
        return None;
    }
    Some(format!("`// {}`: a flag of the gc compiler (its optimiser, escape analysis, liveness, race detector, `-lang` gates or standard-library mode)", words.join(" ")))
}

/// Why a program is left out of the ones that must pass.
#[derive(Clone, Copy, Debug)]
enum Why {
    /// Outside gol's subset by design (`unsafe`, `reflect`, cgo, packages
    /// gol does not have, features of the gc toolchain).
    Outside(&'static str),
    /// The 1.19 program expects what Go 1.27 no longer says: Go 1.27 fails
    /// it under the same rule (checked with `go tool compile`).
    GoChanged(&'static str),
    /// gol has the check but words the message otherwise than Go 1.27, or
    /// reports it on another line.
    Wording(&'static str),
    /// A check gol does not make: Go 1.27 reports an error gol does not.
    Missing(&'static str),
    /// An error gol reports where Go 1.27 reports none.
    Extra(&'static str),
}

impl Why {
    fn class(self) -> &'static str {
        match self {
            Why::Outside(_) => "outside",
            Why::GoChanged(_) => "go-changed",
            Why::Wording(_) => "wording",
            Why::Missing(_) => "missing",
            Why::Extra(_) => "extra",
        }
    }

    fn reason(self) -> &'static str {
        match self {
            Why::Outside(r)
            | Why::GoChanged(r)
            | Why::Wording(r)
            | Why::Missing(r)
            | Why::Extra(r) => r,
        }
    }
}

/// The classes, in the order ERRORCHECK_GAPS.md shows them, with titles.
const CLASSES: [(&str, &str); 5] = [
    ("outside", "Outside gol's subset"),
    (
        "go-changed",
        "Go 1.27 changed the message (Go 1.27 fails the 1.19 program too)",
    ),
    (
        "wording",
        "gol has the check but words it otherwise, or puts it on another line",
    ),
    ("missing", "A check gol does not make"),
    ("extra", "An error gol reports that Go 1.27 does not"),
];

/// A program that does not pass: its path under Go's `test/`, a piece of
/// the failure report gol's output gives, and why.
struct Gap {
    file: &'static str,
    says: &'static str,
    why: Why,
}

const fn gap(file: &'static str, says: &'static str, why: Why) -> Gap {
    Gap { file, says, why }
}

/// Every run `// errorcheck` program that gol does not pass, with its
/// reason (classified against native Go 1.27).
const GAPS: &[Gap] = &[
    gap(
        "alias2.go",
        r#"package reflect is not in std"#,
        Why::Outside(r#"imports reflect"#),
    ),
    gap(
        "const1.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "convlit.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "ddd1.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "directive.go",
        r#"9: missing error `misplaced compiler directive`"#,
        Why::Outside(
            r#"a directive of the gc compiler: line 9: Go 1.27 says `misplaced compiler directive`; gol reports nothing there (and 10 more lines)"#,
        ),
    ),
    gap(
        "directive2.go",
        r#"14: missing error `misplaced compiler directive`"#,
        Why::Outside(
            r#"a directive of the gc compiler: line 14: Go 1.27 says `misplaced compiler directive`; gol reports nothing there (and 8 more lines)"#,
        ),
    ),
    gap(
        "embedfunc.go",
        r#"package embed is not in std"#,
        Why::Outside(r#"imports embed"#),
    ),
    gap(
        "linkname3.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "used.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/bug229.go",
        r#"package testing is not in std"#,
        Why::Outside(r#"imports testing"#),
    ),
    gap(
        "fixedbugs/bug240.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/bug325.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/bug376.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/bug381.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/bug390.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue12944.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue14729.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue18459.go",
        r#"11: missing error `//go:nowritebarrier only allowed in runti"#,
        Why::Outside(
            r#"a directive of the gc compiler: line 11: Go 1.27 says `//go:nowritebarrier only allowed in runtime`; gol reports nothing there"#,
        ),
    ),
    gap(
        "fixedbugs/issue18882.go",
        r#"11: missing error `usage: //go:cgo_ldflag`"#,
        Why::Outside(
            r#"a directive of the gc compiler: line 11: Go 1.27 says `//go:cgo_ldflag // ERROR "usage: //go:cgo_ldflag" only allowed in cgo-generated code / usa…`; gol reports nothing there"#,
        ),
    ),
    gap(
        "fixedbugs/issue20529.go",
        r#"18: missing error `stack frame too large`"#,
        Why::Outside(
            r#"a limit of the gc compiler: line 18: Go 1.27 says `stack frame too large (>1GB): 22888 MB locals + 0 MB args`; gol reports nothing there"#,
        ),
    ),
    gap(
        "fixedbugs/issue20780.go",
        r#"14: missing error `stack frame too large`"#,
        Why::Outside(
            r#"a limit of the gc compiler: line 14: Go 1.27 says `stack frame too large (>1GB): 762 MB locals + 0 MB args + 762 MB callee`; gol reports nothing there"#,
        ),
    ),
    gap(
        "fixedbugs/issue22351.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue25507.go",
        r#"19: missing error `stack frame too large`"#,
        Why::Outside(
            r#"a limit of the gc compiler: line 19: Go 1.27 says `stack frame too large (>1GB): 0 MB locals + 1430 MB args`; gol reports nothing there (and 2 more lines)"#,
        ),
    ),
    gap(
        "fixedbugs/issue28079b.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue28079c.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue42058a.go",
        r#"9: missing error `channel element type too large`"#,
        Why::Outside(
            r#"a limit of the gc compiler: line 9: Go 1.27 says `channel element type too large (>64kB)`; gol reports nothing there (and 1 more line)"#,
        ),
    ),
    gap(
        "fixedbugs/issue42058b.go",
        r#"9: missing error `channel element type too large`"#,
        Why::Outside(
            r#"a limit of the gc compiler: line 9: Go 1.27 says `channel element type too large (>64kB)`; gol reports nothing there"#,
        ),
    ),
    gap(
        "fixedbugs/issue42075.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue4463.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue4654.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue48230.go",
        r#"9: missing error `embed`"#,
        Why::Outside(
            r#"a directive of the gc compiler: line 9: Go 1.27 says `go:embed requires import "embed" (or import _ "embed", if package is not used)`; gol reports nothing there"#,
        ),
    ),
    gap(
        "fixedbugs/issue4909a.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue49767.go",
        r#"10: missing error `channel element type too large`"#,
        Why::Outside(
            r#"a limit of the gc compiler: line 10: Go 1.27 says `channel element type too large (>64kB)`; gol reports nothing there"#,
        ),
    ),
    gap(
        "fixedbugs/issue52748.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue6428.go",
        r#"package testing is not in std"#,
        Why::Outside(r#"imports testing"#),
    ),
    gap(
        "fixedbugs/issue7525.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue7525d.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue7525e.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue7760.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "fixedbugs/issue9076.go",
        r#"package unsafe is not in std"#,
        Why::Outside(r#"imports unsafe"#),
    ),
    gap(
        "typeparam/issue47631.go",
        r#"12: missing error `type declarations inside generic function"#,
        Why::GoChanged(
            r#"line 12 wants `type declarations inside generic functions are not currently supported`; Go 1.27 reports nothing there either"#,
        ),
    ),
    gap(
        "typeparam/issue50317.go",
        r#"11: missing error `method must have no type parameters`"#,
        Why::GoChanged(
            r#"line 11 wants `method must have no type parameters`; Go 1.27 reports nothing there either"#,
        ),
    ),
    gap(
        "typeparam/issue51232.go",
        r#"16: no match for `got 1 arguments`"#,
        Why::GoChanged(
            r#"lines 16, 20, 23, 27 and 28 want `got 1 arguments`; Go 1.27 says `not enough type arguments for type Fn: have 1, want 2`, as gol does. Line 28's `cannot use &concreteF[RCT]{…} (value of type *concreteF[RCT]) as F[RCT] value in return statement`, which Go 1.27 reports beside it, gol does not: both types have too few type arguments"#,
        ),
    ),
    gap(
        "typeparam/issue51233.go",
        r#"16: no match for `got 1 arguments`"#,
        Why::GoChanged(
            r#"lines 16, 19, 23 and 26 want `got 1 arguments`; Go 1.27 says `not enough type arguments for type Fn: have 1, want 2`, as gol does"#,
        ),
    ),
    gap(
        "convert2.go",
        r#"319: missing error `cannot convert`"#,
        Why::GoChanged(r#"line 319 wants `cannot convert`; Go 1.27 reports nothing there either"#),
    ),
    gap(
        "copy1.go",
        r#"23: no match for `must be slices; have int, int|expects slic"#,
        Why::GoChanged(
            r#"line 23 wants `must be slices; have int, int|expects slice arguments`; Go 1.27 says `invalid copy: argument must be a slice; have 1 (untyped int constant)`, as gol does"#,
        ),
    ),
    gap(
        "func3.go",
        r#"16: no match for `named` in: syntax error: missing parameter"#,
        Why::GoChanged(
            r#"line 16 wants `named`; Go 1.27 says `syntax error: missing parameter name`, as gol does"#,
        ),
    ),
    gap(
        "initexp.go",
        r#"15: no match for `initialization loop` in: initialization cy"#,
        Why::GoChanged(
            r#"line 15 wants `initialization loop`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "initloop.go",
        r#"14: no match for `a refers to\n.*b refers to\n.*c refers to\"#,
        Why::GoChanged(
            r#"line 14 wants `a refers to\n.*b refers to\n.*c refers to\n.*a|initialization loop`; Go 1.27 says `initialization cycle for a`, as gol does"#,
        ),
    ),
    gap(
        "append1.go",
        r#"20: no match for `cannot use make.* as type int in append"#,
        Why::GoChanged(
            r#"line 20 wants `cannot use make.* as type int in append|cannot use make.* \(value of type \[\]int\) as type int in argument to append`; Go 1.27 says `cannot use make([]int, 0) (value of type []int) as int value in argument to append`, as gol does"#,
        ),
    ),
    gap(
        "method1.go",
        r#"15: no match for `redeclared|redefinition` in: method T.M al"#,
        Why::GoChanged(
            r#"line 15 wants `redeclared|redefinition`; Go 1.27 says `method T.M already declared at ./method1.go:14:13`, as gol does"#,
        ),
    ),
    gap(
        "typeswitch2b.go",
        r#"16: no match for `declared but not used` in: declared and no"#,
        Why::GoChanged(
            r#"line 16 wants `declared but not used`; Go 1.27 says `declared and not used: t`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug022.go",
        r#"12: no match for `illegal|is not|invalid`"#,
        Why::GoChanged(
            r#"line 12 wants `illegal|is not|invalid`; Go 1.27 says `cannot index digits (variable of type *string)`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug037.go",
        r#"10: unexpected error: declared and not used: s (bug037.go)"#,
        Why::GoChanged(
            r#"line 10 wants no error; Go 1.27 says `declared and not used: s`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug062.go",
        r#"10: unexpected error: declared and not used: s (bug062.go)"#,
        Why::GoChanged(
            r#"line 10 wants no error; Go 1.27 says `declared and not used: s`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug072.go",
        r#"10: unexpected error: declared and not used: s (bug072.go)"#,
        Why::GoChanged(
            r#"line 10 wants no error; Go 1.27 says `declared and not used: s`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug091.go",
        r#"20: unexpected error: declared and not used: i (bug091.go)"#,
        Why::GoChanged(
            r#"line 20 wants no error; Go 1.27 says `declared and not used: i`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug103.go",
        r#"12: unexpected error: declared and not used: x (bug103.go)"#,
        Why::GoChanged(
            r#"line 12 wants no error; Go 1.27 says `declared and not used: x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug107.go",
        r#"13: unexpected error: declared and not used: v (bug107.go)"#,
        Why::GoChanged(
            r#"line 13 wants no error; Go 1.27 says `declared and not used: v`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug122.go",
        r#"11: unexpected error: declared and not used: a (bug122.go)"#,
        Why::GoChanged(
            r#"line 11 wants no error; Go 1.27 says `declared and not used: a`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug131.go",
        r#"11: unexpected error: declared and not used: b (bug131.go)"#,
        Why::GoChanged(
            r#"line 11 wants no error; Go 1.27 says `declared and not used: b`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug13343.go",
        r#"10: no match for `initialization loop|depends upon itself|de"#,
        Why::GoChanged(
            r#"line 10 wants `initialization loop|depends upon itself|depend upon each other`; Go 1.27 says `initialization cycle for b`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug175.go",
        r#"12: unexpected error: declared and not used: x (bug175.go)"#,
        Why::GoChanged(
            r#"line 12 wants no error; Go 1.27 says `declared and not used: x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug289.go",
        r#"16: unexpected error: declared and not used: a (bug289.go)"#,
        Why::GoChanged(
            r#"line 16 wants no error; Go 1.27 says `declared and not used: a`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug350.go",
        r#"12: no match for `T[.]m redeclared|redefinition` in: method "#,
        Why::GoChanged(
            r#"line 12 wants `T[.]m redeclared|redefinition`; Go 1.27 says `method T.m already declared at ./bug350.go:11:10`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug373.go",
        r#"12: no match for `declared but not used` in: t declared and "#,
        Why::GoChanged(
            r#"line 12 wants `declared but not used`; Go 1.27 says `t declared and not used`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug385_64.go",
        r#"15: missing error `stack frame too large`"#,
        Why::GoChanged(
            r#"line 15 wants `stack frame too large`; Go 1.27 reports nothing there either"#,
        ),
    ),
    gap(
        "fixedbugs/bug388.go",
        r#"12: no match for `cannot declare name runtime.UintType|mixed"#,
        Why::GoChanged(
            r#"line 12 wants `cannot declare name runtime.UintType|mixed named and unnamed|undefined…`; Go 1.27 says `syntax error: missing parameter name`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug413.go",
        r#"11: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 11 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle: i refers to itself`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug459.go",
        r#"12: no match for `loop|depends upon itself` in: initializati"#,
        Why::GoChanged(
            r#"line 12 wants `loop|depends upon itself`; Go 1.27 says `initialization cycle for commandLine`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug463.go",
        r#"16: no match for `refers to itself|definition loop|initializ"#,
        Why::GoChanged(
            r#"line 16 wants `refers to itself|definition loop|initialization loop`; Go 1.27 says `initialization cycle for A`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue11610.go",
        r#"13: no match for `unexpected var|expected identifier|expecte"#,
        Why::GoChanged(
            r#"line 13 wants `unexpected var|expected identifier|expected type`; Go 1.27 says `syntax error: unexpected keyword var, expected name`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue17631.go",
        r#"20: no match for `unknown field 'updates' in struct literal "#,
        Why::GoChanged(
            r#"line 20 wants `unknown field 'updates' in struct literal of type|unknown field .*upda…`; Go 1.27 says `unknown field updates in struct literal of type struct{about string; before map[string]uin…`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue17645.go",
        r#"15: no match for `cannot use Foo{.*} \(.*type Foo\) as type "#,
        Why::GoChanged(
            r#"line 15 wants `cannot use Foo{.*} \(.*type Foo\) as type int in .*append`; Go 1.27 says `cannot use append(s, Foo{…}) (value of type []int) as string value in variable declaration…`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue18092.go",
        r#"14: no match for `expecting :` in: syntax error: unexpected "#,
        Why::GoChanged(
            r#"line 14 wants `expecting :`; Go 1.27 says `syntax error: unexpected newline, expected :`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue18747.go",
        r#"26: no match for `unexpected newline, expecting { after if c"#,
        Why::GoChanged(
            r#"line 26 wants `unexpected newline, expecting { after if clause`; Go 1.27 says `syntax error: unexpected newline, expected { after if clause`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue19667.go",
        r#"13: no match for `unexpected }, expecting expression|expecte"#,
        Why::GoChanged(
            r#"line 13 wants `unexpected }, expecting expression|expected operand|missing .*\)|expec…`; Go 1.27 says `syntax error: unexpected }, expected expression`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue20233.go",
        r#"11: unexpected error: func(...A) (type) is not an expression"#,
        Why::GoChanged(
            r#"line 11 wants no error; Go 1.27 says `func(...A) (type) is not an expression`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue20245.go",
        r#"11: unexpected error: interface{I1} (type) is not an express"#,
        Why::GoChanged(
            r#"line 11 wants no error; Go 1.27 says `interface{I1} (type) is not an expression`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue20789.go",
        r#"13: no match for `unexpected u` in: syntax error: unexpected"#,
        Why::GoChanged(
            r#"line 13 wants `unexpected u`; Go 1.27 says `syntax error: unexpected name u, expected (`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue22200.go",
        r#"15: missing error `stack frame too large`"#,
        Why::GoChanged(
            r#"line 15 wants `stack frame too large`; Go 1.27 reports nothing there either"#,
        ),
    ),
    gap(
        "fixedbugs/issue22200b.go",
        r#"11: missing error `stack frame too large`"#,
        Why::GoChanged(
            r#"line 11 wants `stack frame too large`; Go 1.27 reports nothing there either"#,
        ),
    ),
    gap(
        "fixedbugs/issue22794.go",
        r#"16: no match for `(type it .* field or method floats, but do"#,
        Why::GoChanged(
            r#"line 16 wants `(type it .* field or method floats, but does have Floats)|undefined fi…`; Go 1.27 says `i1.floats undefined (type it has no field or method floats, but does have field Floats)`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue22822.go",
        r#"16: no match for `cannot call non-function len .type int., d"#,
        Why::GoChanged(
            r#"line 16 wants `cannot call non-function len .type int., declared at issue22822.go:15|…`; Go 1.27 says `invalid operation: cannot call len (variable of type int): int is not a function`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue23093.go",
        r#"9: no match for `initialization loop|initialization expressi"#,
        Why::GoChanged(
            r#"line 9 wants `initialization loop|initialization expression for .*f.* depends upon i…`; Go 1.27 says `initialization cycle: f refers to itself`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue23094.go",
        r#"11: no match for `\[len\(a\)\]int|initialization loop` in: i"#,
        Why::GoChanged(
            r#"line 11 wants `\[len\(a\)\]int|initialization loop`; Go 1.27 says `initialization cycle: a refers to itself`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue23116.go",
        r#"13: no match for `declared but not used` in: t declared and "#,
        Why::GoChanged(
            r#"line 13 wants `declared but not used`; Go 1.27 says `t declared and not used`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue23664.go",
        r#"12: no match for `unexpected true, expecting {` in: syntax e"#,
        Why::GoChanged(
            r#"line 12 wants `unexpected true, expecting {`; Go 1.27 says `syntax error: unexpected name true, expected {`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue24339.go",
        r#"20: no match for `unknown field 'foo'` in: unknown field foo"#,
        Why::GoChanged(
            r#"line 20 wants `unknown field 'foo'`; Go 1.27 says `unknown field foo in struct literal of type struct{}`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue25727.go",
        r#"15: no match for `unknown field 'DoneChan' in struct literal"#,
        Why::GoChanged(
            r#"line 15 wants `unknown field 'DoneChan' in struct literal of type http.Server$|unknow…`; Go 1.27 says `unknown field DoneChan in struct literal of type http.Server`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue27356.go",
        r#"14: no match for `cannot call non-function|expected function"#,
        Why::GoChanged(
            r#"line 14 wants `cannot call non-function|expected function`; Go 1.27 says `invalid operation: cannot call len (variable of type int): int is not a function`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue29870b.go",
        r#"13: no match for `.*x.* declared but not used` in: declared "#,
        Why::GoChanged(
            r#"line 13 wants `.*x.* declared but not used`; Go 1.27 says `declared and not used: x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue30085.go",
        r#"11: unexpected error: declared and not used: g (issue30085.g"#,
        Why::GoChanged(
            r#"line 11 wants no error; Go 1.27 says `declared and not used: g`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue30087.go",
        r#"10: unexpected error: declared and not used: a (issue30087.g"#,
        Why::GoChanged(
            r#"line 10 wants no error; Go 1.27 says `declared and not used: a`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue33386.go",
        r#"16: no match for `expecting expression|expected operand` in:"#,
        Why::GoChanged(
            r#"line 16 wants `expecting expression|expected operand`; Go 1.27 says `syntax error: unexpected }, expected expression`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue44266.go",
        r#"19: no match for `invalid recursive type T3` in: invalid rec"#,
        Why::GoChanged(
            r#"line 19 wants `invalid recursive type T3`; Go 1.27 says `invalid recursive type: T3 refers to itself`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue48097.go",
        r#"12: missing error `can only use //go:noescape with external "#,
        Why::GoChanged(
            r#"line 12 wants `can only use //go:noescape with external func implementations`; Go 1.27 reports nothing there either"#,
        ),
    ),
    gap(
        "fixedbugs/issue4847.go",
        r#"22: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 22 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for matchAny`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue49005b.go",
        r#"13: no match for `impossible type assertion:( F\(\).\(\*X\))"#,
        Why::GoChanged(
            r#"line 13 wants `impossible type assertion:( F\(\).\(\*X\))?\n\t\*X does not implement …`; Go 1.27 says `impossible type assertion: F().(*X)`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue5358.go",
        r#"16: no match for `as type int in|incompatible type` in: cann"#,
        Why::GoChanged(
            r#"line 16 wants `as type int in|incompatible type`; Go 1.27 says `cannot use g() (value of type []int) as int value in argument to f`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue5609.go",
        r#"13: no match for `array bound is too large|array bound overf"#,
        Why::GoChanged(
            r#"line 13 wants `array bound is too large|array bound overflows|array length.*must be i…`; Go 1.27 says `invalid array length Large (constant 18446744073709551615 of type uint64)`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703a.go",
        r#"16: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 16 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703b.go",
        r#"16: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 16 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703c.go",
        r#"18: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 18 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703d.go",
        r#"18: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 18 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703e.go",
        r#"18: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 18 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703f.go",
        r#"18: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 18 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703g.go",
        r#"20: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 20 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703h.go",
        r#"20: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 20 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703i.go",
        r#"20: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 20 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703j.go",
        r#"20: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 20 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703k.go",
        r#"20: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 20 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703l.go",
        r#"20: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 20 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703m.go",
        r#"24: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 24 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703n.go",
        r#"24: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 24 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703o.go",
        r#"22: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 22 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703p.go",
        r#"22: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 22 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703q.go",
        r#"27: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 27 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703r.go",
        r#"27: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 27 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703s.go",
        r#"18: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 18 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703t.go",
        r#"18: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 18 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703u.go",
        r#"18: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 18 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703v.go",
        r#"18: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 18 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703w.go",
        r#"20: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 20 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703x.go",
        r#"20: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 20 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703y.go",
        r#"23: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 23 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue6703z.go",
        r#"23: no match for `initialization loop|depends upon itself` i"#,
        Why::GoChanged(
            r#"line 23 wants `initialization loop|depends upon itself`; Go 1.27 says `initialization cycle for x`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue7310.go",
        r#"12: no match for `use of untyped nil|left argument must be a"#,
        Why::GoChanged(
            r#"line 12 wants `use of untyped nil|left argument must be a slice|expects slice argumen…`; Go 1.27 says `invalid copy: argument must be a slice; have untyped nil`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue7525b.go",
        r#"11: no match for `initialization loop for y` in: initializat"#,
        Why::GoChanged(
            r#"line 11 wants `initialization loop for y`; Go 1.27 says `initialization cycle: y refers to itself`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue7525c.go",
        r#"11: no match for `initialization loop for z` in: initializat"#,
        Why::GoChanged(
            r#"line 11 wants `initialization loop for z`; Go 1.27 says `initialization cycle: z refers to itself`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue8507.go",
        r#"12: no match for `invalid recursive type .*T` in: invalid re"#,
        Why::GoChanged(
            r#"line 12 wants `invalid recursive type .*T`; Go 1.27 says `invalid recursive type: T refers to itself`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue9083.go",
        r#"15: unexpected error: declared and not used: x (issue9083.go"#,
        Why::GoChanged(
            r#"line 15 wants no error; Go 1.27 says `declared and not used: x`, as gol does"#,
        ),
    ),
    gap(
        "assign.go",
        r#"41: unexpected error: too many values in struct literal of t"#,
        Why::Wording(
            r#"line 41: Go 1.27 says `implicit assignment to unexported field _ in struct literal of type "sync".Mutex / implici…`; gol says `implicit assignment to unexported field mu in struct literal of type sync.Mutex / too many…`"#,
        ),
    ),
    gap(
        "import1.go",
        r#"13: missing error `imported and not used`"#,
        Why::Wording(
            r#"line 13: Go 1.27 says `bufio redeclared in this block / "os" imported as bufio and not used`; gol says `bufio redeclared in this block` (and 2 more lines)"#,
        ),
    ),
    gap(
        "rename1.go",
        r#"13: unexpected error: declared and not used: n (rename1.go)"#,
        Why::GoChanged(
            r#"line 13 wants one error; Go 1.27 says `declared and not used: n` too, as gol does"#,
        ),
    ),
    gap(
        "switch6.go",
        r#"18: no match for `impossible type switch case: (int\n\t)?e \"#,
        Why::GoChanged(
            r#"line 18 wants `impossible type switch case: (int\n\t)?e \(.*type error\) cannot have dynamic type int \(missing Error method\)`; Go 1.27 says `impossible type switch case: int` with `e (variable of interface type error) cannot have dynamic type int (missing method Error)` under it, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug255.go",
        r#"16: no match for `array bound is too large|overflows|must be integer` in: invalid array length 1 << 65"#,
        Why::GoChanged(
            r#"line 16 wants `array bound is too large|overflows|must be integer`; Go 1.27 says `invalid array length 1 << 65 (untyped int constant 36893488147419103232)`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/bug389.go",
        r#"12: no match for `cannot use fn .type func.float32.. as type"#,
        Why::Wording(
            r#"line 12: Go 1.27 says `cannot use fn (value of type func(a float32)) as func(arg int) value in variable declarati…`; gol says `cannot use fn (value of type func(float32)) as func(int) value in variable declaration` (and 1 more line)"#,
        ),
    ),
    gap(
        "fixedbugs/issue13273.go",
        r#"51: no match for `unexpected <-, expecting chan|expecting {`"#,
        Why::Wording(
            r#"line 51: Go 1.27 says `syntax error: unexpected <-, expected chan`; gol says `syntax error: unexpected newline, expected (` (and 3 more lines)"#,
        ),
    ),
    gap(
        "fixedbugs/issue13415.go",
        r#"14: unexpected error: declared and not used: x"#,
        Why::GoChanged(
            r#"line 14 wants one error; Go 1.27 says `declared and not used: x` too, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue17038.go",
        r#"9: no match for `cannot call non-function`"#,
        Why::GoChanged(
            r#"line 9 wants `cannot call non-function`; Go 1.27 says `invalid operation: cannot call 0 (untyped int constant): untyped int is not a function`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue20227.go",
        r#"11: no match for `division by zero` in: constant result is n"#,
        Why::Wording(
            r#"line 11: Go 1.27 says `invalid operation: division by zero`; gol says `constant result is not representable` (and 9 more lines)"#,
        ),
    ),
    gap(
        "fixedbugs/issue46749.go",
        r#"34: no match for `invalid operation.*mismatched types.*interface *{} and int`"#,
        Why::GoChanged(
            r#"line 34 wants `invalid operation.*mismatched types.*interface *{} and int`; Go 1.27 says `invalid operation: iface + 1 (mismatched types interface{} and untyped int)`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue48301.go",
        r#"12: no match for `T uses T|invalid recursive type T` in: invalid recursive type: T refers to itself"#,
        Why::GoChanged(
            r#"line 12 wants `T uses T|invalid recursive type T`; Go 1.27 says `invalid recursive type: T refers to itself`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue48558.go",
        r#"41: unexpected error: declared and not used: a1"#,
        Why::GoChanged(
            r#"line 41 wants one error; Go 1.27 says `declared and not used: a1` too, as gol does"#,
        ),
    ),
    gap(
        "switch2.go",
        r#"28: missing error `unexpected case at end of statement`"#,
        Why::Missing(
            r#"line 28: Go 1.27 says `syntax error: unexpected keyword case at end of statement`; gol reports nothing there (and 7 more lines)"#,
        ),
    ),
    gap(
        "typecheckloop.go",
        r#"13: missing error `constant definition loop\n.*B uses C\n.*C"#,
        Why::Missing(
            r#"line 13: Go 1.27 says `initialization cycle for B`; gol reports nothing there"#,
        ),
    ),
    gap(
        "fixedbugs/issue14006.go",
        r#"59: missing error `label labelname defined and not used"#,
        Why::Missing(
            r#"line 59: Go 1.27 says `label labelname defined and not used` (and checks labels of line 64) in a function without syntax errors when another has them; gol checks nothing after a syntax error"#,
        ),
    ),
    gap(
        "fixedbugs/issue19482.go",
        r#"25: no match for `invalid field name _ in struct initializer"#,
        Why::GoChanged(
            r#"line 25 wants `invalid field name _ in struct initializer|expected struct field name|unknown field '_' in struct literal of type T`; Go 1.27 says `unknown field _ in struct literal of type T`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue18655.go",
        r#"14: no match for `redeclared|redefinition` in: method T.m al"#,
        Why::GoChanged(
            r#"line 14 wants `redeclared|redefinition`; Go 1.27 says `method T.m already declared at ./issue18655.go:13:10`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue23823.go",
        r#"14: missing error `invalid recursive type I2\n\tissue23823.g"#,
        Why::Missing(
            r#"line 14: Go 1.27 says `invalid recursive type: I2 refers to itself`; gol reports nothing there (and 1 more line)"#,
        ),
    ),
    gap(
        "fixedbugs/issue3705.go",
        r#"9: no match for `missing function body|cannot declare init` in: func init must have a body"#,
        Why::GoChanged(
            r#"line 9 wants `missing function body|cannot declare init`; Go 1.27 says `func init must have a body`, as gol does"#,
        ),
    ),
    gap(
        "fixedbugs/issue48471.go",
        r#"36: no match for `cannot use new\(T\) \(.*type \*T\) as type I in argument to f"#,
        Why::GoChanged(
            r#"line 36 wants `... as type I in argument to f:\n\t\*T does not implement I \(missing M method\)`; Go 1.27 says `cannot use new(T) (value of type *T) as I value in argument to f: *T does not implement I (missing method M)`, as gol does (gol still lacks the cause of line 40's conversion, line 46's `pointer to interface` and line 48's have/want)"#,
        ),
    ),
    gap(
        "typeparam/issue46461.go",
        "9: missing error `invalid recursive type T`",
        Why::GoChanged(
            "line 9 wants `invalid recursive type T`; Go 1.27 accepts the program, as gol does",
        ),
    ),
    gap(
        "shift1.go",
        r#"156: unexpected error: invalid operation: shifted operand 1."#,
        Why::Extra(
            r#"line 156: gol says `invalid operation: shifted operand 1. (type float64) must be integer / invalid argument: i…`; Go 1.27 reports nothing there (and 3 more lines)"#,
        ),
    ),
    gap(
        "fixedbugs/issue17328.go",
        r#"13: unexpected error: syntax error: non-declaration statemen"#,
        Why::Extra(
            r#"line 13: gol says `syntax error: non-declaration statement outside function body`; Go 1.27 reports nothing there"#,
        ),
    ),
    gap(
        "fixedbugs/issue22164.go",
        r#"13: unexpected error: syntax error: unexpected := in argumen"#,
        Why::Extra(
            r#"line 13: gol says `syntax error: unexpected := in argument list; possibly missing comma or )`; Go 1.27 reports nothing there"#,
        ),
    ),
    gap(
        "fixedbugs/issue22581.go",
        r#"27: unexpected error: syntax error: non-declaration statemen"#,
        Why::Extra(
            r#"line 27: gol says `syntax error: non-declaration statement outside function body`; Go 1.27 reports nothing there (and 2 more lines)"#,
        ),
    ),
    gap(
        "fixedbugs/issue23587.go",
        r#"10: unexpected error: syntax error: unexpected ~, expected e"#,
        Why::Extra(
            r#"line 10: gol says `syntax error: unexpected ~, expected expression`; Go 1.27 reports nothing there"#,
        ),
    ),
    gap(
        "fixedbugs/issue6977.go",
        r#"33: unexpected error: duplicate method m (issue6977.go)"#,
        Why::Extra(r#"line 33: gol says `duplicate method m`; Go 1.27 reports nothing there"#),
    ),
];

/// One error gol reported: its file (as the header shows it), line and
/// message.
#[derive(Debug)]
struct Got {
    file: String,
    line: usize,
    msg: String,
}

/// The errors of `gol check`'s codespan output: an `error: MSG` line
/// (with MSG's further lines, if it has some) followed by a `┌─
/// FILE:LINE:COL` line, then the source excerpt and any notes (`= NOTE`).
/// A message is what Go's driver matches: the error's line joined with
/// its continuation lines, which Go's compiler indents with a tab under
/// it; gol's notes are those lines (a note's first line is indented by
/// one tab, its further lines keep their own tabs).
fn parse_errors(out: &str) -> Vec<Got> {
    let mut errs: Vec<Got> = Vec::new();
    let mut lines = out.lines().peekable();
    while let Some(l) = lines.next() {
        let Some(first) = l.strip_prefix("error: ") else {
            continue;
        };
        let mut msg = first.to_string();
        let mut loc = None;
        for next in lines.by_ref() {
            if let Some(at) = next.trim_start().strip_prefix("┌─ ") {
                loc = Some(at);
                break;
            }
            if next.starts_with("error: ") {
                break;
            }
            msg.push('\n');
            msg.push_str(next);
        }
        let Some(loc) = loc else { continue };
        // The excerpt, then notes up to the blank line that ends the error.
        while let Some(next) = lines.peek() {
            if next.is_empty() || next.starts_with("error: ") {
                break;
            }
            let next = lines.next().unwrap_or_default();
            if let Some(note) = next.trim_start().strip_prefix("= ") {
                msg.push_str("\n\t");
                msg.push_str(note);
            } else if let Some(more) = next.strip_prefix("     ").filter(|m| m.starts_with('\t')) {
                msg.push('\n');
                msg.push_str(more);
            }
        }
        let mut parts = loc.trim().rsplitn(3, ':');
        let (_col, line, file) = (parts.next(), parts.next(), parts.next());
        if let (Some(file), Some(Ok(line))) = (file, line.map(str::parse)) {
            errs.push(Got {
                file: file.to_string(),
                line,
                msg,
            });
        }
    }
    errs
}

/// Errors gol gives a file for not being a whole program, which Go's
/// driver does not ask for: compiling one package with `-p=p`, it wants no
/// main package or function, and unless the recipe says `-complete` it
/// takes a function without a body as one written in assembly.
fn program_only(msg: &str, complete: bool) -> bool {
    // (Its first line: a note may follow.)
    let msg = msg.lines().next().unwrap_or(msg);
    msg == "function main is undeclared in the main package"
        || (msg.starts_with("package ") && msg.ends_with(" is not a main package"))
        || (msg == "missing function body" && !complete)
}

/// One regexp of an `// ERROR` comment.
struct Want {
    line: usize,
    src: String,
    re: Regex,
}

/// A Go regexp as the regex crate reads it: Go takes a `{` that opens no
/// repetition (`{n}`, `{n,}`, `{n,m}`) and a `}` that closes none as
/// themselves (`T{}`, `expecting {`), where the crate rejects them.
fn literal_braces(re: &str) -> String {
    let rep = Regex::new(r"^\{[0-9]+(,[0-9]*)?\}").unwrap();
    let mut out = String::with_capacity(re.len());
    let mut chars = re.char_indices().peekable();
    let mut class = false;
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some((_, e)) = chars.next() {
                    out.push(e);
                }
            }
            '[' if !class => {
                class = true;
                out.push(c);
                // A `]` first in a class (after any `^`) is itself.
                if let Some(&(_, '^')) = chars.peek() {
                    out.push('^');
                    chars.next();
                }
                if let Some(&(_, ']')) = chars.peek() {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if class => {
                class = false;
                out.push(c);
            }
            '{' if !class => match rep.find(&re[i..]) {
                Some(m) => {
                    out.push_str(m.as_str());
                    for _ in 1..m.as_str().len() {
                        chars.next();
                    }
                }
                None => out.push_str("\\{"),
            },
            '}' if !class => out.push_str("\\}"),
            _ => out.push(c),
        }
    }
    out
}

/// The errors a program asks for, as Go's driver reads them.
fn wanted(text: &str, short: &str) -> Result<Vec<Want>, String> {
    let err_rx = Regex::new(r"// (?:GC_)?ERROR (.*)").unwrap();
    let quotes = Regex::new(r#""([^"]*)""#).unwrap();
    let line_rx = Regex::new(r"LINE(([+-])([0-9]+))?").unwrap();
    let mut wants = Vec::new();
    for (i, l) in text.split('\n').enumerate() {
        let n = i + 1;
        if l.contains("////") {
            continue;
        }
        let Some(m) = err_rx.captures(l) else {
            continue;
        };
        let mut any = false;
        for q in quotes.captures_iter(&m[1]) {
            any = true;
            let src = line_rx
                .replace_all(&q[1], |c: &regex::Captures| {
                    let d: usize = c.get(3).map_or(0, |d| d.as_str().parse().unwrap_or(0));
                    let at = match c.get(2).map(|s| s.as_str()) {
                        Some("+") => n + d,
                        Some(_) => n.saturating_sub(d),
                        None => n,
                    };
                    format!("{short}:{at}")
                })
                .into_owned();
            let re = Regex::new(&literal_braces(&src))
                .map_err(|e| format!("{n}: bad regexp {src:?}: {e}"))?;
            wants.push(Want { line: n, src, re });
        }
        if !any {
            return Err(format!("{n}: an ERROR comment with no quoted regexp"));
        }
    }
    Ok(wants)
}

/// Go's driver's judgement of a compile's errors against the program's
/// wants: every mismatch, one per line of the report (empty: passed).
fn judge(wants: &[Want], got: Vec<Got>, short: &str) -> Vec<String> {
    let mut out: Vec<Got> = got;
    let mut report = Vec::new();
    let base = |f: &str| f.rsplit('/').next().unwrap_or(f).to_string();
    for w in wants {
        let (on, rest): (Vec<Got>, Vec<Got>) = out
            .into_iter()
            .partition(|g| g.line == w.line && base(&g.file) == short);
        out = rest;
        if on.is_empty() {
            report.push(format!("{}: missing error `{}`", w.line, w.src));
            continue;
        }
        let mut matched = false;
        let mut left = Vec::new();
        for g in on {
            if w.re.is_match(&g.msg) {
                matched = true;
            } else {
                left.push(g);
            }
        }
        if !matched {
            let msgs: Vec<&str> = left.iter().map(|g| g.msg.as_str()).collect();
            report.push(format!(
                "{}: no match for `{}` in: {}",
                w.line,
                w.src,
                msgs.join(" / ")
            ));
        }
        out.extend(left);
    }
    for g in out {
        report.push(format!(
            "{}: unexpected error: {} ({})",
            g.line, g.msg, g.file
        ));
    }
    report
}

/// Runs `gol check` on one program in its directory (so errors name the
/// file as the driver's do) and judges it: the mismatches.
fn check_program(path: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let complete = recipe(&text).is_some_and(|w| w.iter().any(|f| f == "-complete"));
    let short = path.file_name().unwrap().to_string_lossy().into_owned();
    let wants = wanted(&text, &short)?;
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("exec \"$0\" check \"$1\" 2>&1")
        .arg(env!("CARGO_BIN_EXE_gol"))
        .arg(&short)
        .current_dir(path.parent().unwrap());
    let (status, out) = common::output_within(&mut cmd, LIMIT)?;
    if let Some(c) = common::crash(status, &out) {
        return Err(format!(
            "gol crashed ({c}); a crash is never a known gap\n{out}"
        ));
    }
    let got: Vec<Got> = parse_errors(&out)
        .into_iter()
        .filter(|g| !program_only(&g.msg, complete))
        .collect();
    if got.is_empty() && status.code() != Some(0) && !out.contains("error: ") {
        return Err(format!("gol check failed without an error report:\n{out}"));
    }
    let mut report = judge(&wants, got, &short);
    if wants.is_empty() && report.is_empty() {
        report.push("compilation succeeded unexpectedly".into());
    }
    Ok(report)
}

/// One program's trial: it passes, or fails as its table entry says.
fn trial(path: &Path, gap: Option<&Gap>) -> Result<(), Failed> {
    let report = check_program(path)?;
    let text = report.join("\n");
    match gap {
        None if report.is_empty() => Ok(()),
        None => Err(text.into()),
        Some(g) if report.is_empty() => Err(format!(
            "passes now, no longer a gap ({}: {}): remove it from GAPS",
            g.why.class(),
            g.why.reason()
        )
        .into()),
        Some(g) if !text.contains(g.says) => Err(format!(
            "listed as {} ({}) with `{}` in its report, but fails otherwise:\n{text}",
            g.why.class(),
            g.why.reason(),
            g.says
        )
        .into()),
        Some(_) => Ok(()),
    }
}

/// A program found: its key (path under `test/`), the directory's name in
/// trials, and why its recipe puts it outside (None: it is run).
struct Program {
    key: String,
    dir: &'static str,
    path: PathBuf,
    outside: Option<String>,
}

/// Every `// errorcheck`-family program of the directories, in order.
fn programs(test: &Path) -> Vec<Program> {
    let mut out = Vec::new();
    for (dir, sub) in DIRS {
        for path in common::files_with(&test.join(sub), &[".go"]) {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Some(words) = recipe(&text) else {
                continue;
            };
            if !words.first().is_some_and(|a| a.starts_with("errorcheck")) || !builds_here(&text) {
                continue;
            }
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            let key = if sub.is_empty() {
                file
            } else {
                format!("{sub}/{file}")
            };
            let outside = outside_recipe(&words);
            out.push(Program {
                key,
                dir,
                path,
                outside,
            });
        }
    }
    out
}

/// Every entry of [`GAPS`] names a run program, once.
fn gaps_are_current(progs: &[Program]) -> Result<(), Failed> {
    let mut seen = std::collections::HashSet::new();
    for g in GAPS {
        if !seen.insert(g.file) {
            return Err(format!("{} is listed twice in GAPS", g.file).into());
        }
        if !progs.iter().any(|p| p.key == g.file && p.outside.is_none()) {
            return Err(format!(
                "{} is listed in GAPS but is no run `// errorcheck` program",
                g.file
            )
            .into());
        }
    }
    Ok(())
}

/// ERRORCHECK_GAPS.md: the counts per directory and class, then every
/// program that does not pass, by class.
fn gaps_text(progs: &[Program]) -> String {
    let mut s = String::from(
        "# Go's errorcheck programs gol does not pass\n\n\
         Generated from the table `GAPS` in `tests/errorcheck.rs` (rewrite with\n\
         `GOL_BLESS=1 cargo test --release --test errorcheck -- gaps_md`).\n\
         `gol check` runs on every `// errorcheck` program of Go's `test/`\n\
         directory (Debian's golang-1.19-src: `typeparam/`, the top level and\n\
         `fixedbugs/`), whose `// ERROR \"regexp\"` comments must match its errors\n\
         line by line as Go's test driver asks of Go's compiler. Programs whose\n\
         recipe tests the gc compiler's internals are outside; each other\n\
         program that does not pass is classified against native Go 1.27, and\n\
         its trial checks that it still fails for the listed reason.\n\n",
    );
    let classes: Vec<&str> = std::iter::once("pass")
        .chain(CLASSES.iter().map(|c| c.0))
        .collect();
    s.push_str(&format!(
        "| directory | programs | {} |\n",
        classes.join(" | ")
    ));
    s.push_str(&format!("|---|---:|{}\n", "---:|".repeat(classes.len())));
    let class_of = |p: &Program| -> &str {
        if p.outside.is_some() {
            return "outside";
        }
        GAPS.iter()
            .find(|g| g.file == p.key)
            .map_or("pass", |g| g.why.class())
    };
    for (dir, _) in DIRS {
        let here: Vec<&Program> = progs.iter().filter(|p| p.dir == dir).collect();
        let counts: Vec<String> = classes
            .iter()
            .map(|c| {
                here.iter()
                    .filter(|p| class_of(p) == *c)
                    .count()
                    .to_string()
            })
            .collect();
        s.push_str(&format!(
            "| {dir} | {} | {} |\n",
            here.len(),
            counts.join(" | ")
        ));
    }
    let mut rows: Vec<(&str, &str, &str)> = GAPS
        .iter()
        .map(|g| (g.file, g.why.class(), g.why.reason()))
        .collect();
    rows.extend(
        progs
            .iter()
            .filter_map(|p| Some((p.key.as_str(), "outside", p.outside.as_deref()?))),
    );
    s.push_str(&common::gap_sections(&CLASSES, &rows));
    s
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    match common::go_test_dir() {
        None => trials.push(common::go_test_dir_absent()),
        Some(dir) => {
            let progs = programs(&dir);
            for p in &progs {
                let gap: Option<&'static Gap> = GAPS.iter().find(|g| g.file == p.key);
                let class = match (&p.outside, gap) {
                    (Some(_), _) => "outside",
                    (None, Some(g)) => g.why.class(),
                    (None, None) => "pass",
                };
                let file = p.path.file_name().unwrap().to_string_lossy();
                let name = format!("{}/{class}/{file}", p.dir);
                let path = p.path.clone();
                // A program outside by its recipe is an ignored trial:
                // `--include-ignored` shows how gol fares on it.
                let t = Trial::test(name, move || trial(&path, gap));
                trials.push(t.with_ignored_flag(p.outside.is_some()));
            }
            let text = gaps_text(&progs);
            trials.push(Trial::test("gaps_md", move || {
                let bless = "GOL_BLESS=1 cargo test --release --test errorcheck -- gaps_md";
                Ok(common::generated_file("ERRORCHECK_GAPS.md", &text, bless)?)
            }));
            trials.push(Trial::test("gaps_are_current", move || {
                gaps_are_current(&progs)
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
