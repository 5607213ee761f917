//! The VM as the scheduler's [`Executor`]: goroutines of the interpreter
//! run on [`crate::sched`]'s M:P:G machinery.
//!
//! # How a goroutine runs
//! `Executor::run` gets a goroutine's [`G`] (slot stack, frames, defers)
//! and runs interpreter slices on it. A slice that spends its budget is a
//! safepoint: the collector may run there, then the G returns
//! `Preempted` so the others get their turn. A channel operation that
//! must wait stores its ticket in `G::pending` (park.rs: the blocking
//! protocol) and the interpreter returns `Exit::Block(reason)`: the G
//! parks with that wait reason, its pc already past the instruction.
//! When it runs again the ticket is polled first ([`resume`]: a spurious
//! wakeup parks again) and the result is written to the registers the
//! instruction named.
//!
//! # Layering
//! This is the top of the crate: it knows the interpreter, the collector's
//! driver, finalizers and panic reports, and nothing depends on it but
//! `Vm::run_main` (lib.rs). The state it runs on (`Exec`, the channel
//! table, the pins) lives below, in rt.rs, so the interpreter and the
//! natives reach it without reaching up here; it is re-exported here for
//! the natives of stdlib that name it.
//!
//! # Exit
//! main's return ends the program (the scheduler stops every M); a panic
//! in any goroutine prints Go's report with `created by` and ends it with
//! status 2; a deadlock prints Go's `all goroutines are asleep` dump.
//! A live session (session.rs) runs without main, through `live_slice`:
//! there a panic or deadlock ends the host's call, not the run.

use crate::goroutine::G;
use crate::mgc::{collect_with, with_world_stopped};
use crate::park::Resumed;
use crate::sched::{Executor, RunOutcome};
use crate::Vm;
use std::sync::atomic::Ordering;

pub use crate::rt::{go_func_value, Cx, Exec};
use crate::rt::{CallOutcome, Live, SliceCx};

/// How long main's return yields to goroutines running a panic's
/// deferred calls before the program exits regardless. Go gives them 1000
/// `Gosched`s ("running deferred functions should not take long"); gol's
/// deferred code runs slower than compiled Go, so the wait is a time.
const MAIN_PANIC_WAIT_NS: u64 = 200_000_000;

impl Executor for Exec {
    type G = Box<G>;

    fn run(&self, g: &mut Box<G>, cx: &Cx) -> RunOutcome {
        let Some((mut vm, grown)) = self.take_slice_vm(cx) else {
            return RunOutcome::Exit(2);
        };
        // An embedded program's output goes to its host (stdio.rs); the
        // VM, and so the host, outlives the guard.
        let _host = crate::stdio::enter(vm.host.as_ref());
        // The limits of an embedding program (`RunConfig`).
        let limit = vm.run_config.max_goroutines;
        let heap_cap = vm.run_config.max_heap_bytes;
        let over = if limit != 0 && cx.num_goroutine() > limit {
            Some(format!("too many goroutines (limit {limit})"))
        } else if heap_cap != 0 && self.heap.heap_live_bytes() > heap_cap {
            Some(format!(
                "runtime: out of memory (heap of {} bytes over the limit of {heap_cap})",
                self.heap.heap_live_bytes()
            ))
        } else {
            None
        };
        if let Some(msg) = over {
            let out = over_limit(&mut vm, g, &msg, self);
            self.put_slice_vm(cx, vm, grown);
            return out;
        }
        // The allocation assist's view of the slice (see `Vm::assist`):
        // cleared below, before the VM goes back to the pool.
        vm.cx = cx as *const Cx;
        vm.exec = Some(self as *const Exec);
        // Finalizers start between slices (mfinal.rs): before this one,
        // and after it when it ended the finalizer goroutine or parked.
        crate::mfinal::poll(&mut vm, self, cx);
        let sl = SliceCx { cx, exec: self };
        // A throw in the slice (memory the system cannot give) ends the
        // run with Go's fatal error instead of the process, which may be
        // an embedding host's.
        let out = match gol_gc::catch_throws(|| match &self.live {
            None => run_slice(&mut vm, g, sl),
            Some(live) => live_slice(&mut vm, g, sl, live),
        }) {
            Ok(out) => out,
            Err(msg) => over_limit(&mut vm, g, &msg, self),
        };
        if matches!(out, RunOutcome::Done | RunOutcome::Goexit) {
            crate::mfinal::ended(self, g);
        }
        crate::mfinal::poll(&mut vm, self, cx);
        vm.cx = std::ptr::null();
        vm.exec = None;
        self.put_slice_vm(cx, vm, grown);
        out
    }

    fn after_slice(&self, cx: &Cx, outcome: &RunOutcome) {
        // The interpreter ends a slice early when an allocation passes the
        // trigger, so a collection that is due happens after a preempted
        // slice; slices that block or finish are not safepoints (in
        // GOL_GCSTRESS mode, collecting after every one of them would be
        // quadratic in the number of goroutines).
        if matches!(outcome, RunOutcome::Preempted) {
            safepoint(self, cx);
        }
    }

    fn after_leave(&self, _cx: &Cx, outcome: &RunOutcome) {
        if matches!(outcome, RunOutcome::Preempted) {
            self.wait_for_mark();
        }
    }

    fn background(&self, h: &crate::sched::SchedHandle<Self>) {
        self.run_background(h);
    }

    fn background_wake(&self) {
        self.driver.wake();
    }

    fn io_waiters(&self) -> usize {
        self.netpoll.get().map_or(0, |np| np.io_waiters())
    }

    fn netpoll(&self, block: Option<std::time::Duration>) -> Vec<crate::sched::GWaker> {
        match self.netpoll.get() {
            Some(np) => np.poll(block),
            None => Vec::new(),
        }
    }

    fn netpoll_break(&self) {
        if let Some(np) = self.netpoll.get() {
            np.wake();
        }
    }

    fn outside_may_spawn(&self) -> bool {
        // A live session between calls: the host may call again.
        self.live
            .as_ref()
            .is_some_and(|l| l.caller.load(Ordering::SeqCst) == 0)
    }

    fn g_name(&self, g: &Box<G>) -> String {
        let Some(f) = g.frames.first() else {
            return String::new();
        };
        let Ok(pool) = self.pool.lock() else {
            return String::new();
        };
        pool.proto
            .prog
            .funcs
            .get(f.func as usize)
            .map_or(String::new(), |f| f.name.to_string())
    }

    fn heap_counters(&self) -> Option<(u64, u64)> {
        Some((self.heap.heap_live_bytes(), self.heap.goal_bytes()))
    }

    fn deadlock(&self, cx: &Cx) -> bool {
        self.live
            .as_ref()
            .is_some_and(|live| live_deadlock(self, live, cx))
    }
}

/// A slice of a goroutine of a live session (session.rs). A goroutine of
/// an abandoned call ends without running; the call's goroutine ends its
/// call when its function returns or panics (its report collected for the
/// host) or at its first slice after an interrupt; any other goroutine's
/// panic ends that goroutine alone. Returning `Goexit` rather than `Done`
/// or `Panicked` keeps the run going.
fn live_slice(vm: &mut Vm, g: &mut Box<G>, sl: SliceCx<'_>, live: &Live) -> RunOutcome {
    let id = sl.cx.goid();
    if live.nzombies.load(Ordering::SeqCst) > 0 {
        let mut st = live.lock();
        if st.zombies.remove(&id) {
            live.nzombies.fetch_sub(1, Ordering::SeqCst);
            return RunOutcome::Goexit;
        }
    }
    if live.caller.load(Ordering::SeqCst) != id {
        return match run_slice(vm, g, sl) {
            RunOutcome::Done | RunOutcome::Panicked => RunOutcome::Goexit,
            o => o,
        };
    }
    if live.interrupt.load(Ordering::SeqCst) == id {
        live.finish_call(&mut live.lock(), id, CallOutcome::Interrupted);
        return RunOutcome::Goexit;
    }
    crate::rt::tap(true);
    let out = run_slice(vm, g, sl);
    let text = String::from_utf8_lossy(&crate::rt::tap(false)).into_owned();
    let ended = match out {
        RunOutcome::Done | RunOutcome::Goexit => CallOutcome::Returned,
        RunOutcome::Panicked => CallOutcome::Panicked(text),
        RunOutcome::Exit(_) => {
            if sl.exec.fatal.load(Ordering::Acquire) {
                live.lock().fatal_text = Some(text);
            }
            return out;
        }
        o => return o,
    };
    live.finish_call(&mut live.lock(), id, ended);
    RunOutcome::Goexit
}

/// Every goroutine is asleep while a live session's call runs (the last
/// M to park, no scheduler lock held, every other M parked): print Go's
/// deadlock report and abandon the call (its goroutine ends if it is ever
/// woken); the session goes on. True: handled, or the call ended
/// meanwhile (look again).
fn live_deadlock(exec: &Exec, live: &Live, cx: &Cx) -> bool {
    let caller = live.caller.load(Ordering::SeqCst);
    if caller == 0 {
        return true;
    }
    let mut st = live.lock();
    // Only the host ends a call from outside (an interrupt), under this
    // lock; nothing inside can, every goroutine being asleep.
    if live.caller.load(Ordering::SeqCst) != caller {
        return true;
    }
    let Some(vm) = exec.take_vm() else {
        return false;
    };
    let mut out = b"fatal error: all goroutines are asleep - deadlock!\n".to_vec();
    // The host holds `state` while it starts a call's goroutine, which the
    // last M may have counted live before it was queued: with the lock
    // taken, such a goroutine shows runnable, and nothing is dead.
    let asleep = cx.handle().with_views(|views| {
        let asleep = views
            .iter()
            .all(|v| v.status == crate::sched::GStatus::Waiting);
        if asleep {
            dump_views(&vm, views, &st.zombies, &mut out);
        }
        asleep
    });
    if !asleep {
        exec.put_vm(vm);
        return true;
    }
    {
        let _host = crate::stdio::enter(vm.host.as_ref());
        crate::stdio::write_report(&out);
    }
    exec.put_vm(vm);
    let text = String::from_utf8_lossy(&out).into_owned();
    live.abandon(&mut st, caller, CallOutcome::Deadlock(text));
    true
}

/// Go's dump of goroutines (the deadlock report's, `GOTRACEBACK=all`):
/// per goroutine, `goroutine N [status]:`, its trace and `created by`,
/// leaving out the goroutines in `skip`.
pub(crate) fn dump_views(
    vm: &Vm,
    views: &[crate::sched::GView<'_, Box<G>>],
    skip: &std::collections::HashSet<u64>,
    out: &mut Vec<u8>,
) {
    for v in views.iter().filter(|v| !skip.contains(&v.id)) {
        out.push(b'\n');
        crate::traceback::write_view(vm, v, false, out);
    }
}

/// Runs one slice of `g` on this M's VM.
fn run_slice(vm: &mut Vm, g: &mut Box<G>, sl: SliceCx<'_>) -> RunOutcome {
    let exec = sl.exec;
    g.id = sl.cx.goid();
    let _running = crate::crashtrace::Running::enter(vm, g);
    vm.yield_soon = false;
    vm.scan_own_stack(g, None, Some(sl.cx));
    if let Some(p) = g.pending.take() {
        if let Some(out) = resume(vm, sl, g, crate::park::unboxed(p)) {
            return out;
        }
    }
    if let Some(r) = &vm.race {
        r.resumed(g.id);
    }
    // A seeded schedule gives each slice its length in points and the
    // seed of the map's randomness (sched/seeded.rs).
    let budget = match sl.cx.seeded_slice() {
        Some(s) => {
            crate::map::reseed(s.seed);
            s.points
        }
        None => vm.slice_budget,
    };
    match crate::interp::run(vm, Some(sl), g, budget) {
        crate::interp::Exit::Yield => RunOutcome::Preempted,
        crate::interp::Exit::Block(r) => RunOutcome::Blocked(r),
        crate::interp::Exit::Done => {
            // Main returned: as Go's main does, let goroutines that are
            // running a panic's deferred calls finish (a recovered panic
            // lets main exit; an unrecovered one ends the program with
            // its report). The G has no frames left: each later slice
            // comes straight back here.
            if g.id == 1 && exec.live.is_none() {
                if exec.dying.load(Ordering::Acquire) {
                    return RunOutcome::Blocked(crate::sched::WaitReason::PanicWait);
                }
                if exec.panic_defers.load(Ordering::Acquire) > 0 {
                    // The first wait stamps the clock (nanoseconds since
                    // the program started, plus one).
                    let now = vm.start.elapsed().as_nanos() as u64 + 1;
                    let first = match exec.main_wait_ns.compare_exchange(
                        0,
                        now,
                        Ordering::Relaxed,
                        Ordering::Relaxed,
                    ) {
                        Ok(_) => now,
                        Err(t) => t,
                    };
                    if now - first < MAIN_PANIC_WAIT_NS {
                        return RunOutcome::Yielded;
                    }
                }
            }
            if g.id == 1 && exec.live.is_none() && exec.leaks.auto {
                leakcheck_at_exit(vm, sl);
            }
            if let Some(r) = &vm.race {
                r.finished(g.id);
            }
            RunOutcome::Done
        }
        crate::interp::Exit::Goexit => {
            if let Some(r) = &vm.race {
                r.finished(g.id);
            }
            RunOutcome::Goexit
        }
        crate::interp::Exit::Exit(code) => RunOutcome::Exit(code),
        crate::interp::Exit::Panic => {
            // Release pairs with main's Acquire load. This goroutine still
            // counts in `panic_defers` (it never drops out): main sees it
            // running, then dying. (A live session goes on after a
            // panic: see `live_slice`.)
            if exec.live.is_none() {
                exec.dying.store(true, Ordering::Release);
            }
            if let Some(code) = report(vm, sl, g) {
                return RunOutcome::Exit(code);
            }
            RunOutcome::Panicked
        }
        crate::interp::Exit::Fatal(msg) => {
            exec.fatal.store(true, Ordering::Release);
            crate::panic::fatal(vm, g, &msg);
            others(vm, sl);
            RunOutcome::Exit(2)
        }
    }
}

/// The leak check when main has returned (leakcheck.rs): main's frames
/// are gone, so what only main held is unreachable now.
fn leakcheck_at_exit(vm: &Vm, sl: SliceCx<'_>) {
    let stopped = sl.cx.stop_the_world();
    sl.cx.with_views(|views| {
        crate::leakcheck::check(sl.exec, vm, views, crate::leakcheck::When::Exit)
    });
    sl.cx.start_the_world(stopped);
}

/// Ends the run with a fatal error when a slice starts past a limit of
/// `RunConfig` (goroutines, heap); the first one reports.
fn over_limit(vm: &mut Vm, g: &mut Box<G>, msg: &str, exec: &Exec) -> RunOutcome {
    if !exec.fatal.swap(true, Ordering::AcqRel) {
        crate::panic::fatal(vm, g, msg);
    }
    RunOutcome::Exit(2)
}

/// Prints the report of `g`'s unrecovered panic, after running the
/// values' `Error`/`String` methods on `g` (`interp::method_text`: they
/// may block, as in Go); then, as `GOTRACEBACK` asks (traceback.rs),
/// where `g` was created, every other goroutine, and the abort of
/// `crash`. `Some(code)`: a method ended the program instead (nothing is
/// printed).
#[must_use]
fn report(vm: &mut Vm, sl: SliceCx<'_>, g: &mut G) -> Option<i32> {
    let values: Vec<u64> = g
        .panicking
        .as_ref()
        .map_or_else(Vec::new, |p| p.heap_values().collect());
    let mut texts = Vec::with_capacity(values.len());
    for v in values {
        match crate::interp::method_text(vm, Some(sl), g, v) {
            Ok(t) => texts.push((v, t)),
            Err(code) => return Some(code),
        }
    }
    crate::panic::report(vm, g, &mut |_, v| {
        texts
            .iter()
            .find(|(b, _)| *b == v)
            .and_then(|(_, t)| t.clone())
    });
    if crate::gotraceback::setting().level > crate::gotraceback::Level::None {
        created_by(vm, g);
    }
    others(vm, sl);
    None
}

/// After a panic's or fatal error's report: every other goroutine under
/// `GOTRACEBACK=all` (or system, crash), then `crash`'s abort. Not in a
/// live session, whose host gets the report as a value and goes on.
fn others(vm: &Vm, sl: SliceCx<'_>) {
    let tb = crate::gotraceback::setting();
    if sl.exec.live.is_some() {
        return;
    }
    if tb.all() {
        let mut out = Vec::new();
        crate::traceback::dump_others(vm, sl.cx, &mut out);
        crate::stdio::write_report(&out);
    }
    crate::gotraceback::crash_if_asked(tb);
}

/// Prints `created by f in goroutine N` and its location for a goroutine
/// started by a `go` statement.
pub(crate) fn created_by(vm: &Vm, g: &G) {
    crate::stdio::write_report(&crate::panic::created_by_text(vm, g));
}

/// Polls a parked G's ticket (park.rs): `Some(outcome)` to return at
/// once (still blocked, or a panic ended it), `None` to continue running.
fn resume(vm: &mut Vm, sl: SliceCx<'_>, g: &mut G, p: crate::park::Pending) -> Option<RunOutcome> {
    match p.resume(&mut g.stack, &mut |w| vm.shade_words(w)) {
        Resumed::Done => None,
        Resumed::Parked(p) => {
            let r = p.reason();
            g.pending = Some(crate::park::boxed(p));
            Some(RunOutcome::Blocked(r))
        }
        Resumed::Panic(e) => raise(vm, sl, g, e.message()),
    }
}

/// Starts a panic with a runtime error in a resumed G; `Some` when it
/// ended the goroutine.
fn raise(vm: &mut Vm, sl: SliceCx<'_>, g: &mut G, msg: &str) -> Option<RunOutcome> {
    if crate::interp::raise(vm, Some(sl), g, msg.to_string()) {
        None
    } else if let Some(code) = report(vm, sl, g) {
        Some(RunOutcome::Exit(code))
    } else {
        Some(RunOutcome::Panicked)
    }
}

/// After a slice (`Executor::after_slice`, the G's state unlocked): start
/// a cycle if the pacer says so (mgc.rs); with `GODEBUG=gcstoptheworld=1`,
/// collect with the world stopped instead, the roots being every
/// goroutine's slot stack and records, the globals, every channel's
/// element words and the pins.
fn safepoint(exec: &Exec, cx: &Cx) {
    if !exec.heap.should_collect() {
        return;
    }
    if exec.heap.is_concurrent() {
        crate::mgc::start_cycle(exec, cx);
        return;
    }
    let Some(mut vm) = exec.take_vm() else { return };
    let sl = SliceCx { cx, exec };
    let collected = with_world_stopped(&mut vm, Some(sl), true, |vm, others| {
        // Another M may have collected while this one waited to stop the
        // world.
        if let Some(others) = others {
            if vm.heap.should_collect() {
                // SAFETY: the world is stopped (no other M runs a slice),
                // and `others` holds every goroutine's, channel's and
                // pin's roots; no native is running.
                unsafe { collect_with(vm, Some(sl), None, others) }
                return true;
            }
        }
        false
    });
    if collected && exec.leaks.auto {
        // The leak check after this collection (leakcheck.rs), in a stop
        // of its own: the one above held every state. This M's goroutine
        // is between slices, its state readable like the others'.
        let stopped = cx.stop_the_world();
        let cycle = vm.heap.stats().num_gc;
        cx.handle().with_views(|views| {
            crate::leakcheck::check(exec, &vm, views, crate::leakcheck::When::Gc(cycle))
        });
        cx.start_the_world(stopped);
    }
    exec.put_vm(vm);
}

/// The scheduler's settings: GOMAXPROCS as the VM's run settings give it,
/// else from the environment (else the CPU count), and `GODEBUG`'s
/// `schedtrace=MS` and `scheddetail=1`.
pub(crate) fn sched_config(vm: &Vm) -> crate::sched::Config {
    let procs = vm
        .run_config
        .gomaxprocs
        .unwrap_or_else(crate::sched::Config::gomaxprocs_from_env);
    let mut cfg = crate::sched::Config::new(procs);
    cfg.schedtrace_ms = crate::godebug("schedtrace").map_or(0, |ms| ms.parse().unwrap_or(0));
    cfg.scheddetail = crate::godebug("scheddetail").is_some_and(|d| d == "1");
    cfg.sched = vm.run_config.sched;
    cfg
}

/// Writes the tracer's events to `path` (a note on stderr if it cannot).
fn write_trace(t: &crate::sched::tracer::Tracer, path: &std::path::Path) {
    let written = t.write_to(path);
    if let Err(e) = written {
        crate::stdio::write_report(
            format!("gol: cannot write the trace to {}: {e}\n", path.display()).as_bytes(),
        );
    }
}

/// Runs the program's main goroutine and every goroutine it starts on the
/// scheduler; returns how the run ended (its report printed).
pub(crate) fn run_program(vm: &mut Vm) -> crate::Ending {
    use crate::sched::{RunExit, Sched};
    use crate::Ending;
    vm.race = vm
        .run_config
        .race
        .clone()
        .map(|o| std::sync::Arc::new(crate::race::Race::new(o)));
    if vm.run_config.sched.is_some() {
        // A seeded run's collections stop the world: no background mark
        // and no assist waits to add decisions of their own.
        vm.heap.set_concurrent(false);
    }
    let mut tracer = vm.run_config.trace.as_ref().map(|c| {
        let ring = c
            .flight_recorder
            .then_some(crate::sched::tracer::FlightRecorder {
                window_ns: crate::FLIGHT_WINDOW_NS,
                max_events: crate::FLIGHT_MAX_EVENTS,
            });
        let t = crate::sched::tracer::Tracer::new(true, ring).with_format(c.format);
        // A trace is written as it is recorded (tracer.rs); a flight
        // recorder's only if the run fails.
        if !c.flight_recorder {
            t.stream_to(&c.path);
        }
        std::sync::Arc::new(t)
    });
    // A program that uses runtime/trace gets a tracer it starts itself
    // (the others pay nothing: tracer.rs, invariant 1).
    if tracer.is_none()
        && vm
            .prog
            .natives
            .iter()
            .any(|n| n.name.starts_with("runtime/trace."))
    {
        let mut t = crate::sched::tracer::Tracer::new(false, None);
        if let Some(f) = vm.run_config.trace_format {
            t = t.with_format(f);
        }
        tracer = Some(std::sync::Arc::new(t));
    }
    let exec = Exec::new(vm);
    let mut cfg = sched_config(vm);
    cfg.tracer = tracer.clone();
    let sched = Sched::new(exec, cfg);
    let main = Box::new(G::new(1, vm.prog.entry));
    let canceller = vm.run_config.canceller.clone();
    if let Some(c) = &canceller {
        c.set_run(Some(sched.handle()));
    }
    // SIGQUIT dumps this run's goroutines (traceback.rs) while it runs.
    let dumper = crate::traceback::register_dumper(sched.handle());
    let exit = sched.run(main);
    drop(dumper);
    if vm.run_config.sched.is_some() {
        vm.heap.set_concurrent(!crate::gc_stop_the_world());
    }
    let cancelled = canceller.is_some_and(|c| c.set_run(None));
    // The reports below go to an embedding program's host too.
    let host = vm.host.clone();
    let _host = crate::stdio::enter(host.as_ref());
    // Every M has stopped: give the Ms' allocation caches back.
    let exec = sched.executor();
    exec.release_caches();
    vm.cx = std::ptr::null();
    vm.exec = None;
    if cancelled {
        return Ending::Cancelled;
    }
    let raced = vm.race.take().filter(|r| r.found() > 0);
    if let (Some(t), Some(c)) = (&tracer, &vm.run_config.trace) {
        let failed = matches!(
            exit,
            RunExit::Panicked { .. } | RunExit::Fatal(_) | RunExit::Deadlock(_)
        ) || (matches!(exit, RunExit::Exit(_)) && exec.fatal.load(Ordering::Acquire));
        if !c.flight_recorder || failed {
            write_trace(t, &c.path);
        }
    }
    match exit {
        RunExit::Exit(_) if exec.fatal.load(Ordering::Acquire) => Ending::Fatal,
        // Go's race runtime ends a run that would exit 0 (main returned,
        // `os.Exit(0)`) with its exit code once it reported a race.
        RunExit::Done | RunExit::Exit(0) if raced.is_some() => {
            Ending::Exit(raced.map_or(0, |r| r.found_at_exit(vm)))
        }
        RunExit::Done => Ending::Exit(0),
        RunExit::Exit(c) => Ending::Exit(c),
        RunExit::Panicked { .. } => Ending::Panic,
        RunExit::Fatal(msg) => {
            crate::stdio::write_report(format!("fatal error: {msg}\n").as_bytes());
            Ending::Fatal
        }
        RunExit::Deadlock(gs) => {
            let mut out = b"fatal error: all goroutines are asleep - deadlock!\n".to_vec();
            let tb = crate::gotraceback::setting();
            let shown = if tb.level == crate::gotraceback::Level::None {
                &gs[..0]
            } else {
                &gs[..]
            };
            for d in shown {
                // A G parked in a nested call has its state held by its
                // M: the trace it lent stands for it (sched/lockedm.rs).
                if d.g.is_none() && d.lent.is_none() {
                    continue;
                }
                // Asleep, on no M (`m=nil` at the system level).
                let gp = d.g.as_ref().map_or(0, |g| (&**g) as *const G as usize);
                let fields = (tb.level >= crate::gotraceback::Level::System).then_some((gp, None));
                let h = crate::traceback::header(
                    d.id,
                    crate::sched::GStatus::Waiting,
                    d.wait,
                    0,
                    false,
                    fields,
                );
                out.push(b'\n');
                out.extend_from_slice(h.as_bytes());
                match (&d.g, &d.lent) {
                    (Some(g), _) => {
                        let trace = crate::panic::capture(g);
                        crate::panic::write_trace(vm, &trace, &mut out);
                        crate::stdio::write_report(&out);
                        out.clear();
                        created_by(vm, g);
                    }
                    (None, Some(words)) => {
                        crate::traceback::write_lent_stack(vm, words, &mut out);
                    }
                    (None, None) => {}
                }
            }
            crate::stdio::write_report(&out);
            crate::gotraceback::crash_if_asked(tb);
            Ending::Deadlock
        }
    }
}
