//! The interface instructions: boxing a value into an interface
//! (`ToIface`, `BoxValue`), type tests and assertions, unboxing, and
//! interface equality; and `CopyValue`, the copy of a whole value between
//! two addresses. An interface is one word, a box whose first word is
//! the dynamic type (value invariant 3).
//!
//! # Variadic `...any` in one object
//! A call `f(x, y)` to `f(a ...any)` compiles to `ToIface` for each
//! operand into consecutive slots and a `PackSlice` of those slots
//! (codegen's `args`): n boxes and an array, n + 1 allocations, each its
//! own trip through the dispatch loop. [`to_iface`] sees such a run from
//! its first `ToIface` and makes it one object:
//!
//! ```text
//! [ &box0, &box1, ... | type0, words0... | type1, words1... | ... ]
//!   the slice's array    box 0              box 1
//! ```
//!
//! The slice points at the object's start, each element at its box
//! inside it; the slots the `ToIface`s would have written get the same
//! box pointers, so the frame is as the plain run leaves it. Why this is
//! the same program: a box is never written after it is made (the
//! interface instructions only read it, and equality compares contents,
//! not addresses), so where it lives is unobservable; the collector
//! keeps an object alive through an interior pointer (gc crate docs), so
//! a box kept after the call (stored by the callee) keeps the whole
//! object, a few words more than its own box, as a Go slice keeps its
//! array. The object is allocated with the exact pointer mask of its
//! words (elements, then each box's mask shifted to its place), zeroed;
//! every pointer word is written with the write barrier (the object may
//! be allocated black during a mark), as `Vm::new_box` does. The run is
//! taken only when it is exactly that shape (the `ToIface`s write
//! `a, a+1, ...` in order, none reads a slot another writes, the
//! `PackSlice` packs those `n` interface slots) and fits one mask word
//! ([`PACK_WORDS`]); otherwise each instruction runs alone.

use super::*;

/// The most words a packed `...any` object has: its pointer mask is one
/// word.
const PACK_WORDS: usize = 64;

/// The most operands packed in one object.
const PACK_ELEMS: usize = 16;

/// Executes the `ToIface` before `at.pc`, with the `ToIface`s and the
/// `PackSlice` after it when they box a variadic `...any` (module docs);
/// returns how many instructions after it ran. Out of line, as `exec`:
/// `run`'s loop keeps its registers. The instruction is read here from
/// the code, not passed: `run` would store its fields to the stack for
/// the call, once per `...any` call.
#[inline(never)]
pub(super) fn to_iface(vm: &mut Vm, prog: &Program, g: &mut G, at: At<'_>) -> Result<usize, Trap> {
    let Some(&op) = at.func.code.get(at.pc.wrapping_sub(1)) else {
        return Err(Trap::Fatal(format!(
            "pc {} out of range in {}",
            at.pc, at.func.name
        )));
    };
    if let Some(k) = pack_boxes(vm, prog, g, at, op)? {
        return Ok(k);
    }
    exec(vm, prog, g, at, op)?;
    Ok(0)
}

/// The slots, width and dynamic type that `ToIface` `op` boxes (none
/// for another instruction).
#[inline(always)]
fn operand(op: &Op) -> (Reg, u32, RtType) {
    match *op {
        Op::ToIface { a, n, t, .. } => (a, n, t),
        _ => (Reg(0), 0, RtType(0)),
    }
}

/// The packed form of the run that `ToIface` `first` starts, if it is
/// one (module docs): the count of instructions after `first` it ran.
///
/// Two passes over the run's instructions, which stay in the code (no
/// copy of the operands): the first finds its end and its `PackSlice`,
/// the second its words, mask and overlaps; the slots are then checked
/// once per range, not once per word.
fn pack_boxes(
    vm: &mut Vm,
    prog: &Program,
    g: &mut G,
    at: At<'_>,
    first: Op,
) -> Result<Option<usize>, Trap> {
    let Op::ToIface { d: d0, .. } = first else {
        return Ok(None);
    };
    let code = &at.func.code[..];
    // A `ToIface` alone (the common case outside calls) costs one look.
    if !matches!(
        code.get(at.pc),
        Some(Op::ToIface { .. } | Op::PackSlice { .. })
    ) {
        return Ok(None);
    }
    let mut count = 1usize;
    let dst = loop {
        match code.get(at.pc + count - 1) {
            Some(&Op::ToIface { d, .. })
                if count < PACK_ELEMS && d.0 as usize == d0.0 as usize + count =>
            {
                count += 1;
            }
            Some(&Op::PackSlice { d, a, n, t })
                if a == d0
                    && n as usize == count
                    && matches!(prog.types.get(t.0 as usize), Some(td)
                        if matches!(td.kind, TypeKind::Interface) && td.words == 1) =>
            {
                break d;
            }
            _ => return Ok(None),
        }
    };
    // The run's `ToIface`s: `first` (just before `at.pc`) and the
    // `count - 1` after it.
    let ops = &code[at.pc - 1..at.pc - 1 + count];
    // The words, the boxes' part of the mask (each box's, type word clear,
    // at its offset from the first box), and that no operand reads a slot
    // of the boxes' run (the plain run would read a box an earlier
    // `ToIface` wrote there).
    let (lo, hi) = (d0.0 as u64, d0.0 as u64 + count as u64);
    let mut boxes = 0usize;
    let mut box_mask = 0u64;
    for op in ops {
        let (a, n, t) = operand(op);
        if (a.0 as u64) < hi && lo < a.0 as u64 + n as u64 {
            return Ok(None);
        }
        let width = n as usize + 1;
        if count + boxes + width > PACK_WORDS {
            return Ok(None);
        }
        let m = vm
            .box_masks
            .get(t.0 as usize)
            .and_then(|m| m.first())
            .copied()
            .unwrap_or(0);
        // Both shifts stay below 64: the boxes end within PACK_WORDS
        // words (just checked), after at least one element word.
        box_mask |= (m & ((1u64 << width) - 1)) << boxes;
        boxes += width;
    }
    let words = count + boxes;
    // The mask: the elements, then the boxes. count < 64 and
    // count + boxes <= PACK_WORDS (64): the shifts stay below 64.
    debug_assert!(count < 64 && words <= PACK_WORDS);
    let mask = ((1u64 << count) - 1) | (box_mask << count);
    // The slots written, each range checked once: the boxes' run and the
    // slice header.
    let boxes_at = at.range(g, d0, count)?;
    let dst_at = at.range(g, dst, 3)?;
    let bytes = words * 8;
    vm.assist(bytes);
    let p = vm.heap.alloc(
        &mut vm.cache,
        bytes,
        gol_gc::Layout::pointers(&[mask], words),
    ) as u64;
    vm.race_alloc(p, bytes);
    let mut off = count;
    for (j, op) in ops.iter().enumerate() {
        let (a, n, t) = operand(op);
        let bx = p + off as u64 * 8;
        // SAFETY: word `off` is inside the fresh object of `words` words;
        // the type word is not a pointer.
        unsafe { value::write_word(p, off, t.0 as u64) };
        let from = at.range(g, a, n as usize)?;
        for i in 0..n as usize {
            let w = g.stack[from + i];
            let at_word = off + 1 + i;
            if mask & (1 << at_word) != 0 {
                // SAFETY: a pointer word (by the mask it was allocated
                // with) of the fresh object.
                unsafe {
                    vm.heap
                        .write_pointer(&mut vm.cache, (p as *mut usize).add(at_word), w as usize)
                };
            } else {
                // SAFETY: a word inside the fresh object, not a pointer.
                unsafe { value::write_word(p, at_word, w) };
            }
        }
        // SAFETY: element j, a pointer word of the fresh object; the box
        // it points to is inside the same object.
        unsafe {
            vm.heap
                .write_pointer(&mut vm.cache, (p as *mut usize).add(j), bx as usize)
        };
        g.stack[boxes_at + j] = bx;
        off += n as usize + 1;
    }
    g.stack[dst_at..dst_at + 3].copy_from_slice(&[p, count as u64, count as u64]);
    Ok(Some(count))
}

/// Executes `op`, one of the interface instructions, in the frame `at`.
#[inline(never)]
pub(super) fn exec(vm: &mut Vm, prog: &Program, g: &mut G, at: At<'_>, op: Op) -> Step {
    let base = at.base;
    match op {
        Op::ToIface { d, a, n, t } => {
            let s = base + a.0 as usize;
            let words = Words::of(&g.stack[s..s + n as usize]);
            let b = vm.new_box(t, &words);
            at.set(g, d, b)?
        }
        Op::IfaceIs { d, a, t } => {
            let b = at.r(g, a)?;
            let is = b != 0 && crate::panic::box_type(b) == Some(t);
            at.set(g, d, is as u64)?
        }
        Op::IfaceAssert { d, a, n, t } => {
            let b = at.r(g, a)?;
            let have = crate::panic::box_type(b);
            if b == 0 || have != Some(t) {
                return Err(Trap::Panic(assert_mismatch(prog, "interface {}", have, t)));
            }
            for k in 0..n as usize {
                // SAFETY: the box holds a value of type t (just
                // checked), which has n words after the type word.
                let w = unsafe { value::read_word(b, 1 + k) };
                g.stack[base + d.0 as usize + k] = w;
            }
        }
        Op::IfaceUnbox { d, a, n } => {
            let b = at.r(g, a)?;
            for k in 0..n as usize {
                let w = if b == 0 {
                    0
                } else {
                    // SAFETY: the code generator emits IfaceUnbox
                    // only after a successful type test for a type
                    // of n words.
                    unsafe { value::read_word(b, 1 + k) }
                };
                g.stack[base + d.0 as usize + k] = w;
            }
        }
        Op::EqIface { d, a, b } => match iface_equal(prog, at.r(g, a)?, at.r(g, b)?) {
            Ok(e) => at.set(g, d, e as u64)?,
            Err(msg) => return Err(Trap::Panic(msg)),
        },
        Op::IfaceImplements { d, a, t } => {
            let b = at.r(g, a)?;
            let is =
                crate::panic::box_type(b).is_some_and(|dt| prog.missing_method(dt, t).is_none());
            at.set(g, d, is as u64)?
        }
        Op::TypeAssert { d, a, t, from } => {
            let b = at.r(g, a)?;
            let want = prog.ty(t);
            let have = crate::panic::box_type(b);
            if matches!(want.kind, TypeKind::Interface) {
                let Some(dt) = have else {
                    return Err(Trap::Panic(format!(
                        "interface conversion: interface is nil, not {}",
                        want.name
                    )));
                };
                if let Some(m) = prog.missing_method(dt, t) {
                    return Err(Trap::Panic(format!(
                        "interface conversion: {} is not {}: missing method {m}",
                        prog.ty(dt).name,
                        want.name
                    )));
                }
                at.set(g, d, b)?
            } else {
                if have != Some(t) {
                    return Err(Trap::Panic(assert_mismatch(
                        prog,
                        &prog.ty(from).name,
                        have,
                        t,
                    )));
                }
                for k in 0..want.words as usize {
                    // SAFETY: the box holds a value of type t (just
                    // checked), which has `words` words after the
                    // type word.
                    let w = unsafe { value::read_word(b, 1 + k) };
                    g.stack[base + d.0 as usize + k] = w;
                }
            }
        }
        Op::BoxValue { d, a, t } => {
            let src = at.r(g, a)?;
            if src == 0 {
                return Err(Trap::Panic(NIL_DEREF.into()));
            }
            // SAFETY: a non-nil pointer to a value of type `t`.
            let b = unsafe { vm.box_value(src, t) };
            at.set(g, d, b)?
        }
        Op::CopyValue { d, a, t } => {
            let (dst, src) = (at.r(g, d)?, at.r(g, a)?);
            if src == 0 || dst == 0 {
                return Err(Trap::Panic(NIL_DEREF.into()));
            }
            // SAFETY: both are non-nil pointers to values of type
            // `t` (the code generator's typing).
            unsafe { vm.copy_value(dst, src, t) };
        }
        _ => {
            return Err(Trap::Fatal(format!(
                "{op:?} is not a interface instruction"
            )))
        }
    }
    Ok(())
}
