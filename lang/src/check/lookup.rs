//! Field and method lookup, method sets, interface satisfaction, selectors.
//!
//! Lookup is Go's breadth-first search through embedded fields: depth 0 is
//! the type itself (its methods, then its fields), depth 1 the embedded
//! fields' types, and so on. The first depth with a match decides; two
//! matches at that depth make the selector ambiguous. Each named type is
//! visited once, so embedding cycles (`type T struct{ *T }`) terminate.

use super::checker::Checker;
use super::expr::Operand;
use super::exprstring::expr_string;
use super::{Mode, Selection, SelectionKind};
use crate::ast::{Expr, Ident};
use crate::types::{ObjId, ObjKind, PkgId, Type, TypeId, TypeTable};
use std::collections::HashSet;

/// What a name denotes in a type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LookupResult {
    Field {
        index: Vec<usize>,
        ty: TypeId,
        indirect: bool,
    },
    /// A declared method (`obj`) or an interface method (`iface`: the
    /// interface type that has it, with its signature).
    Method {
        obj: Option<ObjId>,
        iface: Option<(TypeId, TypeId)>,
        index: Vec<usize>,
        indirect: bool,
    },
    NotFound,
    Ambiguous,
}

fn deref(tt: &TypeTable, t: TypeId) -> (TypeId, bool) {
    match tt.get(t) {
        Type::Pointer(e) => (*e, true),
        _ => (t, false),
    }
}

fn same_name(
    any_pkg: bool,
    name: &str,
    pkg: Option<PkgId>,
    cand: &str,
    cand_pkg: Option<PkgId>,
) -> bool {
    name == cand
        && (any_pkg || crate::types::is_exported(name) || cand_pkg.is_none() || cand_pkg == pkg)
}

/// Looks up field or method `name` in type `t` as seen from package `pkg`
/// (unexported names of other packages are invisible).
pub(crate) fn lookup_field_or_method(
    tt: &TypeTable,
    t: TypeId,
    pkg: Option<PkgId>,
    name: &str,
) -> LookupResult {
    lookup_impl(tt, t, pkg, name, false)
}

/// Lookup that also sees other packages' unexported names (for messages).
fn lookup_impl(
    tt: &TypeTable,
    t: TypeId,
    pkg: Option<PkgId>,
    name: &str,
    any_pkg: bool,
) -> LookupResult {
    if name == "_" {
        return LookupResult::NotFound;
    }
    // A defined pointer type `type P *T` gives access to T's fields, not
    // to its methods.
    let named_ptr = tt.is_named(t) && matches!(tt.get(tt.under(t)), Type::Pointer(_));
    let (start, is_ptr) = if named_ptr {
        deref(tt, tt.under(t))
    } else {
        deref(tt, t)
    };
    // A pointer to an interface has no methods.
    if is_ptr && tt.is_interface(start) {
        return LookupResult::NotFound;
    }
    let mut current = vec![(start, Vec::<usize>::new(), is_ptr)];
    let mut seen: HashSet<TypeId> = HashSet::new();
    // Ends: embedded fields are named types (or pointers to them), each
    // expanded once, so every level adds a type never seen before.
    loop {
        if current.is_empty() {
            break;
        }
        let mut found: Option<LookupResult> = None;
        let mut count = 0;
        let mut next = Vec::new();
        for (typ, index, indirect) in current {
            let mut typ = typ;
            if let Some(n) = tt.named(typ) {
                if !seen.insert(typ) {
                    continue;
                }
                if let Some(&m) = n.methods.iter().chain(&n.generic_methods).find(|&&m| {
                    let o = tt.obj(m);
                    same_name(any_pkg, name, pkg, &o.name, o.pkg)
                }) {
                    count += 1;
                    found = Some(LookupResult::Method {
                        obj: Some(m),
                        iface: None,
                        index: index.clone(),
                        indirect,
                    });
                    continue;
                }
                typ = n.underlying;
            }
            match tt.get(typ) {
                Type::Struct(fields) => {
                    for (i, f) in fields.iter().enumerate() {
                        if same_name(any_pkg, name, pkg, &f.name, f.pkg) {
                            count += 1;
                            let mut ix = index.clone();
                            ix.push(i);
                            found = Some(LookupResult::Field {
                                index: ix,
                                ty: f.ty,
                                indirect,
                            });
                            continue;
                        }
                        if f.embedded {
                            let (et, p) = deref(tt, f.ty);
                            let mut ix = index.clone();
                            ix.push(i);
                            next.push((et, ix, indirect || p));
                        }
                    }
                }
                Type::Interface(iface) => {
                    if let Some(m) = iface
                        .methods
                        .iter()
                        .find(|m| same_name(any_pkg, name, pkg, &m.name, m.pkg))
                    {
                        count += 1;
                        found = Some(LookupResult::Method {
                            obj: None,
                            iface: Some((typ, m.sig)),
                            index: index.clone(),
                            indirect,
                        });
                    }
                }
                _ => {}
            }
        }
        if count > 1 {
            return LookupResult::Ambiguous;
        }
        if named_ptr && matches!(found, Some(LookupResult::Method { .. })) {
            return LookupResult::NotFound;
        }
        if let Some(f) = found {
            return f;
        }
        current = next;
    }
    LookupResult::NotFound
}

impl<'a> Checker<'a> {
    /// Whether a declared method has a pointer receiver (declaring it first).
    fn method_ptr_recv(&mut self, m: ObjId) -> bool {
        self.obj_decl(m);
        match self.tt.obj(m).kind {
            ObjKind::Func { recv: Some(r), .. } => matches!(self.tt.get(r), Type::Pointer(_)),
            _ => false,
        }
    }

    /// The signature of a lookup's method (declaring it first).
    fn method_sig(&mut self, r: &LookupResult) -> Option<TypeId> {
        match r {
            LookupResult::Method { obj: Some(m), .. } => {
                self.obj_decl(*m);
                Some(self.tt.obj(*m).ty)
            }
            LookupResult::Method {
                iface: Some((_, sig)),
                ..
            } => Some(*sig),
            _ => None,
        }
    }

    /// Why `t` does not implement interface `iface`, in Go's words (the
    /// parenthesised part), or `None` if it does.
    pub(crate) fn missing_method_cause(
        &mut self,
        t: TypeId,
        iface: TypeId,
        _static: bool,
    ) -> Option<String> {
        let i = self.tt.interface(iface)?.clone();
        if self.tt.is_interface(t) {
            let ti = self.tt.interface(t)?.clone();
            for m in &i.methods {
                match ti
                    .methods
                    .iter()
                    .find(|n| n.name == m.name && n.pkg == m.pkg)
                {
                    None => return Some(format!("(missing method {})", m.name)),
                    Some(n) if !self.tt.identical(n.sig, m.sig) => {
                        return Some(self.wrong_type(&m.name, n.sig, m.sig))
                    }
                    _ => {}
                }
            }
            return None;
        }
        let is_ptr = matches!(self.tt.get(t), Type::Pointer(_));
        for m in &i.methods {
            let r = lookup_field_or_method(&self.tt, t, m.pkg.or(Some(self.pkg)), &m.name);
            match &r {
                LookupResult::Method { obj: Some(gm), .. }
                    if self.generic_methods.contains_key(gm) =>
                {
                    return Some(self.generic_method_mismatch(*gm, &m.name, m.sig));
                }
                LookupResult::Method { obj, indirect, .. } => {
                    let sig = self.method_sig(&r).unwrap_or(crate::types::ids::INVALID);
                    if self.tt.is_invalid(sig) {
                        continue;
                    }
                    if !self.tt.identical(sig, m.sig) {
                        return Some(self.wrong_type(&m.name, sig, m.sig));
                    }
                    if let Some(o) = obj {
                        if self.method_ptr_recv(*o) && !is_ptr && !*indirect {
                            return Some(format!("(method {} has pointer receiver)", m.name));
                        }
                    }
                }
                _ => return Some(format!("(missing method {})", m.name)),
            }
        }
        None
    }

    fn wrong_type(&self, name: &str, have: TypeId, want: TypeId) -> String {
        let mut h = String::new();
        let mut w = String::new();
        if let Some(s) = self.tt.signature(have) {
            self.tt.write_sig(&mut h, s, Some(self.pkg), 0);
        }
        if let Some(s) = self.tt.signature(want) {
            self.tt.write_sig(&mut w, s, Some(self.pkg), 0);
        }
        format!("(wrong type for method {name})\n\t\thave {name}{h}\n\t\twant {name}{w}")
    }

    /// A pointer method selected on the value `x` (expression `xe`): a
    /// variable's address is taken for the receiver (true); any other
    /// value has none, Go's error is reported (false).
    pub(super) fn address_for_ptr_method(
        &mut self,
        x: &Operand<'a>,
        xe: &'a Expr,
        sel: &'a Ident,
    ) -> bool {
        if x.mode == Mode::Variable {
            self.mark_addressed(xe);
            return true;
        }
        let ts = self.ts(x.ty);
        self.error(
            sel.span,
            format!("cannot call pointer method {} on {ts}", sel.name),
        );
        false
    }

    pub(crate) fn selector(&mut self, e: &'a Expr, xe: &'a Expr, sel: &'a Ident) -> Operand<'a> {
        let (explicit, call) = self.take_method_context(e);
        // Qualified identifier: pkg.Name.
        if let crate::ast::ExprKind::Ident(id) = &xe.kind {
            if let Some(o) = self.lookup(&id.name) {
                if let ObjKind::PkgName(pid) = self.tt.obj(o).kind {
                    self.used.insert(o);
                    self.info.uses.insert(id.id, o);
                    if pid == super::resolver::UNKNOWN_PKG {
                        return Operand::invalid(e);
                    }
                    let target = self.pkgs[pid.0 as usize].scope.get(&sel.name).copied();
                    let pname = id.name.clone();
                    return match target {
                        Some(t) if crate::types::is_exported(&sel.name) => {
                            self.info.uses.insert(sel.id, t);
                            self.use_object(e, t)
                        }
                        _ => {
                            // Suggest an exported name differing in case.
                            let lower = sel.name.to_lowercase();
                            let alt = self.pkgs[pid.0 as usize]
                                .scope
                                .keys()
                                .filter(|k| {
                                    crate::types::is_exported(k)
                                        && k.to_lowercase() == lower
                                        && **k != sel.name
                                })
                                .min()
                                .cloned();
                            let msg = match alt {
                                Some(a) => {
                                    format!("undefined: {pname}.{} (but have {a})", sel.name)
                                }
                                None => format!("undefined: {pname}.{}", sel.name),
                            };
                            self.error(sel.span, msg);
                            Operand::invalid(e)
                        }
                    };
                }
            }
        }
        let x = self.expr_or_type(xe);
        if x.mode == Mode::Invalid {
            return Operand::invalid(e);
        }
        if x.mode == Mode::TypeExpr {
            return self.method_expr(e, xe, &x, sel, explicit, call);
        }
        let x = self.single_value(x);
        if x.mode == Mode::Invalid || self.tt.is_invalid(x.ty) {
            return Operand::invalid(e);
        }
        let r = lookup_field_or_method(&self.tt, x.ty, Some(self.pkg), &sel.name);
        match r {
            LookupResult::Field {
                index,
                ty,
                indirect,
            } => {
                let mode = if x.mode == Mode::Variable || indirect {
                    Mode::Variable
                } else {
                    Mode::Value
                };
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::Field,
                        recv: x.ty,
                        obj: None,
                        index,
                        indirect,
                        addr_recv: false,
                        ty,
                    },
                );
                Operand::new(mode, ty, e)
            }
            LookupResult::Method {
                obj: Some(gm),
                index,
                indirect,
                ..
            } if self.generic_methods.contains_key(&gm) => {
                let u = super::genmethod::MethodUse {
                    kind: SelectionKind::MethodVal,
                    index,
                    indirect,
                    explicit,
                    call,
                };
                self.generic_method_selector(e, xe, sel, &x, gm, u)
            }
            LookupResult::Method {
                obj,
                iface,
                index,
                indirect,
            } => {
                let sig = self
                    .method_sig(&LookupResult::Method {
                        obj,
                        iface,
                        index: index.clone(),
                        indirect,
                    })
                    .unwrap_or(crate::types::ids::INVALID);
                if self.tt.is_invalid(sig) {
                    return Operand::invalid(e);
                }
                let mut addr_recv = false;
                if let Some(o) = obj {
                    if self.method_ptr_recv(o) && !indirect {
                        if !self.address_for_ptr_method(&x, xe, sel) {
                            return Operand::invalid(e);
                        }
                        addr_recv = true;
                    }
                }
                let obj = obj
                    .or_else(|| iface.map(|(it, sig)| self.iface_method_obj(it, &sel.name, sig)));
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::MethodVal,
                        recv: x.ty,
                        obj,
                        index,
                        indirect,
                        addr_recv,
                        ty: sig,
                    },
                );
                if let Some(o) = obj {
                    self.info.uses.insert(sel.id, o);
                    // Initialisation order follows a method's body (Go spec).
                    self.record_dep(o);
                    self.reach(o);
                }
                Operand::new(Mode::Value, sig, e)
            }
            LookupResult::Ambiguous => {
                let s = expr_string(xe);
                self.error(sel.span, format!("ambiguous selector {s}.{}", sel.name));
                Operand::invalid(e)
            }
            LookupResult::NotFound => {
                let s = expr_string(xe);
                let why = self.lookup_error(x.ty, &sel.name);
                self.error(sel.span, format!("{s}.{} undefined ({why})", sel.name));
                Operand::invalid(e)
            }
        }
    }

    /// An object standing for an interface method, made once per
    /// (interface, name) so selections can name it.
    fn iface_method_obj(&mut self, iface: TypeId, name: &str, sig: TypeId) -> ObjId {
        if let Some(&o) = self.iface_methods.get(&(iface, name.to_string())) {
            return o;
        }
        let o = self.new_obj(
            name,
            ObjKind::Func {
                recv: Some(iface),
                has_body: false,
            },
            sig,
            crate::ast::Span::default(),
            None,
        );
        self.iface_methods.insert((iface, name.to_string()), o);
        o
    }

    /// Why `t` has no field or method `name`, in Go's words (which say
    /// "field or method" for method expressions too, whatever `t` is).
    fn lookup_error(&mut self, t: TypeId, name: &str) -> String {
        let ts = self.ts(t);
        if let Some(e) = self.tt.pointer_elem(t) {
            if self.tt.is_interface(e) && !self.tt.is_named(t) {
                return format!("type {ts} is pointer to interface, not interface");
            }
        }
        // An unexported name of another package.
        let any = if crate::types::is_exported(name) {
            LookupResult::NotFound
        } else {
            lookup_impl(&self.tt, t, Some(self.pkg), name, true)
        };
        match any {
            LookupResult::Field { .. } => {
                return format!("cannot refer to unexported field {name}")
            }
            LookupResult::Method { .. } => {
                return format!("cannot refer to unexported method {name}")
            }
            _ => {}
        }
        // A different capitalisation of the name, as Go suggests.
        let alt = {
            let mut alt = None;
            let lower = name.to_lowercase();
            for cand in self.names_of(t) {
                if cand != name && cand.to_lowercase() == lower {
                    let r = lookup_field_or_method(&self.tt, t, Some(self.pkg), &cand);
                    alt = match r {
                        LookupResult::Field { .. } => Some(format!("field {cand}")),
                        LookupResult::Method { .. } => Some(format!("method {cand}")),
                        _ => None,
                    };
                    if alt.is_some() {
                        break;
                    }
                }
            }
            alt
        };
        match alt {
            Some(a) => format!("type {ts} has no field or method {name}, but does have {a}"),
            None => format!("type {ts} has no field or method {name}"),
        }
    }

    /// Names of fields and methods directly in `t` (for suggestions).
    fn names_of(&self, t: TypeId) -> Vec<String> {
        let (t, _) = deref(&self.tt, t);
        let mut v = Vec::new();
        if let Some(n) = self.tt.named(t) {
            for &m in &n.methods {
                v.push(self.tt.obj(m).name.clone());
            }
        }
        match self.tt.get(self.tt.under(t)) {
            Type::Struct(fs) => v.extend(fs.iter().map(|f| f.name.clone())),
            Type::Interface(i) => v.extend(i.methods.iter().map(|m| m.name.clone())),
            _ => {}
        }
        v
    }

    fn method_expr(
        &mut self,
        e: &'a Expr,
        xe: &'a Expr,
        x: &Operand<'a>,
        sel: &'a Ident,
        explicit: Option<&'a [Expr]>,
        call: Option<super::genmethod::CallArgs<'a>>,
    ) -> Operand<'a> {
        let t = x.ty;
        let r = lookup_field_or_method(&self.tt, t, Some(self.pkg), &sel.name);
        let xs = x.expr.map(expr_string).unwrap_or_default();
        if let LookupResult::Method {
            obj: Some(gm),
            index,
            indirect,
            ..
        } = &r
        {
            if self.generic_methods.contains_key(gm) {
                let u = super::genmethod::MethodUse {
                    kind: SelectionKind::MethodExpr,
                    index: index.clone(),
                    indirect: *indirect,
                    explicit,
                    call,
                };
                return self.generic_method_selector(e, xe, sel, x, *gm, u);
            }
        }
        let (obj, iface, index, indirect) = match r.clone() {
            LookupResult::Method {
                obj,
                iface,
                index,
                indirect,
            } => (obj, iface, index, indirect),
            LookupResult::Ambiguous => {
                self.error(sel.span, format!("ambiguous selector {xs}.{}", sel.name));
                return Operand::invalid(e);
            }
            LookupResult::Field { .. } => {
                let ts = self.ts(t);
                self.error(
                    e.span,
                    format!(
                        "operand for field selector {} must be value of type {ts}",
                        sel.name
                    ),
                );
                return Operand::invalid(e);
            }
            _ => {
                let why = self.lookup_error(t, &sel.name);
                self.error(sel.span, format!("{xs}.{} undefined ({why})", sel.name));
                return Operand::invalid(e);
            }
        };
        let Some(sig) = self.method_sig(&r) else {
            return Operand::invalid(e);
        };
        if let Some(o) = obj {
            let is_ptr = matches!(self.tt.get(t), Type::Pointer(_));
            if self.method_ptr_recv(o) && !is_ptr && !indirect {
                let ts = self.ts(t);
                self.error(
                    sel.span,
                    format!(
                        "invalid method expression {xs}.{} (needs pointer receiver (*{ts}).{})",
                        sel.name, sel.name
                    ),
                );
                return Operand::invalid(e);
            }
        }
        let Some(s) = self.tt.signature(sig).cloned() else {
            return Operand::invalid(e);
        };
        let mut params = vec![t];
        params.extend(s.params);
        let ft = self.tt.func(params, s.results, s.variadic);
        let obj = obj.or_else(|| iface.map(|(it, sig)| self.iface_method_obj(it, &sel.name, sig)));
        self.info.selections.insert(
            e.id,
            Selection {
                kind: SelectionKind::MethodExpr,
                recv: t,
                obj,
                index,
                indirect,
                addr_recv: false,
                ty: ft,
            },
        );
        if let Some(o) = obj {
            self.info.uses.insert(sel.id, o);
            // Initialisation order follows a method's body (Go spec).
            self.record_dep(o);
            self.reach(o);
        }
        Operand::new(Mode::Value, ft, e)
    }
}
