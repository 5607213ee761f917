//! Statements: blocks, `if`, `for` loops, `switch` and type switches,
//! labels, `break`, `continue`, `goto`, `fallthrough` and `return`.
//!
//! Jumps are emitted with a placeholder and patched when the label is
//! bound; `break`/`continue` find their loop on the stack of loop contexts
//! ([`FnGen::push_loop`]), which every loop and switch pushes and pops in
//! pairs; `goto` finds its label in the function's table of labels, bound
//! when the labelled statement is compiled. A `for` loop whose condition
//! is a simple comparison is compiled with the test at the bottom, fused
//! with the step where the VM has an instruction for both. Statements compile at a nesting depth bounded by
//! `MAX_DEPTH`, a compile error past it rather than a Rust stack overflow.

use super::call::ArgSrc;
use super::func::{strip_parens, unreachable_loop, FnGen, MAX_DEPTH};
use crate::ast::{self, BinaryOp, Expr, ExprKind, Span, Stmt, StmtKind};
use crate::bytecode::{Op, Pc, Reg};
use crate::constant::Value;
use crate::types::{ids, ObjId, TypeId};

impl<'g, 'a> FnGen<'g, 'a> {
    pub(super) fn block(&mut self, b: &'a ast::Block) {
        self.stmts(&b.stmts);
    }

    pub(super) fn stmts(&mut self, ss: &'a [Stmt]) {
        let mark = self.top;
        for s in ss {
            self.stmt(s, 0);
        }
        self.top = mark;
    }

    pub(super) fn stmt(&mut self, s: &'a Stmt, depth: u32) {
        if depth > MAX_DEPTH {
            self.err(s.span, "a statement nested this deeply");
            return;
        }
        if let Some(&r) = self.g.rewrites.get(&s.id) {
            self.pending_label = None;
            self.stmt(r, depth + 1);
            return;
        }
        self.set_pos(s.span.lo);
        let mark = self.top;
        match &s.kind {
            StmtKind::Empty | StmtKind::Bad => {}
            StmtKind::Expr(e) => {
                let t = self.g.info.type_of(e.id).unwrap_or(ids::VOID);
                let w = self.words(t);
                let d = self.alloc(w);
                self.expr_to(e, d);
            }
            StmtKind::IncDec { x, inc } => {
                let op = if *inc { BinaryOp::Add } else { BinaryOp::Sub };
                self.op_assign(x, op, None);
            }
            StmtKind::Assign { lhs, op, rhs } => {
                if let Some(op) = op {
                    self.op_assign(&lhs[0], *op, Some(&rhs[0]));
                } else {
                    self.assign(lhs, rhs);
                }
            }
            StmtKind::Define { names, values } => self.define(names, values),
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Return(es) => self.ret(es),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i, depth + 1);
                }
                let j = self.cond_jump(cond, false, 0);
                self.block(then);
                if let Some(e) = els {
                    let j2 = self.emit(Op::Jump { to: Pc(0) });
                    self.patch_here(&j);
                    self.stmt(e, depth + 1);
                    self.patch_here(&[j2]);
                } else {
                    self.patch_here(&j);
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_loop(s, init.as_deref(), cond.as_ref(), post.as_deref(), body),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
                ..
            } => self.range(s, key.as_ref(), value.as_ref(), *define, x, body),
            StmtKind::Switch {
                init, tag, cases, ..
            } => self.switch(init.as_deref(), tag.as_ref(), cases),
            StmtKind::Break(label) => self.branch(s.span, label.as_ref(), true),
            StmtKind::Continue(label) => self.branch(s.span, label.as_ref(), false),
            StmtKind::Labeled { label, stmt } => {
                self.bind_goto_label(&label.name);
                self.pending_label = Some(label.name.clone());
                self.stmt(stmt, depth + 1);
                self.pending_label = None;
            }
            StmtKind::Defer(e) => self.defer(e),
            StmtKind::Go(e) => self.go_stmt(e),
            StmtKind::Send { ch, value } => self.send_stmt(ch, value),
            StmtKind::Select { cases, .. } => self.select_stmt(cases),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                cases,
                ..
            } => self.type_switch(init.as_deref(), bind.as_ref(), x, cases),
            StmtKind::Goto(l) => self.goto(l),
            StmtKind::Fallthrough => {
                let j = self.emit(Op::Jump { to: Pc(0) });
                self.fallthroughs.push(j);
            }
        }
        // Declarations keep their variables' slots until the block ends.
        if !matches!(s.kind, StmtKind::Define { .. } | StmtKind::Decl(_)) {
            self.top = mark;
        }
    }

    /// Binds label `name` here for `goto`, patching the forward gotos
    /// already compiled.
    fn bind_goto_label(&mut self, name: &str) {
        let l = self.gotos.entry(name.to_string()).or_default();
        l.pc = Some(Pc(self.code.len() as u32));
        let sites: Vec<usize> = std::mem::take(&mut l.pending)
            .into_iter()
            .map(|(site, _)| site)
            .collect();
        // (Also keeps a retargeting or fusing peephole from reaching
        // across the label, as for any jump target.)
        self.patch_here(&sites);
    }

    /// `goto L`: a backward goto is a `Loop` (it spends the goroutine's
    /// budget, as a loop's back edge does), a forward one a `Jump`
    /// patched when the label is bound. The checker has made sure the
    /// slots live at the label are those live here (see `check::labels`).
    fn goto(&mut self, l: &ast::Ident) {
        match self.gotos.get(&l.name).and_then(|g| g.pc) {
            Some(pc) => self.jump_back(pc),
            None => {
                let j = self.emit(Op::Jump { to: Pc(0) });
                self.gotos
                    .entry(l.name.clone())
                    .or_default()
                    .pending
                    .push((j, l.span));
            }
        }
    }

    pub(super) fn take_label(&mut self) -> Option<String> {
        self.pending_label.take()
    }

    pub(super) fn for_loop(
        &mut self,
        s: &'a Stmt,
        init: Option<&'a Stmt>,
        cond: Option<&'a Expr>,
        post: Option<&'a Stmt>,
        body: &'a ast::Block,
    ) {
        let label = self.take_label();
        let mark = self.top;
        if let Some(i) = init {
            self.stmt_keep(i);
        }
        // Per-iteration loop variables (Go 1.22): a boxed variable gets a
        // fresh box at the start of each iteration's post statement.
        let per_iter: Vec<ObjId> = self
            .g
            .info
            .loop_vars
            .get(&s.id)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|o| self.vars.get(o).is_some_and(|v| v.boxed))
            .collect();
        // The condition is tested at the bottom (one conditional backward
        // jump per iteration instead of a test, an exit jump and a `Loop`).
        // The first test is a copy of it at the top when it is a plain
        // comparison of locals and constants (cheap to compile twice, no
        // side effects), else a jump to the bottom test.
        let cond = cond.filter(|c| !matches!(self.const_value(c), Some(Value::Bool(true))));
        let guarded = cond.is_some_and(|c| self.simple_comparison(c));
        let mut exits = Vec::new();
        let mut enter = None;
        if let Some(c) = cond {
            if guarded {
                exits = self.cond_jump(c, false, 0);
            } else {
                enter = Some(self.emit(Op::Jump { to: Pc(0) }));
            }
        }
        let start = self.pc();
        self.patch_here(&[]);
        self.push_loop(label, false);
        self.block(body);
        let l = self.loops.pop().unwrap_or_else(unreachable_loop);
        self.patch_here(&l.continues);
        for o in per_iter {
            self.rebox(o);
        }
        if let Some(p) = post {
            self.stmt(p, 0);
        }
        match cond {
            Some(c) => {
                if let Some(enter) = enter {
                    self.patch_here(&[enter]);
                }
                let back = self.cond_jump(c, true, 0);
                self.patch_back(&back, start);
                if guarded {
                    self.fuse_step_and_test();
                }
            }
            None => self.jump_back(start),
        }
        self.patch_here(&exits);
        self.patch_here(&l.breaks);
        self.top = mark;
    }

    /// Whether `e` is a comparison of unboxed locals and constants.
    pub(super) fn simple_comparison(&self, e: &'a Expr) -> bool {
        let e = strip_parens(e);
        let ExprKind::Binary(op, a, b) = &e.kind else {
            return false;
        };
        let leaf = |x: &'a Expr| {
            !self.is_nil(x) && (self.const_value(x).is_some() || self.local_reg(x).is_some())
        };
        op.is_comparison() && leaf(a) && leaf(b)
    }

    /// A loop's bottom `i += v` followed by its test `i < x` (or `<=`)
    /// becomes one `IncJumpIf...` (Lua's FORLOOP): the step and test of a
    /// counted loop in one dispatch. Only when nothing jumps to the test
    /// itself (the guarded layout: `continue` targets the step).
    pub(super) fn fuse_step_and_test(&mut self) {
        let n = self.code.len();
        if n < 2 || self.label_at == n - 1 {
            return;
        }
        let Op::AddIntImm { d, a: src, v } = self.code[n - 2] else {
            return;
        };
        if d != src {
            return;
        }
        let fused = match self.code[n - 1] {
            Op::JumpIfLtInt { a, b, to } if a == d => Op::IncJumpIfLtInt { a, v, b, to },
            Op::JumpIfLeInt { a, b, to } if a == d => Op::IncJumpIfLeInt { a, v, b, to },
            Op::JumpIfLtIntImm { a, v: lim, to } if a == d => {
                Op::IncJumpIfLtIntImm { a, v, lim, to }
            }
            Op::JumpIfLeIntImm { a, v: lim, to } if a == d => {
                Op::IncJumpIfLeIntImm { a, v, lim, to }
            }
            _ => return,
        };
        self.truncate_code(n - 1);
        self.code[n - 2] = fused;
    }

    /// Gives a boxed variable a fresh box holding its current value.
    pub(super) fn rebox(&mut self, o: ObjId) {
        let Some(v) = self.vars.get(&o).copied() else {
            return;
        };
        let w = self.words(v.ty);
        let rt = self.g.rt_type(v.ty);
        let mark = self.top;
        let tmp = self.alloc(w);
        self.load_mem(tmp, v.reg, 0, v.ty);
        self.new_holding(v.reg, rt, tmp);
        self.top = mark;
    }

    /// Compiles a statement whose variables must outlive it (a loop's init).
    pub(super) fn stmt_keep(&mut self, s: &'a Stmt) {
        self.set_pos(s.span.lo);
        match &s.kind {
            StmtKind::Define { names, values } => self.define(names, values),
            _ => self.stmt(s, 0),
        }
    }

    pub(super) fn switch(
        &mut self,
        init: Option<&'a Stmt>,
        tag: Option<&'a Expr>,
        cases: &'a [ast::CaseClause],
    ) {
        let label = self.take_label();
        let mark = self.top;
        if let Some(i) = init {
            self.stmt_keep(i);
        }
        let tag_r = tag.map(|t| {
            let ty = self.ty(t);
            let r = self.alloc(self.words(ty));
            self.expr_to(t, r);
            (r, ty)
        });
        self.switch_clauses(
            label,
            cases,
            |c| (&c.exprs, c.is_default),
            |g, e| match tag_r {
                Some((tr, tt)) => g.compare_with(tr, tt, e),
                None => g.operand(e),
            },
            |g, c| g.stmts(&c.body),
        );
        self.top = mark;
    }

    pub(super) fn type_switch(
        &mut self,
        init: Option<&'a Stmt>,
        bind: Option<&'a ast::Ident>,
        x: &'a Expr,
        cases: &'a [ast::TypeCaseClause],
    ) {
        let label = self.take_label();
        let mark = self.top;
        if let Some(i) = init {
            self.stmt_keep(i);
        }
        let xr = self.alloc(1);
        self.expr_to(x, xr);
        self.switch_clauses(
            label,
            cases,
            |c| (&c.types, c.is_default),
            |g, te| g.type_case_test(xr, te),
            |g, c| {
                let m = g.top;
                g.bind_type_case(bind, xr, c);
                g.stmts(&c.body);
                g.top = m;
            },
        );
        self.top = mark;
    }

    /// The shape both switches compile to. The tests come first, in source
    /// order: each evaluates one case's test (`test` leaves a bool in the
    /// register it returns) and jumps to its clause's body when true; after
    /// them a jump to the default clause, or past the switch if there is
    /// none. Then the bodies (`body` compiles one clause), each ending in a
    /// jump past the switch; a `fallthrough` at the end of a body jumps to
    /// the next body instead (type switches have none; the checker rejects
    /// it there). The switch is a loop context for `break`.
    fn switch_clauses<C>(
        &mut self,
        label: Option<String>,
        cases: &'a [C],
        parts: fn(&'a C) -> (&'a [Expr], bool),
        mut test: impl FnMut(&mut Self, &'a Expr) -> Reg,
        mut body: impl FnMut(&mut Self, &'a C),
    ) {
        self.push_loop(label, true);
        // Tests in order; each matching test jumps to its body.
        let mut body_jumps: Vec<Vec<usize>> = Vec::new();
        for c in cases {
            let mut js = Vec::new();
            for e in parts(c).0 {
                let m = self.top;
                let r = test(self, e);
                js.push(self.emit(Op::JumpIf { a: r, to: Pc(0) }));
                self.top = m;
            }
            body_jumps.push(js);
        }
        let default_jump = self.emit(Op::Jump { to: Pc(0) });
        let mut ends = Vec::new();
        let mut default_pc = None;
        let outer_falls = std::mem::take(&mut self.fallthroughs);
        for (i, c) in cases.iter().enumerate() {
            self.patch_here(&body_jumps[i]);
            // A `fallthrough` of the previous clause lands here.
            let falls = std::mem::take(&mut self.fallthroughs);
            self.patch_here(&falls);
            if parts(c).1 {
                default_pc = Some(self.pc());
            }
            body(self, c);
            ends.push(self.emit(Op::Jump { to: Pc(0) }));
        }
        let falls = std::mem::replace(&mut self.fallthroughs, outer_falls);
        ends.extend(falls);
        match default_pc {
            Some(p) => self.patch(default_jump, p),
            None => ends.push(default_jump),
        }
        let l = self.loops.pop().unwrap_or_else(unreachable_loop);
        self.patch_here(&ends);
        self.patch_here(&l.breaks);
    }

    /// Whether the interface in `xr` matches type-switch case `te` (a type
    /// or `nil`), as a bool in a new register.
    fn type_case_test(&mut self, xr: Reg, te: &'a Expr) -> Reg {
        let r = self.alloc(1);
        let tt = self.g.info.type_of(te.id).unwrap_or(ids::INVALID);
        if self.is_nil(te) || tt == ids::UNTYPED_NIL {
            let z = self.alloc(1);
            self.emit(Op::LoadInt { d: z, v: 0 });
            self.emit(Op::EqInt { d: r, a: xr, b: z });
        } else {
            let rt = self.g.rt_type(tt);
            if self.is_iface(tt) {
                self.emit(Op::IfaceImplements { d: r, a: xr, t: rt });
            } else {
                self.emit(Op::IfaceIs { d: r, a: xr, t: rt });
            }
        }
        r
    }

    /// Declares a type-switch clause's variable (`switch v := x.(type)`):
    /// the unboxed value for a single concrete type, else the interface
    /// itself.
    fn bind_type_case(
        &mut self,
        bind: Option<&'a ast::Ident>,
        xr: Reg,
        c: &'a ast::TypeCaseClause,
    ) {
        let bound = bind
            .filter(|b| !b.is_blank())
            .and_then(|_| self.g.info.implicits.get(&c.implicit).copied());
        let Some(o) = bound else {
            return;
        };
        let vt = self.g.tt.obj(o).ty;
        let var = self.new_home(o);
        let w = self.words(vt);
        let src = if self.is_iface(vt) {
            xr
        } else {
            let tmp = self.alloc(w);
            self.emit(Op::IfaceUnbox {
                d: tmp,
                a: xr,
                n: w,
            });
            tmp
        };
        if var.boxed {
            self.init_boxed(var, src);
        } else {
            self.emit(Op::MoveN {
                d: var.reg,
                a: src,
                n: w,
            });
        }
        self.vars.insert(o, var);
    }

    /// Compares the switch tag in `tr` with case expression `e`.
    pub(super) fn compare_with(&mut self, tr: Reg, tt: TypeId, e: &'a Expr) -> Reg {
        let et = self.ty(e);
        let d = self.alloc(1);
        if self.is_iface(tt) && !self.is_iface(et) {
            let v = self.alloc(1);
            self.convert_to(e, tt, v);
            self.emit(Op::EqIface { d, a: tr, b: v });
            return d;
        }
        if !self.is_iface(tt) && self.is_iface(et) {
            // `switch n { case i: }` with an interface case: the tag is
            // compared as an interface holding it, as `n == i` is.
            let a = self.value_as(tr, tt, et);
            let v = self.alloc(1);
            self.expr_to(e, v);
            self.emit(Op::EqIface { d, a, b: v });
            return d;
        }
        let b = self.alloc(self.words(tt));
        self.convert_to(e, tt, b);
        self.equal(d, tr, b, tt, false, e.span);
        d
    }

    pub(super) fn branch(&mut self, span: Span, label: Option<&ast::Ident>, is_break: bool) {
        let j = self.emit(Op::Jump { to: Pc(0) });
        let idx = self.loops.iter().rposition(|l| match label {
            Some(n) => l.label.as_deref() == Some(n.name.as_str()),
            None => is_break || !l.is_switch,
        });
        match idx {
            Some(i) => {
                let l = &mut self.loops[i];
                if is_break {
                    l.breaks.push(j);
                } else if let Some(c) = l.cont {
                    self.patch(j, c);
                } else {
                    l.continues.push(j);
                }
            }
            None => self.err(span, "this branch statement"),
        }
    }

    pub(super) fn ret(&mut self, es: &'a [Expr]) {
        if es.is_empty() {
            self.ret_named();
            return;
        }
        let rts = self.results.clone();
        // (Not with named results: deferred calls must see them set.)
        if es.len() == 1 && rts.len() == 1 && self.named_results.is_empty() {
            // A local returned as is needs no copy.
            if let Some(r) = self.local_reg(&es[0]) {
                if self.g.tt.identical(self.ty(&es[0]), rts[0]) || !self.is_iface(rts[0]) {
                    let n = self.words(rts[0]);
                    self.emit(Op::Return { a: r, n });
                    return;
                }
            }
        }
        let rw: u32 = rts.iter().map(|&t| self.words(t)).sum();
        let d = self.alloc(rw);
        if es.len() == rts.len() {
            let mut off = 0;
            for (e, &t) in es.iter().zip(&rts) {
                self.convert_to(e, t, Reg(d.0 + off));
                off += self.words(t);
            }
        } else {
            // `return f()`: each value converted to its result's type.
            let t = self.ty(&es[0]);
            let elems = self
                .g
                .tt
                .tuple_elems(t)
                .map(|x| x.to_vec())
                .unwrap_or_default();
            let tmp = self.alloc(self.words(t));
            self.expr_to(&es[0], tmp);
            let (mut src, mut dst) = (0, 0);
            for (&et, &rt) in elems.iter().zip(&rts) {
                self.arg_to(ArgSrc::Val(Reg(tmp.0 + src), et), rt, Reg(d.0 + dst));
                src += self.words(et);
                dst += self.words(rt);
            }
        }
        // Named results are observable by deferred functions: store them.
        if !self.named_results.is_empty() {
            let mut off = 0;
            for v in self.named_results.clone() {
                let w = self.words(v.ty);
                self.write_var(v, Reg(d.0 + off));
                off += w;
            }
            self.ret_named();
            return;
        }
        self.emit(Op::Return { a: d, n: rw });
    }
}
