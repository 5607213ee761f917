//! Goroutine descriptors: the part of a G the scheduler owns.
//!
//! A G is an `Arc<GInner<E>>` ([`GRef`]): a [`GHeader`] of atomics the
//! scheduler, sysmon and wakers touch, plus the executor's state behind a
//! lock that only the M running the G takes (uncontended: at most one M
//! runs a G; sysmon and the tracer read the header only).
//!
//! # Status and the park handshake
//! The status word holds Go's `_Grunnable`, `_Grunning`, `_Gsyscall`,
//! `_Gwaiting`, `_Gdead` and one extra bit, `WAKE`. A G that blocks (a
//! channel op, a sleep) publishes a waker *before* its executor returns
//! `Blocked`; a waker may therefore fire while the G is still `Running`.
//! Go closes that window by running `gopark`'s unlock function on g0 after
//! the G is off its stack; here the G's executor state is still borrowed
//! by its M, so instead:
//!
//! * `ready` CASes `Waiting -> Runnable` and queues the G; if it finds
//!   `Running` (or `Syscall`) it CASes in the `WAKE` bit and queues nothing.
//! * `park` (after `run` returned `Blocked`) CASes `Running -> Waiting`;
//!   if that fails the word is `Running|WAKE`, the wakeup already happened,
//!   and the M makes the G runnable itself.
//!
//! So exactly one side queues the G, and it is queued only once its
//! executor state is released. Invariant: a G is in at most one run queue
//! (or runnext slot, or held by one M) at any time, and only a `Runnable`
//! G is queued.
//!
//! Rejected: a per-G mutex held across "enqueue waiter ... return Blocked"
//! (it would be held across the executor's return, across crates), and
//! deferring all wakeups to the end of the waker's slice (a G that readies
//! another and then computes for 10 ms would delay it by as much).

use super::primitives::{Arc, AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Mutex, Ordering};
use super::Executor;
use std::any::Any;

/// Go's `_Gidle`..`_Gdead` (the values Go's scheddetail prints).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum GStatus {
    Idle = 0,
    Runnable = 1,
    Running = 2,
    Syscall = 3,
    Waiting = 4,
    Dead = 6,
}

impl GStatus {
    fn from_bits(b: u32) -> GStatus {
        match b & STATUS_MASK {
            0 => GStatus::Idle,
            1 => GStatus::Runnable,
            2 => GStatus::Running,
            3 => GStatus::Syscall,
            4 => GStatus::Waiting,
            _ => GStatus::Dead,
        }
    }

    /// The word Go's goroutine dump shows for a status without a wait
    /// reason (`goroutine 5 [runnable]:`).
    pub fn as_str(self) -> &'static str {
        match self {
            GStatus::Idle => "idle",
            GStatus::Runnable => "runnable",
            GStatus::Running => "running",
            GStatus::Syscall => "syscall",
            GStatus::Waiting => "waiting",
            GStatus::Dead => "dead",
        }
    }
}

const STATUS_MASK: u32 = 0xff;
/// `GHeader::wait` holds the [`WaitReason`] in its low byte and, above
/// it, the wait stamp (`GHeader::stamp_wait_since`): seconds since
/// [`wait_epoch`] plus one, 0 for none.
const WAIT_REASON_MASK: u32 = 0xff;
const WAIT_SINCE_SHIFT: u32 = 8;

/// The clock of wait stamps: the first use in the process.
pub(crate) fn wait_epoch() -> std::time::Instant {
    static EPOCH: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *EPOCH.get_or_init(std::time::Instant::now)
}
/// A wakeup arrived while the G was still running towards its park.
const WAKE: u32 = 0x100;

/// Why a G waits: Go's `waitReason` strings, as the goroutine dump and
/// scheddetail print them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum WaitReason {
    Zero = 0,
    ChanReceive,
    ChanSend,
    ChanReceiveNilChan,
    ChanSendNilChan,
    Select,
    SelectNoCases,
    Semacquire,
    SyncMutexLock,
    SyncRWMutexRLock,
    SyncRWMutexLock,
    SyncWaitGroupWait,
    SyncCondWait,
    Sleep,
    IOWait,
    Preempted,
    Syscall,
    /// Main returned while another goroutine reports its panic.
    PanicWait,
}

impl WaitReason {
    const ALL: [WaitReason; 18] = [
        WaitReason::Zero,
        WaitReason::ChanReceive,
        WaitReason::ChanSend,
        WaitReason::ChanReceiveNilChan,
        WaitReason::ChanSendNilChan,
        WaitReason::Select,
        WaitReason::SelectNoCases,
        WaitReason::Semacquire,
        WaitReason::SyncMutexLock,
        WaitReason::SyncRWMutexRLock,
        WaitReason::SyncRWMutexLock,
        WaitReason::SyncWaitGroupWait,
        WaitReason::SyncCondWait,
        WaitReason::Sleep,
        WaitReason::IOWait,
        WaitReason::Preempted,
        WaitReason::Syscall,
        WaitReason::PanicWait,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WaitReason::Zero => "",
            WaitReason::ChanReceive => "chan receive",
            WaitReason::ChanSend => "chan send",
            WaitReason::ChanReceiveNilChan => "chan receive (nil chan)",
            WaitReason::ChanSendNilChan => "chan send (nil chan)",
            WaitReason::Select => "select",
            WaitReason::SelectNoCases => "select (no cases)",
            WaitReason::Semacquire => "semacquire",
            WaitReason::SyncMutexLock => "sync.Mutex.Lock",
            WaitReason::SyncRWMutexRLock => "sync.RWMutex.RLock",
            WaitReason::SyncRWMutexLock => "sync.RWMutex.Lock",
            WaitReason::SyncWaitGroupWait => "sync.WaitGroup.Wait",
            WaitReason::SyncCondWait => "sync.Cond.Wait",
            WaitReason::Sleep => "sleep",
            WaitReason::IOWait => "IO wait",
            WaitReason::Preempted => "preempted",
            WaitReason::Syscall => "syscall",
            WaitReason::PanicWait => "panicwait",
        }
    }

    fn from_u32(v: u32) -> WaitReason {
        WaitReason::ALL
            .get(v as usize)
            .copied()
            .unwrap_or(WaitReason::Zero)
    }
}

/// The scheduler's part of a G. Every field is atomic: the owner M
/// writes status transitions, wakers CAS the `WAKE` bit, the tracer
/// reads everything. (The preemption request is the P's: `P::preempt`.)
pub struct GHeader {
    pub id: u64,
    /// Status bits and `WAKE`; transitions by CAS (see module docs).
    state: AtomicU32,
    /// A [`WaitReason`]; written by the owner M before the park CAS
    /// (Release) so a reader that sees `Waiting` (Acquire) sees it.
    wait: AtomicU32,
    /// Index in the all-G table; written once before the G is published.
    pub(crate) slot: AtomicUsize,
    /// The executor's collector stamp: the cycle in which this G's stack
    /// was last scanned (the VM's mgc.rs). Readable without the G's
    /// state, so a scanner can tell that a running G has scanned itself.
    /// Written under the state lock; Release/Acquire so a reader that
    /// sees the stamp sees the shading done before it.
    pub(crate) gc_cycle: AtomicU32,
    /// The tracer's arrow that made this G runnable, for its next segment
    /// (0: none; tracer.rs).
    pub(crate) trace_flow: AtomicU64,
    /// Whether the tracer has this G's name.
    pub(crate) trace_named: AtomicBool,
    /// The G is locked to the M that parked it in the middle of a slice
    /// (a nested call, `lockedm.rs`; Go's `lockedm`): whoever takes it
    /// from a run queue hands its P to that M instead of running it.
    /// Written by that M before the G can be readied (Release), cleared
    /// by it once it runs the G again; read (Acquire) by `schedule`.
    pub(crate) locked: AtomicBool,
}

impl GHeader {
    pub(crate) fn new(id: u64) -> GHeader {
        GHeader {
            id,
            state: AtomicU32::new(GStatus::Runnable as u32),
            wait: AtomicU32::new(0),
            slot: AtomicUsize::new(usize::MAX),
            gc_cycle: AtomicU32::new(0),
            trace_flow: AtomicU64::new(0),
            trace_named: AtomicBool::new(false),
            locked: AtomicBool::new(false),
        }
    }

    pub fn status(&self) -> GStatus {
        GStatus::from_bits(self.state.load(Ordering::Acquire))
    }

    pub fn wait_reason(&self) -> WaitReason {
        WaitReason::from_u32(self.wait.load(Ordering::Acquire) & WAIT_REASON_MASK)
    }

    /// Stamps a waiting G with the time (Go's `waitsince`, set by the
    /// collector's stack scan: the G has waited at least since `now_s`,
    /// seconds since [`wait_epoch`]) unless it has a stamp already. A
    /// wakeup clears the whole word, stamp included (`ready`), and so does
    /// the next park; a CAS from the bare reason keeps a stamp from
    /// landing on a wait that began after it was read.
    pub(crate) fn stamp_wait_since(&self, now_s: u64) {
        let w = self.wait.load(Ordering::Relaxed);
        if w >> WAIT_SINCE_SHIFT != 0 || w == 0 || self.status() != GStatus::Waiting {
            return;
        }
        let stamp = (now_s + 1).min(u64::from(u32::MAX >> WAIT_SINCE_SHIFT)) as u32;
        let _ = self.wait.compare_exchange(
            w,
            w | stamp << WAIT_SINCE_SHIFT,
            Ordering::Relaxed,
            Ordering::Relaxed,
        );
    }

    /// Whole minutes this G is known to have waited (0 without a stamp).
    pub fn wait_minutes(&self) -> u64 {
        self.wait_minutes_at(wait_epoch().elapsed().as_secs())
    }

    /// [`GHeader::wait_minutes`] at `now_s` seconds since [`wait_epoch`].
    fn wait_minutes_at(&self, now_s: u64) -> u64 {
        let stamp = u64::from(self.wait.load(Ordering::Relaxed) >> WAIT_SINCE_SHIFT);
        if stamp == 0 || self.status() != GStatus::Waiting {
            return 0;
        }
        now_s.saturating_sub(stamp - 1) / 60
    }

    /// Owner-only transition between two statuses that no waker races
    /// with (Runnable->Running, Running<->Syscall, ->Dead).
    pub(crate) fn set_status(&self, from: GStatus, to: GStatus) {
        if self
            .state
            .compare_exchange(from as u32, to as u32, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            gol_gc::throw(&format!(
                "casgstatus: goroutine {} from {:?} to {:?}, found {:?}",
                self.id,
                from,
                to,
                self.status()
            ));
        }
    }

    /// The owner M parks the G after `Blocked(reason)`. True: the G is
    /// `Waiting` and belongs to whoever holds its waker. False: a wakeup
    /// came first; the G is `Runnable` again and the caller must queue it.
    pub(crate) fn park(&self, reason: WaitReason) -> bool {
        self.wait.store(reason as u32, Ordering::Release);
        // Pairs with the CAS in `ready`: whichever comes second sees the
        // other's write.
        match self.state.compare_exchange(
            GStatus::Running as u32,
            GStatus::Waiting as u32,
            Ordering::AcqRel,
            Ordering::Acquire,
        ) {
            Ok(_) => true,
            Err(s) if s == GStatus::Running as u32 | WAKE => {
                self.wait.store(0, Ordering::Relaxed);
                self.state
                    .store(GStatus::Runnable as u32, Ordering::Release);
                false
            }
            Err(s) => gol_gc::throw(&format!("gopark: bad g status {s:#x}")),
        }
    }

    /// A waker's half of the handshake. True: the G went `Waiting ->
    /// Runnable` and the caller must queue it. False: the G had not parked
    /// yet; the `WAKE` bit tells its M to requeue it.
    pub(crate) fn ready(&self) -> bool {
        let mut s = self.state.load(Ordering::Acquire);
        loop {
            let st = GStatus::from_bits(s);
            let next = match st {
                GStatus::Waiting => GStatus::Runnable as u32,
                GStatus::Running | GStatus::Syscall if s & WAKE == 0 => s | WAKE,
                _ => gol_gc::throw(&format!(
                    "goready: bad g status {s:#x} (goroutine {})",
                    self.id
                )),
            };
            match self
                .state
                .compare_exchange_weak(s, next, Ordering::AcqRel, Ordering::Acquire)
            {
                Ok(_) => {
                    if st == GStatus::Waiting {
                        self.wait.store(0, Ordering::Relaxed);
                        return true;
                    }
                    return false;
                }
                Err(cur) => s = cur,
            }
        }
    }

    /// Clears a `WAKE` bit left by a wakeup that arrived while the G was
    /// running but that it then consumed without parking (a spurious or
    /// already-satisfied wakeup). Owner only.
    pub(crate) fn clear_wake(&self) {
        self.state.fetch_and(!WAKE, Ordering::AcqRel);
    }
}

/// A goroutine: the header and the executor's state.
pub struct GInner<E: Executor> {
    pub(crate) hdr: GHeader,
    /// `None` once the G is dead or the scheduler has shut down. Locked
    /// only by the M running the G (and by the scheduler after every M
    /// has stopped), so the lock is never contended.
    pub(crate) state: Mutex<Option<E::G>>,
    /// While the G blocks out of the world in the middle of a slice
    /// ([`super::Blocker`], or parked in a nested call: `lockedm.rs`),
    /// what it lends the collector, which cannot lock `state` then. The
    /// owner takes it back under this lock before it touches its state
    /// again. Boxed: a thin pointer keeps every G's descriptor small (one
    /// 96-byte allocation), and lending is rare.
    pub(crate) lent_roots: Mutex<Option<Box<Lent<E>>>>,
}

/// What a G blocked out of the world in the middle of a slice lends (see
/// `GInner::lent_roots`).
pub(crate) struct Lent<E: Executor> {
    /// A copy of its root words (the executor may append words that can
    /// never look like heap pointers: the VM appends the G's trace).
    pub(crate) words: Box<[u64]>,
    /// Roots that change while it waits, read in place: a parked channel
    /// operation, whose partner completes it with the words it hands
    /// over after the copy was taken.
    pub(crate) live: Option<Box<dyn LiveRoots>>,
    /// The M the G is locked to while parked in a nested call
    /// (`lockedm.rs`); None for a [`super::Blocker`].
    pub(super) m: Option<Arc<super::m::MShared<E>>>,
}

/// Roots a G lends that the collector must read in place each time (see
/// [`Lent::live`]): the executor's parked operation.
pub trait LiveRoots: Any + Send + Sync {
    /// Every word that may be a heap pointer.
    fn for_each_word(&self, f: &mut dyn FnMut(u64));
    /// Back to the executor's own type.
    fn into_any(self: Box<Self>) -> Box<dyn Any>;
}

/// A shared reference to a goroutine; what run queues hold.
pub type GRef<E> = Arc<GInner<E>>;

/// What a channel or timer keeps to wake a parked G, with the executor
/// type erased so channels need no type parameter. Only the scheduler
/// that created the G can turn it back into a [`GRef`].
#[derive(Clone)]
pub struct GWaker(pub(crate) Arc<dyn Any + Send + Sync>);

impl GWaker {
    pub(crate) fn of<E: Executor>(g: &GRef<E>) -> GWaker {
        GWaker(g.clone())
    }

    pub(crate) fn into_g<E: Executor>(self) -> GRef<E> {
        match self.0.downcast::<GInner<E>>() {
            Ok(g) => g,
            Err(_) => gol_gc::throw("goready: waker of another scheduler"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn running() -> GHeader {
        let h = GHeader::new(1);
        h.set_status(GStatus::Runnable, GStatus::Running);
        h
    }

    #[test]
    fn a_wait_is_dated_by_the_first_scan_and_forgotten_on_wakeup() {
        let h = running();
        assert!(h.park(WaitReason::ChanReceive));
        h.stamp_wait_since(10);
        // A later scan keeps the first date.
        h.stamp_wait_since(100);
        assert_eq!(h.wait_reason(), WaitReason::ChanReceive);
        assert_eq!(h.wait_minutes_at(69), 0);
        assert_eq!(h.wait_minutes_at(190), 3);
        assert!(h.ready());
        assert_eq!(h.wait_minutes_at(190), 0);
        h.set_status(GStatus::Runnable, GStatus::Running);
        assert!(h.park(WaitReason::Select));
        assert_eq!(h.wait_minutes_at(1000), 0);
    }

    #[test]
    fn park_then_ready_queues_once() {
        let h = running();
        assert!(h.park(WaitReason::ChanReceive));
        assert_eq!(h.status(), GStatus::Waiting);
        assert_eq!(h.wait_reason().as_str(), "chan receive");
        assert!(h.ready());
        assert_eq!(h.status(), GStatus::Runnable);
    }

    #[test]
    fn ready_before_park_is_not_lost() {
        let h = running();
        assert!(!h.ready(), "the waker must not queue a running G");
        assert!(!h.park(WaitReason::ChanSend), "park must see the wakeup");
        assert_eq!(h.status(), GStatus::Runnable);
    }

    #[test]
    fn racing_ready_and_park_queue_exactly_once() {
        for _ in 0..2000 {
            let h = Arc::new(running());
            let h2 = h.clone();
            let t = std::thread::spawn(move || h2.ready());
            let parked = h.park(WaitReason::Select);
            let waker_queued = t.join().unwrap_or(false);
            // Exactly one side queues: the waker if the park won, the
            // parking M otherwise.
            assert_eq!(parked, waker_queued);
            assert_eq!(h.status(), GStatus::Runnable);
        }
    }
}
