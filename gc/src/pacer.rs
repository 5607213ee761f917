//! The GOGC pacer as a pure struct: observations in, heap goal and trigger
//! out (Go's `mgcpacer.go`, reduced to what a stop-the-world collector needs
//! plus the two numbers a concurrent one will add).
//!
//! # Policy
//! * Heap goal (Go's `heapGoal`): `marked × (1 + GOGC/100)`, where `marked`
//!   is the live heap found by the last mark, but never below
//!   `min_heap_bytes × GOGC/100` (Go's `heapMinimum`, 4 MiB at GOGC=100), so
//!   that tiny heaps do not collect constantly.
//! * GOGC < 0 ("off"): the goal is infinite; no cycle is ever triggered by
//!   allocation (an explicit `runtime.GC()` still runs).
//! * Trigger: for the stop-the-world collector the trigger *is* the goal,
//!   since a cycle finishes before the mutator allocates again. For the
//!   concurrent collector, [`Pacer::concurrent_trigger_bytes`] starts the
//!   cycle early, at a fraction of the runway between `marked` and the goal
//!   (between Go's bounds of 0.7 and 0.95), so that marking, which runs while
//!   the mutator allocates, ends near the goal.
//! * Assist (future, concurrent): [`Pacer::assist_work_per_byte`] is the scan
//!   work a goroutine owes per byte it allocates during mark: remaining scan
//!   work divided by remaining runway.
//!
//! Units are in the names: `_bytes`, `_per_byte`. No clocks, no atomics: the
//! heap owns one pacer under its GC lock and mirrors the trigger into an
//! atomic for the allocation fast path.

/// See the module docs.
#[derive(Clone, Debug, PartialEq)]
pub struct Pacer {
    gogc: i32,
    min_heap_bytes: u64,
    heap_marked_bytes: u64,
    goal_bytes: u64,
}

impl Pacer {
    /// Go's `defaultHeapMinimum`.
    pub const DEFAULT_MIN_HEAP_BYTES: u64 = 4 << 20;

    /// A pacer before the first cycle: the goal is the minimum heap.
    pub fn new(gogc: i32, min_heap_bytes: u64) -> Pacer {
        let mut p = Pacer {
            gogc,
            min_heap_bytes,
            heap_marked_bytes: 0,
            goal_bytes: 0,
        };
        p.recompute();
        p
    }

    fn recompute(&mut self) {
        if self.gogc < 0 {
            self.goal_bytes = u64::MAX;
            return;
        }
        let g = self.gogc as u128;
        let marked = self.heap_marked_bytes as u128;
        let goal = marked + marked * g / 100;
        let min = self.min_heap_bytes as u128 * g / 100;
        self.goal_bytes = goal.max(min).min(u64::MAX as u128) as u64;
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

    /// Record the end of a mark: `heap_marked_bytes` survived.
    pub fn end_cycle(&mut self, heap_marked_bytes: u64) {
        self.heap_marked_bytes = heap_marked_bytes;
        self.recompute();
    }

    /// Live heap found by the last mark.
    pub fn heap_marked_bytes(&self) -> u64 {
        self.heap_marked_bytes
    }

    /// The heap size the next cycle should end at (`u64::MAX` when off).
    pub fn goal_bytes(&self) -> u64 {
        self.goal_bytes
    }

    /// Trigger for a stop-the-world collector: the goal itself.
    pub fn trigger_bytes(&self) -> u64 {
        self.goal_bytes
    }

    /// Trigger for a concurrent collector: `marked + runway × fraction`, the
    /// fraction clamped to Go's bounds [0.7, 0.95].
    pub fn concurrent_trigger_bytes(&self, runway_fraction: f64) -> u64 {
        if self.goal_bytes == u64::MAX {
            return u64::MAX;
        }
        let f = runway_fraction.clamp(0.7, 0.95);
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
}
