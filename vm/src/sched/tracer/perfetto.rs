//! The tracer's records as a Perfetto protobuf trace (`--trace=FILE.pftrace`
//! or `--trace-format=perfetto`), the compact alternative to Chrome's JSON:
//! about a sixth of the bytes per goroutine switch, and cheaper to make.
//!
//! # The format
//! A trace is a `Trace` message: a sequence of `TracePacket`s (field 1,
//! length-delimited), so the file is written packet by packet, as chunks
//! arrive, and never held whole. The packets used (field numbers from
//! Perfetto's trace_packet.proto, track_event.proto, track_descriptor.proto,
//! clock_snapshot.proto, interned_data.proto, debug_annotation.proto):
//! * `track_descriptor` (60): a track, once, before its first event: the
//!   process `gol`, and under it `GC`, `P<n>`, `M<n>`, `M<n> syscalls`, one
//!   per counter series and one per `runtime/trace` task or region.
//! * `track_event` (11): `TYPE_SLICE_BEGIN`/`TYPE_SLICE_END` pairs for the
//!   slices (run segments, an M's stretch with a P, system calls, GC phases,
//!   assists, tasks and regions), `TYPE_INSTANT` for instants,
//!   `TYPE_COUNTER` for counter samples.
//! * Arrows are `flow_ids` (47) on the event they leave and
//!   `terminating_flow_ids` (48) on the segment they reach: repeated
//!   fixed64, one tagged field per id, the tracer's arrow id as it is
//!   (tracer.rs, `M_FLOW_SHIFT`). They replaced the varint
//!   `flow_ids_old` (36) and `terminating_flow_ids_old` (42), which
//!   track_event.proto marks deprecated (the importer reads them only
//!   from an event that has no current ones). A wake held
//!   to the end of its waker's segment (tracer.rs, Cost) leaves from that
//!   segment's END event, with no event of its own; any other arrow
//!   leaves from an instant.
//!
//! # What makes it small
//! * **Delta-encoded timestamps.** Each chunk is written as a run of a
//!   packet sequence (`trusted_packet_sequence_id`), opened by a packet
//!   that clears the sequence's incremental state
//!   (`SEQ_INCREMENTAL_STATE_CLEARED`), sets `timestamp_clock_id` 64 as
//!   the default for the sequence (`trace_packet_defaults`), and defines
//!   clock 64 in a `clock_snapshot` as incremental nanoseconds starting at
//!   the chunk's first event on `BOOTTIME` (whose values are the tracer's
//!   nanoseconds since its epoch). A chunk's events are sorted by time, so
//!   every packet's `timestamp` is the (small, non-negative) gap since the
//!   last.
//! * **Few sequence ids.** Chunks reach the writer out of order (each M
//!   hands its own over), and Perfetto's clock synchronizer refuses a
//!   snapshot that takes the trace's clock back in time on one sequence:
//!   a chunk reuses the id of a sequence whose last snapshot is no later
//!   than its own ([`Proto::seq_for`]), so the ids stay below 128 and take
//!   one byte in every packet (a new id per chunk took two or three).
//! * **A default track.** The sequence's `track_event_defaults` name the
//!   P track most of its events are on (an M holds one P for most of a
//!   chunk); those events leave out their `track_uuid`.
//! * **Interned names.** A goroutine's label (`G7 main.worker`), a static
//!   name, the annotation keys (`M`, `end`) and the ways a segment ends are
//!   sent once per sequence in the packet's `interned_data` (12) and then
//!   named by a small id (`name_iid`, `string_value_iid`).
//!
//! A switch is then a BEGIN of about 12 bytes (22 with an arrow's end) and
//! an END of about 24 (34 with a held arrow's start), against about 350
//! bytes of JSON: an arrow end takes ten bytes (a two-byte tag and eight),
//! where the deprecated varint fields took seven or eight with the ids
//! packed small; the current fields were preferred, so that the trace
//! does not rest on fields Perfetto may stop reading.
//!
//! # What makes it cheap
//! The writer thread renders each chunk while the program runs, on the
//! machine's CPUs: beyond recording, its work is the trace's cost. The
//! packets of a switch (a segment's BEGIN and END, an arrow's instant)
//! are written in place ([`Proto::packet`]): names looked up first,
//! lengths computed from the fields (`te_len`), then the bytes stored
//! through a [`Cur`] whose position stays in a register, into a 64 KiB
//! buffer that goes to the output whole. Times are converted by a
//! fixed-point multiply (tracer.rs, `Scale`). On pingpong (100,000 round
//! trips, callgrind) the writer runs 875 instructions a switch where it
//! ran 1,027, and, measured with `perf`, no longer stalls: before, each
//! packet was built in a vector or a small array (a capacity check and
//! a length written back per byte, or a position in memory whose every
//! increment waited on the last) and then copied out, its bytes read
//! back as a whole just after they were stored one by one, which cost
//! as much again in `memmove` as the writing.
//!
//! # Invariants
//! 1. Slices on one track nest: a P's segments never overlap (tracer.rs,
//!    invariant 3), an assist lies inside its segment, GC phases follow
//!    each other; a system call may outlast the M's stretch with its P,
//!    so system calls have a track of their own. Within a chunk, at one
//!    time, ENDs come first (the inner slice's first), then instants, then
//!    BEGINs (the outer slice's first); Perfetto's importer keeps the
//!    file's order for events of equal time, and a P's next segment on
//!    another M starts after a later clock read.
//! 2. Every event's track was described earlier in the file.
//! 3. Interned ids are valid in their sequence only: each run of a
//!    sequence (a chunk) starts with none, and a name is sent in the
//!    packet that first uses it.
//! 4. On each sequence the clock snapshots never go back in time, and an
//!    arrow id is written as one number wherever it appears.
//!
//! Rejected: one sequence for the whole trace, with absolute timestamps
//! where a chunk goes back in time (larger and irregular); complete
//! events (the legacy `X` phase, kept by the importer for JSON only); a
//! protobuf crate (a dozen message types, written once, need only varints
//! and one fixed64).

use super::{Chunk, Ev, IdHasher, Names, Rec, Scale, SegEnd, Track, HELD, HELD_FLOW};
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

/// The renderer's maps are keyed by small numbers and static names: a
/// multiply hashes them (SipHash was a tenth of the rendering).
type Fast = BuildHasherDefault<IdHasher>;

/// The process track, parent of all the others.
const PROCESS_UUID: u64 = 1 << 30;
/// `M<n> syscalls` tracks: this plus n.
const SYSCALL_UUID: u64 = 1 << 24;
/// Counter series tracks: this plus their number.
const COUNTER_UUID: u64 = 1 << 25;
/// Task and region tracks: this, a bit for regions, and their id.
const ASYNC_UUID: u64 = 1 << 40;

/// Perfetto's builtin `BOOTTIME` clock (the trace's clock).
const BOOTTIME: u64 = 6;
/// The sequence-scoped incremental clock of each sequence.
const DELTA_CLOCK: u64 = 64;

/// Sequence ids up to this one take one byte; past it, a chunk that fits
/// no sequence gets a new id of its own.
const SEQ_POOL: u32 = 127;

/// Ties between events of one time sort by `TIE` less a time (62 bits,
/// below the class in the sort key).
const TIE: u64 = (1 << 62) - 1;

const TYPE_SLICE_BEGIN: u64 = 1;
const TYPE_SLICE_END: u64 = 2;
const TYPE_INSTANT: u64 = 3;
const TYPE_COUNTER: u64 = 4;

/// Entries of the goroutine name cache (`Proto::gcache`).
const GCACHE: usize = 64;

/// Interned annotation names, sent in each sequence's first packet.
const ANNOT_M: u64 = 1;
const ANNOT_END: u64 = 2;

/// How a segment ended, as a name to intern: a small number (the
/// statuses, then the wait reasons) and the text's parts.
fn end_key(end: SegEnd) -> Key {
    let (code, blocked, text) = match end {
        SegEnd::Preempted => (0, false, "preempted"),
        SegEnd::Yielded => (1, false, "yielded"),
        SegEnd::Done => (2, false, "done"),
        SegEnd::Panicked => (3, false, "panicked"),
        SegEnd::Exit => (4, false, "exit"),
        SegEnd::Syscall => (5, false, "system call"),
        SegEnd::Blocked(r) => (6 + r as u16, true, r.as_str()),
    };
    Key::End(code, blocked, text)
}

/// Protobuf's wire encoding, by hand: varints and length-delimited
/// fields.
mod wire {
    /// Where encoded bytes go: a vector, or a [`Cur`]sor.
    pub trait Put {
        fn put(&mut self, b: u8);
        fn put_all(&mut self, b: &[u8]);
    }

    impl Put for Vec<u8> {
        #[inline(always)]
        fn put(&mut self, b: u8) {
            self.push(b);
        }

        #[inline(always)]
        fn put_all(&mut self, b: &[u8]) {
            self.extend_from_slice(b);
        }
    }

    /// A place to write a common packet's bytes (in
    /// [`super::Proto::pk`]): a store and an index check per byte, the
    /// position in a register, where a vector's push checks its capacity
    /// and writes its length back (module docs, What makes it cheap).
    pub struct Cur<'a> {
        pub b: &'a mut [u8],
        pub n: usize,
    }

    impl Put for Cur<'_> {
        #[inline(always)]
        fn put(&mut self, b: u8) {
            self.b[self.n] = b;
            self.n += 1;
        }

        #[inline(always)]
        fn put_all(&mut self, b: &[u8]) {
            self.b[self.n..self.n + b.len()].copy_from_slice(b);
            self.n += b.len();
        }
    }

    /// The bytes of `v` as a varint.
    #[inline]
    pub fn varint_len(v: u64) -> usize {
        (64 - (v | 1).leading_zeros() as usize).div_ceil(7)
    }

    #[inline]
    pub fn varint(out: &mut impl Put, mut v: u64) {
        while v >= 0x80 {
            out.put(v as u8 | 0x80);
            v >>= 7;
        }
        out.put(v as u8);
    }

    /// A varint field.
    #[inline]
    pub fn uint(out: &mut impl Put, field: u32, v: u64) {
        varint(out, u64::from(field) << 3);
        varint(out, v);
    }

    /// A fixed64 field (wire type 1: eight bytes, little-endian).
    #[inline]
    pub fn fixed64(out: &mut impl Put, field: u32, v: u64) {
        varint(out, u64::from(field) << 3 | 1);
        out.put_all(&v.to_le_bytes());
    }

    #[inline]
    pub fn bytes(out: &mut impl Put, field: u32, b: &[u8]) {
        varint(out, u64::from(field) << 3 | 2);
        varint(out, b.len() as u64);
        out.put_all(b);
    }

    /// A nested message written by `f`: one byte is kept for its length,
    /// which is moved along in the rare case it needs more.
    #[inline(always)]
    pub fn nested(out: &mut Vec<u8>, field: u32, f: impl FnOnce(&mut Vec<u8>)) {
        varint(out, u64::from(field) << 3 | 2);
        let at = out.len();
        out.push(0);
        f(out);
        let len = out.len() - at - 1;
        if len < 0x80 {
            out[at] = len as u8;
        } else {
            let mut l = Vec::with_capacity(4);
            varint(&mut l, len as u64);
            out.splice(at..at + 1, l);
        }
    }
}

use wire::{bytes, fixed64, nested, uint, varint, varint_len, Cur, Put};

/// The most bytes of a common packet ([`Proto::packet`]): a header of
/// at most 24 (its tag and length, timestamp, sequence id, and the track
/// event's tag and length) and a track event of at most 79 (an END with
/// a track, both annotations and [`HELD`] arrows).
const PACKET: usize = 128;

/// Bytes of [`Proto::pk`].
const PK: usize = 1 << 16;

/// A name to intern in a sequence.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    /// A goroutine's label.
    G(u64),
    /// A static name.
    S(&'static str),
    /// `P<n>`, an M's stretch with P n.
    P(u32),
    /// How a segment ended ([`end_key`]): its number, whether it
    /// blocked, and the text (the wait reason's when blocked).
    End(u16, bool, &'static str),
}

/// An event's name.
#[derive(Clone, Copy)]
enum Name {
    Key(Key),
    /// Index in the chunk's `texts`.
    Text(u32),
}

#[derive(Clone, Copy)]
enum What {
    Begin {
        track: u64,
        name: Name,
        /// The arrow this slice ends (0: none).
        flow_in: u64,
    },
    End {
        track: u64,
        /// A segment's M and end.
        seg: Option<(u32, SegEnd)>,
        flows: [u64; HELD],
        nflows: u8,
    },
    Instant {
        track: u64,
        name: Name,
        flow: u64,
    },
    Counter {
        track: u64,
        value: i64,
    },
}

/// An event of a chunk, with its place in the chunk's order
/// (invariant 1): the sort key is made once, when the event is.
struct PEv {
    /// The time (ns, the top 64 bits), the class (ENDs 0, instants 1,
    /// BEGINs 2) and the tie within a class ([`TIE`] less a time).
    key: u128,
    what: What,
}

impl PEv {
    #[inline]
    fn new(ns: u64, class: u8, tie: u64, what: What) -> PEv {
        PEv {
            key: u128::from(ns) << 64 | u128::from(class) << 62 | u128::from(tie),
            what,
        }
    }

    #[inline]
    fn ns(&self) -> u64 {
        (self.key >> 64) as u64
    }
}

/// A packet's header: its tag and length `len`, timestamp (8),
/// trusted_packet_sequence_id (10), and the tag and length of its
/// track_event (11), which follows.
#[inline(always)]
fn head_fields(out: &mut impl Put, seq: u64, delta: u64, te: usize, len: usize) {
    out.put(1 << 3 | 2);
    varint(out, len as u64);
    out.put(8 << 3);
    varint(out, delta);
    out.put(10 << 3);
    varint(out, seq);
    out.put(11 << 3 | 2);
    varint(out, te as u64);
}

/// The bytes [`track_event`] writes for `what` with an interned name.
#[inline(always)]
fn te_len(what: &What, default: u64, name: u64, end: u64) -> usize {
    let track = |t: u64| if t == default { 0 } else { 1 + varint_len(t) };
    let arrow = |id: u64| if id == 0 { 0 } else { 10 };
    match *what {
        What::Begin {
            track: t, flow_in, ..
        } => 2 + track(t) + 1 + varint_len(name) + arrow(flow_in),
        What::End {
            track: t,
            seg,
            nflows,
            ..
        } => {
            let annot = seg.map_or(0, |(m, _)| {
                2 + 3 + varint_len(u64::from(m)) + 2 + 4 + varint_len(end)
            });
            2 + track(t) + annot + 10 * nflows as usize
        }
        What::Instant { track: t, flow, .. } => 2 + track(t) + 1 + varint_len(name) + arrow(flow),
        What::Counter { track: t, value } => 2 + track(t) + 2 + varint_len(value as u64),
    }
}

/// A packet's track event (11): its type, its track unless it is the
/// sequence's `default` track, its name (interned id `name`, else
/// `text`), the annotations of a segment's END (`end`: the interned id
/// of how it ended) and its arrows. Calls nothing (see
/// [`Proto::packet`]).
#[inline(always)]
fn track_event(te: &mut impl Put, what: &What, default: u64, name: u64, text: &str, end: u64) {
    let track = |te: &mut _, track: u64| {
        if track != default {
            uint(te, 11, track);
        }
    };
    let named = |te: &mut _| {
        if name != 0 {
            uint(te, 10, name);
        } else {
            bytes(te, 23, text.as_bytes());
        }
    };
    match *what {
        What::Begin {
            track: t, flow_in, ..
        } => {
            uint(te, 9, TYPE_SLICE_BEGIN);
            track(te, t);
            named(te);
            if flow_in != 0 {
                // terminating_flow_ids
                fixed64(te, 48, flow_in);
            }
        }
        What::End {
            track: t,
            seg,
            flows,
            nflows,
        } => {
            uint(te, 9, TYPE_SLICE_END);
            track(te, t);
            if let Some((m, _)) = seg {
                // debug_annotations (4): { name_iid: M, uint_value }
                // and { name_iid: end, string_value_iid }, their lengths
                // known (one byte each, as the iids of M and end are).
                let m = u64::from(m);
                te.put(4 << 3 | 2);
                te.put((3 + varint_len(m)) as u8);
                uint(te, 1, ANNOT_M);
                uint(te, 3, m);
                te.put(4 << 3 | 2);
                te.put((4 + varint_len(end)) as u8);
                uint(te, 1, ANNOT_END);
                uint(te, 17, end);
            }
            for &id in &flows[..nflows as usize] {
                // flow_ids
                fixed64(te, 47, id);
            }
        }
        What::Instant { track: t, flow, .. } => {
            uint(te, 9, TYPE_INSTANT);
            track(te, t);
            named(te);
            if flow != 0 {
                fixed64(te, 47, flow);
            }
        }
        What::Counter { track: t, value } => {
            uint(te, 9, TYPE_COUNTER);
            track(te, t);
            // counter_value (int64: two's complement as a varint)
            uint(te, 30, value as u64);
        }
    }
}

/// The bytes of a packet's interned_data field holding `n` bytes (none
/// when `n` is 0).
#[inline]
fn intern_len(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        1 + varint_len(n as u64) + n
    }
}

/// Renders chunks of records as Perfetto packets (see the module docs).
pub(super) struct Proto {
    out: Vec<u8>,
    scale: Scale,
    names: Names,
    /// Per goroutine: its label, and its interned id in run `.1` (runs
    /// count chunks from 1, [`Proto::run`]).
    labels: HashMap<u64, (String, u32, u64), Fast>,
    /// The last few goroutines' (id, run, interned id), by id: a
    /// switch names the same few goroutines again and again.
    gcache: [(u64, u32, u64); GCACHE],
    /// Per way a segment ends ([`end_key`]): its interned id in run `.0`.
    ends: Vec<(u32, u64)>,
    described: HashSet<u64, Fast>,
    /// A bit per track uuid below 64 * `seen.len()` already described.
    seen: Vec<u64>,
    counters: HashMap<String, u64>,
    /// The sequence being written (a chunk), and a number that is new
    /// for each chunk (the caches' key: a sequence id is reused).
    seq: u32,
    run: u32,
    /// Per sequence id up to [`SEQ_POOL`] (id - 1), its last snapshot's
    /// time; `next_seq`: the next id past the pool.
    seq_last: Vec<u64>,
    next_seq: u32,
    /// The chunk's default track (0: none).
    default_track: u64,
    evs: Vec<PEv>,
    texts: Vec<String>,
    pending: Vec<(u64, u64, u64)>,
    interned: HashMap<Key, u64, Fast>,
    /// The last interned id given in this sequence.
    next_iid: u64,
    intern: Vec<u8>,
    /// The track event being written ([`Proto::packet`]).
    te: Vec<u8>,
    /// Common packets, written in place ([`Proto::packet`]); the first
    /// `pkn` bytes come after `out`.
    pk: Box<[u8]>,
    pkn: usize,
}

impl Proto {
    pub(super) fn new(scale: Scale, names: Names) -> Proto {
        Proto {
            out: Vec::with_capacity(super::RENDER_CHUNK + 4096),
            scale,
            names,
            labels: HashMap::default(),
            ends: Vec::new(),
            // Runs count from 1: no entry matches before it is set.
            gcache: [(0, 0, 0); GCACHE],
            described: HashSet::default(),
            // Track ids below 20,000: the GC, the Ps and 10,000 Ms.
            seen: vec![0; 20_000 / 64 + 1],
            counters: HashMap::new(),
            seq: 0,
            run: 0,
            seq_last: Vec::new(),
            next_seq: SEQ_POOL + 1,
            default_track: 0,
            evs: Vec::new(),
            texts: Vec::new(),
            pending: Vec::new(),
            interned: HashMap::default(),
            next_iid: 0,
            intern: Vec::new(),
            te: Vec::with_capacity(128),
            pk: vec![0; PK].into_boxed_slice(),
            pkn: 0,
        }
    }

    #[inline]
    fn ns(&self, ticks: u64) -> u64 {
        self.scale.ns(ticks)
    }

    /// The process track, and the GC's (always there, as in the JSON).
    pub(super) fn begin(&mut self) {
        self.describe(PROCESS_UUID, |d| {
            // process { pid: 1, process_name: "gol" }
            nested(d, 3, |p| {
                uint(p, 1, 1);
                bytes(p, 6, b"gol");
            });
        });
        self.track(Track::Gc);
    }

    /// Writes a track descriptor packet for `uuid` unless written already;
    /// `f` adds its fields beyond the uuid.
    fn describe(&mut self, uuid: u64, f: impl FnOnce(&mut Vec<u8>)) {
        if !self.described.insert(uuid) {
            return;
        }
        nested(&mut self.out, 1, |p| {
            nested(p, 60, |d| {
                uint(d, 1, uuid);
                f(d);
            });
        });
    }

    /// A child track of the process, named `name`.
    fn describe_named(&mut self, uuid: u64, name: &str) {
        self.describe(uuid, |d| {
            uint(d, 5, PROCESS_UUID);
            bytes(d, 2, name.as_bytes());
        });
    }

    /// The uuid of `track`, described if new (a bit per track for the
    /// usual ids, as in `Render::track`).
    #[inline]
    fn track(&mut self, t: Track) -> u64 {
        let uuid = u64::from(t.tid());
        let (word, bit) = (uuid as usize / 64, 1u64 << (uuid % 64));
        if self.seen.get(word).is_some_and(|w| w & bit != 0) {
            return uuid;
        }
        if let Some(w) = self.seen.get_mut(word) {
            *w |= bit;
        }
        if !self.described.contains(&uuid) {
            self.describe_named(uuid, &t.name());
        }
        uuid
    }

    fn track_of_tid(&mut self, tid: u32) -> u64 {
        self.track(Track::of_tid(tid))
    }

    fn syscall_track(&mut self, m: u32) -> u64 {
        let uuid = SYSCALL_UUID + u64::from(m);
        if !self.described.contains(&uuid) {
            self.describe_named(uuid, &format!("M{m} syscalls"));
        }
        uuid
    }

    fn counter_track(&mut self, name: &str, series: &str) -> u64 {
        let full = if name == series {
            name.to_string()
        } else {
            format!("{name} {series}")
        };
        if let Some(&u) = self.counters.get(&full) {
            return u;
        }
        let uuid = COUNTER_UUID + self.counters.len() as u64;
        self.counters.insert(full.clone(), uuid);
        self.describe(uuid, |d| {
            uint(d, 5, PROCESS_UUID);
            bytes(d, 2, full.as_bytes());
            // counter {}
            nested(d, 8, |_| {});
        });
        uuid
    }

    fn text(&mut self, s: String) -> Name {
        self.texts.push(s);
        Name::Text(self.texts.len() as u32 - 1)
    }

    fn slice(&mut self, track: u64, t0: u64, t1: u64, name: Name) {
        let (a, b) = (self.ns(t0), self.ns(t1));
        if b <= a {
            self.instant(track, a, name, 0);
            return;
        }
        self.evs.push(PEv::new(
            a,
            2,
            TIE - b.min(TIE),
            What::Begin {
                track,
                name,
                flow_in: 0,
            },
        ));
        self.end(track, a, b, None, [0; HELD], 0);
    }

    fn end(
        &mut self,
        track: u64,
        a: u64,
        b: u64,
        seg: Option<(u32, SegEnd)>,
        flows: [u64; HELD],
        n: u8,
    ) {
        self.evs.push(PEv::new(
            b,
            0,
            TIE - a.min(TIE),
            What::End {
                track,
                seg,
                flows,
                nflows: n,
            },
        ));
    }

    fn instant(&mut self, track: u64, ns: u64, name: Name, flow: u64) {
        self.evs
            .push(PEv::new(ns, 1, 0, What::Instant { track, name, flow }));
    }

    /// Held wakes not followed by their segment start from instants.
    #[inline]
    fn flush_pending(&mut self) {
        if !self.pending.is_empty() {
            self.flush_pending_now();
        }
    }

    fn flush_pending_now(&mut self) {
        for k in 0..self.pending.len() {
            let (tid, t, id) = self.pending[k];
            let track = self.track_of_tid(tid as u32);
            let ns = self.ns(t);
            self.instant(track, ns, Name::Key(Key::S("wake")), id);
        }
        self.pending.clear();
    }

    /// Renders a chunk as one packet sequence; hands the bytes to `w`
    /// when they pass the renderer's buffer size.
    pub(super) fn chunk(&mut self, c: &Chunk, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.evs.clear();
        self.texts.clear();
        self.default_track = 0;
        for r in &c.recs {
            if !matches!(r, Rec::Flow { .. } | Rec::Seg { .. }) {
                self.flush_pending();
            }
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
                    let track = self.track_of_tid(tid);
                    if self.default_track == 0 {
                        self.default_track = track;
                    }
                    let a = self.ns(t0);
                    let b = self.ns(t1).max(a + 1);
                    // The held wakes this segment's end starts.
                    let mut flows = [0; HELD];
                    let mut n = 0;
                    if !self.pending.is_empty() {
                        self.pending.retain(|&(ptid, t, id)| {
                            let here = u64::from(tid) == ptid && t0 <= t && t <= t1 && n < HELD;
                            if here {
                                flows[n] = id;
                                n += 1;
                            }
                            !here
                        });
                        self.flush_pending();
                    }
                    // As in the JSON: a held arrow ends only on its
                    // waker's M.
                    let flow_in = if super::arrow_ends_here(flow_in, m) {
                        flow_in
                    } else {
                        0
                    };
                    self.evs.push(PEv::new(
                        a,
                        2,
                        TIE - b.min(TIE),
                        What::Begin {
                            track,
                            name: Name::Key(Key::G(g)),
                            flow_in,
                        },
                    ));
                    self.end(track, a, b, Some((m, end)), flows, n as u8);
                }
                Rec::Flow {
                    t,
                    id,
                    name,
                    tid,
                    host,
                } => {
                    if !host && id & HELD_FLOW != 0 {
                        self.pending.push((u64::from(tid), t, id));
                    } else {
                        self.flush_pending();
                        let track = self.track_of_tid(tid);
                        let ns = self.ns(t);
                        self.instant(track, ns, Name::Key(Key::S(name)), id);
                    }
                }
                Rec::Span { t0, t1, name, tid } => {
                    let track = match Track::of_tid(tid) {
                        Track::M(m) if name == "system call" => self.syscall_track(m),
                        t => self.track(t),
                    };
                    self.slice(track, t0, t1, Name::Key(Key::S(name)));
                }
                Rec::Held { t0, t1, m, p } => {
                    let track = self.track(Track::M(m));
                    self.slice(track, t0, t1, Name::Key(Key::P(p)));
                }
                Rec::Go { t, g, tid } => {
                    let track = self.track_of_tid(tid);
                    let name = self.text(format!("go: G{g}"));
                    let ns = self.ns(t);
                    self.instant(track, ns, name, 0);
                }
                Rec::Other { idx, .. } => {
                    if let Some(e) = c.other.get(idx as usize) {
                        self.other(e);
                    }
                }
            }
        }
        self.flush_pending();
        if self.evs.is_empty() {
            return Ok(());
        }
        // Stable, and fast on the nearly sorted order records come in
        // (each segment's BEGIN and END after the last one's).
        self.evs.sort_by_key(|e| e.key);
        self.sequence();
        if self.out.len() >= super::RENDER_CHUNK {
            w.write_all(&self.out)?;
            self.out.clear();
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
                let tr = match track {
                    Track::M(m) if name == "system call" => self.syscall_track(*m),
                    t => self.track(*t),
                };
                let name = match name {
                    std::borrow::Cow::Borrowed(s) => Name::Key(Key::S(s)),
                    std::borrow::Cow::Owned(s) => self.text(s.clone()),
                };
                self.slice(tr, *t0, *t1, name);
            }
            Ev::Instant { track, t, name } => {
                let tr = self.track(*track);
                let name = self.text(name.to_string());
                let ns = self.ns(*t);
                self.instant(tr, ns, name, 0);
            }
            Ev::Counter { t, name, series } => {
                let ns = self.ns(*t);
                for (s, v) in series {
                    let track = self.counter_track(name, s);
                    self.evs
                        .push(PEv::new(ns, 1, 0, What::Counter { track, value: *v }));
                }
            }
            Ev::Async {
                t,
                begin,
                cat,
                id,
                name,
            } => {
                let uuid = ASYNC_UUID | u64::from(*cat == "region") << 39 | (id & ((1 << 39) - 1));
                if !self.described.contains(&uuid) {
                    self.describe_named(uuid, &format!("{cat} {name}"));
                }
                let ns = self.ns(*t);
                if *begin {
                    let name = self.text(name.clone());
                    self.evs.push(PEv::new(
                        ns,
                        2,
                        0,
                        What::Begin {
                            track: uuid,
                            name,
                            flow_in: 0,
                        },
                    ));
                } else {
                    self.end(uuid, 0, ns, None, [0; HELD], 0);
                }
            }
            e => {
                let tr = self.track(Track::Gc);
                let name = self.text(format!("{e:?}"));
                let ns = self.ns(e.time());
                self.instant(tr, ns, name, 0);
            }
        }
    }

    /// A sequence id for a chunk whose first event is at `base`: of the
    /// pool's sequences whose last snapshot is no later, the one with the
    /// latest (the others stay free for chunks that come late); else a
    /// new one (invariant 4).
    fn seq_for(&mut self, base: u64) -> u32 {
        let fit = self
            .seq_last
            .iter()
            .enumerate()
            .filter(|&(_, &t)| t <= base)
            .max_by_key(|&(_, &t)| t)
            .map(|(i, _)| i);
        let i = match fit {
            Some(i) => i,
            None if self.seq_last.len() < SEQ_POOL as usize => {
                self.seq_last.push(0);
                self.seq_last.len() - 1
            }
            None => {
                self.next_seq += 1;
                return self.next_seq - 1;
            }
        };
        self.seq_last[i] = base;
        i as u32 + 1
    }

    /// Writes the sorted events of a chunk as a run of a packet sequence.
    fn sequence(&mut self) {
        self.run += 1;
        self.interned.clear();
        self.next_iid = 0;
        let base = self.evs[0].ns();
        self.seq = self.seq_for(base);
        let seq = u64::from(self.seq);
        let default = self.default_track;
        nested(&mut self.out, 1, |p| {
            uint(p, 10, seq);
            // SEQ_INCREMENTAL_STATE_CLEARED
            uint(p, 13, 1);
            // clock_snapshot: BOOTTIME and the sequence's delta clock
            nested(p, 6, |s| {
                nested(s, 1, |c| {
                    uint(c, 1, BOOTTIME);
                    uint(c, 2, base);
                });
                nested(s, 1, |c| {
                    uint(c, 1, DELTA_CLOCK);
                    uint(c, 2, base);
                    uint(c, 3, 1);
                });
                uint(s, 2, BOOTTIME);
            });
            // trace_packet_defaults { timestamp_clock_id: 64,
            // track_event_defaults { track_uuid } }
            nested(p, 59, |d| {
                uint(d, 58, DELTA_CLOCK);
                if default != 0 {
                    nested(d, 11, |t| uint(t, 11, default));
                }
            });
            // interned_data { debug_annotation_names: M, end }
            nested(p, 12, |i| {
                for (iid, n) in [(ANNOT_M, "M"), (ANNOT_END, "end")] {
                    nested(i, 3, |e| {
                        uint(e, 1, iid);
                        bytes(e, 2, n.as_bytes());
                    });
                }
            });
        });
        let mut last = base;
        let evs = std::mem::take(&mut self.evs);
        for e in &evs {
            let ns = e.ns();
            self.packet(seq, ns - last, &e.what);
            last = ns;
        }
        self.flush_pk();
        self.evs = evs;
    }

    /// The interned id of `k` in this sequence, adding its definition to
    /// the packet's interned data when it is new.
    fn iid(&mut self, k: Key) -> u64 {
        // The common names, a goroutine's and a segment's end, are
        // looked up where they are kept anyway (one lookup per event).
        match k {
            Key::G(g) => {
                let c = self.gcache[g as usize % GCACHE];
                if c.0 == g && c.1 == self.run {
                    return c.2;
                }
                if let Some(l) = self.labels.get(&g).filter(|l| l.1 == self.run) {
                    let i = l.2;
                    self.gcache[g as usize % GCACHE] = (g, self.run, i);
                    return i;
                }
            }
            Key::End(code, ..) => {
                let code = usize::from(code);
                if let Some(&(_, i)) = self.ends.get(code).filter(|e| e.0 == self.run) {
                    return i;
                }
            }
            _ => {
                if let Some(&i) = self.interned.get(&k) {
                    return i;
                }
            }
        }
        self.next_iid += 1;
        let i = self.next_iid;
        match k {
            Key::G(g) => {
                self.label(g);
                if let Some(l) = self.labels.get_mut(&g) {
                    (l.1, l.2) = (self.run, i);
                }
                self.gcache[g as usize % GCACHE] = (g, self.run, i);
            }
            Key::End(code, ..) => {
                let code = usize::from(code);
                if self.ends.len() <= code {
                    self.ends.resize(code + 1, (0, 0));
                }
                self.ends[code] = (self.run, i);
            }
            _ => {
                self.interned.insert(k, i);
            }
        }
        let (field, text): (u32, std::borrow::Cow<str>) = match k {
            Key::G(g) => (2, self.label(g).into()),
            Key::S(s) => (2, s.into()),
            Key::P(p) => (2, format!("P{p}").into()),
            Key::End(_, false, s) => (29, s.into()),
            Key::End(_, true, r) => (29, format!("blocked: {r}").into()),
        };
        nested(&mut self.intern, field, |e| {
            uint(e, 1, i);
            bytes(e, 2, text.as_bytes());
        });
        i
    }

    /// Goroutine `g`'s label (`G7 main.worker`).
    fn label(&mut self, g: u64) -> String {
        if let Some(l) = self.labels.get(&g) {
            return l.0.clone();
        }
        let l = match self.names.lock().get(&g) {
            Some(n) => format!("G{g} {n}"),
            None => format!("G{g}"),
        };
        self.labels.insert(g, (l.clone(), 0, 0));
        l
    }

    /// One event's packet, written in one pass: its names are looked
    /// up first, then every length is known before a byte is written.
    /// A common packet (one that names no text and interns nothing new)
    /// goes to [`Proto::pk`] through a [`Cur`], which calls nothing: in
    /// a small array copied out per packet, its bytes were read back as
    /// a whole just after their stores, and the copy cost as much as the
    /// writing. The others go to `out` through a scratch vector, after
    /// the packets before them.
    fn packet(&mut self, seq: u64, delta: u64, what: &What) {
        self.intern.clear();
        let (name, end) = match *what {
            What::Begin { name, .. } | What::Instant { name, .. } => (self.name_id(name), 0),
            What::End {
                seg: Some((_, e)), ..
            } => (Ok(0), self.iid(end_key(e))),
            _ => (Ok(0), 0),
        };
        match name {
            Ok(name) if self.intern.is_empty() => {
                if self.pkn + PACKET > PK {
                    self.flush_pk();
                }
                let te = te_len(what, self.default_track, name, end);
                let len = self.head_len(seq, delta, te).0;
                let mut c = Cur {
                    b: &mut self.pk[self.pkn..self.pkn + PACKET],
                    n: 0,
                };
                head_fields(&mut c, seq, delta, te, len);
                track_event(&mut c, what, self.default_track, name, "", end);
                self.pkn += c.n;
            }
            name => {
                self.flush_pk();
                let mut te = std::mem::take(&mut self.te);
                te.clear();
                let (name, text) = match name {
                    Ok(i) => (i, ""),
                    Err(i) => (0, self.texts[i as usize].as_str()),
                };
                track_event(&mut te, what, self.default_track, name, text, end);
                let (len, head) = self.head_len(seq, delta, te.len());
                self.out.reserve(head + te.len());
                head_fields(&mut self.out, seq, delta, te.len(), len);
                self.out.extend_from_slice(&te);
                self.te = te;
                // interned_data (12) if the event named something new:
                // after the event that uses it, as a packet's fields may
                // come in any order and its interned data is read first.
                if !self.intern.is_empty() {
                    self.out.push(12 << 3 | 2);
                    varint(&mut self.out, self.intern.len() as u64);
                    self.out.extend_from_slice(&self.intern);
                }
            }
        }
    }

    /// Moves the packets written in place to `out`.
    fn flush_pk(&mut self) {
        self.out.extend_from_slice(&self.pk[..self.pkn]);
        self.pkn = 0;
    }

    /// The interned id of a name, or the index of its text (written as
    /// it is).
    #[inline]
    fn name_id(&mut self, name: Name) -> Result<u64, u32> {
        match name {
            Name::Key(k) => Ok(self.iid(k)),
            Name::Text(i) => Err(i),
        }
    }

    /// The length of a packet whose track event takes `te` bytes, and of
    /// its header ([`head_fields`]).
    #[inline]
    fn head_len(&self, seq: u64, delta: u64, te: usize) -> (usize, usize) {
        // Timestamp, sequence id and track event: tags and values.
        let fields = 3 + varint_len(delta) + varint_len(seq) + varint_len(te as u64);
        let len = fields + te + intern_len(self.intern.len());
        (len, 1 + varint_len(len as u64) + fields)
    }

    /// Hands the rest of the bytes to `w`.
    pub(super) fn end_doc(&mut self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        w.write_all(&self.out)?;
        self.out.clear();
        w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Arc, Mutex};
    use super::*;

    /// A common packet's lengths are computed before it is written
    /// (`te_len`, `Proto::head_len`), and the largest fits [`PACKET`].
    #[test]
    fn packet_lengths_are_known_before_writing() {
        let big = u64::MAX;
        let whats = [
            What::Begin {
                track: 105,
                name: Name::Key(Key::G(7)),
                flow_in: 0,
            },
            What::Begin {
                track: big,
                name: Name::Key(Key::G(7)),
                flow_in: big,
            },
            What::End {
                track: big,
                seg: Some((u32::MAX, SegEnd::Done)),
                flows: [big; HELD],
                nflows: HELD as u8,
            },
            What::End {
                track: 105,
                seg: None,
                flows: [3; HELD],
                nflows: 1,
            },
            What::Instant {
                track: 1,
                name: Name::Key(Key::S("wake")),
                flow: 9,
            },
            What::Counter {
                track: COUNTER_UUID,
                value: -1,
            },
        ];
        let mut p = Proto::new(Scale::new(1.0), Arc::new(Mutex::new(HashMap::new())));
        for w in &whats {
            for default in [0, 105] {
                for (name, end) in [(1, 1), (300, 1 << 40), (big, big)] {
                    let mut v = Vec::new();
                    track_event(&mut v, w, default, name, "", end);
                    let te = te_len(w, default, name, end);
                    assert_eq!(v.len(), te);
                    let (len, head) = p.head_len(u64::from(u32::MAX), big, te);
                    assert_eq!(len, head - 1 - varint_len(len as u64) + te);
                    assert!(head + te <= PACKET, "{}", head + te);
                }
            }
        }
        // Written in place, a packet is what the vector path writes.
        p.run = 1;
        p.default_track = 105;
        for w in &whats {
            // The first packet interns its names (the vector path).
            p.packet(3, 1000, w);
            p.flush_pk();
            p.out.clear();
            p.packet(3, 1000, w);
            assert!(p.intern.is_empty());
            p.flush_pk();
            let (name, end) = match *w {
                What::Begin {
                    name: Name::Key(k), ..
                }
                | What::Instant {
                    name: Name::Key(k), ..
                } => (p.iid(k), 0),
                What::End {
                    seg: Some((_, e)), ..
                } => (0, p.iid(end_key(e))),
                _ => (0, 0),
            };
            let mut e = Vec::new();
            track_event(&mut e, w, 105, name, "", end);
            let mut v = Vec::new();
            head_fields(&mut v, 3, 1000, e.len(), p.head_len(3, 1000, e.len()).0);
            v.extend_from_slice(&e);
            assert_eq!(p.out, v);
        }
    }

    /// A sequence id is reused only by a chunk that starts no earlier
    /// than the sequence's last one (invariant 4); past the pool, ids are
    /// new.
    #[test]
    fn sequences_never_go_back() {
        let names: Names = Arc::new(Mutex::new(HashMap::new()));
        let mut p = Proto::new(Scale::new(1.0), names);
        let bases = [100, 50, 200, 60, 40, 200, 10];
        let ids: Vec<u32> = bases.iter().map(|&b| p.seq_for(b)).collect();
        assert_eq!(ids, [1, 2, 1, 2, 3, 1, 4]);
        let mut last: HashMap<u32, u64> = HashMap::new();
        for (&id, &b) in ids.iter().zip(&bases) {
            assert!(last.insert(id, b).is_none_or(|t| t <= b), "{ids:?}");
        }
        let mut p = Proto::new(Scale::new(1.0), Arc::new(Mutex::new(HashMap::new())));
        let ids: Vec<u32> = (0..130).rev().map(|b| p.seq_for(b)).collect();
        assert_eq!(ids[126], SEQ_POOL);
        assert_eq!(&ids[127..], [SEQ_POOL + 1, SEQ_POOL + 2, SEQ_POOL + 3]);
    }
}
