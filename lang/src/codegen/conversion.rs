//! Conversions: between numeric types, strings, byte and rune slices, and
//! to interfaces.
//!
//! A value in slots is boxed into an interface in one place,
//! [`FnGen::box_iface`] (`ToIface`); an expression converted to an
//! interface goes through [`FnGen::convert_to`], which boxes a huge value
//! memory to memory (`BoxValue`) instead, and a value already in slots
//! that may need boxing (a multi-value call's result, a range value)
//! through [`FnGen::value_as`].

use super::func::FnGen;
use crate::ast::Expr;
use crate::basic::BasicKind;
use crate::bytecode::{Op, Reg};
use crate::types::{Type, TypeId};

impl<'g, 'a> FnGen<'g, 'a> {
    /// Boxes the value of type `t` held in slots from `a` into the
    /// interface in `d` (`ToIface`, given the dynamic type and the
    /// value's width in words).
    pub(super) fn box_iface(&mut self, d: Reg, a: Reg, t: TypeId) {
        let rt = self.g.rt_type(t);
        let n = self.words(t);
        self.emit(Op::ToIface { d, a, n, t: rt });
    }

    /// The value of type `vt` in slots from `r`, as a value of type `to`:
    /// when `to` is an interface and `vt` is not (one value of a
    /// multi-value right side, a range value, stored into an interface
    /// variable), a fresh slot holding it boxed; else `r` itself.
    pub(super) fn value_as(&mut self, r: Reg, vt: TypeId, to: TypeId) -> Reg {
        if self.is_iface(to) && !self.is_iface(vt) {
            let b = self.alloc(1);
            self.box_iface(b, r, vt);
            b
        } else {
            r
        }
    }

    /// `e` converted to type `t` (assignability: to interface, nil) into `d`.
    pub(super) fn convert_to(&mut self, e: &'a Expr, t: TypeId, d: Reg) {
        let et = self.ty(e);
        if self.is_iface(t) && !self.is_iface(et) {
            if self.is_nil(e) {
                self.emit(Op::Zero { d, n: 1 });
                return;
            }
            if let Some(v) = self.const_value(e) {
                let w = self.words(et);
                let tmp = self.alloc(w);
                self.const_to(v, et, tmp);
                self.box_iface(d, tmp, et);
                return;
            }
            if self.huge(et) {
                let s = self.alloc(1);
                self.huge_addr(e, s);
                let t = self.g.rt_type(et);
                self.emit(Op::BoxValue { d, a: s, t });
                return;
            }
            let tmp = self.operand(e);
            self.box_iface(d, tmp, et);
            return;
        }
        if let Some(v) = self.const_value(e) {
            self.const_to(v, t, d);
            return;
        }
        self.expr_to(e, d);
    }

    pub(super) fn conversion(&mut self, e: &'a Expr, x: &'a Expr, t: TypeId, d: Reg) {
        let xt = self.ty(x);
        let tk = self.basic(t);
        let xk = self.basic(xt);
        if self.is_iface(t) {
            return self.convert_to(x, t, d);
        }
        match (xk, tk) {
            (Some(a), Some(b)) if a.is_integer() && b.is_integer() => {
                self.expr_to(x, d);
                self.wrap(d, t);
            }
            (Some(a), Some(b))
                if a.is_integer() && matches!(b, BasicKind::Float32 | BasicKind::Float64) =>
            {
                let r = self.operand(x);
                if self.g.tt.is_unsigned(xt) {
                    self.emit(Op::UintToF64 { d, a: r });
                } else {
                    self.emit(Op::IntToF64 { d, a: r });
                }
                self.wrap(d, t);
            }
            (Some(a), Some(b))
                if matches!(a, BasicKind::Float32 | BasicKind::Float64) && b.is_integer() =>
            {
                let r = self.operand(x);
                if self.g.tt.is_unsigned(t) {
                    self.emit(Op::F64ToUint { d, a: r });
                } else {
                    self.emit(Op::F64ToInt { d, a: r });
                }
                self.wrap(d, t);
            }
            (Some(a), Some(b))
                if matches!(a, BasicKind::Float32 | BasicKind::Float64)
                    && matches!(b, BasicKind::Float32 | BasicKind::Float64) =>
            {
                self.expr_to(x, d);
                self.wrap(d, t);
            }
            (Some(a), Some(b)) if a.is_complex() && b.is_complex() => {
                self.expr_to(x, d);
                if b == BasicKind::Complex64 {
                    self.emit(Op::RoundF32 { d, a: d });
                    let im = Reg(d.0 + 1);
                    self.emit(Op::RoundF32 { d: im, a: im });
                }
            }
            (Some(a), Some(BasicKind::String)) if a.is_integer() => {
                let r = self.operand(x);
                self.emit(Op::RuneToStr { d, a: r });
            }
            (Some(BasicKind::String), Some(BasicKind::String)) => self.expr_to(x, d),
            (Some(BasicKind::String), None) => {
                let r = self.operand(x);
                match self.under(t) {
                    Type::Slice(el) if matches!(self.basic(*el), Some(BasicKind::Uint8)) => {
                        self.emit(Op::StrToBytes { d, a: r });
                    }
                    Type::Slice(el) if matches!(self.basic(*el), Some(BasicKind::Int32)) => {
                        self.emit(Op::StrToRunes { d, a: r });
                    }
                    _ => self.err(e.span, "this conversion"),
                }
            }
            (None, Some(BasicKind::String)) => {
                let r = self.operand(x);
                match self.under(xt) {
                    Type::Slice(el) if matches!(self.basic(*el), Some(BasicKind::Uint8)) => {
                        self.emit(Op::BytesToStr { d, a: r });
                    }
                    Type::Slice(el) if matches!(self.basic(*el), Some(BasicKind::Int32)) => {
                        self.emit(Op::RunesToStr { d, a: r });
                    }
                    _ => self.err(e.span, "this conversion"),
                }
            }
            _ if matches!(self.under(xt), Type::Slice(_))
                && !matches!(self.under(t), Type::Slice(_)) =>
            {
                // []T to [N]T or *[N]T (Go 1.20).
                let (n, is_ptr) = match self.under(t) {
                    Type::Array(n, _) => (*n, false),
                    Type::Pointer(p) => match self.under(*p) {
                        Type::Array(n, _) => (*n, true),
                        _ => (0, true),
                    },
                    _ => (0, true),
                };
                let r = self.operand(x);
                if is_ptr {
                    self.emit(Op::SliceToArrayPtr {
                        d,
                        a: r,
                        n: n as u32,
                    });
                } else {
                    let p = self.alloc(1);
                    self.emit(Op::SliceToArrayPtr {
                        d: p,
                        a: r,
                        n: n as u32,
                    });
                    if self.words(t) > 0 {
                        self.load_mem(d, p, 0, t);
                    }
                }
            }
            _ => {
                if self.g.tt.identical(self.g.tt.under(xt), self.g.tt.under(t))
                    || self.words(xt) == self.words(t)
                {
                    self.expr_to(x, d);
                } else {
                    self.err(e.span, "this conversion");
                }
            }
        }
    }
}
