//! The heap's only contact with the operating system: reserving, releasing
//! and returning address space (Go's `mem_linux.go`, much reduced).
//!
//! * [`map_aligned`] maps zeroed, readable and writable anonymous memory,
//!   aligned to a power of two by over-mapping and trimming. The kernel
//!   commits a page only when it is first touched, so a 64 MiB arena or the
//!   32 MiB arena index costs nothing until it is used. Fresh pages read as
//!   zero: the heap never zeroes them again (`Run::released`).
//! * [`Reserve`] says whether the mapping is accounted. The arena index,
//!   sparse by design, is mapped with `MAP_NORESERVE`. Heap regions are
//!   not, as Go maps its heap: under Linux's default overcommit policy a
//!   single request larger than RAM plus swap then fails at once, and the
//!   program dies with Go's `fatal error: runtime: out of memory` in a
//!   moment (`make([]int, 1<<40)`), where `MAP_NORESERVE` would accept the
//!   8 TiB and the heap would spend 20 s and gigabytes building page maps
//!   for it before the OOM killer ends everything.
//! * [`release`] is `madvise(MADV_DONTNEED)`: the pages stay mapped (the page
//!   map and every span pointer stay valid) but their physical memory goes
//!   back to the OS and they read as zero when next touched. This is how the
//!   scavenger returns free page runs.
//! * [`unmap`] gives a whole mapping back, when the heap is dropped.
//! * [`available`] says how much more physical memory the system can give
//!   this process: `MemAvailable` plus free swap from `/proc/meminfo`, and
//!   no more than the headroom of each enclosing memory cgroup (v2's
//!   `memory.max` minus `memory.current`, v1's `limit_in_bytes` minus
//!   `usage_in_bytes`, inactive page cache not counted as used). The overcommit check above refuses only a
//!   single request larger than the whole machine; a heap that grows in
//!   smaller steps past what the machine holds is killed by the kernel's OOM
//!   killer (SIGKILL, no message, stdout lost). The page heap asks
//!   [`available`] before it faults in fresh pages (`pageheap.rs`, *Commit
//!   budget*) and fails with Go's fatal error instead.
//!
//! Rejected: `std::alloc` with page alignment. It cannot release part of an
//! allocation, so a heap that grew once would keep its peak resident size;
//! and it commits what it returns on some allocators.

/// Whether a mapping is accounted against the system's commit limit.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Reserve {
    /// Accounted (heap memory): a request the system cannot back fails.
    Commit,
    /// `MAP_NORESERVE` (sparse tables, mostly never touched).
    Sparse,
}

/// Map `size` bytes (a multiple of the OS page size) aligned to `align` (a
/// power of two, at least the OS page size). Returns `None` when the OS
/// refuses.
pub(crate) fn map_aligned(size: usize, align: usize, reserve: Reserve) -> Option<usize> {
    debug_assert!(align.is_power_of_two());
    let total = size.checked_add(align)?;
    let flags = match reserve {
        Reserve::Commit => libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
        Reserve::Sparse => libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
    };
    // SAFETY: an anonymous private mapping with a null hint creates fresh
    // memory and touches no existing mapping.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            total,
            libc::PROT_READ | libc::PROT_WRITE,
            flags,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        return None;
    }
    let start = p as usize;
    let aligned = (start + align - 1) & !(align - 1);
    let head = aligned - start;
    let tail = total - head - size;
    if head > 0 {
        // SAFETY: [start, aligned) is the front of the mapping made above and
        // nothing refers to it.
        unsafe { libc::munmap(start as *mut libc::c_void, head) };
    }
    if tail > 0 {
        // SAFETY: [aligned+size, start+total) is the back of the same mapping,
        // unreferenced.
        unsafe { libc::munmap((aligned + size) as *mut libc::c_void, tail) };
    }
    Some(aligned)
}

/// Return the physical memory behind `[addr, addr+size)` to the OS. The range
/// stays mapped and reads as zero afterwards.
///
/// # Safety
/// The range lies inside a mapping made by [`map_aligned`] and holds no live
/// data (its contents are discarded).
pub(crate) unsafe fn release(addr: usize, size: usize) {
    // SAFETY: the caller promises the range is ours and dead; MADV_DONTNEED on
    // private anonymous memory only drops its contents.
    unsafe { libc::madvise(addr as *mut libc::c_void, size, libc::MADV_DONTNEED) };
}

/// Unmap a whole mapping made by [`map_aligned`].
///
/// # Safety
/// `[addr, addr+size)` is exactly a mapping returned by [`map_aligned`] (or a
/// whole part of one) and nothing will touch it again.
pub(crate) unsafe fn unmap(addr: usize, size: usize) {
    // SAFETY: by the caller's promise the range is ours and unreferenced.
    unsafe { libc::munmap(addr as *mut libc::c_void, size) };
}

/// Bytes the system can still back with physical memory for this process,
/// or `None` when it cannot be told (no `/proc`). See the module docs.
pub(crate) fn available() -> Option<u64> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok()?;
    let mut avail = meminfo_available(&meminfo)?;
    if let Some(h) = cgroup_headroom() {
        avail = avail.min(h);
    }
    Some(avail)
}

/// `MemAvailable + SwapFree` of a `/proc/meminfo` text, in bytes.
fn meminfo_available(text: &str) -> Option<u64> {
    let field = |name: &str| -> Option<u64> {
        let line = text.lines().find(|l| l.starts_with(name))?;
        let kb: u64 = line[name.len()..]
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()?;
        Some(kb * 1024)
    };
    Some(field("MemAvailable:")? + field("SwapFree:").unwrap_or(0))
}

/// The files of a cgroup's memory controller: limit, usage, and the key in
/// `memory.stat` of the page cache that reclaim frees first (usage counts it).
struct CgroupFiles {
    limit: &'static str,
    usage: &'static str,
    inactive_file: &'static str,
}

const CGROUP_V2: CgroupFiles = CgroupFiles {
    limit: "memory.max",
    usage: "memory.current",
    inactive_file: "inactive_file",
};

const CGROUP_V1: CgroupFiles = CgroupFiles {
    limit: "memory.limit_in_bytes",
    usage: "memory.usage_in_bytes",
    inactive_file: "total_inactive_file",
};

/// The least headroom of this process's memory cgroups (v2 and v1, their
/// ancestors included); `None` when none of them has a limit.
fn cgroup_headroom() -> Option<u64> {
    use std::path::{Path, PathBuf};
    let own = std::fs::read_to_string("/proc/self/cgroup").ok()?;
    let mut least: Option<u64> = None;
    // Lines are `hierarchy:controllers:path`; v2's controllers are empty.
    for line in own.lines() {
        let mut parts = line.splitn(3, ':');
        let (Some(_), Some(ctl), Some(path)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let (roots, files): (&[&str], &CgroupFiles) = if ctl.is_empty() {
            (&["/sys/fs/cgroup", "/sys/fs/cgroup/unified"], &CGROUP_V2)
        } else if ctl.split(',').any(|c| c == "memory") {
            (&["/sys/fs/cgroup/memory"], &CGROUP_V1)
        } else {
            continue;
        };
        for root in roots {
            let mut dir = PathBuf::from(root);
            dir.push(path.trim_start_matches('/'));
            loop {
                let read = |f: &str| std::fs::read_to_string(dir.join(f)).ok();
                if let (Some(max), Some(cur)) = (read(files.limit), read(files.usage)) {
                    let stat = read("memory.stat").unwrap_or_default();
                    if let Some(h) = headroom(&max, &cur, &stat, files.inactive_file) {
                        least = Some(least.map_or(h, |l| l.min(h)));
                    }
                }
                if dir == Path::new(root) || !dir.pop() {
                    break;
                }
            }
        }
    }
    least
}

/// A cgroup's limit less its usage, not counting inactive page cache (the
/// kernel reclaims it before it would kill); `None` for no limit (`max`).
fn headroom(max: &str, current: &str, stat: &str, inactive_key: &str) -> Option<u64> {
    let max: u64 = max.trim().parse().ok()?;
    let cur: u64 = current.trim().parse().ok()?;
    let inactive: u64 = stat
        .lines()
        .find_map(|l| l.strip_prefix(inactive_key)?.strip_prefix(' '))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    Some(max.saturating_sub(cur.saturating_sub(inactive)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn available_memory_reads_meminfo_and_cgroup_limits() {
        let text = "MemTotal:       24731408 kB\nMemFree:  100 kB\nMemAvailable:   23898576 kB\nSwapTotal: 8 kB\nSwapFree:  4 kB\n";
        assert_eq!(meminfo_available(text), Some((23898576 + 4) * 1024));
        assert_eq!(meminfo_available("MemAvailable: 10 kB\n"), Some(10240));
        assert_eq!(meminfo_available("MemTotal: 10 kB\n"), None);
        assert_eq!(headroom("max\n", "100\n", "", "inactive_file"), None);
        assert_eq!(headroom("1000\n", "100\n", "", "inactive_file"), Some(900));
        assert_eq!(headroom("1000\n", "2000\n", "", "inactive_file"), Some(0));
        let stat = "active_file 5\ninactive_file 300\n";
        assert_eq!(
            headroom("1000\n", "600\n", stat, "inactive_file"),
            Some(700)
        );
        let v1 = "inactive_file 1\ntotal_inactive_file 100\n";
        assert_eq!(
            headroom("1000\n", "600\n", v1, "total_inactive_file"),
            Some(500)
        );
        // On this machine the figure exists and is below the physical total.
        if let Some(a) = available() {
            assert!(a > 0);
        }
    }

    #[test]
    fn mapping_is_aligned_zeroed_and_releasable() {
        let align = 1 << 20;
        let size = 4 << 20;
        let a = map_aligned(size, align, Reserve::Commit).expect("mmap");
        assert_eq!(a % align, 0);
        let p = a as *mut u8;
        // SAFETY: [a, a+size) was just mapped read-write for this test.
        unsafe {
            assert_eq!(*p.add(size - 1), 0);
            *p.add(100) = 7;
            assert_eq!(*p.add(100), 7);
            release(a, 8192);
            assert_eq!(*p.add(100), 0, "released page reads as zero");
            unmap(a, size);
        }
    }

    #[test]
    fn a_request_beyond_the_address_space_fails_at_once() {
        // 2^46 bytes (64 TiB) is more than any test machine's RAM and swap:
        // refused by the kernel's overcommit check under its default policy
        // (mode 0) and strict policy (mode 2). Mode 1 accepts everything.
        let mode = std::fs::read_to_string("/proc/sys/vm/overcommit_memory").unwrap_or_default();
        if mode.trim() == "1" {
            return;
        }
        let t = std::time::Instant::now();
        assert_eq!(map_aligned(1 << 46, 1 << 26, Reserve::Commit), None);
        assert!(t.elapsed() < std::time::Duration::from_secs(1));
    }
}
