//! Package bytes: the searches and comparisons Go writes in assembly
//! (`internal/bytealg`), as natives over the same code as package
//! strings'. The rest of the package is Go (`stdlib/go/bytes`).

use super::strings::{count, index, last_index};
use gol_vm::{Native, NativeCtx, NativeResult};

/// The natives of this module (see the table convention in `natives`).
pub const NATIVES: &[(&str, Native)] = &[
    (
        "IndexByte",
        Native::new(
            |c| bc_i(c, |s, b| s.iter().position(|&x| x == b)),
            "func(b []byte, c byte) int",
        ),
    ),
    (
        "LastIndexByte",
        Native::new(
            |c| bc_i(c, |s, b| s.iter().rposition(|&x| x == b)),
            "func(s []byte, c byte) int",
        ),
    ),
    (
        "Index",
        Native::new(|c| bb_i(c, index), "func(s, sep []byte) int"),
    ),
    (
        "LastIndex",
        Native::new(|c| bb_i(c, last_index), "func(s, sep []byte) int"),
    ),
    (
        "Count",
        Native::new(
            |c| bb_i(c, |s, t| Some(count(s, t))),
            "func(s, sep []byte) int",
        ),
    ),
    (
        "Equal",
        Native::new(
            |c| {
                let (a, b) = (c.bytes(0), c.bytes(1));
                c.ret_bool(0, a == b);
                NativeResult::Ok
            },
            "func(a, b []byte) bool",
        ),
    ),
    (
        "Compare",
        Native::new(
            |c| {
                let (a, b) = (c.bytes(0), c.bytes(1));
                c.ret_int(0, a.cmp(&b) as i64);
                NativeResult::Ok
            },
            "func(a, b []byte) int",
        ),
    ),
];

/// `func(s []byte, c byte) int`, an index or -1.
fn bc_i(ctx: &mut NativeCtx<'_>, f: impl Fn(&[u8], u8) -> Option<usize>) -> NativeResult {
    // Borrowed: one pass over the bytes, so a racing writer changes only
    // which index comes back (bytes_ref).
    let c = ctx.uint(1) as u8;
    let i = f(ctx.bytes_ref(0), c).map_or(-1, |i| i as i64);
    ctx.ret_int(0, i);
    NativeResult::Ok
}

/// `func(s, t []byte) int`, an index (or count) or -1.
fn bb_i(ctx: &mut NativeCtx<'_>, f: impl Fn(&[u8], &[u8]) -> Option<usize>) -> NativeResult {
    let (s, t) = (ctx.bytes(0), ctx.bytes(1));
    ctx.ret_int(0, f(&s, &t).map_or(-1, |i| i as i64));
    NativeResult::Ok
}
