//! Package syscall's natives other than signals (those are in
//! [`super::signal`]): queries of the system that a portable program
//! makes, and memory mappings. The mappings themselves, their
//! protections and the check of the VM's accesses to them are
//! `gol_vm::usermap`'s; these natives only move the arguments and the
//! error number (syscall.go wraps it in an `Errno`).

use gol_vm::{Native, NativeCtx, NativeResult};

/// The natives of package syscall kept here.
pub const NATIVES: &[(&str, Native)] = &[
    (
        "Getpagesize",
        // The same query as os.Getpagesize (Go's os calls syscall's).
        Native::new(super::ospkg::getpagesize, "func() int"),
    ),
    (
        "mmap",
        Native::new(
            mmap,
            "func(fd int, offset int64, length int, prot int, flags int) ([]byte, int)",
        ),
    ),
    ("munmap", Native::new(munmap, "func(b []byte) int")),
    (
        "mprotect",
        Native::new(mprotect, "func(b []byte, prot int) int"),
    ),
];

/// `mmap(fd, offset, length, prot, flags)`: the slice of the new mapping
/// (its length and capacity `length`), or the error number.
fn mmap(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (fd, off, len, prot, flags) = (ctx.int(0), ctx.int(1), ctx.int(2), ctx.int(3), ctx.int(4));
    // Results overlay the arguments: both are written.
    let (s, e) = match gol_vm::usermap::map(fd, off, len, prot, flags) {
        Ok(p) => ((p, len as u64, len as u64), 0),
        Err(e) => ((0, 0, 0), e),
    };
    ctx.ret_slice(0, s);
    ctx.ret_int(1, e);
    NativeResult::Ok
}

/// `munmap(b)`: 0 or the error number.
fn munmap(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (p, l, c) = ctx.slice(0);
    let e = gol_vm::usermap::unmap(p, l, c).err().unwrap_or(0);
    ctx.ret_int(0, e);
    NativeResult::Ok
}

/// `mprotect(b, prot)`: 0 or the error number.
fn mprotect(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (p, l, _) = ctx.slice(0);
    let prot = ctx.int(1);
    let e = gol_vm::usermap::protect(p, l, prot).err().unwrap_or(0);
    ctx.ret_int(0, e);
    NativeResult::Ok
}
