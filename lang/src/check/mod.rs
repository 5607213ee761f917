//! The type checker: Go's typing rules over the syntax tree.
//!
//! # What it produces
//!
//! [`check_program`] takes the parsed files of the main package, loads the
//! standard packages they import (transitively) through an [`Importer`],
//! and checks every package once, in dependency order. The result is a
//! [`Program`]: the packages with their ASTs, the [`TypeTable`] (types and
//! objects), and the [`Info`] side tables keyed by [`NodeId`] that tell the
//! code generator everything it must not recompute: the type, mode and
//! constant value of each expression, the object each identifier defines or
//! uses, selections, call kinds, loop variables and the initialization order.
//!
//! # How it works (after go/types)
//!
//! 1. *Loading* ([`load`]): imports are followed from the main files, each
//!    standard package is parsed once (`FileKind::Std`) and the packages are
//!    ordered so that every package comes after its imports.
//! 2. *Collecting* ([`resolver`]): every package-level declaration becomes
//!    an object in the package scope (imports go in a per-file scope), and
//!    methods are attached to their receiver's named type.
//! 3. *Declaring* ([`decl`]): objects are type-checked lazily in source
//!    order, each on first use, with Go's white/grey/black colouring so that
//!    a reference to an object under construction is recognised as a cycle
//!    (`invalid recursive type`, cyclic constants) instead of recursing.
//! 4. *Bodies* ([`stmt`]): function bodies are checked after all
//!    package-level declarations, so they may use anything declared anywhere.
//! 5. *Initialization order* ([`initorder`]): package-level variables are
//!    ordered by their dependencies (through functions, too), reporting Go's
//!    `initialization cycle` error.
//!
//! Expressions evaluate to an [`Operand`](expr::Operand) (mode, type,
//! constant value). An operand that is invalid because of an earlier error
//! silences every check that depends on it, so one mistake gives one error.
//! Untyped expressions are recorded provisionally and re-recorded with their
//! final type when the context converts them (`var x int64 = 1 << s`).
//!
//! Recursion is bounded: the parser caps expression nesting, type
//! declarations are resolved once each with cycle detection, and the few
//! recursive walks over types (identity, validity, printing) stop at named
//! types or carry a depth limit.
//!
//! Rejected alternatives: checking bodies as soon as a function is declared
//! (forces a topological order on functions that Go does not require);
//! storing types inside the AST (the AST is shared, immutable input and the
//! code generator wants dense tables anyway).

use crate::ast::{self, NodeId, NodeIdGen, Span};
use crate::constant::Value;
use crate::diag::Diagnostic;
use crate::source::{FileId, SourceMap};
use crate::types::{Builtin, ObjId, PkgId, TypeId, TypeTable};
use crate::{FileKind, Importer};
use std::collections::HashMap;

mod assign;
mod builtins;
mod call;
mod checker;
mod composite;
mod conversion;
mod decl;
mod expr;
pub(crate) mod exprstring;
mod genbody;
mod generic;
mod genmethod;
mod initorder;
mod instcycle;
mod labels;
mod load;
pub(crate) mod lookup;
mod rangefunc;
mod reach;
mod renumber;
mod resolver;
mod stmt;
mod typexpr;
mod universe;

pub(crate) use builtins::has_call_or_recv;

/// The specs of a const group, each with the type and values it takes:
/// its own, or, for a spec with neither, those of the last spec that had
/// them (Go repeats them, with the next `iota`); `None` when no earlier
/// spec had any.
pub(crate) fn const_sources<'a>(
    g: &'a ast::GenDecl<ast::ConstSpec>,
) -> impl Iterator<Item = (&'a ast::ConstSpec, Option<ConstSource<'a>>)> {
    let mut last = None;
    g.specs.iter().map(move |spec| {
        if !(spec.values.is_empty() && spec.ty.is_none()) {
            last = Some((spec.ty.as_ref(), spec.values.as_slice()));
        }
        (spec, last)
    })
}

/// A constant spec's type and values.
pub(crate) type ConstSource<'a> = (Option<&'a ast::Expr>, &'a [ast::Expr]);

/// One parsed source file handed to the checker.
#[derive(Debug)]
pub struct ParsedFile {
    pub file: FileId,
    pub kind: FileKind,
    pub ast: ast::File,
    /// Set for an input of an interactive session (a script file of the
    /// main package): see [`SessionNames`].
    pub session: Option<SessionNames>,
}

/// The names of one input of an interactive session (gol's REPL), a
/// script file of the main package. Go forbids declaring a package-level
/// name twice; a session lets a later input declare `f` again, and code
/// typed before keeps the `f` it was compiled with. So an input's
/// package-level declarations live in the package scope under keys of
/// their own (`keys`: name -> key, a key no identifier can spell), and the
/// names an input sees from earlier inputs, and its own, are aliases in
/// its file scope (`aliases`: name -> key), each bound to the declaration
/// that was the latest when the input was typed. The input's top-level
/// statements form a function of their own ([`Package::session_units`]).
#[derive(Clone, Debug, Default)]
pub struct SessionNames {
    pub keys: HashMap<String, String>,
    pub aliases: HashMap<String, String>,
}

/// How an expression may be used (go/types' operand modes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Invalid,
    /// A call of a function without results.
    NoValue,
    Builtin(Builtin),
    /// The expression denotes a type.
    TypeExpr,
    Constant,
    /// An addressable variable.
    Variable,
    /// `m[k]`: assignable, not addressable.
    MapIndex,
    /// A computed value.
    Value,
    /// A value that may also be used in the two-value `v, ok` form
    /// (map index, type assertion, channel receive).
    CommaOk,
    /// A package name (only valid as a selector's operand).
    PkgName,
}

/// What the checker knows about one expression.
#[derive(Clone, Debug)]
pub struct TypeAndValue {
    pub mode: Mode,
    pub ty: TypeId,
    /// The exact value, for constants (already represented in `ty` when
    /// typed). Boxed: a `Value` is up to 136 bytes (a complex constant is
    /// two big rationals) and most entries are not constants; unboxed it
    /// made each of the table's entries (tens of thousands per program)
    /// about eight times larger.
    pub value: Option<Box<Value>>,
}

/// What a selector expression `x.f` denotes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelectionKind {
    /// A struct field (possibly promoted through embedded fields).
    Field,
    /// `x.M` with `x` a value: a method value, or the callee of a method call.
    MethodVal,
    /// `T.M` / `(*T).M`: a method expression (a function taking the receiver first).
    MethodExpr,
    /// `pkg.Name`: a qualified identifier (recorded in `uses`, not here).
    Qualified,
}

/// A resolved selector `x.f`.
#[derive(Clone, Debug)]
pub struct Selection {
    pub kind: SelectionKind,
    /// The type of `x` (for method expressions, the receiver type `T`/`*T`).
    pub(crate) recv: TypeId,
    /// The method object (`None` for fields, which the index path names).
    pub obj: Option<ObjId>,
    /// The path of field indices from `x` to the field or to the embedded
    /// value that holds the method; the last index is the field itself for
    /// fields.
    pub index: Vec<usize>,
    /// Whether a pointer was dereferenced on the way (through `x` itself
    /// or an embedded pointer field).
    pub indirect: bool,
    /// For methods: the receiver must be addressed (`&x`) because the method
    /// has a pointer receiver and `x` is an addressable value.
    pub addr_recv: bool,
    /// The type of the selector expression.
    pub ty: TypeId,
}

/// How a call expression is evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallKind {
    /// `T(x)`: a conversion to `T`.
    Conversion(TypeId),
    Builtin(Builtin),
    /// A function, method, or function-value call.
    Call,
}

/// One package-level variable initialization, in execution order.
#[derive(Clone, Debug)]
pub struct Initializer {
    /// The variables assigned (several for `var a, b = f()`); blank
    /// variables are objects too.
    pub lhs: Vec<ObjId>,
    /// The initializer expression.
    pub rhs: NodeId,
    /// Where it is: `files[file].ast.items[item]` is a `var` declaration
    /// whose `specs[spec].values[value]` is the expression.
    pub file: usize,
    pub item: usize,
    pub spec: usize,
    pub value: usize,
}

/// A table keyed by syntax node. The checker makes a few hundred
/// thousand entries for a program that imports `fmt` (every expression of
/// every standard-library body it checks), so the hash function matters:
/// std's SipHash, built to resist adversarial keys, was about 5% of the
/// start-up CPU time; FxHash (rustc-hash, the hasher rustc itself uses for
/// its dense integer ids) is one multiply for a `u32`. Keys are ids the
/// front end hands out, never chosen by an attacker. A dense `Vec` indexed
/// by id was the alternative: it would hold a slot for every node of every
/// parsed file, checked or not, and most tables are sparse.
pub type NodeMap<V> = rustc_hash::FxHashMap<NodeId, V>;
/// A set of syntax nodes (see [`NodeMap`]).
pub type NodeSet = rustc_hash::FxHashSet<NodeId>;

/// The side tables of a checked program.
#[derive(Debug, Default)]
pub struct Info {
    /// Type, mode and value of every expression that was evaluated.
    pub types: NodeMap<TypeAndValue>,
    /// The object each defining identifier declares.
    pub(crate) defs: NodeMap<ObjId>,
    /// The object each using identifier denotes.
    pub(crate) uses: NodeMap<ObjId>,
    /// Implicit objects: the per-clause variable of a type switch, keyed by
    /// the clause's `implicit` id.
    pub implicits: NodeMap<ObjId>,
    /// Selector expressions (keyed by the selector `Expr`'s id).
    pub selections: NodeMap<Selection>,
    /// Call expressions (keyed by the call `Expr`'s id).
    pub calls: NodeMap<CallKind>,
    /// Statements (`For` and `Range` loops) whose variables are fresh per
    /// iteration (Go 1.22), with those variables.
    pub loop_vars: NodeMap<Vec<ObjId>>,
    /// Per function (keyed by the `FuncDecl` name ident or `FuncLit` expr
    /// id): the function's object for declarations.
    pub(crate) funcs: NodeMap<ObjId>,
    /// Explicit instantiations of generic functions (`F[int]`, keyed by
    /// the index expression): the instance.
    pub(crate) instances: NodeMap<ObjId>,
    /// The function literals that are bodies of range-over-func loops.
    pub(crate) range_bodies: NodeSet,
    /// The function literals that run the calls deferred in a
    /// range-over-func body (named as wrappers, invisible to `recover`).
    pub(crate) range_defer_runners: NodeSet,
}

impl Info {
    pub(crate) fn type_of(&self, e: NodeId) -> Option<TypeId> {
        self.types.get(&e).map(|t| t.ty)
    }
    /// The object an identifier defines or uses.
    pub(crate) fn object_of(&self, ident: NodeId) -> Option<ObjId> {
        self.defs
            .get(&ident)
            .or_else(|| self.uses.get(&ident))
            .copied()
    }
}

/// A script's implicit `func main`: its body is, in source order, the
/// top-level statements and `var` declarations of `file` (indices into the
/// file's `items`).
#[derive(Clone, Debug)]
pub struct ScriptMain {
    pub func: ObjId,
    /// Index of the file in the package's `files`.
    pub file: usize,
    pub items: Vec<usize>,
}

/// One checked package.
#[derive(Debug)]
pub struct Package {
    pub id: PkgId,
    /// Import path (`main` for the main package).
    pub path: String,
    pub name: String,
    pub files: Vec<ParsedFile>,
    /// Exported and unexported package-level objects by name (FxHash:
    /// see `NodeMap`; iterate in sorted order where order matters).
    pub scope: rustc_hash::FxHashMap<String, ObjId>,
    /// Package-level functions and methods with bodies (and without, in
    /// standard packages: natives), in source order.
    pub funcs: Vec<ObjId>,
    /// Package-level variables in initialization order.
    pub init_order: Vec<Initializer>,
    /// `func init()` functions, in source order.
    pub(crate) inits: Vec<ObjId>,
    /// Packages this one imports.
    pub imports: Vec<PkgId>,
    pub script_main: Option<ScriptMain>,
    /// The top-level statements of each session input (files with
    /// [`ParsedFile::session`]), in file order: each is a function of no
    /// parameters and no results.
    pub session_units: Vec<ScriptMain>,
    /// Per file, the packages it imports (explicitly, or a script's
    /// implicit imports it uses), in the order first seen.
    pub file_imports: Vec<Vec<PkgId>>,
}

/// A checked program: what the code generator compiles.
#[derive(Debug)]
pub struct Program {
    /// Packages in dependency order (each after its imports); the main
    /// package is last.
    pub packages: Vec<Package>,
    pub types: TypeTable,
    pub info: Info,
    /// The main package's `func main`.
    pub main: ObjId,
    /// The declarations of generic functions' and methods' instances,
    /// each a copy of its generic declaration (see `generic`).
    pub instances: Vec<ast::FuncDecl>,
    /// Statements the checker rewrote (a range over a function), by the
    /// id of the statement each replaces: the code generator compiles the
    /// replacement.
    pub rewrites: Vec<(NodeId, ast::Stmt)>,
    /// Functions and methods of standard packages whose bodies were not
    /// checked, nothing having reached them (see `reach`): the code
    /// generator must not meet one.
    pub(crate) skipped: rustc_hash::FxHashSet<ObjId>,
    /// Methods of standard types left out of method tables, no interface
    /// naming them (see `reach`).
    pub(crate) pruned: rustc_hash::FxHashSet<ObjId>,
}

impl Program {
    pub fn main_package(&self) -> &Package {
        // The main package is always present and last.
        &self.packages[self.packages.len() - 1]
    }
}

/// Type-checks a program: the main package's files plus the standard
/// packages they import, of which only the function bodies the program
/// can reach are checked (see `reach`). Returns the program only when
/// there are no errors; diagnostics are sorted by position.
pub fn check_program(
    sources: &mut SourceMap,
    ids: &mut NodeIdGen,
    files: Vec<ParsedFile>,
    importer: &dyn Importer,
) -> (Option<Program>, Vec<Diagnostic>) {
    check_program_with(sources, ids, files, importer, StdBodies::Reached)
}

/// Which function bodies of the standard packages the checker checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StdBodies {
    /// Those the program can reach (the default).
    Reached,
    /// All of them (the standard library's own test, and the fallback
    /// when the code generator meets a body the first check skipped).
    All,
}

/// [`check_program`], choosing which standard bodies are checked.
pub fn check_program_with(
    sources: &mut SourceMap,
    ids: &mut NodeIdGen,
    files: Vec<ParsedFile>,
    importer: &dyn Importer,
    std_bodies: StdBodies,
) -> (Option<Program>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let available = importer.available();
    // Checking only the reached bodies, parse only those too (`reach`).
    let lazy = std_bodies == StdBodies::Reached;
    let mut srcs = load::load(sources, ids, files, importer, &mut diags, lazy);
    let sources: &SourceMap = sources;
    let start = ids.count();
    let run = || {
        let arena = generic::Arena::default();
        let bodies = reach::Bodies::default();
        let mut checker = checker::Checker::new(
            &srcs,
            &available,
            sources,
            &arena,
            NodeIdGen::starting_at(start),
        );
        checker.lazy.bodies = Some(&bodies);
        if lazy {
            checker.start_lazy();
        }
        checker.check_all();
        let out = checker.finish();
        (out, arena.into_inner(), bodies.into_inner())
    };
    // The checker recurses along the syntax tree, which the parser lets
    // grow 10,000 operators deep: give it a stack that can hold that (the
    // memory is only reserved, and touched as deep as the input needs).
    // A panic in the checker is a bug; it becomes an internal error
    // diagnostic instead of taking the process down.
    let outcome = std::thread::scope(|s| {
        match std::thread::Builder::new()
            .name("gol-check".into())
            .stack_size(CHECK_STACK_BYTES)
            .spawn_scoped(s, run)
        {
            Ok(h) => h.join().ok(),
            Err(_) => Some(run()),
        }
    });
    let Some(((tt, info, mut cdiags, results, new_ids), (instances, rewrites), parsed)) = outcome
    else {
        let span = srcs
            .last()
            .and_then(|p| p.files.first())
            .map(|f| file_start(&f.ast))
            .unwrap_or_default();
        diags.push(Diagnostic::error(
            span,
            "internal compiler error: the type checker failed (please report this program)",
        ));
        crate::diag::sort(&mut diags);
        return (None, diags);
    };
    *ids = new_ids;
    diags.append(&mut cdiags);
    crate::diag::sort(&mut diags);
    if !diags.is_empty() {
        return (None, diags);
    }
    let Some(main) = results.main else {
        return (None, diags);
    };
    reach::restore_bodies(&mut srcs, parsed);
    let mut packages = Vec::new();
    for (src, res) in srcs.into_iter().zip(results.packages) {
        packages.push(Package {
            id: res.id,
            path: src.path,
            name: res.name,
            files: src.files,
            scope: res.scope,
            funcs: res.funcs,
            init_order: res.init_order,
            inits: res.inits,
            imports: res.imports,
            script_main: res.script_main,
            session_units: res.session_units,
            file_imports: res.file_imports,
        });
    }
    (
        Some(Program {
            packages,
            types: tt,
            info,
            main,
            instances,
            rewrites,
            skipped: results.skipped,
            pruned: results.pruned,
        }),
        diags,
    )
}

/// Stack reserved for the checker's thread.
const CHECK_STACK_BYTES: usize = 1 << 30;

/// A span for diagnostics about a whole file: its first byte.
pub(crate) fn file_start(f: &ast::File) -> Span {
    Span::new(f.span.lo, f.span.lo)
}
