//! The code generator: a checked program to [`bytecode`](crate::bytecode).
//!
//! # What it does
//! [`compile`] walks the syntax trees with the checker's side tables
//! ([`Info`]): every expression's type and constant value, the object
//! every identifier denotes, selections and call kinds are looked up, never
//! recomputed. Functions are compiled *on demand*: starting from the
//! program's entry, a function gets a [`FuncId`] the first time something
//! refers to it and is queued; the queue is drained until empty. So the
//! standard packages' functions are compiled only when used, and bodyless
//! (native) functions become small wrappers around `CallNative`, which
//! makes every callable thing a [`FuncId`] (function values, methods in
//! interface tables).
//!
//! # Registers
//! A function's window starts with its parameters (receiver first), then
//! its named results, then locals and temporaries, allocated like a stack:
//! `top` is the first free slot, a scope or expression releases what it
//! allocated by resetting `top`, and the window size is the maximum `top`
//! reached. Locals whose address is taken or that a closure captures live in
//! a heap box (their slot holds the box pointer), since the slot stack moves
//! when it grows (no escape analysis yet).
//!
//! # Package initialization
//! The entry function (`runtime.main`, hidden from traces) calls each
//! package's `init` (its variable initializers in the checker's order, then
//! its `func init`s), then `main.main`. Standard packages' initializers are
//! included only for variables that compiled code reads (their initializers
//! have no observable effects), so a program does not pay for, or need
//! natives for, parts of the standard library it never uses.
//!
//! # Generics: one compiled function per instantiation
//! Generic code reaches the code generator already monomorphised: the
//! checker (`check/generic.rs`) makes each instantiation (`Sort[int]`,
//! `List[Point]` and its methods) a checked copy of the generic
//! declaration with the type arguments in place, and those copies are
//! compiled here like any function ([`check::Program::instances`]). That
//! keeps what makes this VM fast: every opcode is specialised for its
//! operand types (an `int` add, a 3-word struct move, a `string` compare),
//! which a shared body would have to replace with a dictionary lookup
//! and a dispatch at each operation on a type parameter (the GC-shape
//! stenciling Go's compiler uses, which bounds code size). Measured on
//! `bench/generic.gol` (a generic quicksort and map-reduce instantiated
//! for `int`, `float64` and a struct) against `bench/generic_plain.gol`
//! (the same code with every instantiation written out by hand): the same
//! bytecode (594 lines of `gol disasm` each) and the same time (1.107 s
//! and 1.109 s user, 10 runs each). The cost is code size growing with
//! the number of distinct instantiations, which programs keep small; an
//! instance is made once per (generic, type arguments) pair. Instances'
//! names follow Go's traces: `main.Map[...]`, `main.(*List[...]).Push`.
//!
//! A range over a function reaches it rewritten too (`check/rangefunc.rs`):
//! the loop body is a function literal passed as `yield`, compiled under
//! Go's name for it (`main.f-range1`); [`Gen::rewrites`] maps the original
//! statement to its replacement.
//!
//! # Complex numbers: two float words
//! A `complex128` is compiled as the pair `(re, im)` of float64 words and
//! a `complex64` as the same pair rounded to float32 precision, exactly
//! Go's `struct{ re, im float }` (`TypeTable::layout`: 2 slots; in memory
//! 16 bytes, or 8 bytes of two float32s, a narrow type like a struct of
//! float32s). Everything that moves, stores, boxes, sends, hashes or
//! compares a two-word value therefore works for them unchanged: locals,
//! struct fields, arrays, slices, map keys and values, interface boxes,
//! channels. Only arithmetic needs instructions of its own, one block of
//! them (`AddC` .. `EqC` in `opcode.rs`), each doing a whole complex
//! operation (a multiply is six float operations, a divide Go's runtime
//! algorithm), and `real`/`imag`/`complex` are moves of one word.
//! Rejected: a pointer to a heap pair (an allocation per arithmetic
//! result, and a collector load the values never needed); complex64 as
//! one word of two packed float32s (one slot saved, but complex64 and
//! complex128 would then differ in every instruction that touches them,
//! and Go computes complex64 products in float64 anyway). The complex
//! instructions run in the checked loop only (`slow`): complex code is
//! rare, and the fast loop's dispatch stays as it was for everything else.
//!
//! # Not compiled yet
//! Anything unsupported is a compile error naming the construct
//! ("gol cannot compile X yet"), never a silent wrong program.
//!
//! Rejected alternative: compiling every function of every package up
//! front: the standard packages would have to be fully supported before any
//! program could run.
//!
//! # Files
//! One function body is compiled by `FnGen`: its state, emission, labels,
//! retargeting and the frame are in `func`; the language is compiled by
//! feature, as `check/` checks it: `stmt`, `range`, `assign`, `place`,
//! `expr`, `call`, `builtins`, `composite`, `conversion`, `concurrency`,
//! `closure` and `defer`, each adding methods to `FnGen`.

mod assign;
mod builtins;
mod call;
mod closure;
mod composite;
mod concurrency;
mod conversion;
mod defer;
mod expr;
mod func;
mod place;
mod range;
mod stmt;

use crate::ast::{self, NodeId, Span};
use crate::basic::BasicKind;
use crate::bytecode::{
    Conv, ConvPart, FuncId, Function, Method, NativeDecl, NativeId, Op, Program, Reg, RtType,
    StrId, StructField, TypeDesc, TypeKind, RUNTIME_ERROR_TYPES,
};
use crate::check::{self, Info};
use crate::diag::Diagnostic;
use crate::source::SourceMap;
use crate::types::{ObjId, ObjKind, Type, TypeId, TypeTable};
use std::collections::{HashMap, HashSet, VecDeque};

/// What a queued [`FuncId`] is compiled from.
#[derive(Clone, Copy)]
enum Body<'a> {
    /// A declared function or method with a body.
    Decl(&'a ast::FuncDecl),
    /// A bodyless declaration: a wrapper around the native.
    Native(NativeId),
    /// A function literal, with the objects it captures (in closure order).
    Lit(&'a ast::Expr, &'a ast::FuncType, &'a ast::Block),
    /// A package's initializer function.
    PkgInit(usize),
    /// The entry point.
    Entry,
    /// A script's implicit `main`: the top-level statements and `var`
    /// declarations of package `packages[.0]`'s script file.
    Script(usize),
    /// A session input (`session_units[.0]` of the main package): the
    /// initializers of the variables it declares, then its statements.
    Unit(usize),
    /// A promoted method in a method table: index into `Gen::promoted`.
    Promoted(usize),
    /// A method value's function: index into `Gen::method_values`.
    MethodValue(usize),
    /// A deferred builtin's function: index into `Gen::deferred_builtins`.
    DeferBuiltin(usize),
}

/// Compiles a checked program. Errors are diagnostics for constructs the
/// code generator does not support yet.
pub fn compile(prog: &check::Program, sources: &SourceMap) -> Result<Program, Vec<Diagnostic>> {
    let mut g = Gen::new(prog, sources, false);
    // Runtime type 0 is `string`: the VM boxes runtime error messages
    // with it when `recover` returns them.
    g.rt_type(crate::types::ids::STRING);
    g.runtime_error_type();
    let entry = g.new_func("runtime.main".into(), Body::Entry);
    g.out.entry = entry;
    g.drain();
    // Package inits are compiled last: only now is it known which standard
    // package variables are used. Dependents come before their
    // dependencies (the reverse of the packages' order), so the variables
    // that an importer's initializers and `func init`s use are known when
    // the imported package's init is decided. A package's initializers
    // and init funcs may use its other variables, so its init is compiled
    // again until the set of used variables stops growing (the errors of
    // a discarded attempt are dropped: the last attempt reports them).
    for i in (0..prog.packages.len()).rev() {
        let id = g.pkg_inits[i];
        loop {
            let used = g.used_globals.len();
            let errs = g.errors.len();
            g.compile_body(id, Body::PkgInit(i));
            let body_errs: Vec<Diagnostic> = g.errors.drain(errs..).collect();
            g.drain();
            if g.used_globals.len() == used {
                g.errors.extend(body_errs);
                break;
            }
        }
    }
    g.make_static_funcs();
    for f in &mut g.out.funcs {
        crate::opcode::fuse(&mut f.code);
    }
    if g.errors.is_empty() {
        Ok(g.out)
    } else {
        crate::diag::sort(&mut g.errors);
        Err(g.errors)
    }
}

/// The start of the error for a standard function whose body the checker
/// skipped as unreachable (`check/reach.rs`) but the code generator
/// needs: the checker's rule missed a route. [`needs_all_std`] tells a
/// driver to check again with every standard body
/// ([`check::StdBodies::All`]).
const SKIPPED_BODY: &str =
    "internal compiler error: the body of a standard function was not type-checked: ";

/// Whether compile errors come from a standard body the checker skipped
/// (see [`SKIPPED_BODY`]): checking again with [`check::StdBodies::All`]
/// compiles the program.
pub fn needs_all_std(errors: &[Diagnostic]) -> bool {
    errors.iter().any(|d| d.message.starts_with(SKIPPED_BODY))
}

/// What [`compile_session`] gives for each input of a session: the
/// functions to call, in order, to run it (the static function values its
/// section made, the packages it needs first, then the input itself).
pub type SessionRuns = Vec<Vec<FuncId>>;

/// Compiles an interactive session: a main package whose first file
/// declares `func main` and whose other files are the session's inputs
/// ([`check::SessionNames`]), in the order typed.
///
/// # Append-only
/// A session's program grows while it runs: each input is compiled with
/// every input before it, and the program the VM runs is replaced by the
/// new one, which must extend it (every function, type, string, native
/// and variable of the old one at the same index, unchanged). So the code
/// generator works input by input, in *sections*, each depending only on
/// the inputs up to it: the packages an input first needs are placed and
/// initialised in its section (all their variables, not only the used
/// ones, so a package's init never changes), then its own variables, then
/// its function, then everything that queued; and each section sets its
/// own static function values. The VM checks the prefix when it installs
/// the new program, so a break of this rule is a refused input, never a
/// wrong run.
pub fn compile_session(
    prog: &check::Program,
    sources: &SourceMap,
) -> Result<(Program, SessionRuns), Vec<Diagnostic>> {
    let mut g = Gen::new(prog, sources, true);
    g.rt_type(crate::types::ids::STRING);
    g.runtime_error_type();
    let entry = g.new_func("runtime.main".into(), Body::Entry);
    g.out.entry = entry;
    g.drain();
    // The non-session static funcs function stays empty.
    let f = &mut g.out.funcs[g.static_funcs_init.0 as usize];
    f.code = vec![Op::Return { a: Reg(0), n: 0 }];
    f.lines = vec![0];
    f.frame_words = 1;
    let units = prog.packages.last().map_or(0, |p| p.session_units.len());
    let mut inited = HashSet::new();
    let mut runs = Vec::new();
    for k in 0..units {
        runs.push(g.session_section(k, &mut inited));
    }
    // Deterministic per function, so an earlier input's functions stay
    // as they were (the append-only rule).
    for f in &mut g.out.funcs {
        crate::opcode::fuse(&mut f.code);
    }
    if g.errors.is_empty() {
        Ok((g.out, runs))
    } else {
        crate::diag::sort(&mut g.errors);
        Err(g.errors)
    }
}

/// The code that makes each capture-free function value once and stores
/// it into its package-level word (`slots`: function, word), in word order.
fn static_funcs_code(mut slots: Vec<(FuncId, u32)>) -> Vec<Op> {
    slots.sort_by_key(|x| x.1);
    let mut code = Vec::new();
    for (f, g) in slots {
        code.push(Op::MakeClosure {
            d: Reg(0),
            f,
            a: Reg(0),
            n: 0,
        });
        code.push(Op::StoreGlobal { g, a: Reg(0), n: 1 });
    }
    code.push(Op::Return { a: Reg(0), n: 0 });
    code
}

/// A method promoted from an embedded field into a type's method table.
#[derive(Clone)]
pub(crate) struct Promoted {
    /// The receiver type (`T` or `*T`).
    pub(crate) recv: TypeId,
    /// The embedded fields from the receiver to the method's holder.
    pub(crate) path: Vec<usize>,
    pub(crate) name: String,
    /// The method's signature (a `Func` type).
    pub(crate) sig: TypeId,
    /// The declared method (None: a method of an embedded interface).
    pub(crate) method: Option<ObjId>,
}

pub(crate) struct Gen<'a> {
    /// Compiling an interactive session ([`compile_session`]).
    session: bool,
    prog: &'a check::Program,
    tt: &'a TypeTable,
    info: &'a Info,
    sources: &'a SourceMap,
    out: Program,
    func_ids: HashMap<ObjId, FuncId>,
    decls: HashMap<ObjId, &'a ast::FuncDecl>,
    /// Statements the checker rewrote (range over functions): compile
    /// the replacement instead.
    pub(super) rewrites: HashMap<ast::NodeId, &'a ast::Stmt>,
    queue: VecDeque<(FuncId, Body<'a>)>,
    rt_types: HashMap<TypeId, RtType>,
    /// Descriptors whose method tables are still to be built, and whether
    /// an outer [`Gen::rt_type`] is building them (see there).
    pending_tables: Vec<(TypeId, RtType)>,
    building_tables: bool,
    /// Method identities: (name, package of an unexported name,
    /// signature descriptor) to [`Method::id`].
    method_ids: HashMap<(String, Option<u32>, u32), u32>,
    /// The hidden package-level word caching each capture-free function
    /// value (see `FnGen::static_func`).
    static_funcs: HashMap<FuncId, u32>,
    /// Makes every value of `static_funcs` (compiled last, when all are known).
    static_funcs_init: FuncId,
    /// Descriptors by [`TypeTable::identity_hash`], to find identical twins.
    rt_by_hash: HashMap<u64, Vec<(TypeId, RtType)>>,
    identity_hashes: HashMap<TypeId, u64>,
    strings: HashMap<Vec<u8>, StrId>,
    /// Index in the program's file table of each reported file: by
    /// (source file, directive in force + 1 or 0), and by name so that
    /// the places that name one file share its index.
    files: HashMap<(u32, u32), u32>,
    file_names: HashMap<String, u32>,
    globals: HashMap<ObjId, u32>,
    /// Standard package variables read by compiled code.
    used_globals: HashSet<ObjId>,
    pkg_of_global: HashMap<ObjId, usize>,
    pkg_inits: Vec<FuncId>,
    /// The variables each function literal captures, in closure order.
    lit_captures: HashMap<NodeId, Vec<ObjId>>,
    /// Promoted methods: receiver type, embedded path, method.
    promoted: Vec<Promoted>,
    /// Method values: the receiver's type (boxed in the closure) and the
    /// method (by object, or by name for an interface receiver).
    method_values: Vec<(TypeId, Promoted)>,
    /// Deferred builtins (and builtins of go statements): the builtin, its
    /// arguments' types and the statement's source position.
    deferred_builtins: Vec<(crate::types::Builtin, Vec<TypeId>, u32)>,
    errors: Vec<Diagnostic>,
}

impl<'a> Gen<'a> {
    fn new(prog: &'a check::Program, sources: &'a SourceMap, session: bool) -> Gen<'a> {
        let mut g = Gen {
            session,
            prog,
            tt: &prog.types,
            info: &prog.info,
            sources,
            out: Program::default(),
            func_ids: HashMap::new(),
            decls: HashMap::new(),
            rewrites: HashMap::new(),
            queue: VecDeque::new(),
            rt_types: HashMap::new(),
            pending_tables: Vec::new(),
            building_tables: false,
            method_ids: HashMap::new(),
            rt_by_hash: HashMap::new(),
            static_funcs: HashMap::new(),
            static_funcs_init: FuncId(0),
            identity_hashes: HashMap::new(),
            strings: HashMap::new(),
            files: HashMap::new(),
            file_names: HashMap::new(),
            globals: HashMap::new(),
            used_globals: HashSet::new(),
            pkg_of_global: HashMap::new(),
            pkg_inits: Vec::new(),
            lit_captures: HashMap::new(),
            promoted: Vec::new(),
            method_values: Vec::new(),
            deferred_builtins: Vec::new(),
            errors: Vec::new(),
        };
        g.static_funcs_init = FuncId(g.out.funcs.len() as u32);
        g.out.funcs.push(Function {
            name: "runtime.staticfuncs".into(),
            ..Default::default()
        });
        for (pi, p) in prog.packages.iter().enumerate() {
            for f in &p.files {
                for item in &f.ast.items {
                    if let ast::Item::Decl(ast::Decl::Func(fd)) = item {
                        if let Some(&o) = g.info.funcs.get(&fd.name.id) {
                            g.decls.insert(o, fd);
                        }
                    }
                }
            }
            // Instances of generic functions and methods (their copies of
            // the generic declarations).
            if pi == 0 {
                for (id, s) in &prog.rewrites {
                    g.rewrites.insert(*id, s);
                }
                for fd in &prog.instances {
                    if let Some(&o) = g.info.funcs.get(&fd.name.id) {
                        g.decls.insert(o, fd);
                    }
                }
            }
            // A session places each package's variables and makes its init
            // in the section of the input that first needs it.
            if session {
                continue;
            }
            for init in &p.init_order {
                for &o in &init.lhs {
                    g.place_global(o, pi, &p.path);
                }
            }
            // Package-level variables without initializer are not in
            // init_order; find the rest in the scope.
            let mut names: Vec<(&String, &ObjId)> = p.scope.iter().collect();
            names.sort();
            for (_, &o) in names {
                if matches!(g.tt.obj(o).kind, ObjKind::Var(_)) && !g.globals.contains_key(&o) {
                    g.place_global(o, pi, &p.path);
                }
            }
            let name = format!("{}.init", p.path);
            let id = FuncId(g.out.funcs.len() as u32);
            g.out.funcs.push(Function {
                name,
                ..Default::default()
            });
            g.pkg_inits.push(id);
        }
        g
    }

    fn drain(&mut self) {
        while let Some((id, body)) = self.queue.pop_front() {
            self.compile_body(id, body);
        }
    }

    fn new_func(&mut self, name: String, body: Body<'a>) -> FuncId {
        let id = FuncId(self.out.funcs.len() as u32);
        self.out.funcs.push(Function {
            name,
            ..Default::default()
        });
        self.queue.push_back((id, body));
        id
    }

    fn compile_body(&mut self, id: FuncId, body: Body<'a>) {
        let f = func::FnGen::compile(self, id, body);
        self.out.funcs[id.0 as usize] = f;
    }

    /// The function id of a declared function or method object, queueing
    /// it for compilation the first time.
    pub(crate) fn func_id(&mut self, o: ObjId, span: Span) -> Option<FuncId> {
        if let Some(&id) = self.func_ids.get(&o) {
            return Some(id);
        }
        let name = self.func_name(o);
        let obj = self.tt.obj(o);
        let has_body = matches!(obj.kind, ObjKind::Func { has_body: true, .. });
        if has_body && self.prog.skipped.contains(&o) {
            self.error(span, format!("{SKIPPED_BODY}{name}"));
            return None;
        }
        let id = if has_body {
            if let Some(&fd) = self.decls.get(&o) {
                self.new_func(name, Body::Decl(fd))
            } else if let Some(pi) = self
                .prog
                .packages
                .iter()
                .position(|p| p.script_main.as_ref().is_some_and(|sm| sm.func == o))
            {
                self.new_func(name, Body::Script(pi))
            } else {
                self.error(span, format!("gol cannot compile a call of {name} yet"));
                return None;
            }
        } else {
            let n = self.native_id(o, &name);
            self.new_func(name, Body::Native(n))
        };
        self.func_ids.insert(o, id);
        Some(id)
    }

    fn native_id(&mut self, o: ObjId, name: &str) -> NativeId {
        let obj = self.tt.obj(o);
        let sig = self.tt.signature(obj.ty).cloned().unwrap_or_else(empty_sig);
        let mut params = Vec::new();
        if let ObjKind::Func { recv: Some(r), .. } = obj.kind {
            params.push(self.rt_type(r));
        }
        for &p in &sig.params {
            params.push(self.rt_type(p));
        }
        let results: Vec<RtType> = sig.results.iter().map(|&r| self.rt_type(r)).collect();
        let pw = params.iter().map(|&t| self.out.ty(t).words).sum();
        let rw = results.iter().map(|&t| self.out.ty(t).words).sum();
        let id = NativeId(self.out.natives.len() as u32);
        self.out.natives.push(NativeDecl {
            name: name.to_string(),
            param_words: pw,
            result_words: rw,
            params,
            results,
            variadic: sig.variadic,
        });
        id
    }

    /// Go's name of a function in traces: `main.f`, `main.T.M`, `main.(*T).M`.
    fn func_name(&self, o: ObjId) -> String {
        let obj = self.tt.obj(o);
        let pkg = obj
            .pkg
            .and_then(|p| self.tt.pkg_paths.get(p.0 as usize))
            .cloned()
            .unwrap_or_else(|| "main".into());
        // Go names a method of an instantiated type `List[...]`.
        let type_name = |t| {
            let n = self.tt.named(t).map_or("?", |n| n.name.as_str());
            match n.find('[') {
                Some(i) => format!("{}[...]", &n[..i]),
                None => n.to_string(),
            }
        };
        match obj.kind {
            ObjKind::Func { recv: Some(r), .. } => {
                if let Some(e) = self.tt.pointer_elem(r) {
                    format!("{pkg}.(*{}).{}", type_name(e), obj.name)
                } else {
                    format!("{pkg}.{}.{}", type_name(r), obj.name)
                }
            }
            _ => format!("{pkg}.{}", obj.name),
        }
    }

    /// Gives package variable `o` of package `pi` its words among the
    /// globals. Go's linker refuses a variable over 2 GB (`symbol too
    /// large`), and so does gol, with Go's message and Go's size: the
    /// globals are one block of words that the collector scans.
    fn place_global(&mut self, o: ObjId, pi: usize, pkg: &str) {
        const MAX_SYMBOL_BYTES: u64 = 2_000_000_000;
        self.globals.insert(o, self.out.global_words);
        self.pkg_of_global.insert(o, pi);
        let obj = self.tt.obj(o);
        let bytes = self.tt.size_of(obj.ty).unwrap_or(u64::MAX);
        if bytes > MAX_SYMBOL_BYTES {
            // The program is refused; the variable takes no words.
            let (span, name) = (obj.span, obj.name.clone());
            self.error(
                span,
                format!(
                    "{pkg}.{name}: symbol too large ({bytes} bytes > {MAX_SYMBOL_BYTES} bytes)"
                ),
            );
            return;
        }
        // A narrow variable lies in its memory layout (at most its slot
        // words, but the larger of the two keeps that an invariant of
        // this code rather than of the layout rules).
        let (msize, narrow) = self.tt.mem(obj.ty);
        let mut w = self.words(obj.ty);
        if narrow {
            w = w.max(u32::try_from(msize.div_ceil(8)).unwrap_or(u32::MAX));
        }
        match self.out.global_words.checked_add(w) {
            Some(n) => self.out.global_words = n,
            None => {
                let span = self.tt.obj(o).span;
                self.error(
                    span,
                    "gol cannot compile package variables of more than 4G words yet",
                );
            }
        }
    }

    pub(crate) fn error(&mut self, span: Span, msg: impl Into<String>) {
        self.errors.push(Diagnostic::error(span, msg));
    }

    pub(crate) fn string(&mut self, s: &[u8]) -> StrId {
        if let Some(&id) = self.strings.get(s) {
            return id;
        }
        let id = StrId(self.out.strings.len() as u32);
        self.out.strings.push(s.to_vec());
        self.strings.insert(s.to_vec(), id);
        id
    }

    /// The line and the index in the program's file table of a global
    /// offset, as Go reports them (a line directive's, where one is in
    /// force; an unnamed directive's file is `??`, Go's name for it).
    pub(crate) fn line_and_file(&mut self, pos: u32) -> (u32, u32) {
        let r = self.sources.reported(pos);
        let line = u32::try_from(r.line).unwrap_or(u32::MAX);
        let key = (r.source.0, r.directive);
        if let Some(&i) = self.files.get(&key) {
            return (line, i);
        }
        let name = if r.unnamed { "??" } else { r.name };
        let i = match self.file_names.get(name) {
            Some(&i) => i,
            None => {
                let i = self.out.files.len() as u32;
                self.out.files.push(name.to_string());
                self.file_names.insert(name.to_string(), i);
                i
            }
        };
        self.files.insert(key, i);
        (line, i)
    }

    /// The global word that holds the function value of `f`, made by
    /// the function `static_funcs_init` that the entry calls first.
    /// Compiles the section of session input `k` (see [`compile_session`])
    /// and returns what runs it, in order.
    fn session_section(&mut self, k: usize, inited: &mut HashSet<usize>) -> Vec<FuncId> {
        let main = self.prog.packages.len() - 1;
        let unit = &self.prog.packages[main].session_units[k];
        let fi = unit.file;
        // The packages this input needs that no earlier input did: its
        // imports and theirs, in an order that depends on nothing else
        // (dependencies first, ties by path).
        let mut need: Vec<usize> = Vec::new();
        let mut stack: Vec<usize> = self.prog.packages[main]
            .file_imports
            .get(fi)
            .map(|v| v.iter().map(|p| p.0 as usize).collect())
            .unwrap_or_default();
        while let Some(pi) = stack.pop() {
            if pi >= main || inited.contains(&pi) || need.contains(&pi) {
                continue;
            }
            need.push(pi);
            stack.extend(self.prog.packages[pi].imports.iter().map(|p| p.0 as usize));
        }
        let mut order = Vec::new();
        while !need.is_empty() {
            let ready = need
                .iter()
                .copied()
                .filter(|&pi| {
                    self.prog.packages[pi]
                        .imports
                        .iter()
                        .all(|d| !need.contains(&(d.0 as usize)) || d.0 as usize == pi)
                })
                .min_by(|&a, &b| self.prog.packages[a].path.cmp(&self.prog.packages[b].path));
            // An import cycle cannot pass the checker; take any to end.
            let pi = ready.unwrap_or(need[0]);
            need.retain(|&x| x != pi);
            order.push(pi);
        }
        let statics_before: HashSet<FuncId> = self.static_funcs.keys().copied().collect();
        let mut run = Vec::new();
        let mut inits = Vec::new();
        for pi in order {
            inited.insert(pi);
            let p = &self.prog.packages[pi];
            // Every variable of the package, so that its init never
            // changes when a later input uses more of it.
            for init in &p.init_order {
                for &o in &init.lhs {
                    self.place_global(o, pi, &p.path);
                    self.used_globals.insert(o);
                }
            }
            let mut names: Vec<(&String, &ObjId)> = p.scope.iter().collect();
            names.sort();
            for (_, &o) in names {
                if matches!(self.tt.obj(o).kind, ObjKind::Var(_)) && !self.globals.contains_key(&o)
                {
                    self.place_global(o, pi, &p.path);
                    self.used_globals.insert(o);
                }
            }
            let name = format!("{}.init", p.path);
            let id = self.new_func(name, Body::PkgInit(pi));
            self.drain();
            inits.push(id);
        }
        // The input's own variables.
        let p = &self.prog.packages[main];
        let span = p.files.get(fi).map(|f| f.ast.span).unwrap_or_default();
        let mut vars: Vec<ObjId> = p
            .scope
            .values()
            .copied()
            .filter(|&o| {
                let obj = self.tt.obj(o);
                matches!(obj.kind, ObjKind::Var(_))
                    && obj.span.lo >= span.lo
                    && obj.span.hi <= span.hi
            })
            .collect();
        vars.sort_by_key(|&o| self.tt.obj(o).span.lo);
        for o in vars {
            if !self.globals.contains_key(&o) {
                self.place_global(o, main, "main");
            }
        }
        let id = self.new_func("main.main".into(), Body::Unit(k));
        self.drain();
        // The static function values this section made, set before
        // anything of the section runs.
        let slots: Vec<(FuncId, u32)> = self
            .static_funcs
            .iter()
            .filter(|(f, _)| !statics_before.contains(f))
            .map(|(f, g)| (*f, *g))
            .collect();
        let code = static_funcs_code(slots);
        let sid = FuncId(self.out.funcs.len() as u32);
        self.out.funcs.push(Function {
            name: "runtime.staticfuncs".into(),
            lines: vec![0; code.len()],
            code,
            frame_words: 1,
            ..Default::default()
        });
        run.push(sid);
        run.extend(inits);
        run.push(id);
        run
    }

    pub(crate) fn static_func_slot(&mut self, f: FuncId) -> u32 {
        if let Some(&g) = self.static_funcs.get(&f) {
            return g;
        }
        let g = self.out.global_words;
        self.out.global_words += 1;
        self.static_funcs.insert(f, g);
        g
    }

    /// The body of `static_funcs_init`: each capture-free function value
    /// allocated once, into its global word.
    fn make_static_funcs(&mut self) {
        let slots: Vec<(FuncId, u32)> = self.static_funcs.iter().map(|(f, g)| (*f, *g)).collect();
        let code = static_funcs_code(slots);
        let f = &mut self.out.funcs[self.static_funcs_init.0 as usize];
        f.lines = vec![0; code.len()];
        f.code = code;
        f.frame_words = 1;
    }

    /// The words a value of type `t` occupies.
    pub(crate) fn words(&self, t: TypeId) -> u32 {
        self.tt.words(t)
    }

    /// The runtime descriptor of `t`, created on first use with those of
    /// every type it refers to. No recursion over the type's structure (a
    /// chain of 10,000 named types is 10,000 deep): (1) every type
    /// reachable from `t` without a descriptor gets one, found with an
    /// explicit stack; (2) their kinds, which name their parts'
    /// descriptors, all of which exist now; (3) their pointer masks,
    /// parts stored inline first (inline containment is acyclic in a
    /// valid program); (4) their method tables.
    pub(crate) fn rt_type(&mut self, t: TypeId) -> RtType {
        let t = untyped_default(t);
        if let Some(&r) = self.rt_types.get(&t) {
            return r;
        }
        let mut fresh: Vec<(TypeId, RtType)> = Vec::new();
        let mut stack = vec![t];
        while let Some(u) = stack.pop() {
            let u = untyped_default(u);
            if self.rt_types.contains_key(&u) {
                continue;
            }
            // Identical types must share a descriptor (type assertions
            // compare descriptor indices).
            let h = self.tt.identity_hash(u, &mut self.identity_hashes);
            let twin = self.rt_by_hash.get(&h).and_then(|v| {
                v.iter()
                    .find(|(other, _)| self.tt.identical(*other, u))
                    .map(|x| x.1)
            });
            if let Some(r) = twin {
                self.rt_types.insert(u, r);
                continue;
            }
            let id = RtType(self.out.types.len() as u32);
            self.rt_types.insert(u, id);
            self.rt_by_hash.entry(h).or_default().push((u, id));
            let (size, narrow) = self.tt.mem(u);
            self.out.types.push(TypeDesc {
                name: reflect_name(&self.tt.type_string(u, None)),
                kind: TypeKind::Func,
                words: self.words(u),
                ptr_mask: Vec::new(),
                size,
                align: self.tt.layout(u).align as u32,
                narrow,
                narrow_mask: Vec::new(),
                conv: Vec::new(),
                methods: Vec::new(),
                method_ids: Vec::new(),
            });
            fresh.push((u, id));
            // A named type with methods brings `*T` along: natives that
            // call a pointer method of an addressable value (encoding/json's
            // UnmarshalJSON) find `*T`'s method table by name.
            // (A pointer method's receiver made the checker intern `*T`.)
            if self.tt.named(u).is_some_and(|n| !n.methods.is_empty()) {
                if let Some(p) = self.tt.find(&Type::Pointer(u)) {
                    stack.push(p);
                }
            }
            match self.tt.get(self.tt.under(u)) {
                Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
                    stack.push(*e)
                }
                Type::Map(k, v) => stack.extend([*k, *v]),
                Type::Struct(fs) => stack.extend(fs.iter().map(|f| f.ty)),
                _ => {}
            }
        }
        for &(u, id) in &fresh {
            let kind = self.rt_kind(u);
            self.out.types[id.0 as usize].kind = kind;
        }
        self.fill_masks(&fresh);
        // Method tables name their methods' signatures' descriptors, whose
        // parameters may need descriptors with method tables of their own
        // (`func (T0) M(T1)`, `func (T1) M(T2)`, ...): build the tables
        // from a work list in the outermost call rather than by recursion,
        // so a long chain of such types does not deepen the Rust stack.
        // An inner call returns a descriptor whose table is still on the
        // list; only its index is used before the outermost call returns.
        self.pending_tables.extend(fresh);
        if !self.building_tables {
            self.building_tables = true;
            while let Some((u, id)) = self.pending_tables.pop() {
                self.method_table(u, id);
            }
            self.building_tables = false;
        }
        self.rt_types[&t]
    }

    /// The kind of `t`'s descriptor; its parts' descriptors exist.
    fn rt_kind(&mut self, t: TypeId) -> TypeKind {
        match self.tt.get(self.tt.under(t)).clone() {
            Type::Basic(k, _) => match k {
                BasicKind::Bool => TypeKind::Bool,
                BasicKind::Int | BasicKind::Int64 => TypeKind::Int {
                    bits: 64,
                    signed: true,
                },
                BasicKind::Int8 => TypeKind::Int {
                    bits: 8,
                    signed: true,
                },
                BasicKind::Int16 => TypeKind::Int {
                    bits: 16,
                    signed: true,
                },
                BasicKind::Int32 => TypeKind::Int {
                    bits: 32,
                    signed: true,
                },
                BasicKind::Uint | BasicKind::Uint64 => TypeKind::Int {
                    bits: 64,
                    signed: false,
                },
                BasicKind::Uint8 => TypeKind::Int {
                    bits: 8,
                    signed: false,
                },
                BasicKind::Uint16 => TypeKind::Int {
                    bits: 16,
                    signed: false,
                },
                BasicKind::Uint32 => TypeKind::Int {
                    bits: 32,
                    signed: false,
                },
                BasicKind::Uintptr => TypeKind::Uintptr,
                BasicKind::Float32 => TypeKind::Float { bits: 32 },
                BasicKind::Float64 => TypeKind::Float { bits: 64 },
                BasicKind::Complex64 => TypeKind::Complex { bits: 64 },
                BasicKind::Complex128 => TypeKind::Complex { bits: 128 },
                BasicKind::String => TypeKind::String,
                _ => TypeKind::Interface,
            },
            Type::Pointer(e) => TypeKind::Pointer(self.rt_type(e)),
            Type::Slice(e) => TypeKind::Slice(self.rt_type(e)),
            Type::Array(n, e) => TypeKind::Array(n, self.rt_type(e)),
            Type::Map(k, v) => TypeKind::Map(self.rt_type(k), self.rt_type(v)),
            Type::Chan(_, e) => TypeKind::Chan(self.rt_type(e)),
            Type::Func(sig) => {
                // The parameter of a one-parameter func type gets a
                // descriptor too: runtime.SetFinalizer checks a finalizer's
                // parameter against its object by it (vm/src/mfinal.rs).
                if let [p] = sig.params[..] {
                    self.rt_type(p);
                }
                TypeKind::Func
            }
            Type::Interface(_) => TypeKind::Interface,
            Type::Struct(fs) => {
                let mut off = 0;
                let mut out = Vec::new();
                let moffs = self.tt.field_moffs(t);
                for (f, moff) in fs.iter().zip(moffs) {
                    let ty = self.rt_type(f.ty);
                    out.push(StructField {
                        name: f.name.clone(),
                        ty,
                        off,
                        moff,
                        embedded: f.embedded,
                        tag: f.tag.clone(),
                    });
                    off += self.words(f.ty);
                }
                TypeKind::Struct(out)
            }
            Type::Named(_) | Type::Tuple(_) => TypeKind::Func,
        }
    }

    /// The entry of a method table for method `name` declared in package
    /// `pkg` with func type `sig`, implemented by `func` (see
    /// [`Method`]: an unexported name keeps its package).
    fn method_entry(
        &mut self,
        name: String,
        pkg: Option<crate::types::PkgId>,
        sig: TypeId,
        func: FuncId,
    ) -> Method {
        // The package as its import path's string: a package's number
        // follows the order packages load in, which a session's next input
        // (one more import) can change, while the strings only grow.
        let pkg = if crate::types::is_exported(&name) {
            None
        } else {
            pkg.map(|p| {
                let path = self
                    .tt
                    .pkg_paths
                    .get(p.0 as usize)
                    .cloned()
                    .unwrap_or_default();
                self.string(path.as_bytes()).0
            })
        };
        let sig = self.rt_type(sig);
        self.method(name, pkg, sig, func)
    }

    /// A method table entry, numbered by its identity (name, package of
    /// an unexported name, signature descriptor).
    fn method(&mut self, name: String, pkg: Option<u32>, sig: RtType, func: FuncId) -> Method {
        let next = self.method_ids.len() as u32;
        let id = *self
            .method_ids
            .entry((name.clone(), pkg, sig.0))
            .or_insert(next);
        Method {
            name,
            pkg,
            sig,
            id,
            func,
        }
    }

    /// A descriptor's method table, sorted by [`Method::key`], and its
    /// sorted ids.
    fn set_methods(&mut self, id: RtType, mut table: Vec<Method>) {
        table.sort_by(|a, b| a.key().cmp(&b.key()));
        let mut ids: Vec<u32> = table.iter().map(|m| m.id).collect();
        ids.sort_unstable();
        let d = &mut self.out.types[id.0 as usize];
        d.methods = table;
        d.method_ids = ids;
    }

    /// The method table of `t`'s descriptor `id`.
    fn method_table(&mut self, t: TypeId, id: RtType) {
        // Methods: of T for T; of T and *T for *T.
        let mut methods = Vec::new();
        let (base, is_ptr) = match self.tt.pointer_elem(t) {
            Some(e) if self.tt.named(e).is_some() => (e, true),
            _ => (t, false),
        };
        if let Some(n) = self.tt.named(base) {
            // Methods no interface names stay out (`check/reach.rs`).
            for &m in n.methods.iter().filter(|m| !self.prog.pruned.contains(m)) {
                let mo = self.tt.obj(m);
                let ptr_recv = matches!(mo.kind, ObjKind::Func { recv: Some(r), .. } if self.tt.pointer_elem(r).is_some());
                if ptr_recv && !is_ptr {
                    continue;
                }
                methods.push((m, ptr_recv && is_ptr || !ptr_recv && !is_ptr));
            }
        }
        let mut table: Vec<Method> = Vec::new();
        for (m, direct) in methods {
            let f = if direct {
                self.func_id(m, Span::default())
            } else {
                // A value-receiver method called through a pointer: a
                // wrapper that dereferences first.
                self.deref_wrapper(m, base)
            };
            if let Some(f) = f {
                let mo = self.tt.obj(m);
                let e = self.method_entry(mo.name.clone(), mo.pkg, mo.ty, f);
                table.push(e);
            }
        }
        // Methods promoted from embedded fields.
        for (pkg, p) in self.promoted_methods(t) {
            if p.method.is_some_and(|m| self.prog.pruned.contains(&m)) {
                continue;
            }
            let (name, sig) = (p.name.clone(), p.sig);
            let e = self.method_entry(name, pkg, sig, FuncId(u32::MAX));
            if table.iter().any(|m| m.key() == e.key()) {
                continue;
            }
            let fname = format!("{}.{}", reflect_name(&self.tt.type_string(t, None)), e.name);
            let i = self.promoted.len();
            self.promoted.push(p);
            let f = self.new_func(fname, Body::Promoted(i));
            table.push(Method { func: f, ..e });
        }
        // An interface type's descriptor lists the methods it requires
        // (for assertions to it and type switch cases); the functions are
        // unused.
        if let Some(i) = self.tt.interface(t) {
            for m in &i.methods {
                let e = self.method_entry(m.name.clone(), m.pkg, m.sig, FuncId(u32::MAX));
                table.push(e);
            }
            if i.methods.is_empty() && self.tt.named(t).is_none() {
                self.out.types[id.0 as usize].name = "interface {}".into();
            }
        }
        self.set_methods(id, table);
    }

    /// The methods of `t`'s method set promoted from embedded fields,
    /// each with the package of its name (for unexported names).
    fn promoted_methods(&self, t: TypeId) -> Vec<(Option<crate::types::PkgId>, Promoted)> {
        let is_ptr = self.tt.pointer_elem(t).is_some();
        let base = self.tt.pointer_elem(t).unwrap_or(t);
        if self.tt.struct_fields(base).is_none() {
            return Vec::new();
        }
        // Candidate names: methods of every type reachable by embedding.
        let mut names: Vec<(String, Option<crate::types::PkgId>)> = Vec::new();
        let mut work = vec![base];
        let mut seen = HashSet::new();
        while let Some(ty) = work.pop() {
            if !seen.insert(ty) {
                continue;
            }
            if let Some(n) = self.tt.named(ty) {
                for &m in &n.methods {
                    let o = self.tt.obj(m);
                    names.push((o.name.clone(), o.pkg));
                }
            }
            if let Some(i) = self.tt.interface(ty) {
                for m in &i.methods {
                    names.push((m.name.clone(), m.pkg));
                }
            }
            if let Some(fs) = self.tt.struct_fields(ty) {
                for f in fs.iter().filter(|f| f.embedded) {
                    let et = self.tt.pointer_elem(f.ty).unwrap_or(f.ty);
                    work.push(et);
                }
            }
        }
        names.sort();
        names.dedup();
        let mut out = Vec::new();
        for (name, pkg) in names {
            let r = crate::check::lookup::lookup_field_or_method(self.tt, t, pkg, &name);
            let crate::check::lookup::LookupResult::Method {
                obj,
                iface,
                index,
                indirect,
            } = r
            else {
                continue;
            };
            if index.is_empty() {
                continue;
            }
            let sig = match (obj, iface) {
                (Some(m), _) => self.tt.obj(m).ty,
                (None, Some((_, sig))) => sig,
                _ => continue,
            };
            if let Some(m) = obj {
                let ptr_recv = matches!(self.tt.obj(m).kind, ObjKind::Func { recv: Some(r), .. } if self.tt.pointer_elem(r).is_some());
                if ptr_recv && !is_ptr && !indirect {
                    continue;
                }
            }
            out.push((
                pkg,
                Promoted {
                    recv: t,
                    path: index,
                    name,
                    sig,
                    method: obj,
                },
            ));
        }
        out
    }

    /// The types `recover` returns for runtime errors (index out of range,
    /// nil map write, ...), named as Go names them (`runtime.boundsError`,
    /// ...): each holds the message as a string and has Go's
    /// `runtime.Error` methods, so `r.(error)` and `r.(runtime.Error)` hold
    /// and `Error()` gives the message. The VM finds them by name
    /// (`RUNTIME_ERROR_TYPES`) and picks one by the message.
    fn runtime_error_type(&mut self) {
        let error = FuncId(self.out.funcs.len() as u32);
        self.out.funcs.push(Function {
            name: "runtime.Error.Error".into(),
            code: vec![Op::Return { a: Reg(0), n: 2 }],
            lines: vec![0],
            file: 0,
            file_runs: Vec::new(),
            param_words: 2,
            result_words: 2,
            frame_words: 2,
            recover_pc: 0,
        });
        let marker = FuncId(self.out.funcs.len() as u32);
        self.out.funcs.push(Function {
            name: "runtime.Error.RuntimeError".into(),
            code: vec![Op::Return { a: Reg(0), n: 0 }],
            lines: vec![0],
            file: 0,
            file_runs: Vec::new(),
            param_words: 2,
            result_words: 0,
            frame_words: 2,
            recover_pc: 0,
        });
        let string_sig = self.func_sig_rt(vec![], vec![crate::types::ids::STRING], "func() string");
        let marker_sig = self.func_sig_rt(vec![], vec![], "func()");
        let methods = vec![
            self.method("Error".into(), None, string_sig, error),
            self.method("RuntimeError".into(), None, marker_sig, marker),
        ];
        for name in RUNTIME_ERROR_TYPES {
            let id = RtType(self.out.types.len() as u32);
            self.out.types.push(TypeDesc {
                name: name.into(),
                kind: TypeKind::String,
                words: 2,
                ptr_mask: vec![1],
                size: 16,
                align: 8,
                narrow: false,
                narrow_mask: Vec::new(),
                conv: Vec::new(),
                methods: Vec::new(),
                method_ids: Vec::new(),
            });
            self.set_methods(id, methods.clone());
        }
    }

    /// The descriptor of the func type with these parameters and results
    /// (not variadic), for methods the code generator makes up. The type
    /// table is complete before code generation, so when it has no such
    /// type no interface's method has that signature either: a fresh
    /// descriptor, equal to no interned one, is then exact.
    fn func_sig_rt(&mut self, params: Vec<TypeId>, results: Vec<TypeId>, name: &str) -> RtType {
        let sig = Type::Func(crate::types::Signature {
            params,
            results,
            variadic: false,
        });
        if let Some(t) = self.tt.find(&sig) {
            return self.rt_type(t);
        }
        self.out.types.push(TypeDesc {
            name: name.into(),
            kind: TypeKind::Func,
            words: 1,
            ptr_mask: vec![1],
            size: 8,
            align: 8,
            narrow: false,
            narrow_mask: Vec::new(),
            conv: Vec::new(),
            methods: Vec::new(),
            method_ids: Vec::new(),
        });
        RtType(self.out.types.len() as u32 - 1)
    }

    /// The instruction that moves a value of descriptor `rt` between slots
    /// and byte `off` of the memory at a pointer (nil-checked): its words
    /// as they are for a type laid out in memory as in slots, one typed
    /// narrow load or store for a narrow scalar, a conversion for a narrow
    /// aggregate (the VM's layout module). `Err` names an offset too large
    /// for the instruction.
    pub(crate) fn mem_op(&self, op: MemOp, off: u64, rt: RtType) -> Result<Op, &'static str> {
        let desc = &self.out.types[rt.0 as usize];
        if !desc.narrow {
            let off = u32::try_from(off / 8)
                .map(crate::bytecode::Off)
                .map_err(|_| "a field offset past 32 GiB")?;
            let n = desc.words;
            return Ok(match op {
                MemOp::Load { d, p } => Op::Load { d, a: p, off, n },
                MemOp::Store { p, a } => Op::Store {
                    d: p,
                    off,
                    a,
                    n,
                    t: rt,
                },
            });
        }
        let off = u32::try_from(off).map_err(|_| "a narrow field offset past 4 GiB")?;
        Ok(match (op, desc.mem_kind()) {
            (MemOp::Load { d, p }, Some(k)) => Op::LoadN { d, a: p, off, k },
            (MemOp::Load { d, p }, None) => Op::LoadValue {
                d,
                a: p,
                off,
                t: rt,
            },
            (MemOp::Store { p, a }, Some(k)) => Op::StoreN { d: p, off, a, k },
            (MemOp::Store { p, a }, None) => Op::StoreValue {
                d: p,
                off,
                a,
                t: rt,
            },
        })
    }

    /// `(*T).M` for a method `M` declared on `T`: loads `*p` and calls `T.M`.
    pub(crate) fn deref_wrapper(&mut self, m: ObjId, base: TypeId) -> Option<FuncId> {
        let target = self.func_id(m, Span::default())?;
        let obj = self.tt.obj(m);
        let sig = self.tt.signature(obj.ty).cloned().unwrap_or_else(empty_sig);
        let rw = self.words(base);
        let pw: u32 = sig.params.iter().map(|&p| self.words(p)).sum();
        let res: u32 = sig.results.iter().map(|&p| self.words(p)).sum();
        let name = self.func_name(m).replacen(
            &format!(".{}.", self.tt.named(base).map_or("", |n| n.name.as_str())),
            &format!(
                ".(*{}).",
                self.tt.named(base).map_or("", |n| n.name.as_str())
            ),
            1,
        );
        let frame = 1 + pw + rw + pw.max(res) + 1;
        // Through a nil pointer: Go's wrapper panics with a runtime error
        // that names the method.
        let tname = self
            .tt
            .named(base)
            .map_or("", |n| n.name.as_str())
            .to_string();
        let text = format!(
            "value method {} called using nil *{tname} pointer",
            self.func_name(m)
        );
        let text = self.string(text.as_bytes());
        // Window: [ptr, params...]; build [value..., params...] above and call.
        let b = 1 + pw;
        let mut code = vec![
            Op::JumpIfNeImm {
                a: Reg(0),
                v: 0,
                to: crate::bytecode::Pc(2),
            },
            Op::PanicText { m: text },
        ];
        let rt = self.rt_type(base);
        match self.mem_op(
            MemOp::Load {
                d: Reg(b),
                p: Reg(0),
            },
            0,
            rt,
        ) {
            Ok(op) => code.push(op),
            Err(what) => self.error(Span::default(), format!("gol cannot compile {what} yet")),
        }
        if pw > 0 {
            code.push(Op::MoveN {
                d: Reg(b + rw),
                a: Reg(1),
                n: pw,
            });
        }
        code.push(Op::Call {
            f: target,
            base: Reg(b),
        });
        code.push(Op::Return { a: Reg(b), n: res });
        let id = FuncId(self.out.funcs.len() as u32);
        let file = self.out.funcs[target.0 as usize].file;
        self.out.funcs.push(Function {
            name,
            lines: vec![0; code.len()],
            code,
            file,
            file_runs: Vec::new(),
            param_words: 1 + pw,
            result_words: res,
            frame_words: frame + rw,
            recover_pc: 0,
        });
        Some(id)
    }

    /// The pointer masks of fresh descriptors (bit `i`: word `i` holds a
    /// pointer), each from its inline parts' masks, which are computed
    /// first (explicit stack, post-order over fields and array elements).
    fn fill_masks(&mut self, fresh: &[(TypeId, RtType)]) {
        let inline = |k: &TypeKind| -> Vec<RtType> {
            match k {
                TypeKind::Struct(fs) => fs.iter().map(|f| f.ty).collect(),
                TypeKind::Array(_, e) => vec![*e],
                _ => Vec::new(),
            }
        };
        let pending: HashSet<RtType> = fresh.iter().map(|x| x.1).collect();
        let mut done: HashSet<RtType> = HashSet::new();
        for &(_, root) in fresh {
            let mut stack = vec![(root, false)];
            while let Some((r, expanded)) = stack.pop() {
                if !expanded {
                    if !pending.contains(&r) || !done.insert(r) {
                        continue;
                    }
                    stack.push((r, true));
                    let kids = inline(&self.out.types[r.0 as usize].kind);
                    stack.extend(kids.into_iter().map(|c| (c, false)));
                    continue;
                }
                let mask = self.ptr_mask(r);
                self.out.types[r.0 as usize].ptr_mask = mask;
                if self.out.types[r.0 as usize].narrow {
                    let (mask, conv) = self.narrow_layout(r);
                    let d = &mut self.out.types[r.0 as usize];
                    d.narrow_mask = mask;
                    d.conv = conv;
                }
            }
        }
    }

    /// The memory pointer mask and conversion steps of narrow descriptor
    /// `r`, whose inline parts have theirs. Pointers are 8-aligned in
    /// memory (a type holding one has alignment 8), so a part holding
    /// pointers starts on a word.
    fn narrow_layout(&self, r: RtType) -> (Vec<u64>, Vec<Conv>) {
        let d = &self.out.types[r.0 as usize];
        // Sized only when there are pointers: a pointer-free array of a
        // gigabyte needs no mask.
        let mwords = usize::try_from(d.size.div_ceil(8)).unwrap_or(usize::MAX);
        let mut mask = vec![0u64; 1];
        if d.ptr_mask.iter().any(|&m| m != 0) {
            mask.resize(mwords.div_ceil(64).max(1), 0);
        }
        let mut conv: Vec<Conv> = Vec::new();
        let part = |t: RtType| -> ConvPart {
            let pd = &self.out.types[t.0 as usize];
            match pd.mem_kind() {
                Some(k) => ConvPart::Scalar(k),
                None => ConvPart::Part(t),
            }
        };
        match &d.kind {
            TypeKind::Struct(fs) => {
                for f in fs {
                    let fd = &self.out.types[f.ty.0 as usize];
                    if fd.mem_mask().iter().any(|&m| m != 0) {
                        copy_bits(&mut mask, fd.mem_mask(), f.moff / 8);
                    }
                    if fd.narrow {
                        conv.push(Conv {
                            moff: f.moff,
                            soff: f.off,
                            what: part(f.ty),
                        });
                        continue;
                    }
                    if fd.words == 0 {
                        continue;
                    }
                    // Whole words: one step for a run of them.
                    if let Some(Conv {
                        moff,
                        soff,
                        what: ConvPart::Words(n),
                    }) = conv.last_mut()
                    {
                        if *soff + *n == f.off && *moff + u64::from(*n) * 8 == f.moff {
                            *n += fd.words;
                            continue;
                        }
                    }
                    conv.push(Conv {
                        moff: f.moff,
                        soff: f.off,
                        what: ConvPart::Words(fd.words),
                    });
                }
            }
            TypeKind::Array(n, e) => {
                let ed = &self.out.types[e.0 as usize];
                if ed.mem_mask().iter().any(|&m| m != 0) {
                    let n = (*n).min(d.size / ed.size.max(1));
                    for i in 0..n {
                        copy_bits(&mut mask, ed.mem_mask(), i * ed.size / 8);
                    }
                }
                conv.push(Conv {
                    moff: 0,
                    soff: 0,
                    what: ConvPart::Array { n: *n, elem: *e },
                });
            }
            TypeKind::Complex { .. } => {
                // complex64: two float32s in memory, two f64 slots.
                for (moff, soff) in [(0, 0), (4, 1)] {
                    conv.push(Conv {
                        moff,
                        soff,
                        what: ConvPart::Scalar(crate::bytecode::MemKind::F32),
                    });
                }
            }
            _ => {
                if let Some(k) = d.mem_kind() {
                    conv.push(Conv {
                        moff: 0,
                        soff: 0,
                        what: ConvPart::Scalar(k),
                    });
                }
            }
        }
        (mask, conv)
    }

    /// The pointer mask of descriptor `r`, whose inline parts have theirs.
    fn ptr_mask(&self, r: RtType) -> Vec<u64> {
        let d = &self.out.types[r.0 as usize];
        let mut mask = vec![0u64; (d.words as usize).div_ceil(64).max(1)];
        match &d.kind {
            TypeKind::Pointer(_)
            | TypeKind::Map(..)
            | TypeKind::Chan(_)
            | TypeKind::Func
            | TypeKind::Interface
            | TypeKind::String
            | TypeKind::Slice(_) => mask[0] |= 1,
            TypeKind::Struct(fs) => {
                for f in fs {
                    let part = &self.out.types[f.ty.0 as usize].ptr_mask;
                    copy_bits(&mut mask, part, f.off as u64);
                }
            }
            TypeKind::Array(n, e) => {
                let ed = &self.out.types[e.0 as usize];
                if ed.ptr_mask.iter().any(|&m| m != 0) {
                    // Elements past the mask's end (a saturated word
                    // count) cannot be addressed anyway.
                    let n = (*n).min(d.words as u64 / ed.words.max(1) as u64);
                    for i in 0..n {
                        copy_bits(&mut mask, &ed.ptr_mask, i * ed.words as u64);
                    }
                }
            }
            _ => {}
        }
        mask
    }
}

/// A move between slots and memory, for [`Gen::mem_op`].
#[derive(Clone, Copy)]
pub(crate) enum MemOp {
    /// Slots from `d` = the value at pointer `p`.
    Load { d: Reg, p: Reg },
    /// The value at pointer `p` = slots from `a`.
    Store { p: Reg, a: Reg },
}

/// Ors `part` into `mask` shifted by `off` words, a word at a time.
fn copy_bits(mask: &mut [u64], part: &[u64], off: u64) {
    let (w0, sh) = ((off / 64) as usize, (off % 64) as u32);
    for (i, &m) in part.iter().enumerate().filter(|x| *x.1 != 0) {
        if let Some(x) = mask.get_mut(w0 + i) {
            *x |= m << sh;
        }
        if sh > 0 {
            if let Some(x) = mask.get_mut(w0 + i + 1) {
                *x |= m >> (64 - sh);
            }
        }
    }
}

/// The type a constant of an untyped type gets in a descriptor.
fn untyped_default(t: TypeId) -> TypeId {
    use crate::types::ids;
    match t {
        ids::UNTYPED_BOOL => ids::BOOL,
        ids::UNTYPED_INT => ids::INT,
        ids::UNTYPED_RUNE => ids::INT32,
        ids::UNTYPED_FLOAT => ids::FLOAT64,
        ids::UNTYPED_COMPLEX => ids::COMPLEX128,
        ids::UNTYPED_STRING => ids::STRING,
        t => t,
    }
}

/// Go's reflect spelling of a type: the aliases `byte` and `rune` are
/// `uint8` and `int32` (a named type `pkg.byte` keeps its name), and
/// struct and interface literals are spaced inside their braces
/// (`struct { a int; b string }`, `struct {}`). A struct tag (quoted, as
/// Go prints it) is left as written.
fn reflect_name(s: &str) -> String {
    space_braces(&alias_names(s))
}

/// Copies the quoted tag that starts `s[i..]` (at a `"`), with its
/// quotes, to `out` and returns its length; 0 when none starts there.
fn copy_quoted(s: &str, i: usize, out: &mut String) -> usize {
    let b = &s.as_bytes()[i..];
    if b.first() != Some(&b'"') {
        return 0;
    }
    let mut j = 1;
    let end = loop {
        match b.get(j) {
            None => break b.len(),
            Some(b'\\') => j += 2,
            Some(b'"') => break j + 1,
            Some(_) => j += 1,
        }
    };
    out.push_str(&s[i..i + end]);
    end
}

fn space_braces(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let q = copy_quoted(s, i, &mut out);
        if q > 0 {
            i += q;
            continue;
        }
        if b[i] == b'{' {
            if b.get(i + 1) == Some(&b'}') {
                out.push_str(" {}");
                i += 2;
            } else {
                out.push_str(" { ");
                i += 1;
            }
            continue;
        }
        if b[i] == b'}' {
            out.push_str(" }");
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

fn alias_names(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let q = copy_quoted(s, i, &mut out);
        if q > 0 {
            i += q;
            continue;
        }
        let word_start =
            i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] == b'.');
        let mut matched = false;
        for (from, to) in [("byte", "uint8"), ("rune", "int32")] {
            if word_start && s[i..].starts_with(from) {
                let end = i + from.len();
                if end == s.len() || !(b[end].is_ascii_alphanumeric() || b[end] == b'_') {
                    out.push_str(to);
                    i = end;
                    matched = true;
                    break;
                }
            }
        }
        if !matched {
            let c = s[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

pub(crate) fn empty_sig() -> crate::types::Signature {
    crate::types::Signature {
        params: Vec::new(),
        results: Vec::new(),
        variadic: false,
    }
}

#[cfg(test)]
mod tests;
