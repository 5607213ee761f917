//! The write barrier (Go's `mbarrier.go` and `mwbbuf.go`): what every
//! pointer store into the heap does while the collector marks
//! concurrently. Off the mark phases its fast path is one load and a
//! not-taken branch.
//!
//! # The invariant it keeps
//! **Every white object referenced by a black object or by a black stack
//! is heap-protected**: reachable from some grey *heap object* through a
//! chain of white heap objects. (A weak tri-color invariant in which
//! stacks count as objects, and the protecting path never runs through a
//! stack.) Heap objects allocated during mark are black; a stack turns
//! black when its job is scanned (cycle.rs) and stays black for the
//! cycle. When no grey object and no grey stack remains, no path can be
//! protecting anything, so nothing white is referenced from a black
//! object or stack: every white object is garbage.
//!
//! # The barrier (Go's hybrid barrier, proposal 17503)
//! ```text
//! write_pointer_hybrid(slot, new, stack_black):
//!     if phase.write_barrier_enabled():     // Mark, MarkTermination
//!         shade(*slot)                      // deletion half (Yuasa)
//!         if !stack_black: shade(new)       // insertion half (Dijkstra)
//!     *slot = new
//! shade(p): if p points into a white object: mark it; if it has pointers,
//!           put it on this P's barrier buffer (grey)
//! ```
//! [`Heap::write_pointer`] is the form that does not know the stack's
//! colour: it shades `new` always, which is what Go's compiled barrier
//! does too (more shading is never wrong, only slower).
//!
//! # Why it holds without a stop-the-world stack rescan
//! Pointer stores into stacks and registers have no barrier; stores into
//! the heap do. Check every event that could break the invariant:
//! 1. *A stack is scanned*: everything it references is shaded; it turns
//!    black with no white referent.
//! 2. *A black stack acquires a pointer to a white W*: from a heap load
//!    out of some object O (O is referenced by the stack; if O is white it
//!    is heap-protected, so W is, through O; if O is grey or black, W is
//!    protected through O or by the invariant on O); from an allocation
//!    (black, not white); from another goroutine's stack directly (the
//!    VM shades such values: [`Heap::shade_pointer`]).
//! 3. *A heap store `*slot = W` into a black object* by goroutine G: if G's
//!    stack is grey, the insertion half shades W. If G's stack is black,
//!    W is heap-protected already (the invariant on G's stack), and
//!    adding an edge cuts no path.
//! 4. *A protecting path is cut*: paths run only through heap objects, so
//!    only a heap store can cut one, and the deletion half shades the
//!    overwritten pointer: the rest of the path now starts at a grey
//!    object. Stack stores cut nothing: this is why a scanned stack
//!    never needs a rescan, and why the insertion half is needed only
//!    while the storing goroutine's own stack is grey (its white
//!    pointers may be protected only by the stack itself).
//! 5. *A grey object is scanned*: its white referents turn grey, so
//!    paths through it still start at a grey object.
//! 6. *Goroutines created during mark* start black (no stack job); their
//!    initial pointers are shaded by the creator ([`Heap::shade_pointer`]),
//!    which makes event 2 hold for them.
//!
//! # The barrier buffer (Go's `wbBuf`)
//! Shaded objects go to the P's buffer in its [`Cache`], without locks;
//! a full buffer is handed whole to the global grey list (one lock per
//! 256 objects), and mark calls and mark termination flush the rest.
//!
//! # Memory ordering
//! * The phase is read `Relaxed`: it changes only at stop-the-world points,
//!   whose handshake orders it before any mutator's next store.
//! * Shading sets the mark bit with an atomic `fetch_or`; exactly one agent
//!   wins and queues the object, so no object is queued twice.
//! * The store itself is a `Release` store, paired with the `Acquire` load
//!   of markers (`mark::load_word`): a marker that loads the new pointer
//!   sees the pointee initialised.
//!
//! Bulk copies (`copy`, `append` growth, struct assignment) should call
//! [`Heap::write_pointer`] per pointer word of the destination (Go's
//! `bulkBarrierPreWrite` does the same shading for a range).

use crate::cache::{Cache, Slots};
use crate::heap::Heap;
use crate::lock::{AtomicUsize, Ordering::*};
use crate::mark::load_word;

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
        // SAFETY: forwarded from the caller.
        unsafe { self.write_pointer_hybrid(cache, slot, new, false) }
    }

    /// [`Heap::write_pointer`] for a goroutine that knows whether its own
    /// stack has been scanned in the current cycle (`stack_black`): a
    /// black stack skips the insertion half (module docs).
    ///
    /// # Safety
    /// As for [`Heap::write_pointer`]; `stack_black` is true only if the
    /// storing goroutine's stack was scanned in this cycle (or it was
    /// created during it), and it is stored by that goroutine.
    #[inline]
    pub unsafe fn write_pointer_hybrid(
        &self,
        cache: &mut Cache,
        slot: *mut usize,
        new: usize,
        stack_black: bool,
    ) {
        if self.phase().write_barrier_enabled() {
            // SAFETY: forwarded from the caller.
            unsafe { self.write_barrier_slow(cache, slot, new, stack_black) };
        }
        // SAFETY: the caller promises `slot` is an aligned, writable word;
        // AtomicUsize has usize's layout. Release: see the module docs.
        unsafe { (*(slot as *const AtomicUsize)).store(new, Release) };
    }

    /// # Safety
    /// As for [`Heap::write_pointer`].
    #[cold]
    unsafe fn write_barrier_slow(
        &self,
        cache: &mut Cache,
        slot: *mut usize,
        new: usize,
        stack_black: bool,
    ) {
        debug_assert!(
            self.phase().keeps_invariant(),
            "write barrier slow path outside marking"
        );
        self.check_cache_pub(cache);
        // SAFETY: the caller promises `slot` is an aligned readable word.
        let old = unsafe { load_word(slot as usize) };
        // SAFETY: `&mut Cache` makes us its owner.
        let slots = unsafe { cache.shared.slots() };
        self.shade_into_wbuf(slots, old);
        if !stack_black {
            self.shade_into_wbuf(slots, new);
        }
    }

    /// Shade the object `p` points into, if any, onto `cache`'s barrier
    /// buffer (Go's `shade`). For the VM during mark: pointers a new
    /// goroutine starts with, and values copied from one goroutine's
    /// stack straight into another's. A no-op when not marking.
    pub fn shade_pointer(&self, cache: &mut Cache, p: usize) {
        if !self.phase().write_barrier_enabled() {
            return;
        }
        self.check_cache_pub(cache);
        // SAFETY: `&mut Cache` makes us its owner.
        let slots = unsafe { cache.shared.slots() };
        self.shade_into_wbuf(slots, p);
    }

    /// Queue the object at `p`, allocated during this mark (so black), to
    /// be scanned anyway: for a VM that filled a fresh object with
    /// pointers without the barrier (a slice's new backing array during
    /// `append`). One queue entry instead of a shade per word; the
    /// referents are shaded when it is scanned, before the mark can end
    /// (it is grey until then). A no-op when not marking or for a
    /// pointer-free object.
    pub fn rescan_fresh(&self, cache: &mut Cache, p: usize) {
        if !self.phase().write_barrier_enabled() {
            return;
        }
        self.check_cache_pub(cache);
        let Some((sp, idx)) = self.find_object(p) else {
            return;
        };
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        if s.span_class().noscan() || !s.is_marked(idx) {
            // Pointer-free, or not allocated during this mark (then its
            // words were not stored without the barrier by contract).
            return;
        }
        // SAFETY: `&mut Cache` makes us its owner.
        let slots = unsafe { cache.shared.slots() };
        if slots.wbuf.is_full() {
            let full = std::mem::replace(&mut slots.wbuf, self.work.get_empty());
            self.work.put_full(full);
        }
        slots.wbuf.push((sp, idx));
    }

    #[inline]
    fn shade_into_wbuf(&self, slots: &mut Slots, p: usize) {
        let Some((sp, idx, bytes, scan)) = self.mark_object(p) else {
            return;
        };
        slots.wb_marked.0 += 1;
        slots.wb_marked.1 += bytes;
        if scan {
            if slots.wbuf.is_full() {
                let full = std::mem::replace(&mut slots.wbuf, self.work.get_empty());
                self.work.put_full(full);
            }
            slots.wbuf.push((sp, idx));
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
    fn rescan_fresh_queues_a_black_object_once_while_marking() {
        let h = Heap::new(Config::default());
        let mut c = h.new_cache();
        let white = h.alloc(&mut c, 16, Layout::ALL_POINTERS) as usize;
        h.set_phase_for_test(Phase::Mark);
        let fresh = h.alloc(&mut c, 64, Layout::ALL_POINTERS) as *mut usize;
        // Filled without the barrier, as the VM's append does.
        // SAFETY: `fresh` is a live four-pointer object.
        unsafe { *fresh = white };
        h.rescan_fresh(&mut c, fresh as usize);
        // A pointer-free fresh object is not queued.
        let noscan = h.alloc(&mut c, 64, Layout::NOSCAN) as usize;
        h.rescan_fresh(&mut c, noscan);
        // SAFETY: `&mut c` is ours.
        let wbuf = &unsafe { c.shared.slots() }.wbuf;
        assert_eq!(wbuf.len(), 1, "the fresh object is grey again");
        let (sp, idx) = h.find_object(white).expect("white");
        // SAFETY: span structs live as long as the heap.
        let marked = unsafe { sp.get() }.is_marked(idx);
        assert!(!marked, "shaded only by the scan");
        h.set_phase_for_test(Phase::Off);
        // Off the mark it does nothing.
        let other = h.alloc(&mut c, 64, Layout::ALL_POINTERS) as usize;
        h.rescan_fresh(&mut c, other);
        // SAFETY: `&mut c` is ours.
        assert_eq!(unsafe { c.shared.slots() }.wbuf.len(), 1);
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
