//! Finding a G to run (Go's `findRunnable`): timers, the local and
//! global queues, the network poller, stealing from other Ps, spinning
//! Ms, and the sleeper that waits on timers and I/O for everyone.
//! The queues themselves are in `runq.rs` (the mechanism); this file is
//! the policy over them.
//!
//! # The order
//! `find_runnable` looks, in Go's order:
//!
//! 1. expired timers of every P (each P's earliest deadline is one atomic
//!    word, so the check is cheap; other Ps' heaps are only try-locked);
//! 2. every 61st schedtick, the global queue first (so two Gs handing
//!    work to each other through `runnext` cannot starve it);
//! 3. `runnext`, then the local queue, then a batch of the global queue
//!    (`len/GOMAXPROCS + 1`, at most 128, as `globrunqget`). A G from
//!    `runnext` inherits the running time slice (`execute`), so a pair
//!    waking each other shares one slice and sysmon's 10 ms rule lets the
//!    queues behind them run;
//! 4. the network poller, non-blocking (an executor hook);
//! 5. stealing: four rounds over the other Ps in a random order, taking
//!    half a victim's queue (at most 128); the last round also takes a
//!    victim's `runnext`. Only *spinning* Ms steal, and at most half the
//!    busy Ps may have a spinning M (`2*nmspinning < gomaxprocs-npidle`),
//!    so idle Ms do not hammer the queues of busy ones.
//!
//! Finding nothing, the M gives its P back, stops spinning, re-checks
//! every queue (the spinner's half of the lost-wakeup argument in
//! `m.rs`), and parks (`stopm`). One idle M at a time is the *sleeper*:
//! if a timer is armed or the executor reports I/O waiters, it sleeps
//! until the earliest deadline (or blocks in the executor's netpoll),
//! instead of parking indefinitely.
//!
//! # Invariants
//! 1. `nmspinning` counts Ms in the spinning state exactly (each M's
//!    `spinning` flag says whether it is counted); at most half of the
//!    busy Ps' Ms spin.
//! 2. Work published while Ps are idle always gets an M: either `wakep`
//!    starts a spinning M or a spinning M's final re-check, after its
//!    SeqCst decrement and fence, sees the work.
//! 3. The last spinner to find work wakes another (`reset_spinning` calls
//!    `wakep`), so a burst of new work spreads over the idle Ps one M at a
//!    time.
//! 4. At most one M is the sleeper (`Shared.sleeper`); a timer armed
//!    earlier than its deadline, or a shutdown, kicks it
//!    (`kick_sleeper`), and the deadline is read under the poll lock so
//!    no such kick is lost.

use super::g::GRef;
use super::p::PStatus;
use super::pctx::PCtx;
use super::primitives::{fence, Ordering};
use super::rand::RandomOrder;
use super::runq::LOCAL_CAP;
use super::shared::Shared;
use super::Executor;
use std::time::Duration;

/// The sleeper's state (Go's `sched.lastpoll`/`pollUntil`).
pub(super) struct PollState {
    pub(super) until_ns: u64,
    pub(super) kicked: bool,
}

impl<E: Executor> Shared<E> {
    pub(super) fn earliest_timer(&self) -> Option<u64> {
        let n = self.procs();
        self.all_ps().take(n).filter_map(|p| p.timers.next()).min()
    }

    /// Wakes the sleeping M if `when_ns` is earlier than its deadline.
    pub(super) fn kick_sleeper(&self, when_ns: u64) {
        let mut ps = self.poll.lock();
        if when_ns < ps.until_ns {
            ps.kicked = true;
            self.poll_cv.notify_all();
        }
        drop(ps);
        if self.exec.io_waiters() > 0 {
            self.exec.netpoll_break();
        }
    }

    fn any_work(&self) -> bool {
        let procs = self.procs();
        !self.global.is_empty() || self.all_ps().take(procs).any(|p| p.has_work())
    }
}

impl<E: Executor> PCtx<E> {
    fn reset_spinning(&self) {
        if self.spinning.replace(false) {
            self.m.spinning.store(false, Ordering::Relaxed);
            let prev = self.sh.nmspinning.fetch_sub(1, Ordering::SeqCst);
            if prev == 0 {
                gol_gc::throw("findrunnable: negative nmspinning");
            }
            // The last spinner found work: maybe there is more.
            self.sh.wakep();
        }
    }

    fn become_spinning(&self) {
        // Time spent looking for work is no goroutine's (tracer).
        self.last_cut.set(0);
        if !self.spinning.replace(true) {
            self.m.spinning.store(true, Ordering::Relaxed);
            self.sh.nmspinning.fetch_add(1, Ordering::SeqCst);
        }
    }

    pub(super) fn find_runnable(&self) -> Option<GRef<E>> {
        if self.sh.seeded.is_some() {
            return self.find_runnable_seeded();
        }
        'top: loop {
            if self.sh.shutdown.load(Ordering::Acquire) {
                return None;
            }
            // A spinning M hands its events over when runtime/trace.Stop
            // asks (tracer.rs, PCtx::trace_ack).
            self.trace_ack();
            // The P is read through `held` (no clone of its `Arc`: this is
            // every goroutine switch's path).
            let Some(pid) = self.p_id() else {
                if !self.stopm() {
                    return None;
                }
                continue;
            };
            let procs = self.sh.procs();
            if pid >= procs {
                // Retire: everything queued goes global, then find a P.
                let p = self.releasep();
                let mut sl = self.sh.lock.lock();
                self.sh.pidleput_locked(&mut sl, p);
                drop(sl);
                self.sh.wakep();
                continue;
            }
            self.run_timers();
            let tick = self.schedtick();
            if tick % 61 == 0 && !self.sh.global.is_empty() {
                if let Some(g) = self.sh.global.pop() {
                    self.reset_spinning();
                    return Some(g);
                }
            }
            let next = self.held.borrow().as_ref().and_then(|h| h.p.runnext.take());
            if let Some(g) = next {
                self.reset_spinning();
                self.inherit_time.set(self.slice_ran.get());
                return Some(g);
            }
            let found = {
                let held = self.held.borrow();
                held.as_ref().and_then(|h| {
                    h.local.pop().or_else(|| {
                        if self.sh.global.is_empty() {
                            return None;
                        }
                        let n = (self.sh.global.len() / procs + 1).min(LOCAL_CAP / 2);
                        h.local.take_global(&self.sh.global, n)
                    })
                })
            };
            if let Some(g) = found {
                self.reset_spinning();
                return Some(g);
            }
            if self.sh.exec.io_waiters() > 0 {
                let ws = self.sh.exec.netpoll(Some(Duration::ZERO));
                if !ws.is_empty() {
                    self.sh.inject(ws);
                    continue 'top;
                }
            }
            let busy = procs.saturating_sub(self.sh.npidle.load(Ordering::SeqCst));
            if self.spinning.get() || 2 * self.sh.nmspinning.load(Ordering::SeqCst) < busy {
                self.become_spinning();
                if let Some(g) = self.steal_work(procs) {
                    self.reset_spinning();
                    return Some(g);
                }
            }

            // Nothing: give the P back.
            let p = self.releasep();
            {
                let mut sl = self.sh.lock.lock();
                self.sh.pidleput_locked(&mut sl, p);
            }
            let was_spinning = self.spinning.replace(false);
            if !was_spinning && !self.sh.global.is_empty() {
                // Go re-checks the global queue before giving up its P; a
                // non-spinning M does not re-check other Ps' queues (the
                // spinners own that, and it would loop while they spin).
                if let Some(p) = self.sh.pidleget() {
                    if self.acquirep(p, PStatus::Idle) {
                        continue 'top;
                    }
                }
            }
            if was_spinning {
                self.m.spinning.store(false, Ordering::Relaxed);
                self.sh.nmspinning.fetch_sub(1, Ordering::SeqCst);
                // Pairs with the fence in `wakep`: work published before it
                // read nmspinning != 0 is visible to this re-check.
                fence(Ordering::SeqCst);
                if self.sh.any_work() {
                    if let Some(p) = self.sh.pidleget() {
                        if self.acquirep(p, PStatus::Idle) {
                            self.become_spinning();
                            continue 'top;
                        }
                    }
                }
            }
            if (self.sh.earliest_timer().is_some() || self.sh.exec.io_waiters() > 0)
                && !self.sh.sleeper.swap(true, Ordering::AcqRel)
            {
                self.sleep_on_timers();
                self.sh.sleeper.store(false, Ordering::Release);
                if let Some(p) = self.sh.pidleget() {
                    if self.acquirep(p, PStatus::Idle) {
                        continue 'top;
                    }
                }
            }
            if !self.stopm() {
                return None;
            }
        }
    }

    /// An arrow from victim P `v`'s track to the stolen G's next segment.
    fn trace_steal(&self, v: usize, hdr: &super::g::GHeader, what: &'static str) {
        if let Some(t) = self.tracer() {
            let id = self.flow_id();
            hdr.trace_flow.store(id, Ordering::Relaxed);
            self.trace(super::tracer::Ev::FlowOut {
                track: super::tracer::Track::P(v as u32),
                t: t.now(),
                id,
                name: what,
                host: true,
            });
        }
    }

    /// Four rounds over the other Ps in a random order (Go's `stealWork`).
    fn steal_work(&self, procs: usize) -> Option<GRef<E>> {
        let held = self.held.borrow();
        let h = held.as_ref()?;
        let me = h.p.id;
        for round in 0..4 {
            for v in RandomOrder::new(procs, &self.rng) {
                if v == me {
                    continue;
                }
                let Some(vp) = self.sh.p(v) else { continue };
                if let Some(g) = h.local.steal_from(&vp.thief) {
                    self.sh.stats.steals.fetch_add(1, Ordering::Relaxed);
                    self.trace_steal(v, &g.hdr, "stolen");
                    return Some(g);
                }
                if round == 3 {
                    // Go lets a running owner get to its runnext first.
                    if vp.status() == PStatus::Running {
                        std::thread::yield_now();
                    }
                    if let Some(g) = vp.runnext.take() {
                        self.sh.stats.runnext_steals.fetch_add(1, Ordering::Relaxed);
                        self.trace_steal(v, &g.hdr, "runnext stolen");
                        return Some(g);
                    }
                }
            }
        }
        None
    }

    /// The sleeper: wait (without a P) until the earliest timer, a kick,
    /// or shutdown; or block in the executor's netpoll.
    pub(super) fn sleep_on_timers(&self) {
        if self.sh.exec.io_waiters() > 0 {
            let now = self.sh.now_ns();
            let d = self
                .sh
                .earliest_timer()
                .map(|u| Duration::from_nanos(u.saturating_sub(now)));
            let ws = self.sh.exec.netpoll(d);
            self.sh.inject(ws);
            return;
        }
        // The deadline is read under the poll lock: a timer armed after
        // this read kicks us (kick_sleeper takes the same lock), one armed
        // before it is in the minimum.
        let mut ps = self.sh.poll.lock();
        ps.kicked = false;
        let Some(until) = self.sh.earliest_timer() else {
            return;
        };
        ps.until_ns = until;
        loop {
            let now = self.sh.now_ns();
            if ps.kicked || now >= until || self.sh.shutdown.load(Ordering::Acquire) {
                break;
            }
            ps = self
                .sh
                .poll_cv
                .wait_timeout(ps, Duration::from_nanos(until - now));
        }
        ps.until_ns = u64::MAX;
        ps.kicked = false;
    }
}
