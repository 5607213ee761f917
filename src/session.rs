//! Interactive sessions: Go typed one input at a time into a program
//! that keeps running (what `gol repl` is built on).
//!
//! # The model
//! A session is a main package that grows. Its first file declares an
//! empty `func main`; each accepted input adds one or more *units*, each a
//! script file of the package: the input's imports, declarations and
//! top-level statements. A unit's package-level names live under keys of
//! their own and are seen by later units through aliases
//! ([`gol_lang::check::SessionNames`]), so an input may declare `f` again:
//! code typed afterwards uses the new `f`, code compiled before keeps the
//! `f` it was compiled with, as a function value taken earlier would.
//!
//! Every input is checked and compiled with all the units before it
//! ([`gol_lang::check_session`], [`gol_lang::codegen::compile_session`]),
//! and the result must *extend* the program compiled for the previous
//! input: its functions, types, strings, natives and variables are the old
//! ones at the same indices, plus new ones ([`bytecode::Program::extends`]).
//! That is what lets the program be replaced under running goroutines:
//! nothing they hold changes meaning. An input that cannot be compiled
//! that way is refused with the reason, and the session goes on.
//!
//! # How an input becomes units
//! * Imports stay with every unit of their input (imports are per file).
//! * A top-level `x, y := a, b` becomes the package variables `var x, y =
//!   a, b`: later inputs and functions see them. A unit's variables are
//!   initialised, in Go's initialisation order, before its statements run,
//!   so an input is cut into units where a variable follows a statement:
//!   `fmt.Println(1); x := f()` runs the print before `f`.
//! * A single expression prints its value(s) as `fmt.Println` prints them
//!   (a call of `fmt`'s print functions, or of a function without
//!   results, runs as a statement).

use gol_lang::ast::{self, Item, StmtKind};
use gol_lang::bytecode::{self, FuncId};
use gol_lang::check::SessionNames;
use gol_lang::Importer as _;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::Diagnostics;

/// The first file of every session: a main package needs `func main`.
const BASE: &str = "package main\n\nfunc main() {}\n";

/// One accepted unit: a script file of the session's main package.
#[derive(Clone)]
struct Unit {
    name: String,
    text: String,
    names: SessionNames,
}

/// A compiled unit, ready to run: the program that includes it, and the
/// functions to call, in order, to run it.
pub(crate) struct Compiled {
    pub(crate) program: Arc<bytecode::Program>,
    pub(crate) run: Vec<FuncId>,
}

/// Why an input was refused.
#[derive(Debug)]
pub enum InputError {
    /// It does not compile: the diagnostics, as `gol check` prints them.
    Compile(Diagnostics),
    /// It compiles, but not as an extension of the running program (see
    /// the module docs): the reason.
    Session(String),
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Compile(d) => write!(f, "{d}"),
            InputError::Session(s) => write!(f, "{s}"),
        }
    }
}

/// The compiling half of a session: the units accepted so far and the
/// names they declare.
#[derive(Default)]
pub(crate) struct Units {
    units: Vec<Unit>,
    /// Every name declared so far -> the key of its latest declaration.
    names: BTreeMap<String, String>,
    /// The program of the last accepted unit.
    program: Option<Arc<bytecode::Program>>,
    /// Units made so far (accepted or not): keys stay unique.
    serial: usize,
}

/// An input cut into the texts of its units; when it ends with an
/// expression, the last unit's text that prints it.
struct Split {
    units: Vec<String>,
    print: Option<String>,
}

impl Units {
    /// Compiles `input`: each of its units in turn, each accepted before
    /// the next is compiled (so it sees the names declared before it). On
    /// an error the units of the input accepted so far stay; the caller
    /// runs what it got back.
    pub(crate) fn compile(
        &mut self,
        input: &str,
        importer: &dyn gol_lang::Importer,
    ) -> (Vec<Compiled>, Option<InputError>) {
        let split = match split(input) {
            Ok(s) => s,
            Err(e) => return (Vec::new(), Some(e)),
        };
        let mut out = Vec::new();
        let n = split.units.len();
        for (k, text) in split.units.into_iter().enumerate() {
            // A last expression is printed. When that does not compile (it
            // has no value, or an error of its own) the unit runs as typed,
            // which reports its errors as typed.
            if k + 1 == n {
                if let Some(p) = &split.print {
                    if let Ok(c) = self.compile_unit(p, importer) {
                        out.push(c);
                        return (out, None);
                    }
                }
            }
            match self.compile_unit(&text, importer) {
                Ok(c) => out.push(c),
                Err(e) => return (out, Some(e)),
            }
        }
        (out, None)
    }

    /// Compiles one unit and, when it extends the running program,
    /// accepts it.
    fn compile_unit(
        &mut self,
        text: &str,
        importer: &dyn gol_lang::Importer,
    ) -> Result<Compiled, InputError> {
        self.serial += 1;
        let serial = self.serial;
        let declared = declared_names(text);
        let mut names = SessionNames::default();
        for (n, k) in &self.names {
            names.aliases.insert(n.clone(), k.clone());
        }
        for n in &declared {
            names.keys.insert(n.clone(), format!("{n}#{serial}"));
        }
        let unit = Unit {
            name: format!("<input {serial}>"),
            text: text.to_string(),
            names,
        };
        let mut files = vec![gol_lang::SessionFile {
            name: "session.go".into(),
            text: BASE.into(),
            names: None,
        }];
        for u in self.units.iter().chain(std::iter::once(&unit)) {
            files.push(gol_lang::SessionFile {
                name: u.name.clone(),
                text: u.text.clone(),
                names: Some(u.names.clone()),
            });
        }
        let (checked, compiled) = gol_lang::check_and_compile(
            |bodies| gol_lang::check_session_with(files.clone(), importer, bodies),
            gol_lang::codegen::compile_session,
        )
        .map_err(|checked| {
            InputError::Compile(Diagnostics {
                sources: checked.sources,
                diags: checked.diagnostics,
            })
        })?;
        let (prog, mut runs) = match compiled {
            Ok(r) => r,
            Err(diags) => {
                return Err(InputError::Compile(Diagnostics {
                    sources: checked.sources,
                    diags,
                }))
            }
        };
        if let Some(old) = &self.program {
            prog.extends(old).map_err(|e| {
                InputError::Session(format!(
                    "gol cannot add this input to the running program ({e}); \
                     the session goes on without it"
                ))
            })?;
        }
        let run = runs.pop().unwrap_or_default();
        let prog = Arc::new(prog);
        for (n, k) in &unit.names.keys {
            self.names.insert(n.clone(), k.clone());
        }
        self.units.push(unit);
        self.program = Some(prog.clone());
        Ok(Compiled { program: prog, run })
    }

    /// The static type of `expr` in the session as it stands (nothing
    /// is accepted or run).
    pub(crate) fn type_of(
        &self,
        expr: &str,
        importer: &dyn gol_lang::Importer,
    ) -> Result<String, InputError> {
        let mut names = SessionNames::default();
        for (n, k) in &self.names {
            names.aliases.insert(n.clone(), k.clone());
        }
        names
            .keys
            .insert("gol_type".into(), "gol_type#probe".into());
        let mut files = vec![gol_lang::SessionFile {
            name: "session.go".into(),
            text: BASE.into(),
            names: None,
        }];
        for u in &self.units {
            files.push(gol_lang::SessionFile {
                name: u.name.clone(),
                text: u.text.clone(),
                names: Some(u.names.clone()),
            });
        }
        files.push(gol_lang::SessionFile {
            name: "type.gol".into(),
            text: format!("var gol_type = ({expr})"),
            names: Some(names),
        });
        let checked = gol_lang::check_session(files, importer);
        let Some(p) = checked
            .program
            .as_ref()
            .filter(|_| checked.diagnostics.is_empty())
        else {
            return Err(InputError::Compile(Diagnostics {
                sources: checked.sources,
                diags: checked.diagnostics,
            }));
        };
        let main = p
            .packages
            .last()
            .ok_or_else(|| InputError::Session("no package".into()))?;
        let o = main
            .scope
            .get("gol_type#probe")
            .ok_or_else(|| InputError::Session("no type".into()))?;
        Ok(p.types.type_string(p.types.obj(*o).ty, None))
    }

    /// The names declared so far (for completion).
    pub(crate) fn names(&self) -> impl Iterator<Item = &String> {
        self.names.keys()
    }
}

/// Parses `input` as a script file (no package clause needed).
fn parse(input: &str) -> (ast::File, Vec<gol_lang::diag::Diagnostic>) {
    let mut ids = ast::NodeIdGen::new();
    gol_lang::parser::parse_file(input, 0, gol_lang::FileKind::Script, &mut ids)
}

/// Whether `input` is the start of an input that goes on: the parser
/// stops at its end (an open brace, parenthesis or raw string). A REPL
/// reads another line then.
pub fn incomplete(input: &str) -> bool {
    let (_, diags) = parse(input);
    let end = input.trim_end().len() as u32;
    diags.iter().any(|d| {
        d.message.contains("not terminated")
            || d.message.contains("unexpected EOF")
            || d.primary.span.lo >= end
    })
}

/// The names the top-level declarations of a unit's text declare.
fn declared_names(text: &str) -> Vec<String> {
    let (file, _) = parse(text);
    let mut out = Vec::new();
    let mut add = |n: &ast::Ident| {
        if n.name != "_" && !out.contains(&n.name) {
            out.push(n.name.clone());
        }
    };
    for item in &file.items {
        match item {
            Item::Decl(ast::Decl::Func(fd)) if fd.recv.is_none() && fd.name.name != "init" => {
                add(&fd.name)
            }
            Item::Decl(ast::Decl::Type(g)) => g.specs.iter().for_each(|s| add(&s.name)),
            Item::Decl(ast::Decl::Var(g)) => {
                g.specs.iter().flat_map(|s| &s.names).for_each(&mut add)
            }
            Item::Decl(ast::Decl::Const(g)) => {
                g.specs.iter().flat_map(|s| &s.names).for_each(&mut add)
            }
            _ => {}
        }
    }
    out
}

/// Where an item starts in its file's text.
fn item_start(item: &Item) -> u32 {
    match item {
        Item::Decl(ast::Decl::Func(fd)) => fd.span.lo,
        Item::Decl(ast::Decl::Var(g)) => g.span.lo,
        Item::Decl(ast::Decl::Const(g)) => g.span.lo,
        Item::Decl(ast::Decl::Type(g)) => g.span.lo,
        Item::Stmt(s) => s.span.lo,
    }
}

/// Cuts an input into the texts of its units (module docs).
fn split(input: &str) -> Result<Split, InputError> {
    let (file, diags) = parse(input);
    if !diags.is_empty() {
        let mut sources = gol_lang::source::SourceMap::new();
        sources.add("<input>".to_string(), input.to_string());
        return Err(InputError::Compile(Diagnostics { sources, diags }));
    }
    // Each item's text runs to the next item's start, separators included,
    // so a unit keeps the input's lines (and its errors and traces the
    // input's line numbers).
    let starts: Vec<usize> = file.items.iter().map(|i| item_start(i) as usize).collect();
    let end_of = |k: usize| starts.get(k + 1).copied().unwrap_or(input.len());
    let imports = &input[..starts.first().copied().unwrap_or(input.len())];
    let mut units: Vec<Vec<String>> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut has_stmt = false;
    for (k, item) in file.items.iter().enumerate() {
        let whole = &input[starts[k]..end_of(k)];
        let (is_var, is_stmt, text) = match item {
            Item::Stmt(s) => match &s.kind {
                StmtKind::Define { names, values } => {
                    // `x := e` at the top level: a package variable.
                    let (Some(n0), Some(nl), Some(v0)) =
                        (names.first(), names.last(), values.first())
                    else {
                        continue;
                    };
                    let text = format!(
                        "var {} = {}",
                        &input[n0.span.lo as usize..nl.span.hi as usize],
                        &input[v0.span.lo as usize..end_of(k)]
                    );
                    (true, false, text)
                }
                _ => (false, true, whole.to_string()),
            },
            Item::Decl(ast::Decl::Var(_)) => (true, false, whole.to_string()),
            Item::Decl(_) => (false, false, whole.to_string()),
        };
        if is_var && has_stmt {
            units.push(std::mem::take(&mut cur));
            has_stmt = false;
        }
        has_stmt |= is_stmt;
        cur.push(text);
    }
    if !cur.is_empty() || units.is_empty() {
        units.push(cur);
    }
    let print = match (file.items.last(), units.last()) {
        (Some(Item::Stmt(s)), Some(last)) => match &s.kind {
            StmtKind::Expr(e) if !is_print_call(e) => {
                let (lo, hi) = (e.span.lo as usize, e.span.hi as usize);
                let k = starts.len() - 1;
                let mut pieces = last.clone();
                pieces.pop();
                pieces.push(format!(
                    "gol_fmt.Println({}){}",
                    &input[lo..hi],
                    &input[hi..end_of(k)]
                ));
                // On the first line, so the lines stay the input's.
                Some(format!(
                    "import gol_fmt \"fmt\"; {imports}{}",
                    pieces.concat()
                ))
            }
            _ => None,
        },
        _ => None,
    };
    Ok(Split {
        units: units
            .iter()
            .map(|u| format!("{imports}{}", u.concat()))
            .collect(),
        print,
    })
}

/// Whether `e` is a call that prints by itself: `fmt.Print*`,
/// `fmt.Fprint*`, `print`, `println`, `panic`.
fn is_print_call(e: &ast::Expr) -> bool {
    let ast::ExprKind::Call { func, .. } = &e.kind else {
        return false;
    };
    match &func.kind {
        ast::ExprKind::Ident(id) => matches!(id.name.as_str(), "print" | "println" | "panic"),
        ast::ExprKind::Selector(base, name) => {
            matches!(&base.kind, ast::ExprKind::Ident(p) if p.name == "fmt" || p.name == "log")
                && (name.name.starts_with("Print") || name.name.starts_with("Fprint"))
        }
        _ => false,
    }
}

/// How one input ran.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It ran to its end (its goroutines may still be running).
    Done,
    /// It panicked: Go's report, already written to the session's stderr.
    /// The session goes on.
    Panicked(String),
    /// Every goroutine was asleep while it ran: Go's deadlock report,
    /// already written. The input was abandoned; the session goes on.
    Deadlock(String),
    /// [`Interrupter::interrupt`] stopped it; the session goes on.
    Interrupted,
    /// It called `os.Exit`: the session has ended.
    Exited(i32),
    /// A fatal error (Go's `fatal error: ...`): the session has ended.
    Fatal(String),
}

/// A live session (see the module docs): inputs typed one at a time into
/// a program whose goroutines keep running between them. Made by
/// [`crate::Vm::session`].
pub struct Session {
    vm: crate::Vm,
    units: Units,
    rt: Option<gol_vm::session::Session>,
    /// Members of standard packages, for completion (by import path).
    members: std::sync::Mutex<std::collections::HashMap<String, Vec<String>>>,
    ended: bool,
    /// What [`Interrupter`]s reach: the runtime's, once it started.
    slot: InterruptSlot,
}

type InterruptSlot = std::sync::Arc<std::sync::Mutex<Option<gol_vm::session::Interrupter>>>;

/// Stops the input a [`Session`] is running, from another thread (a
/// Ctrl-C handler).
#[derive(Clone)]
pub struct Interrupter(InterruptSlot);

impl Interrupter {
    /// Stops the running input at its next preemption safepoint (see
    /// `gol_vm::session`); false when nothing runs.
    pub fn interrupt(&self) -> bool {
        match &*self.0.lock().unwrap_or_else(|e| e.into_inner()) {
            Some(i) => i.interrupt(),
            None => false,
        }
    }
}

impl Session {
    pub(crate) fn new(vm: crate::Vm) -> Session {
        Session {
            vm,
            units: Units::default(),
            rt: None,
            members: Default::default(),
            ended: false,
            slot: Default::default(),
        }
    }

    /// Compiles `input` and runs it (module docs). Compile errors come
    /// back as [`InputError`] and change nothing; the rest of a multi-part
    /// input stops at the first part that does not compile, or that
    /// panics.
    pub fn eval(&mut self, input: &str) -> Result<Outcome, InputError> {
        if self.ended {
            return Err(InputError::Session("the session has ended".into()));
        }
        let importer = crate::host::Importer {
            packages: &self.vm.inner.packages,
        };
        let (compiled, err) = self.units.compile(input, &importer);
        let mut outcome = Outcome::Done;
        for c in compiled {
            outcome = self.run(c)?;
            if outcome != Outcome::Done {
                break;
            }
        }
        match err {
            Some(e) if outcome == Outcome::Done => Err(e),
            _ => Ok(outcome),
        }
    }

    /// Installs a compiled unit's program and runs the unit.
    fn run(&mut self, c: Compiled) -> Result<Outcome, InputError> {
        if self.rt.is_none() {
            let vm = self
                .vm
                .runtime_vm(c.program.clone())
                .map_err(|e| InputError::Session(e.text().to_string()))?;
            let rt = gol_vm::session::Session::start(vm).map_err(InputError::Session)?;
            *self.slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(rt.interrupter());
            self.rt = Some(rt);
        } else if let Some(rt) = &self.rt {
            let resolve = self.vm.resolver();
            rt.grow(c.program.clone(), &resolve)
                .map_err(InputError::Session)?;
        }
        let Some(rt) = &self.rt else {
            return Ok(Outcome::Done);
        };
        for f in c.run {
            let o = match rt.call(f) {
                gol_vm::session::CallOutcome::Returned => continue,
                gol_vm::session::CallOutcome::Panicked(t) => Outcome::Panicked(t),
                gol_vm::session::CallOutcome::Deadlock(t) => Outcome::Deadlock(t),
                gol_vm::session::CallOutcome::Interrupted => Outcome::Interrupted,
                gol_vm::session::CallOutcome::Exited(c) => {
                    self.ended = true;
                    Outcome::Exited(c)
                }
                gol_vm::session::CallOutcome::Fatal(t) => {
                    self.ended = true;
                    Outcome::Fatal(t)
                }
                gol_vm::session::CallOutcome::Refused(t) => return Err(InputError::Session(t)),
            };
            return Ok(o);
        }
        Ok(Outcome::Done)
    }

    /// A handle to interrupt the running input from another thread.
    pub fn interrupter(&self) -> Interrupter {
        Interrupter(self.slot.clone())
    }

    /// Whether the session has ended (`os.Exit`, a fatal error).
    pub fn ended(&self) -> bool {
        self.ended
    }

    /// The static type of expression `expr` as Go prints types.
    pub fn type_of(&self, expr: &str) -> Result<String, InputError> {
        let importer = crate::host::Importer {
            packages: &self.vm.inner.packages,
        };
        self.units.type_of(expr, &importer)
    }

    /// The bytecode of the session's function `name` (`f`, `main.f`,
    /// `T.M`), as `gol disasm` lists it, with the function values it
    /// makes. A function not compiled yet (declared, never used) is
    /// compiled first, by evaluating `_ = name`.
    pub fn disasm(&mut self, name: &str) -> String {
        let name = name.strip_prefix("main.").unwrap_or(name);
        let found = self.listing(name);
        if !found.is_empty() || self.ended {
            return found;
        }
        if self.eval(&format!("_ = {name}")).is_err() {
            return String::new();
        }
        self.listing(name)
    }

    /// The listing of `main.name` and its closures in the running program.
    fn listing(&self, name: &str) -> String {
        let Some(rt) = &self.rt else {
            return String::new();
        };
        let want = format!("main.{name}");
        let lits = format!("{want}.func");
        let mut out = String::new();
        let mut on = false;
        for line in rt.program().disassemble().lines() {
            if let Some(rest) = line.strip_prefix("func ") {
                let f = rest.split(" #").next().unwrap_or("");
                // `main.(*T).M` is asked for as `T.M`; closures follow
                // their function.
                on = f.replace(['(', ')', '*'], "") == want || f.starts_with(&lits);
            }
            if on {
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }

    /// Every goroutine's stack, as Go's dumps print them.
    pub fn goroutines(&self) -> String {
        self.rt.as_ref().map(|r| r.goroutines()).unwrap_or_default()
    }

    /// The scheduler's state: Ps, run queues, Ms.
    pub fn sched(&self) -> String {
        self.rt
            .as_ref()
            .map(|r| r.sched_summary())
            .unwrap_or_default()
    }

    /// Completions of the word that ends at `pos` in `line`: where it
    /// starts, and the candidates (names in scope, packages, a package's
    /// exported members after `pkg.`).
    pub fn complete(&self, line: &str, pos: usize) -> (usize, Vec<String>) {
        let head = &line[..pos.min(line.len())];
        let start = head
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map_or(0, |i| i + 1);
        let word = &head[start..];
        let packages = gol_stdlib::StdImporter.available();
        if let Some((pkg, member)) = word.rsplit_once('.') {
            let Some(path) = packages
                .iter()
                .find(|p| p.rsplit('/').next() == Some(pkg))
                .cloned()
            else {
                return (start, Vec::new());
            };
            let members = self.members_of(&path);
            let mut out: Vec<String> = members
                .into_iter()
                .filter(|m| m.starts_with(member))
                .map(|m| format!("{pkg}.{m}"))
                .collect();
            out.sort();
            return (start, out);
        }
        let mut out: Vec<String> = Vec::new();
        let mut add = |s: &str| {
            if s.starts_with(word) && !out.iter().any(|o| o == s) {
                out.push(s.to_string());
            }
        };
        for n in self.units.names() {
            add(n);
        }
        for p in &packages {
            add(p.rsplit('/').next().unwrap_or(p));
        }
        for k in gol_lang::token::KEYWORDS.iter().chain(PREDECLARED) {
            add(k);
        }
        out.sort();
        (start, out)
    }

    /// The exported names of standard package `path`.
    fn members_of(&self, path: &str) -> Vec<String> {
        let mut cache = self.members.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(m) = cache.get(path) {
            return m.clone();
        }
        let src = format!("package main\n\nimport _ \"{path}\"\n\nfunc main() {{}}\n");
        let checked = gol_lang::check_sources(vec![("m.go".into(), src)], &gol_stdlib::StdImporter);
        let mut names: Vec<String> = checked
            .program
            .as_ref()
            .and_then(|p| p.packages.iter().find(|q| q.path == path))
            .map(|q| {
                q.scope
                    .keys()
                    .filter(|n| n.starts_with(|c: char| c.is_uppercase()))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        cache.insert(path.to_string(), names.clone());
        names
    }
}

/// Go's predeclared names, for completion (with its keywords,
/// `gol_lang::token::KEYWORDS`).
const PREDECLARED: &[&str] = &[
    "any", "append", "bool", "byte", "cap", "clear", "close", "complex", "copy", "delete", "error",
    "false", "float32", "float64", "int", "int16", "int32", "int64", "int8", "iota", "len", "make",
    "max", "min", "new", "nil", "panic", "print", "println", "recover", "rune", "string", "true",
    "uint", "uint16", "uint32", "uint64", "uint8", "uintptr",
];

/// The declaration of `name` (`strings.ToUpper`, `http.Request`) in the
/// standard packages' sources, with its doc comment: what `:doc` shows.
pub fn doc(name: &str) -> Option<String> {
    let (pkg, member) = name.rsplit_once('.')?;
    let imp = gol_stdlib::StdImporter;
    let path = imp
        .available()
        .into_iter()
        .find(|p| p == pkg || p.rsplit('/').next() == Some(pkg))?;
    for (_, text) in imp.package(&path)? {
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            let decl = [
                format!("func {member}("),
                format!("func {member}["),
                format!("type {member} "),
                format!("var {member} "),
                format!("const {member} "),
                format!("\t{member} "),
                format!("\t{member} ="),
            ];
            let method = l.starts_with("func (") && l.contains(&format!(") {member}("));
            if !(decl.iter().any(|d| l.starts_with(d.as_str())) || method) {
                continue;
            }
            let mut start = i;
            while start > 0 && lines[start - 1].trim_start().starts_with("//") {
                start -= 1;
            }
            let mut out: Vec<&str> = lines[start..i].to_vec();
            if l.starts_with("func ") {
                // The signature: a body is not documentation.
                out.push(l.trim_end_matches('{').trim_end());
            } else {
                // A type (its fields or methods) or a group, to its end.
                out.push(l);
                if l.trim_end().ends_with('{') || l.trim_end().ends_with('(') {
                    out.extend(
                        lines[i + 1..]
                            .iter()
                            .take_while(|x| !x.starts_with([')', '}'])),
                    );
                    out.extend(lines[i + 1..].iter().find(|x| x.starts_with([')', '}'])));
                }
            }
            return Some(out.join("\n") + "\n");
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn importer() -> crate::host::Packages {
        crate::host::Packages::default()
    }

    /// Compiles inputs in turn; every program extends the one before.
    fn session(inputs: &[&str]) -> Vec<Compiled> {
        let mut u = Units::default();
        let pk = importer();
        let imp = crate::host::Importer { packages: &pk };
        let mut all = Vec::new();
        for i in inputs {
            let (c, e) = u.compile(i, &imp);
            if let Some(e) = e {
                panic!("{i}: {e}");
            }
            all.extend(c);
        }
        for w in all.windows(2) {
            w[1].program.extends(&w[0].program).unwrap();
        }
        all
    }

    #[test]
    fn inputs_extend_the_program() {
        let c = session(&[
            "x := 1",
            "func f() int { return x + 1 }",
            "import \"strings\"\ns := strings.ToUpper(\"go\")",
            "fmt.Println(f(), s)",
            "type T struct{ a int }\nfunc (t T) Get() int { return t.a }",
            "t := T{3}",
            "t.Get()",
            "go func() { fmt.Println(\"bg\") }()",
        ]);
        assert_eq!(c.len(), 8);
        for u in &c {
            assert!(!u.run.is_empty());
        }
    }

    #[test]
    fn packages_and_closures_arrive_mid_session() {
        session(&[
            "n := 0",
            "inc := func() { n++ }",
            "inc(); inc(); n",
            "import \"sort\"\nxs := []int{3, 1, 2}\nsort.Ints(xs)",
            "m := map[string][]int{\"a\": xs}",
            "type Shape interface{ Area() float64 }\ntype Sq struct{ s float64 }\nfunc (q Sq) Area() float64 { return q.s * q.s }",
            "var sh Shape = Sq{2}\nsh.Area()",
            "ch := make(chan int, 3)\ngo func() { defer close(ch); for i := 0; i < 3; i++ { ch <- i } }()",
            "for v := range ch { fmt.Println(v) }",
            "import \"net/http\"\nhttp.StatusText(404)",
            "strings.Repeat(\"ab\", 3)",
            "f := sh.Area\nf()",
            "errors.New(\"boom\")",
            "time.Duration(1500) * time.Millisecond",
            "len(m)",
        ]);
    }

    #[test]
    fn a_name_may_be_declared_again() {
        session(&[
            "func f() int { return 1 }",
            "g := f",
            "func f() string { return \"two\" }",
            "x := f() + \"!\"",
            "x := 3",
            "x + 1",
        ]);
    }

    #[test]
    fn a_statement_before_a_variable_makes_two_units() {
        let s = split("fmt.Println(1)\nx := 2\ny := x").unwrap();
        assert_eq!(s.units.len(), 2);
        assert!(s.units[1].starts_with("var x = 2"), "{:?}", s.units);
        let s = split("a := 1; b := 2; fmt.Println(a + b)").unwrap();
        assert_eq!(s.units.len(), 1);
    }

    #[test]
    fn incomplete_inputs() {
        assert!(incomplete("func f() {"));
        assert!(incomplete("x := []int{1,"));
        assert!(incomplete("s := `abc"));
        assert!(!incomplete("x := 1"));
        assert!(!incomplete("func f() {}"));
    }

    #[test]
    fn methods_on_an_earlier_type_are_refused() {
        let mut u = Units::default();
        let pk = importer();
        let imp = crate::host::Importer { packages: &pk };
        assert!(u.compile("type T int", &imp).1.is_none());
        let (_, e) = u.compile("func (T) M() {}", &imp);
        let e = e.expect("refused").to_string();
        assert!(e.contains("methods of T must be declared"), "{e}");
    }
}
