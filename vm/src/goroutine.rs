//! Goroutines: a slot stack, a frame stack, and the panic and defer
//! records. Only the goroutine's own thread touches a `G` while it runs;
//! the collector reads it with the world stopped.
//!
//! Frames are records (`Frame`), not Rust stack frames, so Go recursion
//! depth is bounded by the slot stack's limit (1 GiB, Go's), never by the
//! Rust stack.

use gol_lang::bytecode::FuncId;

/// Go's maximum goroutine stack: beyond it, `fatal error: stack overflow`.
pub(crate) const MAX_STACK_BYTES: usize = 1_000_000_000;

/// What a frame counts against the stack limit besides its slots (Go's
/// smallest frames take a return address and a frame pointer; gol's frame
/// record is 32 bytes, counted twice to bound the records' memory at half
/// the limit).
pub(crate) const FRAME_COST_BYTES: usize = 64;

/// One activation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frame {
    pub(crate) func: u32,
    /// The next instruction (for callers: the instruction after the call).
    pub(crate) pc: u32,
    /// First slot of the window in the slot stack.
    pub(crate) base: u32,
    /// The closure object this frame was called through (0 for static calls).
    pub(crate) closure: u64,
    /// This frame runs a deferred call while its goroutine panics (so
    /// `recover` may stop the panic).
    pub(crate) deferred_panic: bool,
    /// The pc of a `Return` of this frame that has copied its results to
    /// the window's base and waits for the frame's deferred calls. When it
    /// runs again it must not copy them a second time (the first copy may
    /// have overwritten its source slots, which overlap the base when the
    /// results sit low), and a recovered panic resumes there.
    pub(crate) returning: Option<u32>,
}

/// A deferred call: the closure and the depth of the frame that deferred it.
#[derive(Clone, Debug)]
pub(crate) struct Deferred {
    pub(crate) frame: usize,
    pub(crate) closure: u64,
    /// The argument words, evaluated at the `defer` statement.
    pub(crate) args: Vec<u64>,
}

/// What a goroutine panics with.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum PanicValue {
    /// `panic(v)`: an interface word (a box pointer, 0 for nil).
    Value(u64),
    /// A runtime error, with Go's message after `runtime error: `.
    Runtime(String),
    /// `runtime.Goexit`: unwinds like a panic, running every deferred
    /// call, but `recover` returns nil and does not stop it, and reaching
    /// the bottom of the stack ends the goroutine normally.
    Goexit,
}

/// A panic in progress.
#[derive(Clone, Debug)]
pub(crate) struct Panicking {
    pub(crate) value: PanicValue,
    pub(crate) recovered: bool,
    /// This panic re-raises the value of a panic that was just recovered.
    pub(crate) repanicked: bool,
    /// The panics this one interrupted (a panic inside a deferred call run
    /// by an earlier panic), oldest first, and whether each was recovered:
    /// Go prints them all, `panic: first [recovered]` then `\tpanic: ...`.
    pub(crate) earlier: Vec<(PanicValue, bool)>,
    /// The stack (function, pc) where the panic started, for the trace.
    pub(crate) trace: Vec<(u32, u32)>,
    /// Depth of the frame running this panic's current deferred call
    /// (`usize::MAX` before the first): only a `recover` called directly
    /// by that frame stops this panic.
    pub(crate) frame: usize,
}

/// A goroutine.
pub struct G {
    pub(crate) id: u64,
    pub(crate) stack: Vec<u64>,
    pub(crate) frames: Vec<Frame>,
    pub(crate) defers: Vec<Deferred>,
    /// Boxed, like `pending`: rare, and a parked goroutine should cost
    /// little (see `INITIAL_STACK_WORDS`).
    pub(crate) panicking: Option<Box<Panicking>>,
    /// Panics interrupted by a newer one started inside their deferred
    /// call, innermost last: each resumes when the newer one is recovered
    /// without unwinding past its deferred call, and is aborted (moved to
    /// the newer one's `earlier`) when unwinding removes that call's frame.
    /// Boxed: they move between this list and `panicking` whole.
    #[allow(clippy::vec_box)]
    pub(crate) outer: Vec<Box<Panicking>>,
    /// The channel operation this goroutine is parked in (see `park`).
    pub(crate) pending: Option<Box<crate::park::Pending>>,
    /// The `go` statement that started it: (creator's id, function, pc
    /// after the statement), for `created by` in traces.
    pub(crate) created: Option<(u64, u32, u32)>,
    /// It runs a finalizer (mfinal.rs): its end lets the next one start.
    pub(crate) finalizer: bool,
}

/// A new goroutine's slot stack: 64 words (512 bytes). Small, because a
/// parked goroutine costs its stack (200,000 of them are a benchmark); it
/// doubles by copying as calls need more.
const INITIAL_STACK_WORDS: usize = 32;

impl G {
    /// A goroutine about to call the non-nil func value `cl` (a closure
    /// object whose word 0 is the function index) with the argument words
    /// `args`; `created` is its creator (id, function, pc) for traces.
    /// None when its first frame does not fit in a stack.
    pub(crate) fn for_func_value(
        prog: &gol_lang::bytecode::Program,
        cl: u64,
        args: &[u64],
        created: (u64, u32, u32),
    ) -> Option<Box<G>> {
        // SAFETY: the caller passes a non-nil func value.
        let f = unsafe { crate::value::read_word(cl, 0) } as u32;
        let fw = prog
            .funcs
            .get(f as usize)
            .map_or(0, |x| x.frame_words as usize);
        let mut ng = Box::new(G::new(0, FuncId(f)));
        if let Some(fr) = ng.frames.first_mut() {
            fr.closure = cl;
        }
        if !ng.ensure(args.len() + fw + 1) {
            return None;
        }
        ng.stack[..args.len()].copy_from_slice(args);
        ng.created = Some(created);
        Some(ng)
    }

    /// A goroutine about to call `entry`.
    pub(crate) fn new(id: u64, entry: FuncId) -> G {
        G {
            id,
            stack: vec![0; INITIAL_STACK_WORDS],
            frames: vec![Frame {
                func: entry.0,
                pc: 0,
                base: 0,
                closure: 0,
                deferred_panic: false,
                returning: None,
            }],
            defers: Vec::new(),
            panicking: None,
            outer: Vec::new(),
            pending: None,
            created: None,
            finalizer: false,
        }
    }

    /// The slots that may hold live values (conservative roots).
    pub(crate) fn live_slots(&self) -> &[u64] {
        &self.stack
    }

    /// Roots outside the slot stack.
    pub(crate) fn extra_roots(&self, sink: &mut dyn FnMut(usize)) {
        for f in &self.frames {
            sink(f.closure as usize);
        }
        for d in &self.defers {
            sink(d.closure as usize);
            for &w in &d.args {
                sink(w as usize);
            }
        }
        if let Some(p) = &self.pending {
            p.for_each_word(&mut |w| sink(w as usize));
        }
        for p in self.panicking.iter().chain(&self.outer) {
            let values = p.earlier.iter().map(|e| &e.0).chain([&p.value]);
            for v in values {
                if let PanicValue::Value(v) = v {
                    sink(*v as usize);
                }
            }
        }
    }

    /// Makes the slot stack at least `need` slots long, doubling, with room
    /// for one more frame record; false when that would exceed Go's stack
    /// limit (or the memory cannot be had: the program then dies with the
    /// stack overflow report rather than an allocation abort).
    ///
    /// The limit counts the slots and [`FRAME_COST_BYTES`] per frame, so a
    /// recursion whose frames need no slots (`func f() { f() }`) still ends
    /// at the limit instead of growing the frame records without bound.
    pub(crate) fn ensure(&mut self, need: usize) -> bool {
        let frame_bytes = (self.frames.len() + 1).saturating_mul(FRAME_COST_BYTES);
        if need.saturating_mul(8).saturating_add(frame_bytes) > MAX_STACK_BYTES {
            return false;
        }
        if self.frames.len() == self.frames.capacity() && self.frames.try_reserve(1).is_err() {
            return false;
        }
        if need <= self.stack.len() {
            return true;
        }
        let mut n = self.stack.len().max(INITIAL_STACK_WORDS);
        while n < need {
            n *= 2;
        }
        let n = n.min(MAX_STACK_BYTES / 8);
        if self.stack.try_reserve_exact(n - self.stack.len()).is_err() {
            return false;
        }
        self.stack.resize(n, 0);
        true
    }
}
