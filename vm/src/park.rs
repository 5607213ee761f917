//! The blocking protocol: how a goroutine parks on a channel operation
//! and how it comes back.
//!
//! # The protocol, for one receive
//! 1. The interpreter meets `ChanRecv` and calls [`recv`] with the
//!    running goroutine's scheduler context (any [`ChanCx`]: it borrows it
//!    for the call), the channel, and the goroutine's slot stack.
//! 2. A value ready at once (a buffered element or a parked sender) is
//!    written to the destination slots ([`write_recv`]) and the
//!    instruction is done. Otherwise the channel gives a *ticket* and a
//!    wait reason; [`recv`] returns them as a [`Pending`], which the
//!    interpreter stores in `G::pending` before it ends the slice with
//!    `Exit::Block(reason)`, its pc already past the instruction.
//! 3. When the goroutine runs again the executor calls
//!    [`Pending::resume`] before the interpreter: a spurious wakeup gives
//!    the ticket back (park again, [`Resumed::Parked`]); a completed
//!    ticket writes the value as step 2 did; a channel closed under a
//!    parked sender or select is Go's panic ([`Resumed::Panic`]), which
//!    the executor starts in the goroutine.
//!
//! Sends and selects follow the same three steps ([`send`], [`select`]).
//!
//! # Invariants
//! * A `Pending` names absolute slot indices of its goroutine's stack
//!   (`base + reg` of the frame that parked). The frame cannot change
//!   while the goroutine is parked, and the stack never shrinks, so they
//!   stay valid; each write is still bounds-checked against the stack.
//! * Element words in flight (in a ticket) are roots: the collector
//!   reaches them through `G::extra_roots` ([`Pending::for_each_word`]).
//! * A received value may come from a channel buffer the collector has
//!   not scanned yet, into a stack it already has: every write of a
//!   received value shades it first (`shade`, the caller's write barrier
//!   for words it moves into a scanned stack; mgc.rs explains why).
//!
//! # Layering
//! This module knows channels (`sched::chan`) and slot stacks, nothing of
//! the interpreter, the executor or the collector: the scheduler context
//! is any `ChanCx`, the stack a slice, the barrier a closure. So the
//! interpreter (which starts operations) and the executor (which resumes
//! them) both sit above it, and goroutine.rs, which holds the `Pending`
//! of a parked G, sits just above it too.
//!
//! Rejected: writing the result from inside the scheduler when the
//! partner completes the operation (it would write into another M's
//! goroutine stack; the ticket keeps the words until the owner runs).

use crate::sched::chan::{self, ChanCx, ChanError, RecvTicket, SelCase, SelectTicket, SendTicket};
use crate::sched::{Selected, WaitReason};

/// A parked channel operation and where its result goes (absolute slot
/// indices in the goroutine's stack, which fit 32 bits: a stack holds at
/// most `MAX_STACK_BYTES / 8` slots).
///
/// Every parked goroutine holds one, so the common cases are small: a
/// send or receive is three words; a select, rarer and larger (its ticket
/// and per-case destinations), is boxed.
pub(crate) enum Pending {
    Send(SendTicket, WaitReason),
    Recv {
        t: RecvTicket,
        d: u32,
        ew: u32,
        reason: WaitReason,
        ok: bool,
    },
    Select(Box<SelectWait>),
}

thread_local! {
    /// A `Pending`'s heap cell left over on this thread when a goroutine
    /// came back from a park: the next goroutine to park here moves its
    /// `Pending` in, so a blocking send or receive does not allocate and
    /// free a box on every goroutine switch (a `malloc` and a `free`
    /// were 3% of a ping-pong's time). One cell per thread is enough: a
    /// thread parks at most one goroutine per slice.
    static SPARE: std::cell::Cell<Option<Box<std::mem::MaybeUninit<Pending>>>> =
        const { std::cell::Cell::new(None) };
}

/// Boxes `p` for `G::pending` (which boxes it so that a goroutine that is
/// not parked costs one word for it), in this thread's spare cell when
/// there is one.
pub(crate) fn boxed(p: Pending) -> Box<Pending> {
    match SPARE.take() {
        Some(mut cell) => {
            cell.write(p);
            // SAFETY: written just above.
            unsafe { cell.assume_init() }
        }
        None => Box::new(p),
    }
}

/// Moves a parked operation out of its box, keeping the box as this
/// thread's spare cell (see [`boxed`]).
pub(crate) fn unboxed(b: Box<Pending>) -> Pending {
    let raw = Box::into_raw(b);
    // SAFETY: `raw` comes from `Box::into_raw` of an initialised
    // `Pending`; it is read once, and the cell is then owned again as a
    // `MaybeUninit` (same layout), whose drop does not drop the value
    // moved out, so the `Pending` is neither dropped twice nor leaked.
    let (p, cell) = unsafe {
        (
            raw.read(),
            Box::from_raw(raw.cast::<std::mem::MaybeUninit<Pending>>()),
        )
    };
    SPARE.set(Some(cell));
    p
}

/// A parked select.
pub(crate) struct SelectWait {
    t: SelectTicket,
    reason: WaitReason,
    /// The chosen index goes to d, the receive's ok to d+1.
    d: usize,
    /// Per case: the receive destination and its element words.
    cases: Vec<(usize, usize)>,
}

/// What resuming a parked operation came to.
pub(crate) enum Resumed {
    /// Done: the result is written; the goroutine continues.
    Done,
    /// Still waiting (a spurious wakeup): park again with this.
    Parked(Pending),
    /// The operation panics (a channel closed under a parked sender).
    Panic(ChanError),
}

impl Pending {
    pub(crate) fn reason(&self) -> WaitReason {
        match self {
            Pending::Send(_, r) => *r,
            Pending::Recv { reason, .. } => *reason,
            Pending::Select(s) => s.reason,
        }
    }

    /// The element words the ticket holds (roots).
    pub(crate) fn for_each_word(&self, f: &mut dyn FnMut(u64)) {
        match self {
            Pending::Send(..) => {}
            Pending::Recv { t, .. } => t.for_each_word(f),
            Pending::Select(s) => s.t.for_each_word(f),
        }
    }

    /// Polls the ticket of a goroutine that runs again, writing a
    /// completed operation's result into `stack`.
    pub(crate) fn resume(self, stack: &mut [u64], shade: &mut dyn FnMut(&[u64])) -> Resumed {
        match self {
            Pending::Send(t, r) => match t.poll() {
                None => Resumed::Parked(Pending::Send(t, r)),
                Some(Ok(())) => Resumed::Done,
                Some(Err(e)) => Resumed::Panic(e),
            },
            Pending::Recv {
                t,
                reason,
                d,
                ew,
                ok,
            } => match t
                .poll_with(|v, sent| write_recv(stack, shade, d as usize, ew as usize, ok, v, sent))
            {
                None => Resumed::Parked(Pending::Recv {
                    t,
                    reason,
                    d,
                    ew,
                    ok,
                }),
                Some(()) => Resumed::Done,
            },
            Pending::Select(mut s) => match s.t.poll() {
                None => Resumed::Parked(Pending::Select(s)),
                Some(Err(e)) => Resumed::Panic(e),
                Some(Ok(sel)) => {
                    write_selected(stack, shade, s.d, &s.cases, sel);
                    Resumed::Done
                }
            },
        }
    }
}

/// `c <- elem`: None when done, the pending send when the goroutine must
/// park. The caller shades `elem` first (it leaves the stack for a buffer
/// or another stack).
pub(crate) fn send<C: ChanCx>(
    cx: &C,
    c: Option<&chan::Chan>,
    elem: &[u64],
) -> Result<Option<Pending>, ChanError> {
    Ok(match chan::send(cx, c, elem)? {
        crate::sched::Op::Ready(()) => None,
        crate::sched::Op::Park(t, reason) => Some(Pending::Send(t, reason)),
    })
}

/// `<-c` into slots `d..d+ew` (and ok at `d+ew` when `ok`): None when
/// done, the pending receive when the goroutine must park.
#[allow(clippy::too_many_arguments)]
pub(crate) fn recv<C: ChanCx>(
    cx: &C,
    c: Option<&chan::Chan>,
    stack: &mut [u64],
    shade: &mut dyn FnMut(&[u64]),
    d: usize,
    ew: usize,
    ok: bool,
) -> Option<Pending> {
    // The value goes from the sender (or buffer) straight into the
    // registers, without a vector of its own.
    match chan::recv_into(cx, c, &mut |v, sent| {
        write_recv(stack, shade, d, ew, ok, v, sent)
    }) {
        crate::sched::Op::Ready(()) => None,
        // Slot indices and element words fit 32 bits (see `Pending`).
        crate::sched::Op::Park(t, reason) => Some(Pending::Recv {
            t,
            d: d as u32,
            ew: ew as u32,
            reason,
            ok,
        }),
    }
}

/// A `select` over `cases`, the chosen index written to `d` and the
/// receive's ok to `d+1`, a received value to its case's destination in
/// `dests` (slot, element words): None when done, the pending select when
/// the goroutine must park. The caller shades the values sent.
pub(crate) fn select<C: ChanCx>(
    cx: &C,
    cases: &[SelCase<'_>],
    dests: Vec<(usize, usize)>,
    block: bool,
    stack: &mut [u64],
    shade: &mut dyn FnMut(&[u64]),
    d: usize,
) -> Result<Option<Pending>, ChanError> {
    Ok(match chan::select(cx, cases, block)? {
        crate::sched::Op::Ready(s) => {
            write_selected(stack, shade, d, &dests, s);
            None
        }
        crate::sched::Op::Park(t, reason) => Some(Pending::Select(Box::new(SelectWait {
            t,
            reason,
            d,
            cases: dests,
        }))),
    })
}

/// Writes a received value (zero-filled when the channel was closed).
fn write_recv(
    stack: &mut [u64],
    shade: &mut dyn FnMut(&[u64]),
    d: usize,
    ew: usize,
    ok: bool,
    v: &[u64],
    sent: bool,
) {
    // The value may come from a channel buffer the collector has not
    // scanned yet, into a stack it has (mgc.rs).
    shade(v);
    let n = ew + ok as usize;
    if d + n > stack.len() {
        return;
    }
    for k in 0..ew {
        stack[d + k] = v.get(k).copied().unwrap_or(0);
    }
    if ok {
        stack[d + ew] = sent as u64;
    }
}

/// Writes a select's outcome: the case index at d, ok at d+1, the
/// received value at its case's destination.
fn write_selected(
    stack: &mut [u64],
    shade: &mut dyn FnMut(&[u64]),
    d: usize,
    cases: &[(usize, usize)],
    sel: Selected,
) {
    let (idx, ok) = match sel {
        Selected::Default => (-1i64, false),
        Selected::Send(i) => (i as i64, false),
        Selected::Recv(i, v, sent) => {
            if let Some(&(a, ew)) = cases.get(i) {
                write_recv(stack, shade, a, ew, false, &v, sent);
            }
            (i as i64, sent)
        }
    };
    if d + 2 <= stack.len() {
        stack[d] = idx as u64;
        stack[d + 1] = ok as u64;
    }
}
