//! The interface instructions: boxing a value into an interface
//! (`ToIface`, `BoxValue`), type tests and assertions, unboxing, and
//! interface equality; and `CopyValue`, the copy of a whole value between
//! two addresses. An interface is one word, a box whose first word is
//! the dynamic type (value invariant 3).

use super::*;

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
