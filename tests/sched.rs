//! Seeded schedules (`gol run -sched=random:SEED`, `-sched=pct:SEED,DEPTH`)
//! and the search over them (`-explore=N`), end to end through the `gol`
//! binary: a seed replays its run byte for byte, different seeds reach
//! different interleavings, PCT without change points never interleaves
//! two goroutines, time is virtual, `-explore` finds the rare bugs of
//! `tests/sched/` and its replay line reproduces them every time, and the
//! golden programs of `tests/run` print the same under seeded schedules.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// (exit status, stdout, stderr) of `gol run ARGS...`.
/// Runs `gol run ARGS` under coreutils' `timeout`, so a program that
/// hangs on a seeded schedule fails its test (status 124) instead of
/// stalling the suite.
fn gol(args: &[&str]) -> (i32, String, String) {
    let out = Command::new("timeout")
        .args(["120", env!("CARGO_BIN_EXE_gol"), "run"])
        .args(args)
        .env_remove("GORACE")
        .env_remove("GODEBUG")
        .output()
        .expect("run gol");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn path(rel: &str) -> String {
    common::root().join(rel).display().to_string()
}

#[test]
fn bad_schedules_are_usage_errors() {
    for bad in [
        "-sched=fifo:1",
        "-sched=pct:1,0",
        "-sched=random:x",
        "--sched=pct:",
    ] {
        let (code, out, err) = gol(&[bad, &path("examples/hello.gol")]);
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(
            out.is_empty() && err.contains("invalid schedule"),
            "{bad}: {err}"
        );
    }
    let (code, _, err) = gol(&["-explore=0", &path("examples/hello.gol")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("at least one schedule"), "{err}");
}

#[test]
fn a_seed_replays_its_run_byte_for_byte() {
    let progs = [
        ("examples/race_counter.gol", true),
        ("examples/race_counter.gol", false),
        ("tests/sched/check_then_act.go", false),
        ("tests/sched/virtual_time.go", false),
        ("examples/pipeline.gol", false),
        ("examples/worker_pool.gol", false),
        ("tests/run/go_select.go", false),
    ];
    for (p, race) in progs {
        let file = path(p);
        for spec in ["random:5", "pct:9,3", "pct:123456789,10"] {
            let flag = format!("-sched={spec}");
            let mut args = vec![flag.as_str()];
            if race {
                args.insert(0, "-race");
            }
            args.push(&file);
            let first = gol(&args);
            for _ in 0..2 {
                assert_eq!(gol(&args), first, "{p} {spec} race={race}");
            }
        }
    }
}

#[test]
fn seeds_reach_different_interleavings() {
    let file = path("examples/race_counter.gol");
    let mut totals = std::collections::BTreeSet::new();
    for seed in 1..=12 {
        let (code, out, err) = gol(&[&format!("-sched=random:{seed}"), &file]);
        assert_eq!(code, 0, "{err}");
        totals.insert(out);
    }
    // Lost updates happen, and not the same way under every seed.
    assert!(totals.len() >= 3, "{totals:?}");
    assert!(
        !totals.contains("counter: 8000\n") || totals.len() > 3,
        "{totals:?}"
    );
}

#[test]
fn pct_without_change_points_never_interleaves() {
    // Depth 1: the runnable goroutine of highest priority runs until it
    // blocks or ends, so no two increments loops overlap.
    let file = path("examples/race_counter.gol");
    for seed in 1..=10 {
        let (code, out, err) = gol(&[&format!("-sched=pct:{seed},1"), &file]);
        assert_eq!(
            (code, out.as_str()),
            (0, "counter: 8000\n"),
            "seed {seed}: {err}"
        );
    }
}

#[test]
fn time_is_virtual() {
    let t0 = std::time::Instant::now();
    let (code, out, err) = gol(&["-sched=random:1", &path("tests/sched/virtual_time.go")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out, "1h0m0s\n2h0m0s\n3h0m0s\na day later\n27h0m0s\n1257894000\n",
        "{err}"
    );
    // A day and three hours of sleeping took no such time.
    assert!(t0.elapsed().as_secs() < 600);
}

/// Runs `-explore=N` and returns the failing run's status, stdout, its
/// stderr without gol's own closing lines, and the replay command's
/// arguments after `gol run`.
fn explore(args: &[&str]) -> (i32, String, String, Vec<String>) {
    let (code, out, err) = gol(args);
    let at = err
        .find("gol: schedule ")
        .unwrap_or_else(|| panic!("no schedule found: {err}"));
    let (report, tail) = err.split_at(at);
    let replay = tail
        .lines()
        .nth(1)
        .and_then(|l| l.trim().strip_prefix("gol run "))
        .unwrap_or_else(|| panic!("no replay line: {tail}"));
    let words = replay.split(' ').map(str::to_string).collect();
    (code, out, report.to_string(), words)
}

fn replays_every_time(code: i32, out: &str, report: &str, words: &[String], dir: &Path) {
    for _ in 0..20 {
        let o = Command::new(env!("CARGO_BIN_EXE_gol"))
            .arg("run")
            .args(words)
            .current_dir(dir)
            .env_remove("GORACE")
            .output()
            .expect("run gol");
        assert_eq!(o.status.code(), Some(code));
        assert_eq!(String::from_utf8_lossy(&o.stdout), out);
        assert_eq!(String::from_utf8_lossy(&o.stderr), report);
    }
}

#[test]
fn explore_finds_a_check_then_act_and_its_seed_replays_it() {
    let dir = common::root().join("tests/sched");
    let (code, out, report, words) =
        explore(&["-explore=1000", &path("tests/sched/check_then_act.go")]);
    assert_eq!(code, 2);
    assert!(
        report.starts_with("panic: overdrawn: balance -50"),
        "{report}"
    );
    assert!(words[0].starts_with("-sched=pct:"), "{words:?}");
    replays_every_time(code, &out, &report, &words, &dir);
}

#[test]
fn explore_finds_a_lost_wakeup_and_its_seed_replays_it() {
    let dir = common::root().join("tests/sched");
    let (code, out, report, words) =
        explore(&["-explore=1000", &path("tests/sched/lost_wakeup.go")]);
    assert_eq!(code, 2);
    assert!(
        report.starts_with(
            "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [sync.Cond.Wait]:"
        ),
        "{report}"
    );
    assert!(out.is_empty(), "{out}");
    replays_every_time(code, &out, &report, &words, &dir);
}

#[test]
fn explore_with_race_stops_at_a_race_and_passes_fixed_programs() {
    let dir = common::root().join("examples");
    let (code, out, report, words) =
        explore(&["-race", "-explore=50", &path("examples/race_counter.gol")]);
    assert_eq!(code, 66);
    assert!(
        report.starts_with("==================\nWARNING: DATA RACE\n"),
        "{report}"
    );
    assert!(report.ends_with("Found 1 data race(s)\n"), "{report}");
    assert_eq!(words[0], "-race");
    replays_every_time(code, &out, &report, &words, &dir);
    for fixed in [
        "race_fixed_mutex",
        "race_fixed_atomic",
        "race_fixed_channel",
    ] {
        let (code, out, err) = gol(&[
            "-race",
            "-explore=25",
            &path(&format!("examples/{fixed}.gol")),
        ]);
        assert_eq!(code, 0, "{fixed}: {err}");
        assert_eq!(out, "", "{fixed}");
        assert!(
            err.contains("25 schedules (pct:1,3 to pct:25,3): no race"),
            "{fixed}: {err}"
        );
    }
}

/// The programs of `tests/run` whose output depends on the real clock or
/// on real I/O timing, which a seeded run replaces: `time_values` checks
/// that now is after 2020 (the virtual clock starts in 2009); the `net_`
/// programs wait for real sockets.
fn clock_or_io_bound(name: &str) -> bool {
    // The pkg_signal programs wait for signals in a blocking system call,
    // which a seeded (one-thread) run cannot overlap with the sender.
    name == "time_values" || name.starts_with("net_") || name.starts_with("pkg_signal")
}

#[test]
fn golden_programs_print_the_same_on_seeded_schedules() {
    let dir = common::root().join("tests/run");
    let progs: Vec<PathBuf> = common::files_with(&dir, &[".go"]);
    let mut failures = Vec::new();
    let mut ran = 0;
    for p in &progs {
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        // gcstress_ programs need the setting tests/run gives them
        // (GOL_GCSTRESS); liveness_ programs print whether a finalizer ran
        // before a later line, which a seeded schedule may put off (the
        // finalizer goroutine is runnable, not run: random:1 prints
        // "finalized during work: false" for liveness_dead_local).
        if clock_or_io_bound(&name)
            || name.starts_with("gcstress_")
            || name.starts_with("liveness_")
        {
            continue;
        }
        let want_out =
            String::from_utf8_lossy(&std::fs::read(p.with_extension("out")).unwrap_or_default())
                .into_owned();
        let want_err = std::fs::read_to_string(p.with_extension("err")).unwrap_or_default();
        let want_code: i32 = std::fs::read_to_string(p.with_extension("code"))
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        for spec in ["-sched=random:1", "-sched=pct:1,3"] {
            ran += 1;
            let (code, out, err) = gol(&[spec, &p.display().to_string()]);
            let first = |s: &str| s.lines().next().unwrap_or("").to_string();
            if code != want_code || out != want_out || first(&err) != first(&want_err) {
                failures.push(format!(
                    "{name} {spec}: status {code} (want {want_code}), stderr {:?}",
                    first(&err)
                ));
            }
        }
    }
    assert!(ran > 300, "only {ran} runs");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_library_runs_seeded_schedules() {
    let out = gol::SharedBuffer::new();
    let vm = gol::Vm::builder()
        .sched(gol::SchedSpec::parse("pct:4,1").unwrap())
        .stdout(gol::Output::writer(out.clone()))
        .build()
        .unwrap();
    let src = std::fs::read_to_string(path("examples/race_counter.gol")).unwrap();
    let prog = vm.compile(&src).unwrap();
    assert_eq!(vm.run(&prog).unwrap(), 0);
    assert_eq!(out.text(), "counter: 8000\n");
}
