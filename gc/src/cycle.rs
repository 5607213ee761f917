//! The concurrent collection cycle (the driver half of Go's `mgc.go` and
//! the root and drain half of `mgcmark.go`): the API the VM's scheduler
//! calls, phase by phase.
//!
//! # The cycle
//! ```text
//!  Off ──gc_start (STW)──> Mark ──mark_termination (STW)──> Off (sweeping)
//!           │                 │  ▲                                 │
//!           │   mark_work,    │  └── Resume (grey work found in STW)
//!           │   assists,      │
//!           │   barriers      │
//! ```
//! 1. **Sweep termination** ([`Heap::gc_start`], world stopped): finish the
//!    previous cycle's sweep (normally already done by the caller, with
//!    [`Heap::finish_sweep`] *before* stopping the world, as Go's `gcStart`
//!    does; the stop-the-world sweep is then empty), set [`Phase::Mark`]
//!    (which enables the write barrier and black allocation), shade the
//!    global roots and every P's tiny block, and post one *stack job* per
//!    goroutine that exists now
//!    (`stacks`, a number: the jobs are claimed by index, so posting them
//!    costs O(1), not O(goroutines)).
//! 2. **Concurrent mark** ([`Heap::mark_work`], [`Heap::assist_alloc`]):
//!    background workers (the [`MarkPlan`]: about 25% of the Ps), idle Ps
//!    and assists claim stack jobs (the VM's
//!    [`StackScanner::scan_stack`] suspends one goroutine, feeds its stack
//!    words, marks its stack black and lets it go) and drain grey objects
//!    (gcwork.rs), while mutators run with the barrier on.
//! 3. **Termination detection**: a mark call that finds no work, with no
//!    other mark call in progress and every stack job done, *claims*
//!    termination once ([`MarkStatus::Terminate`]): the VM then stops the
//!    world and calls [`Heap::mark_termination`]. Mutators may still hold
//!    grey objects in their barrier buffers, which only a stopped world
//!    can inspect, so the stop-the-world step is the authoritative check.
//! 4. **Mark termination** ([`Heap::mark_termination`], world stopped):
//!    move every P's barrier buffer to the grey list and drain it with a
//!    small budget ([`STW_DRAIN_BUDGET_BYTES`]). If grey work remains, the
//!    world restarts and marking resumes ([`MarkTermination::Resume`], Go's
//!    `gcMarkDone` restart). Otherwise nothing is grey: optionally
//!    checkmark, flush the caches, flip the sweep generation, feed the
//!    pacer, set [`Phase::Off`].
//! 5. **Concurrent sweep**: background [`Heap::sweep_step`] calls and lazy
//!    sweeping on allocation (sweep.rs), finished by the next `gc_start`.
//!
//! # Stop-the-world cost
//! `gc_start`: O(globals + Ps) plus any sweep left undone by the caller.
//! `mark_termination`: O(Ps) to move barrier buffers and flush caches,
//! plus at most [`STW_DRAIN_BUDGET_BYTES`] of scanning (and at most one
//! 128 KiB oblet past it: large objects are scanned in oblets). Neither depends on
//! the number of goroutines or the size of the heap (checkmark, a debug
//! mode, does: it re-marks everything).
//!
//! # Invariants
//! * Marking (phase `Mark`) and sweeping never overlap: `gc_start` leaves
//!   no unswept span, and the sweep generation flips only at the end of
//!   mark termination.
//! * Every grey object is in the global list, in the `GcWork` of a mark
//!   call in progress, or in a cache's barrier buffer (gcwork.rs); mark
//!   calls are never in progress while the world is stopped (the VM's
//!   promise in the `# Safety` sections).
//! * Every object allocated during mark is black and counted in the
//!   marked bytes; so is every object shaded by the barrier.
//!
//! # Goroutines created during mark
//! They get no stack job (the count is fixed at `gc_start`): their stacks
//! start black. That is sound if every pointer a new goroutine starts
//! with is shaded by its creator ([`Heap::shade_pointer`]), which also
//! covers values copied from one stack to another during mark (a channel
//! send straight to a waiting receiver): Go's `typeBitsBulkBarrier` there.

use crate::cache::{Cache, Slots};
use crate::gcwork::{GcWork, Grey};
use crate::heap::{CycleStats, Heap, Roots};
use crate::lock::{
    lock, AtomicBool, AtomicI64, AtomicU32, AtomicU64, AtomicUsize, Mutex, Ordering::*,
};
use crate::pacer::{AssistPacing, CycleObservation, Pacer};
use crate::{throw, Phase};
use std::time::Instant;

/// Scan work mark termination may do with the world stopped before it
/// gives up and resumes concurrent marking (about 50-100 µs).
pub const STW_DRAIN_BUDGET_BYTES: u64 = 64 << 10;

/// Words of a large object scanned as one unit (128 KiB, Go's
/// `maxObletBytes`).
pub(crate) const OBLET_WORDS: usize = (128 << 10) / 8;

/// Minimum scan work an assist does once it has to work at all (Go's
/// `gcOverAssistWork`), so that assists are not entered per allocation.
pub const ASSIST_MIN_WORK_BYTES: u64 = 64 << 10;

/// The VM's side of stack scanning.
pub trait StackScanner: Sync {
    /// Scan the stack of the goroutine posted as job `job` (an index below
    /// the `stacks` passed to [`Heap::gc_start`]): suspend it at a
    /// safepoint (or find it parked), pass every word of its stack and of
    /// its other per-goroutine roots (defer and panic records) to `sink`,
    /// record that its stack is black for this cycle (see
    /// [`Heap::write_pointer_hybrid`]), and let it run again. Return false
    /// if it cannot be suspended now; the job is retried later. `sink`
    /// must not be called after this returns. The job may be the calling
    /// goroutine's own (from an assist): scan it in place.
    fn scan_stack(&self, job: usize, sink: &mut dyn FnMut(usize)) -> bool;
}

impl<F: Fn(usize, &mut dyn FnMut(usize)) -> bool + Sync> StackScanner for F {
    fn scan_stack(&self, job: usize, sink: &mut dyn FnMut(usize)) -> bool {
        self(job, sink)
    }
}

/// A scanner for a cycle started with no stack jobs.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoStacks;

impl StackScanner for NoStacks {
    fn scan_stack(&self, _job: usize, _sink: &mut dyn FnMut(usize)) -> bool {
        true
    }
}

/// Who is doing mark work, for CPU accounting (gctrace, pacer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkerKind {
    /// A background worker that owns its P for the whole mark.
    Dedicated,
    /// A background worker that runs part-time to make up the 25% goal.
    Fractional,
    /// A P with nothing else to run.
    Idle,
}

/// How many background workers the VM should run (Go's `startCycle`):
/// `dedicated_workers` Ps mark full time, and Ps run fractional workers
/// for `fractional_utilization` of their time (0 when the dedicated ones
/// alone are within 30% of the 25% goal).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkPlan {
    /// Ps to give to dedicated mark workers.
    pub dedicated_workers: usize,
    /// Fraction of one P's time for fractional workers, per P.
    pub fractional_utilization: f64,
}

impl MarkPlan {
    /// Go's computation for `procs` Ps.
    pub fn for_procs(procs: usize) -> MarkPlan {
        let procs = procs.max(1);
        let goal = procs as f64 * Pacer::BACKGROUND_UTILIZATION;
        let mut dedicated = (goal + 0.5) as usize;
        let err = dedicated as f64 / goal - 1.0;
        let mut fractional = 0.0;
        if !(-0.3..=0.3).contains(&err) {
            if dedicated as f64 > goal {
                dedicated -= 1;
            }
            fractional = (goal - dedicated as f64) / procs as f64;
        }
        MarkPlan {
            dedicated_workers: dedicated,
            fractional_utilization: fractional,
        }
    }
}

/// What a mark call found when it returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkStatus {
    /// Not marking: nothing to do.
    Idle,
    /// The budget ran out; more work may be waiting.
    More,
    /// No work was available, but others may still produce some (mark
    /// calls in progress, stacks that could not be suspended).
    Exhausted,
    /// No work is left anywhere this call can see, and this caller won the
    /// right to end the mark: stop the world and call
    /// [`Heap::mark_termination`].
    Terminate,
}

/// What a mark call did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarkReport {
    /// Scan work done, in bytes.
    pub work_bytes: u64,
    /// See [`MarkStatus`].
    pub status: MarkStatus,
}

/// The outcome of [`Heap::mark_termination`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkTermination {
    /// The cycle is over; sweeping has begun.
    Done(CycleStats),
    /// Grey work was found with the world stopped: restart the world and
    /// keep marking (workers will claim termination again).
    Resume,
}

/// The outcome of [`Heap::assist_alloc`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assist {
    /// The allocation is paid for: go ahead.
    Paid,
    /// Still in debt and no mark work is available: park or yield the
    /// goroutine and call again (the debt stays; background workers'
    /// credit or the end of the cycle will clear it).
    Wait,
    /// No mark work is left and this caller claimed the end of the mark
    /// (whether or not its debt is paid): make sure the world is stopped
    /// and [`Heap::mark_termination`] called (hand it to the GC driver),
    /// then retry.
    Terminate,
}

/// Shared state of the mark in progress. Atomics: written by mark calls
/// and assists concurrently; reset only by `gc_start` with the world
/// stopped. Orderings are noted per field.
#[derive(Default)]
pub(crate) struct MarkCycle {
    /// Cycles started; tags assist balances. Written with the world
    /// stopped, read `Relaxed` (the stop-the-world handshake orders it).
    pub(crate) cycle: AtomicU32,
    /// Stack jobs posted by `gc_start`.
    stack_jobs: AtomicUsize,
    /// Next unclaimed job index (claims by `fetch_add`, `Relaxed`: a job
    /// index carries no data).
    stack_next: AtomicUsize,
    /// Jobs finished. `Release` increments pair with the `Acquire` load in
    /// the termination check, so a finished scan's shading is visible
    /// (the shading itself goes through the grey list's lock anyway).
    stacks_done: AtomicUsize,
    /// Jobs that could not be suspended, to retry.
    stack_retry: Mutex<Vec<usize>>,
    /// Mark calls in progress (`AcqRel`: the last one out must see the
    /// global list every other call left behind).
    active: AtomicUsize,
    /// Set by the one caller that claims termination; cleared on resume.
    termination_claimed: AtomicBool,
    /// Totals folded in by mark calls and cache flushes (`Relaxed` adds;
    /// read with the world stopped).
    pub(crate) bytes_marked: AtomicU64,
    pub(crate) objects_marked: AtomicU64,
    pub(crate) scan_work: AtomicU64,
    stack_bytes: AtomicU64,
    /// Background scan credit assists may steal (Go's `bgScanCredit`).
    bg_credit: AtomicI64,
    /// Assist ratio (f64 bits): scan work per byte allocated. Stored
    /// `Relaxed` by `revise_assist_ratio` (after every mark call, and at
    /// every span refill and large allocation during mark) and loaded
    /// `Relaxed` by assists: it orders nothing. Revisions may race and
    /// leave one computed from slightly older figures; the next span
    /// refill corrects it (Go's `revise` races the same way).
    assist_ratio_bits: AtomicU64,
    /// CPU time by kind, ns.
    assist_ns: AtomicU64,
    dedicated_ns: AtomicU64,
    fractional_ns: AtomicU64,
    idle_ns: AtomicU64,
    /// Scan work done by assists.
    assist_work: AtomicU64,
    /// The pacer's [`AssistPacing`] as it was at `gc_start`, for the
    /// assist ratio (`Relaxed`: written with the world stopped, read by
    /// every mark call's revision without a lock).
    pace_goal: AtomicU64,
    pace_hard_goal: AtomicU64,
    pace_expected_work: AtomicU64,
}

/// Per-cycle bookkeeping behind the GC lock.
#[derive(Default)]
pub(crate) struct CycleClock {
    pub(crate) mark_start: Option<Instant>,
    pub(crate) sweep_term_ns: u64,
    pub(crate) mark_term_ns: u64,
    pub(crate) heap_live_at_start: u64,
    pub(crate) procs: usize,
}

impl Heap {
    /// Sweep termination and the start of mark (module docs, step 1).
    /// `globals` feeds the global roots (every word that may hold a heap
    /// pointer outside goroutine stacks); `stacks` is the number of
    /// goroutines whose stacks must be scanned (jobs `0..stacks`, see
    /// [`StackScanner`]); `procs` is GOMAXPROCS. Returns how many
    /// background workers to run. Call [`Heap::finish_sweep`] first with
    /// the world running, so that this pause does not sweep.
    ///
    /// # Safety
    /// 1. The world is stopped, as for [`Heap::collect`].
    /// 2. No cycle is in progress ([`Heap::phase`] is `Off`): a second
    ///    start is a fatal error.
    /// 3. Until [`Heap::mark_termination`] returns `Done`, every pointer
    ///    store into the heap goes through the write barrier, every stack
    ///    posted is scanned by the VM's [`StackScanner`] when a mark call
    ///    asks, and every goroutine created meanwhile starts with shaded
    ///    pointers (module docs).
    pub unsafe fn gc_start(
        &self,
        globals: &mut Roots<'_>,
        stacks: usize,
        procs: usize,
    ) -> MarkPlan {
        let mut gc = self.gc_lock();
        let t0 = Instant::now();
        if self.phase() != Phase::Off {
            throw("gc: gc_start while a cycle is in progress");
        }
        self.set_phase(Phase::SweepTermination);
        self.finish_sweep();
        self.concurrent.store(true, Relaxed);

        let m = &self.mark;
        m.cycle.fetch_add(1, Relaxed);
        m.stack_jobs.store(stacks, Relaxed);
        m.stack_next.store(0, Relaxed);
        m.stacks_done.store(0, Relaxed);
        lock(&m.stack_retry).clear();
        m.active.store(0, Relaxed);
        m.termination_claimed.store(false, Relaxed);
        for a in [
            &m.bytes_marked,
            &m.objects_marked,
            &m.scan_work,
            &m.stack_bytes,
            &m.assist_ns,
            &m.dedicated_ns,
            &m.fractional_ns,
            &m.idle_ns,
            &m.assist_work,
        ] {
            a.store(0, Relaxed);
        }
        m.bg_credit.store(0, Relaxed);
        self.set_assist_pacing(gc.pacer.assist_pacing());
        let live = self.stats.heap_live_bytes.load(Relaxed);
        gc.clock.heap_live_at_start = live;
        gc.clock.procs = procs.max(1);
        gc.clock.mark_term_ns = 0;

        // Enable the barrier and black allocation; the VM's restart of
        // the world orders this store before any mutator's next store.
        self.set_phase(Phase::Mark);
        self.revise_assist_ratio();
        let mut gcw = GcWork::default();
        globals(&mut |w| {
            gcw.scan_work += 8;
            self.shade_gcw(&mut gcw, w);
        });
        // Objects waiting for their finalizers to run (mfinal.rs).
        self.shade_ready_finalizers(&mut gcw);
        // Every P's tiny block (Go's `gcMarkTinyAllocs`): its owner will
        // keep carving new objects out of it, which a black stack may then
        // hold, so it must not stay white. O(Ps).
        // SAFETY: world stopped (caller's promise 1).
        unsafe {
            self.for_each_cache_slots(|s| {
                if s.tiny != 0 {
                    self.shade_gcw(&mut gcw, s.tiny);
                }
            })
        };
        self.dispose(&mut gcw);

        let pause = t0.elapsed().as_nanos() as u64;
        gc.clock.sweep_term_ns = pause;
        gc.cycle_pause_ns = pause;
        gc.clock.mark_start = Some(Instant::now());
        MarkPlan::for_procs(procs)
    }

    /// Do up to `budget_bytes` of mark work with `cache`'s buffers: stack
    /// jobs first, then grey objects (module docs, step 2). Background
    /// workers call it in a loop while it reports [`MarkStatus::More`];
    /// idle Ps call it when they find nothing to run.
    ///
    /// # Safety
    /// Called on a P the VM's stop-the-world waits for: never in progress
    /// while the world is stopped.
    pub unsafe fn mark_work(
        &self,
        cache: &mut Cache,
        budget_bytes: u64,
        stacks: &dyn StackScanner,
        kind: WorkerKind,
    ) -> MarkReport {
        self.check_cache_pub(cache);
        if self.phase() != Phase::Mark {
            return MarkReport {
                work_bytes: 0,
                status: MarkStatus::Idle,
            };
        }
        let t0 = Instant::now();
        // SAFETY: `&mut Cache` makes us its owner.
        let slots = unsafe { cache.shared.slots() };
        let (work, status) = self.mark_call(slots, budget_bytes, Some(stacks));
        self.mark.bg_credit.fetch_add(work as i64, Relaxed);
        let ns = t0.elapsed().as_nanos() as u64;
        let counter = match kind {
            WorkerKind::Dedicated => &self.mark.dedicated_ns,
            WorkerKind::Fractional => &self.mark.fractional_ns,
            WorkerKind::Idle => &self.mark.idle_ns,
        };
        counter.fetch_add(ns, Relaxed);
        MarkReport {
            work_bytes: work,
            status,
        }
    }

    /// Charge an allocation of `size` bytes about to be made with `cache`
    /// during mark, and pay any debt with mark work or background credit
    /// before the allocation is made (Go's `deductAssistCredit` and
    /// `gcAssistAlloc`). Returns at once when not marking. Call it before
    /// [`Heap::alloc`], when the goroutine holds no unrooted pointer (the
    /// assist may scan its own stack, and [`Assist::Wait`] parks it).
    /// After `Wait` or `Terminate`, retry with `size` 0: the charge is
    /// already recorded.
    ///
    /// # Safety
    /// As for [`Heap::mark_work`].
    #[inline]
    pub unsafe fn assist_alloc(
        &self,
        cache: &mut Cache,
        size: usize,
        stacks: &dyn StackScanner,
    ) -> Assist {
        if self.phase() != Phase::Mark {
            return Assist::Paid;
        }
        // SAFETY: forwarded.
        unsafe { self.assist_slow(cache, size, stacks) }
    }

    /// # Safety
    /// As for [`Heap::assist_alloc`].
    #[cold]
    unsafe fn assist_slow(
        &self,
        cache: &mut Cache,
        size: usize,
        stacks: &dyn StackScanner,
    ) -> Assist {
        self.check_cache_pub(cache);
        // SAFETY: `&mut Cache` makes us its owner.
        let slots = unsafe { cache.shared.slots() };
        let cycle = self.mark.cycle.load(Relaxed);
        if slots.assist_cycle != cycle {
            slots.assist_cycle = cycle;
            slots.assist_debt = 0;
        }
        let ratio = f64::from_bits(self.mark.assist_ratio_bits.load(Relaxed));
        slots.assist_debt = slots
            .assist_debt
            .saturating_add((size as f64 * ratio).ceil() as i64);
        if slots.assist_debt <= 0 {
            return Assist::Paid;
        }
        // Steal background credit first, in bulk (Go steals up to
        // `gcOverAssistWork`): the allocations after this one then run on
        // credit instead of touching the shared counter each.
        let want = slots.assist_debt.max(ASSIST_MIN_WORK_BYTES as i64);
        let stolen = self
            .mark
            .bg_credit
            .fetch_update(Relaxed, Relaxed, |c| (c > 0).then(|| c - c.min(want)))
            .map(|c| c.min(want))
            .unwrap_or(0);
        slots.assist_debt -= stolen;
        if slots.assist_debt <= 0 {
            return Assist::Paid;
        }
        // No work in sight (the global list empty, this P's barrier
        // buffer empty, every stack scanned) while another mark call is in
        // progress: that call holds the grey objects, and will hand some
        // to the global list or end the mark. A mark call now would find
        // nothing and only contend for the lists' locks, once per
        // allocation while the drought lasts; the debt waits for the next
        // allocation instead (Go parks the goroutine until credit
        // arrives). With no call in progress, the mark call below may be
        // the one to claim termination.
        let m = &self.mark;
        if self.work.is_empty()
            && slots.wbuf.is_empty()
            && m.stacks_done.load(Relaxed) >= m.stack_jobs.load(Relaxed)
            && m.active.load(Acquire) > 0
        {
            return Assist::Wait;
        }
        let t0 = Instant::now();
        let budget = (slots.assist_debt as u64).max(ASSIST_MIN_WORK_BYTES);
        let (work, status) = self.mark_call(slots, budget, Some(stacks));
        self.mark
            .assist_ns
            .fetch_add(t0.elapsed().as_nanos() as u64, Relaxed);
        self.mark.assist_work.fetch_add(work, Relaxed);
        slots.assist_debt = slots.assist_debt.saturating_sub(work as i64);
        // A claim of termination must reach the VM even when the debt is
        // paid: no one else will claim it.
        match status {
            MarkStatus::Terminate => Assist::Terminate,
            _ if slots.assist_debt <= 0 => Assist::Paid,
            MarkStatus::Idle => Assist::Paid,
            _ => Assist::Wait,
        }
    }

    /// Count `ns` of stop-the-world time the VM spent outside the heap's
    /// own work in this cycle's pauses: the wait for every M to stop
    /// (Go counts it from `stopTheWorld`'s start) and to restart. `start`:
    /// the sweep-termination pause (call after [`Heap::gc_start`]), else
    /// the mark-termination one (call before [`Heap::mark_termination`]).
    pub fn add_pause_ns(&self, ns: u64, start: bool) {
        let mut gc = self.gc_lock();
        gc.cycle_pause_ns += ns;
        if start {
            gc.clock.sweep_term_ns += ns;
        } else {
            gc.clock.mark_term_ns += ns;
        }
    }

    /// The number of cycles started so far (1 during the first mark). The
    /// VM tags a goroutine's stack with it when its [`StackScanner`] scans
    /// it, and when it creates a goroutine during mark; the stack is black
    /// for [`Heap::write_pointer_hybrid`] while the tag equals this and
    /// [`Heap::phase`] is `Mark`.
    #[inline]
    pub fn mark_cycle(&self) -> u32 {
        self.mark.cycle.load(Relaxed)
    }

    /// Whether a goroutine parked on [`Assist::Wait`] is worth waking to
    /// retry: background credit is available, or the mark is over. The
    /// VM polls it after background mark work and at mark termination
    /// (Go wakes its assist queue from `gcFlushBgCredit`).
    pub fn assist_can_proceed(&self) -> bool {
        self.phase() != Phase::Mark
            || self.mark.bg_credit.load(Relaxed) > 0
            || !self.work.is_empty()
    }

    /// The assist balance of `cache` in scan-work bytes (positive: debt).
    pub fn assist_debt_bytes(&self, cache: &Cache) -> i64 {
        // SAFETY: a shared borrow of the owner's cache: the owner is not
        // allocating through it now (that needs `&mut`); read only.
        let slots = unsafe { cache.shared.slots() };
        if slots.assist_cycle == self.mark.cycle.load(Relaxed) {
            slots.assist_debt
        } else {
            0
        }
    }

    /// Scan work assists did in the current (or last) cycle.
    pub fn assist_work_bytes(&self) -> u64 {
        self.mark.assist_work.load(Relaxed)
    }

    /// The common body of mark calls: flush this P's barrier buffer, drain
    /// up to `budget`, dispose, and decide the status.
    fn mark_call(
        &self,
        slots: &mut Slots,
        budget: u64,
        stacks: Option<&dyn StackScanner>,
    ) -> (u64, MarkStatus) {
        let m = &self.mark;
        m.active.fetch_add(1, AcqRel);
        self.flush_wbuf(slots);
        let work = self.drain(&mut slots.gcw, budget, stacks);
        self.dispose(&mut slots.gcw);
        let last = m.active.fetch_sub(1, AcqRel) == 1;
        self.revise_assist_ratio();
        if work >= budget {
            return (work, MarkStatus::More);
        }
        if last && self.mark_looks_done() && !m.termination_claimed.swap(true, AcqRel) {
            return (work, MarkStatus::Terminate);
        }
        (work, MarkStatus::Exhausted)
    }

    /// No grey object in the global list and every stack job done. A
    /// hint while the world runs (module docs, step 3).
    fn mark_looks_done(&self) -> bool {
        let m = &self.mark;
        self.work.is_empty() && m.stacks_done.load(Acquire) >= m.stack_jobs.load(Relaxed)
    }

    /// Whether the mark is complete as far as a mark call can see: the
    /// VM's idle Ps may poll this before they call [`Heap::mark_work`].
    pub fn mark_work_available(&self) -> bool {
        self.phase() == Phase::Mark && !self.mark_looks_done()
    }

    /// Drain up to `budget` scan work into `gcw`'s counters.
    /// Stack jobs come first while some can be claimed; once none can
    /// (all claimed, or the one claimed is running and scans itself at
    /// its next allocation), the call drains objects only, so a running
    /// goroutine's job is not retried, under the retry list's lock, once
    /// per object. Before each object, a worker whose local buffers hold
    /// more than it needs gives some to an empty global list (Go's
    /// `gcDrain` checks per object too: a load), so that assists and the
    /// other workers find work: a tree marked depth first keeps only a
    /// few dozen grey objects per worker.
    fn drain(&self, gcw: &mut GcWork, budget: u64, stacks: Option<&dyn StackScanner>) -> u64 {
        let start = gcw.scan_work;
        let mut stacks = stacks;
        while gcw.scan_work - start < budget {
            if let Some(s) = stacks {
                if self.stack_job(gcw, s) {
                    continue;
                }
                stacks = None;
            }
            gcw.balance(&self.work);
            let Some(g) = gcw.try_get(&self.work) else {
                break;
            };
            self.scan_object(gcw, g);
        }
        gcw.scan_work - start
    }

    /// Claim and run one stack job; false if none was claimable or the
    /// claimed one could not be suspended.
    fn stack_job(&self, gcw: &mut GcWork, s: &dyn StackScanner) -> bool {
        let m = &self.mark;
        let n = m.stack_jobs.load(Relaxed);
        if m.stacks_done.load(Relaxed) >= n {
            return false;
        }
        let job = if m.stack_next.load(Relaxed) < n {
            let j = m.stack_next.fetch_add(1, Relaxed);
            if j < n {
                Some(j)
            } else {
                None
            }
        } else {
            None
        };
        let Some(job) = job.or_else(|| lock(&m.stack_retry).pop()) else {
            return false;
        };
        let mut words = 0u64;
        let done = s.scan_stack(job, &mut |w| {
            words += 1;
            self.shade_gcw(gcw, w);
        });
        gcw.scan_work += words * 8;
        if done {
            m.stack_bytes.fetch_add(words * 8, Relaxed);
            m.stacks_done.fetch_add(1, Release);
            true
        } else {
            lock(&m.stack_retry).push(job);
            false
        }
    }

    /// Scan one grey object: shade its referents. A large object is
    /// scanned in oblets of [`OBLET_WORDS`] (Go's `maxObletBytes`): the
    /// grey entry (span, k) stands for oblet k, and scanning oblet 0
    /// queues the others, so no single step, in particular no step of the
    /// stop-the-world drain, scans more than an oblet.
    #[inline]
    fn scan_object(&self, gcw: &mut GcWork, (sp, idx): Grey) {
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        if s.is_large() {
            // SAFETY: the object is marked, hence allocated and live, in
            // an in-use span that is not swept while marking runs.
            let words = unsafe { s.large_words() };
            if idx == 0 {
                for k in 1..words.div_ceil(OBLET_WORDS) {
                    gcw.put(&self.work, (sp, k));
                }
            }
            let lo = idx.saturating_mul(OBLET_WORDS);
            // SAFETY: as above; mutators' stores are atomic.
            let n = unsafe {
                s.for_each_large_pointer_word(lo, lo.saturating_add(OBLET_WORDS), &mut |a| {
                    // SAFETY: `a` is a word of this live object.
                    let w = crate::mark::load_word(a);
                    self.shade_gcw(gcw, w);
                })
            };
            gcw.scan_work += n as u64 * 8;
            return;
        }
        // SAFETY: the object is marked, hence allocated and live, in an
        // in-use span that is not swept while marking runs (module docs).
        // Mutators may store into it concurrently: its words are read
        // with atomic loads.
        let n = unsafe {
            s.for_each_pointer_word(idx, &mut |a| {
                // SAFETY: `a` is a word of this live object.
                let w = crate::mark::load_word(a);
                self.shade_gcw(gcw, w);
            })
        };
        gcw.scan_work += n as u64;
    }

    /// Shade the referents of the allocated object `obj` (not the object
    /// itself) onto `gcw`: for finalizable objects (mfinal.rs).
    pub(crate) fn scan_object_contents(&self, gcw: &mut GcWork, obj: Grey) {
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { obj.0.get() };
        if !s.span_class().noscan() {
            self.scan_object(gcw, obj);
        }
    }

    /// Drain every grey object, however long it takes (world stopped).
    pub(crate) fn drain_all(&self, gcw: &mut GcWork) {
        while self.drain(gcw, u64::MAX, None) > 0 {}
    }

    /// Shade the object `word` points into onto `gcw` (Go's `greyobject`).
    #[inline]
    pub(crate) fn shade_gcw(&self, gcw: &mut GcWork, word: usize) {
        if let Some((sp, idx, bytes, scan)) = self.mark_object(word) {
            gcw.bytes_marked += bytes;
            gcw.objects_marked += 1;
            if scan {
                gcw.put(&self.work, (sp, idx));
            }
        }
    }

    /// Flush `gcw`'s grey objects to the global list and its counters into
    /// the cycle's totals.
    pub(crate) fn dispose(&self, gcw: &mut GcWork) {
        gcw.dispose(&self.work);
        let m = &self.mark;
        m.bytes_marked
            .fetch_add(std::mem::take(&mut gcw.bytes_marked), Relaxed);
        m.objects_marked
            .fetch_add(std::mem::take(&mut gcw.objects_marked), Relaxed);
        m.scan_work
            .fetch_add(std::mem::take(&mut gcw.scan_work), Relaxed);
    }

    /// Hand a cache's barrier buffer to the global list and fold its
    /// counters (owner, or world stopped).
    pub(crate) fn flush_wbuf(&self, slots: &mut Slots) {
        if !slots.wbuf.is_empty() {
            let b = std::mem::replace(&mut slots.wbuf, self.work.get_empty());
            self.work.put_full(b);
        }
        let m = &self.mark;
        let (o, b) = std::mem::take(&mut slots.wb_marked);
        let (bo, bb) = std::mem::take(&mut slots.black_alloc);
        if o + bo > 0 {
            m.objects_marked.fetch_add(o + bo, Relaxed);
            m.bytes_marked.fetch_add(b + bb, Relaxed);
        }
    }

    /// Recompute the assist ratio from the pacer snapshot, the heap now
    /// and the work done so far. Called after every mark call and, during
    /// mark, whenever the live heap grows by a span (Go's `revise` from
    /// `gcControllerState.update`): an allocator paying with credit makes
    /// no mark call, and a ratio frozen at its last one would let it run
    /// past the goal, and the hard goal, at the rate set near the goal,
    /// which near the end of the expected work is tiny.
    pub(crate) fn revise_assist_ratio(&self) {
        let m = &self.mark;
        let pacing = AssistPacing {
            goal_bytes: m.pace_goal.load(Relaxed),
            hard_goal_bytes: m.pace_hard_goal.load(Relaxed),
            expected_work_bytes: m.pace_expected_work.load(Relaxed),
        };
        let ratio = pacing.ratio(
            self.stats.heap_live_bytes.load(Relaxed),
            m.scan_work.load(Relaxed),
        );
        m.assist_ratio_bits.store(ratio.to_bits(), Relaxed);
    }

    /// Fix the assist ratio's inputs for a mark (world stopped).
    fn set_assist_pacing(&self, p: AssistPacing) {
        let m = &self.mark;
        m.pace_goal.store(p.goal_bytes, Relaxed);
        m.pace_hard_goal.store(p.hard_goal_bytes, Relaxed);
        m.pace_expected_work.store(p.expected_work_bytes, Relaxed);
    }

    /// The current assist ratio: scan-work bytes owed per byte allocated.
    pub fn assist_ratio(&self) -> f64 {
        f64::from_bits(self.mark.assist_ratio_bits.load(Relaxed))
    }

    /// Mark termination (module docs, step 4). `roots` is used only with
    /// verification on ([`Heap::set_verify`]): it must then feed every
    /// root word, all stacks and globals, for the checkmark.
    ///
    /// # Safety
    /// 1. The world is stopped, as for [`Heap::collect`], and no mark
    ///    call is in progress.
    /// 2. A cycle is marking (`gc_start` was called).
    pub unsafe fn mark_termination(&self, roots: &mut Roots<'_>) -> MarkTermination {
        // SAFETY: forwarded.
        unsafe { self.mark_termination_with(roots, STW_DRAIN_BUDGET_BYTES, false) }
    }

    /// # Safety
    /// As for [`Heap::mark_termination`].
    pub(crate) unsafe fn mark_termination_with(
        &self,
        roots: &mut Roots<'_>,
        budget: u64,
        forced: bool,
    ) -> MarkTermination {
        let mut gc = self.gc_lock();
        let t0 = Instant::now();
        if self.phase() != Phase::Mark {
            throw("gc: mark_termination without a mark in progress");
        }
        let m = &self.mark;
        if m.active.load(Acquire) != 0 {
            throw("gc: mark_termination while mark work is in progress");
        }
        // Every P's barrier buffer joins the grey list.
        // SAFETY: world stopped (caller's promise 1).
        unsafe { self.for_each_cache_slots(|s| self.flush_wbuf(s)) };
        // The remaining stack jobs and grey objects, with a budget.
        let mut gcw = GcWork::default();
        let stacks_left = m.stacks_done.load(Acquire) < m.stack_jobs.load(Relaxed);
        if !stacks_left {
            self.drain(&mut gcw, budget, None);
        }
        let done = !stacks_left && gcw.is_empty() && self.work.is_empty();
        self.dispose(&mut gcw);
        if !done {
            m.termination_claimed.store(false, Release);
            let pause = t0.elapsed().as_nanos() as u64;
            gc.cycle_pause_ns += pause;
            gc.clock.mark_term_ns += pause;
            return MarkTermination::Resume;
        }

        // Nothing is grey: every reachable object is marked. Objects with
        // finalizers that nothing reaches are found now (mfinal.rs).
        let mut gcw = GcWork::default();
        self.mark_finalizers(&mut gcw);
        self.dispose(&mut gcw);
        self.set_phase(Phase::MarkTermination);
        let mark_end = Instant::now();
        if self.verify.load(Relaxed) {
            if let Err(e) = self.checkmark(roots) {
                throw(&format!(
                    "gc: checkmark found a reachable object left white: {e}"
                ));
            }
        }
        // SAFETY: world stopped (caller's promise 1).
        unsafe { self.flush_all_caches() };
        let heap_at_end = self.stats.heap_live_bytes.load(Relaxed);
        let marked = m.bytes_marked.load(Relaxed);
        let sg = self.sweepgen.load(Relaxed).wrapping_add(2);
        // Release pairs with the Acquire loads of `sweepgen`.
        self.sweepgen.store(sg, Release);
        self.sweep_drained.store(false, Relaxed);

        let clock = std::mem::take(&mut gc.clock);
        let mark_wall = clock
            .mark_start
            .map(|s| mark_end.duration_since(s).as_nanos() as u64)
            .unwrap_or(0);
        let background = m.dedicated_ns.load(Relaxed) + m.fractional_ns.load(Relaxed);
        let obs = CycleObservation {
            heap_trigger_bytes: clock.heap_live_at_start,
            heap_at_mark_end_bytes: heap_at_end,
            heap_marked_bytes: marked,
            scan_work_bytes: m.scan_work.load(Relaxed),
            assist_cpu_ns: m.assist_ns.load(Relaxed),
            // Idle marking counts too: gol's idle worker is a thread of its
            // own on a real CPU, and a mark done mostly by it should move
            // the trigger earlier (more runway, fewer assists) like any
            // other marking CPU.
            background_cpu_ns: background + m.idle_ns.load(Relaxed),
            mark_wall_ns: mark_wall,
            procs: clock.procs,
        };
        // The goal this cycle worked towards (gctrace reports it, as Go
        // does), before the pacer sets the next one.
        let goal = gc.pacer.goal_bytes();
        gc.pacer.set_non_heap_bytes(self.non_heap_bytes());
        if forced {
            gc.pacer.set_last_scan_work(m.scan_work.load(Relaxed));
            gc.pacer.end_cycle(marked);
        } else {
            gc.pacer.end_concurrent_cycle(&obs);
        }
        self.publish_pacer(&gc.pacer);
        self.stats.heap_live_bytes.store(marked, Relaxed);
        self.set_assist_pacing(AssistPacing::NONE);
        m.assist_ratio_bits.store(0, Relaxed);
        self.set_phase(Phase::Off);

        let term = t0.elapsed().as_nanos() as u64;
        let pause = gc.cycle_pause_ns + term;
        let stats = CycleStats {
            cycle: gc.num_gc + 1,
            heap_live_before_bytes: clock.heap_live_at_start,
            heap_at_mark_end_bytes: heap_at_end,
            heap_marked_bytes: marked,
            marked_objects: m.objects_marked.load(Relaxed),
            scanned_bytes: m.scan_work.load(Relaxed),
            goal_bytes: goal,
            pause_ns: pause,
            released_bytes: 0,
            sweep_term_ns: clock.sweep_term_ns,
            mark_ns: mark_wall,
            mark_term_ns: clock.mark_term_ns + term,
            assist_cpu_ns: m.assist_ns.load(Relaxed),
            background_cpu_ns: background,
            idle_cpu_ns: m.idle_ns.load(Relaxed),
            stack_bytes: m.stack_bytes.load(Relaxed),
            procs: clock.procs,
        };
        self.record_cycle(&mut gc, pause);
        MarkTermination::Done(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_plan_is_gos() {
        let p = |n| {
            let m = MarkPlan::for_procs(n);
            (
                m.dedicated_workers,
                (m.fractional_utilization * 1000.0).round() as u32,
            )
        };
        // 1 P: a quarter of it, fractional.
        assert_eq!(p(1), (0, 250));
        // 2 Ps: goal 0.5 rounds to 1 dedicated, 100% off: fractional.
        assert_eq!(p(2), (0, 250));
        // 4 and 8 Ps: exact.
        assert_eq!(p(4), (1, 0));
        assert_eq!(p(8), (2, 0));
        // 6 Ps: goal 1.5 rounds to 2 (33% over): 1 dedicated + fractional.
        assert_eq!(p(6), (1, 83));
        // 5 Ps: 1.25 rounds to 1 (20% under): within 30%, dedicated only.
        assert_eq!(p(5), (1, 0));
    }
}
