//! The load-time check behind the fast loop's unchecked accesses.
//!
//! [`verify`] walks every instruction of every function once, when a
//! program is loaded, and checks:
//!
//! - for the instructions the opcode table (`gol_lang::opcode`) marks
//!   `fast`, that every slot they name (but a call's window, which the
//!   call checks itself) is below the function's `frame_words`;
//! - that the code cannot run off its end: the last instruction is a
//!   `Return`, `Jump` or `Loop`, every jump's target is an instruction of
//!   the function, and an instruction follows each fused `Move2` pair;
//! - that every static `Call` names a function of the program.
//!
//! Invariants: a program that passed `verify` is the only kind `fast`
//! runs, so `fast` never reads or writes outside the current frame's
//! window, and its pc is an instruction of the running function at each
//! dispatch (entered below the end, it moves only to a jump's target, to
//! the next instruction after one that is not last, or into another
//! function at 0 or at a return pc `fast` checks). `names_slot` lets
//! debug builds of `fast` assert, at every access, that the slot is one
//! this check covered.

use gol_lang::bytecode::{Op, Program, Reg, Role};

/// Checks, once when a program is loaded, that every slot named by an
/// instruction that `fast` runs is inside its function's frame: `fast`
/// accesses those slots without a bounds check. An error is a code
/// generator bug (the VM refuses the program rather than risk memory).
pub(crate) fn verify(prog: &Program) -> Result<(), String> {
    for f in &prog.funcs {
        if !matches!(
            f.code.last(),
            Some(Op::Return { .. } | Op::Jump { .. } | Op::Loop { .. })
        ) {
            return Err(format!(
                "internal error: {} does not end in a return or a jump",
                f.name
            ));
        }
        for (pc, op) in f.code.iter().enumerate() {
            let to = op.target().map_or(0, |t| t.0 as usize);
            // A fused pair goes on after its skipped second half.
            let skips = matches!(op, Op::Move2 { .. } | Op::Move2Call { .. });
            let callee = match op {
                Op::Call { f, .. } => Some(f.0 as usize),
                _ => None,
            };
            if to >= f.code.len()
                || (skips && pc + 2 >= f.code.len())
                || callee.is_some_and(|c| c >= prog.funcs.len())
            {
                return Err(format!(
                    "internal error: {} at pc {pc}: {op:?} leaves its function",
                    f.name
                ));
            }
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
        let slow = one_func(
            vec![Op::ConcatStr { d: Reg(9), a, b: a }, Op::Return { a, n: 0 }],
            3,
        );
        assert!(verify(&slow).is_ok());
    }

    #[test]
    fn verify_refuses_code_that_runs_off_its_end() {
        let (d, a) = (Reg(0), Reg(1));
        let ret = Op::Return { a, n: 0 };
        let to = gol_lang::bytecode::Pc;
        assert!(verify(&one_func(vec![Op::Jump { to: to(1) }, ret], 3)).is_ok());
        for code in [
            // Falls off the last instruction.
            vec![Op::Move { d, a }],
            vec![],
            // Jumps past the end.
            vec![Op::JumpIfNot { a, to: to(2) }, ret],
            vec![Op::Loop { to: to(7) }],
            // A Move2 pair with nothing after it.
            vec![Op::Move2 { d, a, d2: a, a2: d }, ret],
            // A call of a function the program does not have.
            vec![
                Op::Call {
                    f: gol_lang::bytecode::FuncId(3),
                    base: d,
                },
                ret,
            ],
        ] {
            let e = verify(&one_func(code.clone(), 3)).unwrap_err();
            assert!(e.contains("internal error"), "{code:?}: {e}");
        }
    }
}
