//! System calls and P hand-off (Go's `entersyscall`, `exitsyscall`,
//! `handoffp`), and the [`Blocker`] through which a native blocks in the
//! middle of a slice.
//!
//! # The protocol
//! `entersyscall` leaves the P in state `Syscall` with its local queue
//! parked inside it; sysmon retakes such a P after 20 µs when it has work
//! (or nobody else is idle or spinning, or after 10 ms) and hands it to
//! another M (`handoffp`). `exitsyscall` first tries to take its old P back
//! with one CAS, then any idle P; failing both it returns false and the
//! executor must return `Yielded` at once: the G goes to the global queue
//! and the M stops, as Go's `exitsyscall0` does.
//!
//! # Invariants
//! 1. While its G is in a system call an M holds no P: the P it left is
//!    `Syscall` (the M may take it back) or, once sysmon's CAS to `Idle`
//!    won, belongs to whoever `handoffp` gives it. The old M's CAS from
//!    `Syscall` and sysmon's cannot both succeed.
//! 2. An M in a system call is out of the world (`world.rs`): a stop of
//!    the world does not wait for it, and it waits for a stopped world to
//!    restart before it touches goroutine state again (`exitsyscall`
//!    enters the world first).
//! 3. `syscall_when_ns` is written before the Release CAS to `Syscall` and
//!    read after sysmon's Acquire load of the status.
//! 4. A P handed off gets an M whenever there is something for it to do
//!    (its queue, the global queue, its timers) or nobody else could
//!    notice new work (no spinning M, no idle P); otherwise it goes idle.
//!    A P above GOMAXPROCS retires instead (`procresize.rs`).
//! 5. A [`Blocker`]'s G keeps its state locked; the collector scans the
//!    copy of its roots it lends while it blocks, and the copy is taken
//!    back before the G runs again.

use super::g::{GRef, GStatus};
use super::p::{PStatus, P};
use super::pctx::PCtx;
use super::primitives::{Arc, Ordering};
use super::shared::Shared;
use super::Executor;

impl<E: Executor> P<E> {
    pub(super) fn syscall_when(&self) -> u64 {
        self.syscall_when_ns.load(Ordering::Relaxed)
    }

    /// sysmon's CAS Syscall -> Idle; the caller then owns the P.
    pub(super) fn retake_from_syscall(&self) -> bool {
        self.cas_status(PStatus::Syscall, PStatus::Idle)
    }
}

impl<E: Executor> Shared<E> {
    /// Go's `handoffp`: a P taken from an M in a system call (or otherwise
    /// orphaned) goes to an M if there is anything for it to do.
    pub(super) fn handoffp(self: &Arc<Self>, p: Arc<P<E>>) {
        if p.id >= self.procs() {
            let mut sl = self.lock.lock();
            self.pidleput_locked(&mut sl, p);
            return;
        }
        if p.has_work() || !self.global.is_empty() {
            self.startm(Some(p), false);
            return;
        }
        if self.nmspinning.load(Ordering::SeqCst) + self.npidle.load(Ordering::SeqCst) == 0
            && self
                .nmspinning
                .compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
        {
            self.startm(Some(p), true);
            return;
        }
        if !p.timers.is_empty() {
            // Someone must sleep until this P's timers: an M that finds
            // nothing to run becomes the sleeper.
            self.startm(Some(p), false);
            return;
        }
        let mut sl = self.lock.lock();
        self.pidleput_locked(&mut sl, p);
    }
}

/// A way for the running G to block in the middle of a slice
/// ([`PCtx::blocker`]), in a native that cannot end first as
/// [`PCtx::entersyscall`]'s callers do: a read of standard input inside a
/// scan. Lives in the native's frame (the borrow of the M's context).
pub struct Blocker<'a, E: Executor> {
    cx: &'a PCtx<E>,
    g: GRef<E>,
    roots: Option<Box<[u64]>>,
    lost_p: bool,
}

impl<E: Executor> Blocker<'_, E> {
    /// Runs `f`, which may block for long and touches no memory a stopped
    /// world freezes, as a system call: the G's P goes to others (sysmon
    /// retakes it, so other goroutines run even on one P) and a stop of
    /// the world no longer waits for this M. The G's state stays locked;
    /// the collector scans the copy of its roots given to
    /// [`PCtx::blocker`], which must hold every root word the G has
    /// while `f` runs. Returns with the world entered and the copy taken
    /// back, so no scanner reads it once the G runs again. If no P was
    /// free on the way back the G goes on without one until the native
    /// returns: [`Blocker::lost_p`] then asks the caller to end the
    /// slice at once (the G then waits in the global queue for a P).
    pub fn run<R>(&mut self, f: impl FnOnce() -> R) -> R {
        let sh = &self.cx.sh;
        *self.g.lent_roots.lock() = self.roots.take().map(|words| {
            Box::new(super::g::Lent {
                words,
                live: None,
                m: None,
            })
        });
        sh.blocked_ms.fetch_add(1, Ordering::AcqRel);
        if self.lost_p {
            // Already without a P (an earlier read): just leave the world.
            sh.world.leave();
        } else {
            self.cx.entersyscall();
        }
        let r = f();
        sh.blocked_ms.fetch_sub(1, Ordering::AcqRel);
        if self.lost_p {
            sh.world.enter();
        } else if !self.cx.exitsyscall() {
            self.lost_p = true;
        }
        self.roots = self.g.lent_roots.lock().take().map(|l| l.words);
        r
    }

    /// Whether the G came back from a blocking call without a P: the
    /// native must end the slice as soon as it returns.
    pub fn lost_p(&self) -> bool {
        self.lost_p
    }
}

impl<E: Executor> PCtx<E> {
    /// A [`Blocker`] for the running G, whose root words while it blocks
    /// are `roots` (None outside a G).
    pub fn blocker(&self, roots: Box<[u64]>) -> Option<Blocker<'_, E>> {
        let g = self.curg.borrow().as_ref()?.clone();
        Some(Blocker {
            cx: self,
            g,
            roots: Some(roots),
            lost_p: false,
        })
    }

    /// Go's `entersyscall`: the running G is about to block in the OS.
    /// Its P stays attached in state `Syscall`; sysmon may hand it away.
    pub fn entersyscall(&self) {
        let Some(g) = self.curg.borrow().clone() else {
            gol_gc::throw("entersyscall: no goroutine");
        };
        if self.tracer().is_some() {
            self.cut_segment(g.hdr.id, super::tracer::SegEnd::Syscall);
            // The call starts as the segment ends (one clock read).
            self.syscall_since.set(self.last_cut.replace(0));
        }
        let Some(h) = self.held.borrow_mut().take() else {
            gol_gc::throw("entersyscall: no P");
        };
        self.trace_held(h.p.id);
        // A system call may outlast runtime/trace.Stop, which does not
        // wait for it: its events go now.
        if self.tracer().is_some() {
            self.trace_flush();
        }
        g.hdr.set_status(GStatus::Running, GStatus::Syscall);
        let p = h.p;
        *p.local.lock() = Some(h.local);
        p.syscalltick.fetch_add(1, Ordering::Relaxed);
        p.syscall_when_ns.store(self.sh.now_ns(), Ordering::Relaxed);
        // Release: sysmon's Acquire load of Syscall sees syscall_when.
        if !p.cas_status(PStatus::Running, PStatus::Syscall) {
            gol_gc::throw("entersyscall: P not running");
        }
        self.m.p_id.store(-1, Ordering::Relaxed);
        *self.syscall_p.borrow_mut() = Some(p);
        // A G in a system call does not hold up a stop of the world (it
        // touches no goroutine state until `exitsyscall`).
        self.sh.world.leave();
    }

    /// Go's `exitsyscall`. True: the G holds a P again and continues.
    /// False: no P was free; the executor must return `Yielded` now (the G
    /// then waits in the global queue for an M with a P).
    pub fn exitsyscall(&self) -> bool {
        // Waits here while the world is stopped.
        self.sh.world.enter();
        let Some(g) = self.curg.borrow().clone() else {
            gol_gc::throw("exitsyscall: no goroutine");
        };
        g.hdr.set_status(GStatus::Syscall, GStatus::Running);
        let Some(oldp) = self.syscall_p.borrow_mut().take() else {
            gol_gc::throw("exitsyscall: not in a system call");
        };
        let got = if self.acquirep(oldp, PStatus::Syscall) {
            self.sh
                .stats
                .syscall_fast_exits
                .fetch_add(1, Ordering::Relaxed);
            true
        } else {
            match self.sh.pidleget() {
                Some(p) => self.acquirep(p, PStatus::Idle),
                None => false,
            }
        };
        if let Some(t) = self.tracer() {
            let now = t.now();
            self.trace(super::tracer::Ev::Span {
                track: super::tracer::Track::M(self.m.id.max(0) as u32),
                t0: self.syscall_since.get().min(now),
                t1: now,
                name: "system call".into(),
            });
            self.seg_start.set(now);
        }
        got
    }
}
