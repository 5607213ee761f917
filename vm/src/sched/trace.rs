//! `GODEBUG=schedtrace=X[,scheddetail=1]` text (Go's `schedtrace`).
//!
//! The summary line, as Go 1.27 prints it:
//! `SCHED 1004ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=0
//! needspinning=0 idlethreads=1 runqueue=3 [ 12 0 ] schedticks=[ 90 63 ]`
//! (one line). `threads` counts the Ms plus sysmon and the collector's
//! thread, which have M ids of their own as every thread is an M in Go
//! (m.rs, `SYSMON_M`);
//! `runqueue` is the global queue; the bracket lists each P's local queue.
//! With `scheddetail=1` the line ends after `runqueue=` with Go's
//! `gcwaiting=... sysmonwait=...` fields and is followed by one line per
//! P, per M and per G. The values are read without stopping the world, so
//! they are a snapshot that may be slightly inconsistent, as in Go.
//!
//! Fields gol does not have print Go's idle values: `needspinning=0`
//! (Go 1.21's needspinning handshake is not implemented: a spinning M's
//! final re-check of every queue covers the same race), `gfreecnt=0` (dead
//! Gs are freed, not cached per P), `locks=0`, `lockedg=nil`.

use super::g::GStatus;
use super::primitives::Ordering;
use super::shared::Shared;
use super::Executor;
use std::fmt::Write;

pub(crate) fn schedtrace<E: Executor>(sh: &Shared<E>, detailed: bool) -> String {
    let mut s = String::new();
    let ms_now = sh.now_ns() / 1_000_000;
    let procs = sh.procs();
    let (mcount, midle, allm) = {
        let sl = sh.lock.lock();
        (sl.mcount, sl.midle.len(), sl.allm.clone())
    };
    let _ = write!(
        s,
        "SCHED {ms_now}ms: gomaxprocs={procs} idleprocs={} threads={} spinningthreads={} needspinning=0 idlethreads={midle} runqueue={}",
        sh.npidle.load(Ordering::Relaxed),
        mcount + 2,
        sh.nmspinning.load(Ordering::Relaxed),
        sh.global.len(),
    );
    let ps: Vec<_> = sh.all_ps().take(procs).cloned().collect();
    if !detailed {
        s.push_str(" [");
        for p in &ps {
            let _ = write!(s, " {}", p.thief.len());
        }
        s.push_str(" ] schedticks=[");
        for p in &ps {
            let _ = write!(s, " {}", p.schedtick.load(Ordering::Relaxed));
        }
        s.push_str(" ]\n");
        return s;
    }
    s.push_str(" gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=false\n");
    let opt = |v: i64| {
        if v < 0 {
            "nil".to_string()
        } else {
            v.to_string()
        }
    };
    for p in &ps {
        let _ = writeln!(
            s,
            "  P{}: status={} schedtick={} syscalltick={} m={} runqsize={} gfreecnt=0 timerslen={}",
            p.id,
            p.status() as u32,
            p.schedtick.load(Ordering::Relaxed),
            p.syscalltick.load(Ordering::Relaxed),
            opt(p.m_id.load(Ordering::Relaxed)),
            p.thief.len(),
            p.timers.len(),
        );
    }
    // Newest first, as Go's `allm` list: sysmon's and the collector's
    // lines (Ms that never hold a P) come just before M0's.
    for m in allm.iter().rev() {
        if m.id == 0 {
            for id in [super::COLLECTOR_M, super::SYSMON_M] {
                let _ = writeln!(
                    s,
                    "  M{id}: p=nil curg=nil mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=nil",
                );
            }
        }
        let curg = m.curg.load(Ordering::Relaxed);
        let _ = writeln!(
            s,
            "  M{}: p={} curg={} mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning={} blocked={} lockedg=nil",
            m.id,
            opt(m.p_id.load(Ordering::Relaxed)),
            if curg == 0 { "nil".to_string() } else { curg.to_string() },
            m.spinning.load(Ordering::Relaxed),
            m.blocked.load(Ordering::Relaxed),
        );
    }
    // Which M runs which G, from the Ms' side.
    let running: Vec<(u64, i64)> = allm
        .iter()
        .map(|m| (m.curg.load(Ordering::Relaxed), m.id))
        .collect();
    let gs: Vec<_> = sh.allgs.lock().slots.iter().flatten().cloned().collect();
    let mut gs: Vec<_> = gs
        .iter()
        .map(|g| (g.hdr.id, g.hdr.status(), g.hdr.wait_reason()))
        .collect();
    gs.sort_by_key(|g| g.0);
    for (id, st, wr) in gs {
        let m = running
            .iter()
            .find(|r| r.0 == id && matches!(st, GStatus::Running | GStatus::Syscall));
        let _ = writeln!(
            s,
            "  G{id}: status={}({}) m={} lockedm=nil",
            st as u32,
            if st == GStatus::Waiting {
                wr.as_str()
            } else {
                ""
            },
            m.map_or("nil".to_string(), |r| r.1.to_string()),
        );
    }
    s
}
