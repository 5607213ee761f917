//! Goroutine dumps for natives: `runtime.Stack`. The running goroutine
//! first (`[running]`), then, for a dump of all, every other goroutine in
//! id order with its status or wait reason (`[IO wait]`, `[chan receive]`)
//! and its stack, read with the world stopped as Go's `Stack(buf, true)`
//! does (in the form of every other dump: traceback.rs; a goroutine in a
//! system call shows the trace it lent). `runtime/pprof`'s goroutineleak
//! profile at `debug=2` is the same dump with Go's `(leaked)` marks.

use super::NativeCtx;

impl NativeCtx<'_> {
    /// The text of `runtime.Stack(buf, all)`.
    pub fn goroutine_dump(&mut self, all: bool) -> Vec<u8> {
        self.goroutine_dump_marking(all, &[])
    }

    /// [`NativeCtx::goroutine_dump`] of all, marking the goroutines
    /// `leaked` names.
    pub fn goroutine_dump_marking(&mut self, all: bool, leaked: &[u64]) -> Vec<u8> {
        let mut out = format!("goroutine {} [running]:\n", self.g.id).into_bytes();
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
