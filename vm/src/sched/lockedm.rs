//! Goroutines locked to their M while they wait in the middle of a slice:
//! a native's call back into Go (`fmt` calling a `String` method, a
//! template calling a func, json calling `MarshalJSON`) whose callee
//! blocks on a channel, a contended mutex, a sleep, or is preempted. Go's
//! `lockedm`, `stoplockedm` and `startlockedm` (proc.go), which serve
//! `runtime.LockOSThread` there.
//!
//! # Why
//! A nested call runs the callee on the calling G, above the native's
//! Rust frames (vm/src/interp/nested.rs). Those frames live on the M's
//! thread stack, so the G cannot leave its M when the callee blocks. The
//! M keeps the G, as a thread in a blocking system call does, and gives
//! its P away so that the rest of the program runs (on one P too), and it
//! waits out of the world so that stops of the world and the collector
//! never wait for it.
//!
//! # The protocol ([`PCtx::park_locked`])
//! 1. The G's M, holding its P and in the world, lends the collector the
//!    G's roots (`Lent`: a copy of the words, the parked operation in
//!    place, and this M), sets the G's `locked` flag, and parks the G
//!    with the handshake of g.rs (`Waiting`; or, to yield for a
//!    preemption, `Runnable` in the global queue). If a wakeup came first
//!    it keeps its P and goes on at once. Otherwise it gives its P back,
//!    leaves the world, hands the P off (`handoffp`: to another M when
//!    there is work), counts itself in `nmidlelocked` and waits on its
//!    own condition variable. It is not on the idle-M list, so `startm`
//!    never gives it a P to run other Gs.
//! 2. A waker readies the G like any other: `Waiting -> Runnable`, into a
//!    run queue. Channels, select, timers, semaphores and the netpoller
//!    need not know; the race detector's and the tracer's edges are made
//!    there as for any G.
//! 3. The M that takes a locked G from a queue (`schedule`) does not run
//!    it: it hands its own P to the G's M ([`PCtx::startlockedm`]:
//!    uncounts that M from `nmidlelocked`, sets its `nextp`, wakes it)
//!    and stops.
//! 4. The G's M wakes with the P, acquires it, marks the G `Running`,
//!    enters the world (waiting if it is stopped), takes the lent roots
//!    back and returns; the nested loop resumes the G's parked operation.
//!
//! A stop of the world requested while a nested call runs is served the
//! same way without giving the P away ([`PCtx::lend_for_stop`]): lend,
//! leave the world, enter again.
//!
//! # Invariants
//! 1. A locked G is in at most one place, like any G (m.rs invariant 1);
//!    its M holds its state, not the G, while the G waits or is queued,
//!    and only the hand-off of step 3 makes it run again.
//! 2. `nmidlelocked` counts the Ms parked in step 1 that nobody has
//!    handed a P yet. `checkdead` counts them idle (`midle + nmidlelocked
//!    == mcount`), as Go's does: such an M runs again only when its G is
//!    readied, and a readied G is queued work that `checkdead` sees (or
//!    a timer or I/O wait it sees). The M counts itself only once its G
//!    is parked and its P given away, as Go's `stoplockedm` does: counted
//!    before the park's CAS, an M whose G a wakeup had already reached
//!    (the `WAKE` bit) counted idle while it went on running with its P,
//!    no G queued, and another M parking then reported a deadlock. So a
//!    hand-off may uncount the M before it counts itself: the count is
//!    signed and is -1 for that moment, which only makes the sum smaller
//!    (no deadlock is ever found then; the M runs its G next). The
//!    hand-off uncounts under `Shared.lock` before it gives the P, so the
//!    M that gave it and stops is never the last M while the woken one
//!    still counts idle. When the parking M itself makes the count
//!    complete, it starts an idle M to run `checkdead` (or sleep on
//!    timers) in `stopm`.
//! 3. While it waits the M is out of the world and its G's state stays
//!    locked; the collector's stack jobs scan the lent copy and read the
//!    parked operation in place (a receive completed after the copy was
//!    taken holds the received words in its ticket); dumps show the lent
//!    trace. The M takes the lend back only after it entered the world.
//! 4. A waiting M is counted in `blocked_ms`, so the end of the run does
//!    not wait for it; it returns only once the run has ended and taken
//!    its dump (`Shared::ended`), so a deadlock report shows where its G
//!    waits. It then runs no Go code (the caller unwinds).
//!
//! Rejected: running the nested call on a goroutine of its own (its
//! frames would not be the caller's for traces, panics and `recover`,
//! and the native's Rust frames would still wait on the M); waiting with
//! the P held and in the world (on one P nothing else could run, so a
//! `String` method that takes a contended mutex would hang the program,
//! and a stop of the world would wait forever); queueing the G with its
//! M's identity so that a waker signals the M directly (every waker
//! would have to know, and the M would still need a P).

use super::g::{Lent, LiveRoots, WaitReason};
use super::p::PStatus;
use super::pctx::PCtx;
use super::primitives::Ordering;
use super::tracer::SegEnd;
use super::{Executor, GStatus};

/// Why a G parks locked to its M ([`PCtx::park_locked`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockedPark {
    /// It blocks: it handed its waker to a channel, timer or semaphore.
    Block(WaitReason),
    /// It yields for a preemption: runnable at once, in the global queue.
    Yield,
}

/// What [`PCtx::park_locked`] gives back.
pub struct Unparked {
    /// The lent live roots, returned.
    pub live: Option<Box<dyn LiveRoots>>,
    /// False: the run ended while the G waited; the caller must unwind
    /// without running Go code (its G's state is as it was parked).
    pub runs: bool,
}

impl<E: Executor> PCtx<E> {
    /// Parks the running G in the middle of a slice, its M keeping it
    /// (module docs), and returns once the G runs again with a P, or the
    /// run has ended. `words` is a copy of every root word of the G (its
    /// stack, records, and whatever the caller keeps outside them),
    /// `live` the roots to read in place (the parked operation). For
    /// `Block`, the G's waker must already be published.
    pub fn park_locked(
        &self,
        why: LockedPark,
        words: Box<[u64]>,
        live: Option<Box<dyn LiveRoots>>,
    ) -> Unparked {
        let sh = &self.sh;
        let Some(g) = self.curg.borrow().clone() else {
            gol_gc::throw("park_locked: no goroutine");
        };
        // Without a P when a blocking system call in the nested call came
        // back to none (`Blocker::lost_p`): the G then waits for one.
        let has_p = self.held.borrow().is_some();
        *g.lent_roots.lock() = Some(Box::new(Lent {
            words,
            live,
            m: Some(self.m.clone()),
        }));
        // Release: the hand-off's Acquire load sees the lend.
        g.hdr.locked.store(true, Ordering::Release);
        let end = match why {
            LockedPark::Block(r) => SegEnd::Blocked(r),
            LockedPark::Yield => SegEnd::Preempted,
        };
        if self.tracer().is_some() {
            self.cut_segment(g.hdr.id, end);
        }
        let parked = match why {
            LockedPark::Block(r) => g.hdr.park(r),
            LockedPark::Yield => {
                if let Some(h) = self.held.borrow().as_ref() {
                    h.p.preempt.store(0, Ordering::Relaxed);
                }
                g.hdr.set_status(GStatus::Running, GStatus::Runnable);
                true
            }
        };
        if !parked && has_p {
            // Woken before it parked: it goes on with this P.
            g.hdr.set_status(GStatus::Runnable, GStatus::Running);
            g.hdr.locked.store(false, Ordering::Relaxed);
            g.hdr.clear_wake();
            let live = g.lent_roots.lock().take().and_then(|l| l.live);
            self.reopen_segment(&g.hdr);
            return Unparked { live, runs: true };
        }
        let p = has_p.then(|| self.releasep());
        if why == LockedPark::Yield || !parked {
            // Runnable: it waits in the global queue for a P.
            sh.global.push(g.clone());
        }
        sh.blocked_ms.fetch_add(1, Ordering::AcqRel);
        sh.world.leave();
        match p {
            Some(p) => sh.handoffp(p),
            None => sh.wakep(),
        }
        {
            // Counted only now (invariant 2): parked, its P given away.
            let mut sl = sh.lock.lock();
            sl.nmidlelocked += 1;
            if sl.all_idle() {
                // Every other M is idle: one of them must run `checkdead`
                // (or sleep on timers) in `stopm`, as the last M to park.
                drop(sl);
                sh.startm(None, false);
            }
        }
        let runs = self.wait_for_p();
        sh.blocked_ms.fetch_sub(1, Ordering::AcqRel);
        if runs {
            g.hdr.set_status(GStatus::Runnable, GStatus::Running);
            g.hdr.locked.store(false, Ordering::Relaxed);
            g.hdr.clear_wake();
        }
        sh.world.enter();
        let live = g.lent_roots.lock().take().and_then(|l| l.live);
        if runs {
            self.reopen_segment(&g.hdr);
        }
        Unparked { live, runs }
    }

    /// Waits (parked, out of the world, without a P) until a hand-off
    /// gives this M a P for its locked G (true), or the run has ended and
    /// taken its dump (false).
    fn wait_for_p(&self) -> bool {
        let sh = &self.sh;
        self.trace_flush();
        // Release: runtime/trace.Stop's Acquire load sees the flush.
        self.m.blocked.store(true, Ordering::Release);
        loop {
            let mut pk = self.m.park.lock();
            while pk.nextp.is_none() && !sh.ended.load(Ordering::Acquire) {
                // A wake of the run's end (`finish`) before its dump:
                // keep waiting, the G's state as it was parked.
                pk.wake = false;
                pk = self.m.cv.wait(pk);
            }
            let next = pk.nextp.take();
            pk.spinning = false;
            drop(pk);
            let Some(p) = next else {
                self.m.blocked.store(false, Ordering::Relaxed);
                return false;
            };
            if self.acquirep(p.clone(), PStatus::Idle) {
                self.m.blocked.store(false, Ordering::Relaxed);
                return true;
            }
            // The P was retired on the way (a GOMAXPROCS decrease): any
            // idle P will do, else the G waits in the global queue again.
            if let Some(q) = sh.pidleget() {
                if self.acquirep(q, PStatus::Idle) {
                    self.m.blocked.store(false, Ordering::Relaxed);
                    return true;
                }
            }
            let g = self.curg.borrow().clone();
            if let Some(g) = g {
                sh.lock.lock().nmidlelocked += 1;
                sh.global.push(g);
                sh.wakep();
            }
        }
    }

    /// The tracer's segment of the G resumes on this M (its P now).
    fn reopen_segment(&self, hdr: &super::g::GHeader) {
        if let Some(t) = self.tracer() {
            self.open_segment(t, t.now());
            let flow = hdr.trace_flow.swap(0, Ordering::Relaxed);
            self.seg_flow.set(flow);
        }
    }

    /// Go's `startlockedm`: `g`, taken from a run queue, is locked to the
    /// M that parked it; hand this M's P to that M and wake it. This M
    /// is then without a P (its scheduler loop stops it).
    pub(super) fn startlockedm(&self, g: super::g::GRef<E>) {
        let sh = &self.sh;
        let m = g.lent_roots.lock().as_ref().and_then(|l| l.m.clone());
        let Some(m) = m else {
            gol_gc::throw("startlockedm: locked goroutine without its M");
        };
        drop(g);
        self.inherit_time.set(false);
        let p = self.releasep();
        // Uncounted before the P is given (invariant 2).
        sh.lock.lock().nmidlelocked -= 1;
        let mut pk = m.park.lock();
        pk.nextp = Some(p);
        m.cv.notify_one();
    }

    /// A stop of the world is pending while the running G is in a nested
    /// call: lend its roots (`words`, `live` as for
    /// [`PCtx::park_locked`]), leave the world so that the stop proceeds
    /// (keeping the P), enter again, and take the lend back.
    pub fn lend_for_stop(
        &self,
        words: Box<[u64]>,
        live: Option<Box<dyn LiveRoots>>,
    ) -> Option<Box<dyn LiveRoots>> {
        let Some(g) = self.curg.borrow().clone() else {
            return live;
        };
        *g.lent_roots.lock() = Some(Box::new(Lent {
            words,
            live,
            m: None,
        }));
        self.sh.world.leave();
        self.sh.world.enter();
        let l = g.lent_roots.lock().take();
        l.and_then(|l| l.live)
    }
}
