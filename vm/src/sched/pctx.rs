//! One M's context, [`PCtx`]: what the executor sees while it runs a G
//! (Go's `getg().m` and `getg().m.p`), and the scheduler's services to
//! it: starting a goroutine (`newproc`), readying a parked one
//! (`goready`), the running G's preemption flag, stopping the world, and
//! its identity. Its timer services (`sleep`, `after_func`, Go timers)
//! are in `timer.rs`.
//!
//! # Invariants
//! 1. A `PCtx` lives on its M's thread only (`mstart` creates it and
//!    lends it out by reference; `Cell`s and `RefCell`s make it
//!    `!Sync`), so its own fields need no locks: `held` (the P and
//!    its queue's owner handle), `curg` (the running G), `spinning`,
//!    `syscall_p` (the P left in a system call).
//! 2. A readied or spawned G goes to this P's `runnext` (or the global
//!    queue when the M holds no P), then `wakep` runs, so an idle P gets
//!    an M to steal it (or the G it pushed out of `runnext`).
//! 3. Timers keep their own invariants, in `timer.rs`.

use super::allgs::SchedHandle;
use super::g::{GRef, GWaker};
use super::m::MShared;
use super::p::{Held, P};
use super::primitives::{Arc, Ordering};
use super::rand::Rng;
use super::shared::{Shared, Stats};
use super::tracer::{Ev, Tracer, Track};
use super::Executor;
use std::any::Any;
use std::cell::{Cell, RefCell};

/// One M's context: what the executor sees while it runs a G (Go's
/// `getg().m` and `getg().m.p`). Lives on its M's thread only.
pub struct PCtx<E: Executor> {
    pub(super) sh: Arc<Shared<E>>,
    pub(super) handle: SchedHandle<E>,
    pub(super) m: Arc<MShared<E>>,
    pub(super) held: RefCell<Option<Held<E>>>,
    pub(super) curg: RefCell<Option<GRef<E>>>,
    pub(super) spinning: Cell<bool>,
    pub(super) rng: Rng,
    pub(super) syscall_p: RefCell<Option<Arc<P<E>>>>,
    /// In a seeded run, the budget and seed of the slice being run.
    pub(super) seeded_slice: Cell<Option<super::seeded::SeededSlice>>,
    /// The tracer's events of this M, not yet handed over (tracer.rs).
    pub(super) tbuf: RefCell<super::tracer::MBuf>,
    /// When this M took its P, and when its G entered a system call (the
    /// tracer's M slices).
    pub(super) held_since: Cell<u64>,
    pub(super) syscall_since: Cell<u64>,
    /// The running G's segment: since when, and the arrow into it.
    pub(super) seg_start: Cell<u64>,
    pub(super) seg_flow: Cell<u64>,
    /// The tracer's flush request this M last answered.
    pub(super) trace_seen: Cell<u64>,
    /// The G `find_runnable` just returned came from `runnext` and
    /// inherits the running time slice (`execute`).
    pub(super) inherit_time: Cell<bool>,
    /// A slice has run on the P this M holds since it took the P: there
    /// is a time slice for a G from `runnext` to inherit (a P's first G,
    /// such as main, starts one).
    pub(super) slice_ran: Cell<bool>,
    /// This M's arrows so far (its arrow ids, `flow_id`).
    pub(super) flows: Cell<u64>,
    /// When this M's last segment ended, while it has not parked,
    /// spun or given up its P since (0: no such segment): the next
    /// segment starts then (`execute`).
    pub(super) last_cut: Cell<u64>,
    /// The executor's per-M state kept from one slice to the next
    /// ([`PCtx::take_scratch`]); dropped with the M.
    pub(super) scratch: Cell<Option<Box<dyn Any>>>,
}

impl<E: Executor> PCtx<E> {
    /// The executor this scheduler drives (for timer callbacks, which get
    /// only a `PCtx`).
    pub fn executor(&self) -> &E {
        &self.sh.exec
    }

    /// Starts a goroutine (Go's `newproc`): it goes to runnext, so the
    /// spawner's P runs it next unless another P steals it first.
    pub fn spawn(&self, state: E::G) -> u64 {
        self.spawn_named(state, |_| {})
    }

    /// [`PCtx::spawn`], telling `named` the new goroutine's id before it
    /// can run (the race detector gives it its creator's clock there).
    pub fn spawn_named(&self, state: E::G, named: impl FnOnce(u64)) -> u64 {
        let g = self.sh.new_g(state);
        let id = g.hdr.id;
        named(id);
        if let Some(t) = self.tracer() {
            let now = t.now();
            let track = self.track();
            self.trace(Ev::Go {
                track,
                t: now,
                g: id,
            });
            self.flow_to(&g.hdr, now, "go");
        }
        let swapped = self.runqput(g, true);
        self.sh.wakep_after(swapped);
        id
    }

    /// Stops every other M at the end of its slice (Go's
    /// `stopTheWorld`); the caller is a running G. Until
    /// [`PCtx::start_the_world`], no other G runs, so every other G's state
    /// can be read with [`PCtx::with_gs`].
    pub fn stop_the_world(&self) -> super::world::Stopped<'_> {
        self.sh.world.stop()
    }

    /// Restarts the world stopped by [`PCtx::stop_the_world`].
    pub fn start_the_world(&self, s: super::world::Stopped<'_>) {
        self.sh.world.start(s)
    }

    /// Every G but the running one, as a goroutine dump shows it, in id
    /// order. Stop the world first for a consistent picture: a G running
    /// on another M (or in a system call) shows without its state.
    pub fn with_views<R>(&self, f: impl FnOnce(&[super::GView<'_, E::G>]) -> R) -> R {
        self.sh.with_views(self.goid(), f)
    }

    /// Calls `f` with the states of every G (but the running one, unless
    /// `include_self`: from `after_slice` its state is unlocked too), all
    /// locked at once; with None when one is locked by someone else: a G
    /// running (the world is not stopped), in a system call, or in a
    /// native waiting to stop the world itself. For a stopped world's root
    /// scan: nothing is copied; None means "do not collect now".
    pub fn with_gs<R>(&self, include_self: bool, f: impl FnOnce(Option<&[&E::G]>) -> R) -> R {
        // Ids start at 1: 0 excludes nobody.
        let me = if include_self { 0 } else { self.goid() };
        self.sh.with_gs(me, f)
    }

    /// The running G's collector stamp (`GHeader::gc_cycle`; 0 when no G
    /// runs).
    pub fn gc_stamp(&self) -> u32 {
        self.curg
            .borrow()
            .as_ref()
            .map_or(0, |g| g.hdr.gc_cycle.load(Ordering::Acquire))
    }

    /// Sets the running G's collector stamp (its M holds its state).
    pub fn set_gc_stamp(&self, cycle: u32) {
        if let Some(g) = self.curg.borrow().as_ref() {
            g.hdr.gc_cycle.store(cycle, Ordering::Release);
        }
    }

    /// This scheduler's handle (the G table by slot, the world), for
    /// code that serves both Ms and other threads.
    pub fn handle(&self) -> &SchedHandle<E> {
        &self.handle
    }

    /// Live goroutines (`runtime.NumGoroutine`).
    pub fn num_goroutine(&self) -> usize {
        self.sh.live_gs.load(Ordering::Acquire)
    }

    /// The running G's id.
    pub fn goid(&self) -> u64 {
        self.curg.borrow().as_ref().map_or(0, |g| g.hdr.id)
    }

    /// A waker for the running G, to hand to a channel or timer before
    /// returning `Blocked`.
    pub fn current_waker(&self) -> GWaker {
        match self.curg.borrow().as_ref() {
            Some(g) => GWaker::of(g),
            None => gol_gc::throw("current_waker: no running goroutine"),
        }
    }

    /// Go's `goready`: makes a parked G runnable, in this P's runnext.
    pub fn ready(&self, w: GWaker) {
        let g = w.into_g::<E>();
        if g.hdr.ready() {
            if let Some(t) = self.tracer() {
                self.wake_flow(t, &g.hdr);
            }
            let swapped = self.runqput(g, true);
            self.sh.wakep_after(swapped);
        }
    }

    /// True when the running G should return `Preempted` at its next
    /// safepoint (sysmon's 10 ms rule, a GOMAXPROCS decrease, shutdown).
    #[inline]
    pub fn should_yield(&self) -> bool {
        // The shutdown check covers a G that started running just after
        // `finish` flagged the Ps' current Gs (sysmon has stopped by then).
        self.held
            .borrow()
            .as_ref()
            .is_some_and(|h| h.p.preempt_requested())
            || self.sh.shutdown.load(Ordering::Relaxed)
    }

    /// Nanoseconds since the scheduler started (the monotonic clock;
    /// virtual in a seeded run).
    pub fn now_ns(&self) -> u64 {
        self.sh.now_ns()
    }

    /// In a seeded run (`-sched=`), the slice now running: its budget of
    /// points and the seed of its randomness (seeded.rs).
    pub fn seeded_slice(&self) -> Option<super::seeded::SeededSlice> {
        self.seeded_slice.get()
    }

    /// In a seeded run, the virtual clock (ns since the run started).
    pub fn virtual_now(&self) -> Option<u64> {
        self.sh.seeded.as_ref().map(|_| self.sh.now_ns())
    }

    /// A cheap random number (Go's `cheaprand`).
    pub fn fastrand(&self) -> u32 {
        self.rng.next_u64() as u32
    }

    /// Takes this M's scratch state, as the executor left it at the end
    /// of its last slice here (`None` the first time, or while a slice
    /// further up this thread's stack holds it: a nested run). The
    /// executor puts it back with [`PCtx::put_scratch`]; what it keeps
    /// there (the interpreter's method cache) is its own business.
    #[inline]
    pub fn take_scratch(&self) -> Option<Box<dyn Any>> {
        self.scratch.take()
    }

    /// Gives the scratch state back (see [`PCtx::take_scratch`]).
    #[inline]
    pub fn put_scratch(&self, s: Box<dyn Any>) {
        self.scratch.set(Some(s));
    }

    /// The id of this M's P, if it holds one.
    pub fn p_id(&self) -> Option<usize> {
        self.held.borrow().as_ref().map(|h| h.p.id)
    }

    /// The schedtick of this M's P (0 without one).
    pub(super) fn schedtick(&self) -> u64 {
        self.held
            .borrow()
            .as_ref()
            .map_or(0, |h| h.p.schedtick.load(Ordering::Relaxed))
    }

    /// The run's tracer, if it records now (tracer.rs, invariant 1).
    #[inline]
    pub fn tracer(&self) -> Option<&Tracer> {
        self.sh.tracer.as_deref().filter(|t| t.on())
    }

    /// The run's tracer whether or not it records (`runtime/trace`
    /// starts and stops it).
    pub fn tracer_any(&self) -> Option<&std::sync::Arc<Tracer>> {
        self.sh.tracer.as_ref()
    }

    /// Records `ev` in this M's buffer.
    pub fn trace(&self, ev: Ev) {
        let Some(t) = self.sh.tracer.as_deref() else {
            return;
        };
        t.record(&mut self.tbuf.borrow_mut(), ev);
    }

    /// Hands this M's buffered events to the tracer.
    pub fn trace_flush(&self) {
        if let Some(t) = self.sh.tracer.as_deref() {
            t.append(&mut self.tbuf.borrow_mut());
        }
    }

    /// Ends the running G's segment on this M's P now (at the end of its
    /// slice, or as it enters a system call).
    pub(super) fn cut_segment(&self, g: u64, end: super::tracer::SegEnd) {
        let Some(t) = self.sh.tracer.as_deref() else {
            return;
        };
        let t1 = t.now();
        let mut b = self.tbuf.borrow_mut();
        let Track::P(p) = self.track() else {
            t.close_without_p(&mut b, self.track(), t1);
            return;
        };
        self.last_cut.set(t1);
        let ev = Ev::Seg {
            p,
            m: self.m.id.max(0) as u32,
            g,
            t0: self.seg_start.get(),
            t1,
            end,
            flow_in: self.seg_flow.replace(0),
        };
        t.seg(&mut b, ev);
    }

    /// A goroutine segment starts on this M at `t0` (`execute`).
    pub(super) fn open_segment(&self, t: &Tracer, t0: u64) {
        self.seg_start.set(t0);
        t.open(&mut self.tbuf.borrow_mut());
    }

    /// The arrow of a wake from here to the next segment of the G of
    /// `hdr`: held to the end of this M's segment (no clock read) when
    /// one is open, else started now.
    fn wake_flow(&self, t: &Tracer, hdr: &super::g::GHeader) {
        let id = self.flow_id() | super::tracer::HELD_FLOW;
        if t.hold_wake(&mut self.tbuf.borrow_mut(), id) {
            hdr.trace_flow.store(id, Ordering::Relaxed);
        } else {
            self.flow_to(hdr, t.now(), "wake");
        }
    }

    /// Records, on this M's track, the stretch it held `p` (ending now).
    pub(super) fn trace_held(&self, p: usize) {
        if let Some(t) = self.tracer() {
            let now = t.now();
            self.trace(Ev::Held {
                m: self.m.id.max(0) as u32,
                p: p as u32,
                t0: self.held_since.get().min(now),
                t1: now,
            });
        }
    }

    /// The track of this M's P (its own when it holds none).
    pub fn track(&self) -> Track {
        match self.held.borrow().as_ref() {
            Some(h) => Track::P(h.p.id as u32),
            None => Track::M(self.m.id.max(0) as u32),
        }
    }

    /// An arrow from here, now, to the next segment of the G of `hdr`; a
    /// short host slice carries its start when no G runs here.
    pub(super) fn flow_to(&self, hdr: &super::g::GHeader, now: u64, what: &'static str) {
        if self.sh.tracer.is_none() {
            return;
        }
        let id = self.flow_id();
        hdr.trace_flow.store(id, Ordering::Relaxed);
        let host = self.curg.borrow().is_none();
        if let Some(t) = self.sh.tracer.as_deref() {
            let name = if host { "timer" } else { what };
            t.flow(
                &mut self.tbuf.borrow_mut(),
                self.track(),
                now,
                id,
                name,
                host,
            );
        }
    }

    /// A new arrow id, unique in the trace without a shared counter: the
    /// M's number above bit 36 ([`super::tracer::M_FLOW_SHIFT`]), its own
    /// count below (ids stay under 2^53, exact in the viewer's
    /// JavaScript numbers).
    pub(super) fn flow_id(&self) -> u64 {
        let n = self.flows.get() + 1;
        self.flows.set(n);
        ((self.m.id.max(0) as u64 + 1) << super::tracer::M_FLOW_SHIFT) | n
    }

    /// The scheduler's counters.
    pub fn stats(&self) -> &Stats {
        &self.sh.stats
    }

    /// `GODEBUG=schedtrace` text for the current state.
    pub fn schedtrace(&self, detailed: bool) -> String {
        super::trace::schedtrace(&self.sh, detailed)
    }
}

impl<E: Executor> super::chan::ChanCx for PCtx<E> {
    fn current(&self) -> GWaker {
        self.current_waker()
    }
    fn ready(&self, w: GWaker) {
        PCtx::ready(self, w)
    }
    fn rand_below(&self, n: u32) -> u32 {
        self.rng.below(n)
    }
}
