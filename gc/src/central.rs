//! Central span lists, one per span class (Go's `mcentral`): where caches
//! get spans with free slots and return spans they have filled.
//!
//! # Lists
//! Each class has four lists: partial (has free slots) and full, each in a
//! swept and an unswept set. Which set is which depends on the parity of the
//! heap's `sweepgen` (Go's `partial[sweepgen/2%2]` trick): flipping
//! `sweepgen` by 2 at the end of a mark turns every swept list into an
//! unswept one without touching a span. Finishing the sweep empties the
//! unswept sets, so after the flip the new swept sets start empty.
//!
//! # Ownership
//! A span on a list is owned by the list (its lock). Popping it under the lock
//! makes the popper its sole owner; pushing it gives it back. A span is on at
//! most one list, and a cached span is on none.
//!
//! # Getting a span for a cache ([`Heap::cache_span`](crate::Heap))
//! 1. a swept partial span;
//! 2. an unswept partial span, swept now;
//! 3. an unswept full span, swept now, in case it freed something (at most
//!    100 tries, as Go);
//! 4. a new span from the page heap.
//!
//! Rejected: Go's lock-free `spanSet`s. One mutex per class is contended
//! only when two Ps refill the same class at the same moment.

use crate::lock::{lock, Mutex, MutexGuard};
use crate::span::SpanPtr;

/// The lists of one span class; see the module docs.
#[derive(Default)]
pub(crate) struct Lists {
    partial: [Vec<SpanPtr>; 2],
    full: [Vec<SpanPtr>; 2],
}

impl Lists {
    #[inline]
    fn swept(sg: u32) -> usize {
        ((sg >> 1) & 1) as usize
    }
    #[inline]
    fn unswept(sg: u32) -> usize {
        1 - Self::swept(sg)
    }
    pub(crate) fn push_swept(&mut self, sg: u32, sp: SpanPtr, has_free: bool) {
        let i = Self::swept(sg);
        if has_free {
            self.partial[i].push(sp)
        } else {
            self.full[i].push(sp)
        }
    }
    pub(crate) fn pop_partial_swept(&mut self, sg: u32) -> Option<SpanPtr> {
        self.partial[Self::swept(sg)].pop()
    }
    pub(crate) fn pop_partial_unswept(&mut self, sg: u32) -> Option<SpanPtr> {
        self.partial[Self::unswept(sg)].pop()
    }
    pub(crate) fn pop_full_unswept(&mut self, sg: u32) -> Option<SpanPtr> {
        self.full[Self::unswept(sg)].pop()
    }
    /// Every span on the lists (world stopped: for the verifier).
    pub(crate) fn all(&self) -> impl Iterator<Item = SpanPtr> + '_ {
        self.partial
            .iter()
            .chain(self.full.iter())
            .flatten()
            .copied()
    }
}

/// One class's central lists behind their lock.
#[derive(Default)]
pub(crate) struct Central {
    lists: Mutex<Lists>,
}

impl Central {
    pub(crate) fn lock(&self) -> MutexGuard<'_, Lists> {
        lock(&self.lists)
    }
}

/// Large-object spans: swept and unswept sets by parity, like [`Lists`].
#[derive(Default)]
pub(crate) struct LargeLists {
    sets: [Vec<SpanPtr>; 2],
}

impl LargeLists {
    pub(crate) fn push_swept(&mut self, sg: u32, sp: SpanPtr) {
        self.sets[Lists::swept(sg)].push(sp)
    }
    pub(crate) fn pop_unswept(&mut self, sg: u32) -> Option<SpanPtr> {
        self.sets[Lists::unswept(sg)].pop()
    }
    pub(crate) fn all(&self) -> impl Iterator<Item = SpanPtr> + '_ {
        self.sets.iter().flatten().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use std::ptr::NonNull;

    #[test]
    fn flipping_sweepgen_turns_swept_into_unswept() {
        let span = Span::with_shape(crate::span::SpanClass::new(1, true));
        let sp = SpanPtr(NonNull::from(&span));
        let mut l = Lists::default();
        l.push_swept(4, sp, true);
        assert_eq!(l.pop_partial_unswept(4), None);
        assert_eq!(l.pop_partial_unswept(6), Some(sp));
        l.push_swept(6, sp, false);
        assert_eq!(l.pop_full_unswept(8), Some(sp));
        assert_eq!(l.all().count(), 0);
    }
}
