//! Expressions: constants, operators, comparisons, indexing, slicing and
//! selectors.
//!
//! Expressions compile with a *destination*: [`FnGen::expr_to`] writes the
//! value's words to the slots given; [`FnGen::operand`] returns a slot that
//! holds the value, which is the variable's own slot for an unboxed local
//! (no copy) and a fresh temporary otherwise. Boolean expressions used as
//! conditions compile to jumps ([`FnGen::cond_jump`]), with `&&` and `||`
//! short-circuiting and a comparison fused into its branch. Integer results
//! are wrapped to their type's width after each operation that can
//! overflow it.

use super::func::{strip_parens, FnGen, MAX_DEPTH};
use super::Body;
use crate::ast::{BinaryOp, Expr, ExprKind, Span, UnaryOp};
use crate::basic::BasicKind;
use crate::bytecode::{Off, Op, Pc, Reg, Unsigned, Width};
use crate::check::{Mode, SelectionKind};
use crate::constant::Value;
use crate::types::{ids, ObjKind, Type, TypeId};

impl<'g, 'a> FnGen<'g, 'a> {
    /// Compiles condition `e` as jumps: returns the sites (to patch) of the
    /// jumps taken when `e` evaluates to `want`; otherwise control falls
    /// through. `&&`, `||` and `!` become control flow, and integer
    /// comparisons fuse with their branch (with an immediate for a small
    /// constant), so no boolean is materialised.
    pub(super) fn cond_jump(&mut self, e: &'a Expr, want: bool, depth: u32) -> Vec<usize> {
        let mark = self.top;
        // Past MAX_DEPTH the rest of the condition is a value (the general
        // path below), which bounds this function's recursion.
        let shallow = depth <= MAX_DEPTH;
        if let Some(v) = self.const_value(e) {
            if matches!(v, Value::Bool(b) if *b == want) {
                return vec![self.emit(Op::Jump { to: Pc(0) })];
            }
            if matches!(v, Value::Bool(_)) {
                return Vec::new();
            }
        }
        match &e.kind {
            _ if !shallow => {}
            ExprKind::Paren(x) => return self.cond_jump(x, want, depth + 1),
            ExprKind::Unary(UnaryOp::Not, x) => return self.cond_jump(x, !want, depth + 1),
            ExprKind::Binary(op @ (BinaryOp::LAnd | BinaryOp::LOr), a, b) => {
                // `a && b` is true when both are; `a || b` when either is.
                let and = *op == BinaryOp::LAnd;
                if and == want {
                    // Needs both: a short-circuits past b.
                    let skip = self.cond_jump(a, !want, depth + 1);
                    let sites = self.cond_jump(b, want, depth + 1);
                    self.patch_here(&skip);
                    return sites;
                }
                let mut sites = self.cond_jump(a, want, depth + 1);
                sites.extend(self.cond_jump(b, want, depth + 1));
                return sites;
            }
            ExprKind::Binary(op, a, b) if op.is_comparison() => {
                if let Some(site) = self.fused_compare(*op, a, b, want) {
                    self.top = mark;
                    return vec![site];
                }
            }
            _ => {}
        }
        let r = self.operand(e);
        let site = if want {
            self.emit(Op::JumpIf { a: r, to: Pc(0) })
        } else {
            self.emit(Op::JumpIfNot { a: r, to: Pc(0) })
        };
        self.top = mark;
        vec![site]
    }

    /// `if a op b == want { goto ? }` as one instruction when the operands
    /// are integers (or, for `==`/`!=`, one-word values compared as words,
    /// as [`FnGen::equal`] does). Returns the jump's site; `None` (nothing
    /// emitted) for other types.
    pub(super) fn fused_compare(
        &mut self,
        op: BinaryOp,
        a: &'a Expr,
        b: &'a Expr,
        want: bool,
    ) -> Option<usize> {
        let (at, bt) = (self.ty(a), self.ty(b));
        if self.is_iface(at) || self.is_iface(bt) {
            return None;
        }
        let ct = if self.is_nil(a) { bt } else { at };
        let (ordered, signed) = match self.under(ct) {
            Type::Basic(k, _) if k.is_integer() => (true, !k.is_unsigned()),
            Type::Basic(BasicKind::Bool, _) => (false, false),
            Type::Basic(..) | Type::Struct(_) | Type::Array(..) | Type::Interface(_) => {
                return None
            }
            _ => (false, false),
        };
        if !ordered && !matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            return None;
        }
        // The condition to jump on: `x op y`, negated when jumping on false
        // (exact for integers: their order is total).
        let op = if want {
            op
        } else {
            match op {
                BinaryOp::Eq => BinaryOp::Ne,
                BinaryOp::Ne => BinaryOp::Eq,
                BinaryOp::Lt => BinaryOp::Ge,
                BinaryOp::Le => BinaryOp::Gt,
                BinaryOp::Gt => BinaryOp::Le,
                _ => BinaryOp::Lt,
            }
        };
        let to = Pc(0);
        // `x == nil`: x's first word (pointer, map, channel, function,
        // slice array) against 0, as `equal` compares it.
        if !ordered && (self.is_nil(a) || self.is_nil(b)) {
            let x = if self.is_nil(a) { b } else { a };
            let a = self.operand(x);
            return Some(self.emit(match op {
                BinaryOp::Eq => Op::JumpIfEqImm { a, v: 0, to },
                _ => Op::JumpIfNeImm { a, v: 0, to },
            }));
        }
        // A constant that fits 32 bits becomes an immediate (either side;
        // the operation mirrored when it is on the left).
        if ordered {
            let imm = |g: &Self, e: &Expr| {
                if g.is_nil(e) {
                    return None;
                }
                let v = g.const_value(e)?;
                let bits = v.to_i64().or_else(|| v.to_u64().map(|u| u as i64))?;
                i32::try_from(bits).ok()
            };
            let pick = match (imm(self, b), imm(self, a)) {
                (Some(v), _) if self.const_value(a).is_none() => Some((a, op, v)),
                (None, Some(v)) if self.const_value(b).is_none() => {
                    let mirrored = match op {
                        BinaryOp::Lt => BinaryOp::Gt,
                        BinaryOp::Le => BinaryOp::Ge,
                        BinaryOp::Gt => BinaryOp::Lt,
                        BinaryOp::Ge => BinaryOp::Le,
                        o => o,
                    };
                    Some((b, mirrored, v))
                }
                _ => None,
            };
            if let Some((x, op, v)) = pick {
                let is_eq = matches!(op, BinaryOp::Eq | BinaryOp::Ne);
                if signed || is_eq {
                    let a = self.operand(x);
                    return Some(self.emit(match op {
                        BinaryOp::Eq => Op::JumpIfEqImm { a, v, to },
                        BinaryOp::Ne => Op::JumpIfNeImm { a, v, to },
                        BinaryOp::Lt => Op::JumpIfLtIntImm { a, v, to },
                        BinaryOp::Le => Op::JumpIfLeIntImm { a, v, to },
                        BinaryOp::Gt => Op::JumpIfGtIntImm { a, v, to },
                        _ => Op::JumpIfGeIntImm { a, v, to },
                    }));
                }
            }
        }
        let x = self.operand_as(a, ct);
        let y = self.operand_as(b, ct);
        let (x, y, op) = match op {
            BinaryOp::Gt => (y, x, BinaryOp::Lt),
            BinaryOp::Ge => (y, x, BinaryOp::Le),
            o => (x, y, o),
        };
        Some(self.emit(match op {
            BinaryOp::Eq => Op::JumpIfEq { a: x, b: y, to },
            BinaryOp::Ne => Op::JumpIfNe { a: x, b: y, to },
            BinaryOp::Lt if signed => Op::JumpIfLtInt { a: x, b: y, to },
            BinaryOp::Le if signed => Op::JumpIfLeInt { a: x, b: y, to },
            BinaryOp::Lt => Op::JumpIfLtUint { a: x, b: y, to },
            _ => Op::JumpIfLeUint { a: x, b: y, to },
        }))
    }

    /// A slot holding the value of `e`: a local's own slot, or a temporary.
    pub(super) fn operand(&mut self, e: &'a Expr) -> Reg {
        if self.const_value(e).is_none() {
            if let Some(r) = self.local_reg(e) {
                return r;
            }
        }
        let t = self.ty(e);
        let r = self.alloc(self.words(t).max(1));
        self.expr_to(e, r);
        r
    }

    pub(super) fn const_value(&self, e: &Expr) -> Option<&'a Value> {
        let tv: &'a crate::check::TypeAndValue = self.g.info.types.get(&e.id)?;
        if tv.mode == Mode::Constant {
            tv.value.as_deref()
        } else {
            None
        }
    }

    pub(super) fn is_nil(&self, e: &Expr) -> bool {
        if let ExprKind::Ident(id) = &strip_parens(e).kind {
            if let Some(&o) = self.g.info.uses.get(&id.id) {
                return matches!(self.g.tt.obj(o).kind, ObjKind::Nil);
            }
        }
        false
    }

    pub(super) fn const_to(&mut self, v: &Value, t: TypeId, d: Reg) {
        let t = if self.g.tt.is_untyped(t) {
            self.g.tt.default_type(t)
        } else {
            t
        };
        match self.basic(t) {
            Some(BasicKind::Bool) => {
                let b = matches!(v, Value::Bool(true));
                self.emit(Op::LoadInt { d, v: b as i64 });
            }
            Some(BasicKind::String) => {
                let bytes = match v {
                    Value::String(s) => s.clone(),
                    _ => Vec::new(),
                };
                let s = self.g.string(&bytes);
                self.emit(Op::LoadStr { d, s });
            }
            Some(BasicKind::Float32) => {
                let f = v.to_f32().unwrap_or(0.0) as f64;
                self.emit(Op::LoadInt {
                    d,
                    v: f.to_bits() as i64,
                });
            }
            Some(k @ (BasicKind::Complex64 | BasicKind::Complex128)) => {
                let parts = if k == BasicKind::Complex64 {
                    v.to_c64()
                } else {
                    v.to_c128()
                };
                let (re, im) = parts.unwrap_or((0.0, 0.0));
                self.emit(Op::LoadInt {
                    d,
                    v: re.to_bits() as i64,
                });
                self.emit(Op::LoadInt {
                    d: Reg(d.0 + 1),
                    v: im.to_bits() as i64,
                });
            }
            Some(BasicKind::Float64) => {
                let f = v.to_f64().unwrap_or(0.0);
                self.emit(Op::LoadInt {
                    d,
                    v: f.to_bits() as i64,
                });
            }
            Some(k) if k.is_integer() => {
                let bits = v
                    .to_i64()
                    .or_else(|| v.to_u64().map(|u| u as i64))
                    .unwrap_or(0);
                self.emit(Op::LoadInt { d, v: bits });
            }
            _ => {
                // nil of a pointer-like or interface type.
                let w = self.words(t);
                self.emit(Op::Zero { d, n: w });
            }
        }
    }

    /// Compiles `e`, writing its words to `d..`.
    pub(super) fn expr_to(&mut self, e: &'a Expr, d: Reg) {
        if let Some(v) = self.const_value(e) {
            let t = self.ty(e);
            self.const_to(v, t, d);
            return;
        }
        if self.is_nil(e) {
            let t = self.ty(e);
            let w = self.words(t).max(1);
            self.emit(Op::Zero { d, n: w });
            return;
        }
        let mark = self.top;
        match &e.kind {
            ExprKind::Paren(x) => self.expr_to(x, d),
            ExprKind::Ident(id) => {
                let Some(o) = self.g.info.uses.get(&id.id).copied() else {
                    self.err(e.span, "this identifier");
                    return;
                };
                match &self.g.tt.obj(o).kind {
                    ObjKind::Nil => {
                        let t = self.ty(e);
                        let w = self.words(t).max(1);
                        self.emit(Op::Zero { d, n: w });
                    }
                    ObjKind::Var(_) => self.load_var(o, d, e.span),
                    ObjKind::Func { .. } => self.func_value(o, d, e.span),
                    _ => self.err(e.span, "this identifier"),
                }
            }
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b, d, e),
            ExprKind::Unary(op, x) => self.unary(*op, x, d, e),
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => self.call(e, func, args, ellipsis.is_some(), d),
            ExprKind::Index(..) | ExprKind::IndexList(..)
                if super::func::method_instance_sel(self.g.info, e).is_some() =>
            {
                if let Some(x) = super::func::method_instance_sel(self.g.info, e) {
                    self.expr_to(x, d);
                }
            }
            ExprKind::Index(..) | ExprKind::IndexList(..)
                if self.g.info.instances.contains_key(&e.id) =>
            {
                let o = self.g.info.instances[&e.id];
                self.func_value(o, d, e.span)
            }
            ExprKind::Index(x, i) => {
                let at = self.at_lbrack(x);
                self.index(e, x, i, d);
                (self.line, self.file) = at;
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                let at = self.at_lbrack(x);
                self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref(), d);
                (self.line, self.file) = at;
            }
            ExprKind::Selector(x, _) => self.selector(e, x, d),
            ExprKind::Star(p) => {
                let pr = self.operand(p);
                let t = self.ty(e);
                self.load_mem(d, pr, 0, t);
            }
            ExprKind::Composite { elems, .. } => self.composite(e, elems, d),
            ExprKind::FuncLit { ty, body } => self.func_lit(e, ty, body, d),
            ExprKind::TypeAssert { x, .. } => {
                let t = self.ty(e);
                let xt = self.ty(x);
                let from = self.g.rt_type(xt);
                let xr = self.operand(x);
                if let Some(elems) = self.g.tt.tuple_elems(t).map(|x| x.to_vec()) {
                    // v, ok := x.(T)
                    let vt = elems.first().copied().unwrap_or(ids::INVALID);
                    let n = self.words(vt);
                    let rt = self.g.rt_type(vt);
                    let ok = Reg(d.0 + n);
                    if self.is_iface(vt) {
                        self.emit(Op::IfaceImplements {
                            d: ok,
                            a: xr,
                            t: rt,
                        });
                    } else {
                        self.emit(Op::IfaceIs {
                            d: ok,
                            a: xr,
                            t: rt,
                        });
                    }
                    self.emit(Op::Zero { d, n });
                    let j = self.emit(Op::JumpIfNot { a: ok, to: Pc(0) });
                    if self.is_iface(vt) {
                        self.emit(Op::Move { d, a: xr });
                    } else {
                        self.emit(Op::IfaceUnbox { d, a: xr, n });
                    }
                    self.patch_here(&[j]);
                    return;
                }
                let rt = self.g.rt_type(t);
                self.emit(Op::TypeAssert {
                    d,
                    a: xr,
                    t: rt,
                    from,
                });
            }
            _ => self.err(e.span, "this expression"),
        }
        self.top = mark;
    }

    pub(super) fn unary(&mut self, op: UnaryOp, x: &'a Expr, d: Reg, e: &'a Expr) {
        let t = self.ty(e);
        match op {
            UnaryOp::Pos => self.expr_to(x, d),
            UnaryOp::Neg => {
                let a = self.operand(x);
                if self.g.tt.is_complex(t) {
                    self.emit(Op::NegC { d, a });
                } else if self.g.tt.is_float(t) {
                    self.emit(Op::NegF64 { d, a });
                } else {
                    self.emit(Op::NegInt { d, a });
                    self.wrap(d, t);
                }
            }
            UnaryOp::Not => {
                let a = self.operand(x);
                self.emit(Op::Not { d, a });
            }
            UnaryOp::BitNot => {
                let a = self.operand(x);
                self.emit(Op::BitNot { d, a });
                self.wrap(d, t);
            }
            UnaryOp::Addr => {
                // &T{...}: a new object initialized from the literal.
                let inner = strip_parens(x);
                if let ExprKind::Composite { elems, .. } = &inner.kind {
                    let xt = self.ty(inner);
                    if self.huge(xt) {
                        let rt = self.g.rt_type(xt);
                        self.emit(Op::New { d, t: rt });
                        self.composite_heap(xt, elems, d);
                        return;
                    }
                    let w = self.words(xt);
                    let rt = self.g.rt_type(xt);
                    let v = self.alloc(w);
                    self.expr_to(inner, v);
                    self.new_holding(d, rt, v);
                } else {
                    self.addr_of(x, d);
                }
            }
            UnaryOp::Recv => self.recv_expr(e, x, d),
        }
    }

    /// Truncates `d` to the width of integer type `t`.
    pub(super) fn wrap(&mut self, d: Reg, t: TypeId) {
        let (w, signed) = match self.basic(t) {
            Some(BasicKind::Int8) => (Width::W8, true),
            Some(BasicKind::Int16) => (Width::W16, true),
            Some(BasicKind::Int32) => (Width::W32, true),
            Some(BasicKind::Uint8) => (Width::W8, false),
            Some(BasicKind::Uint16) => (Width::W16, false),
            Some(BasicKind::Uint32) => (Width::W32, false),
            Some(BasicKind::Float32) => {
                self.emit(Op::RoundF32 { d, a: d });
                return;
            }
            _ => return,
        };
        if signed {
            self.emit(Op::Sext { d, a: d, w });
        } else {
            self.emit(Op::Zext { d, a: d, w });
        }
    }

    pub(super) fn binary(&mut self, op: BinaryOp, a: &'a Expr, b: &'a Expr, d: Reg, e: &'a Expr) {
        match op {
            BinaryOp::LAnd | BinaryOp::LOr => {
                self.expr_to(a, d);
                let j = if op == BinaryOp::LAnd {
                    self.emit(Op::JumpIfNot { a: d, to: Pc(0) })
                } else {
                    self.emit(Op::JumpIf { a: d, to: Pc(0) })
                };
                self.expr_to(b, d);
                self.patch_here(&[j]);
                return;
            }
            _ => {}
        }
        let at = self.ty(a);
        let bt = self.ty(b);
        if op.is_comparison() {
            // Mixed interface/concrete comparisons convert the concrete side.
            let (ct, ar, br) = if self.is_iface(at) != self.is_iface(bt) {
                let it = if self.is_iface(at) { at } else { bt };
                let ar = self.alloc(1);
                self.convert_to(a, it, ar);
                let br = self.alloc(1);
                self.convert_to(b, it, br);
                (it, ar, br)
            } else {
                let ct = if self.is_nil(a) { bt } else { at };
                let ar = self.operand_as(a, ct);
                let br = self.operand_as(b, ct);
                (ct, ar, br)
            };
            self.compare(op, d, ar, br, ct, e.span);
            return;
        }
        let t = self.ty(e);
        // A constant operand becomes an immediate (either side when the
        // operation commutes): no temporary, one instruction.
        let commutes = matches!(
            op,
            BinaryOp::Add | BinaryOp::Mul | BinaryOp::And | BinaryOp::Or | BinaryOp::Xor
        );
        for (x, c, ok) in [(a, b, true), (b, a, commutes)] {
            if !ok || self.const_value(x).is_some() {
                continue;
            }
            if let Some(v) = self.const_value(c) {
                if self.imm_op(op, t, d, Reg(0), v).is_some() {
                    let xr = self.operand(x);
                    if let Some(o) = self.imm_op(op, t, d, xr, v) {
                        self.emit(o);
                        self.wrap_int_result(op, t, d);
                        return;
                    }
                }
            }
        }
        // A constant shift count is never negative (the checker rejects
        // one) and may need all 64 bits: `x << math.MaxUint` shifts by
        // 2^64-1, not by -1.
        let bt = if matches!(op, BinaryOp::Shl | BinaryOp::Shr) && self.const_value(b).is_some() {
            crate::types::ids::UINT
        } else {
            bt
        };
        let ar = self.operand(a);
        let br = self.operand(b);
        self.binary_regs(op, t, bt, d, ar, br, e.span);
    }

    /// `d = a op v` as one immediate-operand instruction, when integer type
    /// `t` and constant `v` allow one (`v` fits 32 bits sign-extended, or
    /// unsigned for an unsigned division; a shift count is below 64). A
    /// constant divisor is never zero (the checker rejects one), so the
    /// immediate division needs no check.
    pub(super) fn imm_op(&self, op: BinaryOp, t: TypeId, d: Reg, a: Reg, v: &Value) -> Option<Op> {
        if !self.basic(t).is_some_and(|k| k.is_integer()) {
            return None;
        }
        let unsigned = self.g.tt.is_unsigned(t);
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            let s = v.to_u64().filter(|&s| s < 64)? as u32;
            return Some(match op {
                BinaryOp::Shl => Op::ShlImm { d, a, s },
                _ if unsigned => Op::ShrUintImm { d, a, s },
                _ => Op::ShrIntImm { d, a, s },
            });
        }
        let bits = v.to_i64().or_else(|| v.to_u64().map(|u| u as i64))?;
        if matches!(op, BinaryOp::Div | BinaryOp::Rem) {
            if bits == 0 {
                return None;
            }
            if unsigned {
                let v = u32::try_from(v.to_u64()?).ok()?;
                return Some(match op {
                    BinaryOp::Div => Op::DivUintImm { d, a, v },
                    _ => Op::RemUintImm { d, a, v },
                });
            }
            let v = i32::try_from(bits).ok()?;
            return Some(match op {
                BinaryOp::Div => Op::DivIntImm { d, a, v },
                _ => Op::RemIntImm { d, a, v },
            });
        }
        let v = i32::try_from(bits).ok()?;
        Some(match op {
            BinaryOp::Add => Op::AddIntImm { d, a, v },
            BinaryOp::Sub => Op::AddIntImm {
                d,
                a,
                v: v.checked_neg()?,
            },
            BinaryOp::Mul => Op::MulIntImm { d, a, v },
            BinaryOp::And => Op::AndImm { d, a, v },
            BinaryOp::AndNot => Op::AndImm { d, a, v: !v },
            BinaryOp::Or => Op::OrImm { d, a, v },
            BinaryOp::Xor => Op::XorImm { d, a, v },
            _ => return None,
        })
    }

    /// Truncates the result of integer operation `op` to the width of `t`
    /// where the operation can leave the width.
    pub(super) fn wrap_int_result(&mut self, op: BinaryOp, t: TypeId, d: Reg) {
        let unsigned = self.g.tt.is_unsigned(t);
        // Division of a narrow signed MIN by -1 overflows too.
        if !matches!(
            op,
            BinaryOp::And | BinaryOp::Or | BinaryOp::AndNot | BinaryOp::Rem
        ) || unsigned && op == BinaryOp::Rem
        {
            self.wrap(d, t);
        }
    }

    pub(super) fn operand_as(&mut self, e: &'a Expr, t: TypeId) -> Reg {
        if self.is_nil(e) || self.const_value(e).is_some() {
            let r = self.alloc(self.words(t).max(1));
            self.convert_to(e, t, r);
            return r;
        }
        self.operand(e)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn binary_regs(
        &mut self,
        op: BinaryOp,
        t: TypeId,
        bt: TypeId,
        d: Reg,
        a: Reg,
        b: Reg,
        span: Span,
    ) {
        let k = self.basic(t);
        if k == Some(BasicKind::String) {
            if op == BinaryOp::Add {
                self.emit(Op::ConcatStr { d, a, b });
            } else {
                self.err(span, "this string operation");
            }
            return;
        }
        if self.g.tt.is_complex(t) {
            let f32 = k == Some(BasicKind::Complex64);
            let o = match op {
                BinaryOp::Add => Op::AddC { d, a, b, f32 },
                BinaryOp::Sub => Op::SubC { d, a, b, f32 },
                BinaryOp::Mul => Op::MulC { d, a, b, f32 },
                BinaryOp::Div => Op::DivC { d, a, b, f32 },
                _ => {
                    self.err(span, "this complex operation");
                    return;
                }
            };
            self.emit(o);
            return;
        }
        if self.g.tt.is_float(t) {
            let o = match op {
                BinaryOp::Add => Op::AddF64 { d, a, b },
                BinaryOp::Sub => Op::SubF64 { d, a, b },
                BinaryOp::Mul => Op::MulF64 { d, a, b },
                BinaryOp::Div => Op::DivF64 { d, a, b },
                _ => {
                    self.err(span, "this float operation");
                    return;
                }
            };
            self.emit(o);
            self.wrap(d, t);
            return;
        }
        let unsigned = self.g.tt.is_unsigned(t);
        let signed_count = !self.g.tt.is_unsigned(bt);
        let o = match op {
            BinaryOp::Add => Op::AddInt { d, a, b },
            BinaryOp::Sub => Op::SubInt { d, a, b },
            BinaryOp::Mul => Op::MulInt { d, a, b },
            BinaryOp::Div if unsigned => Op::DivUint { d, a, b },
            BinaryOp::Div => Op::DivInt { d, a, b },
            BinaryOp::Rem if unsigned => Op::RemUint { d, a, b },
            BinaryOp::Rem => Op::RemInt { d, a, b },
            BinaryOp::And => Op::And { d, a, b },
            BinaryOp::Or => Op::Or { d, a, b },
            BinaryOp::Xor => Op::Xor { d, a, b },
            BinaryOp::AndNot => Op::AndNot { d, a, b },
            BinaryOp::Shl => Op::Shl {
                d,
                a,
                b,
                signed_count,
            },
            BinaryOp::Shr if unsigned => Op::ShrUint {
                d,
                a,
                b,
                signed_count,
            },
            BinaryOp::Shr => Op::ShrInt {
                d,
                a,
                b,
                signed_count,
            },
            _ => {
                self.err(span, "this operation");
                return;
            }
        };
        self.emit(o);
        self.wrap_int_result(op, t, d);
    }

    pub(super) fn compare(&mut self, op: BinaryOp, d: Reg, a: Reg, b: Reg, t: TypeId, span: Span) {
        match op {
            BinaryOp::Eq => self.equal(d, a, b, t, false, span),
            BinaryOp::Ne => self.equal(d, a, b, t, true, span),
            _ => {
                let (x, y, le) = match op {
                    BinaryOp::Lt => (a, b, false),
                    BinaryOp::Le => (a, b, true),
                    BinaryOp::Gt => (b, a, false),
                    _ => (b, a, true),
                };
                let o = if self.basic(t) == Some(BasicKind::String) {
                    if le {
                        Op::LeStr { d, a: x, b: y }
                    } else {
                        Op::LtStr { d, a: x, b: y }
                    }
                } else if self.g.tt.is_float(t) {
                    if le {
                        Op::LeF64 { d, a: x, b: y }
                    } else {
                        Op::LtF64 { d, a: x, b: y }
                    }
                } else if self.g.tt.is_unsigned(t) {
                    if le {
                        Op::LeUint { d, a: x, b: y }
                    } else {
                        Op::LtUint { d, a: x, b: y }
                    }
                } else if le {
                    Op::LeInt { d, a: x, b: y }
                } else {
                    Op::LtInt { d, a: x, b: y }
                };
                self.emit(o);
            }
        }
    }

    pub(super) fn equal(&mut self, d: Reg, a: Reg, b: Reg, t: TypeId, negate: bool, _span: Span) {
        match self.under(t).clone() {
            Type::Basic(BasicKind::String, _) => {
                self.emit(Op::EqStr { d, a, b });
                if negate {
                    self.emit(Op::Not { d, a: d });
                }
            }
            Type::Basic(BasicKind::Float32 | BasicKind::Float64, _) => {
                if negate {
                    self.emit(Op::NeF64 { d, a, b });
                } else {
                    self.emit(Op::EqF64 { d, a, b });
                }
            }
            Type::Basic(BasicKind::Complex64 | BasicKind::Complex128, _) => {
                self.emit(Op::EqC { d, a, b });
                if negate {
                    self.emit(Op::Not { d, a: d });
                }
            }
            Type::Interface(_) => {
                self.emit(Op::EqIface { d, a, b });
                if negate {
                    self.emit(Op::Not { d, a: d });
                }
            }
            Type::Struct(_) | Type::Array(..) => {
                let rt = self.g.rt_type(t);
                self.emit(Op::EqValue { d, a, b, t: rt });
                if negate {
                    self.emit(Op::Not { d, a: d });
                }
            }
            _ => {
                if negate {
                    self.emit(Op::NeInt { d, a, b });
                } else {
                    self.emit(Op::EqInt { d, a, b });
                }
            }
        }
    }

    /// Whether index or slice bound `i` has an unsigned type, for the
    /// message of a failed bounds check ([`Unsigned`]).
    pub(super) fn unsigned_bound(&self, i: Option<&Expr>) -> bool {
        i.is_some_and(|i| self.g.tt.is_unsigned(self.ty(i)))
    }

    pub(super) fn index(&mut self, e: &'a Expr, x: &'a Expr, i: &'a Expr, d: Reg) {
        let xt = self.ty(x);
        let u = Unsigned::index(self.unsigned_bound(Some(i)));
        match self.under(xt).clone() {
            Type::Basic(..) => {
                let s = self.operand(x);
                let ir = self.operand(i);
                self.emit(Op::StrIndex { d, a: s, i: ir, u });
            }
            Type::Slice(et) => {
                let s = self.operand(x);
                let ir = self.operand(i);
                let rt = self.g.rt_type(et);
                self.emit(Op::SliceGet {
                    d,
                    a: s,
                    i: ir,
                    t: rt,
                    u,
                });
            }
            Type::Map(kt, _) => {
                let mr = self.operand(x);
                let kr = self.alloc(self.words(kt));
                self.convert_to(i, kt, kr);
                let t = self.g.rt_type(xt);
                let ok = self.g.tt.tuple_elems(self.ty(e)).is_some();
                self.emit(Op::MapGet {
                    d,
                    m: mr,
                    k: kr,
                    t,
                    ok,
                });
            }
            Type::Array(n, et) => {
                let ew = self.words(et);
                // An array in slots (a local's, or a value computed into
                // temporaries) is indexed in place; one in memory through
                // its address.
                let base = match self.local_slots(x) {
                    Some(base) => base,
                    None if self.heap_addressable(x) => {
                        let p = self.alloc(1);
                        self.addr_of(x, p);
                        let ir = self.operand(i);
                        self.load_array_elem(d, p, p, (ir, u), et, n as u32);
                        return;
                    }
                    None => self.operand(x),
                };
                let ir = self.operand(i);
                self.emit(Op::SlotIndex {
                    d,
                    a: base,
                    i: ir,
                    ew,
                    len: n as u32,
                    u,
                });
            }
            Type::Pointer(pt) => {
                let (n, et) = match self.under(pt) {
                    Type::Array(n, et) => (*n, *et),
                    _ => {
                        self.err(e.span, "this index expression");
                        return;
                    }
                };
                let p = self.alloc(1);
                self.expr_to(x, p);
                let ir = self.operand(i);
                self.load_array_elem(d, p, p, (ir, u), et, n as u32);
            }
            _ => self.err(e.span, "this index expression"),
        }
    }

    pub(super) fn slice_expr(
        &mut self,
        e: &'a Expr,
        x: &'a Expr,
        lo: Option<&'a Expr>,
        hi: Option<&'a Expr>,
        max: Option<&'a Expr>,
        d: Reg,
    ) {
        let xt = self.ty(x);
        // An array (addressable) or a pointer to one: slice its storage.
        let arr = match self.under(xt).clone() {
            Type::Array(n, _) => Some((n, false)),
            Type::Pointer(p) => match self.under(p) {
                Type::Array(n, _) => Some((*n, true)),
                _ => None,
            },
            _ => None,
        };
        let (xr, xt) = match arr {
            Some((n, is_ptr)) => {
                let s = self.alloc(3);
                let ok = if is_ptr {
                    self.expr_to(x, s);
                    true
                } else {
                    self.addr_of(x, s)
                };
                if !ok {
                    return;
                }
                // Nil check: slicing a nil array pointer panics.
                self.emit(Op::Load {
                    d: s,
                    a: s,
                    off: Off(0),
                    n: 0,
                });
                self.emit(Op::LoadInt {
                    d: Reg(s.0 + 1),
                    v: n as i64,
                });
                self.emit(Op::LoadInt {
                    d: Reg(s.0 + 2),
                    v: n as i64,
                });
                (s, self.ty(e))
            }
            None => (self.operand(x), xt),
        };
        let three = max.is_some();
        let u = Unsigned::slice(
            self.unsigned_bound(lo),
            self.unsigned_bound(hi),
            self.unsigned_bound(max),
        );
        let b = self.alloc(3);
        match lo {
            Some(l) => self.convert_to(l, ids::INT, b),
            None => {
                self.emit(Op::LoadInt { d: b, v: 0 });
            }
        }
        let hb = Reg(b.0 + 1);
        match hi {
            Some(h) => self.convert_to(h, ids::INT, hb),
            None => {
                self.emit(Op::Move {
                    d: hb,
                    a: Reg(xr.0 + 1),
                });
            }
        }
        match self.under(xt).clone() {
            Type::Basic(..) => {
                self.emit(Op::StrSlice { d, a: xr, b, u });
            }
            Type::Slice(et) => {
                let mb = Reg(b.0 + 2);
                match max {
                    Some(m) => self.convert_to(m, ids::INT, mb),
                    None => {
                        self.emit(Op::Move {
                            d: mb,
                            a: Reg(xr.0 + 2),
                        });
                    }
                }
                let t = self.g.rt_type(et);
                self.emit(Op::SliceSlice {
                    d,
                    a: xr,
                    b,
                    t,
                    three,
                    array: arr.is_some(),
                    u,
                });
            }
            _ => self.err(e.span, "slicing this type"),
        }
    }

    pub(super) fn selector(&mut self, e: &'a Expr, x: &'a Expr, d: Reg) {
        let Some(sel) = self.g.info.selections.get(&e.id).cloned() else {
            // A qualified identifier: pkg.Name.
            if let ExprKind::Selector(_, name) = &e.kind {
                if let Some(o) = self.g.info.uses.get(&name.id).copied() {
                    match self.g.tt.obj(o).kind {
                        ObjKind::Var(_) => return self.load_var(o, d, e.span),
                        ObjKind::Func { .. } => return self.func_value(o, d, e.span),
                        _ => {}
                    }
                }
            }
            self.err(e.span, "this selector");
            return;
        };
        if sel.kind == SelectionKind::MethodVal {
            return self.method_value(e, x, &sel, d);
        }
        if sel.kind != SelectionKind::Field {
            // A method expression `T.M` whose receiver is passed as is.
            if let Some(m) = sel.obj {
                let recv = match self.g.tt.obj(m).kind {
                    ObjKind::Func { recv: Some(r), .. } => r,
                    _ => ids::INVALID,
                };
                // (Never an interface's method, which has no body to call:
                // `interface{ m() }.m` dispatches on its receiver.)
                if sel.index.is_empty()
                    && self.g.tt.identical(recv, sel.recv)
                    && !self.g.tt.is_interface(recv)
                {
                    return self.func_value(m, d, e.span);
                }
                // Otherwise a function that walks the receiver (a
                // pointer, embedded fields, an interface) to the method.
                let name = self.g.tt.obj(m).name.clone();
                let is_decl = matches!(self.g.tt.obj(m).kind, ObjKind::Func { recv: Some(r), .. } if !self.g.tt.is_interface(r));
                let p = super::Promoted {
                    recv: sel.recv,
                    path: sel.index.clone(),
                    name: name.clone(),
                    sig: self.g.tt.obj(m).ty,
                    method: is_decl.then_some(m),
                };
                let i = self.g.promoted.len();
                self.g.promoted.push(p);
                let fname = format!("{}.{name}-fm", self.name);
                let f = self.g.new_func(fname, Body::Promoted(i));
                self.emit(Op::MakeClosure {
                    d,
                    f,
                    a: Reg(0),
                    n: 0,
                });
                return;
            }
            self.err(e.span, "this method expression");
            return;
        }
        let xt = self.ty(x);
        let t = self.ty(e);
        let w = self.words(t);
        let in_heap = self.huge(xt) && self.heap_addressable(x);
        if self.g.tt.pointer_elem(xt).is_none() && !sel.indirect && !in_heap {
            // A field of a struct value: its words within the value.
            let xr = self.operand(x);
            let mut st = xt;
            let mut off = 0;
            for &fi in &sel.index {
                let fs = self
                    .g
                    .tt
                    .struct_fields(st)
                    .map(|f| f.to_vec())
                    .unwrap_or_default();
                off += fs.iter().take(fi).map(|f| self.words(f.ty)).sum::<u32>();
                st = fs.get(fi).map_or(ids::INVALID, |f| f.ty);
            }
            self.emit(Op::MoveN {
                d,
                a: Reg(xr.0 + off),
                n: w,
            });
            return;
        }
        if self.ptr_field_shape(e) {
            let (a, off) = self.ptr_field(e);
            let t = self.ty(e);
            self.load_mem(d, a, off, t);
            return;
        }
        let p = self.alloc(1);
        if self.addr_of(e, p) {
            let t = self.ty(e);
            self.load_mem(d, p, 0, t);
        }
    }
}
