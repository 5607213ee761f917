//! Reading and building heap values: strings, slices, interface boxes.
//!
//! Representations (see the bytecode module docs): a string is `(ptr,
//! len)` over bytes, a slice `(ptr, len, cap)` over elements of `ew` words
//! each (every element, a byte too, takes whole words: one load and store
//! path for every element type, at a memory cost for `[]byte` that a typed
//! element size will remove), an interface a pointer to `[type, value...]`.
//!
//! # Invariants the accessors rely on
//! 1. A string's `ptr` is 0 (then `len` is 0) or points at `len` readable
//!    bytes: a heap object or the program's constant pool, which lives as
//!    long as the VM.
//! 2. A slice's `ptr` is 0 (then `len == cap == 0`) or points into a heap
//!    array with at least `cap * ew` words from `ptr`; a zero-capacity
//!    slice keeps its array's base address (never one past the end: heap
//!    contract 2).
//! 3. An interface word is 0 or points at a box whose first word is a valid
//!    index into the program's type table, followed by that type's words.
//!
//! Every value the VM makes keeps these; the code generator makes no
//! values of its own. With parallel goroutines a torn string or slice read
//! from a shared heap word could break 1 and 2; the check belongs here
//! (see the crate docs).

/// The bytes of the string `(ptr, len)`.
///
/// # Safety
/// `(ptr, len)` is a string value made by this VM (invariant 1), and the
/// bytes stay alive and unmodified while the result is used (no collection
/// runs meanwhile: the caller does not reach a safepoint).
pub unsafe fn str_bytes<'a>(ptr: u64, len: u64) -> &'a [u8] {
    if len == 0 || ptr == 0 {
        return &[];
    }
    // SAFETY: by invariant 1, `ptr` points at `len` readable bytes that
    // strings never modify.
    unsafe { std::slice::from_raw_parts(ptr as *const u8, len as usize) }
}

/// Reads word `i` of the object at `ptr`.
///
/// # Safety
/// `ptr` points at a live object with more than `i` words.
#[inline]
pub unsafe fn read_word(ptr: u64, i: usize) -> u64 {
    // SAFETY: the caller guarantees the word is inside a live object;
    // objects are 8-aligned.
    unsafe { *(ptr as *const u64).add(i) }
}

/// Writes word `i` of the object at `ptr` (no barrier: callers use it only
/// for words that are not pointers, or for objects just allocated).
///
/// # Safety
/// `ptr` points at a live object with more than `i` words.
#[inline]
pub unsafe fn write_word(ptr: u64, i: usize, v: u64) {
    // SAFETY: as for `read_word`; the object is writable heap memory.
    unsafe { *(ptr as *mut u64).add(i) = v }
}

/// Go's growth of a slice's capacity (`runtime.growslice`): double below
/// 256 elements, then grow by (n + 3*256)/4 until enough; then round the
/// byte size up to the allocator's size class. (Go 1.25+ gives slices that
/// do not escape a 32-byte stack buffer first; gol has no escape analysis,
/// so every slice grows like an escaping one.)
pub fn grow_cap(old_cap: usize, needed: usize, elem_bytes: usize) -> usize {
    let mut newcap = old_cap;
    let doublecap = newcap + newcap;
    if needed > doublecap {
        newcap = needed;
    } else {
        const THRESHOLD: usize = 256;
        if old_cap < THRESHOLD {
            newcap = doublecap;
        } else {
            while newcap < needed {
                newcap += (newcap + 3 * THRESHOLD) >> 2;
            }
        }
    }
    if elem_bytes == 0 {
        return newcap;
    }
    let mem = newcap.saturating_mul(elem_bytes);
    let rounded = gol_gc::round_up_size(mem);
    rounded / elem_bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_matches_go_for_ints() {
        // Capacities Go 1.27 prints for `s = append(s, i)` on []int from nil.
        let mut cap = 0;
        let mut seen = Vec::new();
        for n in 1..=600usize {
            if n > cap {
                cap = grow_cap(cap, n, 8);
                seen.push(cap);
            }
        }
        assert_eq!(seen, vec![1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848]);
    }

    #[test]
    fn growth_matches_go_for_other_sizes() {
        // Native Go 1.27, escaping slices: []byte from nil 8; 5 ints at
        // once 6; []int of len 1 -> 2; a 40-byte struct 1; int32 2;
        // make([]byte, 3) -> 8; string (16 bytes) 1.
        assert_eq!(grow_cap(0, 1, 1), 8);
        assert_eq!(grow_cap(0, 5, 8), 6);
        assert_eq!(grow_cap(1, 2, 8), 2);
        assert_eq!(grow_cap(0, 1, 40), 1);
        assert_eq!(grow_cap(0, 1, 4), 2);
        assert_eq!(grow_cap(3, 4, 1), 8);
        assert_eq!(grow_cap(0, 1, 16), 1);
    }
}
