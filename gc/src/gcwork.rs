//! Grey work queues (Go's `mgcwork.go`): where marked-but-unscanned
//! objects wait, shared by every agent that marks: background workers,
//! idle Ps, mark assists and the write barrier.
//!
//! # Structure
//! * A [`WorkBuf`] holds up to [`WORK_BUF_ENTRIES`] grey objects, each a
//!   (span, index) pair.
//! * The global [`WorkQueues`] keep a list of *full* (non-empty) buffers,
//!   behind one lock, and a pool of empty ones, so buffers are recycled
//!   rather than reallocated on every hand-off.
//! * Each worker owns a [`GcWork`] with two buffers, `wbuf1` and `wbuf2`
//!   (Go's design): `put` and `try_get` work on `wbuf1` and swap with
//!   `wbuf2` before they touch the global list, so a worker alternating
//!   between a full and an empty primary buffer does not hit the lock on
//!   every object (the hysteresis Go's two-buffer scheme buys).
//!
//! # Balancing
//! When the global list is empty, a draining worker gives away work
//! ([`GcWork::balance`]): its whole `wbuf2` if it holds anything, else
//! half of `wbuf1`. Idle workers and assists then find work in the
//! global list.
//!
//! # Termination (who can hold grey objects)
//! A grey object is always in exactly one of: the global full list, the
//! `GcWork` of a worker that is inside a mark call (`mark_work`, an
//! assist, a stop-the-world drain), or the write-barrier buffer of a
//! [`Cache`](crate::Cache). A `GcWork` is disposed (flushed to the global
//! list) before its mark call returns, so between calls it is empty. The
//! mark is complete when the global list is empty, no mark call is in
//! progress, every root job is done, and every barrier buffer is empty;
//! the last condition can only be checked with the world stopped
//! (`cycle.rs`: mark termination checks it and resumes marking if it
//! fails), because mutators shade concurrently into their own buffers.
//!
//! # Rejected alternatives
//! * Go's lock-free stack of buffers: one mutex taken once per 256 objects
//!   is not contended at gol's scale, and it is simpler to trust.
//! * A crossbeam `Injector` of single objects: one atomic operation per
//!   object instead of per buffer, and no notion of a full buffer to hand
//!   over whole.

use crate::lock::{lock, AtomicUsize, Mutex, Ordering::*};
use crate::span::SpanPtr;

/// A grey object: its span and index in the span.
pub(crate) type Grey = (SpanPtr, usize);

/// Objects per buffer (Go's wbufs are 2 KiB: 253 pointers).
pub(crate) const WORK_BUF_ENTRIES: usize = 256;

/// A buffer of grey objects, never holding more than
/// [`WORK_BUF_ENTRIES`].
pub(crate) struct WorkBuf {
    objs: Vec<Grey>,
}

impl WorkBuf {
    pub(crate) fn new() -> WorkBuf {
        WorkBuf {
            objs: Vec::with_capacity(WORK_BUF_ENTRIES),
        }
    }
    #[inline]
    pub(crate) fn is_full(&self) -> bool {
        self.objs.len() >= WORK_BUF_ENTRIES
    }
    #[inline]
    pub(crate) fn is_empty(&self) -> bool {
        self.objs.is_empty()
    }
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.objs.len()
    }
    #[inline]
    pub(crate) fn push(&mut self, g: Grey) {
        debug_assert!(!self.is_full(), "push onto a full work buffer");
        self.objs.push(g);
    }
    #[inline]
    pub(crate) fn pop(&mut self) -> Option<Grey> {
        self.objs.pop()
    }
}

/// The global lists (see the module docs). Every field is behind its own
/// lock or atomic; `nfull` mirrors the full list's length for lock-free
/// "is there work?" checks (a stale read only delays a worker by one
/// check; the authoritative test takes the lock).
#[derive(Default)]
pub(crate) struct WorkQueues {
    full: Mutex<Vec<WorkBuf>>,
    empty: Mutex<Vec<WorkBuf>>,
    /// Length of `full`. Written under `full`'s lock (Release), read
    /// without it (Acquire) as a hint.
    nfull: AtomicUsize,
}

impl WorkQueues {
    /// Hand a non-empty buffer to the global list.
    pub(crate) fn put_full(&self, b: WorkBuf) {
        debug_assert!(!b.is_empty());
        let mut f = lock(&self.full);
        f.push(b);
        self.nfull.store(f.len(), Release);
    }

    /// Take a non-empty buffer, if any.
    pub(crate) fn get_full(&self) -> Option<WorkBuf> {
        if self.nfull.load(Acquire) == 0 {
            return None;
        }
        let mut f = lock(&self.full);
        let b = f.pop();
        self.nfull.store(f.len(), Release);
        b
    }

    /// An empty buffer, recycled when possible.
    pub(crate) fn get_empty(&self) -> WorkBuf {
        lock(&self.empty).pop().unwrap_or_else(WorkBuf::new)
    }

    /// Return an empty buffer to the pool.
    pub(crate) fn put_empty(&self, b: WorkBuf) {
        debug_assert!(b.is_empty());
        lock(&self.empty).push(b);
    }

    /// Whether the global list holds no work (a hint unless the caller
    /// knows no one else is pushing, e.g. with the world stopped).
    pub(crate) fn is_empty(&self) -> bool {
        self.nfull.load(Acquire) == 0
    }

    /// Number of grey objects in the global list (world stopped; tests).
    #[cfg(test)]
    pub(crate) fn count(&self) -> usize {
        lock(&self.full).iter().map(WorkBuf::len).sum()
    }
}

/// A worker's local grey queue and the counters it accumulates until it
/// is disposed (Go's `gcWork`). Owned by one worker at a time.
pub(crate) struct GcWork {
    wbuf1: WorkBuf,
    wbuf2: WorkBuf,
    /// Bytes of objects this worker marked (shaded white -> grey/black).
    pub(crate) bytes_marked: u64,
    /// Objects this worker marked.
    pub(crate) objects_marked: u64,
    /// Scan work done (bytes of objects scanned, plus root words).
    pub(crate) scan_work: u64,
}

impl Default for GcWork {
    fn default() -> GcWork {
        GcWork {
            wbuf1: WorkBuf::new(),
            wbuf2: WorkBuf::new(),
            bytes_marked: 0,
            objects_marked: 0,
            scan_work: 0,
        }
    }
}

impl GcWork {
    /// Queue a grey object.
    #[inline]
    pub(crate) fn put(&mut self, q: &WorkQueues, g: Grey) {
        if self.wbuf1.is_full() {
            std::mem::swap(&mut self.wbuf1, &mut self.wbuf2);
            if self.wbuf1.is_full() {
                let full = std::mem::replace(&mut self.wbuf1, q.get_empty());
                q.put_full(full);
            }
        }
        self.wbuf1.push(g);
    }

    /// Take a grey object: local first, then the global list.
    #[inline]
    pub(crate) fn try_get(&mut self, q: &WorkQueues) -> Option<Grey> {
        if let Some(g) = self.wbuf1.pop() {
            return Some(g);
        }
        std::mem::swap(&mut self.wbuf1, &mut self.wbuf2);
        if let Some(g) = self.wbuf1.pop() {
            return Some(g);
        }
        let full = q.get_full()?;
        let empty = std::mem::replace(&mut self.wbuf1, full);
        q.put_empty(empty);
        self.wbuf1.pop()
    }

    /// Give work to the global list if it has none (module docs).
    pub(crate) fn balance(&mut self, q: &WorkQueues) {
        if !q.is_empty() {
            return;
        }
        if !self.wbuf2.is_empty() {
            let b = std::mem::replace(&mut self.wbuf2, q.get_empty());
            q.put_full(b);
        } else if self.wbuf1.len() > 4 {
            let mut half = q.get_empty();
            for _ in 0..self.wbuf1.len() / 2 {
                if let Some(g) = self.wbuf1.pop() {
                    half.push(g);
                }
            }
            q.put_full(half);
        }
    }

    /// Whether both local buffers are empty.
    pub(crate) fn is_empty(&self) -> bool {
        self.wbuf1.is_empty() && self.wbuf2.is_empty()
    }

    /// Flush every local grey object to the global list. The counters stay
    /// for the caller to fold into the cycle's totals.
    pub(crate) fn dispose(&mut self, q: &WorkQueues) {
        for b in [&mut self.wbuf1, &mut self.wbuf2] {
            if !b.is_empty() {
                let full = std::mem::replace(b, q.get_empty());
                q.put_full(full);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ptr::NonNull;

    fn fake(i: usize) -> Grey {
        // Never dereferenced: the queues only move pairs around.
        (SpanPtr(NonNull::dangling()), i)
    }

    #[test]
    fn put_spills_full_buffers_and_get_refills() {
        let q = WorkQueues::default();
        let mut a = GcWork::default();
        let n = WORK_BUF_ENTRIES * 5 + 7;
        for i in 0..n {
            a.put(&q, fake(i));
        }
        // Two buffers stay local; the rest went global.
        assert_eq!(q.count(), n - WORK_BUF_ENTRIES - 7);
        // Another worker can drain what was spilled, and the owner the rest.
        let mut b = GcWork::default();
        let mut seen = vec![false; n];
        while let Some((_, i)) = b.try_get(&q) {
            assert!(!seen[i]);
            seen[i] = true;
        }
        while let Some((_, i)) = a.try_get(&q) {
            assert!(!seen[i]);
            seen[i] = true;
        }
        assert!(seen.iter().all(|&s| s), "every object taken exactly once");
        assert!(q.is_empty() && a.is_empty() && b.is_empty());
    }

    #[test]
    fn balance_and_dispose_share_local_work() {
        let q = WorkQueues::default();
        let mut a = GcWork::default();
        for i in 0..100 {
            a.put(&q, fake(i));
        }
        assert!(q.is_empty());
        a.balance(&q);
        assert_eq!(q.count(), 50, "half of wbuf1 given away");
        a.dispose(&q);
        assert!(a.is_empty());
        assert_eq!(q.count(), 100);
    }
}
