//! The runtime's shared state: the one [`Exec`] of a run, which every M
//! uses, and the tables behind it.
//!
//! # Who may touch what
//! Each field of [`Exec`] says who owns it. In short: the channel table,
//! the pins, the sync table and the finalizer tables are behind their own
//! locks; the panic counters and the collector's driver state are atomics
//! (each says what it pairs with); the pool of VMs is behind a lock held
//! only to take or give back a `Vm`, and each P's VM is an atomic
//! slot.
//!
//! # Layering
//! This module holds the *state*; the mechanisms that act on it live
//! above it, one file each: the collector's driver (mgc.rs: [`Driver`]),
//! sync objects (sema.rs: [`SyncState`]), finalizers (mfinal.rs:
//! [`Finalizers`]), the blocking protocol (park.rs) and the executor's
//! glue (exec.rs). They reach the state through this struct; the state
//! names none of them, so the layers have no cycle (Go keeps the same
//! split between its `schedt`/`mheap_` globals and the files that use
//! them). Rejected: each mechanism keeping its state in its own module
//! (then the struct that gathers them sits above all of them, while they
//! need it to find the channel table and the running goroutine's
//! context: an import circle).
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
//! its own [`Vm`] (a fork sharing the program, heap, globals, natives and
//! standard output, with its own allocation cache: Go's per-P `mcache`;
//! see "VMs per P" below), so the interpreter never takes a lock to
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
//!
//! # VMs per P
//! A slice's VM stays with the M's P between slices (`Exec::pvms`, one
//! slot per P id), as Go's `mcache` stays with its P: a goroutine switch
//! takes and gives back its VM with one atomic swap each, not two rounds
//! of the pool's lock. The pool ([`Pool`]) serves the rest: a P whose
//! slot is empty (its first slice, a nested run, an M that lost its P in
//! a system call and came back on another), and the callers outside a
//! slice (the collector, tracebacks).
//!
//! Invariants:
//! 1. A slot holds a VM of the current program. The program grows only
//!    with the world stopped (session.rs), which moves every slot's VM
//!    into the pool first and raises `Exec::grown`; a slice takes and
//!    gives back its VM with its M in the world, and gives it to the
//!    pool instead of its slot when `grown` moved meanwhile (a VM held
//!    through the stop), where `take_vm` makes it adopt the new program.
//! 2. Every VM is in a slot, in the pool or held by an M: the end of a
//!    run (every M stopped) finds them all (`Exec::release_caches`).

use crate::goroutine::G;
use crate::sched::chan::Chan;
use crate::sched::primitives::{
    AtomicBool as LAtomicBool, AtomicUsize as LAtomicUsize, Mutex as LMutex,
};
use crate::sched::{GWaker, PCtx};
use crate::Vm;
use gol_lang::bytecode::RtType;
use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use std::sync::atomic::{AtomicPtr, AtomicU32, AtomicU64, AtomicUsize};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Instant;

/// The VMs no M or P holds (see "VMs per P" in the module docs), and
/// the prototype new ones are forked from.
pub(crate) struct Pool {
    pub(crate) proto: Vm,
    /// Boxed: a `Vm` is kilobytes, and one moves out and back in around
    /// every slice; a box moves as one pointer.
    #[allow(clippy::vec_box)]
    pub(crate) free: Vec<Box<Vm>>,
}

// SAFETY: a `Vm`'s raw pointers (`cx`, `exec`) are only set and used by
// the M running a slice with it, and cleared before it returns to the
// pool; everything else in a `Vm` is owned or `Arc`s of `Sync` state.
unsafe impl Send for Pool {}

/// The VM as the scheduler's executor.
pub struct Exec {
    pub(crate) pool: Mutex<Pool>,
    /// Each P's VM between slices, by P id (null: none; see "VMs per P"
    /// in the module docs). A non-null slot owns the `Box<Vm>` it was
    /// made from.
    pvms: Box<[AtomicPtr<Vm>]>,
    /// How many times the program grew (session.rs): a slice gives its VM
    /// back to its P only if this has not moved since it took it.
    pub(crate) grown: AtomicU32,
    /// The program's heap (the pacer's question after each slice needs no
    /// VM).
    pub(crate) heap: Arc<gol_gc::Heap>,
    /// The package variables (global roots of each cycle).
    pub(crate) globals: Arc<crate::Globals>,
    /// The collector's driver (mgc.rs).
    pub(crate) driver: Driver,
    /// Every channel made (see the module docs): never shrunk, and each
    /// `Arc` boxed so its address stays put when the table grows.
    #[allow(clippy::vec_box)] // the box is the stable address
    pub(crate) chans: Mutex<Vec<Box<Arc<Chan>>>>,
    /// sync.Mutex, RWMutex and WaitGroup states, by object address (see
    /// `sema`).
    pub(crate) sema: Mutex<std::collections::HashMap<u64, SyncState>>,
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
    /// `exec::MAIN_PANIC_WAIT_NS`), 0 before.
    pub(crate) main_wait_ns: std::sync::atomic::AtomicU64,
    /// `runtime.SetFinalizer`'s functions and the finalizers to run
    /// (mfinal.rs).
    pub(crate) finalizers: Finalizers,
    /// The network poller, made when the first socket opens (a program
    /// without sockets polls nothing).
    pub(crate) netpoll: std::sync::OnceLock<Arc<crate::netpoll::NetPoller>>,
    /// A goroutine died of a fatal error (its report printed, the run
    /// ending with status 2): how an embedding program tells it from
    /// `os.Exit(2)`.
    pub(crate) fatal: std::sync::atomic::AtomicBool,
    /// A live session's state (session.rs); None for a run of `main`.
    pub(crate) live: Option<Live>,
    /// The goroutine leak check's state (leakcheck.rs): automatic under
    /// `GODEBUG=leakcheck=1`, on request by `runtime/pprof`; its own
    /// locks.
    pub(crate) leaks: crate::leakcheck::Leaks,
    /// The stack maps the collector's stack jobs scan by (liveness.rs):
    /// the first program's; a grown session program's new functions are
    /// missing from them, so their frames are scanned whole.
    pub(crate) liveness: Arc<crate::liveness::Maps>,
}

impl Exec {
    /// The state of a run of `vm`'s program (its prototype VM forked from
    /// `vm`).
    pub(crate) fn new(vm: &Vm) -> Exec {
        Exec {
            heap: vm.heap.clone(),
            globals: vm.globals.clone(),
            driver: Driver::new(vm.start, vm.gctrace),
            pool: Mutex::new(Pool {
                proto: vm.fork(),
                free: Vec::new(),
            }),
            pvms: (0..crate::sched::MAX_PROCS)
                .map(|_| AtomicPtr::new(std::ptr::null_mut()))
                .collect(),
            grown: AtomicU32::new(0),
            chans: Mutex::new(Vec::new()),
            sema: Mutex::new(HashMap::new()),
            pins: Mutex::new(HashMap::new()),
            next_pin: AtomicU64::new(1),
            panic_defers: AtomicUsize::new(0),
            dying: std::sync::atomic::AtomicBool::new(false),
            main_wait_ns: AtomicU64::new(0),
            finalizers: Default::default(),
            netpoll: std::sync::OnceLock::new(),
            fatal: std::sync::atomic::AtomicBool::new(false),
            live: None,
            leaks: crate::leakcheck::Leaks::from_env(),
            liveness: vm.liveness.clone(),
        }
    }

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

impl Exec {
    pub(crate) fn put_vm(&self, vm: Box<Vm>) {
        if let Ok(mut p) = self.pool.lock() {
            p.free.push(vm);
        }
    }

    /// A VM for this M: a free one, or a fork of the prototype. A free
    /// VM made before the program grew (one held across the growth by an
    /// M blocked out of the world) takes the grown program first.
    pub(crate) fn take_vm(&self) -> Option<Box<Vm>> {
        let mut p = self.pool.lock().ok()?;
        Some(match p.free.pop() {
            Some(mut v) => {
                if !Arc::ptr_eq(&v.prog, &p.proto.prog) {
                    v.adopt(&p.proto);
                }
                v
            }
            None => Box::new(p.proto.fork()),
        })
    }

    /// The VM for a slice on `cx`'s M: its P's, else the pool's; with the
    /// value of [`Exec::grown`] to give back to [`Exec::put_slice_vm`].
    #[inline]
    pub(crate) fn take_slice_vm(&self, cx: &Cx) -> Option<(Box<Vm>, u32)> {
        let grown = self.grown.load(Acquire);
        if let Some(slot) = cx.p_id().and_then(|p| self.pvms.get(p)) {
            let v = slot.swap(std::ptr::null_mut(), Acquire);
            if !v.is_null() {
                // SAFETY: a non-null slot holds a pointer from
                // `Box::into_raw` (`put_slice_vm`), and the swap took it
                // out: this is its one owner.
                return Some((unsafe { Box::from_raw(v) }, grown));
            }
        }
        Some((self.take_vm()?, grown))
    }

    /// Gives a slice's VM back: to its M's P, unless the P already has
    /// one or the program grew since `take_slice_vm` gave `grown`
    /// (invariant 1); then to the pool.
    #[inline]
    pub(crate) fn put_slice_vm(&self, cx: &Cx, vm: Box<Vm>, grown: u32) {
        if self.grown.load(Acquire) == grown {
            if let Some(slot) = cx.p_id().and_then(|p| self.pvms.get(p)) {
                let v = Box::into_raw(vm);
                match slot.compare_exchange(std::ptr::null_mut(), v, Release, Relaxed) {
                    Ok(_) => return,
                    // SAFETY: `v` came from `Box::into_raw` just above
                    // and the slot did not take it.
                    Err(_) => return self.put_vm(unsafe { Box::from_raw(v) }),
                }
            }
        }
        self.put_vm(vm);
    }

    /// Takes every P's VM out of its slot (for the pool: a program
    /// growing with the world stopped, the end of a run).
    pub(crate) fn p_vms(&self) -> impl Iterator<Item = Box<Vm>> + '_ {
        self.pvms.iter().filter_map(|slot| {
            let v = slot.swap(std::ptr::null_mut(), Acquire);
            // SAFETY: as in `take_slice_vm`: the swap took the slot's one
            // owning pointer out.
            (!v.is_null()).then(|| unsafe { Box::from_raw(v) })
        })
    }

    /// Gives every VM's allocation cache back to the heap, once every M
    /// has stopped (invariant 2).
    pub(crate) fn release_caches(&self) {
        let mut p = self.pool.lock().unwrap_or_else(|e| e.into_inner());
        let slots: Vec<_> = self.p_vms().collect();
        p.free.extend(slots);
        for v in p.free.drain(..) {
            self.heap.release_cache(v.cache);
        }
    }
}

impl Drop for Exec {
    /// Frees the VMs still in the slots (a run that ended without
    /// `release_caches`); the pool's free list drops with the pool.
    fn drop(&mut self) {
        self.p_vms().for_each(drop);
    }
}

/// The running slice's view of the runtime: the M's scheduler context and
/// the executor, borrowed for the slice.
///
/// The executor makes one in `Executor::run` from the references the
/// scheduler lends it, and the interpreter hands it down: to park.rs for
/// channel operations, to natives in `NativeCtx`, to nested calls and to
/// the collector's stop-the-world paths. So the code below the executor
/// reaches the scheduler and the channel table through borrows whose
/// lifetimes the compiler checks, not through pointers stored on the
/// `Vm`. (The one exception is the allocation assist, `Vm::assist`,
/// reached from every allocation deep inside the VM: see mgc.rs.)
/// `None` outside the scheduler (a panic report's method call before the
/// program runs, tests).
#[derive(Clone, Copy)]
pub(crate) struct SliceCx<'a> {
    pub(crate) cx: &'a Cx,
    pub(crate) exec: &'a Exec,
}

/// The scheduler context of the running goroutine.
pub type Cx = PCtx<Exec>;

/// Starts the goroutine of a `time.AfterFunc` callback: the func value
/// `cl` with no arguments. Its traces say `created by time.goFunc` (Go's
/// timer goroutine function), at `time.AfterFunc`'s source. False for a
/// nil func value. In race mode (`race`) the goroutine starts with the
/// clock its timer was armed with.
pub fn go_func_value(
    cx: &Cx,
    prog: &gol_lang::bytecode::Program,
    cl: u64,
    race: Option<&crate::race::Race>,
) -> bool {
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
            match race {
                None => cx.spawn(ng),
                Some(r) => {
                    cx.spawn_named(ng, |id| r.go_from(crate::race::SyncKey::Addr(cl), id, site))
                }
            };
            true
        }
        None => false,
    }
}

/// `make(chan T, cap)` for elements of `ew` opaque words (a native's
/// channel): the channel word, or Go's panic message.
pub(crate) fn make_chan(
    vm: &mut Vm,
    exec: Option<&Exec>,
    cap: i64,
    ew: u32,
) -> Result<u64, String> {
    make_chan_of(vm, exec, cap, crate::layout::ElemForm::words(ew as usize))
}

/// `make(chan T, cap)` for elements of type `t`, buffered in their memory
/// form (sched/chan.rs).
pub(crate) fn make_chan_typed(
    vm: &mut Vm,
    exec: Option<&Exec>,
    cap: i64,
    t: RtType,
) -> Result<u64, String> {
    let form = crate::layout::ElemForm::of(&vm.prog, t);
    make_chan_of(vm, exec, cap, form)
}

fn make_chan_of(
    vm: &mut Vm,
    exec: Option<&Exec>,
    cap: i64,
    form: crate::layout::ElemForm,
) -> Result<u64, String> {
    let Some(exec) = exec else {
        return Err("channels need the scheduler".into());
    };
    // Go's limit: the buffer must fit in the address space it allows.
    let bytes = (cap as i128) * (form.size() as i128);
    if cap < 0 || bytes > (1i128 << 47) || cap > (1i64 << 40) {
        return Err("makechan: size out of range".into());
    }
    let c = Box::new(Chan::with_form(form, cap as usize));
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

// ---- The collector's driver state (its mechanism: mgc.rs) ----

/// What the background thread is asked to do.
#[derive(Default)]
pub(crate) struct Signal {
    /// A cycle started (count, to tell a new one from a spurious wakeup).
    pub(crate) started: u64,
    /// An assist claimed the end of the mark.
    pub(crate) terminate: bool,
    /// A cycle ended: sweep in the background.
    pub(crate) sweep: bool,
}

/// The driver's state, one per executor.
pub(crate) struct Driver {
    pub(crate) signal: Mutex<Signal>,
    pub(crate) cv: Condvar,
    /// Stack jobs of the cycle in progress are G-table slots
    /// `0..slots`; job `slots` is the channel table. This and `procs` are
    /// written with the world stopped (`gc_start`) and read `Relaxed`
    /// inside the world: the stop-the-world handshake orders them.
    pub(crate) slots: AtomicUsize,
    /// GOMAXPROCS at the start of the cycle (for the worker plan).
    pub(crate) procs: AtomicUsize,
    /// CPU time spent collecting, for gctrace's percentage.
    pub(crate) gc_cpu_ns: AtomicU64,
    /// The number of the last cycle `runtime.GC` started (gctrace's
    /// `(forced)`).
    pub(crate) forced: AtomicU32,
    pub(crate) start: Instant,
    pub(crate) gctrace: bool,
    /// The tracer's clock when the cycle's mark began and when its sweep
    /// began (0: not in that phase), for the GC track's slices.
    pub(crate) trace_mark_t0: AtomicU64,
    pub(crate) trace_sweep_t0: AtomicU64,
}

impl Driver {
    pub(crate) fn new(start: Instant, gctrace: bool) -> Driver {
        Driver {
            signal: Mutex::new(Signal::default()),
            cv: Condvar::new(),
            slots: AtomicUsize::new(0),
            procs: AtomicUsize::new(1),
            gc_cpu_ns: AtomicU64::new(0),
            forced: AtomicU32::new(0),
            start,
            gctrace,
            trace_mark_t0: AtomicU64::new(0),
            trace_sweep_t0: AtomicU64::new(0),
        }
    }

    /// Ends the trace's sweep slice, if one is open.
    pub(crate) fn trace_sweep_done(&self, t: Option<&crate::sched::tracer::Tracer>) {
        let t0 = self.trace_sweep_t0.swap(0, Relaxed);
        if let (Some(t), true) = (t, t0 != 0) {
            t.push(gc_span(t0, t.now(), "sweep"));
        }
    }

    pub(crate) fn notify(&self, f: impl FnOnce(&mut Signal)) {
        if let Ok(mut s) = self.signal.lock() {
            f(&mut s);
        }
        self.cv.notify_all();
    }

    /// An assist claimed the end of the mark: the background thread
    /// stops the world for it.
    pub(crate) fn request_termination(&self) {
        self.notify(|s| s.terminate = true);
    }

    pub(crate) fn wake(&self) {
        self.notify(|_| {});
    }

    /// Prints the gctrace line of a finished cycle.
    pub(crate) fn trace(&self, st: &gol_gc::CycleStats, procs: usize, forced: bool) {
        let cpu =
            st.pause_ns * procs as u64 + st.assist_cpu_ns + st.background_cpu_ns + st.idle_cpu_ns;
        let total = self.gc_cpu_ns.fetch_add(cpu, Relaxed) + cpu;
        if !self.gctrace {
            return;
        }
        let age = self.start.elapsed().as_nanos() as u64;
        let pct = (total as u128 * 100 / (age as u128 * procs.max(1) as u128).max(1)) as u64;
        let line = st.gctrace_line(age, pct, procs, forced);
        let _ = std::io::stderr().write_all(format!("{line}\n").as_bytes());
    }
}

// ---- Sync objects' state (their mechanism: sema.rs) ----

/// The state of one sync object.
#[derive(Default)]
pub(crate) struct SyncState {
    /// Mutex / RWMutex writer held.
    pub(crate) locked: bool,
    /// RWMutex readers holding it.
    pub(crate) readers: i64,
    /// WaitGroup counter.
    pub(crate) count: i64,
    /// Parked Gs: (waker, wants write) — WaitGroup and Mutex waiters use
    /// `true`, RWMutex readers `false`.
    pub(crate) waiters: VecDeque<(GWaker, bool)>,
    /// Cond's notify list (see [`NotifyList`]).
    pub(crate) notify: NotifyList,
    /// sync.Mutex: (goroutine id, when it began to wait) of each waiter,
    /// beside `waiters`; and of the waiters woken to compete again (sema.rs).
    pub(crate) mutex_waits: VecDeque<(u64, u64)>,
    pub(crate) mutex_woken: Vec<(u64, u64)>,
    /// sync.Mutex in starvation mode: the goroutine the lock was handed
    /// to, which takes it when it runs (0: none).
    pub(crate) mutex_handoff: u64,
}

/// The state of a `sync.Cond`'s notify list, Go's ticket scheme: `Wait`
/// takes a ticket (`wait`, then increments it) *before* it unlocks the
/// Cond's Locker, and parks with it unless it was already notified;
/// `Signal` notifies the oldest ticket not yet notified (`notify`, then
/// increments it) and readies its waiter if parked; `Broadcast` notifies
/// every ticket taken. So a Signal that comes between a waiter's Unlock
/// and its park is not lost.
///
/// Tickets are `uint32` in Go's API and wrap; they compare by the sign
/// of their difference ([`ticket_before`]), which is exact while fewer
/// than 2^31 tickets are outstanding.
///
/// Invariant: `notify` never passes `wait`, and every ticket in
/// `notify..wait` is held by a goroutine between `Add` and `Wait`
/// (counted in `pending`) or parked (in `parked`). Hence `pending == 0`
/// with no parked waiter implies `notify == wait`: the entry is idle and
/// may be dropped, and a later use starting again from zero is
/// equivalent.
#[derive(Default)]
pub(crate) struct NotifyList {
    /// The next ticket to hand out.
    pub(crate) wait: u32,
    /// The next ticket to notify.
    pub(crate) notify: u32,
    /// Tickets handed out whose `Wait` has not run yet.
    pub(crate) pending: u32,
    /// Parked waiters and their tickets, oldest first.
    pub(crate) parked: VecDeque<(u32, GWaker)>,
}

/// Whether ticket `a` was handed out before ticket `b` (wrapping).
pub(crate) fn ticket_before(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

impl SyncState {
    pub(crate) fn idle(&self) -> bool {
        !self.locked
            && self.readers == 0
            && self.count == 0
            && self.waiters.is_empty()
            && self.notify.pending == 0
            && self.notify.parked.is_empty()
            && self.mutex_woken.is_empty()
            && self.mutex_handoff == 0
    }
}

// ---- Finalizers' state (their mechanism: mfinal.rs) ----

/// How a finalizer takes its object.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Arg {
    /// As the pointer itself (`func(*T)`).
    Pointer,
    /// Boxed in an interface, with the object's dynamic type
    /// (`func(any)`, `func(I)`).
    Iface(RtType),
}

/// A registered finalizer.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fin {
    /// The function value (a closure object), pinned under `pin`.
    pub(crate) func: u64,
    pub(crate) pin: u64,
    pub(crate) arg: Arg,
}

/// A finalizer whose object was found unreachable.
pub(crate) struct Ready {
    pub(crate) obj: u64,
    pub(crate) fin: Fin,
    /// The object's pin.
    pub(crate) obj_pin: u64,
}

#[derive(Default)]
pub(crate) struct State {
    /// By object address.
    pub(crate) table: HashMap<u64, Fin>,
    pub(crate) queue: VecDeque<Ready>,
}

/// The finalizers of one run.
#[derive(Default)]
pub(crate) struct Finalizers {
    pub(crate) state: LMutex<State>,
    /// `state.queue`'s length, read without the lock (changed under it).
    pub(crate) queued: LAtomicUsize,
    /// A finalizer goroutine exists.
    pub(crate) running: LAtomicBool,
}

// ---- A live session's state (its mechanism: session.rs, exec.rs) ----

/// How a host's call into a live program ended (`Session::call`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallOutcome {
    /// The function returned (or called `runtime.Goexit`).
    Returned,
    /// An unrecovered panic reached the function's frame: Go's report, as
    /// printed (`panic: ...` and the trace).
    Panicked(String),
    /// Every goroutine was asleep while it ran: Go's deadlock report, as
    /// printed. The call was abandoned.
    Deadlock(String),
    /// `Interrupter::interrupt` abandoned it.
    Interrupted,
    /// The program called `os.Exit`: the session is over.
    Exited(i32),
    /// A fatal error ended the session (its report, as printed, when the
    /// call's goroutine died of it).
    Fatal(String),
    /// The host's request was not a call the program can make (no such
    /// function, or one with parameters or results): nothing ran.
    Refused(String),
}

/// A live session's state, shared by the host's threads and the Ms.
///
/// Lock order: `state`, then the scheduler's locks (the host holds
/// `state` while it spawns a call's goroutine, the last M while it reads
/// the G table for a deadlock report, try-locking the Gs' states). An M
/// takes `state` holding only its running G's state lock, which nobody
/// waits for while holding `state`; nobody stops the world holding it.
pub(crate) struct Live {
    /// The goroutine running the host's call (0: none). Written under
    /// `state`; read without it (SeqCst: `outside_may_spawn` reads it
    /// under the scheduler lock and must not miss a call started before
    /// its goroutine was queued).
    pub(crate) caller: AtomicU64,
    /// The call's goroutine to abandon at its next slice (0: none).
    pub(crate) interrupt: AtomicU64,
    /// `state.zombies`' size, read at each slice start without the lock.
    pub(crate) nzombies: AtomicUsize,
    pub(crate) state: Mutex<LiveState>,
    /// Signalled when `state.outcome` or `state.ended` is set, and by an
    /// interrupt.
    pub(crate) cv: Condvar,
}

#[derive(Default)]
pub(crate) struct LiveState {
    /// How the call in progress ended (taken by the host).
    pub(crate) outcome: Option<CallOutcome>,
    /// Goroutines of abandoned calls that were parked when abandoned:
    /// each ends, running nothing, the next time it is scheduled.
    pub(crate) zombies: std::collections::HashSet<u64>,
    /// The report of a fatal error that ended a call's goroutine.
    pub(crate) fatal_text: Option<String>,
    /// The run is over (the session with it).
    pub(crate) ended: Option<CallOutcome>,
}

impl Live {
    pub(crate) fn new() -> Live {
        Live {
            caller: AtomicU64::new(0),
            interrupt: AtomicU64::new(0),
            nzombies: AtomicUsize::new(0),
            state: Mutex::new(LiveState::default()),
            cv: Condvar::new(),
        }
    }

    pub(crate) fn lock(&self) -> std::sync::MutexGuard<'_, LiveState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Ends the call of goroutine `goid` with `o`, if it is still the
    /// call in progress (an interrupt or a deadlock may have ended it
    /// first); true if it was.
    pub(crate) fn finish_call(&self, st: &mut LiveState, goid: u64, o: CallOutcome) -> bool {
        if goid == 0 || self.caller.load(std::sync::atomic::Ordering::SeqCst) != goid {
            return false;
        }
        self.caller.store(0, std::sync::atomic::Ordering::SeqCst);
        let _ = self.interrupt.compare_exchange(
            goid,
            0,
            std::sync::atomic::Ordering::SeqCst,
            std::sync::atomic::Ordering::SeqCst,
        );
        st.outcome = Some(o);
        self.cv.notify_all();
        true
    }

    /// Abandons the call of the parked goroutine `goid`: it ends when it
    /// next runs (see `zombies`).
    pub(crate) fn abandon(&self, st: &mut LiveState, goid: u64, o: CallOutcome) -> bool {
        if !self.finish_call(st, goid, o) {
            return false;
        }
        if st.zombies.insert(goid) {
            self.nzombies
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        true
    }
}

thread_local! {
    /// The reports written while this thread runs a slice of a live
    /// session's call (`ReportTap`), so the host gets them as a value.
    static TAP: std::cell::RefCell<Option<Vec<u8>>> = const { std::cell::RefCell::new(None) };
}

/// Starts (`true`) or stops collecting this thread's reports; stopping
/// returns what was collected.
pub(crate) fn tap(on: bool) -> Vec<u8> {
    TAP.with(|t| {
        let mut t = t.borrow_mut();
        let prev = t.take().unwrap_or_default();
        if on {
            *t = Some(Vec::new());
        }
        prev
    })
}

/// A live session's host: the embedding program's (or the descriptors),
/// with every report also collected while a call's slice runs (`tap`).
pub(crate) struct ReportTap {
    pub(crate) inner: Option<Arc<dyn crate::stdio::Host>>,
    /// The last report written, whoever wrote it (a fatal error's, for
    /// the host when a goroutine other than the call's died of it).
    pub(crate) last: Mutex<Vec<u8>>,
}

impl ReportTap {
    pub(crate) fn new(inner: Option<Arc<dyn crate::stdio::Host>>) -> ReportTap {
        ReportTap {
            inner,
            last: Mutex::new(Vec::new()),
        }
    }

    pub(crate) fn last(&self) -> String {
        let l = self.last.lock().unwrap_or_else(|e| e.into_inner());
        String::from_utf8_lossy(&l).into_owned()
    }
}

impl crate::stdio::Host for ReportTap {
    fn write(&self, stream: crate::stdio::Stream, b: &[u8]) -> Option<std::io::Result<()>> {
        self.inner.as_ref()?.write(stream, b)
    }

    fn report(&self, b: &[u8]) {
        TAP.with(|t| {
            if let Some(buf) = t.borrow_mut().as_mut() {
                buf.extend_from_slice(b);
            }
        });
        if let Ok(mut l) = self.last.lock() {
            l.clear();
            l.extend_from_slice(b);
        }
        match &self.inner {
            Some(h) => h.report(b),
            None => {
                let _ = std::io::stderr().write_all(b);
            }
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        match &self.inner {
            Some(h) => h.as_any(),
            None => self,
        }
    }
}

/// A slice on the trace's GC track.
pub(crate) fn gc_span(t0: u64, t1: u64, name: &'static str) -> crate::sched::tracer::Ev {
    crate::sched::tracer::Ev::Span {
        track: crate::sched::tracer::Track::Gc,
        t0,
        t1,
        name: name.into(),
    }
}
