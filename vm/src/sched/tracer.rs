//! The execution tracer (`gol run --trace=FILE`, `runtime/trace`, the
//! flight recorder): what the runtime did, when, on which P and M, written
//! as Chrome trace-event JSON, which ui.perfetto.dev (and chrome://tracing)
//! opens as it is.
//!
//! # What is recorded
//! * **Run segments**: each slice of a goroutine is a slice on its P's
//!   track, named `G<id> <function>`, with how it ended in its arguments
//!   (preempted, yielded, blocked and on what, done).
//! * **Ms**: each M's track has a slice for every stretch it held a P and
//!   for every system call.
//! * **Arrows** (flow events): from the goroutine (or timer, or network
//!   poller) that made a G runnable, and from the `go` statement that
//!   created it, to the G's next segment; from a P robbed by a steal to the
//!   thief's next segment.
//! * **Instants**: a goroutine created, sysmon asking a long-running G to
//!   yield, sysmon retaking a P from a system call.
//! * **The collector** (vm/src/mgc.rs): its phases on a `GC` track (the
//!   stop-the-world sweep termination, the concurrent mark, the stop-the-
//!   world mark termination, the sweep), and mark assists on the track of
//!   the P whose goroutine paid them.
//! * **Counters**, sampled by sysmon every millisecond: goroutines, run
//!   queue lengths (global and per P), heap live and goal.
//! * **User annotations** (`runtime/trace`): tasks and regions as async
//!   slices, logs as instants.
//!
//! # How
//! The runtime hands the tracer an [`Ev`]; [`Tracer::record`] stores it
//! as a [`Rec`], a fixed-size (40-byte) `Copy` record, in the M's own
//! buffer ([`MBuf`], `PCtx::tbuf`: no lock, no allocation, no formatting).
//! The events of a goroutine switch (a segment, a wakeup's arrow, a
//! creation, an M's stretch with a P, a system call, a steal, an assist)
//! are such records: numbers, and names that are `&'static str`s or are
//! made from numbers when the trace is written. A goroutine's function
//! name is stored once, in the tracer's name table, when it first runs.
//! The rare events that carry text of their own (counters, annotations,
//! sysmon's instants) go to a side list of the buffer, and their record
//! holds the index.
//!
//! A full buffer ([`FLUSH`] records) is handed over whole: the M swaps it
//! for an empty one from a pool, and the full one goes, as a chunk, to
//! one of three places:
//! * `--trace=FILE`: a writer thread ([`Tracer::stream_to`]) that renders
//!   it as JSON into the file at once and gives the buffer back to the
//!   pool, so the trace is written while the program runs, memory stays
//!   bounded, and ending the run only renders the last chunks;
//! * the flight recorder: a ring of chunks, trimmed a whole chunk at a
//!   time (the oldest, once the rest hold the capacity or it is older
//!   than the window), and exactly when the ring is written; its buffers
//!   go back to the pool, so a long run allocates nothing;
//! * `runtime/trace`: a list, rendered when the program calls Stop.
//!
//! Threads that are not Ms (sysmon, the collector's) record into a shared
//! buffer under the tracer's lock.
//!
//! # Invariants
//! 1. With no tracer (`Shared.tracer` is None) no hook does more than
//!    test that Option; a tracer that is off (`runtime/trace` not started)
//!    costs one atomic load per hook.
//! 2. Every flow that ends (`f`) was started (`s`) by the same id, no
//!    earlier than its start, and an `s` event always lies inside a slice
//!    on its track (the waker's segment, or a short host slice written
//!    with it), so Perfetto draws every arrow between two slices.
//! 3. Timestamps are ticks of one clock for every thread since the
//!    tracer's epoch ([`Clock`]), converted to nanoseconds when the trace
//!    is written, by one linear map for the whole trace. A P's goroutine
//!    segments come from the M holding it, one at a time, so they never
//!    overlap; events reach the writer in chunks, out of order, and the
//!    viewer sorts them.
//! 4. A record's side-list index and a segment's goroutine name are
//!    valid when the record is rendered: the side list travels in the
//!    record's chunk, and a name is in the table before its goroutine's
//!    first segment ends (the M that runs a G first stores its name, and
//!    every later segment is recorded after that, by a chain of the
//!    scheduler's locks and atomics; the chunk then reaches the writer
//!    through the tracer's lock).
//!
//! # Cost
//! A goroutine switch records one segment and a wakeup one arrow: two
//! 40-byte stores into the M's buffer, one read of the time-stamp counter
//! ([`Clock`]), and, once every [`FLUSH`] records, one lock to hand the
//! buffer over. The read is the segment's end, which is also the next
//! segment's start when the M goes straight on to it. A wake inside a
//! segment reads no clock: its arrow's start is held in the M's buffer
//! ([`Tracer::hold_wake`], up to [`HELD`] per segment) and placed just
//! inside the segment's end when it is cut. The arrow loses where in
//! the waker's segment the wake happened, not what it links: the wakee
//! waits in the waker's P's queues, so it cannot start before that end
//! on the waker's M; should it start on another M without a steal (whose
//! own arrow replaces the wake's), the renderer leaves that arrow's end
//! out rather than draw it backwards in time. On this machine (a VM where
//! `rdtsc` costs about 28 ns) a read was a third of the recording cost of
//! a channel ping-pong. Arrow ids come from a counter per M (no shared
//! cache line bouncing between Ms); the hot paths build records directly
//! ([`Tracer::seg`], [`Tracer::flow`]), with no [`Ev`] to convert and
//! drop. Rejected: the coarse monotonic clock (15 ns a read here, but
//! 4 ms steps); `rdtscp` and `clock_gettime` (57 and 70 ns); converting to JSON (or any text) at
//! record time, which costs more than the switch itself; a shared ring
//! with atomic slots, whose contended cache lines cost more than a lock
//! taken once per thousand events; copying events from the M's buffer to
//! a shared list (the old design: a copy of every event and a growing
//! deque that moved them all again).
//!
//! `--trace` also pays for the text: Chrome's JSON is about 350 bytes a
//! switch (a segment, and an arrow's two ends), rendered and written by
//! the writer thread, off the Ms but on the machine's CPUs.

use super::g::WaitReason;
use super::primitives::{Arc, AtomicBool, AtomicU64, Mutex, Ordering};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::io::Write as _;
use std::time::Instant;

mod perfetto;

/// Arrow ids of an M are its number + 1 shifted by this, plus its own
/// count (`PCtx::flow_id`); the shared counter ([`Tracer::new_id`], for
/// threads that are not Ms) stays below `1 << M_FLOW_SHIFT`.
pub(super) const M_FLOW_SHIFT: u32 = 36;

/// Records in a buffer: an M hands its buffer over when it is full.
pub(super) const FLUSH: usize = 1024;

/// Empty buffers kept for reuse (beyond these, a returned one is freed).
const POOL: usize = 64;

/// Wake arrows a segment holds back to its end; a segment that wakes
/// more reads the clock for each further one.
const HELD: usize = 4;

/// The bit of an arrow id that says its start was held back to the end
/// of the waker's segment (below the M's number: see [`M_FLOW_SHIFT`]).
pub(super) const HELD_FLOW: u64 = 1 << (M_FLOW_SHIFT - 1);

/// A track of the trace (a "thread" of the JSON format).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Track {
    P(u32),
    M(u32),
    Gc,
}

impl Track {
    fn tid(self) -> u32 {
        match self {
            Track::Gc => 1,
            Track::P(p) => 100 + p,
            Track::M(m) => 10_000 + m,
        }
    }

    /// The track of JSON thread id `tid` ([`Track::tid`]).
    fn of_tid(tid: u32) -> Track {
        match tid {
            1 => Track::Gc,
            t if t >= 10_000 => Track::M(t - 10_000),
            t => Track::P(t.saturating_sub(100)),
        }
    }

    fn name(self) -> String {
        match self {
            Track::Gc => "GC".into(),
            Track::P(p) => format!("P{p}"),
            Track::M(m) => format!("M{m}"),
        }
    }
}

/// How a run segment ended.
#[derive(Clone, Copy, Debug)]
pub enum SegEnd {
    Preempted,
    Yielded,
    Blocked(WaitReason),
    Done,
    Panicked,
    Exit,
    /// The G entered a system call (its P may go to another M).
    Syscall,
}

/// One event as the runtime hands it to the tracer ([`Tracer::record`]
/// turns it into a [`Rec`]; rendered by [`Tracer::write_json`]).
#[derive(Clone, Debug)]
pub enum Ev {
    /// A run segment of goroutine `g` on P `p` by M `m`; `flow_in` is the
    /// arrow that made it runnable (0: none).
    Seg {
        p: u32,
        m: u32,
        g: u64,
        t0: u64,
        t1: u64,
        end: SegEnd,
        flow_in: u64,
    },
    /// A goroutine's function, recorded when it first runs (kept in the
    /// tracer's name table, not as an event).
    Name { g: u64, name: String },
    /// The stretch M `m` held P `p` (a slice `P<p>` on the M's track).
    Held { m: u32, p: u32, t0: u64, t1: u64 },
    /// Goroutine `g` created (an instant `go: G<g>` on `track`).
    Go { track: Track, t: u64, g: u64 },
    /// A slice on a track (M holding a P, a system call, a GC phase, an
    /// assist).
    Span {
        track: Track,
        t0: u64,
        t1: u64,
        name: Cow<'static, str>,
    },
    /// The start of arrow `id` at `t` on `track`; with `host`, a short
    /// slice named `name` is written to carry it (invariant 2).
    FlowOut {
        track: Track,
        t: u64,
        id: u64,
        name: &'static str,
        host: bool,
    },
    /// An instant on a track.
    Instant {
        track: Track,
        t: u64,
        name: Cow<'static, str>,
    },
    /// A sample of a counter's series.
    Counter {
        t: u64,
        name: &'static str,
        series: Vec<(String, i64)>,
    },
    /// A `runtime/trace` task or region: begins or ends async slice `id`.
    Async {
        t: u64,
        begin: bool,
        cat: &'static str,
        id: u64,
        name: String,
    },
}

impl Ev {
    fn time(&self) -> u64 {
        match self {
            Ev::Seg { t1, .. } | Ev::Span { t1, .. } | Ev::Held { t1, .. } => *t1,
            Ev::Name { .. } => 0,
            Ev::FlowOut { t, .. }
            | Ev::Go { t, .. }
            | Ev::Instant { t, .. }
            | Ev::Counter { t, .. }
            | Ev::Async { t, .. } => *t,
        }
    }
}

/// A flight recorder's bounds: the window kept and the most events.
#[derive(Clone, Copy, Debug)]
pub struct FlightRecorder {
    pub window_ns: u64,
    pub max_events: usize,
}

/// The tracer's clock: the time-stamp counter (`rdtsc`) where it is a
/// good clock, else the monotonic clock in nanoseconds.
///
/// The counter is used only on x86-64, when the CPU says it is invariant
/// (`constant_tsc`: it ticks at one rate whatever the frequency;
/// `nonstop_tsc`: it keeps ticking in deep sleep states) and the kernel's
/// own clock source is `tsc` (the kernel checked at boot, and keeps
/// checking, that the counters of every CPU agree; it falls back to
/// another source when they do not). Then the counter is monotonic across
/// threads, as `Instant` is, and a read is one instruction instead of a
/// vDSO call. Its rate is calibrated against `Instant` over the whole
/// trace when the trace is written (two points, as Go's `cputicks` were:
/// the epoch, and the moment of writing, at least
/// [`MIN_CALIBRATION_NS`] apart), so the conversion to nanoseconds is
/// linear and keeps every track's order. Rejected: the kernel's rate
/// (`tsc_known_freq` is not exposed as a number everywhere); a rate
/// measured once at start (a short measurement errs for the whole run).
/// `GOL_TRACE_CLOCK=mono` forces the monotonic clock (to compare the two).
#[derive(Clone, Copy)]
struct Clock {
    epoch: Instant,
    /// The counter at `epoch` (0 when `tsc` is false).
    tsc0: u64,
    tsc: bool,
}

/// The least time between the two calibration points of [`Clock`].
const MIN_CALIBRATION_NS: u64 = 5_000_000;

impl Clock {
    fn new() -> Clock {
        let tsc = tsc_is_a_clock();
        let epoch = Instant::now();
        Clock {
            epoch,
            tsc0: if tsc { rdtsc() } else { 0 },
            tsc,
        }
    }

    /// Ticks since the epoch.
    #[inline]
    fn now(&self) -> u64 {
        if self.tsc {
            rdtsc().saturating_sub(self.tsc0)
        } else {
            self.epoch.elapsed().as_nanos() as u64
        }
    }

    /// Nanoseconds per tick, measured from the epoch to now (waiting until
    /// the two points are far enough apart for a close measurement).
    fn ns_per_tick(&self) -> f64 {
        if !self.tsc {
            return 1.0;
        }
        let left = MIN_CALIBRATION_NS.saturating_sub(self.epoch.elapsed().as_nanos() as u64);
        if left > 0 {
            std::thread::sleep(std::time::Duration::from_nanos(left));
        }
        let (ticks, ns) = (self.now(), self.epoch.elapsed().as_nanos() as u64);
        if ticks == 0 {
            1.0
        } else {
            ns as f64 / ticks as f64
        }
    }

    /// `i` in ticks since the epoch (estimated with the rate so far: the
    /// instants given are recent, so the estimate's error is small).
    fn at(&self, i: Instant) -> u64 {
        let ns_ago = i.elapsed().as_nanos() as u64;
        if !self.tsc {
            return i.saturating_duration_since(self.epoch).as_nanos() as u64;
        }
        let now = self.now();
        let ns = self.epoch.elapsed().as_nanos() as u64;
        let per_ns = if ns == 0 { 1.0 } else { now as f64 / ns as f64 };
        now.saturating_sub((ns_ago as f64 * per_ns) as u64)
    }

    /// `ns` nanoseconds in ticks, at the rate measured so far.
    fn ticks_of(&self, ns: u64) -> u64 {
        if !self.tsc {
            return ns;
        }
        let el = self.epoch.elapsed().as_nanos() as u64;
        if el == 0 {
            return ns;
        }
        (ns as f64 * (self.now() as f64 / el as f64)) as u64
    }
}

#[cfg(target_arch = "x86_64")]
#[inline]
fn rdtsc() -> u64 {
    // SAFETY: `rdtsc` reads the time-stamp counter; it has no memory
    // effects and every x86-64 CPU has it.
    unsafe { std::arch::x86_64::_rdtsc() }
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn rdtsc() -> u64 {
    0
}

/// Whether the time-stamp counter is a clock (see [`Clock`]).
fn tsc_is_a_clock() -> bool {
    if !cfg!(target_arch = "x86_64")
        || std::env::var_os("GOL_TRACE_CLOCK").is_some_and(|v| v == "mono")
    {
        return false;
    }
    let source =
        std::fs::read_to_string("/sys/devices/system/clocksource/clocksource0/current_clocksource")
            .unwrap_or_default();
    if source.trim() != "tsc" {
        return false;
    }
    let cpu = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let flags = cpu.lines().find(|l| l.starts_with("flags")).unwrap_or("");
    let has = |f: &str| flags.split_whitespace().any(|w| w == f);
    has("constant_tsc") && has("nonstop_tsc")
}

/// An event as stored: fixed-size, `Copy`, no heap data (module docs).
/// Tracks are stored as their JSON thread ids ([`Track::tid`]).
#[derive(Clone, Copy, Debug)]
enum Rec {
    /// [`Ev::Seg`] (P ids past `u16::MAX` are stored as that).
    Seg {
        g: u64,
        t0: u64,
        t1: u64,
        flow_in: u64,
        m: u32,
        p: u16,
        end: SegEnd,
    },
    /// [`Ev::FlowOut`].
    Flow {
        t: u64,
        id: u64,
        name: &'static str,
        tid: u32,
        host: bool,
    },
    /// [`Ev::Span`] with a static name.
    Span {
        t0: u64,
        t1: u64,
        name: &'static str,
        tid: u32,
    },
    /// [`Ev::Held`].
    Held { t0: u64, t1: u64, m: u32, p: u32 },
    /// [`Ev::Go`].
    Go { t: u64, g: u64, tid: u32 },
    /// Any other event: index `idx` of its chunk's side list.
    Other { t: u64, idx: u32 },
}

impl Rec {
    fn time(&self) -> u64 {
        match *self {
            Rec::Seg { t1, .. } | Rec::Span { t1, .. } | Rec::Held { t1, .. } => t1,
            Rec::Flow { t, .. } | Rec::Go { t, .. } | Rec::Other { t, .. } => t,
        }
    }
}

/// A buffer of records (an M's own, `PCtx::tbuf`, or the shared one of
/// threads that are not Ms) with the side list of its rare events.
#[derive(Default)]
pub struct MBuf {
    recs: Vec<Rec>,
    other: Vec<Ev>,
    /// A goroutine segment runs on this M ([`Tracer::open`]): the arrows
    /// of its wakes wait for its end ([`Tracer::hold_wake`]).
    open: bool,
    /// Those arrows' ids (the first `held` entries).
    pending: [u64; HELD],
    held: u8,
}

/// A buffer handed over, with when (every record in it is older).
struct Chunk {
    recs: Vec<Rec>,
    other: Vec<Ev>,
    at: u64,
}

/// Recorded events taken from the tracer ([`Tracer::take`]), ready to be
/// written ([`Tracer::write_json`]).
pub struct Events(Vec<Chunk>);

impl Events {
    /// How many events there are.
    pub fn len(&self) -> usize {
        self.0.iter().map(|c| c.recs.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The tracer's shared state (behind `Tracer.store`).
#[derive(Default)]
struct Store {
    /// Chunks kept (flight recorder, `runtime/trace`, or a trace whose
    /// file could not be opened), oldest first.
    chunks: VecDeque<Chunk>,
    /// Records in `chunks`.
    recs: usize,
    /// The buffer of threads that are not Ms.
    loose: MBuf,
    /// The writer thread's inbox, while the trace streams to a file.
    tx: Option<std::sync::mpsc::Sender<Chunk>>,
}

/// Empty buffers, shared with the writer thread, which gives its back.
type Pool = Arc<Mutex<Vec<Vec<Rec>>>>;

/// Goroutine names by id, shared with the writer thread.
type Names = Arc<Mutex<HashMap<u64, String>>>;

fn recycle(pool: &Pool, mut recs: Vec<Rec>) {
    recs.clear();
    let mut p = pool.lock();
    if p.len() < POOL && recs.capacity() >= FLUSH {
        p.push(recs);
    }
}

/// The tracer of one run (`Shared.tracer`).
pub struct Tracer {
    clock: Clock,
    on: AtomicBool,
    /// Raised to ask every M to hand its buffer over at the end of its
    /// slice ([`Tracer::request_flush`]).
    flush_epoch: AtomicU64,
    /// [`Tracer::started`].
    started: AtomicU64,
    flows: AtomicU64,
    ring: Option<FlightRecorder>,
    store: Mutex<Store>,
    pool: Pool,
    /// Names survive the ring's trimming (a segment's name may be older
    /// than the window).
    names: Names,
    /// The writer thread, while the trace streams to a file.
    writer: Mutex<Option<std::thread::JoinHandle<std::io::Result<()>>>>,
    format: TraceFormat,
    /// `format` was chosen ([`Tracer::with_format`]), not the default.
    chosen: bool,
    /// Per M id, the last flush epoch it acknowledged ([`Tracer::ack`]).
    acks: Mutex<Vec<u64>>,
}

impl Tracer {
    /// A tracer recording from now (`on`), or ready for `runtime/trace`
    /// to start it; `ring` makes it a flight recorder.
    pub fn new(on: bool, ring: Option<FlightRecorder>) -> Tracer {
        Tracer {
            clock: Clock::new(),
            on: AtomicBool::new(on),
            flush_epoch: AtomicU64::new(0),
            started: AtomicU64::new(0),
            flows: AtomicU64::new(0),
            ring,
            store: Mutex::new(Store::default()),
            pool: Arc::new(Mutex::new(Vec::new())),
            names: Arc::new(Mutex::new(HashMap::new())),
            writer: Mutex::new(None),
            format: TraceFormat::Json,
            chosen: false,
            acks: Mutex::new(Vec::new()),
        }
    }

    #[inline]
    pub fn on(&self) -> bool {
        self.on.load(Ordering::Relaxed)
    }

    /// Starts or stops recording (`runtime/trace.Start`/`Stop`); false if
    /// it already was in that state.
    pub fn set_on(&self, on: bool) -> bool {
        if on {
            self.started.store(self.now(), Ordering::Relaxed);
        }
        self.on.swap(on, Ordering::AcqRel) != on
    }

    /// When recording last started (a segment running then is recorded
    /// from there).
    pub(super) fn started(&self) -> u64 {
        self.started.load(Ordering::Relaxed)
    }

    pub fn is_flight_recorder(&self) -> bool {
        self.ring.is_some()
    }

    /// Ticks of the tracer's clock since its epoch (the unit of every
    /// event's time; see [`Clock`]).
    #[inline]
    pub fn now(&self) -> u64 {
        self.clock.now()
    }

    /// `i` on the tracer's clock.
    pub fn at(&self, i: Instant) -> u64 {
        self.clock.at(i)
    }

    pub(super) fn new_flow(&self) -> u64 {
        self.flows.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Asks every M to hand its buffered events over as its current slice
    /// ends, or as it next looks for work (`runtime/trace.Stop` then stops
    /// the world, so that every M in a slice has done so when it goes on,
    /// and waits for the others: [`PCtx::trace_wait_flushes`]). Returns
    /// the new flush epoch.
    pub fn request_flush(&self) -> u64 {
        self.flush_epoch.fetch_add(1, Ordering::AcqRel) + 1
    }

    /// M `m` has handed over every event it recorded before it saw flush
    /// epoch `epoch`.
    fn ack(&self, m: i64, epoch: u64) {
        let mut a = self.acks.lock();
        let i = usize::try_from(m).unwrap_or(0);
        if a.len() <= i {
            a.resize(i + 1, 0);
        }
        a[i] = a[i].max(epoch);
    }

    /// The last flush epoch M `m` acknowledged.
    fn acked(&self, m: i64) -> u64 {
        let a = self.acks.lock();
        usize::try_from(m)
            .ok()
            .and_then(|i| a.get(i).copied())
            .unwrap_or(0)
    }

    pub(super) fn flush_epoch(&self) -> u64 {
        self.flush_epoch.load(Ordering::Acquire)
    }

    /// A new id for an async slice (a task or region).
    pub fn new_id(&self) -> u64 {
        self.new_flow()
    }

    /// Records `ev` in `b` (an M's own buffer), handing the buffer over
    /// when it is full.
    #[inline]
    pub(super) fn record(&self, b: &mut MBuf, ev: Ev) {
        if self.put(b, ev) {
            self.append(b);
        }
    }

    /// Stores `r` in `b`, handing the buffer over when it is full (the
    /// hot paths' record: no [`Ev`] to convert or drop).
    #[inline]
    fn push_rec(&self, b: &mut MBuf, r: Rec) {
        if b.recs.capacity() == 0 {
            b.recs = self.fresh();
        }
        b.recs.push(r);
        if b.recs.len() >= FLUSH {
            self.append(b);
        }
    }

    /// A goroutine segment starts on the M of `b` (its wakes may be held).
    #[inline]
    pub(super) fn open(&self, b: &mut MBuf) {
        b.open = true;
    }

    /// Holds the start of wake arrow `id` (which has [`HELD_FLOW`]) to
    /// the end of the open segment of `b`; false when no segment is open
    /// or it holds [`HELD`] already (the caller then records the arrow
    /// with a clock read of its own).
    #[inline]
    pub(super) fn hold_wake(&self, b: &mut MBuf, id: u64) -> bool {
        let n = b.held as usize;
        if !b.open || n >= HELD {
            return false;
        }
        b.pending[n] = id;
        b.held += 1;
        true
    }

    /// Ends the segment open in `b` at `t1` (it began at `t0`): the
    /// arrows it held start on `track`, just inside its end (module docs,
    /// Cost), or, when `track` is an M's, from a host slice there.
    #[inline]
    fn close(&self, b: &mut MBuf, track: Track, t0: u64, t1: u64) {
        b.open = false;
        let n = std::mem::take(&mut b.held) as usize;
        if n == 0 {
            return;
        }
        let host = !matches!(track, Track::P(_));
        // A few ticks before the end, so the arrow binds to this segment
        // and not to the one starting at t1 (a tick of the counter is
        // above 0.2 ns: 8 ticks are at least a nanosecond, the text's
        // resolution; the monotonic clock ticks in nanoseconds).
        let before = if self.clock.tsc { 8 } else { 1 };
        let t = if host {
            t1
        } else {
            t1.saturating_sub(before).max(t0)
        };
        for k in 0..n {
            let id = b.pending[k];
            self.push_rec(
                b,
                Rec::Flow {
                    t,
                    id,
                    name: "wake",
                    tid: track.tid(),
                    host,
                },
            );
        }
    }

    /// Records a run segment (an [`Ev::Seg`]: any other event is
    /// recorded as [`Tracer::record`] does) and ends the open one.
    /// Inlined, the event is built in place, and a segment, which owns
    /// nothing, is not dropped: held as [`std::mem::ManuallyDrop`], it
    /// skips the call to `Ev`'s drop glue (about 25 instructions a
    /// switch, in callgrind) that moving its fields out left.
    #[inline]
    pub(super) fn seg(&self, b: &mut MBuf, ev: Ev) {
        let ev = std::mem::ManuallyDrop::new(ev);
        let Ev::Seg {
            p,
            m,
            g,
            t0,
            t1,
            end,
            flow_in,
        } = *ev
        else {
            return self.record(b, std::mem::ManuallyDrop::into_inner(ev));
        };
        self.close(b, Track::P(p), t0, t1);
        self.push_rec(
            b,
            Rec::Seg {
                g,
                t0,
                t1,
                flow_in,
                m,
                p: u16::try_from(p).unwrap_or(u16::MAX),
                end,
            },
        );
    }

    /// Ends the open segment of an M that holds no P (no segment is
    /// recorded): its held arrows start from host slices on `track`.
    pub(super) fn close_without_p(&self, b: &mut MBuf, track: Track, t: u64) {
        self.close(b, track, t, t);
    }

    /// Records the start of arrow `id` ([`Ev::FlowOut`]).
    #[inline]
    pub(super) fn flow(
        &self,
        b: &mut MBuf,
        track: Track,
        t: u64,
        id: u64,
        name: &'static str,
        host: bool,
    ) {
        self.push_rec(
            b,
            Rec::Flow {
                t,
                id,
                name,
                tid: track.tid(),
                host,
            },
        );
    }

    /// Stores `ev` in `b`; true when `b` is full.
    #[inline]
    fn put(&self, b: &mut MBuf, ev: Ev) -> bool {
        let r = match ev {
            Ev::Seg {
                p,
                m,
                g,
                t0,
                t1,
                end,
                flow_in,
            } => Rec::Seg {
                g,
                t0,
                t1,
                flow_in,
                m,
                p: u16::try_from(p).unwrap_or(u16::MAX),
                end,
            },
            Ev::FlowOut {
                track,
                t,
                id,
                name,
                host,
            } => Rec::Flow {
                t,
                id,
                name,
                tid: track.tid(),
                host,
            },
            Ev::Span {
                track,
                t0,
                t1,
                name: Cow::Borrowed(name),
            } => Rec::Span {
                t0,
                t1,
                name,
                tid: track.tid(),
            },
            Ev::Held { m, p, t0, t1 } => Rec::Held { t0, t1, m, p },
            Ev::Go { track, t, g } => Rec::Go {
                t,
                g,
                tid: track.tid(),
            },
            ev => match self.put_other(&mut b.other, ev) {
                Some(r) => r,
                None => return false,
            },
        };
        if b.recs.capacity() == 0 {
            b.recs = self.fresh();
        }
        b.recs.push(r);
        b.recs.len() >= FLUSH
    }

    /// An event with heap data: a name goes to the table, the others to
    /// the side list.
    #[cold]
    fn put_other(&self, other: &mut Vec<Ev>, ev: Ev) -> Option<Rec> {
        if let Ev::Name { g, name } = ev {
            self.names.lock().insert(g, name);
            return None;
        }
        let t = ev.time();
        let idx = u32::try_from(other.len()).unwrap_or(u32::MAX);
        other.push(ev);
        Some(Rec::Other { t, idx })
    }

    /// An empty buffer from the pool (or a new one).
    fn fresh(&self) -> Vec<Rec> {
        self.pool
            .lock()
            .pop()
            .unwrap_or_else(|| Vec::with_capacity(FLUSH))
    }

    /// Appends an event from a thread without a buffer of its own.
    pub fn push(&self, ev: Ev) {
        let full = {
            let mut st = self.store.lock();
            let st = &mut *st;
            if !self.put(&mut st.loose, ev) {
                return;
            }
            std::mem::take(&mut st.loose)
        };
        self.hand_over(full.recs, full.other);
    }

    /// Hands `b`'s records over (to the writer, the ring or the list),
    /// leaving it empty with a fresh buffer.
    pub(super) fn append(&self, b: &mut MBuf) {
        if b.recs.is_empty() {
            return;
        }
        let recs = std::mem::replace(&mut b.recs, self.fresh());
        let other = std::mem::take(&mut b.other);
        self.hand_over(recs, other);
    }

    fn hand_over(&self, recs: Vec<Rec>, other: Vec<Ev>) {
        let c = Chunk {
            recs,
            other,
            at: self.now(),
        };
        let mut st = self.store.lock();
        let c = match &st.tx {
            // The writer keeps receiving until the end, even after a
            // write failed (it reports the error then).
            Some(tx) => match tx.send(c) {
                Ok(()) => return,
                Err(e) => e.0,
            },
            None => c,
        };
        st.recs += c.recs.len();
        st.chunks.push_back(c);
        if let Some(r) = self.ring {
            self.trim(&mut st, r);
        }
    }

    /// Drops the ring's oldest chunks while the others hold its capacity,
    /// or while they are older than its window.
    fn trim(&self, st: &mut Store, r: FlightRecorder) {
        let newest = self.now();
        let window = self.clock.ticks_of(r.window_ns);
        while st.chunks.len() > 1 {
            let Some(front) = st.chunks.front() else {
                break;
            };
            let full = st.recs - front.recs.len() >= r.max_events;
            let old = front.at.saturating_add(window) < newest;
            if !(full || old) {
                break;
            }
            if let Some(c) = st.chunks.pop_front() {
                st.recs -= c.recs.len();
                recycle(&self.pool, c.recs);
            }
        }
    }

    /// Takes every event recorded so far (`runtime/trace.Stop` writes
    /// them; the next Start begins afresh). A flight recorder's are
    /// trimmed to its window and capacity exactly.
    pub fn take(&self) -> Events {
        let mut chunks: Vec<Chunk> = {
            let mut st = self.store.lock();
            let loose = std::mem::take(&mut st.loose);
            if !loose.recs.is_empty() {
                st.chunks.push_back(Chunk {
                    recs: loose.recs,
                    other: loose.other,
                    at: 0,
                });
            }
            st.recs = 0;
            st.chunks.drain(..).collect()
        };
        if let Some(r) = self.ring {
            let now = self.now();
            let window = self.clock.ticks_of(r.window_ns);
            let total: usize = chunks.iter().map(|c| c.recs.len()).sum();
            let mut excess = total.saturating_sub(r.max_events);
            for c in &mut chunks {
                c.recs.retain(|rec| {
                    if excess > 0 {
                        excess -= 1;
                        return false;
                    }
                    rec.time().saturating_add(window) >= now
                });
            }
        }
        Events(chunks)
    }

    /// Streams the trace to `path` from now on: a writer thread renders
    /// every chunk handed over, as it comes (module docs). False if the
    /// file cannot be created or the thread started: the events then stay
    /// in memory, and [`Tracer::write_to`] reports the error.
    ///
    /// The writer converts ticks to nanoseconds at the rate measured from
    /// the epoch to its first chunk (at least [`MIN_CALIBRATION_NS`]
    /// later): one linear map for the whole file, so every track keeps
    /// its order; the rate of an invariant counter is constant, so the
    /// measurement's error (parts in a million) only stretches the scale.
    pub fn stream_to(&self, path: &std::path::Path) -> bool {
        let Ok(file) = std::fs::File::create(path) else {
            return false;
        };
        let (tx, rx) = std::sync::mpsc::channel::<Chunk>();
        let (clock, names, pool) = (self.clock, self.names.clone(), self.pool.clone());
        let format = self.format;
        let spawned = std::thread::Builder::new()
            .name("gol-trace-writer".into())
            .spawn(move || {
                let mut w = file;
                // The first chunk comes at least MIN_CALIBRATION_NS after
                // the epoch, or nothing was recorded (an empty trace).
                let first = rx.recv().ok();
                let mut r = Out::new(format, clock.ns_per_tick(), names);
                let mut result = Ok(());
                for c in first.into_iter().chain(rx.iter()) {
                    if result.is_ok() {
                        result = r.chunk(&c, &mut w);
                    }
                    recycle(&pool, c.recs);
                }
                result?;
                r.end(&mut w)
            });
        let Ok(h) = spawned else {
            return false;
        };
        self.store.lock().tx = Some(tx);
        *self.writer.lock() = Some(h);
        true
    }

    /// Writes the whole trace to `path`: ends the stream (the writer
    /// renders what is left and closes the document) if there is one,
    /// else renders every event held into a new file.
    pub fn write_to(&self, path: &std::path::Path) -> std::io::Result<()> {
        let writer = self.writer.lock().take();
        let Some(h) = writer else {
            let evs = self.take();
            let mut f = std::fs::File::create(path)?;
            return self.write_events(&evs, &mut f);
        };
        let rest = self.take();
        let tx = self.store.lock().tx.take();
        if let Some(tx) = tx {
            for c in rest.0 {
                // A send fails only when the writer has ended (a Rust
                // panic there); join reports it.
                let _ = tx.send(c);
            }
        }
        match h.join() {
            Ok(r) => r,
            Err(_) => Err(std::io::Error::other("the trace writer stopped")),
        }
    }

    /// The events as a Chrome trace-event JSON document.
    pub fn json(&self, evs: &Events) -> String {
        let mut out = Vec::with_capacity(evs.len() * 120 + 256);
        // Writing to a vector cannot fail.
        let _ = self.write_json(evs, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes the events as a Chrome trace-event JSON document to `w`
    /// (buffered here: give it the file itself).
    pub fn write_json(&self, evs: &Events, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.write_as(TraceFormat::Json, evs, w)
    }

    /// Writes the events in the tracer's format ([`Tracer::with_format`]).
    pub fn write_events(&self, evs: &Events, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.write_as(self.format, evs, w)
    }

    fn write_as(
        &self,
        format: TraceFormat,
        evs: &Events,
        w: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let mut r = Out::new(format, self.clock.ns_per_tick(), self.names.clone());
        for c in &evs.0 {
            r.chunk(c, w)?;
        }
        r.end(w)
    }

    /// The events in `format`, in memory.
    pub fn render(&self, format: TraceFormat, evs: &Events) -> Vec<u8> {
        let mut out = Vec::with_capacity(evs.len() * 40 + 256);
        // Writing to a vector cannot fail.
        let _ = self.write_as(format, evs, &mut out);
        out
    }

    /// The tracer's file format.
    pub fn format(&self) -> TraceFormat {
        self.format
    }

    /// The format chosen with [`Tracer::with_format`] (None: the default,
    /// JSON, which `runtime/trace.Stop` may replace by its file's name).
    pub fn chosen_format(&self) -> Option<TraceFormat> {
        self.chosen.then_some(self.format)
    }

    /// The tracer, writing `format` ([`Tracer::write_to`], the stream,
    /// `runtime/trace.Stop`).
    pub fn with_format(mut self, format: TraceFormat) -> Tracer {
        self.format = format;
        self.chosen = true;
        self
    }
}

/// How long `runtime/trace.Stop` waits for the Ms outside the world to
/// hand their events over (an M in a long system call never does: it
/// handed them over as it entered the call, [`PCtx::entersyscall`]).
/// A spinning M acknowledges as soon as its thread runs, so the bound
/// is reached only when the OS does not run it: 50 ms lost final
/// segments of tests/trace/stop_flush.go on two cores under a load of
/// about 11 runnable threads, whose time slices outlast it.
const STOP_WAIT: std::time::Duration = std::time::Duration::from_millis(500);

use super::pctx::PCtx;

impl<E: super::Executor> PCtx<E> {
    /// Hands this M's events over if a flush was asked for since it last
    /// did ([`Tracer::request_flush`]), and says so. Called as a slice
    /// ends (before the M leaves the world) and each time the M looks for
    /// work: an M that is spinning, outside the world, is not waited for
    /// by a stop of the world, and without this its last segments (and
    /// the steals and hand-offs it records while spinning) stayed in its
    /// buffer until it parked or ran again, after `Stop` had written the
    /// trace.
    #[inline]
    pub(super) fn trace_ack(&self) {
        if let Some(t) = self.sh.tracer.as_deref() {
            let e = t.flush_epoch();
            if e != self.trace_seen.get() {
                self.trace_seen.set(e);
                self.trace_flush();
                t.ack(self.m.id, e);
            }
        }
    }

    /// `runtime/trace.Stop`, after the stop of the world that follows
    /// [`Tracer::request_flush`] returned epoch `e`: waits until every
    /// other M has acknowledged it or is parked (an M flushes before it
    /// parks), at most [`STOP_WAIT`].
    pub fn trace_wait_flushes(&self, e: u64) {
        let Some(t) = self.sh.tracer.as_deref() else {
            return;
        };
        let ms = self.sh.lock.lock().allm.clone();
        let deadline = std::time::Instant::now() + STOP_WAIT;
        for m in ms.iter().filter(|m| !Arc::ptr_eq(m, &self.m)) {
            // Acquire: pairs with the Release of `stopm`'s store, after
            // the M handed its buffer over.
            while t.acked(m.id) < e && !m.blocked.load(Ordering::Acquire) {
                if std::time::Instant::now() > deadline {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_micros(50));
            }
        }
    }
}

/// A trace's file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TraceFormat {
    /// Chrome's trace-event JSON (chrome://tracing, ui.perfetto.dev).
    #[default]
    Json,
    /// Perfetto's protobuf trace (ui.perfetto.dev, trace_processor):
    /// about a sixth of the bytes ([`perfetto`]).
    Perfetto,
}

impl TraceFormat {
    /// The format a file's name asks for: Perfetto's for `.pftrace` and
    /// `.perfetto-trace` (the extensions Perfetto's tools use), else JSON.
    pub fn for_path(path: &std::path::Path) -> TraceFormat {
        let name = path.to_string_lossy();
        if name.ends_with(".pftrace") || name.ends_with(".perfetto-trace") {
            TraceFormat::Perfetto
        } else {
            TraceFormat::Json
        }
    }

    /// `json` or `perfetto` (`--trace-format`).
    pub fn parse(s: &str) -> Option<TraceFormat> {
        match s {
            "json" => Some(TraceFormat::Json),
            "perfetto" | "proto" | "protobuf" => Some(TraceFormat::Perfetto),
            _ => None,
        }
    }
}

/// A renderer of either format.
enum Out {
    Json(Render),
    Proto(Box<perfetto::Proto>),
}

impl Out {
    /// A renderer that has begun its document.
    fn new(format: TraceFormat, ns_per_tick: f64, names: Names) -> Out {
        let scale = Scale::new(ns_per_tick);
        match format {
            TraceFormat::Json => {
                let mut r = Render::new(scale, names);
                r.begin();
                Out::Json(r)
            }
            TraceFormat::Perfetto => {
                let mut r = perfetto::Proto::new(scale, names);
                r.begin();
                Out::Proto(Box::new(r))
            }
        }
    }

    fn chunk(&mut self, c: &Chunk, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        match self {
            Out::Json(r) => r.chunk(c, w),
            Out::Proto(r) => r.chunk(c, w),
        }
    }

    fn end(&mut self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        match self {
            Out::Json(r) => r.end(w),
            Out::Proto(r) => r.end_doc(w),
        }
    }
}

/// Ticks to nanoseconds for the renderers: the calibrated rate
/// ([`Clock::ns_per_tick`]) as a fixed-point number with 32 fraction
/// bits, so a conversion is one widening multiply and a shift (the
/// float's conversions to and from u64 took about 45 instructions a
/// goroutine switch in the protobuf writer). The rate's error, under
/// 2^-32 of a nanosecond per tick, stretches the scale only.
#[derive(Clone, Copy)]
pub(super) struct Scale(u64);

impl Scale {
    fn new(ns_per_tick: f64) -> Scale {
        // The rate is a few nanoseconds per tick at most; a rate that
        // makes no sense (zero, not a number) is one per tick.
        let fixed = (ns_per_tick * 4_294_967_296.0).round();
        if fixed.is_finite() && fixed >= 1.0 && fixed < u64::MAX as f64 {
            Scale(fixed as u64)
        } else {
            Scale(1 << 32)
        }
    }

    #[inline]
    pub(super) fn ns(self, ticks: u64) -> u64 {
        let ns = (u128::from(ticks) * u128::from(self.0)) >> 32;
        u64::try_from(ns).unwrap_or(u64::MAX)
    }
}

/// The renderer hands its text to the writer in chunks of this size.
const RENDER_CHUNK: usize = 1 << 16;

/// Renders records as Chrome trace-event JSON, a chunk at a time: digits
/// by hand and each goroutine's label made once, so no event allocates.
struct Render {
    out: Vec<u8>,
    scale: Scale,
    /// `"G<id> <function>"`, quoted and escaped, per goroutine.
    labels: HashMap<u64, Vec<u8>, std::hash::BuildHasherDefault<IdHasher>>,
    names: Names,
    /// The tracks used so far (their names are written at the end), and
    /// a bit per track id below 64 * `seen.len()` for those in the set.
    tracks: BTreeSet<u32>,
    seen: Vec<u64>,
    first: bool,
}

/// `"00"`, `"01"`, ... `"99"`.
const DIGIT_PAIRS: [u8; 200] = {
    let mut t = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        t[2 * i] = b'0' + (i / 10) as u8;
        t[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    t
};

/// A hasher for goroutine ids (the renderer's label cache): a multiply,
/// where the default hasher's SipHash guards against chosen keys the ids
/// cannot be.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0 ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

impl Render {
    fn new(scale: Scale, names: Names) -> Render {
        Render {
            out: Vec::with_capacity(RENDER_CHUNK + 4096),
            scale,
            labels: HashMap::default(),
            names,
            tracks: BTreeSet::from([Track::Gc.tid()]),
            // Track ids below 20,000: the GC, the Ps and 10,000 Ms.
            seen: vec![0; 20_000 / 64 + 1],
            first: true,
        }
    }

    /// Inlined, so a constant text is a few stores, not a call.
    #[inline(always)]
    fn s(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    /// Decimal digits, two at a time.
    fn u(&mut self, mut v: u64) {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        while v >= 100 {
            let d = (v % 100) as usize * 2;
            v /= 100;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&DIGIT_PAIRS[d..d + 2]);
        }
        if v >= 10 {
            let d = v as usize * 2;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&DIGIT_PAIRS[d..d + 2]);
        } else {
            i -= 1;
            buf[i] = b'0' + v as u8;
        }
        self.out.extend_from_slice(&buf[i..]);
    }

    /// Notes that track `tid` has events (a bit per track for the
    /// usual ids, so the set is touched once per track).
    #[inline]
    fn track(&mut self, tid: u32) {
        let (word, bit) = (tid as usize / 64, 1u64 << (tid % 64));
        match self.seen.get_mut(word) {
            Some(w) if *w & bit != 0 => {}
            Some(w) => {
                *w |= bit;
                self.tracks.insert(tid);
            }
            None => {
                self.tracks.insert(tid);
            }
        }
    }

    fn i(&mut self, v: i64) {
        if v < 0 {
            self.out.push(b'-');
        }
        self.u(v.unsigned_abs());
    }

    #[inline]
    fn ns(&self, ticks: u64) -> u64 {
        self.scale.ns(ticks)
    }

    /// Microseconds with nanosecond digits (the format's unit is µs).
    fn us(&mut self, ns: u64) {
        self.u(ns / 1000);
        let f = ns % 1000;
        self.out.extend_from_slice(&[
            b'.',
            b'0' + (f / 100) as u8,
            b'0' + (f / 10 % 10) as u8,
            b'0' + (f % 10) as u8,
        ]);
    }

    #[inline]
    fn ts(&mut self, ticks: u64) {
        let ns = self.ns(ticks);
        self.us(ns);
    }

    fn dur(&mut self, t0: u64, t1: u64) {
        let d = self.ns(t1).saturating_sub(self.ns(t0)).max(1);
        self.us(d);
    }

    fn str(&mut self, s: &str) {
        json_str(&mut self.out, s);
    }

    fn sep(&mut self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        if self.out.len() >= RENDER_CHUNK {
            w.write_all(&self.out)?;
            self.out.clear();
        }
        if !self.first {
            self.s(",\n");
        }
        self.first = false;
        Ok(())
    }

    fn label(&mut self, g: u64) {
        if let Some(l) = self.labels.get(&g) {
            self.out.extend_from_slice(l);
            return;
        }
        let text = match self.names.lock().get(&g) {
            Some(n) => format!("G{g} {n}"),
            None => format!("G{g}"),
        };
        let mut q = Vec::new();
        json_str(&mut q, &text);
        self.out.extend_from_slice(&q);
        self.labels.insert(g, q);
    }

    fn begin(&mut self) {
        self.s("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
    }

    /// A slice (`X`) of category `cat` on track `tid`, named by `name`
    /// (which writes the quoted name).
    fn slice(&mut self, cat: &str, tid: u32, t0: u64, t1: u64, name: impl FnOnce(&mut Self)) {
        self.track(tid);
        self.s("{\"ph\":\"X\",\"cat\":\"");
        self.s(cat);
        self.s("\",\"name\":");
        name(self);
        self.s(",\"ts\":");
        self.ts(t0);
        self.s(",\"dur\":");
        self.dur(t0, t1);
        self.s(",\"pid\":1,\"tid\":");
        self.u(u64::from(tid));
        self.s("}");
    }

    /// Renders a chunk's records (any order; the viewer sorts them).
    fn chunk(&mut self, c: &Chunk, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        for r in &c.recs {
            self.sep(w)?;
            match *r {
                Rec::Seg {
                    g,
                    t0,
                    t1,
                    flow_in,
                    m,
                    p,
                    end,
                } => {
                    let tid = Track::P(u32::from(p)).tid();
                    self.track(tid);
                    self.s("{\"ph\":\"X\",\"cat\":\"goroutine\",\"name\":");
                    self.label(g);
                    self.s(",\"ts\":");
                    self.ts(t0);
                    self.s(",\"dur\":");
                    self.dur(t0, t1);
                    self.s(",\"pid\":1,\"tid\":");
                    self.u(u64::from(tid));
                    self.s(",\"args\":{\"goid\":");
                    self.u(g);
                    self.s(",\"M\":");
                    self.u(u64::from(m));
                    self.s(",\"end\":\"");
                    match end {
                        SegEnd::Preempted => self.s("preempted"),
                        SegEnd::Yielded => self.s("yielded"),
                        SegEnd::Blocked(r) => {
                            self.s("blocked: ");
                            self.s(r.as_str());
                        }
                        SegEnd::Done => self.s("done"),
                        SegEnd::Panicked => self.s("panicked"),
                        SegEnd::Exit => self.s("exit"),
                        SegEnd::Syscall => self.s("system call"),
                    }
                    self.s("\"}}");
                    // A held arrow starts at the end of its waker's
                    // segment: it ends here only if this segment comes
                    // after it, which it does on the waker's own M (one
                    // segment at a time); a G the waker's queue lost to
                    // another M without a steal (an overflow to the
                    // global queue, a P handed over) has no arrow.
                    if arrow_ends_here(flow_in, m) {
                        self.sep(w)?;
                        self.s(
                            "{\"ph\":\"f\",\"bp\":\"e\",\"cat\":\"flow\",\"name\":\"wake\",\"id\":",
                        );
                        self.u(flow_in);
                        self.s(",\"pid\":1,\"tid\":");
                        self.u(u64::from(tid));
                        self.s(",\"ts\":");
                        self.ts(t0);
                        self.s("}");
                    }
                }
                Rec::Flow {
                    t,
                    id,
                    name,
                    tid,
                    host,
                } => {
                    if host {
                        // One nanosecond: between two segments of the track.
                        self.slice("event", tid, t, t, |r| {
                            r.s("\"");
                            r.s(name);
                            r.s("\"");
                        });
                        self.sep(w)?;
                    }
                    self.track(tid);
                    self.s("{\"ph\":\"s\",\"cat\":\"flow\",\"name\":\"wake\",\"id\":");
                    self.u(id);
                    self.s(",\"pid\":1,\"tid\":");
                    self.u(u64::from(tid));
                    // Inside the host slice (or the waker's segment).
                    self.s(",\"ts\":");
                    self.ts(t);
                    self.s("}");
                }
                Rec::Span { t0, t1, name, tid } => {
                    let cat = if tid >= Track::M(0).tid() { "m" } else { "gc" };
                    self.slice(cat, tid, t0, t1, |r| r.str(name));
                }
                Rec::Held { t0, t1, m, p } => {
                    self.slice("m", Track::M(m).tid(), t0, t1, |r| {
                        r.s("\"P");
                        r.u(u64::from(p));
                        r.s("\"");
                    });
                }
                Rec::Go { t, g, tid } => {
                    self.track(tid);
                    self.s("{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"event\",\"name\":\"go: G");
                    self.u(g);
                    self.s("\",\"ts\":");
                    self.ts(t);
                    self.s(",\"pid\":1,\"tid\":");
                    self.u(u64::from(tid));
                    self.s("}");
                }
                Rec::Other { idx, .. } => match c.other.get(idx as usize) {
                    Some(e) => self.other(e),
                    // Unreachable (invariant 4); an empty object keeps
                    // the document valid.
                    None => self.s("{}"),
                },
            }
        }
        Ok(())
    }

    /// A rare event, from a chunk's side list.
    fn other(&mut self, e: &Ev) {
        match e {
            Ev::Span {
                track,
                t0,
                t1,
                name,
            } => {
                let cat = if matches!(track, Track::M(_)) {
                    "m"
                } else {
                    "gc"
                };
                self.slice(cat, track.tid(), *t0, *t1, |r| r.str(name));
            }
            Ev::Instant { track, t, name } => {
                let tid = track.tid();
                self.track(tid);
                self.s("{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"event\",\"name\":");
                self.str(name);
                self.s(",\"ts\":");
                self.ts(*t);
                self.s(",\"pid\":1,\"tid\":");
                self.u(u64::from(tid));
                self.s("}");
            }
            Ev::Counter { t, name, series } => {
                self.s("{\"ph\":\"C\",\"name\":\"");
                self.s(name);
                self.s("\",\"pid\":1,\"ts\":");
                self.ts(*t);
                self.s(",\"args\":{");
                for (k, (s, v)) in series.iter().enumerate() {
                    if k > 0 {
                        self.s(",");
                    }
                    self.str(s);
                    self.s(":");
                    self.i(*v);
                }
                self.s("}}");
            }
            Ev::Async {
                t,
                begin,
                cat,
                id,
                name,
            } => {
                self.s(if *begin {
                    "{\"ph\":\"b\",\"cat\":\""
                } else {
                    "{\"ph\":\"e\",\"cat\":\""
                });
                self.s(cat);
                self.s("\",\"id\":");
                self.u(*id);
                self.s(",\"name\":");
                self.str(name);
                self.s(",\"ts\":");
                self.ts(*t);
                self.s(",\"pid\":1}");
            }
            // The others are records of their own (Tracer::put); as a
            // side event, an instant with what it was.
            e => {
                let tid = Track::Gc.tid();
                self.s("{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"event\",\"name\":");
                self.str(&format!("{e:?}"));
                self.s(",\"ts\":");
                self.ts(e.time());
                self.s(",\"pid\":1,\"tid\":");
                self.u(u64::from(tid));
                self.s("}");
            }
        }
    }

    /// Closes the document: track names and order (GC, then the Ps,
    /// then the Ms), and hands the rest of the text to `w`.
    fn end(&mut self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.sep(w)?;
        self.s("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"args\":{\"name\":\"gol\"}}");
        for tid in std::mem::take(&mut self.tracks) {
            let t = Track::of_tid(tid);
            self.sep(w)?;
            self.s("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":");
            self.u(u64::from(tid));
            self.s(",\"args\":{\"name\":\"");
            self.s(&t.name());
            self.s("\"}}");
            self.sep(w)?;
            self.s("{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":1,\"tid\":");
            self.u(u64::from(tid));
            self.s(",\"args\":{\"sort_index\":");
            self.u(u64::from(tid));
            self.s("}}");
        }
        self.s("\n]}\n");
        w.write_all(&self.out)?;
        self.out.clear();
        w.flush()
    }
}

/// Whether arrow `flow_in` (0: none) is drawn into a segment run by M
/// `m`: a held arrow starts at the end of its waker's segment, so it ends
/// only on the waker's own M, whose segments come one at a time (module
/// docs, Cost).
fn arrow_ends_here(flow_in: u64, m: u32) -> bool {
    let held_elsewhere = flow_in & HELD_FLOW != 0 && flow_in >> M_FLOW_SHIFT != u64::from(m) + 1;
    flow_in != 0 && !held_elsewhere
}

fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    for c in s.chars() {
        match c {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let mut b = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
            }
        }
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(evs: &Events) -> Vec<u64> {
        evs.0
            .iter()
            .flat_map(|c| c.recs.iter().map(Rec::time))
            .collect()
    }

    #[test]
    fn a_flight_recorder_keeps_its_window_and_capacity() {
        let t = Tracer::new(
            true,
            Some(FlightRecorder {
                window_ns: u64::MAX / 4,
                max_events: 3,
            }),
        );
        for i in 0..10 {
            t.push(Ev::Instant {
                track: Track::Gc,
                t: i,
                name: "x".into(),
            });
        }
        assert_eq!(times(&t.take()), vec![7, 8, 9]);
    }

    /// The ring drops whole chunks as they come, so a flight recorder
    /// holds at most its capacity and one buffer, however long the run.
    #[test]
    fn a_flight_recorder_stays_bounded_while_recording() {
        let max = 3 * FLUSH;
        let t = Tracer::new(
            true,
            Some(FlightRecorder {
                window_ns: u64::MAX / 4,
                max_events: max,
            }),
        );
        let mut b = MBuf::default();
        for i in 0..20 * FLUSH as u64 {
            t.record(&mut b, seg(i, i));
            let held = t.store.lock().recs;
            assert!(held <= max + FLUSH, "{held} records held");
        }
        t.append(&mut b);
        let kept = times(&t.take());
        // A segment's time is its end, one tick after its start.
        let newest = 20 * FLUSH as u64;
        assert_eq!(kept.len(), max);
        assert_eq!(kept.last(), Some(&newest));
        assert_eq!(kept[0], newest + 1 - max as u64);
        // Its buffers went back to the pool, for the next chunks.
        assert!(!t.pool.lock().is_empty());
    }

    /// A tracer whose ticks are nanoseconds, for exact expectations.
    fn tracer_ns() -> Tracer {
        let mut t = Tracer::new(true, None);
        t.clock.tsc = false;
        t.clock.tsc0 = 0;
        t
    }

    fn seg(g: u64, t: u64) -> Ev {
        Ev::Seg {
            p: 0,
            m: 0,
            g,
            t0: t,
            t1: t + 1,
            end: SegEnd::Yielded,
            flow_in: 0,
        }
    }

    /// The records of the hot paths are small and fixed, so a switch
    /// stores a few words (module docs, Cost).
    #[test]
    fn records_are_forty_bytes() {
        assert!(
            std::mem::size_of::<Rec>() <= 40,
            "{}",
            std::mem::size_of::<Rec>()
        );
    }

    /// Whatever the clock, a stretch measured on it comes out of the
    /// writer as the nanoseconds it lasted, and in order.
    #[test]
    fn the_clock_converts_to_nanoseconds() {
        let t = Tracer::new(true, None);
        let a = t.now();
        let i = Instant::now();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let b = t.now();
        let real = i.elapsed().as_nanos() as f64;
        let k = t.clock.ns_per_tick();
        let got = (b - a) as f64 * k;
        assert!(
            (got / real - 1.0).abs() < 0.1,
            "{got} ns for {real} ns (tsc: {})",
            t.clock.tsc
        );
        // `at` places an instant between the readings around it.
        let at = t.at(i);
        assert!(at + at / 10 >= a && at <= b, "{a} <= {at} <= {b}");
    }

    #[test]
    fn renders_names_escapes_and_track_metadata() {
        let t = tracer_ns();
        let mut b = MBuf::default();
        t.record(
            &mut b,
            Ev::Name {
                g: 7,
                name: "main.\"w\"".into(),
            },
        );
        t.record(
            &mut b,
            Ev::Seg {
                p: 1,
                m: 2,
                g: 7,
                t0: 1500,
                t1: 2500,
                end: SegEnd::Blocked(WaitReason::ChanReceive),
                flow_in: 3,
            },
        );
        t.record(
            &mut b,
            Ev::Held {
                m: 2,
                p: 1,
                t0: 1000,
                t1: 3000,
            },
        );
        t.record(
            &mut b,
            Ev::Go {
                track: Track::P(1),
                t: 2000,
                g: 8,
            },
        );
        t.append(&mut b);
        let j = t.json(&t.take());
        assert!(
            j.contains("\"name\":\"G7 main.\\\"w\\\"\",\"ts\":1.500,\"dur\":1.000"),
            "{j}"
        );
        assert!(j.contains("\"end\":\"blocked: chan receive\""), "{j}");
        assert!(j.contains("\"ph\":\"f\",\"bp\":\"e\""), "{j}");
        assert!(j.contains("\"args\":{\"name\":\"P1\"}"), "{j}");
        assert!(
            j.contains("{\"ph\":\"X\",\"cat\":\"m\",\"name\":\"P1\",\"ts\":1.000,\"dur\":2.000,\"pid\":1,\"tid\":10002}"),
            "{j}"
        );
        assert!(j.contains("\"name\":\"go: G8\",\"ts\":2.000"), "{j}");
        assert!(j.contains("\"args\":{\"name\":\"M2\"}"), "{j}");
    }

    /// A wake held to the end of its segment starts its arrow just inside
    /// that segment; the arrow ends only in a later segment of the same
    /// M (on another M the wakee might have started first).
    #[test]
    fn held_wakes_start_at_their_segments_end() {
        let t = tracer_ns();
        let mut b = MBuf::default();
        let id = |m: u64, n: u64| ((m + 1) << M_FLOW_SHIFT) | HELD_FLOW | n;
        t.open(&mut b);
        assert!(t.hold_wake(&mut b, id(0, 1)));
        assert!(t.hold_wake(&mut b, id(0, 2)));
        let seg = |p, g, t0, end, flow_in| Ev::Seg {
            p,
            m: p,
            g,
            t0,
            t1: t0 + 1000,
            end,
            flow_in,
        };
        t.seg(&mut b, seg(0, 5, 1000, SegEnd::Yielded, 0));
        // Closed: a wake now is not held.
        assert!(!t.hold_wake(&mut b, id(0, 3)));
        t.open(&mut b);
        t.seg(&mut b, seg(0, 6, 2000, SegEnd::Done, id(0, 1)));
        t.open(&mut b);
        t.seg(&mut b, seg(1, 7, 2500, SegEnd::Done, id(0, 2)));
        t.append(&mut b);
        let j = t.json(&t.take());
        for n in [1, 2] {
            let s = format!("\"id\":{},\"pid\":1,\"tid\":100,\"ts\":1.999}}", id(0, n));
            assert!(j.contains(&s), "{s} in {j}");
        }
        assert!(
            j.contains(&format!(
                "\"id\":{},\"pid\":1,\"tid\":100,\"ts\":2.000}}",
                id(0, 1)
            )),
            "{j}"
        );
        assert_eq!(j.matches("\"ph\":\"f\"").count(), 1, "{j}");
    }

    /// A streamed trace is the document the in-memory writer makes of
    /// the same events (the same events, in chunks, whole at the end).
    #[test]
    fn a_streamed_trace_is_the_whole_document() {
        let dir = std::env::temp_dir().join(format!("gol-tracer-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("streamed.json");
        let n = 3 * FLUSH as u64 + 17;
        let record = |t: &Tracer| {
            let mut b = MBuf::default();
            t.record(
                &mut b,
                Ev::Name {
                    g: 5,
                    name: "main.worker".into(),
                },
            );
            for i in 0..n {
                t.record(&mut b, seg(5, 10 * i));
            }
            t.push(Ev::Counter {
                t: 3,
                name: "goroutines",
                series: vec![("goroutines".into(), 2)],
            });
            t.append(&mut b);
        };
        let s = tracer_ns();
        assert!(s.stream_to(&path));
        record(&s);
        s.write_to(&path).unwrap();
        let streamed = std::fs::read_to_string(&path).unwrap();
        let m = tracer_ns();
        record(&m);
        let whole = m.json(&m.take());
        let mut a: Vec<&str> = streamed.lines().map(|l| l.trim_end_matches(',')).collect();
        let mut b: Vec<&str> = whole.lines().map(|l| l.trim_end_matches(',')).collect();
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
        assert_eq!(
            streamed.matches("\"name\":\"G5 main.worker\"").count(),
            n as usize
        );
        assert!(
            streamed.starts_with("{\"displayTimeUnit\""),
            "{streamed:.80}"
        );
        assert!(streamed.ends_with("\n]}\n"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
