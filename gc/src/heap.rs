//! The heap: the public face of the allocator and collector (Go's `malloc.go`
//! and the driver half of `mgc.go`). It ties the page heap, the central
//! lists, the caches, marking and sweeping together.
//!
//! # Allocation ([`Heap::alloc`])
//! * size 0: the address of a static zero-size base (Go's `zerobase`), never
//!   in the heap;
//! * up to 32 KiB: round up to a size class, take the next free slot of the
//!   cache's span for (class, noscan); when it is full, refill the cache from
//!   the central list (`refill` -> `cache_span`). Zero the slot if the span
//!   may hold stale bytes, write its pointer bits, and allocate it black
//!   while marking is in progress;
//! * larger: a span of its own straight from the page heap (sweeping first
//!   if garbage pages might be waiting: `reclaim`).
//!
//! The live heap grows a span at a time (a refill counts the span's free
//! slots as live at once, as Go does); during mark, each such step and each
//! large allocation revises the assist ratio (cycle.rs), as Go's
//! `gcControllerState.update` does.
//!
//! # Collection
//! Concurrent cycles are driven through cycle.rs ([`Heap::gc_start`],
//! [`Heap::mark_work`], [`Heap::mark_termination`]). [`Heap::collect`] is
//! the same cycle with the world stopped throughout: finish the sweep,
//! scavenge, start (roots shaded), drain everything, terminate (checkmark,
//! flush caches, flip `sweepgen`, feed the pacer). Sweeping then happens
//! lazily and in the background (`sweep.rs`).
//!
//! # Ownership of the fields
//! * `id`, `pages`' index, `centrals`, `start`: immutable after `new`;
//! * `centrals[i]`: each behind its own lock; `large`: behind its lock;
//! * `caches` (the registry): behind its lock; the slots of a cache only by
//!   its owner, or by the collector with the world stopped;
//! * `gc` ([`GcState`]: pacer, pause ring, cycle counts, the timings of
//!   the cycle in progress): behind its lock, which also serialises the
//!   stop-the-world steps of cycles;
//! * `work` (gcwork.rs) and `mark` (cycle.rs): their own locks and
//!   atomics, documented there;
//! * `concurrent`: written under `gc`, read `Relaxed`;
//! * `sweepgen`, `phase`: written only with the world stopped (by the
//!   collector holding `gc`), read anywhere: `sweepgen` with `Acquire`,
//!   pairing with its `Release` store in `collect`; `phase` `Relaxed`,
//!   because the caller's stop-the-world handshake orders it;
//! * `trigger_bytes`, `goal_bytes`: mirrors of the pacer written under `gc`,
//!   read `Relaxed` by `should_collect` (a stale value delays a cycle by one
//!   safepoint at most);
//! * counters in `stats`: `Relaxed` atomic adds; exact only when read with
//!   the world stopped after a flush (`read_mem_stats`).

use crate::cache::{Cache, CacheShared};
use crate::central::{Central, LargeLists};
use crate::cycle::{CycleClock, MarkCycle, MarkTermination};
use crate::gcwork::WorkQueues;
use crate::layout::Layout;
use crate::lock::{
    lock, Arc, AtomicBool, AtomicU32, AtomicU64, AtomicU8, AtomicUsize, Mutex, MutexGuard,
    Ordering::*,
};
use crate::mark::{HeapCensus, VerifyError};
use crate::pacer::Pacer;
use crate::pageheap::PageHeap;
use crate::sizeclasses::{
    CLASS_TO_ALLOC_NPAGES, LARGE_SIZE_DIV, MAX_SMALL_SIZE, PAGE_SIZE, SIZE_TO_CLASS128,
    SIZE_TO_CLASS8, SMALL_SIZE_DIV, SMALL_SIZE_MAX,
};
use crate::span::{SpanClass, SpanPtr, NUM_SPAN_CLASSES};
use crate::sweep::Swept;
use crate::{throw, Phase};
use std::time::{SystemTime, UNIX_EPOCH};

/// The root enumerator the VM passes to [`Heap::collect`]: called with a
/// sink, it feeds the sink every root word.
pub type Roots<'a> = dyn FnMut(&mut dyn FnMut(usize)) + 'a;

/// Heap configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// GOGC: percentage of heap growth over the live heap before the next
    /// cycle; negative means off. Default 100.
    pub gogc: i32,
    /// Minimum heap goal at GOGC=100 (Go: 4 MiB), scaled by GOGC.
    pub min_heap_bytes: u64,
    /// "Collect at every allocation": `should_collect` always answers true,
    /// so a VM that collects at its safepoints collects as often as it can.
    pub stress: bool,
    /// Verify the mark after every cycle (Go's `gccheckmark`): re-walk the
    /// roots and check the tri-color invariant; a failure is fatal.
    pub verify: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            gogc: 100,
            min_heap_bytes: Pacer::DEFAULT_MIN_HEAP_BYTES,
            stress: false,
            verify: false,
        }
    }
}

/// Memory statistics, named after the fields of Go's `runtime.MemStats`.
#[derive(Clone, Debug)]
pub struct MemStats {
    /// Bytes of allocated heap objects (same as `heap_alloc`).
    pub alloc: u64,
    /// Cumulative bytes allocated.
    pub total_alloc: u64,
    /// Bytes obtained from the OS (heap and metadata).
    pub sys: u64,
    /// Cumulative objects allocated.
    pub mallocs: u64,
    /// Cumulative objects freed.
    pub frees: u64,
    /// Bytes of allocated heap objects (swept-away objects excluded;
    /// unreachable objects not yet swept included, as in Go).
    pub heap_alloc: u64,
    /// Bytes of heap memory mapped from the OS.
    pub heap_sys: u64,
    /// Bytes in free pages.
    pub heap_idle: u64,
    /// Bytes in in-use spans.
    pub heap_inuse: u64,
    /// Bytes of free pages returned to the OS.
    pub heap_released: u64,
    /// Allocated objects.
    pub heap_objects: u64,
    /// Heap goal of the next cycle (`u64::MAX` when GOGC is off).
    pub next_gc: u64,
    /// Unix time of the end of the last cycle, in ns (0: none yet).
    pub last_gc: u64,
    /// Total stop-the-world pause, in ns.
    pub pause_total_ns: u64,
    /// Recent pauses, in ns; the most recent is `pause_ns[(num_gc+255)%256]`.
    pub pause_ns: [u64; 256],
    /// Unix end times of recent pauses, in ns, indexed like `pause_ns`.
    pub pause_end: [u64; 256],
    /// Completed cycles.
    pub num_gc: u32,
    /// Bytes of heap metadata (span structs, page maps).
    pub gc_sys: u64,
}

/// What one collection did, for `GODEBUG=gctrace=1`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CycleStats {
    /// Cycle number, from 1.
    pub cycle: u32,
    /// Heap live estimate when the cycle started.
    pub heap_live_before_bytes: u64,
    /// Heap live estimate when marking ended.
    pub heap_at_mark_end_bytes: u64,
    /// Bytes marked (live heap after the cycle).
    pub heap_marked_bytes: u64,
    /// Objects marked.
    pub marked_objects: u64,
    /// Bytes of objects scanned for pointers.
    pub scanned_bytes: u64,
    /// The heap goal this cycle worked towards (set when the previous
    /// cycle ended; gctrace reports it, as Go does).
    pub goal_bytes: u64,
    /// Duration of the stop-the-world pause, in ns.
    pub pause_ns: u64,
    /// Bytes returned to the OS during the cycle.
    pub released_bytes: u64,
    /// Wall time of the sweep-termination pause, in ns.
    pub sweep_term_ns: u64,
    /// Wall time of concurrent mark, in ns.
    pub mark_ns: u64,
    /// Wall time of the mark-termination pause(s), in ns.
    pub mark_term_ns: u64,
    /// CPU time of mark assists, in ns.
    pub assist_cpu_ns: u64,
    /// CPU time of dedicated and fractional mark workers, in ns.
    pub background_cpu_ns: u64,
    /// CPU time of idle-P marking, in ns.
    pub idle_cpu_ns: u64,
    /// Bytes of goroutine stacks scanned.
    pub stack_bytes: u64,
    /// GOMAXPROCS during the cycle.
    pub procs: usize,
}

impl CycleStats {
    /// The cycle as one `GODEBUG=gctrace=1` line, in Go's format:
    /// `gc N @Ts P%: a+b+c ms clock, d+e/f/g+h ms cpu, X->Y->Z MB, G MB
    /// goal, S MB stacks, 0 MB globals, N P`. Clock: sweep termination,
    /// concurrent mark, mark termination. CPU: the two pauses times the Ps,
    /// and assist / background / idle marking. X->Y->Z: heap live at the
    /// start, at the end of mark, and marked live. `since_start_ns` is the
    /// program's age, `cpu_percent` the share of CPU spent in GC so far
    /// (the VM measures both), `procs` GOMAXPROCS; `forced` marks a
    /// `runtime.GC()` call.
    pub fn gctrace_line(
        &self,
        since_start_ns: u64,
        cpu_percent: u64,
        procs: usize,
        forced: bool,
    ) -> String {
        let ms = |ns: u64| ns as f64 / 1e6;
        let mb = |b: u64| b >> 20;
        let goal = if self.goal_bytes == u64::MAX {
            "off".to_string()
        } else {
            mb(self.goal_bytes).to_string()
        };
        let p = procs as f64;
        format!(
            "gc {} @{:.3}s {}%: {}+{}+{} ms clock, {}+{}/{}/{}+{} ms cpu, {}->{}->{} MB, {} MB goal, {} MB stacks, 0 MB globals, {} P{}",
            self.cycle,
            since_start_ns as f64 / 1e9,
            cpu_percent,
            trace_ms(ms(self.sweep_term_ns)),
            trace_ms(ms(self.mark_ns)),
            trace_ms(ms(self.mark_term_ns)),
            trace_ms(ms(self.sweep_term_ns) * p),
            trace_ms(ms(self.assist_cpu_ns)),
            trace_ms(ms(self.background_cpu_ns)),
            trace_ms(ms(self.idle_cpu_ns)),
            trace_ms(ms(self.mark_term_ns) * p),
            mb(self.heap_live_before_bytes),
            mb(self.heap_at_mark_end_bytes),
            mb(self.heap_marked_bytes),
            goal,
            mb(self.stack_bytes),
            procs,
            if forced { " (forced)" } else { "" },
        )
    }
}

/// Go's gctrace number format: two significant digits below 10 ms, whole
/// numbers above (`0.018`, `1.2`, `15`).
fn trace_ms(v: f64) -> String {
    if v >= 10.0 {
        format!("{v:.0}")
    } else if v >= 1.0 {
        format!("{v:.1}")
    } else if v >= 0.1 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

/// An allocated object found by address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ObjectInfo {
    /// Address of its first byte.
    pub base: usize,
    /// Its size-class size (at least the requested size).
    pub size: usize,
    /// Whether it was allocated without pointers.
    pub noscan: bool,
}

/// Event counters; `Relaxed` adds (see the module docs).
#[derive(Default)]
pub(crate) struct Counters {
    pub(crate) mallocs: AtomicU64,
    pub(crate) frees: AtomicU64,
    pub(crate) total_alloc_bytes: AtomicU64,
    pub(crate) freed_bytes: AtomicU64,
    /// Pacer input: marked bytes at the last mark plus spans handed to
    /// caches and large objects since.
    pub(crate) heap_live_bytes: AtomicU64,
}

/// State behind the GC lock.
pub(crate) struct GcState {
    pub(crate) pacer: Pacer,
    pause_ns: [u64; 256],
    pause_end: [u64; 256],
    pause_total_ns: u64,
    pub(crate) num_gc: u32,
    last_gc_unix_ns: u64,
    /// Timings of the cycle in progress (cycle.rs).
    pub(crate) clock: CycleClock,
    /// Stop-the-world time of the cycle in progress so far.
    pub(crate) cycle_pause_ns: u64,
}

static NEXT_HEAP_ID: AtomicU64 = AtomicU64::new(1);
/// Go's `zerobase`: the address of every zero-size allocation.
static ZERO_BASE: AtomicU64 = AtomicU64::new(0);

/// A garbage-collected heap. `Sync`: share it (e.g. in an `Arc`) among the
/// threads that allocate, each with its own [`Cache`].
pub struct Heap {
    id: u64,
    pub(crate) pages: PageHeap,
    pub(crate) centrals: Box<[Central]>,
    large: Mutex<LargeLists>,
    pub(crate) sweepgen: AtomicU32,
    pub(crate) sweep_cursor: AtomicUsize,
    pub(crate) sweep_drained: AtomicBool,
    phase: AtomicU8,
    caches: Mutex<Vec<Arc<CacheShared>>>,
    pub(crate) stats: Counters,
    gc: Mutex<GcState>,
    trigger_bytes: AtomicU64,
    goal_bytes: AtomicU64,
    stress: AtomicBool,
    pub(crate) verify: AtomicBool,
    /// Set once the VM drives concurrent cycles (`gc_start`): the trigger
    /// then comes before the goal. Written under `gc`, read `Relaxed`.
    pub(crate) concurrent: AtomicBool,
    /// The global grey lists (gcwork.rs).
    pub(crate) work: WorkQueues,
    /// The mark in progress (cycle.rs).
    pub(crate) mark: MarkCycle,
    /// Objects with finalizers, and those found unreachable (mfinal.rs).
    pub(crate) finalizers: crate::mfinal::Finalizers,
}

/// Class of a small request (`0 < size <= MAX_SMALL_SIZE`).
#[inline]
pub(crate) fn size_to_class(size: usize) -> usize {
    if size <= SMALL_SIZE_MAX {
        SIZE_TO_CLASS8[size.div_ceil(SMALL_SIZE_DIV)] as usize
    } else {
        SIZE_TO_CLASS128[(size - SMALL_SIZE_MAX).div_ceil(LARGE_SIZE_DIV)] as usize
    }
}

fn unix_ns() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

impl Heap {
    /// A new, empty heap. Maps nothing but the arena index (32 MiB of
    /// address space, committed on touch); throws if even that fails.
    pub fn new(config: Config) -> Heap {
        let Some(pages) = PageHeap::new() else {
            throw("runtime: cannot reserve arena index");
        };
        let pacer = Pacer::new(config.gogc, config.min_heap_bytes);
        Heap {
            id: NEXT_HEAP_ID.fetch_add(1, Relaxed),
            pages,
            centrals: (0..NUM_SPAN_CLASSES).map(|_| Central::default()).collect(),
            large: Mutex::new(LargeLists::default()),
            // Start above 2 so `sweepgen - 2` never wraps in practice.
            sweepgen: AtomicU32::new(4),
            sweep_cursor: AtomicUsize::new(0),
            sweep_drained: AtomicBool::new(true),
            phase: AtomicU8::new(Phase::Off as u8),
            caches: Mutex::new(Vec::new()),
            stats: Counters::default(),
            trigger_bytes: AtomicU64::new(pacer.trigger_bytes()),
            goal_bytes: AtomicU64::new(pacer.goal_bytes()),
            gc: Mutex::new(GcState {
                pacer,
                pause_ns: [0; 256],
                pause_end: [0; 256],
                pause_total_ns: 0,
                num_gc: 0,
                last_gc_unix_ns: 0,
                clock: CycleClock::default(),
                cycle_pause_ns: 0,
            }),
            stress: AtomicBool::new(config.stress),
            verify: AtomicBool::new(config.verify),
            concurrent: AtomicBool::new(false),
            work: WorkQueues::default(),
            mark: MarkCycle::default(),
            finalizers: Default::default(),
        }
    }

    pub(crate) fn large_lock(&self) -> MutexGuard<'_, LargeLists> {
        lock(&self.large)
    }

    /// A new allocation cache for one P.
    pub fn new_cache(&self) -> Cache {
        let shared = Arc::new(CacheShared::new(self.id));
        lock(&self.caches).push(shared.clone());
        Cache { shared }
    }

    /// Return a cache's spans to the central lists now and forget it.
    pub fn release_cache(&self, cache: Cache) {
        self.check_cache(&cache);
        // SAFETY: we own the cache (by value), so no allocation uses it.
        let slots = unsafe { cache.shared.slots() };
        self.flush_slots(slots);
        lock(&self.caches).retain(|c| !Arc::ptr_eq(c, &cache.shared));
    }

    #[inline]
    fn check_cache(&self, cache: &Cache) {
        if cache.shared.heap_id != self.id {
            throw("gc: allocation cache used with a heap it does not belong to");
        }
    }

    /// The current GC phase.
    #[inline]
    pub fn phase(&self) -> Phase {
        Phase::from_u8(self.phase.load(Relaxed))
    }

    pub(crate) fn gc_lock(&self) -> MutexGuard<'_, GcState> {
        lock(&self.gc)
    }

    pub(crate) fn set_phase(&self, p: Phase) {
        self.phase.store(p as u8, Relaxed);
    }

    #[cfg(test)]
    pub(crate) fn set_phase_for_test(&self, p: Phase) {
        self.set_phase(p);
    }

    pub(crate) fn check_cache_pub(&self, cache: &Cache) {
        self.check_cache(cache);
    }

    /// Allocate `size` zeroed bytes described by `layout`. The result is
    /// 8-aligned, and aligned to the largest power of two dividing its size
    /// class (so 16-aligned for every class of 16 bytes or more except the
    /// 24-byte class, as in Go). Size 0 returns one shared non-heap
    /// address. Throws (fatal error) when the OS refuses memory.
    #[inline]
    pub fn alloc(&self, cache: &mut Cache, size: usize, layout: Layout<'_>) -> *mut u8 {
        self.check_cache(cache);
        if size == 0 {
            return ZERO_BASE.as_ptr() as *mut u8;
        }
        if size > MAX_SMALL_SIZE {
            return self.alloc_large(size, layout);
        }
        let noscan = layout.is_noscan();
        let spc = SpanClass::new(size_to_class(size), noscan);
        // SAFETY: `&mut Cache` makes us its owner; the collector touches the
        // slots only with the world stopped.
        let slots = unsafe { cache.shared.slots() };
        let (sp, idx) = loop {
            if let Some(sp) = slots.spans[spc.index()] {
                // SAFETY: a cached span is owned by this cache, and span
                // structs live as long as the heap.
                if let Some(idx) = unsafe { sp.get().next_free() } {
                    break (sp, idx);
                }
            }
            self.refill(slots, spc);
        };
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        let addr = s.obj_base(idx);
        // SAFETY: the cache owns the span.
        if unsafe { s.alloc_state() }.needzero {
            // SAFETY: the slot [addr, addr+elem_size) is inside the span's
            // mapped pages and was free until `next_free` took it.
            unsafe { std::ptr::write_bytes(addr as *mut u8, 0, s.elem_size()) };
        }
        if !noscan {
            // SAFETY: owner of the span; slot `idx` was just allocated.
            unsafe { s.set_ptr_bits(idx, size, layout) };
        }
        if self.phase().allocate_black() && s.mark(idx) {
            slots.black_alloc.0 += 1;
            slots.black_alloc.1 += s.elem_size() as u64;
        }
        addr as *mut u8
    }

    #[cold]
    fn alloc_large(&self, size: usize, layout: Layout<'_>) -> *mut u8 {
        if size >= crate::MAX_ALLOC {
            // No address space can hold it: Go's runtime says so (its
            // reservation fails) before the fatal error.
            let ask = size.div_ceil(PAGE_SIZE) * PAGE_SIZE;
            let in_use = self.pages.stats().inuse;
            eprintln!("runtime: out of memory: cannot allocate {ask}-byte block ({in_use} in use)");
            throw("runtime: out of memory");
        }
        let npages = size.div_ceil(PAGE_SIZE);
        let noscan = layout.is_noscan();
        let sg = self.sweepgen.load(Acquire);
        self.reclaim(npages);
        let Some(sp) = self
            .pages
            .alloc_span(npages, SpanClass::new(0, noscan), layout, size, sg)
        else {
            throw("runtime: out of memory");
        };
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        // SAFETY: the span is fresh: we own it until it goes on a list.
        let needzero = unsafe { s.alloc_state() }.needzero;
        if needzero {
            // SAFETY: [start, start+size) lies inside the span's pages.
            unsafe { std::ptr::write_bytes(s.start() as *mut u8, 0, size) };
        }
        // SAFETY: owner, as above.
        unsafe { s.set_allocated(0) };
        let bytes = s.bytes() as u64;
        if self.phase().allocate_black() && s.mark(0) {
            self.mark.objects_marked.fetch_add(1, Relaxed);
            self.mark.bytes_marked.fetch_add(bytes, Relaxed);
        }
        self.stats.mallocs.fetch_add(1, Relaxed);
        self.stats.total_alloc_bytes.fetch_add(bytes, Relaxed);
        self.stats.heap_live_bytes.fetch_add(bytes, Relaxed);
        if self.phase() == Phase::Mark {
            self.revise_assist_ratio();
        }
        self.large_lock().push_swept(sg, sp);
        s.start() as *mut u8
    }

    /// Replace the cache's span of class `spc` with one that has a free slot.
    #[cold]
    fn refill(&self, slots: &mut crate::cache::Slots, spc: SpanClass) {
        let i = spc.index();
        let sg = self.sweepgen.load(Acquire);
        if let Some(old) = slots.spans[i].take() {
            self.uncache(old, slots.taken[i], sg);
        }
        let sp = self.cache_span(spc, sg);
        // SAFETY: span structs live as long as the heap; we own `sp` now.
        let s = unsafe { sp.get() };
        // Swept and cached (sweep.rs); we own it, so Relaxed.
        s.sweepgen.store(sg.wrapping_add(3), Relaxed);
        // SAFETY: owner.
        let count = unsafe { s.alloc_state() }.alloc_count;
        slots.taken[i] = count;
        slots.spans[i] = Some(sp);
        let free = ((s.nelems() - count) * s.elem_size()) as u64;
        self.stats.heap_live_bytes.fetch_add(free, Relaxed);
        // The live heap grew: assists owe at the rate for the heap now
        // (cycle.rs, `revise_assist_ratio`).
        if self.phase() == Phase::Mark {
            self.revise_assist_ratio();
        }
    }

    /// Give a cached span back to its central list.
    fn uncache(&self, sp: SpanPtr, taken: usize, sg: u32) {
        // SAFETY: span structs live as long as the heap; the cache owned it.
        let s = unsafe { sp.get() };
        // SAFETY: owner.
        let count = unsafe { s.alloc_state() }.alloc_count;
        let n = count.saturating_sub(taken) as u64;
        let elem = s.elem_size() as u64;
        self.stats.mallocs.fetch_add(n, Relaxed);
        self.stats.total_alloc_bytes.fetch_add(n * elem, Relaxed);
        let unused = (s.nelems() - count) as u64 * elem;
        let _ = self
            .stats
            .heap_live_bytes
            .fetch_update(Relaxed, Relaxed, |v| Some(v.saturating_sub(unused)));
        if s.sweepgen.load(Relaxed) == sg.wrapping_add(1) {
            // Cached before the last flip: it needs sweeping now.
            s.sweepgen.store(sg.wrapping_sub(1), Relaxed);
            self.sweep_span(sp, sg, false);
        } else {
            // Release pairs with the Acquire of the next owner.
            s.sweepgen.store(sg, Release);
            self.centrals[s.span_class().index()]
                .lock()
                .push_swept(sg, sp, count < s.nelems());
        }
    }

    /// A span of class `spc` with a free slot, owned by the caller (central.rs).
    fn cache_span(&self, spc: SpanClass, sg: u32) -> SpanPtr {
        let c = &self.centrals[spc.index()];
        let mut tries = 0;
        loop {
            let popped = {
                let mut l = c.lock();
                if let Some(sp) = l.pop_partial_swept(sg) {
                    Some((sp, false))
                } else if let Some(sp) = l.pop_partial_unswept(sg) {
                    Some((sp, true))
                } else if tries < 100 {
                    l.pop_full_unswept(sg).map(|sp| (sp, true))
                } else {
                    None
                }
            };
            let Some((sp, unswept)) = popped else { break };
            if !unswept {
                return sp;
            }
            tries += 1;
            self.claim_for_sweep(sp, sg);
            match self.sweep_span(sp, sg, true) {
                Swept::Kept { has_free: true } => return sp,
                _ => c.lock().push_swept(sg, sp, false),
            }
        }
        let class = spc.size_class();
        let npages = CLASS_TO_ALLOC_NPAGES[class] as usize;
        self.reclaim(npages);
        match self.pages.alloc_span(npages, spc, Layout::NOSCAN, 0, sg) {
            Some(sp) => sp,
            None => throw("runtime: out of memory"),
        }
    }

    /// Return every registered cache's spans and forget dropped caches.
    ///
    /// # Safety
    /// The world is stopped: no cache of this heap is in use.
    pub(crate) unsafe fn flush_all_caches(&self) {
        let mut reg = lock(&self.caches);
        for c in reg.iter() {
            // SAFETY: world stopped, by the caller's promise.
            let slots = unsafe { c.slots() };
            self.flush_slots(slots);
        }
        // Acquire pairs with the Release in `Cache::drop`.
        reg.retain(|c| !c.dropped.load(Acquire));
    }

    /// Call `f` on the slots of every registered cache.
    ///
    /// # Safety
    /// The world is stopped: no cache of this heap is in use.
    pub(crate) unsafe fn for_each_cache_slots(&self, mut f: impl FnMut(&mut crate::cache::Slots)) {
        let reg = lock(&self.caches);
        for c in reg.iter() {
            // SAFETY: world stopped, by the caller's promise.
            f(unsafe { c.slots() });
        }
    }

    fn flush_slots(&self, slots: &mut crate::cache::Slots) {
        // Grey objects and mark counters first: a released cache must not
        // take barrier-shaded objects with it.
        self.flush_wbuf(slots);
        // The tiny block lives in a span about to be returned (and maybe
        // swept): forget it (Go's `releaseAll`).
        slots.tiny = 0;
        slots.tiny_offset = 0;
        let t = std::mem::take(&mut slots.tiny_allocs);
        if t > 0 {
            // Each combined allocation counts as a malloc and a free: the
            // block is the object the heap frees (tiny.rs).
            self.stats.mallocs.fetch_add(t, Relaxed);
            self.stats.frees.fetch_add(t, Relaxed);
        }
        let sg = self.sweepgen.load(Acquire);
        for i in 0..NUM_SPAN_CLASSES {
            if let Some(sp) = slots.spans[i].take() {
                self.uncache(sp, slots.taken[i], sg);
            }
        }
    }

    /// Whether the VM should collect at this safepoint: the live heap
    /// reached the pacer's trigger, or stress mode is on (unless GOGC is
    /// off: then only an explicit collection runs, stress or not).
    #[inline]
    pub fn should_collect(&self) -> bool {
        self.phase() == Phase::Off
            && ((self.stress.load(Relaxed) && self.goal_bytes.load(Relaxed) != u64::MAX)
                || self.past_trigger())
    }

    /// Whether allocation has reached the pacer's trigger (whatever the
    /// stress mode says): the VM uses it to end an interpreter slice early,
    /// so a collection starts near the trigger rather than a slice later.
    #[inline]
    pub fn past_trigger(&self) -> bool {
        self.stats.heap_live_bytes.load(Relaxed) >= self.trigger_bytes.load(Relaxed)
    }

    /// Turn "collect at every allocation" mode on or off.
    pub fn set_stress(&self, on: bool) {
        self.stress.store(on, Relaxed);
    }

    /// Turn mark verification (checkmark) on or off.
    pub fn set_verify(&self, on: bool) {
        self.verify.store(on, Relaxed);
    }

    /// Whether mark verification (checkmark) is on: mark termination then
    /// reads every root.
    pub fn verifying(&self) -> bool {
        self.verify.load(Relaxed)
    }

    /// Whether `word` points into an allocated object that is not marked:
    /// what the checkmark rejects in a root. Read with the world stopped
    /// after the mark (a caller feeding the checkmark's roots names the
    /// root that will fail before it fails).
    pub fn points_to_white(&self, word: usize) -> bool {
        self.find_object(word).is_some_and(|(sp, idx)| {
            // SAFETY: span structs live as long as the heap.
            !unsafe { sp.get() }.is_marked(idx)
        })
    }

    /// Set GOGC (negative: off); returns the previous value.
    pub fn set_gogc(&self, gogc: i32) -> i32 {
        let mut gc = lock(&self.gc);
        let old = gc.pacer.set_gogc(gogc);
        self.publish_pacer(&gc.pacer);
        old
    }

    /// Declare that the VM drives concurrent cycles ([`Heap::gc_start`]):
    /// [`Heap::should_collect`] then fires at the pacer's concurrent
    /// trigger, before the goal, from the first cycle on (the first
    /// `gc_start` turns this on by itself).
    pub fn set_concurrent(&self, on: bool) {
        let gc = lock(&self.gc);
        self.concurrent.store(on, Relaxed);
        self.publish_pacer(&gc.pacer);
    }

    /// A heap address as it would read with the arenas mapped in order
    /// from Go's heap base 0xc000000000 (the same in runs that allocate
    /// alike, unlike the OS's addresses); None outside the heap.
    pub fn stable_addr(&self, addr: u64) -> Option<u64> {
        self.pages.stable_addr(addr as usize)
    }

    /// Whether the VM drives concurrent cycles ([`Heap::set_concurrent`]);
    /// false: it collects with the world stopped.
    pub fn is_concurrent(&self) -> bool {
        self.concurrent.load(Relaxed)
    }

    /// Set the soft memory limit in bytes (`u64::MAX`: none, the
    /// default); returns the previous one (Go's `debug.SetMemoryLimit`).
    pub fn set_memory_limit(&self, bytes: u64) -> u64 {
        let mut gc = lock(&self.gc);
        gc.pacer.set_non_heap_bytes(self.non_heap_bytes());
        let old = gc.pacer.set_memory_limit(bytes);
        self.publish_pacer(&gc.pacer);
        old
    }

    /// The soft memory limit in bytes (`u64::MAX`: none).
    pub fn memory_limit(&self) -> u64 {
        lock(&self.gc).pacer.memory_limit_bytes()
    }

    /// Memory the heap holds from the OS that is not in in-use spans:
    /// metadata and free pages not yet released (for the memory limit).
    pub(crate) fn non_heap_bytes(&self) -> u64 {
        let p = self.pages.stats();
        (p.mapped.saturating_sub(p.released) + p.metadata).saturating_sub(p.inuse)
    }

    pub(crate) fn publish_pacer(&self, p: &Pacer) {
        let trigger = if self.concurrent.load(Relaxed) {
            p.mark_trigger_bytes()
        } else {
            p.trigger_bytes()
        };
        self.trigger_bytes.store(trigger, Relaxed);
        self.goal_bytes.store(p.goal_bytes(), Relaxed);
    }

    /// Run a full stop-the-world collection. `roots` is called once (twice
    /// with verification on) with a callback to which the VM passes every
    /// root word: stack slots, globals, registers, anything that may hold a
    /// heap address. Root words are checked, not trusted (see mark.rs). The
    /// callback must not call into the heap (the GC lock is held).
    ///
    /// # Safety
    /// 1. The world is stopped: until this returns, no other thread uses any
    ///    cache of this heap, reads or writes heap objects, or calls a
    ///    method of this heap other than `stats`, `should_collect`, `phase`,
    ///    `goal_bytes`, `heap_live_bytes` and `object_containing`
    ///    (in particular no background sweeper runs).
    /// 2. Every pointer into the heap that the VM will use again is either
    ///    a root word passed to the callback or a word of a reachable
    ///    object whose layout marks it as a pointer; objects reached by
    ///    neither are freed, and their memory reused.
    pub unsafe fn collect(&self, roots: &mut Roots<'_>) -> CycleStats {
        if self.phase() != Phase::Off {
            throw("gc: collect while a concurrent cycle is in progress");
        }
        let was_concurrent = self.concurrent.load(Relaxed);
        // SAFETY: the world is stopped (caller's promise 1) and no cycle
        // runs (checked above); there are no stack jobs, so the roots
        // callback covers every root. `gc_start` finishes the sweep.
        unsafe { self.gc_start(roots, 0, 1) };
        self.concurrent.store(was_concurrent, Relaxed);
        // Return free pages now, when sweeping has freed the most; the
        // time counts as part of the pause.
        let released = {
            let mut gc = lock(&self.gc);
            let t = std::time::Instant::now();
            let r = self.scavenge_with(&gc.pacer);
            let ns = t.elapsed().as_nanos() as u64;
            gc.cycle_pause_ns += ns;
            gc.clock.sweep_term_ns += ns;
            r
        };
        loop {
            // SAFETY: world stopped; an unbounded drain finishes the mark,
            // so this is `Done` the first time.
            match unsafe { self.mark_termination_with(roots, u64::MAX, true) } {
                MarkTermination::Done(mut s) => {
                    // The "concurrent" mark ran with the world stopped:
                    // it is part of the pause.
                    let mark = std::mem::take(&mut s.mark_ns);
                    s.released_bytes = released;
                    s.mark_term_ns += mark;
                    s.pause_ns += mark;
                    let mut gc = lock(&self.gc);
                    let last = (gc.num_gc.wrapping_sub(1) % 256) as usize;
                    gc.pause_ns[last] += mark;
                    gc.pause_total_ns += mark;
                    return s;
                }
                MarkTermination::Resume => continue,
            }
        }
    }

    /// Record a finished cycle's pause.
    pub(crate) fn record_cycle(&self, gc: &mut GcState, pause: u64) {
        let slot = (gc.num_gc % 256) as usize;
        let now = unix_ns();
        gc.pause_ns[slot] = pause;
        gc.pause_end[slot] = now;
        gc.pause_total_ns += pause;
        gc.num_gc += 1;
        gc.last_gc_unix_ns = now;
        gc.cycle_pause_ns = 0;
    }

    /// Checkmark: every marked object points only to marked objects, and
    /// every root that points to an allocated object found it marked.
    #[cfg(test)]
    pub(crate) fn verify_marks(&self, roots: &mut Roots<'_>) -> Result<HeapCensus, VerifyError> {
        let census = self.check_graph(
            // SAFETY: span structs live as long as the heap.
            &|sp, idx| unsafe { sp.get() }.is_marked(idx),
            true,
        )?;
        let mut bad = None;
        roots(&mut |w| {
            if let Some((sp, idx)) = self.find_object(w) {
                // SAFETY: span structs live as long as the heap.
                if !unsafe { sp.get() }.is_marked(idx) && bad.is_none() {
                    bad = Some(VerifyError::UnmarkedRoot { root: w });
                }
            }
        });
        match bad {
            Some(e) => Err(e),
            None => Ok(census),
        }
    }

    /// Check the whole heap: every live object's pointer words point to
    /// live objects or outside the heap. Returns the census of live
    /// objects. Live means allocated, in a swept span, or marked, in a span
    /// not swept yet since the last mark.
    ///
    /// # Safety
    /// The world is stopped (as for [`Heap::collect`]).
    pub unsafe fn verify_heap(&self) -> Result<HeapCensus, VerifyError> {
        let _gc = lock(&self.gc);
        // SAFETY: world stopped (caller's promise).
        unsafe { self.flush_all_caches() };
        let sg = self.sweepgen.load(Acquire);
        self.check_graph(
            &|sp, idx| {
                // SAFETY: span structs live as long as the heap.
                let s = unsafe { sp.get() };
                if s.sweepgen.load(Acquire) == sg.wrapping_sub(2) {
                    s.is_marked(idx)
                } else {
                    true
                }
            },
            false,
        )
    }

    /// Every in-use span; the caches must be flushed and the world stopped.
    pub(crate) fn all_spans(&self) -> Vec<SpanPtr> {
        let mut v: Vec<SpanPtr> = Vec::new();
        for c in self.centrals.iter() {
            v.extend(c.lock().all());
        }
        v.extend(self.large_lock().all());
        v
    }

    /// Sweep every span left unswept (sweep termination; also callable by
    /// a background sweeper or before reading statistics).
    pub fn finish_sweep(&self) {
        while self.sweep_one().is_some() {}
    }

    /// Sweep one span if any is left; false when sweeping is finished.
    /// For a background sweeper.
    pub fn sweep_step(&self) -> bool {
        self.sweep_one().is_some()
    }

    fn scavenge_with(&self, p: &Pacer) -> u64 {
        let goal = p.goal_bytes();
        let retain = goal.saturating_add(goal / 10);
        self.pages.scavenge(retain)
    }

    /// Scavenge down to 110% of the heap goal (called when sweeping ends).
    pub(crate) fn scavenge_to_goal(&self) -> u64 {
        let goal = self.goal_bytes.load(Relaxed);
        self.pages.scavenge(goal.saturating_add(goal / 10))
    }

    /// Finish sweeping and return every free page to the OS (Go's
    /// `debug.FreeOSMemory` without its collection). Returns bytes released.
    pub fn free_os_memory(&self) -> u64 {
        self.finish_sweep();
        self.pages.scavenge(0)
    }

    /// The allocated object containing `addr`, if any. An address just past
    /// the end of an object belongs to the next slot, not to the object.
    pub fn object_containing(&self, addr: usize) -> Option<ObjectInfo> {
        let (sp, idx) = self.find_object(addr)?;
        // SAFETY: span structs live as long as the heap.
        let s = unsafe { sp.get() };
        Some(ObjectInfo {
            base: s.obj_base(idx),
            size: s.elem_size(),
            noscan: s.span_class().noscan(),
        })
    }

    /// Statistics now. Counters of objects allocated from a span still in a
    /// cache are added when the span leaves the cache, so `mallocs`,
    /// `heap_alloc` and `total_alloc` lag by at most one span per class
    /// per cache; [`Heap::read_mem_stats`] is exact.
    pub fn stats(&self) -> MemStats {
        let p = self.pages.stats();
        let gc = lock(&self.gc);
        let mallocs = self.stats.mallocs.load(Relaxed);
        let frees = self.stats.frees.load(Relaxed);
        let total = self.stats.total_alloc_bytes.load(Relaxed);
        let freed = self.stats.freed_bytes.load(Relaxed);
        let heap_alloc = total.saturating_sub(freed);
        MemStats {
            alloc: heap_alloc,
            total_alloc: total,
            sys: p.mapped + p.metadata,
            mallocs,
            frees,
            heap_alloc,
            heap_sys: p.mapped,
            heap_idle: p.mapped.saturating_sub(p.inuse),
            heap_inuse: p.inuse,
            heap_released: p.released,
            heap_objects: mallocs.saturating_sub(frees),
            next_gc: gc.pacer.goal_bytes(),
            last_gc: gc.last_gc_unix_ns,
            pause_total_ns: gc.pause_total_ns,
            pause_ns: gc.pause_ns,
            pause_end: gc.pause_end,
            num_gc: gc.num_gc,
            gc_sys: p.metadata,
        }
    }

    /// Exact statistics (`runtime.ReadMemStats`): flushes every cache first.
    ///
    /// # Safety
    /// The world is stopped (as for [`Heap::collect`]).
    pub unsafe fn read_mem_stats(&self) -> MemStats {
        {
            let _gc = lock(&self.gc);
            // SAFETY: world stopped (caller's promise).
            unsafe { self.flush_all_caches() };
        }
        self.stats()
    }

    /// Heap goal of the next cycle, in bytes (`u64::MAX` when off).
    pub fn goal_bytes(&self) -> u64 {
        self.goal_bytes.load(Relaxed)
    }

    /// The pacer's live-heap estimate, in bytes.
    pub fn heap_live_bytes(&self) -> u64 {
        self.stats.heap_live_bytes.load(Relaxed)
    }
}

impl std::fmt::Debug for Heap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Heap").field("id", &self.id).finish()
    }
}
