//! Deadlock detection, timers, and the absence of false reports.

#[path = "sched_common.rs"]
mod common;
use common::*;
use gol_vm::sched::{GStatus, RunExit, RunOutcome};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// main waits on a channel nobody will ever send on, while other
/// goroutines wait on each other: Go's "all goroutines are asleep".
#[test]
fn deadlock_is_reported_with_every_goroutine() {
    for procs in PROCS {
        for _ in 0..5 {
            let never = chan(1, 0);
            let pair = chan(1, 0);
            let mut spawned = false;
            let mut rx = Rx::default();
            let main = g(move |cx| {
                if !spawned {
                    spawned = true;
                    for _ in 0..3 {
                        let p = pair.clone();
                        let mut rx = Rx::default();
                        cx.spawn(g(move |cx| {
                            try_step!(rx.step(cx, Some(&p)));
                            Step::Out(RunOutcome::Done)
                        }));
                    }
                    let n = never.clone();
                    let mut tx = Tx::default();
                    cx.spawn(g(move |cx| {
                        try_step!(tx.step(cx, Some(&n), &[5])).ok();
                        Step::Out(RunOutcome::Done)
                    }));
                    // One goroutine finishes normally and must not appear.
                    cx.spawn(g(|_| Step::Out(RunOutcome::Done)));
                }
                let blocked_on = chan(1, 0);
                let _keep = &blocked_on;
                try_step!(rx.step(cx, Some(&never_recv_only())));
                Step::Out(RunOutcome::Done)
            });
            let t = Instant::now();
            let (r, _) = run(procs, main);
            let RunExit::Deadlock(gs) = r else {
                panic!("{r:?}")
            };
            assert!(
                t.elapsed() < Duration::from_secs(2),
                "deadlock detection took {:?}",
                t.elapsed()
            );
            let view: Vec<_> = gs
                .iter()
                .map(|d| (d.id, d.status, d.wait.as_str(), d.g.is_some()))
                .collect();
            assert_eq!(
                view,
                [
                    (1, GStatus::Waiting, "chan receive", true),
                    (2, GStatus::Waiting, "chan receive", true),
                    (3, GStatus::Waiting, "chan receive", true),
                    (4, GStatus::Waiting, "chan receive", true),
                    (5, GStatus::Waiting, "chan send", true),
                ]
            );
        }
    }
}

fn never_recv_only() -> std::sync::Arc<gol_vm::sched::chan::Chan> {
    chan(1, 0)
}

/// While a timer is pending nothing is reported: main sleeps 60 ms with
/// every other goroutine blocked, then unblocks them all and finishes.
#[test]
fn no_false_deadlock_while_a_timer_is_pending() {
    for procs in PROCS {
        for _ in 0..3 {
            let c = chan(1, 0);
            let woke = Arc::new(AtomicU64::new(0));
            let w2 = woke.clone();
            let mut phase = 0;
            let mut sl = Sleep::default();
            let mut sent = 0;
            let mut tx = Tx::default();
            let t0 = Instant::now();
            let main = g(move |cx| {
                if phase == 0 {
                    for _ in 0..4 {
                        let (c, w) = (c.clone(), w2.clone());
                        let mut rx = Rx::default();
                        cx.spawn(g(move |cx| {
                            try_step!(rx.step(cx, Some(&c)));
                            w.fetch_add(1, Ordering::Relaxed);
                            Step::Out(RunOutcome::Done)
                        }));
                    }
                    phase = 1;
                }
                if phase == 1 {
                    try_step!(sl.step(cx, Duration::from_millis(60)));
                    phase = 2;
                }
                while sent < 4 {
                    try_step!(tx.step(cx, Some(&c), &[1])).expect("open");
                    sent += 1;
                }
                if w2.load(Ordering::Relaxed) < 4 {
                    return Step::Out(RunOutcome::Yielded);
                }
                Step::Out(RunOutcome::Done)
            });
            let (r, _) = run(procs, main);
            assert!(matches!(r, RunExit::Done), "{r:?}");
            assert_eq!(woke.load(Ordering::Relaxed), 4);
            assert!(t0.elapsed() >= Duration::from_millis(60));
        }
    }
}

/// Sleeps of many goroutines end in deadline order and not early; a
/// deadlock after the last timer is still reported.
#[test]
fn sleepers_wake_in_order_then_deadlock() {
    for procs in PROCS {
        let order = Arc::new(std::sync::Mutex::new(Vec::new()));
        let o2 = order.clone();
        let mut spawned = false;
        let mut rx = Rx::default();
        let block = chan(0, 0);
        let main = g(move |cx| {
            if !spawned {
                spawned = true;
                for i in (0..8u64).rev() {
                    let o = o2.clone();
                    let mut sl = Sleep::default();
                    let mut deadline = None;
                    cx.spawn(g(move |cx| {
                        let d = Duration::from_millis(5 + 25 * i);
                        let dl = *deadline.get_or_insert_with(|| Instant::now() + d);
                        try_step!(sl.step(cx, d));
                        assert!(Instant::now() >= dl, "woke early");
                        o.lock().unwrap().push((dl, i, Instant::now()));
                        Step::Out(RunOutcome::Done)
                    }));
                }
            }
            try_step!(rx.step(cx, Some(&block)));
            Step::Out(RunOutcome::Done)
        });
        let (r, s) = run(procs, main);
        let RunExit::Deadlock(gs) = r else {
            panic!("{r:?}")
        };
        assert_eq!(gs.len(), 1, "only main is left");
        // With one P, woken in deadline order (deadlines are 25 ms apart,
        // set when each goroutine first runs), except that timers firing
        // in one pass are readied last-first through runnext, as in Go:
        // so a later deadline may run first only if the earlier sleeper
        // ran after that later deadline too (both were due in one pass,
        // the M having woken late on a loaded machine). With more Ps, two
        // Ms may take consecutive timers and the OS may run them in
        // either order.
        let woke = order.lock().unwrap().clone();
        assert_eq!(woke.len(), 8);
        if procs == 1 {
            for w in woke.windows(2) {
                let ((dl_a, _, _), (dl_b, _, ran_b)) = (w[0], w[1]);
                assert!(dl_a <= dl_b || ran_b >= dl_a, "{woke:?}");
            }
        }
        assert_eq!(gol_vm::sched::Stats::get(&s.stats().timers_fired), 8);
    }
}

/// AfterFunc-style callbacks run on an M and may ready goroutines; a
/// stopped timer never fires.
#[test]
fn after_func_and_stop() {
    for procs in PROCS {
        let fired = Arc::new(AtomicU64::new(0));
        let f2 = fired.clone();
        let c = chan(1, 1);
        let mut phase = 0;
        let mut rx = Rx::default();
        let main = g(move |cx| {
            if phase == 0 {
                let stopped = cx.after_func(
                    Duration::from_millis(5),
                    Box::new(|_| panic!("stopped timer fired")),
                );
                assert!(stopped.stop());
                assert!(!stopped.stop());
                let (c, f) = (c.clone(), f2.clone());
                cx.after_func(
                    Duration::from_millis(10),
                    Box::new(move |cx| {
                        f.fetch_add(1, Ordering::Relaxed);
                        // A callback may start a goroutine.
                        let c = c.clone();
                        cx.spawn(g(move |cx| {
                            gol_vm::sched::chan::send(cx, Some(&c), &[42]).expect("open");
                            Step::Out(RunOutcome::Done)
                        }));
                    }),
                );
                phase = 1;
            }
            let (v, _) = try_step!(rx.step(cx, Some(&c)));
            assert_eq!(v, [42]);
            Step::Out(RunOutcome::Done)
        });
        let (r, _) = run(procs, main);
        assert!(matches!(r, RunExit::Done), "{r:?}");
        assert_eq!(fired.load(Ordering::Relaxed), 1);
    }
}

/// An exit or a panic in any goroutine ends the run at once, whatever the
/// others do; main returning ends it too.
#[test]
fn exit_panic_and_main_return_end_the_run() {
    for procs in PROCS {
        let spin = || {
            g(|cx| {
                let _ = cx.now_ns();
                Step::Go
            })
        };
        let mut n = 0;
        let (r, _) = run(
            procs,
            g(move |cx| {
                cx.spawn(spin());
                n += 1;
                if n < 3 {
                    return Step::Out(RunOutcome::Yielded);
                }
                cx.spawn(g(|_| Step::Out(RunOutcome::Exit(3))));
                Step::Out(RunOutcome::Blocked(gol_vm::sched::WaitReason::Select))
            }),
        );
        assert!(matches!(r, RunExit::Exit(3)), "{r:?}");

        let (r, _) = run(
            procs,
            g(move |cx| {
                cx.spawn(spin());
                cx.spawn(g(|_| Step::Out(RunOutcome::Panicked)));
                Step::Out(RunOutcome::Blocked(gol_vm::sched::WaitReason::Sleep))
            }),
        );
        match r {
            RunExit::Panicked { goid, g } => {
                assert_eq!(goid, 3);
                assert!(g.steps >= 1);
            }
            r => panic!("{r:?}"),
        }

        let (r, _) = run(
            procs,
            g(move |cx| {
                cx.spawn(spin());
                Step::Out(RunOutcome::Done)
            }),
        );
        assert!(matches!(r, RunExit::Done), "{r:?}");
    }
}

/// A Rust panic inside the executor (a VM bug) ends the run with a fatal
/// error instead of hanging the caller.
#[test]
fn executor_bug_ends_the_run() {
    for procs in PROCS {
        let (r, _) = run(
            procs,
            g(|cx| {
                cx.spawn(g(|_| panic!("executor bug (expected by this test)")));
                Step::Out(RunOutcome::Blocked(gol_vm::sched::WaitReason::Sleep))
            }),
        );
        assert!(
            matches!(r, RunExit::Fatal(ref m) if m.contains("unexpected panic")),
            "{r:?}"
        );
    }
}
