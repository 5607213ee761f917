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
//! Events are small values ([`Ev`]) rendered only when the trace is
//! written. An M appends to a buffer of its own ([`PCtx`]'s `tbuf`, no
//! lock) and hands it to the shared list every [`FLUSH`] events and when
//! it stops; threads that are not Ms (sysmon, the collector's) append to
//! the shared list directly. So the shared lock is taken once per
//! [`FLUSH`] segments, not per event.
//!
//! The flight recorder keeps the shared list as a ring: events older than
//! its window, or past its capacity, are dropped as new ones come, and the
//! ring is written only if the run ends in a panic, a fatal error or a
//! deadlock.
//!
//! # Invariants
//! 1. With no tracer (`Shared.tracer` is None) no hook does more than
//!    test that Option; a tracer that is off (`runtime/trace` not started)
//!    costs one atomic load per hook.
//! 2. Every flow that ends (`f`) was started (`s`) by the same id, and an
//!    `s` event always lies inside a slice on its track (the waker's
//!    segment, or a short host slice written with it), so Perfetto draws
//!    every arrow between two slices.
//! 3. Timestamps are ticks of one clock for every thread since the
//!    tracer's epoch ([`Clock`]), converted to nanoseconds when the trace
//!    is written. A P's goroutine segments come from the M holding it,
//!    one at a time, so they never overlap; events reach the shared list
//!    in batches, out of order, and the viewer sorts them.
//!
//! # Cost
//! A goroutine switch records one segment, and a wakeup one arrow: a
//! fixed-size event pushed on the M's own vector, three clock reads per
//! switch (segment start, segment end, wake) and no allocation or
//! formatting (names and texts are made when the trace is written). The
//! clock is the CPU's time-stamp counter where the kernel itself keeps
//! time by it ([`Clock`]): a read costs a fraction of
//! `clock_gettime`'s. Arrow ids come from a counter per M (no shared
//! cache line bouncing between Ms). Writing renders the events straight
//! into a buffered file, without building the document in memory.

use super::g::WaitReason;
use super::primitives::{AtomicBool, AtomicU64, Mutex, Ordering};
use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::io::Write as _;
use std::time::Instant;

/// Arrow ids of an M are its number + 1 shifted by this, plus its own
/// count (`PCtx::flow_id`); the shared counter ([`Tracer::new_id`], for
/// threads that are not Ms) stays below `1 << M_FLOW_SHIFT`.
pub(super) const M_FLOW_SHIFT: u32 = 36;

/// An M hands its buffer to the shared list after this many events.
pub(super) const FLUSH: usize = 512;

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

/// One recorded event (rendered by [`Tracer::write_json`]).
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
    /// A goroutine's function, recorded when it first runs.
    Name { g: u64, name: String },
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
            Ev::Seg { t1, .. } | Ev::Span { t1, .. } => *t1,
            Ev::Name { .. } => 0,
            Ev::FlowOut { t, .. }
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

/// The tracer of one run (`Shared.tracer`).
pub struct Tracer {
    clock: Clock,
    on: AtomicBool,
    /// Raised to ask every M to hand its buffer over at the end of its
    /// slice ([`Tracer::request_flush`]).
    flush_epoch: AtomicU64,
    flows: AtomicU64,
    ring: Option<FlightRecorder>,
    events: Mutex<VecDeque<Ev>>,
    /// Names survive the ring's trimming (a segment's name may be older
    /// than the window).
    names: Mutex<HashMap<u64, String>>,
}

impl Tracer {
    /// A tracer recording from now (`on`), or ready for `runtime/trace`
    /// to start it; `ring` makes it a flight recorder.
    pub fn new(on: bool, ring: Option<FlightRecorder>) -> Tracer {
        Tracer {
            clock: Clock::new(),
            on: AtomicBool::new(on),
            flush_epoch: AtomicU64::new(0),
            flows: AtomicU64::new(0),
            ring,
            events: Mutex::new(VecDeque::new()),
            names: Mutex::new(HashMap::new()),
        }
    }

    #[inline]
    pub fn on(&self) -> bool {
        self.on.load(Ordering::Relaxed)
    }

    /// Starts or stops recording (`runtime/trace.Start`/`Stop`); false if
    /// it already was in that state.
    pub fn set_on(&self, on: bool) -> bool {
        self.on.swap(on, Ordering::AcqRel) != on
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
    /// ends (`runtime/trace.Stop` then stops the world, so that every M
    /// has done so when it goes on).
    pub fn request_flush(&self) {
        self.flush_epoch.fetch_add(1, Ordering::AcqRel);
    }

    pub(super) fn flush_epoch(&self) -> u64 {
        self.flush_epoch.load(Ordering::Acquire)
    }

    /// A new id for an async slice (a task or region).
    pub fn new_id(&self) -> u64 {
        self.new_flow()
    }

    /// Appends events from a thread without a buffer of its own.
    pub fn push(&self, ev: Ev) {
        let mut one = vec![ev];
        self.append(&mut one);
    }

    /// Moves `evs` to the shared list (trimming a flight recorder's).
    pub(super) fn append(&self, evs: &mut Vec<Ev>) {
        if evs.is_empty() {
            return;
        }
        let mut names = Vec::new();
        evs.retain(|e| match e {
            Ev::Name { g, name } => {
                names.push((*g, name.clone()));
                false
            }
            _ => true,
        });
        if !names.is_empty() {
            self.names.lock().extend(names);
        }
        let mut q = self.events.lock();
        q.extend(evs.drain(..));
        if let Some(r) = self.ring {
            let newest = self.now();
            let window = self.clock.ticks_of(r.window_ns);
            while q.len() > r.max_events
                || q.front()
                    .is_some_and(|e| e.time().saturating_add(window) < newest)
            {
                q.pop_front();
            }
        }
    }

    /// Takes every event recorded so far (`runtime/trace.Stop` writes
    /// them; the next Start begins afresh).
    pub fn take(&self) -> Vec<Ev> {
        self.events.lock().drain(..).collect()
    }

    /// The events as a Chrome trace-event JSON document.
    pub fn json(&self, evs: &[Ev]) -> String {
        let mut out = Vec::with_capacity(evs.len() * 120 + 256);
        // Writing to a vector cannot fail.
        let _ = self.write_json(evs, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes the events as a Chrome trace-event JSON document to `w`
    /// (buffered here: give it the file itself).
    pub fn write_json(&self, evs: &[Ev], w: &mut dyn std::io::Write) -> std::io::Result<()> {
        let names = self.names.lock().clone();
        let mut r = Render {
            out: Vec::with_capacity(RENDER_CHUNK + 4096),
            w,
            ns_per_tick: self.clock.ns_per_tick(),
            labels: HashMap::new(),
            names: &names,
            first: true,
        };
        r.render(evs)?;
        r.flush()
    }
}

/// The renderer hands its text to the writer in chunks of this size.
const RENDER_CHUNK: usize = 1 << 16;

/// Renders events as Chrome trace-event JSON, a chunk at a time: digits
/// by hand and each goroutine's label made once, so no event allocates.
struct Render<'a> {
    out: Vec<u8>,
    w: &'a mut dyn std::io::Write,
    ns_per_tick: f64,
    /// `"G<id> <function>"`, quoted and escaped, per goroutine.
    labels: HashMap<u64, Vec<u8>>,
    names: &'a HashMap<u64, String>,
    first: bool,
}

impl Render<'_> {
    fn s(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    fn u(&mut self, mut v: u64) {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&buf[i..]);
    }

    fn i(&mut self, v: i64) {
        if v < 0 {
            self.out.push(b'-');
        }
        self.u(v.unsigned_abs());
    }

    fn ns(&self, ticks: u64) -> u64 {
        if self.ns_per_tick == 1.0 {
            ticks
        } else {
            (ticks as f64 * self.ns_per_tick) as u64
        }
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

    fn sep(&mut self) -> std::io::Result<()> {
        if self.out.len() >= RENDER_CHUNK {
            self.w.write_all(&self.out)?;
            self.out.clear();
        }
        if !self.first {
            self.s(",\n");
        }
        self.first = false;
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.w.write_all(&self.out)?;
        self.out.clear();
        self.w.flush()
    }

    fn label(&mut self, g: u64) {
        if !self.labels.contains_key(&g) {
            let text = match self.names.get(&g) {
                Some(n) => format!("G{g} {n}"),
                None => format!("G{g}"),
            };
            let mut q = Vec::new();
            json_str(&mut q, &text);
            self.labels.insert(g, q);
        }
        if let Some(l) = self.labels.get(&g) {
            self.out.extend_from_slice(l);
        }
    }

    /// Renders `evs` (any order) as `{"traceEvents": [...]}`.
    fn render(&mut self, evs: &[Ev]) -> std::io::Result<()> {
        self.s("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
        let mut tracks = std::collections::BTreeSet::new();
        tracks.insert(Track::Gc.tid());
        // Flow starts are written after their host slices, in time order,
        // so a viewer binding them to the enclosing slice finds it.
        for e in evs {
            match e {
                Ev::Seg {
                    p,
                    m,
                    g,
                    t0,
                    t1,
                    end,
                    flow_in,
                } => {
                    let tid = Track::P(*p).tid();
                    tracks.insert(tid);
                    self.sep()?;
                    self.s("{\"ph\":\"X\",\"cat\":\"goroutine\",\"name\":");
                    self.label(*g);
                    self.s(",\"ts\":");
                    self.ts(*t0);
                    self.s(",\"dur\":");
                    self.dur(*t0, *t1);
                    self.s(",\"pid\":1,\"tid\":");
                    self.u(u64::from(tid));
                    self.s(",\"args\":{\"goid\":");
                    self.u(*g);
                    self.s(",\"M\":");
                    self.u(u64::from(*m));
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
                    if *flow_in != 0 {
                        self.sep()?;
                        self.s(
                            "{\"ph\":\"f\",\"bp\":\"e\",\"cat\":\"flow\",\"name\":\"wake\",\"id\":",
                        );
                        self.u(*flow_in);
                        self.s(",\"pid\":1,\"tid\":");
                        self.u(u64::from(tid));
                        self.s(",\"ts\":");
                        self.ts(*t0);
                        self.s("}");
                    }
                }
                Ev::Name { .. } => {}
                Ev::Span {
                    track,
                    t0,
                    t1,
                    name,
                } => {
                    let tid = track.tid();
                    tracks.insert(tid);
                    self.sep()?;
                    let cat = match track {
                        Track::Gc => "gc",
                        Track::M(_) => "m",
                        Track::P(_) => "gc",
                    };
                    self.s("{\"ph\":\"X\",\"cat\":\"");
                    self.s(cat);
                    self.s("\",\"name\":");
                    self.str(name);
                    self.s(",\"ts\":");
                    self.ts(*t0);
                    self.s(",\"dur\":");
                    self.dur(*t0, *t1);
                    self.s(",\"pid\":1,\"tid\":");
                    self.u(u64::from(tid));
                    self.s("}");
                }
                Ev::FlowOut {
                    track,
                    t,
                    id,
                    name,
                    host,
                } => {
                    let tid = track.tid();
                    tracks.insert(tid);
                    if *host {
                        self.sep()?;
                        self.s("{\"ph\":\"X\",\"cat\":\"event\",\"name\":\"");
                        self.s(name);
                        self.s("\",\"ts\":");
                        self.ts(*t);
                        // One nanosecond: between two segments of the track.
                        self.s(",\"dur\":0.001,\"pid\":1,\"tid\":");
                        self.u(u64::from(tid));
                        self.s("}");
                    }
                    self.sep()?;
                    self.s("{\"ph\":\"s\",\"cat\":\"flow\",\"name\":\"wake\",\"id\":");
                    self.u(*id);
                    self.s(",\"pid\":1,\"tid\":");
                    self.u(u64::from(tid));
                    // Inside the host slice (or the waker's segment).
                    self.s(",\"ts\":");
                    self.ts(*t);
                    self.s("}");
                }
                Ev::Instant { track, t, name } => {
                    let tid = track.tid();
                    tracks.insert(tid);
                    self.sep()?;
                    self.s("{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"event\",\"name\":");
                    self.str(name);
                    self.s(",\"ts\":");
                    self.ts(*t);
                    self.s(",\"pid\":1,\"tid\":");
                    self.u(u64::from(tid));
                    self.s("}");
                }
                Ev::Counter { t, name, series } => {
                    self.sep()?;
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
                    self.sep()?;
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
            }
        }
        // Track names and order: GC, then the Ps, then the Ms.
        self.sep()?;
        self.s("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"args\":{\"name\":\"gol\"}}");
        for tid in tracks {
            let t = match tid {
                1 => Track::Gc,
                t if t >= 10_000 => Track::M(t - 10_000),
                t => Track::P(t - 100),
            };
            self.sep()?;
            self.s("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":");
            self.u(u64::from(tid));
            self.s(",\"args\":{\"name\":\"");
            self.s(&t.name());
            self.s("\"}}");
            self.sep()?;
            self.s("{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":1,\"tid\":");
            self.u(u64::from(tid));
            self.s(",\"args\":{\"sort_index\":");
            self.u(u64::from(tid));
            self.s("}}");
        }
        self.s("\n]}\n");
        Ok(())
    }
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
        let kept: Vec<u64> = t.take().iter().map(Ev::time).collect();
        assert_eq!(kept, vec![7, 8, 9]);
    }

    /// A tracer whose ticks are nanoseconds, for exact expectations.
    fn tracer_ns() -> Tracer {
        let mut t = Tracer::new(true, None);
        t.clock.tsc = false;
        t.clock.tsc0 = 0;
        t
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
        let mut evs = vec![
            Ev::Name {
                g: 7,
                name: "main.\"w\"".into(),
            },
            Ev::Seg {
                p: 1,
                m: 2,
                g: 7,
                t0: 1500,
                t1: 2500,
                end: SegEnd::Blocked(WaitReason::ChanReceive),
                flow_in: 3,
            },
        ];
        t.append(&mut evs);
        let j = t.json(&t.take());
        assert!(
            j.contains("\"name\":\"G7 main.\\\"w\\\"\",\"ts\":1.500,\"dur\":1.000"),
            "{j}"
        );
        assert!(j.contains("\"end\":\"blocked: chan receive\""), "{j}");
        assert!(j.contains("\"ph\":\"f\",\"bp\":\"e\""), "{j}");
        assert!(j.contains("\"args\":{\"name\":\"P1\"}"), "{j}");
    }
}
