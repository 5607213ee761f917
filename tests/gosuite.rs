//! Go's own test programs (Debian package golang-1.19-src), used as they are
//! installed.
//!
//! `test/ken/`, `test/chan/` and `test/typeparam/`: every `// run`
//! program that does not import `unsafe` (outside gol's subset: gol
//! rejects it with a clear error) must type-check clean and run, or be
//! listed in [`GAPS`].
//!
//! `test/*.go` and `test/fixedbugs/*.go`: every `// run` program runs,
//! and is either expected to pass or listed in [`GAPS`] with the reason it
//! does not: outside gol's subset by design (`unsafe`, `reflect`, packages
//! gol does not have, flags of Go's compiler), written for Go 1.19
//! semantics that Go 1.27 (which gol follows) changed, a runtime feature
//! gol does not have yet, or a gol bug. Each classification was checked
//! against native Go 1.27.
//!
//! Running mirrors Go's test driver (`test/run.go`): `gol run NAME ARGS` in
//! the program's directory, with the arguments of its `// run` line and
//! `GOARCH` set when unset; the program must exit 0 with its combined
//! stdout and stderr equal to its `.out` file, or empty when there is none.
//! Each run has a time limit: a hang fails.
//!
//! A listed program's trial checks that it still fails, and for exactly
//! the listed reason (its output holds what the table says gol prints), so
//! a gap that closes, or that starts failing differently, shows up as a
//! failure to update the table. A crash of gol itself (a signal, a Rust
//! panic, a fault reported as `unexpected fault address`) or a hang fails
//! the trial whether or not the program is listed: a table entry never
//! hides one.
//!
//! Programs that start goroutines run under GOMAXPROCS 1, 2 and 8, the
//! last two with `GODEBUG=gccheckmark=1`.
//!
//! Where the package is missing the tests fail under CI (which installs
//! it) and are reported as ignored elsewhere.
//!
//! The trials of a top-level program are named `top/CLASS/FILE` (CLASS:
//! run, outside, old-go, missing, bug), those of `fixedbugs/`
//! `fixedbugs/CLASS/FILE`, with a GOMAXPROCS suffix for goroutine
//! programs; the count by class:
//!
//! ```text
//! cargo test --release --test gosuite -- --list top/ | grep -o '^top/[^ :]*' | sort -u | cut -d/ -f2 | uniq -c
//! cargo test --release --test gosuite -- --list fixedbugs/ | grep -o '^fixedbugs/[^ :]*' | sort -u | cut -d/ -f2 | uniq -c
//! ```

mod common;

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Time limit of one run. The slowest program (test/divmod.go) takes
/// about 20 s on a loaded two-core machine.
const LIMIT: Duration = Duration::from_secs(240);

/// Whether a Go test file is a `// run` program: its first non-blank line
/// after its build constraints is `// run` (possibly with arguments), as Go's
/// test driver reads it, and the constraints hold on linux/amd64 with the gc
/// toolchain (the platform the reference Go runs on here).
pub fn is_run_program(text: &str) -> bool {
    run_line(text).is_some()
}

/// The words after `// run` on a program's recipe line. Leading
/// `// +build` lines are skipped when they hold and make the file no
/// program when they do not, as Go's driver does (chanlinear.go, gc2.go,
/// maplinear.go and others start with one).
fn run_line(text: &str) -> Option<Vec<String>> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut first = lines.next()?;
    while let Some(expr) = first.strip_prefix("// +build") {
        if !common::build_line_holds(expr) {
            return None;
        }
        first = lines.next()?;
    }
    let rest = first.strip_prefix("// run")?;
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    Some(rest.split_whitespace().map(str::to_string).collect())
}

/// The program arguments of a `// run` recipe. Go's driver takes leading
/// words that start with `-` as flags of the go command (`-gcflags ...`,
/// meaningless to gol) and passes the rest to `go run` after the file;
/// there a leading `.go` word is another source file of the program, which
/// `gol run` takes as `go run` does (cmplxdivide.go's table of quotients).
fn program_args(recipe: &[String]) -> Vec<String> {
    recipe
        .iter()
        .skip_while(|w| w.starts_with('-'))
        .cloned()
        .collect()
}

/// Programs that import `unsafe`, which gol rejects by design. Comments
/// are skipped: a comment that mentions it is no use of it.
fn outside_subset(text: &str) -> bool {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or("").trim_start())
        .any(|code| {
            let code = code.trim_end();
            code == "import \"unsafe\"" || code == "\"unsafe\""
        })
}

/// Whether a program starts goroutines (a `go` statement outside comments).
fn starts_goroutines(text: &str) -> bool {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or("").trim_start())
        .any(|code| code.starts_with("go ") || code.contains(" go func"))
}

/// Why a program is left out of the ones that must pass.
#[derive(Clone, Copy, Debug)]
enum Why {
    /// Outside gol's subset by design (`unsafe`, `reflect`, packages gol
    /// does not have, the gc compiler's flags).
    Outside(&'static str),
    /// The expected output depends on Go 1.19 semantics that later Go
    /// changed; gol prints what Go 1.27 prints (checked with native Go).
    OldGo(&'static str),
    /// A runtime feature gol does not have yet (gol says so). No program
    /// is in this class today; it stays for the next one.
    #[allow(dead_code)]
    Missing(&'static str),
    /// A gol bug: Go 1.27 passes, gol must too once it is fixed (or its
    /// reason says how Go 1.27 fails the program too). No program is in
    /// this class today; it stays for the next bug found.
    #[allow(dead_code)]
    Bug(&'static str),
}

impl Why {
    /// The class, as it appears in trial names.
    fn class(self) -> &'static str {
        match self {
            Why::Outside(_) => "outside",
            Why::OldGo(_) => "old-go",
            Why::Missing(_) => "missing",
            Why::Bug(_) => "bug",
        }
    }

    fn reason(self) -> &'static str {
        match self {
            Why::Outside(r) | Why::OldGo(r) | Why::Missing(r) | Why::Bug(r) => r,
        }
    }
}

/// A program that does not pass: its path under Go's `test/` directory,
/// a piece of what gol prints for it, and why.
struct Gap {
    file: &'static str,
    says: &'static str,
    why: Why,
}

const fn gap(file: &'static str, says: &'static str, why: Why) -> Gap {
    Gap { file, says, why }
}

const NO_UNSAFE: &str = "package unsafe is not in std";
const NO_REFLECT: &str = "package reflect is not in std";

/// Every `// run` program of Go's `test/` (top level, `ken/`, `chan/`)
/// that gol does not pass, with its reason. Classified against native
/// Go 1.27: a `Missing` or `Bug` program passes under it, an `OldGo` one
/// fails under it just as under gol, and an `Outside` one's reason says
/// when it fails under Go 1.27 too.
const GAPS: &[Gap] = &[
    // Complex numbers.
    gap(
        "print.go",
        "(9+10i)",
        Why::OldGo("its .out has Go 1.19's print format for floats and complex numbers (+9.000000e+000); gol prints what Go 1.27 prints"),
    ),
    gap(
        "ken/cplx0.go",
        "(5+6i)",
        Why::OldGo("its .out has Go 1.19's print format for complex numbers ((+5.000000e+000+6.000000e+000i)); gol prints what Go 1.27 prints"),
    ),
    // reflect.
    gap("append.go", NO_REFLECT, Why::Outside("reflect")),
    gap("convert.go", NO_REFLECT, Why::Outside("reflect")),
    gap("initialize.go", NO_REFLECT, Why::Outside("reflect")),
    gap(
        "recover.go",
        NO_REFLECT,
        Why::Outside("reflect"),
    ),
    gap("reflectmethod1.go", NO_REFLECT, Why::Outside("reflect")),
    gap("reflectmethod2.go", NO_REFLECT, Why::Outside("reflect")),
    gap("reflectmethod3.go", NO_REFLECT, Why::Outside("reflect")),
    gap("reflectmethod4.go", NO_REFLECT, Why::Outside("reflect")),
    gap("reflectmethod5.go", NO_REFLECT, Why::Outside("reflect")),
    gap("reflectmethod6.go", NO_REFLECT, Why::Outside("reflect")),
    gap("reflectmethod7.go", NO_REFLECT, Why::Outside("reflect")),
    gap("strcopy.go", NO_REFLECT, Why::Outside("reflect and unsafe")),
    // unsafe.
    gap("blank.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("chancap.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("cmp.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("finprofiled.go", NO_UNSAFE, Why::Outside("unsafe (and runtime.SetFinalizer)")),
    gap(
        "initempty.go",
        NO_UNSAFE,
        Why::Outside("unsafe and go:linkname into the runtime (fails under Go 1.27 too)"),
    ),
    gap("makeslice.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("nilptr.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap(
        "nilptr_aix.go",
        NO_UNSAFE,
        Why::Outside("unsafe; built only for aix (Go's driver skips it on linux)"),
    ),
    gap("sizeof.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("slicecap.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("uintptrescapes3.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("unsafebuiltins.go", NO_UNSAFE, Why::Outside("unsafe")),
    // Packages gol does not have.
    gap(
        "linkmain_run.go",
        "package os/exec is not in std",
        Why::Outside("package os/exec: it runs Go's linker"),
    ),
    gap(
        "linkobj.go",
        "package os/exec is not in std",
        Why::Outside("package os/exec: it runs Go's compiler and linker"),
    ),
    gap(
        "linkx_run.go",
        "package os/exec is not in std",
        Why::Outside("package os/exec: it runs Go's linker"),
    ),
    gap(
        "nosplit.go",
        "package os/exec is not in std",
        Why::Outside("package os/exec: it runs Go's assembler and linker"),
    ),
    gap(
        "sinit_run.go",
        "package os/exec is not in std",
        Why::Outside("package os/exec: it runs Go's compiler"),
    ),
    gap(
        "const7.go",
        "package os/exec is not in std",
        Why::Outside("package os/exec: it runs Go's compiler"),
    ),
    gap(
        "goprint.go",
        "1.5 world",
        Why::OldGo("its .out has Go 1.19's float format (+1.500000e+000); gol prints what Go 1.27 prints"),
    ),
    gap(
        "inline_literal.go",
        "package reflect is not in std",
        Why::Outside("package reflect, runtime.FuncForPC"),
    ),
    gap(
        "winbatch.go",
        "open src/all.bat: no such file or directory",
        Why::Outside("it checks the line endings of Go's own source tree under runtime.GOROOT (gol has no Go tree: GOROOT is the environment's)"),
    ),
    gap(
        "heapsampling.go",
        "undefined: runtime.MemProfileRecord",
        Why::Outside("runtime.MemProfile, the gc runtime's heap profiler (fails under Go 1.27 too)"),
    ),
    // The gc compiler's flags.
    gap(
        "maymorestack.go",
        "mayMoreStack not called",
        Why::Outside("needs -gcflags=-d=maymorestack (fails under go run without it too)"),
    ),
    // Go 1.19 semantics.
    gap(
        "closure2.go",
        "panic: g() != 1",
        Why::OldGo("one loop variable for all iterations (per-iteration since Go 1.22)"),
    ),
    gap(
        "escape.go",
        "want aliased pointers but got different after range_escapes2",
        Why::OldGo("one loop variable for all iterations (per-iteration since Go 1.22)"),
    ),
    gap(
        "convert4.go",
        "got runtime error: cannot convert slice with length 8 to array or pointer to array with length 9",
        Why::OldGo("Go 1.19's panic message for slice to array pointer conversions"),
    ),
    gap(
        "deferprint.go",
        "42 true false true 1.5 world",
        Why::OldGo("Go 1.19's println float format (+1.500000e+000)"),
    ),
    // test/typeparam: Go's generics programs.
    gap("typeparam/boundmethod.go", NO_REFLECT, Why::Outside("reflect")),
    gap("typeparam/double.go", NO_REFLECT, Why::Outside("reflect")),
    gap("typeparam/issue47740b.go", NO_REFLECT, Why::Outside("reflect")),
    gap("typeparam/issue48042.go", NO_REFLECT, Why::Outside("reflect")),
    gap("typeparam/issue48225.go", NO_REFLECT, Why::Outside("reflect")),
    gap("typeparam/issue48253.go", NO_REFLECT, Why::Outside("reflect")),
    gap("typeparam/issue48645a.go", NO_REFLECT, Why::Outside("reflect")),
    gap("typeparam/map.go", NO_REFLECT, Why::Outside("reflect")),
    gap("typeparam/nested.go", NO_REFLECT, Why::Outside("reflect")),
    gap("typeparam/stringer.go", NO_REFLECT, Why::Outside("reflect")),
    gap(
        "typeparam/typeswitch5.go",
        "fooer 9",
        Why::OldGo("its .out has Go 1.19's println float format (+9.000000e+000); gol prints what Go 1.27 prints"),
    ),
    // test/fixedbugs: Go 1.19 semantics.
    gap(
        "fixedbugs/issue29190.go",
        "got panic runtime error: growslice: len out of range, want cap out of range",
        Why::OldGo("wants Go 1.19's growslice message (cap out of range) for an append past maxInt; Go 1.27, as gol, says len out of range"),
    ),
    gap(
        "fixedbugs/bug409.go",
        "1 2 3 4",
        Why::OldGo("its .out has Go 1.19's println float format (+1.000000e+000); gol prints what Go 1.27 prints"),
    ),
    gap(
        "fixedbugs/issue35576.go",
        "-4242x-42 42 x",
        Why::OldGo("its .out has Go 1.19's print float format (+4.200000e+001); gol prints what Go 1.27 prints"),
    ),
    gap(
        "fixedbugs/issue6899.go",
        "-0",
        Why::OldGo("its .out has Go 1.19's println float format (-0.000000e+000); gol prints what Go 1.27 prints"),
    ),
    // test/fixedbugs: programs outside the subset.
    gap(
        "fixedbugs/issue18149.go",
        "/c:/foo/bar.go:987; want c:/foo/bar.go:987",
        Why::Outside("Go's test driver compiles it with `go tool compile`, which keeps a relative //line file name relative; `go run` makes it absolute (joined to the package directory) and fails the program as gol does: got /DIR/c:/foo/bar.go:987 (checked with Go 1.27 both ways)"),
    ),
    gap(
        "fixedbugs/issue22662.go",
        "/foo.go:1; want foo.go:1",
        Why::Outside("Go's test driver compiles it with `go tool compile`, which keeps a relative //line file name relative; `go run` makes it absolute (joined to the package directory) and fails the program as gol does: got /DIR/foo.go:1 (checked with Go 1.27 both ways)"),
    ),
    gap("fixedbugs/bug206.go", "package go/ast is not in std", Why::Outside("go/ast")),
    gap(
        "fixedbugs/issue16037_run.go",
        "package html/template is not in std",
        Why::Outside("html/template and os/exec"),
    ),
    gap(
        "fixedbugs/bug369.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue10607.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue11771.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue13268.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue14636.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue19658.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue21317.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue21576.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue22660.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue22662b.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue26411.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue33275_run.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue33555.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue36437.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue52127.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue9355.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap(
        "fixedbugs/issue9862_run.go",
        "package os/exec is not in std",
        Why::Outside("os/exec: it runs Go's toolchain"),
    ),
    gap("fixedbugs/bug177.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/bug444.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/bug461.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/gcc65755.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue10332.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue15329.go", NO_REFLECT, Why::Outside("reflect and unsafe")),
    gap("fixedbugs/issue15439.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue15528.go", NO_REFLECT, Why::Outside("reflect and unsafe")),
    gap("fixedbugs/issue16331.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue16870.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue19113.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue22605.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue25897a.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue25897b.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue26335.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue27695b.go", NO_REFLECT, Why::Outside("reflect and unsafe")),
    gap("fixedbugs/issue27695c.go", NO_REFLECT, Why::Outside("reflect and unsafe")),
    gap("fixedbugs/issue27695.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue28748.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue30041.go", NO_REFLECT, Why::Outside("reflect and unsafe")),
    gap("fixedbugs/issue30606b.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue30606.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue31546.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue37716.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue39541.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue42076.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue44830.go", NO_REFLECT, Why::Outside("reflect and unsafe")),
    gap("fixedbugs/issue45045.go", NO_REFLECT, Why::Outside("reflect and unsafe")),
    gap("fixedbugs/issue48357.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue49110.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue52788a.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue52788.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue57184.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue7044.go", NO_REFLECT, Why::Outside("reflect")),
    gap("fixedbugs/issue8004.go", NO_REFLECT, Why::Outside("reflect and unsafe")),
    gap("fixedbugs/issue8606b.go", NO_REFLECT, Why::Outside("reflect and unsafe")),
    gap(
        "fixedbugs/bug513.go",
        NO_UNSAFE,
        Why::Outside("unsafe and cgo, under the race detector and -d=checkptr"),
    ),
    gap(
        "fixedbugs/issue35027.go",
        NO_REFLECT,
        Why::Outside("reflect and unsafe, under the gc compiler's -d=checkptr"),
    ),
    gap(
        "fixedbugs/issue35073.go",
        NO_REFLECT,
        Why::Outside("reflect and unsafe, under the gc compiler's -d=checkptr"),
    ),
    gap(
        "fixedbugs/issue40917.go",
        NO_UNSAFE,
        Why::Outside("unsafe, under the gc compiler's -d=checkptr"),
    ),
    gap(
        "fixedbugs/issue46938.go",
        NO_UNSAFE,
        Why::Outside("unsafe, under the gc compiler's -d=checkptr"),
    ),
    gap("fixedbugs/issue47227.go", "package C is not in std", Why::Outside("cgo")),
    gap(
        "fixedbugs/issue47928.go",
        "panic: FAIL",
        Why::Outside("needs -goexperiment fieldtrack for //go:nointerface (fails under go run without it too)"),
    ),
    gap("fixedbugs/bug295.go", "package testing is not in std", Why::Outside("testing")),
    gap("fixedbugs/issue4618.go", "package testing is not in std", Why::Outside("testing")),
    gap("fixedbugs/issue4667.go", "package testing is not in std", Why::Outside("testing")),
    gap("fixedbugs/bug246.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/bug273.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/bug279.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/bug292.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/bug328.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/bug339.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue15550.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue17381.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue19078.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue21221.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue24491a.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue24491b.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue29362b.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue29362.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue30709.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue4085b.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue40954.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue4585.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue48536.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue52612.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue53137.go", NO_UNSAFE, Why::Outside("unsafe")),
    gap("fixedbugs/issue54220.go", NO_UNSAFE, Why::Outside("unsafe")),
];

/// Go's name for the architecture gol runs on, as `runtime.GOARCH` says.
fn go_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "x86" => "386",
        "aarch64" => "arm64",
        "powerpc64" => "ppc64",
        "s390x" => "s390x",
        "riscv64" => "riscv64",
        other => other,
    }
}

/// How one `gol run` ended.
struct Ran {
    status: std::process::ExitStatus,
    /// Combined stdout and stderr, in the order written.
    out: String,
}

/// Runs `gol run NAME ARGS` in the program's directory with stdout and
/// stderr on one pipe (as Go's driver combines them), killed past
/// [`LIMIT`]. The shell only joins the two streams and `exec`s gol, so the
/// child's pid and exit status are gol's own.
fn gol_run(path: &Path, args: &[String], procs: Option<usize>) -> Result<Ran, String> {
    let dir = path.parent().ok_or("no directory")?;
    let name = path.file_name().ok_or("no file name")?;
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("exec \"$0\" run \"$@\" 2>&1")
        .arg(env!("CARGO_BIN_EXE_gol"))
        .arg(name)
        .args(args)
        .current_dir(dir);
    // Go's driver sets GOARCH when it is unset (test/env.go checks it).
    if std::env::var_os("GOARCH").is_none() {
        cmd.env("GOARCH", go_arch());
    }
    if let Some(n) = procs {
        cmd.env("GOMAXPROCS", n.to_string());
        // On more than one P the collector's mark is checked too: after
        // every cycle it re-marks with the world stopped and dies if the
        // concurrent mark left anything reachable white.
        if n > 1 {
            cmd.env("GODEBUG", "gccheckmark=1");
        }
    }
    let (status, out) = common::output_within(&mut cmd, LIMIT)?;
    Ok(Ran { status, out })
}

/// Runs one program and judges it: it must pass, or, when listed in
/// [`GAPS`], fail as listed. A crash or a hang fails either way.
fn run_program(
    path: &Path,
    args: &[String],
    procs: Option<usize>,
    gap: Option<&Gap>,
) -> Result<(), Failed> {
    let r = gol_run(path, args, procs)?;
    if let Some(c) = common::crash(r.status, &r.out) {
        return Err(format!("gol crashed ({c}); a crash is never a known gap\n{}", r.out).into());
    }
    let want = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
    let code = r.status.code().unwrap_or(-1);
    let passed = code == 0 && r.out == want;
    match gap {
        Some(g) if passed => Err(format!(
            "passes now, no longer a gap ({}: {}): remove it from GAPS",
            g.why.class(),
            g.why.reason()
        )
        .into()),
        Some(g) if !r.out.contains(g.says) => Err(format!(
            "listed as {} ({}) with `{}` in its output, but fails differently (exit status {code}):\n{}",
            g.why.class(),
            g.why.reason(),
            g.says,
            r.out
        )
        .into()),
        Some(_) => Ok(()),
        None if code != 0 => Err(format!("exit status {code}\n{}", r.out).into()),
        None if r.out != want => {
            Err(format!("output differs\n--- want\n{want}\n--- got\n{}", r.out).into())
        }
        None => Ok(()),
    }
}

/// The trials of one program: a run under each GOMAXPROCS it needs.
fn program_trials(sub: Option<&str>, p: PathBuf, text: &str, trials: &mut Vec<Trial>) {
    let file = p.file_name().unwrap().to_string_lossy().to_string();
    let key = sub.map_or(file.clone(), |s| format!("{s}/{file}"));
    let gap: Option<&'static Gap> = GAPS.iter().find(|g| g.file == key);
    let args = program_args(&run_line(text).unwrap_or_default());
    // Goroutine programs run on one, two and eight Ps (more Ps than this
    // machine has cores, too).
    let goroutines = match sub {
        Some("fixedbugs") | None => starts_goroutines(text),
        Some(s) => s == "chan" || file.starts_with("chan"),
    };
    let procs: &[Option<usize>] = if goroutines {
        &[Some(1), Some(2), Some(8)]
    } else {
        &[None]
    };
    let name = match (sub, gap) {
        (None, Some(g)) => format!("top/{}/{file}", g.why.class()),
        (None, None) => format!("top/run/{file}"),
        (Some("fixedbugs"), Some(g)) => format!("fixedbugs/{}/{file}", g.why.class()),
        (Some("fixedbugs"), None) => format!("fixedbugs/run/{file}"),
        (Some(s), Some(_)) => format!("known-gap/{s}/{file}"),
        (Some(s), None) => format!("run/{s}/{file}"),
    };
    for &n in procs {
        let q = p.clone();
        let args = args.clone();
        let suffix = n.map_or(String::new(), |n| format!(" GOMAXPROCS={n}"));
        trials.push(Trial::test(format!("{name}{suffix}"), move || {
            run_program(&q, &args, n, gap)
        }));
    }
}

/// Every entry of [`GAPS`] names a `// run` program that is there, once.
fn gaps_are_current(dir: &Path) -> Result<(), Failed> {
    let mut seen = std::collections::HashSet::new();
    for g in GAPS {
        if !seen.insert(g.file) {
            return Err(format!("{} is listed twice in GAPS", g.file).into());
        }
        let text = std::fs::read_to_string(dir.join(g.file)).unwrap_or_default();
        if !is_run_program(&text) {
            return Err(format!("{} is listed in GAPS but is no `// run` program", g.file).into());
        }
    }
    Ok(())
}

/// KNOWN_GAPS.md at the repository's top: [`GAPS`] as a table for
/// readers, by class. Generated from the table, so it cannot drift:
/// `GOL_BLESS=1 cargo test --release --test gosuite -- known_gaps`
/// rewrites it.
fn known_gaps_text() -> String {
    let mut s = String::from(
        "# Go's test programs gol does not pass\n\n\
         Generated from the table `GAPS` in `tests/gosuite.rs` (rewrite with\n\
         `GOL_BLESS=1 cargo test --release --test gosuite -- known_gaps`).\n\
         gol runs every `// run` program of Go's `test/` directory (Debian's\n\
         golang-1.19-src: the top level, `ken/`, `chan/`, `typeparam/` and\n\
         `fixedbugs/`) and\n\
         compares its output with the program's `.out` file, as Go's test\n\
         driver does; the programs below are the ones that do not pass, each\n\
         classified against native Go 1.27. A listed program is still run, and\n\
         its trial checks that it fails for the listed reason, so a gap that\n\
         closes shows up.\n",
    );
    let classes = [
        ("outside", "Outside gol's subset by design"),
        (
            "old-go",
            "Written for Go 1.19 semantics that Go 1.27 changed (gol prints what Go 1.27 prints)",
        ),
        ("missing", "A runtime feature gol does not have yet"),
        ("bug", "A gol bug"),
    ];
    let rows: Vec<_> = GAPS
        .iter()
        .map(|g| (g.file, g.why.class(), g.why.reason()))
        .collect();
    s.push_str(&common::gap_sections(&classes, &rows));
    s
}

fn known_gaps_md() -> Result<(), Failed> {
    let bless = "GOL_BLESS=1 cargo test --release --test gosuite -- known_gaps";
    Ok(common::generated_file(
        "KNOWN_GAPS.md",
        &known_gaps_text(),
        bless,
    )?)
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = vec![Trial::test("known_gaps_md", known_gaps_md)];
    match common::go_test_dir() {
        None => trials.push(common::go_test_dir_absent()),
        Some(dir) => {
            for sub in ["ken", "chan", "typeparam"] {
                for p in common::files_with(&dir.join(sub), &[".go"]) {
                    let Ok(text) = std::fs::read_to_string(&p) else {
                        continue;
                    };
                    if !is_run_program(&text) || outside_subset(&text) {
                        continue;
                    }
                    let file = p.file_name().unwrap().to_string_lossy().to_string();
                    let key = format!("{sub}/{file}");
                    program_trials(Some(sub), p.clone(), &text, &mut trials);
                    // A program listed as outside the subset (it imports
                    // reflect) cannot type-check clean.
                    let outside = GAPS
                        .iter()
                        .any(|g| g.file == key && matches!(g.why, Why::Outside(_)));
                    if !outside {
                        let name = format!("check/{key}");
                        trials.push(Trial::test(name, move || check_clean(&p, text)));
                    }
                }
            }
            for p in common::files_with(&dir, &[".go"]) {
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                if is_run_program(&text) {
                    program_trials(None, p, &text, &mut trials);
                }
            }
            // fixedbugs/ is run as the top level is: every program,
            // those that import unsafe included (listed in GAPS).
            for p in common::files_with(&dir.join("fixedbugs"), &[".go"]) {
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                if is_run_program(&text) {
                    program_trials(Some("fixedbugs"), p, &text, &mut trials);
                }
            }
            let d = dir.clone();
            trials.push(Trial::test("gaps_are_current", move || {
                gaps_are_current(&d)
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}

fn check_clean(path: &Path, text: String) -> Result<(), libtest_mimic::Failed> {
    let c = common::check_file(&path.display().to_string(), text);
    if c.diagnostics.is_empty() {
        Ok(())
    } else {
        Err(common::one_lines(&c).into())
    }
}
