//! Generics: type parameters, instantiation, inference and constraints.
//!
//! # Strategy: monomorphisation of the syntax
//!
//! gol's code generator emits type-specialised opcodes (an `int` add is
//! not a `float64` add, a 3-word struct copy is not a 1-word one), so a
//! function compiled once for every type argument would have to
//! dispatch on a dictionary at each operation on a type parameter. Each
//! instantiation (`Map[int, string]`, `List[Point]`) instead gets its own
//! copy of the declaration: the generic declaration's syntax is cloned
//! with fresh node ids ([`super::renumber`]), its type parameter names are
//! bound to the type arguments in a scope of their own, and the copy is
//! checked and compiled as an ordinary function (or named type with its
//! methods). The copy runs exactly as fast as hand-written code for its
//! types; the price is code size proportional to the number of distinct
//! instantiations, which Go programs keep small. (GC-shape stenciling
//! with dictionaries bounds code size but adds an indirection per
//! operation on a type parameter; it was rejected for this VM, whose
//! speed comes from specialised opcodes.)
//!
//! Methods with type parameters of their own (Go 1.27) are instantiated
//! the same way, at their uses: see [`super::genmethod`].
//!
//! Instances are cached by (generic object, type arguments), so recursive
//! generic code instantiates once per distinct argument list. A chain of
//! ever-growing type arguments is an instantiation cycle, which Go
//! rejects: [`super::instcycle`] finds those of explicit instantiations
//! before any instance is made, and the rest (through inferred calls)
//! stop at [`MAX_INSTANCE_DEPTH`] nested instances, counting both
//! instances made while declaring one (`instance_depth`) and those made
//! while checking an instance's body (`body_gen`: bodies are checked
//! after all declarations, so the first count alone never grows).
//!
//! # What is checked where
//!
//! * The generic declaration's signature and constraints are checked at
//!   its instantiations, and once with its type parameters as types of
//!   their own ([`super::genbody`], for a generic type's declaration
//!   too); its body is checked once per instance, with the
//!   type arguments in place. Operations that a constraint does not allow
//!   but the type argument does (`a + b` with `T any` instantiated with
//!   `int`) escape that check, and a body never instantiated is not
//!   checked at all. The commonest misuses of a type parameter
//!   constrained by `any` or `comparable` and of its parameters (an
//!   operator, a field or method, indexing, slicing, ranging, calling,
//!   sending, receiving, a conversion to a basic type, a builtin, a
//!   composite literal, make, a constant or literal of the type) are
//!   found by a walk of the generic body itself, for functions and the
//!   methods of generic types ([`Checker::generic_body_operators`]),
//!   instantiated or not, with Go's messages; so are those of a type
//!   parameter whose type set is a union of basic types (`~int |
//!   ~string`, or a constraint of the package that is one): an operator
//!   or a conversion that some type of the set does not allow, an
//!   untyped constant that some type cannot hold, an assignment to a
//!   basic type. A type parameter constrained by an interface of the
//!   package with methods only (`Shape`) is judged as one constrained by
//!   `any`, its methods excepted. Every generic body of the user's
//!   packages is also checked once with its type parameters as types of
//!   their own ([`super::genbody`]): undefined names, ordinary types that
//!   do not match, unused variables, the constraint's methods (imported,
//!   inline or embedded constraints too) and what they return, and the
//!   rules Go words through type sets (operators, comparison, untyped
//!   constants and `nil`, conversions, indexing, the core type, a type
//!   parameter passed on as type argument) for every constraint. The
//!   instances of a body either found at fault then report nothing more.
//! * Constraints are interfaces whose type sets may be restricted by
//!   terms (`~int | ~string`); the terms are kept beside the interface
//!   type (`expr_terms` for a literal, `named_terms` for a declared
//!   constraint), since interface types are interned by method set.
//! * Inference unifies the parameters' type expressions with the
//!   arguments' types (inexactly: a named slice type matches `[]T`),
//!   then gives untyped constant arguments their default type, and fills
//!   a parameter from the core type of its constraint (`S ~[]E` gives `E`
//!   once `S` is known).

use super::checker::{Checker, Scope};
use super::exprstring::expr_string;
use crate::ast::{self, Expr, ExprKind, Span};
use crate::basic::BasicKind;
use crate::types::{ids, ObjId, ObjKind, PkgId, Type, TypeId};
use crate::FileKind;
use std::cell::RefCell;
use std::collections::HashMap;

/// Deepest nesting of instantiations inside instantiations.
pub(super) const MAX_INSTANCE_DEPTH: u32 = 100;

/// Longest name of an instantiated type (`Pair[Pair[int,int],int]`).
const MAX_INSTANCE_NAME: usize = 4096;

/// Values stored while checking and lent for the store's lifetime: the
/// checker keeps references into the syntax (`'a`) to values it makes as
/// it goes (generic copies, bodies parsed when reached), and the boxes
/// keep each value in place while the vector grows.
// The boxes are what keeps each value in place while the vector grows.
#[allow(clippy::vec_box)]
pub(crate) struct Pinned<T>(RefCell<Vec<Box<T>>>);

impl<T> Default for Pinned<T> {
    fn default() -> Self {
        Pinned(RefCell::new(Vec::new()))
    }
}

impl<T> Pinned<T> {
    /// Stores `v` and lends it for the store's lifetime.
    pub(crate) fn alloc(&self, v: T) -> &T {
        let b = Box::new(v);
        let p: *const T = &*b;
        self.0.borrow_mut().push(b);
        // SAFETY: the box's contents never move (moving a `Box` moves the
        // pointer, not the heap value), and no box is removed or dropped
        // before the store itself is (`into_inner` consumes it), so the
        // value outlives the returned borrow of `self`.
        unsafe { &*p }
    }

    /// The stored values, in the order they were stored.
    pub(crate) fn into_inner(self) -> Vec<T> {
        self.0.into_inner().into_iter().map(|b| *b).collect()
    }
}

/// The copies of generic declarations made while checking: they must live
/// as long as the checker's references into the syntax (`'a`), and they
/// become part of the checked program.
#[derive(Default)]
pub(crate) struct Arena {
    funcs: Pinned<ast::FuncDecl>,
    /// Rewritten statements (range over functions), by the id of the
    /// statement they stand for.
    stmts: Pinned<(ast::NodeId, ast::Stmt)>,
}

impl Arena {
    /// Stores a declaration and lends it for the arena's lifetime.
    pub(crate) fn alloc(&self, f: ast::FuncDecl) -> &ast::FuncDecl {
        self.funcs.alloc(f)
    }

    /// Stores the statement that replaces statement `id`.
    pub(crate) fn alloc_stmt(&self, id: ast::NodeId, s: ast::Stmt) -> &ast::Stmt {
        &self.stmts.alloc((id, s)).1
    }

    pub(crate) fn into_inner(self) -> (Vec<ast::FuncDecl>, Vec<(ast::NodeId, ast::Stmt)>) {
        (self.funcs.into_inner(), self.stmts.into_inner())
    }
}

/// A generic function's declaration and where it is.
#[derive(Clone)]
pub(crate) struct GenericFunc<'a> {
    pub(crate) decl: &'a ast::FuncDecl,
    pub(crate) pkg: PkgId,
    pub(crate) file: usize,
    /// For a generic method of an instantiated type: its receiver's type
    /// parameters, bound (seen by its signature, never inferred).
    pub(crate) recv_bindings: Vec<(String, TypeId)>,
}

/// A generic type's declaration, where it is, and its methods.
#[derive(Clone)]
pub(crate) struct GenericType<'a> {
    pub(crate) spec: &'a ast::TypeSpec,
    pub(crate) pkg: PkgId,
    pub(crate) file: usize,
    pub(crate) methods: Vec<&'a ast::FuncDecl>,
}

/// The names of a type parameter list, flattened, with their constraints.
pub(crate) fn tparam_names(tps: &[ast::TypeParam]) -> Vec<(&ast::Ident, &Expr)> {
    tps.iter()
        .flat_map(|g| g.names.iter().map(move |n| (n, &g.constraint)))
        .collect()
}

/// A method with type parameters of its own (`func (s S) Map[T
/// any](...)`, `func (l List[E]) Map[F any](...)`). Go 1.27 allows them
/// on any receiver; they belong to no method set, so they satisfy no
/// interface, and interfaces cannot declare them. Each use instantiates
/// the method like a generic function, with the receiver as the first
/// argument: the instance is an ordinary method object whose receiver
/// is the receiver type (with `recv_targs` in place for an instance of
/// a generic type), compiled as a static call.
#[derive(Clone)]
pub(crate) struct GenericMethod<'a> {
    pub(crate) decl: &'a ast::FuncDecl,
    pub(crate) pkg: PkgId,
    pub(crate) file: usize,
    /// The receiver type's type arguments (empty for a plain type).
    pub(crate) recv_targs: Vec<TypeId>,
}

/// The type parameter list as Go prints it: `[T any, U comparable]`.
pub(super) fn tparams_string(tps: &[ast::TypeParam]) -> String {
    let parts: Vec<String> = tps
        .iter()
        .map(|g| {
            let names: Vec<&str> = g.names.iter().map(|n| n.name.as_str()).collect();
            format!("{} {}", names.join(", "), constraint_string(&g.constraint))
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

/// A constraint as Go prints its type: an implicit interface (a term
/// or union written bare, `~[]E`, `~int | ~string`) as the union; a
/// written one (`interface{ ~[]E; Len() int }`) as `interface{...}`
/// with the methods first, exported before unexported and by name (Go's
/// method order), then the embedded elements in source order:
/// `interface{Len() int; ~[]E}`.
pub(super) fn constraint_string(c: &Expr) -> String {
    constraint_string_subst(c, &|_| None)
}

/// [`constraint_string`] with the names `subst` gives a text for printed
/// as that text: the constraint of an instance, its type parameters
/// replaced by the instance's type arguments (`interface{~[]int}` for
/// `interface{ ~[]K }` with `K` as `int`), as Go prints it.
pub(super) fn constraint_string_subst(c: &Expr, subst: &dyn Fn(&str) -> Option<String>) -> String {
    use super::exprstring::{expr_string_subst, sig_string_subst};
    let expr_string = |e: &Expr| expr_string_subst(e, subst);
    let ExprKind::InterfaceType(els) = &c.kind else {
        return expr_string(c);
    };
    if let [ast::InterfaceElem::Union(ts)] = &els[..] {
        // The parser makes an implicit interface's span the union's.
        let implicit = ts.last().is_some_and(|(_, t)| t.span.hi == c.span.hi);
        if implicit {
            return union_string(ts.iter().map(|(t, e)| (*t, expr_string(e))));
        }
    }
    let mut methods: Vec<(&str, String)> = Vec::new();
    let mut embeds = Vec::new();
    for el in els {
        match el {
            ast::InterfaceElem::Method { name, ty } => {
                let sig = sig_string_subst(ty, subst);
                methods.push((&name.name, format!("{}{sig}", name.name)));
            }
            ast::InterfaceElem::Embed(e) => embeds.push(expr_string(e)),
            ast::InterfaceElem::Union(ts) => {
                embeds.push(union_string(ts.iter().map(|(t, e)| (*t, expr_string(e)))))
            }
        }
    }
    let unexported = |n: &str| !n.starts_with(|c: char| c.is_uppercase());
    methods.sort_by(|a, b| (unexported(a.0), a.0).cmp(&(unexported(b.0), b.0)));
    let parts: Vec<String> = methods.into_iter().map(|(_, m)| m).chain(embeds).collect();
    format!("interface{{{}}}", parts.join("; "))
}

fn union_string(ts: impl Iterator<Item = (bool, String)>) -> String {
    let v: Vec<String> = ts
        .map(|(t, s)| if t { format!("~{s}") } else { s })
        .collect();
    v.join(" | ")
}

/// The one term of a constraint interface literal whose only union has
/// one term (`interface{ ~struct{ Value_ T }; Get() T }` gives the struct
/// type): the constraint's core type, written out.
fn single_term(c: &Expr) -> Option<&Expr> {
    single_term_tilde(c).map(|(_, t)| t)
}

/// [`single_term`] with whether the term has a tilde (`~[]E`).
fn single_term_tilde(c: &Expr) -> Option<(bool, &Expr)> {
    let ExprKind::InterfaceType(els) = &c.kind else {
        return None;
    };
    let mut unions = els.iter().filter_map(|e| match e {
        ast::InterfaceElem::Union(ts) => Some(ts),
        _ => None,
    });
    match (unions.next(), unions.next()) {
        (Some(ts), None) if ts.len() == 1 => Some((ts[0].0, &ts[0].1)),
        _ => None,
    }
}

/// The receiver's type parameter names: `T` of `(l *List[T])`.
pub(super) fn recv_tparams(r: &ast::Param) -> Vec<&ast::Ident> {
    let mut e = &r.ty;
    while let ExprKind::Paren(x) | ExprKind::Star(x) = &e.kind {
        e = x;
    }
    let args: Vec<&Expr> = match &e.kind {
        ExprKind::Index(_, i) => vec![&**i],
        ExprKind::IndexList(_, is) => is.iter().collect(),
        _ => return vec![],
    };
    args.into_iter()
        .filter_map(|a| match &a.kind {
            ExprKind::Ident(i) => Some(i),
            _ => None,
        })
        .collect()
}

/// Gives the receiver's blank type parameters (`(f *Foo[_, _])`, which
/// the method does not use) names of their own that Go code cannot write,
/// so that they are bound as the others are and the receiver type names
/// them.
pub(super) fn name_blank_recv_tparams(r: &mut ast::Param) {
    fn args(e: &mut Expr) -> Vec<&mut Expr> {
        match &mut e.kind {
            ExprKind::Paren(x) | ExprKind::Star(x) => args(x),
            ExprKind::Index(_, i) => vec![&mut **i],
            ExprKind::IndexList(_, is) => is.iter_mut().collect(),
            _ => vec![],
        }
    }
    for (n, a) in args(&mut r.ty).into_iter().enumerate() {
        if let ExprKind::Ident(i) = &mut a.kind {
            if i.name == "_" {
                i.name = format!("#blank.{n}");
            }
        }
    }
}

/// The receiver's base type name if the receiver is an instantiation
/// (`List[T]`, `*Pair[K, V]`).
pub(crate) fn generic_recv_base(r: &ast::Param) -> Option<&ast::Ident> {
    let mut e = &r.ty;
    while let ExprKind::Paren(x) | ExprKind::Star(x) = &e.kind {
        e = x;
    }
    match &e.kind {
        ExprKind::Index(x, _) | ExprKind::IndexList(x, _) => match &x.kind {
            ExprKind::Ident(i) => Some(i),
            _ => None,
        },
        _ => None,
    }
}

/// Saved checker context around an instantiation.
pub(super) struct Saved {
    pkg: PkgId,
    file: usize,
    scopes: Vec<Scope>,
    funcs: Vec<super::checker::FuncCtx>,
    cur_decl: Option<ObjId>,
    iota: Option<u32>,
    pos_override: Option<Span>,
}

impl<'a> Checker<'a> {
    /// What is checked of a generic function's or method's declaration
    /// before any instance (in `file` of the current package): its type
    /// parameters are not redeclared, and its body's operators suit every
    /// type in their type sets.
    fn judge_generic_decl(&mut self, decl: &'a ast::FuncDecl, file: usize) {
        let saved_file = std::mem::replace(&mut self.file, file);
        self.tparams_redeclared(&decl.tparams);
        let tps = tparam_names(&decl.tparams)
            .into_iter()
            .map(|(n, c)| (n.name.clone(), c))
            .collect();
        self.generic_body_operators(decl, tps);
        self.file = saved_file;
    }

    /// Registers the current package's generic functions, types and
    /// methods; they are declared only through their instantiations.
    pub(crate) fn collect_generics(&mut self) {
        use super::checker::{Color, DeclInfo};
        let objs = self.cur_pkg().objects.clone();
        let methods = self.cur_pkg().methods.clone();
        for o in objs {
            match self.decls.get(&o).cloned() {
                Some(DeclInfo::Func { decl, file }) if !decl.tparams.is_empty() => {
                    self.judge_generic_decl(decl, file);
                    self.generic_funcs.insert(
                        o,
                        GenericFunc {
                            decl,
                            pkg: self.pkg,
                            file,
                            recv_bindings: Vec::new(),
                        },
                    );
                    self.color.insert(o, Color::Black);
                }
                Some(DeclInfo::Type { spec, file }) if !spec.tparams.is_empty() => {
                    let saved_file = std::mem::replace(&mut self.file, file);
                    self.generic_type_decl(spec);
                    self.file = saved_file;
                    self.generic_types.insert(
                        o,
                        GenericType {
                            spec,
                            pkg: self.pkg,
                            file,
                            methods: Vec::new(),
                        },
                    );
                    self.color.insert(o, Color::Black);
                }
                _ => {}
            }
        }
        for m in methods {
            let Some(DeclInfo::Func { decl, file }) = self.decls.get(&m).cloned() else {
                continue;
            };
            let Some(base) = decl.recv.as_ref().and_then(generic_recv_base) else {
                continue;
            };
            self.color.insert(m, Color::Black);
            let p = self.cur_pkg();
            let found = p
                .file_scopes
                .get(file)
                .and_then(|fs| fs.get(&base.name))
                .or_else(|| p.scope.get(&base.name))
                .copied();
            let found = found.filter(|t| self.generic_types.contains_key(t));
            let Some(t) = found else {
                let s = base.name.clone();
                self.error(base.span, format!("{s} is not a generic type"));
                continue;
            };
            let spec = self.generic_types[&t].spec;
            let declared = tparam_names(&spec.tparams);
            if let Some(recv) = &decl.recv {
                let rnames = recv_tparams(recv);
                if rnames.len() != declared.len() {
                    self.error(
                        recv.ty.span,
                        format!(
                            "receiver declares {} type parameters, but receiver base type declares {}",
                            rnames.len(),
                            declared.len()
                        ),
                    );
                } else {
                    // The receiver's names for the type's parameters,
                    // with the type's constraints, then the method's own.
                    let mut tps: Vec<(String, &'a Expr)> = rnames
                        .iter()
                        .zip(&declared)
                        .map(|(r, (_, c))| (r.name.clone(), *c))
                        .collect();
                    let saved_file = std::mem::replace(&mut self.file, file);
                    self.method_tparams_redeclared(&rnames, &decl.tparams);
                    tps.extend(
                        tparam_names(&decl.tparams)
                            .into_iter()
                            .map(|(n, c)| (n.name.clone(), c)),
                    );
                    self.generic_body_operators(decl, tps);
                    self.file = saved_file;
                }
            }
            let prev = self.generic_types[&t]
                .methods
                .iter()
                .find(|m| m.name.name == decl.name.name && m.name.name != "_")
                .map(|m| m.name.span);
            if let Some(prev) = prev {
                let ppos = self.pos_string(prev);
                let msg = format!(
                    "method {}.{} already declared at {ppos}",
                    base.name, decl.name.name
                );
                self.error(decl.name.span, msg);
                continue;
            }
            if let Some(g) = self.generic_types.get_mut(&t) {
                g.methods.push(decl);
            }
        }
        // A method with type parameters of its own on a plain type: its
        // instances are made where it is used (`x.M[int]`, `x.M(1)`).
        for m in self.cur_pkg().methods.clone() {
            if let Some(DeclInfo::Func { decl, file }) = self.decls.get(&m).cloned() {
                if !decl.tparams.is_empty()
                    && decl.recv.as_ref().and_then(generic_recv_base).is_none()
                {
                    self.color.insert(m, Color::Black);
                    self.judge_generic_decl(decl, file);
                    self.generic_methods.insert(
                        m,
                        GenericMethod {
                            decl,
                            pkg: self.pkg,
                            file,
                            recv_targs: Vec::new(),
                        },
                    );
                }
            }
        }
        self.mark_generic_imports();
        self.instantiation_cycles();
    }

    /// `func (l List[E]) Map[E any]()`: a method's type parameter named
    /// as one of its receiver's (Go declares both in one block).
    fn method_tparams_redeclared(&mut self, rnames: &[&ast::Ident], tps: &[ast::TypeParam]) {
        self.tparams_redeclared(tps);
        for (n, _) in tparam_names(tps) {
            if let Some(p) = rnames.iter().find(|p| p.name == n.name && n.name != "_") {
                self.error_with(
                    crate::diag::Diagnostic::error(
                        n.span,
                        format!("{} redeclared in this block", n.name),
                    )
                    .with_secondary(p.span, format!("other declaration of {}", n.name)),
                );
            }
        }
    }

    /// `[T any, T any]`: a type parameter declared twice.
    fn tparams_redeclared(&mut self, tps: &[ast::TypeParam]) {
        let names = tparam_names(tps);
        for (i, (n, _)) in names.iter().enumerate() {
            if n.name == "_" {
                continue;
            }
            if let Some((p, _)) = names[..i].iter().find(|(p, _)| p.name == n.name) {
                self.error_with(
                    crate::diag::Diagnostic::error(
                        n.span,
                        format!("{} redeclared in this block", n.name),
                    )
                    .with_secondary(p.span, format!("other declaration of {}", n.name)),
                );
            }
        }
    }

    /// What Go rejects in a generic type's declaration before any
    /// instance: a type parameter declared twice, a type parameter as the
    /// whole right-hand side, a type parameter embedded in a struct.
    fn generic_type_decl(&mut self, spec: &'a ast::TypeSpec) {
        self.tparams_redeclared(&spec.tparams);
        let is_tparam = |e: &Expr| {
            matches!(&e.kind, ExprKind::Ident(i)
                if tparam_names(&spec.tparams).iter().any(|(n, _)| n.name == i.name))
        };
        if !spec.alias && is_tparam(&spec.ty) {
            self.error(
                spec.ty.span,
                "cannot use a type parameter as RHS in type declaration",
            );
            return;
        }
        if let ExprKind::StructType(fields) = &spec.ty.kind {
            for f in fields.iter().filter(|f| f.names.is_empty()) {
                let inner = match &f.ty.kind {
                    ExprKind::Star(x) => x,
                    _ => &f.ty,
                };
                if is_tparam(inner) {
                    self.error(
                        f.ty.span,
                        "embedded field type cannot be a (pointer to a) type parameter",
                    );
                }
            }
        }
    }

    /// Marks the imports that generic declarations use as used: their
    /// bodies are checked only when instantiated, perhaps never.
    fn mark_generic_imports(&mut self) {
        struct Quals(Vec<String>);
        impl crate::walk::Visitor for Quals {
            const TYPES: bool = true;
            fn expr(&mut self, e: &Expr) {
                if let ExprKind::Selector(x, _) = &e.kind {
                    if let ExprKind::Ident(p) = &x.kind {
                        self.0.push(p.name.clone());
                    }
                }
            }
        }
        let mut per_file: Vec<(usize, Quals)> = Vec::new();
        let pkg = self.pkg;
        let funcs: Vec<(usize, &'a ast::FuncDecl)> = self
            .generic_funcs
            .values()
            .filter(|g| g.pkg == pkg)
            .map(|g| (g.file, g.decl))
            .chain(
                self.generic_types
                    .values()
                    .filter(|g| g.pkg == pkg)
                    .flat_map(|g| g.methods.iter().map(move |m| (g.file, *m))),
            )
            .chain(
                self.generic_methods
                    .values()
                    .filter(|g| g.pkg == pkg)
                    .map(|g| (g.file, g.decl)),
            )
            .collect();
        for (file, f) in funcs {
            let mut q = Quals(Vec::new());
            crate::walk::func_decl(&mut q, f, 0);
            for tp in &f.tparams {
                crate::walk::expr(&mut q, &tp.constraint, 0);
            }
            per_file.push((file, q));
        }
        let types: Vec<(usize, &'a ast::TypeSpec)> = self
            .generic_types
            .values()
            .filter(|g| g.pkg == pkg)
            .map(|g| (g.file, g.spec))
            .collect();
        for (file, spec) in types {
            let mut q = Quals(Vec::new());
            crate::walk::expr(&mut q, &spec.ty, 0);
            for tp in &spec.tparams {
                crate::walk::expr(&mut q, &tp.constraint, 0);
            }
            per_file.push((file, q));
        }
        for (file, q) in per_file {
            for name in q.0 {
                let o = self
                    .cur_pkg()
                    .file_scopes
                    .get(file)
                    .and_then(|fs| fs.get(&name))
                    .copied();
                if let Some(o) = o {
                    if matches!(self.tt.obj(o).kind, ObjKind::PkgName(_)) {
                        self.used.insert(o);
                    }
                }
            }
        }
    }

    /// The generic function or type an expression names (`F`, `pkg.F`),
    /// without reporting anything.
    pub(crate) fn generic_target(&mut self, e: &'a Expr) -> Option<ObjId> {
        let o = match &e.kind {
            ExprKind::Paren(x) => return self.generic_target(x),
            ExprKind::Ident(id) => self.lookup(&id.name)?,
            ExprKind::Selector(x, sel) => {
                let ExprKind::Ident(p) = &x.kind else {
                    return None;
                };
                let po = self.lookup(&p.name)?;
                let ObjKind::PkgName(pid) = self.tt.obj(po).kind else {
                    return None;
                };
                let o = *self.pkgs.get(pid.0 as usize)?.scope.get(&sel.name)?;
                if self.generic_funcs.contains_key(&o) || self.generic_types.contains_key(&o) {
                    self.used.insert(po);
                    self.info.uses.insert(p.id, po);
                }
                o
            }
            _ => return None,
        };
        (self.generic_funcs.contains_key(&o) || self.generic_types.contains_key(&o)).then_some(o)
    }

    /// Records the use of generic object `g` by the identifier of `e`.
    fn record_generic_use(&mut self, e: &'a Expr, inst: ObjId) {
        match &e.kind {
            ExprKind::Paren(x) => self.record_generic_use(x, inst),
            ExprKind::Ident(id) => {
                self.info.uses.insert(id.id, inst);
            }
            ExprKind::Selector(_, sel) => {
                self.info.uses.insert(sel.id, inst);
            }
            _ => {}
        }
    }

    /// The display name of a generic object (`F`, `pkg.F`).
    fn generic_name(&self, g: ObjId) -> String {
        let o = self.tt.obj(g);
        match o.pkg {
            Some(p) if p != self.pkg => format!("{}.{}", self.tt.pkg_names[p.0 as usize], o.name),
            _ => o.name.clone(),
        }
    }

    fn generic_tparams(&self, g: ObjId) -> &'a [ast::TypeParam] {
        if let Some(f) = self.generic_funcs.get(&g) {
            return &f.decl.tparams;
        }
        if let Some(t) = self.generic_types.get(&g) {
            return &t.spec.tparams;
        }
        &[]
    }

    /// Evaluates explicit type arguments; `None` if one is invalid.
    pub(super) fn type_args(&mut self, args: &'a [Expr]) -> Option<Vec<TypeId>> {
        let mut v = Vec::new();
        let mut ok = true;
        for a in args {
            let t = self.typexpr(a);
            ok &= !self.tt.is_invalid(t);
            v.push(t);
        }
        ok.then_some(v)
    }

    /// `F[int]`, `List[int]` in an expression (`xe[args]`), or `None` if
    /// `xe` is not generic (an ordinary index expression).
    pub(crate) fn instance_expr(
        &mut self,
        e: &'a Expr,
        xe: &'a Expr,
        args: &'a [Expr],
    ) -> Option<super::expr::Operand<'a>> {
        use super::expr::Operand;
        use super::Mode;
        let g = self.generic_target(xe)?;
        let Some(targs) = self.type_args(args) else {
            return Some(Operand::invalid(e));
        };
        if self.generic_types.contains_key(&g) {
            let t = self.instantiate_type_checked(g, targs, e.span, args);
            if self.tt.is_invalid(t) {
                return Some(Operand::invalid(e));
            }
            return Some(Operand::new(Mode::TypeExpr, t, e));
        }
        let n = tparam_names(self.generic_tparams(g)).len();
        if targs.len() > n {
            self.error(
                args[n].span,
                format!("got {} type arguments but want {n}", targs.len()),
            );
            return Some(Operand::invalid(e));
        }
        if targs.len() < n {
            // Partial instantiation outside a call: the rest cannot be
            // inferred from anything. Go names the first missing one at
            // the `[`.
            let tps = tparam_names(self.generic_tparams(g));
            self.cannot_infer_at_lbrack(tps[targs.len()].0, xe);
            return Some(Operand::invalid(e));
        }
        let Some(inst) = self.instantiate_func(g, targs, e.span, Some(args)) else {
            return Some(Operand::invalid(e));
        };
        self.info.instances.insert(e.id, inst);
        self.record_generic_use(xe, inst);
        let ty = self.tt.obj(inst).ty;
        if self.tt.is_invalid(ty) {
            return Some(Operand::invalid(e));
        }
        Some(Operand::new(Mode::Value, ty, e))
    }

    /// Go's error for a partial instantiation outside a call
    /// (`f := F[int]`): type parameter `missing` cannot be inferred,
    /// reported at the `[` after the generic operand `x`.
    pub(super) fn cannot_infer_at_lbrack(&mut self, missing: &ast::Ident, x: &Expr) {
        let pos = self.position_of(missing.span);
        let lbrack = self.sources.token_after(x.span.hi);
        self.error(
            Span::new(lbrack, lbrack + 1),
            format!("cannot infer {} (declared at {pos})", missing.name),
        );
    }

    /// The callee of `f(args)` when `f` is a generic function, possibly
    /// with some type arguments (`F[int](x)`): infers the rest from the
    /// arguments and instantiates. `None` when `f` is not generic.
    pub(crate) fn generic_callee(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        spread: bool,
    ) -> Option<super::expr::Operand<'a>> {
        use super::expr::Operand;
        use super::Mode;
        let (base, explicit): (&'a Expr, &'a [Expr]) = match &func.kind {
            ExprKind::Index(x, i) => (x, std::slice::from_ref(&**i)),
            ExprKind::IndexList(x, is) => (x, &is[..]),
            _ => (func, &[]),
        };
        let g = self.generic_target(base)?;
        if !self.generic_funcs.contains_key(&g) {
            return None;
        }
        // Go's inference messages name the call as written (`F[int]`).
        let name = expr_string(func);
        let Some(mut targs) = self.type_args(explicit) else {
            return Some(Operand::invalid(func));
        };
        let gf = self.generic_funcs[&g].clone();
        let tps = tparam_names(&gf.decl.tparams);
        if targs.len() > tps.len() {
            self.error(
                explicit[tps.len()].span,
                format!("got {} type arguments but want {}", targs.len(), tps.len()),
            );
            return Some(Operand::invalid(func));
        }
        // Go reports inference and constraint errors at the call's `(`.
        let paren = Span::new(func.span.hi, func.span.hi + 1);
        if targs.len() < tps.len() {
            let mark = self.diags.len();
            let fresh = self.any_fresh(&targs);
            let Some(t) = self.infer(&gf, &name, targs, args, spread, paren) else {
                self.drop_fresh_inference(mark, args, fresh);
                return Some(Operand::invalid(func));
            };
            targs = t;
        }
        let shown = (!explicit.is_empty()).then_some(explicit);
        let Some(inst) = self.instantiate_func(g, targs, paren, shown) else {
            return Some(Operand::invalid(func));
        };
        if !explicit.is_empty() {
            self.info.instances.insert(func.id, inst);
        }
        self.record_generic_use(base, inst);
        let ty = self.tt.obj(inst).ty;
        if self.tt.is_invalid(ty) {
            return Some(Operand::invalid(func));
        }
        let op = Operand::new(Mode::Value, ty, func);
        Some(op)
    }

    // ---- inference ----

    /// Infers the type arguments of a call of generic function `gf` from
    /// its arguments, after the explicit ones.
    pub(super) fn infer(
        &mut self,
        gf: &GenericFunc<'a>,
        name: &str,
        explicit: Vec<TypeId>,
        args: &'a [Expr],
        spread: bool,
        at: Span,
    ) -> Option<Vec<TypeId>> {
        let tps = tparam_names(&gf.decl.tparams);
        // The receiver's type parameters of a generic method: bound, but
        // not inferred (they are not in `names`).
        let mut b: HashMap<String, TypeId> = gf.recv_bindings.iter().cloned().collect();
        for (i, t) in explicit.iter().enumerate() {
            b.insert(tps[i].0.name.clone(), *t);
        }
        let names: Vec<String> = tps.iter().map(|(n, _)| n.name.clone()).collect();
        // A parameter whose type mentions no type parameter but explicit
        // ones is no generic parameter: its argument is not unified but
        // assigned (Go substitutes the explicit ones first:
        // `slices.Index[[]int](a, x)` with `a` a `[]string` is an
        // assignment error).
        let given = b.clone();
        // The parameters' type expressions, one per parameter.
        let mut ptypes: Vec<&'a Expr> = Vec::new();
        let mut variadic = false;
        for p in &gf.decl.ty.params {
            for _ in 0..p.names.len().max(1) {
                ptypes.push(&p.ty);
            }
            variadic |= p.variadic;
        }
        // The arguments' types (untyped constants kept for later).
        let mut untyped: Vec<(&'a Expr, TypeId, &'a Expr)> = Vec::new();
        let mut typed_args: Vec<(usize, TypeId, &'a Expr)> = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let x = self.raw_expr(a, None);
            if x.mode == super::Mode::Invalid {
                return None;
            }
            let ts: Vec<TypeId> = match self.tt.get(x.ty).clone() {
                Type::Tuple(ts) if args.len() == 1 => ts,
                _ => vec![x.ty],
            };
            for (k, t) in ts.into_iter().enumerate() {
                typed_args.push((i + k, t, a));
            }
        }
        let nargs = typed_args.len();
        // Names in the parameters' types are the generic's package's.
        let (pkg0, file0) = (self.pkg, self.file);
        self.pkg = gf.pkg;
        self.file = gf.file;
        for (i, mut t, a) in typed_args {
            // `f(xs...)`: the slice's elements are the variadic parameter's.
            if spread && variadic && i + 1 == nargs {
                if let Type::Slice(el) = self.tt.get(self.tt.under(t)).clone() {
                    t = el;
                }
            }
            let pe = if variadic && i + 1 >= ptypes.len() {
                match ptypes.last().map(|e| &e.kind) {
                    Some(_) => {
                        let last = *ptypes.last()?;
                        // `xs ...T`: each extra argument is a T.
                        last
                    }
                    None => continue,
                }
            } else {
                match ptypes.get(i) {
                    Some(e) => e,
                    None => continue,
                }
            };
            if mentions_all_bound(pe, &names, &given) {
                continue;
            }
            if self.tt.is_untyped(t) {
                if t != ids::UNTYPED_NIL {
                    untyped.push((pe, t, a));
                }
                continue;
            }
            if let Err(msg) = self.unify(pe, t, &names, &mut b) {
                self.pkg = pkg0;
                self.file = file0;
                let ts = self.ts(t);
                let s = expr_string(a);
                self.error(
                    a.span,
                    format!("in call to {name}, type {ts} of {s} does not match {msg}"),
                );
                return None;
            }
        }
        self.pkg = pkg0;
        self.file = file0;
        if !self.core_inference(&tps, &names, &mut b, gf, Some((name, at))) {
            return None;
        }
        // Untyped constants: the default type of the "largest" kind per
        // parameter (int < rune < float), as Go 1.21 does.
        let mut by_param: HashMap<String, (TypeId, TypeId)> = HashMap::new();
        for (pe, t, a) in untyped {
            if let ExprKind::Ident(id) = &pe.kind {
                if names.contains(&id.name) && !b.contains_key(&id.name) {
                    let d = self.tt.default_type(t);
                    let e = by_param.entry(id.name.clone()).or_insert((t, d));
                    let numeric = |r: u8| r > 0;
                    if numeric(untyped_rank(d)) != numeric(untyped_rank(e.1))
                        || (!numeric(untyped_rank(d)) && !self.tt.identical(d, e.1))
                    {
                        let (x, y) = (self.ts(e.0), self.ts(t));
                        self.error(
                            a.span,
                            format!(
                                "in call to {name}, mismatched types {x} and {y} (cannot infer {})",
                                id.name
                            ),
                        );
                        return None;
                    }
                    if untyped_rank(d) > untyped_rank(e.1) {
                        *e = (t, d);
                    }
                }
            }
        }
        let by_param: HashMap<String, TypeId> =
            by_param.into_iter().map(|(k, v)| (k, v.1)).collect();
        b.extend(by_param);
        self.core_inference(&tps, &names, &mut b, gf, None);
        let mut out = Vec::new();
        for n in &names {
            match b.get(n) {
                Some(&t) => out.push(t),
                None => {
                    let decl = tps
                        .iter()
                        .find(|(i, _)| &i.name == n)
                        .map(|(i, _)| self.position_of(i.span))
                        .unwrap_or_default();
                    self.error(
                        at,
                        format!("in call to {name}, cannot infer {n} (declared at {decl})"),
                    );
                    return None;
                }
            }
        }
        Some(out)
    }

    /// Fills type parameters from their constraints' core types, as Go's
    /// inference does: a known type argument is unified with its
    /// constraint's single term (with `S ~[]E` and `S` known, `E` is the
    /// element of `S`'s underlying slice); an unknown one whose constraint
    /// is one type without a tilde (`[U int]`, `[S []E]`) is that type. A
    /// tilde term (`~[]E`, `~int`) gives an unknown parameter nothing.
    /// `report`: the call as written and the position of its `(`, for
    /// the first pass (before untyped constants), which reports a known
    /// type argument that does not match its constraint's term as Go
    /// does; `false` then.
    fn core_inference(
        &mut self,
        tps: &[(&'a ast::Ident, &'a Expr)],
        names: &[String],
        b: &mut HashMap<String, TypeId>,
        gf: &GenericFunc<'a>,
        report: Option<(&str, Span)>,
    ) -> bool {
        for _ in 0..tps.len() {
            for (n, c) in tps {
                if let (Some((call, at)), Some(&t)) = (report, b.get(&n.name)) {
                    if !self.inferred_has_methods(n, c, t, names, b, gf, (call, at)) {
                        return false;
                    }
                }
                // The constraint's single term, written in the literal.
                let single = single_term_tilde(c);
                match (b.get(&n.name).copied(), single) {
                    (Some(t), Some((_, te))) => {
                        let u = self.tt.under(t);
                        let unified = self.unify(te, u, names, b).is_ok();
                        let Some((call, at)) = report else { continue };
                        // A type parameter of a body under the generic
                        // check is judged by its type set (`genbody`).
                        if self.mentions_fresh(t)
                            || unified && self.core_matches(te, t, names, b, gf)
                        {
                            continue;
                        }
                        let (ts, cs) = (self.ts(t), constraint_string(c));
                        self.error(
                            at,
                            format!(
                                "in call to {call}, {} (type {ts}) does not satisfy {cs}",
                                n.name
                            ),
                        );
                        return false;
                    }
                    (None, Some((false, te))) => {
                        if mentions_all_bound(te, names, b) {
                            let t = self.with_bindings(gf.pkg, gf.file, b, |c| c.typexpr(te));
                            if !self.tt.is_invalid(t) {
                                b.insert(n.name.clone(), t);
                            }
                        }
                    }
                    (None, Some((true, _))) => {}
                    (None, None) => {
                        // A declared constraint (`Setter[T]`) whose type
                        // set has one specific type without a tilde, or a
                        // plain type (`[U int]`): that type.
                        if !matches!(
                            c.kind,
                            ExprKind::Ident(_)
                                | ExprKind::Selector(..)
                                | ExprKind::Index(..)
                                | ExprKind::IndexList(..)
                        ) || !mentions_all_bound(c, names, b)
                        {
                            continue;
                        }
                        let (ct, terms) = self.with_bindings(gf.pkg, gf.file, b, |ch| {
                            let ct = ch.constraint_typexpr(c);
                            (ct, ch.named_terms.get(&ct).cloned())
                        });
                        match terms.as_deref() {
                            Some([(false, t)]) if !self.tt.is_interface(*t) => {
                                b.insert(n.name.clone(), *t);
                            }
                            None if !self.tt.is_invalid(ct) && !self.tt.is_interface(ct) => {
                                b.insert(n.name.clone(), ct);
                            }
                            _ => {}
                        }
                    }
                    (Some(t), None) => self.unify_declared_core(c, t, names, b),
                }
            }
        }
        true
    }

    /// Whether type argument `t` of type parameter `n` (constraint `c`),
    /// known during inference, has the constraint's methods: Go's
    /// inference asks it of every known type argument once the
    /// constraint mentions only known ones, and reports a missing method
    /// as `in call to F, T (type I) does not satisfy C (missing method
    /// m)` at the call's `(`.
    #[allow(clippy::too_many_arguments)]
    fn inferred_has_methods(
        &mut self,
        n: &ast::Ident,
        c: &'a Expr,
        t: TypeId,
        names: &[String],
        b: &HashMap<String, TypeId>,
        gf: &GenericFunc<'a>,
        (call, at): (&str, Span),
    ) -> bool {
        if self.mentions_fresh(t) {
            return true;
        }
        if !mentions_all_bound(c, names, b) {
            return self.inferred_has_method_names(n, c, t, (call, at));
        }
        let ct = self.with_bindings(gf.pkg, gf.file, b, |ch| ch.constraint_typexpr(c));
        let cu = self.tt.under(ct);
        if self.tt.interface(cu).is_none_or(|i| i.methods.is_empty()) {
            return true;
        }
        let Some(cause) = self.missing_method_cause(t, cu, true) else {
            return true;
        };
        let (ts, cs) = (self.ts(t), constraint_string(c));
        self.error(
            at,
            format!(
                "in call to {call}, {} (type {ts}) does not satisfy {cs} {cause}",
                n.name
            ),
        );
        false
    }

    /// [`Checker::inferred_has_methods`] before the type parameters that
    /// constraint literal `c` mentions are known: Go's inference still
    /// asks `t` for each method by name (unifying the signatures), and
    /// reports one it lacks.
    fn inferred_has_method_names(
        &mut self,
        n: &ast::Ident,
        c: &'a Expr,
        t: TypeId,
        (call, at): (&str, Span),
    ) -> bool {
        use super::lookup::{lookup_field_or_method, LookupResult};
        let ExprKind::InterfaceType(els) = &c.kind else {
            return true;
        };
        let mut methods: Vec<&str> = els
            .iter()
            .filter_map(|e| match e {
                ast::InterfaceElem::Method { name, .. } => Some(name.name.as_str()),
                _ => None,
            })
            .collect();
        methods.sort_unstable();
        let iface = self.tt.interface(self.tt.under(t)).cloned();
        for m in methods {
            let has = match &iface {
                Some(i) => i.methods.iter().any(|x| x.name == m),
                None => matches!(
                    lookup_field_or_method(&self.tt, t, Some(self.pkg), m),
                    LookupResult::Method { .. }
                ),
            };
            if !has {
                let (ts, cs) = (self.ts(t), constraint_string(c));
                self.error(
                    at,
                    format!(
                        "in call to {call}, {} (type {ts}) does not satisfy {cs} (missing method {m})",
                        n.name
                    ),
                );
                return false;
            }
        }
        true
    }

    /// Whether type `t` matches constraint term `te` (written in `gf`'s
    /// declaration) as Go's unification matches them: the underlying
    /// types are identical once every type parameter of `te` is known,
    /// else `te`'s outermost constructor is `t`'s underlying one's.
    fn core_matches(
        &mut self,
        te: &'a Expr,
        t: TypeId,
        names: &[String],
        b: &HashMap<String, TypeId>,
        gf: &GenericFunc<'a>,
    ) -> bool {
        let u = self.tt.under(t);
        if mentions_all_bound(te, names, b) {
            let ct = self.with_bindings(gf.pkg, gf.file, b, |c| c.typexpr(te));
            return self.tt.is_invalid(ct)
                || self.mentions_fresh(ct)
                || self.tt.identical(u, self.tt.under(ct));
        }
        match (&te.kind, self.tt.get(u)) {
            (ExprKind::Paren(x), _) => self.core_matches(x, t, names, b, gf),
            (ExprKind::Star(_), ty) => matches!(ty, Type::Pointer(_)),
            (ExprKind::SliceType(_), ty) => matches!(ty, Type::Slice(_)),
            (ExprKind::ArrayType { .. }, ty) => matches!(ty, Type::Array(..)),
            (ExprKind::MapType(..), ty) => matches!(ty, Type::Map(..)),
            (ExprKind::ChanType(..), ty) => matches!(ty, Type::Chan(..)),
            (ExprKind::FuncType(_), ty) => matches!(ty, Type::Func(_)),
            (ExprKind::StructType(_), ty) => matches!(ty, Type::Struct(_)),
            _ => true,
        }
    }

    /// Core-type inference through a declared generic constraint
    /// (`U numericAbs[T]` with `type numericAbs[T any] interface{
    /// ~struct{ Value_ T }; ... }` and `U` known): the constraint's single
    /// term against `U`'s underlying type binds the constraint's own
    /// parameters, and those, against the arguments written (`T`), bind
    /// ours.
    fn unify_declared_core(
        &mut self,
        c: &'a Expr,
        t: TypeId,
        names: &[String],
        b: &mut HashMap<String, TypeId>,
    ) {
        let (x, pargs): (&'a Expr, Vec<&'a Expr>) = match &c.kind {
            ExprKind::Index(x, i) => (x, vec![&**i]),
            ExprKind::IndexList(x, is) => (x, is.iter().collect()),
            _ => return,
        };
        let Some(g) = self.generic_target(x) else {
            return;
        };
        let Some(gt) = self.generic_types.get(&g).cloned() else {
            return;
        };
        let Some(term) = single_term(&gt.spec.ty) else {
            return;
        };
        let u = self.tt.under(t);
        let _ = self.unify_through(&gt, term, u, pargs, names, b);
    }

    /// Unifies `pattern`, written in generic type `gt`'s declaration with
    /// its type parameters, against type `u`, then the arguments written
    /// for those parameters (`pargs`) against what that bound them to.
    /// A pattern that does not match binds nothing (`Ok`).
    fn unify_through(
        &mut self,
        gt: &GenericType<'a>,
        pattern: &'a Expr,
        u: TypeId,
        pargs: Vec<&'a Expr>,
        names: &[String],
        b: &mut HashMap<String, TypeId>,
    ) -> Result<(), String> {
        let gnames: Vec<String> = tparam_names(&gt.spec.tparams)
            .iter()
            .map(|(n, _)| n.name.clone())
            .collect();
        if gnames.len() != pargs.len() {
            return Ok(());
        }
        let mut gb: HashMap<String, TypeId> = HashMap::new();
        let (pkg0, file0) = (self.pkg, self.file);
        self.pkg = gt.pkg;
        self.file = gt.file;
        let r = self.unify(pattern, u, &gnames, &mut gb);
        self.pkg = pkg0;
        self.file = file0;
        if r.is_err() {
            return Ok(());
        }
        for (pe, gn) in pargs.into_iter().zip(&gnames) {
            if let Some(&ta) = gb.get(gn) {
                self.unify(pe, ta, names, b)?;
            }
        }
        Ok(())
    }

    /// Unifies a parameter's type expression with an argument's type;
    /// `Err` names what did not match.
    fn unify(
        &mut self,
        pe: &'a Expr,
        t: TypeId,
        names: &[String],
        b: &mut HashMap<String, TypeId>,
    ) -> Result<(), String> {
        let u = self.tt.under(t);
        match &pe.kind {
            ExprKind::Paren(x) => self.unify(x, t, names, b),
            ExprKind::Ident(id) if names.contains(&id.name) => match b.get(&id.name) {
                Some(&prev) if !self.tt.identical(prev, t) => {
                    // A named type and its underlying literal unify (Go's
                    // inexact unification); keep the named one.
                    if self.tt.identical(self.tt.under(prev), u) && !self.tt.is_named(prev) {
                        b.insert(id.name.clone(), t);
                        return Ok(());
                    }
                    if self.tt.identical(self.tt.under(prev), u) {
                        return Ok(());
                    }
                    Err(format!("inferred type {} for {}", self.ts(prev), id.name))
                }
                Some(_) => Ok(()),
                None => {
                    b.insert(id.name.clone(), t);
                    Ok(())
                }
            },
            ExprKind::Star(x) => match self.tt.get(u).clone() {
                Type::Pointer(p) => self.unify(x, p, names, b),
                _ => Ok(()),
            },
            ExprKind::SliceType(x) => match self.tt.get(u).clone() {
                Type::Slice(el) => self.unify(x, el, names, b),
                _ => Ok(()),
            },
            ExprKind::ArrayType { elem, .. } => match self.tt.get(u).clone() {
                Type::Array(_, el) => self.unify(elem, el, names, b),
                _ => Ok(()),
            },
            ExprKind::MapType(k, v) => match self.tt.get(u).clone() {
                Type::Map(kt, vt) => {
                    self.unify(k, kt, names, b)?;
                    self.unify(v, vt, names, b)
                }
                _ => Ok(()),
            },
            ExprKind::ChanType(_, x) => match self.tt.get(u).clone() {
                Type::Chan(_, el) => self.unify(x, el, names, b),
                _ => Ok(()),
            },
            // Field by field, when the argument's struct has as many
            // (`~struct{ Value_ T }` against `struct{ Value_ int }`).
            ExprKind::StructType(fds) => match self.tt.get(u).clone() {
                Type::Struct(fs) => {
                    let pes: Vec<&'a Expr> = fds
                        .iter()
                        .flat_map(|fd| std::iter::repeat_n(&fd.ty, fd.names.len().max(1)))
                        .collect();
                    if pes.len() == fs.len() {
                        for (pe, f) in pes.into_iter().zip(&fs) {
                            self.unify(pe, f.ty, names, b)?;
                        }
                    }
                    Ok(())
                }
                _ => Ok(()),
            },
            ExprKind::FuncType(ft) => match self.tt.get(u).clone() {
                Type::Func(sig) => {
                    let mut pes: Vec<&'a Expr> = Vec::new();
                    for p in &ft.params {
                        for _ in 0..p.names.len().max(1) {
                            pes.push(&p.ty);
                        }
                    }
                    let mut res: Vec<&'a Expr> = Vec::new();
                    for p in &ft.results {
                        for _ in 0..p.names.len().max(1) {
                            res.push(&p.ty);
                        }
                    }
                    if pes.len() == sig.params.len() && res.len() == sig.results.len() {
                        for (pe, &pt) in pes.iter().zip(&sig.params) {
                            // `...T` is stored as `[]T`.
                            let pt = if sig.variadic && std::ptr::eq(*pe, *pes.last().unwrap()) {
                                match self.tt.get(pt).clone() {
                                    Type::Slice(el) => el,
                                    _ => pt,
                                }
                            } else {
                                pt
                            };
                            self.unify(pe, pt, names, b)?;
                        }
                        for (pe, &rt) in res.iter().zip(&sig.results) {
                            self.unify(pe, rt, names, b)?;
                        }
                    }
                    Ok(())
                }
                _ => Ok(()),
            },
            ExprKind::Index(x, _) | ExprKind::IndexList(x, _) => {
                let pargs: Vec<&'a Expr> = match &pe.kind {
                    ExprKind::Index(_, i) => vec![&**i],
                    ExprKind::IndexList(_, is) => is.iter().collect(),
                    _ => vec![],
                };
                let Some(g) = self.generic_target(x) else {
                    return Ok(());
                };
                if let Some((g2, targs)) = self.instance_of.get(&t).cloned() {
                    if g2 == g && pargs.len() == targs.len() {
                        for (pe, ta) in pargs.into_iter().zip(targs) {
                            self.unify(pe, ta, names, b)?;
                        }
                        return Ok(());
                    }
                }
                // Inexact: the generic type's definition against the
                // argument's underlying type (`iter.Seq[E]` against a
                // `func(func(int) bool)`), then its parameters against
                // ours.
                let Some(gt) = self.generic_types.get(&g).cloned() else {
                    return Ok(());
                };
                self.unify_through(&gt, &gt.spec.ty, u, pargs, names, b)
            }
            _ => Ok(()),
        }
    }

    // ---- instantiation ----

    pub(super) fn save(&mut self) -> Saved {
        Saved {
            pkg: self.pkg,
            file: self.file,
            scopes: std::mem::take(&mut self.scopes),
            funcs: std::mem::take(&mut self.funcs),
            cur_decl: self.cur_decl.take(),
            iota: self.iota.take(),
            pos_override: self.pos_override.take(),
        }
    }

    pub(super) fn restore(&mut self, s: Saved) {
        self.pkg = s.pkg;
        self.file = s.file;
        self.scopes = s.scopes;
        self.funcs = s.funcs;
        self.cur_decl = s.cur_decl;
        self.iota = s.iota;
        self.pos_override = s.pos_override;
    }

    /// A scope binding type parameter names to type arguments.
    pub(super) fn binding_scope(&mut self, names: &[&ast::Ident], targs: &[TypeId]) -> Scope {
        let mut sc = Scope {
            names: HashMap::new(),
            depth: 0,
        };
        for (n, &t) in names.iter().zip(targs) {
            let o = self.new_obj(&n.name, ObjKind::TypeName, t, n.span, None);
            self.tparam_objs.insert(o);
            sc.names.insert(n.name.clone(), o);
        }
        sc
    }

    /// Whether type expression `e` names a type parameter of the generic
    /// declaration whose instance is being checked. Go checks the generic
    /// body once, with the parameter a type of its own; an instance sees
    /// the type argument instead, so what only the argument makes equal
    /// (`case T:` and `case int:` of a type switch when `T` is `int`) is
    /// no error of the program.
    pub(crate) fn mentions_tparam(&self, e: &Expr) -> bool {
        struct Names<'c> {
            scopes: &'c [Scope],
            tparams: &'c std::collections::HashSet<ObjId>,
            found: bool,
        }
        impl crate::walk::Visitor for Names<'_> {
            const TYPES: bool = true;
            fn expr(&mut self, e: &Expr) {
                if let ExprKind::Ident(id) = &e.kind {
                    let o = self
                        .scopes
                        .iter()
                        .rev()
                        .find_map(|sc| sc.names.get(&id.name));
                    if o.is_some_and(|o| self.tparams.contains(o)) {
                        self.found = true;
                    }
                }
            }
        }
        if self.tparam_objs.is_empty() {
            return false;
        }
        let mut v = Names {
            scopes: &self.scopes,
            tparams: &self.tparam_objs,
            found: false,
        };
        crate::walk::expr(&mut v, e, 0);
        v.found
    }

    /// Runs `f` in package `pkg`, file `file`, with the type parameters
    /// of `b` bound.
    fn with_bindings<R>(
        &mut self,
        pkg: PkgId,
        file: usize,
        b: &HashMap<String, TypeId>,
        f: impl FnOnce(&mut Self) -> R,
    ) -> R {
        let saved = self.save();
        self.pkg = pkg;
        self.file = file;
        let mut sc = Scope {
            names: HashMap::new(),
            depth: 0,
        };
        for (n, &t) in b {
            let o = self.new_obj(n, ObjKind::TypeName, t, Span::default(), None);
            self.tparam_objs.insert(o);
            sc.names.insert(n.clone(), o);
        }
        self.scopes.push(sc);
        let r = f(self);
        self.restore(saved);
        r
    }

    /// Whether each type argument satisfies its constraint; reports the
    /// first that does not (at `at`, or at the explicit argument).
    pub(super) fn check_constraints(
        &mut self,
        tps: &'a [ast::TypeParam],
        place: (PkgId, usize),
        targs: &[TypeId],
        at: Span,
        explicit: Option<&'a [Expr]>,
        outer: &[(String, TypeId)],
    ) -> bool {
        self.check_constraints_in(tps, place, targs, at, explicit, outer, None)
    }

    /// [`Checker::check_constraints`] for a call of generic function
    /// `call`: a type parameter inferred as a type argument is also
    /// judged as Go's inference judges it (see `fresh_satisfies`).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn check_constraints_in(
        &mut self,
        tps: &'a [ast::TypeParam],
        (pkg, file): (PkgId, usize),
        targs: &[TypeId],
        at: Span,
        explicit: Option<&'a [Expr]>,
        outer: &[(String, TypeId)],
        call: Option<&str>,
    ) -> bool {
        // Of a body under the generic check (see `genbody`), a type
        // parameter passed on is judged by its type set; a type argument
        // or constraint that only mentions one is not judged.
        let outer_fresh = outer.iter().any(|&(_, t)| self.mentions_fresh(t));
        let names = tparam_names(tps);
        let b: HashMap<String, TypeId> = outer
            .iter()
            .cloned()
            .chain(
                names
                    .iter()
                    .zip(targs)
                    .map(|((n, _), &t)| (n.name.clone(), t)),
            )
            .collect();
        for (i, ((pn, c), &t)) in names.iter().zip(targs).enumerate() {
            let written = explicit.and_then(|a| a.get(i));
            let span = written.map_or(at, |a| self.start_span(a));
            let inferred = call
                .filter(|_| written.is_none())
                .map(|f| (f, pn.name.as_str()));
            let (ct, terms) = self.with_bindings(pkg, file, &b, |ch| {
                let ct = ch.constraint_typexpr(c);
                let terms = ch
                    .expr_terms
                    .get(&c.id)
                    .cloned()
                    .or_else(|| ch.named_terms.get(&ct).cloned());
                (ct, terms)
            });
            if self.tt.is_invalid(ct) {
                return false;
            }
            let ts = self.ts(t);
            let cs = match &c.kind {
                ExprKind::InterfaceType(_) => {
                    let subst = |n: &str| b.get(n).map(|&t| self.ts(t));
                    constraint_string_subst(c, &subst)
                }
                _ => self.ts(ct),
            };
            if self.is_fresh(t) {
                if !self.fresh_satisfies(t, (ct, terms.as_deref(), &cs), span, inferred) {
                    return false;
                }
                continue;
            }
            let terms_fresh = terms
                .as_ref()
                .is_some_and(|ts| ts.iter().any(|&(_, u)| self.mentions_fresh(u)));
            if outer_fresh || terms_fresh {
                continue;
            }
            // Go's order (`implements`): the methods, the type set, then
            // comparability.
            let iface = self.tt.interface(self.tt.under(ct)).cloned();
            if iface.as_ref().is_some_and(|i| !i.methods.is_empty()) {
                let u = self.tt.under(ct);
                if let Some(cause) = self.missing_method_cause(t, u, true) {
                    self.error(span, format!("{ts} does not satisfy {cs} {cause}"));
                    return false;
                }
            }
            if let Some(terms) = &terms {
                let ok = terms.iter().any(|&(tilde, term)| {
                    if tilde {
                        self.tt.identical(self.tt.under(t), self.tt.under(term))
                    } else {
                        self.tt.identical(t, term)
                    }
                });
                if !ok {
                    let list = union_string(
                        terms
                            .iter()
                            .map(|&(tl, tm)| (tl, self.tt.type_string(tm, None))),
                    );
                    let msg = if self.tt.is_interface(t) {
                        format!("{ts} does not satisfy {cs} ({ts} missing in {list})")
                    } else if terms
                        .iter()
                        .any(|&(_, tm)| self.tt.identical(self.tt.under(t), tm))
                    {
                        format!(
                            "{ts} does not satisfy {cs} (possibly missing ~ for {} in {cs})",
                            self.ts(self.tt.under(t))
                        )
                    } else {
                        format!("{ts} does not satisfy {cs} ({ts} missing in {list})")
                    };
                    self.error(span, msg);
                    return false;
                }
            }
            if iface.is_some_and(|i| i.comparable) && !self.tt.comparable(t) {
                self.error(span, format!("{ts} does not satisfy comparable"));
                return false;
            }
        }
        true
    }

    /// The instance of generic function `g` for `targs` (made once).
    fn instantiate_func(
        &mut self,
        g: ObjId,
        targs: Vec<TypeId>,
        at: Span,
        explicit: Option<&'a [Expr]>,
    ) -> Option<ObjId> {
        let key = (g, targs.clone());
        let gf = self.generic_funcs.get(&g)?.clone();
        let fresh = self.any_fresh(&targs);
        // Each use of a type parameter as type argument is judged.
        let call = self.generic_name(g);
        if fresh
            && !self.check_constraints_in(
                &gf.decl.tparams,
                (gf.pkg, gf.file),
                &targs,
                at,
                explicit,
                &[],
                Some(&call),
            )
        {
            return None;
        }
        if let Some(&o) = self.func_instances.get(&key) {
            return Some(o);
        }
        if self.on_instance_cycle(&gf.decl.tparams) {
            return None;
        }
        if fresh {
            let names: Vec<String> = tparam_names(&gf.decl.tparams)
                .into_iter()
                .map(|(n, _)| n.name.clone())
                .collect();
            let o = self.fresh_instance(gf.decl, (gf.pkg, gf.file), &names, &targs, false);
            self.func_instances.insert(key, o);
            return Some(o);
        }
        if !self.check_constraints(
            &gf.decl.tparams,
            (gf.pkg, gf.file),
            &targs,
            at,
            explicit,
            &[],
        ) {
            return None;
        }
        if self.instance_cycle_too_deep(g, &gf.decl.tparams, &targs, at) {
            return None;
        }
        let mut copy = gf.decl.clone();
        super::renumber::Renumber { ids: &mut self.ids }.func_decl(&mut copy);
        let decl: &'a ast::FuncDecl = self.arena.alloc(copy);
        let names: Vec<&ast::Ident> = tparam_names(&decl.tparams)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        Some(self.check_instance(decl, (gf.pkg, gf.file), &names, &targs, key, false))
    }

    /// Checks `decl`, a renumbered copy of a generic function's or
    /// generic method's declaration, as the instance that binds `names`
    /// to `tys`, in the package and file it was declared in. The instance
    /// is recorded under `key` (in `method_instances` for a method, else
    /// `func_instances`) before its body is checked, so a recursive call
    /// in the body finds it instead of instantiating it again.
    pub(super) fn check_instance(
        &mut self,
        decl: &'a ast::FuncDecl,
        (pkg, file): (PkgId, usize),
        names: &[&ast::Ident],
        tys: &[TypeId],
        key: (ObjId, Vec<TypeId>),
        method: bool,
    ) -> ObjId {
        let saved = self.save();
        self.pkg = pkg;
        self.file = file;
        let sc = self.binding_scope(names, tys);
        let scope_names = sc.names.clone();
        self.scopes.push(sc);
        let o = self.new_obj(
            &format!("{}[...]", decl.name.name),
            ObjKind::Func {
                recv: None,
                has_body: decl.body.is_some(),
            },
            ids::INVALID,
            decl.name.span,
            Some(decl.name.id),
        );
        self.info.funcs.insert(decl.name.id, o);
        self.info.defs.insert(decl.name.id, o);
        if method {
            self.method_instances.insert(key, o);
        } else {
            self.func_instances.insert(key, o);
        }
        self.body_scopes.insert(o, scope_names);
        self.instance_depth += 1;
        self.func_decl(o, decl);
        self.instance_depth -= 1;
        self.restore(saved);
        o
    }

    /// `List[int]` in a type: checks the argument count and constraints,
    /// then instantiates.
    pub(crate) fn instantiate_type_checked(
        &mut self,
        g: ObjId,
        targs: Vec<TypeId>,
        at: Span,
        explicit: &'a [Expr],
    ) -> TypeId {
        let gt = self.generic_types[&g].clone();
        let n = tparam_names(&gt.spec.tparams).len();
        if targs.len() != n {
            let name = self.generic_name(g);
            let msg = if targs.len() > n {
                format!(
                    "too many type arguments for type {name}: have {}, want {n}",
                    targs.len()
                )
            } else {
                format!(
                    "not enough type arguments for type {name}: have {}, want {n}",
                    targs.len()
                )
            };
            self.error(at, msg);
            return ids::INVALID;
        }
        // A type argument that is a type parameter is judged at each use.
        let fresh = self.any_fresh(&targs);
        // An instance whose check waits (below) is judged again at each
        // use until then, as Go verifies each one.
        let waiting = self
            .pending_instances
            .iter()
            .any(|(pg, pt, ..)| *pg == g && *pt == targs);
        if !fresh && !waiting {
            if let Some(&t) = self.type_instances.get(&(g, targs.clone())) {
                return t;
            }
        }
        // In a function's or method's signature the check waits for the
        // package's declarations (`pending_instances`).
        let in_signature = self
            .obj_path
            .last()
            .is_some_and(|&o| matches!(self.tt.obj(o).kind, ObjKind::Func { .. }));
        if (in_signature && !fresh) || (fresh && self.constraining_fresh) {
            self.pending_instances
                .push((g, targs.clone(), at, explicit));
        } else if !self.type_instance_ok(g, &targs, at, explicit) {
            return ids::INVALID;
        }
        // (`instantiate_type` returns the instance when it exists.)
        self.instantiate_type(g, targs, at)
    }

    /// Whether the type arguments of `g`'s instance satisfy its
    /// constraints (reported if not). Met again inside its own check (its
    /// constraint mentions it), the instance is judged by that outer check
    /// alone, as Go verifies an instance once: checking it there would
    /// recurse without end.
    fn type_instance_ok(
        &mut self,
        g: ObjId,
        targs: &[TypeId],
        at: Span,
        explicit: &'a [Expr],
    ) -> bool {
        let key = (g, targs.to_vec());
        if self.checking_instances.contains(&key) {
            return true;
        }
        let gt = self.generic_types[&g].clone();
        self.checking_instances.push(key);
        let ok = self.check_constraints(
            &gt.spec.tparams,
            (gt.pkg, gt.file),
            targs,
            at,
            Some(explicit),
            &[],
        );
        self.checking_instances.pop();
        ok
    }

    /// Checks the constraints of the type instances that signatures met
    /// (`pending_instances`), now that every method is declared.
    pub(crate) fn check_pending_instances(&mut self) {
        for (g, targs, at, explicit) in std::mem::take(&mut self.pending_instances) {
            self.judge_instance(g, targs, at, explicit);
        }
    }

    /// Checks the constraints of a type instance whose check waited. A
    /// later use judges it again (and is invalid), as an instance checked
    /// at once would have been.
    pub(super) fn judge_instance(
        &mut self,
        g: ObjId,
        targs: Vec<TypeId>,
        at: Span,
        explicit: &'a [Expr],
    ) {
        if !self.type_instance_ok(g, &targs, at, explicit) {
            self.type_instances.remove(&(g, targs));
        }
    }

    /// The instance of generic type `g` for `targs`, with its methods.
    pub(super) fn instantiate_type(&mut self, g: ObjId, targs: Vec<TypeId>, at: Span) -> TypeId {
        let key = (g, targs.clone());
        if let Some(&t) = self.type_instances.get(&key) {
            return t;
        }
        let gt = self.generic_types[&g].clone();
        if self.on_instance_cycle(&gt.spec.tparams)
            || self.instance_cycle_too_deep(g, &gt.spec.tparams, &targs, at)
        {
            return ids::INVALID;
        }
        if gt.spec.alias {
            return self.instantiate_alias(&gt, key);
        }
        // A type parameter of a body under the generic check prints as
        // that body's package prints it (`List[T]`).
        let local = self.any_fresh(&targs).then_some(gt.pkg);
        let args: Vec<String> = targs
            .iter()
            .map(|&t| match local {
                Some(_) => self.tt.type_string(t, local),
                None => self.tt.type_id_string(t),
            })
            .collect();
        // (Only messages print such an instance: with Go's spacing.)
        let sep = if local.is_some() { ", " } else { "," };
        let name = format!("{}[{}]", gt.spec.name.name, args.join(sep));
        // A type argument that nests the type in itself once more at each
        // level (`func (p Pair[A, B]) Nest() Pair[Pair[A, B], int]`) grows
        // the instances' names exponentially long well before the depth
        // bound: stop it as a cycle too (Go rejects such a declaration
        // statically).
        if name.len() > MAX_INSTANCE_NAME {
            self.report_deep_cycle(g, &gt.spec.tparams, &targs, at);
            return ids::INVALID;
        }
        let saved = self.save();
        self.pkg = gt.pkg;
        self.file = gt.file;
        let tobj = self.new_obj(
            &name,
            ObjKind::TypeName,
            ids::INVALID,
            gt.spec.name.span,
            None,
        );
        let named = self.tt.new_named(tobj, &name, Some(gt.pkg));
        self.tt
            .set_instance(named, gt.spec.name.name.len(), targs.clone());
        self.tt.obj_mut(tobj).ty = named;
        self.type_instances.insert(key, named);
        self.instance_of.insert(named, (g, targs.clone()));
        self.instance_depth += 1;
        let names: Vec<&ast::Ident> = tparam_names(&gt.spec.tparams)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        let sc = self.binding_scope(&names, &targs);
        self.scopes.push(sc);
        let fresh = self.any_fresh(&targs);
        let mark = self.diags.len();
        let rhs = self.typexpr(&gt.spec.ty);
        if !fresh {
            self.instance_rhs_errors(gt.spec, mark);
        }
        let under = if self.tt.is_named(rhs) {
            self.under_checked(rhs)
        } else {
            rhs
        };
        if let Some(v) = self.expr_terms.get(&gt.spec.ty.id).cloned() {
            self.named_terms.insert(named, v);
        }
        if let Some(n) = self.tt.named_mut(named) {
            n.underlying = under;
        }
        self.scopes.clear();
        // Methods: declared with the receiver's own names for the type
        // parameters; bodies are checked with the bodies of the package.
        for m in &gt.methods {
            if !m.tparams.is_empty() {
                let o = self.new_obj(
                    &m.name.name,
                    ObjKind::Func {
                        recv: None,
                        has_body: m.body.is_some(),
                    },
                    ids::INVALID,
                    m.name.span,
                    None,
                );
                self.color.insert(o, super::checker::Color::Black);
                if let Some(n) = self.tt.named_mut(named) {
                    n.generic_methods.push(o);
                }
                self.generic_methods.insert(
                    o,
                    GenericMethod {
                        decl: m,
                        pkg: gt.pkg,
                        file: gt.file,
                        recv_targs: targs.clone(),
                    },
                );
                continue;
            }
            let mut copy = (*m).clone();
            super::renumber::Renumber { ids: &mut self.ids }.func_decl(&mut copy);
            if let Some(r) = copy.recv.as_mut() {
                name_blank_recv_tparams(r);
            }
            let decl: &'a ast::FuncDecl = self.arena.alloc(copy);
            let Some(recv) = &decl.recv else { continue };
            let rnames = recv_tparams(recv);
            if rnames.len() != targs.len() {
                // Reported once, where the generic methods are collected.
                continue;
            }
            if fresh {
                // An instance with a type parameter of a body under the
                // generic check: its methods' signatures only.
                let names: Vec<String> = rnames.iter().map(|n| n.name.clone()).collect();
                let o = self.fresh_instance(decl, (gt.pkg, gt.file), &names, &targs, true);
                if let Some(n) = self.tt.named_mut(named) {
                    n.methods.push(o);
                }
                continue;
            }
            let sc = self.binding_scope(&rnames, &targs);
            let scope_names = sc.names.clone();
            self.scopes = vec![sc];
            let o = self.new_obj(
                &decl.name.name,
                ObjKind::Func {
                    recv: None,
                    has_body: decl.body.is_some(),
                },
                ids::INVALID,
                decl.name.span,
                Some(decl.name.id),
            );
            self.info.funcs.insert(decl.name.id, o);
            self.info.defs.insert(decl.name.id, o);
            if let Some(n) = self.tt.named_mut(named) {
                n.methods.push(o);
            }
            self.body_scopes.insert(o, scope_names);
            self.func_decl(o, decl);
            self.scopes.clear();
        }
        self.instance_depth -= 1;
        self.restore(saved);
        let _ = tparams_string;
        named
    }

    /// The errors since `mark` of an instance of the generic type declared
    /// by `spec` (not one under the generic check) inside its right-hand
    /// side. Go reports those once, at the declaration, with the type
    /// parameters (`P does not satisfy comparable`), never at an instance
    /// (`func() does not satisfy comparable`): once the generic check
    /// has found the declaration at fault, an instance's are dropped;
    /// before, they are remembered, for the generic check to drop
    /// (`drop_instance_rhs_errors`), and stand if it finds nothing.
    fn instance_rhs_errors(&mut self, spec: &ast::TypeSpec, mark: usize) {
        let inside = |d: &crate::diag::Diagnostic| {
            spec.span.lo <= d.primary.span.lo && d.primary.span.hi <= spec.span.hi
        };
        if self.generic_body_errs.contains(&spec.span.lo) {
            let tail = self.diags.split_off(mark);
            self.diags.extend(tail.into_iter().filter(|d| !inside(d)));
            return;
        }
        for d in self.diags[mark..].iter().filter(|d| inside(d)) {
            self.instance_rhs_diags
                .insert((d.primary.span.lo, d.message.clone()));
        }
    }

    /// Drops the instances' errors in the right-hand side of the generic
    /// type declared by `spec` among the first `mark` diagnostics: its
    /// generic check found it at fault (see `instance_rhs_errors`).
    pub(super) fn drop_instance_rhs_errors(&mut self, spec: &ast::TypeSpec, mark: usize) {
        let tail = self.diags.split_off(mark);
        let rhs = &self.instance_rhs_diags;
        self.diags.retain(|d| {
            let inside = spec.span.lo <= d.primary.span.lo && d.primary.span.hi <= spec.span.hi;
            !inside || !rhs.contains(&(d.primary.span.lo, d.message.clone()))
        });
        self.diags.extend(tail);
    }

    /// An instance of a generic alias (`type Set[K comparable] =
    /// map[K]struct{}`): the aliased type with the arguments in place, no
    /// new named type (Go 1.24's generic aliases).
    fn instantiate_alias(&mut self, gt: &GenericType<'a>, key: (ObjId, Vec<TypeId>)) -> TypeId {
        let saved = self.save();
        self.pkg = gt.pkg;
        self.file = gt.file;
        let names: Vec<&ast::Ident> = tparam_names(&gt.spec.tparams)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        let sc = self.binding_scope(&names, &key.1);
        self.scopes.push(sc);
        self.instance_depth += 1;
        let t = self.typexpr(&gt.spec.ty);
        self.instance_depth -= 1;
        self.scopes.clear();
        self.restore(saved);
        self.type_instances.insert(key, t);
        t
    }

    /// Reports the use of a generic object without instantiation.
    pub(crate) fn generic_without_instantiation(&mut self, e: &'a Expr, o: ObjId) -> bool {
        if let Some(gf) = self.generic_funcs.get(&o) {
            let s = expr_string(e);
            let _ = gf;
            self.error(
                e.span,
                format!("cannot use generic function {s} without instantiation"),
            );
            return true;
        }
        if let Some(gt) = self.generic_types.get(&o) {
            let s = format!("{}{}", expr_string(e), tparams_string(&gt.spec.tparams));
            self.error(
                e.span,
                format!("cannot use generic type {s} without instantiation"),
            );
            return true;
        }
        false
    }

    /// The terms of two type-set restrictions together (their
    /// intersection; `None` is every type).
    pub(crate) fn intersect_terms(
        &self,
        a: Option<Vec<(bool, TypeId)>>,
        b: Vec<(bool, TypeId)>,
    ) -> Vec<(bool, TypeId)> {
        let Some(a) = a else { return b };
        let mut out = Vec::new();
        for &(ta, xa) in &a {
            for &(tb, xb) in &b {
                let ua = self.tt.under(xa);
                let ub = self.tt.under(xb);
                match (ta, tb) {
                    (true, true) if self.tt.identical(ua, ub) => out.push((true, xa)),
                    (true, false) if self.tt.identical(ua, ub) => out.push((false, xb)),
                    (false, true) if self.tt.identical(ua, ub) => out.push((false, xa)),
                    (false, false) if self.tt.identical(xa, xb) => out.push((false, xa)),
                    _ => {}
                }
            }
        }
        out
    }
}

/// Rank of an untyped constant's default type for inference.
/// (0 for the non-numeric kinds: strings and booleans.)
fn untyped_rank(t: TypeId) -> u8 {
    if t == ids::FLOAT64 {
        3
    } else if t == ids::INT32 || t == ids::RUNE {
        2
    } else if t == ids::INT {
        1
    } else {
        0
    }
}

/// Whether every type parameter that `e` mentions is bound.
fn mentions_all_bound(e: &Expr, names: &[String], b: &HashMap<String, TypeId>) -> bool {
    let mut ok = true;
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Ident(id) if names.contains(&id.name) && !b.contains_key(&id.name) => {
                ok = false;
            }
            ExprKind::Paren(x)
            | ExprKind::Star(x)
            | ExprKind::SliceType(x)
            | ExprKind::ChanType(_, x) => stack.push(x),
            ExprKind::ArrayType { elem, .. } => stack.push(elem),
            ExprKind::MapType(k, v) | ExprKind::Index(k, v) => {
                stack.push(k);
                stack.push(v);
            }
            ExprKind::IndexList(x, is) => {
                stack.push(x);
                stack.extend(is.iter());
            }
            ExprKind::FuncType(ft) => {
                stack.extend(ft.params.iter().chain(&ft.results).map(|p| &p.ty));
            }
            ExprKind::StructType(fs) => stack.extend(fs.iter().map(|f| &f.ty)),
            ExprKind::InterfaceType(els) => {
                for el in els {
                    match el {
                        ast::InterfaceElem::Method { ty, .. } => {
                            stack.extend(ty.params.iter().chain(&ty.results).map(|p| &p.ty))
                        }
                        ast::InterfaceElem::Embed(x) => stack.push(x),
                        ast::InterfaceElem::Union(ts) => stack.extend(ts.iter().map(|(_, t)| t)),
                    }
                }
            }
            _ => {}
        }
    }
    ok
}

/// A variable of a type parameter, as the walk of generic bodies sees
/// it: one whose constraint has no core type (`any`, `comparable`), or
/// one whose type set is a union of basic types (`~int | ~string`, or a
/// constraint interface of the package that is such a union).
#[derive(Clone)]
struct TParamVar {
    tparam: String,
    /// The constraint as Go prints it.
    constraint: String,
    /// The basic types of a union's terms (`None` for `any` and
    /// `comparable`: no specific types).
    terms: Option<Terms>,
}

/// A union's terms: each type's name (without `~`) and basic kind.
type Terms = std::rc::Rc<Vec<(String, BasicKind)>>;

impl TParamVar {
    /// The operand as Go describes it: `x (variable of type T
    /// constrained by any)`.
    fn desc(&self, name: &str) -> String {
        format!(
            "{name} (variable of type {} constrained by {})",
            self.tparam, self.constraint
        )
    }

    /// Whether every type of the type set has `ok`; false without
    /// specific types.
    fn all(&self, ok: impl Fn(BasicKind) -> bool) -> bool {
        self.terms
            .as_ref()
            .is_some_and(|ts| ts.iter().all(|&(_, k)| ok(k)))
    }

    /// Whether an untyped constant of `kind` (as [`OperatorWalk::untyped_kind`]
    /// names it) converts to every type of the type set. A float
    /// constant may be integral, so it is taken to fit an integer type.
    fn takes_const(&self, kind: &str) -> bool {
        match kind {
            "string" => self.all(|k| k.is_string()),
            _ => self.all(|k| k.is_numeric()),
        }
    }

    /// Whether binary operator `op` applies to every type of the type
    /// set (`None` for an operator this does not judge).
    fn allows(&self, op: ast::BinaryOp) -> Option<bool> {
        use ast::BinaryOp as B;
        Some(match op {
            B::Add => self.all(|k| k.is_numeric() || k.is_string()),
            B::Sub | B::Mul | B::Div => self.all(|k| k.is_numeric()),
            B::Rem | B::And | B::Or | B::Xor | B::AndNot => self.all(|k| k.is_integer()),
            B::Lt | B::Le | B::Gt | B::Ge => self.all(|k| k.is_real() || k.is_string()),
            _ => return None,
        })
    }
}

/// Whether a value of basic type `from` converts to basic type `to`.
fn basic_convertible(from: BasicKind, to: BasicKind) -> bool {
    (from.is_numeric() && to.is_numeric())
        || (from.is_string() && to.is_string())
        || (from.is_integer() && to.is_string())
        || (from.is_boolean() && to.is_boolean())
}

/// The builtins the walk judges; with the universe's basic types, the
/// names it knows (`OperatorWalk::universe`).
const WALK_BUILTINS: &[&str] = &[
    "len", "cap", "append", "close", "delete", "clear", "min", "max", "make", "nil",
];

/// Finds, in a generic function's body, the uses Go rejects of a type
/// parameter constrained by `any` or `comparable`, or of an operand of
/// one: the names (parameters of the type parameter's type, and the type
/// parameters themselves, never redeclared in the body) and what is done
/// with them.
struct OperatorWalk<'v> {
    vars: &'v HashMap<String, TParamVar>,
    /// The type parameters without a core type, by name.
    tparams: &'v HashMap<String, String>,
    /// The methods of the type parameters constrained by an interface
    /// of the package that has only methods (`Shape`), by parameter.
    methods: &'v HashMap<String, Vec<String>>,
    /// The type parameters whose type set is a union of basic types.
    unions: &'v std::collections::HashSet<String>,
    /// The universe's basic types, by name (those not declared over).
    basics: &'v HashMap<String, BasicKind>,
    /// The universe's names the walk judges ([`WALK_BUILTINS`] and the
    /// basic types) that the program has not declared over.
    universe: &'v std::collections::HashSet<String>,
    /// The function's one result type, if it is a type parameter the
    /// walk judges or a basic type (by name).
    result: Option<String>,
    /// Parameters of type `*T`, by name, with `T`.
    ptr_vars: &'v HashMap<String, String>,
    /// Names declared anywhere in the body (they may shadow a parameter:
    /// such a name is not judged at all).
    declared: std::collections::HashSet<String>,
    found: Vec<(Span, String)>,
    collect_only: bool,
}

impl OperatorWalk<'_> {
    fn var_of<'e>(&self, e: &'e Expr) -> Option<(&'e str, TParamVar)> {
        let ExprKind::Ident(i) = &e.kind else {
            return None;
        };
        if self.declared.contains(&i.name) {
            return None;
        }
        self.vars.get(&i.name).map(|v| (i.name.as_str(), v.clone()))
    }

    /// A variable of a type parameter without specific types (`any`,
    /// `comparable`): the judgements that need no type set.
    fn coreless_var<'e>(&self, e: &'e Expr) -> Option<(&'e str, TParamVar)> {
        self.var_of(e).filter(|(_, v)| v.terms.is_none())
    }

    /// The type parameter `e` names, if it is one the walk judges.
    fn tparam_of<'e>(&self, e: &'e Expr) -> Option<&'e str> {
        let ExprKind::Ident(i) = &e.kind else {
            return None;
        };
        (!self.declared.contains(&i.name) && self.tparams.contains_key(&i.name))
            .then_some(i.name.as_str())
    }

    /// Whether `e` names the universe's `name`.
    fn universal(&self, e: &Expr, name: &str) -> bool {
        matches!(&e.kind, ExprKind::Ident(i) if i.name == name
            && !self.declared.contains(name)
            && self.universe.contains(name))
    }

    /// An untyped constant literal's kind, as Go names it in messages.
    fn untyped_kind(e: &Expr) -> Option<&'static str> {
        match e.kind {
            ExprKind::Int(_) => Some("int"),
            ExprKind::Float(_) => Some("float"),
            ExprKind::Rune(_) => Some("rune"),
            ExprKind::Str(_) => Some("string"),
            _ => None,
        }
    }

    /// An operand of type parameter `T` where a basic type or another
    /// type parameter is wanted (`var n int = x`, `return x`).
    fn mismatch(&mut self, want: &Expr, v: &Expr, context: &str) {
        let Some((n, var)) = self.var_of(v) else {
            return;
        };
        let ExprKind::Ident(w) = &want.kind else {
            return;
        };
        let other_tparam = (self.tparam_of(want).is_some()
            || (!self.declared.contains(&w.name) && self.unions.contains(&w.name)))
            && w.name != var.tparam;
        let basic = self.universal(want, &w.name)
            && !matches!(w.name.as_str(), "nil")
            && !WALK_BUILTINS.contains(&w.name.as_str());
        if other_tparam || basic {
            let msg = format!(
                "cannot use {} as {} value in {context}",
                var.desc(n),
                w.name
            );
            self.found.push((v.span, msg));
        }
    }

    /// `var _ T = 0`: a constant literal given a type parameter's type.
    fn typed_literals(&mut self, ty: &Option<Expr>, values: &[Expr], context: &str) {
        if let Some(ty) = ty {
            for v in values {
                self.mismatch(ty, v, context);
            }
        }
        let Some(t) = ty.as_ref().and_then(|t| self.tparam_of(t)) else {
            return;
        };
        let t = t.to_string();
        for v in values {
            if let Some(k) = Self::untyped_kind(v) {
                let msg = format!(
                    "cannot use {} (untyped {k} constant) as {t} value in {context}",
                    expr_string(v)
                );
                self.found.push((v.span, msg));
            }
        }
    }

    /// The declarations `walk` does not report: `var` names, a range's
    /// `:=` variables, type switch bindings; and the statements that use
    /// an operand (`x++`, a send, a range, a type switch, a return).
    fn stmts(&mut self, ss: &[ast::Stmt], depth: u32) {
        if depth > 500 {
            return;
        }
        for s in ss {
            self.stmt(s, depth + 1);
        }
    }

    fn stmt(&mut self, s: &ast::Stmt, d: u32) {
        use ast::StmtKind as K;
        let opt = |w: &mut Self, x: &Option<Box<ast::Stmt>>| {
            if let Some(x) = x {
                w.stmt(x, d + 1);
            }
        };
        let judge = !self.collect_only;
        match &s.kind {
            K::Decl(ast::Decl::Var(g)) => {
                for sp in &g.specs {
                    for n in &sp.names {
                        self.declared.insert(n.name.clone());
                    }
                    if judge {
                        self.typed_literals(&sp.ty, &sp.values, "variable declaration");
                    }
                }
            }
            K::Decl(ast::Decl::Const(g)) => {
                for sp in &g.specs {
                    for n in &sp.names {
                        self.declared.insert(n.name.clone());
                    }
                    if let (true, Some(t)) = (judge, &sp.ty) {
                        if let Some(tp) = self.tparam_of(t) {
                            let msg = format!("invalid constant type {tp}");
                            self.found.push((t.span, msg));
                        }
                    }
                }
            }
            K::Decl(ast::Decl::Type(g)) => {
                for sp in &g.specs {
                    self.declared.insert(sp.name.name.clone());
                }
            }
            K::IncDec { x, inc } if judge => {
                let numeric = |v: &TParamVar| v.all(|k| k.is_numeric());
                if let Some((n, v)) = self.var_of(x).filter(|(_, v)| !numeric(v)) {
                    let op = if *inc { "++" } else { "--" };
                    let msg = format!("invalid operation: {n}{op} (non-numeric type {})", v.tparam);
                    self.found.push((x.span, msg));
                }
            }
            K::Send { ch, .. } if judge => {
                if let Some((n, v)) = self.coreless_var(ch) {
                    let msg = format!(
                        "invalid operation: cannot send to {}: no specific channel type",
                        v.desc(n)
                    );
                    self.found.push((ch.span, msg));
                }
            }
            K::Return(xs) if judge => {
                if let ([x], Some(t)) = (&xs[..], self.result.clone()) {
                    let want = Expr {
                        id: x.id,
                        span: x.span,
                        kind: ExprKind::Ident(ast::Ident {
                            id: x.id,
                            name: t.clone(),
                            span: x.span,
                        }),
                    };
                    self.mismatch(&want, x, "return statement");
                    // A result of a type parameter's type: no nil, no
                    // constant.
                    if self.tparam_of(&want).is_some() {
                        if self.universal(x, "nil") {
                            let msg = format!("cannot use nil as {t} value in return statement");
                            self.found.push((x.span, msg));
                        } else if let Some(k) = Self::untyped_kind(x) {
                            let msg = format!(
                                "cannot use {} (untyped {k} constant) as {t} value in return statement",
                                expr_string(x)
                            );
                            self.found.push((x.span, msg));
                        }
                    }
                }
            }
            K::Block(b) => self.stmts(&b.stmts, d),
            K::If {
                init, then, els, ..
            } => {
                opt(self, init);
                self.stmts(&then.stmts, d);
                opt(self, els);
            }
            K::For {
                init, post, body, ..
            } => {
                opt(self, init);
                opt(self, post);
                self.stmts(&body.stmts, d);
            }
            K::Range {
                key,
                value,
                define,
                x,
                body,
                ..
            } => {
                if judge {
                    if let Some((n, v)) = self.coreless_var(x) {
                        let msg = format!("cannot range over {}: no specific type", v.desc(n));
                        self.found.push((x.span, msg));
                    }
                }
                if *define {
                    for e in key.iter().chain(value.iter()) {
                        if let ExprKind::Ident(i) = &e.kind {
                            self.declared.insert(i.name.clone());
                        }
                    }
                }
                self.stmts(&body.stmts, d);
            }
            K::Switch { init, cases, .. } => {
                opt(self, init);
                cases.iter().for_each(|c| self.stmts(&c.body, d));
            }
            K::TypeSwitch {
                init,
                bind,
                x,
                cases,
                ..
            } => {
                opt(self, init);
                if judge {
                    if let Some((n, v)) = self.var_of(x) {
                        let msg = format!(
                            "cannot use type switch on type parameter value {}",
                            v.desc(n)
                        );
                        self.found.push((x.span, msg));
                    }
                }
                if let Some(b) = bind {
                    self.declared.insert(b.name.clone());
                }
                cases.iter().for_each(|c| self.stmts(&c.body, d));
            }
            K::Select { cases, .. } => cases.iter().for_each(|c| {
                if let Some(x) = &c.comm {
                    self.stmt(x, d + 1);
                }
                self.stmts(&c.body, d)
            }),
            K::Labeled { stmt, .. } => self.stmt(stmt, d + 1),
            _ => {}
        }
    }

    /// A call: of an operand, of a builtin on one, or a conversion.
    fn call(&mut self, func: &Expr, args: &[Expr]) {
        if let Some((n, v)) = self.coreless_var(func) {
            let msg = format!(
                "invalid operation: cannot call {}: no specific type",
                v.desc(n)
            );
            self.found.push((func.span, msg));
            return;
        }
        let ExprKind::Ident(f) = &func.kind else {
            return;
        };
        let fname = f.name.as_str();
        if let Some(t) = self.tparam_of(func) {
            // T(1): a constant cannot be converted to a type parameter
            // without a core type.
            if let [a] = args {
                if let Some(k) = Self::untyped_kind(a) {
                    let msg = format!(
                        "cannot convert {} (untyped {k} value) to type {t}: {t} does not contain specific types",
                        expr_string(a)
                    );
                    self.found.push((a.span, msg));
                }
            }
            return;
        }
        if !self.universal(func, fname) {
            return;
        }
        if fname == "make" {
            if let Some(t) = args.first().and_then(|a| self.tparam_of(a)) {
                let msg = format!("invalid argument: cannot make {t}: no specific type");
                self.found.push((args[0].span, msg));
            }
            return;
        }
        if fname == "min" || fname == "max" {
            if let Some((a, n, v)) = args
                .iter()
                .find_map(|a| self.coreless_var(a).map(|(n, v)| (a, n, v)))
            {
                let msg = format!("invalid argument: {} cannot be ordered", v.desc(n));
                self.found.push((a.span, msg));
            }
            return;
        }
        let Some(a) = args.first() else { return };
        let Some((n, v)) = self.var_of(a) else { return };
        let d = v.desc(n);
        if let Some(terms) = &v.terms {
            // A conversion to a basic type: each type of the set must
            // convert.
            let Some(&to) = self.basics.get(fname).filter(|_| args.len() == 1) else {
                return;
            };
            if let Some((t, _)) = terms.iter().find(|&&(_, k)| !basic_convertible(k, to)) {
                let msg = format!(
                    "cannot convert {d} to type {fname}: cannot convert {t} (in {}) to type {fname}",
                    v.tparam
                );
                self.found.push((a.span, msg));
            }
            return;
        }
        let msg = match fname {
            "len" | "cap" => format!("invalid argument: {d} for built-in {fname}"),
            "append" => format!("invalid append: argument must be a slice; have {d}"),
            "close" => format!("invalid operation: cannot close non-channel {d}"),
            "delete" => format!("invalid argument: {d} is not a map"),
            "clear" => format!(
                "invalid argument: cannot clear {d}: argument must be (or constrained by) map or slice"
            ),
            "nil" => return,
            // A basic type: no conversion from a type parameter without
            // a core type.
            _ if args.len() == 1 => format!("cannot convert {d} to type {fname}"),
            _ => return,
        };
        self.found.push((a.span, msg));
    }
}

impl crate::walk::Visitor for OperatorWalk<'_> {
    const TYPES: bool = false;

    fn expr(&mut self, e: &Expr) {
        if let ExprKind::FuncLit { ty, .. } = &e.kind {
            for p in ty.params.iter().chain(&ty.results) {
                for n in &p.names {
                    self.declared.insert(n.name.clone());
                }
            }
        }
        if self.collect_only {
            return;
        }
        use ast::BinaryOp as B;
        match &e.kind {
            ExprKind::Binary(op, l, r) => {
                // An untyped constant operand converts to the type
                // parameter first: only if every type of its set takes it.
                if !matches!(op, B::Shl | B::Shr | B::LAnd | B::LOr) {
                    for (x, c, left) in [(l, r, true), (r, l, false)] {
                        let (Some((_, v)), Some(k)) = (self.var_of(x), Self::untyped_kind(c))
                        else {
                            continue;
                        };
                        if v.takes_const(k) {
                            continue;
                        }
                        let (a, b) = if left {
                            (v.tparam.clone(), format!("untyped {k}"))
                        } else {
                            (format!("untyped {k}"), v.tparam.clone())
                        };
                        let msg = format!(
                            "invalid operation: {} (mismatched types {a} and {b})",
                            expr_string(e)
                        );
                        self.found.push((e.span, msg));
                        return;
                    }
                }
                let Some((n, v)) = self.var_of(l) else {
                    return;
                };
                if v.terms.is_some() {
                    // Judged only with an operand of the same type on
                    // the right (another type is a mismatch, Go's first
                    // complaint).
                    let same = self.var_of(r).is_some_and(|(_, w)| w.tparam == v.tparam)
                        || Self::untyped_kind(r).is_some();
                    if !same || v.allows(*op) != Some(false) {
                        return;
                    }
                }
                let msg = match op {
                    B::Add
                    | B::Sub
                    | B::Mul
                    | B::Div
                    | B::Rem
                    | B::And
                    | B::Or
                    | B::Xor
                    | B::AndNot => format!(
                        "invalid operation: operator {} not defined on {}",
                        op.as_str(),
                        v.desc(n)
                    ),
                    B::Lt | B::Le | B::Gt | B::Ge => format!(
                        "invalid operation: {} (type parameter {} cannot use operator {})",
                        expr_string(e),
                        v.tparam,
                        op.as_str()
                    ),
                    // `==` on two variables of one type parameter
                    // constrained by `any`.
                    B::Eq | B::Ne
                        if (v.constraint == "any" || self.methods.contains_key(&v.tparam))
                            && self.var_of(r).is_some_and(|(_, w)| w.tparam == v.tparam) =>
                    {
                        format!(
                            "invalid operation: {} (incomparable types in type set)",
                            expr_string(e)
                        )
                    }
                    _ => return,
                };
                self.found.push((l.span, msg));
            }
            ExprKind::Unary(op, x) => {
                let Some((n, v)) = self.var_of(x) else {
                    return;
                };
                if v.terms.is_some() {
                    let ok = match op {
                        ast::UnaryOp::Neg | ast::UnaryOp::Pos => v.all(|k| k.is_numeric()),
                        ast::UnaryOp::BitNot => v.all(|k| k.is_integer()),
                        ast::UnaryOp::Not => v.all(|k| k.is_boolean()),
                        _ => true,
                    };
                    if ok {
                        return;
                    }
                }
                let o = match op {
                    ast::UnaryOp::Neg => "-",
                    ast::UnaryOp::Pos => "+",
                    ast::UnaryOp::BitNot => "^",
                    ast::UnaryOp::Not => "!",
                    ast::UnaryOp::Recv => {
                        let msg = format!(
                            "invalid operation: cannot receive from {}: no specific channel type",
                            v.desc(n)
                        );
                        self.found.push((x.span, msg));
                        return;
                    }
                    ast::UnaryOp::Addr => return,
                };
                // Go places a unary operator's error at its operand.
                let msg = format!(
                    "invalid operation: operator {o} not defined on {}",
                    v.desc(n)
                );
                self.found.push((x.span, msg));
            }
            ExprKind::Star(x) => {
                if let Some((n, v)) = self.coreless_var(x) {
                    let msg = format!("invalid operation: cannot indirect {}", v.desc(n));
                    self.found.push((x.span, msg));
                }
            }
            ExprKind::Selector(x, sel) => {
                let declared_method =
                    |w: &Self, t: &str| w.methods.get(t).is_some_and(|ms| ms.contains(&sel.name));
                if let Some(t) = self.tparam_of(x).filter(|t| !declared_method(self, t)) {
                    let msg = format!(
                        "{t}.{} undefined (type {t} has no field or method {})",
                        sel.name, sel.name
                    );
                    self.found.push((sel.span, msg));
                    return;
                }
                if let ExprKind::Ident(p) = &x.kind {
                    if let (false, Some(t)) =
                        (self.declared.contains(&p.name), self.ptr_vars.get(&p.name))
                    {
                        let msg = format!(
                            "{}.{} undefined (type *{t} is pointer to type parameter, not type parameter)",
                            p.name, sel.name
                        );
                        self.found.push((sel.span, msg));
                        return;
                    }
                }
                // No field and no method: the constraint has neither.
                if let Some((n, v)) = self
                    .var_of(x)
                    .filter(|(_, v)| !declared_method(self, &v.tparam))
                {
                    let msg = format!(
                        "{n}.{} undefined (type {} has no field or method {})",
                        sel.name, v.tparam, sel.name
                    );
                    self.found.push((sel.span, msg));
                }
            }
            ExprKind::Index(x, _) => {
                if let Some((n, v)) = self.coreless_var(x) {
                    // At the bracket, as Go.
                    let at = Span {
                        lo: x.span.hi,
                        hi: x.span.hi + 1,
                    };
                    self.found.push((at, format!("cannot index {}", v.desc(n))));
                }
            }
            ExprKind::Slice { x, .. } => {
                if let Some((n, v)) = self.coreless_var(x) {
                    let msg = format!(
                        "cannot slice {}: no specific type in {}",
                        v.desc(n),
                        v.tparam
                    );
                    self.found.push((x.span, msg));
                }
            }
            ExprKind::TypeAssert { x, ty: Some(_) } => {
                if let Some((n, v)) = self.var_of(x) {
                    let msg = format!(
                        "invalid operation: cannot use type assertion on type parameter value {}",
                        v.desc(n)
                    );
                    self.found.push((x.span, msg));
                }
            }
            ExprKind::Call { func, args, .. } => self.call(func, args),
            ExprKind::Composite { ty: Some(t), .. } => {
                if let Some(tp) = self.tparam_of(t) {
                    let msg =
                        format!("invalid composite literal type {tp} (no common underlying type)");
                    self.found.push((t.span, msg));
                }
            }
            _ => {}
        }
    }

    fn defined(&mut self, names: &[ast::Ident]) {
        for n in names {
            self.declared.insert(n.name.clone());
        }
    }
}

impl<'a> Checker<'a> {
    /// The basic kind of the universe's type `name`, if it names one.
    fn universe_basic(&self, name: &str) -> Option<BasicKind> {
        let o = *self.universe.get(name)?;
        if !matches!(self.tt.obj(o).kind, ObjKind::TypeName) {
            return None;
        }
        match self.tt.get(self.tt.obj(o).ty) {
            Type::Basic(k, _) => Some(*k),
            _ => None,
        }
    }

    /// A constraint whose type set is a union of the universe's basic
    /// types, each with or without `~` (`int | string`, or the name of a
    /// constraint interface of this package that is only such a union):
    /// how Go prints it, and its terms' types with their kinds.
    fn basic_union(&mut self, c: &'a Expr) -> Option<(String, Terms)> {
        use super::checker::DeclInfo;
        let (shown, iface) = match &c.kind {
            ExprKind::InterfaceType(_) => (constraint_string(c), c),
            ExprKind::Ident(i) => {
                let o = self.lookup(&i.name)?;
                let Some(DeclInfo::Type { spec, .. }) = self.decls.get(&o) else {
                    return None;
                };
                if spec.alias || !spec.tparams.is_empty() {
                    return None;
                }
                (i.name.clone(), &spec.ty)
            }
            _ => return None,
        };
        let ExprKind::InterfaceType(els) = &iface.kind else {
            return None;
        };
        let [ast::InterfaceElem::Union(ts)] = &els[..] else {
            return None;
        };
        let mut terms = Vec::new();
        for (_, t) in ts {
            let ExprKind::Ident(ti) = &t.kind else {
                return None;
            };
            let k = self.universe_basic(&ti.name)?;
            if self.lookup(&ti.name) != self.universe.get(&ti.name).copied() {
                return None;
            }
            terms.push((ti.name.clone(), k));
        }
        Some((shown, std::rc::Rc::new(terms)))
    }

    /// A constraint that names an interface of this package with methods
    /// only (no embedded interface, no union): its name and the methods'
    /// names. Its type set has no specific types, as `any`'s.
    fn method_constraint(&mut self, c: &'a Expr) -> Option<(String, Vec<String>)> {
        use super::checker::DeclInfo;
        let ExprKind::Ident(i) = &c.kind else {
            return None;
        };
        let o = self.lookup(&i.name)?;
        let Some(DeclInfo::Type { spec, .. }) = self.decls.get(&o) else {
            return None;
        };
        if spec.alias || !spec.tparams.is_empty() {
            return None;
        }
        let ExprKind::InterfaceType(els) = &spec.ty.kind else {
            return None;
        };
        let mut ms = Vec::new();
        for el in els {
            let ast::InterfaceElem::Method { name, .. } = el else {
                return None;
            };
            ms.push(name.name.clone());
        }
        (!ms.is_empty()).then(|| (i.name.clone(), ms))
    }

    /// Go checks a generic function's body once, with its type parameters
    /// as types of their own; gol checks each instance (see the module
    /// doc), which accepts what a type argument allows but the constraint
    /// does not, and says nothing of a body never instantiated. This
    /// finds the commonest such misuse without typing the body: what is
    /// done with a parameter whose type is a type parameter constrained
    /// by `any` or `comparable` (no core type, so no arithmetic, no
    /// ordering, no indexing, slicing, ranging, calling, conversion to a
    /// basic type, builtin on it, field or method; for `any` no `==`),
    /// and with such a type parameter itself (a composite literal, make,
    /// a constant of it, a literal given its type), with Go's messages.
    /// `tps` are the type parameters with their constraints (for a method
    /// of a generic type, the receiver's names with the type's
    /// constraints). Names declared anywhere in the body are left alone,
    /// so it never reports a variable that shadows a parameter. When it
    /// reports, the instances of the declaration report nothing more.
    pub(crate) fn generic_body_operators(
        &mut self,
        decl: &'a ast::FuncDecl,
        tps: Vec<(String, &'a Expr)>,
    ) {
        let Some(body) = &decl.body else { return };
        // A standard package's generic bodies are judged only when every
        // standard body is checked (`StdBodies::All`, the library's own
        // test): like its other bodies (`reach`), they hold no errors, and
        // judging them was 6M of the 77M instructions of `gol run
        // examples/hello.gol` (callgrind).
        if self.lazy.on && self.cur_pkg().files.iter().all(|f| f.kind == FileKind::Std) {
            return;
        }
        let mut tparams: HashMap<String, String> = HashMap::new();
        let mut unions: HashMap<String, (String, Terms)> = HashMap::new();
        let mut methods: HashMap<String, Vec<String>> = HashMap::new();
        for (n, c) in tps {
            if let Some(u) = self.basic_union(c) {
                unions.insert(n, u);
                continue;
            }
            if let Some((shown, ms)) = self.method_constraint(c) {
                methods.insert(n.clone(), ms);
                tparams.insert(n, shown);
                continue;
            }
            let ExprKind::Ident(ci) = &c.kind else {
                continue;
            };
            let name: &'static str = match ci.name.as_str() {
                "any" => "any",
                "comparable" => "comparable",
                _ => continue,
            };
            // Only the universe's `any` and `comparable`.
            let uni = self.universe.get(name).copied();
            if uni.is_none() || self.lookup(name) != uni {
                continue;
            }
            tparams.insert(n, name.to_string());
        }
        if tparams.is_empty() && unions.is_empty() {
            return;
        }
        let mut vars = HashMap::new();
        for p in &decl.ty.params {
            let ExprKind::Ident(t) = &p.ty.kind else {
                continue;
            };
            if p.variadic {
                continue;
            }
            let var = match (tparams.get(&t.name), unions.get(&t.name)) {
                (Some(c), _) => TParamVar {
                    tparam: t.name.clone(),
                    constraint: c.clone(),
                    terms: None,
                },
                (None, Some((c, terms))) => TParamVar {
                    tparam: t.name.clone(),
                    constraint: c.clone(),
                    terms: Some(terms.clone()),
                },
                (None, None) => continue,
            };
            for n in &p.names {
                vars.insert(n.name.clone(), var.clone());
            }
        }
        let mut ptr_vars = HashMap::new();
        for p in &decl.ty.params {
            if let ExprKind::Star(t) = &p.ty.kind {
                if let ExprKind::Ident(t) = &t.kind {
                    if tparams.contains_key(&t.name) {
                        for n in &p.names {
                            ptr_vars.insert(n.name.clone(), t.name.clone());
                        }
                    }
                }
            }
        }
        // A map keyed by a type parameter constrained by any, in the
        // signature.
        let mut found_sig = Vec::new();
        for p in decl.ty.params.iter().chain(&decl.ty.results) {
            if let ExprKind::MapType(k, _) = &p.ty.kind {
                if let ExprKind::Ident(t) = &k.kind {
                    if tparams.get(&t.name).map(String::as_str) == Some("any") {
                        let msg = format!(
                            "invalid map key type {} (missing comparable constraint)",
                            t.name
                        );
                        found_sig.push((k.span, msg));
                    }
                }
            }
        }
        // Parameters and results name nothing the walk judges.
        let mut declared: std::collections::HashSet<String> = Default::default();
        for p in decl.ty.params.iter().chain(&decl.ty.results) {
            for n in &p.names {
                if !vars.contains_key(&n.name) && !ptr_vars.contains_key(&n.name) {
                    declared.insert(n.name.clone());
                }
            }
        }
        if let Some(r) = &decl.recv {
            for n in &r.names {
                declared.insert(n.name.clone());
            }
        }
        let result = match &decl.ty.results[..] {
            [r] if r.names.len() <= 1 => match &r.ty.kind {
                ExprKind::Ident(t) => Some(t.name.clone()),
                _ => None,
            },
            _ => None,
        };
        let known: Vec<(String, ObjId)> = self
            .universe
            .iter()
            .filter(|&(n, &o)| {
                let basic = matches!(self.tt.obj(o).kind, ObjKind::TypeName)
                    && matches!(self.tt.get(self.tt.obj(o).ty), Type::Basic(..));
                basic || WALK_BUILTINS.contains(&n.as_str())
            })
            .map(|(n, &o)| (n.clone(), o))
            .collect();
        let universe: std::collections::HashSet<String> = known
            .into_iter()
            .filter(|(n, o)| self.lookup(n) == Some(*o))
            .map(|(n, _)| n)
            .collect();
        let basics: HashMap<String, BasicKind> = universe
            .iter()
            .filter_map(|n| Some((n.clone(), self.universe_basic(n)?)))
            .collect();
        let union_names = unions.keys().cloned().collect();
        let mut w = OperatorWalk {
            vars: &vars,
            tparams: &tparams,
            methods: &methods,
            unions: &union_names,
            basics: &basics,
            universe: &universe,
            result,
            ptr_vars: &ptr_vars,
            declared,
            found: found_sig,
            collect_only: true,
        };
        // First every declaration, then the uses.
        w.stmts(&body.stmts, 0);
        crate::walk::block(&mut w, body, 0);
        w.collect_only = false;
        w.stmts(&body.stmts, 0);
        crate::walk::block(&mut w, body, 0);
        let mut found = std::mem::take(&mut w.found);
        if found.is_empty() {
            return;
        }
        found.sort_by_key(|(sp, _)| sp.lo);
        self.generic_body_errs.insert(decl.span.lo);
        for (span, msg) in found {
            self.error(span, msg);
        }
    }
}
