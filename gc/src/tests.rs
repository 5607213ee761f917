//! Whole-heap tests: size classes, allocation, a small "collector
//! scenario" VM that builds lists and trees, conservative roots, the
//! verifier, multi-threaded allocation, stress mode, bounded memory.
//!
//! The helpers `rd`/`wr` read and write words of objects the tests
//! allocated; every test passes them only addresses of objects it keeps
//! reachable, which is what makes them sound.

use crate::mksizeclasses;
use crate::sizeclasses::*;
use crate::*;
use std::collections::HashSet;

fn rd(obj: usize, word: usize) -> usize {
    // SAFETY: tests pass only live objects of more than `word` words.
    unsafe { *((obj + word * 8) as *const usize) }
}

fn wr(obj: usize, word: usize, v: usize) {
    // SAFETY: as for `rd`.
    unsafe { *((obj + word * 8) as *mut usize) = v }
}

/// Collect with the given roots. Single-threaded tests: nothing else uses
/// the heap during the call.
fn gc(h: &Heap, roots: &[usize]) -> CycleStats {
    // SAFETY: the calling test is the only user of `h` (world stopped), and
    // it keeps every object it will use reachable from `roots`.
    unsafe { h.collect(&mut |sink| roots.iter().for_each(|&r| sink(r))) }
}

fn verify(h: &Heap) -> HeapCensus {
    // SAFETY: single-threaded test: the world is stopped.
    match unsafe { h.verify_heap() } {
        Ok(c) => c,
        Err(e) => panic!("heap verification failed: {e}"),
    }
}

fn exact_stats(h: &Heap) -> MemStats {
    // SAFETY: single-threaded test: the world is stopped.
    unsafe { h.read_mem_stats() }
}

/// A list node: word 0 = next (pointer), word 1 = value.
fn node_layout() -> Layout<'static> {
    Layout::pointers(&[0b01], 2)
}

fn push(h: &Heap, c: &mut Cache, next: usize, v: usize) -> usize {
    let n = h.alloc(c, 16, node_layout()) as usize;
    wr(n, 0, next);
    wr(n, 1, v);
    n
}

fn list_sum(mut n: usize) -> (usize, usize) {
    let (mut len, mut sum) = (0usize, 0usize);
    while n != 0 {
        len += 1;
        sum = sum.wrapping_add(rd(n, 1));
        n = rd(n, 0);
    }
    (len, sum)
}

// ---- size classes ----

#[test]
fn generated_file_is_current() {
    let want = mksizeclasses::generate();
    let have = include_str!("sizeclasses.rs");
    assert!(
        want == have,
        "sizeclasses.rs is stale: run `cargo run -p gol-gc --bin mksizeclasses > gc/src/sizeclasses.rs`"
    );
}

#[test]
fn classes_are_gos() {
    assert_eq!(NUM_SIZE_CLASSES, 68);
    let sizes: Vec<u32> = CLASS_TO_SIZE.to_vec();
    assert_eq!(
        &sizes[..12],
        &[0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144]
    );
    assert_eq!(sizes[67], 32768);
    assert!(sizes.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn size_lookup_picks_the_smallest_fitting_class() {
    for size in 1..=MAX_SMALL_SIZE {
        let (c, s, _) = size_class_of(size).expect("small");
        assert!(s >= size, "size {size} class {c}");
        assert!(
            (CLASS_TO_SIZE[c - 1] as usize) < size || c == 1,
            "size {size}"
        );
    }
    assert_eq!(size_class_of(0), None);
    assert_eq!(size_class_of(MAX_SMALL_SIZE + 1), None);
    assert_eq!(round_up_size(33), 48);
    assert_eq!(round_up_size(40000), 5 * PAGE_SIZE);
}

#[test]
fn div_magic_is_exact_for_every_offset() {
    for c in 1..NUM_SIZE_CLASSES {
        let size = CLASS_TO_SIZE[c] as u64;
        let span = CLASS_TO_ALLOC_NPAGES[c] as u64 * PAGE_SIZE as u64;
        let m = CLASS_TO_DIV_MAGIC[c] as u64;
        for off in 0..span {
            assert_eq!((off * m) >> 32, off / size, "class {c} offset {off}");
        }
    }
}

#[test]
fn waste_table_bounds_tail_waste() {
    for c in 1..NUM_SIZE_CLASSES {
        let size = CLASS_TO_SIZE[c] as usize;
        let span = CLASS_TO_ALLOC_NPAGES[c] as usize * PAGE_SIZE;
        assert!(span % size <= span / 8, "class {c} wastes more than 1/8");
    }
}

// ---- allocation ----

#[test]
fn allocations_are_aligned_zeroed_and_disjoint() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let mut seen = HashSet::new();
    for size in [
        1usize, 7, 8, 9, 16, 17, 24, 25, 33, 100, 1000, 1024, 1025, 5000, 32768, 32769, 100_000,
    ] {
        for _ in 0..20 {
            let p = h.alloc(&mut c, size, Layout::NOSCAN) as usize;
            assert_eq!(p % 8, 0);
            let class_size = round_up_size(size);
            if class_size % 16 == 0 {
                assert_eq!(p % 16, 0, "size {size}");
            }
            // SAFETY: p is a fresh allocation of `size` bytes.
            let bytes = unsafe { std::slice::from_raw_parts_mut(p as *mut u8, size) };
            assert!(bytes.iter().all(|&b| b == 0));
            bytes.fill(0xAB);
            assert!(seen.insert(p));
            let info = h.object_containing(p + size - 1).expect("object");
            assert_eq!(info.base, p);
            assert!(info.size >= size);
        }
    }
    let z1 = h.alloc(&mut c, 0, Layout::NOSCAN);
    let z2 = h.alloc(&mut c, 0, node_layout());
    assert_eq!(z1, z2, "zero-size allocations share one address");
    assert!(h.object_containing(z1 as usize).is_none());
}

#[test]
fn freed_memory_is_reused_and_rezeroed() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let mut first = HashSet::new();
    for _ in 0..1000 {
        let p = h.alloc(&mut c, 64, Layout::NOSCAN) as usize;
        wr(p, 3, 0xDEAD);
        first.insert(p);
    }
    gc(&h, &[]);
    let mut reused = 0;
    for _ in 0..1000 {
        let p = h.alloc(&mut c, 64, Layout::NOSCAN) as usize;
        reused += first.contains(&p) as usize;
        assert_eq!(rd(p, 3), 0, "reused slot is zeroed");
    }
    assert!(reused > 900, "reused {reused}");
    // Large objects too: the freed pages are reused (the heap does not
    // grow) and handed out zeroed.
    let big = h.alloc(&mut c, 200_000, Layout::NOSCAN);
    // SAFETY: a fresh 200,000-byte allocation.
    unsafe { std::ptr::write_bytes(big, 0xFF, 200_000) };
    gc(&h, &[]);
    let sys = h.stats().heap_sys;
    let big2 = h.alloc(&mut c, 200_000, Layout::NOSCAN);
    assert_eq!(h.stats().heap_sys, sys, "no new memory mapped");
    // SAFETY: a fresh 200,000-byte allocation.
    let bytes = unsafe { std::slice::from_raw_parts(big2, 200_000) };
    assert!(bytes.iter().all(|&b| b == 0));
}

// ---- the collector scenario ----

#[test]
fn lists_survive_and_garbage_is_freed() {
    let h = Heap::new(Config {
        verify: true,
        ..Config::default()
    });
    let mut c = h.new_cache();
    let mut keep = 0;
    let mut drop_ = 0;
    for i in 0..10_000 {
        keep = push(&h, &mut c, keep, i);
        drop_ = push(&h, &mut c, drop_, i * 3);
    }
    let before = exact_stats(&h);
    assert_eq!(before.mallocs, 20_000);
    assert_eq!(before.heap_objects, 20_000);
    let _ = drop_;
    let cs = gc(&h, &[keep]);
    assert_eq!(cs.marked_objects, 10_000);
    assert_eq!(cs.heap_marked_bytes, 10_000 * 16);
    let census = verify(&h);
    assert_eq!(census.objects, 10_000);
    h.finish_sweep();
    let after = exact_stats(&h);
    assert_eq!(after.frees, 10_000);
    assert_eq!(after.heap_objects, 10_000);
    assert_eq!(after.heap_alloc, 10_000 * 16);
    assert_eq!(list_sum(keep), (10_000, (0..10_000).sum()));
    assert_eq!(after.num_gc, 1);
    let line = cs.gctrace_line(12_000_000, 1, 2, true);
    assert!(line.starts_with("gc 1 @0.012s 1%: "), "{line}");
    assert!(
        line.contains(" MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)"),
        "{line}"
    );
    assert!(after.pause_total_ns > 0);
    assert_eq!(after.pause_ns[0], after.pause_total_ns);
}

/// A binary tree node: words 0,1 children; 2 value; 3 a noscan payload
/// pointer to a byte buffer.
fn tree_layout() -> Layout<'static> {
    Layout::pointers(&[0b1011], 4)
}

fn build_tree(h: &Heap, c: &mut Cache, depth: u32, v: &mut usize) -> usize {
    if depth == 0 {
        return 0;
    }
    let l = build_tree(h, c, depth - 1, v);
    let r = build_tree(h, c, depth - 1, v);
    let n = h.alloc(c, 32, tree_layout()) as usize;
    let buf = h.alloc(c, 40, Layout::NOSCAN) as usize;
    *v += 1;
    wr(buf, 4, *v);
    wr(n, 0, l);
    wr(n, 1, r);
    wr(n, 2, *v);
    wr(n, 3, buf);
    n
}

fn tree_check(n: usize) -> (usize, usize) {
    // Explicit stack: the checker must not recurse either.
    let (mut count, mut sum) = (0, 0usize);
    let mut stack = vec![n];
    while let Some(n) = stack.pop() {
        if n == 0 {
            continue;
        }
        count += 1;
        assert_eq!(rd(rd(n, 3), 4), rd(n, 2), "payload intact");
        sum = sum.wrapping_add(rd(n, 2));
        stack.push(rd(n, 0));
        stack.push(rd(n, 1));
    }
    (count, sum)
}

#[test]
fn trees_with_dropped_subtrees() {
    let h = Heap::new(Config {
        verify: true,
        ..Config::default()
    });
    let mut c = h.new_cache();
    let mut v = 0;
    let root = build_tree(&h, &mut c, 12, &mut v); // 4095 nodes
    let (n0, s0) = tree_check(root);
    assert_eq!(n0, 4095);
    // Cut the left subtree (2047 nodes) and keep the right.
    let left = rd(root, 0);
    let (nl, sl) = tree_check(left);
    wr(root, 0, 0);
    let cs = gc(&h, &[root]);
    assert_eq!(cs.marked_objects as usize, 2 * (n0 - nl));
    let census = verify(&h);
    assert_eq!(census.objects as usize, 2 * (n0 - nl));
    assert_eq!(tree_check(root), (n0 - nl, s0 - sl));
    // Allocate over the freed memory and check the survivors again.
    for _ in 0..5000 {
        let p = h.alloc(&mut c, 32, Layout::ALL_POINTERS) as usize;
        wr(p, 0, usize::MAX);
        let q = h.alloc(&mut c, 40, Layout::NOSCAN) as usize;
        wr(q, 4, 12345);
    }
    assert_eq!(tree_check(root), (n0 - nl, s0 - sl));
    gc(&h, &[root]);
    assert_eq!(verify(&h).objects as usize, 2 * (n0 - nl));
}

#[test]
fn deep_list_marks_without_recursion() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let mut head = 0;
    for i in 0..1_000_000 {
        head = push(&h, &mut c, head, i);
    }
    let cs = gc(&h, &[head]);
    assert_eq!(cs.marked_objects, 1_000_000);
    assert_eq!(list_sum(head).0, 1_000_000);
}

#[test]
fn interior_and_conservative_roots() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    // An array of 50 two-word elements; a root points into element 37.
    let arr = h.alloc(&mut c, 800, Layout::pointers(&[0b01], 2)) as usize;
    let target = push(&h, &mut c, 0, 99);
    wr(arr, 74, target); // element 37, word 0: a pointer word
    wr(arr, 75, push(&h, &mut c, 0, 5)); // word 1 of element 37: not a pointer
    let big = h.alloc(&mut c, 100_000, Layout::ALL_POINTERS) as usize;
    wr(big, 12_000, target);
    let cs = gc(&h, &[arr + 37 * 16 + 3, big + 99_999, 12345, usize::MAX, 8]);
    // arr, target, big survive; the node behind a non-pointer word does not.
    assert_eq!(cs.marked_objects, 3);
    assert_eq!(rd(target, 1), 99);
    // A root into a free slot resurrects nothing.
    let dead = push(&h, &mut c, 0, 1);
    gc(&h, &[arr]);
    h.finish_sweep();
    assert!(h.object_containing(dead).is_none(), "dead node freed");
    let cs = gc(&h, &[dead, dead + 8]);
    assert_eq!(cs.marked_objects, 0);
}

#[test]
fn large_objects_with_repeating_layout() {
    let h = Heap::new(Config {
        verify: true,
        ..Config::default()
    });
    let mut c = h.new_cache();
    // [5000]struct{ n int; p *Node; q *Node } = 120,000 bytes.
    let arr = h.alloc(&mut c, 5000 * 24, Layout::pointers(&[0b110], 3)) as usize;
    let mut expect = 0usize;
    for i in 0..5000 {
        let n = push(&h, &mut c, 0, i);
        expect += i;
        wr(arr, i * 3, n); // not a pointer word: the node dies
        if i % 2 == 0 {
            wr(arr, i * 3 + 1, n);
        } else {
            wr(arr, i * 3 + 2, n);
        }
    }
    let cs = gc(&h, &[arr]);
    assert_eq!(cs.marked_objects, 5001);
    let mut sum = 0;
    for i in 0..5000 {
        let n = rd(arr, i * 3 + 1 + (i % 2));
        sum += rd(n, 1);
    }
    assert_eq!(sum, expect);
    // A huge object bigger than an arena.
    let huge = h.alloc(&mut c, 70 << 20, Layout::ALL_POINTERS) as usize;
    let n = push(&h, &mut c, 0, 77);
    wr(huge, (70 << 17) - 1, n);
    gc(&h, &[huge + (50 << 20)]);
    assert_eq!(rd(rd(huge, (70 << 17) - 1), 1), 77);
    verify(&h);
}

#[test]
fn verifier_catches_dangling_and_black_to_white() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let a = push(&h, &mut c, 0, 1);
    let b = push(&h, &mut c, 0, 2);
    gc(&h, &[a]);
    h.finish_sweep();
    // b is free now; make a point at it.
    wr(a, 0, b);
    // SAFETY: single-threaded test: world stopped.
    let r = unsafe { h.verify_heap() };
    assert_eq!(r, Err(VerifyError::Dangling { from: a, to: b }));
    // Black to white: mark `x` by hand, leave `y` (which x points to) white.
    wr(a, 0, 0);
    let y = push(&h, &mut c, 0, 3);
    let x = push(&h, &mut c, y, 4);
    // SAFETY: single-threaded test: world stopped.
    unsafe { h.read_mem_stats() };
    let (sp, idx) = h.find_object(x).expect("x");
    // SAFETY: span structs live as long as the heap.
    unsafe { sp.get() }.mark(idx);
    let r = h.check_graph(
        // SAFETY: as above.
        &|sp, idx| unsafe { sp.get() }.is_marked(idx),
        true,
    );
    assert_eq!(r, Err(VerifyError::BlackToWhite { from: x, to: y }));
    // A root to an unmarked object: the checkmark's root walk catches it.
    wr(x, 0, 0);
    let r = h.verify_marks(&mut |sink| sink(y + 8));
    assert_eq!(r, Err(VerifyError::UnmarkedRoot { root: y + 8 }));
}

// ---- pacing, stress, statistics ----

#[test]
fn should_collect_follows_the_goal() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    assert_eq!(h.goal_bytes(), 4 << 20);
    let mut keep = 0;
    let mut n = 0;
    while !h.should_collect() {
        keep = push(&h, &mut c, keep, n);
        n += 1;
    }
    // Triggered within one span of the goal.
    assert!(h.heap_live_bytes() >= 4 << 20 && h.heap_live_bytes() < (4 << 20) + 8192);
    let cs = gc(&h, &[keep]);
    assert_eq!(cs.heap_marked_bytes, n as u64 * 16);
    assert_eq!(h.goal_bytes(), (4u64 << 20).max(2 * n as u64 * 16));
    assert!(!h.should_collect());
    assert_eq!(h.set_gogc(-1), 100);
    assert_eq!(h.goal_bytes(), u64::MAX);
    // GOGC=off: no automatic cycle, not even in stress mode.
    h.set_stress(true);
    assert!(!h.should_collect());
    assert_eq!(h.set_gogc(100), -1);
    assert!(h.should_collect());
}

#[test]
fn stress_mode_collects_at_every_allocation() {
    let h = Heap::new(Config {
        stress: true,
        verify: true,
        ..Config::default()
    });
    let mut c = h.new_cache();
    let mut keep = 0;
    let mut cycles = 0;
    for i in 0..600 {
        if h.should_collect() {
            gc(&h, &[keep]);
            cycles += 1;
        }
        keep = push(&h, &mut c, keep, i);
        // Garbage between the survivors.
        let g = h.alloc(&mut c, 48, Layout::ALL_POINTERS) as usize;
        wr(g, 0, keep);
        if i % 50 == 0 {
            let big = h.alloc(&mut c, 40_000, Layout::ALL_POINTERS) as usize;
            wr(big, 0, keep);
        }
    }
    assert_eq!(cycles, 600);
    assert_eq!(list_sum(keep), (600, (0..600).sum()));
    gc(&h, &[keep]);
    assert_eq!(verify(&h).objects, 600);
}

#[test]
fn dropped_cache_is_reclaimed_at_collection() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let keep = push(&h, &mut c, 0, 5);
    let mut c2 = h.new_cache();
    for i in 0..100 {
        push(&h, &mut c2, 0, i);
    }
    drop(c2);
    gc(&h, &[keep]);
    h.finish_sweep();
    let st = exact_stats(&h);
    assert_eq!(st.mallocs, 101);
    assert_eq!(st.frees, 100);
    let c3 = h.new_cache();
    h.release_cache(c3);
    drop(c);
}

// ---- threads ----

#[test]
fn threads_allocate_concurrently_then_collect() {
    let h = Heap::new(Config::default());
    let threads = 4;
    let per = 50_000;
    let heads: Vec<usize> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..threads)
            .map(|t| {
                let h = &h;
                s.spawn(move || {
                    let mut c = h.new_cache();
                    let mut head = 0;
                    for i in 0..per {
                        head = push(h, &mut c, head, t * per + i);
                        let sz = 8 + (i * 37) % 3000;
                        let g = h.alloc(&mut c, sz, Layout::ALL_POINTERS) as usize;
                        wr(g, 0, head);
                        if i % 1000 == 0 {
                            let b = h.alloc(&mut c, 50_000, Layout::NOSCAN) as usize;
                            wr(b, 6000, 1);
                        }
                    }
                    h.release_cache(c);
                    head
                })
            })
            .collect();
        hs.into_iter().map(|j| j.join().expect("thread")).collect()
    });
    let cs = gc(&h, &heads);
    assert_eq!(cs.marked_objects as usize, threads * per);
    for (t, &head) in heads.iter().enumerate() {
        let (n, sum) = list_sum(head);
        assert_eq!(n, per);
        assert_eq!(sum, (t * per..(t + 1) * per).sum());
    }
    assert_eq!(verify(&h).objects as usize, threads * per);
    let st = exact_stats(&h);
    assert_eq!(st.mallocs as usize, threads * (2 * per + per / 1000));
}

// ---- bounded memory ----

/// Allocate `total` bytes in a mix of sizes with a small live set,
/// collecting when the pacer says so; resident memory (mapped minus
/// released) must stay bounded.
fn churn(total: usize) -> (u64, u32) {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let sizes = [24usize, 200, 1500, 9000, 30_000, 100_000, 1 << 20];
    let mut ring = [0usize; 64]; // the live set: the last 64 objects
    let mut done = 0;
    let mut i = 0;
    let mut peak = 0u64;
    while done < total {
        let size = sizes[i % sizes.len()];
        let layout = if i % 3 == 0 {
            Layout::ALL_POINTERS
        } else {
            Layout::NOSCAN
        };
        let p = h.alloc(&mut c, size, layout) as usize;
        // Scan objects point at a noscan one (i-62 is never a multiple of
        // 3 when i is), so no chain keeps old objects alive.
        wr(p, 0, ring[(i + 2) % 64] * (i % 3 == 0) as usize);
        ring[i % 64] = p;
        done += size;
        i += 1;
        if h.should_collect() {
            gc(&h, &ring);
            let st = h.stats();
            peak = peak.max(st.heap_sys - st.heap_released);
        }
    }
    let st = h.stats();
    eprintln!(
        "churned {total} bytes: {} cycles, resident peak {peak}, heap_sys {}",
        st.num_gc, st.heap_sys
    );
    (peak, st.num_gc)
}

#[test]
fn churning_one_gigabyte_stays_bounded() {
    let (peak, cycles) = churn(1 << 30);
    assert!(cycles > 20, "cycles {cycles}");
    assert!(peak < 64 << 20, "resident peak {peak}");
}

#[test]
#[ignore = "allocates 10 GB; run with --ignored (about 10 s in release)"]
fn churning_ten_gigabytes_stays_bounded() {
    let (peak, cycles) = churn(10 << 30);
    assert!(cycles > 200, "cycles {cycles}");
    assert!(peak < 64 << 20, "resident peak {peak}");
}

#[test]
fn free_os_memory_releases_everything_free() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    for _ in 0..200 {
        let p = h.alloc(&mut c, 100_000, Layout::NOSCAN) as usize;
        wr(p, 100, 1);
    }
    gc(&h, &[]);
    h.free_os_memory();
    let st = exact_stats(&h);
    assert_eq!(st.heap_inuse + st.heap_released, st.heap_sys);
}

#[test]
fn heap_and_cache_cross_threads() {
    fn send_sync<T: Send + Sync>() {}
    fn send<T: Send>() {}
    send_sync::<Heap>();
    send::<Cache>();
}

/// Threads allocate with their own caches; at each round they stop at a
/// barrier (the "world stopped"), one of them collects with everybody's
/// roots while the others wait holding their caches, then all resume.
#[test]
fn stop_the_world_rounds_with_live_caches() {
    use std::sync::{Barrier, Mutex};
    let h = Heap::new(Config {
        verify: true,
        ..Config::default()
    });
    let threads = 3;
    let rounds = 8;
    let per_round = 3000;
    let heads = Mutex::new(vec![0usize; threads]);
    let barrier = Barrier::new(threads);
    std::thread::scope(|s| {
        for t in 0..threads {
            let (h, heads, barrier) = (&h, &heads, &barrier);
            s.spawn(move || {
                let mut c = h.new_cache();
                let mut head = 0;
                for r in 0..rounds {
                    for i in 0..per_round {
                        head = push(h, &mut c, head, r * per_round + i);
                        // Garbage of assorted sizes.
                        h.alloc(&mut c, 8 + (i * 13) % 2000, Layout::ALL_POINTERS);
                    }
                    heads.lock().expect("heads")[t] = head;
                    if barrier.wait().is_leader() {
                        let roots = heads.lock().expect("heads").clone();
                        let cs = gc(h, &roots);
                        assert_eq!(cs.marked_objects as usize, threads * (r + 1) * per_round);
                    }
                    barrier.wait();
                }
                let (n, sum) = list_sum(head);
                assert_eq!(n, rounds * per_round);
                assert_eq!(sum, (0..rounds * per_round).sum());
            });
        }
    });
    let roots = heads.lock().expect("heads").clone();
    gc(&h, &roots);
    assert_eq!(verify(&h).objects as usize, threads * rounds * per_round);
}

#[test]
#[ignore = "timing; run with --release --ignored --nocapture"]
fn allocation_speed() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let n = 10_000_000;
    let t = std::time::Instant::now();
    let mut head = 0;
    for i in 0..n {
        head = push(&h, &mut c, if i % 100 == 0 { 0 } else { head }, i);
        if h.should_collect() {
            gc(&h, &[head]);
        }
    }
    let el = t.elapsed();
    eprintln!(
        "{n} 16-byte allocations with collection: {:.1} ns each, {} cycles",
        el.as_nanos() as f64 / n as f64,
        h.stats().num_gc
    );
}

/// A deterministic xorshift generator for the randomized test.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// What the test knows about one object.
struct Shadow {
    addr: usize,
    words: usize,
    mask: Vec<u64>,
    elem_words: usize,
}

impl Shadow {
    fn layout(&self) -> Layout<'_> {
        Layout::pointers(&self.mask, self.elem_words)
    }
    fn ptr_words(&self) -> Vec<usize> {
        (0..self.words)
            .filter(|&w| self.layout().is_pointer(w))
            .collect()
    }
}

fn expected_word(id: usize, w: usize) -> usize {
    id.wrapping_mul(0x9E37_79B9).wrapping_add(w)
}

/// Random object graphs under random mutation: after every collection the
/// heap graph reachable from the roots matches the shadow model exactly,
/// every reachable object's data is intact, and the collector marked
/// exactly the reachable objects.
#[test]
fn random_graphs_match_the_shadow_model() {
    for seed in [1u64, 7, 12345] {
        let h = Heap::new(Config {
            verify: true,
            ..Config::default()
        });
        let mut c = h.new_cache();
        let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
        let mut objs: Vec<Shadow> = Vec::new(); // by id
        let mut by_addr: std::collections::HashMap<usize, usize> = Default::default();
        let mut live: Vec<usize> = Vec::new(); // ids that may be touched
        let mut roots = [0usize; 16]; // object ids + 1, 0 = empty
        for step in 0..6000 {
            match rng.below(10) {
                0..=5 => {
                    // Allocate a random object and link it from somewhere.
                    let big = rng.below(50) == 0;
                    let bytes = if big {
                        33_000 + rng.below(100_000)
                    } else {
                        8 * (1 + rng.below(300))
                    };
                    let elem_words = 1 + rng.below(6);
                    // Word 0 of each element is data (it holds the id or a
                    // checksum), the others pointers at random.
                    let mask = vec![rng.next() & !1 & ((1u64 << elem_words) - 1)];
                    let id = objs.len();
                    let sh = Shadow {
                        addr: 0,
                        words: bytes / 8,
                        mask,
                        elem_words,
                    };
                    let addr = h.alloc(&mut c, bytes, sh.layout()) as usize;
                    let sh = Shadow { addr, ..sh };
                    for w in 0..sh.words {
                        if !sh.layout().is_pointer(w) {
                            wr(addr, w, expected_word(id, w));
                        } else {
                            assert_eq!(rd(addr, w), 0, "fresh pointer word is zero");
                        }
                    }
                    by_addr.insert(addr, id);
                    objs.push(sh);
                    if !live.is_empty() && rng.below(3) > 0 {
                        let from = live[rng.below(live.len())];
                        let pw = objs[from].ptr_words();
                        if !pw.is_empty() {
                            wr(objs[from].addr, pw[rng.below(pw.len())], addr);
                        }
                    } else {
                        roots[rng.below(16)] = id + 1;
                    }
                    live.push(id);
                }
                6 | 7 => {
                    // Rewire or cut a pointer between live objects.
                    if live.len() > 1 {
                        let from = live[rng.below(live.len())];
                        let pw = objs[from].ptr_words();
                        if !pw.is_empty() {
                            let to = if rng.below(4) == 0 {
                                0
                            } else {
                                objs[live[rng.below(live.len())]].addr
                            };
                            wr(objs[from].addr, pw[rng.below(pw.len())], to);
                        }
                    }
                }
                8 => roots[rng.below(16)] = 0,
                _ => {
                    // Collect, with interior root pointers, and compare.
                    let root_words: Vec<usize> = roots
                        .iter()
                        .filter(|&&r| r != 0)
                        .map(|&r| {
                            let o = &objs[r - 1];
                            o.addr + 8 * rng.below(o.words)
                        })
                        .collect();
                    let cs = gc(&h, &root_words);
                    // Walk the shadow graph from the roots.
                    let mut seen = HashSet::new();
                    let mut stack: Vec<usize> =
                        roots.iter().filter(|&&r| r != 0).map(|&r| r - 1).collect();
                    while let Some(id) = stack.pop() {
                        if !seen.insert(id) {
                            continue;
                        }
                        let o = &objs[id];
                        for w in 0..o.words {
                            let v = rd(o.addr, w);
                            if o.layout().is_pointer(w) {
                                if v != 0 {
                                    let to = *by_addr.get(&v).unwrap_or_else(|| {
                                        panic!("step {step}: wild pointer {v:#x}")
                                    });
                                    stack.push(to);
                                }
                            } else {
                                assert_eq!(
                                    v,
                                    expected_word(id, w),
                                    "step {step}: data of object {id}"
                                );
                            }
                        }
                    }
                    assert_eq!(cs.marked_objects as usize, seen.len(), "step {step}");
                    // Forget the dead: they must never be touched again.
                    live.retain(|id| seen.contains(id));
                    by_addr.retain(|_, id| seen.contains(id));
                }
            }
        }
        let census = verify(&h);
        assert!(census.objects as usize >= live.len());
    }
}

/// A broken invariant is a Go-style fatal error: `fatal error: ...` on
/// stderr and exit status 2. Checked in a child process (this test binary
/// re-run on this one test).
#[test]
fn misuse_is_a_fatal_error_not_a_panic() {
    if std::env::var_os("GOL_GC_FATAL_CHILD").is_some() {
        let a = Heap::new(Config::default());
        let b = Heap::new(Config::default());
        let mut c = a.new_cache();
        b.alloc(&mut c, 8, Layout::NOSCAN);
        unreachable!("alloc with a foreign cache returned");
    }
    let exe = std::env::current_exe().expect("test binary");
    let out = std::process::Command::new(exe)
        .args([
            "--exact",
            "tests::misuse_is_a_fatal_error_not_a_panic",
            "--nocapture",
        ])
        .env("GOL_GC_FATAL_CHILD", "1")
        .output()
        .expect("run child");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.contains("fatal error: gc: allocation cache used with a heap it does not belong to"),
        "stderr: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
}

/// Allocating threads and a background sweeper run at the same time
/// between stop-the-world collections: lazy sweeping by allocators
/// (`cache_span`, `reclaim`) races with `sweep_step`.
#[test]
fn background_sweeper_races_allocators() {
    use std::sync::{Barrier, Mutex};
    let h = Heap::new(Config::default());
    let threads = 3;
    let rounds = 6;
    let per_round = 4000;
    let heads = Mutex::new(vec![0usize; threads]);
    let barrier = Barrier::new(threads + 1);
    std::thread::scope(|s| {
        // The sweeper: sweeps everything it can, then joins the stop.
        {
            let (h, barrier) = (&h, &barrier);
            s.spawn(move || {
                for _ in 0..rounds {
                    while h.sweep_step() {}
                    barrier.wait(); // stop the world
                    barrier.wait(); // collection done
                }
            });
        }
        for t in 0..threads {
            let (h, heads, barrier) = (&h, &heads, &barrier);
            s.spawn(move || {
                let mut c = h.new_cache();
                let mut head = 0;
                for r in 0..rounds {
                    for i in 0..per_round {
                        // Keep every 4th node; the rest is garbage.
                        let n = push(
                            h,
                            &mut c,
                            if i % 4 == 0 { head } else { 0 },
                            r * per_round + i,
                        );
                        if i % 4 == 0 {
                            head = n;
                        }
                        if i % 500 == 0 {
                            h.alloc(&mut c, 40_000 + i, Layout::ALL_POINTERS);
                        }
                    }
                    heads.lock().expect("heads")[t] = head;
                    if barrier.wait().is_leader() {
                        let roots = heads.lock().expect("heads").clone();
                        gc(h, &roots);
                    }
                    barrier.wait();
                }
                let (n, _) = list_sum(head);
                assert_eq!(n, rounds * per_round / 4);
            });
        }
    });
    let roots = heads.lock().expect("heads").clone();
    gc(&h, &roots);
    assert_eq!(
        verify(&h).objects as usize,
        threads * rounds * per_round / 4
    );
    h.finish_sweep();
    let st = exact_stats(&h);
    assert_eq!(st.heap_objects as usize, threads * rounds * per_round / 4);
}

// ---- finalizers (mfinal.rs) ----

#[test]
fn finalizers_run_once_in_dependency_order() {
    let h = Heap::new(Config {
        verify: true,
        ..Config::default()
    });
    let mut c = h.new_cache();
    // b <- a: both finalizable and otherwise unreachable; `kept` is
    // finalizable but reachable; `cyc` points to itself.
    let b = push(&h, &mut c, 0, 2);
    let a = push(&h, &mut c, b, 1);
    let kept = push(&h, &mut c, 0, 3);
    let cyc = push(&h, &mut c, 0, 4);
    wr(cyc, 0, cyc);
    for o in [a, b, kept, cyc] {
        assert!(h.add_finalizer(o));
    }
    assert!(!h.add_finalizer(a), "a second finalizer is refused");
    assert!(!h.add_finalizer(12345), "not a heap object");
    gc(&h, &[kept]);
    // Only a: b is reached through a, kept from the root, cyc from itself.
    assert!(h.finalizers_ready());
    assert_eq!(h.take_ready_finalizers(), vec![a]);
    assert!(!h.finalizers_ready());
    // a survived the cycle for its finalizer, with what it points to.
    assert_eq!(list_sum(a), (2, 3));
    verify(&h);
    // a's finalizer ran and dropped it: now b's turn.
    gc(&h, &[kept]);
    assert_eq!(h.take_ready_finalizers(), vec![b]);
    assert_eq!(rd(b, 1), 2);
    gc(&h, &[kept]);
    assert!(h.take_ready_finalizers().is_empty());
    // Removing a finalizer: kept, once unreachable, is just freed.
    assert!(h.remove_finalizer(kept));
    gc(&h, &[]);
    assert!(h.take_ready_finalizers().is_empty());
}

#[test]
fn ready_finalizers_are_roots_until_taken() {
    let h = Heap::new(Config::default());
    let mut c = h.new_cache();
    let a = push(&h, &mut c, 0, 7);
    assert!(h.add_finalizer(a));
    gc(&h, &[]);
    // Not taken yet: another cycle must keep a (and not report it twice).
    gc(&h, &[]);
    h.finish_sweep();
    assert_eq!(exact_stats(&h).heap_objects, 1);
    assert_eq!(h.take_ready_finalizers(), vec![a]);
    assert_eq!(rd(a, 1), 7);
}
