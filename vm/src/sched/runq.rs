//! Run queues, the mechanism only: a P's bounded local queue (an owner
//! handle and a stealer handle over crossbeam-deque) and the global queue.
//! Policy (runnext, the 61st-tick fairness check, who steals from whom,
//! spinning) lives in `findrunnable.rs` (and runnext in `p.rs`).
//!
//! # Local queue
//! Go's `runq` is a 256-slot ring owned by its P: only the P's M pushes
//! and pops at its ends; thieves take half with a CAS on the head.
//! crossbeam-deque's FIFO `Worker`/`Stealer` is the same shape (owner
//! push/pop, lock-free batch steals) but unbounded, so the bound is a
//! length check: when the queue already holds [`LOCAL_CAP`] Gs, the owner
//! moves the older half plus the new G to the global queue in one batch,
//! as Go's `runqputslow` does. `len()` may be stale by concurrent steals,
//! which only makes the overflow move happen a little later or earlier;
//! the bound is a fairness device, not a memory-safety one.
//!
//! Steals take half of the victim's queue, capped at [`STEAL_CAP`] (128,
//! half of Go's ring), via `steal_batch_with_limit_and_pop` (the plain
//! `steal_batch_and_pop` would cap at 32).
//!
//! # Global queue
//! Go's `sched.runq` is a linked list under `sched.lock`; here it is a
//! crossbeam `Injector`, a lock-free FIFO, which removes `sched.lock` from
//! every `Gosched`/preemption. Batches move from it to a local queue with
//! `steal_batch_with_limit_and_pop` as `globrunqget` does.
//!
//! # The runnext slot
//! [`Next`] holds at most one `Arc` in one atomic pointer word: the owner
//! puts with a swap (getting back the G it displaced), takes with a swap,
//! and a thief takes with the same swap, so every operation is a single
//! atomic read-modify-write and no one ever waits. (It was a mutex around
//! an `Option`: a lock and an unlock for each put and each take, four
//! atomic operations on every goroutine switch through runnext.) A
//! non-null word owns one strong count of its `Arc` (`Arc::into_raw`);
//! whoever swaps it out owns that count again (`Arc::from_raw`). The
//! swaps are SeqCst: a put is the "publish" half of the lost-wakeup
//! argument (m.rs), so `wakep` after a put needs no fence of its own.
//!
//! Ownership: a `Local` is `Send` but not `Sync`; it lives inside its P
//! (`Mutex<Option<Local>>`) while no M holds the P, and inside the M's
//! context while one does. So "only the owner pushes" is enforced by the
//! type system, not by a comment.

use super::primitives::{Arc, AtomicPtr, Ordering};
use crossbeam_deque::{Injector, Steal, Stealer, Worker};

/// Go's local run queue size.
pub const LOCAL_CAP: usize = 256;
/// The most one steal takes: half of a full local queue.
pub const STEAL_CAP: usize = LOCAL_CAP / 2;

/// The owner's end of a P's local queue.
pub struct Local<T> {
    w: Worker<T>,
}

/// Anyone's end of a P's local queue: steal and look.
pub struct Thief<T> {
    s: Stealer<T>,
}

/// Retries crossbeam's transient `Retry` (a race with another thief).
fn settle<T>(mut f: impl FnMut() -> Steal<T>) -> Option<T> {
    loop {
        match f() {
            Steal::Success(v) => return Some(v),
            Steal::Empty => return None,
            Steal::Retry => std::hint::spin_loop(),
        }
    }
}

pub fn local<T>() -> (Local<T>, Thief<T>) {
    let w = Worker::new_fifo();
    let s = w.stealer();
    (Local { w }, Thief { s })
}

impl<T> Local<T> {
    /// Pushes at the tail; on overflow moves the older half and `g` to
    /// `global` (Go's `runqputslow`). Returns how many went global.
    pub fn push(&self, g: T, global: &Global<T>) -> usize {
        if self.w.len() < LOCAL_CAP {
            self.w.push(g);
            return 0;
        }
        let mut moved = 0;
        for _ in 0..LOCAL_CAP / 2 {
            match self.w.pop() {
                Some(old) => {
                    global.q.push(old);
                    moved += 1;
                }
                None => break,
            }
        }
        global.q.push(g);
        moved + 1
    }

    pub fn pop(&self) -> Option<T> {
        self.w.pop()
    }

    pub fn len(&self) -> usize {
        self.w.len()
    }

    pub fn is_empty(&self) -> bool {
        self.w.is_empty()
    }

    /// Takes half of `victim`'s queue (at most [`STEAL_CAP`]) into this
    /// one and returns one of them to run.
    pub fn steal_from(&self, victim: &Thief<T>) -> Option<T> {
        settle(|| victim.s.steal_batch_with_limit_and_pop(&self.w, STEAL_CAP))
    }

    /// Takes up to `n` Gs from the global queue (Go's `globrunqget`) and
    /// returns one of them to run.
    pub fn take_global(&self, global: &Global<T>, n: usize) -> Option<T> {
        settle(|| global.q.steal_batch_with_limit_and_pop(&self.w, n.max(1)))
    }
}

impl<T> Thief<T> {
    pub fn len(&self) -> usize {
        self.s.len()
    }

    pub fn is_empty(&self) -> bool {
        self.s.is_empty()
    }

    /// Takes one G (used when a retiring P empties itself).
    pub fn steal_one(&self) -> Option<T> {
        settle(|| self.s.steal())
    }
}

/// The global run queue.
pub struct Global<T> {
    q: Injector<T>,
}

impl<T> Default for Global<T> {
    fn default() -> Self {
        Global { q: Injector::new() }
    }
}

impl<T> Global<T> {
    pub fn push(&self, g: T) {
        self.q.push(g)
    }

    pub fn pop(&self) -> Option<T> {
        settle(|| self.q.steal())
    }

    pub fn len(&self) -> usize {
        self.q.len()
    }

    pub fn is_empty(&self) -> bool {
        self.q.is_empty()
    }
}

/// A P's runnext slot: at most one `Arc<T>`, put and taken by atomic
/// swaps (module docs).
pub struct Next<T> {
    /// Null, or a pointer from `Arc::into_raw` that owns one strong count.
    p: AtomicPtr<T>,
}

impl<T> Default for Next<T> {
    fn default() -> Self {
        Next {
            p: AtomicPtr::new(std::ptr::null_mut()),
        }
    }
}

// SAFETY: the slot only moves `Arc<T>`s between threads, whole (one
// owner of the count at a time), as a `Mutex<Option<Arc<T>>>` would; that
// is sound when `Arc<T>` is `Send`, i.e. when `T: Send + Sync`.
unsafe impl<T: Send + Sync> Send for Next<T> {}
// SAFETY: as above; `&Next` only offers atomic swaps and loads.
unsafe impl<T: Send + Sync> Sync for Next<T> {}

impl<T> Next<T> {
    /// Puts `g` in the slot and returns the one it displaced. SeqCst: the
    /// put is the publishing write of the lost-wakeup argument (m.rs).
    pub fn put(&self, g: Arc<T>) -> Option<Arc<T>> {
        let new = Arc::into_raw(g) as *mut T;
        let old = self.p.swap(new, Ordering::SeqCst);
        // SAFETY: a non-null word came from `Arc::into_raw` and owned one
        // count; the swap moved that ownership to us alone.
        (!old.is_null()).then(|| unsafe { Arc::from_raw(old) })
    }

    /// Takes the G in the slot, if any (the owner, or a thief).
    pub fn take(&self) -> Option<Arc<T>> {
        if self.p.load(Ordering::Relaxed).is_null() {
            // Nothing to take; no read-modify-write for an empty slot.
            // (A put racing with this look is seen by the next one: the
            // owner looks again each round, thieves are best-effort.)
            return None;
        }
        let old = self.p.swap(std::ptr::null_mut(), Ordering::AcqRel);
        // SAFETY: as in `put`.
        (!old.is_null()).then(|| unsafe { Arc::from_raw(old) })
    }

    /// Whether a G sits in the slot. SeqCst: the spinner's re-check in
    /// the lost-wakeup argument (m.rs) reads it after its fence.
    pub fn is_some(&self) -> bool {
        !self.p.load(Ordering::SeqCst).is_null()
    }
}

impl<T> Drop for Next<T> {
    fn drop(&mut self) {
        drop(self.take());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_slot_moves_counts_exactly() {
        let n = Next::default();
        let a = Arc::new(1);
        let b = Arc::new(2);
        assert!(n.put(a.clone()).is_none());
        assert!(n.is_some());
        let old = n.put(b.clone()).map(|x| *x);
        assert_eq!(old, Some(1));
        assert_eq!(Arc::strong_count(&a), 1, "the displaced G came back");
        assert_eq!(n.take().map(|x| *x), Some(2));
        assert!(n.take().is_none());
        n.put(b.clone());
        drop(n);
        assert_eq!(Arc::strong_count(&b), 1, "dropping the slot frees its G");
    }

    #[test]
    fn next_slot_racing_takers_get_each_g_once() {
        let n = Arc::new(Next::default());
        let taken = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let mut ts = Vec::new();
        for _ in 0..3 {
            let (n, taken) = (n.clone(), taken.clone());
            ts.push(std::thread::spawn(move || {
                for _ in 0..20_000 {
                    if n.take().is_some() {
                        taken.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }));
        }
        let g = Arc::new(0u8);
        let mut displaced = 0;
        for _ in 0..20_000 {
            if n.put(g.clone()).is_some() {
                displaced += 1;
            }
        }
        for t in ts {
            t.join().expect("taker");
        }
        let left = n.take().is_some() as usize;
        assert_eq!(taken.load(Ordering::Relaxed) + displaced + left, 20_000);
        assert_eq!(Arc::strong_count(&g), 1);
    }

    #[test]
    fn overflow_moves_half_to_global_in_order() {
        let g = Global::default();
        let (l, _t) = local();
        for i in 0..LOCAL_CAP {
            assert_eq!(l.push(i, &g), 0);
        }
        assert_eq!(l.push(LOCAL_CAP, &g), LOCAL_CAP / 2 + 1);
        assert_eq!(l.len(), LOCAL_CAP / 2);
        // The oldest half went first, in FIFO order, then the new one.
        let from_global: Vec<usize> = std::iter::from_fn(|| g.pop()).collect();
        let mut want: Vec<usize> = (0..LOCAL_CAP / 2).collect();
        want.push(LOCAL_CAP);
        assert_eq!(from_global, want);
        assert_eq!(l.pop(), Some(LOCAL_CAP / 2));
    }

    #[test]
    fn steal_takes_half() {
        let g = Global::default();
        let (victim, thief) = local();
        for i in 0..100 {
            victim.push(i, &g);
        }
        let (me, _) = local::<i32>();
        let first = me.steal_from(&thief);
        assert_eq!(first, Some(0));
        assert_eq!(me.len() + 1, 50);
        assert_eq!(victim.len(), 50);
    }

    #[test]
    fn global_batch() {
        let g = Global::default();
        for i in 0..10 {
            g.push(i);
        }
        let (me, _) = local();
        assert_eq!(me.take_global(&g, 4), Some(0));
        assert_eq!(me.len(), 3);
        assert_eq!(g.len(), 6);
    }
}
