//! What the cold arms of `run` compute on values: Go's UTF-8 decoding
//! ([`decode_rune`]), Go's float `min`, the
//! word counts of a map's key and value, the message of a failed type
//! assertion and interface equality. They stand apart from `run` because
//! they are plain functions of their arguments, with no access to the
//! goroutine or the frame; keeping them out of `mod.rs` leaves that file
//! to the dispatch loop.

use super::*;

/// Go's UTF-8 decoding at byte `i`: (rune, width); invalid bytes decode as
/// U+FFFD with width 1.
pub(crate) fn decode_rune(s: &[u8], i: usize) -> (u32, usize) {
    let Some(rest) = s.get(i..) else {
        return (0xFFFD, 1);
    };
    // ASCII, the common case, without the validation below.
    if let Some(&b) = rest.first() {
        if b < 0x80 {
            return (b as u32, 1);
        }
    }
    let chunk = &rest[..rest.len().min(4)];
    let valid = match std::str::from_utf8(chunk) {
        Ok(v) => v,
        Err(e) => {
            // SAFETY-free: `valid_up_to` bytes are valid UTF-8.
            std::str::from_utf8(&chunk[..e.valid_up_to()]).unwrap_or("")
        }
    };
    match valid.chars().next() {
        Some(c) => (c as u32, c.len_utf8()),
        None => (0xFFFD, 1),
    }
}

/// Go's `min` of two floats: NaN if either is NaN, and -0 below +0.
pub(super) fn go_min(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        // Equal values differ only in the sign of zero: -0 is smaller.
        return if x.is_sign_negative() { x } else { y };
    }
    x.min(y)
}

/// The key's and the value's words of map type `t`.
pub(super) fn map_kv(prog: &Program, t: RtType) -> (usize, usize) {
    match prog.ty(t).kind {
        TypeKind::Map(k, v) => (prog.ty(k).words as usize, prog.ty(v).words as usize),
        _ => (0, 0),
    }
}

/// The message of a failed assertion to concrete type `want` of an
/// interface value (of type `iface`) holding `have`: two distinct types
/// that print alike are told apart as Go's runtime does.
pub(super) fn assert_mismatch(
    prog: &Program,
    iface: &str,
    have: Option<RtType>,
    want: RtType,
) -> String {
    let want_name = &prog.ty(want).name;
    let Some(h) = have else {
        return format!("interface conversion: {iface} is nil, not {want_name}");
    };
    let have_name = &prog.ty(h).name;
    let scopes = if have_name == want_name {
        " (types from different scopes)"
    } else {
        ""
    };
    format!("interface conversion: {iface} is {have_name}, not {want_name}{scopes}")
}

/// Interface equality: same dynamic type and equal values; comparing
/// uncomparable dynamic types panics as in Go.
pub(super) fn iface_equal(prog: &Program, a: u64, b: u64) -> Result<bool, String> {
    crate::map::iface_equal(prog, a, b).map_err(|u| {
        format!(
            "runtime error: comparing uncomparable type {}",
            prog.ty(u).name
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rune_like_go() {
        assert_eq!(decode_rune("héllo".as_bytes(), 1), (0xE9, 2));
        assert_eq!(decode_rune(b"\xff", 0), (0xFFFD, 1));
        assert_eq!(decode_rune(b"\xe2\x82", 0), (0xFFFD, 1));
        assert_eq!(decode_rune("€".as_bytes(), 0), (0x20AC, 3));
        assert_eq!(decode_rune(b"a", 5), (0xFFFD, 1));
    }
}
