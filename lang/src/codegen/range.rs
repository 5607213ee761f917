//! `for ... range` loops over integers, strings, arrays, slices, pointers
//! to arrays, maps and channels.
//!
//! The range expression is evaluated once, before the first iteration, as
//! Go does; the iteration variables are fresh per iteration (Go 1.22), so
//! a variable that escapes is given a new home each time round.
//! A huge array (over `MAX_STACK_VAR_BYTES`) is ranged over in memory, never
//! copied into slots.

use super::func::{is_blank, unreachable_loop, FnGen};
use crate::ast::{self, Expr, ExprKind, Stmt};
use crate::basic::BasicKind;
use crate::bytecode::MAP_ITER_WORDS as ITER_WORDS;
use crate::bytecode::{Op, Pc, Reg, Unsigned};
use crate::types::{ids, Type, TypeId};

impl<'g, 'a> FnGen<'g, 'a> {
    pub(super) fn range(
        &mut self,
        _s: &'a Stmt,
        key: Option<&'a Expr>,
        value: Option<&'a Expr>,
        define: bool,
        x: &'a Expr,
        body: &'a ast::Block,
    ) {
        let xt = self.ty(x);
        if let Type::Map(kt, vt) = self.under(xt).clone() {
            return self.range_map(key, value, define, x, body, kt, vt);
        }
        if let Type::Chan(_, et) = self.under(xt).clone() {
            return self.range_chan(key, define, x, body, et);
        }
        let label = self.take_label();
        let mark = self.top;
        enum Kind {
            Int,
            Str,
            Slice(TypeId, bool),
        }
        let kind = match self.under(xt) {
            Type::Basic(k, _) if k.is_integer() || *k == BasicKind::UntypedInt => Kind::Int,
            Type::Basic(BasicKind::String, _) => Kind::Str,
            Type::Slice(e) => Kind::Slice(*e, false),
            Type::Array(_, e) => Kind::Slice(*e, true),
            Type::Pointer(p) => match self.under(*p) {
                Type::Array(_, e) => Kind::Slice(*e, true),
                _ => {
                    self.err(x.span, "range over this type");
                    return;
                }
            },
            _ => {
                self.err(x.span, "range over this type");
                return;
            }
        };
        // Two iteration variables, even `i, _`, evaluate the expression.
        let two_vars = value.is_some();
        let value = value.filter(|v| !is_blank(v));
        // An array too large for slots is ranged over through its address,
        // as an array pointer: the array itself when only the index is
        // wanted, else a copy in a new object (Go ranges over a copy).
        let huge_array = matches!(kind, Kind::Slice(_, true))
            && !matches!(self.under(xt), Type::Pointer(_))
            && self.huge(xt);
        let is_ptr_array = matches!(self.under(xt), Type::Pointer(_)) || huge_array;
        // Evaluate the range expression once, and not at all for an
        // array or array pointer whose length is a constant and whose
        // elements are not wanted (Go's rule: `for i := range *p` with a
        // nil p runs).
        let skip = matches!(kind, Kind::Slice(_, true))
            && !two_vars
            && !crate::check::has_call_or_recv(x, 0);
        let xw = if huge_array { 1 } else { self.words(xt) };
        let xr = self.alloc(xw.max(1));
        if skip {
        } else if huge_array {
            self.huge_addr(x, xr);
            if value.is_some() {
                let s = self.alloc(1);
                self.emit(Op::Move { d: s, a: xr });
                let t = self.g.rt_type(xt);
                self.emit(Op::New { d: xr, t });
                self.emit(Op::CopyValue { d: xr, a: s, t });
            }
        } else {
            self.expr_to(x, xr);
        }
        let (len_r, _elem_t) = match kind {
            Kind::Int => (xr, None),
            Kind::Str => {
                let l = self.alloc(1);
                self.emit(Op::StrLen { d: l, a: xr });
                (l, None)
            }
            Kind::Slice(e, is_array) => {
                if is_array {
                    let n = match self.under(if is_ptr_array {
                        self.g.tt.pointer_elem(xt).unwrap_or(xt)
                    } else {
                        xt
                    }) {
                        Type::Array(n, _) => *n as i64,
                        _ => 0,
                    };
                    let l = self.alloc(1);
                    self.emit(Op::LoadInt { d: l, v: n });
                    (l, Some(e))
                } else {
                    (Reg(xr.0 + 1), Some(e))
                }
            }
        };
        let idx = self.alloc(1);
        self.emit(Op::LoadInt { d: idx, v: 0 });
        let start = self.pc();
        // Leave when len <= idx: one fused compare-and-branch (unsigned
        // for `range n` of an unsigned n).
        let exit = if matches!(kind, Kind::Int) && self.g.tt.is_unsigned(xt) {
            self.emit(Op::JumpIfLeUint {
                a: len_r,
                b: idx,
                to: Pc(0),
            })
        } else {
            self.emit(Op::JumpIfLeInt {
                a: len_r,
                b: idx,
                to: Pc(0),
            })
        };
        let body_mark = self.top;
        // Key and value for this iteration.
        let width = self.alloc(1);
        let mut vals: Vec<(Option<&'a Expr>, Reg, TypeId)> = Vec::new();
        let kt = if matches!(kind, Kind::Int) {
            xt
        } else {
            ids::INT
        };
        vals.push((key, idx, kt));
        // A blank value loads no element: `for i, _ := range p` with p a
        // nil *[N]T must not dereference p (as `for i := range p`).
        // A string steps by the width of the rune at idx, wanted or not.
        let rune = matches!(kind, Kind::Str).then(|| {
            let r = self.alloc(2);
            self.emit(Op::StrDecodeRune {
                d: r,
                a: xr,
                i: idx,
            });
            self.emit(Op::Move {
                d: width,
                a: Reg(r.0 + 1),
            });
            r
        });
        if let Some(v) = value {
            match kind {
                Kind::Str => vals.extend(rune.map(|r| (Some(v), r, ids::INT32))),
                Kind::Slice(e, is_array) => {
                    let ew = self.words(e);
                    let r = self.alloc(ew);
                    let rt = self.g.rt_type(e);
                    if is_array && !is_ptr_array {
                        // The array was copied into xr.. (Go ranges over a copy).
                        let n = self.words(xt) / ew.max(1);
                        self.emit(Op::SlotIndex {
                            d: r,
                            a: xr,
                            i: idx,
                            ew,
                            len: n,
                            u: Unsigned::NONE,
                        });
                    } else if is_array {
                        // *[N]T: element i at pointer + i*ew.
                        let n = match self.under(self.g.tt.pointer_elem(xt).unwrap_or(xt)) {
                            Type::Array(n, _) => *n as u32,
                            _ => 0,
                        };
                        let a = self.alloc(1);
                        let et = match self.under(self.g.tt.pointer_elem(xt).unwrap_or(xt)) {
                            Type::Array(_, et) => *et,
                            _ => ids::INVALID,
                        };
                        self.load_array_elem(r, a, xr, (idx, Unsigned::NONE), et, n);
                    } else {
                        self.emit(Op::SliceGet {
                            d: r,
                            a: xr,
                            i: idx,
                            t: rt,
                            u: Unsigned::NONE,
                        });
                    }
                    vals.push((Some(v), r, e));
                }
                Kind::Int => {}
            }
        }
        self.bind_range_vars(vals, define);
        self.push_loop(label, false);
        self.block(body);
        let l = self.loops.pop().unwrap_or_else(unreachable_loop);
        self.patch_here(&l.continues);
        if matches!(kind, Kind::Str) {
            self.emit(Op::AddInt {
                d: idx,
                a: idx,
                b: width,
            });
        } else {
            self.emit(Op::AddIntImm {
                d: idx,
                a: idx,
                v: 1,
            });
        }
        self.top = body_mark;
        self.jump_back(start);
        self.patch_here(&[exit]);
        self.patch_here(&l.breaks);
        self.top = mark;
    }

    /// Assigns or defines a range loop's key and value variables.
    pub(super) fn bind_range_vars(
        &mut self,
        vals: Vec<(Option<&'a Expr>, Reg, TypeId)>,
        define: bool,
    ) {
        // Assigned (not defined) iteration variables are one tuple
        // assignment in Go's two phases: `for i, x[i] = range y` indexes x
        // with the old i.
        let mut dests = Vec::new();
        if !define {
            for &(e, _, _) in &vals {
                dests.push(e.filter(|e| !is_blank(e)).map(|e| self.lhs_dest(e)));
            }
        }
        let mut dests = dests.into_iter();
        for (e, r, t) in vals {
            let dest = dests.next().flatten();
            let Some(e) = e else { continue };
            if define {
                if let ExprKind::Ident(id) = &e.kind {
                    if id.is_blank() {
                        continue;
                    }
                    if let Some(o) = self.g.info.defs.get(&id.id).copied() {
                        let var = self.new_home(o);
                        if var.boxed {
                            self.init_boxed(var, r);
                        } else {
                            let w = self.words(t);
                            self.emit(Op::MoveN {
                                d: var.reg,
                                a: r,
                                n: w,
                            });
                        }
                        self.vars.insert(o, var);
                    }
                }
            } else {
                let et = self.ty(e);
                let r = self.value_as(r, t, et);
                if let Some(dest) = dest {
                    self.store_dest(dest, r);
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn range_map(
        &mut self,
        key: Option<&'a Expr>,
        value: Option<&'a Expr>,
        define: bool,
        x: &'a Expr,
        body: &'a ast::Block,
        kt: TypeId,
        vt: TypeId,
    ) {
        let label = self.take_label();
        let mark = self.top;
        let m = self.operand(x);
        let it = self.alloc(ITER_WORDS);
        self.emit(Op::MapIter { d: it, a: m });
        let (kw, vw) = (self.words(kt), self.words(vt));
        let start = self.pc();
        let r = self.alloc(1 + kw + vw);
        self.emit(Op::MapNext { d: r, it });
        let exit = self.emit(Op::JumpIfNot { a: r, to: Pc(0) });
        let body_mark = self.top;
        let vals = vec![(key, Reg(r.0 + 1), kt), (value, Reg(r.0 + 1 + kw), vt)];
        self.bind_range_vars(vals, define);
        self.fetching_loop_body(label, body, start, exit, body_mark, mark);
    }

    /// `for v := range c`: receive until the channel is closed and drained.
    pub(super) fn range_chan(
        &mut self,
        key: Option<&'a Expr>,
        define: bool,
        x: &'a Expr,
        body: &'a ast::Block,
        et: TypeId,
    ) {
        let label = self.take_label();
        let mark = self.top;
        let c = self.alloc(1);
        self.expr_to(x, c);
        let ew = self.words(et);
        let start = self.pc();
        let r = self.alloc(ew + 1);
        self.set_pos(x.span.lo);
        self.emit(Op::ChanRecv {
            d: r,
            c,
            ew,
            ok: true,
        });
        let exit = self.emit(Op::JumpIfNot {
            a: Reg(r.0 + ew),
            to: Pc(0),
        });
        let body_mark = self.top;
        self.bind_range_vars(vec![(key, r, et)], define);
        self.fetching_loop_body(label, body, start, exit, body_mark, mark);
    }

    /// The rest of a loop that fetches its next element at `start` (a map
    /// iterator's next entry, a channel receive) and leaves through the
    /// jump `exit` when there is none: the body, `continue` back to the
    /// fetch, `break` and the exit after it; `top` returns to `mark`.
    pub(super) fn fetching_loop_body(
        &mut self,
        label: Option<String>,
        body: &'a ast::Block,
        start: Pc,
        exit: usize,
        body_mark: u32,
        mark: u32,
    ) {
        self.push_loop(label, false);
        self.block(body);
        let l = self.loops.pop().unwrap_or_else(unreachable_loop);
        self.patch_here(&l.continues);
        self.top = body_mark;
        self.jump_back(start);
        self.patch_here(&[exit]);
        self.patch_here(&l.breaks);
        self.top = mark;
    }
}
