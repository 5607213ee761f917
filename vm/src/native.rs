//! The interface between the VM and native (Rust) functions.
//!
//! A native reads its arguments through typed accessors by parameter
//! index ([`NativeCtx::str`], [`NativeCtx::int`], [`NativeCtx::slice`],
//! ...), writes its results over the same window (`set_result`), and may
//! allocate strings, slices and interface boxes.
//!
//! # Typed arguments and results
//! Every native states, beside its code, the Go signature it implements
//! ([`Native::sig`]: `func(s string, substr string) int`). When the
//! program is loaded, each native's declared Go signature is turned into
//! a table of [`Param`]s for its parameters and results (first word,
//! words, [`ArgKind`]), once ([`params_of`]), and the stated signature is
//! compared with that declaration type by type ([`sig`]): a native whose
//! code was written for another signature than the one the program was
//! compiled against refuses the program, naming the native, the
//! parameter and both types, before any of it runs. An accessor finds the
//! parameter's words from the table and checks that the declared kind is
//! the one it reads: a native declared `func(s string, n int)` reads
//! parameter 0 only with `str` and 1 only with `int`; results are written
//! the same way (`ret_str`, `ret_int`, ...; `set_result` refuses a word
//! past the declared results). These run-time checks stay as a second
//! line behind the load-time one: they catch a native whose code strays
//! from its own statement, on the path that strays. Such a native dies
//! with a fatal error naming the native, the parameter and both kinds,
//! before it touches the words: the words of an `int` are never taken for
//! a string's pointer. Raw word access is private to this module. A
//! native returns [`NativeResult`]: normal
//! return, a Go panic (delivered to the calling goroutine, recoverable), or
//! process exit. Natives run between safepoints: the collector cannot run
//! while a native holds heap addresses (architecture invariant 5), because
//! collection only happens between interpreter slices.
//!
//! # Calling back into Go
//! [`NativeCtx::call`] runs a Go function (a method such as `String()` or
//! `Error()`, or a func value) to completion on the *same* goroutine and
//! returns its result words: fmt needs it for `Stringer` and `error`
//! values, errors for `Is`/`As`/`Unwrap` methods. It is defined in the
//! interpreter (interp/nested.rs, `run_nested`: native.rs sits below the
//! interpreter and does not know it), which pushes the callee above the
//! native's window and runs a nested interpreter loop until the callee
//! returns. Its limits, each chosen to keep the VM safe rather than fast:
//! * Nesting is capped at [`MAX_NESTED_CALLS`] (a `String` method that
//!   prints its own receiver recurses through Rust frames); past it the
//!   call fails with [`CallError::TooDeep`], which natives report as Go's
//!   `fatal error: stack overflow`.
//! * A nested call may wait (its callee blocks, or yields to a
//!   preemption: interp/nested.rs), and collections run meanwhile: a
//!   native holds nothing across it that its arguments or the callee's
//!   do not reach (the callee's are kept until it returns), unless it
//!   keeps it with a [`Kept`] guard ([`NativeCtx::kept`]): the objects it
//!   made and has not stored, the words it copied out of memory the
//!   callee may overwrite. `runtime.GC` inside one does not collect.
//! * The caller's deferred calls and panic state are set aside while the
//!   callee runs: a panic in the callee that it does not recover itself
//!   ends the nested call with [`CallError::Panic`] instead of unwinding
//!   the native's callers. fmt turns it into Go's
//!   `%!v(PANIC=String method: ...)`; other natives re-raise it with
//!   [`CallError::into_result`] (a runtime error keeps its message; any
//!   other value is re-raised as it is, so `recover` in the native's
//!   callers gets the callee's value).

mod net;
mod services;
mod sig;
mod stack;

use crate::goroutine::{PanicValue, G};
use crate::value;
use crate::Vm;
use gol_lang::bytecode::{FuncId, Program, RtType, TypeKind};
use std::io::Write;
use std::sync::Arc;

pub use crate::interp::Kept;
pub use gol_gc::MemStats;
/// Bracket-aware splitting of type names, for natives that read a
/// runtime type's name (text/template reads a func type's parameters).
pub use sig::{close_of, split_top};

/// How deeply natives may nest calls back into Go (`String` calling
/// `Sprintf` calling `String`...): each level holds Rust frames of the
/// interpreter and the native.
pub(crate) const MAX_NESTED_CALLS: u32 = 48;

/// Why a call from a native back into Go did not return normally.
#[derive(Debug)]
pub enum CallError {
    /// The callee panicked and did not recover: the panic value as an
    /// interface word (runtime errors boxed as `recover` returns them, see
    /// [`panic_word`]) and, for runtime errors, the message.
    Panic { value: u64, runtime: Option<String> },
    /// The callee called `os.Exit`.
    Exit(i32),
    /// A fatal error (already reported on stderr): exit status 2.
    Fatal,
    /// Calls nested deeper than [`MAX_NESTED_CALLS`].
    TooDeep,
}

/// A native function.
pub type NativeFn = fn(&mut NativeCtx<'_>) -> NativeResult;

/// How a native ends.
#[derive(Debug)]
pub enum NativeResult {
    Ok,
    /// A Go panic with a string value (`panic(msg)` semantics).
    Panic(String),
    /// A runtime error (`runtime error: ` + message).
    RuntimeError(String),
    /// A Go panic with this value (an interface word): a panic of Go code
    /// the native called, continuing in the native's caller unchanged.
    PanicValue(u64),
    /// `os.Exit(code)`.
    Exit(i32),
    /// `runtime.Gosched`: the goroutine yields its P (see `exec`).
    Yield,
    /// The goroutine parks (a sleep's timer or a semaphore will ready it).
    Block(crate::sched::WaitReason),
    /// `runtime.Goexit`: run the goroutine's deferred calls and end it.
    Goexit,
    /// A fatal error of the program (Go's `fatal`, as for unlocking an
    /// unlocked mutex): not recoverable; the program dies printing
    /// `fatal error: ` and the message, then the goroutine's stack.
    Fatal(String),
}

/// What a native may read a parameter as: the shape of its declared Go
/// type. A native reads each parameter through the accessor of its kind
/// ([`NativeCtx::str`], [`NativeCtx::int`], ...), never as raw words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    Bool,
    /// A signed integer (`int`, `rune`, `int64`, ...; named types too).
    Int,
    /// An unsigned integer or `uintptr`.
    Uint,
    Float,
    Str,
    Slice,
    /// An interface: one word, a box pointer (see the bytecode docs).
    Iface,
    /// One word that refers to an object: pointer, map, channel, func.
    Ref,
    /// An array or struct: its words, read by [`NativeCtx::words`].
    Aggregate,
}

impl ArgKind {
    /// The kind of runtime type `t` of `prog`.
    pub(crate) fn of(prog: &Program, t: RtType) -> ArgKind {
        match prog.types.get(t.0 as usize).map(|d| &d.kind) {
            Some(TypeKind::Bool) => ArgKind::Bool,
            Some(TypeKind::Int { signed: true, .. }) => ArgKind::Int,
            Some(TypeKind::Int { signed: false, .. }) | Some(TypeKind::Uintptr) => ArgKind::Uint,
            Some(TypeKind::Float { .. }) => ArgKind::Float,
            Some(TypeKind::String) => ArgKind::Str,
            Some(TypeKind::Slice(_)) => ArgKind::Slice,
            Some(TypeKind::Interface) => ArgKind::Iface,
            Some(TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(_) | TypeKind::Func) => {
                ArgKind::Ref
            }
            Some(TypeKind::Array(..) | TypeKind::Struct(_) | TypeKind::Complex { .. }) | None => {
                ArgKind::Aggregate
            }
        }
    }
}

/// Where a native's parameter (or result) is in its window and what it
/// may be read (or written) as: computed once per native when the program
/// is loaded, from the native's declared Go signature ([`params_of`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    /// First word of the parameter in the window.
    pub word: u32,
    /// Its words.
    pub words: u32,
    pub kind: ArgKind,
    pub ty: RtType,
}

/// A native's parameters and results as its declaration lays them out
/// (both windows start at the native's first argument word).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signature {
    pub params: Box<[Param]>,
    pub results: Box<[Param]>,
}

/// A native as a library registers it: its code and the Go signature that
/// code implements, written beside it (see [`sig`]).
#[derive(Clone, Copy, Debug)]
pub struct Native {
    pub f: NativeFn,
    /// The Go signature the code reads and writes, as Go spells a func
    /// type (`func(s, substr string) int`; a method as its method
    /// expression, the receiver first: `func(m *Mutex)`). `None` only for
    /// a stand-in that reads no parameter and writes no result (a method
    /// gol does not implement, which panics saying so).
    pub sig: Option<&'static str>,
}

impl Native {
    /// `f`, implementing the Go signature `sig`.
    pub const fn new(f: NativeFn, sig: &'static str) -> Native {
        Native { f, sig: Some(sig) }
    }

    /// A stand-in that touches neither parameters nor results.
    pub const fn stand_in(f: NativeFn) -> Native {
        Native { f, sig: None }
    }
}

/// The words of `types` laid out one after another, with their kinds.
fn layout(prog: &Program, name: &str, types: &[RtType]) -> Result<(Box<[Param]>, u32), String> {
    let mut word = 0u32;
    let mut out = Vec::with_capacity(types.len());
    for &t in types {
        let Some(desc) = prog.types.get(t.0 as usize) else {
            return Err(format!("native {name} has a parameter of unknown type"));
        };
        out.push(Param {
            word,
            words: desc.words,
            kind: ArgKind::of(prog, t),
            ty: t,
        });
        word += desc.words;
    }
    Ok((out.into(), word))
}

/// The signature of native `i` of `prog` as its declaration lays it out,
/// after checking the Go signature its code states (`stated`, see
/// [`Native::sig`]) against that declaration. An error refuses the
/// program at load time: the declaration is inconsistent (its parameters'
/// words do not add up to its `param_words`), or the native implements
/// another signature than the one the program was compiled against (a
/// broken gol: see [`sig`]).
pub(crate) fn params_of(
    prog: &Program,
    i: usize,
    stated: Option<&str>,
) -> Result<Signature, String> {
    let d = &prog.natives[i];
    let (params, pw) = layout(prog, &d.name, &d.params)?;
    let (results, rw) = layout(prog, &d.name, &d.results)?;
    if pw != d.param_words || rw != d.result_words {
        return Err(format!(
            "native {} declares {} parameter and {} result words, its types take {pw} and {rw}",
            d.name, d.param_words, d.result_words
        ));
    }
    if let Some(stated) = stated {
        sig::check(prog, d, stated)
            .map_err(|e| format!("gol is broken: native {}: {e}", d.name))?;
    }
    Ok(Signature { params, results })
}

/// A native's view of the VM during one call.
pub struct NativeCtx<'a> {
    pub(crate) vm: &'a mut Vm,
    /// The running slice's scheduler context and executor (None outside
    /// the scheduler): see `rt::SliceCx`.
    pub(crate) sl: Option<crate::rt::SliceCx<'a>>,
    pub(crate) g: &'a mut G,
    pub(crate) base: usize,
    pub(crate) native: usize,
}

impl NativeCtx<'_> {
    /// A shorter-lived context for the same native call (to lend to a
    /// helper that keeps it, such as fmt's value walker).
    pub fn reborrow(&mut self) -> NativeCtx<'_> {
        NativeCtx {
            vm: &mut *self.vm,
            sl: self.sl,
            g: &mut *self.g,
            base: self.base,
            native: self.native,
        }
    }

    /// Argument word `i` (arguments are laid out in parameter order, each
    /// taking its type's words). Natives use the typed accessors below.
    fn arg(&self, i: usize) -> u64 {
        self.g.stack.get(self.base + i).copied().unwrap_or(0)
    }

    /// Parameter `k`, which the native reads as one of `kinds`. Reading a
    /// parameter as a kind its declared Go type is not is a broken VM
    /// invariant (the native and its declaration disagree): a fatal error
    /// naming both, never a reinterpretation of the words. Loading checked
    /// the native's stated signature against the declaration already (see
    /// [`sig`]); this check keeps a native whose code strays from its own
    /// statement from reading words as what they are not.
    fn param(&self, k: usize, kinds: &[ArgKind]) -> Param {
        let ps = &self.vm.native_params[self.native].params;
        match ps.get(k) {
            Some(p) if kinds.contains(&p.kind) => *p,
            found => self.mismatch("reads parameter", k, kinds, found.copied()),
        }
    }

    /// Result `k`, which the native writes as one of `kinds` (see
    /// [`NativeCtx::param`]).
    fn result(&self, k: usize, kinds: &[ArgKind]) -> Param {
        let rs = &self.vm.native_params[self.native].results;
        match rs.get(k) {
            Some(p) if kinds.contains(&p.kind) => *p,
            found => self.mismatch("writes result", k, kinds, found.copied()),
        }
    }

    #[cold]
    fn mismatch(&self, what: &str, k: usize, kinds: &[ArgKind], found: Option<Param>) -> ! {
        let declared = found.map_or("no such one".to_string(), |p| {
            format!("declared {}", self.vm.prog.ty(p.ty).name)
        });
        let msg = format!(
            "native {} {what} {k} as {:?} ({declared})",
            self.name(),
            kinds
        );
        self.die(&msg)
    }

    #[cold]
    fn die(&self, msg: &str) -> ! {
        let _ = self.vm.stdout.clone().flush();
        crate::panic::fatal(self.vm, self.g, msg);
        std::process::exit(2)
    }

    /// The declared parameters of this native (see [`params_of`]).
    pub fn params(&self) -> &[Param] {
        &self.vm.native_params[self.native].params
    }

    /// The declared results of this native (see [`params_of`]).
    pub fn results(&self) -> &[Param] {
        &self.vm.native_params[self.native].results
    }

    /// String parameter `k`'s bytes, borrowed: no copy. Strings are never
    /// written after they are made, and the argument's slots keep this
    /// one alive for the whole call (no collection runs during a native).
    pub fn str_ref(&self, k: usize) -> &[u8] {
        let p = self.param(k, &[ArgKind::Str]).word as usize;
        // SAFETY: the declared type of the parameter is a string, so its
        // words are a string value made by this VM (value invariant 1),
        // immutable and alive while the call's slots hold it.
        unsafe { value::str_bytes(self.arg(p), self.arg(p + 1)) }
    }

    /// String parameter `k`'s words `(ptr, len)` (to return it unchanged).
    pub fn str_words(&self, k: usize) -> (u64, u64) {
        let p = self.param(k, &[ArgKind::Str]).word as usize;
        (self.arg(p), self.arg(p + 1))
    }

    /// String parameter `k`'s bytes.
    pub fn str(&self, k: usize) -> Vec<u8> {
        let p = self.param(k, &[ArgKind::Str]).word as usize;
        // SAFETY: the declared type of the parameter is a string, so its
        // words are a string value made by this VM (value invariant 1); no
        // collection runs during a native.
        unsafe { value::str_bytes(self.arg(p), self.arg(p + 1)) }.to_vec()
    }

    /// Signed integer parameter `k` (any width, sign-extended as slots
    /// hold it).
    pub fn int(&self, k: usize) -> i64 {
        self.arg(self.param(k, &[ArgKind::Int]).word as usize) as i64
    }

    /// Unsigned integer (or `uintptr`) parameter `k`.
    pub fn uint(&self, k: usize) -> u64 {
        self.arg(self.param(k, &[ArgKind::Uint]).word as usize)
    }

    /// Integer parameter `k` of either signedness, as its 64 bits (for
    /// natives shared by `int` and `uint` variants, such as atomics).
    pub fn int_bits(&self, k: usize) -> u64 {
        self.arg(self.param(k, &[ArgKind::Int, ArgKind::Uint]).word as usize)
    }

    /// Float parameter `k` (`float32` too: slots hold floats as `f64`).
    pub fn float(&self, k: usize) -> f64 {
        f64::from_bits(self.arg(self.param(k, &[ArgKind::Float]).word as usize))
    }

    /// Bool parameter `k`.
    pub fn bool(&self, k: usize) -> bool {
        self.arg(self.param(k, &[ArgKind::Bool]).word as usize) != 0
    }

    /// Slice parameter `k` as (ptr, len, cap).
    pub fn slice(&self, k: usize) -> (u64, u64, u64) {
        let p = self.param(k, &[ArgKind::Slice]).word as usize;
        (self.arg(p), self.arg(p + 1), self.arg(p + 2))
    }

    /// The element type of slice parameter `k`.
    pub fn slice_elem(&self, k: usize) -> RtType {
        let p = self.param(k, &[ArgKind::Slice]);
        match self.vm.prog.ty(p.ty).kind {
            TypeKind::Slice(e) => e,
            _ => RtType(0),
        }
    }

    /// `[]byte` parameter `k`'s bytes.
    pub fn bytes(&self, k: usize) -> Vec<u8> {
        let (p, l, _) = self.slice(k);
        self.race_access(p, l, 1, false);
        self.bytes_at(p, l)
    }

    /// `[]byte` parameter `k`'s bytes, borrowed: no copy. Unlike a
    /// string's, a slice's bytes may be written by another goroutine
    /// during the call (a data race in the program). They are plain bytes,
    /// no pointer among them, so a native that reads them as data (a
    /// search, a write to a socket) sees some mix of old and new bytes, as
    /// Go's own code would, and nothing worse; it must not read a byte
    /// twice and rely on the two agreeing.
    pub fn bytes_ref(&self, k: usize) -> &[u8] {
        let (p, l, _) = self.slice(k);
        if p == 0 || l == 0 {
            return &[];
        }
        self.race_access(p, l, 1, false);
        // SAFETY: the declared type of the parameter is `[]byte` (checked
        // at load against the native's signature), so `(p, l)` is a byte
        // array the VM made (value invariant 2) of at least `l` bytes,
        // kept alive by the call's slots; bytes have no invalid values.
        unsafe { std::slice::from_raw_parts(p as *const u8, l as usize) }
    }

    /// Interface parameter `k` (a box pointer, 0 for nil).
    pub fn iface(&self, k: usize) -> u64 {
        self.arg(self.param(k, &[ArgKind::Iface]).word as usize)
    }

    /// Pointer, map, channel or func parameter `k` (one word).
    pub fn ptr(&self, k: usize) -> u64 {
        self.arg(self.param(k, &[ArgKind::Ref]).word as usize)
    }

    /// The words of parameter `k`, whatever its type, with that type
    /// (fmt's and sort's generic walkers, which read values by type).
    pub fn words(&self, k: usize) -> (RtType, Vec<u64>) {
        let all = [
            ArgKind::Bool,
            ArgKind::Int,
            ArgKind::Uint,
            ArgKind::Float,
            ArgKind::Str,
            ArgKind::Slice,
            ArgKind::Iface,
            ArgKind::Ref,
            ArgKind::Aggregate,
        ];
        let p = self.param(k, &all);
        let w = (p.word..p.word + p.words)
            .map(|i| self.arg(i as usize))
            .collect();
        (p.ty, w)
    }

    /// Sets result word `i`. A word past the declared results is a broken
    /// VM invariant (the native writes a result its declaration does not
    /// have): a fatal error, never a store over the frame. Prefer the
    /// typed setters below, which check the result's kind too.
    pub fn set_result(&mut self, i: usize, v: u64) {
        let rw = self
            .vm
            .prog
            .natives
            .get(self.native)
            .map_or(0, |d| d.result_words) as usize;
        if i >= rw {
            self.die(&format!(
                "native {} writes result word {i} (it declares {rw})",
                self.name()
            ));
        }
        if let Some(s) = self.g.stack.get_mut(self.base + i) {
            *s = v;
        }
    }

    /// Writes the words of result `k`, which must be of one of `kinds`.
    fn put(&mut self, k: usize, kinds: &[ArgKind], words: &[u64]) {
        let r = self.result(k, kinds);
        self.put_at(k, kinds, r, words);
    }

    /// [`NativeCtx::put`] of result `r` (result `k`, already checked to be
    /// of one of `kinds`).
    #[inline]
    fn put_at(&mut self, k: usize, kinds: &[ArgKind], r: Param, words: &[u64]) {
        if r.words as usize != words.len() {
            self.mismatch("writes result", k, kinds, Some(r));
        }
        let at = self.base + r.word as usize;
        if let Some(s) = self.g.stack.get_mut(at..at + words.len()) {
            s.copy_from_slice(words);
        }
    }

    /// Sets signed integer result `k`.
    pub fn ret_int(&mut self, k: usize, v: i64) {
        self.put(k, &[ArgKind::Int], &[v as u64]);
    }

    /// Sets unsigned integer (or `uintptr`) result `k`.
    pub fn ret_uint(&mut self, k: usize, v: u64) {
        self.put(k, &[ArgKind::Uint], &[v]);
    }

    /// Sets float result `k` (`float32` too: slots hold floats as `f64`).
    pub fn ret_float(&mut self, k: usize, v: f64) {
        self.put(k, &[ArgKind::Float], &[v.to_bits()]);
    }

    /// Sets bool result `k`.
    pub fn ret_bool(&mut self, k: usize, v: bool) {
        self.put(k, &[ArgKind::Bool], &[v as u64]);
    }

    /// Sets string result `k` to a new string of these bytes.
    pub fn ret_str(&mut self, k: usize, b: &[u8]) {
        // The result's kind is checked before the string is made (a
        // native that strays dies before it allocates), once.
        let r = self.result(k, &[ArgKind::Str]);
        let (p, l) = self.new_string(b);
        self.put_at(k, &[ArgKind::Str], r, &[p, l]);
    }

    /// Sets string result `k` to the string `(ptr, len)`.
    pub fn ret_str_words(&mut self, k: usize, s: (u64, u64)) {
        self.put(k, &[ArgKind::Str], &[s.0, s.1]);
    }

    /// Sets slice result `k` to `(ptr, len, cap)`.
    pub fn ret_slice(&mut self, k: usize, s: (u64, u64, u64)) {
        self.put(k, &[ArgKind::Slice], &[s.0, s.1, s.2]);
    }

    /// Sets interface result `k` (a box pointer, 0 for nil).
    pub fn ret_iface(&mut self, k: usize, w: u64) {
        self.put(k, &[ArgKind::Iface], &[w]);
    }

    /// Sets pointer, map, channel or func result `k`.
    pub fn ret_ptr(&mut self, k: usize, w: u64) {
        self.put(k, &[ArgKind::Ref], &[w]);
    }

    /// The program being run (type descriptors, names).
    pub fn program(&self) -> &Program {
        &self.vm.prog
    }

    /// This native's index in the program's native table.
    pub fn native_index(&self) -> usize {
        self.native
    }

    /// The name this native was declared with.
    pub fn name(&self) -> &str {
        &self.vm.prog.natives[self.native].name
    }

    /// A new heap string with these bytes, as (ptr, len).
    pub fn new_string(&mut self, b: &[u8]) -> (u64, u64) {
        self.vm.new_string(b)
    }

    /// A new heap string of `len` bytes written by `fill` (which receives
    /// them zeroed), as (ptr, len): a native builds a large result in
    /// place instead of in a Rust buffer copied afterwards.
    pub fn new_string_with(&mut self, len: usize, fill: impl FnOnce(&mut [u8])) -> (u64, u64) {
        if len == 0 {
            return (0, 0);
        }
        let p = self.vm.alloc_noscan(len);
        // SAFETY: `p` is a fresh, zeroed, pointer-free object of at least
        // `len` bytes that nothing else refers to yet.
        fill(unsafe { std::slice::from_raw_parts_mut(p as *mut u8, len) });
        (p, len as u64)
    }

    /// Standard output is unbuffered (see [`crate::stdio`]), so there is
    /// nothing to flush; kept for callers written when it was buffered.
    pub fn flush_stdout(&mut self) {
        let _ = self.vm.stdout.flush();
    }

    /// The program's arguments (os.Args).
    pub fn args(&self) -> &[String] {
        &self.vm.args
    }

    /// The slot words of the value of type `t` at byte offset `off` of
    /// the memory at `ptr` (a field, an element, a pointer's target),
    /// converted from its memory layout (the layout module); zeroes for
    /// nil. `ptr` must be a pointer taken from a value whose type holds
    /// `t` there.
    pub fn read_value(&self, ptr: u64, off: u64, t: RtType) -> Vec<u64> {
        let n = self.vm.prog.ty(t).words as usize;
        let mut out = vec![0u64; n];
        if ptr != 0 {
            self.race_access(ptr + off, 1, self.vm.prog.ty(t).size, false);
            // SAFETY: as documented: a live value of type `t` (no
            // collection runs during a native).
            unsafe { self.vm.load_value(ptr + off, t, &mut out) };
        }
        out
    }

    /// The slot words of elements `i..i + n` of type `t` of the array at
    /// `ptr` (a slice's), which holds them.
    pub fn read_elems(&self, ptr: u64, i: u64, n: usize, t: RtType) -> Vec<u64> {
        let size = self.vm.prog.ty(t).size;
        if ptr == 0 {
            return vec![0; n * self.vm.prog.ty(t).words as usize];
        }
        self.race_access(ptr + i * size, n as u64, size, false);
        let buf = crate::objects::read_mem(&self.vm.prog, t, ptr + i * size, n);
        crate::objects::unpack_elems(&self.vm.prog, t, &buf, n)
    }

    /// Tells the race detector (race mode only) that this native reads or
    /// writes `n` elements of `size` bytes from `addr` on for its caller:
    /// a report names the caller's line, as Go's name the line of the
    /// call into its runtime. The accessors here that read or write the
    /// program's memory call it; a native that reaches memory another way
    /// (a map's entries) calls it itself. With `halt_on_error` a report
    /// ends the program when the native returns.
    pub fn race_access(&self, addr: u64, n: u64, size: u64, write: bool) {
        if let Some(r) = &self.vm.race {
            let pc = self.g.frames.last().map_or(0, |f| f.pc as usize);
            r.access_elems(self.vm, self.g, pc, addr, n, size, write);
        }
    }

    /// Reads `n` words at word offset `off` of the object at `ptr`: a
    /// value in an interface box, or memory of a type laid out as its
    /// slots (not narrow; [`NativeCtx::read_value`] reads any). `ptr` must
    /// be a pointer taken from a value of the right type (that is every
    /// pointer a native receives from its arguments).
    pub fn read_words(&self, ptr: u64, off: usize, n: usize) -> Vec<u64> {
        let mut out = vec![0u64; n];
        self.read_words_into(ptr, off, &mut out);
        out
    }

    /// [`NativeCtx::read_words`] into `out` (its length is the count): no
    /// allocation, for natives that read small values often (fmt's
    /// operands).
    pub fn read_words_into(&self, ptr: u64, off: usize, out: &mut [u64]) {
        if ptr == 0 {
            out.fill(0);
            return;
        }
        self.race_access(ptr + off as u64 * 8, 1, out.len() as u64 * 8, false);
        // SAFETY: `ptr` is a VM-made pointer to an object of at least
        // off + n words (the caller reads it by the value's type), alive
        // because no collection runs during a native. The words are read
        // as one value (value module docs): a string or slice in them is
        // never torn by a racing store.
        unsafe { value::load_words(ptr + off as u64 * 8, out) };
    }

    /// The bytes of a string value `(ptr, len)` read from memory.
    pub fn string_at(&self, ptr: u64, len: u64) -> Vec<u8> {
        // SAFETY: (ptr, len) was read from a string-typed location of a
        // VM-made value (value invariant 1).
        unsafe { value::str_bytes(ptr, len) }.to_vec()
    }

    /// The bytes of a string value `(ptr, len)` read from memory,
    /// borrowed: valid while the context is, since strings are immutable
    /// and no collection runs while a native holds `&self` (a call into Go
    /// code needs `&mut self`).
    pub fn string_ref(&self, ptr: u64, len: u64) -> &[u8] {
        // SAFETY: (ptr, len) was read from a string-typed location of a
        // VM-made value (value invariant 1); its object stays alive for
        // the borrow, as said above.
        unsafe { value::str_bytes(ptr, len) }
    }

    /// The descriptor of a runtime type.
    pub fn type_kind(&self, t: RtType) -> &TypeKind {
        &self.vm.prog.ty(t).kind
    }

    /// A shared handle on the program (outlives borrows of the context).
    pub fn program_arc(&self) -> Arc<Program> {
        self.vm.prog.clone()
    }

    /// The declared parameter and result types of this native.
    pub fn signature(&self) -> (&[RtType], &[RtType]) {
        let d = &self.vm.prog.natives[self.native];
        (&d.params, &d.results)
    }

    /// The dynamic type of interface word `w` (`None` for nil).
    pub fn box_type(&self, w: u64) -> Option<RtType> {
        let t = crate::panic::box_type(w)?;
        // A type index outside the table would be a broken VM invariant;
        // answer "nil" rather than index out of bounds.
        (self.vm.prog.types.get(t.0 as usize).is_some()).then_some(t)
    }

    /// The value words of interface word `w` (empty for nil).
    pub fn box_words(&self, w: u64) -> Vec<u64> {
        match self.box_type(w) {
            Some(t) => self.read_words(w, 1, self.vm.prog.ty(t).words as usize),
            None => Vec::new(),
        }
    }

    /// A new interface box of type `t` holding `words` (an interface word).
    pub fn new_box(&mut self, t: RtType, words: &[u64]) -> u64 {
        self.vm.new_box(t, words)
    }

    /// The runtime type named `name` (`*errors.errorString`), if the
    /// program has one.
    pub fn find_type(&self, name: &str) -> Option<RtType> {
        self.vm
            .prog
            .types
            .iter()
            .position(|t| t.name == name)
            .map(|i| RtType(i as u32))
    }

    /// A new slice of `n` elements of type `elem` from their slot words
    /// (`n * words(elem)` of them), as (ptr, len, cap).
    pub fn new_slice(&mut self, elem: RtType, words: &[u64], n: usize) -> (u64, u64, u64) {
        let p = self.vm.alloc_mem(elem, n);
        // SAFETY: `p` is a fresh array of n elements of `elem`.
        unsafe { self.vm.store_values(elem, p, words, n) };
        (p, n as u64, n as u64)
    }

    /// A new `[]byte` holding `b`.
    pub fn new_bytes(&mut self, b: &[u8]) -> (u64, u64, u64) {
        let p = self.vm.alloc_noscan(b.len().max(1));
        // SAFETY: `p` is a fresh pointer-free object of b.len() bytes.
        unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), p as *mut u8, b.len()) };
        (p, b.len() as u64, b.len() as u64)
    }

    /// The bytes of the `[]byte` slice `(ptr, len)`.
    pub fn bytes_at(&self, ptr: u64, len: u64) -> Vec<u8> {
        if ptr == 0 {
            return vec![0; len as usize];
        }
        // SAFETY: `(ptr, len)` is a `[]byte` made by the VM (value
        // invariant 2), alive during the native; bytes cannot tear.
        unsafe { std::slice::from_raw_parts(ptr as *const u8, len as usize) }.to_vec()
    }

    /// `append(s, elems...)` with Go's growth, for a slice of `elem`;
    /// `words` holds `n` elements.
    pub fn append(
        &mut self,
        elem: RtType,
        s: (u64, u64, u64),
        words: &[u64],
        n: u64,
    ) -> (u64, u64, u64) {
        // As the `append` instruction: the elements added in place, or the
        // old ones a growth moves (interp's `race_ranges`).
        let size = self.vm.prog.ty(elem).size;
        let (p, l, c) = s;
        if l.saturating_add(n) <= c {
            self.race_access(p + l * size, n, size, true);
        } else {
            self.race_access(p, l, size, false);
        }
        self.vm.append(elem, s, words, n)
    }

    /// Stores values of type `t`, given as their slot words `words`, at
    /// byte `off` of the memory at `ptr` (converted to its layout),
    /// through the write barrier. `ptr` must be a non-nil pointer (or
    /// slice array) taken from a value whose type holds values of `t`
    /// there.
    pub fn store(&mut self, ptr: u64, off: u64, words: &[u64], t: RtType) {
        if ptr == 0 {
            return;
        }
        let n = words.len() / (self.vm.prog.ty(t).words.max(1) as usize);
        self.race_access(ptr + off, n.max(1) as u64, self.vm.prog.ty(t).size, true);
        // SAFETY: the caller passes a VM-made pointer to memory with
        // values of type `t` from byte `off` on (see above).
        unsafe { self.vm.store_values(t, ptr + off, words, n.max(1)) };
    }

    /// `make(map[K]V)` for map type `t`: a new empty map.
    pub fn new_map(&mut self, t: RtType) -> u64 {
        self.vm.map_new(t, 0)
    }

    /// `m[key] = val` for map `m` of type `t`, keys and values as slot
    /// words; the error is the panic or fatal error's text.
    pub fn map_set(&mut self, t: RtType, m: u64, key: &[u64], val: &[u64]) -> Result<(), String> {
        self.race_access(m, 1, 1, true);
        self.vm.map_set(t, m, key, val).map_err(|e| match e {
            crate::map::MapError::Panic(s) => s,
            crate::map::MapError::Fatal(s) => s.to_string(),
        })
    }

    /// Shades heap words the native is about to keep outside the heap and
    /// every goroutine (a pinned closure) while the collector marks (see
    /// `mgc`).
    pub fn shade_words(&mut self, ws: &[u64]) {
        self.vm.shade_words(ws);
    }

    /// Writes to the program's standard error, ignoring errors (as Go's
    /// runtime does for its own messages).
    pub fn write_stderr(&mut self, b: &[u8]) {
        let _ = crate::stdio::write_std(crate::stdio::Stream::Stderr, b);
    }

    /// Writes all of `b` to the program's standard output or error as Go's
    /// `os.File.Write` does (see [`crate::stdio`]): the bytes written and
    /// the error that stopped it, if any.
    pub fn write_stream(
        &mut self,
        s: crate::stdio::Stream,
        b: &[u8],
    ) -> (usize, Option<std::io::Error>) {
        crate::stdio::write_std(s, b)
    }

    /// The method `name` of values of type `t`, if its method set has one.
    pub(crate) fn method(&self, t: RtType, name: &str) -> Option<FuncId> {
        let d = self.vm.prog.types.get(t.0 as usize)?;
        Some(d.method(name.as_bytes())?.func)
    }

    /// Parameter and result words of function `f`.
    pub fn func_words(&self, f: FuncId) -> Option<(u32, u32)> {
        let d = self.vm.prog.funcs.get(f.0 as usize)?;
        Some((d.param_words, d.result_words))
    }

    /// `debug.SetGCPercent`: sets GOGC (negative: off), returns the old.
    pub fn set_gc_percent(&mut self, percent: i64) -> i64 {
        let p = percent.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
        self.vm.heap.set_gogc(p) as i64
    }

    /// `debug.SetMemoryLimit`: a negative limit only reads the current
    /// one; `math.MaxInt64` means none.
    pub fn set_memory_limit(&mut self, limit: i64) -> i64 {
        let to_go = |b: u64| if b == u64::MAX { i64::MAX } else { b as i64 };
        if limit < 0 {
            return to_go(self.vm.heap.memory_limit());
        }
        let b = if limit == i64::MAX {
            u64::MAX
        } else {
            limit as u64
        };
        to_go(self.vm.heap.set_memory_limit(b))
    }

    /// The calling goroutine's stack as Go's traces print it (the frames
    /// after `goroutine N [running]:`), innermost first: the frame that
    /// called this native shows the call's line.
    pub fn stack_trace(&self) -> Vec<u8> {
        let mut out = Vec::new();
        crate::panic::write_trace(self.vm, &crate::panic::capture(self.g), &mut out);
        if self.g.frames.len() > 100 {
            out.extend_from_slice(b"...additional frames elided...\n");
        }
        out
    }

    /// The calling goroutine's number (`goroutine N` in traces).
    pub fn goroutine_id(&self) -> u64 {
        self.g.id
    }

    /// Every frame of the calling goroutine, innermost first (the caller
    /// of this native first): its function's index in the program, the
    /// index of the instruction after the call it is in (after the call
    /// of this native for the first; see `Frame::return_addr`), and whether it runs a deferred call
    /// for a panic (Go shows such a frame as called by `panic`; one that
    /// Goexit runs, as called by `runtime.Goexit`, the frame below). The
    /// marker frames of calls from natives back into Go are left out.
    pub fn frames(&self) -> Vec<(u32, u32, bool)> {
        let n = self.vm.prog.funcs.len();
        let fr = &self.g.frames;
        let by_panic = |i: usize| {
            fr[i].deferred_panic
                && crate::panic::run_by_panic(&self.vm.prog, i.checked_sub(1).map(|b| fr[b].func))
        };
        (0..fr.len())
            .rev()
            .filter(|&i| (fr[i].func as usize) < n)
            .map(|i| (fr[i].func, fr[i].return_addr(), by_panic(i)))
            .collect()
    }

    /// The source file of instruction `pc` of function `func` as traces
    /// print it (absolute); empty for an index outside the program.
    pub fn func_file(&self, func: u32, pc: usize) -> String {
        match self.vm.prog.funcs.get(func as usize) {
            Some(f) => crate::panic::source_path(self.vm, f.file_at(pc)),
            None => String::new(),
        }
    }

    /// Charges `bytes` that the native is about to fill outside the heap
    /// (a Rust buffer) to the heap's commit budget: where the system
    /// cannot back them, Go's `fatal error: runtime: out of memory` now,
    /// not the kernel's OOM killer later (`gol_gc::Heap::reserve_outside`).
    pub fn reserve_outside(&self, bytes: usize) {
        self.vm.heap.reserve_outside(bytes);
    }
}

impl<'a> NativeCtx<'a> {
    /// Ends the slice at the next call or backward jump (a native whose
    /// [`crate::sched::Blocker`] lost its P).
    pub fn end_slice_soon(&mut self) {
        self.vm.yield_soon = true;
    }
}

thread_local! {
    /// Nesting depth of [`NativeCtx::call`] on this thread (a goroutine
    /// never changes threads inside a native).
    pub(crate) static NESTED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

impl CallError {
    /// How a native that cannot handle the failure ends: the callee's
    /// panic continues in the native's caller, `os.Exit` exits, and
    /// nesting too deep dies as Go's stack overflow does.
    pub fn into_result(self, ctx: &mut NativeCtx<'_>) -> NativeResult {
        match self {
            CallError::Panic {
                runtime: Some(msg), ..
            } => NativeResult::RuntimeError(msg),
            CallError::Panic { value, .. } => NativeResult::PanicValue(value),
            CallError::Exit(code) => NativeResult::Exit(code),
            CallError::Fatal => NativeResult::Exit(2),
            CallError::TooDeep => {
                let _ = ctx.vm.stdout.flush();
                crate::panic::fatal(ctx.vm, ctx.g, "stack overflow");
                NativeResult::Exit(2)
            }
        }
    }
}

/// The panic value of a goroutine's panic as an interface word, as
/// `recover` gives it: a runtime error is boxed as the runtime error type
/// Go gives it (`runtime.boundsError`, ...; see
/// `gol_lang::bytecode::RUNTIME_ERROR_TYPES`), so `r.(error)` and
/// `r.(runtime.Error)` hold; with it, the message of a runtime error.
pub(crate) fn panic_word(vm: &mut Vm, v: &PanicValue) -> (u64, Option<String>) {
    match v {
        PanicValue::Value(w) => (*w, None),
        PanicValue::Goexit => (0, None),
        PanicValue::Runtime(msg) => (
            crate::panic::runtime_error_value(vm, msg),
            Some(msg.clone()),
        ),
    }
}

/// The stand-in for a native the runtime lacks (never called: loading
/// fails first).
pub(crate) fn missing(ctx: &mut NativeCtx<'_>) -> NativeResult {
    NativeResult::Panic(format!("gol does not implement {} yet", ctx.name()))
}

impl Vm {
    /// A new heap string.
    pub(crate) fn new_string(&mut self, b: &[u8]) -> (u64, u64) {
        if b.is_empty() {
            return (0, 0);
        }
        let p = self.alloc_noscan(b.len());
        // SAFETY: `p` is a fresh object of at least b.len() bytes.
        unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), p as *mut u8, b.len()) };
        (p, b.len() as u64)
    }
}
