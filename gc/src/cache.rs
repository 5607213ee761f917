//! Per-P allocation caches (Go's `mcache`): one span per span class, used
//! without locks by the P that owns the cache.
//!
//! # Ownership
//! A [`Cache`] is owned by one P (one thread at a time): the heap's
//! allocation functions take `&mut Cache`, so the borrow checker enforces
//! it. The heap also keeps a reference to every cache's slots (like Go's
//! `allp`), used only with the world stopped: at mark termination every
//! cache's barrier buffer joins the grey list and its spans are flushed
//! before the sweep generation flips (a span cached across the flip
//! would have fresh unmarked objects swept away). That second access is why the slots sit in an
//! `UnsafeCell` and why collection is an `unsafe fn`.
//!
//! # Accounting
//! Statistics are not touched on the fast path. When a span is cached, its
//! free slots are added to `heap_live` as if already allocated (Go's trick,
//! so the pacer sees allocation at span granularity), and the allocation
//! count at that moment is remembered; when the span is returned, the
//! difference becomes `mallocs` and `total_alloc`, and unused slots are
//! taken back out of `heap_live`.
//!
//! # Mark state
//! The cache also carries the P's share of the collector (Go keeps these
//! in the `p`): the write-barrier buffer, the mark work buffers, the
//! tiny block and the assist balance. Like the spans, they are touched by
//! the owner, or by the collector with the world stopped.
//!
//! # Dropping
//! Dropping a `Cache` marks it dropped; its spans are returned to the
//! central lists at the next collection (or at once with
//! [`Heap::release_cache`](crate::Heap::release_cache)).

use crate::gcwork::{GcWork, WorkBuf};
use crate::lock::{Arc, AtomicBool, Ordering::*, UnsafeCell};
use crate::span::{SpanPtr, NUM_SPAN_CLASSES};

/// The cached span of each class and its allocation count when cached.
pub(crate) struct Slots {
    pub(crate) spans: [Option<SpanPtr>; NUM_SPAN_CLASSES],
    pub(crate) taken: [usize; NUM_SPAN_CLASSES],
    /// Objects the write barrier shaded grey, waiting to be scanned (Go's
    /// per-P `wbBuf`); handed whole to the global grey list when full, and
    /// drained by mark termination (barrier.rs).
    pub(crate) wbuf: WorkBuf,
    /// Objects and bytes the write barrier marked, for the mark's totals.
    pub(crate) wb_marked: (u64, u64),
    /// The P's mark work buffers (Go's `p.gcw`), used by mark calls made
    /// with this cache; empty between calls (gcwork.rs, termination).
    pub(crate) gcw: GcWork,
    /// The tiny block (tiny.rs): its address (0: none) and the offset of
    /// its first free byte.
    pub(crate) tiny: usize,
    pub(crate) tiny_offset: usize,
    /// Allocations combined into an existing tiny block, not yet added to
    /// the heap's counters.
    pub(crate) tiny_allocs: u64,
    /// Mark assist balance in scan-work bytes: positive is debt, negative
    /// is credit (assist.rs). Reset at every cycle start.
    pub(crate) assist_debt: i64,
    /// The cycle `assist_debt` belongs to.
    pub(crate) assist_cycle: u32,
    /// Objects and bytes allocated black during mark, for the mark's
    /// totals (Go counts them in `bytesMarked`).
    pub(crate) black_alloc: (u64, u64),
}

/// Shared between the owning [`Cache`] and the heap's registry.
pub(crate) struct CacheShared {
    pub(crate) heap_id: u64,
    slots: UnsafeCell<Slots>,
    /// Set by `Cache::drop` (Release), read by the heap at a collection
    /// (Acquire), which then reclaims the slots.
    pub(crate) dropped: AtomicBool,
}

// SAFETY: `slots` is accessed only by the owner through `&mut Cache`, or by
// the heap with the world stopped (no owner running); the rest is atomic or
// immutable.
unsafe impl Sync for CacheShared {}
// SAFETY: SpanPtr is Send; nothing thread-bound inside.
unsafe impl Send for CacheShared {}

impl CacheShared {
    pub(crate) fn new(heap_id: u64) -> CacheShared {
        CacheShared {
            heap_id,
            slots: UnsafeCell::new(Slots {
                spans: [None; NUM_SPAN_CLASSES],
                taken: [0; NUM_SPAN_CLASSES],
                wbuf: WorkBuf::new(),
                wb_marked: (0, 0),
                gcw: GcWork::default(),
                tiny: 0,
                tiny_offset: 0,
                tiny_allocs: 0,
                assist_debt: 0,
                assist_cycle: 0,
                black_alloc: (0, 0),
            }),
            dropped: AtomicBool::new(false),
        }
    }

    /// # Safety
    /// The caller is the cache's owner (holds `&mut Cache`) or the world is
    /// stopped and the caller is the collector.
    #[allow(clippy::mut_from_ref)]
    pub(crate) unsafe fn slots(&self) -> &mut Slots {
        // SAFETY: exclusive by the caller's promise.
        unsafe { &mut *self.slots.get() }
    }
}

/// A per-P allocation cache. Create with [`Heap::new_cache`](crate::Heap::new_cache);
/// pass to [`Heap::alloc`](crate::Heap::alloc). One per P; never shared.
pub struct Cache {
    pub(crate) shared: Arc<CacheShared>,
}

impl Drop for Cache {
    fn drop(&mut self) {
        // Pairs with the Acquire load in `Heap::flush_all_caches`.
        self.shared.dropped.store(true, Release);
    }
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("heap_id", &self.shared.heap_id)
            .finish()
    }
}
