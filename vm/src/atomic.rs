//! Atomic operations on heap words: the machinery behind `sync/atomic`.
//!
//! # What it does
//! Every gol value of an integer type, a bool or an interface occupies one
//! 8-byte word (see `gol_lang::bytecode`): an `int32` is held sign-extended
//! to 64 bits, a `uint32` (and `atomic.Bool`'s `uint32`) zero-extended. So
//! an atomic operation on any of them is a 64-bit atomic operation on that
//! word, viewed through [`AtomicU64::from_ptr`]: the word the interpreter
//! reads and writes with plain accesses is the same one, and every other
//! goroutine (on any OS thread) sees the operation as indivisible.
//!
//! For the 32-bit types the word must stay in canonical form (sign- or
//! zero-extended) after the operation, because the interpreter relies on
//! it (a comparison of two `int32` slots compares their 64-bit words):
//! * `Add` wraps at 32 bits: a compare-and-swap loop computes the 32-bit
//!   sum and re-extends it ([`Width::norm`]).
//! * `And`/`Or` need no loop: the bitwise operation of two canonical words
//!   is canonical (the upper 32 bits of a sign-extended word are copies of
//!   bit 31, and AND/OR of copies is the copy of AND/OR).
//! * `Load`, `Store`, `Swap` and `CompareAndSwap` move whole words;
//!   arguments are normalized first, so a word compares equal exactly when
//!   the 32-bit values do.
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
//!   word of the right type: a heap object's word or a global's. Both are
//!   8-byte aligned; a misaligned address would be a broken VM invariant
//!   and is refused like nil rather than touched.
//! * Natives hold the address only for the duration of the call (no
//!   safepoint inside), so the object cannot be freed meanwhile.
//!
//! # Rejected alternatives
//! * A global lock around every atomic operation (or routing them through
//!   the semaphore table): correct, but it serializes unrelated counters
//!   across all threads, which is what atomics exist to avoid.
//! * 32-bit atomics on the low half of the word: the upper half would
//!   then go stale (an `int32` turning negative must rewrite its sign
//!   extension), and the interpreter's 64-bit reads would see a wrong
//!   value.

use crate::native::NativeCtx;
use std::sync::atomic::{AtomicU64, Ordering::SeqCst};

/// How the integer an atomic operation acts on is held in its word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    /// `int32`: sign-extended.
    I32,
    /// `uint32` (and `atomic.Bool`): zero-extended.
    U32,
    /// `int64`, `uint64`, `uintptr`: the whole word.
    W64,
}

impl Width {
    /// The canonical word of `v` at this width.
    #[inline]
    pub fn norm(self, v: u64) -> u64 {
        match self {
            Width::I32 => v as i32 as i64 as u64,
            Width::U32 => v as u32 as u64,
            Width::W64 => v,
        }
    }
}

/// The word at `addr` as an atomic, or `None` for nil (or a misaligned
/// address, which no VM-made pointer is).
///
/// # Safety
/// `addr` is 0 or points at a live, 8-byte aligned word that stays alive
/// for `'a` (module invariants).
unsafe fn word<'a>(addr: u64) -> Option<&'a AtomicU64> {
    if addr == 0 || addr % 8 != 0 {
        return None;
    }
    // SAFETY: non-null and aligned (checked above), live for 'a (the
    // caller's contract); every access to the word from other threads
    // during 'a is either atomic or a data race of the Go program, which
    // Go's semantics leave to the program.
    Some(unsafe { AtomicU64::from_ptr(addr as *mut u64) })
}

impl NativeCtx<'_> {
    /// `Load`: the word at `addr` (`None`: nil pointer).
    pub fn atomic_load(&self, addr: u64) -> Option<u64> {
        // SAFETY: `addr` comes from a pointer argument of the native (see
        // the module invariants); no safepoint during this call.
        let w = unsafe { word(addr) }?;
        Some(w.load(SeqCst))
    }

    /// `Store` of `v` (an integer at width `wd`).
    pub fn atomic_store(&self, addr: u64, v: u64, wd: Width) -> Option<()> {
        // SAFETY: as in `atomic_load`.
        let w = unsafe { word(addr) }?;
        w.store(wd.norm(v), SeqCst);
        Some(())
    }

    /// `Swap`: stores `v` and returns the old value.
    pub fn atomic_swap(&self, addr: u64, v: u64, wd: Width) -> Option<u64> {
        // SAFETY: as in `atomic_load`.
        let w = unsafe { word(addr) }?;
        Some(w.swap(wd.norm(v), SeqCst))
    }

    /// `CompareAndSwap`: stores `new` if the word holds `old`; whether it
    /// did.
    pub fn atomic_cas(&self, addr: u64, old: u64, new: u64, wd: Width) -> Option<bool> {
        // SAFETY: as in `atomic_load`.
        let w = unsafe { word(addr) }?;
        Some(
            w.compare_exchange(wd.norm(old), wd.norm(new), SeqCst, SeqCst)
                .is_ok(),
        )
    }

    /// `Add`: adds `delta` with wrap-around at the width; the new value.
    pub fn atomic_add(&self, addr: u64, delta: u64, wd: Width) -> Option<u64> {
        // SAFETY: as in `atomic_load`.
        let w = unsafe { word(addr) }?;
        if wd == Width::W64 {
            return Some(w.fetch_add(delta, SeqCst).wrapping_add(delta));
        }
        // A 32-bit sum must be re-extended: a compare-and-swap loop (see
        // the module docs). fetch_update retries when another thread
        // changed the word in between.
        let f = |old: u64| Some(wd.norm(old.wrapping_add(delta)));
        let old = match w.fetch_update(SeqCst, SeqCst, f) {
            Ok(o) | Err(o) => o,
        };
        Some(wd.norm(old.wrapping_add(delta)))
    }

    /// `And`: the old value.
    pub fn atomic_and(&self, addr: u64, mask: u64, wd: Width) -> Option<u64> {
        // SAFETY: as in `atomic_load`.
        let w = unsafe { word(addr) }?;
        Some(w.fetch_and(wd.norm(mask), SeqCst))
    }

    /// `Or`: the old value.
    pub fn atomic_or(&self, addr: u64, mask: u64, wd: Width) -> Option<u64> {
        // SAFETY: as in `atomic_load`.
        let w = unsafe { word(addr) }?;
        Some(w.fetch_or(wd.norm(mask), SeqCst))
    }

    /// Swap of a pointer word (an interface word) through the write
    /// barrier: the old pointer.
    pub fn atomic_swap_ptr(&mut self, addr: u64, new: u64) -> Option<u64> {
        // SAFETY: as in `atomic_load`; the word is a pointer word.
        let w = unsafe { word(addr) }?;
        self.shade(new);
        let old = w.swap(new, SeqCst);
        self.shade(old);
        Some(old)
    }

    /// Compare-and-swap of a pointer word through the write barrier.
    pub fn atomic_cas_ptr(&mut self, addr: u64, old: u64, new: u64) -> Option<bool> {
        // SAFETY: as in `atomic_load`; the word is a pointer word.
        let w = unsafe { word(addr) }?;
        self.shade(new);
        let ok = w.compare_exchange(old, new, SeqCst, SeqCst).is_ok();
        if ok {
            self.shade(old);
        }
        Some(ok)
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
    fn bitwise_ops_of_canonical_words_stay_canonical() {
        let vals: [i32; 6] = [0, 1, -1, i32::MIN, i32::MAX, -12345];
        for &a in &vals {
            for &b in &vals {
                let (wa, wb) = (a as i64 as u64, b as i64 as u64);
                assert_eq!(wa & wb, Width::I32.norm(wa & wb));
                assert_eq!(wa | wb, Width::I32.norm(wa | wb));
                assert_eq!(wa & wb, (a & b) as i64 as u64);
                assert_eq!(wa | wb, (a | b) as i64 as u64);
            }
        }
    }

    #[test]
    fn word_refuses_nil_and_misaligned_addresses() {
        // SAFETY: neither address is dereferenced (both are refused).
        unsafe {
            assert!(word(0).is_none());
            assert!(word(12).is_none());
        }
    }
}
