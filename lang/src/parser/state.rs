//! The grammar's actions: [`State`] is the context lalrpop's generated
//! parser threads through every rule. It allocates node ids, records
//! errors found while building the tree, and turns the general forms the
//! LR(1) grammar parses (expression lists on the left of `:=`, parameter
//! entries, statement headers) into the syntax Go means (see the parser's
//! opening note). Apart from the driver so that the grammar's interface
//! reads as one file.

use super::*;

pub(super) type Recovery = ErrorRecovery<u32, Token, ()>;

/// A top-level entry before the file is assembled (short-lived, so its
/// size does not matter).
#[allow(clippy::large_enum_variant)]
pub(crate) enum TopItem {
    Imports(Vec<ImportSpec>),
    Item(Item),
    Nothing,
}

/// One parameter as written, before grouping.
pub(crate) struct ParamEntry {
    pub(crate) name: Option<Ident>,
    pub(crate) ty: Expr,
    /// The span of `...`.
    pub(crate) variadic: Option<Span>,
}

/// An if/switch header as parsed: `init ; cond`, or just `cond`.
pub(crate) struct Header {
    pub(crate) init: Option<Box<Stmt>>,
    /// Position of the `;`, when there is one.
    pub(crate) semi: Option<u32>,
    pub(crate) cond: Option<Box<Stmt>>,
}

/// Parser state shared by the grammar actions.
pub(crate) struct State<'src> {
    ids: &'src mut NodeIdGen,
    src: &'src str,
    base: u32,
    toks: &'src [(u32, Token, u32)],
    pub(super) diags: Vec<Diagnostic>,
    pub(super) errors: Vec<Recovery>,
}

impl<'src> State<'src> {
    pub(super) fn new(
        ids: &'src mut NodeIdGen,
        src: &'src str,
        base: u32,
        toks: &'src [(u32, Token, u32)],
    ) -> State<'src> {
        State {
            ids,
            src,
            base,
            toks,
            diags: Vec::new(),
            errors: Vec::new(),
        }
    }

    fn error(&mut self, lo: u32, hi: u32, msg: impl Into<String>) {
        self.diags.push(Diagnostic::error(Span::new(lo, hi), msg));
    }

    /// Source text of a global span.
    fn text(&self, span: Span) -> &'src str {
        let lo = span.lo.saturating_sub(self.base) as usize;
        let hi = span.hi.saturating_sub(self.base) as usize;
        self.src.get(lo..hi).unwrap_or("")
    }

    /// Source text with runs of whitespace collapsed, as Go prints
    /// statements in messages.
    fn show(&self, span: Span) -> String {
        self.text(span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Index of the first token starting at or after `pos`.
    fn tok_at(&self, pos: u32) -> usize {
        self.toks.partition_point(|t| t.0 < pos)
    }

    /// Position of the first token in `lo..hi` matching `pred`.
    fn find_tok(&self, lo: u32, hi: u32, pred: impl Fn(&Token) -> bool) -> Option<u32> {
        self.toks[self.tok_at(lo)..]
            .iter()
            .take_while(|t| t.0 < hi)
            .find(|t| pred(&t.1))
            .map(|t| t.0)
    }

    pub(crate) fn ident(&mut self, lo: u32, name: String, hi: u32) -> Ident {
        Ident {
            id: self.ids.fresh(),
            span: Span::new(lo, hi),
            name,
        }
    }

    pub(crate) fn ident_expr(&mut self, i: Ident) -> Expr {
        Expr {
            id: self.ids.fresh(),
            span: i.span,
            kind: ExprKind::Ident(i),
        }
    }

    pub(crate) fn expr(&mut self, lo: u32, hi: u32, kind: ExprKind) -> Expr {
        Expr {
            id: self.ids.fresh(),
            span: Span::new(lo, hi),
            kind,
        }
    }

    /// Statements travel boxed through the parser: a `Stmt` is large, and
    /// every value on lalrpop's symbol stack is as large as the largest.
    pub(crate) fn stmt(&mut self, lo: u32, hi: u32, kind: StmtKind) -> Box<Stmt> {
        Box::new(Stmt {
            id: self.ids.fresh(),
            span: Span::new(lo, hi),
            kind,
        })
    }

    pub(crate) fn binary(&mut self, lo: u32, hi: u32, op: BinaryOp, a: Expr, b: Expr) -> Expr {
        self.expr(lo, hi, ExprKind::Binary(op, Box::new(a), Box::new(b)))
    }

    /// `first op1 x1 op2 x2 ...` grouped by Go's precedence, operators of
    /// one precedence from the left (operator precedence parsing: an
    /// operator waits on a stack until one of no higher precedence
    /// follows). Each node spans its operands and gets its id when it is
    /// built, after its operands, as with one grammar rule per level.
    pub(crate) fn binaries(&mut self, first: Expr, rest: Vec<(BinaryOp, Expr)>) -> Expr {
        let mut operands = Vec::with_capacity(rest.len() + 1);
        operands.push(first);
        let mut ops: Vec<BinaryOp> = Vec::with_capacity(rest.len());
        for (op, x) in rest {
            while ops
                .last()
                .is_some_and(|top| top.precedence() >= op.precedence())
            {
                self.reduce_binary(&mut operands, &mut ops);
            }
            ops.push(op);
            operands.push(x);
        }
        while !ops.is_empty() {
            self.reduce_binary(&mut operands, &mut ops);
        }
        // There is always one more operand than operators.
        operands.swap_remove(0)
    }

    /// Replaces the last two operands by the last operator applied to
    /// them (there are always one more operand than operators).
    fn reduce_binary(&mut self, operands: &mut Vec<Expr>, ops: &mut Vec<BinaryOp>) {
        if let (Some(op), Some(b), Some(a)) = (ops.pop(), operands.pop(), operands.pop()) {
            let (lo, hi) = (a.span.lo, b.span.hi);
            operands.push(self.binary(lo, hi, op, a, b));
        }
    }

    /// `<-chan T` in an expression parses as a receive from `chan T`;
    /// rewrite it to the receive-only channel type, as go/parser does.
    pub(crate) fn unary(&mut self, lo: u32, hi: u32, op: UnaryOp, x: Expr) -> Expr {
        if op == UnaryOp::Recv {
            if let ExprKind::ChanType(ChanDir::Both, _) = &x.kind {
                if let ExprKind::ChanType(_, elem) = x.kind {
                    return self.expr(lo, hi, ExprKind::ChanType(ChanDir::Recv, elem));
                }
            }
        }
        self.expr(lo, hi, ExprKind::Unary(op, Box::new(x)))
    }

    /// `x.(type)`. Outside a switch header the checker rejects it, with
    /// Go's "use of .(type) outside type switch".
    pub(crate) fn type_guard(&mut self, lo: u32, hi: u32, x: Expr) -> Expr {
        self.expr(
            lo,
            hi,
            ExprKind::TypeAssert {
                x: Box::new(x),
                ty: None,
            },
        )
    }

    pub(crate) fn slice(
        &mut self,
        lo: u32,
        hi: u32,
        x: Expr,
        low: Option<Expr>,
        high: Option<Expr>,
        three: Option<(u32, Option<Expr>, u32)>,
    ) -> Expr {
        let (max, is3) = match three {
            Some((colon2, max, rbrack)) => {
                if high.is_none() {
                    self.error(colon2, colon2 + 1, "middle index required in 3-index slice");
                }
                if max.is_none() {
                    self.error(rbrack, rbrack + 1, "final index required in 3-index slice");
                }
                (max, true)
            }
            None => (None, false),
        };
        self.expr(
            lo,
            hi,
            ExprKind::Slice {
                x: Box::new(x),
                lo: low.map(Box::new),
                hi: high.map(Box::new),
                max: max.map(Box::new),
                three: is3,
            },
        )
    }

    pub(crate) fn composite(
        &mut self,
        lo: u32,
        hi: u32,
        ty: Option<Expr>,
        (elems, rbrace): (Vec<Element>, Span),
    ) -> Expr {
        if let Some(t) = &ty {
            let ok = matches!(
                t.kind,
                ExprKind::Ident(_)
                    | ExprKind::Selector(..)
                    | ExprKind::ArrayType { .. }
                    | ExprKind::SliceType(_)
                    | ExprKind::MapType(..)
                    | ExprKind::StructType(_)
                    | ExprKind::Index(..)
                    | ExprKind::IndexList(..)
                    | ExprKind::Bad
            );
            if !ok {
                // The `{` that Go's parser refuses to take as a literal.
                let at = t.span.hi;
                let i = self.tok_at(at);
                let msg = if let ExprKind::Paren(_) = t.kind {
                    "syntax error: cannot parenthesize type in composite literal".to_string()
                } else if open_bracket(self.toks, i)
                    .is_some_and(|o| self.toks[o].1 == Token::LBrace)
                {
                    "syntax error: unexpected { at end of statement".to_string()
                } else {
                    "syntax error: unexpected { after top level declaration".to_string()
                };
                self.error(at, at + 1, msg);
            }
        }
        self.expr(
            lo,
            hi,
            ExprKind::Composite {
                ty: ty.map(Box::new),
                elems,
                rbrace,
            },
        )
    }

    pub(crate) fn const_group(&mut self, mut specs: Vec<ConstSpec>) -> Vec<ConstSpec> {
        for (i, s) in specs.iter_mut().enumerate() {
            s.iota = i as u32;
        }
        specs
    }

    /// `List[int]`, `Pair[K, V]` in a type: one argument is an index
    /// expression, more an index list (as in expressions).
    pub(crate) fn instance(&mut self, lo: u32, hi: u32, x: Expr, mut args: Vec<Expr>) -> Expr {
        let kind = if args.len() == 1 {
            ExprKind::Index(Box::new(x), Box::new(args.remove(0)))
        } else {
            ExprKind::IndexList(Box::new(x), args)
        };
        self.expr(lo, hi, kind)
    }

    /// Sorts a parameter list into groups: either every entry is a type, or
    /// every entry is named, with bare names grouped with the next type
    /// (`a, b int`), as go/parser decides.
    /// `close` is the position of the list's `)`, where Go reports a
    /// missing parameter type. In `results` a `...` is Go's "invalid use
    /// of ..." wherever it stands, not a misplaced final parameter.
    fn params(&mut self, (entries, close): (Vec<ParamEntry>, u32), results: bool) -> Vec<Param> {
        let n = entries.len();
        let named = entries.iter().any(|e| e.name.is_some());
        // At most one parameter per entry: sized once, not grown (every
        // signature of every file parsed passes here).
        let mut out: Vec<Param> = Vec::with_capacity(n);
        // Go reports the first misplaced `...` of a list only.
        let mut ddd_reported = results;
        if results {
            for v in entries.iter().filter_map(|e| e.variadic) {
                self.error(v.lo, v.hi, "invalid use of ...");
            }
        }
        if !named {
            for (i, e) in entries.into_iter().enumerate() {
                if let Some(v) = e.variadic {
                    if i + 1 != n && !ddd_reported {
                        ddd_reported = true;
                        self.error(v.lo, v.hi, "can only use ... with final parameter");
                    }
                }
                out.push(Param {
                    span: e.variadic.map_or(e.ty.span, |v| v.to(e.ty.span)),
                    names: vec![],
                    ty: e.ty,
                    variadic: e.variadic.is_some(),
                });
            }
            return out;
        }
        let mut pending: Vec<Ident> = Vec::new();
        for (i, e) in entries.into_iter().enumerate() {
            match e.name {
                Some(name) => {
                    if let Some(v) = e.variadic {
                        // `a, b ...int` gives `...` to more than one name.
                        if (i + 1 != n || !pending.is_empty()) && !ddd_reported {
                            ddd_reported = true;
                            self.error(v.lo, v.hi, "can only use ... with final parameter");
                        }
                    }
                    let lo = pending.first().map_or(name.span.lo, |p| p.span.lo);
                    let mut names = std::mem::take(&mut pending);
                    names.push(name);
                    out.push(Param {
                        span: Span::new(lo, e.ty.span.hi),
                        names,
                        ty: e.ty,
                        variadic: e.variadic.is_some(),
                    });
                }
                None => match e.ty.kind {
                    ExprKind::Ident(id) if e.variadic.is_none() => pending.push(id),
                    _ => {
                        let lo = e.variadic.map_or(e.ty.span.lo, |v| v.lo);
                        self.error(lo, e.ty.span.hi, "syntax error: missing parameter name");
                    }
                },
            }
        }
        if !pending.is_empty() {
            self.error(close, close + 1, "syntax error: missing parameter type");
        }
        out
    }

    pub(crate) fn signature(
        &mut self,
        span: Span,
        params: (Vec<ParamEntry>, u32),
        results: Option<(Vec<ParamEntry>, u32)>,
    ) -> FuncType {
        let params = self.params(params, false);
        let results = match results {
            Some(r) => self.params(r, true),
            None => Vec::new(),
        };
        FuncType {
            span,
            params,
            results,
        }
    }

    /// `interface{ M[T any]() }`: reported at the `[`; the method is
    /// kept without its type parameters.
    pub(crate) fn iface_method_tparams(
        &mut self,
        lbrack: u32,
        name: Ident,
        ty: FuncType,
    ) -> InterfaceElem {
        self.error(
            lbrack,
            lbrack + 1,
            "interface method must have no type parameters",
        );
        InterfaceElem::Method { name, ty }
    }

    pub(crate) fn func_decl(
        &mut self,
        span: Span,
        recv: Option<(Vec<ParamEntry>, u32)>,
        name: Ident,
        tparams: Vec<TypeParam>,
        ty: FuncType,
        body: Option<(Block, bool)>,
    ) -> FuncDecl {
        let recv = match recv {
            None => None,
            Some(entries) => {
                let mut ps = self.params(entries, false);
                let count: usize = ps.iter().map(|p| p.names.len().max(1)).sum();
                if count == 0 {
                    self.error(name.span.lo, name.span.hi, "method has no receiver");
                    None
                } else {
                    if count > 1 {
                        self.error(name.span.lo, name.span.hi, "method has multiple receivers");
                    }
                    let mut p = ps.swap_remove(0);
                    p.names.truncate(1);
                    Some(p)
                }
            }
        };
        let (body, lazy) = match body {
            Some((b, lazy)) => (Some(b), lazy),
            None => (None, false),
        };
        FuncDecl {
            span,
            recv,
            name,
            tparams,
            ty,
            body,
            lazy,
        }
    }

    pub(crate) fn stmt_list(
        &mut self,
        v: Vec<Option<Box<Stmt>>>,
        last: Option<Box<Stmt>>,
    ) -> Vec<Stmt> {
        v.into_iter()
            .chain(std::iter::once(last))
            .flatten()
            .map(|s| *s)
            .collect()
    }

    pub(crate) fn labeled(
        &mut self,
        lo: u32,
        hi: u32,
        label: Ident,
        s: Option<Box<Stmt>>,
    ) -> Box<Stmt> {
        let inner = match s {
            Some(s) => s,
            None => {
                // Go's parser: a label needs a statement, possibly an empty
                // one ended by `;`, or none before a `}`.
                let colon = self.tok_at(label.span.hi);
                let next = self.toks.get(colon + 1).map(|t| &t.1);
                if !matches!(next, Some(Token::Semi(_) | Token::RBrace | Token::LazyBody)) {
                    if let Some(&(lo, _, hi)) = self.toks.get(colon) {
                        self.error(lo, hi, "syntax error: missing statement after label");
                    }
                }
                self.stmt(hi, hi, StmtKind::Empty)
            }
        };
        self.stmt(lo, hi, StmtKind::Labeled { label, stmt: inner })
    }

    /// Records a recovered error inside a list.
    pub(crate) fn recover(&mut self, e: Recovery) {
        self.errors.push(e);
    }

    /// `go f()` and `defer f()`.
    pub(crate) fn go_defer(&mut self, lo: u32, hi: u32, e: Expr, is_go: bool) -> Box<Stmt> {
        // (That it is an unparenthesized call is the checker's to say,
        // as in Go.)
        let kind = if is_go {
            StmtKind::Go(e)
        } else {
            StmtKind::Defer(e)
        };
        self.stmt(lo, hi, kind)
    }

    pub(crate) fn recovered(&mut self, e: Recovery) -> Box<Stmt> {
        let (lo, hi) = match &e.error {
            ParseError::UnrecognizedToken { token, .. } | ParseError::ExtraToken { token } => {
                (token.0, token.2)
            }
            ParseError::UnrecognizedEof { location, .. }
            | ParseError::InvalidToken { location } => (*location, *location),
            ParseError::User { .. } => (0, 0),
        };
        let hi = e.dropped_tokens.last().map_or(hi, |t| t.2.max(hi));
        self.errors.push(e);
        self.stmt(lo, hi, StmtKind::Bad)
    }

    pub(crate) fn expr_stmt(&mut self, lo: u32, hi: u32, mut exprs: Vec<Expr>) -> Box<Stmt> {
        if exprs.len() != 1 {
            let i = self.tok_at(hi);
            let (pos, what) = match self.toks.get(i) {
                Some((l, t, h)) => (*l, t.describe(self.text(Span::new(*l, *h)))),
                None => (hi, "EOF".to_string()),
            };
            self.error(
                pos,
                pos + 1,
                format!("syntax error: unexpected {what}, expected := or = or comma"),
            );
            return self.stmt(lo, hi, StmtKind::Bad);
        }
        let e = exprs.pop().unwrap_or_else(|| Expr {
            id: NodeId(u32::MAX),
            span: Span::new(lo, hi),
            kind: ExprKind::Bad,
        });
        self.stmt(lo, hi, StmtKind::Expr(e))
    }

    /// The names of `a, b :=`.
    fn names(&mut self, lhs: Vec<Expr>) -> Vec<Ident> {
        lhs.into_iter()
            .map(|e| match e.kind {
                ExprKind::Ident(i) => i,
                ExprKind::Bad => self.ident(e.span.lo, "_".into(), e.span.hi),
                _ => {
                    let msg = format!("non-name {} on left side of :=", self.show(e.span));
                    self.error(e.span.lo, e.span.hi, msg);
                    self.ident(e.span.lo, "_".into(), e.span.hi)
                }
            })
            .collect()
    }

    pub(crate) fn define(
        &mut self,
        lo: u32,
        _op: u32,
        hi: u32,
        lhs: Vec<Expr>,
        rhs: Vec<Expr>,
    ) -> Box<Stmt> {
        let names = self.names(lhs);
        self.stmt(lo, hi, StmtKind::Define { names, values: rhs })
    }

    /// A header statement that must be an expression (a condition or a
    /// switch tag).
    fn as_expr(&mut self, s: Box<Stmt>) -> Option<Expr> {
        match s.kind {
            StmtKind::Expr(e) => Some(e),
            StmtKind::Bad => None,
            _ => {
                let at = self
                    .find_tok(s.span.lo, s.span.hi, |t| {
                        matches!(
                            t,
                            Token::Define
                                | Token::Assign
                                | Token::AssignOp(_)
                                | Token::Arrow
                                | Token::Inc
                                | Token::Dec
                        )
                    })
                    .unwrap_or(s.span.lo);
                let what = match &s.kind {
                    StmtKind::Assign { op: None, .. } => {
                        format!("assignment {}", self.show(s.span))
                    }
                    _ => self.show(s.span),
                };
                let msg = format!("syntax error: cannot use {what} as value");
                self.error(at, at + 1, msg);
                None
            }
        }
    }

    fn bad_expr(&mut self, at: u32) -> Expr {
        self.expr(at, at, ExprKind::Bad)
    }

    pub(crate) fn if_stmt(
        &mut self,
        lo: u32,
        hi: u32,
        h: Header,
        then: Block,
        els: Option<Box<Stmt>>,
    ) -> Box<Stmt> {
        let cond = match h.cond {
            Some(s) => self.as_expr(s),
            None => {
                // Go: a written `;` with nothing after it is a missing
                // condition; a newline means the `{` is on the next line.
                let (at, msg) = match h.semi.map(|at| (at, self.tok_at(at))) {
                    Some((at, i)) => match self.toks.get(i) {
                        Some((l, t @ Token::Semi(SemiKind::Newline | SemiKind::Eof), h)) => (
                            at,
                            format!(
                                "syntax error: unexpected {}, expected {{ after if clause",
                                t.describe(self.text(Span::new(*l, *h)))
                            ),
                        ),
                        _ => (at, "syntax error: missing condition in if statement".into()),
                    },
                    None => (
                        then.span.lo,
                        "syntax error: missing condition in if statement".into(),
                    ),
                };
                self.error(at, at + 1, msg);
                None
            }
        };
        let cond = match cond {
            Some(c) => c,
            None => self.bad_expr(then.span.lo),
        };
        self.stmt(
            lo,
            hi,
            StmtKind::If {
                init: h.init,
                cond,
                then,
                els,
            },
        )
    }

    /// If `e` is an unparenthesised `x.(type)`, consumes it and returns `x`.
    fn take_guard(&mut self, e: Expr) -> Result<Expr, Expr> {
        if let ExprKind::TypeAssert { ty: None, .. } = &e.kind {
            if let ExprKind::TypeAssert { x, .. } = e.kind {
                return Ok(*x);
            }
        }
        Err(e)
    }

    pub(crate) fn switch(
        &mut self,
        lo: u32,
        hi: u32,
        h: Header,
        cases: Vec<CaseClause>,
        rbrace: Span,
    ) -> Box<Stmt> {
        let init = h.init;
        let mut tag = None;
        let mut guard: Option<(Option<Ident>, Expr)> = None;
        if let Some(s) = h.cond {
            match s.kind {
                StmtKind::Define {
                    mut names,
                    mut values,
                } if names.len() == 1
                    && values.len() == 1
                    && matches!(values[0].kind, ExprKind::TypeAssert { ty: None, .. }) =>
                {
                    let v = values.pop().map(|e| self.take_guard(e));
                    if let Some(Ok(x)) = v {
                        guard = Some((names.pop(), x));
                    }
                }
                StmtKind::Expr(e) => match self.take_guard(e) {
                    Ok(x) => guard = Some((None, x)),
                    Err(e) => tag = Some(e),
                },
                _ => {
                    tag = self.as_expr(s);
                }
            }
        }
        match guard {
            None => self.stmt(
                lo,
                hi,
                StmtKind::Switch {
                    init,
                    tag,
                    cases,
                    rbrace,
                },
            ),
            Some((bind, x)) => {
                let cases = cases
                    .into_iter()
                    .map(|c| TypeCaseClause {
                        span: c.span,
                        types: c.exprs,
                        is_default: c.is_default,
                        body: c.body,
                        implicit: self.ids.fresh(),
                    })
                    .collect();
                self.stmt(
                    lo,
                    hi,
                    StmtKind::TypeSwitch {
                        init,
                        bind,
                        x,
                        cases,
                        rbrace,
                    },
                )
            }
        }
    }

    pub(crate) fn for_cond(&mut self, lo: u32, hi: u32, c: Box<Stmt>, body: Block) -> Box<Stmt> {
        let cond = self.as_expr(c);
        self.stmt(
            lo,
            hi,
            StmtKind::For {
                init: None,
                cond,
                post: None,
                body,
            },
        )
    }

    pub(crate) fn for_three(
        &mut self,
        lo: u32,
        hi: u32,
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
    ) -> Box<Stmt> {
        if let Some(p) = &post {
            if let StmtKind::Define { .. } = p.kind {
                let at = self
                    .find_tok(p.span.lo, p.span.hi, |t| *t == Token::Define)
                    .unwrap_or(p.span.lo);
                self.error(
                    at,
                    at + 2,
                    "syntax error: cannot declare in post statement of for loop",
                );
            }
        }
        self.stmt(
            lo,
            hi,
            StmtKind::For {
                init,
                cond,
                post,
                body,
            },
        )
    }

    pub(crate) fn range(
        &mut self,
        lo: u32,
        hi: u32,
        keys: Vec<Expr>,
        define: bool,
        x: Expr,
        body: Block,
    ) -> Box<Stmt> {
        let extra = keys.get(2).map(|k| k.span);
        let keys = if define {
            self.names(keys)
                .into_iter()
                .map(|i| self.ident_expr(i))
                .collect()
        } else {
            keys
        };
        let mut it = keys.into_iter();
        let key = it.next();
        let value = it.next();
        self.stmt(
            lo,
            hi,
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
                extra,
            },
        )
    }

    /// Which statements may stand in a select case is the checker's to say,
    /// as in Go (`select case must be send or receive (possibly with
    /// assignment)`).
    pub(crate) fn comm_clause(
        &mut self,
        lo: u32,
        hi: u32,
        comm: Option<Box<Stmt>>,
        body: Vec<Stmt>,
    ) -> CommClause {
        CommClause {
            span: Span::new(lo, hi),
            comm,
            body,
        }
    }
}
