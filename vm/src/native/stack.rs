//! Goroutine dumps for natives: `runtime.Stack`. The running goroutine
//! first (`[running]`), then, for a dump of all, every other goroutine in
//! id order with its status or wait reason (`[IO wait]`, `[chan receive]`)
//! and its stack, read with the world stopped as Go's `Stack(buf, true)`
//! does (in the form of every other dump: traceback.rs; a goroutine in a
//! system call shows the trace it lent). `runtime/pprof`'s goroutineleak
//! profile at `debug=2` is the same dump with Go's `(leaked)` marks.
//! A fatal signal the goroutine raised itself (`runtime.Breakpoint`'s
//! trap) is reported from here too, at Go's system level
//! ([`NativeCtx::signal_report`]; crashtrace.rs says why).

use super::NativeCtx;

impl NativeCtx<'_> {
    /// The text of `runtime.Stack(buf, all)`.
    pub fn goroutine_dump(&mut self, all: bool) -> Vec<u8> {
        self.goroutine_dump_marking(all, &[])
    }

    /// [`NativeCtx::goroutine_dump`] of all, marking the goroutines
    /// `leaked` names.
    pub fn goroutine_dump_marking(&mut self, all: bool, leaked: &[u64]) -> Vec<u8> {
        let head = format!("goroutine {} [running]:\n", self.g.id);
        self.dump_after(head.into_bytes(), all, leaked)
    }

    /// The report of fatal signal `name` raised by the calling goroutine
    /// (`runtime.Breakpoint`'s SIGTRAP, caught at `pc` with signal code
    /// `code`), as Go's `sighandler` writes it whatever `GOTRACEBACK`
    /// says: the name and `PC=` line, then every goroutine with Go's
    /// system-level header fields, the caller's first. Then the abort of
    /// `GOTRACEBACK=crash`, or the exit with status 2 (the result).
    pub fn signal_report(&mut self, name: &str, pc: u64, code: i64) -> super::NativeResult {
        self.flush_stdout();
        // Go's `m.throwing`: headers carry `gp=`/`m=` from here on.
        crate::traceback::set_throwing();
        let mut out = Vec::new();
        crate::crashtrace::write_signal_header(
            &mut |b| out.extend_from_slice(b),
            name,
            pc,
            crate::crashtrace::signalled_m(),
            code,
            None,
        );
        let head = crate::traceback::running_header(self.g).into_bytes();
        out.extend(self.dump_after(head, true, &[]));
        out.push(b'\n');
        self.write_stderr(&out);
        crate::gotraceback::crash_if_asked(crate::gotraceback::setting());
        super::NativeResult::Exit(2)
    }

    /// `head`, the calling goroutine's stack and `created by`, then, for
    /// `all`, every other goroutine, read with the world stopped.
    fn dump_after(&mut self, mut out: Vec<u8>, all: bool, leaked: &[u64]) -> Vec<u8> {
        out.extend_from_slice(&self.stack_trace());
        out.extend_from_slice(&crate::panic::created_by_text(self.vm, self.g));
        if !all {
            return out;
        }
        let Some(cx) = self.cx() else {
            return out;
        };
        let stopped = cx.stop_the_world();
        let vm = &*self.vm;
        cx.with_views(|views| {
            for v in views {
                out.push(b'\n');
                crate::traceback::write_view(vm, v, leaked.contains(&v.id), &mut out);
            }
        });
        cx.start_the_world(stopped);
        out
    }
}
