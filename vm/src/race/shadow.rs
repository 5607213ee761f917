//! Shadow memory and FastTrack's access rules (see the module docs of
//! `race` for the algorithm).
//!
//! # Cells
//! A cell records the last write as one epoch and the reads since as one
//! epoch while they are ordered, or a read vector once two of them are
//! concurrent (FastTrack's "read-shared" state), each with the interned
//! stack of the access for the report. After a write every recorded read
//! happened before it (or was just reported), so the reads start again
//! from none. A cell is three words, all zero for "no access yet":
//!
//! * `w`: the write's epoch (`Epoch::bits`) and three flags: [`SYNC`]
//!   (some address of this word has a synchronisation clock), [`NARROW`]
//!   (some byte of it after the first has a cell of its own) and
//!   [`WIDE_W`] (the write covered the whole word);
//! * `r`: the read's epoch and [`WIDE_R`] (it covered the whole word), or
//!   the flag [`SHARED`] when the reads are a vector (kept in
//!   [`Shadow::shared`], keyed by the cell's address, each read with its
//!   own whole-word bit);
//! * `at`: the stacks of the write (high half) and of the read (low).
//!
//! # Where cells live
//! A cell per 8-byte word, keyed by the address an access starts at: a
//! word-aligned access, or a piece of a longer one, uses the word's cell
//! in a dense table beside the heap (TSan's shadow mapping, made of
//! chunks: one per 64 MiB of address space touched, allocated zeroed so
//! that the OS commits only the pages of words the program touches; 24
//! bytes per word touched). An access that starts inside a word (a narrow
//! field, a byte of a `[]byte`) has its own cell in a hash table (about
//! 40 bytes each), and marks the word `NARROW` so that clearing finds it.
//!
//! Cells of one word that overlap check each other, never the ones that
//! may not: an access inside a word also checks the word cell's accesses
//! that covered the whole word, and a whole-word access (a copy of a
//! `[]byte`, an 8-byte load) also checks the word's narrow cells. A
//! 1-byte access at a word's start and one inside it are different cells
//! that do not check each other (they do not overlap), nor do a 4-byte
//! access at a word's start and a byte inside its 4 bytes (a race between
//! those is missed; typed Go code makes no such pair without `unsafe`).
//!
//! Byte-by-byte indexing of a large `[]byte` makes a narrow cell per
//! byte: 32 MB written by `b[i] = x` cost about 3.5 GB of cells (Go's
//! `-race`: 214 MB, its shadow words recording an access's offset and
//! size); copies, appends and natives record such a slice a word at a
//! time.
//!
//! # Clearing
//! A new object starts without history (race invariant 3): its words'
//! cells are zeroed, skipping the ones already zero (reading an untouched
//! page of the table commits nothing; writing it would). Flags say which
//! side tables to visit, so clearing costs a few loads per word. Clocks of
//! synchronisation objects that lived at those addresses go with them (as
//! Go's `racemalloc` resets the sync objects' meta map).
//!
//! Rejected: a hash table of cells keyed by address (the first version):
//! about 100 bytes per word with the table's slack and a hash per access
//! and per cleared word; binarytrees took 262 MB under `-race` with it.

use super::clock::{Epoch, Sid, EPOCH_BITS};
use super::{FxMap, StackId, State, SyncKey, Tix};
use crate::goroutine::G;

/// `w`: some address of this word has a synchronisation clock.
pub(super) const SYNC: u64 = 1 << 48;
/// `w`: some byte of this word after the first has a narrow cell.
pub(super) const NARROW: u64 = 1 << 49;
/// `w`: the write covered the whole word.
const WIDE_W: u64 = 1 << 50;
/// `r`: the reads are a vector in [`Shadow::shared`].
const SHARED: u64 = 1 << 48;
/// `r`: the read covered the whole word.
const WIDE_R: u64 = 1 << 49;

/// log2 of the address range a chunk covers.
const CHUNK_SHIFT: u32 = 26;
const CHUNK_WORDS: usize = 1 << (CHUNK_SHIFT - 3);

type Cell = [u64; 3];

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
    /// Cells of accesses that start inside a word.
    narrow: FxMap<u64, Cell>,
    /// Read vectors of read-shared cells, keyed by the cell's address:
    /// each read's epoch, stack, and whether it covered the whole word.
    shared: FxMap<u64, Vec<(Epoch, StackId, bool)>>,
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

    /// The cell of an access starting at `a`.
    #[inline]
    pub(super) fn cell(&mut self, a: u64) -> &mut Cell {
        if a % 8 == 0 {
            return self.word(a);
        }
        self.word(a & !7)[0] |= NARROW;
        self.narrow.entry(a).or_default()
    }

    /// Marks the word of `a` as holding a synchronisation clock.
    pub(super) fn mark_sync(&mut self, a: u64) {
        self.word(a & !7)[0] |= SYNC;
    }

    /// Forgets the history of `[p, end)` (a new object): cells, read
    /// vectors and the synchronisation clocks of its addresses
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
            // The addresses of this word inside the object: all of it
            // but at the ends of an object that shares words (tiny
            // objects are packed).
            let (lo, hi) = (w.max(p), (w + 8).min(end));
            let flags = c[0];
            let whole = lo == w;
            if whole {
                if c[1] & SHARED != 0 {
                    self.shared.remove(&w);
                }
                let c = self.word(w);
                *c = [0, 0, 0];
                // A flag for bytes outside the object stays (a stale flag
                // costs a look-up, never a lost cell).
                if hi < w + 8 {
                    c[0] = flags & (SYNC | NARROW);
                }
            }
            if flags & NARROW != 0 {
                for a in (lo..hi).filter(|a| a % 8 != 0) {
                    if let Some(n) = self.narrow.remove(&a) {
                        if n[1] & SHARED != 0 {
                            self.shared.remove(&a);
                        }
                    }
                }
            }
            if flags & SYNC != 0 {
                for a in lo..hi {
                    for key in [SyncKey::Addr(a), SyncKey::ChanSend(a), SyncKey::ChanRecv(a)] {
                        sync.remove(&key);
                    }
                }
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

/// The earlier access recorded in cell `c` (at address `key`) that
/// races with `write` by a goroutine whose clock is `vc`: the write, then
/// (for a write) a read. `wide_only`: only accesses that covered their
/// whole word count (the cell is another piece of the word than the
/// access's own, and only those overlap it surely).
fn conflict(
    c: &Cell,
    key: u64,
    shared: &FxMap<u64, Vec<(Epoch, StackId, bool)>>,
    vc: &super::VClock,
    write: bool,
    wide_only: bool,
) -> Option<(Epoch, StackId, bool)> {
    let w = Epoch::from_bits(c[0]);
    if !w.before(vc) && (!wide_only || c[0] & WIDE_W != 0) {
        return Some((w, (c[2] >> 32) as StackId, true));
    }
    if !write {
        return None;
    }
    if c[1] & SHARED == 0 {
        let r = Epoch::from_bits(c[1]);
        (!r.before(vc) && (!wide_only || c[1] & WIDE_R != 0)).then_some((r, c[2] as StackId, false))
    } else {
        let v = shared.get(&key)?;
        let &(r, at, _) = v
            .iter()
            .find(|&&(r, _, wide)| !r.before(vc) && (!wide_only || wide))?;
        Some((r, at, false))
    }
}

/// Checks access `acc` to the cell at `a`, records it, and returns the
/// earlier access it races with. `wide`: the access covers the whole
/// word at `a` (an aligned 8-byte piece). An access inside a word (a
/// narrow cell) also checks the whole-word accesses recorded in the
/// word's cell, and a whole-word access checks the word's narrow cells:
/// they overlap it (module docs, "Where cells live"). `here` is the
/// access's stack, interned by the first check that records (the pieces
/// of one access share it).
pub(super) fn check(
    st: &mut State,
    acc: &Access<'_>,
    here: &mut Option<StackId>,
    a: u64,
    wide: bool,
) -> Option<Prev> {
    let Access { t, s, g, pc, write } = *acc;
    let e = st.threads[t as usize].vc().epoch(s);
    let eb = e.bits();
    // Same-epoch fast paths: nothing to check or record (unless this
    // access covers more of the word than the recorded one). A write at
    // this epoch covers a read too (TSan's rule): whatever races with the
    // read races with that write.
    {
        let covers = |flags: u64, bit: u64| !wide || flags & bit != 0;
        let c = st.shadow.cell(a);
        if c[0] & EPOCH_BITS == eb && covers(c[0], WIDE_W) {
            return None;
        }
        if !write {
            if c[1] & SHARED == 0 {
                if c[1] & EPOCH_BITS == eb && covers(c[1], WIDE_R) {
                    return None;
                }
            } else if st
                .shadow
                .shared
                .get(&a)
                .is_some_and(|v| v.iter().any(|&(r, _, w)| r == e && (w || !wide)))
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
    let c = *sh.cell(a);
    let mut race = conflict(&c, a, &sh.shared, vc, write, false);
    if race.is_none() && a % 8 != 0 {
        let w = a & !7;
        if let Some(wc) = sh.word_if_any(w).map(|c| *c) {
            race = conflict(&wc, w, &sh.shared, vc, write, true);
        }
    } else if race.is_none() && wide && c[0] & NARROW != 0 {
        race = (a + 1..a + 8).find_map(|b| {
            let nc = sh.narrow.get(&b)?;
            conflict(nc, b, &sh.shared, vc, write, false)
        });
    }
    let mut out = c;
    let r_wide = if wide { WIDE_R } else { 0 };
    if write {
        if c[1] & SHARED != 0 {
            sh.shared.remove(&a);
        }
        let w_wide = if wide { WIDE_W } else { 0 };
        out = [
            (c[0] & (SYNC | NARROW)) | eb | w_wide,
            0,
            (here as u64) << 32,
        ];
    } else if c[1] & SHARED == 0 {
        let r = Epoch::from_bits(c[1]);
        if r.before(vc) {
            out[1] = eb | r_wide;
            out[2] = (c[2] & !0xffff_ffff) | here as u64;
        } else {
            let old = (r, c[2] as StackId, c[1] & WIDE_R != 0);
            sh.shared.insert(a, vec![old, (e, here, wide)]);
            out[1] = SHARED;
        }
    } else {
        let v = sh.shared.entry(a).or_default();
        match v.iter_mut().find(|(r, _, _)| r.sid == s) {
            Some(slot) => *slot = (e, here, wide),
            None => v.push((e, here, wide)),
        }
    }
    *sh.cell(a) = out;
    race.map(|(e, at, write)| Prev {
        tix: st.owner_at(e),
        at,
        write,
    })
}
