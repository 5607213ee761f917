//! The order in which `fmt` prints map entries: Go's `internal/fmtsort`.
//!
//! Keys compare by kind: numbers numerically (NaN before everything else,
//! NaNs equal to each other, as `cmp.Compare` does), strings bytewise,
//! `false` before `true`, pointers and channels by address, structs and
//! arrays element by element, interfaces nil first, then by dynamic type,
//! then by value. Go orders dynamic types by the address of their runtime
//! type descriptor, which is arbitrary but fixed; gol orders them by type
//! name instead, the one deliberate difference (only visible in maps whose
//! keys are interfaces holding values of several types).
//!
//! Sorting is a stable merge sort over entry indexes, written here because
//! `slice::sort_by` may panic when a comparison is not a total order, and
//! the comparison depends on answers from the VM that this module does not
//! control. With a consistent comparison the result equals Go's stable sort.

use std::cmp::Ordering;

use super::printer::{FmtValue, Kind};

/// How deep key comparison recurses (structs in arrays in interfaces...);
/// deeper parts compare equal.
const MAX_COMPARE_DEPTH: usize = 100;

fn compare(a: &dyn FmtValue, b: &dyn FmtValue, depth: usize) -> Ordering {
    if depth > MAX_COMPARE_DEPTH {
        return Ordering::Equal;
    }
    let (ka, kb) = (a.kind(), b.kind());
    if ka != kb {
        // Go: values of different types are "not equal", order unspecified.
        return Ordering::Less;
    }
    match ka {
        Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => {
            a.int_value().cmp(&b.int_value())
        }
        Kind::Uint | Kind::Uint8 | Kind::Uint16 | Kind::Uint32 | Kind::Uint64 | Kind::Uintptr => {
            a.uint_value().cmp(&b.uint_value())
        }
        Kind::String => a.bytes().cmp(&b.bytes()),
        Kind::Float32 | Kind::Float64 => float_compare(a.float_value(), b.float_value()),
        // Real parts first, then imaginary, as fmtsort does.
        Kind::Complex64 | Kind::Complex128 => {
            let ((ar, ai), (br, bi)) = (a.complex_value(), b.complex_value());
            float_compare(ar, br).then(float_compare(ai, bi))
        }
        Kind::Bool => a.bool_value().cmp(&b.bool_value()),
        Kind::Pointer | Kind::UnsafePointer | Kind::Chan => a.pointer().cmp(&b.pointer()),
        Kind::Struct => {
            let n = a.num_fields().min(b.num_fields());
            for i in 0..n {
                if let (Some((_, fa)), Some((_, fb))) = (a.field(i), b.field(i)) {
                    let c = compare(&*fa, &*fb, depth + 1);
                    if c != Ordering::Equal {
                        return c;
                    }
                }
            }
            Ordering::Equal
        }
        Kind::Array => {
            let n = a.len().min(b.len());
            for i in 0..n {
                if let (Some(ea), Some(eb)) = (a.index(i), b.index(i)) {
                    let c = compare(&*ea, &*eb, depth + 1);
                    if c != Ordering::Equal {
                        return c;
                    }
                }
            }
            Ordering::Equal
        }
        Kind::Interface => {
            let (ea, eb) = (
                if a.is_nil() { None } else { a.elem() },
                if b.is_nil() { None } else { b.elem() },
            );
            match (ea, eb) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Less,
                (Some(_), None) => Ordering::Greater,
                (Some(x), Some(y)) => {
                    let c = x.type_name().cmp(&y.type_name());
                    if c != Ordering::Equal {
                        return c;
                    }
                    compare(&*x, &*y, depth + 1)
                }
            }
        }
        // Maps, slices and funcs cannot be keys.
        _ => Ordering::Equal,
    }
}

/// The indexes of `entries` in Go's print order of their keys.
#[allow(clippy::type_complexity)]
pub(crate) fn sort_keys(
    entries: &[(Box<dyn FmtValue + '_>, Box<dyn FmtValue + '_>)],
) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..entries.len()).collect();
    let mut tmp = idx.clone();
    merge_sort(&mut idx, &mut tmp, &|x, y| {
        compare(&*entries[x].0, &*entries[y].0, 0)
    });
    idx
}

/// Stable top-down merge sort; `tmp` is scratch of the same length. Any
/// comparison function is fine: at worst the order is odd, never a panic.
fn merge_sort(v: &mut [usize], tmp: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    let n = v.len();
    if n <= 1 {
        return;
    }
    let mid = n / 2;
    {
        let (l, r) = v.split_at_mut(mid);
        let (tl, tr) = tmp.split_at_mut(mid);
        merge_sort(l, tl, cmp);
        merge_sort(r, tr, cmp);
    }
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        // Take from the right only when strictly smaller: stability.
        if cmp(v[j], v[i]) == Ordering::Less {
            tmp[k] = v[j];
            j += 1;
        } else {
            tmp[k] = v[i];
            i += 1;
        }
        k += 1;
    }
    tmp[k..k + mid - i].copy_from_slice(&v[i..mid]);
    k += mid - i;
    tmp[k..k + n - j].copy_from_slice(&v[j..n]);
    v.copy_from_slice(&tmp[..n]);
}

/// fmtsort's order of floats: NaN below everything, else numeric.
fn float_compare(x: f64, y: f64) -> Ordering {
    match (x.is_nan(), y.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
    }
}
