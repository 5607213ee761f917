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
//! gol heap object holding the index of the channel in the executor's
//! table (`Exec::chans`, `Arc<sched::Chan>`s). So a channel word is an
//! ordinary heap pointer for the collector, equality is identity, and
//! nil is 0. The table is never shrunk: channels live until the program
//! ends (a leak the concurrent collector's finalisation will remove).
//!
//! Element words live outside the gol heap, in the `Chan` buffers and in
//! the waiting sudogs. They are roots: at every collection the executor
//! enumerates every channel's buffered and in-flight words, and each G's
//! pending ticket (`G::extra_roots`). Rejected: storing elements in gol
//! heap objects (the sched's `Chan` is generic over words and
//! stress-tested as it is; enumerating the table costs a pass over the
//! channels per collection, which is proportional to the heap anyway).
//!
//! # Parallelism: GOMAXPROCS is 1 for now
//! The interpreter's state (`Vm`: heap cache, globals, natives' buffers)
//! is one structure accessed through `&mut Vm`, so the executor runs it
//! under a mutex, and the scheduler is configured with one P: goroutines
//! interleave on one P (preempted every slice, parked on channels) but do
//! not run in parallel. The collector's stop-the-world relies on that:
//! with one P, every other G is parked or queued at a safepoint when the
//! running one reaches its budget check, so their states can be scanned
//! (`PCtx::for_each_other_g` reports if that ever fails, and the
//! collection is skipped). Splitting `Vm` into shared and per-P parts is
//! the next step; until then no data race is possible.
//!
//! # Exit
//! main's return ends the program (the scheduler stops every M); a panic
//! in any goroutine prints Go's report with `created by` and ends it with
//! status 2; a deadlock prints Go's `all goroutines are asleep` dump.

use crate::goroutine::G;
use crate::sched::chan::{Chan, RecvTicket, SelectTicket, SendTicket};
use crate::sched::{Executor, PCtx, RunOutcome, WaitReason};
use crate::Vm;
use std::io::Write;
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

/// The raw VM pointer the executor runs on.
struct VmPtr(*mut Vm);

// SAFETY: the pointer is dereferenced only while its mutex is held (one
// thread at a time), and `run_program` clears it before the `&mut Vm` it
// came from ends.
unsafe impl Send for VmPtr {}

/// The VM as the scheduler's executor.
pub struct Exec {
    vm: Mutex<VmPtr>,
    /// Every channel made, by index (see the module docs).
    pub(crate) chans: Mutex<Vec<Arc<Chan>>>,
    /// sync.Mutex, RWMutex and WaitGroup states, by object address (see
    /// `sync`).
    pub(crate) sema: Mutex<std::collections::HashMap<u64, crate::sync::SyncState>>,
    /// Heap words held outside every goroutine and channel (a pending
    /// `time.AfterFunc`'s closure, a timer's channel), by pin key: roots
    /// until unpinned.
    pins: Mutex<std::collections::HashMap<u64, u64>>,
    next_pin: std::sync::atomic::AtomicU64,
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

    /// The channel behind a channel word (None for nil).
    pub fn chan(&self, w: u64) -> Option<Arc<Chan>> {
        if w == 0 {
            return None;
        }
        // SAFETY: a non-nil channel word points at the one-word object
        // `make_chan` allocated.
        let i = unsafe { crate::value::read_word(w, 0) } as usize;
        self.chans.lock().ok()?.get(i).cloned()
    }
}

/// The scheduler context of the running goroutine.
pub type Cx = PCtx<Exec>;

/// Starts a goroutine running the func value `cl` with no arguments (as
/// `go f()`; `time.AfterFunc`'s callback). `parent` names the creator in
/// traces. False for a nil func value.
pub fn go_func_value(cx: &Cx, prog: &gol_lang::bytecode::Program, cl: u64, parent: u64) -> bool {
    if cl == 0 {
        return false;
    }
    // SAFETY: a non-nil func value points at a closure object whose word
    // 0 is its function index.
    let f = unsafe { crate::value::read_word(cl, 0) } as u32;
    let fw = prog
        .funcs
        .get(f as usize)
        .map_or(0, |x| x.frame_words as usize);
    let mut ng = Box::new(G::new(0, gol_lang::bytecode::FuncId(f)));
    if let Some(fr) = ng.frames.first_mut() {
        fr.closure = cl;
    }
    if !ng.ensure(fw + 1) {
        return false;
    }
    ng.created = Some((parent, f, 0));
    cx.spawn(ng);
    true
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
    let c = Chan::new(ew as usize, cap as usize);
    let i = {
        let Ok(mut t) = exec.chans.lock() else {
            return Err("channel table poisoned".into());
        };
        t.push(c);
        t.len() - 1
    };
    let p = vm.alloc_noscan(8);
    // SAFETY: p is a fresh one-word object.
    unsafe { crate::value::write_word(p, 0, i as u64) };
    Ok(p)
}

impl Executor for Exec {
    type G = Box<G>;

    fn run(&self, g: &mut Box<G>, cx: &Cx) -> RunOutcome {
        let Ok(mut guard) = self.vm.lock() else {
            return RunOutcome::Exit(2);
        };
        if guard.0.is_null() {
            return RunOutcome::Exit(2);
        }
        // SAFETY: non-null while `run_program` runs (see VmPtr), and the
        // mutex guard gives this thread sole access.
        let vm: &mut Vm = unsafe { &mut *guard.0 };
        vm.cx = cx as *const Cx;
        vm.exec = Some(self as *const Exec);
        g.id = cx.goid();
        if let Some(p) = g.pending.take() {
            if let Some(out) = resume(vm, g, p) {
                return out;
            }
        }
        let budget = vm.slice_budget;
        match crate::interp::run(vm, g, budget) {
            crate::interp::Exit::Yield => {
                safepoint(vm, g, cx, self);
                RunOutcome::Preempted
            }
            crate::interp::Exit::Block(r) => RunOutcome::Blocked(r),
            crate::interp::Exit::Done => RunOutcome::Done,
            crate::interp::Exit::Exit(code) => {
                let _ = vm.stdout.flush();
                RunOutcome::Exit(code)
            }
            crate::interp::Exit::Panic => {
                let _ = vm.stdout.flush();
                crate::panic::report(vm, g);
                created_by(vm, g);
                RunOutcome::Panicked
            }
            crate::interp::Exit::Fatal(msg) => {
                let _ = vm.stdout.flush();
                crate::panic::fatal(vm, g, &msg);
                RunOutcome::Exit(2)
            }
        }
    }
}

/// Prints `created by f in goroutine N` and its location for a goroutine
/// started by a `go` statement.
pub(crate) fn created_by(vm: &Vm, g: &G) {
    let Some((parent, func, pc)) = g.created else {
        return;
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
        out.extend_from_slice(
            format!("created by {name} in goroutine {parent}\n{loc}\n").as_bytes(),
        );
    }
    let _ = std::io::stderr().write_all(&out);
}

/// Polls a parked G's ticket: `Some(outcome)` to return at once (still
/// blocked, or a panic ended it), `None` to continue running.
fn resume(vm: &mut Vm, g: &mut G, p: Pending) -> Option<RunOutcome> {
    match p {
        Pending::Send(t, r) => match t.poll() {
            None => {
                g.pending = Some(Pending::Send(t, r));
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
                g.pending = Some(Pending::Recv {
                    t,
                    reason,
                    d,
                    ew,
                    ok,
                });
                Some(RunOutcome::Blocked(reason))
            }
            Some((v, sent)) => {
                write_recv(g, d, ew, ok, &v, sent);
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
                g.pending = Some(Pending::Select {
                    t,
                    reason,
                    d,
                    cases,
                });
                Some(RunOutcome::Blocked(reason))
            }
            Some(Err(e)) => raise(vm, g, e.message()),
            Some(Ok(sel)) => {
                write_selected(g, d, &cases, sel);
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
        let _ = vm.stdout.flush();
        crate::panic::report(vm, g);
        created_by(vm, g);
        Some(RunOutcome::Panicked)
    }
}

/// Writes a received value (zero-filled when the channel was closed).
pub(crate) fn write_recv(g: &mut G, d: usize, ew: usize, ok: bool, v: &[u64], sent: bool) {
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
                write_recv(g, a, ew, false, &v, sent);
            }
            (i as i64, sent)
        }
    };
    if d + 2 <= g.stack.len() {
        g.stack[d] = idx as u64;
        g.stack[d + 1] = ok as u64;
    }
}

/// Between slices: collect if the pacer says so. The roots are every
/// goroutine's slot stack and records, the globals, and every channel's
/// element words. Skipped when another G is running (never with one P).
fn safepoint(vm: &mut Vm, g: &G, cx: &Cx, exec: &Exec) {
    if !vm.heap.should_collect() {
        return;
    }
    let Some(words) = other_roots(vm, cx, exec) else {
        return;
    };
    // SAFETY: the world is stopped: this is the only P, every other G is
    // parked or queued between slices (checked by `for_each_other_g`), no
    // native is running, and `words` holds the other Gs' and the channels'
    // roots.
    unsafe { collect_with(vm, g, &words) }
}

/// Collects with the roots of a stopped world: the running goroutine `g`'s
/// slots and records, the globals, and `others` (every other goroutine's
/// and every channel's words, from `other_roots`).
///
/// # Safety
/// The world is stopped and every heap pointer the program can use again
/// is in one of those roots (heap contract 4): no caller holds one of its
/// own across this call.
pub(crate) unsafe fn collect_with(vm: &mut Vm, g: &G, others: &[u64]) {
    let globals = &vm.globals;
    let mut roots = |sink: &mut dyn FnMut(usize)| {
        for &w in g.live_slots() {
            sink(w as usize);
        }
        for &w in globals {
            sink(w as usize);
        }
        g.extra_roots(sink);
        for &w in others {
            sink(w as usize);
        }
    };
    // SAFETY: the caller guarantees a stopped world and complete roots.
    unsafe {
        vm.heap.collect(&mut roots);
    }
}

/// The root words outside the running goroutine: every other G's slots
/// and records, and every channel's element words. None when another G
/// is running (the world is not stopped: do not collect).
fn other_roots(_vm: &Vm, cx: &Cx, exec: &Exec) -> Option<Vec<u64>> {
    let mut words: Vec<u64> = Vec::new();
    let all_stopped = cx.for_each_other_g(&mut |o| {
        words.extend_from_slice(o.live_slots());
        o.extra_roots(&mut |w| words.push(w as u64));
    });
    if !all_stopped {
        return None;
    }
    let chans: Vec<Arc<Chan>> = exec.chans.lock().ok()?.clone();
    for c in &chans {
        c.for_each_word(&mut |w| words.push(w));
    }
    words.extend(exec.pins.lock().ok()?.values().copied());
    Some(words)
}

/// [`other_roots`] for a native's collection (`runtime.GC`): empty outside
/// the scheduler.
pub(crate) fn roots_for_native(vm: &Vm) -> Option<Vec<u64>> {
    if vm.cx.is_null() {
        return Some(Vec::new());
    }
    let exec = vm.exec?;
    // SAFETY: both are set by the executor for the running slice.
    let (cx, exec) = unsafe { (&*vm.cx, &*exec) };
    other_roots(vm, cx, exec)
}

/// Runs the program's main goroutine and every goroutine it starts on the
/// scheduler; returns the exit status.
pub(crate) fn run_program(vm: &mut Vm) -> i32 {
    use crate::sched::{Config, RunExit, Sched};
    let exec = Exec {
        vm: Mutex::new(VmPtr(vm as *mut Vm)),
        chans: Mutex::new(Vec::new()),
        sema: Mutex::new(std::collections::HashMap::new()),
        pins: Mutex::new(std::collections::HashMap::new()),
        next_pin: std::sync::atomic::AtomicU64::new(1),
    };
    let sched = Sched::new(exec, Config::new(1));
    let main = Box::new(G::new(1, vm.prog.entry));
    let exit = sched.run(main);
    // Every M has stopped using the VM (or blocks on the mutex and then
    // sees the null pointer).
    let exec = sched.executor();
    match exec.vm.lock() {
        Ok(mut p) => p.0 = std::ptr::null_mut(),
        Err(e) => e.into_inner().0 = std::ptr::null_mut(),
    }
    vm.cx = std::ptr::null();
    vm.exec = None;
    let _ = vm.stdout.flush();
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
