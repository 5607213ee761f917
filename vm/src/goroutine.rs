//! Goroutines: a slot stack, a frame stack, and the panic and defer
//! records. Only the goroutine's own thread touches a `G` while it runs;
//! the collector reads it with the world stopped.
//!
//! Frames are records (`Frame`), not Rust stack frames, so Go recursion
//! depth is bounded by the slot stack's limit (1 GiB, Go's), never by the
//! Rust stack.

use gol_lang::bytecode::FuncId;

/// Go's maximum goroutine stack: beyond it, `fatal error: stack overflow`.
pub const MAX_STACK_BYTES: usize = 1_000_000_000;

/// One activation.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub func: u32,
    /// The next instruction (for callers: the instruction after the call).
    pub pc: u32,
    /// First slot of the window in the slot stack.
    pub base: u32,
    /// The closure object this frame was called through (0 for static calls).
    pub closure: u64,
    /// This frame runs a deferred call while its goroutine panics (so
    /// `recover` may stop the panic).
    pub deferred_panic: bool,
}

/// A deferred call: the closure and the depth of the frame that deferred it.
#[derive(Clone, Debug)]
pub struct Deferred {
    pub frame: usize,
    pub closure: u64,
    /// The argument words, evaluated at the `defer` statement.
    pub args: Vec<u64>,
}

/// What a goroutine panics with.
#[derive(Clone, Debug)]
pub enum PanicValue {
    /// `panic(v)`: an interface word (a box pointer, 0 for nil).
    Value(u64),
    /// A runtime error, with Go's message after `runtime error: `.
    Runtime(String),
}

/// A panic in progress.
#[derive(Clone, Debug)]
pub struct Panicking {
    pub value: PanicValue,
    pub recovered: bool,
    /// The stack (function, pc) where the panic started, for the trace.
    pub trace: Vec<(u32, u32)>,
}

/// A goroutine.
pub struct G {
    pub id: u64,
    pub stack: Vec<u64>,
    pub frames: Vec<Frame>,
    pub defers: Vec<Deferred>,
    pub panicking: Option<Panicking>,
}

impl G {
    /// A goroutine about to call `entry`.
    pub fn new(id: u64, entry: FuncId) -> G {
        G {
            id,
            stack: vec![0; 256],
            frames: vec![Frame {
                func: entry.0,
                pc: 0,
                base: 0,
                closure: 0,
                deferred_panic: false,
            }],
            defers: Vec::new(),
            panicking: None,
        }
    }

    /// The slots that may hold live values (conservative roots).
    pub fn live_slots(&self) -> &[u64] {
        &self.stack
    }

    /// Roots outside the slot stack.
    pub fn extra_roots(&self, sink: &mut dyn FnMut(usize)) {
        for f in &self.frames {
            sink(f.closure as usize);
        }
        for d in &self.defers {
            sink(d.closure as usize);
            for &w in &d.args {
                sink(w as usize);
            }
        }
        if let Some(Panicking {
            value: PanicValue::Value(v),
            ..
        }) = &self.panicking
        {
            sink(*v as usize);
        }
    }

    /// Makes the slot stack at least `need` slots long, doubling; false when
    /// that would exceed Go's stack limit.
    pub fn ensure(&mut self, need: usize) -> bool {
        if need <= self.stack.len() {
            return true;
        }
        if need.saturating_mul(8) > MAX_STACK_BYTES {
            return false;
        }
        let mut n = self.stack.len().max(256);
        while n < need {
            n *= 2;
        }
        self.stack.resize(n.min(MAX_STACK_BYTES / 8), 0);
        true
    }
}
