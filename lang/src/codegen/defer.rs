//! `defer` and deferred builtins.
//!
//! A deferred call evaluates its function and arguments at the `defer`
//! statement and runs at function exit, last first, during panics too.
//! Deferred builtins compile to a small synthetic function
//! (`Body::DeferBuiltin`, named `main.f.deferwrap1`) so the defer list
//! holds only ordinary functions. A recovered panic resumes the
//! deferring function at its landing pad ([`FnGen::epilogue`]), which
//! returns the named results.

use super::call::ArgSrc;
use super::func::{strip_parens, FnGen};
use super::Body;
use crate::ast::{Expr, ExprKind};
use crate::basic::BasicKind;
use crate::bytecode::{Op, Reg};
use crate::check::{CallKind, SelectionKind};
use crate::types::{ids, Builtin, ObjId, ObjKind, Type, TypeId};

impl<'g, 'a> FnGen<'g, 'a> {
    pub(super) fn defer(&mut self, e: &'a Expr) {
        self.has_defer = true;
        // The function value and the argument words are evaluated now;
        // the VM keeps them with the deferred record.
        if let Some((c, a, n)) = self.deferred_call(e, false, "this deferred call") {
            self.emit(Op::Defer { c, a, n });
        }
    }

    /// The function value (in slot `c`) and the `n` argument words (at `a`)
    /// of the call in a `defer` (`go` false) or `go` statement (`go`
    /// true), evaluated now, as both statements evaluate them; a method
    /// call's receiver is its first argument. A builtin compiles to its
    /// wrapper here and gives None, as does an error (reported as
    /// `what`). A `go` statement's argument area takes at least one slot.
    pub(super) fn deferred_call(
        &mut self,
        e: &'a Expr,
        go: bool,
        what: &str,
    ) -> Option<(Reg, Reg, u32)> {
        let ExprKind::Call {
            func,
            args,
            ellipsis,
        } = &e.kind
        else {
            self.err(e.span, what);
            return None;
        };
        match self.g.info.calls.get(&e.id) {
            Some(CallKind::Call) => {}
            Some(CallKind::Builtin(b)) => {
                self.defer_builtin(e, *b, args, go);
                return None;
            }
            Some(CallKind::Conversion(_)) | None => {
                self.err(e.span, what);
                return None;
            }
        }
        let ft = self.ty(func);
        let Some(sig) = self.g.tt.signature(ft).cloned() else {
            self.err(e.span, what);
            return None;
        };
        let min = u32::from(go);
        let func_s = strip_parens(func);
        let pw: u32 = sig.params.iter().map(|&t| self.words(t)).sum();
        // A method call: the function is the method, the receiver its first argument.
        if let Some(sel) = self.g.info.selections.get(&func_s.id).cloned() {
            if sel.kind == SelectionKind::MethodVal {
                let ExprKind::Selector(x, _) = &func_s.kind else {
                    return None;
                };
                let xt = self.ty(x);
                let et = self.embedded_type(xt, &sel.index);
                if self.is_iface(xt) || self.is_iface(et) {
                    // Through a method value: the interface is evaluated now.
                    let c = self.alloc(1);
                    self.method_value(func_s, x, &sel, c);
                    let a = self.alloc(pw.max(min));
                    self.args(args, &sig, ellipsis.is_some(), a);
                    return Some((c, a, pw));
                }
                let m = sel.obj.unwrap_or(ObjId(0));
                let rt = match self.g.tt.obj(m).kind {
                    ObjKind::Func { recv: Some(r), .. } => r,
                    _ => ids::INVALID,
                };
                let rw = self.words(rt);
                let c = self.alloc(1);
                self.func_value(m, c, e.span);
                let a = self.alloc((rw + pw).max(min));
                self.receiver(x, &sel, a);
                self.args(args, &sig, ellipsis.is_some(), Reg(a.0 + rw));
                return Some((c, a, rw + pw));
            }
        }
        let c = self.operand(func);
        let a = self.alloc(pw.max(min));
        self.args(args, &sig, ellipsis.is_some(), a);
        Some((c, a, pw))
    }

    /// `defer` or `go` of a builtin: the arguments are evaluated now and
    /// passed to a small function that runs the builtin on them.
    pub(super) fn defer_builtin(&mut self, e: &'a Expr, b: Builtin, args: &'a [Expr], go: bool) {
        let mark = self.top;
        // f() with several results as all of the builtin's arguments.
        let tuple = match args {
            [a] => self.g.tt.tuple_elems(self.ty(a)).map(|x| x.to_vec()),
            _ => None,
        };
        let types: Vec<TypeId> = match b {
            Builtin::Delete if tuple.is_some() => {
                let mt = tuple
                    .as_ref()
                    .and_then(|t| t.first().copied())
                    .unwrap_or(ids::INVALID);
                let kt = match self.under(mt) {
                    Type::Map(k, _) => *k,
                    _ => ids::INVALID,
                };
                vec![mt, kt]
            }
            _ if tuple.is_some() => tuple.clone().unwrap_or_default(),
            Builtin::Print | Builtin::Println | Builtin::Copy | Builtin::Close => args
                .iter()
                .map(|a| self.g.tt.default_type(self.ty(a)))
                .collect(),
            Builtin::Clear => vec![self.ty(&args[0])],
            Builtin::Panic => vec![ids::ANY],
            Builtin::Delete => {
                let mt = self.ty(&args[0]);
                let kt = match self.under(mt) {
                    Type::Map(k, _) => *k,
                    _ => ids::INVALID,
                };
                vec![mt, kt]
            }
            Builtin::Recover => Vec::new(),
            _ => {
                self.err(e.span, "a deferred builtin call");
                return;
            }
        };
        let n: u32 = types.iter().map(|&t| self.words(t)).sum();
        let a = self.alloc(n.max(1));
        if let Some(elems) = tuple {
            let tmp = self.alloc(self.words(self.ty(&args[0])).max(1));
            self.expr_to(&args[0], tmp);
            let (mut from, mut to) = (0, 0);
            for (&et, &t) in elems.iter().zip(&types) {
                self.arg_to(ArgSrc::Val(Reg(tmp.0 + from), et), t, Reg(a.0 + to));
                from += self.words(et);
                to += self.words(t);
            }
        } else {
            let mut off = 0;
            for (x, &t) in args.iter().zip(&types) {
                let m = self.top;
                self.convert_to(x, t, Reg(a.0 + off));
                self.top = m;
                off += self.words(t);
            }
        }
        let i = self.g.deferred_builtins.len();
        self.g.deferred_builtins.push((b, types, e.span.lo));
        let nth = &mut self.wrap_counts[usize::from(go)];
        *nth += 1;
        let f = self.g.new_func(
            format!(
                "{}.{}{}",
                self.name,
                if go { "gowrap" } else { "deferwrap" },
                *nth
            ),
            Body::DeferBuiltin(i),
        );
        let c = self.alloc(1);
        self.emit(Op::MakeClosure {
            d: c,
            f,
            a: Reg(0),
            n: 0,
        });
        self.set_pos(e.span.lo);
        if go {
            self.emit(Op::Go { c, a, n });
        } else {
            self.emit(Op::Defer { c, a, n });
        }
        self.top = mark;
    }

    /// The function a deferred builtin runs: its parameters are the
    /// builtin's evaluated arguments.
    pub(super) fn defer_builtin_body(&mut self, b: Builtin, types: &[TypeId]) -> (u32, u32) {
        let n: u32 = types.iter().map(|&t| self.words(t)).sum();
        self.alloc(n);
        match b {
            Builtin::Print | Builtin::Println => {
                let mut off = 0;
                let mut vals = Vec::with_capacity(types.len());
                for &t in types {
                    vals.push((Reg(off), t));
                    off += self.words(t);
                }
                self.emit_prints(b, &vals);
            }
            Builtin::Panic => {
                self.emit(Op::Panic { a: Reg(0) });
            }
            Builtin::Close => {
                self.emit(Op::ChanClose { c: Reg(0) });
            }
            Builtin::Copy => {
                let dt = types.first().copied().unwrap_or(ids::INVALID);
                let st = types.get(1).copied().unwrap_or(ids::INVALID);
                let et = match self.under(dt) {
                    Type::Slice(x) => *x,
                    _ => ids::INVALID,
                };
                let rt = self.g.rt_type(et);
                let src = if self.basic(st) == Some(BasicKind::String) {
                    let o = self.alloc(3);
                    self.emit(Op::StrToBytes { d: o, a: Reg(3) });
                    o
                } else {
                    Reg(3)
                };
                let d = self.alloc(1);
                self.emit(Op::CopySlice {
                    d,
                    a: Reg(0),
                    b: src,
                    t: rt,
                });
            }
            Builtin::Clear => {
                let xt = types.first().copied().unwrap_or(ids::INVALID);
                match self.under(xt).clone() {
                    Type::Map(..) => {
                        self.emit(Op::MapClear { a: Reg(0) });
                    }
                    Type::Slice(et) => {
                        let t = self.g.rt_type(et);
                        self.emit(Op::ClearSlice { a: Reg(0), t });
                    }
                    _ => {}
                }
            }
            Builtin::Delete => {
                let mt = types.first().copied().unwrap_or(ids::INVALID);
                let t = self.g.rt_type(mt);
                self.emit(Op::MapDelete {
                    m: Reg(0),
                    k: Reg(1),
                    t,
                });
            }
            Builtin::Recover => {
                // The VM treats a `recover` in a `deferwrap` function as
                // called by the function that deferred it (Go's rule).
                let d = self.alloc(1);
                self.emit(Op::Recover { d });
            }
            _ => {}
        }
        self.emit(Op::Return { a: Reg(0), n: 0 });
        (n, 0)
    }
}
