//! Access to parts of a value: index and slice expressions (with constant
//! index checks against known lengths) and type assertions.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn type_assert(
        &mut self,
        e: &'a Expr,
        xe: &'a Expr,
        te: Option<&'a Expr>,
    ) -> Operand<'a> {
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
        // An assertion to a type parameter is checked at run time only:
        // Go's generic body knows nothing of the argument's methods.
        if !self.mentions_tparam(te) {
            self.check_type_assertion(e, x.ty, t, te.span);
        }
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

    /// `x[i]`, or `x[i, j]` (an instance, or Go's `more than one index`
    /// once `x` is found indexable).
    pub(super) fn index_expr(&mut self, e: &'a Expr, xe: &'a Expr, is: &'a [Expr]) -> Operand<'a> {
        if let Some(op) = self.instance_expr(e, xe, is) {
            return op;
        }
        let x = match self.method_instance_expr(e, xe, is) {
            crate::check::genmethod::Instantiated::Method(op) => return op,
            crate::check::genmethod::Instantiated::Other(x) => x,
        };
        if x.mode == Mode::Invalid {
            self.use_indices(is);
            return Operand::invalid(e);
        }
        if x.mode == Mode::TypeExpr {
            let s = expr_string(xe);
            let es = expr_string(e);
            self.error(
                e.span,
                format!("invalid operation: {es} ({s} is not a generic type)"),
            );
            return Operand::invalid(e);
        }
        let x = self.single_value(x);
        if x.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        // A type parameter is indexed when every type of its set is,
        // with one element type (and one key type, all maps or none).
        if self.is_fresh(x.ty) {
            if let Some((key, elem, mode)) = self.type_param_index(x.ty, x.mode) {
                let ie = self.single_index(is);
                if let Some(k) = key {
                    let mut key = self.expr(ie);
                    if key.mode != Mode::Invalid {
                        self.assignment(&mut key, k, "map index");
                    }
                    return Operand::new(Mode::MapIndex, elem, e);
                }
                self.index_value(ie, None);
                return Operand::new(mode, elem, e);
            }
        }
        let Some(u) = self.core_type(x.ty).filter(|_| !self.is_fresh(x.ty)) else {
            return self.cannot_index(e, &x, is);
        };
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
                _ => return self.cannot_index(e, &x, is),
            },
            Type::Slice(el) => (Mode::Variable, el, None),
            Type::Map(k, v) => {
                let ie = self.single_index(is);
                let mut key = self.expr(ie);
                if key.mode != Mode::Invalid {
                    self.assignment(&mut key, k, "map index");
                }
                return Operand::new(Mode::MapIndex, v, e);
            }
            _ => return self.cannot_index(e, &x, is),
        };
        let ie = self.single_index(is);
        self.index_value(ie, len);
        // Indexing a constant string with a constant index is not constant.
        Operand::new(mode, elem, e)
    }

    /// The index of an indexable operand: the first of `is`, the second
    /// reported as Go's `singleIndex` reports it.
    fn single_index(&mut self, is: &'a [Expr]) -> &'a Expr {
        if let Some(second) = is.get(1) {
            self.error(second.span, "invalid operation: more than one index");
        }
        &is[0]
    }

    /// Evaluates indices that apply to nothing, values or types (Go's
    /// `check.use`).
    fn use_indices(&mut self, is: &'a [Expr]) {
        for i in is {
            let _ = self.expr_or_type(i);
        }
    }

    /// `x[i]` of an operand that no index applies to (`f[int]()` of a
    /// function without type parameters): Go reports it at the `[`, and
    /// the index may be a type.
    fn cannot_index(&mut self, e: &'a Expr, x: &Operand, is: &'a [Expr]) -> Operand<'a> {
        self.use_indices(is);
        let d = self.operand_string(x);
        let lbrack = self.sources.token_after(x.span().hi);
        self.error(Span::new(lbrack, lbrack + 1), format!("cannot index {d}"));
        Operand::invalid(e)
    }

    /// Checks an index (or slice bound): an integer, non-negative when
    /// constant, below `len` when both are known. Returns its value if constant.
    pub(crate) fn index_value(&mut self, ie: &'a Expr, len: Option<u64>) -> Option<i64> {
        self.index_checked(ie, len).ok().flatten()
    }

    /// An index, slice bound, `make` size or array literal key as Go
    /// judges one (types2's `index` and `isValidIndex`): of integer type
    /// (every type of a type parameter's set), untyped constants becoming
    /// int; when constant, not negative, representable as an int and below
    /// `len` when that is known. `Ok(Some(v))`: a constant `v`; `Ok(None)`:
    /// a valid index that is not constant; `Err(())`: reported.
    pub(crate) fn index_checked(
        &mut self,
        ie: &'a Expr,
        len: Option<u64>,
    ) -> Result<Option<i64>, ()> {
        let mut x = self.expr(ie);
        if x.mode == Mode::Invalid {
            return Err(());
        }
        if x.mode == Mode::Constant && self.tt.is_untyped(x.ty) {
            self.convert_untyped(&mut x, ids::INT);
            if x.mode == Mode::Invalid {
                return Err(());
            }
        } else {
            self.default_untyped(&mut x);
        }
        // Every type of a type parameter's set (Go's `allInteger`).
        if !self.each_type(x.ty, |c, u| c.tt.is_integer(u)) {
            let d = self.operand_string(&x);
            self.error(
                x.span(),
                format!("invalid argument: index {d} must be integer"),
            );
            return Err(());
        }
        if x.mode != Mode::Constant {
            return Ok(None);
        }
        if self.negative_index(&x) {
            return Err(());
        }
        let Some(v) = x.val.as_ref().and_then(|v| v.to_i64()) else {
            let d = self.operand_string(&x);
            self.error(
                x.span(),
                format!("invalid argument: index {d} overflows int"),
            );
            return Err(());
        };
        if let Some(n) = len {
            if v as u64 >= n {
                let s = expr_string(ie);
                self.error(
                    x.span(),
                    format!("invalid argument: index {s} out of bounds [0:{n}]"),
                );
                return Err(());
            }
        }
        Ok(Some(v))
    }

    /// Reports a constant index or size (already of integer type) that is
    /// negative; whether it was.
    pub(crate) fn negative_index(&mut self, x: &Operand) -> bool {
        let v = x.val.as_ref().and_then(|v| v.to_i64());
        if v.is_none_or(|v| v >= 0) {
            return false;
        }
        let d = self.operand_string(x);
        self.error(
            x.span(),
            format!("invalid argument: index {d} must not be negative"),
        );
        true
    }

    pub(super) fn slice_expr(
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
        let Some(u) = self.core_type(x.ty) else {
            for b in [lo, hi, max].into_iter().flatten() {
                let _ = self.expr(b);
            }
            let d = self.operand_string(&x);
            let ts = self.ts(x.ty);
            let why = match self.fresh_tparams.get(&x.ty).and_then(|s| s.terms.as_ref()) {
                Some(_) => format!("{ts} has no core type"),
                None => format!("no specific type in {ts}"),
            };
            self.error(x.span(), format!("cannot slice {d}: {why}"));
            return Operand::invalid(e);
        };
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
        // (A missing index of a 3-index slice is the parser's to report.)
        if three && (hi.is_none() || max.is_none()) {
            return Operand::invalid(e);
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
