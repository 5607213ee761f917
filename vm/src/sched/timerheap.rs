//! A P's timer heap (Go's `p.timers`): the mechanism under `timer.rs`.
//!
//! A min-heap of entries ordered by deadline, then by arming order, so
//! equal deadlines fire FIFO. An entry's action is opaque here (`A`):
//! `timer.rs` arms "ready this G" or "call this function" and runs
//! whatever [`Timers::take_expired`] returns after the heap lock is
//! released.
//!
//! Cancellation is lazy: [`TimerHandle::stop`] sets the entry's
//! `cancelled` flag and the entry is dropped when it reaches the top (or
//! when the heap is drained). Exactly one of "stopped before firing" and
//! "fired" wins, through the `cancelled` swap and the `fired` flag.
//!
//! # Invariants
//! 1. `next_ns` equals the earliest deadline in the heap (`u64::MAX` when
//!    empty) whenever the heap lock is released; it is written under the
//!    lock (Release) and read without it (Acquire) by any M and sysmon.
//! 2. An entry's action is returned at most once, and never after a
//!    `stop` that returned true.
//!
//! Rejected: a timing wheel (its granularity would round every sleep;
//! Go's runtime keeps heaps too), and eager removal on stop (it needs the
//! entry's heap index, kept up to date on every sift, for no gain while
//! stopped entries are rare).

use super::primitives::{Arc, AtomicBool, AtomicU64, Mutex, Ordering};
use std::cmp::Ordering as CmpOrdering;
use std::collections::BinaryHeap;

/// A handle that stops a timer (Go's `Timer.Stop`).
#[derive(Clone)]
pub struct TimerHandle {
    cancelled: Arc<AtomicBool>,
    fired: Arc<AtomicBool>,
}

impl TimerHandle {
    /// Stops the timer; true if it had not fired yet (Go's `Stop` result).
    pub fn stop(&self) -> bool {
        // Pairs with the swap on `fired` in `take_expired`: exactly one of
        // "stopped before firing" and "fired" wins.
        !self.cancelled.swap(true, Ordering::AcqRel) && !self.fired.load(Ordering::Acquire)
    }
}

struct Entry<A> {
    when_ns: u64,
    seq: u64,
    action: A,
    cancelled: Arc<AtomicBool>,
    fired: Arc<AtomicBool>,
}

impl<A> PartialEq for Entry<A> {
    fn eq(&self, o: &Self) -> bool {
        (self.when_ns, self.seq) == (o.when_ns, o.seq)
    }
}
impl<A> Eq for Entry<A> {}
impl<A> PartialOrd for Entry<A> {
    fn partial_cmp(&self, o: &Self) -> Option<CmpOrdering> {
        Some(self.cmp(o))
    }
}
impl<A> Ord for Entry<A> {
    fn cmp(&self, o: &Self) -> CmpOrdering {
        // Reversed: BinaryHeap is a max-heap, we want the earliest first.
        (o.when_ns, o.seq).cmp(&(self.when_ns, self.seq))
    }
}

/// One P's timers.
pub struct Timers<A> {
    heap: Mutex<Inner<A>>,
    /// Earliest deadline, `u64::MAX` if none. Written under `heap`'s lock
    /// (Release), read without it (Acquire) by any M and by sysmon.
    next_ns: AtomicU64,
}

struct Inner<A> {
    heap: BinaryHeap<Entry<A>>,
    seq: u64,
}

impl<A> Default for Timers<A> {
    fn default() -> Self {
        Timers {
            heap: Mutex::new(Inner {
                heap: BinaryHeap::new(),
                seq: 0,
            }),
            next_ns: AtomicU64::new(u64::MAX),
        }
    }
}

impl<A> Timers<A> {
    /// Arms a timer; returns its handle and whether it became the earliest.
    pub fn add(&self, when_ns: u64, action: A) -> (TimerHandle, bool) {
        let cancelled = Arc::new(AtomicBool::new(false));
        let fired = Arc::new(AtomicBool::new(false));
        let mut h = self.heap.lock();
        h.seq += 1;
        let seq = h.seq;
        h.heap.push(Entry {
            when_ns,
            seq,
            action,
            cancelled: cancelled.clone(),
            fired: fired.clone(),
        });
        let earliest = when_ns < self.next_ns.load(Ordering::Relaxed);
        if earliest {
            self.next_ns.store(when_ns, Ordering::Release);
        }
        (TimerHandle { cancelled, fired }, earliest)
    }

    /// The earliest deadline, if any.
    pub fn next(&self) -> Option<u64> {
        match self.next_ns.load(Ordering::Acquire) {
            u64::MAX => None,
            n => Some(n),
        }
    }

    pub fn len(&self) -> usize {
        self.heap.lock().heap.len()
    }

    pub fn is_empty(&self) -> bool {
        self.next().is_none()
    }

    /// Removes the timers due at `now_ns` (cancelled ones are dropped).
    /// With `try_only`, gives up if another M is already at this heap.
    pub fn take_expired(&self, now_ns: u64, try_only: bool, out: &mut Vec<A>) {
        if self.next_ns.load(Ordering::Acquire) > now_ns {
            return;
        }
        let mut h = match if try_only {
            self.heap.try_lock()
        } else {
            Some(self.heap.lock())
        } {
            Some(h) => h,
            None => return,
        };
        while let Some(top) = h.heap.peek() {
            if top.when_ns > now_ns && !top.cancelled.load(Ordering::Acquire) {
                break;
            }
            let Some(e) = h.heap.pop() else { break };
            if e.cancelled.load(Ordering::Acquire) {
                continue;
            }
            e.fired.store(true, Ordering::Release);
            if e.cancelled.load(Ordering::Acquire) {
                // `stop` won the race after all: it reported "not fired".
                continue;
            }
            out.push(e.action);
        }
        let next = h.heap.peek().map_or(u64::MAX, |e| e.when_ns);
        self.next_ns.store(next, Ordering::Release);
    }

    /// Empties the heap (a P retiring on a GOMAXPROCS decrease moves its
    /// timers elsewhere; shutdown drops them).
    pub fn drain(&self) -> Vec<(u64, A)> {
        let mut h = self.heap.lock();
        let v = std::mem::take(&mut h.heap)
            .into_iter()
            .filter(|e| !e.cancelled.load(Ordering::Acquire))
            .map(|e| (e.when_ns, e.action))
            .collect();
        self.next_ns.store(u64::MAX, Ordering::Release);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_in_deadline_then_arming_order() {
        let t = Timers::default();
        t.add(30, "c");
        t.add(10, "a");
        t.add(10, "b");
        let (h, _) = t.add(20, "x");
        assert!(h.stop());
        assert_eq!(t.next(), Some(10));
        let mut out = vec![];
        t.take_expired(25, false, &mut out);
        assert_eq!(out, vec!["a", "b"]);
        assert_eq!(t.next(), Some(30));
        t.take_expired(30, false, &mut out);
        assert_eq!(out, vec!["a", "b", "c"]);
        assert!(t.is_empty());
    }

    #[test]
    fn stop_after_fire_reports_false() {
        let t = Timers::default();
        let (h, first) = t.add(5, ());
        assert!(first);
        let mut out = vec![];
        t.take_expired(5, false, &mut out);
        assert_eq!(out.len(), 1);
        assert!(!h.stop());
    }
}
