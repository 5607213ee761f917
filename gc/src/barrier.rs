//! The write barrier (Go's `mbarrier.go` and `mwbbuf.go`): what every
//! pointer store into the heap must do while the collector marks
//! concurrently. With today's stop-the-world collector the barrier is never
//! enabled while a mutator runs, so its fast path is one load and a
//! not-taken branch; the VM emits it anyway, so that switching marking to
//! concurrent changes this crate, not the code generator.
//!
//! # The barrier (Go's hybrid barrier, from the Go 1.8 design)
//! ```text
//! write_pointer(slot, new):
//!     if phase.write_barrier_enabled():     // Mark, MarkTermination
//!         shade(*slot)                      // deletion barrier (Yuasa)
//!         shade(new)                        // insertion barrier (Dijkstra)
//!     *slot = new
//! shade(p): if p points into a white object: mark it; if it has pointers,
//!           queue it grey on this P's buffer
//! ```
//! Stack slots, registers and the VM's other roots get no barrier: each
//! goroutine stack is scanned once per cycle, with its goroutine stopped.
//!
//! # Why it keeps the invariant (numbered argument)
//! 1. Objects allocated while the barrier is on are allocated black
//!    ([`Phase::allocate_black`](crate::Phase::allocate_black)), so no new
//!    object is white.
//! 2. A heap store can create a black->white edge only by storing a white
//!    `new` into a black object; the insertion half shades `new` first, so
//!    the strong invariant (crate docs) survives every heap store.
//! 3. A white object reachable when marking started can lose its last path
//!    only by an overwrite (of a heap slot: the deletion half shades the old
//!    value, so it stays alive; of a stack slot: the stack was either
//!    scanned already, which greyed the object, or will be scanned, and
//!    then the object is reachable from the heap or it is garbage created
//!    after the snapshot, which may be kept or freed without harm).
//! 4. Hence when the grey queues and every P's barrier buffer are empty
//!    at mark termination, every object reachable from the roots is black,
//!    and sweeping frees only garbage. The deletion half is what lets
//!    stacks be scanned once, without a rescan at mark termination (the
//!    stop-the-world pause then does not grow with the number of
//!    goroutines).
//!
//! # Memory ordering
//! * The phase is read `Relaxed`: it changes only at stop-the-world points,
//!   whose handshake orders it before any mutator's next store.
//! * Shading sets the mark bit with an atomic `fetch_or`; exactly one agent
//!   wins and queues the object, so no object is queued twice.
//! * The store itself is a `Release` store: a marker that loads the new
//!   pointer with `Acquire` (or after the buffer hand-off, which is
//!   `Release`/`Acquire` through a lock) sees the pointee initialised.
//! * Barrier buffers live in the P's [`Cache`] and are drained by the
//!   collector with the world stopped (today: at mark termination; later: a
//!   P flushes its own buffer to the shared queue when it is full or at a
//!   ragged safepoint).
//!
//! Bulk copies (`copy`, `append` growth, struct assignment) will get a
//! range form that applies the same two shades to every pointer word of the
//! destination and source (Go's `bulkBarrierPreWrite`).

use crate::cache::Cache;
use crate::heap::Heap;
use crate::mark::load_word;
use crate::sync::{AtomicUsize, Ordering::*};

impl Heap {
    /// Store the pointer `new` into the word at `slot` (a heap word, or a
    /// global), with the write barrier. Emit it for every pointer store
    /// into the heap.
    ///
    /// # Safety
    /// `slot` is an 8-aligned, writable word that the caller may write:
    /// a pointer word of a live heap object (per its layout) or of the VM's
    /// own memory.
    #[inline]
    pub unsafe fn write_pointer(&self, cache: &mut Cache, slot: *mut usize, new: usize) {
        if self.phase().write_barrier_enabled() {
            // SAFETY: forwarded from the caller.
            unsafe { self.write_barrier_slow(cache, slot, new) };
        }
        // SAFETY: the caller promises `slot` is an aligned, writable word;
        // AtomicUsize has usize's layout. Release: see the module docs.
        unsafe { (*(slot as *const AtomicUsize)).store(new, Release) };
    }

    /// # Safety
    /// As for [`Heap::write_pointer`].
    #[cold]
    unsafe fn write_barrier_slow(&self, cache: &mut Cache, slot: *mut usize, new: usize) {
        debug_assert!(
            self.phase().keeps_invariant(),
            "write barrier slow path outside marking"
        );
        self.check_cache_pub(cache);
        // SAFETY: the caller promises `slot` is an aligned readable word.
        let old = unsafe { load_word(slot as usize) };
        // SAFETY: `&mut Cache` makes us its owner.
        let slots = unsafe { cache.shared.slots() };
        for p in [old, new] {
            if let Some(bytes) = self.shade(&mut slots.wbuf, p) {
                slots.wb_marked.0 += 1;
                slots.wb_marked.1 += bytes;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Config, Heap, Layout, Phase};

    #[test]
    fn barrier_is_a_plain_store_when_off() {
        let h = Heap::new(Config::default());
        let mut c = h.new_cache();
        let a = h.alloc(&mut c, 16, Layout::ALL_POINTERS) as *mut usize;
        let b = h.alloc(&mut c, 16, Layout::ALL_POINTERS) as usize;
        // SAFETY: `a` is a live two-pointer object.
        unsafe { h.write_pointer(&mut c, a, b) };
        // SAFETY: as above.
        assert_eq!(unsafe { *a }, b);
        // SAFETY: `&mut c` is ours; nothing shaded.
        assert!(unsafe { c.shared.slots() }.wbuf.is_empty());
        let (sp, idx) = h.find_object(b).expect("b");
        // SAFETY: span structs live as long as the heap.
        assert!(!unsafe { sp.get() }.is_marked(idx));
    }

    #[test]
    fn barrier_shades_old_and_new_while_marking() {
        let h = Heap::new(Config::default());
        let mut c = h.new_cache();
        let a = h.alloc(&mut c, 16, Layout::ALL_POINTERS) as *mut usize;
        let old = h.alloc(&mut c, 16, Layout::ALL_POINTERS) as usize;
        let new = h.alloc(&mut c, 64, Layout::NOSCAN) as usize;
        // SAFETY: `a` is live.
        unsafe { *a = old };
        h.set_phase_for_test(Phase::Mark);
        // SAFETY: `a` is a live pointer object.
        unsafe { h.write_pointer(&mut c, a, new) };
        // SAFETY: as above.
        assert_eq!(unsafe { *a }, new);
        for p in [old, new] {
            let (sp, idx) = h.find_object(p).expect("object");
            // SAFETY: span structs live as long as the heap.
            assert!(unsafe { sp.get() }.is_marked(idx), "shaded");
        }
        // Only the scan object is queued grey; the noscan one is black.
        // SAFETY: `&mut c` is ours.
        let wbuf = &unsafe { c.shared.slots() }.wbuf;
        assert_eq!(wbuf.len(), 1);
        // Objects allocated now are black.
        let fresh = h.alloc(&mut c, 16, Layout::ALL_POINTERS) as usize;
        let (sp, idx) = h.find_object(fresh).expect("fresh");
        // SAFETY: span structs live as long as the heap.
        assert!(unsafe { sp.get() }.is_marked(idx));
        h.set_phase_for_test(Phase::Off);
    }
}
