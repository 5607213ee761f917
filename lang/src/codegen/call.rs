//! Calls: functions, methods (through embedded fields), interface methods,
//! closures, method values and the math intrinsics.
//!
//! Arguments are converted to the parameter types into consecutive slots
//! starting at the call's base, with variadic arguments packed into a
//! slice. Promoted methods and method values each compile to a small
//! synthetic function (`Body::Promoted`, `Body::MethodValue`): method
//! tables and closures then see ordinary functions.

use super::func::{strip_parens, FnGen};
use super::place::Place;
use super::Body;
use crate::ast::{Expr, ExprKind, Span};
use crate::bytecode::{FuncId, MathFn, Off, Op, Reg};
use crate::check::{CallKind, SelectionKind};
use crate::types::{ids, ObjId, ObjKind, Type, TypeId};

impl<'g, 'a> FnGen<'g, 'a> {
    /// `x.M` as a value: a closure over a box holding the receiver
    /// (evaluated now, as Go does) whose function calls the method.
    pub(super) fn method_value(
        &mut self,
        e: &'a Expr,
        x: &'a Expr,
        sel: &crate::check::Selection,
        d: Reg,
    ) {
        let Some(m) = sel.obj else {
            self.err(e.span, "this method value");
            return;
        };
        let xt = self.ty(x);
        let et = self.embedded_type(xt, &sel.index);
        let name = self.g.tt.obj(m).name.clone();
        let sig_t = self.g.tt.obj(m).ty;
        let (recv_t, method) = if self.is_iface(xt) || (!sel.index.is_empty() && self.is_iface(et))
        {
            let it = if self.is_iface(xt) { xt } else { et };
            (it, None)
        } else {
            let r = match self.g.tt.obj(m).kind {
                ObjKind::Func { recv: Some(r), .. } => r,
                _ => ids::INVALID,
            };
            (r, Some(m))
        };
        let w = self.words(recv_t);
        let v = self.alloc(w.max(1));
        if method.is_none() {
            if self.is_iface(xt) {
                self.expr_to(x, v);
            } else {
                let start = Place::Slots(self.operand(x));
                let (place, et) = self.walk_embedded(start, xt, &sel.index);
                self.recv_from_place(place, et, et, v);
            }
            // Go evaluates the interface now: a nil one panics here.
            self.emit(Op::Load {
                d: v,
                a: v,
                off: Off(0),
                n: 0,
            });
        } else {
            self.receiver(x, sel, v);
        }
        let rt = self.g.rt_type(recv_t);
        let b = self.alloc(1);
        self.new_holding(b, rt, v);
        let i = self.g.method_values.len();
        self.g.method_values.push((
            recv_t,
            super::Promoted {
                recv: recv_t,
                path: Vec::new(),
                name: name.clone(),
                sig: sig_t,
                method,
            },
        ));
        let f = self
            .g
            .new_func(format!("{}.{name}-fm", self.name), Body::MethodValue(i));
        self.emit(Op::MakeClosure { d, f, a: b, n: 1 });
    }

    /// The function of a method value: loads the receiver from the
    /// closure's box and calls the method with the parameters.
    pub(super) fn method_value_body(&mut self, recv_t: TypeId, p: &super::Promoted) -> (u32, u32) {
        let sig = self
            .g
            .tt
            .signature(p.sig)
            .cloned()
            .unwrap_or_else(super::empty_sig);
        let pw: u32 = sig.params.iter().map(|&t| self.words(t)).sum();
        let res: u32 = sig.results.iter().map(|&t| self.words(t)).sum();
        self.alloc(pw);
        let rw = self.words(recv_t);
        let bx = self.alloc(1);
        self.emit(Op::LoadCapture {
            d: bx,
            off: Off(1),
            n: 1,
        });
        let base = self.alloc((rw + pw).max(res));
        self.load_mem(base, bx, 0, recv_t);
        self.emit(Op::MoveN {
            d: Reg(base.0 + rw),
            a: Reg(0),
            n: pw,
        });
        match p.method {
            Some(m) => {
                if let Some(f) = self.g.func_id(m, Span::default()) {
                    self.emit(Op::Call { f, base });
                }
            }
            None => {
                let s = self.g.string(p.name.as_bytes());
                self.emit(Op::CallMethod { base, m: s });
            }
        }
        self.emit(Op::Return { a: base, n: res });
        (pw, res)
    }

    /// The inline form of `o` when it is one of package math's float64
    /// functions that are a single machine operation.
    pub(super) fn math_intrinsic(&self, o: ObjId) -> Option<MathFn> {
        let obj = self.g.tt.obj(o);
        let pkg = obj.pkg?;
        if self.g.tt.pkg_paths.get(pkg.0 as usize).map(String::as_str) != Some("math") {
            return None;
        }
        Some(match obj.name.as_str() {
            "Sqrt" => MathFn::Sqrt,
            "Abs" => MathFn::Abs,
            "Floor" => MathFn::Floor,
            "Ceil" => MathFn::Ceil,
            "Trunc" => MathFn::Trunc,
            _ => return None,
        })
    }

    pub(super) fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        spread: bool,
        d: Reg,
    ) {
        match self.g.info.calls.get(&e.id).cloned() {
            Some(CallKind::Conversion(t)) => return self.conversion(e, &args[0], t, d),
            Some(CallKind::Builtin(b)) => return self.builtin(e, b, args, spread, d),
            _ => {}
        }
        let ft = self.ty(func);
        let Some(sig) = self.g.tt.signature(ft).cloned() else {
            self.err(e.span, "this call");
            return;
        };
        let rw: u32 = sig.results.iter().map(|&t| self.words(t)).sum();
        // What is called: a declared function, a method, or a value.
        enum Callee {
            Static(FuncId),
            Value(Reg),
            Iface(Reg, String),
        }
        let mut recv: Option<(&'a Expr, crate::check::Selection)> = None;
        let mut func_s = strip_parens(func);
        if let Some(s) = super::func::method_instance_sel(self.g.info, func_s) {
            func_s = s;
        }
        let callee_obj = match &func_s.kind {
            ExprKind::Ident(id) => self.g.info.uses.get(&id.id).copied(),
            ExprKind::Index(..) | ExprKind::IndexList(..) => {
                self.g.info.instances.get(&func_s.id).copied()
            }
            ExprKind::Selector(x, name) => match self.g.info.selections.get(&func_s.id).cloned() {
                None => self.g.info.uses.get(&name.id).copied(),
                Some(sel) if sel.kind == SelectionKind::MethodVal => {
                    let o = sel.obj;
                    recv = Some((x, sel));
                    o
                }
                _ => None,
            },
            _ => None,
        };
        let static_fn =
            callee_obj.filter(|&o| matches!(self.g.tt.obj(o).kind, ObjKind::Func { .. }));
        if let (Some(o), None, [arg], false) = (static_fn, &recv, args, spread) {
            if let (Some(f), [pt]) = (self.math_intrinsic(o), &sig.params[..]) {
                // The argument's own slot when it is a local: no copy.
                let a = self.operand_as(arg, *pt);
                self.emit(Op::MathF64 { d, a, f });
                return;
            }
        }
        let mark = self.top;
        // Argument area: receiver, parameters; big enough for the results.
        let mut base_words = 0;
        let mut callee = None;
        if let Some((x, sel)) = &recv {
            let xt = self.ty(x);
            let et = self.embedded_type(xt, &sel.index);
            if !sel.index.is_empty() && self.is_iface(et) {
                // A method of an embedded interface.
                let name = self.g.tt.obj(sel.obj.unwrap_or(ObjId(0))).name.clone();
                let start = Place::Slots(self.operand(x));
                let (place, et) = self.walk_embedded(start, xt, &sel.index);
                let r = self.alloc(1);
                self.recv_from_place(place, et, et, r);
                callee = Some(Callee::Iface(r, name));
                base_words = 1;
            } else if self.is_iface(xt) {
                // Interface method call: the receiver word is the box.
                let name = self.g.tt.obj(sel.obj.unwrap_or(ObjId(0))).name.clone();
                let r = self.operand(x);
                callee = Some(Callee::Iface(r, name));
                base_words = 1;
            } else {
                base_words = 0;
            }
        }
        if callee.is_none() {
            if let Some(o) = static_fn {
                match self.g.func_id(o, e.span) {
                    Some(f) => callee = Some(Callee::Static(f)),
                    None => return,
                }
                if let Some((_, sel)) = &recv {
                    // Receiver words: the method's receiver type.
                    let rt = match self.g.tt.obj(sel.obj.unwrap_or(ObjId(0))).kind {
                        ObjKind::Func { recv: Some(r), .. } => r,
                        _ => ids::INVALID,
                    };
                    base_words = self.words(rt);
                }
            } else {
                let r = self.operand(func);
                callee = Some(Callee::Value(r));
            }
        }
        let pw: u32 = sig.params.iter().map(|&t| self.words(t)).sum();
        let area = (base_words + pw).max(rw);
        // When the destination is the topmost allocation, the call's
        // window starts there: the results land in place, no move. Sound
        // because slots from `top` up are free and the destination's old
        // words are never read (it is a temporary or a variable being
        // defined, never a live variable: assignments go through a
        // temporary).
        let base = if rw > 0 && d.0 + rw == self.top {
            self.top = d.0 + area;
            self.max = self.max.max(self.top);
            d
        } else {
            self.alloc(area)
        };
        // The receiver.
        if let Some((x, sel)) = &recv {
            match &callee {
                Some(Callee::Iface(r, _)) => {
                    self.emit(Op::Move { d: base, a: *r });
                }
                _ => self.receiver(x, sel, base),
            }
        }
        // The arguments.
        self.args(args, &sig, spread, Reg(base.0 + base_words));
        self.set_pos(e.span.lo);
        match callee {
            Some(Callee::Static(f)) => {
                self.emit(Op::Call { f, base });
            }
            Some(Callee::Value(c)) => {
                self.emit(Op::CallClosure { c, base });
            }
            Some(Callee::Iface(_, name)) => {
                let s = self.g.string(name.as_bytes());
                self.emit(Op::CallMethod { base, m: s });
            }
            None => {}
        }
        if rw > 0 && base != d {
            self.emit(Op::MoveN { d, a: base, n: rw });
        }
        self.top = mark.max(self.top.min(mark));
    }

    /// The receiver of a static method call into `d`.
    pub(super) fn receiver(&mut self, x: &'a Expr, sel: &crate::check::Selection, d: Reg) {
        let m = sel.obj.unwrap_or(ObjId(0));
        let rt = match self.g.tt.obj(m).kind {
            ObjKind::Func { recv: Some(r), .. } => r,
            _ => ids::INVALID,
        };
        let want_ptr = self.g.tt.pointer_elem(rt).is_some();
        let xt = self.ty(x);
        let x_ptr = self.g.tt.pointer_elem(xt).is_some();
        if !sel.index.is_empty() {
            // A promoted method: walk the embedded fields to its receiver.
            let start = if x_ptr {
                Place::Slots(self.operand(x))
            } else if self.heap_addressable(x) {
                let p = self.alloc(1);
                self.addr_of(x, p);
                Place::Ptr(p)
            } else {
                Place::Slots(self.operand(x))
            };
            let (place, et) = self.walk_embedded(start, xt, &sel.index);
            self.recv_from_place(place, et, rt, d);
            return;
        }
        match (want_ptr, x_ptr) {
            (true, true) | (false, false) => self.expr_to(x, d),
            (true, false) => {
                self.addr_of(x, d);
            }
            (false, true) => {
                let p = self.operand(x);
                self.load_mem(d, p, 0, rt);
            }
        }
    }

    /// Walks the embedded fields `path` from a value of type `t` at
    /// `place`; returns where the embedded value is and its type.
    pub(super) fn walk_embedded(
        &mut self,
        place: Place,
        t: TypeId,
        path: &[usize],
    ) -> (Place, TypeId) {
        let (mut place, mut t) = (place, t);
        for &fi in path {
            if let Some(e) = self.g.tt.pointer_elem(t) {
                place = match place {
                    Place::Slots(r) => Place::Ptr(r),
                    Place::Ptr(p) => {
                        let q = self.alloc(1);
                        self.emit(Op::Load {
                            d: q,
                            a: p,
                            off: Off(0),
                            n: 1,
                        });
                        Place::Ptr(q)
                    }
                };
                t = e;
            }
            let fs = self
                .g
                .tt
                .struct_fields(t)
                .map(|f| f.to_vec())
                .unwrap_or_default();
            let off: u32 = fs.iter().take(fi).map(|f| self.words(f.ty)).sum();
            let moff = self.g.tt.field_moffs(t).get(fi).copied().unwrap_or(0);
            let ft = fs.get(fi).map_or(ids::INVALID, |f| f.ty);
            place = match place {
                Place::Slots(r) => Place::Slots(Reg(r.0 + off)),
                Place::Ptr(p) => {
                    let q = self.alloc(1);
                    // Nil check before offsetting the pointer.
                    self.emit(Op::Load {
                        d: q,
                        a: p,
                        off: Off(0),
                        n: 0,
                    });
                    self.emit(Op::AddIntImm {
                        d: q,
                        a: p,
                        v: i32::try_from(moff).unwrap_or(i32::MAX),
                    });
                    Place::Ptr(q)
                }
            };
            t = ft;
        }
        (place, t)
    }

    /// The receiver of type `rt` (a method's receiver type, or an
    /// interface) from the embedded value of type `et` at `place`, into `d`.
    pub(super) fn recv_from_place(&mut self, place: Place, et: TypeId, rt: TypeId, d: Reg) {
        let want_ptr = self.g.tt.pointer_elem(rt).is_some() && !self.is_iface(rt);
        // The address of (or pointer to) the receiver's value, if any.
        let ptr = if self.g.tt.pointer_elem(et).is_some() {
            let q = self.alloc(1);
            match place {
                Place::Slots(r) => {
                    self.emit(Op::Move { d: q, a: r });
                }
                Place::Ptr(p) => {
                    self.emit(Op::Load {
                        d: q,
                        a: p,
                        off: Off(0),
                        n: 1,
                    });
                }
            }
            Some(q)
        } else {
            match place {
                Place::Ptr(p) => Some(p),
                Place::Slots(_) => None,
            }
        };
        if want_ptr {
            if let Some(p) = ptr {
                self.emit(Op::Move { d, a: p });
            }
            return;
        }
        let n = self.words(rt);
        match (ptr, place) {
            (Some(p), _) => self.load_mem(d, p, 0, rt),
            (None, Place::Slots(r)) => {
                self.emit(Op::MoveN { d, a: r, n });
            }
            (None, Place::Ptr(_)) => {}
        }
    }

    /// The type reached from `t` through the embedded fields `path`.
    pub(super) fn embedded_type(&self, t: TypeId, path: &[usize]) -> TypeId {
        let mut t = t;
        for &fi in path {
            if let Some(e) = self.g.tt.pointer_elem(t) {
                t = e;
            }
            t = self
                .g
                .tt
                .struct_fields(t)
                .and_then(|fs| fs.get(fi))
                .map_or(ids::INVALID, |f| f.ty);
        }
        t
    }

    /// The body of a promoted method in a method table: the receiver
    /// (of type `recv_t`) is walked to the embedded value and the method
    /// called on it.
    pub(super) fn promoted_body(&mut self, p: &super::Promoted) -> (u32, u32) {
        let (recv_t, path) = (p.recv, &p.path[..]);
        let sig = self
            .g
            .tt
            .signature(p.sig)
            .cloned()
            .unwrap_or_else(super::empty_sig);
        let rw = self.words(recv_t);
        let pw: u32 = sig.params.iter().map(|&t| self.words(t)).sum();
        let res: u32 = sig.results.iter().map(|&t| self.words(t)).sum();
        self.alloc(rw + pw);
        let (place, et) = self.walk_embedded(Place::Slots(Reg(0)), recv_t, path);
        let name = p.name.clone();
        if self.is_iface(et) {
            let base = self.alloc((1 + pw).max(res));
            self.recv_from_place(place, et, et, base);
            self.emit(Op::MoveN {
                d: Reg(base.0 + 1),
                a: Reg(rw),
                n: pw,
            });
            let s = self.g.string(name.as_bytes());
            self.emit(Op::CallMethod { base, m: s });
            self.emit(Op::Return { a: base, n: res });
        } else if let Some(m) = p.method {
            let mrt = match self.g.tt.obj(m).kind {
                ObjKind::Func { recv: Some(r), .. } => r,
                _ => ids::INVALID,
            };
            let mw = self.words(mrt);
            let base = self.alloc((mw + pw).max(res));
            self.recv_from_place(place, et, mrt, base);
            self.emit(Op::MoveN {
                d: Reg(base.0 + mw),
                a: Reg(rw),
                n: pw,
            });
            if let Some(f) = self.g.func_id(m, Span::default()) {
                self.emit(Op::Call { f, base });
            }
            self.emit(Op::Return { a: base, n: res });
        }
        (rw + pw, res)
    }

    pub(super) fn args(
        &mut self,
        args: &'a [Expr],
        sig: &crate::types::Signature,
        spread: bool,
        base: Reg,
    ) {
        // f(g()) with g returning several values: the values are evaluated
        // into a temporary and passed one by one.
        let mut vals: Vec<ArgSrc<'a>> = args.iter().map(ArgSrc::Expr).collect();
        if args.len() == 1 {
            let t = self.ty(&args[0]);
            if let Some(elems) = self.g.tt.tuple_elems(t).map(|x| x.to_vec()) {
                let tmp = self.alloc(self.words(t));
                self.expr_to(&args[0], tmp);
                vals.clear();
                let mut off = 0;
                for et in elems {
                    vals.push(ArgSrc::Val(Reg(tmp.0 + off), et));
                    off += self.words(et);
                }
            }
        }
        let np = sig.params.len();
        let mut off = 0;
        for (k, &pt) in sig.params.iter().enumerate() {
            let m = self.top;
            if sig.variadic && k + 1 == np && !spread {
                // Pack the rest into a new slice.
                let et = match self.under(pt) {
                    Type::Slice(e) => *e,
                    _ => ids::INVALID,
                };
                let rest = vals.get(k..).unwrap_or(&[]).to_vec();
                if rest.is_empty() {
                    self.emit(Op::Zero {
                        d: Reg(base.0 + off),
                        n: 3,
                    });
                } else {
                    let ew = self.words(et);
                    let a = self.alloc(ew * rest.len() as u32);
                    for (j, x) in rest.iter().enumerate() {
                        let mm = self.top;
                        self.arg_to(*x, et, Reg(a.0 + j as u32 * ew));
                        self.top = mm;
                    }
                    let rt = self.g.rt_type(et);
                    self.emit(Op::PackSlice {
                        d: Reg(base.0 + off),
                        a,
                        n: rest.len() as u32,
                        t: rt,
                    });
                }
            } else if let Some(x) = vals.get(k) {
                self.arg_to(*x, pt, Reg(base.0 + off));
            }
            self.top = m;
            off += self.words(pt);
        }
    }

    /// One argument converted to the parameter type `pt` into `d`.
    pub(super) fn arg_to(&mut self, x: ArgSrc<'a>, pt: TypeId, d: Reg) {
        match x {
            ArgSrc::Expr(e) => self.convert_to(e, pt, d),
            ArgSrc::Val(r, t) => {
                if self.is_iface(pt) && !self.is_iface(t) {
                    self.box_iface(d, r, t);
                } else {
                    let w = self.words(t);
                    self.emit(Op::MoveN { d, a: r, n: w });
                }
            }
        }
    }
}

/// Where an argument comes from: an expression, or one value of a
/// multi-value call already in slots.
#[derive(Clone, Copy)]
pub(super) enum ArgSrc<'a> {
    Expr(&'a Expr),
    Val(Reg, TypeId),
}
