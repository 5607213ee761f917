//! Checkmark (Go's `gccheckmark`): after a mark, with the world stopped,
//! mark everything again from the roots in a separate bitmap and report
//! any object reachable from the roots whose real mark bit is clear.
//!
//! A correct concurrent mark leaves no reachable object white; if one is,
//! the barrier, a stack scan or the termination protocol is broken, and
//! sweeping would free a live object. The error names the object and the
//! object (or root) that referenced it, as a fatal error (cycle.rs).
//!
//! The check bits live in a side table keyed by span (a `HashMap` of
//! bitmaps), not in the span structs: it is a debug mode, and the spans'
//! real mark bits must stay untouched for the sweep. The traversal is an
//! explicit stack, never recursion. Cost: O(live heap), with the world
//! stopped; that is the price of the mode.

use crate::heap::{Heap, Roots};
use crate::mark::{load_word, VerifyError};
use std::collections::HashMap;

impl Heap {
    /// Re-mark from `roots` and check every reached object is marked.
    /// Returns the number of objects reached.
    pub(crate) fn checkmark(&self, roots: &mut Roots<'_>) -> Result<u64, VerifyError> {
        let mut seen: HashMap<usize, Vec<u64>> = HashMap::new();
        // (object address, referrer: 0 for a root)
        let mut stack: Vec<usize> = Vec::new();
        let mut reached = 0u64;
        let mut visit = |w: usize, from: usize, stack: &mut Vec<usize>| {
            let Some((sp, idx)) = self.find_object(w) else {
                return Ok(());
            };
            // SAFETY: span structs live as long as the heap.
            let s = unsafe { sp.get() };
            let bits = seen
                .entry(sp.0.as_ptr() as usize)
                .or_insert_with(|| vec![0; s.nelems().div_ceil(64)]);
            let (wi, b) = (idx / 64, 1u64 << (idx % 64));
            if bits[wi] & b != 0 {
                return Ok(());
            }
            bits[wi] |= b;
            reached += 1;
            if !s.is_marked(idx) {
                return Err(VerifyError::ReachableWhite {
                    object: s.obj_base(idx),
                    from,
                });
            }
            stack.push(s.obj_base(idx));
            Ok(())
        };
        let mut err = None;
        roots(&mut |w| {
            if err.is_none() {
                if let Err(e) = visit(w, 0, &mut stack) {
                    err = Some(e);
                }
            }
        });
        if let Some(e) = err {
            return Err(e);
        }
        while let Some(base) = stack.pop() {
            let Some((sp, idx)) = self.find_object(base) else {
                continue;
            };
            // SAFETY: span structs live as long as the heap.
            let s = unsafe { sp.get() };
            let mut words = Vec::new();
            // SAFETY: the object is allocated and marked; the world is
            // stopped, so nobody writes it.
            unsafe {
                s.for_each_pointer_word(idx, &mut |a| {
                    // SAFETY: a word of this live object.
                    words.push(load_word(a));
                })
            };
            for w in words {
                visit(w, base, &mut stack)?;
            }
        }
        Ok(reached)
    }
}
