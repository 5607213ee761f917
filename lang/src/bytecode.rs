//! gol's bytecode: what the code generator emits and the VM runs.
//!
//! # The machine
//! A *register machine* in the style of Lua 5: every call frame owns a
//! window of 8-byte *slots* on its goroutine's slot stack, and instructions
//! name slots by their index in that window ([`Reg`]). One instruction does
//! the work of three or four stack-machine instructions (`AddInt r3, r1,
//! r2` instead of `load, load, add, store`), which is what makes an
//! interpreter fast: fewer dispatches, no stack-pointer traffic.
//!
//! Slots are *untyped*: the static type of every expression is known, so a
//! slot holds raw bits (an `i64`, an `f64`'s bits, 0/1 for a bool, an
//! address) and the opcode says how to read them. Opcodes are therefore
//! specialised by type (`AddInt`, `AddF64`, `ConcatStr`, `LtUint`, ...).
//! Integer arithmetic is done on 64 bits; narrower types are wrapped by an
//! explicit truncation opcode ([`Op::Sext`]/[`Op::Zext`]) after each
//! operation that can overflow them, so the common `int` case pays nothing.
//! `float32` arithmetic is done in `f64` and rounded by [`Op::RoundF32`],
//! which gives the same result as single-precision arithmetic for `+ - * /`
//! (the double rounding is innocuous for these operations at these widths).
//!
//! # Values and their words
//! * bool, every integer, floats, pointers, maps, channels, functions: 1
//!   word.
//! * string: 2 words, `(ptr, len)`; `ptr` is 0 or points at the bytes (in
//!   the heap or in the program's constant pool, which outlives the run).
//! * slice: 3 words, `(ptr, len, cap)`.
//! * complex64, complex128: 2 words, `(real, imag)`, each a float in a
//!   float's slot form (f64 bits; complex64's parts rounded to f32). The
//!   value is Go's `struct{ re, im float }` in everything but arithmetic:
//!   in memory it is two float32s (8 bytes, a narrow type) or two float64s
//!   (16 bytes), so it moves, boxes, hashes and is sent like any
//!   two-word value, and no heap object is needed per number. A one-word
//!   complex64 (two f32s packed) would save a slot but make complex64 and
//!   complex128 differ in every instruction that touches them; a pointer
//!   to a heap pair would allocate per arithmetic result.
//! * interface: **1 word**, a pointer to a *box* whose first word is the
//!   dynamic type's index in [`Program::types`] and whose remaining words
//!   hold the value (0 for a nil interface). This deviates from Go's two
//!   words on purpose: a one-word interface is loaded and stored with one
//!   machine access, so a racy program can never observe the type of one
//!   value with the data of another (architecture invariant 1), and the
//!   dynamic type always comes from the object itself. The price, an
//!   allocation per conversion of a non-pointer value, Go mostly pays too.
//! * arrays and structs: their elements' or fields' words, consecutively.
//!
//! That is a value in slots (and in interface boxes, and handed between
//! goroutines by channel operations). In memory (heap objects, slices'
//! arrays, boxed and package variables, map entries, channel buffers) a
//! value has Go's layout instead, each scalar at its
//! own size: see [`TypeDesc::size`] and [`TypeDesc::narrow`], the
//! `LoadN`/`StoreN`/`LoadValue`/`StoreValue` instructions, and the VM's
//! layout module.
//!
//! # Calls
//! A call names the first slot of the argument area (`base`); the callee's
//! window starts there, so parameters are the callee's slots `0..`, and it
//! returns its results in its slots `0..` too (Lua's convention: no copying
//! of arguments). The caller always puts `base` above every slot it still
//! needs.
//!
//! # Rejected alternatives
//! * A stack machine: simpler code generation, but 2-4x more dispatches.
//! * Tagged values (`enum Value`): a tag check on every operation the type
//!   checker has already proven unnecessary, and twice the memory.
//! * Threaded code or closures per instruction: faster dispatch, but
//!   unreadable disassembly and harder to make preemptible; a `match` over a
//!   compact enum is within a small factor and keeps one line per opcode.

use std::fmt;

/// A slot of the current frame's window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reg(pub u32);

/// An index into [`Program::strings`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StrId(pub u32);

/// An index into [`Program::funcs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct FuncId(pub u32);

/// An index into [`Program::natives`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NativeId(pub u32);

/// An index into [`Program::types`]: a runtime type descriptor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RtType(pub u32);

/// An instruction index within the current function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pc(pub u32);

/// A word offset inside a heap object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Off(pub u32);

/// Which bound operands of an indexing or slicing instruction have an
/// unsigned type: bit k for bound k (an index is bound 0; a slice
/// expression's low, high and max bounds are 0, 1 and 2). A bound is held
/// in its slot as a word, so an unsigned one past MaxInt64 reads as a
/// negative int; the bounds checks compare words unsigned, which is right
/// for both kinds, and only a failed check's message differs: Go prints a
/// negative signed bound alone (`index out of range [-1]`) and an unsigned
/// one as the number it is, with the length
/// (`index out of range [18446744073709551615] with length 3`), as its
/// `boundsError.signed` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Unsigned(pub u8);

impl Unsigned {
    /// All bounds signed (an `int` loop counter, a constant).
    pub const NONE: Unsigned = Unsigned(0);

    /// Bound 0 (the index) unsigned when `u`.
    pub fn index(u: bool) -> Unsigned {
        Unsigned(u as u8)
    }

    /// A slice expression's bounds: low, high and max unsigned when set.
    pub fn slice(lo: bool, hi: bool, max: bool) -> Unsigned {
        Unsigned(lo as u8 | (hi as u8) << 1 | (max as u8) << 2)
    }

    /// Whether bound `k` has an unsigned type.
    pub fn bound(self, k: u32) -> bool {
        self.0 >> k & 1 != 0
    }
}

/// Bit widths for the truncation opcodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Width {
    W8,
    W16,
    W32,
}

impl Width {
    pub fn bits(self) -> u32 {
        match self {
            Width::W8 => 8,
            Width::W16 => 16,
            Width::W32 => 32,
        }
    }
}

/// A scalar stored narrower than a word in memory, loaded into a slot
/// sign- or zero-extended (`F32` as the f64 bits slots hold floats in).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MemKind {
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    F32,
}

impl MemKind {
    /// Bytes in memory.
    pub fn bytes(self) -> u32 {
        match self {
            MemKind::I8 | MemKind::U8 => 1,
            MemKind::I16 | MemKind::U16 => 2,
            MemKind::I32 | MemKind::U32 | MemKind::F32 => 4,
        }
    }
}

/// One step of converting a narrow type's value between its slot words
/// and its memory bytes: at memory byte `moff` and slot word `soff` of
/// the value lies `what`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Conv {
    pub moff: u64,
    pub soff: u32,
    pub what: ConvPart,
}

/// What a [`Conv`] step moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConvPart {
    /// One narrow scalar.
    Scalar(MemKind),
    /// `n` whole words, the same in both layouts.
    Words(u32),
    /// A value of a narrow struct or array type, converted by its own
    /// steps.
    Part(RtType),
    /// `n` elements of narrow type `elem` (a scalar or a narrow part),
    /// `stride` bytes apart in memory and `elem`'s words apart in slots.
    Array { n: u64, elem: RtType },
}

/// What a runtime error panics with (Go's `runtime.Error` messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    /// `integer divide by zero`
    DivideByZero,
    /// `invalid memory address or nil pointer dereference`
    NilDeref,
    /// `assignment to entry in nil map`
    NilMapWrite,
}

/// How a value is printed by the `print`/`println` builtins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrintKind {
    Bool,
    Int,
    Uint,
    F64,
    F32,
    /// 2 words.
    Str,
    /// A pointer, map, channel or function: `0x...`.
    Pointer,
    /// An interface: `(0xtype,0xdata)`.
    Iface,
    /// A slice: `[len/cap]0xptr`.
    Slice,
    /// A space (between `println` operands).
    Space,
    /// A newline (after `println`'s operands).
    Newline,
    /// 2 words: a complex64, `(re+imi)`.
    Complex64,
    /// 2 words: a complex128.
    Complex128,
}

pub use crate::opcode::{Op, Role};

/// The math functions [`Op::MathF64`] computes inline: each is one
/// IEEE-754 operation with Go's exact semantics (Rust's `f64::sqrt`,
/// `abs`, `floor`, `ceil`, `trunc` agree with Go on NaN, infinities and
/// signed zeros).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MathFn {
    Sqrt,
    Abs,
    Floor,
    Ceil,
    Trunc,
}

/// The types `recover` gives runtime errors, as Go names them: part of
/// the contract between a program and the VM. The code generator adds
/// them to every program that can panic (`Gen::runtime_error_type`), and
/// the VM finds them by these names when it loads the program.
pub const RUNTIME_ERROR_TYPES: [&str; 5] = [
    "runtime.errorString",
    "runtime.boundsError",
    "runtime.plainError",
    "*runtime.TypeAssertionError",
    "*runtime.PanicNilError",
];

/// A runtime type descriptor: what `%T`, `%v`, type switches, interface
/// boxing and the collector need to know about a type.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeDesc {
    /// Go's spelling (`int`, `main.T`, `[]string`, `*main.T`).
    pub name: String,
    pub kind: TypeKind,
    /// Size in words in slots (registers), where every scalar takes a
    /// word; interface boxes hold values in this layout too.
    pub words: u32,
    /// Which of those words are heap pointers (bit i = word i), for the
    /// collector's precise layout of objects holding this type.
    pub ptr_mask: Vec<u64>,
    /// Size in bytes in memory: heap objects (`new`, boxed variables),
    /// arrays behind slices, globals, map entries, channel buffers. Go's
    /// layout on amd64 (fields at their own sizes and alignments, arrays
    /// packed), an interface being gol's one word. For a type that is not [`TypeDesc::narrow`] it is
    /// `8 * words`, and memory holds the slot words unchanged.
    pub size: u64,
    /// Go's alignment of the type (1, 2, 4 or 8).
    pub align: u32,
    /// Whether the memory layout differs from the slot layout: the type
    /// holds a `bool`, `int8`...`int32`, `uint8`...`uint32` or `float32`.
    /// Moving such a value between memory and slots converts it through
    /// [`TypeDesc::conv`].
    pub narrow: bool,
    /// For a narrow type: the pointer mask over its memory words (for
    /// other types `ptr_mask` is that mask; see [`TypeDesc::mem_mask`]).
    pub narrow_mask: Vec<u64>,
    /// For a narrow type: how its slot words map onto its memory bytes,
    /// one entry per scalar, run of whole words, or narrow part.
    pub conv: Vec<Conv>,
    /// The method set, sorted by [`Method::key`]: for a concrete type the
    /// functions implementing each method for its values (for `*T`: every
    /// method of `T` and `*T`, and those promoted from embedded fields);
    /// for an interface type the methods it requires.
    pub methods: Vec<Method>,
    /// The [`Method::id`]s of `methods`, ascending: the implements check
    /// is a merge of two of these.
    pub method_ids: Vec<u32>,
}

/// One method of a [`TypeDesc`]'s method set.
///
/// Go's identity of a method is its name, the package that declared the
/// name when it is unexported, and its signature: a type with `M() int`
/// lacks the `M() string` of an interface, and an unexported `m` declared
/// in package `flag` is not the `m` an interface of `main` asks for. All
/// three are here, and numbered as one `id`, so that the run-time
/// implements check ([`Program::missing_method`]) is Go's and compares
/// integers only. A signature is the descriptor of the method's func type
/// without the receiver; descriptors are interned by type identity
/// (identical types share one), so two methods have identical signatures
/// exactly when their `sig` indices are equal.
#[derive(Clone, Debug, PartialEq)]
pub struct Method {
    pub name: String,
    /// The declaring package of an unexported name (the index of its
    /// import path in `strings`: one per package, and stable as a
    /// session's program grows); None when exported.
    pub pkg: Option<u32>,
    /// The func type of the method without its receiver.
    pub sig: RtType,
    /// The method's identity: equal for two methods of a program exactly
    /// when their names, packages and signatures are.
    pub id: u32,
    /// The function implementing the method for the type's values
    /// (`FuncId(u32::MAX)` in an interface type's descriptor: unused).
    pub func: FuncId,
}

impl Method {
    /// The order of a method table: by name, then package.
    pub fn key(&self) -> (&str, Option<u32>) {
        (&self.name, self.pkg)
    }
}

impl TypeDesc {
    /// The pointer mask over the value's memory words.
    #[inline]
    pub fn mem_mask(&self) -> &[u64] {
        if self.narrow {
            &self.narrow_mask
        } else {
            &self.ptr_mask
        }
    }

    /// The narrow scalar this type is, if it is one.
    #[inline]
    pub fn mem_kind(&self) -> Option<MemKind> {
        match (self.narrow, &self.kind) {
            (true, TypeKind::Bool) => Some(MemKind::U8),
            (true, TypeKind::Int { bits, signed }) => Some(match (bits, signed) {
                (8, true) => MemKind::I8,
                (8, false) => MemKind::U8,
                (16, true) => MemKind::I16,
                (16, false) => MemKind::U16,
                (32, true) => MemKind::I32,
                _ => MemKind::U32,
            }),
            (true, TypeKind::Float { .. }) => Some(MemKind::F32),
            _ => None,
        }
    }

    /// The method named `name` (the first of that name: only unexported
    /// methods of different packages share one), for calls through an
    /// interface and natives that look a method up by name.
    #[inline]
    pub fn method(&self, name: &[u8]) -> Option<&Method> {
        let k = self.methods.partition_point(|m| m.name.as_bytes() < name);
        self.methods.get(k).filter(|m| m.name.as_bytes() == name)
    }
}

/// The shape of a runtime type.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeKind {
    Bool,
    Int {
        bits: u32,
        signed: bool,
    },
    Float {
        bits: u32,
    },
    String,
    Pointer(RtType),
    Slice(RtType),
    Array(u64, RtType),
    Struct(Vec<StructField>),
    Map(RtType, RtType),
    Chan(RtType),
    Func,
    Interface,
    /// `uintptr`.
    Uintptr,
    /// complex64 (`bits` 64) or complex128 (128): two float slots (real,
    /// imag); in memory two float32s or two float64s.
    Complex {
        bits: u32,
    },
}

/// A struct field in a [`TypeDesc`].
#[derive(Clone, Debug, PartialEq)]
pub struct StructField {
    pub name: String,
    pub ty: RtType,
    /// Word offset within the struct in slots.
    pub off: u32,
    /// Byte offset within the struct in memory.
    pub moff: u64,
    pub embedded: bool,
    /// The field's tag ("" for none), read by encoding/json.
    pub tag: String,
}

/// One compiled function.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Function {
    /// Go's name in traces: `main.f`, `main.(*T).M`, `main.main.func1`.
    pub name: String,
    pub code: Vec<Op>,
    /// Source line of each instruction (parallel to `code`).
    pub lines: Vec<u32>,
    /// Index of the file of the function's first instruction in
    /// [`Program::files`].
    pub file: u32,
    /// `(pc, file)`: from instruction `pc` on, the code is in `file`
    /// (sorted by pc; each pc > 0). Empty but where a line directive
    /// changes the file inside the function (`/*line x.go:9*/`), so the
    /// table costs nothing otherwise. Read it through
    /// [`Function::file_at`].
    pub file_runs: Vec<(u32, u32)>,
    /// Words of parameters (the receiver first).
    pub param_words: u32,
    /// Words of results.
    pub result_words: u32,
    /// Size of the window: every slot any instruction names is below it.
    pub frame_words: u32,
    /// Where a frame resumes when a deferred call of its own recovered a
    /// panic: code that returns the current named results (or zeroes).
    pub recover_pc: u32,
}

impl Function {
    /// The index in [`Program::files`] of the file instruction `pc` is
    /// in (with [`Function::lines`], its reported position).
    #[inline]
    pub fn file_at(&self, pc: usize) -> u32 {
        match self.file_runs.partition_point(|r| r.0 as usize <= pc) {
            0 => self.file,
            k => self.file_runs[k - 1].1,
        }
    }
}

/// Whether a name of [`Program::files`] names no file on disk: a
/// `<...>` pseudo-file (a session's input) or `??`, Go's name for the
/// file of an unnamed line directive. Traces print such names as they
/// are; other relative names are joined to the working directory.
pub fn is_pseudo_file(name: &str) -> bool {
    name.starts_with('<') || name == "??"
}

/// A file of [`Program::files`] as Go's tracebacks and `runtime.Caller`
/// name it: an absolute path (a relative name joined to `cwd` and
/// cleaned, as Go prints the absolute path the compiler saw), a
/// pseudo-file as it is.
pub fn trace_path(cwd: Option<&std::path::Path>, name: &str) -> String {
    match cwd {
        Some(c) if !name.starts_with('/') && !is_pseudo_file(name) => {
            crate::source::clean_path(&format!("{}/{name}", c.display()))
        }
        _ => name.to_string(),
    }
}

/// A native (Rust-implemented) function the program calls.
#[derive(Clone, Debug, PartialEq)]
pub struct NativeDecl {
    /// `fmt.Println`, `os.Exit`, `strings.(*Builder).WriteString`.
    pub name: String,
    pub param_words: u32,
    pub result_words: u32,
    /// The words of each parameter and result, in order (so a native can
    /// find its arguments without knowing Go types).
    pub params: Vec<RtType>,
    pub results: Vec<RtType>,
    pub variadic: bool,
}

/// A compiled program.
#[derive(Clone, Debug, Default)]
pub struct Program {
    pub funcs: Vec<Function>,
    pub natives: Vec<NativeDecl>,
    pub types: Vec<TypeDesc>,
    /// Constant strings (the bytes of every string literal).
    pub strings: Vec<Vec<u8>>,
    /// Source file names (as given to the checker).
    pub files: Vec<String>,
    /// Words of package-level variables.
    pub global_words: u32,
    /// The function that initializes every package and then calls `main.main`.
    pub entry: FuncId,
}

impl Program {
    /// The descriptor of a runtime type.
    pub fn ty(&self, t: RtType) -> &TypeDesc {
        &self.types[t.0 as usize]
    }

    /// The name of the first method interface type `iface` requires that
    /// type `dt` lacks, or None when `dt` implements `iface`. A method is
    /// had when `dt` has one of the same name, package and signature, that
    /// is of the same [`Method::id`]. The fast path merges the two sorted
    /// id lists (integer comparisons, O(|dt| + |iface|)); only a failed
    /// check looks for the name to report, in the interface's method
    /// order (by name), as Go's message names it.
    #[inline]
    pub fn missing_method(&self, dt: RtType, iface: RtType) -> Option<&str> {
        let have = &self.ty(dt).method_ids;
        let want = &self.ty(iface).method_ids;
        let mut j = 0;
        for &w in want {
            while j < have.len() && have[j] < w {
                j += 1;
            }
            if have.get(j) != Some(&w) {
                return Some(self.first_missing(dt, iface));
            }
            j += 1;
        }
        None
    }

    #[cold]
    fn first_missing(&self, dt: RtType, iface: RtType) -> &str {
        let have = &self.ty(dt).method_ids;
        let methods = &self.ty(iface).methods;
        methods
            .iter()
            .find(|m| have.binary_search(&m.id).is_err())
            .or(methods.first())
            .map_or("", |m| &m.name)
    }

    /// Whether this program extends `old` append-only, as a session's
    /// next program must (`codegen::compile_session`): every function,
    /// type, string, native and file of `old` at the same index and
    /// unchanged, and at least its package variables. The error names the
    /// first difference.
    pub fn extends(&self, old: &Program) -> Result<(), String> {
        fn prefix<T: PartialEq>(
            what: &str,
            new: &[T],
            old: &[T],
            name: impl Fn(usize) -> String,
        ) -> Result<(), String> {
            if new.len() < old.len() {
                return Err(format!("fewer {what} ({} < {})", new.len(), old.len()));
            }
            match old.iter().zip(new).position(|(a, b)| a != b) {
                Some(i) => Err(format!("changes {what} {i}{}", name(i))),
                None => Ok(()),
            }
        }
        let fname = |i: usize| {
            old.funcs
                .get(i)
                .map_or(String::new(), |f| format!(" ({})", f.name))
        };
        prefix("functions", &self.funcs, &old.funcs, fname)?;
        prefix("types", &self.types, &old.types, |_| String::new())?;
        prefix("strings", &self.strings, &old.strings, |_| String::new())?;
        prefix("natives", &self.natives, &old.natives, |_| String::new())?;
        prefix("files", &self.files, &old.files, |_| String::new())?;
        if self.global_words < old.global_words {
            return Err(format!(
                "fewer package variable words ({} < {})",
                self.global_words, old.global_words
            ));
        }
        Ok(())
    }

    /// The bytecode listing of every function, with source lines: what
    /// `gol disasm` prints.
    pub fn disassemble(&self) -> String {
        let mut out = String::new();
        for (i, f) in self.funcs.iter().enumerate() {
            let file = self.files.get(f.file as usize).map_or("?", |s| s.as_str());
            out.push_str(&format!(
                "func {} #{} ({}; params {} words, results {} words, frame {} words)\n",
                f.name, i, file, f.param_words, f.result_words, f.frame_words
            ));
            let mut last_line = u32::MAX;
            let mut runs = f.file_runs.iter().peekable();
            for (pc, op) in f.code.iter().enumerate() {
                if let Some((_, k)) = runs.next_if(|r| r.0 as usize == pc) {
                    let name = self.files.get(*k as usize).map_or("?", |s| s.as_str());
                    out.push_str(&format!("            (in {name})\n"));
                    last_line = u32::MAX;
                }
                let line = f.lines.get(pc).copied().unwrap_or(0);
                let l = if line != last_line {
                    last_line = line;
                    format!("{line:>5}")
                } else {
                    "     ".to_string()
                };
                out.push_str(&format!("{l} {pc:>5}  {}\n", OpDisplay(op, self)));
            }
            out.push('\n');
        }
        out
    }
}

struct OpDisplay<'a>(&'a Op, &'a Program);

impl fmt::Display for OpDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.1;
        match *self.0 {
            Op::LoadStr { d, s } => {
                let text = p
                    .strings
                    .get(s.0 as usize)
                    .map(|b| String::from_utf8_lossy(b));
                write!(f, "LoadStr r{} {:?}", d.0, text.unwrap_or_default())
            }
            Op::Call { f: func, base } => {
                let name = p
                    .funcs
                    .get(func.0 as usize)
                    .map_or("?", |x| x.name.as_str());
                write!(f, "Call {name} base=r{}", base.0)
            }
            Op::CallNative { f: n, base } => {
                let name = p.natives.get(n.0 as usize).map_or("?", |x| x.name.as_str());
                write!(f, "CallNative {name} base=r{}", base.0)
            }
            ref op => {
                // The derived Debug form, with `Reg(3)` shortened to `r3`.
                let s = format!("{op:?}");
                f.write_str(&shorten(&s))
            }
        }
    }
}

/// `AddInt { d: Reg(1), a: Reg(2) }` -> `AddInt d=r1 a=r2`.
fn shorten(s: &str) -> String {
    let mut out = s
        .replace(" { ", " ")
        .replace(" }", "")
        .replace(": ", "=")
        .replace(", ", " ");
    for (from, to) in [
        ("Reg(", "r"),
        ("Pc(", "@"),
        ("RtType(", "T"),
        ("Off(", "+"),
        ("Unsigned(", ""),
        ("FuncId(", "f"),
        ("StrId(", "s"),
    ] {
        while let Some(i) = out.find(from) {
            let rest = &out[i + from.len()..];
            let Some(close) = rest.find(')') else { break };
            let inner = rest[..close].to_string();
            out = format!("{}{}{}{}", &out[..i], to, inner, &rest[close + 1..]);
        }
    }
    out
}

/// Slots a `range` over a map keeps its iterator in ([`Op::MapIter`],
/// [`Op::MapNext`]).
pub const MAP_ITER_WORDS: u32 = 6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn op_stays_small() {
        // Dispatch speed depends on a compact instruction stream.
        assert!(
            std::mem::size_of::<Op>() <= 24,
            "{}",
            std::mem::size_of::<Op>()
        );
    }

    #[test]
    fn shorten_debug_form() {
        let op = Op::AddInt {
            d: Reg(1),
            a: Reg(2),
            b: Reg(3),
        };
        assert_eq!(shorten(&format!("{op:?}")), "AddInt d=r1 a=r2 b=r3");
        let op = Op::JumpIfNot {
            a: Reg(0),
            to: Pc(7),
        };
        assert_eq!(shorten(&format!("{op:?}")), "JumpIfNot a=r0 to=@7");
        let op = Op::Call {
            f: FuncId(3),
            base: Reg(4),
        };
        assert_eq!(shorten(&format!("{op:?}")), "Call f=f3 base=r4");
    }
}
