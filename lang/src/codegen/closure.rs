//! Function literals and capture.
//!
//! A closure captures variables by reference: every variable a literal
//! uses from an enclosing function is boxed there (the checker marks it
//! captured; see `declare_at`), and
//! the closure object holds the boxes' addresses, read with
//! `LoadCapture`. The set of captures is found by walking the literal's
//! body before it is compiled; a literal that captures nothing is a
//! static function value, made once ([`FnGen::static_func`]).

use super::func::{FnGen, MAX_DEPTH};
use super::Body;
use crate::ast::{self, Expr, ExprKind, Span, StmtKind};
use crate::bytecode::{FuncId, Op, Reg};
use crate::types::{ObjId, ObjKind, VarKind};

impl<'g, 'a> FnGen<'g, 'a> {
    pub(super) fn func_value(&mut self, o: ObjId, d: Reg, span: Span) {
        if let Some(f) = self.g.func_id(o, span) {
            self.static_func(f, d);
        }
    }

    /// `d` = the function value of `f`, which captures nothing: made once
    /// before package initialization and kept in a hidden package-level
    /// word (see [`Gen::static_func_slot`]), so evaluating it allocates
    /// nothing, as in Go, where such values are static.
    pub(super) fn static_func(&mut self, f: FuncId, d: Reg) {
        let slot = self.g.static_func_slot(f);
        self.emit(Op::LoadGlobal { d, g: slot, n: 1 });
    }

    pub(super) fn func_lit(
        &mut self,
        e: &'a Expr,
        ty: &'a ast::FuncType,
        body: &'a ast::Block,
        d: Reg,
    ) {
        // Captured variables: every identifier in the body that denotes a
        // variable of this function (or one this function captured).
        let mut caps = Vec::new();
        self.collect_captures_block(body, &mut caps, 0);
        self.lit_count += 1;
        let name = format!("{}.func{}", self.name, self.lit_count);
        self.g.lit_captures.insert(e.id, caps.clone());
        let f = self.g.new_func(name, Body::Lit(e, ty, body));
        if caps.is_empty() {
            self.static_func(f, d);
            return;
        }
        let a = self.alloc(caps.len() as u32);
        for (i, o) in caps.iter().enumerate() {
            let r = Reg(a.0 + i as u32);
            if !self.addr_of_var(*o, r) {
                self.err(e.span, "this closure");
            }
        }
        self.emit(Op::MakeClosure {
            d,
            f,
            a,
            n: caps.len() as u32,
        });
    }

    pub(super) fn note_capture(&self, id: &ast::Ident, caps: &mut Vec<ObjId>) {
        if let Some(o) = self.g.info.uses.get(&id.id) {
            if (self.vars.contains_key(o) || self.captures.contains_key(o)) && !caps.contains(o) {
                if let ObjKind::Var(k) = self.g.tt.obj(*o).kind {
                    if k != VarKind::Global {
                        caps.push(*o);
                    }
                }
            }
        }
    }

    pub(super) fn collect_captures_block(&self, b: &ast::Block, caps: &mut Vec<ObjId>, depth: u32) {
        for s in &b.stmts {
            self.collect_captures_stmt(s, caps, depth + 1);
        }
    }

    pub(super) fn collect_captures_stmt(&self, s: &ast::Stmt, caps: &mut Vec<ObjId>, depth: u32) {
        if depth > MAX_DEPTH {
            return;
        }
        let d = depth + 1;
        let e = |x: &Expr, caps: &mut Vec<ObjId>| self.collect_captures_expr(x, caps, d);
        let st = |x: &ast::Stmt, caps: &mut Vec<ObjId>| self.collect_captures_stmt(x, caps, d);
        match &s.kind {
            StmtKind::Expr(x) | StmtKind::Go(x) | StmtKind::Defer(x) => e(x, caps),
            StmtKind::Send { ch, value } => {
                e(ch, caps);
                e(value, caps);
            }
            StmtKind::IncDec { x, .. } => e(x, caps),
            StmtKind::Assign { lhs, rhs, .. } => {
                for x in lhs.iter().chain(rhs) {
                    e(x, caps);
                }
            }
            StmtKind::Define { values, names } => {
                for x in values {
                    e(x, caps);
                }
                for n in names {
                    self.note_capture(n, caps);
                }
            }
            StmtKind::Decl(ast::Decl::Var(gd)) => {
                for sp in &gd.specs {
                    for x in &sp.values {
                        e(x, caps);
                    }
                }
            }
            StmtKind::Return(xs) => {
                for x in xs {
                    e(x, caps);
                }
            }
            StmtKind::Block(b) => self.collect_captures_block(b, caps, d),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    st(i, caps);
                }
                e(cond, caps);
                self.collect_captures_block(then, caps, d);
                if let Some(x) = els {
                    st(x, caps);
                }
            }
            StmtKind::Switch {
                init, tag, cases, ..
            } => {
                if let Some(i) = init {
                    st(i, caps);
                }
                if let Some(t) = tag {
                    e(t, caps);
                }
                for c in cases {
                    for x in &c.exprs {
                        e(x, caps);
                    }
                    for x in &c.body {
                        st(x, caps);
                    }
                }
            }
            StmtKind::TypeSwitch { init, x, cases, .. } => {
                if let Some(i) = init {
                    st(i, caps);
                }
                e(x, caps);
                for c in cases {
                    for x in &c.body {
                        st(x, caps);
                    }
                }
            }
            StmtKind::Select { cases, .. } => {
                for c in cases {
                    if let Some(x) = &c.comm {
                        st(x, caps);
                    }
                    for x in &c.body {
                        st(x, caps);
                    }
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(i) = init {
                    st(i, caps);
                }
                if let Some(c) = cond {
                    e(c, caps);
                }
                if let Some(p) = post {
                    st(p, caps);
                }
                self.collect_captures_block(body, caps, d);
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                for k in key.iter().chain(value.iter()) {
                    e(k, caps);
                }
                e(x, caps);
                self.collect_captures_block(body, caps, d);
            }
            StmtKind::Labeled { stmt, .. } => st(stmt, caps),
            _ => {}
        }
    }

    pub(super) fn collect_captures_expr(&self, x: &Expr, caps: &mut Vec<ObjId>, depth: u32) {
        if depth > MAX_DEPTH {
            return;
        }
        let d = depth + 1;
        let e = |y: &Expr, caps: &mut Vec<ObjId>| self.collect_captures_expr(y, caps, d);
        match &x.kind {
            ExprKind::Ident(id) => self.note_capture(id, caps),
            ExprKind::Composite { elems, .. } => {
                for el in elems {
                    if let Some(k) = &el.key {
                        e(k, caps);
                    }
                    e(&el.value, caps);
                }
            }
            ExprKind::FuncLit { body, .. } => self.collect_captures_block(body, caps, d),
            ExprKind::Paren(y) | ExprKind::Star(y) | ExprKind::Unary(_, y) => e(y, caps),
            ExprKind::Selector(y, _) => e(y, caps),
            ExprKind::Index(a, b) | ExprKind::Binary(_, a, b) => {
                e(a, caps);
                e(b, caps);
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                e(x, caps);
                for y in [lo, hi, max].into_iter().flatten() {
                    e(y, caps);
                }
            }
            ExprKind::TypeAssert { x, .. } => e(x, caps),
            ExprKind::Call { func, args, .. } => {
                e(func, caps);
                for a in args {
                    e(a, caps);
                }
            }
            _ => {}
        }
    }
}
