//! Package fmt: `Print*`, `Sprint*`, and the formatting half of `Errorf`,
//! over [`crate::format`].
//!
//! The `...any` argument is a slice of interface words; each becomes a
//! [`VmValue`] for the printer, sharing one [`Env`] through which `Error`
//! and `String` methods run as Go code. The `Fprint*` functions and
//! `Errorf`'s error values are Go source (`stdlib/go/fmt/fmt.go`) over
//! these natives.
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
use crate::format::{self, FmtValue, PrintError};
use gol_vm::native::CallError;
use gol_vm::{Native, NativeCtx, NativeResult};

/// Formats the operands in the `[]any` parameter `at` with
/// `f`; on failure, the way the native must end.
fn format_args(
    ctx: &mut NativeCtx<'_>,
    at: usize,
    f: impl FnOnce(&[&dyn FmtValue]) -> Result<Vec<u8>, PrintError>,
) -> Result<Vec<u8>, NativeResult> {
    let (p, n, _) = ctx.slice(at);
    let n = n as usize;
    let words = ctx.read_words(p, 0, n);
    let (res, abort, last_panic) = {
        let env = Env::new(ctx.reborrow());
        let vals: Vec<VmValue<'_>> = words.iter().map(|&w| VmValue::iface(&env, w)).collect();
        let refs: Vec<&dyn FmtValue> = vals.iter().map(|v| v as &dyn FmtValue).collect();
        let res = f(&refs);
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
fn write_out(ctx: &mut NativeCtx<'_>, out: &[u8]) -> NativeResult {
    let (n, err) = ctx.write_stream(gol_vm::stdio::Stream::Stdout, out);
    let msg = err
        .map(|e| super::ospkg::io_error(&e).0)
        .unwrap_or_default();
    ctx.ret_int(0, n as i64);
    ctx.ret_str(1, msg.as_bytes());
    NativeResult::Ok
}

fn return_string(ctx: &mut NativeCtx<'_>, out: &[u8]) -> NativeResult {
    ctx.ret_str(0, out);
    NativeResult::Ok
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

/// `fmt.stdoutPrintln(a []any) (n int, msg string)`: `Println`'s write.
pub fn println(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match format_args(ctx, 0, format::sprintln) {
        Ok(out) => write_out(ctx, &out),
        Err(e) => e,
    }
}

/// `fmt.stdoutPrint(a []any) (n int, msg string)`: `Print`'s write.
pub fn print(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match format_args(ctx, 0, format::sprint) {
        Ok(out) => write_out(ctx, &out),
        Err(e) => e,
    }
}

/// `fmt.stdoutPrintf(format string, a []any) (n int, msg string)`:
/// `Printf`'s write.
pub fn printf(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let f = str_arg(ctx, 0);
    match format_args(ctx, 1, |a| format::sprintf(&f, a)) {
        Ok(out) => write_out(ctx, &out),
        Err(e) => e,
    }
}

/// `fmt.Sprintf(format string, a ...any) string`
pub fn sprintf(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let f = str_arg(ctx, 0);
    match format_args(ctx, 1, |a| format::sprintf(&f, a)) {
        Ok(out) => return_string(ctx, &out),
        Err(e) => e,
    }
}

/// `fmt.Sprint(a ...any) string`
pub fn sprint(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match format_args(ctx, 0, format::sprint) {
        Ok(out) => return_string(ctx, &out),
        Err(e) => e,
    }
}

/// `fmt.Sprintln(a ...any) string`
pub fn sprintln(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match format_args(ctx, 0, format::sprintln) {
        Ok(out) => return_string(ctx, &out),
        Err(e) => e,
    }
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
            gol_lang::bytecode::TypeKind::Slice(e) => Some(*e),
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

/// The function of method `name` of values of type `t` when its
/// signature is the func type Go spells `sig` (`func() string`,
/// `func(error) bool`): what Go's `x.(interface{ Name() string })` asks.
/// Only signatures made of predeclared types are asked for, and those
/// spell one type each (a program's own `string` or `error` prints as
/// `main.string`), so the descriptor's name identifies the signature.
pub fn method_with_sig(
    ctx: &NativeCtx<'_>,
    t: gol_lang::bytecode::RtType,
    name: &str,
    sig: &str,
) -> Option<gol_lang::bytecode::FuncId> {
    let prog = ctx.program();
    let m = prog.types.get(t.0 as usize)?.method(name.as_bytes())?;
    (prog.types.get(m.sig.0 as usize)?.name == sig).then_some(m.func)
}

/// Whether values of type `t` have method `name` of signature `sig` (see
/// [`method_with_sig`]).
pub fn implements(
    ctx: &NativeCtx<'_>,
    t: gol_lang::bytecode::RtType,
    name: &str,
    sig: &str,
) -> bool {
    method_with_sig(ctx, t, name, sig).is_some()
}
