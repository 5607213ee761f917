//! GODEBUG=schedtrace/scheddetail text.

#[path = "sched_common.rs"]
mod common;
use common::*;
use gol_vm::sched::{Config, RunExit, RunOutcome, Sched};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Checks one summary line field by field against Go 1.27's shape:
/// `SCHED 12ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=0
/// needspinning=0 idlethreads=1 runqueue=3 [ 12 0 ] schedticks=[ 9 3 ]`.
fn check_summary(line: &str, procs: usize) {
    let rest = line
        .strip_prefix("SCHED ")
        .unwrap_or_else(|| panic!("{line}"));
    let (ms, rest) = rest.split_once("ms: ").unwrap_or_else(|| panic!("{line}"));
    ms.parse::<u64>().unwrap_or_else(|_| panic!("{line}"));
    let (fields, lists) = rest.split_once(" [ ").unwrap_or_else(|| panic!("{line}"));
    let names: Vec<&str> = fields
        .split(' ')
        .map(|f| f.split_once('=').map_or(f, |p| p.0))
        .collect();
    assert_eq!(
        names,
        [
            "gomaxprocs",
            "idleprocs",
            "threads",
            "spinningthreads",
            "needspinning",
            "idlethreads",
            "runqueue"
        ],
        "{line}"
    );
    for f in fields.split(' ') {
        let v = f.split_once('=').map(|p| p.1).unwrap_or("");
        v.parse::<u64>().unwrap_or_else(|_| panic!("{f} in {line}"));
    }
    assert!(
        fields.starts_with(&format!("gomaxprocs={procs} ")),
        "{line}"
    );
    let (queues, ticks) = lists
        .split_once(" ] schedticks=[ ")
        .unwrap_or_else(|| panic!("{line}"));
    assert_eq!(queues.split(' ').count(), procs, "{line}");
    let ticks = ticks.strip_suffix(" ]").unwrap_or_else(|| panic!("{line}"));
    assert_eq!(ticks.split(' ').count(), procs, "{line}");
}

#[test]
fn schedtrace_lines_from_sysmon() {
    for procs in [1, 3] {
        let lines = Arc::new(Mutex::new(Vec::<String>::new()));
        let l2 = lines.clone();
        let mut cfg = Config::new(procs);
        cfg.schedtrace_ms = 10;
        cfg.trace_sink = Some(Box::new(move |s| l2.lock().unwrap().push(s.to_string())));
        let s = Sched::new(Toy, cfg);
        let mut sl = Sleep::default();
        let mut spawned = false;
        let r = s.run(g(move |cx| {
            if !spawned {
                spawned = true;
                for _ in 0..4 {
                    cx.spawn(g(|_| Step::Go));
                }
            }
            // Long enough for three 10 ms lines even when a loaded
            // machine delays sysmon's first wakeups by tens of ms.
            try_step!(sl.step(cx, Duration::from_millis(300)));
            Step::Out(RunOutcome::Done)
        }));
        assert!(matches!(r, RunExit::Done), "{r:?}");
        let lines = lines.lock().unwrap();
        assert!(lines.len() >= 3, "{lines:?}");
        for l in lines.iter() {
            assert!(l.ends_with('\n'));
            check_summary(l.trim_end(), procs);
        }
    }
}

#[test]
fn scheddetail_lists_ps_ms_and_gs() {
    let text = Arc::new(Mutex::new(String::new()));
    let t2 = text.clone();
    let c = chan(1, 0);
    let mut spawned = false;
    let mut rx = Rx::default();
    let (r, _) = run(
        2,
        g(move |cx| {
            if !spawned {
                spawned = true;
                let c = c.clone();
                let mut tx = Tx::default();
                let t2 = t2.clone();
                let mut taken = false;
                cx.spawn(g(move |cx| {
                    // Main is parked on the channel by now (it ran first
                    // only if it was not stolen; either way it is not
                    // running on this M). Once: a send that parks runs
                    // this closure again when it resumes, by which time
                    // main may have received and ended.
                    if !taken {
                        taken = true;
                        *t2.lock().unwrap() = cx.schedtrace(true);
                    }
                    try_step!(tx.step(cx, Some(&c), &[1])).expect("open");
                    Step::Out(RunOutcome::Done)
                }));
            }
            try_step!(rx.step(cx, Some(&c)));
            Step::Out(RunOutcome::Done)
        }),
    );
    assert!(matches!(r, RunExit::Done), "{r:?}");
    let text = text.lock().unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("SCHED "), "{text}");
    assert!(
        lines[0].ends_with(" gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=false"),
        "{text}"
    );
    assert!(lines[1].starts_with("  P0: status="), "{text}");
    assert!(lines[2].starts_with("  P1: status="), "{text}");
    assert!(lines.iter().any(|l| l.starts_with("  M0: p=")), "{text}");
    // The goroutine taking the snapshot is running (status 2) on some M.
    let g2 = lines
        .iter()
        .find(|l| l.starts_with("  G2: "))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(g2.starts_with("  G2: status=2() m="), "{text}");
    assert!(!g2.contains(" m=nil "), "{text}");
    let g1 = lines
        .iter()
        .find(|l| l.starts_with("  G1: "))
        .unwrap_or_else(|| panic!("{text}"));
    // main is parked on the channel, queued, or (if G2 was stolen by
    // another P) still running towards its receive on another M.
    assert!(
        *g1 == "  G1: status=4(chan receive) m=nil lockedm=nil"
            || g1.starts_with("  G1: status=1() m=nil")
            || (g1.starts_with("  G1: status=2() m=") && !g1.contains(" m=nil ")),
        "{text}"
    );
}
