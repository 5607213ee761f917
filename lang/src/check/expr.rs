//! Expressions: operands, constants, operators, untyped conversion.
//!
//! Every expression evaluates to an [`Operand`]: its [`Mode`], type and,
//! for constants, exact value. The result is recorded in `info.types`.
//! Untyped operands get their final type from context (an assignment, the
//! other operand of a binary operator, a conversion); the conversion is
//! checked here ([`Checker::implicit_type`]) with Go's wording for the
//! failure (`truncated`, `overflows`), and [`Checker::update_expr_type`]
//! re-records the expression tree with the final type so the code generator
//! never sees an untyped non-constant.

use super::checker::Checker;
use super::exprstring::expr_string;
use super::{Mode, TypeAndValue};
use crate::ast::{BinaryOp, Expr, ExprKind, Span, UnaryOp};
use crate::basic::BasicKind;
use crate::constant::{ConstError, Value};
use crate::types::{ids, ObjKind, Type, TypeId};

/// The result of evaluating an expression.
#[derive(Clone, Debug)]
pub(crate) struct Operand<'a> {
    pub mode: Mode,
    pub ty: TypeId,
    pub val: Option<Value>,
    /// The expression (for messages and for re-recording its type).
    pub expr: Option<&'a Expr>,
}

impl<'a> Operand<'a> {
    pub fn invalid(e: &'a Expr) -> Operand<'a> {
        Operand {
            mode: Mode::Invalid,
            ty: ids::INVALID,
            val: None,
            expr: Some(e),
        }
    }
    pub fn new(mode: Mode, ty: TypeId, e: &'a Expr) -> Operand<'a> {
        Operand {
            mode,
            ty,
            val: None,
            expr: Some(e),
        }
    }
    pub fn constant(ty: TypeId, v: Value, e: &'a Expr) -> Operand<'a> {
        Operand {
            mode: Mode::Constant,
            ty,
            val: Some(v),
            expr: Some(e),
        }
    }
    pub fn span(&self) -> Span {
        self.expr.map(|e| e.span).unwrap_or_default()
    }
    pub fn is_nil(&self) -> bool {
        self.ty == ids::UNTYPED_NIL
    }
}

/// Why an untyped value cannot take a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConvErr {
    Truncated,
    Overflow,
    Invalid,
}

impl<'a> Checker<'a> {
    /// Go's description of an operand: `x (variable of type int)`.
    pub(crate) fn operand_string(&self, x: &Operand) -> String {
        if x.is_nil() && x.mode != Mode::Invalid {
            return "nil".to_string();
        }
        let expr = match x.expr {
            Some(e) => expr_string(e),
            None => match x.mode {
                Mode::TypeExpr => self.ts(x.ty),
                Mode::Constant => x.val.as_ref().map(|v| v.to_string()).unwrap_or_default(),
                _ => String::new(),
            },
        };
        let mut s = String::new();
        if !expr.is_empty() {
            s.push_str(&expr);
            s.push_str(" (");
        }
        let mut has_type = false;
        match x.mode {
            Mode::Invalid | Mode::NoValue | Mode::Builtin(_) | Mode::TypeExpr => {}
            _ => {
                if let Type::Basic(k, name) = self.tt.get(x.ty) {
                    if k.is_untyped() {
                        s.push_str(name);
                        s.push(' ');
                    } else {
                        has_type = true;
                    }
                } else {
                    has_type = true;
                }
            }
        }
        s.push_str(match x.mode {
            Mode::Invalid => "invalid operand",
            Mode::NoValue => "no value",
            Mode::Builtin(_) => "built-in",
            Mode::TypeExpr => "type",
            Mode::Constant => "constant",
            Mode::Variable => "variable",
            Mode::MapIndex => "map index expression",
            Mode::Value => "value",
            Mode::CommaOk => "comma, ok expression",
            Mode::PkgName => "package",
        });
        if x.mode == Mode::Constant {
            if let Some(v) = &x.val {
                let vs = v.to_string();
                if vs != expr {
                    s.push(' ');
                    s.push_str(&vs);
                }
            }
        }
        if has_type {
            if self.tt.is_invalid(x.ty) {
                s.push_str(" with invalid type");
            } else {
                let mut desc = String::new();
                if self.tt.is_named(x.ty) {
                    let k = self.tt.composite_kind(x.ty);
                    if k.is_empty() {
                        if let Type::Basic(_, n) = self.tt.get(self.tt.under(x.ty)) {
                            desc = format!("{n} ");
                        }
                    } else {
                        desc = format!("{k} ");
                    }
                }
                s.push_str(&format!(" of {desc}type {}", self.ts(x.ty)));
            }
        }
        if !expr.is_empty() {
            s.push(')');
        }
        s
    }

    pub(crate) fn record(&mut self, x: &Operand) {
        if let Some(e) = x.expr {
            if x.mode == Mode::Invalid {
                return;
            }
            self.info.types.insert(
                e.id,
                TypeAndValue {
                    mode: x.mode,
                    ty: x.ty,
                    value: if x.mode == Mode::Constant {
                        x.val.clone()
                    } else {
                        None
                    },
                },
            );
        }
    }

    /// Evaluates `e`, which must be a single value.
    pub(crate) fn expr(&mut self, e: &'a Expr) -> Operand<'a> {
        let x = self.raw_expr(e, None);
        self.single_value(x)
    }

    /// Evaluates `e` with a hint for elided composite literal types.
    pub(crate) fn expr_hint(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand<'a> {
        let x = self.raw_expr(e, hint);
        self.single_value(x)
    }

    pub(crate) fn single_value(&mut self, mut x: Operand<'a>) -> Operand<'a> {
        let span = x.span();
        match x.mode {
            Mode::Invalid => {}
            Mode::NoValue => {
                let s = x.expr.map(expr_string).unwrap_or_default();
                self.error(span, format!("{s} (no value) used as value"));
                x.mode = Mode::Invalid;
            }
            Mode::TypeExpr => {
                let s = x.expr.map(expr_string).unwrap_or_default();
                // Go places a function type at its parameter list.
                let span = match x.expr.map(|e| &e.kind) {
                    Some(ExprKind::FuncType(ft)) => Span::new(ft.span.lo, ft.span.lo),
                    _ => span,
                };
                self.error(span, format!("{s} (type) is not an expression"));
                x.mode = Mode::Invalid;
            }
            Mode::Builtin(b) => {
                let s = x.expr.map(expr_string).unwrap_or_default();
                self.error(
                    span,
                    format!("{s} (built-in function {}) must be called", b.name()),
                );
                x.mode = Mode::Invalid;
            }
            Mode::PkgName => {
                let s = x.expr.map(expr_string).unwrap_or_default();
                self.error(span, format!("use of package {s} not in selector"));
                x.mode = Mode::Invalid;
            }
            _ => {
                if let Type::Tuple(ts) = self.tt.get(x.ty) {
                    if !ts.is_empty() {
                        let d = self.operand_string(&x);
                        self.error(span, format!("multiple-value {d} in single-value context"));
                        x.mode = Mode::Invalid;
                    }
                }
            }
        }
        x
    }

    /// Evaluates `e` as a value or a type.
    pub(crate) fn expr_or_type(&mut self, e: &'a Expr) -> Operand<'a> {
        let x = self.raw_expr(e, None);
        match x.mode {
            Mode::NoValue | Mode::Builtin(_) | Mode::PkgName => self.single_value(x),
            _ => x,
        }
    }

    pub(crate) fn raw_expr(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand<'a> {
        let x = self.expr_kind(e, hint);
        self.record(&x);
        x
    }

    fn expr_kind(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand<'a> {
        match &e.kind {
            ExprKind::Bad => Operand::invalid(e),
            ExprKind::Ident(id) => self.ident(e, id),
            ExprKind::Int(text) => match Value::from_int_literal(text) {
                Ok(v) => Operand::constant(ids::UNTYPED_INT, v, e),
                Err(_) => {
                    self.error(e.span, format!("malformed constant: {text}"));
                    Operand::invalid(e)
                }
            },
            ExprKind::Float(text) => match Value::from_float_literal(text) {
                Ok(v) => Operand::constant(ids::UNTYPED_FLOAT, v, e),
                Err(_) => {
                    self.error(e.span, format!("malformed constant: {text}"));
                    Operand::invalid(e)
                }
            },
            ExprKind::Imag(_) => {
                self.error(e.span, "complex numbers are not supported by gol");
                Operand::invalid(e)
            }
            ExprKind::Rune(c) => Operand::constant(ids::UNTYPED_RUNE, Value::int(*c as i64), e),
            ExprKind::Str(b) => Operand::constant(ids::UNTYPED_STRING, Value::String(b.clone()), e),
            ExprKind::Composite { ty, elems, rbrace } => {
                self.composite_lit(e, ty.as_deref(), elems, *rbrace, hint)
            }
            ExprKind::FuncLit { ty, body } => {
                let sig = self.func_type(ty);
                // Function literals belong to the enclosing declaration
                // (for dependencies) and see its scopes.
                let saved_iota = self.iota.take();
                self.func_body(sig, ty, None, body);
                self.iota = saved_iota;
                Operand::new(Mode::Value, sig, e)
            }
            ExprKind::Paren(inner) => {
                let mut x = self.raw_expr(inner, hint);
                x.expr = Some(e);
                x
            }
            ExprKind::Selector(x, sel) => self.selector(e, x, sel),
            ExprKind::Index(x, i) => self.index_expr(e, x, i),
            ExprKind::Slice {
                x,
                lo,
                hi,
                max,
                three,
            } => self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref(), *three),
            ExprKind::TypeAssert { x, ty } => self.type_assert(e, x, ty.as_deref()),
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => self.call_expr(e, func, args, *ellipsis),
            ExprKind::Star(inner) => {
                let x = self.expr_or_type(inner);
                match x.mode {
                    Mode::Invalid => Operand::invalid(e),
                    Mode::TypeExpr => {
                        let p = self.tt.pointer(x.ty);
                        Operand::new(Mode::TypeExpr, p, e)
                    }
                    _ => {
                        let x = self.single_value(x);
                        if x.mode == Mode::Invalid {
                            return Operand::invalid(e);
                        }
                        if x.is_nil() {
                            self.error(e.span, "invalid operation: cannot indirect nil");
                            return Operand::invalid(e);
                        }
                        match self.tt.pointer_elem(x.ty) {
                            Some(elem) => Operand::new(Mode::Variable, elem, e),
                            None => {
                                let d = self.operand_string(&x);
                                self.error(
                                    x.span(),
                                    format!("invalid operation: cannot indirect {d}"),
                                );
                                Operand::invalid(e)
                            }
                        }
                    }
                }
            }
            ExprKind::Unary(op, inner) => self.unary(e, *op, inner, hint),
            ExprKind::Binary(op, l, r) => self.binary(e, *op, l, r),
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType(_)
            | ExprKind::MapType(..)
            | ExprKind::ChanType(..)
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_) => {
                let t = self.typexpr(e);
                if self.tt.is_invalid(t) {
                    Operand::invalid(e)
                } else {
                    Operand::new(Mode::TypeExpr, t, e)
                }
            }
        }
    }

    fn ident(&mut self, e: &'a Expr, id: &'a crate::ast::Ident) -> Operand<'a> {
        if id.is_blank() {
            self.error(id.span, "cannot use _ as value or type");
            return Operand::invalid(e);
        }
        let Some(o) = self.lookup(&id.name) else {
            self.error(id.span, format!("undefined: {}", id.name));
            return Operand::invalid(e);
        };
        self.info.uses.insert(id.id, o);
        self.use_object(e, o)
    }

    /// The operand an object denotes (shared by identifiers and qualified
    /// identifiers).
    pub(crate) fn use_object(&mut self, e: &'a Expr, o: crate::types::ObjId) -> Operand<'a> {
        let kind = self.tt.obj(o).kind.clone();
        let is_local_pkg = self.tt.obj(o).pkg == Some(self.pkg);
        if is_local_pkg {
            self.obj_decl(o);
            self.record_dep(o);
        }
        let ty = self.tt.obj(o).ty;
        let is_universe = self.tt.obj(o).pkg.is_none();
        match kind {
            ObjKind::PkgName(_) => {
                self.used.insert(o);
                Operand::new(Mode::PkgName, ids::INVALID, e)
            }
            ObjKind::Const(_) => {
                if is_universe && self.tt.obj(o).name == "iota" {
                    return match self.iota {
                        Some(v) => Operand::constant(ids::UNTYPED_INT, Value::int(v as i64), e),
                        None => {
                            self.error(e.span, "cannot use iota outside constant declaration");
                            Operand::invalid(e)
                        }
                    };
                }
                // Re-read: declaring may have computed the value.
                let ObjKind::Const(v) = self.tt.obj(o).kind.clone() else {
                    return Operand::invalid(e);
                };
                if self.tt.is_invalid(ty) || v == Value::Unknown {
                    return Operand::invalid(e);
                }
                Operand::constant(ty, v, e)
            }
            ObjKind::TypeName => {
                if is_universe {
                    let name = self.tt.obj(o).name.as_str();
                    if name == "complex64" || name == "complex128" {
                        self.error(e.span, "complex numbers are not supported by gol");
                        return Operand::invalid(e);
                    }
                    if name == "comparable" {
                        self.error(
                            e.span,
                            "cannot use type comparable outside a type constraint: interface is (or embeds) comparable",
                        );
                        return Operand::invalid(e);
                    }
                }
                if self.tt.is_invalid(ty) {
                    return Operand::invalid(e);
                }
                if let Some(i) = self.tt.interface(ty) {
                    if i.comparable {
                        let s = expr_string(e);
                        self.error(
                            e.span,
                            format!("cannot use type {s} outside a type constraint: interface is (or embeds) comparable"),
                        );
                        return Operand::invalid(e);
                    }
                }
                Operand::new(Mode::TypeExpr, ty, e)
            }
            ObjKind::Var(_) => {
                self.used.insert(o);
                if self.tt.is_invalid(ty) {
                    return Operand::invalid(e);
                }
                Operand::new(Mode::Variable, ty, e)
            }
            ObjKind::Func { .. } => {
                if self.tt.is_invalid(ty) {
                    return Operand::invalid(e);
                }
                Operand::new(Mode::Value, ty, e)
            }
            ObjKind::Builtin(b) => {
                if matches!(
                    b,
                    crate::types::Builtin::Complex
                        | crate::types::Builtin::Real
                        | crate::types::Builtin::Imag
                ) {
                    self.error(e.span, "complex numbers are not supported by gol");
                    return Operand::invalid(e);
                }
                Operand::new(Mode::Builtin(b), ids::INVALID, e)
            }
            ObjKind::Nil => Operand::new(Mode::Value, ids::UNTYPED_NIL, e),
            ObjKind::Label => Operand::invalid(e),
        }
    }

    // ---- untyped conversion ----

    /// Whether constant `v` is representable in basic type `t` (typed or
    /// untyped), and its value there.
    pub(crate) fn represent(&self, v: &Value, from: TypeId, t: TypeId) -> Result<Value, ConvErr> {
        let Some(k) = self.tt.basic_kind(t) else {
            return Err(ConvErr::Invalid);
        };
        let ok_kind = match v {
            Value::Bool(_) => k.is_boolean(),
            Value::String(_) => k.is_string(),
            Value::Int(_) | Value::Float(_) => k.is_numeric(),
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
                    BasicKind::UntypedInt | BasicKind::UntypedRune | BasicKind::UntypedFloat => {
                        k.is_numeric()
                    }
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
                let t = if self.tt.is_untyped(target) {
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
                    tv.value = Some(v);
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

    // ---- operators ----

    fn unary(
        &mut self,
        e: &'a Expr,
        op: UnaryOp,
        inner: &'a Expr,
        hint: Option<TypeId>,
    ) -> Operand<'a> {
        let x = if op == UnaryOp::Addr {
            // &T{} may elide T inside a composite literal of *T elements.
            let h = hint.and_then(|h| self.tt.pointer_elem(h));
            self.expr_hint(inner, h)
        } else {
            self.expr(inner)
        };
        if x.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        match op {
            UnaryOp::Addr => {
                let is_lit = matches!(unparen(inner).kind, ExprKind::Composite { .. });
                if !is_lit && x.mode != Mode::Variable {
                    let d = self.operand_string(&x);
                    self.error(
                        x.span(),
                        format!("invalid operation: cannot take address of {d}"),
                    );
                    return Operand::invalid(e);
                }
                self.mark_addressed(inner);
                let p = self.tt.pointer(x.ty);
                Operand::new(Mode::Value, p, e)
            }
            UnaryOp::Recv => {
                let u = self.tt.under(x.ty);
                match self.tt.get(u).clone() {
                    Type::Chan(dir, elem) => {
                        if dir == crate::types::ChanDir::Send {
                            let d = self.operand_string(&x);
                            let ts = self.ts(x.ty);
                            self.error(
                                x.span(),
                                format!("invalid operation: cannot receive from send-only channel {ts} {d}"),
                            );
                            return Operand::invalid(e);
                        }
                        Operand::new(Mode::CommaOk, elem, e)
                    }
                    _ => {
                        let d = self.operand_string(&x);
                        self.error(
                            x.span(),
                            format!("invalid operation: cannot receive from non-channel {d}"),
                        );
                        Operand::invalid(e)
                    }
                }
            }
            _ => {
                let ok = match op {
                    UnaryOp::Pos | UnaryOp::Neg => self.tt.is_numeric(x.ty),
                    UnaryOp::BitNot => self.tt.is_integer(x.ty),
                    UnaryOp::Not => self.tt.is_boolean(x.ty),
                    _ => false,
                };
                if !ok {
                    let d = self.operand_string(&x);
                    self.error(
                        x.span(),
                        format!(
                            "invalid operation: operator {} not defined on {d}",
                            op.as_str()
                        ),
                    );
                    return Operand::invalid(e);
                }
                if x.mode == Mode::Constant {
                    let k = self.tt.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
                    let v = x.val.clone().unwrap_or(Value::Unknown);
                    if v == Value::Unknown {
                        return Operand::constant(x.ty, v, e);
                    }
                    return match Value::unary(op, &v, k) {
                        Ok(v) => {
                            let r = Operand::constant(x.ty, v, e);
                            self.overflow(r)
                        }
                        Err(err) => {
                            self.const_error(e, err);
                            Operand::invalid(e)
                        }
                    };
                }
                Operand::new(Mode::Value, x.ty, e)
            }
        }
    }

    /// Marks the variable at the root of an addressed expression.
    pub(crate) fn mark_addressed(&mut self, e: &Expr) {
        let mut e = e;
        for _ in 0..1000 {
            match &e.kind {
                ExprKind::Paren(x) => e = x,
                ExprKind::Selector(x, _) => {
                    // Through a pointer the root is not addressed itself.
                    if let Some(s) = self.info.selections.get(&e.id) {
                        if s.indirect {
                            return;
                        }
                    }
                    e = x
                }
                ExprKind::Index(x, _) => {
                    if let Some(t) = self.info.type_of(x.id) {
                        if !matches!(self.tt.get(self.tt.under(t)), Type::Array(..)) {
                            return;
                        }
                    }
                    e = x
                }
                ExprKind::Ident(id) => {
                    if let Some(&o) = self.info.uses.get(&id.id) {
                        if let ObjKind::Var(_) = self.tt.obj(o).kind {
                            self.tt.obj_mut(o).addressed = true;
                        }
                    }
                    return;
                }
                _ => return,
            }
        }
    }

    fn const_error(&mut self, e: &Expr, err: ConstError) {
        match err {
            ConstError::DivisionByZero => self.error(e.span, "invalid operation: division by zero"),
            ConstError::TooLarge | ConstError::Overflow => {
                let op = match &e.kind {
                    ExprKind::Binary(op, ..) => opname(*op),
                    _ => "",
                };
                let op = if op.is_empty() {
                    String::new()
                } else {
                    format!("{op} ")
                };
                self.error(e.span, format!("constant {op}overflow"))
            }
            _ => {
                let s = expr_string(e);
                self.error(e.span, format!("invalid constant operation {s}"))
            }
        }
    }

    /// Go's `overflow`: typed constants must be representable in their
    /// type after every operation; untyped integers must stay below 512 bits.
    fn overflow(&mut self, mut x: Operand<'a>) -> Operand<'a> {
        let v = x.val.clone().unwrap_or(Value::Unknown);
        if !self.tt.is_untyped(x.ty) {
            match self.represent(&v, x.ty, x.ty) {
                Ok(v) => x.val = Some(v),
                Err(code) => {
                    let t = self.tt.under(x.ty);
                    self.invalid_conversion(code, &x, t);
                    x.mode = Mode::Invalid;
                }
            }
            return x;
        }
        if let Value::Int(i) = &v {
            if i.bits() > 512 {
                let op = match x.expr.map(|e| &e.kind) {
                    Some(ExprKind::Binary(op, ..)) => opname(*op),
                    _ => "",
                };
                let op = if op.is_empty() {
                    String::new()
                } else {
                    format!("{op} ")
                };
                self.error(x.span(), format!("constant {op}overflow"));
                x.val = Some(Value::Unknown);
            }
        }
        x
    }

    fn binary(&mut self, e: &'a Expr, op: BinaryOp, l: &'a Expr, r: &'a Expr) -> Operand<'a> {
        let x = self.expr(l);
        let y = self.expr(r);
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        self.binary_operands(Some(e), op, x, y, l, r)
    }

    /// `x op y` on evaluated operands; `e` is the binary expression, or
    /// `None` for an assignment operation `l op= r`.
    pub(crate) fn binary_operands(
        &mut self,
        e: Option<&'a Expr>,
        op: BinaryOp,
        mut x: Operand<'a>,
        mut y: Operand<'a>,
        l: &'a Expr,
        r: &'a Expr,
    ) -> Operand<'a> {
        let e_is_some = e.is_some();
        let re = e.unwrap_or(l);
        let e = re;
        let op_string = |_c: &Self| match e_is_some {
            true => expr_string(re),
            false => format!("{} {}= {}", expr_string(l), op.as_str(), expr_string(r)),
        };
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return self.shift(e, op, x, y);
        }
        self.match_types(&mut x, &mut y);
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        if op.is_comparison() {
            return self.comparison(e, op, x, y, None);
        }
        if !self.tt.identical(x.ty, y.ty) {
            if !self.tt.is_invalid(x.ty) && !self.tt.is_invalid(y.ty) {
                let s = op_string(self);
                let (a, b) = (self.ts(x.ty), self.ts(y.ty));
                self.error(
                    x.span(),
                    format!("invalid operation: {s} (mismatched types {a} and {b})"),
                );
            }
            return Operand::invalid(e);
        }
        if !self.binary_op_ok(&x, op) {
            return Operand::invalid(e);
        }
        if matches!(op, BinaryOp::Div | BinaryOp::Rem)
            && (x.mode == Mode::Constant || self.tt.is_integer(x.ty))
            && y.mode == Mode::Constant
            && is_zero(y.val.as_ref())
        {
            self.error(y.span(), "invalid operation: division by zero");
            return Operand::invalid(e);
        }
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            let (xv, yv) = (
                x.val.clone().unwrap_or(Value::Unknown),
                y.val.clone().unwrap_or(Value::Unknown),
            );
            if xv == Value::Unknown || yv == Value::Unknown {
                return Operand::constant(x.ty, Value::Unknown, e);
            }
            let integer = self.tt.is_integer(x.ty);
            return match Value::binary(op, &xv, &yv, integer) {
                Ok(v) => {
                    let r = Operand::constant(x.ty, v, e);
                    self.overflow(r)
                }
                Err(err) => {
                    self.const_error(e, err);
                    Operand::invalid(e)
                }
            };
        }
        Operand::new(Mode::Value, x.ty, e)
    }

    fn binary_op_ok(&mut self, x: &Operand, op: BinaryOp) -> bool {
        use BinaryOp::*;
        let t = x.ty;
        let ok = match op {
            Add => self.tt.is_numeric(t) || self.tt.is_string(t),
            Sub | Mul | Div => self.tt.is_numeric(t),
            Rem | And | Or | Xor | AndNot => self.tt.is_integer(t),
            LAnd | LOr => self.tt.is_boolean(t),
            _ => true,
        };
        if !ok {
            let d = self.operand_string(x);
            self.error(
                x.span(),
                format!(
                    "invalid operation: operator {} not defined on {d}",
                    op.as_str()
                ),
            );
        }
        ok
    }

    /// Go's `matchTypes`: converts an untyped operand towards the other
    /// operand's type where that can work.
    pub(crate) fn match_types(&mut self, x: &mut Operand<'a>, y: &mut Operand<'a>) {
        let may_convert = |c: &Self, x: &Operand, y: &Operand| -> bool {
            if !c.tt.is_untyped(x.ty) && !c.tt.is_untyped(y.ty) {
                return false;
            }
            if c.tt.is_numeric(x.ty) != c.tt.is_numeric(y.ty) {
                return false;
            }
            if c.tt.is_boolean(x.ty) != c.tt.is_boolean(y.ty) {
                return false;
            }
            if c.tt.is_string(x.ty) != c.tt.is_string(y.ty) {
                return false;
            }
            if x.is_nil() {
                return c.tt.has_nil(y.ty);
            }
            if y.is_nil() {
                return c.tt.has_nil(x.ty);
            }
            if c.tt.pointer_elem(x.ty).is_some() || c.tt.pointer_elem(y.ty).is_some() {
                return false;
            }
            true
        };
        if may_convert(self, x, y) {
            let yt = y.ty;
            self.convert_untyped(x, yt);
            if x.mode == Mode::Invalid {
                return;
            }
            let xt = x.ty;
            self.convert_untyped(y, xt);
            if y.mode == Mode::Invalid {
                x.mode = Mode::Invalid;
            }
        }
    }

    /// Comparison `x op y`; with `switch_tag` set, the message is the one
    /// of a switch case (`invalid case x in switch on y`).
    pub(crate) fn comparison(
        &mut self,
        e: &'a Expr,
        op: BinaryOp,
        mut x: Operand<'a>,
        mut y: Operand<'a>,
        switch_tag: Option<&'a Expr>,
    ) -> Operand<'a> {
        if self.tt.is_invalid(x.ty) || self.tt.is_invalid(y.ty) {
            return Operand::invalid(e);
        }
        let mut err_on_y = false;
        let mut cause = String::new();
        let ok = self.assignable_to(&x, y.ty).is_ok() || self.assignable_to(&y, x.ty).is_ok();
        let mut failed = false;
        if !ok {
            err_on_y = true;
            cause = format!("mismatched types {} and {}", self.ts(x.ty), self.ts(y.ty));
            failed = true;
        } else {
            match op {
                BinaryOp::Eq | BinaryOp::Ne => {
                    if self.nil_operand(&x) || self.nil_operand(&y) {
                        let t = if self.nil_operand(&x) { y.ty } else { x.ty };
                        if !self.tt.has_nil(t) || (self.nil_operand(&x) && self.nil_operand(&y)) {
                            err_on_y = true;
                            failed = true;
                        }
                    } else if !self.tt.comparable(x.ty) {
                        cause = self.incomparable_cause(x.ty);
                        failed = true;
                    } else if !self.tt.comparable(y.ty) {
                        err_on_y = true;
                        cause = self.incomparable_cause(y.ty);
                        failed = true;
                    }
                }
                _ => {
                    if !self.tt.is_ordered(x.ty) {
                        failed = true;
                    } else if !self.tt.is_ordered(y.ty) {
                        err_on_y = true;
                        failed = true;
                    }
                }
            }
        }
        if failed {
            let eo = if err_on_y { &y } else { &x };
            if cause.is_empty() {
                cause = format!(
                    "operator {} not defined on {}",
                    op.as_str(),
                    self.kind_string(eo.ty)
                );
            }
            let xs = x.expr.map(expr_string).unwrap_or_default();
            let ys = y.expr.map(expr_string).unwrap_or_default();
            if let Some(tag) = switch_tag {
                let _ = tag;
                self.error(
                    x.span(),
                    format!("invalid case {xs} in switch on {ys} ({cause})"),
                );
            } else {
                let span = eo.span();
                self.error(
                    span,
                    format!("invalid operation: {xs} {} {ys} ({cause})", op.as_str()),
                );
            }
            return Operand::invalid(e);
        }
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            let (xv, yv) = (
                x.val.clone().unwrap_or(Value::Unknown),
                y.val.clone().unwrap_or(Value::Unknown),
            );
            if xv == Value::Unknown || yv == Value::Unknown {
                return Operand::constant(ids::UNTYPED_BOOL, Value::Unknown, e);
            }
            return Operand::constant(
                ids::UNTYPED_BOOL,
                Value::Bool(Value::compare(op, &xv, &yv)),
                e,
            );
        }
        let (dx, dy) = (self.tt.default_type(x.ty), self.tt.default_type(y.ty));
        if dx != x.ty {
            x.ty = dx;
            self.update_expr_type(&x, dx);
        }
        if dy != y.ty {
            y.ty = dy;
            self.update_expr_type(&y, dy);
        }
        Operand::new(Mode::Value, ids::UNTYPED_BOOL, e)
    }

    /// Whether an operand is the predeclared `nil` (also after it took
    /// the type of the other operand).
    pub(crate) fn nil_operand(&self, x: &Operand) -> bool {
        if x.is_nil() {
            return true;
        }
        if let Some(e) = x.expr {
            if let ExprKind::Ident(id) = &unparen(e).kind {
                if let Some(&o) = self.info.uses.get(&id.id) {
                    return matches!(self.tt.obj(o).kind, ObjKind::Nil);
                }
            }
        }
        false
    }

    fn incomparable_cause(&self, t: TypeId) -> String {
        match self.tt.get(self.tt.under(t)) {
            Type::Slice(_) | Type::Func(_) | Type::Map(..) => {
                format!("{} can only be compared to nil", self.tt.composite_kind(t))
            }
            Type::Struct(fs) => {
                for f in fs {
                    if !self.tt.comparable(f.ty) {
                        return format!("struct containing {} cannot be compared", self.ts(f.ty));
                    }
                }
                String::new()
            }
            Type::Array(_, el) => format!("{} cannot be compared", self.ts(*el)),
            _ => String::new(),
        }
    }

    fn kind_string(&self, t: TypeId) -> String {
        let k = self.tt.composite_kind(t);
        if k.is_empty() {
            self.ts(t)
        } else {
            k.to_string()
        }
    }

    fn shift(
        &mut self,
        e: &'a Expr,
        op: BinaryOp,
        mut x: Operand<'a>,
        mut y: Operand<'a>,
    ) -> Operand<'a> {
        let xval = if x.mode == Mode::Constant {
            x.val.as_ref().and_then(|v| v.to_int())
        } else {
            None
        };
        let lhs_ok = self.tt.is_integer(x.ty) || (self.tt.is_untyped(x.ty) && xval.is_some());
        if !lhs_ok {
            let d = self.operand_string(&x);
            self.error(
                x.span(),
                format!("invalid operation: shifted operand {d} must be integer"),
            );
            return Operand::invalid(e);
        }
        let mut yval = None;
        if y.mode == Mode::Constant {
            yval = y.val.as_ref().and_then(|v| v.to_int());
            if let Some(v) = &yval {
                if v.sign() == num_bigint::Sign::Minus {
                    let d = self.operand_string(&y);
                    self.error(
                        y.span(),
                        format!("invalid operation: negative shift count {d}"),
                    );
                    return Operand::invalid(e);
                }
            }
            if self.tt.is_untyped(y.ty) {
                let v = y.val.clone().unwrap_or(Value::Unknown);
                match self.represent(&v, y.ty, ids::UINT) {
                    Ok(_) => {}
                    Err(code) => {
                        self.invalid_conversion(code, &y, ids::UINT);
                        return Operand::invalid(e);
                    }
                }
            }
        } else if self.tt.is_integer(y.ty) {
        } else if self.tt.is_untyped(y.ty) {
            self.convert_untyped(&mut y, ids::UINT);
            if y.mode == Mode::Invalid {
                return Operand::invalid(e);
            }
        } else {
            let d = self.operand_string(&y);
            self.error(
                y.span(),
                format!("invalid operation: shift count {d} must be integer"),
            );
            return Operand::invalid(e);
        }
        if x.mode == Mode::Constant {
            if y.mode == Mode::Constant {
                let (Some(xv), Some(yv)) = (xval, yval) else {
                    return Operand::constant(x.ty, Value::Unknown, e);
                };
                let s = u64::try_from(yv).ok().filter(|&s| s <= 1023 - 1 + 52);
                let Some(s) = s else {
                    let d = self.operand_string(&y);
                    self.error(
                        y.span(),
                        format!("invalid operation: invalid shift count {d}"),
                    );
                    return Operand::invalid(e);
                };
                if !self.tt.is_integer(x.ty) {
                    x.ty = ids::UNTYPED_INT;
                }
                return match Value::shift(op, &Value::Int(xv), s) {
                    Ok(v) => {
                        let r = Operand::constant(x.ty, v, e);
                        self.overflow(r)
                    }
                    Err(err) => {
                        self.const_error(e, err);
                        Operand::invalid(e)
                    }
                };
            }
            if self.tt.is_untyped(x.ty) {
                // A non-constant shift of an untyped constant: its type
                // is what the context would give the constant alone.
                return Operand::new(Mode::Value, x.ty, e);
            }
        }
        if !self.tt.is_integer(x.ty) {
            let d = self.operand_string(&x);
            self.error(
                x.span(),
                format!("invalid operation: shifted operand {d} must be integer"),
            );
            return Operand::invalid(e);
        }
        Operand::new(Mode::Value, x.ty, e)
    }

    // ---- type assertions ----

    fn type_assert(&mut self, e: &'a Expr, xe: &'a Expr, te: Option<&'a Expr>) -> Operand<'a> {
        let x = self.expr(xe);
        if x.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        let Some(te) = te else {
            self.error(
                e.span,
                "invalid syntax tree: use of .(type) outside type switch",
            );
            return Operand::invalid(e);
        };
        if !self.tt.is_interface(x.ty) {
            let d = self.operand_string(&x);
            self.error(
                x.span(),
                format!("invalid operation: {d} is not an interface"),
            );
            return Operand::invalid(e);
        }
        let t = self.typexpr(te);
        if self.tt.is_invalid(t) {
            return Operand::invalid(e);
        }
        self.check_type_assertion(e, x.ty, t, te.span);
        Operand::new(Mode::CommaOk, t, e)
    }

    /// Reports an impossible assertion of interface type `xt` to `t`.
    pub(crate) fn check_type_assertion(
        &mut self,
        e: &Expr,
        xt: TypeId,
        t: TypeId,
        _span: Span,
    ) -> bool {
        if self.tt.is_interface(t) {
            return true;
        }
        if let Some(cause) = self.missing_method_cause(t, xt, false) {
            let s = expr_string(e);
            self.error_with(
                crate::diag::Diagnostic::error(e.span, format!("impossible type assertion: {s}"))
                    .with_note(format!(
                        "{} does not implement {} {cause}",
                        self.ts(t),
                        self.ts(xt)
                    )),
            );
            return false;
        }
        true
    }

    // ---- index and slice ----

    fn index_expr(&mut self, e: &'a Expr, xe: &'a Expr, ie: &'a Expr) -> Operand<'a> {
        let x = self.expr_or_type(xe);
        if x.mode == Mode::Invalid {
            let _ = self.expr(ie);
            return Operand::invalid(e);
        }
        if x.mode == Mode::TypeExpr {
            let s = expr_string(xe);
            self.error(xe.span, format!("{s} is not a generic type"));
            return Operand::invalid(e);
        }
        let x = self.single_value(x);
        if x.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        let u = self.tt.under(x.ty);
        let (mode, elem, len) = match self.tt.get(u).clone() {
            Type::Basic(k, _) if k.is_string() => {
                let len = if x.mode == Mode::Constant {
                    match &x.val {
                        Some(Value::String(s)) => Some(s.len() as u64),
                        _ => None,
                    }
                } else {
                    None
                };
                (Mode::Value, ids::BYTE, len)
            }
            Type::Array(n, el) => {
                let m = if x.mode == Mode::Variable {
                    Mode::Variable
                } else {
                    Mode::Value
                };
                (m, el, Some(n))
            }
            Type::Pointer(p) => match self.tt.get(self.tt.under(p)).clone() {
                Type::Array(n, el) => (Mode::Variable, el, Some(n)),
                _ => return self.cannot_index(e, &x, ie),
            },
            Type::Slice(el) => (Mode::Variable, el, None),
            Type::Map(k, v) => {
                let mut key = self.expr(ie);
                if key.mode != Mode::Invalid {
                    self.assignment(&mut key, k, "map index");
                }
                return Operand::new(Mode::MapIndex, v, e);
            }
            _ => return self.cannot_index(e, &x, ie),
        };
        self.index_value(ie, len);
        // Indexing a constant string with a constant index is not constant.
        Operand::new(mode, elem, e)
    }

    fn cannot_index(&mut self, e: &'a Expr, x: &Operand, ie: &'a Expr) -> Operand<'a> {
        let _ = self.expr(ie);
        let d = self.operand_string(x);
        self.error(x.span(), format!("invalid operation: cannot index {d}"));
        Operand::invalid(e)
    }

    /// Checks an index (or slice bound): an integer, non-negative when
    /// constant, below `len` when both are known. Returns its value if constant.
    pub(crate) fn index_value(&mut self, ie: &'a Expr, len: Option<u64>) -> Option<i64> {
        let mut x = self.expr(ie);
        if x.mode == Mode::Invalid {
            return None;
        }
        if x.mode == Mode::Constant && self.tt.is_untyped(x.ty) {
            self.convert_untyped(&mut x, ids::INT);
            if x.mode == Mode::Invalid {
                return None;
            }
        } else {
            self.default_untyped(&mut x);
        }
        if !self.tt.is_integer(x.ty) {
            let d = self.operand_string(&x);
            self.error(
                x.span(),
                format!("invalid argument: index {d} must be integer"),
            );
            return None;
        }
        if x.mode == Mode::Constant {
            let v = x.val.as_ref().and_then(|v| v.to_i64());
            if let Some(v) = v {
                if v < 0 {
                    let d = self.operand_string(&x);
                    self.error(
                        x.span(),
                        format!("invalid argument: index {d} must not be negative"),
                    );
                    return None;
                }
                if let Some(n) = len {
                    if v as u64 >= n {
                        let s = expr_string(ie);
                        self.error(
                            x.span(),
                            format!("invalid argument: index {s} out of bounds [0:{n}]"),
                        );
                        return None;
                    }
                }
            }
            return v;
        }
        None
    }

    fn slice_expr(
        &mut self,
        e: &'a Expr,
        xe: &'a Expr,
        lo: Option<&'a Expr>,
        hi: Option<&'a Expr>,
        max: Option<&'a Expr>,
        three: bool,
    ) -> Operand<'a> {
        let x = self.expr(xe);
        if x.mode == Mode::Invalid {
            for b in [lo, hi, max].into_iter().flatten() {
                let _ = self.expr(b);
            }
            return Operand::invalid(e);
        }
        let u = self.tt.under(x.ty);
        let mut len = None;
        let result = match self.tt.get(u).clone() {
            Type::Basic(k, _) if k.is_string() => {
                if three {
                    let at = max.map(|m| m.span).unwrap_or(e.span);
                    self.error(at, "invalid operation: 3-index slice of string");
                    return Operand::invalid(e);
                }
                if let Some(Value::String(s)) = &x.val {
                    len = Some(s.len() as u64);
                }
                if self.tt.is_untyped(x.ty) {
                    ids::STRING
                } else {
                    x.ty
                }
            }
            Type::Array(n, el) => {
                if x.mode != Mode::Variable {
                    let d = self.operand_string(&x);
                    self.error(
                        x.span(),
                        format!("invalid operation: {d} (slice of unaddressable value)"),
                    );
                    return Operand::invalid(e);
                }
                self.mark_addressed(xe);
                len = Some(n);
                self.tt.slice(el)
            }
            Type::Pointer(p) => match self.tt.get(self.tt.under(p)).clone() {
                Type::Array(n, el) => {
                    len = Some(n);
                    self.tt.slice(el)
                }
                _ => return self.cannot_slice(e, &x),
            },
            Type::Slice(_) => x.ty,
            _ => return self.cannot_slice(e, &x),
        };
        if three && (hi.is_none() || max.is_none()) {
            self.error(e.span, "middle index required in 3-index slice");
        }
        let cap = len.map(|n| n + 1);
        let mut vals = Vec::new();
        for b in [lo, hi, max] {
            match b {
                Some(b) => vals.push(self.index_value(b, cap)),
                None => vals.push(None),
            }
        }
        // Constant indices must be non-decreasing.
        let known: Vec<i64> = vals.iter().flatten().copied().collect();
        for w in known.windows(2) {
            if w[0] > w[1] {
                self.error(
                    e.span,
                    format!("invalid slice indices: {} < {}", w[1], w[0]),
                );
                break;
            }
        }
        Operand::new(Mode::Value, result, e)
    }

    fn cannot_slice(&mut self, e: &'a Expr, x: &Operand) -> Operand<'a> {
        let d = self.operand_string(x);
        self.error(x.span(), format!("cannot slice {d}"));
        Operand::invalid(e)
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
        _ => None,
    };
    match (rank(a), rank(b)) {
        (Some(x), Some(y)) => Some(if x >= y { a } else { b }),
        _ => None,
    }
}

fn is_zero(v: Option<&Value>) -> bool {
    use num_traits::Zero;
    match v {
        Some(Value::Int(i)) => i.is_zero(),
        Some(Value::Float(f)) => f.is_zero(),
        _ => false,
    }
}

fn opname(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "addition",
        BinaryOp::Sub => "subtraction",
        BinaryOp::Mul => "multiplication",
        BinaryOp::Shl => "shift",
        _ => "",
    }
}

/// `e` without enclosing parentheses.
pub(crate) fn unparen(e: &Expr) -> &Expr {
    let mut e = e;
    while let ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    e
}
