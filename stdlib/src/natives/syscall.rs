//! Package syscall's natives other than signals (those are in
//! [`super::signal`]): queries of the system that a portable program
//! makes.

use gol_vm::Native;

/// The natives of package syscall kept here.
pub const NATIVES: &[(&str, Native)] = &[(
    "Getpagesize",
    // The same query as os.Getpagesize (Go's os calls syscall's).
    Native::new(super::ospkg::getpagesize, "func() int"),
)];
