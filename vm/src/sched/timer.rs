//! Timers (Go's `runtime/time.go`): `time.Sleep`, and the runtime half of
//! `time.Timer`, `Ticker`, `After`, `Tick` and `AfterFunc`. Package time's
//! natives (stdlib) are thin bindings over [`PCtx::new_timer`],
//! [`PCtx::stop_timer`] and [`PCtx::reset_timer`]; what is not about
//! waiting (formatting, durations, the wall clock) stays there.
//!
//! # Two layers
//! 1. **The heaps** (`timerheap.rs`, the mechanism): each P keeps a
//!    min-heap of `(deadline, action)` ordered by deadline, then by arming
//!    order. An action either readies a sleeping G ([`PCtx::sleep`]) or
//!    calls a function ([`PCtx::after_func`]). A timer goes on the heap of
//!    the P its M holds (P0 without one); when it becomes that heap's
//!    earliest, the sleeping M is kicked (`findrunnable.rs`).
//! 2. **Go timers** ([`GoTimer`], the policy): the state behind one
//!    `time.Timer`/`Ticker`, kept in the run's table keyed by the id the
//!    Go side holds in its struct. Ids are never reused, so a stale or
//!    zero id finds nothing. Arming one puts a callback ([`fire`]) on a
//!    heap.
//!
//! # Firing
//! Who checks the heaps: an M holding a P in `findRunnable`
//! ([`PCtx::run_timers`]: every P's heap, cheaply, through each heap's
//! earliest-deadline word, Go's `timer0When`; other Ps' heaps only
//! try-locked); the last M to go idle sleeps until the earliest deadline;
//! sysmon wakes an M if a deadline passed while every M was busy.
//! Expired actions are taken out under the heap lock and run after it is
//! released, as Go's `runtimer` drops the lock around `f`. A callback runs
//! on an M holding a P, counted in the world (it may send on a channel or
//! start a goroutine), outside every goroutine: it may not allocate on
//! the gol heap, so what it sends is a `Time` of pointer-free words built
//! on the Rust stack ([`TimeWords`]), and AfterFunc's goroutine runs a
//! closure the native made and pinned ([`TimerFunc`]).
//!
//! # The Go timer protocol (Go 1.23's)
//! One lock per timer stands for Go's `t.mu` and `t.sendLock` together.
//! * Arming records a sequence number `seq` in the callback. Stop and Reset
//!   bump `seq` under the lock, so a callback armed earlier that runs
//!   after them does nothing (it compares under the same lock).
//! * The callback holds the lock across its send, and Stop and Reset drain
//!   the channel under it: once they return, no value from before them can
//!   be received. Stop returns true if the timer was armed or its value
//!   was still in the channel (Go 1.23: the timer counts as running until
//!   its value is received).
//! * Channel sends are non-blocking into a one-value buffer (a timer
//!   channel reports `len` and `cap` 0, see `chan.rs`): a one-shot timer's
//!   buffer is always empty when it fires (Stop and Reset drain it before
//!   re-arming), and a ticker whose reader is slow drops ticks. The value
//!   is the time the tick was due (now minus the lateness), as Go's
//!   `sendTime` sends.
//! * A ticker re-arms itself in its callback for the next due time after
//!   now on its original phase (missed periods are skipped, not queued).
//! * AfterFunc's closure is a root (pinned by the executor) while the
//!   timer is armed; the callback starts its goroutine, which then roots
//!   it, and releases the pin. Reset takes the function again.
//!
//! # Invariants
//! 1. Each heap's earliest-deadline word equals the earliest deadline in
//!    the heap (`u64::MAX` when empty) whenever its lock is released.
//! 2. A Go timer's callback acts only if its `seq` is the timer's current
//!    one and the timer is armed; both change only under the timer lock.
//! 3. A [`TimerFunc`]'s pin is released exactly once: by Stop (or Reset's
//!    stop), by a one-shot firing, or when arming fails.
//! 4. Lock order: a Go timer's lock, then a channel's lock, then a heap's
//!    or the scheduler's; the table's lock is never held while taking a
//!    timer lock.
//!
//! Cancellation on the heap is lazy: a stopped entry stays with its
//! `cancelled` flag set and is dropped when it reaches the top. A pending
//! cancelled entry still delays deadlock detection until its deadline,
//! which is harmless (the report comes a little later, never wrongly).
//!
//! Limits: table entries live as long as the run (Go collects an
//! unreferenced Timer; gol has no finalizers for them), and so does an
//! unstopped ticker's heap entry. `After` and `Tick`, whose timers nobody
//! can stop, get no table entry (their state lives only in the armed
//! callback).
//!
//! Rejected: keeping a Go timer's state in the Timer object on the gol
//! heap (the callback would read the heap outside every goroutine, and
//! Stop needs a lock the callback can hold across its send); one global
//! timer heap (every arming from every P would contend on its lock: Go
//! left its single heap for 64 buckets in 1.10, and those for per-P heaps
//! in 1.14).

use super::chan::{select, Chan, Op, SelCase, Selected};
use super::g::GWaker;
use super::pctx::PCtx;
use super::primitives::{Arc, AtomicI64, Mutex, MutexGuard, Ordering};
use super::timerheap::TimerHandle;
use super::Executor;
use std::collections::HashMap;
use std::time::Duration;

/// An AfterFunc-style callback, run on an M holding a P.
pub type TimerFn<E> = Box<dyn FnOnce(&PCtx<E>) + Send>;

/// What an expired heap entry does.
pub(super) enum TimerAction<E: Executor> {
    /// Ready a sleeping G.
    Ready(GWaker),
    /// Call a function on the M that found the timer expired (with its P).
    Func(TimerFn<E>),
}

/// Words of the value a timer channel carries (a `time.Time`: seconds,
/// nanoseconds, monotonic reading).
pub const TIME_WORDS: usize = 3;

/// Builds the value a timer sends: the current time minus `late_ns` (the
/// time the tick was due), on the virtual clock when one is given (a
/// seeded run, seeded.rs). Runs outside every goroutine: pointer-free
/// words only.
pub type TimeWords = fn(late_ns: u64, virtual_now: Option<u64>) -> [u64; TIME_WORDS];

/// AfterFunc's function as the executor keeps it: how to start its
/// goroutine, and how to release the root that keeps it alive while the
/// timer is armed (invariant 3).
pub struct TimerFunc<E: Executor> {
    start: StartFn<E>,
    release: Box<dyn FnOnce(&E) + Send>,
}

/// Starts AfterFunc's goroutine (on the M that found the timer expired).
type StartFn<E> = Box<dyn Fn(&PCtx<E>) + Send>;

impl<E: Executor> TimerFunc<E> {
    pub fn new(
        start: impl Fn(&PCtx<E>) + Send + 'static,
        release: impl FnOnce(&E) + Send + 'static,
    ) -> TimerFunc<E> {
        TimerFunc {
            start: Box::new(start),
            release: Box::new(release),
        }
    }
}

/// Why a Go timer could not be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerError {
    /// The channel's elements are not [`TIME_WORDS`] words.
    WrongChannel,
}

impl std::fmt::Display for TimerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TimerError::WrongChannel => f.write_str("time: timer channel of the wrong type"),
        }
    }
}

/// One Go timer's state; behind [`GoTimer`]'s lock.
struct State<E: Executor> {
    /// Bumped by Stop and Reset: a callback armed with another value is
    /// stale and does nothing.
    seq: u64,
    /// A callback with the current `seq` is pending.
    armed: bool,
    /// The heap entry of that callback (stopped on disarm so it does not
    /// linger in the heap).
    handle: Option<TimerHandle>,
    /// When the pending callback is due, on the scheduler's clock.
    when_ns: u64,
    /// A ticker's period; 0 for a one-shot timer.
    period_ns: u64,
    /// The channel C (None for AfterFunc), and how to build its values.
    chan: Option<(Arc<Chan>, TimeWords)>,
    /// AfterFunc's function while it is rooted.
    func: Option<TimerFunc<E>>,
}

/// The runtime state of one `time.Timer` or `Ticker` (Go's `timer`).
pub(super) struct GoTimer<E: Executor> {
    st: Mutex<State<E>>,
}

/// The run's Go timers by id (see the module docs).
pub(super) struct GoTimers<E: Executor> {
    table: Mutex<HashMap<i64, Arc<GoTimer<E>>>>,
    /// The last id handed out (ids start at 1; 0 means "no entry").
    last_id: AtomicI64,
}

impl<E: Executor> Default for GoTimers<E> {
    fn default() -> Self {
        GoTimers {
            table: Mutex::new(HashMap::new()),
            last_id: AtomicI64::new(0),
        }
    }
}

impl<E: Executor> GoTimers<E> {
    fn find(&self, id: i64) -> Option<Arc<GoTimer<E>>> {
        self.table.lock().get(&id).cloned()
    }
}

/// `d` nanoseconds after `now_ns`, a negative `d` meaning now.
fn after(now_ns: u64, d_ns: i64) -> u64 {
    now_ns.saturating_add(d_ns.max(0) as u64)
}

impl<E: Executor> PCtx<E> {
    /// Puts action `a` on the heap of the P this M holds (P0 without
    /// one), kicking the sleeper when it becomes that heap's earliest.
    pub(super) fn add_timer(&self, when_ns: u64, a: TimerAction<E>) -> TimerHandle {
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

    /// Arms a timer that readies the running G after `d` (`time.Sleep`);
    /// the executor then returns `Blocked(WaitReason::Sleep)`.
    pub fn sleep(&self, d: Duration) -> TimerHandle {
        let when = self
            .sh
            .now_ns()
            .saturating_add(d.as_nanos().min(u64::MAX as u128) as u64);
        self.add_timer(when, TimerAction::Ready(self.current_waker()))
    }

    /// Calls `f` on some M (holding a P) after `d`.
    pub fn after_func(&self, d: Duration, f: TimerFn<E>) -> TimerHandle {
        let when = self
            .sh
            .now_ns()
            .saturating_add(d.as_nanos().min(u64::MAX as u128) as u64);
        self.add_timer(when, TimerAction::Func(f))
    }

    /// Runs every expired timer of every P (others' heaps try-locked):
    /// `findRunnable`'s first step, on every goroutine switch. Inlined up
    /// to a look at each P's earliest deadline (one atomic load each), so
    /// a switch in a program without timers pays no call and no list of
    /// due timers.
    #[inline]
    pub(super) fn run_timers(&self) {
        let procs = self.sh.procs();
        if self
            .sh
            .all_ps()
            .take(procs)
            .any(|p| p.timers.next().is_some())
        {
            self.run_due_timers(procs);
        }
    }

    #[inline(never)]
    fn run_due_timers(&self, procs: usize) {
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

    /// Makes and arms a Go timer firing `d_ns` from now (then every
    /// `period_ns`, if positive): it sends on `chan` (values from `time`)
    /// or starts `func`. With `keep`, it gets an id for
    /// [`PCtx::stop_timer`] and [`PCtx::reset_timer`]; without (`After`,
    /// `Tick`), the id is 0.
    pub fn new_timer(
        &self,
        chan: Option<(Arc<Chan>, TimeWords)>,
        func: Option<TimerFunc<E>>,
        d_ns: i64,
        period_ns: i64,
        keep: bool,
    ) -> Result<i64, TimerError> {
        if let Some((c, _)) = &chan {
            if c.elem_words() != TIME_WORDS {
                if let Some(f) = func {
                    (f.release)(self.executor());
                }
                return Err(TimerError::WrongChannel);
            }
            c.set_timer();
        }
        let t = Arc::new(GoTimer {
            st: Mutex::new(State {
                seq: 0,
                armed: false,
                handle: None,
                when_ns: 0,
                period_ns: period_ns.max(0) as u64,
                chan,
                func,
            }),
        });
        arm(&t, &mut t.st.lock(), self, after(self.now_ns(), d_ns));
        if !keep {
            return Ok(0);
        }
        // Relaxed: ids only need to be distinct.
        let id = self.sh.go_timers.last_id.fetch_add(1, Ordering::Relaxed) + 1;
        self.sh.go_timers.table.lock().insert(id, t);
        Ok(id)
    }

    /// `Timer.Stop`/`Ticker.Stop`: disarms timer `id` and drains its
    /// channel; true if it was armed or its value had not been received.
    pub fn stop_timer(&self, id: i64) -> bool {
        self.sh
            .go_timers
            .find(id)
            .is_some_and(|t| stop(&mut t.st.lock(), self))
    }

    /// `Timer.Reset`/`Ticker.Reset`: [`PCtx::stop_timer`], then arms timer
    /// `id` again for `d_ns` from now with period `period_ns` and, for
    /// AfterFunc, the function `func`. False for an unknown id.
    pub fn reset_timer(
        &self,
        id: i64,
        func: Option<TimerFunc<E>>,
        d_ns: i64,
        period_ns: i64,
    ) -> bool {
        let Some(t) = self.sh.go_timers.find(id) else {
            if let Some(f) = func {
                (f.release)(self.executor());
            }
            return false;
        };
        let mut st = t.st.lock();
        let pending = stop(&mut st, self);
        st.period_ns = period_ns.max(0) as u64;
        if func.is_some() {
            st.func = func;
        }
        arm(&t, &mut st, self, after(self.now_ns(), d_ns));
        pending
    }
}

/// Arms `t`'s callback for `when_ns` (scheduler clock) with the current
/// sequence number. The caller holds `t`'s lock (`st`).
fn arm<E: Executor>(t: &Arc<GoTimer<E>>, st: &mut State<E>, cx: &PCtx<E>, when_ns: u64) {
    st.when_ns = when_ns;
    st.armed = true;
    let seq = st.seq;
    let me = t.clone();
    let fire = Box::new(move |pcx: &PCtx<E>| fire(&me, seq, pcx));
    st.handle = Some(cx.add_timer(when_ns, TimerAction::Func(fire)));
}

/// Disarms a timer and drains its channel; true if it was armed or its
/// value had not been received (Go 1.23's Stop result). The caller holds
/// the timer's lock (`st`).
fn stop<E: Executor>(st: &mut State<E>, cx: &PCtx<E>) -> bool {
    st.seq = st.seq.wrapping_add(1);
    let mut pending = std::mem::replace(&mut st.armed, false);
    if let Some(h) = st.handle.take() {
        h.stop();
    }
    if let Some(f) = st.func.take() {
        (f.release)(cx.executor());
    }
    if let Some((c, _)) = &st.chan {
        if let Ok(Op::Ready(Selected::Recv(..))) = select(cx, &[SelCase::Recv(Some(c))], false) {
            pending = true;
        }
    }
    pending
}

/// A Go timer's heap callback (on an M with a P, outside every
/// goroutine: no gol heap allocation here).
fn fire<E: Executor>(t: &Arc<GoTimer<E>>, seq: u64, pcx: &PCtx<E>) {
    let mut st: MutexGuard<'_, State<E>> = t.st.lock();
    if st.seq != seq || !st.armed {
        return;
    }
    let due = st.when_ns;
    let now = pcx.now_ns();
    let late = now.saturating_sub(due);
    if st.period_ns > 0 {
        let p = st.period_ns;
        let next = due.saturating_add(p.saturating_mul(1 + late / p));
        arm(t, &mut st, pcx, next);
    } else {
        st.armed = false;
        st.handle = None;
    }
    if let Some((c, time)) = &st.chan {
        let v = time(late, pcx.virtual_now());
        // Non-blocking: a waiting receiver takes it, else the one-value
        // buffer, else (a ticker's unread tick) it is dropped.
        let _ = select(pcx, &[SelCase::Send(Some(c), &v)], false);
    } else if let Some(f) = &st.func {
        (f.start)(pcx);
        if st.period_ns == 0 {
            if let Some(f) = st.func.take() {
                (f.release)(pcx.executor());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Config, RunExit, RunOutcome, Sched, WaitReason};
    use super::*;
    use std::sync::atomic::AtomicU64;

    /// A goroutine is a closure called once per slice.
    struct Toy;
    type Body = Box<dyn FnMut(&PCtx<Toy>) -> RunOutcome + Send>;
    struct ToyG(Body);

    impl Executor for Toy {
        type G = ToyG;
        fn run(&self, g: &mut ToyG, cx: &PCtx<Toy>) -> RunOutcome {
            (g.0)(cx)
        }
    }

    fn run(main: impl FnMut(&PCtx<Toy>) -> RunOutcome + Send + 'static) {
        let r = Sched::new(Toy, Config::new(2)).run(ToyG(Box::new(main)));
        assert!(matches!(r, RunExit::Done), "{r:?}");
    }

    /// Parks the running G for `ms` milliseconds.
    fn nap(cx: &PCtx<Toy>, ms: u64) -> RunOutcome {
        cx.sleep(Duration::from_millis(ms));
        RunOutcome::Blocked(WaitReason::Sleep)
    }

    fn try_recv(cx: &PCtx<Toy>, c: &Arc<Chan>) -> Option<Vec<u64>> {
        match select(cx, &[SelCase::Recv(Some(c))], false) {
            Ok(Op::Ready(Selected::Recv(_, v, true))) => Some(v),
            _ => None,
        }
    }

    fn stamp(late_ns: u64, _virtual: Option<u64>) -> [u64; TIME_WORDS] {
        [7, late_ns, 9]
    }

    const HOUR: i64 = 3_600_000_000_000;
    const MS: i64 = 1_000_000;

    /// Stop and Reset follow Go 1.23: Stop reports a value not yet
    /// received and drains it; a stopped timer's old callback does
    /// nothing; a ticker drops the ticks nobody reads.
    #[test]
    fn channel_timers_stop_reset_and_tick() {
        let (c, tc, after) = (Chan::new(3, 1), Chan::new(3, 1), Chan::new(3, 1));
        let (mut phase, mut id, mut tick) = (0, 0, 0);
        run(move |cx| {
            phase += 1;
            match phase {
                1 => {
                    id = cx
                        .new_timer(Some((c.clone(), stamp)), None, HOUR, 0, true)
                        .unwrap();
                    assert!(id > 0);
                    assert_eq!(c.observed_len_cap(), (0, 0));
                    assert!(cx.stop_timer(id), "armed");
                    assert!(!cx.stop_timer(id), "already stopped");
                    assert!(!cx.reset_timer(id + 100, None, 0, 0), "no such timer");
                    assert!(!cx.reset_timer(id, None, MS, 0), "was stopped");
                    let none = cx.new_timer(Some((after.clone(), stamp)), None, 0, 0, false);
                    assert_eq!(none, Ok(0));
                    nap(cx, 30)
                }
                2 => {
                    // Fired into the buffer, unreceived: Stop says pending
                    // and nothing is left to receive.
                    assert!(cx.stop_timer(id));
                    assert_eq!(try_recv(cx, &c), None);
                    assert!(try_recv(cx, &after).is_some(), "After fired");
                    assert!(!cx.reset_timer(id, None, MS, 0));
                    nap(cx, 30)
                }
                3 => {
                    let v = try_recv(cx, &c).expect("fired after reset");
                    assert_eq!((v[0], v[2]), (7, 9));
                    assert!(!cx.stop_timer(id), "fired and received");
                    tick = cx
                        .new_timer(Some((tc.clone(), stamp)), None, MS, MS, true)
                        .unwrap();
                    nap(cx, 30)
                }
                _ => {
                    assert!(try_recv(cx, &tc).is_some());
                    assert_eq!(try_recv(cx, &tc), None, "missed ticks are dropped");
                    assert!(cx.stop_timer(tick));
                    RunOutcome::Done
                }
            }
        });
    }

    /// AfterFunc's function starts once, and its root is released exactly
    /// once, whichever way the timer lets it go.
    #[test]
    fn after_func_starts_once_and_releases_once() {
        let started = Arc::new(AtomicU64::new(0));
        let released = Arc::new(AtomicU64::new(0));
        let func = {
            let (s, r) = (started.clone(), released.clone());
            move || {
                let (s, r) = (s.clone(), r.clone());
                TimerFunc::new(
                    move |_: &PCtx<Toy>| {
                        s.fetch_add(1, Ordering::Relaxed);
                    },
                    move |_: &Toy| {
                        r.fetch_add(1, Ordering::Relaxed);
                    },
                )
            }
        };
        let (mut phase, mut id) = (0, 0);
        let (s, r) = (started.clone(), released.clone());
        run(move |cx| {
            phase += 1;
            let count = |a: &AtomicU64| a.load(Ordering::Relaxed);
            if phase == 1 {
                id = cx.new_timer(None, Some(func()), HOUR, 0, true).unwrap();
                assert!(cx.stop_timer(id));
                assert_eq!((count(&s), count(&r)), (0, 1));
                assert!(!cx.reset_timer(id, Some(func()), MS, 0));
                assert!(!cx.reset_timer(id + 100, Some(func()), MS, 0));
                assert_eq!(count(&r), 2, "unknown id releases at once");
                let wrong = cx.new_timer(Some((Chan::new(1, 1), stamp)), Some(func()), 0, 0, true);
                assert_eq!(wrong, Err(TimerError::WrongChannel));
                assert_eq!(count(&r), 3);
                return nap(cx, 30);
            }
            assert_eq!((count(&s), count(&r)), (1, 4), "fired once, released");
            assert!(!cx.stop_timer(id));
            assert_eq!(count(&r), 4);
            RunOutcome::Done
        });
        assert_eq!(started.load(Ordering::Relaxed), 1);
        assert_eq!(released.load(Ordering::Relaxed), 4);
    }
}
