//! Calls from natives back into Go: [`run_nested`] runs a Go function to
//! completion on the calling goroutine, above the native's frame, with
//! [`run`] as the engine and a sentinel frame marking where the call
//! returns.
//!
//! # Blocking and preemption inside a nested call
//! The callee may block as any Go code may (a channel operation, a
//! contended `sync.Mutex`, `time.Sleep`, `WaitGroup.Wait`): [`run`] then
//! ends with `Exit::Block`, its ticket in `G::pending`, as at the end of
//! a slice. The goroutine cannot leave its M (the native's Rust frames
//! are on the M's thread stack), so it waits *locked* to its M, as a
//! blocking system call does (sched/lockedm.rs): the M lends the
//! collector the G's roots, gives its P away so the other goroutines run,
//! and waits out of the world until the G is readied and a P handed to
//! it; then the parked operation is resumed here as `exec::resume` does
//! between slices, and the loop goes on. The same hand-off serves a
//! preemption request (sysmon's 10 ms, or GOMAXPROCS) when a budget-spent
//! slice returns `Exit::Yield`: the G waits in the global queue, so a
//! long computation in a `String` method does not keep one P from the
//! others. A stop of the world pending then is served by leaving the world
//! for the stop and entering again (keeping the P).
//!
//! While it waits the collector scans a copy of the G's roots: its stack
//! and records, and the deferred calls and panic state every nesting level
//! on this thread set aside ([`SAVED`]: they are outside `G` meanwhile);
//! the parked operation is lent itself, so the words a partner hands its
//! ticket after the copy are read where they are.
//!
//! Invariants: the frames below the sentinel belong to the native's
//! callers and to Rust frames that are still running, so nothing here
//! unwinds past it; the goroutine's deferred calls and panic state are
//! set aside in [`SAVED`] during the call, with the callee's arguments
//! (roots there: the collector's own-stack scan and the lent copy read
//! them), and restored after it; natives hold no heap address across a
//! call back into Go that is not reachable from their arguments or the
//! callee's, or kept with a [`Kept`] guard (architecture invariant 5: the
//! call may wait, and a collection may run meanwhile).

use super::*;
use crate::goroutine::{DeferStack, OuterPanics, Panicking};
use crate::native::CallError;
use crate::sched::{LiveRoots, LockedPark};

/// What a nested call sets aside of its goroutine: the caller's deferred
/// calls, panic and interrupted panics; and what it keeps alive for the
/// native until the call returns: the callee's closure and argument words
/// (a native may read an object it passed after the call, such as fmt's
/// `Format` state, while the callee's frame no longer holds it live).
struct Saved {
    defers: DeferStack,
    panicking: Option<Box<Panicking>>,
    outer: OuterPanics,
    /// Where this call's kept words start in [`KEPT`].
    kept_from: usize,
}

thread_local! {
    /// The records set aside by the nested calls running on this thread,
    /// outermost first. They all belong to the goroutine this M runs (a
    /// nested call runs on its caller's goroutine), so they are its roots.
    static SAVED: std::cell::RefCell<Vec<Saved>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The words the nested calls on this thread keep alive (each call's
    /// from its `Saved::kept_from`): one vector for them all, so a call
    /// allocates nothing once it has grown.
    static KEPT: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Heap words a native holds in Rust locals across its calls back into
/// Go (architecture invariant 5: a nested call may wait, and a whole
/// collection may run meanwhile), made roots of its goroutine until the
/// guard is dropped: the words go to [`KEPT`], which the goroutine's
/// own-stack scan and the roots it lends read ([`saved_roots`]).
///
/// Take one with [`NativeCtx::kept`] and keep what the native will use
/// after a call that it did not get from its arguments or the call's
/// results: objects it allocated and has not stored yet, words it copied
/// out of memory the callee may overwrite (a struct's fields, a map's
/// entries, a slice's elements), a panic value it will re-raise. A word
/// that is not a heap address is ignored by the scan.
///
/// No shading is needed when a word is kept during a mark whose scan of
/// the goroutine is over: the word came from the native's arguments (a
/// root scanned), an allocation (black) or a load from the heap (kept
/// white only while heap-protected, gc/src/barrier.rs event 2), as a
/// word moved from one stack slot to another would.
///
/// Invariants: guards are dropped in the reverse order of their making
/// (they are Rust locals of nested natives), on the thread that made them
/// (not `Send`); a guard's words and those kept after it are released
/// when it is dropped, or with the nested call it was made in, whichever
/// comes first (a guard that outlives it finds `KEPT` already shorter).
pub struct Kept {
    from: usize,
    _thread: std::marker::PhantomData<*const ()>,
}

impl Kept {
    /// Keeps `words` alive until this guard is dropped.
    pub fn keep(&self, words: &[u64]) {
        KEPT.with(|k| k.borrow_mut().extend_from_slice(words));
    }

    /// Keeps the words of `words` that hold heap addresses in a value of
    /// type `t` (its pointer mask), the others being no roots.
    pub fn keep_value(&self, prog: &Program, t: RtType, words: &[u64]) {
        let Some(d) = prog.types.get(t.0 as usize) else {
            // An unknown type: keep every word.
            return self.keep(words);
        };
        if d.ptr_mask.iter().all(|&m| m == 0) {
            return;
        }
        KEPT.with(|k| {
            let mut k = k.borrow_mut();
            for (i, &w) in words.iter().enumerate() {
                if d.ptr_mask
                    .get(i / 64)
                    .is_some_and(|m| m >> (i % 64) & 1 != 0)
                {
                    k.push(w);
                }
            }
        });
    }
}

impl Drop for Kept {
    fn drop(&mut self) {
        KEPT.with(|k| k.borrow_mut().truncate(self.from));
    }
}

/// Every root word the nested calls on this thread set aside (their
/// callers' deferred calls and panic values): roots of the goroutine this
/// thread runs, for its own-stack scan and the roots it lends.
pub(crate) fn saved_roots(f: &mut dyn FnMut(u64)) {
    SAVED.with(|s| {
        let Ok(s) = s.try_borrow() else { return };
        KEPT.with(|k| {
            if let Ok(k) = k.try_borrow() {
                k.iter().for_each(|&w| f(w));
            }
        });
        for sv in s.iter() {
            sv.defers.for_each_word(f);
            crate::goroutine::panic_roots(sv.panicking.as_deref(), &sv.outer, f);
        }
    });
}

/// A copy of every root word of `g` parked in a nested call, with its
/// trace (as `mgc::root_words`, plus [`saved_roots`]).
fn lent_words(vm: &Vm, g: &G) -> Box<[u64]> {
    let mut v = Vec::with_capacity(4 * g.frames.len() + 8);
    // Parked: every frame's pc is saved.
    g.roots(&vm.liveness, None, &mut |w| v.push(w as u64));
    saved_roots(&mut |w| v.push(w));
    crate::traceback::lend_trace(g, &mut v);
    v.into_boxed_slice()
}

impl LiveRoots for crate::park::Pending {
    fn for_each_word(&self, f: &mut dyn FnMut(u64)) {
        crate::park::Pending::for_each_word(self, f);
    }

    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any> {
        self
    }
}

/// How waiting in a nested call ended.
enum Waited {
    /// The G runs again (its parked operation resumed, if any).
    Runs,
    /// Resuming the parked operation panicked and nothing recovered.
    Panic,
    /// The run ended meanwhile: unwind without running Go code.
    Ended,
}

/// The G, in a nested call, waits locked to its M (module docs) for
/// `why`; a parked operation in `G::pending` is lent and resumed. Loops
/// while the resumed operation must wait again (a spurious wakeup).
fn wait_locked(vm: &mut Vm, sl: SliceCx<'_>, g: &mut G, mut why: LockedPark) -> Waited {
    loop {
        let words = lent_words(vm, g);
        let live = g.pending.take().map(|p| p as Box<dyn LiveRoots>);
        let back = sl.cx.park_locked(why, words, live);
        g.pending = back
            .live
            .and_then(|l| l.into_any().downcast::<crate::park::Pending>().ok());
        if !back.runs {
            return Waited::Ended;
        }
        // A cycle may have begun while it waited (the copy it lent was
        // scanned then, or the stack job waits for this scan).
        vm.scan_own_stack(g, None, Some(sl.cx));
        if let Some(p) = g.pending.take() {
            match crate::park::unboxed(p).resume(&mut g.stack, &mut |w| vm.shade_words(w)) {
                crate::park::Resumed::Done => {}
                crate::park::Resumed::Parked(p) => {
                    why = LockedPark::Block(p.reason());
                    g.pending = Some(crate::park::boxed(p));
                    continue;
                }
                crate::park::Resumed::Panic(e) => {
                    if !raise(vm, Some(sl), g, e.message().to_string()) {
                        return Waited::Panic;
                    }
                }
            }
        }
        if let Some(r) = &vm.race {
            r.resumed(g.id);
        }
        return Waited::Runs;
    }
}

/// A budget-spent slice of a nested call: serve a pending stop of the
/// world or a preemption request (module docs); otherwise go on at once.
fn at_yield(vm: &mut Vm, sl: Option<SliceCx<'_>>, g: &mut G) -> Option<Waited> {
    let sl = sl?;
    if crate::sched::world::STOP_HINT.load(std::sync::atomic::Ordering::Relaxed) != 0 {
        let words = lent_words(vm, g);
        let live = g.pending.take().map(|p| p as Box<dyn LiveRoots>);
        let back = sl.cx.lend_for_stop(words, live);
        g.pending = back.and_then(|l| l.into_any().downcast::<crate::park::Pending>().ok());
        vm.scan_own_stack(g, None, Some(sl.cx));
    }
    // Without a P: a system call in the nested call came back to none. A
    // seeded schedule (sched/seeded.rs) has no sysmon: every spent budget
    // is a turn for the others there.
    if sl.cx.should_yield() || sl.cx.p_id().is_none() || sl.cx.seeded_slice().is_some() {
        return Some(wait_locked(vm, sl, g, LockedPark::Yield));
    }
    None
}

/// Runs Go function `f` (with closure object `closure`, 0 for none) to
/// completion on `g` for a native that is running in `g`'s top frame, and
/// returns its result words: the engine behind [`NativeCtx::call`] (see
/// the native module docs for its limits).
///
/// How: the callee's window starts above the native's frame; below the
/// callee sits a *sentinel* frame whose function index is out of range, so
/// when the callee returns, [`run`] stops at the sentinel with a fatal
/// "bad function index", which is recognised here as the normal return.
/// The goroutine's deferred calls and panic state are set aside meanwhile
/// ([`SAVED`]), so a panic the callee does not recover ends the loop with
/// `Exit::Panic` instead of unwinding frames below the sentinel (which
/// belong to the native's callers and to Rust frames that are still
/// running). A callee that blocks, or is asked to yield, waits locked to
/// this M (module docs).
fn run_nested(
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
    SAVED.with(|s| {
        s.borrow_mut().push(Saved {
            defers: std::mem::take(&mut g.defers),
            panicking: g.panicking.take(),
            outer: std::mem::take(&mut g.outer),
            kept_from: KEPT.with(|k| {
                let mut k = k.borrow_mut();
                let from = k.len();
                k.extend_from_slice(args);
                k.push(closure);
                from
            }),
        })
    });
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
        let waited = match run(vm, sl, g, SLICE_BUDGET) {
            Exit::Yield => at_yield(vm, sl, g),
            Exit::Block(r) => match sl {
                Some(sl) => Some(wait_locked(vm, sl, g, LockedPark::Block(r))),
                None => {
                    // No scheduler (a program run without one): nobody
                    // could wake it.
                    let _ = vm.stdout.flush();
                    crate::panic::fatal(vm, g, "channel operation in a nested call");
                    break Err(CallError::Fatal);
                }
            },
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
            Exit::Panic => Some(Waited::Panic),
        };
        match waited {
            None | Some(Waited::Runs) => {}
            // The program is over: its report is out; run nothing more.
            Some(Waited::Ended) => break Err(CallError::Exit(2)),
            Some(Waited::Panic) => {
                let (value, runtime) = match g.panicking.take() {
                    Some(p) => crate::native::panic_word(vm, &p.value),
                    None => (0, None),
                };
                break Err(CallError::Panic { value, runtime });
            }
        }
    };
    g.frames.truncate(depth);
    if let Some(sv) = SAVED.with(|s| s.borrow_mut().pop()) {
        KEPT.with(|k| k.borrow_mut().truncate(sv.kept_from));
        g.defers = sv.defers;
        g.panicking = sv.panicking;
        g.outer = sv.outer;
    }
    outcome
}

/// [`run_nested`] counted against [`MAX_NESTED_CALLS`](crate::native::MAX_NESTED_CALLS)
/// (the per-thread depth in `native::NESTED`): every call from Rust into
/// Go goes through here, a native's and a panic value's `Error` method.
fn call_counted(
    vm: &mut Vm,
    sl: Option<SliceCx<'_>>,
    g: &mut G,
    f: FuncId,
    closure: u64,
    args: &[u64],
) -> Result<Vec<u64>, CallError> {
    let depth = crate::native::NESTED.with(|d| d.get());
    if depth >= crate::native::MAX_NESTED_CALLS {
        return Err(CallError::TooDeep);
    }
    crate::native::NESTED.with(|d| d.set(depth + 1));
    let r = run_nested(vm, sl, g, f, closure, args);
    crate::native::NESTED.with(|d| d.set(depth));
    r
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
        call_counted(self.vm, self.sl, self.g, f, closure, args)
    }

    /// A guard that keeps heap words this native holds across its calls
    /// back into Go alive until it is dropped (see [`Kept`]).
    pub fn kept(&self) -> Kept {
        Kept {
            from: KEPT.with(|k| k.borrow().len()),
            _thread: std::marker::PhantomData,
        }
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
/// message directly), for the report of `g`'s unrecovered panic: run as a
/// nested call on `g` itself, as Go's `preprintpanics` runs it on the
/// panicking goroutine, so the method may block (a channel, a lock, a
/// sleep) and the others run meanwhile; `g`'s panic state is set aside
/// while it runs ([`SAVED`]: its values stay roots). `Ok(None)` when there
/// is no such method (the value prints as it is); `Err(code)` when the
/// program must end with `code` and no report: the method called
/// `os.Exit`, panicked (Go's fatal error `panic while printing panic
/// value`, reported here), died of a fatal error (reported), or waited
/// until the run ended (a deadlock, reported).
pub(crate) fn method_text(
    vm: &mut Vm,
    sl: Option<SliceCx<'_>>,
    g: &mut G,
    v: u64,
) -> Result<Option<Vec<u8>>, i32> {
    let Some(t) = crate::panic::box_type(v) else {
        return Ok(None);
    };
    if vm.is_runtime_error(t) {
        return Ok(None);
    }
    let Some(desc) = vm.prog.types.get(t.0 as usize) else {
        return Ok(None);
    };
    let f = ["Error", "String"].iter().find_map(|name| {
        let m = desc.method(name.as_bytes())?;
        // Only `func() string`, Go's error and Stringer (that spelling is
        // one type: a program's own `string` prints as `main.string`).
        (vm.prog.types.get(m.sig.0 as usize)?.name == "func() string").then_some(m.func)
    });
    let Some(f) = f else {
        return Ok(None);
    };
    let recv: Vec<u64> = (0..desc.words as usize)
        // SAFETY: the box holds its type's words after the type word
        // (value invariant 3).
        .map(|k| unsafe { value::read_word(v, 1 + k) })
        .collect();
    match call_counted(vm, sl, g, f, 0, &recv) {
        Ok(w) => {
            let (p, l) = (
                w.first().copied().unwrap_or(0),
                w.get(1).copied().unwrap_or(0),
            );
            // SAFETY: the method's signature is `func() string` (checked
            // above), so it returned a string (value invariant 1); no
            // safepoint since it returned.
            Ok(Some(unsafe { value::str_bytes(p, l) }.to_vec()))
        }
        Err(CallError::Exit(code)) => Err(code),
        Err(CallError::Fatal) => Err(2),
        Err(CallError::Panic { value, .. }) => {
            // Go's preprintpanics recovers it and throws: a string value
            // is named, any other by its type.
            let text = "panic while printing panic value";
            let t = crate::panic::box_type(value);
            let name = t
                .and_then(|t| vm.prog.types.get(t.0 as usize))
                .map_or("nil", |d| d.name.as_str());
            let msg = if name == "string" {
                // SAFETY: a box of type string holds a string's two words
                // after its type word (value invariant 3), and they are a
                // string (value invariant 1); no safepoint since the call
                // returned.
                let b = unsafe {
                    value::str_bytes(value::read_word(value, 1), value::read_word(value, 2))
                };
                format!("{text}: {}", String::from_utf8_lossy(b))
            } else {
                format!("{text}: type {name}")
            };
            let _ = vm.stdout.flush();
            crate::panic::fatal(vm, g, &msg);
            Err(2)
        }
        Err(CallError::TooDeep) => Ok(None),
    }
}
