//! The scheduler's services to natives: the one door through which the
//! standard library reaches the runtime's waiting machinery. stdlib
//! names nothing of `sched` or the executor; it asks its [`NativeCtx`].
//!
//! * Timers (`time.NewTimer`, `AfterFunc`, `After`, `NewTicker`, `Tick`,
//!   `Stop`, `Reset`): [`NativeCtx::new_timer`], [`NativeCtx::stop_timer`],
//!   [`NativeCtx::reset_timer`] bind the words a native receives (a
//!   channel, a func value) to the scheduler's Go timers
//!   (`sched/timer.rs`, where the protocol and its invariants are).
//! * Blocking in system calls in the middle of a native's work (a scan of
//!   standard input): [`NativeCtx::syscall_section`].
//!
//! `time.Sleep`, `runtime.Gosched` and the sync primitives' parking are
//! `sema.rs`'s; calls that block once and then end the native are
//! [`NativeCtx::syscall`].
//!
//! # Invariants
//! 1. A func value handed to a timer is shaded, then pinned (a root)
//!    before this module returns, and the pin is released exactly once by
//!    the timer (`sched/timer.rs`, invariant 3): the timer's callback runs
//!    outside every goroutine, where no root scan would find it.
//! 2. A [`SyscallSection`] lends the collector a copy of the goroutine's
//!    roots while it blocks (see `sched/syscall.rs`): the native holds no
//!    other heap address across [`SyscallSection::run`] (ARCHITECTURE.md
//!    invariant 5).

use super::{NativeCtx, NativeResult};
use crate::rt::{go_func_value, Exec};
use crate::sched::tracer::TraceFormat;
use crate::sched::{Blocker, TimeWords, TimerFunc};

/// Why a timer service failed: the message of the Go panic the native
/// raises.
fn no_sched() -> NativeResult {
    NativeResult::Panic("time: timers need the scheduler".into())
}

impl<'a> NativeCtx<'a> {
    /// In a seeded run (`-sched=`), the virtual clock in ns since the run
    /// started: `time.Now` reads it (sched/seeded.rs).
    pub fn virtual_now(&self) -> Option<u64> {
        self.cx().and_then(|cx| cx.virtual_now())
    }

    /// The race detector's I/O edge, as Go's syscall package draws it: a
    /// write releases one clock shared by every descriptor (Go's
    /// `ioSync`), a read that succeeds acquires it, so what a goroutine
    /// did before writing to a socket happens before what the goroutine
    /// that read the bytes does next.
    pub fn race_io(&self, write: bool) {
        if let Some(r) = &self.vm.race {
            // An address no object has.
            let key = crate::race::SyncKey::Addr(8);
            if write {
                r.release(self.g.id, key);
            } else {
                r.acquire(self.g.id, key);
            }
        }
    }

    /// `runtime/trace.Start`: starts the run's tracer; false if it
    /// already records (or the run has none).
    pub fn trace_start(&self) -> bool {
        match self.cx().and_then(|cx| cx.tracer_any()) {
            Some(t) => {
                // What was recorded before this Start is not this trace's.
                let started = t.set_on(true);
                if started {
                    t.take();
                }
                started
            }
            None => false,
        }
    }

    /// `runtime/trace.Stop`: stops the tracer and renders what it holds,
    /// in the format the run chose (`gol run --trace-format`), else in
    /// the one the name of the file it goes to asks for (`name`: empty
    /// when the writer is not a file), as `gol run --trace=FILE` does.
    pub fn trace_stop(&self, name: &str) -> Vec<u8> {
        let Some(cx) = self.cx() else {
            return Vec::new();
        };
        let Some(t) = cx.tracer_any() else {
            return Vec::new();
        };
        // Every M hands its events over before the world stops for this
        // goroutine; then none is recording any more.
        let e = t.request_flush();
        let stopped = cx.stop_the_world();
        t.set_on(false);
        cx.start_the_world(stopped);
        // The Ms outside the world (spinning) hand theirs over as they
        // next look for work.
        cx.trace_wait_flushes(e);
        cx.trace_flush();
        let evs = t.take();
        let format = t
            .chosen_format()
            .unwrap_or_else(|| TraceFormat::for_path(std::path::Path::new(name)));
        t.render(format, &evs)
    }

    /// `runtime/trace.IsEnabled`.
    pub fn trace_enabled(&self) -> bool {
        self.cx().is_some_and(|cx| cx.tracer().is_some())
    }

    /// A `runtime/trace` annotation (the package's `event`): kind 0/1
    /// begin/end a task, 2/3 a region (async slices), 4 a log (an instant
    /// on the goroutine's P). Returns a new id for a begin.
    pub fn trace_annotation(&self, kind: i64, id: u64, name: String, message: String) -> u64 {
        use crate::sched::tracer::Ev;
        let Some(cx) = self.cx() else {
            return 0;
        };
        let Some(t) = cx.tracer() else {
            return id;
        };
        let id = if id == 0 && matches!(kind, 0 | 2) {
            t.new_id()
        } else {
            id
        };
        let now = t.now();
        let ev = match kind {
            0..=3 => Ev::Async {
                t: now,
                begin: kind % 2 == 0,
                cat: if kind < 2 { "task" } else { "region" },
                id,
                name,
            },
            _ => Ev::Instant {
                track: cx.track(),
                t: now,
                name: format!("log {name}: {message}").into(),
            },
        };
        // Straight to the shared list: few, and a program's own
        // annotations must all be in its trace (an M's buffer is handed
        // over later, see `trace_stop`).
        t.push(ev);
        id
    }

    /// The wall clock in ns since 1970: the virtual one in a seeded run.
    pub fn wall_now_ns(&self) -> i64 {
        match self.virtual_now() {
            Some(v) => {
                crate::sched::VIRTUAL_EPOCH_UNIX * 1_000_000_000 + v.min(i64::MAX as u64 / 4) as i64
            }
            None => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos().min(i64::MAX as u128) as i64),
        }
    }

    /// In a seeded run, a random word drawn from the schedule (so a
    /// program's own randomness repeats with its seed); None otherwise.
    pub fn schedule_random(&self) -> Option<u64> {
        self.cx()?.seeded_slice()?;
        Some(crate::map::random())
    }

    /// What a timer service needs: the executor, this M's context, and
    /// AfterFunc's func value `f` as a timer keeps it (None for 0):
    /// pinned now, started as `time.goFunc`'s goroutine when the timer
    /// fires, unpinned when the timer lets it go (invariant 1).
    fn timer_parts(
        &mut self,
        f: u64,
    ) -> Result<(&Exec, &crate::rt::Cx, Option<TimerFunc<Exec>>), NativeResult> {
        // The pin is a root the collector scanned when the cycle started,
        // so one made during mark is shaded by hand.
        self.shade_words(&[f]);
        let prog = self.program_arc();
        let (Some(exec), Some(cx)) = (self.exec(), self.cx()) else {
            return Err(no_sched());
        };
        if f == 0 {
            return Ok((exec, cx, None));
        }
        let key = exec.pin(f);
        // Race mode: arming the timer happens before its callback runs
        // (Go's race runtime orders them through the timer).
        let race = self.vm.race.clone();
        if let Some(r) = &race {
            r.release(self.g.id, crate::race::SyncKey::Addr(f));
        }
        let func = TimerFunc::new(
            move |cx| {
                go_func_value(cx, &prog, f, race.as_deref());
            },
            move |exec: &Exec| {
                exec.unpin(key);
            },
        );
        Ok((exec, cx, Some(func)))
    }

    /// `time`'s `newTimer(c chan Time, f func(), d, period int64, keep
    /// bool) int64`: arms a timer firing after `d_ns` (then every
    /// `period_ns`, if positive) that sends on channel `c` (the values
    /// `time` builds) or starts func value `f`; returns its id (0 without
    /// `keep`). Err is the Go panic to raise.
    pub fn new_timer(
        &mut self,
        c: u64,
        f: u64,
        d_ns: i64,
        period_ns: i64,
        keep: bool,
        time: TimeWords,
    ) -> Result<i64, NativeResult> {
        let (exec, cx, func) = self.timer_parts(f)?;
        let chan = exec.chan(c).cloned().map(|ch| (ch, time));
        cx.new_timer(chan, func, d_ns, period_ns, keep)
            .map_err(|e| NativeResult::Panic(e.to_string()))
    }

    /// `time`'s `stopTimer(id int64) bool` (see `sched/timer.rs`).
    pub fn stop_timer(&mut self, id: i64) -> Result<bool, NativeResult> {
        match self.cx() {
            Some(cx) => Ok(cx.stop_timer(id)),
            None => Err(no_sched()),
        }
    }

    /// `time`'s `resetTimer(id int64, f func(), d, period int64) bool`:
    /// stops timer `id` and arms it again, with func value `f` for
    /// AfterFunc (0 for a channel timer).
    pub fn reset_timer(
        &mut self,
        id: i64,
        f: u64,
        d_ns: i64,
        period_ns: i64,
    ) -> Result<bool, NativeResult> {
        let (_, cx, func) = self.timer_parts(f)?;
        Ok(cx.reset_timer(id, func, d_ns, period_ns))
    }

    /// A stretch of this native in which it blocks in system calls
    /// between its own work (a scan reading standard input rune by rune),
    /// for a native that cannot end first as [`NativeCtx::syscall`]
    /// needs. Take it when the goroutine's stack holds every heap pointer
    /// the native will use while blocked (invariant 2). Outside the
    /// scheduler its calls simply run.
    pub fn syscall_section(&self) -> SyscallSection<'a> {
        SyscallSection {
            blocker: self.blocker(),
        }
    }
}

/// See [`NativeCtx::syscall_section`].
pub struct SyscallSection<'a> {
    blocker: Option<Blocker<'a, Exec>>,
}

impl SyscallSection<'_> {
    /// Runs `f`, a blocking call that touches no gol memory, with the
    /// goroutine's P released (Go's `entersyscall`/`exitsyscall`).
    pub fn run<R>(&mut self, f: impl FnOnce() -> R) -> R {
        match &mut self.blocker {
            Some(b) => b.run(f),
            None => f(),
        }
    }

    /// Whether the goroutine came back from a call without a P: the
    /// native must then call [`NativeCtx::end_slice_soon`].
    pub fn lost_p(&self) -> bool {
        self.blocker.as_ref().is_some_and(|b| b.lost_p())
    }
}
