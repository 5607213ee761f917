//! Instantiation cycles, found before any instance is made.
//!
//! gol instantiates generic code by copying it per type argument list
//! (see [`super::generic`]), so a generic declaration that instantiates
//! itself with a type built from its own type parameter (`func F[T any]()
//! { F[*T]() }`) would ask for `F[int]`, `F[*int]`, `F[**int]`, ... without
//! end. Go rejects such a program statically, whether or not `F` is ever
//! used, with `instantiation cycle:`, and so does this pass, with Go's
//! algorithm (types2's `monomorph.go`), over the syntax:
//!
//! * a vertex is a type parameter of a generic function, method or type
//!   of the package (a method's receiver names stand for its type's
//!   parameters);
//! * each explicit instantiation `G[A1, ..., An]` inside the declaration
//!   of a type parameter `P` whose argument `Ai` mentions `P` adds an edge
//!   from `P` to `G`'s `i`th parameter, of weight 0 when `Ai` is `P` itself
//!   and 1 when it builds a type from `P` (`*P`, `[]P`, `List[P]`);
//! * a cycle of positive weight is an instantiation cycle. Bellman-Ford
//!   for the heaviest paths finds one when a path as long as the number of
//!   vertices still grows; the cycle is reported at the first of its
//!   vertices met walking back, with each step as Go prints it (`T
//!   instantiated as *T`).
//!
//! Go also records the instantiations that inference makes; over the
//! syntax the arguments of those are not known, so a cycle through an
//! inferred call (`func F[T any](x T) { F(&x) }`) is left to the bound on
//! nested instances ([`super::generic::MAX_INSTANCE_DEPTH`]), which
//! reports it when an instance of the chain is made.

use super::checker::Checker;
use super::exprstring::expr_string;
use super::generic::{generic_recv_base, recv_tparams, tparam_names, MAX_INSTANCE_DEPTH};
use crate::ast::{self, Expr, ExprKind, Span};
use crate::types::{ObjId, ObjKind, TypeId};
use std::collections::{HashMap, HashSet};

/// A type parameter: where its name is declared (unique in a package),
/// and the name.
#[derive(Clone)]
struct Vertex {
    at: Span,
    name: String,
}

struct Edge {
    src: usize,
    dst: usize,
    weight: u32,
    /// The type argument, where it is and as written.
    at: Span,
    arg: String,
}

#[derive(Default)]
struct Graph {
    vertices: Vec<Vertex>,
    by_span: HashMap<u32, usize>,
    edges: Vec<Edge>,
}

impl Graph {
    fn vertex(&mut self, n: &ast::Ident) -> usize {
        if let Some(&v) = self.by_span.get(&n.span.lo) {
            return v;
        }
        self.vertices.push(Vertex {
            at: n.span,
            name: n.name.clone(),
        });
        self.by_span.insert(n.span.lo, self.vertices.len() - 1);
        self.vertices.len() - 1
    }

    /// The vertices on a cycle of positive weight and its edges, in
    /// Go's order, if there is one.
    fn cycle(&self) -> Option<(usize, Vec<usize>)> {
        let n = self.vertices.len();
        let mut weight = vec![0u32; n];
        let mut pre = vec![usize::MAX; n];
        let mut len = vec![0usize; n];
        let mut again = true;
        while again {
            again = false;
            for (i, e) in self.edges.iter().enumerate() {
                let w = weight[e.src] + e.weight;
                if w <= weight[e.dst] {
                    continue;
                }
                pre[e.dst] = i;
                len[e.dst] = len[e.src] + 1;
                if len[e.dst] == n {
                    return Some(self.walk_back(e.dst, &pre));
                }
                weight[e.dst] = w;
                again = true;
            }
        }
        None
    }

    /// From `v`, at the end of a path that holds a cycle, back to the
    /// first vertex met twice: the cycle's first vertex and the edges
    /// into each of its vertices.
    fn walk_back(&self, mut v: usize, pre: &[usize]) -> (usize, Vec<usize>) {
        let mut stack = Vec::new();
        let mut seen = vec![false; self.vertices.len()];
        while !seen[v] {
            stack.push(v);
            seen[v] = true;
            v = self.edges[pre[v]].src;
        }
        let first = stack.iter().position(|&s| s == v).unwrap_or(0);
        let edges = stack[first..].iter().map(|&s| pre[s]).collect();
        (v, edges)
    }
}

/// The instantiations in one generic declaration: `scope` holds its type
/// parameters' names and vertices, `targets` the package's generic
/// functions and types with their parameters' vertices.
struct Finder<'g> {
    graph: &'g mut Graph,
    scope: &'g HashMap<String, usize>,
    targets: &'g HashMap<String, Vec<usize>>,
    /// Names declared inside the declaration: they hide the package's.
    declared: HashSet<String>,
}

impl Finder<'_> {
    fn instantiation(&mut self, g: &Expr, args: &[Expr]) {
        let ExprKind::Ident(gi) = &g.kind else { return };
        if self.declared.contains(&gi.name) {
            return;
        }
        let Some(dsts) = self.targets.get(&gi.name) else {
            return;
        };
        for (a, &dst) in args.iter().zip(dsts) {
            let bare = matches!(&a.kind, ExprKind::Ident(i) if self.scope.contains_key(&i.name));
            let mut names = Names {
                scope: self.scope,
                found: Vec::new(),
            };
            crate::walk::expr(&mut names, a, 0);
            for src in names.found {
                self.graph.edges.push(Edge {
                    src,
                    dst,
                    weight: u32::from(!bare),
                    at: a.span,
                    arg: expr_string(a),
                });
            }
        }
    }
}

impl crate::walk::Visitor for Finder<'_> {
    const TYPES: bool = true;

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Index(g, a) => self.instantiation(g, std::slice::from_ref(&**a)),
            ExprKind::IndexList(g, args) => self.instantiation(g, args),
            _ => {}
        }
    }
}

/// The type parameters an expression mentions (each once).
struct Names<'g> {
    scope: &'g HashMap<String, usize>,
    found: Vec<usize>,
}

impl crate::walk::Visitor for Names<'_> {
    const TYPES: bool = true;

    fn expr(&mut self, e: &Expr) {
        if let ExprKind::Ident(i) = &e.kind {
            if let Some(&v) = self.scope.get(&i.name) {
                if !self.found.contains(&v) {
                    self.found.push(v);
                }
            }
        }
    }
}

/// The names a declaration's body declares (`:=`, `var`, `const`, `type`,
/// parameters of function literals): a generic's name among them is not
/// the generic.
struct Declared(HashSet<String>);

impl crate::walk::Visitor for Declared {
    const TYPES: bool = true;

    fn expr(&mut self, e: &Expr) {
        if let ExprKind::FuncLit { ty, .. } = &e.kind {
            for p in ty.params.iter().chain(&ty.results) {
                self.0.extend(p.names.iter().map(|n| n.name.clone()));
            }
        }
    }

    fn defined(&mut self, names: &[ast::Ident]) {
        self.0.extend(names.iter().map(|n| n.name.clone()));
    }
}

fn declared_in(b: &ast::Block) -> HashSet<String> {
    let mut d = Declared(HashSet::new());
    for s in &b.stmts {
        if let ast::StmtKind::Decl(dl) = &s.kind {
            match dl {
                ast::Decl::Var(g) => g
                    .specs
                    .iter()
                    .for_each(|s| d.0.extend(s.names.iter().map(|n| n.name.clone()))),
                ast::Decl::Const(g) => g
                    .specs
                    .iter()
                    .for_each(|s| d.0.extend(s.names.iter().map(|n| n.name.clone()))),
                ast::Decl::Type(g) => g.specs.iter().for_each(|s| {
                    d.0.insert(s.name.name.clone());
                }),
                ast::Decl::Func(_) => {}
            }
        }
    }
    crate::walk::block(&mut d, b, 0);
    d.0
}

/// One generic declaration of the package, as the graph sees it.
enum Generic<'a> {
    Func(&'a ast::FuncDecl),
    Type(&'a ast::TypeSpec),
    /// A method of a generic type: its receiver's names stand for the
    /// type's parameters.
    Method(&'a ast::FuncDecl, &'a ast::TypeSpec),
}

impl<'a> Checker<'a> {
    /// Reports an instantiation cycle among the current package's generic
    /// declarations (see the module doc); the type parameters on it are
    /// kept in `cyclic_tparams`, and their declarations get no instances.
    pub(super) fn instantiation_cycles(&mut self) {
        let mut decls: Vec<Generic<'a>> = Vec::new();
        for g in self.generic_funcs.values().filter(|g| g.pkg == self.pkg) {
            decls.push(Generic::Func(g.decl));
        }
        for g in self.generic_methods.values() {
            if g.pkg == self.pkg && g.recv_targs.is_empty() {
                decls.push(Generic::Func(g.decl));
            }
        }
        for g in self.generic_types.values().filter(|g| g.pkg == self.pkg) {
            decls.push(Generic::Type(g.spec));
            for m in &g.methods {
                decls.push(Generic::Method(m, g.spec));
            }
        }
        let start = |g: &Generic| match g {
            Generic::Func(d) | Generic::Method(d, _) => d.span.lo,
            Generic::Type(s) => s.span.lo,
        };
        decls.sort_by_key(start);
        decls.dedup_by_key(|g| start(g));
        let mut graph = Graph::default();
        let mut targets: HashMap<String, Vec<usize>> = HashMap::new();
        for g in &decls {
            let (name, tps) = match g {
                Generic::Func(d) if d.recv.is_none() => (&d.name.name, &d.tparams),
                Generic::Type(s) => (&s.name.name, &s.tparams),
                _ => continue,
            };
            let vs = tparam_names(tps)
                .into_iter()
                .map(|(n, _)| graph.vertex(n))
                .collect();
            targets.insert(name.clone(), vs);
        }
        for g in &decls {
            let mut scope: HashMap<String, usize> = HashMap::new();
            let (own, body) = match g {
                Generic::Func(d) => (&d.tparams, d.body.as_ref()),
                Generic::Type(s) => (&s.tparams, None),
                Generic::Method(d, spec) => {
                    if let Some(r) = &d.recv {
                        let canon = tparam_names(&spec.tparams);
                        if generic_recv_base(r).is_some() {
                            for (rn, (tn, _)) in recv_tparams(r).into_iter().zip(canon) {
                                let v = graph.vertex(tn);
                                scope.insert(rn.name.clone(), v);
                            }
                        }
                    }
                    (&d.tparams, d.body.as_ref())
                }
            };
            for (n, _) in tparam_names(own) {
                let v = graph.vertex(n);
                scope.insert(n.name.clone(), v);
            }
            scope.remove("_");
            let mut f = Finder {
                graph: &mut graph,
                scope: &scope,
                targets: &targets,
                declared: body.map(declared_in).unwrap_or_default(),
            };
            match g {
                Generic::Type(s) => crate::walk::expr(&mut f, &s.ty, 0),
                Generic::Func(d) | Generic::Method(d, _) => {
                    for p in d.ty.params.iter().chain(&d.ty.results) {
                        crate::walk::expr(&mut f, &p.ty, 0);
                    }
                    if let Some(b) = body {
                        crate::walk::block(&mut f, b, 0);
                    }
                }
            }
        }
        let Some((v, edges)) = graph.cycle() else {
            return;
        };
        let mut d = crate::diag::Diagnostic::error(graph.vertices[v].at, "instantiation cycle:");
        for &i in &edges {
            let e = &graph.edges[i];
            let msg = format!("{} instantiated as {}", graph.vertices[e.dst].name, e.arg);
            d = d.with_secondary(e.at, msg);
        }
        self.error_with(d);
        // No instance of a declaration on the cycle is made: each would
        // ask for the next without end.
        for &i in &edges {
            let e = &graph.edges[i];
            self.cyclic_tparams.insert(graph.vertices[e.dst].at.lo);
        }
    }

    /// Whether a type parameter list holds a parameter on a reported
    /// instantiation cycle.
    pub(super) fn on_instance_cycle(&self, tps: &[ast::TypeParam]) -> bool {
        !self.cyclic_tparams.is_empty()
            && tparam_names(tps)
                .iter()
                .any(|(n, _)| self.cyclic_tparams.contains(&n.span.lo))
    }
}

impl<'a> Checker<'a> {
    /// Whether an instance of generic `g` (with parameters `tps`) for
    /// `targs`, asked for at `at`, lies past the bound on nested
    /// instances: a cycle through inferred calls, which the static pass
    /// above cannot see. Reported once, as Go reports the cycle.
    pub(super) fn instance_cycle_too_deep(
        &mut self,
        g: ObjId,
        tps: &[ast::TypeParam],
        targs: &[TypeId],
        at: Span,
    ) -> bool {
        if self.instance_depth + self.body_gen < MAX_INSTANCE_DEPTH {
            return false;
        }
        self.report_deep_cycle(g, tps, targs, at);
        true
    }

    /// Reports an instantiation cycle met at an instance of `g` for
    /// `targs`, at the type parameter whose argument grew: the one that
    /// differs from the argument of the instance whose body asks for it,
    /// if that is an instance of `g` too, else the longest. The step is
    /// written with the parameter's name in place of the enclosing
    /// instance's argument, as Go writes it (`T instantiated as *T`).
    pub(super) fn report_deep_cycle(
        &mut self,
        g: ObjId,
        tps: &[ast::TypeParam],
        targs: &[TypeId],
        at: Span,
    ) {
        let names = tparam_names(tps);
        if names.is_empty() {
            return;
        }
        // Go reports one instantiation cycle: after the first, the
        // instances on another stop silently.
        let reported = !self.cyclic_tparams.is_empty();
        for (n, _) in &names {
            self.cyclic_tparams.insert(n.span.lo);
        }
        if reported {
            return;
        }
        // The instance whose body asks: a function's or method's, or the
        // receiver type of a method of an instantiated type.
        let cur = self.cur_decl.and_then(|o| {
            let same = |k: &(ObjId, Vec<TypeId>)| k.0 == g && k.1.len() == targs.len();
            let f = self
                .func_instances
                .iter()
                .chain(&self.method_instances)
                .find(|&(k, &v)| v == o && same(k))
                .map(|(k, _)| k.1.clone());
            f.or_else(|| {
                let ObjKind::Func { recv: Some(r), .. } = self.tt.obj(o).kind else {
                    return None;
                };
                let r = self.tt.pointer_elem(r).unwrap_or(r);
                self.instance_of
                    .get(&r)
                    .filter(|k| same(k))
                    .map(|k| k.1.clone())
            })
        });
        let strs: Vec<String> = targs.iter().map(|&t| self.ts(t)).collect();
        let i = cur
            .as_ref()
            .and_then(|c| c.iter().zip(targs).position(|(a, b)| a != b))
            .or_else(|| (0..strs.len()).max_by_key(|&i| strs[i].len()))
            .unwrap_or(0)
            .min(names.len() - 1);
        let name = &names[i].0.name;
        let grown = match cur.as_ref().and_then(|c| c.get(i)) {
            Some(&old) => strs[i].replacen(&self.ts(old), name, 1),
            None => strs.get(i).cloned().unwrap_or_default(),
        };
        let d = crate::diag::Diagnostic::error(names[i].0.span, "instantiation cycle:")
            .with_secondary(at, format!("{name} instantiated as {grown}"));
        self.error_with(d);
    }
}
