//! Preemption by sysmon, work stealing, system calls, GOMAXPROCS changes.

#[path = "sched_common.rs"]
mod common;
use common::*;
use gol_vm::sched::{RunExit, RunOutcome, Stats};
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn spinner(count: Arc<AtomicU64>) -> ToyG {
    g(move |_| {
        count.fetch_add(1, Ordering::Relaxed);
        Step::Go
    })
}

/// GOMAXPROCS=1: goroutines that never yield are preempted by sysmon, so
/// main (which yields) keeps running and finishes.
#[test]
fn sysmon_preempts_a_goroutine_that_never_yields() {
    for spinners in [1, 3] {
        for _ in 0..2 {
            let spun = Arc::new(AtomicU64::new(0));
            let s2 = spun.clone();
            let mut rounds = 0;
            let t0 = Instant::now();
            let main = g(move |cx| {
                if rounds == 0 {
                    for _ in 0..spinners {
                        cx.spawn(spinner(s2.clone()));
                    }
                }
                rounds += 1;
                if rounds < 6 {
                    return Step::Out(RunOutcome::Yielded);
                }
                Step::Out(RunOutcome::Done)
            });
            let (r, s) = run(1, main);
            assert!(matches!(r, RunExit::Done), "{r:?}");
            assert!(spun.load(Ordering::Relaxed) > 0, "the spinners never ran");
            let st = s.stats();
            assert!(
                Stats::get(&st.preempted) >= 5,
                "preempted {}",
                Stats::get(&st.preempted)
            );
            assert!(Stats::get(&st.preempt_requests) >= Stats::get(&st.preempted));
            // Each preemption takes ~10 ms of spinning; far from forever.
            assert!(t0.elapsed() < Duration::from_secs(5), "{:?}", t0.elapsed());
        }
    }
}

/// With 2+ Ps, goroutines queued by one spawner are stolen and run on
/// other Ps.
#[test]
fn idle_ps_steal_from_a_single_spawner() {
    for procs in [2, 8] {
        for _ in 0..3 {
            let ps = Arc::new(Mutex::new(HashSet::new()));
            let done = chan(0, 64);
            // Fewer than a local queue holds, so nothing overflows to the
            // global queue: other Ps can only get work by stealing.
            let n = 100u64;
            let (ps2, d2) = (ps.clone(), done.clone());
            let mut spawned = false;
            let mut joined = 0;
            let mut rx = Rx::default();
            let main = g(move |cx| {
                if !spawned {
                    spawned = true;
                    for _ in 0..n {
                        let (ps, d) = (ps2.clone(), d2.clone());
                        let mut spins = 0u32;
                        let mut tx = Tx::default();
                        let start = std::time::Instant::now();
                        cx.spawn(g(move |cx| {
                            // Keep spinning until another P has shown up (or
                            // 5 s pass): on a loaded machine the idle M may
                            // get its thread only after a while.
                            if spins < 5000
                                || (ps.lock().unwrap().len() < 2
                                    && start.elapsed() < std::time::Duration::from_secs(5))
                            {
                                spins += 1;
                                // Every P the goroutine runs on counts, not
                                // only its first: under load all first runs
                                // may happen on the spawner's P before
                                // anything is stolen.
                                if let Some(p) = cx.p_id() {
                                    ps.lock().unwrap().insert(p);
                                }
                                std::hint::black_box(cx.now_ns());
                                return Step::Go;
                            }
                            try_step!(tx.step(cx, Some(&d), &[])).expect("open");
                            Step::Out(RunOutcome::Done)
                        }));
                    }
                }
                while joined < n {
                    try_step!(rx.step(cx, Some(&d2)));
                    joined += 1;
                }
                Step::Out(RunOutcome::Done)
            });
            let (r, s) = run(procs, main);
            assert!(matches!(r, RunExit::Done), "{r:?}");
            let st = s.stats();
            assert!(
                Stats::get(&st.steals) + Stats::get(&st.runnext_steals) > 0,
                "no steals with {procs} Ps"
            );
            assert!(ps.lock().unwrap().len() >= 2, "everything ran on one P");
        }
    }
}

/// A goroutine blocked in a system call gives its P away: on one P,
/// another goroutine runs meanwhile; after the call the goroutine gets a P
/// back (or waits for one) and finishes.
#[test]
fn syscall_hands_off_the_p() {
    for procs in [1, 2] {
        for _ in 0..3 {
            let during = Arc::new(AtomicU64::new(0));
            let in_call = Arc::new(AtomicU64::new(0));
            let finished = Arc::new(AtomicU64::new(0));
            let (du, ic, fi) = (during.clone(), in_call.clone(), finished.clone());
            let mut spawned = false;
            let main = g(move |cx| {
                if !spawned {
                    spawned = true;
                    for _ in 0..procs {
                        let (ic, fi, du) = (ic.clone(), fi.clone(), du.clone());
                        let mut state = 0;
                        cx.spawn(g(move |cx| {
                            if state == 0 {
                                state = 1;
                                cx.entersyscall();
                                ic.fetch_add(1, Ordering::SeqCst);
                                // At least 60 ms, and until main has run
                                // meanwhile (at most 5 s): on a loaded
                                // machine sysmon's retake and main's M may
                                // take longer than a fixed sleep.
                                let start = std::time::Instant::now();
                                std::thread::sleep(Duration::from_millis(60));
                                while du.load(Ordering::Relaxed) == 0
                                    && start.elapsed() < Duration::from_secs(5)
                                {
                                    std::thread::sleep(Duration::from_millis(5));
                                }
                                ic.fetch_sub(1, Ordering::SeqCst);
                                if !cx.exitsyscall() {
                                    // No P: wait in the global queue.
                                    return Step::Out(RunOutcome::Yielded);
                                }
                            }
                            fi.fetch_add(1, Ordering::SeqCst);
                            Step::Out(RunOutcome::Done)
                        }));
                    }
                }
                if ic.load(Ordering::SeqCst) > 0 {
                    du.fetch_add(1, Ordering::Relaxed);
                }
                if fi.load(Ordering::SeqCst) < procs as u64 {
                    return Step::Out(RunOutcome::Yielded);
                }
                Step::Out(RunOutcome::Done)
            });
            let (r, s) = run(procs, main);
            assert!(matches!(r, RunExit::Done), "{r:?}");
            assert!(
                during.load(Ordering::Relaxed) > 0,
                "main never ran during the system calls"
            );
            assert!(
                Stats::get(&s.stats().syscall_retakes) > 0,
                "sysmon retook no P"
            );
        }
    }
}

/// runtime.GOMAXPROCS at run time: raising it spreads work over new Ps,
/// lowering it retires them (work moves, nothing is lost).
#[test]
fn gomaxprocs_changes_at_run_time() {
    for _ in 0..3 {
        let seen = Arc::new(Mutex::new(HashSet::new()));
        let done = chan(0, 512);
        let (se, d2) = (seen.clone(), done.clone());
        let mut phase = 0;
        let mut joined = 0;
        let mut rx = Rx::default();
        let n = 200u64;
        let main = g(move |cx| {
            let spawn = |cx: &gol_vm::sched::PCtx<Toy>,
                         se: &Arc<Mutex<HashSet<(u32, usize)>>>,
                         tag: u32| {
                for _ in 0..n {
                    let (se, d) = (se.clone(), d2.clone());
                    let mut spins = 0;
                    let mut tx = Tx::default();
                    let start = std::time::Instant::now();
                    cx.spawn(g(move |cx| {
                        // The first batch spins until a second P has run some
                        // of it (or 5 s pass), which a loaded machine delays.
                        let spread = || se.lock().unwrap().iter().filter(|s| s.0 == 1).count() >= 2;
                        if spins < 500
                            || (tag == 1
                                && !spread()
                                && start.elapsed() < std::time::Duration::from_secs(5))
                        {
                            spins += 1;
                            if let Some(p) = cx.p_id() {
                                se.lock().unwrap().insert((tag, p));
                            }
                            return Step::Go;
                        }
                        try_step!(tx.step(cx, Some(&d), &[])).expect("open");
                        Step::Out(RunOutcome::Done)
                    }));
                }
            };
            match phase {
                0 => {
                    assert_eq!(cx.set_gomaxprocs(4), 1);
                    assert_eq!(cx.gomaxprocs(), 4);
                    spawn(cx, &se, 1);
                    phase = 1;
                }
                1 => {
                    while joined < n {
                        try_step!(rx.step(cx, Some(&d2)));
                        joined += 1;
                    }
                    assert_eq!(cx.set_gomaxprocs(2), 4);
                    phase = 2;
                    // Let the retiring Ps' Ms notice.
                    return Step::Out(RunOutcome::Yielded);
                }
                2 => {
                    spawn(cx, &se, 2);
                    joined = 0;
                    phase = 3;
                }
                _ => {}
            }
            while joined < n {
                try_step!(rx.step(cx, Some(&d2)));
                joined += 1;
            }
            Step::Out(RunOutcome::Done)
        });
        let (r, s) = run(1, main);
        assert!(matches!(r, RunExit::Done), "{r:?}");
        assert_eq!(s.gomaxprocs(), 2);
        let seen = seen.lock().unwrap();
        let first: HashSet<usize> = seen.iter().filter(|s| s.0 == 1).map(|s| s.1).collect();
        let second: HashSet<usize> = seen.iter().filter(|s| s.0 == 2).map(|s| s.1).collect();
        assert!(
            first.len() >= 2,
            "raising GOMAXPROCS used no new P: {first:?}"
        );
        assert!(
            second.iter().all(|&p| p < 2),
            "a retired P ran goroutines: {second:?}"
        );
    }
}

/// GOMAXPROCS=1: two goroutines handing a value back and forth forever
/// wake each other into `runnext`, so neither ever comes from the local
/// queue; a third, made runnable in the middle of their exchange, waits
/// there. The pair inherits one time slice (Go's `inheritTime`), which
/// sysmon ends after 10 ms, so the third runs. (Were every hand-off a
/// fresh slice, the third would wait until the OS happened to stall the
/// M for 10 ms, which sysmon takes for a long slice: on an idle machine,
/// forever, and the test times out.)
#[test]
fn a_pair_handing_off_through_runnext_does_not_starve_the_local_queue() {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let ping = chan(1, 0);
        let pong = chan(1, 0);
        let done = chan(0, 0);
        let ran = Arc::new(AtomicU64::new(0));
        let (pi, po, d, r) = (ping.clone(), pong.clone(), done.clone(), ran.clone());
        let mut started = false;
        let mut rx_done = Rx::default();
        let main = g(move |cx| {
            if !started {
                started = true;
                // The echo: receives on ping, answers on pong.
                let (pi2, po2) = (pi.clone(), po.clone());
                let (mut rx, mut tx, mut v) = (Rx::default(), Tx::default(), None);
                // Each round ends in `Step::Go`: the safepoint of a loop's
                // backward jump.
                cx.spawn(g(move |cx| {
                    if v.is_none() {
                        match rx.step(cx, Some(&pi2)) {
                            Ok((w, _)) => v = Some(w[0]),
                            Err(s) => return s,
                        }
                    }
                    match tx.step(cx, Some(&po2), &[v.unwrap_or(0) + 1]) {
                        Ok(_) => v = None,
                        Err(s) => return s,
                    }
                    Step::Go
                }));
                // The caller: sends, waits for the answer. Once its 100th
                // send is through, it makes the third goroutine runnable
                // (into runnext) just before it takes the echo's answer,
                // which readies the echo into runnext and pushes the third
                // to the local queue.
                let (pi3, po3, d3, r3) = (pi.clone(), po.clone(), d.clone(), r.clone());
                let (mut rx, mut tx, mut sent, mut n) = (Rx::default(), Tx::default(), false, 0u64);
                cx.spawn(g(move |cx| {
                    if !sent {
                        match tx.step(cx, Some(&pi3), &[n]) {
                            Ok(_) => sent = true,
                            Err(s) => return s,
                        }
                        if n == 100 {
                            let (d4, r4) = (d3.clone(), r3.clone());
                            let mut tx = Tx::default();
                            cx.spawn(g(move |cx| {
                                r4.store(1, Ordering::Relaxed);
                                match tx.step(cx, Some(&d4), &[]) {
                                    Ok(_) => Step::Out(RunOutcome::Done),
                                    Err(s) => s,
                                }
                            }));
                        }
                    }
                    match rx.step(cx, Some(&po3)) {
                        Ok((w, _)) => {
                            n = w[0];
                            sent = false;
                        }
                        Err(s) => return s,
                    }
                    Step::Go
                }));
            }
            match rx_done.step(cx, Some(&d)) {
                Ok(_) => Step::Out(RunOutcome::Done),
                Err(s) => s,
            }
        });
        let (r, _s) = run(1, main);
        let _ = tx.send((matches!(r, RunExit::Done), ran.load(Ordering::Relaxed)));
    });
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok((done, ran)) => assert!(done && ran == 1, "done {done}, third ran {ran}"),
        Err(_) => panic!("the goroutine in the local queue never ran"),
    }
}
