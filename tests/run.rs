//! End-to-end programs: `tests/run/NAME.go` (or `.gol`) runs under `gol
//! run`; its stdout must equal `NAME.out`, its stderr `NAME.err` (empty
//! when absent) and its exit status `NAME.code` (0 when absent). The
//! expectations come from native Go (`tests/run/gen.sh`), never by hand.
//!
//! Stderr is compared after normalising what legitimately differs between
//! two implementations of Go's traceback: the directory of source paths,
//! the `+0x..` code offsets, the argument words printed in frames
//! (`main.f(0x1, 0x2)` and `main.f(...)` both become `main.f(...)`), the
//! source location of frames of standard packages and of the runtime's
//! `panic` (gol's sources of them are not Go's: the function is
//! compared, not where it lives), the
//! address fields of the `[signal ...]` line, and the `exit status N` line
//! that `go run` adds.
//!
//! Programs named `liveness_*` run with `GODEBUG=gcliveness=2` (the
//! collector's stack maps, on by default, plus the test mode that
//! poisons every slot the maps call dead at each safepoint).
//! Programs named `gcstress_*` run with `GOL_GCSTRESS=1` (a collection at
//! every safepoint). Every program runs a second time (in the same trial)
//! with
//! `GODEBUG=gccheckmark=1` (after each cycle of the concurrent collector,
//! a re-mark with the world stopped that dies if anything reachable was
//! left white): same expectations.

mod common;

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let args = Arguments::from_args();
    let dir = common::root().join("tests/run");
    let mut trials = Vec::new();
    for p in common::files_with(&dir, &[".go", ".gol"]) {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        // One trial runs both, one after the other: a program may use a
        // fixed file name (pkg_os.go).
        trials.push(Trial::test(format!("run/{name}"), move || {
            run_one(&p, false)?;
            run_one(&p, true).map_err(|e| {
                format!("with GODEBUG=gccheckmark=1: {}", e.message().unwrap_or("")).into()
            })
        }));
    }
    // Unbounded recursion: Go's report (whose `runtime: sp=...` and
    // `runtime stack:` lines show Go's own machine state, which gol has no
    // equivalent of) and exit status 2, never an abort.
    for p in common::files_with(&dir.join("overflow"), &[".go"]) {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        trials.push(Trial::test(format!("run/overflow/{name}"), move || {
            overflow_one(&p)
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}

fn overflow_one(p: &Path) -> Result<(), Failed> {
    let out = Command::new(env!("CARGO_BIN_EXE_gol"))
        .arg("run")
        .arg(p)
        .output()
        .map_err(|e| format!("cannot run gol: {e}"))?;
    let err = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code().unwrap_or(-1);
    let want_start = "runtime: goroutine stack exceeds 1000000000-byte limit\n";
    if code != 2
        || !err.starts_with(want_start)
        || !err.contains("\nfatal error: stack overflow\n")
        // A runtime throw: Go's header has its system-level fields.
        || !err.contains("\ngoroutine 1 gp=0x")
        || !err.contains(" [running]:\nmain.f(")
    {
        return Err(format!(
            "exit status {code}, stderr:\n{}",
            &err[..err.len().min(2000)]
        )
        .into());
    }
    Ok(())
}

fn sibling(p: &Path, ext: &str) -> PathBuf {
    p.with_extension(ext)
}

fn run_one(p: &Path, checkmark: bool) -> Result<(), Failed> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gol"));
    // `liveness_*` programs run with the stack maps' poisoning test mode
    // (GODEBUG=gcliveness=2, vm/src/liveness.rs): a read of a slot the
    // maps call dead shows at once.
    let liveness = p
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("liveness_"));
    let mut debug = Vec::new();
    if checkmark {
        debug.push("gccheckmark=1");
    }
    if liveness {
        debug.push("gcliveness=2");
    }
    if !debug.is_empty() {
        cmd.env("GODEBUG", debug.join(","));
    }
    // `gcstress_*` programs run collecting at every safepoint.
    let stress = p
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("gcstress_"));
    if stress {
        cmd.env("GOL_GCSTRESS", "1");
    }
    let out = cmd
        .arg("run")
        .arg(p)
        .output()
        .map_err(|e| format!("cannot run gol: {e}"))?;
    let want_out = std::fs::read(sibling(p, "out")).unwrap_or_default();
    let want_err = std::fs::read_to_string(sibling(p, "err")).unwrap_or_default();
    let want_code: i32 = std::fs::read_to_string(sibling(p, "code"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let mut problems = Vec::new();
    if out.stdout != want_out {
        problems.push(format!(
            "stdout differs\n--- want\n{}\n--- got\n{}",
            String::from_utf8_lossy(&want_out),
            String::from_utf8_lossy(&out.stdout)
        ));
    }
    let got_err = normalize(&String::from_utf8_lossy(&out.stderr));
    let want_err = normalize(&want_err);
    if got_err != want_err {
        problems.push(format!(
            "stderr differs\n--- want\n{want_err}\n--- got\n{got_err}"
        ));
    }
    let code = out.status.code().unwrap_or(-1);
    if code != want_code {
        problems.push(format!("exit status {code}, want {want_code}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

/// See the module docs.
fn normalize(s: &str) -> String {
    let mut out = Vec::new();
    for line in s.lines() {
        if line.starts_with("exit status ") {
            continue;
        }
        if let Some(rest) = line.strip_prefix('\t') {
            // A standard package's frame: gol's sources of the package
            // are not Go's, so only the function is compared.
            if out.last().is_some_and(|f: &String| std_frame(f)) {
                out.push("\t(standard library)".to_string());
                continue;
            }
            // `\t/dir/file.go:12 +0x1d` -> `\tfile.go:12`
            let loc = rest.split(' ').next().unwrap_or(rest);
            let file = loc.rsplit('/').next().unwrap_or(loc);
            out.push(format!("\t{file}"));
            continue;
        }
        // Ids of goroutines other than main differ: Go's runtime starts
        // its own goroutines (sweeper, scavenger ...) before the program's.
        if let Some(rest) = line.strip_prefix("goroutine ") {
            if let Some((id, tail)) = rest.split_once(' ') {
                if id != "1" && id.bytes().all(|b| b.is_ascii_digit()) {
                    out.push(format!("goroutine N {tail}"));
                    continue;
                }
            }
        }
        if line.starts_with("[signal ") {
            out.push(line.split(" addr=").next().unwrap_or(line).to_string());
            continue;
        }
        if line.ends_with(')') {
            if let Some(open) = find_args_paren(line) {
                // Argument words only (`0x1, {0x2, 0x3}, 0x0?`), so a
                // panic message that ends with `)` is left alone.
                let args = &line[open + 1..line.len() - 1];
                let words = args
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() || b"x{}, .?".contains(&b));
                if words && !line[..open].contains(' ') {
                    out.push(format!("{}(...)", &line[..open]));
                    continue;
                }
            }
        }
        out.push(line.to_string());
    }
    out.join("\n")
}

/// Whether a normalized trace line is a frame (or `created by` line) of
/// a function outside package main: a line of a goroutine's stack whose
/// function is qualified by another package.
fn std_frame(line: &str) -> bool {
    let f = line.strip_prefix("created by ").unwrap_or(line);
    let f = f.split(' ').next().unwrap_or(f);
    let name = f.strip_suffix("(...)").unwrap_or(f);
    (f.len() != name.len() || line.starts_with("created by "))
        && !name.starts_with("main.")
        // `panic`: the runtime's frame under a deferred call a panic runs.
        && (name.contains('.') || name == "panic")
}

/// The `(` that opens a frame's argument list: the last one not inside
/// `(*T)`.
fn find_args_paren(line: &str) -> Option<usize> {
    let open = line.rfind('(')?;
    if line[open..].starts_with("(*") {
        return None;
    }
    Some(open)
}
