//! Package sync/atomic: the functions (`AddInt32`, `CompareAndSwapUint64`,
//! ...) and the methods of the types `Int32`, `Int64`, `Uint32`, `Uint64`,
//! `Uintptr`, `Bool` and `Value`, over the VM's word atomics
//! (`gol_vm::atomic`, which explains the representation and the memory
//! ordering).
//!
//! Each operation is its own native function, resolved directly by name
//! ([`resolve`]) rather than through a per-package `match` on the name at
//! every call: atomics sit in hot loops, where a string match per call
//! would cost more than the operation. The width (how a 32-bit value sits
//! in its word) is a const parameter, so `AddInt32` and `(*Int32).Add`
//! are the same monomorphized function.
//!
//! A function's first argument and a method's receiver are both the
//! address of the word (the types are structs whose only field is the
//! word), so functions and methods share their natives. A nil address is
//! Go's nil-dereference runtime error.
//!
//! `Value` holds one interface word (gol's interfaces are one word: a
//! pointer to an immutable box whose first word is the dynamic type), so
//! Go's two-step first store (type, then data) is unnecessary: every
//! update is one pointer compare-and-swap through the write barrier, with
//! the type check against the box the word held. Its panics are Go's
//! (string values, `sync/atomic: store of nil value into Value` ...).

use gol_vm::atomic::Width;
use gol_vm::{ArgKind, NativeCtx, NativeFn, NativeResult};

const NIL_DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";

const I32: u8 = 0;
const U32: u8 = 1;
const W64: u8 = 2;

const fn width(k: u8) -> Width {
    match k {
        I32 => Width::I32,
        U32 => Width::U32,
        _ => Width::W64,
    }
}

/// The native for `short` (`AddInt32`, `(*Value).Store`), if it is one of
/// package sync/atomic's.
pub fn resolve(short: &str) -> Option<NativeFn> {
    Some(match short {
        "LoadInt32" | "LoadUint32" | "LoadInt64" | "LoadUint64" | "LoadUintptr"
        | "(*Int32).Load" | "(*Uint32).Load" | "(*Int64).Load" | "(*Uint64).Load"
        | "(*Uintptr).Load" | "(*Value).Load" => load,
        "StoreInt32" | "(*Int32).Store" => store::<I32>,
        "StoreUint32" | "(*Uint32).Store" => store::<U32>,
        "StoreInt64" | "StoreUint64" | "StoreUintptr" | "(*Int64).Store" | "(*Uint64).Store"
        | "(*Uintptr).Store" => store::<W64>,
        "SwapInt32" | "(*Int32).Swap" => swap::<I32>,
        "SwapUint32" | "(*Uint32).Swap" => swap::<U32>,
        "SwapInt64" | "SwapUint64" | "SwapUintptr" | "(*Int64).Swap" | "(*Uint64).Swap"
        | "(*Uintptr).Swap" => swap::<W64>,
        "CompareAndSwapInt32" | "(*Int32).CompareAndSwap" => cas::<I32>,
        "CompareAndSwapUint32" | "(*Uint32).CompareAndSwap" => cas::<U32>,
        "CompareAndSwapInt64"
        | "CompareAndSwapUint64"
        | "CompareAndSwapUintptr"
        | "(*Int64).CompareAndSwap"
        | "(*Uint64).CompareAndSwap"
        | "(*Uintptr).CompareAndSwap" => cas::<W64>,
        "AddInt32" | "(*Int32).Add" => add::<I32>,
        "AddUint32" | "(*Uint32).Add" => add::<U32>,
        "AddInt64" | "AddUint64" | "AddUintptr" | "(*Int64).Add" | "(*Uint64).Add"
        | "(*Uintptr).Add" => add::<W64>,
        "AndInt32" | "(*Int32).And" => and::<I32>,
        "AndUint32" | "(*Uint32).And" => and::<U32>,
        "AndInt64" | "AndUint64" | "AndUintptr" | "(*Int64).And" | "(*Uint64).And"
        | "(*Uintptr).And" => and::<W64>,
        "OrInt32" | "(*Int32).Or" => or::<I32>,
        "OrUint32" | "(*Uint32).Or" => or::<U32>,
        "OrInt64" | "OrUint64" | "OrUintptr" | "(*Int64).Or" | "(*Uint64).Or" | "(*Uintptr).Or" => {
            or::<W64>
        }
        "(*Bool).Load" => bool_load,
        "(*Bool).Store" => store::<U32>,
        "(*Bool).Swap" => bool_swap,
        "(*Bool).CompareAndSwap" => cas::<U32>,
        "(*Value).Store" => value_store,
        "(*Value).Swap" => value_swap,
        "(*Value).CompareAndSwap" => value_cas,
        _ => return None,
    })
}

/// Sets result 0 to `r`, or fails with the nil dereference.
fn ret(ctx: &mut NativeCtx<'_>, r: Option<u64>) -> NativeResult {
    match r {
        Some(v) => {
            ctx.set_result(0, v);
            NativeResult::Ok
        }
        None => NativeResult::RuntimeError(NIL_DEREF.into()),
    }
}

/// Value parameter `k` of an integer operation, as its bits: an integer
/// of either signedness, or a bool for `Bool`'s methods (which share the
/// 32-bit operations).
fn val(ctx: &NativeCtx<'_>, k: usize) -> u64 {
    match ctx.params().get(k).map(|p| p.kind) {
        Some(ArgKind::Bool) => ctx.bool(k) as u64,
        _ => ctx.int_bits(k),
    }
}

fn load(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let r = ctx.atomic_load(ctx.ptr(0));
    ret(ctx, r)
}

fn store<const K: u8>(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match ctx.atomic_store(ctx.ptr(0), val(ctx, 1), width(K)) {
        Some(()) => NativeResult::Ok,
        None => NativeResult::RuntimeError(NIL_DEREF.into()),
    }
}

fn swap<const K: u8>(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let r = ctx.atomic_swap(ctx.ptr(0), val(ctx, 1), width(K));
    ret(ctx, r)
}

fn cas<const K: u8>(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let r = ctx.atomic_cas(ctx.ptr(0), val(ctx, 1), val(ctx, 2), width(K));
    ret(ctx, r.map(u64::from))
}

fn add<const K: u8>(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let r = ctx.atomic_add(ctx.ptr(0), val(ctx, 1), width(K));
    ret(ctx, r)
}

fn and<const K: u8>(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let r = ctx.atomic_and(ctx.ptr(0), val(ctx, 1), width(K));
    ret(ctx, r)
}

fn or<const K: u8>(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let r = ctx.atomic_or(ctx.ptr(0), val(ctx, 1), width(K));
    ret(ctx, r)
}

/// `(*Bool).Load`: the word is 0 or 1, but any non-zero word reads true.
fn bool_load(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let r = ctx.atomic_load(ctx.ptr(0));
    ret(ctx, r.map(|v| (v != 0) as u64))
}

fn bool_swap(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let r = ctx.atomic_swap(ctx.ptr(0), val(ctx, 1), Width::U32);
    ret(ctx, r.map(|v| (v != 0) as u64))
}

/// The messages of Value's panics for one operation.
struct ValueOp {
    nil: &'static str,
    mixed: &'static str,
}

const STORE: ValueOp = ValueOp {
    nil: "sync/atomic: store of nil value into Value",
    mixed: "sync/atomic: store of inconsistently typed value into Value",
};

const SWAP: ValueOp = ValueOp {
    nil: "sync/atomic: swap of nil value into Value",
    mixed: "sync/atomic: swap of inconsistently typed value into Value",
};

/// Stores interface word `new` into the Value at `p` if the Value is
/// empty or holds the same dynamic type: the old word.
fn value_exchange(
    ctx: &mut NativeCtx<'_>,
    p: u64,
    new: u64,
    op: &ValueOp,
) -> Result<u64, NativeResult> {
    if new == 0 {
        return Err(NativeResult::Panic(op.nil.into()));
    }
    let ty = ctx.box_type(new);
    loop {
        let Some(old) = ctx.atomic_load(p) else {
            return Err(NativeResult::RuntimeError(NIL_DEREF.into()));
        };
        if old != 0 && ctx.box_type(old) != ty {
            return Err(NativeResult::Panic(op.mixed.into()));
        }
        // Retry when another goroutine stored in between: the type check
        // must hold for the word actually replaced.
        if ctx.atomic_cas_ptr(p, old, new) == Some(true) {
            return Ok(old);
        }
    }
}

fn value_store(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match value_exchange(ctx, ctx.ptr(0), ctx.iface(1), &STORE) {
        Ok(_) => NativeResult::Ok,
        Err(r) => r,
    }
}

fn value_swap(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match value_exchange(ctx, ctx.ptr(0), ctx.iface(1), &SWAP) {
        Ok(old) => {
            ctx.set_result(0, old);
            NativeResult::Ok
        }
        Err(r) => r,
    }
}

/// `(*Value).CompareAndSwap(old, new)`: Go's order of checks; the
/// comparison with `old` is Go's `==` on interfaces (which panics on an
/// uncomparable dynamic type), and a concurrent change between the
/// comparison and the swap makes it report false, as Go's does.
fn value_cas(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (p, old, new) = (ctx.ptr(0), ctx.iface(1), ctx.iface(2));
    if new == 0 {
        return NativeResult::Panic("sync/atomic: compare and swap of nil value into Value".into());
    }
    let ty = ctx.box_type(new);
    if old != 0 && ctx.box_type(old) != ty {
        return NativeResult::Panic(
            "sync/atomic: compare and swap of inconsistently typed values".into(),
        );
    }
    let Some(cur) = ctx.atomic_load(p) else {
        return NativeResult::RuntimeError(NIL_DEREF.into());
    };
    let swapped = if cur == 0 {
        old == 0 && ctx.atomic_cas_ptr(p, 0, new) == Some(true)
    } else {
        if ctx.box_type(cur) != ty {
            return NativeResult::Panic(
                "sync/atomic: compare and swap of inconsistently typed value into Value".into(),
            );
        }
        match ctx.iface_equal(cur, old) {
            Ok(true) => ctx.atomic_cas_ptr(p, cur, new) == Some(true),
            Ok(false) => false,
            Err(msg) => return NativeResult::RuntimeError(msg),
        }
    };
    ctx.set_result(0, swapped as u64);
    NativeResult::Ok
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every function and method sync/atomic declares has a native.
    #[test]
    fn every_declared_operation_resolves() {
        let decl = include_str!("../../go/sync/atomic/atomic.go");
        let mut n = 0;
        for line in decl.lines() {
            let Some(rest) = line.strip_prefix("func ") else {
                continue;
            };
            if line.ends_with('{') || line.ends_with('}') {
                continue;
            }
            let short = if let Some(r) = rest.strip_prefix('(') {
                // `(x *Int32) Load() int32` -> `(*Int32).Load`
                let (recv, tail) = r.split_once(')').unwrap_or_default();
                let ty = recv.split_whitespace().last().unwrap_or_default();
                let m = tail.trim_start().split('(').next().unwrap_or_default();
                format!("({ty}).{m}")
            } else {
                rest.split('(').next().unwrap_or_default().to_string()
            };
            assert!(resolve(&short).is_some(), "{short}");
            n += 1;
        }
        assert!(n > 60, "only {n} declarations read");
        assert!(resolve("NoSuchThing").is_none());
    }
}
