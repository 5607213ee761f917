//! os/signal's and syscall's natives: the handler that turns a signal
//! into a byte on a pipe, and the blocking read that hands it to Go.
//!
//! The handler only calls `write(2)`, which is async-signal-safe; the
//! pipe's write end is non-blocking, so a flood of signals with nobody
//! reading drops bytes rather than blocking the handler (Go's queue
//! drops them too). The read end is read by `signal.wait` inside a
//! syscall section: the goroutine's M gives its P away while it blocks,
//! as for a read of standard input, and the scheduler counts it as a
//! system call, not a deadlock.
//!
//! Invariants: the pipe is made once and never closed (the handler may
//! run at any time after it is installed); `WRITE_FD` is set before any
//! handler is installed (the Release store pairs with the handler's
//! Acquire load).

use gol_vm::{Native, NativeCtx, NativeResult};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::OnceLock;

pub const SIGNAL_NATIVES: &[(&str, Native)] = &[
    (
        "enable",
        Native::new(|c| set(c, Action::Handle), "func(sig int)"),
    ),
    (
        "disable",
        Native::new(|c| set(c, Action::Default), "func(sig int)"),
    ),
    (
        "ignoreSig",
        Native::new(|c| set(c, Action::Ignore), "func(sig int)"),
    ),
    ("wait", Native::new(wait, "func() int")),
];

pub const SYSCALL_NATIVES: &[(&str, Native)] = &[
    (
        "kill",
        Native::new(
            |c| {
                let (pid, sig) = (c.int(0), c.int(1));
                // SAFETY: kill(2) takes plain integers and touches no memory.
                let r = unsafe { libc::kill(pid as libc::pid_t, sig as libc::c_int) };
                let e = if r == 0 {
                    0
                } else {
                    std::io::Error::last_os_error().raw_os_error().unwrap_or(1)
                };
                c.ret_int(0, e as i64);
                NativeResult::Ok
            },
            "func(pid int, sig int) int",
        ),
    ),
    (
        "Getpid",
        Native::new(
            |c| {
                c.ret_int(0, std::process::id() as i64);
                NativeResult::Ok
            },
            "func() int",
        ),
    ),
];

/// The pipe's write end, for the handler (-1 until made).
static WRITE_FD: AtomicI32 = AtomicI32::new(-1);

/// The pipe: (read end, write end), made on first use.
fn pipe() -> Option<(i32, i32)> {
    static PIPE: OnceLock<Option<(i32, i32)>> = OnceLock::new();
    *PIPE.get_or_init(|| {
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: pipe2 writes two descriptors into the array it is given.
        let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
        if r != 0 {
            return None;
        }
        // SAFETY: fcntl on a descriptor just made; no memory is passed.
        unsafe {
            let fl = libc::fcntl(fds[1], libc::F_GETFL);
            libc::fcntl(fds[1], libc::F_SETFL, fl | libc::O_NONBLOCK);
        }
        // Pairs with the handler's Acquire load.
        WRITE_FD.store(fds[1], Ordering::Release);
        Some((fds[0], fds[1]))
    })
}

extern "C" fn on_signal(sig: libc::c_int) {
    let fd = WRITE_FD.load(Ordering::Acquire);
    if fd >= 0 {
        let b = sig as u8;
        // SAFETY: write(2) is async-signal-safe; `b` lives across the call.
        unsafe { libc::write(fd, (&b as *const u8).cast(), 1) };
    }
}

enum Action {
    Handle,
    Default,
    Ignore,
}

fn set(ctx: &mut NativeCtx<'_>, action: Action) -> NativeResult {
    let sig = ctx.int(0);
    // SIGKILL and SIGSTOP cannot be caught; other numbers outside 1..64
    // are not signals. Go ignores such requests silently.
    if !(1..65).contains(&sig) || sig == libc::SIGKILL as i64 || sig == libc::SIGSTOP as i64 {
        return NativeResult::Ok;
    }
    let handler = match action {
        Action::Handle => {
            if pipe().is_none() {
                return NativeResult::Panic("os/signal: cannot make the signal pipe".into());
            }
            on_signal as *const () as usize
        }
        Action::Default => libc::SIG_DFL,
        Action::Ignore => libc::SIG_IGN,
    };
    // SAFETY: a zeroed sigaction is a valid "no flags, empty mask" value;
    // the handler is an extern "C" fn that only calls write(2).
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = handler;
        sa.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(sig as libc::c_int, &sa, std::ptr::null_mut());
    }
    NativeResult::Ok
}

fn wait(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let Some((rfd, _)) = pipe() else {
        return NativeResult::Panic("os/signal: cannot make the signal pipe".into());
    };
    let mut section = ctx.syscall_section();
    let sig = section.run(|| loop {
        let mut b = 0u8;
        // SAFETY: read(2) of one byte into a live local.
        let n = unsafe { libc::read(rfd, (&mut b as *mut u8).cast(), 1) };
        if n == 1 {
            return b as i64;
        }
        if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        return 0;
    });
    if section.lost_p() {
        ctx.end_slice_soon();
    }
    ctx.ret_int(0, sig);
    NativeResult::Ok
}
