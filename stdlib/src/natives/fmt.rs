//! Package fmt: `Print*`, `Sprint*` over [`crate::format`].
//!
//! The `...any` argument is a slice of interface words; each becomes a
//! [`VmValue`] for the printer. A printer error (a value nested too
//! deeply) panics as Go would die of its stack overflow.

use super::value::VmValue;
use crate::format::{self, FmtValue, PrintError};
use gol_vm::{NativeCtx, NativeResult};

/// The operands of the `...any` parameter at argument word `i`.
fn operands<'c>(ctx: &'c NativeCtx<'_>, i: usize) -> Vec<VmValue<'c>> {
    let (p, n) = (ctx.arg(i), ctx.arg(i + 1) as usize);
    ctx.read_words(p, 0, n)
        .into_iter()
        .map(|w| VmValue::iface(ctx, w))
        .collect()
}

fn run(
    ctx: &mut NativeCtx<'_>,
    f: impl FnOnce(&[&dyn FmtValue]) -> Result<Vec<u8>, PrintError>,
    args_at: usize,
) -> Result<Vec<u8>, NativeResult> {
    let vals = operands(ctx, args_at);
    let refs: Vec<&dyn FmtValue> = vals.iter().map(|v| v as &dyn FmtValue).collect();
    f(&refs).map_err(|e| NativeResult::Panic(e.to_string()))
}

fn write_out(ctx: &mut NativeCtx<'_>, out: &[u8]) -> NativeResult {
    let _ = ctx.stdout().write_all(out);
    // (n int, err error)
    ctx.set_result(0, out.len() as u64);
    ctx.set_result(1, 0);
    NativeResult::Ok
}

fn return_string(ctx: &mut NativeCtx<'_>, out: &[u8]) -> NativeResult {
    let (p, l) = ctx.new_string(out);
    ctx.set_result(0, p);
    ctx.set_result(1, l);
    NativeResult::Ok
}

/// `fmt.Println(a ...any) (n int, err error)`
pub fn println(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match run(ctx, format::sprintln, 0) {
        Ok(out) => write_out(ctx, &out),
        Err(e) => e,
    }
}

/// `fmt.Print(a ...any) (n int, err error)`
pub fn print(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match run(ctx, format::sprint, 0) {
        Ok(out) => write_out(ctx, &out),
        Err(e) => e,
    }
}

/// `fmt.Printf(format string, a ...any) (n int, err error)`
pub fn printf(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let f = ctx.str_arg(0);
    match run(ctx, |a| format::sprintf(&f, a), 2) {
        Ok(out) => write_out(ctx, &out),
        Err(e) => e,
    }
}

/// `fmt.Sprintf(format string, a ...any) string`
pub fn sprintf(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let f = ctx.str_arg(0);
    match run(ctx, |a| format::sprintf(&f, a), 2) {
        Ok(out) => return_string(ctx, &out),
        Err(e) => e,
    }
}

/// `fmt.Sprint(a ...any) string`
pub fn sprint(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match run(ctx, format::sprint, 0) {
        Ok(out) => return_string(ctx, &out),
        Err(e) => e,
    }
}

/// `fmt.Sprintln(a ...any) string`
pub fn sprintln(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match run(ctx, format::sprintln, 0) {
        Ok(out) => return_string(ctx, &out),
        Err(e) => e,
    }
}
