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
//!
//! # The ziggurat tables
//! `NormFloat64` and `ExpFloat64` are Marsaglia and Tsang's ziggurat
//! method ("The Ziggurat Method for Generating Random Variables", 2000)
//! with 128 strips for the normal and 256 for the exponential
//! distribution. Their tables (`k` integer thresholds, `w` and `f` as
//! float32) are computed once by the paper's set-up recurrence from the
//! rightmost strip's start `r` and the strips' common area `v`
//! ([`zigs`]), which gives Go's tables bit for bit.
//!
//! # ChaCha8
//! math/rand/v2's ChaCha8 source is Go's `internal/chacha8rand` (C2SP's
//! chacha8rand): the state machine (buffer, counter, rekeying) is Go in
//! stdlib/go/math/rand/v2, and [`chacha_block`], the 4 x ChaCha8 block
//! function that makes 32 words at a time, is a native because it is
//! nearly all of the source's cost: written in the Go subset, 2M draws
//! through a `rand.Source` took 1.96 s of user time (a PCG's 0.76 s);
//! with this native they take 0.23 s.

use gol_vm::{Native, NativeCtx, NativeResult};
use std::sync::OnceLock;

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

/// The ziggurat tables of one distribution.
pub struct Zig {
    pub k: Vec<u32>,
    pub w: Vec<f32>,
    pub f: Vec<f32>,
}

/// The set-up of the paper for `n` strips: the density is `exp(-g(x))`,
/// `next(x)` the start of the strip below the one starting at `x`, `m`
/// the scale of the random integers (2^31 for the signed normal draw,
/// 2^32 for the exponential one).
fn zig(n: usize, r: f64, v: f64, m: f64, g: impl Fn(f64) -> f64, next: impl Fn(f64) -> f64) -> Zig {
    let (mut k, mut w, mut f) = (vec![0u32; n], vec![0f32; n], vec![0f32; n]);
    let q = v / (-g(r)).exp();
    k[0] = ((r / q) * m) as u32;
    w[0] = (q / m) as f32;
    w[n - 1] = (r / m) as f32;
    f[0] = 1.0;
    f[n - 1] = (-g(r)).exp() as f32;
    let (mut x, mut t) = (r, r);
    for i in (1..n - 1).rev() {
        x = next(x);
        k[i + 1] = ((x / t) * m) as u32;
        t = x;
        f[i] = (-g(x)).exp() as f32;
        w[i] = (x / m) as f32;
    }
    Zig { k, w, f }
}

/// The normal and the exponential tables (see the module docs).
pub fn zigs() -> &'static (Zig, Zig) {
    static TABLES: OnceLock<(Zig, Zig)> = OnceLock::new();
    TABLES.get_or_init(|| {
        let (rn, vn) = (3.442619855899, 9.91256303526217e-3);
        let norm = zig(
            128,
            rn,
            vn,
            2147483648.0,
            |x| 0.5 * x * x,
            |x| (-2.0 * (vn / x + (-0.5 * x * x).exp()).ln()).sqrt(),
        );
        let (re, ve) = (7.697117470131487, 3.949659822581572e-3);
        let exp = zig(
            256,
            re,
            ve,
            4294967296.0,
            |x| x,
            |x| -(ve / x + (-x).exp()).ln(),
        );
        (norm, exp)
    })
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

/// `func(i int32) T` or `func(i uint32) T`: entry `i` of a ziggurat
/// table (`norm`, or `exp`), widened to a result word.
fn zig_entry(ctx: &mut NativeCtx<'_>, norm: bool, table: u8) -> NativeResult {
    let (n, e) = zigs();
    let z = if norm { n } else { e };
    let i = ctx.int_bits(0) as usize;
    match table {
        b'K' => ctx.ret_uint(0, z.k.get(i).copied().unwrap_or(0) as u64),
        b'W' => ctx.ret_float(0, f64::from(z.w.get(i).copied().unwrap_or(0.0))),
        _ => ctx.ret_float(0, f64::from(z.f.get(i).copied().unwrap_or(0.0))),
    }
    NativeResult::Ok
}

fn float(ctx: &mut NativeCtx<'_>, f: fn(f64) -> f64) -> NativeResult {
    let x = ctx.float(0);
    ctx.ret_float(0, f(x));
    NativeResult::Ok
}

/// ChaCha's quarter round on words `a`, `b`, `c`, `d` of `x`.
fn quarter_round(x: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize) {
    x[a] = x[a].wrapping_add(x[b]);
    x[d] = (x[d] ^ x[a]).rotate_left(16);
    x[c] = x[c].wrapping_add(x[d]);
    x[b] = (x[b] ^ x[c]).rotate_left(12);
    x[a] = x[a].wrapping_add(x[b]);
    x[d] = (x[d] ^ x[a]).rotate_left(8);
    x[c] = x[c].wrapping_add(x[d]);
    x[b] = (x[b] ^ x[c]).rotate_left(7);
}

/// chacha8rand's block function: four ChaCha8 blocks keyed by `seed`
/// (eight little-endian key words), block counters `counter` to
/// `counter + 3`, nonce zero. Word `r` of block `j` lands in output word
/// `2r + j/2`, the low half for even `j`: the order in which Go's
/// four-lane vector code stores its rows. Only the key rows (4 to 11) get
/// the feed-forward addition; chacha8rand drops the rest of it (the
/// constant and counter rows are public).
pub fn chacha_block(seed: [u64; 4], counter: u32) -> [u64; 32] {
    let key: [u32; 8] = std::array::from_fn(|i| (seed[i / 2] >> (32 * (i % 2))) as u32);
    let mut out = [0u64; 32];
    for j in 0..4u32 {
        let mut x = [0u32; 16];
        x[..4].copy_from_slice(&[0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]);
        x[4..12].copy_from_slice(&key);
        x[12] = counter.wrapping_add(j);
        for _ in 0..4 {
            quarter_round(&mut x, 0, 4, 8, 12);
            quarter_round(&mut x, 1, 5, 9, 13);
            quarter_round(&mut x, 2, 6, 10, 14);
            quarter_round(&mut x, 3, 7, 11, 15);
            quarter_round(&mut x, 0, 5, 10, 15);
            quarter_round(&mut x, 1, 6, 11, 12);
            quarter_round(&mut x, 2, 7, 8, 13);
            quarter_round(&mut x, 3, 4, 9, 14);
        }
        for (w, k) in x[4..12].iter_mut().zip(key) {
            *w = w.wrapping_add(k);
        }
        let shift = 32 * (j % 2);
        for (r, &w) in x.iter().enumerate() {
            out[2 * r + j as usize / 2] |= u64::from(w) << shift;
        }
    }
    out
}

/// `func(s0, s1, s2, s3 uint64, counter uint32) []uint64`: a fresh
/// slice of [`chacha_block`]'s 32 words.
fn chacha_native(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let seed = [ctx.uint(0), ctx.uint(1), ctx.uint(2), ctx.uint(3)];
    let out = chacha_block(seed, ctx.uint(4) as u32);
    let Some(t) = ctx.find_type("uint64") else {
        return NativeResult::Panic("math/rand/v2: no uint64 type in the program".into());
    };
    let s = ctx.new_slice(t, &out, out.len());
    ctx.ret_slice(0, s);
    NativeResult::Ok
}

/// math/rand/v2's ChaCha8 block function.
pub const CHACHA_NATIVES: &[(&str, Native)] = &[(
    "block",
    Native::new(
        chacha_native,
        "func(s0, s1, s2, s3 uint64, counter uint32) []uint64",
    ),
)];

/// The natives of this module: name, code, and the Go signature the code
/// implements (checked at load, see gol_vm's native module).
pub const NATIVES: &[(&str, Native)] = &[
    (
        "runtimeSeed",
        Native::new(
            |c| {
                let s = c.schedule_random().unwrap_or_else(seed);
                c.ret_int(0, s as i64);
                NativeResult::Ok
            },
            "func() int64",
        ),
    ),
    (
        "rngCooked",
        Native::new(
            |c| {
                let v = cooked().get(c.int(0) as usize).copied().unwrap_or(0);
                c.ret_int(0, v);
                NativeResult::Ok
            },
            "func(i int) int64",
        ),
    ),
    (
        "log",
        Native::new(|c| float(c, f64::ln), "func(x float64) float64"),
    ),
    (
        "exp",
        Native::new(|c| float(c, f64::exp), "func(x float64) float64"),
    ),
];

/// The ziggurat tables, which math/rand and math/rand/v2 share (their
/// NormFloat64 and ExpFloat64 index the same tables differently).
pub const ZIGGURAT_NATIVES: &[(&str, Native)] = &[
    (
        "normK",
        Native::new(|c| zig_entry(c, true, b'K'), "func(i int32) uint32"),
    ),
    (
        "normW",
        Native::new(|c| zig_entry(c, true, b'W'), "func(i int32) float32"),
    ),
    (
        "normF",
        Native::new(|c| zig_entry(c, true, b'F'), "func(i int32) float32"),
    ),
    (
        "expK",
        Native::new(|c| zig_entry(c, false, b'K'), "func(i uint32) uint32"),
    ),
    (
        "expW",
        Native::new(|c| zig_entry(c, false, b'W'), "func(i uint32) float32"),
    ),
    (
        "expF",
        Native::new(|c| zig_entry(c, false, b'F'), "func(i uint32) float32"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The first words of chacha8rand's stream for the seed
    /// "ABCDEFGHIJKLMNOPQRSTUVWXYZ123456" are C2SP's published test
    /// vector (c2sp.org/chacha8rand; Go's internal/chacha8rand tests).
    #[test]
    fn chacha_block_matches_the_published_vector() {
        let seed: [u64; 4] = std::array::from_fn(|i| {
            u64::from_le_bytes(
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZ123456"[8 * i..8 * i + 8]
                    .try_into()
                    .unwrap(),
            )
        });
        let b = chacha_block(seed, 0);
        assert_eq!(
            &b[..4],
            &[
                0xb773b6063d4616a5,
                0x1160af22a66abc3c,
                0x8c2599d9418d287c,
                0x7ee07e037edc5cd6
            ]
        );
    }

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
