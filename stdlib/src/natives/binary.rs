//! encoding/binary's Read, Write, Size, Append, Encode and Decode over the
//! VM's type descriptors: no reflect package.
//!
//! A fixed-size value is what Go's `sizeof` accepts: `bool`, the sized
//! integers, floats and complexes, and arrays and structs of them. Its
//! encoding is the concatenation of its scalars in declaration order,
//! each in the byte order asked for; a struct's blank (`_`) fields are
//! written as zeros and skipped when read. The walk reads a value's slot
//! words by its runtime type (`TypeKind`, struct fields with their word
//! offsets), as encoding/json's natives do, through the context's typed
//! accessors (`read_value`, `read_elems`, `store`, which takes the write
//! barrier).
//!
//! The Go half (stdlib/go/encoding/binary) asks [`size`] first (Go's
//! `dataSize` of the value, or of the target that Read and Decode fill:
//! a pointer's element or a slice), reads or checks the buffer, then
//! calls [`encode`] or [`decode`] with the little- or big-endian order.
//! A `ByteOrder` of the program's own goes through the little-endian
//! encoding and [`widths`] (the byte width of each scalar, in order),
//! with which the Go half converts each scalar by that order's methods.
//!
//! One gap: a descriptor says "64-bit signed integer" for both `int` and
//! `int64`, and only the unnamed types are told apart by name; a named
//! type whose underlying type is `int` or `uint` is taken as `int64` or
//! `uint64` (Go rejects it as not fixed-size).
//!
//! Memory: the native allocates only its result slice, after the walk,
//! and calls nothing: it reaches no safepoint while it holds words.

use crate::natives::fmtvalue::reflect_name;
use crate::natives::json::{embedded_name, is_exported};
use gol_lang::bytecode::{RtType, TypeKind};
use gol_vm::{Native, NativeCtx, NativeResult};

pub const NATIVES: &[(&str, Native)] = &[
    (
        "size",
        Native::new(size, "func(v any, target bool) (n int, name string)"),
    ),
    (
        "encode",
        Native::new(encode, "func(v any, big bool) []byte"),
    ),
    (
        "decode",
        Native::new(decode, "func(data []byte, big bool, v any)"),
    ),
    (
        "widths",
        Native::new(widths, "func(v any, target bool) []byte"),
    ),
];

/// Go's `sizeof`: the encoded size of a value of type `t`, `None` when
/// it is not fixed-size.
fn sizeof(cx: &NativeCtx<'_>, t: RtType) -> Option<u64> {
    let d = cx.program().ty(t);
    match &d.kind {
        TypeKind::Bool => Some(1),
        TypeKind::Int { bits, .. } => {
            if d.name == "int" || d.name == "uint" {
                None
            } else {
                Some(u64::from(*bits) / 8)
            }
        }
        TypeKind::Float { bits } => Some(u64::from(*bits) / 8),
        TypeKind::Complex { bits } => Some(u64::from(*bits) / 8),
        TypeKind::Array(n, e) => sizeof(cx, *e).map(|s| s * n),
        TypeKind::Struct(fs) => fs.iter().map(|f| sizeof(cx, f.ty)).sum(),
        _ => None,
    }
}

/// What the data argument stands for: values of type `elem`, `n` of them,
/// at `ptr` (memory) or in `words` (an interface box's value, which
/// cannot be written).
struct Data {
    elem: RtType,
    n: u64,
    ptr: u64,
    words: Option<Vec<u64>>,
}

/// The data of interface word `w`: for Write and Size (`target` false)
/// Go's `reflect.Indirect(ValueOf(v))`, for Read and Decode (`target`
/// true) a pointer's element or a slice's elements. `Err` carries the
/// type's name (reflect's spelling) when the data is not acceptable.
fn data_of(cx: &NativeCtx<'_>, w: u64, target: bool) -> Result<Data, String> {
    let Some(t) = cx.box_type(w) else {
        return Err("<nil>".into());
    };
    let name = reflect_name(&cx.program().ty(t).name);
    let words = cx.box_words(w);
    let w0 = words.first().copied().unwrap_or(0);
    let d = match cx.program().ty(t).kind {
        TypeKind::Pointer(e) if w0 != 0 => Data {
            elem: e,
            n: 1,
            ptr: w0,
            words: None,
        },
        TypeKind::Slice(e) => Data {
            elem: e,
            n: words.get(1).copied().unwrap_or(0),
            ptr: w0,
            words: None,
        },
        TypeKind::Pointer(_) => return Err(name),
        _ if target => return Err(name),
        _ => Data {
            elem: t,
            n: 1,
            ptr: 0,
            words: Some(words),
        },
    };
    match sizeof(cx, d.elem) {
        Some(_) => Ok(d),
        None => Err(name),
    }
}

fn size(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let w = ctx.iface(0);
    let target = ctx.bool(1);
    match data_of(ctx, w, target) {
        Ok(d) => {
            let n = sizeof(ctx, d.elem).unwrap_or(0) * d.n;
            ctx.ret_int(0, n as i64);
            ctx.ret_str(1, b"");
        }
        Err(name) => {
            ctx.ret_int(0, -1);
            ctx.ret_str(1, name.as_bytes());
        }
    }
    NativeResult::Ok
}

/// The slot words of the data's values.
fn data_words(cx: &NativeCtx<'_>, d: &Data) -> Vec<u64> {
    match &d.words {
        Some(w) => w.clone(),
        None => cx.read_elems(d.ptr, 0, d.n as usize, d.elem),
    }
}

/// Appends `x`'s low `width` bytes in the byte order.
fn put(out: &mut Vec<u8>, x: u64, width: usize, big: bool) {
    let b = x.to_le_bytes();
    if big {
        out.extend(b[..width].iter().rev());
    } else {
        out.extend_from_slice(&b[..width]);
    }
}

/// Encodes the value of type `t` whose slot words are `w`.
fn enc(cx: &NativeCtx<'_>, t: RtType, w: &[u64], big: bool, out: &mut Vec<u8>) {
    let w0 = w.first().copied().unwrap_or(0);
    match &cx.program().ty(t).kind {
        TypeKind::Bool => out.push(u8::from(w0 != 0)),
        TypeKind::Int { bits, .. } => put(out, w0, *bits as usize / 8, big),
        TypeKind::Float { bits: 32 } => {
            put(out, (f64::from_bits(w0) as f32).to_bits().into(), 4, big)
        }
        TypeKind::Float { .. } => put(out, w0, 8, big),
        TypeKind::Complex { bits: 64 } => {
            for &x in w.iter().take(2) {
                put(out, (f64::from_bits(x) as f32).to_bits().into(), 4, big);
            }
        }
        TypeKind::Complex { .. } => {
            for &x in w.iter().take(2) {
                put(out, x, 8, big);
            }
        }
        TypeKind::Array(n, e) => {
            let ew = cx.program().ty(*e).words as usize;
            for i in 0..*n as usize {
                enc(cx, *e, w.get(i * ew..(i + 1) * ew).unwrap_or(&[]), big, out);
            }
        }
        TypeKind::Struct(fs) => {
            for f in fs {
                if f.name == "_" {
                    let n = sizeof(cx, f.ty).unwrap_or(0) as usize;
                    out.resize(out.len() + n, 0);
                    continue;
                }
                let n = cx.program().ty(f.ty).words as usize;
                let off = f.off as usize;
                enc(cx, f.ty, w.get(off..off + n).unwrap_or(&[]), big, out);
            }
        }
        // `size` admitted only fixed-size types.
        _ => {}
    }
}

fn encode(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let w = ctx.iface(0);
    let big = ctx.bool(1);
    let mut out = Vec::new();
    if let Ok(d) = data_of(ctx, w, false) {
        let words = data_words(ctx, &d);
        let ew = ctx.program().ty(d.elem).words as usize;
        for i in 0..d.n as usize {
            let v = words.get(i * ew..(i + 1) * ew).unwrap_or(&[]);
            enc(ctx, d.elem, v, big, &mut out);
        }
    }
    let s = ctx.new_bytes(&out);
    ctx.ret_slice(0, s);
    NativeResult::Ok
}

/// Reads `width` bytes at `*pos` in the byte order.
fn get(data: &[u8], pos: &mut usize, width: usize, big: bool) -> u64 {
    let mut b = [0u8; 8];
    let src = data.get(*pos..*pos + width).unwrap_or(&[]);
    if big {
        for (i, &x) in src.iter().rev().enumerate() {
            b[i] = x;
        }
    } else {
        b[..src.len()].copy_from_slice(src);
    }
    *pos += width;
    u64::from_le_bytes(b)
}

/// Decodes into the value of type `t` whose slot words are `w`. `ro`: the
/// value was reached through an unexported field, where reflect refuses
/// to set (Go's panic, returned as its message).
fn dec(
    cx: &NativeCtx<'_>,
    t: RtType,
    w: &mut [u64],
    data: &[u8],
    pos: &mut usize,
    big: bool,
    ro: bool,
) -> Result<(), String> {
    let kind = cx.program().ty(t).kind.clone();
    let setter = match kind {
        TypeKind::Bool => "SetBool",
        TypeKind::Int { signed: true, .. } => "SetInt",
        TypeKind::Int { .. } => "SetUint",
        TypeKind::Float { .. } => "SetFloat",
        TypeKind::Complex { .. } => "SetComplex",
        _ => "",
    };
    if ro && !setter.is_empty() {
        return Err(format!(
            "reflect: reflect.Value.{setter} using value obtained using unexported field"
        ));
    }
    match kind {
        TypeKind::Bool => w[0] = u64::from(get(data, pos, 1, big) != 0),
        TypeKind::Int { bits, signed } => {
            let x = get(data, pos, bits as usize / 8, big);
            w[0] = if signed && bits < 64 {
                let sh = 64 - bits;
                (((x << sh) as i64) >> sh) as u64
            } else {
                x
            };
        }
        TypeKind::Float { bits: 32 } => {
            w[0] = f64::from(f32::from_bits(get(data, pos, 4, big) as u32)).to_bits()
        }
        TypeKind::Float { .. } => w[0] = get(data, pos, 8, big),
        TypeKind::Complex { bits: 64 } => {
            for x in w.iter_mut().take(2) {
                *x = f64::from(f32::from_bits(get(data, pos, 4, big) as u32)).to_bits();
            }
        }
        TypeKind::Complex { .. } => {
            for x in w.iter_mut().take(2) {
                *x = get(data, pos, 8, big);
            }
        }
        TypeKind::Array(n, e) => {
            let ew = cx.program().ty(e).words as usize;
            for i in 0..n as usize {
                dec(cx, e, &mut w[i * ew..(i + 1) * ew], data, pos, big, ro)?;
            }
        }
        TypeKind::Struct(fs) => {
            for f in &fs {
                let name = embedded_name(cx, f);
                if f.name == "_" {
                    *pos += sizeof(cx, f.ty).unwrap_or(0) as usize;
                    continue;
                }
                let n = cx.program().ty(f.ty).words as usize;
                let off = f.off as usize;
                let fro = ro || !is_exported(&name);
                dec(cx, f.ty, &mut w[off..off + n], data, pos, big, fro)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn decode(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let data = ctx.bytes(0);
    let big = ctx.bool(1);
    let w = ctx.iface(2);
    let Ok(d) = data_of(ctx, w, true) else {
        return NativeResult::Ok;
    };
    let mut words = data_words(ctx, &d);
    let ew = ctx.program().ty(d.elem).words as usize;
    let mut pos = 0;
    let mut r = Ok(());
    for i in 0..d.n as usize {
        r = dec(
            ctx,
            d.elem,
            &mut words[i * ew..(i + 1) * ew],
            &data,
            &mut pos,
            big,
            false,
        );
        if r.is_err() {
            break;
        }
    }
    // What was decoded before a refused field stays set, as in Go.
    if !words.is_empty() {
        ctx.store(d.ptr, 0, &words, d.elem);
    }
    match r {
        Ok(()) => NativeResult::Ok,
        Err(msg) => NativeResult::Panic(msg),
    }
}

/// The byte width of each scalar of a value of type `t`, in order.
fn widths_of(cx: &NativeCtx<'_>, t: RtType, out: &mut Vec<u8>) {
    match &cx.program().ty(t).kind {
        TypeKind::Bool => out.push(1),
        TypeKind::Int { bits, .. } | TypeKind::Float { bits } => out.push((*bits / 8) as u8),
        TypeKind::Complex { bits } => out.extend([(*bits / 16) as u8; 2]),
        TypeKind::Array(n, e) => {
            for _ in 0..*n {
                widths_of(cx, *e, out);
            }
        }
        TypeKind::Struct(fs) => {
            for f in fs {
                if f.name == "_" {
                    // Zeros or skipped bytes: any order reads them alike.
                    let n = sizeof(cx, f.ty).unwrap_or(0);
                    out.extend(std::iter::repeat_n(1, n as usize));
                } else {
                    widths_of(cx, f.ty, out);
                }
            }
        }
        _ => {}
    }
}

fn widths(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let w = ctx.iface(0);
    let target = ctx.bool(1);
    let mut out = Vec::new();
    if let Ok(d) = data_of(ctx, w, target) {
        for _ in 0..d.n {
            widths_of(ctx, d.elem, &mut out);
        }
    }
    let s = ctx.new_bytes(&out);
    ctx.ret_slice(0, s);
    NativeResult::Ok
}
