//! The race detector (`gol run -race`): happens-before with vector
//! clocks and FastTrack's epochs.
//!
//! # Algorithm
//! FastTrack (Flanagan & Freund, PLDI 2009). Every goroutine `t` has a
//! vector clock `C_t` ([`clock::VClock`]); its own entry `C_t[t]` is its
//! current time. Every synchronisation object `s` (a mutex, a WaitGroup,
//! an atomic's address, each side of a channel) has a clock `L_s`.
//!
//! * release on `s` by `t`: `L_s := L_s ⊔ C_t`, then `C_t[t] += 1`;
//! * acquire on `s` by `t`: `C_t := C_t ⊔ L_s`;
//! * `go f()` by `t` creating `u`: `C_u := C_t` with `C_u[u] = 1`, then
//!   `C_t[t] += 1`.
//!
//! Every memory word the program reads or writes has a shadow
//! [`shadow::Cell`]: the last write as one epoch `W`, and the reads as
//! one epoch `R` while they are totally ordered, or as a read vector
//! (one epoch per reading goroutine) once two reads are concurrent. A
//! read by `t` races with the write unless `W ⊑ C_t` (`W.clock <=
//! C_t[W.tid]`); a write by `t` races with the last write and with every
//! recorded read unless each happens before `C_t`. An access at the
//! epoch already recorded returns at once (FastTrack's "same epoch" fast
//! path: most accesses of a loop).
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
//! * a goroutine's end: nothing (as in Go).
//!
//! # Invariants
//! 1. `C_t[t]` is at least 1 for every registered goroutine, so the zero
//!    epoch ("never accessed") happens before everything.
//! 2. A release ticks the releaser's own entry, so nothing it does
//!    afterwards is covered by that release.
//! 3. An allocation clears the shadow of its bytes (`Race::alloc`): a
//!    reused address starts without history, as Go's `racemalloc` does.
//! 4. All state is behind one lock; a report is written under it, so two
//!    reports never interleave and each pair of program counters (and
//!    each address) is reported once.
//!
//! # Costs (first version)
//! Shadow cells live in a hash table keyed by the accessed address
//! (about 60 bytes per word ever touched and still live, plus the table's
//! slack), not in a shadow mapping beside the heap as TSan's; an
//! allocation removes its words from the table. The stack of each
//! recorded access is interned in a trie of frames (parent, function,
//! pc), each goroutine remembering its last path so a capture interns
//! only the frames that changed; deep recursion still makes many
//! distinct nodes (the trie never shrinks). Vector clocks are dense
//! vectors indexed by goroutine creation order, so a program that has
//! created N goroutines pays O(N) per `go` statement and per
//! release/acquire of a clock that has seen them all; when N live
//! goroutines all synchronise with one another (200,000 parked on one
//! channel and woken through it), their clocks take O(N²) memory, as in
//! TSan v2 (v3 bounds clocks by reusing a fixed set of slots: not done
//! here yet). A finished goroutine's clock is freed. One mutex
//! serialises every instrumented access: the Ps run mostly one at a time
//! in this mode. Measured on 2 shared cores (time with `-race` over
//! time without; Go's `-race` over Go in brackets): fib 2.2x (70x),
//! pingpong 1.3x (5.4x), four goroutines on one Mutex 1.8x (27x),
//! binarytrees 7.5x (4.8x); binarytrees' peak RSS 262 MB against 17 MB
//! (Go: 46 MB against 15), the shadow table and the stack trie.
//!
//! None of this is paid without `-race`: the interpreter's fast loop is
//! not instrumented and race mode never enters it; what normal mode runs
//! of the hooks is one test of `Vm::race` per allocation, per slow
//! channel or sync operation and per slice.
//!
//! # Not covered yet
//! Accesses made by natives (`copy`, `append`, fmt reading a struct) are
//! not recorded, nor mixed plain/atomic accesses of one word. Shadow granularity is the accessed address: an 8-byte
//! access and a 1-byte access inside it are different cells.
//!
//! Rejected: locksets (Eraser) report correct programs that synchronise
//! with channels; full vector clocks per shadow word (DJIT+) cost O(N)
//! per access where FastTrack's epochs cost O(1) in the common case.

mod clock;
mod options;
mod report;
mod shadow;

pub use options::RaceOptions;

use crate::goroutine::G;
use crate::Vm;
use clock::{Tid, VClock};
use std::collections::{HashMap, HashSet};
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

/// An interned stack: (function, next pc) pairs, innermost first.
type StackId = u32;

/// One goroutine as the detector knows it.
struct Thread {
    gid: u64,
    vc: VClock,
    /// Its stack at its last recorded access, outermost first: each
    /// frame's (function, pc) and trie node, so the next capture interns
    /// only the frames that changed (usually the innermost one).
    path: Vec<((u32, u32), StackId)>,
    /// Where its `go` statement was (None: main, or started by the
    /// runtime).
    created: Option<StackId>,
    /// Started by a timer (`time.AfterFunc`): the function index of
    /// `time.AfterFunc` (reports say `time.goFunc`, as Go's do).
    timer_site: Option<u32>,
    finished: bool,
}

/// Everything behind the detector's lock.
#[derive(Default)]
struct State {
    tids: FxMap<u64, Tid>,
    threads: Vec<Thread>,
    shadow: FxMap<u64, shadow::Cell>,
    /// How many shadow cells are keyed by an address that is not a
    /// multiple of 8 (narrow fields): `alloc` looks for those byte by
    /// byte only when there are any.
    unaligned: usize,
    sync: FxMap<SyncKey, VClock>,
    /// Clocks a parked goroutine acquires when it runs again.
    pending: FxMap<Tid, Vec<SyncKey>>,
    /// Interned stacks as a trie: node `k` is (parent node, function,
    /// next pc); a stack is its innermost frame's node. Node 0 is the
    /// root (no frame).
    nodes: Vec<(StackId, u32, u32)>,
    node_ids: FxMap<(StackId, u32, u32), StackId>,
    reported_pcs: HashSet<((u32, u32), (u32, u32))>,
    reported_addrs: HashSet<u64>,
    found: usize,
}

impl State {
    /// The thread index of goroutine `gid`, registered with a fresh
    /// clock when unknown (main, and goroutines the runtime starts).
    fn tid(&mut self, gid: u64) -> Tid {
        if let Some(&t) = self.tids.get(&gid) {
            return t;
        }
        let t = self.threads.len() as Tid;
        let mut vc = VClock::default();
        vc.set(t, 1);
        self.threads.push(Thread {
            gid,
            vc,
            path: Vec::new(),
            created: None,
            timer_site: None,
            finished: false,
        });
        self.tids.insert(gid, t);
        t
    }

    /// Interns the stack of goroutine `t` (running `g`, its running frame
    /// at `pc`, the next instruction): its innermost 64 frames.
    fn stack_of(&mut self, t: Tid, g: &G, pc: u32) -> StackId {
        if self.nodes.is_empty() {
            self.nodes.push((0, 0, 0));
        }
        let n = g.frames.len();
        let from = n.saturating_sub(64);
        let mut path = std::mem::take(&mut self.threads[t as usize].path);
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
            let key = (parent, fp.0, fp.1);
            parent = match self.node_ids.get(&key) {
                Some(&id) => id,
                None => {
                    let id = self.nodes.len() as StackId;
                    self.nodes.push(key);
                    self.node_ids.insert(key, id);
                    id
                }
            };
            path.push((fp, parent));
        }
        self.threads[t as usize].path = path;
        parent
    }

    /// Stack `s` as (function, next pc) pairs, innermost first.
    fn frames(&self, mut s: StackId) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        while s != 0 {
            let Some(&(parent, func, pc)) = self.nodes.get(s as usize) else {
                break;
            };
            out.push((func, pc));
            s = parent;
        }
        out
    }

    fn release(&mut self, t: Tid, key: SyncKey) {
        let th = &mut self.threads[t as usize];
        self.sync.entry(key).or_default().join(&th.vc);
        th.vc.tick(t);
    }

    fn acquire(&mut self, t: Tid, key: SyncKey) {
        if let Some(l) = self.sync.get(&key) {
            self.threads[t as usize].vc.join(l);
        }
    }
}

/// The detector of one run, shared by every M's VM.
pub struct Race {
    st: Mutex<State>,
    pub(crate) opts: RaceOptions,
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
        // A zero-size access (a nil check's load of no words) touches
        // no memory.
        if addr == 0 || len == 0 {
            return Verdict::Go;
        }
        let mut st = self.state();
        let t = st.tid(g.id);
        // One cell per 8-byte piece, keyed by where the piece starts.
        let mut a = addr;
        let end = addr + len;
        let mut verdict = Verdict::Go;
        while a < end {
            if let Some(prev) = shadow::check(&mut st, t, g, pc as u32, a, write) {
                if self.report(vm, &mut st, g, pc as u32, t, a, write, prev)
                    && self.opts.halt_on_error
                {
                    verdict = Verdict::Halt(self.opts.exitcode);
                }
            }
            a += 8;
        }
        verdict
    }

    /// `go f()`: registers child `gid` (before it can run) with the
    /// parent's clock and where the statement is.
    pub(crate) fn go_start(&self, parent: &G, pc: usize, gid: u64) {
        let mut st = self.state();
        let p = st.tid(parent.id);
        let site = st.stack_of(p, parent, pc as u32);
        let c = st.tid(gid);
        let mut vc = st.threads[p as usize].vc.clone();
        vc.set(c, 1);
        let th = &mut st.threads[c as usize];
        th.vc = vc;
        th.created = Some(site);
        st.threads[p as usize].vc.tick(p);
    }

    /// A goroutine the runtime starts (`gid`, a `time.AfterFunc`
    /// callback) begins with the clock released on `key` (the timer's
    /// arming) before it can run.
    pub(crate) fn go_from(&self, key: SyncKey, gid: u64, site: u32) {
        let mut st = self.state();
        let c = st.tid(gid);
        st.threads[c as usize].timer_site = Some(site);
        if let Some(l) = st.sync.get(&key).cloned() {
            st.threads[c as usize].vc.join(&l);
        }
    }

    /// Goroutine `gid` ended (reports say "finished").
    pub(crate) fn finished(&self, gid: u64) {
        let mut st = self.state();
        if let Some(&t) = st.tids.get(&gid) {
            // Its clock is never read again (every check reads the
            // accessing goroutine's; what it released is in the sync
            // clocks): the memory goes back now.
            let th = &mut st.threads[t as usize];
            th.finished = true;
            th.vc = VClock::default();
            th.path = Vec::new();
            st.pending.remove(&t);
        }
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
        if st.shadow.is_empty() {
            return;
        }
        let end = p + bytes.max(1);
        if bytes / 8 > st.shadow.len() as u64 {
            let mut gone = 0;
            st.shadow.retain(|&a, _| {
                let keep = a < p || a >= end;
                gone += (!keep && a % 8 != 0) as usize;
                keep
            });
            st.unaligned -= gone;
        } else {
            // Cells are keyed by where an access starts: a word, or any
            // byte for a narrow field.
            let mut a = p.next_multiple_of(8);
            while a < end {
                st.shadow.remove(&a);
                a += 8;
            }
            if st.unaligned > 0 {
                for a in (p..end).filter(|a| a % 8 != 0) {
                    if st.shadow.remove(&a).is_some() {
                        st.unaligned -= 1;
                    }
                }
            }
        }
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
    //! FastTrack's rules on the detector's state, without a program: two
    //! goroutines (1 and 2) accessing one address.
    use super::*;
    use gol_lang::bytecode::FuncId;

    fn setup() -> (State, G, G) {
        let mut st = State::default();
        let (g1, g2) = (G::new(1, FuncId(0)), G::new(2, FuncId(0)));
        st.tid(1);
        st.tid(2);
        (st, g1, g2)
    }

    fn access(st: &mut State, g: &G, a: u64, write: bool) -> Option<shadow::Prev> {
        let t = st.tid(g.id);
        shadow::check(st, t, g, 1, a, write)
    }

    #[test]
    fn unordered_writes_race_and_a_release_acquire_orders_them() {
        let (mut st, g1, g2) = setup();
        assert!(access(&mut st, &g1, 64, true).is_none());
        let p = access(&mut st, &g2, 64, true).expect("write-write race");
        assert!(p.write && p.tid == 0);
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
        assert!(!p.write && p.tid == 1);
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
        }
        r.alloc(64, 16);
        let mut st = r.state();
        assert_eq!(st.unaligned, 0);
        assert!(st.shadow.is_empty());
        assert!(access(&mut st, &g2, 64, true).is_none(), "a new object");
    }
}
