//! Range over functions (Go 1.23 iterators): `for k, v := range seq`
//! with `seq` a `func(yield func(K, V) bool)`.
//!
//! The loop is rewritten, once its range expression is known to be a
//! function, into ordinary Go that the rest of the checker and the code
//! generator already handle: the body becomes a function literal passed
//! as `yield`, and a state variable carries what the body did out of it.
//!
//! ```text
//! {
//!     var #state int           // 0 running, 1 stopped by the body,
//!     var #r0 R0 ...           // 2 returning, 3 loop over, 4+ outer jumps
//!     seq(func(#p0 K, #p1 V) bool {
//!         if #state != 0 { panic(...) }   // yield after false / after the loop
//!         k, v := #p0, #p1
//!         body, with  break -> #state = 1; return false
//!                     continue -> return true
//!                     return x -> #r0 = x; #state = 2; return false
//!                     break L (L outside) -> #state = 4+i; return false
//!                     goto L (L outside)  -> #state = 4+i; return false
//!         return true
//!     })
//!     if #state == 2 { return #r0 ... }
//!     if #state == 4+i { break L }     (or continue L, goto L)
//!     #state = 3
//! }
//! ```
//!
//! Names starting with `#` cannot be written in Go, so they never clash
//! with the program's. The types of the synthetic declarations are names
//! bound to the right types in a scope of their own (the syntax cannot
//! spell an arbitrary type).
//!
//! # `defer` in the body
//!
//! A deferred call in the body belongs to the enclosing function (spec:
//! it runs when that function returns), not to the literal. The loop keeps
//! a list of them, and one deferred runner, registered when the loop
//! starts, defers each of them in turn, first to last, so that they run
//! last first when the runner returns. Each is then a deferred call of
//! its own, as each is in Go (whose runtime turns the loop's list into
//! the function's deferred calls when it reaches it): one that panics
//! does not keep the others from running, and one that recovers stops
//! the panic that is running.
//!
//! ```text
//! {
//!     var #defers []func()
//!     defer func() { for len(#defers) > 0 { f := pop first; defer f() } }()   // the runner
//!     ... seq(func(...) bool {
//!         defer F(A, B)  ->  #defers = append(#defers,
//!                                func(#f FT) func(#a P, #b Q) func() {
//!                                    return func(#a P, #b Q) func() {
//!                                        return func() { #f(#a, #b) }
//!                                    }
//!                                }(F)(A, B))
//!     })
//! }
//! ```
//!
//! The function value and the arguments are evaluated at the `defer`, as
//! the spec says (the curried form takes `F(g())` with a multi-valued `g`
//! as well); the runner's place among the enclosing function's deferred
//! calls is the loop's, which is where Go runs them. The runner and the
//! innermost literal, which calls the deferred function for it, are
//! transparent to `recover` (the code generator names them, and the other
//! binding literals, as Go names its wrappers, `-fm`, and leaves them out
//! of the numbering of literals, so the program's keep Go's names), so a
//! function deferred in the body recovers a panic as it would if deferred
//! by the enclosing function. Defers of loops
//! nested in the body go to the outermost loop's list. The rewrite of
//! each `defer` waits for the checker to reach it, since it needs the
//! call's types ([`Checker::range_defer`]); until then it is marked by a
//! call to `#rangedefer.N` around the deferred call.

use super::checker::{Checker, Scope};
use crate::ast::*;
use crate::types::{ids, ObjKind, Signature, Type, TypeId};
use std::collections::HashMap;

/// Go's message for a yield called after the loop said stop (or ended).
const CONTINUED: &str =
    "runtime error: range function continued iteration after function for loop body returned false";
/// ... and for a yield called after the whole loop is over.
const EXITED: &str = "runtime error: range function continued iteration after whole loop exit";

struct Builder<'g> {
    ids: &'g mut NodeIdGen,
    span: Span,
    /// Makes this loop's synthetic names its own (`#state.17`): a loop
    /// nested in the body is rewritten later and must not see ours.
    tag: u32,
}

impl Builder<'_> {
    fn ident(&mut self, name: &str) -> Ident {
        Ident {
            id: self.ids.fresh(),
            span: self.span,
            name: name.to_string(),
        }
    }
    fn expr(&mut self, kind: ExprKind) -> Expr {
        Expr {
            id: self.ids.fresh(),
            span: self.span,
            kind,
        }
    }
    fn name(&mut self, name: &str) -> Expr {
        let i = self.ident(name);
        self.expr(ExprKind::Ident(i))
    }
    /// A synthetic name of this loop: `#state` -> `#state.17`.
    fn syn(&self, name: &str) -> String {
        format!("{name}.{}", self.tag)
    }
    fn syn_name(&mut self, name: &str) -> Expr {
        let n = self.syn(name);
        self.name(&n)
    }
    fn int(&mut self, v: u32) -> Expr {
        self.expr(ExprKind::Int(v.to_string()))
    }
    fn stmt(&mut self, kind: StmtKind) -> Stmt {
        Stmt {
            id: self.ids.fresh(),
            span: self.span,
            kind,
        }
    }
    fn block(&mut self, stmts: Vec<Stmt>) -> Block {
        Block {
            span: self.span,
            stmts,
        }
    }
    fn set_state(&mut self, v: u32) -> Stmt {
        let l = self.syn_name("#state");
        let r = self.int(v);
        self.stmt(StmtKind::Assign {
            lhs: vec![l],
            op: None,
            rhs: vec![r],
        })
    }
    fn ret_bool(&mut self, b: bool) -> Stmt {
        let v = self.name(if b { "true" } else { "false" });
        self.stmt(StmtKind::Return(vec![v]))
    }
    fn state_is(&mut self, v: u32) -> Expr {
        let l = self.syn_name("#state");
        let r = self.int(v);
        self.expr(ExprKind::Binary(BinaryOp::Eq, Box::new(l), Box::new(r)))
    }
    fn var(&mut self, name: &str, ty: &str) -> Stmt {
        let (name, ty) = (self.syn(name), self.syn(ty));
        let n = self.ident(&name);
        let t = self.name(&ty);
        self.stmt(StmtKind::Decl(Decl::Var(GenDecl {
            span: self.span,
            specs: vec![VarSpec {
                span: self.span,
                names: vec![n],
                ty: Some(t),
                values: vec![],
            }],
        })))
    }
}

/// A jump from the body to a label outside it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Jump {
    Break,
    Continue,
    Goto,
}

/// How the body's jumps are rewritten.
struct Jumps<'l> {
    /// Where a `return x` in the body stores its values: the enclosing
    /// function's named results, or `#r0 ...`.
    results: Vec<String>,
    /// The range statement's own label.
    own: Option<&'l str>,
    /// Jumps to labels outside the body, each with its state number
    /// (`4 + index`).
    outer: Vec<(String, Jump)>,
    /// Every label declared inside the body (a `goto` may jump forward
    /// to one not yet met).
    body_labels: Vec<String>,
    /// The marker that tags this loop's deferred calls (`#rangedefer.N`),
    /// and whether the body has one.
    defer_tag: String,
    defer: bool,
}

impl Jumps<'_> {
    /// Rewrites the statements of the body; `loops`/`breaks` count the
    /// statements inside the body that unlabeled `continue`/`break` bind
    /// to; `inner` holds the labels declared inside the body.
    fn stmts(
        &mut self,
        b: &mut Builder,
        ss: &mut [Stmt],
        loops: u32,
        breaks: u32,
        inner: &mut Vec<String>,
    ) {
        for s in ss {
            self.stmt(b, s, loops, breaks, inner);
        }
    }

    /// A jump to label `name` outside the body: the body stops with the
    /// jump's state, and the code after the loop makes the jump.
    fn outer_jump(&mut self, b: &mut Builder, name: String, kind: Jump) -> StmtKind {
        let i = match self
            .outer
            .iter()
            .position(|(n, k)| *n == name && *k == kind)
        {
            Some(i) => i,
            None => {
                self.outer.push((name, kind));
                self.outer.len() - 1
            }
        };
        self.jump_out(b, 4 + i as u32)
    }

    fn jump_out(&mut self, b: &mut Builder, state: u32) -> StmtKind {
        let set = b.set_state(state);
        let ret = b.ret_bool(false);
        StmtKind::Block(b.block(vec![set, ret]))
    }

    fn stmt(
        &mut self,
        b: &mut Builder,
        s: &mut Stmt,
        loops: u32,
        breaks: u32,
        inner: &mut Vec<String>,
    ) {
        b.span = s.span;
        match &mut s.kind {
            StmtKind::Return(es) => {
                let mut v = Vec::new();
                if !es.is_empty() {
                    let lhs: Vec<Expr> = self.results.iter().map(|n| b.name(n)).collect();
                    v.push(b.stmt(StmtKind::Assign {
                        lhs,
                        op: None,
                        rhs: std::mem::take(es),
                    }));
                }
                v.push(b.set_state(2));
                v.push(b.ret_bool(false));
                s.kind = StmtKind::Block(b.block(v));
            }
            StmtKind::Break(None) if breaks == 0 => s.kind = self.jump_out(b, 1),
            StmtKind::Continue(None) if loops == 0 => {
                s.kind = StmtKind::Return(vec![b.name("true")])
            }
            StmtKind::Break(Some(l)) | StmtKind::Continue(Some(l)) if !inner.contains(&l.name) => {
                let name = l.name.clone();
                let kind = match s.kind {
                    StmtKind::Continue(_) => Jump::Continue,
                    _ => Jump::Break,
                };
                if self.own == Some(name.as_str()) {
                    s.kind = if kind == Jump::Continue {
                        StmtKind::Return(vec![b.name("true")])
                    } else {
                        self.jump_out(b, 1)
                    };
                    return;
                }
                s.kind = self.outer_jump(b, name, kind);
            }
            StmtKind::Goto(l) if !self.body_labels.contains(&l.name) => {
                let name = l.name.clone();
                s.kind = self.outer_jump(b, name, Jump::Goto);
            }
            // A defer already marked belongs to an enclosing loop.
            StmtKind::Defer(e) if range_defer_marker(e).is_none() => {
                let call = std::mem::replace(e, b.name("_"));
                let marker = b.name(&self.defer_tag);
                *e = b.expr(ExprKind::Call {
                    func: Box::new(marker),
                    args: vec![call],
                    ellipsis: None,
                });
                self.defer = true;
            }
            StmtKind::Block(bl) => self.stmts(b, &mut bl.stmts, loops, breaks, inner),
            StmtKind::If { then, els, .. } => {
                self.stmts(b, &mut then.stmts, loops, breaks, inner);
                if let Some(e) = els {
                    self.stmt(b, e, loops, breaks, inner);
                }
            }
            StmtKind::Switch { cases, .. } => {
                for c in cases {
                    self.stmts(b, &mut c.body, loops, breaks + 1, inner);
                }
            }
            StmtKind::TypeSwitch { cases, .. } => {
                for c in cases {
                    self.stmts(b, &mut c.body, loops, breaks + 1, inner);
                }
            }
            StmtKind::Select { cases, .. } => {
                for c in cases {
                    self.stmts(b, &mut c.body, loops, breaks + 1, inner);
                }
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                self.stmts(b, &mut body.stmts, loops + 1, breaks + 1, inner);
            }
            StmtKind::Labeled { label, stmt } => {
                inner.push(label.name.clone());
                self.stmt(b, stmt, loops, breaks, inner);
            }
            _ => {}
        }
    }
}

impl<'a> Checker<'a> {
    /// `for ... range seq` with `seq` of function type `sig`: checks the
    /// iterator's shape, then checks (and records for the code generator)
    /// the rewritten loop.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn range_func(
        &mut self,
        label: Option<String>,
        s: &'a Stmt,
        key: Option<&'a Expr>,
        value: Option<&'a Expr>,
        define: bool,
        xe: &'a Expr,
        body: &'a Block,
        sig: Signature,
        d: String,
    ) {
        // The iterator: func(yield func(...) bool), no results; the
        // causes in Go's words and order.
        let why = if sig.params.len() != 1 {
            Some("wrong argument count")
        } else if !sig.results.is_empty() {
            Some("unexpected results")
        } else {
            match self.tt.get(self.tt.under(sig.params[0])).clone() {
                Type::Func(ys) => {
                    if ys.results.len() != 1
                        || !self.tt.identical(self.tt.under(ys.results[0]), ids::BOOL)
                    {
                        Some("yield func does not return bool")
                    } else if ys.params.len() > 2 || ys.variadic {
                        Some("yield func has too many parameters")
                    } else {
                        None
                    }
                }
                _ => Some("argument is not func"),
            }
        };
        if let Some(why) = why {
            self.error(
                xe.span,
                format!("cannot range over {d}: func must be func(yield func(...) bool): {why}"),
            );
            return;
        }
        let yp = match self.tt.get(self.tt.under(sig.params[0])).clone() {
            Type::Func(ys) => ys.params,
            _ => return,
        };
        let nvars = usize::from(key.is_some()) + usize::from(value.is_some());
        if nvars > yp.len() {
            let at = if yp.is_empty() { key } else { value };
            let sp = at.map_or(xe.span, |e| e.span);
            let msg = match yp.len() {
                0 => format!("range over {d} permits no iteration variables"),
                _ => format!("range over {d} permits only one iteration variable"),
            };
            self.error(sp, msg);
            return;
        }
        let results: Vec<TypeId> = self
            .funcs
            .last()
            .and_then(|f| self.tt.signature(f.sig).cloned())
            .map(|s| s.results)
            .unwrap_or_default();
        let named: Vec<String> = self
            .funcs
            .last()
            .map(|f| {
                f.named_results
                    .iter()
                    .map(|&o| self.tt.obj(o).name.clone())
                    .collect()
            })
            .unwrap_or_default();
        let named_results = !named.is_empty();
        let result_names: Vec<String> = if named_results {
            named
        } else {
            (0..results.len())
                .map(|i| format!("#r{i}.{}", s.id.0))
                .collect()
        };

        // The body, copied with fresh ids and its jumps rewritten.
        let mut bd = body.clone();
        let mut rn = super::renumber::Renumber { ids: &mut self.ids };
        for st in &mut bd.stmts {
            rn.stmt_pub(st);
        }
        let mut seq = xe.clone();
        rn.expr(&mut seq);
        let mut key_c = key.cloned();
        let mut value_c = value.cloned();
        for e in key_c.iter_mut().chain(value_c.iter_mut()) {
            rn.expr(e);
        }
        let mut body_labels = Vec::new();
        for st in &bd.stmts {
            super::labels::declared_labels(st, &mut body_labels, 0);
        }
        let mut jumps = Jumps {
            results: result_names,
            own: label.as_deref(),
            outer: Vec::new(),
            body_labels,
            defer_tag: format!("#rangedefer.{}", s.id.0),
            defer: false,
        };
        let mut b = Builder {
            ids: &mut self.ids,
            span: s.span,
            tag: s.id.0,
        };
        let mut inner = Vec::new();
        jumps.stmts(&mut b, &mut bd.stmts, 0, 0, &mut inner);
        let mut b = Builder {
            ids: &mut self.ids,
            span: s.span,
            tag: s.id.0,
        };
        // The literal passed as yield.
        let mut lit_stmts = Vec::new();
        let cond = {
            let l = b.syn_name("#state");
            let r = b.int(0);
            b.expr(ExprKind::Binary(BinaryOp::Ne, Box::new(l), Box::new(r)))
        };
        let panic_with = |b: &mut Builder, text: &str| {
            let msg = b.expr(ExprKind::Str(text.as_bytes().to_vec()));
            let panic_f = b.name("panic");
            let call = b.expr(ExprKind::Call {
                func: Box::new(panic_f),
                args: vec![msg],
                ellipsis: None,
            });
            b.stmt(StmtKind::Expr(call))
        };
        let exited = panic_with(&mut b, EXITED);
        let over = b.state_is(3);
        let exited_then = b.block(vec![exited]);
        let if_exited = b.stmt(StmtKind::If {
            init: None,
            cond: over,
            then: exited_then,
            els: None,
        });
        let panic_s = panic_with(&mut b, CONTINUED);
        let then = b.block(vec![if_exited, panic_s]);
        lit_stmts.push(b.stmt(StmtKind::If {
            init: None,
            cond,
            then,
            els: None,
        }));
        let vars: Vec<Expr> = key_c.into_iter().chain(value_c).collect();
        if !vars.is_empty() {
            let rhs: Vec<Expr> = (0..vars.len())
                .map(|i| b.syn_name(&format!("#p{i}")))
                .collect();
            if define {
                let names: Vec<Ident> = vars
                    .iter()
                    .map(|v| match &v.kind {
                        ExprKind::Ident(i) => i.clone(),
                        _ => b.ident("_"),
                    })
                    .collect();
                lit_stmts.push(b.stmt(StmtKind::Define { names, values: rhs }));
            } else {
                lit_stmts.push(b.stmt(StmtKind::Assign {
                    lhs: vars,
                    op: None,
                    rhs,
                }));
            }
        }
        lit_stmts.push(b.stmt(StmtKind::Block(bd)));
        lit_stmts.push(b.ret_bool(true));
        let params: Vec<Param> = (0..yp.len())
            .map(|i| {
                let n = b.syn(&format!("#p{i}"));
                let n = b.ident(&n);
                let t = b.syn_name(&format!("#T{i}"));
                Param {
                    span: s.span,
                    names: vec![n],
                    ty: t,
                    variadic: false,
                }
            })
            .collect();
        let bool_t = b.syn_name("#bool");
        let ft = FuncType {
            span: s.span,
            params,
            results: vec![Param {
                span: s.span,
                names: vec![],
                ty: bool_t,
                variadic: false,
            }],
        };
        let lit_body = b.block(lit_stmts);
        let lit = b.expr(ExprKind::FuncLit {
            ty: ft,
            body: lit_body,
        });
        let lit_id = lit.id;
        let call = b.expr(ExprKind::Call {
            func: Box::new(seq),
            args: vec![lit],
            ellipsis: None,
        });
        // The block around it.
        let mut out = vec![b.var("#state", "#int")];
        let mut runner = None;
        if jumps.defer {
            let (decl, def, id) = defer_list(&mut b);
            out.push(decl);
            out.push(def);
            runner = Some(id);
        }
        if !named_results {
            for i in 0..results.len() {
                out.push(b.var(&format!("#r{i}"), &format!("#R{i}")));
            }
        }
        out.push(b.stmt(StmtKind::Expr(call)));
        let ret_vals: Vec<Expr> = if named_results {
            vec![]
        } else {
            (0..results.len())
                .map(|i| b.syn_name(&format!("#r{i}")))
                .collect()
        };
        let cond = b.state_is(2);
        let ret = b.stmt(StmtKind::Return(ret_vals));
        let then = b.block(vec![ret]);
        out.push(b.stmt(StmtKind::If {
            init: None,
            cond,
            then,
            els: None,
        }));
        for (i, (l, kind)) in jumps.outer.iter().enumerate() {
            let cond = b.state_is(4 + i as u32);
            let li = b.ident(l);
            let j = b.stmt(match kind {
                Jump::Continue => StmtKind::Continue(Some(li)),
                Jump::Break => StmtKind::Break(Some(li)),
                Jump::Goto => StmtKind::Goto(li),
            });
            let then = b.block(vec![j]);
            out.push(b.stmt(StmtKind::If {
                init: None,
                cond,
                then,
                els: None,
            }));
        }
        out.push(b.set_state(3));
        let blk = b.block(out);
        let rewritten = b.stmt(StmtKind::Block(blk));
        let rewritten: &'a Stmt = self.arena.alloc_stmt(s.id, rewritten);
        self.info.range_bodies.insert(lit_id);
        if let Some(id) = runner {
            self.info.range_defer_runners.insert(id);
        }
        // The loop's own label is used by the rewrite. The labels declared
        // inside the body were collected with the enclosing function's,
        // but the body becomes the yield literal, whose own check reports
        // one that nothing jumps to.
        if let Some(f) = self.funcs.last_mut() {
            for l in label.iter().chain(inner.iter()) {
                if let Some(e) = f.labels.get_mut(l) {
                    e.1 = true;
                }
            }
        }
        // Check it with the synthetic type names bound.
        let mut names = HashMap::new();
        let mut bind = |c: &mut Self, n: String, t: TypeId| {
            let o = c.new_obj(&n, ObjKind::TypeName, t, s.span, None);
            names.insert(n, o);
        };
        let tag = s.id.0;
        bind(self, format!("#int.{tag}"), ids::INT);
        bind(self, format!("#bool.{tag}"), ids::BOOL);
        for (i, &t) in yp.iter().enumerate() {
            bind(self, format!("#T{i}.{tag}"), t);
        }
        for (i, &t) in results.iter().enumerate() {
            bind(self, format!("#R{i}.{tag}"), t);
        }
        let depth = self.funcs.len() as u32;
        self.scopes.push(Scope { names, depth });
        self.stmt(rewritten);
        self.scopes.pop();
    }
}

/// A `defer` marked by a range-over-func rewrite (`#rangedefer.N(call)`):
/// the name of its loop's list (`#defers.N`) and the deferred call.
pub(crate) fn range_defer_marker(e: &Expr) -> Option<(String, &Expr)> {
    let ExprKind::Call { func, args, .. } = &e.kind else {
        return None;
    };
    let ExprKind::Ident(id) = &func.kind else {
        return None;
    };
    let n = id.name.strip_prefix("#rangedefer.")?;
    Some((format!("#defers.{n}"), args.first()?))
}

/// The list of a loop's deferred calls (`var #defers.N []func()`) and the
/// `defer` of its runner, which defers each of them (so they run last
/// first); with the runner's literal id.
fn defer_list(b: &mut Builder) -> (Stmt, Stmt, NodeId) {
    let list = b.syn("#defers");
    let f = b.syn("#f");
    let empty_fn = |b: &mut Builder| FuncType {
        span: b.span,
        params: vec![],
        results: vec![],
    };
    let ft = empty_fn(b);
    let fty = b.expr(ExprKind::FuncType(ft));
    let sty = b.expr(ExprKind::SliceType(Box::new(fty)));
    let n = b.ident(&list);
    let decl = b.stmt(StmtKind::Decl(Decl::Var(GenDecl {
        span: b.span,
        specs: vec![VarSpec {
            span: b.span,
            names: vec![n],
            ty: Some(sty),
            values: vec![],
        }],
    })));
    let len_of = |b: &mut Builder| {
        let l = b.name("len");
        let d = b.name(&list);
        b.expr(ExprKind::Call {
            func: Box::new(l),
            args: vec![d],
            ellipsis: None,
        })
    };
    // for len(#defers) > 0 { #f := #defers[0]; #defers = #defers[1:]; defer #f() }
    let cond = {
        let l = len_of(b);
        let zero = b.int(0);
        b.expr(ExprKind::Binary(BinaryOp::Gt, Box::new(l), Box::new(zero)))
    };
    let pick = {
        let d = b.name(&list);
        let i = b.int(0);
        let x = b.expr(ExprKind::Index(Box::new(d), Box::new(i)));
        let fi = b.ident(&f);
        b.stmt(StmtKind::Define {
            names: vec![fi],
            values: vec![x],
        })
    };
    let pop = {
        let d = b.name(&list);
        let lo = b.int(1);
        let sl = b.expr(ExprKind::Slice {
            x: Box::new(d),
            lo: Some(Box::new(lo)),
            hi: None,
            max: None,
            three: false,
        });
        let lhs = b.name(&list);
        b.stmt(StmtKind::Assign {
            lhs: vec![lhs],
            op: None,
            rhs: vec![sl],
        })
    };
    let run = {
        let fe = b.name(&f);
        let c = b.expr(ExprKind::Call {
            func: Box::new(fe),
            args: vec![],
            ellipsis: None,
        });
        b.stmt(StmtKind::Defer(c))
    };
    let body = b.block(vec![pick, pop, run]);
    let lp = b.stmt(StmtKind::For {
        init: None,
        cond: Some(cond),
        post: None,
        body,
    });
    let ft = empty_fn(b);
    let lit_body = b.block(vec![lp]);
    let lit = b.expr(ExprKind::FuncLit {
        ty: ft,
        body: lit_body,
    });
    let id = lit.id;
    let call = b.expr(ExprKind::Call {
        func: Box::new(lit),
        args: vec![],
        ellipsis: None,
    });
    let def = b.stmt(StmtKind::Defer(call));
    (decl, def, id)
}

impl<'a> Checker<'a> {
    /// `defer CALL` in a range-over-func body, marked for the loop whose
    /// list is `list`: checked as any deferred call, then rewritten (now
    /// that its types are known) into an append of the bound call to the
    /// list (see the module doc).
    pub(crate) fn range_defer(&mut self, s: &'a Stmt, list: String, call: &'a Expr) {
        self.go_defer(call, "defer");
        let call = super::expr::unparen(call);
        let ExprKind::Call {
            func,
            args,
            ellipsis,
        } = &call.kind
        else {
            return;
        };
        let kind = self.info.calls.get(&call.id).cloned();
        let tag = s.id.0;
        // Parameter types of the bound call, and whether the function
        // value is evaluated now (`#f`) or named in the call itself (a
        // builtin, a package-level function: nothing to evaluate).
        let (params, variadic, bind_func, fn_type): (Vec<TypeId>, bool, bool, TypeId) = match kind {
            Some(super::CallKind::Builtin(crate::types::Builtin::Recover)) => {
                // A deferred `recover()` is no call by a deferred function:
                // it recovers nothing, so it does nothing.
                (vec![], false, false, ids::INVALID)
            }
            Some(super::CallKind::Builtin(_)) => {
                let ts = args
                    .iter()
                    .map(|a| {
                        let t = self.info.type_of(a.id).unwrap_or(ids::INVALID);
                        self.tt.default_type(t)
                    })
                    .collect();
                (ts, false, false, ids::INVALID)
            }
            Some(super::CallKind::Call) => {
                let ft = self.info.type_of(func.id).unwrap_or(ids::INVALID);
                let Some(sig) = self.tt.signature(ft).cloned() else {
                    return;
                };
                let f = super::expr::unparen(func);
                let named = |o: Option<&crate::types::ObjId>| {
                    o.is_some_and(|&o| {
                        matches!(self.tt.obj(o).kind, ObjKind::Func { recv: None, .. })
                    })
                };
                let direct = match &f.kind {
                    ExprKind::Ident(i) => named(self.info.uses.get(&i.id)),
                    ExprKind::Selector(x, sel) => {
                        matches!(&x.kind, ExprKind::Ident(p) if self.info.uses.get(&p.id).is_some_and(|&o| matches!(self.tt.obj(o).kind, ObjKind::PkgName(_))))
                            && named(self.info.uses.get(&sel.id))
                    }
                    _ => false,
                };
                (sig.params, sig.variadic, !direct, ft)
            }
            _ => return,
        };
        if params.contains(&ids::INVALID) {
            return;
        }
        // A variadic parameter is declared `...E`: bind `E`, not `[]E`.
        let mut params = params;
        if variadic {
            if let Some(last) = params.last_mut() {
                if let Type::Slice(e) = self.tt.get(self.tt.under(*last)) {
                    *last = *e;
                }
            }
        }
        let is_recover = matches!(
            kind,
            Some(super::CallKind::Builtin(crate::types::Builtin::Recover))
        );
        let mut names = HashMap::new();
        let mut bind = |c: &mut Self, n: String, t: TypeId| {
            let o = c.new_obj(&n, ObjKind::TypeName, t, s.span, None);
            names.insert(n, o);
        };
        let mut b = Builder {
            ids: &mut self.ids,
            span: s.span,
            tag,
        };
        // The parameters `#a0 #P0, ...` (the last `...E` when variadic).
        let mut binds: Vec<(String, TypeId)> = Vec::new();
        let param_list = |b: &mut Builder, binds: &mut Vec<(String, TypeId)>| -> Vec<Param> {
            let n = params.len();
            params
                .iter()
                .enumerate()
                .map(|(i, &t)| {
                    let last = variadic && i + 1 == n;
                    let tn = b.syn(&format!("#P{i}"));
                    binds.push((tn.clone(), t));
                    let name = b.syn(&format!("#a{i}"));
                    Param {
                        span: b.span,
                        names: vec![b.ident(&name)],
                        ty: b.name(&tn),
                        variadic: last,
                    }
                })
                .collect()
        };
        let fn0 = |b: &mut Builder| {
            let ft = FuncType {
                span: b.span,
                params: vec![],
                results: vec![],
            };
            b.expr(ExprKind::FuncType(ft))
        };
        // The innermost literal: `func() { F(#a0, ..., #an...) }`.
        let inner = {
            let mut stmts = Vec::new();
            if !is_recover {
                let callee = if bind_func {
                    b.syn_name("#f")
                } else {
                    let mut f = (**func).clone();
                    super::renumber::Renumber { ids: b.ids }.expr(&mut f);
                    f
                };
                let cargs: Vec<Expr> = (0..params.len())
                    .map(|i| b.syn_name(&format!("#a{i}")))
                    .collect();
                let ell = (variadic && !params.is_empty()).then_some(b.span);
                let c = b.expr(ExprKind::Call {
                    func: Box::new(callee),
                    args: cargs,
                    ellipsis: ell,
                });
                stmts.push(b.stmt(StmtKind::Expr(c)));
            }
            let body = b.block(stmts);
            let ty = FuncType {
                span: b.span,
                params: vec![],
                results: vec![],
            };
            b.expr(ExprKind::FuncLit { ty, body })
        };
        // It calls the deferred function for the runner: as invisible to
        // `recover` as the runner.
        let inner_id = inner.id;
        let mut lit_ids = Vec::new();
        // `func(#a0 P0, ...) func() { return inner }`
        let ps = param_list(&mut b, &mut binds);
        let res = fn0(&mut b);
        let ret = b.stmt(StmtKind::Return(vec![inner]));
        let body = b.block(vec![ret]);
        let args_lit = b.expr(ExprKind::FuncLit {
            ty: FuncType {
                span: b.span,
                params: ps,
                results: vec![Param {
                    span: b.span,
                    names: vec![],
                    ty: res,
                    variadic: false,
                }],
            },
            body,
        });
        lit_ids.push(args_lit.id);
        // Bound with the arguments (and the function first, if evaluated).
        let mut cargs: Vec<Expr> = args.clone();
        let mut rn = super::renumber::Renumber { ids: b.ids };
        for a in &mut cargs {
            rn.expr(a);
        }
        let bound_args = |b: &mut Builder, f: Expr| {
            b.expr(ExprKind::Call {
                func: Box::new(f),
                args: cargs,
                ellipsis: *ellipsis,
            })
        };
        let bound = if bind_func {
            // func(#f FT) func(#a0 P0, ...) func() { return args_lit }(F)(args)
            let ftn = b.syn("#F");
            binds.push((ftn.clone(), fn_type));
            let fname = b.syn("#f");
            let fparam = Param {
                span: b.span,
                names: vec![b.ident(&fname)],
                ty: b.name(&ftn),
                variadic: false,
            };
            let ps = param_list(&mut b, &mut Vec::new());
            let r = fn0(&mut b);
            let mid_ty = b.expr(ExprKind::FuncType(FuncType {
                span: b.span,
                params: ps,
                results: vec![Param {
                    span: b.span,
                    names: vec![],
                    ty: r,
                    variadic: false,
                }],
            }));
            let ret = b.stmt(StmtKind::Return(vec![args_lit]));
            let body = b.block(vec![ret]);
            let outer = b.expr(ExprKind::FuncLit {
                ty: FuncType {
                    span: b.span,
                    params: vec![fparam],
                    results: vec![Param {
                        span: b.span,
                        names: vec![],
                        ty: mid_ty,
                        variadic: false,
                    }],
                },
                body,
            });
            lit_ids.push(outer.id);
            let mut fv = (**func).clone();
            super::renumber::Renumber { ids: b.ids }.expr(&mut fv);
            let with_f = b.expr(ExprKind::Call {
                func: Box::new(outer),
                args: vec![fv],
                ellipsis: None,
            });
            bound_args(&mut b, with_f)
        } else {
            bound_args(&mut b, args_lit)
        };
        // #defers.N = append(#defers.N, bound)
        let app = b.name("append");
        let l = b.name(&list);
        let push = b.expr(ExprKind::Call {
            func: Box::new(app),
            args: vec![l, bound],
            ellipsis: None,
        });
        let lhs = b.name(&list);
        let st = b.stmt(StmtKind::Assign {
            lhs: vec![lhs],
            op: None,
            rhs: vec![push],
        });
        let rewritten: &'a Stmt = self.arena.alloc_stmt(s.id, st);
        // (The binding literals are named as the runner is too, so that
        // the program's own literals keep Go's numbers.)
        self.info.range_defer_runners.extend(lit_ids);
        self.info.range_defer_runners.insert(inner_id);
        for (n, t) in binds {
            bind(self, n, t);
        }
        let depth = self.funcs.len() as u32;
        self.scopes.push(Scope { names, depth });
        self.stmt(rewritten);
        self.scopes.pop();
    }
}
