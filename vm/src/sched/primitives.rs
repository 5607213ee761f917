//! The scheduler's lock and atomic primitives: the one door through which
//! it reaches threads, locks and atomics (what Go's runtime keeps in
//! `lock_futex.go` and `internal/atomic`). Not Go's `sync` package: the
//! runtime side of that is `vm/src/sema.rs`.
//!
//! Every lock, condition variable and atomic the scheduler and the
//! channels use comes from here, so a model checker (loom) can later be
//! swapped in behind the same names without touching the algorithms.
//!
//! The lock wrappers ignore poisoning on purpose: a poisoned lock means a
//! Rust panic unwound through a critical section, which is already a VM
//! bug reported by the panic itself; refusing every later lock would only
//! turn one report into a cascade of unrelated ones.

pub use std::sync::atomic::{
    fence, AtomicBool, AtomicI64, AtomicPtr, AtomicU32, AtomicU64, AtomicU8, AtomicUsize, Ordering,
};
pub use std::sync::Arc;

use std::time::Duration;

/// A mutual-exclusion lock whose `lock` never fails.
#[derive(Default)]
pub struct Mutex<T>(std::sync::Mutex<T>);

/// The guard of [`Mutex`].
pub type MutexGuard<'a, T> = std::sync::MutexGuard<'a, T>;

impl<T> Mutex<T> {
    pub const fn new(v: T) -> Mutex<T> {
        Mutex(std::sync::Mutex::new(v))
    }

    #[inline]
    pub fn lock(&self) -> MutexGuard<'_, T> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The lock if nobody holds it now.
    #[inline]
    pub fn try_lock(&self) -> Option<MutexGuard<'_, T>> {
        match self.0.try_lock() {
            Ok(g) => Some(g),
            Err(std::sync::TryLockError::Poisoned(e)) => Some(e.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }
}

/// A condition variable paired with [`Mutex`].
#[derive(Default)]
pub struct Condvar(std::sync::Condvar);

impl Condvar {
    pub const fn new() -> Condvar {
        Condvar(std::sync::Condvar::new())
    }

    pub fn wait<'a, T>(&self, g: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
        self.0.wait(g).unwrap_or_else(|e| e.into_inner())
    }

    pub fn wait_timeout<'a, T>(&self, g: MutexGuard<'a, T>, d: Duration) -> MutexGuard<'a, T> {
        match self.0.wait_timeout(g, d) {
            Ok((g, _)) => g,
            Err(e) => e.into_inner().0,
        }
    }

    pub fn notify_one(&self) {
        self.0.notify_one()
    }

    pub fn notify_all(&self) {
        self.0.notify_all()
    }
}
