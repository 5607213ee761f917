//! Deadlock detection (Go's `checkdead`) and the dump of a dead run.
//!
//! # The algorithm
//! `stopm` counts Ms: when the last running M parks (every M idle or
//! waiting for its locked G, `lockedm.rs`; none in a system call, none
//! sleeping on timers) no G can be readied by anyone but a timer or I/O.
//! An M that parks with its locked G and completes the count starts an
//! idle M to make this check in its stead. Then, as Go's `checkdead`: if a timer is armed or
//! the executor has I/O waiters, the M becomes the sleeper instead; if
//! live Gs remain, every one of them is blocked forever and the run ends
//! with `RunExit::Deadlock` (the caller prints Go's "all goroutines are
//! asleep" dump); if none remain, Go's "no goroutines" fatal error.
//!
//! Two exceptions, for a live session (vm/src/session.rs), which runs
//! without a main goroutine: while `Executor::outside_may_spawn` says a
//! host may still start goroutines, everything asleep is idleness and the
//! last M parks like the others; and `Executor::deadlock` may handle a
//! deadlock itself (report it, abandon the host's call) instead of ending
//! the run, after which the M looks again.
//!
//! The check runs with `Shared.lock` held by the last M to park, every
//! other M being on the idle list: none is running a G, in a system call
//! or sleeping on timers, and an M leaves the list only under that lock.
//!
//! # Invariants
//! 1. Deadlock is reported only when every M is parked, no G is in a
//!    system call (its M is not idle), no timer or I/O wait is pending,
//!    and nobody outside the run may start a G. A G parked in a nested
//!    call is asleep like the others: its M counts idle until a hand-off
//!    gives it a P, which happens only once the G is runnable work.
//! 2. Runnable work found at that point (a safety net: it should have had
//!    an M) is run by this M rather than reported.
//! 3. The dump is taken only once every M has stopped, so no G's state is
//!    locked by a running slice. A state still locked belongs to a G
//!    parked in a nested call, whose M waits for the dump before it
//!    leaves: its lent copy, with its trace, stands for it.

use super::g::GRef;
use super::p::PStatus;
use super::pctx::PCtx;
use super::primitives::{Arc, MutexGuard, Ordering};
use super::shared::{Ending, SchedLock, Shared};
use super::{Executor, GDump};

enum Dead {
    /// Runnable work exists after all (a safety net; take a P and run it).
    Work,
    /// Only timers or I/O can make progress: sleep on them.
    Timers,
    /// Deadlock (live Gs, all blocked forever).
    Yes,
    /// No Gs at all (main called Goexit).
    NoGoroutines,
}

impl<E: Executor> Shared<E> {
    /// Go's `checkdead`, with `sched.lock` held and every M idle.
    fn checkdead(&self) -> Dead {
        let procs = self.procs();
        if !self.global.is_empty() || self.all_ps().take(procs).any(|p| p.has_work()) {
            return Dead::Work;
        }
        if self.all_ps().any(|p| !p.timers.is_empty()) || self.exec.io_waiters() > 0 {
            return Dead::Timers;
        }
        if self.live_gs.load(Ordering::Acquire) > 0 {
            Dead::Yes
        } else {
            Dead::NoGoroutines
        }
    }

    /// Every live G, by id (only once every M has stopped).
    pub(super) fn dump(&self) -> Vec<GDump<E::G>> {
        let gs: Vec<GRef<E>> = self.allgs.lock().slots.iter().flatten().cloned().collect();
        let mut out: Vec<GDump<E::G>> = gs
            .iter()
            .map(|g| GDump {
                id: g.hdr.id,
                status: g.hdr.status(),
                wait: g.hdr.wait_reason(),
                g: g.state.try_lock().and_then(|mut s| s.take()),
                // A G parked in a nested call: its M holds its state and
                // lent a copy with its trace (lockedm.rs).
                lent: g.lent_roots.lock().as_ref().map(|l| l.words.clone()),
            })
            .collect();
        out.sort_by_key(|d| d.id);
        out
    }
}

/// What the last M to park does next (see [`PCtx::last_m_parks`]).
pub(super) enum LastM<'a, E: Executor> {
    /// `stopm`'s answer: whether the M holds a P.
    Return(bool),
    /// Try parking again.
    Again,
    /// Park like any idle M (still on the idle list, the lock held):
    /// nothing can run, but someone outside the run may start a G.
    Park(MutexGuard<'a, SchedLock<E>>),
}

impl<E: Executor> PCtx<E> {
    /// What the last M to park does (from `stopm`, with `sl` held and
    /// this M already on the idle list): run what is left, sleep on timers
    /// or I/O, wait for the outside, or end the run.
    pub(super) fn last_m_parks<'a>(&self, sl: MutexGuard<'a, SchedLock<E>>) -> LastM<'a, E> {
        match self.last_m_decides(sl) {
            Ok(Some(held)) => LastM::Return(held),
            Ok(None) => LastM::Again,
            Err(sl) => LastM::Park(sl),
        }
    }

    /// [`PCtx::last_m_parks`]: `Ok(Some(holds_p))` is `stopm`'s answer,
    /// `Ok(None)` means try parking again, `Err` park as usual.
    fn last_m_decides<'a>(
        &self,
        mut sl: MutexGuard<'a, SchedLock<E>>,
    ) -> Result<Option<bool>, MutexGuard<'a, SchedLock<E>>> {
        let sh = &self.sh;
        match sh.checkdead() {
            Dead::Work => {
                sl.midle.retain(|m| !Arc::ptr_eq(m, &self.m));
                if let Some(p) = sh.pidleget_locked(&mut sl) {
                    drop(sl);
                    if self.acquirep(p, PStatus::Idle) {
                        return Ok(Some(true));
                    }
                } else {
                    drop(sl);
                    std::thread::yield_now();
                }
                Ok(None)
            }
            Dead::Timers => {
                sl.midle.retain(|m| !Arc::ptr_eq(m, &self.m));
                drop(sl);
                if !sh.sleeper.swap(true, Ordering::AcqRel) {
                    self.sleep_on_timers();
                    sh.sleeper.store(false, Ordering::Release);
                } else {
                    std::thread::yield_now();
                }
                if let Some(p) = sh.pidleget() {
                    if self.acquirep(p, PStatus::Idle) {
                        return Ok(Some(true));
                    }
                }
                Ok(None)
            }
            Dead::Yes | Dead::NoGoroutines if sh.exec.outside_may_spawn() => Err(sl),
            d @ (Dead::Yes | Dead::NoGoroutines) => {
                sl.midle.retain(|m| !Arc::ptr_eq(m, &self.m));
                drop(sl);
                if sh.exec.deadlock(self) {
                    return Ok(None);
                }
                sh.finish(match d {
                    Dead::Yes => Ending::Deadlock,
                    _ => Ending::Fatal(
                        "no goroutines (main called runtime.Goexit) - deadlock!".into(),
                    ),
                });
                Ok(Some(false))
            }
        }
    }
}
