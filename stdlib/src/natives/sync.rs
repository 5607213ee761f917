//! Package sync (locks, WaitGroup, and the notify list under Cond's Go
//! bodies; Once is Go): thin wrappers over the VM's semaphores
//! (`gol_vm`'s `sema`), which park the goroutine with Go's wait reasons
//! (so a deadlock dump names them).

use gol_vm::{Native, NativeCtx, NativeResult};

const NIL_DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";

/// Runs `f` on the non-nil pointer parameter 0 (a lock, WaitGroup or
/// notify list: the receiver, or `&c.notify`); nil is Go's nil
/// dereference.
fn on(
    ctx: &mut NativeCtx<'_>,
    f: impl FnOnce(&mut NativeCtx<'_>, u64) -> NativeResult,
) -> NativeResult {
    match ctx.ptr(0) {
        0 => NativeResult::RuntimeError(NIL_DEREF.into()),
        p => f(ctx, p),
    }
}

fn try_lock(ctx: &mut NativeCtx<'_>, rw: bool) -> NativeResult {
    on(ctx, |c, p| {
        let ok = c.mutex_try_lock(p, rw);
        c.ret_bool(0, ok);
        NativeResult::Ok
    })
}

/// An unlock of an unlocked lock is a fatal error, as in Go.
fn unlocked(r: Result<(), &'static str>) -> NativeResult {
    match r {
        Ok(()) => NativeResult::Ok,
        Err(e) => NativeResult::Fatal(e.into()),
    }
}

fn wg_add(ctx: &mut NativeCtx<'_>, done: bool) -> NativeResult {
    on(ctx, |c, p| {
        let delta = if done { -1 } else { c.int(1) };
        match c.wg_add(p, delta) {
            Ok(()) => NativeResult::Ok,
            Err(e) => NativeResult::Panic(e.into()),
        }
    })
}

/// The natives of package sync: name, code, and the Go signature the code
/// implements. `(*WaitGroup).Wait` is Go code calling
/// `runtime_SemacquireWaitGroup`, and `Cond`'s Go bodies call the notify
/// list natives with `&c.notify`, as in Go.
pub const SYNC_NATIVES: &[(&str, Native)] = &[
    (
        "(*Mutex).lock",
        Native::new(
            |c| {
                on(c, |c, p| {
                    let (res, took) = c.mutex_lock_attempt(p);
                    // Parked: no result (see Lock's Go body).
                    if took {
                        c.ret_uint(0, 1);
                    }
                    res
                })
            },
            "func(m *Mutex) uintptr",
        ),
    ),
    (
        "(*Mutex).TryLock",
        Native::new(|c| try_lock(c, false), "func(m *Mutex) bool"),
    ),
    (
        "(*Mutex).Unlock",
        Native::new(
            |c| on(c, |c, p| unlocked(c.mutex_unlock(p, false))),
            "func(m *Mutex)",
        ),
    ),
    (
        "(*RWMutex).Lock",
        Native::new(|c| on(c, |c, p| c.rwmutex_lock(p)), "func(rw *RWMutex)"),
    ),
    (
        "(*RWMutex).TryLock",
        Native::new(|c| try_lock(c, true), "func(rw *RWMutex) bool"),
    ),
    (
        "(*RWMutex).Unlock",
        Native::new(
            |c| on(c, |c, p| unlocked(c.mutex_unlock(p, true))),
            "func(rw *RWMutex)",
        ),
    ),
    (
        "(*RWMutex).RLock",
        Native::new(|c| on(c, |c, p| c.rlock(p)), "func(rw *RWMutex)"),
    ),
    (
        "(*RWMutex).TryRLock",
        Native::new(
            |c| {
                on(c, |c, p| {
                    let ok = c.try_rlock(p);
                    c.ret_bool(0, ok);
                    NativeResult::Ok
                })
            },
            "func(rw *RWMutex) bool",
        ),
    ),
    (
        "(*RWMutex).RUnlock",
        Native::new(
            |c| on(c, |c, p| unlocked(c.runlock(p))),
            "func(rw *RWMutex)",
        ),
    ),
    (
        "(*WaitGroup).Add",
        Native::new(|c| wg_add(c, false), "func(wg *WaitGroup, delta int)"),
    ),
    (
        "(*WaitGroup).Done",
        Native::new(|c| wg_add(c, true), "func(wg *WaitGroup)"),
    ),
    (
        "runtime_SemacquireWaitGroup",
        Native::new(|c| on(c, |c, p| c.wg_wait(p)), "func(wg *WaitGroup)"),
    ),
    (
        "runtime_notifyListAdd",
        Native::new(
            |c| {
                on(c, |c, p| {
                    let t = c.notify_list_add(p);
                    c.ret_uint(0, u64::from(t));
                    NativeResult::Ok
                })
            },
            "func(l *notifyList) uint32",
        ),
    ),
    (
        "runtime_notifyListWait",
        Native::new(
            |c| {
                on(c, |c, p| {
                    let t = c.uint(1) as u32;
                    c.notify_list_wait(p, t)
                })
            },
            "func(l *notifyList, t uint32)",
        ),
    ),
    (
        "runtime_notifyListNotifyOne",
        Native::new(
            |c| {
                on(c, |c, p| {
                    c.notify_list_notify_one(p);
                    NativeResult::Ok
                })
            },
            "func(l *notifyList)",
        ),
    ),
    (
        "runtime_notifyListNotifyAll",
        Native::new(
            |c| {
                on(c, |c, p| {
                    c.notify_list_notify_all(p);
                    NativeResult::Ok
                })
            },
            "func(l *notifyList)",
        ),
    ),
];
