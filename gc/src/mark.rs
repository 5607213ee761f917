//! Marking: finding and marking the object a word points to, the rules
//! for what counts as a pointer, and the heap verifier (part of Go's
//! `mgcmark.go`).
//!
//! # Colours
//! White: allocated, mark bit clear. Grey: mark bit set and on a grey
//! queue (gcwork.rs; noscan objects skip grey: they turn black at once).
//! Black: mark bit set and scanned. The queues hold (span, index) pairs
//! and are used as stacks, so depth-first order keeps them short on
//! lists, and a million-node list never recurses.
//!
//! # What counts as a pointer
//! Every root word and every heap word whose bit is set is *checked*, not
//! trusted: it greys an object only if it falls inside an in-use span, at an
//! index below `nelems`, on an allocated slot. So a root that merely looks
//! like a pointer keeps at most an allocated object alive (conservative
//! roots are safe), and a racy or stale heap word cannot make the collector
//! touch free memory. An interior pointer keeps its whole object alive.
//!
//! # Concurrency
//! Marking runs while mutators run (cycle.rs): mark bits are set with an
//! atomic `fetch_or`, so exactly one agent marks and queues each object,
//! and heap words are read with atomic loads, since a mutator may store
//! into them (through the write barrier) at the same time. The drain
//! loop, stack jobs and work accounting live in cycle.rs; the queues in
//! gcwork.rs; the stop-the-world re-mark (checkmark) in checkmark.rs.

use crate::heap::Heap;
use crate::lock::{AtomicUsize, Ordering::*};
use crate::span::SpanPtr;

/// Load a heap word. Atomic so that a concurrent store by a mutator is a
/// race on a value, never undefined behaviour; `Acquire` pairs with the
/// `Release` store of [`Heap::write_pointer`], so a marker that finds a
/// pointer to a fresh object also sees the object's allocation and
/// pointer bits written before it was published.
///
/// # Safety
/// `addr` is 8-aligned and inside an allocated object of an in-use span.
#[inline]
pub(crate) unsafe fn load_word(addr: usize) -> usize {
    // SAFETY: by the caller's promise the address is aligned, mapped and part
    // of a live object; AtomicUsize has the layout of usize.
    unsafe { (*(addr as *const AtomicUsize)).load(Acquire) }
}

impl Heap {
    /// The allocated object containing `addr`: (span, index).
    #[inline]
    pub(crate) fn find_object(&self, addr: usize) -> Option<(SpanPtr, usize)> {
        let sp = self.pages.span_of(addr)?;
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        let idx = s.obj_index(addr);
        if idx >= s.nelems() || !s.is_allocated(idx) {
            return None;
        }
        Some((sp, idx))
    }

    /// Mark the object `word` points into, if it is one and is white
    /// (Go's `shade` minus the queueing): returns (span, index, size,
    /// has pointers) when this call marked it, so the caller queues it
    /// grey where it belongs (a `GcWork`, a barrier buffer).
    #[inline]
    pub(crate) fn mark_object(&self, word: usize) -> Option<(SpanPtr, usize, u64, bool)> {
        let (sp, idx) = self.find_object(word)?;
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        if !s.mark(idx) {
            return None;
        }
        Some((sp, idx, s.elem_size() as u64, !s.span_class().noscan()))
    }
}

/// A problem the verifier found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerifyError {
    /// A black (marked, scanned) object holds a pointer to a white
    /// (allocated, unmarked) object: the tri-color invariant is broken.
    BlackToWhite {
        /// Base of the black object.
        from: usize,
        /// The pointer word's value.
        to: usize,
    },
    /// A live object holds a pointer into a heap span, but not to an
    /// allocated object.
    Dangling {
        /// Base of the live object.
        from: usize,
        /// The pointer word's value.
        to: usize,
    },
    /// A root points to an allocated object that is not marked.
    UnmarkedRoot {
        /// The root word.
        root: usize,
    },
    /// Checkmark: an object reachable from the roots was left white.
    ReachableWhite {
        /// Base of the white object.
        object: usize,
        /// Base of the object that points to it, or 0 for a root.
        from: usize,
    },
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VerifyError::BlackToWhite { from, to } => {
                write!(
                    f,
                    "black object {from:#x} points to white object at {to:#x}"
                )
            }
            VerifyError::Dangling { from, to } => {
                write!(f, "object {from:#x} points to free heap memory at {to:#x}")
            }
            VerifyError::UnmarkedRoot { root } => {
                write!(f, "root {root:#x} points to an unmarked object")
            }
            VerifyError::ReachableWhite { object, from: 0 } => {
                write!(f, "object {object:#x}, referenced by a root, is unmarked")
            }
            VerifyError::ReachableWhite { object, from } => {
                write!(
                    f,
                    "object {object:#x}, referenced by marked object {from:#x}, is unmarked"
                )
            }
        }
    }
}

impl std::error::Error for VerifyError {}

/// What the verifier counted: the live heap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeapCensus {
    /// Live objects.
    pub objects: u64,
    /// Their size-class bytes.
    pub bytes: u64,
    /// Pointer words checked.
    pub pointers: u64,
}

impl Heap {
    /// Check, with the world stopped, that every live object's pointer
    /// words point to live objects (or outside the heap), where "live" is
    /// decided by `live(span, index)`. `black_to_white` selects which error
    /// a violation is reported as.
    pub(crate) fn check_graph(
        &self,
        live: &dyn Fn(SpanPtr, usize) -> bool,
        black_to_white: bool,
    ) -> Result<HeapCensus, VerifyError> {
        let mut census = HeapCensus::default();
        for sp in self.all_spans() {
            // SAFETY: span structs live as long as the heap.
            let s = unsafe { sp.get() };
            for idx in 0..s.nelems() {
                if !s.is_allocated(idx) || !live(sp, idx) {
                    continue;
                }
                census.objects += 1;
                census.bytes += s.elem_size() as u64;
                let from = s.obj_base(idx);
                let mut err = None;
                // SAFETY: the object is allocated and live; world stopped.
                unsafe {
                    s.for_each_pointer_word(idx, &mut |a| {
                        // SAFETY: a word of this live object.
                        let v = load_word(a);
                        census.pointers += 1;
                        if err.is_some() || self.pages.span_of(v).is_none() {
                            return;
                        }
                        match self.find_object(v) {
                            Some((tsp, tidx)) if live(tsp, tidx) => {}
                            Some(_) if black_to_white => {
                                err = Some(VerifyError::BlackToWhite { from, to: v })
                            }
                            _ => err = Some(VerifyError::Dangling { from, to: v }),
                        }
                    })
                };
                if let Some(e) = err {
                    return Err(e);
                }
            }
        }
        Ok(census)
    }
}
