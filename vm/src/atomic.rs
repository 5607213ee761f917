//! Atomic operations on memory: the machinery behind `sync/atomic`.
//!
//! # What it does
//! In memory an `int32` or `uint32` (and `atomic.Bool`'s `uint32`) is four
//! bytes, an `int64`, `uint64`, `uintptr` or interface word eight (see the
//! layout module), each aligned to its size. An atomic operation is the
//! processor's atomic operation of that size on that location, viewed
//! through [`AtomicU32::from_ptr`] or [`AtomicU64::from_ptr`]: the bytes the
//! interpreter loads and stores with its typed instructions are the same
//! ones, and every other goroutine (on any OS thread) sees the operation as
//! indivisible. A 32-bit result is sign- or zero-extended into its slot
//! word ([`Width::norm`]), as the interpreter's narrow loads do.
//!
//! Pointer words (an `atomic.Value`'s interface word) go through the
//! collector's write barrier: the new pointer is shaded before the word
//! is published and the replaced one after, which is what the hybrid
//! barrier's `write_pointer` does for a plain store (see `gol_gc`'s
//! barrier module); for a compare-and-swap the replaced pointer is the
//! expected one, shaded only when the swap happened. No safepoint can
//! fall between the shading and the store: a native is not a safepoint.
//!
//! # Memory ordering
//! Go's memory model makes the `sync/atomic` operations sequentially
//! consistent ("if the effect of an atomic operation A is observed by
//! atomic operation B, then A is synchronized before B, and all the
//! atomic operations executed in a program behave as though executed in
//! some sequentially consistent order"). Acquire/release alone would not
//! give the single total order Go promises, so every operation here is
//! `SeqCst`.
//!
//! # Invariants
//! * An address handed to these functions is 0 (nil: Go's nil-dereference
//!   runtime error, reported by the caller) or a VM-made pointer to a live
//!   value of the right type: in a heap object or a global, aligned to its
//!   size (layout invariant 1); a misaligned address would be a broken VM
//!   invariant and is refused like nil rather than touched.
//! * Natives hold the address only for the duration of the call (no
//!   safepoint inside), so the object cannot be freed meanwhile.
//!
//! # Rejected alternative
//! A global lock around every atomic operation (or routing them through
//! the semaphore table): correct, but it serializes unrelated counters
//! across all threads, which is what atomics exist to avoid.

use crate::native::NativeCtx;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering::SeqCst};

/// The integer an atomic operation acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    /// `int32`: four bytes, sign-extended into its slot.
    I32,
    /// `uint32` (and `atomic.Bool`): four bytes, zero-extended.
    U32,
    /// `int64`, `uint64`, `uintptr`, an interface word: eight bytes.
    W64,
}

impl Width {
    /// The slot word of `v` at this width.
    #[inline]
    pub fn norm(self, v: u64) -> u64 {
        match self {
            Width::I32 => v as i32 as i64 as u64,
            Width::U32 => v as u32 as u64,
            Width::W64 => v,
        }
    }
}

/// The location an atomic operation acts on.
enum Cell<'a> {
    W32(&'a AtomicU32),
    W64(&'a AtomicU64),
}

/// The value of width `wd` at `addr` as an atomic, or `None` for nil (or a
/// misaligned address, which no VM-made pointer is).
///
/// # Safety
/// `addr` is 0 or points at a live value of that width, aligned to it,
/// that stays alive for `'a` (module invariants).
unsafe fn cell<'a>(addr: u64, wd: Width) -> Option<Cell<'a>> {
    let size = if wd == Width::W64 { 8 } else { 4 };
    if addr == 0 || addr % size != 0 {
        return None;
    }
    // SAFETY: non-null and aligned (checked above), live for 'a (the
    // caller's contract); every access to it from other threads during
    // 'a is either atomic or a data race of the Go program, which Go's
    // semantics leave to the program.
    Some(unsafe {
        if size == 8 {
            Cell::W64(AtomicU64::from_ptr(addr as *mut u64))
        } else {
            Cell::W32(AtomicU32::from_ptr(addr as *mut u32))
        }
    })
}

impl NativeCtx<'_> {
    /// `Load` of width `wd` (`None`: nil pointer).
    pub fn atomic_load(&self, addr: u64, wd: Width) -> Option<u64> {
        self.race_before(addr);
        let r = (|| -> Option<u64> {
            // SAFETY: `addr` comes from a pointer argument of the native (see
            // the module invariants); no safepoint during this call.
            Some(match unsafe { cell(addr, wd) }? {
                Cell::W32(c) => wd.norm(c.load(SeqCst) as u64),
                Cell::W64(c) => c.load(SeqCst),
            })
        })();
        self.race_after(addr);
        r
    }

    /// `Store` of `v` at width `wd`.
    pub fn atomic_store(&self, addr: u64, v: u64, wd: Width) -> Option<()> {
        self.race_before(addr);
        let r = (|| -> Option<()> {
            // SAFETY: as in `atomic_load`.
            match unsafe { cell(addr, wd) }? {
                Cell::W32(c) => c.store(v as u32, SeqCst),
                Cell::W64(c) => c.store(v, SeqCst),
            }
            Some(())
        })();
        self.race_after(addr);
        r
    }

    /// `Swap`: stores `v` and returns the old value.
    pub fn atomic_swap(&self, addr: u64, v: u64, wd: Width) -> Option<u64> {
        self.race_before(addr);
        let r = (|| -> Option<u64> {
            // SAFETY: as in `atomic_load`.
            Some(match unsafe { cell(addr, wd) }? {
                Cell::W32(c) => wd.norm(c.swap(v as u32, SeqCst) as u64),
                Cell::W64(c) => c.swap(v, SeqCst),
            })
        })();
        self.race_after(addr);
        r
    }

    /// `CompareAndSwap`: stores `new` if the value is `old`; whether it
    /// did.
    pub fn atomic_cas(&self, addr: u64, old: u64, new: u64, wd: Width) -> Option<bool> {
        self.race_before(addr);
        let r = (|| -> Option<bool> {
            // SAFETY: as in `atomic_load`.
            Some(match unsafe { cell(addr, wd) }? {
                Cell::W32(c) => c
                    .compare_exchange(old as u32, new as u32, SeqCst, SeqCst)
                    .is_ok(),
                Cell::W64(c) => c.compare_exchange(old, new, SeqCst, SeqCst).is_ok(),
            })
        })();
        self.race_after(addr);
        r
    }

    /// `Add`: adds `delta` with wrap-around at the width; the new value.
    pub fn atomic_add(&self, addr: u64, delta: u64, wd: Width) -> Option<u64> {
        self.race_before(addr);
        let r = (|| -> Option<u64> {
            // SAFETY: as in `atomic_load`.
            Some(match unsafe { cell(addr, wd) }? {
                Cell::W32(c) => {
                    let d = delta as u32;
                    wd.norm(c.fetch_add(d, SeqCst).wrapping_add(d) as u64)
                }
                Cell::W64(c) => c.fetch_add(delta, SeqCst).wrapping_add(delta),
            })
        })();
        self.race_after(addr);
        r
    }

    /// `And`: the old value.
    pub fn atomic_and(&self, addr: u64, mask: u64, wd: Width) -> Option<u64> {
        self.race_before(addr);
        let r = (|| -> Option<u64> {
            // SAFETY: as in `atomic_load`.
            Some(match unsafe { cell(addr, wd) }? {
                Cell::W32(c) => wd.norm(c.fetch_and(mask as u32, SeqCst) as u64),
                Cell::W64(c) => c.fetch_and(mask, SeqCst),
            })
        })();
        self.race_after(addr);
        r
    }

    /// `Or`: the old value.
    pub fn atomic_or(&self, addr: u64, mask: u64, wd: Width) -> Option<u64> {
        self.race_before(addr);
        let r = (|| -> Option<u64> {
            // SAFETY: as in `atomic_load`.
            Some(match unsafe { cell(addr, wd) }? {
                Cell::W32(c) => wd.norm(c.fetch_or(mask as u32, SeqCst) as u64),
                Cell::W64(c) => c.fetch_or(mask, SeqCst),
            })
        })();
        self.race_after(addr);
        r
    }

    /// Swap of a pointer word (an interface word) through the write
    /// barrier: the old pointer.
    pub fn atomic_swap_ptr(&mut self, addr: u64, new: u64) -> Option<u64> {
        self.race_before(addr);
        let r = (|| -> Option<u64> {
            // SAFETY: as in `atomic_load`; the word is a pointer word.
            let Cell::W64(w) = (unsafe { cell(addr, Width::W64) })? else {
                return None;
            };
            self.shade(new);
            let old = w.swap(new, SeqCst);
            self.shade(old);
            Some(old)
        })();
        self.race_after(addr);
        r
    }

    /// Compare-and-swap of a pointer word through the write barrier.
    pub fn atomic_cas_ptr(&mut self, addr: u64, old: u64, new: u64) -> Option<bool> {
        self.race_before(addr);
        let r = (|| -> Option<bool> {
            // SAFETY: as in `atomic_load`; the word is a pointer word.
            let Cell::W64(w) = (unsafe { cell(addr, Width::W64) })? else {
                return None;
            };
            self.shade(new);
            let ok = w.compare_exchange(old, new, SeqCst, SeqCst).is_ok();
            if ok {
                self.shade(old);
            }
            Some(ok)
        })();
        self.race_after(addr);
        r
    }

    /// Race mode, before an atomic operation on `addr`: its release
    /// (race module docs: every atomic operation releases before and
    /// acquires after, so an operation that observes another's effect
    /// is ordered after it; atomics are never reported as races).
    #[inline]
    fn race_before(&self, addr: u64) {
        if let Some(r) = &self.vm.race {
            r.release(self.g.id, crate::race::SyncKey::Addr(addr));
        }
    }

    /// Race mode, after an atomic operation on `addr`: its acquire.
    #[inline]
    fn race_after(&self, addr: u64) {
        if let Some(r) = &self.vm.race {
            r.acquire(self.g.id, crate::race::SyncKey::Addr(addr));
        }
    }

    /// Greys the object `p` points into while the collector marks (a
    /// no-op otherwise, and for 0 or a pointer outside the heap).
    fn shade(&mut self, p: u64) {
        if p != 0 {
            self.vm.heap.shade_pointer(&mut self.vm.cache, p as usize);
        }
    }

    /// Go's `==` on two interface words; `Err` with Go's runtime error
    /// message when the dynamic type is not comparable.
    pub fn iface_equal(&self, a: u64, b: u64) -> Result<bool, String> {
        crate::map::iface_equal(&self.vm.prog, a, b).map_err(|t| {
            format!(
                "runtime error: comparing uncomparable type {}",
                self.vm.prog.ty(t).name
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_keeps_the_canonical_word_of_each_width() {
        assert_eq!(Width::I32.norm(0x8000_0000), 0xffff_ffff_8000_0000);
        assert_eq!(Width::I32.norm(0x1_0000_0005), 5);
        assert_eq!(Width::U32.norm(u64::MAX), 0xffff_ffff);
        assert_eq!(Width::W64.norm(u64::MAX), u64::MAX);
    }

    #[test]
    fn cell_refuses_nil_and_misaligned_addresses() {
        // SAFETY: no address is dereferenced (all are refused).
        unsafe {
            assert!(cell(0, Width::W64).is_none());
            assert!(cell(12, Width::W64).is_none());
            assert!(cell(6, Width::I32).is_none());
        }
    }
}
