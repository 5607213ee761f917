//! Seeded schedules (`gol run -sched=random:SEED`, `-sched=pct:SEED,DEPTH`):
//! every scheduling decision drawn from one seed, so that a run can be
//! replayed byte for byte and a search over seeds (`gol run -explore=N`)
//! can look for the rare interleaving that breaks a program.
//!
//! # The model
//! A seeded run has one P and one M at a time (GOMAXPROCS is 1 and stays
//! 1; sysmon neither preempts nor retakes Ps in system calls), so the
//! goroutines take turns and every turn is a decision of this module:
//!
//! * **Which G runs next.** At each pick every runnable G (runnext, the
//!   local queue and the global queue, drained in that order into the
//!   *pool*) is a candidate. `random` takes one uniformly; `pct` takes the
//!   one of highest priority.
//! * **Where a slice ends.** Each slice gets a budget of *points* drawn
//!   from the seed. The interpreter spends one point per call, backward
//!   jump and instruction that reads or writes memory other goroutines
//!   may see (a heap word, a package variable, a map, a channel), and
//!   ends the slice *before* such an instruction when its points are
//!   spent. So a check-then-act on a shared variable can be split between
//!   its read and its write, which is where such bugs live.
//! * **Which ready select case wins**, and the map iteration and hash
//!   seeds: the generators of the M are reseeded from the schedule at
//!   each pick ([`SeededSlice::seed`]), so they repeat with the schedule.
//! * **Time.** The clock is virtual: it starts at 0, moves 1 µs per pick
//!   (a busy goroutine sees time pass, so a timeout beside a busy loop
//!   still fires) and, when no G is runnable, jumps to the earliest timer.
//!   A run never waits for real time; `time.Now` reads the virtual clock
//!   from Go's playground epoch (2009-11-10 23:00:00 UTC), so a printed
//!   time repeats too. Timers due at the same instant fire in the heap's
//!   order, and the Gs they wake are picked as the policy says.
//!
//! # PCT
//! Burckhardt, Kothari, Musuvathi and Nagarakatte, "A Randomized
//! Scheduler with Probabilistic Guarantees of Finding Bugs" (ASPLOS
//! 2010). Each G gets a random priority when it first becomes runnable,
//! above `DEPTH`; the runnable G of highest priority runs. `DEPTH - 1`
//! *change points* are steps (picks) at which the G that just ran drops
//! to priority `DEPTH - i`, below every initial one. A bug that needs `d`
//! ordering constraints is found with probability at least
//! `1 / (n * k^(d-1))` for `n` goroutines and `k` steps. The paper draws
//! the change points uniformly from `1..=k` with `k` known; a replay line
//! must not depend on a previous run, so here each is drawn log-uniformly
//! (a uniform exponent `j` in 3..=20, then a step in `1..=2^j`): short and
//! long programs both get change points inside their run. A step is a
//! pick with a choice (two runnable goroutines or more): while one
//! goroutine alone can run, a change point would change nothing.
//!
//! Strict priorities starve a G that spins waiting for a lower one; as PCT
//! implementations do, a G that yields (`runtime.Gosched`) or has been
//! picked [`STARVE`] times in a row while others waited drops below every
//! priority given so far.
//!
//! # What is not controlled
//! I/O readiness (the network poller answers when the OS does), blocking
//! system calls (they hold the only P, so a goroutine reading standard
//! input stops the others until its input comes), and addresses (a `%p`
//! may differ between runs). The collector stops the world for each
//! cycle, at points that depend only on the allocation, so it adds no
//! decision of its own.
//!
//! # Invariants
//! 1. Only the M holding the single P touches the pool (under `Seeded`'s
//!    lock, which is never held while running a G).
//! 2. Every G that is runnable at a pick is in the pool; a G leaves the
//!    pool only by being picked.
//! 3. All randomness of a decision comes from the schedule's generator,
//!    advanced only at picks, so the same seed and the same program make
//!    the same decisions.

use super::g::GRef;
use super::pctx::PCtx;
use super::primitives::{Mutex, Ordering};
use super::rand::Rng;
use super::Executor;
use std::collections::HashMap;
use std::fmt;

/// A G picked this many times in a row while others waited loses its
/// priority (a PCT spinner would otherwise starve the G it waits for).
const STARVE: u32 = 10_000;

/// A seeded run's wall clock starts here: the Unix seconds of Go's
/// playground time, 2009-11-10 23:00:00 UTC, so printed times repeat.
pub const VIRTUAL_EPOCH_UNIX: i64 = 1_257_894_000;

/// Virtual nanoseconds that pass at each pick.
const PICK_NS: u64 = 1_000;

/// Mean points of a `random` slice (budgets are uniform in 1..=2*MEAN).
const RANDOM_MEAN_POINTS: u32 = 16;

/// The most points of a `pct` slice: PCT's steps should be fine, since a
/// change point lands between two of them.
const PCT_MAX_POINTS: u32 = 4;

/// How a seeded run picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Uniformly among the runnable goroutines, at every pick.
    Random,
    /// PCT with this depth (at least 1).
    Pct { depth: u32 },
}

/// A seeded schedule: `random:SEED` or `pct:SEED,DEPTH`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SchedSpec {
    pub policy: Policy,
    pub seed: u64,
}

/// The deepest PCT search accepted (each level is one change point).
pub const MAX_DEPTH: u32 = 64;

impl SchedSpec {
    /// Parses `random:SEED`, `pct:SEED` (depth 3) or `pct:SEED,DEPTH`.
    pub fn parse(s: &str) -> Result<SchedSpec, String> {
        let bad = || {
            format!(
                "invalid schedule {s:?}: want random:SEED or pct:SEED,DEPTH \
                 (SEED an unsigned integer, DEPTH 1 to {MAX_DEPTH})"
            )
        };
        let (kind, rest) = s.split_once(':').ok_or_else(bad)?;
        let num = |t: &str| t.trim().parse::<u64>().map_err(|_| bad());
        match kind {
            "random" => Ok(SchedSpec {
                policy: Policy::Random,
                seed: num(rest)?,
            }),
            "pct" => {
                let (seed, depth) = match rest.split_once(',') {
                    Some((a, b)) => (num(a)?, num(b)?),
                    None => (num(rest)?, 3),
                };
                if depth == 0 || depth > u64::from(MAX_DEPTH) {
                    return Err(bad());
                }
                Ok(SchedSpec {
                    policy: Policy::Pct {
                        depth: depth as u32,
                    },
                    seed,
                })
            }
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for SchedSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.policy {
            Policy::Random => write!(f, "random:{}", self.seed),
            Policy::Pct { depth } => write!(f, "pct:{},{depth}", self.seed),
        }
    }
}

/// What a pick gives the slice it starts: its budget of points and the
/// seed of the M's generators for its length.
#[derive(Clone, Copy, Debug)]
pub struct SeededSlice {
    pub points: i64,
    pub seed: u64,
}

/// The state of a seeded run (behind `Shared.seeded`).
pub(super) struct Seeded<E: Executor> {
    spec: SchedSpec,
    rng: Rng,
    pool: Vec<GRef<E>>,
    /// PCT: priority by goroutine id (higher runs first).
    prio: HashMap<u64, u64>,
    /// PCT: (step, priority) change points, sorted by step.
    changes: Vec<(u64, u64)>,
    steps: u64,
    /// The G that ran last, and how many times in a row.
    last: u64,
    streak: u32,
    last_yielded: bool,
}

// SAFETY: the generator's `Cell` is only touched under the Mutex that
// holds this state (invariant 1); GRefs are Send.
unsafe impl<E: Executor> Send for Seeded<E> {}

impl<E: Executor> Seeded<E> {
    pub(super) fn new(spec: SchedSpec) -> Mutex<Seeded<E>> {
        let rng = Rng::new(spec.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5eed);
        let mut changes = Vec::new();
        if let Policy::Pct { depth } = spec.policy {
            for i in 1..depth {
                let j = 3 + rng.below(18);
                let step = 1 + rng.next_u64() % (1u64 << j);
                changes.push((step, u64::from(depth - i)));
            }
            changes.sort_unstable();
        }
        Mutex::new(Seeded {
            spec,
            rng,
            pool: Vec::new(),
            prio: HashMap::new(),
            changes,
            steps: 0,
            last: 0,
            streak: 0,
            last_yielded: false,
        })
    }

    /// Records the end of a slice of `goid`: whether it yielded
    /// (`runtime.Gosched`), which PCT treats as letting others go first.
    pub(super) fn ran(&mut self, yielded: bool) {
        self.last_yielded = yielded;
    }

    fn priority_of(&mut self, goid: u64) -> u64 {
        let depth = match self.spec.policy {
            Policy::Pct { depth } => u64::from(depth),
            Policy::Random => 0,
        };
        let rng = &self.rng;
        *self
            .prio
            .entry(goid)
            // Initial priorities sit above every change point's (which are
            // below `depth`): the top half of the word, randomly.
            .or_insert_with(|| depth + (1 << 62) + (rng.next_u64() >> 2))
    }

    /// Drops `goid` below every priority: 0 is under every change
    /// point's (1..DEPTH); among several demoted Gs the pool's order (the
    /// one waiting longest first) decides.
    fn demote(&mut self, goid: u64) {
        self.prio.insert(goid, 0);
    }

    /// Picks the next G from the pool and the budget of its slice.
    fn pick(&mut self) -> Option<(GRef<E>, SeededSlice)> {
        if self.pool.is_empty() {
            return None;
        }
        // PCT's steps are the picks with a choice: a change point spent
        // while one goroutine alone can run (a program's initialisation,
        // say) would change nothing.
        if self.pool.len() > 1 || self.last_yielded {
            self.steps += 1;
        }
        let idx = match self.spec.policy {
            Policy::Random => self.rng.below(self.pool.len() as u32) as usize,
            Policy::Pct { .. } => {
                let step = self.steps;
                while let Some(&(at, p)) = self.changes.first() {
                    if at > step {
                        break;
                    }
                    self.changes.remove(0);
                    if self.last != 0 {
                        self.prio.insert(self.last, p);
                    }
                }
                if self.last != 0
                    && (self.last_yielded || self.streak >= STARVE)
                    && self.pool.len() > 1
                {
                    self.demote(self.last);
                    self.streak = 0;
                }
                let mut best = 0;
                let mut best_p = 0;
                for i in 0..self.pool.len() {
                    let id = self.pool[i].hdr.id;
                    let p = self.priority_of(id);
                    // Ties (demoted Gs at 0): the one waiting longest, i.e.
                    // the first in the pool.
                    if i == 0 || p > best_p {
                        best = i;
                        best_p = p;
                    }
                }
                best
            }
        };
        let g = self.pool.remove(idx);
        let id = g.hdr.id;
        if id == self.last && !self.pool.is_empty() {
            self.streak += 1;
        } else {
            self.streak = 0;
        }
        self.last = id;
        self.last_yielded = false;
        let points = match self.spec.policy {
            Policy::Random => 1 + self.rng.below(2 * RANDOM_MEAN_POINTS),
            Policy::Pct { .. } => 1 + self.rng.below(PCT_MAX_POINTS),
        };
        let slice = SeededSlice {
            points: i64::from(points),
            seed: self.rng.next_u64(),
        };
        Some((g, slice))
    }

    /// Forgets a G that ended (its priority entry).
    pub(super) fn forget(&mut self, goid: u64) {
        self.prio.remove(&goid);
    }
}

impl<E: Executor> PCtx<E> {
    /// `find_runnable` for a seeded run: timers (on the virtual clock),
    /// then a pick from every runnable G; with nothing runnable, the
    /// network poller, then the clock jumps to the earliest timer; with
    /// none, the M parks (and, being the only one, reports the deadlock).
    pub(super) fn find_runnable_seeded(&self) -> Option<GRef<E>> {
        let sh = &self.sh;
        let seeded = sh.seeded.as_ref()?;
        loop {
            if sh.shutdown.load(Ordering::Acquire) {
                return None;
            }
            if self.held_p().is_none() {
                if !self.stopm() {
                    return None;
                }
                continue;
            }
            self.run_timers();
            let picked = {
                let mut st = seeded.lock();
                if let Some(p) = self.held_p() {
                    if let Some(g) = p.runnext.take() {
                        st.pool.push(g);
                    }
                }
                if let Some(h) = self.held.borrow().as_ref() {
                    while let Some(g) = h.local.pop() {
                        st.pool.push(g);
                    }
                }
                while let Some(g) = sh.global.pop() {
                    st.pool.push(g);
                }
                st.pick()
            };
            if let Some((g, slice)) = picked {
                sh.vclock.fetch_add(PICK_NS, Ordering::Relaxed);
                self.rng.reseed(slice.seed);
                self.seeded_slice.set(Some(slice));
                return Some(g);
            }
            let next_timer = sh.earliest_timer();
            if sh.exec.io_waiters() > 0 {
                // Waiting for the outside world: virtual time follows real
                // time until the I/O comes or the next timer is due, so an
                // I/O deadline expires no sooner than it would.
                let now = sh.now_ns();
                let gap =
                    next_timer.map(|t| std::time::Duration::from_nanos(t.saturating_sub(now)));
                let t0 = std::time::Instant::now();
                let ws = sh.exec.netpoll(gap);
                let waited = t0.elapsed().as_nanos().min(u128::from(u64::MAX / 4)) as u64;
                sh.vclock.fetch_add(waited, Ordering::Relaxed);
                if ws.is_empty() {
                    if let Some(t) = next_timer {
                        sh.vclock.fetch_max(t, Ordering::Relaxed);
                    }
                }
                sh.inject(ws);
                continue;
            }
            if let Some(t) = next_timer {
                sh.vclock.fetch_max(t, Ordering::Relaxed);
                continue;
            }
            // Nothing can ever run again unless something outside does it:
            // park (the last M to park runs checkdead).
            let p = self.releasep();
            {
                let mut sl = sh.lock.lock();
                sh.pidleput_locked(&mut sl, p);
            }
            if !self.stopm() {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse_and_print_back() {
        for s in [
            "random:0",
            "random:18446744073709551615",
            "pct:48213,3",
            "pct:7,1",
        ] {
            assert_eq!(SchedSpec::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(SchedSpec::parse("pct:5").unwrap().to_string(), "pct:5,3");
        for bad in [
            "",
            "random",
            "random:",
            "random:-1",
            "pct:1,0",
            "pct:1,65",
            "fifo:1",
            "pct:x,2",
        ] {
            assert!(SchedSpec::parse(bad).is_err(), "{bad}");
        }
    }
}
