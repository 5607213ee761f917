//! Package sort: the natives behind `stdlib/go/sort/sort.go`: sorting
//! `[]int`, `[]float64` and `[]string` (equal elements are
//! indistinguishable there, except `-0` and `+0`, which may swap places
//! relative to Go), and `Slice`'s reflective length and swap.

use gol_lang::bytecode::{RtType, TypeKind};
use gol_vm::{Native, NativeCtx, NativeResult};

/// The slice inside interface word `w`: (ptr, len, element type, words
/// per element), or Go's panic message.
fn slice_in(ctx: &NativeCtx<'_>, w: u64) -> Result<(u64, u64, RtType, usize), String> {
    let Some(t) = ctx.box_type(w) else {
        return Err("reflect: call of Swapper on zero Value".into());
    };
    let TypeKind::Slice(e) = *ctx.type_kind(t) else {
        let kind = match ctx.type_kind(t) {
            TypeKind::Bool => "bool".to_string(),
            TypeKind::String => "string".to_string(),
            TypeKind::Pointer(_) => "ptr".to_string(),
            TypeKind::Struct(_) => "struct".to_string(),
            TypeKind::Array(..) => "array".to_string(),
            TypeKind::Map(..) => "map".to_string(),
            TypeKind::Func => "func".to_string(),
            TypeKind::Chan(_) => "chan".to_string(),
            _ => ctx.program().ty(t).name.clone(),
        };
        return Err(format!("reflect: call of Swapper on {kind} Value"));
    };
    let words = ctx.box_words(w);
    let ew = ctx.program().ty(e).words.max(1) as usize;
    Ok((
        words.first().copied().unwrap_or(0),
        words.get(1).copied().unwrap_or(0),
        e,
        ew,
    ))
}

/// `Ints`, `Float64s` and `Strings`: sorts slice parameter 0 in place,
/// with `sort` ordering its elements' words.
fn sort_slice(
    ctx: &mut NativeCtx<'_>,
    sort: fn(&NativeCtx<'_>, Vec<u64>, usize) -> Vec<u64>,
) -> NativeResult {
    let (p, n, _) = ctx.slice(0);
    let n = n as usize;
    let e = ctx.slice_elem(0);
    let ew = ctx.program().ty(e).words.max(1) as usize;
    let words = sort(ctx, ctx.read_words(p, 0, n * ew), n);
    if n > 0 {
        ctx.store(p, 0, &words, e);
    }
    NativeResult::Ok
}

fn ints(_: &NativeCtx<'_>, w: Vec<u64>, _: usize) -> Vec<u64> {
    let mut v: Vec<i64> = w.into_iter().map(|w| w as i64).collect();
    v.sort_unstable();
    v.into_iter().map(|x| x as u64).collect()
}

fn float64s(_: &NativeCtx<'_>, w: Vec<u64>, _: usize) -> Vec<u64> {
    let mut v: Vec<f64> = w.into_iter().map(f64::from_bits).collect();
    // Go's order: NaNs first, then ascending.
    v.sort_by(|a, b| match (a.is_nan(), b.is_nan()) {
        (true, true) => std::cmp::Ordering::Equal,
        (true, false) => std::cmp::Ordering::Less,
        (false, true) => std::cmp::Ordering::Greater,
        _ => a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal),
    });
    v.into_iter().map(f64::to_bits).collect()
}

fn strings(ctx: &NativeCtx<'_>, w: Vec<u64>, n: usize) -> Vec<u64> {
    let mut v: Vec<(Vec<u8>, u64, u64)> = (0..n)
        .map(|k| {
            (
                ctx.string_at(w[2 * k], w[2 * k + 1]),
                w[2 * k],
                w[2 * k + 1],
            )
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v.into_iter().flat_map(|(_, a, b)| [a, b]).collect()
}

/// `sliceLen(x any) int`.
fn slice_len(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match slice_in(ctx, ctx.iface(0)) {
        Ok((_, len, _, _)) => {
            ctx.ret_int(0, len as i64);
            NativeResult::Ok
        }
        Err(msg) => NativeResult::Panic(msg),
    }
}

/// `sliceSwap(x any, i int, j int)`.
fn slice_swap(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (i, j) = (ctx.int(1), ctx.int(2));
    let (p, len, e, _) = match slice_in(ctx, ctx.iface(0)) {
        Ok(s) => s,
        Err(msg) => return NativeResult::Panic(msg),
    };
    for k in [i, j] {
        if k < 0 || k as u64 >= len {
            return NativeResult::RuntimeError(format!(
                "runtime error: index out of range [{k}] with length {len}"
            ));
        }
    }
    let (i, j) = (i as u64, j as u64);
    let size = ctx.program().ty(e).size;
    let a = ctx.read_elems(p, i, 1, e);
    let b = ctx.read_elems(p, j, 1, e);
    ctx.store(p, i * size, &b, e);
    ctx.store(p, j * size, &a, e);
    NativeResult::Ok
}

/// The natives of this module: name, code, and the Go signature the code
/// implements (checked at load, see gol_vm's native module).
pub const NATIVES: &[(&str, Native)] = &[
    (
        "Ints",
        Native::new(|c| sort_slice(c, ints), "func(x []int)"),
    ),
    (
        "Float64s",
        Native::new(|c| sort_slice(c, float64s), "func(x []float64)"),
    ),
    (
        "Strings",
        Native::new(|c| sort_slice(c, strings), "func(x []string)"),
    ),
    ("sliceLen", Native::new(slice_len, "func(x any) int")),
    (
        "sliceSwap",
        Native::new(slice_swap, "func(x any, i int, j int)"),
    ),
];
