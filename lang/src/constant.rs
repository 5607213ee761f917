//! Exact values of Go constants.
//!
//! API contract (the implementation fills in the bodies):
//! untyped constants are computed exactly: integers as `BigInt`, floats as
//! exact rationals, so `1 << 100 >> 98` is 4 and `0.1 + 0.2 == 0.3` holds
//! for constants as the Go spec requires. A value is checked and rounded
//! only when converted to a typed kind ([`Value::represent`]).

use crate::ast::{BinaryOp, UnaryOp};
use crate::basic::BasicKind;
use num_bigint::BigInt;
use num_rational::BigRational;
use std::fmt;

/// The value of a constant expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    /// Bytes: Go strings need not be UTF-8.
    String(Vec<u8>),
    Int(BigInt),
    Float(BigRational),
    /// A constant whose value is unknown because of an earlier error.
    Unknown,
}

/// Why an operation on constants failed; the checker words the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConstError {
    /// `x / 0`, `x % 0`: Go says `invalid operation: division by zero`.
    DivisionByZero,
    /// The value does not fit the kind: Go says `... (overflows)`.
    Overflow,
    /// A float value converted to an integer kind is not integral:
    /// Go says `... (truncated)`.
    Truncated,
    /// A value too large for exact arithmetic (e.g. shift counts above
    /// 10000 bits, exponents past 1e10000): Go says `constant ... overflow`.
    TooLarge,
    /// Operation not defined on these operands (e.g. `%` on floats).
    Invalid,
}

impl Value {
    pub fn int(i: i64) -> Value {
        Value::Int(BigInt::from(i))
    }

    /// Parses an integer literal's source text (`0x_1F`, `0o17`, `017`,
    /// `0b1`, `1_000`) whose form the lexer has validated.
    pub fn from_int_literal(text: &str) -> Result<Value, ConstError> {
        let _ = text;
        unimplemented!("constant::from_int_literal")
    }

    /// Parses a float literal's text (`1e9`, `.5`, `0x1p-2`, `1_0.5`) exactly.
    pub fn from_float_literal(text: &str) -> Result<Value, ConstError> {
        let _ = text;
        unimplemented!("constant::from_float_literal")
    }

    /// `x op y` for arithmetic, bitwise and logical operators (not
    /// comparisons, not shifts). `integer` selects truncated integer
    /// division for `/` when both operands are integer constants.
    pub fn binary(op: BinaryOp, x: &Value, y: &Value, integer: bool) -> Result<Value, ConstError> {
        let _ = (op, x, y, integer);
        unimplemented!("constant::binary")
    }

    /// `x << s` or `x >> s` with `x` an integer value.
    pub fn shift(op: BinaryOp, x: &Value, s: u64) -> Result<Value, ConstError> {
        let _ = (op, x, s);
        unimplemented!("constant::shift")
    }

    /// `op x`. For `^x` on a typed unsigned kind the result is masked to the
    /// kind's width (Go: `^uint8(1) == 254`); `kind` is the operand's kind.
    pub fn unary(op: UnaryOp, x: &Value, kind: BasicKind) -> Result<Value, ConstError> {
        let _ = (op, x, kind);
        unimplemented!("constant::unary")
    }

    /// `x op y` for the six comparison operators.
    pub fn compare(op: BinaryOp, x: &Value, y: &Value) -> bool {
        let _ = (op, x, y);
        unimplemented!("constant::compare")
    }

    /// The value converted to a typed or untyped basic kind, checked as Go
    /// checks it: integers must fit the width (`Overflow`), floats assigned
    /// to integer kinds must be integral (`Truncated`), floats are rounded to
    /// float32/float64 precision (and overflow past their range). Converting
    /// an integer to `string` is not this function's job (the checker does
    /// it), nor is a conversion between numeric kinds that Go defines as
    /// non-constant.
    pub fn represent(&self, kind: BasicKind) -> Result<Value, ConstError> {
        let _ = kind;
        unimplemented!("constant::represent")
    }

    /// Whether the value is an integer, or a float with an integral value.
    pub fn is_integral(&self) -> bool {
        unimplemented!("constant::is_integral")
    }

    /// The value as an `Int` if integral (floats with integral values too).
    pub fn to_int(&self) -> Option<BigInt> {
        unimplemented!("constant::to_int")
    }

    pub fn to_i64(&self) -> Option<i64> {
        unimplemented!("constant::to_i64")
    }

    pub fn to_u64(&self) -> Option<u64> {
        unimplemented!("constant::to_u64")
    }

    /// Nearest float64 (for code generation of float constants).
    pub fn to_f64(&self) -> Option<f64> {
        unimplemented!("constant::to_f64")
    }
}

/// Formats the value as Go's messages show constants: integers exactly,
/// floats as `go/constant` String() does (e.g. `1e+100`, `0.1`, `3.14159`),
/// strings quoted and shortened as Go does, booleans `true`/`false`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = f;
        unimplemented!("constant Display")
    }
}
