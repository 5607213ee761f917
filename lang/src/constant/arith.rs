//! Arithmetic: Go's operators on constant values, computed as
//! `go/constant` computes them, and the bounds every result passes
//! (`int_result`; floats keep theirs in `float`) so that hostile
//! expressions stay cheap. Apart from representation because an
//! untyped result is exact: it is checked against a kind only when the
//! checker converts it.

use super::*;

impl Value {
    /// `x op y` for arithmetic, bitwise and logical operators (not
    /// comparisons, not shifts). `integer` selects truncated integer
    /// division for `/` when both operands are integer constants.
    ///
    /// Mixed `Int`/`Float` operands are computed as floats (the checker has
    /// converted them to one kind; an untyped int meeting an untyped float is
    /// a float). `/` without `integer` is exact rational division and gives
    /// a `Float`. Integer results wider than 512 bits are `TooLarge`.
    /// For convenience, shifts (with a non-negative integral count) and
    /// comparisons are forwarded to [`Value::shift`] and [`Value::compare`].
    /// An `Unknown` operand gives `Unknown`.
    pub(crate) fn binary(
        op: BinaryOp,
        x: &Value,
        y: &Value,
        integer: bool,
    ) -> Result<Value, ConstError> {
        use BinaryOp::*;
        if matches!(x, Value::Unknown) || matches!(y, Value::Unknown) {
            return Ok(Value::Unknown);
        }
        if matches!(x, Value::Complex(..)) || matches!(y, Value::Complex(..)) {
            return Value::complex_binary(op, x, y);
        }
        match op {
            Eq | Ne | Lt | Le | Gt | Ge => {
                if comparable(op, x, y) {
                    Ok(Value::Bool(Value::compare(op, x, y)))
                } else {
                    Err(ConstError::Invalid)
                }
            }
            Shl | Shr => {
                let s = y.to_u64().ok_or(match y.to_int() {
                    Some(n) if n.is_positive() => ConstError::TooLarge,
                    _ => ConstError::Invalid,
                })?;
                Value::shift(op, x, s)
            }
            LAnd | LOr => match (x, y) {
                (Value::Bool(a), Value::Bool(b)) => {
                    Ok(Value::Bool(if op == LAnd { *a && *b } else { *a || *b }))
                }
                _ => Err(ConstError::Invalid),
            },
            Add => match (x, y) {
                (Value::String(a), Value::String(b)) => {
                    if a.len().saturating_add(b.len()) > MAX_STRING_BYTES {
                        return Err(ConstError::TooLarge);
                    }
                    let mut s = Vec::with_capacity(a.len() + b.len());
                    s.extend_from_slice(a);
                    s.extend_from_slice(b);
                    Ok(Value::String(s))
                }
                (Value::Int(a), Value::Int(b)) => int_result(a + b),
                _ => float_op(Add, x, y),
            },
            Sub => match (x, y) {
                (Value::Int(a), Value::Int(b)) => int_result(a - b),
                _ => float_op(Sub, x, y),
            },
            Mul => match (x, y) {
                (Value::Int(a), Value::Int(b)) => {
                    // The product has at most bits(a)+bits(b) bits; refuse
                    // before multiplying two 512-bit values into garbage.
                    if !a.is_zero() && !b.is_zero() && a.bits() + b.bits() > UNTYPED_INT_BITS + 1 {
                        return Err(ConstError::TooLarge);
                    }
                    int_result(a * b)
                }
                _ => float_op(Mul, x, y),
            },
            Div => {
                if integer {
                    let (a, b) = match (x.to_int_exact(), y.to_int_exact()) {
                        (Some(a), Some(b)) => (a, b),
                        _ => return Err(ConstError::Invalid),
                    };
                    if b.is_zero() {
                        return Err(ConstError::DivisionByZero);
                    }
                    // num-bigint's `/` truncates toward zero, as Go's does.
                    int_result(a / b)
                } else {
                    if y.to_float().is_some_and(|b| b.is_zero()) {
                        return Err(ConstError::DivisionByZero);
                    }
                    float_op(Div, x, y)
                }
            }
            Rem => match (x, y) {
                (Value::Int(a), Value::Int(b)) => {
                    if b.is_zero() {
                        return Err(ConstError::DivisionByZero);
                    }
                    // Sign of the dividend, as Go's `%`.
                    int_result(a % b)
                }
                _ => Err(ConstError::Invalid),
            },
            And | Or | Xor | AndNot => match (x, y) {
                // num-bigint's bit operators use two's complement semantics
                // for negative values, as Go's constant arithmetic does.
                (Value::Int(a), Value::Int(b)) => int_result(match op {
                    And => a & b,
                    Or => a | b,
                    Xor => a ^ b,
                    _ => a & !b,
                }),
                _ => Err(ConstError::Invalid),
            },
        }
    }

    /// `x << s` or `x >> s` with `x` an integer value.
    ///
    /// A `Float` with an integral value is accepted (Go: `1.0 << 3` is the
    /// integer 8); a non-integral one is `Invalid`. `<<` whose result would
    /// exceed [`MAX_SHIFT_RESULT_BITS`] is `TooLarge`, decided before any
    /// allocation. Results between 512 and 2048 bits are returned: the
    /// caller checks an untyped result against [`UNTYPED_INT_BITS`] (Go:
    /// `constant shift overflow`) and a typed one against its type (Go shows
    /// the overflowing value). `>>` rounds toward negative infinity.
    pub(crate) fn shift(op: BinaryOp, x: &Value, s: u64) -> Result<Value, ConstError> {
        if matches!(x, Value::Unknown) {
            return Ok(Value::Unknown);
        }
        let n = x.to_int_exact().ok_or(ConstError::Invalid)?;
        match op {
            BinaryOp::Shl => {
                if n.is_zero() {
                    return Ok(Value::int(0));
                }
                if s > MAX_SHIFT_RESULT_BITS || n.bits() + s > MAX_SHIFT_RESULT_BITS {
                    return Err(ConstError::TooLarge);
                }
                Ok(Value::Int(n << s))
            }
            BinaryOp::Shr => {
                if s > n.bits() {
                    // Every significant bit is shifted out.
                    return Ok(Value::int(if n.is_negative() { -1 } else { 0 }));
                }
                // num-bigint's `>>` on negative values rounds toward -inf
                // (an arithmetic shift), as Go's does.
                Ok(Value::Int(n >> s))
            }
            _ => Err(ConstError::Invalid),
        }
    }

    /// `op x`. For `^x` on a typed unsigned kind the result is masked to the
    /// kind's width (Go: `^uint8(1) == 254`); `kind` is the operand's kind.
    /// For signed and untyped kinds `^x` is `-x-1`.
    pub(crate) fn unary(op: UnaryOp, x: &Value, kind: BasicKind) -> Result<Value, ConstError> {
        if matches!(x, Value::Unknown) {
            return Ok(Value::Unknown);
        }
        match (op, x) {
            (UnaryOp::Pos, Value::Int(_) | Value::Float(_)) => Ok(x.clone()),
            (UnaryOp::Neg, Value::Int(a)) => int_result(-a),
            (UnaryOp::Neg, Value::Float(a)) => Ok(Value::Float(a.neg())),
            (UnaryOp::Pos, Value::Complex(..)) => Ok(x.clone()),
            (UnaryOp::Neg, Value::Complex(re, im)) => Ok(Value::Complex(re.neg(), im.neg())),
            (UnaryOp::Not, Value::Bool(b)) => Ok(Value::Bool(!b)),
            (UnaryOp::BitNot, Value::Int(a)) => {
                if kind.is_unsigned() {
                    let bits = kind.size_bytes().unwrap_or(8) * 8;
                    let mask = (BigInt::one() << bits) - 1;
                    Ok(Value::Int(!a & mask))
                } else {
                    int_result(!a)
                }
            }
            _ => Err(ConstError::Invalid),
        }
    }

    /// `x op y` for the six comparison operators.
    ///
    /// Numbers compare by exact value (an `Int` and a `Float` too), strings
    /// bytewise, booleans only for `==` and `!=`. Anything else (including
    /// `Unknown` operands) is `false`.
    pub(crate) fn compare(op: BinaryOp, x: &Value, y: &Value) -> bool {
        if matches!(x, Value::Complex(..)) || matches!(y, Value::Complex(..)) {
            let eq = x.to_complex().is_some() && x.to_complex() == y.to_complex();
            return match op {
                BinaryOp::Eq => eq,
                BinaryOp::Ne => !eq,
                _ => false,
            };
        }
        let ord = match (x, y) {
            (Value::Bool(a), Value::Bool(b)) => {
                return match op {
                    BinaryOp::Eq => a == b,
                    BinaryOp::Ne => a != b,
                    _ => false,
                }
            }
            (Value::String(a), Value::String(b)) => a.cmp(b),
            (Value::Int(a), Value::Int(b)) => a.cmp(b),
            _ => match (x.to_float(), y.to_float()) {
                (Some(a), Some(b)) => a.cmp(&b),
                _ => return false,
            },
        };
        match op {
            BinaryOp::Eq => ord == Ordering::Equal,
            BinaryOp::Ne => ord != Ordering::Equal,
            BinaryOp::Lt => ord == Ordering::Less,
            BinaryOp::Le => ord != Ordering::Greater,
            BinaryOp::Gt => ord == Ordering::Greater,
            BinaryOp::Ge => ord != Ordering::Less,
            _ => false,
        }
    }
}

// ---------------------------------------------------------------------------
// Results and bounds.

pub(super) fn int_result(n: BigInt) -> Result<Value, ConstError> {
    if n.bits() > UNTYPED_INT_BITS {
        Err(ConstError::TooLarge)
    } else {
        Ok(Value::Int(n))
    }
}

/// `x op y` for `+ - * /` with a float operand (an integer one meets it
/// as a float); the float rules of `float` keep the result bounded.
fn float_op(op: BinaryOp, x: &Value, y: &Value) -> Result<Value, ConstError> {
    match (x.to_float(), y.to_float()) {
        (Some(a), Some(b)) => Float::arith(op, &a, &b).map(Value::Float),
        _ => Err(ConstError::Invalid),
    }
}

fn comparable(op: BinaryOp, x: &Value, y: &Value) -> bool {
    match (x, y) {
        (Value::Complex(..), _) | (_, Value::Complex(..)) => {
            matches!(op, BinaryOp::Eq | BinaryOp::Ne)
                && x.to_complex().is_some()
                && y.to_complex().is_some()
        }
        (Value::Bool(_), Value::Bool(_)) => matches!(op, BinaryOp::Eq | BinaryOp::Ne),
        (Value::String(_), Value::String(_)) => true,
        _ => x.to_float().is_some() && y.to_float().is_some(),
    }
}
