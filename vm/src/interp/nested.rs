//! Calls from natives back into Go: [`run_nested`] runs a Go function to
//! completion on the calling goroutine, above the native's frame, with
//! [`run`] as the engine and a sentinel frame marking where the call
//! returns.
//!
//! Invariants: the frames below the sentinel belong to the native's
//! callers and to Rust frames that are still running, so nothing here
//! unwinds past it; the goroutine's deferred calls and panic state are
//! set aside during the call and restored after it; this is not a
//! safepoint (budget-spent slices resume at once).

use super::*;
use crate::native::CallError;

/// Runs Go function `f` (with closure object `closure`, 0 for none) to
/// completion on `g` for a native that is running in `g`'s top frame, and
/// returns its result words: the engine behind [`NativeCtx::call`] (see
/// the native module docs for its limits).
///
/// How: the callee's window starts above the native's frame; below the
/// callee sits a *sentinel* frame whose function index is out of range, so
/// when the callee returns, [`run`] stops at the sentinel with a fatal
/// "bad function index", which is recognised here as the normal return.
/// The goroutine's deferred calls and panic state are set aside meanwhile,
/// so a panic the callee does not recover ends the loop with
/// `Exit::Panic` instead of unwinding frames below the sentinel (which
/// belong to the native's callers and to Rust frames that are still
/// running). Budget-spent slices are resumed at once: this is not a
/// safepoint.
pub(crate) fn run_nested(
    vm: &mut Vm,
    sl: Option<SliceCx<'_>>,
    g: &mut G,
    f: FuncId,
    closure: u64,
    args: &[u64],
) -> Result<Vec<u64>, crate::native::CallError> {
    use crate::native::CallError;
    const SENTINEL: u32 = u32::MAX;
    let prog = vm.prog.clone();
    let Some(callee) = prog.funcs.get(f.0 as usize) else {
        return Err(CallError::Fatal);
    };
    let top = match g.frames.last() {
        Some(fr) => {
            fr.base as usize
                + prog
                    .funcs
                    .get(fr.func as usize)
                    .map_or(0, |x| x.frame_words as usize)
        }
        None => 0,
    };
    let depth = g.frames.len();
    let base = top + 1;
    if !g.ensure(base + args.len().max(callee.frame_words as usize) + 1) {
        let _ = vm.stdout.flush();
        crate::panic::fatal(vm, g, "stack overflow");
        return Err(CallError::Fatal);
    }
    g.stack[base..base + args.len()].copy_from_slice(args);
    let saved_defers = std::mem::take(&mut g.defers);
    let saved_panic = g.panicking.take();
    let saved_outer = std::mem::take(&mut g.outer);
    g.frames.push(Frame {
        func: SENTINEL,
        pc: 0,
        base: top as u32,
        closure: 0,
        deferred_panic: false,
        returning: None,
    });
    g.frames.push(Frame {
        func: f.0,
        pc: 0,
        base: base as u32,
        closure,
        deferred_panic: false,
        returning: None,
    });
    let outcome = loop {
        match run(vm, sl, g, SLICE_BUDGET) {
            Exit::Yield => {}
            Exit::Fatal(msg) => {
                if g.frames.len() == depth + 1
                    && g.frames.last().is_some_and(|f| f.func == SENTINEL)
                {
                    let n = callee.result_words as usize;
                    break Ok(g
                        .stack
                        .get(base..base + n)
                        .map_or_else(Vec::new, <[u64]>::to_vec));
                }
                let _ = vm.stdout.flush();
                crate::panic::fatal(vm, g, &msg);
                break Err(CallError::Fatal);
            }
            // The sentinel keeps the frame stack from emptying; reaching
            // `Done` would mean the callee returned past it.
            Exit::Done | Exit::Goexit => break Err(CallError::Fatal),
            Exit::Exit(code) => break Err(CallError::Exit(code)),
            Exit::Block(_) => {
                let _ = vm.stdout.flush();
                crate::panic::fatal(vm, g, "channel operation in a nested call");
                break Err(CallError::Fatal);
            }
            Exit::Panic => {
                let (value, runtime) = match g.panicking.take() {
                    Some(p) => crate::native::panic_word(vm, &p.value),
                    None => (0, None),
                };
                break Err(CallError::Panic { value, runtime });
            }
        }
    };
    g.frames.truncate(depth);
    g.defers = saved_defers;
    g.panicking = saved_panic;
    g.outer = saved_outer;
    outcome
}

/// Go calls from natives (`NativeCtx::call` and the methods built on it):
/// defined here, beside the nested loop they enter, so that native.rs
/// (below the interpreter) need not know the interpreter.
impl NativeCtx<'_> {
    /// Calls Go function `f` with the argument words `args` (for a method,
    /// the receiver's words first; `closure` is the func value's closure
    /// object, 0 for a plain function) and returns its result words. See
    /// the module docs for what happens on panics and how deep it nests.
    pub fn call(&mut self, f: FuncId, closure: u64, args: &[u64]) -> Result<Vec<u64>, CallError> {
        let depth = crate::native::NESTED.with(|d| d.get());
        if depth >= crate::native::MAX_NESTED_CALLS {
            return Err(CallError::TooDeep);
        }
        crate::native::NESTED.with(|d| d.set(depth + 1));
        let r = run_nested(self.vm, self.sl, self.g, f, closure, args);
        crate::native::NESTED.with(|d| d.set(depth));
        r
    }

    /// Calls method `name` of the value of type `t` with words `recv`;
    /// `None` when the type has no such method.
    pub fn call_method(
        &mut self,
        t: RtType,
        recv: &[u64],
        name: &str,
        args: &[u64],
    ) -> Option<Result<Vec<u64>, CallError>> {
        let f = self.method(t, name)?;
        let mut all = recv.to_vec();
        all.extend_from_slice(args);
        Some(self.call(f, 0, &all))
    }

    /// Calls the func value `fv` (a closure object; nil panics as Go does).
    pub fn call_func_value(&mut self, fv: u64, args: &[u64]) -> Result<Vec<u64>, CallError> {
        if fv == 0 {
            let msg = "runtime error: invalid memory address or nil pointer dereference";
            let (p, l) = self.new_string(msg.as_bytes());
            let value = self.vm.new_box(RtType(0), &[p, l]);
            return Err(CallError::Panic {
                value,
                runtime: Some(msg.into()),
            });
        }
        // SAFETY: a non-nil func value points at a closure object whose
        // word 0 is its function index.
        let f = unsafe { value::read_word(fv, 0) };
        self.call(FuncId(f as u32), fv, args)
    }
}

/// `v.Error()` or `v.String()` of the interface value `v` when its dynamic
/// type has such a method (not for runtime errors, which print their
/// message directly), run to completion on a fresh goroutine. None when
/// there is no such method or it does not return normally.
pub(crate) fn method_text(vm: &mut Vm, sl: Option<SliceCx<'_>>, v: u64) -> Option<Vec<u8>> {
    let t = crate::panic::box_type(v)?;
    if vm.is_runtime_error(t) {
        return None;
    }
    let desc = vm.prog.types.get(t.0 as usize)?;
    let f = ["Error", "String"].iter().find_map(|name| {
        let m = desc.method(name.as_bytes())?;
        // Only `func() string`, Go's error and Stringer (that spelling is
        // one type: a program's own `string` prints as `main.string`).
        (vm.prog.types.get(m.sig.0 as usize)?.name == "func() string").then_some(m.func)
    })?;
    let words = desc.words as usize;
    let mut g = G::new(0, f);
    if !g.ensure(words + 2) {
        return None;
    }
    for k in 0..words {
        // SAFETY: the box holds its type's words after the type word
        // (value invariant 3).
        g.stack[k] = unsafe { value::read_word(v, 1 + k) };
    }
    // A method that never returns is given up on (Go would hang).
    for _ in 0..1000 {
        match run(vm, sl, &mut g, SLICE_BUDGET) {
            Exit::Yield => continue,
            Exit::Done => {
                let (p, l) = (g.stack[0], g.stack[1]);
                // SAFETY: the method's signature is `func() string`
                // (checked above), so it returned a string in slots 0 and
                // 1 (value invariant 1); no collection ran since.
                return Some(unsafe { value::str_bytes(p, l) }.to_vec());
            }
            _ => return None,
        }
    }
    None
}
