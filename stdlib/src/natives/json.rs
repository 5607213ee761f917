//! encoding/json over the VM's type descriptors: no reflect package.
//!
//! [`marshal`] walks a value by its runtime type (`TypeKind`, with struct
//! fields' names and tags as the code generator recorded them) and writes
//! Go's exact bytes: fields in declaration order with embedded structs'
//! fields promoted by Go's dominance rules, map keys sorted, floats in
//! Go's `'f'`/`'e'` choice, strings escaped as Go escapes them (`<`, `>`
//! and `&` as `\u003c`... when HTML escaping is on). A type's
//! `MarshalJSON() ([]byte, error)` or `MarshalText() ([]byte, error)` is
//! called (through `NativeCtx::call`) as Go calls it, including pointer
//! methods of addressable values, and its output is compacted.
//!
//! [`unmarshal`] first checks the whole input as Go's scanner does (so a
//! syntax error wins over a type error, with Go's message and offset),
//! parses it into a tree, and then stores the tree into the target:
//! structs field by field (exact name, then case-insensitive), maps
//! (made if nil), slices (new arrays), arrays, pointers (allocated if
//! nil), interfaces (`map[string]any`, `[]any`, `float64`, `string`,
//! `bool`, nil) and `UnmarshalJSON`/`UnmarshalText` methods of pointer
//! types. A value of the wrong JSON type is skipped and the first such
//! error is returned after decoding the rest, as Go does.
//!
//! Results go back to Go as a kind code and a message; the Go half
//! (stdlib/go/encoding/json) builds Go's error types from them.
//!
//! Memory: every value is read with the context's typed accessors and
//! written with `store`/`new_slice`/`map_set`, which take the write
//! barrier. A call into a method (`MarshalJSON`, `UnmarshalJSON`,
//! `IsZero`...) may wait, and a whole collection may run meanwhile, while
//! the native holds words in Rust: the decoder the objects it made and
//! has not stored yet (the fields decoded before the method's, a new
//! array, map, pointee or key), both halves the words they copied out of
//! memory that the method may overwrite (a struct's fields, a slice's
//! elements, a map's entries). Each is kept ([`Kept`]) from when it is
//! made or read until the native returns.

use crate::format::format_float;
use gol_lang::bytecode::{FuncId, RtType, StructField, TypeKind};
use gol_vm::native::{CallError, Kept};
use gol_vm::{Native, NativeCtx, NativeResult};

pub const NATIVES: &[(&str, Native)] = &[
    (
        "marshal",
        Native::new(
            marshal,
            "func(v any, escapeHTML bool) (b []byte, kind int, msg string, cause error)",
        ),
    ),
    (
        "unmarshal",
        Native::new(
            unmarshal,
            "func(data []byte, v any, opts int) (kind int, msg string, offset int64, cause error)",
        ),
    ),
    (
        "checkValid",
        Native::new(check_valid, "func(data []byte) (msg string, offset int64)"),
    ),
    ("valueEnd", Native::new(value_end, "func(data []byte) int")),
    (
        "indent",
        Native::new(
            indent_native,
            "func(src []byte, prefix string, indent string) []byte",
        ),
    ),
    (
        "compact",
        Native::new(compact_native, "func(src []byte) []byte"),
    ),
];

/// Unmarshal's options (bits of its `opts`), shared with json.go: the
/// Decoder's UseNumber and DisallowUnknownFields.
const USE_NUMBER: i64 = 1;
const DISALLOW_UNKNOWN: i64 = 2;

/// Whether `t` is encoding/json's Number, a string that Marshal writes
/// and Unmarshal reads as a number literal.
fn is_number(cx: &NativeCtx<'_>, t: RtType) -> bool {
    cx.program().ty(t).name == "json.Number"
}

/// Go's isValidNumber: a JSON number literal, whole.
fn valid_number(s: &[u8]) -> bool {
    let digits = |s: &[u8], i: &mut usize| {
        let start = *i;
        while *i < s.len() && s[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > start
    };
    let mut i = 0;
    if s.first() == Some(&b'-') {
        i = 1;
    }
    match s.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(s, &mut i);
        }
        _ => return false,
    }
    if s.get(i) == Some(&b'.') {
        i += 1;
        if !digits(s, &mut i) {
            return false;
        }
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(s, &mut i) {
            return false;
        }
    }
    i == s.len()
}

/// Error kinds shared with json.go.
const OK: i64 = 0;
const UNSUPPORTED_TYPE: i64 = 1;
const UNSUPPORTED_VALUE: i64 = 2;
const MARSHALER_ERROR: i64 = 3;
const SYNTAX_ERROR: i64 = 4;
const UNMARSHAL_TYPE_ERROR: i64 = 5;
const INVALID_UNMARSHAL: i64 = 6;
const PLAIN_ERROR: i64 = 7;

/// Go's limit before it calls a pointer chain a cycle.
const MAX_DEPTH: usize = 1000;

enum EncErr {
    Kind(i64, String, u64),
    Call(CallError),
}

struct Enc<'a, 'c> {
    cx: &'a mut NativeCtx<'c>,
    /// The words read out of memory while encoding (module docs).
    kept: &'a Kept,
    out: Vec<u8>,
    html: bool,
    depth: usize,
}

/// One field of a struct's JSON encoding (Go's `field`).
#[derive(Clone)]
struct JField {
    name: String,
    /// Path of field indexes from the outer struct (through embedded
    /// structs, which may be pointers).
    index: Vec<usize>,
    tagged: bool,
    omit_empty: bool,
    omit_zero: bool,
    quoted: bool,
}

pub(crate) fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

/// Name of an embedded field's type (`T` for `*pkg.T`).
pub(crate) fn embedded_name(cx: &NativeCtx<'_>, f: &StructField) -> String {
    if !f.name.is_empty() {
        return f.name.clone();
    }
    let tn = cx.program().ty(f.ty).name.clone();
    let tn = tn.trim_start_matches('*');
    tn.rsplit('.').next().unwrap_or(tn).to_string()
}

/// The value of `key` in a struct tag (`json:"name,omitempty"`), Go's
/// `StructTag.Lookup`.
pub(crate) fn tag_lookup(tag: &str, key: &str) -> Option<String> {
    let mut t = tag;
    while !t.is_empty() {
        t = t.trim_start_matches(' ');
        let i = t
            .bytes()
            .position(|c| c <= b' ' || c == b':' || c == b'"' || c == 0x7f)
            .unwrap_or(t.len());
        if i == 0 || i + 1 >= t.len() || t.as_bytes()[i] != b':' || t.as_bytes()[i + 1] != b'"' {
            return None;
        }
        let name = &t[..i];
        t = &t[i + 1..];
        // The quoted value.
        let b = t.as_bytes();
        let mut j = 1;
        while j < b.len() && b[j] != b'"' {
            if b[j] == b'\\' {
                j += 1;
            }
            j += 1;
        }
        if j >= b.len() {
            return None;
        }
        let qv = &t[..=j];
        t = &t[j + 1..];
        if name == key {
            return unquote(qv);
        }
    }
    None
}

fn unquote(q: &str) -> Option<String> {
    let inner = q.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut it = inner.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                c => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Go's `isValidTag`.
fn valid_tag_name(s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    s.chars()
        .all(|c| "!#$%&()*+-./:;<=>?@[]^_{|}~ ".contains(c) || c.is_alphanumeric())
}

/// The JSON fields of struct type `t`, in Go's order, after dominance.
fn type_fields(cx: &NativeCtx<'_>, t: RtType) -> Vec<JField> {
    let prog = cx.program();
    let mut out: Vec<JField> = Vec::new();
    // Breadth-first over embedded structs, as Go's typeFields.
    let mut current: Vec<(RtType, Vec<usize>)> = Vec::new();
    let mut next: Vec<(RtType, Vec<usize>)> = vec![(t, Vec::new())];
    let mut visited: Vec<RtType> = Vec::new();
    let mut level_fields: Vec<Vec<JField>> = Vec::new();
    while !next.is_empty() {
        current = std::mem::take(&mut next);
        let mut level = Vec::new();
        for (st, index) in &current {
            if visited.contains(st) {
                continue;
            }
            visited.push(*st);
            let TypeKind::Struct(fs) = &prog.ty(*st).kind else {
                continue;
            };
            for (i, f) in fs.iter().enumerate() {
                let name = if f.embedded {
                    embedded_name(cx, f)
                } else {
                    f.name.clone()
                };
                let mut ft = f.ty;
                if f.embedded {
                    if let TypeKind::Pointer(e) = prog.ty(ft).kind {
                        ft = e;
                    }
                    if !is_exported(&name) && !matches!(prog.ty(ft).kind, TypeKind::Struct(_)) {
                        continue;
                    }
                } else if !is_exported(&name) {
                    continue;
                }
                let tag = tag_lookup(&f.tag, "json");
                if tag.as_deref() == Some("-") {
                    continue;
                }
                let (tname, opts) = match &tag {
                    Some(tg) => match tg.split_once(',') {
                        Some((a, b)) => (a.to_string(), b.to_string()),
                        None => (tg.clone(), String::new()),
                    },
                    None => (String::new(), String::new()),
                };
                let tname = if valid_tag_name(&tname) {
                    tname
                } else {
                    String::new()
                };
                let mut idx = index.clone();
                idx.push(i);
                let is_struct = matches!(prog.ty(ft).kind, TypeKind::Struct(_));
                if tname.is_empty() && f.embedded && is_struct {
                    next.push((ft, idx));
                    continue;
                }
                let has = |o: &str| opts.split(',').any(|x| x == o);
                let quoted = has("string")
                    && matches!(
                        prog.ty(f.ty).kind,
                        TypeKind::Bool
                            | TypeKind::Int { .. }
                            | TypeKind::Float { .. }
                            | TypeKind::String
                            | TypeKind::Uintptr
                    );
                level.push(JField {
                    name: if tname.is_empty() {
                        name
                    } else {
                        tname.clone()
                    },
                    index: idx,
                    tagged: !tname.is_empty(),
                    omit_empty: has("omitempty"),
                    omit_zero: has("omitzero"),
                    quoted,
                });
            }
        }
        level_fields.push(level);
    }
    let _ = current;
    // Dominance: a name at a shallower depth hides deeper ones; at one
    // depth, a single tagged field wins, otherwise the name is dropped.
    let mut seen: Vec<String> = Vec::new();
    for level in level_fields {
        let mut names: Vec<String> = Vec::new();
        for f in &level {
            if !names.contains(&f.name) {
                names.push(f.name.clone());
            }
        }
        for n in names {
            if seen.contains(&n) {
                continue;
            }
            seen.push(n.clone());
            let same: Vec<&JField> = level.iter().filter(|f| f.name == n).collect();
            if same.len() == 1 {
                out.push(same[0].clone());
                continue;
            }
            let tagged: Vec<&&JField> = same.iter().filter(|f| f.tagged).collect();
            if tagged.len() == 1 {
                out.push((*tagged[0]).clone());
            }
        }
    }
    // Go orders by index sequence.
    out.sort_by(|a, b| a.index.cmp(&b.index));
    out
}

impl<'a, 'c> Enc<'a, 'c> {
    fn prog_ty(&self, t: RtType) -> &gol_lang::bytecode::TypeDesc {
        self.cx.program().ty(t)
    }

    fn name(&self, t: RtType) -> String {
        crate::natives::fmtvalue::reflect_name(&self.prog_ty(t).name)
    }

    /// Keeps the heap words of `w`, a value of type `t` read out of
    /// memory, alive until the native returns (module docs).
    fn keep(&self, t: RtType, w: &[u64]) {
        self.kept.keep_value(self.cx.program(), t, w);
    }

    /// The method `name` with signature `sig` for a value of type `t`,
    /// with the receiver words: `t`'s own, or `*t`'s when addressable.
    fn method(
        &self,
        t: RtType,
        words: &[u64],
        addr: Option<u64>,
        name: &str,
        sig: &str,
    ) -> Option<(FuncId, Vec<u64>)> {
        if let Some(f) = find_method(self.cx, t, name, sig) {
            return Some((f, words.to_vec()));
        }
        let a = addr?;
        let pt = self.cx.find_type(&format!("*{}", self.prog_ty(t).name))?;
        let f = find_method(self.cx, pt, name, sig)?;
        Some((f, vec![a]))
    }

    /// Calls a `func() ([]byte, error)` method: its bytes, or the error.
    fn call_bytes(
        &mut self,
        f: FuncId,
        recv: &[u64],
        t: RtType,
        which: &str,
    ) -> Result<Vec<u8>, EncErr> {
        let r = self.cx.call(f, 0, recv).map_err(EncErr::Call)?;
        let err = r.get(3).copied().unwrap_or(0);
        if err != 0 {
            return Err(EncErr::Kind(
                MARSHALER_ERROR,
                format!("{which}\x00{}", self.name(t)),
                err,
            ));
        }
        let (p, l) = (
            r.first().copied().unwrap_or(0),
            r.get(1).copied().unwrap_or(0),
        );
        Ok(self.cx.bytes_at(p, l))
    }

    fn encode(
        &mut self,
        t: RtType,
        words: &[u64],
        addr: Option<u64>,
        quoted: bool,
    ) -> Result<(), EncErr> {
        // Marshaler first, as Go (a nil pointer encodes as null).
        let kind = self.prog_ty(t).kind.clone();
        let nil_ptr = matches!(kind, TypeKind::Pointer(_)) && words.first() == Some(&0);
        if !nil_ptr && !matches!(kind, TypeKind::Interface) {
            if let Some((f, recv)) =
                self.method(t, words, addr, "MarshalJSON", "func() ([]byte, error)")
            {
                let b = self.call_bytes(f, &recv, t, "MarshalJSON")?;
                match compact(&b, self.html) {
                    Ok(c) => self.out.extend_from_slice(&c),
                    Err((msg, _)) => {
                        return Err(EncErr::Kind(
                            MARSHALER_ERROR,
                            format!("MarshalJSON\x00{}\x00{}", self.name(t), msg),
                            0,
                        ))
                    }
                }
                return Ok(());
            }
            if let Some((f, recv)) =
                self.method(t, words, addr, "MarshalText", "func() ([]byte, error)")
            {
                let b = self.call_bytes(f, &recv, t, "MarshalText")?;
                write_string(&mut self.out, &b, self.html);
                return Ok(());
            }
        }
        let w0 = words.first().copied().unwrap_or(0);
        match kind {
            TypeKind::Bool => {
                if quoted {
                    self.out.push(b'"');
                }
                self.out
                    .extend_from_slice(if w0 != 0 { b"true" } else { b"false" });
                if quoted {
                    self.out.push(b'"');
                }
            }
            TypeKind::Int { signed, .. } => {
                if quoted {
                    self.out.push(b'"');
                }
                let s = if signed {
                    (w0 as i64).to_string()
                } else {
                    w0.to_string()
                };
                self.out.extend_from_slice(s.as_bytes());
                if quoted {
                    self.out.push(b'"');
                }
            }
            TypeKind::Uintptr => self.out.extend_from_slice(w0.to_string().as_bytes()),
            TypeKind::Float { bits } => {
                let f = f64::from_bits(w0);
                if f.is_nan() || f.is_infinite() {
                    let s = format_float(f, b'g', -1, bits as i64).unwrap_or_default();
                    return Err(EncErr::Kind(UNSUPPORTED_VALUE, s, 0));
                }
                if quoted {
                    self.out.push(b'"');
                }
                let a = f.abs();
                let mut fmt = b'f';
                if a != 0.0 {
                    let small = if bits == 32 {
                        (a as f32) < 1e-6
                    } else {
                        a < 1e-6
                    };
                    let big = if bits == 32 {
                        (a as f32) >= 1e21
                    } else {
                        a >= 1e21
                    };
                    if small || big {
                        fmt = b'e';
                    }
                }
                let mut s = format_float(f, fmt, -1, bits as i64)
                    .unwrap_or_default()
                    .into_bytes();
                if fmt == b'e' {
                    let n = s.len();
                    if n >= 4 && s[n - 4] == b'e' && s[n - 3] == b'-' && s[n - 2] == b'0' {
                        s[n - 2] = s[n - 1];
                        s.truncate(n - 1);
                    }
                }
                self.out.extend_from_slice(&s);
                if quoted {
                    self.out.push(b'"');
                }
            }
            TypeKind::String if is_number(self.cx, t) => {
                // Number: its literal as is ("" as 0), if it is one.
                let mut b = self.cx.string_at(w0, words.get(1).copied().unwrap_or(0));
                if b.is_empty() {
                    b = b"0".to_vec();
                }
                if !valid_number(&b) {
                    // Go 1.27's message (its Number marshals through the
                    // v2 method).
                    let q = crate::format::quote::quote(&b);
                    return Err(EncErr::Kind(
                        PLAIN_ERROR,
                        format!(
                            "json: error calling MarshalJSONTo for type *json.Number: \
                             cannot parse {} as JSON number: invalid syntax",
                            String::from_utf8_lossy(&q)
                        ),
                        0,
                    ));
                }
                if quoted {
                    self.out.push(b'"');
                }
                self.out.extend_from_slice(&b);
                if quoted {
                    self.out.push(b'"');
                }
            }
            TypeKind::String => {
                let b = self.cx.string_at(w0, words.get(1).copied().unwrap_or(0));
                if quoted {
                    let mut inner = Vec::new();
                    write_string(&mut inner, &b, self.html);
                    write_string(&mut self.out, &inner, self.html);
                } else {
                    write_string(&mut self.out, &b, self.html);
                }
            }
            TypeKind::Pointer(e) => {
                if w0 == 0 {
                    self.out.extend_from_slice(b"null");
                    return Ok(());
                }
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(EncErr::Kind(
                        UNSUPPORTED_VALUE,
                        format!("encountered a cycle via {}", self.name(t)),
                        0,
                    ));
                }
                let v = self.cx.read_value(w0, 0, e);
                self.keep(e, &v);
                self.encode(e, &v, Some(w0), false)?;
                self.depth -= 1;
            }
            TypeKind::Interface => {
                if w0 == 0 {
                    self.out.extend_from_slice(b"null");
                    return Ok(());
                }
                let Some(dt) = self.cx.box_type(w0) else {
                    self.out.extend_from_slice(b"null");
                    return Ok(());
                };
                let v = self.cx.box_words(w0);
                self.encode(dt, &v, None, false)?;
            }
            TypeKind::Slice(e) => {
                if w0 == 0 {
                    self.out.extend_from_slice(b"null");
                    return Ok(());
                }
                let n = words.get(1).copied().unwrap_or(0);
                let et = self.prog_ty(e);
                let is_byte = matches!(
                    et.kind,
                    TypeKind::Int {
                        bits: 8,
                        signed: false
                    }
                );
                let has_m = self
                    .method(e, &[0; 4], Some(0), "MarshalJSON", "func() ([]byte, error)")
                    .is_some()
                    || self
                        .method(e, &[0; 4], Some(0), "MarshalText", "func() ([]byte, error)")
                        .is_some();
                if is_byte && !has_m {
                    let b = self.cx.bytes_at(w0, n);
                    self.out.push(b'"');
                    self.out.extend_from_slice(base64_std(&b).as_bytes());
                    self.out.push(b'"');
                    return Ok(());
                }
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(EncErr::Kind(
                        UNSUPPORTED_VALUE,
                        format!("encountered a cycle via {}", self.name(t)),
                        0,
                    ));
                }
                let size = self.prog_ty(e).size;
                self.out.push(b'[');
                for i in 0..n {
                    if i > 0 {
                        self.out.push(b',');
                    }
                    let v = self.cx.read_elems(w0, i, 1, e);
                    self.keep(e, &v);
                    self.encode(e, &v, Some(w0 + i * size), false)?;
                }
                self.out.push(b']');
                self.depth -= 1;
            }
            TypeKind::Array(n, e) => {
                let ew = self.prog_ty(e).words as usize;
                let size = self.prog_ty(e).size;
                self.out.push(b'[');
                for i in 0..n as usize {
                    if i > 0 {
                        self.out.push(b',');
                    }
                    let v = words.get(i * ew..(i + 1) * ew).unwrap_or(&[]).to_vec();
                    self.encode(e, &v, addr.map(|a| a + i as u64 * size), false)?;
                }
                self.out.push(b']');
            }
            TypeKind::Map(kt, vt) => {
                if w0 == 0 {
                    self.out.extend_from_slice(b"null");
                    return Ok(());
                }
                let kk = self.prog_ty(kt).kind.clone();
                let key_text = self
                    .method(kt, &[0; 4], None, "MarshalText", "func() ([]byte, error)")
                    .is_some();
                if !matches!(
                    kk,
                    TypeKind::String | TypeKind::Int { .. } | TypeKind::Uintptr
                ) && !key_text
                {
                    return Err(EncErr::Kind(UNSUPPORTED_TYPE, self.name(t), 0));
                }
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(EncErr::Kind(
                        UNSUPPORTED_VALUE,
                        format!("encountered a cycle via {}", self.name(t)),
                        0,
                    ));
                }
                self.cx.race_access(w0, 1, 1, false);
                let mut raw = Vec::new();
                gol_vm::map::for_each(self.cx.program(), w0, |k, v| {
                    raw.push((k.to_vec(), v.to_vec()))
                });
                for (k, v) in &raw {
                    self.keep(kt, k);
                    self.keep(vt, v);
                }
                let mut entries = Vec::with_capacity(raw.len());
                for (k, v) in raw {
                    let ks = match kk {
                        TypeKind::String if !key_text => self.cx.string_at(k[0], k[1]),
                        TypeKind::Int { signed: true, .. } if !key_text => {
                            (k[0] as i64).to_string().into_bytes()
                        }
                        TypeKind::Int { .. } | TypeKind::Uintptr if !key_text => {
                            k[0].to_string().into_bytes()
                        }
                        _ => {
                            let (f, recv) = self
                                .method(kt, &k, None, "MarshalText", "func() ([]byte, error)")
                                .ok_or_else(|| EncErr::Kind(UNSUPPORTED_TYPE, self.name(t), 0))?;
                            self.call_bytes(f, &recv, kt, "MarshalText")?
                        }
                    };
                    entries.push((ks, v));
                }
                entries.sort_by(|a, b| a.0.cmp(&b.0));
                self.out.push(b'{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        self.out.push(b',');
                    }
                    write_string(&mut self.out, k, self.html);
                    self.out.push(b':');
                    self.encode(vt, v, None, false)?;
                }
                self.out.push(b'}');
                self.depth -= 1;
            }
            TypeKind::Struct(_) => {
                let fields = type_fields(self.cx, t);
                self.out.push(b'{');
                let mut first = true;
                'fields: for f in &fields {
                    // Walk the index path, through embedded pointers.
                    let mut ct = t;
                    let mut cw: Vec<u64> = words.to_vec();
                    let mut ca = addr;
                    for (depth, &i) in f.index.iter().enumerate() {
                        if depth > 0 {
                            if let TypeKind::Pointer(e) = self.prog_ty(ct).kind {
                                let p = cw.first().copied().unwrap_or(0);
                                if p == 0 {
                                    continue 'fields;
                                }
                                cw = self.cx.read_value(p, 0, e);
                                self.keep(e, &cw);
                                ca = Some(p);
                                ct = e;
                            }
                        }
                        let TypeKind::Struct(fs) = &self.prog_ty(ct).kind else {
                            continue 'fields;
                        };
                        let sf = fs[i].clone();
                        let n = self.prog_ty(sf.ty).words as usize;
                        let off = sf.off as usize;
                        cw = cw.get(off..off + n).unwrap_or(&[]).to_vec();
                        ca = ca.map(|a| a + sf.moff);
                        ct = sf.ty;
                    }
                    if f.omit_empty && self.is_empty(ct, &cw) {
                        continue;
                    }
                    if f.omit_zero && self.is_zero(ct, &cw, ca)? {
                        continue;
                    }
                    if !first {
                        self.out.push(b',');
                    }
                    first = false;
                    write_string(&mut self.out, f.name.as_bytes(), self.html);
                    self.out.push(b':');
                    self.encode(ct, &cw, ca, f.quoted)?;
                }
                self.out.push(b'}');
            }
            TypeKind::Chan(_) | TypeKind::Func | TypeKind::Complex { .. } => {
                return Err(EncErr::Kind(UNSUPPORTED_TYPE, self.name(t), 0));
            }
        }
        Ok(())
    }

    fn is_empty(&self, t: RtType, w: &[u64]) -> bool {
        let w0 = w.first().copied().unwrap_or(0);
        match self.prog_ty(t).kind {
            TypeKind::Bool | TypeKind::Int { .. } | TypeKind::Uintptr => w0 == 0,
            TypeKind::Float { .. } => f64::from_bits(w0) == 0.0,
            TypeKind::Complex { .. } => w.iter().all(|&x| f64::from_bits(x) == 0.0),
            TypeKind::String | TypeKind::Slice(_) => w.get(1).copied().unwrap_or(0) == 0,
            TypeKind::Map(..) => {
                w0 == 0 || gol_vm::map::sorted_entries(self.cx.program(), w0).is_empty()
            }
            TypeKind::Array(n, _) => n == 0,
            TypeKind::Pointer(_) | TypeKind::Interface | TypeKind::Chan(_) | TypeKind::Func => {
                w0 == 0
            }
            TypeKind::Struct(_) => false,
        }
    }

    fn is_zero(&mut self, t: RtType, w: &[u64], addr: Option<u64>) -> Result<bool, EncErr> {
        if let Some((f, recv)) = self.method(t, w, addr, "IsZero", "func() bool") {
            let r = self.cx.call(f, 0, &recv).map_err(EncErr::Call)?;
            return Ok(r.first().copied().unwrap_or(0) != 0);
        }
        Ok(match self.prog_ty(t).kind {
            TypeKind::Float { .. } => w.iter().all(|&x| f64::from_bits(x) == 0.0 && x == 0),
            TypeKind::String | TypeKind::Slice(_) => {
                w.first().copied().unwrap_or(0) == 0 && w.get(1).copied().unwrap_or(0) == 0
            }
            _ => w.iter().all(|&x| x == 0),
        })
    }
}

/// `t`'s method `name` whose signature is `sig`, where `[]byte` may be
/// spelled `[]uint8` in the descriptor (runtime type names are
/// reflect's).
pub(crate) fn find_method(cx: &NativeCtx<'_>, t: RtType, name: &str, sig: &str) -> Option<FuncId> {
    crate::natives::fmt::method_with_sig(cx, t, name, sig).or_else(|| {
        crate::natives::fmt::method_with_sig(cx, t, name, &sig.replace("[]byte", "[]uint8"))
    })
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Go's `appendString`: a JSON string of `s`.
fn write_string(out: &mut Vec<u8>, s: &[u8], html: bool) {
    out.push(b'"');
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        if b < 0x80 {
            let safe = b >= 0x20
                && b != b'"'
                && b != b'\\'
                && !(html && (b == b'<' || b == b'>' || b == b'&'));
            if safe {
                out.push(b);
            } else {
                match b {
                    b'\\' | b'"' => out.extend_from_slice(&[b'\\', b]),
                    b'\x08' => out.extend_from_slice(b"\\b"),
                    b'\x0c' => out.extend_from_slice(b"\\f"),
                    b'\n' => out.extend_from_slice(b"\\n"),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    b'\t' => out.extend_from_slice(b"\\t"),
                    _ => out.extend_from_slice(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[(b >> 4) as usize],
                        HEX[(b & 0xf) as usize],
                    ]),
                }
            }
            i += 1;
            continue;
        }
        match decode_rune(&s[i..]) {
            None => {
                out.extend_from_slice(b"\\ufffd");
                i += 1;
            }
            Some((c, n)) => {
                if c == '\u{2028}' || c == '\u{2029}' {
                    out.extend_from_slice(b"\\u202");
                    out.push(HEX[(c as usize) & 0xf]);
                } else {
                    out.extend_from_slice(&s[i..i + n]);
                }
                i += n;
            }
        }
    }
    out.push(b'"');
}

fn decode_rune(b: &[u8]) -> Option<(char, usize)> {
    let n = match b[0] {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let s = std::str::from_utf8(b.get(..n)?).ok()?;
    s.chars().next().map(|c| (c, n))
}

fn base64_std(b: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(b.len().div_ceil(3) * 4);
    for c in b.chunks(3) {
        let v = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        out.push(A[(v >> 18) as usize & 63] as char);
        out.push(A[(v >> 12) as usize & 63] as char);
        out.push(if c.len() > 1 {
            A[(v >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if c.len() > 2 {
            A[v as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

fn base64_decode(s: &[u8]) -> Option<Vec<u8>> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let s: Vec<u8> = s
        .iter()
        .copied()
        .filter(|&c| c != b'\r' && c != b'\n')
        .collect();
    if s.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::new();
    for (ci, c) in s.chunks(4).enumerate() {
        let last = ci == s.len() / 4 - 1;
        let pad = c.iter().rev().take_while(|&&x| x == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut v = 0u32;
        for &x in &c[..4 - pad] {
            v = v << 6 | val(x)?;
        }
        v <<= 6 * pad as u32;
        out.push((v >> 16) as u8);
        if pad < 2 {
            out.push((v >> 8) as u8);
        }
        if pad < 1 {
            out.push(v as u8);
        }
    }
    Some(out)
}

fn marshal(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let w = ctx.iface(0);
    let html = ctx.bool(1);
    let kept = ctx.kept();
    let mut enc = Enc {
        cx: ctx,
        kept: &kept,
        out: Vec::new(),
        html,
        depth: 0,
    };
    let r = match enc.cx.box_type(w) {
        None => {
            enc.out.extend_from_slice(b"null");
            Ok(())
        }
        Some(t) => {
            let v = enc.cx.box_words(w);
            enc.encode(t, &v, None, false)
        }
    };
    let out = std::mem::take(&mut enc.out);
    match r {
        Ok(()) => {
            let s = ctx.new_bytes(&out);
            ctx.ret_slice(0, s);
            ctx.ret_int(1, OK);
            ctx.ret_str(2, b"");
            ctx.ret_iface(3, 0);
        }
        Err(EncErr::Kind(k, msg, cause)) => {
            ctx.ret_slice(0, (0, 0, 0));
            ctx.ret_int(1, k);
            ctx.ret_str(2, msg.as_bytes());
            ctx.ret_iface(3, cause);
        }
        Err(EncErr::Call(e)) => return e.into_result(ctx),
    }
    NativeResult::Ok
}

// ---- the scanner: Go's checkValid, with its messages -----------------

/// Go's `quoteChar`.
fn quote_char(c: u8) -> String {
    match c {
        b'\'' => "'\\''".into(),
        b'"' => "'\"'".into(),
        _ => {
            let s = crate::format::quote::quote(&[c]);
            let s = String::from_utf8_lossy(&s).into_owned();
            format!("'{}'", &s[1..s.len() - 1])
        }
    }
}

struct Scan<'b> {
    b: &'b [u8],
    i: usize,
}

type ScanErr = (String, usize);

impl Scan<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn err(&self, ctx: &str) -> ScanErr {
        if self.i >= self.b.len() {
            return ("unexpected end of JSON input".into(), self.b.len());
        }
        (
            format!("invalid character {} {}", quote_char(self.b[self.i]), ctx),
            self.i + 1,
        )
    }

    fn value(&mut self, depth: usize) -> Result<Node, ScanErr> {
        self.ws();
        if depth > 10000 {
            return Err(("exceeded max depth".into(), self.i));
        }
        let Some(&c) = self.b.get(self.i) else {
            return Err(self.err("looking for beginning of value"));
        };
        match c {
            b'{' => {
                self.i += 1;
                let mut kv = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Ok(Node::Obj(kv));
                }
                loop {
                    self.ws();
                    if self.b.get(self.i) != Some(&b'"') {
                        return Err(self.err("looking for beginning of object key string"));
                    }
                    let k = self.string()?;
                    self.ws();
                    if self.b.get(self.i) != Some(&b':') {
                        return Err(self.err("after object key"));
                    }
                    self.i += 1;
                    let v = self.value(depth + 1)?;
                    kv.push((k, v));
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Node::Obj(kv));
                        }
                        _ => return Err(self.err("after object key:value pair")),
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(Node::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Node::Arr(items));
                        }
                        _ => return Err(self.err("after array element")),
                    }
                }
            }
            b'"' => Ok(Node::Str(self.string()?)),
            b't' => self.lit(b"true", Node::Bool(true)),
            b'f' => self.lit(b"false", Node::Bool(false)),
            b'n' => self.lit(b"null", Node::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(self.err("looking for beginning of value")),
        }
    }

    fn lit(&mut self, want: &[u8], n: Node) -> Result<Node, ScanErr> {
        let name = std::str::from_utf8(want).unwrap_or("");
        for (k, &w) in want.iter().enumerate() {
            if k == 0 {
                self.i += 1;
                continue;
            }
            match self.b.get(self.i) {
                None => return Err(("unexpected end of JSON input".into(), self.b.len())),
                Some(&c) if c == w => self.i += 1,
                Some(&c) => {
                    return Err((
                        format!(
                            "invalid character {} in literal {name} (expecting {})",
                            quote_char(c),
                            quote_char(w)
                        ),
                        self.i + 1,
                    ))
                }
            }
        }
        Ok(n)
    }

    fn number(&mut self) -> Result<Node, ScanErr> {
        let start = self.i;
        let digit = |s: &Self| s.b.get(s.i).is_some_and(u8::is_ascii_digit);
        if self.b[self.i] == b'-' {
            self.i += 1;
            if !digit(self) {
                return Err(self.err("in numeric literal"));
            }
        }
        if self.b[self.i] == b'0' {
            self.i += 1;
        } else {
            while digit(self) {
                self.i += 1;
            }
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            if !digit(self) {
                return Err(self.err("after decimal point in numeric literal"));
            }
            while digit(self) {
                self.i += 1;
            }
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.b.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !digit(self) {
                return Err(self.err("in exponent of numeric literal"));
            }
            while digit(self) {
                self.i += 1;
            }
        }
        Ok(Node::Num(
            String::from_utf8_lossy(&self.b[start..self.i]).into_owned(),
        ))
    }

    /// A string at `i` (which is `"`), unescaped as Go does (invalid
    /// UTF-8 and lone surrogates become U+FFFD).
    fn string(&mut self) -> Result<Vec<u8>, ScanErr> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let Some(&c) = self.b.get(self.i) else {
                return Err(("unexpected end of JSON input".into(), self.b.len()));
            };
            match c {
                b'"' => {
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.i += 1;
                    let Some(&e) = self.b.get(self.i) else {
                        return Err(("unexpected end of JSON input".into(), self.b.len()));
                    };
                    self.i += 1;
                    match e {
                        b'"' | b'\\' | b'/' => out.push(e),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let mut r = self.hex4()?;
                            if (0xD800..0xDC00).contains(&r)
                                && self.b.get(self.i) == Some(&b'\\')
                                && self.b.get(self.i + 1) == Some(&b'u')
                            {
                                let save = self.i;
                                self.i += 2;
                                let r2 = self.hex4()?;
                                if (0xDC00..0xE000).contains(&r2) {
                                    r = 0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00);
                                } else {
                                    self.i = save;
                                    r = 0xFFFD;
                                }
                            }
                            let ch = char::from_u32(r).unwrap_or('\u{FFFD}');
                            let mut buf = [0; 4];
                            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        }
                        _ => {
                            self.i -= 1;
                            return Err(self.err("in string escape code"));
                        }
                    }
                }
                0..=0x1f => return Err(self.err("in string literal")),
                0x80.. => match decode_rune(&self.b[self.i..]) {
                    Some((_, n)) => {
                        out.extend_from_slice(&self.b[self.i..self.i + n]);
                        self.i += n;
                    }
                    None => {
                        out.extend_from_slice("\u{FFFD}".as_bytes());
                        self.i += 1;
                    }
                },
                _ => {
                    out.push(c);
                    self.i += 1;
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, ScanErr> {
        let mut r = 0u32;
        for _ in 0..4 {
            let Some(&c) = self.b.get(self.i) else {
                return Err(("unexpected end of JSON input".into(), self.b.len()));
            };
            let d = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => return Err(self.err("in \\u hexadecimal character escape")),
            };
            r = r << 4 | d as u32;
            self.i += 1;
        }
        Ok(r)
    }
}

/// A parsed JSON value.
enum Node {
    Null,
    Bool(bool),
    Num(String),
    Str(Vec<u8>),
    Arr(Vec<Node>),
    Obj(Vec<(Vec<u8>, Node)>),
}

/// Parses one whole document (nothing but space after the value).
fn parse(b: &[u8]) -> Result<Node, ScanErr> {
    let mut s = Scan { b, i: 0 };
    let n = s.value(0)?;
    s.ws();
    if s.i < b.len() {
        return Err(s.err("after top-level value"));
    }
    Ok(n)
}

fn check_valid(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let b = ctx.bytes(0);
    let (msg, off) = match parse(&b) {
        Ok(_) => (String::new(), 0),
        Err((m, o)) => (m, o),
    };
    ctx.ret_str(0, msg.as_bytes());
    ctx.ret_int(1, off as i64);
    NativeResult::Ok
}

/// The end of the first value in `data` (after leading space), -1 if
/// the data ends inside it, -2 if it is not valid JSON.
fn value_end(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let b = ctx.bytes(0);
    let mut s = Scan { b: &b, i: 0 };
    let r = match s.value(0) {
        Ok(_) => {
            // A number may continue in the next read.
            if matches!(b.get(s.i - 1), Some(b'0'..=b'9')) && s.i == b.len() {
                -1
            } else {
                s.i as i64
            }
        }
        Err((m, _)) if m == "unexpected end of JSON input" => -1,
        Err(_) => -2,
    };
    ctx.ret_int(0, r);
    NativeResult::Ok
}

/// Go's Compact (with HTML escaping on request) of a valid document.
fn compact(b: &[u8], html: bool) -> Result<Vec<u8>, ScanErr> {
    parse(b)?;
    let mut out = Vec::with_capacity(b.len());
    let mut in_str = false;
    let mut esc = false;
    for &c in b {
        if in_str {
            if esc {
                esc = false;
            } else if c == b'\\' {
                esc = true;
            } else if c == b'"' {
                in_str = false;
            }
            if html && (c == b'<' || c == b'>' || c == b'&') {
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(c >> 4) as usize],
                    HEX[(c & 0xf) as usize],
                ]);
                continue;
            }
            out.push(c);
            continue;
        }
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            b'"' => {
                in_str = true;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    Ok(out)
}

/// Go's Indent of a valid compact or spaced document.
fn indent(b: &[u8], prefix: &[u8], ind: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len() * 2);
    let mut depth = 0usize;
    let mut in_str = false;
    let mut esc = false;
    let mut need_indent = false;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.extend_from_slice(prefix);
        for _ in 0..depth {
            out.extend_from_slice(ind);
        }
    };
    for &c in b {
        if in_str {
            out.push(c);
            if esc {
                esc = false;
            } else if c == b'\\' {
                esc = true;
            } else if c == b'"' {
                in_str = false;
            }
            continue;
        }
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            continue;
        }
        if need_indent && c != b']' && c != b'}' {
            need_indent = false;
            depth += 1;
            newline(&mut out, depth);
        }
        match c {
            b'"' => {
                in_str = true;
                out.push(c);
            }
            b'{' | b'[' => {
                need_indent = true;
                out.push(c);
            }
            b',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            b':' => {
                out.push(c);
                out.push(b' ');
            }
            b'}' | b']' => {
                if need_indent {
                    need_indent = false;
                } else {
                    depth = depth.saturating_sub(1);
                    newline(&mut out, depth);
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn indent_native(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let b = ctx.bytes(0);
    let p = ctx.str(1);
    let i = ctx.str(2);
    let out = indent(&b, &p, &i);
    let s = ctx.new_bytes(&out);
    ctx.ret_slice(0, s);
    NativeResult::Ok
}

fn compact_native(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let b = ctx.bytes(0);
    let out = compact(&b, false).unwrap_or_default();
    let s = ctx.new_bytes(&out);
    ctx.ret_slice(0, s);
    NativeResult::Ok
}

// ---- decoding --------------------------------------------------------

/// An error [`Dec`] keeps while it decodes the rest, as Go's saveError.
enum Saved {
    /// An UnmarshalTypeError: the JSON value, struct, field path, type.
    Type(String, String, String, String),
    /// `json: unknown field "k"`.
    Unknown(String),
}

struct Dec<'a, 'c> {
    cx: &'a mut NativeCtx<'c>,
    /// The objects made and the words read while decoding (module docs).
    kept: &'a Kept,
    /// The first error Go saves and goes on after: a type error
    /// (message parts) or an unknown field.
    first: Option<Saved>,
    /// Numbers into an interface become Numbers (Decoder.UseNumber).
    use_number: bool,
    /// An object key no struct field takes is an error
    /// (Decoder.DisallowUnknownFields).
    disallow_unknown: bool,
    /// Go 1.27's context of a type error: the name of the type Unmarshal
    /// fills (`Outer`; "" for an unnamed type) and the path to the value
    /// being decoded from there (JSON field names, array indices and map
    /// keys).
    struct_name: String,
    path: Vec<String>,
    fatal: Option<EncErr>,
}

impl Node {
    fn kind_name(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "bool",
            Node::Num(_) => "number",
            Node::Str(_) => "string",
            Node::Arr(_) => "array",
            Node::Obj(_) => "object",
        }
    }
}

fn fold_eq(a: &[u8], b: &[u8]) -> bool {
    let a = String::from_utf8_lossy(a).to_lowercase();
    let b = String::from_utf8_lossy(b).to_lowercase();
    a == b
}

impl<'a, 'c> Dec<'a, 'c> {
    fn name(&self, t: RtType) -> String {
        crate::natives::fmtvalue::reflect_name(&self.cx.program().ty(t).name)
    }

    fn type_error(&mut self, what: String, t: RtType) {
        if self.first.is_none() {
            let tn = self.name(t);
            let st = if self.path.is_empty() {
                String::new()
            } else {
                self.struct_name.clone()
            };
            self.first = Some(Saved::Type(what, st, self.path.join("."), tn));
        }
    }

    /// Keeps the heap words of `w`, a value of type `t` this decoder
    /// made or read, alive until the native returns (module docs).
    fn keep(&self, t: RtType, w: &[u64]) {
        self.kept.keep_value(self.cx.program(), t, w);
    }

    fn find(&self, names: &[&str]) -> Option<RtType> {
        names.iter().find_map(|n| self.cx.find_type(n))
    }

    /// A new object holding `words` of type `t`: its pointer, kept.
    fn new_obj(&mut self, t: RtType, words: &[u64]) -> u64 {
        let p = self.cx.new_slice(t, words, 1).0;
        self.kept.keep(&[p]);
        p
    }

    /// Calls `UnmarshalJSON([]byte) error` (or UnmarshalText for a
    /// string) of `*t` on the object at `p`, if `*t` has it. `Some` when
    /// the method ran.
    fn unmarshaler(&mut self, t: RtType, p: u64, raw: &[u8], node: &Node) -> Option<()> {
        let pt = self
            .cx
            .find_type(&format!("*{}", self.cx.program().ty(t).name))?;
        let call = |s: &mut Self, f: FuncId, data: &[u8]| {
            let (bp, bl, bc) = s.cx.new_bytes(data);
            match s.cx.call(f, 0, &[p, bp, bl, bc]) {
                Ok(r) => {
                    let e = r.first().copied().unwrap_or(0);
                    if e != 0 && s.fatal.is_none() {
                        s.fatal = Some(EncErr::Kind(PLAIN_ERROR, String::new(), e));
                    }
                }
                Err(e) => {
                    if s.fatal.is_none() {
                        s.fatal = Some(EncErr::Call(e));
                    }
                }
            }
        };
        if let Some(f) = find_method(self.cx, pt, "UnmarshalJSON", "func([]byte) error") {
            call(self, f, raw);
            return Some(());
        }
        let f = find_method(self.cx, pt, "UnmarshalText", "func([]byte) error")?;
        match node {
            Node::Str(s) => call(self, f, &s.clone()),
            Node::Null => {}
            other => {
                let what = other.kind_name().to_string();
                self.type_error(what, t);
            }
        }
        Some(())
    }

    /// Decodes `node` into the value of type `t` whose slot words are
    /// `w` and which lives at `addr` (if it does): updates `w`.
    fn decode(
        &mut self,
        node: &Node,
        raw: &[u8],
        t: RtType,
        w: &mut Vec<u64>,
        addr: Option<u64>,
        quoted: bool,
    ) {
        if self.fatal.is_some() {
            return;
        }
        let kind = self.cx.program().ty(t).kind.clone();
        // Unmarshalers: through a pointer to the value.
        if !matches!(kind, TypeKind::Pointer(_) | TypeKind::Interface) {
            let has = self
                .cx
                .find_type(&format!("*{}", self.cx.program().ty(t).name))
                .is_some_and(|pt| {
                    find_method(self.cx, pt, "UnmarshalJSON", "func([]byte) error").is_some()
                        || find_method(self.cx, pt, "UnmarshalText", "func([]byte) error").is_some()
                });
            if has {
                // Work on an object holding the current value, then read
                // it back.
                let p = match addr {
                    Some(a) => a,
                    None => self.new_obj(t, w),
                };
                if addr.is_some() {
                    self.cx.store(p, 0, w, t);
                }
                if self.unmarshaler(t, p, raw, node).is_some() {
                    *w = self.cx.read_value(p, 0, t);
                    return;
                }
            }
        }
        if quoted {
            match node {
                Node::Null => return,
                Node::Str(s) => {
                    let inner = s.clone();
                    match parse(&inner) {
                        Ok(n2) if !matches!(n2, Node::Arr(_) | Node::Obj(_)) => {
                            if matches!(kind, TypeKind::String) && !matches!(n2, Node::Str(_)) {
                                self.quoted_error(&inner, t);
                                return;
                            }
                            self.decode(&n2, &inner, t, w, addr, false);
                        }
                        _ => self.quoted_error(&inner, t),
                    }
                    return;
                }
                _ => {
                    self.quoted_error(raw, t);
                    return;
                }
            }
        }
        match (node, &kind) {
            (
                Node::Null,
                TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Slice(_) | TypeKind::Interface,
            ) => {
                w.iter_mut().for_each(|x| *x = 0);
            }
            (Node::Null, _) => {}
            (_, TypeKind::Pointer(e)) => {
                let e = *e;
                let mut ew = if w[0] != 0 {
                    self.cx.read_value(w[0], 0, e)
                } else {
                    vec![0; self.cx.program().ty(e).words as usize]
                };
                self.keep(e, &ew);
                let p = if w[0] != 0 {
                    w[0]
                } else {
                    self.new_obj(e, &ew)
                };
                self.decode(node, raw, e, &mut ew, Some(p), false);
                self.cx.store(p, 0, &ew, e);
                w[0] = p;
            }
            (_, TypeKind::Interface) => {
                if self.cx.program().ty(t).methods.is_empty()
                    || self.cx.program().ty(t).name.contains("interface {}")
                    || self.cx.program().ty(t).name == "any"
                {
                    let b = self.any_value(node);
                    if self.fatal.is_some() {
                        return;
                    }
                    w[0] = b;
                } else {
                    self.type_error(node.kind_name().to_string(), t);
                }
            }
            (Node::Bool(b), TypeKind::Bool) => w[0] = *b as u64,
            (Node::Num(s), TypeKind::Int { bits, signed }) => {
                let ok = if *signed {
                    s.parse::<i64>()
                        .ok()
                        .filter(|&v| {
                            *bits == 64 || (v >= -(1i64 << (bits - 1)) && v < (1i64 << (bits - 1)))
                        })
                        .map(|v| v as u64)
                } else {
                    s.parse::<u64>()
                        .ok()
                        .filter(|&v| *bits == 64 || v < (1u64 << bits))
                };
                match ok {
                    Some(v) => w[0] = v,
                    None => self.type_error(format!("number {s}"), t),
                }
            }
            (Node::Num(s), TypeKind::Uintptr) => match s.parse::<u64>() {
                Ok(v) => w[0] = v,
                Err(_) => self.type_error(format!("number {s}"), t),
            },
            (Node::Num(s), TypeKind::Float { bits }) => match s.parse::<f64>() {
                Ok(v) if *bits == 32 && (v as f32).is_infinite() => {
                    self.type_error(format!("number {s}"), t)
                }
                Ok(v) if v.is_infinite() => self.type_error(format!("number {s}"), t),
                Ok(v) => {
                    w[0] = if *bits == 32 {
                        (v as f32 as f64).to_bits()
                    } else {
                        v.to_bits()
                    }
                }
                Err(_) => self.type_error(format!("number {s}"), t),
            },
            (Node::Num(s), TypeKind::String) if is_number(self.cx, t) => {
                let (p, l) = self.cx.new_string(s.as_bytes());
                w[0] = p;
                w[1] = l;
            }
            (Node::Str(s), TypeKind::String) => {
                if is_number(self.cx, t) && !valid_number(s) {
                    if self.fatal.is_none() {
                        // Go 1.27's message, which names no field.
                        let q = crate::format::quote::quote(s);
                        self.fatal = Some(EncErr::Kind(
                            PLAIN_ERROR,
                            format!(
                                "json: cannot unmarshal string {} into Go value of type \
                                 json.Number: invalid syntax",
                                String::from_utf8_lossy(&q)
                            ),
                            0,
                        ));
                    }
                    return;
                }
                let (p, l) = self.cx.new_string(s);
                w[0] = p;
                w[1] = l;
            }
            (Node::Str(s), TypeKind::Slice(e))
                if matches!(
                    self.cx.program().ty(*e).kind,
                    TypeKind::Int {
                        bits: 8,
                        signed: false
                    }
                ) =>
            {
                match base64_decode(s) {
                    Some(b) => {
                        let (p, l, c) = self.cx.new_bytes(&b);
                        w[0] = p;
                        w[1] = l;
                        w[2] = c;
                    }
                    None => {
                        if self.fatal.is_none() {
                            self.fatal = Some(EncErr::Kind(
                                PLAIN_ERROR,
                                "illegal base64 data at input byte 0".into(),
                                0,
                            ));
                        }
                    }
                }
            }
            (Node::Arr(items), TypeKind::Slice(e)) => {
                let e = *e;
                let ew = self.cx.program().ty(e).words as usize;
                let size = self.cx.program().ty(e).size;
                let n = items.len();
                let p = self.cx.new_slice(e, &vec![0; ew * n], n).0;
                self.kept.keep(&[p]);
                let raws = raw_items(raw);
                for (i, it) in items.iter().enumerate() {
                    let mut v = vec![0; ew];
                    self.path.push(i.to_string());
                    self.decode(
                        it,
                        raws.get(i).copied().unwrap_or(b""),
                        e,
                        &mut v,
                        Some(p + i as u64 * size),
                        false,
                    );
                    self.path.pop();
                    self.cx.store(p, i as u64 * size, &v, e);
                }
                w[0] = p;
                w[1] = n as u64;
                w[2] = n as u64;
            }
            (Node::Arr(items), TypeKind::Array(n, e)) => {
                let e = *e;
                let ew = self.cx.program().ty(e).words as usize;
                let size = self.cx.program().ty(e).size;
                let raws = raw_items(raw);
                for i in 0..*n as usize {
                    let mut v = vec![0; ew];
                    if let Some(it) = items.get(i) {
                        self.path.push(i.to_string());
                        self.decode(
                            it,
                            raws.get(i).copied().unwrap_or(b""),
                            e,
                            &mut v,
                            addr.map(|a| a + i as u64 * size),
                            false,
                        );
                        self.path.pop();
                    }
                    self.keep(e, &v);
                    w[i * ew..(i + 1) * ew].copy_from_slice(&v);
                }
            }
            (Node::Obj(kv), TypeKind::Map(kt, vt)) => {
                let (kt, vt) = (*kt, *vt);
                let kk = self.cx.program().ty(kt).kind.clone();
                if !matches!(
                    kk,
                    TypeKind::String | TypeKind::Int { .. } | TypeKind::Uintptr
                ) {
                    self.type_error("object".into(), t);
                    return;
                }
                if w[0] == 0 {
                    w[0] = self.cx.new_map(t);
                    self.kept.keep(&w[..1]);
                }
                let m = w[0];
                let vw = self.cx.program().ty(vt).words as usize;
                let raws = raw_members(raw);
                for (i, (k, v)) in kv.iter().enumerate() {
                    let key: Vec<u64> = match kk {
                        TypeKind::String => {
                            let (p, l) = self.cx.new_string(k);
                            vec![p, l]
                        }
                        TypeKind::Int { signed, bits } => {
                            let ks = String::from_utf8_lossy(k);
                            let parsed = if signed {
                                ks.parse::<i64>()
                                    .ok()
                                    .filter(|&v| {
                                        bits == 64
                                            || (v >= -(1i64 << (bits - 1))
                                                && v < (1i64 << (bits - 1)))
                                    })
                                    .map(|v| v as u64)
                            } else {
                                ks.parse::<u64>()
                                    .ok()
                                    .filter(|&v| bits == 64 || v < (1u64 << bits))
                            };
                            match parsed {
                                Some(x) => vec![x],
                                None => {
                                    self.type_error(format!("number {ks}"), kt);
                                    continue;
                                }
                            }
                        }
                        _ => match String::from_utf8_lossy(k).parse::<u64>() {
                            Ok(x) => vec![x],
                            Err(_) => continue,
                        },
                    };
                    self.keep(kt, &key);
                    let mut val = vec![0; vw];
                    self.path.push(String::from_utf8_lossy(k).into_owned());
                    self.decode(
                        v,
                        raws.get(i).copied().unwrap_or(b""),
                        vt,
                        &mut val,
                        None,
                        false,
                    );
                    self.path.pop();
                    if let Err(e) = self.cx.map_set(t, m, &key, &val) {
                        if self.fatal.is_none() {
                            self.fatal = Some(EncErr::Kind(PLAIN_ERROR, e, 1));
                        }
                        return;
                    }
                }
            }
            (Node::Obj(kv), TypeKind::Struct(_)) => {
                let fields = type_fields(self.cx, t);
                let raws = raw_members(raw);
                let saved_path = std::mem::take(&mut self.path);
                for (i, (k, v)) in kv.iter().enumerate() {
                    let f = fields
                        .iter()
                        .find(|f| f.name.as_bytes() == k.as_slice())
                        .or_else(|| fields.iter().find(|f| fold_eq(f.name.as_bytes(), k)));
                    let Some(f) = f.cloned() else {
                        if self.disallow_unknown && self.first.is_none() {
                            let q = crate::format::quote::quote(k);
                            let q = String::from_utf8_lossy(&q).into_owned();
                            self.first = Some(Saved::Unknown(format!("json: unknown field {q}")));
                        }
                        continue;
                    };
                    self.path = saved_path.clone();
                    self.path.push(f.name.clone());
                    // Walk to the field (allocating nil embedded pointers).
                    self.decode_field(
                        t,
                        w,
                        addr,
                        &f.index,
                        v,
                        raws.get(i).copied().unwrap_or(b""),
                        f.quoted,
                    );
                }
                self.path = saved_path;
            }
            (n, _) => {
                let what = n.kind_name().to_string();
                self.type_error(what, t);
            }
        }
    }

    /// Decodes into the field at `index` (a path through embedded
    /// structs) of the struct `t` with words `w`.
    #[allow(clippy::too_many_arguments)]
    fn decode_field(
        &mut self,
        t: RtType,
        w: &mut [u64],
        addr: Option<u64>,
        index: &[usize],
        node: &Node,
        raw: &[u8],
        quoted: bool,
    ) {
        let TypeKind::Struct(fs) = self.cx.program().ty(t).kind.clone() else {
            return;
        };
        let sf = &fs[index[0]];
        let n = self.cx.program().ty(sf.ty).words as usize;
        let off = sf.off as usize;
        let faddr = addr.map(|a| a + sf.moff);
        let mut fw = w[off..off + n].to_vec();
        if index.len() == 1 {
            self.decode(node, raw, sf.ty, &mut fw, faddr, quoted);
        } else {
            match self.cx.program().ty(sf.ty).kind.clone() {
                TypeKind::Pointer(e) => {
                    let mut ew = if fw[0] != 0 {
                        self.cx.read_value(fw[0], 0, e)
                    } else {
                        vec![0; self.cx.program().ty(e).words as usize]
                    };
                    self.keep(e, &ew);
                    let p = if fw[0] != 0 {
                        fw[0]
                    } else {
                        self.new_obj(e, &ew)
                    };
                    self.decode_field(e, &mut ew, Some(p), &index[1..], node, raw, quoted);
                    self.cx.store(p, 0, &ew, e);
                    fw[0] = p;
                }
                _ => self.decode_field(sf.ty, &mut fw, faddr, &index[1..], node, raw, quoted),
            }
        }
        // The fields after this one may call methods.
        self.keep(sf.ty, &fw);
        w[off..off + n].copy_from_slice(&fw);
    }

    fn quoted_error(&mut self, raw: &[u8], t: RtType) {
        if self.fatal.is_none() {
            let q = String::from_utf8_lossy(&crate::format::quote::quote(raw)).into_owned();
            self.fatal = Some(EncErr::Kind(
                PLAIN_ERROR,
                format!(
                    "json: invalid use of ,string struct tag, trying to unmarshal {q} into {}",
                    self.name(t)
                ),
                0,
            ));
        }
    }

    /// A JSON value as Go's `any`: an interface word.
    fn any_value(&mut self, node: &Node) -> u64 {
        match node {
            Node::Null => 0,
            Node::Bool(b) => match self.find(&["bool"]) {
                Some(t) => self.cx.new_box(t, &[*b as u64]),
                None => self.missing("bool"),
            },
            Node::Num(s) if self.use_number => match self.find(&["json.Number"]) {
                Some(t) => {
                    let (p, l) = self.cx.new_string(s.as_bytes());
                    self.cx.new_box(t, &[p, l])
                }
                None => self.missing("json.Number"),
            },
            Node::Num(s) => match self.find(&["float64"]) {
                Some(t) => {
                    let v = s.parse::<f64>().unwrap_or(0.0);
                    if v.is_infinite() {
                        self.type_error(format!("number {s}"), t);
                        return 0;
                    }
                    self.cx.new_box(t, &[v.to_bits()])
                }
                None => self.missing("float64"),
            },
            Node::Str(s) => match self.find(&["string"]) {
                Some(t) => {
                    let (p, l) = self.cx.new_string(s);
                    self.cx.new_box(t, &[p, l])
                }
                None => self.missing("string"),
            },
            Node::Arr(items) => match (
                self.find(&["[]interface {}", "[]any"]),
                self.find(&["interface {}", "any"]),
            ) {
                (Some(st), Some(it)) => {
                    let n = items.len();
                    let p = self.cx.new_slice(it, &vec![0; n], n).0;
                    for (i, x) in items.iter().enumerate() {
                        let v = self.any_value(x);
                        self.cx.store(p, i as u64 * 8, &[v], it);
                    }
                    self.cx.new_box(st, &[p, n as u64, n as u64])
                }
                _ => self.missing("[]interface {}"),
            },
            Node::Obj(kv) => match self.find(&["map[string]interface {}", "map[string]any"]) {
                Some(mt) => {
                    let m = self.cx.new_map(mt);
                    for (k, v) in kv {
                        let val = self.any_value(v);
                        let (p, l) = self.cx.new_string(k);
                        if let Err(e) = self.cx.map_set(mt, m, &[p, l], &[val]) {
                            if self.fatal.is_none() {
                                self.fatal = Some(EncErr::Kind(PLAIN_ERROR, e, 1));
                            }
                            return 0;
                        }
                    }
                    self.cx.new_box(mt, &[m])
                }
                None => self.missing("map[string]interface {}"),
            },
        }
    }

    fn missing(&mut self, what: &str) -> u64 {
        if self.fatal.is_none() {
            self.fatal = Some(EncErr::Kind(
                PLAIN_ERROR,
                format!("json: gol has no runtime type {what} in this program"),
                0,
            ));
        }
        0
    }
}

/// The raw text of each element of a JSON array (for Unmarshalers).
fn raw_items(raw: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut s = Scan { b: raw, i: 0 };
    s.ws();
    if s.b.get(s.i) != Some(&b'[') {
        return out;
    }
    s.i += 1;
    loop {
        s.ws();
        let st = s.i;
        if s.value(0).is_err() {
            return out;
        }
        out.push(&raw[st..s.i]);
        s.ws();
        if s.b.get(s.i) != Some(&b',') {
            return out;
        }
        s.i += 1;
    }
}

/// The raw text of each member value of a JSON object.
fn raw_members(raw: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut s = Scan { b: raw, i: 0 };
    s.ws();
    if s.b.get(s.i) != Some(&b'{') {
        return out;
    }
    s.i += 1;
    loop {
        s.ws();
        if s.string().is_err() {
            return out;
        }
        s.ws();
        s.i += 1;
        s.ws();
        let st = s.i;
        if s.value(0).is_err() {
            return out;
        }
        out.push(&raw[st..s.i]);
        s.ws();
        if s.b.get(s.i) != Some(&b',') {
            return out;
        }
        s.i += 1;
    }
}

/// reflect's `Type.Name()` of a type spelled `name` (reflect's
/// spelling): a defined type's name without its package (`Outer`,
/// `Pair[int]`), "" for a type literal (`[]int`, `struct { ... }`,
/// `map[string]int`, `*T`).
pub(crate) fn type_name_only(name: &str) -> String {
    let literal = [
        "struct {",
        "map[",
        "func(",
        "chan ",
        "<-chan",
        "interface {",
    ];
    if !name.starts_with(|c: char| c.is_alphabetic() || c == '_')
        || literal.iter().any(|l| name.starts_with(l))
    {
        return String::new();
    }
    let base = name.split('[').next().unwrap_or(name);
    match base.rfind('.') {
        Some(i) => name[i + 1..].to_string(),
        None => name.to_string(),
    }
}

fn unmarshal(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let data = ctx.bytes(0);
    let w = ctx.iface(1);
    let opts = ctx.int(2);
    let ret = |ctx: &mut NativeCtx<'_>, k: i64, msg: &str, off: i64, cause: u64| {
        ctx.ret_int(0, k);
        ctx.ret_str(1, msg.as_bytes());
        ctx.ret_int(2, off);
        ctx.ret_iface(3, cause);
        NativeResult::Ok
    };
    let node = match parse(&data) {
        Ok(n) => n,
        Err((m, o)) => return ret(ctx, SYNTAX_ERROR, &m, o as i64, 0),
    };
    let Some(t) = ctx.box_type(w) else {
        return ret(ctx, INVALID_UNMARSHAL, "nil", 0, 0);
    };
    let name = crate::natives::fmtvalue::reflect_name(&ctx.program().ty(t).name);
    let TypeKind::Pointer(e) = ctx.program().ty(t).kind else {
        return ret(ctx, INVALID_UNMARSHAL, &format!("non-pointer {name}"), 0, 0);
    };
    let p = ctx.box_words(w).first().copied().unwrap_or(0);
    if p == 0 {
        return ret(ctx, INVALID_UNMARSHAL, &format!("nil {name}"), 0, 0);
    }
    let root = type_name_only(&crate::natives::fmtvalue::reflect_name(
        &ctx.program().ty(e).name,
    ));
    let kept = ctx.kept();
    let mut dec = Dec {
        cx: ctx,
        kept: &kept,
        first: None,
        use_number: opts & USE_NUMBER != 0,
        disallow_unknown: opts & DISALLOW_UNKNOWN != 0,
        struct_name: root,
        path: Vec::new(),
        fatal: None,
    };
    let mut v = dec.cx.read_value(p, 0, e);
    dec.keep(e, &v);
    dec.decode(&node, &data, e, &mut v, Some(p), false);
    dec.cx.store(p, 0, &v, e);
    let fatal = dec.fatal.take();
    let first = dec.first.take();
    match fatal {
        Some(EncErr::Call(e)) => return e.into_result(ctx),
        Some(EncErr::Kind(k, m, c)) => {
            if c == 1 && k == PLAIN_ERROR {
                return NativeResult::Panic(m);
            }
            return ret(ctx, k, &m, 0, c);
        }
        None => {}
    }
    match first {
        Some(Saved::Type(what, st, path, tn)) => {
            let msg = format!("{what}\x00{st}\x00{path}\x00{tn}");
            ret(ctx, UNMARSHAL_TYPE_ERROR, &msg, 0, 0)
        }
        Some(Saved::Unknown(msg)) => ret(ctx, PLAIN_ERROR, &msg, 0, 0),
        None => ret(ctx, OK, "", 0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_as_go_reads_them() {
        assert_eq!(
            tag_lookup(r#"json:"name,omitempty" xml:"n""#, "json").as_deref(),
            Some("name,omitempty")
        );
        assert_eq!(
            tag_lookup(r#"xml:"n" json:"-""#, "json").as_deref(),
            Some("-")
        );
        assert_eq!(tag_lookup(r#"json:name"#, "json"), None);
        assert_eq!(tag_lookup("", "json"), None);
    }

    #[test]
    fn strings_escape_as_go() {
        let mut o = Vec::new();
        write_string(&mut o, "a<b>&\"\\\n\u{2028}\x01é".as_bytes(), true);
        assert_eq!(
            String::from_utf8(o).unwrap(),
            r#""a\u003cb\u003e\u0026\"\\\n\u2028\u0001é""#
        );
        let mut o = Vec::new();
        write_string(&mut o, b"<\xff>", false);
        assert_eq!(String::from_utf8(o).unwrap(), r#""<\ufffd>""#);
    }

    #[test]
    fn syntax_errors_have_go_messages() {
        let e = |s: &str| parse(s.as_bytes()).err().map(|(m, o)| format!("{m}@{o}"));
        assert_eq!(
            e("{\"a\":1,}"),
            Some("invalid character '}' looking for beginning of object key string@8".into())
        );
        assert_eq!(e("[1,2"), Some("unexpected end of JSON input@4".into()));
        assert_eq!(
            e("tru "),
            Some("invalid character ' ' in literal true (expecting 'e')@4".into())
        );
        assert_eq!(
            e("1 2"),
            Some("invalid character '2' after top-level value@3".into())
        );
        assert_eq!(
            e(" {\"a\" 1}"),
            Some("invalid character '1' after object key@7".into())
        );
        assert!(e("{\"a\":[1,2.5e3,null,true]}").is_none());
    }

    #[test]
    fn root_names_are_reflect_names() {
        assert_eq!(type_name_only("main.Outer"), "Outer");
        assert_eq!(type_name_only("main.Pair[main.K]"), "Pair[main.K]");
        assert_eq!(type_name_only("[]main.Inner"), "");
        assert_eq!(type_name_only("struct { A int }"), "");
        assert_eq!(type_name_only("map[string]int"), "");
        assert_eq!(type_name_only("int"), "int");
    }

    #[test]
    fn indent_matches_go() {
        let got = indent(br#"{"a":[1,2],"b":{},"c":[]}"#, b"", b"  ");
        assert_eq!(
            String::from_utf8(got).unwrap(),
            "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": []\n}"
        );
    }

    #[test]
    fn base64_round_trips() {
        for s in [&b""[..], b"a", b"ab", b"abc", b"abcd\xff"] {
            assert_eq!(base64_decode(base64_std(s).as_bytes()).as_deref(), Some(s));
        }
        assert_eq!(base64_decode(b"a==="), None);
    }
}
