//! Object construction on the GC heap: interface boxes, copies of values,
//! closures, stores into objects, `append` (with Go's growth rule, which
//! needs Go's sizes of types: `go_size`, `go_align`), and reading a
//! slice's elements.
//!
//! Invariants: each object is allocated with the pointer mask of what it
//! holds (a box's type, a closure's captures), so the collector scans
//! exactly its pointer words; pointer words written into a live object go
//! through the write barrier (`store_words`, `copy_words_masked`), and a
//! value holding a string or slice header is published whole (value
//! module docs). `append`'s copy into a fresh array is the one unbarriered
//! copy; its comment says why that is safe.
//!
//! Layering: this is the bottom layer with values (value.rs): maps,
//! natives and the interpreter all build objects through these `Vm`
//! methods. Allocation itself is `Vm::alloc_typed`/`alloc_noscan`
//! (lib.rs), which pay the collector's assist (mgc.rs, a service the
//! collector defines on `Vm` for every allocation; see `Vm::cx`).

use crate::layout;
use crate::value::{self, grow_cap};
use crate::Vm;
use gol_gc::Layout;
use gol_lang::bytecode::{FuncId, Program, RtType, TypeKind};

/// The words of `n` elements of `ew` words each from `p` (the elements of
/// a slice), each element read as one value (value module docs).
pub(crate) fn read_elems(p: u64, n: usize, ew: usize) -> Vec<u64> {
    if p == 0 || n == 0 {
        return Vec::new();
    }
    let ew = ew.max(1);
    let mut out = vec![0u64; n * ew];
    for (k, e) in out.chunks_mut(ew).enumerate() {
        // SAFETY: `p` is a slice's array pointer and the n elements are
        // within its length (value invariant 2).
        unsafe { value::load_words(p + (k * ew * 8) as u64, e) };
    }
    out
}

/// The memory of `n` elements of type `t` from `p` (a slice's array), as
/// a word-aligned buffer of their bytes: each element read as one value
/// (value module docs) when they move as words, else their bytes.
pub(crate) fn read_mem(prog: &Program, t: RtType, p: u64, n: usize) -> Vec<u64> {
    let d = prog.ty(t);
    if layout::moves_as_words(d) {
        return read_elems(p, n, layout::mem_words(d));
    }
    let bytes = n.saturating_mul(d.size as usize);
    let mut out = vec![0u64; bytes.div_ceil(8)];
    if p != 0 && bytes > 0 {
        // SAFETY: the n elements are inside the array (value invariant
        // 2); the buffer has room for their bytes. Pointer-free: a racing
        // store can only make a byte stale.
        unsafe {
            std::ptr::copy_nonoverlapping(p as *const u8, out.as_mut_ptr() as *mut u8, bytes)
        };
    }
    out
}

/// The slot words of the `n` elements of type `t` laid out in memory in
/// `buf` (as [`read_mem`] returns them).
pub(crate) fn unpack_elems(prog: &Program, t: RtType, buf: &[u64], n: usize) -> Vec<u64> {
    let d = prog.ty(t);
    if !d.narrow {
        return buf.to_vec();
    }
    let ew = d.words as usize;
    let mut out = vec![0u64; n * ew];
    for k in 0..n {
        // SAFETY: element k lies in `buf` at k * size bytes (aligned:
        // the buffer is word-aligned and the size a multiple of the
        // alignment).
        unsafe {
            layout::unpack(
                prog,
                t,
                buf.as_ptr() as u64 + k as u64 * d.size,
                &mut out[k * ew..(k + 1) * ew],
            )
        };
    }
    out
}

/// The memory layout of the `n` elements of type `t` whose slot words
/// are `slots`, in a word-aligned buffer.
pub(crate) fn pack_elems(prog: &Program, t: RtType, slots: &[u64], n: usize) -> Vec<u64> {
    let d = prog.ty(t);
    if !d.narrow {
        return slots.to_vec();
    }
    let ew = d.words as usize;
    let mut out = vec![0u64; (n as u64 * d.size).div_ceil(8) as usize];
    for k in 0..n {
        let from = slots.get(k * ew..(k + 1) * ew).unwrap_or(&[]);
        // SAFETY: the buffer has room for n elements of `size` bytes.
        unsafe { layout::pack(prog, t, from, out.as_mut_ptr() as u64 + k as u64 * d.size) };
    }
    out
}

impl Vm {
    /// A zeroed array of `n` elements of type `t` in memory (`new(T)` is
    /// one), with the pointer layout of their memory words.
    pub(crate) fn alloc_mem(&mut self, t: RtType, n: usize) -> u64 {
        let Some(d) = self.prog.types.get(t.0 as usize) else {
            return self.alloc_noscan(1);
        };
        let bytes = (n as u64).saturating_mul(d.size).max(1);
        let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
        if !d.mem_mask().iter().any(|&m| m != 0) {
            return self.alloc_noscan(bytes);
        }
        self.assist(bytes);
        // The fields are borrowed apart (no clone of the shared program
        // on this path: its count is one cache line for every thread).
        let d = self.prog.ty(t);
        let layout = Layout::pointers(d.mem_mask(), layout::mem_words(d));
        let p = self.heap.alloc(&mut self.cache, bytes, layout) as u64;
        self.race_alloc(p, bytes);
        p
    }

    /// Writes `n` elements of type `t` from `buf` (their memory layout)
    /// to `p`: through the write barrier and published whole when they
    /// move as words, as bytes otherwise.
    ///
    /// # Safety
    /// `p` points at room for `n` elements of type `t` in a live object
    /// or the globals.
    pub(crate) unsafe fn write_mem(&mut self, t: RtType, p: u64, buf: &[u64], n: usize) {
        let d = self.prog.ty(t);
        if layout::moves_as_words(d) {
            let words = &buf[..(n * layout::mem_words(d)).min(buf.len())];
            // SAFETY: forwarded.
            unsafe { self.store_words(p, 0, words, t) };
        } else {
            let bytes = (n * d.size as usize).min(buf.len() * 8);
            // SAFETY: forwarded; pointer-free bytes need no barrier.
            unsafe { std::ptr::copy(buf.as_ptr() as *const u8, p as *mut u8, bytes) };
        }
    }

    /// Stores `n` values of type `t` given as slot words at `p` (memory
    /// layout), through the write barrier.
    ///
    /// # Safety
    /// As for [`Vm::write_mem`].
    pub(crate) unsafe fn store_values(&mut self, t: RtType, p: u64, slots: &[u64], n: usize) {
        let d = self.prog.ty(t);
        if !d.narrow {
            // SAFETY: forwarded.
            unsafe { self.store_words(p, 0, slots, t) };
        } else if n == 1 && !layout::moves_as_words(d) {
            // SAFETY: forwarded; pointer-free, so packed in place.
            unsafe { layout::pack(&self.prog, t, slots, p) };
        } else {
            let buf = pack_elems(&self.prog, t, slots, n);
            // SAFETY: forwarded.
            unsafe { self.write_mem(t, p, &buf, n) };
        }
    }

    /// The slot words of the value of type `t` at `p` (memory layout),
    /// read as one value (value module docs).
    ///
    /// # Safety
    /// `p` points at a live value of type `t`.
    pub(crate) unsafe fn load_value(&self, p: u64, t: RtType, out: &mut [u64]) {
        let d = self.prog.ty(t);
        if !d.narrow {
            // SAFETY: forwarded.
            unsafe { value::load_words(p, out) };
        } else if self.header_types.get(t.0 as usize) == Some(&true) {
            let mut buf = vec![0u64; layout::mem_words(d)];
            // SAFETY: forwarded; the snapshot is one value, then converted.
            unsafe {
                value::load_words(p, &mut buf);
                layout::unpack(&self.prog, t, buf.as_ptr() as u64, out);
            }
        } else {
            // SAFETY: forwarded.
            unsafe { layout::unpack(&self.prog, t, p, out) };
        }
    }

    /// Shades words that move between goroutines without a heap store
    /// (mgc.rs explains when). A no-op unless the collector marks.
    #[inline]
    pub(crate) fn shade_words(&mut self, ws: &[u64]) {
        if self.heap.phase().write_barrier_enabled() {
            for &w in ws {
                self.heap.shade_pointer(&mut self.cache, w as usize);
            }
        }
    }

    /// Stores package variable word `i`, with the write barrier (globals
    /// are roots scanned when a cycle starts).
    #[inline]
    pub(crate) fn store_global(&mut self, i: usize, w: u64) {
        if self.heap.phase().write_barrier_enabled() {
            let old = self.globals.get(i).unwrap_or(0);
            self.heap.shade_pointer(&mut self.cache, old as usize);
            self.heap.shade_pointer(&mut self.cache, w as usize);
        }
        self.globals.set(i, w);
    }

    /// A new interface box of type `t` holding `words`.
    pub(crate) fn new_box(&mut self, t: RtType, words: &[u64]) -> u64 {
        let mask = self.box_masks.get(t.0 as usize).map_or(&[][..], |m| &m[..]);
        let layout = gol_gc::Layout::pointers(mask, words.len() + 1);
        let p = self
            .heap
            .alloc(&mut self.cache, (words.len() + 1) * 8, layout) as u64;
        // SAFETY: `p` is a fresh object of words.len() + 1 words; word 0
        // is not a pointer.
        unsafe { value::write_word(p, 0, t.0 as u64) };
        for (k, &w) in words.iter().enumerate() {
            let is_ptr = mask
                .get((k + 1) / 64)
                .is_some_and(|m| m & (1 << ((k + 1) % 64)) != 0);
            if is_ptr {
                // SAFETY: word k+1 is a pointer word of the fresh box.
                unsafe {
                    self.heap.write_pointer(
                        &mut self.cache,
                        (p as *mut usize).add(k + 1),
                        w as usize,
                    )
                };
            } else {
                // SAFETY: word k+1 is inside the fresh box.
                unsafe { value::write_word(p, k + 1, w) };
            }
        }
        p
    }

    /// `*dst = *src` for a value of type `t` held in the heap or the
    /// globals: what assignment does with a value too large for slots
    /// (the code generator keeps those out of them). Word by word, with no
    /// buffer, so a value of a gigabyte costs no second gigabyte.
    ///
    /// # Safety
    /// `dst` and `src` point at live values of type `t`.
    pub(crate) unsafe fn copy_value(&mut self, dst: u64, src: u64, t: RtType) {
        if dst == src {
            return;
        }
        let prog = self.prog.clone();
        let Some(desc) = prog.types.get(t.0 as usize) else {
            return;
        };
        if !layout::moves_as_words(desc) {
            // SAFETY: forwarded; pointer-free bytes need no barrier, and
            // `copy` allows the two values to overlap.
            unsafe { std::ptr::copy(src as *const u8, dst as *mut u8, desc.size as usize) };
            return;
        }
        let n = layout::mem_words(desc);
        let header = self.header_types.get(t.0 as usize) == Some(&true);
        // SAFETY: forwarded; the mask is `t`'s, whose words the value has.
        unsafe { self.copy_words_masked(dst, src, n, desc.mem_mask(), 0, header) };
    }

    /// A new interface box of type `t` holding a copy of the value at
    /// `src` ([`Vm::new_box`] without the value in slots).
    ///
    /// # Safety
    /// `src` points at a live value of type `t`.
    pub(crate) unsafe fn box_value(&mut self, src: u64, t: RtType) -> u64 {
        if self.prog.types.get(t.0 as usize).is_some_and(|d| d.narrow) {
            // A box holds slot words: convert through a slot buffer.
            let mut slots = vec![0u64; self.prog.ty(t).words as usize];
            // SAFETY: forwarded.
            unsafe { self.load_value(src, t, &mut slots) };
            return self.new_box(t, &slots);
        }
        let n = self.prog.types.get(t.0 as usize).map_or(0, |d| d.words) as usize;
        let masks = self.box_masks.clone();
        let mask = masks.get(t.0 as usize).map_or(&[][..], |m| &m[..]);
        self.assist((n + 1) * 8);
        let layout = gol_gc::Layout::pointers(mask, n + 1);
        let p = self.heap.alloc(&mut self.cache, (n + 1) * 8, layout) as u64;
        self.race_alloc(p, (n + 1) * 8);
        // SAFETY: `p` is a fresh object of n + 1 words; word 0 is not a
        // pointer.
        unsafe { value::write_word(p, 0, t.0 as u64) };
        let header = self.header_types.get(t.0 as usize) == Some(&true);
        // SAFETY: the box's words 1..=n take the value; its mask is the
        // type's shifted by the type word.
        unsafe { self.copy_words_masked(p + 8, src, n, mask, 1, header) };
        p
    }

    /// Copies `n` words from `src` to `dst`; word k is a pointer when bit
    /// k + `shift` of `mask` is set (barriered). A value holding a string
    /// or slice header (`header`) is copied as one value (value module
    /// docs): a short one through a buffer (`load_words`, `store_words`'
    /// lock), a long one under the lock of the destination's stripes,
    /// which then covers every stripe and so excludes writers of the
    /// source too.
    ///
    /// # Safety
    /// Both ranges are `n` words of live memory that do not overlap.
    unsafe fn copy_words_masked(
        &mut self,
        dst: u64,
        src: u64,
        n: usize,
        mask: &[u64],
        shift: usize,
        header: bool,
    ) {
        let all_stripes = n * 8 >= value::STRIPES * 64 + 64;
        let mut buf = Vec::new();
        let from = if header && !all_stripes {
            buf = vec![0u64; n];
            // SAFETY: `src` has n live words.
            unsafe { value::load_words(src, &mut buf) };
            buf.as_ptr() as u64
        } else {
            src
        };
        let _lock = header.then(|| value::lock_words(dst, n));
        let is_ptr = |k: usize| {
            let b = k + shift;
            mask.get(b / 64).is_some_and(|m| m & (1 << (b % 64)) != 0)
        };
        use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
        let scan = mask.iter().any(|&m| m != 0);
        for k in 0..n {
            // Relaxed atomic accesses, as everywhere shared words are read
            // and written (value module docs): a racing goroutine sees
            // each word whole.
            // SAFETY: word k of both ranges is live and 8-aligned (the
            // caller's contract); AtomicU64 has u64's layout.
            let (from_w, slot) = unsafe {
                (
                    &*(from as *const AtomicU64).add(k),
                    (dst as *mut u64).add(k),
                )
            };
            let w = from_w.load(Relaxed);
            if scan && is_ptr(k) {
                // SAFETY: a pointer word of a live heap object or global.
                unsafe {
                    self.heap
                        .write_pointer(&mut self.cache, slot as *mut usize, w as usize)
                };
            } else {
                // SAFETY: as above; a non-pointer word.
                unsafe { (*(slot as *const AtomicU64)).store(w, Relaxed) };
            }
        }
        drop(buf);
    }

    /// A new closure object: `[function, captures...]`.
    pub(crate) fn new_closure(&mut self, f: FuncId, caps: &[u64]) -> u64 {
        let n = caps.len() + 1;
        let mut mask = vec![0u64; n.div_ceil(64)];
        for k in 1..n {
            mask[k / 64] |= 1 << (k % 64);
        }
        let layout = gol_gc::Layout::pointers(&mask, n);
        let p = self.heap.alloc(&mut self.cache, n * 8, layout) as u64;
        self.race_alloc(p, n * 8);
        // SAFETY: fresh object of n words; word 0 is not a pointer.
        unsafe { value::write_word(p, 0, f.0 as u64) };
        for (k, &c) in caps.iter().enumerate() {
            // SAFETY: word k+1 is a pointer word of the fresh closure.
            unsafe {
                self.heap
                    .write_pointer(&mut self.cache, (p as *mut usize).add(k + 1), c as usize)
            };
        }
        p
    }

    /// Stores `words` (the memory words of whole elements of type `t`,
    /// repeated: their slot words when `t` is not narrow) at word `off` of
    /// the object at `p`, through the write barrier for pointer words. A
    /// narrow type that moves as bytes must not come here (see
    /// [`Vm::write_mem`]).
    ///
    /// # Safety
    /// `p` points at a live object with at least `off + words.len()` words
    /// whose words from `off` hold values of type `t`.
    pub(crate) unsafe fn store_words(&mut self, p: u64, off: usize, words: &[u64], t: RtType) {
        let Some(d) = self.prog.types.get(t.0 as usize) else {
            return;
        };
        let ew = layout::mem_words(d).max(1);
        let mask = d.mem_mask();
        // A value holding a string or slice header is published whole,
        // element by element (value module docs).
        let publish = ew >= 2 && self.header_types.get(t.0 as usize) == Some(&true);
        let mut lock = None;
        for (k, &w) in words.iter().enumerate() {
            let e = k % ew;
            if publish && e == 0 {
                // Unlock the previous element first: the two may share a
                // stripe.
                drop(lock.take());
                let at = p + (off + k) as u64 * 8;
                lock = Some(value::lock_words(at, ew.min(words.len() - k)));
            }
            let is_ptr = mask.get(e / 64).is_some_and(|m| m & (1 << (e % 64)) != 0);
            // SAFETY: word off+k is inside the object (caller's contract).
            let slot = unsafe { (p as *mut u64).add(off + k) };
            if is_ptr {
                // SAFETY: a pointer word of a live heap object.
                unsafe {
                    self.heap
                        .write_pointer(&mut self.cache, slot as *mut usize, w as usize)
                };
            } else {
                // SAFETY: as above; a non-pointer word.
                unsafe { *slot = w };
            }
        }
        drop(lock);
    }

    /// `append(s, elems...)` with Go's growth.
    pub(crate) fn append(
        &mut self,
        t: RtType,
        s: (u64, u64, u64),
        words: &[u64],
        n: u64,
    ) -> (u64, u64, u64) {
        if n == 0 {
            return s;
        }
        let buf = pack_elems(&self.prog, t, words, n as usize);
        self.append_mem(t, s, Elems::Words(&buf), n)
    }

    /// `append(s, elems...)` with Go's growth, the `n` new elements of
    /// type `t` given in their memory layout in `buf`.
    pub(crate) fn append_mem(
        &mut self,
        t: RtType,
        s: (u64, u64, u64),
        buf: Elems<'_>,
        n: u64,
    ) -> (u64, u64, u64) {
        let (p, l, c) = s;
        if n == 0 {
            return s;
        }
        let d = self.prog.ty(t);
        let (size, as_words, ew) = (
            d.size,
            layout::moves_as_words(d),
            layout::mem_words(d).max(1),
        );
        if size == 0 {
            // Nothing to write; Go's growslice gives zero-size elements
            // no array (but a non-nil pointer) and a capacity of exactly
            // the new length.
            if l + n <= c {
                return (p, l + n, c);
            }
            let p = if p == 0 { self.alloc_mem(t, 0) } else { p };
            return (p, l + n, l + n);
        }
        if l + n <= c {
            // SAFETY: l + n <= cap elements fit in the array (invariant 2).
            unsafe { self.write_elems(t, p + l * size, buf, n as usize) };
            return (p, l + n, c);
        }
        let esize = go_size(&self.prog, t).max(1);
        let nc = grow_cap(c as usize, (l + n) as usize, esize) as u64;
        let np = self.alloc_mem(t, nc as usize);
        let old_words = if as_words { l as usize * ew } else { 0 };
        if p != 0 && l > 0 && !as_words {
            // Pointer-free bytes: one copy, no barrier to care about.
            // SAFETY: the old array holds l elements, the fresh one room
            // for nc >= l + n; distinct objects.
            unsafe {
                std::ptr::copy_nonoverlapping(p as *const u8, np as *mut u8, (l * size) as usize)
            };
        }
        if p != 0 && old_words > 0 {
            // The old elements are copied into the fresh array without the
            // write barrier (one copy, not a barrier per word: a long copy
            // during mark would hold up a stop of the world); while the
            // collector marks, the array, black since it is new, is then
            // queued to be scanned again (`Heap::rescan_fresh`).
            // SAFETY: the old array holds at least l elements of ew words
            // (value invariant 2); the fresh one has nc >= l + n elements;
            // they are distinct objects, and no other goroutine sees the
            // fresh one yet.
            unsafe {
                if ew >= 2 {
                    // Each old element is read as one value (value module
                    // docs): another goroutine may store into the old
                    // array meanwhile.
                    let fresh = std::slice::from_raw_parts_mut(np as *mut u64, old_words);
                    for (k, e) in fresh.chunks_mut(ew).enumerate() {
                        value::load_words(p + (k * ew * 8) as u64, e);
                    }
                } else {
                    std::ptr::copy_nonoverlapping(p as *const u64, np as *mut u64, old_words)
                }
            };
            self.heap.rescan_fresh(&mut self.cache, np as usize);
        }
        // SAFETY: the fresh array has nc >= l + n elements.
        unsafe { self.write_elems(t, np + l * size, buf, n as usize) };
        (np, l + n, nc)
    }

    /// [`Vm::write_mem`] of elements given as words or, for a type that
    /// moves as bytes, as bytes (a string's, for `append(b, s...)`).
    ///
    /// # Safety
    /// As for [`Vm::write_mem`].
    unsafe fn write_elems(&mut self, t: RtType, p: u64, buf: Elems<'_>, n: usize) {
        match buf {
            // SAFETY: forwarded.
            Elems::Words(w) => unsafe { self.write_mem(t, p, w, n) },
            Elems::Bytes(b) => {
                let bytes = (n * self.prog.ty(t).size as usize).min(b.len());
                // SAFETY: forwarded; the caller passes bytes only for a
                // pointer-free type; a string's bytes never overlap a
                // slice's array.
                unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), p as *mut u8, bytes) };
            }
        }
    }
}

/// New elements for [`Vm::append_mem`], in their memory layout.
pub(crate) enum Elems<'a> {
    /// A word-aligned buffer (any element type).
    Words(&'a [u64]),
    /// Bytes, for a pointer-free element type only.
    Bytes(&'a [u8]),
}

/// The size Go gives a value of type `t` (for `append`'s growth).
fn go_size(prog: &Program, t: RtType) -> usize {
    go_size_depth(prog, t, 0)
}

fn go_size_depth(prog: &Program, t: RtType, depth: u32) -> usize {
    if depth > 50 {
        return 8;
    }
    let d = prog.ty(t);
    match &d.kind {
        TypeKind::Bool => 1,
        TypeKind::Int { bits, .. } | TypeKind::Float { bits } | TypeKind::Complex { bits } => {
            *bits as usize / 8
        }
        TypeKind::String => 16,
        TypeKind::Slice(_) => 24,
        TypeKind::Interface => 16,
        TypeKind::Array(n, e) => (*n as usize).saturating_mul(go_size_depth(prog, *e, depth + 1)),
        TypeKind::Struct(fs) => {
            let mut size = 0usize;
            let mut align = 1usize;
            for f in fs {
                let s = go_size_depth(prog, f.ty, depth + 1);
                let a = go_align(prog, f.ty, depth + 1);
                align = align.max(a);
                size = size.div_ceil(a) * a + s;
            }
            size.div_ceil(align) * align
        }
        _ => 8,
    }
}

fn go_align(prog: &Program, t: RtType, depth: u32) -> usize {
    if depth > 50 {
        return 8;
    }
    match &prog.ty(t).kind {
        TypeKind::Bool => 1,
        TypeKind::Int { bits, .. } | TypeKind::Float { bits } => (*bits as usize / 8).max(1),
        TypeKind::Complex { bits } => (*bits as usize / 16).max(1),
        TypeKind::Array(_, e) => go_align(prog, *e, depth + 1),
        TypeKind::Struct(fs) => fs
            .iter()
            .map(|f| go_align(prog, f.ty, depth + 1))
            .max()
            .unwrap_or(1),
        _ => 8,
    }
}
