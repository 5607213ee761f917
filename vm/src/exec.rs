//! The VM as the scheduler's [`Executor`]: goroutines of the interpreter
//! run on [`crate::sched`]'s M:P:G machinery.
//!
//! # How a goroutine runs
//! `Executor::run` gets a goroutine's [`G`] (slot stack, frames, defers)
//! and runs interpreter slices on it. A slice that spends its budget is a
//! safepoint: the collector may run there, then the G returns
//! `Preempted` so the others get their turn. A channel operation that
//! must wait stores its ticket in `G::pending` ([`Pending`]) and the
//! interpreter returns `Exit::Block(reason)`: the G parks with that wait
//! reason, its pc already past the instruction. When it runs again the
//! ticket is polled first (a spurious wakeup parks again) and the
//! result is written to the registers the instruction named.
//!
//! # Channels
//! A channel value is one word: a pointer to a one-word, pointer-free
//! gol heap object holding the address of the channel's `Arc` in the
//! executor's table (`Exec::chans`, boxed so the address is stable). An
//! operation reads that address and borrows the `Arc`: no lock and no
//! reference count per operation. So a channel word is an ordinary heap
//! pointer for the collector, equality is identity, and nil is 0. The
//! table is never shrunk: channels live until the program ends (a leak
//! the concurrent collector's finalisation will remove), which is what
//! makes the borrowed address valid for as long as the executor lives.
//!
//! Element words live outside the gol heap, in the `Chan` buffers and in
//! the waiting sudogs. They are roots: at every collection the executor
//! enumerates every channel's buffered and in-flight words, and each G's
//! pending ticket (`G::extra_roots`). Rejected: storing elements in gol
//! heap objects (the sched's `Chan` is generic over words and
//! stress-tested as it is; enumerating the table costs a pass over the
//! channels per collection, which is proportional to the heap anyway).
//!
//! # Parallelism
//! Goroutines run on GOMAXPROCS Ms at once (default: the CPU count, or
//! the `GOMAXPROCS` environment variable). Each M running a slice takes
//! its own [`Vm`] from the executor's pool (a fork sharing the program,
//! heap, globals, natives and standard output, with its own allocation
//! cache: Go's per-P `mcache`), so the interpreter never takes a lock to
//! run. Shared runtime state is behind its own locks or atomics: the
//! heap's central lists, the channel table and each channel, the
//! semaphore table of `sync`, the pins, standard output.
//!
//! The collector (mgc.rs) stops the world (sched/world.rs) twice per
//! cycle, briefly: a goroutine whose slice ends past the allocation
//! trigger starts a cycle, and the background thread ends its mark; in
//! between, goroutine stacks, channels and the heap are marked while the
//! program runs. Gs in system calls (`NativeCtx::syscall`, and a read of
//! standard input inside a scan: `sched::Blocker`) do not hold a stop
//! up; they wait to re-enter after it. Their M still holds their state,
//! so they lend the collector a copy of their roots for the call, which
//! the mark scans instead; a stop-the-world collection (`runtime.GC`,
//! `GODEBUG=gcstoptheworld=1`) due meanwhile reads every state and is
//! put off (as is one asked for while another M waits to stop the world
//! from inside a native).
//!
//! A racy program (unsynchronised writes from two goroutines) can tear a
//! multi-word value (a string or slice header) as it can in Go; the map
//! implementation keeps its own accesses in bounds even then (map.rs,
//! invariant 4), and Go's `concurrent map writes` check reports it.

//! # Exit
//! main's return ends the program (the scheduler stops every M); a panic
//! in any goroutine prints Go's report with `created by` and ends it with
//! status 2; a deadlock prints Go's `all goroutines are asleep` dump.

use crate::goroutine::G;
use crate::sched::chan::{Chan, RecvTicket, SelectTicket, SendTicket};
use crate::sched::{Executor, PCtx, RunOutcome, WaitReason};
use crate::Vm;
use std::io::Write;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

/// A parked channel operation and where its result goes (absolute slot
/// indices in the goroutine's stack).
pub enum Pending {
    Send(SendTicket, WaitReason),
    Recv {
        t: RecvTicket,
        reason: WaitReason,
        d: usize,
        ew: usize,
        ok: bool,
    },
    Select {
        t: SelectTicket,
        reason: WaitReason,
        /// The chosen index goes to d, the receive's ok to d+1.
        d: usize,
        /// Per case: the receive destination and its element words.
        cases: Vec<(usize, usize)>,
    },
}

impl Pending {
    pub fn reason(&self) -> WaitReason {
        match self {
            Pending::Send(_, r) => *r,
            Pending::Recv { reason, .. } | Pending::Select { reason, .. } => *reason,
        }
    }

    /// The element words the ticket holds (roots).
    pub fn for_each_word(&self, f: &mut dyn FnMut(u64)) {
        match self {
            Pending::Send(..) => {}
            Pending::Recv { t, .. } => t.for_each_word(f),
            Pending::Select { t, .. } => t.for_each_word(f),
        }
    }
}

/// The VMs of the Ms (one per M running a slice), and the prototype new
/// ones are forked from.
struct Pool {
    proto: Vm,
    free: Vec<Vm>,
}

// SAFETY: a `Vm`'s raw pointers (`cx`, `exec`) are only set and used by
// the M running a slice with it, and cleared before it returns to the
// pool; everything else in a `Vm` is owned or `Arc`s of `Sync` state.
unsafe impl Send for Pool {}

/// How long main's return yields to goroutines running a panic's
/// deferred calls before the program exits regardless. Go gives them 1000
/// `Gosched`s ("running deferred functions should not take long"); gol's
/// deferred code runs slower than compiled Go, so the wait is a time.
const MAIN_PANIC_WAIT_NS: u64 = 200_000_000;

/// The VM as the scheduler's executor.
pub struct Exec {
    pool: Mutex<Pool>,
    /// The program's heap (the pacer's question after each slice needs no
    /// VM).
    pub(crate) heap: Arc<gol_gc::Heap>,
    /// The package variables (global roots of each cycle).
    pub(crate) globals: Arc<crate::Globals>,
    /// The collector's driver (mgc.rs).
    pub(crate) driver: crate::mgc::Driver,
    /// Every channel made (see the module docs): never shrunk, and each
    /// `Arc` boxed so its address stays put when the table grows.
    #[allow(clippy::vec_box)] // the box is the stable address
    chans: Mutex<Vec<Box<Arc<Chan>>>>,
    /// sync.Mutex, RWMutex and WaitGroup states, by object address (see
    /// `sema`).
    pub(crate) sema: Mutex<std::collections::HashMap<u64, crate::sema::SyncState>>,
    /// Heap words held outside every goroutine and channel (a pending
    /// `time.AfterFunc`'s closure, a timer's channel), by pin key: roots
    /// until unpinned.
    pub(crate) pins: Mutex<std::collections::HashMap<u64, u64>>,
    next_pin: std::sync::atomic::AtomicU64,
    /// Goroutines running the deferred calls of a panic not yet recovered
    /// (Go's `runningPanicDefers`): raised by the interpreter when a panic
    /// starts, lowered when it is recovered. While it is not zero, main's
    /// return yields first, so a panic whose deferred call released main
    /// (a `wg.Done`) still ends the program with its report and status 2.
    pub(crate) panic_defers: std::sync::atomic::AtomicUsize,
    /// An unrecovered panic is being reported (Go's `panicking`): main's
    /// return parks for good; the report ends the program.
    pub(crate) dying: std::sync::atomic::AtomicBool,
    /// When main's return first yielded to running panics (see
    /// [`MAIN_PANIC_WAIT_NS`]), 0 before.
    main_wait_ns: std::sync::atomic::AtomicU64,
    /// `runtime.SetFinalizer`'s functions and the finalizers to run
    /// (mfinal.rs).
    pub(crate) finalizers: crate::mfinal::Finalizers,
    /// The network poller, made when the first socket opens (a program
    /// without sockets polls nothing).
    pub(crate) netpoll: std::sync::OnceLock<Arc<crate::netpoll::NetPoller>>,
}

impl Exec {
    /// Keeps `w` alive (a root at every collection) until [`Exec::unpin`]
    /// with the returned key.
    pub fn pin(&self, w: u64) -> u64 {
        let k = self
            .next_pin
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let Ok(mut t) = self.pins.lock() {
            t.insert(k, w);
        }
        k
    }

    /// Drops a pin; the word it held is returned (0 if none).
    pub fn unpin(&self, key: u64) -> u64 {
        self.pins
            .lock()
            .ok()
            .and_then(|mut t| t.remove(&key))
            .unwrap_or(0)
    }

    /// Every channel's buffered and in-flight element words (roots).
    pub(crate) fn chan_roots(&self, sink: &mut dyn FnMut(usize)) {
        if let Ok(chans) = self.chans.lock() {
            for c in chans.iter() {
                c.for_each_word(&mut |w| sink(w as usize));
            }
        }
    }

    /// The package variables and the pinned words (roots).
    pub(crate) fn global_roots(&self, sink: &mut dyn FnMut(usize)) {
        self.globals.for_each(&mut |w| sink(w as usize));
        if let Ok(p) = self.pins.lock() {
            for &w in p.values() {
                sink(w as usize);
            }
        }
    }

    /// The channel behind a channel word (None for nil).
    pub fn chan(&self, w: u64) -> Option<&Arc<Chan>> {
        if w == 0 {
            return None;
        }
        // SAFETY: a non-nil channel word points at the one-word object
        // `make_chan` allocated, holding the address of a boxed `Arc` in
        // `self.chans`; the table never drops or moves its boxes, so the
        // `Arc` lives as long as `self`.
        unsafe {
            let p = crate::value::read_word(w, 0) as *const Arc<Chan>;
            p.as_ref()
        }
    }
}

/// The scheduler context of the running goroutine.
pub type Cx = PCtx<Exec>;

/// Starts the goroutine of a `time.AfterFunc` callback: the func value
/// `cl` with no arguments. Its traces say `created by time.goFunc` (Go's
/// timer goroutine function), at `time.AfterFunc`'s source. False for a
/// nil func value.
pub fn go_func_value(cx: &Cx, prog: &gol_lang::bytecode::Program, cl: u64) -> bool {
    if cl == 0 {
        return false;
    }
    // SAFETY: a non-nil func value points at a closure object whose word
    // 0 is its function index.
    let f = unsafe { crate::value::read_word(cl, 0) } as u32;
    let site = prog
        .funcs
        .iter()
        .position(|x| x.name == "time.AfterFunc")
        .map_or(f, |i| i as u32);
    // Creator 0: the runtime (see `created_by`).
    match G::for_func_value(prog, cl, &[], (0, site, 0)) {
        Some(ng) => {
            // `cl` was pinned, so it is marked if a cycle marks now: what
            // the new goroutine starts with is shaded (mgc.rs).
            cx.spawn(ng);
            true
        }
        None => false,
    }
}

/// `make(chan T, cap)`: the channel word, or Go's panic message.
pub(crate) fn make_chan(vm: &mut Vm, cap: i64, ew: u32) -> Result<u64, String> {
    let Some(exec) = vm.exec else {
        return Err("channels need the scheduler".into());
    };
    // Go's limit: the buffer must fit in the address space it allows.
    let bytes = (cap as i128) * (ew as i128) * 8;
    if cap < 0 || bytes > (1i128 << 47) || cap > (1i64 << 40) {
        return Err("makechan: size out of range".into());
    }
    // SAFETY: `vm.exec` points at the executor running this goroutine,
    // which outlives every slice it runs.
    let exec = unsafe { &*exec };
    let c = Box::new(Chan::new(ew as usize, cap as usize));
    let addr = &*c as *const Arc<Chan> as u64;
    let Ok(mut t) = exec.chans.lock() else {
        return Err("channel table poisoned".into());
    };
    t.push(c);
    drop(t);
    let p = vm.alloc_noscan(8);
    // SAFETY: p is a fresh one-word object.
    unsafe { crate::value::write_word(p, 0, addr) };
    Ok(p)
}

impl Executor for Exec {
    type G = Box<G>;

    fn run(&self, g: &mut Box<G>, cx: &Cx) -> RunOutcome {
        let Some(mut vm) = self.take_vm() else {
            return RunOutcome::Exit(2);
        };
        vm.cx = cx as *const Cx;
        vm.exec = Some(self as *const Exec);
        // Finalizers start between slices (mfinal.rs): before this one,
        // and after it when it ended the finalizer goroutine or parked.
        crate::mfinal::poll(&mut vm, self, cx);
        let out = run_slice(&mut vm, g, cx);
        if matches!(out, RunOutcome::Done | RunOutcome::Goexit) {
            crate::mfinal::ended(self, g);
        }
        crate::mfinal::poll(&mut vm, self, cx);
        vm.cx = std::ptr::null();
        vm.exec = None;
        self.put_vm(vm);
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
}

impl Exec {
    fn put_vm(&self, vm: Vm) {
        if let Ok(mut p) = self.pool.lock() {
            p.free.push(vm);
        }
    }

    /// A VM for this M: a free one, or a fork of the prototype.
    fn take_vm(&self) -> Option<Vm> {
        let mut p = self.pool.lock().ok()?;
        Some(match p.free.pop() {
            Some(v) => v,
            None => p.proto.fork(),
        })
    }
}

/// Runs one slice of `g` on this M's VM.
fn run_slice(vm: &mut Vm, g: &mut Box<G>, cx: &Cx) -> RunOutcome {
    g.id = cx.goid();
    let _running = crate::crashtrace::Running::enter(vm, g);
    vm.yield_soon = false;
    vm.scan_own_stack(g);
    if let Some(p) = g.pending.take() {
        if let Some(out) = resume(vm, g, *p) {
            return out;
        }
    }
    let budget = vm.slice_budget;
    match crate::interp::run(vm, g, budget) {
        crate::interp::Exit::Yield => RunOutcome::Preempted,
        crate::interp::Exit::Block(r) => RunOutcome::Blocked(r),
        crate::interp::Exit::Done => {
            // Main returned: as Go's main does, let goroutines that are
            // running a panic's deferred calls finish (a recovered panic
            // lets main exit; an unrecovered one ends the program with
            // its report). The G has no frames left: each later slice
            // comes straight back here.
            if g.id == 1 {
                if let Some(exec) = vm.exec.map(|e| {
                    // SAFETY: set by the executor while it runs slices; it
                    // outlives every slice.
                    unsafe { &*e }
                }) {
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
            }
            RunOutcome::Done
        }
        crate::interp::Exit::Goexit => RunOutcome::Goexit,
        crate::interp::Exit::Exit(code) => RunOutcome::Exit(code),
        crate::interp::Exit::Panic => {
            if let Some(exec) = vm.exec {
                // SAFETY: as above.
                let exec = unsafe { &*exec };
                // Release pairs with main's Acquire load. This goroutine
                // still counts in `panic_defers` (it never drops out): main
                // sees it running, then dying.
                exec.dying.store(true, Ordering::Release);
            }
            crate::panic::report(vm, g);
            created_by(vm, g);
            RunOutcome::Panicked
        }
        crate::interp::Exit::Fatal(msg) => {
            crate::panic::fatal(vm, g, &msg);
            RunOutcome::Exit(2)
        }
    }
}

/// Prints `created by f in goroutine N` and its location for a goroutine
/// started by a `go` statement.
pub(crate) fn created_by(vm: &Vm, g: &G) {
    let _ = std::io::stderr().write_all(&created_by_text(vm, g));
}

/// The `created by` lines of `g`'s trace (empty for main).
pub(crate) fn created_by_text(vm: &Vm, g: &G) -> Vec<u8> {
    let Some((parent, func, pc)) = g.created else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut tr = Vec::new();
    crate::panic::write_trace(vm, &[(func, pc)], &mut tr);
    let text = String::from_utf8_lossy(&tr);
    let mut lines = text.lines();
    if let (Some(first), Some(loc)) = (lines.next(), lines.next()) {
        let name = first
            .strip_suffix("(...)")
            .or_else(|| first.strip_suffix("()"))
            .unwrap_or(first);
        let line = if parent == 0 {
            // A time.AfterFunc callback: Go's timer goroutine starts it.
            format!("created by time.goFunc\n{loc}\n")
        } else {
            format!("created by {name} in goroutine {parent}\n{loc}\n")
        };
        out.extend_from_slice(line.as_bytes());
    }
    out
}

/// Polls a parked G's ticket: `Some(outcome)` to return at once (still
/// blocked, or a panic ended it), `None` to continue running.
fn resume(vm: &mut Vm, g: &mut G, p: Pending) -> Option<RunOutcome> {
    match p {
        Pending::Send(t, r) => match t.poll() {
            None => {
                g.pending = Some(Box::new(Pending::Send(t, r)));
                Some(RunOutcome::Blocked(r))
            }
            Some(Ok(())) => None,
            Some(Err(e)) => raise(vm, g, e.message()),
        },
        Pending::Recv {
            t,
            reason,
            d,
            ew,
            ok,
        } => match t.poll() {
            None => {
                g.pending = Some(Box::new(Pending::Recv {
                    t,
                    reason,
                    d,
                    ew,
                    ok,
                }));
                Some(RunOutcome::Blocked(reason))
            }
            Some((v, sent)) => {
                write_recv(vm, g, d, ew, ok, &v, sent);
                None
            }
        },
        Pending::Select {
            mut t,
            reason,
            d,
            cases,
        } => match t.poll() {
            None => {
                g.pending = Some(Box::new(Pending::Select {
                    t,
                    reason,
                    d,
                    cases,
                }));
                Some(RunOutcome::Blocked(reason))
            }
            Some(Err(e)) => raise(vm, g, e.message()),
            Some(Ok(sel)) => {
                write_selected(vm, g, d, &cases, sel);
                None
            }
        },
    }
}

/// Starts a panic with a runtime error in a resumed G; `Some` when it
/// ended the goroutine.
fn raise(vm: &mut Vm, g: &mut G, msg: &str) -> Option<RunOutcome> {
    if crate::interp::raise(vm, g, msg.to_string()) {
        None
    } else {
        crate::panic::report(vm, g);
        created_by(vm, g);
        Some(RunOutcome::Panicked)
    }
}

/// Writes a received value (zero-filled when the channel was closed).
pub(crate) fn write_recv(
    vm: &mut Vm,
    g: &mut G,
    d: usize,
    ew: usize,
    ok: bool,
    v: &[u64],
    sent: bool,
) {
    // The value may come from a channel buffer the collector has not
    // scanned yet, into a stack it has (mgc.rs).
    vm.shade_words(v);
    let n = ew + ok as usize;
    if d + n > g.stack.len() {
        return;
    }
    for k in 0..ew {
        g.stack[d + k] = v.get(k).copied().unwrap_or(0);
    }
    if ok {
        g.stack[d + ew] = sent as u64;
    }
}

/// Writes a select's outcome: the case index at d, ok at d+1, the
/// received value at its case's destination.
pub(crate) fn write_selected(
    vm: &mut Vm,
    g: &mut G,
    d: usize,
    cases: &[(usize, usize)],
    sel: crate::sched::Selected,
) {
    use crate::sched::Selected;
    let (idx, ok) = match sel {
        Selected::Default => (-1i64, false),
        Selected::Send(i) => (i as i64, false),
        Selected::Recv(i, v, sent) => {
            if let Some(&(a, ew)) = cases.get(i) {
                write_recv(vm, g, a, ew, false, &v, sent);
            }
            (i as i64, sent)
        }
    };
    if d + 2 <= g.stack.len() {
        g.stack[d] = idx as u64;
        g.stack[d + 1] = ok as u64;
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
    if !crate::gc_stop_the_world() {
        crate::mgc::start_cycle(exec, cx);
        return;
    }
    let Some(mut vm) = exec.take_vm() else { return };
    vm.cx = cx as *const Cx;
    vm.exec = Some(exec as *const Exec);
    with_world_stopped(&mut vm, true, |vm, others| {
        // Another M may have collected while this one waited to stop the
        // world.
        if let Some(others) = others {
            if vm.heap.should_collect() {
                // SAFETY: the world is stopped (no other M runs a slice),
                // and `others` holds every goroutine's, channel's and
                // pin's roots; no native is running.
                unsafe { collect_with(vm, None, others) }
            }
        }
    });
    vm.cx = std::ptr::null();
    vm.exec = None;
    exec.put_vm(vm);
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
}

impl Others<'_> {
    pub(crate) fn for_each(&self, sink: &mut dyn FnMut(usize)) {
        for o in self.gs {
            for &w in o.live_slots() {
                sink(w as usize);
            }
            o.extra_roots(sink);
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
    include_self: bool,
    f: impl FnOnce(&mut Vm, Option<&Others<'_>>) -> R,
) -> R {
    let (Some(exec), false) = (vm.exec, vm.cx.is_null()) else {
        let none = Others {
            gs: &[],
            chans: &[],
            pins: &std::collections::HashMap::new(),
        };
        return f(vm, Some(&none));
    };
    // SAFETY: both are set by the executor for the running slice, and
    // outlive it.
    let (cx, exec) = unsafe { (&*vm.cx, &*exec) };
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
pub(crate) unsafe fn collect_with(vm: &mut Vm, g: Option<&G>, others: &Others<'_>) {
    let globals = &vm.globals;
    let mut roots = |sink: &mut dyn FnMut(usize)| {
        if let Some(g) = g {
            for &w in g.live_slots() {
                sink(w as usize);
            }
            g.extra_roots(sink);
        }
        globals.for_each(&mut |w| sink(w as usize));
        others.for_each(sink);
    };
    // SAFETY: the caller guarantees a stopped world and complete roots.
    let st = unsafe { vm.heap.collect(&mut roots) };
    // SAFETY: set by the executor for the running slice (or null).
    let procs = unsafe { vm.cx.as_ref() }.map_or(1, |c| c.gomaxprocs());
    match vm.exec {
        // SAFETY: set by the executor for the running slice.
        Some(e) => unsafe { &*e }.driver.trace(&st, procs, g.is_some()),
        None if vm.gctrace => {
            let line = st.gctrace_line(vm.start.elapsed().as_nanos() as u64, 0, procs, g.is_some());
            let _ = std::io::stderr().write_all(format!("{line}\n").as_bytes());
        }
        None => {}
    }
}

/// The scheduler's settings from the environment: `GOMAXPROCS` (else the
/// CPU count) and `GODEBUG`'s `schedtrace=MS` and `scheddetail=1`.
fn sched_config() -> crate::sched::Config {
    let mut cfg = crate::sched::Config::new(crate::sched::Config::gomaxprocs_from_env());
    cfg.schedtrace_ms = crate::godebug("schedtrace").map_or(0, |ms| ms.parse().unwrap_or(0));
    cfg.scheddetail = crate::godebug("scheddetail").is_some_and(|d| d == "1");
    cfg
}

/// Runs the program's main goroutine and every goroutine it starts on the
/// scheduler; returns the exit status.
pub(crate) fn run_program(vm: &mut Vm) -> i32 {
    use crate::sched::{RunExit, Sched};
    let exec = Exec {
        heap: vm.heap.clone(),
        globals: vm.globals.clone(),
        driver: crate::mgc::Driver::new(vm.start, vm.gctrace),
        pool: Mutex::new(Pool {
            proto: vm.fork(),
            free: Vec::new(),
        }),
        chans: Mutex::new(Vec::new()),
        sema: Mutex::new(std::collections::HashMap::new()),
        pins: Mutex::new(std::collections::HashMap::new()),
        next_pin: std::sync::atomic::AtomicU64::new(1),
        panic_defers: std::sync::atomic::AtomicUsize::new(0),
        dying: std::sync::atomic::AtomicBool::new(false),
        main_wait_ns: std::sync::atomic::AtomicU64::new(0),
        finalizers: Default::default(),
        netpoll: std::sync::OnceLock::new(),
    };
    let sched = Sched::new(exec, sched_config());
    let main = Box::new(G::new(1, vm.prog.entry));
    let exit = sched.run(main);
    // Every M has stopped: give the Ms' allocation caches back.
    let exec = sched.executor();
    if let Ok(mut p) = exec.pool.lock() {
        for v in p.free.drain(..) {
            vm.heap.release_cache(v.cache);
        }
    }
    vm.cx = std::ptr::null();
    vm.exec = None;
    match exit {
        RunExit::Done => 0,
        RunExit::Exit(c) => c,
        RunExit::Panicked { .. } => 2,
        RunExit::Fatal(msg) => {
            let _ = std::io::stderr().write_all(format!("fatal error: {msg}\n").as_bytes());
            2
        }
        RunExit::Deadlock(gs) => {
            let mut out = b"fatal error: all goroutines are asleep - deadlock!\n".to_vec();
            for d in gs {
                let Some(g) = d.g else { continue };
                out.extend_from_slice(
                    format!("\ngoroutine {} [{}]:\n", d.id, d.wait.as_str()).as_bytes(),
                );
                let trace = crate::panic::capture(&g);
                crate::panic::write_trace(vm, &trace, &mut out);
                let _ = std::io::stderr().write_all(&out);
                out.clear();
                created_by(vm, &g);
            }
            let _ = std::io::stderr().write_all(&out);
            2
        }
    }
}
