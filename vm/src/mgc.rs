//! The collector's driver on the VM's side (the scheduler half of Go's
//! `mgc.go`): when a cycle starts, who marks, how goroutine stacks and
//! channels are scanned while the program runs, and who ends the mark.
//! The phases themselves are gol_gc's (gc/src/cycle.rs); this module
//! supplies what only the VM knows: its goroutines, its channels, its
//! threads.
//!
//! # A cycle
//! 1. **Start** ([`start_cycle`], from a safepoint: a slice that ended
//!    after an allocation passed the pacer's trigger). The M finishes the
//!    previous cycle's sweep with the world running, stops the world and
//!    calls `Heap::gc_start` with the global roots (package variables and
//!    pinned values: O(globals + timers)) and one *stack job* per slot of
//!    the scheduler's G table, plus one job for the channel table. Posting
//!    the jobs is a number, not a list: the pause does not grow with the
//!    goroutines or the heap.
//! 2. **Concurrent mark**. Background workers (`Exec::run_background`: a
//!    thread that is not an M, entering the world around each step of
//!    work) call `Heap::mark_work` in steps of [`WORK_STEP_BYTES`]:
//!    full time while some P is idle (Go's idle workers), otherwise for
//!    the share of CPU `MarkPlan` gives (25% of GOMAXPROCS: dedicated
//!    threads on 4 Ps or more, a fractional worker that sleeps between
//!    steps below that). Allocating goroutines pay for their allocation
//!    with mark work (assists, `Vm::assist`). Stack jobs run through
//!    [`Scanner`]: a job locks the G's state if the G is not running (a
//!    running M holds its G's state), feeds its slots and records to the
//!    collector and stamps the G's header with the cycle number (its
//!    stack is then black). A running G scans its own stack and stamps
//!    itself at its next instruction outside the interpreter's fast loop
//!    (`Vm::end_slice_early`; every allocation is such an instruction) or
//!    at the start of its next slice (`run_slice`), as Go's goroutines do
//!    when preempted; a job that finds it running retries until it sees
//!    the stamp. A G blocked in a system call or a read of standard
//!    input (`sched::Blocker`) keeps its state locked but lends a copy of
//!    its roots, which the job scans instead. The channel job locks the
//!    channel table and each channel and feeds their buffered and
//!    in-flight words.
//! 3. **Termination**: the mark call that finds nothing left claims the
//!    end of the mark; an assist that claims it hands it to the
//!    background thread. That thread stops the world and calls
//!    `Heap::mark_termination`, which drains what barrier buffers hold
//!    and either finishes the cycle or resumes the mark.
//! 4. **Sweep**: lazily on allocation, and by the background thread
//!    between cycles.
//!
//! # What keeps the invariant outside the heap (gc/src/barrier.rs)
//! Heap stores go through `Heap::write_pointer` (`Vm::store_words`, the
//! map, atomics, boxes, closures); package variables are global roots,
//! scanned at the start, so stores to them take the same barrier
//! (`Vm::store_global`). Words that move between goroutines without a
//! heap store are shaded while the collector marks (`Vm::shade_words`):
//! the element words of every channel send and receive (a channel's
//! buffer is scanned once, by its job: a value received from a buffer
//! not yet scanned into a stack already scanned would otherwise be
//! lost), the function and arguments a `go` statement hands to a new
//! goroutine, and `time.AfterFunc`'s closure when it is pinned (a global
//! root from then on, shaded by the native). A goroutine
//! created during mark has no job when its slot is new: everything it
//! starts with is shaded, so its stack holds nothing white (and it scans
//! itself anyway when it first runs an instruction outside the fast
//! loop).
//!
//! # Invariants
//! * Mark work (workers, assists, stack jobs) happens only inside the
//!   world: by an M in a slice or a background thread between
//!   `World::enter` and `World::leave`. So a stopped world has no mark
//!   call in progress, which `gc_start` and `mark_termination` require.
//! * A G's stamp (`GHeader::gc_cycle`) is written with `Release` after its
//!   roots are shaded, by the M running it or by a job holding its state
//!   lock (or, while it blocks, the lock of the roots it lent): a job that
//!   reads the stamp (`Acquire`) of a running G is done with it.
//! * The stack jobs of a cycle are the G-table slots that existed at its
//!   start; a G created since holds only shaded words, and a slot reused
//!   by such a G is scanned harmlessly.
//!
//! Rejected: copying every goroutine's roots at the start (a pause
//! proportional to the goroutines); mark workers as goroutines (they
//! would appear in dumps and count in deadlock detection); a rescan of
//! stacks at termination (the hybrid barrier makes it unnecessary).

use crate::goroutine::G;
use crate::liveness::Maps;
use crate::rt::{Cx, Exec, SliceCx};
use crate::sched::chan::Chan;
use crate::sched::{GRoots, SchedHandle, SlotVisit};
use crate::Vm;
use gol_gc::MemStats;
use gol_gc::{Assist, MarkStatus, MarkTermination, Phase, StackScanner, WorkerKind};
use std::io::Write;
use std::sync::atomic::{
    AtomicU32,
    Ordering::{Acquire, Relaxed, Release},
};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Scan work per step of a background worker (a few tens of µs), so it
/// leaves the world often enough for a stop not to wait long.
pub(crate) const WORK_STEP_BYTES: u64 = 64 << 10;

/// The longest an allocating goroutine waits for a cycle to end
/// (`Exec::wait_for_mark`).
const ASSIST_WAIT_MAX: Duration = Duration::from_millis(5);

/// Whether a stop of the world is pending (`world::STOP_HINT`; the
/// interpreter's fast loop reads the same hint, `interp::stop_hint`).
fn stop_hint() -> bool {
    crate::sched::world::STOP_HINT.load(Relaxed) != 0
}

/// Whether the heap has grown past Go's hard goal (1.1 × the goal) while
/// marking: allocation must wait for the mark rather than run away.
fn over_hard_goal(heap: &gol_gc::Heap) -> bool {
    let goal = heap.goal_bytes();
    goal != u64::MAX && heap.heap_live_bytes() > goal.saturating_add(goal / 10)
}

/// The VM's [`StackScanner`]: jobs `0..slots` are G-table slots, job
/// `slots` the channel table.
pub(crate) struct Scanner<'a> {
    pub(crate) gs: &'a SchedHandle<Exec>,
    pub(crate) exec: &'a Exec,
    /// The calling goroutine's id (its state is locked by the caller: it
    /// scans itself, see `Vm::scan_own_stack`; 0 for the background
    /// thread).
    pub(crate) me: u64,
}

impl StackScanner for Scanner<'_> {
    fn scan_stack(&self, job: usize, sink: &mut dyn FnMut(usize)) -> bool {
        let slots = self.exec.driver.slots.load(Relaxed);
        if job == slots {
            self.exec.chan_roots(sink);
            return true;
        }
        let cycle = self.exec.heap.mark_cycle();
        let maps = &*self.exec.liveness;
        match self
            .gs
            .with_g_slot(job, self.me, |r, st| scan_g(r, st, cycle, maps, sink))
        {
            SlotVisit::Empty | SlotVisit::Visited(()) => true,
            // Running, but it has scanned itself (at an instruction
            // outside the interpreter's fast loop, or its slice's start).
            SlotVisit::Busy(s) | SlotVisit::Skipped(s) if s == cycle => true,
            // Running, or the caller's own stack (in use: it scans itself
            // at its next instruction outside the fast loop): retried.
            SlotVisit::Busy(_) | SlotVisit::Skipped(_) => false,
        }
    }
}

/// Feeds a G's roots to `sink` unless its stack is already black in
/// `cycle` (`stamp`, its header's collector stamp), and stamps it: its
/// state (the caller holds it: a G that is not running, whose frames'
/// pcs are saved), or the copy of its roots a G blocked out of the world
/// left (`Blocker`: the copy stands for its stack while it waits).
fn scan_g(
    r: GRoots<'_, Box<G>>,
    stamp: &AtomicU32,
    cycle: u32,
    maps: &Maps,
    sink: &mut dyn FnMut(usize),
) {
    if stamp.load(Acquire) == cycle {
        return;
    }
    match r {
        GRoots::State(g) => feed_g(g, maps, None, sink),
        GRoots::Lent(roots) => roots.for_each_word(&mut |w| sink(w as usize)),
    }
    stamp.store(cycle, Release);
}

/// A copy of every root word of `g`, to lend while it blocks out of the
/// world (`NativeCtx::blocker`: its top frame is in a native, its pc
/// saved), followed by its trace for goroutine dumps (traceback.rs:
/// words that can never look like heap pointers).
pub(crate) fn root_words(g: &G, maps: &Maps) -> Box<[u64]> {
    let mut v = Vec::with_capacity(4 * g.frames.len() + 8);
    feed_g(g, maps, None, &mut |w| v.push(w as u64));
    // What nested calls on this thread set aside of `g` (a system call
    // inside a method a native called: interp/nested.rs).
    crate::interp::saved_roots(&mut |w| v.push(w));
    crate::traceback::lend_trace(g, &mut v);
    v.into_boxed_slice()
}

/// Every root word of `g`: its live slots (liveness.rs: by the stack
/// maps where each frame stands; the top frame at `top_pc` when given)
/// and its records.
fn feed_g(g: &G, maps: &Maps, top_pc: Option<u32>, sink: &mut dyn FnMut(usize)) {
    g.roots(maps, top_pc, sink);
}

/// [`feed_g`] for the checkmark at mark termination (the mark bits are
/// final): a root that points to an object the mark left white, which
/// the checkmark is about to reject, is named on stderr first, with its
/// goroutine, frames and the stack maps where its frame stands
/// (`Maps::explain`).
fn checkmark_roots(g: &G, maps: &Maps, heap: &gol_gc::Heap, sink: &mut dyn FnMut(usize)) {
    maps.live_slots(g, None, &mut |i| {
        let Some(&w) = g.stack.get(i) else { return };
        if heap.points_to_white(w as usize) {
            let _ = std::io::stderr().write_all(maps.explain(g, None, i).as_bytes());
        }
        sink(w as usize);
    });
    g.extra_roots(&mut |w| {
        if heap.points_to_white(w) {
            let _ = writeln!(
                std::io::stderr(),
                "root: goroutine {} record word {w:#x} (a closure, deferred call, parked operation or panic value)",
                g.id
            );
        }
        sink(w);
    });
}

/// Starts a cycle if the pacer asks for one (module docs, step 1). Called
/// by an M after a preempted slice, counted in the world, holding no G's
/// state.
pub(crate) fn start_cycle(exec: &Exec, cx: &Cx) {
    start_cycle_if(exec, cx, false);
}

/// [`start_cycle`], or with `forced` (`runtime.GC`) whenever no cycle is
/// in progress. Called by an M counted in the world: at a safepoint, or
/// from a native. Returns the started cycle's number, if it started one.
fn start_cycle_if(exec: &Exec, cx: &Cx, forced: bool) -> Option<u32> {
    let heap = &exec.heap;
    let due = || {
        if forced {
            heap.phase() == Phase::Off
        } else {
            heap.should_collect()
        }
    };
    if !due() {
        return None;
    }
    // Go's gcStart: sweep what is left before stopping the world.
    heap.finish_sweep();
    exec.driver.trace_sweep_done(cx.tracer());
    let t0 = Instant::now();
    let stopped = cx.stop_the_world();
    let mut started = None;
    if due() {
        let wait = t0.elapsed();
        let slots = cx.handle().g_slots();
        let procs = cx.gomaxprocs();
        exec.driver.slots.store(slots, Relaxed);
        exec.driver.procs.store(procs, Relaxed);
        let mut roots = |sink: &mut dyn FnMut(usize)| exec.global_roots(sink);
        // SAFETY: the world is stopped and no cycle runs (should_collect
        // checks the phase); from now on every heap store goes through
        // the barrier, the jobs are scanned by `Scanner`, and goroutines
        // created meanwhile start black with shaded words (module docs).
        unsafe { heap.gc_start(&mut roots, slots + 1, procs) };
        // The pause counts the wait for the other Ms, as Go's does.
        heap.add_pause_ns(wait.as_nanos() as u64, true);
        let cycle = heap.mark_cycle();
        if forced {
            exec.driver.forced.store(cycle, Relaxed);
        }
        started = Some(cycle);
        if let Some(t) = cx.tracer() {
            let now = t.now();
            t.push(crate::rt::gc_span(t.at(t0), now, "STW: sweep termination"));
            exec.driver.trace_mark_t0.store(now, Relaxed);
        }
        exec.driver.notify(|s| s.started += 1);
    }
    cx.start_the_world(stopped);
    started
}

impl Exec {
    /// `runtime.GC` (Go's): finish the cycle in progress, run a whole
    /// concurrent cycle, and sweep, while the calling goroutine waits out
    /// of the world (`b`: its P goes to others, the collector scans the
    /// roots it lent) and the rest of the program runs. False when the
    /// cycle could not be started (no scheduler).
    pub(crate) fn collect_concurrent(
        &self,
        cx: &Cx,
        b: &mut crate::sched::Blocker<'_, Exec>,
    ) -> bool {
        let heap = &self.heap;
        let mine = loop {
            b.run(|| self.wait_until(None, || heap.phase() == Phase::Off));
            // Another M may start a cycle first: then wait for it too.
            if let Some(c) = start_cycle_if(self, cx, true) {
                break c;
            }
            if heap.phase() == Phase::Off {
                return false;
            }
        };
        b.run(|| {
            self.wait_until(None, || {
                heap.phase() == Phase::Off || heap.mark_cycle() != mine
            })
        });
        // Go's runtime.GC also sweeps before it returns, so statistics
        // read next count only live objects.
        heap.finish_sweep();
        true
    }

    /// Waits, out of the world (the caller's `Blocker`, or an M between
    /// slices), until `done` or the deadline; woken at the end of each
    /// cycle, and polling every millisecond.
    fn wait_until(&self, deadline: Option<Instant>, done: impl Fn() -> bool) {
        while !done() {
            let mut d = Duration::from_millis(1);
            if let Some(end) = deadline {
                match end.checked_duration_since(Instant::now()) {
                    Some(left) if !left.is_zero() => d = d.min(left),
                    _ => return,
                }
            }
            if let Ok(s) = self.driver.signal.lock() {
                let _ = self.driver.cv.wait_timeout(s, d);
            }
        }
    }
}

impl Exec {
    /// The background thread (module docs): mark workers while a cycle
    /// marks, the sweeper after it.
    pub(crate) fn run_background(&self, h: &SchedHandle<Exec>) {
        let workers = gol_gc::MarkPlan::for_procs(h.gomaxprocs())
            .dedicated_workers
            .max(1);
        std::thread::scope(|s| {
            for k in 1..workers {
                s.spawn(move || self.worker(h, k));
            }
            self.worker(h, 0);
        });
    }

    fn worker(&self, h: &SchedHandle<Exec>, k: usize) {
        let heap = &self.heap;
        let mut cache = heap.new_cache();
        let scanner = Scanner {
            gs: h,
            exec: self,
            me: 0,
        };
        // Time this worker marked and the wall time it could have, for
        // the fractional worker's share.
        let mut marked = Duration::ZERO;
        let mut since = Instant::now();
        let mut last_cycle = 0u64;
        loop {
            if h.shutting_down() {
                break;
            }
            let (terminate, sweep, started) = match self.driver.signal.lock() {
                Ok(mut s) => (
                    std::mem::take(&mut s.terminate),
                    s.sweep && k == 0,
                    s.started,
                ),
                Err(_) => break,
            };
            if terminate {
                self.terminate(h);
                continue;
            }
            if heap.phase() == Phase::Mark {
                if started != last_cycle {
                    last_cycle = started;
                    marked = Duration::ZERO;
                    since = Instant::now();
                }
                let procs = self.driver.procs.load(Relaxed);
                let plan = gol_gc::MarkPlan::for_procs(procs);
                let kind = if h.idle_ps() > 0 {
                    WorkerKind::Idle
                } else if k < plan.dedicated_workers {
                    WorkerKind::Dedicated
                } else {
                    WorkerKind::Fractional
                };
                if kind == WorkerKind::Fractional {
                    // Keep to `fractional_utilization` of the Ps' time.
                    let share = (plan.fractional_utilization * procs as f64).clamp(0.05, 1.0);
                    let allowed = since.elapsed().mul_f64(share);
                    if marked > allowed {
                        self.idle_wait((marked - allowed).min(Duration::from_millis(2)));
                        continue;
                    }
                }
                let t0 = Instant::now();
                h.world().enter();
                // SAFETY: counted in the world, so no stop of the world
                // overlaps this call (module invariant 1).
                let r = unsafe { heap.mark_work(&mut cache, WORK_STEP_BYTES, &scanner, kind) };
                h.world().leave();
                marked += t0.elapsed();
                match r.status {
                    MarkStatus::Terminate => self.terminate(h),
                    // Running goroutines' stacks or others' work remain.
                    MarkStatus::Exhausted => self.idle_wait(Duration::from_micros(200)),
                    MarkStatus::More | MarkStatus::Idle => {}
                }
                continue;
            }
            if sweep {
                h.world().enter();
                let mut more = true;
                for _ in 0..64 {
                    if !heap.sweep_step() {
                        more = false;
                        break;
                    }
                }
                h.world().leave();
                if !more {
                    if let Ok(mut s) = self.driver.signal.lock() {
                        s.sweep = false;
                    }
                    self.driver.trace_sweep_done(h.tracer());
                }
                continue;
            }
            self.idle_wait(Duration::from_millis(50));
        }
        heap.release_cache(cache);
    }

    /// An allocating goroutine that found no mark work to pay with while
    /// the heap is past the hard goal (`Vm::assist`) waits here, out of
    /// the world, for the cycle to end (Go parks it on the assist queue):
    /// at most [`ASSIST_WAIT_MAX`], so a cycle held up by a goroutine in a
    /// system call cannot hold the program up with it.
    pub(crate) fn wait_for_mark(&self) {
        let heap = &self.heap;
        self.wait_until(Some(Instant::now() + ASSIST_WAIT_MAX), || {
            heap.phase() != Phase::Mark || !over_hard_goal(heap)
        });
    }

    /// Waits for a signal (or `d`).
    fn idle_wait(&self, d: Duration) {
        if let Ok(s) = self.driver.signal.lock() {
            if s.terminate {
                return;
            }
            let _ = self.driver.cv.wait_timeout(s, d);
        }
    }

    /// Mark termination for a claim (module docs, step 3), from a thread
    /// that is not an M.
    fn terminate(&self, h: &SchedHandle<Exec>) {
        let w = h.world();
        w.enter();
        let t0 = Instant::now();
        let stopped = w.stop();
        let heap = &self.heap;
        if heap.phase() == Phase::Mark {
            // The pause counts the wait for the Ms, as Go's does.
            heap.add_pause_ns(t0.elapsed().as_nanos() as u64, false);
            let procs = self.driver.procs.load(Relaxed);
            let done = if heap.verifying() {
                // Checkmark needs every root: every G's state (none is
                // running) and the channels.
                h.with_gs(|gs| {
                    let gs: Vec<&G> = gs.unwrap_or(&[]).iter().map(|b| b.as_ref()).collect();
                    let maps = &*self.liveness;
                    let mut roots = |sink: &mut dyn FnMut(usize)| {
                        for g in &gs {
                            checkmark_roots(g, maps, heap, sink);
                        }
                        self.global_roots(sink);
                        self.chan_roots(sink);
                    };
                    // SAFETY: the world is stopped by this thread and no
                    // mark call is in progress (module invariant 1); a
                    // cycle is marking (checked above).
                    unsafe { heap.mark_termination(&mut roots) }
                })
            } else {
                // SAFETY: as above; without checkmark the roots are not
                // read.
                unsafe { heap.mark_termination(&mut |_| {}) }
            };
            if let Some(t) = h.tracer() {
                let mark_t0 = self.driver.trace_mark_t0.swap(0, Relaxed);
                let stw_t0 = t.at(t0);
                if mark_t0 != 0 {
                    t.push(crate::rt::gc_span(mark_t0, stw_t0, "mark"));
                }
                t.push(crate::rt::gc_span(stw_t0, t.now(), "STW: mark termination"));
                if matches!(done, MarkTermination::Done(_)) {
                    self.driver.trace_sweep_t0.store(t.now(), Relaxed);
                } else {
                    // The mark resumes.
                    self.driver.trace_mark_t0.store(t.now(), Relaxed);
                }
            }
            if let MarkTermination::Done(st) = done {
                let forced = self.driver.forced.load(Relaxed) == heap.mark_cycle();
                self.driver.trace(&st, procs, forced);
                // The world is still stopped: the leak check's moment
                // (leakcheck.rs), when it is on.
                if self.leaks.auto {
                    if let Some(vm) = self.take_vm() {
                        h.with_views(|views| {
                            crate::leakcheck::check(
                                self,
                                &vm,
                                views,
                                crate::leakcheck::When::Gc(st.cycle),
                            )
                        });
                        self.put_vm(vm);
                    }
                }
                self.driver.notify(|s| s.sweep = true);
            }
        }
        w.start(stopped);
        w.leave();
    }
}

impl crate::Vm {
    /// Pays for an allocation of `bytes` during mark (Go's
    /// `gcAssistAlloc`): mark work in proportion, or a yield at the end
    /// of the slice when no work is left to take.
    #[inline]
    pub(crate) fn assist(&mut self, bytes: usize) {
        if self.heap.phase() == Phase::Mark {
            self.assist_slow(bytes);
        }
    }

    #[cold]
    fn assist_slow(&mut self, bytes: usize) {
        let (Some(exec), false) = (self.exec, self.cx.is_null()) else {
            return;
        };
        // SAFETY: `Executor::run` sets both for the slice this VM runs
        // (from the `&Exec` and `&Cx` it holds for the whole slice) and
        // clears them before the VM returns to the pool, so non-null
        // pointers point at live values; nothing here keeps the borrows
        // past this call.
        let (exec, cx) = unsafe { (&*exec, &*self.cx) };
        let scanner = Scanner {
            gs: cx.handle(),
            exec,
            me: cx.goid(),
        };
        let t0 = cx.tracer().map(|t| t.now());
        // SAFETY: this M is counted in the world (inside a slice), so no
        // stop of the world overlaps the assist's mark work.
        let assist = unsafe { self.heap.assist_alloc(&mut self.cache, bytes, &scanner) };
        // Assists that found nothing to do are not worth a slice.
        if let Some((t0, t1)) = t0
            .zip(cx.tracer().map(|t| t.now()))
            .filter(|(a, b)| b - a >= 1_000)
        {
            cx.trace(crate::sched::tracer::Ev::Span {
                track: cx.track(),
                t0,
                t1,
                name: "mark assist".into(),
            });
        }
        match assist {
            Assist::Paid => {}
            // No work to take now: other goroutines' stacks are being
            // scanned or will be at their next instruction outside the
            // fast loop. Go parks the goroutine until credit arrives;
            // here it goes on, its debt kept for its next allocation (a
            // yield per allocation would cost a trip through the
            // scheduler each), unless the heap is past the hard goal:
            // then the slice ends and the M waits for the cycle
            // (`Exec::wait_for_mark`).
            Assist::Wait => {
                if over_hard_goal(&self.heap) {
                    self.yield_soon = true;
                }
            }
            Assist::Terminate => {
                exec.driver.request_termination();
                self.yield_soon = true;
            }
        }
    }

    /// Polled by the interpreter before each instruction outside its fast
    /// loop (every allocation is one): whether to end the slice at the
    /// next call or backward jump. Yes when an allocation passed the
    /// trigger (the safepoint then starts a cycle), when another M waits
    /// to stop the world (a cycle's start or end, `runtime.GC`), or when
    /// `yield_soon` asks for it (an assist; a native back from a blocking
    /// call without a P). While the collector marks, this is also
    /// where a running goroutine scans its own stack, so that marking
    /// need not wait for its slice to end.
    ///
    /// `pc` is where `g`'s top frame runs (the interpreter keeps it in a
    /// local: the frame's record may be stale), for the stack maps.
    #[inline]
    pub(crate) fn end_slice_early(&mut self, g: &mut G, pc: usize, cx: Option<&Cx>) -> bool {
        if self.heap.phase() == Phase::Off {
            if crate::liveness::mode() == crate::liveness::Mode::Clobber {
                self.clobber_dead(g, pc);
            }
            return self.yield_soon || self.heap.past_trigger() || stop_hint();
        }
        self.end_slice_early_marking(g, pc, cx)
    }

    #[cold]
    fn end_slice_early_marking(&mut self, g: &mut G, pc: usize, cx: Option<&Cx>) -> bool {
        self.scan_own_stack(g, Some(pc as u32), cx);
        self.yield_soon || stop_hint()
    }

    /// `GODEBUG=gcliveness=2` (liveness.rs): poisons the dead slots of the
    /// top two frames (the running one and its caller) at an instruction
    /// outside the fast loop.
    #[cold]
    fn clobber_dead(&mut self, g: &mut G, pc: usize) {
        self.liveness.clobber(g, Some(pc as u32), 2);
    }

    /// A goroutine's own stack scan at the start of its slice (`top_pc`
    /// None: its frames' pcs are saved) or at an instruction outside the
    /// fast loop (`top_pc`: where the top frame runs), when the collector
    /// marks and its stack is still grey (module docs). Under
    /// `GODEBUG=gcliveness=2` it first poisons the dead slots (of the top
    /// 64 frames at a slice's start, of the top two otherwise).
    ///
    /// Inlined up to its two checks: at every slice's start, outside a
    /// mark phase and without `gcliveness=2`, it is two loads.
    #[inline]
    pub(crate) fn scan_own_stack(&mut self, g: &mut G, top_pc: Option<u32>, cx: Option<&Cx>) {
        if self.heap.phase() == Phase::Mark
            || crate::liveness::mode() == crate::liveness::Mode::Clobber
        {
            self.scan_own_stack_now(g, top_pc, cx);
        }
    }

    #[inline(never)]
    fn scan_own_stack_now(&mut self, g: &mut G, top_pc: Option<u32>, cx: Option<&Cx>) {
        if crate::liveness::mode() == crate::liveness::Mode::Clobber {
            let frames = if top_pc.is_some() { 2 } else { 64 };
            self.liveness.clobber(g, top_pc, frames);
        }
        if self.heap.phase() != Phase::Mark {
            return;
        }
        let Some(cx) = cx else {
            return;
        };
        let cycle = self.heap.mark_cycle();
        if cx.gc_stamp() == cycle {
            return;
        }
        let (heap, cache) = (&self.heap, &mut self.cache);
        feed_g(g, &self.liveness, top_pc, &mut |w| {
            heap.shade_pointer(cache, w)
        });
        // What nested calls set aside of `g` (interp/nested.rs).
        crate::interp::saved_roots(&mut |w| heap.shade_pointer(cache, w as usize));
        cx.set_gc_stamp(cycle);
    }
}

/// The roots outside the running goroutine while the world is stopped:
/// every other G's slots and records, every channel's element words, the
/// pins. Enumerated in place (a copy would cost a word per slot of every
/// parked goroutine at each collection).
pub(crate) struct Others<'a> {
    gs: &'a [&'a G],
    #[allow(clippy::redundant_allocation)] // `Exec::chans`' boxes
    chans: &'a [Box<Arc<Chan>>],
    pins: &'a std::collections::HashMap<u64, u64>,
    /// The stack maps the goroutines' slots are scanned by.
    maps: &'a Maps,
}

impl Others<'_> {
    pub(crate) fn for_each(&self, sink: &mut dyn FnMut(usize)) {
        for o in self.gs {
            // Not running: every frame's pc is saved.
            feed_g(o, self.maps, None, sink);
        }
        for c in self.chans {
            c.for_each_word(&mut |w| sink(w as usize));
        }
        for &w in self.pins.values() {
            sink(w as usize);
        }
    }
}

/// Runs `f` with every other M stopped at the end of its slice, passing
/// the roots outside the running goroutine (None if some other G's state
/// could not be read: then `f` must not collect). Outside the scheduler
/// the world is trivially stopped and there are no other roots.
pub(crate) fn with_world_stopped<R>(
    vm: &mut Vm,
    sl: Option<SliceCx<'_>>,
    include_self: bool,
    f: impl FnOnce(&mut Vm, Option<&Others<'_>>) -> R,
) -> R {
    let maps = vm.liveness.clone();
    let Some(SliceCx { cx, exec }) = sl else {
        let none = Others {
            gs: &[],
            chans: &[],
            pins: &std::collections::HashMap::new(),
            maps: &maps,
        };
        return f(vm, Some(&none));
    };
    let stopped = cx.stop_the_world();
    // With the world stopped nobody makes a channel or pins a word (timer
    // callbacks are counted in the world too): holding both locks while
    // `f` runs costs nothing and spares a copy.
    let r = match (exec.chans.lock(), exec.pins.lock()) {
        (Ok(chans), Ok(pins)) => cx.with_gs(include_self, |gs| match gs {
            Some(gs) => {
                let gs: Vec<&G> = gs.iter().map(|b| b.as_ref()).collect();
                let others = Others {
                    gs: &gs,
                    chans: &chans,
                    pins: &pins,
                    maps: &maps,
                };
                f(vm, Some(&others))
            }
            None => f(vm, None),
        }),
        _ => f(vm, None),
    };
    cx.start_the_world(stopped);
    r
}

/// Collects with the roots of a stopped world: the running goroutine `g`'s
/// slots and records, the globals, and `others`.
///
/// # Safety
/// The world is stopped and every heap pointer the program can use again
/// is in one of those roots (heap contract 4): no caller holds one of its
/// own across this call.
pub(crate) unsafe fn collect_with(
    vm: &mut Vm,
    sl: Option<SliceCx<'_>>,
    g: Option<&G>,
    others: &Others<'_>,
) {
    let traced = sl.and_then(|s| s.cx.tracer().map(|t| t.now()));
    let globals = &vm.globals;
    let maps = &*vm.liveness;
    let mut roots = |sink: &mut dyn FnMut(usize)| {
        if let Some(g) = g {
            // In a native (`runtime.GC`): its frames' pcs are saved.
            feed_g(g, maps, None, sink);
            // What nested calls on this thread set aside of `g`.
            crate::interp::saved_roots(&mut |w| sink(w as usize));
        }
        globals.for_each(&mut |w| sink(w as usize));
        others.for_each(sink);
    };
    // SAFETY: the caller guarantees a stopped world and complete roots.
    let st = unsafe { vm.heap.collect(&mut roots) };
    if let (Some(t0), Some(t)) = (traced, sl.and_then(|s| s.cx.tracer())) {
        t.push(crate::rt::gc_span(t0, t.now(), "STW: collection"));
    }
    let procs = sl.map_or(1, |s| s.cx.gomaxprocs());
    match sl {
        Some(s) => s.exec.driver.trace(&st, procs, g.is_some()),
        None if vm.gctrace => {
            let line = st.gctrace_line(vm.start.elapsed().as_nanos() as u64, 0, procs, g.is_some());
            let _ = std::io::stderr().write_all(format!("{line}\n").as_bytes());
        }
        None => {}
    }
}

/// The collector's services to natives (`runtime.GC`, memory statistics)
/// and the system-call hand-off that lends the collector a goroutine's
/// roots: defined here, with the mechanism, so that native.rs (below the
/// collector) need not know it.
impl<'a> crate::native::NativeCtx<'a> {
    /// Collects garbage now (`runtime.GC`): as Go's, a whole concurrent
    /// cycle (after the one in progress, if any) while this goroutine
    /// waits and the others run, then a sweep; with
    /// `GODEBUG=gcstoptheworld=1`, a collection with the world stopped.
    /// The native's own arguments are in its window, so they survive; a
    /// native must hold no other heap address across this call.
    pub fn collect(&mut self) {
        self.collect_now();
        // Finalizers of objects this cycle found unreachable start now
        // (mfinal.rs), so a caller that waits for them next is not alone.
        self.start_finalizers();
        // And the caller lets a finalizer goroutine run before it goes on
        // (its slice ends at its next call or backward jump), as Go's
        // does: its runtime.GC parks in the mark's wait, and the P runs
        // the finalizer goroutine meanwhile. Waiting out of the world
        // here, the P is only retaken by sysmon, often after the cycle.
        let fin = self.sl.is_some_and(|s| {
            s.exec
                .finalizers
                .running
                .load(crate::sched::primitives::Ordering::Relaxed)
        });
        if fin {
            self.end_slice_soon();
        }
    }

    fn collect_now(&mut self) {
        // Inside a nested call (a `String` method a native called) this
        // collects as anywhere else: the outer natives keep what they hold
        // with `Kept` guards (architecture invariant 5: such a call may
        // wait, and a collection may run meanwhile), and the deferred
        // calls and panic state set aside by each nesting level are roots
        // of this goroutine (`interp::saved_roots`, read by every path
        // below).
        // Slots above this native's arguments belong to no live frame (the
        // native's wrapper is the top frame): clear them, so stale values
        // of finished calls and ended scopes keep nothing alive.
        let pw = self.vm.prog.natives[self.native].param_words as usize;
        let from = (self.base + pw).min(self.g.stack.len());
        self.g.stack[from..].fill(0);
        // Under the scheduler: a concurrent cycle, this goroutine waiting
        // for it as Go's does.
        if self.vm.heap.is_concurrent() {
            if let (Some(sl), Some(mut b)) = (self.sl, self.blocker()) {
                let done = sl.exec.collect_concurrent(sl.cx, &mut b);
                if b.lost_p() {
                    self.end_slice_soon();
                }
                if done {
                    return;
                }
            }
        }
        // The other goroutines and the channels' contents (see `exec`).
        let (g, sl): (&G, _) = (self.g, self.sl);
        with_world_stopped(self.vm, sl, false, |vm, others| {
            let Some(others) = others else { return };
            // A concurrent cycle runs only under the scheduler without
            // gcstoptheworld, where the branch above collected; a cycle
            // in progress here cannot be finished with the world stopped.
            if vm.heap.phase() != gol_gc::Phase::Off {
                return;
            }
            // SAFETY: the world is stopped (no other M runs a slice; this
            // goroutine is in this native), and every heap pointer the VM
            // will use again is in a root `collect_with` passes (the
            // caller holds none of its own).
            unsafe { collect_with(vm, sl, Some(g), others) };
            // Go's runtime.GC also finishes sweeping before it returns, so
            // the statistics read next count only live objects.
            vm.heap.finish_sweep();
        });
    }

    /// Runs `f`, a blocking system call that touches no gol memory, with
    /// this goroutine's P released (Go's `entersyscall`/`exitsyscall`), so
    /// other goroutines keep running and a stop of the world does not wait
    /// for it. The flag is false when no P was free on the way back: the
    /// native sets its results and returns `NativeResult::Yield`, and the
    /// goroutine waits in the global queue for a P. Meanwhile the
    /// collector scans a copy of the goroutine's roots (see
    /// [`NativeCtx::blocker`]), so its mark does not wait for the call.
    pub fn syscall<R>(&mut self, f: impl FnOnce() -> R) -> (R, bool) {
        let Some(mut b) = self.blocker() else {
            return (f(), true);
        };
        let r = b.run(f);
        (r, !b.lost_p())
    }

    /// `debug.FreeOSMemory`: a collection, then free pages go back to the
    /// OS.
    pub fn free_os_memory(&mut self) {
        self.collect();
        self.vm.heap.free_os_memory();
    }

    /// Exact memory statistics (`runtime.ReadMemStats`).
    pub fn mem_stats(&mut self) -> MemStats {
        with_world_stopped(self.vm, self.sl, false, |vm, _| {
            // SAFETY: the world is stopped: no other M allocates or uses
            // its cache while the caches are flushed.
            unsafe { vm.heap.read_mem_stats() }
        })
    }

    /// A way to block in the middle of this native (a read of standard
    /// input inside a scan), for a native that cannot end first as
    /// [`NativeCtx::syscall`] needs: see [`crate::sched::Blocker`]. Take it when the goroutine's stack holds
    /// every heap pointer the native will use while blocked (a copy of
    /// its roots is lent to the collector then); None outside the
    /// scheduler.
    pub fn blocker(&self) -> Option<crate::sched::Blocker<'a, Exec>> {
        let cx: &'a Cx = self.sl?.cx;
        cx.blocker(root_words(self.g, &self.vm.liveness))
    }
}
