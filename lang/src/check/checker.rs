//! The checker's state, scopes and the per-package driver.
//!
//! One [`Checker`] checks every package of the program (they share one
//! [`TypeTable`]). Package-level names live in per-package scopes, imports in
//! per-file scopes, and function-local names in a stack of block scopes
//! tagged with the function nesting depth, so a use of an outer function's
//! local from a closure is seen (and the variable marked `captured`).

use super::load::PkgSrc;
use super::{Info, Initializer, ScriptMain};
use crate::ast::{self, NodeId, Span};
use crate::diag::Diagnostic;
use crate::types::{ids, ObjId, ObjKind, Object, PkgId, TypeId, TypeTable, VarKind};
use crate::FileKind;
// FxHash: see `NodeMap` in mod.rs; these tables are keyed by names and
// dense ids, and are looked up for every identifier the checker meets.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
// Block scopes are built by name in other modules too: they keep std's
// map.
use std::collections::HashMap as StdHashMap;

/// A package's scope: its package-level objects by name. FxHash, as the
/// checker's other tables (and the checked program's `Package::scope`):
/// every identifier not declared in a block is looked up here.
pub(crate) type PkgScope = HashMap<String, ObjId>;

/// What the checker hands back per package.
pub(crate) struct PkgResult {
    pub(crate) id: PkgId,
    pub(crate) name: String,
    pub(crate) scope: PkgScope,
    pub(crate) funcs: Vec<ObjId>,
    pub(crate) init_order: Vec<Initializer>,
    pub(crate) inits: Vec<ObjId>,
    pub(crate) imports: Vec<PkgId>,
    pub(crate) script_main: Option<ScriptMain>,
    pub(crate) session_units: Vec<ScriptMain>,
    pub(crate) file_imports: Vec<Vec<PkgId>>,
}

pub(crate) struct Results {
    pub(crate) packages: Vec<PkgResult>,
    pub(crate) main: Option<ObjId>,
    /// Standard bodies never reached, so never checked (`reach`).
    pub(crate) skipped: HashSet<ObjId>,
    /// Methods left out of method tables (`reach`).
    pub(crate) pruned: HashSet<ObjId>,
}

/// Where a package-level object is declared.
#[derive(Clone)]
pub(crate) enum DeclInfo<'a> {
    Const {
        ty: Option<&'a ast::Expr>,
        init: Option<&'a ast::Expr>,
        iota: u32,
        /// The spec repeats an earlier spec's expressions: errors in them
        /// are reported at this constant's name, as Go does.
        inherited: bool,
        file: usize,
    },
    Var {
        ty: Option<&'a ast::Expr>,
        /// All variables of the spec (`var a, b = f()` has one initializer
        /// for both).
        lhs: Vec<ObjId>,
        values: &'a [ast::Expr],
        index: usize,
        file: usize,
    },
    Type {
        spec: &'a ast::TypeSpec,
        file: usize,
    },
    Func {
        decl: &'a ast::FuncDecl,
        file: usize,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Color {
    Grey,
    Black,
}

pub(crate) struct PkgState<'a> {
    pub(crate) id: PkgId,
    pub(crate) name: String,
    pub(crate) files: &'a [super::ParsedFile],
    pub(crate) scope: PkgScope,
    pub(crate) file_scopes: Vec<HashMap<String, ObjId>>,
    /// Import objects per file with the import spec, for "imported and not used".
    pub(crate) imports_decl: Vec<(ObjId, Span, String, bool)>,
    pub(crate) objects: Vec<ObjId>,
    pub(crate) methods: Vec<ObjId>,
    pub(crate) funcs: Vec<ObjId>,
    pub(crate) inits: Vec<ObjId>,
    pub(crate) imports: Vec<PkgId>,
    pub(crate) implicit: StdHashMap<String, String>,
    pub(crate) script_main: Option<ScriptMain>,
    pub(crate) session_units: Vec<ScriptMain>,
    /// Per file, the packages it imports (see `Package::file_imports`).
    pub(crate) file_imports: Vec<Vec<PkgId>>,
    pub(crate) init_order: Vec<Initializer>,
}

/// A block scope inside a function.
pub(crate) struct Scope {
    pub(crate) names: StdHashMap<String, ObjId>,
    /// Function nesting depth of the function this scope belongs to.
    pub(crate) depth: u32,
}

/// The function whose body is being checked.
pub(crate) struct FuncCtx {
    pub(crate) sig: TypeId,
    /// Named results (for bare returns), empty if unnamed.
    pub(crate) named_results: Vec<ObjId>,
    /// Local variables declared in this function, for "declared and not used".
    pub(crate) locals: Vec<ObjId>,
    /// Labels of the function: declaration and whether used.
    pub(crate) labels: HashMap<String, (Span, bool)>,
    /// Enclosing breakable statements, innermost last.
    pub(crate) targets: Vec<super::stmt::Target>,
}

impl FuncCtx {
    /// The context of a function body of signature `sig`, before its
    /// parameters are declared.
    pub(crate) fn new(sig: TypeId) -> FuncCtx {
        FuncCtx {
            sig,
            named_results: Vec::new(),
            locals: Vec::new(),
            labels: HashMap::default(),
            targets: Vec::new(),
        }
    }
}

pub(crate) struct Checker<'a> {
    pub(crate) srcs: &'a [PkgSrc],
    /// Every import path the importer knows (for unknown-import errors).
    pub(crate) available: &'a [String],
    pub(crate) tt: TypeTable,
    pub(crate) info: Info,
    pub(crate) diags: Vec<Diagnostic>,
    pub(crate) universe: HashMap<String, ObjId>,
    pub(crate) pkgs: Vec<PkgState<'a>>,
    pub(crate) pkg_by_path: HashMap<String, PkgId>,
    /// The package and file being checked.
    pub(crate) pkg: PkgId,
    pub(crate) file: usize,
    pub(crate) decls: HashMap<ObjId, DeclInfo<'a>>,
    pub(crate) color: HashMap<ObjId, Color>,
    /// Package-level objects being declared, innermost last (cycle paths).
    pub(crate) obj_path: Vec<ObjId>,
    /// Named types whose inline structure is known to be finite (see
    /// `valid_type`): a walk stops at them.
    pub(crate) valid_types: std::collections::HashSet<TypeId>,
    /// Variables read, imports referenced.
    pub(crate) used: HashSet<ObjId>,
    /// The package-level object whose declaration or body is being checked:
    /// package-level objects it references are its dependencies.
    pub(crate) cur_decl: Option<ObjId>,
    pub(crate) deps: HashMap<ObjId, Vec<ObjId>>,
    pub(crate) scopes: Vec<Scope>,
    pub(crate) funcs: Vec<FuncCtx>,
    /// The value of `iota` in the constant declaration being checked.
    pub(crate) iota: Option<u32>,
    /// Named types reported as invalid recursive types (report once).
    pub(crate) bad_cycle: HashSet<ObjId>,
    /// Named types declared as another named type whose underlying type
    /// was still being computed (`type C A` met while declaring `A
    /// struct{ next *B }`, with `type B C`): (waiting type, its right side).
    pub(crate) pending_under: Vec<(TypeId, TypeId)>,
    /// Function declarations whose bodies wait for checking.
    pub(crate) pending_bodies: Vec<(ObjId, PkgId, usize, &'a ast::FuncDecl)>,
    pub(crate) main: Option<ObjId>,
    /// The implicit per-file package objects of scripts.
    pub(crate) implicit_objs: HashMap<(PkgId, String), ObjId>,
    /// The predeclared `error` type.
    pub(crate) error_type: TypeId,
    pub(crate) sources: &'a crate::source::SourceMap,
    /// Package-level variables' initializers: the variables assigned
    /// together and the expression.
    pub(crate) var_inits: HashMap<ObjId, (Vec<ObjId>, NodeId)>,
    /// Type-switch variables (reported with their own message when unused).
    pub(crate) switch_vars: HashSet<ObjId>,
    /// Where `fallthrough` is allowed in the statement being checked.
    pub(crate) fall: super::stmt::Fall,
    /// Objects standing for interface methods in selections.
    pub(crate) iface_methods: HashMap<(TypeId, String), ObjId>,
    /// Where errors go while checking an inherited constant expression.
    pub(crate) pos_override: Option<Span>,
    /// Map key types to check for comparability once declarations are done.
    pub(crate) later_map_keys: Vec<(TypeId, Span)>,
    /// Embedded field types (`T` or, when `true`, `*T`) whose named type
    /// had no underlying type yet: checked with the map keys.
    pub(crate) later_embedded: Vec<(TypeId, bool, Span)>,
    /// Copies of generic declarations, one per instance (see `generic`).
    pub(crate) arena: &'a super::generic::Arena,
    /// Node ids for those copies.
    pub(crate) ids: crate::ast::NodeIdGen,
    pub(crate) generic_funcs: HashMap<ObjId, super::generic::GenericFunc<'a>>,
    /// The generic declarations (by the start of their span) whose body
    /// the generic walk found at fault: their instances' bodies report
    /// nothing more, as Go reports the generic body's errors only.
    pub(crate) generic_body_errs: std::collections::HashSet<u32>,
    /// The errors (position, message) that instances of generic types
    /// found in their generic type's right-hand side before its generic
    /// check (see `instance_rhs_errors`).
    pub(crate) instance_rhs_diags: std::collections::HashSet<(u32, String)>,
    pub(crate) generic_types: HashMap<ObjId, super::generic::GenericType<'a>>,
    pub(crate) func_instances: HashMap<(ObjId, Vec<TypeId>), ObjId>,
    /// Methods with type parameters of their own, by the object that
    /// stands for them in their type's `generic_methods`.
    pub(crate) generic_methods: HashMap<ObjId, super::generic::GenericMethod<'a>>,
    pub(crate) method_instances: HashMap<(ObjId, Vec<TypeId>), ObjId>,
    /// The selector (by node) whose generic method the enclosing
    /// expression instantiates: with these explicit type arguments
    /// (`x.M[int]`), and inferring the rest from these call arguments
    /// (`x.M(1)`, and whether they end in `...`).
    pub(crate) gm_explicit: Option<(NodeId, &'a [crate::ast::Expr])>,
    pub(crate) gm_call: Option<(NodeId, &'a [crate::ast::Expr], bool, Span)>,
    /// The last selector that used an announced context (`genmethod`).
    pub(crate) gm_taken: Option<NodeId>,
    pub(crate) type_instances: HashMap<(ObjId, Vec<TypeId>), TypeId>,
    /// The type instances whose constraints are being checked: a
    /// constraint that mentions its own type's instance (`T[U interface{
    /// M() T[U] }]`) meets it again inside the check.
    pub(crate) checking_instances: Vec<(ObjId, Vec<TypeId>)>,
    /// Type instances met in a function's or method's signature, whose
    /// constraints are checked once the package's declarations are done
    /// (Go's `check.later` in `instantiatedType`): checking them at once
    /// could need the method being declared (`func (X) M() T[X]` with
    /// `T[U interface{ M() T[U] }]`).
    pub(crate) pending_instances: Vec<(ObjId, Vec<TypeId>, Span, &'a [ast::Expr])>,
    /// The generic check is evaluating the constraints of its type
    /// parameters: an instance they mention waits in `pending_instances`
    /// until all are known (`T[U interface{ M() T[U] }]` needs `U`'s `M`).
    pub(crate) constraining_fresh: bool,
    /// Each instantiated named type: its generic type and type arguments.
    pub(crate) instance_of: HashMap<TypeId, (ObjId, Vec<TypeId>)>,
    /// The type parameter bindings an instance's body is checked with.
    pub(crate) body_scopes: HashMap<ObjId, StdHashMap<String, ObjId>>,
    /// The objects that bind a type parameter's name to a type argument
    /// (`generic::binding_scope`): a name resolving to one of them is a
    /// type parameter in Go's view of the generic body.
    pub(crate) tparam_objs: std::collections::HashSet<ObjId>,
    pub(crate) instance_depth: u32,
    /// How many instance bodies deep each instance's body is (an
    /// instance made while checking an instance's body is one deeper),
    /// and that of the body being checked: instance bodies are checked
    /// after their declaration, so `instance_depth` does not see them.
    pub(crate) instance_gen: HashMap<ObjId, u32>,
    pub(crate) body_gen: u32,
    /// The type parameters (by the start of their name) on a reported
    /// instantiation cycle (`instcycle`).
    pub(crate) cyclic_tparams: HashSet<u32>,
    /// A constraint is being resolved: constraint-only interfaces allowed.
    pub(crate) in_constraint: bool,
    /// Type-set terms of interface literals (by expression) and of
    /// declared constraint interfaces (by named type).
    pub(crate) expr_terms: HashMap<NodeId, Vec<(bool, TypeId)>>,
    pub(crate) named_terms: HashMap<TypeId, Vec<(bool, TypeId)>>,
    /// The types standing for type parameters in the generic check of
    /// generic bodies (`genbody`), with their type sets.
    pub(crate) fresh_tparams: HashMap<TypeId, super::genbody::FreshSet>,
    /// Which standard bodies wait until reached (`reach`).
    pub(crate) lazy: super::reach::Lazy<'a>,
}

impl<'a> Checker<'a> {
    pub(crate) fn new(
        srcs: &'a [PkgSrc],
        available: &'a [String],
        sources: &'a crate::source::SourceMap,
        arena: &'a super::generic::Arena,
        ids: crate::ast::NodeIdGen,
    ) -> Checker<'a> {
        let mut c = Checker {
            srcs,
            available,
            tt: TypeTable::new(),
            info: Info::default(),
            diags: Vec::new(),
            universe: HashMap::default(),
            pkgs: Vec::new(),
            pkg_by_path: HashMap::default(),
            pkg: PkgId(0),
            file: 0,
            decls: HashMap::default(),
            color: HashMap::default(),
            obj_path: Vec::new(),
            valid_types: Default::default(),
            used: HashSet::default(),
            cur_decl: None,
            deps: HashMap::default(),
            scopes: Vec::new(),
            funcs: Vec::new(),
            iota: None,
            bad_cycle: HashSet::default(),
            pending_under: Vec::new(),
            pending_bodies: Vec::new(),
            main: None,
            implicit_objs: HashMap::default(),
            error_type: ids::INVALID,
            sources,
            var_inits: HashMap::default(),
            switch_vars: HashSet::default(),
            fall: Default::default(),
            iface_methods: HashMap::default(),
            later_map_keys: Vec::new(),
            later_embedded: Vec::new(),
            pos_override: None,
            arena,
            ids,
            generic_funcs: HashMap::default(),
            generic_body_errs: std::collections::HashSet::default(),
            instance_rhs_diags: std::collections::HashSet::default(),
            generic_types: HashMap::default(),
            func_instances: HashMap::default(),
            generic_methods: HashMap::default(),
            method_instances: HashMap::default(),
            gm_explicit: None,
            gm_call: None,
            gm_taken: None,
            type_instances: HashMap::default(),
            checking_instances: Vec::new(),
            pending_instances: Vec::new(),
            constraining_fresh: false,
            instance_of: HashMap::default(),
            body_scopes: HashMap::default(),
            tparam_objs: Default::default(),
            instance_depth: 0,
            instance_gen: HashMap::default(),
            body_gen: 0,
            cyclic_tparams: HashSet::default(),
            in_constraint: false,
            expr_terms: HashMap::default(),
            named_terms: HashMap::default(),
            fresh_tparams: HashMap::default(),
            lazy: Default::default(),
        };
        c.init_universe();
        // About two of five nodes are expressions the checker records
        // (18,000 of 45,000 for a program importing fmt): sized once,
        // the table is not rehashed a dozen times as it grows.
        c.info.types.reserve(c.ids.count() as usize * 2 / 5);
        c
    }

    /// `file:line:col` of a span's start.
    pub(crate) fn position_of(&self, span: Span) -> String {
        self.sources.position(span.lo)
    }

    pub(crate) fn error(&mut self, span: Span, msg: impl Into<String>) {
        let span = self.pos_override.unwrap_or(span);
        self.push_diag(Diagnostic::error(span, msg));
    }

    pub(crate) fn error_with(&mut self, mut d: Diagnostic) {
        if let Some(sp) = self.pos_override {
            d.primary.span = sp;
        }
        self.push_diag(d);
    }

    /// Records `d` unless the diagnostic recorded last has its message on
    /// the same line: Go's compiler reports such a repeat once (`var a
    /// Set[T]; var b Set[T]` checks the instance's constraint twice).
    /// As Go's type checker, a message that mentions an invalid operand or
    /// type past its start is a follow-on error once another was reported
    /// (`cannot use func(f) {} (value of type func(invalid type)) ...`).
    pub(crate) fn push_diag(&mut self, d: Diagnostic) {
        let mentions = |w: &str| d.message.find(w).is_some_and(|i| i > 0);
        if !self.diags.is_empty() && (mentions("invalid type") || mentions("invalid operand")) {
            return;
        }
        if let Some(last) = self.diags.last() {
            let line = |lo: u32| {
                let p = self.sources.position(lo);
                p.rsplit_once(':').map(|(l, _)| l.to_string()).unwrap_or(p)
            };
            if last.message == d.message && line(last.primary.span.lo) == line(d.primary.span.lo) {
                return;
            }
        }
        self.diags.push(d);
    }

    /// `name redeclared in this block`, pointing at the other declaration.
    pub(crate) fn redeclared(&mut self, name: &str, span: Span, prev: ObjId) {
        let pspan = self.tt.obj(prev).span;
        self.error_with(
            Diagnostic::error(span, format!("{name} redeclared in this block"))
                .with_secondary(pspan, format!("other declaration of {name}")),
        );
    }

    /// The type as Go prints it in messages of the current package.
    pub(crate) fn ts(&self, t: TypeId) -> String {
        self.tt.type_string(t, Some(self.pkg))
    }

    pub(crate) fn cur_pkg(&self) -> &PkgState<'a> {
        &self.pkgs[self.pkg.0 as usize]
    }

    /// Records that the current file imports `pid`.
    pub(crate) fn note_file_import(&mut self, pid: PkgId) {
        let fi = self.file;
        let p = &mut self.pkgs[self.pkg.0 as usize];
        if let Some(v) = p.file_imports.get_mut(fi) {
            if !v.contains(&pid) {
                v.push(pid);
            }
        }
    }

    /// The session names of the current file, if it is a session input.
    pub(crate) fn session_names(&self) -> Option<&'a super::SessionNames> {
        self.cur_pkg()
            .files
            .get(self.file)
            .and_then(|f| f.session.as_ref())
    }

    pub(crate) fn file_kind(&self) -> FileKind {
        self.cur_pkg()
            .files
            .get(self.file)
            .map(|f| f.kind)
            .unwrap_or(FileKind::Go)
    }

    pub(crate) fn new_obj(
        &mut self,
        name: &str,
        kind: ObjKind,
        ty: TypeId,
        span: Span,
        node: Option<NodeId>,
    ) -> ObjId {
        self.tt.add_object(Object {
            name: name.to_string(),
            kind,
            ty,
            pkg: Some(self.pkg),
            span,
            node,
            captured: false,
            addressed: false,
        })
    }

    // ---- scopes ----

    pub(crate) fn open_scope(&mut self) {
        let depth = self.funcs.len() as u32;
        self.scopes.push(Scope {
            names: StdHashMap::new(),
            depth,
        });
    }

    pub(crate) fn close_scope(&mut self) {
        self.scopes.pop();
    }

    /// Declares a local object in the innermost scope; reports a
    /// redeclaration. Blank names are recorded but not declared.
    pub(crate) fn declare_local(&mut self, ident: &ast::Ident, obj: ObjId) {
        self.info.defs.insert(ident.id, obj);
        if ident.is_blank() {
            return;
        }
        if let Some(sc) = self.scopes.last_mut() {
            if let Some(&prev) = sc.names.get(&ident.name) {
                self.redeclared(&ident.name, ident.span, prev);
                return;
            }
            sc.names.insert(ident.name.clone(), obj);
        }
        if matches!(self.tt.obj(obj).kind, ObjKind::Var(VarKind::Local)) {
            if let Some(f) = self.funcs.last_mut() {
                f.locals.push(obj);
            }
        }
    }

    /// Looks a name up through the block scopes, the file scope, the
    /// package scope and the universe. Marks captured variables.
    pub(crate) fn lookup(&mut self, name: &str) -> Option<ObjId> {
        let depth = self.funcs.len() as u32;
        for sc in self.scopes.iter().rev() {
            if let Some(&o) = sc.names.get(name) {
                if sc.depth < depth {
                    if let ObjKind::Var(_) = self.tt.obj(o).kind {
                        self.tt.obj_mut(o).captured = true;
                    }
                }
                return Some(o);
            }
        }
        let p = &self.pkgs[self.pkg.0 as usize];
        if let Some(fs) = p.file_scopes.get(self.file) {
            if let Some(&o) = fs.get(name) {
                return Some(o);
            }
        }
        if let Some(&o) = p.scope.get(name) {
            return Some(o);
        }
        if let Some(&o) = self.universe.get(name) {
            return Some(o);
        }
        // A script may use a standard package without importing it.
        if self.file_kind() == FileKind::Script {
            if let Some(path) = p.implicit.get(name).cloned() {
                return self.implicit_import(name, &path);
            }
        }
        None
    }

    fn implicit_import(&mut self, name: &str, path: &str) -> Option<ObjId> {
        let key = (self.pkg, name.to_string());
        let pid = *self.pkg_by_path.get(path)?;
        self.note_file_import(pid);
        if let Some(&o) = self.implicit_objs.get(&key) {
            return Some(o);
        }
        let o = self.new_obj(
            name,
            ObjKind::PkgName(pid),
            ids::INVALID,
            Span::default(),
            None,
        );
        self.implicit_objs.insert(key, o);
        let p = &mut self.pkgs[self.pkg.0 as usize];
        if !p.imports.contains(&pid) {
            p.imports.push(pid);
        }
        Some(o)
    }

    /// Records that the current declaration depends on `obj` (a
    /// package-level var, const or func of the current package).
    pub(crate) fn record_dep(&mut self, obj: ObjId) {
        if let Some(cur) = self.cur_decl {
            if self.decls.contains_key(&obj) {
                let d = self.deps.entry(cur).or_default();
                if !d.contains(&obj) {
                    d.push(obj);
                }
            }
        }
    }

    // ---- driver ----

    pub(crate) fn check_all(&mut self) {
        for (i, src) in self.srcs.iter().enumerate() {
            let id = PkgId(i as u32);
            let is_main = i + 1 == self.srcs.len();
            let name = if is_main {
                "main".to_string()
            } else {
                src.files
                    .iter()
                    .find_map(|f| f.ast.package.as_ref().map(|p| p.name.clone()))
                    .unwrap_or_else(|| super::load::last_elem(&src.path).to_string())
            };
            self.tt.pkg_names.push(name.clone());
            self.tt.pkg_paths.push(src.path.clone());
            self.pkg_by_path.insert(src.path.clone(), id);
            self.pkgs.push(PkgState {
                id,
                name,
                files: &src.files,
                scope: PkgScope::default(),
                file_scopes: vec![HashMap::default(); src.files.len()],
                imports_decl: Vec::new(),
                objects: Vec::new(),
                methods: Vec::new(),
                funcs: Vec::new(),
                inits: Vec::new(),
                imports: Vec::new(),
                implicit: src.implicit.clone(),
                script_main: None,
                session_units: Vec::new(),
                file_imports: vec![Vec::new(); src.files.len()],
                init_order: Vec::new(),
            });
            self.pkg = id;
            self.check_package(is_main);
        }
        // Bodies reached last (none are expected to be left).
        self.check_pending_bodies();
    }

    fn check_package(&mut self, is_main: bool) {
        if is_main {
            self.check_package_clauses();
        }
        self.collect_objects();
        self.collect_generics();
        // Declare every package-level object, dependencies first.
        for o in self.declaration_order() {
            self.obj_decl(o);
        }
        self.check_pending_instances();
        self.check_method_sets();
        self.check_generic_bodies();
        // Bodies: a standard package's wait until reached.
        let id = self.pkg;
        self.defer_std_bodies();
        self.check_pending_bodies();
        self.check_script_main();
        self.check_session_units();
        self.check_pending_bodies();
        self.check_pending_instances();
        self.pkg = id;
        self.init_order();
        // A standard package's imports may be used only in bodies not
        // checked yet.
        if is_main || !self.lazy.on {
            self.unused_imports();
        }
        if is_main {
            self.check_main_func();
        }
    }

    /// Checks the bodies waiting, including those of instances of
    /// generic functions and methods made while checking them (with their
    /// type parameters bound).
    fn check_pending_bodies(&mut self) {
        let (pkg0, file0) = (self.pkg, self.file);
        loop {
            let bodies = std::mem::take(&mut self.pending_bodies);
            if bodies.is_empty() {
                break;
            }
            for (obj, pkg, file, decl) in bodies {
                self.pkg = pkg;
                self.file = file;
                let decl = self.parsed_decl(pkg, file, decl);
                match self.body_scopes.get(&obj).cloned() {
                    Some(names) => {
                        self.scopes = vec![Scope { names, depth: 0 }];
                        let before = self.diags.len();
                        self.func_body_decl(obj, decl);
                        // The generic body's own errors were reported.
                        if self.generic_body_errs.contains(&decl.span.lo) {
                            self.diags.truncate(before);
                        }
                        self.scopes.clear();
                    }
                    None => self.func_body_decl(obj, decl),
                }
            }
        }
        self.pkg = pkg0;
        self.file = file0;
    }

    fn check_package_clauses(&mut self) {
        let files = self.cur_pkg().files;
        let mut first: Option<&ast::Ident> = None;
        for f in files {
            if let Some(p) = &f.ast.package {
                if p.is_blank() {
                    self.error(p.span, "invalid package name _");
                }
                match first {
                    None => {
                        first = Some(p);
                        if p.name != "main" {
                            self.error(p.span, format!("package {} is not a main package", p.name));
                        }
                    }
                    Some(q) if q.name != p.name => {
                        self.error(
                            p.span,
                            format!("package {}; expected package {}", p.name, q.name),
                        );
                    }
                    _ => {}
                }
            } else if f.kind == FileKind::Go {
                self.error(
                    super::file_start(&f.ast),
                    "syntax error: package statement must be first",
                );
            }
        }
    }

    fn check_main_func(&mut self) {
        if let Some(sm) = &self.cur_pkg().script_main {
            self.main = Some(sm.func);
            return;
        }
        let main = self.cur_pkg().scope.get("main").copied();
        match main {
            // Its signature was checked where it was declared.
            Some(o) if matches!(self.tt.obj(o).kind, ObjKind::Func { .. }) => {
                self.main = Some(o);
            }
            // A `main` that is no function was reported where declared.
            _ if self
                .cur_pkg()
                .objects
                .iter()
                .any(|&o| self.tt.obj(o).name == "main") => {}
            _ => {
                let span = self
                    .cur_pkg()
                    .files
                    .first()
                    .map(|f| super::file_start(&f.ast))
                    .unwrap_or_default();
                self.error(span, "function main is undeclared in the main package");
            }
        }
    }

    fn unused_imports(&mut self) {
        let decls = std::mem::take(&mut self.pkgs[self.pkg.0 as usize].imports_decl);
        for (obj, span, path, renamed) in &decls {
            if !self.used.contains(obj) {
                let name = &self.tt.obj(*obj).name;
                let msg = if *renamed {
                    format!("\"{path}\" imported as {name} and not used")
                } else {
                    format!("\"{path}\" imported and not used")
                };
                self.error(*span, msg);
            }
        }
        self.pkgs[self.pkg.0 as usize].imports_decl = decls;
    }

    pub(crate) fn finish(
        self,
    ) -> (
        TypeTable,
        Info,
        Vec<Diagnostic>,
        Results,
        crate::ast::NodeIdGen,
    ) {
        let skipped = self.skipped();
        let pruned = self.pruned();
        let mut packages = Vec::new();
        for p in self.pkgs {
            packages.push(PkgResult {
                id: p.id,
                name: p.name,
                scope: p.scope,
                funcs: p.funcs,
                init_order: p.init_order,
                inits: p.inits,
                imports: p.imports,
                script_main: p.script_main,
                session_units: p.session_units,
                file_imports: p.file_imports,
            });
        }
        (
            self.tt,
            self.info,
            self.diags,
            Results {
                packages,
                main: self.main,
                skipped,
                pruned,
            },
            self.ids,
        )
    }
}
