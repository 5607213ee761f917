//! text/template's view of values, over the VM's type descriptors: what
//! Go's executor asks of reflect (stdlib/go/text/template/value.go
//! declares each native and what it answers).
//!
//! Values cross as interface words (`any`): a native reads a value's
//! dynamic type and words from its box, and answers with a new box of
//! the part it reached (a field, an element, a map entry, a pointer's
//! target), so the Go side never sees raw words. An interface-typed part
//! is already a box word (or 0 for nil) and is passed on unchanged.
//!
//! Calling a template function or a method by name needs the callee's
//! parameter and result types, which the descriptor of a func type does
//! not list: they are read from its name (Go's spelling, `func(int,
//! ...string) (string, error)`), and each name must denote exactly one
//! runtime type of the program (descriptors are interned by identity, so
//! two types share a name only when they are distinct types, such as two
//! local types `T`). A name that denotes none or several makes the
//! signature unsupported: the Go side reports that as an execution error
//! rather than guessing a layout. Arguments are checked against the
//! parameter types before the call (identical type; an interface the
//! argument implements, by `Program::missing_method`; a pointer whose
//! target has the type; a template constant converted to a numeric,
//! string or bool parameter), so the callee receives exactly the words
//! of its declared types.
//!
//! Memory: natives hold words of boxes they made only until they return
//! them; a call back into Go (a method, a template function) keeps its
//! argument words alive until it returns, even when it waits and a
//! collection runs meanwhile (see gol_vm's native module), so the
//! argument words built before a call stay valid across it.

use crate::natives::fmtvalue::reflect_name;
use gol_lang::bytecode::{FuncId, Program, RtType, TypeKind};
use gol_vm::native::CallError;
use gol_vm::{Native, NativeCtx, NativeResult};

pub const NATIVES: &[(&str, Native)] = &[
    ("valueKind", Native::new(value_kind, "func(v any) int")),
    ("typeName", Native::new(type_name, "func(v any) string")),
    (
        "indirect",
        Native::new(indirect, "func(v any) (r any, isNil bool)"),
    ),
    (
        "fieldByName",
        Native::new(
            field_by_name,
            "func(v any, name string) (r any, code int, msg string, addr bool)",
        ),
    ),
    (
        "elemHasField",
        Native::new(elem_has_field, "func(v any, name string) bool"),
    ),
    (
        "hasMethod",
        Native::new(has_method, "func(v any, name string) bool"),
    ),
    (
        "funcSig",
        Native::new(
            func_sig,
            "func(fn any, name string) (params []string, kinds []int, variadic bool, nout int, errOut bool, ok bool, out2 string)",
        ),
    ),
    (
        "callFunc",
        Native::new(
            call_func,
            "func(fn any, name string, args []any, conv []bool, prep bool) (r any, err error, code int, msg string, pval any)",
        ),
    ),
    (
        "mapIndex",
        Native::new(
            map_index,
            "func(m any, key any) (r any, code int, msg string)",
        ),
    ),
    ("mapZero", Native::new(map_zero, "func(m any) any")),
    (
        "mapEntries",
        Native::new(map_entries, "func(m any) (keys []any, vals []any)"),
    ),
    ("length", Native::new(length, "func(v any) int")),
    ("capOf", Native::new(cap_of, "func(v any) int")),
    (
        "elemOf",
        Native::new(elem_of, "func(v any, i int) (r any, addr bool)"),
    ),
    ("plainValue", Native::new(plain_value, "func(v any) any")),
    ("lastPointer", Native::new(last_pointer, "func(v any) any")),
    ("intAs", Native::new(int_as, "func(v any, n uint64) any")),
    (
        "sliceAddr",
        Native::new(
            slice_addr,
            "func(v any, i int, j int, k int, three bool) (r any, ok bool)",
        ),
    ),
    (
        "sliceOf",
        Native::new(
            slice_of,
            "func(v any, i int, j int, k int, three bool) any",
        ),
    ),
    ("truth", Native::new(truth, "func(v any) (t bool, ok bool)")),
    (
        "basic",
        Native::new(
            basic,
            "func(v any) (kind int, i int64, u uint64, f float64, s string)",
        ),
    ),
    (
        "printable",
        Native::new(printable, "func(v any) (r any, ok bool)"),
    ),
    (
        "sameRef",
        Native::new(same_ref, "func(a any, b any) (eq bool, ok bool)"),
    ),
    ("isNil", Native::new(is_nil, "func(v any) bool")),
    (
        "checkArg",
        Native::new(
            check_arg,
            "func(fn any, name string, i int, v any, conv bool) string",
        ),
    ),
];

// Kinds shared with value.go.
const K_INVALID: i64 = 0;
const K_BOOL: i64 = 1;
const K_INT: i64 = 2;
const K_UINT: i64 = 3;
const K_FLOAT: i64 = 4;
const K_STRING: i64 = 5;
const K_POINTER: i64 = 6;
const K_SLICE: i64 = 7;
const K_ARRAY: i64 = 8;
const K_STRUCT: i64 = 9;
const K_MAP: i64 = 10;
const K_CHAN: i64 = 11;
const K_FUNC: i64 = 12;
const K_INTERFACE: i64 = 13;
const K_COMPLEX: i64 = 14;

/// How deep a chain of pointers `indirect` follows before it gives up
/// (a pointer cycle, `p = &p` through `any`).
const MAX_POINTERS: usize = 10_000;

fn kind_code(k: &TypeKind) -> i64 {
    match k {
        TypeKind::Bool => K_BOOL,
        TypeKind::Int { signed: true, .. } => K_INT,
        TypeKind::Int { signed: false, .. } | TypeKind::Uintptr => K_UINT,
        TypeKind::Float { .. } => K_FLOAT,
        TypeKind::String => K_STRING,
        TypeKind::Pointer(_) => K_POINTER,
        TypeKind::Slice(_) => K_SLICE,
        TypeKind::Array(..) => K_ARRAY,
        TypeKind::Struct(_) => K_STRUCT,
        TypeKind::Map(..) => K_MAP,
        TypeKind::Chan(_) => K_CHAN,
        TypeKind::Func => K_FUNC,
        TypeKind::Interface => K_INTERFACE,
        TypeKind::Complex { .. } => K_COMPLEX,
    }
}

/// A value read out of an interface word: its type and slot words.
#[derive(Clone)]
struct Val {
    t: RtType,
    w: Vec<u64>,
}

impl Val {
    fn w0(&self) -> u64 {
        self.w.first().copied().unwrap_or(0)
    }
}

/// The value in interface parameter `k` (None for nil).
fn arg(cx: &NativeCtx<'_>, k: usize) -> Option<Val> {
    unbox(cx, cx.iface(k))
}

/// The value in interface word `b`, reading an address wrapper as the
/// value it stands for.
fn unbox(cx: &NativeCtx<'_>, b: u64) -> Option<Val> {
    if let Some(p) = wrapped_ptr(cx, b) {
        let pv = raw_unbox(cx, p)?;
        if let TypeKind::Pointer(e) = kind(cx, pv.t) {
            if pv.w0() != 0 {
                let w = cx.read_value(pv.w0(), 0, e);
                return Some(Val { t: e, w });
            }
        }
        return Some(pv);
    }
    raw_unbox(cx, b)
}

/// The value in interface word `b` as it is.
fn raw_unbox(cx: &NativeCtx<'_>, b: u64) -> Option<Val> {
    let t = cx.box_type(b)?;
    Some(Val {
        t,
        w: cx.box_words(b),
    })
}

/// The pointer (an interface word) that `b` holds if `b` is value.go's
/// `addrVal`: a struct of one interface field, made only by that file.
fn wrapped_ptr(cx: &NativeCtx<'_>, b: u64) -> Option<u64> {
    let t = cx.box_type(b)?;
    let prog = cx.program();
    let d = prog.ty(t);
    if d.name != "template.addrVal" {
        return None;
    }
    let TypeKind::Struct(fs) = &d.kind else {
        return None;
    };
    if fs.len() != 1 || !matches!(prog.ty(fs[0].ty).kind, TypeKind::Interface) {
        return None;
    }
    cx.box_words(b).first().copied()
}

/// `b` with an address wrapper replaced by a box of its value (what a
/// callee or a map receives).
fn plain_word(cx: &mut NativeCtx<'_>, b: u64) -> u64 {
    if wrapped_ptr(cx, b).is_none() {
        return b;
    }
    match unbox(cx, b) {
        Some(v) => boxed(cx, v.t, &v.w),
        None => 0,
    }
}

/// The pointer type of `t` when it has exported methods that `t` lacks
/// (so that an addressable `t` must be carried by its address).
fn ptr_with_more_methods(prog: &Program, t: RtType) -> Option<RtType> {
    let pt = unique_type(prog, &format!("*{}", prog.ty(t).name))?;
    if !matches!(prog.ty(pt).kind, TypeKind::Pointer(e) if e == t) {
        return None;
    }
    let exported = |t: RtType| {
        prog.ty(t)
            .methods
            .iter()
            .filter(|m| is_exported(&m.name))
            .count()
    };
    (exported(pt) > exported(t)).then_some(pt)
}

/// The pointer type of array type `t`, if the program has it (an
/// addressable array is carried by its address so that it can be sliced).
fn array_ptr(prog: &Program, t: RtType) -> Option<RtType> {
    if !matches!(prog.ty(t).kind, TypeKind::Array(..)) {
        return None;
    }
    let pt = unique_type(prog, &format!("*{}", prog.ty(t).name))?;
    matches!(prog.ty(pt).kind, TypeKind::Pointer(e) if e == t).then_some(pt)
}

fn plain_value(cx: &mut NativeCtx<'_>) -> NativeResult {
    let b = cx.iface(0);
    let r = plain_word(cx, b);
    cx.ret_iface(0, r);
    NativeResult::Ok
}

/// An interface word holding a value of type `t` with words `w` (an
/// interface-typed value is its own word).
fn boxed(cx: &mut NativeCtx<'_>, t: RtType, w: &[u64]) -> u64 {
    if matches!(cx.program().ty(t).kind, TypeKind::Interface) {
        return w.first().copied().unwrap_or(0);
    }
    cx.new_box(t, w)
}

fn kind(cx: &NativeCtx<'_>, t: RtType) -> TypeKind {
    cx.program().ty(t).kind.clone()
}

fn name_of(prog: &Program, t: RtType) -> String {
    reflect_name(&prog.ty(t).name)
}

fn value_kind(cx: &mut NativeCtx<'_>) -> NativeResult {
    let k = match arg(cx, 0) {
        Some(v) => kind_code(&kind(cx, v.t)),
        None => K_INVALID,
    };
    cx.ret_int(0, k);
    NativeResult::Ok
}

fn type_name(cx: &mut NativeCtx<'_>) -> NativeResult {
    let n = match arg(cx, 0) {
        Some(v) => name_of(cx.program(), v.t),
        None => "<nil>".to_string(),
    };
    cx.ret_str(0, n.as_bytes());
    NativeResult::Ok
}

/// Follows pointers from `v`: the value reached, or the nil pointer (or
/// nil interface) met on the way with `true`.
fn deref(cx: &NativeCtx<'_>, mut v: Val) -> (Option<Val>, bool) {
    for _ in 0..MAX_POINTERS {
        match kind(cx, v.t) {
            TypeKind::Pointer(e) => {
                if v.w0() == 0 {
                    return (Some(v), true);
                }
                let w = cx.read_value(v.w0(), 0, e);
                if matches!(kind(cx, e), TypeKind::Interface) {
                    let b = w.first().copied().unwrap_or(0);
                    match unbox(cx, b) {
                        Some(inner) => v = inner,
                        None => return (None, true),
                    }
                } else {
                    v = Val { t: e, w };
                }
            }
            _ => return (Some(v), false),
        }
    }
    (Some(v), false)
}

fn indirect(cx: &mut NativeCtx<'_>) -> NativeResult {
    let b = cx.iface(0);
    let Some(v) = arg(cx, 0) else {
        cx.ret_iface(0, 0);
        cx.ret_bool(1, false);
        return NativeResult::Ok;
    };
    let moved = matches!(kind(cx, v.t), TypeKind::Pointer(_)) && v.w0() != 0;
    let (r, is_nil) = deref(cx, v);
    let word = match r {
        Some(r) if moved => boxed(cx, r.t, &r.w),
        Some(_) => b,
        None => 0,
    };
    cx.ret_iface(0, word);
    cx.ret_bool(1, is_nil);
    NativeResult::Ok
}

/// The name an embedded field is known by (its type's name).
fn field_name(prog: &Program, f: &gol_lang::bytecode::StructField) -> String {
    if !f.name.is_empty() {
        return f.name.clone();
    }
    let tn = prog.ty(f.ty).name.trim_start_matches('*').to_string();
    tn.rsplit('.').next().unwrap_or(&tn).to_string()
}

/// Go's `Type.FieldByName` for struct type `t`: the path of field
/// indexes to the shallowest field of that name, if exactly one is at
/// that depth.
fn find_field(prog: &Program, t: RtType, name: &str) -> Option<Vec<usize>> {
    let mut level: Vec<(RtType, Vec<usize>)> = vec![(t, Vec::new())];
    let mut visited: Vec<RtType> = Vec::new();
    while !level.is_empty() {
        let mut found: Vec<Vec<usize>> = Vec::new();
        let mut next = Vec::new();
        for (st, path) in &level {
            if visited.contains(st) {
                continue;
            }
            visited.push(*st);
            let TypeKind::Struct(fs) = &prog.ty(*st).kind else {
                continue;
            };
            for (i, f) in fs.iter().enumerate() {
                let mut p = path.clone();
                p.push(i);
                if field_name(prog, f) == name {
                    found.push(p);
                    continue;
                }
                if f.embedded {
                    let mut ft = f.ty;
                    if let TypeKind::Pointer(e) = prog.ty(ft).kind {
                        ft = e;
                    }
                    if matches!(prog.ty(ft).kind, TypeKind::Struct(_)) {
                        next.push((ft, p));
                    }
                }
            }
        }
        match found.len() {
            0 => level = next,
            1 => return found.pop(),
            _ => return None,
        }
    }
    None
}

fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

fn field_by_name(cx: &mut NativeCtx<'_>) -> NativeResult {
    let name = String::from_utf8_lossy(cx.str_ref(1)).into_owned();
    let (mut r, mut code, mut msg) = (0u64, 1i64, String::new());
    let mut addressed = false;
    // The struct, and its address when it was reached through a pointer
    // (a field of it is then addressable, as in Go).
    let b = cx.iface(0);
    let mut start = raw_unbox(cx, wrapped_ptr(cx, b).unwrap_or(b));
    let mut addr: Option<u64> = None;
    for _ in 0..MAX_POINTERS {
        let Some(v) = &start else { break };
        let TypeKind::Pointer(e) = kind(cx, v.t) else {
            break;
        };
        if v.w0() == 0 {
            break;
        }
        let p = v.w0();
        let w = cx.read_value(p, 0, e);
        if matches!(kind(cx, e), TypeKind::Interface) {
            start = unbox(cx, w.first().copied().unwrap_or(0));
            addr = None;
        } else {
            start = Some(Val { t: e, w });
            addr = Some(p);
        }
    }
    if let Some(v) = start {
        if let Some(path) = find_field(cx.program(), v.t, &name) {
            let (mut t, mut w) = (v.t, v.w.clone());
            let mut ok = true;
            for (d, &i) in path.iter().enumerate() {
                if d > 0 {
                    if let TypeKind::Pointer(e) = kind(cx, t) {
                        let p = w.first().copied().unwrap_or(0);
                        if p == 0 {
                            ok = false;
                            msg = format!(
                                "reflect: indirection through nil pointer to embedded struct field {}",
                                field_name(cx.program(), &embedded_at(cx.program(), v.t, &path[..d]))
                            );
                            break;
                        }
                        w = cx.read_value(p, 0, e);
                        t = e;
                        addr = Some(p);
                    }
                }
                let TypeKind::Struct(fs) = kind(cx, t) else {
                    ok = false;
                    break;
                };
                let Some(f) = fs.get(i) else {
                    ok = false;
                    break;
                };
                let n = cx.program().ty(f.ty).words as usize;
                let off = f.off as usize;
                w = w.get(off..off + n).map(<[u64]>::to_vec).unwrap_or_default();
                addr = addr.map(|a| a + f.moff);
                t = f.ty;
            }
            if !msg.is_empty() {
                code = 3;
            } else if ok {
                if is_exported(&name) {
                    match (
                        addr,
                        ptr_with_more_methods(cx.program(), t)
                            .or_else(|| array_ptr(cx.program(), t)),
                    ) {
                        (Some(a), Some(pt)) => {
                            r = cx.new_box(pt, &[a]);
                            addressed = true;
                        }
                        _ => r = boxed(cx, t, &w),
                    }
                    code = 0;
                } else {
                    code = 2;
                }
            }
        }
    }
    cx.ret_iface(0, r);
    cx.ret_int(1, code);
    cx.ret_str(2, msg.as_bytes());
    cx.ret_bool(3, addressed);
    NativeResult::Ok
}

/// The field at the end of `path` from struct type `t` (for messages).
fn embedded_at(prog: &Program, t: RtType, path: &[usize]) -> gol_lang::bytecode::StructField {
    let mut t = t;
    let mut last = None;
    for &i in path {
        if let TypeKind::Pointer(e) = prog.ty(t).kind {
            t = e;
        }
        let TypeKind::Struct(fs) = &prog.ty(t).kind else {
            break;
        };
        let Some(f) = fs.get(i) else { break };
        t = f.ty;
        last = Some(f.clone());
    }
    last.unwrap_or(gol_lang::bytecode::StructField {
        name: String::new(),
        ty: t,
        off: 0,
        moff: 0,
        embedded: true,
        tag: String::new(),
    })
}

fn elem_has_field(cx: &mut NativeCtx<'_>) -> NativeResult {
    let name = String::from_utf8_lossy(cx.str_ref(1)).into_owned();
    let has = match arg(cx, 0) {
        Some(v) => match kind(cx, v.t) {
            TypeKind::Pointer(e) => find_field(cx.program(), e, &name).is_some(),
            _ => false,
        },
        None => false,
    };
    cx.ret_bool(0, has);
    NativeResult::Ok
}

/// The exported method `name` of type `t`: its function and the index
/// of its signature's descriptor.
fn method_of(prog: &Program, t: RtType, name: &str) -> Option<(FuncId, RtType)> {
    if !is_exported(name) {
        return None;
    }
    let m = prog.ty(t).method(name.as_bytes())?;
    if matches!(prog.ty(t).kind, TypeKind::Interface) {
        return None;
    }
    Some((m.func, m.sig))
}

fn has_method(cx: &mut NativeCtx<'_>) -> NativeResult {
    let name = String::from_utf8_lossy(cx.str_ref(1)).into_owned();
    let b = cx.iface(0);
    let b = wrapped_ptr(cx, b).unwrap_or(b);
    let has = raw_unbox(cx, b).is_some_and(|v| method_of(cx.program(), v.t, &name).is_some());
    cx.ret_bool(0, has);
    NativeResult::Ok
}

/// A func type's parameters and results as its name spells them.
struct SigNames {
    params: Vec<String>,
    variadic: bool,
    results: Vec<String>,
}

/// A list of type names split at its top-level commas, trimmed (an empty
/// list has no item); None if its brackets do not balance.
fn split_types(s: &str) -> Option<Vec<String>> {
    let mut out: Vec<String> = gol_vm::native::split_top(s)
        .ok()?
        .into_iter()
        .map(|t| t.trim().to_string())
        .collect();
    if out.last().is_some_and(|t| t.is_empty()) {
        out.pop();
    }
    Some(out)
}

/// Reads `func(A, ...B) (C, D)`; None for anything else.
fn parse_sig(name: &str) -> Option<SigNames> {
    let rest = name.strip_prefix("func").filter(|r| r.starts_with('('))?;
    let end = gol_vm::native::close_of(rest, 0).ok()?;
    let mut params = split_types(&rest[1..end - 1])?;
    let mut variadic = false;
    if let Some(last) = params.last_mut() {
        if let Some(e) = last.strip_prefix("...") {
            *last = e.to_string();
            variadic = true;
        }
    }
    let res = rest[end..].trim();
    let results = if res.is_empty() {
        Vec::new()
    } else if let Some(inner) = res.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        split_types(inner)?
    } else {
        vec![res.to_string()]
    };
    Some(SigNames {
        params,
        variadic,
        results,
    })
}

/// The one runtime type named `name` (see the module docs), trying the
/// spellings of the empty interface.
fn unique_type(prog: &Program, name: &str) -> Option<RtType> {
    let empty = name == "any" || name == "interface {}";
    let mut found = None;
    for (i, t) in prog.types.iter().enumerate() {
        let hit = if empty {
            t.name == "any" || t.name == "interface {}"
        } else {
            t.name == name
        };
        if !hit {
            continue;
        }
        match found {
            // Both spellings of the empty interface are one type.
            Some(_) if empty => {}
            Some(_) => return None,
            None => found = Some(RtType(i as u32)),
        }
    }
    found
}

/// A callable resolved to runtime types.
struct Callee {
    params: Vec<RtType>,
    variadic: bool,
    results: Vec<RtType>,
    /// Method function and receiver words, or the func value's word.
    target: Target,
}

enum Target {
    Method(FuncId, Vec<u64>),
    Value(u64),
}

/// Resolves `fn` (a func value) or method `name` of `fn`'s value.
fn callee(cx: &NativeCtx<'_>, fn_box: u64, name: &str) -> Option<Callee> {
    let v = raw_unbox(cx, wrapped_ptr(cx, fn_box).unwrap_or(fn_box))?;
    let prog = cx.program();
    let (sig_t, target) = if name.is_empty() {
        if !matches!(prog.ty(v.t).kind, TypeKind::Func) {
            return None;
        }
        (v.t, Target::Value(v.w0()))
    } else {
        let (f, s) = method_of(prog, v.t, name)?;
        (s, Target::Method(f, v.w.clone()))
    };
    let names = parse_sig(&prog.ty(sig_t).name)?;
    let params = names
        .params
        .iter()
        .map(|n| unique_type(prog, n))
        .collect::<Option<Vec<_>>>()?;
    let results = names
        .results
        .iter()
        .map(|n| unique_type(prog, n))
        .collect::<Option<Vec<_>>>()?;
    Some(Callee {
        params,
        variadic: names.variadic,
        results,
        target,
    })
}

fn func_sig(cx: &mut NativeCtx<'_>) -> NativeResult {
    let name = String::from_utf8_lossy(cx.str_ref(1)).into_owned();
    let b = cx.iface(0);
    let prog = cx.program_arc();
    // The counts come from the name even when a type does not resolve,
    // so that Funcs can check results without calling.
    let sig_name = raw_unbox(cx, wrapped_ptr(cx, b).unwrap_or(b)).and_then(|v| {
        if name.is_empty() {
            Some(prog.ty(v.t).name.clone())
        } else {
            method_of(&prog, v.t, &name).map(|(_, s)| prog.ty(s).name.clone())
        }
    });
    let names = sig_name.as_deref().and_then(parse_sig);
    let resolved = callee(cx, b, &name);
    let mut pnames = Vec::new();
    let mut kinds = Vec::new();
    let (mut variadic, mut nout, mut err_out) = (false, 0i64, false);
    let mut out2 = String::new();
    if let Some(n) = &names {
        variadic = n.variadic;
        nout = n.results.len() as i64;
        err_out = n.results.get(1).is_some_and(|r| r == "error");
        out2 = n
            .results
            .get(1)
            .map(|r| reflect_name(r))
            .unwrap_or_default();
    }
    if let Some(c) = &resolved {
        for &p in &c.params {
            pnames.push(name_of(&prog, p).into_bytes());
            kinds.push(kind_code(&prog.ty(p).kind) as u64);
        }
    }
    super::ret_strings(cx, 0, &pnames);
    let int_t = result_elem(cx, 1);
    let ks = if kinds.is_empty() {
        (0, 0, 0)
    } else {
        cx.new_slice(int_t, &kinds, kinds.len())
    };
    cx.ret_slice(1, ks);
    cx.ret_bool(2, variadic);
    cx.ret_int(3, nout);
    cx.ret_bool(4, err_out);
    cx.ret_bool(5, resolved.is_some());
    cx.ret_str(6, out2.as_bytes());
    NativeResult::Ok
}

/// The words of argument `b` for a parameter of type `pt` (see the
/// module docs), or Go's message for why it does not fit.
fn convert(
    cx: &NativeCtx<'_>,
    b: u64,
    addr: Option<u64>,
    pt: RtType,
    conv: bool,
) -> Result<Vec<u64>, String> {
    let prog = cx.program();
    let pd = prog.ty(pt);
    // An addressable value (see plain_arg) is passed by its address where
    // the parameter is its pointer type or an interface only that
    // pointer type implements (Go's validateType).
    if let Some(p) = addr.and_then(|a| raw_unbox(cx, a).map(|v| (a, v))) {
        let (a, pv) = p;
        if pv.t == pt {
            return Ok(pv.w);
        }
        if matches!(pd.kind, TypeKind::Interface)
            && unbox(cx, b).is_some_and(|v| prog.missing_method(v.t, pt).is_some())
            && prog.missing_method(pv.t, pt).is_none()
        {
            return Ok(vec![a]);
        }
    }
    let Some(v) = unbox(cx, b) else {
        return match pd.kind {
            TypeKind::Pointer(_)
            | TypeKind::Map(..)
            | TypeKind::Chan(_)
            | TypeKind::Func
            | TypeKind::Slice(_)
            | TypeKind::Interface => Ok(vec![0; pd.words as usize]),
            _ => Err(format!("invalid value; expected {}", name_of(prog, pt))),
        };
    };
    if matches!(pd.kind, TypeKind::Interface) {
        if prog.missing_method(v.t, pt).is_none() {
            return Ok(vec![b]);
        }
        return Err(format!(
            "wrong type for value; expected {}; got {}",
            name_of(prog, pt),
            name_of(prog, v.t)
        ));
    }
    if v.t == pt {
        return Ok(v.w);
    }
    if conv {
        let w = v.w0();
        let vk = &prog.ty(v.t).kind;
        let out = match (&pd.kind, vk) {
            (TypeKind::Int { bits, signed: true }, TypeKind::Int { .. }) => {
                let sh = 64 - bits.min(&64);
                Some(((w << sh) as i64 >> sh) as u64)
            }
            (
                TypeKind::Int {
                    bits,
                    signed: false,
                },
                TypeKind::Int { .. },
            ) => Some(if *bits >= 64 {
                w
            } else {
                w & ((1u64 << bits) - 1)
            }),
            (TypeKind::Uintptr, TypeKind::Int { .. }) => Some(w),
            (TypeKind::Float { bits: 32 }, TypeKind::Float { .. }) => {
                Some((f64::from_bits(w) as f32 as f64).to_bits())
            }
            (TypeKind::Float { .. }, TypeKind::Float { .. }) => Some(w),
            (TypeKind::String, TypeKind::String) | (TypeKind::Bool, TypeKind::Bool) => {
                return Ok(v.w)
            }
            _ => None,
        };
        if let Some(o) = out {
            return Ok(vec![o]);
        }
    }
    if let TypeKind::Pointer(e) = prog.ty(v.t).kind {
        if e == pt {
            if v.w0() == 0 {
                return Err(format!(
                    "dereference of nil pointer of type {}",
                    name_of(prog, pt)
                ));
            }
            return Ok(cx.read_value(v.w0(), 0, e));
        }
    }
    Err(format!(
        "wrong type for value; expected {}; got {}",
        name_of(prog, pt),
        name_of(prog, v.t)
    ))
}

fn call_func(cx: &mut NativeCtx<'_>) -> NativeResult {
    let name = String::from_utf8_lossy(cx.str_ref(1)).into_owned();
    let b = cx.iface(0);
    let (ap, an, _) = cx.slice(2);
    let args: Vec<u64> = cx.read_words(ap, 0, an as usize);
    let addrs: Vec<Option<u64>> = args.iter().map(|&a| wrapped_ptr(cx, a)).collect();
    let args: Vec<u64> = args.into_iter().map(|a| plain_word(cx, a)).collect();
    let (cp, cn, _) = cx.slice(3);
    let prep = cx.bool(4);
    let bool_t = cx.slice_elem(3);
    let conv: Vec<bool> = cx
        .read_elems(cp, 0, cn as usize, bool_t)
        .iter()
        .map(|&x| x != 0)
        .collect();
    let fail = |cx: &mut NativeCtx<'_>, msg: &str| {
        cx.ret_iface(0, 0);
        cx.ret_iface(1, 0);
        cx.ret_int(2, 1);
        cx.ret_str(3, msg.as_bytes());
        cx.ret_iface(4, 0);
        NativeResult::Ok
    };
    let Some(c) = callee(cx, b, &name) else {
        return fail(
            cx,
            &format!("gol: can't call {name}: its signature is not supported in templates"),
        );
    };
    if c.results.is_empty() || c.results.len() > 2 {
        return fail(cx, "function must return 1 or 2 values");
    }
    let nfixed = if c.variadic {
        c.params.len() - 1
    } else {
        c.params.len()
    };
    if args.len() < nfixed || (!c.variadic && args.len() != nfixed) {
        return fail(
            cx,
            &format!(
                "wrong number of args for {name}: want {} got {}",
                c.params.len(),
                args.len()
            ),
        );
    }
    // The call builtin checks as Go's prepareArg; calls of commands as
    // Go's validateType with constants evaluated for the parameter.
    let convert = |cx: &NativeCtx<'_>, a: u64, pt: RtType, conv: bool, i: usize| {
        if prep {
            key_words(cx, a, pt).map_err(|m| format!("arg {i}: {m}"))
        } else {
            convert(cx, a, addrs.get(i).copied().flatten(), pt, conv)
        }
    };
    let mut words = Vec::new();
    for (i, &a) in args.iter().take(nfixed).enumerate() {
        match convert(cx, a, c.params[i], conv.get(i).copied().unwrap_or(false), i) {
            Ok(w) => words.extend(w),
            Err(m) => return fail(cx, &m),
        }
    }
    if c.variadic {
        let Some(&st) = c.params.last() else {
            return fail(cx, "bad variadic signature");
        };
        let elem = st;
        let mut ew = Vec::new();
        let n = args.len() - nfixed;
        for (i, &a) in args.iter().enumerate().skip(nfixed) {
            match convert(cx, a, elem, conv.get(i).copied().unwrap_or(false), i) {
                Ok(w) => ew.extend(w),
                Err(m) => return fail(cx, &m),
            }
        }
        let (p, l, cp) = if n == 0 {
            (0, 0, 0)
        } else {
            cx.new_slice(elem, &ew, n)
        };
        words.extend([p, l, cp]);
    }
    let r = match &c.target {
        Target::Method(f, recv) => {
            let mut all = recv.clone();
            all.extend(words);
            cx.call(*f, 0, &all)
        }
        Target::Value(fv) => cx.call_func_value(*fv, &words),
    };
    let out = match r {
        Ok(out) => out,
        Err(CallError::Panic { value, .. }) => {
            cx.ret_iface(0, 0);
            cx.ret_iface(1, 0);
            cx.ret_int(2, 2);
            cx.ret_str(3, b"");
            cx.ret_iface(4, value);
            return NativeResult::Ok;
        }
        Err(e) => return e.into_result(cx),
    };
    let r0 = c.results[0];
    let n0 = cx.program().ty(r0).words as usize;
    let w0 = out.get(..n0).map(<[u64]>::to_vec).unwrap_or_default();
    let rb = boxed(cx, r0, &w0);
    let eb = if c.results.len() == 2 {
        out.get(n0).copied().unwrap_or(0)
    } else {
        0
    };
    cx.ret_iface(0, rb);
    cx.ret_iface(1, eb);
    cx.ret_int(2, 0);
    cx.ret_str(3, b"");
    cx.ret_iface(4, 0);
    NativeResult::Ok
}

/// The words of key `b` for a map with key type `kt` (Go's
/// `prepareArg`: assignable, or an integer converted to an integer key).
fn key_words(cx: &NativeCtx<'_>, b: u64, kt: RtType) -> Result<Vec<u64>, String> {
    let prog = cx.program();
    let kd = prog.ty(kt);
    let Some(v) = unbox(cx, b) else {
        return match kd.kind {
            TypeKind::Pointer(_)
            | TypeKind::Map(..)
            | TypeKind::Chan(_)
            | TypeKind::Func
            | TypeKind::Slice(_)
            | TypeKind::Interface => Ok(vec![0; kd.words as usize]),
            _ => Err(format!(
                "value is nil; should be of type {}",
                name_of(prog, kt)
            )),
        };
    };
    if v.t == kt {
        return Ok(v.w);
    }
    if matches!(kd.kind, TypeKind::Interface) && prog.missing_method(v.t, kt).is_none() {
        return Ok(vec![b]);
    }
    let int_like = |k: &TypeKind| matches!(k, TypeKind::Int { .. } | TypeKind::Uintptr);
    if int_like(&kd.kind) && int_like(&prog.ty(v.t).kind) {
        let w = v.w0();
        let out = match kd.kind {
            TypeKind::Int { bits, signed: true } if bits < 64 => {
                let sh = 64 - bits;
                ((w << sh) as i64 >> sh) as u64
            }
            TypeKind::Int {
                bits,
                signed: false,
            } if bits < 64 => w & ((1u64 << bits) - 1),
            _ => w,
        };
        return Ok(vec![out]);
    }
    Err(format!(
        "value has type {}; should be {}",
        name_of(prog, v.t),
        name_of(prog, kt)
    ))
}

fn map_index(cx: &mut NativeCtx<'_>) -> NativeResult {
    let mut res = (0u64, 1i64, String::new());
    if let Some(m) = arg(cx, 0) {
        if let TypeKind::Map(kt, vt) = kind(cx, m.t) {
            let kb = cx.iface(1);
            let kb = plain_word(cx, kb);
            match key_words(cx, kb, kt) {
                Err(msg) => res = (0, 2, msg),
                Ok(key) => {
                    let prog = cx.program_arc();
                    let mut hit = None;
                    cx.race_access(m.w0(), 1, 1, false);
                    gol_vm::map::for_each(&prog, m.w0(), |k, v| {
                        if hit.is_none()
                            && gol_vm::map::fmt_compare(&prog, kt, k, &key)
                                == std::cmp::Ordering::Equal
                        {
                            hit = Some(v.to_vec());
                        }
                    });
                    if let Some(v) = hit {
                        res = (boxed(cx, vt, &v), 0, String::new());
                    }
                }
            }
        }
    }
    cx.ret_iface(0, res.0);
    cx.ret_int(1, res.1);
    cx.ret_str(2, res.2.as_bytes());
    NativeResult::Ok
}

fn map_zero(cx: &mut NativeCtx<'_>) -> NativeResult {
    let mut r = 0;
    if let Some(m) = arg(cx, 0) {
        if let TypeKind::Map(_, vt) = kind(cx, m.t) {
            let n = cx.program().ty(vt).words as usize;
            r = boxed(cx, vt, &vec![0; n]);
        }
    }
    cx.ret_iface(0, r);
    NativeResult::Ok
}

/// The element type of slice result `k` of this native.
fn result_elem(cx: &NativeCtx<'_>, k: usize) -> RtType {
    let t = cx.signature().1.get(k).copied().unwrap_or(RtType(0));
    match cx.program().ty(t).kind {
        TypeKind::Slice(e) => e,
        _ => RtType(0),
    }
}

fn map_entries(cx: &mut NativeCtx<'_>) -> NativeResult {
    let any_t = result_elem(cx, 0);
    let (mut ks, mut vs) = (Vec::new(), Vec::new());
    if let Some(m) = arg(cx, 0) {
        if let TypeKind::Map(kt, vt) = kind(cx, m.t) {
            cx.race_access(m.w0(), 1, 1, false);
            let entries = gol_vm::map::sorted_entries(cx.program(), m.w0());
            for (k, v) in entries {
                ks.push(boxed(cx, kt, &k));
                vs.push(boxed(cx, vt, &v));
            }
        }
    }
    let n = ks.len();
    let (a, b) = if n == 0 {
        ((0, 0, 0), (0, 0, 0))
    } else {
        (cx.new_slice(any_t, &ks, n), cx.new_slice(any_t, &vs, n))
    };
    cx.ret_slice(0, a);
    cx.ret_slice(1, b);
    NativeResult::Ok
}

/// len(v) for the kinds that have one.
fn len_of(cx: &NativeCtx<'_>, v: &Val) -> Option<u64> {
    match kind(cx, v.t) {
        TypeKind::String | TypeKind::Slice(_) => Some(v.w.get(1).copied().unwrap_or(0)),
        TypeKind::Array(n, _) => Some(n),
        TypeKind::Map(..) => {
            let mut n = 0;
            cx.race_access(v.w0(), 1, 1, false);
            gol_vm::map::for_each(cx.program(), v.w0(), |_, _| n += 1);
            Some(n)
        }
        _ => None,
    }
}

fn length(cx: &mut NativeCtx<'_>) -> NativeResult {
    let n = arg(cx, 0)
        .and_then(|v| len_of(cx, &v))
        .map_or(-1, |n| n as i64);
    cx.ret_int(0, n);
    NativeResult::Ok
}

fn cap_of(cx: &mut NativeCtx<'_>) -> NativeResult {
    let n = match arg(cx, 0) {
        Some(v) => match kind(cx, v.t) {
            TypeKind::Slice(_) => v.w.get(2).copied().unwrap_or(0) as i64,
            _ => len_of(cx, &v).map_or(-1, |n| n as i64),
        },
        None => -1,
    };
    cx.ret_int(0, n);
    NativeResult::Ok
}

fn elem_of(cx: &mut NativeCtx<'_>) -> NativeResult {
    let i = cx.int(1);
    let mut r = 0;
    let mut addr = false;
    if let Some(v) = arg(cx, 0) {
        let n = len_of(cx, &v).unwrap_or(0);
        if i >= 0 && (i as u64) < n {
            let i = i as u64;
            match kind(cx, v.t) {
                TypeKind::String => {
                    let s = cx.string_at(v.w0(), n);
                    if let Some(u8_t) = unique_type(cx.program(), "uint8") {
                        r = cx.new_box(u8_t, &[s[i as usize] as u64]);
                    }
                }
                TypeKind::Slice(e) => {
                    if let Some(pt) = ptr_with_more_methods(cx.program(), e) {
                        let size = cx.program().ty(e).size;
                        r = cx.new_box(pt, &[v.w0() + i * size]);
                        addr = true;
                    } else {
                        let w = cx.read_elems(v.w0(), i, 1, e);
                        r = boxed(cx, e, &w);
                    }
                }
                TypeKind::Array(_, e) => {
                    let ew = cx.program().ty(e).words as usize;
                    let at = i as usize * ew;
                    let w =
                        v.w.get(at..at + ew)
                            .map(<[u64]>::to_vec)
                            .unwrap_or_default();
                    r = boxed(cx, e, &w);
                }
                _ => {}
            }
        }
    }
    cx.ret_iface(0, r);
    cx.ret_bool(1, addr);
    NativeResult::Ok
}

fn slice_of(cx: &mut NativeCtx<'_>) -> NativeResult {
    let (i, j, k, three) = (cx.int(1), cx.int(2), cx.int(3), cx.bool(4));
    let mut r = 0;
    if let Some(v) = arg(cx, 0) {
        match kind(cx, v.t) {
            TypeKind::String => {
                let n = v.w.get(1).copied().unwrap_or(0) as i64;
                if 0 <= i && i <= j && j <= n {
                    let s = cx.string_at(v.w0(), n as u64);
                    let (p, l) = cx.new_string(&s[i as usize..j as usize]);
                    r = cx.new_box(v.t, &[p, l]);
                }
            }
            TypeKind::Slice(e) => {
                let c = v.w.get(2).copied().unwrap_or(0) as i64;
                let k = if three { k } else { c };
                if 0 <= i && i <= j && j <= k && k <= c {
                    let size = cx.program().ty(e).size;
                    let p = if c == 0 {
                        v.w0()
                    } else {
                        v.w0() + i as u64 * size
                    };
                    r = cx.new_box(v.t, &[p, (j - i) as u64, (k - i) as u64]);
                }
            }
            _ => {}
        }
    }
    cx.ret_iface(0, r);
    NativeResult::Ok
}

fn truth(cx: &mut NativeCtx<'_>) -> NativeResult {
    let (t, ok) = match arg(cx, 0) {
        None => (false, true),
        Some(v) => match kind(cx, v.t) {
            TypeKind::Array(..) | TypeKind::Map(..) | TypeKind::Slice(_) | TypeKind::String => {
                (len_of(cx, &v).unwrap_or(0) > 0, true)
            }
            TypeKind::Bool | TypeKind::Int { .. } | TypeKind::Uintptr => (v.w0() != 0, true),
            TypeKind::Float { .. } => (f64::from_bits(v.w0()) != 0.0, true),
            // Two float slots: true unless both parts are zero.
            TypeKind::Complex { .. } => {
                (v.w.iter().take(2).any(|&w| f64::from_bits(w) != 0.0), true)
            }
            TypeKind::Chan(_) | TypeKind::Func | TypeKind::Pointer(_) | TypeKind::Interface => {
                (v.w0() != 0, true)
            }
            TypeKind::Struct(_) => (true, true),
        },
    };
    cx.ret_bool(0, t);
    cx.ret_bool(1, ok);
    NativeResult::Ok
}

fn basic(cx: &mut NativeCtx<'_>) -> NativeResult {
    let (mut k, mut i, mut u, mut f, mut s) = (K_INVALID, 0i64, 0u64, 0f64, Vec::new());
    if let Some(v) = arg(cx, 0) {
        let w = v.w0();
        match kind(cx, v.t) {
            TypeKind::Bool => (k, i) = (K_BOOL, w as i64),
            TypeKind::Int { signed: true, .. } => (k, i) = (K_INT, w as i64),
            TypeKind::Int { signed: false, .. } | TypeKind::Uintptr => (k, u) = (K_UINT, w),
            TypeKind::Float { .. } => (k, f) = (K_FLOAT, f64::from_bits(w)),
            TypeKind::String => {
                k = K_STRING;
                s = cx.string_at(w, v.w.get(1).copied().unwrap_or(0));
            }
            other => k = kind_code(&other),
        }
    }
    cx.ret_int(0, k);
    cx.ret_int(1, i);
    cx.ret_uint(2, u);
    cx.ret_float(3, f);
    cx.ret_str(4, &s);
    NativeResult::Ok
}

/// Whether values of type `t` print themselves (error or Stringer).
fn prints_itself(cx: &NativeCtx<'_>, t: RtType) -> bool {
    crate::natives::fmt::implements(cx, t, "Error", "func() string")
        || crate::natives::fmt::implements(cx, t, "String", "func() string")
}

fn printable(cx: &mut NativeCtx<'_>) -> NativeResult {
    let b = cx.iface(0);
    // An addressable value prints as Go prints one: through its pointer
    // type's method when only that type has it.
    let b = wrapped_ptr(cx, b).unwrap_or(b);
    let (mut r, mut ok) = (b, true);
    if let Some(v) = raw_unbox(cx, b) {
        let mut cur = v.clone();
        if let TypeKind::Pointer(_) = kind(cx, v.t) {
            // Follow the pointers; the last pointer stands for the value
            // when only its type prints itself (Go's Addr of an
            // addressable value).
            let mut last_ptr = v.clone();
            let mut nil_stop = false;
            for _ in 0..MAX_POINTERS {
                let TypeKind::Pointer(e) = kind(cx, cur.t) else {
                    break;
                };
                if cur.w0() == 0 {
                    nil_stop = true;
                    break;
                }
                last_ptr = cur.clone();
                let w = cx.read_value(cur.w0(), 0, e);
                cur = if matches!(kind(cx, e), TypeKind::Interface) {
                    match unbox(cx, w.first().copied().unwrap_or(0)) {
                        Some(x) => x,
                        None => {
                            nil_stop = true;
                            break;
                        }
                    }
                } else {
                    Val { t: e, w }
                };
            }
            if nil_stop {
                r = boxed(cx, cur.t, &cur.w);
            } else if !prints_itself(cx, cur.t) && prints_itself(cx, last_ptr.t) {
                r = boxed(cx, last_ptr.t, &last_ptr.w);
            } else {
                r = boxed(cx, cur.t, &cur.w);
            }
        }
        if !prints_itself(cx, cur.t)
            && matches!(kind(cx, cur.t), TypeKind::Chan(_) | TypeKind::Func)
        {
            ok = false;
        }
    }
    cx.ret_iface(0, r);
    cx.ret_bool(1, ok);
    NativeResult::Ok
}

/// Whether values of type `t` may be compared with `==` (interfaces are,
/// though comparing two holding an incomparable type panics in Go).
fn comparable(prog: &Program, t: RtType, depth: usize) -> bool {
    if depth > 100 {
        return false;
    }
    match &prog.ty(t).kind {
        TypeKind::Slice(_) | TypeKind::Map(..) | TypeKind::Func => false,
        TypeKind::Array(_, e) => comparable(prog, *e, depth + 1),
        TypeKind::Struct(fs) => fs.iter().all(|f| comparable(prog, f.ty, depth + 1)),
        _ => true,
    }
}

fn same_ref(cx: &mut NativeCtx<'_>) -> NativeResult {
    let (a, b) = (arg(cx, 0), arg(cx, 1));
    let (eq, ok) = match (a, b) {
        (Some(a), Some(b)) if a.t == b.t => match kind(cx, a.t) {
            TypeKind::Pointer(_) | TypeKind::Chan(_) => (a.w0() == b.w0(), true),
            TypeKind::Struct(_) | TypeKind::Array(..) if comparable(cx.program(), a.t, 0) => {
                // fmt's order is Go's == on comparable values (fields in
                // order, strings by bytes, interfaces by type then value),
                // except that it takes NaN as equal to NaN.
                let prog = cx.program();
                let eq =
                    gol_vm::map::fmt_compare(prog, a.t, &a.w, &b.w) == std::cmp::Ordering::Equal;
                (eq, true)
            }
            _ => (false, false),
        },
        _ => (false, false),
    };
    cx.ret_bool(0, eq);
    cx.ret_bool(1, ok);
    NativeResult::Ok
}

fn last_pointer(cx: &mut NativeCtx<'_>) -> NativeResult {
    let b = cx.iface(0);
    let mut cur = raw_unbox(cx, wrapped_ptr(cx, b).unwrap_or(b));
    let mut last: Option<Val> = None;
    for _ in 0..MAX_POINTERS {
        let Some(v) = cur.clone() else { break };
        let TypeKind::Pointer(e) = kind(cx, v.t) else {
            break;
        };
        if v.w0() == 0 {
            break;
        }
        let w = cx.read_value(v.w0(), 0, e);
        if matches!(kind(cx, e), TypeKind::Interface) {
            // The value in an interface is not addressable.
            cur = unbox(cx, w.first().copied().unwrap_or(0));
            last = None;
        } else {
            cur = Some(Val { t: e, w });
            last = Some(v);
        }
    }
    let r = match last {
        Some(p) => cx.new_box(p.t, &p.w),
        None => 0,
    };
    cx.ret_iface(0, r);
    NativeResult::Ok
}

fn slice_addr(cx: &mut NativeCtx<'_>) -> NativeResult {
    let (i, j, k) = (cx.int(1), cx.int(2), cx.int(3));
    let b = cx.iface(0);
    // The last pointer on the way, which points at the array.
    let mut cur = raw_unbox(cx, wrapped_ptr(cx, b).unwrap_or(b));
    let mut arr: Option<(u64, RtType)> = None;
    for _ in 0..MAX_POINTERS {
        let Some(v) = cur.clone() else { break };
        let TypeKind::Pointer(e) = kind(cx, v.t) else {
            break;
        };
        if v.w0() == 0 {
            break;
        }
        let w = cx.read_value(v.w0(), 0, e);
        match kind(cx, e) {
            TypeKind::Interface => {
                cur = unbox(cx, w.first().copied().unwrap_or(0));
                arr = None;
            }
            TypeKind::Array(..) => {
                arr = Some((v.w0(), e));
                break;
            }
            _ => cur = Some(Val { t: e, w }),
        }
    }
    let mut r = 0;
    if let Some((addr, at)) = arr {
        if let TypeKind::Array(n, e) = kind(cx, at) {
            let prog = cx.program();
            let st = unique_type(prog, &format!("[]{}", prog.ty(e).name))
                .filter(|&st| matches!(prog.ty(st).kind, TypeKind::Slice(x) if x == e));
            let n = n as i64;
            if let Some(st) = st {
                if 0 <= i && i <= j && j <= k && k <= n {
                    let size = prog.ty(e).size;
                    r = cx.new_box(
                        st,
                        &[addr + i as u64 * size, (j - i) as u64, (k - i) as u64],
                    );
                }
            }
        }
    }
    cx.ret_iface(0, r);
    cx.ret_bool(1, r != 0);
    NativeResult::Ok
}

fn int_as(cx: &mut NativeCtx<'_>) -> NativeResult {
    let n = cx.uint(1);
    let r = match arg(cx, 0) {
        Some(v) if matches!(kind(cx, v.t), TypeKind::Int { .. } | TypeKind::Uintptr) => {
            cx.new_box(v.t, &[n])
        }
        _ => 0,
    };
    cx.ret_iface(0, r);
    NativeResult::Ok
}

fn check_arg(cx: &mut NativeCtx<'_>) -> NativeResult {
    let name = String::from_utf8_lossy(cx.str_ref(1)).into_owned();
    let (i, v, conv) = (cx.int(2), cx.iface(3), cx.bool(4));
    let addr = wrapped_ptr(cx, v);
    let v = plain_word(cx, v);
    let msg = match callee(cx, cx.iface(0), &name) {
        None => String::new(),
        Some(c) => {
            let k = if c.variadic {
                (i.max(0) as usize).min(c.params.len().saturating_sub(1))
            } else {
                i.max(0) as usize
            };
            match c.params.get(k) {
                Some(&pt) => convert(cx, v, addr, pt, conv).err().unwrap_or_default(),
                None => String::new(),
            }
        }
    };
    cx.ret_str(0, msg.as_bytes());
    NativeResult::Ok
}

fn is_nil(cx: &mut NativeCtx<'_>) -> NativeResult {
    let n = match arg(cx, 0) {
        None => true,
        Some(v) => match kind(cx, v.t) {
            TypeKind::Pointer(_)
            | TypeKind::Map(..)
            | TypeKind::Chan(_)
            | TypeKind::Func
            | TypeKind::Slice(_)
            | TypeKind::Interface => v.w0() == 0,
            _ => false,
        },
    };
    cx.ret_bool(0, n);
    NativeResult::Ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn func_type_names_split_into_parameters_and_results() {
        let s = parse_sig("func(int, ...string) (string, error)").expect("parses");
        assert_eq!(s.params, vec!["int", "string"]);
        assert!(s.variadic);
        assert_eq!(s.results, vec!["string", "error"]);
        let s = parse_sig("func(func(int) int, map[string]int) bool").expect("parses");
        assert_eq!(s.params, vec!["func(int) int", "map[string]int"]);
        assert!(!s.variadic);
        assert_eq!(s.results, vec!["bool"]);
        let s = parse_sig("func()").expect("parses");
        assert!(s.params.is_empty() && s.results.is_empty());
        assert!(parse_sig("main.T").is_none());
    }
}
