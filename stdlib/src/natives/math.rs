//! Package math: every declared function, natively.
//!
//! Exact operations (Sqrt, Floor, Ceil, Trunc, Round, Abs, bit casts,
//! FMA, Mod, Remainder, Frexp, Ldexp, Nextafter, and Hypot, which is Go's
//! formula of exact steps) give Go's results bit for
//! bit, with Go's special cases. The transcendental functions come from the
//! platform's C math library (through Rust's `f64` methods, or declared
//! below for the ones Rust lacks), which is correctly rounded in most
//! cases; Go uses its own implementations (mostly ports of Cephes and
//! FreeBSD's msun), so a result can differ from Go's in the last bit.
//! `Erfinv`/`Erfcinv` refine an estimate with Newton steps on `erf`.
//!
//! A `float32` value is kept as the `f64` of the same value (the VM's
//! representation), so `Float32bits` narrows first.

use gol_vm::{Native, NativeCtx, NativeResult};

#[allow(non_upper_case_globals)]
extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn tgamma(x: f64) -> f64;
    fn lgamma_r(x: f64, sign: *mut i32) -> f64;
    fn j0(x: f64) -> f64;
    fn j1(x: f64) -> f64;
    fn jn(n: i32, x: f64) -> f64;
    fn y0(x: f64) -> f64;
    fn y1(x: f64) -> f64;
    fn yn(n: i32, x: f64) -> f64;
    fn remainder(x: f64, y: f64) -> f64;
    fn nextafter(x: f64, y: f64) -> f64;
    fn nextafterf(x: f32, y: f32) -> f32;
    fn logb(x: f64) -> f64;
    fn ldexp(x: f64, e: i32) -> f64;
    fn frexp(x: f64, e: *mut i32) -> f64;
}

/// Go's `Hypot`: `p * sqrt(1 + (q/p)^2)` with p the larger magnitude,
/// which neither overflows nor underflows needlessly. Every step is one
/// correctly rounded operation, so the result is Go's bit for bit (the C
/// library's hypot rounds differently in the last bit); `cmplx.Abs`
/// rests on it.
fn go_hypot(p: f64, q: f64) -> f64 {
    if p.is_infinite() || q.is_infinite() {
        return f64::INFINITY;
    }
    if p.is_nan() || q.is_nan() {
        return f64::NAN;
    }
    let (mut p, mut q) = (p.abs(), q.abs());
    if p < q {
        std::mem::swap(&mut p, &mut q);
    }
    if p == 0.0 {
        return 0.0;
    }
    let r = q / p;
    p * (1.0 + r * r).sqrt()
}

fn erfinv(y: f64) -> f64 {
    if y.is_nan() || !(-1.0..=1.0).contains(&y) {
        return f64::NAN;
    }
    if y == 1.0 {
        return f64::INFINITY;
    }
    if y == -1.0 {
        return f64::NEG_INFINITY;
    }
    if y == 0.0 {
        return y;
    }
    // Winitzki's approximation, then Newton on erf(x) - y.
    let a = 0.147;
    let ln = (1.0 - y * y).ln();
    let t = 2.0 / (std::f64::consts::PI * a) + ln / 2.0;
    let mut x = (((t * t) - ln / a).sqrt() - t).sqrt().copysign(y);
    for _ in 0..4 {
        // SAFETY: `erf` is a pure C math function of one double.
        let e = unsafe { erf(x) } - y;
        let d = 2.0 / std::f64::consts::PI.sqrt() * (-x * x).exp();
        if d == 0.0 {
            break;
        }
        x -= e / d;
    }
    x
}

/// Go's `Pow10`: products of exactly parsed powers, as Go's tables give.
fn pow10(n: i64) -> f64 {
    let p = |k: i64| format!("1e{k}").parse::<f64>().unwrap_or(0.0);
    if (0..=308).contains(&n) {
        return p(n / 32 * 32) * p(n % 32);
    }
    if (-323..=0).contains(&n) {
        let m = -n;
        return p(-(m / 32 * 32)) / p(m % 32);
    }
    if n > 0 {
        f64::INFINITY
    } else {
        0.0
    }
}

fn go_max(x: f64, y: f64) -> f64 {
    if x.is_infinite() && x > 0.0 || y.is_infinite() && y > 0.0 {
        return f64::INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { y } else { x };
    }
    if x > y {
        x
    } else {
        y
    }
}

fn go_min(x: f64, y: f64) -> f64 {
    if x.is_infinite() && x < 0.0 || y.is_infinite() && y < 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { x } else { y };
    }
    if x < y {
        x
    } else {
        y
    }
}

fn ilogb(x: f64) -> i64 {
    if x == 0.0 {
        return i32::MIN as i64;
    }
    if x.is_nan() || x.is_infinite() {
        return i32::MAX as i64;
    }
    // SAFETY: pure C math function.
    unsafe { logb(x) as i64 }
}

/// `func(x float64) float64`.
fn f_f(ctx: &mut NativeCtx<'_>, f: impl Fn(f64) -> f64) -> NativeResult {
    let x = ctx.float(0);
    ctx.ret_float(0, f(x));
    NativeResult::Ok
}

/// `func(x, y float64) float64` (`float32` too).
fn ff_f(ctx: &mut NativeCtx<'_>, f: impl Fn(f64, f64) -> f64) -> NativeResult {
    let (x, y) = (ctx.float(0), ctx.float(1));
    ctx.ret_float(0, f(x, y));
    NativeResult::Ok
}

/// `func(x float64) bool`.
fn f_b(ctx: &mut NativeCtx<'_>, f: impl Fn(f64) -> bool) -> NativeResult {
    let x = ctx.float(0);
    ctx.ret_bool(0, f(x));
    NativeResult::Ok
}

/// `func(n int, x float64) float64` (the Bessel functions of order n).
fn nf_f(ctx: &mut NativeCtx<'_>, f: impl Fn(i32, f64) -> f64) -> NativeResult {
    let (n, x) = (clamp_i32(ctx.int(0)), ctx.float(1));
    ctx.ret_float(0, f(n, x));
    NativeResult::Ok
}

fn clamp_i32(n: i64) -> i32 {
    n.clamp(i32::MIN as i64, i32::MAX as i64) as i32
}

/// Safe wrappers of the C functions declared above.
macro_rules! pure_c {
    ($($name:ident => $c:ident($($a:ident: $t:ty),*) -> $r:ty;)*) => {$(
        fn $name($($a: $t),*) -> $r {
            // SAFETY: a pure C math function of plain numbers.
            unsafe { $c($($a),*) }
        }
    )*};
}

pure_c! {
    c_erf => erf(x: f64) -> f64;
    c_erfc => erfc(x: f64) -> f64;
    c_j0 => j0(x: f64) -> f64;
    c_j1 => j1(x: f64) -> f64;
    c_y0 => y0(x: f64) -> f64;
    c_y1 => y1(x: f64) -> f64;
    c_jn => jn(n: i32, x: f64) -> f64;
    c_yn => yn(n: i32, x: f64) -> f64;
    c_logb => logb(x: f64) -> f64;
    c_nextafter => nextafter(x: f64, y: f64) -> f64;
    c_remainder => remainder(x: f64, y: f64) -> f64;
    c_ldexp => ldexp(x: f64, e: i32) -> f64;
    c_tgamma => tgamma(x: f64) -> f64;
}

fn c_nextafter32(x: f64, y: f64) -> f64 {
    // SAFETY: a pure C math function of plain numbers.
    unsafe { nextafterf(x as f32, y as f32) as f64 }
}

fn dim(x: f64, y: f64) -> f64 {
    let v = x - y;
    if v <= 0.0 {
        0.0
    } else {
        v
    }
}

/// Go: Gamma of a negative integer or -Inf is NaN; of ±0 ±Inf.
fn gamma(x: f64) -> f64 {
    if x == f64::NEG_INFINITY || (x < 0.0 && x == x.floor()) {
        f64::NAN
    } else {
        c_tgamma(x)
    }
}

fn inf(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let sign = ctx.int(0);
    ctx.ret_float(
        0,
        if sign >= 0 {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        },
    );
    NativeResult::Ok
}

fn is_inf(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (x, sign) = (ctx.float(0), ctx.int(1));
    let v = sign >= 0 && x == f64::INFINITY || sign <= 0 && x == f64::NEG_INFINITY;
    ctx.ret_bool(0, v);
    NativeResult::Ok
}

fn fma(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (x, y, z) = (ctx.float(0), ctx.float(1), ctx.float(2));
    ctx.ret_float(0, x.mul_add(y, z));
    NativeResult::Ok
}

fn go_frexp(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let x = ctx.float(0);
    let (f, e) = if x == 0.0 || x.is_nan() || x.is_infinite() {
        (x, 0)
    } else {
        let mut e = 0i32;
        // SAFETY: a pure C math function; it writes one int through a
        // pointer to a local.
        (unsafe { frexp(x, &mut e) }, e)
    };
    ctx.ret_float(0, f);
    ctx.ret_int(1, e as i64);
    NativeResult::Ok
}

fn go_ldexp(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (x, e) = (ctx.float(0), ctx.int(1));
    ctx.ret_float(0, c_ldexp(x, clamp_i32(e)));
    NativeResult::Ok
}

fn lgamma(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let x = ctx.float(0);
    let mut s = 0i32;
    // SAFETY: a pure C math function; it writes one int through a pointer
    // to a local.
    let v = unsafe { lgamma_r(x, &mut s) };
    ctx.ret_float(0, v);
    ctx.ret_int(1, if s < 0 { -1 } else { 1 });
    NativeResult::Ok
}

fn modf(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let x = ctx.float(0);
    let (i, f) = if x.is_infinite() {
        (x, f64::NAN)
    } else if x.abs() < 1.0 {
        (0.0f64.copysign(x), x)
    } else {
        let i = x.trunc();
        (i, (x - i).copysign(x))
    };
    ctx.ret_float(0, i);
    ctx.ret_float(1, f);
    NativeResult::Ok
}

fn pow10_native(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let n = ctx.int(0);
    ctx.ret_float(0, pow10(n));
    NativeResult::Ok
}

fn sincos(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let x = ctx.float(0);
    ctx.ret_float(0, x.sin());
    ctx.ret_float(1, x.cos());
    NativeResult::Ok
}

fn float32bits(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let x = ctx.float(0);
    ctx.ret_uint(0, (x as f32).to_bits() as u64);
    NativeResult::Ok
}

fn float32frombits(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let b = ctx.uint(0);
    ctx.ret_float(0, f32::from_bits(b as u32) as f64);
    NativeResult::Ok
}

fn float64bits(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let x = ctx.float(0);
    ctx.ret_uint(0, x.to_bits());
    NativeResult::Ok
}

fn float64frombits(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let b = ctx.uint(0);
    ctx.ret_float(0, f64::from_bits(b));
    NativeResult::Ok
}

/// The natives of this module: name in the package, code, and the Go
/// signature the code implements (checked at load, see gol_vm's native
/// module). Each is its own function, resolved once at load.
pub const NATIVES: &[(&str, Native)] = &[
    (
        "Abs",
        Native::new(|c| f_f(c, f64::abs), "func(x float64) float64"),
    ),
    (
        "Acosh",
        Native::new(|c| f_f(c, f64::acosh), "func(x float64) float64"),
    ),
    (
        "Asin",
        Native::new(|c| f_f(c, f64::asin), "func(x float64) float64"),
    ),
    (
        "Acos",
        Native::new(|c| f_f(c, f64::acos), "func(x float64) float64"),
    ),
    (
        "Asinh",
        Native::new(|c| f_f(c, f64::asinh), "func(x float64) float64"),
    ),
    (
        "Atan",
        Native::new(|c| f_f(c, f64::atan), "func(x float64) float64"),
    ),
    (
        "Atan2",
        Native::new(
            |c| ff_f(c, f64::atan2),
            "func(y float64, x float64) float64",
        ),
    ),
    (
        "Atanh",
        Native::new(|c| f_f(c, f64::atanh), "func(x float64) float64"),
    ),
    ("Inf", Native::new(inf, "func(sign int) float64")),
    (
        "NaN",
        Native::new(
            |c| {
                // Go's uvnan: a quiet NaN with payload 1, as Float64bits shows.
                c.ret_float(0, f64::from_bits(0x7FF8_0000_0000_0001));
                NativeResult::Ok
            },
            "func() float64",
        ),
    ),
    (
        "IsNaN",
        Native::new(|c| f_b(c, f64::is_nan), "func(f float64) (is bool)"),
    ),
    (
        "IsInf",
        Native::new(is_inf, "func(f float64, sign int) bool"),
    ),
    (
        "Cbrt",
        Native::new(|c| f_f(c, f64::cbrt), "func(x float64) float64"),
    ),
    (
        "Copysign",
        Native::new(
            |c| ff_f(c, f64::copysign),
            "func(f float64, sign float64) float64",
        ),
    ),
    (
        "Dim",
        Native::new(|c| ff_f(c, dim), "func(x float64, y float64) float64"),
    ),
    (
        "Max",
        Native::new(|c| ff_f(c, go_max), "func(x float64, y float64) float64"),
    ),
    (
        "Min",
        Native::new(|c| ff_f(c, go_min), "func(x float64, y float64) float64"),
    ),
    (
        "Erf",
        Native::new(|c| f_f(c, c_erf), "func(x float64) float64"),
    ),
    (
        "Erfc",
        Native::new(|c| f_f(c, c_erfc), "func(x float64) float64"),
    ),
    (
        "Erfinv",
        Native::new(|c| f_f(c, erfinv), "func(x float64) float64"),
    ),
    (
        "Erfcinv",
        Native::new(|c| f_f(c, |x| erfinv(1.0 - x)), "func(x float64) float64"),
    ),
    (
        "Exp",
        Native::new(|c| f_f(c, f64::exp), "func(x float64) float64"),
    ),
    (
        "Exp2",
        Native::new(|c| f_f(c, f64::exp2), "func(x float64) float64"),
    ),
    (
        "Expm1",
        Native::new(|c| f_f(c, f64::exp_m1), "func(x float64) float64"),
    ),
    (
        "Floor",
        Native::new(|c| f_f(c, f64::floor), "func(x float64) float64"),
    ),
    (
        "Ceil",
        Native::new(|c| f_f(c, f64::ceil), "func(x float64) float64"),
    ),
    (
        "Trunc",
        Native::new(|c| f_f(c, f64::trunc), "func(x float64) float64"),
    ),
    (
        "Round",
        Native::new(|c| f_f(c, f64::round), "func(x float64) float64"),
    ),
    (
        "RoundToEven",
        Native::new(|c| f_f(c, f64::round_ties_even), "func(x float64) float64"),
    ),
    (
        "FMA",
        Native::new(fma, "func(x float64, y float64, z float64) float64"),
    ),
    (
        "Frexp",
        Native::new(go_frexp, "func(f float64) (frac float64, exp int)"),
    ),
    (
        "Gamma",
        Native::new(|c| f_f(c, gamma), "func(x float64) float64"),
    ),
    (
        "Hypot",
        Native::new(|c| ff_f(c, go_hypot), "func(p float64, q float64) float64"),
    ),
    (
        "J0",
        Native::new(|c| f_f(c, c_j0), "func(x float64) float64"),
    ),
    (
        "Y0",
        Native::new(|c| f_f(c, c_y0), "func(x float64) float64"),
    ),
    (
        "J1",
        Native::new(|c| f_f(c, c_j1), "func(x float64) float64"),
    ),
    (
        "Y1",
        Native::new(|c| f_f(c, c_y1), "func(x float64) float64"),
    ),
    (
        "Jn",
        Native::new(|c| nf_f(c, c_jn), "func(n int, x float64) float64"),
    ),
    (
        "Yn",
        Native::new(|c| nf_f(c, c_yn), "func(n int, x float64) float64"),
    ),
    (
        "Ldexp",
        Native::new(go_ldexp, "func(frac float64, exp int) float64"),
    ),
    (
        "Lgamma",
        Native::new(lgamma, "func(x float64) (lgamma float64, sign int)"),
    ),
    (
        "Log",
        Native::new(|c| f_f(c, f64::ln), "func(x float64) float64"),
    ),
    (
        "Log10",
        Native::new(|c| f_f(c, f64::log10), "func(x float64) float64"),
    ),
    (
        "Log2",
        Native::new(|c| f_f(c, f64::log2), "func(x float64) float64"),
    ),
    (
        "Log1p",
        Native::new(|c| f_f(c, f64::ln_1p), "func(x float64) float64"),
    ),
    (
        "Logb",
        Native::new(|c| f_f(c, c_logb), "func(x float64) float64"),
    ),
    (
        "Ilogb",
        Native::new(
            |c| {
                let x = c.float(0);
                c.ret_int(0, ilogb(x));
                NativeResult::Ok
            },
            "func(x float64) int",
        ),
    ),
    (
        "Mod",
        Native::new(
            |c| ff_f(c, |x, y| x % y),
            "func(x float64, y float64) float64",
        ),
    ),
    (
        "Modf",
        Native::new(
            modf,
            "func(f float64) (integer float64, fractional float64)",
        ),
    ),
    (
        "Nextafter32",
        Native::new(
            |c| ff_f(c, c_nextafter32),
            "func(x float32, y float32) (r float32)",
        ),
    ),
    (
        "Nextafter",
        Native::new(
            |c| ff_f(c, c_nextafter),
            "func(x float64, y float64) (r float64)",
        ),
    ),
    (
        "Pow",
        Native::new(|c| ff_f(c, f64::powf), "func(x float64, y float64) float64"),
    ),
    ("Pow10", Native::new(pow10_native, "func(n int) float64")),
    (
        "Remainder",
        Native::new(
            |c| ff_f(c, c_remainder),
            "func(x float64, y float64) float64",
        ),
    ),
    (
        "Signbit",
        Native::new(|c| f_b(c, f64::is_sign_negative), "func(x float64) bool"),
    ),
    (
        "Cos",
        Native::new(|c| f_f(c, f64::cos), "func(x float64) float64"),
    ),
    (
        "Sin",
        Native::new(|c| f_f(c, f64::sin), "func(x float64) float64"),
    ),
    (
        "Sincos",
        Native::new(sincos, "func(x float64) (sin float64, cos float64)"),
    ),
    (
        "Sinh",
        Native::new(|c| f_f(c, f64::sinh), "func(x float64) float64"),
    ),
    (
        "Cosh",
        Native::new(|c| f_f(c, f64::cosh), "func(x float64) float64"),
    ),
    (
        "Sqrt",
        Native::new(|c| f_f(c, f64::sqrt), "func(x float64) float64"),
    ),
    (
        "Tan",
        Native::new(|c| f_f(c, f64::tan), "func(x float64) float64"),
    ),
    (
        "Tanh",
        Native::new(|c| f_f(c, f64::tanh), "func(x float64) float64"),
    ),
    (
        "Float32bits",
        Native::new(float32bits, "func(f float32) uint32"),
    ),
    (
        "Float32frombits",
        Native::new(float32frombits, "func(b uint32) float32"),
    ),
    (
        "Float64bits",
        Native::new(float64bits, "func(f float64) uint64"),
    ),
    (
        "Float64frombits",
        Native::new(float64frombits, "func(b uint64) float64"),
    ),
];
