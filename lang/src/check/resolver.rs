//! Collecting package-level objects (go/types' resolver).
//!
//! Every declaration of every file becomes an object in the package scope
//! (imports go in the file's own scope) together with a [`DeclInfo`] saying
//! where it is declared; nothing is type-checked yet. Named types are
//! created here, with their underlying type left invalid until
//! [`decl`](super::decl) resolves them, so methods can be attached to them
//! now and types may refer to each other in any order.

use super::checker::{Checker, DeclInfo};
use super::expr::unparen;
use super::ScriptMain;
use crate::ast::{self, ExprKind, Item};
use crate::diag::Diagnostic;
use crate::types::{ids, ObjId, ObjKind, VarKind};
use crate::FileKind;

impl<'a> Checker<'a> {
    fn declare_pkg(&mut self, ident: &ast::Ident, obj: ObjId) {
        self.info.defs.insert(ident.id, obj);
        if ident.is_blank() {
            return;
        }
        // Go's declarePkgObj: `init`, and `main` in package main, may only
        // name functions (a function reaches here only as `main`).
        let is_func = matches!(self.tt.obj(obj).kind, ObjKind::Func { .. });
        if !is_func && ident.name == "init" {
            self.error(ident.span, "cannot declare init - must be func");
            return;
        }
        if !is_func && ident.name == "main" && self.cur_pkg().name == "main" {
            self.error(ident.span, "cannot declare main - must be func");
            return;
        }
        // A session input's names live under their own keys (SessionNames).
        let key = self
            .session_names()
            .and_then(|n| n.keys.get(&ident.name))
            .cloned()
            .unwrap_or_else(|| ident.name.clone());
        let p = &mut self.pkgs[self.pkg.0 as usize];
        if let Some(&prev) = p.scope.get(&key) {
            self.redeclared(&ident.name, ident.span, prev);
            return;
        }
        p.scope.insert(key, obj);
    }

    pub(crate) fn collect_objects(&mut self) {
        let files = self.cur_pkg().files;
        // Does any file declare func main? (Decides scripts' implicit main.)
        let has_main = files.iter().any(|f| {
            f.ast.items.iter().any(|it| {
                matches!(it, Item::Decl(ast::Decl::Func(fd)) if fd.recv.is_none() && fd.name.name == "main")
            })
        });
        for (fi, f) in files.iter().enumerate() {
            self.file = fi;
            self.collect_imports(fi, f);
            if f.session.is_some() {
                self.collect_session_file(fi, f);
                continue;
            }
            let script_main = f.kind == FileKind::Script
                && !has_main
                && f.ast.items.iter().any(|i| matches!(i, Item::Stmt(_)));
            let mut main_items = Vec::new();
            let mut reported_stmt = false;
            for (ii, item) in f.ast.items.iter().enumerate() {
                match item {
                    Item::Stmt(s) => {
                        if script_main {
                            main_items.push(ii);
                        } else if !reported_stmt {
                            reported_stmt = true;
                            self.error(
                                s.span,
                                "syntax error: non-declaration statement outside function body",
                            );
                        }
                    }
                    Item::Decl(ast::Decl::Var(_)) if script_main => main_items.push(ii),
                    Item::Decl(d) => self.collect_decl(fi, d),
                }
            }
            if script_main {
                if self.cur_pkg().script_main.is_some() {
                    self.error(super::file_start(&f.ast), "main redeclared in this block");
                    continue;
                }
                let o = self.statements_func(f);
                let p = &mut self.pkgs[self.pkg.0 as usize];
                p.scope.insert("main".into(), o);
                p.script_main = Some(ScriptMain {
                    func: o,
                    file: fi,
                    items: main_items,
                });
            }
        }
        self.session_aliases();
        self.associate_methods();
        self.import_conflicts();
    }

    /// A session input: its declarations join the package (under their
    /// keys, see `declare_pkg`), its statements make its own function.
    fn collect_session_file(&mut self, fi: usize, f: &'a super::ParsedFile) {
        let mut items = Vec::new();
        for (ii, item) in f.ast.items.iter().enumerate() {
            match item {
                Item::Stmt(_) => items.push(ii),
                Item::Decl(d) => self.collect_decl(fi, d),
            }
        }
        let o = self.statements_func(f);
        self.pkgs[self.pkg.0 as usize]
            .session_units
            .push(ScriptMain {
                func: o,
                file: fi,
                items,
            });
    }

    /// The function a file's top-level statements make (a script's
    /// `main`, a session input's): named `main`, no parameters, no results.
    fn statements_func(&mut self, f: &'a super::ParsedFile) -> ObjId {
        let sig = self.tt.func(vec![], vec![], false);
        self.new_obj(
            "main",
            ObjKind::Func {
                recv: None,
                has_body: true,
            },
            sig,
            super::file_start(&f.ast),
            None,
        )
    }

    /// Binds, in each session input's file scope, the names it sees to
    /// the declarations their keys name (see `SessionNames`).
    fn session_aliases(&mut self) {
        let files = self.cur_pkg().files;
        for (fi, f) in files.iter().enumerate() {
            let Some(names) = &f.session else { continue };
            let mut bind: Vec<(&String, &String)> =
                names.aliases.iter().chain(names.keys.iter()).collect();
            // Deterministic (the maps are hashed): a file's own keys last,
            // so they win over an alias of the same name.
            bind.sort_by_key(|&(n, k)| (names.keys.contains_key(n), n.clone(), k.clone()));
            for (name, key) in bind {
                let p = &mut self.pkgs[self.pkg.0 as usize];
                if let Some(&o) = p.scope.get(key) {
                    let fs = &mut p.file_scopes[fi];
                    // An import of the same name in this input wins.
                    let is_import = fs
                        .get(name)
                        .is_some_and(|&i| matches!(self.tt.obj(i).kind, ObjKind::PkgName(_)));
                    if !is_import {
                        fs.insert(name.clone(), o);
                    }
                }
            }
        }
    }

    /// A package-level name that a file also imports.
    fn import_conflicts(&mut self) {
        let p = &self.pkgs[self.pkg.0 as usize];
        let mut found = Vec::new();
        let mut dotted = Vec::new();
        for fs in &p.file_scopes {
            for (name, &imp) in fs {
                if let Some(&o) = p.scope.get(name) {
                    match self.tt.obj(imp).kind {
                        ObjKind::PkgName(pid) => found.push((o, imp, pid)),
                        // A name a dot import brought (another package's).
                        _ => match self.tt.obj(imp).pkg {
                            Some(pid) if pid != self.pkg && o != imp => dotted.push((o, pid)),
                            _ => {}
                        },
                    }
                }
            }
        }
        dotted.sort();
        dotted.dedup();
        for (o, pid) in dotted {
            let (name, span) = (self.tt.obj(o).name.clone(), self.tt.obj(o).span);
            let pname = self.pkgs[pid.0 as usize].name.clone();
            let path = self.tt.pkg_paths[pid.0 as usize].clone();
            self.error(
                span,
                format!(
                    "{name} already declared through dot-import of package {pname} (\"{path}\")"
                ),
            );
        }
        found.sort();
        for (o, imp, pid) in found {
            let (name, span) = (self.tt.obj(o).name.clone(), self.tt.obj(o).span);
            let ispan = self.tt.obj(imp).span;
            let (pname, path) = match self.pkgs.get(pid.0 as usize) {
                Some(ip) => (ip.name.clone(), self.tt.pkg_paths[pid.0 as usize].clone()),
                None => (name.clone(), name.clone()),
            };
            self.error_with(
                Diagnostic::error(
                    span,
                    format!(
                        "{name} already declared through import of package {pname} (\"{path}\")"
                    ),
                )
                .with_secondary(ispan, format!("other declaration of {name}")),
            );
        }
    }

    fn collect_imports(&mut self, fi: usize, f: &'a super::ParsedFile) {
        for spec in &f.ast.imports {
            if let Err(why) = validated_import_path(&spec.path) {
                self.error(spec.path_span, format!("invalid import path ({why})"));
                continue;
            }
            let Some(&pid) = self.pkg_by_path.get(&spec.path) else {
                let msg = match import_path_problem(&spec.path) {
                    Some(why) => format!("could not import {} ({why})", spec.path),
                    None => {
                        let avail = self.available.join(", ");
                        format!("package {} is not in std; gol has: {}", spec.path, avail)
                    }
                };
                self.error(spec.path_span, msg);
                // Declare the name anyway, as an unknown package, so its
                // uses do not cascade into `undefined` errors.
                let name = match &spec.name {
                    Some(n) => n.name.clone(),
                    None => super::load::last_elem(&spec.path).to_string(),
                };
                if name != "_" && name != "." {
                    let o = self.new_obj(
                        &name,
                        ObjKind::PkgName(UNKNOWN_PKG),
                        ids::INVALID,
                        spec.path_span,
                        None,
                    );
                    self.pkgs[self.pkg.0 as usize].file_scopes[fi].insert(name, o);
                }
                continue;
            };
            {
                let p = &mut self.pkgs[self.pkg.0 as usize];
                if !p.imports.contains(&pid) {
                    p.imports.push(pid);
                }
            }
            self.note_file_import(pid);
            let pkg_name = self.pkgs[pid.0 as usize].name.clone();
            let (name, span, renamed) = match &spec.name {
                Some(n) => (n.name.clone(), n.span, true),
                None => (pkg_name.clone(), spec.path_span, false),
            };
            if name == "_" {
                continue;
            }
            if name == "init" {
                self.error(span, "cannot import package as init - init must be a func");
                continue;
            }
            if name == "." {
                // Dot import: the package's exported names join the file scope.
                let members: Vec<(String, ObjId)> = self.pkgs[pid.0 as usize]
                    .scope
                    .iter()
                    .filter(|(n, _)| crate::types::is_exported(n))
                    .map(|(n, o)| (n.clone(), *o))
                    .collect();
                for (n, o) in members {
                    self.pkgs[self.pkg.0 as usize].file_scopes[fi].insert(n, o);
                }
                continue;
            }
            let o = self.new_obj(&name, ObjKind::PkgName(pid), ids::INVALID, span, None);
            if let Some(n) = &spec.name {
                self.info.defs.insert(n.id, o);
            }
            let fs = &mut self.pkgs[self.pkg.0 as usize].file_scopes[fi];
            if let Some(&prev) = fs.get(&name) {
                self.redeclared(&name, span, prev);
                continue;
            }
            fs.insert(name, o);
            // A session input may import what a later input uses.
            if f.session.is_none() {
                self.pkgs[self.pkg.0 as usize].imports_decl.push((
                    o,
                    span,
                    spec.path.clone(),
                    renamed,
                ));
            }
        }
    }

    fn collect_decl(&mut self, fi: usize, d: &'a ast::Decl) {
        match d {
            ast::Decl::Const(g) => {
                for (spec, src) in super::const_sources(g) {
                    let (ty, values) = src.unwrap_or((None, &[]));
                    self.check_const_arity(spec, values, src.is_none());
                    for (j, name) in spec.names.iter().enumerate() {
                        let o = self.new_obj(
                            &name.name,
                            ObjKind::Const(crate::constant::Value::Unknown),
                            ids::INVALID,
                            name.span,
                            Some(name.id),
                        );
                        self.decls.insert(
                            o,
                            DeclInfo::Const {
                                ty,
                                init: values.get(j),
                                iota: spec.iota,
                                inherited: spec.values.is_empty(),
                                file: fi,
                            },
                        );
                        self.declare_pkg(name, o);
                        self.pkgs[self.pkg.0 as usize].objects.push(o);
                    }
                }
            }
            ast::Decl::Var(g) => {
                for spec in &g.specs {
                    if !spec.values.is_empty() {
                        self.arity(&spec.names, &spec.values, false, false);
                    }
                    let objs: Vec<ObjId> = spec
                        .names
                        .iter()
                        .map(|n| {
                            self.new_obj(
                                &n.name,
                                ObjKind::Var(VarKind::Global),
                                ids::INVALID,
                                n.span,
                                Some(n.id),
                            )
                        })
                        .collect();
                    for (j, (name, &o)) in spec.names.iter().zip(&objs).enumerate() {
                        self.decls.insert(
                            o,
                            DeclInfo::Var {
                                ty: spec.ty.as_ref(),
                                lhs: objs.clone(),
                                values: &spec.values,
                                index: j,
                                file: fi,
                            },
                        );
                        self.declare_pkg(name, o);
                        self.pkgs[self.pkg.0 as usize].objects.push(o);
                    }
                }
            }
            ast::Decl::Type(g) => {
                for spec in &g.specs {
                    let o = self.new_obj(
                        &spec.name.name,
                        ObjKind::TypeName,
                        ids::INVALID,
                        spec.name.span,
                        Some(spec.name.id),
                    );
                    if !spec.alias {
                        let pkg = Some(self.pkg);
                        let t = self.tt.new_named(o, &spec.name.name, pkg);
                        self.tt.obj_mut(o).ty = t;
                    }
                    self.decls.insert(o, DeclInfo::Type { spec, file: fi });
                    self.declare_pkg(&spec.name, o);
                    self.pkgs[self.pkg.0 as usize].objects.push(o);
                }
            }
            ast::Decl::Func(fd) => {
                let o = self.new_obj(
                    &fd.name.name,
                    ObjKind::Func {
                        recv: None,
                        has_body: fd.body.is_some(),
                    },
                    ids::INVALID,
                    fd.name.span,
                    Some(fd.name.id),
                );
                self.info.funcs.insert(fd.name.id, o);
                self.decls.insert(o, DeclInfo::Func { decl: fd, file: fi });
                let is_init = fd.recv.is_none() && fd.name.name == "init";
                if fd.body.is_none() && self.file_kind() != FileKind::Std {
                    // Go's checker words it for init; its compiler, for
                    // any other function.
                    let msg = if is_init {
                        "func init must have a body"
                    } else {
                        "missing function body"
                    };
                    self.error(fd.name.span, msg);
                }
                if fd.recv.is_some() {
                    self.info.defs.insert(fd.name.id, o);
                    self.pkgs[self.pkg.0 as usize].methods.push(o);
                    return;
                }
                let is_main = fd.name.name == "main" && self.cur_pkg().name == "main";
                if (is_init || is_main) && (!fd.ty.params.is_empty() || !fd.ty.results.is_empty()) {
                    let name = &fd.name.name;
                    self.error(
                        fd.name.span,
                        format!("func {name} must have no arguments and no return values"),
                    );
                }
                if is_init {
                    self.info.defs.insert(fd.name.id, o);
                    let p = &mut self.pkgs[self.pkg.0 as usize];
                    p.inits.push(o);
                    p.objects.push(o);
                    return;
                }
                self.declare_pkg(&fd.name, o);
                self.pkgs[self.pkg.0 as usize].objects.push(o);
            }
        }
    }

    fn check_const_arity(
        &mut self,
        spec: &ast::ConstSpec,
        values: &[ast::Expr],
        inherited_none: bool,
    ) {
        if inherited_none {
            if let Some(n) = spec.names.first() {
                self.error(n.span, "missing init expr for const declaration");
            }
            return;
        }
        self.arity(&spec.names, values, true, spec.values.is_empty());
    }

    /// Go's `arity`: the counts of names and initial values of a `var`
    /// or `const` spec. Returns whether they are acceptable (a single value
    /// for several variables may be a multi-value call).
    pub(crate) fn arity(
        &mut self,
        names: &[ast::Ident],
        values: &[ast::Expr],
        is_const: bool,
        inherited: bool,
    ) -> bool {
        let (l, r) = (names.len(), values.len());
        if l < r {
            let v = &values[l];
            if inherited {
                let pos = self.pos_string(v.span);
                let at = names.first().map(|n| n.span).unwrap_or(v.span);
                self.error(at, format!("extra init expr at {pos}"));
            } else {
                let s = super::exprstring::expr_string(v);
                self.error(v.span, format!("extra init expr {s}"));
            }
            return false;
        }
        if l > r && (is_const || r != 1) {
            let n = &names[r];
            self.error(n.span, format!("missing init expr for {}", n.name));
            return false;
        }
        true
    }

    /// Attaches each method to its receiver's base named type, when that
    /// is a type of this package (otherwise the method's declaration
    /// reports the error).
    fn associate_methods(&mut self) {
        let methods = self.cur_pkg().methods.clone();
        for m in methods {
            let Some(DeclInfo::Func { decl, file }) = self.decls.get(&m).cloned() else {
                continue;
            };
            let Some(recv) = &decl.recv else { continue };
            let Some(base) = receiver_base(&recv.ty) else {
                continue;
            };
            // A session input names types through its file scope.
            let p = self.cur_pkg();
            let found = p
                .file_scopes
                .get(file)
                .and_then(|fs| fs.get(&base.name))
                .or_else(|| p.scope.get(&base.name));
            let Some(&tobj) = found else {
                continue;
            };
            if !matches!(self.tt.obj(tobj).kind, ObjKind::TypeName) {
                continue;
            }
            let recv_ptr = matches!(unparen(&recv.ty).kind, ExprKind::Star(_));
            let Some(tobj) = self.alias_base(tobj, recv_ptr) else {
                continue;
            };
            // A session cannot add methods to a type an earlier input
            // declared: code compiled before holds the type's method set.
            let tfile = match self.decls.get(&tobj) {
                Some(DeclInfo::Type { file, .. }) => Some(*file),
                _ => None,
            };
            let session = |fi: usize| p.files.get(fi).is_some_and(|f| f.session.is_some());
            if let Some(tf) = tfile {
                if tf != file && (session(tf) || session(file)) {
                    let msg = format!(
                        "methods of {} must be declared in the same input as the type (declare {} again with its methods)",
                        base.name, base.name
                    );
                    self.error(decl.name.span, msg);
                    continue;
                }
            }
            let t = self.tt.obj(tobj).ty;
            if let Some(n) = self.tt.named_mut(t) {
                if decl.tparams.is_empty() {
                    n.methods.push(m);
                } else {
                    n.generic_methods.push(m);
                }
            }
        }
    }
}

impl Checker<'_> {
    /// The defined type a receiver's type name denotes, following alias
    /// declarations in the syntax as Go's `resolveBaseTypeName` does
    /// (`type A = T; func (A) m()` is a method of T): through non-generic
    /// aliases of this package, at most one `*` in all (`ptr`: the
    /// receiver's own). None when the chain leaves that shape; the
    /// receiver's type then reports what is wrong.
    fn alias_base(&self, mut tobj: ObjId, mut ptr: bool) -> Option<ObjId> {
        let mut seen = Vec::new();
        loop {
            let Some(DeclInfo::Type { spec, .. }) = self.decls.get(&tobj) else {
                return Some(tobj);
            };
            if !spec.alias {
                return Some(tobj);
            }
            if !spec.tparams.is_empty() || seen.contains(&tobj) {
                return None;
            }
            seen.push(tobj);
            let mut ty = unparen(&spec.ty);
            if let ExprKind::Star(x) = &ty.kind {
                if ptr {
                    return None;
                }
                ptr = true;
                ty = unparen(x);
            }
            let ExprKind::Ident(id) = &ty.kind else {
                return None;
            };
            let &next = self.cur_pkg().scope.get(&id.name)?;
            if !matches!(self.tt.obj(next).kind, ObjKind::TypeName) {
                return None;
            }
            tobj = next;
        }
    }
}

/// The package of an import that could not be resolved.
pub(crate) const UNKNOWN_PKG: crate::types::PkgId = crate::types::PkgId(u32::MAX);

/// The base type name of a receiver type expression: `T`, `*T`, `(T)`, `(*T)`.
pub(crate) fn receiver_base(e: &ast::Expr) -> Option<&ast::Ident> {
    let mut e = e;
    let mut stars = 0;
    // Receivers are short; the bound only guards pathological nesting.
    for _ in 0..64 {
        match &e.kind {
            ExprKind::Paren(x) => e = x,
            ExprKind::Star(x) if stars == 0 => {
                stars += 1;
                e = x
            }
            ExprKind::Ident(id) => return Some(id),
            _ => return None,
        }
    }
    None
}

/// Go's checker's test of an import path's spelling (types2'
/// `validatedImportPath`): not empty, and only graphic characters that are
/// no space and none of `` !"#$%&'()*,:;<=>?[\]^{|}` `` or U+FFFD (which an
/// invalid UTF-8 byte decodes to). The error is worded as Go's `%#U`.
fn validated_import_path(path: &str) -> Result<(), String> {
    if path.is_empty() {
        return Err("empty string".into());
    }
    const ILLEGAL: &str = "!\"#$%&'()*,:;<=>?[\\]^{|}`\u{FFFD}";
    for c in path.chars() {
        if c.is_control() || c.is_whitespace() || ILLEGAL.contains(c) {
            let printable = !c.is_control() && (c == ' ' || !c.is_whitespace());
            let quoted = if printable {
                format!(" '{c}'")
            } else {
                String::new()
            };
            return Err(format!("invalid character U+{:04X}{quoted}", c as u32));
        }
    }
    Ok(())
}

/// Why Go's compiler cannot import a well-spelled path that names no
/// package gol has, when the reason is in the path itself: an absolute
/// path, or one that is not in its clean form (`unicode//utf8`).
fn import_path_problem(path: &str) -> Option<String> {
    if path.starts_with('/') {
        return Some("import path cannot be absolute path".into());
    }
    let clean = clean_path(path);
    (clean != path).then(|| format!("non-canonical import path {path:?} (should be {clean:?})"))
}

/// Go's `path.Clean` of a relative slash-separated path: no empty or `.`
/// elements, `..` resolved where an element precedes it.
fn clean_path(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for elem in path.split('/') {
        match elem {
            "" | "." => {}
            ".." if out.last().is_some_and(|&l| l != "..") => {
                out.pop();
            }
            _ => out.push(elem),
        }
    }
    if out.is_empty() {
        ".".into()
    } else {
        out.join("/")
    }
}
