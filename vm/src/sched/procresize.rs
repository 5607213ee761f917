//! GOMAXPROCS changes (Go's `procresize`) and retiring Ps.
//!
//! # The algorithm
//! Go resizes with the world stopped. Here Ps live in a fixed table of
//! [`MAX_PROCS`] lazily created slots; lowering GOMAXPROCS makes Ps at or
//! above the new count *retire* the next time their M schedules (their Gs
//! go to the global queue, their timers to P0), idle ones at once; raising
//! it revives or creates Ps and wakes Ms. No stop-the-world is needed
//! because a retiring P's queue is only touched by its own M.
//!
//! # Invariants
//! 1. GOMAXPROCS is always in `1..=MAX_PROCS`; the `gomaxprocs` word is
//!    swapped under `Shared.lock`, so a resize and the idle list agree.
//! 2. A retired P is `Dead` and empty: no G in its queue or runnext, no
//!    timer in its heap (they moved to the global queue and to P0, and the
//!    sleeper is kicked so P0's new deadlines are seen).
//! 3. A P held by an M when GOMAXPROCS drops below it is not taken away:
//!    its running G is asked to yield, and the M retires the P the next
//!    time it schedules (`find_runnable`, `schedule`, the idle list).
//! 4. A P revived by a raise is listed idle once, even if its old M is
//!    still retiring it (`pidleput_locked` skips a P already listed).

use super::p::{PStatus, P};
use super::pctx::PCtx;
use super::primitives::{Arc, Ordering};
use super::shared::Shared;
use super::Executor;

/// The most Ps a scheduler can have (GOMAXPROCS is clamped to it).
pub const MAX_PROCS: usize = 256;

impl<E: Executor> Shared<E> {
    /// Empties a P above GOMAXPROCS that no M holds (its queue handle is
    /// inside it): Gs to the global queue, timers to P0, status Dead.
    pub(super) fn retire(&self, p: &Arc<P<E>>) {
        p.status.store(PStatus::Dead as u32, Ordering::Release);
        if let Some(local) = p.local.lock().as_ref() {
            while let Some(g) = local.pop() {
                self.global.push(g);
            }
        }
        if let Some(g) = p.runnext.take() {
            self.global.push(g);
        }
        let moved = p.timers.drain();
        if let Some(p0) = self.p(0) {
            for (when, a) in moved {
                p0.timers.add(when, a);
            }
        }
        self.kick_sleeper(0);
    }

    fn set_gomaxprocs(self: &Arc<Self>, n: usize) -> usize {
        let n = n.clamp(1, MAX_PROCS);
        let mut sl = self.lock.lock();
        let old = self.gomaxprocs.swap(n, Ordering::AcqRel);
        if n > old {
            for i in old..n {
                let p = self.p_or_new(i).clone();
                // Dead (retired) or brand new: idle. A P still held by an M
                // that has not retired it yet simply stays in service.
                let revived = p.cas_status(PStatus::Dead, PStatus::Idle);
                let fresh = p.status() == PStatus::Idle && p.m_id.load(Ordering::Relaxed) < 0;
                if (revived || fresh) && !sl.pidle.iter().any(|q| q.id == i) {
                    self.pidleput_locked(&mut sl, p);
                }
            }
            drop(sl);
            for _ in old..n {
                self.wakep();
            }
        } else {
            // Idle Ps above the new count retire now; held ones when their
            // M next schedules (their running G is asked to yield).
            let (keep, gone): (Vec<_>, Vec<_>) = std::mem::take(&mut sl.pidle)
                .into_iter()
                .partition(|p| p.id < n);
            self.npidle.store(keep.len(), Ordering::SeqCst);
            sl.pidle = keep;
            for p in gone {
                self.retire(&p);
            }
            drop(sl);
            for p in self.all_ps().skip(n) {
                p.preempt_any();
            }
            self.wakep();
        }
        old
    }
}

impl<E: Executor> PCtx<E> {
    /// GOMAXPROCS as the program sees it (a seeded run's nominal value:
    /// it has one P whatever the value, seeded.rs).
    pub fn gomaxprocs(&self) -> usize {
        if self.sh.seeded.is_some() {
            return self.sh.nominal_procs.load(Ordering::Relaxed);
        }
        self.sh.procs()
    }

    /// `runtime.GOMAXPROCS(n)`; returns the previous value. A seeded run
    /// records the value and keeps its one P (seeded.rs).
    pub fn set_gomaxprocs(&self, n: usize) -> usize {
        if self.sh.seeded.is_some() {
            return self
                .sh
                .nominal_procs
                .swap(n.clamp(1, MAX_PROCS), Ordering::Relaxed);
        }
        self.sh.set_gomaxprocs(n)
    }
}
