//! The host's native functions: Go packages generated from the
//! registered signatures, and the one VM native that calls the closures.
//!
//! # How a call reaches the closure
//! For `Builder::native("host", "Greet", "func(s string, n int) (int,
//! error)", f)` the package `host` gets, in generated Go source:
//!
//! ```go
//! func golHostGreet(p0 string, p1 int) (r0 int, golErr string, golFailed bool)
//!
//! func Greet(p0 string, p1 int) (int, error) {
//!     r0, golErr, golFailed := golHostGreet(p0, p1)
//!     if golFailed {
//!         return r0, errors.New(golErr)
//!     }
//!     return r0, nil
//! }
//! ```
//!
//! The body-less `golHostGreet` is a native; the VM resolves it to
//! [`trampoline`], the same function pointer for every host function
//! (a native is a `fn`, which cannot capture a closure). The trampoline
//! finds its closure by the native's name through the run's host, which
//! the executor makes current on the thread for each slice
//! (`gol_vm::stdio::enter`); so closures belong to a VM, not to the
//! process, and two VMs may register the same name differently. The
//! wrapper is ordinary Go: the type checker checks every call against the
//! stated signature, and the error (or, without an `error` result, the
//! panic) is made in Go, so the host never builds an interface value.
//!
//! Rejected: a process-wide table of closures by name (two VMs would
//! clash); building `error` values from Rust (the VM's interface layout
//! is not the host's business).

use crate::value::Value;
use crate::NativeClosure;
use gol_vm::{Native, NativeCtx, NativeResult};
use std::collections::HashMap;
use std::sync::Arc;

/// The Go types a host function's parameters and results may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ty {
    Bool,
    /// A signed integer of this many bits.
    Int(u32),
    /// An unsigned integer of this many bits.
    Uint(u32),
    Float(u32),
    Str,
    Bytes,
}

impl Ty {
    pub(crate) fn parse(t: &str) -> Option<Ty> {
        Some(match t {
            "bool" => Ty::Bool,
            "int" | "int64" => Ty::Int(64),
            "int32" | "rune" => Ty::Int(32),
            "int16" => Ty::Int(16),
            "int8" => Ty::Int(8),
            "uint" | "uint64" | "uintptr" => Ty::Uint(64),
            "uint32" => Ty::Uint(32),
            "uint16" => Ty::Uint(16),
            "uint8" | "byte" => Ty::Uint(8),
            "float64" => Ty::Float(64),
            "float32" => Ty::Float(32),
            "string" => Ty::Str,
            "[]byte" | "[]uint8" => Ty::Bytes,
            _ => return None,
        })
    }
}

/// A host function's parameter or result type: a scalar of [`Ty`], or a
/// slice of one (other than `[]byte`, which is a scalar here).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PTy {
    One(Ty),
    SliceOf(Ty),
}

impl PTy {
    fn parse(t: &str) -> Option<PTy> {
        if let Some(ty) = Ty::parse(t) {
            return Some(PTy::One(ty));
        }
        match Ty::parse(t.strip_prefix("[]")?)? {
            Ty::Bytes => None,
            ty => Some(PTy::SliceOf(ty)),
        }
    }
}

/// One registered host function.
pub(crate) struct HostFunc {
    /// The import path of its package.
    path: String,
    name: String,
    /// Parameter and result types as written (for the generated source)
    /// and as understood.
    params: Vec<(String, PTy)>,
    results: Vec<(String, PTy)>,
    /// The signature ends in `error`.
    returns_error: bool,
    f: Arc<NativeClosure>,
}

/// Splits a parameter list's text at its top-level commas.
fn split_top(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

/// The types of a parameter list (`a, b int, s string` or `int, string`),
/// with Go's grouping of names before a type.
fn list_types(s: &str) -> Result<Vec<String>, String> {
    let items = split_top(s);
    let named = items.iter().any(|i| i.split_whitespace().count() > 1);
    if !named {
        return Ok(items);
    }
    let mut out = Vec::new();
    let mut pending = 0;
    for i in items {
        let mut parts = i.splitn(2, char::is_whitespace);
        let first = parts.next().unwrap_or("");
        match parts.next() {
            Some(t) => {
                let t = t.trim().to_string();
                out.extend(std::iter::repeat_n(t.clone(), pending + 1));
                pending = 0;
            }
            None if !first.is_empty() => pending += 1,
            None => return Err("empty parameter".into()),
        }
    }
    if pending != 0 {
        return Err("a parameter name without a type".into());
    }
    Ok(out)
}

/// The parameter and result types of a Go func type's text.
pub(crate) fn parse_sig(sig: &str) -> Result<(Vec<String>, Vec<String>), String> {
    let s = sig.trim();
    let rest = s
        .strip_prefix("func")
        .map(str::trim_start)
        .filter(|r| r.starts_with('('))
        .ok_or("the signature must be a func type, as `func(s string) int`")?;
    let mut depth = 0;
    let mut close = None;
    for (i, c) in rest.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close.ok_or("unbalanced parentheses")?;
    let params = list_types(&rest[1..close])?;
    let res = rest[close + 1..].trim();
    let results = if let Some(inner) = res.strip_prefix('(') {
        let inner = inner.strip_suffix(')').ok_or("unbalanced parentheses")?;
        list_types(inner)?
    } else if res.is_empty() {
        Vec::new()
    } else {
        vec![res.to_string()]
    };
    Ok((params, results))
}

fn is_ident(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl HostFunc {
    pub(crate) fn new(
        path: &str,
        name: &str,
        sig: &str,
        f: Arc<NativeClosure>,
    ) -> Result<HostFunc, String> {
        let what = format!("native {path}.{name}");
        if path.is_empty()
            || !path
                .split('/')
                .all(|seg| is_ident(seg) && seg.chars().all(|c| !c.is_ascii_uppercase()))
        {
            return Err(format!(
                "{what}: the package path must be lowercase identifiers separated by '/'"
            ));
        }
        if !is_ident(name) || !name.starts_with(|c: char| c.is_ascii_uppercase()) {
            return Err(format!(
                "{what}: the name must be an exported Go identifier"
            ));
        }
        let (params, mut results) = parse_sig(sig).map_err(|e| format!("{what}: {e}"))?;
        let returns_error = results.last().is_some_and(|r| r == "error");
        if returns_error {
            results.pop();
        }
        let typed = |ts: Vec<String>| -> Result<Vec<(String, PTy)>, String> {
            ts.into_iter()
                .map(|t| match PTy::parse(&t) {
                    Some(ty) => Ok((t, ty)),
                    None => Err(format!(
                        "{what}: type {t} is not supported (bool, integers, floats, string, []byte, and slices of those{})",
                        if t.starts_with("...") { "; no variadic parameters" } else { "" }
                    )),
                })
                .collect()
        };
        Ok(HostFunc {
            path: path.to_string(),
            name: name.to_string(),
            params: typed(params)?,
            results: typed(results)?,
            returns_error,
            f,
        })
    }

    /// The body-less function the VM resolves to the trampoline.
    fn native_ident(&self) -> String {
        format!("golHost{}", self.name)
    }

    /// The Go source of the native's declaration and its wrapper.
    fn source(&self) -> String {
        let ps: Vec<String> = (0..self.params.len()).map(|i| format!("p{i}")).collect();
        let decl_params: Vec<String> = self
            .params
            .iter()
            .enumerate()
            .map(|(i, (t, _))| format!("p{i} {t}"))
            .collect();
        let mut native_results: Vec<String> = self
            .results
            .iter()
            .enumerate()
            .map(|(i, (t, _))| format!("r{i} {t}"))
            .collect();
        native_results.push("golErr string".into());
        native_results.push("golFailed bool".into());
        let mut wrapper_results: Vec<String> =
            self.results.iter().map(|(t, _)| t.clone()).collect();
        if self.returns_error {
            wrapper_results.push("error".into());
        }
        let rs: Vec<String> = (0..self.results.len()).map(|i| format!("r{i}")).collect();
        let mut lhs = rs.clone();
        lhs.push("golErr".into());
        lhs.push("golFailed".into());
        let (fail, ok) = if self.returns_error {
            let mut f = rs.clone();
            f.push("errors.New(golErr)".into());
            let mut o = rs.clone();
            o.push("nil".into());
            (
                format!("return {}", f.join(", ")),
                format!("return {}", o.join(", ")),
            )
        } else {
            (
                "panic(golErr)".to_string(),
                if rs.is_empty() {
                    String::new()
                } else {
                    format!("return {}", rs.join(", "))
                },
            )
        };
        let native = self.native_ident();
        format!(
            "func {native}({dp}) ({nr})\n\n\
             func {name}({dp}) ({wr}) {{\n\
             \t{lhs} := {native}({args})\n\
             \tif golFailed {{\n\t\t{fail}\n\t}}\n\
             \t{ok}\n}}\n\n",
            dp = decl_params.join(", "),
            nr = native_results.join(", "),
            name = self.name,
            wr = wrapper_results.join(", "),
            lhs = lhs.join(", "),
            args = ps.join(", "),
        )
    }
}

/// The host's packages: their generated source, and the natives by the
/// name the compiler gives them (`path.golHostName`).
#[derive(Default)]
pub(crate) struct Packages {
    /// Import path -> source of its one file.
    sources: HashMap<String, String>,
    natives: HashMap<String, HostFunc>,
}

impl Packages {
    pub(crate) fn new(funcs: Vec<HostFunc>) -> Result<Packages, String> {
        let std = gol_stdlib::StdImporter;
        let mut by_pkg: HashMap<String, Vec<&HostFunc>> = HashMap::new();
        for f in &funcs {
            by_pkg.entry(f.path.clone()).or_default().push(f);
        }
        let mut sources = HashMap::new();
        for (path, fs) in &by_pkg {
            if gol_lang::Importer::package(&std, path).is_some() || path == crate::call::PKG {
                return Err(format!(
                    "native package {path} would hide the standard package"
                ));
            }
            let pkg_name = path.rsplit('/').next().unwrap_or(path);
            let mut src =
                format!("// Generated from the host's native functions.\npackage {pkg_name}\n\n");
            if fs.iter().any(|f| f.returns_error) {
                src.push_str("import \"errors\"\n\n");
            }
            let mut seen = std::collections::HashSet::new();
            for f in fs {
                if !seen.insert(&f.name) {
                    return Err(format!("native {path}.{} registered twice", f.name));
                }
                src.push_str(&f.source());
            }
            sources.insert(path.clone(), src);
        }
        let natives = funcs
            .into_iter()
            .map(|f| (format!("{}.{}", f.path, f.native_ident()), f))
            .collect();
        Ok(Packages { sources, natives })
    }

    /// The VM native for `name`, if it is one of the host's.
    pub(crate) fn resolve(&self, name: &str) -> Option<Native> {
        self.natives
            .contains_key(name)
            .then_some(Native::stand_in(trampoline))
    }
}

/// The type checker's importer: the host's packages, then the standard
/// library.
pub(crate) struct Importer<'a> {
    pub(crate) packages: &'a Packages,
}

impl gol_lang::Importer for Importer<'_> {
    fn package(&self, path: &str) -> Option<Vec<(String, String)>> {
        if path == crate::call::PKG {
            return Some(vec![(
                format!("{}/{path}/embedcall.go", gol_stdlib::FILE_PREFIX),
                crate::call::PKG_SOURCE.to_string(),
            )]);
        }
        if let Some(src) = self.packages.sources.get(path) {
            let file = path.rsplit('/').next().unwrap_or(path);
            return Some(vec![(
                format!("{}/{path}/{file}.go", gol_stdlib::FILE_PREFIX),
                src.clone(),
            )]);
        }
        gol_lang::Importer::package(&gol_stdlib::StdImporter, path)
    }

    fn available(&self) -> Vec<String> {
        let mut all = gol_lang::Importer::available(&gol_stdlib::StdImporter);
        all.extend(self.packages.sources.keys().cloned());
        all.sort();
        all
    }
}

/// Every host native: reads the arguments as the registered signature
/// says, calls the closure, writes its results (see the module docs).
fn trampoline(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let name = ctx.name().to_string();
    gol_vm::stdio::with_host(|h| {
        let Some(run) = h.and_then(|h| h.as_any().downcast_ref::<crate::RunHost>()) else {
            return NativeResult::Fatal(format!("native {name} called outside its VM"));
        };
        let Some(hf) = run.packages.natives.get(&name) else {
            return NativeResult::Fatal(format!("native {name} is not registered"));
        };
        call(ctx, hf)
    })
}

fn call(ctx: &mut NativeCtx<'_>, hf: &HostFunc) -> NativeResult {
    let args: Vec<Value> = hf
        .params
        .iter()
        .enumerate()
        .map(|(k, (_, ty))| match ty {
            PTy::One(Ty::Bool) => Value::Bool(ctx.bool(k)),
            PTy::One(Ty::Int(_)) => Value::Int(ctx.int(k)),
            PTy::One(Ty::Uint(_)) => Value::Uint(ctx.uint(k)),
            PTy::One(Ty::Float(_)) => Value::Float(ctx.float(k)),
            PTy::One(Ty::Str) => Value::Str(String::from_utf8_lossy(&ctx.str(k)).into_owned()),
            PTy::One(Ty::Bytes) => Value::Bytes(ctx.bytes(k)),
            PTy::SliceOf(e) => slice_arg(ctx, k, *e),
        })
        .collect();
    let n = hf.results.len();
    // The closure touches no gol memory (its arguments are copies), so it
    // runs as a system call does: with the goroutine's P released, so a
    // closure that blocks (I/O, a lock, a channel of the host) neither
    // stalls the other goroutines nor delays a stop of the world. A
    // closure that panics must not unwind into the VM's thread.
    let (out, kept_p) =
        ctx.syscall(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (hf.f)(&args))));
    let out = match out {
        Ok(r) => r,
        Err(p) => {
            let what = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a Rust panic".into());
            return NativeResult::Panic(format!("native {}.{}: {what}", hf.path, hf.name));
        }
    };
    match out {
        Ok(vals) => {
            if vals.len() != n {
                return NativeResult::Panic(format!(
                    "native {}.{} returned {} values, its signature has {n}",
                    hf.path,
                    hf.name,
                    vals.len()
                ));
            }
            for (k, (v, (tname, ty))) in vals.iter().zip(&hf.results).enumerate() {
                if let Err(e) = set(ctx, k, *ty, v) {
                    return NativeResult::Panic(format!(
                        "native {}.{} result {k}: {e} (declared {tname})",
                        hf.path, hf.name
                    ));
                }
            }
            ctx.ret_str(n, b"");
            ctx.ret_bool(n + 1, false);
        }
        Err(text) => {
            // Zero results beside the error, as Go functions returning
            // an error usually leave them (the window still holds the
            // arguments: results overlay them).
            for (k, (_, ty)) in hf.results.iter().enumerate() {
                zero(ctx, k, *ty);
            }
            ctx.ret_str(n, text.as_bytes());
            ctx.ret_bool(n + 1, true);
        }
    }
    // Without a P back, the goroutine waits for one in the global queue,
    // its results set (`NativeCtx::syscall`).
    if kept_p {
        NativeResult::Ok
    } else {
        NativeResult::Yield
    }
}

/// Slice parameter `k`, of elements of `ty`, as a [`Value::Slice`].
fn slice_arg(ctx: &NativeCtx<'_>, k: usize, ty: Ty) -> Value {
    let (p, n, _) = ctx.slice(k);
    let elem = ctx.slice_elem(k);
    // Slot words: one per element, two (pointer, length) per string.
    let words = ctx.read_elems(p, 0, n as usize, elem);
    Value::Slice(match ty {
        Ty::Str => words
            .chunks_exact(2)
            .map(|w| Value::Str(String::from_utf8_lossy(&ctx.string_at(w[0], w[1])).into_owned()))
            .collect(),
        Ty::Bool => words.iter().map(|&w| Value::Bool(w != 0)).collect(),
        Ty::Int(_) => words.iter().map(|&w| Value::Int(w as i64)).collect(),
        Ty::Uint(_) => words.iter().map(|&w| Value::Uint(w)).collect(),
        Ty::Float(_) => words
            .iter()
            .map(|&w| Value::Float(f64::from_bits(w)))
            .collect(),
        // `PTy::parse` makes no slice of `[]byte`.
        Ty::Bytes => Vec::new(),
    })
}

/// Writes result `k`, a slice of `ty`, from `v`.
fn set_slice(ctx: &mut NativeCtx<'_>, k: usize, ty: Ty, v: &Value) -> Result<(), String> {
    let Value::Slice(xs) = v else {
        return Err(format!("a {} value", v.kind()));
    };
    let Some(result) = ctx.results().get(k).copied() else {
        return Err("no such result".into());
    };
    let gol_lang::bytecode::TypeKind::Slice(elem) = *ctx.type_kind(result.ty) else {
        return Err("the result is not a slice".into());
    };
    let mut words = Vec::with_capacity(xs.len());
    for (i, x) in xs.iter().enumerate() {
        let bad = || format!("element {i}: a {} value", x.kind());
        match (ty, x) {
            (Ty::Bool, Value::Bool(b)) => words.push(*b as u64),
            (Ty::Int(bits), Value::Int(_) | Value::Uint(_)) => {
                let raw = match *x {
                    Value::Int(n) => n as u64,
                    Value::Uint(n) => n,
                    _ => 0,
                };
                let sh = 64 - bits;
                words.push((((raw << sh) as i64) >> sh) as u64);
            }
            (Ty::Uint(bits), Value::Int(_) | Value::Uint(_)) => {
                let raw = match *x {
                    Value::Int(n) => n as u64,
                    Value::Uint(n) => n,
                    _ => 0,
                };
                let sh = 64 - bits;
                words.push((raw << sh) >> sh);
            }
            (Ty::Float(32), Value::Float(f)) => words.push((*f as f32 as f64).to_bits()),
            (Ty::Float(_), Value::Float(f)) => words.push(f.to_bits()),
            (Ty::Str, Value::Str(s)) => {
                // The strings are held only here until the slice is
                // made: no collection runs during a native (as stdlib's
                // `ret_strings`).
                let (p, l) = ctx.new_string(s.as_bytes());
                words.push(p);
                words.push(l);
            }
            _ => return Err(bad()),
        }
    }
    let s = ctx.new_slice(elem, &words, xs.len());
    ctx.ret_slice(k, s);
    Ok(())
}

/// Writes the zero value of `ty` as result `k`.
fn zero(ctx: &mut NativeCtx<'_>, k: usize, ty: PTy) {
    let ty = match ty {
        PTy::One(t) => t,
        PTy::SliceOf(_) => return ctx.ret_slice(k, (0, 0, 0)),
    };
    match ty {
        Ty::Bool => ctx.ret_bool(k, false),
        Ty::Int(_) => ctx.ret_int(k, 0),
        Ty::Uint(_) => ctx.ret_uint(k, 0),
        Ty::Float(_) => ctx.ret_float(k, 0.0),
        Ty::Str => ctx.ret_str_words(k, (0, 0)),
        Ty::Bytes => ctx.ret_slice(k, (0, 0, 0)),
    }
}

/// Writes result `k` of type `ty` from `v`, truncating integers to the
/// declared width as a Go conversion does.
fn set(ctx: &mut NativeCtx<'_>, k: usize, ty: PTy, v: &Value) -> Result<(), String> {
    let ty = match ty {
        PTy::One(t) => t,
        PTy::SliceOf(e) => return set_slice(ctx, k, e, v),
    };
    let int_bits = |v: &Value| match *v {
        Value::Int(n) => Ok(n as u64),
        Value::Uint(n) => Ok(n),
        _ => Err(format!("a {} value", v.kind())),
    };
    match ty {
        Ty::Bool => match *v {
            Value::Bool(b) => ctx.ret_bool(k, b),
            _ => return Err(format!("a {} value", v.kind())),
        },
        Ty::Int(bits) => {
            let s = 64 - bits;
            ctx.ret_int(k, ((int_bits(v)? << s) as i64) >> s);
        }
        Ty::Uint(bits) => {
            let s = 64 - bits;
            ctx.ret_uint(k, (int_bits(v)? << s) >> s);
        }
        Ty::Float(bits) => match *v {
            Value::Float(f) if bits == 32 => ctx.ret_float(k, f as f32 as f64),
            Value::Float(f) => ctx.ret_float(k, f),
            Value::Int(n) => ctx.ret_float(k, n as f64),
            _ => return Err(format!("a {} value", v.kind())),
        },
        Ty::Str => match v {
            Value::Str(s) => ctx.ret_str(k, s.as_bytes()),
            Value::Bytes(b) => ctx.ret_str(k, b),
            _ => return Err(format!("a {} value", v.kind())),
        },
        Ty::Bytes => match v {
            Value::Bytes(b) => {
                let s = ctx.new_bytes(b);
                ctx.ret_slice(k, s);
            }
            Value::Str(s) => {
                let s = ctx.new_bytes(s.as_bytes());
                ctx.ret_slice(k, s);
            }
            Value::Slice(_) => {
                let b = <Vec<u8> as crate::FromValue>::from_value(v)?;
                let s = ctx.new_bytes(&b);
                ctx.ret_slice(k, s);
            }
            _ => return Err(format!("a {} value", v.kind())),
        },
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_parse_with_go_grouping() {
        let (p, r) = parse_sig("func(a, b int, s string) (int, error)").unwrap();
        assert_eq!(p, ["int", "int", "string"]);
        assert_eq!(r, ["int", "error"]);
        let (p, r) = parse_sig("func(string, []byte) bool").unwrap();
        assert_eq!(p, ["string", "[]byte"]);
        assert_eq!(r, ["bool"]);
        let (p, r) = parse_sig("func()").unwrap();
        assert!(p.is_empty() && r.is_empty());
        assert!(parse_sig("fn(x int)").is_err());
        assert!(parse_sig("func(a, b)").is_ok()); // two unnamed types `a`, `b`
        assert!(parse_sig("func(a int").is_err());
    }
}
