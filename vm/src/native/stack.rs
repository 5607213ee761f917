//! Goroutine dumps for natives: `runtime.Stack`. The running goroutine
//! first (`[running]`), then, for a dump of all, every other goroutine in
//! id order with its status or wait reason (`[IO wait]`, `[chan receive]`)
//! and its stack, read with the world stopped as Go's `Stack(buf, true)`
//! does (in the form of every other dump: traceback.rs). A goroutine in a system call has lent its stack to the collector
//! and shows its header alone.

use super::NativeCtx;

impl NativeCtx<'_> {
    /// The text of `runtime.Stack(buf, all)`.
    pub fn goroutine_dump(&mut self, all: bool) -> Vec<u8> {
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
                crate::traceback::write_view(vm, v, false, &mut out);
            }
        });
        cx.start_the_world(stopped);
        out
    }
}
