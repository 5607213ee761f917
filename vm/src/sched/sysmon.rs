//! sysmon: the monitor thread that runs without a P (Go's `sysmon`).
//!
//! Every tick it:
//! * ends a time slice that has lasted more than 10 ms: a P whose
//!   schedtick has not moved since sysmon first saw it that long ago (one
//!   G running all along, or several that handed the slice on through
//!   `runnext`) gets a preemption request naming that schedtick
//!   (`P::preempt`; the executor polls it at safepoints). Go's
//!   `sysmontick`: `execute` reads no clock. The OS descheduling an M
//!   for 10 ms looks the same, and costs its G one early yield;
//! * retakes a P whose M has been in a system call for more than one
//!   tick (20 µs), if the P has work, or nobody else is idle or spinning,
//!   or the call has lasted 10 ms (Go's `retake`), and hands it to an M;
//! * starts an M if a timer is overdue and a P is idle (every M may be
//!   busy running long Gs);
//! * polls the network if the executor has I/O waiters and nobody polled
//!   for 10 ms;
//! * prints `GODEBUG=schedtrace` lines when asked.
//!
//! It sleeps 20 µs per tick while it keeps finding work, and doubles the
//! sleep after 50 idle ticks up to 10 ms (Go's schedule), so an idle
//! program costs ~100 wakeups a second. The sleep is a condvar wait, so
//! shutdown and new Ms wake it at once.

use super::p::PStatus;
use super::primitives::{Arc, Ordering};
use super::shared::Shared;
use super::tracer::{Ev, Tracer, Track};
use super::Executor;
use std::time::Duration;

/// Go's `forcePreemptNS`: sysmon preempts a G that has run this long.
const FORCE_PREEMPT_NS: u64 = 10_000_000;

/// Minimum time a P must sit in a system call before sysmon retakes it.
const SYSCALL_RETAKE_NS: u64 = 20_000;

/// An instant on P `p`'s track, from sysmon.
fn trace_instant<E: Executor>(sh: &Shared<E>, p: usize, name: String) {
    if let Some(t) = sh.tracer.as_deref().filter(|t| t.on()) {
        t.push(Ev::Instant {
            track: Track::P(p as u32),
            t: t.now(),
            name: name.into(),
        });
    }
}

/// The tracer's counters: goroutines, run queues, heap.
fn sample_counters<E: Executor>(sh: &Shared<E>, t: &Tracer, now: u64) {
    let mut evs = vec![Ev::Counter {
        t: now,
        name: "goroutines",
        series: vec![(
            "goroutines".into(),
            sh.live_gs.load(Ordering::Relaxed) as i64,
        )],
    }];
    let mut q = vec![("global".to_string(), sh.global.len() as i64)];
    for p in sh.all_ps().take(sh.procs()) {
        q.push((format!("P{}", p.id), p.thief.len() as i64));
    }
    evs.push(Ev::Counter {
        t: now,
        name: "run queues",
        series: q,
    });
    if let Some((live, goal)) = sh.exec.heap_counters() {
        evs.push(Ev::Counter {
            t: now,
            name: "heap",
            series: vec![("live".into(), live as i64), ("goal".into(), goal as i64)],
        });
    }
    for e in evs {
        t.push(e);
    }
}

pub(crate) fn sysmon<E: Executor>(sh: Arc<Shared<E>>) {
    let mut delay_us: u64 = 20;
    let mut idle: u32 = 0;
    let mut last_trace_ns = sh.now_ns();
    let mut last_poll_ns = sh.now_ns();
    let mut last_sample_ns = 0u64;
    // Go's `sysmontick`: per P, the schedtick sysmon last saw and when it
    // first saw it. A P whose schedtick has not moved for
    // FORCE_PREEMPT_NS has run one time slice that long (one G, or
    // several sharing it through runnext): so `execute` needs no clock.
    let mut ticks = [(u64::MAX, 0u64); super::MAX_PROCS];
    loop {
        if idle == 0 {
            delay_us = 20;
        } else if idle > 50 {
            delay_us = (delay_us * 2).min(10_000);
        }
        {
            let mut w = sh.sysmon_park.lock();
            if !*w && !sh.shutdown.load(Ordering::Acquire) {
                w = sh
                    .sysmon_cv
                    .wait_timeout(w, Duration::from_micros(delay_us));
            }
            if *w {
                // Woken early: something started; watch closely again.
                idle = 0;
            }
            *w = false;
        }
        if sh.shutdown.load(Ordering::Acquire) {
            return;
        }
        let now = sh.now_ns();
        let mut acted = false;
        // A seeded run preempts by its own points and keeps its one P in
        // system calls (seeded.rs): sysmon only traces.
        let ps = if sh.seeded.is_some() { 0 } else { usize::MAX };
        for p in sh.all_ps().take(ps) {
            match p.status() {
                PStatus::Running => {
                    let Some(seen) = ticks.get_mut(p.id) else {
                        continue;
                    };
                    let tick = p.schedtick.load(Ordering::Relaxed);
                    if tick != seen.0 {
                        *seen = (tick, now);
                    } else if now.saturating_sub(seen.1) > FORCE_PREEMPT_NS
                        && p.preempt.load(Ordering::Relaxed) != tick.wrapping_add(1)
                    {
                        // Names the slice: if it ended since the load of
                        // `tick`, the request lapses (P::preempt).
                        p.preempt.store(tick.wrapping_add(1), Ordering::Relaxed);
                        if sh.tracer.as_deref().is_some_and(|t| t.on()) {
                            // The G is the P's M's (a stale read names the
                            // G that just ran: a tracer's label only).
                            let m = p.m_id.load(Ordering::Relaxed);
                            let g = sh
                                .lock
                                .lock()
                                .allm
                                .iter()
                                .find(|x| x.id == m)
                                .map_or(0, |x| x.curg.load(Ordering::Relaxed));
                            trace_instant(&sh, p.id, format!("preempt G{g} (sysmon)"));
                        }
                        sh.stats.preempt_requests.fetch_add(1, Ordering::Relaxed);
                        acted = true;
                    }
                }
                PStatus::Syscall => {
                    let since = now.saturating_sub(p.syscall_when());
                    if since < SYSCALL_RETAKE_NS {
                        continue;
                    }
                    let others =
                        sh.nmspinning.load(Ordering::SeqCst) + sh.npidle.load(Ordering::SeqCst);
                    if p.thief.is_empty()
                        && others > 0
                        && since < FORCE_PREEMPT_NS
                        && p.id < sh.procs()
                    {
                        continue;
                    }
                    if p.retake_from_syscall() {
                        sh.stats.syscall_retakes.fetch_add(1, Ordering::Relaxed);
                        trace_instant(&sh, p.id, "P retaken from a system call (sysmon)".into());
                        sh.handoffp(p.clone());
                        acted = true;
                    }
                }
                _ => {}
            }
        }
        if let Some(t) = sh.earliest_timer() {
            if t <= now {
                sh.kick_sleeper(0);
                if sh.npidle.load(Ordering::SeqCst) > 0 {
                    sh.wakep();
                }
            }
        }
        if sh.exec.io_waiters() > 0 && now.saturating_sub(last_poll_ns) > 10_000_000 {
            last_poll_ns = now;
            let ws = sh.exec.netpoll(Some(Duration::ZERO));
            if !ws.is_empty() {
                sh.inject(ws);
                acted = true;
            }
        }
        if let Some(t) = sh.tracer.as_deref().filter(|t| t.on()) {
            // The period in nanoseconds (sysmon's clock); the sample's
            // time on the tracer's.
            if now.saturating_sub(last_sample_ns) >= 1_000_000 {
                last_sample_ns = now;
                sample_counters(&sh, t, t.now());
            }
        }
        if sh.cfg.schedtrace_ms > 0
            && now.saturating_sub(last_trace_ns) >= sh.cfg.schedtrace_ms * 1_000_000
        {
            last_trace_ns = now;
            let text = super::trace::schedtrace(&sh, sh.cfg.scheddetail);
            match &sh.cfg.trace_sink {
                Some(f) => f(&text),
                None => eprint!("{text}"),
            }
        }
        if acted {
            idle = 0;
        } else {
            idle = idle.saturating_add(1);
        }
    }
}
