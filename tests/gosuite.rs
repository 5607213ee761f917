//! Go's own test programs (Debian package golang-1.19-src), used as they are
//! installed: every `// run` program of `test/ken/` and `test/chan/` must
//! type-check clean, except the ones that use complex numbers or `goto`,
//! which are outside gol's subset (gol rejects both with a clear error).
//!
//! The "run" part: every such program of `test/ken/` except the channel
//! ones (`chan*.go`) runs under `gol run` in place and must exit 0 with
//! its combined output equal to its `.out` file when it has one (Go's test
//! driver compares combined stdout and stderr). A program that needs
//! something gol does not have yet is listed in [`KNOWN_GAPS`] with the
//! reason, and its trial checks that it still fails for exactly that
//! reason, so a gap that closes shows up as a failure to update the list.
//!
//! The goroutine programs run under GOMAXPROCS 1, 2 and 8, the last two
//! with `GODEBUG=gccheckmark=1`.
//!
//! Where the package is missing the tests fail under CI (which installs
//! it) and are reported as ignored elsewhere.

mod common;

use libtest_mimic::{Arguments, Trial};
use std::path::Path;
use std::process::Command;

/// Whether a Go test file is a `// run` program: its first non-blank line
/// is `// run` (possibly with arguments), as Go's test driver reads it.
pub fn is_run_program(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.trim() == "// run" || l.trim().starts_with("// run "))
}

/// Programs that use complex numbers or `goto`, which gol rejects by design.
/// Comments are skipped: `// No complex numbers though.` is no use of them.
fn outside_subset(text: &str) -> bool {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or("").trim_start())
        .any(|code| {
            code.contains("complex")
                || code.contains("real(")
                || code.contains("imag(")
                || code.starts_with("goto ")
        })
}

/// `test/ken` and `test/chan` programs that do not run yet: (file, what
/// gol says, why).
const KNOWN_GAPS: &[(&str, &str, &str)] = &[];

/// Runs `gol run NAME` in the program's directory; (exit status, combined
/// stdout and stderr).
fn gol_run(path: &Path, procs: Option<usize>) -> Result<(i32, String), String> {
    let dir = path.parent().ok_or("no directory")?;
    let name = path.file_name().ok_or("no file name")?;
    let mut cmd = Command::new("sh");
    if let Some(n) = procs {
        cmd.env("GOMAXPROCS", n.to_string());
        // On more than one P the collector's mark is checked too: after
        // every cycle it re-marks with the world stopped and dies if the
        // concurrent mark left anything reachable white.
        if n > 1 {
            cmd.env("GODEBUG", "gccheckmark=1");
        }
    }
    let out = cmd
        .arg("-c")
        .arg("exec \"$0\" run \"$1\" 2>&1")
        .arg(env!("CARGO_BIN_EXE_gol"))
        .arg(name)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run gol: {e}"))?;
    Ok((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    ))
}

fn run_ken(path: &Path, procs: Option<usize>) -> Result<(), libtest_mimic::Failed> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (code, out) = gol_run(path, procs)?;
    if let Some((_, says, why)) = KNOWN_GAPS.iter().find(|g| g.0 == name) {
        return if code != 0 && out.contains(says) {
            Ok(())
        } else {
            Err(
                format!("known gap ({why}) no longer fails as listed: update KNOWN_GAPS\n{out}")
                    .into(),
            )
        };
    }
    let want = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
    if code != 0 {
        return Err(format!("exit status {code}\n{out}").into());
    }
    if out != want {
        return Err(format!("output differs\n--- want\n{want}\n--- got\n{out}").into());
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    match common::go_test_dir() {
        None => {
            let t = Trial::test("go_test_dir_present", || {
                Err("Go's test programs are not installed (apt-get install golang-1.19-src)".into())
            });
            trials.push(if common::in_ci() {
                t
            } else {
                t.with_ignored_flag(true)
            });
        }
        Some(dir) => {
            for sub in ["ken", "chan"] {
                for p in common::files_with(&dir.join(sub), &[".go"]) {
                    let Ok(text) = std::fs::read_to_string(&p) else {
                        continue;
                    };
                    if !is_run_program(&text) || outside_subset(&text) {
                        continue;
                    }
                    let file = p.file_name().unwrap().to_string_lossy().to_string();
                    let gap = KNOWN_GAPS.iter().any(|g| g.0 == file);
                    let kind = if gap { "known-gap" } else { "run" };
                    // Goroutine programs run on one, two and eight Ps
                    // (more Ps than this machine has cores, too).
                    let procs: &[Option<usize>] = if sub == "chan" || file.starts_with("chan") {
                        &[Some(1), Some(2), Some(8)]
                    } else {
                        &[None]
                    };
                    for &n in procs {
                        let q = p.clone();
                        let suffix = n.map_or(String::new(), |n| format!(" GOMAXPROCS={n}"));
                        trials.push(Trial::test(
                            format!("{kind}/{sub}/{file}{suffix}"),
                            move || run_ken(&q, n),
                        ));
                    }
                    let name = format!("check/{sub}/{file}");
                    trials.push(Trial::test(name, move || check_clean(&p, text)));
                }
            }
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
