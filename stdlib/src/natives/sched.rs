//! Packages runtime (scheduling) and sync (locks, WaitGroup, and the
//! notify list under Cond's Go bodies; Once is Go): thin wrappers
//! over the VM's scheduler services (`gol_vm`'s `sema`), which park the
//! goroutine with Go's wait reasons (so a deadlock dump names them).

use gol_vm::{NativeCtx, NativeResult};

pub const RUNTIME_NAMES: &[&str] = &[
    "Gosched",
    "Goexit",
    "NumGoroutine",
    "GOMAXPROCS",
    "SetFinalizer",
];

pub const SYNC_NAMES: &[&str] = &[
    "(*Mutex).Lock",
    "(*Mutex).TryLock",
    "(*Mutex).Unlock",
    "(*RWMutex).Lock",
    "(*RWMutex).TryLock",
    "(*RWMutex).Unlock",
    "(*RWMutex).RLock",
    "(*RWMutex).RUnlock",
    "(*WaitGroup).Add",
    "(*WaitGroup).Done",
    "runtime_SemacquireWaitGroup",
    "runtime_notifyListAdd",
    "runtime_notifyListWait",
    "runtime_notifyListNotifyOne",
    "runtime_notifyListNotifyAll",
];

pub fn call_runtime(name: &str, ctx: &mut NativeCtx<'_>) -> Option<NativeResult> {
    Some(match name {
        "Gosched" => ctx.gosched(),
        "Goexit" => gol_vm::NativeResult::Goexit,
        // Misuse is Go's `throw`: a fatal error, not a panic.
        "SetFinalizer" => match ctx.set_finalizer(ctx.iface(0), ctx.iface(1)) {
            Ok(()) => NativeResult::Ok,
            Err(msg) => NativeResult::Fatal(msg),
        },
        "NumGoroutine" => {
            let n = ctx.num_goroutine();
            ctx.set_result(0, n as u64);
            NativeResult::Ok
        }
        "GOMAXPROCS" => {
            let n = ctx.gomaxprocs(ctx.int(0));
            ctx.set_result(0, n as u64);
            NativeResult::Ok
        }
        _ => return None,
    })
}

const NIL_DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";

pub fn call_sync(name: &str, ctx: &mut NativeCtx<'_>) -> Option<NativeResult> {
    // Every sync native takes a pointer first (the receiver, or the
    // notify list).
    let p = ctx.ptr(0);
    if p == 0 && SYNC_NAMES.contains(&name) {
        return Some(NativeResult::RuntimeError(NIL_DEREF.into()));
    }
    Some(match name {
        "(*Mutex).Lock" => ctx.mutex_lock(p, false),
        "(*RWMutex).Lock" => ctx.mutex_lock(p, true),
        "(*Mutex).TryLock" | "(*RWMutex).TryLock" => {
            let ok = ctx.mutex_try_lock(p);
            ctx.set_result(0, ok as u64);
            NativeResult::Ok
        }
        "(*Mutex).Unlock" | "(*RWMutex).Unlock" | "(*RWMutex).RUnlock" => {
            let r = match name {
                "(*Mutex).Unlock" => ctx.mutex_unlock(p, false),
                "(*RWMutex).Unlock" => ctx.mutex_unlock(p, true),
                _ => ctx.runlock(p),
            };
            match r {
                Ok(()) => NativeResult::Ok,
                Err(e) => NativeResult::Fatal(e.into()),
            }
        }
        "(*RWMutex).RLock" => ctx.rlock(p),
        "(*WaitGroup).Add" | "(*WaitGroup).Done" => {
            let delta = if name == "(*WaitGroup).Done" {
                -1
            } else {
                ctx.int(1)
            };
            match ctx.wg_add(p, delta) {
                Ok(()) => NativeResult::Ok,
                Err(e) => NativeResult::Panic(e.into()),
            }
        }
        // (*WaitGroup).Wait is Go code calling this, as in Go.
        "runtime_SemacquireWaitGroup" => ctx.wg_wait(p),
        // sync.Cond's notify list (its Go bodies call these with
        // &c.notify).
        "runtime_notifyListAdd" => {
            let t = ctx.notify_list_add(p);
            ctx.set_result(0, u64::from(t));
            NativeResult::Ok
        }
        "runtime_notifyListWait" => ctx.notify_list_wait(p, ctx.uint(1) as u32),
        "runtime_notifyListNotifyOne" => {
            ctx.notify_list_notify_one(p);
            NativeResult::Ok
        }
        "runtime_notifyListNotifyAll" => {
            ctx.notify_list_notify_all(p);
            NativeResult::Ok
        }
        _ => return None,
    })
}
