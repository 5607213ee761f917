//! Creating and joining many goroutines.

#[path = "sched_common.rs"]
mod common;
use common::*;
use gol_vm::sched::{RunExit, RunOutcome, Stats};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// main starts `total` goroutines in waves of `wave`; each sends its index
/// on `done`; main receives them all and checks the sum.
fn spawn_and_join(procs: usize, total: u64, wave: u64) {
    let done = chan(1, 256);
    let ran = Arc::new(AtomicU64::new(0));
    let (mut started, mut joined, mut sum) = (0u64, 0u64, 0u64);
    let mut rx = Rx::default();
    let ran2 = ran.clone();
    let main = g(move |cx| {
        if started < total && started == joined {
            let end = (started + wave).min(total);
            for i in started..end {
                let (done, ran) = (done.clone(), ran2.clone());
                let mut tx = Tx::default();
                let mut counted = false;
                cx.spawn(g(move |cx| {
                    if !counted {
                        counted = true;
                        ran.fetch_add(1, Ordering::Relaxed);
                    }
                    match try_step!(tx.step(cx, Some(&done), &[i])) {
                        Ok(()) => Step::Out(RunOutcome::Done),
                        Err(e) => panic!("{e}"),
                    }
                }));
            }
            started = end;
            return Step::Go;
        }
        if joined == total {
            assert_eq!(sum, total * (total - 1) / 2);
            return Step::Out(RunOutcome::Done);
        }
        let (v, ok) = try_step!(rx.step(cx, Some(&done)));
        assert!(ok);
        sum += v[0];
        joined += 1;
        Step::Go
    });
    let (r, s) = run(procs, main);
    assert!(matches!(r, RunExit::Done), "{r:?}");
    assert_eq!(ran.load(Ordering::Relaxed), total);
    assert_eq!(Stats::get(&s.stats().spawned), total + 1);
}

#[test]
fn hundred_thousand_goroutines_each_procs() {
    for procs in PROCS {
        spawn_and_join(procs, 100_000, 20_000);
    }
}

#[test]
#[ignore = "heavy: ~10 s in a debug build"]
fn a_million_goroutines() {
    spawn_and_join(8, 1_000_000, 50_000);
}

#[test]
#[ignore = "heavy: a million goroutines alive at once, under 1, 2 and 8 Ps"]
fn a_million_goroutines_at_once_each_procs() {
    for procs in PROCS {
        spawn_and_join(procs, 1_000_000, 1_000_000);
    }
}

/// Goroutines that start goroutines: a binary tree of depth 14.
#[test]
fn spawn_tree() {
    for procs in PROCS {
        for _ in 0..3 {
            let leaves = Arc::new(AtomicU64::new(0));
            let root_done = chan(0, 0);
            fn node(
                depth: u32,
                up: Arc<gol_vm::sched::chan::Chan>,
                leaves: Arc<AtomicU64>,
            ) -> ToyG {
                let mine = chan(0, 2);
                let mut phase = 0;
                let (mut rx, mut tx) = (Rx::default(), Tx::default());
                g(move |cx| {
                    if phase == 0 {
                        if depth == 0 {
                            leaves.fetch_add(1, Ordering::Relaxed);
                            phase = 3;
                        } else {
                            cx.spawn(node(depth - 1, mine.clone(), leaves.clone()));
                            cx.spawn(node(depth - 1, mine.clone(), leaves.clone()));
                            phase = 1;
                        }
                        return Step::Go;
                    }
                    while phase < 3 {
                        try_step!(rx.step(cx, Some(&mine)));
                        phase += 1;
                    }
                    try_step!(tx.step(cx, Some(&up), &[])).expect("open");
                    Step::Out(RunOutcome::Done)
                })
            }
            let (rd, lv) = (root_done.clone(), leaves.clone());
            let mut spawned = false;
            let mut rx = Rx::default();
            let main = g(move |cx| {
                if !spawned {
                    spawned = true;
                    cx.spawn(node(14, rd.clone(), lv.clone()));
                }
                try_step!(rx.step(cx, Some(&rd)));
                Step::Out(RunOutcome::Done)
            });
            let (r, _) = run(procs, main);
            assert!(matches!(r, RunExit::Done), "{r:?}");
            assert_eq!(leaves.load(Ordering::Relaxed), 1 << 14);
        }
    }
}
