//! Concurrency statements: `go`, channel sends, receives and `select`.
//!
//! A `go` statement evaluates the function and its arguments in the
//! current goroutine, then starts the new one with them, as Go does; a `go`
//! of a builtin goes through a wrapper function (`main.f.gowrap1`). A
//! `select` evaluates every case's channel and value first, in source
//! order, then hands the whole set to one `Select` instruction and jumps
//! on the index of the case chosen.

use super::func::{strip_parens, unreachable_loop, FnGen};
use crate::ast::{self, Expr, ExprKind, Stmt, StmtKind, UnaryOp};
use crate::bytecode::{Op, Pc, Reg};
use crate::types::{ids, Type, TypeId};

impl<'g, 'a> FnGen<'g, 'a> {
    /// `go f(x)`: the function value and the argument words are evaluated
    /// now, in this goroutine (as for `defer`); the VM starts a goroutine
    /// calling the closure with them.
    pub(super) fn go_stmt(&mut self, e: &'a Expr) {
        let mark = self.top;
        self.set_pos(e.span.lo);
        if let Some((c, a, n)) = self.deferred_call(e, true, "this go statement") {
            // The goroutine's `created by` line: the statement's.
            self.set_pos(e.span.lo);
            self.emit(Op::Go { c, a, n });
        }
        self.top = mark;
    }

    /// The element type of channel type `t`.
    pub(super) fn chan_elem(&self, t: TypeId) -> TypeId {
        match self.under(t) {
            Type::Chan(_, et) => *et,
            _ => ids::INVALID,
        }
    }

    /// `ch <- v`.
    pub(super) fn send_stmt(&mut self, ch: &'a Expr, value: &'a Expr) {
        let mark = self.top;
        let et = self.chan_elem(self.ty(ch));
        let c = self.operand(ch);
        let ew = self.words(et);
        let a = self.alloc(ew.max(1));
        self.convert_to(value, et, a);
        self.set_pos(ch.span.lo);
        self.emit(Op::ChanSend { c, a, ew });
        self.top = mark;
    }

    /// `<-c` (with `ok` when the expression is the comma-ok form).
    pub(super) fn recv_expr(&mut self, e: &'a Expr, x: &'a Expr, d: Reg) {
        let et = self.chan_elem(self.ty(x));
        let c = self.operand(x);
        let ew = self.words(et);
        let ok = self.g.tt.tuple_elems(self.ty(e)).is_some();
        self.set_pos(e.span.lo);
        self.emit(Op::ChanRecv { d, c, ew, ok });
    }

    /// `select`: every case's channel and sent value are evaluated in
    /// source order, then one `Select` instruction followed by one
    /// `SelectCase` per case picks a case; a chain of comparisons on the
    /// chosen index runs its body.
    pub(super) fn select_stmt(&mut self, cases: &'a [ast::CommClause]) {
        let label = self.take_label();
        let mark = self.top;
        // (case index in the instruction, the receive's lhs, registers)
        struct Case<'a> {
            comm: Option<&'a Stmt>,
            a: Reg,
            et: TypeId,
        }
        let mut ops = Vec::new();
        let mut plan: Vec<Case<'a>> = Vec::new();
        let mut has_default = false;
        // Each case's operands are evaluated at its own line (a nil
        // dereference there panics at the case, as in Go: test/fixedbugs/
        // bug347.go); the select itself blocks at the statement's.
        let at = (self.line, self.file);
        for cc in cases {
            let Some(comm) = cc.comm.as_deref() else {
                has_default = true;
                plan.push(Case {
                    comm: None,
                    a: Reg(0),
                    et: ids::INVALID,
                });
                continue;
            };
            let recv_of = |x: &'a Expr| -> Option<&'a Expr> {
                match &strip_parens(x).kind {
                    ExprKind::Unary(UnaryOp::Recv, c) => Some(c),
                    _ => None,
                }
            };
            let ch = match &comm.kind {
                StmtKind::Send { ch, .. } => Some(ch),
                StmtKind::Expr(x) => recv_of(x),
                StmtKind::Assign { rhs, .. } => rhs.first().and_then(recv_of),
                StmtKind::Define { values, .. } => values.first().and_then(recv_of),
                _ => None,
            };
            let Some(ch) = ch else {
                self.err(comm.span, "this select case");
                return;
            };
            let et = self.chan_elem(self.ty(ch));
            let ew = self.words(et);
            let c = self.alloc(1);
            self.set_pos(ch.span.lo);
            self.expr_to(ch, c);
            let a = self.alloc(ew.max(1));
            let send = if let StmtKind::Send { value, .. } = &comm.kind {
                self.convert_to(value, et, a);
                true
            } else {
                false
            };
            ops.push(Op::SelectCase { c, a, ew, send });
            plan.push(Case {
                comm: Some(comm),
                a,
                et,
            });
        }
        (self.line, self.file) = at;
        let d = self.alloc(2);
        self.emit(Op::Select {
            d,
            n: ops.len() as u32,
            block: !has_default,
        });
        for op in ops {
            self.emit(op);
        }
        self.push_loop(label, true);
        let mut ends = Vec::new();
        let mut k = 0i64;
        for (cc, case) in cases.iter().zip(&plan) {
            let m = self.top;
            let want = if case.comm.is_some() {
                k += 1;
                k - 1
            } else {
                -1
            };
            let kr = self.alloc(1);
            self.emit(Op::LoadInt { d: kr, v: want });
            let t = self.alloc(1);
            self.emit(Op::EqInt { d: t, a: d, b: kr });
            let skip = self.emit(Op::JumpIfNot { a: t, to: Pc(0) });
            self.top = m;
            if let Some(comm) = case.comm {
                let ew = self.words(case.et);
                match &comm.kind {
                    StmtKind::Define { names, .. } => {
                        let vals = [(names.first(), case.a), (names.get(1), Reg(d.0 + 1))];
                        for (k2, (name, r)) in vals.into_iter().enumerate() {
                            let Some(id) = name else { continue };
                            if id.is_blank() {
                                continue;
                            }
                            let Some(o) = self.g.info.defs.get(&id.id).copied() else {
                                continue;
                            };
                            let var = self.new_home(o);
                            if var.boxed {
                                self.init_boxed(var, r);
                            } else {
                                let n = if k2 == 0 { ew } else { 1 };
                                self.emit(Op::MoveN {
                                    d: var.reg,
                                    a: r,
                                    n,
                                });
                            }
                            self.vars.insert(o, var);
                        }
                    }
                    StmtKind::Assign { lhs, .. } => {
                        let vals = vec![
                            (lhs.first(), case.a, case.et),
                            (lhs.get(1), Reg(d.0 + 1), ids::BOOL),
                        ];
                        self.bind_range_vars(vals, false);
                    }
                    _ => {}
                }
            }
            self.stmts(&cc.body);
            ends.push(self.emit(Op::Jump { to: Pc(0) }));
            self.patch_here(&[skip]);
        }
        let l = self.loops.pop().unwrap_or_else(unreachable_loop);
        self.patch_here(&ends);
        self.patch_here(&l.breaks);
        self.top = mark;
    }
}
