//! What a fatal signal prints: the running goroutine's stack, written
//! from a signal handler; the thread that writes the dump of every
//! goroutine for the handler (why a thread: traceback.rs); and the trap
//! of `runtime.Breakpoint`.
//!
//! # What Go prints for a fatal signal
//! Go's `sighandler` reports a signal that kills the program (SIGQUIT, a
//! SIGSEGV, SIGBUS or SIGTRAP sent by a process, a breakpoint trap, a
//! fault outside Go code) as a runtime throw: `gotraceback` then reads
//! the system level whatever `GOTRACEBACK` says (`none` included), so
//! the report is always the signal's name, the `PC=` line and every
//! goroutine with Go's `gp=`/`m=` fields (then the registers, left out
//! here: they would be the Rust interpreter's); under `crash` it ends
//! with SIGABRT (status 134 in a shell), else with status 2. gol prints
//! the same, by three routes:
//! * a signal sent by a process (`si_code <= 0`) and SIGQUIT: the
//!   handler (src/fault.rs) hands the report to the dump thread
//!   ([`request_dump`]), which stops the world and writes every
//!   goroutine;
//! * `runtime.Breakpoint`: its native executes a real trap ([`trap`]);
//!   the handler sees that the thread is inside it ([`catch_trap`]),
//!   records the PC and returns, and the native writes the report with
//!   the world stopped, from its own goroutine (`NativeCtx::
//!   signal_report`): no signal-handler limits, and a debugger attached
//!   to gol still stops at the trap;
//! * a fault of gol itself (SIGSEGV, SIGBUS raised by the hardware: a
//!   bug in gol, invariant 1): the handler writes Go's header lines,
//!   then [`write_running`] the goroutine of the faulting thread. The
//!   other goroutines are left out: the faulting M holds its P and
//!   never reaches a safepoint, so the world cannot be stopped to read
//!   them, and a signal handler may take no lock.
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
use std::sync::atomic::{compiler_fence, AtomicBool, AtomicI32, AtomicI64, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

thread_local! {
    /// The VM and goroutine this thread runs a slice of (null outside).
    static RUNNING: Cell<(*const Vm, *const G)> =
        const { Cell::new((std::ptr::null(), std::ptr::null())) };
}

/// The working directory at start, for the absolute paths of traces
/// (computing it in a signal handler would allocate).
static CWD: OnceLock<Box<[u8]>> = OnceLock::new();

/// Records the working directory and starts the dump thread (below);
/// call once at start, before any goroutine runs.
pub fn init() {
    if let Ok(d) = std::env::current_dir() {
        let _ = CWD.set(d.into_os_string().into_encoded_bytes().into_boxed_slice());
    }
    start_dump_thread();
}

// ---- SIGQUIT's dump of every goroutine (design: traceback.rs) ----

/// The write end of the dump thread's pipe (-1 before `init`).
static DUMP_PIPE: AtomicI32 = AtomicI32::new(-1);
/// A run has registered its dumper (`traceback::register_dumper`).
static ARMED: AtomicBool = AtomicBool::new(false);
/// The interrupted PC and the signal's code, for the header the dump
/// thread prints. Written by the handler before the byte that wakes the
/// thread; the pipe's write/read orders them (a system call each side).
static QUIT_PC: AtomicU64 = AtomicU64::new(0);
static QUIT_CODE: AtomicI64 = AtomicI64::new(0);
/// The signal being reported and the address of its `addr=` (SIGSEGV
/// and SIGBUS only), ordered as `QUIT_PC`.
static QUIT_SIG: AtomicI32 = AtomicI32::new(libc::SIGQUIT);
static QUIT_ADDR: AtomicU64 = AtomicU64::new(0);
/// The goroutine the signalled thread was running (0: none), which the
/// dump shows `[running]` on its M, as Go's handler shows the goroutine
/// it interrupted ([`signalled_goroutine`]).
static QUIT_G: AtomicU64 = AtomicU64::new(0);

/// The goroutine the signal being dumped interrupted, if any.
pub(crate) fn signalled_goroutine() -> Option<u64> {
    Some(QUIT_G.load(Ordering::SeqCst)).filter(|&g| g != 0)
}
/// The M whose thread took the signal ([`signalled_m`]).
static QUIT_M: AtomicU64 = AtomicU64::new(0);

/// The M whose thread runs this code, for the `m=` of a signal's `PC=`
/// line, as Go prints the id of the M whose thread took the signal (in
/// Go every thread is an M). The thread's name says it, read with
/// `prctl(PR_GET_NAME)`, one system call: async-signal-safe, no lock, no
/// allocation:
/// * an M's thread, `gol-m<id>` (sched/m.rs): its id;
/// * sysmon's, `gol-sysmon`: m1, as in Go, where sysmon is the second M
///   (`runtime.main` starts it); gol's Ms skip its id;
/// * the collector's, `gol-gc`: m2, the next id, which the Ms skip too
///   (Go runs its background mark workers and sweeper on Ms);
/// * any other thread (the main thread, which takes most signals sent to
///   the process, and gol's own helpers: the SIGQUIT dump's, the trace
///   writer's): 0, as Go's main thread is m0. The main thread waits for
///   the run while M0 runs the main goroutine: together they are Go's m0.
pub fn signalled_m() -> u64 {
    let mut name = [0u8; 16];
    // SAFETY: PR_GET_NAME writes at most 16 bytes (NUL included) into
    // the buffer, which is 16 bytes long.
    let r = unsafe {
        libc::prctl(
            libc::PR_GET_NAME,
            name.as_mut_ptr() as libc::c_ulong,
            0,
            0,
            0,
        )
    };
    if r != 0 {
        return 0;
    }
    m_of_thread_name(&name)
}

/// A thread's name to its M id (see [`signalled_m`]): `gol-m<id>`
/// (NUL-terminated or not) to the id, sysmon's and the collector's to
/// theirs, anything else to 0.
fn m_of_thread_name(name: &[u8]) -> u64 {
    let len = name.iter().position(|&b| b == 0).unwrap_or(name.len());
    match &name[..len] {
        b"gol-sysmon" => return crate::sched::SYSMON_M as u64,
        b"gol-gc" => return crate::sched::COLLECTOR_M as u64,
        _ => {}
    }
    let Some(digits) = name.strip_prefix(b"gol-m") else {
        return 0;
    };
    let end = digits
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(digits.len());
    if end == 0 || digits.get(end).is_some_and(|&b| b != 0) {
        return 0;
    }
    digits[..end].iter().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    })
}

/// What writes the dump of the run in progress (traceback.rs registers
/// it for the length of a run); locked by the dump thread, never by the
/// signal handler, which reads `ARMED`.
type Dumper = Box<dyn Fn() -> Vec<u8> + Send>;

static DUMPER: Mutex<Option<Dumper>> = Mutex::new(None);

/// Sets (or with None, clears) the dump of the run in progress.
pub(crate) fn set_dumper(d: Option<Dumper>) {
    ARMED.store(d.is_some(), Ordering::SeqCst);
    if let Ok(mut cur) = DUMPER.lock() {
        *cur = d;
    }
}

/// Go's name of a signal gol reports, as its report's first line.
pub fn signal_name(sig: i32) -> &'static str {
    match sig {
        libc::SIGBUS => "SIGBUS: bus error",
        libc::SIGQUIT => "SIGQUIT: quit",
        libc::SIGTRAP => "SIGTRAP: trace trap",
        libc::SIGSEGV => "SIGSEGV: segmentation violation",
        _ => "signal",
    }
}

/// Whether Go's `PC=` line names an address for `sig` (`addr=0x...`).
fn has_addr(sig: i32) -> bool {
    sig == libc::SIGSEGV || sig == libc::SIGBUS
}

/// From the handler of SIGQUIT, or of a SIGSEGV, SIGBUS or SIGTRAP sent
/// by a process: hands the report of signal `sig` (its PC, code and
/// fault address) to the dump thread and returns true, or false when no
/// run can dump (then the handler reports it itself). Only the first
/// request counts: a second signal while the dump is written changes
/// nothing. Async-signal-safe: atomics and one `write(2)`.
pub fn request_dump(sig: i32, pc: u64, code: i64, addr: u64) -> bool {
    static REQUESTED: AtomicBool = AtomicBool::new(false);
    let fd = DUMP_PIPE.load(Ordering::SeqCst);
    if fd < 0 || !ARMED.load(Ordering::SeqCst) {
        return false;
    }
    if REQUESTED.swap(true, Ordering::SeqCst) {
        return true;
    }
    QUIT_SIG.store(sig, Ordering::SeqCst);
    QUIT_ADDR.store(addr, Ordering::SeqCst);
    let (_, g) = RUNNING.with(|r| r.get());
    let id = if g.is_null() {
        0
    } else {
        // SAFETY: as in `write_running`: the goroutine outlives the
        // slice this thread was interrupted in.
        unsafe { (*g).id }
    };
    QUIT_G.store(id, Ordering::SeqCst);
    QUIT_PC.store(pc, Ordering::SeqCst);
    QUIT_CODE.store(code, Ordering::SeqCst);
    QUIT_M.store(signalled_m(), Ordering::SeqCst);
    // SAFETY: one byte from a live local to the pipe's write end.
    unsafe { libc::write(fd, [1u8].as_ptr().cast(), 1) == 1 }
}

/// Starts the thread that waits for the handler's byte, then writes the
/// signal's name (`SIGQUIT: quit`), the PC line and the dump of every
/// goroutine, and ends the process with status 2 (an abort under
/// `GOTRACEBACK=crash`).
fn start_dump_thread() {
    let mut fds = [0i32; 2];
    // SAFETY: pipe2 writes two descriptors into `fds`.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return;
    }
    let read_fd = fds[0];
    let spawned = std::thread::Builder::new()
        .name("gol-sigquit".into())
        .spawn(move || loop {
            let mut b = [0u8; 1];
            // SAFETY: reads one byte into a live local.
            let n = unsafe { libc::read(read_fd, b.as_mut_ptr().cast(), 1) };
            if n == 1 {
                dump_and_exit();
            }
            if n == 0 {
                return;
            }
        });
    if spawned.is_ok() {
        DUMP_PIPE.store(fds[1], Ordering::SeqCst);
    }
    crate::gotraceback::set_installed();
    // Read (and cache) GOTRACEBACK now: the fault handler reads the
    // setting and may not allocate (`gotraceback::setting_cached`).
    crate::gotraceback::setting();
}

fn dump_and_exit() -> ! {
    let sig = QUIT_SIG.load(Ordering::SeqCst);
    write_signal_header(
        &mut |b| write_fd2(b),
        signal_name(sig),
        QUIT_PC.load(Ordering::SeqCst),
        QUIT_M.load(Ordering::SeqCst),
        QUIT_CODE.load(Ordering::SeqCst),
        has_addr(sig).then(|| QUIT_ADDR.load(Ordering::SeqCst)),
    );
    // A dump that cannot stop the world (a goroutine in a long native)
    // still ends the process, with the status the report promised.
    std::thread::spawn(|| {
        std::thread::sleep(std::time::Duration::from_secs(5));
        write_fd2(b"\n...dump cut short: the world did not stop\n");
        // SAFETY: _exit ends the process at once.
        unsafe { libc::_exit(2) }
    });
    let out = DUMPER.lock().ok().and_then(|d| d.as_ref().map(|f| f()));
    if let Some(out) = out {
        write_fd2(&out);
    }
    write_fd2(b"\n");
    crate::gotraceback::crash_if_asked(crate::gotraceback::setting());
    // SAFETY: _exit ends the process at once; output is unbuffered
    // (stdio.rs), so nothing the program printed is lost.
    unsafe { libc::_exit(2) }
}

thread_local! {
    /// This thread is inside [`trap`]'s trap instruction.
    static IN_TRAP: Cell<bool> = const { Cell::new(false) };
    /// What the SIGTRAP handler recorded of the trap ([`catch_trap`]):
    /// its PC and code.
    static CAUGHT: Cell<Option<(u64, i64)>> = const { Cell::new(None) };
}

/// How [`trap`] came back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trap {
    /// A debugger took the trap and continued the program, which goes
    /// on, as a Go program does.
    Continued,
    /// The process's handler caught it ([`catch_trap`]): the program dies
    /// of SIGTRAP, reported from the trapping goroutine at this PC, with
    /// this signal code.
    Caught { pc: u64, code: i64 },
    /// No trap was executed: SIGTRAP's default action would end the
    /// process with no report (a host that embeds the VM installed no
    /// handler), or the architecture is not x86-64. The caller reports.
    NotTrapped,
}

/// `runtime.Breakpoint`: a breakpoint trap, as Go's executes (`int3`),
/// when the process has a handler for SIGTRAP (the gol binary's,
/// src/fault.rs, which hands the trap back through [`catch_trap`]); a
/// debugger attached to gol stops there first.
pub fn trap() -> Trap {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: sigaction with a null new action only reads the
        // current one into `old`, a valid out-pointer.
        let handled = unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(libc::SIGTRAP, std::ptr::null(), &mut old) == 0
                && old.sa_sigaction != libc::SIG_DFL
                && old.sa_sigaction != libc::SIG_IGN
        };
        if !handled {
            return Trap::NotTrapped;
        }
        CAUGHT.with(|c| c.set(None));
        IN_TRAP.with(|t| t.set(true));
        // The handler reads IN_TRAP and writes CAUGHT on this thread:
        // the compiler must keep the cells' accesses on their side of the
        // trap (the asm is not `nomem` for the same reason).
        compiler_fence(Ordering::SeqCst);
        // SAFETY: `int3` raises SIGTRAP on this thread and touches no
        // register; the handler found above runs, and execution resumes
        // after the instruction if it returns.
        unsafe { std::arch::asm!("int3", options(nostack)) };
        compiler_fence(Ordering::SeqCst);
        IN_TRAP.with(|t| t.set(false));
        match CAUGHT.with(|c| c.take()) {
            Some((pc, code)) => Trap::Caught { pc, code },
            None => Trap::Continued,
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        Trap::NotTrapped
    }
}

/// From the SIGTRAP handler: if this thread is inside [`trap`], records
/// the trap's PC and code for it and returns true (the handler then
/// returns, and `trap` reports `Caught`); false for any other SIGTRAP.
/// Async-signal-safe: two thread-local cells of plain values.
pub fn catch_trap(pc: u64, code: i64) -> bool {
    if !IN_TRAP.with(|t| t.get()) {
        return false;
    }
    CAUGHT.with(|c| c.set(Some((pc, code))));
    true
}

/// Go's first two lines for a signal that is not a fault of the program
/// (a quit, a breakpoint trap, a signal another process sent), written
/// through `w`: `name`, then `PC=0x<pc> m=<m> sigcode=<code>`, with
/// ` addr=0x<addr>` when given, as Go's `sighandler` prints them. The
/// code is the signal's `si_code` as Go prints it, unsigned (tgkill's
/// SI_TKILL, -6, is `18446744073709551610`). Async-signal-safe: no
/// allocation, no lock (src/fault.rs calls it from its handler).
pub fn write_signal_header(
    w: &mut dyn FnMut(&[u8]),
    name: &str,
    pc: u64,
    m: u64,
    code: i64,
    addr: Option<u64>,
) {
    let mut num = [0u8; 20];
    w(name.as_bytes());
    w(b"\nPC=0x");
    w(hex(pc, &mut num));
    w(b" m=");
    w(decimal(m, &mut num));
    w(b" sigcode=");
    // Go's sigcode() is uint64(si_code), a 32-bit int sign-extended.
    w(decimal(i64::from(code as i32) as u64, &mut num));
    if let Some(a) = addr {
        w(b" addr=0x");
        w(hex(a, &mut num));
    }
    w(b"\n");
}

/// Writes all of `b` to file descriptor 2.
fn write_fd2(b: &[u8]) {
    let mut off = 0;
    while off < b.len() {
        // SAFETY: the pointer and length lie inside `b`.
        let r = unsafe { libc::write(2, b[off..].as_ptr().cast(), b.len() - off) };
        if r <= 0 {
            break;
        }
        off += r as usize;
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
    // Go's header at the system level, which a fatal signal forces
    // (module docs): the G's address and the M whose thread faulted.
    w(b"goroutine ");
    w(decimal(g.id, &mut num));
    w(b" gp=0x");
    w(hex(g as *const G as u64, &mut num));
    match crate::sched::current_m() {
        Some(m) => {
            w(b" m=");
            w(decimal(m.id.max(0) as u64, &mut num));
            w(b" mp=0x");
            w(hex(m.mp as u64, &mut num));
        }
        None => w(b" m=nil"),
    }
    w(b" [running]:\n");
    let cwd = CWD.get().map(|c| &c[..]);
    for (n, f) in g.frames.iter().rev().enumerate() {
        if n == 100 {
            w(b"...additional frames elided...\n");
            break;
        }
        // As in panic traces: the runtime's own Go functions are hidden.
        if vm
            .prog
            .funcs
            .get(f.func as usize)
            .is_some_and(|func| !func.name.starts_with("runtime."))
        {
            write_frame(vm, f.func, f.pc, cwd, None, w);
        }
    }
    // Where a `go` statement started it, as `created by` (panic.rs's
    // `created_by_of`, without its allocations).
    if let Some((parent, func, pc)) = g.created {
        write_frame(vm, func, pc, cwd, Some(parent), w);
    }
    true
}

/// One frame of a trace: `name(...)` and its `file:line +0xoff`; with
/// `created`, the `created by name in goroutine N` of a `go` statement
/// (`time.goFunc`'s for a timer's callback, creator 0). Allocates
/// nothing.
fn write_frame(
    vm: &Vm,
    func: u32,
    pc: u32,
    cwd: Option<&[u8]>,
    created: Option<u64>,
    w: &mut dyn FnMut(&[u8]),
) {
    let mut num = [0u8; 20];
    let Some(f) = vm.prog.funcs.get(func as usize) else {
        return;
    };
    let at = pc.saturating_sub(1) as usize;
    let line = f.lines.get(at).copied().unwrap_or(0);
    match created {
        None => {
            w(f.name.as_bytes());
            w(if f.param_words == 0 { b"()" } else { b"(...)" });
        }
        Some(0) => w(b"created by time.goFunc"),
        Some(parent) => {
            w(b"created by ");
            w(f.name.as_bytes());
            w(b" in goroutine ");
            w(decimal(parent, &mut num));
        }
    }
    w(b"\n\t");
    let file = vm.prog.files.get(f.file_at(at) as usize).map_or("", |s| s);
    let pseudo = gol_lang::bytecode::is_pseudo_file(file);
    if let Some(c) = cwd.filter(|_| !file.starts_with('/') && !pseudo) {
        w(c);
        w(b"/");
    }
    w(file.as_bytes());
    w(b":");
    w(decimal(line as u64, &mut num));
    w(b" +0x");
    w(hex(crate::panic::pc_offset(at), &mut num));
    w(b"\n");
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

    /// Every thread of the runtime has an M id of its own (sched/m.rs):
    /// an M's from its name, sysmon's and the collector's reserved ones,
    /// and 0 for the main thread and gol's helpers.
    #[test]
    fn threads_name_their_m() {
        assert_eq!(m_of_thread_name(b"gol-m0\0\0\0\0\0\0\0\0\0\0"), 0);
        assert_eq!(m_of_thread_name(b"gol-m17\0"), 17);
        assert_eq!(m_of_thread_name(b"gol-sysmon\0\0\0\0\0\0"), 1);
        assert_eq!(m_of_thread_name(b"gol-gc\0"), 2);
        for other in [
            &b"gol\0"[..],
            b"gol-sigquit\0",
            b"gol-trace-writer",
            b"gol-mx\0",
        ] {
            assert_eq!(m_of_thread_name(other), 0);
        }
    }

    /// Go's header line: the code unsigned, the address only if given.
    #[test]
    fn the_signal_header_is_gos() {
        let mut out = Vec::new();
        write_signal_header(
            &mut |b| out.extend_from_slice(b),
            "SIGSEGV: segmentation violation",
            0x47d2a3,
            1,
            -6,
            Some(0x329f),
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "SIGSEGV: segmentation violation\nPC=0x47d2a3 m=1 sigcode=18446744073709551610 addr=0x329f\n"
        );
        let mut out = Vec::new();
        write_signal_header(
            &mut |b| out.extend_from_slice(b),
            "SIGTRAP: trace trap",
            0x10,
            0,
            128,
            None,
        );
        assert_eq!(out, b"SIGTRAP: trace trap\nPC=0x10 m=0 sigcode=128\n");
    }

    #[test]
    fn no_trace_outside_a_slice() {
        let mut out = Vec::new();
        assert!(!write_running(&mut |b| out.extend_from_slice(b)));
        assert!(out.is_empty());
    }
}
