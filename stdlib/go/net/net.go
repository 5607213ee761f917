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
var ErrClosed error

func Dial(network, address string) (Conn, error)

func DialTCP(network string, laddr, raddr *TCPAddr) (*TCPConn, error)

func DialTimeout(network, address string, timeout time.Duration) (Conn, error)

func JoinHostPort(host, port string) string

func Listen(network, address string) (Listener, error)

func ListenTCP(network string, laddr *TCPAddr) (*TCPListener, error)

func LookupHost(host string) (addrs []string, err error)

func LookupPort(network, service string) (port int, err error)

func ParseCIDR(s string) (IP, *IPNet, error)

func Pipe() (Conn, Conn)

func ResolveTCPAddr(network, address string) (*TCPAddr, error)

func SplitHostPort(hostport string) (host, port string, err error)

// Addr represents a network end point address.
type Addr interface {
	Network() string
	String() string
}

type AddrError struct {
	Err  string
	Addr string
}

func (e *AddrError) Error() string

func (e *AddrError) Temporary() bool

func (e *AddrError) Timeout() bool

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

// An Error represents a network error.
type Error interface {
	error
	Timeout() bool
	Temporary() bool
}

type IP []byte

func IPv4(a, b, c, d byte) IP

func ParseIP(s string) IP

func (ip IP) DefaultMask() IPMask

func (ip IP) Equal(x IP) bool

func (ip IP) IsGlobalUnicast() bool

func (ip IP) IsInterfaceLocalMulticast() bool

func (ip IP) IsLinkLocalMulticast() bool

func (ip IP) IsLinkLocalUnicast() bool

func (ip IP) IsLoopback() bool

func (ip IP) IsMulticast() bool

func (ip IP) IsPrivate() bool

func (ip IP) IsUnspecified() bool

func (ip IP) Mask(mask IPMask) IP

func (ip IP) String() string

func (ip IP) To16() IP

func (ip IP) To4() IP

type IPMask []byte

func CIDRMask(ones, bits int) IPMask

func IPv4Mask(a, b, c, d byte) IPMask

func (m IPMask) Size() (ones, bits int)

func (m IPMask) String() string

// An IPNet represents an IP network.
type IPNet struct {
	IP   IP
	Mask IPMask
}

func (n *IPNet) Contains(ip IP) bool

func (n *IPNet) Network() string

func (n *IPNet) String() string

type InvalidAddrError string

func (e InvalidAddrError) Error() string

func (e InvalidAddrError) Temporary() bool

func (e InvalidAddrError) Timeout() bool

// A Listener is a generic network listener for stream-oriented protocols.
type Listener interface {
	Accept() (Conn, error)
	Close() error
	Addr() Addr
}

// OpError is the error type usually returned by functions in the net
// package.
type OpError struct {
	Op     string
	Net    string
	Source Addr
	Addr   Addr
	Err    error
}

func (e *OpError) Error() string

func (e *OpError) Temporary() bool

func (e *OpError) Timeout() bool

func (e *OpError) Unwrap() error

// A ParseError is the error type of literal network address parsers.
type ParseError struct {
	Type string
	Text string
}

func (e *ParseError) Error() string

func (e *ParseError) Temporary() bool

func (e *ParseError) Timeout() bool

// TCPAddr represents the address of a TCP end point.
type TCPAddr struct {
	IP   IP
	Port int
	Zone string
}

func (a *TCPAddr) Network() string

func (a *TCPAddr) String() string

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

type UnknownNetworkError string

func (e UnknownNetworkError) Error() string

func (e UnknownNetworkError) Temporary() bool

func (e UnknownNetworkError) Timeout() bool
