//! `Sprintf` (and `Sprint`, `Sprintln`) of scalar operands without the
//! printer's value walk: the common case (`fmt.Sprintf("k%07d", i)`,
//! `"%s=%d"`, `fmt.Println(n, s)`) formatted straight from the operands'
//! words.
//!
//! The full [`Printer`](super::Printer) reaches every operand through the
//! [`FmtValue`](super::FmtValue) trait (kind, methods, `Formatter`,
//! nesting), which costs more than formatting a number does. When every
//! operand is a [`Scalar`] whose type has no methods (so no `Error`,
//! `String` or `Format` can run and nothing can panic), a directive
//! reduces to Go's flag parsing and one `fmtX` call of [`Fmt`], which is
//! what this module does, with the same `Fmt` methods the printer calls.
//!
//! Anything else declines (the caller then runs the full printer, which
//! gives the same bytes): a directive with `#`, `*` or an argument index
//! `[n]`, a verb this table does not list for the operand's kind, a
//! missing or extra operand, a missing verb, and widths, precisions or
//! strings past [`MAX_PIECE`] (the full printer charges large outputs to
//! the heap's budget; what passes here stays far below its smallest
//! charge). The table of Go's own outputs (`testdata/fmt.tsv`) checks
//! every case this path takes (`tests/fmt_table.rs`).
//!
//! Verbs taken, per kind, as Go's `printValue` then `fmtInteger`,
//! `fmtString` and `fmtBool` route them without `#`:
//!
//! | kind | verbs |
//! |---|---|
//! | signed and unsigned integers | `v d b o x X` |
//! | strings | `v s q x X` |
//! | bools | `v t` |

use super::verbs::{Fmt, LDIGITS, UDIGITS};

/// An operand of a type without methods, by kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar<'a> {
    Bool(bool),
    Int(i64),
    Uint(u64),
    Str(&'a [u8]),
}

/// The largest width, precision or string this path formats (bytes).
pub const MAX_PIECE: usize = 1 << 16;

/// Appends `Sprintf(format, args...)` to `buf` and returns true, or
/// returns false with `buf` as it was when the full printer is needed
/// (module docs).
pub fn sprintf_scalars(buf: &mut Vec<u8>, format: &[u8], args: &[Scalar<'_>]) -> bool {
    let start = buf.len();
    let mut f = Fmt {
        buf: std::mem::take(buf),
        ..Fmt::default()
    };
    let ok = format.len() <= MAX_PIECE && directives(&mut f, format, args);
    *buf = f.buf;
    if !ok {
        buf.truncate(start);
    }
    ok
}

/// Appends `Sprint(args...)` to `buf` (`Sprintln`'s text when `ln`) and
/// returns true, or returns false with `buf` as it was when the full
/// printer is needed: as Go's `doPrint` and `doPrintln`, each operand
/// under `%v`, a space between two operands neither of which is a string
/// (between every two for `ln`, which ends the line).
pub fn sprint_scalars(buf: &mut Vec<u8>, args: &[Scalar<'_>], ln: bool) -> bool {
    let start = buf.len();
    let mut f = Fmt {
        buf: std::mem::take(buf),
        ..Fmt::default()
    };
    let mut prev_string = false;
    let mut ok = true;
    for (i, &arg) in args.iter().enumerate() {
        let is_string = matches!(arg, Scalar::Str(_));
        if i > 0 && (ln || !(is_string || prev_string)) {
            f.buf.push(b' ');
        }
        f.clear_flags();
        if !one(&mut f, arg, b'v') {
            ok = false;
            break;
        }
        prev_string = is_string;
    }
    if ok && ln {
        f.buf.push(b'\n');
    }
    *buf = f.buf;
    if !ok {
        buf.truncate(start);
    }
    ok
}

/// Go's `parsenum` bounded by [`MAX_PIECE`]: the number at `i`, whether
/// there was one, and the index after it; `None` past the bound.
fn number(s: &[u8], mut i: usize) -> Option<(i64, bool, usize)> {
    let mut n: i64 = 0;
    let mut present = false;
    while i < s.len() && s[i].is_ascii_digit() {
        n = n * 10 + i64::from(s[i] - b'0');
        if n > MAX_PIECE as i64 {
            return None;
        }
        present = true;
        i += 1;
    }
    Some((n, present, i))
}

/// The loop of Go's `doPrintf` over `format` for the directives this
/// path takes; false at the first it does not.
fn directives(f: &mut Fmt, format: &[u8], args: &[Scalar<'_>]) -> bool {
    let end = format.len();
    let mut arg_num = 0;
    let mut i = 0;
    while i < end {
        let lasti = i;
        while i < end && format[i] != b'%' {
            i += 1;
        }
        f.buf.extend_from_slice(&format[lasti..i]);
        if i >= end {
            break;
        }
        i += 1;
        f.clear_flags();
        // Flags, then (as `doPrintf`'s shortcut) a lower-case verb right
        // after them.
        let mut verb = None;
        while i < end {
            match format[i] {
                b'0' => f.flags.zero = true,
                b'+' => f.flags.plus = true,
                b'-' => f.flags.minus = true,
                b' ' => f.flags.space = true,
                b'#' => return false,
                c => {
                    if c.is_ascii_lowercase() && arg_num < args.len() {
                        verb = Some(c);
                        i += 1;
                    }
                    break;
                }
            }
            i += 1;
        }
        let verb = match verb {
            Some(v) => v,
            None => {
                if i < end && matches!(format[i], b'[' | b'*') {
                    return false;
                }
                let Some((w, present, ni)) = number(format, i) else {
                    return false;
                };
                (f.wid, f.flags.wid_present, i) = (w, present, ni);
                if i + 1 < end && format[i] == b'.' {
                    i += 1;
                    if matches!(format[i], b'[' | b'*') {
                        return false;
                    }
                    let Some((p, _, ni)) = number(format, i) else {
                        return false;
                    };
                    // A `.` without digits is precision 0.
                    (f.prec, f.flags.prec_present, i) = (p, true, ni);
                }
                // Past the end (NOVERB), a reordering index, or a verb
                // that is not ASCII: the printer's.
                match format.get(i) {
                    Some(&c) if c.is_ascii() && c != b'[' => {
                        i += 1;
                        c
                    }
                    _ => return false,
                }
            }
        };
        if verb == b'%' {
            // Absorbs no operand and ignores width and precision.
            f.buf.push(b'%');
            continue;
        }
        let Some(&arg) = args.get(arg_num) else {
            return false;
        };
        arg_num += 1;
        if verb == b'v' {
            // `%+v` is `plusV`, which no scalar prints.
            f.flags.plus = false;
        }
        if !one(f, arg, verb) {
            return false;
        }
    }
    // Extra operands (`%!(EXTRA ...)`) are the printer's.
    arg_num == args.len()
}

/// Formats `arg` under `verb` as the printer would for a scalar without
/// methods; false for a verb not in the module's table.
fn one(f: &mut Fmt, arg: Scalar<'_>, verb: u8) -> bool {
    let int = |f: &mut Fmt, u: u64, signed: bool| {
        let (base, digits) = match verb {
            b'v' | b'd' => (10, LDIGITS),
            b'b' => (2, LDIGITS),
            b'o' => (8, LDIGITS),
            b'x' => (16, LDIGITS),
            b'X' => (16, UDIGITS),
            _ => return false,
        };
        f.fmt_integer(u, base, signed, char::from(verb), digits);
        true
    };
    match arg {
        Scalar::Int(v) => int(f, v as u64, true),
        Scalar::Uint(u) => int(f, u, false),
        Scalar::Str(s) if s.len() <= MAX_PIECE => {
            match verb {
                b'v' | b's' => f.fmt_s(s),
                b'q' => f.fmt_q(s),
                b'x' => f.fmt_sbx(s, LDIGITS),
                b'X' => f.fmt_sbx(s, UDIGITS),
                _ => return false,
            }
            true
        }
        Scalar::Str(_) => false,
        Scalar::Bool(b) => match verb {
            b'v' | b't' => {
                f.fmt_boolean(b);
                true
            }
            _ => false,
        },
    }
}
