//! The race detector end to end: `tests/race/NAME.go` runs under `gol run
//! -race` at GOMAXPROCS 1, 2 and 8. Its expectations come from native Go's
//! race detector (`tests/race/gen.sh`, `go build -race`): stdout must
//! equal `NAME.out` and the exit status `NAME.code` (0 when absent); when
//! Go reported races (`NAME.err`), gol must report as many, in Go's
//! format, naming the same source lines (which goroutine is "current" and
//! which "previous", and their numbers, depend on the schedule in both
//! implementations, so they are checked for consistency, not equality);
//! when Go reported none, gol's stderr must be empty.
//!
//! Then the command line (`-race`, `--race`, `GORACE`) and the library's
//! `Builder::race`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn gol_race(file: &Path, procs: &str, gorace: Option<&str>, flag: &str) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gol"));
    cmd.arg("run").arg(flag).arg(file).env("GOMAXPROCS", procs);
    match gorace {
        Some(v) => cmd.env("GORACE", v),
        None => cmd.env_remove("GORACE"),
    };
    let out = cmd.output().expect("run gol");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The `file:line` locations a report names in the program's own file.
fn locations(stderr: &str, base: &str) -> BTreeSet<String> {
    stderr
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let at = l.rfind('/').map_or(l, |k| &l[k + 1..]);
            let at = at.split(' ').next().unwrap_or(at);
            at.starts_with(&format!("{base}:")).then(|| at.to_string())
        })
        .collect()
}

/// Checks that `stderr` is a sequence of reports in Go's format: the
/// banner, an access line, a stack, the previous access, a stack, then
/// a `created at` section for every goroutine named (but main).
fn check_format(stderr: &str) {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut k = 0;
    let mut reports = 0;
    while k < lines.len() && lines[k] == "==================" {
        if lines.get(k + 1) == Some(&"==================") {
            break;
        }
        reports += 1;
        assert_eq!(lines.get(k + 1), Some(&"WARNING: DATA RACE"), "{stderr}");
        let end = lines[k + 1..]
            .iter()
            .position(|l| *l == "==================")
            .map(|e| k + 1 + e)
            .unwrap_or_else(|| panic!("unterminated report:\n{stderr}"));
        let body = &lines[k + 2..end];
        let access = body[0];
        let ok = (access.starts_with("Read at 0x") || access.starts_with("Write at 0x"))
            && access.ends_with(':');
        assert!(ok, "access line {access:?}");
        let prev = body
            .iter()
            .find(|l| l.starts_with("Previous "))
            .unwrap_or_else(|| panic!("no previous access:\n{stderr}"));
        let mut named = Vec::new();
        for l in [access, prev] {
            let who = l.rsplit(" by ").next().unwrap().trim_end_matches(':');
            if let Some(n) = who.strip_prefix("goroutine ") {
                named.push(n.to_string());
            } else {
                assert_eq!(who, "main goroutine", "{l}");
            }
        }
        for n in named {
            let running = format!("Goroutine {n} (running) created at:");
            let finished = format!("Goroutine {n} (finished) created at:");
            assert!(
                body.iter().any(|l| *l == running || *l == finished),
                "goroutine {n} has no creation section:\n{stderr}"
            );
        }
        // Stack frames: a function at two spaces, its place at six.
        for w in body.windows(2) {
            if w[0].starts_with("  ") && !w[0].starts_with("      ") {
                assert!(w[0].ends_with("()"), "frame {:?}", w[0]);
                // A path (gol's own packages are `<gol>/...`).
                let place = w[1].strip_prefix("      ").unwrap_or("");
                assert!(
                    place.starts_with('/') || place.starts_with("<gol>/"),
                    "place {:?}",
                    w[1]
                );
                assert!(w[1].contains(" +0x"), "place {:?}", w[1]);
            }
        }
        k = end + 1;
    }
    assert!(reports > 0, "no report:\n{stderr}");
    let rest: Vec<&str> = lines[k..].to_vec();
    assert_eq!(
        rest,
        vec![format!("Found {reports} data race(s)").as_str()],
        "after the reports:\n{stderr}"
    );
}

fn check_program(name: &str) {
    let dir = common::root().join("tests/race");
    let file = dir.join(format!("{name}.go"));
    let want_out = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap();
    let want_err = std::fs::read_to_string(dir.join(format!("{name}.err"))).unwrap_or_default();
    let want_code: i32 = std::fs::read_to_string(dir.join(format!("{name}.code")))
        .map_or(0, |s| s.trim().parse().unwrap());
    for procs in ["1", "2", "8"] {
        let (code, out, err) = gol_race(&file, procs, None, "-race");
        let ctx = format!("{name} at GOMAXPROCS={procs}:\n{err}");
        assert_eq!(code, want_code, "exit status of {ctx}");
        assert_eq!(out, want_out, "stdout of {ctx}");
        if want_err.is_empty() {
            assert_eq!(err, "", "a correctly synchronised program reported: {ctx}");
            continue;
        }
        check_format(&err);
        let n = |s: &str| s.matches("WARNING: DATA RACE").count();
        assert_eq!(n(&err), n(&want_err), "reports of {ctx}");
        let base = format!("{name}.go");
        let (ours, go) = (locations(&err, &base), locations(&want_err, &base));
        if want_err.contains("\n  runtime.") {
            // Go's stack of a map access can stop in the runtime's map
            // code (the caller's frame lost to inlining): gol names the
            // caller's line as well.
            assert!(
                ours.is_superset(&go),
                "lines named by {ctx}: {ours:?} {go:?}"
            );
        } else {
            assert_eq!(ours, go, "lines named by {ctx}");
        }
    }
}

macro_rules! programs {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check_program(stringify!($name));
            }
        )*
    };
}

programs!(
    // Racy: reported, exit status 66.
    counter,
    global,
    slice,
    map,
    field,
    captured,
    loop_once,
    mutex_two,
    chan_late,
    wg_early,
    copy,
    copy_dst,
    append,
    append_grow,
    fmt_slice,
    fmt_map,
    join,
    nested_method_race,
    // Correctly synchronised twins: nothing reported.
    counter_mutex,
    channels,
    sem_send,
    wait_handoff,
    after_wait,
    atomics,
    cond,
    afterfunc,
    afterfunc_race,
    copy_sync,
    append_sync,
    fmt_sync,
    net_io_sync,
    nested_method_ordered,
);

#[test]
fn every_program_is_listed() {
    let listed = [
        "counter",
        "global",
        "slice",
        "map",
        "field",
        "captured",
        "loop_once",
        "mutex_two",
        "chan_late",
        "wg_early",
        "counter_mutex",
        "channels",
        "sem_send",
        "wait_handoff",
        "after_wait",
        "atomics",
        "cond",
        "afterfunc",
        "afterfunc_race",
        "copy",
        "copy_dst",
        "append",
        "append_grow",
        "fmt_slice",
        "fmt_map",
        "join",
        "copy_sync",
        "append_sync",
        "fmt_sync",
        "net_io_sync",
        "nested_method_race",
        "nested_method_ordered",
    ];
    let dir = common::root().join("tests/race");
    for p in common::files_with(&dir, &[".go"]) {
        let stem = p.file_stem().unwrap().to_string_lossy().to_string();
        assert!(listed.contains(&stem.as_str()), "{stem}.go is not tested");
    }
}

fn counter_go() -> std::path::PathBuf {
    common::root().join("tests/race/counter.go")
}

#[test]
fn double_dash_spelling_works_too() {
    let (code, _, err) = gol_race(&counter_go(), "2", None, "--race");
    assert_eq!(code, 66);
    assert!(
        err.starts_with("==================\nWARNING: DATA RACE\n"),
        "{err}"
    );
}

#[test]
fn without_race_nothing_is_reported() {
    let out = Command::new(env!("CARGO_BIN_EXE_gol"))
        .arg("run")
        .arg(counter_go())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
}

#[test]
fn gorace_exitcode_sets_the_status() {
    let (code, _, err) = gol_race(&counter_go(), "2", Some("exitcode=3"), "-race");
    assert_eq!(code, 3, "{err}");
    assert!(err.ends_with("Found 1 data race(s)\n"), "{err}");
}

#[test]
fn gorace_halt_on_error_stops_at_the_first_report() {
    let (code, out, err) = gol_race(&counter_go(), "2", Some("halt_on_error=1"), "-race");
    assert_eq!(code, 66, "{err}");
    // The program's own line after the loop never comes.
    assert_eq!(out, "");
    assert_eq!(err.matches("WARNING: DATA RACE").count(), 1, "{err}");
    assert!(!err.contains("Found"), "{err}");
}

#[test]
fn gorace_log_path_writes_the_reports_to_a_file() {
    let dir = std::env::temp_dir().join(format!("gol-race-log-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let prefix = dir.join("report");
    let setting = format!("log_path={}", prefix.display());
    let (code, _, err) = gol_race(&counter_go(), "2", Some(&setting), "-race");
    assert_eq!(code, 66);
    assert_eq!(err, "", "reports went to the file");
    let logs: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(logs.len(), 1);
    let name = logs[0].file_name().to_string_lossy().to_string();
    assert!(name.starts_with("report."), "{name}: PATH.PID");
    let text = std::fs::read_to_string(logs[0].path()).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(text.contains("WARNING: DATA RACE"), "{text}");
    assert!(text.ends_with("Found 1 data race(s)\n"), "{text}");
}

#[test]
fn a_bad_gorace_is_an_error() {
    let (code, _, err) = gol_race(&counter_go(), "2", Some("exitcode=abc"), "-race");
    assert_eq!(code, 2);
    assert!(err.contains("exitcode"), "{err}");
}

#[test]
fn the_program_arguments_keep_their_dashes() {
    let dir = std::env::temp_dir().join(format!("gol-race-args-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("args.go");
    std::fs::write(
        &f,
        "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() { fmt.Println(os.Args[1:]) }\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gol"))
        .args(["run", "-race"])
        .arg(&f)
        .args(["-race", "x"])
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[-race x]\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_library_runs_the_detector_through_the_builder() {
    let err = gol::SharedBuffer::new();
    let out = gol::SharedBuffer::new();
    let vm = gol::Vm::builder()
        .gomaxprocs(2)
        .race(gol::RaceOptions::default())
        .stdout(gol::Output::writer(out.clone()))
        .stderr(gol::Output::writer(err.clone()))
        .build()
        .unwrap();
    let src = std::fs::read_to_string(counter_go()).unwrap();
    let prog = vm.compile(&src).unwrap();
    let code = vm.run(&prog).unwrap();
    assert_eq!(code, 66, "{}", err.text());
    assert_eq!(out.text(), "true\n");
    assert!(err.text().contains("WARNING: DATA RACE"), "{}", err.text());
    // Without the option the same VM settings report nothing.
    let vm = gol::Vm::builder()
        .gomaxprocs(2)
        .stdout(gol::Output::Discard)
        .stderr(gol::Output::writer(err.clone()))
        .build()
        .unwrap();
    err.take();
    assert_eq!(vm.run(&prog).unwrap(), 0);
    assert_eq!(err.text(), "");
}

/// The golden programs of `tests/run` that start goroutines and end
/// normally are correctly synchronised (their output is deterministic):
/// under `-race` each prints what it prints without it, and nothing is
/// reported.
#[test]
fn synchronised_golden_programs_report_nothing() {
    let dir = common::root().join("tests/run");
    let mut ran = 0;
    for p in common::files_with(&dir, &[".go"]) {
        let text = std::fs::read_to_string(&p).unwrap();
        let stem = p.with_extension("");
        let has_code = stem.with_extension("code").exists();
        let starts = text.contains("go func") || text.contains("\tgo ");
        if !starts
            || has_code
            || p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("gcstress")
        {
            continue;
        }
        let Ok(want) = std::fs::read_to_string(stem.with_extension("out")) else {
            continue;
        };
        let out = Command::new(env!("CARGO_BIN_EXE_gol"))
            .args(["run", "-race"])
            .arg(&p)
            .current_dir(&dir)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("DATA RACE"), "{}:\n{err}", p.display());
        assert_eq!(out.status.code(), Some(0), "{}:\n{err}", p.display());
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            want,
            "{}",
            p.display()
        );
        ran += 1;
    }
    assert!(ran >= 20, "only {ran} programs start goroutines");
}
