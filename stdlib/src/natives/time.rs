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
//! `newTimer`, `stopTimer` and `resetTimer` bind the Go halves of
//! `NewTimer`, `NewTicker`, `AfterFunc`, `After` and `Tick` to the
//! scheduler's timers (`NativeCtx::new_timer` and friends; the protocol
//! and its invariants are in gol_vm's `sched/timer.rs`). What is left
//! here is the value a timer sends: [`now_words`] of the time a tick was
//! due, three pointer-free words a timer callback can build outside
//! every goroutine.

use gol_vm::{Native, NativeCtx, NativeResult};
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The Unix epoch in seconds since January 1, year 1 (Go's
/// `unixToInternal`).
const UNIX_TO_INTERNAL: i64 = (1969 * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400) * 86400;

/// Words of a `Time` value: seconds, nanoseconds, monotonic reading.
/// The scheduler's timers send values of this size: passing [`now_words`]
/// to `NativeCtx::new_timer` fails to compile if the two sizes differ.
const TIME_WORDS: usize = 3;

/// The location bits of a `Time`'s nanoseconds word for `Local` (see
/// time.go: nanoseconds below bit 30, the location's index above).
const LOCAL_BITS: u64 = 1 << 30;

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
                let [sec, nsec, mono] = now_words(0, c.virtual_now());
                c.ret_int(0, sec as i64);
                c.ret_int(1, nsec as i64);
                c.ret_int(2, mono as i64);
                NativeResult::Ok
            },
            "func() (sec int64, nsec int64, mono int64)",
        ),
    ),
    (
        "getenvTZ",
        Native::new(
            |c| {
                let v = std::env::var_os("TZ");
                let s = v.as_ref().map(|v| v.to_string_lossy().into_owned());
                c.ret_str(0, s.as_deref().unwrap_or("").as_bytes());
                c.ret_bool(1, v.is_some());
                NativeResult::Ok
            },
            "func() (string, bool)",
        ),
    ),
    (
        "readZoneFile",
        Native::new(
            |c| {
                let path = String::from_utf8_lossy(&c.str(0)).into_owned();
                // Zone files are a few kilobytes; a larger file is not one.
                let data = std::fs::read(&path).ok().filter(|d| d.len() < 1 << 20);
                let s = c.new_bytes(data.as_deref().unwrap_or(&[]));
                c.ret_slice(0, s);
                c.ret_bool(1, data.is_some());
                NativeResult::Ok
            },
            "func(path string) ([]byte, bool)",
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

/// `newTimer(c chan Time, f func(), d, period int64, keep bool) int64`.
fn new_timer(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (c, f, d, period) = (ctx.ptr(0), ctx.ptr(1), ctx.int(2), ctx.int(3));
    let keep = ctx.bool(4);
    match ctx.new_timer(c, f, d, period, keep, now_words) {
        Ok(id) => {
            ctx.ret_int(0, id);
            NativeResult::Ok
        }
        Err(panic) => panic,
    }
}

/// `stopTimer(id int64) bool`.
fn stop_timer(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let id = ctx.int(0);
    match ctx.stop_timer(id) {
        Ok(pending) => {
            ctx.ret_bool(0, pending);
            NativeResult::Ok
        }
        Err(panic) => panic,
    }
}

/// `resetTimer(id int64, f func(), d, period int64) bool`.
fn reset_timer(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (id, f, d, period) = (ctx.int(0), ctx.ptr(1), ctx.int(2), ctx.int(3));
    match ctx.reset_timer(id, f, d, period) {
        Ok(pending) => {
            ctx.ret_bool(0, pending);
            NativeResult::Ok
        }
        Err(panic) => panic,
    }
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

/// The words of `Now()` minus `ago_ns` (see the module docs); on a seeded
/// run's virtual clock when `virtual_now` is given.
fn now_words(ago_ns: u64, virtual_now: Option<u64>) -> [u64; TIME_WORDS] {
    let ago = ago_ns.min(i64::MAX as u64) as i64;
    if let Some(v) = virtual_now {
        let t = (v.min(i64::MAX as u64 / 2) as i64 - ago).max(0);
        let sec = gol_vm::sched::VIRTUAL_EPOCH_UNIX + t / 1_000_000_000 + UNIX_TO_INTERNAL;
        return [
            sec as u64,
            (t % 1_000_000_000) as u64 | LOCAL_BITS,
            t as u64 + 1,
        ];
    }
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
    [sec as u64, nsec as u64 | LOCAL_BITS, mono as u64]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wall_clock_is_after_2020_and_monotonic_is_never_zero() {
        let [sec, nsec, mono] = now_words(0, None);
        // 2020-01-01 in seconds since year 1.
        assert!(sec as i64 > UNIX_TO_INTERNAL + 1_577_836_800);
        assert!(nsec & !LOCAL_BITS < 1_000_000_000);
        assert!(mono > 0);
        let [_, _, mono2] = now_words(0, None);
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
    fn subtracting_lateness_borrows_from_seconds() {
        let [s0, n0, m0] = now_words(0, None);
        let [s1, n1, m1] = now_words(1_500_000_000, None);
        let t0 = s0 as i128 * 1_000_000_000 + (n0 & !LOCAL_BITS) as i128;
        let t1 = s1 as i128 * 1_000_000_000 + (n1 & !LOCAL_BITS) as i128;
        // Clock steps aside, t1 is 1.5s before t0 (give a second of slack
        // for a slow machine between the two reads).
        assert!((t0 - t1) >= 1_400_000_000 && (t0 - t1) < 2_500_000_000);
        assert!(n1 & !LOCAL_BITS < 1_000_000_000);
        assert!(m1 < m0);
    }
}
