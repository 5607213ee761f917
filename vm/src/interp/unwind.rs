//! Deferred calls and panics: running a deferred call, starting a panic,
//! running the deferred calls it meets, and resuming after `recover`.
//!
//! A runtime error or `panic` records the value and the stack, then runs
//! each pending deferred call (innermost first) in a frame marked
//! `deferred_panic`, pushed *on top of the panicking frames*, as Go's
//! `gopanic` calls them: the frames between the one that deferred the call
//! (its *owner*) and the panic site stay on `G::frames`, so
//! `runtime.Caller`, `runtime.Callers`, `runtime.Stack` and `debug.Stack`
//! in a deferred call see where the panic started (Go's
//! test/fixedbugs/bug347.go, bug348.go, issue29504.go, issue33724.go). Those
//! frames never run again: the stack is cut back only when a `recover`
//! takes effect (to the owner of the recovering call, which resumes at its
//! `recover_pc`, or at its `Return` if it had reached it, returning its
//! named results) or when Goexit ran every deferred call; a panic that
//! reaches the goroutine's end leaves them for its report. `recover` in
//! such a frame stops the panic (`recover`'s rules); with no deferred call
//! left, the slice ends with [`Exit::Panic`].
//!
//! Runtime.Goexit runs the deferred calls the same way, on top of its own
//! frame (`runtime.Goexit`, which Go's traces show as their caller where a
//! panic's show `panic`); `recover` returns nil in them.
//!
//! Invariants:
//! 1. A deferred call runs in a frame pushed just above the top frame's
//!    window, so every frame below keeps its slots: the owner's are intact
//!    when it resumes, and the stack maps (liveness.rs) describe the frames
//!    the panic passed as they stood when it started.
//! 2. The owner frame of every entry on `G::defers` is on `G::frames`;
//!    every entry whose owner is above the panic's current owner has run
//!    (innermost first), so the frames above the owner hold no pending
//!    deferred call, and cutting the stack back to the owner loses none.
//! 3. A panic inside a deferred call replaces the current one
//!    (`start_panic`); the one it interrupted waits on `G::outer`, current
//!    again if the new one is recovered by a deferred call above the
//!    interrupted panic's own deferred call, and aborted (printed before
//!    the newer one, no longer recoverable) once the newer one runs a
//!    deferred call of a frame below that call (`unwind`): in Go's words,
//!    the newer panic has unwound past it.

use super::*;

/// Pops the top deferred call (which belongs to frame `depth`) and calls it
/// above the top frame's window: the owner's own when it returns or runs
/// `RunDefers` (it is the top frame then), the panic site's when a panic
/// or Goexit (`panicking`) runs it (invariant 1).
pub(super) fn run_deferred(prog: &Program, g: &mut G, depth: usize, panicking: bool) -> Flow {
    let Some(d) = g.defers.top() else {
        return Flow::Continue;
    };
    let (Some(_), Some(top)) = (g.frames.get(depth), g.frames.last().copied()) else {
        return Flow::Exit(Exit::Fatal("deferred call without its frame".into()));
    };
    let closure = d.closure;
    let nargs = g.defers.args(&d).len();
    let fw = prog
        .funcs
        .get(top.func as usize)
        .map_or(0, |f| f.frame_words);
    let nb = top.base as usize + fw as usize;
    if closure == 0 {
        g.defers.drop_top(d);
        return start_or_continue(prog, g, PanicValue::Runtime(NIL_DEREF.into()));
    }
    // SAFETY: a non-nil func value points at a closure object.
    let f = unsafe { value::read_word(closure, 0) };
    let Some(callee) = prog.funcs.get(f as usize) else {
        return Flow::Exit(Exit::Fatal("bad deferred function".into()));
    };
    if !g.ensure(nb + (callee.frame_words as usize).max(nargs) + 1) {
        return Flow::Exit(Exit::Fatal("stack overflow".into()));
    }
    g.stack[nb..nb + nargs].copy_from_slice(g.defers.args(&d));
    g.defers.drop_top(d);
    g.frames.push(Frame {
        func: f as u32,
        pc: 0,
        base: nb as u32,
        closure,
        deferred_panic: panicking,
        returning: None,
    });
    Flow::Continue
}

/// Whether `g` is unwinding a panic (not a Goexit).
pub(super) fn real_panic(g: &G) -> bool {
    g.panicking
        .as_ref()
        .is_some_and(|p| p.value != PanicValue::Goexit)
}

/// Starts panic (or Goexit) `v` in `g` from the interpreter. A real panic
/// that is the goroutine's first (no other one being unwound) counts in
/// the executor's `panic_defers` until recovered (see
/// `Exec::panic_defers`): every start with a VM at hand comes here.
pub(super) fn begin_panic(
    sl: Option<SliceCx<'_>>,
    prog: &Program,
    g: &mut G,
    v: PanicValue,
) -> Flow {
    if v != PanicValue::Goexit && !real_panic(g) {
        if let Some(sl) = sl {
            // Release pairs with the Acquire load of main's return.
            sl.exec
                .panic_defers
                .fetch_add(1, std::sync::atomic::Ordering::Release);
        }
    }
    start_panic(prog, g, v)
}

/// `g`'s panics are all recovered: it no longer counts.
pub(super) fn uncount_panic(sl: Option<SliceCx<'_>>) {
    if let Some(SliceCx { exec: e, .. }) = sl {
        // Saturating: a panic started where it could not be counted (a
        // deferred nil func) is recovered without a count to drop.
        let _ = e.panic_defers.fetch_update(
            std::sync::atomic::Ordering::Release,
            std::sync::atomic::Ordering::Relaxed,
            |n| n.checked_sub(1),
        );
    }
}

fn start_or_continue(prog: &Program, g: &mut G, v: PanicValue) -> Flow {
    start_panic(prog, g, v)
}

/// Starts a panic (or replaces the current one, as a panic inside a
/// deferred call does) and unwinds to the next deferred call.
fn start_panic(prog: &Program, g: &mut G, v: PanicValue) -> Flow {
    let trace = capture(g);
    // Go 1.23+: panicking again with the value just recovered reports
    // `[recovered, repanicked]` instead of a second panic.
    let repanicked = g
        .panicking
        .as_ref()
        .is_some_and(|old| old.recovered && same_panic_value(prog, &old.value, &v));
    let (earlier, goexit) = match g.panicking.take() {
        Some(old) if !repanicked => {
            // The interrupted panic stays pending until this one unwinds
            // past its deferred call.
            g.outer.push(old);
            (Vec::new(), None)
        }
        Some(old) => (old.earlier, old.goexit),
        None => (Vec::new(), None),
    };
    g.panicking = Some(Box::new(Panicking {
        value: v,
        recovered: false,
        repanicked,
        earlier,
        trace,
        frame: usize::MAX,
        owner: usize::MAX,
        goexit,
    }));
    unwind(prog, g)
}

/// Whether panic value `new` is the recovered value `old` (a runtime
/// error is recovered as a `runtime.Error` box holding its message).
fn same_panic_value(prog: &Program, old: &PanicValue, new: &PanicValue) -> bool {
    match (old, new) {
        (PanicValue::Value(a), PanicValue::Value(b)) => a == b,
        // Go's runtime errors that are one shared value or an error
        // string compare equal (a nil dereference, a division by zero,
        // makeslice, a negative shift, a nil map write, closing a nil
        // channel); the ones made per panic do not: bounds errors,
        // uncomparable types and failed conversions (checked against Go).
        (PanicValue::Runtime(a), PanicValue::Runtime(b)) => {
            a == b
                && ![
                    "interface conversion",
                    "runtime error: index out of range",
                    "runtime error: slice bounds out of range",
                    "runtime error: comparing uncomparable",
                    "runtime error: hash of unhashable",
                ]
                .iter()
                .any(|p| a.starts_with(p))
        }
        (PanicValue::Runtime(msg), PanicValue::Value(b)) => {
            crate::panic::runtime_error_message(prog, *b).is_some_and(|s| s == msg.as_bytes())
        }
        _ => false,
    }
}

/// Runs the next deferred call of a panicking goroutine, or ends the slice
/// with `Exit::Panic` when none is left.
fn unwind(prog: &Program, g: &mut G) -> Flow {
    let d = g.defers.last().map(|d| d.frame);
    // Interrupted panics whose deferred call is unwound are aborted: they
    // can no longer be recovered and are printed before this one.
    let keep = d.map_or(0, |d| d + 1);
    let mut aborted = Vec::new();
    while g.outer.last().is_some_and(|q| q.frame >= keep) {
        if let Some(q) = g.outer.pop() {
            aborted.push(q);
        }
    }
    if !aborted.is_empty() {
        if let Some(p) = g.panicking.as_mut() {
            // Those aborted at an earlier step are newer than these
            // (`outer` is a stack), and these come newest first.
            if p.goexit.is_none() {
                p.goexit = aborted.iter().find_map(|q| match q.value {
                    PanicValue::Goexit => Some(q.frame),
                    _ => q.goexit,
                });
            }
            let mut e = Vec::new();
            for q in aborted.into_iter().rev() {
                e.extend(q.earlier);
                e.push((q.value, q.recovered));
            }
            e.append(&mut p.earlier);
            p.earlier = e;
        }
    }
    let Some(d) = d else {
        if g.panicking
            .as_ref()
            .is_some_and(|p| p.value == PanicValue::Goexit)
        {
            // Goexit ran every deferred call: the goroutine ends.
            g.panicking = None;
            g.frames.clear();
            return Flow::Exit(Exit::Goexit);
        }
        // The frames stay as the panic found them, for its report.
        return Flow::Exit(Exit::Panic);
    };
    // The call runs on top of every frame (invariant 1).
    if let Some(p) = g.panicking.as_mut() {
        p.frame = g.frames.len();
        p.owner = d;
    }
    run_deferred(prog, g, d, true)
}

/// A deferred call run by a panic has returned: if it recovered, the
/// frames down to its owner are unwound and the owner returns normally;
/// otherwise the panic runs its next deferred call.
pub(super) fn after_deferred_panic(prog: &Program, g: &mut G) -> Flow {
    let (owner, goexit) = match g.panicking.as_deref() {
        Some(p) if p.recovered => (p.owner, p.goexit),
        _ => return unwind(prog, g),
    };
    if let Some(at) = goexit {
        // The panic had unwound past a Goexit's deferred call: Go's
        // recovery does not bypass the Goexit, which resumes running its
        // deferred calls on top of its frame (the owner's remaining ones
        // first). Panics older than it are below its frame and wait on.
        g.panicking = Some(Box::new(Panicking {
            value: PanicValue::Goexit,
            recovered: false,
            repanicked: false,
            earlier: Vec::new(),
            trace: Vec::new(),
            frame: usize::MAX,
            owner: usize::MAX,
            goexit: None,
        }));
        g.frames.truncate(at);
        return unwind(prog, g);
    }
    // The panic this one interrupted (if its deferred call is still
    // running: it runs below the owner, invariant 3) is current again.
    g.panicking = g.outer.pop();
    // No deferred call is pending above the owner (invariant 2).
    g.frames.truncate(owner.saturating_add(1));
    if let Some(f) = g.frames.last_mut() {
        // A frame that had executed its `Return` (results already at its
        // base) goes back to it: the results stand, as the result
        // parameters do in Go. Otherwise the recovery code returns the
        // named results or zero values.
        f.pc = match f.returning {
            Some(ret) => ret,
            None => prog.funcs.get(f.func as usize).map_or(0, |x| x.recover_pc),
        };
    }
    Flow::Continue
}

/// `recover()` called by the frame on top of `g`: the panic's value (an
/// interface word; a runtime error boxed as its `runtime.Error` type), or
/// nil when this call does not stop a panic.
#[inline(never)]
pub(super) fn recover(vm: &mut Vm, prog: &Program, g: &mut G) -> u64 {
    // `recover` stops the panic only when called directly
    // by the deferred call the panic is running; `defer
    // recover()` runs in a wrapper and so counts as a call
    // by the function that deferred it.
    let mut depth = g.frames.len() - 1;
    let wrapper = prog
        .funcs
        .get(g.frames[depth].func as usize)
        .is_some_and(|f| f.name.contains(".deferwrap"));
    if wrapper {
        depth = depth.wrapping_sub(1);
    }
    // Method-value and method-expression wrappers (`i.M`
    // deferred, `I.M`) are invisible, as Go's WRAPPER
    // functions are: the method they call counts as
    // called directly by the deferred call. So is the runner of a
    // range-over-func body's deferred calls, which defers them in turn:
    // the panic may be running the runner itself (a panic that reached
    // the enclosing function) or one of the calls the runner deferred (a
    // panic that one of those started), and either is a deferred call of
    // the enclosing function in Go. Only a runner defers among the
    // wrappers, so a frame the walk passes is the running deferred call
    // only in those two ways.
    let running = g.panicking.as_ref().map(|p| p.frame);
    while depth > 0
        && Some(depth) != running
        && prog
            .funcs
            .get(g.frames[depth - 1].func as usize)
            .is_some_and(|f| f.name.ends_with("-fm"))
    {
        depth -= 1;
    }
    let mut v = 0;
    if let Some(p) = g.panicking.as_mut() {
        if p.frame == depth && !p.recovered && p.value != PanicValue::Goexit {
            p.recovered = true;
            v = match p.value.clone() {
                PanicValue::Value(v) => v,
                PanicValue::Goexit => 0,
                PanicValue::Runtime(msg) => crate::panic::runtime_error_value(vm, &msg),
            };
        }
    }
    v
}

/// The value a panicking instruction panics with: `panic(v)` (nil is
/// Go's `PanicNilError`), and the runtime errors the code generator
/// raises directly (`Fault`, `PanicText`, `IndexFault`).
#[cold]
#[inline(never)]
pub(super) fn panic_value(prog: &Program, g: &G, at: At<'_>, op: Op) -> Result<PanicValue, Trap> {
    let msg = match op {
        Op::Panic { a } => {
            let v = at.r(g, a)?;
            return Ok(if v == 0 {
                PanicValue::Runtime("runtime error: panic called with nil argument".into())
            } else {
                PanicValue::Value(v)
            });
        }
        Op::Fault { f } => match f {
            Fault::DivideByZero => "runtime error: integer divide by zero".into(),
            Fault::NilDeref => NIL_DEREF.into(),
            Fault::NilMapWrite => "assignment to entry in nil map".into(),
        },
        Op::PanicText { m } => {
            let text = prog.strings.get(m.0 as usize).map_or(&[][..], |v| &v[..]);
            String::from_utf8_lossy(text).into_owned()
        }
        Op::IndexFault { i, n } => bounds_error(Bounds::Index, at.ri(g, i)?, false, at.ri(g, n)?),
        _ => {
            return Err(Trap::Fatal(format!(
                "{op:?} is not a panicking instruction"
            )))
        }
    };
    Ok(PanicValue::Runtime(msg))
}

/// `defer f(args)`: records the func value in slot `c` and the `n`
/// argument words from slot `a` for the frame on top of `g`.
pub(super) fn defer(g: &mut G, at: At<'_>, c: Reg, a: Reg, n: u32) -> Step {
    let closure = at.r(g, c)?;
    let frame = g.frames.len() - 1;
    let s = at.base + a.0 as usize;
    g.defers.push(frame, closure, &g.stack[s..s + n as usize]);
    Ok(())
}
