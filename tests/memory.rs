//! Memory is reclaimed: `tests/memory/churn.go` allocates 10 GB in total
//! with a small live set, and the `gol` process must stay under a fixed
//! peak resident size. The peak comes from `wait4`'s resource usage of the
//! child, so this file holds one test (the figure is per child process).

mod common;

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};

/// Peak resident set allowed for the churn run. Native Go needs about
/// 10 MB; the bound leaves room for the VM and a GC cycle's garbage.
const MAX_RSS_KB: i64 = 64 * 1024;

#[test]
// The child is reaped by `wait4` (which also gives its resource usage), not
// by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn ten_gigabytes_of_garbage_in_bounded_memory() {
    let prog = common::root().join("tests/memory/churn.go");
    let child = Command::new(env!("CARGO_BIN_EXE_gol"))
        .arg("run")
        .arg(&prog)
        .stdout(Stdio::piped())
        .spawn()
        .expect("run gol");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value of the plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, not yet waited for; both out-pointers are
    // valid for writes.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 failed");
    let mut out = String::new();
    use std::io::Read;
    child
        .stdout
        .expect("stdout")
        .read_to_string(&mut out)
        .expect("read stdout");
    let st = std::process::ExitStatus::from_raw(status);
    assert!(st.success(), "gol exited with {st}");
    assert_eq!(out, "10000000000 99\n");
    assert!(
        usage.ru_maxrss < MAX_RSS_KB,
        "peak RSS {} KB, allowed {} KB",
        usage.ru_maxrss,
        MAX_RSS_KB
    );
}
