//! Spans (Go's `mspan`): a run of pages holding objects of one size class,
//! or one large object, with the bitmaps that say which objects are
//! allocated, which are marked, and which words hold pointers.
//!
//! # Layout of a span
//! A small-object span of class `c` covers `CLASS_TO_ALLOC_NPAGES[c]` pages
//! and holds `nelems` objects of `elem_size` bytes packed from its start; the
//! tail left over is never used. Object `i` lives at `start + i*elem_size`.
//! The object index of an interior address is computed with the class's
//! multiply-and-shift divisor, so finding an object's base is O(1). A large
//! span holds one object; its slot is the whole `npages * PAGE_SIZE` bytes.
//!
//! # Bitmaps
//! * `alloc_bits`, one bit per object: set when the object is handed out,
//!   replaced by `mark_bits` when the span is swept. Go derives allocation
//!   from `freeindex` plus the bits; setting the bit at allocation costs one
//!   store and lets a conservative root be checked with one load.
//! * `mark_bits`, one bit per object, atomic words: markers set bits with
//!   `fetch_or`, so several mark workers can share a span.
//! * `ptr_bits`, one bit per 8-byte word of the whole span, only for small
//!   objects in scan spans: written at allocation from the caller's
//!   [`Layout`](crate::Layout) (Go's heap bitmap). Large objects keep a copy
//!   of their layout and their requested size instead (the span's tail past
//!   the object is never scanned): a 1 GiB array of a 3-word struct needs a
//!   one-word mask, not 16 MiB of bitmap.
//!
//! Span structs are never freed while the heap lives; dead ones are pooled
//! by *shape* (class and noscan; all large spans share one shape), so their
//! bitmaps are allocated once and never replaced. A lookup that races with
//! the reuse of a struct (possible only for a stale address) reads stale
//! bits through atomics, never freed memory.
//!
//! # Ownership (who may touch what)
//! * Identity fields (`start`, `npages`, `span_class`, `elem_size`,
//!   `nelems`, `div_magic`): written by the page heap under its lock while
//!   the span is unpublished (state `Dead`, no page-map entry points at it);
//!   read-only while `InUse`. They are atomics (all `Relaxed`) so that a
//!   lookup racing with a re-initialisation reads a wrong value rather than
//!   causing undefined behaviour; `state` is the publication flag: its
//!   `Release` store in [`Span::publish`] pairs with the `Acquire` load in
//!   [`Span::is_in_use`].
//! * `large_layout` (not atomic): written with the identity fields, read
//!   only by a marker scanning the (live, hence published) large object.
//! * `alloc` ([`AllocState`]) and the *writes* to `alloc_bits` and
//!   `ptr_bits`: by the span's single owner, which is whoever took it off a
//!   list: the P whose cache holds it, a sweeper that won it, or the page
//!   heap during initialisation. Taking it off a list happens under the list's
//!   lock, which orders successive owners.
//! * `mark_bits`: set by markers (atomic `fetch_or`); cleared only by the
//!   span's sweeper. Marking and sweeping never overlap (see the crate docs).
//! * `sweepgen`: see `sweep.rs` for the protocol; `Release` stores publish a
//!   finished sweep, `Acquire` loads observe it.

use crate::layout::{Layout, OwnedLayout};
use crate::lock::{AtomicU32, AtomicU64, AtomicU8, AtomicUsize, Ordering::*, UnsafeCell};
use crate::sizeclasses::{
    CLASS_TO_ALLOC_NPAGES, CLASS_TO_DIV_MAGIC, CLASS_TO_SIZE, NUM_SIZE_CLASSES, PAGE_SIZE,
};
use std::ptr::NonNull;

/// Number of span classes: every size class, scan and noscan.
pub(crate) const NUM_SPAN_CLASSES: usize = NUM_SIZE_CLASSES * 2;

/// A size class together with the noscan flag (Go's `spanClass`): spans of
/// pointer-free objects are kept apart so that they are never scanned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SpanClass(u8);

impl SpanClass {
    pub(crate) fn new(size_class: usize, noscan: bool) -> SpanClass {
        SpanClass(((size_class << 1) | noscan as usize) as u8)
    }
    pub(crate) fn size_class(self) -> usize {
        (self.0 >> 1) as usize
    }
    pub(crate) fn noscan(self) -> bool {
        self.0 & 1 == 1
    }
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

/// Whether a span holds objects. Stored in `Span::state`.
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SpanState {
    /// Free pages or an unused span struct.
    Dead = 0,
    /// Holds objects (small or large).
    InUse = 1,
}

/// The owner-only allocation state. See the module docs for who the owner is.
#[derive(Debug, Default)]
pub(crate) struct AllocState {
    /// Every object below this index is allocated.
    pub(crate) free_index: usize,
    /// Number of allocated objects.
    pub(crate) alloc_count: usize,
    /// The free slots may hold stale bytes and must be zeroed on allocation.
    pub(crate) needzero: bool,
}

/// A span. See the module docs.
pub(crate) struct Span {
    start: AtomicUsize,
    npages: AtomicUsize,
    span_class: AtomicU8,
    elem_size: AtomicUsize,
    nelems: AtomicUsize,
    div_magic: AtomicU32,
    pub(crate) state: AtomicU8,
    /// Sweep generation; see `sweep.rs`.
    pub(crate) sweepgen: AtomicU32,
    alloc_bits: Box<[AtomicU64]>,
    mark_bits: Box<[AtomicU64]>,
    ptr_bits: Box<[AtomicU64]>,
    large_layout: UnsafeCell<OwnedLayout>,
    alloc: UnsafeCell<AllocState>,
}

/// A pointer to a span that may cross threads: span structs live until the
/// heap is dropped and every access follows the ownership rules above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SpanPtr(pub(crate) NonNull<Span>);

// SAFETY: a SpanPtr is only an address; the span it names is shared through
// atomics and the ownership protocol of the module docs, never through
// thread-local state.
unsafe impl Send for SpanPtr {}
// SAFETY: as above.
unsafe impl Sync for SpanPtr {}

impl SpanPtr {
    /// # Safety
    /// The span struct is alive: true for every SpanPtr the heap hands out
    /// until the heap is dropped.
    #[inline]
    pub(crate) unsafe fn get<'a>(self) -> &'a Span {
        // SAFETY: span structs are allocated by the page heap and freed only
        // when the heap is dropped (caller's promise).
        unsafe { self.0.as_ref() }
    }
}

fn atomic_words(n: usize) -> Box<[AtomicU64]> {
    (0..n).map(|_| AtomicU64::new(0)).collect()
}

impl Span {
    /// A dead span struct whose bitmaps fit spans of class `spc` (for a
    /// large class, any large span: one object, no pointer bitmap). The page
    /// heap pools span structs by this shape, so a struct's bitmaps are
    /// allocated once and never replaced: a lookup racing with the reuse of
    /// a struct reads stale bits, never freed memory.
    pub(crate) fn with_shape(spc: SpanClass) -> Span {
        let (nelems, pwords) = Self::shape(spc);
        Span {
            start: AtomicUsize::new(0),
            npages: AtomicUsize::new(0),
            span_class: AtomicU8::new(0),
            elem_size: AtomicUsize::new(0),
            nelems: AtomicUsize::new(0),
            div_magic: AtomicU32::new(0),
            state: AtomicU8::new(SpanState::Dead as u8),
            sweepgen: AtomicU32::new(0),
            alloc_bits: atomic_words(nelems.div_ceil(64)),
            mark_bits: atomic_words(nelems.div_ceil(64)),
            ptr_bits: atomic_words(pwords),
            large_layout: UnsafeCell::new(OwnedLayout::default()),
            alloc: UnsafeCell::new(AllocState::default()),
        }
    }

    /// (objects per span, pointer-bitmap words) of class `spc`.
    fn shape(spc: SpanClass) -> (usize, usize) {
        let c = spc.size_class();
        if c == 0 {
            return (1, 0);
        }
        let bytes = CLASS_TO_ALLOC_NPAGES[c] as usize * PAGE_SIZE;
        let nelems = bytes / CLASS_TO_SIZE[c] as usize;
        let pwords = if spc.noscan() {
            0
        } else {
            (bytes / 8).div_ceil(64)
        };
        (nelems, pwords)
    }

    /// The pool key of a span class: spans of one key share a shape.
    pub(crate) fn shape_key(spc: SpanClass) -> usize {
        if spc.size_class() == 0 {
            0
        } else {
            spc.index()
        }
    }

    /// Set up a dead span for `npages` pages at `start`, of class `spc`
    /// (whose shape this struct must have). Large spans hold one object of
    /// the whole span and keep `large_layout`.
    ///
    /// # Safety
    /// The span is dead, unpublished (no page-map entry points at it) and
    /// on no list: the caller is its only owner and no marker scans it.
    pub(crate) unsafe fn init(
        &self,
        start: usize,
        npages: usize,
        spc: SpanClass,
        needzero: bool,
        large_layout: Layout<'_>,
        large_size: usize,
    ) {
        debug_assert_eq!(self.state.load(Relaxed), SpanState::Dead as u8);
        let c = spc.size_class();
        let bytes = npages * PAGE_SIZE;
        let (elem_size, nelems, magic) = if c == 0 {
            (bytes, 1, 0)
        } else {
            let size = CLASS_TO_SIZE[c] as usize;
            (size, bytes / size, CLASS_TO_DIV_MAGIC[c])
        };
        let (shape_nelems, shape_pwords) = Self::shape(spc);
        if nelems != shape_nelems
            || self.alloc_bits.len() != nelems.div_ceil(64)
            || self.ptr_bits.len() != shape_pwords
        {
            crate::throw("gc: span struct reused for a span of another shape");
        }
        // Relaxed: published by the Release store in `publish`.
        self.start.store(start, Relaxed);
        self.npages.store(npages, Relaxed);
        self.span_class.store(spc.0, Relaxed);
        self.elem_size.store(elem_size, Relaxed);
        self.nelems.store(nelems, Relaxed);
        self.div_magic.store(magic, Relaxed);
        for w in self.alloc_bits.iter().chain(self.mark_bits.iter()) {
            w.store(0, Relaxed);
        }
        // Stale ptr bits are harmless: every allocation rewrites the bits of
        // its whole slot before the object can be reached.
        // SAFETY: only the owner of a dead span touches its layout (caller's
        // promise); markers read it only for live objects.
        unsafe { (*self.large_layout.get()).set(large_layout, large_size) };
        // SAFETY: owner, as above.
        *unsafe { self.alloc_state() } = AllocState {
            free_index: 0,
            alloc_count: 0,
            needzero,
        };
    }

    /// Make the span visible to lookups. Pairs with the `Acquire` in
    /// [`Span::is_in_use`].
    pub(crate) fn publish(&self, sweepgen: u32) {
        self.sweepgen.store(sweepgen, Relaxed);
        self.state.store(SpanState::InUse as u8, Release);
    }

    /// Mark the span dead (page heap, under its lock).
    pub(crate) fn unpublish(&self) {
        self.state.store(SpanState::Dead as u8, Release);
    }

    /// Pairs with the `Release` in [`Span::publish`]/[`Span::unpublish`].
    #[inline]
    pub(crate) fn is_in_use(&self) -> bool {
        self.state.load(Acquire) == SpanState::InUse as u8
    }

    #[inline]
    pub(crate) fn start(&self) -> usize {
        self.start.load(Relaxed)
    }
    #[inline]
    pub(crate) fn npages(&self) -> usize {
        self.npages.load(Relaxed)
    }
    #[inline]
    pub(crate) fn bytes(&self) -> usize {
        self.npages() * PAGE_SIZE
    }
    #[inline]
    pub(crate) fn span_class(&self) -> SpanClass {
        SpanClass(self.span_class.load(Relaxed))
    }
    #[inline]
    pub(crate) fn is_large(&self) -> bool {
        self.span_class().size_class() == 0
    }
    #[inline]
    pub(crate) fn elem_size(&self) -> usize {
        self.elem_size.load(Relaxed)
    }
    #[inline]
    pub(crate) fn nelems(&self) -> usize {
        self.nelems.load(Relaxed)
    }

    /// Index of the object containing `addr`, which lies in
    /// `[start, start + bytes)`. May be `>= nelems` for an address in the
    /// unused tail.
    #[inline]
    pub(crate) fn obj_index(&self, addr: usize) -> usize {
        let off = addr - self.start();
        let magic = self.div_magic.load(Relaxed);
        if magic == 0 {
            0
        } else {
            ((off as u64 * magic as u64) >> 32) as usize
        }
    }

    #[inline]
    pub(crate) fn obj_base(&self, idx: usize) -> usize {
        self.start() + idx * self.elem_size()
    }

    /// # Safety
    /// The caller owns the span (module docs).
    #[allow(clippy::mut_from_ref)]
    #[inline]
    pub(crate) unsafe fn alloc_state(&self) -> &mut AllocState {
        // SAFETY: exclusive by the caller's ownership of the span.
        unsafe { &mut *self.alloc.get() }
    }

    /// # Safety
    /// The span is in use and its object is live (so the layout is not being
    /// rewritten), or the world is stopped.
    pub(crate) unsafe fn large_layout(&self) -> (Layout<'_>, usize) {
        // SAFETY: by the caller's promise nobody writes the layout now.
        let l = unsafe { &*self.large_layout.get() };
        (l.as_layout(), l.words)
    }

    #[inline]
    pub(crate) fn is_allocated(&self, idx: usize) -> bool {
        match self.alloc_bits.get(idx / 64) {
            Some(w) => (w.load(Relaxed) >> (idx % 64)) & 1 == 1,
            None => false,
        }
    }

    #[inline]
    pub(crate) fn is_marked(&self, idx: usize) -> bool {
        match self.mark_bits.get(idx / 64) {
            Some(w) => (w.load(Relaxed) >> (idx % 64)) & 1 == 1,
            None => false,
        }
    }

    /// Set the mark bit; true if it was clear. The load first keeps the
    /// common "already marked" case free of a locked instruction. `Relaxed`:
    /// the bit publishes no data; the grey queue orders the scan.
    #[inline]
    pub(crate) fn mark(&self, idx: usize) -> bool {
        let Some(w) = self.mark_bits.get(idx / 64) else {
            return false;
        };
        let bit = 1u64 << (idx % 64);
        if w.load(Relaxed) & bit != 0 {
            return false;
        }
        w.fetch_or(bit, Relaxed) & bit == 0
    }

    /// Take the next free slot and mark it allocated.
    ///
    /// # Safety
    /// The caller owns the span.
    #[inline]
    pub(crate) unsafe fn next_free(&self) -> Option<usize> {
        // SAFETY: forwarded from the caller.
        let st = unsafe { self.alloc_state() };
        let nelems = self.nelems();
        let mut i = st.free_index;
        while i < nelems {
            let wi = i / 64;
            let w = &self.alloc_bits[wi];
            let bits = w.load(Relaxed) | ((1u64 << (i % 64)) - 1);
            if bits != u64::MAX {
                let b = (!bits).trailing_zeros() as usize;
                let idx = wi * 64 + b;
                if idx >= nelems {
                    break;
                }
                // Load + store, not fetch_or: the owner is the only writer.
                w.store(bits_with(w.load(Relaxed), b), Relaxed);
                st.free_index = idx + 1;
                st.alloc_count += 1;
                return Some(idx);
            }
            i = (wi + 1) * 64;
        }
        st.free_index = nelems;
        None
    }

    /// Mark object `idx` allocated (large spans: the single object).
    ///
    /// # Safety
    /// The caller owns the span.
    pub(crate) unsafe fn set_allocated(&self, idx: usize) {
        // SAFETY: forwarded.
        let st = unsafe { self.alloc_state() };
        let w = &self.alloc_bits[idx / 64];
        w.store(bits_with(w.load(Relaxed), idx % 64), Relaxed);
        st.alloc_count += 1;
        st.free_index = st.free_index.max(idx + 1);
    }

    /// Write the pointer bits of slot `idx` for an object of `size` bytes.
    ///
    /// Inlined into the allocator up to its common case, a small object
    /// whose slot lies in one bitmap cell; the rest is out of line
    /// (`set_ptr_bits_any`), so the common case saves no registers.
    ///
    /// # Safety
    /// The caller owns the span and just allocated slot `idx`.
    #[inline(always)]
    pub(crate) unsafe fn set_ptr_bits(&self, idx: usize, size: usize, layout: Layout<'_>) {
        let slot_words = self.elem_size() / 8;
        let obj_words = size.div_ceil(8);
        let first = idx * slot_words;
        let (mask, ew) = (layout.mask(), layout.elem_words());
        let shift = first % 64;
        if shift + slot_words <= 64 && obj_words <= ew && obj_words < 64 && slot_words < 64 {
            let chunk = mask.first().copied().unwrap_or(0) & ((1u64 << obj_words) - 1);
            let slot = ((1u64 << slot_words) - 1) << shift;
            let cell = &self.ptr_bits[first / 64];
            // Owner-only writer (module docs): load + store suffices.
            cell.store((cell.load(Relaxed) & !slot) | (chunk << shift), Relaxed);
            return;
        }
        // SAFETY: forwarded.
        unsafe { self.set_ptr_bits_any(idx, size, layout) }
    }

    /// [`Span::set_ptr_bits`] for any slot.
    ///
    /// # Safety
    /// As there.
    #[inline(never)]
    unsafe fn set_ptr_bits_any(&self, idx: usize, size: usize, layout: Layout<'_>) {
        let slot_words = self.elem_size() / 8;
        let obj_words = size.div_ceil(8);
        let first = idx * slot_words;
        let (mask, ew) = (layout.mask(), layout.elem_words());
        // A small object of one element whose slot straddles two cells
        // (every 21st slot of 3 words): the mask's first word, split.
        let shift = first % 64;
        if shift + slot_words > 64 && slot_words < 64 && obj_words <= ew && obj_words < 64 {
            let chunk = mask.first().copied().unwrap_or(0) & ((1u64 << obj_words) - 1);
            // 0 < shift < 64: `lo` bits in the first cell, `hi` (0 < hi
            // < 64) in the next.
            let lo = 64 - shift;
            let hi = slot_words - lo;
            let (c0, c1) = (&self.ptr_bits[first / 64], &self.ptr_bits[first / 64 + 1]);
            // Owner-only writer (module docs): load + store suffices.
            c0.store(
                (c0.load(Relaxed) & !(u64::MAX << shift)) | (chunk << shift),
                Relaxed,
            );
            c1.store(
                (c1.load(Relaxed) & (u64::MAX << hi)) | (chunk >> lo),
                Relaxed,
            );
            return;
        }
        // `j` is the word's index within its element, stepped instead of
        // computed with a division per word.
        let mut j = 0usize;
        let mut w = 0;
        while w < slot_words {
            let bit = first + w;
            let shift = bit % 64;
            let n = (64 - shift).min(slot_words - w);
            let mut chunk = 0u64;
            for k in 0..n.min(obj_words.saturating_sub(w)) {
                let m = mask.get(j / 64).copied().unwrap_or(0);
                chunk |= ((m >> (j % 64)) & 1) << k;
                j += 1;
                if j == ew {
                    j = 0;
                }
            }
            let keep = if n == 64 {
                0
            } else {
                !(((1u64 << n) - 1) << shift)
            };
            let cell = &self.ptr_bits[bit / 64];
            // Owner-only writer (module docs): load + store suffices.
            cell.store((cell.load(Relaxed) & keep) | (chunk << shift), Relaxed);
            w += n;
        }
    }

    /// Call `f` with the address of every pointer word of object `idx`.
    /// Returns the number of bytes scanned.
    ///
    /// # Safety
    /// The object is allocated and not being initialised; for a large span,
    /// see [`Span::large_layout`].
    pub(crate) unsafe fn for_each_pointer_word(
        &self,
        idx: usize,
        f: &mut impl FnMut(usize),
    ) -> usize {
        let base = self.obj_base(idx);
        let size = self.elem_size();
        if self.span_class().noscan() {
            return 0;
        }
        if self.is_large() {
            // SAFETY: forwarded from the caller.
            unsafe { self.for_each_large_pointer_word(0, usize::MAX, f) };
            return size;
        }
        let slot_words = size / 8;
        let first = idx * slot_words;
        let mut w = 0;
        while w < slot_words {
            let bit = first + w;
            let shift = bit % 64;
            let n = (64 - shift).min(slot_words - w);
            let mut chunk = self.ptr_bits[bit / 64].load(Relaxed) >> shift;
            if n < 64 {
                chunk &= (1u64 << n) - 1;
            }
            while chunk != 0 {
                let k = chunk.trailing_zeros() as usize;
                chunk &= chunk - 1;
                f(base + (w + k) * 8);
            }
            w += n;
        }
        size
    }

    /// The scannable length, in words, of a large span's object: its
    /// requested size, never past the span.
    ///
    /// # Safety
    /// As for [`Span::large_layout`].
    pub(crate) unsafe fn large_words(&self) -> usize {
        // SAFETY: forwarded from the caller.
        let (_, words) = unsafe { self.large_layout() };
        words.min(self.elem_size() / 8)
    }

    /// Call `f` with the address of every pointer word of a large span's
    /// object whose word index is in `[lo, hi)` (for scanning a large
    /// object in pieces, Go's oblets). Returns the number of words in the
    /// range.
    ///
    /// # Safety
    /// The span is large; otherwise as for [`Span::large_layout`].
    pub(crate) unsafe fn for_each_large_pointer_word(
        &self,
        lo: usize,
        hi: usize,
        f: &mut impl FnMut(usize),
    ) -> usize {
        debug_assert!(self.is_large());
        let base = self.start();
        // SAFETY: forwarded from the caller.
        let (layout, words) = unsafe { self.large_layout() };
        let hi = hi.min(words).min(self.elem_size() / 8);
        if lo >= hi || self.span_class().noscan() {
            return 0;
        }
        let ew = layout.elem_words();
        let mask = layout.mask();
        let mut rep = lo / ew * ew;
        while rep < hi {
            for (mi, &m) in mask.iter().enumerate() {
                let mut m = m;
                while m != 0 {
                    let b = mi * 64 + m.trailing_zeros() as usize;
                    m &= m - 1;
                    let w = rep + b;
                    if b < ew && w >= lo && w < hi {
                        f(base + w * 8);
                    }
                }
            }
            rep += ew;
        }
        hi - lo
    }

    /// Sweep the bitmaps: objects allocated but unmarked are freed, the mark
    /// bits become the allocation bits and are cleared. Returns the number of
    /// objects freed.
    ///
    /// # Safety
    /// The caller owns the span as its sweeper and marking is not running.
    pub(crate) unsafe fn sweep_bits(&self) -> usize {
        let mut freed = 0;
        let mut live = 0;
        for (a, m) in self.alloc_bits.iter().zip(self.mark_bits.iter()) {
            let alloc = a.load(Relaxed);
            let mark = m.load(Relaxed);
            debug_assert_eq!(mark & !alloc, 0, "marked object that is not allocated");
            freed += (alloc & !mark).count_ones() as usize;
            live += mark.count_ones() as usize;
            a.store(mark, Relaxed);
            m.store(0, Relaxed);
        }
        // SAFETY: forwarded from the caller.
        let st = unsafe { self.alloc_state() };
        st.alloc_count = live;
        st.free_index = 0;
        if freed > 0 {
            st.needzero = true;
        }
        freed
    }
}

#[inline]
fn bits_with(w: u64, b: usize) -> u64 {
    w | (1u64 << b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small(class: usize, noscan: bool) -> Span {
        let spc = SpanClass::new(class, noscan);
        let s = Span::with_shape(spc);
        let npages = CLASS_TO_ALLOC_NPAGES[class] as usize;
        // SAFETY: a fresh span struct, owned by the test.
        unsafe { s.init(0x10000, npages, spc, false, Layout::NOSCAN, 0) };
        s
    }

    #[test]
    fn allocates_every_slot_once_then_reports_full() {
        let s = small(5, true); // 48-byte objects, 170 per span
        let mut seen = vec![false; s.nelems()];
        // SAFETY: the test owns the span.
        while let Some(i) = unsafe { s.next_free() } {
            assert!(!seen[i]);
            seen[i] = true;
            assert!(s.is_allocated(i));
        }
        assert!(seen.iter().all(|&b| b));
        // SAFETY: as above.
        assert_eq!(unsafe { s.alloc_state() }.alloc_count, 170);
    }

    #[test]
    fn sweep_frees_unmarked_and_slots_are_reused() {
        let s = small(2, true);
        // SAFETY: the test owns the span.
        unsafe {
            for _ in 0..100 {
                s.next_free().expect("slot");
            }
            for i in (0..100).step_by(3) {
                assert!(s.mark(i));
                assert!(!s.mark(i));
            }
            let freed = s.sweep_bits();
            assert_eq!(freed, 100 - 34);
            assert_eq!(s.alloc_state().alloc_count, 34);
            assert!(s.alloc_state().needzero);
            // The first free slot after sweeping is 1 (0 survived).
            assert_eq!(s.next_free(), Some(1));
            assert_eq!(s.next_free(), Some(2));
            assert_eq!(s.next_free(), Some(4));
        }
    }

    #[test]
    fn interior_addresses_find_their_object() {
        let s = small(3, false); // 24-byte objects
        for idx in [0usize, 1, 2, 100, 340] {
            for off in [0usize, 8, 23] {
                let a = s.start() + idx * 24 + off;
                assert_eq!(s.obj_index(a), idx);
            }
        }
        // The tail past the last object gives an index >= nelems.
        assert!(s.obj_index(s.start() + 341 * 24) >= s.nelems());
    }

    #[test]
    fn pointer_bits_follow_the_layout() {
        let s = small(7, false); // 80-byte objects: 10 words
        let layout = Layout::pointers(&[0b10], 2); // word 1 of each pair
                                                   // SAFETY: the test owns the span.
        unsafe {
            let i = s.next_free().expect("slot");
            let j = s.next_free().expect("slot");
            s.set_ptr_bits(i, 80, Layout::ALL_POINTERS);
            s.set_ptr_bits(j, 72, layout); // 9 words requested
            let mut got = vec![];
            s.for_each_pointer_word(j, &mut |a| got.push((a - s.obj_base(j)) / 8));
            assert_eq!(got, [1, 3, 5, 7]);
            let mut all = 0;
            s.for_each_pointer_word(i, &mut |_| all += 1);
            assert_eq!(all, 10);
            // Rewriting slot i clears its old bits.
            s.set_ptr_bits(i, 80, Layout::pointers(&[1], 10));
            let mut got = vec![];
            s.for_each_pointer_word(i, &mut |a| got.push((a - s.obj_base(i)) / 8));
            assert_eq!(got, [0]);
        }
    }

    #[test]
    fn pointer_bits_of_slots_across_two_cells() {
        let s = small(3, false); // 24-byte objects: slot 21 spans words 63..=65
                                 // Every nonzero mask of 3 bits, in turn.
        let mask_of = |i: usize| (i % 7 + 1) as u64;
        // SAFETY: the test owns the span.
        unsafe {
            let slots: Vec<usize> = (0..43).map(|_| s.next_free().expect("slot")).collect();
            for &i in &slots {
                s.set_ptr_bits(i, 24, Layout::ALL_POINTERS);
            }
            // Rewriting each slot keeps its own bits and its neighbours'.
            for &i in &slots {
                s.set_ptr_bits(i, 24, Layout::pointers(&[mask_of(i)], 3));
            }
            for &i in &slots {
                let mut got = vec![];
                s.for_each_pointer_word(i, &mut |a| got.push((a - s.obj_base(i)) / 8));
                let want: Vec<usize> = (0..3).filter(|k| mask_of(i) >> k & 1 != 0).collect();
                assert_eq!(got, want, "slot {i}");
            }
        }
    }
}
