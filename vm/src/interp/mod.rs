//! The interpreter loop: runs one goroutine for a bounded slice.
//!
//! [`run`] keeps the current frame's function, pc and window base in
//! locals, dispatches with a `match` on [`Op`], and returns an [`Exit`]
//! when the goroutine finishes, panics past its last frame, exits, or
//! spends its budget. The budget is decremented on calls and backward jumps
//! (`Loop`): every unbounded execution path passes one of them, so a slice
//! always ends, and the caller gets a safepoint (GC, later scheduling).
//!
//! Calls push a [`Frame`] record and switch locals; nothing recurses on the
//! Rust stack. A goroutine's slot stack grows by copying (`G::ensure`) at
//! calls; past 1 GiB the goroutine dies with `fatal error: stack overflow`.
//!
//! Panics unwind through the goroutine's deferred calls without leaving
//! the loop either: `unwind` pushes each deferred call as a frame, and
//! `run` executes it like any other (the `unwind` module docs say how a
//! panic starts, is recovered, or ends the slice with [`Exit::Panic`]).
//!
//! # Dispatch
//! Two loops share the work. [`fast`] runs the hot instructions (moves,
//! arithmetic, comparisons, jumps, static calls, plain returns) with its
//! whole state in a few locals that stay in machine registers, and stops
//! before any other instruction; `run`'s big `match` executes that one
//! and hands control back. (One big loop was measured 1.3-1.5x slower on
//! call- and loop-bound programs: the compiler spills pc, the code and the
//! window to the stack there, because the cold arms call out.) Calls and
//! returns switch frames inside `fast` without leaving it. (Running
//! `CallNative` and `ToIface` in place inside `fast`, with the VM passed
//! in, was measured: 1.2x faster on `fmt.Sprintf` in a loop, but 1.15-1.4x
//! slower in CPU time on AWFY's Richards and Mandelbrot, Mandelbrot at
//! the same instruction count: the loop's machine code, not its work.
//! Running a native wrapper's `Call` here instead, so that `fast` is
//! entered once per `fmt.Sprintf` rather than twice, was measured too:
//! more instructions and 1.08x the time on bench/mapstr_fmt, since this
//! loop's call path re-reads the frame record and ensures the window.)
//!
//! Slots are reached through `regs`, a raw pointer to the current frame's
//! *window* of `win` slots. Window invariant: `base + win <= g.stack.len()`
//! (`G::ensure` at frame entry; the stack never shrinks), and `regs` is
//! taken again after anything that can grow the stack (calls; natives
//! return to the frame loop, which retakes it). In `run`, each access
//! compares the slot with `win`; a failure is a VM bug reported as a fatal
//! error. In `fast` there is no compare: [`verify`] checks once, when the
//! program is loaded, that every slot the instructions run there name is
//! inside the frame (the opcode table, `gol_lang::opcode`, marks which
//! instructions are `fast` and names their slots; debug builds assert at
//! every access that the slot was listed). The compare cost a third of the
//! time of a tight loop (it keeps the compiler from scheduling the loads),
//! which is why it is hoisted to load time.
//!
//! # Hot and cold instructions
//! `run`'s arms keep inline what is frequent and short (loads and stores
//! through pointers, slice indexing, globals, calls and returns, the
//! checked arithmetic). The cold instructions' bodies live in modules
//! grouped by what they touch, each one `#[inline(never)]` function that
//! matches its group (`slices`, `maps`, `ifaces`, `chans`, `calls`,
//! parts of `unwind`): a call out of the loop costs nothing measurable
//! beside an allocation or a channel operation, and keeps `run` short
//! enough to read and its hot arms' registers unspilled. They reach the
//! frame through [`At`] (checked slot access) and leave the instruction
//! through [`Trap`], which `run`'s `cold!` turns into what its own arms
//! do (a panic, a fatal error, a park).
//!
//! # Map of the module
//! Read in this order:
//! - this file: [`Exit`], the slice budget, `with_pure_ops` (the
//!   arithmetic and branch instructions written once for both loops),
//!   [`run`] (the checked loop) and the small pieces its arms share:
//!   checked slot access (`window`, `bad_slot`, [`At`]), `call`, `raise`,
//!   `str_at`;
//! - `fast`: the unchecked loop for the hot instructions;
//! - `verify`: the load-time check that makes `fast`'s unchecked slot
//!   access sound;
//! - `calls`: method dispatch for interface calls, natives' results;
//! - `slices`, `maps`, `ifaces`, `chans`: the cold instructions on slices
//!   and strings, maps, interfaces, goroutines and channels (the last
//!   through park.rs, the blocking protocol);
//! - `unwind`: deferred calls, panics and `recover`;
//! - `nested`: Go functions called from natives (`run_nested`,
//!   `NativeCtx::call`) and from panic reports (`method_text`);
//! - `values`: what the cold arms compute on values (UTF-8 decoding,
//!   Go's float `min`, assertion messages, interface equality).

use crate::goroutine::{Frame, PanicValue, Panicking, G};
use crate::layout;
use crate::map::MapError;
use crate::native::{NativeCtx, NativeResult};
use crate::panic::{bounds_error, capture, print_text, Bounds};
use crate::rt::SliceCx;
use crate::value;
use crate::Vm;
use gol_lang::bytecode::{
    Fault, FuncId, Function, MathFn, NativeId, Op, Program, Reg, RtType, TypeKind,
};
use std::io::Write;
use std::sync::Arc;

/// Calls and backward jumps per slice.
pub(crate) const SLICE_BUDGET: i64 = 200_000;

/// Why a slice ended.
#[derive(Debug, PartialEq)]
#[allow(clippy::enum_variant_names)] // `Exit::Exit` is `os.Exit`
pub(crate) enum Exit {
    /// The budget is spent; the goroutine can continue.
    Yield,
    /// The goroutine returned from its entry function.
    Done,
    /// The goroutine ended by `runtime.Goexit` (its deferred calls ran).
    Goexit,
    /// `os.Exit(code)`.
    Exit(i32),
    /// An unrecovered panic (the goroutine's `panicking` says which).
    Panic,
    /// A fatal error (stack overflow, broken VM invariant).
    Fatal(String),
    /// A channel operation must wait: the ticket is in `G::pending`, the
    /// pc is past the instruction (see `exec`).
    Block(crate::sched::WaitReason),
}

/// What the loop does after an instruction that may transfer control.
enum Flow {
    Continue,
    Exit(Exit),
}

/// Slot `$x` read as a signed integer or a float, and a float stored into
/// it, through the `r!` and `set!` of the loop that expands them (checked
/// in `run`, verified at load in `fast`): the conversions are written
/// once, the slot access twice.
macro_rules! ri {
    ($x:expr) => {
        r!($x) as i64
    };
}
macro_rules! rf {
    ($x:expr) => {
        f64::from_bits(r!($x))
    };
}
macro_rules! setf {
    ($x:expr, $v:expr) => {{
        let v: f64 = $v;
        set!($x, v.to_bits());
    }};
}

/// The instructions whose whole meaning is arithmetic on slots or a
/// conditional branch, written once for both loops: `$op` is matched
/// against them first, then against the caller's own `arms`. Each loop
/// expands it with its own slot access (`r!`, `ri!`, `rf!`, `set!`,
/// `setf!`: checked in `run`, verified at load in `fast`), its own
/// `branch!` (which spends budget on a backward jump) and its own `skip!`
/// (past the second half of a fused pair).
macro_rules! with_pure_ops {
    ($op:expr, { $($arms:tt)* }) => {
        match $op {
            Op::LoadInt { d, v } => set!(d, v as u64),
            Op::Move { d, a } => set!(d, r!(a)),
            // A fused pair: the second half is the next instruction, a
            // `Move d2, a2`, which is skipped (`opcode::fuse`).
            Op::Move2 { d, a, d2, a2 } => {
                set!(d, r!(a));
                set!(d2, r!(a2));
                skip!();
            }
            Op::AddInt { d, a, b } => set!(d, r!(a).wrapping_add(r!(b))),
            Op::AddIntImm { d, a, v } => set!(d, r!(a).wrapping_add(v as i64 as u64)),
            Op::SubInt { d, a, b } => set!(d, r!(a).wrapping_sub(r!(b))),
            Op::MulInt { d, a, b } => set!(d, r!(a).wrapping_mul(r!(b))),
            Op::And { d, a, b } => set!(d, r!(a) & r!(b)),
            Op::Or { d, a, b } => set!(d, r!(a) | r!(b)),
            Op::Xor { d, a, b } => set!(d, r!(a) ^ r!(b)),
            Op::AndNot { d, a, b } => set!(d, r!(a) & !r!(b)),
            Op::NegInt { d, a } => set!(d, r!(a).wrapping_neg()),
            Op::BitNot { d, a } => set!(d, !r!(a)),
            Op::Sext { d, a, w } => {
                let sh = 64 - w.bits();
                set!(d, (((r!(a) << sh) as i64) >> sh) as u64)
            }
            Op::Zext { d, a, w } => {
                let sh = 64 - w.bits();
                set!(d, (r!(a) << sh) >> sh)
            }
            Op::AddF64 { d, a, b } => setf!(d, rf!(a) + rf!(b)),
            Op::SubF64 { d, a, b } => setf!(d, rf!(a) - rf!(b)),
            Op::MulF64 { d, a, b } => setf!(d, rf!(a) * rf!(b)),
            Op::DivF64 { d, a, b } => setf!(d, rf!(a) / rf!(b)),
            Op::NegF64 { d, a } => setf!(d, -rf!(a)),
            Op::RoundF32 { d, a } => setf!(d, rf!(a) as f32 as f64),
            Op::MulIntImm { d, a, v } => set!(d, r!(a).wrapping_mul(v as i64 as u64)),
            Op::DivIntImm { d, a, v } => set!(d, ri!(a).wrapping_div(i64::from(v)) as u64),
            Op::RemIntImm { d, a, v } => set!(d, ri!(a).wrapping_rem(i64::from(v)) as u64),
            Op::DivUintImm { d, a, v } => set!(d, r!(a) / u64::from(v)),
            Op::RemUintImm { d, a, v } => set!(d, r!(a) % u64::from(v)),
            Op::AndImm { d, a, v } => set!(d, r!(a) & v as i64 as u64),
            Op::OrImm { d, a, v } => set!(d, r!(a) | v as i64 as u64),
            Op::XorImm { d, a, v } => set!(d, r!(a) ^ v as i64 as u64),
            Op::ShlImm { d, a, s } => set!(d, r!(a) << (s & 63)),
            Op::ShrIntImm { d, a, s } => set!(d, (ri!(a) >> (s & 63)) as u64),
            Op::ShrUintImm { d, a, s } => set!(d, r!(a) >> (s & 63)),
            Op::JumpIfEq { a, b, to } => branch!(r!(a) == r!(b), to),
            Op::JumpIfNe { a, b, to } => branch!(r!(a) != r!(b), to),
            Op::JumpIfLtInt { a, b, to } => branch!(ri!(a) < ri!(b), to),
            Op::JumpIfLeInt { a, b, to } => branch!(ri!(a) <= ri!(b), to),
            Op::JumpIfLtUint { a, b, to } => branch!(r!(a) < r!(b), to),
            Op::JumpIfLeUint { a, b, to } => branch!(r!(a) <= r!(b), to),
            Op::JumpIfEqImm { a, v, to } => branch!(ri!(a) == v as i64, to),
            Op::JumpIfNeImm { a, v, to } => branch!(ri!(a) != v as i64, to),
            Op::JumpIfLtIntImm { a, v, to } => branch!(ri!(a) < v as i64, to),
            Op::JumpIfLeIntImm { a, v, to } => branch!(ri!(a) <= v as i64, to),
            Op::JumpIfGtIntImm { a, v, to } => branch!(ri!(a) > v as i64, to),
            Op::JumpIfGeIntImm { a, v, to } => branch!(ri!(a) >= v as i64, to),
            Op::IncJumpIfLtInt { a, v, b, to } => {
                let x = r!(a).wrapping_add(v as i64 as u64);
                set!(a, x);
                branch!((x as i64) < ri!(b), to)
            }
            Op::IncJumpIfLeInt { a, v, b, to } => {
                let x = r!(a).wrapping_add(v as i64 as u64);
                set!(a, x);
                branch!((x as i64) <= ri!(b), to)
            }
            Op::IncJumpIfLtIntImm { a, v, lim, to } => {
                let x = r!(a).wrapping_add(v as i64 as u64);
                set!(a, x);
                branch!((x as i64) < lim as i64, to)
            }
            Op::IncJumpIfLeIntImm { a, v, lim, to } => {
                let x = r!(a).wrapping_add(v as i64 as u64);
                set!(a, x);
                branch!((x as i64) <= lim as i64, to)
            }
            Op::EqInt { d, a, b } => set!(d, (r!(a) == r!(b)) as u64),
            Op::NeInt { d, a, b } => set!(d, (r!(a) != r!(b)) as u64),
            Op::LtInt { d, a, b } => set!(d, (ri!(a) < ri!(b)) as u64),
            Op::LeInt { d, a, b } => set!(d, (ri!(a) <= ri!(b)) as u64),
            Op::LtUint { d, a, b } => set!(d, (r!(a) < r!(b)) as u64),
            Op::LeUint { d, a, b } => set!(d, (r!(a) <= r!(b)) as u64),
            Op::EqF64 { d, a, b } => set!(d, (rf!(a) == rf!(b)) as u64),
            Op::NeF64 { d, a, b } => set!(d, (rf!(a) != rf!(b)) as u64),
            Op::LtF64 { d, a, b } => set!(d, (rf!(a) < rf!(b)) as u64),
            Op::LeF64 { d, a, b } => set!(d, (rf!(a) <= rf!(b)) as u64),
            Op::Not { d, a } => set!(d, (r!(a) == 0) as u64),
            Op::IntToF64 { d, a } => setf!(d, ri!(a) as f64),
            Op::UintToF64 { d, a } => setf!(d, r!(a) as f64),
            Op::MathF64 { d, a, f } => setf!(d, math_f64(f, rf!(a))),
            Op::JumpIf { a, to } => branch!(r!(a) != 0, to),
            Op::JumpIfNot { a, to } => branch!(r!(a) == 0, to),
            $($arms)*
        }
    };
}

/// The float function `f` of `x` (`Op::MathF64`, in `run` and `fast`).
#[inline(always)]
fn math_f64(f: MathFn, x: f64) -> f64 {
    match f {
        MathFn::Sqrt => x.sqrt(),
        MathFn::Abs => x.abs(),
        MathFn::Floor => x.floor(),
        MathFn::Ceil => x.ceil(),
        MathFn::Trunc => x.trunc(),
    }
}

mod calls;
mod chans;
mod fast;
mod ifaces;
mod maps;
mod nested;
mod slices;
mod unwind;
mod values;
mod verify;

pub use nested::Kept;
pub(crate) use nested::{method_text, saved_roots};
pub(crate) use values::decode_rune;
pub(crate) use verify::verify;

pub(crate) use fast::{elem_access, Elem};
use fast::{fast, Cur, Stop};
use unwind::{after_deferred_panic, begin_panic, real_panic, run_deferred, uncount_panic};
use values::{assert_mismatch, go_min, iface_equal, map_kv};

/// Slot words copied out of the goroutine's stack before an allocation
/// (which needs the VM while the words must not borrow the stack): up to
/// [`Words::INLINE`] of them on the Rust stack, more in a `Vec`. The
/// common cases (a small struct into an interface, `append` of one
/// element, a closure's few captures) then cost no `malloc` and `free`.
pub(super) enum Words {
    Inline([u64; Words::INLINE], usize),
    Heap(Vec<u64>),
}

impl Words {
    const INLINE: usize = 8;

    pub(super) fn of(src: &[u64]) -> Words {
        if src.len() <= Words::INLINE {
            let mut b = [0u64; Words::INLINE];
            b[..src.len()].copy_from_slice(src);
            Words::Inline(b, src.len())
        } else {
            Words::Heap(src.to_vec())
        }
    }
}

impl std::ops::Deref for Words {
    type Target = [u64];
    fn deref(&self) -> &[u64] {
        match self {
            Words::Inline(b, n) => &b[..*n],
            Words::Heap(v) => v,
        }
    }
}

/// How a cold instruction's body (in the modules `slices`, `maps`,
/// `ifaces`, `chans`) leaves the loop instead of falling through to the
/// next instruction: `run`'s `cold!` turns each into what its own arms do.
pub(super) enum Trap {
    /// A Go runtime error: a panic with this message starts.
    Panic(String),
    /// A fatal error (a broken VM invariant, stack overflow).
    Fatal(String),
    /// The goroutine parks; its pending operation is in `G::pending`.
    Block(crate::sched::WaitReason),
}

/// What a cold instruction's body returns.
pub(super) type Step = Result<(), Trap>;

/// The running frame as the cold instructions see it: each slot access
/// is checked against the window, as `run`'s own `r!` and `set!` are
/// (here through the slot stack's bounds, not the raw window pointer:
/// these instructions are not where the time goes).
#[derive(Clone, Copy)]
pub(super) struct At<'p> {
    /// The window's first slot.
    pub(super) base: usize,
    win: usize,
    /// The running function, and the pc past the instruction.
    pub(super) func: &'p Function,
    pub(super) pc: usize,
}

impl At<'_> {
    /// The absolute index of slot `x`, or the fatal error `run` reports
    /// for a slot outside the frame.
    #[inline]
    fn slot(&self, x: Reg) -> Result<usize, Trap> {
        let i = x.0 as usize;
        if i >= self.win {
            return Err(Trap::Fatal(bad_slot_msg(self.func, self.pc, i)));
        }
        Ok(self.base + i)
    }

    /// Slot `x`'s word.
    #[inline]
    pub(super) fn r(&self, g: &G, x: Reg) -> Result<u64, Trap> {
        let i = self.slot(x)?;
        g.stack
            .get(i)
            .copied()
            .ok_or_else(|| Trap::Fatal(bad_slot_msg(self.func, self.pc, i)))
    }

    /// Slot `x` as a signed integer.
    #[inline]
    pub(super) fn ri(&self, g: &G, x: Reg) -> Result<i64, Trap> {
        Ok(self.r(g, x)? as i64)
    }

    /// The absolute index of the first of the `n` slots from `x`, the
    /// range checked once against the window and the stack.
    #[inline(always)]
    pub(super) fn range(&self, g: &G, x: Reg, n: usize) -> Result<usize, Trap> {
        let i = x.0 as usize;
        let s = self.base + i;
        if i + n > self.win || s + n > g.stack.len() {
            return Err(Trap::Fatal(bad_slot_msg(self.func, self.pc, i + n)));
        }
        Ok(s)
    }

    /// Stores `v` in slot `x`.
    #[inline]
    pub(super) fn set(&self, g: &mut G, x: Reg, v: u64) -> Step {
        let i = self.slot(x)?;
        match g.stack.get_mut(i) {
            Some(w) => {
                *w = v;
                Ok(())
            }
            None => Err(Trap::Fatal(bad_slot_msg(self.func, self.pc, i))),
        }
    }
}

/// The instructions a seeded schedule may preempt before: those that read
/// or write memory other goroutines see (heap words, package variables,
/// slices' and maps' contents, channels) and native calls (`sync`,
/// `sync/atomic`, I/O). Between two of them a goroutine's effects are
/// private, so no other point is needed to reach every interleaving of
/// its observable steps.
fn is_point(op: &Op) -> bool {
    matches!(
        op,
        Op::LoadN { .. }
            | Op::StoreN { .. }
            | Op::LoadValue { .. }
            | Op::StoreValue { .. }
            | Op::Load { .. }
            | Op::Store { .. }
            | Op::LoadGlobal { .. }
            | Op::StoreGlobal { .. }
            | Op::SliceGet { .. }
            | Op::SliceSet { .. }
            | Op::MapLen { .. }
            | Op::MapGet { .. }
            | Op::MapIter { .. }
            | Op::MapSet { .. }
            | Op::MapDelete { .. }
            | Op::MapClear { .. }
            | Op::ChanSend { .. }
            | Op::ChanRecv { .. }
            | Op::ChanClose { .. }
            | Op::Select { .. }
            | Op::CallNative { .. }
    )
}

/// What a slice keeps from the last slice on its M (`PCtx::take_scratch`):
/// the interface method cache and the program it was filled from. A
/// cache entry maps (type, method name) to a function of that program;
/// another program (a session's grown one, session.rs, where a redefined
/// method is a new function) makes every entry suspect, so the cache
/// is emptied when the VM's program is not this one. The `Arc` keeps the
/// program alive, so its address cannot come back as another program's,
/// and lends the slice its program without a reference count update of
/// its own (that count is shared by every M, one contended cache line).
struct SliceScratch {
    prog: Arc<Program>,
    methods: calls::MethodCache,
}

/// Runs `g` for at most `budget` calls and backward jumps.
pub(crate) fn run(vm: &mut Vm, sl: Option<SliceCx<'_>>, g: &mut G, budget: i64) -> Exit {
    let Some(cx) = sl.map(|s| s.cx) else {
        let prog = vm.prog.clone();
        return run_with(vm, sl, g, budget, &prog, &mut calls::MethodCache::new());
    };
    // While a slice holds the scratch, its slot holds a marker (a `Box`
    // of nothing: no allocation), so a nested run on this M (a method
    // called from a native) knows to use its own.
    match cx.take_scratch().map(|b| b.downcast::<SliceScratch>()) {
        Some(Ok(mut s)) => {
            cx.put_scratch(Box::new(()));
            if !Arc::ptr_eq(&s.prog, &vm.prog) {
                s.prog = vm.prog.clone();
                s.methods = calls::MethodCache::new();
            }
            let out = run_with(vm, sl, g, budget, &s.prog, &mut s.methods);
            cx.put_scratch(s);
            out
        }
        Some(Err(marker)) => {
            cx.put_scratch(marker);
            let prog = vm.prog.clone();
            run_with(vm, sl, g, budget, &prog, &mut calls::MethodCache::new())
        }
        None => {
            // The first slice on this M.
            cx.put_scratch(Box::new(()));
            let mut s = Box::new(SliceScratch {
                prog: vm.prog.clone(),
                methods: calls::MethodCache::new(),
            });
            let out = run_with(vm, sl, g, budget, &s.prog, &mut s.methods);
            cx.put_scratch(s);
            out
        }
    }
}

/// [`run`] with the slice's program and method cache.
fn run_with(
    vm: &mut Vm,
    sl: Option<SliceCx<'_>>,
    g: &mut G,
    budget: i64,
    prog: &Arc<Program>,
    methods: &mut calls::MethodCache,
) -> Exit {
    // The race detector, when the run has one: then every instruction
    // that touches memory runs in the checked arms below (`fast::<true>`
    // stops before them), and those arms report their accesses
    // (`race!`).
    let race = vm.race.clone();
    // A seeded schedule (sched/seeded.rs) may end a slice before any
    // instruction other goroutines can observe: those run in the checked
    // arms too, and spend a point of the budget each (`is_point`).
    let seeded = vm.run_config.sched.is_some();
    // The process has user mappings (usermap.rs): then memory
    // instructions run in the checked arms too, and `race!` and the cold
    // arms compare each access with the mappings' protections. Read
    // again each time `fast` stops: another goroutine may map meanwhile.
    let mut mapped: bool;
    let mut budget = budget;
    'frames: loop {
        let Some(fr) = g.frames.last().copied() else {
            return Exit::Done;
        };
        let Some(f0) = prog.funcs.get(fr.func as usize) else {
            return Exit::Fatal(format!("bad function index {}", fr.func));
        };
        // The running frame, kept in locals: `fast` runs calls and plain
        // returns and hands back the frame it stopped in (`enter!`);
        // everything else re-reads the top frame by `continue 'frames`.
        let mut func = f0;
        let mut base = fr.base as usize;
        let mut pc = fr.pc as usize;
        if !g.ensure(base + func.frame_words as usize + 1) {
            return Exit::Fatal("stack overflow".into());
        }
        // The window: `win` slots from `regs`. Invariant: base + win <=
        // g.stack.len(), and `regs` was taken after the stack last grew.
        let mut code: &[Op];
        let mut win: usize;
        let mut regs: *mut u64;

        // Switches the locals to the frame at `$fr_base` of function `$f`,
        // whose window is ensured.
        macro_rules! enter {
            ($f:expr, $fr_base:expr, $fr_pc:expr) => {{
                func = $f;
                code = &func.code[..];
                base = $fr_base;
                pc = $fr_pc;
                win = func.frame_words as usize + 1;
                regs = window(g, base);
            }};
        }
        // A slot index of the window, checked against its length (one
        // compare with locals; a failure is a code generator bug).
        macro_rules! slot {
            ($x:expr) => {{
                let i = $x.0 as usize;
                if i >= win {
                    return bad_slot(func, pc, i);
                }
                i
            }};
        }
        macro_rules! r {
            ($x:expr) => {{
                let i = slot!($x);
                // SAFETY: i < win and base + win <= g.stack.len(), with
                // `regs` taken after the stack last grew (window invariant).
                unsafe { *regs.add(i) }
            }};
        }
        macro_rules! set {
            ($x:expr, $v:expr) => {{
                let v: u64 = $v;
                let i = slot!($x);
                // SAFETY: as in `r!`.
                unsafe { *regs.add(i) = v };
            }};
        }
        // Leaves the frame loop to re-read the top frame, saving pc.
        macro_rules! save {
            () => {
                if let Some(f) = g.frames.last_mut() {
                    f.pc = pc as u32;
                }
            };
        }
        macro_rules! flow {
            ($e:expr) => {{
                save!();
                match $e {
                    Flow::Continue => continue 'frames,
                    Flow::Exit(x) => return x,
                }
            }};
        }
        // A conditional jump; taken backwards (a loop's bottom test) it
        // spends budget, as `Loop` does.
        macro_rules! branch {
            ($cond:expr, $to:expr) => {{
                if $cond {
                    let to = $to.0 as usize;
                    if to < pc {
                        budget -= 1;
                        if budget <= 0 {
                            pc = to;
                            save!();
                            return Exit::Yield;
                        }
                    }
                    pc = to;
                }
            }};
        }
        // Skips the next instruction: the second half of a fused pair.
        macro_rules! skip {
            () => {
                pc += 1
            };
        }
        // The frame as the cold instructions' modules see it.
        macro_rules! at {
            () => {
                At {
                    base,
                    win,
                    func,
                    pc,
                }
            };
        }
        // Leaves the instruction as `Trap` says (see there).
        macro_rules! trap {
            ($t:expr) => {
                match $t {
                    Trap::Panic(msg) => panic_rt!(msg),
                    Trap::Fatal(msg) => {
                        save!();
                        return Exit::Fatal(msg);
                    }
                    Trap::Block(reason) => {
                        save!();
                        return Exit::Block(reason);
                    }
                }
            };
        }
        // The end of a cold instruction.
        macro_rules! cold {
            ($e:expr) => {
                if let Err(t) = $e {
                    trap!(t)
                }
            };
        }
        // Reports an access of `$len` bytes at `$addr` to the race
        // detector (race mode only); `halt_on_error` ends the program.
        // With user mappings, first checks it against their protections
        // (`usermap::check`): a refused access faults instead.
        macro_rules! race {
            ($addr:expr, $len:expr, $write:expr) => {{
                if mapped {
                    if let Err(f) = crate::usermap::check($addr, $len, $write) {
                        trap!(fault(vm, g, f, pc))
                    }
                }
                if let Some(r) = &race {
                    if let crate::race::Verdict::Halt(code) =
                        r.access(vm, g, pc, $addr, $len, $write)
                    {
                        save!();
                        return Exit::Exit(code);
                    }
                }
            }};
        }
        macro_rules! panic_rt {
            ($msg:expr) => {{
                save!();
                let msg: String = $msg;
                match begin_panic(sl, prog, g, PanicValue::Runtime(msg)) {
                    Flow::Continue => continue 'frames,
                    Flow::Exit(x) => return x,
                }
            }};
        }

        loop {
            // Hot instructions run in `fast`, a small loop whose state fits
            // in machine registers; it stops before any other instruction,
            // which the match below executes.
            // An allocation has passed the collector's trigger, or another
            // M waits to stop the world: spend the budget, so the next call
            // or backward jump ends the slice (see `Vm::end_slice_early`). Without this a loop allocating large
            // objects would run a whole slice (200,000 iterations) past
            // the goal. Only the slow path allocates, so the check stays
            // out of `fast`. (`past_trigger`, not `should_collect`: under
            // GOL_GCSTRESS the latter is always true, and that mode's
            // short slices already give it its safepoints.)
            if budget > 0 && vm.end_slice_early(g, pc, sl.map(|s| s.cx)) {
                budget = 0;
            }
            let mut cur = Cur { func, base, pc };
            let sh = fast::Shared {
                consts: &vm.consts,
                globals: &vm.globals,
                heap: &vm.heap,
                elems: &vm.elem_access,
                headers: &vm.header_types,
            };
            // A seeded schedule's points (`is_point`) are instructions
            // that `fast::<true>` leaves to the arms below, as race mode's
            // accesses are.
            mapped = crate::usermap::active();
            let stop = if race.is_none() && !seeded && !mapped {
                fast::<false>(prog, &sh, g, &mut cur, &mut budget, methods)
            } else {
                fast::<true>(prog, &sh, g, &mut cur, &mut budget, methods)
            };
            enter!(cur.func, cur.base, cur.pc);
            match stop {
                Stop::Slow => {}
                Stop::Yield => {
                    save!();
                    return Exit::Yield;
                }
                Stop::Done => return Exit::Done,
                Stop::Fatal(msg) => {
                    save!();
                    return Exit::Fatal(msg);
                }
            }
            // `fast` may have called or returned: the arms below see the
            // record of the frame it stopped in as `fr`, not the one this
            // frame loop started with.
            #[allow(unused_variables)]
            let fr = g.frames.last().copied().unwrap_or(fr);
            let Some(&op) = code.get(pc) else {
                return Exit::Fatal(format!("pc {pc} out of range in {}", func.name));
            };
            // An announcing form (`opcode::fuse`) is its plain form here:
            // the instruction it announces runs as the next one.
            let op = op.plain();
            if seeded && is_point(&op) {
                // Before the instruction, so it runs first thing in the
                // goroutine's next slice.
                if budget <= 0 {
                    save!();
                    return Exit::Yield;
                }
                budget -= 1;
            }
            pc += 1;
            with_pure_ops!(op, {
                Op::Nop => {}
                Op::LoadStr { d, s } => {
                    let b = vm.consts.get(s.0 as usize).map_or(&[][..], |b| &b[..]);
                    let (p, l) = if b.is_empty() {
                        (0, 0)
                    } else {
                        (b.as_ptr() as u64, b.len() as u64)
                    };
                    set!(d, p);
                    set!(Reg(d.0 + 1), l);
                }
                Op::Zero { d, n } => {
                    let s = base + d.0 as usize;
                    g.stack[s..s + n as usize].fill(0);
                }
                Op::MoveN { d, a, n } => {
                    let s = base + a.0 as usize;
                    g.stack.copy_within(s..s + n as usize, base + d.0 as usize);
                }
                Op::DivInt { d, a, b } => {
                    let y = ri!(b);
                    if y == 0 {
                        panic_rt!("runtime error: integer divide by zero".into());
                    }
                    set!(d, ri!(a).wrapping_div(y) as u64)
                }
                Op::RemInt { d, a, b } => {
                    let y = ri!(b);
                    if y == 0 {
                        panic_rt!("runtime error: integer divide by zero".into());
                    }
                    set!(d, ri!(a).wrapping_rem(y) as u64)
                }
                Op::DivUint { d, a, b } => {
                    let y = r!(b);
                    if y == 0 {
                        panic_rt!("runtime error: integer divide by zero".into());
                    }
                    set!(d, r!(a) / y)
                }
                Op::RemUint { d, a, b } => {
                    let y = r!(b);
                    if y == 0 {
                        panic_rt!("runtime error: integer divide by zero".into());
                    }
                    set!(d, r!(a) % y)
                }
                Op::Shl {
                    d,
                    a,
                    b,
                    signed_count,
                } => {
                    let s = r!(b);
                    if signed_count && (s as i64) < 0 {
                        panic_rt!("runtime error: negative shift amount".into());
                    }
                    set!(d, if s >= 64 { 0 } else { r!(a) << s })
                }
                Op::ShrInt {
                    d,
                    a,
                    b,
                    signed_count,
                } => {
                    let s = r!(b);
                    if signed_count && (s as i64) < 0 {
                        panic_rt!("runtime error: negative shift amount".into());
                    }
                    set!(d, (ri!(a) >> s.min(63)) as u64)
                }
                Op::ShrUint {
                    d,
                    a,
                    b,
                    signed_count,
                } => {
                    let s = r!(b);
                    if signed_count && (s as i64) < 0 {
                        panic_rt!("runtime error: negative shift amount".into());
                    }
                    set!(d, if s >= 64 { 0 } else { r!(a) >> s })
                }
                Op::EqStr { d, a, b } => {
                    let x = str_at(g, base, a);
                    let y = str_at(g, base, b);
                    set!(d, (x == y) as u64)
                }
                Op::LtStr { d, a, b } => {
                    let x = str_at(g, base, a);
                    let y = str_at(g, base, b);
                    set!(d, (x < y) as u64)
                }
                Op::LeStr { d, a, b } => {
                    let x = str_at(g, base, a);
                    let y = str_at(g, base, b);
                    set!(d, (x <= y) as u64)
                }
                Op::F64ToInt { d, a } => set!(d, rf!(a) as i64 as u64),
                Op::F64ToUint { d, a } => {
                    let f = rf!(a);
                    // Go on amd64: values beyond i64 go through the
                    // unsigned path; negative values wrap like int64.
                    let v = if f < 0.0 { f as i64 as u64 } else { f as u64 };
                    set!(d, v)
                }
                Op::StrSlice { .. } | Op::ConcatStr { .. } | Op::RuneToStr { .. } | Op::StrDecodeRune { .. } | Op::MakeSlice { .. } | Op::PackSlice { .. } | Op::SliceSlice { .. } | Op::Append { .. } | Op::AppendSlice { .. } | Op::CopySlice { .. } | Op::AppendStr { .. } | Op::CopyStr { .. } | Op::StrToBytes { .. } | Op::BytesToStr { .. } | Op::ClearSlice { .. } | Op::StrToRunes { .. } | Op::RunesToStr { .. } | Op::SliceToArrayPtr { .. } => {
                    if mapped {
                        if let Err(f) = slices::check_mapped(prog, g, at!(), op) {
                            trap!(fault(vm, g, f, pc))
                        }
                    }
                    if let Some(r) = &race {
                        match slices::race_check(r, vm, prog, g, at!(), op) {
                            Ok(None) => {}
                            Ok(Some(code)) => {
                                save!();
                                return Exit::Exit(code);
                            }
                            Err(t) => trap!(t),
                        }
                    }
                    cold!(slices::exec(vm, prog, g, at!(), op))
                }
                Op::StrLen { d, a } => set!(d, r!(Reg(a.0 + 1))),
                Op::StrIndex { d, a, i, u } => {
                    let s = str_at(g, base, a);
                    let idx = ri!(i);
                    match usize::try_from(idx).ok().and_then(|k| s.get(k)) {
                        Some(&b) => set!(d, b as u64),
                        None => {
                            let len = s.len() as i64;
                            panic_rt!(bounds_error(Bounds::Index, idx, u.bound(0), len))
                        }
                    }
                }
                Op::IfaceIs { .. } | Op::IfaceAssert { .. } | Op::IfaceUnbox { .. } | Op::EqIface { .. } | Op::IfaceImplements { .. } | Op::TypeAssert { .. } | Op::BoxValue { .. } | Op::CopyValue { .. } => {
                    if mapped {
                        if let Err(f) = slices::check_mapped(prog, g, at!(), op) {
                            trap!(fault(vm, g, f, pc))
                        }
                    }
                    cold!(ifaces::exec(vm, prog, g, at!(), op))
                }
                // With the rest of a variadic `...any`'s boxing when it
                // follows (the ifaces module docs).
                Op::ToIface { .. } => match ifaces::to_iface(vm, prog, g, at!()) {
                    Ok(k) => pc += k,
                    Err(t) => trap!(t),
                },
                Op::New { d, t } => {
                    let p = vm.alloc_mem(t, 1);
                    set!(d, p)
                }
                Op::LoadN { d, a, off, k } => {
                    let p = r!(a);
                    if p == 0 {
                        panic_rt!(NIL_DEREF.into());
                    }
                    race!(p + off as u64, 1, false);
                    // SAFETY: `p` is a non-nil pointer value of a type whose
                    // pointee holds a scalar of kind k at byte off (the code
                    // generator's typing), aligned (layout invariant 1).
                    let v = unsafe { layout::load_scalar(p + off as u64, k) };
                    set!(d, v)
                }
                Op::StoreN { d, off, a, k } => {
                    let p = r!(d);
                    if p == 0 {
                        panic_rt!(NIL_DEREF.into());
                    }
                    let v = r!(a);
                    race!(p + off as u64, 1, true);
                    // SAFETY: as for LoadN.
                    unsafe { layout::store_scalar(p + off as u64, k, v) };
                }
                Op::LoadValue { d, a, off, t } => {
                    let p = r!(a);
                    if p == 0 {
                        panic_rt!(NIL_DEREF.into());
                    }
                    let n = prog.ty(t).words as usize;
                    let s = base + d.0 as usize;
                    race!(p + off as u64, prog.ty(t).size, false);
                    // SAFETY: `p` + off holds a value of type t (the code
                    // generator's typing).
                    unsafe { vm.load_value(p + off as u64, t, &mut g.stack[s..s + n]) };
                }
                Op::StoreValue { d, off, a, t } => {
                    let p = r!(d);
                    if p == 0 {
                        panic_rt!(NIL_DEREF.into());
                    }
                    let n = prog.ty(t).words as usize;
                    let s = base + a.0 as usize;
                    race!(p + off as u64, prog.ty(t).size, true);
                    // SAFETY: as for LoadValue.
                    unsafe { vm.store_values(t, p + off as u64, &g.stack[s..s + n], 1) };
                }
                Op::Load { d, a, off, n } => {
                    let p = r!(a);
                    if p == 0 {
                        panic_rt!(NIL_DEREF.into());
                    }
                    race!(p + off.0 as u64 * 8, n as u64 * 8, false);
                    let s = base + d.0 as usize;
                    let out = &mut g.stack[s..s + n as usize];
                    // SAFETY: `p` is a non-nil pointer value of a type whose
                    // pointee has at least off + n words (the code
                    // generator's typing). One value, never torn (value
                    // module docs).
                    unsafe { value::load_words(p + off.0 as u64 * 8, out) };
                }
                Op::Store { d, off, a, n, t } => {
                    let p = r!(d);
                    if p == 0 {
                        panic_rt!(NIL_DEREF.into());
                    }
                    race!(p + off.0 as u64 * 8, n as u64 * 8, true);
                    let s = base + a.0 as usize;
                    // SAFETY: as for Load; `t` is the stored value's type.
                    unsafe { vm.store_words(p, off.0 as usize, &g.stack[s..s + n as usize], t) };
                }
                Op::LoadGlobal { d, g: gw, n } => {
                    race!(vm.globals.addr(gw as usize), n as u64 * 8, false);
                    let s = base + d.0 as usize;
                    let out = &mut g.stack[s..s + n as usize];
                    if n >= 2 && vm.globals.get(gw as usize + n as usize - 1).is_some() {
                        // SAFETY: words gw..gw+n are globals (just
                        // checked), which live as long as the VM.
                        unsafe { value::load_words(vm.globals.addr(gw as usize), out) };
                    } else {
                        for (k, o) in out.iter_mut().enumerate() {
                            *o = vm.globals.get(gw as usize + k).unwrap_or(0);
                        }
                    }
                }
                Op::StoreGlobal { g: gw, a, n } => {
                    race!(vm.globals.addr(gw as usize), n as u64 * 8, true);
                    // A value of two words or more is published whole
                    // (value module docs).
                    let _lock = (n >= 2)
                        .then(|| value::lock_words(vm.globals.addr(gw as usize), n as usize));
                    for k in 0..n as usize {
                        let w = g.stack[base + a.0 as usize + k];
                        vm.store_global(gw as usize + k, w);
                    }
                }
                Op::SliceGet { d, a, i, t, u } => {
                    let p = r!(a);
                    let len = r!(Reg(a.0 + 1)) as i64;
                    let idx = ri!(i);
                    if idx < 0 || idx >= len {
                        panic_rt!(bounds_error(Bounds::Index, idx, u.bound(0), len));
                    }
                    let td = prog.ty(t);
                    let ew = td.words as usize;
                    let s = base + d.0 as usize;
                    let at = p + idx as u64 * td.size;
                    race!(at, td.size, false);
                    if !td.narrow {
                        // SAFETY: 0 <= idx < len <= cap, so the element's
                        // words are inside the backing array (value
                        // invariant 2). One value, never torn (value module
                        // docs).
                        unsafe { value::load_words(at, &mut g.stack[s..s + ew]) };
                    } else if let Some(k) = td.mem_kind() {
                        // SAFETY: as above; aligned (layout invariant 1).
                        let v = unsafe { layout::load_scalar(at, k) };
                        set!(d, v)
                    } else {
                        // SAFETY: as above.
                        unsafe { vm.load_value(at, t, &mut g.stack[s..s + ew]) };
                    }
                }
                Op::SliceSet { d, i, a, t, u } => {
                    let p = r!(d);
                    let len = r!(Reg(d.0 + 1)) as i64;
                    let idx = ri!(i);
                    if idx < 0 || idx >= len {
                        panic_rt!(bounds_error(Bounds::Index, idx, u.bound(0), len));
                    }
                    let td = prog.ty(t);
                    let ew = td.words as usize;
                    let at = p + idx as u64 * td.size;
                    race!(at, td.size, true);
                    if let Some(k) = td.mem_kind() {
                        let v = r!(a);
                        // SAFETY: as for SliceGet.
                        unsafe { layout::store_scalar(at, k, v) };
                    } else {
                        let s = base + a.0 as usize;
                        let words = Words::of(&g.stack[s..s + ew]);
                        // SAFETY: as for SliceGet.
                        unsafe { vm.store_values(t, at, &words, 1) };
                    }
                }
                Op::SliceAddr { d, a, i, t, u } => {
                    let p = r!(a);
                    let len = r!(Reg(a.0 + 1)) as i64;
                    let idx = ri!(i);
                    if idx < 0 || idx >= len {
                        panic_rt!(bounds_error(Bounds::Index, idx, u.bound(0), len));
                    }
                    set!(d, p + idx as u64 * prog.ty(t).size)
                }
                Op::Jump { to } => pc = to.0 as usize,
                Op::Loop { to } => {
                    pc = to.0 as usize;
                    budget -= 1;
                    if budget <= 0 {
                        save!();
                        return Exit::Yield;
                    }
                }
                Op::Call { f, base: b } => {
                    budget -= 1;
                    flow!(call(prog, g, f, base + b.0 as usize, 0, pc, budget))
                }
                Op::CallClosure { c, base: b } => {
                    let cl = r!(c);
                    if cl == 0 {
                        panic_rt!(NIL_DEREF.into());
                    }
                    // SAFETY: a non-nil func value points at a closure
                    // object whose word 0 is its function index.
                    let f = unsafe { value::read_word(cl, 0) };
                    budget -= 1;
                    flow!(call(
                        prog,
                        g,
                        FuncId(f as u32),
                        base + b.0 as usize,
                        cl,
                        pc,
                        budget
                    ))
                }
                Op::CallMethod { base: b, m } => {
                    let (f, nb) = match calls::method_target(prog, methods, g, at!(), b, m) {
                        Ok(t) => t,
                        Err(Trap::Fatal(msg)) => return Exit::Fatal(msg),
                        Err(t) => trap!(t),
                    };
                    budget -= 1;
                    flow!(call(prog, g, f, nb, 0, pc, budget))
                }
                Op::CallNative { f, base: b } => {
                    save!();
                    match call_native(prog, vm, sl, g, base + b.0 as usize, f) {
                        NativeResult::Ok => {
                            // A native's access reported a race under
                            // `halt_on_error`.
                            if let Some(r) = &race {
                                if let Some(code) = r.halted() {
                                    return Exit::Exit(code);
                                }
                            }
                        }
                        res => flow!(calls::native_exit(vm, sl, prog, g, res)),
                    }
                }
                Op::MakeClosure { d, f, a, n } => {
                    let s = base + a.0 as usize;
                    let caps = Words::of(&g.stack[s..s + n as usize]);
                    let p = vm.new_closure(f, &caps);
                    set!(d, p)
                }
                Op::LoadCapture { d, off, n } => {
                    let cl = g.frames.last().map_or(0, |f| f.closure);
                    for k in 0..n as usize {
                        let w = if cl == 0 {
                            0
                        } else {
                            // SAFETY: the code generator names capture
                            // offsets inside this function's closure.
                            unsafe { value::read_word(cl, off.0 as usize + k) }
                        };
                        g.stack[base + d.0 as usize + k] = w;
                    }
                }
                Op::Return { a, n } => {
                    // The results go to the window's base first, so that a
                    // deferred call that recovers a panic leaves them as the
                    // frame's results. Pending deferred calls then run and
                    // the Return runs again afterwards; it must not copy a
                    // second time, since the first copy may have overwritten
                    // its own source slots (results over a one-word
                    // parameter, say).
                    let depth = g.frames.len() - 1;
                    if g.frames[depth].returning.is_none() {
                        let s = base + a.0 as usize;
                        g.stack.copy_within(s..s + n as usize, base);
                    }
                    if g.defers.last().is_some_and(|d| d.frame == depth) {
                        pc -= 1;
                        g.frames[depth].returning = Some(pc as u32);
                        save!();
                        flow!(run_deferred(prog, g, depth, false))
                    }
                    let done = g.frames.pop();
                    if let Some(done) = done {
                        if done.deferred_panic {
                            let was = real_panic(g);
                            // Not flow!, which saves pc into the top frame:
                            // here the frame the panic left, whose pc its
                            // next deferred call's stack walks read.
                            let f = after_deferred_panic(prog, g);
                            if was && !real_panic(g) {
                                uncount_panic(sl);
                            }
                            match f {
                                Flow::Continue => continue 'frames,
                                Flow::Exit(x) => return x,
                            }
                        }
                    }
                    if g.frames.is_empty() {
                        return Exit::Done;
                    }
                    continue 'frames;
                }
                Op::RunDefers => {
                    let depth = g.frames.len() - 1;
                    if g.defers.last().is_some_and(|d| d.frame == depth) {
                        pc -= 1;
                        save!();
                        flow!(run_deferred(prog, g, depth, false))
                    }
                }
                Op::Defer { c, a, n } => cold!(unwind::defer(g, at!(), c, a, n)),
                Op::Recover { d } => {
                    let v = unwind::recover(vm, prog, g);
                    set!(d, v)
                }
                Op::Panic { .. } | Op::Fault { .. } | Op::PanicText { .. } | Op::IndexFault { .. } => {
                    let pv = match unwind::panic_value(prog, g, at!(), op) {
                        Ok(pv) => pv,
                        Err(t) => trap!(t),
                    };
                    save!();
                    match begin_panic(sl, prog, g, pv) {
                        Flow::Continue => continue 'frames,
                        Flow::Exit(x) => return x,
                    }
                }
                Op::Print { a, k } => {
                    let s = base + a.0 as usize;
                    let end = (s + 3).min(g.stack.len());
                    let text = print_text(vm, k, &g.stack[s..end]);
                    let _ = vm.stdout.flush();
                    crate::stdio::write_stderr(&text);
                }
                Op::MakeMap { .. } | Op::MapLen { .. } | Op::MapGet { .. } | Op::MapSet { .. } | Op::MapDelete { .. } | Op::MapClear { .. } | Op::MapIter { .. } | Op::MapNext { .. } | Op::EqValue { .. } => {
                    if race.is_some() {
                        // A map is one object to the detector, as to Go's:
                        // reads and writes of it race as a whole.
                        match op {
                            Op::MapLen { a: m, .. } | Op::MapGet { m, .. } | Op::MapIter { a: m, .. } => race!(r!(m), 1, false),
                            Op::MapSet { m, .. } | Op::MapDelete { m, .. } | Op::MapClear { a: m } => race!(r!(m), 1, true),
                            _ => {}
                        }
                    }
                    cold!(maps::exec(vm, prog, g, at!(), op))
                }
                Op::GlobalAddr { d, g: gw } => {
                    // The globals are allocated once, never resized: their
                    // addresses are stable for the run. The collector sees
                    // them as roots and ignores pointers to them.
                    let p = vm.globals.addr(gw as usize);
                    set!(d, p)
                }
                Op::AddC { .. } | Op::SubC { .. } | Op::MulC { .. } | Op::DivC { .. } | Op::NegC { .. } | Op::EqC { .. } => cold!(values::complex_op(g, at!(), op)),
                Op::MinF64 { d, a, b } => setf!(d, go_min(rf!(a), rf!(b))),
                Op::MaxF64 { d, a, b } => setf!(d, -go_min(-rf!(a), -rf!(b))),
                Op::SlotIndex { d, a, i, ew, len, u } => {
                    let idx = ri!(i);
                    if idx < 0 || idx >= len as i64 {
                        panic_rt!(bounds_error(Bounds::Index, idx, u.bound(0), len as i64));
                    }
                    let s = base + a.0 as usize + idx as usize * ew as usize;
                    g.stack.copy_within(s..s + ew as usize, base + d.0 as usize);
                }
                Op::SlotStore { d, i, a, ew, len, u } => {
                    let idx = ri!(i);
                    if idx < 0 || idx >= len as i64 {
                        panic_rt!(bounds_error(Bounds::Index, idx, u.bound(0), len as i64));
                    }
                    let s = base + a.0 as usize;
                    let t = base + d.0 as usize + idx as usize * ew as usize;
                    g.stack.copy_within(s..s + ew as usize, t);
                }
                Op::ElemAddr { d, a, i, es, len, u } => {
                    let p = r!(a);
                    let idx = ri!(i);
                    if p == 0 {
                        panic_rt!(NIL_DEREF.into());
                    }
                    if idx < 0 || idx >= len as i64 {
                        panic_rt!(bounds_error(Bounds::Index, idx, u.bound(0), len as i64));
                    }
                    set!(d, p + idx as u64 * es as u64)
                }
                // --- goroutines and channels ---
                Op::Go { .. } | Op::MakeChan { .. } | Op::ChanLen { .. } | Op::ChanClose { .. } | Op::SelectCase { .. } => cold!(chans::exec(vm, sl, prog, g, at!(), op)),
                Op::ChanSend { c, a, ew } => {
                    cold!(chans::send(vm, sl, g, r!(c), base + a.0 as usize, ew))
                }
                Op::ChanRecv { d, c, ew, ok } => {
                    cold!(chans::recv(vm, sl, g, r!(c), base + d.0 as usize, ew, ok))
                }
                Op::Select { n, .. } => {
                    // The cases follow the instruction; the select's
                    // result is taken after them (so is a park's pc).
                    let at = at!();
                    pc += n as usize;
                    cold!(chans::exec(vm, sl, prog, g, at, op))
                }
                // Made plain above.
                Op::LoadSlice { .. } | Op::MoveCall { .. } | Op::Move2Call { .. } | Op::AddIntImmIndex { .. } | Op::AddIntBr { .. } | Op::LtF64Br { .. } | Op::LeF64Br { .. } | Op::EqIntBr { .. } | Op::NeIntBr { .. } | Op::LoadIntRet { .. } | Op::LoadIntNext { .. } | Op::AddIntImmLoop { .. } | Op::AddIntImmCall { .. } | Op::AddIntRet { .. } | Op::AddIntImmRet { .. } => {
                    save!();
                    return Exit::Fatal(format!("announcing form {op:?} left unmade plain"));
                }
            })
        }
    }
}

/// Starts a panic with runtime error `msg` in `g` (a G resumed from a
/// channel wait); true when a deferred call took over (the G continues),
/// false when the panic ended the goroutine.
pub(crate) fn raise(vm: &Vm, sl: Option<SliceCx<'_>>, g: &mut G, msg: String) -> bool {
    match begin_panic(sl, &vm.prog, g, PanicValue::Runtime(msg)) {
        Flow::Continue => true,
        Flow::Exit(_) => false,
    }
}

const NIL_DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";

/// An access the user mappings refuse (`usermap::check`, before the
/// instruction touched anything): with `debug.SetPanicOnFault` the
/// goroutine panics with Go's runtime error; otherwise the program ends
/// with Go's fault report (`unexpected fault address`, then `fatal
/// error: fault`, the signal line and the goroutine's trace, as Go's
/// `throw` shows it). The signal line's pc is the instruction's offset
/// as the trace prints it (`+0x..`, four per instruction; `pc` is past
/// the instruction).
#[cold]
#[inline(never)]
fn fault(vm: &mut Vm, g: &G, f: crate::usermap::Fault, pc: usize) -> Trap {
    if g.panic_on_fault {
        return Trap::Panic(NIL_DEREF.into());
    }
    crate::traceback::set_throwing();
    let _ = vm.stdout.flush();
    crate::stdio::write_report(format!("unexpected fault address {:#x}\n", f.addr).as_bytes());
    Trap::Fatal(format!(
        "fault\n[signal SIGSEGV: segmentation violation code={:#x} addr={:#x} pc={:#x}]",
        f.code,
        f.addr,
        crate::panic::pc_offset(pc.saturating_sub(1))
    ))
}

/// Pushes a frame for `f` at slot `nb`, saving the caller's pc.
fn call(
    prog: &Program,
    g: &mut G,
    f: FuncId,
    nb: usize,
    closure: u64,
    pc: usize,
    budget: i64,
) -> Flow {
    if let Some(fr) = g.frames.last_mut() {
        fr.pc = pc as u32;
    }
    let Some(callee) = prog.funcs.get(f.0 as usize) else {
        return Flow::Exit(Exit::Fatal(format!("bad function index {}", f.0)));
    };
    if !g.ensure(nb + callee.frame_words as usize + 1) {
        return Flow::Exit(Exit::Fatal("stack overflow".into()));
    }
    g.push_frame(Frame {
        func: f.0,
        pc: 0,
        base: nb as u32,
        closure,
        deferred_panic: false,
        returning: None,
    });
    if budget <= 0 {
        return Flow::Exit(Exit::Yield);
    }
    Flow::Continue
}

/// Runs native `f` on the window at slot `nb` (`CallNative`); the caller
/// saved its pc in its frame record.
/// Result words past the arguments start zeroed, so a native that leaves
/// one unset returns a zero, and the call writes every result word (the
/// stack maps count on it: liveness.rs).
#[inline]
fn call_native(
    prog: &Program,
    vm: &mut Vm,
    sl: Option<SliceCx<'_>>,
    g: &mut G,
    nb: usize,
    f: NativeId,
) -> NativeResult {
    if let Some(d) = prog.natives.get(f.0 as usize) {
        let (pw, rw) = (d.param_words as usize, d.result_words as usize);
        if let Some(res) = g.stack.get_mut(nb + pw..nb + rw) {
            res.fill(0);
        }
    }
    let mut ctx = NativeCtx {
        vm,
        sl,
        g,
        base: nb,
        native: f.0 as usize,
    };
    let native = ctx.vm.natives[f.0 as usize];
    native(&mut ctx)
}

fn bad_slot_msg(func: &Function, pc: usize, slot: usize) -> String {
    format!(
        "slot r{slot} outside the frame of {} ({} words) at pc {}",
        func.name,
        func.frame_words,
        pc.saturating_sub(1)
    )
}

/// The address of slot `base` of `g`'s stack (the current window). Taken
/// again after anything that may grow the stack.
#[inline(always)]
fn window(g: &mut G, base: usize) -> *mut u64 {
    g.stack.as_mut_ptr().wrapping_add(base)
}

/// An instruction named a slot outside its frame: a code generator bug.
#[cold]
#[inline(never)]
fn bad_slot(func: &Function, pc: usize, slot: usize) -> Exit {
    Exit::Fatal(bad_slot_msg(func, pc, slot))
}

/// The bytes of the string in slots `a`, `a+1`.
fn str_at(g: &G, base: usize, a: Reg) -> &[u8] {
    let p = g.stack[base + a.0 as usize];
    let l = g.stack[base + a.0 as usize + 1];
    // SAFETY: the two slots hold a string value (value invariant 1), alive
    // while referenced from the goroutine's stack.
    unsafe { value::str_bytes(p, l) }
}
