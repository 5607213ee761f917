//! A token passed round a ring of goroutines connected by channels.

#[path = "sched_common.rs"]
mod common;
use common::*;
use gol_vm::sched::chan::Chan;
use gol_vm::sched::{RunExit, RunOutcome};
use std::sync::Arc;

/// `n` goroutines in a ring; main injects a token that goes round `laps`
/// times, incremented at every hop; main checks the final count.
fn ring(procs: usize, n: usize, laps: u64, cap: usize) {
    let chans: Vec<Arc<Chan>> = (0..=n).map(|_| chan(1, cap)).collect();
    let first = chans[0].clone();
    let last = chans[n].clone();
    let mut spawned = false;
    let mut lap = 0u64;
    let (mut tx, mut rx) = (Tx::default(), Rx::default());
    let mut holding: Option<u64> = Some(0);
    let main = g(move |cx| {
        if !spawned {
            spawned = true;
            for i in 0..n {
                let (inp, out) = (chans[i].clone(), chans[i + 1].clone());
                let (mut rx, mut tx) = (Rx::default(), Tx::default());
                let mut tok: Option<u64> = None;
                cx.spawn(g(move |cx| {
                    if tok.is_none() {
                        let (v, ok) = try_step!(rx.step(cx, Some(&inp)));
                        if !ok {
                            // Closed: the run is over, pass the close on.
                            let _ = gol_vm::sched::chan::close(cx, Some(&out));
                            return Step::Out(RunOutcome::Done);
                        }
                        tok = Some(v[0] + 1);
                    }
                    let v = tok.unwrap_or(0);
                    try_step!(tx.step(cx, Some(&out), &[v])).expect("ring channel closed early");
                    tok = None;
                    Step::Go
                }));
            }
            return Step::Go;
        }
        if let Some(v) = holding {
            try_step!(tx.step(cx, Some(&first), &[v])).expect("open");
            holding = None;
        }
        let (v, _) = try_step!(rx.step(cx, Some(&last)));
        lap += 1;
        assert_eq!(v[0], lap * n as u64, "token count after lap {lap}");
        if lap == laps {
            return Step::Out(RunOutcome::Done);
        }
        holding = Some(v[0]);
        Step::Go
    });
    let (r, _) = run(procs, main);
    assert!(matches!(r, RunExit::Done), "{r:?}");
}

#[test]
fn ring_of_10000_unbuffered() {
    for procs in PROCS {
        ring(procs, 10_000, 5, 0);
    }
}

#[test]
fn ring_of_10000_buffered() {
    for procs in PROCS {
        ring(procs, 10_000, 3, 1);
    }
}

#[test]
fn small_ring_many_laps_repeated() {
    for procs in PROCS {
        for _ in 0..5 {
            ring(procs, 50, 200, 0);
        }
    }
}

#[test]
#[ignore = "heavy: 10,000 goroutines, 100 laps, each GOMAXPROCS"]
fn ring_of_10000_many_laps() {
    for procs in PROCS {
        ring(procs, 10_000, 100, 0);
    }
}
