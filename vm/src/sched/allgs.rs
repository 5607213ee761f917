//! The table of every live G (Go's `allgs`): creating and freeing Gs,
//! and reading their states from threads that are not running them (the
//! collector's root scan, [`SchedHandle`]).
//!
//! # The algorithm
//! A G is an `Arc` with a header the scheduler reads freely (`g.rs`) and
//! the executor's state behind a mutex that the M running it holds for
//! the whole slice. The table keeps one slot per live G and reuses the
//! slots of dead ones (a free list), so its size follows the peak number
//! of live Gs, not the total ever created; each G records its slot.
//! A reader visits a slot by *try*-locking the G's state: a G that is not
//! running is read in place (nothing is copied); a running G is reported
//! `Busy`, unless it is blocked out of the world in a [`Blocker`], whose
//! lent copy of its roots is read instead.
//!
//! # Invariants
//! 1. Every live G is in exactly one slot, and its header's `slot` names
//!    it; a slot freed by `free_g` holds no G until `new_g` reuses it.
//! 2. `live_gs` counts the Gs in the table (incremented after insertion,
//!    decremented after removal).
//! 3. A G's state is read only under its lock; a reader never waits for
//!    it (try-lock), so a scan cannot deadlock with a running slice.
//! 4. Goroutine ids are never reused; 0 means "no G" (ids start at 1).

use super::g::{GHeader, GInner, GRef, GStatus};
use super::primitives::{Arc, AtomicU32, Mutex, Ordering};
use super::shared::Shared;
use super::Executor;

/// The table of every live G (Go's `allgs`), with free-slot reuse.
pub(super) struct GTable<E: Executor> {
    pub(super) slots: Vec<Option<GRef<E>>>,
    pub(super) free: Vec<usize>,
}

impl<E: Executor> Shared<E> {
    pub(super) fn new_g(&self, state: E::G) -> GRef<E> {
        let id = self.goid_gen.fetch_add(1, Ordering::Relaxed) + 1;
        let g = Arc::new(GInner {
            hdr: GHeader::new(id),
            state: Mutex::new(Some(state)),
            lent_roots: Mutex::new(None),
        });
        let mut t = self.allgs.lock();
        let slot = match t.free.pop() {
            Some(s) => {
                t.slots[s] = Some(g.clone());
                s
            }
            None => {
                t.slots.push(Some(g.clone()));
                t.slots.len() - 1
            }
        };
        g.hdr.slot.store(slot, Ordering::Relaxed);
        drop(t);
        self.live_gs.fetch_add(1, Ordering::AcqRel);
        self.stats.spawned.fetch_add(1, Ordering::Relaxed);
        g
    }

    /// A dead G leaves the table (Go keeps it on a free list for reuse;
    /// here the executor's state is dropped and the slot reused).
    pub(super) fn free_g(&self, g: &GRef<E>) {
        g.hdr.set_status(GStatus::Running, GStatus::Dead);
        drop(g.state.lock().take());
        let slot = g.hdr.slot.load(Ordering::Relaxed);
        let mut t = self.allgs.lock();
        if let Some(s) = t.slots.get_mut(slot) {
            *s = None;
            t.free.push(slot);
        }
        drop(t);
        self.live_gs.fetch_sub(1, Ordering::AcqRel);
    }

    /// Runs `f` on the state of the G in slot `i` unless that G is running
    /// (its state locked) or has id `skip`.
    fn with_g_slot<R>(
        &self,
        i: usize,
        skip: u64,
        f: impl FnOnce(GRoots<'_, E::G>, &AtomicU32) -> R,
    ) -> SlotVisit<R> {
        let g = match self.allgs.lock().slots.get(i) {
            Some(Some(g)) => g.clone(),
            _ => return SlotVisit::Empty,
        };
        let stamp = || g.hdr.gc_cycle.load(Ordering::Acquire);
        // Go's `waitsince`: the stack scan dates a wait it finds.
        g.hdr
            .stamp_wait_since(super::g::wait_epoch().elapsed().as_secs());
        if g.hdr.id == skip {
            return SlotVisit::Skipped(stamp());
        }
        let visit = match g.state.try_lock() {
            Some(st) => match st.as_ref() {
                Some(s) => SlotVisit::Visited(f(GRoots::State(s), &g.hdr.gc_cycle)),
                None => SlotVisit::Empty,
            },
            None => match g.lent_roots.lock().as_deref() {
                Some(l) => {
                    let roots = LentRoots {
                        words: &l.words,
                        live: l.live.as_deref(),
                    };
                    SlotVisit::Visited(f(GRoots::Lent(roots), &g.hdr.gc_cycle))
                }
                None => SlotVisit::Busy(stamp()),
            },
        };
        visit
    }

    /// Every G but the one with id `me` (0: none), in table order. Sized
    /// up front: a stop of the world with 200,000 parked Gs would
    /// otherwise grow it by doubling, a transient that counts in the
    /// process's peak memory.
    fn others(&self, me: u64) -> Vec<GRef<E>> {
        let t = self.allgs.lock();
        let mut v = Vec::with_capacity(t.slots.len().saturating_sub(t.free.len()));
        v.extend(t.slots.iter().flatten().filter(|g| g.hdr.id != me).cloned());
        v
    }

    /// [`PCtx::with_views`] for every G but the one with id `me`.
    pub(super) fn with_views<R>(&self, me: u64, f: impl FnOnce(&[GView<'_, E::G>]) -> R) -> R {
        // Which M each G is the current G of (Go's `gp.m`): running, or
        // held by its M in a system call.
        let on_m: Vec<(u64, GM)> = {
            let sl = self.lock.lock();
            sl.allm
                .iter()
                .map(|m| {
                    let mp = Arc::as_ptr(m) as usize;
                    (m.curg.load(Ordering::Relaxed), GM { id: m.id, mp })
                })
                .filter(|(g, _)| *g != 0)
                .collect()
        };
        let mut gs = self.others(me);
        gs.sort_by_key(|g| g.hdr.id);
        let guards: Vec<_> = gs.iter().map(|g| g.state.try_lock()).collect();
        // A G whose state is locked may be blocked out of the world with
        // a copy of its roots lent (`Blocker`).
        let lent: Vec<_> = gs
            .iter()
            .zip(&guards)
            .map(|(g, st)| match st {
                Some(_) => None,
                None => Some(g.lent_roots.lock()),
            })
            .collect();
        let views: Vec<GView<'_, E::G>> = gs
            .iter()
            .zip(&guards)
            .zip(&lent)
            .map(|((g, st), lent)| GView {
                id: g.hdr.id,
                status: g.hdr.status(),
                wait: g.hdr.wait_reason(),
                wait_minutes: g.hdr.wait_minutes(),
                gp: Arc::as_ptr(g) as usize,
                m: on_m
                    .iter()
                    .find(|(id, _)| *id == g.hdr.id)
                    .filter(|_| matches!(g.hdr.status(), GStatus::Running | GStatus::Syscall))
                    .map(|(_, m)| *m),
                g: st.as_ref().and_then(|s| s.as_ref()),
                lent: lent.as_ref().and_then(|l| l.as_deref()).map(|l| &*l.words),
            })
            .collect();
        f(&views)
    }

    /// [`PCtx::with_gs`] for every G but the one with id `me` (0: none).
    pub(super) fn with_gs<R>(&self, me: u64, f: impl FnOnce(Option<&[&E::G]>) -> R) -> R {
        let gs = self.others(me);
        let mut guards = Vec::with_capacity(gs.len());
        for g in &gs {
            match g.state.try_lock() {
                Some(st) => guards.push(st),
                None => return f(None),
            }
        }
        let states: Vec<&E::G> = guards.iter().filter_map(|s| s.as_ref()).collect();
        f(Some(&states))
    }
}

/// One goroutine as a dump shows it: its id, status and wait reason, and
/// its executor state when that can be read (not while another M runs it
/// or it is in a system call).
pub struct GView<'a, G> {
    pub id: u64,
    pub status: GStatus,
    pub wait: super::WaitReason,
    /// Whole minutes it has waited, as far as the collector knows (see
    /// `GHeader::wait_minutes`).
    pub wait_minutes: u64,
    pub g: Option<&'a G>,
    /// When `g` is None: the copy of its roots a G blocked out of the
    /// world lent (`Blocker`), if any.
    pub lent: Option<&'a [u64]>,
    /// The G's address (Go's `gp=`, system-level dumps).
    pub gp: usize,
    /// The M it is the current G of, running or in a system call (Go's
    /// `m=`; None: `m=nil`).
    pub m: Option<GM>,
}

/// An M as a dump names it: its number and address (Go's `m=`, `mp=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GM {
    pub id: i64,
    pub mp: usize,
}

thread_local! {
    /// The M this thread is (set when an M's thread starts).
    static CURRENT_M: std::cell::Cell<Option<GM>> = const { std::cell::Cell::new(None) };
}

pub(super) fn set_current_m(id: i64, mp: usize) {
    CURRENT_M.with(|c| c.set(Some(GM { id, mp })));
}

/// The M the calling thread is, if it is one (a report made on the M of
/// the failing goroutine names it, as Go's `m=` does).
pub fn current_m() -> Option<GM> {
    CURRENT_M.with(|c| c.get())
}

/// What [`SchedHandle::with_g_slot`] lends its callback: the state of a G
/// that is not running, or the copy of its roots a G blocked out of the
/// world left ([`Blocker`]).
pub enum GRoots<'a, G> {
    State(&'a G),
    Lent(LentRoots<'a>),
}

/// The roots a G blocked out of the world lends: a copy of its words,
/// and what changes while it waits, read in place (`g.rs`, `Lent`).
pub struct LentRoots<'a> {
    pub words: &'a [u64],
    pub live: Option<&'a dyn super::g::LiveRoots>,
}

impl LentRoots<'_> {
    /// Every lent word that may be a heap pointer.
    pub fn for_each_word(&self, f: &mut dyn FnMut(u64)) {
        self.words.iter().for_each(|&w| f(w));
        if let Some(l) = self.live {
            l.for_each_word(f);
        }
    }
}

/// What [`SchedHandle::with_g_slot`] found in a slot of the G table.
#[derive(Debug, PartialEq, Eq)]
pub enum SlotVisit<R> {
    /// No G lives in the slot (it ended; the slot may be reused later).
    Empty,
    /// The slot holds the G the caller asked to skip (with its
    /// collector stamp, `GHeader::gc_cycle`).
    Skipped(u32),
    /// The G's state is locked: it is running, or in a system call (with
    /// its collector stamp).
    Busy(u32),
    /// The G was not running, or it is blocked out of the world in a
    /// slice ([`Blocker`]): `f` ran on its state or on the copy of its
    /// roots it left, and its stamp.
    Visited(R),
}

/// A handle on the scheduler for threads that are not Ms (the
/// collector's background workers, see [`Executor::background`]): the
/// world handshake, the table of Gs (Go's `allgs`) by slot, idle Ps.
pub struct SchedHandle<E: Executor> {
    pub(super) sh: Arc<Shared<E>>,
}

impl<E: Executor> SchedHandle<E> {
    /// The run's tracer, if it records now.
    pub fn tracer(&self) -> Option<&super::tracer::Tracer> {
        self.sh.tracer.as_deref().filter(|t| t.on())
    }
}

impl<E: Executor> Clone for SchedHandle<E> {
    fn clone(&self) -> Self {
        SchedHandle {
            sh: self.sh.clone(),
        }
    }
}

impl<E: Executor> SchedHandle<E> {
    pub fn executor(&self) -> &E {
        &self.sh.exec
    }

    /// Ends the run from outside it, as `os.Exit(2)` would (the first
    /// ending wins): every M leaves at its next safepoint.
    pub fn end_run(&self) {
        self.sh.finish(super::shared::Ending::Exit(2));
    }

    /// The run is ending: background work must return.
    pub fn shutting_down(&self) -> bool {
        self.sh.shutdown.load(Ordering::Acquire)
    }

    /// The stop-the-world handshake. A thread that is not an M enters it
    /// around work a stopped world must not overlap, and stops it with
    /// `enter`, `stop`, ..., `start`, `leave`.
    pub fn world(&self) -> &super::world::World {
        &self.sh.world
    }

    pub fn gomaxprocs(&self) -> usize {
        self.sh.procs()
    }

    /// Ps with nothing to run.
    pub fn idle_ps(&self) -> usize {
        self.sh.npidle.load(Ordering::SeqCst)
    }

    /// Slots in the G table (live Gs and free slots). Gs created later
    /// take a free slot or one past this count.
    pub fn g_slots(&self) -> usize {
        self.sh.allgs.lock().slots.len()
    }

    /// Runs `f` on the state of the G in slot `i` unless that G is running
    /// (its state locked, and no copy of its roots lent: [`Blocker`]) or
    /// has id `skip`.
    pub fn with_g_slot<R>(
        &self,
        i: usize,
        skip: u64,
        f: impl FnOnce(GRoots<'_, E::G>, &AtomicU32) -> R,
    ) -> SlotVisit<R> {
        self.sh.with_g_slot(i, skip, f)
    }

    /// [`PCtx::with_gs`] for a thread that runs no G (with the world
    /// stopped by it).
    pub fn with_gs<R>(&self, f: impl FnOnce(Option<&[&E::G]>) -> R) -> R {
        self.sh.with_gs(0, f)
    }

    /// [`PCtx::with_views`] for a thread that runs no G: every G, in id
    /// order (stop the world first for a consistent picture).
    pub fn with_views<R>(&self, f: impl FnOnce(&[GView<'_, E::G>]) -> R) -> R {
        self.sh.with_views(0, f)
    }

    /// Starts a goroutine from outside the run (a host's call into a live
    /// program): to the global queue, and an idle P gets an M. `named`
    /// learns its id before any M can run it. Returns its id.
    pub fn spawn(&self, state: E::G, named: impl FnOnce(u64)) -> u64 {
        let g = self.sh.new_g(state);
        let id = g.hdr.id;
        named(id);
        self.sh.global.push(g);
        self.sh.wakep();
        id
    }

    /// The status of the live G with id `goid` (None: it is gone). A scan
    /// of the table: for occasional questions, not a hot path.
    pub fn status_of(&self, goid: u64) -> Option<GStatus> {
        let t = self.sh.allgs.lock();
        t.slots
            .iter()
            .flatten()
            .find(|g| g.hdr.id == goid)
            .map(|g| g.hdr.status())
    }

    /// `GODEBUG=schedtrace` text for the current state.
    pub fn schedtrace(&self, detailed: bool) -> String {
        super::trace::schedtrace(&self.sh, detailed)
    }

    /// Live goroutines.
    pub fn num_goroutine(&self) -> usize {
        self.sh.live_gs.load(Ordering::Acquire)
    }
}
