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
use gol_vm::{ArgKind, Native, NativeCtx, NativeResult};

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

/// The natives of sync/atomic: name in the package, code, and the Go
/// signature the code implements (checked at load, see gol_vm's native
/// module). Functions and methods of one width share their code.
pub const NATIVES: &[(&str, Native)] = &[
    (
        "LoadInt32",
        Native::new(load::<I32>, "func(addr *int32) (val int32)"),
    ),
    (
        "LoadUint32",
        Native::new(load::<U32>, "func(addr *uint32) (val uint32)"),
    ),
    (
        "LoadInt64",
        Native::new(load::<W64>, "func(addr *int64) (val int64)"),
    ),
    (
        "LoadUint64",
        Native::new(load::<W64>, "func(addr *uint64) (val uint64)"),
    ),
    (
        "LoadUintptr",
        Native::new(load::<W64>, "func(addr *uintptr) (val uintptr)"),
    ),
    (
        "(*Int32).Load",
        Native::new(load::<I32>, "func(x *Int32) int32"),
    ),
    (
        "(*Uint32).Load",
        Native::new(load::<U32>, "func(x *Uint32) uint32"),
    ),
    (
        "(*Int64).Load",
        Native::new(load::<W64>, "func(x *Int64) int64"),
    ),
    (
        "(*Uint64).Load",
        Native::new(load::<W64>, "func(x *Uint64) uint64"),
    ),
    (
        "(*Uintptr).Load",
        Native::new(load::<W64>, "func(x *Uintptr) uintptr"),
    ),
    (
        "(*Value).Load",
        Native::new(load::<W64>, "func(v *Value) (val any)"),
    ),
    (
        "StoreInt32",
        Native::new(store::<I32>, "func(addr *int32, val int32)"),
    ),
    (
        "(*Int32).Store",
        Native::new(store::<I32>, "func(x *Int32, val int32)"),
    ),
    (
        "StoreUint32",
        Native::new(store::<U32>, "func(addr *uint32, val uint32)"),
    ),
    (
        "(*Uint32).Store",
        Native::new(store::<U32>, "func(x *Uint32, val uint32)"),
    ),
    (
        "StoreInt64",
        Native::new(store::<W64>, "func(addr *int64, val int64)"),
    ),
    (
        "StoreUint64",
        Native::new(store::<W64>, "func(addr *uint64, val uint64)"),
    ),
    (
        "StoreUintptr",
        Native::new(store::<W64>, "func(addr *uintptr, val uintptr)"),
    ),
    (
        "(*Int64).Store",
        Native::new(store::<W64>, "func(x *Int64, val int64)"),
    ),
    (
        "(*Uint64).Store",
        Native::new(store::<W64>, "func(x *Uint64, val uint64)"),
    ),
    (
        "(*Uintptr).Store",
        Native::new(store::<W64>, "func(x *Uintptr, val uintptr)"),
    ),
    (
        "SwapInt32",
        Native::new(swap::<I32>, "func(addr *int32, new int32) (old int32)"),
    ),
    (
        "(*Int32).Swap",
        Native::new(swap::<I32>, "func(x *Int32, new int32) (old int32)"),
    ),
    (
        "SwapUint32",
        Native::new(swap::<U32>, "func(addr *uint32, new uint32) (old uint32)"),
    ),
    (
        "(*Uint32).Swap",
        Native::new(swap::<U32>, "func(x *Uint32, new uint32) (old uint32)"),
    ),
    (
        "SwapInt64",
        Native::new(swap::<W64>, "func(addr *int64, new int64) (old int64)"),
    ),
    (
        "SwapUint64",
        Native::new(swap::<W64>, "func(addr *uint64, new uint64) (old uint64)"),
    ),
    (
        "SwapUintptr",
        Native::new(
            swap::<W64>,
            "func(addr *uintptr, new uintptr) (old uintptr)",
        ),
    ),
    (
        "(*Int64).Swap",
        Native::new(swap::<W64>, "func(x *Int64, new int64) (old int64)"),
    ),
    (
        "(*Uint64).Swap",
        Native::new(swap::<W64>, "func(x *Uint64, new uint64) (old uint64)"),
    ),
    (
        "(*Uintptr).Swap",
        Native::new(swap::<W64>, "func(x *Uintptr, new uintptr) (old uintptr)"),
    ),
    (
        "CompareAndSwapInt32",
        Native::new(
            cas::<I32>,
            "func(addr *int32, old int32, new int32) (swapped bool)",
        ),
    ),
    (
        "(*Int32).CompareAndSwap",
        Native::new(
            cas::<I32>,
            "func(x *Int32, old int32, new int32) (swapped bool)",
        ),
    ),
    (
        "CompareAndSwapUint32",
        Native::new(
            cas::<U32>,
            "func(addr *uint32, old uint32, new uint32) (swapped bool)",
        ),
    ),
    (
        "(*Uint32).CompareAndSwap",
        Native::new(
            cas::<U32>,
            "func(x *Uint32, old uint32, new uint32) (swapped bool)",
        ),
    ),
    (
        "CompareAndSwapInt64",
        Native::new(
            cas::<W64>,
            "func(addr *int64, old int64, new int64) (swapped bool)",
        ),
    ),
    (
        "CompareAndSwapUint64",
        Native::new(
            cas::<W64>,
            "func(addr *uint64, old uint64, new uint64) (swapped bool)",
        ),
    ),
    (
        "CompareAndSwapUintptr",
        Native::new(
            cas::<W64>,
            "func(addr *uintptr, old uintptr, new uintptr) (swapped bool)",
        ),
    ),
    (
        "(*Int64).CompareAndSwap",
        Native::new(
            cas::<W64>,
            "func(x *Int64, old int64, new int64) (swapped bool)",
        ),
    ),
    (
        "(*Uint64).CompareAndSwap",
        Native::new(
            cas::<W64>,
            "func(x *Uint64, old uint64, new uint64) (swapped bool)",
        ),
    ),
    (
        "(*Uintptr).CompareAndSwap",
        Native::new(
            cas::<W64>,
            "func(x *Uintptr, old uintptr, new uintptr) (swapped bool)",
        ),
    ),
    (
        "AddInt32",
        Native::new(add::<I32>, "func(addr *int32, delta int32) (new int32)"),
    ),
    (
        "(*Int32).Add",
        Native::new(add::<I32>, "func(x *Int32, delta int32) (new int32)"),
    ),
    (
        "AddUint32",
        Native::new(add::<U32>, "func(addr *uint32, delta uint32) (new uint32)"),
    ),
    (
        "(*Uint32).Add",
        Native::new(add::<U32>, "func(x *Uint32, delta uint32) (new uint32)"),
    ),
    (
        "AddInt64",
        Native::new(add::<W64>, "func(addr *int64, delta int64) (new int64)"),
    ),
    (
        "AddUint64",
        Native::new(add::<W64>, "func(addr *uint64, delta uint64) (new uint64)"),
    ),
    (
        "AddUintptr",
        Native::new(
            add::<W64>,
            "func(addr *uintptr, delta uintptr) (new uintptr)",
        ),
    ),
    (
        "(*Int64).Add",
        Native::new(add::<W64>, "func(x *Int64, delta int64) (new int64)"),
    ),
    (
        "(*Uint64).Add",
        Native::new(add::<W64>, "func(x *Uint64, delta uint64) (new uint64)"),
    ),
    (
        "(*Uintptr).Add",
        Native::new(add::<W64>, "func(x *Uintptr, delta uintptr) (new uintptr)"),
    ),
    (
        "AndInt32",
        Native::new(and::<I32>, "func(addr *int32, mask int32) (old int32)"),
    ),
    (
        "(*Int32).And",
        Native::new(and::<I32>, "func(x *Int32, mask int32) (old int32)"),
    ),
    (
        "AndUint32",
        Native::new(and::<U32>, "func(addr *uint32, mask uint32) (old uint32)"),
    ),
    (
        "(*Uint32).And",
        Native::new(and::<U32>, "func(x *Uint32, mask uint32) (old uint32)"),
    ),
    (
        "AndInt64",
        Native::new(and::<W64>, "func(addr *int64, mask int64) (old int64)"),
    ),
    (
        "AndUint64",
        Native::new(and::<W64>, "func(addr *uint64, mask uint64) (old uint64)"),
    ),
    (
        "AndUintptr",
        Native::new(
            and::<W64>,
            "func(addr *uintptr, mask uintptr) (old uintptr)",
        ),
    ),
    (
        "(*Int64).And",
        Native::new(and::<W64>, "func(x *Int64, mask int64) (old int64)"),
    ),
    (
        "(*Uint64).And",
        Native::new(and::<W64>, "func(x *Uint64, mask uint64) (old uint64)"),
    ),
    (
        "(*Uintptr).And",
        Native::new(and::<W64>, "func(x *Uintptr, mask uintptr) (old uintptr)"),
    ),
    (
        "OrInt32",
        Native::new(or::<I32>, "func(addr *int32, mask int32) (old int32)"),
    ),
    (
        "(*Int32).Or",
        Native::new(or::<I32>, "func(x *Int32, mask int32) (old int32)"),
    ),
    (
        "OrUint32",
        Native::new(or::<U32>, "func(addr *uint32, mask uint32) (old uint32)"),
    ),
    (
        "(*Uint32).Or",
        Native::new(or::<U32>, "func(x *Uint32, mask uint32) (old uint32)"),
    ),
    (
        "OrInt64",
        Native::new(or::<W64>, "func(addr *int64, mask int64) (old int64)"),
    ),
    (
        "OrUint64",
        Native::new(or::<W64>, "func(addr *uint64, mask uint64) (old uint64)"),
    ),
    (
        "OrUintptr",
        Native::new(or::<W64>, "func(addr *uintptr, mask uintptr) (old uintptr)"),
    ),
    (
        "(*Int64).Or",
        Native::new(or::<W64>, "func(x *Int64, mask int64) (old int64)"),
    ),
    (
        "(*Uint64).Or",
        Native::new(or::<W64>, "func(x *Uint64, mask uint64) (old uint64)"),
    ),
    (
        "(*Uintptr).Or",
        Native::new(or::<W64>, "func(x *Uintptr, mask uintptr) (old uintptr)"),
    ),
    ("(*Bool).Load", Native::new(bool_load, "func(x *Bool) bool")),
    (
        "(*Bool).Store",
        Native::new(store::<U32>, "func(x *Bool, val bool)"),
    ),
    (
        "(*Bool).Swap",
        Native::new(bool_swap, "func(x *Bool, new bool) (old bool)"),
    ),
    (
        "(*Bool).CompareAndSwap",
        Native::new(
            cas::<U32>,
            "func(x *Bool, old bool, new bool) (swapped bool)",
        ),
    ),
    (
        "(*Value).Store",
        Native::new(value_store, "func(v *Value, val any)"),
    ),
    (
        "(*Value).Swap",
        Native::new(value_swap, "func(v *Value, new any) (old any)"),
    ),
    (
        "(*Value).CompareAndSwap",
        Native::new(value_cas, "func(v *Value, old any, new any) (swapped bool)"),
    ),
];

/// The native for `short` (`AddInt32`, `(*Value).Store`), if it is one of
/// package sync/atomic's.
pub fn resolve(short: &str) -> Option<Native> {
    NATIVES.iter().find(|(n, _)| *n == short).map(|&(_, f)| f)
}

/// Sets result 0 to `r`, or fails with the nil dereference. One
/// function serves every width and the Bool and Value loads, so it writes
/// the word unchecked by kind (`set_result` still refuses a word past the
/// declared results): the table's stated signatures were checked at load.
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

fn load<const K: u8>(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let r = ctx.atomic_load(ctx.ptr(0), width(K));
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
    let r = ctx.atomic_load(ctx.ptr(0), Width::U32);
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
        let Some(old) = ctx.atomic_load(p, Width::W64) else {
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
            ctx.ret_iface(0, old);
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
    let Some(cur) = ctx.atomic_load(p, Width::W64) else {
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
    ctx.ret_bool(0, swapped);
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
