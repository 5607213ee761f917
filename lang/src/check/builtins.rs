//! The builtin functions: append, cap, clear, close, copy, delete, len,
//! make, max, min, new, panic, print, println, recover, complex, real and
//! imag.

use super::checker::Checker;
use super::expr::{unparen, Operand};
use super::exprstring::expr_string;
use super::Mode;
use crate::ast::{Expr, ExprKind, Span, UnaryOp};
use crate::constant::Value;
use crate::types::{ids, Builtin, ChanDir, Type, TypeId};

impl<'a> Checker<'a> {
    pub(crate) fn builtin(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        args: &'a [Expr],
        ellipsis: Option<Span>,
    ) -> Operand<'a> {
        let (nargs, variadic) = match b {
            Builtin::Append | Builtin::Make | Builtin::Max | Builtin::Min => (1, true),
            Builtin::Print | Builtin::Println => (0, true),
            Builtin::Recover => (0, false),
            Builtin::Copy | Builtin::Delete | Builtin::Complex => (2, false),
            _ => (1, false),
        };
        if let Some(sp) = ellipsis {
            if b != Builtin::Append {
                let s = expr_string(e);
                self.error(
                    sp,
                    format!(
                        "invalid operation: invalid use of ... with built-in {}",
                        b.name()
                    ),
                );
                let _ = s;
                for a in args {
                    let _ = self.raw_expr(a, None);
                }
                return Operand::invalid(e);
            }
        }
        // copy(f()), delete(f()), append(f()), complex(f()): a call with
        // several results supplies all the arguments, as for a function.
        let mut first: Option<Operand<'a>> = None;
        let mut tuple: Option<Vec<Operand<'a>>> = None;
        if args.len() == 1
            && ellipsis.is_none()
            && matches!(
                b,
                Builtin::Copy | Builtin::Delete | Builtin::Append | Builtin::Complex
            )
        {
            let x = self.raw_expr(&args[0], None);
            match self.tt.get(x.ty).clone() {
                Type::Tuple(ts)
                    if ts.len() > 1 && x.mode != Mode::Invalid && x.mode != Mode::NoValue =>
                {
                    tuple = Some(
                        ts.iter()
                            .map(|&t| Operand::new(Mode::Value, t, &args[0]))
                            .collect(),
                    );
                }
                _ => first = Some(self.single_value(x)),
            }
        }
        let n = tuple.as_ref().map_or(args.len(), |t| t.len());
        if n < nargs || (!variadic && n > nargs) {
            let msg = if n < nargs { "not enough" } else { "too many" };
            let s = expr_string(e);
            // Go evaluates the arguments first (but those of make and
            // new): an invalid one was reported, the count is not.
            let mut valid = first.as_ref().is_none_or(|x| x.mode != Mode::Invalid);
            if first.is_none() && tuple.is_none() {
                for a in args {
                    valid &= self.raw_expr(a, None).mode != Mode::Invalid;
                }
            }
            if !valid && !matches!(b, Builtin::Make | Builtin::New) {
                return Operand::invalid(e);
            }
            let span = e.span;
            self.error(
                span,
                format!("invalid operation: {msg} arguments for {s} (expected {nargs}, found {n})"),
            );
            return Operand::invalid(e);
        }
        match b {
            Builtin::Len | Builtin::Cap => self.builtin_len_cap(e, b, args),
            Builtin::Append => self.builtin_append(e, args, ellipsis, tuple, first),
            Builtin::Clear => self.builtin_clear(e, args),
            Builtin::Close => self.builtin_close(e, args),
            Builtin::Copy => self.builtin_copy(e, args, tuple),
            Builtin::Delete => self.builtin_delete(e, args, tuple),
            Builtin::Make => self.builtin_make(e, args),
            Builtin::Max | Builtin::Min => self.min_max(e, b, args),
            Builtin::New => self.builtin_new(e, args),
            Builtin::Panic => {
                let mut x = self.expr(&args[0]);
                self.assignment(&mut x, ids::EMPTY_INTERFACE, "argument to panic");
                Operand::new(Mode::NoValue, ids::VOID, e)
            }
            Builtin::Print | Builtin::Println => self.builtin_print(e, b, args),
            Builtin::Recover => Operand::new(Mode::Value, ids::EMPTY_INTERFACE, e),
            Builtin::Complex => self.builtin_complex(e, args, tuple),
            Builtin::Real | Builtin::Imag => self.builtin_real_imag(e, b, args),
        }
    }

    /// `complex(re, im)`: two floats of one type make the complex type of
    /// their width (float32 -> complex64, float64 -> complex128, untyped
    /// float -> untyped complex); constants fold. Untyped constant
    /// arguments are floats when their imaginary part is zero, as Go's
    /// checker does.
    fn builtin_complex(
        &mut self,
        e: &'a Expr,
        args: &'a [Expr],
        tuple: Option<Vec<Operand<'a>>>,
    ) -> Operand<'a> {
        let (mut x, mut y) = match tuple {
            Some(t) => (t[0].clone(), t[1].clone()),
            None => (self.expr(&args[0]), self.expr(&args[1])),
        };
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        match (self.tt.is_untyped(x.ty), self.tt.is_untyped(y.ty)) {
            (false, false) => {}
            (true, false) => {
                let t = y.ty;
                self.convert_untyped(&mut x, t);
            }
            (false, true) => {
                let t = x.ty;
                self.convert_untyped(&mut y, t);
            }
            (true, true) => {
                if x.mode == Mode::Constant && y.mode == Mode::Constant {
                    for z in [&mut x, &mut y] {
                        let real = z
                            .val
                            .as_ref()
                            .and_then(|v| v.imag_part())
                            .is_some_and(|im| im == Value::Float(Default::default()));
                        if self.tt.is_numeric(z.ty) && real {
                            z.ty = ids::UNTYPED_FLOAT;
                        }
                    }
                } else {
                    self.convert_untyped(&mut x, ids::FLOAT64);
                    self.convert_untyped(&mut y, ids::FLOAT64);
                }
            }
        }
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        if !self.tt.identical(x.ty, y.ty) {
            let (a, b) = (self.ts(x.ty), self.ts(y.ty));
            let s = expr_string(e);
            self.error(
                x.span(),
                format!("invalid operation: {s} (mismatched types {a} and {b})"),
            );
            return Operand::invalid(e);
        }
        let res = match self.tt.basic_kind(x.ty) {
            Some(crate::basic::BasicKind::Float32) => ids::COMPLEX64,
            Some(crate::basic::BasicKind::Float64) => ids::COMPLEX128,
            Some(crate::basic::BasicKind::UntypedFloat) => ids::UNTYPED_COMPLEX,
            _ => {
                let ts = self.ts(x.ty);
                self.error(
                    x.span(),
                    format!("invalid argument: arguments have type {ts}, expected floating-point"),
                );
                return Operand::invalid(e);
            }
        };
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            let v = match (
                x.val.as_ref().and_then(|v| v.real_part()),
                y.val.as_ref().and_then(|v| v.real_part()),
            ) {
                (Some(Value::Float(re)), Some(Value::Float(im))) => Value::Complex(re, im),
                _ => Value::Unknown,
            };
            return Operand::constant(res, v, e);
        }
        Operand::new(Mode::Value, res, e)
    }

    /// `real(z)` and `imag(z)`: the float type of a complex type's parts
    /// (complex64 -> float32); a constant argument folds, and an untyped
    /// constant number counts as complex.
    fn builtin_real_imag(&mut self, e: &'a Expr, b: Builtin, args: &'a [Expr]) -> Operand<'a> {
        let mut x = self.expr(&args[0]);
        if x.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        if self.tt.is_untyped(x.ty) {
            if x.mode == Mode::Constant {
                if self.tt.is_numeric(x.ty) {
                    x.ty = ids::UNTYPED_COMPLEX;
                }
            } else {
                self.convert_untyped(&mut x, ids::COMPLEX128);
                if x.mode == Mode::Invalid {
                    return Operand::invalid(e);
                }
            }
        }
        let res = match self.tt.basic_kind(x.ty) {
            Some(crate::basic::BasicKind::Complex64) => ids::FLOAT32,
            Some(crate::basic::BasicKind::Complex128) => ids::FLOAT64,
            Some(crate::basic::BasicKind::UntypedComplex) => ids::UNTYPED_FLOAT,
            _ => {
                let ts = self.ts(x.ty);
                self.error(
                    x.span(),
                    format!("invalid argument: argument has type {ts}, expected complex type"),
                );
                return Operand::invalid(e);
            }
        };
        if x.mode == Mode::Constant {
            let v = x.val.as_ref().and_then(|v| {
                if b == Builtin::Real {
                    v.real_part()
                } else {
                    v.imag_part()
                }
            });
            return Operand::constant(res, v.unwrap_or(Value::Unknown), e);
        }
        Operand::new(Mode::Value, res, e)
    }

    /// `len` and `cap`: constant for strings and arrays (when the operand
    /// has no call or receive), a value otherwise.
    fn builtin_len_cap(&mut self, e: &'a Expr, b: Builtin, args: &'a [Expr]) -> Operand<'a> {
        let bname = b.name();
        let x = self.expr(&args[0]);
        if x.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        let u = self.tt.under(x.ty);
        let mut ok = true;
        let mut val = None;
        if self.is_fresh(x.ty) {
            // Every type of a type parameter's set must have a length.
            let cap = b == Builtin::Cap;
            ok = self.each_type(x.ty, |c, u| match c.tt.get(c.tt.under(u)) {
                Type::Basic(k, _) => k.is_string() && !cap,
                Type::Map(..) => !cap,
                Type::Pointer(p) => matches!(c.tt.get(c.tt.under(*p)), Type::Array(..)),
                Type::Array(..) | Type::Slice(_) | Type::Chan(..) => true,
                _ => false,
            });
        } else {
            match self.tt.get(u).clone() {
                Type::Basic(k, _) if k.is_string() && b == Builtin::Len => {
                    if let Some(Value::String(s)) = &x.val {
                        val = Some(Value::int(s.len() as i64));
                    }
                }
                Type::Array(n, _) => {
                    if !has_call_or_recv(&args[0], 0) {
                        val = Some(Value::int(n as i64));
                    }
                }
                Type::Pointer(p) => match self.tt.get(self.tt.under(p)) {
                    Type::Array(n, _) => {
                        if !has_call_or_recv(&args[0], 0) {
                            val = Some(Value::int(*n as i64));
                        }
                    }
                    _ => ok = false,
                },
                Type::Slice(_) | Type::Chan(..) => {}
                Type::Map(..) if b == Builtin::Len => {}
                _ => ok = false,
            }
        }
        if !ok {
            let d = self.operand_string(&x);
            self.error(
                x.span(),
                format!("invalid argument: {d} for built-in {bname}"),
            );
            return Operand::invalid(e);
        }
        match val {
            Some(v) => Operand::constant(ids::INT, v, e),
            None => Operand::new(Mode::Value, ids::INT, e),
        }
    }

    /// `append(s, x...)`, `append(s, xs...)`, `append([]byte, string...)`;
    /// `tuple` holds the results of a multi-value call that supplies all
    /// arguments, `first` the first argument if already evaluated.
    fn builtin_append(
        &mut self,
        e: &'a Expr,
        args: &'a [Expr],
        ellipsis: Option<Span>,
        tuple: Option<Vec<Operand<'a>>>,
        mut first: Option<Operand<'a>>,
    ) -> Operand<'a> {
        let mut s = match (&tuple, first.take()) {
            (Some(t), _) => t[0].clone(),
            (None, Some(x)) => x,
            (None, None) => self.expr(&args[0]),
        };
        if s.mode == Mode::Invalid {
            for a in &args[1..] {
                let _ = self.raw_expr(a, None);
            }
            return Operand::invalid(e);
        }
        if s.is_nil() {
            self.error(
                s.span(),
                "first argument to append must be a typed slice; found untyped nil",
            );
            return Operand::invalid(e);
        }
        // A type parameter appends through its core type.
        let core = self.core_type(s.ty).unwrap_or(ids::INVALID);
        let Type::Slice(elem) = self.tt.get(core).clone() else {
            let d = self.operand_string(&s);
            self.error(
                s.span(),
                format!("invalid append: argument must be a slice; have {d}"),
            );
            for a in &args[1..] {
                let _ = self.raw_expr(a, None);
            }
            return Operand::invalid(e);
        };
        let st = s.ty;
        s.mode = Mode::Value;
        if ellipsis.is_some() {
            if args.len() != 2 {
                // Go checks the call as one of func(S, ...E) S: a count
                // that is not two is worded as for a function.
                let mut have = vec![st];
                for a in &args[1..] {
                    let x = self.raw_expr(a, None);
                    if x.mode == Mode::Invalid {
                        return Operand::invalid(e);
                    }
                    have.push(x.ty);
                }
                let (q, at) = match args.get(2) {
                    Some(extra) => ("too many", extra.span),
                    None => ("not enough", args[args.len() - 1].span),
                };
                let h = self.types_summary(&have, false, true);
                let es = self.tt.slice(elem);
                let w = self.types_summary(&[st, es], true, false);
                self.error_with(
                    crate::diag::Diagnostic::error(at, format!("{q} arguments in call to append"))
                        .with_note(format!("have {h}"))
                        .with_note(format!("want {w}")),
                );
                return Operand::invalid(e);
            }
            let mut x = self.expr(&args[1]);
            if x.mode == Mode::Invalid {
                return Operand::invalid(e);
            }
            // append([]byte, string...) is allowed.
            let is_bytes = matches!(
                self.tt.basic_kind(elem),
                Some(crate::basic::BasicKind::Uint8)
            );
            // So is a type parameter whose every type is a string or a
            // []byte (Go's core type "bytestring").
            let bytestring = |c: &Self, u: TypeId| {
                c.tt.is_string(u)
                    || matches!(c.tt.get(c.tt.under(u)), Type::Slice(b)
                        if matches!(c.tt.basic_kind(*b), Some(crate::basic::BasicKind::Uint8)))
            };
            if is_bytes
                && (self.tt.is_string(x.ty)
                    || self.is_fresh(x.ty) && self.each_type(x.ty, bytestring))
            {
                if self.tt.is_untyped(x.ty) {
                    self.convert_untyped(&mut x, ids::STRING);
                }
                return Operand::new(Mode::Value, st, e);
            }
            // The spec asks for a value assignable to []E, not to
            // the first argument's type: append(a, b...) with two
            // named slice types of one element type is valid.
            let want = self.tt.slice(elem);
            self.assignment(&mut x, want, "argument to append");
            return Operand::new(Mode::Value, st, e);
        }
        if let Some(t) = tuple {
            for mut x in t.into_iter().skip(1) {
                self.assignment(&mut x, elem, "argument to append");
            }
            return Operand::new(Mode::Value, st, e);
        }
        for a in &args[1..] {
            let mut x = self.expr_hint(a, Some(elem));
            self.assignment(&mut x, elem, "argument to append");
        }
        Operand::new(Mode::Value, st, e)
    }

    /// `clear(m)` and `clear(s)`.
    fn builtin_clear(&mut self, e: &'a Expr, args: &'a [Expr]) -> Operand<'a> {
        let x = self.expr(&args[0]);
        if x.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        // Of a type parameter, every type of its set (Go's `underIs`).
        let clearable = self
            .set_unders(x.ty)
            .into_iter()
            .all(|u| u.is_some_and(|u| matches!(self.tt.get(u), Type::Map(..) | Type::Slice(_))));
        if !clearable {
            let d = self.operand_string(&x);
            self.error(
                x.span(),
                format!("invalid argument: cannot clear {d}: argument must be (or constrained by) map or slice"),
            );
            return Operand::invalid(e);
        }
        Operand::new(Mode::NoValue, ids::VOID, e)
    }

    /// `close(c)`: every type of `c`'s type set a channel, none
    /// receive-only (Go's `underIs`: a type parameter without specific
    /// types is no channel).
    fn builtin_close(&mut self, e: &'a Expr, args: &'a [Expr]) -> Operand<'a> {
        let x = self.expr(&args[0]);
        if x.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        for u in self.set_unders(x.ty) {
            let why = match u.map(|u| self.tt.get(u)) {
                Some(Type::Chan(ChanDir::Recv, _)) => "receive-only channel",
                Some(Type::Chan(..)) => continue,
                _ => "non-channel",
            };
            let d = self.operand_string(&x);
            self.error(
                x.span(),
                format!("invalid operation: cannot close {why} {d}"),
            );
            return Operand::invalid(e);
        }
        Operand::new(Mode::NoValue, ids::VOID, e)
    }

    /// `copy(dst, src)`, also from a string into a byte slice.
    fn builtin_copy(
        &mut self,
        e: &'a Expr,
        args: &'a [Expr],
        tuple: Option<Vec<Operand<'a>>>,
    ) -> Operand<'a> {
        let (dst, mut src) = match &tuple {
            Some(t) => (t[0].clone(), t[1].clone()),
            None => (self.expr(&args[0]), self.expr(&args[1])),
        };
        if dst.mode == Mode::Invalid || src.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        // Go's rule for type parameters too: every type of each set is a
        // slice with one element type, or (the source) a string.
        let de = match self.slice_elem(&dst) {
            Ok(de) => de,
            Err(why) => {
                self.error(dst.span(), format!("invalid copy: {why}"));
                return Operand::invalid(e);
            }
        };
        let src_unders = self.set_unders(src.ty);
        let special = matches!(self.tt.basic_kind(de), Some(crate::basic::BasicKind::Uint8))
            && src_unders.iter().all(|u| {
                u.is_some_and(|u| match self.tt.get(u) {
                    Type::Slice(el) => {
                        matches!(
                            self.tt.basic_kind(*el),
                            Some(crate::basic::BasicKind::Uint8)
                        )
                    }
                    _ => self.tt.is_string(u),
                })
            });
        if special {
            if self.tt.is_untyped(src.ty) {
                self.convert_untyped(&mut src, ids::STRING);
            }
            return Operand::new(Mode::Value, ids::INT, e);
        }
        let se = match self.slice_elem(&src) {
            Ok(se) => se,
            // copy([]T, string) with T not byte: element types differ.
            Err(_)
                if src_unders
                    .iter()
                    .all(|u| u.is_some_and(|u| self.tt.is_string(u))) =>
            {
                ids::BYTE
            }
            Err(why) => {
                self.error(src.span(), format!("invalid copy: {why}"));
                return Operand::invalid(e);
            }
        };
        if !self.tt.identical(de, se) {
            let (a, bb) = (self.operand_string(&dst), self.operand_string(&src));
            let (x, y) = (self.ts(de), self.ts(se));
            self.error(
                dst.span(),
                format!(
                    "invalid copy: arguments {a} and {bb} have different element types {x} and {y}"
                ),
            );
            return Operand::invalid(e);
        }
        Operand::new(Mode::Value, ids::INT, e)
    }

    /// The element type of slice operand `x`: of every type of its set
    /// for a type parameter. `Err`: Go's reason, after `invalid copy: `.
    fn slice_elem(&self, x: &Operand<'a>) -> Result<TypeId, String> {
        let mut elem: Option<TypeId> = None;
        for u in self.set_unders(x.ty) {
            let Some(Type::Slice(el)) = u.map(|u| self.tt.get(u)) else {
                if x.ty == ids::UNTYPED_NIL {
                    return Err("argument must be a slice; have untyped nil".to_string());
                }
                let d = self.operand_string(x);
                return Err(format!("argument must be a slice; have {d}"));
            };
            match elem {
                None => elem = Some(*el),
                Some(e0) if !self.tt.identical(e0, *el) => {
                    let (a, b, d) = (self.ts(e0), self.ts(*el), self.operand_string(x));
                    return Err(format!("mismatched slice element types {a} and {b} in {d}"));
                }
                Some(_) => {}
            }
        }
        elem.ok_or_else(String::new)
    }

    /// `delete(m, k)`.
    fn builtin_delete(
        &mut self,
        e: &'a Expr,
        args: &'a [Expr],
        tuple: Option<Vec<Operand<'a>>>,
    ) -> Operand<'a> {
        let (m, mut k) = match &tuple {
            Some(t) => (t[0].clone(), t[1].clone()),
            None => (self.expr(&args[0]), self.expr(&args[1])),
        };
        if m.mode == Mode::Invalid || k.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        // Of a type parameter, every type of its set is a map, all with
        // one key type.
        let mut key: Option<TypeId> = None;
        for u in self.set_unders(m.ty) {
            let Some(&Type::Map(k, _)) = u.map(|u| self.tt.get(u)) else {
                let d = self.operand_string(&m);
                self.error(m.span(), format!("invalid argument: {d} is not a map"));
                return Operand::invalid(e);
            };
            if key.is_some_and(|k0| !self.tt.identical(k0, k)) {
                let d = self.operand_string(&m);
                self.error(
                    m.span(),
                    format!("invalid argument: maps of {d} must have identical key types"),
                );
                return Operand::invalid(e);
            }
            key = Some(k);
        }
        let Some(kt) = key else {
            return Operand::invalid(e);
        };
        self.assignment(&mut k, kt, "argument to delete");
        Operand::new(Mode::NoValue, ids::VOID, e)
    }

    /// `make(T, size...)` for slices, maps and channels.
    fn builtin_make(&mut self, e: &'a Expr, args: &'a [Expr]) -> Operand<'a> {
        let t = self.typexpr(&args[0]);
        if self.tt.is_invalid(t) {
            for a in &args[1..] {
                let _ = self.expr(a);
            }
            return Operand::invalid(e);
        }
        // Every type of a type parameter's set must be a slice, map or
        // channel, all of one underlying type (Go's `commonUnder`).
        let core = self.common_under(t, |c, _, u| match u.map(|u| c.tt.get(u)) {
            Some(Type::Slice(_) | Type::Map(..) | Type::Chan(..)) | None => None,
            Some(_) => Some("type must be slice, map, or channel".to_string()),
        });
        let min = match core.map(|u| self.tt.get(u)) {
            Ok(Type::Slice(_)) => 2,
            Ok(_) => 1,
            Err(why) => {
                let s = expr_string(&args[0]);
                self.error(
                    args[0].span,
                    format!("invalid argument: cannot make {s}: {why}"),
                );
                for a in &args[1..] {
                    let _ = self.expr(a);
                }
                return Operand::invalid(e);
            }
        };
        if args.len() < min || args.len() > min + 1 {
            let s = expr_string(e);
            self.error(
                e.span,
                format!(
                    "invalid operation: {s} expects {min} or {} arguments; found {}",
                    min + 1,
                    args.len()
                ),
            );
            return Operand::invalid(e);
        }
        let mut sizes = Vec::new();
        for a in &args[1..] {
            sizes.push(self.size_arg(a));
        }
        if let [Some(l), Some(c)] = sizes[..] {
            if l > c {
                self.error(
                    args[1].span,
                    "invalid argument: length and capacity swapped",
                );
            }
        }
        Operand::new(Mode::Value, t, e)
    }

    /// `new(T)`, and Go 1.26's `new(expr)`.
    fn builtin_new(&mut self, e: &'a Expr, args: &'a [Expr]) -> Operand<'a> {
        let x = self.expr_or_type(&args[0]);
        match x.mode {
            Mode::Invalid => Operand::invalid(e),
            Mode::TypeExpr => {
                let p = self.tt.pointer(x.ty);
                Operand::new(Mode::Value, p, e)
            }
            _ => {
                // Go 1.26: new(expr) allocates a copy of a value.
                let mut x = self.single_value(x);
                if x.mode == Mode::Invalid {
                    return Operand::invalid(e);
                }
                if x.is_nil() {
                    self.error(x.span(), "use of untyped nil in argument to built-in new");
                    return Operand::invalid(e);
                }
                self.default_untyped(&mut x);
                let p = self.tt.pointer(x.ty);
                Operand::new(Mode::Value, p, e)
            }
        }
    }

    /// `print` and `println`: any values but untyped nil.
    fn builtin_print(&mut self, e: &'a Expr, b: Builtin, args: &'a [Expr]) -> Operand<'a> {
        let bname = b.name();
        let (xs, _) = self.eval_args(args, &[]);
        for mut x in xs {
            if x.mode == Mode::Invalid {
                continue;
            }
            if x.is_nil() {
                self.error(
                    x.span(),
                    format!("use of untyped nil in argument to built-in {bname}"),
                );
                continue;
            }
            self.default_untyped(&mut x);
        }
        Operand::new(Mode::NoValue, ids::VOID, e)
    }

    /// A `make` size argument, judged as an index is (Go's messages say
    /// "index" of it too).
    fn size_arg(&mut self, a: &'a Expr) -> Option<i64> {
        self.index_value(a, None)
    }

    fn min_max(&mut self, e: &'a Expr, b: Builtin, args: &'a [Expr]) -> Operand<'a> {
        let mut xs: Vec<Operand<'a>> = Vec::new();
        // Every argument is checked (and its variables used) first.
        let all: Vec<Operand<'a>> = args.iter().map(|a| self.expr(a)).collect();
        for x in all {
            if x.mode == Mode::Invalid {
                return Operand::invalid(e);
            }
            if !self.each_type(x.ty, |c, u| c.tt.is_ordered(u)) {
                let d = self.operand_string(&x);
                self.error(x.span(), format!("invalid argument: {d} cannot be ordered"));
                return Operand::invalid(e);
            }
            xs.push(x);
        }
        // Combine pairwise as Go does: the running result against each argument.
        let mut acc = xs[0].clone();
        for y in xs.iter_mut().skip(1) {
            let mut yy = y.clone();
            self.match_types(&mut acc, &mut yy);
            if acc.mode == Mode::Invalid || yy.mode == Mode::Invalid {
                return Operand::invalid(e);
            }
            if !self.tt.identical(acc.ty, yy.ty) {
                let (a, bb) = (self.ts(acc.ty), self.ts(yy.ty));
                let ys = yy.expr.map(expr_string).unwrap_or_default();
                self.error(
                    yy.span(),
                    format!("invalid argument: mismatched types {a} (previous argument) and {bb} (type of {ys})"),
                );
                return Operand::invalid(e);
            }
            if acc.mode == Mode::Constant && yy.mode == Mode::Constant {
                let (av, yv) = (
                    acc.val.clone().unwrap_or(Value::Unknown),
                    yy.val.clone().unwrap_or(Value::Unknown),
                );
                let op = if b == Builtin::Max {
                    crate::ast::BinaryOp::Gt
                } else {
                    crate::ast::BinaryOp::Lt
                };
                if av != Value::Unknown && yv != Value::Unknown && Value::compare(op, &yv, &av) {
                    acc.val = Some(yv);
                }
            } else {
                acc.mode = Mode::Value;
                acc.val = None;
            }
            *y = yy;
        }
        if acc.mode != Mode::Constant {
            // Untyped non-constant operands take their default type.
            let t = self.tt.default_type(acc.ty);
            for x in xs.iter_mut() {
                if self.tt.is_untyped(x.ty) {
                    self.convert_untyped(x, t);
                }
            }
            return Operand::new(Mode::Value, t, e);
        }
        Operand {
            mode: Mode::Constant,
            ty: acc.ty,
            val: acc.val,
            expr: Some(e),
        }
    }
}

/// Whether an expression contains a (non-constant) function call or a
/// channel receive, which makes `len(arr)` non-constant.
pub(crate) fn has_call_or_recv(e: &Expr, depth: u32) -> bool {
    if depth > 500 {
        return true;
    }
    let d = depth + 1;
    match &unparen(e).kind {
        ExprKind::Call { .. } => true,
        ExprKind::Unary(UnaryOp::Recv, _) => true,
        ExprKind::Unary(_, x) | ExprKind::Star(x) => has_call_or_recv(x, d),
        ExprKind::Selector(x, _) => has_call_or_recv(x, d),
        ExprKind::Index(x, i) | ExprKind::Binary(_, x, i) => {
            has_call_or_recv(x, d) || has_call_or_recv(i, d)
        }
        ExprKind::Composite { elems, .. } => elems.iter().any(|el| {
            has_call_or_recv(&el.value, d)
                || el.key.as_ref().is_some_and(|k| has_call_or_recv(k, d))
        }),
        ExprKind::Slice { x, lo, hi, max, .. } => {
            has_call_or_recv(x, d)
                || [lo, hi, max]
                    .into_iter()
                    .flatten()
                    .any(|b| has_call_or_recv(b, d))
        }
        ExprKind::TypeAssert { x, .. } => has_call_or_recv(x, d),
        _ => false,
    }
}

#[allow(dead_code)]
fn _unused(_: TypeId) {}
