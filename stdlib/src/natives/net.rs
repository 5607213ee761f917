//! Package net: the socket natives under `stdlib/go/net/net.go`. Each is a
//! binding of one operation of the VM's poller (`gol_vm::netpoll`, reached
//! through `NativeCtx`): arguments in, the non-blocking call, results out.
//! Addresses cross as Go's `IP` bytes (4 or 16; IPv4-mapped IPv6 means
//! IPv4) and a port; errors as an errno or the poller's three codes, which
//! the Go side turns into Go's error values and wording.

use gol_vm::netpoll::SockErr;
use gol_vm::{Native, NativeCtx, NativeResult};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// The natives of this module (see the table convention in `natives`).
pub const NATIVES: &[(&str, Native)] = &[
    (
        "sockListen",
        Native::new(
            sock_listen,
            "func(sotype int, ip []byte, port int) (h int, lip []byte, lport int, errno int, syscall string)",
        ),
    ),
    (
        "sockConnect",
        Native::new(sock_connect, "func(sotype int, ip []byte, port int) (h int, errno int)"),
    ),
    (
        "sockConnected",
        Native::new(sock_connected, "func(h int) (lip []byte, lport int, errno int)"),
    ),
    ("sockWait", Native::new(sock_wait, "func(h int, mode int)")),
    (
        "sockAccept",
        Native::new(
            sock_accept,
            "func(h int) (nh int, rip []byte, rport int, lip []byte, lport int, errno int)",
        ),
    ),
    (
        "sockRead",
        Native::new(sock_read, "func(h int, b []byte) (n int, errno int)"),
    ),
    (
        "sockWrite",
        Native::new(sock_write, "func(h int, b []byte) (n int, errno int)"),
    ),
    (
        "sockReadFrom",
        Native::new(
            sock_read_from,
            "func(h int, b []byte) (n int, ip []byte, port int, errno int)",
        ),
    ),
    (
        "sockWriteTo",
        Native::new(
            sock_write_to,
            "func(h int, b []byte, ip []byte, port int) (n int, errno int)",
        ),
    ),
    ("sockClose", Native::new(sock_close, "func(h int) (errno int)")),
    (
        "sockShutdown",
        Native::new(sock_shutdown, "func(h int, how int) (errno int)"),
    ),
    (
        "sockDeadline",
        Native::new(
            sock_deadline,
            "func(h int, mode int, unixNanos int64) (errno int)",
        ),
    ),
    (
        "sockOption",
        Native::new(sock_option, "func(h int, opt int, value int) (errno int)"),
    ),
];

/// The largest read done at once (a bigger buffer is filled by later reads).
const MAX_READ: usize = 1 << 20;

/// Go's IP bytes as an address (`None`: no address given).
fn ip_of(b: &[u8]) -> Option<IpAddr> {
    match b.len() {
        4 => Some(IpAddr::V4(Ipv4Addr::new(b[0], b[1], b[2], b[3]))),
        16 => {
            let mut o = [0u8; 16];
            o.copy_from_slice(b);
            let v6 = Ipv6Addr::from(o);
            Some(match v6.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None => IpAddr::V6(v6),
            })
        }
        _ => None,
    }
}

/// An address as Go's IP bytes: 4 for IPv4, 16 for IPv6.
fn ip_bytes(ip: IpAddr) -> Vec<u8> {
    match ip {
        IpAddr::V4(v4) => v4.octets().to_vec(),
        IpAddr::V6(v6) => v6.octets().to_vec(),
    }
}

fn port_of(ctx: &NativeCtx<'_>, k: usize) -> u16 {
    ctx.int(k).clamp(0, u16::MAX as i64) as u16
}

fn ret_addr(ctx: &mut NativeCtx<'_>, k: usize, a: Option<SocketAddr>) {
    let (ip, port) = match a {
        Some(a) => (ip_bytes(a.ip()), a.port() as i64),
        None => (Vec::new(), 0),
    };
    let s = ctx.new_bytes(&ip);
    ctx.ret_slice(k, s);
    ctx.ret_int(k + 1, port);
}

fn errno(e: SockErr) -> i64 {
    e as i64
}

/// `sockListen`: no address means every interface, IPv6 and IPv4 together
/// as Go binds `[::]`, or IPv4 alone where the system has no IPv6.
fn sock_listen(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let stream = ctx.int(0) == 1;
    let port = port_of(ctx, 2);
    let ip = ip_of(&ctx.bytes(1));
    let r = ctx
        .netpoller()
        .map_err(|e| (e, "socket"))
        .and_then(|np| match ip {
            Some(ip) => np.listen(stream, SocketAddr::new(ip, port)),
            None => np
                .listen(stream, SocketAddr::new(Ipv6Addr::UNSPECIFIED.into(), port))
                .or_else(|(e, call)| match e {
                    libc::EAFNOSUPPORT | libc::EADDRNOTAVAIL => {
                        np.listen(stream, SocketAddr::new(Ipv4Addr::UNSPECIFIED.into(), port))
                    }
                    _ => Err((e, call)),
                }),
        });
    match r {
        Ok((pd, local)) => {
            ctx.ret_int(0, pd.handle());
            ret_addr(ctx, 1, Some(local));
            ctx.ret_int(3, 0);
        }
        Err((e, call)) => {
            ctx.ret_int(0, -1);
            ret_addr(ctx, 1, None);
            ctx.ret_int(3, errno(e));
            ctx.ret_str(4, call.as_bytes());
        }
    }
    NativeResult::Ok
}

/// `sockConnect`: starts the connect; the Go side waits for writing and
/// asks `sockConnected`.
fn sock_connect(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let stream = ctx.int(0) == 1;
    let port = port_of(ctx, 2);
    let ip = ip_of(&ctx.bytes(1)).unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let r = ctx.netpoller().and_then(|np| {
        np.connect(stream, SocketAddr::new(ip, port))
            .map_err(|(e, _)| e)
    });
    match r {
        Ok(pd) => {
            ctx.ret_int(0, pd.handle());
            ctx.ret_int(1, 0);
        }
        Err(e) => {
            ctx.ret_int(0, -1);
            ctx.ret_int(1, errno(e));
        }
    }
    NativeResult::Ok
}

fn sock_connected(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let r = ctx.sock(ctx.int(0)).and_then(|(np, pd)| np.connected(&pd));
    match r {
        Ok(local) => {
            ret_addr(ctx, 0, Some(local));
            ctx.ret_int(2, 0);
        }
        Err(e) => {
            ret_addr(ctx, 0, None);
            ctx.ret_int(2, errno(e));
        }
    }
    NativeResult::Ok
}

fn sock_wait(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (h, mode) = (ctx.int(0), ctx.int(1));
    ctx.sock_wait(h, mode)
}

fn sock_accept(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let r = ctx.sock(ctx.int(0)).and_then(|(np, pd)| np.accept(&pd));
    match r {
        Ok((npd, remote, local)) => {
            ctx.ret_int(0, npd.handle());
            ret_addr(ctx, 1, Some(remote));
            ret_addr(ctx, 3, Some(local));
            ctx.ret_int(5, 0);
        }
        Err(e) => {
            ctx.ret_int(0, -1);
            ret_addr(ctx, 1, None);
            ret_addr(ctx, 3, None);
            ctx.ret_int(5, errno(e));
        }
    }
    NativeResult::Ok
}

fn sock_read(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (ptr, len, _) = ctx.slice(1);
    // Straight into the program's buffer: a copy through a fresh zeroed
    // buffer was a fifth of an HTTP request's cost.
    let r = ctx.sock(ctx.int(0)).and_then(|(np, pd)| {
        let buf = ctx.bytes_mut_at(ptr, len.min(MAX_READ as u64));
        np.read(&pd, buf)
    });
    match r {
        Ok(n) => {
            ctx.race_io(false);
            ctx.ret_int(0, n as i64);
            ctx.ret_int(1, 0);
        }
        Err(e) => {
            ctx.ret_int(0, 0);
            ctx.ret_int(1, errno(e));
        }
    }
    NativeResult::Ok
}

fn sock_write(ctx: &mut NativeCtx<'_>) -> NativeResult {
    ctx.race_io(true);
    let r = ctx
        .sock(ctx.int(0))
        .and_then(|(np, pd)| np.write(&pd, ctx.bytes_ref(1)));
    let (n, e) = match r {
        Ok(n) => (n as i64, 0),
        Err(e) => (0, errno(e)),
    };
    ctx.ret_int(0, n);
    ctx.ret_int(1, e);
    NativeResult::Ok
}

fn sock_read_from(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (ptr, len, _) = ctx.slice(1);
    let mut buf = vec![0u8; (len as usize).min(MAX_READ)];
    let r = ctx
        .sock(ctx.int(0))
        .and_then(|(np, pd)| np.recv_from(&pd, &mut buf));
    match r {
        Ok((n, from)) => {
            ctx.race_io(false);
            ctx.write_bytes_at(ptr, &buf[..n]);
            ctx.ret_int(0, n as i64);
            ret_addr(ctx, 1, Some(from));
            ctx.ret_int(3, 0);
        }
        Err(e) => {
            ctx.ret_int(0, 0);
            ret_addr(ctx, 1, None);
            ctx.ret_int(3, errno(e));
        }
    }
    NativeResult::Ok
}

fn sock_write_to(ctx: &mut NativeCtx<'_>) -> NativeResult {
    ctx.race_io(true);
    let data = ctx.bytes(1);
    let port = port_of(ctx, 3);
    let ip = ip_of(&ctx.bytes(2)).unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let r = ctx
        .sock(ctx.int(0))
        .and_then(|(np, pd)| np.send_to(&pd, &data, SocketAddr::new(ip, port)));
    let (n, e) = match r {
        Ok(n) => (n as i64, 0),
        Err(e) => (0, errno(e)),
    };
    ctx.ret_int(0, n);
    ctx.ret_int(1, e);
    NativeResult::Ok
}

fn sock_close(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let e = ctx.sock_close(ctx.int(0));
    ctx.ret_int(0, errno(e));
    NativeResult::Ok
}

fn sock_shutdown(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let how = ctx.int(1);
    let r = ctx
        .sock(ctx.int(0))
        .and_then(|(np, pd)| np.shutdown(&pd, how));
    ctx.ret_int(0, r.err().map_or(0, errno));
    NativeResult::Ok
}

fn sock_deadline(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (h, mode, ns) = (ctx.int(0), ctx.int(1), ctx.int(2));
    let e = ctx.sock_deadline(h, mode, ns);
    ctx.ret_int(0, errno(e));
    NativeResult::Ok
}

fn sock_option(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (opt, value) = (ctx.int(1), ctx.int(2));
    let r = ctx
        .sock(ctx.int(0))
        .and_then(|(np, pd)| np.set_option(&pd, opt, value));
    ctx.ret_int(0, r.err().map_or(0, errno));
    NativeResult::Ok
}
