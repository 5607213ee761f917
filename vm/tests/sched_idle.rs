//! Idle Ms park on the OS: a program that only sleeps burns almost no CPU.
//! (Alone in its test binary so other tests' threads do not count.)

#[path = "sched_common.rs"]
mod common;
use common::*;
use gol_vm::sched::{RunExit, RunOutcome};
use std::time::Duration;

/// This process's user+system CPU time, in clock ticks (Linux).
fn cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

#[test]
fn sleeping_program_does_not_spin() {
    let mut sl = Sleep::default();
    let mut n = 0;
    let main = g(move |cx| {
        if n == 0 {
            // Wake a few Ms first so there are idle ones to park.
            for _ in 0..8 {
                cx.spawn(g(|_| Step::Out(RunOutcome::Done)));
            }
        }
        while n < 4 {
            try_step!(sl.step(cx, Duration::from_millis(100)));
            n += 1;
        }
        Step::Out(RunOutcome::Done)
    });
    let before = cpu_ticks();
    let (r, _) = run(8, main);
    let after = cpu_ticks();
    assert!(matches!(r, RunExit::Done), "{r:?}");
    if let (Some(b), Some(a)) = (before, after) {
        // 400 ms of wall time; ticks are 10 ms. Spinning Ms would use
        // hundreds of ms; parked ones use a few.
        assert!(a - b <= 10, "used {} ticks of CPU while sleeping", a - b);
    }
}
