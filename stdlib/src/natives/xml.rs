//! encoding/xml over the VM's type descriptors: no reflect package.
//!
//! Go's encoding/xml is a tokenizer and a printer, which gol runs as Go
//! (stdlib/go/encoding/xml), and two walks over values by reflection,
//! which are these natives. Both walks read a struct's XML shape the way
//! Go's typeinfo.go does ([`TypeInfo`]: the fields' tags, with `a>b`
//! parent chains, the XMLName field, embedded structs' fields and Go's
//! rules for conflicting paths), from the field names and tags the code
//! generator keeps in the runtime types.
//!
//! [`marshal`] walks a value as Go's `marshalValue` does and writes a
//! list of operations for the Go printer (marshal.go documents the
//! encoding): start and end tags, text, comments, raw inner XML, and the
//! calls of the value's MarshalXML, MarshalXMLAttr and MarshalText
//! methods, which it does not make itself: it boxes the receiver into
//! `vals` and the printer calls the method when it reaches the
//! operation. So the native never calls back into Go, methods run in
//! Go's order and write through the same Encoder, and an error (an
//! unsupported type, a bad tag) is an operation at the place where Go's
//! walk would have stopped, after the output Go would have written.
//!
//! [`unmarshal`] receives the tokens of one element, read by the Go
//! Decoder (names translated, nesting checked), and the raw input read
//! meanwhile, and stores them into the value as Go's `unmarshal` does
//! token by token: attributes into `,attr` fields, sub-elements into the
//! fields their names or paths match (`,any` otherwise), character data
//! and comments into the first `,chardata` and `,comment` fields, the
//! raw bytes into `,innerxml`, numbers and bools parsed after trimming
//! space with strconv's errors, slices grown by one element per element.
//! When the tokens run out (the input failed inside the element), it
//! stops where Go's walk would have met the failure and the Go half
//! returns the Decoder's error. A type's UnmarshalXML method is called
//! through read.go's `callXML`, which hands it a Decoder replaying the
//! element's tokens and returns where it stopped reading; the walk goes
//! on from there.
//!
//! Memory: the decoder works on values in place, by address: everything
//! it allocates (a slice's new array, a pointer's new target, a boxed
//! receiver) is stored into the value, which the caller's pointer keeps
//! alive, and kept ([`Kept`]) until the native returns, in case a method
//! it calls (UnmarshalXML, UnmarshalText, UnmarshalXMLAttr) unlinks it;
//! it reads memory afresh after each call, so it holds no other heap
//! word across one. The encoder calls nothing.

use crate::format::{self, format_float, NumErrorKind};
use crate::natives::json::{embedded_name, find_method, is_exported, tag_lookup};
use gol_lang::bytecode::{FuncId, RtType, StructField, TypeKind};
use gol_vm::native::{CallError, Kept};
use gol_vm::{Native, NativeCtx, NativeResult};
use std::collections::HashMap;

pub const NATIVES: &[(&str, Native)] = &[
    (
        "marshal",
        Native::new(marshal, "func(v any, tmpl []byte) (ops []byte, vals []any)"),
    ),
    (
        "unmarshal",
        Native::new(
            unmarshal,
            "func(v any, toks []byte, raw []byte, callXML func(any, int) (int, error)) (kind int, msg string, cause error)",
        ),
    ),
    ("checkTarget", Native::new(check_target, "func(v any) int")),
];

// Operations, attribute kinds, flags and error kinds: marshal.go's.
const OP_START: u64 = 1;
const OP_END: u64 = 2;
const OP_TEXT: u64 = 3;
const OP_CDATA: u64 = 4;
const OP_COMMENT: u64 = 5;
const OP_RAW: u64 = 6;
const OP_ERROR: u64 = 7;
const OP_MARSHAL_XML: u64 = 8;
const OP_TEXT_ELEM: u64 = 9;
const OP_TEXT_DATA: u64 = 10;
const ATTR_PLAIN: u64 = 0;
const ATTR_MARSHAL_XML: u64 = 1;
const ATTR_TEXT: u64 = 2;
const START_RESET_NS: u64 = 1;
const ERR_UNSUPPORTED_TYPE: u64 = 1;
const ERR_PLAIN: u64 = 2;
const ERR_TAG_PATH: u64 = 3;

// Tokens and unmarshal's error kinds: read.go's.
const TOK_START: u64 = 1;
const TOK_END: u64 = 2;
const TOK_CHAR: u64 = 3;
const TOK_COMMENT: u64 = 4;
const TOK_PROC_INST: u64 = 5;
const TOK_DIRECTIVE: u64 = 6;
const U_OK: i64 = 0;
const U_STREAM_END: i64 = 1;
const U_PLAIN: i64 = 2;
const U_UNMARSHAL: i64 = 3;
const U_NUM_ERROR: i64 = 4;
const U_CAUSE: i64 = 5;
const U_TAG_PATH: i64 = 6;
const U_NON_POINTER: i64 = 7;
const U_NIL_POINTER: i64 = 8;

// The method signatures, as runtime types spell them.
const SIG_MARSHAL_XML: &str = "func(*xml.Encoder, xml.StartElement) error";
const SIG_MARSHAL_ATTR: &str = "func(xml.Name) (xml.Attr, error)";
const SIG_MARSHAL_TEXT: &str = "func() ([]byte, error)";
const SIG_UNMARSHAL_XML: &str = "func(*xml.Decoder, xml.StartElement) error";
const SIG_UNMARSHAL_ATTR: &str = "func(xml.Attr) error";
const SIG_UNMARSHAL_TEXT: &str = "func([]byte) error";

/// How deep a walk goes before it calls the value cyclic: Go's own walk
/// overflows its goroutine's stack on a cycle, which gol reports as Go
/// does (`fatal error: stack overflow`). Below the bound the walks grow
/// their Rust stack on the heap (`stacker`, as fmt's printer does).
const MAX_DEPTH: usize = 10_000;

/// Go's limit on the elements open around one Unmarshal
/// (maxUnmarshalDepth).
const MAX_UNMARSHAL_DEPTH: usize = 10_000;

/// Stack left below which a walk moves to a fresh segment, and the size
/// of each segment.
const STACK_RED_ZONE: usize = 64 * 1024;
const STACK_SEGMENT: usize = 1024 * 1024;

/// The kind of [`Stop`] that is Go's stack overflow, not an error.
const STOP_OVERFLOW: u64 = u64::MAX;

// ---- type information (Go's typeinfo.go) ------------------------------

const F_ELEMENT: u32 = 1;
const F_ATTR: u32 = 2;
const F_CDATA: u32 = 4;
const F_CHARDATA: u32 = 8;
const F_INNERXML: u32 = 16;
const F_COMMENT: u32 = 32;
const F_ANY: u32 = 64;
const F_OMIT_EMPTY: u32 = 128;
const F_MODE: u32 = F_ELEMENT | F_ATTR | F_CDATA | F_CHARDATA | F_INNERXML | F_COMMENT | F_ANY;

/// How one field appears in XML (Go's fieldInfo).
#[derive(Clone, Debug, Default)]
struct FieldInfo {
    /// Field indexes from the struct, through embedded structs.
    idx: Vec<usize>,
    name: String,
    xmlns: String,
    flags: u32,
    parents: Vec<String>,
}

/// A struct's XML shape (Go's typeInfo).
#[derive(Clone, Debug, Default)]
struct TypeInfo {
    xmlname: Option<FieldInfo>,
    fields: Vec<FieldInfo>,
}

/// A failure to read a type's shape: Go's message, or a TagPathError's
/// parts.
#[derive(Clone, Debug)]
enum InfoErr {
    Plain(String),
    TagPath(String),
    Overflow,
}

fn type_string(cx: &NativeCtx<'_>, t: RtType) -> String {
    crate::natives::fmtvalue::reflect_name(&cx.program().ty(t).name)
}

/// reflect's `Type.Name()` (json's spelling of it).
fn type_name(cx: &NativeCtx<'_>, t: RtType) -> String {
    crate::natives::json::type_name_only(&type_string(cx, t))
}

/// Whether `t` is `byte`.
fn is_byte(cx: &NativeCtx<'_>, t: RtType) -> bool {
    matches!(
        cx.program().ty(t).kind,
        TypeKind::Int {
            bits: 8,
            signed: false
        }
    )
}

/// The method `name` (signature `sig`) of a value of type `t`, or of
/// `&t` when the value is addressable: the function and whether it takes
/// the pointer.
fn method_of(
    cx: &NativeCtx<'_>,
    t: RtType,
    addressable: bool,
    name: &str,
    sig: &str,
) -> Option<(FuncId, Option<RtType>)> {
    if let Some(f) = find_method(cx, t, name, sig) {
        return Some((f, None));
    }
    if !addressable {
        return None;
    }
    let pt = cx.find_type(&format!("*{}", cx.program().ty(t).name))?;
    Some((find_method(cx, pt, name, sig)?, Some(pt)))
}

fn is_type(cx: &NativeCtx<'_>, t: RtType, name: &str) -> bool {
    cx.program().ty(t).name == name
}

fn quote(s: &str) -> String {
    String::from_utf8_lossy(&format::quote::quote(s.as_bytes())).into_owned()
}

fn struct_fields(cx: &NativeCtx<'_>, t: RtType) -> Vec<StructField> {
    match &cx.program().ty(t).kind {
        TypeKind::Struct(fs) => fs.clone(),
        _ => Vec::new(),
    }
}

fn field_name(cx: &NativeCtx<'_>, f: &StructField) -> String {
    if f.embedded {
        embedded_name(cx, f)
    } else {
        f.name.clone()
    }
}

fn xml_tag(f: &StructField) -> String {
    tag_lookup(&f.tag, "xml").unwrap_or_default()
}

/// Caches the shapes of the types one walk meets.
#[derive(Default)]
struct Infos {
    cache: HashMap<RtType, Result<TypeInfo, InfoErr>>,
    depth: usize,
}

impl Infos {
    fn get(&mut self, cx: &NativeCtx<'_>, t: RtType) -> Result<TypeInfo, InfoErr> {
        if let Some(r) = self.cache.get(&t) {
            return r.clone();
        }
        self.depth += 1;
        // A struct that embeds itself (through a pointer) recurses
        // until Go's stack overflows.
        let r = if self.depth > 100 {
            Err(InfoErr::Overflow)
        } else {
            self.build(cx, t)
        };
        self.depth -= 1;
        self.cache.insert(t, r.clone());
        r
    }

    fn build(&mut self, cx: &NativeCtx<'_>, t: RtType) -> Result<TypeInfo, InfoErr> {
        let mut tinfo = TypeInfo::default();
        if is_type(cx, t, "xml.Name") {
            return Ok(tinfo);
        }
        for (i, f) in struct_fields(cx, t).iter().enumerate() {
            let fname = field_name(cx, f);
            if (!is_exported(&fname) && !f.embedded) || xml_tag(f) == "-" {
                continue;
            }
            if f.embedded {
                let mut et = f.ty;
                if let TypeKind::Pointer(e) = cx.program().ty(et).kind {
                    et = e;
                }
                if matches!(cx.program().ty(et).kind, TypeKind::Struct(_)) {
                    let inner = self.get(cx, et)?;
                    if tinfo.xmlname.is_none() {
                        tinfo.xmlname = inner.xmlname.clone();
                    }
                    for finfo in inner.fields {
                        let mut finfo = finfo.clone();
                        finfo.idx.insert(0, i);
                        add_field_info(cx, t, &mut tinfo, finfo)?;
                    }
                    continue;
                }
            }
            let finfo = struct_field_info(cx, t, f, i)?;
            if fname == "XMLName" {
                tinfo.xmlname = Some(finfo);
                continue;
            }
            add_field_info(cx, t, &mut tinfo, finfo)?;
        }
        Ok(tinfo)
    }
}

/// Go's structFieldInfo: field `i` (`f`) of struct `typ`.
fn struct_field_info(
    cx: &NativeCtx<'_>,
    typ: RtType,
    f: &StructField,
    i: usize,
) -> Result<FieldInfo, InfoErr> {
    let fname = field_name(cx, f);
    let full = xml_tag(f);
    let mut finfo = FieldInfo {
        idx: vec![i],
        ..FieldInfo::default()
    };
    let mut tag = full.clone();
    if let Some((ns, t)) = tag.clone().split_once(' ') {
        finfo.xmlns = ns.to_string();
        tag = t.to_string();
    }
    let tokens: Vec<String> = tag.split(',').map(str::to_string).collect();
    if tokens.len() == 1 {
        finfo.flags = F_ELEMENT;
    } else {
        tag = tokens[0].clone();
        for flag in &tokens[1..] {
            finfo.flags |= match flag.as_str() {
                "attr" => F_ATTR,
                "cdata" => F_CDATA,
                "chardata" => F_CHARDATA,
                "innerxml" => F_INNERXML,
                "comment" => F_COMMENT,
                "any" => F_ANY,
                "omitempty" => F_OMIT_EMPTY,
                _ => 0,
            };
        }
        let mode = finfo.flags & F_MODE;
        let mut valid = true;
        if mode == 0 {
            finfo.flags |= F_ELEMENT;
        } else if [
            F_ATTR,
            F_CDATA,
            F_CHARDATA,
            F_INNERXML,
            F_COMMENT,
            F_ANY,
            F_ANY | F_ATTR,
        ]
        .contains(&mode)
        {
            if fname == "XMLName" || !tag.is_empty() && mode != F_ATTR {
                valid = false;
            }
        } else {
            // Several modes in one field.
            valid = false;
        }
        if finfo.flags & F_MODE == F_ANY {
            finfo.flags |= F_ELEMENT;
        }
        if finfo.flags & F_OMIT_EMPTY != 0 && finfo.flags & (F_ELEMENT | F_ATTR) == 0 {
            valid = false;
        }
        if !valid {
            return Err(InfoErr::Plain(format!(
                "xml: invalid tag in field {fname} of type {}: {}",
                type_string(cx, typ),
                quote(&full)
            )));
        }
    }
    if !finfo.xmlns.is_empty() && tag.is_empty() {
        return Err(InfoErr::Plain(format!(
            "xml: namespace without name in field {fname} of type {}: {}",
            type_string(cx, typ),
            quote(&full)
        )));
    }
    if fname == "XMLName" {
        finfo.name = tag;
        return Ok(finfo);
    }
    if tag.is_empty() {
        match lookup_xml_name(cx, f.ty) {
            Some(x) => {
                finfo.xmlns = x.xmlns;
                finfo.name = x.name;
            }
            None => finfo.name = fname,
        }
        return Ok(finfo);
    }
    let mut parents: Vec<String> = tag.split('>').map(str::to_string).collect();
    if parents[0].is_empty() {
        parents[0] = fname.clone();
    }
    if parents.last().is_some_and(String::is_empty) {
        return Err(InfoErr::Plain(format!(
            "xml: trailing '>' in field {fname} of type {}",
            type_string(cx, typ)
        )));
    }
    finfo.name = parents.pop().unwrap_or_default();
    if !parents.is_empty() {
        if finfo.flags & F_ELEMENT == 0 {
            return Err(InfoErr::Plain(format!(
                "xml: {tag} chain not valid with {} flag",
                tokens[1..].join(",")
            )));
        }
        finfo.parents = parents;
    }
    if finfo.flags & F_ELEMENT != 0 {
        if let Some(x) = lookup_xml_name(cx, f.ty) {
            if x.name != finfo.name {
                return Err(InfoErr::Plain(format!(
                    "xml: name {} in tag of {}.{fname} conflicts with name {} in {}.XMLName",
                    quote(&finfo.name),
                    type_string(cx, typ),
                    quote(&x.name),
                    type_string(cx, f.ty)
                )));
            }
        }
    }
    Ok(finfo)
}

/// The XMLName field of `t` (through pointers) if it names an element.
fn lookup_xml_name(cx: &NativeCtx<'_>, mut t: RtType) -> Option<FieldInfo> {
    let mut guard = 0;
    while let TypeKind::Pointer(e) = cx.program().ty(t).kind {
        t = e;
        guard += 1;
        if guard > 100 {
            return None;
        }
    }
    let fs = struct_fields(cx, t);
    let (i, f) = fs.iter().enumerate().find(|(_, f)| f.name == "XMLName")?;
    match struct_field_info(cx, t, f, i) {
        Ok(fi) if !fi.name.is_empty() => Some(fi),
        _ => None,
    }
}

/// The field at `idx` in struct `t` (through embedded pointers).
fn field_by_index(cx: &NativeCtx<'_>, mut t: RtType, idx: &[usize]) -> Option<StructField> {
    let mut out = None;
    for (k, &i) in idx.iter().enumerate() {
        if k > 0 {
            if let TypeKind::Pointer(e) = cx.program().ty(t).kind {
                t = e;
            }
        }
        let f = struct_fields(cx, t).get(i)?.clone();
        t = f.ty;
        out = Some(f);
    }
    out
}

/// Go's addFieldInfo: adds `newf` unless a shallower field has its
/// path; two at one depth are a TagPathError.
fn add_field_info(
    cx: &NativeCtx<'_>,
    typ: RtType,
    tinfo: &mut TypeInfo,
    newf: FieldInfo,
) -> Result<(), InfoErr> {
    let mut conflicts = Vec::new();
    'fields: for (i, oldf) in tinfo.fields.iter().enumerate() {
        if oldf.flags & F_MODE != newf.flags & F_MODE {
            continue;
        }
        if !oldf.xmlns.is_empty() && !newf.xmlns.is_empty() && oldf.xmlns != newf.xmlns {
            continue;
        }
        let minl = newf.parents.len().min(oldf.parents.len());
        for p in 0..minl {
            if oldf.parents[p] != newf.parents[p] {
                continue 'fields;
            }
        }
        let conflict = match oldf.parents.len().cmp(&newf.parents.len()) {
            std::cmp::Ordering::Greater => oldf.parents[newf.parents.len()] == newf.name,
            std::cmp::Ordering::Less => newf.parents[oldf.parents.len()] == oldf.name,
            std::cmp::Ordering::Equal => newf.name == oldf.name && newf.xmlns == oldf.xmlns,
        };
        if conflict {
            conflicts.push(i);
        }
    }
    if conflicts.is_empty() {
        tinfo.fields.push(newf);
        return Ok(());
    }
    if conflicts
        .iter()
        .any(|&i| tinfo.fields[i].idx.len() < newf.idx.len())
    {
        return Ok(());
    }
    for &i in &conflicts {
        let oldf = &tinfo.fields[i];
        if oldf.idx.len() == newf.idx.len() {
            let f1 = field_by_index(cx, typ, &oldf.idx);
            let f2 = field_by_index(cx, typ, &newf.idx);
            let (n1, t1) = f1.map_or_else(Default::default, |f| (field_name(cx, &f), xml_tag(&f)));
            let (n2, t2) = f2.map_or_else(Default::default, |f| (field_name(cx, &f), xml_tag(&f)));
            return Err(InfoErr::TagPath(format!(
                "{}\x00{n1}\x00{t1}\x00{n2}\x00{t2}",
                type_string(cx, typ)
            )));
        }
    }
    for &i in conflicts.iter().rev() {
        tinfo.fields.remove(i);
    }
    tinfo.fields.push(newf);
    Ok(())
}

// ---- marshaling ---------------------------------------------------------

/// A value being encoded: its type, its words and where it lives if it
/// is addressable (for pointer methods).
#[derive(Clone)]
struct Val {
    t: RtType,
    w: Vec<u64>,
    addr: Option<u64>,
}

#[derive(Clone, Default)]
struct Name {
    space: Vec<u8>,
    local: Vec<u8>,
}

enum AttrOp {
    Plain(Name, Vec<u8>),
    /// An attribute method's kind (ATTR_MARSHAL_XML, ATTR_TEXT), the
    /// field's name and the receiver's index in `vals`.
    Call(u64, Name, u64),
}

#[derive(Default)]
struct Start {
    name: Name,
    flags: u64,
    attrs: Vec<AttrOp>,
}

/// Where the walk stopped: an error operation to write (kind, message).
struct Stop(u64, String);

impl From<InfoErr> for Stop {
    fn from(e: InfoErr) -> Stop {
        match e {
            InfoErr::Plain(m) => Stop(ERR_PLAIN, m),
            InfoErr::TagPath(m) => Stop(ERR_TAG_PATH, m),
            InfoErr::Overflow => Stop(STOP_OVERFLOW, String::new()),
        }
    }
}

struct Enc<'a, 'c> {
    cx: &'a mut NativeCtx<'c>,
    ops: Vec<u8>,
    vals: Vec<u64>,
    infos: Infos,
    depth: usize,
}

fn put_uint(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        out.push(x as u8 | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

fn put_str(out: &mut Vec<u8>, s: &[u8]) {
    put_uint(out, s.len() as u64);
    out.extend_from_slice(s);
}

impl Enc<'_, '_> {
    fn kind(&self, t: RtType) -> TypeKind {
        self.cx.program().ty(t).kind.clone()
    }

    fn uint(&mut self, x: u64) {
        put_uint(&mut self.ops, x);
    }

    fn str(&mut self, s: &[u8]) {
        put_str(&mut self.ops, s);
    }

    fn name(&mut self, n: &Name) {
        self.str(&n.space.clone());
        self.str(&n.local.clone());
    }

    fn start(&mut self, op: u64, start: &Start) {
        self.uint(op);
        self.name(&start.name);
        self.uint(start.flags);
        self.uint(start.attrs.len() as u64);
        for a in &start.attrs {
            match a {
                AttrOp::Plain(n, v) => {
                    put_uint(&mut self.ops, ATTR_PLAIN);
                    put_str(&mut self.ops, &n.space);
                    put_str(&mut self.ops, &n.local);
                    put_str(&mut self.ops, v);
                }
                AttrOp::Call(k, n, i) => {
                    put_uint(&mut self.ops, *k);
                    put_str(&mut self.ops, &n.space);
                    put_str(&mut self.ops, &n.local);
                    put_uint(&mut self.ops, *i);
                }
            }
        }
    }

    fn end(&mut self, n: &Name) {
        self.uint(OP_END);
        self.name(n);
    }

    /// The receiver for method `name` of `v`: `v` itself, or `&v` when
    /// `v` is addressable and `*T` has the method; boxed into `vals`,
    /// whose index it returns.
    fn method(&mut self, v: &Val, name: &str, sig: &str) -> Option<(u64, RtType)> {
        let (_, pt) = method_of(self.cx, v.t, v.addr.is_some(), name, sig)?;
        let (t, boxed) = match (pt, v.addr) {
            (Some(pt), Some(a)) => (pt, self.cx.new_box(pt, &[a])),
            _ => (v.t, self.cx.new_box(v.t, &v.w)),
        };
        self.vals.push(boxed);
        Some((self.vals.len() as u64 - 1, t))
    }

    fn string_of(&self, w: &[u64]) -> Vec<u8> {
        self.cx.string_at(
            w.first().copied().unwrap_or(0),
            w.get(1).copied().unwrap_or(0),
        )
    }

    /// A pointer's or interface's target, None when nil.
    fn elem(&self, v: &Val) -> Option<Val> {
        let w0 = v.w.first().copied().unwrap_or(0);
        match self.kind(v.t) {
            TypeKind::Pointer(e) => (w0 != 0).then(|| Val {
                t: e,
                w: self.cx.read_value(w0, 0, e),
                addr: Some(w0),
            }),
            TypeKind::Interface => {
                let t = self.cx.box_type(w0)?;
                Some(Val {
                    t,
                    w: self.cx.box_words(w0),
                    addr: None,
                })
            }
            _ => Some(v.clone()),
        }
    }

    /// Go's indirect: through pointers and interfaces, stopping at nil.
    fn indirect(&self, mut v: Val) -> Val {
        for _ in 0..MAX_DEPTH {
            if !matches!(self.kind(v.t), TypeKind::Pointer(_) | TypeKind::Interface) {
                break;
            }
            match self.elem(&v) {
                Some(e) => v = e,
                None => break,
            }
        }
        v
    }

    /// Field `finfo` of struct value `v`, None behind a nil embedded
    /// pointer.
    fn field(&self, v: &Val, idx: &[usize]) -> Option<Val> {
        let mut cur = v.clone();
        for (k, &i) in idx.iter().enumerate() {
            if k > 0 {
                if let TypeKind::Pointer(e) = self.kind(cur.t) {
                    if matches!(self.kind(e), TypeKind::Struct(_)) {
                        cur = self.elem(&cur)?;
                    }
                }
            }
            let sf = struct_fields(self.cx, cur.t).get(i)?.clone();
            let n = self.cx.program().ty(sf.ty).words as usize;
            let off = sf.off as usize;
            cur = Val {
                t: sf.ty,
                w: cur.w.get(off..off + n)?.to_vec(),
                addr: cur.addr.map(|a| a + sf.moff),
            };
        }
        Some(cur)
    }

    fn is_empty(&self, v: &Val) -> bool {
        let w0 = v.w.first().copied().unwrap_or(0);
        match self.kind(v.t) {
            TypeKind::Array(n, _) => n == 0,
            TypeKind::Map(..) => {
                w0 == 0 || gol_vm::map::sorted_entries(self.cx.program(), w0).is_empty()
            }
            TypeKind::Slice(_) | TypeKind::String => v.w.get(1).copied().unwrap_or(0) == 0,
            TypeKind::Bool
            | TypeKind::Int { .. }
            | TypeKind::Uintptr
            | TypeKind::Float { .. }
            | TypeKind::Interface
            | TypeKind::Pointer(_) => w0 == 0,
            _ => false,
        }
    }

    /// Go's marshalSimple: the text of a basic value (or its bytes).
    fn simple(&self, v: &Val) -> Result<Vec<u8>, Stop> {
        let w0 = v.w.first().copied().unwrap_or(0);
        Ok(match self.kind(v.t) {
            TypeKind::Int { signed: true, .. } => (w0 as i64).to_string().into_bytes(),
            TypeKind::Int { .. } | TypeKind::Uintptr => w0.to_string().into_bytes(),
            TypeKind::Float { bits } => format_float(f64::from_bits(w0), b'g', -1, bits as i64)
                .unwrap_or_default()
                .into_bytes(),
            TypeKind::String => self.string_of(&v.w),
            TypeKind::Bool => if w0 != 0 { "true" } else { "false" }.into(),
            TypeKind::Array(_, e) if is_byte(self.cx, e) => v.w.iter().map(|&b| b as u8).collect(),
            TypeKind::Slice(e) if is_byte(self.cx, e) => {
                self.cx.bytes_at(w0, v.w.get(1).copied().unwrap_or(0))
            }
            _ => {
                return Err(Stop(ERR_UNSUPPORTED_TYPE, type_string(self.cx, v.t)));
            }
        })
    }

    /// Go's defaultStart, for a value with a marshaling method.
    fn default_start(&self, t: RtType, finfo: Option<&FieldInfo>, tmpl: Option<&Start>) -> Start {
        let mut start = Start::default();
        if let Some(tp) = tmpl {
            start.name = tp.name.clone();
            start.attrs = copy_attrs(&tp.attrs);
        } else if let Some(f) = finfo.filter(|f| !f.name.is_empty()) {
            start.name.local = f.name.clone().into_bytes();
            start.name.space = f.xmlns.clone().into_bytes();
        } else {
            let mut n = type_name(self.cx, t);
            if n.is_empty() {
                if let TypeKind::Pointer(e) = self.kind(t) {
                    n = type_name(self.cx, e);
                }
            }
            start.name.local = n.into_bytes();
        }
        start
    }

    /// Go's marshalValue.
    fn value(
        &mut self,
        v: Val,
        finfo: Option<&FieldInfo>,
        tmpl: Option<&Start>,
    ) -> Result<(), Stop> {
        if finfo.is_some_and(|f| f.flags & F_OMIT_EMPTY != 0) && self.is_empty(&v) {
            return Ok(());
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Stop(STOP_OVERFLOW, String::new()));
        }
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
            self.value_inner(v, finfo, tmpl)
        });
        self.depth -= 1;
        r
    }

    fn value_inner(
        &mut self,
        v: Val,
        finfo: Option<&FieldInfo>,
        tmpl: Option<&Start>,
    ) -> Result<(), Stop> {
        let mut v = v;
        for _ in 0..MAX_DEPTH {
            if !matches!(self.kind(v.t), TypeKind::Pointer(_) | TypeKind::Interface) {
                break;
            }
            match self.elem(&v) {
                Some(e) => v = e,
                None => return Ok(()),
            }
        }
        for (name, sig, op) in [
            ("MarshalXML", SIG_MARSHAL_XML, OP_MARSHAL_XML),
            ("MarshalText", SIG_MARSHAL_TEXT, OP_TEXT_ELEM),
        ] {
            if let Some((i, t)) = self.method(&v, name, sig) {
                let start = self.default_start(t, finfo, tmpl);
                self.uint(op);
                self.uint(i);
                self.start_operands(&start);
                return Ok(());
            }
        }
        let kind = self.kind(v.t);
        match kind {
            TypeKind::Slice(e) if !is_byte(self.cx, e) => {
                let (p, n) = (v.w[0], v.w[1]);
                let size = self.cx.program().ty(e).size;
                for i in 0..n {
                    let w = self.cx.read_elems(p, i, 1, e);
                    self.value(
                        Val {
                            t: e,
                            w,
                            addr: Some(p + i * size),
                        },
                        finfo,
                        tmpl,
                    )?;
                }
                return Ok(());
            }
            TypeKind::Array(n, e) if !is_byte(self.cx, e) => {
                let ew = self.cx.program().ty(e).words as usize;
                let size = self.cx.program().ty(e).size;
                for i in 0..n as usize {
                    let w = v.w.get(i * ew..(i + 1) * ew).unwrap_or(&[]).to_vec();
                    let addr = v.addr.map(|a| a + i as u64 * size);
                    self.value(Val { t: e, w, addr }, finfo, tmpl)?;
                }
                return Ok(());
            }
            _ => {}
        }
        let tinfo = self.infos.get(self.cx, v.t)?;
        let mut start = Start::default();
        if let Some(tp) = tmpl {
            start.name = tp.name.clone();
            start.attrs = copy_attrs(&tp.attrs);
        } else if let Some(x) = &tinfo.xmlname {
            if !x.name.is_empty() {
                start.name.space = x.xmlns.clone().into_bytes();
                start.name.local = x.name.clone().into_bytes();
            } else if let Some(fv) = self.field(&v, &x.idx) {
                if is_type(self.cx, fv.t, "xml.Name") {
                    let local = self.string_of(&fv.w[2..4]);
                    if !local.is_empty() {
                        start.name.space = self.string_of(&fv.w[0..2]);
                        start.name.local = local;
                    }
                }
            }
        }
        if start.name.local.is_empty() {
            if let Some(f) = finfo {
                start.name.space = f.xmlns.clone().into_bytes();
                start.name.local = f.name.clone().into_bytes();
            }
        }
        if start.name.local.is_empty() {
            let name = type_name(self.cx, v.t);
            let name = name.split('[').next().unwrap_or("").to_string();
            if name.is_empty() {
                return Err(Stop(ERR_UNSUPPORTED_TYPE, type_string(self.cx, v.t)));
            }
            start.name.local = name.into_bytes();
        }
        for f in &tinfo.fields {
            if f.flags & F_ATTR == 0 {
                continue;
            }
            let fv = self.field(&v, &f.idx);
            if f.flags & F_OMIT_EMPTY != 0 && fv.as_ref().is_none_or(|fv| self.is_empty(fv)) {
                continue;
            }
            let Some(fv) = fv else { continue };
            if matches!(self.kind(fv.t), TypeKind::Interface) && fv.w[0] == 0 {
                continue;
            }
            let name = Name {
                space: f.xmlns.clone().into_bytes(),
                local: f.name.clone().into_bytes(),
            };
            self.attr(&mut start, name, fv, 0)?;
        }
        if let Some(x) = &tinfo.xmlname {
            if start.name.space.is_empty() && x.xmlns.is_empty() && x.name.is_empty() {
                start.flags |= START_RESET_NS;
            }
        }
        self.start(OP_START, &start);
        if matches!(kind, TypeKind::Struct(_)) {
            self.strukt(&tinfo, &v)?;
        } else {
            let b = self.simple(&v)?;
            self.uint(OP_TEXT);
            self.str(&b);
        }
        self.end(&start.name);
        Ok(())
    }

    fn start_operands(&mut self, start: &Start) {
        // The operands of OP_START, after another operation's own.
        let mut tmp = std::mem::take(&mut self.ops);
        self.start(OP_START, start);
        let body = std::mem::take(&mut self.ops);
        tmp.extend_from_slice(&body[1..]);
        self.ops = tmp;
    }

    /// Go's marshalAttr.
    fn attr(&mut self, start: &mut Start, name: Name, v: Val, depth: usize) -> Result<(), Stop> {
        if depth > MAX_DEPTH {
            return Ok(());
        }
        if let Some((i, _)) = self.method(&v, "MarshalXMLAttr", SIG_MARSHAL_ATTR) {
            start.attrs.push(AttrOp::Call(ATTR_MARSHAL_XML, name, i));
            return Ok(());
        }
        if let Some((i, _)) = self.method(&v, "MarshalText", SIG_MARSHAL_TEXT) {
            start.attrs.push(AttrOp::Call(ATTR_TEXT, name, i));
            return Ok(());
        }
        let mut v = v;
        if matches!(self.kind(v.t), TypeKind::Pointer(_) | TypeKind::Interface) {
            match self.elem(&v) {
                Some(e) => v = e,
                None => return Ok(()),
            }
        }
        if let TypeKind::Slice(e) = self.kind(v.t) {
            if !is_byte(self.cx, e) {
                let (p, n) = (v.w[0], v.w[1]);
                let size = self.cx.program().ty(e).size;
                for i in 0..n {
                    let w = self.cx.read_elems(p, i, 1, e);
                    let ev = Val {
                        t: e,
                        w,
                        addr: Some(p + i * size),
                    };
                    self.attr(start, name.clone(), ev, depth + 1)?;
                }
                return Ok(());
            }
        }
        if is_type(self.cx, v.t, "xml.Attr") {
            let n = Name {
                space: self.string_of(&v.w[0..2]),
                local: self.string_of(&v.w[2..4]),
            };
            let val = self.string_of(&v.w[4..6]);
            start.attrs.push(AttrOp::Plain(n, val));
            return Ok(());
        }
        let s = self.simple(&v)?;
        start.attrs.push(AttrOp::Plain(name, s));
        Ok(())
    }

    /// Go's marshalStruct, with its parentStack (`stack`).
    fn strukt(&mut self, tinfo: &TypeInfo, v: &Val) -> Result<(), Stop> {
        let mut stack: Vec<String> = Vec::new();
        for f in &tinfo.fields {
            if f.flags & F_ATTR != 0 {
                continue;
            }
            let Some(vf) = self.field(v, &f.idx) else {
                continue;
            };
            match f.flags & F_MODE {
                F_CDATA | F_CHARDATA => {
                    let cdata = f.flags & F_MODE == F_CDATA;
                    self.trim(&mut stack, &f.parents);
                    if let Some((i, _)) = self.method(&vf, "MarshalText", SIG_MARSHAL_TEXT) {
                        self.uint(OP_TEXT_DATA);
                        self.uint(i);
                        self.uint(cdata as u64);
                        continue;
                    }
                    let vf = self.indirect(vf);
                    let text = match self.kind(vf.t) {
                        TypeKind::Int { .. }
                        | TypeKind::Uintptr
                        | TypeKind::Float { .. }
                        | TypeKind::Bool
                        | TypeKind::String => Some(self.simple(&vf)?),
                        TypeKind::Slice(_) if self.cx.program().ty(vf.t).name == "[]uint8" => {
                            Some(self.simple(&vf)?)
                        }
                        _ => None,
                    };
                    if let Some(b) = text {
                        self.uint(if cdata { OP_CDATA } else { OP_TEXT });
                        self.str(&b);
                    }
                    continue;
                }
                F_COMMENT => {
                    self.trim(&mut stack, &f.parents);
                    let vf = self.indirect(vf);
                    let b = match self.kind(vf.t) {
                        TypeKind::String => self.string_of(&vf.w),
                        TypeKind::Slice(e) if is_byte(self.cx, e) => self.simple(&vf)?,
                        _ => {
                            return Err(Stop(
                                ERR_PLAIN,
                                format!(
                                    "xml: bad type for comment field of {}",
                                    type_string(self.cx, v.t)
                                ),
                            ))
                        }
                    };
                    if !b.is_empty() {
                        self.uint(OP_COMMENT);
                        self.str(&b);
                    }
                    continue;
                }
                F_INNERXML => {
                    let vf2 = self.indirect(vf.clone());
                    let tn = self.cx.program().ty(vf2.t).name.clone();
                    if tn == "[]uint8" || tn == "string" {
                        let b = self.simple(&vf2)?;
                        self.uint(OP_RAW);
                        self.str(&b);
                        continue;
                    }
                }
                m if m == F_ELEMENT || m == F_ELEMENT | F_ANY => {
                    self.trim(&mut stack, &f.parents);
                    if f.parents.len() > stack.len() {
                        let nil =
                            matches!(self.kind(vf.t), TypeKind::Pointer(_) | TypeKind::Interface)
                                && vf.w[0] == 0;
                        if !nil {
                            for p in &f.parents[stack.len()..] {
                                let n = Name {
                                    space: Vec::new(),
                                    local: p.clone().into_bytes(),
                                };
                                self.start(
                                    OP_START,
                                    &Start {
                                        name: n,
                                        ..Start::default()
                                    },
                                );
                            }
                            stack.extend_from_slice(&f.parents[stack.len()..]);
                        }
                    }
                }
                _ => {}
            }
            self.value(vf, Some(f), None)?;
        }
        self.trim(&mut stack, &[]);
        Ok(())
    }

    /// Closes the parents on `stack` that `parents` does not share.
    fn trim(&mut self, stack: &mut Vec<String>, parents: &[String]) {
        let split = stack
            .iter()
            .zip(parents)
            .take_while(|(a, b)| a == b)
            .count();
        for p in stack[split..].iter().rev() {
            let n = Name {
                space: Vec::new(),
                local: p.clone().into_bytes(),
            };
            self.end(&n);
        }
        stack.truncate(split);
    }
}

fn copy_attrs(attrs: &[AttrOp]) -> Vec<AttrOp> {
    attrs
        .iter()
        .map(|a| match a {
            AttrOp::Plain(n, v) => AttrOp::Plain(n.clone(), v.clone()),
            AttrOp::Call(k, n, i) => AttrOp::Call(*k, n.clone(), *i),
        })
        .collect()
}

/// Reads marshal.go's and read.go's encodings.
struct Reader<'b> {
    b: &'b [u8],
    i: usize,
}

impl Reader<'_> {
    fn done(&self) -> bool {
        self.i >= self.b.len()
    }

    fn uint(&mut self) -> u64 {
        let (mut x, mut s) = (0u64, 0);
        while let Some(&c) = self.b.get(self.i) {
            self.i += 1;
            x |= ((c & 0x7f) as u64) << s;
            if c < 0x80 {
                break;
            }
            s += 7;
        }
        x
    }

    fn bytes(&mut self) -> Vec<u8> {
        let n = self.uint() as usize;
        let end = (self.i + n).min(self.b.len());
        let out = self.b[self.i..end].to_vec();
        self.i = end;
        out
    }

    fn name(&mut self) -> Name {
        let space = self.bytes();
        Name {
            space,
            local: self.bytes(),
        }
    }
}

/// EncodeElement's template: a start element in OP_START's operands.
fn read_template(b: &[u8]) -> Start {
    let mut r = Reader { b, i: 0 };
    let name = r.name();
    let flags = r.uint();
    let n = r.uint();
    let mut attrs = Vec::new();
    for _ in 0..n {
        r.uint();
        let an = r.name();
        attrs.push(AttrOp::Plain(an, r.bytes()));
    }
    Start { name, flags, attrs }
}

fn marshal(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let w = ctx.iface(0);
    let tmpl = ctx.bytes(1);
    let tmpl = (!tmpl.is_empty()).then(|| read_template(&tmpl));
    let any_t = match ctx.program().ty(ctx.results()[1].ty).kind {
        TypeKind::Slice(e) => e,
        _ => RtType(0),
    };
    let mut enc = Enc {
        cx: ctx,
        ops: Vec::new(),
        vals: Vec::new(),
        infos: Infos::default(),
        depth: 0,
    };
    let mut overflow = false;
    if let Some(t) = enc.cx.box_type(w) {
        let v = Val {
            t,
            w: enc.cx.box_words(w),
            addr: None,
        };
        match enc.value(v, None, tmpl.as_ref()) {
            Ok(()) => {}
            Err(Stop(STOP_OVERFLOW, _)) => overflow = true,
            Err(Stop(k, msg)) => {
                enc.uint(OP_ERROR);
                enc.uint(k);
                enc.str(msg.as_bytes());
            }
        }
    }
    let (ops, vals) = (std::mem::take(&mut enc.ops), std::mem::take(&mut enc.vals));
    if overflow {
        return CallError::TooDeep.into_result(ctx);
    }
    let s = ctx.new_bytes(&ops);
    ctx.ret_slice(0, s);
    let v = ctx.new_slice(any_t, &vals, vals.len());
    ctx.ret_slice(1, v);
    NativeResult::Ok
}

// ---- unmarshaling -------------------------------------------------------

enum Tok {
    Start(StartTok),
    /// The offset in the raw input before the end tag.
    End(usize),
    Char(Vec<u8>),
    Comment(Vec<u8>),
    /// A processing instruction or directive: only UnmarshalXML's
    /// replay sees them.
    Other,
}

#[derive(Clone)]
struct StartTok {
    name: Name,
    attrs: Vec<(Name, Vec<u8>)>,
    /// Offset in the raw input after the start tag.
    off: usize,
    /// Its index among the tokens (Go's replay of UnmarshalXML).
    at: usize,
}

enum UErr {
    StreamEnd,
    Plain(String),
    Unmarshal(String),
    Num(&'static str, Vec<u8>, bool),
    Cause(u64),
    Info(InfoErr),
    Call(CallError),
}

impl From<InfoErr> for UErr {
    fn from(e: InfoErr) -> UErr {
        UErr::Info(e)
    }
}

struct Dec<'a, 'c> {
    cx: &'a mut NativeCtx<'c>,
    /// What this decoder allocated, until the native returns (module
    /// docs).
    kept: &'a Kept,
    /// read.go's callXML, a func value.
    call_xml: u64,
    toks: Vec<Tok>,
    pos: usize,
    raw: Vec<u8>,
    infos: Infos,
    depth: usize,
    /// The elements open at the token read last.
    open: usize,
}

fn parse_tokens(b: &[u8]) -> Vec<Tok> {
    let mut r = Reader { b, i: 0 };
    let mut out = Vec::new();
    while !r.done() {
        match r.uint() {
            TOK_START => {
                let name = r.name();
                let n = r.uint();
                let mut attrs = Vec::new();
                for _ in 0..n {
                    let an = r.name();
                    attrs.push((an, r.bytes()));
                }
                let off = r.uint() as usize;
                let at = out.len();
                out.push(Tok::Start(StartTok {
                    name,
                    attrs,
                    off,
                    at,
                }));
            }
            TOK_END => {
                r.name();
                out.push(Tok::End(r.uint() as usize));
            }
            TOK_CHAR => out.push(Tok::Char(r.bytes())),
            TOK_COMMENT => out.push(Tok::Comment(r.bytes())),
            TOK_PROC_INST => {
                r.bytes();
                r.bytes();
                out.push(Tok::Other);
            }
            TOK_DIRECTIVE => {
                r.bytes();
                out.push(Tok::Other);
            }
            _ => break,
        }
    }
    out
}

/// What a `saveData`-like slot of Go's unmarshal holds: a value's type
/// and address.
#[derive(Clone, Copy)]
struct Slot {
    t: RtType,
    addr: u64,
}

/// Go's strings.TrimSpace on bytes: Unicode white space off both ends,
/// where invalid UTF-8 counts as text.
fn trim_space(mut b: &[u8]) -> &[u8] {
    // The width of the space character `b` starts (or ends) with.
    fn space_at(b: &[u8], end: bool) -> Option<usize> {
        (1..=b.len().min(4)).find_map(|n| {
            let part = if end { &b[b.len() - n..] } else { &b[..n] };
            let c = std::str::from_utf8(part).ok()?.chars().next()?;
            c.is_whitespace().then_some(n)
        })
    }
    while let Some(n) = space_at(b, false) {
        b = &b[n..];
    }
    while let Some(n) = space_at(b, true) {
        b = &b[..b.len() - n];
    }
    b
}

impl Dec<'_, '_> {
    fn kind(&self, t: RtType) -> TypeKind {
        self.cx.program().ty(t).kind.clone()
    }

    fn words(&self, t: RtType) -> usize {
        self.cx.program().ty(t).words as usize
    }

    fn next(&mut self) -> Result<usize, UErr> {
        if self.pos >= self.toks.len() {
            return Err(UErr::StreamEnd);
        }
        match self.toks[self.pos] {
            Tok::Start(_) => self.open += 1,
            Tok::End(_) => self.open = self.open.saturating_sub(1),
            _ => {}
        }
        self.pos += 1;
        Ok(self.pos - 1)
    }

    fn skip(&mut self) -> Result<(), UErr> {
        let mut depth = 0;
        loop {
            let i = self.next()?;
            match self.toks[i] {
                Tok::Start(_) => depth += 1,
                Tok::End(_) => {
                    if depth == 0 {
                        return Ok(());
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
    }

    fn new_string(&mut self, b: &[u8]) -> [u64; 2] {
        let (p, l) = self.cx.new_string(b);
        [p, l]
    }

    fn store_name(&mut self, addr: u64, t: RtType, n: &Name) {
        let s = self.new_string(&n.space);
        let l = self.new_string(&n.local);
        self.cx.store(addr, 0, &[s[0], s[1], l[0], l[1]], t);
    }

    /// Go's `finfo.value(v, initNilPointers)`: the address of the field
    /// at `idx` in the struct at `s`, making nil embedded pointers.
    fn field(&mut self, s: Slot, idx: &[usize]) -> Option<Slot> {
        let mut cur = s;
        for (k, &i) in idx.iter().enumerate() {
            if k > 0 {
                if let TypeKind::Pointer(e) = self.kind(cur.t) {
                    if matches!(self.kind(e), TypeKind::Struct(_)) {
                        cur = self.deref_init(cur, e);
                    }
                }
            }
            let sf = struct_fields(self.cx, cur.t).get(i)?.clone();
            cur = Slot {
                t: sf.ty,
                addr: cur.addr + sf.moff,
            };
        }
        Some(cur)
    }

    /// The target of the pointer at `s` (of element type `e`), made
    /// first if the pointer is nil.
    fn deref_init(&mut self, s: Slot, e: RtType) -> Slot {
        let p = self.cx.read_words(s.addr, 0, 1)[0];
        if p != 0 {
            return Slot { t: e, addr: p };
        }
        let zero = vec![0; self.words(e)];
        let p = self.cx.new_slice(e, &zero, 1).0;
        self.kept.keep(&[p]);
        self.cx.store(s.addr, 0, &[p], s.t);
        Slot { t: e, addr: p }
    }

    /// Grows the slice at `s` (elements `e`) by one zero element: its
    /// slot and the old length.
    fn grow(&mut self, s: Slot, e: RtType) -> (Slot, u64) {
        let h = self.cx.read_words(s.addr, 0, 3);
        let (p, n, c) = (h[0], h[1], h[2]);
        let size = self.cx.program().ty(e).size;
        let ew = self.words(e);
        let p = if n < c {
            let zero = vec![0; ew];
            self.cx.store(p, n * size, &zero, e);
            p
        } else {
            let newcap = (2 * c).max(n + 1).max(4) as usize;
            let np = self.cx.new_slice(e, &vec![0; ew * newcap], newcap).0;
            self.kept.keep(&[np]);
            for i in 0..n {
                let w = self.cx.read_elems(p, i, 1, e);
                self.cx.store(np, i * size, &w, e);
            }
            self.cx.store(s.addr, 0, &[np, n, newcap as u64], s.t);
            np
        };
        self.cx.store(s.addr, 0, &[p, n + 1], s.t);
        (
            Slot {
                t: e,
                addr: p + n * size,
            },
            n,
        )
    }

    fn set_len(&mut self, s: Slot, n: u64) {
        let h = self.cx.read_words(s.addr, 0, 3);
        self.cx.store(s.addr, 0, &[h[0], n, h[2]], s.t);
    }

    /// Calls method `name` (signature `sig`) of the value at `s` or of
    /// `&s`, if either has it, with `args`: Some(its error) if it ran.
    fn call(&mut self, s: Slot, name: &str, sig: &str, args: &[u64]) -> Option<Result<(), UErr>> {
        let (f, pt) = method_of(self.cx, s.t, true, name, sig)?;
        let recv = match pt {
            Some(_) => vec![s.addr],
            None => self.cx.read_value(s.addr, 0, s.t),
        };
        let mut all = recv;
        all.extend_from_slice(args);
        Some(match self.cx.call(f, 0, &all) {
            Ok(r) => match r.first().copied().unwrap_or(0) {
                0 => Ok(()),
                e => Err(UErr::Cause(e)),
            },
            Err(e) => Err(UErr::Call(e)),
        })
    }

    fn has_method(&self, s: Slot, name: &str, sig: &str) -> bool {
        method_of(self.cx, s.t, true, name, sig).is_some()
    }

    /// Calls the UnmarshalXML method of the value at `s` (or of `&s`)
    /// through read.go's callXML, which replays the element's tokens to
    /// it and says where it stopped.
    fn unmarshal_xml(&mut self, s: Slot, start: &StartTok) -> Result<(), UErr> {
        let recv = match method_of(self.cx, s.t, true, "UnmarshalXML", SIG_UNMARSHAL_XML) {
            Some((_, Some(pt))) => self.cx.new_box(pt, &[s.addr]),
            _ => {
                let w = self.cx.read_value(s.addr, 0, s.t);
                self.cx.new_box(s.t, &w)
            }
        };
        self.kept.keep(&[recv]);
        match self
            .cx
            .call_func_value(self.call_xml, &[recv, start.at as u64])
        {
            Ok(r) => match r.get(1).copied().unwrap_or(0) {
                0 => {
                    self.pos = (r.first().copied().unwrap_or(0) as usize).max(self.pos);
                    Ok(())
                }
                e => Err(UErr::Cause(e)),
            },
            Err(e) => Err(UErr::Call(e)),
        }
    }

    fn unmarshal_text(&mut self, s: Slot, data: &[u8]) -> Option<Result<(), UErr>> {
        if !self.has_method(s, "UnmarshalText", SIG_UNMARSHAL_TEXT) {
            return None;
        }
        let (p, l, c) = self.cx.new_bytes(data);
        self.call(s, "UnmarshalText", SIG_UNMARSHAL_TEXT, &[p, l, c])
    }

    /// Go's unmarshal of one element, whose start tag is `start`.
    fn value(&mut self, s: Slot, start: &StartTok) -> Result<(), UErr> {
        if self.open > MAX_UNMARSHAL_DEPTH {
            return Err(UErr::Plain("exceeded max depth".into()));
        }
        // Each element costs at most two levels (a slice, its element):
        // the open-element limit above bounds this walk.
        self.depth += 1;
        if self.depth > 3 * MAX_UNMARSHAL_DEPTH {
            return Err(UErr::Info(InfoErr::Overflow));
        }
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || self.value_inner(s, start));
        self.depth -= 1;
        r
    }

    fn value_inner(&mut self, s: Slot, start: &StartTok) -> Result<(), UErr> {
        let mut s = s;
        if let TypeKind::Interface = self.kind(s.t) {
            // Into the pointer an interface holds, if it holds one.
            let b = self.cx.read_words(s.addr, 0, 1)[0];
            if let Some(dt) = self.cx.box_type(b) {
                if let TypeKind::Pointer(e) = self.kind(dt) {
                    let p = self.cx.box_words(b)[0];
                    if p != 0 {
                        s = Slot { t: e, addr: p };
                    }
                }
            }
        } else if let TypeKind::Pointer(e) = self.kind(s.t) {
            s = self.deref_init(s, e);
        }
        if self.has_method(s, "UnmarshalXML", SIG_UNMARSHAL_XML) {
            return self.unmarshal_xml(s, start);
        }
        if self.has_method(s, "UnmarshalText", SIG_UNMARSHAL_TEXT) {
            // The character data at the element's own level.
            let mut buf = Vec::new();
            let mut depth = 1;
            while depth > 0 {
                let i = self.next()?;
                match &self.toks[i] {
                    Tok::Char(b) if depth == 1 => buf.extend_from_slice(b),
                    Tok::Start(_) => depth += 1,
                    Tok::End(_) => depth -= 1,
                    _ => {}
                }
            }
            return self.unmarshal_text(s, &buf).unwrap_or(Ok(()));
        }
        let mut save_data: Option<Slot> = None;
        let mut save_comment: Option<Slot> = None;
        let mut save_xml: Option<(Slot, usize)> = None;
        let mut save_any: Option<Slot> = None;
        let mut tinfo: Option<TypeInfo> = None;
        match self.kind(s.t) {
            TypeKind::Slice(e) if is_byte(self.cx, e) => save_data = Some(s),
            TypeKind::Slice(e) => {
                let (es, n) = self.grow(s, e);
                if let Err(err) = self.value(es, start) {
                    self.set_len(s, n);
                    return Err(err);
                }
                return Ok(());
            }
            TypeKind::Bool
            | TypeKind::Float { .. }
            | TypeKind::Int { .. }
            | TypeKind::Uintptr
            | TypeKind::String => save_data = Some(s),
            TypeKind::Interface => return self.skip(),
            TypeKind::Struct(_) if is_type(self.cx, s.t, "xml.Name") => {
                self.store_name(s.addr, s.t, &start.name);
            }
            TypeKind::Struct(_) => {
                let ti = self.infos.get(self.cx, s.t)?;
                if let Some(x) = &ti.xmlname {
                    if !x.name.is_empty() && x.name.as_bytes() != start.name.local.as_slice() {
                        return Err(UErr::Unmarshal(format!(
                            "expected element type <{}> but have <{}>",
                            x.name,
                            String::from_utf8_lossy(&start.name.local)
                        )));
                    }
                    if !x.xmlns.is_empty() && x.xmlns.as_bytes() != start.name.space.as_slice() {
                        let have = if start.name.space.is_empty() {
                            "no name space".to_string()
                        } else {
                            String::from_utf8_lossy(&start.name.space).into_owned()
                        };
                        return Err(UErr::Unmarshal(format!(
                            "expected element <{}> in name space {} but have {have}",
                            x.name, x.xmlns
                        )));
                    }
                    if let Some(fv) = self.field(s, &x.idx) {
                        if is_type(self.cx, fv.t, "xml.Name") {
                            self.store_name(fv.addr, fv.t, &start.name);
                        }
                    }
                }
                for (an, av) in &start.attrs {
                    let mut handled = false;
                    let mut any = None;
                    for (i, f) in ti.fields.iter().enumerate() {
                        match f.flags & F_MODE {
                            F_ATTR => {
                                let Some(fv) = self.field(s, &f.idx) else {
                                    continue;
                                };
                                if an.local == f.name.as_bytes()
                                    && (f.xmlns.is_empty() || f.xmlns.as_bytes() == an.space)
                                {
                                    self.attr(fv, an, av, 0)?;
                                    handled = true;
                                }
                            }
                            m if m == F_ANY | F_ATTR && any.is_none() => any = Some(i),
                            _ => {}
                        }
                    }
                    if let (false, Some(i)) = (handled, any) {
                        if let Some(fv) = self.field(s, &ti.fields[i].idx) {
                            self.attr(fv, an, av, 0)?;
                        }
                    }
                }
                for f in &ti.fields {
                    match f.flags & F_MODE {
                        F_CDATA | F_CHARDATA if save_data.is_none() => {
                            save_data = self.field(s, &f.idx);
                        }
                        F_COMMENT if save_comment.is_none() => {
                            save_comment = self.field(s, &f.idx);
                        }
                        m if (m == F_ANY || m == F_ANY | F_ELEMENT) && save_any.is_none() => {
                            save_any = self.field(s, &f.idx);
                        }
                        F_INNERXML if save_xml.is_none() => {
                            save_xml = self.field(s, &f.idx).map(|fv| (fv, start.off));
                        }
                        _ => {}
                    }
                }
                tinfo = Some(ti);
            }
            _ => {
                return Err(UErr::Plain(format!(
                    "unknown type {}",
                    type_string(self.cx, s.t)
                )))
            }
        }
        let mut data = Vec::new();
        let mut comment = Vec::new();
        let mut xml_data = Vec::new();
        loop {
            let i = self.next()?;
            match &self.toks[i] {
                Tok::Start(t) => {
                    let t = t.clone();
                    let mut consumed = false;
                    if let Some(ti) = &tinfo {
                        consumed = self.path(ti, s, &[], &t)?;
                        if !consumed {
                            if let Some(a) = save_any {
                                consumed = true;
                                self.value(a, &t)?;
                            }
                        }
                    }
                    if !consumed {
                        self.skip()?;
                    }
                }
                Tok::End(off) => {
                    if let Some((_, from)) = save_xml {
                        let (a, b) = (from.min(self.raw.len()), (*off).min(self.raw.len()));
                        xml_data = self.raw[a..b.max(a)].to_vec();
                    }
                    break;
                }
                Tok::Char(b) => {
                    if save_data.is_some() {
                        data.extend_from_slice(b);
                    }
                }
                Tok::Comment(b) => {
                    if save_comment.is_some() {
                        comment.extend_from_slice(b);
                    }
                }
                Tok::Other => {}
            }
        }
        if let Some(sd) = save_data {
            if let Some(r) = self.unmarshal_text(sd, &data) {
                r?;
                save_data = None;
            }
        }
        if let Some(sd) = save_data {
            self.copy_value(sd, &data)?;
        }
        if let Some(sc) = save_comment {
            self.set_text(sc, &comment, false);
        }
        if let Some((sx, _)) = save_xml {
            self.set_text(sx, &xml_data, true);
        }
        Ok(())
    }

    /// Stores `b` in a string or byte-slice field (a comment, inner XML).
    fn set_text(&mut self, s: Slot, b: &[u8], bytes_only: bool) {
        match self.kind(s.t) {
            TypeKind::String => {
                let w = self.new_string(b);
                self.cx.store(s.addr, 0, &w, s.t);
            }
            TypeKind::Slice(e) if is_byte(self.cx, e) || !bytes_only => {
                let w = if b.is_empty() && !bytes_only {
                    (0, 0, 0)
                } else {
                    self.cx.new_bytes(b)
                };
                self.cx.store(s.addr, 0, &[w.0, w.1, w.2], s.t);
            }
            _ => {}
        }
    }

    /// Go's unmarshalAttr.
    fn attr(&mut self, s: Slot, an: &Name, av: &[u8], depth: usize) -> Result<(), UErr> {
        let mut s = s;
        if let TypeKind::Pointer(e) = self.kind(s.t) {
            s = self.deref_init(s, e);
        }
        if self.has_method(s, "UnmarshalXMLAttr", SIG_UNMARSHAL_ATTR) {
            let sp = self.new_string(&an.space);
            let lo = self.new_string(&an.local);
            let v = self.new_string(av);
            let args = [sp[0], sp[1], lo[0], lo[1], v[0], v[1]];
            return self
                .call(s, "UnmarshalXMLAttr", SIG_UNMARSHAL_ATTR, &args)
                .unwrap_or(Ok(()));
        }
        if let Some(r) = self.unmarshal_text(s, av) {
            return r;
        }
        if let TypeKind::Slice(e) = self.kind(s.t) {
            if !is_byte(self.cx, e) && depth < MAX_DEPTH {
                let (es, n) = self.grow(s, e);
                if let Err(err) = self.attr(es, an, av, depth + 1) {
                    self.set_len(s, n);
                    return Err(err);
                }
                return Ok(());
            }
        }
        if is_type(self.cx, s.t, "xml.Attr") {
            let sp = self.new_string(&an.space);
            let lo = self.new_string(&an.local);
            let v = self.new_string(av);
            self.cx
                .store(s.addr, 0, &[sp[0], sp[1], lo[0], lo[1], v[0], v[1]], s.t);
            return Ok(());
        }
        self.copy_value(s, av)
    }

    /// Go's copyValue: text into a basic value.
    fn copy_value(&mut self, s: Slot, src: &[u8]) -> Result<(), UErr> {
        let dst0 = s.t;
        let mut s = s;
        if let TypeKind::Pointer(e) = self.kind(s.t) {
            s = self.deref_init(s, e);
        }
        let trimmed = trim_space(src).to_vec();
        let word = match self.kind(s.t) {
            TypeKind::Int { bits, signed: true } => {
                if src.is_empty() {
                    0
                } else {
                    match format::parse_int(&trimmed, 10, bits as i64) {
                        Ok(v) => v as u64,
                        Err((_, e)) => return Err(num_err("ParseInt", trimmed, e.err)),
                    }
                }
            }
            TypeKind::Int { bits, .. } => {
                if src.is_empty() {
                    0
                } else {
                    match format::parse_uint(&trimmed, 10, bits as i64) {
                        Ok(v) => v,
                        Err((_, e)) => return Err(num_err("ParseUint", trimmed, e.err)),
                    }
                }
            }
            TypeKind::Uintptr => {
                if src.is_empty() {
                    0
                } else {
                    match format::parse_uint(&trimmed, 10, 64) {
                        Ok(v) => v,
                        Err((_, e)) => return Err(num_err("ParseUint", trimmed, e.err)),
                    }
                }
            }
            TypeKind::Float { bits } => {
                if src.is_empty() {
                    0
                } else {
                    match format::parse_float(&trimmed, bits as i64) {
                        Ok(v) => v.to_bits(),
                        Err((_, e)) => return Err(num_err("ParseFloat", trimmed, e.err)),
                    }
                }
            }
            TypeKind::Bool => {
                if src.is_empty() {
                    0
                } else {
                    match format::parse_bool(&trimmed) {
                        Ok(v) => v as u64,
                        Err(e) => return Err(num_err("ParseBool", trimmed, e.err)),
                    }
                }
            }
            TypeKind::String => {
                let w = self.new_string(src);
                self.cx.store(s.addr, 0, &w, s.t);
                return Ok(());
            }
            TypeKind::Slice(e) if is_byte(self.cx, e) => {
                let w = self.cx.new_bytes(src);
                self.cx.store(s.addr, 0, &[w.0, w.1, w.2], s.t);
                return Ok(());
            }
            _ => {
                return Err(UErr::Plain(format!(
                    "cannot unmarshal into {}",
                    type_string(self.cx, dst0)
                )))
            }
        };
        self.cx.store(s.addr, 0, &[word], s.t);
        Ok(())
    }

    /// Go's unmarshalPath: whether the element `start` (inside the
    /// elements `parents`) belongs to a field of the struct at `s`, and
    /// if so reads it.
    fn path(
        &mut self,
        tinfo: &TypeInfo,
        s: Slot,
        parents: &[String],
        start: &StartTok,
    ) -> Result<bool, UErr> {
        let mut deeper: Option<Vec<String>> = None;
        for f in &tinfo.fields {
            if f.flags & F_ELEMENT == 0
                || f.parents.len() < parents.len()
                || !f.xmlns.is_empty() && f.xmlns.as_bytes() != start.name.space.as_slice()
            {
                continue;
            }
            if f.parents[..parents.len()] != *parents {
                continue;
            }
            if f.parents.len() == parents.len() && f.name.as_bytes() == start.name.local.as_slice()
            {
                let Some(fv) = self.field(s, &f.idx) else {
                    return Ok(true);
                };
                self.value(fv, start)?;
                return Ok(true);
            }
            if f.parents.len() > parents.len()
                && f.parents[parents.len()].as_bytes() == start.name.local.as_slice()
            {
                deeper = Some(f.parents[..parents.len() + 1].to_vec());
                break;
            }
        }
        let Some(parents) = deeper else {
            return Ok(false);
        };
        loop {
            let i = self.next()?;
            match &self.toks[i] {
                Tok::Start(t) => {
                    let t = t.clone();
                    if !self.path(tinfo, s, &parents, &t)? {
                        self.skip()?;
                    }
                }
                Tok::End(_) => return Ok(true),
                _ => {}
            }
        }
    }
}

fn num_err(func: &'static str, num: Vec<u8>, kind: NumErrorKind) -> UErr {
    UErr::Num(func, num, matches!(kind, NumErrorKind::Range))
}

fn target(ctx: &NativeCtx<'_>, w: u64) -> Result<(RtType, u64), i64> {
    let Some(t) = ctx.box_type(w) else {
        return Err(U_NON_POINTER);
    };
    let TypeKind::Pointer(e) = ctx.program().ty(t).kind else {
        return Err(U_NON_POINTER);
    };
    match ctx.box_words(w).first().copied().unwrap_or(0) {
        0 => Err(U_NIL_POINTER),
        p => Ok((e, p)),
    }
}

fn check_target(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let w = ctx.iface(0);
    let k = target(ctx, w).err().unwrap_or(U_OK);
    ctx.ret_int(0, k);
    NativeResult::Ok
}

fn unmarshal(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let w = ctx.iface(0);
    let toks = parse_tokens(&ctx.bytes(1));
    let raw = ctx.bytes(2);
    let ret = |ctx: &mut NativeCtx<'_>, k: i64, msg: &str, cause: u64| {
        ctx.ret_int(0, k);
        ctx.ret_str(1, msg.as_bytes());
        ctx.ret_iface(2, cause);
        NativeResult::Ok
    };
    let (e, p) = match target(ctx, w) {
        Ok(x) => x,
        Err(k) => return ret(ctx, k, "", 0),
    };
    let Some(Tok::Start(start)) = toks.first() else {
        return ret(ctx, U_STREAM_END, "", 0);
    };
    let start = start.clone();
    let call_xml = ctx.ptr(3);
    let kept = ctx.kept();
    let mut dec = Dec {
        cx: ctx,
        kept: &kept,
        call_xml,
        toks,
        pos: 1,
        raw,
        infos: Infos::default(),
        depth: 0,
        open: 1,
    };
    let r = dec.value(Slot { t: e, addr: p }, &start);
    match r {
        Ok(()) => ret(ctx, U_OK, "", 0),
        Err(UErr::StreamEnd) => ret(ctx, U_STREAM_END, "", 0),
        Err(UErr::Plain(m)) => ret(ctx, U_PLAIN, &m, 0),
        Err(UErr::Unmarshal(m)) => ret(ctx, U_UNMARSHAL, &m, 0),
        Err(UErr::Num(f, num, range)) => {
            let which = if range { "range" } else { "syntax" };
            let msg = format!("{f}\x00{}\x00{which}", String::from_utf8_lossy(&num));
            ret(ctx, U_NUM_ERROR, &msg, 0)
        }
        Err(UErr::Cause(c)) => ret(ctx, U_CAUSE, "", c),
        Err(UErr::Info(InfoErr::Plain(m))) => ret(ctx, U_PLAIN, &m, 0),
        Err(UErr::Info(InfoErr::TagPath(m))) => ret(ctx, U_TAG_PATH, &m, 0),
        Err(UErr::Info(InfoErr::Overflow)) => CallError::TooDeep.into_result(ctx),
        Err(UErr::Call(e)) => e.into_result(ctx),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uvarints_round_trip() {
        for x in [0u64, 1, 127, 128, 300, 1 << 20, u64::MAX >> 1] {
            let mut b = Vec::new();
            put_uint(&mut b, x);
            assert_eq!(Reader { b: &b, i: 0 }.uint(), x);
        }
    }

    #[test]
    fn tokens_parse_back() {
        let mut b = Vec::new();
        put_uint(&mut b, TOK_START);
        put_str(&mut b, b"");
        put_str(&mut b, b"a");
        put_uint(&mut b, 1);
        put_str(&mut b, b"");
        put_str(&mut b, b"id");
        put_str(&mut b, b"7");
        put_uint(&mut b, 9);
        put_uint(&mut b, TOK_CHAR);
        put_str(&mut b, b"hi");
        put_uint(&mut b, TOK_END);
        put_str(&mut b, b"");
        put_str(&mut b, b"a");
        put_uint(&mut b, 11);
        let t = parse_tokens(&b);
        assert_eq!(t.len(), 3);
        let Tok::Start(s) = &t[0] else {
            panic!("not a start")
        };
        assert_eq!((s.name.local.as_slice(), s.off), (&b"a"[..], 9));
        assert_eq!(s.attrs[0].1, b"7");
        assert!(matches!(&t[1], Tok::Char(c) if c == b"hi"));
        assert!(matches!(&t[2], Tok::End(11)));
    }

    #[test]
    fn space_is_trimmed_as_go_trims_it() {
        assert_eq!(trim_space(b" \t12\n"), b"12");
        assert_eq!(trim_space("\u{a0}x\u{2003}".as_bytes()), b"x");
        assert_eq!(trim_space(b" \xff "), b"\xff");
        assert_eq!(trim_space(b"\x0b\xff7\x0b"), b"\xff7");
        assert_eq!(trim_space(b"\xe2\x80\x83"), b"");
    }
}
