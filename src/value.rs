//! Values crossing between the host and Go code, and the conversions
//! between them and Rust types.
//!
//! [`Value`] holds what a host function's parameters and results can be:
//! booleans, integers, floats, strings and byte slices. A Go string is
//! bytes; it arrives as a Rust `String` with invalid UTF-8 replaced
//! (U+FFFD), as a host usually wants text; a function that needs the
//! exact bytes declares `[]byte`. Integers of every width arrive as `Int`
//! (signed) or `Uint` (unsigned), and a result is truncated to its
//! declared width as Go's conversion would.

/// A Go value on the host's side.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    /// `int`, `int8` ... `int64`, `rune`.
    Int(i64),
    /// `uint`, `uint8` ... `uint64`, `byte`, `uintptr`.
    Uint(u64),
    /// `float64` or `float32`.
    Float(f64),
    /// `string`.
    Str(String),
    /// `[]byte`.
    Bytes(Vec<u8>),
}

impl Value {
    /// The Go kind of the value, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Uint(_) => "uint",
            Value::Float(_) => "float64",
            Value::Str(_) => "string",
            Value::Bytes(_) => "[]byte",
        }
    }
}

/// A Rust value that becomes a Go [`Value`].
pub trait ToValue {
    fn to_value(&self) -> Value;
}

/// A Rust value read from a Go [`Value`]; the error says what was found.
pub trait FromValue: Sized {
    fn from_value(v: &Value) -> Result<Self, String>;
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}

impl FromValue for Value {
    fn from_value(v: &Value) -> Result<Value, String> {
        Ok(v.clone())
    }
}

fn mismatch<T>(want: &str, v: &Value) -> Result<T, String> {
    Err(format!("cannot use {} value as {want}", v.kind()))
}

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                Value::Int(*self as i64)
            }
        }

        impl FromValue for $t {
            fn from_value(v: &Value) -> Result<$t, String> {
                match *v {
                    Value::Int(n) => <$t>::try_from(n).map_err(|_| {
                        format!("{n} overflows {}", stringify!($t))
                    }),
                    Value::Uint(n) => <$t>::try_from(n).map_err(|_| {
                        format!("{n} overflows {}", stringify!($t))
                    }),
                    _ => mismatch(stringify!($t), v),
                }
            }
        }
    )*};
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                Value::Uint(*self as u64)
            }
        }

        impl FromValue for $t {
            fn from_value(v: &Value) -> Result<$t, String> {
                match *v {
                    Value::Int(n) => <$t>::try_from(n).map_err(|_| {
                        format!("{n} overflows {}", stringify!($t))
                    }),
                    Value::Uint(n) => <$t>::try_from(n).map_err(|_| {
                        format!("{n} overflows {}", stringify!($t))
                    }),
                    _ => mismatch(stringify!($t), v),
                }
            }
        }
    )*};
}

signed!(i8, i16, i32, i64, isize);
unsigned!(u16, u32, u64, usize);

impl ToValue for u8 {
    fn to_value(&self) -> Value {
        Value::Uint(*self as u64)
    }
}

impl FromValue for u8 {
    fn from_value(v: &Value) -> Result<u8, String> {
        match *v {
            Value::Int(n) => u8::try_from(n).map_err(|_| format!("{n} overflows u8")),
            Value::Uint(n) => u8::try_from(n).map_err(|_| format!("{n} overflows u8")),
            _ => mismatch("u8", v),
        }
    }
}

impl ToValue for f64 {
    fn to_value(&self) -> Value {
        Value::Float(*self)
    }
}

impl FromValue for f64 {
    fn from_value(v: &Value) -> Result<f64, String> {
        match *v {
            Value::Float(f) => Ok(f),
            _ => mismatch("f64", v),
        }
    }
}

impl ToValue for f32 {
    fn to_value(&self) -> Value {
        Value::Float(*self as f64)
    }
}

impl FromValue for f32 {
    fn from_value(v: &Value) -> Result<f32, String> {
        match *v {
            Value::Float(f) => Ok(f as f32),
            _ => mismatch("f32", v),
        }
    }
}

impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Bool(*self)
    }
}

impl FromValue for bool {
    fn from_value(v: &Value) -> Result<bool, String> {
        match *v {
            Value::Bool(b) => Ok(b),
            _ => mismatch("bool", v),
        }
    }
}

impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Str(self.to_string())
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Str(self.clone())
    }
}

impl FromValue for String {
    fn from_value(v: &Value) -> Result<String, String> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            Value::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
            _ => mismatch("String", v),
        }
    }
}

impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Bytes(self.to_vec())
    }
}

impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Bytes(self.clone())
    }
}

impl FromValue for Vec<u8> {
    fn from_value(v: &Value) -> Result<Vec<u8>, String> {
        match v {
            Value::Bytes(b) => Ok(b.clone()),
            Value::Str(s) => Ok(s.as_bytes().to_vec()),
            _ => mismatch("Vec<u8>", v),
        }
    }
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}
