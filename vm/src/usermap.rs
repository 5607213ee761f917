//! User mappings: memory a program maps itself with `syscall.Mmap`, the
//! protections `syscall.Mprotect` gives its pages, and the check that
//! turns an access to a page without the needed protection into Go's
//! fault (a panic under `debug.SetPanicOnFault`, else Go's fatal
//! `unexpected fault address` report) without ever taking the signal.
//!
//! # Why a software check
//! Go recovers a fault by letting the hardware trap, then making the
//! signal handler resume the goroutine in `sigpanic`. gol cannot do that
//! safely: the access happens inside a Rust function of the interpreter
//! (a `match` arm with borrows, locks and half-updated locals), and
//! leaving it from a signal handler (longjmp, or rewriting the PC) would
//! skip its destructors and break the interpreter's state. So the
//! interpreter asks first: every instruction that reads or writes memory
//! through a pointer or a slice (`Load`/`Store` and their narrow and
//! typed forms, `SliceGet`/`SliceSet`, `copy`, `append`, `clear`,
//! conversions of byte and rune slices to strings, whole-value copies
//! through pointers) compares the bytes it is about to touch with this
//! registry ([`check`]) and, when a page of them lacks the protection,
//! does not touch them but reports the fault as Go would.
//!
//! # Who pays
//! Only a process that has mapped memory: [`active`] is false until the
//! first successful [`map`], and the interpreter then runs its memory
//! instructions in `run`'s checked arms, as it does under the race
//! detector (`fast::<true>`). A program that never maps reads one flag
//! when `fast` stops, and runs the same code otherwise. Once set, the flag
//! stays set (a later `Munmap` leaves its pages in the registry, below).
//! With the flag set, an access outside `[LO, HI)`, the span of every
//! region ever registered, is two relaxed loads and two compares; only
//! one inside it takes the read lock.
//!
//! # The registry
//! `REGISTRY` holds, sorted by address and disjoint:
//! * `regions`: runs of pages with one protection each (`PROT_*` bits,
//!   or [`GONE`] for a page that was unmapped), page-aligned, adjacent
//!   runs with equal protections merged;
//! * `live`: the mappings `Munmap` may still unmap, as `map` returned
//!   them (start, length in bytes): Go's `Munmap` takes only a whole
//!   slice that `Mmap` returned, and so does [`unmap`].
//!
//! Invariants, each kept under the write lock:
//! 1. Every page of every live mapping is in a region whose protection
//!    is the one the kernel has for it (`map` and `protect` change the
//!    kernel's first and record the change only when the call succeeded).
//! 2. A region is never removed: `unmap` does not give the address range
//!    back to the kernel but replaces it with a fresh inaccessible
//!    mapping (`PROT_NONE`, no memory behind it) and marks it [`GONE`].
//!    So no later allocation (the collector's page heap, Rust's `malloc`)
//!    can be placed where a program may still hold a slice, and an access
//!    through such a stale slice faults in the check (Go's `code=0x1`,
//!    SEGV_MAPERR) instead of corrupting the heap that would otherwise
//!    reuse the address. Adjacent unmapped runs merge, so a program that
//!    maps and unmaps in a loop keeps a short list (the kernel merges the
//!    placeholder mappings the same way).
//! 3. `LO` and `HI` bound every region (they only widen).
//!
//! # What is checked and what is not
//! Checked: the interpreter's own accesses, listed above (`interp/mod.rs`
//! `race!`, `interp/slices.rs` `check_mapped`). A fault is reported at the
//! first byte of the access inside the first page that refuses it, as the
//! hardware reports it. Readable means any protection but `PROT_NONE`
//! (on x86-64 Linux a write-only or execute-only page is readable);
//! writable means `PROT_WRITE`.
//!
//! Not checked: natives that read or write a slice's memory themselves
//! (`fmt` printing a `[]byte`, `os.File.Write`, `bytes.Equal`, a string
//! made by a native): on a protected page they take the real SIGSEGV,
//! which `gol`'s signal handler (src/fault.rs) reports as Go's runtime
//! reports a fault outside Go code (`unexpected fault address`, `fatal
//! error: fault`, the signal line, the goroutine) with exit status 2,
//! whatever `SetPanicOnFault` says. A system call handed such memory
//! returns EFAULT, as in Go. The same report ends an access that passed
//! the check while another goroutine was changing the page's protection
//! (a data race on the mapping: the check and the access are not one
//! step). A `MAP_SHARED` file mapping read past the file's end raises
//! SIGBUS in the kernel, which no registry can foresee: the same report.
//!
//! # The collector, the write barrier and the race detector
//! A slice of mapped memory holds a pointer outside the GC heap. The
//! collector's `find_object` looks a word up in the page heap's span
//! table and ignores a word outside every span (`PageHeap::span_of`), as
//! Go's `findObject` ignores a pointer outside its arenas: scanning a
//! stack or an object that holds such a slice marks nothing, and the
//! write barrier's shading of it (a slice stored into the heap) is the
//! same lookup, a no-op. The race detector's shadow cells cover any
//! address (a chunk per 64 MiB touched), so accesses to mapped memory
//! are race-checked like heap accesses. Nothing frees mapped memory but
//! `unmap`.
//!
//! # Deviations from Go, on purpose
//! * `MAP_FIXED` is refused (EINVAL): placed over the collector's heap or
//!   a thread's stack it would corrupt the VM.
//! * `Mprotect` of memory that is not a user mapping is refused (EINVAL):
//!   a protected page of the GC heap would fault inside the collector,
//!   where no check runs.
//! * `Munmap` keeps the address range reserved (invariant 2).
//!
//! Rejected: recovering from the real SIGSEGV (see above); a check by
//! `mincore`/`/proc/self/maps` at each access (a system call per load);
//! a per-G registry (mappings are the process's, and a slice may be
//! passed to any goroutine).

use std::sync::atomic::{
    AtomicBool, AtomicU64, Ordering::Acquire, Ordering::Relaxed, Ordering::Release,
};
use std::sync::RwLock;

/// The protection bit of a writable page.
const PROT_WRITE: u8 = libc::PROT_WRITE as u8;
/// The protection bits a program may ask for.
const PROT_MASK: i64 = (libc::PROT_READ | libc::PROT_WRITE | libc::PROT_EXEC) as i64;
/// The mark of a page that `unmap` took away (no `PROT_*` bit is this).
pub(crate) const GONE: u8 = 0x80;

/// Set by the first successful [`map`], never cleared. Release pairs with
/// the Acquire in [`active`]: a thread that sees it set sees the region
/// registered before it (the slice itself reaches another goroutine only
/// through synchronisation that orders the registration anyway).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// The lowest start and the highest end of any region ([`check`]'s fast
/// test). Written under the write lock, only ever widened, before the
/// mapping is handed to the program; read relaxed: an access to a
/// region is ordered after its registration by whatever handed the
/// program the slice (as for `ACTIVE`).
static LO: AtomicU64 = AtomicU64::new(u64::MAX);
static HI: AtomicU64 = AtomicU64::new(0);
/// The registry (module docs).
static REGISTRY: RwLock<Registry> = RwLock::new(Registry {
    regions: Vec::new(),
    live: Vec::new(),
});

/// A run of pages with one protection: `[start, end)`, page-aligned.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Region {
    start: u64,
    end: u64,
    prot: u8,
}

struct Registry {
    /// Sorted by `start`, disjoint, adjacent equal runs merged.
    regions: Vec<Region>,
    /// The mappings `unmap` may take: (start, length in bytes), sorted.
    live: Vec<(u64, u64)>,
}

/// An access the registry refuses: the first byte refused, and the
/// kernel's `si_code` for it (1: SEGV_MAPERR, the page was unmapped; 2:
/// SEGV_ACCERR, mapped without the protection).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Fault {
    pub(crate) addr: u64,
    pub(crate) code: u32,
}

/// Whether the process has user mappings (the interpreter then checks its
/// memory accesses).
#[inline(always)]
pub(crate) fn active() -> bool {
    ACTIVE.load(Acquire)
}

/// Checks an access of `len` bytes at `addr` (a write when `write`)
/// against the user mappings: Err when a byte of it is on a page whose
/// protection refuses it. Bytes outside every user mapping are not this
/// module's (the heap, globals): Ok.
#[inline(always)]
pub(crate) fn check(addr: u64, len: u64, write: bool) -> Result<(), Fault> {
    let end = addr.saturating_add(len);
    if len == 0 || end <= LO.load(Relaxed) || addr >= HI.load(Relaxed) {
        return Ok(());
    }
    check_slow(addr, end, write)
}

#[cold]
#[inline(never)]
fn check_slow(addr: u64, end: u64, write: bool) -> Result<(), Fault> {
    let reg = REGISTRY.read().unwrap_or_else(|e| e.into_inner());
    let regions = &reg.regions;
    // The first region that ends past `addr`.
    let first = regions.partition_point(|r| r.end <= addr);
    for r in regions[first..].iter().take_while(|r| r.start < end) {
        let ok = if r.prot == GONE {
            false
        } else if write {
            r.prot & PROT_WRITE != 0
        } else {
            r.prot != 0
        };
        if !ok {
            return Err(Fault {
                addr: addr.max(r.start),
                code: if r.prot == GONE { 1 } else { 2 },
            });
        }
    }
    Ok(())
}

/// The system's page size (also `os.Getpagesize` and
/// `syscall.Getpagesize`, so that a program's page arithmetic and this
/// registry's agree).
pub fn page_size() -> u64 {
    // SAFETY: sysconf(3) reads a constant of the system.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p > 0 {
        p as u64
    } else {
        4096
    }
}

/// `len` bytes rounded up to whole pages: what a mapping of `len` bytes
/// spans, and what `mprotect` changes for a range of `len` bytes.
fn whole_pages(len: u64) -> u64 {
    let ps = page_size();
    len.div_ceil(ps) * ps
}

/// The calling thread's `errno`.
fn errno() -> i64 {
    i64::from(
        std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EINVAL),
    )
}

/// `syscall.Mmap(fd, offset, length, prot, flags)`: the address of the
/// new mapping of `length` bytes, or the errno (Go's checks first:
/// EINVAL for a length that is not positive; gol's: EINVAL for
/// `MAP_FIXED`, module docs).
pub fn map(fd: i64, offset: i64, length: i64, prot: i64, flags: i64) -> Result<u64, i64> {
    if length <= 0 || flags & i64::from(libc::MAP_FIXED) != 0 {
        return Err(i64::from(libc::EINVAL));
    }
    let (Ok(fd), Ok(prot), Ok(flags), Ok(len)) = (
        i32::try_from(fd),
        i32::try_from(prot),
        i32::try_from(flags),
        usize::try_from(length),
    ) else {
        return Err(i64::from(libc::EINVAL));
    };
    let mut reg = REGISTRY.write().unwrap_or_else(|e| e.into_inner());
    // SAFETY: a new mapping at an address the kernel chooses (no
    // MAP_FIXED: nothing existing is replaced); the arguments are plain
    // numbers the kernel validates.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, flags, fd, offset) };
    if p == libc::MAP_FAILED {
        return Err(errno());
    }
    let start = p as u64;
    let end = start + whole_pages(length as u64);
    // The kernel placed it where nothing was mapped, so no region (all
    // still reserved, invariant 2) overlaps it.
    reg.set(start, end, (prot as i64 & PROT_MASK) as u8);
    let at = reg.live.partition_point(|&(s, _)| s < start);
    reg.live.insert(at, (start, length as u64));
    LO.fetch_min(start, Relaxed);
    HI.fetch_max(end, Relaxed);
    ACTIVE.store(true, Release);
    Ok(start)
}

/// `syscall.Munmap(b)` for the slice (ptr, len, cap): EINVAL unless it is
/// a whole mapping `map` returned and not yet unmapped (Go's rule). The
/// pages become inaccessible and stay reserved (module docs, invariant 2).
pub fn unmap(ptr: u64, len: u64, cap: u64) -> Result<(), i64> {
    let einval = Err(i64::from(libc::EINVAL));
    if len == 0 || len != cap {
        return einval;
    }
    let mut reg = REGISTRY.write().unwrap_or_else(|e| e.into_inner());
    let Ok(at) = reg.live.binary_search_by_key(&ptr, |&(s, _)| s) else {
        return einval;
    };
    if reg.live[at].1 != len {
        return einval;
    }
    let end = ptr + whole_pages(len);
    let bytes = (end - ptr) as usize;
    // SAFETY: [ptr, end) is exactly a user mapping (checked above): the
    // program's own memory, which no Rust reference borrows. MAP_FIXED
    // replaces it atomically with an inaccessible placeholder.
    let p = unsafe {
        libc::mmap(
            ptr as *mut libc::c_void,
            bytes,
            libc::PROT_NONE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        // Out of mappings for the placeholder: give the range back to
        // the kernel after all; a stale slice may then take the real
        // fault, or see memory mapped there later (as in Go).
        // SAFETY: as above.
        if unsafe { libc::munmap(ptr as *mut libc::c_void, bytes) } != 0 {
            return Err(errno());
        }
    }
    reg.live.remove(at);
    reg.set(ptr, end, GONE);
    Ok(())
}

/// `syscall.Mprotect(b, prot)` for the `len` bytes at `ptr`: EINVAL for
/// an empty or unaligned range or one not wholly inside user mappings
/// (module docs), ENOMEM when some of it was unmapped (the kernel's
/// answer for unmapped memory), else the kernel's answer; the registry
/// follows the kernel (invariant 1).
pub fn protect(ptr: u64, len: u64, prot: i64) -> Result<(), i64> {
    let einval = Err(i64::from(libc::EINVAL));
    let ps = page_size();
    if len == 0 || ptr % ps != 0 || prot & !PROT_MASK != 0 {
        return einval;
    }
    let end = ptr.saturating_add(whole_pages(len));
    let mut reg = REGISTRY.write().unwrap_or_else(|e| e.into_inner());
    if !reg.covers(ptr, end) {
        // Unmapped pages are ENOMEM, as the kernel says of them.
        let gone = reg
            .regions
            .iter()
            .any(|r| r.prot == GONE && r.start < end && ptr < r.end);
        return if gone {
            Err(i64::from(libc::ENOMEM))
        } else {
            einval
        };
    }
    // SAFETY: [ptr, end) lies in the program's own mappings (checked
    // above), which no Rust reference borrows; the kernel validates the
    // rest.
    if unsafe { libc::mprotect(ptr as *mut libc::c_void, (end - ptr) as usize, prot as i32) } != 0 {
        return Err(errno());
    }
    reg.set(ptr, end, prot as u8);
    Ok(())
}

impl Registry {
    /// Whether every page of `[start, end)` is in a live mapping.
    fn covers(&self, start: u64, end: u64) -> bool {
        let mut at = start;
        for &(s, l) in &self.live {
            let e = s + whole_pages(l);
            if s <= at && at < e {
                at = e;
            }
            if at >= end {
                return true;
            }
        }
        false
    }

    /// Records protection `prot` for the pages `[start, end)`: the
    /// regions there are cut to make room, and equal neighbours merged.
    fn set(&mut self, start: u64, end: u64, prot: u8) {
        let rs = &mut self.regions;
        let lo = rs.partition_point(|r| r.end <= start);
        let hi = rs.partition_point(|r| r.start < end);
        let mut repl = Vec::with_capacity(3);
        if let Some(r) = rs.get(lo).filter(|r| r.start < start && lo < hi) {
            repl.push(Region { end: start, ..*r });
        }
        repl.push(Region { start, end, prot });
        if let Some(r) = hi
            .checked_sub(1)
            .and_then(|k| rs.get(k))
            .filter(|r| r.end > end && lo < hi)
        {
            repl.push(Region { start: end, ..*r });
        }
        rs.splice(lo..hi, repl);
        // Merge equal runs that now touch (a pass over the list: this
        // runs once per Mmap, Mprotect or Munmap).
        let mut k = 0;
        while k + 1 < rs.len() {
            if rs[k].end == rs[k + 1].start && rs[k].prot == rs[k + 1].prot {
                rs[k].end = rs[k + 1].end;
                rs.remove(k + 1);
            } else {
                k += 1;
            }
        }
    }
}

impl crate::native::NativeCtx<'_> {
    /// `debug.SetPanicOnFault(on)`: whether a fault of the calling
    /// goroutine (an access the registry refuses) panics rather than
    /// ending the program; returns the previous setting. Per goroutine,
    /// as in Go; a new goroutine starts without it.
    pub fn set_panic_on_fault(&mut self, on: bool) -> bool {
        std::mem::replace(&mut self.g.panic_on_fault, on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(start: u64, end: u64, prot: u8) -> Region {
        Region { start, end, prot }
    }

    #[test]
    fn set_cuts_and_merges_runs() {
        let mut reg = Registry {
            regions: Vec::new(),
            live: Vec::new(),
        };
        reg.set(0x1000, 0x5000, 3);
        assert_eq!(reg.regions, vec![r(0x1000, 0x5000, 3)]);
        // A hole in the middle cuts the run in three.
        reg.set(0x2000, 0x3000, 0);
        assert_eq!(
            reg.regions,
            vec![
                r(0x1000, 0x2000, 3),
                r(0x2000, 0x3000, 0),
                r(0x3000, 0x5000, 3)
            ]
        );
        // Filling it again merges them back into one.
        reg.set(0x2000, 0x3000, 3);
        assert_eq!(reg.regions, vec![r(0x1000, 0x5000, 3)]);
        // Over two runs and past the end of the last.
        reg.set(0x8000, 0x9000, 1);
        reg.set(0x4000, 0x8800, GONE);
        assert_eq!(
            reg.regions,
            vec![
                r(0x1000, 0x4000, 3),
                r(0x4000, 0x8800, GONE),
                r(0x8800, 0x9000, 1)
            ]
        );
        // Unmapped runs side by side become one.
        reg.set(0x8800, 0x9000, GONE);
        reg.set(0x1000, 0x4000, GONE);
        assert_eq!(reg.regions, vec![r(0x1000, 0x9000, GONE)]);
    }

    #[test]
    fn accesses_fault_only_where_the_pages_refuse_them() {
        let ps = page_size();
        let p = map(
            -1,
            0,
            (4 * ps) as i64,
            3,
            i64::from(libc::MAP_PRIVATE | libc::MAP_ANONYMOUS),
        )
        .expect("mmap");
        assert!(active());
        protect(p + ps, ps, 0).expect("PROT_NONE");
        protect(p + 2 * ps, ps, 1).expect("PROT_READ");
        assert_eq!(check(p, ps, true), Ok(()));
        // A read that crosses into the hole faults at the hole's first byte.
        let hole = Fault {
            addr: p + ps,
            code: 2,
        };
        assert_eq!(check(p + ps - 4, 8, false), Err(hole));
        assert_eq!(check(p + 2 * ps, 8, false), Ok(()));
        assert_eq!(
            check(p + 2 * ps + 8, 1, true),
            Err(Fault {
                addr: p + 2 * ps + 8,
                code: 2
            })
        );
        // Outside every mapping: not this module's.
        assert_eq!(check(p - 64, 8, true), Ok(()));
        // Only the whole mapping unmaps; afterwards its pages fault as unmapped.
        assert_eq!(unmap(p, ps, ps), Err(i64::from(libc::EINVAL)));
        assert_eq!(unmap(p, 4 * ps, 4 * ps), Ok(()));
        assert_eq!(unmap(p, 4 * ps, 4 * ps), Err(i64::from(libc::EINVAL)));
        assert_eq!(check(p, 1, false), Err(Fault { addr: p, code: 1 }));
        // Unmapped memory, and memory that is not a user mapping, cannot
        // be protected.
        assert_eq!(protect(p, ps, 3), Err(i64::from(libc::ENOMEM)));
        let heap = vec![0u8; 3 * ps as usize];
        let aligned = (heap.as_ptr() as u64).next_multiple_of(ps);
        assert_eq!(protect(aligned, ps, 1), Err(i64::from(libc::EINVAL)));
        assert_eq!(map(-1, 0, 0, 3, 0x22), Err(i64::from(libc::EINVAL)));
    }
}
