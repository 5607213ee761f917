//! Package fmt: `Print*`, `Sprint*`, and the formatting half of `Errorf`,
//! over [`crate::format`].
//!
//! The `...any` argument is a slice of interface words; each becomes a
//! [`VmValue`] for the printer, sharing one [`Env`] through which `Error`
//! and `String` methods run as Go code. The `Fprint*` functions and
//! `Errorf`'s error values are Go source (`stdlib/go/fmt/fmt.go`) over
//! these natives. `Sprintf`, `Printf`, `Sprint`, `Print`, `Sprintln` and
//! `Println` of operands that are bools, integers and strings of types
//! without methods take a shorter path ([`format::sprintf_scalars`],
//! [`format::sprint_scalars`]: no `VmValue`, no `Env`, the operands'
//! bytes borrowed), which declines whatever it does not print as the
//! printer would.
//!
//! How a run can end besides a result: a method that panicked while the
//! printer was printing another method's panic re-raises that panic (Go's
//! `catchPanic` does the same); a value nested deeper than the printer's
//! cap (cyclic data behind interfaces) dies as Go's stack overflow would;
//! `os.Exit` or a fatal error inside a method ends the program.
//!
//! The output is built in a Rust buffer outside the heap; what it will
//! hold is charged to the heap's commit budget as the printer reads the
//! values (see [`super::fmtvalue`]), so a print that cannot fit in memory
//! is Go's out-of-memory fatal error rather than the kernel's SIGKILL.

use super::fmtvalue::{Env, VmValue};
use super::strings::str_arg;
use crate::format::{self, FmtValue, Nil, PrintError, Printer, Scalar};
use gol_lang::bytecode::{FuncId, Program, RtType, TypeKind};
use gol_vm::native::CallError;
use gol_vm::{Native, NativeCtx, NativeResult};
use std::cell::Cell;
use std::sync::Arc;
use std::thread::LocalKey;

/// Operands (and format bytes, [`FEW_FORMAT_BYTES`]) a call keeps on the
/// Rust stack; more go to the heap. A typical `Sprintf` then allocates in
/// Rust nothing but what its output outgrows.
const FEW_ARGS: usize = 4;
const FEW_FORMAT_BYTES: usize = 64;

/// Output buffers larger than this are not kept for the next run.
const KEEP_BUFFER_BYTES: usize = 4096;

thread_local! {
    /// The output buffer of the last print on this thread, kept for the
    /// next (taken while in use: a print inside a `String` method that a
    /// print called finds it gone and starts a new one).
    static OUT: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// A printer writing into the kept buffer.
fn printer() -> Printer {
    let mut buf = OUT.take();
    buf.clear();
    Printer::with_buffer(buf)
}

/// Gives an output buffer back to be kept.
fn keep(buf: Vec<u8>) {
    if buf.capacity() <= KEEP_BUFFER_BYTES {
        OUT.set(buf);
    }
}

/// Operands the scalar path reads (a call with more goes to the
/// printer).
const SCALAR_ARGS: usize = 8;

/// The operand in interface word `w` as the scalar path takes it: a
/// bool, integer or string whose type has no methods (so the printer
/// would call none).
fn scalar_of<'c>(ctx: &'c NativeCtx<'_>, w: u64) -> Option<Scalar<'c>> {
    let t = ctx.box_type(w)?;
    let d = ctx.program().ty(t);
    if !d.methods.is_empty() {
        return None;
    }
    let mut v = [0u64; 2];
    Some(match d.kind {
        TypeKind::Bool => {
            ctx.read_words_into(w, 1, &mut v[..1]);
            Scalar::Bool(v[0] != 0)
        }
        // Slots hold narrow integers sign- or zero-extended.
        TypeKind::Int { signed: true, .. } => {
            ctx.read_words_into(w, 1, &mut v[..1]);
            Scalar::Int(v[0] as i64)
        }
        TypeKind::Int { signed: false, .. } | TypeKind::Uintptr => {
            ctx.read_words_into(w, 1, &mut v[..1]);
            Scalar::Uint(v[0])
        }
        TypeKind::String => {
            ctx.read_words_into(w, 1, &mut v);
            Scalar::Str(ctx.string_ref(v[0], v[1]))
        }
        _ => return None,
    })
}

/// Which print [`print_scalars`] makes.
#[derive(Clone, Copy)]
enum Print {
    /// `Sprintf`, `Printf`: the format is parameter 0, the operands 1.
    F,
    /// `Sprint`, `Print`: the operands are parameter 0.
    Plain,
    /// `Sprintln`, `Println`: the operands are parameter 0.
    Ln,
}

/// A print's text through [`format::sprintf_scalars`] or
/// [`format::sprint_scalars`] when the format and the operands let it,
/// ended by `done`; false leaves the call to the printer. No Go code
/// runs here, so the operands' bytes are borrowed, not copied.
///
/// A `bool`, not the `NativeResult` to return: that enum of 32 bytes,
/// written here a byte at a time and copied out whole by the native, cost
/// `Sprintf` a stalled load (a store-forwarding failure) on every call.
fn print_scalars(
    ctx: &mut NativeCtx<'_>,
    kind: Print,
    done: fn(&mut NativeCtx<'_>, &[u8]),
) -> bool {
    let (p, n, _) = ctx.slice(match kind {
        Print::F => 1,
        Print::Plain | Print::Ln => 0,
    });
    let Some(n) = usize::try_from(n).ok().filter(|&n| n <= SCALAR_ARGS) else {
        return false;
    };
    let mut words = [0u64; SCALAR_ARGS];
    ctx.read_words_into(p, 0, &mut words[..n]);
    let mut out = OUT.take();
    out.clear();
    let ok = {
        let mut args = [Scalar::Bool(false); SCALAR_ARGS];
        let mut all = true;
        for (a, &w) in args.iter_mut().zip(&words[..n]) {
            match scalar_of(ctx, w) {
                Some(s) => *a = s,
                None => {
                    all = false;
                    break;
                }
            }
        }
        all && match kind {
            Print::F => format::sprintf_scalars(&mut out, ctx.str_ref(0), &args[..n]),
            Print::Plain => format::sprint_scalars(&mut out, &args[..n], false),
            Print::Ln => format::sprint_scalars(&mut out, &args[..n], true),
        }
    };
    if ok {
        done(ctx, &out);
    }
    keep(out);
    ok
}

/// `Sprintf`-like formatting into the kept buffer.
fn printf_with(f: &[u8], a: &[&dyn FmtValue]) -> Result<Vec<u8>, PrintError> {
    let mut p = printer();
    p.printf(f, a)?;
    Ok(p.into_bytes())
}

fn print_with(a: &[&dyn FmtValue]) -> Result<Vec<u8>, PrintError> {
    let mut p = printer();
    p.print(a)?;
    Ok(p.into_bytes())
}

fn println_with(a: &[&dyn FmtValue]) -> Result<Vec<u8>, PrintError> {
    let mut p = printer();
    p.println(a)?;
    Ok(p.into_bytes())
}

/// String parameter `k`'s bytes, copied into `few` when they fit (the
/// format of a print: the copy outlives the Go code a `String` method
/// runs), else onto the heap, charged to the commit budget.
fn format_arg<'b>(
    ctx: &NativeCtx<'_>,
    k: usize,
    few: &'b mut [u8; FEW_FORMAT_BYTES],
    many: &'b mut Vec<u8>,
) -> &'b [u8] {
    let s = ctx.str_ref(k);
    if s.len() <= few.len() {
        few[..s.len()].copy_from_slice(s);
        &few[..s.len()]
    } else {
        *many = str_arg(ctx, k);
        many
    }
}

/// Formats the operands in the `[]any` parameter `at` with
/// `f`; on failure, the way the native must end.
fn format_args<T>(
    ctx: &mut NativeCtx<'_>,
    at: usize,
    f: impl FnOnce(&[&dyn FmtValue]) -> Result<T, PrintError>,
) -> Result<T, NativeResult> {
    let (p, n, _) = ctx.slice(at);
    let n = n as usize;
    let mut few = [0u64; FEW_ARGS];
    let many: Vec<u64>;
    let words: &[u64] = if n <= FEW_ARGS {
        ctx.read_words_into(p, 0, &mut few[..n]);
        &few[..n]
    } else {
        many = ctx.read_words(p, 0, n);
        &many
    };
    let (res, abort, last_panic) = {
        let env = Env::new(ctx.reborrow());
        env.keep_operands(words);
        let res = if n <= FEW_ARGS {
            let vals: [Option<VmValue<'_>>; FEW_ARGS] =
                std::array::from_fn(|i| words.get(i).map(|&w| VmValue::iface(&env, w)));
            let refs: [&dyn FmtValue; FEW_ARGS] = std::array::from_fn(|i| match &vals[i] {
                Some(v) => v as &dyn FmtValue,
                None => &Nil,
            });
            f(&refs[..n])
        } else {
            let vals: Vec<VmValue<'_>> = words.iter().map(|&w| VmValue::iface(&env, w)).collect();
            let refs: Vec<&dyn FmtValue> = vals.iter().map(|v| v as &dyn FmtValue).collect();
            f(&refs)
        };
        (res, env.abort.take(), env.last_panic.take())
    };
    if let Some(e) = abort {
        return Err(e.into_result(ctx));
    }
    match res {
        Ok(out) => Ok(out),
        Err(PrintError::NestedPanic) => Err(match last_panic {
            Some(e) => e.into_result(ctx),
            None => NativeResult::Panic("fmt: panic while printing a panic value".into()),
        }),
        Err(PrintError::TooDeep) => Err(CallError::TooDeep.into_result(ctx)),
    }
}

/// Writes a print's bytes to standard output, unbuffered as Go's
/// `os.Stdout`: results `(n int, msg string)`, msg the system's message
/// when the write failed (the Go side makes Go's `*PathError` of it).
fn write_out(ctx: &mut NativeCtx<'_>, out: &[u8]) {
    let (n, err) = ctx.write_stream(gol_vm::stdio::Stream::Stdout, out);
    let msg = err
        .map(|e| super::ospkg::io_error(&e).0)
        .unwrap_or_default();
    ctx.ret_int(0, n as i64);
    ctx.ret_str(1, msg.as_bytes());
}

fn return_string(ctx: &mut NativeCtx<'_>, out: &[u8]) {
    ctx.ret_str(0, out);
}

/// The natives of this module: name in the package, code, and the Go
/// signature the code implements (checked at load, see gol_vm's native
/// module).
pub const NATIVES: &[(&str, Native)] = &[
    (
        "stdoutPrintln",
        Native::new(println, "func(a []any) (n int, msg string)"),
    ),
    (
        "stdoutPrint",
        Native::new(print, "func(a []any) (n int, msg string)"),
    ),
    (
        "stdoutPrintf",
        Native::new(printf, "func(format string, a []any) (n int, msg string)"),
    ),
    (
        "Sprintf",
        Native::new(sprintf, "func(format string, a ...any) string"),
    ),
    ("Sprint", Native::new(sprint, "func(a ...any) string")),
    ("Sprintln", Native::new(sprintln, "func(a ...any) string")),
    (
        "errorf",
        Native::new(errorf, "func(format string, a []any) (string, []int)"),
    ),
    ("asError", Native::new(as_error, "func(x any) error")),
];

/// Ends a print that wrote `out` (or failed) by `done`, keeping the
/// buffer.
fn finish(
    ctx: &mut NativeCtx<'_>,
    r: Result<Vec<u8>, NativeResult>,
    done: fn(&mut NativeCtx<'_>, &[u8]),
) -> NativeResult {
    match r {
        Ok(out) => {
            done(ctx, &out);
            keep(out);
            NativeResult::Ok
        }
        Err(e) => e,
    }
}

/// `fmt.stdoutPrintln(a []any) (n int, msg string)`: `Println`'s write.
pub fn println(ctx: &mut NativeCtx<'_>) -> NativeResult {
    if print_scalars(ctx, Print::Ln, write_out) {
        return NativeResult::Ok;
    }
    let r = format_args(ctx, 0, println_with);
    finish(ctx, r, write_out)
}

/// `fmt.stdoutPrint(a []any) (n int, msg string)`: `Print`'s write.
pub fn print(ctx: &mut NativeCtx<'_>) -> NativeResult {
    if print_scalars(ctx, Print::Plain, write_out) {
        return NativeResult::Ok;
    }
    let r = format_args(ctx, 0, print_with);
    finish(ctx, r, write_out)
}

/// `fmt.stdoutPrintf(format string, a []any) (n int, msg string)`:
/// `Printf`'s write.
pub fn printf(ctx: &mut NativeCtx<'_>) -> NativeResult {
    if print_scalars(ctx, Print::F, write_out) {
        return NativeResult::Ok;
    }
    let (mut few, mut many) = ([0u8; FEW_FORMAT_BYTES], Vec::new());
    let f = format_arg(ctx, 0, &mut few, &mut many);
    let r = format_args(ctx, 1, |a| printf_with(f, a));
    finish(ctx, r, write_out)
}

/// `fmt.Sprintf(format string, a ...any) string`
pub fn sprintf(ctx: &mut NativeCtx<'_>) -> NativeResult {
    if print_scalars(ctx, Print::F, return_string) {
        return NativeResult::Ok;
    }
    let (mut few, mut many) = ([0u8; FEW_FORMAT_BYTES], Vec::new());
    let f = format_arg(ctx, 0, &mut few, &mut many);
    let r = format_args(ctx, 1, |a| printf_with(f, a));
    finish(ctx, r, return_string)
}

/// `fmt.Sprint(a ...any) string`
pub fn sprint(ctx: &mut NativeCtx<'_>) -> NativeResult {
    if print_scalars(ctx, Print::Plain, return_string) {
        return NativeResult::Ok;
    }
    let r = format_args(ctx, 0, print_with);
    finish(ctx, r, return_string)
}

/// `fmt.Sprintln(a ...any) string`
pub fn sprintln(ctx: &mut NativeCtx<'_>) -> NativeResult {
    if print_scalars(ctx, Print::Ln, return_string) {
        return NativeResult::Ok;
    }
    let r = format_args(ctx, 0, println_with);
    finish(ctx, r, return_string)
}

/// `fmt.errorf(format string, a []any) (string, []int)`: `Errorf`'s
/// message and the indexes of the operands its `%w` verbs named.
pub fn errorf(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let f = str_arg(ctx, 0);
    let mut wrapped = Vec::new();
    let r = format_args(ctx, 1, |a| {
        format::errorf(&f, a).map(|(s, w)| {
            wrapped = w;
            s
        })
    });
    let out = match r {
        Ok(out) => out,
        Err(e) => return e,
    };
    ctx.ret_str(0, &out);
    let int_t = ctx
        .results()
        .get(1)
        .and_then(|r| match ctx.type_kind(r.ty) {
            TypeKind::Slice(e) => Some(*e),
            _ => None,
        });
    let Some(int_t) = int_t else {
        return NativeResult::Panic("fmt.errorf: bad declaration".into());
    };
    let words: Vec<u64> = wrapped.iter().map(|&i| i as u64).collect();
    let (sp, sl, sc) = ctx.new_slice(int_t, &words, words.len());
    ctx.ret_slice(1, (sp, sl, sc));
    NativeResult::Ok
}

/// `fmt.asError(x any) error`: `x` if its dynamic type implements error,
/// else nil (Go's `x.(error)` in `Errorf`).
pub fn as_error(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let w = ctx.iface(0);
    let is_err = ctx
        .box_type(w)
        .is_some_and(|t| implements(ctx, t, "Error", "func() string"));
    ctx.ret_iface(0, if is_err { w } else { 0 });
    NativeResult::Ok
}

/// A Go function of package fmt that natives call (`fmt.callFormat`,
/// `fmt.callScan`) and the state type it is given (`fmt.pp`, `fmt.ss`).
#[derive(Clone, Copy)]
pub struct GoHelper {
    pub call: FuncId,
    pub ty: RtType,
}

impl GoHelper {
    /// Whether `self` is function `call` and type `ty` of `prog`.
    fn valid_in(self, prog: &Program, call: &str, ty: &str) -> bool {
        prog.funcs
            .get(self.call.0 as usize)
            .is_some_and(|f| f.name == call)
            && prog
                .types
                .get(self.ty.0 as usize)
                .is_some_and(|t| t.name == ty)
    }

    /// Function `call` and type `ty` of `prog`, looked up by name once
    /// per program and thread, in `cache` (a print of a `Formatter` in a
    /// loop must not scan the program's functions each time). None when
    /// the program lacks them (fmt's `init` refers to the functions, so
    /// only a broken gol does).
    pub fn of(
        prog: &Arc<Program>,
        cache: &'static LocalKey<Cell<Option<(usize, GoHelper)>>>,
        call: &str,
        ty: &str,
    ) -> Option<GoHelper> {
        let key = Arc::as_ptr(prog) as usize;
        if let Some((k, h)) = cache.get() {
            // A program freed and another allocated at its address is
            // caught by the names.
            if k == key && h.valid_in(prog, call, ty) {
                return Some(h);
            }
        }
        let f = prog.funcs.iter().position(|f| f.name == call)?;
        let t = prog.types.iter().position(|t| t.name == ty)?;
        let h = GoHelper {
            call: FuncId(f as u32),
            ty: RtType(t as u32),
        };
        cache.set(Some((key, h)));
        Some(h)
    }
}

/// The slot offset of field `name` of struct type `t` of `prog`.
pub fn field_slot(prog: &Program, t: RtType, name: &str) -> Option<usize> {
    match &prog.types.get(t.0 as usize)?.kind {
        TypeKind::Struct(fs) => fs.iter().find(|f| f.name == name).map(|f| f.off as usize),
        _ => None,
    }
}

/// The function of method `name` of values of type `t` when its
/// signature is the func type Go spells `sig` (`func() string`,
/// `func(error) bool`): what Go's `x.(interface{ Name() string })` asks.
/// Only signatures made of predeclared types are asked for, and those
/// spell one type each (a program's own `string` or `error` prints as
/// `main.string`), so the descriptor's name identifies the signature.
pub fn method_with_sig(ctx: &NativeCtx<'_>, t: RtType, name: &str, sig: &str) -> Option<FuncId> {
    let prog = ctx.program();
    let m = prog.types.get(t.0 as usize)?.method(name.as_bytes())?;
    (prog.types.get(m.sig.0 as usize)?.name == sig).then_some(m.func)
}

/// Whether values of type `t` have method `name` of signature `sig` (see
/// [`method_with_sig`]).
pub fn implements(ctx: &NativeCtx<'_>, t: RtType, name: &str, sig: &str) -> bool {
    method_with_sig(ctx, t, name, sig).is_some()
}
