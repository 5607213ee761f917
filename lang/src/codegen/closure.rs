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
use crate::ast::{self, Expr, ExprKind, Span};
use crate::bytecode::{FuncId, Op, Reg};
use crate::types::{ObjId, ObjKind, VarKind};
use crate::walk::{self, Visitor};

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
        let mut walk = Captures {
            f: self,
            caps: Vec::new(),
        };
        walk::block(&mut walk, body, 0);
        let caps = walk.caps;
        let name = if self.g.info.range_defer_runners.contains(&e.id) {
            // Ends as Go's wrappers do, which `recover` looks through: the
            // calls it makes count as deferred by the function itself.
            // Not numbered as the literals are, so theirs stay Go's.
            format!("{}.deferreturn-fm", self.name)
        } else if self.g.info.range_bodies.contains(&e.id) {
            self.range_count += 1;
            format!("{}-range{}", self.name, self.range_count)
        } else {
            self.lit_count += 1;
            format!("{}.func{}", self.name, self.lit_count)
        };
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
}

/// The variables a function literal captures: every identifier in its body
/// (nested literals too) that denotes a local variable of the enclosing
/// function or one it captured itself, in order of first use. Only code
/// that runs is walked (see [`crate::walk`]).
struct Captures<'f, 'g, 'a> {
    f: &'f FnGen<'g, 'a>,
    caps: Vec<ObjId>,
}

impl Captures<'_, '_, '_> {
    fn note(&mut self, id: &ast::Ident) {
        let f = self.f;
        if let Some(o) = f.g.info.uses.get(&id.id) {
            if (f.vars.contains_key(o) || f.captures.contains_key(o)) && !self.caps.contains(o) {
                if let ObjKind::Var(k) = f.g.tt.obj(*o).kind {
                    if k != VarKind::Global {
                        self.caps.push(*o);
                    }
                }
            }
        }
    }
}

impl Visitor for Captures<'_, '_, '_> {
    const TYPES: bool = false;
    const MAX_DEPTH: u32 = MAX_DEPTH;

    fn expr(&mut self, e: &Expr) {
        if let ExprKind::Ident(id) = &e.kind {
            self.note(id);
        }
    }

    fn defined(&mut self, names: &[ast::Ident]) {
        for n in names {
            self.note(n);
        }
    }

    fn replaced(&mut self, s: &ast::Stmt, depth: u32) -> bool {
        match self.f.g.rewrites.get(&s.id).copied() {
            Some(r) => {
                walk::stmt(self, r, depth + 1);
                true
            }
            None => false,
        }
    }
}
