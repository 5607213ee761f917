//! Type expressions: from syntax (types are expressions) to [`TypeId`]s.

use super::checker::Checker;
use super::Mode;
use super::TypeAndValue;
use crate::ast::{self, Expr, ExprKind, Span};
use crate::diag::Diagnostic;
use crate::types::{ids, Field, IMethod, Interface, Type, TypeId};

impl<'a> Checker<'a> {
    fn record_type(&mut self, e: &Expr, t: TypeId) {
        self.info.types.insert(
            e.id,
            TypeAndValue {
                mode: Mode::TypeExpr,
                ty: t,
                value: None,
            },
        );
    }

    /// Evaluates constraint `c` as a type, where type sets and
    /// `comparable` may be written (`in_constraint`).
    pub(crate) fn constraint_typexpr(&mut self, c: &'a Expr) -> TypeId {
        let outer = std::mem::replace(&mut self.in_constraint, true);
        let ct = self.typexpr(c);
        self.in_constraint = outer;
        ct
    }

    /// Evaluates `e` as a type; reports and returns `INVALID` otherwise.
    pub(crate) fn typexpr(&mut self, e: &'a Expr) -> TypeId {
        let t = self.typexpr_inner(e);
        if !self.tt.is_invalid(t) {
            self.record_type(e, t);
            // Type literals too (`x.(interface{ M() })`), see `reach`.
            self.reach_type_expr(t);
        }
        t
    }

    fn typexpr_inner(&mut self, e: &'a Expr) -> TypeId {
        match &e.kind {
            // A function whose signature is being checked is no type: Go
            // says so instead of declaring it again as a cycle.
            ExprKind::Ident(id) if self.declaring_func(id).is_some() => {
                if let Some(o) = self.declaring_func(id) {
                    self.info.uses.insert(id.id, o);
                }
                self.error(e.span, format!("{} (function) is not a type", id.name));
                ids::INVALID
            }
            ExprKind::Ident(_) | ExprKind::Selector(..) => {
                let x = self.expr_or_type(e);
                match x.mode {
                    Mode::Invalid => ids::INVALID,
                    Mode::TypeExpr => x.ty,
                    _ => {
                        let msg = self.not_a_type(e, &x);
                        self.error(e.span, msg);
                        ids::INVALID
                    }
                }
            }
            ExprKind::Paren(x) => self.typexpr(x),
            ExprKind::Star(x) => {
                let t = self.typexpr(x);
                if self.tt.is_invalid(t) {
                    return t;
                }
                self.tt.pointer(t)
            }
            ExprKind::ArrayType { len: None, elem } => {
                self.error(
                    e.span,
                    "invalid use of [...] array (outside a composite literal)",
                );
                let _ = self.typexpr(elem);
                ids::INVALID
            }
            ExprKind::ArrayType {
                len: Some(len),
                elem,
            } => {
                let n = self.array_length(len);
                let et = self.typexpr(elem);
                match n {
                    Some(n) if !self.tt.is_invalid(et) => {
                        let at = self.tt.intern(Type::Array(n, et));
                        // gol's heap cannot hold more than 2^48 bytes.
                        if self.tt.size_of(at).is_none_or(|s| s > 1 << 48) {
                            let s = self.ts(at);
                            self.error(e.span, format!("type {s} larger than address space"));
                            return ids::INVALID;
                        }
                        at
                    }
                    _ => ids::INVALID,
                }
            }
            ExprKind::SliceType(elem) => {
                let et = self.typexpr(elem);
                if self.tt.is_invalid(et) {
                    return et;
                }
                self.tt.slice(et)
            }
            ExprKind::MapType(k, v) => {
                let kt = self.typexpr(k);
                let vt = self.typexpr(v);
                if self.tt.is_invalid(kt) || self.tt.is_invalid(vt) {
                    return ids::INVALID;
                }
                // (In a constraint, a later type parameter's own
                // constraint may not be known yet.)
                if !self.in_constraint && self.is_fresh(kt) && !self.set_comparable(kt) {
                    let s = self.ts(kt);
                    self.error(
                        k.span,
                        format!("invalid map key type {s} (missing comparable constraint)"),
                    );
                    // Go keeps the map type: a call it is passed to
                    // still infers and judges its key.
                    return self.tt.intern(Type::Map(kt, vt));
                }
                self.later_map_keys.push((kt, self.start_span(k)));
                self.tt.intern(Type::Map(kt, vt))
            }
            ExprKind::ChanType(dir, elem) => {
                let et = self.typexpr(elem);
                if self.tt.is_invalid(et) {
                    return et;
                }
                self.tt.intern(Type::Chan((*dir).into(), et))
            }
            ExprKind::FuncType(ft) => {
                self.params_unique(ft);
                self.func_type(ft)
            }
            ExprKind::StructType(fields) => self.struct_type(fields),
            ExprKind::InterfaceType(elems) => self.interface_type(e.id, elems),
            ExprKind::Bad => ids::INVALID,
            _ => {
                let x = self.expr_or_type(e);
                if x.mode == Mode::Invalid {
                    return ids::INVALID;
                }
                if x.mode == Mode::TypeExpr {
                    return x.ty;
                }
                let msg = self.not_a_type(e, &x);
                self.error(e.span, msg);
                ids::INVALID
            }
        }
    }

    /// The function `id` names, if its declaration is in progress.
    fn declaring_func(&mut self, id: &ast::Ident) -> Option<crate::types::ObjId> {
        let o = self.lookup(&id.name)?;
        let is_func = matches!(self.tt.obj(o).kind, crate::types::ObjKind::Func { .. });
        (is_func && self.color.get(&o) == Some(&super::checker::Color::Grey)).then_some(o)
    }

    /// Go's message for a value where a type belongs: a name says what it
    /// names (`n (local variable) is not a type`), a selector what it is
    /// (`fmt.Println (value of type func(...)) is not a type`), another
    /// expression only itself (`0 is not a type`).
    fn not_a_type(&self, e: &Expr, x: &super::expr::Operand) -> String {
        use crate::types::{ObjKind, VarKind};
        let id = match &e.kind {
            ExprKind::Ident(id) => id,
            ExprKind::Selector(..) => return format!("{} is not a type", self.operand_string(x)),
            _ => {
                let s = super::exprstring::expr_string(e);
                return format!("{s} is not a type");
            }
        };
        let kind = match self.info.uses.get(&id.id).map(|&o| &self.tt.obj(o).kind) {
            Some(ObjKind::Const(_)) => "constant",
            Some(ObjKind::Var(VarKind::Global)) => "package-level variable",
            Some(ObjKind::Var(VarKind::Local)) => "local variable",
            Some(ObjKind::Var(VarKind::Param)) => "parameter",
            Some(ObjKind::Var(VarKind::Result)) => "result variable",
            Some(ObjKind::Var(VarKind::Recv)) => "receiver",
            Some(ObjKind::Func { .. }) => "function",
            Some(ObjKind::Builtin(_)) => "built-in function",
            Some(ObjKind::Nil) => "untyped nil",
            _ => return format!("{} is not a type", self.operand_string(x)),
        };
        format!("{} ({kind}) is not a type", id.name)
    }

    /// Checks map key types once the types they name are complete.
    pub(crate) fn check_map_keys(&mut self) {
        for (base, star, span) in std::mem::take(&mut self.later_embedded) {
            self.embedded_ok(base, star, span);
        }
        let keys = std::mem::take(&mut self.later_map_keys);
        for (k, span) in keys {
            if self.tt.is_invalid(self.tt.under(k)) {
                continue;
            }
            if !self.tt.comparable(k) {
                let s = self.ts(k);
                self.error(span, format!("invalid map key type {s}"));
            }
        }
    }

    /// An embedded field's type `base` (or `*base`) must not be a pointer,
    /// nor a pointer to an interface.
    fn embedded_ok(&mut self, base: TypeId, star: bool, span: crate::ast::Span) {
        if self.tt.is_named(base) && matches!(self.tt.get(self.tt.under(base)), Type::Pointer(_)) {
            self.error(span, "embedded field type cannot be a pointer");
        } else if star && self.tt.is_interface(base) {
            self.error(
                span,
                "embedded field type cannot be a pointer to an interface",
            );
        }
    }

    fn array_length(&mut self, len: &'a Expr) -> Option<u64> {
        // A name is looked at first, as Go's checker does (`[N]T` may be
        // meant as a generic type missing N's constraint); it is not
        // evaluated, so a variable named here is not used.
        if let ExprKind::Ident(id) = &len.kind {
            match self.lookup(&id.name) {
                None => {
                    let msg = format!(
                        "undefined array length {} or missing type constraint",
                        id.name
                    );
                    self.error(len.span, msg);
                    return None;
                }
                Some(o) if !matches!(self.tt.obj(o).kind, crate::types::ObjKind::Const(_)) => {
                    self.error(len.span, format!("invalid array length {}", id.name));
                    return None;
                }
                Some(_) => {}
            }
        }
        let x = self.expr(len);
        if x.mode == Mode::Invalid {
            return None;
        }
        if x.mode != Mode::Constant {
            let d = self.operand_string(&x);
            self.error(len.span, format!("array length {d} must be constant"));
            return None;
        }
        let val = x.val.clone().unwrap_or(crate::constant::Value::Unknown);
        if self.tt.is_untyped(x.ty) || self.tt.is_integer(x.ty) {
            if let Some(n) = val.to_int() {
                if let Ok(n) = i64::try_from(n) {
                    if n >= 0 {
                        return Some(n as u64);
                    }
                }
                let d = self.operand_string(&x);
                self.error(len.span, format!("invalid array length {d}"));
                return None;
            }
        }
        let d = self.operand_string(&x);
        self.error(len.span, format!("array length {d} must be integer"));
        None
    }

    /// The parameter and result names of a function type that declares
    /// no function (a type literal, an interface method) are one block, as
    /// a function's are its body's: a name twice is `redeclared`.
    fn params_unique(&mut self, ft: &ast::FuncType) {
        let mut seen: std::collections::HashMap<&str, crate::ast::Span> = Default::default();
        for n in ft.params.iter().chain(&ft.results).flat_map(|p| &p.names) {
            if n.is_blank() {
                continue;
            }
            match seen.get(n.name.as_str()) {
                Some(&prev) => self.error_with(
                    Diagnostic::error(n.span, format!("{} redeclared in this block", n.name))
                        .with_secondary(prev, format!("other declaration of {}", n.name)),
                ),
                None => {
                    seen.insert(&n.name, n.span);
                }
            }
        }
    }

    /// A signature from a function type's syntax.
    pub(crate) fn func_type(&mut self, ft: &'a ast::FuncType) -> TypeId {
        let mut params = Vec::new();
        let mut variadic = false;
        let mut bad = false;
        for (i, p) in ft.params.iter().enumerate() {
            let mut t = self.typexpr(&p.ty);
            bad |= self.tt.is_invalid(t);
            // A misplaced `...` (the parser reported it) is ignored, as
            // Go's checker ignores it.
            if p.variadic && i + 1 == ft.params.len() && p.names.len() <= 1 {
                variadic = true;
                t = self.tt.slice(t);
            }
            for _ in 0..p.names.len().max(1) {
                params.push(t);
            }
        }
        let mut results = Vec::new();
        for p in &ft.results {
            let t = self.typexpr(&p.ty);
            bad |= self.tt.is_invalid(t);
            for _ in 0..p.names.len().max(1) {
                results.push(t);
            }
        }
        let _ = bad;
        self.tt.func(params, results, variadic)
    }

    fn struct_type(&mut self, fields: &'a [ast::FieldDecl]) -> TypeId {
        let mut out: Vec<Field> = Vec::new();
        let mut spans: Vec<crate::ast::Span> = Vec::new();
        for f in fields {
            let t = self.typexpr(&f.ty);
            if f.is_embedded() {
                let name = embedded_name(&f.ty).unwrap_or("_").to_string();
                // An embedded type must be a type name T or *T, T not a pointer.
                if !self.tt.is_invalid(t) {
                    let star = matches!(f.ty.kind, ExprKind::Star(_));
                    let base = if star {
                        self.tt.pointer_elem(t).unwrap_or(t)
                    } else {
                        t
                    };
                    // A type being declared (`type T *struct{ T }`) is
                    // judged once its underlying type is known.
                    if self
                        .tt
                        .named(base)
                        .is_some_and(|n| n.underlying == ids::INVALID)
                    {
                        self.later_embedded.push((base, star, f.ty.span));
                    } else {
                        self.embedded_ok(base, star, f.ty.span);
                    }
                }
                let k = out.len();
                self.add_field(&mut out, &mut spans, name, t, true, f.ty.span);
                set_tag(&mut out, k, &f.tag);
            } else {
                for n in &f.names {
                    self.info.defs.remove(&n.id);
                    let k = out.len();
                    self.add_field(&mut out, &mut spans, n.name.clone(), t, false, n.span);
                    set_tag(&mut out, k, &f.tag);
                }
            }
        }
        self.tt.intern(Type::Struct(out))
    }

    fn add_field(
        &mut self,
        out: &mut Vec<Field>,
        spans: &mut Vec<crate::ast::Span>,
        name: String,
        ty: TypeId,
        embedded: bool,
        span: crate::ast::Span,
    ) {
        if name != "_" {
            if let Some(i) = out.iter().position(|f| f.name == name) {
                self.error_with(
                    Diagnostic::error(span, format!("{name} redeclared"))
                        .with_secondary(spans[i], format!("other declaration of {name}")),
                );
                // Keep the first field only: no ambiguous selectors later.
                return;
            }
        }
        let pkg = if crate::types::is_exported(&name) {
            None
        } else {
            Some(self.pkg)
        };
        out.push(Field {
            name,
            ty,
            embedded,
            pkg,
            tag: String::new(),
        });
        spans.push(span);
    }

    fn interface_type(&mut self, id: ast::NodeId, elems: &'a [ast::InterfaceElem]) -> TypeId {
        let mut methods: Vec<IMethod> = Vec::new();
        let mut comparable = false;
        // The type set's terms, kept beside the type (see `generic`).
        let mut terms: Option<Vec<(bool, TypeId)>> = None;
        for el in elems {
            match el {
                ast::InterfaceElem::Union(ts) => {
                    let mut v = Vec::new();
                    // Terms may be constraints themselves (`Signed |
                    // Unsigned`): their terms join the union.
                    let saved = std::mem::replace(&mut self.in_constraint, true);
                    let mut written = Vec::new();
                    for (tilde, te) in ts {
                        let t = self.typexpr(te);
                        if self.tt.is_invalid(t) {
                            continue;
                        }
                        written.push((*tilde, t, te));
                        match self.named_terms.get(&t) {
                            Some(inner) => v.extend(inner.iter().copied()),
                            None => v.push((*tilde, t)),
                        }
                    }
                    self.in_constraint = saved;
                    if ts.len() > 1 || ts.first().is_some_and(|(tilde, _)| *tilde) {
                        self.union_term_errors(&written);
                    }
                    terms = Some(self.intersect_terms(terms, v));
                }
                ast::InterfaceElem::Method { name, ty } => {
                    self.params_unique(ty);
                    let sig = self.func_type(ty);
                    let pkg = if crate::types::is_exported(&name.name) {
                        None
                    } else {
                        Some(self.pkg)
                    };
                    if methods.iter().any(|m| m.name == name.name) {
                        self.error(name.span, format!("duplicate method {}", name.name));
                        continue;
                    }
                    methods.push(IMethod {
                        name: name.name.clone(),
                        pkg,
                        sig,
                    });
                }
                ast::InterfaceElem::Embed(e) => {
                    let t = self.typexpr_embedded(e);
                    if self.tt.is_invalid(t) {
                        continue;
                    }
                    if let Some(v) = self.named_terms.get(&t).cloned() {
                        terms = Some(self.intersect_terms(terms, v));
                    }
                    let u = self.under_checked(t);
                    let Some(iface) = self.tt.interface(u).cloned() else {
                        // A single non-interface term: `interface{ int }`.
                        if !self.tt.is_invalid(u) {
                            terms = Some(self.intersect_terms(terms, vec![(false, t)]));
                        }
                        continue;
                    };
                    comparable |= iface.comparable;
                    for m in iface.methods {
                        if let Some(prev) = methods.iter().find(|p| p.name == m.name) {
                            if !self.tt.identical(prev.sig, m.sig) {
                                self.error(e.span, format!("duplicate method {}", m.name));
                            }
                            continue;
                        }
                        methods.push(m);
                    }
                }
            }
        }
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        if let Some(v) = terms {
            self.expr_terms.insert(id, v);
        }
        self.tt.intern(Type::Interface(Interface {
            methods,
            comparable,
            alias: None,
        }))
    }

    /// The rules of a union's terms, as Go's `parseUnion` checks them
    /// (a lone term without `~` is an embedded type instead): `~` only of
    /// a type that is its own underlying type and no interface; no
    /// interface with methods or `comparable` among several terms; no
    /// two terms that overlap (`int | ~int`).
    fn union_term_errors(&mut self, terms: &[(bool, TypeId, &'a Expr)]) {
        let term = |c: &Self, tilde: bool, t: TypeId| {
            let s = c.tt.type_string(t, None);
            if tilde {
                format!("~{s}")
            } else {
                s
            }
        };
        for (i, &(tilde, t, te)) in terms.iter().enumerate() {
            let u = self.tt.under(t);
            if self.tt.is_invalid(u) {
                continue;
            }
            let iface = self.tt.interface(u).cloned();
            // A `~` term is placed at its `~`.
            let mut at = self.start_span(te);
            if tilde {
                at = Span::new(at.lo.saturating_sub(1), at.hi);
            }
            if tilde {
                if iface.is_some() {
                    let s = self.ts(t);
                    self.error(at, format!("invalid use of ~ ({s} is an interface)"));
                    continue;
                }
                if !self.tt.identical(u, t) {
                    let (s, us) = (self.ts(t), self.ts(u));
                    self.error(
                        at,
                        format!("invalid use of ~ (underlying type of {s} is {us})"),
                    );
                    continue;
                }
            }
            if let Some(f) = iface {
                let s = term(self, tilde, t);
                let universe_comparable = matches!(&te.kind, ExprKind::Ident(id) if id.name == "comparable")
                    && f.comparable
                    && f.methods.is_empty();
                if !f.methods.is_empty() {
                    self.error(
                        at,
                        format!("cannot use {s} in union ({s} contains methods)"),
                    );
                } else if universe_comparable {
                    self.error(at, "cannot use comparable in union");
                } else if f.comparable {
                    self.error(
                        at,
                        format!("cannot use {s} in union ({s} embeds comparable)"),
                    );
                }
                continue;
            }
            let overlap = terms[..i].iter().find(|&&(xt, x, _)| {
                if self.tt.is_interface(x) {
                    return false;
                }
                let ux = if tilde { self.tt.under(x) } else { x };
                let uy = if xt { u } else { t };
                self.tt.identical(ux, uy)
            });
            if let Some(&(xt, x, _)) = overlap {
                let (a, b) = (term(self, tilde, t), term(self, xt, x));
                self.error(at, format!("overlapping terms {a} and {b}"));
            }
        }
    }

    /// Where Go reports an error about type expression `e` (syntax's
    /// `StartPos`): its start, except that a function type (`func()`)
    /// starts at its parameters' `(`, as Go's parser places it.
    pub(crate) fn start_span(&self, e: &Expr) -> Span {
        match &e.kind {
            ExprKind::FuncType(_) => {
                // `func` is four bytes.
                let lparen = self.sources.token_after(e.span.lo + 4);
                Span::new(lparen, e.span.hi.max(lparen + 1))
            }
            _ => e.span,
        }
    }

    /// An embedded interface element: `comparable` is allowed there (the
    /// resulting interface is then only usable as a constraint).
    fn typexpr_embedded(&mut self, e: &'a Expr) -> TypeId {
        if let ExprKind::Ident(id) = &e.kind {
            if id.name == "comparable" {
                if let Some(o) = self.lookup("comparable") {
                    if self.tt.obj(o).pkg.is_none() {
                        self.info.uses.insert(id.id, o);
                        return self.tt.obj(o).ty;
                    }
                }
            }
        }
        // A constraint embedded by name (`Numeric` with terms) makes the
        // interface a constraint: no error here, its uses are judged.
        let named = matches!(e.kind, ExprKind::Ident(_) | ExprKind::Selector(..));
        let outer = self.in_constraint;
        self.in_constraint |= named;
        let t = self.typexpr(e);
        self.in_constraint = outer;
        t
    }
}

/// The field name of an embedded field: the type name without `*` or package.
/// Gives field `k`, if `add_field` added it, the declaration's tag.
fn set_tag(out: &mut [Field], k: usize, tag: &Option<String>) {
    if let (Some(f), Some(t)) = (out.get_mut(k), tag) {
        f.tag = t.clone();
    }
}

pub(crate) fn embedded_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Ident(id) => Some(&id.name),
        ExprKind::Star(x) | ExprKind::Paren(x) => embedded_name(x),
        ExprKind::Selector(_, sel) => Some(&sel.name),
        // An embedded instantiation `Base[T]` is named `Base`.
        ExprKind::Index(x, _) | ExprKind::IndexList(x, _) => embedded_name(x),
        _ => None,
    }
}
