//! Untyped operands: whether a constant is representable in a type, the
//! implicit conversion of an untyped operand to the type its context asks
//! for (with Go's `truncated`/`overflows` wording), defaulting (`x := 1`),
//! and re-recording an expression tree with its final type so the code
//! generator never sees an untyped non-constant.

use super::*;

impl<'a> Checker<'a> {
    /// Whether constant `v` is representable in basic type `t` (typed or
    /// untyped), and its value there.
    pub(crate) fn represent(&self, v: &Value, from: TypeId, t: TypeId) -> Result<Value, ConvErr> {
        let Some(k) = self.tt.basic_kind(t) else {
            return Err(ConvErr::Invalid);
        };
        let ok_kind = match v {
            Value::Bool(_) => k.is_boolean(),
            Value::String(_) => k.is_string(),
            Value::Int(_) | Value::Float(_) | Value::Complex(..) => k.is_numeric(),
            Value::Unknown => return Ok(Value::Unknown),
        };
        if !ok_kind {
            return Err(ConvErr::Invalid);
        }
        if matches!(v, Value::Bool(_) | Value::String(_)) {
            return Ok(v.clone());
        }
        match v.represent(k) {
            Ok(v) => Ok(v),
            Err(_) => {
                if !self.tt.is_integer(from) && k.is_integer() {
                    Err(ConvErr::Truncated)
                } else {
                    Err(ConvErr::Overflow)
                }
            }
        }
    }

    /// Go's `implicitTypeAndValue`: the type (and value) untyped `x`
    /// takes in a context of type `target`.
    pub(crate) fn implicit_type(
        &self,
        x: &Operand,
        target: TypeId,
    ) -> Result<(TypeId, Option<Value>), ConvErr> {
        if x.mode == Mode::Invalid || !self.tt.is_untyped(x.ty) || self.tt.is_invalid(target) {
            return Ok((x.ty, None));
        }
        if self.tt.is_untyped(target) {
            // Both untyped: the "larger" kind wins.
            return match max_untyped(self.tt.basic_kind(x.ty), self.tt.basic_kind(target)) {
                Some(k) => Ok((self.tt.basic(k), None)),
                None => Err(ConvErr::Invalid),
            };
        }
        if self.is_fresh(target) {
            // Go's implicitTypeAndValue: `x` must take each type of the
            // type set; nil stays untyped.
            if !self.each_type(target, |c, u| c.implicit_type(x, u).is_ok()) {
                return Err(ConvErr::Invalid);
            }
            return Ok((if x.is_nil() { x.ty } else { target }, None));
        }
        if x.is_nil() {
            return if self.tt.has_nil(target) {
                Ok((target, None))
            } else {
                Err(ConvErr::Invalid)
            };
        }
        let u = self.tt.under(target);
        match self.tt.get(u) {
            Type::Basic(k, _) => {
                if x.mode == Mode::Constant {
                    let v = x.val.clone().unwrap_or(Value::Unknown);
                    let rv = self.represent(&v, x.ty, target)?;
                    return Ok((target, Some(rv)));
                }
                let xk = self.tt.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
                let ok = match xk {
                    BasicKind::UntypedBool => k.is_boolean(),
                    BasicKind::UntypedInt
                    | BasicKind::UntypedRune
                    | BasicKind::UntypedFloat
                    | BasicKind::UntypedComplex => k.is_numeric(),
                    BasicKind::UntypedString => k.is_string(),
                    _ => false,
                };
                if ok {
                    Ok((target, None))
                } else {
                    Err(ConvErr::Invalid)
                }
            }
            Type::Interface(i) => {
                if !i.methods.is_empty() {
                    return Err(ConvErr::Invalid);
                }
                Ok((self.tt.default_type(x.ty), None))
            }
            _ => Err(ConvErr::Invalid),
        }
    }

    /// Go's `convertUntyped` (binary operands, shifts, indices): converts
    /// `x` to `target` or reports `x overflows T` style errors.
    pub(crate) fn convert_untyped(&mut self, x: &mut Operand<'a>, target: TypeId) {
        match self.implicit_type(x, target) {
            Ok((t, v)) => {
                if let Some(v) = v {
                    x.val = Some(v);
                }
                if t != x.ty {
                    x.ty = t;
                    self.update_expr_type(x, t);
                }
            }
            Err(code) => {
                let t = if self.tt.is_untyped(target) || self.is_fresh(target) {
                    target
                } else {
                    self.tt.under(target)
                };
                self.invalid_conversion(code, x, t);
                x.mode = Mode::Invalid;
            }
        }
    }

    pub(crate) fn invalid_conversion(&mut self, code: ConvErr, x: &Operand, t: TypeId) {
        let d = self.operand_string(x);
        let ts = self.ts(t);
        let msg = match code {
            ConvErr::Truncated => format!("{d} truncated to {ts}"),
            ConvErr::Overflow => format!("{d} overflows {ts}"),
            ConvErr::Invalid => format!("cannot convert {d} to type {ts}"),
        };
        self.error(x.span(), msg);
    }

    /// Re-records an untyped expression (and the untyped operands it was
    /// computed from) with its final type.
    pub(crate) fn update_expr_type(&mut self, x: &Operand<'a>, t: TypeId) {
        if let Some(e) = x.expr {
            self.update_expr_tree(e, t, x.val.clone(), 0);
        }
    }

    fn update_expr_tree(&mut self, e: &'a Expr, t: TypeId, top_val: Option<Value>, depth: u32) {
        if depth > 1000 {
            return;
        }
        let Some(tv) = self.info.types.get_mut(&e.id) else {
            return;
        };
        if !self.tt.is_untyped(tv.ty) {
            return;
        }
        // nil takes the target type; other untyped values going into an
        // interface take their default type (the dynamic type).
        let final_t = if tv.ty == ids::UNTYPED_NIL {
            t
        } else if self.tt.is_interface(t) {
            self.tt.default_type(tv.ty)
        } else {
            t
        };
        tv.ty = final_t;
        if depth == 0 {
            if let Some(v) = top_val {
                if tv.mode == Mode::Constant {
                    tv.value = Some(Box::new(v));
                }
            }
        }
        let is_const = tv.mode == Mode::Constant;
        if is_const {
            // Constant operands are never materialised.
            return;
        }
        match &e.kind {
            ExprKind::Paren(x) => self.update_expr_tree(x, t, None, depth + 1),
            ExprKind::Unary(op, x) if *op != UnaryOp::Addr && *op != UnaryOp::Recv => {
                self.update_expr_tree(x, t, None, depth + 1)
            }
            ExprKind::Binary(op, l, r) if !op.is_comparison() => {
                self.update_expr_tree(l, t, None, depth + 1);
                if !matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
                    self.update_expr_tree(r, t, None, depth + 1);
                } else if !self.tt.is_integer(final_t) && !self.tt.is_untyped(final_t) {
                    let s = expr_string(l);
                    let ts = self.ts(final_t);
                    self.error(
                        l.span,
                        format!(
                            "invalid operation: shifted operand {s} (type {ts}) must be integer"
                        ),
                    );
                }
            }
            _ => {}
        }
    }

    /// Converts an untyped operand to its default type (for `x := 1`,
    /// interface contexts, and operands whose type no context fixes).
    pub(crate) fn default_untyped(&mut self, x: &mut Operand<'a>) {
        if x.mode != Mode::Invalid && self.tt.is_untyped(x.ty) && !x.is_nil() {
            let t = self.tt.default_type(x.ty);
            self.convert_untyped(x, t);
        }
    }
}

fn max_untyped(a: Option<BasicKind>, b: Option<BasicKind>) -> Option<BasicKind> {
    use BasicKind::*;
    let (a, b) = (a?, b?);
    if a == b {
        return Some(a);
    }
    let rank = |k| match k {
        UntypedInt => Some(1),
        UntypedRune => Some(2),
        UntypedFloat => Some(3),
        UntypedComplex => Some(4),
        _ => None,
    };
    match (rank(a), rank(b)) {
        (Some(x), Some(y)) => Some(if x >= y { a } else { b }),
        _ => None,
    }
}
