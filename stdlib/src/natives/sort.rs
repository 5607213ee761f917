//! Package sort: the natives behind `stdlib/go/sort/sort.go`: sorting
//! `[]int`, `[]float64` and `[]string` (equal elements are
//! indistinguishable there, except `-0` and `+0`, which may swap places
//! relative to Go), and `Slice`'s reflective length and swap.

use gol_lang::bytecode::{RtType, TypeKind};
use gol_vm::{NativeCtx, NativeResult};

/// The natives of this module.
pub const NATIVES: &[(&str, &str)] = &[
    ("Ints", "func(x []int)"),
    ("Float64s", "func(x []float64)"),
    ("Strings", "func(x []string)"),
    ("sliceLen", "func(x any) int"),
    ("sliceSwap", "func(x any, i int, j int)"),
];

/// The element type of this native's first parameter (a slice).
fn elem_type(ctx: &NativeCtx<'_>) -> Option<RtType> {
    let &t = ctx.signature().0.first()?;
    match ctx.type_kind(t) {
        TypeKind::Slice(e) => Some(*e),
        _ => None,
    }
}

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

/// Dispatches `sort.<name>`; `None` when it is not a native here.
pub fn call(name: &str, ctx: &mut NativeCtx<'_>) -> Option<NativeResult> {
    match name {
        "Ints" | "Float64s" | "Strings" => {
            let (p, n, _) = ctx.slice(0);
            let n = n as usize;
            let Some(e) = elem_type(ctx) else {
                return Some(NativeResult::Panic("sort: bad declaration".into()));
            };
            let words = match name {
                "Ints" => {
                    let mut v: Vec<i64> = ctx
                        .read_words(p, 0, n)
                        .into_iter()
                        .map(|w| w as i64)
                        .collect();
                    v.sort_unstable();
                    v.into_iter().map(|x| x as u64).collect::<Vec<u64>>()
                }
                "Float64s" => {
                    let mut v: Vec<f64> = ctx
                        .read_words(p, 0, n)
                        .into_iter()
                        .map(f64::from_bits)
                        .collect();
                    // Go's order: NaNs first, then ascending.
                    v.sort_by(|a, b| match (a.is_nan(), b.is_nan()) {
                        (true, true) => std::cmp::Ordering::Equal,
                        (true, false) => std::cmp::Ordering::Less,
                        (false, true) => std::cmp::Ordering::Greater,
                        _ => a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal),
                    });
                    v.into_iter().map(f64::to_bits).collect()
                }
                _ => {
                    let w = ctx.read_words(p, 0, 2 * n);
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
            };
            if n > 0 {
                ctx.store(p, 0, &words, e);
            }
        }
        "sliceLen" => match slice_in(ctx, ctx.iface(0)) {
            Ok((_, len, _, _)) => ctx.set_result(0, len),
            Err(msg) => return Some(NativeResult::Panic(msg)),
        },
        "sliceSwap" => {
            let (i, j) = (ctx.int(1), ctx.int(2));
            let (p, len, e, ew) = match slice_in(ctx, ctx.iface(0)) {
                Ok(s) => s,
                Err(msg) => return Some(NativeResult::Panic(msg)),
            };
            for k in [i, j] {
                if k < 0 || k as u64 >= len {
                    return Some(NativeResult::RuntimeError(format!(
                        "runtime error: index out of range [{k}] with length {len}"
                    )));
                }
            }
            let (i, j) = (i as usize, j as usize);
            let a = ctx.read_words(p, i * ew, ew);
            let b = ctx.read_words(p, j * ew, ew);
            ctx.store(p, i * ew, &b, e);
            ctx.store(p, j * ew, &a, e);
        }
        _ => return None,
    }
    Some(NativeResult::Ok)
}
