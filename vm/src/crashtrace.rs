//! The running goroutine's stack, written from a signal handler.
//!
//! When gol itself faults (SIGSEGV, SIGBUS: a bug in gol, invariant 1) or
//! another process signals it (SIGSEGV, SIGBUS, SIGTRAP, SIGQUIT), Go's
//! runtime prints the goroutine that was running on the signalled thread,
//! and so does gol: the binary's handler (src/fault.rs) writes its header
//! lines, then calls [`write_running`].
//!
//! # How
//! Each M records, in a thread-local, which VM and goroutine it is running
//! ([`Running`], set for the length of one slice: two thread-local stores
//! per slice). The handler runs on the same thread as the fault, so the
//! thread-local names the goroutine that faulted. [`write_running`] walks
//! that goroutine's frames and writes `goroutine N [running]:` and one
//! entry per frame, in the format of gol's panic traces, through the
//! caller's writer: no allocation, no lock (the faulting thread may hold
//! the allocator's or the scheduler's), only reads of the program (which
//! is immutable while it runs) and of the goroutine's frames.
//!
//! # Limits
//! The innermost frame's pc is the one the interpreter last saved (at a
//! call, including a call of a native), so a fault in the middle of an
//! instruction shows the line of the frame's last call. The reads are not
//! synchronised with the interrupted code: the handler interrupts the
//! thread that owns the goroutine, so nothing changes under it, but the
//! interrupted code may have been half-way through growing the frame
//! vector. A read that faults again re-enters the handler, which then
//! exits at once (src/fault.rs): the report is cut short, never a hang.

use crate::goroutine::G;
use crate::Vm;
use std::cell::Cell;
use std::sync::OnceLock;

thread_local! {
    /// The VM and goroutine this thread runs a slice of (null outside).
    static RUNNING: Cell<(*const Vm, *const G)> =
        const { Cell::new((std::ptr::null(), std::ptr::null())) };
}

/// The working directory at start, for the absolute paths of traces
/// (computing it in a signal handler would allocate).
static CWD: OnceLock<Box<[u8]>> = OnceLock::new();

/// Records the working directory; call once at start, before any
/// goroutine runs.
pub fn init() {
    if let Ok(d) = std::env::current_dir() {
        let _ = CWD.set(d.into_os_string().into_encoded_bytes().into_boxed_slice());
    }
}

/// Marks this thread as running `g` on `vm` until dropped.
pub(crate) struct Running(());

impl Running {
    pub(crate) fn enter(vm: &Vm, g: &G) -> Running {
        RUNNING.with(|r| r.set((vm as *const Vm, g as *const G)));
        Running(())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.with(|r| r.set((std::ptr::null(), std::ptr::null())));
    }
}

/// Writes the stack of the goroutine running on this thread, if any,
/// through `w`; returns whether there was one. Meant for signal handlers:
/// it allocates nothing and takes no lock.
pub fn write_running(w: &mut dyn FnMut(&[u8])) -> bool {
    let (vm, g) = RUNNING.with(|r| r.get());
    if vm.is_null() || g.is_null() {
        return false;
    }
    // SAFETY: `Running` holds these pointers only while the slice that set
    // them runs on this thread, and the VM and goroutine outlive the
    // slice. The handler interrupted that thread, so neither is being
    // dropped; a torn frame vector can only make a read fault, which the
    // handler's re-entry guard ends (module docs).
    let (vm, g) = unsafe { (&*vm, &*g) };
    let mut num = [0u8; 20];
    w(b"goroutine ");
    w(decimal(g.id, &mut num));
    w(b" [running]:\n");
    let cwd = CWD.get().map(|c| &c[..]);
    for (n, f) in g.frames.iter().rev().enumerate() {
        if n == 100 {
            w(b"...additional frames elided...\n");
            break;
        }
        let Some(func) = vm.prog.funcs.get(f.func as usize) else {
            continue;
        };
        // As in panic traces: the runtime's own Go functions are hidden.
        if func.name.starts_with("runtime.") {
            continue;
        }
        let at = f.pc.saturating_sub(1) as usize;
        let line = func.lines.get(at).copied().unwrap_or(0);
        w(func.name.as_bytes());
        w(if func.param_words == 0 {
            b"()\n\t"
        } else {
            b"(...)\n\t"
        });
        let file = vm.prog.files.get(func.file as usize).map_or("", |s| s);
        if let Some(c) = cwd.filter(|_| !file.starts_with('/') && !file.starts_with('<')) {
            w(c);
            w(b"/");
        }
        w(file.as_bytes());
        w(b":");
        w(decimal(line as u64, &mut num));
        w(b" +0x");
        w(hex(at as u64 * 4, &mut num));
        w(b"\n");
    }
    true
}

/// `v` in decimal, in `buf`.
fn decimal(mut v: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            return &buf[i..];
        }
    }
}

/// `v` in lower-case hexadecimal, in `buf`.
fn hex(mut v: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b"0123456789abcdef"[(v & 15) as usize];
        v >>= 4;
        if v == 0 {
            return &buf[i..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_without_allocating() {
        let mut b = [0u8; 20];
        assert_eq!(decimal(0, &mut b), b"0");
        assert_eq!(decimal(u64::MAX, &mut b), b"18446744073709551615");
        assert_eq!(hex(0x1f4, &mut b), b"1f4");
        assert_eq!(hex(0, &mut b), b"0");
    }

    #[test]
    fn no_trace_outside_a_slice() {
        let mut out = Vec::new();
        assert!(!write_running(&mut |b| out.extend_from_slice(b)));
        assert!(out.is_empty());
    }
}
