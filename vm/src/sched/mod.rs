//! gol's goroutine scheduler and channels: Go's M:P:G runtime in small,
//! generic over the goroutine so it runs (and is stress-tested) without
//! the interpreter.
//!
//! # The model
//! * **G** — a goroutine. The scheduler owns its descriptor
//!   ([`g::GHeader`]: id, status, wait reason, preempt flag, run start);
//!   the [`Executor`] owns its state (`Executor::G`: for the VM, frames and
//!   the slot stack). `Executor::run` runs one slice of a G and returns a
//!   [`RunOutcome`].
//! * **P** — a logical processor; GOMAXPROCS of them, changeable at run
//!   time. Each has a bounded local run queue (256) with a `runnext` slot,
//!   a timer heap and a schedtick (`p.rs`). See `findrunnable.rs` for
//!   `findRunnable`'s order, stealing and spinning; `runq.rs` for the
//!   queue mechanism; `procresize.rs` for GOMAXPROCS changes.
//! * **M** — an OS thread; it runs Gs only while it holds a P. Idle Ms park
//!   on a condition variable (`m.rs`). A G entering a blocking system
//!   call releases its P to sysmon's judgment ([`PCtx::entersyscall`],
//!   `syscall.rs`).
//! * **sysmon** — a thread without a P: preempts Gs running > 10 ms,
//!   retakes Ps from system calls, prints `schedtrace` (`sysmon.rs`).
//! * **Channels** — `chan.rs`: Go's hchan over words; **select** over
//!   several of them — `select.rs`.
//! * **Timers** — a heap per P (`timerheap.rs`) under Go's timers:
//!   `time.Sleep`, `Timer`, `Ticker`, `AfterFunc`, and their firing
//!   (`timer.rs`).
//! * **Deadlock** — when the last M parks and no timer or I/O is pending,
//!   [`Sched::run`] returns [`RunExit::Deadlock`] with every G's status,
//!   wait reason and state, from which the VM prints Go's
//!   `fatal error: all goroutines are asleep - deadlock!` dump
//!   (`checkdead.rs`).
//!
//! # Files, in reading order
//! The mechanisms first, then Go's `proc.go` cut at its concepts, one
//! file each, every one opening with its algorithm and invariants:
//! * `primitives.rs`: the one door to locks, condition variables and atomics;
//! * `g.rs`: the G's header, statuses, wait reasons and the park
//!   handshake; `runq.rs`: the run queues (owner and thief handles);
//!   `rand.rs`: cheap randomness for stealing order and select;
//!   `timerheap.rs`: a P's timer heap;
//! * `p.rs`: the P, its states, the idle-P list, holding a P;
//! * `m.rs`: the M's loop (`schedule`, `execute`), parking (`stopm`) and
//!   waking (`wakep`, `startm`), the lost-wakeup argument;
//! * `findrunnable.rs`: where a G to run comes from, stealing, spinning,
//!   the sleeper on timers and I/O;
//! * `syscall.rs`: system calls, P hand-off, [`Blocker`];
//! * `lockedm.rs`: a G that waits in the middle of a slice (a native's
//!   call back into Go that blocks) keeps its M and hands its P off
//!   ([`PCtx::park_locked`], Go's `lockedm`);
//! * `procresize.rs`: GOMAXPROCS changes, retiring Ps;
//! * `checkdead.rs`: deadlock detection and the dump;
//! * `allgs.rs`: the table of every G, [`SchedHandle`];
//! * `pctx.rs`: [`PCtx`], the scheduler's services to the executor
//!   (spawn, ready, preemption flag, stopping the world);
//! * `shared.rs`: the shared state (Go's `sched`) and a run's lifetime;
//! * `timer.rs`: timers as Go programs see them (Sleep, Timer, Ticker,
//!   AfterFunc) over the heaps, and their firing;
//! * `sysmon.rs`, `world.rs` (stop-the-world), `trace.rs` (schedtrace);
//! * `seeded.rs`: seeded schedules (`-sched=`), replayable runs on one P
//!   with virtual time;
//! * `chan.rs`: channels; `select.rs`: select over channels.
//!
//! # Invariants
//! Each file states its own; these are the ones that span files.
//! 1. A G is in at most one place: one run queue, one runnext slot, held
//!    by one M, or parked (reachable only through its waker). Only
//!    `Runnable` Gs are queued (the park handshake in `g.rs`).
//! 2. A P's local queue is touched only by the M holding the P (the owner
//!    handle moves with the P; the type system enforces it).
//! 3. An M holds at most one P; a P is held by at most one M (status CAS).
//! 4. `nmspinning` counts Ms in the spinning state exactly; at most half of
//!    the busy Ps' Ms spin.
//! 5. Work published while Ps are idle always gets an M: either `wakep`
//!    starts a spinning M or a spinning M's final re-check sees the work.
//! 6. Deadlock is reported only when every M is parked (idle, or waiting
//!    for its locked G: `lockedm.rs`), no G is in a system call, no timer
//!    or I/O wait is pending, and nobody outside the run may start a G
//!    (`Sched::run_idle`, `SchedHandle::spawn`).
//!
//! # Failure tiers
//! Broken scheduler invariants are `gol_gc::throw` (Go's `throw`, exit 2).
//! Go panics from channel operations are [`chan::ChanError`] values the
//! executor turns into Go panics in the goroutine.
//!
//! # Plan for wiring into the interpreter
//! 1. **G**: `Executor::G` becomes the interpreter's `goroutine::G` (slot
//!    stack, frames, defers, panicking) plus a `pending: Option<Pending>`
//!    field holding a channel/select ticket or a sleep while parked, and
//!    the destination registers of the blocked instruction. The creation
//!    site (function, pc of the `go` statement) goes in G for the dump's
//!    `created by` line. The goroutine id comes from [`PCtx::goid`].
//! 2. **Executor::run** is today's `interp::run` loop: it resumes a parked
//!    G by polling its ticket first (`None` -> return `Blocked` again),
//!    writes the result registers, and continues. Channel opcodes call
//!    [`chan::send`]/[`chan::recv`]/[`chan::select`] with the `PCtx`; on
//!    `Op::Park` they save the ticket, leave the pc *after* the
//!    instruction, and return `Blocked(reason)`. `go f(x)` is
//!    [`PCtx::spawn`]; `runtime.Gosched` returns `Yielded`; `time.Sleep` is
//!    [`PCtx::sleep`] + `Blocked(Sleep)`; `sync.Mutex`/`WaitGroup` park
//!    with their wait reasons on semaphore queues built like channels.
//! 3. **Safepoints**: the interpreter's budget check (calls and backward
//!    jumps) calls [`PCtx::should_yield`] and returns `Preempted` when it
//!    is set; the same check is where a GC stop-the-world request will be
//!    honoured (the collector sets every running G's preempt flag and waits
//!    for the Ms to reach their schedulers). Between slices the G's stack
//!    is a precise root: the collector scans every `Executor::G` through
//!    the all-G table with the world stopped.
//! 4. **Blocking natives** (file I/O, `os.ReadFile`) call
//!    [`PCtx::entersyscall`] before the OS call and [`PCtx::exitsyscall`]
//!    after; on `false` the native stores its result in the G and returns
//!    `Yielded`. Invariant 5 of ARCHITECTURE.md applies: no unrooted object
//!    references across that window.
//! 5. **Per-P heap caches**: `gol_gc::Cache` (the mcache) attaches to P by
//!    index: the VM keeps `caches: Vec<Mutex<Cache>>` indexed by
//!    [`PCtx::p_id`]; since only the M holding a P uses that slot, the lock
//!    is uncontended (or becomes an owner handle moved with the P, like the
//!    run queue). A P's cache is flushed when the P retires
//!    (GOMAXPROCS decrease) and at stop-the-world.
//! 6. **Exit**: `RunExit::Done` -> status 0; `Exit(n)` -> n; `Panicked`
//!    returns the G's state so the VM prints `panic: ...` and the trace;
//!    `Deadlock` -> Go's fatal error and dump, status 2.
//! 7. **GODEBUG**: the CLI parses `schedtrace=N,scheddetail=1` into
//!    [`Config`]; sysmon prints the lines.
//! 8. **Netpoll**: `Executor::netpoll`/`io_waiters`/`netpoll_break` wrap a
//!    mio `Poll` (one `Waker` kept in an `Arc` for `netpoll_break`).
//!
//! **Status**: all but 8 are wired into the VM (`vm/src/exec.rs`,
//! `vm/src/sema.rs`), with GOMAXPROCS Ps running goroutines in parallel;
//! the VM's allocation caches are per M (one `Vm` per M), not per P, and
//! stop-the-world is `world.rs`'s slice-boundary handshake. The
//! collector's background workers run on a thread of their own
//! ([`Executor::background`], with a [`SchedHandle`]). The netpoller (8)
//! is not wired yet.
//!
//! Rejected alternatives: one OS thread per goroutine (a million
//! goroutines would not fit); a global interpreter lock (ARCHITECTURE.md
//! requires parallelism); async/await (the interpreter's slices already
//! are explicit continuations, so a future per G buys nothing but a
//! dependency and allocation per poll).

mod allgs;
pub mod chan;
mod checkdead;
mod findrunnable;
mod g;
mod lockedm;
mod m;
mod p;
mod pctx;
pub(crate) mod primitives;
mod procresize;
mod rand;
pub mod runq;
mod seeded;
mod select;
mod shared;
mod syscall;
mod sysmon;
mod timer;
mod timerheap;
mod trace;
pub mod tracer;
pub(crate) mod world;

pub use allgs::{current_m, GRoots, GView, LentRoots, SchedHandle, SlotVisit, GM};
pub use chan::{ChanCx, ChanError, Op, Selected};
pub use g::{GStatus, GWaker, LiveRoots, WaitReason};
pub use lockedm::{LockedPark, Unparked};
pub(crate) use m::{COLLECTOR_M, SYSMON_M};
pub use pctx::PCtx;
pub use procresize::MAX_PROCS;
pub use seeded::{Policy, SchedSpec, SeededSlice, VIRTUAL_EPOCH_UNIX};
pub use shared::Stats;
pub use syscall::Blocker;
pub use timer::{TimeWords, TimerError, TimerFn, TimerFunc, TIME_WORDS};
pub use timerheap::TimerHandle;

use std::sync::Arc;
use std::time::Duration;

/// Why a slice of a G ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunOutcome {
    /// `runtime.Gosched`: requeue (global queue, as Go).
    Yielded,
    /// The G saw [`PCtx::should_yield`] at a safepoint (global queue).
    Preempted,
    /// The G handed its waker to a channel, timer or semaphore: park.
    Blocked(WaitReason),
    /// The G's entry function returned (main's ends the run).
    Done,
    /// The G called `runtime.Goexit` and its deferred calls ran: it ends
    /// like `Done`, but main's does not end the run (the others go on;
    /// when none is left the run dies with Go's "no goroutines (main
    /// called runtime.Goexit) - deadlock!").
    Goexit,
    /// An unrecovered panic: the run ends with [`RunExit::Panicked`].
    Panicked,
    /// `os.Exit(code)`.
    Exit(i32),
}

/// What the interpreter supplies: how to run a slice of a goroutine.
pub trait Executor: Send + Sync + Sized + 'static {
    /// The executor's per-goroutine state.
    type G: Send + 'static;

    /// Runs `g` until it yields, blocks, finishes or is preempted.
    fn run(&self, g: &mut Self::G, cx: &PCtx<Self>) -> RunOutcome;

    /// Called after each slice, with the G's state unlocked and the M still
    /// counted in the world: the place to stop the world (every G's state,
    /// the one that just ran included, can then be read).
    fn after_slice(&self, _cx: &PCtx<Self>, _outcome: &RunOutcome) {}

    /// Called after each slice once the M has left the world (so a stop
    /// of the world can proceed while it runs), before the G is requeued
    /// or parked: the place to wait for the runtime (an allocating G
    /// waiting for the collector to finish its cycle).
    fn after_leave(&self, _cx: &PCtx<Self>, _outcome: &RunOutcome) {}

    /// Runs on a thread of its own for the whole run (the collector's
    /// background mark workers and sweeper); returns once
    /// [`SchedHandle::shutting_down`] is true, which
    /// [`Executor::background_wake`] announces.
    fn background(&self, _h: &SchedHandle<Self>) {}

    /// Wakes [`Executor::background`] to see that the run is ending.
    fn background_wake(&self) {}

    /// Gs waiting on I/O (a pending wait prevents deadlock reports).
    fn io_waiters(&self) -> usize {
        0
    }

    /// Polls the network: `Some(ZERO)` must not block, `None` may block
    /// indefinitely (until `netpoll_break`). Returns the Gs to ready.
    fn netpoll(&self, _block: Option<Duration>) -> Vec<GWaker> {
        Vec::new()
    }

    /// Interrupts a blocking `netpoll` (Go's `netpollBreak`).
    fn netpoll_break(&self) {}

    /// Whether every goroutine being asleep is *not* a deadlock because
    /// someone outside the run may still start goroutines (a live session
    /// between calls, `Sched::run_idle`): then the last M parks like any
    /// idle M. Read with the scheduler lock held: no lock, no blocking.
    fn outside_may_spawn(&self) -> bool {
        false
    }

    /// A deadlock the executor handles itself instead of ending the run
    /// (a live session's call, abandoned): called by the last M to park,
    /// with no scheduler lock held and the M off the idle list, every
    /// other M parked. True: handled, the M looks for work again.
    fn deadlock(&self, _cx: &PCtx<Self>) -> bool {
        false
    }

    /// The name the tracer gives goroutine `g` (its function).
    fn g_name(&self, _g: &Self::G) -> String {
        String::new()
    }

    /// The heap's live bytes and goal, for the tracer's counters.
    fn heap_counters(&self) -> Option<(u64, u64)> {
        None
    }
}

/// Where schedtrace lines go.
pub type TraceSink = Box<dyn Fn(&str) + Send + Sync>;

/// Scheduler settings.
pub struct Config {
    /// GOMAXPROCS (clamped to 1..=[`MAX_PROCS`]).
    pub gomaxprocs: usize,
    /// `GODEBUG=schedtrace=N`: a line every N ms (0: off).
    pub schedtrace_ms: u64,
    /// `GODEBUG=scheddetail=1`.
    pub scheddetail: bool,
    /// Where trace lines go (default: stderr).
    pub trace_sink: Option<TraceSink>,
    /// A seeded schedule (`-sched=`): one P, every decision from the
    /// seed, virtual time (seeded.rs). GOMAXPROCS is then 1.
    pub sched: Option<SchedSpec>,
    /// The execution tracer (tracer.rs), if the run has one.
    pub tracer: Option<Arc<tracer::Tracer>>,
}

impl Config {
    pub fn new(gomaxprocs: usize) -> Config {
        Config {
            gomaxprocs,
            schedtrace_ms: 0,
            scheddetail: false,
            trace_sink: None,
            sched: None,
            tracer: None,
        }
    }

    /// GOMAXPROCS from the environment as Go reads it, else the CPU count.
    pub fn gomaxprocs_from_env() -> usize {
        std::env::var("GOMAXPROCS")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&n| n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
    }
}

/// One goroutine in a deadlock report.
pub struct GDump<G> {
    pub id: u64,
    pub status: GStatus,
    pub wait: WaitReason,
    /// The executor's state (for the stack trace); `None` if unavailable.
    pub g: Option<G>,
    /// When `g` is None: the copy of its roots the G lent while its M
    /// holds its state (parked in a nested call, `lockedm.rs`), with the
    /// executor's trace appended.
    pub lent: Option<Box<[u64]>>,
}

/// How a run ended.
pub enum RunExit<G> {
    /// main returned.
    Done,
    /// `os.Exit(code)`.
    Exit(i32),
    /// A goroutine panicked; its state, for the trace.
    Panicked { goid: u64, g: G },
    /// Every goroutine is blocked forever; all of them, by id.
    Deadlock(Vec<GDump<G>>),
    /// A fatal error other than deadlock, with Go's message.
    Fatal(String),
}

impl<G> std::fmt::Debug for RunExit<G> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunExit::Done => write!(f, "Done"),
            RunExit::Exit(c) => write!(f, "Exit({c})"),
            RunExit::Panicked { goid, .. } => write!(f, "Panicked(goroutine {goid})"),
            RunExit::Deadlock(gs) => write!(f, "Deadlock({} goroutines)", gs.len()),
            RunExit::Fatal(s) => write!(f, "Fatal({s})"),
        }
    }
}

/// A scheduler: create, [`run`](Sched::run) once, then read its stats.
pub struct Sched<E: Executor> {
    sh: Arc<shared::Shared<E>>,
    ran: std::sync::atomic::AtomicBool,
}

impl<E: Executor> Sched<E> {
    pub fn new(exec: E, cfg: Config) -> Sched<E> {
        Sched {
            sh: Arc::new(shared::Shared::new(exec, cfg)),
            ran: Default::default(),
        }
    }

    /// Runs `main` as goroutine 1 and every goroutine it starts, until main
    /// returns, a goroutine panics or exits, or the program deadlocks.
    pub fn run(&self, main: E::G) -> RunExit<E::G> {
        if self.ran.swap(true, std::sync::atomic::Ordering::AcqRel) {
            return RunExit::Fatal("scheduler already ran".into());
        }
        self.sh.run(Some(main))
    }

    /// Runs without a main goroutine: Gs come from [`SchedHandle::spawn`]
    /// and every G asleep is idleness while
    /// [`Executor::outside_may_spawn`] says so. Returns when the run
    /// ends (`os.Exit`, a fatal error, [`SchedHandle::end_run`]).
    pub fn run_idle(&self) -> RunExit<E::G> {
        if self.ran.swap(true, std::sync::atomic::Ordering::AcqRel) {
            return RunExit::Fatal("scheduler already ran".into());
        }
        self.sh.run(None)
    }

    pub fn stats(&self) -> &Stats {
        &self.sh.stats
    }

    pub fn executor(&self) -> &E {
        &self.sh.exec
    }

    /// A handle on the run, for a thread outside it (to end it).
    pub fn handle(&self) -> SchedHandle<E> {
        SchedHandle {
            sh: self.sh.clone(),
        }
    }

    pub fn gomaxprocs(&self) -> usize {
        self.sh.procs()
    }

    /// `GODEBUG=schedtrace` text for the current state.
    pub fn schedtrace(&self, detailed: bool) -> String {
        trace::schedtrace(&self.sh, detailed)
    }
}
