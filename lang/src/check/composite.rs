//! Composite literals: structs, arrays (including `[...]T`), slices, maps,
//! with elided element types (`[]Point{{1, 2}}`, `[]*Point{{1, 2}}`).

use super::checker::Checker;
use super::expr::Operand;
use super::exprstring::expr_string;
use super::Mode;
use crate::ast::{Element, Expr, ExprKind, Span};
use crate::constant::Value;
use crate::diag::Diagnostic;
use crate::types::{ids, Type, TypeId};
use std::collections::HashMap;

impl<'a> Checker<'a> {
    pub(crate) fn composite_lit(
        &mut self,
        e: &'a Expr,
        ty: Option<&'a Expr>,
        elems: &'a [Element],
        rbrace: Span,
        hint: Option<TypeId>,
    ) -> Operand<'a> {
        let mut x = self.composite_inner(e, ty, elems, rbrace, hint);
        // An elided `{...}` of a `*T` element is `&T{...}`, also where the
        // element type is a named pointer type (`type PS *S`).
        if let (None, Some(h)) = (ty, hint) {
            let hu = self.core_type(h).unwrap_or(ids::INVALID);
            if x.mode != Mode::Invalid && matches!(self.tt.get(hu), Type::Pointer(_)) {
                x.ty = h;
            }
        }
        x
    }

    fn composite_inner(
        &mut self,
        e: &'a Expr,
        ty: Option<&'a Expr>,
        elems: &'a [Element],
        rbrace: Span,
        hint: Option<TypeId>,
    ) -> Operand<'a> {
        let (t, open_array) = match ty {
            Some(te) => match &te.kind {
                ExprKind::ArrayType { len: None, elem } => {
                    let et = self.typexpr(elem);
                    if self.tt.is_invalid(et) {
                        self.skip_elems(elems);
                        return Operand::invalid(e);
                    }
                    (et, true)
                }
                _ => (self.typexpr(te), false),
            },
            None => match hint {
                Some(h) => {
                    // `{...}` for `*T` elements means `&T{...}` (also
                    // for a type parameter whose core type is `*T`).
                    let hu = self.core_type(h).unwrap_or(ids::INVALID);
                    match self.tt.get(hu).clone() {
                        Type::Pointer(b) => (b, false),
                        _ => (h, false),
                    }
                }
                None => {
                    self.error(e.span, "missing type in composite literal");
                    self.skip_elems(elems);
                    return Operand::invalid(e);
                }
            },
        };
        if self.tt.is_invalid(t) {
            self.skip_elems(elems);
            return Operand::invalid(e);
        }
        if open_array {
            let n = self.indexed_elems(elems, t, None);
            let at = self.tt.intern(Type::Array(n, t));
            if self.tt.size_of(at).is_none_or(|s| s > 1 << 48) {
                let s = self.ts(at);
                self.error(e.span, format!("type {s} larger than address space"));
                return Operand::invalid(e);
            }
            if let Some(te) = ty {
                self.info.types.insert(
                    te.id,
                    super::TypeAndValue {
                        mode: Mode::TypeExpr,
                        ty: at,
                        value: None,
                    },
                );
            }
            return Operand::new(Mode::Value, at, e);
        }
        // A type parameter's literal is of its core type (Go's common
        // underlying type of its type set).
        let u = if self.is_fresh(t) {
            match self.core_type(t) {
                Some(u) => u,
                None => {
                    let (ts, elem) = (self.ts(t), if ty.is_none() { " element" } else { "" });
                    self.error(
                        e.span,
                        format!(
                            "invalid composite literal{elem} type {ts} (no common underlying type)"
                        ),
                    );
                    self.skip_elems(elems);
                    return Operand::invalid(e);
                }
            }
        } else {
            self.under_checked(t)
        };
        match self.tt.get(u).clone() {
            Type::Struct(fields) => {
                let ts = self.ts(t);
                if elems.is_empty() {
                    return Operand::new(Mode::Value, t, e);
                }
                if elems[0].key.is_some() {
                    let mut seen: HashMap<String, Span> = HashMap::new();
                    for el in elems {
                        let Some(k) = &el.key else {
                            self.error(
                                el.value.span,
                                "mixture of field:value and value elements in struct literal",
                            );
                            let _ = self.expr(&el.value);
                            continue;
                        };
                        let ExprKind::Ident(id) = &k.kind else {
                            let s = expr_string(k);
                            self.error(k.span, format!("invalid field name {s} in struct literal"));
                            let _ = self.expr(&el.value);
                            continue;
                        };
                        // A blank field has no name to be keyed by.
                        let Some((i, f)) = fields
                            .iter()
                            .enumerate()
                            .find(|(_, f)| f.name == id.name && !id.is_blank())
                        else {
                            self.error(
                                id.span,
                                format!("unknown field {} in struct literal of type {ts}", id.name),
                            );
                            let _ = self.expr(&el.value);
                            continue;
                        };
                        if f.pkg.is_some() && f.pkg != Some(self.pkg) {
                            self.error(
                                id.span,
                                format!("cannot refer to unexported field {} in struct literal of type {ts}", id.name),
                            );
                        }
                        let _ = i;
                        if let Some(prev) = seen.get(&id.name) {
                            let prev = *prev;
                            self.error_with(
                                Diagnostic::error(
                                    id.span,
                                    format!("duplicate field name {} in struct literal", id.name),
                                )
                                .with_secondary(prev, "previous"),
                            );
                        }
                        seen.insert(id.name.clone(), id.span);
                        let mut x = self.expr_hint(&el.value, field_hint(&el.value, f.ty));
                        self.assignment(&mut x, f.ty, "struct literal");
                    }
                } else {
                    for (i, el) in elems.iter().enumerate() {
                        if let Some(k) = &el.key {
                            self.error(
                                k.span,
                                "mixture of field:value and value elements in struct literal",
                            );
                            let _ = self.expr(&el.value);
                            continue;
                        }
                        let Some(f) = fields.get(i) else {
                            self.error(
                                el.value.span,
                                format!("too many values in struct literal of type {ts}"),
                            );
                            break;
                        };
                        let mut x = self.expr_hint(&el.value, field_hint(&el.value, f.ty));
                        if f.pkg.is_some() && f.pkg != Some(self.pkg) {
                            self.error(
                                el.value.span,
                                format!("implicit assignment to unexported field {} in struct literal of type {ts}", f.name),
                            );
                            continue;
                        }
                        self.assignment(&mut x, f.ty, "struct literal");
                    }
                    if elems.len() < fields.len() {
                        self.error(
                            rbrace,
                            format!("too few values in struct literal of type {ts}"),
                        );
                    }
                }
                Operand::new(Mode::Value, t, e)
            }
            Type::Array(n, et) => {
                self.indexed_elems(elems, et, Some(n));
                Operand::new(Mode::Value, t, e)
            }
            Type::Slice(et) => {
                self.indexed_elems(elems, et, None);
                Operand::new(Mode::Value, t, e)
            }
            Type::Map(kt, vt) => {
                let mut seen: Vec<(Value, TypeId, Span)> = Vec::new();
                for el in elems {
                    let Some(k) = &el.key else {
                        self.error(el.value.span, "missing key in map literal");
                        let _ = self.expr_hint(&el.value, Some(vt));
                        continue;
                    };
                    let mut kx = self.expr_hint(k, Some(kt));
                    self.assignment(&mut kx, kt, "map literal");
                    // `T(0)` is no constant in Go's generic body (see
                    // `mentions_tparam`), so no duplicate either.
                    if kx.mode == Mode::Constant && !self.mentions_tparam(k) {
                        if let Some(v) = kx.val.clone() {
                            if seen
                                .iter()
                                .any(|(pv, pt, _)| *pv == v && self.tt.identical(*pt, kx.ty))
                            {
                                let s = expr_string(k);
                                self.error(k.span, format!("duplicate key {s} in map literal"));
                            } else {
                                seen.push((v, kx.ty, k.span));
                            }
                        }
                    }
                    let mut vx = self.expr_hint(&el.value, Some(vt));
                    self.assignment(&mut vx, vt, "map literal");
                }
                Operand::new(Mode::Value, t, e)
            }
            _ => {
                if !self.tt.is_invalid(u) {
                    let (ts, elem) = (self.ts(t), if ty.is_none() { " element" } else { "" });
                    self.error(e.span, format!("invalid composite literal{elem} type {ts}"));
                }
                self.skip_elems(elems);
                Operand::invalid(e)
            }
        }
    }

    fn skip_elems(&mut self, elems: &'a [Element]) {
        for el in elems {
            if let Some(k) = &el.key {
                if !matches!(k.kind, ExprKind::Ident(_)) {
                    let _ = self.raw_expr(k, None);
                }
            }
            if !matches!(el.value.kind, ExprKind::Composite { ty: None, .. }) {
                let _ = self.raw_expr(&el.value, None);
            }
        }
    }

    /// Array and slice elements; returns the length (max index + 1).
    fn indexed_elems(&mut self, elems: &'a [Element], et: TypeId, len: Option<u64>) -> u64 {
        let mut index: u64 = 0;
        let mut max: u64 = 0;
        let mut seen: HashMap<u64, ()> = HashMap::new();
        for el in elems {
            let mut valid_index = true;
            if let Some(k) = &el.key {
                valid_index = false;
                match self.index_checked(k, len) {
                    Ok(Some(i)) => {
                        index = i as u64;
                        valid_index = true;
                    }
                    Ok(None) => {
                        let s = expr_string(k);
                        self.error(k.span, format!("index {s} must be integer constant"));
                    }
                    Err(()) => {}
                }
            }
            if valid_index {
                if let Some(n) = len {
                    if index >= n {
                        self.error(
                            el.key.as_ref().map(|k| k.span).unwrap_or(el.value.span),
                            format!("index {index} is out of bounds (>= {n})"),
                        );
                        valid_index = false;
                    }
                }
            }
            if valid_index && seen.insert(index, ()).is_some() {
                self.error(
                    el.key.as_ref().map(|k| k.span).unwrap_or(el.value.span),
                    format!("duplicate index {index} in array or slice literal"),
                );
            }
            let mut x = self.expr_hint(&el.value, Some(et));
            self.assignment(&mut x, et, "array or slice literal");
            index += 1;
            max = max.max(index);
        }
        max
    }
}

/// The type a struct literal's field value is checked against: Go elides
/// a composite literal's type only in the elements of arrays, slices and
/// maps, so an elided `{...}` for a field has no type to take.
fn field_hint(v: &Expr, field: TypeId) -> Option<TypeId> {
    match &v.kind {
        ExprKind::Composite { ty: None, .. } => None,
        _ => Some(field),
    }
}
