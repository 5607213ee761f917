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
        match run(vm, g, SLICE_BUDGET) {
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
