//! Definitions (`:=`, `var`), assignments and compound assignments
//! (`x op= y`, `x++`).
//!
//! Assignment to a local compiles into a temporary and then *retargets*
//! the last instruction to the local when that is safe
//! ([`FnGen::retarget`]). Tuple assignments follow Go's two phases
//! ([`Dest`]): index and indirection operands first, then the right sides,
//! then the stores. A variable that escapes (captured by a closure, its
//! address taken) or is too large for slots is given a heap box
//! ([`FnGen::new_home`]) at its definition.

use super::func::{is_blank, strip_parens, FnGen, Var};
use super::place::Dest;
use crate::ast::{self, BinaryOp, Expr, ExprKind, Span};
use crate::basic::BasicKind;
use crate::bytecode::{Op, Reg};
use crate::constant::Value;
use crate::types::{ObjId, Type, TypeId};

impl<'g, 'a> FnGen<'g, 'a> {
    /// Evaluates the multi-value expression `e` (`f()` with several
    /// results, or a comma-ok form) into fresh consecutive slots: the
    /// first slot and the types of the values, in order.
    pub(super) fn tuple_to_slots(&mut self, e: &'a Expr) -> (Reg, Vec<TypeId>) {
        let t = self.ty(e);
        let r = self.alloc(self.words(t));
        self.expr_to(e, r);
        let elems = self
            .g
            .tt
            .tuple_elems(t)
            .map(|x| x.to_vec())
            .unwrap_or_default();
        (r, elems)
    }

    pub(super) fn define(&mut self, names: &'a [ast::Ident], values: &'a [Expr]) {
        // New variables get their home slots first, below any temporary,
        // so they outlive the statement; values of new unboxed variables
        // are computed straight into their homes (the new variables are
        // not in scope on the right side). Redeclared variables are
        // assigned after every value is computed (`a, b := b, a`).
        let mut homes: Vec<Option<(ObjId, Var)>> = Vec::new();
        for n in names {
            let home = match self.g.info.defs.get(&n.id).copied() {
                Some(o) if !n.is_blank() => Some((o, self.new_home(o))),
                _ => None,
            };
            homes.push(home);
        }
        let keep = self.top;
        let mut later: Vec<(ObjId, Reg, Span)> = Vec::new();
        if values.len() == names.len() {
            for (k, (n, v)) in names.iter().zip(values).enumerate() {
                match homes[k] {
                    Some((_, var)) if !var.boxed => {
                        self.convert_to(v, var.ty, var.reg);
                    }
                    Some((_, var)) if self.huge(var.ty) => self.init_huge(var, v),
                    Some((_, var)) => {
                        let r = self.alloc(self.words(var.ty));
                        self.convert_to(v, var.ty, r);
                        self.init_boxed(var, r);
                    }
                    None => {
                        let t = match self.g.info.uses.get(&n.id) {
                            Some(&o) => self.g.tt.obj(o).ty,
                            None => self.ty(v),
                        };
                        let r = self.alloc(self.words(t));
                        self.convert_to(v, t, r);
                        if let Some(&o) = self.g.info.uses.get(&n.id) {
                            later.push((o, r, n.span));
                        }
                    }
                }
            }
        } else if let Some(v) = values.first() {
            let (r, elems) = self.tuple_to_slots(v);
            let mut off = 0;
            for (k, (n, &et)) in names.iter().zip(&elems).enumerate() {
                let mut src = Reg(r.0 + off);
                off += self.words(et);
                // `var x, y any = f()`: convert to the variable's type.
                let vt = match (homes[k], self.g.info.uses.get(&n.id)) {
                    (Some((_, var)), _) => var.ty,
                    (None, Some(&o)) => self.g.tt.obj(o).ty,
                    _ => et,
                };
                src = self.value_as(src, et, vt);
                match homes[k] {
                    Some((_, var)) if !var.boxed => {
                        let w = self.words(var.ty);
                        self.emit(Op::MoveN {
                            d: var.reg,
                            a: src,
                            n: w,
                        });
                    }
                    Some((_, var)) => self.init_boxed(var, src),
                    None => {
                        if let Some(&o) = self.g.info.uses.get(&n.id) {
                            later.push((o, src, n.span));
                        }
                    }
                }
            }
        }
        for (o, r, span) in later {
            self.store_var(o, r, span);
        }
        for (o, var) in homes.into_iter().flatten() {
            self.vars.insert(o, var);
        }
        self.top = keep;
    }

    /// Allocates the home of a new local: its value's slots, or one slot
    /// for the address of its heap box (captured or addressed variables,
    /// and those too large for slots).
    pub(super) fn new_home(&mut self, o: ObjId) -> Var {
        let obj = self.g.tt.obj(o);
        let t = obj.ty;
        let boxed = obj.captured || obj.addressed || self.huge(t);
        let n = if boxed { 1 } else { self.words(t) };
        Var {
            reg: self.alloc(n),
            boxed,
            ty: t,
        }
    }

    /// Makes a new box for `var` holding the value in `value`.
    pub(super) fn init_boxed(&mut self, var: Var, value: Reg) {
        let rt = self.g.rt_type(var.ty);
        self.new_holding(var.reg, rt, value);
    }

    /// Makes a new box for `var`, of a type too large for slots, holding
    /// the value of `e`: a composite literal is built in the box itself,
    /// anything else copied from memory after its nil checks (`q := *p`
    /// with a nil p panics before anything is allocated or copied).
    pub(super) fn init_huge(&mut self, var: Var, e: &'a Expr) {
        let rt = self.g.rt_type(var.ty);
        if let ExprKind::Composite { elems, .. } = &strip_parens(e).kind {
            self.emit(Op::New { d: var.reg, t: rt });
            self.composite_heap(var.ty, elems, var.reg);
            return;
        }
        let keep = self.top;
        let s = self.alloc(1);
        self.huge_addr(e, s);
        self.emit(Op::New { d: var.reg, t: rt });
        self.emit(Op::CopyValue {
            d: var.reg,
            a: s,
            t: rt,
        });
        self.top = keep;
    }

    pub(super) fn local_decl(&mut self, d: &'a ast::Decl) {
        let ast::Decl::Var(gd) = d else {
            return; // const and type declarations generate no code
        };
        for spec in &gd.specs {
            if spec.values.is_empty() {
                for n in &spec.names {
                    if n.is_blank() {
                        continue;
                    }
                    if let Some(&o) = self.g.info.defs.get(&n.id) {
                        let var = self.new_home(o);
                        let w = self.words(var.ty);
                        if var.boxed {
                            // A new object is zeroed already.
                            let rt = self.g.rt_type(var.ty);
                            self.emit(Op::New { d: var.reg, t: rt });
                        } else {
                            self.emit(Op::Zero { d: var.reg, n: w });
                        }
                        self.vars.insert(o, var);
                    }
                }
            } else {
                self.define(&spec.names, &spec.values);
            }
        }
    }

    pub(super) fn assign(&mut self, lhs: &'a [Expr], rhs: &'a [Expr]) {
        if lhs.len() == 1 && rhs.len() == 1 {
            let l = &lhs[0];
            let huge_dest = if is_blank(l) {
                self.huge(self.ty(&rhs[0]))
            } else {
                // Not to an interface variable: that boxes (`convert_to`).
                self.huge(self.ty(l)) && self.heap_addressable(l)
            };
            if huge_dest {
                // Memory to memory, never through slots.
                let p = self.alloc(1);
                if !is_blank(l) && !self.addr_of(l, p) {
                    return;
                }
                let s = self.alloc(1);
                self.huge_addr(&rhs[0], s);
                if !is_blank(l) {
                    let t = self.g.rt_type(self.ty(l));
                    self.emit(Op::CopyValue { d: p, a: s, t });
                }
                return;
            }
            if let ExprKind::Ident(id) = &l.kind {
                if id.is_blank() {
                    let t = self.ty(&rhs[0]);
                    let r = self.alloc(self.words(t));
                    self.expr_to(&rhs[0], r);
                    return;
                }
                // Straight into an unboxed local when safe.
                if let Some(o) = self.g.info.uses.get(&id.id).copied() {
                    if let Some(v) = self.vars.get(&o).copied() {
                        if !v.boxed && self.words(v.ty) == 1 {
                            let r = self.alloc(1);
                            self.convert_to(&rhs[0], v.ty, r);
                            if !self.retarget(r, v.reg) {
                                self.emit(Op::Move { d: v.reg, a: r });
                            }
                            return;
                        }
                    }
                }
            }
            let t = self.ty(l);
            // An unboxed local of the left side's type is stored from its
            // own slot: evaluating the left side's operands cannot change
            // it (only assignments write an unboxed local, and closures
            // capture boxed ones).
            let r = match self.unboxed_local_of(&rhs[0], t) {
                Some(r) => r,
                None => {
                    let r = self.alloc(self.words(t));
                    self.convert_to(&rhs[0], t, r);
                    r
                }
            };
            self.store_to(l, r);
            return;
        }
        // Tuple assignment, in Go's two phases: first the operands of index
        // expressions and pointer indirections on the left, then the right
        // sides, all in order; then the assignments, left to right.
        let dests: Vec<Dest<'a>> = lhs.iter().map(|l| self.lhs_dest(l)).collect();
        let mut vals = Vec::new();
        if rhs.len() == lhs.len() {
            for (l, r) in lhs.iter().zip(rhs) {
                let t = if is_blank(l) { self.ty(r) } else { self.ty(l) };
                let d = self.alloc(self.words(t));
                self.convert_to(r, t, d);
                vals.push((d, t));
            }
        } else if let Some(r) = rhs.first() {
            let (d, elems) = self.tuple_to_slots(r);
            let mut off = 0;
            for &et in &elems {
                vals.push((Reg(d.0 + off), et));
                off += self.words(et);
            }
        }
        for ((l, dest), (r, vt)) in lhs.iter().zip(dests).zip(vals) {
            if is_blank(l) {
                continue;
            }
            // A value of a multi-value right side converted to the left
            // side's type (to an interface).
            let lt = self.ty(l);
            let r = self.value_as(r, vt, lt);
            // A store that panics (an index out of range, a nil map or
            // pointer) is reported at its own left side, as Go does: an
            // index at its `[`, another at its start.
            let saved = match &strip_parens(l).kind {
                ExprKind::Index(x, _) => self.at_lbrack(x),
                _ => {
                    let saved = (self.line, self.file);
                    self.set_pos(l.span.lo);
                    saved
                }
            };
            self.store_dest(dest, r);
            (self.line, self.file) = saved;
        }
    }

    /// The slot of `e` when it names an unboxed local of type `t`.
    fn unboxed_local_of(&self, e: &Expr, t: TypeId) -> Option<Reg> {
        let ExprKind::Ident(id) = &strip_parens(e).kind else {
            return None;
        };
        let o = self.g.info.uses.get(&id.id).copied()?;
        let v = self.vars.get(&o).copied()?;
        (!v.boxed && v.ty == t).then_some(v.reg)
    }

    pub(super) fn op_assign(&mut self, l: &'a Expr, op: BinaryOp, rhs: Option<&'a Expr>) {
        let t = self.ty(l);
        let incdec = rhs.is_none();
        let r = rhs.unwrap_or(l);
        // x op= y on a local: one instruction into the local.
        if let ExprKind::Ident(id) = &l.kind {
            if let Some(o) = self.g.info.uses.get(&id.id).copied() {
                if let Some(v) = self.vars.get(&o).copied() {
                    if !v.boxed && self.words(t) == 1 {
                        if incdec
                            && self.basic(t).is_some_and(|k| {
                                k == BasicKind::Int
                                    || k == BasicKind::Int64
                                    || k == BasicKind::Uint
                                    || k == BasicKind::Uint64
                            })
                        {
                            let delta = if op == BinaryOp::Add { 1 } else { -1 };
                            self.emit(Op::AddIntImm {
                                d: v.reg,
                                a: v.reg,
                                v: delta,
                            });
                            return;
                        }
                        let cv = if incdec {
                            Some(Value::int(1))
                        } else {
                            self.const_value(r).cloned()
                        };
                        if let Some(o) = cv.and_then(|c| self.imm_op(op, t, v.reg, v.reg, &c)) {
                            self.emit(o);
                            self.wrap_int_result(op, t, v.reg);
                            return;
                        }
                        let y = if incdec {
                            let y = self.alloc(1);
                            self.const_to(&Value::int(1), t, y);
                            y
                        } else {
                            let yt = if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
                                self.ty(r)
                            } else {
                                t
                            };
                            // `k += i` reads the local i in place (not
                            // `k += k`: the result is written over it).
                            match self.unboxed_local_of(r, yt).filter(|&y| y != v.reg) {
                                Some(y) => y,
                                None => {
                                    let y = self.alloc(1);
                                    self.convert_to(r, yt, y);
                                    y
                                }
                            }
                        };
                        let yt = if matches!(op, BinaryOp::Shl | BinaryOp::Shr) && !incdec {
                            self.ty(r)
                        } else {
                            t
                        };
                        self.binary_regs(op, t, yt, v.reg, v.reg, y, l.span);
                        return;
                    }
                }
            }
        }
        // General case: read, compute, store, with the location (map and
        // key, or address) evaluated once, as Go evaluates `x` in `x op= y`.
        let w = self.words(t);
        let cur = self.alloc(w);
        let mut map_dest = None;
        let mut addr_dest = None;
        let ls = strip_parens(l);
        let map_index = match &ls.kind {
            ExprKind::Index(x, i) => match self.under(self.ty(x)) {
                Type::Map(kt, _) => Some((x, i, *kt)),
                _ => None,
            },
            _ => None,
        };
        if let Some((x, i, kt)) = map_index {
            let mr = self.operand(x);
            let kr = self.alloc(self.words(kt));
            self.convert_to(i, kt, kr);
            let mt = self.g.rt_type(self.ty(x));
            self.emit(Op::MapGet {
                d: cur,
                m: mr,
                k: kr,
                t: mt,
                ok: false,
            });
            map_dest = Some((mr, kr, mt));
        } else if self.ptr_field_shape(ls) {
            let (p, off) = self.ptr_field(ls);
            self.load_mem(cur, p, off, t);
            addr_dest = Some((p, off));
        } else if self.heap_addressable(ls) && !matches!(ls.kind, ExprKind::Ident(_)) {
            let p = self.alloc(1);
            if !self.addr_of(ls, p) {
                return;
            }
            self.load_mem(cur, p, 0, t);
            addr_dest = Some((p, 0));
        } else {
            self.expr_to(l, cur);
        }
        let d = self.alloc(w);
        // A constant operand folds into an immediate instruction, as for
        // a local (`p.count++` is load, AddIntImm, store).
        let cv = if incdec {
            Some(Value::int(1))
        } else {
            self.const_value(r).cloned()
        };
        if let Some(o) = cv.and_then(|c| self.imm_op(op, t, d, cur, &c)) {
            self.emit(o);
            self.wrap_int_result(op, t, d);
        } else {
            let yt = if matches!(op, BinaryOp::Shl | BinaryOp::Shr) && !incdec {
                self.ty(r)
            } else {
                t
            };
            let y = self.alloc(self.words(yt));
            if incdec {
                self.const_to(&Value::int(1), t, y);
            } else {
                self.convert_to(r, yt, y);
            }
            self.binary_regs(op, t, yt, d, cur, y, l.span);
        }
        if let Some((m, k, mt)) = map_dest {
            self.emit(Op::MapSet { m, k, v: d, t: mt });
        } else if let Some((p, off)) = addr_dest {
            self.store_mem(p, off, d, t);
        } else {
            self.store_to(l, d);
        }
    }
}
