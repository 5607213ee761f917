//! A run of the scheduler: the state every M, sysmon and the handles
//! share ([`Shared`], Go's `sched`), starting a run from the caller's
//! thread, ending it (`finish`: first caller wins), shutdown and
//! teardown.
//!
//! # The lifetime of a run
//! `run` creates GOMAXPROCS Ps, puts main's G in P0's `runnext`, starts
//! sysmon and the executor's background thread, starts the first M with
//! P0, and waits on `done_cv` for an [`Ending`]. Whoever ends the run
//! (main returning, a panic, `os.Exit`, `checkdead`, an M unwinding)
//! calls `finish`, which records the first ending and wakes every M,
//! the sleeper, the netpoller and sysmon. `run` then waits (at most two
//! seconds: a thread stuck in a native system call cannot be
//! interrupted) for the Ms to leave, joins the threads, takes the
//! deadlock dump if that is how the run ended, and drops every G's state.
//!
//! # Invariants
//! 1. Exactly one ending is recorded; `shutdown` is set after it, and an
//!    M that sees `shutdown` returns from its loop without taking work.
//! 2. An M or background thread that unwinds (a VM bug) ends the run
//!    with a fatal error rather than leave the caller waiting forever.
//! 3. Teardown breaks the reference cycles a stopped program leaves
//!    (G -> channel -> waiting G) by dropping every G's state and every
//!    queued G.
//!
//! # Who touches what
//! * `Shared.lock` (Go's `sched.lock`): idle P list, idle M list, M count,
//!   thread handles. Never held while taking a G's state lock or a
//!   channel lock.
//! * `npidle`, `nmspinning`: atomics, SeqCst (the lost-wakeup fences in
//!   `m.rs`).
//! * `allgs`: its own lock (`allgs.rs`); `result`: its own lock, with
//!   `done_cv`; `poll`: the sleeper's lock, with `poll_cv`
//!   (`findrunnable.rs`).

use super::allgs::{GTable, SchedHandle};
use super::findrunnable::PollState;
use super::g::{GRef, GWaker};
use super::m::MShared;
use super::p::P;
use super::primitives::{Arc, AtomicBool, AtomicU64, AtomicUsize, Condvar, Mutex, Ordering};
use super::procresize::MAX_PROCS;
use super::runq::Global;
use super::{Config, Executor, RunExit};
use std::sync::OnceLock;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Go's `sched.lock`-protected state.
pub(super) struct SchedLock<E: Executor> {
    pub(super) pidle: Vec<Arc<P<E>>>,
    pub(super) midle: Vec<Arc<MShared<E>>>,
    /// Ms created (never shrinks: Ms do not exit before shutdown).
    pub(super) mcount: usize,
    /// Ms waiting for their locked G (lockedm.rs) that no hand-off has
    /// given a P yet: idle for `checkdead` (Go's `nmidlelocked`). Signed:
    /// -1 while a hand-off came before the M counted itself (lockedm.rs
    /// invariant 2).
    pub(super) nmidlelocked: isize,
    /// Ms whose thread has not returned yet.
    pub(super) live_ms: usize,
    pub(super) allm: Vec<Arc<MShared<E>>>,
    pub(super) threads: Vec<JoinHandle<()>>,
}

impl<E: Executor> SchedLock<E> {
    /// Every M is idle or waiting for its locked G: the last one to park
    /// runs `checkdead` (checkdead.rs).
    pub(super) fn all_idle(&self) -> bool {
        self.midle.len() as isize + self.nmidlelocked == self.mcount as isize
    }
}

/// How a run ends, before the dump is taken.
pub(super) enum Ending<G> {
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
pub(super) struct Shared<E: Executor> {
    pub(super) exec: E,
    /// Ms inside slices, and stop-the-world (world.rs).
    pub(super) world: super::world::World,
    pub(super) cfg: Config,
    epoch: Instant,
    pub(super) allp: Box<[OnceLock<Arc<P<E>>>]>,
    pub(super) gomaxprocs: AtomicUsize,
    pub(super) global: Global<GRef<E>>,
    pub(super) npidle: AtomicUsize,
    pub(super) nmspinning: AtomicUsize,
    pub(super) lock: Mutex<SchedLock<E>>,
    pub(super) allgs: Mutex<GTable<E>>,
    pub(super) live_gs: AtomicUsize,
    /// Ms blocked out of the world in a [`Blocker`].
    pub(super) blocked_ms: AtomicUsize,
    pub(super) goid_gen: AtomicU64,
    pub(super) shutdown: AtomicBool,
    /// The run has ended and taken its dump: an M waiting for its locked
    /// G (lockedm.rs) may now leave.
    pub(super) ended: AtomicBool,
    pub(super) result: Mutex<Option<Ending<E::G>>>,
    pub(super) done_cv: Condvar,
    pub(super) poll: Mutex<PollState>,
    pub(super) poll_cv: Condvar,
    /// One idle M sleeps on timers/I/O at a time (Go's `lastpoll == 0`).
    pub(super) sleeper: AtomicBool,
    pub(super) sysmon_park: Mutex<bool>,
    pub(super) sysmon_cv: Condvar,
    pub(super) stats: Stats,
    /// The program's `time.Timer`s and `Ticker`s by id (`timer.rs`).
    pub(super) go_timers: super::timer::GoTimers<E>,
    /// A seeded schedule's state (seeded.rs); None in a normal run.
    pub(super) seeded: Option<Mutex<super::seeded::Seeded<E>>>,
    /// A seeded run's virtual clock, in ns (`now_ns` reads it then).
    pub(super) vclock: AtomicU64,
    /// The execution tracer (tracer.rs), if the run has one.
    pub(super) tracer: Option<Arc<super::tracer::Tracer>>,
    /// A seeded run's GOMAXPROCS as the program sets and reads it (it
    /// runs on one P whatever the value).
    pub(super) nominal_procs: AtomicUsize,
}

impl<E: Executor> Shared<E> {
    pub(super) fn new(exec: E, cfg: Config) -> Shared<E> {
        let procs = if cfg.sched.is_some() {
            1
        } else {
            cfg.gomaxprocs.clamp(1, MAX_PROCS)
        };
        let seeded = cfg.sched.map(super::seeded::Seeded::new);
        let nominal_procs = AtomicUsize::new(cfg.gomaxprocs.clamp(1, MAX_PROCS));
        let tracer = cfg.tracer.clone();
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
                nmidlelocked: 0,
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
            ended: AtomicBool::new(false),
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
            go_timers: Default::default(),
            seeded,
            vclock: AtomicU64::new(0),
            nominal_procs,
            tracer,
        }
    }

    pub(super) fn now_ns(&self) -> u64 {
        if self.seeded.is_some() {
            return self.vclock.load(Ordering::Relaxed);
        }
        self.epoch.elapsed().as_nanos() as u64
    }

    pub(super) fn procs(&self) -> usize {
        self.gomaxprocs.load(Ordering::Acquire)
    }

    /// Ends the run (first caller wins) and wakes everybody.
    pub(super) fn finish(&self, e: Ending<E::G>) {
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
            p.preempt_any();
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

    pub(super) fn sysmon_wake(&self) {
        let mut w = self.sysmon_park.lock();
        *w = true;
        self.sysmon_cv.notify_one();
    }

    /// Makes woken Gs runnable on the global queue (Go's `injectglist`).
    pub(super) fn inject(self: &Arc<Self>, ws: Vec<GWaker>) {
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

    pub(super) fn run(self: &Arc<Self>, main: Option<E::G>) -> RunExit<E::G> {
        let procs = self.procs();
        let g = main.map(|m| self.new_g(m));
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
        if let Some(g) = g {
            p0.runnext.put(g);
        }
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
            // standard input) will not notice before its input comes; one
            // waiting for its locked G leaves after the dump (lockedm.rs).
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
        // Ms waiting for their locked Gs leave now (lockedm.rs).
        self.ended.store(true, Ordering::Release);
        self.finish_wake_all();
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
            p.runnext.take();
            if let Some(l) = p.local.try_lock() {
                if let Some(l) = l.as_ref() {
                    while l.pop().is_some() {}
                }
            }
            drop(p.timers.drain());
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
