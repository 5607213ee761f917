//! The P: a logical processor, the right to run Go code (Go's `p` and
//! its `_Pidle`/`_Prunning`/`_Psyscall`/`_Pdead` states), the table of
//! every P, the idle-P list, and an M's hold on a P.
//!
//! A P owns what a running G needs without locks: its local run queue
//! (`runq.rs`: an owner handle and a thief handle), a `runnext` slot, a
//! timer heap and its schedtick. There are GOMAXPROCS of them in use, in a
//! fixed table of [`MAX_PROCS`](super::MAX_PROCS) slots created lazily
//! (`procresize.rs`).
//!
//! # States
//! ```text
//! Idle    --acquirep: CAS (from the idle list or MPark.nextp)--> Running
//! Running --releasep: CAS (the holder)-------------------------> Idle
//! Running --entersyscall: CAS (the holder)---------------------> Syscall
//! Syscall --exitsyscall: CAS (the M that entered the call)-----> Running
//! Syscall --retake: CAS (sysmon), then handoffp----------------> Idle
//! Idle    --retire: store under Shared.lock (id >= GOMAXPROCS)-> Dead
//! Dead    --procresize: CAS under Shared.lock------------------> Idle
//! ```
//! Every transition out of `Running` or `Syscall` is a CAS on `P.status`
//! ([`P::cas_status`]), so two parties racing for one P (sysmon retaking
//! it from a system call, the M coming back from that call) cannot both
//! win. Retirement is a plain store: it happens under `Shared.lock` to a
//! P that no M holds.
//!
//! # Invariants
//! 1. An M holds at most one P; a P is held by at most one M: whoever wins
//!    the CAS to `Running` holds it (`acquirep`), and only the holder
//!    moves it out of `Running`.
//! 2. A P's local queue is touched only by the M holding the P: the
//!    `Local` owner handle moves into the M's context ([`Held`]) while it
//!    holds the P, and sits in the P's mutex otherwise, so the type system
//!    enforces it. Thieves use the `Thief` handle.
//! 3. A P is on the idle list at most once, and only while idle; `npidle`
//!    equals the list's length whenever `Shared.lock` is free.
//! 4. A P at or above GOMAXPROCS never goes back on the idle list: putting
//!    or taking it retires it (`procresize.rs`).
//!
//! # Who touches what
//! * `P.local`: its owner M only (invariant 2).
//! * `P.runnext`: an atomic slot (`runq::Next`); the owner M puts and
//!   takes, thieves take (in the last steal round).
//! * `P.preempt`: atomic; set by sysmon, procresize and shutdown, read
//!   and cleared by the owner M.
//! * `P.status`: CAS by whoever makes a transition (above).
//! * `P.schedtick`, `P.m_id`: the owner writes; the tracer reads stale
//!   values.
//! * The idle list: under `Shared.lock` (`shared.rs`).

use super::g::GRef;
use super::pctx::PCtx;
use super::primitives::{Arc, AtomicI64, AtomicU32, AtomicU64, Mutex, Ordering};
use super::runq::{self, Local, Next, Thief};
use super::shared::{SchedLock, Shared};
use super::timer::TimerAction;
use super::timerheap::Timers;
use super::Executor;

/// Go's `_Pidle`, `_Prunning`, `_Psyscall`, `_Pdead`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub(super) enum PStatus {
    Idle = 0,
    Running = 1,
    Syscall = 2,
    Dead = 4,
}

impl PStatus {
    fn from_u32(v: u32) -> PStatus {
        match v {
            0 => PStatus::Idle,
            1 => PStatus::Running,
            2 => PStatus::Syscall,
            _ => PStatus::Dead,
        }
    }
}

/// `P::preempt`'s request for whatever G runs on the P.
pub(super) const PREEMPT_ANY: u64 = u64::MAX;

/// A logical processor.
pub(super) struct P<E: Executor> {
    pub(super) id: usize,
    /// A [`PStatus`]; Idle->Running by `acquirep` (under `Shared.lock` via
    /// the idle list), Running->Syscall->Running by the owner, Syscall->Idle
    /// by sysmon's CAS.
    pub(super) status: AtomicU32,
    /// The owner's queue handle while no M holds this P.
    pub(super) local: Mutex<Option<Local<GRef<E>>>>,
    pub(super) thief: Thief<GRef<E>>,
    pub(super) runnext: Next<super::g::GInner<E>>,
    pub(super) timers: Timers<TimerAction<E>>,
    /// Incremented by the owner on every `execute` (Relaxed: statistics
    /// and the 61st-tick rule, read by the owner; the tracer reads a
    /// possibly stale value).
    pub(super) schedtick: AtomicU64,
    pub(super) syscalltick: AtomicU64,
    /// When the current system call started (owner writes before the
    /// Release CAS to Syscall; sysmon reads after an Acquire load).
    pub(super) syscall_when_ns: AtomicU64,
    /// A preemption request: the schedtick whose time slice is over, plus
    /// one ([`PREEMPT_ANY`]: whatever runs now). The running G yields at
    /// its next safepoint while the request names the current schedtick
    /// ([`P::preempt_requested`]), so a request that arrives after its
    /// slice ended names a stale tick and lapses by itself: `execute`
    /// clears nothing. Set by sysmon's 10 ms rule, a GOMAXPROCS decrease
    /// and shutdown; read by the owner. Go keeps the flag on the G; here
    /// it is on the P, because the slice belongs to the P: a G taken from
    /// `runnext` inherits it (`execute`), so two goroutines handing work
    /// back and forth through `runnext` share one slice and cannot
    /// starve the local queue. Relaxed: a hint polled at safepoints; a
    /// late read costs one more instruction budget.
    pub(super) preempt: AtomicU64,
    /// The M holding this P, -1 if none (tracer only).
    pub(super) m_id: AtomicI64,
}

impl<E: Executor> P<E> {
    fn new(id: usize) -> P<E> {
        let (local, thief) = runq::local();
        P {
            id,
            status: AtomicU32::new(PStatus::Idle as u32),
            local: Mutex::new(Some(local)),
            thief,
            runnext: Next::default(),
            timers: Timers::default(),
            schedtick: AtomicU64::new(0),
            syscalltick: AtomicU64::new(0),
            syscall_when_ns: AtomicU64::new(0),
            preempt: AtomicU64::new(0),
            m_id: AtomicI64::new(-1),
        }
    }

    pub(super) fn status(&self) -> PStatus {
        PStatus::from_u32(self.status.load(Ordering::Acquire))
    }

    pub(super) fn cas_status(&self, from: PStatus, to: PStatus) -> bool {
        self.status
            .compare_exchange(from as u32, to as u32, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }

    /// Whether the running time slice was asked to end (owner only: it
    /// reads its own schedtick).
    #[inline]
    pub(super) fn preempt_requested(&self) -> bool {
        let r = self.preempt.load(Ordering::Relaxed);
        r != 0 && (r == PREEMPT_ANY || r == self.schedtick.load(Ordering::Relaxed).wrapping_add(1))
    }

    /// Asks the G running on this P now to yield (GOMAXPROCS decrease,
    /// shutdown).
    pub(super) fn preempt_any(&self) {
        self.preempt.store(PREEMPT_ANY, Ordering::Relaxed);
    }

    pub(super) fn has_work(&self) -> bool {
        !self.thief.is_empty() || self.runnext.is_some()
    }
}

/// The P an M holds, with its queue's owner handle.
pub(super) struct Held<E: Executor> {
    pub(super) p: Arc<P<E>>,
    pub(super) local: Local<GRef<E>>,
}

impl<E: Executor> Shared<E> {
    pub(super) fn p(&self, i: usize) -> Option<&Arc<P<E>>> {
        self.allp.get(i).and_then(|c| c.get())
    }

    pub(super) fn p_or_new(&self, i: usize) -> &Arc<P<E>> {
        self.allp[i].get_or_init(|| Arc::new(P::new(i)))
    }

    /// Every P created so far (including retired ones).
    pub(super) fn all_ps(&self) -> impl Iterator<Item = &Arc<P<E>>> {
        self.allp.iter().map_while(|c| c.get())
    }

    pub(super) fn pidleput_locked(&self, sl: &mut SchedLock<E>, p: Arc<P<E>>) {
        p.m_id.store(-1, Ordering::Relaxed);
        if p.id >= self.procs() {
            self.retire(&p);
            return;
        }
        if sl.pidle.iter().any(|q| Arc::ptr_eq(q, &p)) {
            // A GOMAXPROCS increase already listed this P (it was being
            // retired by its M at the time).
            return;
        }
        sl.pidle.push(p);
        // SeqCst: read by `wakep` after a queue push (the lost-wakeup
        // argument in m.rs).
        self.npidle.fetch_add(1, Ordering::SeqCst);
    }

    pub(super) fn pidleget_locked(&self, sl: &mut SchedLock<E>) -> Option<Arc<P<E>>> {
        while let Some(p) = sl.pidle.pop() {
            self.npidle.fetch_sub(1, Ordering::SeqCst);
            if p.id >= self.procs() {
                self.retire(&p);
                continue;
            }
            return Some(p);
        }
        None
    }

    pub(super) fn pidleget(&self) -> Option<Arc<P<E>>> {
        let mut sl = self.lock.lock();
        self.pidleget_locked(&mut sl)
    }
}

impl<E: Executor> PCtx<E> {
    pub(super) fn acquirep(&self, p: Arc<P<E>>, from: PStatus) -> bool {
        if !p.cas_status(from, PStatus::Running) {
            return false;
        }
        let Some(local) = p.local.lock().take() else {
            gol_gc::throw("acquirep: P without its queue");
        };
        p.m_id.store(self.m.id, Ordering::Relaxed);
        self.m.p_id.store(p.id as i64, Ordering::Relaxed);
        if let Some(t) = self.tracer() {
            self.held_since.set(t.now());
        }
        *self.held.borrow_mut() = Some(Held { p, local });
        self.slice_ran.set(false);
        true
    }

    pub(super) fn releasep(&self) -> Arc<P<E>> {
        let Some(h) = self.held.borrow_mut().take() else {
            gol_gc::throw("releasep: no P");
        };
        self.trace_held(h.p.id);
        self.last_cut.set(0);
        *h.p.local.lock() = Some(h.local);
        h.p.m_id.store(-1, Ordering::Relaxed);
        self.m.p_id.store(-1, Ordering::Relaxed);
        if !h.p.cas_status(PStatus::Running, PStatus::Idle) && h.p.status() != PStatus::Dead {
            gol_gc::throw("releasep: invalid P state");
        }
        h.p
    }

    pub(super) fn held_p(&self) -> Option<Arc<P<E>>> {
        self.held.borrow().as_ref().map(|h| h.p.clone())
    }

    /// Go's `runqput`: `next` puts `g` in runnext and kicks the old one to
    /// the tail of the local queue. Without a P, the global queue. True
    /// when the only write was runnext's SeqCst swap, which stands for
    /// `wakep`'s fence in the lost-wakeup argument ([`Shared::wakep_after`]).
    pub(super) fn runqput(&self, g: GRef<E>, next: bool) -> bool {
        let held = self.held.borrow();
        let Some(h) = held.as_ref() else {
            self.sh.global.push(g);
            return false;
        };
        let g = if next {
            match h.p.runnext.put(g) {
                Some(old) => old,
                None => return true,
            }
        } else {
            g
        };
        let moved = h.local.push(g, &self.sh.global);
        if moved > 0 {
            self.sh
                .stats
                .overflow_moves
                .fetch_add(moved as u64, Ordering::Relaxed);
        }
        false
    }
}
