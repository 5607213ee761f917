//! Panics, fatal errors and their reports, as Go prints them.
//!
//! An unrecovered panic prints `panic: ` and the value (strings as they
//! are, errors by their `Error` text, numbers as `print` does), a blank
//! line, `goroutine N [running]:` and the stack at the moment of the panic:
//! for each frame, innermost first, `pkg.func(...)` and a tab-indented
//! `file:line +0xoffset` (the offset is the instruction index times four:
//! stable, like Go's, within one build). Frames of the runtime's own entry
//! function are hidden, as Go hides `runtime.main`. Exit status 2.
//! A panic started inside a deferred call that an earlier panic runs
//! shows the earlier panic's frames too, below a `panic(...)` frame: the
//! deferred call runs on top of them (interp/unwind.rs), as in Go.
//! How many goroutines a report shows follows `GOTRACEBACK`
//! (traceback.rs): none prints the message alone.

use crate::goroutine::{PanicValue, G};
use crate::value;
use crate::Vm;
use gol_lang::bytecode::{PrintKind, Program, RtType, TypeKind};

/// Prints the report of the goroutine's unrecovered panic. Values that
/// are errors or Stringers print as their `Error()` or `String()`, as Go's
/// `preprintpanics` does: the methods have run on the panicking goroutine
/// before anything is printed (`interp::method_text`, called by the
/// executor: running Go code is the interpreter's business, above this
/// module), and `method_text` gives the text each returned, if any.
pub(crate) fn report(
    vm: &mut Vm,
    g: &G,
    method_text: &mut dyn FnMut(&mut Vm, u64) -> Option<Vec<u8>>,
) {
    let Some(p) = &g.panicking else {
        return;
    };
    let mut method_texts = Vec::new();
    // A Goexit a panic interrupted is not printed (as in Go).
    let shown = |v: &PanicValue| *v != PanicValue::Goexit;
    for v in p
        .earlier
        .iter()
        .map(|e| &e.0)
        .chain([&p.value])
        .filter(|v| shown(v))
    {
        method_texts.push(match v {
            PanicValue::Value(b) => method_text(vm, *b),
            PanicValue::Runtime(_) | PanicValue::Goexit => None,
        });
    }
    let vm: &Vm = vm;
    let mut out = Vec::new();
    let mut signal = false;
    let chain = p
        .earlier
        .iter()
        .map(|(v, rec)| (v, *rec, false))
        .chain([(&p.value, p.recovered, p.repanicked)])
        .filter(|(v, _, _)| shown(v));
    for (k, (v, recovered, repanicked)) in chain.enumerate() {
        if k > 0 {
            out.push(b'\t');
        }
        out.extend_from_slice(b"panic: ");
        match (v, method_texts.get(k).and_then(|t| t.as_ref())) {
            (PanicValue::Runtime(msg), _) => {
                out.extend_from_slice(msg.as_bytes());
                signal |= msg.ends_with("nil pointer dereference");
            }
            (PanicValue::Value(_), Some(text)) => out.extend_from_slice(text),
            (PanicValue::Value(v), None) => out.extend_from_slice(&panic_value_text(vm, *v)),
            (PanicValue::Goexit, _) => {}
        }
        if repanicked {
            out.extend_from_slice(b" [recovered, repanicked]");
        } else if recovered {
            out.extend_from_slice(b" [recovered]");
        }
        out.push(b'\n');
    }
    if signal {
        out.extend_from_slice(
            b"[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n",
        );
    }
    // GOTRACEBACK=none: the message alone (traceback.rs).
    if crate::gotraceback::setting().level > crate::gotraceback::Level::None {
        out.extend_from_slice(crate::traceback::running_header(g).as_bytes());
        write_trace(vm, &p.trace, &mut out);
    }
    crate::stdio::write_report(&out);
}

/// Prints a fatal error (`fatal error: msg`) with the goroutine's stack.
pub(crate) fn fatal(vm: &Vm, g: &G, msg: &str) {
    let mut out = Vec::new();
    if msg == "stack overflow" {
        out.extend_from_slice(b"runtime: goroutine stack exceeds 1000000000-byte limit\n");
        // Go's `throw`, a runtime throw (the others here are `fatal`).
        crate::traceback::set_throwing();
    }
    out.extend_from_slice(format!("fatal error: {msg}\n").as_bytes());
    if crate::gotraceback::setting().level == crate::gotraceback::Level::None {
        crate::stdio::write_report(&out);
        return;
    }
    out.extend_from_slice(crate::traceback::running_header(g).as_bytes());
    write_trace(vm, &capture(g), &mut out);
    if g.frames.len() > 100 {
        out.extend_from_slice(b"...additional frames elided...\n");
    }
    crate::stdio::write_report(&out);
}

/// Go's traces show a deferred call that a panic runs as called by
/// `panic`: this function index stands for that frame. (One that Goexit
/// runs is called by `runtime.Goexit`, whose frame is the one below it:
/// `write_trace` leaves this one out there, see [`run_by_panic`].)
pub(crate) const PANIC_FRAME: u32 = u32::MAX;

/// The name of the function whose frame a Goexit's deferred calls run on.
const GOEXIT: &str = "runtime.Goexit";

/// Whether a deferred call run by a panic or Goexit (a `deferred_panic`
/// frame) whose frame sits on one of function `below` is called by `panic`
/// rather than by `runtime.Goexit`: Goexit runs its deferred calls on top
/// of its own frame (interp/unwind.rs), a panic on top of the panic site,
/// which is never `runtime.Goexit` (it does not panic).
pub(crate) fn run_by_panic(prog: &Program, below: Option<u32>) -> bool {
    below
        .and_then(|f| prog.funcs.get(f as usize))
        .is_none_or(|f| f.name != GOEXIT)
}

/// The stack as (function, next pc) pairs, innermost first, with a
/// [`PANIC_FRAME`] under each deferred call that a panic or Goexit runs.
pub(crate) fn capture(g: &G) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for f in g.frames.iter().rev() {
        if out.len() >= 100 {
            break;
        }
        out.push((f.func, f.return_addr()));
        if f.deferred_panic {
            out.push((PANIC_FRAME, 0));
        }
    }
    out
}

pub(crate) fn write_trace(vm: &Vm, trace: &[(u32, u32)], out: &mut Vec<u8>) {
    let cwd = std::env::current_dir().ok();
    for (k, &(func, pc)) in trace.iter().enumerate() {
        if func == PANIC_FRAME {
            if run_by_panic(&vm.prog, trace.get(k + 1).map(|e| e.0)) {
                out.extend_from_slice(b"panic(...)\n\truntime/panic.go:0 +0x0\n");
            }
            continue;
        }
        let Some(f) = vm.prog.funcs.get(func as usize) else {
            continue;
        };
        // The wrapper a method value calls through (`main.T.M-fm`) is
        // code the compiler made up: Go's tracebacks elide it. Of the
        // runtime's frames Go shows `runtime.Goexit` (under the deferred
        // calls it runs), not the entry function's.
        if (f.name.starts_with("runtime.") && f.name != GOEXIT) || f.name.ends_with("-fm") {
            continue;
        }
        let at = pc.saturating_sub(1) as usize;
        let line = f.lines.get(at).copied().unwrap_or(0);
        let args = if f.param_words == 0 { "()" } else { "(...)" };
        if line == 0 {
            // A native's wrapper has no source: name its package.
            out.extend_from_slice(
                format!(
                    "{}{}\n\t<gol>/{} (native)\n",
                    f.name,
                    args,
                    package_of(&f.name)
                )
                .as_bytes(),
            );
            continue;
        }
        let path = path_in(cwd.as_deref(), vm, f.file_at(at));
        out.extend_from_slice(
            format!(
                "{}{}\n\t{}:{} +0x{:x}\n",
                f.name,
                args,
                path,
                line,
                pc_offset(at)
            )
            .as_bytes(),
        );
    }
}

/// The `+0x` offset a trace prints for instruction `at` of a function
/// (module docs): every report that names an instruction (traces, the
/// crash dumps, a fault's signal line) prints this one.
pub(crate) fn pc_offset(at: usize) -> u64 {
    at as u64 * 4
}

/// The import path of the package of function `name` (`sync` for
/// `sync.(*Mutex).Lock`, `runtime/debug` for `runtime/debug.Stack`).
pub(crate) fn package_of(name: &str) -> &str {
    let dir = name.rfind('/').map_or(0, |i| i + 1);
    match name[dir..].find('.') {
        Some(i) => &name[..dir + i],
        None => name,
    }
}

/// The path of source file `file` as traces print it
/// (`gol_lang::bytecode::trace_path`: relative paths joined to the
/// working directory, as Go prints the absolute path the compiler saw;
/// pseudo-files as they are).
pub(crate) fn source_path(vm: &Vm, file: u32) -> String {
    path_in(std::env::current_dir().ok().as_deref(), vm, file)
}

fn path_in(cwd: Option<&std::path::Path>, vm: &Vm, file: u32) -> String {
    let name = vm.prog.files.get(file as usize).map_or("", |s| s.as_str());
    gol_lang::bytecode::trace_path(cwd, name)
}

/// How `panic` prints its value: Go's `printpanicval`.
pub(crate) fn panic_value_text(vm: &Vm, v: u64) -> Vec<u8> {
    if v == 0 {
        return b"nil".to_vec();
    }
    // SAFETY: a non-zero interface word points at a box whose first word
    // is a type index (value invariant 3).
    let t = unsafe { value::read_word(v, 0) };
    let Some(desc) = vm.prog.types.get(t as usize) else {
        return b"?".to_vec();
    };
    // SAFETY: the box holds the type's words after the type word.
    let w1 = unsafe { value::read_word(v, 1) };
    let mut out = Vec::new();
    // A recovered runtime error panicked again prints its message, as
    // Go prints an error value.
    let named = desc.name.contains('.') && !vm.is_runtime_error(RtType(t as u32));
    if named && !matches!(desc.kind, TypeKind::Struct(_) | TypeKind::Pointer(_)) {
        out.extend_from_slice(desc.name.as_bytes());
        out.push(b'(');
    }
    match desc.kind {
        TypeKind::String => {
            // SAFETY: a string box holds (ptr, len) in words 1 and 2.
            let len = unsafe { value::read_word(v, 2) };
            // SAFETY: value invariant 1.
            let s = unsafe { value::str_bytes(w1, len) };
            if named {
                out.push(b'"');
                out.extend_from_slice(s);
                out.push(b'"');
            } else {
                out.extend_from_slice(s);
            }
        }
        TypeKind::Bool => out.extend_from_slice(if w1 != 0 { b"true" } else { b"false" }),
        TypeKind::Int { signed: true, .. } => {
            out.extend_from_slice((w1 as i64).to_string().as_bytes())
        }
        TypeKind::Int { signed: false, .. } | TypeKind::Uintptr => {
            out.extend_from_slice(w1.to_string().as_bytes())
        }
        TypeKind::Float { bits } => {
            out.extend_from_slice(&(vm.hooks.format_float)(f64::from_bits(w1), bits))
        }
        TypeKind::Complex { bits } => {
            // SAFETY: a complex box holds (re, im) in words 1 and 2.
            let w2 = unsafe { value::read_word(v, 2) };
            out.extend(complex_text(vm, w1, w2, bits))
        }
        _ => {
            out.extend_from_slice(format!("({}) 0x{:x}", desc.name, v).as_bytes());
            return out;
        }
    }
    if named {
        out.push(b')');
    }
    out
}

/// A complex value as `print` and `panic` write it: `(re+imi)`, each
/// part as a float of half the bits, the imaginary part always signed.
fn complex_text(vm: &Vm, re: u64, im: u64, bits: u32) -> Vec<u8> {
    let mut out = b"(".to_vec();
    out.extend((vm.hooks.format_float)(f64::from_bits(re), bits / 2));
    let im = (vm.hooks.format_float)(f64::from_bits(im), bits / 2);
    if im.first() != Some(&b'-') {
        out.push(b'+');
    }
    out.extend(im);
    out.extend_from_slice(b"i)");
    out
}

/// The text `print`/`println` writes for one operand.
pub(crate) fn print_text(vm: &Vm, k: PrintKind, w: &[u64]) -> Vec<u8> {
    let a = w.first().copied().unwrap_or(0);
    match k {
        PrintKind::Bool => (if a != 0 { "true" } else { "false" }).into(),
        PrintKind::Int => (a as i64).to_string().into_bytes(),
        PrintKind::Uint => a.to_string().into_bytes(),
        PrintKind::F64 => (vm.hooks.format_float)(f64::from_bits(a), 64),
        PrintKind::F32 => (vm.hooks.format_float)(f64::from_bits(a), 32),
        PrintKind::Complex64 => complex_text(vm, a, w.get(1).copied().unwrap_or(0), 64),
        PrintKind::Complex128 => complex_text(vm, a, w.get(1).copied().unwrap_or(0), 128),
        PrintKind::Str => {
            let len = w.get(1).copied().unwrap_or(0);
            // SAFETY: the two words are a string value (value invariant 1).
            unsafe { value::str_bytes(a, len) }.to_vec()
        }
        PrintKind::Pointer => format!("0x{a:x}").into_bytes(),
        PrintKind::Iface => {
            let t = if a == 0 {
                0
            } else {
                // SAFETY: value invariant 3.
                unsafe { value::read_word(a, 0) }
            };
            format!("(0x{t:x},0x{a:x})").into_bytes()
        }
        PrintKind::Slice => {
            let len = w.get(1).copied().unwrap_or(0);
            let cap = w.get(2).copied().unwrap_or(0);
            format!("[{len}/{cap}]0x{a:x}").into_bytes()
        }
        PrintKind::Space => b" ".to_vec(),
        PrintKind::Newline => b"\n".to_vec(),
    }
}

/// The interface word `recover` gives for the runtime error with message
/// `msg`: a box of the runtime error type Go gives it (see
/// `gol_lang::bytecode::RUNTIME_ERROR_TYPES`) holding the message, so
/// `r.(error)` and `r.(runtime.Error)` hold and `Error()` gives the
/// message.
///
/// A failed type assertion is Go's `*runtime.TypeAssertionError`. The
/// code generator's stand-in of that name has no place in the program's
/// type table for `r.(*runtime.TypeAssertionError)` or `errors.As` to
/// match, so when the program has the real type (runtime.go's, named by
/// the program and compiled with its methods) the value is that: a
/// pointer to a new `runtime.TypeAssertionError` whose field `msg` holds
/// the message. A program that never names the type gets the stand-in,
/// which prints and behaves the same.
pub(crate) fn runtime_error_value(vm: &mut Vm, msg: &str) -> u64 {
    if msg.starts_with("interface conversion:") {
        if let Some(real) = type_assertion_error(&vm.prog) {
            let obj = vm.alloc_mem(real.elem, 1);
            let (sp, sl) = vm.new_string(msg.as_bytes());
            // SAFETY: `obj` is a fresh object of the struct type, whose
            // field `msg` is a string at byte `moff` (checked by
            // `type_assertion_error`).
            unsafe { vm.store_values(real.msg_type, obj + real.msg_off, &[sp, sl], 1) };
            return vm.new_box(real.ptr, &[obj]);
        }
    }
    let (sp, sl) = vm.new_string(msg.as_bytes());
    let t = vm.runtime_error_type(msg);
    vm.new_box(t, &[sp, sl])
}

/// The message of `b` when it is a value `runtime_error_value` makes (an
/// interface word), else None: what a re-panic compares with the runtime
/// error it recovered.
pub(crate) fn runtime_error_message(prog: &Program, b: u64) -> Option<Vec<u8>> {
    let t = box_type(b)?;
    let desc = prog.types.get(t.0 as usize)?;
    if matches!(desc.kind, TypeKind::String)
        && gol_lang::bytecode::RUNTIME_ERROR_TYPES.contains(&desc.name.as_str())
    {
        // SAFETY: a runtime error box holds a string (ptr, len) after its
        // type word (value invariants 1 and 3).
        return Some(
            unsafe { value::str_bytes(value::read_word(b, 1), value::read_word(b, 2)) }.to_vec(),
        );
    }
    let real = type_assertion_error(prog)?;
    if t != real.ptr {
        return None;
    }
    // SAFETY: a box of a pointer type holds the pointer in word 1.
    let obj = unsafe { value::read_word(b, 1) };
    if obj == 0 {
        return None;
    }
    // SAFETY: a non-nil `*runtime.TypeAssertionError` points at the
    // struct, whose field `msg` is a string at `msg_off` (a string's
    // memory layout is its two slot words).
    let (p, l) = unsafe {
        (
            value::read_word(obj + real.msg_off, 0),
            value::read_word(obj + real.msg_off, 1),
        )
    };
    // SAFETY: value invariant 1.
    Some(unsafe { value::str_bytes(p, l) }.to_vec())
}

/// The program's own `*runtime.TypeAssertionError` (see
/// `runtime_error_value`).
struct RealTypeAssertionError {
    ptr: RtType,
    elem: RtType,
    msg_type: RtType,
    msg_off: u64,
}

/// Finds `*runtime.TypeAssertionError` as runtime.go declares it, with its
/// `Error` method compiled; None in a program without it. A scan of the
/// type table: it runs only when a failed assertion is recovered.
fn type_assertion_error(prog: &Program) -> Option<RealTypeAssertionError> {
    prog.types.iter().enumerate().find_map(|(k, d)| {
        if d.name != "*runtime.TypeAssertionError" || d.method(b"Error").is_none() {
            return None;
        }
        let TypeKind::Pointer(elem) = d.kind else {
            return None;
        };
        let TypeKind::Struct(fields) = &prog.types.get(elem.0 as usize)?.kind else {
            return None;
        };
        let f = fields.iter().find(|f| f.name == "msg")?;
        matches!(prog.types.get(f.ty.0 as usize)?.kind, TypeKind::String).then_some(
            RealTypeAssertionError {
                ptr: RtType(k as u32),
                elem,
                msg_type: f.ty,
                msg_off: f.moff,
            },
        )
    })
}

/// The runtime type of a box.
pub(crate) fn box_type(v: u64) -> Option<RtType> {
    if v == 0 {
        return None;
    }
    // SAFETY: value invariant 3.
    Some(RtType(unsafe { value::read_word(v, 0) } as u32))
}

/// Which bounds check failed, as Go's `runtime.boundsErrorCode` names them:
/// `x` is the offending index, `y` what it was checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bounds {
    /// `s[x]` with `0 <= x < len` false: `y` is the length.
    Index,
    /// `s[?:x]` on a string or array: `x > len(s)` (`y`).
    SliceAlen,
    /// `s[?:x]` on a slice: `x > cap(s)` (`y`).
    SliceAcap,
    /// `s[x:y]` with `x > y`.
    SliceB,
    /// `s[?:?:x]` on an array: `x > len(s)` (`y`).
    Slice3Alen,
    /// `s[?:?:x]` on a slice: `x > cap(s)` (`y`).
    Slice3Acap,
    /// `s[?:x:y]` with `x > y`.
    Slice3B,
    /// `s[x:y:?]` with `x > y`.
    Slice3C,
}

/// The text of a failed bounds check, as Go's `boundsError.Error` writes it:
/// a negative `x` is reported alone (no length or other bound), since
/// nothing it was compared with explains it. With `unsigned` (the bound
/// has an unsigned type: Go's `signed` false) `x` is never negative: a
/// word that reads as negative is a number past MaxInt64, reported with
/// the length like any other too large.
pub(crate) fn bounds_error(kind: Bounds, x: i64, unsigned: bool, y: i64) -> String {
    let m = if x < 0 && !unsigned {
        match kind {
            Bounds::Index => format!("index out of range [{x}]"),
            Bounds::SliceAlen | Bounds::SliceAcap => format!("slice bounds out of range [:{x}]"),
            Bounds::SliceB => format!("slice bounds out of range [{x}:]"),
            Bounds::Slice3Alen | Bounds::Slice3Acap => {
                format!("slice bounds out of range [::{x}]")
            }
            Bounds::Slice3B => format!("slice bounds out of range [:{x}:]"),
            Bounds::Slice3C => format!("slice bounds out of range [{x}::]"),
        }
    } else {
        let x = x as u64;
        match kind {
            Bounds::Index => format!("index out of range [{x}] with length {y}"),
            Bounds::SliceAlen => format!("slice bounds out of range [:{x}] with length {y}"),
            Bounds::SliceAcap => format!("slice bounds out of range [:{x}] with capacity {y}"),
            Bounds::SliceB => format!("slice bounds out of range [{x}:{y}]"),
            Bounds::Slice3Alen => format!("slice bounds out of range [::{x}] with length {y}"),
            Bounds::Slice3Acap => format!("slice bounds out of range [::{x}] with capacity {y}"),
            Bounds::Slice3B => format!("slice bounds out of range [:{x}:{y}]"),
            Bounds::Slice3C => format!("slice bounds out of range [{x}:{y}:]"),
        }
    };
    format!("runtime error: {m}")
}

/// The `created by` lines of `g`'s trace (empty for main).
pub(crate) fn created_by_text(vm: &Vm, g: &G) -> Vec<u8> {
    created_by_of(vm, g.created)
}

/// The `created by` lines for a goroutine started by `created`'s `go`
/// statement (creator's id, function, pc after it).
pub(crate) fn created_by_of(vm: &Vm, created: Option<(u64, u32, u32)>) -> Vec<u8> {
    let Some((parent, func, pc)) = created else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut tr = Vec::new();
    write_trace(vm, &[(func, pc)], &mut tr);
    let text = String::from_utf8_lossy(&tr);
    let mut lines = text.lines();
    if let (Some(first), Some(loc)) = (lines.next(), lines.next()) {
        let name = first
            .strip_suffix("(...)")
            .or_else(|| first.strip_suffix("()"))
            .unwrap_or(first);
        let line = if parent == 0 {
            // A time.AfterFunc callback: Go's timer goroutine starts it.
            format!("created by time.goFunc\n{loc}\n")
        } else {
            format!("created by {name} in goroutine {parent}\n{loc}\n")
        };
        out.extend_from_slice(line.as_bytes());
    }
    out
}

#[cfg(test)]
mod bounds_tests {
    use super::*;

    #[test]
    fn natives_are_placed_in_their_package() {
        assert_eq!(package_of("sync.(*Mutex).Lock"), "sync");
        assert_eq!(package_of("runtime/debug.Stack"), "runtime/debug");
        assert_eq!(package_of("time.Sleep"), "time");
    }

    #[test]
    fn negative_indexes_are_reported_alone() {
        assert_eq!(
            bounds_error(Bounds::Index, -3, false, 3),
            "runtime error: index out of range [-3]"
        );
        assert_eq!(
            bounds_error(Bounds::Index, 5, false, 3),
            "runtime error: index out of range [5] with length 3"
        );
        assert_eq!(
            bounds_error(Bounds::SliceB, -3, false, 3),
            "runtime error: slice bounds out of range [-3:]"
        );
        assert_eq!(
            bounds_error(Bounds::Slice3C, 2, false, 1),
            "runtime error: slice bounds out of range [2:1:]"
        );
    }

    #[test]
    fn unsigned_bounds_past_max_int_are_reported_whole() {
        assert_eq!(
            bounds_error(Bounds::Index, -1, true, 3),
            "runtime error: index out of range [18446744073709551615] with length 3"
        );
        assert_eq!(
            bounds_error(Bounds::SliceAcap, i64::MIN, true, 3),
            "runtime error: slice bounds out of range [:9223372036854775808] with capacity 3"
        );
        assert_eq!(
            bounds_error(Bounds::SliceB, -1, true, 2),
            "runtime error: slice bounds out of range [18446744073709551615:2]"
        );
        assert_eq!(
            bounds_error(Bounds::Slice3Alen, -2, true, 3),
            "runtime error: slice bounds out of range [::18446744073709551614] with length 3"
        );
        assert_eq!(
            bounds_error(Bounds::Index, 7, true, 3),
            "runtime error: index out of range [7] with length 3"
        );
    }
}
