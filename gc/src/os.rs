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

#[cfg(test)]
mod tests {
    use super::*;

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
