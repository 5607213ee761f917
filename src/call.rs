//! Calling a Go function of the program by name from the host
//! ([`crate::Vm::call`]).
//!
//! # How
//! The compiler only emits functions something reaches from `main`, and
//! the VM starts a run at the entry (`runtime.main`: package
//! initialisation, then `main.main`). So the first call on a program
//! compiles it again with one more file of generated Go in package main:
//! for each package-level function `F` whose parameters and results the
//! host can convert (see `host::Ty`; a trailing `error` too), a wrapper
//!
//! ```go
//! func golCall_F() {
//!     r0, r1 := F(int(embedcall.Int(0)), embedcall.Str(1))
//!     embedcall.SetInt(0, int64(r0))
//!     if r1 != nil {
//!         embedcall.SetErr(r1.Error())
//!     }
//! }
//! ```
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

/// The Go source of the call package: argument getters and result
/// setters, all natives.
pub(crate) const PKG_SOURCE: &str = "// The host's side of calls into the program.
package embedcall

func Int(i int) int64
func Uint(i int) uint64
func Float(i int) float64
func Bool(i int) bool
func Str(i int) string
func Bytes(i int) []byte
func SetInt(i int, v int64)
func SetUint(i int, v uint64)
func SetFloat(i int, v float64)
func SetBool(i int, v bool)
func SetStr(i int, v string)
func SetBytes(i int, v []byte)
func SetErr(msg string)
";

/// A main-package function's signature in the types the host converts
/// (each type as written and as understood).
pub(crate) struct FuncSig {
    name: String,
    params: Vec<(String, Ty)>,
    results: Vec<(String, Ty)>,
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
    pub(crate) args: Vec<Value>,
    pub(crate) results: Vec<Option<Value>>,
    pub(crate) error: Option<String>,
}

/// The main package's functions the host can call, as (name, params,
/// results, trailing error) from the checked program.
pub(crate) fn callables(checked: &gol_lang::check::Program) -> Vec<FuncSig> {
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
        let typed = |ts: Vec<String>| -> Option<Vec<(String, Ty)>> {
            ts.into_iter()
                .map(|t| Ty::parse(&t).map(|ty| (t, ty)))
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
        let args: Vec<String> = params
            .iter()
            .enumerate()
            .map(|(i, (t, ty))| {
                let get = match ty {
                    Ty::Bool => "Bool",
                    Ty::Int(_) => "Int",
                    Ty::Uint(_) => "Uint",
                    Ty::Float(_) => "Float",
                    Ty::Str => "Str",
                    Ty::Bytes => "Bytes",
                };
                format!("{t}(golEmbedCall.{get}({i}))")
            })
            .collect();
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
            let (set, conv) = match ty {
                Ty::Bool => ("SetBool", "bool"),
                Ty::Int(_) => ("SetInt", "int64"),
                Ty::Uint(_) => ("SetUint", "uint64"),
                Ty::Float(_) => ("SetFloat", "float64"),
                Ty::Str => ("SetStr", "string"),
                Ty::Bytes => ("SetBytes", "[]byte"),
            };
            s.push_str(&format!("\tgolEmbedCall.{set}({i}, {conv}(r{i}))\n"));
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
    ) -> Result<(Arc<Bytecode>, &Callable), String> {
        let Some(c) = self.funcs.get(name) else {
            return Err(format!(
                "no function {name} in package main that the host can call (parameters and results of bool, integer, float, string or []byte types, and a trailing error)"
            ));
        };
        if args.len() != c.sig.params.len() {
            return Err(format!(
                "{name} takes {} arguments, got {}",
                c.sig.params.len(),
                args.len()
            ));
        }
        for (i, (a, (t, ty))) in args.iter().zip(&c.sig.params).enumerate() {
            let ok = matches!(
                (ty, a),
                (Ty::Bool, Value::Bool(_))
                    | (Ty::Int(_) | Ty::Uint(_), Value::Int(_) | Value::Uint(_))
                    | (Ty::Float(_), Value::Float(_) | Value::Int(_))
                    | (Ty::Str, Value::Str(_))
                    | (Ty::Bytes, Value::Bytes(_))
            );
            if !ok {
                return Err(format!(
                    "{name}: cannot use {} value as {t} in argument {i}",
                    a.kind()
                ));
            }
        }
        let prog = c.prog.get_or_init(|| Arc::new(self.entry_calling(name)));
        Ok((prog.clone(), c))
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
        let n = self.sig.results.len();
        let mut out = Vec::with_capacity(n);
        for (i, r) in st.results.into_iter().enumerate().take(n) {
            out.push(r.ok_or_else(|| crate::Error::Call(format!("result {i} was not set")))?);
        }
        Ok(out)
    }

    pub(crate) fn n_results(&self) -> usize {
        self.sig.results.len()
    }
}

/// The natives of the call package, by full name.
pub(crate) fn resolve(name: &str) -> Option<Native> {
    let short = name.strip_prefix(PKG)?.strip_prefix('.')?;
    Some(match short {
        "Int" => Native::new(get_int, "func(i int) int64"),
        "Uint" => Native::new(get_uint, "func(i int) uint64"),
        "Float" => Native::new(get_float, "func(i int) float64"),
        "Bool" => Native::new(get_bool, "func(i int) bool"),
        "Str" => Native::new(get_str, "func(i int) string"),
        "Bytes" => Native::new(get_bytes, "func(i int) []byte"),
        "SetInt" => Native::new(set_int, "func(i int, v int64)"),
        "SetUint" => Native::new(set_uint, "func(i int, v uint64)"),
        "SetFloat" => Native::new(set_float, "func(i int, v float64)"),
        "SetBool" => Native::new(set_bool, "func(i int, v bool)"),
        "SetStr" => Native::new(set_str, "func(i int, v string)"),
        "SetBytes" => Native::new(set_bytes, "func(i int, v []byte)"),
        "SetErr" => Native::new(set_err, "func(msg string)"),
        _ => return None,
    })
}

/// Runs `f` on the current run's call state.
fn with_call(f: impl FnOnce(&mut CallState) -> NativeResult) -> NativeResult {
    gol_vm::stdio::with_host(|h| {
        match h.and_then(|h| h.as_any().downcast_ref::<crate::RunHost>()) {
            Some(run) => f(&mut run.call.lock().unwrap_or_else(|e| e.into_inner())),
            None => NativeResult::Fatal("a host call's native ran outside its VM".into()),
        }
    })
}

/// Argument `i` of the call (the wrapper asks only for arguments that
/// `Calls::prepare` checked).
fn arg(ctx: &NativeCtx<'_>, st: &CallState) -> Option<Value> {
    usize::try_from(ctx.int(0))
        .ok()
        .and_then(|i| st.args.get(i).cloned())
}

fn get_int(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let a = with_arg(ctx);
    match a {
        Some(Value::Int(n)) => ctx.ret_int(0, n),
        Some(Value::Uint(n)) => ctx.ret_int(0, n as i64),
        _ => return bad_arg(),
    }
    NativeResult::Ok
}

fn get_uint(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match with_arg(ctx) {
        Some(Value::Int(n)) => ctx.ret_uint(0, n as u64),
        Some(Value::Uint(n)) => ctx.ret_uint(0, n),
        _ => return bad_arg(),
    }
    NativeResult::Ok
}

fn get_float(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match with_arg(ctx) {
        Some(Value::Float(f)) => ctx.ret_float(0, f),
        Some(Value::Int(n)) => ctx.ret_float(0, n as f64),
        _ => return bad_arg(),
    }
    NativeResult::Ok
}

fn get_bool(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match with_arg(ctx) {
        Some(Value::Bool(b)) => ctx.ret_bool(0, b),
        _ => return bad_arg(),
    }
    NativeResult::Ok
}

fn get_str(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match with_arg(ctx) {
        Some(Value::Str(s)) => ctx.ret_str(0, s.as_bytes()),
        _ => return bad_arg(),
    }
    NativeResult::Ok
}

fn get_bytes(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match with_arg(ctx) {
        Some(Value::Bytes(b)) => {
            let s = ctx.new_bytes(&b);
            ctx.ret_slice(0, s);
        }
        _ => return bad_arg(),
    }
    NativeResult::Ok
}

fn with_arg(ctx: &NativeCtx<'_>) -> Option<Value> {
    let mut v = None;
    with_call(|st| {
        v = arg(ctx, st);
        NativeResult::Ok
    });
    v
}

fn bad_arg() -> NativeResult {
    NativeResult::Fatal("a host call's argument does not match its parameter".into())
}

/// Stores result `i` of the call.
fn set(ctx: &NativeCtx<'_>, v: Value) -> NativeResult {
    let Ok(i) = usize::try_from(ctx.int(0)) else {
        return bad_arg();
    };
    with_call(|st| {
        if st.results.len() <= i {
            st.results.resize(i + 1, None);
        }
        st.results[i] = Some(v);
        NativeResult::Ok
    })
}

fn set_int(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let v = Value::Int(ctx.int(1));
    set(ctx, v)
}

fn set_uint(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let v = Value::Uint(ctx.uint(1));
    set(ctx, v)
}

fn set_float(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let v = Value::Float(ctx.float(1));
    set(ctx, v)
}

fn set_bool(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let v = Value::Bool(ctx.bool(1));
    set(ctx, v)
}

fn set_str(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let v = Value::Str(String::from_utf8_lossy(&ctx.str(1)).into_owned());
    set(ctx, v)
}

fn set_bytes(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let v = Value::Bytes(ctx.bytes(1));
    set(ctx, v)
}

fn set_err(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let msg = String::from_utf8_lossy(&ctx.str(0)).into_owned();
    with_call(|st| {
        st.error = Some(msg);
        NativeResult::Ok
    })
}
