//! Package os: the process.

use gol_vm::{NativeCtx, NativeResult};

/// `os.Exit(code int)`: ends the process at once (deferred calls do not run).
pub fn exit(ctx: &mut NativeCtx<'_>) -> NativeResult {
    ctx.flush_stdout();
    NativeResult::Exit(ctx.arg(0) as i64 as i32)
}
