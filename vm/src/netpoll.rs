//! The network poller (Go's `runtime/netpoll.go` and `netpoll_epoll.go`,
//! much reduced), on mio.
//!
//! # What it does
//! A goroutine whose read or write on a socket would block does not block
//! its M: it parks with wait reason `IO wait`, holding no M and no P, and
//! the poller makes it runnable again when the kernel says the socket is
//! ready. The scheduler polls through [`crate::sched::Executor`]'s hooks:
//! `findRunnable` polls without blocking before it steals when anyone
//! waits on I/O ([`NetPoller::io_waiters`]), the last M to go idle blocks
//! in [`NetPoller::poll`] until the next timer, sysmon polls when nobody
//! has for 10 ms, and [`NetPoller::wake`] (a `mio::Waker`, Go's
//! `netpollBreak`) interrupts a blocking poll when new work arrives.
//!
//! # Poll descriptors
//! Each socket has one [`PollDesc`] with two slots, reader and writer
//! (Go's `rg`/`wg`). A slot is *idle*, *ready* (an edge arrived that no
//! one consumed) or *waiting* (a parked G's waker). The socket is
//! registered once, edge-triggered, for both directions, so the kernel
//! reports each transition to readable or writable once; the slots keep
//! what an edge said until someone uses it:
//!
//! * [`NetPoller::arm`] is the G's half. Its caller has just tried the
//!   system call and got `EAGAIN`. A *ready* slot means an edge came in
//!   between the try and now: it is consumed and the caller tries again at
//!   once (`Wait::Ready`). An *idle* slot takes the G's waker
//!   (`Wait::Parked`) and the G parks; it may be woken before it has
//!   finished parking, which the scheduler's park handshake absorbs.
//! * [`NetPoller::poll`] is the kernel's half. An edge on a *waiting* slot
//!   takes the waker (the slot goes idle: the woken G retries its system
//!   call, which is what the edge was for); on an *idle* slot it leaves
//!   *ready*. A woken G whose retry still gets `EAGAIN` (a spurious or
//!   stolen edge) simply arms again.
//!
//! Every state change happens under the descriptor's lock, so an edge
//! cannot fall between a G's check and its park: that is the invariant
//! that makes edge-triggering safe (no lost wakeup).
//!
//! # Close and deadlines
//! Closing marks the descriptor *closing* and hands back both waiters;
//! they see `Wait::Closing` when they arm again (Go's `ErrNetClosing`,
//! `use of closed network connection`). A deadline is a timer the caller
//! arms with the sequence number [`NetPoller::set_deadline`] returns; when
//! it fires, [`NetPoller::expire`] marks the direction expired and hands
//! back its waiter, unless the deadline was changed since (the sequence
//! number moved on), so a stale timer is harmless. A deadline already in
//! the past expires at once.
//!
//! # Tokens and reuse
//! mio reports events by token. A token is a table index and a generation
//! (`index | generation << 32`); closing frees the index and bumps its
//! generation, so an event already read for a closed socket, whose index
//! a new socket now holds, is recognised as stale and dropped (Go keeps
//! its `pollDesc`s out of the GC heap, and checks `fdseq`, for the same
//! race). The descriptor itself is an `Arc`: the socket's owner and a
//! poll in progress may both hold it past the close.
//!
//! Rejected: level-triggered registration (every poll would report every
//! idle-but-readable socket again, and each would need re-arming);
//! a lock-free slot word as Go has (its states need CAS loops and a
//! pointer-sized G; a short lock per descriptor is never contended by
//! more than one reader, one writer and the poller).

use crate::sched::GWaker;
use mio::event::Source;
use mio::{Events, Interest, Poll, Registry, Token, Waker};
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// Which slot of a descriptor: a read waits for readable, a write (and a
/// connect) for writable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Read = 0,
    Write = 1,
}

/// What [`NetPoller::arm`] tells the G that tried a system call and got
/// `EAGAIN`.
#[derive(Debug, PartialEq, Eq)]
pub enum Wait {
    /// An edge arrived meanwhile: try the system call again now.
    Ready,
    /// The waker is stored: return `Blocked(IOWait)` and park.
    Parked,
    /// The descriptor is closing (`use of closed network connection`).
    Closing,
    /// The direction's deadline has passed (`i/o timeout`).
    Timeout,
}

enum Slot {
    Idle,
    Ready,
    Waiting(GWaker),
}

struct PdState {
    slots: [Slot; 2],
    closing: bool,
    /// Per direction: the deadline has passed.
    expired: [bool; 2],
    /// Per direction: bumped by every deadline change, so a timer armed for
    /// an earlier deadline is recognised as stale.
    deadline_seq: [u64; 2],
}

/// One socket's poll descriptor. See the module docs.
pub struct PollDesc {
    token: Token,
    state: Mutex<PdState>,
}

impl PollDesc {
    fn lock(&self) -> MutexGuard<'_, PdState> {
        // A panic while holding this lock is a bug in this file; the state
        // is plain data and stays usable, so a poisoned lock is taken over.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether the descriptor was closed.
    pub fn is_closing(&self) -> bool {
        self.lock().closing
    }
}

/// The table from token index to descriptor, with a generation per index.
struct Table {
    entries: Vec<(u32, Option<Arc<PollDesc>>)>,
    free: Vec<u32>,
}

/// Reserved for the waker's events.
const WAKE_TOKEN: Token = Token(usize::MAX);

/// Events read per poll; more wait for the next one.
const EVENTS: usize = 256;

/// The poller: one mio `Poll` for the whole process. See the module docs.
pub struct NetPoller {
    /// Taken by the one M that polls; others skip (`try_lock`) instead of
    /// queueing behind a blocking poll.
    poll: Mutex<(Poll, Events)>,
    registry: Registry,
    waker: Waker,
    table: Mutex<Table>,
    /// Gs parked in `IO wait` (slots holding a waker).
    waiters: AtomicUsize,
}

impl NetPoller {
    pub fn new() -> io::Result<NetPoller> {
        let poll = Poll::new()?;
        let registry = poll.registry().try_clone()?;
        let waker = Waker::new(poll.registry(), WAKE_TOKEN)?;
        Ok(NetPoller {
            poll: Mutex::new((poll, Events::with_capacity(EVENTS))),
            registry,
            waker,
            table: Mutex::new(Table {
                entries: Vec::new(),
                free: Vec::new(),
            }),
            waiters: AtomicUsize::new(0),
        })
    }

    fn table(&self) -> MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Registers a non-blocking socket, edge-triggered, for both directions.
    pub fn open<S: Source + ?Sized>(&self, src: &mut S) -> io::Result<Arc<PollDesc>> {
        let mut t = self.table();
        let index = match t.free.pop() {
            Some(i) => i,
            None => {
                let i = u32::try_from(t.entries.len())
                    .map_err(|_| io::Error::other("too many open sockets"))?;
                t.entries.push((0, None));
                i
            }
        };
        let gen = t.entries[index as usize].0;
        let token = Token(index as usize | (gen as usize) << 32);
        let pd = Arc::new(PollDesc {
            token,
            state: Mutex::new(PdState {
                slots: [Slot::Idle, Slot::Idle],
                closing: false,
                expired: [false; 2],
                deadline_seq: [0; 2],
            }),
        });
        if let Err(e) = self
            .registry
            .register(src, token, Interest::READABLE | Interest::WRITABLE)
        {
            t.free.push(index);
            return Err(e);
        }
        t.entries[index as usize].1 = Some(pd.clone());
        Ok(pd)
    }

    /// Closes `pd`: deregisters the socket (before the caller closes it),
    /// frees its token and returns the parked waiters for the caller to
    /// ready; they see [`Wait::Closing`] when they arm again.
    pub fn close<S: Source + ?Sized>(&self, pd: &PollDesc, src: &mut S) -> Vec<GWaker> {
        let woken = {
            let mut st = pd.lock();
            if st.closing {
                return Vec::new();
            }
            st.closing = true;
            let mut woken = Vec::new();
            for slot in &mut st.slots {
                if let Slot::Waiting(w) = std::mem::replace(slot, Slot::Idle) {
                    woken.push(w);
                }
            }
            woken
        };
        self.waiters.fetch_sub(woken.len(), Ordering::AcqRel);
        // The socket may already be gone from the kernel's set (its peer
        // reset it): nothing else to undo.
        let _ = self.registry.deregister(src);
        let mut t = self.table();
        let index = pd.token.0 & 0xffff_ffff;
        let entry = &mut t.entries[index];
        entry.0 = entry.0.wrapping_add(1);
        entry.1 = None;
        t.free.push(index as u32);
        woken
    }

    /// The G's half of a wait (module docs): called after `EAGAIN`, with the
    /// waker of the calling G.
    pub fn arm(&self, pd: &PollDesc, mode: Mode, w: GWaker) -> Wait {
        let mut st = pd.lock();
        if st.closing {
            return Wait::Closing;
        }
        if st.expired[mode as usize] {
            return Wait::Timeout;
        }
        match st.slots[mode as usize] {
            Slot::Ready => {
                st.slots[mode as usize] = Slot::Idle;
                Wait::Ready
            }
            // One waiter per direction: callers serialise readers (and
            // writers) of a socket above this level, as Go's fdMutex does.
            Slot::Waiting(_) => gol_gc::throw("runtime: netpoll: double wait"),
            Slot::Idle => {
                st.slots[mode as usize] = Slot::Waiting(w);
                self.waiters.fetch_add(1, Ordering::AcqRel);
                Wait::Parked
            }
        }
    }

    /// Gs parked on I/O; while any is, the scheduler polls and no deadlock
    /// is reported.
    pub fn io_waiters(&self) -> usize {
        self.waiters.load(Ordering::Acquire)
    }

    /// Polls the kernel: `Some(ZERO)` does not block, `None` blocks until an
    /// event or [`NetPoller::wake`]. Returns the Gs to make runnable. When
    /// another M is polling, returns at once with nothing.
    pub fn poll(&self, timeout: Option<Duration>) -> Vec<GWaker> {
        let Ok(mut guard) = self.poll.try_lock() else {
            return Vec::new();
        };
        let (poll, events) = &mut *guard;
        if let Err(e) = poll.poll(events, timeout) {
            if e.kind() != io::ErrorKind::Interrupted {
                gol_gc::throw(&format!("runtime: netpoll failed: {e}"));
            }
            return Vec::new();
        }
        let mut woken = Vec::new();
        for ev in events.iter() {
            if ev.token() == WAKE_TOKEN {
                continue;
            }
            let pd = {
                let t = self.table();
                let index = ev.token().0 & 0xffff_ffff;
                match t.entries.get(index) {
                    Some((_, Some(pd))) if pd.token == ev.token() => pd.clone(),
                    // Closed since the kernel reported it (module docs).
                    _ => continue,
                }
            };
            // Errors and hang-ups wake both directions: the retried system
            // call reports them.
            let err = ev.is_error();
            let read = ev.is_readable() || ev.is_read_closed() || err;
            let write = ev.is_writable() || ev.is_write_closed() || err;
            let mut st = pd.lock();
            for (mode, edge) in [(Mode::Read, read), (Mode::Write, write)] {
                if !edge {
                    continue;
                }
                let slot = &mut st.slots[mode as usize];
                match std::mem::replace(slot, Slot::Idle) {
                    Slot::Waiting(w) => {
                        self.waiters.fetch_sub(1, Ordering::AcqRel);
                        woken.push(w);
                    }
                    Slot::Idle | Slot::Ready => *slot = Slot::Ready,
                }
            }
        }
        woken
    }

    /// Interrupts a blocking [`NetPoller::poll`] (Go's `netpollBreak`).
    pub fn wake(&self) {
        // A failed eventfd write leaves the poll to its timeout: the
        // sleeper's deadline bounds the delay.
        let _ = self.waker.wake();
    }

    /// Sets or clears (`passed` false and no timer) a direction's deadline.
    /// `passed`: the deadline is already in the past, so it expires now and
    /// its waiter is returned. Otherwise the direction is no longer expired,
    /// and the caller arms a timer (if the deadline is not zero) that calls
    /// [`NetPoller::expire`] with the returned sequence number.
    pub fn set_deadline(&self, pd: &PollDesc, mode: Mode, passed: bool) -> (u64, Option<GWaker>) {
        let mut st = pd.lock();
        let m = mode as usize;
        st.deadline_seq[m] += 1;
        st.expired[m] = passed;
        let seq = st.deadline_seq[m];
        let w = if passed {
            self.take_waiter(&mut st, m)
        } else {
            None
        };
        (seq, w)
    }

    /// A deadline timer fired: if the deadline is still the one it was armed
    /// for, the direction expires and its waiter is returned.
    pub fn expire(&self, pd: &PollDesc, mode: Mode, seq: u64) -> Option<GWaker> {
        let mut st = pd.lock();
        let m = mode as usize;
        if st.deadline_seq[m] != seq || st.closing {
            return None;
        }
        st.expired[m] = true;
        self.take_waiter(&mut st, m)
    }

    fn take_waiter(&self, st: &mut PdState, m: usize) -> Option<GWaker> {
        match std::mem::replace(&mut st.slots[m], Slot::Idle) {
            Slot::Waiting(w) => {
                self.waiters.fetch_sub(1, Ordering::AcqRel);
                Some(w)
            }
            other => {
                st.slots[m] = other;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mio::net::{TcpListener, TcpStream};
    use std::io::{Read, Write};

    /// A waker standing for a G, recognisable by its number.
    fn waker(n: u32) -> GWaker {
        GWaker(Arc::new(n))
    }

    fn id(w: &GWaker) -> u32 {
        *w.0.downcast_ref::<u32>().expect("test waker")
    }

    fn pair() -> (TcpStream, TcpStream) {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let a = std::net::TcpStream::connect(l.local_addr().unwrap()).unwrap();
        let (b, _) = l.accept().unwrap();
        a.set_nonblocking(true).unwrap();
        b.set_nonblocking(true).unwrap();
        (TcpStream::from_std(a), TcpStream::from_std(b))
    }

    /// Polls until something is woken (edges may take a moment on loopback).
    fn poll_some(np: &NetPoller) -> Vec<GWaker> {
        for _ in 0..100 {
            let ws = np.poll(Some(Duration::from_millis(20)));
            if !ws.is_empty() {
                return ws;
            }
        }
        Vec::new()
    }

    #[test]
    fn a_parked_reader_is_woken_by_data_and_an_early_edge_is_kept() {
        let np = NetPoller::new().unwrap();
        let (mut a, mut b) = pair();
        let pa = np.open(&mut a).unwrap();
        let _pb = np.open(&mut b).unwrap();
        // The registration's first edges (writable) leave slots ready.
        np.poll(Some(Duration::from_millis(50)));
        let mut buf = [0u8; 8];
        assert_eq!(
            a.read(&mut buf).unwrap_err().kind(),
            io::ErrorKind::WouldBlock
        );
        // A ready read slot left from registration, if any, is consumed
        // first; then the reader parks.
        let mut w = np.arm(&pa, Mode::Read, waker(1));
        if w == Wait::Ready {
            w = np.arm(&pa, Mode::Read, waker(1));
        }
        assert_eq!(w, Wait::Parked);
        assert_eq!(np.io_waiters(), 1);
        b.write_all(b"hi").unwrap();
        let ws = poll_some(&np);
        assert_eq!(ws.iter().map(id).collect::<Vec<_>>(), vec![1]);
        assert_eq!(np.io_waiters(), 0);
        assert_eq!(a.read(&mut buf).unwrap(), 2);
        // An edge with nobody waiting is kept: the next arm says retry.
        b.write_all(b"again").unwrap();
        let _ = np.poll(Some(Duration::from_millis(100)));
        assert_eq!(np.arm(&pa, Mode::Read, waker(2)), Wait::Ready);
        assert_eq!(a.read(&mut buf).unwrap(), 5);
    }

    #[test]
    fn close_wakes_waiters_and_stale_tokens_are_dropped() {
        let np = NetPoller::new().unwrap();
        let (mut a, mut b) = pair();
        let pa = np.open(&mut a).unwrap();
        np.poll(Some(Duration::from_millis(20)));
        let _ = np.arm(&pa, Mode::Read, waker(7));
        if np.io_waiters() == 0 {
            assert_eq!(np.arm(&pa, Mode::Read, waker(7)), Wait::Parked);
        }
        let ws = np.close(&pa, &mut a);
        assert_eq!(ws.iter().map(id).collect::<Vec<_>>(), vec![7]);
        assert_eq!(np.io_waiters(), 0);
        assert_eq!(np.arm(&pa, Mode::Read, waker(8)), Wait::Closing);
        assert!(pa.is_closing());
        // A new socket reuses the index with a new generation.
        let pb = np.open(&mut b).unwrap();
        assert_eq!(pb.token.0 & 0xffff_ffff, pa.token.0 & 0xffff_ffff);
        assert_ne!(pb.token, pa.token);
    }

    #[test]
    fn deadlines_expire_waiters_and_stale_timers_do_nothing() {
        let np = NetPoller::new().unwrap();
        let (mut a, _b) = pair();
        let pa = np.open(&mut a).unwrap();
        np.poll(Some(Duration::from_millis(20)));
        let _ = np.arm(&pa, Mode::Read, waker(1));
        if np.io_waiters() == 0 {
            assert_eq!(np.arm(&pa, Mode::Read, waker(1)), Wait::Parked);
        }
        let (first, none) = np.set_deadline(&pa, Mode::Read, false);
        assert!(none.is_none());
        // The deadline moves later: the first timer is stale.
        let (second, _) = np.set_deadline(&pa, Mode::Read, false);
        assert!(np.expire(&pa, Mode::Read, first).is_none());
        assert_eq!(np.io_waiters(), 1);
        let w = np.expire(&pa, Mode::Read, second).expect("waiter");
        assert_eq!(id(&w), 1);
        assert_eq!(np.arm(&pa, Mode::Read, waker(2)), Wait::Timeout);
        // Clearing the deadline lets the reader wait again; a deadline in
        // the past wakes it at once.
        np.set_deadline(&pa, Mode::Read, false);
        assert_eq!(np.arm(&pa, Mode::Read, waker(3)), Wait::Parked);
        let (_, w) = np.set_deadline(&pa, Mode::Read, true);
        assert_eq!(id(&w.expect("waiter")), 3);
        assert_eq!(np.io_waiters(), 0);
    }

    #[test]
    fn wake_interrupts_a_blocking_poll() {
        let np = Arc::new(NetPoller::new().unwrap());
        let np2 = np.clone();
        let t = std::thread::spawn(move || {
            let start = std::time::Instant::now();
            np2.poll(None);
            start.elapsed()
        });
        std::thread::sleep(Duration::from_millis(50));
        np.wake();
        let took = t.join().unwrap();
        assert!(
            took < Duration::from_secs(10),
            "poll returned after {took:?}"
        );
    }

    #[test]
    fn a_listener_parks_until_a_connection_arrives() {
        let np = NetPoller::new().unwrap();
        let mut l = TcpListener::bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let pl = np.open(&mut l).unwrap();
        assert_eq!(l.accept().unwrap_err().kind(), io::ErrorKind::WouldBlock);
        assert_eq!(np.arm(&pl, Mode::Read, waker(4)), Wait::Parked);
        let _c = std::net::TcpStream::connect(l.local_addr().unwrap()).unwrap();
        let ws = poll_some(&np);
        assert_eq!(ws.iter().map(id).collect::<Vec<_>>(), vec![4]);
        assert!(l.accept().is_ok());
    }
}
