//! Goroutine stress programs (tests/stress/*.go) on one, two and eight Ps
//! (eight is more than the CI machine's cores), each run several times:
//! a million goroutines created and joined, a token around a ring of
//! 10,000 goroutines, select storms, and collections while goroutines on
//! several threads swap linked structures through channels and maps, or
//! hold values taken from channel buffers only in their stacks, while
//! thousands of parked goroutines keep the collector's stack scanning busy
//! (the `gc*` programs: always with `GODEBUG=gccheckmark=1`, which re-marks
//! after every cycle and dies if the concurrent mark left anything
//! reachable white; also with a cycle started at every safepoint,
//! `GOL_GCSTRESS=1`, and once on two Ps with the world stopped for every
//! collection, `GODEBUG=gcstoptheworld=1`). Each program
//! prints a result it checks itself; the expectation (`NAME.out`) comes
//! from native Go. A lost wakeup shows up as a hang, caught by the time
//! limit.
//!
//! `GOL_STRESS_REPEAT=N` runs each combination N times (default 2); the
//! ignored trial `stress_long` repeats everything 20 times.
//!
//! Racy programs (tests/stress/racy) check invariant 1 under data races:
//! see [`run_racy`]. Programs that deadlock (tests/stress/deadlock) must
//! die with Go's report on one, two and eight Ps: see [`run_deadlock`].

mod common;

use libtest_mimic::{Arguments, Trial};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(120);

fn run_once(
    path: &Path,
    procs: usize,
    godebug: Option<&str>,
    gcstress: bool,
) -> Result<(), String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gol"));
    cmd.arg("run")
        .arg(path)
        .env("GOMAXPROCS", procs.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = godebug {
        cmd.env("GODEBUG", d);
    }
    if gcstress {
        cmd.env("GOL_GCSTRESS", "1");
    }
    let mut child = cmd.spawn().map_err(|e| format!("cannot run gol: {e}"))?;
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > LIMIT => {
                let _ = child.kill();
                return Err(format!("no end after {LIMIT:?} (lost wakeup?)"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(e.to_string()),
        }
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let want = std::fs::read_to_string(path.with_extension("out")).map_err(|e| e.to_string())?;
    let got = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() || got != want {
        return Err(format!(
            "GOMAXPROCS={procs} GODEBUG={godebug:?} gcstress={gcstress}: {}\n--- want\n{want}--- got\n{got}--- stderr\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(())
}

fn run_all(path: &Path, repeat: usize) -> Result<(), libtest_mimic::Failed> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let gc = name.as_deref().is_some_and(|n| n.starts_with("gc"));
    let checkmark = gc.then_some("gccheckmark=1");
    for _ in 0..repeat {
        for procs in [1, 2, 8] {
            run_once(path, procs, checkmark, false)?;
            if gc {
                run_once(path, procs, checkmark, true)?;
            }
        }
        // The collector's other path: runtime.GC and the pacer's cycles
        // with the world stopped, where the running goroutine's roots are
        // gathered by `collect_with` rather than by its own stack scan.
        if gc {
            run_once(path, 2, Some("gcstoptheworld=1,gccheckmark=1"), false)?;
        }
    }
    Ok(())
}

/// `gol run PATH` on `procs` Ps, to its end.
fn gol_run(path: &Path, procs: usize) -> Result<std::process::Output, String> {
    Command::new(env!("CARGO_BIN_EXE_gol"))
        .arg("run")
        .arg(path)
        .env("GOMAXPROCS", procs.to_string())
        .output()
        .map_err(|e| format!("cannot run gol: {e}"))
}

/// Racy programs (tests/stress/racy/*.go): goroutines store strings,
/// slices, structs and interface values into shared variables while
/// others read and use them. Go does not protect such a program (native
/// Go reads mixed values here, and may crash); gol does (architecture
/// invariant 1, value.rs): each program counts the values it read that no
/// goroutine stored and must print `torn 0`, then `done true`, and exit
/// normally, at 2 and 8 Ps. There is no Go-made `.out` for them because
/// Go's own output differs: the expectation is gol's invariant.
fn run_racy(path: &Path, runs: usize) -> Result<(), libtest_mimic::Failed> {
    for _ in 0..runs {
        for procs in [2, 8] {
            let out = gol_run(path, procs)?;
            let got = String::from_utf8_lossy(&out.stdout);
            if !out.status.success() || !got.contains("torn 0\n") || !got.ends_with("done true\n") {
                return Err(format!(
                    "GOMAXPROCS={procs}: {}\n--- stdout\n{got}--- stderr\n{}",
                    out.status,
                    String::from_utf8_lossy(&out.stderr)
                )
                .into());
            }
        }
    }
    Ok(())
}

/// The lines of a deadlock report that gol and Go share: the fatal
/// error, each goroutine's header (ids other than main's as `N`), the
/// frames of package main with their `file:line`, and `created by main.`
/// lines. Frames of the standard library differ (gol's fmt is a native,
/// Go's has four frames of its own between `Println` and the method).
fn report_lines(err: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = err.lines().peekable();
    while let Some(l) = lines.next() {
        if l.starts_with("fatal error: ") {
            out.push(l.to_string());
        } else if let Some(rest) = l.strip_prefix("goroutine ") {
            let (id, tail) = rest.split_once(' ').unwrap_or((rest, ""));
            let id = if id == "1" { id } else { "N" };
            out.push(format!("goroutine {id} {tail}"));
        } else if l.starts_with("main.") || l.starts_with("created by main.") {
            let name = l.split('(').next().unwrap_or(l);
            let at = lines.peek().map_or("", |n| {
                let loc = n.trim_start().split(' ').next().unwrap_or("");
                loc.rsplit('/').next().unwrap_or(loc)
            });
            out.push(format!("{name} at {at}"));
        }
    }
    out
}

/// A program of tests/stress/deadlock at 1, 2 and 8 Ps, `runs` times
/// each: its stdout must be `NAME.out`, its exit status `NAME.code`, and
/// its report's shared lines ([`report_lines`]) those of `NAME.err`, all
/// from native Go.
fn run_deadlock(path: &Path, runs: usize) -> Result<(), libtest_mimic::Failed> {
    let read = |ext: &str| std::fs::read_to_string(path.with_extension(ext));
    let want_out = read("out").map_err(|e| e.to_string())?;
    let want_err = report_lines(&read("err").map_err(|e| e.to_string())?);
    let want_code: i32 = read("code")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .unwrap_or(0);
    for _ in 0..runs {
        for procs in [1, 2, 8] {
            let out = gol_run(path, procs)?;
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            let got_err = report_lines(&stderr);
            if out.status.code() != Some(want_code) || stdout != want_out || got_err != want_err {
                return Err(format!(
                    "GOMAXPROCS={procs}: {}\n--- stdout\n{stdout}--- want report\n{}\n--- stderr\n{stderr}",
                    out.status,
                    want_err.join("\n")
                )
                .into());
            }
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let repeat: usize = std::env::var("GOL_STRESS_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2);
    let files: Vec<PathBuf> = common::files_with(&common::root().join("tests/stress"), &[".go"]);
    let mut trials = Vec::new();
    for p in files.clone() {
        let name = format!("stress/{}", p.file_name().unwrap().to_string_lossy());
        trials.push(Trial::test(name, move || run_all(&p, repeat)));
    }
    trials.push(
        Trial::test("stress_long", move || {
            for p in &files {
                run_all(p, 20)?;
            }
            Ok(())
        })
        .with_ignored_flag(true),
    );
    // GOL_RACY_RUNS=N: runs per racy program and GOMAXPROCS (default 3);
    // the ignored trial `racy_100` runs each 100 times.
    let racy_runs: usize = std::env::var("GOL_RACY_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let racy: Vec<PathBuf> =
        common::files_with(&common::root().join("tests/stress/racy"), &[".go"]);
    for p in racy.clone() {
        let name = format!("racy/{}", p.file_name().unwrap().to_string_lossy());
        trials.push(Trial::test(name, move || run_racy(&p, racy_runs)));
    }
    trials.push(
        Trial::test("racy_100", move || {
            for p in &racy {
                run_racy(p, 100)?;
            }
            Ok(())
        })
        .with_ignored_flag(true),
    );
    for p in common::files_with(&common::root().join("tests/stress/deadlock"), &[".go"]) {
        let name = format!("deadlock/{}", p.file_name().unwrap().to_string_lossy());
        trials.push(Trial::test(name, move || run_deadlock(&p, repeat)));
    }
    libtest_mimic::run(&args, trials).exit();
}
