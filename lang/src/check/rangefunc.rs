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
//!         return true
//!     })
//!     if #state == 2 { return #r0 ... }
//!     if #state == 4+i { break L }
//!     #state = 3
//! }
//! ```
//!
//! Names starting with `#` cannot be written in Go, so they never clash
//! with the program's. The types of the synthetic declarations are names
//! bound to the right types in a scope of their own (the syntax cannot
//! spell an arbitrary type). `defer` in such a body would run when the
//! literal returns, not when the enclosing function does: gol rejects it
//! with a clear error rather than run it at the wrong time.

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

/// How the body's jumps are rewritten.
struct Jumps<'l> {
    /// Where a `return x` in the body stores its values: the enclosing
    /// function's named results, or `#r0 ...`.
    results: Vec<String>,
    /// The range statement's own label.
    own: Option<&'l str>,
    /// Jumps to labels outside the body: (label, is continue).
    outer: Vec<(String, bool)>,
    /// A `defer` was met (reported by the caller).
    defer: Option<Span>,
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
                let is_continue = matches!(s.kind, StmtKind::Continue(_));
                if self.own == Some(name.as_str()) {
                    s.kind = if is_continue {
                        StmtKind::Return(vec![b.name("true")])
                    } else {
                        self.jump_out(b, 1)
                    };
                    return;
                }
                let i = match self
                    .outer
                    .iter()
                    .position(|(n, c)| *n == name && *c == is_continue)
                {
                    Some(i) => i,
                    None => {
                        self.outer.push((name, is_continue));
                        self.outer.len() - 1
                    }
                };
                s.kind = self.jump_out(b, 4 + i as u32);
            }
            StmtKind::Defer(_) => {
                self.defer.get_or_insert(s.span);
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
        let mut jumps = Jumps {
            results: result_names,
            own: label.as_deref(),
            outer: Vec::new(),
            defer: None,
        };
        let mut b = Builder {
            ids: &mut self.ids,
            span: s.span,
            tag: s.id.0,
        };
        let mut inner = Vec::new();
        jumps.stmts(&mut b, &mut bd.stmts, 0, 0, &mut inner);
        if let Some(sp) = jumps.defer {
            self.error(
                sp,
                "defer in the body of a range-over-func loop is not supported by gol",
            );
            return;
        }
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
        for (i, (l, is_continue)) in jumps.outer.iter().enumerate() {
            let cond = b.state_is(4 + i as u32);
            let li = b.ident(l);
            let j = b.stmt(if *is_continue {
                StmtKind::Continue(Some(li))
            } else {
                StmtKind::Break(Some(li))
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
