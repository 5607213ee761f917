//! Values in memory at Go's sizes, and their conversion to and from
//! slots.
//!
//! A value has two layouts (see `TypeDesc` in the bytecode module):
//! * in *slots* (a goroutine's registers, interface boxes, the values
//!   channel operations hand from one goroutine to another) every scalar
//!   takes a whole word, so the interpreter computes on words and a value
//!   of `n` words moves as `n` words;
//! * in *memory* (heap objects, the arrays behind slices, package
//!   variables, map entries, channel buffers) it has Go's layout on
//!   amd64: a `bool`, `int8` or `uint8`
//!   is one byte, an `int16` two, an `int32`, `uint32` or `float32` four,
//!   struct fields sit at Go's offsets with Go's padding, arrays are
//!   packed. A `[64]byte` field takes 64 bytes, not 64 words.
//!
//! A type without a narrow scalar inside (`TypeDesc::narrow` false) has
//! the same words in both: each of its parts is a whole number of words
//! aligned to 8, so its memory words are its slot words, and the
//! interpreter moves them unchanged (`Load`, `Store`, word copies). A
//! narrow type converts at the boundary: `LoadN`/`StoreN` load and store
//! one narrow scalar (sign- or zero-extended into its slot, `float32`
//! widened to the f64 bits slots keep floats in), and [`unpack`] and
//! [`pack`] convert a narrow struct or array by the steps the code
//! generator listed for its type (`TypeDesc::conv`).
//!
//! # Invariants
//! 1. A narrow scalar in memory is aligned to its size (Go's rule; the
//!    allocator aligns an object to 8, or to its size's alignment for the
//!    tiny allocator, and every offset the code generator computes keeps
//!    a part's alignment), so its loads and stores are single aligned
//!    accesses: a racing store of a neighbouring field never tears it and
//!    is never torn by it. Stores write exactly the bytes of the value:
//!    distinct fields are distinct memory locations, as in Go.
//! 2. A type holding a pointer has alignment 8 and a size that is a
//!    multiple of 8, so its memory is whole words and the word paths
//!    (write barrier per pointer word, by `TypeDesc::mem_mask`; values
//!    with a string or slice header published whole, value module docs)
//!    apply to it unchanged. A pointer-free narrow value moves as bytes.
//! 3. Conversion needs no recursion: nested narrow parts are taken from an
//!    explicit work list, so a type nested 10,000 deep costs time, not
//!    Rust stack.
//!
//! # Outside the heap
//! A channel's buffer is Rust memory the collector reads as a root, not a
//! heap object, and the scheduler's channel code knows no types. An
//! [`ElemForm`] is what it needs of its element type: the two sizes, how
//! to convert (nothing, one scalar, or the type's steps), and which memory
//! words are pointers, so a `chan [64]byte` buffers 64 bytes an element
//! and is not scanned at all.

use gol_lang::bytecode::{ConvPart, MemKind, Program, RtType, TypeDesc};
use std::sync::atomic::Ordering::Relaxed;
use std::sync::atomic::{
    AtomicI16, AtomicI32, AtomicI8, AtomicU16, AtomicU32, AtomicU64, AtomicU8,
};
use std::sync::Arc;

/// The narrow scalar of kind `k` at `p`, as its slot word.
///
/// # Safety
/// `p` points at `k.bytes()` live bytes aligned to that size.
#[inline(always)]
pub(crate) unsafe fn load_scalar(p: u64, k: MemKind) -> u64 {
    // SAFETY: the caller's contract; atomic (relaxed) so a racing store
    // is seen whole, as every shared word is (value module docs).
    unsafe {
        match k {
            MemKind::I8 => (*(p as *const AtomicI8)).load(Relaxed) as i64 as u64,
            MemKind::U8 => (*(p as *const AtomicU8)).load(Relaxed) as u64,
            MemKind::I16 => (*(p as *const AtomicI16)).load(Relaxed) as i64 as u64,
            MemKind::U16 => (*(p as *const AtomicU16)).load(Relaxed) as u64,
            MemKind::I32 => (*(p as *const AtomicI32)).load(Relaxed) as i64 as u64,
            MemKind::U32 => (*(p as *const AtomicU32)).load(Relaxed) as u64,
            MemKind::F32 => {
                (f32::from_bits((*(p as *const AtomicU32)).load(Relaxed)) as f64).to_bits()
            }
        }
    }
}

/// Stores slot word `v` as the narrow scalar of kind `k` at `p`.
///
/// # Safety
/// As for [`load_scalar`].
#[inline(always)]
pub(crate) unsafe fn store_scalar(p: u64, k: MemKind, v: u64) {
    // SAFETY: the caller's contract.
    unsafe {
        match k {
            MemKind::I8 | MemKind::U8 => (*(p as *const AtomicU8)).store(v as u8, Relaxed),
            MemKind::I16 | MemKind::U16 => (*(p as *const AtomicU16)).store(v as u16, Relaxed),
            MemKind::I32 | MemKind::U32 => (*(p as *const AtomicU32)).store(v as u32, Relaxed),
            MemKind::F32 => {
                (*(p as *const AtomicU32)).store((f64::from_bits(v) as f32).to_bits(), Relaxed)
            }
        }
    }
}

/// The words of memory a value of `d` spans and its pointer mask over
/// them: the word view of invariant 2 (for a pointer-free narrow type
/// the words round its size up, and only byte copies may use them).
#[inline]
pub(crate) fn mem_words(d: &TypeDesc) -> usize {
    if d.narrow {
        usize::try_from(d.size.div_ceil(8)).unwrap_or(usize::MAX)
    } else {
        d.words as usize
    }
}

/// Whether values of `d` move through memory as words (barriers, whole
/// header publication) rather than bytes: not narrow, or holding a
/// pointer (invariant 2).
#[inline]
pub(crate) fn moves_as_words(d: &TypeDesc) -> bool {
    !d.narrow || d.mem_mask().iter().any(|&m| m != 0)
}

/// One step of [`unpack`]'s or [`pack`]'s walk: a narrow value of type
/// `t` at memory address `mem` and slot index `slot`.
type Work = (RtType, u64, usize);

/// Converts the value of narrow type `t` in memory at `p` into its slot
/// words in `out` (`t`'s words from index 0). Words of `out` it would
/// index past are left alone (a broken descriptor costs a wrong value,
/// not memory safety).
///
/// # Safety
/// `p` points at a live value of type `t` in memory (or a copy of one in
/// a word-aligned buffer).
pub(crate) unsafe fn unpack(prog: &Program, t: RtType, p: u64, out: &mut [u64]) {
    walk(prog, t, p, |at, slot, part| match part {
        Step::Scalar(k) => {
            if let Some(o) = out.get_mut(slot) {
                // SAFETY: `at` is a scalar of kind k inside the value.
                *o = unsafe { load_scalar(at, k) };
            }
        }
        Step::Words(n) => {
            for i in 0..n {
                if let Some(o) = out.get_mut(slot + i) {
                    // SAFETY: word i of the run is inside the value and
                    // 8-aligned (invariant 2).
                    *o = unsafe { (*(at as *const AtomicU64).add(i)).load(Relaxed) };
                }
            }
        }
    });
}

/// Converts the slot words `slots` of a value of narrow type `t` into
/// its memory layout at `p`, writing its parts' bytes (padding is left as
/// it is). No write barrier: `p` must be a buffer, a fresh object, or a
/// pointer-free value's memory.
///
/// # Safety
/// `p` points at `t`'s size of writable memory, aligned to `t`.
pub(crate) unsafe fn pack(prog: &Program, t: RtType, slots: &[u64], p: u64) {
    walk(prog, t, p, |at, slot, part| match part {
        Step::Scalar(k) => {
            let v = slots.get(slot).copied().unwrap_or(0);
            // SAFETY: `at` is a scalar of kind k inside the value.
            unsafe { store_scalar(at, k, v) };
        }
        Step::Words(n) => {
            for i in 0..n {
                let v = slots.get(slot + i).copied().unwrap_or(0);
                // SAFETY: word i of the run is inside the value and
                // 8-aligned (invariant 2).
                unsafe { (*(at as *const AtomicU64).add(i)).store(v, Relaxed) };
            }
        }
    });
}

/// What [`walk`] hands its visitor.
enum Step {
    Scalar(MemKind),
    Words(usize),
}

/// Visits every scalar and word run of the narrow value of type `t` at
/// `p` with (memory address, slot index, step), nested parts from an
/// explicit work list (invariant 3).
fn walk(prog: &Program, t: RtType, p: u64, mut visit: impl FnMut(u64, usize, Step)) {
    let mut work: Vec<Work> = vec![(t, p, 0)];
    while let Some((t, p, s)) = work.pop() {
        let Some(d) = prog.types.get(t.0 as usize) else {
            continue;
        };
        for c in &d.conv {
            let (at, slot) = (p.wrapping_add(c.moff), s + c.soff as usize);
            match c.what {
                ConvPart::Scalar(k) => visit(at, slot, Step::Scalar(k)),
                ConvPart::Words(n) => visit(at, slot, Step::Words(n as usize)),
                ConvPart::Part(u) => work.push((u, at, slot)),
                ConvPart::Array { n, elem } => {
                    let Some(ed) = prog.types.get(elem.0 as usize) else {
                        continue;
                    };
                    let (es, ew) = (ed.size, ed.words as usize);
                    if let Some(k) = ed.mem_kind() {
                        for i in 0..n {
                            visit(at + i * es, slot + i as usize * ew, Step::Scalar(k));
                        }
                    } else {
                        for i in (0..n).rev() {
                            work.push((elem, at + i * es, slot + i as usize * ew));
                        }
                    }
                }
            }
        }
    }
}

/// A value's memory form in Rust memory the collector scans as a root (a
/// channel's buffer): see the module docs. Stores into such memory need
/// no write barrier (the memory is a root, and values reaching it are
/// shaded on the way: mgc.rs), so conversion writes plain bytes.
pub(crate) struct ElemForm {
    /// Slot words of one value.
    words: usize,
    /// Bytes of one value in memory (a multiple of its alignment, which
    /// is at most 8).
    size: usize,
    /// The pointer words of one value's memory (bit k: word k); empty
    /// when it holds none.
    mask: Vec<u64>,
    conv: FormConv,
}

/// How an [`ElemForm`] converts between slots and memory.
enum FormConv {
    /// The memory words are the slot words.
    Words,
    /// One narrow scalar.
    Scalar(MemKind),
    /// A narrow struct or array, by its type's steps ([`pack`], [`unpack`]).
    Steps(Arc<Program>, RtType),
}

impl ElemForm {
    /// The form of type `t`'s values.
    pub(crate) fn of(prog: &Arc<Program>, t: RtType) -> ElemForm {
        let Some(d) = prog.types.get(t.0 as usize) else {
            return ElemForm::words(0);
        };
        let mask = if d.mem_mask().iter().any(|&m| m != 0) {
            d.mem_mask().to_vec()
        } else {
            Vec::new()
        };
        let conv = if !d.narrow {
            FormConv::Words
        } else if let Some(k) = d.mem_kind() {
            FormConv::Scalar(k)
        } else {
            FormConv::Steps(prog.clone(), t)
        };
        ElemForm {
            words: d.words as usize,
            size: usize::try_from(d.size).unwrap_or(usize::MAX),
            mask,
            conv,
        }
    }

    /// Values of `n` opaque words, the same in slots and memory, any of
    /// which may be a pointer (the collector's roots are conservative, so
    /// a word that is not one costs nothing but a lookup).
    pub(crate) fn words(n: usize) -> ElemForm {
        let mut mask = vec![u64::MAX; n.div_ceil(64)];
        if n % 64 != 0 {
            if let Some(last) = mask.last_mut() {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        ElemForm {
            words: n,
            size: n * 8,
            mask,
            conv: FormConv::Words,
        }
    }

    /// Slot words of one value.
    #[inline]
    pub(crate) fn slot_words(&self) -> usize {
        self.words
    }

    /// Bytes of one value in memory.
    #[inline]
    pub(crate) fn size(&self) -> usize {
        self.size
    }

    /// Whether memory word `k` of a value is a pointer.
    #[inline]
    pub(crate) fn is_pointer(&self, k: usize) -> bool {
        self.mask
            .get(k / 64)
            .is_some_and(|m| m & (1 << (k % 64)) != 0)
    }

    /// Whether a value holds a pointer at all.
    #[inline]
    pub(crate) fn has_pointers(&self) -> bool {
        !self.mask.is_empty()
    }

    /// Writes the value whose slot words are `slots` at `p` in its memory
    /// form (padding left as it is; missing slot words read as zero).
    ///
    /// # Safety
    /// `p` points at `size()` writable bytes aligned to 8 or to the size
    /// of the value's alignment, which no other thread accesses meanwhile.
    #[inline]
    pub(crate) unsafe fn store(&self, slots: &[u64], p: *mut u8) {
        match &self.conv {
            FormConv::Words => {
                let n = (self.size / 8).min(slots.len());
                // SAFETY: the caller's contract; the value's words.
                unsafe { std::ptr::copy_nonoverlapping(slots.as_ptr(), p as *mut u64, n) };
            }
            FormConv::Scalar(k) => {
                // SAFETY: the caller's contract: a scalar of kind k.
                unsafe { store_scalar(p as u64, *k, slots.first().copied().unwrap_or(0)) };
            }
            // SAFETY: the caller's contract.
            FormConv::Steps(prog, t) => unsafe { pack(prog, *t, slots, p as u64) },
        }
    }

    /// The slot words of the value in memory at `p`, as a new vector (not
    /// zeroed first when every word is copied: this is a channel's
    /// receive path).
    ///
    /// # Safety
    /// As for [`Self::load`].
    #[inline]
    pub(crate) unsafe fn load_vec(&self, p: *const u8) -> Vec<u64> {
        match &self.conv {
            FormConv::Words => {
                // SAFETY: the caller's contract: `size / 8` words at `p`.
                unsafe { std::slice::from_raw_parts(p as *const u64, self.size / 8) }.to_vec()
            }
            // SAFETY: the caller's contract.
            FormConv::Scalar(k) => vec![unsafe { load_scalar(p as u64, *k) }],
            FormConv::Steps(..) => {
                let mut out = vec![0; self.words];
                // SAFETY: forwarded.
                unsafe { self.load(p, &mut out) };
                out
            }
        }
    }

    /// The slot words of the value in memory at `p`, into `out` (its
    /// first `slot_words()` words).
    ///
    /// # Safety
    /// `p` points at a value of this form, aligned as for [`Self::store`],
    /// which no other thread writes meanwhile.
    pub(crate) unsafe fn load(&self, p: *const u8, out: &mut [u64]) {
        match &self.conv {
            FormConv::Words => {
                let n = (self.size / 8).min(out.len());
                // SAFETY: the caller's contract.
                unsafe { std::ptr::copy_nonoverlapping(p as *const u64, out.as_mut_ptr(), n) };
            }
            FormConv::Scalar(k) => {
                if let Some(o) = out.first_mut() {
                    // SAFETY: the caller's contract: a scalar of kind k.
                    *o = unsafe { load_scalar(p as u64, *k) };
                }
            }
            // SAFETY: the caller's contract.
            FormConv::Steps(prog, t) => unsafe { unpack(prog, *t, p as u64, out) },
        }
    }
}
