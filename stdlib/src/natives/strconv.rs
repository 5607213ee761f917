//! Package strconv: natives over [`crate::format`]'s Go-exact conversions.
//! Parse functions return Go's value alongside a failure code (1 syntax,
//! 2 range, 3 invalid base, 4 invalid bit size, with the base or size);
//! `stdlib/go/strconv/strconv.go` turns codes into `*NumError` values.
//! Go's panics for illegal bases and bit sizes in the Format functions are
//! Go panics with Go's messages.

use super::ret_str;
use crate::format::{self, NumErrorKind};
use gol_vm::{NativeCtx, NativeResult};

fn code(k: NumErrorKind) -> (u64, i64) {
    match k {
        NumErrorKind::Syntax => (1, 0),
        NumErrorKind::Range => (2, 0),
        NumErrorKind::Base(b) => (3, b),
        NumErrorKind::BitSize(b) => (4, b),
    }
}

/// The natives of this module.
pub const NATIVES: &[(&str, &str)] = &[
    ("parseBool", "func(str string) (bool, int)"),
    ("parseFloat", "func(s string, bitSize int) (float64, int)"),
    (
        "parseUint",
        "func(s string, base int, bitSize int) (uint64, int, int)",
    ),
    (
        "parseInt",
        "func(s string, base int, bitSize int) (int64, int, int)",
    ),
    ("atoi", "func(s string) (int, int)"),
    ("unquote", "func(s string) (string, bool)"),
    (
        "unquoteChar",
        "func(s string, quote byte) (value rune, multibyte bool, tail string, ok bool)",
    ),
    ("quotedPrefix", "func(s string) (string, bool)"),
    ("FormatBool", "func(b bool) string"),
    (
        "FormatFloat",
        "func(f float64, fmt byte, prec int, bitSize int) string",
    ),
    ("FormatUint", "func(i uint64, base int) string"),
    ("FormatInt", "func(i int64, base int) string"),
    ("Itoa", "func(i int) string"),
    ("Quote", "func(s string) string"),
    ("QuoteToASCII", "func(s string) string"),
    ("QuoteToGraphic", "func(s string) string"),
    ("QuoteRune", "func(r rune) string"),
    ("QuoteRuneToASCII", "func(r rune) string"),
    ("QuoteRuneToGraphic", "func(r rune) string"),
    ("CanBackquote", "func(s string) bool"),
    ("IsPrint", "func(r rune) bool"),
    ("IsGraphic", "func(r rune) bool"),
];

/// Dispatches `strconv.<name>`; `None` when it is not a native here.
pub fn call(name: &str, ctx: &mut NativeCtx<'_>) -> Option<NativeResult> {
    match name {
        "parseBool" => {
            let s = ctx.str(0);
            let (v, c) = match format::parse_bool(&s) {
                Ok(v) => (v, 0),
                Err(e) => (false, code(e.err).0),
            };
            ctx.set_result(0, v as u64);
            ctx.set_result(1, c);
        }
        "parseFloat" => {
            let s = ctx.str(0);
            let bits = ctx.int(1);
            let (v, c) = match format::parse_float(&s, bits) {
                Ok(v) => (v, 0),
                Err((v, e)) => (v, code(e.err).0),
            };
            ctx.set_result(0, v.to_bits());
            ctx.set_result(1, c);
        }
        "parseUint" | "parseInt" => {
            let s = ctx.str(0);
            let (base, bits) = (ctx.int(1), ctx.int(2));
            let (v, (c, x)) = if name == "parseUint" {
                match format::parse_uint(&s, base, bits) {
                    Ok(v) => (v, (0, 0)),
                    Err((v, e)) => (v, code(e.err)),
                }
            } else {
                match format::parse_int(&s, base, bits) {
                    Ok(v) => (v as u64, (0, 0)),
                    Err((v, e)) => (v as u64, code(e.err)),
                }
            };
            ctx.set_result(0, v);
            ctx.set_result(1, c);
            ctx.set_result(2, x as u64);
        }
        "atoi" => {
            let s = ctx.str(0);
            let (v, c) = match format::atoi(&s) {
                Ok(v) => (v, 0),
                Err((v, e)) => (v, code(e.err).0),
            };
            ctx.set_result(0, v as u64);
            ctx.set_result(1, c);
        }
        "unquote" | "quotedPrefix" => {
            let s = ctx.str(0);
            let r = if name == "unquote" {
                format::unquote(&s)
            } else {
                format::quoted_prefix(&s)
            };
            let (v, ok) = match r {
                Ok(v) => (v, true),
                Err(_) => (Vec::new(), false),
            };
            ret_str(ctx, 0, &v);
            ctx.set_result(2, ok as u64);
        }
        "unquoteChar" => {
            let s = ctx.str(0);
            let q = ctx.uint(1) as u8;
            match format::unquote_char(&s, q) {
                Ok(u) => {
                    let tail = u.tail.to_vec();
                    ctx.set_result(0, u.value as u64);
                    ctx.set_result(1, u.multibyte as u64);
                    ret_str(ctx, 2, &tail);
                    ctx.set_result(4, 1);
                }
                Err(_) => {
                    for i in 0..5 {
                        ctx.set_result(i, 0);
                    }
                }
            }
        }
        "FormatBool" => {
            let b = ctx.bool(0);
            ret_str(ctx, 0, format::format_bool(b).as_bytes());
        }
        "FormatFloat" => {
            let f = ctx.float(0);
            let (fmt, prec, bits) = (ctx.uint(1) as u8, ctx.int(2), ctx.int(3));
            match format::format_float(f, fmt, prec, bits) {
                Ok(s) => ret_str(ctx, 0, s.as_bytes()),
                Err(p) => return Some(NativeResult::Panic(p.to_string())),
            }
        }
        "FormatUint" | "FormatInt" => {
            let v = ctx.int_bits(0);
            let base = ctx.int(1);
            let base = u32::try_from(base).unwrap_or(u32::MAX);
            let r = if name == "FormatUint" {
                format::format_uint(v, base)
            } else {
                format::format_int(v as i64, base)
            };
            match r {
                Ok(s) => ret_str(ctx, 0, s.as_bytes()),
                Err(p) => return Some(NativeResult::Panic(p.to_string())),
            }
        }
        "Itoa" => {
            let s = format::itoa(ctx.int(0));
            ret_str(ctx, 0, s.as_bytes());
        }
        "Quote" | "QuoteToASCII" | "QuoteToGraphic" => {
            let s = ctx.str(0);
            let q = match name {
                "Quote" => format::quote(&s),
                "QuoteToASCII" => format::quote_to_ascii(&s),
                _ => format::quote_to_graphic(&s),
            };
            ret_str(ctx, 0, &q);
        }
        "QuoteRune" | "QuoteRuneToASCII" | "QuoteRuneToGraphic" => {
            let r = ctx.int(0) as i32 as i64;
            let q = match name {
                "QuoteRune" => format::quote_rune(r),
                "QuoteRuneToASCII" => format::quote_rune_to_ascii(r),
                _ => format::quote_rune_to_graphic(r),
            };
            ret_str(ctx, 0, &q);
        }
        "CanBackquote" => {
            let s = ctx.str(0);
            ctx.set_result(0, format::can_backquote(&s) as u64);
        }
        "IsPrint" | "IsGraphic" => {
            let r = ctx.int(0) as i32 as i64;
            let v = if name == "IsPrint" {
                format::is_print(r)
            } else {
                format::is_graphic(r)
            };
            ctx.set_result(0, v as u64);
        }
        _ => return None,
    }
    Some(NativeResult::Ok)
}
