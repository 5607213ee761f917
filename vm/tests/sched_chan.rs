//! Channel semantics and producer/consumer runs.

#[path = "sched_common.rs"]
mod common;
use common::*;
use gol_vm::sched::chan::{self, Chan};
use gol_vm::sched::{ChanError, GStatus, RunExit, RunOutcome, WaitReason};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// `producers` goroutines each send `per` two-word values (id, seq) and
/// then one closes its own done-channel; consumers drain until the data
/// channel is closed by main. Checks nothing is lost or duplicated and
/// each producer's values arrive in order (per consumer).
fn producer_consumer(procs: usize, cap: usize, producers: u64, consumers: u64, per: u64) {
    let data = chan(2, cap);
    let done = chan(0, 0);
    let total = Arc::new(AtomicU64::new(0));
    let count = Arc::new(AtomicU64::new(0));
    let order_ok = Arc::new(Mutex::new(true));
    let finished = chan(0, 0);
    let (t2, c2, o2) = (total.clone(), count.clone(), order_ok.clone());
    let mut phase = 0;
    let mut waited = 0;
    let (mut rx, mut rx2) = (Rx::default(), Rx::default());
    let main = g(move |cx| {
        if phase == 0 {
            for p in 0..producers {
                let (data, done) = (data.clone(), done.clone());
                let mut i = 0;
                let mut tx = Tx::default();
                let mut tx_done = Tx::default();
                cx.spawn(g(move |cx| {
                    while i < per {
                        try_step!(tx.step(cx, Some(&data), &[p, i])).expect("data closed early");
                        i += 1;
                        if i % 64 == 0 {
                            return Step::Go;
                        }
                    }
                    try_step!(tx_done.step(cx, Some(&done), &[])).expect("open");
                    Step::Out(RunOutcome::Done)
                }));
            }
            for _ in 0..consumers {
                let (data, fin, t, c, o) = (
                    data.clone(),
                    finished.clone(),
                    t2.clone(),
                    c2.clone(),
                    o2.clone(),
                );
                let mut last = vec![None::<u64>; producers as usize];
                let mut rx = Rx::default();
                let mut tx = Tx::default();
                let mut closed = false;
                cx.spawn(g(move |cx| {
                    if !closed {
                        let (v, ok) = try_step!(rx.step(cx, Some(&data)));
                        if ok {
                            let (p, i) = (v[0] as usize, v[1]);
                            if last[p].is_some_and(|l| l >= i) {
                                *o.lock().unwrap() = false;
                            }
                            last[p] = Some(i);
                            t.fetch_add(i, Ordering::Relaxed);
                            c.fetch_add(1, Ordering::Relaxed);
                            return Step::Go;
                        }
                        assert_eq!(v, vec![0, 0], "receive from closed channel gives zero");
                        closed = true;
                    }
                    try_step!(tx.step(cx, Some(&fin), &[])).expect("open");
                    Step::Out(RunOutcome::Done)
                }));
            }
            phase = 1;
        }
        if phase == 1 {
            while waited < producers {
                try_step!(rx.step(cx, Some(&done)));
                waited += 1;
            }
            chan::close(cx, Some(&data)).expect("first close");
            phase = 2;
            waited = 0;
        }
        while waited < consumers {
            try_step!(rx2.step(cx, Some(&finished)));
            waited += 1;
        }
        Step::Out(RunOutcome::Done)
    });
    let (r, _) = run(procs, main);
    assert!(matches!(r, RunExit::Done), "{r:?}");
    assert_eq!(count.load(Ordering::Relaxed), producers * per);
    assert_eq!(
        total.load(Ordering::Relaxed),
        producers * per * (per - 1) / 2
    );
    assert!(
        *order_ok.lock().unwrap(),
        "a producer's values arrived out of order"
    );
}

#[test]
fn producer_consumer_unbuffered() {
    for procs in PROCS {
        for _ in 0..3 {
            producer_consumer(procs, 0, 4, 3, 2000);
        }
    }
}

#[test]
fn producer_consumer_buffered() {
    for procs in PROCS {
        for cap in [1, 7, 100] {
            producer_consumer(procs, cap, 6, 2, 2000);
        }
    }
}

#[test]
#[ignore = "heavy"]
fn producer_consumer_heavy() {
    for procs in PROCS {
        for cap in [0, 1, 1000] {
            producer_consumer(procs, cap, 32, 16, 20_000);
        }
    }
}

/// Runs `body` as main on one P and returns what it recorded.
fn single<T: std::marker::Send + 'static>(
    body: impl FnMut(&gol_vm::sched::PCtx<Toy>, &mut Vec<T>) -> Step + std::marker::Send + 'static,
) -> Vec<T> {
    let out = Arc::new(Mutex::new(Vec::new()));
    let o = out.clone();
    let mut body = body;
    let (r, _) = run(
        1,
        g(move |cx| {
            let mut v = o.lock().unwrap();
            body(cx, &mut v)
        }),
    );
    assert!(matches!(r, RunExit::Done), "{r:?}");
    let v = std::mem::take(&mut *out.lock().unwrap());
    v
}

#[test]
fn buffered_fifo_len_cap_close_drain() {
    let log = single(|cx, log: &mut Vec<String>| {
        let c = Chan::new(1, 3);
        for i in 1..=3 {
            assert!(matches!(
                chan::send(cx, Some(&c), &[i]),
                Ok(gol_vm::sched::Op::Ready(()))
            ));
        }
        log.push(format!("len={} cap={}", c.len(), c.cap()));
        chan::close(cx, Some(&c)).unwrap();
        for _ in 0..4 {
            match chan::recv(cx, Some(&c)) {
                gol_vm::sched::Op::Ready((v, ok)) => log.push(format!("{} {ok}", v[0])),
                _ => panic!("closed channel blocked"),
            }
        }
        log.push(format!("{:?}", chan::send(cx, Some(&c), &[9]).err()));
        log.push(format!("{:?}", chan::close(cx, Some(&c)).err()));
        log.push(format!("{:?}", chan::close(cx, None).err()));
        Step::Out(RunOutcome::Done)
    });
    assert_eq!(
        log,
        [
            "len=3 cap=3",
            "1 true",
            "2 true",
            "3 true",
            "0 false",
            "Some(SendOnClosed)",
            "Some(CloseOfClosed)",
            "Some(CloseOfNil)"
        ]
    );
    assert_eq!(ChanError::SendOnClosed.message(), "send on closed channel");
    assert_eq!(
        ChanError::CloseOfClosed.to_string(),
        "close of closed channel"
    );
    assert_eq!(ChanError::CloseOfNil.message(), "close of nil channel");
}

/// A sender blocked on a full channel panics when the channel is closed.
#[test]
fn blocked_sender_sees_close_as_panic() {
    for procs in PROCS {
        let c = chan(1, 0);
        let got = Arc::new(Mutex::new(None));
        let (c2, g2) = (c.clone(), got.clone());
        let mut phase = 0;
        let mut sl = Sleep::default();
        let main = g(move |cx| {
            if phase == 0 {
                let (c, got) = (c2.clone(), g2.clone());
                let mut tx = Tx::default();
                cx.spawn(g(move |cx| {
                    let r = try_step!(tx.step(cx, Some(&c), &[1]));
                    *got.lock().unwrap() = Some(r);
                    Step::Out(RunOutcome::Done)
                }));
                phase = 1;
            }
            if phase == 1 {
                try_step!(sl.step(cx, std::time::Duration::from_millis(5)));
                chan::close(cx, Some(&c2)).unwrap();
                phase = 2;
            }
            if g2.lock().unwrap().is_none() {
                return Step::Out(RunOutcome::Yielded);
            }
            Step::Out(RunOutcome::Done)
        });
        let (r, _) = run(procs, main);
        assert!(matches!(r, RunExit::Done), "{r:?}");
        assert_eq!(*got.lock().unwrap(), Some(Err(ChanError::SendOnClosed)));
    }
}

/// Receivers blocked on a channel all wake with (zero, false) on close.
#[test]
fn close_wakes_all_receivers() {
    for procs in PROCS {
        let c = chan(3, 0);
        let woke = Arc::new(AtomicU64::new(0));
        let (c2, w2) = (c.clone(), woke.clone());
        let mut phase = 0;
        let mut sl = Sleep::default();
        let main = g(move |cx| {
            if phase == 0 {
                for _ in 0..50 {
                    let (c, w) = (c2.clone(), w2.clone());
                    let mut rx = Rx::default();
                    cx.spawn(g(move |cx| {
                        let (v, ok) = try_step!(rx.step(cx, Some(&c)));
                        assert_eq!((v, ok), (vec![0, 0, 0], false));
                        w.fetch_add(1, Ordering::Relaxed);
                        Step::Out(RunOutcome::Done)
                    }));
                }
                phase = 1;
            }
            if phase == 1 {
                try_step!(sl.step(cx, std::time::Duration::from_millis(10)));
                chan::close(cx, Some(&c2)).unwrap();
                phase = 2;
            }
            if w2.load(Ordering::Relaxed) < 50 {
                return Step::Out(RunOutcome::Yielded);
            }
            Step::Out(RunOutcome::Done)
        });
        let (r, _) = run(procs, main);
        assert!(matches!(r, RunExit::Done), "{r:?}");
        assert_eq!(woke.load(Ordering::Relaxed), 50);
    }
}

/// Nil channels block forever, with Go's wait reasons.
#[test]
fn nil_channels_block_forever() {
    for procs in PROCS {
        let mut spawned = false;
        let mut rx = Rx::default();
        let main = g(move |cx| {
            if !spawned {
                spawned = true;
                let mut tx = Tx::default();
                cx.spawn(g(move |cx| {
                    try_step!(tx.step(cx, None, &[1])).ok();
                    unreachable!("a send on a nil channel completed")
                }));
            }
            try_step!(rx.step(cx, None));
            unreachable!("a receive from a nil channel completed")
        });
        let (r, _) = run(procs, main);
        let RunExit::Deadlock(gs) = r else {
            panic!("{r:?}")
        };
        let view: Vec<_> = gs
            .iter()
            .map(|d| (d.id, d.status, d.wait.as_str()))
            .collect();
        assert_eq!(
            view,
            [
                (1, GStatus::Waiting, "chan receive (nil chan)"),
                (2, GStatus::Waiting, "chan send (nil chan)")
            ]
        );
        assert_eq!(WaitReason::ChanSend.as_str(), "chan send");
    }
}
