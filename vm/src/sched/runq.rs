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
//! Ownership: a `Local` is `Send` but not `Sync`; it lives inside its P
//! (`Mutex<Option<Local>>`) while no M holds the P, and inside the M's
//! context while one does. So "only the owner pushes" is enforced by the
//! type system, not by a comment.

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

#[cfg(test)]
mod tests {
    use super::*;

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
