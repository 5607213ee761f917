//! The runtime side of Go's `sync` package, as Go's `sema.go` is: the
//! semaphores behind `sync.Mutex`, `RWMutex` and `WaitGroup`, and the
//! notify lists behind `sync.Cond` (see [`NotifyList`]); with them, the
//! scheduler's other services to natives: `runtime.Gosched`,
//! `runtime.NumGoroutine`, `runtime.GOMAXPROCS`, `time.Sleep`.
//! (The scheduler's own locks and atomics are `sched/primitives.rs`.)
//!
//! # Design
//! A sync object's state lives outside the gol heap, in the executor's
//! table keyed by the object's address (`Exec::sema`): the declared
//! fields of `sync.Mutex` etc. mirror Go's private layout, which gol does
//! not need. Variables whose address is taken live in heap boxes and the
//! collector does not move objects, so the address is a stable identity
//! while the object is in use. An entry is removed when its object is
//! idle again (unlocked and no waiters; counter zero), so a freed and
//! reused address starts from the zero state, as the zero value would.
//!
//! Handoff: `Unlock` with waiters passes ownership straight to the first
//! waiter (FIFO, Go's starvation mode) and readies it; the waiter returns
//! from `Lock` owning the mutex. `WaitGroup.Add` reaching zero readies
//! every waiter. Each operation checks and, if it must wait, queues the
//! running G in one critical section of the table's lock, so a release on
//! another M cannot fall between the check and the queueing.
//!
//! `sync.Mutex` keeps its lock bit in its own memory (the `state` word at
//! offset 0, as Go's does), so an uncontended Lock or Unlock is one
//! compare-and-swap and never takes the table's lock: `state` is 0
//! (unlocked), [`MUTEX_LOCKED`], or `MUTEX_LOCKED | MUTEX_WAITERS` (some
//! goroutine is queued in the table). Only a Lock that finds it locked,
//! and an Unlock that finds the waiters bit, go through the table; the
//! bit is set and the waiter queued in one critical section of the
//! table's lock, and Unlock's slow path takes that lock, so it sees both
//! or neither. Unlock with waiters hands the lock to the first one
//! without clearing `MUTEX_LOCKED` (so no other Lock can take it between),
//! clearing `MUTEX_WAITERS` when it takes the last. Hence `MUTEX_WAITERS`
//! is never set without `MUTEX_LOCKED`, and a copy of a locked Mutex is
//! locked, as in Go.
//!
//! Cond: `Wait`, `Signal` and `Broadcast` are Go code (stdlib/go/sync)
//! that calls the notify-list natives here; `Wait` unlocks and relocks
//! its `Locker` through the interface, in Go, so any Locker works and
//! `Lock` may park as it likes. The list keeps Go's tickets so a wakeup
//! is never lost between the unlock and the park.
//!
//! Parking: a native pushes the running G's waker and returns
//! `NativeResult::Block(reason)`; the interpreter ends the slice with the
//! pc after the call, so the G resumes after `Lock`/`Wait` once readied.

use crate::native::{NativeCtx, NativeResult};
use crate::race::SyncKey;
use crate::rt::{ticket_before, SyncState};
use crate::sched::{GWaker, WaitReason};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// `sync.Mutex`'s state word: held.
const MUTEX_LOCKED: u32 = 1;
/// `sync.Mutex`'s state word: goroutines wait in the table.
const MUTEX_WAITERS: u32 = 2;
/// A waiter that waited longer than this gets the lock handed to it (Go's
/// `starvationThresholdNs`).
const MUTEX_STARVING_NS: u64 = 1_000_000;

/// The state word of the `sync.Mutex` at `addr`.
fn mutex_state<'a>(addr: u64) -> &'a AtomicU32 {
    // SAFETY: `addr` is a non-nil `*sync.Mutex` of the running program
    // (the natives check nil), whose first field is the 4-byte-aligned
    // `state int32`; the collector does not move objects and the caller
    // keeps the Mutex reachable for the call, and every access to the
    // word from the VM is atomic (the program's own code cannot name the
    // unexported field).
    unsafe { AtomicU32::from_ptr(addr as *mut u32) }
}

impl NativeCtx<'_> {
    /// The running goroutine's scheduler context (None outside the
    /// scheduler).
    pub fn cx(&self) -> Option<&crate::rt::Cx> {
        self.sl.map(|s| s.cx)
    }

    /// The executor running this goroutine (channels, pins).
    pub fn exec(&self) -> Option<&crate::rt::Exec> {
        self.sl.map(|s| s.exec)
    }

    /// `make(chan T, cap)` for a native: the channel word, with `ew`
    /// words per element.
    pub fn make_chan(&mut self, cap: i64, ew: u32) -> Result<u64, String> {
        crate::rt::make_chan(self.vm, self.sl.map(|s| s.exec), cap, ew)
    }

    fn with_sema<R>(&mut self, addr: u64, f: impl FnOnce(&mut SyncState) -> R) -> Option<R> {
        let exec = self.sl?.exec;
        let mut t = exec.sema.lock().ok()?;
        let st = t.entry(addr).or_default();
        let r = f(st);
        if st.idle() {
            t.remove(&addr);
        }
        Some(r)
    }

    /// `runtime.Gosched`.
    pub fn gosched(&mut self) -> NativeResult {
        NativeResult::Yield
    }

    /// `runtime.NumGoroutine`.
    pub fn num_goroutine(&self) -> usize {
        self.cx().map_or(1, |c| c.num_goroutine())
    }

    /// `runtime.GOMAXPROCS(n)`: sets the number of Ps when `n >= 1` and
    /// returns the previous value (the current one for `n < 1`).
    pub fn gomaxprocs(&self, n: i64) -> usize {
        match self.cx() {
            None => 1,
            Some(c) if n >= 1 => c.set_gomaxprocs(n.min(crate::sched::MAX_PROCS as i64) as usize),
            Some(c) => c.gomaxprocs(),
        }
    }

    /// `time.Sleep(d)`: parks on a timer; the G holds no M meanwhile.
    pub fn sleep(&mut self, ns: i64) -> NativeResult {
        if ns <= 0 {
            return NativeResult::Ok;
        }
        let Some(cx) = self.cx() else {
            std::thread::sleep(Duration::from_nanos(ns as u64));
            return NativeResult::Ok;
        };
        cx.sleep(Duration::from_nanos(ns as u64));
        NativeResult::Block(WaitReason::Sleep)
    }

    /// Runs `f` on the object's state with the running G's waker; `f`
    /// queues the waker somewhere in the state and returns true to park,
    /// or returns false to go on. Check and queueing happen in one
    /// critical section, so a release on another M cannot fall between
    /// them.
    fn park_unless(
        &mut self,
        addr: u64,
        reason: WaitReason,
        f: impl FnOnce(&mut SyncState, GWaker) -> bool,
    ) -> NativeResult {
        let Some(w) = self.cx().map(|c| c.current_waker()) else {
            return NativeResult::RuntimeError("sync: no scheduler".into());
        };
        match self.with_sema(addr, |s| f(s, w)) {
            Some(true) => NativeResult::Block(reason),
            Some(false) => NativeResult::Ok,
            None => NativeResult::RuntimeError("sync: semaphore table poisoned".into()),
        }
    }

    /// Race mode: the acquire of a Lock, RLock or Wait that ended with
    /// `res` (at once, or when the parked G runs again).
    fn race_acquired(&self, addr: u64, res: &NativeResult) {
        if let Some(r) = &self.vm.race {
            match res {
                NativeResult::Ok => r.acquire(self.g.id, SyncKey::Addr(addr)),
                NativeResult::Block(_) => r.acquire_on_resume(self.g.id, SyncKey::Addr(addr)),
                _ => {}
            }
        }
    }

    /// Race mode: the release of an Unlock, RUnlock, WaitGroup.Add or
    /// Cond notification (before anyone it wakes can run).
    fn race_release(&self, addr: u64) {
        if let Some(r) = &self.vm.race {
            r.release(self.g.id, SyncKey::Addr(addr));
        }
    }

    /// Runs `take` on the object's state; when it fails, queues the
    /// running G as a waiter (see [`NativeCtx::park_unless`]) and parks it.
    fn acquire_or_park(
        &mut self,
        addr: u64,
        write: bool,
        reason: WaitReason,
        take: impl FnOnce(&mut SyncState) -> bool,
    ) -> NativeResult {
        self.park_unless(addr, reason, |s, w| {
            if take(s) {
                return false;
            }
            s.waiters.push_back((w, write));
            true
        })
    }

    /// Runs `release` on the object's state and readies the waiters it
    /// returns; its error (Go's fatal or panic message) is passed on.
    fn release(
        &mut self,
        addr: u64,
        release: impl FnOnce(&mut SyncState) -> Result<Vec<GWaker>, &'static str>,
    ) -> Result<(), &'static str> {
        match self.with_sema(addr, release) {
            Some(Ok(ws)) => {
                self.ready_all(ws);
                Ok(())
            }
            Some(Err(e)) => Err(e),
            None => Ok(()),
        }
    }

    fn ready_all(&self, ws: Vec<GWaker>) {
        if let Some(cx) = self.cx() {
            for w in ws {
                cx.ready(w);
            }
        }
    }

    /// One attempt of `(*sync.Mutex).Lock` (its Go body loops): takes the
    /// lock (true), or queues the goroutine and parks it (false, its
    /// result when it runs again: it then tries again, unless the lock
    /// was handed to it, which this attempt then finds).
    pub fn mutex_lock_attempt(&mut self, addr: u64) -> (NativeResult, bool) {
        let st = mutex_state(addr);
        if st
            .compare_exchange(0, MUTEX_LOCKED, Ordering::Acquire, Ordering::Relaxed)
            .is_ok()
        {
            self.race_acquired(addr, &NativeResult::Ok);
            return (NativeResult::Ok, true);
        }
        let me = self.g.id;
        let now = self.cx().map_or(0, |c| c.now_ns());
        let res = self.park_unless(addr, WaitReason::SyncMutexLock, |s, w| {
            if s.mutex_handoff == me {
                // Handed over by Unlock (starvation mode): still locked.
                s.mutex_handoff = 0;
                return false;
            }
            // A goroutine woken to compete keeps its first wait's start.
            let since = match s.mutex_woken.iter().position(|x| x.0 == me) {
                Some(k) => s.mutex_woken.swap_remove(k).1,
                None => now,
            };
            loop {
                let cur = st.load(Ordering::Acquire);
                let (want, taken) = if cur & MUTEX_LOCKED == 0 {
                    (cur | MUTEX_LOCKED, true)
                } else {
                    (cur | MUTEX_WAITERS, false)
                };
                if st
                    .compare_exchange(cur, want, Ordering::AcqRel, Ordering::Acquire)
                    .is_ok()
                {
                    if taken {
                        return false;
                    }
                    // Queued with the bit set, in this critical section.
                    // One that waited before goes first again, as Go's
                    // LIFO requeue does.
                    if since != now {
                        s.waiters.push_front((w, true));
                        s.mutex_waits.push_front((me, since));
                    } else {
                        s.waiters.push_back((w, true));
                        s.mutex_waits.push_back((me, since));
                    }
                    return true;
                }
            }
        });
        match res {
            NativeResult::Ok => {
                self.race_acquired(addr, &res);
                (res, true)
            }
            other => (other, false),
        }
    }

    /// `(*sync.RWMutex).Lock` (sync.Mutex's is `mutex_lock_attempt`: its
    /// lock bit lives in its own memory).
    pub fn rwmutex_lock(&mut self, addr: u64) -> NativeResult {
        let r = WaitReason::SyncRWMutexLock;
        let res = self.acquire_or_park(addr, true, r, |s| {
            if !s.locked && s.readers == 0 && s.waiters.is_empty() {
                s.locked = true;
                true
            } else {
                false
            }
        });
        self.race_acquired(addr, &res);
        res
    }

    /// `TryLock`.
    pub fn mutex_try_lock(&mut self, addr: u64, rw: bool) -> bool {
        if !rw {
            let ok = mutex_state(addr)
                .compare_exchange(0, MUTEX_LOCKED, Ordering::Acquire, Ordering::Relaxed)
                .is_ok();
            if ok {
                self.race_acquired(addr, &NativeResult::Ok);
            }
            return ok;
        }
        let ok = self
            .with_sema(addr, |s| {
                if !s.locked && s.readers == 0 {
                    s.locked = true;
                    true
                } else {
                    false
                }
            })
            .unwrap_or(false);
        if ok {
            self.race_acquired(addr, &NativeResult::Ok);
        }
        ok
    }

    /// Hands the lock to the next waiters (one writer, or every reader at
    /// the head of the queue) and readies them.
    fn hand_off(s: &mut SyncState) -> Vec<GWaker> {
        let mut out = Vec::new();
        match s.waiters.front() {
            Some((_, true)) if s.readers == 0 => {
                if let Some((w, _)) = s.waiters.pop_front() {
                    s.locked = true;
                    out.push(w);
                }
            }
            Some((_, true)) => {}
            Some((_, false)) => {
                while let Some((_, false)) = s.waiters.front() {
                    if let Some((w, _)) = s.waiters.pop_front() {
                        s.readers += 1;
                        out.push(w);
                    }
                }
            }
            None => {}
        }
        out
    }

    /// `(*sync.Mutex).Unlock` / `(*sync.RWMutex).Unlock`: a fatal error
    /// when not locked, as Go's.
    pub fn mutex_unlock(&mut self, addr: u64, rw: bool) -> Result<(), &'static str> {
        self.race_release(addr);
        if !rw {
            let st = mutex_state(addr);
            if st
                .compare_exchange(MUTEX_LOCKED, 0, Ordering::Release, Ordering::Relaxed)
                .is_ok()
            {
                return Ok(());
            }
            if self.sl.is_none() {
                // No scheduler, so no waiter: just the state.
                return match st.swap(0, Ordering::AcqRel) {
                    0 => Err("sync: unlock of unlocked mutex"),
                    _ => Ok(()),
                };
            }
            let now = self.cx().map_or(0, |c| c.now_ns());
            return self.release(addr, |s| {
                let cur = st.load(Ordering::Acquire);
                if cur & MUTEX_LOCKED == 0 {
                    return Err("sync: unlock of unlocked mutex");
                }
                let Some((w, _)) = s.waiters.pop_front() else {
                    st.store(0, Ordering::Release);
                    return Ok(Vec::new());
                };
                let (id, since) = s.mutex_waits.pop_front().unwrap_or((0, now));
                let more = if s.waiters.is_empty() {
                    0
                } else {
                    MUTEX_WAITERS
                };
                if now.saturating_sub(since) > MUTEX_STARVING_NS {
                    // Starvation mode: the lock goes to the waiter, still
                    // held, so no newcomer can take it first.
                    s.mutex_handoff = id;
                    st.store(MUTEX_LOCKED | more, Ordering::Release);
                } else {
                    // Normal mode: the waiter is woken to compete with
                    // running goroutines, which usually win (they hold
                    // the CPU): no hand-off per Unlock.
                    s.mutex_woken.push((id, since));
                    st.store(more, Ordering::Release);
                }
                Ok(vec![w])
            });
        }
        self.release(addr, |s| {
            if !s.locked {
                return Err(if rw {
                    "sync: Unlock of unlocked RWMutex"
                } else {
                    "sync: unlock of unlocked mutex"
                });
            }
            s.locked = false;
            Ok(Self::hand_off(s))
        })
    }

    /// `(*sync.RWMutex).RLock`.
    pub fn rlock(&mut self, addr: u64) -> NativeResult {
        let res = self.acquire_or_park(addr, false, WaitReason::SyncRWMutexRLock, |s| {
            if !s.locked && s.waiters.is_empty() {
                s.readers += 1;
                true
            } else {
                false
            }
        });
        self.race_acquired(addr, &res);
        res
    }

    /// `(*sync.RWMutex).TryRLock`: a read lock when RLock would take one
    /// without parking (no writer holds the lock or waits for it).
    pub fn try_rlock(&mut self, addr: u64) -> bool {
        let ok = self
            .with_sema(addr, |s| {
                let free = !s.locked && s.waiters.is_empty();
                if free {
                    s.readers += 1;
                }
                free
            })
            .unwrap_or(false);
        if ok {
            self.race_acquired(addr, &NativeResult::Ok);
        }
        ok
    }

    /// `(*sync.RWMutex).RUnlock`.
    pub fn runlock(&mut self, addr: u64) -> Result<(), &'static str> {
        self.race_release(addr);
        self.release(addr, |s| {
            if s.readers <= 0 {
                return Err("sync: RUnlock of unlocked RWMutex");
            }
            s.readers -= 1;
            Ok(Self::hand_off(s))
        })
    }

    /// `(*sync.WaitGroup).Add(delta)`; Err with Go's panic message.
    pub fn wg_add(&mut self, addr: u64, delta: i64) -> Result<(), &'static str> {
        self.race_release(addr);
        self.release(addr, |s| {
            s.count = s.count.wrapping_add(delta);
            if s.count < 0 {
                s.count = 0;
                return Err("sync: negative WaitGroup counter");
            }
            if s.count == 0 {
                Ok(s.waiters.drain(..).map(|(w, _)| w).collect())
            } else {
                Ok(Vec::new())
            }
        })
    }

    /// `(*sync.WaitGroup).Wait`.
    pub fn wg_wait(&mut self, addr: u64) -> NativeResult {
        let res = self.acquire_or_park(addr, true, WaitReason::SyncWaitGroupWait, |s| s.count == 0);
        self.race_acquired(addr, &res);
        res
    }

    /// `sync.runtime_notifyListAdd`: takes the next ticket of the
    /// notify list at `addr` (a `sync.Cond`'s).
    pub fn notify_list_add(&mut self, addr: u64) -> u32 {
        self.with_sema(addr, |s| {
            let t = s.notify.wait;
            s.notify.wait = t.wrapping_add(1);
            s.notify.pending += 1;
            t
        })
        .unwrap_or(0)
    }

    /// `sync.runtime_notifyListWait`: parks with wait reason
    /// `sync.Cond.Wait` until ticket `t` is notified; returns at once if
    /// it already was.
    pub fn notify_list_wait(&mut self, addr: u64, t: u32) -> NativeResult {
        let res = self.park_unless(addr, WaitReason::SyncCondWait, |s, w| {
            s.notify.pending = s.notify.pending.saturating_sub(1);
            if ticket_before(t, s.notify.notify) {
                return false;
            }
            s.notify.parked.push_back((t, w));
            true
        });
        self.race_acquired(addr, &res);
        res
    }

    /// `sync.runtime_notifyListNotifyOne`: notifies the oldest ticket not
    /// yet notified and readies its waiter if it is parked (if not, it
    /// will find the ticket notified when it reaches `Wait`).
    pub fn notify_list_notify_one(&mut self, addr: u64) {
        self.race_release(addr);
        let w = self.with_sema(addr, |s| {
            let n = &mut s.notify;
            if n.notify == n.wait {
                return None;
            }
            let t = n.notify;
            n.notify = t.wrapping_add(1);
            let k = n.parked.iter().position(|&(pt, _)| pt == t)?;
            n.parked.remove(k).map(|(_, w)| w)
        });
        if let Some(Some(w)) = w {
            self.ready_all(vec![w]);
        }
    }

    /// `sync.runtime_notifyListNotifyAll`: notifies every ticket taken
    /// and readies every parked waiter.
    pub fn notify_list_notify_all(&mut self, addr: u64) {
        self.race_release(addr);
        let ws = self.with_sema(addr, |s| {
            s.notify.notify = s.notify.wait;
            s.notify.parked.drain(..).map(|(_, w)| w).collect()
        });
        if let Some(ws) = ws {
            self.ready_all(ws);
        }
    }
}
