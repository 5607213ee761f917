//! Goroutines: a slot stack, a frame stack, and the panic and defer
//! records. Only the goroutine's own thread touches a `G` while it runs;
//! the collector reads it with the world stopped.
//!
//! Frames are records (`Frame`), not Rust stack frames, so Go recursion
//! depth is bounded by the slot stack's limit (1 GiB, Go's), never by the
//! Rust stack.
//!
//! # What a parked goroutine holds
//! Programs park goroutines by the hundred thousand, so everything a G
//! keeps while it waits is sized to what it uses. A goroutine parked on a
//! channel receive in its own frame with one `defer wg.Done()` pending
//! (`bench/parked.gol`) holds these allocations (bytes asked of the Rust
//! allocator, then the glibc chunk that serves them):
//!
//! | what | asked | chunk |
//! |---|---|---|
//! | `G` (this struct, boxed) | 136 | 144 |
//! | the scheduler's `GInner` in its `Arc` (sched/g.rs) | 88 | 96 |
//! | the channel's sudog in its `Arc` (sched/chan.rs) | 88 | 96 |
//! | frame records: the first and room for one call | 64 | 80 |
//! | slot stack: the first frame's window | 24 | 32 |
//! | defer stack: one record of one argument | 24 | 32 |
//! | the parked receive (`park::Pending`, boxed) | 24 | 32 |
//! | the G table's slot and the channel's wait-queue entry | 16 | (in larger arrays) |
//!
//! About 530 bytes, plus the `go` statement's closure on the collected
//! heap (32 bytes) and, at the moment a stop of the world lists the other
//! Gs, about 40 bytes of transient lists. bench/parked.sh measures the
//! whole: about 615 bytes per goroutine of peak RSS (Go: about 2,750,
//! mostly its 2 KiB starting stack).
//!
//! Where that came from (about 1,200 bytes before): a 32-word starting
//! stack where 3 words were used (a stack now starts as its first frame's
//! window and grows to 32 words at its first call, doubling after that), room for four frame records, a vector of defer records with
//! room for four and a second allocation per record for its arguments,
//! and a parked operation sized for a select.
//!
//! Rejected: shrinking a stack when its goroutine parks or at a
//! collection, as Go's `shrinkstack` does (a park would pay for a copy
//! each time, and a ping-pong parks a million times; the collector reads
//! the stacks of goroutines it does not run, and only the owner may move
//! one; starting small gets the common parked case without either), and
//! an intrusive wait queue (Go's sudogs link through themselves; the
//! queue's array costs 8 bytes a waiter here).

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
    /// This frame runs a deferred call for a panic or Goexit (so
    /// `recover` may stop the panic), on top of the frames the panic
    /// started in (interp/unwind.rs).
    pub(crate) deferred_panic: bool,
    /// The pc of a `Return` of this frame that has copied its results to
    /// the window's base and waits for the frame's deferred calls. When it
    /// runs again it must not copy them a second time (the first copy may
    /// have overwritten its source slots, which overlap the base when the
    /// results sit low), and a recovered panic resumes there.
    pub(crate) returning: Option<u32>,
}

impl Frame {
    /// The frame's pc as a return address, for stack walks. A frame that
    /// waits at its `Return` for its deferred calls made them from that
    /// instruction (as Go's `deferreturn` call at a function's end does):
    /// the address after it, so that the line looked up one before it is
    /// the return's (the closing brace of a function that falls off its
    /// end), not the previous statement's. Every other frame below the
    /// top stopped after a call and its pc already is one.
    pub(crate) fn return_addr(&self) -> u32 {
        if self.returning == Some(self.pc) {
            self.pc + 1
        } else {
            self.pc
        }
    }
}

/// The top deferred call as `G::defers` reports it: the depth of the frame
/// that deferred it (the rest stays packed, see [`DeferStack`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Deferred {
    pub(crate) frame: usize,
}

/// A goroutine's pending deferred calls, innermost last, packed into one
/// word stack: each record is its argument words, then the func value,
/// then one word holding the deferring frame's depth (high 32 bits) and
/// the argument count (low 32 bits), so the top record is found from the
/// last word. A goroutine with one `defer` of one argument keeps three
/// words, where a `Vec` of records (each with its own argument `Vec`)
/// kept a 4-record array and a second allocation.
///
/// Invariant: `words` is a sequence of whole records; depths and counts
/// fit 32 bits (a frame costs `FRAME_COST_BYTES` against the 1 GB stack
/// limit, and arguments are slots of one frame).
#[derive(Clone, Debug, Default)]
pub(crate) struct DeferStack {
    words: Vec<u64>,
}

/// The top deferred call, read in place: the func value and where its
/// argument words sit in the defer stack.
pub(crate) struct DeferTop {
    pub(crate) closure: u64,
    args: std::ops::Range<usize>,
}

impl DeferStack {
    /// `defer` of `closure` with `args` by the frame at depth `frame`.
    pub(crate) fn push(&mut self, frame: usize, closure: u64, args: &[u64]) {
        let n = args.len() + 2;
        if self.words.capacity() - self.words.len() < n {
            if self.words.is_empty() {
                // Most functions defer once: size the first record exactly.
                self.words.reserve_exact(n);
            } else {
                self.words.reserve(n);
            }
        }
        self.words.extend_from_slice(args);
        self.words.push(closure);
        self.words.push(((frame as u64) << 32) | args.len() as u64);
    }

    /// The top record's deferring frame.
    #[inline]
    pub(crate) fn last(&self) -> Option<Deferred> {
        let w = *self.words.last()?;
        Some(Deferred {
            frame: (w >> 32) as usize,
        })
    }

    /// The top record, left in place (see [`DeferStack::args`] and
    /// [`DeferStack::drop_top`]).
    pub(crate) fn top(&self) -> Option<DeferTop> {
        let len = self.words.len();
        let w = *self.words.last()?;
        let n = (w & 0xffff_ffff) as usize;
        let start = len - 2 - n;
        Some(DeferTop {
            closure: self.words[len - 2],
            args: start..start + n,
        })
    }

    /// The argument words of record `t` (the top one).
    pub(crate) fn args(&self, t: &DeferTop) -> &[u64] {
        &self.words[t.args.clone()]
    }

    /// Removes record `t`, the top one.
    pub(crate) fn drop_top(&mut self, t: DeferTop) {
        self.words.truncate(t.args.start);
    }

    /// Every func value and argument word (roots).
    pub(crate) fn for_each_word(&self, f: &mut dyn FnMut(u64)) {
        let mut end = self.words.len();
        while end > 0 {
            let n = (self.words[end - 1] & 0xffff_ffff) as usize;
            let start = end - 2 - n;
            for &w in &self.words[start..end - 1] {
                f(w);
            }
            end = start;
        }
    }
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
    /// Depth of the frame that deferred that call (`usize::MAX` before
    /// the first): the frame that returns when the call recovers, the
    /// frames above it being unwound then (interp/unwind.rs).
    pub(crate) owner: usize,
    /// The depth at which the newest Goexit this panic aborted ran its
    /// deferred calls: recovering this panic does not bypass that Goexit
    /// (Go 1.14+), which goes on with its deferred calls from there.
    pub(crate) goexit: Option<usize>,
}

/// The panics a newer one interrupted (`G::outer`), innermost last. Each
/// is boxed (they move between this list and `G::panicking` whole), and so
/// is the list: a goroutine that never panics inside a deferred call keeps
/// one null word for it.
#[derive(Debug, Default)]
#[allow(clippy::box_collection, clippy::vec_box)]
pub(crate) struct OuterPanics(Option<Box<Vec<Box<Panicking>>>>);

/// The heap words of a panic and of the panics it interrupted: each one's
/// value and the earlier values it carries (roots of the goroutine while
/// they are its own, or set aside by a nested call).
pub(crate) fn panic_roots(
    panicking: Option<&Panicking>,
    outer: &OuterPanics,
    f: &mut dyn FnMut(u64),
) {
    for p in panicking.into_iter().chain(outer.iter()) {
        p.heap_values().for_each(&mut *f);
    }
}

impl Panicking {
    /// The heap words of this panic's values: the earlier values it
    /// carries, oldest first, then its own (runtime errors and other
    /// values that are no box have none).
    pub(crate) fn heap_values(&self) -> impl Iterator<Item = u64> + '_ {
        let values = self.earlier.iter().map(|e| &e.0).chain([&self.value]);
        values.filter_map(|v| match v {
            PanicValue::Value(b) => Some(*b),
            _ => None,
        })
    }
}

impl OuterPanics {
    pub(crate) fn push(&mut self, p: Box<Panicking>) {
        self.0.get_or_insert_with(Box::default).push(p);
    }

    pub(crate) fn pop(&mut self) -> Option<Box<Panicking>> {
        let v = self.0.as_mut()?;
        let p = v.pop();
        if v.is_empty() {
            self.0 = None;
        }
        p
    }

    pub(crate) fn last(&self) -> Option<&Panicking> {
        self.0.as_ref()?.last().map(|p| &**p)
    }

    /// Oldest first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Panicking> {
        self.0.iter().flat_map(|v| v.iter().map(|p| &**p))
    }
}

/// A goroutine.
pub struct G {
    pub(crate) id: u64,
    pub(crate) stack: Vec<u64>,
    pub(crate) frames: Vec<Frame>,
    pub(crate) defers: DeferStack,
    /// Boxed, like `pending`: rare, and a parked goroutine should cost
    /// little (the module docs count what one holds).
    pub(crate) panicking: Option<Box<Panicking>>,
    /// Panics interrupted by a newer one started inside their deferred
    /// call, innermost last: each resumes when the newer one is recovered
    /// without unwinding past its deferred call, and is aborted (moved to
    /// the newer one's `earlier`) when the newer one runs a deferred call
    /// of a frame below that call's.
    pub(crate) outer: OuterPanics,
    /// The channel operation this goroutine is parked in (see `park`).
    pub(crate) pending: Option<Box<crate::park::Pending>>,
    /// The `go` statement that started it: (creator's id, function, pc
    /// after the statement), for `created by` in traces.
    pub(crate) created: Option<(u64, u32, u32)>,
    /// It runs a finalizer (mfinal.rs): its end lets the next one start.
    pub(crate) finalizer: bool,
    /// `debug.SetPanicOnFault`: a fault of this goroutine on user-mapped
    /// memory panics instead of ending the program (usermap.rs).
    pub(crate) panic_on_fault: bool,
    /// Frame records below which a call needs no check of the stack limit
    /// or of the records' capacity ([`G::ensure`]'s fast test): at most
    /// `frames.capacity()`, and `stack.len() * 8 + frame_cap *
    /// FRAME_COST_BYTES <= MAX_STACK_BYTES`. Set by `ensure_slow`, the
    /// only place the stack grows; capacity never shrinks, so a value
    /// once true stays true (0 is always true: the slow test then runs).
    frame_cap: u32,
}

/// The slot stack's size at its first growth past the first frame's
/// window (32 words, 256 bytes); it doubles by copying from there. A new
/// goroutine's stack holds just its first frame's window (see
/// [`G::ensure`]): a goroutine that parks without calling a function
/// with a body keeps no more.
const GROWN_STACK_WORDS: usize = 32;

/// Frame records a new goroutine has room for: its first frame and the
/// one call `ensure` keeps room for (doubling from there).
const INITIAL_FRAMES: usize = 2;

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
        let mut frames = Vec::with_capacity(INITIAL_FRAMES);
        frames.push(Frame {
            func: entry.0,
            pc: 0,
            base: 0,
            closure: 0,
            deferred_panic: false,
            returning: None,
        });
        G {
            id,
            stack: Vec::new(),
            frames,
            defers: DeferStack::default(),
            panicking: None,
            outer: OuterPanics::default(),
            pending: None,
            created: None,
            finalizer: false,
            panic_on_fault: false,
            frame_cap: 0,
        }
    }

    /// Every root word of this goroutine: the slots the stack maps call
    /// live where its frames stand (liveness.rs; `top_pc` is where the
    /// top frame runs when its record's pc is stale: a goroutine scanning
    /// its own stack mid-slice), then the records ([`G::extra_roots`]).
    pub(crate) fn roots(
        &self,
        maps: &crate::liveness::Maps,
        top_pc: Option<u32>,
        sink: &mut dyn FnMut(usize),
    ) {
        maps.stack_roots(self, top_pc, sink);
        self.extra_roots(sink);
    }

    /// Roots outside the slot stack.
    pub(crate) fn extra_roots(&self, sink: &mut dyn FnMut(usize)) {
        for f in &self.frames {
            sink(f.closure as usize);
        }
        self.defers.for_each_word(&mut |w| sink(w as usize));
        if let Some(p) = &self.pending {
            p.for_each_word(&mut |w| sink(w as usize));
        }
        panic_roots(self.panicking.as_deref(), &self.outer, &mut |w| {
            sink(w as usize)
        });
    }

    /// Makes the slot stack at least `need` slots long, with room for one
    /// more frame record. An empty stack (a new goroutine's) is made
    /// exactly `need` long; a stack that must grow becomes at least
    /// [`GROWN_STACK_WORDS`] long and doubles until it holds `need`; false when that would exceed Go's stack
    /// limit (or the memory cannot be had: the program then dies with the
    /// stack overflow report rather than an allocation abort).
    ///
    /// The limit counts the slots and [`FRAME_COST_BYTES`] per frame, so a
    /// recursion whose frames need no slots (`func f() { f() }`) still ends
    /// at the limit instead of growing the frame records without bound.
    #[inline]
    pub(crate) fn ensure(&mut self, need: usize) -> bool {
        // Nearly every call: room for the slots, and a record count below
        // `frame_cap`, which implies both room for the record and the
        // limit: need * 8 + (frames + 1) * FRAME_COST_BYTES <= stack.len()
        // * 8 + frame_cap * FRAME_COST_BYTES <= MAX_STACK_BYTES.
        if need <= self.stack.len() && self.frames.len() < self.frame_cap as usize {
            return true;
        }
        self.ensure_slow(need)
    }

    /// Pushes a frame record where [`G::ensure`] just made room for one
    /// (no capacity test, no growth path in the caller's code).
    #[inline(always)]
    pub(crate) fn push_frame(&mut self, fr: Frame) {
        let n = self.frames.len();
        if n == self.frames.capacity() {
            // Not reached after `ensure`; kept so the push is sound
            // whatever the caller did.
            self.frames.push(fr);
            return;
        }
        // SAFETY: n < capacity (just tested), so slot n is allocated and
        // unused; writing it and then counting it is what `push` does.
        unsafe {
            self.frames.as_mut_ptr().add(n).write(fr);
            self.frames.set_len(n + 1);
        }
    }

    /// A call's two record updates after [`G::ensure`] made room: the
    /// running frame's record gets the pc to return to, and the callee's
    /// record `fr` is pushed, in one pass over `frames` (no capacity test,
    /// no growth path, the records' address and length read once).
    ///
    /// # Safety
    /// There is at least one record, and `ensure` returned true with no
    /// record pushed since, so a record fits without growing: its fast
    /// test means `frames.len() < frame_cap <= frames.capacity()`, its
    /// slow path reserved one.
    #[inline(always)]
    pub(crate) unsafe fn push_call(&mut self, pc: u32, fr: Frame) {
        let n = self.frames.len();
        debug_assert!(0 < n && n < self.frames.capacity());
        let p = self.frames.as_mut_ptr();
        // SAFETY: 0 < n < capacity (the contract): record n - 1 is the
        // running frame's, slot n is allocated and unused; writing it and
        // then counting it is what `push` does.
        unsafe {
            (*p.add(n - 1)).pc = pc;
            p.add(n).write(fr);
            self.frames.set_len(n + 1);
        }
    }

    #[cold]
    fn ensure_slow(&mut self, need: usize) -> bool {
        let frame_bytes = (self.frames.len() + 1).saturating_mul(FRAME_COST_BYTES);
        if need.saturating_mul(8).saturating_add(frame_bytes) > MAX_STACK_BYTES {
            return false;
        }
        if self.frames.len() == self.frames.capacity() && self.frames.try_reserve(1).is_err() {
            return false;
        }
        if need > self.stack.len() {
            let mut n = if self.stack.is_empty() {
                need
            } else {
                self.stack.len().max(GROWN_STACK_WORDS)
            };
            while n < need {
                n *= 2;
            }
            let n = n.min(MAX_STACK_BYTES / 8);
            if self.stack.try_reserve_exact(n - self.stack.len()).is_err() {
                return false;
            }
            self.stack.resize(n, 0);
        }
        // The stack's length fits the limit (capped above), so the
        // subtraction cannot wrap.
        let by_limit = (MAX_STACK_BYTES - self.stack.len() * 8) / FRAME_COST_BYTES;
        self.frame_cap = self.frames.capacity().min(by_limit) as u32;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(d: &DeferStack) -> Vec<(usize, u64, Vec<u64>)> {
        let mut d = d.clone();
        let mut out = Vec::new();
        while let Some(t) = d.top() {
            let frame = d.last().map_or(usize::MAX, |l| l.frame);
            out.push((frame, t.closure, d.args(&t).to_vec()));
            d.drop_top(t);
        }
        out
    }

    #[test]
    fn defer_records_pop_innermost_first_with_their_arguments() {
        let mut d = DeferStack::default();
        assert!(d.last().is_none() && d.top().is_none());
        d.push(0, 0x10, &[1, 2, 3]);
        d.push(0, 0x20, &[]);
        d.push(5, 0x30, &[7]);
        assert_eq!(d.last().map(|l| l.frame), Some(5));
        assert_eq!(
            records(&d),
            vec![
                (5, 0x30, vec![7]),
                (0, 0x20, vec![]),
                (0, 0x10, vec![1, 2, 3]),
            ]
        );
        // A push after a pop overwrites the popped record's words.
        let t = d.top().expect("a record");
        d.drop_top(t);
        d.push(3, 0x40, &[9, 9]);
        assert_eq!(records(&d)[0], (3, 0x40, vec![9, 9]));
        assert_eq!(records(&d).len(), 3);
    }

    #[test]
    fn defer_roots_are_func_values_and_arguments_only() {
        let mut d = DeferStack::default();
        d.push(1, 0x100, &[0x200, 0x300]);
        d.push(2, 0x400, &[]);
        let mut seen = Vec::new();
        d.for_each_word(&mut |w| seen.push(w));
        seen.sort_unstable();
        // Not the (depth, count) words.
        assert_eq!(seen, vec![0x100, 0x200, 0x300, 0x400]);
    }

    #[test]
    fn one_defer_of_one_argument_is_one_small_allocation() {
        let mut d = DeferStack::default();
        d.push(0, 0x10, &[0x20]);
        assert_eq!(d.words.capacity(), 3);
    }

    #[test]
    fn a_new_goroutine_holds_its_first_window_only() {
        let mut g = G::new(0, FuncId(0));
        assert!(g.stack.is_empty());
        assert!(g.ensure(3));
        assert_eq!(g.stack.len(), 3);
        assert!(g.frames.capacity() >= 2, "room for one call");
        // The first growth past it goes to the grown size, then doubles.
        assert!(g.ensure(4));
        assert_eq!(g.stack.len(), GROWN_STACK_WORDS);
        assert!(g.ensure(GROWN_STACK_WORDS + 1));
        assert_eq!(g.stack.len(), 2 * GROWN_STACK_WORDS);
    }

    #[test]
    fn the_descriptor_stays_within_its_allocation_size() {
        // 136 bytes: a 144-byte glibc chunk (see the module docs).
        assert!(std::mem::size_of::<G>() <= 136);
    }

    #[test]
    fn a_parked_receive_is_three_words() {
        // Every parked goroutine holds one boxed `Pending`.
        assert!(std::mem::size_of::<crate::park::Pending>() <= 24);
    }
}
