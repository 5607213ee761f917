//! The GOGC pacer as a pure struct: observations in, heap goal, trigger
//! and assist ratio out (Go's `mgcpacer.go`).
//!
//! # Policy
//! * Heap goal (Go's `heapGoal`): `marked × (1 + GOGC/100)`, where `marked`
//!   is the live heap found by the last mark, but never below
//!   `min_heap_bytes × GOGC/100` (Go's `heapMinimum`, 4 MiB at GOGC=100), so
//!   that tiny heaps do not collect constantly.
//! * GOGC < 0 ("off"): the GOGC goal is infinite; no cycle is triggered by
//!   allocation unless a memory limit is set (an explicit `runtime.GC()`
//!   still runs).
//! * Soft memory limit (Go's `GOMEMLIMIT`, [`Pacer::set_memory_limit`]):
//!   the goal is also capped at `limit - non_heap_bytes` (memory the heap
//!   maps that is not heap objects: metadata, idle pages), but never below
//!   `marked`: a live heap above the limit makes the collector run back to
//!   back rather than fail (Go additionally caps GC CPU at 50% then; gol
//!   does not).
//! * Trigger, stop-the-world ([`Pacer::trigger_bytes`]): the goal itself,
//!   since a cycle finishes before the mutator allocates again.
//! * Trigger, concurrent ([`Pacer::mark_trigger_bytes`]): the cycle starts
//!   at a fraction of the runway between `marked` and the goal, kept in
//!   Go's bounds [0.7, 0.95], so that marking, which runs while mutators
//!   allocate, ends near the goal. The fraction is set by a feedback
//!   controller, the one Go used from 1.5 to 1.17 (`gcControllerState.
//!   endCycle`), written in units of the runway:
//!   ```text
//!   f  = trigger position       (trigger - marked) / runway
//!   a  = where the mark ended   (heap at mark end - marked) / runway
//!   u  = GC CPU utilisation during mark (background, idle, assist;
//!        Go leaves idle out, but gol's idle worker is a thread on a CPU
//!        of its own, see cycle.rs)
//!   e  = (1 - f) - (u / 0.25) × (a - f)
//!   f' = f + 0.5 × e
//!   ```
//!   A cycle that ended past the goal, or that needed more than the 25%
//!   CPU target (assists), moves the next trigger earlier; one that ended
//!   well before the goal moves it later. Go 1.18's cons/mark pacer was
//!   rejected: it needs per-cycle measurements of scan rates and stack
//!   sizes that the proportional controller does without, and gol's
//!   assists already bound the overshoot.
//! * Assist ratio ([`AssistPacing`], Go's `gcControllerState.revise`):
//!   scan work owed per byte allocated during mark = remaining expected
//!   scan work / remaining runway to the goal. The expected work is the
//!   scan work of the last cycle ([`Pacer::last_scan_work_bytes`]: heap
//!   objects, stacks and globals, as Go's `lastHeapScan + lastStackScan +
//!   globalsScan`), not grown with the heap since: objects allocated
//!   during mark are black and never scanned, so a steady live heap costs
//!   the same scan work every cycle, and an overestimate makes assists
//!   pay for work that does not exist (the mark then ends well short of
//!   the goal, with less of it done by the background workers). Before any
//!   cycle has measured its scan work, the marked heap stands in. If the
//!   mark has already done more than expected (the live heap grew), or
//!   the heap has passed the goal, the runway extends to the *hard goal*
//!   (1.1 × goal, as Go's `maxOvershoot`) and the remaining work is the
//!   worst case: everything live now that the mark has not scanned (Go
//!   takes its scannable heap; gol counts no such figure, and the whole
//!   live heap bounds it). Assists then grow heavy rather than let the
//!   heap run past the hard goal while the mark ends.
//!
//! Units are in the names: `_bytes`, `_per_byte`, `_ns`. No clocks, no
//! atomics: the heap owns one pacer under its GC lock and mirrors the
//! trigger into an atomic for the allocation fast path.

/// What one concurrent cycle measured, fed to [`Pacer::end_concurrent_cycle`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CycleObservation {
    /// Heap live when the cycle was triggered.
    pub heap_trigger_bytes: u64,
    /// Heap live when marking ended.
    pub heap_at_mark_end_bytes: u64,
    /// Bytes marked live.
    pub heap_marked_bytes: u64,
    /// Scan work the mark did.
    pub scan_work_bytes: u64,
    /// CPU time of mark assists.
    pub assist_cpu_ns: u64,
    /// CPU time of background (dedicated and fractional) mark workers.
    pub background_cpu_ns: u64,
    /// Wall time from the start of mark to mark termination.
    pub mark_wall_ns: u64,
    /// GOMAXPROCS during the cycle.
    pub procs: usize,
}

/// See the module docs.
#[derive(Clone, Debug, PartialEq)]
pub struct Pacer {
    gogc: i32,
    min_heap_bytes: u64,
    heap_marked_bytes: u64,
    goal_bytes: u64,
    memory_limit_bytes: u64,
    non_heap_bytes: u64,
    trigger_fraction: f64,
    last_scan_work_bytes: u64,
}

impl Pacer {
    /// Go's `defaultHeapMinimum`.
    pub const DEFAULT_MIN_HEAP_BYTES: u64 = 4 << 20;
    /// Target share of CPU for background marking (Go's
    /// `gcBackgroundUtilization`).
    pub const BACKGROUND_UTILIZATION: f64 = 0.25;
    /// Bounds of the trigger's position in the runway.
    pub const MIN_TRIGGER_FRACTION: f64 = 0.7;
    /// See [`Pacer::MIN_TRIGGER_FRACTION`].
    pub const MAX_TRIGGER_FRACTION: f64 = 0.95;
    /// Go's initial trigger ratio of 7/8 of GOGC.
    const INITIAL_TRIGGER_FRACTION: f64 = 0.875;

    /// A pacer before the first cycle: the goal is the minimum heap.
    pub fn new(gogc: i32, min_heap_bytes: u64) -> Pacer {
        let mut p = Pacer {
            gogc,
            min_heap_bytes,
            heap_marked_bytes: 0,
            goal_bytes: 0,
            memory_limit_bytes: u64::MAX,
            non_heap_bytes: 0,
            trigger_fraction: Self::INITIAL_TRIGGER_FRACTION,
            last_scan_work_bytes: 0,
        };
        p.recompute();
        p
    }

    fn recompute(&mut self) {
        let gogc_goal = if self.gogc < 0 {
            u64::MAX
        } else {
            let g = self.gogc as u128;
            let marked = self.heap_marked_bytes as u128;
            let goal = marked + marked * g / 100;
            let min = self.min_heap_bytes as u128 * g / 100;
            goal.max(min).min(u64::MAX as u128) as u64
        };
        let limit_goal = if self.memory_limit_bytes == u64::MAX {
            u64::MAX
        } else {
            self.memory_limit_bytes
                .saturating_sub(self.non_heap_bytes)
                .max(self.heap_marked_bytes)
        };
        self.goal_bytes = gogc_goal.min(limit_goal);
    }

    /// Set GOGC (negative: off); returns the previous value, as
    /// `debug.SetGCPercent` does.
    pub fn set_gogc(&mut self, gogc: i32) -> i32 {
        let old = self.gogc;
        self.gogc = gogc;
        self.recompute();
        old
    }

    /// Current GOGC (negative: off).
    pub fn gogc(&self) -> i32 {
        self.gogc
    }

    /// Set the soft memory limit (`u64::MAX`: none); returns the previous
    /// one, as `debug.SetMemoryLimit` does.
    pub fn set_memory_limit(&mut self, bytes: u64) -> u64 {
        let old = self.memory_limit_bytes;
        self.memory_limit_bytes = bytes;
        self.recompute();
        old
    }

    /// The soft memory limit (`u64::MAX`: none).
    pub fn memory_limit_bytes(&self) -> u64 {
        self.memory_limit_bytes
    }

    /// Tell the pacer how much mapped memory is not heap objects (for the
    /// memory limit).
    pub fn set_non_heap_bytes(&mut self, bytes: u64) {
        self.non_heap_bytes = bytes;
        self.recompute();
    }

    /// Record the scan work of a cycle that does not feed the trigger
    /// controller (a stop-the-world collection): the next mark's assists
    /// still expect that much.
    pub fn set_last_scan_work(&mut self, scan_work_bytes: u64) {
        self.last_scan_work_bytes = scan_work_bytes;
    }

    /// Record the end of a mark: `heap_marked_bytes` survived.
    pub fn end_cycle(&mut self, heap_marked_bytes: u64) {
        self.heap_marked_bytes = heap_marked_bytes;
        self.recompute();
    }

    /// Record the end of a concurrent cycle: adjust the trigger (module
    /// docs), then set the new goal from the marked heap.
    pub fn end_concurrent_cycle(&mut self, obs: &CycleObservation) {
        let runway = self.goal_bytes.saturating_sub(self.heap_marked_bytes);
        if self.goal_bytes != u64::MAX && runway > 0 {
            let r = runway as f64;
            let f = obs
                .heap_trigger_bytes
                .saturating_sub(self.heap_marked_bytes) as f64
                / r;
            let a = obs
                .heap_at_mark_end_bytes
                .saturating_sub(self.heap_marked_bytes) as f64
                / r;
            let cpu = (obs.mark_wall_ns as f64 * obs.procs.max(1) as f64).max(1.0);
            let u = (obs.assist_cpu_ns + obs.background_cpu_ns) as f64 / cpu;
            let e = (1.0 - f) - (u / Self::BACKGROUND_UTILIZATION) * (a - f);
            let next = f + 0.5 * e;
            if next.is_finite() {
                self.trigger_fraction =
                    next.clamp(Self::MIN_TRIGGER_FRACTION, Self::MAX_TRIGGER_FRACTION);
            }
        }
        self.last_scan_work_bytes = obs.scan_work_bytes;
        self.end_cycle(obs.heap_marked_bytes);
    }

    /// Live heap found by the last mark.
    pub fn heap_marked_bytes(&self) -> u64 {
        self.heap_marked_bytes
    }

    /// Scan work done by the last concurrent mark.
    pub fn last_scan_work_bytes(&self) -> u64 {
        self.last_scan_work_bytes
    }

    /// The heap size the next cycle should end at (`u64::MAX` when off).
    pub fn goal_bytes(&self) -> u64 {
        self.goal_bytes
    }

    /// Go's hard goal: where assists must have finished the mark even when
    /// the scan work was underestimated (1.1 × goal).
    pub fn hard_goal_bytes(&self) -> u64 {
        self.goal_bytes.saturating_add(self.goal_bytes / 10)
    }

    /// Trigger for a stop-the-world collector: the goal itself.
    pub fn trigger_bytes(&self) -> u64 {
        self.goal_bytes
    }

    /// The controller's trigger position in the runway (module docs).
    pub fn trigger_fraction(&self) -> f64 {
        self.trigger_fraction
    }

    /// Trigger for the concurrent collector: `concurrent_trigger_bytes` at
    /// the controller's fraction.
    pub fn mark_trigger_bytes(&self) -> u64 {
        self.concurrent_trigger_bytes(self.trigger_fraction)
    }

    /// Trigger for a concurrent collector: `marked + runway × fraction`, the
    /// fraction clamped to Go's bounds [0.7, 0.95].
    pub fn concurrent_trigger_bytes(&self, runway_fraction: f64) -> u64 {
        if self.goal_bytes == u64::MAX {
            return u64::MAX;
        }
        let f = runway_fraction.clamp(Self::MIN_TRIGGER_FRACTION, Self::MAX_TRIGGER_FRACTION);
        let runway = self.goal_bytes.saturating_sub(self.heap_marked_bytes);
        self.heap_marked_bytes + (runway as f64 * f) as u64
    }

    /// Whether a heap of `heap_live_bytes` should start a cycle.
    pub fn should_trigger(&self, heap_live_bytes: u64) -> bool {
        heap_live_bytes >= self.trigger_bytes()
    }

    /// Scan work owed per byte allocated during mark, given the live heap
    /// now and the scan work still expected. Never below zero; when the
    /// runway is used up, all remaining work is owed at once.
    pub fn assist_work_per_byte(
        &self,
        heap_live_bytes: u64,
        scan_work_remaining_bytes: u64,
    ) -> f64 {
        let runway = self.goal_bytes.saturating_sub(heap_live_bytes);
        if runway == 0 {
            return scan_work_remaining_bytes as f64;
        }
        scan_work_remaining_bytes as f64 / runway as f64
    }

    /// The assist ratio during a mark that has done `scan_work_done_bytes`
    /// with the heap at `heap_live_bytes` ([`Pacer::assist_pacing`]).
    pub fn mark_assist_ratio(&self, heap_live_bytes: u64, scan_work_done_bytes: u64) -> f64 {
        self.assist_pacing()
            .ratio(heap_live_bytes, scan_work_done_bytes)
    }

    /// The figures the assist ratio needs during the next mark (module
    /// docs), fixed when it starts.
    pub fn assist_pacing(&self) -> AssistPacing {
        let expected = if self.last_scan_work_bytes > 0 {
            self.last_scan_work_bytes
        } else {
            self.heap_marked_bytes
        };
        AssistPacing {
            goal_bytes: self.goal_bytes,
            hard_goal_bytes: self.hard_goal_bytes(),
            expected_work_bytes: expected,
        }
    }
}

/// What the assist ratio of one mark depends on besides the heap and the
/// work done ([`Pacer::assist_pacing`]): plain numbers, so that mark calls
/// can revise the ratio from atomics without the pacer's lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssistPacing {
    /// The heap goal (`u64::MAX`: none, no assists).
    pub goal_bytes: u64,
    /// 1.1 × the goal.
    pub hard_goal_bytes: u64,
    /// Scan work the mark is expected to do.
    pub expected_work_bytes: u64,
}

impl AssistPacing {
    /// No goal: assists owe nothing.
    pub const NONE: AssistPacing = AssistPacing {
        goal_bytes: u64::MAX,
        hard_goal_bytes: u64::MAX,
        expected_work_bytes: 0,
    };

    /// The remaining scan work is never taken to be less than this (Go
    /// takes 1000 bytes): the end of a mark always costs something.
    const MIN_REMAINING_WORK_BYTES: u64 = 4 << 10;
    /// Nor the runway shorter: past the goal, assists owe a fixed, large
    /// multiple of what they allocate rather than an infinite one.
    const MIN_RUNWAY_BYTES: u64 = 64 << 10;

    /// Scan work owed per byte allocated with the heap at
    /// `heap_live_bytes` after `scan_work_done_bytes` of marking (module
    /// docs: expected work, then the hard goal).
    pub fn ratio(&self, heap_live_bytes: u64, scan_work_done_bytes: u64) -> f64 {
        if self.goal_bytes == u64::MAX {
            return 0.0;
        }
        let done = scan_work_done_bytes;
        let (remaining, goal) =
            if done < self.expected_work_bytes && heap_live_bytes <= self.goal_bytes {
                (self.expected_work_bytes - done, self.goal_bytes)
            } else {
                // The worst case: everything live now may need scanning.
                (heap_live_bytes.saturating_sub(done), self.hard_goal_bytes)
            };
        let remaining = remaining.max(Self::MIN_REMAINING_WORK_BYTES);
        let runway = goal
            .saturating_sub(heap_live_bytes)
            .max(Self::MIN_RUNWAY_BYTES);
        remaining as f64 / runway as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1 << 20;

    /// Run an allocation scenario against the pacer: each step allocates
    /// `alloc` bytes; `live(step)` is the reachable heap. A cycle runs when
    /// the pacer says so and frees everything but the live set. Returns
    /// (cycles, peak heap, peak of heap/goal at the moment of trigger).
    fn simulate(
        p: &mut Pacer,
        steps: usize,
        alloc: u64,
        live: impl Fn(usize) -> u64,
    ) -> (usize, u64, f64) {
        let mut heap = 0u64;
        let mut cycles = 0;
        let mut peak = 0u64;
        let mut worst = 0f64;
        for t in 0..steps {
            heap = heap.max(live(t)) + alloc;
            peak = peak.max(heap);
            if p.should_trigger(heap) {
                // The first cycle starts from an arbitrary heap.
                if cycles > 0 {
                    worst = worst.max(heap as f64 / p.goal_bytes() as f64);
                }
                cycles += 1;
                heap = live(t);
                p.end_cycle(heap);
            }
        }
        (cycles, peak, worst)
    }

    #[test]
    fn goal_formula_and_minimum() {
        let mut p = Pacer::new(100, Pacer::DEFAULT_MIN_HEAP_BYTES);
        assert_eq!(p.goal_bytes(), 4 * MB);
        p.end_cycle(10 * MB);
        assert_eq!(p.goal_bytes(), 20 * MB);
        p.end_cycle(MB);
        assert_eq!(p.goal_bytes(), 4 * MB, "minimum heap");
        assert_eq!(p.set_gogc(50), 100);
        p.end_cycle(10 * MB);
        assert_eq!(p.goal_bytes(), 15 * MB);
        assert_eq!(p.set_gogc(-1), 50);
        assert!(!p.should_trigger(u64::MAX - 1));
        assert_eq!(p.concurrent_trigger_bytes(0.8), u64::MAX);
    }

    #[test]
    fn steady_state_band() {
        // 10 MB live, 1 MB per step, 2000 steps: each cycle allows ~10 MB of
        // growth, so about 200 cycles; the heap never passes goal + one step.
        let mut p = Pacer::new(100, Pacer::DEFAULT_MIN_HEAP_BYTES);
        let (cycles, peak, worst) = simulate(&mut p, 2000, MB, |_| 10 * MB);
        assert!((180..=220).contains(&cycles), "cycles {cycles}");
        assert!(peak <= 21 * MB, "peak {peak}");
        assert!(worst < 1.06, "worst {worst}");
    }

    #[test]
    fn step_change_in_live_heap() {
        // Live heap jumps from 8 MB to 64 MB at step 500: the goal follows
        // within one cycle and the heap stays within 2x live + one step.
        let mut p = Pacer::new(100, Pacer::DEFAULT_MIN_HEAP_BYTES);
        let live = |t: usize| if t < 500 { 8 * MB } else { 64 * MB };
        let (cycles, peak, _) = simulate(&mut p, 1500, MB, live);
        assert!(peak <= 2 * 64 * MB + MB, "peak {peak}");
        assert_eq!(p.heap_marked_bytes(), 64 * MB);
        assert_eq!(p.goal_bytes(), 128 * MB);
        // ~62 cycles before the step (8 MB runway), ~15 after (64 MB runway).
        assert!((60..=90).contains(&cycles), "cycles {cycles}");
    }

    #[test]
    fn oscillating_live_heap() {
        let mut p = Pacer::new(100, Pacer::DEFAULT_MIN_HEAP_BYTES);
        let live = |t: usize| if (t / 50) % 2 == 0 { 4 * MB } else { 32 * MB };
        let (cycles, peak, _) = simulate(&mut p, 2000, 2 * MB, live);
        assert!(peak <= 2 * 32 * MB + 2 * MB + 32 * MB, "peak {peak}");
        // Half the time the runway is 4 MB (a cycle every 2 steps), half
        // the time 32 MB (every 16 steps): at most ~560 cycles.
        assert!((300..=600).contains(&cycles), "cycles {cycles}");
        assert!(p.goal_bytes() >= 4 * MB);
    }

    #[test]
    fn gogc_scales_cycle_count() {
        let run = |gogc| {
            let mut p = Pacer::new(gogc, Pacer::DEFAULT_MIN_HEAP_BYTES);
            simulate(&mut p, 2000, MB, |_| 16 * MB).0
        };
        let (c50, c100, c400) = (run(50), run(100), run(400));
        assert!(c50 > c100 && c100 > c400, "{c50} {c100} {c400}");
        // Runway 8 MB vs 16 MB vs 64 MB: cycle counts in ratio ~ 8:4:1.
        let r = c50 as f64 / c400 as f64;
        assert!((6.0..10.0).contains(&r), "ratio {r}");
        let mut off = Pacer::new(-1, Pacer::DEFAULT_MIN_HEAP_BYTES);
        assert_eq!(simulate(&mut off, 100, MB, |_| MB).0, 0);
    }

    #[test]
    fn concurrent_trigger_and_assist() {
        let mut p = Pacer::new(100, Pacer::DEFAULT_MIN_HEAP_BYTES);
        p.end_cycle(100 * MB);
        let t = p.concurrent_trigger_bytes(0.0);
        assert_eq!(t, 170 * MB, "clamped to 0.7 of the runway");
        assert_eq!(p.concurrent_trigger_bytes(1.0), 195 * MB);
        // 50 MB of scan work left with 50 MB of runway: 1 byte per byte.
        assert!((p.assist_work_per_byte(150 * MB, 50 * MB) - 1.0).abs() < 1e-9);
        assert_eq!(p.assist_work_per_byte(300 * MB, 7), 7.0);
    }

    /// A concurrent-cycle scenario: marking takes `mark_ns_per_live_byte`
    /// × live of wall time at 25% utilisation, during which the mutator
    /// allocates `alloc_bytes_per_ns`. Returns heap-at-mark-end / goal for
    /// each cycle (no assists: the controller alone must place the
    /// trigger).
    fn simulate_concurrent(
        p: &mut Pacer,
        cycles: usize,
        live: u64,
        mark_ns_per_live_byte: f64,
        alloc_bytes_per_ns: f64,
    ) -> Vec<f64> {
        let mut out = Vec::new();
        for _ in 0..cycles {
            let goal = p.goal_bytes();
            let trigger = p.mark_trigger_bytes();
            let mark_ns = live as f64 * mark_ns_per_live_byte;
            let end = trigger + (mark_ns * alloc_bytes_per_ns) as u64;
            out.push(end as f64 / goal as f64);
            p.end_concurrent_cycle(&CycleObservation {
                heap_trigger_bytes: trigger,
                heap_at_mark_end_bytes: end,
                heap_marked_bytes: live,
                scan_work_bytes: live,
                assist_cpu_ns: 0,
                background_cpu_ns: (mark_ns * 0.25 * 4.0) as u64,
                mark_wall_ns: mark_ns as u64,
                procs: 4,
            });
        }
        out
    }

    #[test]
    fn controller_places_the_trigger_so_marking_ends_at_the_goal() {
        // Marking 64 MB takes 64 ms; the mutator allocates 0.2 B/ns, so a
        // mark eats 12.8 MB, 20% of the 64 MB runway: the ideal trigger
        // is at 0.8 of the runway. Starting at 0.875, the controller
        // converges to within a few percent of the goal.
        let mut p = Pacer::new(100, Pacer::DEFAULT_MIN_HEAP_BYTES);
        p.end_cycle(64 * MB);
        let r = simulate_concurrent(&mut p, 20, 64 * MB, 1.0, 0.2);
        assert!(r[0] > 1.03, "the initial trigger overshoots: {r:?}");
        for &x in &r[10..] {
            assert!((0.97..=1.03).contains(&x), "{x} ({r:?})");
        }
        assert!((p.trigger_fraction() - 0.8).abs() < 0.03);
        // A fast mark (a few percent of the runway): the trigger moves up
        // to its bound of 0.95, and the heap ends just under the goal.
        let r = simulate_concurrent(&mut p, 20, 64 * MB, 0.1, 0.02);
        assert!((p.trigger_fraction() - 0.95).abs() < 1e-9);
        assert!(r[19] <= 1.0 && r[19] > 0.95, "{r:?}");
        // A slow mark that would need a trigger below 0.7: clamped; the
        // overshoot is left to assists.
        simulate_concurrent(&mut p, 20, 64 * MB, 1.0, 0.6);
        assert!((p.trigger_fraction() - 0.7).abs() < 1e-9);
    }

    #[test]
    fn memory_limit_caps_the_goal() {
        let mut p = Pacer::new(100, Pacer::DEFAULT_MIN_HEAP_BYTES);
        p.end_cycle(100 * MB);
        assert_eq!(p.goal_bytes(), 200 * MB);
        assert_eq!(p.set_memory_limit(150 * MB), u64::MAX);
        p.set_non_heap_bytes(10 * MB);
        assert_eq!(p.goal_bytes(), 140 * MB);
        // GOGC off: the limit alone sets the goal.
        p.set_gogc(-1);
        assert_eq!(p.goal_bytes(), 140 * MB);
        assert!(p.mark_trigger_bytes() < 140 * MB);
        // Never below the live heap: collect back to back instead.
        p.end_cycle(145 * MB);
        assert_eq!(p.goal_bytes(), 145 * MB);
        p.set_memory_limit(u64::MAX);
        assert_eq!(p.goal_bytes(), u64::MAX);
    }

    #[test]
    fn assist_ratio_uses_expected_work_then_the_hard_goal() {
        let mut p = Pacer::new(100, Pacer::DEFAULT_MIN_HEAP_BYTES);
        // No scan work measured yet: the marked heap stands in.
        p.end_cycle(50 * MB);
        let r = p.mark_assist_ratio(90 * MB, 0);
        assert!((r - 50.0 / 10.0).abs() < 1e-9, "{r}");
        p.end_concurrent_cycle(&CycleObservation {
            heap_trigger_bytes: 0,
            heap_at_mark_end_bytes: 0,
            heap_marked_bytes: 50 * MB,
            scan_work_bytes: 40 * MB,
            procs: 1,
            ..CycleObservation::default()
        });
        // Expected work: the last cycle's scan work, however much the
        // heap has grown since (allocation during mark is black).
        let r = p.mark_assist_ratio(90 * MB, 0);
        assert!((r - 40.0 / 10.0).abs() < 1e-9, "{r}");
        let r = p.mark_assist_ratio(70 * MB, 10 * MB);
        assert!((r - 30.0 / 30.0).abs() < 1e-9, "{r}");
        // More work than expected: the unscanned live heap, to the hard
        // goal (110 MB).
        let r = p.mark_assist_ratio(90 * MB, 45 * MB);
        assert!((r - 45.0 / 20.0).abs() < 1e-9, "{r}");
        // Past the goal: the same, whatever the work done.
        let r = p.mark_assist_ratio(105 * MB, 0);
        assert!((r - 105.0 / 5.0).abs() < 1e-9, "{r}");
        // Past the hard goal: the runway is one 64 KiB step.
        let r = p.mark_assist_ratio(200 * MB, 190 * MB);
        assert!((r - (10 * MB) as f64 / (64 << 10) as f64).abs() < 1e-6);
        // Never less than 4 KiB of work left.
        let r = p.mark_assist_ratio(99 * MB, 40 * MB - 1);
        assert!((r - (4 << 10) as f64 / MB as f64).abs() < 1e-9, "{r}");
        // A stop-the-world cycle's scan work counts too.
        p.set_last_scan_work(20 * MB);
        let r = p.mark_assist_ratio(90 * MB, 0);
        assert!((r - 20.0 / 10.0).abs() < 1e-9, "{r}");
        // No goal, no assists.
        p.set_gogc(-1);
        assert_eq!(p.mark_assist_ratio(90 * MB, 0), 0.0);
        assert_eq!(AssistPacing::NONE.ratio(1, 0), 0.0);
    }
}
