//! The cold instructions on slices and strings: making, slicing,
//! appending, copying and converting (`run` keeps indexing, `SliceGet`
//! and `SliceSet`, inline: they are hot). Each allocates or walks a
//! whole backing array, so a call out of the loop costs nothing
//! measurable, and keeping them here keeps `run` short enough to read.

use super::*;
use crate::objects::{read_mem, Elems};
use gol_lang::bytecode::MemKind;

/// A range of memory a slice instruction reads or writes: `n` elements
/// of `size` bytes from `addr`.
pub(super) struct Range {
    pub(super) addr: u64,
    pub(super) n: u64,
    pub(super) size: u64,
    pub(super) write: bool,
}

/// The memory `op` (a slice or string instruction, about to run in the
/// frame `at`) reads and writes in existing arrays, for the race
/// detector, as Go's runtime reports it: `copy` reads its source and
/// writes its destination; `append` writes the elements it adds in place
/// or, when it grows the slice, reads the old elements it moves (the new
/// array is fresh: nobody else can reach it); `append(a, b...)` reads
/// `b` as well; converting a `[]byte` or `[]rune` to a string reads it;
/// `clear` writes. Strings are immutable: reading one is never a race.
/// A nil or empty slice yields an empty range. Out-of-range operands
/// are for the instruction itself to report.
fn race_ranges(prog: &Program, g: &G, at: At<'_>, op: Op) -> Result<Vec<Range>, Trap> {
    let slice = |x: Reg| -> Result<(u64, u64, u64), Trap> {
        Ok((at.r(g, x)?, at.r(g, Reg(x.0 + 1))?, at.r(g, Reg(x.0 + 2))?))
    };
    let added = |(p, l, c): (u64, u64, u64), n: u64, size: u64| {
        if l.saturating_add(n) <= c {
            Range {
                addr: p + l * size,
                n,
                size,
                write: true,
            }
        } else {
            Range {
                addr: p,
                n: l,
                size,
                write: false,
            }
        }
    };
    let mut out = Vec::new();
    match op {
        Op::Append { a, n, t, .. } => out.push(added(slice(a)?, n as u64, prog.ty(t).size)),
        Op::AppendSlice { a, b, t, .. } => {
            let size = prog.ty(t).size;
            let (bp, bl) = (at.r(g, b)?, at.r(g, Reg(b.0 + 1))?);
            out.push(Range {
                addr: bp,
                n: bl,
                size,
                write: false,
            });
            out.push(added(slice(a)?, bl, size));
        }
        Op::AppendStr { a, b, .. } => {
            let n = at.r(g, Reg(b.0 + 1))?;
            out.push(added(slice(a)?, n, 1));
        }
        Op::CopySlice { a, b, t, .. } => {
            let n = at.r(g, Reg(a.0 + 1))?.min(at.r(g, Reg(b.0 + 1))?);
            let size = prog.ty(t).size;
            let (dst, src) = (at.r(g, a)?, at.r(g, b)?);
            out.push(Range {
                addr: src,
                n,
                size,
                write: false,
            });
            out.push(Range {
                addr: dst,
                n,
                size,
                write: true,
            });
        }
        Op::CopyStr { a, b, .. } => {
            let n = at.r(g, Reg(a.0 + 1))?.min(at.r(g, Reg(b.0 + 1))?);
            out.push(Range {
                addr: at.r(g, a)?,
                n,
                size: 1,
                write: true,
            });
        }
        Op::BytesToStr { a, .. } | Op::RunesToStr { a, .. } => {
            let size = if matches!(op, Op::BytesToStr { .. }) {
                1
            } else {
                4
            };
            out.push(Range {
                addr: at.r(g, a)?,
                n: at.r(g, Reg(a.0 + 1))?,
                size,
                write: false,
            });
        }
        Op::ClearSlice { a, t } => out.push(Range {
            addr: at.r(g, a)?,
            n: at.r(g, Reg(a.0 + 1))?,
            size: prog.ty(t).size,
            write: true,
        }),
        _ => {}
    }
    Ok(out)
}

/// Reports the ranges of `op` (`race_ranges`) to the race detector
/// `r`; the exit status when a report ends the program
/// (`halt_on_error`). Out of line: `run` pays one call for it, in race
/// mode only.
#[cold]
#[inline(never)]
pub(super) fn race_check(
    r: &crate::race::Race,
    vm: &Vm,
    prog: &Program,
    g: &G,
    at: At<'_>,
    op: Op,
) -> Result<Option<i32>, Trap> {
    for x in race_ranges(prog, g, at, op)? {
        if let crate::race::Verdict::Halt(code) =
            r.access_elems(vm, g, at.pc, x.addr, x.n, x.size, x.write)
        {
            return Ok(Some(code));
        }
    }
    Ok(None)
}

/// Checks the memory `op` is about to touch against the user mappings'
/// protections (usermap.rs): the ranges of `race_ranges`, and for the
/// whole-value copies through pointers (`CopyValue`, `BoxValue`) the
/// value read and the one written. A nil pointer is the instruction's
/// own panic (no mapping starts at 0); a bad slot is its fatal error.
#[cold]
#[inline(never)]
pub(super) fn check_mapped(
    prog: &Program,
    g: &G,
    at: At<'_>,
    op: Op,
) -> Result<(), crate::usermap::Fault> {
    let ranges = match op {
        Op::CopyValue { d, a, t } => {
            let size = prog.ty(t).size;
            let (Ok(dst), Ok(src)) = (at.r(g, d), at.r(g, a)) else {
                return Ok(());
            };
            vec![(src, size, false), (dst, size, true)]
        }
        Op::BoxValue { a, t, .. } => match at.r(g, a) {
            Ok(src) => vec![(src, prog.ty(t).size, false)],
            Err(_) => return Ok(()),
        },
        _ => match race_ranges(prog, g, at, op) {
            Ok(rs) => rs
                .iter()
                .map(|x| (x.addr, x.n.saturating_mul(x.size), x.write))
                .collect(),
            Err(_) => return Ok(()),
        },
    };
    for (addr, len, write) in ranges {
        if addr != 0 {
            crate::usermap::check(addr, len, write)?;
        }
    }
    Ok(())
}

/// Executes `op`, one of the slice and string instructions, in the frame `at`.
#[inline(never)]
pub(super) fn exec(vm: &mut Vm, prog: &Program, g: &mut G, at: At<'_>, op: Op) -> Step {
    let base = at.base;
    match op {
        Op::StrSlice { d, a, b, u } => {
            let len = at.r(g, Reg(a.0 + 1))? as i64;
            let lo = at.ri(g, b)?;
            let hi = at.ri(g, Reg(b.0 + 1))?;
            if hi < 0 || hi > len {
                let e = bounds_error(Bounds::SliceAlen, hi, u.bound(1), len);
                return Err(Trap::Panic(e));
            }
            if lo < 0 || lo > hi {
                let e = bounds_error(Bounds::SliceB, lo, u.bound(0), hi);
                return Err(Trap::Panic(e));
            }
            let (p, l) = if hi == lo {
                (0, 0)
            } else {
                (at.r(g, a)? + lo as u64, (hi - lo) as u64)
            };
            at.set(g, d, p)?;
            at.set(g, Reg(d.0 + 1), l)?;
        }
        Op::ConcatStr { d, a, b } => {
            let (al, bl) = (at.r(g, Reg(a.0 + 1))?, at.r(g, Reg(b.0 + 1))?);
            let (p, l) = if bl == 0 {
                (at.r(g, a)?, al)
            } else if al == 0 {
                (at.r(g, b)?, bl)
            } else {
                // Written straight into the new string: no buffer of the
                // sum outside the heap (its commit budget sees it all).
                let n = str_at(g, base, a).len() + str_at(g, base, b).len();
                let p = vm.alloc_noscan(n);
                let (x, y) = (str_at(g, base, a), str_at(g, base, b));
                // SAFETY: `p` is a fresh object of x.len() + y.len()
                // bytes; the operands are live strings (the slots hold
                // them), distinct from it.
                unsafe {
                    std::ptr::copy_nonoverlapping(x.as_ptr(), p as *mut u8, x.len());
                    std::ptr::copy_nonoverlapping(y.as_ptr(), (p as *mut u8).add(x.len()), y.len());
                }
                (p, n as u64)
            };
            at.set(g, d, p)?;
            at.set(g, Reg(d.0 + 1), l)?;
        }
        Op::RuneToStr { d, a } => {
            let c = u32::try_from(at.ri(g, a)?)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{FFFD}');
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let (p, l) = vm.new_string(s.as_bytes());
            at.set(g, d, p)?;
            at.set(g, Reg(d.0 + 1), l)?;
        }
        Op::StrDecodeRune { d, a, i } => {
            let s = str_at(g, base, a);
            let (c, w) = decode_rune(s, at.ri(g, i)? as usize);
            at.set(g, d, c as u64)?;
            at.set(g, Reg(d.0 + 1), w as u64)?;
        }
        Op::MakeSlice { d, t, len, cap } => {
            let l = at.ri(g, len)?;
            let c = at.ri(g, cap)?;
            // Go's bound: cap * elemsize <= 2^48 bytes (maxAlloc);
            // below it, a size the heap cannot get is Go's fatal
            // error (out of memory), not this panic. Zero-size elements
            // take no memory at any length (`make([]struct{}, maxInt)`).
            let max = match prog.ty(t).size.min(1 << 48) as i64 {
                0 => i64::MAX,
                es => (1 << 48) / es,
            };
            if l < 0 || l > max {
                return Err(Trap::Panic(
                    "runtime error: makeslice: len out of range".into(),
                ));
            }
            if c < l || c > max {
                return Err(Trap::Panic(
                    "runtime error: makeslice: cap out of range".into(),
                ));
            }
            let p = vm.alloc_mem(t, c as usize);
            at.set(g, d, p)?;
            at.set(g, Reg(d.0 + 1), l as u64)?;
            at.set(g, Reg(d.0 + 2), c as u64)?;
        }
        Op::PackSlice { d, a, n, t } => {
            let ew = prog.ty(t).words as usize;
            let s = base + a.0 as usize;
            let words = Words::of(&g.stack[s..s + n as usize * ew]);
            let p = vm.alloc_mem(t, n as usize);
            // SAFETY: `p` is a fresh array of n elements of type t.
            unsafe { vm.store_values(t, p, &words, n as usize) };
            at.set(g, d, p)?;
            at.set(g, Reg(d.0 + 1), n as u64)?;
            at.set(g, Reg(d.0 + 2), n as u64)?;
        }
        Op::SliceSlice {
            d,
            a,
            b,
            t,
            three,
            array,
            u,
        } => {
            let p = at.r(g, a)?;
            let len = at.ri(g, Reg(a.0 + 1))?;
            let cap = at.ri(g, Reg(a.0 + 2))?;
            let lo = at.ri(g, b)?;
            let hi = at.ri(g, Reg(b.0 + 1))?;
            let max = at.ri(g, Reg(b.0 + 2))?;
            let _ = len;
            if three {
                if max < 0 || max > cap {
                    let kind = if array {
                        Bounds::Slice3Alen
                    } else {
                        Bounds::Slice3Acap
                    };
                    return Err(Trap::Panic(bounds_error(kind, max, u.bound(2), cap)));
                }
                if hi < 0 || hi > max {
                    let e = bounds_error(Bounds::Slice3B, hi, u.bound(1), max);
                    return Err(Trap::Panic(e));
                }
            } else if hi < 0 || hi > cap {
                let kind = if array {
                    Bounds::SliceAlen
                } else {
                    Bounds::SliceAcap
                };
                return Err(Trap::Panic(bounds_error(kind, hi, u.bound(1), cap)));
            }
            if lo < 0 || lo > hi {
                let kind = if three {
                    Bounds::Slice3C
                } else {
                    Bounds::SliceB
                };
                return Err(Trap::Panic(bounds_error(kind, lo, u.bound(0), hi)));
            }
            let es = prog.ty(t).size;
            let ncap = max - lo;
            // A zero-capacity result keeps the array's base: never
            // a pointer one past the end (heap contract 2).
            let np = if ncap == 0 { p } else { p + lo as u64 * es };
            at.set(g, d, np)?;
            at.set(g, Reg(d.0 + 1), (hi - lo) as u64)?;
            at.set(g, Reg(d.0 + 2), ncap as u64)?;
        }
        Op::Append { d, a, b, n, t } => {
            let ew = prog.ty(t).words as usize;
            let s = base + b.0 as usize;
            let words = Words::of(&g.stack[s..s + n as usize * ew]);
            let (p, l, c) = (at.r(g, a)?, at.r(g, Reg(a.0 + 1))?, at.r(g, Reg(a.0 + 2))?);
            grow_len(l, u64::from(n))?;
            let (np, nl, nc) = vm.append(t, (p, l, c), &words, n as u64);
            at.set(g, d, np)?;
            at.set(g, Reg(d.0 + 1), nl)?;
            at.set(g, Reg(d.0 + 2), nc)?;
        }
        Op::AppendSlice { d, a, b, t } => {
            let (bp, bl) = (at.r(g, b)?, at.r(g, Reg(b.0 + 1))?);
            let (p, l, c) = (at.r(g, a)?, at.r(g, Reg(a.0 + 1))?, at.r(g, Reg(a.0 + 2))?);
            grow_len(l, bl)?;
            // Read before writing: the two slices may share an array.
            // Zero-size elements (of any count) have nothing to read.
            let buf = match prog.ty(t).size {
                0 => Vec::new(),
                _ => read_mem(prog, t, bp, bl as usize),
            };
            let (np, nl, nc) = vm.append_mem(t, (p, l, c), Elems::Words(&buf), bl);
            at.set(g, d, np)?;
            at.set(g, Reg(d.0 + 1), nl)?;
            at.set(g, Reg(d.0 + 2), nc)?;
        }
        Op::CopySlice { d, a, b, t } => {
            let n = at.r(g, Reg(a.0 + 1))?.min(at.r(g, Reg(b.0 + 1))?);
            let (dst, src) = (at.r(g, a)?, at.r(g, b)?);
            let td = prog.ty(t);
            if n > 0 && !td.mem_mask().iter().any(|&m| m != 0) {
                // Pointer-free elements (no header either): one memmove,
                // with no buffer outside the heap.
                // SAFETY: n <= len of both slices, whose arrays hold
                // them (value invariant 2); `copy` allows overlap.
                unsafe { std::ptr::copy(src as *const u8, dst as *mut u8, (n * td.size) as usize) };
            } else if n > 0 {
                // Read first: the two slices may overlap.
                let buf = read_mem(prog, t, src, n as usize);
                // SAFETY: n <= len(a) elements fit in a's array.
                unsafe { vm.write_mem(t, dst, &buf, n as usize) };
            }
            at.set(g, d, n)?
        }
        Op::AppendStr { d, a, b, t } => {
            // append([]byte, string...): the string's bytes, no []byte
            // copy of it first.
            let (p, l, c) = (at.r(g, a)?, at.r(g, Reg(a.0 + 1))?, at.r(g, Reg(a.0 + 2))?);
            if prog.ty(t).size != 1 || prog.ty(t).narrow_mask.iter().any(|&m| m != 0) {
                return Err(Trap::Fatal(
                    "append of a string to a slice of non-bytes".into(),
                ));
            }
            // The string stays alive: the slots hold it.
            let s = str_at(g, base, b);
            let (np, nl, nc) = vm.append_mem(t, (p, l, c), Elems::Bytes(s), s.len() as u64);
            at.set(g, d, np)?;
            at.set(g, Reg(d.0 + 1), nl)?;
            at.set(g, Reg(d.0 + 2), nc)?;
        }
        Op::CopyStr { d, a, b } => {
            // copy([]byte, string): one memmove, no []byte copy of the string.
            let (dst, dl) = (at.r(g, a)?, at.r(g, Reg(a.0 + 1))?);
            let s = str_at(g, base, b);
            let n = (dl as usize).min(s.len());
            if n > 0 {
                // SAFETY: n <= len(a) bytes fit in a's array (value
                // invariant 2); the string's bytes are read-only and never
                // part of a slice's array.
                unsafe { std::ptr::copy_nonoverlapping(s.as_ptr(), dst as *mut u8, n) };
            }
            at.set(g, d, n as u64)?
        }
        Op::StrToBytes { d, a } => {
            let n = str_at(g, base, a).len();
            let p = vm.alloc_noscan(n.max(1));
            let s = str_at(g, base, a);
            // SAFETY: `p` is a fresh pointer-free object of s.len() bytes;
            // the string is live (the slots hold it).
            unsafe { std::ptr::copy_nonoverlapping(s.as_ptr(), p as *mut u8, n) };
            at.set(g, d, p)?;
            at.set(g, Reg(d.0 + 1), n as u64)?;
            at.set(g, Reg(d.0 + 2), n as u64)?;
        }
        Op::BytesToStr { d, a } => {
            let (bp, bl) = (at.r(g, a)?, at.r(g, Reg(a.0 + 1))? as usize);
            let bytes: &[u8] = if bp == 0 || bl == 0 {
                &[]
            } else {
                // SAFETY: a []byte's array holds len bytes (value
                // invariant 2), alive while the slots hold the slice.
                unsafe { std::slice::from_raw_parts(bp as *const u8, bl) }
            };
            let (p, l) = vm.new_string(bytes);
            at.set(g, d, p)?;
            at.set(g, Reg(d.0 + 1), l)?;
        }
        Op::ClearSlice { a, t } => {
            let (p, l) = (at.r(g, a)?, at.r(g, Reg(a.0 + 1))?);
            let mw = crate::layout::mem_words(prog.ty(t));
            let zeros = vec![0u64; (l as usize * mw).max(1)];
            if l > 0 {
                // SAFETY: l elements are inside the slice's array
                // (value invariant 2).
                unsafe { vm.write_mem(t, p, &zeros, l as usize) };
            }
        }
        Op::StrToRunes { d, a } => {
            let s = str_at(g, base, a);
            let mut runes = Vec::new();
            let mut i = 0;
            while i < s.len() {
                let (c, w) = decode_rune(s, i);
                runes.push(c as i32 as i64 as u64);
                i += w;
            }
            let p = vm.alloc_noscan(runes.len().max(1) * 4);
            for (k, &w) in runes.iter().enumerate() {
                // SAFETY: `p` is a fresh pointer-free, 4-aligned object of
                // runes.len() int32s.
                unsafe { crate::layout::store_scalar(p + k as u64 * 4, MemKind::I32, w) };
            }
            at.set(g, d, p)?;
            at.set(g, Reg(d.0 + 1), runes.len() as u64)?;
            at.set(g, Reg(d.0 + 2), runes.len() as u64)?;
        }
        Op::RunesToStr { d, a } => {
            let (rp, rl) = (at.r(g, a)?, at.r(g, Reg(a.0 + 1))? as usize);
            let mut out = String::new();
            for k in 0..if rp == 0 { 0 } else { rl } {
                // SAFETY: a []rune's array holds len int32s (value
                // invariant 2).
                let w = unsafe { crate::layout::load_scalar(rp + k as u64 * 4, MemKind::I32) };
                let c = u32::try_from(w as i64)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                out.push(c);
            }
            let (p, l) = vm.new_string(out.as_bytes());
            at.set(g, d, p)?;
            at.set(g, Reg(d.0 + 1), l)?;
        }
        Op::SliceToArrayPtr { d, a, n } => {
            let len = at.r(g, Reg(a.0 + 1))?;
            if len < n as u64 {
                return Err(Trap::Panic(format!("runtime error: cannot convert slice with length {len} to array or pointer to array with length {n}")));
            }
            {
                let v: u64 = at.r(g, a)?;
                at.set(g, d, v)?
            }
        }
        _ => {
            return Err(Trap::Fatal(format!(
                "{op:?} is not a slice and string instruction"
            )))
        }
    }
    Ok(())
}

/// Go's `growslice` test on the new length of an `append` of `n`
/// elements to a slice of length `l`: past `maxInt` it is a panic. Only a
/// slice of zero-size elements can come near (it takes no memory at any
/// length).
fn grow_len(l: u64, n: u64) -> Result<(), Trap> {
    match l.checked_add(n) {
        Some(nl) if nl <= i64::MAX as u64 => Ok(()),
        _ => Err(Trap::Panic(
            "runtime error: growslice: len out of range".into(),
        )),
    }
}
