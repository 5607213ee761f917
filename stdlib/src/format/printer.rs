//! Go's `fmt` printer (`fmt/print.go`): `Sprint`, `Sprintln`, `Sprintf` and
//! `Errorf`'s formatting, over operands the VM exposes through [`FmtValue`].
//!
//! # Shape
//!
//! `Printer::printf` scans the format exactly as Go's `doPrintf` does
//! (flags, `[n]` argument indexes, `*` widths, `.prec`, the UTF-8 verb) and
//! reports Go's inline errors (`%!d(string=hi)`, `%!v(MISSING)`,
//! `%!(EXTRA int=1)`, `%!(BADWIDTH)`, `%!(BADPREC)`, `%!(BADINDEX)`,
//! `%!(NOVERB)`). Each operand goes through `print_arg` (nil, `%T`, `%p`,
//! then methods, then the value) and `print_value`, the port of Go's
//! reflection walk: structs, slices, arrays, maps (sorted with
//! `internal/fmtsort`'s order), pointers (`&{...}` only at depth 0),
//! interfaces, and `Error`/`String`/`GoString` hooks at every depth where Go
//! would call them (not through unexported struct fields, where reflection
//! forbids `Interface()`).
//!
//! # Why a trait
//!
//! The VM's value representation is not this module's business: the VM
//! implements [`FmtValue`] for its values and answers kind, type name,
//! scalar contents, children and method calls. The printer never needs
//! more, which keeps it testable here with a small in-test value type.
//!
//! # Invariants and limits
//!
//! * Output is bytes (`Vec<u8>`): Go strings need not be UTF-8.
//! * Recursion is bounded by [`MAX_DEPTH`]; a deeper value (in practice
//!   cyclic data behind interfaces, which would overflow Go's stack)
//!   yields [`PrintError::TooDeep`]. Below that bound the recursion grows
//!   its stack on the heap (`stacker`), so no depth overflows Rust's.
//! * A panic inside a method while printing another method's panic is Go's
//!   re-panic; it is reported as [`PrintError::NestedPanic`] and the VM
//!   re-raises the panic value its hook last reported.
//! * Map sorting uses a merge sort of our own that tolerates inconsistent
//!   comparisons (the VM's answers are data, not trusted), so it can never
//!   panic the way `slice::sort_by` may on a non-total order.

use std::borrow::Cow;
use std::fmt;

use super::fmtsort::sort_keys;
use super::runes::{append_rune, decode_rune};
use super::verbs::{Fmt, LDIGITS, UDIGITS};

/// How deep `print_value` may recurse before giving up. Go's own limit is
/// its 1 GB goroutine stack (a few million levels); this one is far past
/// any acyclic value a program builds, and a cyclic one reaches it in well
/// under a second.
pub const MAX_DEPTH: usize = 100_000;

/// Stack left below which `print_value` moves to a fresh segment, and the
/// size of each segment (see `stacker`).
const STACK_RED_ZONE: usize = 64 * 1024;
const STACK_SEGMENT: usize = 1024 * 1024;

/// Go's `reflect.Kind` (the kinds fmt's printer tells apart).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    Array,
    Slice,
    Map,
    Struct,
    Pointer,
    /// A value of interface type (a struct field, slice element or map
    /// entry whose static type is an interface); its dynamic value is
    /// [`FmtValue::elem`], `None` when the interface is nil.
    Interface,
    Func,
    Chan,
    UnsafePointer,
}

impl Kind {
    fn is_signed(self) -> bool {
        matches!(
            self,
            Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64
        )
    }
    fn is_unsigned(self) -> bool {
        matches!(
            self,
            Kind::Uint | Kind::Uint8 | Kind::Uint16 | Kind::Uint32 | Kind::Uint64 | Kind::Uintptr
        )
    }
}

/// The outcome of asking a value for one of its formatting methods.
pub enum Method<'a> {
    /// The value's type has no such method, or it must not be called. The
    /// VM must answer this without running any Go code.
    Absent,
    /// The method returned this Go string.
    Returned(Vec<u8>),
    /// The method panicked with this value (printed with `%v` inside
    /// `%!v(PANIC=String method: ...)`).
    Panicked(Box<dyn FmtValue + 'a>),
}

/// The outcome of asking a value for its `Format(fmt.State, rune)` method.
pub enum Formatted<'a> {
    /// The value's type has no `Format` method (answered without running
    /// Go code).
    Absent,
    /// `Format` returned after writing these bytes to the state.
    Wrote(Vec<u8>),
    /// `Format` panicked with `value` after writing `wrote`.
    Panicked {
        /// What it wrote before panicking (Go keeps it in the output).
        wrote: Vec<u8>,
        /// The panic value.
        value: Box<dyn FmtValue + 'a>,
    },
}

/// What a `Format` method may ask of its `fmt.State`: the flags, width and
/// precision of the verb being printed. Writes are collected by the VM
/// and returned in [`Formatted`], which is equivalent to Go's appending to
/// the printer's buffer because `fmt.State` cannot read that buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatState {
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    wid: i64,
    wid_present: bool,
    prec: i64,
    prec_present: bool,
}

impl FormatState {
    /// Go's `State.Width()`.
    pub fn width(&self) -> (i64, bool) {
        (self.wid, self.wid_present)
    }

    /// Go's `State.Precision()`.
    pub fn precision(&self) -> (i64, bool) {
        (self.prec, self.prec_present)
    }

    /// Go's `State.Flag(c)`: whether flag `c` (`- + # space 0`) was given
    /// (`+` and `#` include the `%+v` and `%#v` forms).
    pub fn flag(&self, c: i64) -> bool {
        match u8::try_from(c) {
            Ok(b'-') => self.minus,
            Ok(b'+') => self.plus,
            Ok(b'#') => self.sharp,
            Ok(b' ') => self.space,
            Ok(b'0') => self.zero,
            _ => false,
        }
    }

    /// Go's `fmt.FormatString(state, verb)`: the directive that would
    /// reproduce this state, e.g. `%-+10.3v`.
    pub fn format_string(&self, verb: char) -> Vec<u8> {
        format_directive(
            &|c| self.flag(i64::from(u32::from(c))),
            self.width(),
            self.precision(),
            verb,
        )
    }
}

/// Go's `fmt.FormatString` for any `fmt.State` (the VM passes a user
/// type's `Flag`, `Width` and `Precision` answers).
pub fn format_directive(
    flag: &dyn Fn(char) -> bool,
    width: (i64, bool),
    precision: (i64, bool),
    verb: char,
) -> Vec<u8> {
    let mut b = vec![b'%'];
    for c in [' ', '+', '-', '#', '0'] {
        if flag(c) {
            b.push(c as u8);
        }
    }
    if width.1 {
        b.extend_from_slice(width.0.to_string().as_bytes());
    }
    if precision.1 {
        b.push(b'.');
        b.extend_from_slice(precision.0.to_string().as_bytes());
    }
    append_rune(&mut b, i64::from(u32::from(verb)));
    b
}

/// A Go value as the printer sees it. The VM implements this for its
/// values. Only the methods that matter for a value's [`Kind`] are called;
/// the defaults are for the others.
pub trait FmtValue {
    /// The value's kind.
    fn kind(&self) -> Kind;
    /// Go's `reflect.Type.String()` of the value's type, as `%T` prints it:
    /// `int`, `main.T`, `[]string`, `map[string]int`, `*main.T`,
    /// `interface {}`, `func(int) string`, `chan int`.
    fn type_name(&self) -> String;
    /// `Bool`: the value.
    fn bool_value(&self) -> bool {
        false
    }
    /// Signed integer kinds: the value, sign-extended.
    fn int_value(&self) -> i64 {
        0
    }
    /// Unsigned integer kinds: the value.
    fn uint_value(&self) -> u64 {
        0
    }
    /// `Float32`/`Float64`: the value (a float32 converted exactly).
    fn float_value(&self) -> f64 {
        0.0
    }
    /// `Complex64`/`Complex128`: the real and imaginary parts (complex64's
    /// converted exactly).
    fn complex_value(&self) -> (f64, f64) {
        (0.0, 0.0)
    }
    /// `String`: its bytes. `Slice`/`Array` whose element kind is `Uint8`:
    /// the elements as bytes.
    fn bytes(&self) -> Cow<'_, [u8]> {
        Cow::Borrowed(&[])
    }
    /// `Slice`/`Array`: the kind of the element type (known even when
    /// empty); `Uint8` elements make `%s %q %x %X` treat it as bytes.
    fn elem_kind(&self) -> Option<Kind> {
        None
    }
    /// `Slice`, `Map`, `Pointer`, `Func`, `Chan`, `Interface`,
    /// `UnsafePointer`: whether it is nil.
    fn is_nil(&self) -> bool {
        false
    }
    /// `Slice`/`Array`: the number of elements.
    fn len(&self) -> usize {
        0
    }
    /// `Slice`/`Array`: whether there are no elements.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// `Slice`/`Array`: element `i` (as its static element type: an
    /// interface-typed element is an `Interface` value).
    fn index(&self, _i: usize) -> Option<Box<dyn FmtValue + '_>> {
        None
    }
    /// `Struct`: the number of fields.
    fn num_fields(&self) -> usize {
        0
    }
    /// `Struct`: field `i`'s name (an embedded field's is its type name)
    /// and value (as its static type). A field whose name does not start
    /// with an upper-case letter is unexported: Go will not call methods of
    /// values reached through it.
    fn field(&self, _i: usize) -> Option<(Cow<'_, str>, Box<dyn FmtValue + '_>)> {
        None
    }
    /// `Map`: the entries, in any order (the printer sorts them).
    #[allow(clippy::type_complexity)]
    fn map_entries(&self) -> Vec<(Box<dyn FmtValue + '_>, Box<dyn FmtValue + '_>)> {
        Vec::new()
    }
    /// `Pointer`, `Chan`, `Func`, `Map`, `Slice`, `UnsafePointer`: the
    /// address `%p` prints (0 when nil).
    fn pointer(&self) -> u64 {
        0
    }
    /// `Pointer`: the pointee (`None` when nil). `Interface`: the dynamic
    /// value (`None` when nil).
    fn elem(&self) -> Option<Box<dyn FmtValue + '_>> {
        None
    }
    /// Calls the value's `Format(fmt.State, rune)` method, if its type has
    /// one, with a state answering from `state`.
    fn format_method(&self, _state: &FormatState, _verb: char) -> Formatted<'_> {
        Formatted::Absent
    }
    /// Whether the value's type implements `error` (for `Errorf`'s `%w`;
    /// must not run Go code).
    fn is_error(&self) -> bool {
        false
    }
    /// Whether the value's type has any method at all: when it has none,
    /// the printer asks for none of `Format`, `GoString`, `Error` and
    /// `String` (what Go's `printArg` gains by switching on the basic
    /// types before `handleMethods`). `true` is always correct.
    fn has_methods(&self) -> bool {
        true
    }
    /// Calls the value's `Error() string` method, if its type has one.
    fn error_method(&self) -> Method<'_> {
        Method::Absent
    }
    /// Calls the value's `String() string` method, if its type has one.
    fn string_method(&self) -> Method<'_> {
        Method::Absent
    }
    /// Calls the value's `GoString() string` method, if its type has one.
    fn go_string_method(&self) -> Method<'_> {
        Method::Absent
    }
}

/// A nil `interface{}` operand (what `fmt.Println(nil)` receives).
#[derive(Clone, Copy, Debug, Default)]
pub struct Nil;

impl FmtValue for Nil {
    fn kind(&self) -> Kind {
        Kind::Interface
    }
    fn type_name(&self) -> String {
        "interface {}".to_string()
    }
    fn is_nil(&self) -> bool {
        true
    }
}

/// Why printing stopped without a result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintError {
    /// A method panicked while the printer was printing another method's
    /// panic value. Go propagates that second panic out of `Sprintf`; the
    /// VM re-raises the value its hook last reported as panicked.
    NestedPanic,
    /// Values nested deeper than [`MAX_DEPTH`] (cyclic data behind
    /// interfaces, where Go would overflow its stack).
    TooDeep,
}

impl fmt::Display for PrintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrintError::NestedPanic => f.write_str("fmt: panic while printing a panic value"),
            PrintError::TooDeep => write!(f, "fmt: value nested more than {MAX_DEPTH} levels deep"),
        }
    }
}

impl std::error::Error for PrintError {}

type Res<T = ()> = Result<T, PrintError>;

const PERCENT_BANG: &[u8] = b"%!";
const MISSING: &[u8] = b"(MISSING)";
const BAD_INDEX: &[u8] = b"(BADINDEX)";
const NIL_ANGLE: &[u8] = b"<nil>";
const NIL_PAREN: &[u8] = b"(nil)";
const NIL: &[u8] = b"nil";
const MAP_OPEN: &[u8] = b"map[";
const EXTRA: &[u8] = b"%!(EXTRA ";
const BAD_WIDTH: &[u8] = b"%!(BADWIDTH)";
const BAD_PREC: &[u8] = b"%!(BADPREC)";
const NO_VERB: &[u8] = b"%!(NOVERB)";
const COMMA_SPACE: &[u8] = b", ";

/// Operands `printf` keeps in place, without allocating.
const FEW_ARGS: usize = 4;

/// One formatting run (Go's `pp`): the output and the printer's state.
#[derive(Debug, Default)]
pub struct Printer {
    fmt: Fmt,
    /// Inside `bad_verb`: do not call methods (Go's `erroring`).
    erroring: bool,
    /// Printing a method's panic value (Go's `panicking`).
    panicking: bool,
    /// `%w` accepted (Errorf).
    wrap_errs: bool,
    /// Argument indexes consumed by `%w` (Errorf's wrapped errors).
    wrapped: Vec<usize>,
    /// An explicit `[n]` index was used.
    reordered: bool,
    /// The last argument index parsed was valid.
    good_arg_num: bool,
}

/// Go's `fmt.Sprint`: operands in their default formats, with a space
/// between two operands when neither is a string.
pub fn sprint(args: &[&dyn FmtValue]) -> Result<Vec<u8>, PrintError> {
    let mut p = Printer::default();
    p.print(args)?;
    Ok(p.into_bytes())
}

/// Go's `fmt.Sprintln`: spaces between all operands and a final newline.
pub fn sprintln(args: &[&dyn FmtValue]) -> Result<Vec<u8>, PrintError> {
    let mut p = Printer::default();
    p.println(args)?;
    Ok(p.into_bytes())
}

/// Go's `fmt.Sprintf`.
pub fn sprintf(format: &[u8], args: &[&dyn FmtValue]) -> Result<Vec<u8>, PrintError> {
    let mut p = Printer::default();
    p.printf(format, args)?;
    Ok(p.into_bytes())
}

/// The message of Go's `fmt.Errorf` and the indexes of the arguments its
/// `%w` verbs named, from which the VM builds the error as Go does: none,
/// `errors.New`; one, a `*fmt.wrapError` (whose `Unwrap` is nil if that
/// operand is not an error); more, a `*fmt.wrapErrors` of the distinct
/// indexes (equal ones are adjacent) whose operands are errors. The list is
/// in format order, or sorted when `[n]` indexes were used, like Go's.
pub fn errorf(format: &[u8], args: &[&dyn FmtValue]) -> Result<(Vec<u8>, Vec<usize>), PrintError> {
    let mut p = Printer {
        wrap_errs: true,
        ..Printer::default()
    };
    p.printf(format, args)?;
    let mut wrapped = std::mem::take(&mut p.wrapped);
    if p.reordered {
        // Go sorts them when `[n]` indexes were used.
        wrapped.sort_unstable();
    }
    Ok((p.into_bytes(), wrapped))
}

fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

fn is_string_kind(v: &dyn FmtValue) -> bool {
    v.kind() == Kind::String
}

/// An operand the printer holds: borrowed from the caller, or the dynamic
/// value of an interface, owned.
enum Arg<'a> {
    Borrowed(&'a dyn FmtValue),
    Owned(Box<dyn FmtValue + 'a>),
}

impl<'a> Arg<'a> {
    fn get(&self) -> &dyn FmtValue {
        match self {
            Arg::Borrowed(v) => *v,
            Arg::Owned(b) => &**b,
        }
    }
}

/// A top-level operand with interfaces unwrapped: `None` is a nil interface.
fn unwrap_arg<'a>(v: &'a dyn FmtValue) -> Option<Arg<'a>> {
    if v.kind() == Kind::Interface {
        if v.is_nil() {
            return None;
        }
        return v.elem().map(Arg::Owned);
    }
    Some(Arg::Borrowed(v))
}

impl Printer {
    /// A printer for `Errorf` (accepts `%w`) or for the other functions.
    pub fn new(wrap_errs: bool) -> Printer {
        Printer {
            wrap_errs,
            ..Printer::default()
        }
    }

    /// A printer for the functions other than `Errorf` whose output goes
    /// into `buf` after what it holds (a buffer kept from an earlier run
    /// saves growing a new one each time).
    pub fn with_buffer(buf: Vec<u8>) -> Printer {
        let mut p = Printer::default();
        p.fmt.buf = buf;
        p
    }

    /// The output so far.
    pub fn bytes(&self) -> &[u8] {
        &self.fmt.buf
    }

    /// Ends the run, returning the output.
    pub fn into_bytes(self) -> Vec<u8> {
        self.fmt.buf
    }

    /// Argument indexes consumed by `%w` so far.
    pub fn wrapped(&self) -> &[usize] {
        &self.wrapped
    }

    /// Go's `doPrint` (`Sprint`).
    pub fn print(&mut self, args: &[&dyn FmtValue]) -> Result<(), PrintError> {
        let mut prev_string = false;
        for (i, &arg) in args.iter().enumerate() {
            let arg = unwrap_arg(arg);
            let is_string = arg.as_ref().map(Arg::get).is_some_and(is_string_kind);
            if i > 0 && !is_string && !prev_string {
                self.fmt.buf.push(b' ');
            }
            self.print_arg(arg.as_ref().map(Arg::get), 'v')?;
            prev_string = is_string;
        }
        Ok(())
    }

    /// Go's `doPrintln` (`Sprintln`).
    pub fn println(&mut self, args: &[&dyn FmtValue]) -> Result<(), PrintError> {
        for (i, &arg) in args.iter().enumerate() {
            if i > 0 {
                self.fmt.buf.push(b' ');
            }
            let arg = unwrap_arg(arg);
            self.print_arg(arg.as_ref().map(Arg::get), 'v')?;
        }
        self.fmt.buf.push(b'\n');
        Ok(())
    }

    fn write_rune(&mut self, r: char) {
        append_rune(&mut self.fmt.buf, i64::from(u32::from(r)));
    }

    fn bad_verb(&mut self, value: Option<&dyn FmtValue>, verb: char) -> Res {
        self.erroring = true;
        self.fmt.buf.extend_from_slice(PERCENT_BANG);
        self.write_rune(verb);
        self.fmt.buf.push(b'(');
        let r = match value {
            Some(v) => {
                let t = v.type_name();
                self.fmt.buf.extend_from_slice(t.as_bytes());
                self.fmt.buf.push(b'=');
                self.print_value(v, 'v', 0, false)
            }
            None => {
                self.fmt.buf.extend_from_slice(NIL_ANGLE);
                Ok(())
            }
        };
        self.fmt.buf.push(b')');
        self.erroring = false;
        r
    }

    fn fmt_bool(&mut self, v: &dyn FmtValue, verb: char) -> Res {
        match verb {
            't' | 'v' => {
                self.fmt.fmt_boolean(v.bool_value());
                Ok(())
            }
            _ => self.bad_verb(Some(v), verb),
        }
    }

    fn fmt_0x64(&mut self, v: u64, leading_0x: bool) {
        let sharp = self.fmt.flags.sharp;
        self.fmt.flags.sharp = leading_0x;
        self.fmt.fmt_integer(v, 16, false, 'v', LDIGITS);
        self.fmt.flags.sharp = sharp;
    }

    fn fmt_integer(
        &mut self,
        v: Option<&dyn FmtValue>,
        u: u64,
        is_signed: bool,
        verb: char,
    ) -> Res {
        match verb {
            'v' => {
                if self.fmt.flags.sharp_v && !is_signed {
                    self.fmt_0x64(u, true);
                } else {
                    self.fmt.fmt_integer(u, 10, is_signed, verb, LDIGITS);
                }
            }
            'd' => self.fmt.fmt_integer(u, 10, is_signed, verb, LDIGITS),
            'b' => self.fmt.fmt_integer(u, 2, is_signed, verb, LDIGITS),
            'o' | 'O' => self.fmt.fmt_integer(u, 8, is_signed, verb, LDIGITS),
            'x' => self.fmt.fmt_integer(u, 16, is_signed, verb, LDIGITS),
            'X' => self.fmt.fmt_integer(u, 16, is_signed, verb, UDIGITS),
            'c' => self.fmt.fmt_c(u),
            'q' => self.fmt.fmt_qc(u),
            'U' => self.fmt.fmt_unicode(u),
            _ => return self.bad_verb(v, verb),
        }
        Ok(())
    }

    fn fmt_float(&mut self, v: &dyn FmtValue, size: u32, verb: char) -> Res {
        if !self.float_verb(v.float_value(), size, verb) {
            return self.bad_verb(Some(v), verb);
        }
        Ok(())
    }

    /// Go's `fmtFloat` of `f`; false for a verb floats do not take.
    fn float_verb(&mut self, f: f64, size: u32, verb: char) -> bool {
        match verb {
            'v' => self.fmt.fmt_float(f, size, b'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => self.fmt.fmt_float(f, size, verb as u8, -1),
            'f' | 'e' | 'E' => self.fmt.fmt_float(f, size, verb as u8, 6),
            'F' => self.fmt.fmt_float(f, size, b'f', 6),
            _ => return false,
        }
        true
    }

    /// Go's `fmtComplex`: `(re+imi)`, each part formatted as a float of
    /// half the size under the verb, flags, width and precision (so a
    /// width pads each part), the imaginary part always signed.
    fn fmt_complex(&mut self, v: &dyn FmtValue, size: u32, verb: char) -> Res {
        if !matches!(
            verb,
            'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E'
        ) {
            return self.bad_verb(Some(v), verb);
        }
        let (re, im) = v.complex_value();
        let old_plus = self.fmt.flags.plus;
        self.fmt.buf.push(b'(');
        self.float_verb(re, size / 2, verb);
        self.fmt.flags.plus = true;
        self.float_verb(im, size / 2, verb);
        self.fmt.buf.extend_from_slice(b"i)");
        self.fmt.flags.plus = old_plus;
        Ok(())
    }

    /// Formats a Go string; `v` is the operand for error messages.
    fn fmt_string(&mut self, v: &dyn FmtValue, s: &[u8], verb: char) -> Res {
        match verb {
            'v' => {
                if self.fmt.flags.sharp_v {
                    self.fmt.fmt_q(s);
                } else {
                    self.fmt.fmt_s(s);
                }
            }
            's' => self.fmt.fmt_s(s),
            'x' => self.fmt.fmt_sbx(s, LDIGITS),
            'X' => self.fmt.fmt_sbx(s, UDIGITS),
            'q' => self.fmt.fmt_q(s),
            _ => return self.bad_verb(Some(v), verb),
        }
        Ok(())
    }

    /// `%s %q %x %X` of a byte slice or array (the other verbs print it
    /// element by element).
    fn fmt_bytes(&mut self, b: &[u8], verb: char) {
        match verb {
            's' => self.fmt.fmt_s(b),
            'x' => self.fmt.fmt_sbx(b, LDIGITS),
            'X' => self.fmt.fmt_sbx(b, UDIGITS),
            _ => self.fmt.fmt_q(b),
        }
    }

    fn fmt_pointer(&mut self, v: &dyn FmtValue, verb: char) -> Res {
        let u = match v.kind() {
            Kind::Chan
            | Kind::Func
            | Kind::Map
            | Kind::Pointer
            | Kind::Slice
            | Kind::UnsafePointer => {
                if v.is_nil() {
                    0
                } else {
                    v.pointer()
                }
            }
            _ => return self.bad_verb(Some(v), verb),
        };
        match verb {
            'v' => {
                if self.fmt.flags.sharp_v {
                    self.fmt.buf.push(b'(');
                    let t = v.type_name();
                    self.fmt.buf.extend_from_slice(t.as_bytes());
                    self.fmt.buf.extend_from_slice(b")(");
                    if u == 0 {
                        self.fmt.buf.extend_from_slice(NIL);
                    } else {
                        self.fmt_0x64(u, true);
                    }
                    self.fmt.buf.push(b')');
                } else if u == 0 {
                    self.fmt.pad(NIL_ANGLE);
                } else {
                    let sharp = self.fmt.flags.sharp;
                    self.fmt_0x64(u, !sharp);
                }
            }
            'p' => {
                let sharp = self.fmt.flags.sharp;
                self.fmt_0x64(u, !sharp);
            }
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_integer(Some(v), u, false, verb)?,
            _ => return self.bad_verb(Some(v), verb),
        }
        Ok(())
    }

    /// Prints a method's result, or its panic as Go's `catchPanic` does.
    fn method_result(&mut self, v: &dyn FmtValue, verb: char, method: &str, m: Method<'_>) -> Res {
        match m {
            Method::Absent => Ok(()),
            Method::Returned(s) => {
                if method == "GoString" {
                    self.fmt.fmt_s(&s);
                    Ok(())
                } else {
                    self.fmt_string(v, &s, verb)
                }
            }
            Method::Panicked(val) => {
                if v.kind() == Kind::Pointer && v.is_nil() {
                    self.fmt.buf.extend_from_slice(NIL_ANGLE);
                    return Ok(());
                }
                if self.panicking {
                    return Err(PrintError::NestedPanic);
                }
                let old_flags = self.fmt.flags;
                self.fmt.clear_flags();
                self.fmt.buf.extend_from_slice(PERCENT_BANG);
                self.write_rune(verb);
                self.fmt.buf.extend_from_slice(b"(PANIC=");
                self.fmt.buf.extend_from_slice(method.as_bytes());
                self.fmt.buf.extend_from_slice(b" method: ");
                self.panicking = true;
                let inner = unwrap_arg(&*val);
                let r = self.print_arg(inner.as_ref().map(Arg::get), 'v');
                self.panicking = false;
                r?;
                self.fmt.buf.push(b')');
                // Go restores the flags only (width and precision stay
                // cleared), which matters for later elements of a composite.
                self.fmt.flags = old_flags;
                Ok(())
            }
        }
    }

    /// Go's `handleMethods`: `%w` checks; `Format` for any verb; `GoString`
    /// for `%#v`; `Error` or `String` for `%v %s %x %X %q`. Returns whether the value was printed.
    fn handle_methods(&mut self, v: &dyn FmtValue, verb: char) -> Res<bool> {
        // Without methods only `%w` has something to say (that the
        // operand is not an error).
        if self.erroring || (verb != 'w' && !v.has_methods()) {
            return Ok(false);
        }
        let mut verb = verb;
        if verb == 'w' {
            if !v.is_error() || !self.wrap_errs {
                self.bad_verb(Some(v), verb)?;
                return Ok(true);
            }
            verb = 'v';
        }
        let f = &self.fmt;
        let state = FormatState {
            minus: f.flags.minus,
            plus: f.flags.plus || f.flags.plus_v,
            sharp: f.flags.sharp || f.flags.sharp_v,
            space: f.flags.space,
            zero: f.flags.zero,
            wid: f.wid,
            wid_present: f.flags.wid_present,
            prec: f.prec,
            prec_present: f.flags.prec_present,
        };
        match v.format_method(&state, verb) {
            Formatted::Absent => {}
            Formatted::Wrote(b) => {
                self.fmt.buf.extend_from_slice(&b);
                return Ok(true);
            }
            Formatted::Panicked { wrote, value } => {
                self.fmt.buf.extend_from_slice(&wrote);
                self.method_result(v, verb, "Format", Method::Panicked(value))?;
                return Ok(true);
            }
        }
        if self.fmt.flags.sharp_v {
            let m = v.go_string_method();
            if matches!(m, Method::Absent) {
                return Ok(false);
            }
            self.method_result(v, verb, "GoString", m)?;
            return Ok(true);
        }
        if matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            let m = v.error_method();
            if !matches!(m, Method::Absent) {
                self.method_result(v, verb, "Error", m)?;
                return Ok(true);
            }
            let m = v.string_method();
            if !matches!(m, Method::Absent) {
                self.method_result(v, verb, "String", m)?;
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Go's `printArg`: one top-level operand (`None` is a nil interface).
    fn print_arg(&mut self, arg: Option<&dyn FmtValue>, verb: char) -> Res {
        let Some(v) = arg else {
            return match verb {
                'T' | 'v' => {
                    self.fmt.pad(NIL_ANGLE);
                    Ok(())
                }
                _ => self.bad_verb(None, verb),
            };
        };
        match verb {
            'T' => {
                let t = v.type_name();
                self.fmt.fmt_s(t.as_bytes());
                return Ok(());
            }
            'p' => return self.fmt_pointer(v, 'p'),
            _ => {}
        }
        if self.handle_methods(v, verb)? {
            return Ok(());
        }
        // Go prints an operand of the exact type []byte through fmtBytes
        // with the type string "[]byte" (reflection would say "[]uint8").
        if self.fmt.flags.sharp_v
            && v.kind() == Kind::Slice
            && v.elem_kind() == Some(Kind::Uint8)
            && v.type_name() == "[]uint8"
        {
            self.fmt.buf.extend_from_slice(b"[]byte");
            if v.is_nil() {
                self.fmt.buf.extend_from_slice(NIL_PAREN);
                return Ok(());
            }
            self.fmt.buf.push(b'{');
            let bytes = v.bytes();
            for (i, &c) in bytes.iter().enumerate() {
                if i > 0 {
                    self.fmt.buf.extend_from_slice(COMMA_SPACE);
                }
                self.fmt_0x64(u64::from(c), true);
            }
            self.fmt.buf.push(b'}');
            return Ok(());
        }
        self.print_value(v, verb, 0, false)
    }

    /// Go's `printValue`. `ro` marks values reached through an unexported
    /// struct field, whose methods Go cannot call.
    fn print_value(&mut self, v: &dyn FmtValue, verb: char, depth: usize, ro: bool) -> Res {
        if depth > MAX_DEPTH {
            return Err(PrintError::TooDeep);
        }
        // Go's printValue recurses on a goroutine stack that grows to 1 GB;
        // here each level past the thread's own stack runs on a segment
        // grown on the heap, so depth costs memory, not a Rust overflow.
        stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
            self.print_value_here(v, verb, depth, ro)
        })
    }

    fn print_value_here(&mut self, v: &dyn FmtValue, verb: char, depth: usize, ro: bool) -> Res {
        let kind = v.kind();
        if depth > 0 && !ro && kind != Kind::Interface && self.handle_methods(v, verb)? {
            return Ok(());
        }
        match kind {
            Kind::Bool => self.fmt_bool(v, verb),
            Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => {
                self.fmt_integer(Some(v), v.int_value() as u64, true, verb)
            }
            Kind::Uint
            | Kind::Uint8
            | Kind::Uint16
            | Kind::Uint32
            | Kind::Uint64
            | Kind::Uintptr => self.fmt_integer(Some(v), v.uint_value(), false, verb),
            Kind::Float32 => self.fmt_float(v, 32, verb),
            Kind::Float64 => self.fmt_float(v, 64, verb),
            Kind::Complex64 => self.fmt_complex(v, 64, verb),
            Kind::Complex128 => self.fmt_complex(v, 128, verb),
            Kind::String => {
                let s = v.bytes();
                self.fmt_string(v, &s, verb)
            }
            Kind::Map => {
                if self.fmt.flags.sharp_v {
                    let t = v.type_name();
                    self.fmt.buf.extend_from_slice(t.as_bytes());
                    if v.is_nil() {
                        self.fmt.buf.extend_from_slice(NIL_PAREN);
                        return Ok(());
                    }
                    self.fmt.buf.push(b'{');
                } else {
                    self.fmt.buf.extend_from_slice(MAP_OPEN);
                }
                let entries = v.map_entries();
                let order = sort_keys(&entries);
                for (i, &k) in order.iter().enumerate() {
                    if i > 0 {
                        if self.fmt.flags.sharp_v {
                            self.fmt.buf.extend_from_slice(COMMA_SPACE);
                        } else {
                            self.fmt.buf.push(b' ');
                        }
                    }
                    let (key, val) = &entries[k];
                    self.print_value(&**key, verb, depth + 1, ro)?;
                    self.fmt.buf.push(b':');
                    self.print_value(&**val, verb, depth + 1, ro)?;
                }
                self.fmt
                    .buf
                    .push(if self.fmt.flags.sharp_v { b'}' } else { b']' });
                Ok(())
            }
            Kind::Struct => {
                if self.fmt.flags.sharp_v {
                    let t = v.type_name();
                    self.fmt.buf.extend_from_slice(t.as_bytes());
                }
                self.fmt.buf.push(b'{');
                for i in 0..v.num_fields() {
                    if i > 0 {
                        if self.fmt.flags.sharp_v {
                            self.fmt.buf.extend_from_slice(COMMA_SPACE);
                        } else {
                            self.fmt.buf.push(b' ');
                        }
                    }
                    let Some((name, field)) = v.field(i) else {
                        continue;
                    };
                    if (self.fmt.flags.plus_v || self.fmt.flags.sharp_v) && !name.is_empty() {
                        self.fmt.buf.extend_from_slice(name.as_bytes());
                        self.fmt.buf.push(b':');
                    }
                    let field_ro = ro || !is_exported(&name);
                    // Go's getField: a non-nil interface field prints as
                    // its dynamic value.
                    if field.kind() == Kind::Interface && !field.is_nil() {
                        if let Some(inner) = field.elem() {
                            self.print_value(&*inner, verb, depth + 1, field_ro)?;
                            continue;
                        }
                    }
                    self.print_value(&*field, verb, depth + 1, field_ro)?;
                }
                self.fmt.buf.push(b'}');
                Ok(())
            }
            Kind::Interface => match v.elem() {
                Some(inner) if !v.is_nil() => self.print_value(&*inner, verb, depth + 1, ro),
                _ => {
                    if self.fmt.flags.sharp_v {
                        let t = v.type_name();
                        self.fmt.buf.extend_from_slice(t.as_bytes());
                        self.fmt.buf.extend_from_slice(NIL_PAREN);
                    } else {
                        self.fmt.buf.extend_from_slice(NIL_ANGLE);
                    }
                    Ok(())
                }
            },
            Kind::Array | Kind::Slice => {
                if matches!(verb, 's' | 'q' | 'x' | 'X') && v.elem_kind() == Some(Kind::Uint8) {
                    let b = v.bytes();
                    self.fmt_bytes(&b, verb);
                    return Ok(());
                }
                if self.fmt.flags.sharp_v {
                    let t = v.type_name();
                    self.fmt.buf.extend_from_slice(t.as_bytes());
                    if kind == Kind::Slice && v.is_nil() {
                        self.fmt.buf.extend_from_slice(NIL_PAREN);
                        return Ok(());
                    }
                    self.fmt.buf.push(b'{');
                    for i in 0..v.len() {
                        if i > 0 {
                            self.fmt.buf.extend_from_slice(COMMA_SPACE);
                        }
                        if let Some(e) = v.index(i) {
                            self.print_value(&*e, verb, depth + 1, ro)?;
                        }
                    }
                    self.fmt.buf.push(b'}');
                } else {
                    self.fmt.buf.push(b'[');
                    for i in 0..v.len() {
                        if i > 0 {
                            self.fmt.buf.push(b' ');
                        }
                        if let Some(e) = v.index(i) {
                            self.print_value(&*e, verb, depth + 1, ro)?;
                        }
                    }
                    self.fmt.buf.push(b']');
                }
                Ok(())
            }
            Kind::Pointer => {
                if depth == 0 && !v.is_nil() {
                    if let Some(e) = v.elem() {
                        if matches!(
                            e.kind(),
                            Kind::Array | Kind::Slice | Kind::Struct | Kind::Map
                        ) {
                            self.fmt.buf.push(b'&');
                            return self.print_value(&*e, verb, depth + 1, ro);
                        }
                    }
                }
                self.fmt_pointer(v, verb)
            }
            Kind::Chan | Kind::Func | Kind::UnsafePointer => self.fmt_pointer(v, verb),
        }
    }

    /// Go's `doPrintf`.
    pub fn printf(&mut self, format: &[u8], args: &[&dyn FmtValue]) -> Result<(), PrintError> {
        // Operands unwrapped in place when there are few (no allocation
        // for a typical call), else on the heap.
        let mut few: [Option<Arg<'_>>; FEW_ARGS] = std::array::from_fn(|_| None);
        let many: Vec<Option<Arg<'_>>>;
        let unwrapped: &[Option<Arg<'_>>] = if args.len() <= FEW_ARGS {
            for (slot, &a) in few.iter_mut().zip(args) {
                *slot = unwrap_arg(a);
            }
            &few[..args.len()]
        } else {
            many = args.iter().map(|&a| unwrap_arg(a)).collect();
            &many
        };
        let arg = |i: usize| unwrapped.get(i).and_then(|a| a.as_ref().map(Arg::get));
        let nargs = args.len();
        let end = format.len();
        let mut arg_num: usize = 0;
        let mut after_index;
        self.reordered = false;
        let mut i = 0;
        'format_loop: while i < end {
            self.good_arg_num = true;
            let lasti = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.fmt.buf.extend_from_slice(&format[lasti..i]);
            }
            if i >= end {
                break;
            }
            i += 1;
            self.fmt.clear_flags();
            while i < end {
                let c = format[i];
                match c {
                    b'#' => self.fmt.flags.sharp = true,
                    b'0' => self.fmt.flags.zero = true,
                    b'+' => self.fmt.flags.plus = true,
                    b'-' => self.fmt.flags.minus = true,
                    b' ' => self.fmt.flags.space = true,
                    _ => {
                        if c.is_ascii_lowercase() && arg_num < nargs {
                            if c == b'w' {
                                self.wrapped.push(arg_num);
                            }
                            if c == b'v' || c == b'w' {
                                self.fmt.flags.sharp_v = self.fmt.flags.sharp;
                                self.fmt.flags.sharp = false;
                                self.fmt.flags.plus_v = self.fmt.flags.plus;
                                self.fmt.flags.plus = false;
                            }
                            self.print_arg(arg(arg_num), char::from(c))?;
                            arg_num += 1;
                            i += 1;
                            continue 'format_loop;
                        }
                        break;
                    }
                }
                i += 1;
            }

            (arg_num, i, after_index) = self.arg_number(arg_num, format, i, nargs);

            if i < end && format[i] == b'*' {
                i += 1;
                let (w, ok, n) = int_from_arg(unwrapped, arg_num);
                self.fmt.wid = w;
                self.fmt.flags.wid_present = ok;
                arg_num = n;
                if !ok {
                    self.fmt.buf.extend_from_slice(BAD_WIDTH);
                }
                if self.fmt.wid < 0 {
                    self.fmt.wid = -self.fmt.wid;
                    self.fmt.flags.minus = true;
                    self.fmt.flags.zero = false;
                }
                after_index = false;
            } else {
                let (w, ok, ni) = parse_num(format, i, end);
                self.fmt.wid = w;
                self.fmt.flags.wid_present = ok;
                i = ni;
                if after_index && ok {
                    self.good_arg_num = false;
                }
            }

            if i + 1 < end && format[i] == b'.' {
                i += 1;
                if after_index {
                    self.good_arg_num = false;
                }
                (arg_num, i, after_index) = self.arg_number(arg_num, format, i, nargs);
                if i < end && format[i] == b'*' {
                    i += 1;
                    let (p, ok, n) = int_from_arg(unwrapped, arg_num);
                    self.fmt.prec = p;
                    self.fmt.flags.prec_present = ok;
                    arg_num = n;
                    if self.fmt.prec < 0 {
                        self.fmt.prec = 0;
                        self.fmt.flags.prec_present = false;
                    }
                    if !self.fmt.flags.prec_present {
                        self.fmt.buf.extend_from_slice(BAD_PREC);
                    }
                    after_index = false;
                } else {
                    let (p, ok, ni) = parse_num(format, i, end);
                    self.fmt.prec = p;
                    self.fmt.flags.prec_present = ok;
                    i = ni;
                    if !ok {
                        self.fmt.prec = 0;
                        self.fmt.flags.prec_present = true;
                    }
                }
            }

            if !after_index {
                (arg_num, i, _) = self.arg_number(arg_num, format, i, nargs);
            }

            if i >= end {
                self.fmt.buf.extend_from_slice(NO_VERB);
                break;
            }

            let (r, size) = decode_rune(&format[i..]);
            let verb = char::from_u32(r).unwrap_or(char::REPLACEMENT_CHARACTER);
            i += size.max(1);

            if verb == '%' {
                self.fmt.buf.push(b'%');
            } else if !self.good_arg_num {
                self.fmt.buf.extend_from_slice(PERCENT_BANG);
                self.write_rune(verb);
                self.fmt.buf.extend_from_slice(BAD_INDEX);
            } else if arg_num >= nargs {
                self.fmt.buf.extend_from_slice(PERCENT_BANG);
                self.write_rune(verb);
                self.fmt.buf.extend_from_slice(MISSING);
            } else {
                if verb == 'w' {
                    self.wrapped.push(arg_num);
                }
                if verb == 'v' || verb == 'w' {
                    self.fmt.flags.sharp_v = self.fmt.flags.sharp;
                    self.fmt.flags.sharp = false;
                    self.fmt.flags.plus_v = self.fmt.flags.plus;
                    self.fmt.flags.plus = false;
                }
                self.print_arg(arg(arg_num), verb)?;
                arg_num += 1;
            }
        }

        if !self.reordered && arg_num < nargs {
            self.fmt.clear_flags();
            self.fmt.buf.extend_from_slice(EXTRA);
            for (k, a) in unwrapped[arg_num..].iter().enumerate() {
                if k > 0 {
                    self.fmt.buf.extend_from_slice(COMMA_SPACE);
                }
                match a.as_ref().map(Arg::get) {
                    None => self.fmt.buf.extend_from_slice(NIL_ANGLE),
                    Some(v) => {
                        let t = v.type_name();
                        self.fmt.buf.extend_from_slice(t.as_bytes());
                        self.fmt.buf.push(b'=');
                        self.print_arg(Some(v), 'v')?;
                    }
                }
            }
            self.fmt.buf.push(b')');
        }
        Ok(())
    }

    /// Go's `argNumber`: an optional `[n]` at `format[i]`.
    fn arg_number(
        &mut self,
        arg_num: usize,
        format: &[u8],
        i: usize,
        num_args: usize,
    ) -> (usize, usize, bool) {
        if format.len() <= i || format[i] != b'[' {
            return (arg_num, i, false);
        }
        self.reordered = true;
        let (index, wid, ok) = parse_arg_number(&format[i..]);
        if ok && 0 <= index && (index as usize) < num_args {
            return (index as usize, i + wid, true);
        }
        self.good_arg_num = false;
        (arg_num, i + wid, ok)
    }
}

/// Go's `tooLarge`: widths and precisions beyond ±10^6 are rejected.
fn too_large(x: i64) -> bool {
    !(-1_000_000..=1_000_000).contains(&x)
}

/// Go's `parsenum`: decimal digits from `start`; (number, present, new index).
fn parse_num(s: &[u8], start: usize, end: usize) -> (i64, bool, usize) {
    if start >= end {
        return (0, false, end);
    }
    let mut num: i64 = 0;
    let mut isnum = false;
    let mut newi = start;
    while newi < end && s[newi].is_ascii_digit() {
        if too_large(num) {
            return (0, false, end);
        }
        num = num * 10 + i64::from(s[newi] - b'0');
        isnum = true;
        newi += 1;
    }
    (num, isnum, newi)
}

/// Go's `parseArgNumber`: `[n]` at the start of `format`; (n-1, bytes
/// consumed, ok).
fn parse_arg_number(format: &[u8]) -> (i64, usize, bool) {
    if format.len() < 3 {
        return (0, 1, false);
    }
    for i in 1..format.len() {
        if format[i] == b']' {
            let (width, ok, newi) = parse_num(format, 1, i);
            if !ok || newi != i {
                return (0, i + 1, false);
            }
            return (width - 1, i + 1, true);
        }
    }
    (0, 1, false)
}

/// Go's `intFromArg`: an integer operand used as `*` width or precision.
fn int_from_arg(args: &[Option<Arg<'_>>], arg_num: usize) -> (i64, bool, usize) {
    let mut new_arg_num = arg_num;
    let mut num: i64 = 0;
    let mut is_int = false;
    if arg_num < args.len() {
        if let Some(v) = args[arg_num].as_ref().map(Arg::get) {
            let k = v.kind();
            if k.is_signed() {
                num = v.int_value();
                is_int = true;
            } else if k.is_unsigned() {
                let n = v.uint_value();
                if n <= i64::MAX as u64 {
                    num = n as i64;
                    is_int = true;
                }
            }
        }
        new_arg_num = arg_num + 1;
        if too_large(num) {
            num = 0;
            is_int = false;
        }
    }
    (num, is_int, new_arg_num)
}
