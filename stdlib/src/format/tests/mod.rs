//! Table-driven tests against outputs of native Go 1.27, recorded by the
//! programs in `../testdata/gen/` (the tests themselves never run `go`).

mod fmt_table;
mod printer_values;
mod robustness;
mod strconv_table;

/// Decodes a hex field of a table line.
pub(super) fn unhex(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    assert!(b.len() % 2 == 0, "odd hex field {s:?}");
    (0..b.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex digit"))
        .collect()
}

/// Shows bytes readably in failure messages.
pub(super) fn show(b: &[u8]) -> String {
    format!("{:?}", String::from_utf8_lossy(b))
}

/// Collects mismatches and fails once with the first few, so one run shows
/// the extent of a problem.
pub(super) struct Failures {
    what: &'static str,
    cases: usize,
    list: Vec<String>,
}

impl Failures {
    pub(super) fn new(what: &'static str) -> Failures {
        Failures {
            what,
            cases: 0,
            list: Vec::new(),
        }
    }
    pub(super) fn case(&mut self) {
        self.cases += 1;
    }
    pub(super) fn fail(&mut self, msg: String) {
        self.list.push(msg);
    }
    pub(super) fn finish(self, min_cases: usize) {
        assert!(
            self.cases >= min_cases,
            "{}: only {} cases ran (table truncated?)",
            self.what,
            self.cases
        );
        if !self.list.is_empty() {
            let shown: Vec<&String> = self.list.iter().take(40).collect();
            panic!(
                "{}: {} of {} cases differ from Go:\n{}",
                self.what,
                self.list.len(),
                self.cases,
                shown
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

use crate::format::{FmtValue, FormatState, Formatted, Kind, Method};

/// What a test value's `Format` method does (mirroring values.go).
#[derive(Clone, Debug)]
pub(super) enum FormatBehaviour {
    /// `F.Format`: writes the state it was given and the value.
    Echo(i64),
    /// `FP.Format`: writes "partial", then panics with "fmtpanic".
    PartialPanic,
    /// `(*FN)(nil).Format`: a nil dereference.
    NilDeref,
}
use std::borrow::Cow;

/// A Go value for the tests: enough of a value model to build every kind
/// the printer handles, with optional `String`/`Error`/`GoString` methods.
#[derive(Clone, Debug)]
pub(super) struct TV {
    kind: Kind,
    ty: String,
    b: bool,
    i: i64,
    u: u64,
    f: f64,
    bytes: Vec<u8>,
    elem_kind: Option<Kind>,
    nil: bool,
    /// Slice/array elements, struct field values, or the one pointee /
    /// dynamic value of a pointer / interface.
    items: Vec<TV>,
    names: Vec<String>,
    entries: Vec<(TV, TV)>,
    ptr: u64,
    string_m: Option<Result<String, Box<TV>>>,
    error_m: Option<Result<String, Box<TV>>>,
    gostring_m: Option<Result<String, Box<TV>>>,
    format_m: Option<FormatBehaviour>,
}

impl TV {
    pub(super) fn new(kind: Kind, ty: &str) -> TV {
        TV {
            kind,
            ty: ty.to_string(),
            b: false,
            i: 0,
            u: 0,
            f: 0.0,
            bytes: Vec::new(),
            elem_kind: None,
            nil: false,
            items: Vec::new(),
            names: Vec::new(),
            entries: Vec::new(),
            ptr: 0,
            string_m: None,
            error_m: None,
            gostring_m: None,
            format_m: None,
        }
    }
    pub(super) fn boolean(b: bool) -> TV {
        TV {
            b,
            ..TV::new(Kind::Bool, "bool")
        }
    }
    pub(super) fn int_k(kind: Kind, ty: &str, i: i64) -> TV {
        TV {
            i,
            ..TV::new(kind, ty)
        }
    }
    pub(super) fn int(i: i64) -> TV {
        TV::int_k(Kind::Int, "int", i)
    }
    pub(super) fn uint_k(kind: Kind, ty: &str, u: u64) -> TV {
        TV {
            u,
            ..TV::new(kind, ty)
        }
    }
    pub(super) fn float_k(kind: Kind, ty: &str, f: f64) -> TV {
        TV {
            f,
            ..TV::new(kind, ty)
        }
    }
    pub(super) fn float(f: f64) -> TV {
        TV::float_k(Kind::Float64, "float64", f)
    }
    pub(super) fn str_t(ty: &str, s: &[u8]) -> TV {
        TV {
            bytes: s.to_vec(),
            ..TV::new(Kind::String, ty)
        }
    }
    pub(super) fn string(s: &str) -> TV {
        TV::str_t("string", s.as_bytes())
    }
    pub(super) fn bytes(ty: &str, b: Option<&[u8]>) -> TV {
        TV {
            bytes: b.unwrap_or_default().to_vec(),
            nil: b.is_none(),
            elem_kind: Some(Kind::Uint8),
            items: b
                .unwrap_or_default()
                .iter()
                .map(|&c| TV::uint_k(Kind::Uint8, "uint8", u64::from(c)))
                .collect(),
            ptr: 0xc000010000,
            ..TV::new(Kind::Slice, ty)
        }
    }
    pub(super) fn slice(ty: &str, elem: Kind, items: Vec<TV>) -> TV {
        TV {
            elem_kind: Some(elem),
            items,
            ptr: 0xc000020000,
            ..TV::new(Kind::Slice, ty)
        }
    }
    pub(super) fn nil_of(kind: Kind, ty: &str) -> TV {
        TV {
            nil: true,
            ..TV::new(kind, ty)
        }
    }
    pub(super) fn array(ty: &str, elem: Kind, items: Vec<TV>) -> TV {
        let bytes = if elem == Kind::Uint8 {
            items.iter().map(|v| v.u as u8).collect()
        } else {
            Vec::new()
        };
        TV {
            elem_kind: Some(elem),
            items,
            bytes,
            ..TV::new(Kind::Array, ty)
        }
    }
    pub(super) fn strukt(ty: &str, fields: Vec<(&str, TV)>) -> TV {
        TV {
            names: fields.iter().map(|(n, _)| n.to_string()).collect(),
            items: fields.into_iter().map(|(_, v)| v).collect(),
            ..TV::new(Kind::Struct, ty)
        }
    }
    pub(super) fn map(ty: &str, entries: Vec<(TV, TV)>) -> TV {
        TV {
            entries,
            ptr: 0xc000030000,
            ..TV::new(Kind::Map, ty)
        }
    }
    pub(super) fn ptr(ty: &str, addr: u64, to: TV) -> TV {
        TV {
            ptr: addr,
            items: vec![to],
            ..TV::new(Kind::Pointer, ty)
        }
    }
    pub(super) fn iface(ty: &str, v: Option<TV>) -> TV {
        TV {
            nil: v.is_none(),
            items: v.into_iter().collect(),
            ..TV::new(Kind::Interface, ty)
        }
    }
    pub(super) fn with_string(mut self, s: &str) -> TV {
        self.string_m = Some(Ok(s.to_string()));
        self
    }
    pub(super) fn with_string_panic(mut self, v: TV) -> TV {
        self.string_m = Some(Err(Box::new(v)));
        self
    }
    pub(super) fn with_error(mut self, s: &str) -> TV {
        self.error_m = Some(Ok(s.to_string()));
        self
    }
    pub(super) fn with_format(mut self, f: FormatBehaviour) -> TV {
        self.format_m = Some(f);
        self
    }
    pub(super) fn with_gostring(mut self, s: &str) -> TV {
        self.gostring_m = Some(Ok(s.to_string()));
        self
    }
}

fn method(m: &Option<Result<String, Box<TV>>>) -> Method<'_> {
    match m {
        None => Method::Absent,
        Some(Ok(s)) => Method::Returned(s.as_bytes().to_vec()),
        Some(Err(v)) => Method::Panicked(Box::new((**v).clone())),
    }
}

impl FmtValue for TV {
    fn kind(&self) -> Kind {
        self.kind
    }
    fn type_name(&self) -> String {
        self.ty.clone()
    }
    fn bool_value(&self) -> bool {
        self.b
    }
    fn int_value(&self) -> i64 {
        self.i
    }
    fn uint_value(&self) -> u64 {
        self.u
    }
    fn float_value(&self) -> f64 {
        self.f
    }
    fn bytes(&self) -> Cow<'_, [u8]> {
        Cow::Borrowed(&self.bytes)
    }
    fn elem_kind(&self) -> Option<Kind> {
        self.elem_kind
    }
    fn is_nil(&self) -> bool {
        self.nil
    }
    fn len(&self) -> usize {
        self.items.len()
    }
    fn index(&self, i: usize) -> Option<Box<dyn FmtValue + '_>> {
        self.items
            .get(i)
            .map(|v| Box::new(v.clone()) as Box<dyn FmtValue>)
    }
    fn num_fields(&self) -> usize {
        self.items.len()
    }
    fn field(&self, i: usize) -> Option<(Cow<'_, str>, Box<dyn FmtValue + '_>)> {
        let v = self.items.get(i)?;
        let n = self.names.get(i)?;
        Some((Cow::Borrowed(n.as_str()), Box::new(v.clone())))
    }
    fn map_entries(&self) -> Vec<(Box<dyn FmtValue + '_>, Box<dyn FmtValue + '_>)> {
        self.entries
            .iter()
            .map(|(k, v)| {
                (
                    Box::new(k.clone()) as Box<dyn FmtValue>,
                    Box::new(v.clone()) as Box<dyn FmtValue>,
                )
            })
            .collect()
    }
    fn pointer(&self) -> u64 {
        self.ptr
    }
    fn elem(&self) -> Option<Box<dyn FmtValue + '_>> {
        if self.nil {
            return None;
        }
        self.items
            .first()
            .map(|v| Box::new(v.clone()) as Box<dyn FmtValue>)
    }
    fn format_method(&self, st: &FormatState, verb: char) -> Formatted<'_> {
        match &self.format_m {
            None => Formatted::Absent,
            Some(FormatBehaviour::Echo(x)) => {
                let (w, wok) = st.width();
                let (p, pok) = st.precision();
                let fl = |c: char| st.flag(i64::from(u32::from(c)));
                Formatted::Wrote(
                    format!(
                        "F({};{w},{wok};{p},{pok};{}{}{}{}{};{x})",
                        String::from_utf8_lossy(&st.format_string(verb)),
                        fl('-'),
                        fl('+'),
                        fl('#'),
                        fl(' '),
                        fl('0')
                    )
                    .into_bytes(),
                )
            }
            Some(FormatBehaviour::PartialPanic) => Formatted::Panicked {
                wrote: b"partial".to_vec(),
                value: Box::new(TV::string("fmtpanic")),
            },
            Some(FormatBehaviour::NilDeref) => Formatted::Panicked {
                wrote: Vec::new(),
                value: Box::new(TV::strukt("runtime.Error", vec![]).with_error(
                    "runtime error: invalid memory address or nil pointer dereference",
                )),
            },
        }
    }
    fn is_error(&self) -> bool {
        self.error_m.is_some()
    }
    fn error_method(&self) -> Method<'_> {
        method(&self.error_m)
    }
    fn string_method(&self) -> Method<'_> {
        method(&self.string_m)
    }
    fn go_string_method(&self) -> Method<'_> {
        method(&self.gostring_m)
    }
}
