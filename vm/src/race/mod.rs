//! The race detector (`gol run -race`): happens-before with vector
//! clocks and FastTrack's epochs, on a bounded set of clock slots.
//!
//! # Algorithm
//! FastTrack (Flanagan & Freund, PLDI 2009), with time counted per slot
//! as in TSan v3. Every goroutine `t` is attached to a slot `s(t)` (one
//! of [`clock::SLOTS`], 256) and has a vector clock `C_t`
//! ([`clock::VClock`]) indexed by slots; its own entry `C_t[s(t)]` is its
//! current time. Every synchronisation object `x` (a mutex, a WaitGroup,
//! an atomic's address, each side of a channel) has a clock `L_x`.
//!
//! * release on `x` by `t`: `L_x := L_x ⊔ C_t`, then `t` ticks;
//! * acquire on `x` by `t`: `C_t := C_t ⊔ L_x`;
//! * `go f()` by `t` creating `u`: `C_u := C_t`, `u` attaches to a slot,
//!   then `t` ticks.
//!
//! A tick, and an attachment, hand out the slot's next epoch: a slot's
//! epochs increase over its whole life, whoever owns it.
//!
//! Every memory word the program reads or writes has a shadow cell
//! (`shadow` module): the last write as one epoch `W`, and the reads as
//! one epoch `R` while they are totally ordered, or as a read vector
//! once two reads are concurrent. A read by `t` races with the write
//! unless `W ⊑ C_t` (`W.clock <= C_t[W.slot]`); a write by `t` races with
//! the last write and with every recorded read unless each happens
//! before `C_t`. An access at the epoch already recorded returns at once
//! (FastTrack's "same epoch" fast path: most accesses of a loop), and so
//! does a read at the epoch of the recorded write (TSan's rule: whatever
//! races with that read races with the write).
//!
//! # Slots: why clocks stay small
//! With one clock entry per goroutine, N goroutines that all synchronise
//! with one another (200,000 parked on one channel and woken through it)
//! hold N clocks of N entries: O(N²) memory, and O(N) per join (TSan v2;
//! the first version of this module took minutes on `bench/parked.gol`).
//! With slots, a clock has at most 256 entries, whatever N.
//!
//! A goroutine attaches to a slot at creation (or at its first event):
//! a slot never used while there are fewer than 256, else the slot free
//! for longest (its owner finished), else the least recently used one,
//! taken from its live owner, which attaches again at its next event.
//! The new owner's first epoch is one past every epoch the slot handed
//! out, so none of the earlier owners' epochs is ever taken for the new
//! owner's ("a stale epoch never matches a new owner"), and the same-epoch
//! fast paths only ever match the goroutine that recorded the epoch.
//!
//! Soundness (no false report): the access at epoch `c@s` happens before
//! goroutine `u` implies `c <= C_u[s]`, because `c` was the owner's own
//! entry when it accessed, entries only grow, and every release/acquire
//! chain from the access to `u` carries the entry along by joins. Sharing
//! a timeline does not break this: it only makes `c <= C_u[s]` true more
//! often.
//!
//! What can be missed (as in TSan v3, whose old accesses are lost the
//! same way): a goroutine that takes over a slot is ordered after every
//! access its earlier owners made (its own entry exceeds their epochs),
//! and so is every goroutine that later synchronises with it. A race
//! between a new owner and an earlier one of its slot is missed; with at
//! most 256 live goroutines that is only a race with a goroutine that
//! finished while at least 255 others were attached or freed since
//! (free slots are reused in the order they were freed). With more live
//! goroutines than slots, a parked goroutine's slot is the one taken;
//! races with what it did before it parked can be missed.
//!
//! A slot's epochs are 32-bit: when one would pass [`State::epoch_limit`]
//! the detector forgets everything (cells, sync clocks, goroutine clocks,
//! slots) and starts again, as TSan v3's global reset does. Both accesses
//! of a race reported later come after the reset, and so does every
//! synchronisation between them, which the new clocks record: no false
//! report; races with accesses before the reset are missed.
//!
//! Reports name the goroutine of an earlier access through its slot's
//! journal: who owned the slot from which epoch on.
//!
//! # Where the edges come from
//! * goroutine creation: `Op::Go` ([`Race::go_start`], registered before
//!   the child is runnable, so its first access already has its clock);
//! * channels (`interp/chans.rs`): each channel has two clocks, `S` for
//!   its senders and `R` for its receivers. A send releases into `S` as
//!   it starts and acquires `R` when it completes; a receive releases
//!   into `R` as it starts and acquires `S` when it completes; `close`
//!   releases into `S`. This gives Go's rules (the k-th send happens
//!   before the k-th receive completes; the k-th receive happens before
//!   the (k+C)-th send completes; a close happens before a receive that
//!   sees it), and more: a receive also acquires sends that started
//!   earlier but were not matched with it. That over-approximation can
//!   hide a race, never invent one. `select` does the same for every
//!   case it offers.
//! * `sync` (sema.rs): Unlock, RUnlock, WaitGroup.Add/Done and the Cond
//!   notifications release on the object's address; Lock, RLock and
//!   Wait acquire it, at once when they do not park, else when the
//!   goroutine runs again ([`Race::acquire_on_resume`] then
//!   [`Race::resumed`]).
//! * `sync/atomic` (atomic.rs): every atomic operation releases its
//!   address before it and acquires it after (so an operation that
//!   observes another's effect is ordered after it); atomics themselves
//!   are never races.
//! * `time.AfterFunc` (native/services.rs, rt.rs): arming the timer
//!   releases on the callback's func value; the callback's goroutine
//!   starts with that clock ([`Race::go_from`]).
//! * a goroutine's end: nothing (as in Go); its slot is freed.
//!
//! # Where the accesses come from
//! The interpreter's loads and stores (`race!` in `interp`: fields,
//! elements, package variables, captured variables; a map is one object,
//! read or written whole, as Go's runtime reports it); `copy`, `append`,
//! `clear` and the conversions of `[]byte` and `[]rune` to strings
//! ([`Race::access_elems`] from `interp/slices.rs`: each element as an
//! index expression of it would be); natives that read or write the
//! program's memory through `NativeCtx` (fmt printing a slice, a struct
//! or a map, `strings.Join`, `sort`, `Sscan`, a `[]byte` argument), named
//! at their caller's line.
//!
//! # Invariants
//! 1. An attached goroutine's own entry is at least 1, so the zero epoch
//!    ("never accessed") happens before everything.
//! 2. A release ticks the releaser, so nothing it does afterwards is
//!    covered by that release.
//! 3. An allocation clears the shadow of its bytes, and the clocks of
//!    sync objects that lived there (`Race::alloc`): a reused address
//!    starts without history, as Go's `racemalloc` does.
//! 4. Epochs of one slot are handed out once, in increasing order; the
//!    slot's journal maps each to the goroutine that owned the slot then.
//! 5. All state is behind one lock; a report is written under it, so two
//!    reports never interleave and each pair of program counters (and
//!    each address) is reported once.
//!
//! # Costs
//! Shadow: 24 bytes per 8-byte word the program touches (`shadow`), in a
//! dense table the OS commits page by page; each record keeps the bytes
//! of its word it touched, so a `[]byte` written byte by byte costs one
//! cell per word (32 MB: 304 MB and 3.7 s under `-race`, against 3.5 GB
//! and 23 s with a cell per byte; Go's `-race`: 214 MB and 2.0 s).
//! Stacks: the stack of each recorded access is interned in a trie of
//! frames (20 bytes a node),
//! each goroutine remembering its last path so a capture interns only the
//! frames that changed; a child is found in its parent's list, moved to
//! the front. The trie never shrinks: a deep recursion that writes memory
//! at many distinct stacks (binarytrees' 2^17 paths) keeps them all.
//! Clocks: at most 256 entries each. Per goroutine, a few hundred bytes
//! while it lives (its record, clock, last path) and its 40-byte record
//! and an 8-byte journal entry after (a report may name it).
//! One mutex serialises every instrumented access: the Ps run mostly one
//! at a time in this mode. Instructions that touch no memory run in the
//! interpreter's fast loop as without `-race`. The README's "Race
//! detector" section has the figures beside Go's (`bench/race`).
//!
//! Without `-race` none of this is paid: the fast loop is compiled twice
//! and the normal copy has no test for it; what normal mode runs of the
//! hooks is one test of `Vm::race` per allocation, per slow channel or
//! sync operation, per native memory accessor and per slice instruction.
//! Those tests stay small and the work behind them out of line
//! (`interp/slices.rs`'s `race_check` is cold): written inline in `run`,
//! they changed how the compiler laid out the normal fast loop, and
//! `bench/loop.gol` took 10% longer without `-race`.
//!
//! # Not covered yet
//! Mixed plain/atomic accesses of one word are not checked. A cell
//! keeps one write and the reads of each word (`shadow` module docs):
//! older records of other bytes are kept only where a side record or the
//! read vector takes them. A map's entries are not memory of their own
//! (a write of one value races with reads of the map, as in Go, but Go
//! also reports the value's slot separately).
//!
//! Rejected: locksets (Eraser) report correct programs that synchronise
//! with channels; full vector clocks per shadow word (DJIT+) cost O(N)
//! per access where FastTrack's epochs cost O(1) in the common case; a
//! clock entry per goroutine (above); a hash table of shadow cells
//! (`shadow` module docs).

mod clock;
mod options;
mod report;
mod shadow;

pub use options::RaceOptions;

use crate::goroutine::G;
use crate::Vm;
use clock::{Epoch, Sid, VClock, SLOTS};
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// The detector's tables hash addresses and small integers: Fx's
/// multiply-rotate (rustc's), several times faster here than std's
/// SipHash, whose resistance to chosen keys buys nothing for addresses.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        // The product's best bits are its high ones; the table indexes
        // by the low ones (and an address's low 3 bits are 0): rotate
        // them down, as rustc-hash 2 does.
        self.0.rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, x: u32) {
        self.write_u64(x as u64);
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
    fn write_isize(&mut self, x: isize) {
        self.write_u64(x as u64);
    }
}

type FxBuild = std::hash::BuildHasherDefault<FxHasher>;
type FxMap<K, V> = HashMap<K, V, FxBuild>;

/// What a synchronisation clock is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum SyncKey {
    /// A sync object or an atomic's address.
    Addr(u64),
    /// A channel's senders' clock.
    ChanSend(u64),
    /// A channel's receivers' clock.
    ChanRecv(u64),
}

impl SyncKey {
    fn addr(self) -> u64 {
        match self {
            SyncKey::Addr(a) | SyncKey::ChanSend(a) | SyncKey::ChanRecv(a) => a,
        }
    }
}

/// An interned stack: (function, next pc) pairs, innermost first.
type StackId = u32;

/// A goroutine's index in [`State::threads`] (creation order).
type Tix = u32;

/// "Attached to no slot".
const NO_SLOT: Sid = Sid::MAX;

/// One goroutine as the detector knows it: 40 bytes once it has finished
/// (reports still name it), its clock and last path boxed while it lives.
struct Thread {
    gid: u64,
    /// The slot it last attached to; it owns it while the slot's `owner`
    /// says so (else it attaches again at its next event).
    slot: Sid,
    /// Where its `go` statement was (None: main, or started by the
    /// runtime).
    created: Option<StackId>,
    /// Started by a timer (`time.AfterFunc`): the function index of
    /// `time.AfterFunc` (reports say `time.goFunc`, as Go's do).
    timer_site: Option<u32>,
    /// None once it has finished.
    live: Option<Box<Live>>,
}

/// What a goroutine holds while it can still act.
#[derive(Default)]
struct Live {
    vc: VClock,
    /// Its stack at its last recorded access, outermost first: each
    /// frame's (function, pc) and trie node, so the next capture interns
    /// only the frames that changed (usually the innermost one).
    path: Vec<((u32, u32), StackId)>,
}

/// The clock of a finished goroutine (never read: a finished goroutine
/// makes no more events).
static NO_CLOCK: VClock = VClock::EMPTY;

impl Thread {
    fn finished(&self) -> bool {
        self.live.is_none()
    }

    fn vc(&self) -> &VClock {
        self.live.as_deref().map_or(&NO_CLOCK, |l| &l.vc)
    }

    /// Its live state (made again if it had finished: a goroutine id is
    /// never reused, so that does not happen).
    fn live(&mut self) -> &mut Live {
        self.live.get_or_insert_with(Default::default)
    }
}

/// One timeline of epochs, lent to one goroutine at a time.
struct Slot {
    /// The last epoch handed out.
    clock: u32,
    owner: Option<Tix>,
    /// Who owned it from which epoch on: (first epoch, goroutine),
    /// ascending; a report names the goroutine of an old epoch by it.
    journal: Vec<(u32, Tix)>,
    /// When its owner last used it ([`State::stamp`]): the least
    /// recently used slot is the one taken when none is free.
    used: u64,
}

/// A frame of an interned stack: its function and next pc, the caller's
/// node, and the links of the list of its parent's children. A lookup
/// walks the parent's list, whose node was just visited (warm in the
/// cache, where a hash table of all nodes misses it), and moves the hit
/// to the front: a loop that accesses memory at one place finds it first.
#[derive(Clone, Copy, Default)]
struct Node {
    parent: StackId,
    func: u32,
    pc: u32,
    first_child: StackId,
    next_sibling: StackId,
}

/// Everything behind the detector's lock.
struct State {
    tids: FxMap<u64, Tix>,
    threads: Vec<Thread>,
    slots: Vec<Slot>,
    /// Slots without an owner, the longest free first.
    free: VecDeque<Sid>,
    /// Counts the events of attached goroutines (for `Slot::used`).
    stamp: u64,
    /// The largest epoch a slot hands out before the detector starts
    /// again from nothing ([`State::reset`]); lowered by tests.
    epoch_limit: u32,
    shadow: shadow::Shadow,
    sync: FxMap<SyncKey, VClock>,
    /// Clocks a parked goroutine acquires when it runs again.
    pending: FxMap<Tix, Vec<SyncKey>>,
    /// Interned stacks as a trie: a stack is its innermost frame's
    /// node. Node 0 is the root (no frame).
    nodes: Vec<Node>,
    reported_pcs: HashSet<((u32, u32), (u32, u32))>,
    reported_addrs: HashSet<u64>,
    found: usize,
}

impl Default for State {
    fn default() -> Self {
        State {
            tids: FxMap::default(),
            threads: Vec::new(),
            slots: Vec::new(),
            free: VecDeque::new(),
            stamp: 0,
            epoch_limit: u32::MAX - 1,
            shadow: shadow::Shadow::default(),
            sync: FxMap::default(),
            pending: FxMap::default(),
            nodes: vec![Node::default()],
            reported_pcs: HashSet::new(),
            reported_addrs: HashSet::new(),
            found: 0,
        }
    }
}

impl State {
    /// The index of goroutine `gid`, registered (attached to no slot yet,
    /// with an empty clock) when unknown: main, and goroutines the
    /// runtime starts.
    fn tid(&mut self, gid: u64) -> Tix {
        if let Some(&t) = self.tids.get(&gid) {
            return t;
        }
        let t = self.threads.len() as Tix;
        self.threads.push(Thread {
            gid,
            slot: NO_SLOT,
            created: None,
            timer_site: None,
            live: Some(Box::default()),
        });
        self.tids.insert(gid, t);
        t
    }

    /// The slot goroutine `t` owns, attaching it to one first if it has
    /// none (or lost its own to another goroutine).
    #[inline]
    fn own(&mut self, t: Tix) -> Sid {
        self.stamp += 1;
        let s = self.threads[t as usize].slot;
        if let Some(sl) = self.slots.get_mut(s as usize) {
            if sl.owner == Some(t) {
                sl.used = self.stamp;
                return s;
            }
        }
        self.attach(t)
    }

    /// Attaches `t` to a slot: a new one while there are fewer than
    /// [`SLOTS`], else a free one (the longest free: a slot is reused as
    /// late as possible), else the least recently used one, taken from
    /// its owner. Its first epoch there is one past every
    /// epoch the slot handed out, so no earlier access has it (slot
    /// module docs: what taking over a timeline costs).
    #[cold]
    fn attach(&mut self, t: Tix) -> Sid {
        let s = if self.slots.len() < SLOTS {
            self.slots.push(Slot {
                clock: 0,
                owner: None,
                journal: Vec::new(),
                used: 0,
            });
            (self.slots.len() - 1) as Sid
        } else if let Some(s) = self.free.pop_front() {
            s
        } else {
            let lru = self.slots.iter().enumerate().min_by_key(|(_, sl)| sl.used);
            lru.map_or(0, |(s, _)| s as Sid)
        };
        if self.slots[s as usize].clock >= self.epoch_limit {
            self.reset();
            return self.attach(t);
        }
        let sl = &mut self.slots[s as usize];
        sl.clock += 1;
        sl.owner = Some(t);
        sl.used = self.stamp;
        sl.journal.push((sl.clock, t));
        let c = sl.clock;
        let th = &mut self.threads[t as usize];
        th.slot = s;
        th.live().vc.set(s, c);
        s
    }

    /// Advances `t`'s epoch (after a release: later accesses of `t` are
    /// not covered by what it released). `t` owns its slot.
    fn tick(&mut self, t: Tix) {
        let s = self.threads[t as usize].slot;
        let Some(sl) = self.slots.get_mut(s as usize) else {
            return;
        };
        if sl.clock >= self.epoch_limit {
            // Nothing recorded survives the reset: `t` starts again on a
            // new epoch as its next event attaches it.
            self.reset();
            return;
        }
        sl.clock += 1;
        let c = sl.clock;
        self.threads[t as usize].live().vc.set(s, c);
    }

    /// Starts again from nothing when a slot has run out of epochs: every
    /// cell, synchronisation clock, goroutine clock and slot is forgotten
    /// (TSan v3's global reset). Sound: a race needs two accesses in the
    /// shadow, and after the reset both are later than it, and so is
    /// every synchronisation between them, which the new clocks record.
    /// Races with accesses before the reset are missed.
    #[cold]
    fn reset(&mut self) {
        self.shadow = shadow::Shadow::default();
        self.sync.clear();
        self.slots.clear();
        self.free.clear();
        for th in &mut self.threads {
            if let Some(l) = &mut th.live {
                l.vc = VClock::default();
            }
            th.slot = NO_SLOT;
        }
    }

    /// The goroutine that accessed at epoch `e`: the owner of its slot
    /// when the slot handed it out.
    fn owner_at(&self, e: Epoch) -> Option<Tix> {
        let j = &self.slots.get(e.sid as usize)?.journal;
        let k = j.partition_point(|&(first, _)| first <= e.clock);
        k.checked_sub(1).map(|k| j[k].1)
    }

    /// Interns the stack of goroutine `t` (running `g`, its running frame
    /// at `pc`, the next instruction): its innermost 64 frames.
    fn stack_of(&mut self, t: Tix, g: &G, pc: u32) -> StackId {
        let n = g.frames.len();
        let from = n.saturating_sub(64);
        let mut path = std::mem::take(&mut self.threads[t as usize].live().path);
        // The frames shared with the last capture keep their nodes.
        let mut k = 0;
        for (i, f) in g.frames[from..].iter().enumerate() {
            let fp = (f.func, if from + i + 1 == n { pc } else { f.pc });
            match path.get(i) {
                Some(&(q, _)) if q == fp => k = i + 1,
                _ => break,
            }
        }
        path.truncate(k);
        let mut parent = path.last().map_or(0, |&(_, id)| id);
        for (i, f) in g.frames[from + k..].iter().enumerate() {
            let fp = (f.func, if from + k + i + 1 == n { pc } else { f.pc });
            parent = self.child(parent, fp.0, fp.1);
            path.push((fp, parent));
        }
        self.threads[t as usize].live().path = path;
        parent
    }

    /// The node of frame (`func`, `pc`) called from `parent`, made when
    /// missing.
    #[inline]
    fn child(&mut self, parent: StackId, func: u32, pc: u32) -> StackId {
        let mut prev: StackId = 0;
        let mut k = self.nodes[parent as usize].first_child;
        while k != 0 {
            let n = self.nodes[k as usize];
            if n.func == func && n.pc == pc {
                if prev != 0 {
                    // Move to the front.
                    self.nodes[prev as usize].next_sibling = n.next_sibling;
                    self.nodes[k as usize].next_sibling = self.nodes[parent as usize].first_child;
                    self.nodes[parent as usize].first_child = k;
                }
                return k;
            }
            prev = k;
            k = n.next_sibling;
        }
        let id = self.nodes.len() as StackId;
        self.nodes.push(Node {
            parent,
            func,
            pc,
            first_child: 0,
            next_sibling: self.nodes[parent as usize].first_child,
        });
        self.nodes[parent as usize].first_child = id;
        id
    }

    /// Stack `s` as (function, next pc) pairs, innermost first.
    fn frames(&self, mut s: StackId) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        while s != 0 {
            let Some(n) = self.nodes.get(s as usize) else {
                break;
            };
            out.push((n.func, n.pc));
            s = n.parent;
        }
        out
    }

    /// Goroutine `gid` ended: its live state goes, its slot is free.
    fn finish(&mut self, gid: u64) {
        if let Some(t) = self.tids.remove(&gid) {
            // Its clock is never read again (every check reads the
            // accessing goroutine's; what it released is in the sync
            // clocks): the memory goes back now.
            let th = &mut self.threads[t as usize];
            th.live = None;
            let s = th.slot;
            if let Some(sl) = self.slots.get_mut(s as usize) {
                if sl.owner == Some(t) {
                    sl.owner = None;
                    self.free.push_back(s);
                }
            }
            self.pending.remove(&t);
        }
    }

    fn release(&mut self, t: Tix, key: SyncKey) {
        self.own(t);
        let vc = self.threads[t as usize].vc();
        match self.sync.get_mut(&key) {
            Some(l) => l.join(vc),
            None => {
                self.sync.insert(key, vc.clone());
                self.shadow.mark_sync(key.addr());
            }
        }
        self.tick(t);
    }

    fn acquire(&mut self, t: Tix, key: SyncKey) {
        if let Some(l) = self.sync.get(&key) {
            self.threads[t as usize].live().vc.join(l);
        }
    }
}

/// The detector of one run, shared by every M's VM.
pub struct Race {
    st: Mutex<State>,
    pub(crate) opts: RaceOptions,
    /// A race was reported under `halt_on_error` (read where a report
    /// cannot end the program at once: after a native returns). Relaxed:
    /// the flag carries no other data.
    halted: AtomicBool,
}

/// What an access check asks of the interpreter.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    Go,
    /// `halt_on_error` and a race was reported: end the program with
    /// this status.
    Halt(i32),
}

impl Race {
    pub(crate) fn new(opts: RaceOptions) -> Race {
        Race {
            st: Mutex::new(State::default()),
            opts,
            halted: AtomicBool::new(false),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A poisoned lock means a report panicked half-way; the state is
        // still a consistent set of clocks (every update is a join).
        self.st.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Checks and records an access of `len` bytes at `addr` by `g`,
    /// running the instruction before `pc`; reports a race.
    pub(crate) fn access(
        &self,
        vm: &Vm,
        g: &G,
        pc: usize,
        addr: u64,
        len: u64,
        write: bool,
    ) -> Verdict {
        self.access_elems(vm, g, pc, addr, 1, len, write)
    }

    /// Checks and records accesses of `n` elements of `size` bytes from
    /// `addr` on (a copy, an append, a native reading a slice): the bytes
    /// they cover, word by word.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn access_elems(
        &self,
        vm: &Vm,
        g: &G,
        pc: usize,
        addr: u64,
        n: u64,
        size: u64,
        write: bool,
    ) -> Verdict {
        // A zero-size access (a nil check's load of no words) touches
        // no memory.
        if addr == 0 || n == 0 || size == 0 {
            return Verdict::Go;
        }
        let mut st = self.state();
        let t = st.tid(g.id);
        let s = st.own(t);
        let mut here = None;
        let mut verdict = Verdict::Go;
        let acc = shadow::Access {
            t,
            s,
            g,
            pc: pc as u32,
            write,
        };
        // One check per word the bytes overlap, with the bytes they
        // touch there (`shadow` module docs).
        let end = addr.saturating_add(n.saturating_mul(size));
        let mut w = addr & !7;
        while w < end {
            let m = shadow::mask(w, addr, end);
            if let Some(prev) = shadow::check(&mut st, &acc, &mut here, w, m) {
                // Go names the first byte of the access in this word.
                let a = w.max(addr);
                if self.report(vm, &mut st, g, pc as u32, t, a, write, prev)
                    && self.opts.halt_on_error
                {
                    verdict = Verdict::Halt(self.opts.exitcode);
                }
            }
            w += 8;
        }
        verdict
    }

    /// `go f()`: registers child `gid` (before it can run) with the
    /// parent's clock and where the statement is.
    pub(crate) fn go_start(&self, parent: &G, pc: usize, gid: u64) {
        let mut st = self.state();
        let p = st.tid(parent.id);
        st.own(p);
        let site = st.stack_of(p, parent, pc as u32);
        let c = st.tid(gid);
        let vc = st.threads[p as usize].vc().clone();
        let th = &mut st.threads[c as usize];
        th.live().vc = vc;
        th.created = Some(site);
        st.own(c);
        st.tick(p);
    }

    /// A goroutine the runtime starts (`gid`, a `time.AfterFunc`
    /// callback) begins with the clock released on `key` (the timer's
    /// arming) before it can run.
    pub(crate) fn go_from(&self, key: SyncKey, gid: u64, site: u32) {
        let mut st = self.state();
        let c = st.tid(gid);
        st.threads[c as usize].timer_site = Some(site);
        st.acquire(c, key);
    }

    /// Goroutine `gid` ended (reports say "finished"): its slot is free
    /// for another goroutine.
    pub(crate) fn finished(&self, gid: u64) {
        self.state().finish(gid);
    }

    pub(crate) fn release(&self, gid: u64, key: SyncKey) {
        let mut st = self.state();
        let t = st.tid(gid);
        st.release(t, key);
    }

    pub(crate) fn acquire(&self, gid: u64, key: SyncKey) {
        let mut st = self.state();
        let t = st.tid(gid);
        st.acquire(t, key);
    }

    /// Goroutine `gid` parks waiting for `key`'s owner: it acquires
    /// `key` when it runs again ([`Race::resumed`]).
    pub(crate) fn acquire_on_resume(&self, gid: u64, key: SyncKey) {
        let mut st = self.state();
        let t = st.tid(gid);
        st.pending.entry(t).or_default().push(key);
    }

    /// Goroutine `gid` runs again: performs the acquires it parked for.
    /// Called after a parked channel operation's ticket is polled, so a
    /// spurious wakeup (the G parks again at once) does not get here.
    pub(crate) fn resumed(&self, gid: u64) {
        let mut st = self.state();
        let Some(&t) = st.tids.get(&gid) else { return };
        if let Some(keys) = st.pending.remove(&t) {
            for k in keys {
                st.acquire(t, k);
            }
        }
    }

    /// `bytes` bytes at `p` were just allocated: whatever was recorded
    /// there belonged to a dead object.
    pub(crate) fn alloc(&self, p: u64, bytes: u64) {
        let mut st = self.state();
        let st = &mut *st;
        st.shadow.clear(p, p + bytes.max(1), &mut st.sync);
    }

    /// The exit status to end the program with when a race was reported
    /// under `halt_on_error`.
    pub(crate) fn halted(&self) -> Option<i32> {
        self.halted
            .load(Ordering::Relaxed)
            .then_some(self.opts.exitcode)
    }

    /// How many races were reported.
    pub(crate) fn found(&self) -> usize {
        self.state().found
    }

    /// At the end of a run that found races and would exit 0: prints
    /// `Found N data race(s)`; the exit status the run ends with.
    pub(crate) fn found_at_exit(&self, vm: &Vm) -> i32 {
        let n = self.found();
        self.emit(vm, format!("Found {n} data race(s)\n").as_bytes());
        self.opts.exitcode
    }
}

#[cfg(test)]
mod tests {
    //! FastTrack's rules on the detector's state, without a program:
    //! goroutines 1 and 2 (and more) accessing a few addresses.
    use super::*;
    use gol_lang::bytecode::FuncId;

    fn setup() -> (State, G, G) {
        let mut st = State::default();
        let (g1, g2) = (G::new(1, FuncId(0)), G::new(2, FuncId(0)));
        st.tid(1);
        st.tid(2);
        (st, g1, g2)
    }

    /// An access of the word at `a` (8-aligned), or of the byte at `a`.
    fn access(st: &mut State, g: &G, a: u64, write: bool) -> Option<shadow::Prev> {
        let len = if a % 8 == 0 { 8 } else { 1 };
        access_bytes(st, g, a, len, write)
    }

    fn access_bytes(st: &mut State, g: &G, a: u64, len: u64, write: bool) -> Option<shadow::Prev> {
        let t = st.tid(g.id);
        let s = st.own(t);
        let acc = shadow::Access {
            t,
            s,
            g,
            pc: 1,
            write,
        };
        let w = a & !7;
        shadow::check(st, &acc, &mut None, w, shadow::mask(w, a, a + len))
    }

    #[test]
    fn unordered_writes_race_and_a_release_acquire_orders_them() {
        let (mut st, g1, g2) = setup();
        assert!(access(&mut st, &g1, 64, true).is_none());
        let p = access(&mut st, &g2, 64, true).expect("write-write race");
        assert!(p.write && p.tix == Some(0));
        // g2 releases, g1 acquires: g1's next write is ordered after g2's.
        st.release(1, SyncKey::Addr(8));
        st.acquire(0, SyncKey::Addr(8));
        assert!(access(&mut st, &g1, 64, true).is_none());
    }

    #[test]
    fn concurrent_reads_are_shared_and_a_later_write_races_with_each() {
        let (mut st, g1, g2) = setup();
        assert!(access(&mut st, &g1, 64, false).is_none());
        assert!(
            access(&mut st, &g2, 64, false).is_none(),
            "reads never race"
        );
        // g2 learns g1's past: its write after both reads is ordered.
        // Then g2 reads where g1 writes without learning of it: a
        // read-write race.
        st.release(0, SyncKey::Addr(8));
        st.acquire(1, SyncKey::Addr(8));
        assert!(access(&mut st, &g2, 64, true).is_none());
        assert!(access(&mut st, &g2, 72, false).is_none());
        let p = access(&mut st, &g1, 72, true).expect("read-write race");
        assert!(!p.write && p.tix == Some(1));
    }

    fn access_wide(st: &mut State, g: &G, a: u64, write: bool, wide: bool) -> bool {
        let len = if wide { 8 } else { 1 };
        access_bytes(st, g, a, len, write).is_some()
    }

    #[test]
    fn whole_word_and_byte_accesses_of_one_word_check_each_other() {
        // A copy writes the word at 64 whole; a byte inside it, written
        // before or after by an unordered goroutine, races with it.
        let (mut st, g1, g2) = setup();
        assert!(!access_wide(&mut st, &g1, 64, true, true));
        assert!(
            access_wide(&mut st, &g2, 67, true, false),
            "byte after word"
        );
        assert!(!access_wide(&mut st, &g1, 77, false, false));
        assert!(access_wide(&mut st, &g2, 72, true, true), "word after byte");
        // Bytes that do not overlap never race: two bytes of one word,
        // and a 1-byte access at a word's start against one inside it.
        assert!(!access_wide(&mut st, &g1, 81, true, false));
        assert!(!access_wide(&mut st, &g2, 82, true, false));
        assert!(!access_wide(&mut st, &g1, 88, true, false));
        assert!(!access_wide(&mut st, &g2, 89, true, false));
        // Reads never race with reads, whatever their widths.
        assert!(!access_wide(&mut st, &g1, 96, false, true));
        assert!(!access_wide(&mut st, &g2, 99, false, false));
        assert!(!access_wide(&mut st, &g2, 96, false, true));
        // A byte write races with the whole-word reads (shared by two
        // goroutines) before it.
        let g3 = G::new(3, FuncId(0));
        assert!(access_wide(&mut st, &g3, 101, true, false));
    }

    #[test]
    fn bytes_written_one_by_one_share_their_word_and_fields_keep_both_writers() {
        // A loop writing a []byte byte by byte: one record per word, no
        // side record.
        let (mut st, g1, g2) = setup();
        for a in 64..128 {
            assert!(access_bytes(&mut st, &g1, a, 1, true).is_none());
        }
        assert!(st.shadow.side_records() == 0);
        // Two byte fields of one word written by unordered goroutines:
        // no race, and each write is kept, so a third goroutine racing
        // with the first is still caught.
        assert!(access_bytes(&mut st, &g1, 128, 1, true).is_none());
        assert!(access_bytes(&mut st, &g2, 129, 1, true).is_none());
        let g3 = G::new(3, FuncId(0));
        let p = access_bytes(&mut st, &g3, 128, 1, true).expect("races with g1");
        assert_eq!(p.tix, Some(0));
        let p = access_bytes(&mut st, &g3, 129, 1, false).expect("races with g2");
        assert_eq!(p.tix, Some(1));
    }

    #[test]
    fn same_epoch_accesses_are_not_recorded_again() {
        let (mut st, g1, _) = setup();
        assert!(access(&mut st, &g1, 64, true).is_none());
        let nodes = st.nodes.len();
        for _ in 0..10 {
            assert!(access(&mut st, &g1, 64, true).is_none());
            assert!(access(&mut st, &g1, 64, false).is_none());
        }
        assert_eq!(st.nodes.len(), nodes);
    }

    #[test]
    fn an_allocation_forgets_the_words_it_covers() {
        let r = Race::new(RaceOptions::default());
        let (g1, g2) = (G::new(1, FuncId(0)), G::new(2, FuncId(0)));
        {
            let mut st = r.state();
            assert!(access(&mut st, &g1, 64, true).is_none());
            assert!(access(&mut st, &g1, 75, true).is_none(), "a narrow field");
            assert!(access(&mut st, &g1, 80, true).is_none(), "past the object");
            let t = st.tid(1);
            st.release(t, SyncKey::Addr(68));
        }
        r.alloc(64, 16);
        let mut st = r.state();
        assert!(st.sync.is_empty(), "the object's sync clocks went too");
        let p = access(&mut st, &g2, 80, true).expect("the next object kept its history");
        assert_eq!(p.tix, Some(0));
        assert!(access(&mut st, &g2, 64, true).is_none(), "a new object");
        assert!(access(&mut st, &g2, 75, true).is_none(), "a new object");
    }

    #[test]
    fn an_allocation_inside_a_word_keeps_its_neighbours() {
        // Tiny objects share words: a 4-byte object at 68 leaves the
        // cell of the one at 64, and the sync clock at 64.
        let (mut st, g1, g2) = setup();
        assert!(access(&mut st, &g1, 64, true).is_none());
        assert!(access(&mut st, &g1, 68, true).is_none());
        st.release(0, SyncKey::Addr(64));
        let st = &mut st;
        st.shadow.clear(68, 72, &mut st.sync);
        assert_eq!(st.sync.len(), 1);
        assert!(access(st, &g2, 64, true).is_some(), "64 kept its history");
        assert!(access(st, &g2, 68, true).is_none(), "68 is new");
    }

    #[test]
    fn clocks_stay_within_the_slots_however_many_goroutines_sync() {
        // 3 * SLOTS goroutines, each started by main, each releasing on
        // one address main then acquires: main's clock has at most SLOTS
        // entries, and the goroutines that finished gave their slots
        // back.
        let mut st = State::default();
        let main = G::new(1, FuncId(0));
        let m = st.tid(1);
        st.own(m);
        for k in 0..3 * SLOTS as u64 {
            let gid = 2 + k;
            let c = st.tid(gid);
            let vc = st.threads[m as usize].vc().clone();
            st.threads[c as usize].live().vc = vc;
            st.own(c);
            st.tick(m);
            st.release(c, SyncKey::Addr(8));
        }
        st.acquire(m, SyncKey::Addr(8));
        assert!(st.threads[m as usize].vc().len() <= SLOTS);
        assert_eq!(st.slots.len(), SLOTS);
        // Main still owns a slot of its own and its accesses work.
        assert!(access(&mut st, &main, 64, true).is_none());
    }

    #[test]
    fn a_taken_slot_never_makes_a_false_report() {
        // A goroutine whose slot was taken (more live goroutines than
        // slots) attaches to another at its next access; what it did
        // before stays ordered before what it does after.
        let mut st = State::default();
        let g1 = G::new(1, FuncId(0));
        assert!(access(&mut st, &g1, 64, true).is_none());
        for k in 0..2 * SLOTS as u64 {
            let g = G::new(2 + k, FuncId(0));
            assert!(access(&mut st, &g, 1 << 20 | k << 3, true).is_none());
        }
        let t1 = st.tid(1);
        assert_ne!(
            st.slots[st.threads[t1 as usize].slot as usize].owner,
            Some(t1)
        );
        assert!(access(&mut st, &g1, 64, true).is_none(), "its own write");
        assert!(access(&mut st, &g1, 64, false).is_none());
        // Another goroutine without synchronisation still races with it.
        let g9 = G::new(9999, FuncId(0));
        assert!(access(&mut st, &g9, 64, false).is_some());
    }

    #[test]
    fn a_reused_slot_hands_its_new_owner_a_fresh_epoch() {
        // Goroutine 1 writes, ticks a few times and finishes; once every
        // slot has been used, the next goroutine gets its slot, at an
        // epoch past all of goroutine 1's (so no same-epoch fast path
        // can mistake one for the other), and ordered after them.
        let mut st = State::default();
        let g1 = G::new(1, FuncId(0));
        assert!(access(&mut st, &g1, 64, true).is_none());
        let t1 = st.tid(1);
        for _ in 0..3 {
            st.release(t1, SyncKey::Addr(8));
        }
        let s1 = st.threads[t1 as usize].slot;
        let last = st.slots[s1 as usize].clock;
        let w1 = Epoch::from_bits(st.shadow.cell(64)[0]);
        assert_eq!(w1.sid, s1);
        st.finish(1);
        for k in 0..SLOTS as u64 - 1 {
            let t = st.tid(100 + k);
            st.own(t);
        }
        let t2 = st.tid(2);
        let s2 = st.own(t2);
        assert_eq!(s2, s1, "the slot free for longest");
        let e2 = st.threads[t2 as usize].vc().epoch(s2);
        assert!(e2.clock > last && e2 != w1);
        assert_eq!(st.owner_at(w1), Some(t1), "reports still name goroutine 1");
        assert_eq!(st.owner_at(e2), Some(t2));
    }

    #[test]
    fn running_out_of_epochs_starts_again_without_false_reports() {
        let (mut st, g1, g2) = setup();
        st.epoch_limit = 5;
        for k in 0..20 {
            assert!(access(&mut st, &g1, 64, true).is_none(), "round {k}");
            st.release(0, SyncKey::Addr(8));
            st.acquire(1, SyncKey::Addr(8));
            assert!(access(&mut st, &g2, 64, true).is_none(), "round {k}");
            st.release(1, SyncKey::Addr(8));
            st.acquire(0, SyncKey::Addr(8));
        }
        // A race after the last reset is still found.
        assert!(access(&mut st, &g2, 72, true).is_none());
        assert!(access(&mut st, &g1, 72, true).is_some());
    }
}
