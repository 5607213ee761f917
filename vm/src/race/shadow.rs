//! Shadow memory and FastTrack's access rules (see the module docs of
//! `race` for the algorithm).
//!
//! # Cells
//! Every 8-byte word the program touches has a cell: the last write as
//! one epoch and the reads since as one epoch while they are ordered, or
//! a read vector once two of them are concurrent (FastTrack's
//! "read-shared" state), each with the interned stack of the access for
//! the report, and each with the *bytes* of the word it touched (a mask,
//! as TSan's shadow words keep an access's offset and size). Two accesses
//! race only if their bytes overlap. A cell is three words, all zero for
//! "no access yet":
//!
//! * `w`: the write's epoch (`Epoch::bits`), its bytes in the top 8 bits,
//!   and two flags: [`SYNC`] (some address of this word has a
//!   synchronisation clock) and [`NARROW`] (the word has writes in
//!   [`Shadow::narrow`]);
//! * `r`: the read's epoch and bytes, or the flag [`SHARED`] when the
//!   reads are a vector (in [`Shadow::shared`]);
//! * `at`: the stacks of the write (high half) and of the read (low).
//!
//! An access of bytes `[a, a + len)` is one check per word it overlaps,
//! with the bytes it touches there: a copy of a `[]byte` is one check per
//! word, and a loop writing it byte by byte merges into one record per
//! word (the same goroutine at the same epoch).
//!
//! # What a cell keeps
//! Every record in a cell is an access that happened, at its epoch, to
//! (at least) its bytes; a race is reported only against a record whose
//! bytes overlap the access's and whose epoch does not happen before it.
//! So no record ever makes a false report: keeping fewer only misses
//! races. A new write takes the word's write record when it is the same
//! goroutine at the same epoch (the bytes merge), or when the recorded
//! write happens before it and touched no other bytes (FastTrack's
//! replacement); otherwise it goes to a side record of its own, keyed by
//! its first byte, so that two goroutines writing different bytes of a
//! word (two `byte` fields) keep both writes. Reads merge the same way,
//! else join the read vector. A write drops the reads whose bytes it
//! covers (they happen before it, or were just reported).
//!
//! # Where cells live
//! In a dense table beside the heap (TSan's shadow mapping, made of
//! chunks: one per 64 MiB of address space touched, allocated zeroed so
//! that the OS commits only the pages of words the program touches): 24
//! bytes per word touched. Side records and read vectors are in hash
//! tables (about 40 bytes and more each), for the words whose flags say
//! so.
//!
//! # Clearing
//! A new object starts without history (race invariant 3): the bytes of
//! its words are taken out of every record (a word shared with another
//! tiny object keeps the other's bytes), cells left with nothing are
//! zeroed, skipping the ones already zero (reading an untouched page of
//! the table commits nothing; writing it would). Flags say which side
//! tables to visit. Clocks of synchronisation objects that lived at those
//! addresses go with them (as Go's `racemalloc` resets the sync objects'
//! meta map).
//!
//! Rejected: a hash table of cells keyed by address (the first version):
//! about 100 bytes per word with the table's slack and a hash per access
//! and per cleared word; binarytrees took 262 MB under `-race` with it,
//! and writing a 32 MB `[]byte` byte by byte 3.5 GB (a cell per byte).

use super::clock::{Epoch, Sid, EPOCH_BITS};
use super::{FxMap, StackId, State, SyncKey, Tix};
use crate::goroutine::G;

/// `w`: some address of this word has a synchronisation clock.
pub(super) const SYNC: u64 = 1 << 48;
/// `w`: the word has side records in [`Shadow::narrow`].
const NARROW: u64 = 1 << 49;
/// `r`: the reads are a vector in [`Shadow::shared`].
const SHARED: u64 = 1 << 48;
/// Where a record's bytes are.
const MASK_SHIFT: u32 = 56;

type Cell = [u64; 3];

/// A record's epoch.
#[inline]
fn epoch(x: u64) -> Epoch {
    Epoch::from_bits(x)
}

/// A record's bytes.
#[inline]
fn bytes(x: u64) -> u8 {
    (x >> MASK_SHIFT) as u8
}

/// A record of epoch `e` and bytes `m`.
#[inline]
fn record(e: Epoch, m: u8) -> u64 {
    e.bits() | (m as u64) << MASK_SHIFT
}

/// The bytes of `[lo, hi)` inside the word at `w`.
#[inline]
pub(super) fn mask(w: u64, lo: u64, hi: u64) -> u8 {
    let (a, b) = (lo.max(w) - w, hi.min(w + 8) - w);
    if a >= b {
        return 0;
    }
    (((1u16 << b) - (1u16 << a)) & 0xff) as u8
}

/// log2 of the address range a chunk covers.
const CHUNK_SHIFT: u32 = 26;
const CHUNK_WORDS: usize = 1 << (CHUNK_SHIFT - 3);

/// Chunks of the 48-bit address space (user addresses on Linux).
const DIRECT_CHUNKS: u64 = 1 << (48 - CHUNK_SHIFT);

/// Every cell of the run.
#[derive(Default)]
pub(super) struct Shadow {
    /// Chunk index (address >> CHUNK_SHIFT) to its position in `chunks`
    /// plus one (0: none): a flat table of 4M entries, allocated zeroed
    /// on first use (the OS commits the pages of the entries used), as
    /// the heap's arena index.
    index: Vec<u32>,
    /// The same for addresses past 48 bits (none on the systems gol runs
    /// on; kept so that no address is ever folded onto another).
    far: FxMap<u64, u32>,
    chunks: Vec<Vec<Cell>>,
    /// Writes a word's cell could not take (module docs), keyed by the
    /// word's address plus their first byte.
    narrow: FxMap<u64, Cell>,
    /// Read vectors of read-shared words: each read's epoch, stack and
    /// bytes.
    shared: FxMap<u64, Vec<(Epoch, StackId, u8)>>,
}

impl Shadow {
    /// The position (plus one) of the chunk of `a` in `chunks`; 0 none.
    #[inline]
    fn pos(&self, a: u64) -> u32 {
        let k = a >> CHUNK_SHIFT;
        if k < DIRECT_CHUNKS {
            self.index.get(k as usize).copied().unwrap_or(0)
        } else {
            self.far.get(&k).copied().unwrap_or(0)
        }
    }

    /// The dense cell of the word at `a` (8-aligned), its chunk made
    /// when missing.
    #[inline]
    fn word(&mut self, a: u64) -> &mut Cell {
        let mut pos = self.pos(a);
        if pos == 0 {
            pos = self.new_chunk(a);
        }
        &mut self.chunks[pos as usize - 1][((a >> 3) as usize) & (CHUNK_WORDS - 1)]
    }

    #[cold]
    fn new_chunk(&mut self, a: u64) -> u32 {
        // `vec!` of zeros allocates zeroed memory (calloc): the OS maps
        // the pages when they are first written.
        self.chunks.push(vec![[0; 3]; CHUNK_WORDS]);
        let pos = self.chunks.len() as u32;
        let k = a >> CHUNK_SHIFT;
        if k < DIRECT_CHUNKS {
            if self.index.is_empty() {
                self.index = vec![0; DIRECT_CHUNKS as usize];
            }
            self.index[k as usize] = pos;
        } else {
            self.far.insert(k, pos);
        }
        pos
    }

    /// The dense cell of the word at `a` (8-aligned) if its chunk exists.
    #[inline]
    pub(super) fn word_if_any(&mut self, a: u64) -> Option<&mut Cell> {
        let pos = self.pos(a);
        if pos == 0 {
            return None;
        }
        Some(&mut self.chunks[pos as usize - 1][((a >> 3) as usize) & (CHUNK_WORDS - 1)])
    }

    /// Marks the word of `a` as holding a synchronisation clock.
    pub(super) fn mark_sync(&mut self, a: u64) {
        self.word(a & !7)[0] |= SYNC;
    }

    /// How many side records there are (tests).
    #[cfg(test)]
    pub(super) fn side_records(&self) -> usize {
        self.narrow.len()
    }

    /// The dense cell of the word at `w` (tests).
    #[cfg(test)]
    pub(super) fn cell(&mut self, w: u64) -> Cell {
        *self.word(w)
    }

    /// Forgets the history of `[p, end)` (a new object): its bytes in
    /// every record, and the synchronisation clocks of its addresses
    /// (`sync`).
    pub(super) fn clear(&mut self, p: u64, end: u64, sync: &mut FxMap<SyncKey, super::VClock>) {
        let mut w = p & !7;
        while w < end {
            // A chunk never made has nothing to clear: skip the rest of
            // its range.
            let Some(c) = self.word_if_any(w) else {
                w = ((w >> CHUNK_SHIFT) + 1) << CHUNK_SHIFT;
                continue;
            };
            if *c == [0; 3] {
                w += 8;
                continue;
            }
            // The bytes of this word inside the object: all of them but
            // at the ends of an object that shares words (tiny objects
            // are packed).
            let (lo, hi) = (w.max(p), (w + 8).min(end));
            let cm = mask(w, lo, hi);
            let c0 = *c;
            if c0[1] & SHARED != 0 {
                if let Some(v) = self.shared.get_mut(&w) {
                    v.retain_mut(|(_, _, m)| {
                        *m &= !cm;
                        *m != 0
                    });
                    if v.is_empty() {
                        self.shared.remove(&w);
                    }
                }
            }
            if c0[0] & NARROW != 0 {
                for k in w..w + 8 {
                    if let Some(n) = self.narrow.get_mut(&k) {
                        let m = bytes(n[0]) & !cm;
                        if m == 0 {
                            self.narrow.remove(&k);
                        } else {
                            n[0] = (n[0] & EPOCH_BITS) | (m as u64) << MASK_SHIFT;
                        }
                    }
                }
            }
            if c0[0] & SYNC != 0 {
                for a in lo..hi {
                    for key in [SyncKey::Addr(a), SyncKey::ChanSend(a), SyncKey::ChanRecv(a)] {
                        sync.remove(&key);
                    }
                }
            }
            let shared_left = self.shared.contains_key(&w);
            let c = self.word(w);
            let wm = bytes(c0[0]) & !cm;
            let flags = if cm == 0xff {
                0
            } else {
                c0[0] & (SYNC | NARROW)
            };
            c[0] = if wm == 0 {
                0
            } else {
                c0[0] & EPOCH_BITS | (wm as u64) << MASK_SHIFT
            } | flags;
            c[1] = if c0[1] & SHARED != 0 {
                if shared_left {
                    SHARED
                } else {
                    0
                }
            } else {
                let rm = bytes(c0[1]) & !cm;
                if rm == 0 {
                    0
                } else {
                    c0[1] & EPOCH_BITS | (rm as u64) << MASK_SHIFT
                }
            };
            if c[0] == 0 && c[1] == 0 {
                c[2] = 0;
            }
            w += 8;
        }
    }
}

/// The earlier access a new one races with.
pub(super) struct Prev {
    /// The goroutine that made it (None: its slot's journal has no
    /// owner for it; never in practice).
    pub(super) tix: Option<Tix>,
    pub(super) at: StackId,
    pub(super) write: bool,
}

/// Who accesses: goroutine `t` (attached to slot `s`), running `g`
/// with the instruction before `pc`; a write or a read.
pub(super) struct Access<'g> {
    pub(super) t: Tix,
    pub(super) s: Sid,
    pub(super) g: &'g G,
    pub(super) pc: u32,
    pub(super) write: bool,
}

/// The record in cell `c` (of the word at `w`) that races with an
/// access of bytes `m` (a write or not) by a goroutine whose clock is
/// `vc`: the write, then (for a write) a read.
fn conflict(
    c: &Cell,
    w: u64,
    shared: &FxMap<u64, Vec<(Epoch, StackId, u8)>>,
    vc: &super::VClock,
    write: bool,
    m: u8,
) -> Option<(Epoch, StackId, bool)> {
    if bytes(c[0]) & m != 0 && !epoch(c[0]).before(vc) {
        return Some((epoch(c[0]), (c[2] >> 32) as StackId, true));
    }
    if !write {
        return None;
    }
    if c[1] & SHARED == 0 {
        (bytes(c[1]) & m != 0 && !epoch(c[1]).before(vc)).then_some((
            epoch(c[1]),
            c[2] as StackId,
            false,
        ))
    } else {
        let &(r, at, _) = shared
            .get(&w)?
            .iter()
            .find(|&&(r, _, rm)| rm & m != 0 && !r.before(vc))?;
        Some((r, at, false))
    }
}

/// Checks access `acc` of bytes `m` of the word at `w`, records it, and
/// returns the earlier access it races with. `here` is the access's
/// stack, interned by the first check that records (the words of one
/// access share it).
pub(super) fn check(
    st: &mut State,
    acc: &Access<'_>,
    here: &mut Option<StackId>,
    w: u64,
    m: u8,
) -> Option<Prev> {
    let Access { t, s, g, pc, write } = *acc;
    let e = st.threads[t as usize].vc().epoch(s);
    // Same-epoch fast paths: nothing to check or record. A write at this
    // epoch covers a read of its bytes too (TSan's rule): whatever races
    // with the read races with that write.
    {
        let c = *st.shadow.word(w);
        let mine = |x: u64| epoch(x) == e && bytes(x) & m == m;
        if mine(c[0]) {
            return None;
        }
        if !write {
            if c[1] & SHARED == 0 {
                if mine(c[1]) {
                    return None;
                }
            } else if st
                .shadow
                .shared
                .get(&w)
                .is_some_and(|v| v.iter().any(|&(r, _, rm)| r == e && rm & m == m))
            {
                return None;
            }
        }
    }
    let here = match *here {
        Some(h) => h,
        None => *here.insert(st.stack_of(t, g, pc)),
    };
    let vc = st.threads[t as usize].vc();
    let sh = &mut st.shadow;
    let c = *sh.word(w);
    let mut race = conflict(&c, w, &sh.shared, vc, write, m);
    if race.is_none() && c[0] & NARROW != 0 {
        race = (w..w + 8).find_map(|k| conflict(sh.narrow.get(&k)?, k, &sh.shared, vc, write, m));
    }
    let mut out = c;
    if write {
        let (we, wm) = (epoch(c[0]), bytes(c[0]));
        let flags = c[0] & (SYNC | NARROW);
        if we == e || wm == 0 || (we.before(vc) && wm & !m == 0) {
            let merged = if we == e { wm | m } else { m };
            out[0] = record(e, merged) | flags;
            out[2] = (out[2] & 0xffff_ffff) | (here as u64) << 32;
        } else {
            // The word's write is someone else's (or older) and touched
            // other bytes: this one gets a record of its own.
            out[0] |= NARROW;
            let key = w + m.trailing_zeros() as u64;
            let n = sh.narrow.entry(key).or_default();
            let merged = if epoch(n[0]) == e { bytes(n[0]) | m } else { m };
            *n = [record(e, merged), 0, (here as u64) << 32];
        }
        // The reads of these bytes happen before this write (or were
        // just reported).
        if c[1] & SHARED == 0 {
            if bytes(c[1]) & !m == 0 {
                out[1] = 0;
            }
        } else if let Some(v) = sh.shared.get_mut(&w) {
            v.retain(|&(_, _, rm)| rm & !m != 0);
            if v.is_empty() {
                sh.shared.remove(&w);
                out[1] = 0;
            }
        }
    } else if c[1] & SHARED == 0 {
        let (re, rm) = (epoch(c[1]), bytes(c[1]));
        if re == e || rm == 0 || (re.before(vc) && rm & !m == 0) {
            let merged = if re == e { rm | m } else { m };
            out[1] = record(e, merged);
            out[2] = (out[2] & !0xffff_ffff) | here as u64;
        } else {
            sh.shared
                .insert(w, vec![(re, c[2] as StackId, rm), (e, here, m)]);
            out[1] = SHARED;
        }
    } else {
        let v = sh.shared.entry(w).or_default();
        let same = v
            .iter_mut()
            .find(|(r, _, rm)| r.sid == s && (*r == e || (r.before(vc) && *rm & !m == 0)));
        match same {
            Some(x) => {
                let merged = if x.0 == e { x.2 | m } else { m };
                *x = (e, here, merged);
            }
            None => v.push((e, here, m)),
        }
    }
    *sh.word(w) = out;
    race.map(|(e, at, write)| Prev {
        tix: st.owner_at(e),
        at,
        write,
    })
}
