//! Finalizers: which objects have one, and which were found unreachable
//! (the collector's half of Go's `mfinal.go`; the VM keeps the functions
//! and runs them).
//!
//! # The algorithm
//! The VM registers an object's address ([`Heap::add_finalizer`]); the
//! registry is not a root, so the object can become unreachable. When a
//! mark has found nothing grey left, with the world stopped
//! ([`Heap::mark_finalizers`], called by mark termination):
//! 1. every registered object's referents are shaded (not the object
//!    itself) and the mark is drained: whatever a finalizable object
//!    points to stays alive, so the finalizer finds it intact;
//! 2. each registered object still white was reachable from nothing else:
//!    it leaves the registry for the ready list, and is shaded (with all
//!    it reaches) so that it survives this cycle for its finalizer;
//! 3. the VM takes the ready list ([`Heap::take_ready_finalizers`]) and
//!    runs each finalizer once; the next cycle frees the object unless the
//!    finalizer stored it somewhere.
//!
//! Step 1 gives Go's dependency order: if A points to B and both have
//! finalizers, B is marked through A, so only A's finalizer runs this
//! cycle and B's after A is gone. An object in a cycle with itself is
//! never finalized (Go documents the same).
//!
//! # Invariants
//! * A registered object is never freed: at every mark termination it is
//!   either marked or moved to the ready list and marked.
//! * An address on the ready list is marked in the cycle that put it
//!   there and is a root of every later cycle until the VM takes it
//!   ([`Heap::gc_start`] shades the list), so it cannot be freed before its
//!   finalizer holds it.
//! * Both lists change under one lock; the passes run with the world
//!   stopped, so no mutator registers concurrently with step 2.
//!
//! The pass costs the stop-the-world pause O(finalizers + what they reach
//! that was not already marked); Go spreads step 1 over the concurrent
//! mark (its span specials are mark roots). Rejected for now: gol's
//! programs register few finalizers, and the registry would otherwise need
//! a root job of its own.

use crate::gcwork::GcWork;
use crate::heap::Heap;
use crate::lock::lock;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::sync::Mutex;

#[derive(Default)]
struct Lists {
    /// Addresses of objects with a finalizer.
    registered: HashSet<usize>,
    /// Objects found unreachable, waiting for their finalizers.
    ready: Vec<usize>,
}

/// The finalizer registry of a heap.
#[derive(Default)]
pub(crate) struct Finalizers {
    lists: Mutex<Lists>,
    /// Whether `ready` is not empty (read without the lock by the VM after
    /// every slice).
    any_ready: AtomicBool,
}

impl Finalizers {
    /// Every registered object and every one ready to run.
    pub(crate) fn objects(&self) -> Vec<usize> {
        let l = lock(&self.lists);
        l.registered.iter().chain(&l.ready).copied().collect()
    }
}

impl Heap {
    /// Registers a finalizer for the object at `addr`: false when it has
    /// one already or `addr` is not in an allocated heap object (Go ignores
    /// finalizers on objects outside its heap; the VM decides what to say).
    pub fn add_finalizer(&self, addr: usize) -> bool {
        if self.find_object(addr).is_none() {
            return false;
        }
        lock(&self.finalizers.lists).registered.insert(addr)
    }

    /// Removes the finalizer of the object at `addr` (`SetFinalizer(p,
    /// nil)`); false when it had none.
    pub fn remove_finalizer(&self, addr: usize) -> bool {
        lock(&self.finalizers.lists).registered.remove(&addr)
    }

    /// Whether some finalizer is ready to run (a cheap check).
    #[inline]
    pub fn finalizers_ready(&self) -> bool {
        self.finalizers.any_ready.load(Relaxed)
    }

    /// The objects found unreachable whose finalizers should run now, in
    /// the order they were found. The caller keeps each one alive (a root)
    /// until its finalizer has it.
    pub fn take_ready_finalizers(&self) -> Vec<usize> {
        let mut l = lock(&self.finalizers.lists);
        self.finalizers.any_ready.store(false, Relaxed);
        std::mem::take(&mut l.ready)
    }

    /// Shades the ready list onto `gcw` (from `gc_start`: they are roots).
    pub(crate) fn shade_ready_finalizers(&self, gcw: &mut GcWork) {
        let l = lock(&self.finalizers.lists);
        for &a in &l.ready {
            self.shade_gcw(gcw, a);
        }
    }

    /// Steps 1 and 2 of the module docs, with the world stopped after a
    /// mark that left nothing grey; drains everything it shades.
    pub(crate) fn mark_finalizers(&self, gcw: &mut GcWork) {
        let mut l = lock(&self.finalizers.lists);
        if l.registered.is_empty() {
            return;
        }
        // 1. Referents of every finalizable object.
        for &a in &l.registered {
            if let Some(obj) = self.find_object(a) {
                self.scan_object_contents(gcw, obj);
            }
        }
        self.drain_all(gcw);
        // 2. The white ones are unreachable: ready, and kept for now.
        let mut found: Vec<usize> = l
            .registered
            .iter()
            .copied()
            .filter(|&a| {
                self.find_object(a).is_some_and(|(sp, idx)| {
                    // SAFETY: span structs live as long as the heap.
                    !unsafe { sp.get() }.is_marked(idx)
                })
            })
            .collect();
        // A stable order (the registry is a set): by address.
        found.sort_unstable();
        for &a in &found {
            l.registered.remove(&a);
            self.shade_gcw(gcw, a);
        }
        self.drain_all(gcw);
        if !found.is_empty() {
            l.ready.extend(found);
            self.finalizers.any_ready.store(true, Relaxed);
        }
    }
}
