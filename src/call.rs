//! Calling a Go function of the program by name from the host
//! ([`crate::Vm::call`]).
//!
//! # How
//! The compiler only emits functions something reaches from `main`, and
//! the VM starts a run at the entry (`runtime.main`: package
//! initialisation, then `main.main`). So the first call on a program
//! compiles it again with one more file of generated Go in package main:
//! for each package-level function `F` whose parameters and results the
//! host can convert ([`CTy`]: booleans, numbers, strings, `[]byte`, and
//! slices, maps and main's struct types of those, nested; a trailing
//! `error` too), a wrapper
//!
//! ```go
//! func golCall_F() {
//!     r0, golErr := F(int(embedcall.Int()), func() []string {
//!         n := embedcall.Len(); s := make([]string, n)
//!         for i := range s { s[i] = string(embedcall.Str()) }
//!         return s
//!     }())
//!     embedcall.PutInt(int64(r0))
//!     if golErr != nil {
//!         embedcall.SetErr(golErr.Error())
//!     }
//! }
//! ```
//!
//! The arguments cross as one stream of scalars in pre-order (a slice or
//! map is its length, then its elements or key-value pairs), which the
//! host flattens from its [`Value`]s and the wrapper reads back with Go's
//! own conversions; the results cross the same way in the other
//! direction and the host rebuilds them by their types. So the walking of
//! slices and maps is ordinary Go, compiled and type-checked, and the
//! natives only ever move scalars.
//!
//! reached from a generated `init` behind a variable that is always false
//! (so every wrapper is compiled, and none runs). A call clones the
//! bytecode once per function and points the entry's call of `main.main`
//! at `golCall_F` instead: the run initialises the packages, calls `F`,
//! and ends when it returns, as a run ends when main returns. The
//! `embedcall` natives read the arguments from, and write the results to,
//! the run's host (the same thread-local path as host natives).
//!
//! Each call is a run of its own (fresh heap, globals initialised again):
//! nothing persists between calls, and goroutines `F` starts end with it.
//!
//! Rejected: compiling every function of the program up front (the
//! compiler is lazy on purpose: see `gol_lang::codegen`); building the
//! call's frame by hand in the VM (the argument layout and the results'
//! conversion are the compiler's business; the wrapper gets both from it,
//! type-checked).

use crate::host::Ty;
use crate::value::Value;
use gol_lang::bytecode::{FuncId, Program as Bytecode};
use gol_lang::opcode::Op;
use gol_vm::{Native, NativeCtx, NativeResult};
use std::collections::HashMap;
use std::sync::Arc;

/// The import path of the generated call package.
pub(crate) const PKG: &str = "gol/embedcall";

/// The Go source of the call package: the argument stream's readers,
/// the result stream's writers, the error; all natives.
pub(crate) const PKG_SOURCE: &str = "// The host's side of calls into the program.
package embedcall

func Len() int
func Int() int64
func Uint() uint64
func Float() float64
func Bool() bool
func Str() string
func Bytes() []byte
func PutLen(n int)
func PutInt(v int64)
func PutUint(v uint64)
func PutFloat(v float64)
func PutBool(v bool)
func PutStr(v string)
func PutBytes(v []byte)
func SetErr(msg string)
";

/// A type that crosses between the host and a called function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CTy {
    Scalar(Ty),
    /// `[]E` (other than `[]byte`), with E's Go text.
    Slice(Box<CTy>, String),
    /// `map[K]V`, with K's and V's Go text.
    Map(Box<CTy>, String, Box<CTy>, String),
    /// A struct type declared in package main, by name: its fields
    /// (name, type, Go text) in declaration order.
    Struct(String, Vec<(String, CTy, String)>),
}

/// The main package's struct types: name -> fields as (name, Go text of
/// the type), from the syntax (the checker's type table is private to
/// the compiler).
pub(crate) type Structs = HashMap<String, Vec<(String, String)>>;

/// How deep a type may nest (a recursive struct type is refused).
const MAX_DEPTH: usize = 16;

/// The struct types declared in `checked`'s main package; a struct with
/// an embedded field is left out (its fields are not named).
pub(crate) fn structs(
    checked: &gol_lang::check::Program,
    sources: &gol_lang::source::SourceMap,
) -> Structs {
    use gol_lang::ast::{Decl, ExprKind, Item};
    let mut out = Structs::new();
    for pf in &checked.main_package().files {
        let file = sources.file(pf.file);
        let text = |sp: gol_lang::ast::Span| {
            let (lo, hi) = (sp.lo.checked_sub(file.base)?, sp.hi.checked_sub(file.base)?);
            file.text.get(lo as usize..hi as usize).map(str::to_string)
        };
        for item in &pf.ast.items {
            let Item::Decl(Decl::Type(g)) = item else {
                continue;
            };
            for spec in &g.specs {
                let ExprKind::StructType(fields) = &spec.ty.kind else {
                    continue;
                };
                if spec.alias {
                    continue;
                }
                let mut fs = Vec::new();
                let mut ok = true;
                for f in fields {
                    match text(f.ty.span) {
                        Some(t) if !f.names.is_empty() => {
                            fs.extend(f.names.iter().map(|n| (n.name.clone(), t.clone())))
                        }
                        _ => ok = false,
                    }
                }
                if ok {
                    out.insert(spec.name.name.clone(), fs);
                }
            }
        }
    }
    out
}

impl CTy {
    pub(crate) fn parse(t: &str, structs: &Structs, depth: usize) -> Option<CTy> {
        let t = t.trim();
        if let Some(ty) = Ty::parse(t) {
            return Some(CTy::Scalar(ty));
        }
        if depth > MAX_DEPTH {
            return None;
        }
        if let Some(fields) = structs.get(t) {
            let fs = fields
                .iter()
                .map(|(n, ft)| Some((n.clone(), CTy::parse(ft, structs, depth + 1)?, ft.clone())))
                .collect::<Option<_>>()?;
            return Some(CTy::Struct(t.to_string(), fs));
        }
        if let Some(e) = t.strip_prefix("[]") {
            return Some(CTy::Slice(
                Box::new(CTy::parse(e, structs, depth + 1)?),
                e.to_string(),
            ));
        }
        let rest = t.strip_prefix("map[")?;
        let mut depth = 1;
        let close = rest.char_indices().find_map(|(i, c)| {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                _ => {}
            }
            (depth == 0).then_some(i)
        })?;
        let (k, v) = (&rest[..close], &rest[close + 1..]);
        Some(CTy::Map(
            Box::new(CTy::parse(k, structs, depth + 1)?),
            k.to_string(),
            Box::new(CTy::parse(v, structs, depth + 1)?),
            v.to_string(),
        ))
    }
}

/// A scalar of the streams (see the module docs).
#[derive(Clone, Debug)]
pub(crate) enum Word {
    Len(usize),
    Int(i64),
    Uint(u64),
    Float(f64),
    Bool(bool),
    Str(Vec<u8>),
    Bytes(Vec<u8>),
}

/// Appends `v`, of type `ty`, to the argument stream; the error says
/// what does not fit.
fn flatten(ty: &CTy, v: &Value, out: &mut Vec<Word>) -> Result<(), String> {
    let bad = || Err(format!("cannot use {} value as {}", v.kind(), describe(ty)));
    match (ty, v) {
        (CTy::Scalar(Ty::Bool), Value::Bool(b)) => out.push(Word::Bool(*b)),
        (CTy::Scalar(Ty::Int(_)), Value::Int(n)) => out.push(Word::Int(*n)),
        (CTy::Scalar(Ty::Int(_)), Value::Uint(n)) => out.push(Word::Int(*n as i64)),
        (CTy::Scalar(Ty::Uint(_)), Value::Uint(n)) => out.push(Word::Uint(*n)),
        (CTy::Scalar(Ty::Uint(_)), Value::Int(n)) => out.push(Word::Uint(*n as u64)),
        (CTy::Scalar(Ty::Float(_)), Value::Float(f)) => out.push(Word::Float(*f)),
        (CTy::Scalar(Ty::Float(_)), Value::Int(n)) => out.push(Word::Float(*n as f64)),
        (CTy::Scalar(Ty::Str), Value::Str(s)) => out.push(Word::Str(s.as_bytes().to_vec())),
        (CTy::Scalar(Ty::Bytes), Value::Bytes(b)) => out.push(Word::Bytes(b.clone())),
        (CTy::Scalar(Ty::Bytes), Value::Slice(_)) => {
            out.push(Word::Bytes(<Vec<u8> as crate::FromValue>::from_value(v)?))
        }
        (CTy::Slice(e, _), Value::Slice(xs)) => {
            out.push(Word::Len(xs.len()));
            for x in xs {
                flatten(e, x, out)?;
            }
        }
        (CTy::Map(k, _, e, _), Value::Map(kv)) => {
            out.push(Word::Len(kv.len()));
            for (x, y) in kv {
                flatten(k, x, out)?;
                flatten(e, y, out)?;
            }
        }
        (CTy::Struct(name, fields), Value::Struct(given)) => {
            if let Some((f, _)) = given
                .iter()
                .find(|(f, _)| !fields.iter().any(|(n, ..)| n == f))
            {
                return Err(format!("{name} has no field {f}"));
            }
            for (n, fty, _) in fields {
                match given.iter().find(|(f, _)| f == n) {
                    Some((_, fv)) => {
                        flatten(fty, fv, out).map_err(|e| format!("{e} in field {n}"))?
                    }
                    None => return Err(format!("missing field {n} of {name}")),
                }
            }
        }
        _ => return bad(),
    }
    Ok(())
}

/// Rebuilds a value of type `ty` from the result stream.
fn rebuild(ty: &CTy, words: &mut std::vec::IntoIter<Word>) -> Option<Value> {
    Some(match ty {
        CTy::Scalar(_) => match words.next()? {
            Word::Int(n) => Value::Int(n),
            Word::Uint(n) => Value::Uint(n),
            Word::Float(f) => Value::Float(f),
            Word::Bool(b) => Value::Bool(b),
            Word::Str(s) => Value::Str(String::from_utf8_lossy(&s).into_owned()),
            Word::Bytes(b) => Value::Bytes(b),
            Word::Len(_) => return None,
        },
        CTy::Slice(e, _) => {
            let Word::Len(n) = words.next()? else {
                return None;
            };
            Value::Slice((0..n).map(|_| rebuild(e, words)).collect::<Option<_>>()?)
        }
        CTy::Map(k, _, e, _) => {
            let Word::Len(n) = words.next()? else {
                return None;
            };
            Value::Map(
                (0..n)
                    .map(|_| Some((rebuild(k, words)?, rebuild(e, words)?)))
                    .collect::<Option<_>>()?,
            )
        }
        CTy::Struct(_, fields) => Value::Struct(
            fields
                .iter()
                .map(|(n, fty, _)| Some((n.clone(), rebuild(fty, words)?)))
                .collect::<Option<_>>()?,
        ),
    })
}

/// A type's name for messages.
fn describe(ty: &CTy) -> String {
    match ty {
        CTy::Scalar(t) => match t {
            Ty::Bool => "bool".into(),
            Ty::Int(_) => "an integer".into(),
            Ty::Uint(_) => "an unsigned integer".into(),
            Ty::Float(_) => "a float".into(),
            Ty::Str => "string".into(),
            Ty::Bytes => "[]byte".into(),
        },
        CTy::Slice(_, e) => format!("[]{e}"),
        CTy::Map(_, k, _, v) => format!("map[{k}]{v}"),
        CTy::Struct(name, _) => name.clone(),
    }
}

/// Go code reading a value of type `ty` (Go text `t`) from the argument
/// stream; `d` numbers the nesting for fresh names.
fn reader(ty: &CTy, t: &str, d: usize) -> String {
    match ty {
        CTy::Scalar(s) => {
            let get = match s {
                Ty::Bool => "Bool",
                Ty::Int(_) => "Int",
                Ty::Uint(_) => "Uint",
                Ty::Float(_) => "Float",
                Ty::Str => "Str",
                Ty::Bytes => "Bytes",
            };
            format!("{t}(golEmbedCall.{get}())")
        }
        CTy::Slice(e, et) => format!(
            "func() {t} {{ n{d} := golEmbedCall.Len(); s{d} := make({t}, n{d}); for i{d} := range s{d} {{ s{d}[i{d}] = {} }}; return s{d} }}()",
            reader(e, et, d + 1)
        ),
        CTy::Map(k, kt, v, vt) => format!(
            "func() {t} {{ n{d} := golEmbedCall.Len(); m{d} := make({t}, n{d}); for i{d} := 0; i{d} < n{d}; i{d}++ {{ k{d} := {}; m{d}[k{d}] = {} }}; return m{d} }}()",
            reader(k, kt, d + 1),
            reader(v, vt, d + 1)
        ),
        // Go evaluates a composite literal's elements in order: the
        // fields read the stream in declaration order.
        CTy::Struct(name, fields) => {
            let fs: Vec<String> = fields
                .iter()
                .map(|(n, fty, ft)| format!("{n}: {}", reader(fty, ft, d + 1)))
                .collect();
            format!("{name}{{{}}}", fs.join(", "))
        }
    }
}

/// Go statements writing `x`, of type `ty`, to the result stream.
fn writer(ty: &CTy, x: &str, d: usize) -> String {
    match ty {
        CTy::Scalar(s) => {
            let (put, conv) = match s {
                Ty::Bool => ("PutBool", "bool"),
                Ty::Int(_) => ("PutInt", "int64"),
                Ty::Uint(_) => ("PutUint", "uint64"),
                Ty::Float(_) => ("PutFloat", "float64"),
                Ty::Str => ("PutStr", "string"),
                Ty::Bytes => ("PutBytes", "[]byte"),
            };
            format!("golEmbedCall.{put}({conv}({x}))")
        }
        CTy::Slice(e, _) => format!(
            "golEmbedCall.PutLen(len({x})); for _, e{d} := range {x} {{ {} }}",
            writer(e, &format!("e{d}"), d + 1)
        ),
        CTy::Map(k, _, v, _) => format!(
            "golEmbedCall.PutLen(len({x})); for k{d}, v{d} := range {x} {{ {}; {} }}",
            writer(k, &format!("k{d}"), d + 1),
            writer(v, &format!("v{d}"), d + 1)
        ),
        CTy::Struct(_, fields) => fields
            .iter()
            .map(|(n, fty, _)| writer(fty, &format!("{x}.{n}"), d + 1))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// A main-package function's signature in the types the host converts
/// (each type as written and as understood).
pub(crate) struct FuncSig {
    name: String,
    params: Vec<(String, CTy)>,
    results: Vec<(String, CTy)>,
    /// The last result is `error` (not in `results`).
    returns_error: bool,
}

/// A function the host may call, as the type checker typed it.
pub(crate) struct Callable {
    sig: FuncSig,
    /// The program whose entry calls this function's wrapper.
    prog: std::sync::OnceLock<Arc<Bytecode>>,
}

/// The program compiled with its wrappers, and what can be called.
pub(crate) struct Calls {
    base: Arc<Bytecode>,
    funcs: HashMap<String, Callable>,
}

/// The state of one call, kept by the run's host.
#[derive(Default)]
pub(crate) struct CallState {
    /// The argument stream, next word first.
    pub(crate) args: std::collections::VecDeque<Word>,
    /// The result stream.
    pub(crate) results: Vec<Word>,
    pub(crate) error: Option<String>,
}

/// The main package's functions the host can call, as (name, params,
/// results, trailing error) from the checked program.
pub(crate) fn callables(
    checked: &gol_lang::check::Program,
    sources: &gol_lang::source::SourceMap,
) -> Vec<FuncSig> {
    let structs = structs(checked, sources);
    let pkg = checked.main_package();
    let mut out = Vec::new();
    for &o in &pkg.funcs {
        let obj = checked.types.obj(o);
        let gol_lang::types::ObjKind::Func {
            recv: None,
            has_body: true,
        } = obj.kind
        else {
            continue;
        };
        if obj.name == "main" || obj.name == "init" || obj.name == "_" {
            continue;
        }
        let sig = checked.types.type_string(obj.ty, Some(pkg.id));
        let Ok((params, mut results)) = crate::host::parse_sig(&sig) else {
            continue;
        };
        let returns_error = results.last().is_some_and(|r| r == "error");
        if returns_error {
            results.pop();
        }
        let typed = |ts: Vec<String>| -> Option<Vec<(String, CTy)>> {
            ts.into_iter()
                .map(|t| CTy::parse(&t, &structs, 0).map(|ty| (t, ty)))
                .collect()
        };
        if let (Some(p), Some(r)) = (typed(params), typed(results)) {
            out.push(FuncSig {
                name: obj.name.clone(),
                params: p,
                results: r,
                returns_error,
            });
        }
    }
    out
}

/// The generated file of wrappers (see the module docs).
pub(crate) fn wrappers(funcs: &[FuncSig]) -> String {
    let mut s = String::from(
        "// Generated: the host's entry points into the program.\npackage main\n\nimport golEmbedCall \"gol/embedcall\"\n\nvar golEmbedNever bool\n\nfunc init() {\n\tif golEmbedNever {\n",
    );
    for f in funcs {
        s.push_str(&format!("\t\tgolCall_{}()\n", f.name));
    }
    s.push_str("\t}\n}\n\n");
    for FuncSig {
        name,
        params,
        results,
        returns_error,
    } in funcs
    {
        let args: Vec<String> = params.iter().map(|(t, ty)| reader(ty, t, 0)).collect();
        let mut lhs: Vec<String> = (0..results.len()).map(|i| format!("r{i}")).collect();
        if *returns_error {
            lhs.push("golErr".into());
        }
        let call = format!("{name}({})", args.join(", "));
        s.push_str(&format!("func golCall_{name}() {{\n"));
        if lhs.is_empty() {
            s.push_str(&format!("\t{call}\n"));
        } else {
            s.push_str(&format!("\t{} := {call}\n", lhs.join(", ")));
        }
        for (i, (_, ty)) in results.iter().enumerate() {
            s.push_str(&format!("\t{}\n", writer(ty, &format!("r{i}"), 0)));
        }
        if *returns_error {
            s.push_str("\tif golErr != nil {\n\t\tgolEmbedCall.SetErr(golErr.Error())\n\t}\n");
        }
        s.push_str("}\n\n");
    }
    s
}

impl Calls {
    pub(crate) fn new(base: Bytecode, funcs: Vec<FuncSig>) -> Calls {
        Calls {
            base: Arc::new(base),
            funcs: funcs
                .into_iter()
                .map(|sig| {
                    (
                        sig.name.clone(),
                        Callable {
                            sig,
                            prog: std::sync::OnceLock::new(),
                        },
                    )
                })
                .collect(),
        }
    }

    /// The program whose run calls `name`, after checking the arguments
    /// against its parameters; and the number of results.
    pub(crate) fn prepare(
        &self,
        name: &str,
        args: &[Value],
    ) -> Result<(Arc<Bytecode>, &Callable, Vec<Word>), String> {
        let Some(c) = self.funcs.get(name) else {
            return Err(format!(
                "no function {name} in package main that the host can call (parameters and results of bool, integer, float, string or []byte types, slices, maps and main's struct types of those, and a trailing error)"
            ));
        };
        if args.len() != c.sig.params.len() {
            return Err(format!(
                "{name} takes {} arguments, got {}",
                c.sig.params.len(),
                args.len()
            ));
        }
        let mut words = Vec::new();
        for (i, (a, (_, ty))) in args.iter().zip(&c.sig.params).enumerate() {
            flatten(ty, a, &mut words).map_err(|e| format!("{name}: {e} in argument {i}"))?;
        }
        let prog = c.prog.get_or_init(|| Arc::new(self.entry_calling(name)));
        Ok((prog.clone(), c, words))
    }

    /// The base program with the entry's call of `main.main` pointed at
    /// `name`'s wrapper (both take and return nothing).
    fn entry_calling(&self, name: &str) -> Bytecode {
        let mut p = (*self.base).clone();
        let find = |n: &str| {
            p.funcs
                .iter()
                .position(|f| f.name == n)
                .map(|i| FuncId(i as u32))
        };
        if let (Some(main), Some(wrapper)) =
            (find("main.main"), find(&format!("main.golCall_{name}")))
        {
            if let Some(entry) = p.funcs.get_mut(p.entry.0 as usize) {
                for op in entry.code.iter_mut() {
                    if let Op::Call { f, .. } = op {
                        if *f == main {
                            *f = wrapper;
                        }
                    }
                }
            }
        }
        p
    }
}

impl Callable {
    /// The host's results from the call's state.
    pub(crate) fn results(&self, st: CallState) -> Result<Vec<Value>, crate::Error> {
        if self.sig.returns_error {
            if let Some(e) = st.error {
                return Err(crate::Error::Returned(e));
            }
        }
        let mut words = st.results.into_iter();
        let out: Option<Vec<Value>> = self
            .sig
            .results
            .iter()
            .map(|(_, ty)| rebuild(ty, &mut words))
            .collect();
        out.ok_or_else(|| crate::Error::Call("the results did not come back".into()))
    }
}

/// The natives of the call package, by full name.
pub(crate) fn resolve(name: &str) -> Option<Native> {
    let short = name.strip_prefix(PKG)?.strip_prefix('.')?;
    Some(match short {
        "Len" => Native::new(get_len, "func() int"),
        "Int" => Native::new(get_int, "func() int64"),
        "Uint" => Native::new(get_uint, "func() uint64"),
        "Float" => Native::new(get_float, "func() float64"),
        "Bool" => Native::new(get_bool, "func() bool"),
        "Str" => Native::new(get_str, "func() string"),
        "Bytes" => Native::new(get_bytes, "func() []byte"),
        "PutLen" => Native::new(put_len, "func(n int)"),
        "PutInt" => Native::new(put_int, "func(v int64)"),
        "PutUint" => Native::new(put_uint, "func(v uint64)"),
        "PutFloat" => Native::new(put_float, "func(v float64)"),
        "PutBool" => Native::new(put_bool, "func(v bool)"),
        "PutStr" => Native::new(put_str, "func(v string)"),
        "PutBytes" => Native::new(put_bytes, "func(v []byte)"),
        "SetErr" => Native::new(set_err, "func(msg string)"),
        _ => return None,
    })
}

/// Runs `f` on the current run's call state (None outside a VM run by
/// this library).
fn with_call<R>(f: impl FnOnce(&mut CallState) -> R) -> Option<R> {
    gol_vm::stdio::with_host(|h| {
        h.and_then(|h| h.as_any().downcast_ref::<crate::RunHost>())
            .map(|run| f(&mut run.call.lock().unwrap_or_else(|e| e.into_inner())))
    })
}

/// The next word of the argument stream.
fn next() -> Option<Word> {
    with_call(|st| st.args.pop_front()).flatten()
}

/// The wrapper reads exactly the words `flatten` wrote for the types it
/// was generated from: a mismatch is a broken invariant of this module.
fn bad_stream() -> NativeResult {
    NativeResult::Fatal("a host call's arguments do not match the function's parameters".into())
}

fn get_len(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let Some(Word::Len(n)) = next() else {
        return bad_stream();
    };
    ctx.ret_int(0, n as i64);
    NativeResult::Ok
}

fn get_int(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let Some(Word::Int(n)) = next() else {
        return bad_stream();
    };
    ctx.ret_int(0, n);
    NativeResult::Ok
}

fn get_uint(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let Some(Word::Uint(n)) = next() else {
        return bad_stream();
    };
    ctx.ret_uint(0, n);
    NativeResult::Ok
}

fn get_float(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let Some(Word::Float(f)) = next() else {
        return bad_stream();
    };
    ctx.ret_float(0, f);
    NativeResult::Ok
}

fn get_bool(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let Some(Word::Bool(b)) = next() else {
        return bad_stream();
    };
    ctx.ret_bool(0, b);
    NativeResult::Ok
}

fn get_str(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let Some(Word::Str(s)) = next() else {
        return bad_stream();
    };
    ctx.ret_str(0, &s);
    NativeResult::Ok
}

fn get_bytes(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let Some(Word::Bytes(b)) = next() else {
        return bad_stream();
    };
    let s = ctx.new_bytes(&b);
    ctx.ret_slice(0, s);
    NativeResult::Ok
}

/// Appends a word to the result stream.
fn put(w: Word) -> NativeResult {
    match with_call(|st| st.results.push(w)) {
        Some(()) => NativeResult::Ok,
        None => NativeResult::Fatal("a host call's native ran outside its VM".into()),
    }
}

fn put_len(ctx: &mut NativeCtx<'_>) -> NativeResult {
    put(Word::Len(ctx.int(0).max(0) as usize))
}

fn put_int(ctx: &mut NativeCtx<'_>) -> NativeResult {
    put(Word::Int(ctx.int(0)))
}

fn put_uint(ctx: &mut NativeCtx<'_>) -> NativeResult {
    put(Word::Uint(ctx.uint(0)))
}

fn put_float(ctx: &mut NativeCtx<'_>) -> NativeResult {
    put(Word::Float(ctx.float(0)))
}

fn put_bool(ctx: &mut NativeCtx<'_>) -> NativeResult {
    put(Word::Bool(ctx.bool(0)))
}

fn put_str(ctx: &mut NativeCtx<'_>) -> NativeResult {
    put(Word::Str(ctx.str(0)))
}

fn put_bytes(ctx: &mut NativeCtx<'_>) -> NativeResult {
    put(Word::Bytes(ctx.bytes(0)))
}

fn set_err(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let msg = String::from_utf8_lossy(&ctx.str(0)).into_owned();
    match with_call(|st| st.error = Some(msg)) {
        Some(()) => NativeResult::Ok,
        None => NativeResult::Fatal("a host call's native ran outside its VM".into()),
    }
}
