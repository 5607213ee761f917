//! One walk over the syntax tree, for the passes that only need to see
//! every expression in source order: the checker's search for the names a
//! file or a declaration mentions (implicit imports of scripts, the
//! dependencies of package-level declarations) and the code generator's
//! search for the variables a function literal captures.
//!
//! A [`Visitor`] sees each expression before its operands, and the names a
//! `:=` declares after its values. Two choices vary between the passes and
//! are the visitor's to make:
//!
//! * [`Visitor::TYPES`]: whether type expressions and the declarations that
//!   compile to no code (constants, types, a function's signature) are
//!   walked too. Names in a type matter to the checker; capture is about
//!   variables a closure evaluates at run time, and a variable named only
//!   in a constant expression (`const n = len(arr)`) is not captured.
//! * [`Visitor::MAX_DEPTH`]: past this nesting the walk stops silently.
//!   The parser caps nesting, so only a visitor that runs in a deeper
//!   recursion (the code generator) needs a smaller bound.
//!
//! Rejected: a `Visitor` with one method per node kind, as `syn` has. Both
//! passes here only look at identifiers and selectors; a wide trait would
//! be mostly defaults, and the walk's order (which fixes the order of a
//! closure's captures, and so its bytecode) is clearer as one function.

use crate::ast::{
    Block, Decl, Expr, ExprKind, FuncDecl, FuncType, Ident, InterfaceElem, Stmt, StmtKind,
};

pub(crate) trait Visitor {
    /// Walk type expressions and constant, type and function declarations.
    const TYPES: bool;
    /// Nesting (in statements, blocks and expressions) past which the walk
    /// stops.
    const MAX_DEPTH: u32 = u32::MAX;

    /// Called for every expression, before its operands.
    fn expr(&mut self, e: &Expr);

    /// Called with the names a `:=` declares, after its values.
    fn defined(&mut self, _names: &[Ident]) {}

    /// Walks the statement that replaces `s` (a range over a function
    /// the checker rewrote), if the visitor knows of one; `false` walks
    /// `s` itself.
    fn replaced(&mut self, _s: &Stmt, _depth: u32) -> bool {
        false
    }
}

pub(crate) fn block<V: Visitor>(v: &mut V, b: &Block, depth: u32) {
    for s in &b.stmts {
        stmt(v, s, depth + 1);
    }
}

pub(crate) fn decl<V: Visitor>(v: &mut V, d: &Decl, depth: u32) {
    let e = |v: &mut V, x: &Expr| expr(v, x, depth);
    match d {
        Decl::Var(g) => {
            for s in &g.specs {
                if let Some(t) = s.ty.as_ref().filter(|_| V::TYPES) {
                    e(v, t);
                }
                s.values.iter().for_each(|x| e(v, x));
            }
        }
        Decl::Const(g) if V::TYPES => {
            for s in &g.specs {
                if let Some(t) = &s.ty {
                    e(v, t);
                }
                s.values.iter().for_each(|x| e(v, x));
            }
        }
        Decl::Type(g) if V::TYPES => g.specs.iter().for_each(|s| e(v, &s.ty)),
        Decl::Func(f) if V::TYPES => func_decl(v, f, depth),
        Decl::Const(_) | Decl::Type(_) | Decl::Func(_) => {}
    }
}

fn func_type<V: Visitor>(v: &mut V, t: &FuncType, depth: u32) {
    for p in t.params.iter().chain(&t.results) {
        expr(v, &p.ty, depth);
    }
}

/// A function declaration as [`decl`] walks it with [`Visitor::TYPES`]:
/// the receiver's type, the signature, the body.
pub(crate) fn func_decl<V: Visitor>(v: &mut V, f: &FuncDecl, depth: u32) {
    if let Some(r) = &f.recv {
        expr(v, &r.ty, depth);
    }
    func_type(v, &f.ty, depth);
    if let Some(b) = &f.body {
        block(v, b, depth);
    }
}

pub(crate) fn stmt<V: Visitor>(v: &mut V, s: &Stmt, depth: u32) {
    if depth > V::MAX_DEPTH {
        return;
    }
    if v.replaced(s, depth) {
        return;
    }
    let d = depth + 1;
    let e = |v: &mut V, x: &Expr| expr(v, x, d);
    let st = |v: &mut V, x: &Option<Box<Stmt>>| {
        if let Some(x) = x {
            stmt(v, x, d);
        }
    };
    match &s.kind {
        StmtKind::Empty
        | StmtKind::Break(_)
        | StmtKind::Continue(_)
        | StmtKind::Goto(_)
        | StmtKind::Fallthrough
        | StmtKind::Bad => {}
        StmtKind::Expr(x) | StmtKind::Go(x) | StmtKind::Defer(x) => e(v, x),
        StmtKind::Send { ch, value } => {
            e(v, ch);
            e(v, value);
        }
        StmtKind::IncDec { x, .. } => e(v, x),
        StmtKind::Assign { lhs, rhs, .. } => lhs.iter().chain(rhs).for_each(|x| e(v, x)),
        StmtKind::Define { values, names } => {
            values.iter().for_each(|x| e(v, x));
            v.defined(names);
        }
        StmtKind::Decl(dl) => decl(v, dl, d),
        StmtKind::Return(xs) => xs.iter().for_each(|x| e(v, x)),
        StmtKind::Block(b) => block(v, b, d),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            st(v, init);
            e(v, cond);
            block(v, then, d);
            st(v, els);
        }
        StmtKind::Switch {
            init, tag, cases, ..
        } => {
            st(v, init);
            if let Some(t) = tag {
                e(v, t);
            }
            for c in cases {
                c.exprs.iter().for_each(|x| e(v, x));
                c.body.iter().for_each(|x| stmt(v, x, d));
            }
        }
        StmtKind::TypeSwitch { init, x, cases, .. } => {
            st(v, init);
            e(v, x);
            for c in cases {
                if V::TYPES {
                    c.types.iter().for_each(|x| e(v, x));
                }
                c.body.iter().for_each(|x| stmt(v, x, d));
            }
        }
        StmtKind::Select { cases, .. } => {
            for c in cases {
                st(v, &c.comm);
                c.body.iter().for_each(|x| stmt(v, x, d));
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            st(v, init);
            if let Some(c) = cond {
                e(v, c);
            }
            st(v, post);
            block(v, body, d);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            key.iter().chain(value).for_each(|k| e(v, k));
            e(v, x);
            block(v, body, d);
        }
        StmtKind::Labeled { stmt: s, .. } => stmt(v, s, d),
    }
}

pub(crate) fn expr<V: Visitor>(v: &mut V, x: &Expr, depth: u32) {
    if depth > V::MAX_DEPTH {
        return;
    }
    v.expr(x);
    let d = depth + 1;
    let e = |v: &mut V, y: &Expr| expr(v, y, d);
    match &x.kind {
        ExprKind::Ident(_)
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Imag(_)
        | ExprKind::Rune(_)
        | ExprKind::Str(_)
        | ExprKind::Bad => {}
        ExprKind::Composite { ty, elems, .. } => {
            if let Some(t) = ty.as_ref().filter(|_| V::TYPES) {
                e(v, t);
            }
            for el in elems {
                if let Some(k) = &el.key {
                    e(v, k);
                }
                e(v, &el.value);
            }
        }
        ExprKind::FuncLit { ty, body } => {
            if V::TYPES {
                func_type(v, ty, d);
            }
            block(v, body, d);
        }
        ExprKind::Paren(y) | ExprKind::Star(y) | ExprKind::Unary(_, y) => e(v, y),
        ExprKind::Selector(y, _) => e(v, y),
        ExprKind::Index(a, b) | ExprKind::Binary(_, a, b) => {
            e(v, a);
            e(v, b);
        }
        ExprKind::IndexList(a, bs) => {
            e(v, a);
            bs.iter().for_each(|b| e(v, b));
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            e(v, x);
            for y in [lo, hi, max].into_iter().flatten() {
                e(v, y);
            }
        }
        ExprKind::TypeAssert { x, ty } => {
            e(v, x);
            if let Some(t) = ty.as_ref().filter(|_| V::TYPES) {
                e(v, t);
            }
        }
        ExprKind::Call { func, args, .. } => {
            e(v, func);
            args.iter().for_each(|a| e(v, a));
        }
        _ if !V::TYPES => {}
        ExprKind::SliceType(y) | ExprKind::ChanType(_, y) => e(v, y),
        ExprKind::MapType(a, b) => {
            e(v, a);
            e(v, b);
        }
        ExprKind::ArrayType { len, elem } => {
            if let Some(l) = len {
                e(v, l);
            }
            e(v, elem);
        }
        ExprKind::FuncType(t) => func_type(v, t, d),
        ExprKind::StructType(fields) => fields.iter().for_each(|f| e(v, &f.ty)),
        ExprKind::InterfaceType(elems) => {
            for el in elems {
                match el {
                    InterfaceElem::Method { ty, .. } => func_type(v, ty, d),
                    InterfaceElem::Embed(x) => e(v, x),
                    InterfaceElem::Union(ts) => ts.iter().for_each(|(_, t)| e(v, t)),
                }
            }
        }
    }
}
