//! The instruction set, declared once.
//!
//! Every opcode is one entry of the table in this file: its doc line (the
//! meaning), its operands, each slot operand marked with what the
//! instruction does to it (`w` written, `r` read, `rw` both, `win` a
//! callee's window), whether the
//! interpreter's fast loop runs it (`fast`, `fast(cond)` for the forms it
//! runs, `slow` for those left to the checked loop), and `[retarget]` for
//! the instructions whose only effect is to write their destination `d`
//! from their other operands (so the code generator may redirect that one
//! write into a variable's slot instead of a temporary). `implies(...)`
//! names the slots an instruction touches without an operand for them
//! (`Return` writes its results from slot 0; a string's length word; the
//! last slot of an `n`-word value, which with the first bounds it).
//!
//! [`opcodes!`] turns the table into the [`Op`] enum and the facts other
//! code asks of an instruction: [`Op::for_each_slot`] (each slot operand
//! with its [`Role`]), [`Op::dest`], [`Op::for_each_read`],
//! [`Op::target`] (a jump's `to`), [`Op::is_fast`] (the VM's verifier
//! checks, once at load, that every slot a fast instruction names lies in
//! its frame and every jump lands inside its function, because the fast
//! loop reads them unchecked) and [`Op::retarget`]. The disassembler prints
//! the derived `Debug` form. A new opcode is one table line and its arm
//! in the interpreter; nothing else lists opcodes.
//!
//! Slot operands name the first slot of a value: a string's two words, a
//! slice's three, an aggregate's `n` words start there. How many words
//! follow is the instruction's meaning (its doc line), not the table's.
//!
//! The indexing and slicing instructions carry `u`, which of their
//! bounds have an unsigned type ([`Unsigned`]): only the message of a
//! failed bounds check reads it.

use crate::bytecode::{
    Fault, FuncId, MathFn, MemKind, NativeId, Off, Pc, PrintKind, Reg, RtType, StrId, Unsigned,
    Width,
};

/// What an instruction does to a slot operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Written, not read (`w`).
    Write,
    /// Read, not written (`r`).
    Read,
    /// Read, then written (`rw`).
    ReadWrite,
    /// The first slot of a callee's window (`win`): the arguments there
    /// are read and the results written back over them. A call to a
    /// function without parameters or results may name the slot just
    /// past its caller's frame.
    Window,
}

impl Role {
    /// Whether the instruction reads the slot.
    pub fn reads(self) -> bool {
        matches!(self, Role::Read | Role::ReadWrite | Role::Window)
    }

    /// Whether the instruction writes the slot.
    pub fn writes(self) -> bool {
        matches!(self, Role::Write | Role::ReadWrite | Role::Window)
    }
}

/// Builds [`Op`] and its operand queries from the table below (grammar in
/// the module docs).
macro_rules! opcodes {
    (
        $(
            $(#[$doc:meta])*
            $name:ident $({ $($field:ident : $fty:ty $(= $role:ident)?),* $(,)? })?
                $speed:ident $(($($cond:tt)*))?
                $([$retarget:ident])?
                $(implies($($imp:expr => $irole:ident),+))?;
        )*
    ) => {
        /// One instruction. Operands are newtypes; each variant has one
        /// line of meaning. `d` is most often the destination slot, `a`/`b`
        /// the operands; the table in `opcode.rs` says which slot is which.
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub enum Op {
            $(
                $(#[$doc])*
                $name $({ $($field: $fty),* })?,
            )*
        }

        impl Op {
            /// Calls `f` on every slot operand with what this instruction
            /// does to it, in the table's order (then the implied slots).
            #[allow(unused_variables)]
            pub fn for_each_slot(&self, f: &mut impl FnMut(Reg, Role)) {
                match *self {
                    $(
                        Op::$name $({ $($field),* })? => {
                            $($( opcodes!(@slot f $field $($role)?); )*)?
                            $($( f($imp, opcodes!(@role $irole)); )+)?
                        }
                    )*
                }
            }

            /// Whether the interpreter's fast loop runs this instruction
            /// (it reads the slots of [`Op::for_each_slot`] unchecked; the
            /// VM verifies them once at load).
            #[allow(unused_variables)]
            pub fn is_fast(&self) -> bool {
                match *self {
                    $(
                        Op::$name $({ $($field),* })? => opcodes!(@speed $speed $(($($cond)*))?),
                    )*
                }
            }

            /// The instruction this one may jump to (its `to` operand).
            // A jump's arm returns before its trailing `None`.
            #[allow(unused_variables, unreachable_code)]
            pub fn target(&self) -> Option<Pc> {
                match *self {
                    $(
                        Op::$name $({ $($field),* })? => {
                            $($( opcodes!(@target $field $field); )*)?
                            None
                        }
                    )*
                }
            }

            /// Rewrites the destination `d` from `from` to `to` when this
            /// is a `retarget` instruction (its only effect is writing
            /// `d`) that writes `from`; reports whether it did.
            pub fn retarget(&mut self, from: Reg, to: Reg) -> bool {
                match self {
                    $(
                        $(
                            Op::$name { d, .. } if opcodes!(@is_retarget $retarget) && *d == from => {
                                *d = to;
                                true
                            }
                        )?
                    )*
                    // One form of an instruction whose other forms write
                    // more than `d`: a one-word load reads its pointer
                    // before it writes (`x = x.next`).
                    Op::Load { d, n: 1, .. } if *d == from => {
                        *d = to;
                        true
                    }
                    _ => false,
                }
            }
        }
    };
    (@slot $f:ident $x:ident) => {};
    (@slot $f:ident $x:ident $role:ident) => { $f($x, opcodes!(@role $role)) };
    // A jump's target is its operand named `to` (always a `Pc`).
    (@target to $x:ident) => { return Some($x) };
    (@target $y:ident $x:ident) => {};
    (@role w) => { Role::Write };
    (@role r) => { Role::Read };
    (@role rw) => { Role::ReadWrite };
    (@role win) => { Role::Window };
    (@speed fast) => { true };
    (@speed fast ($($cond:tt)*)) => { $($cond)* };
    (@speed slow) => { false };
    (@is_retarget retarget) => { true };
}

/// Fuses adjacent pairs of instructions into superinstructions, in place
/// and without moving any: the first of a pair becomes the fused form and
/// the second stays as it was, so a jump to it, its line and every pc
/// keep their meaning. Run once over each finished function (both halves
/// are the code generator's final output). Two kinds of pair:
///
/// - `Move; Move` (arguments set up for a call) becomes [`Op::Move2`],
///   which carries both halves' operands, does both and skips the second.
/// - The *announcing* forms ([`Op::LoadSlice`], [`Op::MoveCall`],
///   [`Op::Move2Call`] (a `Move2` whose skipped `Move` is followed by
///   the call), [`Op::AddIntImmIndex`],
///   [`Op::AddIntBr`], [`Op::LtF64Br`], [`Op::LeF64Br`], [`Op::EqIntBr`],
///   [`Op::NeIntBr`], [`Op::LoadIntRet`], [`Op::LoadIntNext`],
///   [`Op::AddIntImmLoop`], [`Op::AddIntImmCall`], [`Op::AddIntRet`],
///   [`Op::AddIntImmRet`]) mean
///   exactly their plain first
///   half ([`Op::plain`]): each only announces that the next instruction
///   consumes its result (indexes the slice it loaded, branches on the
///   flag it computed, returns the word it set). The interpreter's fast
///   loop then runs the next instruction, with that instruction's own
///   operands, in the same dispatch; every other reader of the code runs
///   the plain form and then the next instruction as usual. So a fused
///   form needs no operands of its second half (an instruction stays
///   three words) and has no meaning of its own to keep in step.
///
/// A pair is chosen by the instructions as the code generator left them
/// (the second half of one pair may head another).
pub fn fuse(code: &mut [Op]) {
    for i in 1..code.len() {
        let next = code[i];
        let after = code.get(i + 1).copied();
        let fused = match (code[i - 1], next) {
            (Op::Move { d, a }, Op::Move { d: d2, a: a2 })
                if matches!(after, Some(Op::Call { .. } | Op::CallMethod { .. })) =>
            {
                Op::Move2Call { d, a, d2, a2 }
            }
            (Op::Move { d, a }, Op::Move { d: d2, a: a2 }) => Op::Move2 { d, a, d2, a2 },
            (Op::Move { d, a }, Op::Call { .. } | Op::CallMethod { .. }) => Op::MoveCall { d, a },
            (
                Op::Load { d, a, off, n: 3 },
                Op::SliceGet { a: s, .. } | Op::SliceSet { d: s, .. },
            ) if s == d => Op::LoadSlice { d, a, off },
            (Op::AddIntImm { d, a, v }, Op::SliceGet { i: x, .. } | Op::SliceSet { i: x, .. })
                if x == d =>
            {
                Op::AddIntImmIndex { d, a, v }
            }
            (
                Op::AddInt { d, a, b },
                Op::JumpIfLtInt { a: x, .. } | Op::JumpIfLeInt { a: x, .. },
            ) if x == d => Op::AddIntBr { d, a, b },
            (Op::LtF64 { d, a, b }, Op::JumpIf { a: x, .. } | Op::JumpIfNot { a: x, .. })
                if x == d =>
            {
                Op::LtF64Br { d, a, b }
            }
            (Op::LeF64 { d, a, b }, Op::JumpIf { a: x, .. } | Op::JumpIfNot { a: x, .. })
                if x == d =>
            {
                Op::LeF64Br { d, a, b }
            }
            (Op::EqInt { d, a, b }, Op::JumpIf { a: x, .. } | Op::JumpIfNot { a: x, .. })
                if x == d =>
            {
                Op::EqIntBr { d, a, b }
            }
            (Op::NeInt { d, a, b }, Op::JumpIf { a: x, .. } | Op::JumpIfNot { a: x, .. })
                if x == d =>
            {
                Op::NeIntBr { d, a, b }
            }
            (Op::LoadInt { d, v }, Op::Return { a, n: 1 }) if a == d => Op::LoadIntRet { d, v },
            (
                Op::LoadInt { d, v },
                Op::AddF64 { a, b, .. }
                | Op::SubF64 { a, b, .. }
                | Op::MulF64 { a, b, .. }
                | Op::DivF64 { a, b, .. }
                | Op::LtF64 { a, b, .. }
                | Op::LeF64 { a, b, .. },
            ) if a == d || b == d => Op::LoadIntNext { d, v },
            (Op::LoadInt { d, v }, Op::SliceSet { a, .. }) if a == d => Op::LoadIntNext { d, v },
            (Op::AddIntImm { d, a, v }, Op::Loop { .. }) => Op::AddIntImmLoop { d, a, v },
            (Op::AddIntImm { d, a, v }, Op::Call { .. } | Op::CallMethod { .. }) => {
                Op::AddIntImmCall { d, a, v }
            }
            (Op::LoadInt { d, v }, Op::Call { .. } | Op::CallMethod { .. }) => {
                Op::LoadIntNext { d, v }
            }
            (Op::AddInt { d, a, b }, Op::Return { a: x, n: 1 }) if x == d => {
                Op::AddIntRet { d, a, b }
            }
            (Op::AddIntImm { d, a, v }, Op::Return { a: x, n: 1 }) if x == d => {
                Op::AddIntImmRet { d, a, v }
            }
            (Op::LoadInt { d, v }, Op::AddIntImm { .. }) if matches!(after, Some(Op::SliceSet { a, .. }) if a == d) => {
                Op::LoadIntNext { d, v }
            }
            (op, _) => op,
        };
        code[i - 1] = fused;
    }
}

impl Op {
    /// The instruction an announcing form of [`fuse`] stands for (the
    /// instruction itself for every other): what it does, wherever the
    /// next instruction is not run with it.
    #[inline(always)]
    pub fn plain(self) -> Op {
        match self {
            Op::LoadSlice { d, a, off } => Op::Load { d, a, off, n: 3 },
            Op::MoveCall { d, a } => Op::Move { d, a },
            Op::Move2Call { d, a, d2, a2 } => Op::Move2 { d, a, d2, a2 },
            Op::AddIntImmIndex { d, a, v } => Op::AddIntImm { d, a, v },
            Op::AddIntBr { d, a, b } => Op::AddInt { d, a, b },
            Op::LtF64Br { d, a, b } => Op::LtF64 { d, a, b },
            Op::LeF64Br { d, a, b } => Op::LeF64 { d, a, b },
            Op::EqIntBr { d, a, b } => Op::EqInt { d, a, b },
            Op::NeIntBr { d, a, b } => Op::NeInt { d, a, b },
            Op::LoadIntRet { d, v } => Op::LoadInt { d, v },
            Op::LoadIntNext { d, v } => Op::LoadInt { d, v },
            Op::AddIntImmLoop { d, a, v } => Op::AddIntImm { d, a, v },
            Op::AddIntImmCall { d, a, v } => Op::AddIntImm { d, a, v },
            Op::AddIntRet { d, a, b } => Op::AddInt { d, a, b },
            Op::AddIntImmRet { d, a, v } => Op::AddIntImm { d, a, v },
            op => op,
        }
    }
}

impl Op {
    /// The slot this instruction writes, if it writes exactly one slot
    /// operand and reads no other slot as that one.
    pub fn dest(&self) -> Option<Reg> {
        let mut d = None;
        let mut n = 0;
        self.for_each_slot(&mut |r, role| {
            if role == Role::Write {
                d = Some(r);
                n += 1;
            }
        });
        if n == 1 {
            d
        } else {
            None
        }
    }

    /// Calls `f` on every slot operand this instruction reads.
    pub fn for_each_read(&self, f: &mut impl FnMut(Reg)) {
        self.for_each_slot(&mut |r, role| {
            if role.reads() {
                f(r)
            }
        });
    }
}

opcodes! {

    /// Does nothing (a patched-out placeholder).
    Nop fast;
    /// d = the integer (or raw bits) `v`.
    LoadInt { d: Reg = w, v: i64 } fast [retarget];
    /// d, d+1 = the constant string (ptr, len).
    LoadStr { d: Reg = w, s: StrId } fast implies(Reg(d.0 + 1) => w);
    /// d..d+n = 0.
    Zero { d: Reg = w, n: u32 } fast implies(Reg(d.0 + n.max(1) - 1) => w);
    /// d = a.
    Move { d: Reg = w, a: Reg = r } fast [retarget];
    /// d = a, then d2 = a2: a fused pair ([`fuse`]) whose second half is
    /// the next instruction, `Move d2, a2`, which this one skips.
    Move2 { d: Reg = w, a: Reg = r, d2: Reg = w, a2: Reg = r } fast;
    /// d..d+n = a..a+n (the ranges may overlap; copies as `memmove`).
    MoveN { d: Reg = w, a: Reg = r, n: u32 } fast implies(Reg(d.0 + n.max(1) - 1) => w, Reg(a.0 + n.max(1) - 1) => r);

    /// d = a + b (wrapping, 64-bit).
    AddInt { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a + v (wrapping, 64-bit).
    AddIntImm { d: Reg = w, a: Reg = r, v: i32 } fast [retarget];
    /// d = a - b.
    SubInt { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a * b.
    MulInt { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a / b, signed; panics on b == 0; MIN / -1 wraps.
    DivInt { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a % b, signed; panics on b == 0.
    RemInt { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a / b, unsigned.
    DivUint { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a % b, unsigned.
    RemUint { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a & b.
    And { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a | b.
    Or { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a ^ b.
    Xor { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a &^ b.
    AndNot { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a << b (b unsigned; >= 64 gives 0); panics if b is negative and signed.
    Shl { d: Reg = w, a: Reg = r, b: Reg = r, signed_count: bool } slow [retarget];
    /// d = a >> b, arithmetic (b >= 64 gives the sign).
    ShrInt { d: Reg = w, a: Reg = r, b: Reg = r, signed_count: bool } slow [retarget];
    /// d = a >> b, logical.
    ShrUint { d: Reg = w, a: Reg = r, b: Reg = r, signed_count: bool } slow [retarget];
    /// d = -a (wrapping).
    NegInt { d: Reg = w, a: Reg = r } fast [retarget];
    /// d = ^a.
    BitNot { d: Reg = w, a: Reg = r } fast [retarget];
    /// d = a sign-extended from the width's low bits.
    Sext { d: Reg = w, a: Reg = r, w: Width } fast [retarget];
    /// d = a zero-extended from the width's low bits.
    Zext { d: Reg = w, a: Reg = r, w: Width } fast [retarget];

    /// d = a + b as f64.
    AddF64 { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a - b as f64.
    SubF64 { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a * b as f64.
    MulF64 { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a / b as f64 (IEEE: no panic).
    DivF64 { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = -a as f64.
    NegF64 { d: Reg = w, a: Reg = r } fast [retarget];
    /// d = a (f64) rounded to f32 precision, kept as f64 bits.
    RoundF32 { d: Reg = w, a: Reg = r } fast [retarget];

    // --- fused and immediate forms (performance) ---
    // An immediate `v` is sign-extended to 64 bits. A conditional jump that
    // is taken backwards (`to` at or before itself) spends budget like
    // `Loop`: loops test their condition at the bottom with these.
    /// d = a * v (wrapping, 64-bit).
    MulIntImm { d: Reg = w, a: Reg = r, v: i32 } fast [retarget];
    /// d = a / v, signed, truncated (v a nonzero constant, so no check:
    /// MIN / -1 wraps as Go's does).
    DivIntImm { d: Reg = w, a: Reg = r, v: i32 } fast [retarget];
    /// d = a % v, signed (v a nonzero constant; MIN % -1 is 0).
    RemIntImm { d: Reg = w, a: Reg = r, v: i32 } fast [retarget];
    /// d = a / v, unsigned (v a nonzero constant).
    DivUintImm { d: Reg = w, a: Reg = r, v: u32 } fast [retarget];
    /// d = a % v, unsigned (v a nonzero constant).
    RemUintImm { d: Reg = w, a: Reg = r, v: u32 } fast [retarget];
    /// d = a & v.
    AndImm { d: Reg = w, a: Reg = r, v: i32 } fast [retarget];
    /// d = a | v.
    OrImm { d: Reg = w, a: Reg = r, v: i32 } fast [retarget];
    /// d = a ^ v.
    XorImm { d: Reg = w, a: Reg = r, v: i32 } fast [retarget];
    /// d = a << s (s < 64).
    ShlImm { d: Reg = w, a: Reg = r, s: u32 } fast [retarget];
    /// d = a >> s, arithmetic (s < 64).
    ShrIntImm { d: Reg = w, a: Reg = r, s: u32 } fast [retarget];
    /// d = a >> s, logical (s < 64).
    ShrUintImm { d: Reg = w, a: Reg = r, s: u32 } fast [retarget];
    /// Jump to `to` if a == b (words).
    JumpIfEq { a: Reg = r, b: Reg = r, to: Pc } fast;
    /// Jump to `to` if a != b (words).
    JumpIfNe { a: Reg = r, b: Reg = r, to: Pc } fast;
    /// Jump to `to` if a < b, signed.
    JumpIfLtInt { a: Reg = r, b: Reg = r, to: Pc } fast;
    /// Jump to `to` if a <= b, signed.
    JumpIfLeInt { a: Reg = r, b: Reg = r, to: Pc } fast;
    /// Jump to `to` if a < b, unsigned.
    JumpIfLtUint { a: Reg = r, b: Reg = r, to: Pc } fast;
    /// Jump to `to` if a <= b, unsigned.
    JumpIfLeUint { a: Reg = r, b: Reg = r, to: Pc } fast;
    /// Jump to `to` if a == v (words).
    JumpIfEqImm { a: Reg = r, v: i32, to: Pc } fast;
    /// Jump to `to` if a != v (words).
    JumpIfNeImm { a: Reg = r, v: i32, to: Pc } fast;
    /// Jump to `to` if a < v, signed.
    JumpIfLtIntImm { a: Reg = r, v: i32, to: Pc } fast;
    /// Jump to `to` if a <= v, signed.
    JumpIfLeIntImm { a: Reg = r, v: i32, to: Pc } fast;
    /// Jump to `to` if a > v, signed.
    JumpIfGtIntImm { a: Reg = r, v: i32, to: Pc } fast;
    /// Jump to `to` if a >= v, signed.
    JumpIfGeIntImm { a: Reg = r, v: i32, to: Pc } fast;
    /// a += v (wrapping), then jump to `to` if a < b, signed: a counted
    /// loop's step and bottom test.
    IncJumpIfLtInt { a: Reg = rw, v: i32, b: Reg = r, to: Pc } fast;
    /// a += v, then jump to `to` if a <= b, signed.
    IncJumpIfLeInt { a: Reg = rw, v: i32, b: Reg = r, to: Pc } fast;
    /// a += v, then jump to `to` if a < lim, signed.
    IncJumpIfLtIntImm { a: Reg = rw, v: i32, lim: i32, to: Pc } fast;
    /// a += v, then jump to `to` if a <= lim, signed.
    IncJumpIfLeIntImm { a: Reg = rw, v: i32, lim: i32, to: Pc } fast;

    /// d = a == b (words).
    EqInt { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a != b (words).
    NeInt { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a < b, signed.
    LtInt { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a <= b, signed.
    LeInt { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a < b, unsigned.
    LtUint { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a <= b, unsigned.
    LeUint { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a == b as f64.
    EqF64 { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a != b as f64.
    NeF64 { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a < b as f64.
    LtF64 { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = a <= b as f64.
    LeF64 { d: Reg = w, a: Reg = r, b: Reg = r } fast [retarget];
    /// d = string a == string b.
    EqStr { d: Reg = w, a: Reg = r, b: Reg = r } fast implies(Reg(a.0 + 1) => r, Reg(b.0 + 1) => r);
    /// d = string a < string b (bytewise).
    LtStr { d: Reg = w, a: Reg = r, b: Reg = r } slow;
    /// d = string a <= string b.
    LeStr { d: Reg = w, a: Reg = r, b: Reg = r } slow;
    /// d = !a (bool).
    Not { d: Reg = w, a: Reg = r } fast [retarget];

    /// d = a (signed int) as f64.
    IntToF64 { d: Reg = w, a: Reg = r } fast [retarget];
    /// d = a (unsigned) as f64.
    UintToF64 { d: Reg = w, a: Reg = r } fast [retarget];
    /// d = a (f64) truncated to i64 (saturating, NaN 0: Go leaves it unspecified).
    F64ToInt { d: Reg = w, a: Reg = r } slow [retarget];
    /// d = a (f64) truncated to u64.
    F64ToUint { d: Reg = w, a: Reg = r } slow [retarget];
    /// d, d+1 = string(rune a) (invalid code points give U+FFFD).
    RuneToStr { d: Reg = w, a: Reg = r } slow;

    /// d, d+1 = string a + string b (a new heap string).
    ConcatStr { d: Reg = w, a: Reg = r, b: Reg = r } slow;
    /// d = len(string a) (the len word).
    StrLen { d: Reg = w, a: Reg = r } fast [retarget] implies(Reg(a.0 + 1) => r);
    /// d = string a [index i] as a byte; panics when out of range.
    StrIndex { d: Reg = w, a: Reg = r, i: Reg = r, u: Unsigned } fast [retarget] implies(Reg(a.0 + 1) => r);
    /// d, d+1 = string a [b : b+1] (the bounds in slots b, b+1).
    StrSlice { d: Reg = w, a: Reg = r, b: Reg = r, u: Unsigned } fast implies(Reg(d.0 + 1) => w, Reg(a.0 + 1) => r, Reg(b.0 + 1) => r);
    /// Decode the rune of string a at byte index i: d = rune, d+1 = width (range over string).
    StrDecodeRune { d: Reg = w, a: Reg = r, i: Reg = r } fast implies(Reg(a.0 + 1) => r, Reg(d.0 + 1) => w);

    /// d = a pointer to a new box holding type `t` and the words a..a+n (to interface).
    ToIface { d: Reg = w, a: Reg = r, n: u32, t: RtType } slow;
    /// d = whether interface a holds exactly type `t` (a nil `t`... never).
    IfaceIs { d: Reg = w, a: Reg = r, t: RtType } slow;
    /// d..d+n = the value of interface a, which must hold type `t` (panics otherwise).
    IfaceAssert { d: Reg = w, a: Reg = r, n: u32, t: RtType } slow;
    /// d..d+n = the value of interface a if it holds `t`, else zeroes.
    IfaceUnbox { d: Reg = w, a: Reg = r, n: u32 } slow;
    /// d = interface a == interface b (panics on uncomparable dynamic types).
    EqIface { d: Reg = w, a: Reg = r, b: Reg = r } fast;

    /// d = pointer to a new zeroed heap object of type `t` (new(T), &T{}).
    New { d: Reg = w, t: RtType } slow;
    /// d..d+n = the n words at pointer a + off (panics on nil).
    Load { d: Reg = w, a: Reg = r, off: Off, n: u32 } fast implies(Reg(d.0 + n.max(1) - 1) => w);
    /// The n words at pointer d + off = a..a+n (barriered stores of pointer words; panics on nil).
    Store { d: Reg = r, off: Off, a: Reg = r, n: u32, t: RtType } fast(n > 0) implies(Reg(a.0 + n.max(1) - 1) => r);
    /// d = the narrow scalar of kind `k` at pointer a + off bytes, sign- or zero-extended (panics on nil).
    LoadN { d: Reg = w, a: Reg = r, off: u32, k: MemKind } fast [retarget];
    /// The narrow scalar of kind `k` at pointer d + off bytes = a (panics on nil).
    StoreN { d: Reg = r, off: u32, a: Reg = r, k: MemKind } fast;
    /// d.. = the value of narrow type `t` at pointer a + off bytes, converted to slots (panics on nil).
    LoadValue { d: Reg = w, a: Reg = r, off: u32, t: RtType } slow;
    /// The value of narrow type `t` at pointer d + off bytes = slots a.. (barriered; panics on nil).
    StoreValue { d: Reg = r, off: u32, a: Reg = r, t: RtType } slow;
    /// The value of type `t` at pointer d = the value at pointer a (each
    /// nil-checked, a first; barriered): a value too large for slots.
    CopyValue { d: Reg = r, a: Reg = r, t: RtType } slow;
    /// d = a new interface box of type `t` holding a copy of the value at
    /// pointer a (panics on nil): to interface without slots.
    BoxValue { d: Reg = w, a: Reg = r, t: RtType } slow;
    /// d..d+n = global words g..g+n.
    LoadGlobal { d: Reg = w, g: u32, n: u32 } fast implies(Reg(d.0 + n.max(1) - 1) => w);
    /// Global words g..g+n = a..a+n.
    StoreGlobal { g: u32, a: Reg = r, n: u32 } slow;

    /// d, d+1, d+2 = a new slice of `t` elements (each `ew` words): the n*ew words at a.
    PackSlice { d: Reg = w, a: Reg = r, n: u32, t: RtType } slow;
    /// d, d+1, d+2 = make([]t, len a, cap c).
    MakeSlice { d: Reg = w, t: RtType, len: Reg = r, cap: Reg = r } slow;
    /// d..d+ew = slice a [index i] (bounds checked).
    SliceGet { d: Reg = w, a: Reg = r, i: Reg = r, t: RtType, u: Unsigned } fast implies(Reg(a.0 + 1) => r);
    /// slice d [index i] = a..a+ew (bounds checked, barriered).
    SliceSet { d: Reg = r, i: Reg = r, a: Reg = r, t: RtType, u: Unsigned } fast implies(Reg(d.0 + 1) => r);
    /// d = the address of slice a's element i (bounds checked).
    SliceAddr { d: Reg = w, a: Reg = r, i: Reg = r, t: RtType, u: Unsigned } slow;
    /// d, d+1, d+2 = slice a [b : b+1 : b+2] (bounds in slots b..b+3; `three`: written with max;
    /// `array`: a is an array's storage, so a bound past it is "with length").
    SliceSlice { d: Reg = w, a: Reg = r, b: Reg = r, t: RtType, three: bool, array: bool, u: Unsigned } fast implies(Reg(d.0 + 2) => w, Reg(a.0 + 2) => r, Reg(b.0 + 2) => r);
    /// d, d+1, d+2 = append(slice a, the n elements at b) with Go's growth.
    Append { d: Reg = w, a: Reg = r, b: Reg = r, n: u32, t: RtType } slow;
    /// d, d+1, d+2 = append(slice a, slice b...).
    AppendSlice { d: Reg = w, a: Reg = r, b: Reg = r, t: RtType } slow;
    /// d, d+1, d+2 = append(slice of bytes a, string b...) (element type `t`).
    AppendStr { d: Reg = w, a: Reg = r, b: Reg = r, t: RtType } slow;
    /// d = copy(slice of bytes a, string b).
    CopyStr { d: Reg = w, a: Reg = r, b: Reg = r } slow;
    /// d = copy(slice a, slice b).
    CopySlice { d: Reg = w, a: Reg = r, b: Reg = r, t: RtType } slow;
    /// d, d+1, d+2 = []byte(string a).
    StrToBytes { d: Reg = w, a: Reg = r } slow;
    /// d, d+1 = string(slice of bytes a).
    BytesToStr { d: Reg = w, a: Reg = r } slow;

    /// Jump to `to`.
    Jump { to: Pc } fast;
    /// Jump to `to` if a is true (taken backwards: spends budget, as `Loop`).
    JumpIf { a: Reg = r, to: Pc } fast;
    /// Jump to `to` if a is false (taken backwards: spends budget, as `Loop`).
    JumpIfNot { a: Reg = r, to: Pc } fast;
    /// Backward jump to `to` that also spends budget (a preemption point).
    Loop { to: Pc } fast;

    /// Call `f` with its window at `base`; results come back at base...
    Call { f: FuncId, base: Reg = win } fast;
    /// Call the closure in slot `c` (a heap pointer to [func, captures...]) with window at `base`.
    CallClosure { c: Reg = r, base: Reg = win } slow;
    /// Call method `m` (by name) of the interface in slot base, whose box
    /// pointer the method's wrapper receives as its first word.
    CallMethod { base: Reg = win, m: StrId } fast;
    /// Call native `f`: arguments at base.., results written at base...
    CallNative { f: NativeId, base: Reg = win } slow;
    /// d = a new closure of `f` capturing the n words at a (box pointers).
    MakeClosure { d: Reg = w, f: FuncId, a: Reg = r, n: u32 } slow;
    /// d..d+n = the words of this frame's closure at word offset off (captured boxes).
    LoadCapture { d: Reg = w, off: Off, n: u32 } slow;
    /// Return: the n words at a become the results (slots 0..n of this window).
    Return { a: Reg = r, n: u32 } fast(n == 1) implies(Reg(0) => w);
    /// Register a deferred call of func value c with the n argument words at a (runs at return or panic).
    Defer { c: Reg = r, a: Reg = r, n: u32 } slow;
    /// Run one pending deferred call of this frame, if any, then come back here.
    RunDefers slow;
    /// d = recover() (an interface word).
    Recover { d: Reg = w } slow;
    /// Panic with interface value a.
    Panic { a: Reg = r } slow;
    /// Panic with a runtime error.
    Fault { f: Fault } slow;
    /// Panic with the index error: index i out of range for length n.
    IndexFault { i: Reg = r, n: Reg = r } slow;
    /// Panic with a runtime error whose text is string constant m (Go's
    /// `value method main.T.M called using nil *T pointer`).
    PanicText { m: StrId } slow;

    /// Print the value at a for the print/println builtins (to stderr).
    Print { a: Reg = r, k: PrintKind } slow;

    // --- maps, type switches, comparisons ---
    /// d = a new map of map type `t` with room for `hint` (slot) entries.
    MakeMap { d: Reg = w, t: RtType, hint: Reg = r } slow;
    /// d = len(map a) (0 for nil).
    MapLen { d: Reg = w, a: Reg = r } slow;
    /// d.. = map m [key at k] (zeroes when absent); with `ok`, also d+vw = present.
    MapGet { d: Reg = w, m: Reg = r, k: Reg = r, t: RtType, ok: bool } slow;
    /// map m [key at k] = value at v (panics on a nil map).
    MapSet { m: Reg = r, k: Reg = r, v: Reg = r, t: RtType } slow;
    /// delete(map m, key at k).
    MapDelete { m: Reg = r, k: Reg = r, t: RtType } slow;
    /// clear(map a).
    MapClear { a: Reg = r } slow;
    /// d..d+5 = a new iterator over map a (a random starting point).
    MapIter { d: Reg = w, a: Reg = r } slow;
    /// Advances iterator `it`: d = whether there is an entry; d+1.. = its key's then value's words.
    MapNext { d: Reg = w, it: Reg = rw } slow;
    /// d = the values of type `t` at a and b are equal (panics on uncomparable dynamic types).
    EqValue { d: Reg = w, a: Reg = r, b: Reg = r, t: RtType } slow;
    /// d = interface a is non-nil and its dynamic type has the methods of interface type `t`.
    IfaceImplements { d: Reg = w, a: Reg = r, t: RtType } slow;
    /// d.. = a.(t) for interface a of static type `from`: panics with Go's message on failure.
    TypeAssert { d: Reg = w, a: Reg = r, t: RtType, from: RtType } fast;
    /// Zeroes every element of slice a, of element type `t` (clear).
    ClearSlice { a: Reg = r, t: RtType } slow;
    /// d, d+1, d+2 = []rune(string a).
    StrToRunes { d: Reg = w, a: Reg = r } slow;
    /// d, d+1 = string(slice of runes a).
    RunesToStr { d: Reg = w, a: Reg = r } slow;
    /// d = slice a's array pointer, after checking len(a) >= n (`(*[n]T)(s)`; nil for a nil slice and n == 0).
    SliceToArrayPtr { d: Reg = w, a: Reg = r, n: u32 } slow;
    /// d = the address of global word g (globals never move).
    GlobalAddr { d: Reg = w, g: u32 } fast;
    /// d = min(a, b) as f64 with Go's rules (NaN wins; -0 < +0).
    MinF64 { d: Reg = w, a: Reg = r, b: Reg = r } slow;
    /// d = max(a, b) as f64 with Go's rules (NaN wins; +0 > -0).
    MaxF64 { d: Reg = w, a: Reg = r, b: Reg = r } slow;
    /// d..d+ew = element i (slot) of the array of `len` elements of `ew` words in slots a.. (bounds checked).
    SlotIndex { d: Reg = w, a: Reg = r, i: Reg = r, ew: u32, len: u32, u: Unsigned } slow;
    /// Element i (slot) of the array in slots d.. = a..a+ew (bounds checked).
    SlotStore { d: Reg = rw, i: Reg = r, a: Reg = r, ew: u32, len: u32, u: Unsigned } slow;
    /// d = pointer a + i*es bytes, for an array in memory of `len` elements of `es` bytes at a (nil and bounds checked).
    ElemAddr { d: Reg = w, a: Reg = r, i: Reg = r, es: u32, len: u32, u: Unsigned } fast;

    // --- goroutines and channels ---
    /// `go`: starts a goroutine calling closure c with the n argument words at a.
    Go { c: Reg = r, a: Reg = r, n: u32 } slow;
    /// d = make(chan T, cap) for elements of type t (panics when cap is out of range).
    MakeChan { d: Reg = w, cap: Reg = r, t: RtType } slow;
    /// Sends the ew words at a on channel c (may park).
    ChanSend { c: Reg = r, a: Reg = r, ew: u32 } slow;
    /// d..d+ew = a value received from c; with `ok`, d+ew = whether it was sent (may park).
    ChanRecv { d: Reg = w, c: Reg = r, ew: u32, ok: bool } slow;
    /// close(c).
    ChanClose { c: Reg = r } slow;
    /// d = len(c) (`cap` when `cap` is set).
    ChanLen { d: Reg = w, c: Reg = r, cap: bool } slow;
    /// select over the `n` SelectCase instructions that follow: d = the chosen
    /// case index (-1: default, when `block` is false), d+1 = the receive's ok.
    Select { d: Reg = w, n: u32, block: bool } slow;
    /// One select case (only after Select): send the ew words at a on c, or
    /// receive ew words into a.
    SelectCase { c: Reg = r, a: Reg = rw, ew: u32, send: bool } slow;

    // --- intrinsics and addressing (performance) ---
    /// d = f(a) for a float64 function of package math compiled inline
    /// rather than as a call to its native.
    MathF64 { d: Reg = w, a: Reg = r, f: MathFn } fast;

    // --- complex numbers ---
    // A complex value is two slots, (real, imag), each an f64's bits; a
    // complex64's parts are kept rounded to f32 precision, as float32
    // values are. With `f32` set, each part of the result is rounded to
    // f32 precision. Every operand is read before `d` is written, so `d`
    // may be `a` or `b`.
    /// d, d+1 = a + b, part by part.
    AddC { d: Reg = w, a: Reg = r, b: Reg = r, f32: bool } slow implies(Reg(d.0 + 1) => w, Reg(a.0 + 1) => r, Reg(b.0 + 1) => r);
    /// d, d+1 = a - b, part by part.
    SubC { d: Reg = w, a: Reg = r, b: Reg = r, f32: bool } slow implies(Reg(d.0 + 1) => w, Reg(a.0 + 1) => r, Reg(b.0 + 1) => r);
    /// d, d+1 = a * b: (ac - bd, ad + bc) in f64 (complex64 too, as Go computes it), no fused multiply-add.
    MulC { d: Reg = w, a: Reg = r, b: Reg = r, f32: bool } slow implies(Reg(d.0 + 1) => w, Reg(a.0 + 1) => r, Reg(b.0 + 1) => r);
    /// d, d+1 = a / b as Go's runtime divides (Smith's algorithm, C99's infinities and NaNs; never panics).
    DivC { d: Reg = w, a: Reg = r, b: Reg = r, f32: bool } slow implies(Reg(d.0 + 1) => w, Reg(a.0 + 1) => r, Reg(b.0 + 1) => r);
    /// d, d+1 = -a.
    NegC { d: Reg = w, a: Reg = r } slow implies(Reg(d.0 + 1) => w, Reg(a.0 + 1) => r);
    /// d = a == b (both parts equal as f64: NaN is unequal, -0 == +0).
    EqC { d: Reg = w, a: Reg = r, b: Reg = r } slow implies(Reg(a.0 + 1) => r, Reg(b.0 + 1) => r);

    // --- announcing forms (performance; made by `fuse`, never by the
    // code generator): each means exactly its plain form (`Op::plain`,
    // named in its line) and says which instruction comes next, which
    // the fast loop runs in the same dispatch.
    /// `Load d, a, off, n=3` (a slice held in a struct), followed by a
    /// `SliceGet` or `SliceSet` of that slice.
    LoadSlice { d: Reg = w, a: Reg = r, off: Off } fast implies(Reg(d.0 + 2) => w);
    /// `Move d, a` (a call's last argument), followed by `Call` or `CallMethod`.
    MoveCall { d: Reg = w, a: Reg = r } fast;
    /// `Move2 d, a, d2, a2` (a call's last two arguments: it skips the
    /// `Move` after it), followed by `Call` or `CallMethod`.
    Move2Call { d: Reg = w, a: Reg = r, d2: Reg = w, a2: Reg = r } fast;
    /// `AddIntImm d, a, v`, followed by a `SliceGet` or `SliceSet` at index d.
    AddIntImmIndex { d: Reg = w, a: Reg = r, v: i32 } fast;
    /// `AddInt d, a, b`, followed by `JumpIfLtInt` or `JumpIfLeInt` on d.
    AddIntBr { d: Reg = w, a: Reg = r, b: Reg = r } fast;
    /// `LtF64 d, a, b`, followed by `JumpIf` or `JumpIfNot` on d.
    LtF64Br { d: Reg = w, a: Reg = r, b: Reg = r } fast;
    /// `LeF64 d, a, b`, followed by `JumpIf` or `JumpIfNot` on d.
    LeF64Br { d: Reg = w, a: Reg = r, b: Reg = r } fast;
    /// `EqInt d, a, b`, followed by `JumpIf` or `JumpIfNot` on d.
    EqIntBr { d: Reg = w, a: Reg = r, b: Reg = r } fast;
    /// `NeInt d, a, b`, followed by `JumpIf` or `JumpIfNot` on d.
    NeIntBr { d: Reg = w, a: Reg = r, b: Reg = r } fast;
    /// `LoadInt d, v`, followed by `Return d, n=1` (`return true`).
    LoadIntRet { d: Reg = w, v: i64 } fast;
    /// `LoadInt d, v` (a float constant, an element's value, a constant
    /// argument), followed by a float operation or comparison on d, a
    /// `SliceSet` of d, an `AddIntImm` indexing a slice (whose element
    /// may be d), or a `Call` or `CallMethod`.
    LoadIntNext { d: Reg = w, v: i64 } fast;
    /// `AddIntImm d, a, v` (a `range` loop's step), followed by `Loop`.
    AddIntImmLoop { d: Reg = w, a: Reg = r, v: i32 } fast;
    /// `AddIntImm d, a, v` (a call's last argument, `f(n-1)`), followed
    /// by `Call` or `CallMethod`.
    AddIntImmCall { d: Reg = w, a: Reg = r, v: i32 } fast;
    /// `AddInt d, a, b`, followed by `Return d, n=1` (`return x + y`).
    AddIntRet { d: Reg = w, a: Reg = r, b: Reg = r } fast;
    /// `AddIntImm d, a, v`, followed by `Return d, n=1` (`return x + 1`).
    AddIntImmRet { d: Reg = w, a: Reg = r, v: i32 } fast;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_come_from_the_table() {
        let op = Op::AddInt {
            d: Reg(1),
            a: Reg(2),
            b: Reg(3),
        };
        let mut seen = Vec::new();
        op.for_each_slot(&mut |r, role| seen.push((r.0, role)));
        assert_eq!(seen, [(1, Role::Write), (2, Role::Read), (3, Role::Read)]);
        assert_eq!(op.dest(), Some(Reg(1)));
        let mut reads = Vec::new();
        op.for_each_read(&mut |r| reads.push(r.0));
        assert_eq!(reads, [2, 3]);
        // Store's `d` is the pointer it stores through: read, not written;
        // of its n words, both ends of the range are named.
        let st = Op::Store {
            d: Reg(4),
            off: Off(0),
            a: Reg(5),
            n: 2,
            t: RtType(0),
        };
        assert_eq!(st.dest(), None);
        let mut reads = Vec::new();
        st.for_each_read(&mut |r| reads.push(r.0));
        assert_eq!(reads, [4, 5, 6]);
        // A zero-size store names a slot that may lie past the frame, so
        // it is not a fast instruction (the load-time check skips it).
        let empty = Op::Store {
            d: Reg(0),
            off: Off(0),
            a: Reg(1),
            n: 0,
            t: RtType(0),
        };
        assert!(st.is_fast() && !empty.is_fast());
        // Return writes its results from slot 0.
        let ret = Op::Return { a: Reg(7), n: 1 };
        let mut seen = Vec::new();
        ret.for_each_slot(&mut |r, role| seen.push((r.0, role)));
        assert_eq!(seen, [(7, Role::Read), (0, Role::Write)]);
    }

    #[test]
    fn fast_forms_follow_their_conditions() {
        assert!(Op::Return { a: Reg(0), n: 1 }.is_fast());
        assert!(!Op::Return { a: Reg(0), n: 2 }.is_fast());
        // A fast multi-word instruction names its last slot too, so the
        // VM's load-time check bounds the whole value.
        let mut seen = Vec::new();
        Op::Zero { d: Reg(4), n: 3 }.for_each_slot(&mut |r, role| seen.push((r.0, role)));
        assert_eq!(seen, [(4, Role::Write), (6, Role::Write)]);
        assert!(Op::Jump { to: Pc(0) }.is_fast());
        assert!(!Op::ConcatStr {
            d: Reg(0),
            a: Reg(1),
            b: Reg(2)
        }
        .is_fast());
    }

    #[test]
    fn fuse_pairs_moves_in_place() {
        let mv = |d, a| Op::Move {
            d: Reg(d),
            a: Reg(a),
        };
        let ret = Op::Return { a: Reg(0), n: 0 };
        let mut code = vec![mv(1, 2), mv(3, 1), mv(4, 5), ret, mv(6, 7)];
        fuse(&mut code);
        let m2 = |d, a, d2, a2| Op::Move2 {
            d: Reg(d),
            a: Reg(a),
            d2: Reg(d2),
            a2: Reg(a2),
        };
        // Every pc keeps an instruction that means what it meant, and the
        // second half of each pair stays a plain Move (a jump target).
        assert_eq!(
            code,
            vec![m2(1, 2, 3, 1), m2(3, 1, 4, 5), mv(4, 5), ret, mv(6, 7)]
        );
    }

    #[test]
    fn announcing_forms_mean_their_plain_form() {
        let (d, a, b, i) = (Reg(4), Reg(0), Reg(1), Reg(2));
        let to = Pc(0);
        let load = Op::Load {
            d,
            a,
            off: Off(3),
            n: 3,
        };
        let get = Op::SliceGet {
            d: Reg(7),
            a: d,
            i,
            t: RtType(1),
            u: Unsigned::NONE,
        };
        let addi = Op::AddIntImm { d: i, a: b, v: -1 };
        let add = Op::AddInt { d, a: d, b };
        let lt = Op::LtF64 { d, a, b };
        let eq = Op::EqInt { d, a, b };
        let li = Op::LoadInt { d, v: 1 };
        let mut code = vec![
            load,
            get,
            addi,
            get,
            add,
            Op::JumpIfLeInt { a: d, b: i, to },
            lt,
            Op::JumpIfNot { a: d, to },
            eq,
            Op::JumpIf { a: d, to },
            li,
            Op::Return { a: d, n: 1 },
            // Not consuming the first half's result: left alone.
            Op::Load {
                d,
                a,
                off: Off(3),
                n: 3,
            },
            Op::SliceGet {
                d: Reg(7),
                a: Reg(5),
                i,
                t: RtType(1),
                u: Unsigned::NONE,
            },
            Op::LtF64 { d, a, b },
            Op::JumpIf { a: b, to },
            Op::LoadInt { d, v: 1 },
            Op::Return { a: d, n: 2 },
        ];
        let before = code.clone();
        fuse(&mut code);
        assert_eq!(
            code[..12],
            [
                Op::LoadSlice { d, a, off: Off(3) },
                get,
                Op::AddIntImmIndex { d: i, a: b, v: -1 },
                get,
                Op::AddIntBr { d, a: d, b },
                before[5],
                Op::LtF64Br { d, a, b },
                before[7],
                Op::EqIntBr { d, a, b },
                before[9],
                Op::LoadIntRet { d, v: 1 },
                before[11],
            ]
        );
        assert_eq!(code[12..], before[12..]);
        // Each instruction stands for what the code generator emitted,
        // and names the same slots with the same roles.
        for (f, p) in code.iter().zip(&before) {
            assert_eq!(f.plain(), *p);
            let (mut fs, mut ps) = (Vec::new(), Vec::new());
            f.for_each_slot(&mut |r, role| fs.push((r, role)));
            p.for_each_slot(&mut |r, role| ps.push((r, role)));
            assert_eq!(fs, ps, "{f:?}");
            assert_eq!(f.is_fast(), p.is_fast(), "{f:?}");
        }
    }

    #[test]
    fn argument_moves_announce_their_call() {
        let mv = |d, a| Op::Move {
            d: Reg(d),
            a: Reg(a),
        };
        let call = Op::Call {
            f: FuncId(1),
            base: Reg(4),
        };
        let mut code = vec![mv(4, 0), call, mv(4, 0), mv(5, 1), mv(6, 2), call, mv(5, 1)];
        fuse(&mut code);
        assert_eq!(
            code,
            vec![
                Op::MoveCall {
                    d: Reg(4),
                    a: Reg(0)
                },
                call,
                Op::Move2 {
                    d: Reg(4),
                    a: Reg(0),
                    d2: Reg(5),
                    a2: Reg(1)
                },
                // Run after the Move2 above skips the Move it stands on:
                // the call follows the Move it skips.
                Op::Move2Call {
                    d: Reg(5),
                    a: Reg(1),
                    d2: Reg(6),
                    a2: Reg(2)
                },
                Op::MoveCall {
                    d: Reg(6),
                    a: Reg(2)
                },
                call,
                mv(5, 1),
            ]
        );
        assert_eq!(
            code[3].plain(),
            Op::Move2 {
                d: Reg(5),
                a: Reg(1),
                d2: Reg(6),
                a2: Reg(2)
            }
        );
        assert_eq!(code[4].plain(), mv(6, 2));
    }

    #[test]
    fn arguments_and_results_announce_their_call_and_return() {
        // fib's body: `if n < 2 { return n }; return fib(n-1) + fib(n-2)`.
        let (n, x, y, s) = (Reg(0), Reg(2), Reg(3), Reg(1));
        let call = |base| Op::Call { f: FuncId(7), base };
        let ret = |a| Op::Return { a, n: 1 };
        let mut code = vec![
            Op::AddIntImm { d: x, a: n, v: -1 },
            call(x),
            Op::AddIntImm { d: y, a: n, v: -2 },
            call(y),
            Op::AddInt { d: s, a: x, b: y },
            ret(s),
            Op::LoadInt { d: x, v: 5 },
            call(x),
            Op::AddIntImm { d: s, a: x, v: 1 },
            ret(s),
            // A result other than the one just computed: left alone.
            Op::AddInt { d: s, a: x, b: y },
            ret(x),
        ];
        let before = code.clone();
        fuse(&mut code);
        assert_eq!(
            code,
            vec![
                Op::AddIntImmCall { d: x, a: n, v: -1 },
                call(x),
                Op::AddIntImmCall { d: y, a: n, v: -2 },
                call(y),
                Op::AddIntRet { d: s, a: x, b: y },
                ret(s),
                Op::LoadIntNext { d: x, v: 5 },
                call(x),
                Op::AddIntImmRet { d: s, a: x, v: 1 },
                ret(s),
                before[10],
                ret(x),
            ]
        );
        for (f, p) in code.iter().zip(&before) {
            assert_eq!(f.plain(), *p);
            assert_eq!(f.is_fast(), p.is_fast(), "{f:?}");
        }
    }

    #[test]
    fn constants_announce_their_use() {
        let (d, a, i) = (Reg(3), Reg(1), Reg(2));
        let k = Op::LoadInt { d, v: 0 };
        let mul = Op::MulF64 { d: a, a, b: d };
        let idx = Op::AddIntImm { d: i, a, v: -1 };
        let set = Op::SliceSet {
            d: Reg(0),
            i,
            a: d,
            t: RtType(1),
            u: Unsigned::NONE,
        };
        let mut code = vec![
            k,
            mul,
            k,
            idx,
            set,
            k,
            Op::AddIntImm { d: i, a, v: -1 },
            Op::Nop,
        ];
        fuse(&mut code);
        let next = Op::LoadIntNext { d, v: 0 };
        let index = Op::AddIntImmIndex { d: i, a, v: -1 };
        // The last constant is not the stored element: left alone.
        assert_eq!(
            code,
            vec![
                next,
                mul,
                next,
                index,
                set,
                k,
                Op::AddIntImm { d: i, a, v: -1 },
                Op::Nop
            ]
        );
        assert_eq!(next.plain(), k);
    }

    #[test]
    fn retarget_one_word_loads() {
        let mut op = Op::Load {
            d: Reg(4),
            a: Reg(2),
            off: Off(1),
            n: 1,
        };
        assert!(op.retarget(Reg(4), Reg(2)));
        assert_eq!(
            op,
            Op::Load {
                d: Reg(2),
                a: Reg(2),
                off: Off(1),
                n: 1
            }
        );
        // A wider load writes more than `d`.
        let mut wide = Op::Load {
            d: Reg(4),
            a: Reg(2),
            off: Off(0),
            n: 3,
        };
        assert!(!wide.retarget(Reg(4), Reg(9)));
    }

    #[test]
    fn retarget_only_single_destination_instructions() {
        let mut op = Op::AddInt {
            d: Reg(1),
            a: Reg(2),
            b: Reg(3),
        };
        assert!(!op.retarget(Reg(2), Reg(9)));
        assert!(op.retarget(Reg(1), Reg(9)));
        assert_eq!(
            op,
            Op::AddInt {
                d: Reg(9),
                a: Reg(2),
                b: Reg(3)
            }
        );
        // Writes more than `d`'s one word: not retargetable.
        let mut s = Op::ConcatStr {
            d: Reg(1),
            a: Reg(2),
            b: Reg(3),
        };
        assert!(!s.retarget(Reg(1), Reg(9)));
        // `d` is read, not written.
        let mut st = Op::Store {
            d: Reg(1),
            off: Off(0),
            a: Reg(2),
            n: 1,
            t: RtType(0),
        };
        assert!(!st.retarget(Reg(1), Reg(9)));
    }
}
