//! Reachability-driven checking of the standard packages' bodies.
//!
//! # Why
//! A program that imports `fmt` loads a few thousand lines of standard
//! Go source; checking every function body there was about a third of
//! `gol run hello.gol`'s start-up, for bodies the program never runs.
//! Errors in the standard packages are not expected (their own test
//! checks them all, `check_program_all`), so a body nothing can reach is
//! skipped: only the user's package is checked in full, as Go reports
//! errors in functions nobody calls.
//!
//! # The rule
//! Declarations (signatures, types, constants, variables and their
//! initializers) of every loaded package are checked as before; only the
//! bodies of a standard package's non-generic functions and methods wait
//! (`Lazy::deferred`). A body is *reached*, and checked, when
//!
//! 1. an identifier or selector that is checked resolves to its function
//!    or method (a call, a function value, a method value or expression,
//!    a `go` or `defer`), anywhere: in the user's package, in a variable
//!    initializer, or in a body checked before; or
//! 2. its receiver's named type is reached.
//!
//! A type is reached when it is the type of a reached function, of a
//! package-level variable or constant that is used, or is named in a type
//! expression inside a body or a variable's initializer (composite
//! literals, conversions, `new`, `make`, assertions), in any package's
//! declarations of the user's package, or is a part of a reached type
//! (element, key, field, parameter, result, method signature, the
//! underlying type of a named one). Every value the compiled code handles
//! has a type that got there by one of these routes, so the set is a
//! superset of the bodies the code generator compiles (it works on demand
//! from the entry, see `codegen`); a body it meets unchecked is an error
//! that makes the driver check again with every body
//! (`codegen::needs_all_std`), never a run with a missing body.
//!
//! # Methods
//! A value whose type has methods may become an interface; then its
//! method table is what a dynamic call, a type assertion or a native
//! (fmt calling `String`) searches. As Go's linker prunes methods, a
//! method of a reached standard type is reached only when its name is
//! that of a method of some reached interface type, or one the VM and
//! natives look up by name ([`NATIVE_METHOD_NAMES`]): no other lookup can
//! find it. The others wait by name (`Lazy::waiting`) for an interface
//! with that name to be reached, and those still waiting at the end are
//! left out of the method tables (`Program::pruned`). The user's methods
//! all stay. Two cases keep every method of a reached type: a session
//! (the REPL), whose program may only grow from input to input, tables
//! included, and a program loading text/template, which calls methods by
//! the names a template spells.
//!
//! Type names in the standard packages' own declarations (signatures,
//! struct fields, type declarations) reach nothing by themselves: a
//! signature is walked when its function is reached, a field's type when
//! its struct is. Otherwise every type any exported signature mentions,
//! and all their methods, would be reached by loading the package.
//!
//! `func init` bodies run whenever their package is loaded: always
//! checked. So are instances of generic functions (they are made on use).
//! A standard package's bodies reached while it is being checked (from
//! its variables' initializers) are checked before its initialization
//! order is computed, which follows references through bodies.
//!
//! # Parsing
//! A standard file is parsed without the bodies of its non-generic
//! functions and methods (`parser::parse_file_with`: the lexer skips
//! each body's text to its matching brace), which was more than half of
//! `gol run hello.gol`'s instructions. A body is parsed when it is about
//! to be checked ([`Checker::parsed_decl`]), into a copy of its
//! declaration that [`Bodies`] keeps while the checker runs (the loaded
//! syntax is shared and immutable then); afterwards [`restore_bodies`]
//! moves the parsed bodies into the files, so the program the code
//! generator reads has the body of every function that was checked, and
//! a placeholder (`FuncDecl::lazy`) only for those in `Program::skipped`.
//! Checking every body (`StdBodies::All`) parses every body up front.
//!
//! Rejected: keeping the checker alive for the code generator to ask for
//! bodies (the generator reads the checker's tables as an immutable
//! program; threading a mutable checker through it would touch every
//! file); a cache of checked standard packages across runs (gol starts
//! from source each time; a cache needs a file format and invalidation).

use super::checker::Checker;
use super::load::PkgSrc;
use crate::ast;
use crate::types::{ObjId, ObjKind, PkgId, Type, TypeId, VarKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The declarations whose bodies were parsed when reached, each a copy
/// of the loaded declaration with its body, with where it is (package,
/// file): they must live as long as the checker's references into the
/// syntax, and their bodies then go back into the files
/// ([`restore_bodies`]).
#[derive(Default)]
pub(crate) struct Bodies(super::generic::Pinned<(PkgId, usize, ast::FuncDecl)>);

impl Bodies {
    /// Stores a declaration and lends it for the store's lifetime.
    fn alloc(&self, pkg: PkgId, file: usize, f: ast::FuncDecl) -> &ast::FuncDecl {
        &self.0.alloc((pkg, file, f)).2
    }

    pub(crate) fn into_inner(self) -> Vec<(PkgId, usize, ast::FuncDecl)> {
        self.0.into_inner()
    }
}

/// Puts the bodies parsed while checking ([`Bodies`]) into the loaded
/// files, in place of their placeholders.
pub(crate) fn restore_bodies(srcs: &mut [PkgSrc], parsed: Vec<(PkgId, usize, ast::FuncDecl)>) {
    let mut by_file: HashMap<(usize, usize), HashMap<ast::NodeId, ast::Block>> = HashMap::default();
    for (pkg, file, d) in parsed {
        if let Some(b) = d.body {
            let at = (pkg.0 as usize, file);
            by_file.entry(at).or_default().insert(d.name.id, b);
        }
    }
    for ((pkg, file), mut bodies) in by_file {
        let Some(f) = srcs.get_mut(pkg).and_then(|p| p.files.get_mut(file)) else {
            continue;
        };
        for item in &mut f.ast.items {
            if let ast::Item::Decl(ast::Decl::Func(fd)) = item {
                if let Some(b) = bodies.remove(&fd.name.id) {
                    fd.body = Some(b);
                    fd.lazy = false;
                }
            }
        }
    }
}

/// The state of lazy checking (see the module docs).
#[derive(Default)]
pub(crate) struct Lazy<'a> {
    /// Whether standard bodies wait until reached (false: all checked).
    pub(crate) on: bool,
    /// Standard bodies not reached yet, with where they are declared.
    pub(crate) deferred: HashMap<ObjId, (PkgId, usize, &'a ast::FuncDecl)>,
    /// Functions and methods reached.
    pub(crate) funcs: HashSet<ObjId>,
    /// Types reached (named ones only once their underlying type is known).
    pub(crate) types: HashSet<TypeId>,
    /// Whether reaching a named type reaches all its methods (see
    /// "Methods"); otherwise only those named in `iface_names`.
    pub(crate) all_methods: bool,
    /// The method names an interface reached has, and those the runtime
    /// and natives look up by name ([`NATIVE_METHOD_NAMES`]).
    pub(crate) iface_names: HashSet<String>,
    /// Methods of reached types waiting for their name to join
    /// `iface_names`, by name.
    pub(crate) waiting: HashMap<String, Vec<ObjId>>,
    /// Where bodies parsed when reached are kept (see "Parsing").
    pub(crate) bodies: Option<&'a Bodies>,
}

/// Methods the VM and the natives find in a method table by name rather
/// than through an interface type of the program: fmt's and the panic
/// printer's `Error`, `String`, `GoString` and `Format`, errors'
/// `Unwrap`, `Is` and `As`, encoding/json's marshalling methods.
/// (text/template calls any exported method by name: a program that
/// loads it keeps every method, see `Lazy::all_methods`.)
const NATIVE_METHOD_NAMES: &[&str] = &[
    "Error",
    "String",
    "GoString",
    "Format",
    "Unwrap",
    "Is",
    "As",
    "MarshalJSON",
    "MarshalText",
    "UnmarshalJSON",
    "UnmarshalText",
    "IsZero",
];

impl<'a> Checker<'a> {
    /// Whether `p` is the user's package: the checker's sources list the
    /// imported (standard) packages first, dependencies before their
    /// importers, and the package being built last (`load`); a lower
    /// index is a standard package.
    fn is_user_pkg(&self, p: PkgId) -> bool {
        p.0 as usize + 1 == self.srcs.len()
    }

    /// Whether type names met now reach their types: inside a body, in a
    /// package-level variable's declaration, or anywhere in the user's
    /// package.
    fn type_names_reach(&self) -> bool {
        !self.funcs.is_empty()
            || self.is_user_pkg(self.pkg)
            || self
                .cur_decl
                .is_some_and(|d| matches!(self.tt.obj(d).kind, ObjKind::Var(_)))
    }

    /// `o` was used by checked code (see the module docs).
    pub(crate) fn reach(&mut self, o: ObjId) {
        if !self.lazy.on {
            return;
        }
        let obj = self.tt.obj(o);
        let t = obj.ty;
        match obj.kind {
            ObjKind::Func { .. } => self.reach_func(o),
            ObjKind::Var(VarKind::Global) | ObjKind::Const(_) => self.reach_type(t),
            ObjKind::TypeName if self.type_names_reach() => self.reach_type(t),
            _ => {}
        }
    }

    /// A type expression resolved to `t`: reached where type names reach.
    pub(crate) fn reach_type_expr(&mut self, t: TypeId) {
        if self.lazy.on && !self.lazy.types.contains(&t) && self.type_names_reach() {
            self.reach_type(t);
        }
    }

    fn reach_func(&mut self, o: ObjId) {
        if !self.lazy.funcs.insert(o) {
            return;
        }
        if let Some((pkg, file, decl)) = self.lazy.deferred.remove(&o) {
            self.pending_bodies.push((o, pkg, file, decl));
        }
        self.reach_type(self.tt.obj(o).ty);
    }

    /// Reaches `t` and its parts (an explicit stack: types nest deeply).
    pub(crate) fn reach_type(&mut self, t: TypeId) {
        let mut stack = vec![t];
        while let Some(t) = stack.pop() {
            if self.lazy.types.contains(&t) {
                continue;
            }
            match self.tt.get(t) {
                Type::Basic(..) => {}
                Type::Named(_) => {
                    let Some(n) = self.tt.named(t) else { continue };
                    let u = n.underlying;
                    if self.tt.is_invalid(u) {
                        // Not declared yet: reached again once it is.
                        continue;
                    }
                    let methods = n.methods.clone();
                    stack.push(u);
                    for m in methods {
                        let name = &self.tt.obj(m).name;
                        if self.lazy.all_methods || self.lazy.iface_names.contains(name) {
                            self.reach_method(m, &mut stack);
                        } else if !self.lazy.funcs.contains(&m) {
                            let name = name.clone();
                            self.lazy.waiting.entry(name).or_default().push(m);
                        }
                    }
                }
                Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
                    stack.push(*e)
                }
                Type::Map(k, v) => stack.extend([*k, *v]),
                Type::Struct(fs) => stack.extend(fs.iter().map(|f| f.ty)),
                Type::Func(sig) => {
                    stack.extend(sig.params.iter().chain(&sig.results).copied());
                }
                Type::Interface(i) => {
                    let mut names = Vec::new();
                    for m in &i.methods {
                        stack.push(m.sig);
                        if !self.lazy.iface_names.contains(&m.name) {
                            names.push(m.name.clone());
                        }
                    }
                    for name in names {
                        for m in self.lazy.waiting.remove(&name).unwrap_or_default() {
                            self.reach_method(m, &mut stack);
                        }
                        self.lazy.iface_names.insert(name);
                    }
                }
                Type::Tuple(ts) => stack.extend(ts.iter().copied()),
            }
            self.lazy.types.insert(t);
        }
    }

    /// Reaches method `m` of a reached type; its signature goes on `stack`.
    fn reach_method(&mut self, m: ObjId, stack: &mut Vec<TypeId>) {
        if self.lazy.funcs.insert(m) {
            if let Some((pkg, file, decl)) = self.lazy.deferred.remove(&m) {
                self.pending_bodies.push((m, pkg, file, decl));
            }
            stack.push(self.tt.obj(m).ty);
        }
    }

    /// The declaration whose body to check for `decl`, declared in file
    /// `file` of package `pkg`: itself, or, when the parser left its body
    /// for later (`FuncDecl::lazy`), a copy with the body parsed, whose
    /// errors are reported.
    pub(crate) fn parsed_decl(
        &mut self,
        pkg: PkgId,
        file: usize,
        decl: &'a ast::FuncDecl,
    ) -> &'a ast::FuncDecl {
        if !decl.lazy {
            return decl;
        }
        let (Some(bodies), Some(f)) = (
            self.lazy.bodies,
            self.srcs
                .get(pkg.0 as usize)
                .and_then(|p| p.files.get(file)),
        ) else {
            return decl;
        };
        let f = self.sources.file(f.file);
        let (body, diags) = crate::parser::parse_body(&f.text, f.base, decl, &mut self.ids);
        self.diags.extend(diags);
        let copy = ast::FuncDecl {
            span: decl.span,
            recv: decl.recv.clone(),
            name: decl.name.clone(),
            tparams: decl.tparams.clone(),
            ty: decl.ty.clone(),
            body: Some(body),
            lazy: false,
        };
        bodies.alloc(pkg, file, copy)
    }

    /// Starts lazy checking (before the first package): which methods a
    /// reached type brings along.
    pub(crate) fn start_lazy(&mut self) {
        self.lazy.on = true;
        self.lazy.iface_names = NATIVE_METHOD_NAMES.iter().map(|s| s.to_string()).collect();
        // A session's program must only grow from input to input, method
        // tables included: keep them whole. text/template calls methods
        // by the names a template spells.
        let session = self
            .srcs
            .last()
            .is_some_and(|p| p.files.iter().any(|f| f.session.is_some()));
        let template = self.srcs.iter().any(|p| p.path.ends_with("/template"));
        self.lazy.all_methods = session || template;
    }

    /// Sets aside the bodies of the standard package being checked that
    /// nothing has reached yet (called once its declarations are done).
    pub(crate) fn defer_std_bodies(&mut self) {
        if !self.lazy.on || self.is_user_pkg(self.pkg) {
            return;
        }
        let inits = &self.pkgs[self.pkg.0 as usize].inits;
        let mut keep = Vec::new();
        for (o, pkg, file, decl) in std::mem::take(&mut self.pending_bodies) {
            let obj = self.tt.obj(o);
            // A method of a type reached before its methods were declared.
            let recv_reached = match obj.kind {
                ObjKind::Func { recv: Some(r), .. } => {
                    let base = self.tt.pointer_elem(r).unwrap_or(r);
                    self.lazy.types.contains(&base)
                }
                _ => false,
            };
            let by_name = self.lazy.all_methods || self.lazy.iface_names.contains(&obj.name);
            let wait = pkg == self.pkg
                && !self.body_scopes.contains_key(&o)
                && !inits.contains(&o)
                && !self.lazy.funcs.contains(&o);
            let wait = wait && !(recv_reached && by_name);
            if wait {
                if recv_reached {
                    let name = obj.name.clone();
                    self.lazy.waiting.entry(name).or_default().push(o);
                }
                self.lazy.deferred.insert(o, (pkg, file, decl));
            } else {
                keep.push((o, pkg, file, decl));
            }
        }
        self.pending_bodies = keep;
        // The signatures of bodies kept because they were reached (their
        // types may have been unknown when they were).
        for i in 0..self.pending_bodies.len() {
            let o = self.pending_bodies[i].0;
            self.lazy.funcs.insert(o);
            self.reach_type(self.tt.obj(o).ty);
        }
    }

    /// The standard functions and methods whose bodies were never checked.
    pub(crate) fn skipped(&self) -> HashSet<ObjId> {
        self.lazy.deferred.keys().copied().collect()
    }

    /// The methods of reached types left out of their method tables: no
    /// interface of the program, and nothing at run time, names them.
    pub(crate) fn pruned(&self) -> HashSet<ObjId> {
        self.lazy
            .waiting
            .values()
            .flatten()
            .copied()
            .filter(|&m| {
                // The user's methods all stay: they are checked anyway.
                !self.lazy.funcs.contains(&m)
                    && self
                        .tt
                        .obj(m)
                        .pkg
                        .is_some_and(|p| (p.0 as usize) + 1 < self.srcs.len())
            })
            .collect()
    }
}
