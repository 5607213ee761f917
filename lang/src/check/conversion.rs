//! Conversions `T(x)` (Go spec "Conversions").

use super::checker::Checker;
use super::expr::Operand;
use super::Mode;
use crate::ast::Expr;
use crate::constant::Value;
use crate::types::{ids, Type, TypeId};

impl<'a> Checker<'a> {
    fn is_const_type(&self, t: TypeId) -> bool {
        self.tt
            .basic_kind(t)
            .is_some_and(|k| k.is_boolean() || k.is_numeric() || k.is_string())
    }

    pub(crate) fn conversion(&mut self, e: &'a Expr, mut x: Operand<'a>, t: TypeId) -> Operand<'a> {
        if self.tt.is_invalid(t) {
            return Operand::invalid(e);
        }
        let const_arg = x.mode == Mode::Constant;
        let mut ok = false;
        let mut new_val = None;
        let mut cause = String::new();
        if const_arg && self.is_const_type(t) {
            let v = x.val.clone().unwrap_or(Value::Unknown);
            if let Ok(rv) = self.represent(&v, x.ty, t) {
                ok = true;
                new_val = Some(rv);
            } else if self.tt.is_integer(x.ty) && self.tt.is_string(t) {
                // string(65) == "A"; out-of-range code points give U+FFFD.
                let s = v
                    .to_i64()
                    .and_then(|c| u32::try_from(c).ok())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                ok = true;
                new_val = Some(Value::String(s.to_string().into_bytes()));
            }
            if !ok && self.tt.is_integer(x.ty) && self.tt.is_integer(t) {
                let ts = self.ts(t);
                self.error(x.span(), format!("constant {v} overflows {ts}"));
                return Operand::invalid(e);
            }
        } else if const_arg && self.is_fresh(t) {
            // The result is no constant: type parameters have none.
            match self.const_to_type_param(&x, t) {
                Ok(()) => ok = true,
                Err(c) => cause = c,
            }
        } else {
            match self.convertible_to(&x, t) {
                Ok(()) => ok = true,
                Err(c) => cause = c,
            }
        }
        if !ok {
            if const_arg && self.is_fresh(t) {
                // Go describes the operand once it took the mode of the
                // result: type parameters have no constants.
                x.mode = Mode::Value;
            }
            let d = self.operand_string(&x);
            let ts = self.ts(t);
            if cause.is_empty() {
                self.error(x.span(), format!("cannot convert {d} to type {ts}"));
            } else {
                self.error(
                    x.span(),
                    format!("cannot convert {d} to type {ts}: {cause}"),
                );
            }
            return Operand::invalid(e);
        }
        if self.tt.is_untyped(x.ty) {
            let final_t = if self.tt.is_interface(t) || (const_arg && !self.is_const_type(t)) {
                self.tt.default_type(x.ty)
            } else if const_arg && self.tt.is_integer(x.ty) && self.tt.is_string(t) {
                x.ty
            } else {
                t
            };
            if final_t != x.ty && !x.is_nil() {
                x.ty = final_t;
                self.update_expr_type(&x, final_t);
            } else if x.is_nil() {
                if let Some(a) = x.expr {
                    if let Some(tv) = self.info.types.get_mut(&a.id) {
                        tv.ty = t;
                    }
                }
            }
        }
        match new_val {
            Some(v) if const_arg => Operand {
                mode: Mode::Constant,
                ty: t,
                val: Some(v),
                expr: Some(e),
            },
            _ => Operand::new(Mode::Value, t, e),
        }
    }

    /// Go's `convertibleTo` for non-constant conversions.
    fn convertible_to(&mut self, x: &Operand<'a>, t: TypeId) -> Result<(), String> {
        if self.assignable_to(x, t).is_ok() {
            // Untyped constants that are not representable were handled by
            // the constant path; untyped non-constants fit their kind.
            return Ok(());
        }
        let v = x.ty;
        if self.is_fresh(v) || self.is_fresh(t) {
            return self.type_param_convertible(x, t);
        }
        let (vu, tu) = (self.tt.under(v), self.tt.under(t));
        if self.tt.identical_tags(vu, tu, false) {
            return Ok(());
        }
        if let (Type::Pointer(a), Type::Pointer(b)) =
            (self.tt.get(v).clone(), self.tt.get(t).clone())
        {
            if self
                .tt
                .identical_tags(self.tt.under(a), self.tt.under(b), false)
            {
                return Ok(());
            }
        }
        let vnum = self.tt.is_integer(vu) || self.tt.is_float(vu);
        let tnum = self.tt.is_integer(tu) || self.tt.is_float(tu);
        if vnum && tnum || self.tt.is_complex(vu) && self.tt.is_complex(tu) {
            return Ok(());
        }
        if self.tt.is_string(tu) {
            if self.tt.is_integer(vu) {
                return Ok(());
            }
            if let Type::Slice(e) = self.tt.get(vu) {
                if matches!(
                    self.tt.basic_kind(*e),
                    Some(crate::basic::BasicKind::Uint8 | crate::basic::BasicKind::Int32)
                ) {
                    return Ok(());
                }
            }
        }
        if self.tt.is_string(vu) {
            if let Type::Slice(e) = self.tt.get(tu) {
                if matches!(
                    self.tt.basic_kind(*e),
                    Some(crate::basic::BasicKind::Uint8 | crate::basic::BasicKind::Int32)
                ) {
                    return Ok(());
                }
            }
        }
        // Slice to array or array pointer of the same element type.
        if let Type::Slice(se) = self.tt.get(vu).clone() {
            match self.tt.get(tu).clone() {
                Type::Array(_, ae) if self.tt.identical(se, ae) => return Ok(()),
                Type::Pointer(p) => {
                    if let Type::Array(_, ae) = self.tt.get(self.tt.under(p)) {
                        if self.tt.identical(se, *ae) {
                            return Ok(());
                        }
                    }
                }
                _ => {}
            }
        }
        let _ = ids::INVALID;
        Err(String::new())
    }
}

/// Conversions from or to a type parameter (of a body under the generic
/// check, `genbody`): Go converts when every type of the type sets
/// converts, and names the first pair that does not.
impl<'a> Checker<'a> {
    /// The specific types of type parameter `t` (`None` without any).
    fn set_terms(&self, t: TypeId) -> Option<Vec<TypeId>> {
        let ts = self.fresh_tparams.get(&t)?.terms.as_ref()?;
        (!ts.is_empty()).then(|| ts.iter().map(|&(_, u)| u).collect())
    }

    /// Constant `x` converted to type parameter `t`.
    fn const_to_type_param(&mut self, x: &Operand<'a>, t: TypeId) -> Result<(), String> {
        let Some(terms) = self.set_terms(t) else {
            return Err(format!("{} does not contain specific types", self.ts(t)));
        };
        let v = x.val.clone().unwrap_or(Value::Unknown);
        for u in terms {
            let bytes_or_runes = matches!(self.tt.get(self.tt.under(u)), Type::Slice(e)
                if matches!(self.tt.basic_kind(*e), Some(crate::basic::BasicKind::Uint8 | crate::basic::BasicKind::Int32)));
            if self.tt.is_string(x.ty) && bytes_or_runes {
                continue;
            }
            let fits = self.is_const_type(u)
                && (self.represent(&v, x.ty, u).is_ok()
                    || self.tt.is_integer(x.ty) && self.tt.is_string(u));
            if fits {
                continue;
            }
            let (us, ts) = (self.ts(u), self.ts(t));
            return Err(if self.tt.is_integer(x.ty) && self.tt.is_integer(u) {
                format!("constant {v} overflows {us} (in {ts})")
            } else {
                let d = self.operand_string(x);
                format!("cannot convert {d} to type {us} (in {ts})")
            });
        }
        Ok(())
    }

    /// Non-constant `x` converted to `t`, one of them a type parameter.
    fn type_param_convertible(&mut self, x: &Operand<'a>, t: TypeId) -> Result<(), String> {
        let v = x.ty;
        if !self.is_fresh(v) {
            let Some(terms) = self.set_terms(t) else {
                return Err(String::new());
            };
            for u in terms {
                if self.convertible_to(x, u).is_err() {
                    let (vs, us, ts) = (self.ts(v), self.ts(u), self.ts(t));
                    return Err(format!("cannot convert {vs} to type {us} (in {ts})"));
                }
            }
            return Ok(());
        }
        let Some(vterms) = self.set_terms(v) else {
            return Err(String::new());
        };
        let tterms = if self.is_fresh(t) {
            match self.set_terms(t) {
                Some(ts) => Some(ts),
                None => return Err(String::new()),
            }
        } else {
            None
        };
        for vt in vterms {
            let y = Operand {
                mode: Mode::Value,
                ty: vt,
                val: None,
                expr: x.expr,
            };
            match &tterms {
                None => {
                    if self.convertible_to(&y, t).is_err() {
                        let (vs, ps, ts) = (self.ts(vt), self.ts(v), self.ts(t));
                        return Err(format!("cannot convert {vs} (in {ps}) to type {ts}"));
                    }
                }
                Some(tts) => {
                    for &u in tts {
                        if self.convertible_to(&y, u).is_err() {
                            let (vs, ps) = (self.ts(vt), self.ts(v));
                            let (us, ts) = (self.ts(u), self.ts(t));
                            return Err(format!(
                                "cannot convert {vs} (in {ps}) to type {us} (in {ts})"
                            ));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
