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
//! 3. Timestamps are nanoseconds since the tracer's epoch (one clock for
//!    every thread). A P's goroutine segments come from the M holding it,
//!    one at a time, so they never overlap; events reach the shared list
//!    in batches, out of order, and the viewer sorts them.

use super::g::WaitReason;
use super::primitives::{AtomicBool, AtomicU64, Mutex, Ordering};
use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::fmt::Write as _;
use std::time::Instant;

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

/// The tracer of one run (`Shared.tracer`).
pub struct Tracer {
    epoch: Instant,
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
            epoch: Instant::now(),
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

    /// Nanoseconds since the tracer's epoch.
    #[inline]
    pub fn now(&self) -> u64 {
        self.epoch.elapsed().as_nanos() as u64
    }

    /// `i` on the tracer's clock.
    pub fn at(&self, i: Instant) -> u64 {
        i.saturating_duration_since(self.epoch).as_nanos() as u64
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
            while q.len() > r.max_events
                || q.front().is_some_and(|e| e.time() + r.window_ns < newest)
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
        let names = self.names.lock().clone();
        render(evs, &names)
    }
}

/// Microseconds with nanosecond digits (the format's unit is µs).
fn us(out: &mut String, ns: u64) {
    let _ = write!(out, "{}.{:03}", ns / 1000, ns % 1000);
}

fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn end_text(e: SegEnd) -> Cow<'static, str> {
    match e {
        SegEnd::Preempted => "preempted".into(),
        SegEnd::Yielded => "yielded".into(),
        SegEnd::Blocked(r) => format!("blocked: {}", r.as_str()).into(),
        SegEnd::Done => "done".into(),
        SegEnd::Panicked => "panicked".into(),
        SegEnd::Exit => "exit".into(),
        SegEnd::Syscall => "system call".into(),
    }
}

/// Renders `evs` (any order) as `{"traceEvents": [...]}`.
fn render(evs: &[Ev], names: &HashMap<u64, String>) -> String {
    let mut out = String::with_capacity(evs.len() * 120 + 256);
    out.push_str("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
    let mut tracks = std::collections::BTreeSet::new();
    tracks.insert(Track::Gc.tid());
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(",\n");
        }
        first = false;
    };
    // Flow starts are written after their host slices, in time order, so
    // a viewer binding them to the enclosing slice finds it.
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
                sep(&mut out);
                out.push_str("{\"ph\":\"X\",\"cat\":\"goroutine\",\"name\":");
                let label = match names.get(g) {
                    Some(n) => format!("G{g} {n}"),
                    None => format!("G{g}"),
                };
                json_str(&mut out, &label);
                out.push_str(",\"ts\":");
                us(&mut out, *t0);
                out.push_str(",\"dur\":");
                us(&mut out, t1.saturating_sub(*t0).max(1));
                let _ = write!(
                    out,
                    ",\"pid\":1,\"tid\":{tid},\"args\":{{\"goid\":{g},\"M\":{m},\"end\":"
                );
                json_str(&mut out, &end_text(*end));
                out.push_str("}}");
                if *flow_in != 0 {
                    sep(&mut out);
                    let _ = write!(
                        out,
                        "{{\"ph\":\"f\",\"bp\":\"e\",\"cat\":\"flow\",\"name\":\"wake\",\"id\":{flow_in},\"pid\":1,\"tid\":{tid},\"ts\":"
                    );
                    us(&mut out, *t0);
                    out.push('}');
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
                sep(&mut out);
                let cat = match track {
                    Track::Gc => "gc",
                    Track::M(_) => "m",
                    Track::P(_) => "gc",
                };
                let _ = write!(out, "{{\"ph\":\"X\",\"cat\":\"{cat}\",\"name\":");
                json_str(&mut out, name);
                out.push_str(",\"ts\":");
                us(&mut out, *t0);
                out.push_str(",\"dur\":");
                us(&mut out, t1.saturating_sub(*t0).max(1));
                let _ = write!(out, ",\"pid\":1,\"tid\":{tid}}}");
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
                    sep(&mut out);
                    let _ = write!(
                        out,
                        "{{\"ph\":\"X\",\"cat\":\"event\",\"name\":\"{name}\",\"ts\":"
                    );
                    us(&mut out, *t);
                    // One nanosecond: between two segments of the track.
                    let _ = write!(out, ",\"dur\":0.001,\"pid\":1,\"tid\":{tid}}}");
                }
                sep(&mut out);
                let _ = write!(
                    out,
                    "{{\"ph\":\"s\",\"cat\":\"flow\",\"name\":\"wake\",\"id\":{id},\"pid\":1,\"tid\":{tid},\"ts\":"
                );
                // Inside the host slice (or the waker's segment).
                us(&mut out, *t);
                out.push('}');
            }
            Ev::Instant { track, t, name } => {
                let tid = track.tid();
                tracks.insert(tid);
                sep(&mut out);
                out.push_str("{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"event\",\"name\":");
                json_str(&mut out, name);
                out.push_str(",\"ts\":");
                us(&mut out, *t);
                let _ = write!(out, ",\"pid\":1,\"tid\":{tid}}}");
            }
            Ev::Counter { t, name, series } => {
                sep(&mut out);
                let _ = write!(out, "{{\"ph\":\"C\",\"name\":\"{name}\",\"pid\":1,\"ts\":");
                us(&mut out, *t);
                out.push_str(",\"args\":{");
                for (k, (s, v)) in series.iter().enumerate() {
                    if k > 0 {
                        out.push(',');
                    }
                    json_str(&mut out, s);
                    let _ = write!(out, ":{v}");
                }
                out.push_str("}}");
            }
            Ev::Async {
                t,
                begin,
                cat,
                id,
                name,
            } => {
                sep(&mut out);
                let ph = if *begin { 'b' } else { 'e' };
                let _ = write!(
                    out,
                    "{{\"ph\":\"{ph}\",\"cat\":\"{cat}\",\"id\":{id},\"name\":"
                );
                json_str(&mut out, name);
                out.push_str(",\"ts\":");
                us(&mut out, *t);
                out.push_str(",\"pid\":1}");
            }
        }
    }
    // Track names and order: GC, then the Ps, then the Ms.
    sep(&mut out);
    out.push_str("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"args\":{\"name\":\"gol\"}}");
    for tid in tracks {
        let t = match tid {
            1 => Track::Gc,
            t if t >= 10_000 => Track::M(t - 10_000),
            t => Track::P(t - 100),
        };
        sep(&mut out);
        let _ = write!(
            out,
            "{{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":{tid},\"args\":{{\"name\":\"{}\"}}}}",
            t.name()
        );
        sep(&mut out);
        let _ = write!(
            out,
            "{{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":1,\"tid\":{tid},\"args\":{{\"sort_index\":{tid}}}}}"
        );
    }
    out.push_str("\n]}\n");
    out
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

    #[test]
    fn renders_names_escapes_and_track_metadata() {
        let t = Tracer::new(true, None);
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
