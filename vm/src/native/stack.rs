//! Goroutine dumps for natives: `runtime.Stack`. The running goroutine
//! first (`[running]`), then, for a dump of all, every other goroutine in
//! id order with its status or wait reason (`[IO wait]`, `[chan receive]`)
//! and its stack, read with the world stopped as Go's `Stack(buf, true)`
//! does. A goroutine in a system call has lent its stack to the collector
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
                let state = if v.wait.as_str().is_empty() {
                    v.status.as_str()
                } else {
                    v.wait.as_str()
                };
                out.extend_from_slice(format!("\ngoroutine {} [{}]:\n", v.id, state).as_bytes());
                if let Some(g) = v.g {
                    crate::panic::write_trace(vm, &crate::panic::capture(g), &mut out);
                    out.extend_from_slice(&crate::panic::created_by_text(vm, g));
                }
            }
        });
        cx.start_the_world(stopped);
        out
    }
}
