//! Statements: blocks and scopes, control flow, labels, switches, loops
//! (with Go 1.22's per-iteration variables), and terminating-statement
//! analysis for `missing return`.
//!
//! Labels have function scope, so a pre-pass ([`super::labels`]) collects
//! them and checks every `goto` before the body is checked;
//! `break`/`continue` then check their target against the stack of
//! enclosing breakable statements kept in the function context.

use super::checker::{Checker, FuncCtx};
use super::expr::{unparen, Operand};
use super::exprstring::expr_string;
use super::{CallKind, Mode};
use crate::ast::{self, Block, Expr, ExprKind, Span, Stmt, StmtKind};
use crate::constant::Value;
use crate::diag::Diagnostic;
use crate::types::{ids, Builtin, ChanDir, ObjId, ObjKind, Type, TypeId, VarKind};

/// An enclosing statement `break` (and, for loops, `continue`) may target.
#[derive(Clone, Debug)]
pub(crate) struct Target {
    pub(crate) label: Option<String>,
    pub(crate) is_loop: bool,
}

/// Where `fallthrough` is allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Fall {
    #[default]
    No,
    Ok,
    FinalCase,
    TypeSwitch,
}

impl FuncCtx {
    fn innermost(&self) -> Option<&Target> {
        self.targets.last()
    }
}

impl<'a> Checker<'a> {
    pub(crate) fn stmt_list(&mut self, list: &'a [Stmt]) {
        // `fallthrough` is only valid as the last statement of a case.
        let fall = self.fall;
        let n = list.len();
        for (i, s) in list.iter().enumerate() {
            let last = i + 1 == n;
            self.fall = if last { fall } else { Fall::No };
            self.stmt(s);
        }
        self.fall = fall;
    }

    pub(crate) fn block(&mut self, b: &'a Block) {
        self.open_scope();
        let fall = std::mem::take(&mut self.fall);
        self.stmt_list(&b.stmts);
        self.fall = fall;
        self.close_scope();
    }

    pub(crate) fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Bad => {}
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send { ch, value } => self.send(ch, value),
            StmtKind::IncDec { x, inc } => {
                let xo = self.expr(x);
                if xo.mode == Mode::Invalid {
                    return;
                }
                if !self.each_type(xo.ty, |c, u| c.tt.is_numeric(u)) {
                    let s = expr_string(x);
                    let op = if *inc { "++" } else { "--" };
                    let ts = self.ts(xo.ty);
                    self.error(
                        x.span,
                        format!("invalid operation: {s}{op} (non-numeric type {ts})"),
                    );
                    return;
                }
                let _ = self.lhs_var(x);
            }
            StmtKind::Assign { lhs, op: None, rhs } => self.assign_stmt(lhs, rhs, s.span),
            StmtKind::Assign {
                lhs,
                op: Some(op),
                rhs,
            } => {
                if lhs.len() != 1 || rhs.len() != 1 {
                    self.error(
                        s.span,
                        format!(
                            "assignment operation {}= requires single-valued expressions",
                            op.as_str()
                        ),
                    );
                    return;
                }
                let x = self.expr(&lhs[0]);
                let y = self.expr(&rhs[0]);
                if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
                    return;
                }
                let mut r = self.binary_operands(None, *op, x, y, &lhs[0], &rhs[0]);
                if r.mode == Mode::Invalid {
                    return;
                }
                let t = self.lhs_var(&lhs[0]);
                r.expr = Some(&lhs[0]);
                self.assign_to(t, &mut r);
            }
            StmtKind::Define { names, values } => self.short_var_decl(names, values, s.span),
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Go(e) => self.go_defer(e, "go"),
            StmtKind::Defer(e) => match super::rangefunc::range_defer_marker(e) {
                Some((list, call)) => self.range_defer(s, list, call),
                None => self.go_defer(e, "defer"),
            },
            StmtKind::Return(vals) => self.return_stmt(s, vals),
            StmtKind::Break(label) => self.branch(s, label.as_ref(), false),
            StmtKind::Continue(label) => self.branch(s, label.as_ref(), true),
            // Checked with the function's labels (`labels`).
            StmtKind::Goto(_) => {}
            StmtKind::Fallthrough => match self.fall {
                Fall::Ok => {}
                Fall::FinalCase => self.error(s.span, "cannot fallthrough final case in switch"),
                Fall::TypeSwitch => self.error(s.span, "cannot fallthrough in type switch"),
                Fall::No => self.error(s.span, "fallthrough statement out of place"),
            },
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.open_scope();
                if let Some(i) = init {
                    self.simple_stmt(i);
                }
                self.condition(cond, "if statement");
                self.block(then);
                if let Some(e) = els {
                    let fall = std::mem::take(&mut self.fall);
                    self.stmt(e);
                    self.fall = fall;
                }
                self.close_scope();
            }
            StmtKind::Switch { .. }
            | StmtKind::TypeSwitch { .. }
            | StmtKind::Select { .. }
            | StmtKind::For { .. }
            | StmtKind::Range { .. } => self.breakable(None, s),
            StmtKind::Labeled { label, stmt } => self.labeled(label, stmt),
        }
    }

    fn simple_stmt(&mut self, s: &'a Stmt) {
        let fall = std::mem::take(&mut self.fall);
        self.stmt(s);
        self.fall = fall;
    }

    fn labeled(&mut self, label: &'a ast::Ident, s: &'a Stmt) {
        self.breakable(Some(label.name.clone()), s);
    }

    /// The statements `break` can leave (and, loops, `continue` can
    /// repeat), with their label if they have one; any other statement is
    /// checked as it is.
    fn breakable(&mut self, name: Option<String>, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Switch {
                init, tag, cases, ..
            } => self.switch_stmt(name, init.as_deref(), tag.as_ref(), cases),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                cases,
                ..
            } => self.type_switch(name, init.as_deref(), bind.as_ref(), x, cases),
            StmtKind::Select { cases, .. } => self.select_stmt(name, cases),
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_stmt(
                name,
                s,
                init.as_deref(),
                cond.as_ref(),
                post.as_deref(),
                body,
            ),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
                extra,
            } => {
                let vars = (key.as_ref(), value.as_ref(), *extra);
                self.range_stmt(name, s, vars, *define, x, body)
            }
            _ => self.stmt(s),
        }
    }

    fn branch(&mut self, s: &Stmt, label: Option<&ast::Ident>, is_continue: bool) {
        let kw = if is_continue { "continue" } else { "break" };
        let Some(f) = self.funcs.last_mut() else {
            return;
        };
        match label {
            None => {
                let ok = if is_continue {
                    f.targets.iter().any(|t| t.is_loop)
                } else {
                    f.innermost().is_some()
                };
                if !ok {
                    let msg = if is_continue {
                        "continue is not in a loop"
                    } else {
                        "break is not in a loop, switch, or select"
                    };
                    self.error(s.span, msg);
                }
            }
            Some(l) => {
                let Some(entry) = f.labels.get_mut(&l.name) else {
                    self.error(l.span, format!("{kw} label not defined: {}", l.name));
                    return;
                };
                entry.1 = true;
                let target = f
                    .targets
                    .iter()
                    .rev()
                    .find(|t| t.label.as_deref() == Some(l.name.as_str()))
                    .cloned();
                match target {
                    Some(t) if !is_continue || t.is_loop => {}
                    _ => self.error(l.span, format!("invalid {kw} label {}", l.name)),
                }
            }
        }
    }

    fn push_target(&mut self, label: Option<String>, is_loop: bool) {
        if let Some(f) = self.funcs.last_mut() {
            if let Some(l) = &label {
                if let Some(e) = f.labels.get_mut(l) {
                    // A label on a loop/switch counts as used only when
                    // targeted; nothing to do here.
                    let _ = e;
                }
            }
            f.targets.push(Target { label, is_loop });
        }
    }

    fn pop_target(&mut self) {
        if let Some(f) = self.funcs.last_mut() {
            f.targets.pop();
        }
    }

    fn condition(&mut self, cond: &'a Expr, what: &str) {
        let mut x = self.expr(cond);
        if x.mode == Mode::Invalid {
            return;
        }
        if !self.tt.is_boolean(x.ty) {
            let s = expr_string(cond);
            self.error(cond.span, format!("non-boolean condition in {what}"));
            let _ = s;
            return;
        }
        self.default_untyped(&mut x);
    }

    fn expr_stmt(&mut self, e: &'a Expr) {
        let x = self.raw_expr(e, None);
        match x.mode {
            Mode::Invalid => {}
            Mode::Builtin(_) => {
                let d = self.operand_string(&x);
                self.error(x.span(), format!("{d} must be called"));
            }
            Mode::TypeExpr => {
                let d = self.operand_string(&x);
                self.error(x.span(), format!("{d} is not an expression"));
            }
            _ => {
                if self.is_statement_expr(e) {
                    return;
                }
                let d = self.operand_string(&x);
                self.error(x.span(), format!("{d} is not used"));
            }
        }
    }

    fn is_statement_expr(&self, e: &Expr) -> bool {
        let e = unparen(e);
        match &e.kind {
            ExprKind::Call { .. } => match self.info.calls.get(&e.id) {
                Some(CallKind::Call) => true,
                Some(CallKind::Builtin(b)) => matches!(
                    b,
                    Builtin::Clear
                        | Builtin::Close
                        | Builtin::Copy
                        | Builtin::Delete
                        | Builtin::Panic
                        | Builtin::Print
                        | Builtin::Println
                        | Builtin::Recover
                ),
                _ => false,
            },
            ExprKind::Unary(ast::UnaryOp::Recv, _) => true,
            _ => false,
        }
    }

    fn send(&mut self, ch: &'a Expr, value: &'a Expr) {
        let c = self.expr(ch);
        let mut v = self.expr(value);
        if c.mode == Mode::Invalid || v.mode == Mode::Invalid {
            return;
        }
        match self.chan_elem(c.ty, false) {
            Ok(elem) => self.assignment(&mut v, elem, "send"),
            Err(why) => {
                let msg = self.chan_op_error(&c, "send to", &why);
                self.error(ch.span, msg);
            }
        }
    }

    pub(crate) fn go_defer(&mut self, e: &'a Expr, kw: &str) {
        let call = unparen(e);
        if matches!(e.kind, ExprKind::Paren(_)) {
            self.error(
                e.span,
                format!("expression in {kw} must not be parenthesized"),
            );
        }
        if !matches!(call.kind, ExprKind::Call { .. }) {
            let _ = self.raw_expr(e, None);
            self.error(
                call.span,
                format!("expression in {kw} must be function call"),
            );
            return;
        }
        let x = self.raw_expr(e, None);
        if x.mode == Mode::Invalid {
            return;
        }
        match self.info.calls.get(&call.id) {
            Some(CallKind::Conversion(_)) => {
                self.error(
                    e.span,
                    format!("{kw} requires function call, not conversion"),
                );
            }
            Some(CallKind::Builtin(_)) if !self.is_statement_expr(e) => {
                let d = self.operand_string(&x);
                self.error(e.span, format!("{kw} discards result of {d}"));
            }
            _ => {}
        }
    }

    fn return_stmt(&mut self, s: &'a Stmt, vals: &'a [Expr]) {
        let Some(f) = self.funcs.last() else { return };
        let Some(sig) = self.tt.signature(f.sig).cloned() else {
            return;
        };
        let named = !f.named_results.is_empty();
        if vals.is_empty() {
            if !sig.results.is_empty() && !named {
                let want = self.types_summary(&sig.results, false, false);
                self.error_with(
                    Diagnostic::error(s.span, "not enough return values")
                        .with_note("have ()")
                        .with_note(format!("want {want}")),
                );
            }
            if named {
                // A named result shadowed at the return is an error.
                let results = self
                    .funcs
                    .last()
                    .map(|f| f.named_results.clone())
                    .unwrap_or_default();
                for r in results {
                    let name = self.tt.obj(r).name.clone();
                    if name == "_" {
                        continue;
                    }
                    if let Some(o) = self.lookup_no_capture(&name) {
                        if o != r {
                            let span = self.tt.obj(o).span;
                            self.error_with(
                                Diagnostic::error(
                                    s.span,
                                    format!("result parameter {name} not in scope at return"),
                                )
                                .with_secondary(span, format!("inner declaration of {name}")),
                            );
                        }
                    }
                }
            }
            return;
        }
        // (Go counts the values only when none of them is invalid: an
        // error in one was reported already.)
        if sig.results.is_empty() {
            let mut valid = true;
            for v in vals {
                valid &= self.raw_expr(v, None).mode != Mode::Invalid;
            }
            if !valid {
                return;
            }
            let have = self.summary_of(vals);
            self.error_with(
                Diagnostic::error(vals[0].span, "too many return values")
                    .with_note(format!("have {have}"))
                    .with_note("want ()"),
            );
            return;
        }
        // Values: n expressions, or one multi-value call.
        let xs: Option<Vec<Operand<'a>>> = if vals.len() == sig.results.len() {
            Some(
                vals.iter()
                    .enumerate()
                    .map(|(i, v)| self.expr_hint(v, sig.results.get(i).copied()))
                    .collect(),
            )
        } else if vals.len() == 1 {
            let x = self.raw_expr(&vals[0], None);
            if x.mode == Mode::Invalid {
                return;
            }
            match self.tt.get(x.ty).clone() {
                Type::Tuple(ts) if x.mode != Mode::NoValue && ts.len() == sig.results.len() => {
                    Some(
                        ts.iter()
                            .map(|&t| Operand::new(Mode::Value, t, &vals[0]))
                            .collect(),
                    )
                }
                _ => {
                    let have_t: Vec<TypeId> = match self.tt.get(x.ty) {
                        Type::Tuple(ts) if x.mode != Mode::NoValue => ts.clone(),
                        _ => vec![x.ty],
                    };
                    self.return_count_error(vals, &have_t, &sig.results);
                    return;
                }
            }
        } else {
            let mut have = Vec::new();
            let mut valid = true;
            for v in vals {
                let x = self.expr(v);
                valid &= x.mode != Mode::Invalid;
                have.push(x.ty);
            }
            if valid {
                self.return_count_error(vals, &have, &sig.results);
            }
            return;
        };
        if let Some(mut xs) = xs {
            for (x, &t) in xs.iter_mut().zip(&sig.results) {
                self.assignment(x, t, "return statement");
            }
        }
    }

    fn return_count_error(&mut self, vals: &[Expr], have: &[TypeId], want: &[TypeId]) {
        let msg = if have.len() < want.len() {
            "not enough return values"
        } else {
            "too many return values"
        };
        let h = self.types_summary(have, false, false);
        let w = self.types_summary(want, false, false);
        // Too many: at the first extra value; not enough: at the first.
        let at = if have.len() > want.len() && vals.len() == have.len() {
            vals[want.len()].span
        } else {
            vals[0].span
        };
        self.error_with(
            Diagnostic::error(at, msg)
                .with_note(format!("have {h}"))
                .with_note(format!("want {w}")),
        );
    }

    fn summary_of(&self, vals: &[Expr]) -> String {
        let ts: Vec<TypeId> = vals
            .iter()
            .map(|v| self.info.type_of(v.id).unwrap_or(ids::INVALID))
            .collect();
        self.types_summary(&ts, false, false)
    }

    /// Looks a name up without marking captures (for diagnostics only).
    fn lookup_no_capture(&self, name: &str) -> Option<ObjId> {
        for sc in self.scopes.iter().rev() {
            if let Some(&o) = sc.names.get(name) {
                return Some(o);
            }
        }
        None
    }

    // ---- local declarations ----

    pub(crate) fn local_decl(&mut self, d: &'a ast::Decl) {
        match d {
            ast::Decl::Var(g) => {
                for spec in &g.specs {
                    let t = spec.ty.as_ref().map(|e| self.typexpr(e));
                    let objs: Vec<ObjId> = spec
                        .names
                        .iter()
                        .map(|n| {
                            self.new_obj(
                                &n.name,
                                ObjKind::Var(VarKind::Local),
                                t.unwrap_or(ids::INVALID),
                                n.span,
                                Some(n.id),
                            )
                        })
                        .collect();
                    let counts_ok = spec.values.is_empty()
                        || self.arity(&spec.names, &spec.values, false, false);

                    if !counts_ok {
                        for v in &spec.values {
                            let _ = self.raw_expr(v, None);
                        }
                    }
                    if !spec.values.is_empty() && counts_ok {
                        let lhs_span = spec.names.first().map(|n| n.span).unwrap_or(spec.span);
                        let vals = self.rhs_values(&spec.values, objs.len(), lhs_span);

                        if let Some(mut xs) = vals {
                            let ctx = if spec.values.len() == objs.len() {
                                "variable declaration"
                            } else {
                                "assignment"
                            };
                            for (o, x) in objs.iter().zip(xs.iter_mut()) {
                                self.init_var(*o, x, ctx);
                            }
                        }
                    }

                    for (n, o) in spec.names.iter().zip(&objs) {
                        self.declare_local(n, *o);
                    }
                }
            }
            ast::Decl::Const(g) => {
                for (spec, src) in super::const_sources(g) {
                    let (ty, values) = src.unwrap_or((None, &[]));
                    let saved = self.iota.replace(spec.iota);
                    let mut objs = Vec::new();
                    for (j, n) in spec.names.iter().enumerate() {
                        let o = self.new_obj(
                            &n.name,
                            ObjKind::Const(Value::Unknown),
                            ids::INVALID,
                            n.span,
                            Some(n.id),
                        );
                        let saved = self.pos_override;
                        if spec.values.is_empty() {
                            self.pos_override = Some(n.span);
                        }
                        self.local_const(o, ty, values.get(j));
                        self.pos_override = saved;
                        objs.push(o);
                    }
                    if src.is_none() {
                        if let Some(n) = spec.names.first() {
                            self.error(n.span, "missing init expr for const declaration");
                        }
                    } else {
                        self.arity(&spec.names, values, true, spec.values.is_empty());
                    }
                    self.iota = saved;
                    for (n, o) in spec.names.iter().zip(objs) {
                        self.declare_local(n, o);
                    }
                }
            }
            ast::Decl::Type(g) => {
                for spec in &g.specs {
                    let o = self.new_obj(
                        &spec.name.name,
                        ObjKind::TypeName,
                        ids::INVALID,
                        spec.name.span,
                        Some(spec.name.id),
                    );
                    if spec.alias {
                        // In scope from its name on, as a defined type is:
                        // `type T = T` refers to itself, a cycle.
                        self.declare_local(&spec.name, o);
                        self.color.insert(o, super::checker::Color::Grey);
                        self.obj_path.push(o);
                        let t = self.typexpr(&spec.ty);
                        self.obj_path.pop();
                        self.color.insert(o, super::checker::Color::Black);
                        self.tt.obj_mut(o).ty = t;
                        continue;
                    }
                    let pkg = Some(self.pkg);
                    let named = self.tt.new_named(o, &spec.name.name, pkg);
                    self.tt.obj_mut(o).ty = named;
                    // Declared first, so the type may refer to itself.
                    self.declare_local(&spec.name, o);
                    self.color.insert(o, super::checker::Color::Grey);
                    self.obj_path.push(o);
                    let rhs = self.typexpr(&spec.ty);
                    let under = if self.tt.is_named(rhs) {
                        self.under_checked(rhs)
                    } else {
                        rhs
                    };
                    self.obj_path.pop();
                    self.color.insert(o, super::checker::Color::Black);
                    if let Some(n) = self.tt.named_mut(named) {
                        n.underlying = under;
                    }
                    self.valid_type(named);
                }
            }
            ast::Decl::Func(f) => {
                self.error(f.span, "function declaration not allowed inside a function");
            }
        }
    }

    fn local_const(&mut self, o: ObjId, ty: Option<&'a Expr>, init: Option<&'a Expr>) {
        let t = ty.map(|e| self.typexpr(e));
        let Some(init) = init else { return };
        let mut x = self.expr(init);
        if x.mode == Mode::Invalid {
            return;
        }
        if x.mode != Mode::Constant {
            let d = self.operand_string(&x);
            self.error(init.span, format!("{d} is not constant"));
            return;
        }
        if let Some(t) = t {
            if self.tt.is_invalid(t) {
                return;
            }
            if self.tt.basic_kind(t).is_none() {
                let s = self.ts(t);
                self.error(
                    ty.map(|e| e.span).unwrap_or(init.span),
                    format!("invalid constant type {s}"),
                );
                return;
            }
            self.assignment(&mut x, t, "constant declaration");
        }
        if x.mode == Mode::Constant {
            let obj = self.tt.obj_mut(o);
            obj.ty = x.ty;
            obj.kind = ObjKind::Const(x.val.unwrap_or(Value::Unknown));
        }
    }

    // ---- switch ----

    fn switch_stmt(
        &mut self,
        label: Option<String>,
        init: Option<&'a Stmt>,
        tag: Option<&'a Expr>,
        cases: &'a [ast::CaseClause],
    ) {
        self.open_scope();
        if let Some(i) = init {
            self.simple_stmt(i);
        }
        let mut x = match tag {
            Some(t) => {
                let mut x = self.expr(t);
                self.default_untyped(&mut x);
                if x.mode != Mode::Invalid && !self.tt.comparable(x.ty) && !self.tt.has_nil(x.ty) {
                    let d = self.operand_string(&x);
                    self.error(t.span, format!("cannot switch on {d}"));
                    x.mode = Mode::Invalid;
                }
                Some(x)
            }
            // A missing tag is `true`.
            None => Some(Operand {
                mode: Mode::Constant,
                ty: ids::BOOL,
                val: Some(Value::Bool(true)),
                expr: None,
            }),
        };
        let mut seen: Vec<(Value, TypeId, Span)> = Vec::new();
        let mut default_seen: Option<Span> = None;
        self.push_target(label, false);
        let n = cases.len();
        for (ci, c) in cases.iter().enumerate() {
            if c.is_default {
                if let Some(prev) = default_seen {
                    let pos = self.pos_string(prev);
                    self.error_with(
                        Diagnostic::error(c.span, format!("multiple defaults (first at {pos})"))
                            .with_secondary(prev, "first default"),
                    );
                }
                default_seen = Some(c.span);
            }
            for e in &c.exprs {
                self.case_value(e, x.as_mut(), tag, &mut seen);
            }
            self.open_scope();
            let fall = self.fall;
            self.fall = if ci + 1 == n {
                Fall::FinalCase
            } else {
                Fall::Ok
            };
            self.stmt_list(&c.body);
            self.fall = fall;
            self.close_scope();
        }
        self.pop_target();
        self.close_scope();
    }

    fn case_value(
        &mut self,
        e: &'a Expr,
        tag: Option<&mut Operand<'a>>,
        tag_expr: Option<&'a Expr>,
        seen: &mut Vec<(Value, TypeId, Span)>,
    ) {
        let mut v = self.expr(e);
        if v.mode == Mode::Invalid {
            return;
        }
        let Some(x) = tag else {
            // switch { case cond: }
            if !self.tt.is_boolean(v.ty) {
                let d = self.operand_string(&v);
                self.error(
                    e.span,
                    format!(
                        "invalid case {} in switch (mismatched types {} and bool)",
                        expr_string(e),
                        self.ts(v.ty)
                    ),
                );
                let _ = d;
                return;
            }
            self.default_untyped(&mut v);
            return;
        };
        if x.mode == Mode::Invalid {
            return;
        }
        let xt = x.ty;
        self.convert_untyped(&mut v, xt);
        if v.mode == Mode::Invalid {
            return;
        }
        let r = self.comparison(e, ast::BinaryOp::Eq, v.clone(), x.clone(), tag_expr);
        if r.mode == Mode::Invalid {
            return;
        }
        // Duplicate boolean constants are accepted (`case 0 == 0: case 1 == 1:`).
        // A conversion to a type parameter (`T(0)`) is no constant in
        // Go's generic body, though an instance's is.
        if v.mode == Mode::Constant && !self.tt.is_boolean(v.ty) && !self.mentions_tparam(e) {
            if let Some(val) = v.val.clone() {
                if let Some((_, _, prev)) = seen
                    .iter()
                    .find(|(pv, pt, _)| *pv == val && self.tt.identical(*pt, v.ty))
                {
                    let prev = *prev;
                    let s = self.operand_string(&v);
                    self.error_with(
                        Diagnostic::error(
                            e.span,
                            format!("duplicate case {s} in expression switch"),
                        )
                        .with_secondary(prev, "previous case"),
                    );
                    return;
                }
                seen.push((val, v.ty, e.span));
            }
        }
    }

    fn type_switch(
        &mut self,
        label: Option<String>,
        init: Option<&'a Stmt>,
        bind: Option<&'a ast::Ident>,
        xe: &'a Expr,
        cases: &'a [ast::TypeCaseClause],
    ) {
        self.open_scope();
        if let Some(i) = init {
            self.simple_stmt(i);
        }
        let mut x = self.expr(xe);
        if x.mode != Mode::Invalid && !self.tt.is_interface(x.ty) {
            let d = self.operand_string(&x);
            self.error(xe.span, format!("{d} is not an interface"));
            x.mode = Mode::Invalid;
        }
        if let Some(b) = bind {
            if b.is_blank() {
                self.error(b.span, "no new variable on left side of :=");
            }
        }
        self.push_target(label, false);
        // Each case type, where it is, and its expression when it names a
        // type parameter (see `mentions_tparam`).
        let mut seen: Vec<(Option<TypeId>, Span, Option<&'a Expr>)> = Vec::new();
        let mut clause_vars = Vec::new();
        let mut default_seen: Option<Span> = None;
        for c in cases {
            if c.is_default {
                if let Some(prev) = default_seen {
                    let pos = self.pos_string(prev);
                    self.error_with(
                        Diagnostic::error(c.span, format!("multiple defaults (first at {pos})"))
                            .with_secondary(prev, "first default"),
                    );
                }
                default_seen = Some(c.span);
            }
            let mut single: Option<TypeId> = None;
            let mut bad_case = false;
            for te in &c.types {
                let t = self.case_type(te, &x);
                if let Some(t) = t {
                    let generic = self.mentions_tparam(te).then_some(te);
                    if let Some((_, prev, _)) = seen.iter().find(|(pt, _, pg)| {
                        let same = match (pt, t) {
                            (None, None) => true,
                            (Some(a), Some(b)) => self.tt.identical(*a, b),
                            _ => false,
                        };
                        // Types a type parameter makes equal are the same
                        // case in Go only when they are written the same.
                        same && match (pg, generic) {
                            (None, None) => true,
                            (Some(a), Some(b)) => expr_string(a) == expr_string(b),
                            _ => false,
                        }
                    }) {
                        let prev = *prev;
                        let s = expr_string(te);
                        self.error_with(
                            Diagnostic::error(
                                te.span,
                                format!("duplicate case {s} in type switch"),
                            )
                            .with_secondary(prev, "previous case"),
                        );
                    } else {
                        seen.push((t, te.span, generic));
                    }
                    single = t;
                } else {
                    bad_case = true;
                }
            }
            self.open_scope();
            if let Some(b) = bind {
                if !b.is_blank() {
                    let t = if c.types.len() == 1 {
                        single.unwrap_or(x.ty)
                    } else {
                        x.ty
                    };
                    let t = if x.mode == Mode::Invalid || (bad_case && c.types.len() == 1) {
                        ids::INVALID
                    } else {
                        t
                    };
                    let o =
                        self.new_obj(&b.name, ObjKind::Var(VarKind::Local), t, b.span, Some(b.id));
                    self.info.implicits.insert(c.implicit, o);
                    self.switch_vars.insert(o);
                    if let Some(sc) = self.scopes.last_mut() {
                        sc.names.insert(b.name.clone(), o);
                    }
                    if let Some(f) = self.funcs.last_mut() {
                        f.locals.push(o);
                    }
                    clause_vars.push(o);
                }
            }
            let fall = self.fall;
            self.fall = Fall::TypeSwitch;
            self.stmt_list(&c.body);
            self.fall = fall;
            self.close_scope();
        }
        if let Some(b) = bind {
            if !b.is_blank()
                && x.mode != Mode::Invalid
                && !clause_vars.iter().any(|o| self.used.contains(o))
            {
                self.error(b.span, format!("{} declared and not used", b.name));
            }
        }
        self.pop_target();
        self.close_scope();
    }

    /// A type switch case: a type (checked for possibility) or `nil`.
    /// Returns `Some(None)` for nil, `Some(Some(t))` for a type.
    fn case_type(&mut self, te: &'a Expr, x: &Operand<'a>) -> Option<Option<TypeId>> {
        if let ExprKind::Ident(id) = &unparen(te).kind {
            if id.name == "nil" {
                if let Some(o) = self.lookup("nil") {
                    if matches!(self.tt.obj(o).kind, ObjKind::Nil) {
                        self.info.uses.insert(id.id, o);
                        self.info.types.insert(
                            te.id,
                            super::TypeAndValue {
                                mode: Mode::Value,
                                ty: ids::UNTYPED_NIL,
                                value: None,
                            },
                        );
                        return Some(None);
                    }
                }
            }
        }
        let t = self.typexpr(te);
        if self.tt.is_invalid(t) {
            return None;
        }
        // A case of a type parameter is checked at run time only (as an
        // assertion to one is).
        if x.mode != Mode::Invalid && !self.tt.is_interface(t) && !self.mentions_tparam(te) {
            if let Some(cause) = self.missing_method_cause(t, x.ty, false) {
                // Go's message names the case; the reason is its next line.
                let d = self.operand_string(x);
                let s = expr_string(te);
                self.error_with(
                    Diagnostic::error(te.span, format!("impossible type switch case: {s}"))
                        .with_note(format!("{d} cannot have dynamic type {s} {cause}")),
                );
            }
        }
        Some(Some(t))
    }

    fn select_stmt(&mut self, label: Option<String>, cases: &'a [ast::CommClause]) {
        self.push_target(label, false);
        let mut default_seen: Option<Span> = None;
        for c in cases {
            self.open_scope();
            match &c.comm {
                None => {
                    if let Some(prev) = default_seen {
                        let pos = self.pos_string(prev);
                        self.error_with(
                            Diagnostic::error(
                                c.span,
                                format!("multiple defaults (first at {pos})"),
                            )
                            .with_secondary(prev, "first default"),
                        );
                    }
                    default_seen = Some(c.span);
                }
                Some(s) => {
                    let valid = match &s.kind {
                        StmtKind::Send { .. } => true,
                        StmtKind::Expr(e) => is_recv(e),
                        StmtKind::Assign { rhs, op: None, .. } => {
                            rhs.len() == 1 && is_recv(&rhs[0])
                        }
                        StmtKind::Define { values, .. } => values.len() == 1 && is_recv(&values[0]),
                        _ => false,
                    };
                    if valid {
                        self.simple_stmt(s);
                    } else {
                        // Go checks nothing more of an invalid case, body included.
                        self.error(
                            s.span,
                            "select case must be send or receive (possibly with assignment)",
                        );
                        self.close_scope();
                        continue;
                    }
                }
            }
            let fall = std::mem::take(&mut self.fall);
            self.stmt_list(&c.body);
            self.fall = fall;
            self.close_scope();
        }
        self.pop_target();
    }

    fn for_stmt(
        &mut self,
        label: Option<String>,
        s: &'a Stmt,
        init: Option<&'a Stmt>,
        cond: Option<&'a Expr>,
        post: Option<&'a Stmt>,
        body: &'a Block,
    ) {
        self.open_scope();
        if let Some(i) = init {
            self.simple_stmt(i);
            if let StmtKind::Define { names, .. } = &i.kind {
                let vars: Vec<ObjId> = names
                    .iter()
                    .filter_map(|n| self.info.defs.get(&n.id).copied())
                    .collect();
                if !vars.is_empty() {
                    self.info.loop_vars.insert(s.id, vars);
                }
            }
        }
        if let Some(c) = cond {
            self.condition(c, "for statement");
        }
        if let Some(p) = post {
            if matches!(p.kind, StmtKind::Define { .. }) {
                self.error(p.span, "cannot declare in post statement of for loop");
            } else {
                self.simple_stmt(p);
            }
        }
        self.push_target(label, true);
        self.block(body);
        self.pop_target();
        self.close_scope();
    }

    #[allow(clippy::too_many_arguments)]
    fn range_stmt(
        &mut self,
        label: Option<String>,
        s: &'a Stmt,
        (key, value, extra): (Option<&'a Expr>, Option<&'a Expr>, Option<Span>),
        define: bool,
        xe: &'a Expr,
        body: &'a Block,
    ) {
        self.open_scope();
        let mut x = self.expr(xe);
        let mut kt = ids::INVALID;
        let mut vt: Option<TypeId> = None;
        let mut one_var = false;
        if x.mode != Mode::Invalid {
            let d = self.operand_string(&x);
            // A type parameter ranges through its type set's common
            // underlying type; a channel must allow receiving (Go's
            // `rangeKeyVal`).
            let under = self.common_under(x.ty, |c, t, u| match u.map(|u| c.tt.get(u)) {
                Some(Type::Chan(ChanDir::Send, _)) => {
                    Some(format!("receive from send-only channel {}", c.ts(t)))
                }
                _ => None,
            });
            let u = match under {
                Ok(u) => u,
                Err(why) => {
                    self.error(xe.span, format!("cannot range over {d}: {why}"));
                    x.mode = Mode::Invalid;
                    ids::INVALID
                }
            };
            match self.tt.get(u).clone() {
                Type::Basic(k, _) if k.is_string() => {
                    kt = ids::INT;
                    vt = Some(ids::RUNE);
                    self.default_untyped(&mut x);
                }
                Type::Basic(k, _) if k.is_integer() => {
                    if self.tt.is_untyped(x.ty) {
                        self.default_untyped(&mut x);
                    }
                    kt = x.ty;
                    one_var = true;
                    if value.is_some() {
                        let v = value.map(|v| v.span).unwrap_or(xe.span);
                        self.error(
                            v,
                            format!("range over {d} permits only one iteration variable"),
                        );
                    }
                }
                Type::Array(_, e) | Type::Slice(e) => {
                    kt = ids::INT;
                    vt = Some(e);
                }
                Type::Pointer(p) => match self.tt.get(self.tt.under(p)).clone() {
                    Type::Array(_, e) => {
                        kt = ids::INT;
                        vt = Some(e);
                    }
                    _ => {
                        self.error(xe.span, format!("cannot range over {d}"));
                        x.mode = Mode::Invalid;
                    }
                },
                Type::Map(k, v) => {
                    kt = k;
                    vt = Some(v);
                }
                Type::Chan(_, e) => {
                    kt = e;
                    one_var = true;
                    if let Some(v) = value {
                        self.error(
                            v.span,
                            format!("range over {d} permits only one iteration variable"),
                        );
                    }
                }
                Type::Func(sig) => {
                    // A third variable is one too many where the yield
                    // function takes two; with fewer, the second is.
                    let two = sig.params.first().is_some_and(|&y| {
                        matches!(self.tt.get(self.tt.under(y)), Type::Func(ys) if ys.params.len() >= 2)
                    });
                    if let (Some(sp), true) = (extra, two) {
                        self.error(sp, "range clause permits at most two iteration variables");
                    }
                    self.range_func(label, s, key, value, define, xe, body, sig, d);
                    self.close_scope();
                    return;
                }
                _ if x.mode == Mode::Invalid => {}
                _ => {
                    self.error(xe.span, format!("cannot range over {d}"));
                    x.mode = Mode::Invalid;
                }
            }
            // Go's order: a second variable where one is allowed, else a
            // third one.
            if let (Some(sp), false, true) = (extra, one_var, x.mode != Mode::Invalid) {
                self.error(sp, "range clause permits at most two iteration variables");
            }
        }
        let valid = x.mode != Mode::Invalid;
        let lhs = [key, value];
        let types = [Some(kt), vt];
        if define {
            let mut vars = Vec::new();
            for (e, t) in lhs.iter().zip(types) {
                let Some(e) = e else { continue };
                let ExprKind::Ident(id) = &e.kind else {
                    let s = expr_string(e);
                    self.error(e.span, format!("non-name {s} on left side of :="));
                    continue;
                };
                let t = if valid {
                    t.unwrap_or(ids::INVALID)
                } else {
                    ids::INVALID
                };
                let o = self.new_obj(
                    &id.name,
                    ObjKind::Var(VarKind::Local),
                    t,
                    id.span,
                    Some(id.id),
                );
                // A second variable where only one is permitted was
                // reported; keep it quiet.
                let extra = one_var && value.is_some_and(|v| std::ptr::eq(v, *e));
                if !valid || extra {
                    // No follow-on "declared and not used" for a bad range.
                    self.used.insert(o);
                }
                self.info.defs.insert(id.id, o);
                vars.push((id, o));
            }
            let objs: Vec<ObjId> = vars.iter().map(|(_, o)| *o).collect();
            for (id, o) in vars {
                self.declare_local(id, o);
            }
            if !objs.is_empty() {
                self.info.loop_vars.insert(s.id, objs);
            }
        } else {
            for (e, t) in lhs.iter().zip(types) {
                let Some(e) = e else { continue };
                let lt = self.lhs_var(e);
                if !valid {
                    continue;
                }
                let Some(t) = t else { continue };
                let mut op = Operand::new(Mode::Value, t, e);
                op.expr = Some(xe);
                self.assign_to(lt, &mut op);
            }
        }
        self.push_target(label, true);
        self.block(body);
        self.pop_target();
        self.close_scope();
    }

    // ---- terminating statements ----

    pub(crate) fn is_terminating_list(&self, list: &[Stmt], label: &str) -> bool {
        // Trailing empty statements do not count.
        let Some(last) = list
            .iter()
            .rev()
            .find(|s| !matches!(s.kind, StmtKind::Empty))
        else {
            return false;
        };
        self.is_terminating(last, label)
    }

    fn is_terminating(&self, s: &Stmt, label: &str) -> bool {
        match &s.kind {
            StmtKind::Return(_) | StmtKind::Goto(_) => true,
            StmtKind::Expr(e) => {
                let e = unparen(e);
                matches!(
                    self.info.calls.get(&e.id),
                    Some(CallKind::Builtin(Builtin::Panic))
                )
            }
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts, ""),
            StmtKind::If {
                then, els: Some(e), ..
            } => self.is_terminating_list(&then.stmts, "") && self.is_terminating(e, ""),
            StmtKind::Labeled { label, stmt } => self.is_terminating(stmt, &label.name),
            StmtKind::For { cond, body, .. } => {
                cond.is_none() && !has_break_list(&body.stmts, label, true)
            }
            StmtKind::Switch { cases, .. } => {
                cases.iter().any(|c| c.is_default)
                    && cases.iter().all(|c| {
                        !has_break_list(&c.body, label, true)
                            && (self.is_terminating_list(&c.body, "")
                                || c.body
                                    .iter()
                                    .rev()
                                    .find(|s| !matches!(s.kind, StmtKind::Empty))
                                    .is_some_and(|s| matches!(s.kind, StmtKind::Fallthrough)))
                    })
            }
            StmtKind::TypeSwitch { cases, .. } => {
                cases.iter().any(|c| c.is_default)
                    && cases.iter().all(|c| {
                        !has_break_list(&c.body, label, true)
                            && self.is_terminating_list(&c.body, "")
                    })
            }
            StmtKind::Select { cases, .. } => cases.iter().all(|c| {
                !has_break_list(&c.body, label, true) && self.is_terminating_list(&c.body, "")
            }),
            _ => false,
        }
    }
}

fn is_recv(e: &Expr) -> bool {
    matches!(unparen(e).kind, ExprKind::Unary(ast::UnaryOp::Recv, _))
}

/// Whether a statement list contains a `break` that targets the enclosing
/// statement: unlabeled at the top level (`implicit`), or labeled `label`.
fn has_break_list(list: &[Stmt], label: &str, implicit: bool) -> bool {
    list.iter().any(|s| has_break(s, label, implicit, 0))
}

fn has_break(s: &Stmt, label: &str, implicit: bool, depth: u32) -> bool {
    if depth > 500 {
        return false;
    }
    let d = depth + 1;
    match &s.kind {
        StmtKind::Break(None) => implicit,
        StmtKind::Break(Some(l)) => !label.is_empty() && l.name == label,
        StmtKind::Block(b) => b.stmts.iter().any(|s| has_break(s, label, implicit, d)),
        StmtKind::If { then, els, .. } => {
            then.stmts.iter().any(|s| has_break(s, label, implicit, d))
                || els
                    .as_ref()
                    .is_some_and(|e| has_break(e, label, implicit, d))
        }
        StmtKind::Labeled { stmt, .. } => has_break(stmt, label, implicit, d),
        // Inside a nested breakable statement, unlabeled breaks target it.
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            !label.is_empty() && body.stmts.iter().any(|s| has_break(s, label, false, d))
        }
        StmtKind::Switch { cases, .. } => {
            !label.is_empty()
                && cases
                    .iter()
                    .any(|c| c.body.iter().any(|s| has_break(s, label, false, d)))
        }
        StmtKind::TypeSwitch { cases, .. } => {
            !label.is_empty()
                && cases
                    .iter()
                    .any(|c| c.body.iter().any(|s| has_break(s, label, false, d)))
        }
        StmtKind::Select { cases, .. } => {
            !label.is_empty()
                && cases
                    .iter()
                    .any(|c| c.body.iter().any(|s| has_break(s, label, false, d)))
        }
        _ => false,
    }
}
