//! The heap's lock and atomic primitives: its threads, locks and atomics,
//! in one place (the collector's counterpart of the scheduler's
//! `sched/primitives.rs`).
//!
//! Every module takes its `Mutex`, `Arc`, atomics and `UnsafeCell` from here,
//! so that a model checker (loom) can be swapped in for the lock-free parts
//! later by changing this file alone. Today these are std's types.
//!
//! Locks are recovered from poisoning ([`lock`]): a panic while one is held
//! can only come from a bug in this crate, every critical section leaves its
//! data consistent at each step (single pushes and pops), and refusing all
//! further allocation would turn one bug into a hang.
//!
//! Lock order (never take a lock to the left while holding one to the
//! right): `Heap::gc` -> `Heap::caches` -> a central list or the large list
//! -> the page heap.

pub(crate) use std::cell::UnsafeCell;
pub(crate) use std::sync::atomic::{
    AtomicBool, AtomicI64, AtomicPtr, AtomicU32, AtomicU64, AtomicU8, AtomicUsize, Ordering,
};
pub(crate) use std::sync::{Arc, Mutex, MutexGuard};

/// Lock `m`, recovering from poisoning (module docs).
#[inline]
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
