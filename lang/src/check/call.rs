//! Calls: function and method calls, argument passing, variadics, and
//! dispatch to conversions and builtins.

use super::checker::Checker;
use super::expr::Operand;
use super::exprstring::expr_string;
use super::{CallKind, Mode};
use crate::ast::{Expr, ExprKind, Span};
use crate::types::{ids, Type, TypeId};

impl<'a> Checker<'a> {
    pub(crate) fn call_expr(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        ellipsis: Option<Span>,
    ) -> Operand<'a> {
        let x = match self.generic_callee(func, args, ellipsis.is_some()) {
            Some(x) => {
                self.record(&x);
                x
            }
            None => {
                self.announce_call(func, args, ellipsis.is_some());
                let x = self.raw_expr(func, None);
                self.gm_call = None;
                x
            }
        };
        match x.mode {
            Mode::Invalid => {
                for a in args {
                    let _ = self.raw_expr(a, None);
                }
                Operand::invalid(e)
            }
            Mode::TypeExpr => {
                let t = x.ty;
                self.info.calls.insert(e.id, CallKind::Conversion(t));
                let ts = self.ts(t);
                // Go's order and positions: a missing argument at the start
                // of the conversion (a function type starts at its
                // parameter list), extra ones at the last, a `...` at the
                // argument once that checks.
                match args.len() {
                    0 => {
                        let at = match &func.kind {
                            ExprKind::FuncType(ft) => ft.span.start(),
                            _ => e.span.start(),
                        };
                        self.error(at, format!("missing argument in conversion to {ts}"));
                        Operand::invalid(e)
                    }
                    1 => {
                        let a = self.expr_hint(&args[0], None);
                        if a.mode == Mode::Invalid {
                            return Operand::invalid(e);
                        }
                        if ellipsis.is_some() {
                            self.error(
                                args[0].span,
                                format!("invalid use of ... in conversion to {ts}"),
                            );
                            return Operand::invalid(e);
                        }
                        self.conversion(e, a, t)
                    }
                    n => {
                        for a in args {
                            let _ = self.expr(a);
                        }
                        self.error(
                            args[n - 1].span,
                            format!("too many arguments in conversion to {ts}"),
                        );
                        Operand::invalid(e)
                    }
                }
            }
            Mode::Builtin(b) => {
                self.info.calls.insert(e.id, CallKind::Builtin(b));
                self.builtin(e, b, args, ellipsis)
            }
            _ => {
                let x = self.single_value(x);
                // A variable of an invalid type (a field whose type was
                // reported) is as silent as an invalid operand.
                if x.mode == Mode::Invalid || self.tt.is_invalid(x.ty) {
                    for a in args {
                        let _ = self.raw_expr(a, None);
                    }
                    return Operand::invalid(e);
                }
                // A type parameter is called through its type set's one
                // underlying type, when that is a function (Go's
                // `commonUnder`).
                let core = self.common_under(x.ty, |c, t, u| {
                    u.filter(|&u| c.tt.signature(u).is_none())
                        .map(|_| format!("{} is not a function", c.ts(t)))
                });
                let sig = match core {
                    Ok(u) => self.tt.signature(u).cloned().ok_or_else(String::new),
                    Err(why) => Err(why),
                };
                let sig = match sig {
                    Ok(sig) => sig,
                    Err(why) => {
                        let d = self.operand_string(&x);
                        self.error(
                            x.span(),
                            format!("invalid operation: cannot call {d}: {why}"),
                        );
                        for a in args {
                            let _ = self.raw_expr(a, None);
                        }
                        return Operand::invalid(e);
                    }
                };
                self.info.calls.insert(e.id, CallKind::Call);
                let fname = expr_string(func);
                self.arguments(e, &fname, &sig.params, sig.variadic, args, ellipsis);
                match sig.results.len() {
                    0 => Operand::new(Mode::NoValue, ids::VOID, e),
                    1 => Operand::new(Mode::Value, sig.results[0], e),
                    _ => {
                        let t = self.tt.tuple(sig.results.clone());
                        Operand::new(Mode::Value, t, e)
                    }
                }
            }
        }
    }

    /// Evaluates call arguments: `f(g())` spreads a multi-value `g`.
    pub(crate) fn eval_args(
        &mut self,
        args: &'a [Expr],
        hints: &[TypeId],
    ) -> (Vec<Operand<'a>>, bool) {
        if args.len() == 1 {
            let x = self.raw_expr(&args[0], hints.first().copied());
            if x.mode != Mode::Invalid && x.mode != Mode::NoValue {
                if let Type::Tuple(ts) = self.tt.get(x.ty).clone() {
                    if ts.len() > 1 {
                        let ops = ts
                            .iter()
                            .map(|&t| Operand::new(Mode::Value, t, &args[0]))
                            .collect();
                        return (ops, true);
                    }
                }
            }
            return (vec![self.single_value(x)], false);
        }
        let mut v = Vec::new();
        for (i, a) in args.iter().enumerate() {
            v.push(self.expr_hint(a, hints.get(i).copied()));
        }
        (v, false)
    }

    fn arguments(
        &mut self,
        call: &'a Expr,
        fname: &str,
        params: &[TypeId],
        variadic: bool,
        args: &'a [Expr],
        ellipsis: Option<Span>,
    ) {
        // Element hints let `f([]T{{...}})`-style literals elide nothing,
        // but composite literal arguments never elide their own type.
        let (mut xs, spread) = self.eval_args(args, &[]);
        if xs.iter().any(|x| x.mode == Mode::Invalid) {
            // Still check the count, as Go does? An invalid argument
            // already produced an error; stay quiet.
            return;
        }
        let context = format!("argument to {fname}");
        let nparams = params.len();
        if let Some(sp) = ellipsis {
            if !variadic {
                let _ = sp;
                self.error(
                    call.span,
                    format!("cannot use ... in call to non-variadic {fname}"),
                );
                return;
            }
            if spread {
                self.error(sp, "can only use ... with final argument in list");
                return;
            }
        }
        let want_count_ok = if ellipsis.is_some() || !variadic {
            xs.len() == nparams
        } else {
            xs.len() + 1 >= nparams
        };
        if !want_count_ok {
            let too_many = xs.len() > nparams;
            let have = self.types_summary(
                &xs.iter().map(|x| x.ty).collect::<Vec<_>>(),
                false,
                ellipsis.is_some(),
            );
            let want = self.types_summary(params, variadic, false);
            let (span, what) = if too_many {
                let i = nparams.min(xs.len() - 1);
                let sp = if spread { args[0].span } else { xs[i].span() };
                (sp, "too many")
            } else if let Some(last) = args.last() {
                (last.span, "not enough")
            } else {
                (call.span, "not enough")
            };
            self.error_with(
                crate::diag::Diagnostic::error(
                    span,
                    format!("{what} arguments in call to {fname}"),
                )
                .with_note(format!("have {have}"))
                .with_note(format!("want {want}")),
            );
            return;
        }
        for (i, x) in xs.iter_mut().enumerate() {
            let t = if variadic && ellipsis.is_none() && i + 1 >= nparams {
                let last = params[nparams - 1];
                match self.tt.get(last) {
                    Type::Slice(e) => *e,
                    _ => last,
                }
            } else {
                params[i]
            };
            self.assignment(x, t, &context);
        }
    }

    /// Go's `typesSummary`: `(number, string)` for messages about
    /// argument and result counts.
    pub(crate) fn types_summary(&self, list: &[TypeId], variadic: bool, has_dots: bool) -> String {
        let mut res = Vec::new();
        for (i, &t) in list.iter().enumerate() {
            let mut s = if self.tt.is_invalid(t) {
                "unknown type".to_string()
            } else if self.tt.is_untyped(t) {
                if self.tt.is_numeric(t) {
                    "number".to_string()
                } else {
                    self.ts(t).replace("untyped ", "")
                }
            } else {
                self.ts(t)
            };
            if variadic && i + 1 == list.len() {
                if let Some(rest) = s.strip_prefix("[]") {
                    s = format!("...{rest}");
                }
            }
            if has_dots && i + 1 == list.len() {
                s.push_str("...");
            }
            res.push(s);
        }
        format!("({})", res.join(", "))
    }
}
