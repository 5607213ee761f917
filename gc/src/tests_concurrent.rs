//! Tests of the concurrent collector with synthetic mutators.
//!
//! A small "world" plays the VM: mutator threads ("goroutines") each own a
//! [`Cache`] and a *stack* (a mutex over their root words: holding the
//! mutex is running, releasing it is reaching a safepoint, so a scan that
//! takes the mutex has suspended the goroutine); a driver thread plays the
//! scheduler's GC side: it stops the world (every mutator parks at its
//! next safepoint), calls `gc_start`, restarts it, runs a dedicated mark
//! worker, stops the world again for `mark_termination`, and sweeps in
//! the background.
//!
//! Every heap word the mutators share is read and written atomically
//! (pointer stores through the write barrier), so the tests are free of
//! data races even though marking reads what mutators write.
//!
//! "No reachable object freed" is checked by checksums: every node holds
//! a serial and `serial ^ MAGIC`, every mutator keeps a shadow count and
//! sum of what it can reach, and at each stop-the-world point every
//! reachable node must be allocated, intact, and add up to the shadow.

use crate::*;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering::*};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

const MAGIC: usize = 0x5eed_f00d_cafe_d00d;
/// Words of a large array: 48 KiB, above the largest size class.
const BIG_WORDS: usize = 6 * 1024;

fn rd(obj: usize, word: usize) -> usize {
    // SAFETY: tests pass only objects they keep reachable (or verify the
    // object is allocated first), with more than `word` words; atomic
    // because markers and other mutators may access the word.
    unsafe { (*((obj + word * 8) as *const AtomicUsize)).load(Acquire) }
}

fn wr_scalar(obj: usize, word: usize, v: usize) {
    // SAFETY: as for `rd`; a non-pointer word of a fresh object.
    unsafe { (*((obj + word * 8) as *const AtomicUsize)).store(v, Relaxed) }
}

/// A list node: next (pointer), serial, check.
fn list_layout() -> Layout<'static> {
    Layout::pointers(&[0b001], 3)
}

/// A tree node: left, right (pointers), serial, check.
fn tree_layout() -> Layout<'static> {
    Layout::pointers(&[0b0011], 4)
}

/// A published list's header: first (pointer), len, sum, check.
fn header_layout() -> Layout<'static> {
    Layout::pointers(&[0b0001], 4)
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// What a goroutine can reach from its stack, and the shadow of it.
#[derive(Default)]
struct Stack {
    lists: Vec<usize>,
    list_len: usize,
    list_sum: usize,
    trees: Vec<(usize, usize, usize)>,
    held: usize,
    scanned_cycle: u32,
    step_cycle: u32,
    steps_in_cycle: u32,
    /// Waiting in an assist or finished: not going to step soon.
    blocked: bool,
    /// Roots whose structure the verifier does not know.
    other: Vec<usize>,
    /// Large pointer arrays of list nodes: (array, nodes, serial sum).
    bigs: Vec<(usize, usize, usize)>,
    /// Tiny byte strings: (address, length, fill byte).
    tinies: Vec<(usize, usize, u8)>,
}

impl Stack {
    fn words(&self) -> Vec<usize> {
        let mut w = self.lists.clone();
        w.extend(self.trees.iter().map(|t| t.0));
        w.push(self.held);
        w.extend(&self.other);
        w.extend(self.bigs.iter().map(|b| b.0));
        // Interior pointers into tiny blocks, as a VM's string would hold.
        w.extend(self.tinies.iter().map(|t| t.0));
        w
    }
}

struct World {
    heap: Heap,
    stacks: Vec<Mutex<Stack>>,
    globals: Box<[AtomicUsize]>,
    serial: AtomicUsize,
    stop: AtomicBool,
    parked: Mutex<usize>,
    parked_cv: Condvar,
    done: AtomicBool,
    cycle: AtomicU32,
    terminate_requested: AtomicBool,
    waits: AtomicU64,
    /// Scan attempts refused so far (a goroutine that "cannot be
    /// suspended now"), so stacks stay grey while their goroutines run.
    refusals: AtomicU64,
}

impl World {
    fn new(config: Config, mutators: usize) -> World {
        World {
            heap: Heap::new(config),
            stacks: (0..mutators)
                .map(|_| Mutex::new(Stack::default()))
                .collect(),
            globals: (0..16).map(|_| AtomicUsize::new(0)).collect(),
            serial: AtomicUsize::new(1),
            stop: AtomicBool::new(false),
            parked: Mutex::new(0),
            parked_cv: Condvar::new(),
            done: AtomicBool::new(false),
            cycle: AtomicU32::new(0),
            terminate_requested: AtomicBool::new(false),
            waits: AtomicU64::new(0),
            refusals: AtomicU64::new(0),
        }
    }

    /// A mutator's safepoint: park while the world is stopped.
    fn safepoint(&self) {
        if !self.stop.load(SeqCst) {
            return;
        }
        let mut p = self.parked.lock().expect("parked");
        *p += 1;
        self.parked_cv.notify_all();
        while self.stop.load(SeqCst) {
            p = self.parked_cv.wait(p).expect("parked");
        }
        *p -= 1;
    }

    /// Stop the world: wait until `running` mutators are parked.
    /// SeqCst on `stop`: one flag handshake with every mutator, simplest
    /// to reason about in a test.
    fn stop_world(&self, running: &AtomicUsize) {
        self.stop.store(true, SeqCst);
        let mut p = self.parked.lock().expect("parked");
        while *p < running.load(SeqCst) {
            p = self
                .parked_cv
                .wait_timeout(p, Duration::from_millis(1))
                .expect("parked")
                .0;
        }
    }

    fn start_world(&self) {
        let _p = self.parked.lock().expect("parked");
        self.stop.store(false, SeqCst);
        self.parked_cv.notify_all();
    }

    fn scan_stack(&self, job: usize, sink: &mut dyn FnMut(usize)) -> bool {
        let Some(m) = self.stacks.get(job) else {
            return true;
        };
        // A running goroutine cannot be suspended now; one that has not
        // run a few steps in this cycle is left alone a little longer, so
        // stacks stay grey while their goroutines mutate.
        let Ok(mut s) = m.try_lock() else {
            self.refusals.fetch_add(1, Relaxed);
            return false;
        };
        let cycle = self.cycle.load(SeqCst);
        if !s.blocked && (s.step_cycle != cycle || s.steps_in_cycle < 8) {
            self.refusals.fetch_add(1, Relaxed);
            return false;
        }
        for w in s.words() {
            sink(w);
        }
        s.scanned_cycle = self.heap.mark_cycle();
        true
    }

    fn globals_roots(&self, sink: &mut dyn FnMut(usize)) {
        for g in self.globals.iter() {
            sink(g.load(Acquire));
        }
    }

    /// Every root, for checkmark and verification (world stopped).
    fn all_roots(&self, sink: &mut dyn FnMut(usize)) {
        self.globals_roots(sink);
        for m in &self.stacks {
            for w in m.lock().expect("stack").words() {
                sink(w);
            }
        }
    }

    fn new_serial(&self) -> usize {
        self.serial.fetch_add(1, Relaxed)
    }

    fn node(
        &self,
        c: &mut Cache,
        layout: Layout<'_>,
        words: usize,
        serial_word: usize,
    ) -> (usize, usize) {
        let n = self.heap.alloc(c, words * 8, layout) as usize;
        let s = self.new_serial();
        wr_scalar(n, serial_word, s);
        wr_scalar(n, serial_word + 1, s ^ MAGIC);
        (n, s)
    }

    fn set_ptr(&self, c: &mut Cache, obj: usize, word: usize, v: usize, black: bool) {
        // SAFETY: `obj` is a live object of the test whose word `word` is
        // a pointer word by its layout.
        unsafe {
            self.heap
                .write_pointer_hybrid(c, (obj + word * 8) as *mut usize, v, black)
        };
    }
}

/// Check a reachable node: allocated, checksum intact. Returns its serial.
fn check_node(h: &Heap, n: usize, serial_word: usize) -> usize {
    let info = h
        .object_containing(n)
        .unwrap_or_else(|| panic!("reachable node {n:#x} was freed"));
    assert_eq!(info.base, n, "node pointer is not an object base");
    let s = rd(n, serial_word);
    assert_eq!(rd(n, serial_word + 1), s ^ MAGIC, "node {n:#x} corrupted");
    s
}

fn list_stats(h: &Heap, mut n: usize) -> (usize, usize) {
    let (mut len, mut sum) = (0, 0usize);
    while n != 0 {
        sum = sum.wrapping_add(check_node(h, n, 1));
        len += 1;
        n = rd(n, 0);
    }
    (len, sum)
}

fn tree_stats(h: &Heap, root: usize) -> (usize, usize) {
    let (mut len, mut sum) = (0, 0usize);
    let mut todo = vec![root];
    while let Some(n) = todo.pop() {
        if n == 0 {
            continue;
        }
        sum = sum.wrapping_add(check_node(h, n, 2));
        len += 1;
        todo.push(rd(n, 0));
        todo.push(rd(n, 1));
    }
    (len, sum)
}

fn check_header(h: &Heap, hd: usize) {
    if hd == 0 {
        return;
    }
    let info = h.object_containing(hd).expect("reachable header freed");
    assert_eq!(info.base, hd);
    let (len, sum) = list_stats(h, rd(hd, 0));
    assert_eq!((rd(hd, 1), rd(hd, 2)), (len, sum), "published list changed");
    assert_eq!(rd(hd, 3), len ^ sum ^ MAGIC, "header corrupted");
}

/// Verify everything reachable against the shadows (world stopped).
fn verify_world(w: &World) {
    let h = &w.heap;
    for m in &w.stacks {
        let s = m.lock().expect("stack");
        let (mut len, mut sum) = (0, 0usize);
        for &l in &s.lists {
            let (a, b) = list_stats(h, l);
            len += a;
            sum = sum.wrapping_add(b);
        }
        assert_eq!((len, sum), (s.list_len, s.list_sum), "lists lost nodes");
        for &(root, n, sum) in &s.trees {
            assert_eq!(tree_stats(h, root), (n, sum), "tree lost nodes");
        }
        check_header(h, s.held);
        for &(arr, n, sum) in &s.bigs {
            assert!(h.object_containing(arr).is_some(), "large array freed");
            let (mut len, mut total) = (0, 0usize);
            for k in 0..BIG_WORDS {
                let node = rd(arr, k);
                if node != 0 {
                    len += 1;
                    total = total.wrapping_add(check_node(h, node, 1));
                }
            }
            assert_eq!((len, total), (n, sum), "large array lost nodes");
        }
        for &(t, len, fill) in &s.tinies {
            assert!(h.object_containing(t).is_some(), "tiny block freed");
            // SAFETY: a live tiny allocation of `len` bytes.
            let bytes = unsafe { std::slice::from_raw_parts(t as *const u8, len) };
            assert!(bytes.iter().all(|&b| b == fill), "tiny bytes changed");
        }
    }
    for g in w.globals.iter() {
        check_header(h, g.load(Acquire));
    }
}

/// One mutator step, with the goroutine "running" (its stack locked).
fn step(w: &World, c: &mut Cache, s: &mut Stack, rng: &mut Rng) {
    let black = s.scanned_cycle == w.heap.mark_cycle() && w.heap.phase() == Phase::Mark;
    let nl = s.lists.len();
    match rng.below(11) {
        0..=2 => {
            // Push nodes.
            let j = rng.below(nl);
            for _ in 0..1 + rng.below(8) {
                let (n, serial) = w.node(c, list_layout(), 3, 1);
                w.set_ptr(c, n, 0, s.lists[j], black);
                s.lists[j] = n;
                s.list_len += 1;
                s.list_sum = s.list_sum.wrapping_add(serial);
            }
        }
        3 => {
            // Pop nodes (garbage).
            let j = rng.below(nl);
            for _ in 0..1 + rng.below(6) {
                let n = s.lists[j];
                if n == 0 {
                    break;
                }
                s.list_len -= 1;
                s.list_sum = s.list_sum.wrapping_sub(rd(n, 1));
                s.lists[j] = rd(n, 0);
            }
        }
        4 => {
            // Swap the tails of two lists: two heap stores that unlink
            // and relink (the deletion barrier's case).
            let (j, k) = (rng.below(nl), rng.below(nl));
            let walk = |mut n: usize, d: usize| {
                for _ in 0..d {
                    if n == 0 || rd(n, 0) == 0 {
                        break;
                    }
                    n = rd(n, 0);
                }
                n
            };
            let a = walk(s.lists[j], rng.below(20));
            let b = walk(s.lists[k], rng.below(20));
            if a != 0 && b != 0 && a != b {
                let (an, bn) = (rd(a, 0), rd(b, 0));
                w.set_ptr(c, a, 0, bn, black);
                w.set_ptr(c, b, 0, an, black);
                // A swap inside one list can cut a cycle out or make one;
                // recount instead of assuming.
                if j == k {
                    let (mut len, mut sum) = (0, 0usize);
                    for &l in &s.lists {
                        let (x, y) = list_stats_bounded(&w.heap, l);
                        len += x;
                        sum = sum.wrapping_add(y);
                    }
                    s.list_len = len;
                    s.list_sum = sum;
                }
            }
        }
        5 => {
            // Drop a whole list sometimes.
            if rng.below(4) == 0 {
                let j = rng.below(nl);
                let (len, sum) = list_stats(&w.heap, s.lists[j]);
                s.list_len -= len;
                s.list_sum = s.list_sum.wrapping_sub(sum);
                s.lists[j] = 0;
            }
        }
        6 => {
            // Build a tree; keep the last few.
            let depth = 2 + rng.below(5);
            let (root, n, sum) = build_tree(w, c, depth, black);
            s.trees.push((root, n, sum));
            if s.trees.len() > 4 {
                s.trees.remove(0);
            }
        }
        7 => {
            // Cut a subtree.
            if let Some(t) = s.trees.len().checked_sub(1).map(|i| rng.below(i + 1)) {
                let (root, n, sum) = s.trees[t];
                let mut node = root;
                for _ in 0..rng.below(4) {
                    let next = rd(node, rng.below(2));
                    if next == 0 {
                        break;
                    }
                    node = next;
                }
                let side = rng.below(2);
                let (cn, cs) = tree_stats(&w.heap, rd(node, side));
                w.set_ptr(c, node, side, 0, black);
                s.trees[t] = (root, n - cn, sum.wrapping_sub(cs));
            }
        }
        8 | 10 => {
            // Publish an immutable list through a global.
            let mut first = 0;
            let (mut len, mut sum) = (0, 0usize);
            for _ in 0..1 + rng.below(10) {
                let (n, serial) = w.node(c, list_layout(), 3, 1);
                w.set_ptr(c, n, 0, first, black);
                first = n;
                len += 1;
                sum = sum.wrapping_add(serial);
            }
            let hd = w.heap.alloc(c, 32, header_layout()) as usize;
            wr_scalar(hd, 1, len);
            wr_scalar(hd, 2, sum);
            wr_scalar(hd, 3, len ^ sum ^ MAGIC);
            w.set_ptr(c, hd, 0, first, black);
            // Global 0 is left to the tests.
            let g = 1 + rng.below(w.globals.len() - 1);
            w.set_ptr(c, w.globals[g].as_ptr() as usize, 0, hd, black);
        }
        9 if rng.below(8) == 0 => {
            // A large pointer array (its own span, scanned by layout)
            // filling up with fresh nodes; replace the oldest.
            let arr = w.heap.alloc(c, BIG_WORDS * 8, Layout::ALL_POINTERS) as usize;
            let (mut n, mut sum) = (0, 0usize);
            for k in (0..BIG_WORDS).step_by(1 + rng.below(300)) {
                let (node, serial) = w.node(c, list_layout(), 3, 1);
                w.set_ptr(c, arr, k, node, black);
                n += 1;
                sum = sum.wrapping_add(serial);
            }
            s.bigs.push((arr, n, sum));
            if s.bigs.len() > 2 {
                s.bigs.remove(0);
            }
        }
        9 if rng.below(2) == 0 => {
            // Tiny strings: kept ones and garbage share blocks.
            for _ in 0..4 {
                let len = 1 + rng.below(15);
                let t = w.heap.alloc_tiny(c, len) as usize;
                let fill = rng.next() as u8;
                // SAFETY: `t` has `len` fresh bytes, written by no one else
                // (this goroutine's allocation).
                unsafe { std::ptr::write_bytes(t as *mut u8, fill, len) };
                if rng.below(3) == 0 {
                    s.tinies.push((t, len, fill));
                }
            }
            if s.tinies.len() > 16 {
                s.tinies.drain(..8);
            }
        }
        _ => {
            // Read a published list into the stack and check it.
            let g = rng.below(w.globals.len());
            let hd = w.globals[g].load(Acquire);
            check_header(&w.heap, hd);
            s.held = hd;
        }
    }
}

/// Like `list_stats`, but stops at a cycle (a same-list swap can make one).
fn list_stats_bounded(h: &Heap, mut n: usize) -> (usize, usize) {
    let (mut len, mut sum) = (0, 0usize);
    let mut seen = std::collections::HashSet::new();
    while n != 0 && seen.insert(n) {
        sum = sum.wrapping_add(check_node(h, n, 1));
        len += 1;
        n = rd(n, 0);
    }
    (len, sum)
}

fn build_tree(w: &World, c: &mut Cache, depth: usize, black: bool) -> (usize, usize, usize) {
    let (n, serial) = w.node(c, tree_layout(), 4, 2);
    let (mut len, mut sum) = (1, serial);
    if depth > 0 {
        for side in 0..2 {
            let (child, cl, cs) = build_tree(w, c, depth - 1, black);
            w.set_ptr(c, n, side, child, black);
            len += cl;
            sum = sum.wrapping_add(cs);
        }
    }
    (n, len, sum)
}

/// What the driver measured.
#[derive(Default, Debug)]
struct Driven {
    cycles: Vec<CycleStats>,
    /// Goal in force when each cycle started.
    goals: Vec<u64>,
    stw_wall_ns: Vec<u64>,
    resumes: usize,
}

/// Run one concurrent cycle from the driver thread. `work_budget` 0 means
/// no background worker: assists must do the marking.
fn drive_cycle(
    w: &World,
    gc_cache: &mut Cache,
    running: &AtomicUsize,
    procs: usize,
    work_budget: u64,
    d: &mut Driven,
) {
    let scanner = |job: usize, sink: &mut dyn FnMut(usize)| w.scan_stack(job, sink);
    // Sweep what is left with the world running, then stop it.
    w.heap.finish_sweep();
    d.goals.push(w.heap.goal_bytes());
    let t = Instant::now();
    w.stop_world(running);
    // The last cycle's sweep is finished: a reachable object it freed
    // would show up here as unallocated or overwritten.
    verify_world(w);
    w.cycle.fetch_add(1, SeqCst);
    // SAFETY: every mutator is parked at a safepoint (holding no unrooted
    // pointer, its stack unlocked), no mark call runs, and the mutators
    // use the barrier and let `scan_stack` suspend them.
    let plan = unsafe {
        w.heap
            .gc_start(&mut |sink| w.globals_roots(sink), w.stacks.len(), procs)
    };
    assert!(plan.dedicated_workers + (plan.fractional_utilization > 0.0) as usize >= 1);
    w.start_world();
    d.stw_wall_ns.push(t.elapsed().as_nanos() as u64);
    loop {
        let mut terminate = w.terminate_requested.swap(false, SeqCst);
        if work_budget > 0 {
            // SAFETY: this thread's mark call never overlaps its own
            // stop-the-world, the only one.
            let r = unsafe {
                w.heap
                    .mark_work(gc_cache, work_budget, &scanner, WorkerKind::Dedicated)
            };
            terminate |= r.status == MarkStatus::Terminate;
            // Let the mutators run between small slices of marking, so
            // they mutate what is half marked.
            std::thread::yield_now();
        } else {
            std::thread::sleep(Duration::from_micros(200));
        }
        if !terminate {
            continue;
        }
        let t = Instant::now();
        w.stop_world(running);
        // SAFETY: world stopped, no mark call in progress; `all_roots`
        // feeds every root for the checkmark.
        let r = unsafe { w.heap.mark_termination(&mut |sink| w.all_roots(sink)) };
        if let MarkTermination::Done(_) = r {
            verify_world(w);
        }
        w.start_world();
        d.stw_wall_ns.push(t.elapsed().as_nanos() as u64);
        match r {
            MarkTermination::Done(cs) => {
                d.cycles.push(cs);
                return;
            }
            MarkTermination::Resume => d.resumes += 1,
        }
    }
}

/// A mutator's life: `steps` steps with assists, safepoints between.
fn mutate(w: &World, i: usize, steps: usize, running: &AtomicUsize) {
    let mut c = w.heap.new_cache();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ ((i as u64 + 1) * 0x1234_5678_9abc));
    w.stacks[i].lock().expect("stack").lists = vec![0; 4];
    let scanner = |job: usize, sink: &mut dyn FnMut(usize)| w.scan_stack(job, sink);
    for _ in 0..steps {
        w.safepoint();
        // Pay for the step's allocation before making it; a retry charges
        // nothing more (size 0).
        let mut charge = 512;
        w.stacks[i].lock().expect("stack").blocked = true;
        loop {
            // SAFETY: this mutator holds no unrooted pointer here and is
            // not running a mark call when the world stops (it parks only
            // at `safepoint`, outside this call).
            let a = unsafe { w.heap.assist_alloc(&mut c, charge, &scanner) };
            charge = 0;
            match a {
                Assist::Paid => break,
                Assist::Wait => {
                    w.waits.fetch_add(1, Relaxed);
                    w.safepoint();
                    std::thread::yield_now();
                }
                Assist::Terminate => {
                    w.terminate_requested.store(true, SeqCst);
                    w.safepoint();
                    std::thread::yield_now();
                }
            }
        }
        let mut s = w.stacks[i].lock().expect("stack");
        s.blocked = false;
        let cycle = w.cycle.load(SeqCst);
        if s.step_cycle != cycle {
            s.step_cycle = cycle;
            s.steps_in_cycle = 0;
        }
        s.steps_in_cycle += 1;
        step(w, &mut c, &mut s, &mut rng);
    }
    w.stacks[i].lock().expect("stack").blocked = true;
    w.heap.release_cache(c);
    running.fetch_sub(1, SeqCst);
    // A finished mutator counts as parked forever.
}

/// Several mutators build, swap and drop lists and trees while cycles run
/// back to back, with checkmark on; every stop-the-world point verifies
/// the checksums of everything reachable.
fn race(mutators: usize, steps: usize, budget: u64) {
    let w = World::new(
        Config {
            verify: true,
            min_heap_bytes: 256 << 10,
            ..Config::default()
        },
        mutators,
    );
    let running = AtomicUsize::new(mutators);
    let mut d = Driven::default();
    std::thread::scope(|s| {
        for i in 0..mutators {
            let (w, running) = (&w, &running);
            s.spawn(move || mutate(w, i, steps, running));
        }
        let mut gc_cache = w.heap.new_cache();
        while running.load(SeqCst) > 0 {
            drive_cycle(&w, &mut gc_cache, &running, 4, budget, &mut d);
        }
        w.heap.release_cache(gc_cache);
        w.done.store(true, SeqCst);
    });
    verify_world(&w);
    assert!(d.cycles.len() >= 3, "cycles: {}", d.cycles.len());
    // Some stacks were scanned black while their goroutines stored.
    let st = w.heap.stats();
    assert_eq!(st.num_gc as usize, d.cycles.len());
    assert!(d.cycles.iter().all(|c| c.heap_marked_bytes > 0));
    // A last stop-the-world collection with the final roots agrees.
    // SAFETY: every mutator has finished; this thread is the only user.
    let cs = unsafe { w.heap.collect(&mut |sink| w.all_roots(sink)) };
    verify_world(&w);
    assert!(cs.marked_objects > 0);
    eprintln!(
        "{} cycles, {} resumes, {} assist waits; max stop-the-world {} µs",
        d.cycles.len(),
        d.resumes,
        w.waits.load(Relaxed),
        d.stw_wall_ns.iter().max().copied().unwrap_or(0) / 1000
    );
}

#[test]
fn mutators_race_back_to_back_cycles() {
    race(3, 6000, 2 << 10);
}

#[test]
#[ignore = "stress: minutes in debug; run with --ignored --nocapture"]
fn mutators_race_back_to_back_cycles_stress() {
    for budget in [512, 4 << 10, 64 << 10] {
        race(6, 60_000, budget);
    }
}

// ---- pauses ----

/// A big live heap and many goroutines: the stop-the-world parts of a
/// concurrent cycle stay a small fraction of the mark, which does the
/// heap-sized work while the mutator runs.
#[test]
fn pauses_do_not_grow_with_heap_or_goroutines() {
    let w = World::new(Config::default(), 1);
    let running = AtomicUsize::new(1);
    // 200k list nodes (~5 MB) reachable from a global.
    let mut c = w.heap.new_cache();
    let mut head = 0;
    let mut sum = 0usize;
    for _ in 0..200_000 {
        let (n, serial) = w.node(&mut c, list_layout(), 3, 1);
        w.set_ptr(&mut c, n, 0, head, false);
        head = n;
        sum = sum.wrapping_add(serial);
    }
    let hd = w.heap.alloc(&mut c, 32, header_layout()) as usize;
    wr_scalar(hd, 1, 200_000);
    wr_scalar(hd, 2, sum);
    wr_scalar(hd, 3, 200_000 ^ sum ^ MAGIC);
    w.set_ptr(&mut c, hd, 0, head, false);
    w.set_ptr(&mut c, w.globals[0].as_ptr() as usize, 0, hd, false);
    w.heap.release_cache(c);
    let stacks = 100_000;
    let mut d = Driven::default();
    std::thread::scope(|s| {
        s.spawn(|| mutate(&w, 0, 3000, &running));
        let mut gc_cache = w.heap.new_cache();
        // Post 100k stack jobs: all but the first are empty goroutines.
        let scanner = |job: usize, sink: &mut dyn FnMut(usize)| w.scan_stack(job, sink);
        w.heap.finish_sweep();
        w.stop_world(&running);
        w.cycle.fetch_add(1, SeqCst);
        // SAFETY: as in `drive_cycle`.
        unsafe {
            w.heap
                .gc_start(&mut |sink| w.globals_roots(sink), stacks, 2)
        };
        w.start_world();
        loop {
            // SAFETY: as in `drive_cycle`.
            let r = unsafe {
                w.heap
                    .mark_work(&mut gc_cache, 64 << 10, &scanner, WorkerKind::Dedicated)
            };
            if r.status != MarkStatus::Terminate && !w.terminate_requested.swap(false, SeqCst) {
                std::thread::yield_now();
                continue;
            }
            w.stop_world(&running);
            // SAFETY: as in `drive_cycle`.
            let r = unsafe { w.heap.mark_termination(&mut |sink| w.all_roots(sink)) };
            w.start_world();
            if let MarkTermination::Done(cs) = r {
                d.cycles.push(cs);
                break;
            }
        }
        while running.load(SeqCst) > 0 {
            std::thread::yield_now();
        }
        w.heap.release_cache(gc_cache);
    });
    let cs = d.cycles[0];
    let pause = cs.sweep_term_ns + cs.mark_term_ns;
    eprintln!(
        "marked {} objects; pauses {}+{} µs, mark {} µs",
        cs.marked_objects,
        cs.sweep_term_ns / 1000,
        cs.mark_term_ns / 1000,
        cs.mark_ns / 1000
    );
    assert!(cs.marked_objects >= 200_000);
    assert!(
        pause * 10 < cs.mark_ns,
        "pause {pause} ns vs mark {} ns",
        cs.mark_ns
    );
    let st = w.heap.stats();
    assert_eq!(st.pause_ns[0], pause);
    assert_eq!(st.pause_total_ns, pause);
    assert_eq!(st.num_gc, 1);
}

// ---- assists ----

/// A thread that allocates during mark with no background worker pays
/// for the whole mark with assists, is slowed down by it, and the mark
/// still ends before the hard goal.
#[test]
fn assist_slows_an_out_allocating_thread() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let mut head = 0;
    let node = list_layout();
    // ~4.5 MB of live list.
    for i in 0..150_000 {
        let n = h.alloc(&mut c, 24, node) as usize;
        wr_scalar(n, 1, i);
        // SAFETY: `n` is a fresh list node; word 0 is its pointer word.
        unsafe { h.write_pointer(&mut c, n as *mut usize, head) };
        head = n;
    }
    // SAFETY: single-threaded: the world is stopped; `head` is the root.
    unsafe { h.collect(&mut |sink| sink(head)) };
    let goal = h.goal_bytes();
    // Allocate garbage up to the trigger, timing it.
    let t = Instant::now();
    let mut before = 0u64;
    while h.heap_live_bytes() < goal * 7 / 8 {
        h.alloc(&mut c, 64, Layout::NOSCAN);
        before += 1;
    }
    let ns_before = t.elapsed().as_nanos() as f64 / before as f64;
    let mut root = head;
    // SAFETY: single thread: world stopped; `root` is the only root; no
    // stacks.
    unsafe { h.gc_start(&mut |sink| sink(root), 0, 1) };
    let t = Instant::now();
    let mut during = 0u64;
    let mut charge = 64;
    let cs = loop {
        // SAFETY: no mark call overlaps a stop-the-world (one thread).
        match unsafe { h.assist_alloc(&mut c, charge, &NoStacks) } {
            Assist::Paid => {
                h.alloc(&mut c, 64, Layout::NOSCAN);
                during += 1;
                charge = 64;
            }
            Assist::Wait => charge = 0,
            Assist::Terminate => {
                // SAFETY: single thread: world stopped.
                match unsafe { h.mark_termination(&mut |sink| sink(root)) } {
                    MarkTermination::Done(cs) => break cs,
                    MarkTermination::Resume => charge = 0,
                }
            }
        }
    };
    let ns_during = t.elapsed().as_nanos() as f64 / during.max(1) as f64;
    root = head;
    assert_eq!(rd(root, 1), 149_999, "live list intact");
    eprintln!(
        "{ns_before:.0} ns/alloc before mark, {ns_during:.0} during; {during} allocs; assists {} of {} work; end {} goal {goal}",
        h.assist_work_bytes(),
        cs.scanned_bytes,
        cs.heap_at_mark_end_bytes,
    );
    assert!(
        h.assist_work_bytes() * 10 >= cs.scanned_bytes * 9,
        "assists did the mark"
    );
    // The allocator pays for what it allocates during the mark: with ~4.5 MB
    // to scan and the trigger-to-goal distance a fraction of it, each byte
    // allocated owes several bytes of mark work. Checked by the work done,
    // not by the timings printed above, which a shared machine makes noisy.
    assert!(
        h.assist_work_bytes() >= during * 64,
        "assists slowed the allocator: {} bytes of mark work for {} bytes allocated",
        h.assist_work_bytes(),
        during * 64
    );
    assert!(
        cs.heap_at_mark_end_bytes <= goal + goal / 10 + (64 << 10),
        "heap {} past the hard goal of {goal}",
        cs.heap_at_mark_end_bytes
    );
    assert!(cs.assist_cpu_ns > 0);
}

/// A stack the marker cannot suspend until `free` is set: its goroutine is
/// running (in the VM, one whose thread lost its CPU in the middle of a
/// step), so the mark cannot end meanwhile.
struct HeldStack<'a> {
    free: &'a AtomicBool,
}

impl StackScanner for HeldStack<'_> {
    fn scan_stack(&self, _job: usize, _sink: &mut dyn FnMut(usize)) -> bool {
        self.free.load(SeqCst)
    }
}

/// The heap cannot run past the hard goal on credit while the mark cannot
/// end. A background worker marks all but one stack, earning credit; the
/// live heap shrank a little since the last cycle, so the remaining work
/// the pacer expects is tiny and the assist ratio with it. The allocator
/// then pays by stealing the credit: the ratio must follow the heap as it
/// grows (Go revises it at every span refill during mark), so that past
/// the goal the worst-case ratio applies and the allocator is made to
/// wait near the hard goal, not let through until the credit is gone.
#[test]
fn assist_credit_does_not_carry_the_heap_past_the_hard_goal() {
    let h = Heap::new(Config {
        min_heap_bytes: 256 << 10,
        ..Config::default()
    });
    h.set_concurrent(true);
    let mut c = h.new_cache();
    let mut worker = h.new_cache();
    let node = list_layout();
    // ~1.2 MB of live list.
    let mut head = 0;
    let mut nodes = Vec::new();
    for i in 0..50_000 {
        let n = h.alloc(&mut c, 24, node) as usize;
        wr_scalar(n, 1, i);
        // SAFETY: `n` is a fresh list node; word 0 is its pointer word.
        unsafe { h.write_pointer(&mut c, n as *mut usize, head) };
        head = n;
        nodes.push(n);
    }
    // SAFETY: single thread: world stopped; `head` is the root.
    unsafe { h.collect(&mut |sink| sink(head)) };
    // Drop 2% of the list: the next mark finds a little less to scan
    // than the last one did.
    // SAFETY: the node is live; word 0 is its pointer word.
    unsafe { h.write_pointer(&mut c, nodes[1000] as *mut usize, 0) };
    let goal = h.goal_bytes();
    let hard_goal = goal + goal / 10;
    while !h.should_collect() {
        h.alloc(&mut c, 64, Layout::NOSCAN);
    }
    let free = AtomicBool::new(false);
    let stacks = HeldStack { free: &free };
    // SAFETY: single thread: world stopped; `head` is the only global
    // root, and the one stack job is `stacks`'.
    unsafe { h.gc_start(&mut |sink| sink(head), 1, 1) };
    // The background worker marks everything it can reach.
    // SAFETY: no mark call overlaps a stop-the-world (one thread).
    let r = unsafe { h.mark_work(&mut worker, u64::MAX, &stacks, WorkerKind::Dedicated) };
    assert_eq!(
        r.status,
        MarkStatus::Exhausted,
        "the stack is still to scan"
    );
    // Allocate until told to wait (or far past the goal).
    let mut allocated = 0u64;
    // SAFETY: as above.
    while unsafe { h.assist_alloc(&mut c, 64, &stacks) } == Assist::Paid
        && h.heap_live_bytes() < 4 * goal
    {
        h.alloc(&mut c, 64, Layout::NOSCAN);
        allocated += 64;
    }
    let live = h.heap_live_bytes();
    eprintln!(
        "allocated {allocated} on credit; heap {live}, goal {goal}, hard goal {hard_goal}; \
         worker did {} of mark work",
        r.work_bytes
    );
    // A refill's span (8 KiB) and one minimum runway of slack.
    assert!(
        live <= hard_goal + (64 << 10) + (8 << 10),
        "heap {live} ran past the hard goal {hard_goal} on credit"
    );
    // The stack becomes scannable: the waiting allocator's next assist
    // scans it, finds nothing else to do and claims the end of the mark.
    free.store(true, SeqCst);
    // SAFETY: as above.
    let a = unsafe { h.assist_alloc(&mut c, 0, &stacks) };
    assert_eq!(a, Assist::Terminate, "the assist ends the mark");
    // SAFETY: single thread: world stopped; no mark call in progress.
    let MarkTermination::Done(cs) = (unsafe { h.mark_termination(&mut |sink| sink(head)) }) else {
        panic!("grey objects at mark termination, yet nothing stored a pointer");
    };
    assert!(
        cs.heap_at_mark_end_bytes <= hard_goal + (72 << 10),
        "{cs:?}"
    );
    assert_eq!(rd(head, 1), 49_999, "live list intact");
}

// ---- pacing ----

/// Steady state: a ring of 1024 lists keeps ~1 MB live while mutators
/// replace lists (garbage) as fast as they can; the driver starts a cycle
/// when `should_collect` says so. After warm-up, the heap when marking
/// ends stays within ~10% of the goal.
fn steady_state(gogc: i32, cycles: usize) -> Vec<f64> {
    let w = World::new(
        Config {
            gogc,
            min_heap_bytes: 256 << 10,
            ..Config::default()
        },
        2,
    );
    let running = AtomicUsize::new(2);
    let mut d = Driven::default();
    let stop = AtomicBool::new(false);
    std::thread::scope(|s| {
        for i in 0..2 {
            let (w, running, stop) = (&w, &running, &stop);
            s.spawn(move || {
                let mut c = w.heap.new_cache();
                let mut rng = Rng(77 + i as u64);
                let ring = w.heap.alloc(&mut c, 512 * 8, Layout::ALL_POINTERS) as usize;
                w.stacks[i].lock().expect("stack").other = vec![ring];
                let scanner = |job: usize, sink: &mut dyn FnMut(usize)| w.scan_stack(job, sink);
                while !stop.load(SeqCst) {
                    w.safepoint();
                    // The allocating goroutine that reaches the trigger
                    // starts the cycle (Go's mallocgc -> gcStart): here it
                    // waits at safepoints until the driver has started it.
                    while w.heap.should_collect() && !stop.load(SeqCst) {
                        w.safepoint();
                        std::thread::yield_now();
                    }
                    let mut charge = 40 * 24 + 64;
                    w.stacks[i].lock().expect("stack").blocked = true;
                    // SAFETY: as in `mutate`.
                    while unsafe { w.heap.assist_alloc(&mut c, charge, &scanner) } != Assist::Paid {
                        charge = 0;
                        if w.heap.phase() == Phase::Mark {
                            w.terminate_requested.store(true, SeqCst);
                        }
                        w.safepoint();
                        std::thread::yield_now();
                    }
                    let mut s = w.stacks[i].lock().expect("stack");
                    s.blocked = false;
                    s.steps_in_cycle = 100;
                    s.step_cycle = w.cycle.load(SeqCst);
                    let black =
                        s.scanned_cycle == w.heap.mark_cycle() && w.heap.phase() == Phase::Mark;
                    let mut first = 0;
                    for _ in 0..40 {
                        let (n, _) = w.node(&mut c, list_layout(), 3, 1);
                        w.set_ptr(&mut c, n, 0, first, black);
                        first = n;
                    }
                    let slot = rng.below(512);
                    w.set_ptr(&mut c, ring, slot, first, black);
                    // Some garbage that dies at once.
                    w.heap.alloc_tiny(&mut c, 1 + rng.below(15));
                }
                w.stacks[i].lock().expect("stack").blocked = true;
                w.heap.release_cache(c);
                running.fetch_sub(1, SeqCst);
            });
        }
        let mut gc_cache = w.heap.new_cache();
        while d.cycles.len() < cycles {
            while !w.heap.should_collect() {
                std::thread::yield_now();
            }
            drive_cycle(&w, &mut gc_cache, &running, 4, 32 << 10, &mut d);
        }
        stop.store(true, SeqCst);
        w.heap.release_cache(gc_cache);
    });
    d.cycles
        .iter()
        .zip(&d.goals)
        .map(|(c, &g)| c.heap_at_mark_end_bytes as f64 / g as f64)
        .collect()
}

#[test]
fn heap_stays_near_the_goal_in_steady_state() {
    for gogc in [50, 100, 200] {
        let r = steady_state(gogc, 16);
        eprintln!("GOGC={gogc}: heap at mark end / goal: {r:.2?}");
        // The first cycles start from the minimum heap and the initial
        // trigger; judge the steady state.
        // On a loaded machine a mark worker can lose its thread for a
        // while, so one cycle may end a little late; the median must be
        // near the goal and no cycle may run away (the assists' hard goal).
        let mut steady: Vec<f64> = r[6..].to_vec();
        steady.sort_by(f64::total_cmp);
        let median = steady[steady.len() / 2];
        assert!(
            (0.80..=1.10).contains(&median),
            "GOGC={gogc}: median {median:.3} of the goal ({r:.2?})"
        );
        for &x in &steady {
            assert!(
                (0.70..=1.25).contains(&x),
                "GOGC={gogc}: {x:.3} of the goal ({r:.2?})"
            );
        }
    }
}

// ---- tiny allocator ----

#[test]
fn tiny_allocations_share_blocks_and_live_as_one() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let a = h.alloc_tiny(&mut c, 3) as usize;
    let b = h.alloc_tiny(&mut c, 4) as usize;
    let d = h.alloc_tiny(&mut c, 8) as usize;
    // 3 bytes at 0, 4 bytes aligned to 4, 8 bytes aligned to 8: one block.
    assert_eq!(b, a + 4);
    assert_eq!(d, a + 8);
    let blk = h.object_containing(d).expect("block");
    assert_eq!((blk.base, blk.size, blk.noscan), (a, TINY_SIZE, true));
    // The block is full: the next one starts a new block.
    let e = h.alloc_tiny(&mut c, 5) as usize;
    assert_ne!(h.object_containing(e).expect("block").base, a);
    // Zeroed, and sizes of 16 or more are ordinary objects.
    // SAFETY: `e` has 5 fresh bytes.
    let fresh = unsafe { std::slice::from_raw_parts(e as *const u8, 5) };
    assert_eq!(fresh, &[0; 5]);
    let big = h.alloc_tiny(&mut c, 16) as usize;
    assert_eq!(h.object_containing(big).expect("obj").base, big);
    // Write into the first block's sub-objects, keep only `b` (interior)
    // reachable: the whole block survives with every byte intact.
    // SAFETY: each pointer has the bytes written.
    unsafe {
        *(a as *mut u8) = 0xaa;
        *(d as *mut u64) = 0x0123_4567_89ab_cdef;
    }
    let mut garbage = 0;
    for i in 0..5000 {
        garbage = h.alloc_tiny(&mut c, 1 + i % 15) as usize;
    }
    let _ = garbage;
    let before = h.stats();
    // SAFETY: single-threaded test: world stopped; `b` is the only root.
    unsafe { h.collect(&mut |sink| sink(b)) };
    h.finish_sweep();
    // SAFETY: as above.
    unsafe {
        assert_eq!(*(a as *const u8), 0xaa);
        assert_eq!(*(d as *const u64), 0x0123_4567_89ab_cdef);
    }
    assert!(h.object_containing(a).is_some());
    // SAFETY: world stopped.
    let st = unsafe { h.read_mem_stats() };
    // Every request counts as a malloc; blocks are the heap objects.
    // a, b, d, e, big and the loop.
    assert_eq!(st.mallocs, 4 + 1 + 5000);
    // The kept block, and the P's current tiny block, which the start of
    // the mark shades (see the next test).
    assert_eq!(st.mallocs - st.frees, 2, "only the kept blocks are live");
    assert_eq!(st.heap_objects, 2);
    assert!(before.mallocs <= st.mallocs);
}

// ---- pacer controller, gctrace, MemStats, checkmark ----

#[test]
fn gctrace_line_has_gos_shape() {
    let cs = CycleStats {
        cycle: 7,
        heap_live_before_bytes: 5 << 20,
        heap_at_mark_end_bytes: 6 << 20,
        heap_marked_bytes: 2 << 20,
        goal_bytes: 4 << 20,
        sweep_term_ns: 18_000,
        mark_ns: 1_200_000,
        mark_term_ns: 3_000,
        assist_cpu_ns: 310_000,
        background_cpu_ns: 1_000_000,
        idle_cpu_ns: 550_000,
        stack_bytes: 3 << 20,
        procs: 4,
        ..CycleStats::default()
    };
    assert_eq!(
        cs.gctrace_line(12_000_000, 2, 4, false),
        "gc 7 @0.012s 2%: 0.018+1.2+0.003 ms clock, 0.072+0.31/1.0/0.55+0.012 ms cpu, \
         5->6->2 MB, 4 MB goal, 3 MB stacks, 0 MB globals, 4 P"
    );
    let off = CycleStats {
        goal_bytes: u64::MAX,
        ..cs
    };
    assert!(off
        .gctrace_line(0, 0, 1, true)
        .ends_with("off MB goal, 3 MB stacks, 0 MB globals, 1 P (forced)"));
}

#[test]
fn mem_stats_follow_concurrent_cycles() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let keep = h.alloc(&mut c, 64, Layout::ALL_POINTERS) as usize;
    for _ in 0..1000 {
        h.alloc(&mut c, 48, Layout::NOSCAN);
    }
    for cycle in 1..=3u32 {
        // SAFETY: single thread: world stopped; `keep` is the root.
        unsafe { h.gc_start(&mut |sink| sink(keep), 0, 1) };
        assert_eq!(h.phase(), Phase::Mark);
        assert!(!h.should_collect(), "no second cycle while marking");
        // Allocated black during mark: survives and counts as marked.
        let fresh = h.alloc(&mut c, 32, Layout::NOSCAN) as usize;
        // SAFETY: no mark call overlaps a stop-the-world (one thread).
        let r = unsafe { h.mark_work(&mut c, u64::MAX, &NoStacks, WorkerKind::Idle) };
        assert_eq!(r.status, MarkStatus::Terminate);
        // SAFETY: world stopped.
        let MarkTermination::Done(cs) = (unsafe { h.mark_termination(&mut |sink| sink(keep)) })
        else {
            panic!("resume with no mutator");
        };
        assert_eq!(cs.cycle, cycle);
        assert_eq!(
            cs.heap_marked_bytes,
            64 + 32,
            "root and the black allocation"
        );
        assert_eq!(cs.marked_objects, 2);
        h.finish_sweep();
        assert!(h.object_containing(fresh).is_some());
        let st = h.stats();
        assert_eq!(st.num_gc, cycle);
        assert!(st.pause_ns[(cycle - 1) as usize] > 0);
        assert_eq!(st.pause_total_ns, st.pause_ns.iter().sum::<u64>());
        assert_eq!(st.next_gc, h.goal_bytes());
        assert!(st.last_gc > 0);
    }
    // SAFETY: world stopped.
    let st = unsafe { h.read_mem_stats() };
    assert_eq!(st.mallocs, 1 + 1000 + 3);
    assert_eq!(st.frees, 1000 + 2);
    assert_eq!(st.heap_objects, 2);
    assert_eq!(st.heap_alloc, 64 + 32);
    assert_eq!(st.total_alloc, 64 + 1000 * 48 + 3 * 32);
    assert!(st.sys >= st.heap_inuse && st.heap_inuse >= st.heap_alloc);
}

#[test]
fn checkmark_names_a_reachable_white_object() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let a = h.alloc(&mut c, 16, Layout::ALL_POINTERS) as usize;
    let b = h.alloc(&mut c, 16, Layout::ALL_POINTERS) as usize;
    // SAFETY: `a` is live; word 0 is a pointer word.
    unsafe { h.write_pointer(&mut c, a as *mut usize, b) };
    // Mark from a root set that misses `a` but checkmark with `a`: the
    // re-mark finds `a` white.
    // SAFETY: single thread: world stopped.
    unsafe { h.gc_start(&mut |_| {}, 0, 1) };
    let e = h
        .checkmark(&mut |sink| sink(a + 8))
        .expect_err("a is white");
    assert_eq!(e, VerifyError::ReachableWhite { object: a, from: 0 });
    assert!(e.to_string().contains("referenced by a root"));
    // Marked `a` but not `b`: found through `a`.
    h.shade_pointer(&mut c, a);
    let e = h.checkmark(&mut |sink| sink(a)).expect_err("b is white");
    assert_eq!(e, VerifyError::ReachableWhite { object: b, from: a });
    // Finish the mark properly; now it checks out.
    // SAFETY: as above.
    unsafe { h.mark_work(&mut c, u64::MAX, &NoStacks, WorkerKind::Idle) };
    assert_eq!(h.checkmark(&mut |sink| sink(a)), Ok(2));
    // SAFETY: as above.
    let r = unsafe { h.mark_termination(&mut |sink| sink(a)) };
    assert!(matches!(r, MarkTermination::Done(_)));
}

#[test]
fn mark_termination_resumes_when_barriers_left_grey_work() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let root = h.alloc(&mut c, 16, Layout::ALL_POINTERS) as usize;
    // A chain of 300 objects only reachable through `hidden`.
    let mut hidden = 0;
    for _ in 0..300 {
        let n = h.alloc(&mut c, 16, Layout::ALL_POINTERS) as usize;
        // SAFETY: fresh two-pointer object.
        unsafe { h.write_pointer(&mut c, n as *mut usize, hidden) };
        hidden = n;
    }
    // SAFETY: `root` is live.
    unsafe { h.write_pointer(&mut c, root as *mut usize, hidden) };
    // SAFETY: single thread: world stopped.
    unsafe { h.gc_start(&mut |sink| sink(root), 0, 1) };
    // Before any marking, a mutator unlinks the chain (the deletion
    // barrier shades its head into this cache's buffer) and re-links it
    // where nobody will scan again... onto the black root's second word.
    // SAFETY: `root` is live; both words are pointer words.
    unsafe {
        h.write_pointer(&mut c, root as *mut usize, 0);
        h.write_pointer(&mut c, (root + 8) as *mut usize, hidden);
    }
    // The whole chain is scanned by an STW drain of at most 64 KiB (300
    // objects x 16 B fit), so use a tiny budget to force a resume.
    // SAFETY: world stopped.
    let r = unsafe { h.mark_termination_with(&mut |sink| sink(root), 16 * 10, false) };
    assert_eq!(r, MarkTermination::Resume);
    // SAFETY: as above.
    let r = unsafe { h.mark_work(&mut c, u64::MAX, &NoStacks, WorkerKind::Idle) };
    assert_eq!(r.status, MarkStatus::Terminate);
    h.set_verify(true);
    // SAFETY: as above.
    let MarkTermination::Done(cs) = (unsafe { h.mark_termination(&mut |sink| sink(root)) }) else {
        panic!("still grey");
    };
    assert_eq!(cs.marked_objects, 301);
    h.finish_sweep();
    assert_eq!(list_len_via(root + 8), 300);
}

fn list_len_via(slot: usize) -> usize {
    let mut n = rd(slot, 0);
    let mut len = 0;
    while n != 0 {
        len += 1;
        n = rd(n, 0);
    }
    len
}

#[test]
fn work_queues_balance_between_threads() {
    // One thread finds a wide tree's root; several workers drain it
    // together through the global list.
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let fan = 64;
    let root = h.alloc(&mut c, fan * 8, Layout::ALL_POINTERS) as usize;
    let mut total = 1;
    for i in 0..fan {
        let mid = h.alloc(&mut c, fan * 8, Layout::ALL_POINTERS) as usize;
        total += 1;
        for j in 0..fan {
            let leaf = h.alloc(&mut c, 16, Layout::ALL_POINTERS) as usize;
            total += 1;
            // SAFETY: `mid` is live with `fan` pointer words.
            unsafe { h.write_pointer(&mut c, (mid + j * 8) as *mut usize, leaf) };
        }
        // SAFETY: `root` is live with `fan` pointer words.
        unsafe { h.write_pointer(&mut c, (root + i * 8) as *mut usize, mid) };
    }
    // SAFETY: world stopped (no other thread yet).
    unsafe { h.gc_start(&mut |sink| sink(root), 0, 4) };
    let worked = AtomicUsize::new(0);
    let terminated = AtomicUsize::new(0);
    let go = std::sync::Barrier::new(4);
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                let mut c = h.new_cache();
                go.wait();
                let mut mine = 0;
                loop {
                    // SAFETY: the world is not stopped until all joined.
                    let r = unsafe { h.mark_work(&mut c, 4096, &NoStacks, WorkerKind::Dedicated) };
                    mine += r.work_bytes;
                    match r.status {
                        MarkStatus::More => {}
                        MarkStatus::Terminate => {
                            terminated.fetch_add(1, SeqCst);
                            break;
                        }
                        _ if !h.mark_work_available() => break,
                        _ => std::thread::yield_now(),
                    }
                }
                if mine > 0 {
                    worked.fetch_add(1, SeqCst);
                }
                h.release_cache(c);
            });
        }
    });
    assert_eq!(terminated.load(SeqCst), 1, "exactly one claim");
    // SAFETY: all workers joined: world stopped.
    let MarkTermination::Done(cs) = (unsafe { h.mark_termination(&mut |sink| sink(root)) }) else {
        panic!("grey left");
    };
    assert_eq!(cs.marked_objects, total as u64);
    // How many workers got a share depends on the OS scheduler; the
    // balancing itself is tested deterministically in gcwork.rs.
    eprintln!("{} of 4 workers did mark work", worked.load(SeqCst));
}

/// A tiny block from before the mark, referenced by nothing, keeps
/// serving allocations during the mark: the start of the mark shades it,
/// so what is carved from it survives.
#[test]
fn tiny_block_from_before_the_mark_is_shaded_at_start() {
    let h = Heap::new(Config {
        verify: true,
        ..Config::default()
    });
    let mut c = h.new_cache();
    let first = h.alloc_tiny(&mut c, 2) as usize;
    let _ = first; // garbage
                   // SAFETY: single thread: world stopped; no roots.
    unsafe { h.gc_start(&mut |_| {}, 0, 1) };
    let kept = h.alloc_tiny(&mut c, 2) as usize;
    assert_eq!(kept, first + 2, "same block");
    // SAFETY: one thread: no overlap with a stop-the-world.
    unsafe { h.mark_work(&mut c, u64::MAX, &NoStacks, WorkerKind::Idle) };
    // SAFETY: world stopped; checkmark with the only root, `kept`.
    let r = unsafe { h.mark_termination(&mut |sink| sink(kept)) };
    let MarkTermination::Done(cs) = r else {
        panic!("resume")
    };
    assert_eq!(cs.heap_marked_bytes, TINY_SIZE as u64);
    h.finish_sweep();
    assert!(h.object_containing(kept).is_some());
}

#[test]
fn memory_limit_triggers_cycles_with_gogc_off() {
    let h = Heap::new(Config {
        gogc: -1,
        ..Config::default()
    });
    let mut c = h.new_cache();
    assert_eq!(h.goal_bytes(), u64::MAX);
    assert_eq!(h.set_memory_limit(8 << 20), u64::MAX);
    let goal = h.goal_bytes();
    // Nothing mapped yet: no overhead to subtract.
    assert_eq!(goal, 8 << 20);
    let mut n = 0u64;
    while !h.should_collect() {
        h.alloc(&mut c, 4096, Layout::NOSCAN);
        n += 4096;
        assert!(n < 8 << 20, "the limit never triggered a cycle");
    }
    // SAFETY: single thread: world stopped; nothing is live.
    let cs = unsafe { h.collect(&mut |_| {}) };
    assert_eq!(cs.heap_marked_bytes, 0);
    assert!(cs.goal_bytes <= 8 << 20);
    assert_eq!(h.set_memory_limit(u64::MAX), 8 << 20);
    assert_eq!(h.goal_bytes(), u64::MAX, "GOGC off and no limit");
    assert_eq!(h.stats().next_gc, u64::MAX);
}

#[test]
fn concurrent_mode_triggers_before_the_goal() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    h.set_concurrent(true);
    while !h.should_collect() {
        h.alloc(&mut c, 1024, Layout::NOSCAN);
    }
    let live = h.heap_live_bytes();
    let goal = h.goal_bytes();
    // Go's initial trigger: 7/8 of the runway (all of it, from an empty
    // heap), give or take a span.
    assert!(live < goal && live >= goal * 7 / 8, "{live} of {goal}");
    h.set_concurrent(false);
    assert!(
        !h.should_collect(),
        "stop-the-world mode triggers at the goal"
    );
}

/// A large pointer array is scanned in 128 KiB oblets: a stop-the-world
/// drain with a budget stops after an oblet rather than after the whole
/// array, and every oblet's referents get marked.
#[test]
fn large_objects_are_scanned_in_oblets() {
    let h = Heap::new(Config {
        verify: true,
        ..Config::default()
    });
    let mut c = h.new_cache();
    let words = (1 << 20) / 8 + 3; // 1 MiB and a bit: 9 oblets
    let arr = h.alloc(&mut c, words * 8, Layout::ALL_POINTERS) as usize;
    let mut kids = Vec::new();
    for k in (0..words).step_by(4096) {
        let kid = h.alloc(&mut c, 16, Layout::NOSCAN) as usize;
        // SAFETY: `arr` is a live pointer array of `words` words.
        unsafe { h.write_pointer(&mut c, (arr + k * 8) as *mut usize, kid) };
        kids.push(kid);
    }
    let last = h.alloc(&mut c, 16, Layout::NOSCAN) as usize;
    // SAFETY: as above.
    unsafe { h.write_pointer(&mut c, (arr + (words - 1) * 8) as *mut usize, last) };
    // SAFETY: single thread: world stopped.
    unsafe { h.gc_start(&mut |sink| sink(arr), 0, 1) };
    let mut resumes = 0;
    let cs = loop {
        // SAFETY: world stopped; a budget of one byte scans one grey
        // entry per termination attempt.
        match unsafe { h.mark_termination_with(&mut |sink| sink(arr), 1, false) } {
            MarkTermination::Done(cs) => break cs,
            MarkTermination::Resume => resumes += 1,
        }
    };
    // Nine oblets, one per attempt: the first eight attempts resume.
    assert_eq!(resumes, 8);
    assert_eq!(cs.marked_objects as usize, 1 + kids.len() + 1);
    assert!(cs.scanned_bytes >= words as u64 * 8);
    h.finish_sweep();
    for k in kids.iter().chain([&last]) {
        assert!(h.object_containing(*k).is_some());
    }
}
