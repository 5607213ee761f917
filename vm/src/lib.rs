//! gol's virtual machine and runtime.
//!
//! # What runs where
//! [`Vm::new`] takes a compiled [`Program`](gol_lang::bytecode::Program)
//! and resolves its natives; [`Vm::run_main`] runs the program on the
//! scheduler (`sched`, driven by `exec`) until main returns, and
//! returns the process exit status. The interpreter (`interp`) never
//! runs to completion: it executes a *budgeted slice* of one goroutine
//! (`goroutine::G`) and returns an `interp::Exit` (budget spent,
//! blocked on a channel or lock, done, panicked, exited). The executor
//! turns those into the scheduler's outcomes; between slices is a
//! safepoint, where a collection cycle may start or end with the world
//! stopped (its marking runs concurrently with the program: see `mgc`).
//! The budget is spent on calls and backward jumps, and a pending stop of
//! the world ends a slice at its next backward jump or allocation, so a
//! goroutine in an endless loop still comes back. Goroutines run in
//! parallel on GOMAXPROCS Ms, each with its own `Vm` (see `exec` for
//! what is shared and how the world stops).
//!
//! # Memory
//! * Each goroutine owns a *slot stack* (a `Vec<u64>`) holding every frame's
//!   window. Nothing points into it (variables whose address is taken live
//!   in heap boxes), so it grows by copying, up to 1 GiB, then the program
//!   dies with Go's `fatal error: stack overflow`. Go calls never recurse on
//!   the Rust stack: frames are records in `goroutine::G::frames`.
//! * Every object (strings built at run time, slices' arrays, boxes,
//!   interface boxes, closures) comes from the `gol_gc` heap with a precise
//!   pointer layout. Roots: the live slots of the slot stacks (the stack
//!   maps of `liveness`) and the globals, scanned conservatively (the
//!   collector checks each word), plus the panic value,
//!   every channel's contents and the pinned values of timers. Pointer
//!   stores into the heap go through `Heap::write_pointer` (the write
//!   barrier), stores to package variables through `Vm::store_global`.
//!
//! # Invariant 1: no program crashes the VM
//! * Every slot index an instruction names is checked: at load time
//!   (`interp::verify`) for the hot instructions, which then run without
//!   bounds checks, and at each access for the others; the code generator
//!   sizes frames to cover them, and a broken frame is refused or a fatal
//!   error, never memory corruption.
//! * Interfaces are one word (a box pointer whose first word is the
//!   dynamic type), so a racy read can never pair a type with the wrong
//!   data.
//! * Strings and slices are several words, and goroutines run in
//!   parallel: a program with a data race on a string or slice variable
//!   could read a torn header (one goroutine's pointer with another's
//!   length). Every load and store of a value of two words or more in
//!   shared memory is atomic as a whole (striped sequence locks, see
//!   `value`), so a racy read gives a value some goroutine stored.
//!   Maps keep their own accesses in bounds even under races (map.rs,
//!   invariant 4).
//!
//! # Failure tiers
//! A broken VM invariant is [`gol_gc::throw`] (`fatal error: ...`, exit 2);
//! a Go panic is a value delivered to the goroutine (recoverable); compile
//! errors never reach the VM.
//!
//! # Reading order
//! The modules form layers with no import cycle (each depends only on
//! the ones listed before it); read them bottom-up, as one reads clox:
//!
//! 1. `value` (how Go values sit in words; torn-read protection),
//!    `gotraceback` (the GOTRACEBACK setting),
//!    `stdio` (unbuffered standard output), `sched` (the M:P:G scheduler,
//!    channels, select and timers: generic over words, knows no bytecode).
//! 2. `park`: the blocking protocol. What a parked goroutine waits on
//!    (`Pending`), starting and resuming a send, receive or select, and
//!    writing the received value into the goroutine's slots.
//! 3. `goroutine`: a G (slot stack, frame records, defers, panics, the
//!    pending operation); `liveness`: the stack maps (which of a G's
//!    slots are live where each frame stands: the collector's roots);
//!    `objects`: building objects on the GC heap (boxes, closures,
//!    `append`) and the write barriers of words moved without a heap
//!    store.
//! 4. `panic`: panic values, Go's panic and fatal-error reports and stack
//!    traces; `crashtrace`: the trace printed on a crash signal.
//! 5. `map`: Go's maps (open addressing, safe under races).
//! 6. `rt`: the state a run shares between its Ms (`Exec`: the channel
//!    table, pins, the collector driver's, sync objects' and finalizers'
//!    state) and `SliceCx`, the running slice's borrowed view of it.
//!    `traceback`: dumps of every goroutine (GOTRACEBACK=all, SIGQUIT,
//!    `runtime.Stack`), on that state.
//! 7. `native` (and `native/sig`): the API of Rust functions Go calls
//!    (`NativeCtx`), `atomic`: sync/atomic on words, `usermap`: memory
//!    a program maps itself (`syscall.Mmap`) and the check of the
//!    interpreter's accesses to it.
//! 8. The mechanisms on that state: `sema` (sync.Mutex, WaitGroup, Cond),
//!    `mgc` (driving the concurrent collector: cycles, mark workers,
//!    assists, stopping the world), `mfinal` (finalizers), `leakcheck`
//!    (leaked goroutines, from a side mark at each cycle's end).
//! 9. `interp`: the interpreter. `interp/mod.rs` (the checked loop, `run`),
//!    `fast` (the hot loop), `verify`, then the cold instructions by what
//!    they touch (`slices`, `maps`, `ifaces`, `chans`, `calls`),
//!    `unwind` (defer, panic, recover) and `nested` (Go called from Rust).
//! 10. `exec`: the glue on top, the VM as the scheduler's `Executor`: runs
//!     slices, resumes parked goroutines, turns the interpreter's exits
//!     into the scheduler's outcomes, collects at safepoints, reports
//!     panics and deadlocks.
//! 11. `session`: a live program a host calls into (a REPL's): the
//!     runtime keeps running between calls and the program grows.
//!
//! Where a lower layer needs a service of a higher one, the higher module
//! provides it and says so in its docs: `NativeCtx::call` is defined in
//! `interp/nested.rs`, the collector's natives (`NativeCtx::collect`,
//! `syscall`, `blocker`) in `mgc.rs`; a panic report runs `Error()`
//! methods through a function the executor lends it; allocation pays the
//! collector's assist (`Vm::assist`, defined in `mgc.rs`).
//!
//! Rejected alternatives: a tree-walking interpreter (slow, recursion on
//! the Rust stack); `run to completion` (no preemption point, no GC
//! safepoint); tagged values (see the bytecode module docs).

#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

pub mod atomic;
pub mod crashtrace;
pub mod exec;
pub(crate) mod goroutine;
pub mod gotraceback;
pub(crate) mod interp;
pub(crate) mod layout;
pub(crate) mod leakcheck;
pub(crate) mod liveness;
pub mod map;
pub(crate) mod mfinal;
pub(crate) mod mgc;
pub mod native;
pub mod netpoll;
pub(crate) mod objects;
pub(crate) mod panic;
pub(crate) mod park;
pub mod race;
pub(crate) mod rt;
pub mod sched;
pub(crate) mod sema;
pub mod session;
pub mod stdio;
pub mod traceback;
pub mod usermap;
pub(crate) mod value;

use gol_gc::{Cache, Config, Heap, Layout};
use gol_lang::bytecode::{Program, RtType};

pub use native::{ArgKind, Native, NativeCtx, NativeFn, NativeResult, Param, Signature};

/// Hooks the standard library gives the runtime (it cannot depend on
/// stdlib): number formatting for `print`.
#[derive(Clone, Copy)]
pub struct Hooks {
    /// `strconv.FormatFloat(v, 'g', -1, bits)`: how `println` prints floats.
    pub format_float: fn(f64, u32) -> Vec<u8>,
}

pub use race::RaceOptions;
pub use sched::tracer::TraceFormat;
pub use session::{CallOutcome, Interrupter, Session};
pub use stdio::Out;

/// The package-level variables: words (a narrow variable in its memory
/// layout within its words, see the layout module), allocated once and never
/// moved (`&global` is a plain address), shared by every M. Relaxed
/// atomics make a racy program's unsynchronised accesses well defined
/// (each word is read or written whole, as Go's memory model promises for
/// word-sized values); they compile to plain loads and stores.
///
/// A live session ([`session`]) extends its program while it runs, and
/// the variables cannot move (pointers into them exist): its globals are
/// made with room for many more words than the program has
/// ([`Globals::with_capacity`]), untouched until used (zeroed pages of a
/// fresh mapping), and `live` says how many of them the program declares
/// (what the collector scans as roots).
pub struct Globals {
    words: Box<[std::sync::atomic::AtomicU64]>,
    /// Words the program declares (plus the one past the end, see `new`):
    /// the roots the collector scans. Raised only with the world stopped.
    live: std::sync::atomic::AtomicUsize,
}

impl Globals {
    fn new(n: usize) -> Globals {
        // One word more than the program's: a zero-size variable declared
        // last sits at index n and needs an address like any other (Go's
        // `&s[1]` of a `var s [2]struct{}` is not nil).
        Globals {
            words: (0..=n)
                .map(|_| std::sync::atomic::AtomicU64::new(0))
                .collect(),
            live: std::sync::atomic::AtomicUsize::new(n + 1),
        }
    }

    /// Globals for `n` words with room for `cap` (at least `n`): the
    /// memory comes from a zeroed allocation, so the pages past the words
    /// in use are not touched (nor resident) until a later program uses
    /// them.
    pub(crate) fn with_capacity(n: usize, cap: usize) -> Globals {
        let cap = cap.max(n) + 1;
        // `vec![0; n]` asks the allocator for zeroed memory (calloc: fresh
        // pages of a large block are mapped, not written).
        let zeroed: Box<[u64]> = vec![0u64; cap].into_boxed_slice();
        let raw = Box::into_raw(zeroed) as *mut [std::sync::atomic::AtomicU64];
        // SAFETY: `AtomicU64` has the same size, alignment and bit
        // validity as `u64` (std documents it), so the allocation of a
        // `[u64]` is one of a `[AtomicU64]` of the same length, and the
        // box owns it alone.
        let words = unsafe { Box::from_raw(raw) };
        Globals {
            words,
            live: std::sync::atomic::AtomicUsize::new(n + 1),
        }
    }

    /// The words the globals have room for (beyond the one past the end).
    pub(crate) fn capacity(&self) -> usize {
        self.words.len() - 1
    }

    /// A grown program declares `n` words; only with the world stopped
    /// (the collector reads `live` inside the world).
    pub(crate) fn set_live(&self, n: usize) {
        let n = (n + 1).min(self.words.len());
        self.live.fetch_max(n, std::sync::atomic::Ordering::Relaxed);
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<u64> {
        self.words
            .get(i)
            .map(|w| w.load(std::sync::atomic::Ordering::Relaxed))
    }

    #[inline]
    pub fn set(&self, i: usize, v: u64) {
        if let Some(w) = self.words.get(i) {
            w.store(v, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// `addr` as an offset into a data segment at 0x600000, if it is one
    /// of these words (a printed address that repeats between runs).
    pub(crate) fn stable_addr(&self, addr: u64) -> Option<u64> {
        let base = self.words.as_ptr() as u64;
        let end = base + 8 * self.words.len() as u64;
        (base..end)
            .contains(&addr)
            .then(|| 0x60_0000 + (addr - base))
    }

    /// The address of word `i` (0 if out of range).
    pub fn addr(&self, i: usize) -> u64 {
        self.words.get(i).map_or(0, |w| w.as_ptr() as u64)
    }

    /// Every word the program declares (the roots).
    pub fn for_each(&self, f: &mut dyn FnMut(u64)) {
        let live = self.live.load(std::sync::atomic::Ordering::Relaxed);
        for w in self.words.iter().take(live) {
            f(w.load(std::sync::atomic::Ordering::Relaxed));
        }
    }
}

/// A loaded program and the runtime state of one M running it.
///
/// # Shared and per-M state
/// Everything behind an `Arc` (the program, heap, natives, globals,
/// constant strings, box layouts, standard output) is shared by every M
/// and safe to use from several threads at once. The rest belongs to the
/// M: the allocation cache (Go's `mcache`, used without locks), the map
/// descriptor cache, and the running goroutine's scheduler context. The
/// executor gives each M its own `Vm` made by [`Vm::fork`].
pub struct Vm {
    pub(crate) prog: std::sync::Arc<Program>,
    pub(crate) heap: std::sync::Arc<Heap>,
    pub(crate) cache: Cache,
    pub(crate) natives: std::sync::Arc<[NativeFn]>,
    /// Per native: its parameters' and results' places and kinds, from
    /// its declared signature (what the typed accessors and setters of
    /// `NativeCtx` check against).
    pub(crate) native_params: std::sync::Arc<[native::Signature]>,
    /// Per runtime type: whether its values hold a string or slice header
    /// (stores of those are published whole: see `value`).
    pub(crate) header_types: std::sync::Arc<[bool]>,
    /// Per runtime type: how the fast loop reads and writes a slice
    /// element of it (`interp::elem_access`).
    pub(crate) elem_access: std::sync::Arc<[interp::Elem]>,
    pub(crate) globals: std::sync::Arc<Globals>,
    /// Constant strings, address-stable for the run (outside the heap).
    pub(crate) consts: std::sync::Arc<[Box<[u8]>]>,
    /// Per runtime type: the pointer mask of a box holding it (the type
    /// word first).
    pub(crate) box_masks: std::sync::Arc<[Vec<u64>]>,
    pub(crate) hooks: Hooks,
    /// The types `recover` gives runtime errors, in the order of
    /// `gol_lang::bytecode::RUNTIME_ERROR_TYPES` (`string` in programs made
    /// without them).
    pub(crate) runtime_errors: [RtType; 5],
    /// Per runtime type index: the map descriptor, made on first use
    /// (per M: descriptors are pure functions of the program).
    pub(crate) map_types: Vec<Option<std::sync::Arc<map::MapType>>>,
    /// Calls and backward jumps per slice (smaller under GOL_GCSTRESS).
    pub(crate) slice_budget: i64,
    pub(crate) stdout: Out,
    /// Program arguments (os.Args).
    pub args: std::sync::Arc<Vec<String>>,
    /// The running goroutine's scheduler context (null outside a slice),
    /// for the allocation assist only (`Vm::assist`, mgc.rs): every
    /// allocation may pay for marking, and the allocation paths run deep
    /// inside the VM (objects, maps, natives) where threading a borrow
    /// through would touch every signature. Everything else gets the
    /// slice's context as a borrow (`rt::SliceCx`). Set and cleared by
    /// `Executor::run` around each slice.
    pub(crate) cx: *const rt::Cx,
    /// The executor running the program (None outside a slice); as `cx`.
    pub(crate) exec: Option<*const rt::Exec>,
    /// `GODEBUG=gctrace=1`: a line per collection on stderr.
    pub(crate) gctrace: bool,
    /// End the slice at the next call or backward jump: an assist found
    /// no mark work to pay its debt with (or claimed the end of the
    /// mark), or a native came back from a blocking call without a P.
    pub(crate) yield_soon: bool,
    /// When the program started (gctrace's `@T s`).
    pub(crate) start: std::time::Instant,
    /// Where an embedded program's output and the runtime's reports go
    /// (None: file descriptors 1 and 2; see `stdio`).
    pub(crate) host: Option<std::sync::Arc<dyn stdio::Host>>,
    /// The run's settings beyond the environment's (see [`RunConfig`]).
    pub(crate) run_config: RunConfig,
    /// The race detector of the running program (None without `-race`;
    /// made by `exec::run_program`, shared by every M's VM).
    pub(crate) race: Option<std::sync::Arc<race::Race>>,
    /// The program's stack maps (`liveness`), shared by every M's VM.
    pub(crate) liveness: std::sync::Arc<liveness::Maps>,
}

/// Settings of a run that an embedding program gives explicitly, where
/// the `gol` command reads the environment.
#[derive(Clone, Default)]
pub struct RunConfig {
    /// GOMAXPROCS (None: the `GOMAXPROCS` variable, else the CPU count).
    pub gomaxprocs: Option<usize>,
    /// The most goroutines alive at once (0: no limit). Checked when a
    /// slice starts, so a program may overshoot by the goroutines one
    /// slice starts; past it the run ends with a fatal error.
    pub max_goroutines: usize,
    /// A hard cap on the heap's live bytes (0: none), where `GOMEMLIMIT`
    /// is a soft goal: a slice that starts with the pacer's live-heap
    /// estimate above it ends the run with Go's out-of-memory fatal
    /// error, so a program that retains without bound cannot take its
    /// host down. An allocating slice ends early when the heap passes the
    /// collector's trigger, so (with the collector on) the overshoot is
    /// about one trigger's worth of allocation.
    pub max_heap_bytes: u64,
    /// Stops the run from another thread ([`Canceller::cancel`]).
    pub canceller: Option<Canceller>,
    /// Run with the race detector (`gol run -race`) and these options.
    pub race: Option<RaceOptions>,
    /// Run on a seeded schedule (`gol run -sched=random:SEED` or
    /// `pct:SEED,DEPTH`): one P, every scheduling decision drawn from the
    /// seed, virtual time, collections with the world stopped; the same
    /// seed gives the same run (sched/seeded.rs).
    pub sched: Option<sched::SchedSpec>,
    /// Write an execution trace (sched/tracer.rs).
    pub trace: Option<TraceConfig>,
    /// The format of the run's traces, `runtime/trace`'s too (`gol run
    /// --trace-format`); None: a trace's file name chooses, else JSON.
    pub trace_format: Option<TraceFormat>,
}

/// Where an execution trace goes (`gol run --trace=FILE`, or
/// `--flight-recorder=FILE`).
#[derive(Clone, Debug)]
pub struct TraceConfig {
    pub path: std::path::PathBuf,
    /// Keep only the last [`FLIGHT_WINDOW_NS`] (at most
    /// [`FLIGHT_MAX_EVENTS`] events) and write them only if the run ends
    /// in a panic, a fatal error or a deadlock.
    pub flight_recorder: bool,
    /// JSON or Perfetto's protobuf.
    pub format: TraceFormat,
}

/// The flight recorder's window: the last five seconds.
pub const FLIGHT_WINDOW_NS: u64 = 5_000_000_000;
/// The flight recorder's most events (about 100 MB of JSON at most).
pub const FLIGHT_MAX_EVENTS: usize = 1 << 20;

/// How a run ended, for a program that embeds the VM; the text of a
/// panic, fatal error or deadlock went to the host's `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// main returned (0) or the program called `os.Exit`.
    Exit(i32),
    /// An unrecovered panic.
    Panic,
    /// A fatal error of the program (stack overflow, unlocking an
    /// unlocked mutex, the goroutine or heap limit of [`RunConfig`]).
    Fatal,
    /// Every goroutine is asleep.
    Deadlock,
    /// [`Canceller::cancel`] stopped it.
    Cancelled,
}

/// Stops a run from another thread: the scheduler's run ends as when
/// main returns (every M leaves at its next safepoint, which a running
/// goroutine reaches within one slice's budget; parked goroutines are
/// dropped), and the run reports [`Ending::Cancelled`]. Cloneable; one
/// handle serves every run of the VM it was given to.
#[derive(Clone, Default)]
pub struct Canceller(std::sync::Arc<CancelState>);

#[derive(Default)]
struct CancelState {
    /// The run in progress (None between runs).
    run: std::sync::Mutex<Option<sched::SchedHandle<exec::Exec>>>,
    /// The run in progress was cancelled (written under `run`'s lock).
    cancelled: std::sync::atomic::AtomicBool,
}

impl Canceller {
    pub fn new() -> Canceller {
        Canceller::default()
    }

    /// Cancels the run in progress; false if none is in progress (then
    /// nothing changes: a later run is not affected).
    pub fn cancel(&self) -> bool {
        let run = self.0.run.lock().unwrap_or_else(|e| e.into_inner());
        match run.as_ref() {
            Some(h) => {
                // The scheduler's shutdown flag stops each running slice
                // only at its budget check (200,000 calls and backward
                // jumps: 100 ms of a loop that starts goroutines); the
                // stop-the-world hint ends it at its next backward jump or
                // instruction outside the fast loop. Raised once per run,
                // lowered when the run ends (`set_run`): both under the
                // run lock, which orders them (so Relaxed on `cancelled`).
                // The hint is Relaxed as world.rs raises it: a hint, the
                // shutdown flag is what ends the run. Process-wide, so
                // other VMs' slices may end early meanwhile: harmless, as
                // for a stop of the world.
                if !self
                    .0
                    .cancelled
                    .swap(true, std::sync::atomic::Ordering::Relaxed)
                {
                    sched::world::STOP_HINT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                h.end_run();
                true
            }
            None => false,
        }
    }

    /// Whether a run is in progress.
    pub fn running(&self) -> bool {
        self.0
            .run
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    }

    /// Registers the run starting (`Some`) or ended (`None`); on the end,
    /// whether it was cancelled.
    pub(crate) fn set_run(&self, h: Option<sched::SchedHandle<exec::Exec>>) -> bool {
        let mut run = self.0.run.lock().unwrap_or_else(|e| e.into_inner());
        let ending = h.is_none();
        *run = h;
        if !ending {
            return false;
        }
        // Under the run lock, as in `cancel`.
        let cancelled = self
            .0
            .cancelled
            .swap(false, std::sync::atomic::Ordering::Relaxed);
        if cancelled {
            sched::world::STOP_HINT.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
        }
        cancelled
    }
}

/// The value of `key` in the `GODEBUG` environment variable
/// (`key=value` pairs separated by commas), as Go reads it.
/// `GODEBUG=gcstoptheworld=1`: every collection stops the world for its
/// whole mark (Go's debugging mode; also a baseline for pause times).
pub(crate) fn gc_stop_the_world() -> bool {
    godebug("gcstoptheworld").is_some_and(|n| n != "0")
}

pub(crate) fn godebug(key: &str) -> Option<String> {
    let v = std::env::var("GODEBUG").ok()?;
    v.split(',').find_map(|kv| {
        let (k, v) = kv.trim().split_once('=')?;
        (k == key).then(|| v.to_string())
    })
}

/// `GOMEMLIMIT`'s value in bytes (None for "off" or a malformed value).
fn parse_mem_limit(v: &str) -> Option<u64> {
    let v = v.trim();
    if v == "off" {
        return None;
    }
    let (num, mul) = [
        ("TiB", 1u64 << 40),
        ("GiB", 1 << 30),
        ("MiB", 1 << 20),
        ("KiB", 1 << 10),
        ("B", 1),
    ]
    .iter()
    .find_map(|&(suf, m)| v.strip_suffix(suf).map(|n| (n, m)))
    .unwrap_or((v, 1));
    num.trim().parse::<u64>().ok()?.checked_mul(mul)
}

/// What a VM derives from its program, shared by every M: the natives
/// resolved by name, their signatures, the header types, the constant
/// strings and the box masks (see the fields of [`Vm`]).
pub(crate) struct Derived {
    pub(crate) natives: std::sync::Arc<[NativeFn]>,
    pub(crate) native_params: std::sync::Arc<[native::Signature]>,
    pub(crate) header_types: std::sync::Arc<[bool]>,
    pub(crate) elem_access: std::sync::Arc<[interp::Elem]>,
    pub(crate) consts: std::sync::Arc<[Box<[u8]>]>,
    pub(crate) box_masks: std::sync::Arc<[Vec<u64>]>,
    pub(crate) runtime_errors: [RtType; 5],
}

impl Derived {
    /// Resolves and derives everything for `prog`. The first constant
    /// strings are `keep` (moved in, so their bytes keep their addresses:
    /// a grown program's old strings, which live strings point into);
    /// the rest are copied from the program.
    pub(crate) fn of(
        prog: &Program,
        resolve: &dyn Fn(&str) -> Option<Native>,
        keep: Vec<Box<[u8]>>,
    ) -> Result<Derived, String> {
        let mut natives = Vec::new();
        let mut sigs = Vec::new();
        let mut missing = Vec::new();
        for n in &prog.natives {
            match resolve(&n.name) {
                Some(nat) => {
                    natives.push(nat.f);
                    sigs.push(nat.sig);
                }
                None => {
                    missing.push(n.name.clone());
                    natives.push(native::missing as NativeFn);
                    sigs.push(None);
                }
            }
        }
        if !missing.is_empty() {
            return Err(format!("gol does not implement {} yet", missing.join(", ")));
        }
        interp::verify(prog)?;
        let native_params: std::sync::Arc<[native::Signature]> = sigs
            .iter()
            .enumerate()
            .map(|(i, &sig)| native::params_of(prog, i, sig))
            .collect::<Result<Vec<_>, _>>()?
            .into();
        let header_types: std::sync::Arc<[bool]> = value::header_types(prog).into();
        let elem_access: std::sync::Arc<[interp::Elem]> = interp::elem_access(prog).into();
        let mut consts = keep;
        consts.truncate(prog.strings.len());
        let kept = consts.len();
        consts.extend(
            prog.strings[kept..]
                .iter()
                .map(|s| s.clone().into_boxed_slice()),
        );
        let box_masks: std::sync::Arc<[Vec<u64>]> = prog
            .types
            .iter()
            .map(|t| {
                let words = t.words as usize + 1;
                let mut m = vec![0u64; words.div_ceil(64)];
                // The set bits only: a 2 GB array of ints has no pointer
                // word, and its mask's zero pages stay untouched.
                for (i, &bits) in t.ptr_mask.iter().enumerate() {
                    let mut bits = bits;
                    while bits != 0 {
                        let w = i * 64 + bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        if w < t.words as usize {
                            let b = w + 1;
                            m[b / 64] |= 1 << (b % 64);
                        }
                    }
                }
                m
            })
            .collect();
        let runtime_errors = gol_lang::bytecode::RUNTIME_ERROR_TYPES
            .map(|name| RtType(prog.types.iter().position(|t| t.name == name).unwrap_or(0) as u32));
        Ok(Derived {
            natives: natives.into(),
            native_params,
            header_types,
            elem_access,
            consts: consts.into(),
            box_masks,
            runtime_errors,
        })
    }
}

impl Vm {
    /// Loads a program, resolving each native by name. Errors name the
    /// natives gol does not implement yet, and a native whose stated Go
    /// signature differs from its declaration (see `native::sig`).
    /// The program may be shared (an `Arc`) by VMs that run it again.
    pub fn new(
        prog: impl Into<std::sync::Arc<Program>>,
        resolve: &dyn Fn(&str) -> Option<Native>,
        hooks: Hooks,
    ) -> Result<Vm, String> {
        let prog: std::sync::Arc<Program> = prog.into();
        let Derived {
            natives,
            native_params,
            header_types,
            elem_access,
            consts,
            box_masks,
            runtime_errors,
        } = Derived::of(&prog, resolve, Vec::new())?;
        let heap = Heap::new(Config::default());
        // GOL_GCSTRESS=1: collect at every safepoint, with short slices so
        // safepoints are frequent (a test mode that shakes out missing
        // roots and barriers).
        let stress = std::env::var_os("GOL_GCSTRESS").is_some_and(|v| v == "1");
        heap.set_stress(stress);
        // GODEBUG=gccheckmark=1: after each mark, re-mark from the roots
        // with the world stopped and die if anything reachable is white.
        heap.set_verify(godebug("gccheckmark").is_some_and(|n| n == "1"));
        // The scheduler drives concurrent cycles (mgc.rs) unless
        // GODEBUG=gcstoptheworld=1 asks for stop-the-world collections.
        heap.set_concurrent(!gc_stop_the_world());
        let slice_budget = if stress { 1_000 } else { interp::SLICE_BUDGET };
        // GOGC (a percentage or "off") and GOMEMLIMIT ("off" or bytes with
        // an optional B/KiB/MiB/GiB/TiB suffix), read as Go reads them.
        if let Ok(v) = std::env::var("GOGC") {
            let v = v.trim();
            if v == "off" {
                heap.set_gogc(-1);
            } else if let Ok(n) = v.parse::<i32>() {
                heap.set_gogc(n);
            }
        }
        if let Some(b) = std::env::var("GOMEMLIMIT")
            .ok()
            .and_then(|v| parse_mem_limit(&v))
        {
            heap.set_memory_limit(b);
        }
        let gctrace = godebug("gctrace").is_some_and(|n| n != "0");
        let cache = heap.new_cache();
        let liveness = std::sync::Arc::new(liveness::Maps::new(prog.clone()));
        Ok(Vm {
            globals: std::sync::Arc::new(Globals::new(prog.global_words as usize)),
            prog,
            heap: std::sync::Arc::new(heap),
            cache,
            natives,
            native_params,
            header_types,
            elem_access,
            consts,
            box_masks,
            hooks,
            map_types: Vec::new(),
            slice_budget,
            runtime_errors,
            stdout: Out,
            args: std::sync::Arc::new(Vec::new()),
            cx: std::ptr::null(),
            exec: None,
            gctrace,
            yield_soon: false,
            start: std::time::Instant::now(),
            host: None,
            run_config: RunConfig::default(),
            race: None,
            liveness,
        })
    }

    /// Another M's view of the same program: everything shared, with a
    /// fresh allocation cache.
    pub(crate) fn fork(&self) -> Vm {
        Vm {
            prog: self.prog.clone(),
            heap: self.heap.clone(),
            cache: self.heap.new_cache(),
            natives: self.natives.clone(),
            native_params: self.native_params.clone(),
            header_types: self.header_types.clone(),
            elem_access: self.elem_access.clone(),
            globals: self.globals.clone(),
            consts: self.consts.clone(),
            box_masks: self.box_masks.clone(),
            hooks: self.hooks,
            runtime_errors: self.runtime_errors,
            map_types: Vec::new(),
            slice_budget: self.slice_budget,
            stdout: self.stdout,
            args: self.args.clone(),
            cx: std::ptr::null(),
            exec: None,
            gctrace: self.gctrace,
            yield_soon: false,
            start: self.start,
            host: self.host.clone(),
            run_config: self.run_config.clone(),
            race: self.race.clone(),
            liveness: self.liveness.clone(),
        }
    }

    /// Takes `proto`'s program and what derives from it, keeping this
    /// M's own state (allocation cache, map descriptors): a grown
    /// program (`session`) extends the old one, so every id means what it
    /// meant before.
    pub(crate) fn adopt(&mut self, proto: &Vm) {
        self.prog = proto.prog.clone();
        self.natives = proto.natives.clone();
        self.native_params = proto.native_params.clone();
        self.header_types = proto.header_types.clone();
        self.elem_access = proto.elem_access.clone();
        self.consts = proto.consts.clone();
        self.box_masks = proto.box_masks.clone();
        self.runtime_errors = proto.runtime_errors;
        self.liveness = proto.liveness.clone();
    }

    /// Installs a grown program and what was derived from it.
    pub(crate) fn install(&mut self, prog: std::sync::Arc<Program>, d: &Derived) {
        // The old maps' bounds on what a call may read need not hold for
        // the grown program: whoever still holds them (the collector's
        // jobs, a VM held through the stop) scans whole stacks; this VM
        // gets maps of its own for the new program (filled lazily).
        self.liveness.retire();
        self.liveness = std::sync::Arc::new(liveness::Maps::new(prog.clone()));
        self.prog = prog;
        self.natives = d.natives.clone();
        self.native_params = d.native_params.clone();
        self.header_types = d.header_types.clone();
        self.elem_access = d.elem_access.clone();
        self.consts = d.consts.clone();
        self.box_masks = d.box_masks.clone();
        self.runtime_errors = d.runtime_errors;
    }

    /// Sets the program's arguments (`os.Args`).
    pub fn set_args(&mut self, args: Vec<String>) {
        self.args = std::sync::Arc::new(args);
    }

    /// The loaded program.
    pub fn program(&self) -> &Program {
        &self.prog
    }

    /// Runs the program's main goroutine until the program ends; returns
    /// the exit status (0, `os.Exit`'s, or 2 after a panic or fatal error).
    pub fn run_main(&mut self) -> i32 {
        match exec::run_program(self) {
            Ending::Exit(c) => c,
            Ending::Panic | Ending::Fatal | Ending::Deadlock | Ending::Cancelled => 2,
        }
    }

    /// [`Vm::run_main`] for an embedding program: how the run ended.
    pub fn run_to_end(&mut self) -> Ending {
        exec::run_program(self)
    }

    /// Sends the program's output and the runtime's reports to `host`
    /// instead of file descriptors 1 and 2 (see `stdio`).
    pub fn set_host(&mut self, host: std::sync::Arc<dyn stdio::Host>) {
        self.host = Some(host);
    }

    /// The run's explicit settings (see [`RunConfig`]).
    pub fn set_run_config(&mut self, cfg: RunConfig) {
        self.run_config = cfg;
    }

    /// `debug.SetGCPercent` before the run (negative: off), overriding
    /// `GOGC`.
    pub fn set_gogc(&mut self, percent: i32) {
        self.heap.set_gogc(percent);
    }

    /// `debug.SetMemoryLimit` before the run, overriding `GOMEMLIMIT`: the
    /// soft limit the collector paces against.
    pub fn set_memory_limit(&mut self, bytes: u64) {
        self.heap.set_memory_limit(bytes);
    }

    /// The type of the value `recover` returns for the runtime error with
    /// message `msg` (Go's: `runtime.boundsError` for index and slice
    /// bounds, `*runtime.TypeAssertionError`, ...).
    pub(crate) fn runtime_error_type(&self, msg: &str) -> RtType {
        let k = if msg.starts_with("runtime error: index out of range")
            || msg.starts_with("runtime error: slice bounds out of range")
        {
            1
        } else if msg.starts_with("interface conversion:") {
            3
        } else if msg.contains("panic called with nil argument") {
            4
        } else if !msg.starts_with("runtime error: ") {
            2
        } else {
            0
        };
        self.runtime_errors[k]
    }

    /// Whether `t` is one of the runtime error types.
    pub(crate) fn is_runtime_error(&self, t: RtType) -> bool {
        t.0 != 0 && self.runtime_errors.contains(&t)
    }

    /// Allocates a pointer-free object of `bytes` bytes. Below 16 bytes
    /// it is carved from this M's tiny block (gc/src/tiny.rs: short
    /// strings, one-word scalars), aligned as Go aligns it: a multiple of
    /// 8 bytes is 8-aligned.
    pub(crate) fn alloc_noscan(&mut self, bytes: usize) -> u64 {
        let bytes = bytes.max(1);
        self.assist(bytes);
        let p = if bytes < gol_gc::TINY_SIZE {
            self.heap.alloc_tiny(&mut self.cache, bytes) as u64
        } else {
            self.heap.alloc(&mut self.cache, bytes, Layout::NOSCAN) as u64
        };
        self.race_alloc(p, bytes);
        p
    }

    /// An address as reports print it: heap addresses as if the heap's
    /// arenas sat one after another from Go's 0xc000000000, package
    /// variables in a data segment at 0x600000, so a report of a seeded
    /// run repeats byte for byte; anything else as it is.
    pub(crate) fn go_addr(&self, addr: u64) -> u64 {
        self.heap
            .stable_addr(addr)
            .or_else(|| self.globals.stable_addr(addr))
            .unwrap_or(addr)
    }

    /// Tells the race detector (if any) that `bytes` at `p` are a new
    /// object (race invariant 3).
    #[inline]
    pub(crate) fn race_alloc(&self, p: u64, bytes: usize) {
        if let Some(r) = &self.race {
            r.alloc(p, bytes as u64);
        }
    }
}
