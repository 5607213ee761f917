//! Values crossing between the host and Go code, and the conversions
//! between them and Rust types.
//!
//! [`Value`] holds booleans, integers, floats, strings, byte slices, and
//! (for [`crate::Vm::call`]) slices, maps and structs of those. A Go string is
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
    /// A slice of another element type.
    Slice(Vec<Value>),
    /// A map, as its (key, value) pairs in Go's iteration order.
    Map(Vec<(Value, Value)>),
    /// A struct of package main, as its fields (name, value) in
    /// declaration order (any order when given to Go).
    Struct(Vec<(String, Value)>),
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
            Value::Slice(_) => "slice",
            Value::Map(_) => "map",
            Value::Struct(_) => "struct",
        }
    }

    /// Field `name` of a struct value.
    pub fn field(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Struct(fs) => fs.iter().find(|(n, _)| n == name).map(|(_, v)| v),
            _ => None,
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

impl<T: ToValue> ToValue for [T] {
    fn to_value(&self) -> Value {
        Value::Slice(self.iter().map(ToValue::to_value).collect())
    }
}

impl<T: ToValue> ToValue for Vec<T> {
    fn to_value(&self) -> Value {
        self.as_slice().to_value()
    }
}

/// A slice, or a `[]byte` read byte by byte (so `Vec<u8>` reads both).
impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(v: &Value) -> Result<Vec<T>, String> {
        match v {
            Value::Slice(xs) => xs.iter().map(T::from_value).collect(),
            Value::Bytes(b) => b
                .iter()
                .map(|&x| T::from_value(&Value::Uint(x as u64)))
                .collect(),
            _ => mismatch("Vec", v),
        }
    }
}

impl<K: ToValue, V: ToValue, S> ToValue for std::collections::HashMap<K, V, S> {
    fn to_value(&self) -> Value {
        Value::Map(
            self.iter()
                .map(|(k, v)| (k.to_value(), v.to_value()))
                .collect(),
        )
    }
}

impl<K: FromValue + Eq + std::hash::Hash, V: FromValue> FromValue
    for std::collections::HashMap<K, V>
{
    fn from_value(v: &Value) -> Result<Self, String> {
        match v {
            Value::Map(kv) => kv
                .iter()
                .map(|(k, v)| Ok((K::from_value(k)?, V::from_value(v)?)))
                .collect(),
            _ => mismatch("HashMap", v),
        }
    }
}

impl<K: ToValue, V: ToValue> ToValue for std::collections::BTreeMap<K, V> {
    fn to_value(&self) -> Value {
        Value::Map(
            self.iter()
                .map(|(k, v)| (k.to_value(), v.to_value()))
                .collect(),
        )
    }
}

impl<K: FromValue + Ord, V: FromValue> FromValue for std::collections::BTreeMap<K, V> {
    fn from_value(v: &Value) -> Result<Self, String> {
        match v {
            Value::Map(kv) => kv
                .iter()
                .map(|(k, v)| Ok((K::from_value(k)?, V::from_value(v)?)))
                .collect(),
            _ => mismatch("BTreeMap", v),
        }
    }
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}
