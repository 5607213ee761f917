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
//! returns switch frames inside `fast` without leaving it.
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
//! # Map of the module
//! Read in this order:
//! - this file: [`Exit`], the slice budget, `with_pure_ops` (the
//!   arithmetic and branch instructions written once for both loops),
//!   [`run`] (the checked loop, one arm per instruction) and the small
//!   pieces its arms share: checked slot access (`window`, `bad_slot`),
//!   `call`, `raise`, `chan_of`, `str_at`;
//! - `fast`: the unchecked loop for the hot instructions;
//! - `verify`: the load-time check that makes `fast`'s unchecked slot
//!   access sound;
//! - `unwind`: deferred calls, panics and `recover`;
//! - `nested`: Go functions called from natives (`run_nested`);
//! - `objects`: object construction on the GC heap (boxes, closures,
//!   `append`) and Go's sizes for slice growth;
//! - `values`: what the cold arms compute on values (UTF-8 decoding,
//!   Go's float `min`, assertion messages, interface equality).

use crate::goroutine::{Deferred, Frame, PanicValue, Panicking, G};
use crate::map::MapError;
use crate::native::{NativeCtx, NativeResult};
use crate::panic::{bounds_error, capture, print_text, Bounds};
use crate::value::{self, grow_cap};
use crate::Vm;
use gol_lang::bytecode::{Fault, FuncId, Function, MathFn, Op, Program, Reg, RtType, TypeKind};
use std::io::Write;
use std::sync::Arc;

/// Calls and backward jumps per slice.
pub const SLICE_BUDGET: i64 = 200_000;

/// Why a slice ended.
#[derive(Debug, PartialEq)]
pub enum Exit {
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
/// `setf!`: checked in `run`, verified at load in `fast`) and its own
/// `branch!` (which spends budget on a backward jump).
macro_rules! with_pure_ops {
    ($op:expr, { $($arms:tt)* }) => {
        match $op {
            Op::LoadInt { d, v } => set!(d, v as u64),
            Op::Move { d, a } => set!(d, r!(a)),
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

mod fast;
mod nested;
mod objects;
mod unwind;
mod values;
mod verify;

pub(crate) use nested::method_text;
pub use values::decode_rune;
pub use verify::verify;

use fast::{fast, Cur, Stop};
use objects::read_elems;
use unwind::{after_deferred_panic, begin_panic, real_panic, run_deferred, uncount_panic};
use values::{assert_mismatch, go_min, iface_equal, map_kv};

/// Runs `g` for at most `budget` calls and backward jumps.
pub fn run(vm: &mut Vm, g: &mut G, budget: i64) -> Exit {
    let prog: Arc<Program> = vm.prog.clone();
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
        macro_rules! panic_rt {
            ($msg:expr) => {{
                save!();
                let msg: String = $msg;
                match begin_panic(vm, &prog, g, PanicValue::Runtime(msg)) {
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
            if budget > 0 && vm.end_slice_early(g) {
                budget = 0;
            }
            let mut cur = Cur { func, base, pc };
            let stop = fast(&prog, g, &mut cur, &mut budget);
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
                // --- fused and immediate forms (performance) ---
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
                Op::RuneToStr { d, a } => {
                    let c = u32::try_from(ri!(a))
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{FFFD}');
                    let mut buf = [0u8; 4];
                    let s = c.encode_utf8(&mut buf);
                    let (p, l) = vm.new_string(s.as_bytes());
                    set!(d, p);
                    set!(Reg(d.0 + 1), l);
                }
                Op::ConcatStr { d, a, b } => {
                    let mut s = str_at(g, base, a).to_vec();
                    s.extend_from_slice(str_at(g, base, b));
                    let (p, l) = if r!(Reg(b.0 + 1)) == 0 {
                        (r!(a), r!(Reg(a.0 + 1)))
                    } else if r!(Reg(a.0 + 1)) == 0 {
                        (r!(b), r!(Reg(b.0 + 1)))
                    } else {
                        vm.new_string(&s)
                    };
                    set!(d, p);
                    set!(Reg(d.0 + 1), l);
                }
                Op::StrLen { d, a } => set!(d, r!(Reg(a.0 + 1))),
                Op::StrIndex { d, a, i } => {
                    let s = str_at(g, base, a);
                    let idx = ri!(i);
                    match usize::try_from(idx).ok().and_then(|k| s.get(k)) {
                        Some(&b) => set!(d, b as u64),
                        None => {
                            let len = s.len();
                            panic_rt!(bounds_error(Bounds::Index, idx, len as i64))
                        }
                    }
                }
                Op::StrSlice { d, a, b } => {
                    let len = r!(Reg(a.0 + 1)) as i64;
                    let lo = ri!(b);
                    let hi = ri!(Reg(b.0 + 1));
                    if hi < 0 || hi > len {
                        panic_rt!(bounds_error(Bounds::SliceAlen, hi, len));
                    }
                    if lo < 0 || lo > hi {
                        panic_rt!(bounds_error(Bounds::SliceB, lo, hi));
                    }
                    let (p, l) = if hi == lo {
                        (0, 0)
                    } else {
                        (r!(a) + lo as u64, (hi - lo) as u64)
                    };
                    set!(d, p);
                    set!(Reg(d.0 + 1), l);
                }
                Op::StrDecodeRune { d, a, i } => {
                    let s = str_at(g, base, a);
                    let (c, w) = decode_rune(s, ri!(i) as usize);
                    set!(d, c as u64);
                    set!(Reg(d.0 + 1), w as u64);
                }
                Op::ToIface { d, a, n, t } => {
                    let s = base + a.0 as usize;
                    let words: Vec<u64> = g.stack[s..s + n as usize].to_vec();
                    let b = vm.new_box(t, &words);
                    set!(d, b)
                }
                Op::IfaceIs { d, a, t } => {
                    let b = r!(a);
                    let is = b != 0 && crate::panic::box_type(b) == Some(t);
                    set!(d, is as u64)
                }
                Op::IfaceAssert { d, a, n, t } => {
                    let b = r!(a);
                    let have = crate::panic::box_type(b);
                    if b == 0 || have != Some(t) {
                        panic_rt!(assert_mismatch(&prog, "interface {}", have, t));
                    }
                    for k in 0..n as usize {
                        // SAFETY: the box holds a value of type t (just
                        // checked), which has n words after the type word.
                        let w = unsafe { value::read_word(b, 1 + k) };
                        g.stack[base + d.0 as usize + k] = w;
                    }
                }
                Op::IfaceUnbox { d, a, n } => {
                    let b = r!(a);
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
                Op::EqIface { d, a, b } => match iface_equal(&prog, r!(a), r!(b)) {
                    Ok(e) => set!(d, e as u64),
                    Err(msg) => panic_rt!(msg),
                },
                Op::New { d, t } => {
                    let w = prog.ty(t).words as usize;
                    let p = vm.alloc_typed(t, w);
                    set!(d, p)
                }
                Op::Load { d, a, off, n } => {
                    let p = r!(a);
                    if p == 0 {
                        panic_rt!(NIL_DEREF.into());
                    }
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
                    let s = base + a.0 as usize;
                    let words: Vec<u64> = g.stack[s..s + n as usize].to_vec();
                    // SAFETY: as for Load; `t` is the stored value's type.
                    unsafe { vm.store_words(p, off.0 as usize, &words, t) };
                }
                Op::CopyValue { d, a, t } => {
                    let (dst, src) = (r!(d), r!(a));
                    if src == 0 || dst == 0 {
                        panic_rt!(NIL_DEREF.into());
                    }
                    // SAFETY: both are non-nil pointers to values of type
                    // `t` (the code generator's typing).
                    unsafe { vm.copy_value(dst, src, t) };
                }
                Op::BoxValue { d, a, t } => {
                    let src = r!(a);
                    if src == 0 {
                        panic_rt!(NIL_DEREF.into());
                    }
                    // SAFETY: a non-nil pointer to a value of type `t`.
                    let b = unsafe { vm.box_value(src, t) };
                    set!(d, b)
                }
                Op::LoadGlobal { d, g: gw, n } => {
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
                    // A value of two words or more is published whole
                    // (value module docs).
                    let _lock = (n >= 2)
                        .then(|| value::lock_words(vm.globals.addr(gw as usize), n as usize));
                    for k in 0..n as usize {
                        let w = g.stack[base + a.0 as usize + k];
                        vm.store_global(gw as usize + k, w);
                    }
                }
                Op::PackSlice { d, a, n, t } => {
                    let ew = prog.ty(t).words as usize;
                    let s = base + a.0 as usize;
                    let words: Vec<u64> = g.stack[s..s + n as usize * ew].to_vec();
                    let p = vm.alloc_typed(t, words.len());
                    // SAFETY: `p` is a fresh object of n*ew words of type t.
                    unsafe { vm.store_words(p, 0, &words, t) };
                    set!(d, p);
                    set!(Reg(d.0 + 1), n as u64);
                    set!(Reg(d.0 + 2), n as u64);
                }
                Op::MakeSlice { d, t, len, cap } => {
                    let l = ri!(len);
                    let c = ri!(cap);
                    let ew = prog.ty(t).words.max(1) as i64;
                    // Go's bound: cap * elemsize <= 2^48 bytes (maxAlloc);
                    // below it, a size the heap cannot get is Go's fatal
                    // error (out of memory), not this panic.
                    if l < 0 || l > (1 << 45) / ew {
                        panic_rt!("runtime error: makeslice: len out of range".into());
                    }
                    if c < l || c > (1 << 45) / ew {
                        panic_rt!("runtime error: makeslice: cap out of range".into());
                    }
                    let p = if c == 0 {
                        vm.alloc_typed(t, 1)
                    } else {
                        vm.alloc_typed(t, (c * ew) as usize)
                    };
                    set!(d, p);
                    set!(Reg(d.0 + 1), l as u64);
                    set!(Reg(d.0 + 2), c as u64);
                }
                Op::SliceGet { d, a, i, t } => {
                    let p = r!(a);
                    let len = r!(Reg(a.0 + 1)) as i64;
                    let idx = ri!(i);
                    if idx < 0 || idx >= len {
                        panic_rt!(bounds_error(Bounds::Index, idx, len));
                    }
                    let ew = prog.ty(t).words as usize;
                    let s = base + d.0 as usize;
                    let at = p + (idx as usize * ew * 8) as u64;
                    // SAFETY: 0 <= idx < len <= cap, so the element's words
                    // are inside the backing array (value invariant 2).
                    // One value, never torn (value module docs).
                    unsafe { value::load_words(at, &mut g.stack[s..s + ew]) };
                }
                Op::SliceSet { d, i, a, t } => {
                    let p = r!(d);
                    let len = r!(Reg(d.0 + 1)) as i64;
                    let idx = ri!(i);
                    if idx < 0 || idx >= len {
                        panic_rt!(bounds_error(Bounds::Index, idx, len));
                    }
                    let ew = prog.ty(t).words as usize;
                    let s = base + a.0 as usize;
                    let words: Vec<u64> = g.stack[s..s + ew].to_vec();
                    // SAFETY: as for SliceGet.
                    unsafe { vm.store_words(p, idx as usize * ew, &words, t) };
                }
                Op::SliceAddr { d, a, i, t } => {
                    let p = r!(a);
                    let len = r!(Reg(a.0 + 1)) as i64;
                    let idx = ri!(i);
                    if idx < 0 || idx >= len {
                        panic_rt!(bounds_error(Bounds::Index, idx, len));
                    }
                    let ew = prog.ty(t).words as u64;
                    set!(d, p + idx as u64 * ew * 8)
                }
                Op::SliceSlice {
                    d,
                    a,
                    b,
                    t,
                    three,
                    array,
                } => {
                    let p = r!(a);
                    let len = ri!(Reg(a.0 + 1));
                    let cap = ri!(Reg(a.0 + 2));
                    let lo = ri!(b);
                    let hi = ri!(Reg(b.0 + 1));
                    let max = ri!(Reg(b.0 + 2));
                    let _ = len;
                    if three {
                        if max < 0 || max > cap {
                            let kind = if array {
                                Bounds::Slice3Alen
                            } else {
                                Bounds::Slice3Acap
                            };
                            panic_rt!(bounds_error(kind, max, cap));
                        }
                        if hi < 0 || hi > max {
                            panic_rt!(bounds_error(Bounds::Slice3B, hi, max));
                        }
                    } else if hi < 0 || hi > cap {
                        let kind = if array {
                            Bounds::SliceAlen
                        } else {
                            Bounds::SliceAcap
                        };
                        panic_rt!(bounds_error(kind, hi, cap));
                    }
                    if lo < 0 || lo > hi {
                        let kind = if three {
                            Bounds::Slice3C
                        } else {
                            Bounds::SliceB
                        };
                        panic_rt!(bounds_error(kind, lo, hi));
                    }
                    let ew = prog.ty(t).words as u64;
                    let ncap = max - lo;
                    // A zero-capacity result keeps the array's base: never
                    // a pointer one past the end (heap contract 2).
                    let np = if ncap == 0 { p } else { p + lo as u64 * ew * 8 };
                    set!(d, np);
                    set!(Reg(d.0 + 1), (hi - lo) as u64);
                    set!(Reg(d.0 + 2), ncap as u64);
                }
                Op::Append { d, a, b, n, t } => {
                    let ew = prog.ty(t).words as usize;
                    let s = base + b.0 as usize;
                    let words: Vec<u64> = g.stack[s..s + n as usize * ew].to_vec();
                    let (p, l, c) = (r!(a), r!(Reg(a.0 + 1)), r!(Reg(a.0 + 2)));
                    let (np, nl, nc) = vm.append(t, (p, l, c), &words, n as u64);
                    set!(d, np);
                    set!(Reg(d.0 + 1), nl);
                    set!(Reg(d.0 + 2), nc);
                }
                Op::AppendSlice { d, a, b, t } => {
                    let ew = prog.ty(t).words as usize;
                    let (bp, bl) = (r!(b), r!(Reg(b.0 + 1)));
                    let words = read_elems(bp, bl as usize, ew);
                    let (p, l, c) = (r!(a), r!(Reg(a.0 + 1)), r!(Reg(a.0 + 2)));
                    let (np, nl, nc) = vm.append(t, (p, l, c), &words, bl);
                    set!(d, np);
                    set!(Reg(d.0 + 1), nl);
                    set!(Reg(d.0 + 2), nc);
                }
                Op::CopySlice { d, a, b, t } => {
                    let ew = prog.ty(t).words as usize;
                    let n = r!(Reg(a.0 + 1)).min(r!(Reg(b.0 + 1)));
                    let words = read_elems(r!(b), n as usize, ew);
                    if n > 0 {
                        let dst = r!(a);
                        // SAFETY: n <= len(a) elements fit in a's array.
                        unsafe { vm.store_words(dst, 0, &words, t) };
                    }
                    set!(d, n)
                }
                Op::StrToBytes { d, a } => {
                    let s = str_at(g, base, a).to_vec();
                    let words: Vec<u64> = s.iter().map(|&b| b as u64).collect();
                    let p = vm.alloc_noscan(words.len().max(1) * 8);
                    for (k, w) in words.iter().enumerate() {
                        // SAFETY: `p` is a fresh pointer-free object of
                        // words.len() words.
                        unsafe { value::write_word(p, k, *w) };
                    }
                    set!(d, p);
                    set!(Reg(d.0 + 1), words.len() as u64);
                    set!(Reg(d.0 + 2), words.len() as u64);
                }
                Op::BytesToStr { d, a } => {
                    let words = read_elems(r!(a), r!(Reg(a.0 + 1)) as usize, 1);
                    let bytes: Vec<u8> = words.iter().map(|&w| w as u8).collect();
                    let (p, l) = vm.new_string(&bytes);
                    set!(d, p);
                    set!(Reg(d.0 + 1), l);
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
                    flow!(call(&prog, g, f, base + b.0 as usize, 0, pc, budget))
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
                        &prog,
                        g,
                        FuncId(f as u32),
                        base + b.0 as usize,
                        cl,
                        pc,
                        budget
                    ))
                }
                Op::CallMethod { base: b, m } => {
                    let bx = r!(b);
                    if bx == 0 {
                        panic_rt!(NIL_DEREF.into());
                    }
                    let Some(t) = crate::panic::box_type(bx) else {
                        panic_rt!(NIL_DEREF.into());
                    };
                    let name = prog.strings.get(m.0 as usize).map_or(&[][..], |v| &v[..]);
                    let desc = prog.ty(t);
                    let Some(f) = desc.method(name).map(|m| m.func) else {
                        return Exit::Fatal(format!(
                            "method {} missing from type {}",
                            String::from_utf8_lossy(name),
                            desc.name
                        ));
                    };
                    // Replace the box word by the receiver's words.
                    let rw = desc.words as usize;
                    let callee = &prog.funcs[f.0 as usize];
                    let pw = (callee.param_words as usize).saturating_sub(rw);
                    let nb = base + b.0 as usize;
                    if !g.ensure(nb + rw + pw + callee.frame_words as usize + 1) {
                        return Exit::Fatal("stack overflow".into());
                    }
                    g.stack.copy_within(nb + 1..nb + 1 + pw, nb + rw);
                    for k in 0..rw {
                        // SAFETY: the box holds rw words of its type after
                        // the type word (value invariant 3).
                        g.stack[nb + k] = unsafe { value::read_word(bx, 1 + k) };
                    }
                    budget -= 1;
                    flow!(call(&prog, g, f, nb, 0, pc, budget))
                }
                Op::CallNative { f, base: b } => {
                    save!();
                    let mut ctx = NativeCtx {
                        vm,
                        g,
                        base: base + b.0 as usize,
                        native: f.0 as usize,
                    };
                    let native = ctx.vm.natives[f.0 as usize];
                    match native(&mut ctx) {
                        NativeResult::Ok => {}
                        NativeResult::Exit(code) => return Exit::Exit(code),
                        NativeResult::Fatal(msg) => {
                            save!();
                            return Exit::Fatal(msg);
                        }
                        NativeResult::Panic(msg) => {
                            save!();
                            let (p, l) = vm.new_string(msg.as_bytes());
                            let bx = vm.new_box(RtType(0), &[p, l]);
                            match begin_panic(vm, &prog, g, PanicValue::Value(bx)) {
                                Flow::Continue => continue 'frames,
                                Flow::Exit(x) => return x,
                            }
                        }
                        NativeResult::RuntimeError(msg) => panic_rt!(msg),
                        NativeResult::PanicValue(v) => {
                            save!();
                            match begin_panic(vm, &prog, g, PanicValue::Value(v)) {
                                Flow::Continue => continue 'frames,
                                Flow::Exit(x) => return x,
                            }
                        }
                        NativeResult::Yield => {
                            save!();
                            return Exit::Yield;
                        }
                        NativeResult::Goexit => {
                            save!();
                            match begin_panic(vm, &prog, g, PanicValue::Goexit) {
                                Flow::Continue => continue 'frames,
                                Flow::Exit(x) => return x,
                            }
                        }
                        NativeResult::Block(reason) => {
                            save!();
                            return Exit::Block(reason);
                        }
                    }
                }
                Op::MakeClosure { d, f, a, n } => {
                    let s = base + a.0 as usize;
                    let caps: Vec<u64> = g.stack[s..s + n as usize].to_vec();
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
                        flow!(run_deferred(&prog, g, depth, false))
                    }
                    let done = g.frames.pop();
                    if let Some(done) = done {
                        if done.deferred_panic {
                            let was = real_panic(g);
                            // (flow! saves pc into the top frame first: here
                            // that is the caller's, which after_deferred_panic
                            // sets, so save before it.)
                            save!();
                            let f = after_deferred_panic(&prog, g);
                            if was && !real_panic(g) {
                                uncount_panic(vm);
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
                        flow!(run_deferred(&prog, g, depth, false))
                    }
                }
                Op::Defer { c, a, n } => {
                    let cl = r!(c);
                    let frame = g.frames.len() - 1;
                    let s = base + a.0 as usize;
                    let args = g.stack[s..s + n as usize].to_vec();
                    g.defers.push(Deferred {
                        frame,
                        closure: cl,
                        args,
                    });
                }
                Op::Recover { d } => {
                    // `recover` stops the panic only when called directly
                    // by the deferred call the panic is running; `defer
                    // recover()` runs in a wrapper and so counts as a call
                    // by the function that deferred it.
                    let mut depth = g.frames.len() - 1;
                    let wrapper = prog
                        .funcs
                        .get(g.frames[depth].func as usize)
                        .is_some_and(|f| f.name.contains(".deferwrap"));
                    if wrapper {
                        depth = depth.wrapping_sub(1);
                    }
                    // Method-value and method-expression wrappers (`i.M`
                    // deferred, `I.M`) are invisible, as Go's WRAPPER
                    // functions are: the method they call counts as
                    // called directly by the deferred call.
                    while depth > 0
                        && prog
                            .funcs
                            .get(g.frames[depth - 1].func as usize)
                            .is_some_and(|f| f.name.ends_with("-fm"))
                    {
                        depth -= 1;
                    }
                    let mut v = 0;
                    if let Some(p) = g.panicking.as_mut() {
                        if p.frame == depth && !p.recovered && p.value != PanicValue::Goexit {
                            p.recovered = true;
                            v = match p.value.clone() {
                                PanicValue::Value(v) => v,
                                PanicValue::Goexit => 0,
                                PanicValue::Runtime(msg) => {
                                    let (sp, sl) = vm.new_string(msg.as_bytes());
                                    let t = vm.runtime_error_type(&msg);
                                    vm.new_box(t, &[sp, sl])
                                }
                            };
                        }
                    }
                    set!(d, v)
                }
                Op::Panic { a } => {
                    let v = r!(a);
                    save!();
                    let pv = if v == 0 {
                        PanicValue::Runtime("runtime error: panic called with nil argument".into())
                    } else {
                        PanicValue::Value(v)
                    };
                    match begin_panic(vm, &prog, g, pv) {
                        Flow::Continue => continue 'frames,
                        Flow::Exit(x) => return x,
                    }
                }
                Op::Fault { f } => {
                    let msg = match f {
                        Fault::DivideByZero => "runtime error: integer divide by zero",
                        Fault::NilDeref => NIL_DEREF,
                        Fault::NilMapWrite => "assignment to entry in nil map",
                    };
                    panic_rt!(msg.into())
                }
                Op::PanicText { m } => {
                    let text = prog.strings.get(m.0 as usize).map_or(&[][..], |v| &v[..]);
                    panic_rt!(String::from_utf8_lossy(text).into_owned())
                }
                Op::IndexFault { i, n } => {
                    let (i, n) = (ri!(i), ri!(n));
                    panic_rt!(bounds_error(Bounds::Index, i, n))
                }
                Op::Print { a, k } => {
                    let s = base + a.0 as usize;
                    let end = (s + 3).min(g.stack.len());
                    let text = print_text(vm, k, &g.stack[s..end]);
                    let _ = vm.stdout.flush();
                    let _ = std::io::stderr().write_all(&text);
                }
                // --- maps, type switches, comparisons ---
                Op::MakeMap { d, t, hint } => {
                    // Go ignores a negative or huge hint (no panic).
                    let h = ri!(hint).max(0);
                    let m = vm.map_new(t, h as usize);
                    set!(d, m)
                }
                Op::MapLen { d, a } => set!(d, crate::map::len(r!(a))),
                Op::MapGet { d, m, k, t, ok } => {
                    let (kw, vw) = map_kv(&prog, t);
                    let ks = base + k.0 as usize;
                    let mut buf = [0u64; 16];
                    let mut big = Vec::new();
                    let out: &mut [u64] = if vw <= buf.len() {
                        &mut buf[..vw]
                    } else {
                        big.resize(vw, 0);
                        &mut big
                    };
                    match vm.map_get(t, r!(m), &g.stack[ks..ks + kw], out) {
                        Ok(found) => {
                            let ds = base + d.0 as usize;
                            g.stack[ds..ds + vw].copy_from_slice(out);
                            if ok {
                                g.stack[ds + vw] = found as u64;
                            }
                        }
                        Err(MapError::Panic(msg)) => panic_rt!(msg),
                        Err(MapError::Fatal(msg)) => {
                            save!();
                            return Exit::Fatal(msg.into());
                        }
                    }
                }
                Op::MapSet { m, k, v, t } => {
                    let (kw, vw) = map_kv(&prog, t);
                    let ks = base + k.0 as usize;
                    let vs = base + v.0 as usize;
                    let m = r!(m);
                    match vm.map_set(t, m, &g.stack[ks..ks + kw], &g.stack[vs..vs + vw]) {
                        Ok(()) => {}
                        Err(MapError::Panic(msg)) => panic_rt!(msg),
                        Err(MapError::Fatal(msg)) => {
                            save!();
                            return Exit::Fatal(msg.into());
                        }
                    }
                }
                Op::MapDelete { m, k, t } => {
                    let (kw, _) = map_kv(&prog, t);
                    let ks = base + k.0 as usize;
                    let m = r!(m);
                    match vm.map_delete(t, m, &g.stack[ks..ks + kw]) {
                        Ok(()) => {}
                        Err(MapError::Panic(msg)) => panic_rt!(msg),
                        Err(MapError::Fatal(msg)) => {
                            save!();
                            return Exit::Fatal(msg.into());
                        }
                    }
                }
                Op::MapClear { a } => match vm.map_clear(r!(a)) {
                    Ok(()) => {}
                    Err(MapError::Panic(msg)) => panic_rt!(msg),
                    Err(MapError::Fatal(msg)) => {
                        save!();
                        return Exit::Fatal(msg.into());
                    }
                },
                Op::MapIter { d, a } => {
                    let it = vm.map_iter_init(r!(a));
                    let ds = base + d.0 as usize;
                    g.stack[ds..ds + it.len()].copy_from_slice(&it);
                }
                Op::MapNext { d, it } => {
                    let is = base + it.0 as usize;
                    let n = crate::map::ITER_WORDS as usize;
                    let mut iw: Vec<u64> = g.stack[is..is + n].to_vec();
                    let (kw, vw) = crate::map::map_type(iw[0]).map_or((0, 0), |t| map_kv(&prog, t));
                    let mut out = vec![0u64; kw + vw];
                    let more = match vm.map_iter_next(&mut iw, &mut out) {
                        Ok(more) => more,
                        Err(MapError::Panic(msg)) => panic_rt!(msg),
                        Err(MapError::Fatal(msg)) => {
                            save!();
                            return Exit::Fatal(msg.into());
                        }
                    };
                    g.stack[is..is + n].copy_from_slice(&iw);
                    let ds = base + d.0 as usize;
                    g.stack[ds] = more as u64;
                    if more {
                        g.stack[ds + 1..ds + 1 + kw + vw].copy_from_slice(&out);
                    }
                }
                Op::EqValue { d, a, b, t } => {
                    let n = prog.ty(t).words as usize;
                    let (sa, sb) = (base + a.0 as usize, base + b.0 as usize);
                    match crate::map::equal_value(
                        &prog,
                        t,
                        &g.stack[sa..sa + n],
                        &g.stack[sb..sb + n],
                    ) {
                        Ok(e) => set!(d, e as u64),
                        Err(u) => panic_rt!(format!(
                            "runtime error: comparing uncomparable type {}",
                            prog.ty(u).name
                        )),
                    }
                }
                Op::IfaceImplements { d, a, t } => {
                    let b = r!(a);
                    let is = crate::panic::box_type(b)
                        .is_some_and(|dt| prog.missing_method(dt, t).is_none());
                    set!(d, is as u64)
                }
                Op::TypeAssert { d, a, t, from } => {
                    let b = r!(a);
                    let want = prog.ty(t);
                    let have = crate::panic::box_type(b);
                    if matches!(want.kind, TypeKind::Interface) {
                        let Some(dt) = have else {
                            panic_rt!(format!(
                                "interface conversion: interface is nil, not {}",
                                want.name
                            ))
                        };
                        if let Some(m) = prog.missing_method(dt, t) {
                            panic_rt!(format!(
                                "interface conversion: {} is not {}: missing method {m}",
                                prog.ty(dt).name,
                                want.name
                            ))
                        }
                        set!(d, b)
                    } else {
                        if have != Some(t) {
                            panic_rt!(assert_mismatch(&prog, &prog.ty(from).name, have, t));
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
                Op::ClearSlice { a, t } => {
                    let (p, l) = (r!(a), r!(Reg(a.0 + 1)));
                    let ew = prog.ty(t).words as usize;
                    let zeros = vec![0u64; l as usize * ew];
                    if !zeros.is_empty() {
                        // SAFETY: l elements are inside the slice's array
                        // (value invariant 2).
                        unsafe { vm.store_words(p, 0, &zeros, t) };
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
                    let p = vm.alloc_noscan(runes.len().max(1) * 8);
                    for (k, w) in runes.iter().enumerate() {
                        // SAFETY: `p` is a fresh pointer-free object of
                        // runes.len() words.
                        unsafe { value::write_word(p, k, *w) };
                    }
                    set!(d, p);
                    set!(Reg(d.0 + 1), runes.len() as u64);
                    set!(Reg(d.0 + 2), runes.len() as u64);
                }
                Op::RunesToStr { d, a } => {
                    let words = read_elems(r!(a), r!(Reg(a.0 + 1)) as usize, 1);
                    let mut out = String::new();
                    for w in words {
                        let c = u32::try_from(w as i64)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or('\u{FFFD}');
                        out.push(c);
                    }
                    let (p, l) = vm.new_string(out.as_bytes());
                    set!(d, p);
                    set!(Reg(d.0 + 1), l);
                }
                Op::SliceToArrayPtr { d, a, n } => {
                    let len = r!(Reg(a.0 + 1));
                    if len < n as u64 {
                        panic_rt!(format!("runtime error: cannot convert slice with length {len} to array or pointer to array with length {n}"));
                    }
                    set!(d, r!(a))
                }
                Op::GlobalAddr { d, g: gw } => {
                    // The globals are allocated once, never resized: their
                    // addresses are stable for the run. The collector sees
                    // them as roots and ignores pointers to them.
                    let p = vm.globals.addr(gw as usize);
                    set!(d, p)
                }
                Op::MinF64 { d, a, b } => setf!(d, go_min(rf!(a), rf!(b))),
                Op::MaxF64 { d, a, b } => setf!(d, -go_min(-rf!(a), -rf!(b))),
                Op::SlotIndex { d, a, i, ew, len } => {
                    let idx = ri!(i);
                    if idx < 0 || idx >= len as i64 {
                        panic_rt!(bounds_error(Bounds::Index, idx, len as i64));
                    }
                    let s = base + a.0 as usize + idx as usize * ew as usize;
                    g.stack.copy_within(s..s + ew as usize, base + d.0 as usize);
                }
                Op::SlotStore { d, i, a, ew, len } => {
                    let idx = ri!(i);
                    if idx < 0 || idx >= len as i64 {
                        panic_rt!(bounds_error(Bounds::Index, idx, len as i64));
                    }
                    let s = base + a.0 as usize;
                    let t = base + d.0 as usize + idx as usize * ew as usize;
                    g.stack.copy_within(s..s + ew as usize, t);
                }
                Op::ElemAddr { d, a, i, ew, len } => {
                    let p = r!(a);
                    let idx = ri!(i);
                    if p == 0 {
                        panic_rt!(NIL_DEREF.into());
                    }
                    if idx < 0 || idx >= len as i64 {
                        panic_rt!(bounds_error(Bounds::Index, idx, len as i64));
                    }
                    set!(d, p + idx as u64 * ew as u64 * 8)
                }
                // --- goroutines and channels ---
                Op::Go { c, a, n } => {
                    let cl = r!(c);
                    if cl == 0 {
                        save!();
                        return Exit::Fatal("go of nil func value".into());
                    }
                    if vm.cx.is_null() {
                        return Exit::Fatal("go statement outside the scheduler".into());
                    }
                    let s = base + a.0 as usize;
                    let args = &g.stack[s..s + n as usize];
                    let Some(ng) = G::for_func_value(&prog, cl, args, (g.id, fr.func, pc as u32))
                    else {
                        return Exit::Fatal("stack overflow".into());
                    };
                    // What a goroutine created while the collector marks
                    // starts with is shaded by its creator (mgc.rs).
                    vm.shade_words(&[cl]);
                    vm.shade_words(&ng.stack[..n as usize]);
                    // SAFETY: `vm.cx` is set by the executor for the
                    // duration of this slice.
                    let cx = unsafe { &*vm.cx };
                    cx.spawn(ng);
                }
                Op::MakeChan { d, cap, ew } => match crate::rt::make_chan(vm, ri!(cap), ew) {
                    Ok(p) => set!(d, p),
                    Err(msg) => panic_rt!(msg),
                },
                Op::ChanLen { d, c, cap } => {
                    let n = match chan_of(vm, r!(c)).map(|ch| ch.observed_len_cap()) {
                        Some((_, c)) if cap => c,
                        Some((l, _)) => l,
                        None => 0,
                    };
                    set!(d, n as u64)
                }
                Op::ChanClose { c } => {
                    if vm.cx.is_null() {
                        return Exit::Fatal("channel operation outside the scheduler".into());
                    }
                    let ch = chan_of(vm, r!(c));
                    // SAFETY: set by the executor for this slice.
                    let cx = unsafe { &*vm.cx };
                    if let Err(e) = crate::sched::chan::close(cx, ch.map(|c| &**c)) {
                        panic_rt!(e.message().into());
                    }
                }
                Op::ChanSend { c, a, ew } => {
                    if vm.cx.is_null() {
                        return Exit::Fatal("channel operation outside the scheduler".into());
                    }
                    let ch = chan_of(vm, r!(c));
                    let s = base + a.0 as usize;
                    let elem = g.stack[s..s + ew as usize].to_vec();
                    // The value leaves this stack for a buffer or another
                    // stack the collector may have scanned (mgc.rs).
                    vm.shade_words(&elem);
                    // SAFETY: set by the executor for this slice.
                    let cx = unsafe { &*vm.cx };
                    match crate::park::send(cx, ch.map(|c| &**c), &elem) {
                        Err(e) => panic_rt!(e.message().into()),
                        Ok(None) => {}
                        Ok(Some(p)) => {
                            let reason = p.reason();
                            g.pending = Some(Box::new(p));
                            save!();
                            return Exit::Block(reason);
                        }
                    }
                }
                Op::ChanRecv { d, c, ew, ok } => {
                    if vm.cx.is_null() {
                        return Exit::Fatal("channel operation outside the scheduler".into());
                    }
                    let ch = chan_of(vm, r!(c));
                    // SAFETY: set by the executor for this slice.
                    let cx = unsafe { &*vm.cx };
                    let dd = base + d.0 as usize;
                    let shade = &mut |w: &[u64]| vm.shade_words(w);
                    let (ch, ew) = (ch.map(|c| &**c), ew as usize);
                    if let Some(p) = crate::park::recv(cx, ch, &mut g.stack, shade, dd, ew, ok) {
                        let reason = p.reason();
                        g.pending = Some(Box::new(p));
                        save!();
                        return Exit::Block(reason);
                    }
                }
                Op::Select { d, n, block } => {
                    if vm.cx.is_null() {
                        return Exit::Fatal("channel operation outside the scheduler".into());
                    }
                    let mut chans = Vec::new();
                    let mut elems = Vec::new();
                    let mut cases = Vec::new();
                    let mut sends = Vec::new();
                    for k in 0..n as usize {
                        let Some(&Op::SelectCase { c, a, ew, send }) = code.get(pc + k) else {
                            return Exit::Fatal("select without its cases".into());
                        };
                        chans.push(chan_of(vm, r!(c)));
                        let s = base + a.0 as usize;
                        let elem = if send {
                            g.stack[s..s + ew as usize].to_vec()
                        } else {
                            Vec::new()
                        };
                        // As for ChanSend.
                        vm.shade_words(&elem);
                        elems.push(elem);
                        cases.push((s, ew as usize));
                        sends.push(send);
                    }
                    pc += n as usize;
                    let sel: Vec<crate::sched::chan::SelCase<'_>> = (0..n as usize)
                        .map(|k| {
                            if sends[k] {
                                crate::sched::chan::SelCase::Send(chans[k], &elems[k])
                            } else {
                                crate::sched::chan::SelCase::Recv(chans[k])
                            }
                        })
                        .collect();
                    // SAFETY: set by the executor for this slice.
                    let cx = unsafe { &*vm.cx };
                    let dd = base + d.0 as usize;
                    let shade = &mut |w: &[u64]| vm.shade_words(w);
                    match crate::park::select(cx, &sel, cases, block, &mut g.stack, shade, dd) {
                        Err(e) => panic_rt!(e.message().into()),
                        Ok(None) => {}
                        Ok(Some(p)) => {
                            let reason = p.reason();
                            g.pending = Some(Box::new(p));
                            save!();
                            return Exit::Block(reason);
                        }
                    }
                }
                Op::SelectCase { .. } => {
                    return Exit::Fatal("select case outside a select".into());
                }
            })
        }
    }
}

/// The channel behind channel word `w` (None for nil).
fn chan_of<'e>(vm: &Vm, w: u64) -> Option<&'e Arc<crate::sched::chan::Chan>> {
    // SAFETY: `vm.exec` is set by the executor while it runs slices, and
    // the executor (with its channel table) outlives every slice.
    let exec: &'e crate::rt::Exec = unsafe { &*vm.exec? };
    exec.chan(w)
}

/// Starts a panic with runtime error `msg` in `g` (a G resumed from a
/// channel wait); true when a deferred call took over (the G continues),
/// false when the panic ended the goroutine.
pub(crate) fn raise(vm: &mut Vm, g: &mut G, msg: String) -> bool {
    let prog = vm.prog.clone();
    match begin_panic(vm, &prog, g, PanicValue::Runtime(msg)) {
        Flow::Continue => true,
        Flow::Exit(_) => false,
    }
}

const NIL_DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";

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
    g.frames.push(Frame {
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
