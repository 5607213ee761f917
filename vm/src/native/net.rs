//! The network's services to natives (stdlib's `net` natives are thin
//! bindings over these): the executor's poller, made when the first socket
//! opens; parking a goroutine in `IO wait` on a socket; deadlines as
//! scheduler timers; closing with the parked goroutines woken; and copying
//! received bytes into a Go `[]byte`.
//!
//! The waiting protocol is `netpoll`'s: a native makes the non-blocking
//! system call; on `ERR_AGAIN` it returns that to Go code, which calls
//! `sockWait` ([`NativeCtx::sock_wait`]) and tries again. A native that
//! parks cannot return a result when it is woken (the interpreter resumes
//! after the call), which is why the retry is in Go.
//!
//! # Invariants
//! 1. A deadline timer holds the poller and only a weak reference to the
//!    descriptor: a socket closed before its deadline is not kept open
//!    until the timer fires, and the stale timer finds nothing to expire.
//! 2. Every waker the poller hands back (close, a deadline in the past, an
//!    expired timer) is readied exactly once, here.

use super::{NativeCtx, NativeResult};
use crate::netpoll::{Mode, NetPoller, PollDesc, SockErr, Wait, ERR_CLOSING};
use crate::sched::WaitReason;
use std::sync::Arc;
use std::time::Duration;

/// The directions of a deadline mask: 1 read, 2 write, 3 both.
fn modes(mask: i64) -> impl Iterator<Item = Mode> {
    [(1, Mode::Read), (2, Mode::Write)]
        .into_iter()
        .filter(move |(bit, _)| mask & bit != 0)
        .map(|(_, m)| m)
}

impl NativeCtx<'_> {
    /// The executor's poller, made on first use.
    pub fn netpoller(&self) -> Result<Arc<NetPoller>, SockErr> {
        let Some(exec) = self.exec() else {
            return Err(libc::ENOSYS);
        };
        if let Some(np) = exec.netpoll.get() {
            return Ok(np.clone());
        }
        let np = NetPoller::new().map_err(|e| e.raw_os_error().unwrap_or(libc::EIO))?;
        Ok(exec.netpoll.get_or_init(|| Arc::new(np)).clone())
    }

    /// The poller and the descriptor of handle `h` (closed: ERR_CLOSING).
    pub fn sock(&self, h: i64) -> Result<(Arc<NetPoller>, Arc<PollDesc>), SockErr> {
        let np = self.netpoller()?;
        let pd = np.get(h).ok_or(ERR_CLOSING)?;
        Ok((np, pd))
    }

    /// `sockWait`: parks the goroutine in IO wait until socket `h` may be
    /// ready in direction `mode` (1 read, 2 write); returns at once when
    /// it already may be, is closed, or its deadline passed (the retried
    /// call reports those).
    pub fn sock_wait(&mut self, h: i64, mode: i64) -> NativeResult {
        let mode = if mode == 2 { Mode::Write } else { Mode::Read };
        let Ok((np, pd)) = self.sock(h) else {
            return NativeResult::Ok;
        };
        let Some(cx) = self.cx() else {
            // No scheduler: nothing else could run, so wait here.
            std::thread::sleep(Duration::from_millis(1));
            return NativeResult::Ok;
        };
        match np.arm(&pd, mode, cx.current_waker()) {
            Wait::Parked => NativeResult::Block(WaitReason::IOWait),
            Wait::Ready | Wait::Closing | Wait::Timeout => NativeResult::Ok,
        }
    }

    /// `sockClose`: closes socket `h` and readies its parked goroutines.
    pub fn sock_close(&mut self, h: i64) -> SockErr {
        let Ok((np, pd)) = self.sock(h) else {
            return ERR_CLOSING;
        };
        let woken = np.close(&pd);
        if let Some(cx) = self.cx() {
            for w in woken {
                cx.ready(w);
            }
        }
        0
    }

    /// `sockDeadline`: sets the deadlines of the directions in `mask` to
    /// `unix_ns` (0: none). One in the past expires at once; a later one is
    /// a timer (invariant 1).
    pub fn sock_deadline(&mut self, h: i64, mask: i64, unix_ns: i64) -> SockErr {
        let (np, pd) = match self.sock(h) {
            Ok(x) => x,
            Err(e) => return e,
        };
        let Some(cx) = self.cx() else {
            return libc::ENOSYS;
        };
        let now = self.wall_now_ns();
        for mode in modes(mask) {
            if unix_ns == 0 {
                np.set_deadline(&pd, mode, false);
                continue;
            }
            if unix_ns <= now {
                if let (_, Some(w)) = np.set_deadline(&pd, mode, true) {
                    cx.ready(w);
                }
                continue;
            }
            let (seq, _) = np.set_deadline(&pd, mode, false);
            let weak = Arc::downgrade(&pd);
            let np2 = np.clone();
            cx.after_func(
                Duration::from_nanos((unix_ns - now) as u64),
                Box::new(move |cx| {
                    if let Some(pd) = weak.upgrade() {
                        if let Some(w) = np2.expire(&pd, mode, seq) {
                            cx.ready(w);
                        }
                    }
                }),
            );
        }
        0
    }

    /// The `[]byte` array at `ptr`, `len` bytes of it, for a system call
    /// to fill in place (a read straight into the program's buffer, no
    /// copy). As with [`NativeCtx::bytes_ref`], a racing goroutine may see
    /// the bytes change while the call writes them: plain bytes, no
    /// pointer among them.
    pub fn bytes_mut_at(&mut self, ptr: u64, len: u64) -> &mut [u8] {
        if ptr == 0 || len == 0 {
            return &mut [];
        }
        // SAFETY: `ptr` is a `[]byte` array the VM made (value invariant
        // 2), at least `len` bytes long (the caller bounds `len` by the
        // slice's length), alive during the native; bytes need no write
        // barrier and have no invalid values.
        unsafe { std::slice::from_raw_parts_mut(ptr as *mut u8, len as usize) }
    }

    /// Copies `data` into the `[]byte` whose array starts at `ptr` (the
    /// caller bounds `data` by the slice's length).
    pub fn write_bytes_at(&mut self, ptr: u64, data: &[u8]) {
        if ptr == 0 {
            return;
        }
        // Bytes are packed and pointer-free: a plain copy needs no write
        // barrier.
        // SAFETY: `ptr` is a `[]byte` array the VM made (value invariant
        // 2), at least data.len() bytes long, alive during the native.
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), ptr as *mut u8, data.len()) };
    }
}
