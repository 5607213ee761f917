//! Package time's natives: the clocks (`now`), `Sleep`, and the timers
//! behind `NewTimer`, `NewTicker`, `AfterFunc`, `After` and `Tick` (whose
//! Go halves are in `stdlib/go/time/time.go`).
//!
//! # Clocks
//! The wall clock is `SystemTime`, returned as seconds since January 1,
//! year 1 UTC and nanoseconds (Go's zero Time is then all zeros). The
//! monotonic clock is an `Instant` taken once per process (when its first VM
//! is made), returned as
//! nanoseconds since then plus one, so a reading is never 0 (0 means "no
//! reading" in a Time).
//!
//! # Timers
//! A timer's state is a [`Timer`] in a process-wide table keyed by the id
//! the Go side keeps in its `Timer`/`Ticker` struct. Ids are never reused,
//! so a stale or zero id finds nothing. Firing is a scheduler timer
//! (`Cx::after_func`) whose callback runs on an M holding a P, outside
//! every goroutine: it may not allocate on the gol heap, so what it sends
//! is three pointer-free words (a `Time`) built on the Rust stack, and
//! AfterFunc's goroutine runs a closure made (and pinned) by the native.
//!
//! The callback's protocol is Go 1.23's (`runtime/time.go`), with one lock
//! per timer standing for Go's `t.mu` and `t.sendLock` together:
//! * Arming records a sequence number `seq` in the callback. Stop and Reset
//!   bump `seq` under the lock, so a callback armed earlier that runs
//!   after them does nothing (it compares under the same lock).
//! * The callback holds the lock across its send, and Stop and Reset drain
//!   the channel under it: once they return, no value from before them can
//!   be received. Stop returns true if the timer was armed or its value
//!   was still in the channel (Go 1.23: the timer counts as running until
//!   its value is received).
//! * Channel sends are non-blocking into a one-value buffer: a one-shot
//!   timer's buffer is always empty when it fires (Stop and Reset drain
//!   it before re-arming), and a ticker whose reader is slow drops ticks.
//!   The value is the time the tick was due (now minus the lateness), as
//!   Go's `sendTime` sends.
//! * A ticker re-arms itself in its callback for the next due time after
//!   now on its original phase (missed periods are skipped, not queued).
//! * AfterFunc's closure is pinned (a GC root) while the timer is armed;
//!   the callback starts its goroutine, which then roots it, and unpins.
//!   Reset pins the closure the Go side passes again.
//!
//! Lock order: timer lock, then a channel's lock, then the scheduler's;
//! the table's lock is never held while taking a timer lock.
//!
//! Limits: table entries live as long as the process (Go collects an
//! unreferenced Timer; gol has no finalizers), and so does an unstopped
//! ticker's scheduler timer. `After` and `Tick`, whose timers nobody can
//! stop, make none (their state lives only in the armed callback). C reports cap 1 (see the package doc).
//!
//! Rejected: keeping the state in the Timer object on the gol heap (the
//! callback would read the heap outside every goroutine, and Stop needs a
//! lock the callback can hold across its send).

use gol_lang::bytecode::Program;
use gol_vm::exec::{go_func_value, Cx};
use gol_vm::sched::chan::{select, SelCase, Selected};
use gol_vm::sched::{Op, TimerHandle};
use gol_vm::{Native, NativeCtx, NativeResult};
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The Unix epoch in seconds since January 1, year 1 (Go's
/// `unixToInternal`).
const UNIX_TO_INTERNAL: i64 = (1969 * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400) * 86400;

/// Words of a `Time` value: seconds, nanoseconds, monotonic reading.
const TIME_WORDS: usize = 3;

/// The natives of this module: name, code, and the Go signature the code
/// implements (checked at load, see gol_vm's native module).
pub const NATIVES: &[(&str, Native)] = &[
    (
        "Sleep",
        Native::new(|c| c.sleep(c.int(0)), "func(d Duration)"),
    ),
    (
        "now",
        Native::new(
            |c| {
                let [sec, nsec, mono] = now_words(0);
                c.ret_int(0, sec as i64);
                c.ret_int(1, nsec as i64);
                c.ret_int(2, mono as i64);
                NativeResult::Ok
            },
            "func() (sec int64, nsec int64, mono int64)",
        ),
    ),
    (
        "localIsUTC",
        Native::new(
            |c| {
                c.ret_bool(0, local_is_utc());
                NativeResult::Ok
            },
            "func() bool",
        ),
    ),
    (
        "mod",
        Native::new(
            |c| {
                let (sec, nsec, d) = (c.int(0), c.int(1), c.int(2));
                c.ret_int(0, time_mod(sec, nsec, d));
                NativeResult::Ok
            },
            "func(sec int64, nsec int64, d int64) int64",
        ),
    ),
    (
        "newTimer",
        Native::new(
            new_timer,
            "func(c chan Time, f func(), d int64, period int64, keep bool) int64",
        ),
    ),
    ("stopTimer", Native::new(stop_timer, "func(id int64) bool")),
    (
        "resetTimer",
        Native::new(
            reset_timer,
            "func(id int64, f func(), d int64, period int64) bool",
        ),
    ),
];

/// `stopTimer(id int64) bool`.
fn stop_timer(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let Some(cx) = ctx.cx() else {
        return no_sched();
    };
    let pending = find(ctx.int(0)).is_some_and(|t| stop(&mut t.lock(), cx));
    ctx.ret_bool(0, pending);
    NativeResult::Ok
}

fn no_sched() -> NativeResult {
    NativeResult::Panic("time: timers need the scheduler".into())
}

/// Starts the monotonic clock, as a Go process's start does (`m=+` in a
/// `Time`'s text counts from there, not from the first `time.Now`).
pub(crate) fn start_clock() {
    epoch();
}

/// The monotonic clock's origin.
fn epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(Instant::now)
}

/// The words of `Now()` minus `ago_ns` (see the module docs).
fn now_words(ago_ns: u64) -> [u64; TIME_WORDS] {
    let ago = ago_ns.min(i64::MAX as u64) as i64;
    let (mut sec, mut nsec) = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => (d.as_secs() as i64, d.subsec_nanos() as i64),
        Err(e) => {
            // Before 1970: negate, keeping nsec in [0, 1e9).
            let d = e.duration();
            let (s, n) = (-(d.as_secs() as i64), d.subsec_nanos() as i64);
            if n == 0 {
                (s, 0)
            } else {
                (s - 1, 1_000_000_000 - n)
            }
        }
    };
    sec = sec
        .saturating_add(UNIX_TO_INTERNAL)
        .saturating_sub(ago / 1_000_000_000);
    nsec -= ago % 1_000_000_000;
    if nsec < 0 {
        nsec += 1_000_000_000;
        sec = sec.saturating_sub(1);
    }
    let mono = (epoch().elapsed().as_nanos().min(i64::MAX as u128 / 2) as i64)
        .saturating_sub(ago)
        .max(0)
        + 1;
    [sec as u64, nsec as u64, mono as u64]
}

/// `(sec * 1e9 + nsec) mod d` in `[0, d)` (Go's `div` remainder for
/// Time.Round and Truncate); 0 when `d <= 0`.
fn time_mod(sec: i64, nsec: i64, d: i64) -> i64 {
    if d <= 0 {
        return 0;
    }
    let total = sec as i128 * 1_000_000_000 + nsec as i128;
    total.rem_euclid(d as i128) as i64
}

/// Whether Go would take the local time zone to be UTC (read once, as Go
/// does): `TZ` unset means /etc/localtime; `TZ` empty or "UTC" means UTC;
/// otherwise the zone file `TZ` names (a path, or under
/// /usr/share/zoneinfo). A zone file that cannot be read means UTC, as in
/// Go; one that can is UTC when its TZif footer (the POSIX rule for times
/// after its table) is exactly `UTC0`, as for Etc/UTC, UTC, Universal and
/// Zulu. A zone without a footer (TZif version 1) counts as not UTC.
fn local_is_utc() -> bool {
    static UTC: OnceLock<bool> = OnceLock::new();
    *UTC.get_or_init(|| {
        let path = match std::env::var_os("TZ") {
            None => std::path::PathBuf::from("/etc/localtime"),
            Some(tz) => {
                let tz = tz.to_string_lossy().into_owned();
                let tz = tz.strip_prefix(':').unwrap_or(&tz).to_string();
                if tz.is_empty() || tz == "UTC" {
                    return true;
                }
                if tz.starts_with('/') {
                    tz.into()
                } else {
                    std::path::Path::new("/usr/share/zoneinfo").join(tz)
                }
            }
        };
        match std::fs::read(&path) {
            Err(_) => true,
            Ok(data) => tzif_is_utc(&data),
        }
    })
}

/// A TZif file whose footer is `\nUTC0\n`.
fn tzif_is_utc(data: &[u8]) -> bool {
    data.starts_with(b"TZif") && data.ends_with(b"\nUTC0\n")
}

/// One timer's state (see the module docs); behind [`Timer::st`].
struct State {
    /// Bumped by Stop and Reset: a callback armed with another value is
    /// stale and does nothing.
    seq: u64,
    /// A callback with the current `seq` is pending.
    armed: bool,
    /// The scheduler timer of that callback (stopped on disarm so it does
    /// not linger in the heap).
    handle: Option<TimerHandle>,
    /// When the pending callback is due, on the scheduler's clock.
    when_ns: u64,
    /// A ticker's period; 0 for a one-shot timer.
    period_ns: u64,
    /// The channel C (None for AfterFunc).
    chan: Option<Arc<gol_vm::sched::chan::Chan>>,
    /// AfterFunc's closure word (0 for channel timers).
    func: u64,
    /// The pin keeping `func` alive while armed.
    pin: Option<u64>,
    prog: Arc<Program>,
}

struct Timer {
    st: Mutex<State>,
}

impl Timer {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A poisoned lock means a panic in this module while holding it;
        // the state is still plain data, so carry on with it.
        self.st.lock().unwrap_or_else(|e| e.into_inner())
    }
}

type Table = Mutex<HashMap<i64, Arc<Timer>>>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Mutex::new(HashMap::new()))
}

fn find(id: i64) -> Option<Arc<Timer>> {
    table()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&id)
        .cloned()
}

/// `newTimer(c chan Time, f func(), d, period int64, keep bool) int64`.
fn new_timer(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (cw, f, d, period) = (ctx.ptr(0), ctx.ptr(1), ctx.int(2), ctx.int(3));
    let keep = ctx.bool(4);
    // The closure is pinned below: a root the collector scanned when the
    // cycle started, so a pin made during mark is shaded.
    ctx.shade_words(&[f]);
    let Some(cx) = ctx.cx() else {
        return no_sched();
    };
    let Some(exec) = ctx.exec() else {
        return no_sched();
    };
    let chan = exec.chan(cw).cloned();
    if chan.as_ref().is_some_and(|c| c.elem_words() != TIME_WORDS) {
        return NativeResult::Panic("time: timer channel of the wrong type".into());
    }
    if let Some(c) = &chan {
        c.set_timer();
    }
    let t = Arc::new(Timer {
        st: Mutex::new(State {
            seq: 0,
            armed: false,
            handle: None,
            when_ns: 0,
            period_ns: period.max(0) as u64,
            chan,
            func: 0,
            pin: None,
            prog: ctx.program_arc(),
        }),
    });
    {
        let mut st = t.lock();
        if f != 0 {
            st.func = f;
            st.pin = Some(exec.pin(f));
        }
        let now = cx.now_ns();
        arm(&t, &mut st, cx, now.saturating_add(d.max(0) as u64));
    }
    let mut id = 0;
    if keep {
        static NEXT_ID: AtomicI64 = AtomicI64::new(1);
        // Relaxed: ids only need to be distinct.
        id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        table()
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, t);
    }
    ctx.ret_int(0, id);
    NativeResult::Ok
}

/// `resetTimer(id int64, f func(), d, period int64) bool`.
fn reset_timer(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (id, f, d, period) = (ctx.int(0), ctx.ptr(1), ctx.int(2), ctx.int(3));
    // Pinned below (see new_timer).
    ctx.shade_words(&[f]);
    let (Some(cx), Some(exec)) = (ctx.cx(), ctx.exec()) else {
        return no_sched();
    };
    let Some(t) = find(id) else {
        ctx.ret_bool(0, false);
        return NativeResult::Ok;
    };
    let pending = {
        let mut st = t.lock();
        let pending = stop(&mut st, cx);
        st.period_ns = period.max(0) as u64;
        if f != 0 {
            st.func = f;
            st.pin = Some(exec.pin(f));
        }
        let now = cx.now_ns();
        arm(&t, &mut st, cx, now.saturating_add(d.max(0) as u64));
        pending
    };
    ctx.ret_bool(0, pending);
    NativeResult::Ok
}

/// Arms `t`'s callback for `when_ns` (scheduler clock) with the current
/// sequence number. The caller holds `t`'s lock (`st`).
fn arm(t: &Arc<Timer>, st: &mut State, cx: &Cx, when_ns: u64) {
    st.when_ns = when_ns;
    st.armed = true;
    let seq = st.seq;
    let me = t.clone();
    let d = Duration::from_nanos(when_ns.saturating_sub(cx.now_ns()));
    st.handle = Some(cx.after_func(d, Box::new(move |pcx| fire(&me, seq, pcx))));
}

/// Disarms `t` and drains its channel; true if it was armed or its value
/// had not been received (Go 1.23's Stop result). The caller holds `t`'s
/// lock (`st`).
fn stop(st: &mut State, cx: &Cx) -> bool {
    st.seq = st.seq.wrapping_add(1);
    let mut pending = std::mem::replace(&mut st.armed, false);
    if let Some(h) = st.handle.take() {
        h.stop();
    }
    if let Some(k) = st.pin.take() {
        cx.executor().unpin(k);
    }
    if let Some(c) = &st.chan {
        if let Ok(Op::Ready(Selected::Recv(..))) = select(cx, &[SelCase::Recv(Some(c))], false) {
            pending = true;
        }
    }
    pending
}

/// The scheduler timer's callback (on an M with a P, outside every
/// goroutine: no gol heap allocation here).
fn fire(t: &Arc<Timer>, seq: u64, pcx: &Cx) {
    let mut st = t.lock();
    if st.seq != seq || !st.armed {
        return;
    }
    let due = st.when_ns;
    let now = pcx.now_ns();
    let late = now.saturating_sub(due);
    if st.period_ns > 0 {
        let p = st.period_ns;
        let next = due.saturating_add(p.saturating_mul(1 + late / p));
        arm(t, &mut st, pcx, next);
    } else {
        st.armed = false;
        st.handle = None;
    }
    if let Some(c) = &st.chan {
        let v = now_words(late);
        // Non-blocking: a waiting receiver takes it, else the one-value
        // buffer, else (a ticker's unread tick) it is dropped.
        let _ = select(pcx, &[SelCase::Send(Some(c), &v)], false);
    } else if st.func != 0 {
        go_func_value(pcx, &st.prog, st.func);
        if st.period_ns == 0 {
            if let Some(k) = st.pin.take() {
                pcx.executor().unpin(k);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wall_clock_is_after_2020_and_monotonic_is_never_zero() {
        let [sec, nsec, mono] = now_words(0);
        // 2020-01-01 in seconds since year 1.
        assert!(sec as i64 > UNIX_TO_INTERNAL + 1_577_836_800);
        assert!(nsec < 1_000_000_000);
        assert!(mono > 0);
        let [_, _, mono2] = now_words(0);
        assert!(mono2 >= mono);
    }

    #[test]
    fn time_mod_is_a_floor_remainder() {
        assert_eq!(time_mod(10, 500, 1_000_000_000), 500);
        assert_eq!(time_mod(-1, 0, 7), (-1_000_000_000i64).rem_euclid(7));
        assert_eq!(time_mod(i64::MAX, 999_999_999, i64::MAX), {
            let t = i64::MAX as i128 * 1_000_000_000 + 999_999_999;
            (t % i64::MAX as i128) as i64
        });
        assert_eq!(time_mod(5, 0, 0), 0);
    }

    #[test]
    fn only_a_utc0_footer_is_utc() {
        assert!(tzif_is_utc(b"TZif2...\0\nUTC0\n"));
        assert!(!tzif_is_utc(b"TZif2...\0\nCET-1CEST,M3.5.0,M10.5.0/3\n"));
        assert!(!tzif_is_utc(b"TZif2...\0\nGMT0\n"));
        assert!(!tzif_is_utc(b"not a zone\nUTC0\n"));
    }

    #[test]
    fn subtracting_lateness_borrows_from_seconds() {
        let [s0, n0, m0] = now_words(0);
        let [s1, n1, m1] = now_words(1_500_000_000);
        let t0 = s0 as i128 * 1_000_000_000 + n0 as i128;
        let t1 = s1 as i128 * 1_000_000_000 + n1 as i128;
        // Clock steps aside, t1 is 1.5s before t0 (give a second of slack
        // for a slow machine between the two reads).
        assert!((t0 - t1) >= 1_400_000_000 && (t0 - t1) < 2_500_000_000);
        assert!(n1 < 1_000_000_000);
        assert!(m1 < m0);
    }
}
