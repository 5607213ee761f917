//! select: storms of concurrent selects, fairness, default, closed and
//! nil channels, `select {}`.

#[path = "sched_common.rs"]
mod common;
use common::*;
use gol_vm::sched::chan::{self, Chan, SelCase};
use gol_vm::sched::{ChanError, Op, RunExit, RunOutcome, Selected};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// `senders` goroutines each deliver `per` values through selects over
/// all `k` channels (some buffered); `receivers` goroutines select over
/// all of them plus `quit`; some senders poll with `default` and yield.
fn storm(procs: usize, k: usize, senders: u64, receivers: u64, per: u64) {
    let chans: Arc<Vec<Arc<Chan>>> = Arc::new(
        (0..k)
            .map(|i| chan(1, if i % 2 == 0 { 0 } else { 4 }))
            .collect(),
    );
    let quit = chan(0, 0);
    let sent_done = chan(0, 0);
    let recv_done = chan(0, 0);
    let got_sum = Arc::new(AtomicU64::new(0));
    let got_n = Arc::new(AtomicU64::new(0));
    let (gs, gn) = (got_sum.clone(), got_n.clone());
    let mut phase = 0;
    let mut waited = 0;
    let (mut rx, mut rx2) = (Rx::default(), Rx::default());
    let main = g(move |cx| {
        if phase == 0 {
            for s in 0..senders {
                let (chans, done) = (chans.clone(), sent_done.clone());
                let mut i = 0;
                let mut sel = Sel::default();
                let mut tx = Tx::default();
                let polling = s % 3 == 0;
                cx.spawn(g(move |cx| {
                    while i < per {
                        let v = [s * 1_000_000 + i];
                        let cases: Vec<SelCase<'_>> =
                            chans.iter().map(|c| SelCase::Send(Some(c), &v)).collect();
                        match try_step!(sel.step(cx, &cases, !polling)) {
                            Ok(Selected::Send(_)) => i += 1,
                            Ok(Selected::Default) => return Step::Out(RunOutcome::Yielded),
                            other => panic!("sender select gave {other:?}"),
                        }
                    }
                    try_step!(tx.step(cx, Some(&done), &[])).expect("open");
                    Step::Out(RunOutcome::Done)
                }));
            }
            for _ in 0..receivers {
                let (chans, quit, done, gs, gn) = (
                    chans.clone(),
                    quit.clone(),
                    recv_done.clone(),
                    gs.clone(),
                    gn.clone(),
                );
                let mut sel = Sel::default();
                let mut tx = Tx::default();
                let mut quitting = false;
                cx.spawn(g(move |cx| {
                    if !quitting {
                        let mut cases: Vec<SelCase<'_>> =
                            chans.iter().map(|c| SelCase::Recv(Some(c))).collect();
                        cases.push(SelCase::Recv(Some(&quit)));
                        match try_step!(sel.step(cx, &cases, true)) {
                            Ok(Selected::Recv(i, v, true)) if i < chans.len() => {
                                gs.fetch_add(v[0], Ordering::Relaxed);
                                gn.fetch_add(1, Ordering::Relaxed);
                                return Step::Go;
                            }
                            Ok(Selected::Recv(i, _, false)) if i == chans.len() => quitting = true,
                            other => panic!("receiver select gave {other:?}"),
                        }
                    }
                    try_step!(tx.step(cx, Some(&done), &[])).expect("open");
                    Step::Out(RunOutcome::Done)
                }));
            }
            phase = 1;
        }
        if phase == 1 {
            while waited < senders {
                try_step!(rx.step(cx, Some(&sent_done)));
                waited += 1;
            }
            // Every value is sent; buffered ones may still wait for a
            // receiver. Wait until all are received, then stop receivers.
            if gn.load(Ordering::Relaxed) < senders * per {
                return Step::Out(RunOutcome::Yielded);
            }
            chan::close(cx, Some(&quit)).expect("first close");
            phase = 2;
            waited = 0;
        }
        while waited < receivers {
            try_step!(rx2.step(cx, Some(&recv_done)));
            waited += 1;
        }
        Step::Out(RunOutcome::Done)
    });
    let (r, _) = run(procs, main);
    assert!(matches!(r, RunExit::Done), "{r:?}");
    let want: u64 = (0..senders)
        .map(|s| (0..per).map(|i| s * 1_000_000 + i).sum::<u64>())
        .sum();
    assert_eq!(got_n.load(Ordering::Relaxed), senders * per);
    assert_eq!(got_sum.load(Ordering::Relaxed), want);
}

#[test]
fn select_storm() {
    for procs in PROCS {
        for _ in 0..3 {
            storm(procs, 5, 12, 8, 300);
        }
    }
}

#[test]
#[ignore = "heavy"]
fn select_storm_heavy() {
    for procs in PROCS {
        for _ in 0..5 {
            storm(procs, 16, 64, 64, 2000);
        }
    }
}

fn main_only(body: impl FnMut(&gol_vm::sched::PCtx<Toy>) -> Step + std::marker::Send + 'static) {
    let (r, _) = run(1, g(body));
    assert!(matches!(r, RunExit::Done), "{r:?}");
}

/// With every case ready, each is chosen about equally often.
#[test]
fn select_is_uniform_among_ready_cases() {
    let counts = Arc::new(Mutex::new([0u32; 4]));
    let c2 = counts.clone();
    main_only(move |cx| {
        let cs: Vec<Arc<Chan>> = (0..4).map(|_| chan(1, 1)).collect();
        for _ in 0..4000 {
            for c in &cs {
                if c.is_empty() {
                    let _ = chan::send(cx, Some(c), &[7]);
                }
            }
            let cases: Vec<SelCase<'_>> = cs.iter().map(|c| SelCase::Recv(Some(c))).collect();
            match chan::select(cx, &cases, false) {
                Ok(Op::Ready(Selected::Recv(i, v, true))) => {
                    assert_eq!(v, [7]);
                    c2.lock().unwrap()[i] += 1;
                }
                _ => panic!("a ready select did not pick a ready case"),
            }
        }
        Step::Out(RunOutcome::Done)
    });
    let c = *counts.lock().unwrap();
    // Expected 1000 each; 5 sigma is about 137.
    assert!(c.iter().all(|&n| (850..=1150).contains(&n)), "{c:?}");
}

#[test]
fn select_default_closed_and_nil() {
    main_only(|cx| {
        let empty = chan(1, 0);
        let full = chan(1, 1);
        let _ = chan::send(cx, Some(&full), &[1]);
        let closed = chan(2, 0);
        chan::close(cx, Some(&closed)).unwrap();
        // Nothing ready: default.
        let r = chan::select(
            cx,
            &[
                SelCase::Recv(Some(&empty)),
                SelCase::Send(Some(&full), &[2]),
            ],
            false,
        );
        assert!(matches!(r, Ok(Op::Ready(Selected::Default))));
        // A closed channel is always ready to receive (zero, false).
        let r = chan::select(
            cx,
            &[SelCase::Recv(Some(&empty)), SelCase::Recv(Some(&closed))],
            true,
        );
        assert!(matches!(r, Ok(Op::Ready(Selected::Recv(1, ref v, false))) if v == &[0, 0]));
        // A send case on a closed channel panics if chosen.
        let r = chan::select(cx, &[SelCase::Send(Some(&closed), &[1, 2])], true);
        assert!(matches!(r, Err(ChanError::SendOnClosed)));
        // Nil cases are never ready.
        let r = chan::select(cx, &[SelCase::Recv(None), SelCase::Send(None, &[1])], false);
        assert!(matches!(r, Ok(Op::Ready(Selected::Default))));
        // Buffered value is ready.
        let r = chan::select(
            cx,
            &[SelCase::Recv(None), SelCase::Recv(Some(&full))],
            false,
        );
        assert!(matches!(r, Ok(Op::Ready(Selected::Recv(1, ref v, true))) if v == &[1]));
        Step::Out(RunOutcome::Done)
    });
}

/// Two goroutines select over the same two channels in opposite roles;
/// a third closes. Exercises pass 3 (dequeueing the losing sudogs):
/// stale sudogs would deliver values twice or to a finished select.
#[test]
fn select_pairs_exchange_exactly_once() {
    for procs in PROCS {
        let a = chan(1, 0);
        let b = chan(1, 0);
        let n = 2000u64;
        let recvd = Arc::new(AtomicU64::new(0));
        let r2 = recvd.clone();
        let mut phase = 0;
        let mut i = 0u64;
        let mut sel = Sel::default();
        let mut rx = Rx::default();
        let done = chan(0, 0);
        let main = g(move |cx| {
            if phase == 0 {
                let (a, b, r2, done) = (a.clone(), b.clone(), r2.clone(), done.clone());
                let mut sel = Sel::default();
                let mut tx = Tx::default();
                let mut j = 0u64;
                cx.spawn(g(move |cx| {
                    while j < n {
                        let v = [j];
                        let cases = [SelCase::Recv(Some(&a)), SelCase::Send(Some(&b), &v)];
                        match try_step!(sel.step(cx, &cases, true)) {
                            Ok(Selected::Recv(0, v, true)) => {
                                r2.fetch_add(v[0] + 1, Ordering::Relaxed);
                            }
                            Ok(Selected::Send(1)) => {}
                            other => panic!("{other:?}"),
                        }
                        j += 1;
                    }
                    try_step!(tx.step(cx, Some(&done), &[])).expect("open");
                    Step::Out(RunOutcome::Done)
                }));
                phase = 1;
            }
            while i < n {
                let v = [i];
                let cases = [SelCase::Send(Some(&a), &v), SelCase::Recv(Some(&b))];
                match try_step!(sel.step(cx, &cases, true)) {
                    Ok(Selected::Send(0)) => {}
                    Ok(Selected::Recv(1, v, true)) => {
                        r2.fetch_add(v[0] + 1, Ordering::Relaxed);
                    }
                    other => panic!("{other:?}"),
                }
                i += 1;
            }
            try_step!(rx.step(cx, Some(&done)));
            Step::Out(RunOutcome::Done)
        });
        let (r, _) = run(procs, main);
        assert!(matches!(r, RunExit::Done), "{r:?}");
        // Each of the n rounds transferred exactly one value (either
        // direction); values are round indices, the same on both sides.
        assert_eq!(recvd.load(Ordering::Relaxed), n * (n + 1) / 2);
    }
}

#[test]
fn empty_select_and_all_nil_select_block_forever() {
    for procs in PROCS {
        let mut spawned = false;
        let mut sel = Sel::default();
        let main = g(move |cx| {
            if !spawned {
                spawned = true;
                let mut sel = Sel::default();
                cx.spawn(g(move |cx| {
                    try_step!(sel.step(cx, &[SelCase::Recv(None)], true)).ok();
                    unreachable!()
                }));
            }
            try_step!(sel.step(cx, &[], true)).ok();
            unreachable!()
        });
        let (r, _) = run(procs, main);
        let RunExit::Deadlock(gs) = r else {
            panic!("{r:?}")
        };
        let reasons: Vec<_> = gs.iter().map(|d| (d.id, d.wait.as_str())).collect();
        assert_eq!(reasons, [(1, "select (no cases)"), (2, "select")]);
    }
}
