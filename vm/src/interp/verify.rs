//! The load-time check behind the fast loop's unchecked slot access.
//!
//! [`verify`] walks every instruction of every function once, when a
//! program is loaded; for the instructions the opcode table
//! (`gol_lang::opcode`) marks `fast` it checks that every slot they name
//! (but a call's window, which the call checks itself) is below the
//! function's `frame_words`. Invariant: a program that passed `verify` is
//! the only kind `fast` runs, so `fast` never reads or writes outside the
//! current frame's window. `names_slot` lets debug builds of `fast`
//! assert, at every access, that the slot is one this check covered.

use gol_lang::bytecode::{Op, Program, Reg, Role};

/// Checks, once when a program is loaded, that every slot named by an
/// instruction that `fast` runs is inside its function's frame: `fast`
/// accesses those slots without a bounds check. An error is a code
/// generator bug (the VM refuses the program rather than risk memory).
pub(crate) fn verify(prog: &Program) -> Result<(), String> {
    for f in &prog.funcs {
        for (pc, op) in f.code.iter().enumerate() {
            let mut bad = None;
            fast_operands(op, &mut |r| {
                if r.0 >= f.frame_words {
                    bad = Some(r);
                }
            });
            if let Some(r) = bad {
                return Err(format!(
                    "internal error: {} at pc {pc} names slot r{} outside its frame of {} words",
                    f.name, r.0, f.frame_words
                ));
            }
        }
    }
    Ok(())
}

/// Calls `f` on every slot `op` names when [`fast`] runs it and returns
/// true; false for instructions `fast` leaves to `run`. Both facts come
/// from the opcode table (`gol_lang::opcode`): `fast`'s arms must be the
/// table's `fast` instructions (debug builds assert it at each access).
fn fast_operands(op: &Op, f: &mut impl FnMut(Reg)) -> bool {
    if !op.is_fast() {
        return false;
    }
    // A call's window is checked by the call itself (it may start just
    // past the frame); every other slot is read or written unchecked.
    op.for_each_slot(&mut |r, role| {
        if role != Role::Window {
            f(r)
        }
    });
    true
}

/// Whether `fast_operands` lists slot `i` for `op` (debug assertions).
pub(super) fn names_slot(op: &Op, i: usize) -> bool {
    let mut found = false;
    fast_operands(op, &mut |r| found |= r.0 as usize == i);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use gol_lang::bytecode::Function;

    fn one_func(code: Vec<Op>, frame_words: u32) -> Program {
        let lines = vec![0; code.len()];
        Program {
            funcs: vec![Function {
                name: "main.f".into(),
                code,
                lines,
                frame_words,
                ..Function::default()
            }],
            ..Program::default()
        }
    }

    #[test]
    fn verify_refuses_slots_outside_the_frame() {
        let (d, a, b) = (Reg(0), Reg(1), Reg(2));
        let ok = one_func(vec![Op::AddInt { d, a, b }, Op::Return { a: b, n: 1 }], 3);
        assert!(verify(&ok).is_ok());
        for op in [
            Op::AddInt { d, a, b: Reg(3) },
            Op::Move { d: Reg(7), a },
            Op::IncJumpIfLtInt {
                a,
                v: 1,
                b: Reg(3),
                to: gol_lang::bytecode::Pc(0),
            },
            Op::Return { a: Reg(3), n: 1 },
            // A string's length word is an implied operand.
            Op::StrLen { d, a: Reg(2) },
        ] {
            let bad = one_func(vec![op, Op::Return { a, n: 0 }], 3);
            let e = verify(&bad).unwrap_err();
            assert!(e.contains("outside its frame of 3 words"), "{e}");
        }
        // Instructions that `run` executes are checked there, not here.
        let slow = one_func(vec![Op::ConcatStr { d: Reg(9), a, b: a }], 3);
        assert!(verify(&slow).is_ok());
    }
}
