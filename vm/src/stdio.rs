//! The program's standard output and standard error, written as Go writes
//! `os.Stdout` and `os.Stderr`: unbuffered, each write call one `write(2)`
//! (looped over short writes) on file descriptor 1 or 2.
//!
//! # Why unbuffered
//! What a program printed is on its file descriptor when the print
//! returns, as in Go: a program killed by Ctrl-C, `timeout` or SIGTERM, a
//! fatal error (out of memory, deadlock), an abort, a long-running program
//! watched on a terminal or through `tail -f`, an interactive prompt
//! before a read of stdin — each shows exactly what Go's would. The cost
//! is one system call per print, which Go pays too. `bench/println.sh`
//! measures a 1,000,000-line `fmt.Println` loop against Go to a file, a
//! pipe and /dev/null: gol takes 1.5 to 2 times Go's CPU time (the
//! interpreter and the formatting, not the system call, make the
//! difference), where a buffer made it about as fast as Go.
//!
//! Rejected: a buffer when stdout is not a terminal, flushed at exit. Its
//! correctness rests on every way out flushing it — signals (which need
//! handlers that flush and then die of the same signal), fatal errors,
//! panics, `os.Exit`, a Rust abort, and before every blocking read or
//! sleep — and a forgotten path loses output silently. Not worth a class
//! of silent bugs for a print-bound loop.
//!
//! # Broken pipes
//! Rust's runtime starts programs with SIGPIPE ignored, so writing to a
//! closed pipe returns EPIPE. Go's os package (`epipecheck`) turns EPIPE
//! on file descriptor 1 or 2 into death by SIGPIPE — `gol run yes.go |
//! head -1` ends as soon as head exits, with the shell's status 141 — and
//! on any other descriptor into an error. [`write_std`] does the same:
//! restore SIGPIPE's default action, unblock it and raise it.
//!
//! # Invariants
//! One lock per stream serialises whole writes: the bytes of one
//! `fmt.Println` never interleave with another goroutine's (Go's file
//! descriptor write lock does the same). The lock is held only across
//! the `write(2)` calls; nothing else is done under it.
//!
//! # Embedding: a host instead of the file descriptors
//! A program run inside another Rust program (the `gol` library) must not
//! write on the host's descriptors: its output goes to a [`Host`], set on
//! the VM (`Vm::set_host`). The executor makes the VM's host the *current*
//! one of the M's thread for each slice (and the caller's thread while it
//! reports how the run ended) with [`enter`], and every write here asks
//! for the current host first: one thread-local read per write, where
//! threading a host through every native's signature would touch every
//! native. Runtime reports (a panic's report and trace, fatal errors, the
//! deadlock dump: [`write_report`]) go to [`Host::report`], so the host
//! gets them as a value rather than mixed into the program's stderr.
//! Without a host (the `gol` command) nothing changes: the descriptors,
//! SIGPIPE and all.

use std::cell::Cell;
use std::io;
use std::sync::Mutex;

/// Where an embedded program's output goes instead of file descriptors 1
/// and 2 (see the module docs).
pub trait Host: Send + Sync {
    /// The program's writes to `stream` (`fmt.Print`, `os.Stdout.Write`,
    /// `println`), each call one whole write; `None` when the host leaves
    /// `stream` on its file descriptor (the write then happens as without
    /// a host).
    fn write(&self, stream: Stream, b: &[u8]) -> Option<io::Result<()>>;
    /// The runtime's report of how the run ended: a panic's message and
    /// trace, a fatal error, the deadlock dump.
    fn report(&self, b: &[u8]);
    /// The host itself, for code that knows its concrete type (the
    /// embedding library's natives find their closures through it).
    fn as_any(&self) -> &dyn std::any::Any;
}

thread_local! {
    /// The host of the slice this thread runs (null when none). Set and
    /// restored by [`enter`]; the host outlives the guard (see there).
    static CURRENT: Cell<Option<*const dyn Host>> = const { Cell::new(None) };
}

/// Makes `host` the current host of this thread until the guard drops
/// (then the previous one is current again).
pub fn enter(host: Option<&std::sync::Arc<dyn Host>>) -> HostGuard {
    let prev = CURRENT.with(|c| c.replace(host.map(std::sync::Arc::as_ptr)));
    HostGuard { prev }
}

/// Restores the previous current host (see [`enter`]).
pub struct HostGuard {
    prev: Option<*const dyn Host>,
}

impl Drop for HostGuard {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.prev));
    }
}

/// Runs `f` with this thread's current host.
pub fn with_host<R>(f: impl FnOnce(Option<&dyn Host>) -> R) -> R {
    let h = CURRENT.with(|c| c.get());
    // SAFETY: a pointer is current only between `enter` and its guard's
    // drop, and the caller of `enter` lends a host that lives at least as
    // long as the guard (the VM's, held by the executor for the slice, or
    // the caller's for the report); it is only read through `&`.
    f(h.map(|p| unsafe { &*p }))
}

/// Writes a runtime report (panic, fatal error, deadlock dump) to the
/// current host, else to stderr ignoring errors, as Go's runtime does.
pub fn write_report(b: &[u8]) {
    with_host(|h| match h {
        Some(h) => h.report(b),
        None => {
            use io::Write;
            let _ = io::stderr().write_all(b);
        }
    })
}

/// The runtime's printing on standard error outside a report (`println`):
/// the current host's stderr, else file descriptor 2 ignoring errors.
pub fn write_stderr(b: &[u8]) {
    with_host(|h| match h {
        Some(h) if h.write(Stream::Stderr, b).is_some() => {}
        _ => {
            use io::Write;
            let _ = io::stderr().write_all(b);
        }
    })
}

/// One of the program's standard output streams.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// File descriptor 1.
    Stdout,
    /// File descriptor 2.
    Stderr,
}

impl Stream {
    fn fd(self) -> libc::c_int {
        match self {
            Stream::Stdout => 1,
            Stream::Stderr => 2,
        }
    }

    fn lock(self) -> std::sync::MutexGuard<'static, ()> {
        static STDOUT: Mutex<()> = Mutex::new(());
        static STDERR: Mutex<()> = Mutex::new(());
        let m = match self {
            Stream::Stdout => &STDOUT,
            Stream::Stderr => &STDERR,
        };
        // The lock guards no data (only the order of writes), so a
        // poisoned lock is as good as a clean one.
        m.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Writes all of `b` to `stream`, as Go's `os.File.Write` does: the number
/// of bytes written and, if the write failed before the end, the error.
/// A broken pipe does not return: the process dies of SIGPIPE.
pub(crate) fn write_std(stream: Stream, b: &[u8]) -> (usize, Option<io::Error>) {
    if let Some(r) = with_host(|h| h.and_then(|h| h.write(stream, b))) {
        return match r {
            Ok(()) => (b.len(), None),
            Err(e) => (0, Some(e)),
        };
    }
    let _order = stream.lock();
    let fd = stream.fd();
    let mut n = 0;
    while n < b.len() {
        let rest = &b[n..];
        // SAFETY: the pointer and length describe `rest`, a live slice;
        // write(2) only reads it.
        let r = unsafe { libc::write(fd, rest.as_ptr().cast(), rest.len()) };
        if r > 0 {
            n += r as usize;
            continue;
        }
        if r == 0 {
            return (n, Some(io::ErrorKind::WriteZero.into()));
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EINTR) => {}
            Some(libc::EAGAIN) => wait_writable(fd),
            Some(libc::EPIPE) => die_of_sigpipe(),
            _ => return (n, Some(e)),
        }
    }
    (n, None)
}

/// Blocks until `fd` (inherited in non-blocking mode) can take a write.
fn wait_writable(fd: libc::c_int) {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLOUT,
        revents: 0,
    };
    // SAFETY: `p` is one valid pollfd that outlives the call.
    unsafe { libc::poll(&mut p, 1, -1) };
}

/// Dies of SIGPIPE, as a Go program does after a write to a broken pipe
/// on its standard output or error.
fn die_of_sigpipe() -> ! {
    // SAFETY: restoring a signal's default action, changing this thread's
    // signal mask and raising a signal touch no memory of ours; the
    // sigset is initialised by sigemptyset before use.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGPIPE);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(libc::SIGPIPE);
        // Not reached: SIGPIPE's default action ends the process.
        libc::_exit(2)
    }
}

/// The program's standard output as an [`io::Write`] for the runtime's
/// own printing (which, like Go's runtime, ignores write errors).
/// Unbuffered: `flush` has nothing to do.
#[derive(Clone, Copy, Default)]
pub struct Out;

impl io::Write for Out {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.write_all(b).map(|()| b.len())
    }

    fn write_all(&mut self, b: &[u8]) -> io::Result<()> {
        match write_std(Stream::Stdout, b) {
            (_, None) => Ok(()),
            (_, Some(e)) => Err(e),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
