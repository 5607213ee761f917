//! Marking: from the roots the VM enumerates, through the pointer words of
//! every reached object, with an explicit grey queue (Go's `mgcmark.go` and
//! `mgcwork.go`, stop-the-world for now), and the heap verifier.
//!
//! # Colours
//! White: allocated, mark bit clear. Grey: mark bit set and on the queue
//! (noscan objects skip grey: they turn black at once). Black: mark bit set
//! and scanned. The queue holds (span, index) pairs; it is a `Vec` used as a
//! stack, so depth-first order keeps it short on lists, and a
//! million-node list never recurses.
//!
//! # What counts as a pointer
//! Every root word and every heap word whose bit is set is *checked*, not
//! trusted: it greys an object only if it falls inside an in-use span, at an
//! index below `nelems`, on an allocated slot. So a root that merely looks
//! like a pointer keeps at most an allocated object alive (conservative
//! roots are safe), and a racy or stale heap word cannot make the collector
//! touch free memory. An interior pointer keeps its whole object alive.
//!
//! # Work accounting
//! [`Heap::mark_step`] drains at most a budget of scan work (bytes scanned)
//! and returns what it did: the unit mark assist will pay in once marking
//! is concurrent.
//!
//! # Concurrent marking (to come)
//! The queue becomes per-worker buffers with a global list (Go's `gcWork`),
//! mark bits are already atomic, and heap words are read with atomic loads
//! already, since a mutator may store into them during concurrent mark.

use crate::heap::Heap;
use crate::span::SpanPtr;
use crate::sync::{AtomicUsize, Ordering::*};

/// The state of one mark: the grey queue and counters.
#[derive(Default)]
pub(crate) struct MarkState {
    grey: Vec<(SpanPtr, usize)>,
    /// Bytes of objects marked.
    pub(crate) marked_bytes: u64,
    /// Objects marked.
    pub(crate) marked_objects: u64,
    /// Bytes of objects scanned.
    pub(crate) scanned_bytes: u64,
}

impl MarkState {
    pub(crate) fn is_empty(&self) -> bool {
        self.grey.is_empty()
    }

    /// Take over objects some other agent (the write barrier) already
    /// marked and queued.
    pub(crate) fn take_grey(&mut self, grey: &mut Vec<(SpanPtr, usize)>) {
        self.grey.append(grey);
    }
}

/// Load a heap word. Atomic (`Relaxed`) so that a concurrent store by a
/// mutator is a race on a value, never undefined behaviour.
///
/// # Safety
/// `addr` is 8-aligned and inside an allocated object of an in-use span.
#[inline]
pub(crate) unsafe fn load_word(addr: usize) -> usize {
    // SAFETY: by the caller's promise the address is aligned, mapped and part
    // of a live object; AtomicUsize has the layout of usize.
    unsafe { (*(addr as *const AtomicUsize)).load(Relaxed) }
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

    /// Grey the object `word` points into, if it is one.
    #[inline]
    pub(crate) fn grey(&self, st: &mut MarkState, word: usize) {
        if let Some(bytes) = self.shade(&mut st.grey, word) {
            st.marked_bytes += bytes;
            st.marked_objects += 1;
        }
    }

    /// Mark the object `word` points into, if it is one and is white, and
    /// queue it on `queue` if it has pointers. Returns its size when this
    /// call marked it (Go's `shade`).
    #[inline]
    pub(crate) fn shade(&self, queue: &mut Vec<(SpanPtr, usize)>, word: usize) -> Option<u64> {
        let (sp, idx) = self.find_object(word)?;
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        if !s.mark(idx) {
            return None;
        }
        if !s.span_class().noscan() {
            queue.push((sp, idx));
        }
        Some(s.elem_size() as u64)
    }

    /// Scan grey objects until the queue is empty or `budget_bytes` of scan
    /// work was done; returns the work done (bytes scanned).
    pub(crate) fn mark_step(&self, st: &mut MarkState, budget_bytes: u64) -> u64 {
        let mut done = 0u64;
        while done < budget_bytes {
            let Some((sp, idx)) = st.grey.pop() else {
                break;
            };
            // SAFETY: span structs live as long as the heap.
            let s = unsafe { sp.get() };
            // SAFETY: the object is marked, hence allocated and live, in an
            // in-use span; the world is stopped so nobody re-initialises it.
            let n = unsafe {
                s.for_each_pointer_word(idx, &mut |a| {
                    // SAFETY: `a` is a word of this live object.
                    let w = load_word(a);
                    self.grey(st, w);
                })
            };
            done += n as u64;
        }
        st.scanned_bytes += done;
        done
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
