//! Composite literals: structs, arrays, slices and maps, and `&T{...}`.
//!
//! A literal whose type is too large for slots (over
//! `MAX_STACK_VAR_BYTES`) is built directly in memory
//! ([`FnGen::composite_heap`]); elements that are not given are zero, as
//! a fresh object is.

use super::func::{strip_parens, FnGen};
use crate::ast::{self, Expr, ExprKind, Span};
use crate::bytecode::{Op, Reg};
use crate::types::{Field, Type, TypeId};

impl<'g, 'a> FnGen<'g, 'a> {
    /// Fills the zeroed object of type `t` (an array or struct too large
    /// for slots) at pointer `p` with the elements of a composite literal,
    /// one element at a time.
    pub(super) fn composite_heap(&mut self, t: TypeId, elems: &'a [ast::Element], p: Reg) {
        match self.under(t).clone() {
            Type::Struct(fs) => {
                let moffs = self.g.tt.field_moffs(t);
                for (ty, fi, _, el) in self.struct_elems(&fs, elems) {
                    let off = moffs.get(fi).copied().unwrap_or(0);
                    self.store_part(&el.value, ty, p, off);
                }
            }
            Type::Array(_, et) => {
                let es = self.g.tt.mem(et).0;
                let Some((_, idx)) = self.literal_indices(elems) else {
                    return;
                };
                for (el, &k) in elems.iter().zip(&idx) {
                    self.store_part(&el.value, et, p, k.saturating_mul(es));
                }
            }
            _ => self.err(
                elems.first().map_or(Span::default(), |e| e.value.span),
                "a composite literal of this type and size",
            ),
        }
    }

    /// What each element of a struct literal sets, in the literal's order:
    /// the field's type, index and word offset in slots, and the element
    /// (keyed by field name, or by position). An element naming no field
    /// (the checker has already refused the program) is reported and left
    /// out.
    fn struct_elems(
        &mut self,
        fs: &[Field],
        elems: &'a [ast::Element],
    ) -> Vec<(TypeId, usize, u32, &'a ast::Element)> {
        let mut offs = Vec::with_capacity(fs.len());
        let mut o = 0u32;
        for f in fs {
            offs.push(o);
            o += self.words(f.ty);
        }
        let mut out = Vec::with_capacity(elems.len());
        for (k, el) in elems.iter().enumerate() {
            let fi = match &el.key {
                Some(key) => match &key.kind {
                    ExprKind::Ident(id) => fs.iter().position(|f| f.name == id.name),
                    _ => None,
                },
                None => Some(k),
            };
            match fi {
                Some(fi) => out.push((fs[fi].ty, fi, offs[fi], el)),
                None => self.err(el.value.span, "this composite literal element"),
            }
        }
        out
    }

    /// Stores `e` converted to `t` at byte `off` of the object at `p`.
    pub(super) fn store_part(&mut self, e: &'a Expr, t: TypeId, p: Reg, off: u64) {
        let keep = self.top;
        let rt = self.g.rt_type(t);
        if self.huge(t) {
            let q = self.alloc(1);
            let o = self.alloc(1);
            self.emit(Op::LoadInt {
                d: o,
                v: off as i64,
            });
            self.emit(Op::AddInt { d: q, a: p, b: o });
            if let ExprKind::Composite { elems, .. } = &strip_parens(e).kind {
                self.composite_heap(t, elems, q);
            } else {
                let s = self.alloc(1);
                self.huge_addr(e, s);
                self.emit(Op::CopyValue { d: q, a: s, t: rt });
            }
        } else {
            let w = self.words(t);
            let r = self.alloc(w);
            self.convert_to(e, t, r);
            self.store_mem(p, off, r, t);
        }
        self.top = keep;
    }

    pub(super) fn composite(&mut self, e: &'a Expr, elems: &'a [ast::Element], d: Reg) {
        let t = self.ty(e);
        self.composite_as(e, t, elems, d);
    }

    /// The element index of each element of an array or slice literal
    /// (keys are constant indices) and the literal's length.
    pub(super) fn literal_indices(&mut self, elems: &'a [ast::Element]) -> Option<(u64, Vec<u64>)> {
        let mut idx = Vec::with_capacity(elems.len());
        let mut next = 0u64;
        let mut n = 0u64;
        for el in elems {
            if let Some(k) = &el.key {
                match self.const_value(k).and_then(|v| v.to_u64()) {
                    Some(i) => next = i,
                    None => {
                        self.err(k.span, "this literal index");
                        return None;
                    }
                }
            }
            idx.push(next);
            next += 1;
            n = n.max(next);
        }
        if n > 1 << 24 {
            self.err(
                elems.first().map_or(Span::default(), |e| e.value.span),
                "a literal this long",
            );
            return None;
        }
        Some((n, idx))
    }

    pub(super) fn composite_as(
        &mut self,
        e: &'a Expr,
        t: TypeId,
        elems: &'a [ast::Element],
        d: Reg,
    ) {
        match self.under(t).clone() {
            Type::Struct(fs) => {
                let w = self.words(t);
                self.emit(Op::Zero { d, n: w });
                for (ty, _, off, el) in self.struct_elems(&fs, elems) {
                    let m = self.top;
                    self.convert_to(&el.value, ty, Reg(d.0 + off));
                    self.top = m;
                }
            }
            Type::Slice(et) => {
                let ew = self.words(et);
                let Some((n, idx)) = self.literal_indices(elems) else {
                    return;
                };
                let n = n as u32;
                let a = self.alloc(n * ew);
                if idx.iter().enumerate().any(|(k, &i)| i != k as u64) {
                    self.emit(Op::Zero { d: a, n: n * ew });
                }
                for (el, &k) in elems.iter().zip(&idx) {
                    let m = self.top;
                    self.convert_to(&el.value, et, Reg(a.0 + k as u32 * ew));
                    self.top = m;
                }
                let rt = self.g.rt_type(et);
                self.emit(Op::PackSlice { d, a, n, t: rt });
            }
            Type::Array(len, et) => {
                let ew = self.words(et);
                let Some((_, idx)) = self.literal_indices(elems) else {
                    return;
                };
                if (idx.len() as u64) < len {
                    self.emit(Op::Zero {
                        d,
                        n: (len as u32) * ew,
                    });
                }
                for (el, &k) in elems.iter().zip(&idx) {
                    let m = self.top;
                    self.convert_to(&el.value, et, Reg(d.0 + k as u32 * ew));
                    self.top = m;
                }
            }
            Type::Map(kt, vt) => {
                let mt = self.g.rt_type(t);
                let hint = self.alloc(1);
                self.emit(Op::LoadInt {
                    d: hint,
                    v: elems.len() as i64,
                });
                let m = self.alloc(1);
                self.emit(Op::MakeMap { d: m, t: mt, hint });
                for el in elems {
                    let mark = self.top;
                    let k = self.alloc(self.words(kt));
                    if let Some(key) = &el.key {
                        self.convert_to(key, kt, k);
                    }
                    let v = self.alloc(self.words(vt));
                    self.convert_to(&el.value, vt, v);
                    self.emit(Op::MapSet { m, k, v, t: mt });
                    self.top = mark;
                }
                self.emit(Op::Move { d, a: m });
            }
            Type::Pointer(pt) => {
                // An elided `&T{...}` inside a literal of pointers.
                let w = self.words(pt);
                let rt = self.g.rt_type(pt);
                let v = self.alloc(w);
                self.composite_as(e, pt, elems, v);
                self.new_holding(d, rt, v);
            }
            _ => self.err(e.span, "this composite literal"),
        }
    }
}
