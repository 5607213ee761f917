//! Methods with type parameters of their own (Go 1.27):
//! `func (s S) Map[T any](f func(int) T) T`, on plain and generic
//! receiver types alike (`func (l List[E]) Map[F any](...)`).
//!
//! # What Go allows
//!
//! Such a method is selected like any other (also through embedded
//! fields) and must be instantiated where it is used: explicitly
//! (`s.Map[string]`, `S.Map[string]`, `(*T).M[int]`) or, when it is
//! called, by inference from the call's arguments (`s.Map(f)`). An
//! uninstantiated `s.Map` that is not called is Go's `cannot use generic
//! function s.Map without instantiation`. The method belongs to no method
//! set: a type does not implement an interface through it (Go says
//! `wrong type for method Map` and prints the generic signature), and an
//! interface cannot declare one (`interface method must have no type
//! parameters`, a parse error).
//!
//! # How gol compiles them
//!
//! As generic functions are compiled (`generic.rs`), by monomorphisation:
//! the declaration is registered once (its object in the receiver type's
//! `Named::generic_methods`, beside the method set), and each distinct
//! list of type arguments makes a checked copy of the declaration with
//! the receiver's and the method's type parameters bound. The copy is an
//! ordinary method object (named `Map[...]`, as Go's traces name it), so
//! the selection records it and the code generator calls it statically,
//! passing the receiver as for any method; a method value or method
//! expression of an instance is built as for any method.
//!
//! The selector finds out it is generic only once the receiver's type is
//! known, so the enclosing expression announces, before evaluating it,
//! what could instantiate it: the index expression its type arguments
//! (`gm_explicit`), the call its arguments (`gm_call`). The selector takes
//! both at entry (before evaluating its operand, whose own selectors may
//! announce theirs) and reports in `gm_taken` that it used them.

use super::checker::Checker;
use super::expr::Operand;
use super::exprstring::{expr_string, sig_types_string};
use super::generic::{
    name_blank_recv_tparams, recv_tparams, tparam_names, tparams_string, GenericFunc, GenericMethod,
};
use super::{Mode, Selection, SelectionKind};
use crate::ast::{self, Expr, Ident, Span};
use crate::types::{ObjId, Type, TypeId};

/// A call's arguments, whether they end in `...`, and the call's `(`.
pub(crate) type CallArgs<'a> = (&'a [Expr], bool, Span);

/// What evaluating `xe` of `xe[targs]` gave.
pub(crate) enum Instantiated<'a> {
    /// A generic method took the type arguments: the operand of the
    /// whole index expression.
    Method(Operand<'a>),
    /// Something else: the operand of `xe`.
    Other(Operand<'a>),
}

/// How a generic method's selector is used.
pub(crate) struct MethodUse<'a> {
    pub(crate) kind: SelectionKind,
    pub(crate) index: Vec<usize>,
    pub(crate) indirect: bool,
    /// `x.M[args]`: the explicit type arguments.
    pub(crate) explicit: Option<&'a [Expr]>,
    /// `x.M(args)`: the call's arguments, whether they end in `...`, and
    /// the call's `(` (where Go reports what it cannot infer).
    pub(crate) call: Option<CallArgs<'a>>,
}

impl<'a> Checker<'a> {
    /// The instantiation context the enclosing expression announced for
    /// selector `e`, taken so that no other selector sees it.
    pub(crate) fn take_method_context(
        &mut self,
        e: &Expr,
    ) -> (Option<&'a [Expr]>, Option<CallArgs<'a>>) {
        let explicit = match self.gm_explicit {
            Some((id, a)) if id == e.id => {
                self.gm_explicit = None;
                Some(a)
            }
            _ => None,
        };
        let call = match self.gm_call {
            Some((id, a, spread, paren)) if id == e.id => {
                self.gm_call = None;
                Some((a, spread, paren))
            }
            _ => None,
        };
        (explicit, call)
    }

    /// The receiver's type parameters of a generic method of an
    /// instantiated type, bound to the instance's type arguments.
    fn recv_bindings(&self, g: &GenericMethod<'a>) -> Vec<(String, TypeId)> {
        if g.recv_targs.is_empty() {
            return Vec::new();
        }
        let Some(r) = &g.decl.recv else {
            return Vec::new();
        };
        recv_tparams(r)
            .into_iter()
            .zip(&g.recv_targs)
            .filter(|(n, _)| n.name != "_")
            .map(|(n, &t)| (n.name.clone(), t))
            .collect()
    }

    /// Whether a generic method's receiver is a pointer (`(p *T)`).
    fn generic_method_ptr(g: &GenericMethod<'a>) -> bool {
        let Some(r) = &g.decl.recv else { return false };
        let mut e = &r.ty;
        while let ast::ExprKind::Paren(x) = &e.kind {
            e = x;
        }
        matches!(e.kind, ast::ExprKind::Star(_))
    }

    /// Why a type whose method `name` is generic does not implement an
    /// interface that wants `name` with signature `want`, in Go's words.
    pub(crate) fn generic_method_mismatch(&self, gm: ObjId, name: &str, want: TypeId) -> String {
        let have = match self.generic_methods.get(&gm) {
            Some(g) => format!(
                "{}{}",
                tparams_string(&g.decl.tparams),
                sig_types_string(&g.decl.ty)
            ),
            None => String::new(),
        };
        let mut w = String::new();
        if let Some(s) = self.tt.signature(want) {
            self.tt.write_sig(&mut w, s, Some(self.pkg), 0);
        }
        format!("(wrong type for method {name})\n\t\thave {name}{have}\n\t\twant {name}{w}")
    }

    /// `x.M`, `T.M` where `M` is the generic method `gm`: instantiates it
    /// with the announced type arguments or by inference from the call,
    /// and records the instance as the selected method.
    pub(crate) fn generic_method_selector(
        &mut self,
        e: &'a Expr,
        xe: &'a Expr,
        sel: &'a Ident,
        x: &Operand<'a>,
        gm: ObjId,
        u: MethodUse<'a>,
    ) -> Operand<'a> {
        self.gm_taken = Some(e.id);
        let Some(g) = self.generic_methods.get(&gm).cloned() else {
            return Operand::invalid(e);
        };
        // Go's messages name the callee as written, type arguments
        // included (`s.M[int]`).
        let name = match u.explicit {
            Some(a) => {
                let targs: Vec<String> = a.iter().map(expr_string).collect();
                format!("{}[{}]", expr_string(e), targs.join(", "))
            }
            None => expr_string(e),
        };
        let mut addr_recv = false;
        if Self::generic_method_ptr(&g) && !u.indirect {
            let is_ptr = matches!(self.tt.get(x.ty), Type::Pointer(_));
            if u.kind == SelectionKind::MethodExpr {
                if !is_ptr {
                    let ts = self.ts(x.ty);
                    let xs = expr_string(xe);
                    self.error(
                        sel.span,
                        format!(
                            "invalid method expression {xs}.{} (needs pointer receiver (*{ts}).{})",
                            sel.name, sel.name
                        ),
                    );
                    return Operand::invalid(e);
                }
            } else if !is_ptr {
                if !self.address_for_ptr_method(x, xe, sel) {
                    return Operand::invalid(e);
                }
                addr_recv = true;
            }
        }
        let tps = tparam_names(&g.decl.tparams);
        let n = tps.len();
        let mut targs = match u.explicit {
            Some(a) => match self.type_args(a) {
                Some(t) => t,
                None => return Operand::invalid(e),
            },
            None => Vec::new(),
        };
        if let Some(a) = u.explicit.filter(|a| a.len() > n) {
            self.error(
                a[n].span,
                format!("got {} type arguments but want {n}", a.len()),
            );
            return Operand::invalid(e);
        }
        let mut at = e.span;
        if targs.len() < n {
            match u.call {
                Some((args, spread, paren)) => {
                    at = paren;
                    // A method expression's first argument is the receiver.
                    let args = if u.kind == SelectionKind::MethodExpr {
                        args.get(1..).unwrap_or(&[])
                    } else {
                        args
                    };
                    let gf = GenericFunc {
                        decl: g.decl,
                        pkg: g.pkg,
                        file: g.file,
                        recv_bindings: self.recv_bindings(&g),
                    };
                    let mark = self.diags.len();
                    let fresh = self.any_fresh(&targs) || self.any_fresh(&g.recv_targs);
                    match self.infer(&gf, &name, targs, args, spread, paren) {
                        Some(t) => targs = t,
                        None => {
                            self.drop_fresh_inference(mark, args, fresh);
                            return Operand::invalid(e);
                        }
                    }
                }
                None if targs.is_empty() => {
                    self.error(
                        e.span,
                        format!("cannot use generic function {name} without instantiation"),
                    );
                    return Operand::invalid(e);
                }
                None => {
                    self.cannot_infer_at_lbrack(tps[targs.len()].0, e);
                    return Operand::invalid(e);
                }
            }
        }
        let Some(inst) = self.instantiate_method(gm, targs, at, u.explicit) else {
            return Operand::invalid(e);
        };
        let sig = self.tt.obj(inst).ty;
        let Some(s) = self.tt.signature(sig).cloned() else {
            return Operand::invalid(e);
        };
        let ty = if u.kind == SelectionKind::MethodExpr {
            let mut params = vec![x.ty];
            params.extend(s.params);
            self.tt.func(params, s.results, s.variadic)
        } else {
            sig
        };
        self.info.selections.insert(
            e.id,
            Selection {
                kind: u.kind,
                recv: x.ty,
                obj: Some(inst),
                index: u.index,
                indirect: u.indirect,
                addr_recv,
                ty,
            },
        );
        self.info.uses.insert(sel.id, inst);
        self.record_dep(inst);
        Operand::new(Mode::Value, ty, e)
    }

    /// The instance of generic method `gm` for `targs` (made once): a
    /// copy of its declaration checked with the receiver's and its own
    /// type parameters bound.
    fn instantiate_method(
        &mut self,
        gm: ObjId,
        targs: Vec<TypeId>,
        at: Span,
        explicit: Option<&'a [Expr]>,
    ) -> Option<ObjId> {
        let key = (gm, targs.clone());
        if let Some(&o) = self.method_instances.get(&key) {
            return Some(o);
        }
        let g = self.generic_methods.get(&gm)?.clone();
        let outer = self.recv_bindings(&g);
        if !self.check_constraints(
            &g.decl.tparams,
            (g.pkg, g.file),
            &targs,
            at,
            explicit,
            &outer,
        ) {
            return None;
        }
        if self.on_instance_cycle(&g.decl.tparams)
            || self.instance_cycle_too_deep(gm, &g.decl.tparams, &targs, at)
        {
            return None;
        }
        let mut copy = g.decl.clone();
        super::renumber::Renumber { ids: &mut self.ids }.func_decl(&mut copy);
        if let Some(r) = copy.recv.as_mut() {
            name_blank_recv_tparams(r);
        }
        let decl: &'a ast::FuncDecl = self.arena.alloc(copy);
        let mut names: Vec<&ast::Ident> = Vec::new();
        let mut tys: Vec<TypeId> = Vec::new();
        if let (false, Some(r)) = (g.recv_targs.is_empty(), &decl.recv) {
            names.extend(recv_tparams(r));
            tys.extend(&g.recv_targs);
        }
        names.extend(tparam_names(&decl.tparams).into_iter().map(|(n, _)| n));
        tys.extend(&targs);
        if self.any_fresh(&tys) {
            // With a type parameter of a body under the generic check:
            // the signature only (see `genbody`).
            let names: Vec<String> = names.iter().map(|n| n.name.clone()).collect();
            let o = self.fresh_instance(decl, (g.pkg, g.file), &names, &tys, false);
            self.method_instances.insert(key, o);
            return Some(o);
        }
        Some(self.check_instance(decl, (g.pkg, g.file), &names, &tys, key, true))
    }
}

/// The selector under parentheses, if `e` is one.
pub(crate) fn selector_of(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ast::ExprKind::Paren(x) => selector_of(x),
        ast::ExprKind::Selector(..) => Some(e),
        _ => None,
    }
}

impl<'a> Checker<'a> {
    /// Evaluates `xe` of `e = xe[targs]` (as a value or type), announcing
    /// the type arguments to the selector `xe` may be: the
    /// operand of `e` when a generic method took them, or the operand of
    /// `xe`.
    pub(crate) fn method_instance_expr(
        &mut self,
        e: &'a Expr,
        xe: &'a Expr,
        targs: &'a [Expr],
    ) -> Instantiated<'a> {
        let sel = selector_of(xe).map(|s| s.id);
        if let Some(id) = sel {
            self.gm_explicit = Some((id, targs));
        }
        let x = self.expr_or_type(xe);
        let Some(id) = sel else {
            return Instantiated::Other(x);
        };
        if self.gm_explicit.is_some_and(|(i, _)| i == id) {
            self.gm_explicit = None;
        }
        if self.gm_taken != Some(id) {
            return Instantiated::Other(x);
        }
        self.gm_taken = None;
        if x.mode == Mode::Invalid {
            return Instantiated::Method(Operand::invalid(e));
        }
        Instantiated::Method(Operand::new(x.mode, x.ty, e))
    }

    /// Announces a call's arguments to the selector its callee may be
    /// (`x.M(args)`, `x.M[int](args)`), for a generic method's inference.
    pub(crate) fn announce_call(&mut self, func: &'a Expr, args: &'a [Expr], spread: bool) {
        let base = match &func.kind {
            ast::ExprKind::Paren(_) | ast::ExprKind::Selector(..) => selector_of(func),
            ast::ExprKind::Index(x, _) | ast::ExprKind::IndexList(x, _) => selector_of(x),
            _ => None,
        };
        let paren = Span::new(func.span.hi, func.span.hi + 1);
        self.gm_call = base.map(|b| (b.id, args, spread, paren));
    }
}
