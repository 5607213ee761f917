//! Loud crashes: a SIGSEGV or SIGBUS inside gol reports itself as Go's
//! runtime reports an unexpected fault, and the process exits with status 2,
//! never a silent `Segmentation fault` (status 139).
//!
//! # What is printed
//! A fault raised by the hardware (`si_code > 0`) is a bug in gol itself:
//! no program may cause one (invariant 1). Go's runtime prints, for a
//! fault outside Go code:
//!
//! ```text
//! unexpected fault address 0x7f0000001000
//! fatal error: fault
//! [signal SIGSEGV: segmentation violation code=0x1 addr=0x7f0000001000 pc=0x55d0c1a2b3c4]
//! ```
//!
//! and so does gol. When the faulting address lies within 64 KiB of the
//! stack pointer, the fault is almost surely a hit on the guard page below
//! a thread's stack (gol's own Rust stack overflowed, e.g. in deeply
//! recursive compilation), and a line after the header says so.
//!
//! A SIGSEGV, SIGBUS or SIGTRAP sent by another process (`kill -SEGV`,
//! `si_code <= 0`) is not a fault, and SIGQUIT (Ctrl-\\ on a terminal)
//! asks for a dump: for each, Go prints the signal's name and the
//! interrupted PC (`SIGSEGV: segmentation violation` / `PC=0x... m=0
//! sigcode=0 addr=0x...`), then every goroutine, and exits with status
//! 2 (the default action would dump core, status 131 for SIGQUIT), or
//! dies of SIGABRT under `GOTRACEBACK=crash`, whatever the level
//! (`gol_vm::crashtrace` has the rules). During a run the handler hands
//! the report to a thread made for it (`gol_vm::crashtrace::
//! request_dump`; why: `gol_vm::traceback`) and returns; with no run to
//! dump (compiling, a REPL between runs) it prints the two lines and the
//! signalled thread's goroutine, as below.
//!
//! `runtime.Breakpoint` executes a real trap (`gol_vm::crashtrace::
//! trap`), so that a debugger attached to gol stops there, as it does in
//! a Go program, and the program goes on when the debugger continues it.
//! Without a debugger the handler hands the trap back to the native
//! (`catch_trap`), which reports it as Go does (`SIGTRAP: trace trap`,
//! the PC line, every goroutine) from its own goroutine.
//!
//! After a fault's lines comes the trace of the goroutine that was
//! running on the faulting thread (`goroutine N gp=... m=... [running]:`
//! and its frames, from `gol_vm::crashtrace`, which reads without
//! allocating or locking), then the abort of `GOTRACEBACK=crash`. Go's
//! dump of every other goroutine is left out here: their state is behind
//! the scheduler's locks, which the faulting thread may hold, the world
//! cannot be stopped while the faulting M holds its P, and a signal
//! handler may do only async-signal-safe work.
//!
//! # How
//! The handler runs on the thread's alternate signal stack (`SA_ONSTACK`),
//! so it still runs when the fault is a stack overflow. Rust's runtime
//! gives the main thread and every thread it spawns an alternate stack
//! when it installs its own stack-overflow handler before `main`; this
//! module replaces that handler (Rust's prints `thread '...' has
//! overflowed its stack` and aborts with SIGABRT, status 134, in no
//! format of Go's) and keeps the alternate stacks, adding one to the
//! current thread if it has none. The handler formats into a buffer on
//! its own stack, writes it with `write(2)` and ends with `_exit(2)`:
//! no allocation, no lock, nothing that is not async-signal-safe. A
//! second signal during the report (the trace read memory the fault tore)
//! re-enters the handler, which ends the process at once; a report that
//! hangs is ended by an alarm after two seconds. Both still exit with
//! status 2.
//!
//! Rejected: chaining to Rust's handler for guard-page hits (its message
//! and status are not Go's); catching the fault to turn it into a Go
//! panic (after a fault inside the VM its state cannot be trusted).

use std::ptr;
use std::sync::atomic::AtomicBool;

/// Set by the first signal reported; a signal while reporting ends the
/// process at once.
static REPORTING: AtomicBool = AtomicBool::new(false);

/// Installs the handler for SIGSEGV, SIGBUS and SIGQUIT. Call once, early
/// in `main`, before any thread is started.
pub fn install() {
    ensure_altstack();
    gol_vm::crashtrace::init();
    for sig in [libc::SIGSEGV, libc::SIGBUS, libc::SIGQUIT, libc::SIGTRAP] {
        // SAFETY: `sa` is fully initialised (zeroed, then its handler,
        // flags and empty mask set) before sigaction reads it; the handler
        // has the three-argument signature SA_SIGINFO requires.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_fault as *const () as usize;
            // Not SA_RESETHAND: a fault inside the handler comes back to
            // it, and its re-entry guard ends the process with status 2.
            // SA_NODEFER lets that second fault be delivered at all.
            sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK | libc::SA_NODEFER;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(sig, &sa, ptr::null_mut());
        }
    }
}

/// Gives the current thread an alternate signal stack if it has none
/// (Rust's runtime normally made one already).
fn ensure_altstack() {
    const SIZE: usize = 64 << 10;
    // SAFETY: sigaltstack with a null new stack only reads the current
    // setting into `old`, a valid out-pointer.
    let mut old: libc::stack_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::sigaltstack(ptr::null(), &mut old) } != 0 {
        return;
    }
    if old.ss_flags & libc::SS_DISABLE == 0 {
        return;
    }
    // The stack lives as long as the thread that uses it (the main
    // thread, for the whole process): leaked on purpose.
    let mem: &'static mut [u8] = Box::leak(vec![0u8; SIZE].into_boxed_slice());
    let st = libc::stack_t {
        ss_sp: mem.as_mut_ptr().cast(),
        ss_flags: 0,
        ss_size: SIZE,
    };
    // SAFETY: `st` describes SIZE bytes of leaked memory that nothing else
    // uses.
    unsafe { libc::sigaltstack(&st, ptr::null_mut()) };
}

/// A fixed buffer for building the report without allocating.
struct Msg {
    buf: [u8; 512],
    len: usize,
}

impl Msg {
    fn str(&mut self, s: &str) -> &mut Msg {
        self.bytes(s.as_bytes());
        self
    }

    /// `v` as Go's `%#x` (`0x0` for zero).
    fn hex(&mut self, v: u64) -> &mut Msg {
        let mut digits = [0u8; 16];
        let mut n = 0;
        let mut x = v;
        loop {
            digits[n] = b"0123456789abcdef"[(x & 15) as usize];
            n += 1;
            x >>= 4;
            if x == 0 {
                break;
            }
        }
        self.str("0x");
        for i in (0..n).rev() {
            if self.len < self.buf.len() {
                self.buf[self.len] = digits[i];
                self.len += 1;
            }
        }
        self
    }

    fn bytes(&mut self, b: &[u8]) {
        for &c in b {
            if self.len < self.buf.len() {
                self.buf[self.len] = c;
                self.len += 1;
            }
        }
    }
}

/// The interrupted program counter and stack pointer, from the signal's
/// machine context (0 where the architecture is not known here).
///
/// # Safety
/// `ctx` is the `ucontext_t` pointer the kernel passed to an SA_SIGINFO
/// handler.
unsafe fn pc_sp(ctx: *mut libc::c_void) -> (u64, u64) {
    if ctx.is_null() {
        return (0, 0);
    }
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    {
        // SAFETY: by the caller's promise `ctx` is a valid ucontext_t.
        let uc = unsafe { &*(ctx as *const libc::ucontext_t) };
        let g = &uc.uc_mcontext.gregs;
        (
            g[libc::REG_RIP as usize] as u64,
            g[libc::REG_RSP as usize] as u64,
        )
    }
    #[cfg(all(target_os = "linux", target_arch = "aarch64"))]
    {
        // SAFETY: by the caller's promise `ctx` is a valid ucontext_t.
        let uc = unsafe { &*(ctx as *const libc::ucontext_t) };
        (uc.uc_mcontext.pc, uc.uc_mcontext.sp)
    }
    #[cfg(not(all(
        target_os = "linux",
        any(target_arch = "x86_64", target_arch = "aarch64")
    )))]
    {
        (0, 0)
    }
}

/// The handler: reports the fault or signal as Go does and exits with
/// status 2. Only
/// async-signal-safe calls (`write`, `_exit`).
extern "C" fn on_fault(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo_t to an SA_SIGINFO
    // handler; si_addr is defined for SIGSEGV and SIGBUS (for the others
    // it is read but not printed).
    let (code, addr) = unsafe { ((*info).si_code, (*info).si_addr() as u64) };
    // SAFETY: `ctx` is the handler's ucontext argument.
    let (pc, sp) = unsafe { pc_sp(ctx) };
    // `runtime.Breakpoint`'s own trap: its native reports it, from its
    // goroutine (gol_vm::crashtrace).
    if sig == libc::SIGTRAP && gol_vm::crashtrace::catch_trap(pc, i64::from(code)) {
        return;
    }
    let quit = sig == libc::SIGQUIT || sig == libc::SIGTRAP;
    // SIGQUIT, or a signal sent by a process, during a run: the dump
    // thread writes every goroutine (gol_vm::traceback explains why not
    // here) and ends the process.
    if (quit || code <= 0)
        && !REPORTING.load(std::sync::atomic::Ordering::SeqCst)
        && gol_vm::crashtrace::request_dump(sig, pc, i64::from(code), addr)
    {
        return;
    }
    // A second signal while reporting (the trace read memory the first
    // fault left torn, or two threads faulted at once): the first report
    // stands; end now.
    if REPORTING.swap(true, std::sync::atomic::Ordering::SeqCst) {
        write_all(b"\n...trace cut short by a second fault\n");
        // SAFETY: _exit ends the process at once, running nothing of ours.
        unsafe { libc::_exit(2) }
    }
    let name = gol_vm::crashtrace::signal_name(sig);
    let mut m = Msg {
        buf: [0; 512],
        len: 0,
    };
    if quit || code <= 0 {
        // A quit, a trap (a debugger's), or a signal sent by a process
        // (kill, tgkill, sigqueue), not a fault, with no run to dump;
        // only the latter names an address. Go's `m=`: the M whose
        // thread took the signal.
        gol_vm::crashtrace::write_signal_header(
            &mut |b| m.bytes(b),
            name,
            pc,
            gol_vm::crashtrace::signalled_m(),
            i64::from(code),
            (!quit).then_some(addr),
        );
    } else {
        m.str("unexpected fault address ").hex(addr);
        m.str("\nfatal error: fault\n[signal ").str(name);
        m.str(" code=").hex(code as u64).str(" addr=").hex(addr);
        m.str(" pc=").hex(pc).str("]\n");
        if sp != 0 && addr <= sp.saturating_add(4096) && sp - addr.min(sp) < (64 << 10) {
            m.str("gol: the fault address is at the stack pointer (sp=")
                .hex(sp);
            m.str("): gol's own stack overflowed (a bug in gol)\n");
        }
    }
    write_all(&m.buf[..m.len]);
    // The goroutine this thread was running, as Go prints it after the
    // header. Reading it may fault again if the fault tore the VM's state:
    // the re-entry guard at the top then ends the process; a hang (a lock
    // the trace does not take, but memory it reads) is cut off by the
    // alarm.
    // SAFETY: `sa` is fully initialised before sigaction reads it;
    // `on_alarm` has the one-argument signature of a plain handler;
    // sigaction and alarm are async-signal-safe.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_alarm as *const () as usize;
        sa.sa_flags = libc::SA_ONSTACK;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(libc::SIGALRM, &sa, ptr::null_mut());
        libc::alarm(2);
    }
    let mut first = true;
    gol_vm::crashtrace::write_running(&mut |b| {
        if std::mem::take(&mut first) {
            write_all(b"\n");
        }
        write_all(b)
    });
    // `GOTRACEBACK=crash`: SIGABRT, as Go's `crash`.
    gol_vm::gotraceback::crash_after_signal();
    // SAFETY: _exit ends the process at once, running nothing of ours.
    unsafe { libc::_exit(2) }
}

/// Writes all of `b` to stderr with `write(2)` (async-signal-safe).
fn write_all(b: &[u8]) {
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

/// SIGALRM during a report: the trace took too long (it met memory the
/// fault left inconsistent); end with the status the report promised.
extern "C" fn on_alarm(_: libc::c_int) {
    write_all(b"\n...trace cut short\n");
    // SAFETY: as in `on_fault`.
    unsafe { libc::_exit(2) }
}
