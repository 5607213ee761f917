//! Package math: every declared function, natively.
//!
//! Exact operations (Sqrt, Floor, Ceil, Trunc, Round, Abs, bit casts,
//! FMA, Mod, Remainder, Frexp, Ldexp, Nextafter) give Go's results bit for
//! bit, with Go's special cases. The transcendental functions come from the
//! platform's C math library (through Rust's `f64` methods, or declared
//! below for the ones Rust lacks), which is correctly rounded in most
//! cases; Go uses its own implementations (mostly ports of Cephes and
//! FreeBSD's msun), so a result can differ from Go's in the last bit.
//! `Erfinv`/`Erfcinv` refine an estimate with Newton steps on `erf`.
//!
//! A `float32` value is kept as the `f64` of the same value (the VM's
//! representation), so `Float32bits` narrows first.

use gol_vm::{ArgKind, NativeCtx, NativeResult};

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

/// The natives of this module.
pub const NATIVES: &[(&str, &str)] = &[
    ("Abs", "func(x float64) float64"),
    ("Acosh", "func(x float64) float64"),
    ("Asin", "func(x float64) float64"),
    ("Acos", "func(x float64) float64"),
    ("Asinh", "func(x float64) float64"),
    ("Atan", "func(x float64) float64"),
    ("Atan2", "func(y float64, x float64) float64"),
    ("Atanh", "func(x float64) float64"),
    ("Inf", "func(sign int) float64"),
    ("NaN", "func() float64"),
    ("IsNaN", "func(f float64) (is bool)"),
    ("IsInf", "func(f float64, sign int) bool"),
    ("Cbrt", "func(x float64) float64"),
    ("Copysign", "func(f float64, sign float64) float64"),
    ("Dim", "func(x float64, y float64) float64"),
    ("Max", "func(x float64, y float64) float64"),
    ("Min", "func(x float64, y float64) float64"),
    ("Erf", "func(x float64) float64"),
    ("Erfc", "func(x float64) float64"),
    ("Erfinv", "func(x float64) float64"),
    ("Erfcinv", "func(x float64) float64"),
    ("Exp", "func(x float64) float64"),
    ("Exp2", "func(x float64) float64"),
    ("Expm1", "func(x float64) float64"),
    ("Floor", "func(x float64) float64"),
    ("Ceil", "func(x float64) float64"),
    ("Trunc", "func(x float64) float64"),
    ("Round", "func(x float64) float64"),
    ("RoundToEven", "func(x float64) float64"),
    ("FMA", "func(x float64, y float64, z float64) float64"),
    ("Frexp", "func(f float64) (frac float64, exp int)"),
    ("Gamma", "func(x float64) float64"),
    ("Hypot", "func(p float64, q float64) float64"),
    ("J0", "func(x float64) float64"),
    ("Y0", "func(x float64) float64"),
    ("J1", "func(x float64) float64"),
    ("Y1", "func(x float64) float64"),
    ("Jn", "func(n int, x float64) float64"),
    ("Yn", "func(n int, x float64) float64"),
    ("Ldexp", "func(frac float64, exp int) float64"),
    ("Lgamma", "func(x float64) (lgamma float64, sign int)"),
    ("Log", "func(x float64) float64"),
    ("Log10", "func(x float64) float64"),
    ("Log2", "func(x float64) float64"),
    ("Log1p", "func(x float64) float64"),
    ("Logb", "func(x float64) float64"),
    ("Ilogb", "func(x float64) int"),
    ("Mod", "func(x float64, y float64) float64"),
    (
        "Modf",
        "func(f float64) (integer float64, fractional float64)",
    ),
    ("Nextafter32", "func(x float32, y float32) (r float32)"),
    ("Nextafter", "func(x float64, y float64) (r float64)"),
    ("Pow", "func(x float64, y float64) float64"),
    ("Pow10", "func(n int) float64"),
    ("Remainder", "func(x float64, y float64) float64"),
    ("Signbit", "func(x float64) bool"),
    ("Cos", "func(x float64) float64"),
    ("Sin", "func(x float64) float64"),
    ("Sincos", "func(x float64) (sin float64, cos float64)"),
    ("Sinh", "func(x float64) float64"),
    ("Cosh", "func(x float64) float64"),
    ("Sqrt", "func(x float64) float64"),
    ("Tan", "func(x float64) float64"),
    ("Tanh", "func(x float64) float64"),
    ("Float32bits", "func(f float32) uint32"),
    ("Float32frombits", "func(b uint32) float32"),
    ("Float64bits", "func(f float64) uint64"),
    ("Float64frombits", "func(b uint64) float64"),
];

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

/// Dispatches `math.<name>`; `None` when it is not a native here.
pub fn call(name: &str, ctx: &mut NativeCtx<'_>) -> Option<NativeResult> {
    // The operands most functions share, each read only where the
    // declaration has it: x (float parameter 0), y (float parameter 1),
    // i0 (integer parameter 0: Inf's sign, Jn's and Yn's order).
    let kind = |k: usize| ctx.params().get(k).map(|p| p.kind);
    let x = if kind(0) == Some(ArgKind::Float) {
        ctx.float(0)
    } else {
        0.0
    };
    let y = if kind(1) == Some(ArgKind::Float) {
        ctx.float(1)
    } else {
        0.0
    };
    let i0 = if kind(0) == Some(ArgKind::Int) {
        ctx.int(0)
    } else {
        0
    };
    let clamp = |n: i64| n.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
    // SAFETY (for the C calls below): each is a pure C math function of
    // plain numbers; `lgamma_r` and `frexp` write one int through a
    // pointer to a local.
    let r: f64 = match name {
        "Abs" => x.abs(),
        "Acosh" => x.acosh(),
        "Asin" => x.asin(),
        "Acos" => x.acos(),
        "Asinh" => x.asinh(),
        "Atan" => x.atan(),
        "Atan2" => x.atan2(y),
        "Atanh" => x.atanh(),
        "Inf" => {
            if i0 >= 0 {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            }
        }
        "NaN" => f64::NAN,
        "IsNaN" => {
            ctx.set_result(0, x.is_nan() as u64);
            return Some(NativeResult::Ok);
        }
        "IsInf" => {
            let sign = ctx.int(1);
            let v = sign >= 0 && x == f64::INFINITY || sign <= 0 && x == f64::NEG_INFINITY;
            ctx.set_result(0, v as u64);
            return Some(NativeResult::Ok);
        }
        "Signbit" => {
            ctx.set_result(0, x.is_sign_negative() as u64);
            return Some(NativeResult::Ok);
        }
        "Cbrt" => x.cbrt(),
        "Copysign" => x.copysign(y),
        "Dim" => {
            let v = x - y;
            if v <= 0.0 {
                0.0
            } else {
                v
            }
        }
        "Max" => go_max(x, y),
        "Min" => go_min(x, y),
        // SAFETY: see above.
        "Erf" => unsafe { erf(x) },
        // SAFETY: see above.
        "Erfc" => unsafe { erfc(x) },
        "Erfinv" => erfinv(x),
        "Erfcinv" => erfinv(1.0 - x),
        "Exp" => x.exp(),
        "Exp2" => x.exp2(),
        "Expm1" => x.exp_m1(),
        "Floor" => x.floor(),
        "Ceil" => x.ceil(),
        "Trunc" => x.trunc(),
        "Round" => x.round(),
        "RoundToEven" => x.round_ties_even(),
        "FMA" => x.mul_add(y, ctx.float(2)),
        "Frexp" => {
            if x == 0.0 || x.is_nan() || x.is_infinite() {
                ctx.set_result(0, x.to_bits());
                ctx.set_result(1, 0);
                return Some(NativeResult::Ok);
            }
            let mut e = 0i32;
            // SAFETY: see above.
            let f = unsafe { frexp(x, &mut e) };
            ctx.set_result(0, f.to_bits());
            ctx.set_result(1, e as i64 as u64);
            return Some(NativeResult::Ok);
        }
        "Gamma" => {
            // Go: Gamma of a negative integer or -Inf is NaN; of ±0 ±Inf.
            if x == f64::NEG_INFINITY || (x < 0.0 && x == x.floor()) {
                f64::NAN
            } else {
                // SAFETY: see above.
                unsafe { tgamma(x) }
            }
        }
        "Hypot" => x.hypot(y),
        // SAFETY: see above.
        "J0" => unsafe { j0(x) },
        // SAFETY: see above.
        "J1" => unsafe { j1(x) },
        // SAFETY: see above.
        "Y0" => unsafe { y0(x) },
        // SAFETY: see above.
        "Y1" => unsafe { y1(x) },
        // SAFETY: see above.
        "Jn" => unsafe { jn(clamp(i0), y) },
        // SAFETY: see above.
        "Yn" => unsafe { yn(clamp(i0), y) },
        "Ldexp" => {
            let e = ctx.int(1);
            // SAFETY: see above.
            unsafe { ldexp(x, clamp(e)) }
        }
        "Lgamma" => {
            let mut s = 0i32;
            // SAFETY: see above.
            let v = unsafe { lgamma_r(x, &mut s) };
            let sign: i64 = if s < 0 { -1 } else { 1 };
            ctx.set_result(0, v.to_bits());
            ctx.set_result(1, sign as u64);
            return Some(NativeResult::Ok);
        }
        "Log" => x.ln(),
        "Log10" => x.log10(),
        "Log2" => x.log2(),
        "Log1p" => x.ln_1p(),
        // SAFETY: see above.
        "Logb" => unsafe { logb(x) },
        "Ilogb" => {
            ctx.set_result(0, ilogb(x) as u64);
            return Some(NativeResult::Ok);
        }
        "Mod" => x % y,
        "Modf" => {
            let (i, f) = if x.is_infinite() {
                (x, f64::NAN)
            } else if x.abs() < 1.0 {
                (0.0f64.copysign(x), x)
            } else {
                let i = x.trunc();
                (i, (x - i).copysign(x))
            };
            ctx.set_result(0, i.to_bits());
            ctx.set_result(1, f.to_bits());
            return Some(NativeResult::Ok);
        }
        "Nextafter32" => {
            // SAFETY: see above.
            let v = unsafe { nextafterf(x as f32, y as f32) };
            v as f64
        }
        // SAFETY: see above.
        "Nextafter" => unsafe { nextafter(x, y) },
        "Pow" => x.powf(y),
        "Pow10" => pow10(i0),
        // SAFETY: see above.
        "Remainder" => unsafe { remainder(x, y) },
        "Cos" => x.cos(),
        "Sin" => x.sin(),
        "Sincos" => {
            ctx.set_result(0, x.sin().to_bits());
            ctx.set_result(1, x.cos().to_bits());
            return Some(NativeResult::Ok);
        }
        "Sinh" => x.sinh(),
        "Cosh" => x.cosh(),
        "Sqrt" => x.sqrt(),
        "Tan" => x.tan(),
        "Tanh" => x.tanh(),
        "Float32bits" => {
            ctx.set_result(0, (x as f32).to_bits() as u64);
            return Some(NativeResult::Ok);
        }
        "Float32frombits" => f32::from_bits(ctx.uint(0) as u32) as f64,
        "Float64bits" => {
            ctx.set_result(0, x.to_bits());
            return Some(NativeResult::Ok);
        }
        "Float64frombits" => f64::from_bits(ctx.uint(0)),
        _ => return None,
    };
    ctx.set_result(0, r.to_bits());
    Some(NativeResult::Ok)
}
