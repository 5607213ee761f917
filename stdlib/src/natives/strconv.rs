//! Package strconv: natives over [`crate::format`]'s Go-exact conversions.
//! Parse functions return Go's value alongside a failure code (1 syntax,
//! 2 range, 3 invalid base, 4 invalid bit size, with the base or size);
//! `stdlib/go/strconv/strconv.go` turns codes into `*NumError` values.
//! Go's panics for illegal bases and bit sizes in the Format functions are
//! Go panics with Go's messages.

use crate::format::{self, NumErrorKind};
use gol_vm::{Native, NativeCtx, NativeResult};

fn code(k: NumErrorKind) -> (u64, i64) {
    match k {
        NumErrorKind::Syntax => (1, 0),
        NumErrorKind::Range => (2, 0),
        NumErrorKind::Base(b) => (3, b),
        NumErrorKind::BitSize(b) => (4, b),
    }
}

/// `parseBool(str string) (bool, int)`.
fn parse_bool(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let s = ctx.str(0);
    let (v, c) = match format::parse_bool(&s) {
        Ok(v) => (v, 0),
        Err(e) => (false, code(e.err).0),
    };
    ctx.ret_bool(0, v);
    ctx.ret_int(1, c as i64);
    NativeResult::Ok
}

/// `parseFloat(s string, bitSize int) (float64, int)`.
fn parse_float(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let s = ctx.str(0);
    let bits = ctx.int(1);
    let (v, c) = match format::parse_float(&s, bits) {
        Ok(v) => (v, 0),
        Err((v, e)) => (v, code(e.err).0),
    };
    ctx.ret_float(0, v);
    ctx.ret_int(1, c as i64);
    NativeResult::Ok
}

/// `parseUint(s string, base int, bitSize int) (uint64, int, int)`.
fn parse_uint(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let s = ctx.str(0);
    let (base, bits) = (ctx.int(1), ctx.int(2));
    let (v, (c, x)) = match format::parse_uint(&s, base, bits) {
        Ok(v) => (v, (0, 0)),
        Err((v, e)) => (v, code(e.err)),
    };
    ctx.ret_uint(0, v);
    ctx.ret_int(1, c as i64);
    ctx.ret_int(2, x);
    NativeResult::Ok
}

/// `parseInt(s string, base int, bitSize int) (int64, int, int)`.
fn parse_int(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let s = ctx.str(0);
    let (base, bits) = (ctx.int(1), ctx.int(2));
    let (v, (c, x)) = match format::parse_int(&s, base, bits) {
        Ok(v) => (v, (0, 0)),
        Err((v, e)) => (v, code(e.err)),
    };
    ctx.ret_int(0, v);
    ctx.ret_int(1, c as i64);
    ctx.ret_int(2, x);
    NativeResult::Ok
}

/// `atoi(s string) (int, int)`.
fn atoi(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let s = ctx.str(0);
    let (v, c) = match format::atoi(&s) {
        Ok(v) => (v, 0),
        Err((v, e)) => (v, code(e.err).0),
    };
    ctx.ret_int(0, v);
    ctx.ret_int(1, c as i64);
    NativeResult::Ok
}

/// `func(s string) (string, bool)`: `unquote` and `quotedPrefix`.
fn unquoting<E>(ctx: &mut NativeCtx<'_>, f: impl Fn(&[u8]) -> Result<Vec<u8>, E>) -> NativeResult {
    let s = ctx.str(0);
    let (v, ok) = match f(&s) {
        Ok(v) => (v, true),
        Err(_) => (Vec::new(), false),
    };
    ctx.ret_str(0, &v);
    ctx.ret_bool(1, ok);
    NativeResult::Ok
}

/// `unquoteChar(s string, quote byte) (value rune, multibyte bool, tail
/// string, ok bool)`.
fn unquote_char(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let s = ctx.str(0);
    let q = ctx.uint(1) as u8;
    match format::unquote_char(&s, q) {
        Ok(u) => {
            let tail = u.tail.to_vec();
            ctx.ret_int(0, u.value);
            ctx.ret_bool(1, u.multibyte);
            ctx.ret_str(2, &tail);
            ctx.ret_bool(3, true);
        }
        Err(_) => {
            ctx.ret_int(0, 0);
            ctx.ret_bool(1, false);
            ctx.ret_str_words(2, (0, 0));
            ctx.ret_bool(3, false);
        }
    }
    NativeResult::Ok
}

fn format_float(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let f = ctx.float(0);
    let (fmt, prec, bits) = (ctx.uint(1) as u8, ctx.int(2), ctx.int(3));
    match format::format_float(f, fmt, prec, bits) {
        Ok(s) => ret_text(ctx, s.as_bytes()),
        Err(p) => NativeResult::Panic(p.to_string()),
    }
}

/// `FormatUint(i uint64, base int)` (`signed` false) and `FormatInt(i
/// int64, base int)`.
fn format_integer(ctx: &mut NativeCtx<'_>, signed: bool) -> NativeResult {
    let v = if signed {
        ctx.int(0) as u64
    } else {
        ctx.uint(0)
    };
    let base = u32::try_from(ctx.int(1)).unwrap_or(u32::MAX);
    let r = if signed {
        format::format_int(v as i64, base)
    } else {
        format::format_uint(v, base)
    };
    match r {
        Ok(s) => ret_text(ctx, s.as_bytes()),
        Err(p) => NativeResult::Panic(p.to_string()),
    }
}

fn ret_text(ctx: &mut NativeCtx<'_>, b: &[u8]) -> NativeResult {
    ctx.ret_str(0, b);
    NativeResult::Ok
}

/// `func(s string) string`.
fn s_s(ctx: &mut NativeCtx<'_>, f: impl Fn(&[u8]) -> Vec<u8>) -> NativeResult {
    let s = ctx.str(0);
    ret_text(ctx, &f(&s))
}

/// `func(r rune) T`, the rune as Go's int32.
fn rune0(ctx: &NativeCtx<'_>) -> i64 {
    ctx.int(0) as i32 as i64
}

/// `func(r rune) string`.
fn r_s(ctx: &mut NativeCtx<'_>, f: impl Fn(i64) -> Vec<u8>) -> NativeResult {
    let r = rune0(ctx);
    ret_text(ctx, &f(r))
}

/// `func(r rune) bool`.
fn r_b(ctx: &mut NativeCtx<'_>, f: impl Fn(i64) -> bool) -> NativeResult {
    let r = rune0(ctx);
    ctx.ret_bool(0, f(r));
    NativeResult::Ok
}

/// The natives of this module: name in the package, code, and the Go
/// signature the code implements (checked at load, see gol_vm's native
/// module). Each is its own function, resolved once at load.
pub const NATIVES: &[(&str, Native)] = &[
    (
        "parseBool",
        Native::new(parse_bool, "func(str string) (bool, int)"),
    ),
    (
        "parseFloat",
        Native::new(parse_float, "func(s string, bitSize int) (float64, int)"),
    ),
    (
        "parseUint",
        Native::new(
            parse_uint,
            "func(s string, base int, bitSize int) (uint64, int, int)",
        ),
    ),
    (
        "parseInt",
        Native::new(
            parse_int,
            "func(s string, base int, bitSize int) (int64, int, int)",
        ),
    ),
    ("atoi", Native::new(atoi, "func(s string) (int, int)")),
    (
        "unquote",
        Native::new(
            |c| unquoting(c, format::unquote),
            "func(s string) (string, bool)",
        ),
    ),
    (
        "unquoteChar",
        Native::new(
            unquote_char,
            "func(s string, quote byte) (value rune, multibyte bool, tail string, ok bool)",
        ),
    ),
    (
        "quotedPrefix",
        Native::new(
            |c| unquoting(c, format::quoted_prefix),
            "func(s string) (string, bool)",
        ),
    ),
    (
        "FormatBool",
        Native::new(
            |c| {
                let b = c.bool(0);
                ret_text(c, format::format_bool(b).as_bytes())
            },
            "func(b bool) string",
        ),
    ),
    (
        "FormatFloat",
        Native::new(
            format_float,
            "func(f float64, fmt byte, prec int, bitSize int) string",
        ),
    ),
    (
        "FormatUint",
        Native::new(
            |c| format_integer(c, false),
            "func(i uint64, base int) string",
        ),
    ),
    (
        "FormatInt",
        Native::new(
            |c| format_integer(c, true),
            "func(i int64, base int) string",
        ),
    ),
    (
        "Itoa",
        Native::new(
            |c| {
                let s = format::itoa(c.int(0));
                ret_text(c, s.as_bytes())
            },
            "func(i int) string",
        ),
    ),
    (
        "Quote",
        Native::new(|c| s_s(c, format::quote), "func(s string) string"),
    ),
    (
        "QuoteToASCII",
        Native::new(|c| s_s(c, format::quote_to_ascii), "func(s string) string"),
    ),
    (
        "QuoteToGraphic",
        Native::new(
            |c| s_s(c, format::quote_to_graphic),
            "func(s string) string",
        ),
    ),
    (
        "QuoteRune",
        Native::new(|c| r_s(c, format::quote_rune), "func(r rune) string"),
    ),
    (
        "QuoteRuneToASCII",
        Native::new(
            |c| r_s(c, format::quote_rune_to_ascii),
            "func(r rune) string",
        ),
    ),
    (
        "QuoteRuneToGraphic",
        Native::new(
            |c| r_s(c, format::quote_rune_to_graphic),
            "func(r rune) string",
        ),
    ),
    (
        "CanBackquote",
        Native::new(
            |c| {
                let s = c.str(0);
                c.ret_bool(0, format::can_backquote(&s));
                NativeResult::Ok
            },
            "func(s string) bool",
        ),
    ),
    (
        "IsPrint",
        Native::new(|c| r_b(c, format::is_print), "func(r rune) bool"),
    ),
    (
        "IsGraphic",
        Native::new(|c| r_b(c, format::is_graphic), "func(r rune) bool"),
    ),
];
