//! Sweeping: turning unmarked objects back into free slots and empty spans
//! back into free pages (Go's `mgcsweep.go`).
//!
//! # Sweep generations (Go's protocol)
//! The heap's `sweepgen` `h` grows by 2 at every mark termination. A span's
//! own `sweepgen` `s` says, relative to `h`:
//! * `s == h - 2`: the span needs sweeping;
//! * `s == h - 1`: the span is being swept by its owner;
//! * `s == h`: the span is swept and ready;
//! * `s == h + 1`: the span was cached before the flip and needs sweeping;
//! * `s == h + 3`: the span was swept and then cached.
//!
//! # When spans are swept
//! * lazily, by a cache that needs a span of that class (`cache_span`);
//! * before the page heap grows (`reclaim`): sweep until enough pages came
//!   back, so garbage is reused before new memory is mapped;
//! * by anyone calling [`Heap::sweep_step`](crate::Heap::sweep_step) (a
//!   background sweeper) and at the start of the next collection
//!   ([`Heap::finish_sweep`](crate::Heap::finish_sweep): sweep termination),
//!   which must leave no unswept span: marking needs clear mark bits and
//!   exact allocation bits.
//!
//! When the last unswept span is swept, the scavenger runs.
//!
//! # Ownership
//! The sweeper owns the span it popped from a list (central lock); the CAS
//! `h-2 -> h-1` on `sweepgen` (Acquire) records it, and the `Release` store
//! of `h` when done pairs with `Acquire` loads by whoever takes the span next.
//! Sweeping never runs while marking does: the collector finishes the sweep
//! before it marks, and flips `sweepgen` only after marking ends.

use crate::heap::Heap;
use crate::lock::Ordering::*;
use crate::span::SpanPtr;

/// What sweeping one span did.
pub(crate) enum Swept {
    /// The span was empty and its pages went back to the page heap.
    Freed(usize),
    /// The span is kept (by the caller, or on a list); `has_free` says
    /// whether it has a free slot.
    Kept { has_free: bool },
}

impl Heap {
    /// Claim a span popped from an unswept list: `h-2 -> h-1`.
    pub(crate) fn claim_for_sweep(&self, sp: SpanPtr, sg: u32) {
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        // Acquire pairs with the Release store of the previous sweep/cache.
        let r =
            s.sweepgen
                .compare_exchange(sg.wrapping_sub(2), sg.wrapping_sub(1), Acquire, Relaxed);
        if let Err(got) = r {
            crate::throw(&format!(
                "gc: unswept span in state {} (heap sweepgen {sg})",
                got.wrapping_sub(sg) as i32
            ));
        }
    }

    /// Sweep a span the caller owns (claimed with `h-1`). With `keep`, the
    /// caller keeps the span whatever happens (a cache is about to use it);
    /// otherwise an empty span goes back to the page heap and the others to
    /// their swept list.
    pub(crate) fn sweep_span(&self, sp: SpanPtr, sg: u32, keep: bool) -> Swept {
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        // SAFETY: the caller owns the span as its sweeper; marking is not
        // running (module docs).
        let freed = unsafe { s.sweep_bits() };
        if freed > 0 {
            self.stats.frees.fetch_add(freed as u64, Relaxed);
            self.stats
                .freed_bytes
                .fetch_add((freed * s.elem_size()) as u64, Relaxed);
        }
        // SAFETY: owner, as above.
        let count = unsafe { s.alloc_state() }.alloc_count;
        let has_free = count < s.nelems();
        if count == 0 && !keep {
            let npages = s.npages();
            // SAFETY: we own the span, it holds no live object, and marking
            // is not running.
            unsafe { self.pages.free_span(sp) };
            return Swept::Freed(npages);
        }
        // Release pairs with the Acquire of the next owner.
        s.sweepgen.store(sg, Release);
        if !keep {
            if s.is_large() {
                self.large_lock().push_swept(sg, sp);
            } else {
                self.centrals[s.span_class().index()]
                    .lock()
                    .push_swept(sg, sp, has_free);
            }
        }
        Swept::Kept { has_free }
    }

    /// Sweep one unswept span of any class. Returns the pages it freed, or
    /// `None` when no unswept span is left.
    pub(crate) fn sweep_one(&self) -> Option<usize> {
        let sg = self.sweepgen.load(Acquire);
        let n = self.centrals.len();
        let start = self.sweep_cursor.load(Relaxed) % (n + 1);
        for k in 0..=n {
            let i = (start + k) % (n + 1);
            let sp = if i == n {
                self.large_lock().pop_unswept(sg)
            } else {
                let mut l = self.centrals[i].lock();
                l.pop_partial_unswept(sg).or_else(|| l.pop_full_unswept(sg))
            };
            if let Some(sp) = sp {
                self.sweep_cursor.store(i, Relaxed);
                self.claim_for_sweep(sp, sg);
                return Some(match self.sweep_span(sp, sg, false) {
                    Swept::Freed(p) => p,
                    Swept::Kept { .. } => 0,
                });
            }
        }
        // Release/Acquire are not needed: `sweep_drained` is a hint that
        // saves scanning the lists; a stale false costs one scan.
        if !self.sweep_drained.swap(true, Relaxed) {
            self.scavenge_to_goal();
        }
        None
    }

    /// Sweep until `npages` pages were freed or nothing is left to sweep
    /// (Go's `mheap.reclaim`), so garbage is reused before the heap grows.
    pub(crate) fn reclaim(&self, npages: usize) {
        if self.sweep_drained.load(Relaxed) {
            return;
        }
        let mut freed = 0;
        while freed < npages {
            match self.sweep_one() {
                Some(p) => freed += p,
                None => break,
            }
        }
    }
}
