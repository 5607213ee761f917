//! The interface between the VM and native (Rust) functions.
//!
//! A native sees its arguments as the words of its window (`arg`), writes
//! its results over the same window (`set_result`), and may allocate
//! strings and slices. It returns [`NativeResult`]: normal return, a Go
//! panic (delivered to the calling goroutine, recoverable), or process
//! exit. Natives run between safepoints: the collector cannot run while a
//! native holds heap addresses (architecture invariant 5), because
//! collection only happens between interpreter slices.

use crate::goroutine::G;
use crate::value;
use crate::Vm;
use gol_lang::bytecode::{Program, RtType, TypeKind};
use std::io::Write;

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
    /// `os.Exit(code)`.
    Exit(i32),
}

/// A native's view of the VM during one call.
pub struct NativeCtx<'a> {
    pub(crate) vm: &'a mut Vm,
    pub(crate) g: &'a mut G,
    pub(crate) base: usize,
    pub(crate) native: usize,
}

impl NativeCtx<'_> {
    /// Argument word `i` (arguments are laid out in parameter order, each
    /// taking its type's words).
    pub fn arg(&self, i: usize) -> u64 {
        self.g.stack.get(self.base + i).copied().unwrap_or(0)
    }

    /// Sets result word `i`.
    pub fn set_result(&mut self, i: usize, v: u64) {
        if let Some(s) = self.g.stack.get_mut(self.base + i) {
            *s = v;
        }
    }

    /// The program being run (type descriptors, names).
    pub fn program(&self) -> &Program {
        &self.vm.prog
    }

    /// The name this native was declared with.
    pub fn name(&self) -> &str {
        &self.vm.prog.natives[self.native].name
    }

    /// The string at argument words `i`, `i+1`.
    pub fn str_arg(&self, i: usize) -> Vec<u8> {
        // SAFETY: the words are a string value made by this VM (value
        // invariant 1); no collection runs during a native.
        unsafe { value::str_bytes(self.arg(i), self.arg(i + 1)) }.to_vec()
    }

    /// A new heap string with these bytes, as (ptr, len).
    pub fn new_string(&mut self, b: &[u8]) -> (u64, u64) {
        self.vm.new_string(b)
    }

    /// Writes to the program's standard output.
    pub fn stdout(&mut self) -> &mut dyn Write {
        &mut self.vm.stdout
    }

    /// Flushes standard output (before writing to stderr, or exiting).
    pub fn flush_stdout(&mut self) {
        let _ = self.vm.stdout.flush();
    }

    /// The program's arguments (os.Args).
    pub fn args(&self) -> &[String] {
        &self.vm.args
    }

    /// Reads `n` words at word offset `off` of the object at `ptr`.
    /// `ptr` must be a pointer taken from a value of the right type (that
    /// is every pointer a native receives from its arguments).
    pub fn read_words(&self, ptr: u64, off: usize, n: usize) -> Vec<u64> {
        if ptr == 0 {
            return vec![0; n];
        }
        // SAFETY: `ptr` is a VM-made pointer to an object of at least
        // off + n words (the caller reads it by the value's type), alive
        // because no collection runs during a native.
        (0..n)
            .map(|i| unsafe { value::read_word(ptr, off + i) })
            .collect()
    }

    /// The bytes of a string value `(ptr, len)` read from memory.
    pub fn string_at(&self, ptr: u64, len: u64) -> Vec<u8> {
        // SAFETY: (ptr, len) was read from a string-typed location of a
        // VM-made value (value invariant 1).
        unsafe { value::str_bytes(ptr, len) }.to_vec()
    }

    /// The descriptor of a runtime type.
    pub fn type_kind(&self, t: RtType) -> &TypeKind {
        &self.vm.prog.ty(t).kind
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
