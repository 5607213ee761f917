//! The M: an OS thread that runs Gs while it holds a P. Its loop
//! (`mstart`, `schedule`, `execute`), parking (`stopm`) and waking
//! (`wakep`, `startm`).
//!
//! # The loop of an M
//! An M (an OS thread) runs Gs only while it holds a P. `schedule` asks
//! `find_runnable` (`findrunnable.rs`) for a G and `execute`s it: the
//! executor runs a slice of it and says why it stopped (yield, preemption,
//! block, done, panic, exit), and `execute` requeues, parks or frees the G
//! accordingly. An M that finds nothing gives its P back and parks on its
//! own condition variable (`stopm`: no CPU burned) until `startm` hands it
//! a P, or the run ends. Ms never exit before shutdown: a parked M is kept
//! on the idle-M list for the next `startm`.
//!
//! # Lost wakeups
//! Work is published (queue push) and then `wakep` reads `npidle` and
//! `nmspinning`; a spinning M that gives up decrements `nmspinning` and then
//! re-reads every queue. Both sides put a SeqCst fence (or SeqCst RMW)
//! between their write and their read (Dekker's pattern), so at least one
//! of them sees the other: either the waker starts a spinning M, or the
//! spinner sees the new work.
//!
//! # Invariants
//! 1. A G is in at most one place: one run queue, one runnext slot, held
//!    by one M (`PCtx.curg`, between `execute`'s status change to
//!    `Running` and the outcome), or parked (reachable only through its
//!    waker). Only `Runnable` Gs are queued (the park handshake in `g.rs`).
//! 2. An M is counted in `mcount` before its thread exists and stays
//!    counted until shutdown, so `checkdead` (which compares the idle Ms
//!    with `mcount`) cannot fire while an M is being started.
//! 3. An M on the idle list holds no P; `startm` takes it off the list
//!    (under `Shared.lock`) before it hands it a P through `MPark.nextp`.
//! 4. A `spinning` start was counted in `nmspinning` by whoever started
//!    it; the M uncounts it when it stops spinning, whatever happens.
//! 5. An M counts itself in the world (`world.rs`) before it locks a G's
//!    state to run a slice, and leaves after the slice; so a stopped
//!    world never has an M that holds a state lock while it waits to
//!    enter. Searching, parked or in a system call, an M is out of the
//!    world (it enters only around a timer callback).
//!
//! # Who touches what
//! * `MPark`: under its own mutex; the parked M, and `startm`/`finish`
//!   waking it.
//! * `MShared`'s atomics: mirrors of the M's own state for the tracer
//!   (Relaxed).

use super::allgs::SchedHandle;
use super::checkdead::LastM;
use super::g::{GRef, GStatus};
use super::p::{PStatus, P};
use super::pctx::PCtx;
use super::primitives::{fence, Arc, AtomicBool, AtomicI64, AtomicU64, Condvar, Mutex, Ordering};
use super::rand::Rng;
use super::shared::{Ending, Shared};
use super::tracer::{Ev, SegEnd};
use super::{Executor, RunOutcome};
use std::cell::{Cell, RefCell};

/// The M ids of the runtime's two threads that are not Ms, numbered as
/// Go numbers its threads (every thread of Go's is an M): m0 starts the
/// main goroutine, m1 is sysmon (Go's `runtime.main` starts it first),
/// and m2 is gol's collector thread (its background mark workers and
/// sweeper, which Go runs as goroutines on Ms of their own). The other Ms
/// take the ids after these ([`m_id`]), so no two threads share one: a
/// signal's header names the thread that took it by this id
/// (`crashtrace::signalled_m`), and `schedtrace`'s detail lists both.
pub(crate) const SYSMON_M: i64 = 1;
pub(crate) const COLLECTOR_M: i64 = 2;

/// The id of the `n`th M started (from 0): 0, then the ids past
/// [`COLLECTOR_M`].
pub(super) fn m_id(n: usize) -> i64 {
    if n == 0 {
        0
    } else {
        n as i64 + COLLECTOR_M
    }
}

/// An M's parking spot.
pub(super) struct MPark<E: Executor> {
    pub(super) nextp: Option<Arc<P<E>>>,
    pub(super) spinning: bool,
    pub(super) wake: bool,
}

/// The shared part of an M.
pub(super) struct MShared<E: Executor> {
    pub(super) id: i64,
    pub(super) park: Mutex<MPark<E>>,
    pub(super) cv: Condvar,
    /// Tracer-only mirrors of the M's own state (Relaxed).
    pub(super) spinning: AtomicBool,
    pub(super) blocked: AtomicBool,
    pub(super) p_id: AtomicI64,
    pub(super) curg: AtomicU64,
}

impl<E: Executor> MShared<E> {
    fn new(id: i64) -> MShared<E> {
        MShared {
            id,
            park: Mutex::new(MPark {
                nextp: None,
                spinning: false,
                wake: false,
            }),
            cv: Condvar::new(),
            spinning: AtomicBool::new(false),
            blocked: AtomicBool::new(false),
            p_id: AtomicI64::new(-1),
            curg: AtomicU64::new(0),
        }
    }
}

/// Ends the run if an M's thread unwinds (a Rust panic in the executor is
/// a VM bug): without this the caller of `run` would wait forever.
struct MUnwindGuard<E: Executor>(Arc<Shared<E>>);

impl<E: Executor> Drop for MUnwindGuard<E> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let sh = &self.0;
            {
                let mut sl = sh.lock.lock();
                sl.live_ms = sl.live_ms.saturating_sub(1);
            }
            sh.finish(Ending::Fatal(
                "unexpected panic in the runtime (see above)".into(),
            ));
        }
    }
}

/// The body of an M's thread: take `p` (if given), run the schedule loop
/// until the run ends, then give the P back, uncount the M and wake
/// `run`'s wait for the Ms to leave.
fn mstart<E: Executor>(
    sh: Arc<Shared<E>>,
    m: Arc<MShared<E>>,
    p: Option<Arc<P<E>>>,
    spinning: bool,
) {
    let _guard = MUnwindGuard(sh.clone());
    super::allgs::set_current_m(m.id, Arc::as_ptr(&m) as usize);
    let seed = sh.now_ns() ^ ((m.id as u64) << 32);
    let cx = PCtx {
        sh: sh.clone(),
        handle: SchedHandle { sh: sh.clone() },
        m: m.clone(),
        held: RefCell::new(None),
        curg: RefCell::new(None),
        spinning: Cell::new(false),
        rng: Rng::new(seed),
        syscall_p: RefCell::new(None),
        seeded_slice: Cell::new(None),
        tbuf: RefCell::default(),
        held_since: Cell::new(0),
        syscall_since: Cell::new(0),
        seg_start: Cell::new(0),
        seg_flow: Cell::new(0),
        trace_seen: Cell::new(0),
        inherit_time: Cell::new(false),
        slice_ran: Cell::new(false),
        flows: Cell::new(0),
        last_cut: Cell::new(0),
        scratch: Cell::new(None),
    };
    if let Some(p) = p {
        cx.acquirep(p, PStatus::Idle);
    }
    if spinning {
        cx.spinning.set(true);
        m.spinning.store(true, Ordering::Relaxed);
    }
    cx.schedule();
    if cx.spinning.get() {
        sh.nmspinning.fetch_sub(1, Ordering::SeqCst);
    }
    if cx.held.borrow().is_some() {
        let p = cx.releasep();
        let mut sl = sh.lock.lock();
        sh.pidleput_locked(&mut sl, p);
    }
    cx.trace_flush();
    let mut sl = sh.lock.lock();
    sl.live_ms -= 1;
    drop(sl);
    let _r = sh.result.lock();
    sh.done_cv.notify_all();
}

impl<E: Executor> Shared<E> {
    /// Go's `wakep`: start a spinning M if there is an idle P and nobody
    /// is spinning already (a spinning M wakes the next when it finds work).
    pub(super) fn wakep(self: &Arc<Self>) {
        self.wakep_after(false)
    }

    /// `wakep` after publishing work; `swapped`: the publishing write was
    /// a SeqCst read-modify-write (runnext's swap, `runq::Next::put`).
    /// Then it needs no fence: that swap and the SeqCst loads below are
    /// in the single total order of SeqCst operations, as the spinner's
    /// decrement, fence and SeqCst read of runnext are, so either our
    /// load sees its decrement or its read sees our G (Dekker, as with
    /// the fence). On x86 the fence is an `mfence` on every goroutine
    /// switch through runnext; the swap is one locked instruction that
    /// had to happen anyway.
    #[inline]
    pub(super) fn wakep_after(self: &Arc<Self>, swapped: bool) {
        if !swapped {
            // Pairs with the SeqCst decrement of `nmspinning` and the
            // re-check in `find_runnable` (Dekker): our queue push
            // happened before.
            fence(Ordering::SeqCst);
        }
        if self.npidle.load(Ordering::SeqCst) == 0 {
            return;
        }
        if self.nmspinning.load(Ordering::SeqCst) != 0
            || self
                .nmspinning
                .compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst)
                .is_err()
        {
            return;
        }
        self.startm(None, true);
    }

    /// Go's `startm`: give `p` (or an idle P) to an idle M, or to a new
    /// one. A `spinning` start was already counted in `nmspinning`.
    pub(super) fn startm(self: &Arc<Self>, p: Option<Arc<P<E>>>, spinning: bool) {
        let mut sl = self.lock.lock();
        let p = match p {
            Some(p) => p,
            None => match self.pidleget_locked(&mut sl) {
                Some(p) => p,
                None => {
                    drop(sl);
                    if spinning {
                        self.nmspinning.fetch_sub(1, Ordering::SeqCst);
                    }
                    return;
                }
            },
        };
        if self.shutdown.load(Ordering::Acquire) {
            self.pidleput_locked(&mut sl, p);
            if spinning {
                self.nmspinning.fetch_sub(1, Ordering::SeqCst);
            }
            return;
        }
        if let Some(m) = sl.midle.pop() {
            drop(sl);
            let mut pk = m.park.lock();
            pk.nextp = Some(p);
            pk.spinning = spinning;
            m.cv.notify_one();
            return;
        }
        // A new M. It is counted (and not idle) before its thread exists,
        // so `checkdead` cannot fire in between.
        let id = m_id(sl.mcount);
        sl.mcount += 1;
        sl.live_ms += 1;
        let m = Arc::new(MShared::new(id));
        sl.allm.push(m.clone());
        drop(sl);
        let sh = self.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("gol-m{id}"))
            .spawn(move || mstart(sh, m, Some(p), spinning));
        match spawned {
            Ok(h) => self.lock.lock().threads.push(h),
            Err(e) => gol_gc::throw(&format!("newosproc: {e}")),
        }
        self.sysmon_wake();
    }
}

impl<E: Executor> PCtx<E> {
    fn schedule(&self) {
        loop {
            if self.sh.shutdown.load(Ordering::Acquire) {
                return;
            }
            if self.held.borrow().is_none() && !self.stopm() {
                return;
            }
            match self.find_runnable() {
                Some(g) => {
                    // GOMAXPROCS dropped below this P while we searched:
                    // the G goes global and the P retires next round.
                    if self
                        .held
                        .borrow()
                        .as_ref()
                        .is_some_and(|h| h.p.id >= self.sh.procs())
                    {
                        self.sh.global.push(g);
                        continue;
                    }
                    // A G parked in a nested call runs on its own M
                    // (lockedm.rs): hand it this P.
                    if g.hdr.locked.load(Ordering::Acquire) {
                        self.startlockedm(g);
                        continue;
                    }
                    self.execute(g)
                }
                None => return,
            }
        }
    }

    /// Go's `stopm`: park until another M hands over a P. False means
    /// the run is over. Runs `checkdead` when this is the last M to park.
    pub(super) fn stopm(&self) -> bool {
        let sh = &self.sh;
        loop {
            let mut sl = sh.lock.lock();
            if sh.shutdown.load(Ordering::Acquire) {
                return false;
            }
            sl.midle.push(self.m.clone());
            // Ms waiting for a locked G count as idle (lockedm.rs).
            if sl.all_idle() {
                // The last M to park: Go's `checkdead` (checkdead.rs).
                sl = match self.last_m_parks(sl) {
                    LastM::Return(held) => return held,
                    LastM::Again => continue,
                    LastM::Park(sl) => sl,
                };
            }
            sh.stats.m_parks.fetch_add(1, Ordering::Relaxed);
            // A parked M's events would wait for it to run again.
            self.trace_flush();
            // Release: runtime/trace.Stop's Acquire load sees the flush
            // (PCtx::trace_wait_flushes).
            self.m.blocked.store(true, Ordering::Release);
            let mut pk = self.m.park.lock();
            drop(sl);
            while pk.nextp.is_none() && !pk.wake {
                pk = self.m.cv.wait(pk);
            }
            self.m.blocked.store(false, Ordering::Relaxed);
            pk.wake = false;
            let next = pk.nextp.take();
            let spinning = std::mem::replace(&mut pk.spinning, false);
            drop(pk);
            if let Some(p) = next {
                if self.acquirep(p, PStatus::Idle) {
                    if spinning {
                        self.spinning.set(true);
                        self.m.spinning.store(true, Ordering::Relaxed);
                    }
                    return true;
                }
                if spinning {
                    sh.nmspinning.fetch_sub(1, Ordering::SeqCst);
                }
            }
            // Woken without a P (shutdown): not in midle any more?
            let mut sl = sh.lock.lock();
            sl.midle.retain(|m| !Arc::ptr_eq(m, &self.m));
        }
    }

    /// Runs one slice of `g` and acts on the outcome. A G taken from
    /// `runnext` inherits the time slice of the G before it (Go's
    /// `inheritTime`): the schedtick does not move, so sysmon, which
    /// preempts a P whose schedtick has not moved for 10 ms, ends the
    /// shared slice of two goroutines that hand work back and forth, and
    /// the local and global queues get their turn.
    fn execute(&self, g: GRef<E>) {
        let sh = &self.sh;
        // The G moves into `curg` for the slice and comes back out after
        // it (no reference count traffic on the switch); the slice reads
        // it through this shared borrow, as the executor's calls
        // (`current_waker`, `goid`) do.
        *self.curg.borrow_mut() = Some(g);
        let cur = self.curg.borrow();
        let Some(g) = cur.as_ref() else {
            gol_gc::throw("execute: no goroutine");
        };
        let inherit = self.inherit_time.replace(false);
        g.hdr.set_status(GStatus::Runnable, GStatus::Running);
        if !inherit {
            if let Some(h) = self.held.borrow().as_ref() {
                // Only the owner writes schedtick: no read-modify-write.
                let t = h.p.schedtick.load(Ordering::Relaxed);
                h.p.schedtick.store(t.wrapping_add(1), Ordering::Relaxed);
            }
        }
        // A slice ran here: a G this one readies may inherit it.
        self.slice_ran.set(true);
        let traced = self.tracer().is_some();
        if let Some(t) = self.tracer() {
            // One clock read per switch: when this M went straight from
            // the last segment to this one, that segment's end is this
            // one's start (the scheduler's own time between them counts
            // in this segment).
            let t0 = match self.last_cut.replace(0) {
                0 => t.now(),
                t1 => t1,
            };
            self.open_segment(t, t0);
            // A load, and a store only when there is an arrow: only this
            // G's waker (before making it runnable) or thief (before
            // running it) writes the slot, so no swap is needed.
            let flow = g.hdr.trace_flow.load(Ordering::Relaxed);
            if flow != 0 {
                g.hdr.trace_flow.store(0, Ordering::Relaxed);
            }
            self.seg_flow.set(flow);
        }
        self.m.curg.store(g.hdr.id, Ordering::Relaxed);
        // Counted in before taking the G's state, so a stopped world
        // never has an M holding a state lock while it waits to enter.
        // A wait for a stopped world is not the segment's: it starts
        // when the world does.
        if sh.world.enter() {
            if let Some(t) = self.tracer() {
                self.seg_start.set(t.now());
            }
        }
        let outcome = {
            let mut st = g.state.lock();
            match st.as_mut() {
                Some(s) => {
                    // Read before the swap: a G is named once, and its
                    // later segments skip the read-modify-write.
                    if traced
                        && !g.hdr.trace_named.load(Ordering::Relaxed)
                        && !g.hdr.trace_named.swap(true, Ordering::Relaxed)
                    {
                        let name = sh.exec.g_name(s);
                        self.trace(Ev::Name { g: g.hdr.id, name });
                    }
                    sh.exec.run(s, self)
                }
                None => gol_gc::throw("execute: goroutine without state"),
            }
        };
        // A segment running when `runtime/trace.Start` turned the
        // tracer on is recorded from then.
        let traced = traced
            || self.tracer().is_some_and(|t| {
                self.seg_flow.set(0);
                self.seg_start.set(t.started());
                true
            });
        if traced {
            let end = match outcome {
                RunOutcome::Preempted => SegEnd::Preempted,
                RunOutcome::Yielded => SegEnd::Yielded,
                RunOutcome::Blocked(r) => SegEnd::Blocked(r),
                RunOutcome::Done | RunOutcome::Goexit => SegEnd::Done,
                RunOutcome::Panicked => SegEnd::Panicked,
                RunOutcome::Exit(_) => SegEnd::Exit,
            };
            self.cut_segment(g.hdr.id, end);
        }
        sh.exec.after_slice(self, &outcome);
        if outcome == RunOutcome::Preempted {
            // A safepoint may have collected or waited for the collector:
            // that time is no goroutine's (tracer).
            self.last_cut.set(0);
        }
        // Before leaving the world: a stop of the world that returns has
        // the events of every M that was in it (Tracer::request_flush).
        self.trace_ack();
        sh.world.leave();
        sh.exec.after_leave(self, &outcome);
        drop(cur);
        let Some(g) = self.curg.borrow_mut().take() else {
            gol_gc::throw("execute: goroutine gone");
        };
        self.m.curg.store(0, Ordering::Relaxed);
        if let Some(s) = &sh.seeded {
            let mut st = s.lock();
            st.ran(outcome == RunOutcome::Yielded);
            if matches!(outcome, RunOutcome::Done | RunOutcome::Goexit) {
                st.forget(g.hdr.id);
            }
        }
        match outcome {
            RunOutcome::Yielded | RunOutcome::Preempted => {
                if matches!(outcome, RunOutcome::Preempted) {
                    sh.stats.preempted.fetch_add(1, Ordering::Relaxed);
                    // The request is served (a PREEMPT_ANY one too: the
                    // P retires or the run ends, the next G starts anew).
                    if let Some(h) = self.held.borrow().as_ref() {
                        h.p.preempt.store(0, Ordering::Relaxed);
                    }
                }
                g.hdr.clear_wake();
                g.hdr.set_status(GStatus::Running, GStatus::Runnable);
                // Go's goschedImpl/gopreempt_m: to the global queue.
                sh.global.push(g);
                // Idle Ps may take it at once (a no-op when none is idle).
                sh.wakep();
            }
            RunOutcome::Blocked(reason) => {
                if !g.hdr.park(reason) {
                    self.runqput(g, true);
                    if self.held.borrow().is_none() {
                        sh.wakep();
                    }
                }
            }
            RunOutcome::Done | RunOutcome::Goexit => {
                g.hdr.clear_wake();
                let main = g.hdr.id == 1 && outcome == RunOutcome::Done;
                sh.free_g(&g);
                if main {
                    sh.finish(Ending::Done);
                }
            }
            RunOutcome::Panicked => {
                let st = g.state.lock().take();
                match st {
                    Some(st) => sh.finish(Ending::Panicked(g.hdr.id, st)),
                    None => gol_gc::throw("panicked goroutine without state"),
                }
            }
            RunOutcome::Exit(code) => sh.finish(Ending::Exit(code)),
        }
    }
}
