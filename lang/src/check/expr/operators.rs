//! Operators: unary and binary arithmetic, comparison and shifts. Operand
//! types are matched (an untyped side takes the other side's type), the
//! operator is checked against the type, and constant operands are folded
//! exactly, with Go's messages for overflow and division by zero.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn unary(
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
            UnaryOp::Recv => match self.chan_elem(x.ty, true) {
                Ok(elem) => Operand::new(Mode::CommaOk, elem, e),
                Err(why) => {
                    let msg = self.chan_op_error(&x, "receive from", &why);
                    self.error(x.span(), msg);
                    Operand::invalid(e)
                }
            },
            _ => {
                let ok = match op {
                    UnaryOp::Pos | UnaryOp::Neg => self.each_type(x.ty, |c, u| c.tt.is_numeric(u)),
                    UnaryOp::BitNot => self.each_type(x.ty, |c, u| c.tt.is_integer(u)),
                    UnaryOp::Not => self.each_type(x.ty, |c, u| c.tt.is_boolean(u)),
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
                    return self.folded(e, x.ty, Value::unary(op, &v, k));
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

    /// The result of folding a constant operation of type `ty`: the
    /// constant, checked for overflow, or the error in Go's words, at the
    /// operator as Go reports it.
    fn folded(&mut self, e: &'a Expr, ty: TypeId, r: Result<Value, ConstError>) -> Operand<'a> {
        match r {
            Ok(v) => self.overflow(Operand::constant(ty, v, e)),
            Err(err) => {
                self.const_error(e, err);
                Operand::invalid(e)
            }
        }
    }

    /// Go's `opPos`: the operator of a binary expression, else the start
    /// of the expression. The operator is the first token after the left
    /// operand (comments skipped).
    fn op_span(&self, e: &Expr) -> Span {
        let ExprKind::Binary(op, l, _) = &e.kind else {
            return e.span;
        };
        let (id, range) = self.sources.local(Span {
            lo: l.span.hi,
            hi: e.span.hi,
        });
        let f = self.sources.file(id);
        let gap = &f.text.as_bytes()[range.clone()];
        let mut i = 0;
        while i < gap.len() {
            match gap[i] {
                b' ' | b'\t' | b'\n' | b'\r' => i += 1,
                b'/' if gap.get(i + 1) == Some(&b'/') => {
                    i += gap[i..]
                        .iter()
                        .position(|&b| b == b'\n')
                        .unwrap_or(gap.len() - i);
                }
                b'/' if gap.get(i + 1) == Some(&b'*') => {
                    i += gap[i + 2..]
                        .windows(2)
                        .position(|w| w == b"*/")
                        .map_or(gap.len() - i, |p| p + 4);
                }
                _ => break,
            }
        }
        if !gap[i.min(gap.len())..].starts_with(op.as_str().as_bytes()) {
            return e.span;
        }
        let lo = f.base + (range.start + i) as u32;
        Span {
            lo,
            hi: lo + op.as_str().len() as u32,
        }
    }

    fn const_error(&mut self, e: &Expr, err: ConstError) {
        let at = self.op_span(e);
        match err {
            ConstError::DivisionByZero => self.error(e.span, "invalid operation: division by zero"),
            ConstError::TooLarge | ConstError::Overflow => {
                let op = overflow_opname(e);
                let op = if op.is_empty() {
                    String::new()
                } else {
                    format!("{op} ")
                };
                self.error(at, format!("constant {op}overflow"))
            }
            ConstError::NotRepresentable => self.error(at, "constant result is not representable"),
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
                let op = x.expr.map_or("", overflow_opname);
                let op = if op.is_empty() {
                    String::new()
                } else {
                    format!("{op} ")
                };
                let at = x.expr.map_or(x.span(), |e| self.op_span(e));
                self.error(at, format!("constant {op}overflow"));
                x.val = Some(Value::Unknown);
            }
        }
        x
    }

    pub(super) fn binary(
        &mut self,
        e: &'a Expr,
        op: BinaryOp,
        l: &'a Expr,
        r: &'a Expr,
    ) -> Operand<'a> {
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
            && (x.mode == Mode::Constant || self.each_type(x.ty, |c, u| c.tt.is_integer(u)))
            && y.mode == Mode::Constant
            && is_zero(y.val.as_ref())
        {
            self.error(y.span(), "invalid operation: division by zero");
            return Operand::invalid(e);
        }
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            let Some((xv, yv)) = known_values(&x, &y) else {
                return Operand::constant(x.ty, Value::Unknown, e);
            };
            let integer = self.tt.is_integer(x.ty);
            return self.folded(e, x.ty, Value::binary(op, &xv, &yv, integer));
        }
        Operand::new(Mode::Value, x.ty, e)
    }

    fn binary_op_ok(&mut self, x: &Operand, op: BinaryOp) -> bool {
        use BinaryOp::*;
        // Each type of a type parameter's type set must allow `op`.
        let all = |c: &Self, ok: fn(&crate::types::TypeTable, TypeId) -> bool| {
            c.each_type(x.ty, |c, u| ok(&c.tt, u))
        };
        let ok = match op {
            Add => all(self, |tt, u| tt.is_numeric(u) || tt.is_string(u)),
            Sub | Mul | Div => all(self, crate::types::TypeTable::is_numeric),
            Rem | And | Or | Xor | AndNot => all(self, crate::types::TypeTable::is_integer),
            LAnd | LOr => all(self, crate::types::TypeTable::is_boolean),
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
            // Go's allNumeric, allBoolean, allString: of every type of
            // a type parameter's type set.
            let both = |ok: fn(&crate::types::TypeTable, TypeId) -> bool| {
                c.each_type(x.ty, |c, u| ok(&c.tt, u)) == c.each_type(y.ty, |c, u| ok(&c.tt, u))
            };
            if !both(crate::types::TypeTable::is_numeric) {
                return false;
            }
            // Beside an interface (not a type parameter), an untyped
            // boolean or string takes its default type, as Go 1.27 does
            // (`iface + false`: mismatched interface{} and bool).
            let iface = |t: TypeId| c.tt.is_interface(t) && !c.is_fresh(t);
            if iface(x.ty) || iface(y.ty) {
                return true;
            }
            if !both(crate::types::TypeTable::is_boolean)
                || !both(crate::types::TypeTable::is_string)
            {
                return false;
            }
            if x.is_nil() {
                return c.set_has_nil(y.ty);
            }
            if y.is_nil() {
                return c.set_has_nil(x.ty);
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
                        if !self.set_has_nil(t) || (self.nil_operand(&x) && self.nil_operand(&y)) {
                            err_on_y = true;
                            failed = true;
                        }
                    } else if !self.set_comparable(x.ty) {
                        cause = self.incomparable_cause(x.ty);
                        failed = true;
                    } else if !self.set_comparable(y.ty) {
                        err_on_y = true;
                        cause = self.incomparable_cause(y.ty);
                        failed = true;
                    }
                }
                _ => {
                    if !self.each_type(x.ty, |c, u| c.tt.is_ordered(u)) {
                        failed = true;
                    } else if !self.each_type(y.ty, |c, u| c.tt.is_ordered(u)) {
                        err_on_y = true;
                        failed = true;
                    }
                }
            }
        }
        if failed {
            let mut eo = if err_on_y { &y } else { &x };
            if cause.is_empty() && (self.is_fresh(x.ty) || self.is_fresh(y.ty)) {
                // Go names the operand of type parameter type.
                if !self.is_fresh(eo.ty) {
                    eo = if err_on_y { &x } else { &y };
                }
                cause = format!(
                    "type parameter {} cannot use operator {}",
                    self.ts(eo.ty),
                    op.as_str()
                );
            }
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
            let Some((xv, yv)) = known_values(&x, &y) else {
                return Operand::constant(ids::UNTYPED_BOOL, Value::Unknown, e);
            };
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
        if self.is_fresh(t) {
            return "incomparable types in type set".to_string();
        }
        match self.tt.get(self.tt.under(t)) {
            Type::Slice(_) | Type::Func(_) | Type::Map(..) => {
                format!("{} can only be compared to nil", self.tt.composite_kind(t))
            }
            Type::Struct(fs) => {
                for f in fs {
                    if !self.set_comparable(f.ty) {
                        return format!("struct containing {} cannot be compared", self.ts(f.ty));
                    }
                }
                String::new()
            }
            // Go names the array type, not its element.
            Type::Array(..) => format!("{} cannot be compared", self.ts(t)),
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
        let lhs_ok = self.each_type(x.ty, |c, u| c.tt.is_integer(u))
            || (self.tt.is_untyped(x.ty) && xval.is_some());
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
        } else if self.each_type(y.ty, |c, u| c.tt.is_integer(u)) {
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
                return self.folded(e, x.ty, Value::shift(op, &Value::Int(xv), s));
            }
            if self.tt.is_untyped(x.ty) {
                // A non-constant shift of an untyped constant: its type
                // is what the context would give the constant alone.
                return Operand::new(Mode::Value, x.ty, e);
            }
        }
        if !self.each_type(x.ty, |c, u| c.tt.is_integer(u)) {
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
}

/// Both constant operands' values, or `None` if either is unknown (after
/// an earlier error).
fn known_values(x: &Operand, y: &Operand) -> Option<(Value, Value)> {
    match (x.val.clone()?, y.val.clone()?) {
        (Value::Unknown, _) | (_, Value::Unknown) => None,
        pair => Some(pair),
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
        BinaryOp::Xor => "bitwise XOR",
        BinaryOp::Mul => "multiplication",
        BinaryOp::Shl => "shift",
        _ => "",
    }
}

/// The name of the operation of `e` that overflowed, for Go's "constant
/// NAME overflow" (empty: no name).
fn overflow_opname(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Binary(op, ..) => opname(*op),
        ExprKind::Unary(crate::ast::UnaryOp::BitNot, _) => "bitwise complement",
        _ => "",
    }
}
