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

mod socket;

pub use socket::{Io, SockErr, ERR_AGAIN, ERR_CLOSING, ERR_TIMEOUT};

use crate::sched::GWaker;
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
    /// The socket; its descriptor closes when the last reference drops,
    /// after any system call in flight on another thread has returned.
    pub(crate) io: Io,
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

    /// The socket's handle (its token).
    pub fn handle(&self) -> i64 {
        self.token.0 as i64
    }

    /// An error to report before a system call in direction `mode`: the
    /// socket is closing or the direction's deadline has passed.
    pub fn check(&self, mode: Mode) -> Result<(), SockErr> {
        let st = self.lock();
        if st.closing {
            return Err(ERR_CLOSING);
        }
        if st.expired[mode as usize] {
            return Err(ERR_TIMEOUT);
        }
        Ok(())
    }
}

/// The table from token index to descriptor, with a generation per index.
struct Table {
    entries: Vec<(u32, Option<Arc<PollDesc>>)>,
    free: Vec<u32>,
}

/// The table index of a token or handle (its generation is the high half).
fn index_of(token: usize) -> usize {
    token & 0xffff_ffff
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

    /// Registers a non-blocking socket, edge-triggered, for both
    /// directions; its handle is the token.
    pub fn open(&self, mut io: Io) -> io::Result<Arc<PollDesc>> {
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
        if let Err(e) = io.with_source(|src| {
            self.registry
                .register(src, token, Interest::READABLE | Interest::WRITABLE)
        }) {
            t.free.push(index);
            return Err(e);
        }
        let pd = Arc::new(PollDesc {
            token,
            state: Mutex::new(PdState {
                slots: [Slot::Idle, Slot::Idle],
                closing: false,
                expired: [false; 2],
                deadline_seq: [0; 2],
            }),
            io,
        });
        t.entries[index as usize].1 = Some(pd.clone());
        Ok(pd)
    }

    /// The descriptor of a handle, unless it was closed.
    pub fn get(&self, handle: i64) -> Option<Arc<PollDesc>> {
        let t = self.table();
        match t.entries.get(index_of(handle as usize)) {
            Some((_, Some(pd))) if pd.token.0 == handle as usize => Some(pd.clone()),
            _ => None,
        }
    }

    /// Closes a socket: frees its handle and returns the parked waiters for
    /// the caller to ready; they see [`Wait::Closing`] when they arm again.
    /// The descriptor itself closes when the last reference to the poll
    /// descriptor drops (the kernel then forgets its registration); an
    /// event read for it meanwhile finds the handle gone.
    pub fn close(&self, pd: &PollDesc) -> Vec<GWaker> {
        let woken: Vec<GWaker> = {
            let mut st = pd.lock();
            if st.closing {
                return Vec::new();
            }
            st.closing = true;
            (0..2)
                .filter_map(|m| self.take_waiter(&mut st, m))
                .collect()
        };
        let index = index_of(pd.token.0);
        let mut t = self.table();
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
            // None: closed since the kernel reported it (module docs).
            let Some(pd) = self.get(ev.token().0 as i64) else {
                continue;
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
    use std::io::{Read, Write};

    /// A waker standing for a G, recognisable by its number.
    fn waker(n: u32) -> GWaker {
        GWaker(Arc::new(n))
    }

    fn id(w: &GWaker) -> u32 {
        *w.0.downcast_ref::<u32>().expect("test waker")
    }

    /// A connected pair: `a` on the poller, `b` a plain blocking socket.
    fn pair(np: &NetPoller) -> (Arc<PollDesc>, std::net::TcpStream) {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let a = np.connect(true, l.local_addr().unwrap()).unwrap();
        let (b, _) = l.accept().unwrap();
        (a, b)
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

    /// Arms `mode` until it parks (a ready slot left by an earlier edge is
    /// consumed first).
    fn park(np: &NetPoller, pd: &PollDesc, mode: Mode, n: u32) {
        for _ in 0..3 {
            if np.arm(pd, mode, waker(n)) == Wait::Parked {
                return;
            }
        }
        panic!("did not park");
    }

    #[test]
    fn a_parked_reader_is_woken_by_data_and_an_early_edge_is_kept() {
        let np = NetPoller::new().unwrap();
        let (a, mut b) = pair(&np);
        np.poll(Some(Duration::from_millis(50)));
        let mut buf = [0u8; 8];
        assert_eq!(np.read(&a, &mut buf), Err(ERR_AGAIN));
        park(&np, &a, Mode::Read, 1);
        assert_eq!(np.io_waiters(), 1);
        b.write_all(b"hi").unwrap();
        let ws = poll_some(&np);
        assert_eq!(ws.iter().map(id).collect::<Vec<_>>(), vec![1]);
        assert_eq!(np.io_waiters(), 0);
        assert_eq!(np.read(&a, &mut buf), Ok(2));
        // An edge with nobody waiting is kept: the next arm says retry.
        b.write_all(b"again").unwrap();
        let _ = np.poll(Some(Duration::from_millis(100)));
        assert_eq!(np.arm(&a, Mode::Read, waker(2)), Wait::Ready);
        assert_eq!(np.read(&a, &mut buf), Ok(5));
        // The peer's close is an edge too, and then the end of the stream.
        drop(b);
        park(&np, &a, Mode::Read, 3);
        assert_eq!(poll_some(&np).iter().map(id).collect::<Vec<_>>(), vec![3]);
        assert_eq!(np.read(&a, &mut buf), Ok(0));
    }

    #[test]
    fn close_wakes_waiters_and_stale_handles_are_refused() {
        let np = NetPoller::new().unwrap();
        let (a, _b) = pair(&np);
        let h = a.handle();
        assert!(np.get(h).is_some());
        np.poll(Some(Duration::from_millis(20)));
        park(&np, &a, Mode::Read, 7);
        let ws = np.close(&a);
        assert_eq!(ws.iter().map(id).collect::<Vec<_>>(), vec![7]);
        assert_eq!(np.io_waiters(), 0);
        assert_eq!(np.arm(&a, Mode::Read, waker(8)), Wait::Closing);
        assert_eq!(np.read(&a, &mut [0u8; 4]), Err(ERR_CLOSING));
        assert!(a.is_closing());
        assert!(np.get(h).is_none(), "a closed handle is gone");
        // A new socket reuses the index with a new generation.
        let (c, _d) = pair(&np);
        assert_eq!(c.handle() & 0xffff_ffff, h & 0xffff_ffff);
        assert_ne!(c.handle(), h);
        assert!(np.get(h).is_none());
    }

    #[test]
    fn deadlines_expire_waiters_and_stale_timers_do_nothing() {
        let np = NetPoller::new().unwrap();
        let (a, _b) = pair(&np);
        np.poll(Some(Duration::from_millis(20)));
        park(&np, &a, Mode::Read, 1);
        let (first, none) = np.set_deadline(&a, Mode::Read, false);
        assert!(none.is_none());
        // The deadline moves later: the first timer is stale.
        let (second, _) = np.set_deadline(&a, Mode::Read, false);
        assert!(np.expire(&a, Mode::Read, first).is_none());
        assert_eq!(np.io_waiters(), 1);
        let w = np.expire(&a, Mode::Read, second).expect("waiter");
        assert_eq!(id(&w), 1);
        assert_eq!(np.arm(&a, Mode::Read, waker(2)), Wait::Timeout);
        assert_eq!(np.read(&a, &mut [0u8; 4]), Err(ERR_TIMEOUT));
        // Writing is unaffected by the read deadline.
        assert_eq!(np.write(&a, b"x"), Ok(1));
        // Clearing the deadline lets the reader wait again; a deadline in
        // the past wakes it at once.
        np.set_deadline(&a, Mode::Read, false);
        assert_eq!(np.arm(&a, Mode::Read, waker(3)), Wait::Parked);
        let (_, w) = np.set_deadline(&a, Mode::Read, true);
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
    fn a_listener_parks_until_a_connection_arrives_and_errors_name_their_call() {
        let np = NetPoller::new().unwrap();
        let (l, addr) = np.listen(true, "127.0.0.1:0".parse().unwrap()).unwrap();
        assert_ne!(addr.port(), 0);
        assert!(matches!(np.accept(&l), Err(ERR_AGAIN)));
        park(&np, &l, Mode::Read, 4);
        let mut c = std::net::TcpStream::connect(addr).unwrap();
        let ws = poll_some(&np);
        assert_eq!(ws.iter().map(id).collect::<Vec<_>>(), vec![4]);
        let (s, remote, local) = np.accept(&l).expect("accepted");
        assert_eq!(local, addr);
        assert_eq!(remote, c.local_addr().unwrap());
        c.write_all(b"ping").unwrap();
        let mut buf = [0u8; 4];
        let mut got = 0;
        for _ in 0..100 {
            match np.read(&s, &mut buf[got..]) {
                Ok(n) => got += n,
                Err(ERR_AGAIN) => std::thread::sleep(Duration::from_millis(5)),
                Err(e) => panic!("read: {e}"),
            }
            if got == 4 {
                break;
            }
        }
        assert_eq!(&buf, b"ping");
        assert_eq!(np.write(&s, b"pong"), Ok(4));
        c.read_exact(&mut buf).unwrap();
        assert_eq!(&buf, b"pong");
        // The same address again: bind fails, and says so.
        assert_eq!(
            np.listen(true, addr).err(),
            Some((libc::EADDRINUSE, "bind"))
        );
    }

    #[test]
    fn a_refused_connect_reports_econnrefused_when_writable() {
        let np = NetPoller::new().unwrap();
        // A port nobody listens on: bind one and close it.
        let addr = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        let c = np.connect(true, addr).expect("connect starts");
        let mut outcome = np.connected(&c);
        for _ in 0..100 {
            if outcome != Err(ERR_AGAIN) {
                break;
            }
            np.poll(Some(Duration::from_millis(20)));
            outcome = np.connected(&c);
        }
        assert_eq!(outcome, Err(libc::ECONNREFUSED));
    }

    #[test]
    fn datagrams_go_both_ways() {
        let np = NetPoller::new().unwrap();
        let (u, addr) = np.listen(false, "127.0.0.1:0".parse().unwrap()).unwrap();
        let c = np.connect(false, addr).unwrap();
        let from = np.connected(&c).unwrap();
        assert_eq!(np.write(&c, b"datagram"), Ok(8));
        let mut buf = [0u8; 16];
        let mut got = Err(ERR_AGAIN);
        for _ in 0..100 {
            got = np.recv_from(&u, &mut buf);
            if got != Err(ERR_AGAIN) {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(got, Ok((8, from)));
        assert_eq!(np.send_to(&u, b"reply", from), Ok(5));
    }
}
