//! The printer's view of a VM value ([`FmtValue`] for [`VmValue`]).
//!
//! A value is its runtime type and its words, read out of the VM's memory
//! on demand through the native context (interface boxes, pointees, slice
//! elements, struct fields). All values of one formatting run share an
//! [`Env`]: the native context behind a `RefCell` (reads borrow it
//! briefly; a method call borrows it mutably to run Go code with
//! [`NativeCtx::call`]), the program, and the last panic a method raised
//! (re-raised by the caller when the printer reports a nested panic).
//!
//! Methods are called only when the type's method set has them with the
//! signature Go's interfaces require (`Error() string`, `String() string`,
//! `GoString() string`): a method of another shape is not an
//! implementation, and Go would not call it either.
//!
//! `Format(fmt.State, rune)` runs through the Go helper `fmt.callFormat`
//! with a `*fmt.pp` this module allocates and fills with the directive's
//! flags, width and precision ([`Env::format_method`]): the state's
//! methods are Go (`stdlib/go/fmt/fmt.go`), so `fmt.Fprintf(f, ...)` inside
//! `Format` is an ordinary nested print. What the method wrote is read
//! back from the `pp` after the call, also when it panicked (Go keeps
//! those bytes before its `%!v(PANIC=Format method: ...)`). The `pp` is
//! an argument of the helper's frame and its result, so it stays live on
//! the goroutine's stack for as long as Go code runs, and the native reads
//! it before anything else can run.
//!
//! Maps: the entries are copied out of the map (`gol_vm::map::for_each`,
//! insertion order) and the printer sorts them as Go's `internal/fmtsort`
//! does; copying first keeps the walk independent of any Go method the
//! printer then runs on keys or values.
//!
//! Roots: the copies hold heap addresses (a struct's string field, a
//! slice's array, a map's entries) across the methods the printer calls,
//! and a method may wait while a whole collection runs. The operands and
//! what they reach are the native's argument's, but a method may
//! overwrite what the printer copied (store into the struct being
//! printed, delete the map's entries, replace the variadic slice's
//! operands), which would leave the copy the only reference. So every
//! copy out of memory that a method can change keeps its heap words
//! alive until the print ends ([`Env::keep`]): the operand words, a
//! pointer's target, a slice's element, a map's entries, and a panic
//! value a method raised (held until it is printed or re-raised). A
//! box's words need no keeping: a box never changes, and its word is
//! kept or an argument's.
//!
//! Memory: the printer works on copies of the values' words and bytes and
//! writes its output into a Rust buffer, all outside the heap. Each read
//! of the VM's memory charges the heap's commit budget
//! ([`NativeCtx::reserve_outside`]) for its copy and for the output it
//! will become: a string or a byte slice of `n` bytes prints as at least
//! `n` bytes with `%v` and `%s`, a scalar as up to [`SCALAR_OUTPUT`]. The
//! charges gather until [`CHARGE_STEP`], so a short print never takes the
//! heap's lock, and a large string is charged before it is copied. An
//! estimate too high costs only an earlier look at the OS; one too low
//! (`%q` or `%x` of a large string, which grow it two to four times)
//! leaves the rest to the look that the next large allocation makes.

use super::fmt::GoHelper;
use crate::format::{FmtValue, FormatState, Formatted, Kind, Method};
use gol_lang::bytecode::{Program, RtType, TypeKind};
use gol_vm::native::{CallError, Kept};
use gol_vm::NativeCtx;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::sync::Arc;

/// The output a scalar's text may take with its separator (the longest
/// `%v` of an int64 or a float64 is 24 bytes).
const SCALAR_OUTPUT: usize = 26;

/// Charges gather up to this many bytes before they go to the heap's
/// budget, whose smallest charge it is (`gol_gc`'s `OUTSIDE_MIN`).
const CHARGE_STEP: usize = 1 << 20;

thread_local! {
    /// `fmt.callFormat` and `fmt.pp` of the last program (see
    /// [`GoHelper::of`]).
    static FORMAT_HELPER: Cell<Option<(usize, GoHelper)>> = const { Cell::new(None) };
}

/// The bits of `fmt.pp`'s `flags` (its `ppMinus`... constants).
const PP_MINUS: u64 = 1;
const PP_PLUS: u64 = 1 << 1;
const PP_SHARP: u64 = 1 << 2;
const PP_SPACE: u64 = 1 << 3;
const PP_ZERO: u64 = 1 << 4;
const PP_WID: u64 = 1 << 5;
const PP_PREC: u64 = 1 << 6;

/// The slot words of a `fmt.pp` (type `t` of `prog`) for `state`, and the
/// slot offset of its `buf`.
fn pp_words(prog: &Program, t: RtType, state: &FormatState) -> Option<(Vec<u64>, usize)> {
    let d = prog.ty(t);
    let TypeKind::Struct(fs) = &d.kind else {
        return None;
    };
    let (wid, wid_ok) = state.width();
    let (prec, prec_ok) = state.precision();
    let mut flags = 0;
    for (c, bit) in [
        ('-', PP_MINUS),
        ('+', PP_PLUS),
        ('#', PP_SHARP),
        (' ', PP_SPACE),
        ('0', PP_ZERO),
    ] {
        if state.flag(c as i64) {
            flags |= bit;
        }
    }
    if wid_ok {
        flags |= PP_WID;
    }
    if prec_ok {
        flags |= PP_PREC;
    }
    let mut words = vec![0u64; d.words as usize];
    let mut buf = None;
    for f in fs {
        let slot = words.get_mut(f.off as usize)?;
        match f.name.as_str() {
            "buf" => buf = Some(f.off as usize),
            "wid" => *slot = wid as u64,
            "prec" => *slot = prec as u64,
            "flags" => *slot = flags,
            _ => {}
        }
    }
    Some((words, buf?))
}

/// What the values of one formatting run share.
pub struct Env<'c> {
    cx: RefCell<NativeCtx<'c>>,
    prog: Arc<Program>,
    /// The last panic of a method the printer called.
    pub last_panic: RefCell<Option<CallError>>,
    /// A failure that must end the native (os.Exit, fatal error, nesting
    /// too deep) inside a method call: printing goes on with empty text,
    /// and the caller ends with this instead of a result.
    pub abort: RefCell<Option<CallError>>,
    /// Bytes read or to be printed, not yet charged (module docs).
    pending: Cell<usize>,
    /// The heap words of the copies this run holds (module docs).
    kept: Kept,
}

impl<'c> Env<'c> {
    pub fn new(cx: NativeCtx<'c>) -> Env<'c> {
        let prog = cx.program_arc();
        let kept = cx.kept();
        Env {
            cx: RefCell::new(cx),
            prog,
            last_panic: RefCell::new(None),
            abort: RefCell::new(None),
            pending: Cell::new(0),
            kept,
        }
    }

    /// Keeps the heap words of `words`, a value of type `t` copied out of
    /// memory that a method may overwrite, alive until the print ends
    /// (module docs).
    fn keep(&self, t: RtType, words: &[u64]) {
        self.kept.keep_value(&self.prog, t, words);
    }

    /// Keeps the operands' interface words (module docs).
    pub fn keep_operands(&self, words: &[u64]) {
        self.kept.keep(words);
    }

    /// Charges `bytes` of Rust memory that this run fills (copies, output)
    /// to the commit budget, once [`CHARGE_STEP`] of them have gathered.
    fn charge(&self, bytes: usize) {
        let n = self.pending.get().saturating_add(bytes);
        if n < CHARGE_STEP {
            self.pending.set(n);
            return;
        }
        self.pending.set(0);
        self.cx.borrow().reserve_outside(n);
    }

    /// `n` words at word `off` of the object at `ptr`, copied: the copy
    /// and the output of a scalar's worth charged.
    fn read_words_into(&self, ptr: u64, off: usize, out: &mut [u64]) {
        let n = out.len();
        self.charge(n.saturating_mul(8).saturating_add(SCALAR_OUTPUT));
        self.cx.borrow().read_words_into(ptr, off, out)
    }

    /// The slot words of the value of type `t` at `ptr` in memory,
    /// copied: the copy and a scalar's output charged.
    fn read_value(&self, ptr: u64, t: RtType) -> Vec<u64> {
        let n = self.prog.ty(t).words as usize;
        self.charge(n.saturating_mul(8).saturating_add(SCALAR_OUTPUT));
        let w = self.cx.borrow().read_value(ptr, 0, t);
        self.keep(t, &w);
        w
    }

    /// The slot words of element `i` of type `t` of the array at `ptr`,
    /// charged as [`Env::read_value`].
    fn read_elem(&self, ptr: u64, i: usize, t: RtType) -> Vec<u64> {
        let n = self.prog.ty(t).words as usize;
        self.charge(n.saturating_mul(8).saturating_add(SCALAR_OUTPUT));
        let w = self.cx.borrow().read_elems(ptr, i as u64, 1, t);
        self.keep(t, &w);
        w
    }

    /// The bytes of a string, copied: the copy and its output charged.
    fn string_at(&self, ptr: u64, len: u64) -> Vec<u8> {
        self.charge((len as usize).saturating_mul(2));
        self.cx.borrow().string_at(ptr, len)
    }

    /// Calls `name() string` of the value, if its method set has it with
    /// that signature.
    fn string_method(&'c self, v: &VmValue<'c>, name: &str) -> Method<'c> {
        let Some(t) = v.ty else {
            return Method::Absent;
        };
        if self.abort.borrow().is_some() {
            return Method::Returned(Vec::new());
        }
        let r = {
            let mut cx = self.cx.borrow_mut();
            let Some(f) = super::fmt::method_with_sig(&cx, t, name, "func() string") else {
                return Method::Absent;
            };
            cx.call(f, 0, &v.words)
        };
        match r {
            Ok(w) => Method::Returned(self.string_at(
                w.first().copied().unwrap_or(0),
                w.get(1).copied().unwrap_or(0),
            )),
            Err(CallError::Panic { value, runtime }) => {
                self.kept.keep(&[value]);
                *self.last_panic.borrow_mut() = Some(CallError::Panic { value, runtime });
                Method::Panicked(Box::new(VmValue::iface(self, value)))
            }
            Err(e) => {
                *self.abort.borrow_mut() = Some(e);
                Method::Returned(Vec::new())
            }
        }
    }

    /// Calls `Format(fmt.State, rune)` of the value, if its method set has
    /// it with that signature, through `fmt.callFormat` (module docs).
    fn format_method(&'c self, v: &VmValue<'c>, state: &FormatState, verb: char) -> Formatted<'c> {
        let Some(t) = v.ty else {
            return Formatted::Absent;
        };
        let has = super::fmt::implements(&self.cx.borrow(), t, "Format", "func(fmt.State, int32)");
        if !has {
            return Formatted::Absent;
        }
        if self.abort.borrow().is_some() {
            return Formatted::Wrote(Vec::new());
        }
        // Without the helper (a broken gol) the value prints as if it had
        // no Format method.
        let Some(h) = GoHelper::of(&self.prog, &FORMAT_HELPER, "fmt.callFormat", "fmt.pp") else {
            return Formatted::Absent;
        };
        let Some((words, buf_off)) = pp_words(&self.prog, h.ty, state) else {
            return Formatted::Absent;
        };
        let (p, r) = {
            let mut cx = self.cx.borrow_mut();
            // The operand's own box when it has one; otherwise a new box,
            // held here only until the call copies it onto the stack.
            let x = match v.boxed {
                0 => cx.new_box(t, &v.words),
                w => w,
            };
            let (p, _, _) = cx.new_slice(h.ty, &words, 1);
            let r = cx.call(h.call, 0, &[x, p, u64::from(u32::from(verb))]);
            (p, r)
        };
        // Read what Format wrote before anything else can run.
        let pp = self.read_value(p, h.ty);
        let wrote = self.string_at(
            pp.get(buf_off).copied().unwrap_or(0),
            pp.get(buf_off + 1).copied().unwrap_or(0),
        );
        match r {
            Ok(_) => Formatted::Wrote(wrote),
            Err(CallError::Panic { value, runtime }) => {
                self.kept.keep(&[value]);
                *self.last_panic.borrow_mut() = Some(CallError::Panic { value, runtime });
                Formatted::Panicked {
                    wrote,
                    value: Box::new(VmValue::iface(self, value)),
                }
            }
            Err(e) => {
                *self.abort.borrow_mut() = Some(e);
                Formatted::Wrote(Vec::new())
            }
        }
    }

    /// Whether values of type `t` have `Error() string`.
    pub fn implements_error(&self, t: RtType) -> bool {
        super::fmt::implements(&self.cx.borrow(), t, "Error", "func() string")
    }

    /// Gives the context back.
    pub fn into_ctx(self) -> NativeCtx<'c> {
        self.cx.into_inner()
    }
}

/// Slot words a [`Words`] keeps in place: every scalar, string, slice
/// and interface fits.
const INLINE_WORDS: usize = 3;

/// A value's slot words: in place up to [`INLINE_WORDS`], else on the
/// Rust heap. Most operands are scalars or strings, and a `Sprintf` of
/// them then allocates nothing per operand.
enum Words {
    Inline(u8, [u64; INLINE_WORDS]),
    Heap(Vec<u64>),
}

impl Words {
    /// `n` words filled by `fill`.
    fn with(n: usize, fill: impl FnOnce(&mut [u64])) -> Words {
        if n <= INLINE_WORDS {
            let mut w = [0u64; INLINE_WORDS];
            fill(&mut w[..n]);
            Words::Inline(n as u8, w)
        } else {
            let mut v = vec![0u64; n];
            fill(&mut v);
            Words::Heap(v)
        }
    }

    fn of(w: &[u64]) -> Words {
        Words::with(w.len(), |out| out.copy_from_slice(w))
    }
}

impl From<Vec<u64>> for Words {
    fn from(v: Vec<u64>) -> Words {
        if v.len() <= INLINE_WORDS {
            Words::of(&v)
        } else {
            Words::Heap(v)
        }
    }
}

impl std::ops::Deref for Words {
    type Target = [u64];
    fn deref(&self) -> &[u64] {
        match self {
            Words::Inline(n, w) => &w[..*n as usize],
            Words::Heap(v) => v,
        }
    }
}

/// A typed VM value.
pub struct VmValue<'e> {
    env: &'e Env<'e>,
    /// `None`: a nil interface.
    ty: Option<RtType>,
    words: Words,
    /// The interface word this value was read from (0: it was not), which
    /// a method taking the value as an interface can be given as it is.
    boxed: u64,
    /// The printer's kind of `ty` and whether `ty` has methods, read from
    /// its descriptor once (the printer asks several times per value).
    kind: Kind,
    methods: bool,
}

/// The printer's kind of type `t` (see [`VmValue::kind`]) and whether its
/// method set is not empty.
fn kind_and_methods(prog: &Program, t: Option<RtType>) -> (Kind, bool) {
    let Some(t) = t else {
        return (Kind::Interface, false);
    };
    let d = prog.ty(t);
    let k = kind_for(&d.kind);
    // `int` and `uint` print as such in %T and %v errors.
    let k = match (k, d.name.as_str()) {
        (Kind::Int64, "int") => Kind::Int,
        (Kind::Uint64, "uint") => Kind::Uint,
        _ => k,
    };
    (k, !d.methods.is_empty())
}

impl<'e> VmValue<'e> {
    /// The dynamic value of interface word `w`.
    pub fn iface(env: &'e Env<'e>, w: u64) -> VmValue<'e> {
        let t = {
            let cx = env.cx.borrow();
            cx.box_type(w)
        };
        match t {
            None => VmValue {
                env,
                ty: None,
                words: Words::Inline(0, [0; INLINE_WORDS]),
                boxed: 0,
                kind: Kind::Interface,
                methods: false,
            },
            Some(t) => {
                let n = env.prog.ty(t).words as usize;
                let (kind, methods) = kind_and_methods(&env.prog, Some(t));
                VmValue {
                    env,
                    ty: Some(t),
                    words: Words::with(n, |out| env.read_words_into(w, 1, out)),
                    boxed: w,
                    kind,
                    methods,
                }
            }
        }
    }

    fn typed(&self, t: RtType, words: impl Into<Words>) -> VmValue<'e> {
        let (kind, methods) = kind_and_methods(&self.env.prog, Some(t));
        VmValue {
            env: self.env,
            ty: Some(t),
            words: words.into(),
            boxed: 0,
            kind,
            methods,
        }
    }

    fn kind_of(&self) -> Option<&TypeKind> {
        self.ty.map(|t| &self.env.prog.ty(t).kind)
    }

    fn w(&self, i: usize) -> u64 {
        self.words.get(i).copied().unwrap_or(0)
    }

    /// Element type and words per element of a slice or array.
    fn elem(&self) -> Option<(RtType, usize)> {
        match self.kind_of()? {
            TypeKind::Slice(e) | TypeKind::Array(_, e) => {
                Some((*e, self.env.prog.ty(*e).words as usize))
            }
            _ => None,
        }
    }
}

/// Go's reflect spelling of a type name: the alias `any` is written
/// `interface {}` (a named type `pkg.any` keeps its name).
pub fn reflect_name(name: &str) -> String {
    if !name.contains("any") {
        return name.to_string();
    }
    let b = name.as_bytes();
    let mut out = String::with_capacity(name.len() + 16);
    let mut i = 0;
    while i < name.len() {
        let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'.';
        if name[i..].starts_with("any")
            && (i == 0 || !ident(b[i - 1]) || name[..i].ends_with("..."))
            && b.get(i + 3).is_none_or(|&c| !ident(c))
        {
            out.push_str("interface {}");
            i += 3;
            continue;
        }
        let c = name[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

fn kind_for(k: &TypeKind) -> Kind {
    match k {
        TypeKind::Bool => Kind::Bool,
        TypeKind::Int { bits, signed } => match (bits, signed) {
            (8, true) => Kind::Int8,
            (16, true) => Kind::Int16,
            (32, true) => Kind::Int32,
            (_, true) => Kind::Int64,
            (8, false) => Kind::Uint8,
            (16, false) => Kind::Uint16,
            (32, false) => Kind::Uint32,
            _ => Kind::Uint64,
        },
        TypeKind::Uintptr => Kind::Uintptr,
        TypeKind::Float { bits: 32 } => Kind::Float32,
        TypeKind::Float { .. } => Kind::Float64,
        TypeKind::Complex { bits: 64 } => Kind::Complex64,
        TypeKind::Complex { .. } => Kind::Complex128,
        TypeKind::String => Kind::String,
        TypeKind::Pointer(_) => Kind::Pointer,
        TypeKind::Slice(_) => Kind::Slice,
        TypeKind::Array(..) => Kind::Array,
        TypeKind::Struct(_) => Kind::Struct,
        TypeKind::Map(..) => Kind::Map,
        TypeKind::Chan(_) => Kind::Chan,
        TypeKind::Func => Kind::Func,
        TypeKind::Interface => Kind::Interface,
    }
}

impl FmtValue for VmValue<'_> {
    fn kind(&self) -> Kind {
        self.kind
    }

    fn type_name(&self) -> String {
        match self.ty {
            None => "<nil>".into(),
            Some(t) => reflect_name(&self.env.prog.ty(t).name),
        }
    }

    fn bool_value(&self) -> bool {
        self.w(0) != 0
    }

    fn int_value(&self) -> i64 {
        self.w(0) as i64
    }

    fn uint_value(&self) -> u64 {
        self.w(0)
    }

    fn float_value(&self) -> f64 {
        f64::from_bits(self.w(0))
    }

    fn complex_value(&self) -> (f64, f64) {
        (f64::from_bits(self.w(0)), f64::from_bits(self.w(1)))
    }

    fn bytes(&self) -> Cow<'_, [u8]> {
        match self.kind_of() {
            Some(TypeKind::String) => Cow::Owned(self.env.string_at(self.w(0), self.w(1))),
            // A []byte's array holds its bytes packed (string_at charges
            // the copy and the output).
            Some(TypeKind::Slice(_)) => {
                self.env
                    .cx
                    .borrow()
                    .race_access(self.w(0), self.w(1), 1, false);
                Cow::Owned(self.env.string_at(self.w(0), self.w(1)))
            }
            Some(TypeKind::Array(..)) => {
                self.env.charge(self.words.len().saturating_mul(2));
                Cow::Owned(self.words.iter().map(|&w| w as u8).collect())
            }
            _ => Cow::Borrowed(&[]),
        }
    }

    fn elem_kind(&self) -> Option<Kind> {
        let (e, _) = self.elem()?;
        Some(kind_for(&self.env.prog.ty(e).kind))
    }

    fn is_nil(&self) -> bool {
        match self.kind_of() {
            None => true,
            Some(TypeKind::Interface) => self.w(0) == 0,
            Some(
                TypeKind::Slice(_)
                | TypeKind::Map(..)
                | TypeKind::Pointer(_)
                | TypeKind::Func
                | TypeKind::Chan(_),
            ) => self.w(0) == 0,
            _ => false,
        }
    }

    fn len(&self) -> usize {
        match self.kind_of() {
            Some(TypeKind::Slice(_)) => self.w(1) as usize,
            Some(TypeKind::Array(n, _)) => *n as usize,
            _ => 0,
        }
    }

    fn index(&self, i: usize) -> Option<Box<dyn FmtValue + '_>> {
        let (e, ew) = self.elem()?;
        if i >= self.len() {
            return None;
        }
        let words = match self.kind_of()? {
            TypeKind::Slice(_) => self.env.read_elem(self.w(0), i, e).into(),
            _ => {
                self.env.charge(ew * 8 + SCALAR_OUTPUT);
                Words::of(self.words.get(i * ew..(i + 1) * ew)?)
            }
        };
        Some(Box::new(self.typed(e, words)))
    }

    fn num_fields(&self) -> usize {
        match self.kind_of() {
            Some(TypeKind::Struct(fs)) => fs.len(),
            _ => 0,
        }
    }

    fn field(&self, i: usize) -> Option<(Cow<'_, str>, Box<dyn FmtValue + '_>)> {
        let Some(TypeKind::Struct(fs)) = self.kind_of() else {
            return None;
        };
        let f = fs.get(i)?;
        let n = self.env.prog.ty(f.ty).words as usize;
        let off = f.off as usize;
        self.env.charge(n * 8 + SCALAR_OUTPUT);
        let words = Words::of(self.words.get(off..off + n)?);
        // An embedded field is named after its type (`T` for `*pkg.T`).
        let name = if f.embedded && f.name.is_empty() {
            let tn = self.env.prog.ty(f.ty).name.clone();
            let tn = tn.trim_start_matches('*');
            tn.rsplit('.').next().unwrap_or(tn).to_string()
        } else {
            f.name.clone()
        };
        Some((Cow::Owned(name), Box::new(self.typed(f.ty, words))))
    }

    fn map_entries(&self) -> Vec<(Box<dyn FmtValue + '_>, Box<dyn FmtValue + '_>)> {
        let Some(&TypeKind::Map(kt, vt)) = self.kind_of() else {
            return Vec::new();
        };
        // Printing a map reads it (one object to the race detector, as a
        // map instruction's access).
        self.env.cx.borrow().race_access(self.w(0), 1, 1, false);
        // Copy the entries out first: printing them may run Go methods.
        let mut raw = Vec::new();
        gol_vm::map::for_each(&self.env.prog, self.w(0), |k, v| {
            // The copies, the boxed values made of them, and the output.
            let words = (k.len() + v.len()) * 8;
            self.env.charge(2 * words + 2 * SCALAR_OUTPUT + 128);
            self.env.keep(kt, k);
            self.env.keep(vt, v);
            raw.push((k.to_vec(), v.to_vec()))
        });
        raw.into_iter()
            .map(|(k, v)| {
                (
                    Box::new(self.typed(kt, k)) as Box<dyn FmtValue + '_>,
                    Box::new(self.typed(vt, v)) as Box<dyn FmtValue + '_>,
                )
            })
            .collect()
    }

    fn pointer(&self) -> u64 {
        self.w(0)
    }

    fn elem(&self) -> Option<Box<dyn FmtValue + '_>> {
        match self.kind_of()? {
            TypeKind::Pointer(e) => {
                if self.w(0) == 0 {
                    return None;
                }
                Some(Box::new(self.typed(*e, self.env.read_value(self.w(0), *e))))
            }
            TypeKind::Interface => {
                if self.w(0) == 0 {
                    return None;
                }
                Some(Box::new(VmValue::iface(self.env, self.w(0))))
            }
            _ => None,
        }
    }

    fn is_error(&self) -> bool {
        self.ty.is_some_and(|t| self.env.implements_error(t))
    }

    fn has_methods(&self) -> bool {
        // The hooks below look methods up in this same method set.
        self.methods
    }

    fn format_method(&self, state: &FormatState, verb: char) -> Formatted<'_> {
        self.env.format_method(self, state, verb)
    }

    fn error_method(&self) -> Method<'_> {
        self.env.string_method(self, "Error")
    }

    fn string_method(&self) -> Method<'_> {
        self.env.string_method(self, "String")
    }

    fn go_string_method(&self) -> Method<'_> {
        self.env.string_method(self, "GoString")
    }
}
