//! Go maps on the gol_gc heap, and the hashing and equality of every
//! comparable type (which `==` on structs, arrays and interfaces shares).
//!
//! # Representation
//! A map value is one word: 0 (a nil map) or a pointer to a *header*
//! object of [`HEADER_WORDS`] words:
//!
//! | word | field |
//! |---|---|
//! | 0 `H_COUNT` | live entries (`len(m)`) |
//! | 1 `H_TABLE` | pointer to the current *table* (0 before the first insertion) |
//! | 2 `H_SEED` | this map's hash seed (random per map, as in Go) |
//! | 3 `H_TYPE` | the map's runtime type (so natives such as `fmt` need nothing else) |
//! | 4 `H_FLAGS` | a write is in progress (to report unsynchronised use as Go does) |
//!
//! A *table* ([`TABLE_WORDS`] words) holds what changes together when the
//! map grows: `T_USED` (entry slots used so far, live or deleted),
//! `T_ECAP` (entry slots), `T_ICAP` (index slots, a power of two, `2 *
//! ecap`), `T_ENTRIES` (the entry array, typed) and `T_INDEX` (the index,
//! noscan). A table's capacities and arrays never change; growing makes a
//! new table and stores it into the header with one pointer store, so a
//! reader (a racy one too) always sees capacities that match their
//! arrays, and a lookup never leaves them.
//!
//! The *entry array* holds `ecap` entries of [`MapType::ew`] words: a
//! state word (the key's hash with its low bit set; 0 for a free or
//! deleted slot), then the key and the value in their memory form (Go's
//! layout, layout.rs): the key at byte 8, the value at the next offset
//! its alignment allows, the entry rounded up to whole words. So a
//! `map[int32]int8` entry is 16 bytes (state, 4 key bytes, a value byte,
//! padding), a `map[string]struct{ a, b int8 }` entry 32, and the
//! collector scans an entry array by the entry's pointer mask, made of
//! the key's and the value's memory masks: a map of pointer-free keys and
//! values is not scanned at all. Go keeps 8 keys then 8 values per bucket
//! to save that padding; an entry per key keeps insertion order and a
//! deleted entry in one place, for a few bytes of padding at most.
//! Entries are appended in insertion order and never move until the map
//! is rebuilt. The *index*
//! is an open-addressing table (linear probing from slot `hash >> 1`: the
//! low bit is always set) of 32-bit slots, 0 for empty: `entry + 1` in
//! the low bits it needs (`ebits`, enough to write `ecap`), the top bits
//! of the hash above (`32 - ebits` of them: 28 in a map of 8 entries, 10
//! in one of two million). Those play the part of Go's `tophash` byte: a
//! probe reads an entry's state word (the whole hash) only when they
//! agree, and compares keys only when the whole hash does. Four bytes a
//! slot rather than eight halve the index, which is as large as the
//! entries of a small-typed map; a table has at most 2^31 entries (a map
//! that would need more is out of memory).
//! Deleting marks the entry free (state 0, key and value zeroed so the
//! collector does not keep what they pointed to) and leaves its index slot
//! in place as a tombstone. When the entry array is full the map is
//! *rebuilt*: a new entry array sized for twice the live entries and
//! one more, rounded up to a power of two (so a full map grows fourfold),
//! the live entries copied in order with their state words (a key is
//! hashed once, when it is inserted), a new index.
//!
//! # Iteration
//! A `range` keeps, in its own slots, the map, the table it started on
//! (the *snapshot*), the snapshot's capacity, a counter, a random start
//! and a random odd stride: it visits the entry slots in blocks of 8, the
//! blocks in the order `(start + k * stride) mod blocks` (a permutation:
//! capacities are powers of two), each block from a random offset. So each
//! range begins at a random place and, for maps of more than 8 entries,
//! walks the blocks in a different order, as Go's begins at a random
//! bucket and offset. (For up to 8 entries the order is Go's exactly:
//! insertion order rotated, as within one Go bucket.) Programs must not
//! depend on the order, and this makes sure they cannot by accident;
//! runs of 8 neighbouring entries keep the walk cache-friendly. Go's rules for changes during iteration hold:
//! * an entry deleted before it is reached is not produced (its state word
//!   is 0, or, when the map has a new table since, the key is looked up in
//!   the current map and is missing);
//! * an entry is produced at most once (entries never move in a snapshot);
//! * an entry added during iteration may or may not be produced (it is when
//!   it lands in the snapshot at a slot not yet visited);
//! * values are read from the current map when it was rebuilt since.
//!
//! # Hashing and equality
//! Callers hand keys and values in slot form (the interpreter's registers)
//! and get them back so; the map converts at its boundary. A key is hashed
//! and compared in the form that is cheapest and still a function of its
//! value alone:
//! * keys equal exactly when their bytes are ([`KeyKind::Words`]:
//!   integers, booleans, pointers, channels, and arrays and structs of
//!   those without blank fields) are hashed and compared as their memory
//!   words. The key looked for is packed once per operation into a zeroed
//!   buffer, and stored keys have zero padding (invariant 5), so two equal
//!   keys have equal words, padding included, and a `[16]byte` key is two
//!   words to hash and compare, not sixteen. (Not narrow: memory words are
//!   the slot words, nothing to pack.)
//! * strings by their bytes, as before;
//! * every other key ([`KeyKind::Typed`]: floats, interfaces, structs
//!   holding those or strings or blank fields) by walking its type over
//!   its slot words: the key looked for is in slots already, and a stored
//!   key is converted back only when the whole hash agrees.
//!
//! Converting the key looked for into memory, rather than each stored key
//! into slots, costs one conversion per operation instead of one per
//! candidate; hashing stored keys never happens (the state word keeps the
//! hash), so the choice binds only lookups to themselves.
//!
//! [`hash_value`] and [`equal_value`] walk a runtime type descriptor: words
//! for integers, booleans and pointers; floats with `+0 == -0` (both hash
//! alike) and NaN unequal to everything (a NaN key hashes randomly, so each
//! insertion of NaN adds a new entry, as in Go); strings by their bytes;
//! interfaces by their dynamic type and value (hashing or comparing an
//! uncomparable dynamic type is Go's runtime error); structs and arrays
//! field by field (blank fields ignored). The hash is a folded multiply
//! (wyhash's mixing step) seeded per map.
//!
//! # For natives
//! [`len`], [`map_type`], [`for_each`] (insertion order) and
//! [`sorted_entries`] (the order `fmt` prints, Go's `internal/fmtsort`)
//! read a map, giving keys and values in slot form; [`Vm::map_new`],
//! [`Vm::map_set`], [`Vm::map_get`] and [`Vm::map_delete`] build and
//! change one.
//!
//! # Invariants
//! 1. In a table, `used <= ecap <= 2^31`, `icap == 2 * ecap` (a power of
//!    two), so the index is never more than half full and probes end at an
//!    empty slot; `count` is at most the current table's `used`.
//! 2. Every live entry has exactly one index slot naming it, on its key's
//!    probe sequence before any empty slot.
//! 3. A free entry's key and value words are zero.
//! 4. A table's capacities and arrays never change after it is published;
//!    readers load the header's table word once per operation. Every
//!    index into a table's arrays is checked against that table's own
//!    capacities, so even a racy program (two goroutines writing one map,
//!    which Go forbids) gets wrong answers at worst, never accesses outside
//!    the arrays.
//! 5. A stored key's padding bytes are zero: entry arrays are allocated
//!    zeroed, a key is written only into a fresh entry, by its parts
//!    (padding untouched) or as whole words packed in a zeroed buffer, a
//!    deleted entry is zeroed by its parts, and a rebuild copies keys
//!    whole, padding included.
//! 6. Keys and values are read and written as the heap's objects are
//!    (layout.rs, value.rs): a narrow scalar by one aligned access, a
//!    value holding a string or slice header published and read whole, a
//!    pointer through the write barrier. A racing writer can make a read
//!    stale, never torn into something that could point outside an
//!    object.
//!
//! # Rejected alternatives
//! * Go's buckets of 8 with incremental evacuation: the same asymptotics,
//!   but iteration during growth needs Go's intricate evacuation-aware
//!   iterator; the insertion-ordered entry array gives the same guarantees
//!   with a snapshot and a lookup.
//! * A Rust `HashMap` behind a handle: not on the collected heap, not
//!   traceable by the collector, and not `Send` across goroutines.
//! * Entries in slot form (what they were): a `map[int32]int8` entry took
//!   three words, and every entry array was scanned whether or not its
//!   types held pointers.
//! * Hashing every key by its memory bytes: floats (`+0 == -0`, NaN),
//!   strings (by content) and interfaces need their own rules anyway, and
//!   for those the slot form is what the walk reads; only keys equal by
//!   their bytes gain from memory words.
//! * A smaller state word (32 hash bits, so an entry of `map[int32]int8`
//!   would be 12 bytes, not 16): the full hash lets a rebuild skip
//!   rehashing and a probe rule a key out without comparing it, and
//!   entries of whole words keep every key and value that holds a pointer
//!   on a word.

use crate::value;
use crate::Vm;
use gol_lang::bytecode::{Program, RtType, TypeKind};
use std::cell::Cell;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};

pub(crate) const H_COUNT: usize = 0;
pub(crate) const H_TABLE: usize = 1;
pub(crate) const H_SEED: usize = 2;
pub(crate) const H_TYPE: usize = 3;
pub(crate) const H_FLAGS: usize = 4;
pub(crate) const HEADER_WORDS: usize = 5;
/// `H_FLAGS` bit: a write (insert, delete, clear) is in progress.
const WRITING: u64 = 1;

/// Why a map operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum MapError {
    /// A Go panic with this runtime error text.
    Panic(String),
    /// Go's fatal error for a map used by goroutines without
    /// synchronisation (`concurrent map writes`, ...): unrecoverable.
    Fatal(&'static str),
}

/// Whether a write to `m` is in progress (Go's `hashWriting` flag: a
/// best-effort detection of unsynchronised use, as in Go).
fn writing(m: u64) -> bool {
    // SAFETY: `m` is a header.
    m != 0 && unsafe { value::read_word(m, H_FLAGS) } & WRITING != 0
}

fn set_writing(m: u64, on: bool) {
    // SAFETY: `m` is a non-nil header; the flags word is not a pointer.
    unsafe {
        let f = value::read_word(m, H_FLAGS);
        value::write_word(m, H_FLAGS, if on { f | WRITING } else { f & !WRITING });
    }
}
/// Word 1 (the table) of a header is a pointer.
const HEADER_MASK: [u64; 1] = [1 << H_TABLE];

pub(crate) const T_USED: usize = 0;
pub(crate) const T_ECAP: usize = 1;
pub(crate) const T_ICAP: usize = 2;
pub(crate) const T_ENTRIES: usize = 3;
pub(crate) const T_INDEX: usize = 4;
pub(crate) const TABLE_WORDS: usize = 5;
/// Words 3 (entries) and 4 (index) of a table are pointers.
const TABLE_MASK: [u64; 1] = [(1 << T_ENTRIES) | (1 << T_INDEX)];

/// A table's fixed fields, read once.
#[derive(Clone, Copy)]
struct Table {
    ptr: u64,
    ecap: usize,
    icap: usize,
    entries: u64,
    index: u64,
    /// The index slots' bits that hold `entry + 1` ([`entry_bits`]).
    emask: u32,
}

/// The current table of map `m` (None for a nil map or one never grown).
fn table(m: u64) -> Option<Table> {
    if m == 0 {
        return None;
    }
    // SAFETY: `m` is a header; one load of the table word.
    let t = unsafe { value::read_word(m, H_TABLE) };
    table_at(t)
}

fn table_at(t: u64) -> Option<Table> {
    if t == 0 {
        return None;
    }
    // SAFETY: `t` is a table object, whose words 1..5 never change.
    let ecap = unsafe { value::read_word(t, T_ECAP) } as usize;
    // SAFETY: as above.
    unsafe {
        Some(Table {
            ptr: t,
            ecap,
            icap: value::read_word(t, T_ICAP) as usize,
            entries: value::read_word(t, T_ENTRIES),
            index: value::read_word(t, T_INDEX),
            emask: entry_bits(ecap),
        })
    }
}

/// `used` of table `t`, clamped to its capacity.
fn used(t: &Table) -> usize {
    // SAFETY: `t.ptr` is a table.
    (unsafe { value::read_word(t.ptr, T_USED) } as usize).min(t.ecap)
}

/// Words a `range` over a map keeps in its slots (see the module docs):
/// map, snapshot, snapshot capacity, counter, start, stride.
pub(crate) const ITER_WORDS: u32 = gol_lang::bytecode::MAP_ITER_WORDS;

/// What the VM knows about one map type: its entries' layout.
#[derive(Clone, Debug)]
pub(crate) struct MapType {
    pub key: RtType,
    pub val: RtType,
    /// Slot words of the key and of the value.
    pub kw: usize,
    pub vw: usize,
    /// Memory bytes of the key.
    pub ksize: usize,
    /// Whether the key's memory form differs from its slots.
    pub knarrow: bool,
    /// Byte offset of the value in an entry (the key's is 8).
    pub voff: usize,
    /// Words of one entry: state, key, value, padding.
    pub ew: usize,
    /// The bytes of the key's last memory word that belong to it (a mask
    /// for comparing memory words, [`KeyKind::Words`]).
    pub ktail: u64,
    /// Pointer mask of one entry's words.
    pub entry_mask: Vec<u64>,
    /// Whether an entry holds a pointer at all.
    pub scan: bool,
    /// How keys are hashed and compared.
    pub keys: KeyKind,
}

/// The fast paths for keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyKind {
    /// Equal exactly when their memory words are (integers, booleans,
    /// pointers, channels, and arrays and structs of those): hashed and
    /// compared in memory form (module docs).
    Words,
    /// A string.
    Str,
    /// Anything else: walk the type ([`hash_value`], [`equal_value`]).
    Typed,
}

/// Whether every value of `t` is equal exactly when its words are. Types
/// nest as deep as a program declares them (thousands of levels is legal):
/// the walk keeps its own work list, no recursion and no depth cut-off.
fn plain_words(prog: &Program, t: RtType) -> bool {
    let mut todo = vec![t];
    while let Some(t) = todo.pop() {
        match &prog.ty(t).kind {
            TypeKind::Bool
            | TypeKind::Int { .. }
            | TypeKind::Uintptr
            | TypeKind::Pointer(_)
            | TypeKind::Chan(_) => {}
            TypeKind::Array(_, e) => todo.push(*e),
            TypeKind::Struct(fs) => {
                for f in fs {
                    if f.name == "_" {
                        return false;
                    }
                    todo.push(f.ty);
                }
            }
            _ => return false,
        }
    }
    true
}

impl MapType {
    /// The descriptor of map type `t`, or None when `t` is not a map.
    pub(crate) fn of(prog: &Program, t: RtType) -> Option<MapType> {
        let TypeKind::Map(k, v) = prog.types.get(t.0 as usize)?.kind else {
            return None;
        };
        let (kd, vd) = (prog.ty(k), prog.ty(v));
        let (kw, vw) = (kd.words as usize, vd.words as usize);
        let big = |x: u64| usize::try_from(x).unwrap_or(usize::MAX / 4);
        let (ksize, vsize) = (big(kd.size), big(vd.size));
        let valign = (vd.align as usize).clamp(1, 8);
        let voff = (8usize.saturating_add(ksize)).next_multiple_of(valign);
        let ew = voff.saturating_add(vsize).div_ceil(8);
        let mut entry_mask = vec![0u64; ew.div_ceil(64).max(1)];
        let mut scan = false;
        // A part holding a pointer is whole 8-aligned words (layout.rs,
        // invariant 2), so its mask lands on the entry's words.
        for (d, first) in [(kd, 1), (vd, voff / 8)] {
            let mask = d.mem_mask();
            if !mask.iter().any(|&m| m != 0) {
                continue;
            }
            scan = true;
            for i in 0..crate::layout::mem_words(d) {
                if mask.get(i / 64).is_some_and(|m| m & (1 << (i % 64)) != 0) {
                    let j = first + i;
                    if let Some(w) = entry_mask.get_mut(j / 64) {
                        *w |= 1 << (j % 64);
                    }
                }
            }
        }
        let keys = if plain_words(prog, k) {
            KeyKind::Words
        } else if matches!(kd.kind, TypeKind::String) {
            KeyKind::Str
        } else {
            KeyKind::Typed
        };
        let ktail = match ksize % 8 {
            0 => u64::MAX,
            r => (1u64 << (8 * r)) - 1,
        };
        Some(MapType {
            key: k,
            val: v,
            kw,
            vw,
            ksize,
            knarrow: kd.narrow,
            voff,
            ew,
            ktail,
            entry_mask,
            scan,
            keys,
        })
    }

    /// Words of the key's memory form.
    fn kmw(&self) -> usize {
        self.ksize.div_ceil(8)
    }

    /// The address of entry `e`'s key in entry array `entries`.
    fn key_at(&self, entries: u64, e: usize) -> u64 {
        entries + (e * self.ew * 8 + 8) as u64
    }

    /// The address of entry `e`'s value.
    fn val_at(&self, entries: u64, e: usize) -> u64 {
        entries + (e * self.ew * 8 + self.voff) as u64
    }
}

/// Reads the value of type `t` in memory at `p` into its slot words `out`:
/// a narrow scalar by one load, a value holding pointers as one value
/// (its memory words snapshot, then converted), any other narrow value by
/// its parts.
///
/// # Safety
/// `p` points at a live value of type `t` in memory (an entry's key or
/// value).
unsafe fn load_part(prog: &Program, t: RtType, p: u64, out: &mut [u64]) {
    let d = prog.ty(t);
    if !d.narrow {
        let n = (d.words as usize).min(out.len());
        // SAFETY: forwarded; one value, never torn (value module docs).
        unsafe { value::load_words(p, &mut out[..n]) };
    } else if let Some(k) = d.mem_kind() {
        if let Some(o) = out.first_mut() {
            // SAFETY: forwarded; an aligned scalar of kind k.
            *o = unsafe { crate::layout::load_scalar(p, k) };
        }
    } else if crate::layout::moves_as_words(d) {
        let mut buf = vec![0u64; crate::layout::mem_words(d)];
        // SAFETY: forwarded; the snapshot is one value, then converted.
        unsafe {
            value::load_words(p, &mut buf);
            crate::layout::unpack(prog, t, buf.as_ptr() as u64, out);
        }
    } else {
        // SAFETY: forwarded.
        unsafe { crate::layout::unpack(prog, t, p, out) };
    }
}

/// The memory words of key `key` (slot words) of a narrow
/// [`KeyKind::Words`] type into the zeroed buffer `buf` of
/// [`MapType::kmw`] words.
fn pack_key(prog: &Program, mt: &MapType, key: &[u64], buf: &mut [u64]) {
    if buf.len() * 8 < mt.ksize {
        return;
    }
    match prog.ty(mt.key).mem_kind() {
        // SAFETY: the buffer has room for the scalar, 8-aligned.
        Some(k) => unsafe {
            crate::layout::store_scalar(
                buf.as_mut_ptr() as u64,
                k,
                key.first().copied().unwrap_or(0),
            )
        },
        // SAFETY: the buffer has room for the key's bytes, 8-aligned.
        None => unsafe { crate::layout::pack(prog, mt.key, key, buf.as_mut_ptr() as u64) },
    }
}

thread_local! {
    static RNG: Cell<u64> = Cell::new({
        use std::hash::{BuildHasher, Hasher};
        let h = std::collections::hash_map::RandomState::new().build_hasher().finish();
        h | 1
    });
}

/// Restarts this thread's generator from `seed` (a seeded schedule's
/// slice, sched/seeded.rs: hash seeds and iteration orders then repeat).
pub(crate) fn reseed(seed: u64) {
    RNG.with(|c| c.set(seed | 1));
}

/// A random word (xorshift64*, seeded per thread from the OS).
pub(crate) fn random() -> u64 {
    RNG.with(|c| {
        let mut x = c.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        c.set(x);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    })
}

const K0: u64 = 0xa076_1d64_78bd_642f;
const K1: u64 = 0xe703_7ed1_a0b4_28db;

#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let p = (a as u128) * (b as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

#[inline]
fn mix(h: u64, w: u64) -> u64 {
    fold(h ^ w, K0)
}

fn mix_bytes(mut h: u64, b: &[u8]) -> u64 {
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(w));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(w));
    }
    mix(h, b.len() as u64 ^ K1)
}

/// Reads `n` words of the object at `p` from word `off`.
///
/// # Safety
/// `p` points at a live object with at least `off + n` words.
unsafe fn words_at(p: u64, off: usize, n: usize) -> Vec<u64> {
    let mut out = vec![0u64; n];
    // SAFETY: forwarded from the caller. One value, never torn by a racing
    // store (value module docs).
    unsafe { value::load_words(p + off as u64 * 8, &mut out) };
    out
}

/// The words of interface box `b`'s value and its dynamic type.
fn unbox(prog: &Program, b: u64) -> Option<(RtType, Vec<u64>)> {
    let t = crate::panic::box_type(b)?;
    let n = prog.types.get(t.0 as usize)?.words as usize;
    // SAFETY: a non-nil interface word points at a box holding its type's
    // words after the type word (value invariant 3).
    Some((t, unsafe { words_at(b, 1, n) }))
}

/// Whether values of `t` can be compared (and hashed) without panicking
/// at the top level: interfaces count as comparable (their dynamic value
/// is checked when reached).
pub(crate) fn comparable(prog: &Program, t: RtType) -> bool {
    let mut todo = vec![t];
    while let Some(t) = todo.pop() {
        match &prog.ty(t).kind {
            TypeKind::Slice(_) | TypeKind::Map(..) | TypeKind::Func => return false,
            TypeKind::Array(_, e) => todo.push(*e),
            TypeKind::Struct(fs) => todo.extend(fs.iter().map(|f| f.ty)),
            _ => {}
        }
    }
    true
}

/// The words the walks below read: the value they started from, then
/// every interface's dynamic value they unboxed on the way. A place in
/// them is (buffer, offset); a work item's length is its type's size.
///
/// Values nest without bound through interfaces (a `[1]interface{}` inside
/// another, a million deep, is a legal key): the walks keep explicit work
/// lists, so depth costs heap, never Rust stack, and never changes an
/// answer.
struct Held<'a> {
    /// The values the walk started from (buffers 0 and 1), borrowed: a
    /// map lookup copies nothing unless it meets an interface.
    start: [&'a [u64]; 2],
    /// Unboxed dynamic values (buffers 2, 3 ...).
    unboxed: Vec<Vec<u64>>,
}

impl<'a> Held<'a> {
    fn new(a: &'a [u64], b: &'a [u64]) -> Self {
        Held {
            start: [a, b],
            unboxed: Vec::new(),
        }
    }

    /// Word `k` of the value at `at`; missing words read as zero (a short
    /// slice from a caller is a zero value, never an out-of-bounds access).
    fn word(&self, at: (usize, usize), k: usize) -> u64 {
        let b: &[u64] = match at.0 {
            0 | 1 => self.start[at.0],
            n => &self.unboxed[n - 2],
        };
        b.get(at.1 + k).copied().unwrap_or(0)
    }

    /// Unboxes interface word `b` into a new buffer: its dynamic type and
    /// the buffer's place.
    fn unbox(&mut self, prog: &Program, b: u64) -> Option<(RtType, (usize, usize))> {
        let (t, w) = unbox(prog, b)?;
        self.unboxed.push(w);
        Some((t, (self.unboxed.len() + 1, 0)))
    }
}

/// Pushes the parts of a struct or array value at `at` (fields in order,
/// blank fields skipped when `skip_blank`) so that they pop in order.
fn push_parts(
    prog: &Program,
    t: RtType,
    at: (usize, usize),
    skip_blank: bool,
    todo: &mut Vec<(RtType, (usize, usize))>,
) {
    let first = todo.len();
    match &prog.ty(t).kind {
        TypeKind::Struct(fs) => {
            for f in fs {
                if !(skip_blank && f.name == "_") {
                    todo.push((f.ty, (at.0, at.1 + f.off as usize)));
                }
            }
        }
        TypeKind::Array(n, e) => {
            let ew = prog.ty(*e).words as usize;
            for i in 0..*n as usize {
                todo.push((*e, (at.0, at.1 + i * ew)));
            }
        }
        _ => {}
    }
    todo[first..].reverse();
}

/// The hash of the value of type `t` in `w` (its words), or the
/// uncomparable type met (Go's `hash of unhashable type T`).
pub(crate) fn hash_value(prog: &Program, t: RtType, w: &[u64], seed: u64) -> Result<u64, RtType> {
    let mut held = Held::new(w, &[]);
    let mut todo = vec![(t, (0, 0))];
    let mut h = seed;
    while let Some((t, at)) = todo.pop() {
        let word = held.word(at, 0);
        match &prog.ty(t).kind {
            TypeKind::Float { .. } => h = hash_float(h, word),
            TypeKind::Complex { .. } => h = hash_float(hash_float(h, word), held.word(at, 1)),
            TypeKind::String => {
                // SAFETY: the two words are a string value (value invariant 1).
                let b = unsafe { value::str_bytes(word, held.word(at, 1)) };
                h = mix_bytes(h, b);
            }
            TypeKind::Interface => {
                if word == 0 {
                    h = mix(h, 0);
                    continue;
                }
                let Some((dt, inner)) = held.unbox(prog, word) else {
                    h = mix(h, 0);
                    continue;
                };
                if !comparable(prog, dt) {
                    return Err(dt);
                }
                h = mix(h, dt.0 as u64 + 1);
                todo.push((dt, inner));
            }
            TypeKind::Struct(_) | TypeKind::Array(..) => push_parts(prog, t, at, true, &mut todo),
            TypeKind::Slice(_) | TypeKind::Map(..) | TypeKind::Func => return Err(t),
            _ => h = mix(h, word),
        }
    }
    Ok(h)
}

/// `h` mixed with a float's bits as Go hashes floats: both zeros alike,
/// a NaN randomly (so NaN keys never collide into one entry).
fn hash_float(h: u64, word: u64) -> u64 {
    let f = f64::from_bits(word);
    if f == 0.0 {
        mix(h, 0)
    } else if f.is_nan() {
        mix(h, random())
    } else {
        mix(h, word)
    }
}

/// Whether the values `a` and `b` of type `t` are equal (Go's `==`), or
/// the uncomparable type met (Go's `comparing uncomparable type T`).
pub(crate) fn equal_value(prog: &Program, t: RtType, a: &[u64], b: &[u64]) -> Result<bool, RtType> {
    let mut held = Held::new(a, b);
    equal_walk(prog, &mut held, t, (0, 0), (1, 0))
}

/// `equal_value` over two places of `held`: pairs still to compare sit on
/// a work list, first difference wins, in Go's order (fields and elements
/// in order, depth first).
fn equal_walk(
    prog: &Program,
    held: &mut Held<'_>,
    t: RtType,
    a: (usize, usize),
    b: (usize, usize),
) -> Result<bool, RtType> {
    let mut todo = vec![(t, a, b)];
    while let Some((t, a, b)) = todo.pop() {
        let (wa, wb) = (held.word(a, 0), held.word(b, 0));
        let equal = match &prog.ty(t).kind {
            TypeKind::Float { .. } => f64::from_bits(wa) == f64::from_bits(wb),
            TypeKind::Complex { .. } => {
                let (ia, ib) = (held.word(a, 1), held.word(b, 1));
                f64::from_bits(wa) == f64::from_bits(wb) && f64::from_bits(ia) == f64::from_bits(ib)
            }
            TypeKind::String => {
                let (la, lb) = (held.word(a, 1), held.word(b, 1));
                // SAFETY: both pairs are string values (value invariant 1).
                la == lb && unsafe { value::str_bytes(wa, la) == value::str_bytes(wb, lb) }
            }
            TypeKind::Interface => {
                if wa == 0 || wb == 0 {
                    wa == wb
                } else {
                    match (held.unbox(prog, wa), held.unbox(prog, wb)) {
                        (Some((ta, ia)), Some((tb, ib))) if ta == tb => {
                            if !comparable(prog, ta) {
                                return Err(ta);
                            }
                            todo.push((ta, ia, ib));
                            true
                        }
                        _ => false,
                    }
                }
            }
            TypeKind::Struct(_) | TypeKind::Array(..) => {
                let mut pa = Vec::new();
                let mut pb = Vec::new();
                push_parts(prog, t, a, true, &mut pa);
                push_parts(prog, t, b, true, &mut pb);
                todo.extend(pa.into_iter().zip(pb).map(|((t, a), (_, b))| (t, a, b)));
                true
            }
            TypeKind::Slice(_) | TypeKind::Map(..) | TypeKind::Func => return Err(t),
            _ => wa == wb,
        };
        if !equal {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Interface equality: same dynamic type and equal values.
pub(crate) fn iface_equal(prog: &Program, a: u64, b: u64) -> Result<bool, RtType> {
    if a == 0 || b == 0 {
        return Ok(a == b);
    }
    let mut held = Held::new(&[], &[]);
    let (Some((ta, ia)), Some((tb, ib))) = (held.unbox(prog, a), held.unbox(prog, b)) else {
        return Ok(false);
    };
    if ta != tb {
        return Ok(false);
    }
    if !comparable(prog, ta) {
        return Err(ta);
    }
    equal_walk(prog, &mut held, ta, ia, ib)
}

/// `len(m)`.
pub(crate) fn len(m: u64) -> u64 {
    if m == 0 {
        return 0;
    }
    // SAFETY: a non-nil map word points at a header (module invariant).
    unsafe { value::read_word(m, H_COUNT) }
}

/// The map's runtime type.
pub(crate) fn map_type(m: u64) -> Option<RtType> {
    if m == 0 {
        return None;
    }
    // SAFETY: as in `len`.
    Some(RtType(unsafe { value::read_word(m, H_TYPE) } as u32))
}

/// Calls `f(key_words, value_words)` (slot form) for every entry of map
/// `m`, in insertion order (fmt sorts keys itself). `f` must not change
/// the map.
pub fn for_each(prog: &Program, m: u64, mut f: impl FnMut(&[u64], &[u64])) {
    if m == 0 {
        return;
    }
    let Some(mt) = map_type(m).and_then(|t| MapType::of(prog, t)) else {
        return;
    };
    let Some(t) = table(m) else { return };
    let (mut k, mut v) = (vec![0u64; mt.kw], vec![0u64; mt.vw]);
    let e = t.entries;
    for i in 0..used(&t) {
        // SAFETY: `m` is a map header (module invariant); its table's
        // entry array has `used <= ecap` entries of `ew` words, holding
        // keys and values of the map's types.
        unsafe {
            if value::read_word(e, i * mt.ew) == 0 {
                continue;
            }
            load_part(prog, mt.key, mt.key_at(e, i), &mut k);
            load_part(prog, mt.val, mt.val_at(e, i), &mut v);
        }
        f(&k, &v);
    }
}

/// The entries of map `m` (key words, value words) sorted by key as Go's
/// `fmt` prints maps (`internal/fmtsort`): numbers by value (NaN first),
/// strings bytewise, false before true, pointers and channels by address,
/// structs and arrays element by element, interfaces by dynamic type
/// first (in the order the types appear in the program) and then value.
pub fn sorted_entries(prog: &Program, m: u64) -> Vec<(Vec<u64>, Vec<u64>)> {
    let mut out = Vec::with_capacity(len(m) as usize);
    for_each(prog, m, |k, v| out.push((k.to_vec(), v.to_vec())));
    let Some(kt) = map_type(m).and_then(|t| match prog.types.get(t.0 as usize)?.kind {
        TypeKind::Map(k, _) => Some(k),
        _ => None,
    }) else {
        return out;
    };
    out.sort_by(|a, b| fmt_compare(prog, kt, &a.0, &b.0));
    out
}

/// fmtsort's order of two floats' bits: NaN first, then by value.
fn float_order(a: u64, b: u64) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (x, y) = (f64::from_bits(a), f64::from_bits(b));
    match (x.is_nan(), y.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        _ => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
    }
}

/// Go's `fmtsort.compare` of two values of type `t` (their words).
pub fn fmt_compare(prog: &Program, t: RtType, a: &[u64], b: &[u64]) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let mut held = Held::new(a, b);
    let mut todo = vec![(t, (0, 0), (1, 0))];
    while let Some((t, a, b)) = todo.pop() {
        let (wa, wb) = (held.word(a, 0), held.word(b, 0));
        let c = match &prog.ty(t).kind {
            TypeKind::Int { signed: true, .. } => (wa as i64).cmp(&(wb as i64)),
            TypeKind::Float { .. } => float_order(wa, wb),
            TypeKind::Complex { .. } => {
                float_order(wa, wb).then(float_order(held.word(a, 1), held.word(b, 1)))
            }
            TypeKind::String => {
                let (la, lb) = (held.word(a, 1), held.word(b, 1));
                // SAFETY: both are string values (value invariant 1).
                unsafe { value::str_bytes(wa, la).cmp(value::str_bytes(wb, lb)) }
            }
            TypeKind::Struct(_) | TypeKind::Array(..) => {
                let mut pa = Vec::new();
                let mut pb = Vec::new();
                push_parts(prog, t, a, false, &mut pa);
                push_parts(prog, t, b, false, &mut pb);
                todo.extend(pa.into_iter().zip(pb).map(|((t, a), (_, b))| (t, a, b)));
                Ordering::Equal
            }
            TypeKind::Interface => match (held.unbox(prog, wa), held.unbox(prog, wb)) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Less,
                (Some(_), None) => Ordering::Greater,
                (Some((ta, ia)), Some((tb, ib))) => {
                    if ta == tb {
                        todo.push((ta, ia, ib));
                    }
                    ta.0.cmp(&tb.0)
                }
            },
            // Unsigned integers, booleans, pointers, channels: by the word.
            _ => wa.cmp(&wb),
        };
        if c != Ordering::Equal {
            return c;
        }
    }
    Ordering::Equal
}

impl Vm {
    /// The descriptor of map type `t` (computed once per type).
    pub(crate) fn map_info(&mut self, t: RtType) -> Option<std::sync::Arc<MapType>> {
        self.map_info_ref(t);
        self.map_types[t.0 as usize].clone()
    }

    /// [`Vm::map_info`] borrowed: no count to change on the shared
    /// descriptor, for operations that only read the map.
    fn map_info_ref(&mut self, t: RtType) -> Option<&MapType> {
        let i = t.0 as usize;
        if self.map_types.len() <= i {
            self.map_types.resize(i + 1, None);
        }
        if self.map_types[i].is_none() {
            self.map_types[i] = MapType::of(&self.prog, t).map(std::sync::Arc::new);
        }
        self.map_types[i].as_deref()
    }

    /// `make(map[K]V, hint)`: a new empty map of type `t`.
    pub(crate) fn map_new(&mut self, t: RtType, hint: usize) -> u64 {
        let layout = gol_gc::Layout::pointers(&HEADER_MASK, HEADER_WORDS);
        let m = self.heap.alloc(&mut self.cache, HEADER_WORDS * 8, layout) as u64;
        self.race_alloc(m, HEADER_WORDS * 8);
        // SAFETY: fresh header of HEADER_WORDS words; these words are not
        // pointers.
        unsafe {
            value::write_word(m, H_SEED, random());
            value::write_word(m, H_TYPE, t.0 as u64);
        }
        let cap = hint.clamp(8, 1 << 24).next_power_of_two();
        self.map_rebuild(m, t, if hint > 0 { cap } else { 0 });
        m
    }

    /// Replaces `m`'s table by a new one of capacity `cap` (0: none),
    /// moving the live entries in order.
    fn map_rebuild(&mut self, m: u64, t: RtType, cap: usize) {
        let Some(mt) = self.map_info(t) else { return };
        let ew = mt.ew;
        let old = table(m);
        if cap == 0 {
            // SAFETY: `m` is a live header; word H_TABLE is a pointer word.
            unsafe {
                self.heap
                    .write_pointer(&mut self.cache, (m as *mut usize).add(H_TABLE), 0);
                value::write_word(m, H_COUNT, 0);
            }
            return;
        }
        let bytes = cap.saturating_mul(ew).saturating_mul(8);
        let entries = if mt.scan {
            self.assist(bytes);
            let layout = gol_gc::Layout::pointers(&mt.entry_mask, ew);
            self.heap.alloc(&mut self.cache, bytes, layout) as u64
        } else {
            self.alloc_noscan(bytes)
        };
        if cap > 1 << 31 {
            gol_gc::throw("runtime: out of memory");
        }
        let icap = cap * 2;
        let index = self.alloc_noscan(icap * 4);
        let emask = entry_bits(cap);
        let mut n = 0usize;
        if let Some(old) = old {
            for i in 0..used(&old) {
                // SAFETY: the old table holds `used` entries of `ew` words.
                let st = unsafe { value::read_word(old.entries, i * ew) };
                if st == 0 || n == cap {
                    continue;
                }
                // SAFETY: as above, and the fresh array has room for
                // `cap` > n entries; the two are distinct objects. The old
                // entry is read as one value (value module docs: a racing
                // writer may store into it meanwhile) straight into entry
                // n of the fresh array, state word, key and value whole,
                // padding included (invariant 5). No other goroutine sees
                // the fresh array before the table that publishes it, so
                // plain stores do; the barrier's part is played below.
                unsafe {
                    let fresh =
                        std::slice::from_raw_parts_mut((entries as *mut u64).add(n * ew), ew);
                    value::load_words(old.entries + (i * ew * 8) as u64, fresh);
                }
                index_insert(index, icap, emask, st, n);
                n += 1;
            }
            if mt.scan && n > 0 {
                // The entries' pointers went into the fresh array without
                // the write barrier (one copy, not a barrier per word, as
                // `append` grows a slice): while the collector marks, the
                // array, black since it is new, is queued to be scanned
                // again.
                self.heap.rescan_fresh(&mut self.cache, entries as usize);
            }
        }
        let layout = gol_gc::Layout::pointers(&TABLE_MASK, TABLE_WORDS);
        let tb = self.heap.alloc(&mut self.cache, TABLE_WORDS * 8, layout) as u64;
        // SAFETY: `tb` is a fresh table; words 3 and 4 are its pointer
        // words; then one pointer store publishes it in the header.
        unsafe {
            value::write_word(tb, T_USED, n as u64);
            value::write_word(tb, T_ECAP, cap as u64);
            value::write_word(tb, T_ICAP, icap as u64);
            self.heap.write_pointer(
                &mut self.cache,
                (tb as *mut usize).add(T_ENTRIES),
                entries as usize,
            );
            self.heap.write_pointer(
                &mut self.cache,
                (tb as *mut usize).add(T_INDEX),
                index as usize,
            );
            self.heap
                .write_pointer(&mut self.cache, (m as *mut usize).add(H_TABLE), tb as usize);
            value::write_word(m, H_COUNT, n as u64);
        }
    }

    /// Stores the value of type `t` given as slot words at `p`, a key or
    /// value of a live entry: a narrow scalar by one store, anything else
    /// as [`Vm::store_values`] does (the write barrier, headers published
    /// whole).
    ///
    /// # Safety
    /// `p` is a key or value of type `t` of a live entry array.
    unsafe fn put_part(&mut self, t: RtType, p: u64, slots: &[u64]) {
        let d = self.prog.ty(t);
        match d.mem_kind() {
            // SAFETY: forwarded; an aligned scalar of kind k, no pointer.
            Some(k) => unsafe {
                crate::layout::store_scalar(p, k, slots.first().copied().unwrap_or(0))
            },
            // One word laid out as its slot, not a pointer (an int, a
            // float64): the plain store `store_values` would make, without
            // its walk of the type.
            None if !d.narrow && d.words == 1 && d.ptr_mask.iter().all(|&m| m == 0) => {
                // SAFETY: forwarded; the value's one word at `p`.
                unsafe { value::write_word(p, 0, slots.first().copied().unwrap_or(0)) }
            }
            // SAFETY: forwarded.
            None => unsafe { self.store_values(t, p, slots, 1) },
        }
    }

    /// The entry slot holding `key` (slot words) in map `m`, if any, and
    /// the key's hash.
    fn map_find(
        &self,
        m: u64,
        mt: &MapType,
        key: &[u64],
    ) -> Result<(Option<(usize, Table)>, u64), RtType> {
        // A key compared as memory words is packed once (module docs).
        let mut small = [0u64; 8];
        let mut large = Vec::new();
        let key: &[u64] = if mt.keys == KeyKind::Words && mt.knarrow {
            let n = mt.kmw();
            let buf = if n <= small.len() {
                &mut small[..n]
            } else {
                large.resize(n, 0);
                &mut large[..]
            };
            pack_key(&self.prog, mt, key, buf);
            buf
        } else {
            key
        };
        if m == 0 {
            // A lookup in a nil map still hashes its key (and panics on an
            // unhashable one), as Go does.
            let h = self.key_hash(mt, key, 0)?;
            return Ok((None, h));
        }
        // SAFETY: `m` is a map header.
        let seed = unsafe { value::read_word(m, H_SEED) };
        let h = self.key_hash(mt, key, seed)?;
        let Some(tb) = table(m) else {
            return Ok((None, h));
        };
        let Table {
            icap,
            index,
            entries,
            ecap,
            ..
        } = tb;
        if icap == 0 {
            return Ok((None, h));
        }
        let ew = mt.ew;
        let emask = tb.emask;
        let top = (h >> 32) as u32 & !emask;
        let mut i = ((h >> 1) as usize) & (icap - 1);
        for _ in 0..icap {
            // SAFETY: the index has icap slots.
            let w = unsafe { index_load(index, i) };
            if w == 0 {
                return Ok((None, h));
            }
            let e = ((w & emask) as usize).wrapping_sub(1);
            // Index slots name entries below `used` <= `ecap`; the check
            // keeps a damaged map (a racy program) inside its arrays.
            if w & !emask == top && e < ecap {
                // SAFETY: entry e is inside the entry array.
                let st = unsafe { value::read_word(entries, e * ew) };
                if st == h && self.key_at_equals(mt, entries, e, key)? {
                    return Ok((Some((e, tb)), h));
                }
            }
            i = (i + 1) & (icap - 1);
        }
        Ok((None, h))
    }

    /// The hash of `key` with `seed`, low bit set (an entry's state word):
    /// of its memory words for [`KeyKind::Words`], else of its slot words.
    fn key_hash(&self, mt: &MapType, key: &[u64], seed: u64) -> Result<u64, RtType> {
        let h = match mt.keys {
            KeyKind::Words => {
                let mut h = seed;
                for &w in key {
                    h = mix(h, w);
                }
                h
            }
            KeyKind::Str => {
                // SAFETY: the key is a string value (value invariant 1).
                let b = unsafe { value::str_bytes(key[0], key[1]) };
                mix_bytes(seed, b)
            }
            KeyKind::Typed => hash_value(&self.prog, mt.key, key, seed)?,
        };
        Ok(fold(h, K1) | 1)
    }

    /// Whether the key of entry `e` of the entry array equals `key` (its
    /// memory words for [`KeyKind::Words`], else its slot words).
    fn key_at_equals(
        &self,
        mt: &MapType,
        entries: u64,
        e: usize,
        key: &[u64],
    ) -> Result<bool, RtType> {
        let off = e * mt.ew + 1;
        match mt.keys {
            KeyKind::Words => {
                let last = key.len().wrapping_sub(1);
                Ok(key.iter().enumerate().all(|(j, &w)| {
                    // SAFETY: the entry holds the key's memory words from
                    // `off`; the last one's bytes past the key (the
                    // value's, or padding) are masked off.
                    let s = unsafe { value::read_word(entries, off + j) };
                    if j == last {
                        (s ^ w) & mt.ktail == 0
                    } else {
                        s == w
                    }
                }))
            }
            KeyKind::Str => {
                // SAFETY: as above; the key words are a string value.
                let (p, l) = unsafe {
                    (
                        value::read_word(entries, off),
                        value::read_word(entries, off + 1),
                    )
                };
                if l != key[1] {
                    return Ok(false);
                }
                // SAFETY: both are string values (value invariant 1).
                Ok(unsafe { value::str_bytes(p, l) == value::str_bytes(key[0], key[1]) })
            }
            KeyKind::Typed => {
                let mut k = vec![0u64; mt.kw];
                // SAFETY: the entry's key, of the map's key type.
                unsafe { load_part(&self.prog, mt.key, mt.key_at(entries, e), &mut k) };
                equal_value(&self.prog, mt.key, &k, key)
            }
        }
    }

    /// `m[key]` into `out` (zeroes when absent); whether it was present.
    pub(crate) fn map_get(
        &mut self,
        t: RtType,
        m: u64,
        key: &[u64],
        out: &mut [u64],
    ) -> Result<bool, MapError> {
        if self.map_info_ref(t).is_none() {
            return Ok(false);
        }
        let Some(mt) = self.map_types[t.0 as usize].as_deref() else {
            return Ok(false);
        };
        if writing(m) {
            return Err(MapError::Fatal("concurrent map read and map write"));
        }
        match self.map_find(m, mt, key).map_err(|u| self.unhashable(u))?.0 {
            Some((e, tb)) => {
                let vw = mt.vw.min(out.len());
                // SAFETY: entry e's value, of the map's value type; one
                // value, never torn by a racing store (invariant 6).
                unsafe { load_part(&self.prog, mt.val, mt.val_at(tb.entries, e), &mut out[..vw]) };
                Ok(true)
            }
            None => {
                out.iter_mut().for_each(|o| *o = 0);
                Ok(false)
            }
        }
    }

    fn unhashable(&self, t: RtType) -> MapError {
        MapError::Panic(format!(
            "runtime error: hash of unhashable type {}",
            self.prog.ty(t).name
        ))
    }

    /// `m[key] = val`.
    pub(crate) fn map_set(
        &mut self,
        t: RtType,
        m: u64,
        key: &[u64],
        val: &[u64],
    ) -> Result<(), MapError> {
        if writing(m) {
            return Err(MapError::Fatal("concurrent map writes"));
        }
        if m != 0 {
            set_writing(m, true);
        }
        let r = self.map_set_inner(t, m, key, val);
        if m != 0 {
            set_writing(m, false);
        }
        r
    }

    fn map_set_inner(
        &mut self,
        t: RtType,
        m: u64,
        key: &[u64],
        val: &[u64],
    ) -> Result<(), MapError> {
        let Some(mt) = self.map_info(t) else {
            return Ok(());
        };
        if m == 0 {
            self.key_hash(&mt, key, 0).map_err(|u| self.unhashable(u))?;
            return Err(MapError::Panic("assignment to entry in nil map".into()));
        }
        let (found, h) = self.map_find(m, &mt, key).map_err(|u| self.unhashable(u))?;
        if let Some((e, tb)) = found {
            // SAFETY: live entry e of the table's entry array; a value of
            // type V.
            unsafe { self.put_part(mt.val, mt.val_at(tb.entries, e), val) };
            return Ok(());
        }
        // SAFETY: `m` is a header.
        let count = unsafe { value::read_word(m, H_COUNT) } as usize;
        let full = table(m).is_none_or(|tb| used(&tb) >= tb.ecap);
        if full {
            let cap = ((count + 1) * 2).max(8).next_power_of_two();
            self.map_rebuild(m, t, cap);
        }
        let Some(tb) = table(m) else {
            return Ok(());
        };
        let used = used(&tb);
        if used >= tb.ecap {
            // Only a racing writer can fill the table in between.
            return Ok(());
        }
        // SAFETY: used < ecap: entry `used` is free (zeroed: invariant 5)
        // and inside the table's entry array; the index has icap words.
        // The key and value are written before the state word that makes
        // the entry live.
        unsafe {
            let entries = tb.entries;
            self.put_part(mt.key, mt.key_at(entries, used), key);
            self.put_part(mt.val, mt.val_at(entries, used), val);
            value::write_word(entries, used * mt.ew, h);
            index_insert(tb.index, tb.icap, tb.emask, h, used);
            value::write_word(tb.ptr, T_USED, used as u64 + 1);
            let c = value::read_word(m, H_COUNT);
            value::write_word(m, H_COUNT, c + 1);
        }
        Ok(())
    }

    /// `delete(m, key)`.
    pub(crate) fn map_delete(&mut self, t: RtType, m: u64, key: &[u64]) -> Result<(), MapError> {
        if writing(m) {
            return Err(MapError::Fatal("concurrent map writes"));
        }
        if m != 0 {
            set_writing(m, true);
        }
        let r = self.map_delete_inner(t, m, key);
        if m != 0 {
            set_writing(m, false);
        }
        r
    }

    fn map_delete_inner(&mut self, t: RtType, m: u64, key: &[u64]) -> Result<(), MapError> {
        let Some(mt) = self.map_info(t) else {
            return Ok(());
        };
        let Some((e, tb)) = self
            .map_find(m, &mt, key)
            .map_err(|u| self.unhashable(u))?
            .0
        else {
            return Ok(());
        };
        let zk = vec![0u64; mt.kw];
        let zv = vec![0u64; mt.vw];
        // SAFETY: live entry `e` of `m`'s entry array (module invariant 3
        // is restored by zeroing its key and value by their parts, through
        // the barrier; padding stays zero, invariant 5).
        unsafe {
            let entries = tb.entries;
            value::write_word(entries, e * mt.ew, 0);
            self.put_part(mt.key, mt.key_at(entries, e), &zk);
            self.put_part(mt.val, mt.val_at(entries, e), &zv);
            let c = value::read_word(m, H_COUNT);
            value::write_word(m, H_COUNT, c.saturating_sub(1));
        }
        Ok(())
    }

    /// `clear(m)`.
    pub(crate) fn map_clear(&mut self, m: u64) -> Result<(), MapError> {
        if writing(m) {
            return Err(MapError::Fatal("concurrent map writes"));
        }
        if let Some(t) = map_type(m) {
            set_writing(m, true);
            self.map_rebuild(m, t, 0);
            set_writing(m, false);
        }
        Ok(())
    }

    /// Starts a `range` over `m`: the iterator's [`ITER_WORDS`] words.
    pub(crate) fn map_iter_init(&self, m: u64) -> [u64; ITER_WORDS as usize] {
        if m == 0 {
            return [0; ITER_WORDS as usize];
        }
        let (e, ecap) = table(m).map_or((0, 0), |t| (t.ptr, t.ecap as u64));
        // Blocks of 8 entries visited from a random block with a random
        // odd stride, each block from a random offset (see `block_slot`).
        let nb = (ecap / 8).max(1);
        let (start, stride) = if ecap == 0 {
            (0, 1)
        } else {
            let r = random();
            ((r % nb) | ((r >> 40) % 8) << 48, ((r >> 20) % nb) | 1)
        };
        [m, e, ecap, 0, start, stride]
    }

    /// The next entry of a `range`: writes the key's and the value's words
    /// into `out` and returns true, or returns false at the end.
    pub(crate) fn map_iter_next(
        &mut self,
        it: &mut [u64],
        out: &mut [u64],
    ) -> Result<bool, MapError> {
        let [m, snap, ecap, i, start, stride] = [it[0], it[1], it[2], it[3], it[4], it[5]];
        let Some(t) = map_type(m) else {
            return Ok(false);
        };
        let Some(mt) = self.map_info(t) else {
            return Ok(false);
        };
        if writing(m) {
            return Err(MapError::Fatal("concurrent map iteration and map write"));
        }
        let ew = mt.ew;
        let Some(stb) = table_at(snap) else {
            return Ok(false);
        };
        let (ecap, entries) = (ecap.min(stb.ecap as u64), stb.entries);
        let (kw, vw) = (
            mt.kw.min(out.len()),
            mt.vw.min(out.len().saturating_sub(mt.kw)),
        );
        let mut i = i;
        while i < ecap {
            let slot = block_slot(ecap, start, stride, i);
            i += 1;
            // SAFETY: the snapshot is a table with an entry array of `ecap`
            // entries, kept alive by the iterator's slots.
            let st = unsafe { value::read_word(entries, slot * ew) };
            if st == 0 {
                continue;
            }
            let (key, val) = out.split_at_mut(kw);
            // SAFETY: as above; the entry's key, of the map's key type.
            unsafe { load_part(&self.prog, mt.key, mt.key_at(entries, slot), key) };
            let cur = table(m).map_or(0, |t| t.ptr);
            if cur != snap {
                // Rebuilt since: the entry counts only if its key is still
                // there, with its current value.
                let key = key.to_vec();
                if !self.map_get(t, m, &key, &mut val[..vw])? {
                    continue;
                }
            } else {
                // SAFETY: as above; the entry's value.
                unsafe { load_part(&self.prog, mt.val, mt.val_at(entries, slot), &mut val[..vw]) };
            }
            it[3] = i;
            return Ok(true);
        }
        it[3] = i;
        Ok(false)
    }
}

/// The entry slot a range visits `i`-th: blocks of 8 entries in the order
/// `(start_block + k * stride) mod blocks` (a permutation: the number of
/// blocks is a power of two and the stride odd), each block's entries from
/// a random offset, wrapping. Entries stay visited in runs of up to 8, for
/// the cache.
fn block_slot(ecap: u64, start: u64, stride: u64, i: u64) -> usize {
    let nb = (ecap / 8).max(1);
    let w = ecap.min(8);
    let (start_block, offset) = (start & 0xffff_ffff_ffff, start >> 48);
    let block = start_block.wrapping_add((i / w).wrapping_mul(stride)) % nb;
    let off = (i % w + offset) % w;
    (block * w + off) as usize
}

/// The bits of an index slot that hold `entry + 1` in a table of `ecap`
/// entries: as many low bits as writing `ecap` takes (module docs).
fn entry_bits(ecap: usize) -> u32 {
    match usize::BITS - ecap.leading_zeros() {
        b if b >= 32 => u32::MAX,
        b => (1u32 << b) - 1,
    }
}

/// Index slot `i`.
///
/// # Safety
/// `index` is a table's index and `i` below its `icap`.
#[inline]
unsafe fn index_load(index: u64, i: usize) -> u32 {
    // SAFETY: the caller's contract; the index is 4-aligned (an object)
    // and read atomically, as racing writers may store into it.
    unsafe { (*(index as *const AtomicU32).add(i)).load(Relaxed) }
}

/// Puts entry `entry` of a key of hash `h` (the top hash bits above
/// `emask`, `entry + 1` in it) into the first empty slot of `h`'s probe
/// sequence.
fn index_insert(index: u64, icap: usize, emask: u32, h: u64, entry: usize) {
    let slot = ((h >> 32) as u32 & !emask) | ((entry as u32 + 1) & emask);
    let mut i = ((h >> 1) as usize) & (icap - 1);
    // At most icap probes: only racing writers can fill the index.
    for _ in 0..icap {
        // SAFETY: the index has icap slots (a power of two), never full
        // (module invariant 1).
        if unsafe { index_load(index, i) } == 0 {
            // SAFETY: as above; the index is noscan.
            unsafe { (*(index as *const AtomicU32).add(i)).store(slot, Relaxed) };
            return;
        }
        i = (i + 1) & (icap - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gol_lang::bytecode::{Conv, ConvPart, MemKind, StructField, TypeDesc};

    fn desc(name: &str, kind: TypeKind, words: u32, ptr_mask: u64) -> TypeDesc {
        TypeDesc {
            name: name.into(),
            kind,
            words,
            ptr_mask: vec![ptr_mask],
            size: u64::from(words) * 8,
            align: 8,
            narrow: false,
            narrow_mask: Vec::new(),
            conv: Vec::new(),
            methods: Vec::new(),
            method_ids: Vec::new(),
        }
    }

    /// A signed integer of `bits`, narrow in memory.
    fn narrow(name: &str, bits: u32, size: u64, k: MemKind) -> TypeDesc {
        let kind = TypeKind::Int { bits, signed: true };
        TypeDesc {
            size,
            align: size as u32,
            narrow: true,
            narrow_mask: vec![0],
            conv: vec![Conv {
                moff: 0,
                soff: 0,
                what: ConvPart::Scalar(k),
            }],
            ..desc(name, kind, 1, 0)
        }
    }

    /// Types: 0 int, 1 float64, 2 string, 3 interface {}, 4 []int,
    /// 5 struct { a int; s string }, 6 map[int]int, 7 map[string]int,
    /// 8 map[interface {}]int, 9 map[float64]int, 10 int32, 11 int8,
    /// 12 map[int32]int8, 13 map[string]int8.
    fn program() -> Program {
        let int = TypeKind::Int {
            bits: 64,
            signed: true,
        };
        Program {
            types: vec![
                desc("int", int.clone(), 1, 0),
                desc("float64", TypeKind::Float { bits: 64 }, 1, 0),
                desc("string", TypeKind::String, 2, 1),
                desc("interface {}", TypeKind::Interface, 1, 1),
                desc("[]int", TypeKind::Slice(RtType(0)), 3, 1),
                desc(
                    "main.S",
                    TypeKind::Struct(vec![
                        StructField {
                            name: "a".into(),
                            ty: RtType(0),
                            off: 0,
                            moff: 0,
                            embedded: false,
                            tag: String::new(),
                        },
                        StructField {
                            name: "s".into(),
                            ty: RtType(2),
                            off: 1,
                            moff: 8,
                            embedded: false,
                            tag: String::new(),
                        },
                    ]),
                    3,
                    0b10,
                ),
                desc("map[int]int", TypeKind::Map(RtType(0), RtType(0)), 1, 1),
                desc("map[string]int", TypeKind::Map(RtType(2), RtType(0)), 1, 1),
                desc(
                    "map[interface {}]int",
                    TypeKind::Map(RtType(3), RtType(0)),
                    1,
                    1,
                ),
                desc("map[float64]int", TypeKind::Map(RtType(1), RtType(0)), 1, 1),
                narrow("int32", 32, 4, MemKind::I32),
                narrow("int8", 8, 1, MemKind::I8),
                desc(
                    "map[int32]int8",
                    TypeKind::Map(RtType(10), RtType(11)),
                    1,
                    1,
                ),
                desc(
                    "map[string]int8",
                    TypeKind::Map(RtType(2), RtType(11)),
                    1,
                    1,
                ),
            ],
            ..Default::default()
        }
    }

    fn vm() -> Vm {
        let hooks = crate::Hooks {
            format_float: |_, _| Vec::new(),
        };
        match Vm::new(program(), &|_| None, hooks) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        }
    }

    fn s(b: &'static [u8]) -> [u64; 2] {
        [b.as_ptr() as u64, b.len() as u64]
    }

    #[test]
    fn floats_hash_and_compare_as_go() {
        let p = program();
        let (pz, nz) = (0.0f64.to_bits(), (-0.0f64).to_bits());
        assert_eq!(
            hash_value(&p, RtType(1), &[pz], 7),
            hash_value(&p, RtType(1), &[nz], 7)
        );
        assert_eq!(equal_value(&p, RtType(1), &[pz], &[nz]), Ok(true));
        let nan = f64::NAN.to_bits();
        assert_eq!(equal_value(&p, RtType(1), &[nan], &[nan]), Ok(false));
    }

    #[test]
    fn strings_and_structs_compare_by_content() {
        let p = program();
        let (a, b) = (b"hello".to_vec(), b"hello".to_vec());
        let x = [a.as_ptr() as u64, 5];
        let y = [b.as_ptr() as u64, 5];
        assert_eq!(equal_value(&p, RtType(2), &x, &y), Ok(true));
        assert_eq!(
            hash_value(&p, RtType(2), &x, 1),
            hash_value(&p, RtType(2), &y, 1)
        );
        let sx = [3, x[0], x[1]];
        let sy = [3, y[0], 4];
        assert_eq!(equal_value(&p, RtType(5), &sx, &sx), Ok(true));
        assert_eq!(equal_value(&p, RtType(5), &sx, &sy), Ok(false));
        assert_eq!(equal_value(&p, RtType(4), &[0; 3], &[0; 3]), Err(RtType(4)));
    }

    #[test]
    fn interfaces_holding_slices_are_unhashable() {
        let mut vm = vm();
        let b = vm.new_box(RtType(4), &[0, 0, 0]);
        let prog = vm.prog.clone();
        assert_eq!(hash_value(&prog, RtType(3), &[b], 0), Err(RtType(4)));
        assert_eq!(iface_equal(&prog, b, b), Err(RtType(4)));
        let m = vm.map_new(RtType(8), 0);
        assert_eq!(
            vm.map_set(RtType(8), m, &[b], &[1]),
            Err(MapError::Panic(
                "runtime error: hash of unhashable type []int".into()
            ))
        );
        let i1 = vm.new_box(RtType(0), &[5]);
        let i2 = vm.new_box(RtType(0), &[5]);
        assert_eq!(vm.map_set(RtType(8), m, &[i1], &[9]), Ok(()));
        let mut out = [0];
        assert_eq!(vm.map_get(RtType(8), m, &[i2], &mut out), Ok(true));
        assert_eq!(out, [9]);
    }

    #[test]
    fn insert_delete_grow_and_iterate() {
        let mut vm = vm();
        let t = RtType(6);
        let m = vm.map_new(t, 0);
        for k in 0..10_000u64 {
            assert_eq!(vm.map_set(t, m, &[k], &[k * 2]), Ok(()));
        }
        for k in (0..10_000u64).step_by(2) {
            assert_eq!(vm.map_delete(t, m, &[k]), Ok(()));
        }
        assert_eq!(len(m), 5_000);
        let mut out = [0];
        assert_eq!(vm.map_get(t, m, &[7], &mut out), Ok(true));
        assert_eq!(out, [14]);
        assert_eq!(vm.map_get(t, m, &[8], &mut out), Ok(false));
        assert_eq!(out, [0]);
        // Every live entry exactly once.
        let mut it = vm.map_iter_init(m);
        let mut seen = std::collections::HashSet::new();
        let mut kv = [0u64; 2];
        while vm.map_iter_next(&mut it, &mut kv) == Ok(true) {
            assert_eq!(kv[0] % 2, 1);
            assert_eq!(kv[1], kv[0] * 2);
            assert!(seen.insert(kv[0]));
        }
        assert_eq!(seen.len(), 5_000);
        let mut n = 0;
        let prog = vm.prog.clone();
        for_each(&prog, m, |k, v| {
            assert_eq!(v[0], k[0] * 2);
            n += 1;
        });
        assert_eq!(n, 5_000);
        assert_eq!(vm.map_clear(m), Ok(()));
        assert_eq!(len(m), 0);
    }

    #[test]
    fn narrow_keys_and_values_take_their_sizes() {
        let mut vm = vm();
        let prog = vm.prog.clone();
        let Some(mt) = MapType::of(&prog, RtType(12)) else {
            panic!("not a map type");
        };
        // State word, 4 key bytes, 1 value byte, padding: two words,
        // nothing for the collector to scan.
        assert_eq!(
            (mt.ew, mt.voff, mt.scan, mt.keys),
            (2, 12, false, KeyKind::Words)
        );
        let Some(ms) = MapType::of(&prog, RtType(13)) else {
            panic!("not a map type");
        };
        // A string key (a pointer word) and a byte: scanned at word 1.
        assert_eq!((ms.ew, ms.voff, ms.scan), (4, 24, true));
        assert_eq!(ms.entry_mask, vec![0b10]);

        let t = RtType(12);
        let m = vm.map_new(t, 0);
        let key = |k: i32| [k as i64 as u64];
        for k in -500..500i32 {
            let v = (k % 128) as i8;
            assert_eq!(
                vm.map_set(t, m, &key(k * 65_537), &[v as i64 as u64]),
                Ok(())
            );
        }
        for k in (-500..500i32).step_by(3) {
            assert_eq!(vm.map_delete(t, m, &key(k * 65_537)), Ok(()));
        }
        let mut out = [0];
        for k in -500..500i32 {
            let found = vm.map_get(t, m, &key(k * 65_537), &mut out);
            assert_eq!(found, Ok((k + 500) % 3 != 0), "key {k}");
            if found == Ok(true) {
                // Sign-extended back into the slot.
                assert_eq!(out[0] as i64, i64::from((k % 128) as i8));
            }
        }
        let mut n = 0;
        for_each(&prog, m, |k, v| {
            assert_eq!(v[0] as i64, (k[0] as i64 / 65_537) % 128);
            n += 1;
        });
        assert_eq!(n, len(m));
        let mut it = vm.map_iter_init(m);
        let mut kv = [0u64; 2];
        let mut seen = 0;
        while vm.map_iter_next(&mut it, &mut kv) == Ok(true) {
            assert_eq!(kv[1] as i64, (kv[0] as i64 / 65_537) % 128);
            seen += 1;
        }
        assert_eq!(seen, len(m));
    }

    #[test]
    fn deleted_entries_are_not_produced_even_after_growth() {
        let mut vm = vm();
        let t = RtType(6);
        let m = vm.map_new(t, 0);
        for k in 0..8u64 {
            assert_eq!(vm.map_set(t, m, &[k], &[k]), Ok(()));
        }
        let mut it = vm.map_iter_init(m);
        let mut kv = [0u64; 2];
        let mut produced = Vec::new();
        while vm.map_iter_next(&mut it, &mut kv) == Ok(true) {
            produced.push(kv[0]);
            if produced.len() == 1 {
                // Delete every other key, then force a rebuild.
                for k in 0..8u64 {
                    if k != kv[0] {
                        assert_eq!(vm.map_delete(t, m, &[k]), Ok(()));
                    }
                }
                for k in 100..200u64 {
                    assert_eq!(vm.map_set(t, m, &[k], &[k]), Ok(()));
                }
            }
        }
        assert!(produced[1..].iter().all(|&k| k >= 100));
        let unique: std::collections::HashSet<_> = produced.iter().collect();
        assert_eq!(unique.len(), produced.len());
    }

    #[test]
    fn iteration_order_varies_between_ranges() {
        let mut vm = vm();
        let t = RtType(7);
        let m = vm.map_new(t, 0);
        let keys: [&'static [u8]; 8] = [b"a", b"b", b"c", b"d", b"e", b"f", b"g", b"h"];
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(vm.map_set(t, m, &s(k), &[i as u64]), Ok(()));
        }
        let mut firsts = std::collections::HashSet::new();
        for _ in 0..64 {
            let mut it = vm.map_iter_init(m);
            let mut kv = [0u64; 3];
            assert_eq!(vm.map_iter_next(&mut it, &mut kv), Ok(true));
            firsts.insert(kv[2]);
        }
        assert!(firsts.len() > 1, "every range started at the same entry");
    }

    #[test]
    fn nan_keys_are_never_found_and_always_added() {
        let mut vm = vm();
        let t = RtType(9);
        let m = vm.map_new(t, 0);
        let nan = f64::NAN.to_bits();
        for _ in 0..3 {
            assert_eq!(vm.map_set(t, m, &[nan], &[1]), Ok(()));
        }
        assert_eq!(len(m), 3);
        let mut out = [0];
        assert_eq!(vm.map_get(t, m, &[nan], &mut out), Ok(false));
        assert_eq!(vm.map_set(t, m, &[0.0f64.to_bits()], &[1]), Ok(()));
        assert_eq!(vm.map_set(t, m, &[(-0.0f64).to_bits()], &[2]), Ok(()));
        assert_eq!(len(m), 4);
    }

    #[test]
    fn sorted_like_fmt() {
        let mut vm = vm();
        let t = RtType(9);
        let m = vm.map_new(t, 0);
        for f in [2.5f64, -1.0, f64::NAN, 0.0] {
            assert_eq!(vm.map_set(t, m, &[f.to_bits()], &[1]), Ok(()));
        }
        let prog = vm.prog.clone();
        let keys: Vec<f64> = sorted_entries(&prog, m)
            .iter()
            .map(|(k, _)| f64::from_bits(k[0]))
            .collect();
        assert!(keys[0].is_nan());
        assert_eq!(&keys[1..], &[-1.0, 0.0, 2.5]);
        let t = RtType(7);
        let m = vm.map_new(t, 0);
        for (i, k) in [&b"b"[..], b"a", b"ab"].iter().enumerate() {
            let w = [k.as_ptr() as u64, k.len() as u64];
            assert_eq!(vm.map_set(t, m, &w, &[i as u64]), Ok(()));
        }
        let vals: Vec<u64> = sorted_entries(&prog, m).iter().map(|(_, v)| v[0]).collect();
        assert_eq!(vals, vec![1, 2, 0]);
    }

    #[test]
    fn unsynchronised_use_is_fatal() {
        let mut vm = vm();
        let t = RtType(6);
        let m = vm.map_new(t, 0);
        assert_eq!(vm.map_set(t, m, &[1], &[1]), Ok(()));
        // As if another goroutine were in the middle of a write.
        set_writing(m, true);
        assert_eq!(
            vm.map_set(t, m, &[2], &[2]),
            Err(MapError::Fatal("concurrent map writes"))
        );
        assert_eq!(
            vm.map_get(t, m, &[1], &mut [0]),
            Err(MapError::Fatal("concurrent map read and map write"))
        );
        let mut it = vm.map_iter_init(m);
        assert_eq!(
            vm.map_iter_next(&mut it, &mut [0, 0]),
            Err(MapError::Fatal("concurrent map iteration and map write"))
        );
        set_writing(m, false);
        assert_eq!(vm.map_set(t, m, &[2], &[2]), Ok(()));
        assert_eq!(len(m), 2);
    }

    #[test]
    fn nil_maps() {
        let mut vm = vm();
        let t = RtType(6);
        let mut out = [5];
        assert_eq!(vm.map_get(t, 0, &[1], &mut out), Ok(false));
        assert_eq!(out, [0]);
        assert_eq!(
            vm.map_set(t, 0, &[1], &[1]),
            Err(MapError::Panic("assignment to entry in nil map".into()))
        );
        assert_eq!(vm.map_delete(t, 0, &[1]), Ok(()));
        assert_eq!(len(0), 0);
        let mut it = vm.map_iter_init(0);
        assert_eq!(vm.map_iter_next(&mut it, &mut [0, 0]), Ok(false));
    }
}

#[cfg(test)]
mod order_tests {
    use super::block_slot;

    #[test]
    fn block_walk_is_a_permutation() {
        for ecap in [8u64, 16, 64, 1024] {
            for (start, stride) in [(0u64, 1u64), (3 | 5 << 48, 7), (1 | 7 << 48, 3)] {
                let nb = ecap / 8;
                let start = ((start & 0xffff_ffff_ffff) % nb) | ((start >> 48) << 48);
                let stride = (stride % nb) | 1;
                let mut seen = vec![false; ecap as usize];
                for i in 0..ecap {
                    let s = block_slot(ecap, start, stride, i);
                    assert!(!seen[s], "slot {s} twice (ecap {ecap})");
                    seen[s] = true;
                }
            }
        }
    }
}
