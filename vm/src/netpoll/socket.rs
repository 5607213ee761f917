//! Sockets on the poller: making them (listen, connect, accept) and the
//! non-blocking system calls on them, each answering at once. A call that
//! would block returns [`ERR_AGAIN`]; the caller then parks with
//! [`NetPoller::arm`] and tries again when woken (the protocol is in the
//! module docs of `netpoll`).
//!
//! Before each call the descriptor is checked: a closed socket answers
//! [`ERR_CLOSING`] and a direction whose deadline passed [`ERR_TIMEOUT`],
//! whatever the kernel would say, as Go's `pollDesc.prepare` does.
//!
//! Streams and datagram sockets are mio's (`mio::net`), which set
//! `O_NONBLOCK` and `SOCK_CLOEXEC` and write with `MSG_NOSIGNAL` (a peer
//! that went away is `EPIPE`, never a SIGPIPE that would end the process).
//! A listening socket is made with libc, so that the backlog is the
//! system's maximum (a burst of ten thousand connects is not refused) and
//! an error names the system call that failed, as Go's errors do
//! (`bind: address already in use`).

use super::{Mode, NetPoller, PollDesc};
use mio::event::Source;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, UdpSocket};
use std::os::fd::{AsRawFd, FromRawFd, RawFd};
use std::sync::Arc;

/// A socket error: a Linux errno, or one of the three below.
pub type SockErr = i32;
/// The socket was closed (Go's `ErrNetClosing`).
pub const ERR_CLOSING: SockErr = -1;
/// The direction's deadline has passed (`os.ErrDeadlineExceeded`).
pub const ERR_TIMEOUT: SockErr = -2;
/// The call would block: wait, then try again.
pub const ERR_AGAIN: SockErr = -3;

/// The socket behind a poll descriptor.
pub enum Io {
    Listener(mio::net::TcpListener),
    Stream(mio::net::TcpStream),
    Dgram(mio::net::UdpSocket),
}

impl Io {
    pub(super) fn with_source<R>(&mut self, f: impl FnOnce(&mut dyn Source) -> R) -> R {
        match self {
            Io::Listener(l) => f(l),
            Io::Stream(s) => f(s),
            Io::Dgram(u) => f(u),
        }
    }

    fn fd(&self) -> RawFd {
        match self {
            Io::Listener(l) => l.as_raw_fd(),
            Io::Stream(s) => s.as_raw_fd(),
            Io::Dgram(u) => u.as_raw_fd(),
        }
    }
}

fn errno(e: &io::Error) -> SockErr {
    if e.kind() == io::ErrorKind::WouldBlock {
        return ERR_AGAIN;
    }
    e.raw_os_error().unwrap_or(libc::EIO)
}

fn last_errno() -> SockErr {
    io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

/// The listen backlog: the system's maximum, as Go takes it.
fn backlog() -> i32 {
    std::fs::read_to_string("/proc/sys/net/core/somaxconn")
        .ok()
        .and_then(|s| s.trim().parse::<i32>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(4096)
}

fn sockaddr(addr: &SocketAddr) -> (libc::sockaddr_storage, libc::socklen_t) {
    // SAFETY: sockaddr_storage is plain data; all zeroes is a valid value.
    let mut ss: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let len = match addr {
        SocketAddr::V4(a) => {
            let sin = libc::sockaddr_in {
                sin_family: libc::AF_INET as libc::sa_family_t,
                sin_port: a.port().to_be(),
                sin_addr: libc::in_addr {
                    s_addr: u32::from_ne_bytes(a.ip().octets()),
                },
                sin_zero: [0; 8],
            };
            // SAFETY: sockaddr_storage is larger than sockaddr_in and
            // suitably aligned for it.
            unsafe { std::ptr::write(&mut ss as *mut _ as *mut libc::sockaddr_in, sin) };
            std::mem::size_of::<libc::sockaddr_in>()
        }
        SocketAddr::V6(a) => {
            let sin6 = libc::sockaddr_in6 {
                sin6_family: libc::AF_INET6 as libc::sa_family_t,
                sin6_port: a.port().to_be(),
                sin6_flowinfo: a.flowinfo(),
                sin6_addr: libc::in6_addr {
                    s6_addr: a.ip().octets(),
                },
                sin6_scope_id: a.scope_id(),
            };
            // SAFETY: as above, for sockaddr_in6.
            unsafe { std::ptr::write(&mut ss as *mut _ as *mut libc::sockaddr_in6, sin6) };
            std::mem::size_of::<libc::sockaddr_in6>()
        }
    };
    (ss, len as libc::socklen_t)
}

/// A listening TCP socket bound to `addr`, or the errno and the name of the
/// system call that failed.
fn tcp_listener(addr: &SocketAddr) -> Result<std::net::TcpListener, (SockErr, &'static str)> {
    let domain = if addr.is_ipv4() {
        libc::AF_INET
    } else {
        libc::AF_INET6
    };
    // SAFETY: socket(2) with constant arguments creates a new descriptor.
    let fd = unsafe {
        libc::socket(
            domain,
            libc::SOCK_STREAM | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC,
            0,
        )
    };
    if fd < 0 {
        return Err((last_errno(), "socket"));
    }
    // SAFETY: fd is a socket we own; from here the TcpListener closes it on
    // every path.
    let l = unsafe { std::net::TcpListener::from_raw_fd(fd) };
    let one: libc::c_int = 1;
    // SAFETY: a valid int option value of the right size on our socket.
    unsafe {
        libc::setsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_REUSEADDR,
            &one as *const _ as *const libc::c_void,
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
    let (ss, len) = sockaddr(addr);
    // SAFETY: ss holds a sockaddr of length len for the socket's family.
    if unsafe { libc::bind(fd, &ss as *const _ as *const libc::sockaddr, len) } < 0 {
        return Err((last_errno(), "bind"));
    }
    // SAFETY: listen(2) on our bound socket.
    if unsafe { libc::listen(fd, backlog()) } < 0 {
        return Err((last_errno(), "listen"));
    }
    Ok(l)
}

impl NetPoller {
    fn open_or_errno(&self, io: Io) -> Result<Arc<PollDesc>, SockErr> {
        self.open(io).map_err(|e| errno(&e))
    }

    /// A socket bound to `addr`: listening when `stream`, else a datagram
    /// socket. Its descriptor and the address it got (port 0 is chosen by
    /// the system).
    pub fn listen(
        &self,
        stream: bool,
        addr: SocketAddr,
    ) -> Result<(Arc<PollDesc>, SocketAddr), (SockErr, &'static str)> {
        let io = if stream {
            Io::Listener(mio::net::TcpListener::from_std(tcp_listener(&addr)?))
        } else {
            let u = UdpSocket::bind(addr).map_err(|e| (errno(&e), "bind"))?;
            u.set_nonblocking(true)
                .map_err(|e| (errno(&e), "setsockopt"))?;
            Io::Dgram(mio::net::UdpSocket::from_std(u))
        };
        let local = match &io {
            Io::Listener(l) => l.local_addr(),
            Io::Dgram(u) => u.local_addr(),
            Io::Stream(s) => s.local_addr(),
        }
        .map_err(|e| (errno(&e), "getsockname"))?;
        let pd = self.open(io).map_err(|e| (errno(&e), "epollctl"))?;
        Ok((pd, local))
    }

    /// Starts connecting a new socket to `addr`. A stream's connect goes on
    /// in the background: wait for writing, then [`NetPoller::connected`].
    /// The error's system call is `socket` or `connect`.
    pub fn connect(
        &self,
        stream: bool,
        addr: SocketAddr,
    ) -> Result<Arc<PollDesc>, (SockErr, &'static str)> {
        let named = |e: io::Error| {
            let n = errno(&e);
            let call = match n {
                libc::EMFILE | libc::ENFILE | libc::EAFNOSUPPORT | libc::ENOBUFS => "socket",
                _ => "connect",
            };
            (n, call)
        };
        let io = if stream {
            Io::Stream(mio::net::TcpStream::connect(addr).map_err(named)?)
        } else {
            let any: SocketAddr = if addr.is_ipv4() {
                (std::net::Ipv4Addr::UNSPECIFIED, 0).into()
            } else {
                (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
            };
            let u = UdpSocket::bind(any).map_err(named)?;
            u.connect(addr).map_err(named)?;
            u.set_nonblocking(true).map_err(named)?;
            Io::Dgram(mio::net::UdpSocket::from_std(u))
        };
        self.open(io).map_err(|e| (errno(&e), "epollctl"))
    }

    /// The outcome of a connect started by [`NetPoller::connect`]: the
    /// local address once connected, [`ERR_AGAIN`] while in progress.
    pub fn connected(&self, pd: &PollDesc) -> Result<SocketAddr, SockErr> {
        pd.check(Mode::Write)?;
        match &pd.io {
            Io::Stream(s) => {
                if let Ok(Some(e)) | Err(e) = s.take_error() {
                    return Err(errno(&e));
                }
                match s.peer_addr() {
                    Ok(_) => s.local_addr().map_err(|e| errno(&e)),
                    Err(e) if e.raw_os_error() == Some(libc::ENOTCONN) => Err(ERR_AGAIN),
                    Err(e) => Err(errno(&e)),
                }
            }
            Io::Dgram(u) => u.local_addr().map_err(|e| errno(&e)),
            Io::Listener(_) => Err(libc::EINVAL),
        }
    }

    /// Accepts a connection: its descriptor, the peer's address and ours.
    pub fn accept(
        &self,
        pd: &PollDesc,
    ) -> Result<(Arc<PollDesc>, SocketAddr, SocketAddr), SockErr> {
        pd.check(Mode::Read)?;
        let Io::Listener(l) = &pd.io else {
            return Err(libc::EINVAL);
        };
        let (s, remote) = l.accept().map_err(|e| errno(&e))?;
        let local = s.local_addr().map_err(|e| errno(&e))?;
        let npd = self.open_or_errno(Io::Stream(s))?;
        Ok((npd, remote, local))
    }

    /// Reads into `buf`; `Ok(0)` at the end of a stream.
    pub fn read(&self, pd: &PollDesc, buf: &mut [u8]) -> Result<usize, SockErr> {
        pd.check(Mode::Read)?;
        let r = match &pd.io {
            Io::Stream(s) => (&*s).read(buf),
            Io::Dgram(u) => u.recv(buf),
            Io::Listener(_) => return Err(libc::ENOTCONN),
        };
        r.map_err(|e| errno(&e))
    }

    /// Writes what the kernel takes of `buf` now.
    pub fn write(&self, pd: &PollDesc, buf: &[u8]) -> Result<usize, SockErr> {
        pd.check(Mode::Write)?;
        let r = match &pd.io {
            Io::Stream(s) => (&*s).write(buf),
            Io::Dgram(u) => u.send(buf),
            Io::Listener(_) => return Err(libc::ENOTCONN),
        };
        r.map_err(|e| errno(&e))
    }

    /// Receives a datagram and its sender.
    pub fn recv_from(&self, pd: &PollDesc, buf: &mut [u8]) -> Result<(usize, SocketAddr), SockErr> {
        pd.check(Mode::Read)?;
        match &pd.io {
            Io::Dgram(u) => u.recv_from(buf).map_err(|e| errno(&e)),
            _ => Err(libc::EOPNOTSUPP),
        }
    }

    /// Sends a datagram to `addr`.
    pub fn send_to(&self, pd: &PollDesc, buf: &[u8], addr: SocketAddr) -> Result<usize, SockErr> {
        pd.check(Mode::Write)?;
        match &pd.io {
            Io::Dgram(u) => u.send_to(buf, addr).map_err(|e| errno(&e)),
            _ => Err(libc::EOPNOTSUPP),
        }
    }

    /// Shuts down reading (0), writing (1) or both (2).
    pub fn shutdown(&self, pd: &PollDesc, how: i64) -> Result<(), SockErr> {
        pd.check(Mode::Read)
            .or_else(|e| if e == ERR_TIMEOUT { Ok(()) } else { Err(e) })?;
        let how = match how {
            0 => std::net::Shutdown::Read,
            1 => std::net::Shutdown::Write,
            _ => std::net::Shutdown::Both,
        };
        match &pd.io {
            Io::Stream(s) => s.shutdown(how).map_err(|e| errno(&e)),
            _ => Err(libc::ENOTCONN),
        }
    }

    /// Sets a socket option: 1 TCP_NODELAY, 2 SO_KEEPALIVE, 3 TCP_KEEPIDLE
    /// (seconds), 4 SO_LINGER (seconds, negative: off), 5 SO_RCVBUF, 6
    /// SO_SNDBUF.
    pub fn set_option(&self, pd: &PollDesc, opt: i64, value: i64) -> Result<(), SockErr> {
        if pd.is_closing() {
            return Err(ERR_CLOSING);
        }
        let fd = pd.io.fd();
        let v = value.clamp(i32::MIN as i64, i32::MAX as i64) as libc::c_int;
        let (level, name) = match opt {
            1 => (libc::IPPROTO_TCP, libc::TCP_NODELAY),
            2 => (libc::SOL_SOCKET, libc::SO_KEEPALIVE),
            3 => (libc::IPPROTO_TCP, libc::TCP_KEEPIDLE),
            4 => {
                let l = libc::linger {
                    l_onoff: i32::from(v >= 0),
                    l_linger: v.max(0),
                };
                // SAFETY: a linger struct of its size, on our socket.
                let r = unsafe {
                    libc::setsockopt(
                        fd,
                        libc::SOL_SOCKET,
                        libc::SO_LINGER,
                        &l as *const _ as *const libc::c_void,
                        std::mem::size_of::<libc::linger>() as libc::socklen_t,
                    )
                };
                return if r < 0 { Err(last_errno()) } else { Ok(()) };
            }
            5 => (libc::SOL_SOCKET, libc::SO_RCVBUF),
            6 => (libc::SOL_SOCKET, libc::SO_SNDBUF),
            _ => return Err(libc::ENOPROTOOPT),
        };
        // SAFETY: an int option of its size, on a socket the descriptor
        // keeps open (pd holds it).
        let r = unsafe {
            libc::setsockopt(
                fd,
                level,
                name,
                &v as *const _ as *const libc::c_void,
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            )
        };
        if r < 0 {
            Err(last_errno())
        } else {
            Ok(())
        }
    }
}
