//! Assignability and assignments: `=`, `:=`, variable initialisation,
//! multi-value right-hand sides and the comma-ok forms.

use super::checker::Checker;
use super::expr::{unparen, ConvErr, Operand};
use super::exprstring::expr_string;
use super::{Mode, TypeAndValue};
use crate::ast::{Expr, ExprKind, Ident, Span};
use crate::types::{ids, ObjId, ObjKind, Type, TypeId, VarKind};

impl<'a> Checker<'a> {
    /// Go's `assignableTo`: `Ok` or the cause to append to the message.
    pub(crate) fn assignable_to(&mut self, x: &Operand, t: TypeId) -> Result<(), String> {
        let v = x.ty;
        if self.tt.is_invalid(v) || self.tt.is_invalid(t) {
            return Ok(());
        }
        if self.tt.identical(v, t) {
            return Ok(());
        }
        if self.is_fresh(v) || self.is_fresh(t) {
            if let Some(r) = self.fresh_assignable(x, t) {
                return r;
            }
        }
        let (vu, tu) = (self.tt.under(v), self.tt.under(t));
        if self.tt.is_untyped(v) {
            if x.is_nil() {
                return if self.tt.has_nil(t) {
                    Ok(())
                } else {
                    Err(String::new())
                };
            }
            if let Type::Basic(tk, _) = self.tt.get(tu) {
                if x.mode == Mode::Constant {
                    let val = x.val.clone().unwrap_or(crate::constant::Value::Unknown);
                    return self
                        .represent(&val, v, t)
                        .map(|_| ())
                        .map_err(|_| String::new());
                }
                let vk = self
                    .tt
                    .basic_kind(v)
                    .unwrap_or(crate::basic::BasicKind::Invalid);
                let ok = if vk.is_boolean() {
                    tk.is_boolean()
                } else if vk.is_numeric() {
                    tk.is_numeric()
                } else if vk.is_string() {
                    tk.is_string()
                } else {
                    false
                };
                return if ok { Ok(()) } else { Err(String::new()) };
            }
            if let Some(i) = self.tt.interface(t) {
                return if i.methods.is_empty() {
                    Ok(())
                } else {
                    let d = self.tt.default_type(v);
                    match self.missing_method_cause(d, t, true) {
                        None => Ok(()),
                        Some(c) => Err(format!(
                            "{} does not implement {} {c}",
                            self.ts(d),
                            self.ts(t)
                        )),
                    }
                };
            }
            return Err(String::new());
        }
        let vnamed = self.has_name(v);
        let tnamed = self.has_name(t);
        if self.tt.identical(vu, tu) && (!vnamed || !tnamed) {
            return Ok(());
        }
        if self.tt.is_interface(t) {
            return match self.missing_method_cause(v, t, true) {
                None => Ok(()),
                Some(c) => Err(format!(
                    "{} does not implement {} {c}",
                    self.ts(v),
                    self.ts(t)
                )),
            };
        }

        if let (Type::Chan(crate::types::ChanDir::Both, ve), Type::Chan(_, te)) =
            (self.tt.get(vu).clone(), self.tt.get(tu).clone())
        {
            if self.tt.identical(ve, te) && (!vnamed || !tnamed) {
                return Ok(());
            }
        }
        Err(String::new())
    }

    /// Named types and basic types have names (Go's `hasName`).
    fn has_name(&self, t: TypeId) -> bool {
        matches!(self.tt.get(t), Type::Named(_) | Type::Basic(..))
    }

    /// Go's `assignment`: `x` is assigned to a location of type `t` in
    /// `context` ("assignment", "argument to f", ...). Converts untyped
    /// values; on failure reports and invalidates `x`.
    pub(crate) fn assignment(&mut self, x: &mut Operand<'a>, t: TypeId, context: &str) {
        if x.mode == Mode::Invalid {
            return;
        }
        match x.mode {
            Mode::Constant | Mode::Variable | Mode::MapIndex | Mode::Value | Mode::CommaOk => {}
            _ => {
                let d = self.operand_string(x);
                self.error(
                    x.span(),
                    format!("cannot assign {d} to {} in {context}", self.ts(t)),
                );
                x.mode = Mode::Invalid;
                return;
            }
        }
        if self.tt.is_untyped(x.ty) {
            let mut target = t;
            if !x.is_nil() && self.tt.is_interface(t) && !self.is_fresh(t) {
                target = self.tt.default_type(x.ty);
            }
            match self.implicit_type(x, target) {
                Ok((nt, v)) => {
                    if let Some(v) = v {
                        x.val = Some(v);
                    }
                    if nt != x.ty {
                        x.ty = nt;
                        self.update_expr_type(x, nt);
                    } else if let (Some(e), Some(v)) = (x.expr, &x.val) {
                        if let Some(tv) = self.info.types.get_mut(&e.id) {
                            if tv.mode == Mode::Constant {
                                tv.value = Some(Box::new(v.clone()));
                            }
                        }
                    }
                }
                Err(code) => {
                    let d = self.operand_string(x);
                    let ts = self.ts(target);
                    let suffix = match code {
                        ConvErr::Truncated => " (truncated)",
                        ConvErr::Overflow => " (overflows)",
                        ConvErr::Invalid => "",
                    };
                    self.error(
                        x.span(),
                        format!("cannot use {d} as {ts} value in {context}{suffix}"),
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
            }
        }
        if let Err(cause) = self.assignable_to(x, t) {
            let d = self.operand_string(x);
            let ts = self.ts(t);
            if cause.is_empty() {
                self.error(
                    x.span(),
                    format!("cannot use {d} as {ts} value in {context}"),
                );
            } else {
                self.error(
                    x.span(),
                    format!("cannot use {d} as {ts} value in {context}: {cause}"),
                );
            }
            x.mode = Mode::Invalid;
        }
    }

    /// Initialises variable `o` with `x`: an untyped value gives the
    /// variable its default type.
    pub(crate) fn init_var(&mut self, o: ObjId, x: &mut Operand<'a>, context: &str) {
        if x.mode == Mode::Invalid {
            return;
        }
        let t = self.tt.obj(o).ty;
        if t == ids::INVALID {
            if x.is_nil() {
                self.error(x.span(), format!("use of untyped nil in {context}"));
                x.mode = Mode::Invalid;
                return;
            }
            let dt = self.tt.default_type(x.ty);
            self.assignment(x, dt, context);
            if x.mode != Mode::Invalid {
                self.tt.obj_mut(o).ty = x.ty;
            }
            return;
        }
        self.assignment(x, t, context);
    }

    /// `assignment mismatch: 2 variables but f returns 1 value`.
    pub(crate) fn assign_mismatch(&mut self, span: Span, l: usize, r: usize, rhs0: Option<&Expr>) {
        let vars = measure(l, "variable");
        let vals = measure(r, "value");
        if let Some(e) = rhs0 {
            if let ExprKind::Call { func, .. } = &unparen(e).kind {
                let f = expr_string(func);
                self.error(
                    e.span,
                    format!("assignment mismatch: {vars} but {f} returns {vals}"),
                );
                return;
            }
            self.error(e.span, format!("assignment mismatch: {vars} but {vals}"));
            return;
        }
        self.error(span, format!("assignment mismatch: {vars} but {vals}"));
    }

    /// The values of right-hand sides for `n` left-hand sides: `n`
    /// expressions, or one multi-value call, or one comma-ok expression.
    /// Reports count mismatches; `None` when nothing can be assigned.
    pub(crate) fn rhs_values(
        &mut self,
        rhs: &'a [Expr],
        n: usize,
        lhs_span: Span,
    ) -> Option<Vec<Operand<'a>>> {
        if rhs.len() == 1 && n == 1 {
            return self.single_rhs(&rhs[0], lhs_span).map(|x| vec![x]);
        }
        if rhs.len() == n {
            let mut v = Vec::new();
            for e in rhs {
                v.push(self.expr(e));
            }
            return Some(v);
        }
        if rhs.len() == 1 {
            let e = &rhs[0];
            let x = self.raw_expr(e, None);
            if x.mode == Mode::Invalid {
                return None;
            }
            if n == 2 && matches!(x.mode, Mode::CommaOk | Mode::MapIndex) {
                // v, ok := m[k] / x.(T) / <-ch
                let tup = self.tt.tuple(vec![x.ty, ids::BOOL]);
                self.info.types.insert(
                    e.id,
                    TypeAndValue {
                        mode: Mode::CommaOk,
                        ty: tup,
                        value: None,
                    },
                );
                let mut v = x.clone();
                v.mode = Mode::Value;
                let ok = Operand {
                    mode: Mode::Value,
                    ty: ids::UNTYPED_BOOL,
                    val: None,
                    expr: None,
                };
                return Some(vec![v, ok]);
            }
            if let Type::Tuple(ts) = self.tt.get(x.ty).clone() {
                if x.mode != Mode::NoValue && ts.len() == n {
                    return Some(
                        ts.iter()
                            .map(|&t| Operand {
                                mode: Mode::Value,
                                ty: t,
                                val: None,
                                expr: Some(e),
                            })
                            .collect(),
                    );
                }
                if x.mode == Mode::NoValue {
                    let s = expr_string(e);
                    self.error(e.span, format!("{s} (no value) used as value"));
                    return None;
                }
                self.assign_mismatch(lhs_span, n, ts.len(), Some(e));
                return None;
            }
            let x = self.single_value(x);
            if x.mode == Mode::Invalid {
                return None;
            }
            self.assign_mismatch(lhs_span, n, 1, Some(e));
            return None;
        }
        for e in rhs {
            let _ = self.raw_expr(e, None);
        }
        // Several values: no call's results are counted, whatever the
        // first one is (Go's assignError).
        let (vars, vals) = (measure(n, "variable"), measure(rhs.len(), "value"));
        let at = rhs.first().map_or(lhs_span, |e| e.span);
        self.error(at, format!("assignment mismatch: {vars} but {vals}"));
        None
    }

    /// The one value assigned to one variable: a multi-value call there
    /// is an assignment mismatch, as Go words it.
    pub(crate) fn single_rhs(&mut self, e: &'a Expr, lhs_span: Span) -> Option<Operand<'a>> {
        let x = self.raw_expr(e, None);
        if x.mode != Mode::Invalid && x.mode != Mode::NoValue {
            if let Type::Tuple(ts) = self.tt.get(x.ty) {
                if ts.len() > 1 {
                    let n = ts.len();
                    self.assign_mismatch(lhs_span, 1, n, Some(e));
                    return None;
                }
            }
        }
        let x = self.single_value(x);
        if x.mode == Mode::Invalid {
            return Some(x);
        }
        Some(x)
    }

    /// The type of an assignment's left side (`x`, `p.f`, `a[i]`, `m[k]`,
    /// `*p`), or `None` for the blank identifier. Assigning to a variable
    /// does not count as using it.
    pub(crate) fn lhs_var(&mut self, e: &'a Expr) -> Option<TypeId> {
        if let ExprKind::Ident(id) = &unparen(e).kind {
            if id.is_blank() {
                self.info.types.remove(&e.id);
                return None;
            }
            if let Some(o) = self.lookup(&id.name) {
                if let ObjKind::Var(_) = self.tt.obj(o).kind {
                    let was_used = self.used.contains(&o);
                    let x = self.expr(e);
                    if !was_used {
                        self.used.remove(&o);
                    }
                    if x.mode == Mode::Invalid {
                        return Some(ids::INVALID);
                    }
                    return Some(x.ty);
                }
            }
        }
        let x = self.expr(e);
        match x.mode {
            Mode::Invalid => Some(ids::INVALID),
            Mode::Variable | Mode::MapIndex => Some(x.ty),
            _ => {
                if let ExprKind::Selector(base, _) = &unparen(e).kind {
                    if self.info.types.get(&base.id).map(|t| t.mode) == Some(Mode::MapIndex) {
                        let s = expr_string(e);
                        self.error(e.span, format!("cannot assign to struct field {s} in map"));
                        return Some(ids::INVALID);
                    }
                }
                let s = expr_string(e);
                self.error(
                    e.span,
                    format!(
                        "cannot assign to {s} (neither addressable nor a map index expression)"
                    ),
                );
                Some(ids::INVALID)
            }
        }
    }

    /// Assigns `x` to left side `lhs` whose type `lhs_var` returned.
    pub(crate) fn assign_to(&mut self, t: Option<TypeId>, x: &mut Operand<'a>) {
        match t {
            None => {
                // `_ = x`: any value but untyped nil.
                if x.mode == Mode::Invalid {
                    return;
                }
                if x.is_nil() {
                    self.error(x.span(), "use of untyped nil in assignment to _ identifier");
                    x.mode = Mode::Invalid;
                    return;
                }
                if self.tt.is_untyped(x.ty) {
                    let d = self.tt.default_type(x.ty);
                    self.assignment(x, d, "assignment to _ identifier");
                }
            }
            Some(t) if self.tt.is_invalid(t) => {}
            Some(t) => self.assignment(x, t, "assignment"),
        }
    }

    /// `lhs... = rhs...`
    pub(crate) fn assign_stmt(&mut self, lhs: &'a [Expr], rhs: &'a [Expr], span: Span) {
        let ts: Vec<Option<TypeId>> = lhs.iter().map(|e| self.lhs_var(e)).collect();
        let Some(mut xs) = self.rhs_values(rhs, lhs.len(), span) else {
            return;
        };
        for (t, x) in ts.into_iter().zip(xs.iter_mut()) {
            self.assign_to(t, x);
        }
    }

    /// `a, b := values`: new variables for new names, assignment to the
    /// names already declared in this block; at least one must be new.
    pub(crate) fn short_var_decl(&mut self, names: &'a [Ident], values: &'a [Expr], span: Span) {
        let mut objs: Vec<(ObjId, bool)> = Vec::new();
        let mut any_new = false;
        let mut seen: Vec<&str> = Vec::new();
        // A name repeated is reported once, as that, and then stands for
        // a blank variable (Go's dummy): it is not declared again.
        let mut repeated: Vec<bool> = Vec::with_capacity(names.len());
        for n in names {
            let again = !n.is_blank() && seen.contains(&n.name.as_str());
            repeated.push(again);
            if again {
                self.error(n.span, format!("{} repeated on left side of :=", n.name));
            }
            seen.push(&n.name);
            let existing = if n.is_blank() {
                None
            } else {
                self.scopes
                    .last()
                    .and_then(|s| s.names.get(&n.name).copied())
            };
            match existing {
                Some(o) if matches!(self.tt.obj(o).kind, ObjKind::Var(_)) => {
                    self.info.uses.insert(n.id, o);
                    objs.push((o, false));
                }
                _ => {
                    if !n.is_blank() {
                        any_new = true;
                    }
                    let o = self.new_obj(
                        &n.name,
                        ObjKind::Var(VarKind::Local),
                        ids::INVALID,
                        n.span,
                        Some(n.id),
                    );
                    objs.push((o, true));
                }
            }
        }
        // The parser stands a blank name, spanning the expression, in for
        // a non-name it reported (`(x) := 0`); a real `_` is one byte.
        let stand_in = names
            .iter()
            .any(|n| n.is_blank() && n.span.hi - n.span.lo != 1);
        if !any_new && !repeated.contains(&true) && !stand_in {
            let pos = self.define_op_span(names, values).unwrap_or(span);
            self.error(pos, "no new variables on left side of :=");
        }
        let vals = self.rhs_values(values, names.len(), span);

        if let Some(mut xs) = vals {
            for ((o, new), x) in objs.iter().zip(xs.iter_mut()) {
                if *new {
                    self.init_var(*o, x, "assignment");
                } else {
                    let t = self.tt.obj(*o).ty;
                    self.assign_to(Some(t), x);
                }
            }
        }
        for (((o, new), n), again) in objs.iter().zip(names).zip(repeated) {
            if *new && !again {
                self.declare_local(n, *o);
            }
        }
    }

    /// The span of the `:=` between the names and the values.
    fn define_op_span(&self, names: &[Ident], values: &[Expr]) -> Option<Span> {
        let lo = names.last()?.span.hi;
        let hi = values.first().map(|v| v.span.lo).unwrap_or(lo + 4);
        let (fid, range) = self.sources.local(Span::new(lo, hi));
        let text = &self.sources.file(fid).text;
        let seg = text.get(range.clone())?;
        let off = seg.find(":=")?;
        let p = lo + off as u32;
        Some(Span::new(p, p + 2))
    }
}

fn measure(n: usize, unit: &str) -> String {
    if n == 1 {
        format!("{n} {unit}")
    } else {
        format!("{n} {unit}s")
    }
}
