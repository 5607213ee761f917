//! Ps, Ms and the scheduling policy: `schedule`, `findRunnable`, spinning
//! Ms, `wakep`/`startm`/`stopm`, system calls, GOMAXPROCS changes and
//! deadlock detection. The queues themselves are in `runq.rs`.
//!
//! # The loop of an M
//! An M (an OS thread) runs Gs only while it holds a P. `schedule` asks
//! `find_runnable` for a G and `execute`s it: the executor runs a slice
//! of it and says why it stopped (yield, preemption, block, done, panic,
//! exit). `find_runnable` looks, in Go's order:
//!
//! 1. expired timers of every P (each P's earliest deadline is one atomic
//!    word, so the check is cheap; other Ps' heaps are only try-locked);
//! 2. every 61st schedtick, the global queue first (so two Gs handing
//!    work to each other through `runnext` cannot starve it);
//! 3. `runnext`, then the local queue, then a batch of the global queue
//!    (`len/GOMAXPROCS + 1`, at most 128, as `globrunqget`);
//! 4. the network poller, non-blocking (an executor hook);
//! 5. stealing: four rounds over the other Ps in a random order, taking
//!    half a victim's queue (at most 128); the last round also takes a
//!    victim's `runnext`. Only *spinning* Ms steal, and at most half the
//!    busy Ps may have a spinning M (`2*nmspinning < gomaxprocs-npidle`),
//!    so idle Ms do not hammer the queues of busy ones.
//!
//! Finding nothing, the M gives its P back, stops spinning, re-checks
//! every queue (the other half of the lost-wakeup argument below), and
//! parks on its own condition variable (no CPU burned). One idle M at a
//! time is the *sleeper*: if a timer is armed or the executor reports I/O
//! waiters, it sleeps until the earliest deadline (or blocks in the
//! executor's netpoll), instead of parking indefinitely.
//!
//! # Lost wakeups
//! Work is published (queue push) and then `wakep` reads `npidle` and
//! `nmspinning`; a spinning M that gives up decrements `nmspinning` and then
//! re-reads every queue. Both sides put a SeqCst fence (or SeqCst RMW)
//! between their write and their read (Dekker's pattern), so at least one
//! of them sees the other: either the waker starts a spinning M, or the
//! spinner sees the new work.
//!
//! # Deadlock
//! `stopm` counts Ms: when the last running M parks (every M idle, none in
//! a system call, none sleeping on timers) no G can be readied by anyone
//! but a timer or I/O. Then, as Go's `checkdead`: if a timer is armed or
//! the executor has I/O waiters, the M becomes the sleeper instead; if
//! live Gs remain, every one of them is blocked forever and the run ends
//! with `RunExit::Deadlock` (the caller prints Go's "all goroutines are
//! asleep" dump); if none remain, Go's "no goroutines" fatal error.
//!
//! # System calls
//! `entersyscall` leaves the P in state `Syscall` with its local queue
//! parked inside it; sysmon retakes such a P after 20 µs when it has work
//! (or nobody else is idle or spinning, or after 10 ms) and hands it to
//! another M. `exitsyscall` first tries to take its old P back with one
//! CAS, then any idle P; failing both it returns false and the executor
//! must return `Yielded` at once: the G goes to the global queue and the M
//! stops, as Go's `exitsyscall0` does.
//!
//! # GOMAXPROCS
//! Go resizes with the world stopped. Here Ps live in a fixed table of
//! [`MAX_PROCS`] lazily created slots; lowering GOMAXPROCS makes Ps at or
//! above the new count *retire* the next time their M schedules (their Gs
//! go to the global queue, their timers to P0), idle ones at once; raising
//! it revives or creates Ps and wakes Ms. No stop-the-world is needed
//! because a retiring P's queue is only touched by its own M.
//!
//! # Who touches what
//! * `P.local`: its owner M only (the `Local` handle is moved into the M's
//!   context while it holds the P; it sits in the P's mutex otherwise).
//! * `P.runnext`, `P.curg`: a tiny mutex; owner M, thieves (runnext, last
//!   steal round), sysmon (curg).
//! * `Shared.lock` (Go's `sched.lock`): idle P list, idle M list, M count,
//!   thread handles. Never held while taking a G's state lock or a
//!   channel lock.
//! * `npidle`, `nmspinning`: atomics, SeqCst (the fences above).

use super::g::{GHeader, GInner, GRef, GStatus, GWaker};
use super::rand::{RandomOrder, Rng};
use super::runq::{self, Global, Local, Thief, LOCAL_CAP};
use super::sync::{
    fence, Arc, AtomicBool, AtomicI64, AtomicU32, AtomicU64, AtomicUsize, Condvar, Mutex, Ordering,
};
use super::timer::{TimerHandle, Timers};
use super::{Config, Executor, GDump, RunExit, RunOutcome};
use std::cell::{Cell, RefCell};
use std::sync::OnceLock;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The most Ps a scheduler can have (GOMAXPROCS is clamped to it).
pub const MAX_PROCS: usize = 256;
/// Go's `forcePreemptNS`: sysmon preempts a G that has run this long.
pub const FORCE_PREEMPT_NS: u64 = 10_000_000;

/// Go's `_Pidle`, `_Prunning`, `_Psyscall`, `_Pdead`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum PStatus {
    Idle = 0,
    Running = 1,
    Syscall = 2,
    Dead = 4,
}

impl PStatus {
    fn from_u32(v: u32) -> PStatus {
        match v {
            0 => PStatus::Idle,
            1 => PStatus::Running,
            2 => PStatus::Syscall,
            _ => PStatus::Dead,
        }
    }
}

/// An AfterFunc-style callback, run on an M holding a P.
pub type TimerFn<E> = Box<dyn FnOnce(&PCtx<E>) + Send>;

/// What an expired timer does.
pub(crate) enum TimerAction<E: Executor> {
    /// Ready a sleeping G.
    Ready(GWaker),
    /// Call a function on the M that found the timer expired (with its P).
    Func(TimerFn<E>),
}

/// A logical processor.
pub(crate) struct P<E: Executor> {
    pub(crate) id: usize,
    /// A [`PStatus`]; Idle->Running by `acquirep` (under `Shared.lock` via
    /// the idle list), Running->Syscall->Running by the owner, Syscall->Idle
    /// by sysmon's CAS.
    status: AtomicU32,
    /// The owner's queue handle while no M holds this P.
    local: Mutex<Option<Local<GRef<E>>>>,
    pub(crate) thief: Thief<GRef<E>>,
    pub(crate) runnext: Mutex<Option<GRef<E>>>,
    pub(crate) timers: Timers<TimerAction<E>>,
    /// Incremented by the owner on every `execute` (Relaxed: statistics
    /// and the 61st-tick rule, read by the owner; the tracer reads a
    /// possibly stale value).
    pub(crate) schedtick: AtomicU64,
    pub(crate) syscalltick: AtomicU64,
    /// When the current system call started (owner writes before the
    /// Release CAS to Syscall; sysmon reads after an Acquire load).
    syscall_when_ns: AtomicU64,
    /// The G running on this P, for sysmon's preemption check.
    pub(crate) curg: Mutex<Option<GRef<E>>>,
    /// The M holding this P, -1 if none (tracer only).
    pub(crate) m_id: AtomicI64,
}

impl<E: Executor> P<E> {
    fn new(id: usize) -> P<E> {
        let (local, thief) = runq::local();
        P {
            id,
            status: AtomicU32::new(PStatus::Idle as u32),
            local: Mutex::new(Some(local)),
            thief,
            runnext: Mutex::new(None),
            timers: Timers::default(),
            schedtick: AtomicU64::new(0),
            syscalltick: AtomicU64::new(0),
            syscall_when_ns: AtomicU64::new(0),
            curg: Mutex::new(None),
            m_id: AtomicI64::new(-1),
        }
    }

    pub(crate) fn status(&self) -> PStatus {
        PStatus::from_u32(self.status.load(Ordering::Acquire))
    }

    fn cas_status(&self, from: PStatus, to: PStatus) -> bool {
        self.status
            .compare_exchange(from as u32, to as u32, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }

    pub(crate) fn syscall_when(&self) -> u64 {
        self.syscall_when_ns.load(Ordering::Relaxed)
    }

    /// sysmon's CAS Syscall -> Idle; the caller then owns the P.
    pub(crate) fn retake_from_syscall(&self) -> bool {
        self.cas_status(PStatus::Syscall, PStatus::Idle)
    }

    pub(crate) fn has_work(&self) -> bool {
        !self.thief.is_empty() || self.runnext.lock().is_some()
    }
}

/// An M's parking spot.
pub(crate) struct MPark<E: Executor> {
    nextp: Option<Arc<P<E>>>,
    spinning: bool,
    wake: bool,
}

/// The shared part of an M.
pub(crate) struct MShared<E: Executor> {
    pub(crate) id: i64,
    park: Mutex<MPark<E>>,
    cv: Condvar,
    /// Tracer-only mirrors of the M's own state (Relaxed).
    pub(crate) spinning: AtomicBool,
    pub(crate) blocked: AtomicBool,
    pub(crate) p_id: AtomicI64,
    pub(crate) curg: AtomicU64,
}

impl<E: Executor> MShared<E> {
    fn new(id: i64) -> MShared<E> {
        MShared {
            id,
            park: Mutex::new(MPark {
                nextp: None,
                spinning: false,
                wake: false,
            }),
            cv: Condvar::new(),
            spinning: AtomicBool::new(false),
            blocked: AtomicBool::new(false),
            p_id: AtomicI64::new(-1),
            curg: AtomicU64::new(0),
        }
    }
}

/// Go's `sched.lock`-protected state.
pub(crate) struct SchedLock<E: Executor> {
    pub(crate) pidle: Vec<Arc<P<E>>>,
    pub(crate) midle: Vec<Arc<MShared<E>>>,
    /// Ms created (never shrinks: Ms do not exit before shutdown).
    pub(crate) mcount: usize,
    /// Ms whose thread has not returned yet.
    live_ms: usize,
    pub(crate) allm: Vec<Arc<MShared<E>>>,
    threads: Vec<JoinHandle<()>>,
}

/// The table of every live G (Go's `allgs`), with free-slot reuse.
pub(crate) struct GTable<E: Executor> {
    pub(crate) slots: Vec<Option<GRef<E>>>,
    free: Vec<usize>,
}

/// The sleeper's state (Go's `sched.lastpoll`/`pollUntil`).
struct PollState {
    until_ns: u64,
    kicked: bool,
}

/// How a run ends, before the dump is taken.
pub(crate) enum Ending<G> {
    Done,
    Exit(i32),
    Panicked(u64, G),
    Deadlock,
    Fatal(String),
}

/// Scheduler counters, for tests and for the curious (Relaxed: counts).
#[derive(Default)]
pub struct Stats {
    pub spawned: AtomicU64,
    /// Successful steals of a batch from another P's queue.
    pub steals: AtomicU64,
    /// Gs taken from another P's runnext.
    pub runnext_steals: AtomicU64,
    /// Preemption requests sysmon made.
    pub preempt_requests: AtomicU64,
    /// Slices that ended because of a preemption request.
    pub preempted: AtomicU64,
    /// Ps sysmon took from Ms in system calls.
    pub syscall_retakes: AtomicU64,
    /// `exitsyscall` calls that got their old P back.
    pub syscall_fast_exits: AtomicU64,
    /// Gs moved to the global queue because a local queue was full.
    pub overflow_moves: AtomicU64,
    /// Times an M parked.
    pub m_parks: AtomicU64,
    pub timers_fired: AtomicU64,
}

impl Stats {
    pub fn get(c: &AtomicU64) -> u64 {
        c.load(Ordering::Relaxed)
    }
}

/// State shared by every M, sysmon and the scheduler handle.
pub(crate) struct Shared<E: Executor> {
    pub(crate) exec: E,
    /// Ms inside slices, and stop-the-world (world.rs).
    pub(crate) world: super::world::World,
    pub(crate) cfg: Config,
    epoch: Instant,
    pub(crate) allp: Box<[OnceLock<Arc<P<E>>>]>,
    pub(crate) gomaxprocs: AtomicUsize,
    pub(crate) global: Global<GRef<E>>,
    pub(crate) npidle: AtomicUsize,
    pub(crate) nmspinning: AtomicUsize,
    pub(crate) lock: Mutex<SchedLock<E>>,
    pub(crate) allgs: Mutex<GTable<E>>,
    pub(crate) live_gs: AtomicUsize,
    /// Ms blocked out of the world in a [`Blocker`].
    blocked_ms: AtomicUsize,
    goid_gen: AtomicU64,
    pub(crate) shutdown: AtomicBool,
    result: Mutex<Option<Ending<E::G>>>,
    done_cv: Condvar,
    poll: Mutex<PollState>,
    poll_cv: Condvar,
    /// One idle M sleeps on timers/I/O at a time (Go's `lastpoll == 0`).
    sleeper: AtomicBool,
    pub(crate) sysmon_park: Mutex<bool>,
    pub(crate) sysmon_cv: Condvar,
    pub(crate) stats: Stats,
}

impl<E: Executor> Shared<E> {
    /// Runs `f` on the state of the G in slot `i` unless that G is running
    /// (its state locked) or has id `skip`.
    fn with_g_slot<R>(
        &self,
        i: usize,
        skip: u64,
        f: impl FnOnce(GRoots<'_, E::G>, &AtomicU32) -> R,
    ) -> SlotVisit<R> {
        let g = match self.allgs.lock().slots.get(i) {
            Some(Some(g)) => g.clone(),
            _ => return SlotVisit::Empty,
        };
        let stamp = || g.hdr.gc_cycle.load(Ordering::Acquire);
        if g.hdr.id == skip {
            return SlotVisit::Skipped(stamp());
        }
        let visit = match g.state.try_lock() {
            Some(st) => match st.as_ref() {
                Some(s) => SlotVisit::Visited(f(GRoots::State(s), &g.hdr.gc_cycle)),
                None => SlotVisit::Empty,
            },
            None => match g.lent_roots.lock().as_deref() {
                Some(roots) => SlotVisit::Visited(f(GRoots::Lent(roots), &g.hdr.gc_cycle)),
                None => SlotVisit::Busy(stamp()),
            },
        };
        visit
    }

    /// [`PCtx::with_gs`] for every G but the one with id `me` (0: none).
    fn with_gs<R>(&self, me: u64, f: impl FnOnce(Option<&[&E::G]>) -> R) -> R {
        let gs: Vec<GRef<E>> = self
            .allgs
            .lock()
            .slots
            .iter()
            .flatten()
            .filter(|g| g.hdr.id != me)
            .cloned()
            .collect();
        let mut guards = Vec::with_capacity(gs.len());
        for g in &gs {
            match g.state.try_lock() {
                Some(st) => guards.push(st),
                None => return f(None),
            }
        }
        let states: Vec<&E::G> = guards.iter().filter_map(|s| s.as_ref()).collect();
        f(Some(&states))
    }

    pub(crate) fn new(exec: E, cfg: Config) -> Shared<E> {
        let procs = cfg.gomaxprocs.clamp(1, MAX_PROCS);
        Shared {
            exec,
            cfg,
            epoch: Instant::now(),
            allp: (0..MAX_PROCS).map(|_| OnceLock::new()).collect(),
            gomaxprocs: AtomicUsize::new(procs),
            global: Global::default(),
            npidle: AtomicUsize::new(0),
            nmspinning: AtomicUsize::new(0),
            lock: Mutex::new(SchedLock {
                pidle: Vec::new(),
                midle: Vec::new(),
                mcount: 0,
                live_ms: 0,
                allm: Vec::new(),
                threads: Vec::new(),
            }),
            allgs: Mutex::new(GTable {
                slots: Vec::new(),
                free: Vec::new(),
            }),
            blocked_ms: AtomicUsize::new(0),
            live_gs: AtomicUsize::new(0),
            goid_gen: AtomicU64::new(0),
            shutdown: AtomicBool::new(false),
            world: super::world::World::new(),
            result: Mutex::new(None),
            done_cv: Condvar::new(),
            poll: Mutex::new(PollState {
                until_ns: u64::MAX,
                kicked: false,
            }),
            poll_cv: Condvar::new(),
            sleeper: AtomicBool::new(false),
            sysmon_park: Mutex::new(false),
            sysmon_cv: Condvar::new(),
            stats: Stats::default(),
        }
    }

    pub(crate) fn now_ns(&self) -> u64 {
        self.epoch.elapsed().as_nanos() as u64
    }

    pub(crate) fn procs(&self) -> usize {
        self.gomaxprocs.load(Ordering::Acquire)
    }

    pub(crate) fn p(&self, i: usize) -> Option<&Arc<P<E>>> {
        self.allp.get(i).and_then(|c| c.get())
    }

    fn p_or_new(&self, i: usize) -> &Arc<P<E>> {
        self.allp[i].get_or_init(|| Arc::new(P::new(i)))
    }

    /// Every P created so far (including retired ones).
    pub(crate) fn all_ps(&self) -> impl Iterator<Item = &Arc<P<E>>> {
        self.allp.iter().map_while(|c| c.get())
    }

    // ---- Gs ----

    fn new_g(&self, state: E::G) -> GRef<E> {
        let id = self.goid_gen.fetch_add(1, Ordering::Relaxed) + 1;
        let g = Arc::new(GInner {
            hdr: GHeader::new(id),
            state: Mutex::new(Some(state)),
            lent_roots: Mutex::new(None),
        });
        let mut t = self.allgs.lock();
        let slot = match t.free.pop() {
            Some(s) => {
                t.slots[s] = Some(g.clone());
                s
            }
            None => {
                t.slots.push(Some(g.clone()));
                t.slots.len() - 1
            }
        };
        g.hdr.slot.store(slot, Ordering::Relaxed);
        drop(t);
        self.live_gs.fetch_add(1, Ordering::AcqRel);
        self.stats.spawned.fetch_add(1, Ordering::Relaxed);
        g
    }

    /// A dead G leaves the table (Go keeps it on a free list for reuse;
    /// here the executor's state is dropped and the slot reused).
    fn free_g(&self, g: &GRef<E>) {
        g.hdr.set_status(GStatus::Running, GStatus::Dead);
        drop(g.state.lock().take());
        let slot = g.hdr.slot.load(Ordering::Relaxed);
        let mut t = self.allgs.lock();
        if let Some(s) = t.slots.get_mut(slot) {
            *s = None;
            t.free.push(slot);
        }
        drop(t);
        self.live_gs.fetch_sub(1, Ordering::AcqRel);
    }

    // ---- idle Ps ----

    fn pidleput_locked(&self, sl: &mut SchedLock<E>, p: Arc<P<E>>) {
        p.m_id.store(-1, Ordering::Relaxed);
        if p.id >= self.procs() {
            self.retire(&p);
            return;
        }
        if sl.pidle.iter().any(|q| Arc::ptr_eq(q, &p)) {
            // A GOMAXPROCS increase already listed this P (it was being
            // retired by its M at the time).
            return;
        }
        sl.pidle.push(p);
        // SeqCst: read by `wakep` after a queue push (see module docs).
        self.npidle.fetch_add(1, Ordering::SeqCst);
    }

    fn pidleget_locked(&self, sl: &mut SchedLock<E>) -> Option<Arc<P<E>>> {
        while let Some(p) = sl.pidle.pop() {
            self.npidle.fetch_sub(1, Ordering::SeqCst);
            if p.id >= self.procs() {
                self.retire(&p);
                continue;
            }
            return Some(p);
        }
        None
    }

    pub(crate) fn pidleget(&self) -> Option<Arc<P<E>>> {
        let mut sl = self.lock.lock();
        self.pidleget_locked(&mut sl)
    }

    /// Empties a P above GOMAXPROCS that no M holds (its queue handle is
    /// inside it): Gs to the global queue, timers to P0, status Dead.
    fn retire(&self, p: &Arc<P<E>>) {
        p.status.store(PStatus::Dead as u32, Ordering::Release);
        if let Some(local) = p.local.lock().as_ref() {
            while let Some(g) = local.pop() {
                self.global.push(g);
            }
        }
        if let Some(g) = p.runnext.lock().take() {
            self.global.push(g);
        }
        let moved = p.timers.drain();
        if let Some(p0) = self.p(0) {
            for (when, a) in moved {
                p0.timers.add(when, a);
            }
        }
        self.kick_sleeper(0);
    }

    // ---- waking Ms ----

    /// Go's `wakep`: start a spinning M if there is an idle P and nobody
    /// is spinning already (a spinning M wakes the next when it finds work).
    pub(crate) fn wakep(self: &Arc<Self>) {
        // Pairs with the SeqCst decrement of `nmspinning` and the re-check
        // in `find_runnable` (Dekker): our queue push happened before.
        fence(Ordering::SeqCst);
        if self.npidle.load(Ordering::SeqCst) == 0 {
            return;
        }
        if self.nmspinning.load(Ordering::SeqCst) != 0
            || self
                .nmspinning
                .compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst)
                .is_err()
        {
            return;
        }
        self.startm(None, true);
    }

    /// Go's `startm`: give `p` (or an idle P) to an idle M, or to a new
    /// one. A `spinning` start was already counted in `nmspinning`.
    pub(crate) fn startm(self: &Arc<Self>, p: Option<Arc<P<E>>>, spinning: bool) {
        let mut sl = self.lock.lock();
        let p = match p {
            Some(p) => p,
            None => match self.pidleget_locked(&mut sl) {
                Some(p) => p,
                None => {
                    drop(sl);
                    if spinning {
                        self.nmspinning.fetch_sub(1, Ordering::SeqCst);
                    }
                    return;
                }
            },
        };
        if self.shutdown.load(Ordering::Acquire) {
            self.pidleput_locked(&mut sl, p);
            if spinning {
                self.nmspinning.fetch_sub(1, Ordering::SeqCst);
            }
            return;
        }
        if let Some(m) = sl.midle.pop() {
            drop(sl);
            let mut pk = m.park.lock();
            pk.nextp = Some(p);
            pk.spinning = spinning;
            m.cv.notify_one();
            return;
        }
        // A new M. It is counted (and not idle) before its thread exists,
        // so `checkdead` cannot fire in between.
        let id = sl.mcount as i64;
        sl.mcount += 1;
        sl.live_ms += 1;
        let m = Arc::new(MShared::new(id));
        sl.allm.push(m.clone());
        drop(sl);
        let sh = self.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("gol-m{id}"))
            .spawn(move || mstart(sh, m, Some(p), spinning));
        match spawned {
            Ok(h) => self.lock.lock().threads.push(h),
            Err(e) => gol_gc::throw(&format!("newosproc: {e}")),
        }
        self.sysmon_wake();
    }

    /// Go's `handoffp`: a P taken from an M in a system call (or otherwise
    /// orphaned) goes to an M if there is anything for it to do.
    pub(crate) fn handoffp(self: &Arc<Self>, p: Arc<P<E>>) {
        if p.id >= self.procs() {
            let mut sl = self.lock.lock();
            self.pidleput_locked(&mut sl, p);
            return;
        }
        if p.has_work() || !self.global.is_empty() {
            self.startm(Some(p), false);
            return;
        }
        if self.nmspinning.load(Ordering::SeqCst) + self.npidle.load(Ordering::SeqCst) == 0
            && self
                .nmspinning
                .compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
        {
            self.startm(Some(p), true);
            return;
        }
        if !p.timers.is_empty() {
            // Someone must sleep until this P's timers: an M that finds
            // nothing to run becomes the sleeper.
            self.startm(Some(p), false);
            return;
        }
        let mut sl = self.lock.lock();
        self.pidleput_locked(&mut sl, p);
    }

    // ---- timers ----

    pub(crate) fn earliest_timer(&self) -> Option<u64> {
        let n = self.procs();
        self.all_ps().take(n).filter_map(|p| p.timers.next()).min()
    }

    /// Wakes the sleeping M if `when_ns` is earlier than its deadline.
    pub(crate) fn kick_sleeper(&self, when_ns: u64) {
        let mut ps = self.poll.lock();
        if when_ns < ps.until_ns {
            ps.kicked = true;
            self.poll_cv.notify_all();
        }
        drop(ps);
        if self.exec.io_waiters() > 0 {
            self.exec.netpoll_break();
        }
    }

    // ---- the end ----

    /// Ends the run (first caller wins) and wakes everybody.
    pub(crate) fn finish(&self, e: Ending<E::G>) {
        {
            let mut r = self.result.lock();
            if r.is_none() {
                *r = Some(e);
            }
        }
        self.shutdown.store(true, Ordering::SeqCst);
        let ms: Vec<_> = self.lock.lock().allm.clone();
        for m in ms {
            let mut pk = m.park.lock();
            pk.wake = true;
            m.cv.notify_one();
        }
        for p in self.all_ps() {
            if let Some(g) = p.curg.lock().as_ref() {
                g.hdr.preempt.store(true, Ordering::Relaxed);
            }
        }
        {
            let mut ps = self.poll.lock();
            ps.kicked = true;
            self.poll_cv.notify_all();
        }
        self.exec.netpoll_break();
        self.sysmon_wake();
        let _r = self.result.lock();
        self.done_cv.notify_all();
    }

    pub(crate) fn sysmon_wake(&self) {
        let mut w = self.sysmon_park.lock();
        *w = true;
        self.sysmon_cv.notify_one();
    }

    /// Go's `checkdead`, with `sched.lock` held and every M idle.
    fn checkdead(&self) -> Dead {
        let procs = self.procs();
        if !self.global.is_empty() || self.all_ps().take(procs).any(|p| p.has_work()) {
            return Dead::Work;
        }
        if self.all_ps().any(|p| !p.timers.is_empty()) || self.exec.io_waiters() > 0 {
            return Dead::Timers;
        }
        if self.live_gs.load(Ordering::Acquire) > 0 {
            Dead::Yes
        } else {
            Dead::NoGoroutines
        }
    }

    fn any_work(&self) -> bool {
        let procs = self.procs();
        !self.global.is_empty() || self.all_ps().take(procs).any(|p| p.has_work())
    }

    /// Makes woken Gs runnable on the global queue (Go's `injectglist`).
    pub(crate) fn inject(self: &Arc<Self>, ws: Vec<GWaker>) {
        let mut n = 0;
        for w in ws {
            let g = w.into_g::<E>();
            if g.hdr.ready() {
                self.global.push(g);
                n += 1;
            }
        }
        if n > 0 {
            self.wakep();
        }
    }

    // ---- GOMAXPROCS ----

    pub(crate) fn set_gomaxprocs(self: &Arc<Self>, n: usize) -> usize {
        let n = n.clamp(1, MAX_PROCS);
        let mut sl = self.lock.lock();
        let old = self.gomaxprocs.swap(n, Ordering::AcqRel);
        if n > old {
            for i in old..n {
                let p = self.p_or_new(i).clone();
                // Dead (retired) or brand new: idle. A P still held by an M
                // that has not retired it yet simply stays in service.
                let revived = p.cas_status(PStatus::Dead, PStatus::Idle);
                let fresh = p.status() == PStatus::Idle && p.m_id.load(Ordering::Relaxed) < 0;
                if (revived || fresh) && !sl.pidle.iter().any(|q| q.id == i) {
                    self.pidleput_locked(&mut sl, p);
                }
            }
            drop(sl);
            for _ in old..n {
                self.wakep();
            }
        } else {
            // Idle Ps above the new count retire now; held ones when their
            // M next schedules (their running G is asked to yield).
            let (keep, gone): (Vec<_>, Vec<_>) = std::mem::take(&mut sl.pidle)
                .into_iter()
                .partition(|p| p.id < n);
            self.npidle.store(keep.len(), Ordering::SeqCst);
            sl.pidle = keep;
            for p in gone {
                self.retire(&p);
            }
            drop(sl);
            for p in self.all_ps().skip(n) {
                if let Some(g) = p.curg.lock().as_ref() {
                    g.hdr.preempt.store(true, Ordering::Relaxed);
                }
            }
            self.wakep();
        }
        old
    }
}

enum Dead {
    /// Runnable work exists after all (a safety net; take a P and run it).
    Work,
    /// Only timers or I/O can make progress: sleep on them.
    Timers,
    /// Deadlock (live Gs, all blocked forever).
    Yes,
    /// No Gs at all (main called Goexit).
    NoGoroutines,
}

/// The P an M holds, with its queue's owner handle.
struct Held<E: Executor> {
    p: Arc<P<E>>,
    local: Local<GRef<E>>,
}

/// What [`SchedHandle::with_g_slot`] lends its callback: the state of a G
/// that is not running, or the copy of its roots a G blocked out of the
/// world left ([`Blocker`]).
pub enum GRoots<'a, G> {
    State(&'a G),
    Lent(&'a [u64]),
}

/// What [`SchedHandle::with_g_slot`] found in a slot of the G table.
#[derive(Debug, PartialEq, Eq)]
pub enum SlotVisit<R> {
    /// No G lives in the slot (it ended; the slot may be reused later).
    Empty,
    /// The slot holds the G the caller asked to skip (with its
    /// collector stamp, `GHeader::gc_cycle`).
    Skipped(u32),
    /// The G's state is locked: it is running, or in a system call (with
    /// its collector stamp).
    Busy(u32),
    /// The G was not running, or it is blocked out of the world in a
    /// slice ([`Blocker`]): `f` ran on its state or on the copy of its
    /// roots it left, and its stamp.
    Visited(R),
}

/// A handle on the scheduler for threads that are not Ms (the
/// collector's background workers, see [`Executor::background`]): the
/// world handshake, the table of Gs (Go's `allgs`) by slot, idle Ps.
pub struct SchedHandle<E: Executor> {
    sh: Arc<Shared<E>>,
}

impl<E: Executor> Clone for SchedHandle<E> {
    fn clone(&self) -> Self {
        SchedHandle {
            sh: self.sh.clone(),
        }
    }
}

impl<E: Executor> SchedHandle<E> {
    pub fn executor(&self) -> &E {
        &self.sh.exec
    }

    /// The run is ending: background work must return.
    pub fn shutting_down(&self) -> bool {
        self.sh.shutdown.load(Ordering::Acquire)
    }

    /// The stop-the-world handshake. A thread that is not an M enters it
    /// around work a stopped world must not overlap, and stops it with
    /// `enter`, `stop`, ..., `start`, `leave`.
    pub fn world(&self) -> &super::world::World {
        &self.sh.world
    }

    pub fn gomaxprocs(&self) -> usize {
        self.sh.procs()
    }

    /// Ps with nothing to run.
    pub fn idle_ps(&self) -> usize {
        self.sh.npidle.load(Ordering::SeqCst)
    }

    /// Slots in the G table (live Gs and free slots). Gs created later
    /// take a free slot or one past this count.
    pub fn g_slots(&self) -> usize {
        self.sh.allgs.lock().slots.len()
    }

    /// Runs `f` on the state of the G in slot `i` unless that G is running
    /// (its state locked, and no copy of its roots lent: [`Blocker`]) or
    /// has id `skip`.
    pub fn with_g_slot<R>(
        &self,
        i: usize,
        skip: u64,
        f: impl FnOnce(GRoots<'_, E::G>, &AtomicU32) -> R,
    ) -> SlotVisit<R> {
        self.sh.with_g_slot(i, skip, f)
    }

    /// [`PCtx::with_gs`] for a thread that runs no G (with the world
    /// stopped by it).
    pub fn with_gs<R>(&self, f: impl FnOnce(Option<&[&E::G]>) -> R) -> R {
        self.sh.with_gs(0, f)
    }
}

/// A way for the running G to block in the middle of a slice
/// ([`PCtx::blocker`]), in a native that cannot end first as
/// [`PCtx::entersyscall`]'s callers do: a read of standard input inside a
/// scan. Lives in the native's frame (the borrow of the M's context).
pub struct Blocker<'a, E: Executor> {
    cx: &'a PCtx<E>,
    g: GRef<E>,
    roots: Option<Box<[u64]>>,
    lost_p: bool,
}

impl<E: Executor> Blocker<'_, E> {
    /// Runs `f`, which may block for long and touches no memory a stopped
    /// world freezes, as a system call: the G's P goes to others (sysmon
    /// retakes it, so other goroutines run even on one P) and a stop of
    /// the world no longer waits for this M. The G's state stays locked;
    /// the collector scans the copy of its roots given to
    /// [`PCtx::blocker`], which must hold every root word the G has
    /// while `f` runs. Returns with the world entered and the copy taken
    /// back, so no scanner reads it once the G runs again. If no P was
    /// free on the way back the G goes on without one until the native
    /// returns: [`Blocker::lost_p`] then asks the caller to end the
    /// slice at once (the G then waits in the global queue for a P).
    pub fn run<R>(&mut self, f: impl FnOnce() -> R) -> R {
        let sh = &self.cx.sh;
        *self.g.lent_roots.lock() = self.roots.take();
        sh.blocked_ms.fetch_add(1, Ordering::AcqRel);
        if self.lost_p {
            // Already without a P (an earlier read): just leave the world.
            sh.world.leave();
        } else {
            self.cx.entersyscall();
        }
        let r = f();
        sh.blocked_ms.fetch_sub(1, Ordering::AcqRel);
        if self.lost_p {
            sh.world.enter();
        } else if !self.cx.exitsyscall() {
            self.lost_p = true;
        }
        self.roots = self.g.lent_roots.lock().take();
        r
    }

    /// Whether the G came back from a blocking call without a P: the
    /// native must end the slice as soon as it returns.
    pub fn lost_p(&self) -> bool {
        self.lost_p
    }
}

/// One M's context: what the executor sees while it runs a G (Go's
/// `getg().m` and `getg().m.p`). Lives on its M's thread only.
pub struct PCtx<E: Executor> {
    pub(crate) sh: Arc<Shared<E>>,
    handle: SchedHandle<E>,
    m: Arc<MShared<E>>,
    held: RefCell<Option<Held<E>>>,
    curg: RefCell<Option<GRef<E>>>,
    spinning: Cell<bool>,
    rng: Rng,
    syscall_p: RefCell<Option<Arc<P<E>>>>,
}

/// Ends the run if an M's thread unwinds (a Rust panic in the executor is
/// a VM bug): without this the caller of `run` would wait forever.
struct MUnwindGuard<E: Executor>(Arc<Shared<E>>);

impl<E: Executor> Drop for MUnwindGuard<E> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let sh = &self.0;
            {
                let mut sl = sh.lock.lock();
                sl.live_ms = sl.live_ms.saturating_sub(1);
            }
            sh.finish(Ending::Fatal(
                "unexpected panic in the runtime (see above)".into(),
            ));
        }
    }
}

/// Ends the run if the background thread unwinds (a VM bug): goroutines
/// waiting for it would otherwise wait forever.
struct BgUnwindGuard<E: Executor>(Arc<Shared<E>>);

impl<E: Executor> Drop for BgUnwindGuard<E> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.finish(Ending::Fatal(
                "unexpected panic in the runtime (see above)".into(),
            ));
        }
    }
}

fn mstart<E: Executor>(
    sh: Arc<Shared<E>>,
    m: Arc<MShared<E>>,
    p: Option<Arc<P<E>>>,
    spinning: bool,
) {
    let _guard = MUnwindGuard(sh.clone());
    let seed = sh.now_ns() ^ ((m.id as u64) << 32);
    let cx = PCtx {
        sh: sh.clone(),
        handle: SchedHandle { sh: sh.clone() },
        m: m.clone(),
        held: RefCell::new(None),
        curg: RefCell::new(None),
        spinning: Cell::new(false),
        rng: Rng::new(seed),
        syscall_p: RefCell::new(None),
    };
    if let Some(p) = p {
        cx.acquirep(p, PStatus::Idle);
    }
    if spinning {
        cx.spinning.set(true);
        m.spinning.store(true, Ordering::Relaxed);
    }
    cx.schedule();
    if cx.spinning.get() {
        sh.nmspinning.fetch_sub(1, Ordering::SeqCst);
    }
    if cx.held.borrow().is_some() {
        let p = cx.releasep();
        let mut sl = sh.lock.lock();
        sh.pidleput_locked(&mut sl, p);
    }
    let mut sl = sh.lock.lock();
    sl.live_ms -= 1;
    drop(sl);
    let _r = sh.result.lock();
    sh.done_cv.notify_all();
}

impl<E: Executor> PCtx<E> {
    /// The executor this scheduler drives (for timer callbacks, which get
    /// only a `PCtx`).
    pub fn executor(&self) -> &E {
        &self.sh.exec
    }

    // ---- P ownership ----

    fn acquirep(&self, p: Arc<P<E>>, from: PStatus) -> bool {
        if !p.cas_status(from, PStatus::Running) {
            return false;
        }
        let Some(local) = p.local.lock().take() else {
            gol_gc::throw("acquirep: P without its queue");
        };
        p.m_id.store(self.m.id, Ordering::Relaxed);
        self.m.p_id.store(p.id as i64, Ordering::Relaxed);
        *self.held.borrow_mut() = Some(Held { p, local });
        true
    }

    fn releasep(&self) -> Arc<P<E>> {
        let Some(h) = self.held.borrow_mut().take() else {
            gol_gc::throw("releasep: no P");
        };
        *h.p.local.lock() = Some(h.local);
        *h.p.curg.lock() = None;
        h.p.m_id.store(-1, Ordering::Relaxed);
        self.m.p_id.store(-1, Ordering::Relaxed);
        if !h.p.cas_status(PStatus::Running, PStatus::Idle) && h.p.status() != PStatus::Dead {
            gol_gc::throw("releasep: invalid P state");
        }
        h.p
    }

    fn held_p(&self) -> Option<Arc<P<E>>> {
        self.held.borrow().as_ref().map(|h| h.p.clone())
    }

    /// Go's `runqput`: `next` puts `g` in runnext and kicks the old one to
    /// the tail of the local queue. Without a P, the global queue.
    fn runqput(&self, g: GRef<E>, next: bool) {
        let held = self.held.borrow();
        let Some(h) = held.as_ref() else {
            self.sh.global.push(g);
            return;
        };
        let g = if next {
            match h.p.runnext.lock().replace(g) {
                Some(old) => old,
                None => return,
            }
        } else {
            g
        };
        let moved = h.local.push(g, &self.sh.global);
        if moved > 0 {
            self.sh
                .stats
                .overflow_moves
                .fetch_add(moved as u64, Ordering::Relaxed);
        }
    }

    // ---- the schedule loop ----

    fn schedule(&self) {
        loop {
            if self.sh.shutdown.load(Ordering::Acquire) {
                return;
            }
            if self.held.borrow().is_none() && !self.stopm() {
                return;
            }
            match self.find_runnable() {
                Some(g) => {
                    // GOMAXPROCS dropped below this P while we searched:
                    // the G goes global and the P retires next round.
                    if self
                        .held
                        .borrow()
                        .as_ref()
                        .is_some_and(|h| h.p.id >= self.sh.procs())
                    {
                        self.sh.global.push(g);
                        continue;
                    }
                    self.execute(g)
                }
                None => return,
            }
        }
    }

    fn reset_spinning(&self) {
        if self.spinning.replace(false) {
            self.m.spinning.store(false, Ordering::Relaxed);
            let prev = self.sh.nmspinning.fetch_sub(1, Ordering::SeqCst);
            if prev == 0 {
                gol_gc::throw("findrunnable: negative nmspinning");
            }
            // The last spinner found work: maybe there is more.
            self.sh.wakep();
        }
    }

    fn become_spinning(&self) {
        if !self.spinning.replace(true) {
            self.m.spinning.store(true, Ordering::Relaxed);
            self.sh.nmspinning.fetch_add(1, Ordering::SeqCst);
        }
    }

    /// Runs every expired timer of every P (others' heaps try-locked).
    fn run_timers(&self) {
        let procs = self.sh.procs();
        let mine = self.held.borrow().as_ref().map(|h| h.p.id);
        let mut now = None;
        let mut due = Vec::new();
        for p in self.sh.all_ps().take(procs) {
            let Some(next) = p.timers.next() else {
                continue;
            };
            let t = *now.get_or_insert_with(|| self.sh.now_ns());
            if next <= t {
                p.timers.take_expired(t, Some(p.id) != mine, &mut due);
            }
        }
        for a in due {
            self.sh.stats.timers_fired.fetch_add(1, Ordering::Relaxed);
            match a {
                TimerAction::Ready(w) => self.ready(w),
                TimerAction::Func(f) => {
                    // A callback may touch what a stopped world freezes
                    // (channels, goroutine creation): it runs counted in.
                    self.sh.world.enter();
                    f(self);
                    self.sh.world.leave();
                }
            }
        }
    }

    fn find_runnable(&self) -> Option<GRef<E>> {
        'top: loop {
            if self.sh.shutdown.load(Ordering::Acquire) {
                return None;
            }
            let Some(p) = self.held_p() else {
                if !self.stopm() {
                    return None;
                }
                continue;
            };
            let procs = self.sh.procs();
            if p.id >= procs {
                // Retire: everything queued goes global, then find a P.
                let p = self.releasep();
                let mut sl = self.sh.lock.lock();
                self.sh.pidleput_locked(&mut sl, p);
                drop(sl);
                self.sh.wakep();
                continue;
            }
            self.run_timers();
            let tick = p.schedtick.load(Ordering::Relaxed);
            if tick % 61 == 0 && !self.sh.global.is_empty() {
                if let Some(g) = self.sh.global.pop() {
                    self.reset_spinning();
                    return Some(g);
                }
            }
            if let Some(g) = p.runnext.lock().take() {
                self.reset_spinning();
                return Some(g);
            }
            let found = {
                let held = self.held.borrow();
                held.as_ref().and_then(|h| {
                    h.local.pop().or_else(|| {
                        if self.sh.global.is_empty() {
                            return None;
                        }
                        let n = (self.sh.global.len() / procs + 1).min(LOCAL_CAP / 2);
                        h.local.take_global(&self.sh.global, n)
                    })
                })
            };
            if let Some(g) = found {
                self.reset_spinning();
                return Some(g);
            }
            if self.sh.exec.io_waiters() > 0 {
                let ws = self.sh.exec.netpoll(Some(Duration::ZERO));
                if !ws.is_empty() {
                    self.sh.inject(ws);
                    continue 'top;
                }
            }
            let busy = procs.saturating_sub(self.sh.npidle.load(Ordering::SeqCst));
            if self.spinning.get() || 2 * self.sh.nmspinning.load(Ordering::SeqCst) < busy {
                self.become_spinning();
                if let Some(g) = self.steal_work(procs) {
                    self.reset_spinning();
                    return Some(g);
                }
            }

            // Nothing: give the P back.
            let p = self.releasep();
            {
                let mut sl = self.sh.lock.lock();
                self.sh.pidleput_locked(&mut sl, p);
            }
            let was_spinning = self.spinning.replace(false);
            if !was_spinning && !self.sh.global.is_empty() {
                // Go re-checks the global queue before giving up its P; a
                // non-spinning M does not re-check other Ps' queues (the
                // spinners own that, and it would loop while they spin).
                if let Some(p) = self.sh.pidleget() {
                    if self.acquirep(p, PStatus::Idle) {
                        continue 'top;
                    }
                }
            }
            if was_spinning {
                self.m.spinning.store(false, Ordering::Relaxed);
                self.sh.nmspinning.fetch_sub(1, Ordering::SeqCst);
                // Pairs with the fence in `wakep`: work published before it
                // read nmspinning != 0 is visible to this re-check.
                fence(Ordering::SeqCst);
                if self.sh.any_work() {
                    if let Some(p) = self.sh.pidleget() {
                        if self.acquirep(p, PStatus::Idle) {
                            self.become_spinning();
                            continue 'top;
                        }
                    }
                }
            }
            if (self.sh.earliest_timer().is_some() || self.sh.exec.io_waiters() > 0)
                && !self.sh.sleeper.swap(true, Ordering::AcqRel)
            {
                self.sleep_on_timers();
                self.sh.sleeper.store(false, Ordering::Release);
                if let Some(p) = self.sh.pidleget() {
                    if self.acquirep(p, PStatus::Idle) {
                        continue 'top;
                    }
                }
            }
            if !self.stopm() {
                return None;
            }
        }
    }

    /// Four rounds over the other Ps in a random order (Go's `stealWork`).
    fn steal_work(&self, procs: usize) -> Option<GRef<E>> {
        let held = self.held.borrow();
        let h = held.as_ref()?;
        let me = h.p.id;
        for round in 0..4 {
            for v in RandomOrder::new(procs, &self.rng) {
                if v == me {
                    continue;
                }
                let Some(vp) = self.sh.p(v) else { continue };
                if let Some(g) = h.local.steal_from(&vp.thief) {
                    self.sh.stats.steals.fetch_add(1, Ordering::Relaxed);
                    return Some(g);
                }
                if round == 3 {
                    // Go lets a running owner get to its runnext first.
                    if vp.status() == PStatus::Running {
                        std::thread::yield_now();
                    }
                    if let Some(g) = vp.runnext.try_lock().and_then(|mut r| r.take()) {
                        self.sh.stats.runnext_steals.fetch_add(1, Ordering::Relaxed);
                        return Some(g);
                    }
                }
            }
        }
        None
    }

    /// The sleeper: wait (without a P) until the earliest timer, a kick,
    /// or shutdown; or block in the executor's netpoll.
    fn sleep_on_timers(&self) {
        if self.sh.exec.io_waiters() > 0 {
            let now = self.sh.now_ns();
            let d = self
                .sh
                .earliest_timer()
                .map(|u| Duration::from_nanos(u.saturating_sub(now)));
            let ws = self.sh.exec.netpoll(d);
            self.sh.inject(ws);
            return;
        }
        // The deadline is read under the poll lock: a timer armed after
        // this read kicks us (kick_sleeper takes the same lock), one armed
        // before it is in the minimum.
        let mut ps = self.sh.poll.lock();
        ps.kicked = false;
        let Some(until) = self.sh.earliest_timer() else {
            return;
        };
        ps.until_ns = until;
        loop {
            let now = self.sh.now_ns();
            if ps.kicked || now >= until || self.sh.shutdown.load(Ordering::Acquire) {
                break;
            }
            ps = self
                .sh
                .poll_cv
                .wait_timeout(ps, Duration::from_nanos(until - now));
        }
        ps.until_ns = u64::MAX;
        ps.kicked = false;
    }

    /// Go's `stopm`: park until another M hands over a P. False means
    /// the run is over. Runs `checkdead` when this is the last M to park.
    fn stopm(&self) -> bool {
        let sh = &self.sh;
        loop {
            let mut sl = sh.lock.lock();
            if sh.shutdown.load(Ordering::Acquire) {
                return false;
            }
            sl.midle.push(self.m.clone());
            if sl.midle.len() == sl.mcount {
                match sh.checkdead() {
                    Dead::Work => {
                        sl.midle.retain(|m| !Arc::ptr_eq(m, &self.m));
                        if let Some(p) = sh.pidleget_locked(&mut sl) {
                            drop(sl);
                            if self.acquirep(p, PStatus::Idle) {
                                return true;
                            }
                        } else {
                            drop(sl);
                            std::thread::yield_now();
                        }
                        continue;
                    }
                    Dead::Timers => {
                        sl.midle.retain(|m| !Arc::ptr_eq(m, &self.m));
                        drop(sl);
                        if !sh.sleeper.swap(true, Ordering::AcqRel) {
                            self.sleep_on_timers();
                            sh.sleeper.store(false, Ordering::Release);
                        } else {
                            std::thread::yield_now();
                        }
                        if let Some(p) = sh.pidleget() {
                            if self.acquirep(p, PStatus::Idle) {
                                return true;
                            }
                        }
                        continue;
                    }
                    d @ (Dead::Yes | Dead::NoGoroutines) => {
                        sl.midle.retain(|m| !Arc::ptr_eq(m, &self.m));
                        drop(sl);
                        sh.finish(match d {
                            Dead::Yes => Ending::Deadlock,
                            _ => Ending::Fatal(
                                "no goroutines (main called runtime.Goexit) - deadlock!".into(),
                            ),
                        });
                        return false;
                    }
                }
            }
            sh.stats.m_parks.fetch_add(1, Ordering::Relaxed);
            self.m.blocked.store(true, Ordering::Relaxed);
            let mut pk = self.m.park.lock();
            drop(sl);
            while pk.nextp.is_none() && !pk.wake {
                pk = self.m.cv.wait(pk);
            }
            self.m.blocked.store(false, Ordering::Relaxed);
            pk.wake = false;
            let next = pk.nextp.take();
            let spinning = std::mem::replace(&mut pk.spinning, false);
            drop(pk);
            if let Some(p) = next {
                if self.acquirep(p, PStatus::Idle) {
                    if spinning {
                        self.spinning.set(true);
                        self.m.spinning.store(true, Ordering::Relaxed);
                    }
                    return true;
                }
                if spinning {
                    sh.nmspinning.fetch_sub(1, Ordering::SeqCst);
                }
            }
            // Woken without a P (shutdown): not in midle any more?
            let mut sl = sh.lock.lock();
            sl.midle.retain(|m| !Arc::ptr_eq(m, &self.m));
        }
    }

    /// Runs one slice of `g` and acts on the outcome.
    fn execute(&self, g: GRef<E>) {
        let sh = &self.sh;
        g.hdr.set_status(GStatus::Runnable, GStatus::Running);
        g.hdr.preempt.store(false, Ordering::Relaxed);
        g.hdr.run_start_ns.store(sh.now_ns(), Ordering::Relaxed);
        if let Some(p) = self.held_p() {
            p.schedtick.fetch_add(1, Ordering::Relaxed);
            *p.curg.lock() = Some(g.clone());
        }
        self.m.curg.store(g.hdr.id, Ordering::Relaxed);
        *self.curg.borrow_mut() = Some(g.clone());
        // Counted in before taking the G's state, so a stopped world
        // never has an M holding a state lock while it waits to enter.
        sh.world.enter();
        let outcome = {
            let mut st = g.state.lock();
            match st.as_mut() {
                Some(s) => sh.exec.run(s, self),
                None => gol_gc::throw("execute: goroutine without state"),
            }
        };
        sh.exec.after_slice(self, &outcome);
        sh.world.leave();
        sh.exec.after_leave(self, &outcome);
        *self.curg.borrow_mut() = None;
        self.m.curg.store(0, Ordering::Relaxed);
        if let Some(p) = self.held_p() {
            *p.curg.lock() = None;
        }
        match outcome {
            RunOutcome::Yielded | RunOutcome::Preempted => {
                if matches!(outcome, RunOutcome::Preempted) {
                    sh.stats.preempted.fetch_add(1, Ordering::Relaxed);
                }
                g.hdr.clear_wake();
                g.hdr.set_status(GStatus::Running, GStatus::Runnable);
                // Go's goschedImpl/gopreempt_m: to the global queue.
                sh.global.push(g);
                // Idle Ps may take it at once (a no-op when none is idle).
                sh.wakep();
            }
            RunOutcome::Blocked(reason) => {
                if !g.hdr.park(reason) {
                    self.runqput(g, true);
                    if self.held.borrow().is_none() {
                        sh.wakep();
                    }
                }
            }
            RunOutcome::Done | RunOutcome::Goexit => {
                g.hdr.clear_wake();
                let main = g.hdr.id == 1 && outcome == RunOutcome::Done;
                sh.free_g(&g);
                if main {
                    sh.finish(Ending::Done);
                }
            }
            RunOutcome::Panicked => {
                let st = g.state.lock().take();
                match st {
                    Some(st) => sh.finish(Ending::Panicked(g.hdr.id, st)),
                    None => gol_gc::throw("panicked goroutine without state"),
                }
            }
            RunOutcome::Exit(code) => sh.finish(Ending::Exit(code)),
        }
    }

    // ---- the executor's interface ----

    /// Starts a goroutine (Go's `newproc`): it goes to runnext, so the
    /// spawner's P runs it next unless another P steals it first.
    pub fn spawn(&self, state: E::G) -> u64 {
        let g = self.sh.new_g(state);
        let id = g.hdr.id;
        self.runqput(g, true);
        self.sh.wakep();
        id
    }

    /// Stops every other M at the end of its slice (Go's
    /// `stopTheWorld`); the caller is a running G. Until
    /// [`PCtx::start_the_world`], no other G runs, so every other G's state
    /// can be read with [`PCtx::with_gs`].
    pub fn stop_the_world(&self) -> super::world::Stopped<'_> {
        self.sh.world.stop()
    }

    /// Restarts the world stopped by [`PCtx::stop_the_world`].
    pub fn start_the_world(&self, s: super::world::Stopped<'_>) {
        self.sh.world.start(s)
    }

    /// Calls `f` with the states of every G (but the running one, unless
    /// `include_self`: from `after_slice` its state is unlocked too), all
    /// locked at once; with None when one is locked by someone else: a G
    /// running (the world is not stopped), in a system call, or in a
    /// native waiting to stop the world itself. For a stopped world's root
    /// scan: nothing is copied; None means "do not collect now".
    pub fn with_gs<R>(&self, include_self: bool, f: impl FnOnce(Option<&[&E::G]>) -> R) -> R {
        // Ids start at 1: 0 excludes nobody.
        let me = if include_self { 0 } else { self.goid() };
        self.sh.with_gs(me, f)
    }

    /// The running G's collector stamp (`GHeader::gc_cycle`; 0 when no G
    /// runs).
    pub fn gc_stamp(&self) -> u32 {
        self.curg
            .borrow()
            .as_ref()
            .map_or(0, |g| g.hdr.gc_cycle.load(Ordering::Acquire))
    }

    /// Sets the running G's collector stamp (its M holds its state).
    pub fn set_gc_stamp(&self, cycle: u32) {
        if let Some(g) = self.curg.borrow().as_ref() {
            g.hdr.gc_cycle.store(cycle, Ordering::Release);
        }
    }

    /// A [`Blocker`] for the running G, whose root words while it blocks
    /// are `roots` (None outside a G).
    pub fn blocker(&self, roots: Box<[u64]>) -> Option<Blocker<'_, E>> {
        let g = self.curg.borrow().as_ref()?.clone();
        Some(Blocker {
            cx: self,
            g,
            roots: Some(roots),
            lost_p: false,
        })
    }

    /// This scheduler's handle (the G table by slot, the world), for
    /// code that serves both Ms and other threads.
    pub fn handle(&self) -> &SchedHandle<E> {
        &self.handle
    }

    /// Live goroutines (`runtime.NumGoroutine`).
    pub fn num_goroutine(&self) -> usize {
        self.sh.live_gs.load(Ordering::Acquire)
    }

    /// The running G's id.
    pub fn goid(&self) -> u64 {
        self.curg.borrow().as_ref().map_or(0, |g| g.hdr.id)
    }

    /// A waker for the running G, to hand to a channel or timer before
    /// returning `Blocked`.
    pub fn current_waker(&self) -> GWaker {
        match self.curg.borrow().as_ref() {
            Some(g) => GWaker::of(g),
            None => gol_gc::throw("current_waker: no running goroutine"),
        }
    }

    /// Go's `goready`: makes a parked G runnable, in this P's runnext.
    pub fn ready(&self, w: GWaker) {
        let g = w.into_g::<E>();
        if g.hdr.ready() {
            self.runqput(g, true);
            self.sh.wakep();
        }
    }

    /// True when the running G should return `Preempted` at its next
    /// safepoint (sysmon's 10 ms rule, a GOMAXPROCS decrease, shutdown).
    #[inline]
    pub fn should_yield(&self) -> bool {
        // The shutdown check covers a G that started running just after
        // `finish` flagged the Ps' current Gs (sysmon has stopped by then).
        self.curg
            .borrow()
            .as_ref()
            .is_some_and(|g| g.hdr.preempt.load(Ordering::Relaxed))
            || self.sh.shutdown.load(Ordering::Relaxed)
    }

    /// Nanoseconds since the scheduler started (the monotonic clock).
    pub fn now_ns(&self) -> u64 {
        self.sh.now_ns()
    }

    fn add_timer(&self, when_ns: u64, a: TimerAction<E>) -> TimerHandle {
        let p = match self.held_p().or_else(|| self.sh.p(0).cloned()) {
            Some(p) => p,
            None => gol_gc::throw("addtimer: no P"),
        };
        let (h, earliest) = p.timers.add(when_ns, a);
        if earliest {
            self.sh.kick_sleeper(when_ns);
        }
        h
    }

    /// Arms a timer that readies the running G after `d`; the executor
    /// then returns `Blocked(WaitReason::Sleep)`.
    pub fn sleep(&self, d: Duration) -> TimerHandle {
        let when = self
            .sh
            .now_ns()
            .saturating_add(d.as_nanos().min(u64::MAX as u128) as u64);
        self.add_timer(when, TimerAction::Ready(self.current_waker()))
    }

    /// Calls `f` on some M (holding a P) after `d` (`time.AfterFunc`'s
    /// machinery: `f` typically spawns or readies a G).
    pub fn after_func(&self, d: Duration, f: TimerFn<E>) -> TimerHandle {
        let when = self
            .sh
            .now_ns()
            .saturating_add(d.as_nanos().min(u64::MAX as u128) as u64);
        self.add_timer(when, TimerAction::Func(f))
    }

    /// Go's `entersyscall`: the running G is about to block in the OS.
    /// Its P stays attached in state `Syscall`; sysmon may hand it away.
    pub fn entersyscall(&self) {
        let Some(g) = self.curg.borrow().clone() else {
            gol_gc::throw("entersyscall: no goroutine");
        };
        let Some(h) = self.held.borrow_mut().take() else {
            gol_gc::throw("entersyscall: no P");
        };
        g.hdr.set_status(GStatus::Running, GStatus::Syscall);
        let p = h.p;
        *p.local.lock() = Some(h.local);
        *p.curg.lock() = None;
        p.syscalltick.fetch_add(1, Ordering::Relaxed);
        p.syscall_when_ns.store(self.sh.now_ns(), Ordering::Relaxed);
        // Release: sysmon's Acquire load of Syscall sees syscall_when.
        if !p.cas_status(PStatus::Running, PStatus::Syscall) {
            gol_gc::throw("entersyscall: P not running");
        }
        self.m.p_id.store(-1, Ordering::Relaxed);
        *self.syscall_p.borrow_mut() = Some(p);
        // A G in a system call does not hold up a stop of the world (it
        // touches no goroutine state until `exitsyscall`).
        self.sh.world.leave();
    }

    /// Go's `exitsyscall`. True: the G holds a P again and continues.
    /// False: no P was free; the executor must return `Yielded` now (the G
    /// then waits in the global queue for an M with a P).
    pub fn exitsyscall(&self) -> bool {
        // Waits here while the world is stopped.
        self.sh.world.enter();
        let Some(g) = self.curg.borrow().clone() else {
            gol_gc::throw("exitsyscall: no goroutine");
        };
        g.hdr.set_status(GStatus::Syscall, GStatus::Running);
        g.hdr
            .run_start_ns
            .store(self.sh.now_ns(), Ordering::Relaxed);
        let Some(oldp) = self.syscall_p.borrow_mut().take() else {
            gol_gc::throw("exitsyscall: not in a system call");
        };
        let got = if self.acquirep(oldp, PStatus::Syscall) {
            self.sh
                .stats
                .syscall_fast_exits
                .fetch_add(1, Ordering::Relaxed);
            true
        } else {
            match self.sh.pidleget() {
                Some(p) => self.acquirep(p, PStatus::Idle),
                None => false,
            }
        };
        if got {
            if let Some(p) = self.held_p() {
                *p.curg.lock() = Some(g);
            }
        }
        got
    }

    pub fn gomaxprocs(&self) -> usize {
        self.sh.procs()
    }

    /// `runtime.GOMAXPROCS(n)`; returns the previous value.
    pub fn set_gomaxprocs(&self, n: usize) -> usize {
        self.sh.set_gomaxprocs(n)
    }

    /// A cheap random number (Go's `cheaprand`).
    pub fn fastrand(&self) -> u32 {
        self.rng.next_u64() as u32
    }

    /// The id of this M's P, if it holds one.
    pub fn p_id(&self) -> Option<usize> {
        self.held.borrow().as_ref().map(|h| h.p.id)
    }

    /// The scheduler's counters.
    pub fn stats(&self) -> &Stats {
        &self.sh.stats
    }

    /// `GODEBUG=schedtrace` text for the current state.
    pub fn schedtrace(&self, detailed: bool) -> String {
        super::trace::schedtrace(&self.sh, detailed)
    }
}

impl<E: Executor> super::chan::ChanCx for PCtx<E> {
    fn current(&self) -> GWaker {
        self.current_waker()
    }
    fn ready(&self, w: GWaker) {
        PCtx::ready(self, w)
    }
    fn rand_below(&self, n: u32) -> u32 {
        self.rng.below(n)
    }
}

// ---- the run, from the caller's thread ----

impl<E: Executor> Shared<E> {
    pub(crate) fn run(self: &Arc<Self>, main: E::G) -> RunExit<E::G> {
        let procs = self.procs();
        let g = self.new_g(main);
        {
            let mut sl = self.lock.lock();
            for i in (0..procs).rev() {
                let p = self.p_or_new(i).clone();
                self.pidleput_locked(&mut sl, p);
            }
        }
        let Some(p0) = self.pidleget() else {
            return RunExit::Fatal("no P".into());
        };
        *p0.runnext.lock() = Some(g);
        let sm = self.clone();
        let sysmon = std::thread::Builder::new()
            .name("gol-sysmon".into())
            .spawn(move || super::sysmon::sysmon(sm));
        let sysmon = match sysmon {
            Ok(h) => Some(h),
            Err(e) => return RunExit::Fatal(format!("newosproc: {e}")),
        };
        let bh = SchedHandle { sh: self.clone() };
        let background = std::thread::Builder::new()
            .name("gol-gc".into())
            .spawn(move || {
                // Goroutines may wait for this thread (the collector's
                // mark termination): if it unwinds, end the run.
                let _guard = BgUnwindGuard(bh.sh.clone());
                bh.sh.exec.background(&bh)
            });
        let background = match background {
            Ok(h) => Some(h),
            Err(e) => return RunExit::Fatal(format!("newosproc: {e}")),
        };
        self.startm(Some(p0), false);

        let mut r = self.result.lock();
        while r.is_none() {
            r = self.done_cv.wait(r);
        }
        let ending = r.take();
        drop(r);
        self.shutdown.store(true, Ordering::SeqCst);
        self.sysmon_wake();
        self.exec.background_wake();

        // Let the Ms notice; a thread stuck in a native system call cannot
        // be interrupted, so give up waiting after a while (Go exits the
        // process under such threads).
        let deadline = Instant::now() + Duration::from_secs(2);
        let mut r = self.result.lock();
        loop {
            let live = self.lock.lock().live_ms;
            // An M blocked out of the world (a `Blocker`: a read of
            // standard input) will not notice before its input comes.
            let blocked = self.blocked_ms.load(Ordering::Acquire);
            if live <= blocked || Instant::now() >= deadline {
                break;
            }
            self.finish_wake_all();
            r = self.done_cv.wait_timeout(r, Duration::from_millis(10));
        }
        drop(r);
        let (threads, all_exited) = {
            let mut sl = self.lock.lock();
            (std::mem::take(&mut sl.threads), sl.live_ms == 0)
        };
        if all_exited {
            for t in threads {
                let _ = t.join();
            }
        }
        if let Some(h) = sysmon {
            let _ = h.join();
        }
        // Background work enters the world around each step, so it is
        // out of it now or soon; it must be gone before the Gs' states
        // are dropped (it scans them).
        if let Some(h) = background {
            // It could wait for the world behind an M stuck in a slice
            // (a blocking read outside a system call): give up after a
            // while rather than hang the exit.
            let deadline = Instant::now() + Duration::from_secs(2);
            while !h.is_finished() && Instant::now() < deadline {
                self.exec.background_wake();
                std::thread::sleep(Duration::from_micros(50));
            }
            if h.is_finished() {
                let _ = h.join();
            }
        }
        let exit = match ending {
            Some(Ending::Done) | None => RunExit::Done,
            Some(Ending::Exit(c)) => RunExit::Exit(c),
            Some(Ending::Panicked(goid, g)) => RunExit::Panicked { goid, g },
            Some(Ending::Fatal(s)) => RunExit::Fatal(s),
            Some(Ending::Deadlock) => RunExit::Deadlock(self.dump()),
        };
        self.teardown();
        exit
    }

    fn finish_wake_all(&self) {
        let ms: Vec<_> = self.lock.lock().allm.clone();
        for m in ms {
            let mut pk = m.park.lock();
            pk.wake = true;
            m.cv.notify_one();
        }
        let mut ps = self.poll.lock();
        ps.kicked = true;
        self.poll_cv.notify_all();
    }

    /// Every live G, by id (only once every M has stopped).
    fn dump(&self) -> Vec<GDump<E::G>> {
        let gs: Vec<GRef<E>> = self.allgs.lock().slots.iter().flatten().cloned().collect();
        let mut out: Vec<GDump<E::G>> = gs
            .iter()
            .map(|g| GDump {
                id: g.hdr.id,
                status: g.hdr.status(),
                wait: g.hdr.wait_reason(),
                g: g.state.try_lock().and_then(|mut s| s.take()),
            })
            .collect();
        out.sort_by_key(|d| d.id);
        out
    }

    /// Drops every G's state and every queued G, breaking the reference
    /// cycles (G -> channel -> waiting G) a stopped program leaves.
    fn teardown(&self) {
        let gs: Vec<GRef<E>> = std::mem::take(&mut self.allgs.lock().slots)
            .into_iter()
            .flatten()
            .collect();
        for g in &gs {
            if let Some(mut s) = g.state.try_lock() {
                drop(s.take());
            }
        }
        while self.global.pop().is_some() {}
        for p in self.all_ps() {
            p.runnext.lock().take();
            *p.curg.lock() = None;
            if let Some(l) = p.local.try_lock() {
                if let Some(l) = l.as_ref() {
                    while l.pop().is_some() {}
                }
            }
            drop(p.timers.drain());
        }
    }
}
