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
//!
//! This file holds the operand, the dispatch over expression kinds and
//! names; the rest is cut by what Go's spec treats as one topic:
//!
//! * `untyped`: representability and the implicit conversion of untyped
//!   operands, and re-recording a tree once its type is known;
//! * `operators`: unary, binary, comparison and shift operators, with
//!   constant folding and Go's overflow messages;
//! * `access`: index and slice expressions and type assertions.

mod access;
mod operators;
mod untyped;

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
    pub(crate) mode: Mode,
    pub(crate) ty: TypeId,
    pub(crate) val: Option<Value>,
    /// The expression (for messages and for re-recording its type).
    pub(crate) expr: Option<&'a Expr>,
}

impl<'a> Operand<'a> {
    pub(crate) fn invalid(e: &'a Expr) -> Operand<'a> {
        Operand {
            mode: Mode::Invalid,
            ty: ids::INVALID,
            val: None,
            expr: Some(e),
        }
    }
    pub(crate) fn new(mode: Mode, ty: TypeId, e: &'a Expr) -> Operand<'a> {
        Operand {
            mode,
            ty,
            val: None,
            expr: Some(e),
        }
    }
    pub(crate) fn constant(ty: TypeId, v: Value, e: &'a Expr) -> Operand<'a> {
        Operand {
            mode: Mode::Constant,
            ty,
            val: Some(v),
            expr: Some(e),
        }
    }
    pub(crate) fn span(&self) -> Span {
        self.expr.map(|e| e.span).unwrap_or_default()
    }
    pub(crate) fn is_nil(&self) -> bool {
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
            } else if let Some(c) = self.fresh_constraint(x.ty) {
                s.push_str(&format!(" of type {} constrained by {c}", self.ts(x.ty)));
                if self.fresh_set_empty(x.ty) {
                    s.push_str(" with empty type set");
                }
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
                        x.val.clone().map(Box::new)
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
            ExprKind::Int(text) | ExprKind::Float(text) | ExprKind::Imag(text)
                if text.len() > crate::constant::MAX_LITERAL_LEN =>
            {
                // Go's limit, before any digit is read.
                let head = text.get(..10).unwrap_or(text);
                let n = text.len();
                self.error(
                    e.span,
                    format!("excessively long constant: {head}... ({n} chars)"),
                );
                Operand::invalid(e)
            }
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
            ExprKind::Imag(text) => match Value::from_imag_literal(text) {
                Ok(v) => Operand::constant(ids::UNTYPED_COMPLEX, v, e),
                Err(_) => {
                    self.error(e.span, format!("malformed constant: {text}"));
                    Operand::invalid(e)
                }
            },
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
            ExprKind::Index(x, i) => self.index_expr(e, x, std::slice::from_ref(&**i)),
            ExprKind::IndexList(x, is) => self.index_expr(e, x, is),
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
                        // A type parameter through its core type.
                        let core = self.core_type(x.ty).unwrap_or(ids::INVALID);
                        match self.tt.pointer_elem(core) {
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
        if self.generic_without_instantiation(e, o) {
            return Operand::invalid(e);
        }
        let kind = self.tt.obj(o).kind.clone();
        let is_local_pkg = self.tt.obj(o).pkg == Some(self.pkg);
        if is_local_pkg {
            self.obj_decl(o);
            self.record_dep(o);
        }
        self.reach(o);
        let ty = self.tt.obj(o).ty;
        let is_universe = self.tt.obj(o).pkg.is_none();
        match kind {
            // Not a use of the import: only a selector is (`selector`
            // marks it); Go reports `x := fmt` and `"fmt" imported and not
            // used`.
            ObjKind::PkgName(_) => Operand::new(Mode::PkgName, ids::INVALID, e),
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
                    if name == "comparable" && !self.in_constraint {
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
                if self.named_terms.contains_key(&ty) && !self.in_constraint {
                    let s = expr_string(e);
                    self.error(
                        e.span,
                        format!("cannot use type {s} outside a type constraint: interface contains type constraints"),
                    );
                    return Operand::invalid(e);
                }
                if let Some(i) = self.tt.interface(ty).filter(|_| !self.in_constraint) {
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
            ObjKind::Builtin(b) => Operand::new(Mode::Builtin(b), ids::INVALID, e),
            ObjKind::Nil => Operand::new(Mode::Value, ids::UNTYPED_NIL, e),
            ObjKind::Label => Operand::invalid(e),
        }
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
