//! Built-in functions: `len`, `cap`, `append`, `copy`, `delete`, `make`,
//! `new`, `panic`, `recover`, `print`/`println`, `min`/`max`, `clear`,
//! `close`, and `complex`, `real` and `imag` (moves of a complex value's
//! two float words).
//!
//! Each compiles to one or a few instructions; the ones applied to a
//! multi-value call's results (`print(f())`) take them from slots.

use super::call::ArgSrc;
use super::func::FnGen;
use crate::ast::{BinaryOp, Expr};
use crate::basic::BasicKind;
use crate::bytecode::{Op, Pc, PrintKind, Reg};
use crate::check::Mode;
use crate::types::{ids, Builtin, Type, TypeId};

impl<'g, 'a> FnGen<'g, 'a> {
    /// `print`/`println` of values already evaluated into slots: each
    /// value, separated by spaces and ended by a newline for `println`.
    pub(super) fn emit_prints(&mut self, b: Builtin, vals: &[(Reg, TypeId)]) {
        for (k, &(r, t)) in vals.iter().enumerate() {
            if k > 0 && b == Builtin::Println {
                self.emit(Op::Print {
                    a: Reg(0),
                    k: PrintKind::Space,
                });
            }
            let k = self.print_kind(t);
            self.emit(Op::Print { a: r, k });
        }
        if b == Builtin::Println {
            self.emit(Op::Print {
                a: Reg(0),
                k: PrintKind::Newline,
            });
        }
    }

    pub(super) fn builtin(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        args: &'a [Expr],
        spread: bool,
        d: Reg,
    ) {
        match b {
            Builtin::Print | Builtin::Println => {
                // As Go: every argument is evaluated before anything is
                // printed (a call among them prints first); println(f())
                // with f returning several values prints each.
                let m = self.top;
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    let t = self.ty(a);
                    match self.g.tt.tuple_elems(t).map(|x| x.to_vec()) {
                        Some(elems) => {
                            let tmp = self.alloc(self.words(t).max(1));
                            self.expr_to(a, tmp);
                            let mut off = 0;
                            for et in elems {
                                vals.push((Reg(tmp.0 + off), et));
                                off += self.words(et);
                            }
                        }
                        None => {
                            let r = self.operand_as(a, t);
                            vals.push((r, t));
                        }
                    }
                }
                self.emit_prints(b, &vals);
                self.top = m;
            }
            Builtin::Len | Builtin::Cap => {
                let x = &args[0];
                let xt = self.ty(x);
                match self.under(xt).clone() {
                    Type::Basic(..) => {
                        let r = self.operand(x);
                        self.emit(Op::StrLen { d, a: r });
                    }
                    Type::Slice(_) => {
                        let r = self.operand(x);
                        let w = if b == Builtin::Len { 1 } else { 2 };
                        self.emit(Op::Move { d, a: Reg(r.0 + w) });
                    }
                    Type::Array(..) | Type::Pointer(_) => {
                        let n = match self.under(xt).clone() {
                            Type::Array(n, _) => n,
                            Type::Pointer(p) => match self.under(p) {
                                Type::Array(n, _) => *n,
                                _ => {
                                    self.err(e.span, "len or cap of this type");
                                    return;
                                }
                            },
                            _ => 0,
                        };
                        // Not a constant: the operand holds a call or a
                        // receive, which runs (the length is the type's).
                        let constant = self
                            .g
                            .info
                            .types
                            .get(&e.id)
                            .is_some_and(|tv| tv.mode == Mode::Constant);
                        if !constant {
                            let m = self.top;
                            let _ = self.operand(x);
                            self.top = m;
                        }
                        self.emit(Op::LoadInt { d, v: n as i64 });
                    }
                    Type::Map(..) => {
                        let r = self.operand(x);
                        self.emit(Op::MapLen { d, a: r });
                    }
                    Type::Chan(..) => {
                        let r = self.operand(x);
                        let cap = b == Builtin::Cap;
                        self.emit(Op::ChanLen { d, c: r, cap });
                    }
                    _ => self.err(e.span, "len or cap of this type"),
                }
            }
            Builtin::Panic => {
                let r = self.alloc(1);
                self.convert_to(&args[0], ids::ANY, r);
                self.set_pos(e.span.lo);
                self.emit(Op::Panic { a: r });
            }
            Builtin::Recover => {
                self.emit(Op::Recover { d });
            }
            Builtin::New => {
                let t = self.ty(e);
                let et = self.g.tt.pointer_elem(t).unwrap_or(ids::INVALID);
                let rt = self.g.rt_type(et);
                let of_type = self
                    .g
                    .info
                    .types
                    .get(&args[0].id)
                    .is_some_and(|tv| tv.mode == Mode::TypeExpr);
                if of_type {
                    self.emit(Op::New { d, t: rt });
                } else {
                    // Go 1.26's `new(expr)`: a fresh variable holding the
                    // value, evaluated before the allocation.
                    let w = self.words(et);
                    let v = self.alloc(w);
                    self.convert_to(&args[0], et, v);
                    self.new_holding(d, rt, v);
                }
            }
            Builtin::Append | Builtin::Copy | Builtin::Delete | Builtin::Complex
                if args.len() == 1 && self.g.tt.tuple_elems(self.ty(&args[0])).is_some() =>
            {
                self.builtin_of_tuple(e, b, &args[0], d);
            }
            Builtin::Append => {
                let st = self.ty(e);
                let et = match self.under(st) {
                    Type::Slice(x) => *x,
                    _ => ids::INVALID,
                };
                let rt = self.g.rt_type(et);
                let s = self.alloc(3);
                self.convert_to(&args[0], st, s);
                if spread {
                    let xt = self.ty(&args[1]);
                    let o = self.alloc(3);
                    if self.basic(xt) == Some(BasicKind::String) {
                        let sr = self.operand(&args[1]);
                        self.emit(Op::AppendStr {
                            d,
                            a: s,
                            b: sr,
                            t: rt,
                        });
                    } else {
                        self.expr_to(&args[1], o);
                        self.emit(Op::AppendSlice {
                            d,
                            a: s,
                            b: o,
                            t: rt,
                        });
                    }
                } else {
                    let ew = self.words(et);
                    let n = args.len() as u32 - 1;
                    let a = self.alloc(ew * n.max(1));
                    for (k, x) in args[1..].iter().enumerate() {
                        let m = self.top;
                        self.convert_to(x, et, Reg(a.0 + k as u32 * ew));
                        self.top = m;
                    }
                    self.emit(Op::Append {
                        d,
                        a: s,
                        b: a,
                        n,
                        t: rt,
                    });
                }
            }
            Builtin::Copy => {
                let dt = self.ty(&args[0]);
                let et = match self.under(dt) {
                    Type::Slice(x) => *x,
                    _ => ids::INVALID,
                };
                let rt = self.g.rt_type(et);
                let a = self.operand(&args[0]);
                let st = self.ty(&args[1]);
                if self.basic(st) == Some(BasicKind::String) {
                    let b = self.operand(&args[1]);
                    self.emit(Op::CopyStr { d, a, b });
                } else {
                    let b = self.operand(&args[1]);
                    self.emit(Op::CopySlice { d, a, b, t: rt });
                }
            }
            Builtin::Make => {
                let t = self.ty(e);
                match self.under(t).clone() {
                    Type::Slice(et) => {
                        let rt = self.g.rt_type(et);
                        let len = self.alloc(1);
                        self.convert_to(&args[1], ids::INT, len);
                        let cap = if let Some(c) = args.get(2) {
                            let r = self.alloc(1);
                            self.convert_to(c, ids::INT, r);
                            r
                        } else {
                            len
                        };
                        self.emit(Op::MakeSlice { d, t: rt, len, cap });
                    }
                    Type::Map(..) => {
                        let rt = self.g.rt_type(t);
                        let hint = self.alloc(1);
                        match args.get(1) {
                            Some(h) => self.convert_to(h, ids::INT, hint),
                            None => {
                                self.emit(Op::LoadInt { d: hint, v: 0 });
                            }
                        }
                        self.emit(Op::MakeMap { d, t: rt, hint });
                    }
                    Type::Chan(_, et) => {
                        let cap = self.alloc(1);
                        match args.get(1) {
                            Some(h) => self.convert_to(h, ids::INT, cap),
                            None => {
                                self.emit(Op::LoadInt { d: cap, v: 0 });
                            }
                        }
                        let t = self.g.rt_type(et);
                        self.set_pos(e.span.lo);
                        self.emit(Op::MakeChan { d, cap, t });
                    }
                    _ => self.err(e.span, "make of this type"),
                }
            }
            Builtin::Min | Builtin::Max if self.g.tt.is_float(self.ty(e)) => {
                let t = self.ty(e);
                self.convert_to(&args[0], t, d);
                for a in &args[1..] {
                    let m = self.top;
                    let r = self.alloc(1);
                    self.convert_to(a, t, r);
                    if b == Builtin::Min {
                        self.emit(Op::MinF64 { d, a: d, b: r });
                    } else {
                        self.emit(Op::MaxF64 { d, a: d, b: r });
                    }
                    self.top = m;
                }
            }
            Builtin::Min | Builtin::Max => {
                let t = self.ty(e);
                self.convert_to(&args[0], t, d);
                for a in &args[1..] {
                    let m = self.top;
                    let r = self.alloc(self.words(t));
                    self.convert_to(a, t, r);
                    let c = self.alloc(1);
                    // min: take r if r < d; max: if d < r.
                    let (x, y) = if b == Builtin::Min { (r, d) } else { (d, r) };
                    self.compare(BinaryOp::Lt, c, x, y, t, e.span);
                    let j = self.emit(Op::JumpIfNot { a: c, to: Pc(0) });
                    let w = self.words(t);
                    self.emit(Op::MoveN { d, a: r, n: w });
                    self.patch_here(&[j]);
                    self.top = m;
                }
            }
            Builtin::Delete => {
                let mt = self.ty(&args[0]);
                let kt = match self.under(mt) {
                    Type::Map(k, _) => *k,
                    _ => ids::INVALID,
                };
                let m = self.operand(&args[0]);
                let k = self.alloc(self.words(kt));
                self.convert_to(&args[1], kt, k);
                let t = self.g.rt_type(mt);
                self.emit(Op::MapDelete { m, k, t });
            }
            Builtin::Clear => {
                let xt = self.ty(&args[0]);
                let r = self.operand(&args[0]);
                match self.under(xt).clone() {
                    Type::Map(..) => {
                        self.emit(Op::MapClear { a: r });
                    }
                    Type::Slice(et) => {
                        let t = self.g.rt_type(et);
                        self.emit(Op::ClearSlice { a: r, t });
                    }
                    _ => self.err(e.span, "clear of this type"),
                }
            }
            Builtin::Close => {
                let r = self.operand(&args[0]);
                self.set_pos(e.span.lo);
                self.emit(Op::ChanClose { c: r });
            }
            Builtin::Complex => {
                // complex(re, im): the two floats are the value's two
                // words (a constant call was folded by the checker). A
                // variable in `re` or `im` is never `d` itself: an
                // assignment computes into a temporary first.
                let pt = match self.basic(self.ty(e)) {
                    Some(BasicKind::Complex64) => ids::FLOAT32,
                    _ => ids::FLOAT64,
                };
                let im = self.alloc(1);
                self.convert_to(&args[0], pt, d);
                self.convert_to(&args[1], pt, im);
                self.emit(Op::Move {
                    d: Reg(d.0 + 1),
                    a: im,
                });
            }
            Builtin::Real | Builtin::Imag => {
                let z = self.operand(&args[0]);
                let part = if b == Builtin::Real { z } else { Reg(z.0 + 1) };
                self.emit(Op::Move { d, a: part });
            }
        }
    }

    /// `append(f())`, `copy(f())`, `delete(f())`, `complex(f())`: the
    /// call's results are the builtin's arguments.
    pub(super) fn builtin_of_tuple(&mut self, e: &'a Expr, b: Builtin, x: &'a Expr, d: Reg) {
        let elems = self
            .g
            .tt
            .tuple_elems(self.ty(x))
            .map(|x| x.to_vec())
            .unwrap_or_default();
        let tmp = self.alloc(self.words(self.ty(x)).max(1));
        self.expr_to(x, tmp);
        let mut regs = Vec::new();
        let mut off = 0;
        for &t in &elems {
            regs.push(Reg(tmp.0 + off));
            off += self.words(t);
        }
        let (Some(&a0), Some(&t0), Some(&a1), Some(&t1)) =
            (regs.first(), elems.first(), regs.get(1), elems.get(1))
        else {
            self.err(e.span, &format!("this {} call", b.name()));
            return;
        };
        match b {
            Builtin::Append => {
                let et = match self.under(self.ty(e)) {
                    Type::Slice(x) => *x,
                    _ => ids::INVALID,
                };
                let ew = self.words(et);
                let n = elems.len() as u32 - 1;
                let a = self.alloc(ew * n);
                for (k, (&r, &t)) in regs.iter().zip(&elems).skip(1).enumerate() {
                    self.arg_to(ArgSrc::Val(r, t), et, Reg(a.0 + k as u32 * ew));
                }
                let rt = self.g.rt_type(et);
                self.emit(Op::Append {
                    d,
                    a: a0,
                    b: a,
                    n,
                    t: rt,
                });
            }
            Builtin::Complex => {
                // The checker made both results the same float type: the
                // value's two words.
                self.emit(Op::Move { d, a: a0 });
                self.emit(Op::Move {
                    d: Reg(d.0 + 1),
                    a: a1,
                });
            }
            Builtin::Copy => {
                let et = match self.under(t0) {
                    Type::Slice(x) => *x,
                    _ => ids::INVALID,
                };
                let rt = self.g.rt_type(et);
                let src = if self.basic(t1) == Some(BasicKind::String) {
                    let o = self.alloc(3);
                    self.emit(Op::StrToBytes { d: o, a: a1 });
                    o
                } else {
                    a1
                };
                self.emit(Op::CopySlice {
                    d,
                    a: a0,
                    b: src,
                    t: rt,
                });
            }
            _ => {
                let kt = match self.under(t0) {
                    Type::Map(k, _) => *k,
                    _ => ids::INVALID,
                };
                let k = self.alloc(self.words(kt).max(1));
                self.arg_to(ArgSrc::Val(a1, t1), kt, k);
                let t = self.g.rt_type(t0);
                self.emit(Op::MapDelete { m: a0, k, t });
            }
        }
    }

    pub(super) fn print_kind(&self, t: TypeId) -> PrintKind {
        match self.under(t) {
            Type::Basic(k, _) => match k {
                BasicKind::Bool | BasicKind::UntypedBool => PrintKind::Bool,
                BasicKind::Float32 => PrintKind::F32,
                BasicKind::Float64 | BasicKind::UntypedFloat => PrintKind::F64,
                BasicKind::Complex64 => PrintKind::Complex64,
                BasicKind::Complex128 | BasicKind::UntypedComplex => PrintKind::Complex128,
                BasicKind::String | BasicKind::UntypedString => PrintKind::Str,
                k if k.is_unsigned() => PrintKind::Uint,
                BasicKind::UntypedNil => PrintKind::Pointer,
                _ => PrintKind::Int,
            },
            Type::Interface(_) => PrintKind::Iface,
            Type::Slice(_) => PrintKind::Slice,
            _ => PrintKind::Pointer,
        }
    }
}
