//! gol's bytecode: what the code generator emits and the VM runs.
//!
//! # The machine
//! A *register machine* in the style of Lua 5: every call frame owns a
//! window of 8-byte *slots* on its goroutine's slot stack, and instructions
//! name slots by their index in that window ([`Reg`]). One instruction does
//! the work of three or four stack-machine instructions (`AddInt r3, r1,
//! r2` instead of `load, load, add, store`), which is what makes an
//! interpreter fast: fewer dispatches, no stack-pointer traffic.
//!
//! Slots are *untyped*: the static type of every expression is known, so a
//! slot holds raw bits (an `i64`, an `f64`'s bits, 0/1 for a bool, an
//! address) and the opcode says how to read them. Opcodes are therefore
//! specialised by type (`AddInt`, `AddF64`, `ConcatStr`, `LtUint`, ...).
//! Integer arithmetic is done on 64 bits; narrower types are wrapped by an
//! explicit truncation opcode ([`Op::Sext`]/[`Op::Zext`]) after each
//! operation that can overflow them, so the common `int` case pays nothing.
//! `float32` arithmetic is done in `f64` and rounded by [`Op::RoundF32`],
//! which gives the same result as single-precision arithmetic for `+ - * /`
//! (the double rounding is innocuous for these operations at these widths).
//!
//! # Values and their words
//! * bool, every integer, floats, pointers, maps, channels, functions: 1
//!   word.
//! * string: 2 words, `(ptr, len)`; `ptr` is 0 or points at the bytes (in
//!   the heap or in the program's constant pool, which outlives the run).
//! * slice: 3 words, `(ptr, len, cap)`.
//! * interface: **1 word**, a pointer to a *box* whose first word is the
//!   dynamic type's index in [`Program::types`] and whose remaining words
//!   hold the value (0 for a nil interface). This deviates from Go's two
//!   words on purpose: a one-word interface is loaded and stored with one
//!   machine access, so a racy program can never observe the type of one
//!   value with the data of another (architecture invariant 1), and the
//!   dynamic type always comes from the object itself. The price, an
//!   allocation per conversion of a non-pointer value, Go mostly pays too.
//! * arrays and structs: their elements' or fields' words, consecutively.
//!
//! # Calls
//! A call names the first slot of the argument area (`base`); the callee's
//! window starts there, so parameters are the callee's slots `0..`, and it
//! returns its results in its slots `0..` too (Lua's convention: no copying
//! of arguments). The caller always puts `base` above every slot it still
//! needs.
//!
//! # Rejected alternatives
//! * A stack machine: simpler code generation, but 2-4x more dispatches.
//! * Tagged values (`enum Value`): a tag check on every operation the type
//!   checker has already proven unnecessary, and twice the memory.
//! * Threaded code or closures per instruction: faster dispatch, but
//!   unreadable disassembly and harder to make preemptible; a `match` over a
//!   compact enum is within a small factor and keeps one line per opcode.

use std::fmt;

/// A slot of the current frame's window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reg(pub u32);

/// An index into [`Program::strings`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StrId(pub u32);

/// An index into [`Program::funcs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct FuncId(pub u32);

/// An index into [`Program::natives`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NativeId(pub u32);

/// An index into [`Program::types`]: a runtime type descriptor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RtType(pub u32);

/// An instruction index within the current function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pc(pub u32);

/// A word offset inside a heap object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Off(pub u32);

/// Bit widths for the truncation opcodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Width {
    W8,
    W16,
    W32,
}

impl Width {
    pub fn bits(self) -> u32 {
        match self {
            Width::W8 => 8,
            Width::W16 => 16,
            Width::W32 => 32,
        }
    }
}

/// What a runtime error panics with (Go's `runtime.Error` messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    /// `integer divide by zero`
    DivideByZero,
    /// `invalid memory address or nil pointer dereference`
    NilDeref,
    /// `assignment to entry in nil map`
    NilMapWrite,
}

/// How a value is printed by the `print`/`println` builtins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrintKind {
    Bool,
    Int,
    Uint,
    F64,
    F32,
    /// 2 words.
    Str,
    /// A pointer, map, channel or function: `0x...`.
    Pointer,
    /// An interface: `(0xtype,0xdata)`.
    Iface,
    /// A slice: `[len/cap]0xptr`.
    Slice,
    /// A space (between `println` operands).
    Space,
    /// A newline (after `println`'s operands).
    Newline,
}

/// One instruction. Operands are newtypes; each variant has one line of
/// meaning. `d` is the destination slot, `a`/`b` the operands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    /// Does nothing (a patched-out placeholder).
    Nop,
    /// d = the integer (or raw bits) `v`.
    LoadInt { d: Reg, v: i64 },
    /// d, d+1 = the constant string (ptr, len).
    LoadStr { d: Reg, s: StrId },
    /// d..d+n = 0.
    Zero { d: Reg, n: u32 },
    /// d = a.
    Move { d: Reg, a: Reg },
    /// d..d+n = a..a+n (the ranges may overlap; copies as `memmove`).
    MoveN { d: Reg, a: Reg, n: u32 },

    /// d = a + b (wrapping, 64-bit).
    AddInt { d: Reg, a: Reg, b: Reg },
    /// d = a + v (wrapping, 64-bit).
    AddIntImm { d: Reg, a: Reg, v: i32 },
    /// d = a - b.
    SubInt { d: Reg, a: Reg, b: Reg },
    /// d = a * b.
    MulInt { d: Reg, a: Reg, b: Reg },
    /// d = a / b, signed; panics on b == 0; MIN / -1 wraps.
    DivInt { d: Reg, a: Reg, b: Reg },
    /// d = a % b, signed; panics on b == 0.
    RemInt { d: Reg, a: Reg, b: Reg },
    /// d = a / b, unsigned.
    DivUint { d: Reg, a: Reg, b: Reg },
    /// d = a % b, unsigned.
    RemUint { d: Reg, a: Reg, b: Reg },
    /// d = a & b.
    And { d: Reg, a: Reg, b: Reg },
    /// d = a | b.
    Or { d: Reg, a: Reg, b: Reg },
    /// d = a ^ b.
    Xor { d: Reg, a: Reg, b: Reg },
    /// d = a &^ b.
    AndNot { d: Reg, a: Reg, b: Reg },
    /// d = a << b (b unsigned; >= 64 gives 0); panics if b is negative and signed.
    Shl {
        d: Reg,
        a: Reg,
        b: Reg,
        signed_count: bool,
    },
    /// d = a >> b, arithmetic (b >= 64 gives the sign).
    ShrInt {
        d: Reg,
        a: Reg,
        b: Reg,
        signed_count: bool,
    },
    /// d = a >> b, logical.
    ShrUint {
        d: Reg,
        a: Reg,
        b: Reg,
        signed_count: bool,
    },
    /// d = -a (wrapping).
    NegInt { d: Reg, a: Reg },
    /// d = ^a.
    BitNot { d: Reg, a: Reg },
    /// d = a sign-extended from the width's low bits.
    Sext { d: Reg, a: Reg, w: Width },
    /// d = a zero-extended from the width's low bits.
    Zext { d: Reg, a: Reg, w: Width },

    /// d = a + b as f64.
    AddF64 { d: Reg, a: Reg, b: Reg },
    /// d = a - b as f64.
    SubF64 { d: Reg, a: Reg, b: Reg },
    /// d = a * b as f64.
    MulF64 { d: Reg, a: Reg, b: Reg },
    /// d = a / b as f64 (IEEE: no panic).
    DivF64 { d: Reg, a: Reg, b: Reg },
    /// d = -a as f64.
    NegF64 { d: Reg, a: Reg },
    /// d = a (f64) rounded to f32 precision, kept as f64 bits.
    RoundF32 { d: Reg, a: Reg },

    // --- fused and immediate forms (performance) ---
    // An immediate `v` is sign-extended to 64 bits. A conditional jump that
    // is taken backwards (`to` at or before itself) spends budget like
    // `Loop`: loops test their condition at the bottom with these.
    /// d = a * v (wrapping, 64-bit).
    MulIntImm { d: Reg, a: Reg, v: i32 },
    /// d = a & v.
    AndImm { d: Reg, a: Reg, v: i32 },
    /// d = a | v.
    OrImm { d: Reg, a: Reg, v: i32 },
    /// d = a ^ v.
    XorImm { d: Reg, a: Reg, v: i32 },
    /// d = a << s (s < 64).
    ShlImm { d: Reg, a: Reg, s: u32 },
    /// d = a >> s, arithmetic (s < 64).
    ShrIntImm { d: Reg, a: Reg, s: u32 },
    /// d = a >> s, logical (s < 64).
    ShrUintImm { d: Reg, a: Reg, s: u32 },
    /// Jump to `to` if a == b (words).
    JumpIfEq { a: Reg, b: Reg, to: Pc },
    /// Jump to `to` if a != b (words).
    JumpIfNe { a: Reg, b: Reg, to: Pc },
    /// Jump to `to` if a < b, signed.
    JumpIfLtInt { a: Reg, b: Reg, to: Pc },
    /// Jump to `to` if a <= b, signed.
    JumpIfLeInt { a: Reg, b: Reg, to: Pc },
    /// Jump to `to` if a < b, unsigned.
    JumpIfLtUint { a: Reg, b: Reg, to: Pc },
    /// Jump to `to` if a <= b, unsigned.
    JumpIfLeUint { a: Reg, b: Reg, to: Pc },
    /// Jump to `to` if a == v (words).
    JumpIfEqImm { a: Reg, v: i32, to: Pc },
    /// Jump to `to` if a != v (words).
    JumpIfNeImm { a: Reg, v: i32, to: Pc },
    /// Jump to `to` if a < v, signed.
    JumpIfLtIntImm { a: Reg, v: i32, to: Pc },
    /// Jump to `to` if a <= v, signed.
    JumpIfLeIntImm { a: Reg, v: i32, to: Pc },
    /// Jump to `to` if a > v, signed.
    JumpIfGtIntImm { a: Reg, v: i32, to: Pc },
    /// Jump to `to` if a >= v, signed.
    JumpIfGeIntImm { a: Reg, v: i32, to: Pc },
    /// a += v (wrapping), then jump to `to` if a < b, signed: a counted
    /// loop's step and bottom test.
    IncJumpIfLtInt { a: Reg, v: i32, b: Reg, to: Pc },
    /// a += v, then jump to `to` if a <= b, signed.
    IncJumpIfLeInt { a: Reg, v: i32, b: Reg, to: Pc },
    /// a += v, then jump to `to` if a < lim, signed.
    IncJumpIfLtIntImm { a: Reg, v: i32, lim: i32, to: Pc },
    /// a += v, then jump to `to` if a <= lim, signed.
    IncJumpIfLeIntImm { a: Reg, v: i32, lim: i32, to: Pc },

    /// d = a == b (words).
    EqInt { d: Reg, a: Reg, b: Reg },
    /// d = a != b (words).
    NeInt { d: Reg, a: Reg, b: Reg },
    /// d = a < b, signed.
    LtInt { d: Reg, a: Reg, b: Reg },
    /// d = a <= b, signed.
    LeInt { d: Reg, a: Reg, b: Reg },
    /// d = a < b, unsigned.
    LtUint { d: Reg, a: Reg, b: Reg },
    /// d = a <= b, unsigned.
    LeUint { d: Reg, a: Reg, b: Reg },
    /// d = a == b as f64.
    EqF64 { d: Reg, a: Reg, b: Reg },
    /// d = a != b as f64.
    NeF64 { d: Reg, a: Reg, b: Reg },
    /// d = a < b as f64.
    LtF64 { d: Reg, a: Reg, b: Reg },
    /// d = a <= b as f64.
    LeF64 { d: Reg, a: Reg, b: Reg },
    /// d = string a == string b.
    EqStr { d: Reg, a: Reg, b: Reg },
    /// d = string a < string b (bytewise).
    LtStr { d: Reg, a: Reg, b: Reg },
    /// d = string a <= string b.
    LeStr { d: Reg, a: Reg, b: Reg },
    /// d = !a (bool).
    Not { d: Reg, a: Reg },

    /// d = a (signed int) as f64.
    IntToF64 { d: Reg, a: Reg },
    /// d = a (unsigned) as f64.
    UintToF64 { d: Reg, a: Reg },
    /// d = a (f64) truncated to i64 (saturating, NaN 0: Go leaves it unspecified).
    F64ToInt { d: Reg, a: Reg },
    /// d = a (f64) truncated to u64.
    F64ToUint { d: Reg, a: Reg },
    /// d, d+1 = string(rune a) (invalid code points give U+FFFD).
    RuneToStr { d: Reg, a: Reg },

    /// d, d+1 = string a + string b (a new heap string).
    ConcatStr { d: Reg, a: Reg, b: Reg },
    /// d = len(string a) (the len word).
    StrLen { d: Reg, a: Reg },
    /// d = string a [index i] as a byte; panics when out of range.
    StrIndex { d: Reg, a: Reg, i: Reg },
    /// d, d+1 = string a [b : b+1] (the bounds in slots b, b+1).
    StrSlice { d: Reg, a: Reg, b: Reg },
    /// Decode the rune of string a at byte index i: d = rune, d+1 = width (range over string).
    StrDecodeRune { d: Reg, a: Reg, i: Reg },

    /// d = a pointer to a new box holding type `t` and the words a..a+n (to interface).
    ToIface { d: Reg, a: Reg, n: u32, t: RtType },
    /// d = whether interface a holds exactly type `t` (a nil `t`... never).
    IfaceIs { d: Reg, a: Reg, t: RtType },
    /// d..d+n = the value of interface a, which must hold type `t` (panics otherwise).
    IfaceAssert { d: Reg, a: Reg, n: u32, t: RtType },
    /// d..d+n = the value of interface a if it holds `t`, else zeroes.
    IfaceUnbox { d: Reg, a: Reg, n: u32 },
    /// d = interface a == interface b (panics on uncomparable dynamic types).
    EqIface { d: Reg, a: Reg, b: Reg },

    /// d = pointer to a new zeroed heap object of type `t` (new(T), &T{}).
    New { d: Reg, t: RtType },
    /// d..d+n = the n words at pointer a + off (panics on nil).
    Load { d: Reg, a: Reg, off: Off, n: u32 },
    /// The n words at pointer d + off = a..a+n (barriered stores of pointer words; panics on nil).
    Store {
        d: Reg,
        off: Off,
        a: Reg,
        n: u32,
        t: RtType,
    },
    /// The value of type `t` at pointer d = the value at pointer a (each
    /// nil-checked, a first; barriered): a value too large for slots.
    CopyValue { d: Reg, a: Reg, t: RtType },
    /// d = a new interface box of type `t` holding a copy of the value at
    /// pointer a (panics on nil): to interface without slots.
    BoxValue { d: Reg, a: Reg, t: RtType },
    /// d..d+n = global words g..g+n.
    LoadGlobal { d: Reg, g: u32, n: u32 },
    /// Global words g..g+n = a..a+n.
    StoreGlobal { g: u32, a: Reg, n: u32 },

    /// d, d+1, d+2 = a new slice of `t` elements (each `ew` words): the n*ew words at a.
    PackSlice { d: Reg, a: Reg, n: u32, t: RtType },
    /// d, d+1, d+2 = make([]t, len a, cap c).
    MakeSlice {
        d: Reg,
        t: RtType,
        len: Reg,
        cap: Reg,
    },
    /// d..d+ew = slice a [index i] (bounds checked).
    SliceGet { d: Reg, a: Reg, i: Reg, t: RtType },
    /// slice d [index i] = a..a+ew (bounds checked, barriered).
    SliceSet { d: Reg, i: Reg, a: Reg, t: RtType },
    /// d = the address of slice a's element i (bounds checked).
    SliceAddr { d: Reg, a: Reg, i: Reg, t: RtType },
    /// d, d+1, d+2 = slice a [b : b+1 : b+2] (bounds in slots b..b+3; `three`: written with max;
    /// `array`: a is an array's storage, so a bound past it is "with length").
    SliceSlice {
        d: Reg,
        a: Reg,
        b: Reg,
        t: RtType,
        three: bool,
        array: bool,
    },
    /// d, d+1, d+2 = append(slice a, the n elements at b) with Go's growth.
    Append {
        d: Reg,
        a: Reg,
        b: Reg,
        n: u32,
        t: RtType,
    },
    /// d, d+1, d+2 = append(slice a, slice b...).
    AppendSlice { d: Reg, a: Reg, b: Reg, t: RtType },
    /// d = copy(slice a, slice b).
    CopySlice { d: Reg, a: Reg, b: Reg, t: RtType },
    /// d, d+1, d+2 = []byte(string a).
    StrToBytes { d: Reg, a: Reg },
    /// d, d+1 = string(slice of bytes a).
    BytesToStr { d: Reg, a: Reg },

    /// Jump to `to`.
    Jump { to: Pc },
    /// Jump to `to` if a is true (taken backwards: spends budget, as `Loop`).
    JumpIf { a: Reg, to: Pc },
    /// Jump to `to` if a is false (taken backwards: spends budget, as `Loop`).
    JumpIfNot { a: Reg, to: Pc },
    /// Backward jump to `to` that also spends budget (a preemption point).
    Loop { to: Pc },

    /// Call `f` with its window at `base`; results come back at base...
    Call { f: FuncId, base: Reg },
    /// Call the closure in slot `c` (a heap pointer to [func, captures...]) with window at `base`.
    CallClosure { c: Reg, base: Reg },
    /// Call method `m` (by name) of the interface in slot base, whose box
    /// pointer the method's wrapper receives as its first word.
    CallMethod { base: Reg, m: StrId },
    /// Call native `f`: arguments at base.., results written at base...
    CallNative { f: NativeId, base: Reg },
    /// d = a new closure of `f` capturing the n words at a (box pointers).
    MakeClosure { d: Reg, f: FuncId, a: Reg, n: u32 },
    /// d..d+n = the words of this frame's closure at word offset off (captured boxes).
    LoadCapture { d: Reg, off: Off, n: u32 },
    /// Return: the n words at a become the results (slots 0..n of this window).
    Return { a: Reg, n: u32 },
    /// Register a deferred call of func value c with the n argument words at a (runs at return or panic).
    Defer { c: Reg, a: Reg, n: u32 },
    /// Run one pending deferred call of this frame, if any, then come back here.
    RunDefers,
    /// d = recover() (an interface word).
    Recover { d: Reg },
    /// Panic with interface value a.
    Panic { a: Reg },
    /// Panic with a runtime error.
    Fault { f: Fault },
    /// Panic with the index error: index i out of range for length n.
    IndexFault { i: Reg, n: Reg },
    /// Panic with a runtime error whose text is string constant m (Go's
    /// `value method main.T.M called using nil *T pointer`).
    PanicText { m: StrId },

    /// Print the value at a for the print/println builtins (to stderr).
    Print { a: Reg, k: PrintKind },

    // --- maps, type switches, comparisons ---
    /// d = a new map of map type `t` with room for `hint` (slot) entries.
    MakeMap { d: Reg, t: RtType, hint: Reg },
    /// d = len(map a) (0 for nil).
    MapLen { d: Reg, a: Reg },
    /// d.. = map m [key at k] (zeroes when absent); with `ok`, also d+vw = present.
    MapGet {
        d: Reg,
        m: Reg,
        k: Reg,
        t: RtType,
        ok: bool,
    },
    /// map m [key at k] = value at v (panics on a nil map).
    MapSet { m: Reg, k: Reg, v: Reg, t: RtType },
    /// delete(map m, key at k).
    MapDelete { m: Reg, k: Reg, t: RtType },
    /// clear(map a).
    MapClear { a: Reg },
    /// d..d+5 = a new iterator over map a (a random starting point).
    MapIter { d: Reg, a: Reg },
    /// Advances iterator `it`: d = whether there is an entry; d+1.. = its key's then value's words.
    MapNext { d: Reg, it: Reg },
    /// d = the values of type `t` at a and b are equal (panics on uncomparable dynamic types).
    EqValue { d: Reg, a: Reg, b: Reg, t: RtType },
    /// d = interface a is non-nil and its dynamic type has the methods of interface type `t`.
    IfaceImplements { d: Reg, a: Reg, t: RtType },
    /// d.. = a.(t) for interface a of static type `from`: panics with Go's message on failure.
    TypeAssert {
        d: Reg,
        a: Reg,
        t: RtType,
        from: RtType,
    },
    /// Zeroes every element of slice a, of element type `t` (clear).
    ClearSlice { a: Reg, t: RtType },
    /// d, d+1, d+2 = []rune(string a).
    StrToRunes { d: Reg, a: Reg },
    /// d, d+1 = string(slice of runes a).
    RunesToStr { d: Reg, a: Reg },
    /// d = slice a's array pointer, after checking len(a) >= n (`(*[n]T)(s)`; nil for a nil slice and n == 0).
    SliceToArrayPtr { d: Reg, a: Reg, n: u32 },
    /// d = the address of global word g (globals never move).
    GlobalAddr { d: Reg, g: u32 },
    /// d = min(a, b) as f64 with Go's rules (NaN wins; -0 < +0).
    MinF64 { d: Reg, a: Reg, b: Reg },
    /// d = max(a, b) as f64 with Go's rules (NaN wins; +0 > -0).
    MaxF64 { d: Reg, a: Reg, b: Reg },
    /// d..d+ew = element i (slot) of the array of `len` elements of `ew` words in slots a.. (bounds checked).
    SlotIndex {
        d: Reg,
        a: Reg,
        i: Reg,
        ew: u32,
        len: u32,
    },
    /// Element i (slot) of the array in slots d.. = a..a+ew (bounds checked).
    SlotStore {
        d: Reg,
        i: Reg,
        a: Reg,
        ew: u32,
        len: u32,
    },
    /// d = pointer a + i*ew words, for an array of `len` elements at a (nil and bounds checked).
    ElemAddr {
        d: Reg,
        a: Reg,
        i: Reg,
        ew: u32,
        len: u32,
    },

    // --- goroutines and channels ---
    /// `go`: starts a goroutine calling closure c with the n argument words at a.
    Go { c: Reg, a: Reg, n: u32 },
    /// d = make(chan T, cap) for elements of `ew` words (panics when cap is out of range).
    MakeChan { d: Reg, cap: Reg, ew: u32 },
    /// Sends the ew words at a on channel c (may park).
    ChanSend { c: Reg, a: Reg, ew: u32 },
    /// d..d+ew = a value received from c; with `ok`, d+ew = whether it was sent (may park).
    ChanRecv { d: Reg, c: Reg, ew: u32, ok: bool },
    /// close(c).
    ChanClose { c: Reg },
    /// d = len(c) (`cap` when `cap` is set).
    ChanLen { d: Reg, c: Reg, cap: bool },
    /// select over the `n` SelectCase instructions that follow: d = the chosen
    /// case index (-1: default, when `block` is false), d+1 = the receive's ok.
    Select { d: Reg, n: u32, block: bool },
    /// One select case (only after Select): send the ew words at a on c, or
    /// receive ew words into a.
    SelectCase { c: Reg, a: Reg, ew: u32, send: bool },

    // --- intrinsics and addressing (performance) ---
    /// d = f(a) for a float64 function of package math compiled inline
    /// rather than as a call to its native.
    MathF64 { d: Reg, a: Reg, f: MathFn },
}

/// The math functions [`Op::MathF64`] computes inline: each is one
/// IEEE-754 operation with Go's exact semantics (Rust's `f64::sqrt`,
/// `abs`, `floor`, `ceil`, `trunc` agree with Go on NaN, infinities and
/// signed zeros).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MathFn {
    Sqrt,
    Abs,
    Floor,
    Ceil,
    Trunc,
}

/// A runtime type descriptor: what `%T`, `%v`, type switches, interface
/// boxing and the collector need to know about a type.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeDesc {
    /// Go's spelling (`int`, `main.T`, `[]string`, `*main.T`).
    pub name: String,
    pub kind: TypeKind,
    /// Size in words.
    pub words: u32,
    /// Which of those words are heap pointers (bit i = word i), for the
    /// collector's precise layout of objects holding this type.
    pub ptr_mask: Vec<u64>,
    /// Methods by name with the functions implementing them for this type's
    /// values (for `*T`: every method of `T` and `*T`).
    pub methods: Vec<(String, FuncId)>,
}

/// The shape of a runtime type.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeKind {
    Bool,
    Int {
        bits: u32,
        signed: bool,
    },
    Float {
        bits: u32,
    },
    String,
    Pointer(RtType),
    Slice(RtType),
    Array(u64, RtType),
    Struct(Vec<StructField>),
    Map(RtType, RtType),
    Chan(RtType),
    Func,
    Interface,
    /// `uintptr`.
    Uintptr,
}

/// A struct field in a [`TypeDesc`].
#[derive(Clone, Debug, PartialEq)]
pub struct StructField {
    pub name: String,
    pub ty: RtType,
    /// Word offset within the struct.
    pub off: u32,
    pub embedded: bool,
}

/// One compiled function.
#[derive(Clone, Debug, Default)]
pub struct Function {
    /// Go's name in traces: `main.f`, `main.(*T).M`, `main.main.func1`.
    pub name: String,
    pub code: Vec<Op>,
    /// Source line of each instruction (parallel to `code`).
    pub lines: Vec<u32>,
    /// Index of the function's file in [`Program::files`].
    pub file: u32,
    /// Words of parameters (the receiver first).
    pub param_words: u32,
    /// Words of results.
    pub result_words: u32,
    /// Size of the window: every slot any instruction names is below it.
    pub frame_words: u32,
    /// Where a frame resumes when a deferred call of its own recovered a
    /// panic: code that returns the current named results (or zeroes).
    pub recover_pc: u32,
}

/// A native (Rust-implemented) function the program calls.
#[derive(Clone, Debug, PartialEq)]
pub struct NativeDecl {
    /// `fmt.Println`, `os.Exit`, `strings.(*Builder).WriteString`.
    pub name: String,
    pub param_words: u32,
    pub result_words: u32,
    /// The words of each parameter and result, in order (so a native can
    /// find its arguments without knowing Go types).
    pub params: Vec<RtType>,
    pub results: Vec<RtType>,
    pub variadic: bool,
}

/// A compiled program.
#[derive(Clone, Debug, Default)]
pub struct Program {
    pub funcs: Vec<Function>,
    pub natives: Vec<NativeDecl>,
    pub types: Vec<TypeDesc>,
    /// Constant strings (the bytes of every string literal).
    pub strings: Vec<Vec<u8>>,
    /// Source file names (as given to the checker).
    pub files: Vec<String>,
    /// Words of package-level variables.
    pub global_words: u32,
    /// The function that initializes every package and then calls `main.main`.
    pub entry: FuncId,
}

impl Program {
    /// The descriptor of a runtime type.
    pub fn ty(&self, t: RtType) -> &TypeDesc {
        &self.types[t.0 as usize]
    }

    /// The bytecode listing of every function, with source lines: what
    /// `gol disasm` prints.
    pub fn disassemble(&self) -> String {
        let mut out = String::new();
        for (i, f) in self.funcs.iter().enumerate() {
            let file = self.files.get(f.file as usize).map_or("?", |s| s.as_str());
            out.push_str(&format!(
                "func {} #{} ({}; params {} words, results {} words, frame {} words)\n",
                f.name, i, file, f.param_words, f.result_words, f.frame_words
            ));
            let mut last_line = u32::MAX;
            for (pc, op) in f.code.iter().enumerate() {
                let line = f.lines.get(pc).copied().unwrap_or(0);
                let l = if line != last_line {
                    last_line = line;
                    format!("{line:>5}")
                } else {
                    "     ".to_string()
                };
                out.push_str(&format!("{l} {pc:>5}  {}\n", OpDisplay(op, self)));
            }
            out.push('\n');
        }
        out
    }
}

struct OpDisplay<'a>(&'a Op, &'a Program);

impl fmt::Display for OpDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.1;
        match *self.0 {
            Op::LoadStr { d, s } => {
                let text = p
                    .strings
                    .get(s.0 as usize)
                    .map(|b| String::from_utf8_lossy(b));
                write!(f, "LoadStr r{} {:?}", d.0, text.unwrap_or_default())
            }
            Op::Call { f: func, base } => {
                let name = p
                    .funcs
                    .get(func.0 as usize)
                    .map_or("?", |x| x.name.as_str());
                write!(f, "Call {name} base=r{}", base.0)
            }
            Op::CallNative { f: n, base } => {
                let name = p.natives.get(n.0 as usize).map_or("?", |x| x.name.as_str());
                write!(f, "CallNative {name} base=r{}", base.0)
            }
            ref op => {
                // The derived Debug form, with `Reg(3)` shortened to `r3`.
                let s = format!("{op:?}");
                f.write_str(&shorten(&s))
            }
        }
    }
}

/// `AddInt { d: Reg(1), a: Reg(2) }` -> `AddInt d=r1 a=r2`.
fn shorten(s: &str) -> String {
    let mut out = s
        .replace(" { ", " ")
        .replace(" }", "")
        .replace(": ", "=")
        .replace(", ", " ");
    for (from, to) in [
        ("Reg(", "r"),
        ("Pc(", "@"),
        ("RtType(", "T"),
        ("Off(", "+"),
        ("FuncId(", "f"),
        ("StrId(", "s"),
    ] {
        while let Some(i) = out.find(from) {
            let rest = &out[i + from.len()..];
            let Some(close) = rest.find(')') else { break };
            let inner = rest[..close].to_string();
            out = format!("{}{}{}{}", &out[..i], to, inner, &rest[close + 1..]);
        }
    }
    out
}

/// Slots a `range` over a map keeps its iterator in ([`Op::MapIter`],
/// [`Op::MapNext`]).
pub const MAP_ITER_WORDS: u32 = 6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn op_stays_small() {
        // Dispatch speed depends on a compact instruction stream.
        assert!(
            std::mem::size_of::<Op>() <= 24,
            "{}",
            std::mem::size_of::<Op>()
        );
    }

    #[test]
    fn shorten_debug_form() {
        let op = Op::AddInt {
            d: Reg(1),
            a: Reg(2),
            b: Reg(3),
        };
        assert_eq!(shorten(&format!("{op:?}")), "AddInt d=r1 a=r2 b=r3");
        let op = Op::JumpIfNot {
            a: Reg(0),
            to: Pc(7),
        };
        assert_eq!(shorten(&format!("{op:?}")), "JumpIfNot a=r0 to=@7");
        let op = Op::Call {
            f: FuncId(3),
            base: Reg(4),
        };
        assert_eq!(shorten(&format!("{op:?}")), "Call f=f3 base=r4");
    }
}
