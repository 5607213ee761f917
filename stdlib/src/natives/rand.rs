//! Package math/rand: the natives its Go source needs (a random seed and
//! three float functions; see `stdlib/go/math/rand/rand.go`).

use gol_vm::{NativeCtx, NativeResult};

/// The natives of this module.
pub const NAMES: &[&str] = &["runtimeSeed", "log", "sqrt", "cos"];

/// A seed from the OS's hash randomness and the clock (no crate needed:
/// `RandomState` is seeded from the OS once per process).
fn seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    h.write_u64(now);
    h.write_u32(std::process::id());
    h.finish()
}

/// Dispatches `math/rand.<name>`; `None` when it is not a native here.
pub fn call(name: &str, ctx: &mut NativeCtx<'_>) -> Option<NativeResult> {
    let x = f64::from_bits(ctx.arg(0));
    let r = match name {
        "runtimeSeed" => seed(),
        "log" => x.ln().to_bits(),
        "sqrt" => x.sqrt().to_bits(),
        "cos" => x.cos().to_bits(),
        _ => return None,
    };
    ctx.set_result(0, r);
    Some(NativeResult::Ok)
}
