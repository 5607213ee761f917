//! Package errors: the reflective helpers of its Go source
//! (`stdlib/go/errors/errors.go`): calling optional methods (`Unwrap`,
//! `Is`, `As`) and `As`'s checks and store.
//!
//! An optional method counts only with the signature Go's anonymous
//! interfaces ask for (`Unwrap() error`, `Unwrap() []error`,
//! `Is(error) bool`, `As(any) bool`), compared exactly with the
//! signature in the method table. A panic inside one continues in the
//! caller (see
//! [`CallError::into_result`](gol_vm::native::CallError::into_result)).
//! `As` into a target of interface type checks the error's dynamic type
//! against that interface's method set as `x.(I)` does.

use super::fmt::{implements, method_with_sig};
use gol_lang::bytecode::{RtType, TypeKind};
use gol_vm::{Native, NativeCtx, NativeResult};

/// Calls method `name` of the dynamic value of interface word `w` if it
/// has signature `sig` (see [`method_with_sig`]) with the words of `args`;
/// `Ok(None)` when it has no such method.
fn call_optional(
    ctx: &mut NativeCtx<'_>,
    w: u64,
    name: &str,
    args: &[u64],
    sig: &str,
) -> Result<Option<Vec<u64>>, NativeResult> {
    let Some(t) = ctx.box_type(w) else {
        return Ok(None);
    };
    let Some(f) = method_with_sig(ctx, t, name, sig) else {
        return Ok(None);
    };
    let recv = ctx.box_words(w);
    let mut all = recv;
    all.extend_from_slice(args);
    match ctx.call(f, 0, &all) {
        Ok(r) => Ok(Some(r)),
        Err(e) => Err(e.into_result(ctx)),
    }
}

/// The natives of this module: name in the package, code, and the Go
/// signature the code implements (checked at load, see gol_vm's native
/// module).
pub const NATIVES: &[(&str, Native)] = &[
    ("Unwrap", Native::new(unwrap, "func(err error) error")),
    (
        "unwrapAll",
        Native::new(unwrap_all, "func(err error) []error"),
    ),
    (
        "callIs",
        Native::new(call_is, "func(err error, target error) bool"),
    ),
    (
        "callAs",
        Native::new(call_as, "func(err error, target any) bool"),
    ),
    ("comparable", Native::new(comparable, "func(v any) bool")),
    (
        "asTargetError",
        Native::new(as_target_error, "func(target any) string"),
    ),
    (
        "assignTo",
        Native::new(assign_to, "func(err error, target any) bool"),
    ),
];

/// `errors.Unwrap(err error) error`
pub fn unwrap(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let w = ctx.iface(0);
    match call_optional(ctx, w, "Unwrap", &[], "func() error") {
        Ok(r) => {
            let v = r.and_then(|r| r.first().copied()).unwrap_or(0);
            ctx.ret_iface(0, v);
            NativeResult::Ok
        }
        Err(e) => e,
    }
}

/// `errors.unwrapAll(err error) []error`
pub fn unwrap_all(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let w = ctx.iface(0);
    match call_optional(ctx, w, "Unwrap", &[], "func() []error") {
        Ok(r) => {
            let r = r.unwrap_or_default();
            let w = |i: usize| r.get(i).copied().unwrap_or(0);
            ctx.ret_slice(0, (w(0), w(1), w(2)));
            NativeResult::Ok
        }
        Err(e) => e,
    }
}

fn call_bool(ctx: &mut NativeCtx<'_>, name: &str, sig: &str) -> NativeResult {
    let (w, target) = (ctx.iface(0), ctx.iface(1));
    match call_optional(ctx, w, name, &[target], sig) {
        Ok(r) => {
            let v = r.and_then(|r| r.first().copied()).unwrap_or(0);
            ctx.ret_bool(0, v != 0);
            NativeResult::Ok
        }
        Err(e) => e,
    }
}

/// `errors.callIs(err, target error) bool`
pub fn call_is(ctx: &mut NativeCtx<'_>) -> NativeResult {
    call_bool(ctx, "Is", "func(error) bool")
}

/// `errors.callAs(err error, target any) bool`
pub fn call_as(ctx: &mut NativeCtx<'_>) -> NativeResult {
    call_bool(ctx, "As", "func(interface {}) bool")
}

/// Whether values of type `t` are comparable (Go's spec rules).
pub fn type_comparable(ctx: &NativeCtx<'_>, t: RtType, depth: u32) -> bool {
    if depth > 100 {
        return true;
    }
    match ctx.type_kind(t) {
        TypeKind::Slice(_) | TypeKind::Map(..) | TypeKind::Func => false,
        TypeKind::Array(_, e) => type_comparable(ctx, *e, depth + 1),
        TypeKind::Struct(fs) => fs.iter().all(|f| type_comparable(ctx, f.ty, depth + 1)),
        _ => true,
    }
}

/// `errors.comparable(v any) bool`
pub fn comparable(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let w = ctx.iface(0);
    let c = ctx.box_type(w).is_none_or(|t| type_comparable(ctx, t, 0));
    ctx.ret_bool(0, c);
    NativeResult::Ok
}

/// The element type of `As`'s target, or Go's panic message.
fn target_elem(ctx: &NativeCtx<'_>, target: u64) -> Result<(u64, RtType), &'static str> {
    let Some(t) = ctx.box_type(target) else {
        return Err("errors: target cannot be nil");
    };
    let TypeKind::Pointer(e) = *ctx.type_kind(t) else {
        return Err("errors: target must be a non-nil pointer");
    };
    let p = ctx.box_words(target).first().copied().unwrap_or(0);
    if p == 0 {
        return Err("errors: target must be a non-nil pointer");
    }
    if !matches!(ctx.type_kind(e), TypeKind::Interface)
        && !implements(ctx, e, "Error", "func() string")
    {
        return Err("errors: *target must be interface or implement error");
    }
    Ok((p, e))
}

/// `errors.asTargetError(target any) string`
pub fn as_target_error(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let target = ctx.iface(0);
    let msg = target_elem(ctx, target).err().unwrap_or("");
    ctx.ret_str(0, msg.as_bytes());
    NativeResult::Ok
}

/// `errors.assignTo(err error, target any) bool`
pub fn assign_to(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (w, target) = (ctx.iface(0), ctx.iface(1));
    let (Some(d), Ok((p, e))) = (ctx.box_type(w), target_elem(ctx, target)) else {
        ctx.ret_bool(0, false);
        return NativeResult::Ok;
    };
    let ok = if matches!(ctx.type_kind(e), TypeKind::Interface) {
        if ctx.program().missing_method(d, e).is_none() {
            // An interface value is the box word, whatever its static
            // interface type.
            ctx.store(p, 0, &[w], e);
            true
        } else {
            false
        }
    } else if d == e {
        let words = ctx.box_words(w);
        ctx.store(p, 0, &words, e);
        true
    } else {
        false
    };
    ctx.ret_bool(0, ok);
    NativeResult::Ok
}
