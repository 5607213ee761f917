//! Stopping the world (Go's `stopTheWorld` / `startTheWorld`).
//!
//! # The algorithm
//! Every M counts itself in `running` while it executes a goroutine's
//! slice (or a timer callback): [`World::enter`] before it takes the G's
//! state, [`World::leave`] after the executor returns. A goroutine that
//! needs the world stopped (the collector at a safepoint, `runtime.GC`,
//! `ReadMemStats`) calls [`World::stop`] from inside its own slice: it
//! leaves the count, takes the stopper lock (one stop at a time), raises
//! `stopping` and waits until `running` is zero. [`STOP_HINT`] makes a
//! running slice end at its next backward jump or instruction outside the
//! interpreter's fast loop (at the latest at its budget check, calls and
//! backward jumps), so every other M soon leaves; an M that wants to enter while
//! `stopping` is up waits on the condition variable instead. Then no
//! other M is running gol code, and every other G's state is unlocked and
//! scannable. [`World::start`] lowers the flag, wakes the waiters and
//! re-enters (waiting, like any other M, if a second stopper got in
//! first).
//!
//! # Invariants
//! * `stopping` is raised only by the holder of `stopper`; while it is up
//!   and `running` is zero no M is inside a slice.
//! * No lost wakeup: `enter` increments `running` and then reads
//!   `stopping`; `stop` raises `stopping` and then reads `running`. Both
//!   are SeqCst (Dekker's pattern): at least one of them sees the other,
//!   so either the entering M backs out or the stopper waits for it. An M
//!   that leaves while a stop is pending notifies under the lock, and the
//!   stopper re-reads `running` under the same lock before it waits (plus
//!   a timed wait as a backstop).
//! * A stopper leaves the count *before* taking `stopper`, so two Gs that
//!   both want a stop never wait for each other: the second one is not
//!   counted while it queues behind the first.
//!
//! Rejected: a reader-writer lock held across each slice (a stopper runs
//! inside its own slice and would have to drop a guard that lives in the
//! scheduler's frame); signals to interrupt running Ms (Go's async
//! preemption: the budget checks give the same bound without them).

use super::primitives::{AtomicBool, AtomicUsize, Condvar, Mutex, MutexGuard, Ordering};
use std::time::Duration;

/// Stops of the world pending or in force, in every scheduler of the
/// process: a hint the interpreter's fast loop reads at each backward jump
/// (one compare with a static address, no register) so that a goroutine
/// in a loop without other safepoints ends its slice within a few
/// instructions of a stop request instead of a whole slice budget later.
/// Process-wide, so a stop in one VM may end slices early in another:
/// harmless, a slice may always end early.
pub static STOP_HINT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

#[derive(Default)]
pub struct World {
    running: AtomicUsize,
    stopping: AtomicBool,
    lock: Mutex<()>,
    cv: Condvar,
    stopper: Mutex<()>,
}

/// Proof that the world is stopped (it holds the stopper lock); give it
/// back to [`World::start`].
pub struct Stopped<'a> {
    _stopper: MutexGuard<'a, ()>,
}

impl World {
    pub fn new() -> World {
        World::default()
    }

    /// Counts this M in; waits while the world is stopped. Whether it
    /// waited (a tracer dates the M's next segment after the pause).
    pub fn enter(&self) -> bool {
        let mut waited = false;
        loop {
            self.running.fetch_add(1, Ordering::SeqCst);
            if !self.stopping.load(Ordering::SeqCst) {
                return waited;
            }
            waited = true;
            self.leave();
            let mut l = self.lock.lock();
            while self.stopping.load(Ordering::SeqCst) {
                l = self.cv.wait_timeout(l, Duration::from_millis(10));
            }
        }
    }

    /// Counts this M out.
    pub fn leave(&self) {
        if self.running.fetch_sub(1, Ordering::SeqCst) == 1 && self.stopping.load(Ordering::SeqCst)
        {
            let _l = self.lock.lock();
            self.cv.notify_all();
        }
    }

    /// Stops the world from inside a slice (the caller has entered).
    pub fn stop(&self) -> Stopped<'_> {
        self.leave();
        let g = self.stopper.lock();
        STOP_HINT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.stopping.store(true, Ordering::SeqCst);
        let mut l = self.lock.lock();
        while self.running.load(Ordering::SeqCst) != 0 {
            l = self.cv.wait_timeout(l, Duration::from_millis(1));
        }
        drop(l);
        Stopped { _stopper: g }
    }

    /// Restarts the world and re-enters the caller.
    pub fn start(&self, s: Stopped<'_>) {
        {
            let _l = self.lock.lock();
            self.stopping.store(false, Ordering::SeqCst);
            STOP_HINT.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
            self.cv.notify_all();
        }
        drop(s);
        self.enter();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU64;
    use std::sync::Arc;

    /// Threads run "slices" (entered, bumping a count of Ms inside) while
    /// others stop the world; every stopper must see nobody inside, and
    /// two stoppers at once must not deadlock each other.
    #[test]
    fn stopped_world_has_nobody_inside() {
        let w = Arc::new(World::new());
        let inside = Arc::new(AtomicU64::new(0));
        let stops = Arc::new(AtomicU64::new(0));
        let mut ts = Vec::new();
        for t in 0..6 {
            let (w, inside, stops) = (w.clone(), inside.clone(), stops.clone());
            ts.push(std::thread::spawn(move || {
                for i in 0..2_000u32 {
                    w.enter();
                    inside.fetch_add(1, Ordering::SeqCst);
                    if t < 2 && i % 20 == 0 {
                        inside.fetch_sub(1, Ordering::SeqCst);
                        let s = w.stop();
                        assert_eq!(
                            inside.load(Ordering::SeqCst),
                            0,
                            "an M ran in a stopped world"
                        );
                        stops.fetch_add(1, Ordering::SeqCst);
                        w.start(s);
                        inside.fetch_add(1, Ordering::SeqCst);
                    }
                    std::hint::spin_loop();
                    inside.fetch_sub(1, Ordering::SeqCst);
                    w.leave();
                }
            }));
        }
        for t in ts {
            t.join().expect("thread");
        }
        assert_eq!(stops.load(Ordering::SeqCst), 200);
        assert_eq!(w.running.load(Ordering::SeqCst), 0);
    }
}
