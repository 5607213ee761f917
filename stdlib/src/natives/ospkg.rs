//! Package os: the process, its environment, files (whole-file I/O, File's
//! descriptor operations, directories, metadata) and the standard
//! streams. The error values (`*PathError` over a syscall error
//! that matches `ErrNotExist` and friends under `errors.Is`) are made by
//! the Go source (`stdlib/go/os/os.go`); natives report the failing
//! operation, the system's message (Go's spelling, e.g. `no such file or
//! directory`) and its kind.
//!
//! Every call that may block on the file system (open, read, write,
//! seek, truncate, fsync, chmod, rename, stat ...) runs in
//! `NativeCtx::syscall`, which hands the P to another M while it blocks;
//! the native then ends with [`after_syscall`]. Paths go to the system as
//! C strings: one with a NUL byte fails with `invalid argument`, as Go's
//! `syscall.BytePtrFromString` makes it.

use super::ret_strings;
use gol_vm::{Native, NativeCtx, NativeResult};
use std::io::Write;

/// The natives of this module: name in the package, code, and the Go
/// signature the code implements (checked at load, see gol_vm's native
/// module).
pub const NATIVES: &[(&str, Native)] = &[
    ("Exit", Native::new(exit, "func(code int)")),
    ("runtimeArgs", Native::new(runtime_args, "func() []string")),
    (
        "readFile",
        Native::new(
            read_file,
            "func(name string) (data []byte, op string, msg string, kind int)",
        ),
    ),
    (
        "writeFile",
        Native::new(
            write_file,
            "func(name string, data []byte, perm uint32) (op string, msg string, kind int)",
        ),
    ),
    (
        "writeFd",
        Native::new(write_fd, "func(fd int, b []byte) (n int, msg string)"),
    ),
    (
        "openFile",
        Native::new(
            open_file,
            "func(name string, flag int, perm uint32) (fd int, msg string, kind int)",
        ),
    ),
    (
        "readFd",
        Native::new(
            read_fd,
            "func(fd int, b []byte) (n int, msg string, kind int)",
        ),
    ),
    (
        "closeFd",
        Native::new(close_fd, "func(fd int) (msg string, kind int)"),
    ),
    (
        "removePath",
        Native::new(remove_path, "func(name string) (msg string, kind int)"),
    ),
    (
        "mkdirPath",
        Native::new(
            mkdir_path,
            "func(name string, perm uint32) (msg string, kind int)",
        ),
    ),
    ("isDir", Native::new(is_dir, "func(name string) bool")),
    (
        "seekFd",
        Native::new(
            seek_fd,
            "func(fd int, offset int64, whence int) (ret int64, msg string, kind int)",
        ),
    ),
    (
        "preadFd",
        Native::new(
            pread_fd,
            "func(fd int, b []byte, off int64) (n int, msg string, kind int)",
        ),
    ),
    (
        "pwriteFd",
        Native::new(
            pwrite_fd,
            "func(fd int, b []byte, off int64) (n int, msg string, kind int)",
        ),
    ),
    (
        "ftruncateFd",
        Native::new(
            ftruncate_fd,
            "func(fd int, size int64) (msg string, kind int)",
        ),
    ),
    ("fsyncFd", Native::new(fsync_fd, "func(fd int) (msg string, kind int)")),
    (
        "fchmodFd",
        Native::new(fchmod_fd, "func(fd int, mode uint32) (msg string, kind int)"),
    ),
    ("fchdirFd", Native::new(fchdir_fd, "func(fd int) (msg string, kind int)")),
    (
        "truncatePath",
        Native::new(
            truncate_path,
            "func(name string, size int64) (msg string, kind int)",
        ),
    ),
    (
        "chmodPath",
        Native::new(
            chmod_path,
            "func(name string, mode uint32) (msg string, kind int)",
        ),
    ),
    (
        "chdirPath",
        Native::new(chdir_path, "func(name string) (msg string, kind int)"),
    ),
    (
        "renamePath",
        Native::new(
            rename_path,
            "func(oldpath, newpath string) (msg string, kind int)",
        ),
    ),
    (
        "linkPath",
        Native::new(
            link_path,
            "func(oldname, newname string) (msg string, kind int)",
        ),
    ),
    (
        "symlinkPath",
        Native::new(
            symlink_path,
            "func(oldname, newname string) (msg string, kind int)",
        ),
    ),
    (
        "readlinkPath",
        Native::new(
            readlink_path,
            "func(name string) (target string, msg string, kind int)",
        ),
    ),
    (
        "chownPath",
        Native::new(
            chown_path,
            "func(name string, uid int, gid int, follow bool) (msg string, kind int)",
        ),
    ),
    (
        "fchownFd",
        Native::new(
            fchown_fd,
            "func(fd int, uid int, gid int) (msg string, kind int)",
        ),
    ),
    (
        "chtimesPath",
        Native::new(
            chtimes_path,
            "func(name string, asec int64, ansec int64, msec int64, mnsec int64) (msg string, kind int)",
        ),
    ),
    (
        "getgroups",
        Native::new(
            getgroups,
            "func(gids []int) (n int, msg string, kind int)",
        ),
    ),
    (
        "getwd",
        Native::new(
            getwd,
            "func() (dir string, op string, msg string, kind int)",
        ),
    ),
    (
        "statPath",
        Native::new(
            stat_path,
            "func(name string, follow bool) (size int64, mode uint32, sec int64, nsec int64, dev uint64, ino uint64, msg string, kind int)",
        ),
    ),
    (
        "fstatFd",
        Native::new(
            fstat_fd,
            "func(fd int) (size int64, mode uint32, sec int64, nsec int64, dev uint64, ino uint64, msg string, kind int)",
        ),
    ),
    (
        "readDirNames",
        Native::new(
            read_dir_names,
            "func(name string) (names []string, msg string, kind int)",
        ),
    ),
    (
        "setenv",
        Native::new(setenv, "func(key, value string) bool"),
    ),
    ("unsetenv", Native::new(unsetenv, "func(key string)")),
    ("Getenv", Native::new(getenv, "func(key string) string")),
    (
        "LookupEnv",
        Native::new(lookup_env, "func(key string) (string, bool)"),
    ),
    ("Environ", Native::new(environ, "func() []string")),
    ("Getpid", Native::new(getpid, "func() int")),
    ("Getppid", Native::new(getppid, "func() int")),
    ("Getuid", Native::new(getuid, "func() int")),
    ("Geteuid", Native::new(geteuid, "func() int")),
    ("Getgid", Native::new(getgid, "func() int")),
    ("Getegid", Native::new(getegid, "func() int")),
    ("Getpagesize", Native::new(getpagesize, "func() int")),
    ("Clearenv", Native::new(clearenv, "func()")),
    (
        "hostname",
        Native::new(
            hostname,
            "func() (name string, msg string, kind int)",
        ),
    ),
    (
        "executable",
        Native::new(
            executable,
            "func() (path string, msg string, kind int)",
        ),
    ),
    (
        "readDirFd",
        Native::new(
            read_dir_fd,
            "func(fd int) (names []string, msg string, kind int)",
        ),
    ),
    ("TempDir", Native::new(temp_dir, "func() string")),
];

/// `os.Exit(code int)`: ends the process at once (deferred calls do not run).
/// Nothing is left to flush: standard output is unbuffered.
pub fn exit(ctx: &mut NativeCtx<'_>) -> NativeResult {
    NativeResult::Exit(ctx.int(0) as i32)
}

/// `os.runtimeArgs() []string`
pub fn runtime_args(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let args: Vec<Vec<u8>> = ctx.args().iter().map(|a| a.as_bytes().to_vec()).collect();
    ret_strings(ctx, 0, &args)
}

/// Go's message and kind (1 not found, 2 exists, 3 permission) of an I/O
/// error.
pub(crate) fn io_error(e: &std::io::Error) -> (String, u64) {
    use std::io::ErrorKind as K;
    // std::fs refuses a path with a NUL byte itself, with words of its
    // own; the system (and Go) says EINVAL.
    if e.raw_os_error().is_none() && e.kind() == K::InvalidInput {
        return ("invalid argument".to_string(), 0);
    }
    let kind = match e.kind() {
        K::NotFound => 1,
        K::AlreadyExists => 2,
        K::PermissionDenied => 3,
        _ => 0,
    };
    // Rust's text is `strerror`'s plus ` (os error N)`; Go prints the
    // strerror text with a lower-case first letter, as Linux spells it.
    let mut msg = e.to_string();
    if let Some(i) = msg.find(" (os error") {
        msg.truncate(i);
    }
    let mut chars = msg.chars();
    let msg = match chars.next() {
        Some(c) => c.to_lowercase().collect::<String>() + chars.as_str(),
        None => msg,
    };
    (msg, kind)
}

fn path_arg(ctx: &NativeCtx<'_>, i: usize) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStrExt;
    std::path::PathBuf::from(std::ffi::OsStr::from_bytes(&ctx.str(i)))
}

/// `os.readFile(name string) (data []byte, op string, msg string, kind int)`
pub fn read_file(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let path = path_arg(ctx, 0);
    let (r, keep) = ctx.syscall(|| {
        let r = std::fs::read(&path);
        (r.is_err() && path.is_dir(), r)
    });
    let (data, op, msg, kind) = match r {
        (_, Ok(d)) => (d, "", String::new(), 0),
        (is_dir, Err(e)) => {
            // Go fails at `read` for a directory, at `open` otherwise.
            let (op, m, k) = failure(if is_dir { "read" } else { "open" }, &e);
            (Vec::new(), op, m, k)
        }
    };
    let (p, l, c) = if msg.is_empty() {
        ctx.new_bytes(&data)
    } else {
        (0, 0, 0)
    };
    ctx.ret_slice(0, (p, l, c));
    ret_outcome(ctx, 1, (op, msg, kind), keep)
}

/// The failing operation, Go's message and the kind of `e` (see
/// [`io_error`]).
fn failure(op: &'static str, e: &std::io::Error) -> (&'static str, String, u64) {
    let (m, k) = io_error(e);
    (op, m, k)
}

/// Writes an I/O call's outcome (`op`, `msg`, `kind` results from result
/// `first` on; all empty for success) and ends the native
/// ([`after_syscall`]).
fn ret_outcome(
    ctx: &mut NativeCtx<'_>,
    first: usize,
    (op, msg, kind): (&str, String, u64),
    keep: bool,
) -> NativeResult {
    ctx.ret_str(first, op.as_bytes());
    ret_msg_kind(ctx, first + 1, &msg, kind, keep)
}

/// Writes `msg` and `kind` as results `first` and `first+1` and ends the
/// native as [`ret_outcome`] does.
fn ret_msg_kind(
    ctx: &mut NativeCtx<'_>,
    first: usize,
    msg: &str,
    kind: u64,
    keep: bool,
) -> NativeResult {
    ctx.ret_str(first, msg.as_bytes());
    ctx.ret_int(first + 1, kind as i64);
    after_syscall(keep)
}

/// How a native ends after `NativeCtx::syscall`: with `keep` false the
/// goroutine came back without a P and yields.
fn after_syscall(keep: bool) -> NativeResult {
    if keep {
        NativeResult::Ok
    } else {
        NativeResult::Yield
    }
}

/// `os.writeFile(name string, data []byte, perm uint32) (op, msg string, kind int)`
pub fn write_file(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::fs::OpenOptionsExt;
    let path = path_arg(ctx, 0);
    let data = ctx.bytes(1);
    let perm = ctx.uint(2) as u32 & 0o7777;
    let (outcome, keep) = ctx.syscall(|| {
        let r = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(perm)
            .open(&path);
        match r {
            Err(e) => failure("open", &e),
            Ok(mut f) => match f.write_all(&data) {
                Ok(()) => ("", String::new(), 0),
                Err(e) => failure("write", &e),
            },
        }
    });
    ret_outcome(ctx, 0, outcome, keep)
}

/// `os.writeFd(fd int, b []byte) (n int, msg string)`: a write to the
/// program's standard output or error, unbuffered as Go's (a broken pipe
/// kills the process with SIGPIPE, as Go's `epipecheck` does).
pub fn write_fd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use gol_vm::stdio::Stream;
    let fd = ctx.int(0);
    let b = ctx.bytes(1);
    // False when a write to another descriptor came back without a P.
    let mut keep = true;
    let (n, msg) = match fd {
        1 | 2 => {
            let s = if fd == 1 {
                Stream::Stdout
            } else {
                Stream::Stderr
            };
            match ctx.write_stream(s, &b) {
                (n, None) => (n, String::new()),
                (n, Some(e)) => (n, io_error(&e).0),
            }
        }
        fd if fd >= 0 => {
            let fd = fd as i32;
            let (r, kept) = ctx.syscall(|| {
                let mut done = 0;
                while done < b.len() {
                    // SAFETY: writes from a live buffer of its length.
                    let n = unsafe {
                        libc::write(
                            fd,
                            b[done..].as_ptr() as *const libc::c_void,
                            b.len() - done,
                        )
                    };
                    if n < 0 {
                        let e = std::io::Error::last_os_error();
                        if e.kind() == std::io::ErrorKind::Interrupted {
                            continue;
                        }
                        return (done, Some(e));
                    }
                    done += n as usize;
                }
                (done, None)
            });
            keep = kept;
            match r {
                (n, None) => (n, String::new()),
                (n, Some(e)) => (n, io_error(&e).0),
            }
        }
        _ => (0, "bad file descriptor".to_string()),
    };
    ctx.ret_int(0, n as i64);
    ctx.ret_str(1, msg.as_bytes());
    after_syscall(keep)
}

/// An outcome of a call returning (msg, kind) from result `first`.
fn ret_msg(
    ctx: &mut NativeCtx<'_>,
    first: usize,
    e: Option<std::io::Error>,
    keep: bool,
) -> NativeResult {
    let (msg, kind) = match e {
        Some(e) => io_error(&e),
        None => (String::new(), 0),
    };
    ret_msg_kind(ctx, first, &msg, kind, keep)
}

/// `os.openFile(name string, flag int, perm uint32) (fd int, msg string, kind int)`:
/// open(2) with Go's flag values (Linux's) and close-on-exec.
fn open_file(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::ffi::OsStrExt;
    let path = path_arg(ctx, 0);
    let flag = ctx.int(1) as i32;
    let perm = ctx.uint(2) as u32 & 0o7777;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        ctx.ret_int(0, -1);
        return ret_msg(
            ctx,
            1,
            Some(std::io::Error::from_raw_os_error(libc::EINVAL)),
            true,
        );
    };
    let (r, keep) = ctx.syscall(|| {
        // SAFETY: a NUL-terminated path; open(2) creates a descriptor.
        let fd = unsafe { libc::open(c.as_ptr(), flag | libc::O_CLOEXEC, perm) };
        if fd < 0 {
            Err(std::io::Error::last_os_error())
        } else {
            Ok(fd)
        }
    });
    match r {
        Ok(fd) => {
            ctx.ret_int(0, fd as i64);
            ret_msg(ctx, 1, None, keep)
        }
        Err(e) => {
            ctx.ret_int(0, -1);
            ret_msg(ctx, 1, Some(e), keep)
        }
    }
}

/// `os.readFd(fd int, b []byte) (n int, msg string, kind int)`: one
/// read(2), in a system call that gives up the P while it blocks.
fn read_fd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let fd = ctx.int(0) as i32;
    let (ptr, len, _) = ctx.slice(1);
    if fd == 0 && len > 0 {
        // What fmt's scans of standard input read ahead comes first.
        let rest = super::scan::take_stdin_rest(len as usize);
        if !rest.is_empty() {
            ctx.write_bytes_at(ptr, &rest);
            ctx.ret_int(0, rest.len() as i64);
            return ret_msg(ctx, 1, None, true);
        }
    }
    let mut buf = vec![0u8; (len as usize).min(1 << 20)];
    let (r, keep) = ctx.syscall(|| loop {
        // SAFETY: reads into a live buffer of its length.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
        if n >= 0 {
            break Ok(n as usize);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            break Err(e);
        }
    });
    match r {
        Ok(n) => {
            ctx.write_bytes_at(ptr, &buf[..n]);
            ctx.ret_int(0, n as i64);
            ret_msg(ctx, 1, None, keep)
        }
        Err(e) => {
            ctx.ret_int(0, 0);
            ret_msg(ctx, 1, Some(e), keep)
        }
    }
}

/// `os.closeFd(fd int) (msg string, kind int)`
fn close_fd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let fd = ctx.int(0) as i32;
    if fd == 0 {
        super::scan::drop_stdin_rest();
    }
    // SAFETY: closing a descriptor the program's File owns (File marks
    // itself closed first, so it is closed once).
    let r = unsafe { libc::close(fd) };
    let e = (r < 0).then(std::io::Error::last_os_error);
    ret_msg(ctx, 0, e, true)
}

/// `os.removePath(name string) (msg string, kind int)`: a file, or else an
/// empty directory (Go's Remove tries both and reports the first error
/// unless it was "is a directory").
fn remove_path(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let path = path_arg(ctx, 0);
    let (r, keep) = ctx.syscall(|| match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e1) => match std::fs::remove_dir(&path) {
            Ok(()) => Ok(()),
            Err(e2) if e1.raw_os_error() == Some(libc::EISDIR) => Err(e2),
            Err(_) => Err(e1),
        },
    });
    ret_msg(ctx, 0, r.err(), keep)
}

/// `os.mkdirPath(name string, perm uint32) (msg string, kind int)`
fn mkdir_path(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::fs::DirBuilderExt;
    let path = path_arg(ctx, 0);
    let perm = ctx.uint(1) as u32 & 0o7777;
    let (r, keep) = ctx.syscall(|| std::fs::DirBuilder::new().mode(perm).create(&path));
    ret_msg(ctx, 0, r.err(), keep)
}

/// Go's FileMode bits of a Unix st_mode (io/fs's values).
fn go_mode(st: u32) -> u32 {
    let mut m = st & 0o777;
    m |= match st & libc::S_IFMT {
        libc::S_IFDIR => 1 << 31,
        libc::S_IFLNK => 1 << 27,
        libc::S_IFBLK => 1 << 26,
        libc::S_IFIFO => 1 << 25,
        libc::S_IFSOCK => 1 << 24,
        libc::S_IFCHR => (1 << 26) | (1 << 21),
        _ => 0,
    };
    if st & libc::S_ISUID != 0 {
        m |= 1 << 23;
    }
    if st & libc::S_ISGID != 0 {
        m |= 1 << 22;
    }
    if st & libc::S_ISVTX != 0 {
        m |= 1 << 20;
    }
    m
}

/// `os.statPath(name string, follow bool) (size int64, mode uint32, sec, nsec int64, dev, ino uint64, msg string, kind int)`
fn stat_path(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::fs::MetadataExt;
    let path = path_arg(ctx, 0);
    let follow = ctx.bool(1);
    let (r, keep) = ctx.syscall(|| {
        if follow {
            std::fs::metadata(&path)
        } else {
            std::fs::symlink_metadata(&path)
        }
    });
    let (size, mode, sec, nsec, dev, ino, e) = match r {
        Ok(md) => (
            md.size() as i64,
            go_mode(md.mode()),
            md.mtime(),
            md.mtime_nsec(),
            md.dev(),
            md.ino(),
            None,
        ),
        Err(e) => (0, 0, 0, 0, 0, 0, Some(e)),
    };
    ctx.ret_int(0, size);
    ctx.ret_uint(1, mode as u64);
    ctx.ret_int(2, sec);
    ctx.ret_int(3, nsec);
    ctx.ret_uint(4, dev);
    ctx.ret_uint(5, ino);
    ret_msg(ctx, 6, e, keep)
}

/// `os.readDirNames(name string) (names []string, msg string, kind int)`
fn read_dir_names(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::ffi::OsStrExt;
    let path = path_arg(ctx, 0);
    let (r, keep) = ctx.syscall(|| -> std::io::Result<Vec<Vec<u8>>> {
        let mut names = Vec::new();
        for e in std::fs::read_dir(&path)? {
            names.push(e?.file_name().as_bytes().to_vec());
        }
        names.sort();
        Ok(names)
    });
    match r {
        Ok(names) => {
            ret_strings(ctx, 0, &names);
            ret_msg(ctx, 1, None, keep)
        }
        Err(e) => {
            ret_strings(ctx, 0, &[]);
            ret_msg(ctx, 1, Some(e), keep)
        }
    }
}

/// `os.isDir(name string) bool`
fn is_dir(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let d = path_arg(ctx, 0).is_dir();
    ctx.ret_bool(0, d);
    NativeResult::Ok
}

/// `os.setenv(key, value string) bool`: false for a key the environment
/// cannot hold (empty, or with '=' or NUL), or a value with NUL.
fn setenv(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::ffi::OsStrExt;
    let (k, v) = (ctx.str(0), ctx.str(1));
    let ok = !(k.is_empty() || k.contains(&b'=') || k.contains(&0) || v.contains(&0));
    if ok {
        std::env::set_var(
            std::ffi::OsStr::from_bytes(&k),
            std::ffi::OsStr::from_bytes(&v),
        );
    }
    ctx.ret_bool(0, ok);
    NativeResult::Ok
}

/// `os.unsetenv(key string)`
fn unsetenv(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::ffi::OsStrExt;
    let k = ctx.str(0);
    if !k.is_empty() && !k.contains(&b'=') && !k.contains(&0) {
        std::env::remove_var(std::ffi::OsStr::from_bytes(&k));
    }
    NativeResult::Ok
}

fn env_key(ctx: &NativeCtx<'_>, i: usize) -> std::ffi::OsString {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::OsStr::from_bytes(&ctx.str(i)).to_os_string()
}

/// `os.Getenv(key string) string`
pub fn getenv(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::ffi::OsStrExt;
    let k = env_key(ctx, 0);
    let v = if k.is_empty() {
        None
    } else {
        std::env::var_os(&k)
    };
    let b = v.map(|v| v.as_bytes().to_vec()).unwrap_or_default();
    ctx.ret_str(0, &b);
    NativeResult::Ok
}

/// `os.LookupEnv(key string) (string, bool)`
pub fn lookup_env(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::ffi::OsStrExt;
    let k = env_key(ctx, 0);
    let v = if k.is_empty() {
        None
    } else {
        std::env::var_os(&k)
    };
    let found = v.is_some();
    let b = v.map(|v| v.as_bytes().to_vec()).unwrap_or_default();
    ctx.ret_str(0, &b);
    ctx.ret_bool(1, found);
    NativeResult::Ok
}

/// `os.Environ() []string`
pub fn environ(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::ffi::OsStrExt;
    let all: Vec<Vec<u8>> = std::env::vars_os()
        .map(|(k, v)| {
            let mut b = k.as_bytes().to_vec();
            b.push(b'=');
            b.extend_from_slice(v.as_bytes());
            b
        })
        .collect();
    ret_strings(ctx, 0, &all)
}

/// `os.Getpid() int`
pub fn getpid(ctx: &mut NativeCtx<'_>) -> NativeResult {
    ctx.ret_int(0, std::process::id() as i64);
    NativeResult::Ok
}

/// `os.TempDir() string`
pub fn temp_dir(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::ffi::OsStrExt;
    let d = std::env::var_os("TMPDIR")
        .filter(|v| !v.is_empty())
        .map(|v| v.as_bytes().to_vec())
        .unwrap_or_else(|| b"/tmp".to_vec());
    ctx.ret_str(0, &d);
    NativeResult::Ok
}

/// The C string of path argument `i`, or EINVAL for a path with a NUL
/// byte (Go's `syscall.BytePtrFromString`).
fn c_path(ctx: &NativeCtx<'_>, i: usize) -> std::io::Result<std::ffi::CString> {
    std::ffi::CString::new(ctx.str(i)).map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))
}

/// The outcome of a system call that returns -1 and sets errno on failure,
/// retried on EINTR as Go's `ignoringEINTR` does.
fn retry(mut call: impl FnMut() -> i64) -> std::io::Result<i64> {
    loop {
        let r = call();
        if r >= 0 {
            return Ok(r);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// A native `func(...) (msg string, kind int)` over a descriptor or a
/// path: `call` runs as a system call that releases the P.
fn ret_call(ctx: &mut NativeCtx<'_>, call: impl FnOnce() -> std::io::Result<i64>) -> NativeResult {
    let (r, keep) = ctx.syscall(call);
    ret_msg(ctx, 0, r.err(), keep)
}

/// `os.seekFd(fd int, offset int64, whence int) (ret int64, msg string, kind int)`:
/// lseek(2); an unknown whence fails with `invalid argument` from the
/// system, as in Go.
fn seek_fd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let fd = ctx.int(0) as i32;
    let off = ctx.int(1);
    let whence = ctx.int(2);
    let (r, keep) = ctx.syscall(|| {
        let Ok(whence) = i32::try_from(whence) else {
            return Err(std::io::Error::from_raw_os_error(libc::EINVAL));
        };
        // SAFETY: lseek(2) touches no memory of ours.
        retry(|| unsafe { libc::lseek(fd, off, whence) })
    });
    ctx.ret_int(0, *r.as_ref().unwrap_or(&0));
    ret_msg(ctx, 1, r.err(), keep)
}

/// `os.preadFd(fd int, b []byte, off int64) (n int, msg string, kind int)`:
/// one pread(2) of at most len(b) bytes (and at most 1 MiB: the caller
/// loops) at offset off, into a buffer of our own that is copied into b
/// afterwards (the system call touches no gol memory).
fn pread_fd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let fd = ctx.int(0) as i32;
    let (ptr, len, _) = ctx.slice(1);
    let off = ctx.int(2);
    let mut buf = vec![0u8; (len as usize).min(1 << 20)];
    let (r, keep) = ctx.syscall(|| {
        // SAFETY: reads into a live buffer of its length.
        retry(|| unsafe {
            libc::pread(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len(), off) as i64
        })
    });
    let n = *r.as_ref().unwrap_or(&0) as usize;
    ctx.write_bytes_at(ptr, &buf[..n]);
    ctx.ret_int(0, n as i64);
    ret_msg(ctx, 1, r.err(), keep)
}

/// `os.pwriteFd(fd int, b []byte, off int64) (n int, msg string, kind int)`:
/// one pwrite(2) of b (a copy) at offset off; the caller loops over a
/// short write.
fn pwrite_fd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let fd = ctx.int(0) as i32;
    let b = ctx.bytes(1);
    let off = ctx.int(2);
    let (r, keep) = ctx.syscall(|| {
        // SAFETY: writes from a live buffer of its length.
        retry(|| unsafe {
            libc::pwrite(fd, b.as_ptr() as *const libc::c_void, b.len(), off) as i64
        })
    });
    ctx.ret_int(0, *r.as_ref().unwrap_or(&0));
    ret_msg(ctx, 1, r.err(), keep)
}

/// `os.ftruncateFd(fd int, size int64) (msg string, kind int)`
fn ftruncate_fd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let fd = ctx.int(0) as i32;
    let size = ctx.int(1);
    ret_call(ctx, || {
        // SAFETY: ftruncate(2) touches no memory of ours.
        retry(|| unsafe { libc::ftruncate(fd, size) } as i64)
    })
}

/// `os.fsyncFd(fd int) (msg string, kind int)`
fn fsync_fd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let fd = ctx.int(0) as i32;
    ret_call(ctx, || {
        // SAFETY: fsync(2) touches no memory of ours.
        retry(|| unsafe { libc::fsync(fd) } as i64)
    })
}

/// `os.fchmodFd(fd int, mode uint32) (msg string, kind int)`: mode is the
/// system's bits already (os.syscallMode).
fn fchmod_fd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let fd = ctx.int(0) as i32;
    let mode = ctx.uint(1) as libc::mode_t;
    ret_call(ctx, || {
        // SAFETY: fchmod(2) touches no memory of ours.
        retry(|| unsafe { libc::fchmod(fd, mode) } as i64)
    })
}

/// `os.fchdirFd(fd int) (msg string, kind int)`
fn fchdir_fd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let fd = ctx.int(0) as i32;
    ret_call(ctx, || {
        // SAFETY: fchdir(2) touches no memory of ours.
        retry(|| unsafe { libc::fchdir(fd) } as i64)
    })
}

/// `os.truncatePath(name string, size int64) (msg string, kind int)`
fn truncate_path(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let path = c_path(ctx, 0);
    let size = ctx.int(1);
    ret_call(ctx, || {
        let path = path?;
        // SAFETY: a NUL-terminated path that lives across the call.
        retry(|| unsafe { libc::truncate(path.as_ptr(), size) } as i64)
    })
}

/// `os.chmodPath(name string, mode uint32) (msg string, kind int)`
fn chmod_path(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let path = c_path(ctx, 0);
    let mode = ctx.uint(1) as libc::mode_t;
    ret_call(ctx, || {
        let path = path?;
        // SAFETY: a NUL-terminated path that lives across the call.
        retry(|| unsafe { libc::chmod(path.as_ptr(), mode) } as i64)
    })
}

/// `os.chdirPath(name string) (msg string, kind int)`: the process's
/// working directory, shared by every goroutine as in Go.
fn chdir_path(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let path = c_path(ctx, 0);
    ret_call(ctx, || {
        let path = path?;
        // SAFETY: a NUL-terminated path that lives across the call.
        retry(|| unsafe { libc::chdir(path.as_ptr()) } as i64)
    })
}

/// lstat(2) or stat(2) of a C path.
fn stat_c(path: &std::ffi::CStr, follow: bool) -> std::io::Result<libc::stat> {
    // SAFETY: all-zero bytes are a valid `stat` (plain integers).
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: a NUL-terminated path and a `stat` to fill, both live
    // across the call.
    retry(|| unsafe {
        if follow {
            libc::stat(path.as_ptr(), &mut st) as i64
        } else {
            libc::lstat(path.as_ptr(), &mut st) as i64
        }
    })?;
    Ok(st)
}

/// `os.renamePath(oldpath, newpath string) (msg string, kind int)`:
/// rename(2), with Go's check first: renaming onto an existing directory
/// fails with oldpath's own error if it has one, and with `file exists`
/// unless both names are one file.
fn rename_path(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let old = c_path(ctx, 0);
    let new = c_path(ctx, 1);
    ret_call(ctx, || {
        let (old, new) = (old?, new?);
        if let Ok(nst) = stat_c(&new, false) {
            if nst.st_mode & libc::S_IFMT == libc::S_IFDIR {
                let ost = stat_c(&old, false)?;
                if old == new || (ost.st_dev, ost.st_ino) != (nst.st_dev, nst.st_ino) {
                    return Err(std::io::Error::from_raw_os_error(libc::EEXIST));
                }
            }
        }
        // SAFETY: NUL-terminated paths that live across the call.
        retry(|| unsafe { libc::rename(old.as_ptr(), new.as_ptr()) } as i64)
    })
}

/// `os.getwd() (dir string, op string, msg string, kind int)`: Go's
/// Getwd: $PWD when it is absolute and names the directory "." is (so a
/// path through a symbolic link is kept), getcwd(3) otherwise. A failure
/// names its operation: `stat` (of ".") or `getwd`.
fn getwd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    let pwd = std::env::var_os("PWD").map(|v| v.into_vec());
    let (r, keep) = ctx.syscall(|| -> Result<Vec<u8>, (&'static str, std::io::Error)> {
        if let Some(pwd) = pwd.filter(|p| p.first() == Some(&b'/')) {
            let dot = stat_c(c".", true).map_err(|e| ("stat", e))?;
            if let Ok(p) = std::ffi::CString::new(pwd.clone()) {
                if let Ok(st) = stat_c(&p, true) {
                    if (st.st_dev, st.st_ino) == (dot.st_dev, dot.st_ino) {
                        return Ok(pwd);
                    }
                }
            }
        }
        std::env::current_dir()
            .map(|d| d.as_os_str().as_bytes().to_vec())
            .map_err(|e| ("getwd", e))
    });
    match r {
        Ok(dir) => {
            ctx.ret_str(0, &dir);
            ret_outcome(ctx, 1, ("", String::new(), 0), keep)
        }
        Err((op, e)) => {
            ctx.ret_str(0, b"");
            ret_outcome(ctx, 1, failure(op, &e), keep)
        }
    }
}

/// `os.Getppid() int`
fn getppid(ctx: &mut NativeCtx<'_>) -> NativeResult {
    // SAFETY: getppid(2) cannot fail and touches no memory.
    ctx.ret_int(0, unsafe { libc::getppid() } as i64);
    NativeResult::Ok
}

/// `os.Getuid() int`
fn getuid(ctx: &mut NativeCtx<'_>) -> NativeResult {
    // SAFETY: getuid(2) cannot fail and touches no memory.
    ctx.ret_int(0, unsafe { libc::getuid() } as i64);
    NativeResult::Ok
}

/// `os.Geteuid() int`
fn geteuid(ctx: &mut NativeCtx<'_>) -> NativeResult {
    // SAFETY: geteuid(2) cannot fail and touches no memory.
    ctx.ret_int(0, unsafe { libc::geteuid() } as i64);
    NativeResult::Ok
}

/// `os.Getgid() int`
fn getgid(ctx: &mut NativeCtx<'_>) -> NativeResult {
    // SAFETY: getgid(2) cannot fail and touches no memory.
    ctx.ret_int(0, unsafe { libc::getgid() } as i64);
    NativeResult::Ok
}

/// `os.Getegid() int`
fn getegid(ctx: &mut NativeCtx<'_>) -> NativeResult {
    // SAFETY: getegid(2) cannot fail and touches no memory.
    ctx.ret_int(0, unsafe { libc::getegid() } as i64);
    NativeResult::Ok
}

/// `os.Getpagesize() int`
pub(crate) fn getpagesize(ctx: &mut NativeCtx<'_>) -> NativeResult {
    ctx.ret_int(0, gol_vm::usermap::page_size() as i64);
    NativeResult::Ok
}

/// `os.Clearenv()`: removes every variable of the process's environment.
/// An entry whose name could not be set either (one starting with '=',
/// which the system may hand a process) is left: removing it through
/// `std::env` would panic, and clearing `environ` behind `std::env`'s
/// lock would race with other threads reading it.
fn clearenv(_ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::ffi::OsStrExt;
    for (k, _) in std::env::vars_os() {
        let b = k.as_bytes();
        if !b.is_empty() && !b.contains(&b'=') && !b.contains(&0) {
            std::env::remove_var(k);
        }
    }
    NativeResult::Ok
}

/// `os.hostname() (name string, msg string, kind int)`: uname(2)'s node
/// name, as Go's Hostname reads it first.
fn hostname(ctx: &mut NativeCtx<'_>) -> NativeResult {
    // SAFETY: all-zero bytes are a valid `utsname` (byte arrays).
    let mut un: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: uname(2) fills the live struct it is given.
    let r = unsafe { libc::uname(&mut un) };
    if r < 0 {
        ctx.ret_str(0, b"");
        return ret_msg(ctx, 1, Some(std::io::Error::last_os_error()), true);
    }
    let name: Vec<u8> = un
        .nodename
        .iter()
        .take_while(|&&c| c != 0)
        .map(|&c| c as u8)
        .collect();
    ctx.ret_str(0, &name);
    ret_msg(ctx, 1, None, true)
}

/// `os.executable() (path string, msg string, kind int)`: the target of
/// /proc/self/exe, without the " (deleted)" the kernel adds for a removed
/// file (Go's rule).
fn executable(ctx: &mut NativeCtx<'_>) -> NativeResult {
    use std::os::unix::ffi::OsStrExt;
    let (r, keep) = ctx.syscall(|| std::fs::read_link("/proc/self/exe"));
    match r {
        Ok(p) => {
            let b = p.as_os_str().as_bytes();
            let b = b.strip_suffix(b" (deleted)").unwrap_or(b);
            ctx.ret_str(0, b);
            ret_msg(ctx, 1, None, keep)
        }
        Err(e) => {
            ctx.ret_str(0, b"");
            ret_msg(ctx, 1, Some(e), keep)
        }
    }
}

/// The entries of the directory open on `fd`, from its current offset to
/// the end, in the system's order, without "." and "..". Reads through a
/// duplicate of `fd`, which shares its offset (so the File's next read
/// starts at the end, as after Go's getdents loop).
fn list_dir_fd(fd: i32) -> std::io::Result<Vec<Vec<u8>>> {
    // SAFETY: duplicates a descriptor; the copy is ours to close.
    let dup = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if dup < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: on success the stream owns `dup` (closedir closes it).
    let dir = unsafe { libc::fdopendir(dup) };
    if dir.is_null() {
        let e = std::io::Error::last_os_error();
        // SAFETY: `dup` is still ours when fdopendir failed.
        unsafe { libc::close(dup) };
        return Err(e);
    }
    let mut names = Vec::new();
    let result = loop {
        // readdir(3) reports an error only through errno, and leaves it
        // alone at the end of the directory.
        // SAFETY: errno is this thread's own variable.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: `dir` is an open stream until the closedir below.
        let ent = unsafe { libc::readdir(dir) };
        if ent.is_null() {
            let e = std::io::Error::last_os_error();
            break if e.raw_os_error() == Some(0) {
                Ok(())
            } else {
                Err(e)
            };
        }
        // SAFETY: readdir returned an entry whose d_name is a
        // NUL-terminated name, valid until the next readdir.
        let name = unsafe { std::ffi::CStr::from_ptr((*ent).d_name.as_ptr()) }.to_bytes();
        if name != b"." && name != b".." {
            names.push(name.to_vec());
        }
    };
    // SAFETY: closes the stream opened above, once.
    unsafe { libc::closedir(dir) };
    result.map(|()| names)
}

/// `os.readDirFd(fd int) (names []string, msg string, kind int)`
fn read_dir_fd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let fd = ctx.int(0) as i32;
    let (r, keep) = ctx.syscall(|| list_dir_fd(fd));
    match r {
        Ok(names) => {
            ret_strings(ctx, 0, &names);
            ret_msg(ctx, 1, None, keep)
        }
        Err(e) => {
            ret_strings(ctx, 0, &[]);
            ret_msg(ctx, 1, Some(e), keep)
        }
    }
}

/// `os.linkPath(oldname, newname string) (msg string, kind int)`: link(2).
fn link_path(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let old = c_path(ctx, 0);
    let new = c_path(ctx, 1);
    ret_call(ctx, || {
        let (old, new) = (old?, new?);
        // SAFETY: NUL-terminated paths that live across the call.
        retry(|| unsafe { libc::link(old.as_ptr(), new.as_ptr()) } as i64)
    })
}

/// `os.symlinkPath(oldname, newname string) (msg string, kind int)`:
/// symlink(2).
fn symlink_path(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let old = c_path(ctx, 0);
    let new = c_path(ctx, 1);
    ret_call(ctx, || {
        let (old, new) = (old?, new?);
        // SAFETY: NUL-terminated paths that live across the call.
        retry(|| unsafe { libc::symlink(old.as_ptr(), new.as_ptr()) } as i64)
    })
}

/// `os.readlinkPath(name string) (target string, msg string, kind int)`:
/// readlink(2) into a buffer that doubles until the target fits.
fn readlink_path(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let path = c_path(ctx, 0);
    let (r, keep) = ctx.syscall(|| {
        let path = path?;
        let mut len = 128;
        loop {
            let mut buf = vec![0u8; len];
            // SAFETY: a NUL-terminated path and a live buffer of its
            // length.
            let n = retry(|| unsafe {
                libc::readlink(path.as_ptr(), buf.as_mut_ptr() as *mut libc::c_char, len) as i64
            })? as usize;
            if n < len {
                buf.truncate(n);
                return Ok(buf);
            }
            len *= 2;
        }
    });
    match r {
        Ok(target) => {
            ctx.ret_str(0, &target);
            ret_msg(ctx, 1, None, keep)
        }
        Err(e) => {
            ctx.ret_str(0, b"");
            ret_msg(ctx, 1, Some(e), keep)
        }
    }
}

/// An owner or group id argument: -1 (leave it) is the all-ones id.
fn id_arg(v: i64) -> u32 {
    v as u32
}

/// `os.chownPath(name string, uid int, gid int, follow bool) (msg string, kind int)`:
/// chown(2), or lchown(2) when follow is false.
fn chown_path(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let path = c_path(ctx, 0);
    let (uid, gid) = (id_arg(ctx.int(1)), id_arg(ctx.int(2)));
    let follow = ctx.bool(3);
    ret_call(ctx, || {
        let path = path?;
        // SAFETY: a NUL-terminated path that lives across the call.
        retry(|| unsafe {
            if follow {
                libc::chown(path.as_ptr(), uid, gid) as i64
            } else {
                libc::lchown(path.as_ptr(), uid, gid) as i64
            }
        })
    })
}

/// `os.fchownFd(fd int, uid int, gid int) (msg string, kind int)`
fn fchown_fd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let fd = ctx.int(0) as i32;
    let (uid, gid) = (id_arg(ctx.int(1)), id_arg(ctx.int(2)));
    ret_call(ctx, || {
        // SAFETY: fchown(2) touches no memory of ours.
        retry(|| unsafe { libc::fchown(fd, uid, gid) } as i64)
    })
}

/// A `timespec` for utimensat(2): nanoseconds -1 is UTIME_OMIT.
fn utime(sec: i64, nsec: i64) -> libc::timespec {
    if nsec < 0 {
        libc::timespec {
            tv_sec: 0,
            tv_nsec: libc::UTIME_OMIT,
        }
    } else {
        libc::timespec {
            tv_sec: sec as libc::time_t,
            tv_nsec: nsec as _,
        }
    }
}

/// `os.chtimesPath(name string, asec, ansec, msec, mnsec int64) (msg string, kind int)`:
/// utimensat(2) relative to the working directory, following links.
fn chtimes_path(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let path = c_path(ctx, 0);
    let times = [utime(ctx.int(1), ctx.int(2)), utime(ctx.int(3), ctx.int(4))];
    ret_call(ctx, || {
        let path = path?;
        // SAFETY: a NUL-terminated path and two timespecs that live
        // across the call.
        retry(
            || unsafe { libc::utimensat(libc::AT_FDCWD, path.as_ptr(), times.as_ptr(), 0) } as i64,
        )
    })
}

/// `os.getgroups(gids []int) (n int, msg string, kind int)`: the count
/// of supplementary groups when gids is empty; else fills gids and
/// returns how many it holds, or -1 with EINVAL when they do not fit.
fn getgroups(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (ptr, len, _) = ctx.slice(0);
    let want = (len as usize).min(1 << 16);
    let mut buf: Vec<libc::gid_t> = vec![0; want];
    // SAFETY: getgroups(2) writes at most `want` ids into a live buffer
    // that holds `want` (none when `want` is 0, which asks the count).
    let n = unsafe { libc::getgroups(want as i32, buf.as_mut_ptr()) };
    if n < 0 {
        ctx.ret_int(0, -1);
        return ret_msg(ctx, 1, Some(std::io::Error::last_os_error()), true);
    }
    if n > 0 && want > 0 {
        let words: Vec<u64> = buf[..n as usize].iter().map(|&g| g as u64).collect();
        let elem = ctx.slice_elem(0);
        ctx.store(ptr, 0, &words, elem);
    }
    ctx.ret_int(0, n as i64);
    ret_msg(ctx, 1, None, true)
}

/// `os.fstatFd(fd int) (size int64, mode uint32, sec, nsec int64, dev, ino uint64, msg string, kind int)`:
/// the open file itself, which may have been renamed or removed since.
fn fstat_fd(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let fd = ctx.int(0) as i32;
    let (r, keep) = ctx.syscall(|| {
        // SAFETY: all-zero bytes are a valid `stat` (plain integers).
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: fstat(2) fills the live `stat` it is given.
        retry(|| unsafe { libc::fstat(fd, &mut st) } as i64).map(|_| st)
    });
    let (size, mode, sec, nsec, dev, ino, e) = match r {
        Ok(st) => (
            st.st_size,
            go_mode(st.st_mode),
            st.st_mtime,
            st.st_mtime_nsec,
            st.st_dev,
            st.st_ino,
            None,
        ),
        Err(e) => (0, 0, 0, 0, 0, 0, Some(e)),
    };
    ctx.ret_int(0, size);
    ctx.ret_uint(1, mode as u64);
    ctx.ret_int(2, sec);
    ctx.ret_int(3, nsec);
    ctx.ret_uint(4, dev);
    ctx.ret_uint(5, ino);
    ret_msg(ctx, 6, e, keep)
}
