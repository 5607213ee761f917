//! Declaring package-level objects, lazily and with cycle detection.
//!
//! [`Checker::obj_decl`] type-checks an object the first time it is needed
//! (or in the final source-order pass). Objects are white (not started),
//! grey (in progress, on `obj_path`) or black (done). Meeting a grey object
//! means a cycle: a cycle through type definitions only is fine (`type L
//! struct{ next *L }`: the named type exists before its underlying type);
//! one through constants and variables only is left to the initialization
//! order check (Go reports it there); anything else is an `invalid
//! recursive type`. An object met while grey yields an invalid type, which
//! silences follow-on errors.
//!
//! A type that contains itself directly (through struct fields and array
//! elements, not pointers) has infinite size: [`Checker::valid_type`] walks
//! the new type's structure after its declaration and reports it.

use super::checker::{Checker, Color, DeclInfo, FuncCtx, PkgScope};
use super::Mode;
use crate::ast::{self, Span};
use crate::constant::Value;
use crate::diag::Diagnostic;
use crate::types::{ids, ObjId, ObjKind, Type, TypeId, VarKind};
use std::collections::HashMap;

impl<'a> Checker<'a> {
    pub(crate) fn obj_decl(&mut self, o: ObjId) {
        match self.color.get(&o) {
            Some(Color::Black) => return,
            Some(Color::Grey) => {
                self.grey_cycle(o);
                return;
            }
            None => {}
        }
        let Some(d) = self.decls.get(&o).cloned() else {
            return;
        };
        if self.tt.obj(o).pkg != Some(self.pkg) {
            return;
        }
        self.color.insert(o, Color::Grey);
        self.obj_path.push(o);
        // Declarations are checked in their own context, not the one of
        // the expression that happened to need them.
        let saved_file = self.file;
        let saved_decl = self.cur_decl.take();
        let saved_iota = self.iota.take();
        let saved_scopes = std::mem::take(&mut self.scopes);
        let saved_funcs = std::mem::take(&mut self.funcs);
        let saved_override = self.pos_override.take();
        match d {
            DeclInfo::Const {
                ty,
                init,
                iota,
                inherited,
                file,
            } => {
                self.file = file;
                self.iota = Some(iota);
                self.cur_decl = Some(o);
                let saved = self.pos_override;
                if inherited {
                    self.pos_override = Some(self.tt.obj(o).span);
                }
                self.const_decl(o, ty, init);
                self.pos_override = saved;
            }
            DeclInfo::Var {
                ty,
                lhs,
                values,
                index,
                file,
            } => {
                self.file = file;
                self.cur_decl = Some(o);
                self.var_decl(o, ty, &lhs, values, index);
            }
            DeclInfo::Type { spec, file } => {
                self.file = file;
                self.type_decl(o, spec);
            }
            DeclInfo::Func { decl, file } => {
                self.file = file;
                self.func_decl(o, decl);
            }
        }
        self.file = saved_file;
        self.cur_decl = saved_decl;
        self.iota = saved_iota;
        self.scopes = saved_scopes;
        self.funcs = saved_funcs;
        self.pos_override = saved_override;
        self.obj_path.pop();
        self.color.insert(o, Color::Black);
    }

    /// `o` was met while being declared.
    fn grey_cycle(&mut self, o: ObjId) {
        let Some(start) = self.obj_path.iter().position(|&p| p == o) else {
            return;
        };
        let cycle: Vec<ObjId> = self.obj_path[start..].to_vec();
        let mut nval = 0;
        let mut ndef = 0;
        for &c in &cycle {
            match (&self.tt.obj(c).kind, self.decls.get(&c)) {
                (ObjKind::Const(_) | ObjKind::Var(_), _) => nval += 1,
                (ObjKind::TypeName, Some(DeclInfo::Type { spec, .. })) if !spec.alias => ndef += 1,
                // Local type declarations have no DeclInfo.
                (ObjKind::TypeName, None)
                    if self.tt.named(self.tt.obj(c).ty).is_some_and(|n| n.obj == c) =>
                {
                    ndef += 1
                }
                _ => {}
            }
        }
        if nval == cycle.len() || (nval == 0 && ndef > 0) {
            return;
        }
        self.cycle_error(&cycle);
    }

    /// Go's `cycleError`: reported at the cycle's first object in source order.
    pub(crate) fn cycle_error(&mut self, cycle: &[ObjId]) {
        if cycle.iter().any(|o| self.bad_cycle.contains(o)) {
            return;
        }
        for &o in cycle {
            self.bad_cycle.insert(o);
        }
        let start = (0..cycle.len())
            .min_by_key(|&i| self.tt.obj(cycle[i]).span.lo)
            .unwrap_or(0);
        let first = self.tt.obj(cycle[start]);
        let is_type = matches!(first.kind, ObjKind::TypeName);
        let name = first.name.clone();
        let span = first.span;
        if cycle.len() == 1 {
            let msg = if is_type {
                format!("invalid recursive type: {name} refers to itself")
            } else {
                format!("invalid cycle in declaration: {name} refers to itself")
            };
            self.error(span, msg);
            return;
        }
        let msg = if is_type {
            format!("invalid recursive type {name}")
        } else {
            format!("invalid cycle in declaration of {name}")
        };
        let mut d = Diagnostic::error(span, msg);
        for i in 0..cycle.len() {
            let a = self.tt.obj(cycle[(start + i) % cycle.len()]);
            let b = self.tt.obj(cycle[(start + i + 1) % cycle.len()]);
            d = d.with_secondary(a.span, format!("{} refers to {}", a.name, b.name));
        }
        self.error_with(d);
    }

    /// The underlying type of `t`, reporting an invalid recursive type when
    /// `t` is a named type whose declaration is still in progress.
    pub(crate) fn under_checked(&mut self, t: TypeId) -> TypeId {
        if let Some(n) = self.tt.named(t) {
            if n.underlying == ids::INVALID {
                let o = n.obj;
                if self.color.get(&o) == Some(&Color::Grey) {
                    if let Some(start) = self.obj_path.iter().position(|&p| p == o) {
                        let cycle = self.obj_path[start..].to_vec();
                        // A cycle through a type literal (`type A struct{
                        // next *B }; type B A`) is valid: the waiting types
                        // get their underlying type when it is known.
                        if !self.cycle_is_indirect(&cycle) {
                            self.cycle_error(&cycle);
                        }
                    }
                }
                return ids::INVALID;
            }
        }
        self.tt.under(t)
    }

    /// Whether a cycle of type declarations passes through an indirection
    /// (a pointer, slice, map, channel, function or interface type): some
    /// declaration refers to the next one only there.
    fn cycle_is_indirect(&self, cycle: &[ObjId]) -> bool {
        (0..cycle.len()).any(|i| {
            let next = &self.tt.obj(cycle[(i + 1) % cycle.len()]).name;
            match self.decls.get(&cycle[i]) {
                Some(DeclInfo::Type { spec, .. }) => {
                    !matches!(
                        strip_type_parens(&spec.ty).kind,
                        ast::ExprKind::Ident(_) | ast::ExprKind::Selector(..)
                    ) && !names_by_value(&spec.ty, next)
                }
                _ => false,
            }
        })
    }

    /// Gives the types waiting in `pending_under` their underlying type,
    /// once their right side has one (in chains: `type B C; type C A`).
    fn resolve_pending_under(&mut self) {
        loop {
            let mut progress = false;
            let mut i = 0;
            while i < self.pending_under.len() {
                let (w, rhs) = self.pending_under[i];
                let u = self.tt.under(rhs);
                if u != ids::INVALID && !self.tt.is_named(u) {
                    if let Some(n) = self.tt.named_mut(w) {
                        n.underlying = u;
                    }
                    self.pending_under.swap_remove(i);
                    // Containment by value is checked again with the
                    // underlying type known (`type A struct{ b B }; type B A`).
                    self.valid_type(w);
                    progress = true;
                } else {
                    i += 1;
                }
            }
            if !progress {
                return;
            }
        }
    }

    fn const_decl(&mut self, o: ObjId, ty: Option<&'a ast::Expr>, init: Option<&'a ast::Expr>) {
        let t = ty.map(|e| {
            let t = self.typexpr(e);
            if !self.tt.is_invalid(t) && self.tt.basic_kind(t).is_none() {
                let s = self.ts(t);
                self.error(e.span, format!("invalid constant type {s}"));
                return ids::INVALID;
            }
            t
        });
        let Some(init) = init else {
            self.tt.obj_mut(o).ty = t.unwrap_or(ids::INVALID);
            return;
        };
        let mut x = self.expr(init);
        if x.mode == Mode::Invalid {
            self.tt.obj_mut(o).ty = t.unwrap_or(ids::INVALID);
            return;
        }
        if x.mode != Mode::Constant {
            let d = self.operand_string(&x);
            self.error(init.span, format!("{d} is not constant"));
            self.tt.obj_mut(o).ty = t.unwrap_or(ids::INVALID);
            return;
        }
        if let Some(t) = t {
            if !self.tt.is_invalid(t) {
                self.assignment(&mut x, t, "constant declaration");
            }
        }
        let obj = self.tt.obj_mut(o);
        if x.mode == Mode::Constant {
            obj.ty = x.ty;
            obj.kind = ObjKind::Const(x.val.unwrap_or(Value::Unknown));
        } else {
            obj.ty = t.unwrap_or(ids::INVALID);
        }
    }

    fn var_decl(
        &mut self,
        o: ObjId,
        ty: Option<&'a ast::Expr>,
        lhs: &[ObjId],
        values: &'a [ast::Expr],
        index: usize,
    ) {
        let t = ty.map(|e| self.typexpr(e));
        if let Some(t) = t {
            for &l in lhs {
                self.tt.obj_mut(l).ty = t;
            }
        }
        if values.is_empty() {
            return;
        }
        if values.len() == lhs.len() {
            let e = &values[index];
            let span = self.tt.obj(o).span;
            let mut x = if lhs.len() == 1 {
                match self.single_rhs(e, span) {
                    Some(x) => x,
                    None => return,
                }
            } else {
                self.expr(e)
            };
            self.init_var(o, &mut x, "variable declaration");
            self.var_inits.insert(o, (vec![o], e.id));
            return;
        }
        if values.len() == 1 && lhs.len() > 1 {
            // `var a, b = f()`: one initializer for all; declare them together.
            let e = &values[0];
            for &l in lhs {
                if l != o {
                    self.color.insert(l, Color::Black);
                }
            }
            // A multi-value call or a comma-ok form (m[k], x.(T), <-c).
            let span = self.tt.obj(lhs[0]).span;
            match self.rhs_values(values, lhs.len(), span) {
                Some(mut xs) => {
                    for (l, x) in lhs.iter().zip(xs.iter_mut()) {
                        self.init_var(*l, x, "assignment");
                    }
                }
                None => self.invalidate_untyped(lhs),
            }
            for &l in lhs {
                self.var_inits.insert(l, (lhs.to_vec(), e.id));
                if l != o {
                    if let Some(d) = self.deps.get(&o).cloned() {
                        self.deps.insert(l, d);
                    }
                }
            }
            // Dependencies recorded for `o` belong to all of them.
            return;
        }
        // Mismatched counts were reported by `arity`.
        if let Some(e) = values.get(index) {
            let _ = self.expr(e);
        }
        self.invalidate_untyped(lhs);
    }

    fn invalidate_untyped(&mut self, objs: &[ObjId]) {
        for &l in objs {
            if self.tt.obj(l).ty == ids::INVALID {
                self.tt.obj_mut(l).ty = ids::INVALID;
            }
        }
    }

    fn type_decl(&mut self, o: ObjId, spec: &'a ast::TypeSpec) {
        if spec.alias {
            let t = self.typexpr(&spec.ty);
            self.tt.obj_mut(o).ty = t;
            return;
        }
        let named = self.tt.obj(o).ty;
        // A definition whose right side names a constraint (`type C
        // comparable`, `type N Number`) declares a constraint: C may then
        // constrain type parameters, and no more than that.
        let names_type = matches!(
            strip_type_parens(&spec.ty).kind,
            ast::ExprKind::Ident(_) | ast::ExprKind::Selector(..)
        );
        let outer = self.in_constraint;
        self.in_constraint |= names_type;
        let rhs = self.typexpr(&spec.ty);
        self.in_constraint = outer;
        if let Some(v) = self.expr_terms.get(&spec.ty.id).cloned() {
            self.named_terms.insert(named, v);
        } else if let Some(v) = self.named_terms.get(&rhs).cloned().filter(|_| names_type) {
            self.named_terms.insert(named, v);
        }
        let under = if self.tt.is_named(rhs) {
            self.under_checked(rhs)
        } else {
            rhs
        };
        if under == ids::INVALID
            && self.tt.is_named(rhs)
            && !self
                .tt
                .named(rhs)
                .is_some_and(|n| self.bad_cycle.contains(&n.obj))
        {
            self.pending_under.push((named, rhs));
        }
        if let Some(n) = self.tt.named_mut(named) {
            n.underlying = under;
        }
        if under != ids::INVALID {
            self.resolve_pending_under();
        }
        self.valid_type(named);
    }

    /// Reports a named type that contains itself by value. A depth-first
    /// walk over the types stored inline (fields, array elements), with
    /// an explicit stack: chains of named types may be 10,000 long.
    pub(crate) fn valid_type(&mut self, t: TypeId) {
        enum Step {
            Enter(TypeId),
            /// Leave the named type on top of the path.
            Leave(TypeId),
        }
        let mut path: Vec<TypeId> = Vec::new();
        let mut on_path: HashMap<TypeId, usize> = HashMap::new();
        let mut done: std::collections::HashSet<TypeId> = Default::default();
        // Whether every named type reached was complete: only then are the
        // types walked remembered as valid (one still being declared may
        // close a cycle later).
        let mut clean = true;
        let mut stack = vec![Step::Enter(t)];
        while let Some(step) = stack.pop() {
            let t = match step {
                Step::Leave(t) => {
                    path.pop();
                    on_path.remove(&t);
                    done.insert(t);
                    continue;
                }
                Step::Enter(t) => t,
            };
            match self.tt.get(t) {
                Type::Named(_) => {
                    if self.valid_types.contains(&t) || done.contains(&t) {
                        continue;
                    }
                    if self.tt.under(t) == ids::INVALID {
                        clean = false;
                    }
                    if let Some(&i) = on_path.get(&t) {
                        clean = false;
                        let cycle: Vec<ObjId> = path[i..]
                            .iter()
                            .filter_map(|&p| self.tt.named(p).map(|n| n.obj))
                            .collect();
                        self.cycle_error(&cycle);
                        for &p in &path[i..] {
                            if let Some(n) = self.tt.named_mut(p) {
                                n.underlying = ids::INVALID;
                            }
                        }
                        // The cycle's members are invalid now: leave
                        // them unvisited below (their steps still pop).
                        continue;
                    }
                    let u = self.tt.under(t);
                    on_path.insert(t, path.len());
                    path.push(t);
                    stack.push(Step::Leave(t));
                    stack.push(Step::Enter(u));
                }
                Type::Struct(fs) => {
                    stack.extend(fs.iter().rev().map(|f| Step::Enter(f.ty)));
                }
                Type::Array(_, e) => stack.push(Step::Enter(*e)),
                _ => {}
            }
        }
        if clean {
            self.valid_types.extend(done);
        }
    }

    pub(crate) fn func_decl(&mut self, o: ObjId, decl: &'a ast::FuncDecl) {
        let mut recv_t = None;
        if let Some(r) = &decl.recv {
            recv_t = Some(self.receiver_type(r));
        }
        let sig = self.func_type(&decl.ty);
        let obj = self.tt.obj_mut(o);
        obj.ty = sig;
        obj.kind = ObjKind::Func {
            recv: recv_t,
            has_body: decl.body.is_some(),
        };
        let pkg = self.pkg;
        if decl.body.is_some() {
            if self.instance_depth > 0 {
                self.instance_gen.insert(o, self.body_gen + 1);
            }
            self.pending_bodies.push((o, pkg, self.file, decl));
        }
        self.pkgs[pkg.0 as usize].funcs.push(o);
    }

    /// The receiver's type (`T` or `*T`), checking that `T` is a named
    /// type of this package that is neither a pointer nor an interface.
    fn receiver_type(&mut self, r: &'a ast::Param) -> TypeId {
        let t = self.typexpr(&r.ty);
        if self.tt.is_invalid(t) {
            return t;
        }
        // Go reports a bad receiver at the type under the first `*`.
        let at = match &r.ty.kind {
            ast::ExprKind::Star(x) => x.span,
            _ => r.ty.span,
        };
        let base = self
            .tt
            .pointer_elem(t)
            .filter(|_| !self.tt.is_named(t))
            .unwrap_or(t);
        let bad = |c: &Self, why: &str| format!("invalid receiver type {}{}", c.ts(t), why);
        match self.tt.named(base) {
            Some(n) if n.pkg == Some(self.pkg) => {
                let u = self.tt.under(base);
                if matches!(self.tt.get(u), Type::Pointer(_) | Type::Interface(_)) {
                    let kind = " (pointer or interface type)";
                    let m = bad(self, kind);
                    self.error(at, m);
                    return ids::INVALID;
                }
                t
            }
            _ => {
                let s = self.ts(base);
                if self.tt.basic_kind(base).is_some() || self.tt.is_named(base) {
                    self.error(
                        at,
                        format!("cannot define new methods on non-local type {s}"),
                    );
                } else {
                    let m = bad(self, "");
                    self.error(at, m);
                }
                ids::INVALID
            }
        }
    }

    /// Duplicate methods, and fields and methods with the same name.
    pub(crate) fn check_method_sets(&mut self) {
        let objs = self.cur_pkg().objects.clone();
        for o in objs {
            if !matches!(self.tt.obj(o).kind, ObjKind::TypeName) {
                continue;
            }
            let t = self.tt.obj(o).ty;
            let Some(n) = self.tt.named(t) else { continue };
            if n.obj != o {
                continue;
            }
            let mut methods: Vec<ObjId> = n
                .methods
                .iter()
                .chain(&n.generic_methods)
                .copied()
                .collect();
            methods.sort_by_key(|&m| self.tt.obj(m).span.lo);
            let tname = n.name.clone();
            let mut seen: HashMap<String, ObjId> = HashMap::new();
            let fields: Vec<String> = self
                .tt
                .struct_fields(t)
                .map(|fs| fs.iter().map(|f| f.name.clone()).collect())
                .unwrap_or_default();
            for m in methods {
                let mo = self.tt.obj(m);
                let (name, span) = (mo.name.clone(), mo.span);
                if name == "_" {
                    continue;
                }
                if let Some(&prev) = seen.get(&name) {
                    let ppos = self.pos_string(self.tt.obj(prev).span);
                    self.error(
                        span,
                        format!("method {tname}.{name} already declared at {ppos}"),
                    );
                    continue;
                }
                seen.insert(name.clone(), m);
                if fields.contains(&name) {
                    let fspan = self.field_span(o, &name).unwrap_or(span);
                    self.error_with(
                        Diagnostic::error(
                            span,
                            format!("field and method with the same name {name}"),
                        )
                        .with_secondary(fspan, format!("other declaration of {name}")),
                    );
                }
            }
        }
    }

    /// Position of a field name in a struct type declaration, for messages.
    fn field_span(&self, tobj: ObjId, name: &str) -> Option<Span> {
        let DeclInfo::Type { spec, .. } = self.decls.get(&tobj)? else {
            return None;
        };
        if let ast::ExprKind::StructType(fields) = &spec.ty.kind {
            for f in fields {
                for n in &f.names {
                    if n.name == name {
                        return Some(n.span);
                    }
                }
            }
        }
        None
    }

    /// `file:line:col` as Go prints it inside messages (`./main.go:4:12`).
    pub(crate) fn pos_string(&self, span: Span) -> String {
        let p = self.position_of(span);
        // Go shows files of the current directory as `./name.go`.
        let file = p.split(':').next().unwrap_or("");
        if file.contains('/') {
            p
        } else {
            format!("./{p}")
        }
    }

    /// Checks a function declaration's body.
    pub(crate) fn func_body_decl(&mut self, o: ObjId, decl: &'a ast::FuncDecl) {
        let Some(body) = &decl.body else { return };
        let sig = self.tt.obj(o).ty;
        if self.tt.signature(sig).is_none() {
            return;
        }
        self.cur_decl = Some(o);
        let gen = self.instance_gen.get(&o).copied().unwrap_or(0);
        let saved_gen = std::mem::replace(&mut self.body_gen, gen);
        let recv = decl.recv.as_ref().map(|r| {
            let t = match self.tt.obj(o).kind {
                ObjKind::Func { recv: Some(t), .. } => t,
                _ => ids::INVALID,
            };
            (r, t)
        });
        self.func_body(sig, &decl.ty, recv, body);
        self.body_gen = saved_gen;
        self.cur_decl = None;
    }

    /// Checks a body against its signature: parameters are declared in
    /// the function's outermost block, which is also the body's block.
    pub(crate) fn func_body(
        &mut self,
        sig: TypeId,
        ft: &'a ast::FuncType,
        recv: Option<(&'a ast::Param, TypeId)>,
        body: &'a ast::Block,
    ) {
        let Some(s) = self.tt.signature(sig).cloned() else {
            return;
        };
        self.funcs.push(FuncCtx::new(sig));
        self.open_scope();
        if let Some((r, t)) = recv {
            for n in &r.names {
                let o = self.new_obj(&n.name, ObjKind::Var(VarKind::Recv), t, n.span, Some(n.id));
                self.declare_local(n, o);
            }
        }
        self.declare_params(&ft.params, &s.params, VarKind::Param);
        let named = self.declare_params(&ft.results, &s.results, VarKind::Result);
        if let Some(f) = self.funcs.last_mut() {
            f.named_results = named;
        }
        self.labels_check(body);
        self.stmt_list(&body.stmts);
        if !s.results.is_empty() && !self.is_terminating_list(&body.stmts, "") {
            self.error(body.rbrace(), "missing return");
        }
        self.close_scope();
        self.report_unused();
    }

    fn declare_params(
        &mut self,
        groups: &'a [ast::Param],
        types: &[TypeId],
        kind: VarKind,
    ) -> Vec<ObjId> {
        let mut i = 0;
        let mut objs = Vec::new();
        for g in groups {
            if g.names.is_empty() {
                i += 1;
                continue;
            }
            for n in &g.names {
                let t = types.get(i).copied().unwrap_or(ids::INVALID);
                i += 1;
                let o = self.new_obj(&n.name, ObjKind::Var(kind), t, n.span, Some(n.id));
                self.declare_local(n, o);
                objs.push(o);
            }
        }
        objs
    }

    /// Reports the current function's unused locals and pops its context.
    pub(crate) fn report_unused(&mut self) {
        let Some(f) = self.funcs.pop() else { return };
        let mut labels: Vec<(String, Span)> = f
            .labels
            .iter()
            .filter(|(_, (_, used))| !used)
            .map(|(n, (s, _))| (n.clone(), *s))
            .collect();
        labels.sort_by_key(|(_, s)| s.lo);
        for (n, s) in labels {
            self.error(s, format!("label {n} defined and not used"));
        }
        let mut unused: Vec<ObjId> = f
            .locals
            .into_iter()
            .filter(|o| !self.used.contains(o))
            .collect();
        unused.sort_by_key(|o| self.tt.obj(*o).span.lo);
        for o in unused {
            let obj = self.tt.obj(o);
            let (span, name) = (obj.span, obj.name.clone());
            if self.switch_vars.contains(&o) {
                continue;
            }
            self.error(span, format!("declared and not used: {name}"));
        }
    }

    /// A script's implicit `func main`: its statements and `var`
    /// declarations, in source order.
    pub(crate) fn check_script_main(&mut self) {
        let Some(sm) = self.cur_pkg().script_main.clone() else {
            return;
        };
        let Some(file) = self.cur_pkg().files.get(sm.file) else {
            return;
        };
        self.file = sm.file;
        self.cur_decl = Some(sm.func);
        let sig = self.tt.obj(sm.func).ty;
        self.funcs.push(FuncCtx::new(sig));
        self.open_scope();
        self.labels_pass(
            0,
            &mut super::labels::script_entries(&file.ast, sm.items.clone()),
        );
        for &i in &sm.items {
            match file.ast.items.get(i) {
                Some(ast::Item::Stmt(s)) => self.stmt(s),
                Some(ast::Item::Decl(d @ ast::Decl::Var(_))) => self.local_decl(d),
                _ => {}
            }
        }
        self.close_scope();
        self.report_unused();
        self.cur_decl = None;
    }

    /// The bodies of the session inputs' statement functions.
    pub(crate) fn check_session_units(&mut self) {
        let units = self.cur_pkg().session_units.clone();
        for sm in units {
            let Some(file) = self.cur_pkg().files.get(sm.file) else {
                continue;
            };
            self.file = sm.file;
            let sig = self.tt.obj(sm.func).ty;
            self.funcs.push(FuncCtx::new(sig));
            self.open_scope();
            self.labels_pass(
                0,
                &mut super::labels::script_entries(&file.ast, sm.items.clone()),
            );
            for &i in &sm.items {
                if let Some(ast::Item::Stmt(s)) = file.ast.items.get(i) {
                    self.stmt(s);
                }
            }
            self.close_scope();
            self.report_unused();
        }
    }

    /// The order in which to declare the package-level objects: a
    /// post-order of their syntactic dependencies (every identifier their
    /// declarations mention, function bodies excluded), computed with an
    /// explicit stack. Declaring dependencies first keeps the lazy
    /// recursion of [`Checker::obj_decl`] shallow, however long a chain of
    /// declarations (`const c0 = c1 + 1; const c1 = ...`) is.
    pub(crate) fn declaration_order(&self) -> Vec<ObjId> {
        /// The package-level objects that identifiers name, resolved as
        /// the walk meets them: collecting the names first (a set of
        /// cloned strings per declaration, then a lookup of each) was 6%
        /// of `gol run examples/hello.gol`'s instructions.
        struct Deps<'s> {
            scope: &'s PkgScope,
            found: Vec<ObjId>,
        }
        impl crate::walk::Visitor for Deps<'_> {
            const TYPES: bool = true;
            fn expr(&mut self, e: &ast::Expr) {
                if let ast::ExprKind::Ident(id) = &e.kind {
                    if let Some(&o) = self.scope.get(&id.name) {
                        self.found.push(o);
                    }
                }
            }
        }
        let p = self.cur_pkg();
        let all: Vec<ObjId> = p.objects.iter().chain(&p.methods).copied().collect();
        let deps_of = |o: ObjId| -> Vec<ObjId> {
            let mut d = Deps {
                scope: &p.scope,
                found: Vec::new(),
            };
            let mut walk = |e: &ast::Expr| crate::walk::expr(&mut d, e, 0);
            match self.decls.get(&o) {
                Some(DeclInfo::Const { ty, init, .. }) => {
                    ty.iter().chain(init.iter()).for_each(|e| walk(e));
                }
                Some(DeclInfo::Var {
                    ty, values, index, ..
                }) => {
                    if let Some(t) = ty {
                        walk(t);
                    }
                    if let Some(v) = values.get(*index).or(values.first()) {
                        walk(v);
                    }
                }
                Some(DeclInfo::Type { spec, .. }) => walk(&spec.ty),
                Some(DeclInfo::Func { decl, .. }) => {
                    let ft = &decl.ty;
                    for prm in decl.recv.iter().chain(&ft.params).chain(&ft.results) {
                        walk(&prm.ty);
                    }
                }
                None => {}
            }
            let mut v = d.found;
            v.sort();
            v.dedup();
            v
        };
        let mut order = Vec::with_capacity(all.len());
        let mut visited = rustc_hash::FxHashSet::default();
        for &root in &all {
            if !visited.insert(root) {
                continue;
            }
            let mut stack: Vec<(ObjId, Vec<ObjId>, usize)> = vec![(root, deps_of(root), 0)];
            while let Some(top) = stack.last_mut() {
                if top.2 < top.1.len() {
                    let d = top.1[top.2];
                    top.2 += 1;
                    if visited.insert(d) {
                        let dd = deps_of(d);
                        stack.push((d, dd, 0));
                    }
                } else {
                    order.push(top.0);
                    stack.pop();
                }
            }
        }
        order
    }
}

fn strip_type_parens(e: &ast::Expr) -> &ast::Expr {
    let mut e = e;
    while let ast::ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    e
}

/// Whether type expression `e` names `name` by value: not under a pointer,
/// slice, map, channel or function type, nor in an interface's method.
fn names_by_value(e: &ast::Expr, name: &str) -> bool {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ast::ExprKind::Ident(id) if id.name == name => return true,
            ast::ExprKind::Paren(x) => stack.push(x),
            ast::ExprKind::ArrayType { len, elem } => {
                // A length expression (`[len(T{})]int`) needs the type whole.
                if len
                    .as_ref()
                    .is_some_and(|l| super::load::idents_of_expr(l).contains(name))
                {
                    return true;
                }
                stack.push(elem);
            }
            ast::ExprKind::StructType(fields) => stack.extend(fields.iter().map(|f| &f.ty)),
            // An embedded interface is part of the method set: by value.
            ast::ExprKind::InterfaceType(elems) => {
                stack.extend(elems.iter().filter_map(|m| match m {
                    ast::InterfaceElem::Embed(t) => Some(t),
                    _ => None,
                }))
            }
            _ => {}
        }
    }
    false
}
