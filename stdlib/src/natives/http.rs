//! Package net/http: the two pure functions every request and response
//! goes through several times, as natives. The rest of the package is Go
//! (`stdlib/go/net/http`).
//!
//! Why these two: a served request canonicalises a header key a dozen
//! times (each `Header.Get`, `Set`, `Del` and every field read) and sniffs
//! the body's type once; interpreted, they were about half of the
//! instructions the server ran per request. Both are functions of their
//! argument alone, written here with the same rules as the Go they
//! replace (`CanonicalHeaderKey` as Go's `textproto.CanonicalMIMEHeaderKey`
//! without its interning, `DetectContentType` as the WHATWG signatures
//! gol's sniff.go listed).

use gol_vm::{Native, NativeCtx, NativeResult};

/// The natives of this module (see the table convention in `natives`).
pub const NATIVES: &[(&str, Native)] = &[
    (
        "CanonicalHeaderKey",
        Native::new(canonical_header_key, "func(s string) string"),
    ),
    (
        "DetectContentType",
        Native::new(detect_content_type, "func(data []byte) string"),
    ),
];

/// Whether `c` may appear in a header field name (RFC 9110 token).
fn is_token(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c)
}

/// The canonical form of header key `s`, or `None` when `s` is already
/// canonical or holds a byte no field name may hold (then it is returned
/// unchanged, as Go does).
pub fn canonical_key(s: &[u8]) -> Option<Vec<u8>> {
    let mut upper = true;
    let mut canonical = true;
    for &c in s {
        if !is_token(c) {
            return None;
        }
        if upper && c.is_ascii_lowercase() || !upper && c.is_ascii_uppercase() {
            canonical = false;
        }
        upper = c == b'-';
    }
    if canonical {
        return None;
    }
    let mut upper = true;
    Some(
        s.iter()
            .map(|&c| {
                let c = if upper {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                };
                upper = c == b'-';
                c
            })
            .collect(),
    )
}

fn canonical_header_key(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match canonical_key(ctx.str_ref(0)) {
        Some(b) => ctx.ret_str(0, &b),
        // The argument itself: no new string.
        None => ctx.ret_str_words(0, ctx.str_words(0)),
    }
    NativeResult::Ok
}

/// Tags that open an HTML document when followed by a space or '>'.
const HTML_TAGS: [&[u8]; 17] = [
    b"<!DOCTYPE HTML",
    b"<HTML",
    b"<HEAD",
    b"<SCRIPT",
    b"<IFRAME",
    b"<H1",
    b"<DIV",
    b"<FONT",
    b"<TABLE",
    b"<A",
    b"<STYLE",
    b"<TITLE",
    b"<B",
    b"<BODY",
    b"<BR",
    b"<P",
    b"<!--",
];

/// Exact prefixes and their types, in the order they are tried.
const EXACT_SIGS: [(&[u8], &str); 19] = [
    (b"%PDF-", "application/pdf"),
    (b"%!PS-Adobe-", "application/postscript"),
    (b"\xFE\xFF", "text/plain; charset=utf-16be"),
    (b"\xFF\xFE", "text/plain; charset=utf-16le"),
    (b"\xEF\xBB\xBF", "text/plain; charset=utf-8"),
    (b"\x00\x00\x01\x00", "image/x-icon"),
    (b"\x00\x00\x02\x00", "image/x-icon"),
    (b"BM", "image/bmp"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"\x89PNG\x0D\x0A\x1A\x0A", "image/png"),
    (b"\xFF\xD8\xFF", "image/jpeg"),
    (b"OggS\x00", "application/ogg"),
    (b"\x1A\x45\xDF\xA3", "video/webm"),
    (b"\x1F\x8B\x08", "application/x-gzip"),
    (b"PK\x03\x04", "application/zip"),
    (b"Rar!\x1A\x07\x00", "application/x-rar-compressed"),
    (b"Rar!\x1A\x07\x01\x00", "application/x-rar-compressed"),
    (b"\x00\x61\x73\x6D", "application/wasm"),
];

/// The MIME type of `data` from at most its first 512 bytes;
/// "application/octet-stream" when no rule fits.
pub fn content_type(data: &[u8]) -> &'static str {
    let data = &data[..data.len().min(512)];
    let ws = |b: u8| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
    let rest = &data[data.iter().position(|&b| !ws(b)).unwrap_or(data.len())..];
    if rest.first() == Some(&b'<') {
        for tag in HTML_TAGS {
            if rest.len() > tag.len()
                && rest[..tag.len()].eq_ignore_ascii_case(tag)
                && matches!(rest[tag.len()], b' ' | b'>')
            {
                return "text/html; charset=utf-8";
            }
        }
    }
    if rest.starts_with(b"<?xml") {
        return "text/xml; charset=utf-8";
    }
    if let Some((_, ct)) = EXACT_SIGS.iter().find(|(sig, _)| data.starts_with(sig)) {
        return ct;
    }
    if data.len() >= 14 && data.starts_with(b"RIFF") && &data[8..14] == b"WEBPVP" {
        return "image/webp";
    }
    if data.len() >= 12 && data.starts_with(b"RIFF") && &data[8..12] == b"WAVE" {
        return "audio/wave";
    }
    let binary =
        |b: u8| b <= 0x08 || b == 0x0B || (0x0E..=0x1A).contains(&b) || (0x1C..=0x1F).contains(&b);
    if data.iter().any(|&b| binary(b)) {
        return "application/octet-stream";
    }
    "text/plain; charset=utf-8"
}

fn detect_content_type(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (p, l, _) = ctx.slice(0);
    // Only the first 512 bytes are looked at: copy no more.
    let data = ctx.bytes_at(p, l.min(512));
    ctx.ret_str(0, content_type(&data).as_bytes());
    NativeResult::Ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_canonicalised_as_go_does() {
        let c = |s: &str| canonical_key(s.as_bytes()).map(|v| String::from_utf8(v).unwrap());
        assert_eq!(c("content-type").as_deref(), Some("Content-Type"));
        assert_eq!(c("X-FORWARDED-for").as_deref(), Some("X-Forwarded-For"));
        assert_eq!(c("Content-Type"), None);
        // A byte no field name holds: unchanged.
        assert_eq!(c("content type"), None);
        assert_eq!(c("héllo"), None);
        assert_eq!(c(""), None);
        assert_eq!(c("a--b").as_deref(), Some("A--B"));
    }

    #[test]
    fn content_types_follow_the_signatures() {
        assert_eq!(content_type(b"Hello world\n"), "text/plain; charset=utf-8");
        assert_eq!(content_type(b"  <html><body>"), "text/html; charset=utf-8");
        assert_eq!(content_type(b"<!-- x -->"), "text/html; charset=utf-8");
        assert_eq!(content_type(b"<a"), "text/plain; charset=utf-8");
        assert_eq!(content_type(b"<?xml version"), "text/xml; charset=utf-8");
        assert_eq!(content_type(b"%PDF-1.4"), "application/pdf");
        assert_eq!(content_type(b"\x89PNG\x0D\x0A\x1A\x0A...."), "image/png");
        assert_eq!(content_type(b"RIFF....WAVEfmt "), "audio/wave");
        assert_eq!(content_type(b"a\x00b"), "application/octet-stream");
        assert_eq!(content_type(b""), "text/plain; charset=utf-8");
    }
}
