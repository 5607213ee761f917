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
//! Panics: a runtime error or `panic` records the value and the stack, then
//! *unwinds*: each pending deferred call is run (innermost first) in a
//! frame marked `deferred_panic`; `recover` in such a frame stops the
//! panic, and when the deferred call returns its deferring frame resumes
//! at its `recover_pc` (returning its named results). With no deferred
//! call left, the slice ends with [`Exit::Panic`].
//!
//! Slot accesses are bounds-checked: the code generator sizes every frame
//! to cover the slots it names and `G::ensure` makes the window exist, so
//! a failing check is a VM bug reported as a fatal error, never undefined
//! behaviour. (Replacing them with unchecked accesses after a verifier pass
//! over the bytecode is a planned optimisation.)

use crate::goroutine::{Deferred, Frame, PanicValue, Panicking, G};
use crate::map::MapError;
use crate::native::{NativeCtx, NativeResult};
use crate::panic::{capture, print_text};
use crate::value::{self, grow_cap};
use crate::Vm;
use gol_lang::bytecode::{Fault, FuncId, MathFn, Op, Program, Reg, RtType, TypeKind};
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
    /// `os.Exit(code)`.
    Exit(i32),
    /// An unrecovered panic (the goroutine's `panicking` says which).
    Panic,
    /// A fatal error (stack overflow, broken VM invariant).
    Fatal(String),
}

/// What the loop does after an instruction that may transfer control.
enum Flow {
    Continue,
    Exit(Exit),
}

/// Runs `g` for at most `budget` calls and backward jumps.
pub fn run(vm: &mut Vm, g: &mut G, budget: i64) -> Exit {
    let prog: Arc<Program> = vm.prog.clone();
    let mut budget = budget;
    'frames: loop {
        let Some(fr) = g.frames.last().copied() else {
            return Exit::Done;
        };
        let Some(func) = prog.funcs.get(fr.func as usize) else {
            return Exit::Fatal(format!("bad function index {}", fr.func));
        };
        let code = &func.code[..];
        let base = fr.base as usize;
        let mut pc = fr.pc as usize;
        if !g.ensure(base + func.frame_words as usize + 1) {
            return Exit::Fatal("stack overflow".into());
        }

        macro_rules! r {
            ($x:expr) => {
                g.stack[base + $x.0 as usize]
            };
        }
        macro_rules! ri {
            ($x:expr) => {
                g.stack[base + $x.0 as usize] as i64
            };
        }
        macro_rules! rf {
            ($x:expr) => {
                f64::from_bits(g.stack[base + $x.0 as usize])
            };
        }
        macro_rules! set {
            ($x:expr, $v:expr) => {{
                let v = $v;
                g.stack[base + $x.0 as usize] = v;
            }};
        }
        macro_rules! setf {
            ($x:expr, $v:expr) => {{
                let v: f64 = $v;
                g.stack[base + $x.0 as usize] = v.to_bits();
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
        macro_rules! panic_rt {
            ($msg:expr) => {{
                save!();
                let msg: String = $msg;
                match start_panic(&prog, g, PanicValue::Runtime(msg)) {
                    Flow::Continue => continue 'frames,
                    Flow::Exit(x) => return x,
                }
            }};
        }

        loop {
            let Some(&op) = code.get(pc) else {
                return Exit::Fatal(format!("pc {pc} out of range in {}", func.name));
            };
            pc += 1;
            match op {
                Op::Nop => {}
                Op::LoadInt { d, v } => set!(d, v as u64),
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
                Op::Move { d, a } => set!(d, r!(a)),
                Op::MoveN { d, a, n } => {
                    let s = base + a.0 as usize;
                    g.stack.copy_within(s..s + n as usize, base + d.0 as usize);
                }
                Op::AddInt { d, a, b } => set!(d, r!(a).wrapping_add(r!(b))),
                Op::AddIntImm { d, a, v } => set!(d, r!(a).wrapping_add(v as i64 as u64)),
                Op::SubInt { d, a, b } => set!(d, r!(a).wrapping_sub(r!(b))),
                Op::MulInt { d, a, b } => set!(d, r!(a).wrapping_mul(r!(b))),
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
                Op::And { d, a, b } => set!(d, r!(a) & r!(b)),
                Op::Or { d, a, b } => set!(d, r!(a) | r!(b)),
                Op::Xor { d, a, b } => set!(d, r!(a) ^ r!(b)),
                Op::AndNot { d, a, b } => set!(d, r!(a) & !r!(b)),
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
                Op::Not { d, a } => set!(d, (r!(a) == 0) as u64),
                Op::IntToF64 { d, a } => setf!(d, ri!(a) as f64),
                Op::UintToF64 { d, a } => setf!(d, r!(a) as f64),
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
                            panic_rt!(format!(
                                "runtime error: index out of range [{idx}] with length {len}"
                            ))
                        }
                    }
                }
                Op::StrSlice { d, a, b } => {
                    let len = r!(Reg(a.0 + 1)) as i64;
                    let lo = ri!(b);
                    let hi = ri!(Reg(b.0 + 1));
                    if hi < 0 || hi > len {
                        panic_rt!(format!(
                            "runtime error: slice bounds out of range [:{hi}] with length {len}"
                        ));
                    }
                    if lo < 0 || lo > hi {
                        panic_rt!(format!(
                            "runtime error: slice bounds out of range [{lo}:{hi}]"
                        ));
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
                    if b == 0 || crate::panic::box_type(b) != Some(t) {
                        let have = crate::panic::box_type(b)
                            .map_or("nil".to_string(), |h| prog.ty(h).name.clone());
                        panic_rt!(format!(
                            "interface conversion: interface {{}} is {have}, not {}",
                            prog.ty(t).name
                        ));
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
                    for k in 0..n as usize {
                        // SAFETY: `p` is a non-nil pointer value of a type
                        // whose pointee has at least off + n words (the code
                        // generator's typing).
                        let w = unsafe { value::read_word(p, off.0 as usize + k) };
                        g.stack[base + d.0 as usize + k] = w;
                    }
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
                Op::LoadGlobal { d, g: gw, n } => {
                    for k in 0..n as usize {
                        let w = vm.globals.get(gw as usize + k).copied().unwrap_or(0);
                        g.stack[base + d.0 as usize + k] = w;
                    }
                }
                Op::StoreGlobal { g: gw, a, n } => {
                    for k in 0..n as usize {
                        let w = g.stack[base + a.0 as usize + k];
                        if let Some(slot) = vm.globals.get_mut(gw as usize + k) {
                            *slot = w;
                        }
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
                    if l < 0 || l > (1 << 40) / ew {
                        panic_rt!("runtime error: makeslice: len out of range".into());
                    }
                    if c < l || c > (1 << 40) / ew {
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
                        panic_rt!(format!(
                            "runtime error: index out of range [{idx}] with length {len}"
                        ));
                    }
                    let ew = prog.ty(t).words as usize;
                    for k in 0..ew {
                        // SAFETY: 0 <= idx < len <= cap, so the element's
                        // words are inside the backing array (value
                        // invariant 2).
                        let w = unsafe { value::read_word(p, idx as usize * ew + k) };
                        g.stack[base + d.0 as usize + k] = w;
                    }
                }
                Op::SliceSet { d, i, a, t } => {
                    let p = r!(d);
                    let len = r!(Reg(d.0 + 1)) as i64;
                    let idx = ri!(i);
                    if idx < 0 || idx >= len {
                        panic_rt!(format!(
                            "runtime error: index out of range [{idx}] with length {len}"
                        ));
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
                        panic_rt!(format!(
                            "runtime error: index out of range [{idx}] with length {len}"
                        ));
                    }
                    let ew = prog.ty(t).words as u64;
                    set!(d, p + idx as u64 * ew * 8)
                }
                Op::SliceSlice { d, a, b, t, three } => {
                    let p = r!(a);
                    let len = ri!(Reg(a.0 + 1));
                    let cap = ri!(Reg(a.0 + 2));
                    let lo = ri!(b);
                    let hi = ri!(Reg(b.0 + 1));
                    let max = ri!(Reg(b.0 + 2));
                    let _ = len;
                    if three {
                        if max < 0 || max > cap {
                            panic_rt!(format!("runtime error: slice bounds out of range [::{max}] with capacity {cap}"));
                        }
                        if hi < 0 || hi > max {
                            panic_rt!(format!(
                                "runtime error: slice bounds out of range [:{hi}:{max}]"
                            ));
                        }
                    } else if hi < 0 || hi > cap {
                        panic_rt!(format!(
                            "runtime error: slice bounds out of range [:{hi}] with capacity {cap}"
                        ));
                    }
                    if lo < 0 || lo > hi {
                        let m = if three {
                            format!("[{lo}:{hi}:]")
                        } else {
                            format!("[{lo}:{hi}]")
                        };
                        panic_rt!(format!("runtime error: slice bounds out of range {m}"));
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
                    let words = read_elems(bp, bl as usize * ew);
                    let (p, l, c) = (r!(a), r!(Reg(a.0 + 1)), r!(Reg(a.0 + 2)));
                    let (np, nl, nc) = vm.append(t, (p, l, c), &words, bl);
                    set!(d, np);
                    set!(Reg(d.0 + 1), nl);
                    set!(Reg(d.0 + 2), nc);
                }
                Op::CopySlice { d, a, b, t } => {
                    let ew = prog.ty(t).words as usize;
                    let n = r!(Reg(a.0 + 1)).min(r!(Reg(b.0 + 1)));
                    let words = read_elems(r!(b), n as usize * ew);
                    if n > 0 {
                        // SAFETY: n <= len(a) elements fit in a's array.
                        unsafe { vm.store_words(r!(a), 0, &words, t) };
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
                    let words = read_elems(r!(a), r!(Reg(a.0 + 1)) as usize);
                    let bytes: Vec<u8> = words.iter().map(|&w| w as u8).collect();
                    let (p, l) = vm.new_string(&bytes);
                    set!(d, p);
                    set!(Reg(d.0 + 1), l);
                }
                Op::Jump { to } => pc = to.0 as usize,
                Op::JumpIf { a, to } => {
                    if r!(a) != 0 {
                        pc = to.0 as usize
                    }
                }
                Op::JumpIfNot { a, to } => {
                    if r!(a) == 0 {
                        pc = to.0 as usize
                    }
                }
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
                    let Ok(k) = desc
                        .methods
                        .binary_search_by(|(n, _)| n.as_bytes().cmp(name))
                    else {
                        return Exit::Fatal(format!(
                            "method {} missing from type {}",
                            String::from_utf8_lossy(name),
                            desc.name
                        ));
                    };
                    let f = desc.methods[k].1;
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
                        NativeResult::Panic(msg) => {
                            save!();
                            let (p, l) = vm.new_string(msg.as_bytes());
                            let bx = vm.new_box(RtType(0), &[p, l]);
                            match start_panic(&prog, g, PanicValue::Value(bx)) {
                                Flow::Continue => continue 'frames,
                                Flow::Exit(x) => return x,
                            }
                        }
                        NativeResult::RuntimeError(msg) => panic_rt!(msg),
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
                    let s = base + a.0 as usize;
                    g.stack.copy_within(s..s + n as usize, base);
                    // Pending deferred calls of this frame run first; the
                    // Return runs again afterwards (its source slots are
                    // below the deferred call's window, so unchanged).
                    let depth = g.frames.len() - 1;
                    if g.defers.last().is_some_and(|d| d.frame == depth) {
                        pc -= 1;
                        save!();
                        flow!(run_deferred(&prog, g, depth, false))
                    }
                    let done = g.frames.pop();
                    if let Some(done) = done {
                        if done.deferred_panic {
                            flow!(after_deferred_panic(&prog, g))
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
                    let depth = g.frames.len() - 1;
                    let here = g.frames[depth].deferred_panic;
                    let mut v = 0;
                    if here {
                        if let Some(p) = g.panicking.as_mut() {
                            if !p.recovered {
                                p.recovered = true;
                                v = match p.value.clone() {
                                    PanicValue::Value(v) => v,
                                    PanicValue::Runtime(msg) => {
                                        let (sp, sl) = vm.new_string(msg.as_bytes());
                                        let t = vm.runtime_error_type(&msg);
                                        vm.new_box(t, &[sp, sl])
                                    }
                                };
                            }
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
                    match start_panic(&prog, g, pv) {
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
                Op::IndexFault { i, n } => {
                    let (i, n) = (ri!(i), ri!(n));
                    panic_rt!(format!(
                        "runtime error: index out of range [{i}] with length {n}"
                    ))
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
                        .is_some_and(|dt| missing_method(&prog, dt, t).is_none());
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
                        if let Some(m) = missing_method(&prog, dt, t) {
                            panic_rt!(format!(
                                "interface conversion: {} is not {}: missing method {m}",
                                prog.ty(dt).name,
                                want.name
                            ))
                        }
                        set!(d, b)
                    } else {
                        if have != Some(t) {
                            let h = have.map_or("nil".to_string(), |h| prog.ty(h).name.clone());
                            panic_rt!(format!(
                                "interface conversion: {} is {h}, not {}",
                                prog.ty(from).name,
                                want.name
                            ));
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
                    let words = read_elems(r!(a), r!(Reg(a.0 + 1)) as usize);
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
                    let p = match vm.globals.get(gw as usize) {
                        Some(w) => w as *const u64 as u64,
                        None => 0,
                    };
                    set!(d, p)
                }
                Op::MinF64 { d, a, b } => setf!(d, go_min(rf!(a), rf!(b))),
                Op::MaxF64 { d, a, b } => setf!(d, -go_min(-rf!(a), -rf!(b))),
                Op::SlotIndex { d, a, i, ew, len } => {
                    let idx = ri!(i);
                    if idx < 0 || idx >= len as i64 {
                        panic_rt!(format!(
                            "runtime error: index out of range [{idx}] with length {len}"
                        ));
                    }
                    let s = base + a.0 as usize + idx as usize * ew as usize;
                    g.stack.copy_within(s..s + ew as usize, base + d.0 as usize);
                }
                Op::SlotStore { d, i, a, ew, len } => {
                    let idx = ri!(i);
                    if idx < 0 || idx >= len as i64 {
                        panic_rt!(format!(
                            "runtime error: index out of range [{idx}] with length {len}"
                        ));
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
                        panic_rt!(format!(
                            "runtime error: index out of range [{idx}] with length {len}"
                        ));
                    }
                    set!(d, p + idx as u64 * ew as u64 * 8)
                }
                Op::MathF64 { d, a, f } => {
                    let x = rf!(a);
                    let y = match f {
                        MathFn::Sqrt => x.sqrt(),
                        MathFn::Abs => x.abs(),
                        MathFn::Floor => x.floor(),
                        MathFn::Ceil => x.ceil(),
                        MathFn::Trunc => x.trunc(),
                    };
                    setf!(d, y)
                }
            }
        }
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
    });
    if budget <= 0 {
        return Flow::Exit(Exit::Yield);
    }
    Flow::Continue
}

/// Pops the top deferred call (which belongs to frame `depth`) and calls it
/// above that frame's window.
fn run_deferred(prog: &Program, g: &mut G, depth: usize, panicking: bool) -> Flow {
    let Some(d) = g.defers.pop() else {
        return Flow::Continue;
    };
    let Some(owner) = g.frames.get(depth).copied() else {
        return Flow::Exit(Exit::Fatal("deferred call without its frame".into()));
    };
    let fw = prog
        .funcs
        .get(owner.func as usize)
        .map_or(0, |f| f.frame_words);
    let nb = owner.base as usize + fw as usize;
    if d.closure == 0 {
        return start_or_continue(prog, g, PanicValue::Runtime(NIL_DEREF.into()));
    }
    // SAFETY: a non-nil func value points at a closure object.
    let f = unsafe { value::read_word(d.closure, 0) };
    let Some(callee) = prog.funcs.get(f as usize) else {
        return Flow::Exit(Exit::Fatal("bad deferred function".into()));
    };
    if !g.ensure(nb + (callee.frame_words as usize).max(d.args.len()) + 1) {
        return Flow::Exit(Exit::Fatal("stack overflow".into()));
    }
    g.stack[nb..nb + d.args.len()].copy_from_slice(&d.args);
    g.frames.push(Frame {
        func: f as u32,
        pc: 0,
        base: nb as u32,
        closure: d.closure,
        deferred_panic: panicking,
    });
    Flow::Continue
}

fn start_or_continue(prog: &Program, g: &mut G, v: PanicValue) -> Flow {
    start_panic(prog, g, v)
}

/// Starts a panic (or replaces the current one, as a panic inside a
/// deferred call does) and unwinds to the next deferred call.
fn start_panic(prog: &Program, g: &mut G, v: PanicValue) -> Flow {
    let trace = capture(g);
    // Go 1.23+: panicking again with the value just recovered reports
    // `[recovered, repanicked]` instead of a second panic.
    let repanicked = g
        .panicking
        .as_ref()
        .is_some_and(|old| old.recovered && same_panic_value(prog, &old.value, &v));
    let earlier = match g.panicking.take() {
        Some(old) if !repanicked => {
            let mut e = old.earlier;
            e.push((old.value, old.recovered));
            e
        }
        Some(old) => old.earlier,
        None => Vec::new(),
    };
    g.panicking = Some(Panicking {
        value: v,
        recovered: false,
        repanicked,
        earlier,
        trace,
    });
    unwind(prog, g)
}

/// Whether panic value `new` is the recovered value `old` (a runtime
/// error is recovered as a `runtime.Error` box holding its message).
fn same_panic_value(prog: &Program, old: &PanicValue, new: &PanicValue) -> bool {
    match (old, new) {
        (PanicValue::Value(a), PanicValue::Value(b)) => a == b,
        (PanicValue::Runtime(msg), PanicValue::Value(b)) => {
            let Some(t) = crate::panic::box_type(*b) else {
                return false;
            };
            if !gol_lang::codegen::RUNTIME_ERROR_TYPES.contains(&prog.ty(t).name.as_str()) {
                return false;
            }
            // SAFETY: a runtime.Error box holds a string (ptr, len) after
            // its type word (value invariants 1 and 3).
            let s = unsafe { value::str_bytes(value::read_word(*b, 1), value::read_word(*b, 2)) };
            s == msg.as_bytes()
        }
        _ => false,
    }
}

/// Runs the next deferred call of a panicking goroutine, or ends the slice
/// with `Exit::Panic` when none is left.
fn unwind(prog: &Program, g: &mut G) -> Flow {
    let Some(d) = g.defers.last().map(|d| d.frame) else {
        return Flow::Exit(Exit::Panic);
    };
    // Frames above the deferring one are gone.
    g.frames.truncate(d + 1);
    run_deferred(prog, g, d, true)
}

/// A deferred call run by a panic has returned: if it recovered, its
/// deferring frame returns normally; otherwise unwinding continues.
fn after_deferred_panic(prog: &Program, g: &mut G) -> Flow {
    let recovered = g.panicking.as_ref().is_some_and(|p| p.recovered);
    if !recovered {
        return unwind(prog, g);
    }
    g.panicking = None;
    if let Some(f) = g.frames.last_mut() {
        let rp = prog.funcs.get(f.func as usize).map_or(0, |x| x.recover_pc);
        f.pc = rp;
    }
    Flow::Continue
}

/// The bytes of the string in slots `a`, `a+1`.
fn str_at(g: &G, base: usize, a: Reg) -> &[u8] {
    let p = g.stack[base + a.0 as usize];
    let l = g.stack[base + a.0 as usize + 1];
    // SAFETY: the two slots hold a string value (value invariant 1), alive
    // while referenced from the goroutine's stack.
    unsafe { value::str_bytes(p, l) }
}

/// `n` words from `p` (the elements of a slice).
fn read_elems(p: u64, n: usize) -> Vec<u64> {
    if p == 0 || n == 0 {
        return Vec::new();
    }
    // SAFETY: `p` is a slice's array pointer and n words are within its
    // length (value invariant 2).
    (0..n).map(|k| unsafe { value::read_word(p, k) }).collect()
}

/// Go's UTF-8 decoding at byte `i`: (rune, width); invalid bytes decode as
/// U+FFFD with width 1.
pub fn decode_rune(s: &[u8], i: usize) -> (u32, usize) {
    let Some(rest) = s.get(i..) else {
        return (0xFFFD, 1);
    };
    let chunk = &rest[..rest.len().min(4)];
    let valid = match std::str::from_utf8(chunk) {
        Ok(v) => v,
        Err(e) => {
            // SAFETY-free: `valid_up_to` bytes are valid UTF-8.
            std::str::from_utf8(&chunk[..e.valid_up_to()]).unwrap_or("")
        }
    };
    match valid.chars().next() {
        Some(c) => (c as u32, c.len_utf8()),
        None => (0xFFFD, 1),
    }
}

/// Go's `min` of two floats: NaN if either is NaN, and -0 below +0.
fn go_min(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        // Equal values differ only in the sign of zero: -0 is smaller.
        return if x.is_sign_negative() { x } else { y };
    }
    x.min(y)
}

/// The key's and the value's words of map type `t`.
fn map_kv(prog: &Program, t: RtType) -> (usize, usize) {
    match prog.ty(t).kind {
        TypeKind::Map(k, v) => (prog.ty(k).words as usize, prog.ty(v).words as usize),
        _ => (0, 0),
    }
}

/// The first method of interface type `iface` that type `dt` lacks.
fn missing_method(prog: &Program, dt: RtType, iface: RtType) -> Option<&str> {
    let have = &prog.ty(dt).methods;
    prog.ty(iface)
        .methods
        .iter()
        .map(|(n, _)| n.as_str())
        .find(|n| have.binary_search_by(|(h, _)| h.as_str().cmp(n)).is_err())
}

/// Interface equality: same dynamic type and equal values; comparing
/// uncomparable dynamic types panics as in Go.
fn iface_equal(prog: &Program, a: u64, b: u64) -> Result<bool, String> {
    crate::map::iface_equal(prog, a, b).map_err(|u| {
        format!(
            "runtime error: comparing uncomparable type {}",
            prog.ty(u).name
        )
    })
}

impl Vm {
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

    /// A new closure object: `[function, captures...]`.
    pub(crate) fn new_closure(&mut self, f: FuncId, caps: &[u64]) -> u64 {
        let n = caps.len() + 1;
        let mut mask = vec![0u64; n.div_ceil(64)];
        for k in 1..n {
            mask[k / 64] |= 1 << (k % 64);
        }
        let layout = gol_gc::Layout::pointers(&mask, n);
        let p = self.heap.alloc(&mut self.cache, n * 8, layout) as u64;
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

    /// Stores `words` (whole elements of type `t`, repeated) at word `off`
    /// of the object at `p`, through the write barrier for pointer words.
    ///
    /// # Safety
    /// `p` points at a live object with at least `off + words.len()` words
    /// whose words from `off` hold values of type `t`.
    pub(crate) unsafe fn store_words(&mut self, p: u64, off: usize, words: &[u64], t: RtType) {
        let Some(d) = self.prog.types.get(t.0 as usize) else {
            return;
        };
        let ew = d.words.max(1) as usize;
        for (k, &w) in words.iter().enumerate() {
            let e = k % ew;
            let is_ptr = d
                .ptr_mask
                .get(e / 64)
                .is_some_and(|m| m & (1 << (e % 64)) != 0);
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
    }

    /// `append(s, elems...)` with Go's growth.
    pub(crate) fn append(
        &mut self,
        t: RtType,
        s: (u64, u64, u64),
        words: &[u64],
        n: u64,
    ) -> (u64, u64, u64) {
        let (p, l, c) = s;
        if n == 0 {
            return s;
        }
        let ew = self.prog.ty(t).words.max(1) as usize;
        if l + n <= c {
            // SAFETY: l + n <= cap elements fit in the array (invariant 2).
            unsafe { self.store_words(p, l as usize * ew, words, t) };
            return (p, l + n, c);
        }
        let esize = go_size(&self.prog, t).max(1);
        let nc = grow_cap(c as usize, (l + n) as usize, esize) as u64;
        let np = self.alloc_typed(t, nc as usize * ew);
        let old = read_elems(p, l as usize * ew);
        // SAFETY: the fresh array has nc >= l + n elements.
        unsafe {
            self.store_words(np, 0, &old, t);
            self.store_words(np, l as usize * ew, words, t);
        }
        (np, l + n, nc)
    }
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
        TypeKind::Int { bits, .. } | TypeKind::Float { bits } => *bits as usize / 8,
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
        TypeKind::Array(_, e) => go_align(prog, *e, depth + 1),
        TypeKind::Struct(fs) => fs
            .iter()
            .map(|f| go_align(prog, f.ty, depth + 1))
            .max()
            .unwrap_or(1),
        _ => 8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rune_like_go() {
        assert_eq!(decode_rune("héllo".as_bytes(), 1), (0xE9, 2));
        assert_eq!(decode_rune(b"\xff", 0), (0xFFFD, 1));
        assert_eq!(decode_rune(b"\xe2\x82", 0), (0xFFFD, 1));
        assert_eq!(decode_rune("€".as_bytes(), 0), (0x20AC, 3));
        assert_eq!(decode_rune(b"a", 5), (0xFFFD, 1));
    }
}

/// Runs Go function `f` (with closure object `closure`, 0 for none) to
/// completion on `g` for a native that is running in `g`'s top frame, and
/// returns its result words: the engine behind [`NativeCtx::call`] (see
/// the native module docs for its limits).
///
/// How: the callee's window starts above the native's frame; below the
/// callee sits a *sentinel* frame whose function index is out of range, so
/// when the callee returns, [`run`] stops at the sentinel with a fatal
/// "bad function index", which is recognised here as the normal return.
/// The goroutine's deferred calls and panic state are set aside meanwhile,
/// so a panic the callee does not recover ends the loop with
/// `Exit::Panic` instead of unwinding frames below the sentinel (which
/// belong to the native's callers and to Rust frames that are still
/// running). Budget-spent slices are resumed at once: this is not a
/// safepoint.
pub(crate) fn run_nested(
    vm: &mut Vm,
    g: &mut G,
    f: FuncId,
    closure: u64,
    args: &[u64],
) -> Result<Vec<u64>, crate::native::CallError> {
    use crate::native::CallError;
    const SENTINEL: u32 = u32::MAX;
    let prog = vm.prog.clone();
    let Some(callee) = prog.funcs.get(f.0 as usize) else {
        return Err(CallError::Fatal);
    };
    let top = match g.frames.last() {
        Some(fr) => {
            fr.base as usize
                + prog
                    .funcs
                    .get(fr.func as usize)
                    .map_or(0, |x| x.frame_words as usize)
        }
        None => 0,
    };
    let depth = g.frames.len();
    let base = top + 1;
    if !g.ensure(base + args.len().max(callee.frame_words as usize) + 1) {
        let _ = vm.stdout.flush();
        crate::panic::fatal(vm, g, "stack overflow");
        return Err(CallError::Fatal);
    }
    g.stack[base..base + args.len()].copy_from_slice(args);
    let saved_defers = std::mem::take(&mut g.defers);
    let saved_panic = g.panicking.take();
    g.frames.push(Frame {
        func: SENTINEL,
        pc: 0,
        base: top as u32,
        closure: 0,
        deferred_panic: false,
    });
    g.frames.push(Frame {
        func: f.0,
        pc: 0,
        base: base as u32,
        closure,
        deferred_panic: false,
    });
    let outcome = loop {
        match run(vm, g, SLICE_BUDGET) {
            Exit::Yield => {}
            Exit::Fatal(msg) => {
                if g.frames.len() == depth + 1
                    && g.frames.last().is_some_and(|f| f.func == SENTINEL)
                {
                    let n = callee.result_words as usize;
                    break Ok(g
                        .stack
                        .get(base..base + n)
                        .map_or_else(Vec::new, <[u64]>::to_vec));
                }
                let _ = vm.stdout.flush();
                crate::panic::fatal(vm, g, &msg);
                break Err(CallError::Fatal);
            }
            // The sentinel keeps the frame stack from emptying; reaching
            // `Done` would mean the callee returned past it.
            Exit::Done => break Err(CallError::Fatal),
            Exit::Exit(code) => break Err(CallError::Exit(code)),
            Exit::Panic => {
                let (value, runtime) = match g.panicking.take() {
                    Some(p) => crate::native::panic_word(vm, &p.value),
                    None => (0, None),
                };
                break Err(CallError::Panic { value, runtime });
            }
        }
    };
    g.frames.truncate(depth);
    g.defers = saved_defers;
    g.panicking = saved_panic;
    outcome
}
