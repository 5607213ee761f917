//! Reading and building heap values: strings, slices, interface boxes,
//! and the publication of multi-word values in shared memory.
//!
//! Representations (see the bytecode module docs): a string is `(ptr,
//! len)` over bytes, a slice `(ptr, len, cap)` over elements laid out in
//! memory at their own sizes (the layout module: a `[]byte`'s array is
//! its bytes), an interface a pointer to `[type, value words...]`.
//!
//! # Invariants the accessors rely on
//! 1. A string's `ptr` is 0 (then `len` is 0) or points at `len` readable
//!    bytes: a heap object or the program's constant pool, which lives as
//!    long as the VM.
//! 2. A slice's `ptr` is 0 (then `len == cap == 0`) or points into a heap
//!    array with at least `cap` elements from `ptr`, and `len <= cap`; a
//!    zero-capacity slice keeps its array's base address (never one past
//!    the end: heap contract 2).
//! 3. An interface word is 0 or points at a box whose first word is a valid
//!    index into the program's type table, followed by that type's words.
//!    A box is never written after it is made.
//!
//! Every value the VM makes keeps these; the code generator makes no
//! values of its own. What remains is a racy program, whose goroutines
//! run in parallel: see the next section.
//!
//! # Torn reads: multi-word values are published atomically
//! A string or slice variable in shared memory (a global, a captured
//! variable's box, a struct field, an array or map element) is several
//! words. One goroutine storing `s = big` while another loads `t := s`
//! could read `big`'s length with the old pointer: a string of 16 MB over
//! a 1-byte object, or a slice whose elements run past its array. Go does
//! not protect a racy program from that; gol must (architecture
//! invariant 1). The mechanism here: every load and store of a value of
//! two words or more in shared memory is *atomic as a whole*, through a
//! table of striped sequence locks ([`load_words`], [`lock_words`]).
//! A racy load therefore gives one of the values some goroutine stored,
//! never a mix, and invariants 1 and 2 hold for every value in a slot:
//! the slots are the goroutine's own, so once a value is there it cannot
//! be torn any more, and the per-access bounds checks against `len` (and
//! `cap`) stay sufficient. A racy program sees stale or fresh values, as a
//! Go program does; it never sees a value nobody wrote.
//!
//! The protocol (a seqlock per stripe; a stripe covers the 64-byte lines
//! whose index is equal modulo [`STRIPES`]):
//! * A writer locks the stripes of every line its words touch (the
//!   counter goes odd; stripes in increasing index order, so two writers
//!   never wait on each other in a cycle), stores, and unlocks (the
//!   counter goes even again, one higher).
//! * A reader of a few lines sums the stripes' counters (all even: no
//!   writer inside), copies the words, and sums again; counters only grow,
//!   so an unchanged sum means no writer ran in between and the copy is
//!   one value. After a few failed tries, or for a long range, it locks
//!   the stripes as a writer does, so a reader cannot starve.
//! * Only writers of values that hold a string or slice header need the
//!   lock: a torn pair of independent one-word values (two pointers of a
//!   struct) is just two racy word reads, each whole, and memory that
//!   holds a header is only ever stored as a value whose type contains
//!   it. So writers lock when the stored type has a header inside
//!   ([`header_types`], used by the VM's `store_words`), and `StoreGlobal`
//!   (which does not say its type) when it stores two words or more;
//!   readers lock when they read two words or more (the `Load`
//!   instruction does not say its type either).
//!
//! Where the protocol is applied: the interpreter's `Load`, `Store`,
//! `LoadGlobal`, `StoreGlobal`, `SliceGet`, `SliceSet`, `copy`, `append`
//! (its copy of the old elements, and its in-place stores), `clear`,
//! map values, and natives' [`NativeCtx::read_words`](crate::NativeCtx)
//! and `store`. Channel buffers are copied under the channel's lock,
//! interface boxes are immutable, and slots belong to one goroutine.
//!
//! Alternatives considered:
//! * Checking a string's or slice's bounds against the real heap object at
//!   each use (`Heap::object_containing`): sound for strings (read-only
//!   bytes), not for slices. A slice of an array that is a field of a
//!   struct points into the middle of the struct; a torn capacity that
//!   still fits in the struct lets a store of an `int` land on a pointer
//!   field after the array, and the heap cannot say where the array ends.
//!   It also costs a span lookup per index, where the seqlock costs
//!   nothing on slot-to-slot work and a few loads per shared multi-word
//!   load.
//! * A one-word representation (a pointer to a header object carrying the
//!   length): an allocation per substring and per re-slice, and a change
//!   of the code generator's whole value model.
//! * 128-bit atomic instructions: strings fit, slices (three words) and
//!   structs holding them do not.
//!
//! Cost: a store of a value holding a string or slice into shared memory
//! pays an atomic compare-and-swap and a store per line; a load of two
//! words or more pays two passes of plain loads over one or two counters.
//! Single-word loads and stores, stores of header-free values, and
//! everything on slots pay nothing. Measured 2026-12-06 on the shared
//! 2-core machine under load (CPU time, 5 interleaved runs of the old and
//! new binaries, median ratio new/old): fib 1.00, loop within noise, nbody
//! 0.98, binarytrees 1.00, sieve 1.01, pingpong 1.05, mapstr 1.15; a
//! worst case that does nothing but store and load string and slice
//! fields and elements (3M iterations of six such accesses) 1.33. The
//! machine's load makes single figures swing by 20%; instruction counts
//! (callgrind, one P) are steadier: mapstr 0.98x, the worst case 1.02x,
//! so what the time shows is the latency of the locked
//! compare-and-swap, not extra work.

use std::sync::atomic::{fence, AtomicU64, Ordering};

/// Per runtime type of `prog`: whether a value of it holds a string or
/// slice header (a string, a slice, or an array or struct with one
/// inside). Only stores of such values need the stripes' lock (see the
/// module docs). Computed without recursion (a worklist over the types
/// that contain each type), so any nesting depth costs time linear in
/// the types.
pub(crate) fn header_types(prog: &gol_lang::bytecode::Program) -> Vec<bool> {
    use gol_lang::bytecode::TypeKind;
    let n = prog.types.len();
    let mut has = vec![false; n];
    // containers[c]: the arrays and structs with a component of type c.
    let mut containers: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut work = Vec::new();
    for (i, t) in prog.types.iter().enumerate() {
        match &t.kind {
            TypeKind::String | TypeKind::Slice(_) => {
                has[i] = true;
                work.push(i);
            }
            TypeKind::Array(_, e) => {
                if let Some(c) = containers.get_mut(e.0 as usize) {
                    c.push(i);
                }
            }
            TypeKind::Struct(fields) => {
                for f in fields {
                    if let Some(c) = containers.get_mut(f.ty.0 as usize) {
                        c.push(i);
                    }
                }
            }
            _ => {}
        }
    }
    while let Some(c) = work.pop() {
        for &p in &containers[c] {
            if !has[p] {
                has[p] = true;
                work.push(p);
            }
        }
    }
    has
}

/// Number of sequence-lock stripes (a power of two).
pub(crate) const STRIPES: usize = 1024;
/// log2 of the bytes a stripe covers in a row (a cache line).
const LINE_SHIFT: u32 = 6;
/// Lines past which a reader locks instead of retrying.
const OPTIMISTIC_LINES: usize = 8;
/// Optimistic tries before a reader locks.
const READ_TRIES: u32 = 16;

/// One stripe's counter, alone on its cache line (stripes written by
/// different Ms do not share a line).
#[repr(align(64))]
struct Stripe(AtomicU64);

/// The stripes. Odd: a writer is inside. Each counter only grows (by 2
/// per write), which the readers' sum check relies on.
static SEQ: [Stripe; STRIPES] = [const { Stripe(AtomicU64::new(0)) }; STRIPES];

/// The stripes of the lines of `n` words at `addr`: the first stripe and
/// how many in a row (wrapping), all of them for a long range.
#[inline]
fn stripes_of(addr: u64, n: usize) -> (usize, usize) {
    let first = addr >> LINE_SHIFT;
    let last = (addr + (n as u64 * 8).max(1) - 1) >> LINE_SHIFT;
    let lines = (last - first + 1) as usize;
    ((first as usize) & (STRIPES - 1), lines.min(STRIPES))
}

/// Waits a moment for a writer (a spin, then the thread's turn).
#[cold]
fn backoff(spins: &mut u32) {
    *spins += 1;
    if *spins < 64 {
        std::hint::spin_loop();
    } else {
        std::thread::yield_now();
    }
}

/// The sum of the counters of `lines` stripes from `first`, or None when
/// a writer holds one of them.
#[inline]
fn seq_sum(first: usize, lines: usize) -> Option<u64> {
    let mut sum = 0u64;
    for i in 0..lines {
        // Acquire pairs with the Release unlock of a writer: the words it
        // stored before unlocking are visible to the copy that follows.
        let s = SEQ[(first + i) & (STRIPES - 1)].0.load(Ordering::Acquire);
        if s & 1 != 0 {
            return None;
        }
        sum = sum.wrapping_add(s);
    }
    Some(sum)
}

/// Copies `out.len()` words from `addr`, each read whole.
///
/// # Safety
/// The words are inside live memory (a heap object or the globals).
#[inline]
unsafe fn copy_words(addr: u64, out: &mut [u64]) {
    for (k, o) in out.iter_mut().enumerate() {
        // SAFETY: forwarded from the caller; words are 8-aligned, and an
        // atomic load makes a concurrent store a race on a value, not
        // undefined behaviour.
        *o = unsafe { (*(addr as *const AtomicU64).add(k)).load(Ordering::Relaxed) };
    }
}

/// Reads the `out.len()` words at `addr` as one value: the words some
/// single store wrote (or several stores that did not overlap in time),
/// never a mix of two stores (see the module docs).
///
/// Inline: a value on one line (a string or slice header, mostly) takes
/// the first optimistic try here, as [`load_words_slow`] would, without a
/// call and loops over stripes; anything else, and a try that fails,
/// goes there.
///
/// # Safety
/// The words are inside live memory (a heap object or the globals).
#[inline(always)]
pub(crate) unsafe fn load_words(addr: u64, out: &mut [u64]) {
    if out.len() < 2 {
        // SAFETY: forwarded.
        unsafe { copy_words(addr, out) };
        return;
    }
    let (first, lines) = stripes_of(addr, out.len());
    if lines == 1 {
        let seq = &SEQ[first].0;
        // As `seq_sum` and `lines_sum_relaxed` for one stripe.
        let before = seq.load(Ordering::Acquire);
        if before & 1 == 0 {
            // SAFETY: forwarded.
            unsafe { copy_words(addr, out) };
            fence(Ordering::Acquire);
            if seq.load(Ordering::Relaxed) == before {
                return;
            }
        }
    }
    // SAFETY: forwarded.
    unsafe { load_words_slow(addr, out) }
}

/// [`load_words`] for any length: optimistic tries, then the lock.
///
/// # Safety
/// As for [`load_words`].
#[inline(never)]
unsafe fn load_words_slow(addr: u64, out: &mut [u64]) {
    let (first, lines) = stripes_of(addr, out.len());
    if lines <= OPTIMISTIC_LINES {
        let mut spins = 0;
        for _ in 0..READ_TRIES {
            let Some(before) = seq_sum(first, lines) else {
                backoff(&mut spins);
                continue;
            };
            // SAFETY: forwarded.
            unsafe { copy_words(addr, out) };
            // The copy's loads happen before the second reading of the
            // counters (a writer that stored into the words read has
            // locked a stripe by then, which the sum sees).
            fence(Ordering::Acquire);
            let after = lines_sum_relaxed(first, lines);
            if after == before {
                return;
            }
            backoff(&mut spins);
        }
    }
    let _g = lock_stripes(first, lines);
    // SAFETY: forwarded; no writer of these lines runs while the lock is
    // held.
    unsafe { copy_words(addr, out) };
}

/// The counters' sum (odd ones included: a writer inside changes it).
#[inline]
fn lines_sum_relaxed(first: usize, lines: usize) -> u64 {
    (0..lines).fold(0u64, |acc, i| {
        acc.wrapping_add(SEQ[(first + i) & (STRIPES - 1)].0.load(Ordering::Relaxed))
    })
}

/// Holds the stripes of a range: stores into it are published as one
/// value when it drops.
pub(crate) struct WordsLock {
    first: usize,
    lines: usize,
}

/// Locks the stripes of `n` words at `addr` for a store of one value (see
/// the module docs). Keep the lock for plain memory work only: a reader
/// of the same lines on this thread would wait for itself.
#[inline]
pub(crate) fn lock_words(addr: u64, n: usize) -> WordsLock {
    let (first, lines) = stripes_of(addr, n);
    lock_stripes(first, lines)
}

#[inline]
fn lock_stripes(first: usize, lines: usize) -> WordsLock {
    // Increasing index order: a range that wraps locks its low part first.
    if first + lines > STRIPES {
        for i in 0..first + lines - STRIPES {
            lock_stripe(i);
        }
        for i in first..STRIPES {
            lock_stripe(i);
        }
    } else {
        for i in first..first + lines {
            lock_stripe(i);
        }
    }
    // Release: a reader whose copy sees one of the stores that follow
    // also sees the odd counters (it pairs with the reader's Acquire
    // fence before its second sum).
    fence(Ordering::Release);
    WordsLock { first, lines }
}

/// Takes stripe `i` (its counter from even to odd).
#[inline]
fn lock_stripe(i: usize) {
    let st = &SEQ[i].0;
    let mut spins = 0;
    loop {
        let s = st.load(Ordering::Relaxed);
        // Acquire: this writer's stores come after the previous writer's
        // unlock.
        if s & 1 == 0
            && st
                .compare_exchange_weak(s, s + 1, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
        {
            return;
        }
        backoff(&mut spins);
    }
}

impl Drop for WordsLock {
    #[inline]
    fn drop(&mut self) {
        for i in 0..self.lines {
            let st = &SEQ[(self.first + i) & (STRIPES - 1)].0;
            // Only the holder changes a locked counter. Release pairs with
            // the readers' Acquire loads of the counters: the value's
            // stores are visible to whoever sees the even counter.
            st.store(st.load(Ordering::Relaxed) + 1, Ordering::Release);
        }
    }
}

/// The bytes of the string `(ptr, len)`.
///
/// # Safety
/// `(ptr, len)` is a string value made by this VM (invariant 1), and the
/// bytes stay alive and unmodified while the result is used (no collection
/// runs meanwhile: the caller does not reach a safepoint).
pub(crate) unsafe fn str_bytes<'a>(ptr: u64, len: u64) -> &'a [u8] {
    if len == 0 || ptr == 0 {
        return &[];
    }
    // SAFETY: by invariant 1, `ptr` points at `len` readable bytes that
    // strings never modify.
    unsafe { std::slice::from_raw_parts(ptr as *const u8, len as usize) }
}

/// Reads word `i` of the object at `ptr`.
///
/// # Safety
/// `ptr` points at a live object with more than `i` words.
#[inline]
pub(crate) unsafe fn read_word(ptr: u64, i: usize) -> u64 {
    // SAFETY: the caller guarantees the word is inside a live object;
    // objects are 8-aligned.
    unsafe { *(ptr as *const u64).add(i) }
}

/// Writes word `i` of the object at `ptr` (no barrier: callers use it only
/// for words that are not pointers, or for objects just allocated).
///
/// # Safety
/// `ptr` points at a live object with more than `i` words.
#[inline]
pub(crate) unsafe fn write_word(ptr: u64, i: usize, v: u64) {
    // SAFETY: as for `read_word`; the object is writable heap memory.
    unsafe { *(ptr as *mut u64).add(i) = v }
}

/// Go's growth of a slice's capacity (`runtime.growslice`): double below
/// 256 elements, then grow by (n + 3*256)/4 until enough; then round the
/// byte size up to the allocator's size class. (Go 1.25+ gives slices that
/// do not escape a 32-byte stack buffer first; gol has no escape analysis,
/// so every slice grows like an escaping one.)
pub(crate) fn grow_cap(old_cap: usize, needed: usize, elem_bytes: usize) -> usize {
    let mut newcap = old_cap;
    let doublecap = newcap + newcap;
    if needed > doublecap {
        newcap = needed;
    } else {
        const THRESHOLD: usize = 256;
        if old_cap < THRESHOLD {
            newcap = doublecap;
        } else {
            while newcap < needed {
                newcap += (newcap + 3 * THRESHOLD) >> 2;
            }
        }
    }
    if elem_bytes == 0 {
        return newcap;
    }
    let mem = newcap.saturating_mul(elem_bytes);
    let rounded = gol_gc::round_up_size(mem);
    rounded / elem_bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words on two cache lines, so a value crosses a stripe boundary.
    #[repr(align(64))]
    struct Lines([AtomicU64; 16]);

    #[test]
    fn loads_never_see_a_mix_of_two_stores() {
        // Two writers store (k, k, k) over words 7..10 (bytes 56..80: two
        // lines, two stripes) while two readers load them; every load must
        // give three equal words. Without the writers' lock the readers
        // see mixes within a few thousand loads.
        let buf: &'static Lines =
            Box::leak(Box::new(Lines(std::array::from_fn(|_| AtomicU64::new(0)))));
        let addr = buf.0[7].as_ptr() as u64;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let writers: Vec<_> = (0..2u64)
            .map(|w| {
                let stop = stop.clone();
                std::thread::spawn(move || {
                    let mut k = w;
                    while !stop.load(Ordering::Relaxed) {
                        k += 2;
                        let _l = lock_words(addr, 3);
                        for i in 0..3 {
                            buf.0[7 + i].store(k, Ordering::Relaxed);
                        }
                    }
                })
            })
            .collect();
        let readers: Vec<_> = (0..2)
            .map(|_| {
                std::thread::spawn(move || {
                    let mut mixed = 0;
                    for _ in 0..200_000 {
                        let mut out = [0u64; 3];
                        // SAFETY: the words are in `buf`, leaked for the
                        // test's whole run.
                        unsafe { load_words(addr, &mut out) };
                        if out[0] != out[1] || out[1] != out[2] {
                            mixed += 1;
                        }
                    }
                    mixed
                })
            })
            .collect();
        let mixed: u32 = readers.into_iter().map(|r| r.join().unwrap()).sum();
        stop.store(true, Ordering::Relaxed);
        for w in writers {
            w.join().unwrap();
        }
        assert_eq!(mixed, 0);
    }

    #[test]
    fn header_types_follow_arrays_and_structs_to_any_depth() {
        use gol_lang::bytecode::{Program, RtType, StructField, TypeDesc, TypeKind};
        let ty = |kind: TypeKind| TypeDesc {
            name: String::new(),
            kind,
            words: 1,
            ptr_mask: Vec::new(),
            size: 8,
            align: 8,
            narrow: false,
            narrow_mask: Vec::new(),
            conv: Vec::new(),
            methods: Vec::new(),
            method_ids: Vec::new(),
        };
        let field = |t: u32| StructField {
            name: "f".into(),
            ty: RtType(t),
            off: 0,
            moff: 0,
            embedded: false,
            tag: String::new(),
        };
        let mut types = vec![
            ty(TypeKind::String),
            ty(TypeKind::Int {
                bits: 64,
                signed: true,
            }),
            ty(TypeKind::Struct(vec![field(1), field(1)])),
            // A struct declared before the array it holds, which holds
            // the string: found through the worklist, whatever the order.
            ty(TypeKind::Struct(vec![field(1), field(4)])),
            ty(TypeKind::Array(3, RtType(0))),
            ty(TypeKind::Pointer(RtType(3))),
            ty(TypeKind::Slice(RtType(1))),
            ty(TypeKind::Struct(vec![field(5), field(2)])),
        ];
        // A chain of 10,000 structs, each holding the next, the last a
        // slice: no recursion, every link found.
        let base = types.len() as u32;
        for i in 0..10_000 {
            types.push(ty(TypeKind::Struct(vec![field(base + i + 1)])));
        }
        types.push(ty(TypeKind::Slice(RtType(1))));
        let prog = Program {
            types,
            ..Program::default()
        };
        let h = header_types(&prog);
        assert_eq!(
            &h[..8],
            &[true, false, false, true, true, false, true, false]
        );
        assert!(h[8..].iter().all(|&x| x));
    }

    #[test]
    fn long_ranges_and_wrapping_stripes_lock_and_unlock() {
        // A range over more lines than there are stripes locks every
        // stripe once; one that wraps past the last stripe locks both
        // ends; afterwards every counter is even again.
        let v = vec![0u64; STRIPES * 8 + 16];
        let p = v.as_ptr() as u64;
        drop(lock_words(p, v.len()));
        let near_end = ((STRIPES as u64 - 1) << LINE_SHIFT) + 40;
        let (first, lines) = stripes_of(near_end, 8);
        assert_eq!((first, lines), (STRIPES - 1, 2));
        drop(lock_words(near_end, 8));
        // Locked again (a stripe left odd would make this spin forever),
        // and read.
        drop(lock_words(p, v.len()));
        drop(lock_words(near_end, 8));
        let mut out = [1u64; 4];
        // SAFETY: `v` is live and holds these words.
        unsafe { load_words(p + 8, &mut out) };
        assert_eq!(out, [0; 4]);
    }

    #[test]
    fn growth_matches_go_for_ints() {
        // Capacities Go 1.27 prints for `s = append(s, i)` on []int from nil.
        let mut cap = 0;
        let mut seen = Vec::new();
        for n in 1..=600usize {
            if n > cap {
                cap = grow_cap(cap, n, 8);
                seen.push(cap);
            }
        }
        assert_eq!(seen, vec![1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848]);
    }

    #[test]
    fn growth_matches_go_for_other_sizes() {
        // Native Go 1.27, escaping slices: []byte from nil 8; 5 ints at
        // once 6; []int of len 1 -> 2; a 40-byte struct 1; int32 2;
        // make([]byte, 3) -> 8; string (16 bytes) 1.
        assert_eq!(grow_cap(0, 1, 1), 8);
        assert_eq!(grow_cap(0, 5, 8), 6);
        assert_eq!(grow_cap(1, 2, 8), 2);
        assert_eq!(grow_cap(0, 1, 40), 1);
        assert_eq!(grow_cap(0, 1, 4), 2);
        assert_eq!(grow_cap(3, 4, 1), 8);
        assert_eq!(grow_cap(0, 1, 16), 1);
    }
}
