// Package net: gol's declaration of this package for the type checker, written by hand:
// functions without bodies are implemented natively by the VM on its
// netpoller. Only the commonly used TCP part is declared: Dial, Listen,
// Conn, Listener, Addr, TCPAddr, TCPConn, TCPListener, Dialer, IP, the
// address helpers and the error types.
//
// Not declared (not yet provided, or outside gol's subset): UDP, IP and
// Unix connections (UDPConn, UDPAddr, IPConn, IPAddr, UnixConn, UnixAddr,
// UnixListener, DialUDP, ListenUDP, ListenPacket, PacketConn, ...), DNS
// lookups other than LookupHost (Resolver, LookupIP, LookupMX, ...),
// Interface and HardwareAddr, ListenConfig, KeepAliveConfig, Buffers,
// File/FileConn/FileListener (os files of sockets), SyscallConn and the
// Dialer's Control hooks (syscall), the netip-based functions
// (TCPAddrFromAddrPort, TCPAddr.AddrPort, Dialer.DialTCP ...), and
// IP.MarshalText/UnmarshalText/AppendText.
package net

import (
	"context"
	"io"
	"time"
)

// IP address lengths (bytes).
const (
	IPv4len = 4
	IPv6len = 16
)

// ErrClosed is the error returned by an I/O call on a network connection
// that has already been closed.
var ErrClosed error = errNetClosing{}

// errNetClosing is ErrClosed (Go's poll.ErrNetClosing).
type errNetClosing struct{}

func (errNetClosing) Error() string   { return "use of closed network connection" }
func (errNetClosing) Timeout() bool   { return false }
func (errNetClosing) Temporary() bool { return false }

func Dial(network, address string) (Conn, error)

func DialTCP(network string, laddr, raddr *TCPAddr) (*TCPConn, error)

func DialTimeout(network, address string, timeout time.Duration) (Conn, error)

func Listen(network, address string) (Listener, error)

func ListenTCP(network string, laddr *TCPAddr) (*TCPListener, error)

func LookupHost(host string) (addrs []string, err error)

func LookupPort(network, service string) (port int, err error)


func ResolveTCPAddr(network, address string) (*TCPAddr, error)

// Conn is a generic stream-oriented network connection.
type Conn interface {
	Read(b []byte) (n int, err error)
	Write(b []byte) (n int, err error)
	Close() error
	LocalAddr() Addr
	RemoteAddr() Addr
	SetDeadline(t time.Time) error
	SetReadDeadline(t time.Time) error
	SetWriteDeadline(t time.Time) error
}

// A Dialer contains options for connecting to an address.
type Dialer struct {
	Timeout       time.Duration
	Deadline      time.Time
	LocalAddr     Addr
	DualStack     bool
	FallbackDelay time.Duration
	KeepAlive     time.Duration
	Cancel        <-chan struct{}
}

func (d *Dialer) Dial(network, address string) (Conn, error)

func (d *Dialer) DialContext(ctx context.Context, network, address string) (Conn, error)

// A Listener is a generic network listener for stream-oriented protocols.
type Listener interface {
	Accept() (Conn, error)
	Close() error
	Addr() Addr
}

// TCPConn is an implementation of the Conn interface for TCP network
// connections.
type TCPConn struct {
	fd int
}

func (c *TCPConn) Close() error

func (c *TCPConn) CloseRead() error

func (c *TCPConn) CloseWrite() error

func (c *TCPConn) LocalAddr() Addr

func (c *TCPConn) Read(b []byte) (int, error)

func (c *TCPConn) ReadFrom(r io.Reader) (int64, error)

func (c *TCPConn) RemoteAddr() Addr

func (c *TCPConn) SetDeadline(t time.Time) error

func (c *TCPConn) SetKeepAlive(keepalive bool) error

func (c *TCPConn) SetKeepAlivePeriod(d time.Duration) error

func (c *TCPConn) SetLinger(sec int) error

func (c *TCPConn) SetNoDelay(noDelay bool) error

func (c *TCPConn) SetReadBuffer(bytes int) error

func (c *TCPConn) SetReadDeadline(t time.Time) error

func (c *TCPConn) SetWriteBuffer(bytes int) error

func (c *TCPConn) SetWriteDeadline(t time.Time) error

func (c *TCPConn) Write(b []byte) (int, error)

func (c *TCPConn) WriteTo(w io.Writer) (int64, error)

// TCPListener is a TCP network listener.
type TCPListener struct {
	fd int
}

func (l *TCPListener) Accept() (Conn, error)

func (l *TCPListener) AcceptTCP() (*TCPConn, error)

func (l *TCPListener) Addr() Addr

func (l *TCPListener) Close() error

func (l *TCPListener) SetDeadline(t time.Time) error

