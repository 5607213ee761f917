//! Package math/rand: the natives its Go source needs (a random seed, the
//! generator's cooked table and three float functions; see
//! `stdlib/go/math/rand/rand.go`).
//!
//! # The cooked table
//! Go's source seeds its 607-word additive lagged Fibonacci generator
//! (`x[n] = x[n-607] + x[n-273]` mod 2^64, stepped as a circular buffer
//! with a feed and a tap index 334 apart) by xoring a Lehmer sequence with
//! a fixed table: the state of that same generator, seeded with 1 by a
//! variant of the seeding loop (shifts 20 and 10 instead of 40 and 20),
//! after 7.8e12 steps. Stepping 7.8e12 times would take hours, so
//! [`cooked`] jumps there: the recurrence is linear, so `x[n]` is
//! `sum c_i x[i]` over the first 607 terms, where `c` are the
//! coefficients of `X^n mod (X^607 - X^334 - 1)` (wrapping arithmetic in
//! Z/2^64), found by square-and-multiply in about 64 polynomial products;
//! the next 606 terms follow by multiplying by `X` once each. The buffer
//! position of term `n` is `(333 - n) mod 607`. The table is computed
//! once per process (a few milliseconds) rather than carried as data.
//! Rejected: embedding the 607 numbers (opaque data with no way to check
//! it in the tree).

use gol_vm::{NativeCtx, NativeResult};
use std::sync::OnceLock;

/// The natives of this module.
pub const NAMES: &[&str] = &["runtimeSeed", "rngCooked", "log", "sqrt", "cos"];

const LEN: usize = 607;
const TAP: usize = 273;
/// Steps from the seeded state to the cooked one.
const COOK_STEPS: u64 = 7_800_000_000_000;

/// `x * 48271 mod (2^31 - 1)` by Schrage's method.
fn seedrand(x: i32) -> i32 {
    let (hi, lo) = (x / 44488, x % 44488);
    let x = 48271 * lo - 3399 * hi;
    if x < 0 {
        x + i32::MAX
    } else {
        x
    }
}

/// Reduces a polynomial (coefficients, lowest first) modulo
/// `X^607 - X^334 - 1`: `X^d = X^(d-273) + X^(d-607)` for `d >= 607`.
fn reduce(mut r: Vec<u64>) -> Vec<u64> {
    for d in (LEN..r.len()).rev() {
        let c = std::mem::take(&mut r[d]);
        r[d - LEN] = r[d - LEN].wrapping_add(c);
        r[d - TAP] = r[d - TAP].wrapping_add(c);
    }
    r.truncate(LEN);
    r
}

fn mul_mod(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut r = vec![0u64; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        if x != 0 {
            for (j, &y) in b.iter().enumerate() {
                r[i + j] = r[i + j].wrapping_add(x.wrapping_mul(y));
            }
        }
    }
    reduce(r)
}

fn mul_x(a: &[u64]) -> Vec<u64> {
    let mut r = vec![0u64; a.len() + 1];
    r[1..].copy_from_slice(a);
    reduce(r)
}

/// The cooked table (see the module docs).
pub fn cooked() -> &'static [i64; LEN] {
    static TABLE: OnceLock<[i64; LEN]> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The seeded buffer, as the generator's terms x[0..607).
        let mut buf = [0u64; LEN];
        let mut x = 1i32;
        for i in -20i32..LEN as i32 {
            x = seedrand(x);
            if let Ok(i) = usize::try_from(i) {
                let mut u = (x as u64) << 20;
                x = seedrand(x);
                u ^= (x as u64) << 10;
                x = seedrand(x);
                u ^= x as u64;
                buf[i] = u;
            }
        }
        let out = advance(&buf, COOK_STEPS);
        out.map(|w| w as i64)
    })
}

/// The generator's buffer after `steps` steps from `buf` (tap at 0, feed
/// at 334), by the polynomial jump of the module docs.
fn advance(buf: &[u64; LEN], steps: u64) -> [u64; LEN] {
    let pos = |n: u64| (333 + LEN - (n % LEN as u64) as usize) % LEN;
    let terms: Vec<u64> = (0..LEN as u64).map(|n| buf[pos(n)]).collect();
    let mut p = vec![0u64; LEN];
    p[0] = 1;
    for bit in (0..64).rev() {
        p = mul_mod(&p, &p);
        if steps >> bit & 1 == 1 {
            p = mul_x(&p);
        }
    }
    let mut out = [0u64; LEN];
    for n in steps..steps + LEN as u64 {
        out[pos(n)] = p
            .iter()
            .zip(&terms)
            .fold(0u64, |s, (&c, &t)| s.wrapping_add(c.wrapping_mul(t)));
        p = mul_x(&p);
    }
    out
}

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
        "rngCooked" => cooked().get(ctx.arg(0) as usize).copied().unwrap_or(0) as u64,
        "log" => x.ln().to_bits(),
        "sqrt" => x.sqrt().to_bits(),
        "cos" => x.cos().to_bits(),
        _ => return None,
    };
    ctx.set_result(0, r);
    Some(NativeResult::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stepping the generator itself agrees with the jump: `cooked` for a
    /// small step count equals the buffer after that many plain steps.
    #[test]
    fn jump_matches_stepping() {
        let mut buf = [0u64; LEN];
        for (i, w) in buf.iter_mut().enumerate() {
            *w = (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 7;
        }
        for steps in [0u64, 1, 273, 607, 5000] {
            let want = {
                let mut b = buf;
                let (mut tap, mut feed) = (0usize, LEN - TAP);
                for _ in 0..steps {
                    tap = (tap + LEN - 1) % LEN;
                    feed = (feed + LEN - 1) % LEN;
                    b[feed] = b[feed].wrapping_add(b[tap]);
                }
                b
            };
            assert_eq!(advance(&buf, steps), want, "{steps} steps");
        }
    }
}
