//! Reachability from roots the caller chooses, with the world stopped:
//! the marking under the VM's goroutine leak check (Go 1.26's leak
//! profile; the Golf paper), which grows its root set in steps and asks,
//! between steps, whether given objects have been reached yet.
//!
//! # Why a side mark
//! The leak check must not disturb the collector: it runs after a cycle
//! has ended (or at exit), when the real mark bits tell the sweeper what
//! to free. So, like checkmark (checkmark.rs), it marks in a side table
//! of bitmaps keyed by span, traces with an explicit stack (never
//! recursion), and leaves the spans untouched. It costs O(live heap) with
//! the world stopped, the price of a debug mode that is off by default.
//!
//! # Small pointer-free objects
//! The tiny allocator (tiny.rs) packs several objects of under 16 bytes
//! into one 16-byte block, which the collector marks as a whole: a
//! reached block says nothing about which of its objects was referenced.
//! gol's channel handles (one word each) and small `sync` objects live in
//! such blocks, and the leak check needs to know which of them is
//! reachable. So for objects of pointer-free spans of 16 bytes or less,
//! the mark also keeps every exact address a traced word pointed at
//! ([`Reach::reached_exact`]), and a conservative answer for an address
//! inside such a block ([`Reach::reached`]: some traced pointer into the
//! block at or below it, which may count a neighbour's reference: a
//! missed leak, never a false one).
//!
//! # Invariants
//! * Only allocated objects are marked or read: every word is checked
//!   with `find_object` first, as the collector checks conservative roots.
//! * The heap does not change while a `Reach` lives: the caller stopped
//!   the world and no mark or sweep work runs (`Heap::reach`'s contract).

use crate::heap::Heap;
use crate::mark::load_word;
use std::collections::{BTreeSet, HashMap};

/// Objects this small in pointer-free spans are tracked by exact address
/// (module docs): the tiny allocator's block size.
const SMALL_BYTES: usize = crate::tiny::TINY_SIZE;

/// A side mark in progress (module docs).
pub struct Reach<'h> {
    heap: &'h Heap,
    /// Span start address -> one bit per object.
    seen: HashMap<usize, Vec<u64>>,
    /// Reached objects not yet scanned (bases).
    grey: Vec<usize>,
    /// Exact addresses traced words pointed at inside small pointer-free
    /// objects, ordered for the range question of [`Reach::reached`].
    small: BTreeSet<usize>,
    /// Of those, the ones added since [`Reach::take_small_pointers`].
    fresh_small: Vec<usize>,
}

impl Heap {
    /// Starts a side mark with no roots.
    ///
    /// # Safety
    /// The world is stopped for the life of the `Reach`: no mutator
    /// stores, allocates or sweeps, and no mark work is in progress.
    pub unsafe fn reach(&self) -> Reach<'_> {
        Reach {
            heap: self,
            seen: HashMap::new(),
            grey: Vec::new(),
            small: BTreeSet::new(),
            fresh_small: Vec::new(),
        }
    }

    /// Every object with a finalizer, registered or ready to run: what a
    /// finalizer may still reach (the leak check's roots, as Go's leak
    /// check marks from finalizer specials).
    pub fn finalizer_objects(&self) -> Vec<usize> {
        self.finalizers.objects()
    }
}

impl Reach<'_> {
    /// Marks what root word `w` points to, if it points into an object.
    pub fn root(&mut self, w: usize) {
        let Some((sp, idx)) = self.heap.find_object(w) else {
            return;
        };
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        let noscan = s.span_class().noscan();
        if noscan && s.elem_size() <= SMALL_BYTES && self.small.insert(w) {
            self.fresh_small.push(w);
        }
        let bits = self
            .seen
            .entry(s.start())
            .or_insert_with(|| vec![0; s.nelems().div_ceil(64)]);
        let (wi, b) = (idx / 64, 1u64 << (idx % 64));
        if bits[wi] & b != 0 {
            return;
        }
        bits[wi] |= b;
        if !noscan {
            self.grey.push(s.obj_base(idx));
        }
    }

    /// Traces everything reachable from the roots given so far.
    pub fn drain(&mut self) {
        let mut words = Vec::new();
        while let Some(base) = self.grey.pop() {
            let Some((sp, idx)) = self.heap.find_object(base) else {
                continue;
            };
            // SAFETY: span structs live as long as the heap.
            let s = unsafe { sp.get() };
            words.clear();
            // SAFETY: the object is allocated (checked above) and the
            // world is stopped (`Heap::reach`), so nobody writes or frees
            // it while it is read.
            unsafe {
                s.for_each_pointer_word(idx, &mut |a| {
                    // SAFETY: a word of this allocated object.
                    words.push(load_word(a));
                })
            };
            for &w in &words {
                self.root(w);
            }
        }
    }

    /// The exact addresses inside small pointer-free objects that traced
    /// words pointed at since the last call (module docs).
    pub fn take_small_pointers(&mut self) -> Vec<usize> {
        std::mem::take(&mut self.fresh_small)
    }

    /// Whether the object at `addr` has been reached: its side mark, or
    /// for a small pointer-free object, a traced pointer into its block
    /// at or below `addr` (conservative: see the module docs). An address
    /// outside every allocated object counts as reached (the globals,
    /// memory not the heap's): it cannot be shown unreachable.
    pub fn reached(&self, addr: usize) -> bool {
        let Some((sp, idx)) = self.heap.find_object(addr) else {
            return true;
        };
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        if s.span_class().noscan() && s.elem_size() <= SMALL_BYTES {
            let base = s.obj_base(idx);
            return self.small.range(base..=addr).next().is_some();
        }
        self.seen
            .get(&s.start())
            .is_some_and(|bits| bits[idx / 64] & (1 << (idx % 64)) != 0)
    }

    /// Whether a traced word held exactly `addr` (for objects only ever
    /// referred to by their address, such as gol's channel handles); an
    /// address outside every allocated object counts as reached.
    pub fn reached_exact(&self, addr: usize) -> bool {
        let Some((sp, _)) = self.heap.find_object(addr) else {
            return true;
        };
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        if s.span_class().noscan() && s.elem_size() <= SMALL_BYTES {
            self.small.contains(&addr)
        } else {
            self.reached(addr)
        }
    }

    /// The word at `addr` when the 8 bytes there lie inside an allocated
    /// object (None otherwise).
    pub fn word_at(&self, addr: usize) -> Option<usize> {
        if addr % 8 != 0 {
            return None;
        }
        let (sp, idx) = self.heap.find_object(addr)?;
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        if addr + 8 > s.obj_base(idx) + s.elem_size() {
            return None;
        }
        // SAFETY: an aligned word inside an allocated object, which nobody
        // writes or frees while the world is stopped (`Heap::reach`).
        Some(unsafe { load_word(addr) })
    }
}

#[cfg(test)]
mod tests {
    use crate::{Config, Heap, Layout};

    fn wr(obj: usize, word: usize, v: usize) {
        // SAFETY: test objects are allocated with at least `word + 1` words.
        unsafe { *(obj as *mut usize).add(word) = v };
    }

    #[test]
    fn reaches_what_roots_reach_and_tells_tiny_neighbours_apart() {
        let h = Heap::new(Config::default());
        let mut c = h.new_cache();
        let all = Layout::ALL_POINTERS;
        // a -> b -> t1; t2 shares t1's tiny block and nothing points to it.
        let a = h.alloc(&mut c, 16, all) as usize;
        let b = h.alloc(&mut c, 16, all) as usize;
        let t1 = h.alloc_tiny(&mut c, 8) as usize;
        let t2 = h.alloc_tiny(&mut c, 8) as usize;
        assert_eq!(t2, t1 + 8, "the two tiny objects share a block");
        let lone = h.alloc(&mut c, 16, all) as usize;
        wr(a, 0, b);
        wr(b, 0, t1);
        // SAFETY: no other thread uses the heap.
        let mut r = unsafe { h.reach() };
        r.root(a);
        assert!(!r.reached(b), "nothing is traced before drain");
        r.drain();
        assert!(r.reached(a) && r.reached(b));
        assert!(!r.reached(lone));
        assert!(r.reached_exact(t1));
        assert!(!r.reached_exact(t2));
        // Conservative: a pointer into the block below t2 may be t2's.
        assert!(r.reached(t2));
        assert_eq!(r.take_small_pointers(), vec![t1]);
        assert_eq!(r.word_at(b), Some(t1));
        // Memory that is not the heap's cannot be shown unreachable.
        let x = 0u64;
        assert!(r.reached(&x as *const u64 as usize));
        r.root(lone);
        r.drain();
        assert!(r.reached(lone));
        drop(r);
        h.release_cache(c);
    }
}
