//! Channels and select: Go's `hchan` algorithm over opaque element words.
//!
//! A channel carries elements of `elem_words` 64-bit words each (the VM's
//! value representation: an int is one word, a string two, a slice three;
//! `struct{}` is zero). It holds a ring buffer of `cap` elements (stored as
//! a `VecDeque` of words), and two FIFO queues of waiting goroutines,
//! `recvq` and `sendq`, whose entries are *sudogs*: a waiter's G, its
//! element (the value a sender offers, or the slot a receiver's value is
//! handed into), and, for select, the select it belongs to.
//!
//! # Algorithm (Go's chan.go)
//! * send: closed -> `send on closed channel`; a receiver waiting ->
//!   hand the value straight to it (no buffer round trip) and ready it;
//!   room in the buffer -> enqueue the value; otherwise park in `sendq`.
//! * receive: closed and empty -> zero value, `ok == false`; a sender
//!   waiting -> unbuffered: take its value; buffered (so the buffer is
//!   full): take the head of the buffer and put the sender's value at the
//!   tail, keeping FIFO order; then ready the sender; buffered value ->
//!   take it; otherwise park in `recvq`.
//! * close: nil -> `close of nil channel`, closed -> `close of closed
//!   channel`; otherwise every waiting receiver gets (zero, false) and
//!   every waiting sender wakes to panic with `send on closed channel`.
//! * nil channels block forever (wait reasons `chan send (nil chan)` and
//!   `chan receive (nil chan)`).
//!
//! Goroutines are readied only after the channel lock is released (Go
//! collects them into a list in `closechan` for the same reason: a ready
//! may start an M and take the scheduler lock).
//!
//! # Blocking without a stack switch
//! Go's `gopark` switches stacks while holding the channel lock. Here the
//! executor cannot be suspended mid-call, so a blocking operation returns
//! [`Op::Park`] with a *ticket* and a wait reason: the executor stores the
//! ticket in its G, returns `Blocked(reason)`, and when the G runs again it
//! polls the ticket for the outcome. The sudog is enqueued (and can be
//! completed by another G) before the executor returns; the scheduler's
//! park handshake (see `g.rs`) makes that race harmless. A ticket that is
//! polled before completion (a spurious wakeup) returns `None`: park again.
//!
//! # select (Go's select.go)
//! 1. *pollorder*: the cases with non-nil channels in a uniformly random
//!    order (Fisher–Yates with the M's cheap generator);
//!    *lockorder*: the distinct channels sorted by address.
//! 2. Lock every channel in lockorder (a global order, so two selects
//!    over the same channels cannot deadlock each other).
//! 3. Pass 1: the first ready case in pollorder wins.
//! 4. No case ready: `default` if present; otherwise pass 2 enqueues one
//!    sudog per case, all sharing one [`SelGroup`], unlocks, and parks.
//! 5. A waker that dequeues a select sudog first wins the group's `done`
//!    flag by CAS (Go's `selectDone`); sudogs whose group is already done
//!    are skipped. So exactly one case fires.
//! 6. Woken, the G (pass 3, in the ticket's `poll`) relocks every channel
//!    and removes its other sudogs.
//!
//! `select {}` parks forever with `select (no cases)`; a select whose
//! cases are all nil channels parks forever with `select`, as Go does.
//!
//! # Invariants
//! * `count * elem_words == buf.len()`, `count <= cap`.
//! * If `recvq` holds a live sudog, the buffer is empty; if `sendq` holds
//!   one, the buffer is full (unbuffered: always). Hence `sendq` and
//!   `recvq` never both hold live sudogs of different goroutines.
//! * A sudog is completed (its `done` set) exactly once, by whoever
//!   dequeued it under the channel lock, before its G is readied.
//!
//! Rejected: a lock-free channel (Go does not have one either; the fast
//! paths are short critical sections), and a global select lock (it
//! would serialise every select in the program).

use super::g::{GWaker, WaitReason};
use super::lock::{Arc, AtomicBool, AtomicUsize, Mutex, MutexGuard, Ordering};
use std::collections::VecDeque;

/// What a channel operation needs from the scheduler (Go's `getg()` and
/// `goready`), so channels need no executor type parameter.
pub trait ChanCx {
    /// The running G's waker.
    fn current(&self) -> GWaker;
    /// Makes a parked G runnable.
    fn ready(&self, w: GWaker);
    /// A random number in 0..n (select's poll order).
    fn rand_below(&self, n: u32) -> u32;
}

/// Go's channel panics, as values delivered to the goroutine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanError {
    SendOnClosed,
    CloseOfClosed,
    CloseOfNil,
}

impl ChanError {
    /// Go's panic message (printed as `panic: <message>`; these are
    /// runtime errors whose text Go prints without `runtime error: `).
    pub fn message(self) -> &'static str {
        match self {
            ChanError::SendOnClosed => "send on closed channel",
            ChanError::CloseOfClosed => "close of closed channel",
            ChanError::CloseOfNil => "close of nil channel",
        }
    }
}

impl std::fmt::Display for ChanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

/// The result of an operation that may block.
pub enum Op<T, K> {
    /// Completed without blocking.
    Ready(T),
    /// The G must park with this reason; poll the ticket when it runs again.
    Park(K, WaitReason),
}

struct SudogData {
    elem: Vec<u64>,
    done: bool,
    /// true: the value was delivered (or taken); false: the channel closed.
    success: bool,
}

struct Sudog {
    g: GWaker,
    sel: Option<Arc<SelGroup>>,
    /// The case index within its select.
    case: usize,
    data: Mutex<SudogData>,
}

impl Sudog {
    fn new(g: GWaker, sel: Option<Arc<SelGroup>>, case: usize, elem: Vec<u64>) -> Arc<Sudog> {
        Arc::new(Sudog {
            g,
            sel,
            case,
            data: Mutex::new(SudogData {
                elem,
                done: false,
                success: false,
            }),
        })
    }

    /// Completes a dequeued sudog (its dequeuer only).
    fn complete(&self, elem: Option<Vec<u64>>, success: bool) {
        let mut d = self.data.lock();
        if let Some(e) = elem {
            d.elem = e;
        }
        d.success = success;
        d.done = true;
    }
}

/// The shared state of one blocked select (Go's `g.selectDone` and
/// `g.param`).
struct SelGroup {
    /// Won by CAS by the first waker (AcqRel; the loser skips the sudog).
    done: AtomicBool,
    /// The winning case, stored by the winner before it completes the sudog.
    winner: AtomicUsize,
}

struct HChan {
    buf: VecDeque<u64>,
    count: usize,
    closed: bool,
    recvq: VecDeque<Arc<Sudog>>,
    sendq: VecDeque<Arc<Sudog>>,
}

/// A channel.
pub struct Chan {
    elem_words: usize,
    cap: usize,
    st: Mutex<HChan>,
    /// A timer's channel (Go 1.23 semantics): buffered by one inside, but
    /// `len` and `cap` report 0, as for Go's synchronous timer channels.
    timer: AtomicBool,
}

/// Dequeues the first sudog that can still fire (Go's `waitq.dequeue`).
fn dequeue(q: &mut VecDeque<Arc<Sudog>>) -> Option<Arc<Sudog>> {
    while let Some(sg) = q.pop_front() {
        if let Some(grp) = &sg.sel {
            if grp
                .done
                .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
                .is_err()
            {
                continue;
            }
            grp.winner.store(sg.case, Ordering::Release);
        }
        return Some(sg);
    }
    None
}

fn remove(q: &mut VecDeque<Arc<Sudog>>, sg: &Arc<Sudog>) {
    if let Some(i) = q.iter().position(|s| Arc::ptr_eq(s, sg)) {
        q.remove(i);
    }
}

impl Chan {
    /// `make(chan T, cap)` for a T of `elem_words` words.
    pub fn new(elem_words: usize, cap: usize) -> Arc<Chan> {
        Arc::new(Chan {
            elem_words,
            cap,
            st: Mutex::new(HChan {
                // Grown on demand: `make(chan T, 1<<40)` must not allocate up front
                // (the VM rejects sizes Go rejects, `makechan: size out of range`).
                buf: VecDeque::with_capacity(cap.min(64).saturating_mul(elem_words).min(1 << 12)),
                count: 0,
                closed: false,
                recvq: VecDeque::new(),
                sendq: VecDeque::new(),
            }),
            timer: AtomicBool::new(false),
        })
    }

    /// Marks this channel as a timer's (see the field).
    pub fn set_timer(&self) {
        self.timer.store(true, Ordering::Relaxed);
    }

    /// `len(c)` and `cap(c)` as the program sees them: 0 for a timer's
    /// channel (Go 1.23: its one-value buffer is not observable).
    pub fn observed_len_cap(&self) -> (usize, usize) {
        if self.timer.load(Ordering::Relaxed) {
            (0, 0)
        } else {
            (self.len(), self.cap)
        }
    }

    /// `len(c)`: buffered elements.
    pub fn len(&self) -> usize {
        self.st.lock().count
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `cap(c)`.
    pub fn cap(&self) -> usize {
        self.cap
    }

    pub fn elem_words(&self) -> usize {
        self.elem_words
    }

    /// Every element word the channel holds: its buffer and the values
    /// its waiting senders offer (the collector's roots; the VM calls
    /// this with the world stopped).
    pub fn for_each_word(&self, f: &mut dyn FnMut(u64)) {
        let h = self.st.lock();
        for &w in &h.buf {
            f(w);
        }
        for sg in h.sendq.iter().chain(&h.recvq) {
            for &w in &sg.data.lock().elem {
                f(w);
            }
        }
    }

    fn check_elem(&self, elem: &[u64]) {
        if elem.len() != self.elem_words {
            gol_gc::throw(&format!(
                "chansend: element of {} words on a channel of {}",
                elem.len(),
                self.elem_words
            ));
        }
    }

    fn zero(&self) -> Vec<u64> {
        vec![0; self.elem_words]
    }

    fn pop_buf(&self, h: &mut HChan) -> Vec<u64> {
        h.count -= 1;
        h.buf.drain(..self.elem_words).collect()
    }

    /// Receive from a waiting sender `sg` (already dequeued).
    fn recv_from_sender(&self, h: &mut HChan, sg: &Sudog) -> Vec<u64> {
        let sent = std::mem::take(&mut sg.data.lock().elem);
        if self.cap == 0 {
            sent
        } else {
            // The buffer is full: take its head, the sender's value goes
            // to the tail (same slot in Go's ring).
            let v = self.pop_buf(h);
            h.buf.extend(sent);
            h.count += 1;
            v
        }
    }
}

/// A parked sender's ticket.
pub struct SendTicket {
    sg: Option<Arc<Sudog>>,
}

impl SendTicket {
    /// `None`: not completed yet (park again). `Some(Err)`: the channel
    /// was closed while waiting (`send on closed channel`).
    pub fn poll(&self) -> Option<Result<(), ChanError>> {
        let sg = self.sg.as_ref()?;
        let d = sg.data.lock();
        if !d.done {
            return None;
        }
        Some(if d.success {
            Ok(())
        } else {
            Err(ChanError::SendOnClosed)
        })
    }
}

/// A parked receiver's ticket.
pub struct RecvTicket {
    sg: Option<Arc<Sudog>>,
}

impl RecvTicket {
    /// The value handed to this receiver and not yet polled (a root).
    pub fn for_each_word(&self, f: &mut dyn FnMut(u64)) {
        if let Some(sg) = &self.sg {
            for &w in &sg.data.lock().elem {
                f(w);
            }
        }
    }

    /// `None`: not completed yet. `Some((value, ok))` otherwise.
    pub fn poll(&self) -> Option<(Vec<u64>, bool)> {
        let sg = self.sg.as_ref()?;
        let mut d = sg.data.lock();
        if !d.done {
            return None;
        }
        Some((std::mem::take(&mut d.elem), d.success))
    }
}

/// `c <- elem`.
pub fn send<C: ChanCx>(
    cx: &C,
    c: Option<&Chan>,
    elem: &[u64],
) -> Result<Op<(), SendTicket>, ChanError> {
    let Some(c) = c else {
        return Ok(Op::Park(
            SendTicket { sg: None },
            WaitReason::ChanSendNilChan,
        ));
    };
    c.check_elem(elem);
    let mut h = c.st.lock();
    if h.closed {
        return Err(ChanError::SendOnClosed);
    }
    if let Some(sg) = dequeue(&mut h.recvq) {
        drop(h);
        sg.complete(Some(elem.to_vec()), true);
        cx.ready(sg.g.clone());
        return Ok(Op::Ready(()));
    }
    if h.count < c.cap {
        h.buf.extend(elem.iter().copied());
        h.count += 1;
        return Ok(Op::Ready(()));
    }
    let sg = Sudog::new(cx.current(), None, 0, elem.to_vec());
    h.sendq.push_back(sg.clone());
    Ok(Op::Park(SendTicket { sg: Some(sg) }, WaitReason::ChanSend))
}

/// `v, ok := <-c`.
pub fn recv<C: ChanCx>(cx: &C, c: Option<&Chan>) -> Op<(Vec<u64>, bool), RecvTicket> {
    let Some(c) = c else {
        return Op::Park(RecvTicket { sg: None }, WaitReason::ChanReceiveNilChan);
    };
    let mut h = c.st.lock();
    if h.closed && h.count == 0 {
        return Op::Ready((c.zero(), false));
    }
    if let Some(sg) = dequeue(&mut h.sendq) {
        let v = c.recv_from_sender(&mut h, &sg);
        drop(h);
        sg.complete(None, true);
        cx.ready(sg.g.clone());
        return Op::Ready((v, true));
    }
    if h.count > 0 {
        return Op::Ready((c.pop_buf(&mut h), true));
    }
    let sg = Sudog::new(cx.current(), None, 0, c.zero());
    h.recvq.push_back(sg.clone());
    Op::Park(RecvTicket { sg: Some(sg) }, WaitReason::ChanReceive)
}

/// `close(c)`.
pub fn close<C: ChanCx>(cx: &C, c: Option<&Chan>) -> Result<(), ChanError> {
    let Some(c) = c else {
        return Err(ChanError::CloseOfNil);
    };
    let mut h = c.st.lock();
    if h.closed {
        return Err(ChanError::CloseOfClosed);
    }
    h.closed = true;
    let mut wake = Vec::new();
    while let Some(sg) = dequeue(&mut h.recvq) {
        sg.complete(Some(c.zero()), false);
        wake.push(sg);
    }
    while let Some(sg) = dequeue(&mut h.sendq) {
        sg.complete(None, false);
        wake.push(sg);
    }
    drop(h);
    for sg in wake {
        cx.ready(sg.g.clone());
    }
    Ok(())
}

/// One case of a select.
pub enum SelCase<'a> {
    Send(Option<&'a Arc<Chan>>, &'a [u64]),
    Recv(Option<&'a Arc<Chan>>),
}

impl SelCase<'_> {
    fn chan(&self) -> Option<&Arc<Chan>> {
        match self {
            SelCase::Send(c, _) | SelCase::Recv(c) => *c,
        }
    }
}

/// Which case a select ran.
#[derive(Debug, PartialEq, Eq)]
pub enum Selected {
    Send(usize),
    Recv(usize, Vec<u64>, bool),
    Default,
}

/// A parked select's ticket.
pub struct SelectTicket {
    grp: Option<Arc<SelGroup>>,
    /// (case, is_send, channel index in `chans`, sudog), in lockorder.
    sgs: Vec<(usize, bool, usize, Arc<Sudog>)>,
    /// The distinct channels, sorted by address (lockorder).
    chans: Vec<Arc<Chan>>,
    finished: bool,
}

fn chan_addr(c: &Arc<Chan>) -> usize {
    Arc::as_ptr(c) as usize
}

impl SelectTicket {
    /// The values this select's sudogs hold (roots until polled).
    pub fn for_each_word(&self, f: &mut dyn FnMut(u64)) {
        for (_, _, _, sg) in &self.sgs {
            for &w in &sg.data.lock().elem {
                f(w);
            }
        }
    }

    /// `None`: not fired yet (park again). Otherwise the case that fired,
    /// after removing this select's other sudogs (Go's pass 3). Polling a
    /// finished ticket again returns `None`.
    pub fn poll(&mut self) -> Option<Result<Selected, ChanError>> {
        if self.finished {
            return None;
        }
        let grp = self.grp.as_ref()?;
        if !grp.done.load(Ordering::Acquire) {
            return None;
        }
        let w = grp.winner.load(Ordering::Acquire);
        let (_, is_send, _, wsg) = self.sgs.iter().find(|s| s.0 == w)?;
        let (elem, success) = {
            let mut d = wsg.data.lock();
            if !d.done {
                return None;
            }
            (std::mem::take(&mut d.elem), d.success)
        };
        {
            let mut guards: Vec<MutexGuard<'_, HChan>> =
                self.chans.iter().map(|c| c.st.lock()).collect();
            for (case, send, ci, sg) in &self.sgs {
                if *case == w {
                    continue;
                }
                let h = &mut guards[*ci];
                if *send {
                    remove(&mut h.sendq, sg);
                } else {
                    remove(&mut h.recvq, sg);
                }
            }
        }
        self.finished = true;
        Some(if *is_send {
            if success {
                Ok(Selected::Send(w))
            } else {
                Err(ChanError::SendOnClosed)
            }
        } else {
            Ok(Selected::Recv(w, elem, success))
        })
    }
}

/// `select { cases... }` (with `default` when `!block`).
pub fn select<C: ChanCx>(
    cx: &C,
    cases: &[SelCase<'_>],
    block: bool,
) -> Result<Op<Selected, SelectTicket>, ChanError> {
    let never = || SelectTicket {
        grp: None,
        sgs: Vec::new(),
        chans: Vec::new(),
        finished: false,
    };
    if cases.is_empty() {
        return Ok(if block {
            Op::Park(never(), WaitReason::SelectNoCases)
        } else {
            Op::Ready(Selected::Default)
        });
    }
    for case in cases {
        if let SelCase::Send(Some(c), e) = case {
            c.check_elem(e);
        }
    }
    // pollorder: a uniform shuffle of the non-nil cases.
    let mut poll: Vec<usize> = (0..cases.len())
        .filter(|&i| cases[i].chan().is_some())
        .collect();
    for i in (1..poll.len()).rev() {
        let j = cx.rand_below(i as u32 + 1) as usize;
        poll.swap(i, j);
    }
    // lockorder: distinct channels by address.
    let mut chans: Vec<&Arc<Chan>> = poll.iter().filter_map(|&i| cases[i].chan()).collect();
    chans.sort_by_key(|c| chan_addr(c));
    chans.dedup_by_key(|c| chan_addr(c));
    let index_of = |c: &Arc<Chan>| {
        chans
            .binary_search_by_key(&chan_addr(c), |x| chan_addr(x))
            .unwrap_or(0)
    };
    let mut guards: Vec<MutexGuard<'_, HChan>> = chans.iter().map(|c| c.st.lock()).collect();

    // Pass 1: the first ready case in pollorder.
    for &i in &poll {
        let Some(c) = cases[i].chan() else { continue };
        let ci = index_of(c);
        let h = &mut guards[ci];
        match &cases[i] {
            SelCase::Recv(_) => {
                if let Some(sg) = dequeue(&mut h.sendq) {
                    let v = c.recv_from_sender(h, &sg);
                    drop(guards);
                    sg.complete(None, true);
                    cx.ready(sg.g.clone());
                    return Ok(Op::Ready(Selected::Recv(i, v, true)));
                }
                if h.count > 0 {
                    let v = c.pop_buf(h);
                    return Ok(Op::Ready(Selected::Recv(i, v, true)));
                }
                if h.closed {
                    return Ok(Op::Ready(Selected::Recv(i, c.zero(), false)));
                }
            }
            SelCase::Send(_, elem) => {
                if h.closed {
                    return Err(ChanError::SendOnClosed);
                }
                if let Some(sg) = dequeue(&mut h.recvq) {
                    drop(guards);
                    sg.complete(Some(elem.to_vec()), true);
                    cx.ready(sg.g.clone());
                    return Ok(Op::Ready(Selected::Send(i)));
                }
                if h.count < c.cap {
                    h.buf.extend(elem.iter().copied());
                    h.count += 1;
                    return Ok(Op::Ready(Selected::Send(i)));
                }
            }
        }
    }
    if !block {
        return Ok(Op::Ready(Selected::Default));
    }

    // Pass 2: enqueue on every channel, in lockorder.
    let grp = Arc::new(SelGroup {
        done: AtomicBool::new(false),
        winner: AtomicUsize::new(usize::MAX),
    });
    let me = cx.current();
    let mut order = poll;
    order.sort_by_key(|&i| cases[i].chan().map_or(0, chan_addr));
    let mut sgs = Vec::with_capacity(order.len());
    for &i in &order {
        let Some(c) = cases[i].chan() else { continue };
        let ci = index_of(c);
        let h = &mut guards[ci];
        match &cases[i] {
            SelCase::Recv(_) => {
                let sg = Sudog::new(me.clone(), Some(grp.clone()), i, c.zero());
                h.recvq.push_back(sg.clone());
                sgs.push((i, false, ci, sg));
            }
            SelCase::Send(_, elem) => {
                let sg = Sudog::new(me.clone(), Some(grp.clone()), i, elem.to_vec());
                h.sendq.push_back(sg.clone());
                sgs.push((i, true, ci, sg));
            }
        }
    }
    drop(guards);
    let chans = chans.into_iter().cloned().collect();
    Ok(Op::Park(
        SelectTicket {
            grp: Some(grp),
            sgs,
            chans,
            finished: false,
        },
        WaitReason::Select,
    ))
}
