//! The page heap (Go's `mheap` page allocator, `mheap.go`/`mpagealloc.go`,
//! much simplified): arenas mapped from the OS, free page runs, span structs,
//! the page map from any address to its span, and the scavenger that hands
//! free pages back to the OS.
//!
//! # Arenas and the page map
//! Memory comes from the OS in regions of whole 64 MiB arenas, aligned to
//! 64 MiB (a request bigger than one arena gets a region of several). The
//! arena index is one flat table of 2^22 entries covering the 48-bit address
//! space (Go's `arenas` L2 array on linux/amd64), reserved with
//! `MAP_NORESERVE` so only the touched entries cost memory. Each arena's
//! metadata holds one span pointer per 8 KiB page. Every page of an in-use
//! span points at the span, so `span_of(addr)` is two loads and a range check
//! for any address, interior pointers included.
//!
//! # Free runs
//! Free pages are kept as maximal runs in two ordered sets: by address (to
//! coalesce a freed span with its neighbours) and by (length, address) for
//! best-fit allocation with the lowest address among equals. Runs never
//! cross a region boundary (regions need not be contiguous). Each run is
//! either *released* (its memory was returned to the OS, or never touched:
//! it reads as zero) or *dirty*. When a freed span merges with neighbours in
//! the other state, the merged run takes the state of the majority of its
//! pages: a dirty minority is released at once, a released minority is
//! counted as resident again (an over-estimate the scavenger corrects the
//! next time it releases the run). Rejected: a per-page released bitmap,
//! exact but more state to keep in step with the runs.
//!
//! # Scavenging
//! [`PageHeap::scavenge`] releases dirty runs, highest address first (the
//! allocator prefers low addresses, so high pages are the coldest), until the
//! resident estimate `inuse + dirty free` is at most a target. The collector
//! calls it after sweeping with target = 110% of the heap goal, Go's
//! `retainExtraPercent`.
//!
//! # Commit budget
//! Taking a span from a released run faults in fresh physical pages when
//! the span is used. Before it does, the page heap checks that the system
//! can give them: it keeps a budget, the bytes [`os::available`] reported at
//! the last look minus the released bytes handed out since, and looks again
//! only when a span does not fit the budget (so the OS is asked about once
//! per "everything that was free is now used", not per span). A span that
//! does not fit what the OS reports, less a reserve for the process's other
//! memory ([`COMMIT_RESERVE`]), is refused: the allocation fails with Go's
//! `fatal error: runtime: out of memory` where the kernel's OOM killer would
//! otherwise end the process without a word. Dirty runs are already
//! resident and cost nothing. Rejected: a fixed limit taken at start (other
//! processes come and go), and asking the OS on every span (a file read per
//! 8 KiB).
//!
//! The budget is a guess between looks: memory taken outside the heap
//! since (a native's Rust buffer, another process) makes it too generous.
//! So a request of [`FRESH_LOOK`] bytes or more is always checked against
//! what the OS reports now: one file read per 64 MiB is nothing beside
//! faulting those pages in, and a single large request is exactly the one
//! that turns a stale budget into the kernel's SIGKILL.
//!
//! Natives fill Rust buffers outside the heap (fmt's output, copies of
//! string arguments, strings.Join's pieces). [`Heap::reserve_outside`]
//! charges such a buffer to the same budget before it is filled, under the
//! same rule (checked against the OS at 64 MiB and up) and with the same
//! failure, Go's out-of-memory fatal error; requests under
//! [`OUTSIDE_MIN`] are not charged (the reserve covers them, and they
//! would take the lock on every print). The charge is never given back
//! when the buffer is freed: the budget only errs low, and the next look
//! at the OS sets it right.
//!
//! # Locking and ownership
//! Everything mutable sits in [`Locked`] behind one mutex (Go's `mheap.lock`):
//! the run sets, the span-struct pool, the region list. The arena index and
//! the per-page span pointers are atomics written under the lock and read
//! without it: arena entries with `Release` (pairs with the `Acquire` in
//! [`PageHeap::span_of`], publishing the metadata), page entries likewise
//! (publishing the span's identity, which [`Span::publish`] already ordered).
//! The byte counters are atomics written under the lock and read anywhere for
//! statistics (`Relaxed`: approximate while the world runs).
//!
//! Rejected: Go's radix tree of page bitmaps (`pageAlloc`), which scales to
//! huge heaps and many threads; the two ordered sets are much less code and
//! the lock is taken only when a cache needs a whole span.

use crate::lock::{lock, AtomicPtr, AtomicU64, Mutex, MutexGuard, Ordering::*};
use crate::os;
use crate::sizeclasses::{PAGE_SHIFT, PAGE_SIZE};
use crate::span::{Span, SpanClass, SpanPtr, NUM_SPAN_CLASSES};
use crate::{throw, Heap, Layout};
use std::collections::{BTreeMap, BTreeSet};
use std::ptr::NonNull;

/// Bytes per arena.
pub(crate) const ARENA_SIZE: usize = 64 << 20;
const ARENA_SHIFT: usize = 26;
const PAGES_PER_ARENA: usize = ARENA_SIZE / PAGE_SIZE;
/// Addresses above 2^48 are never heap addresses.
const ADDR_BITS: usize = 48;
const ARENA_INDEX_LEN: usize = 1 << (ADDR_BITS - ARENA_SHIFT);

/// Memory kept back from the commit budget for what the process needs
/// beside the heap (thread stacks, the compiler's tables, the kernel's own
/// page tables), so that the heap's refusal comes before the OOM killer.
const COMMIT_RESERVE: u64 = 64 << 20;

/// Requests of at least this many bytes are checked against what the OS
/// reports now, never against the budget alone (module docs).
const FRESH_LOOK: u64 = 64 << 20;

/// Buffers outside the heap smaller than this are not charged to the
/// budget ([`Heap::reserve_outside`]).
pub(crate) const OUTSIDE_MIN: usize = 1 << 20;

/// Per-arena metadata: the page map of one arena.
pub(crate) struct ArenaMeta {
    /// Start of the region this arena belongs to (runs coalesce only
    /// inside one region).
    region: usize,
    /// How many arenas were mapped before this one.
    ordinal: usize,
    spans: Box<[AtomicPtr<Span>]>,
}

#[derive(Clone, Copy, Debug)]
struct Run {
    npages: usize,
    released: bool,
}

/// The state behind the page-heap lock.
struct Locked {
    /// Free runs by start address.
    free: BTreeMap<usize, Run>,
    /// Free runs by (npages, start).
    by_size: BTreeSet<(usize, usize)>,
    /// Mapped regions (start, bytes), for drop.
    regions: Vec<(usize, usize)>,
    /// Arena metadata, owned here; the index points into these boxes, so
    /// they must not move when the vector grows.
    #[allow(clippy::vec_box)]
    metas: Vec<Box<ArenaMeta>>,
    /// Every span struct ever made (freed at drop).
    all_spans: Vec<SpanPtr>,
    /// Dead span structs ready for reuse, by shape (`Span::shape_key`).
    span_pool: Vec<Vec<SpanPtr>>,
    /// Released bytes that may still be faulted in before asking the OS
    /// again (module docs, *Commit budget*).
    budget: u64,
}

/// Statistics of the page heap, in bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct PageStats {
    pub(crate) mapped: u64,
    pub(crate) inuse: u64,
    pub(crate) released: u64,
    pub(crate) dirty_free: u64,
    pub(crate) metadata: u64,
}

/// The page heap. See the module docs.
pub(crate) struct PageHeap {
    /// Base of the arena index: ARENA_INDEX_LEN `AtomicPtr<ArenaMeta>`s.
    index: NonNull<AtomicPtr<ArenaMeta>>,
    lock: Mutex<Locked>,
    mapped_bytes: AtomicU64,
    inuse_bytes: AtomicU64,
    released_bytes: AtomicU64,
    dirty_free_bytes: AtomicU64,
    metadata_bytes: AtomicU64,
    /// What the system can still give ([`os::available`]; tests replace it).
    available: fn() -> Option<u64>,
}

// SAFETY: `index` points to memory owned by the page heap, accessed only
// through atomics; all other state is behind the mutex or atomic.
unsafe impl Send for PageHeap {}
// SAFETY: as above.
unsafe impl Sync for PageHeap {}

impl PageHeap {
    pub(crate) fn new() -> Option<PageHeap> {
        let bytes = ARENA_INDEX_LEN * std::mem::size_of::<AtomicPtr<ArenaMeta>>();
        let base = os::map_aligned(bytes, 1 << 16, os::Reserve::Sparse)?;
        Some(PageHeap {
            index: NonNull::new(base as *mut AtomicPtr<ArenaMeta>)?,
            lock: Mutex::new(Locked {
                free: BTreeMap::new(),
                by_size: BTreeSet::new(),
                regions: Vec::new(),
                metas: Vec::new(),
                all_spans: Vec::new(),
                span_pool: (0..NUM_SPAN_CLASSES).map(|_| Vec::new()).collect(),
                budget: 0,
            }),
            mapped_bytes: AtomicU64::new(0),
            inuse_bytes: AtomicU64::new(0),
            released_bytes: AtomicU64::new(0),
            dirty_free_bytes: AtomicU64::new(0),
            metadata_bytes: AtomicU64::new(0),
            available: os::available,
        })
    }

    /// Take `bytes` of fresh memory from the commit budget, asking the OS
    /// again when the budget is short or the request is large
    /// ([`FRESH_LOOK`]). False when the system cannot back them.
    fn take_budget(&self, l: &mut Locked, bytes: u64) -> bool {
        if bytes < FRESH_LOOK && bytes <= l.budget {
            l.budget -= bytes;
            return true;
        }
        let Some(avail) = (self.available)() else {
            // Nothing to ask: trust the OS as Go does.
            l.budget = u64::MAX;
            return true;
        };
        let avail = avail.saturating_sub(COMMIT_RESERVE);
        if bytes > avail {
            l.budget = avail;
            return false;
        }
        l.budget = avail - bytes;
        true
    }

    /// Take `bytes` that will be faulted in outside the heap from the
    /// commit budget (see [`Heap::reserve_outside`]). False when the system
    /// cannot back them.
    fn charge_outside(&self, bytes: u64) -> bool {
        let mut l = self.locked();
        self.take_budget(&mut l, bytes)
    }

    fn locked(&self) -> MutexGuard<'_, Locked> {
        lock(&self.lock)
    }

    #[inline]
    fn index_entry(&self, arena: usize) -> &AtomicPtr<ArenaMeta> {
        debug_assert!(arena < ARENA_INDEX_LEN);
        // SAFETY: the index is ARENA_INDEX_LEN entries long and lives as long
        // as self; callers bound `arena` by the address-bits check.
        unsafe { &*self.index.as_ptr().add(arena) }
    }

    #[inline]
    fn meta(&self, addr: usize) -> Option<&ArenaMeta> {
        if addr >> ADDR_BITS != 0 {
            return None;
        }
        // Acquire pairs with the Release in `grow`: the metadata is initialised.
        let m = self.index_entry(addr >> ARENA_SHIFT).load(Acquire);
        // SAFETY: non-null entries point at metas owned by `Locked::metas`,
        // which are freed only when the page heap is dropped.
        unsafe { m.as_ref() }
    }

    /// `addr` as it would read in a heap whose arenas were mapped one
    /// after another from Go's heap base (0xc000000000), in the order they
    /// were mapped: the same in every run that allocates the same way,
    /// whatever addresses the OS gave (reports that print addresses then
    /// repeat). None outside the heap.
    pub(crate) fn stable_addr(&self, addr: usize) -> Option<u64> {
        let meta = self.meta(addr)?;
        Some((0xc0_0000_0000 + meta.ordinal * ARENA_SIZE + addr % ARENA_SIZE) as u64)
    }

    /// The in-use span containing `addr`, if any. Lock-free.
    #[inline]
    pub(crate) fn span_of(&self, addr: usize) -> Option<SpanPtr> {
        let meta = self.meta(addr)?;
        let p = meta.spans[(addr >> PAGE_SHIFT) % PAGES_PER_ARENA].load(Acquire);
        let sp = SpanPtr(NonNull::new(p)?);
        // SAFETY: span structs live until the heap is dropped.
        let s = unsafe { sp.get() };
        if !s.is_in_use() {
            return None;
        }
        let start = s.start();
        if addr < start || addr - start >= s.bytes() {
            return None;
        }
        Some(sp)
    }

    fn set_pages(&self, start: usize, npages: usize, p: *mut Span) {
        for i in 0..npages {
            let a = start + i * PAGE_SIZE;
            if let Some(meta) = self.meta(a) {
                // Release pairs with the Acquire in `span_of`.
                meta.spans[(a >> PAGE_SHIFT) % PAGES_PER_ARENA].store(p, Release);
            }
        }
    }

    fn insert_run(l: &mut Locked, start: usize, run: Run) {
        l.free.insert(start, run);
        l.by_size.insert((run.npages, start));
    }

    fn remove_run(l: &mut Locked, start: usize) -> Option<Run> {
        let run = l.free.remove(&start)?;
        l.by_size.remove(&(run.npages, start));
        Some(run)
    }

    /// Map a new region big enough for `npages` and add it as a released run.
    fn grow(&self, l: &mut Locked, npages: usize) -> bool {
        let Some(bytes) = npages
            .checked_mul(PAGE_SIZE)
            .and_then(|b| b.checked_next_multiple_of(ARENA_SIZE))
        else {
            return false;
        };
        let Some(start) = os::map_aligned(bytes, ARENA_SIZE, os::Reserve::Commit) else {
            return false;
        };
        if (start + bytes) >> ADDR_BITS != 0 {
            // SAFETY: the region was just mapped and is unreferenced.
            unsafe { os::unmap(start, bytes) };
            return false;
        }
        for a in (start..start + bytes).step_by(ARENA_SIZE) {
            let meta = Box::new(ArenaMeta {
                region: start,
                ordinal: l.metas.len(),
                spans: (0..PAGES_PER_ARENA)
                    .map(|_| AtomicPtr::new(std::ptr::null_mut()))
                    .collect(),
            });
            let p: *const ArenaMeta = &*meta;
            l.metas.push(meta);
            // Release pairs with the Acquire in `meta`.
            self.index_entry(a >> ARENA_SHIFT)
                .store(p as *mut ArenaMeta, Release);
            self.metadata_bytes.fetch_add(
                (PAGES_PER_ARENA * std::mem::size_of::<AtomicPtr<Span>>()) as u64,
                Relaxed,
            );
        }
        l.regions.push((start, bytes));
        Self::insert_run(
            l,
            start,
            Run {
                npages: bytes / PAGE_SIZE,
                released: true,
            },
        );
        self.mapped_bytes.fetch_add(bytes as u64, Relaxed);
        self.released_bytes.fetch_add(bytes as u64, Relaxed);
        true
    }

    /// Cut a span of `npages` pages, initialise it for `spc` and publish it
    /// with sweep generation `sweepgen`. `None` when the OS refuses memory.
    /// `layout` and `size` describe a large span's object (ignored for small
    /// spans).
    pub(crate) fn alloc_span(
        &self,
        npages: usize,
        spc: SpanClass,
        layout: Layout<'_>,
        size: usize,
        sweepgen: u32,
    ) -> Option<SpanPtr> {
        if npages == 0 {
            return None;
        }
        let mut l = self.locked();
        let found = l.by_size.range((npages, 0)..).next().copied();
        let (len, start) = match found {
            Some(f) => f,
            None => {
                if !self.grow(&mut l, npages) {
                    return None;
                }
                l.by_size.range((npages, 0)..).next().copied()?
            }
        };
        let bytes = (npages * PAGE_SIZE) as u64;
        let run = Self::remove_run(&mut l, start)?;
        debug_assert_eq!(run.npages, len);
        if run.released && !self.take_budget(&mut l, bytes) {
            Self::insert_run(&mut l, start, run);
            return None;
        }
        if len > npages {
            Self::insert_run(
                &mut l,
                start + npages * PAGE_SIZE,
                Run {
                    npages: len - npages,
                    released: run.released,
                },
            );
        }
        if run.released {
            self.released_bytes.fetch_sub(bytes, Relaxed);
        } else {
            self.dirty_free_bytes.fetch_sub(bytes, Relaxed);
        }
        self.inuse_bytes.fetch_add(bytes, Relaxed);
        let key = Span::shape_key(spc);
        let sp = match l.span_pool[key].pop() {
            Some(sp) => sp,
            None => {
                let sp = SpanPtr(NonNull::from(Box::leak(Box::new(Span::with_shape(spc)))));
                l.all_spans.push(sp);
                self.metadata_bytes
                    .fetch_add(std::mem::size_of::<Span>() as u64, Relaxed);
                sp
            }
        };
        // SAFETY: span structs live until the page heap drops.
        let s = unsafe { sp.get() };
        // SAFETY: a pooled or new span struct is dead and unpublished: no
        // page-map entry points at it (freeing cleared them) and no list holds
        // it; we hold the page-heap lock, so we are its only owner.
        unsafe { s.init(start, npages, spc, !run.released, layout, size) };
        s.publish(sweepgen);
        self.set_pages(start, npages, sp.0.as_ptr());
        Some(sp)
    }

    /// Return a span's pages to the free runs and its struct to the pool.
    ///
    /// # Safety
    /// The caller owns the span (it is on no list and in no cache), it holds
    /// no live object, and no marker is running.
    pub(crate) unsafe fn free_span(&self, sp: SpanPtr) {
        let mut l = self.locked();
        // SAFETY: span structs live until drop.
        let s = unsafe { sp.get() };
        let mut start = s.start();
        let mut npages = s.npages();
        s.unpublish();
        self.set_pages(start, npages, std::ptr::null_mut());
        let bytes = (npages * PAGE_SIZE) as u64;
        self.inuse_bytes.fetch_sub(bytes, Relaxed);
        self.dirty_free_bytes.fetch_add(bytes, Relaxed);
        let region = self.meta(start).map(|m| m.region);
        // The pieces that merge into one run: (start, npages, released).
        let mut pieces = [(start, npages, false), (0, 0, false), (0, 0, false)];
        if let Some((&pstart, &prun)) = l.free.range(..start).next_back() {
            if pstart + prun.npages * PAGE_SIZE == start
                && self.meta(pstart).map(|m| m.region) == region
            {
                Self::remove_run(&mut l, pstart);
                pieces[1] = (pstart, prun.npages, prun.released);
                start = pstart;
                npages += prun.npages;
            }
        }
        let end = start + npages * PAGE_SIZE;
        if let Some(&nrun) = l.free.get(&end) {
            if self.meta(end).map(|m| m.region) == region {
                Self::remove_run(&mut l, end);
                pieces[2] = (end, nrun.npages, nrun.released);
                npages += nrun.npages;
            }
        }
        // A run is released or dirty as a whole. The merged run takes the
        // state of its majority: the dirty minority is released now (an
        // madvise), or the released minority is counted as dirty again (an
        // over-estimate of resident memory bounded by the smaller side).
        let released_pages: usize = pieces.iter().filter(|p| p.2).map(|p| p.1).sum();
        let released = released_pages * 2 > npages;
        for &(pstart, pn, prel) in &pieces {
            if pn == 0 || prel == released {
                continue;
            }
            let b = (pn * PAGE_SIZE) as u64;
            if released {
                // SAFETY: the piece is free (no span, no object) and inside
                // one of our regions.
                unsafe { os::release(pstart, pn * PAGE_SIZE) };
                self.dirty_free_bytes.fetch_sub(b, Relaxed);
                self.released_bytes.fetch_add(b, Relaxed);
            } else {
                self.released_bytes.fetch_sub(b, Relaxed);
                self.dirty_free_bytes.fetch_add(b, Relaxed);
            }
        }
        Self::insert_run(&mut l, start, Run { npages, released });
        let key = Span::shape_key(s.span_class());
        l.span_pool[key].push(sp);
    }

    /// Release dirty free runs, highest address first, until
    /// `inuse + dirty_free <= retain_bytes`. Returns the bytes released.
    pub(crate) fn scavenge(&self, retain_bytes: u64) -> u64 {
        let mut l = self.locked();
        let mut released = 0u64;
        let mut todo = vec![];
        {
            let resident = self.inuse_bytes.load(Relaxed) + self.dirty_free_bytes.load(Relaxed);
            let mut excess = resident.saturating_sub(retain_bytes);
            for (&start, run) in l.free.iter().rev() {
                if excess == 0 {
                    break;
                }
                if !run.released {
                    let b = (run.npages * PAGE_SIZE) as u64;
                    todo.push(start);
                    excess = excess.saturating_sub(b);
                }
            }
        }
        for start in todo {
            if let Some(run) = l.free.get_mut(&start) {
                let b = run.npages * PAGE_SIZE;
                // SAFETY: the run is free (no span, no object) and inside one
                // of our regions.
                unsafe { os::release(start, b) };
                run.released = true;
                released += b as u64;
            }
        }
        self.dirty_free_bytes.fetch_sub(released, Relaxed);
        self.released_bytes.fetch_add(released, Relaxed);
        released
    }

    pub(crate) fn stats(&self) -> PageStats {
        PageStats {
            mapped: self.mapped_bytes.load(Relaxed),
            inuse: self.inuse_bytes.load(Relaxed),
            released: self.released_bytes.load(Relaxed),
            dirty_free: self.dirty_free_bytes.load(Relaxed),
            metadata: self.metadata_bytes.load(Relaxed),
        }
    }

    /// Number of free runs (for tests of coalescing).
    #[cfg(test)]
    pub(crate) fn free_runs(&self) -> usize {
        self.locked().free.len()
    }
}

impl Drop for PageHeap {
    fn drop(&mut self) {
        let l = self.lock.get_mut().unwrap_or_else(|e| e.into_inner());
        for &(start, bytes) in &l.regions {
            // SAFETY: the heap is being dropped: nothing refers to its memory.
            unsafe { os::unmap(start, bytes) };
        }
        for sp in l.all_spans.drain(..) {
            // SAFETY: made by Box::leak in `alloc_span`, freed once, here.
            drop(unsafe { Box::from_raw(sp.0.as_ptr()) });
        }
        let bytes = ARENA_INDEX_LEN * std::mem::size_of::<AtomicPtr<ArenaMeta>>();
        // SAFETY: the index mapping was made in `new` and is no longer used.
        unsafe { os::unmap(self.index.as_ptr() as usize, bytes) };
    }
}

impl Heap {
    /// Charges `bytes` of memory about to be filled outside the heap (a
    /// native's Rust buffer) to the commit budget (module docs, *Commit
    /// budget*). Where the system cannot back them the program ends as
    /// when the heap cannot: Go's `fatal error: runtime: out of memory`,
    /// before the buffer exists, where the kernel's OOM killer would end
    /// the process without a word. Requests under 1 MiB cost nothing:
    /// the reserve kept back from the budget covers them.
    pub fn reserve_outside(&self, bytes: usize) {
        if bytes >= OUTSIDE_MIN && !self.pages.charge_outside(bytes as u64) {
            throw("runtime: out of memory");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn large(ph: &PageHeap, npages: usize) -> SpanPtr {
        ph.alloc_span(npages, SpanClass::new(0, true), Layout::NOSCAN, 0, 0)
            .expect("memory")
    }

    #[test]
    fn fresh_pages_beyond_what_the_system_can_back_are_refused() {
        use std::sync::atomic::{AtomicU64 as A, Ordering::SeqCst};
        static AVAIL: A = A::new(0);
        static ASKED: A = A::new(0);
        let mut ph = PageHeap::new().expect("index");
        ph.available = || {
            ASKED.fetch_add(1, SeqCst);
            Some(AVAIL.load(SeqCst))
        };
        let mib = (1 << 20) / PAGE_SIZE;
        AVAIL.store(COMMIT_RESERVE + (10 << 20), SeqCst);
        // 4 + 4 MiB fit the 10 MiB reported: the OS is asked once.
        let a = large(&ph, 4 * mib);
        let b = large(&ph, 4 * mib);
        assert_eq!(ASKED.load(SeqCst), 1);
        // 4 more do not fit what is left; asked again, the OS still says 10.
        let c = large(&ph, 4 * mib);
        assert_eq!(ASKED.load(SeqCst), 2);
        // Now the system is short: 20 MiB cannot be backed.
        AVAIL.store(COMMIT_RESERVE + (5 << 20), SeqCst);
        assert!(ph
            .alloc_span(20 * mib, SpanClass::new(0, true), Layout::NOSCAN, 0, 0)
            .is_none());
        // Freed spans are dirty: taking them again needs no fresh memory.
        AVAIL.store(0, SeqCst);
        // SAFETY: the test owns the spans and they hold nothing.
        unsafe {
            let start = a.get().start();
            ph.free_span(a);
            let asked = ASKED.load(SeqCst);
            let d = large(&ph, 4 * mib);
            assert_eq!(d.get().start(), start);
            assert_eq!(ASKED.load(SeqCst), asked, "dirty pages need no budget");
            ph.free_span(b);
            ph.free_span(c);
            ph.free_span(d);
        }
    }

    #[test]
    fn large_requests_and_outside_buffers_look_at_the_os() {
        use std::sync::atomic::{AtomicU64 as A, Ordering::SeqCst};
        static AVAIL: A = A::new(0);
        static ASKED: A = A::new(0);
        let mut ph = PageHeap::new().expect("index");
        ph.available = || {
            ASKED.fetch_add(1, SeqCst);
            Some(AVAIL.load(SeqCst))
        };
        let mib = (1 << 20) / PAGE_SIZE;
        AVAIL.store(COMMIT_RESERVE + (1 << 30), SeqCst);
        // A 64 MiB span asks the OS even though the budget (1 GiB after the
        // first look) would cover it.
        let a = large(&ph, 64 * mib);
        assert_eq!(ASKED.load(SeqCst), 1);
        let b = large(&ph, 64 * mib);
        assert_eq!(ASKED.load(SeqCst), 2);
        // Small spans are taken from the budget without asking.
        let c = large(&ph, mib);
        assert_eq!(ASKED.load(SeqCst), 2);
        // A buffer outside the heap is charged under the same rules: a
        // small one from the budget, a large one against the OS now.
        assert!(ph.charge_outside(2 << 20));
        assert_eq!(ASKED.load(SeqCst), 2);
        assert!(ph.charge_outside(100 << 20));
        assert_eq!(ASKED.load(SeqCst), 3);
        // Memory went elsewhere since the last look: the budget still says
        // 1 GiB less 100 MiB, but a large request sees the truth.
        AVAIL.store(COMMIT_RESERVE + (50 << 20), SeqCst);
        assert!(!ph.charge_outside(64 << 20));
        assert_eq!(ASKED.load(SeqCst), 4);
        // A refusal leaves the budget at what the OS reported: 10 MiB come
        // from it without asking, and the charge stays (45 MiB no longer
        // fit the 40 left, so the OS is asked, and still says 50).
        assert!(ph.charge_outside(10 << 20));
        assert_eq!(ASKED.load(SeqCst), 4);
        assert!(ph.charge_outside(45 << 20));
        assert_eq!(ASKED.load(SeqCst), 5);
        // SAFETY: the test owns the spans and they hold nothing.
        unsafe {
            ph.free_span(a);
            ph.free_span(b);
            ph.free_span(c);
        }
    }

    #[test]
    fn span_of_finds_every_page_and_nothing_else() {
        let ph = PageHeap::new().expect("index");
        let sp = large(&ph, 3);
        // SAFETY: span structs live as long as the page heap.
        let s = unsafe { sp.get() };
        let start = s.start();
        assert_eq!(start % PAGE_SIZE, 0);
        for off in [0, 1, PAGE_SIZE, 3 * PAGE_SIZE - 1] {
            assert_eq!(ph.span_of(start + off), Some(sp));
        }
        assert_eq!(ph.span_of(start + 3 * PAGE_SIZE), None);
        assert_eq!(ph.span_of(0), None);
        assert_eq!(ph.span_of(usize::MAX), None);
        assert_eq!(ph.span_of(8), None);
        // SAFETY: the test owns the span and it holds nothing.
        unsafe { ph.free_span(sp) };
        assert_eq!(ph.span_of(start), None);
    }

    #[test]
    fn freed_runs_coalesce_and_are_reused() {
        let ph = PageHeap::new().expect("index");
        let a = large(&ph, 2);
        let b = large(&ph, 5);
        let c = large(&ph, 1);
        // SAFETY: spans live as long as the page heap; the test owns them.
        unsafe {
            let (sa, sb) = (a.get().start(), b.get().start());
            assert_eq!(sb, sa + 2 * PAGE_SIZE, "lowest-address best fit");
            let runs0 = ph.free_runs();
            ph.free_span(a);
            ph.free_span(b);
            // a and b merged into one run of 7 pages.
            assert_eq!(ph.free_runs(), runs0 + 1);
            let d = large(&ph, 7);
            assert_eq!(d.get().start(), sa);
            assert_eq!(ph.free_runs(), runs0);
            ph.free_span(c);
            ph.free_span(d);
            assert_eq!(ph.free_runs(), 1);
            assert_eq!(ph.stats().inuse, 0);
        }
    }

    #[test]
    fn huge_span_gets_its_own_region_and_scavenging_releases() {
        let ph = PageHeap::new().expect("index");
        let npages = (ARENA_SIZE / PAGE_SIZE) * 2 + 3;
        let sp = large(&ph, npages);
        // SAFETY: span live until the page heap drops.
        let s = unsafe { sp.get() };
        assert_eq!(ph.span_of(s.start() + ARENA_SIZE + 5), Some(sp));
        assert_eq!(ph.span_of(s.start() + npages * PAGE_SIZE - 1), Some(sp));
        // Dirty the memory, free it, and scavenge everything.
        // SAFETY: the span's memory is ours and mapped.
        unsafe { std::ptr::write_bytes(s.start() as *mut u8, 1, PAGE_SIZE) };
        // SAFETY: the test owns the span.
        unsafe { ph.free_span(sp) };
        // The freed span (the majority of its region) merged with the
        // released rest of the region: the whole run is dirty now.
        let st = ph.stats();
        assert_eq!(st.dirty_free, st.mapped);
        assert_eq!(ph.scavenge(0), st.mapped);
        let st = ph.stats();
        assert_eq!(st.dirty_free, 0);
        assert_eq!(st.released, st.mapped);
        // Reused memory is zero again.
        let sp = large(&ph, 1);
        // SAFETY: as above.
        let s = unsafe { sp.get() };
        // SAFETY: the span's memory is mapped.
        assert_eq!(unsafe { *(s.start() as *const u8) }, 0);
    }
}
