//! Channels: Go's `hchan` algorithm (`chan.go`). select over several
//! channels is `select.rs`.
//!
//! A channel carries values of one element type. Goroutines hand values
//! to each other in their *slot* form (the VM's registers: every scalar a
//! 64-bit word; an int is one word, a string two, a `[64]byte` 64), and
//! the channel's buffer holds them in their *memory* form (Go's layout:
//! a `[64]byte` is 64 bytes, a `bool` one), as Go's `hchan.buf` does. The
//! element's [`ElemForm`] (layout.rs) converts between the two and says
//! which memory words are pointers. A channel holds that buffer, a ring of
//! at most `cap` elements, and two FIFO queues of waiting goroutines,
//! `recvq` and `sendq`, whose entries are *sudogs*: a waiter's G, its
//! element (the value a sender offers, or the slot a receiver's value is
//! handed into, in slot form), and, for select, the select it belongs to.
//!
//! # The buffer
//! `buf` is a ring of `room` elements of `size` bytes each, element `k`
//! at byte `k * size` (every element aligned: the storage is words and
//! `size` is a multiple of the element's alignment), the oldest at index
//! `head`. Go allocates the whole ring in `makechan`; here it is made
//! when the first element arrives (a channel only ever used unbuffered
//! has none), whole when it takes at most `EAGER_BYTES`, else growing by
//! doubling up to `cap`, so `make(chan T, 1<<40)` costs nothing until it
//! is filled (the VM rejects sizes Go rejects, `makechan: size out of
//! range`). Growing copies the elements in order to the front of the new
//! ring. A value is converted to memory when it
//! enters the buffer and back when it leaves; a value handed straight to
//! a waiting goroutine never is. The collector reads the buffer as a root
//! (`for_each_word`), only the pointer words of the elements present:
//! a buffer of pointer-free elements is not read at all.
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
//! # Invariants
//! * `count <= room <= cap`; `buf` holds at least `room * size` bytes;
//!   `head < room` (or both 0). Every access to the buffer, `count` and
//!   the queues is under the channel lock, so a racy program cannot tear
//!   what the buffer holds.
//! * If `recvq` holds a live sudog, the buffer is empty; if `sendq` holds
//!   one, the buffer is full (unbuffered: always). Hence `sendq` and
//!   `recvq` never both hold live sudogs of different goroutines.
//! * A sudog is completed (its `state` published) exactly once, by
//!   whoever dequeued it under the channel lock, before its G is readied
//!   (`Sudog`'s docs give the hand-off of its fields).
//!
//! Rejected: a lock-free channel (Go does not have one either; the fast
//! paths are short critical sections); a global select lock (it would
//! serialise every select in the program); a buffer of slot words (what
//! it was: a `chan [64]byte` of 100,000 elements took 51 MB where Go
//! takes 6.4); a buffer on the collected heap (the channel itself is not
//! on it: the buffer would need a handle kept alive by hand, for no gain
//! over a root that is scanned by its pointer mask).

use super::g::{GWaker, WaitReason};
use super::primitives::{fence, Arc, AtomicBool, AtomicU8, Mutex, Ordering};
use super::select::SelGroup;
use crate::layout::ElemForm;
use std::cell::UnsafeCell;
use std::collections::VecDeque;

pub use super::select::{select, SelCase, SelectTicket, Selected};

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

/// A sudog's `state`: still waiting.
const WAITING: u8 = 0;
/// Completed: the value was delivered (or taken).
const DONE_OK: u8 = 1;
/// Completed: the channel closed.
const DONE_CLOSED: u8 = 2;

/// A waiting goroutine's entry in a channel's queue (Go's `sudog`).
///
/// # Who touches what (no lock of its own)
/// A sudog is *held alone* while it is being filled (`new`, from the
/// cache) and while it is recycled: one `Arc`, no other reference
/// (`recycle` proved it when it entered the cache; no `Weak` of a sudog
/// is ever made). Then it is
/// shared: its owner's ticket holds one `Arc`, a channel queue another.
/// * `sel`, `case`: written only while held alone; read by anyone after.
/// * `g` (the waker): written while held alone; *taken* by the goroutine
///   that dequeued the sudog (under the channel lock, so exactly one),
///   in `complete`, before it publishes `state`.
/// * `elem`: a sender's value is written while held alone and only read
///   after (by its dequeuer under the channel lock, by the collector with
///   the world stopped). A receiver's slot is written by its dequeuer in
///   `complete`, before the Release store of `state`, and read by the
///   owner (or the collector) only after an Acquire load of `state` sees
///   it completed: the store is the hand-off, and no one writes after it.
/// * `state`: `WAITING` until the dequeuer's Release store of
///   `DONE_OK`/`DONE_CLOSED`, read with Acquire.
///
/// It was a mutex around (elem, done, success) and a cloned waker: two
/// lock/unlock pairs and two reference-count updates per blocking
/// operation, where the hand-off protocol above needs one plain store.
pub(super) struct Sudog {
    g: UnsafeCell<Option<GWaker>>,
    sel: UnsafeCell<Option<Arc<SelGroup>>>,
    /// The case index within its select.
    case: UnsafeCell<usize>,
    state: AtomicU8,
    elem: UnsafeCell<Vec<u64>>,
}

// SAFETY: every field is either atomic or accessed under the protocol in
// the type's docs: written only by a thread that holds the sudog alone,
// or by its unique dequeuer before the Release store of `state` that
// every later reader Acquires; the values inside (`GWaker`, `Arc`,
// `Vec<u64>`) are themselves `Send + Sync`.
unsafe impl Sync for Sudog {}
// SAFETY: as above; nothing in it is tied to a thread.
unsafe impl Send for Sudog {}

/// Sudogs no one references any more, for reuse on this thread (Go's
/// per-P `sudogcache`): a goroutine that blocks takes one here instead of
/// allocating, and its element vector keeps its capacity, so a parked
/// send or receive of a small value allocates nothing once the cache is
/// warm. Per thread rather than per P: an M runs one G at a time, and
/// the thread-local needs no owner handle. Bounded, so a burst of
/// blocked goroutines does not pin memory afterwards. Invariant: every
/// sudog in it is held alone (`recycle` checked).
const SUDOG_CACHE: usize = 64;

thread_local! {
    static SUDOGS: std::cell::RefCell<Vec<Arc<Sudog>>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Sudog {
    /// A sudog for `g` offering `elem` (empty for a receiver): from this
    /// thread's cache when it has one.
    pub(super) fn new(
        g: GWaker,
        sel: Option<Arc<SelGroup>>,
        case: usize,
        elem: &[u64],
    ) -> Arc<Sudog> {
        let cached = SUDOGS.with(|c| c.borrow_mut().pop());
        if let Some(sg) = cached {
            // SAFETY: a cached sudog is held alone (the cache's
            // invariant): no other thread can read or write its fields.
            unsafe {
                *sg.g.get() = Some(g);
                *sg.sel.get() = sel;
                *sg.case.get() = case;
                let e = &mut *sg.elem.get();
                e.clear();
                e.extend_from_slice(elem);
            }
            sg.state.store(WAITING, Ordering::Relaxed);
            return sg;
        }
        Arc::new(Sudog {
            g: UnsafeCell::new(Some(g)),
            sel: UnsafeCell::new(sel),
            case: UnsafeCell::new(case),
            state: AtomicU8::new(WAITING),
            elem: UnsafeCell::new(elem.to_vec()),
        })
    }

    /// Returns a sudog to this thread's cache if nobody else holds it (a
    /// waker may still hold its clone for a moment after the G it readied
    /// has run on: then it is simply freed).
    pub(super) fn recycle(sg: Arc<Sudog>) {
        // Held alone when ours is the only strong reference: no `Weak` of
        // a sudog is ever made. (`Arc::get_mut` would say the same with a
        // locked compare-exchange on the weak count, on every park.)
        if Arc::strong_count(&sg) != 1 {
            return;
        }
        // Pairs with the Release decrement of the last other holder's
        // drop (as `Arc`'s own drop does): what it did to the sudog
        // happens before what we do now.
        fence(Ordering::Acquire);
        // SAFETY: held alone (above): no other thread can reach it.
        unsafe {
            // The waker (still here if the sudog was never completed),
            // the select group: not kept alive by a cached sudog.
            *sg.g.get() = None;
            *sg.sel.get() = None;
        }
        SUDOGS.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() < SUDOG_CACHE {
                c.push(sg);
            }
        });
    }

    /// The select this sudog belongs to, if any.
    pub(super) fn sel(&self) -> Option<&Arc<SelGroup>> {
        // SAFETY: `sel` is written only while the sudog is held alone
        // (type docs); a shared sudog's is read-only.
        unsafe { (*self.sel.get()).as_ref() }
    }

    /// The case index within its select.
    pub(super) fn case(&self) -> usize {
        // SAFETY: as in `sel`.
        unsafe { *self.case.get() }
    }

    /// A sender's value, to its dequeuer (under the channel lock).
    pub(super) fn sent(&self) -> &[u64] {
        // SAFETY: a sender's element is written only while the sudog is
        // held alone, before it was queued (type docs).
        unsafe { &*self.elem.get() }
    }

    /// Completes a dequeued sudog (its dequeuer only, exactly once),
    /// handing it `elem` (a receiver's value) when given: copied into the
    /// sudog's own vector, which keeps its capacity from one use to the
    /// next. Returns the waker of its G, to ready.
    pub(super) fn complete(&self, elem: Option<&[u64]>, success: bool) -> GWaker {
        // SAFETY: the caller dequeued this sudog under the channel lock,
        // so it is the only completer; the owner reads `elem` and nobody
        // reads `g` before the Release store below (type docs).
        let g = unsafe {
            if let Some(e) = elem {
                let d = &mut *self.elem.get();
                d.clear();
                d.extend_from_slice(e);
            }
            (*self.g.get()).take()
        };
        let st = if success { DONE_OK } else { DONE_CLOSED };
        // Pairs with the Acquire loads in `outcome` and `with_done`.
        self.state.store(st, Ordering::Release);
        match g {
            Some(g) => g,
            None => gol_gc::throw("chan: a sudog completed twice"),
        }
    }

    /// `None` while waiting; else whether the operation succeeded.
    pub(super) fn outcome(&self) -> Option<bool> {
        match self.state.load(Ordering::Acquire) {
            WAITING => None,
            st => Some(st == DONE_OK),
        }
    }

    /// A completed sudog's element and success, to `f`; `None` while it
    /// waits.
    pub(super) fn with_done<R>(&self, f: impl FnOnce(&[u64], bool) -> R) -> Option<R> {
        let ok = self.outcome()?;
        // SAFETY: completed (Acquire above): the completer wrote `elem`
        // before its Release store and writes nothing after it (type docs).
        Some(f(unsafe { &*self.elem.get() }, ok))
    }

    /// The words this sudog holds for the collector: a sender's value
    /// (`send`), or a receiver's once completed.
    pub(super) fn for_each_word(&self, send: bool, f: &mut dyn FnMut(u64)) {
        if send {
            self.sent().iter().for_each(|&w| f(w));
        } else {
            self.with_done(|v, _| v.iter().for_each(|&w| f(w)));
        }
    }
}

pub(super) struct HChan {
    /// The ring of buffered elements in memory form (module docs).
    buf: Vec<u64>,
    /// Elements the ring has room for now.
    room: usize,
    /// The ring index of the oldest element.
    head: usize,
    pub(super) count: usize,
    pub(super) closed: bool,
    pub(super) recvq: VecDeque<Arc<Sudog>>,
    pub(super) sendq: VecDeque<Arc<Sudog>>,
}

/// A buffer up to this size is made whole when the first element arrives,
/// as Go's `makechan` makes it; a larger one grows by doubling. Memory the
/// ring has not reached yet is zero pages the OS has not committed, so
/// making it early costs address space, not memory.
const EAGER_BYTES: usize = 64 << 20;

/// A channel.
pub struct Chan {
    /// The element's slot and memory forms.
    form: ElemForm,
    pub(super) cap: usize,
    pub(super) st: Mutex<HChan>,
    /// A timer's channel (Go 1.23 semantics): buffered by one inside, but
    /// `len` and `cap` report 0, as for Go's synchronous timer channels.
    timer: AtomicBool,
}

/// Dequeues the first sudog that can still fire (Go's `waitq.dequeue`).
pub(super) fn dequeue(q: &mut VecDeque<Arc<Sudog>>) -> Option<Arc<Sudog>> {
    while let Some(sg) = q.pop_front() {
        if let Some(grp) = sg.sel() {
            if grp
                .done
                .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
                .is_err()
            {
                continue;
            }
            grp.winner.store(sg.case(), Ordering::Release);
        }
        return Some(sg);
    }
    None
}

pub(super) fn remove(q: &mut VecDeque<Arc<Sudog>>, sg: &Arc<Sudog>) {
    if let Some(i) = q.iter().position(|s| Arc::ptr_eq(s, sg)) {
        q.remove(i);
    }
}

impl Chan {
    /// `make(chan T, cap)` for a T of `elem_words` opaque words (the same
    /// in slots and memory, each of them possibly a pointer).
    pub fn new(elem_words: usize, cap: usize) -> Arc<Chan> {
        Chan::with_form(ElemForm::words(elem_words), cap)
    }

    /// `make(chan T, cap)` for a T of form `form`.
    pub(crate) fn with_form(form: ElemForm, cap: usize) -> Arc<Chan> {
        Arc::new(Chan {
            form,
            cap,
            st: Mutex::new(HChan {
                buf: Vec::new(),
                room: 0,
                head: 0,
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
        self.form.slot_words()
    }

    /// Every pointer word the channel holds: those of its buffered
    /// elements (by the element's pointer mask) and the values its
    /// waiting goroutines hold (slot words, all of them: the roots are
    /// conservative). The collector's roots; the VM calls this with the
    /// world stopped.
    pub fn for_each_word(&self, f: &mut dyn FnMut(u64)) {
        let h = self.st.lock();
        let size = self.form.size();
        if self.form.has_pointers() && size > 0 {
            // A value holding a pointer is whole words (layout.rs,
            // invariant 2), so its words lie at `size / 8` strides.
            let words = size / 8;
            for i in 0..h.count {
                let at = (h.head + i) % h.room.max(1) * words;
                for k in 0..words {
                    if self.form.is_pointer(k) {
                        if let Some(&w) = h.buf.get(at + k) {
                            f(w);
                        }
                    }
                }
            }
        }
        for sg in &h.sendq {
            sg.for_each_word(true, f);
        }
        for sg in &h.recvq {
            sg.for_each_word(false, f);
        }
    }

    pub(super) fn check_elem(&self, elem: &[u64]) {
        if elem.len() != self.form.slot_words() {
            gol_gc::throw(&format!(
                "chansend: element of {} words on a channel of {}",
                elem.len(),
                self.form.slot_words()
            ));
        }
    }

    pub(super) fn zero(&self) -> Vec<u64> {
        vec![0; self.form.slot_words()]
    }

    /// Takes the oldest buffered element (`count > 0`), in slot form.
    #[inline]
    pub(super) fn pop_buf(&self, h: &mut HChan) -> Vec<u64> {
        let size = self.form.size();
        let at = h.head * size;
        let out = if size > 0 && h.count > 0 && at + size <= h.buf.len() * 8 {
            // SAFETY: element `head` lies inside `buf` (checked; the ring
            // invariant), aligned (module docs), and the channel lock
            // keeps every other thread out of the buffer.
            unsafe { self.form.load_vec((h.buf.as_ptr() as *const u8).add(at)) }
        } else {
            self.zero()
        };
        h.head += 1;
        if h.head >= h.room {
            h.head = 0;
        }
        h.count = h.count.saturating_sub(1);
        out
    }

    /// Appends `elem` (slot form) to the buffer (`count < cap`), growing
    /// the ring when it is full.
    #[inline]
    pub(super) fn push_buf(&self, h: &mut HChan, elem: &[u64]) {
        if h.count == h.room {
            self.grow(h);
        }
        let size = self.form.size();
        if size > 0 {
            // The slot after the newest: `head + count` wrapped once
            // (both are below `room`).
            let mut k = h.head + h.count;
            if k >= h.room {
                k -= h.room;
            }
            let at = k * size;
            if at + size <= h.buf.len() * 8 {
                // SAFETY: as in `pop_buf`; the slot after the newest
                // element is free.
                unsafe {
                    self.form
                        .store(elem, (h.buf.as_mut_ptr() as *mut u8).add(at))
                };
            }
        }
        h.count += 1;
    }

    /// Makes room in the full ring: all of `cap` at once when that is at
    /// most [`EAGER_BYTES`], else twice the room (at least 4 elements, at
    /// most `cap`); the elements move in order to the new ring's front.
    #[cold]
    fn grow(&self, h: &mut HChan) {
        let size = self.form.size();
        let room = if self.cap.saturating_mul(size) <= EAGER_BYTES {
            self.cap
        } else {
            h.room.saturating_mul(2).max(4).min(self.cap)
        };
        if size == 0 {
            // Values of no bytes: only the count matters.
            h.room = room;
            h.head = 0;
            return;
        }
        let mut buf = zeroed_words(room.saturating_mul(size).div_ceil(8));
        if h.count > 0 {
            // The elements from `head` to the end of the old ring, then
            // those that wrapped to its front.
            let first = h.count.min(h.room - h.head);
            let old = h.buf.as_ptr() as *const u8;
            let new = buf.as_mut_ptr() as *mut u8;
            // SAFETY: both runs lie inside the old ring (`head + first <=
            // room`, `count - first <= head`) and the new one has room for
            // `count` elements; distinct allocations.
            unsafe {
                std::ptr::copy_nonoverlapping(old.add(h.head * size), new, first * size);
                std::ptr::copy_nonoverlapping(old, new.add(first * size), (h.count - first) * size);
            }
        }
        h.buf = buf;
        h.room = room;
        h.head = 0;
    }

    /// Receive from a waiting sender `sg` (already dequeued).
    pub(super) fn recv_from_sender(&self, h: &mut HChan, sg: &Sudog) -> Vec<u64> {
        let mut out = Vec::new();
        self.recv_from_sender_into(h, sg, &mut |v| out.extend_from_slice(v));
        out
    }

    /// Receive from a waiting sender `sg` (already dequeued), the value
    /// handed to `out` in place (the sender's vector keeps its capacity
    /// for the sudog's next use).
    pub(super) fn recv_from_sender_into(
        &self,
        h: &mut HChan,
        sg: &Sudog,
        out: &mut dyn FnMut(&[u64]),
    ) {
        if self.cap == 0 {
            out(sg.sent())
        } else {
            // The buffer is full: take its head, the sender's value goes
            // to the tail (same slot in Go's ring).
            let v = self.pop_buf(h);
            self.push_buf(h, sg.sent());
            out(&v)
        }
    }
}

/// `n` zero words from the allocator's zeroed memory (large ones are
/// fresh pages the OS commits only when touched, so a ring made whole
/// costs memory only as it fills), or Go's fatal error when there is no
/// such memory.
fn zeroed_words(n: usize) -> Vec<u64> {
    if n == 0 {
        return Vec::new();
    }
    let Ok(layout) = std::alloc::Layout::array::<u64>(n) else {
        gol_gc::throw("runtime: out of memory");
    };
    // SAFETY: the layout's size is not zero (n > 0).
    let p = unsafe { std::alloc::alloc_zeroed(layout) } as *mut u64;
    if p.is_null() {
        gol_gc::throw("runtime: out of memory");
    }
    // SAFETY: `p` comes from the global allocator with the layout of `n`
    // u64s, all of them initialised (zero is a u64); length and capacity n.
    unsafe { Vec::from_raw_parts(p, n, n) }
}

/// A parked sender's ticket.
pub struct SendTicket {
    sg: Option<Arc<Sudog>>,
}

impl Drop for SendTicket {
    fn drop(&mut self) {
        if let Some(sg) = self.sg.take() {
            Sudog::recycle(sg);
        }
    }
}

impl Drop for RecvTicket {
    fn drop(&mut self) {
        if let Some(sg) = self.sg.take() {
            Sudog::recycle(sg);
        }
    }
}

impl SendTicket {
    /// `None`: not completed yet (park again). `Some(Err)`: the channel
    /// was closed while waiting (`send on closed channel`).
    pub fn poll(&self) -> Option<Result<(), ChanError>> {
        let sg = self.sg.as_ref()?;
        Some(if sg.outcome()? {
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
            sg.for_each_word(false, f);
        }
    }

    /// `None`: not completed yet. `Some((value, ok))` otherwise.
    pub fn poll(&self) -> Option<(Vec<u64>, bool)> {
        self.poll_with(|v, ok| (v.to_vec(), ok))
    }

    /// Like [`RecvTicket::poll`], handing the value to `f` in place.
    pub fn poll_with<R>(&self, f: impl FnOnce(&[u64], bool) -> R) -> Option<R> {
        self.sg.as_ref()?.with_done(f)
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
        let w = sg.complete(Some(elem), true);
        drop(sg);
        cx.ready(w);
        return Ok(Op::Ready(()));
    }
    if h.count < c.cap {
        c.push_buf(&mut h, elem);
        return Ok(Op::Ready(()));
    }
    let sg = Sudog::new(cx.current(), None, 0, elem);
    h.sendq.push_back(sg.clone());
    Ok(Op::Park(SendTicket { sg: Some(sg) }, WaitReason::ChanSend))
}

/// `v, ok := <-c`.
pub fn recv<C: ChanCx>(cx: &C, c: Option<&Chan>) -> Op<(Vec<u64>, bool), RecvTicket> {
    let mut got = (Vec::new(), false);
    match recv_into(cx, c, &mut |v, ok| got = (v.to_vec(), ok)) {
        Op::Ready(()) => Op::Ready(got),
        Op::Park(t, r) => Op::Park(t, r),
    }
}

/// `v, ok := <-c`, the value handed to `out` in place when it is ready at
/// once (the VM writes it straight into the receiver's registers).
pub fn recv_into<C: ChanCx>(
    cx: &C,
    c: Option<&Chan>,
    out: &mut dyn FnMut(&[u64], bool),
) -> Op<(), RecvTicket> {
    let Some(c) = c else {
        return Op::Park(RecvTicket { sg: None }, WaitReason::ChanReceiveNilChan);
    };
    let mut h = c.st.lock();
    if h.closed && h.count == 0 {
        drop(h);
        out(&c.zero(), false);
        return Op::Ready(());
    }
    if let Some(sg) = dequeue(&mut h.sendq) {
        c.recv_from_sender_into(&mut h, &sg, &mut |v| out(v, true));
        drop(h);
        let w = sg.complete(None, true);
        drop(sg);
        cx.ready(w);
        return Op::Ready(());
    }
    if h.count > 0 {
        let v = c.pop_buf(&mut h);
        drop(h);
        out(&v, true);
        return Op::Ready(());
    }
    // No element yet: completion brings one (the sender's value, or the
    // zero value when the channel closes).
    let sg = Sudog::new(cx.current(), None, 0, &[]);
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
        wake.push(sg.complete(Some(&c.zero()), false));
    }
    while let Some(sg) = dequeue(&mut h.sendq) {
        wake.push(sg.complete(None, false));
    }
    drop(h);
    for w in wake {
        cx.ready(w);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pushes and pops through the ring directly: FIFO order survives
    /// wrapping around and growing while wrapped.
    #[test]
    fn ring_keeps_order_across_wrap_and_growth() {
        // Too big to make whole at once: the ring doubles.
        let cap = EAGER_BYTES / 16 + 1;
        let c = Chan::new(2, cap);
        let mut h = c.st.lock();
        let (mut next_in, mut next_out) = (0u64, 0u64);
        let mut push = |h: &mut HChan, n: usize| {
            for _ in 0..n {
                c.push_buf(h, &[next_in, !next_in]);
                next_in += 1;
            }
        };
        let mut pop = |h: &mut HChan, n: usize| {
            for _ in 0..n {
                assert_eq!(c.pop_buf(h), vec![next_out, !next_out]);
                next_out += 1;
            }
        };
        push(&mut h, 3);
        pop(&mut h, 2);
        // Fills the ring of 4 with its head at 2, then grows twice while
        // wrapped.
        push(&mut h, 13);
        assert!(h.room >= 14 && h.room < cap);
        pop(&mut h, 10);
        push(&mut h, 100);
        pop(&mut h, 104);
        assert_eq!(h.count, 0);
    }

    /// A ring that fits within EAGER_BYTES is made whole at once.
    #[test]
    fn small_rings_are_made_whole() {
        let c = Chan::new(1, 1000);
        let mut h = c.st.lock();
        c.push_buf(&mut h, &[7]);
        assert_eq!(h.room, 1000);
        assert_eq!(c.pop_buf(&mut h), vec![7]);
        let e = Chan::new(0, 3);
        let mut h = e.st.lock();
        for _ in 0..3 {
            e.push_buf(&mut h, &[]);
        }
        assert!(h.buf.is_empty());
        assert_eq!(e.pop_buf(&mut h), Vec::<u64>::new());
        assert_eq!(h.count, 2);
    }

    /// A scheduler context for the channel alone: one goroutine per
    /// thread, polling its ticket (yielding the thread) instead of
    /// parking.
    struct SpinCx(GWaker);

    impl ChanCx for SpinCx {
        fn current(&self) -> GWaker {
            self.0.clone()
        }
        fn ready(&self, _w: GWaker) {}
        fn rand_below(&self, _n: u32) -> u32 {
            0
        }
    }

    /// Two threads hand values over an unbuffered channel, each parking
    /// (a ticket) whenever the other is not there yet: every value
    /// arrives once, whole and in order, through the sudogs' Release /
    /// Acquire hand-off and their reuse from the per-thread cache.
    #[test]
    fn parked_hand_offs_between_threads_deliver_each_value_whole() {
        let c = Chan::new(2, 0);
        let n = 20_000u64;
        std::thread::scope(|s| {
            s.spawn(|| {
                let cx = SpinCx(GWaker(Arc::new(1u8)));
                for i in 0..n {
                    match send(&cx, Some(&c), &[i, !i]) {
                        Ok(Op::Ready(())) => {}
                        Ok(Op::Park(t, _)) => loop {
                            match t.poll() {
                                None => std::thread::yield_now(),
                                Some(r) => {
                                    assert_eq!(r, Ok(()));
                                    break;
                                }
                            }
                        },
                        Err(e) => panic!("{e}"),
                    }
                }
            });
            let cx = SpinCx(GWaker(Arc::new(2u8)));
            for i in 0..n {
                let mut got = None;
                match recv_into(&cx, Some(&c), &mut |v, ok| got = Some((v.to_vec(), ok))) {
                    Op::Ready(()) => {}
                    Op::Park(t, _) => loop {
                        if let Some(r) = t.poll_with(|v, ok| (v.to_vec(), ok)) {
                            got = Some(r);
                            break;
                        }
                        std::thread::yield_now();
                    },
                }
                assert_eq!(got, Some((vec![i, !i], true)), "value {i}");
            }
        });
    }

    /// The collector reads buffered elements only at their pointer words.
    #[test]
    fn roots_are_the_elements_present() {
        let c = Chan::new(1, 4);
        {
            let mut h = c.st.lock();
            for w in [10, 11, 12] {
                c.push_buf(&mut h, &[w]);
            }
            c.pop_buf(&mut h);
        }
        let mut seen = Vec::new();
        c.for_each_word(&mut |w| seen.push(w));
        assert_eq!(seen, vec![11, 12]);
    }
}
