//! Fresh node ids for a copy of a generic declaration.
//!
//! Generics are compiled by monomorphisation at the syntax level: each
//! instantiation checks and compiles its own copy of the declaration (see
//! `generic`). The checker's side tables are keyed by [`NodeId`], so a copy
//! must not share ids with the original or with another copy: this module
//! gives every node of a copy a fresh id.

use crate::ast::*;

pub(crate) struct Renumber<'g> {
    pub(crate) ids: &'g mut NodeIdGen,
}

impl Renumber<'_> {
    pub(crate) fn func_decl(&mut self, f: &mut FuncDecl) {
        if let Some(r) = &mut f.recv {
            self.param(r);
        }
        self.ident(&mut f.name);
        for tp in &mut f.tparams {
            self.tparam(tp);
        }
        self.func_type(&mut f.ty);
        if let Some(b) = &mut f.body {
            self.block(b);
        }
    }

    fn tparam(&mut self, tp: &mut TypeParam) {
        for n in &mut tp.names {
            self.ident(n);
        }
        self.expr(&mut tp.constraint);
    }

    fn ident(&mut self, i: &mut Ident) {
        i.id = self.ids.fresh();
    }

    fn param(&mut self, p: &mut Param) {
        for n in &mut p.names {
            self.ident(n);
        }
        self.expr(&mut p.ty);
    }

    fn func_type(&mut self, f: &mut FuncType) {
        for p in f.params.iter_mut().chain(f.results.iter_mut()) {
            self.param(p);
        }
    }

    fn opt(&mut self, e: &mut Option<Box<Expr>>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    pub(crate) fn expr(&mut self, e: &mut Expr) {
        e.id = self.ids.fresh();
        match &mut e.kind {
            ExprKind::Ident(i) => self.ident(i),
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Imag(_)
            | ExprKind::Rune(_)
            | ExprKind::Str(_)
            | ExprKind::Bad => {}
            ExprKind::Composite { ty, elems, .. } => {
                self.opt(ty);
                for el in elems {
                    if let Some(k) = &mut el.key {
                        self.expr(k);
                    }
                    self.expr(&mut el.value);
                }
            }
            ExprKind::FuncLit { ty, body } => {
                self.func_type(ty);
                self.block(body);
            }
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary(_, x) => self.expr(x),
            ExprKind::SliceType(x) | ExprKind::ChanType(_, x) => self.expr(x),
            ExprKind::Selector(x, n) => {
                self.expr(x);
                self.ident(n);
            }
            ExprKind::Index(x, i) | ExprKind::Binary(_, x, i) | ExprKind::MapType(x, i) => {
                self.expr(x);
                self.expr(i);
            }
            ExprKind::IndexList(x, is) => {
                self.expr(x);
                for i in is {
                    self.expr(i);
                }
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.expr(x);
                self.opt(lo);
                self.opt(hi);
                self.opt(max);
            }
            ExprKind::TypeAssert { x, ty } => {
                self.expr(x);
                self.opt(ty);
            }
            ExprKind::Call { func, args, .. } => {
                self.expr(func);
                for a in args {
                    self.expr(a);
                }
            }
            ExprKind::ArrayType { len, elem } => {
                self.opt(len);
                self.expr(elem);
            }
            ExprKind::FuncType(f) => self.func_type(f),
            ExprKind::StructType(fs) => {
                for f in fs {
                    for n in &mut f.names {
                        self.ident(n);
                    }
                    self.expr(&mut f.ty);
                }
            }
            ExprKind::InterfaceType(els) => {
                for el in els {
                    match el {
                        InterfaceElem::Method { name, ty } => {
                            self.ident(name);
                            self.func_type(ty);
                        }
                        InterfaceElem::Embed(x) => self.expr(x),
                        InterfaceElem::Union(ts) => {
                            for (_, t) in ts {
                                self.expr(t);
                            }
                        }
                    }
                }
            }
        }
    }

    fn block(&mut self, b: &mut Block) {
        for s in &mut b.stmts {
            self.stmt(s);
        }
    }

    fn opt_stmt(&mut self, s: &mut Option<Box<Stmt>>) {
        if let Some(s) = s {
            self.stmt(s);
        }
    }

    fn decl(&mut self, d: &mut Decl) {
        match d {
            Decl::Var(g) => {
                for s in &mut g.specs {
                    for n in &mut s.names {
                        self.ident(n);
                    }
                    if let Some(t) = &mut s.ty {
                        self.expr(t);
                    }
                    for v in &mut s.values {
                        self.expr(v);
                    }
                }
            }
            Decl::Const(g) => {
                for s in &mut g.specs {
                    for n in &mut s.names {
                        self.ident(n);
                    }
                    if let Some(t) = &mut s.ty {
                        self.expr(t);
                    }
                    for v in &mut s.values {
                        self.expr(v);
                    }
                }
            }
            Decl::Type(g) => {
                for s in &mut g.specs {
                    self.ident(&mut s.name);
                    for tp in &mut s.tparams {
                        self.tparam(tp);
                    }
                    self.expr(&mut s.ty);
                }
            }
            Decl::Func(f) => self.func_decl(f),
        }
    }

    pub(crate) fn stmt_pub(&mut self, s: &mut Stmt) {
        self.stmt(s)
    }

    fn stmt(&mut self, s: &mut Stmt) {
        s.id = self.ids.fresh();
        match &mut s.kind {
            StmtKind::Empty | StmtKind::Fallthrough | StmtKind::Bad => {}
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => self.expr(e),
            StmtKind::Send { ch, value } => {
                self.expr(ch);
                self.expr(value);
            }
            StmtKind::IncDec { x, .. } => self.expr(x),
            StmtKind::Assign { lhs, rhs, .. } => {
                for e in lhs.iter_mut().chain(rhs.iter_mut()) {
                    self.expr(e);
                }
            }
            StmtKind::Define { names, values } => {
                for n in names {
                    self.ident(n);
                }
                for v in values {
                    self.expr(v);
                }
            }
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Return(es) => {
                for e in es {
                    self.expr(e);
                }
            }
            StmtKind::Break(l) | StmtKind::Continue(l) => {
                if let Some(l) = l {
                    self.ident(l);
                }
            }
            StmtKind::Goto(l) => self.ident(l),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.opt_stmt(init);
                self.expr(cond);
                self.block(then);
                self.opt_stmt(els);
            }
            StmtKind::Switch {
                init, tag, cases, ..
            } => {
                self.opt_stmt(init);
                if let Some(t) = tag {
                    self.expr(t);
                }
                for c in cases {
                    for e in &mut c.exprs {
                        self.expr(e);
                    }
                    for s in &mut c.body {
                        self.stmt(s);
                    }
                }
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                cases,
                ..
            } => {
                self.opt_stmt(init);
                if let Some(b) = bind {
                    self.ident(b);
                }
                self.expr(x);
                for c in cases {
                    c.implicit = self.ids.fresh();
                    for e in &mut c.types {
                        self.expr(e);
                    }
                    for s in &mut c.body {
                        self.stmt(s);
                    }
                }
            }
            StmtKind::Select { cases, .. } => {
                for c in cases {
                    self.opt_stmt(&mut c.comm);
                    for s in &mut c.body {
                        self.stmt(s);
                    }
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.opt_stmt(init);
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.opt_stmt(post);
                self.block(body);
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                if let Some(k) = key {
                    self.expr(k);
                }
                if let Some(v) = value {
                    self.expr(v);
                }
                self.expr(x);
                self.block(body);
            }
            StmtKind::Labeled { label, stmt } => {
                self.ident(label);
                self.stmt(stmt);
            }
        }
    }
}
