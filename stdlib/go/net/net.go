// Package net: TCP and UDP sockets on the VM's netpoller, written in Go
// over a few natives (the functions without bodies, stdlib's net natives):
// a socket is a handle the natives keep (never a raw descriptor number, so
// a handle used after Close cannot reach a socket opened since), a read or
// write that would block parks the goroutine in "IO wait" until the poller
// reports the socket ready or its deadline passes, and errors are built
// here with Go's wording. Addresses and the error types are in ip.go, the
// in-memory Pipe in pipe.go.
//
// Names resolve without DNS: numeric addresses, "localhost" and the names
// in /etc/hosts. Not provided: IP and Unix sockets, DNS lookups,
// interfaces, File/FileConn and SyscallConn, the netip-based functions.
package net

import (
	"context"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
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

// The natives. A handle is an index the natives keep for one socket; an
// errno is 0, a Linux errno, or one of:
const (
	errClosing = -1 // the handle was closed
	errTimeout = -2 // the direction's deadline has passed
	errAgain   = -3 // the call would block: sockWait, then try again
)

const (
	sockStream = 1
	sockDgram  = 2
)

// sockListen makes a socket bound to ip:port (nil ip: any), listening when
// it is a stream socket; the bound address comes back, and on failure the
// system call that failed.
func sockListen(sotype int, ip []byte, port int) (h int, lip []byte, lport int, errno int, syscall string)

// sockConnect starts connecting a new socket to ip:port; sockConnected
// answers errAgain while the connection is in progress (sockWait for
// writing, then ask again).
func sockConnect(sotype int, ip []byte, port int) (h int, errno int)

// sockConnected finishes a connect: its outcome and the local address.
func sockConnected(h int) (lip []byte, lport int, errno int)

// sockWait parks the goroutine in "IO wait" until the socket may be ready
// for reading (mode 1) or writing (2), is closed, or the direction's
// deadline passes. It returns at once when an edge came meanwhile.
func sockWait(h int, mode int)

func sockAccept(h int) (nh int, rip []byte, rport int, lip []byte, lport int, errno int)

func sockRead(h int, b []byte) (n int, errno int)

func sockWrite(h int, b []byte) (n int, errno int)

func sockReadFrom(h int, b []byte) (n int, ip []byte, port int, errno int)

func sockWriteTo(h int, b []byte, ip []byte, port int) (n int, errno int)

// sockClose closes the socket and wakes its waiters (they see errClosing).
func sockClose(h int) (errno int)

// sockShutdown shuts down reading (0), writing (1) or both (2).
func sockShutdown(h int, how int) (errno int)

// sockDeadline sets the read (1), write (2) or both (3) deadlines, in Unix
// nanoseconds (0: none; in the past: now).
func sockDeadline(h int, mode int, unixNanos int64) (errno int)

// sockOption sets a socket option: 1 TCP_NODELAY, 2 SO_KEEPALIVE, 3
// TCP_KEEPIDLE (seconds), 4 SO_LINGER (seconds, -1: off), 5 SO_RCVBUF, 6
// SO_SNDBUF.
func sockOption(h int, opt int, value int) (errno int)

// errnoText: the texts Go gives the errors sockets meet (Linux numbers).
var errnoText = map[int]string{
	1:   "operation not permitted",
	4:   "interrupted system call",
	9:   "bad file descriptor",
	11:  "resource temporarily unavailable",
	12:  "cannot allocate memory",
	13:  "permission denied",
	22:  "invalid argument",
	23:  "too many open files in system",
	24:  "too many open files",
	32:  "broken pipe",
	88:  "socket operation on non-socket",
	90:  "message too long",
	93:  "protocol not supported",
	97:  "address family not supported by protocol",
	98:  "address already in use",
	99:  "cannot assign requested address",
	100: "network is down",
	101: "network is unreachable",
	103: "software caused connection abort",
	104: "connection reset by peer",
	105: "no buffer space available",
	106: "transport endpoint is already connected",
	107: "transport endpoint is not connected",
	110: "connection timed out",
	111: "connection refused",
	113: "no route to host",
	114: "operation already in progress",
	115: "operation now in progress",
}

// sysErrno is a system call's error number (Go's syscall.Errno).
type sysErrno int

func (e sysErrno) Error() string {
	if s, ok := errnoText[int(e)]; ok {
		return s
	}
	return "errno " + strconv.Itoa(int(e))
}

func (e sysErrno) Timeout() bool { return e == 11 || e == 110 }

func (e sysErrno) Temporary() bool {
	return e == 4 || e == 24 || e == 23 || e == 103 || e == 104 || e.Timeout()
}

// ConnError: an accepted connection that failed before Accept returned.
func (e sysErrno) ConnError() bool { return e == 103 || e == 104 }

// DNSError is a failed name lookup.
type DNSError struct {
	Err         string
	Name        string
	Server      string
	IsTimeout   bool
	IsTemporary bool
	IsNotFound  bool
}

func (e *DNSError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := "lookup " + e.Name
	if e.Server != "" {
		s += " on " + e.Server
	}
	return s + ": " + e.Err
}

func (e *DNSError) Timeout() bool   { return e.IsTimeout }
func (e *DNSError) Temporary() bool { return e.IsTimeout || e.IsTemporary }

// netFD is an open socket: its handle, network and addresses. rmu and
// wmu let one reader and one writer at a time reach the natives (a
// socket's poll descriptor has one waiting slot per direction).
type netFD struct {
	h       int
	net     string
	sotype  int
	laddr   Addr
	raddr   Addr
	rmu     sync.Mutex
	wmu     sync.Mutex
	closeMu sync.Mutex
	closed  bool
}

func (fd *netFD) err(op, syscall string, e int, source, addr Addr) error {
	var err error
	switch e {
	case errClosing:
		err = ErrClosed
	case errTimeout:
		err = os.ErrDeadlineExceeded
	default:
		err = os.NewSyscallError(syscall, sysErrno(e))
	}
	return &OpError{Op: op, Net: fd.net, Source: source, Addr: addr, Err: err}
}

// Read and Write unlock without defer: nothing between can panic, and a
// deferred call is most of the cost of a short read in the interpreter.
func (fd *netFD) Read(b []byte) (int, error) {
	fd.rmu.Lock()
	n, e := sockRead(fd.h, b)
	for e == errAgain {
		sockWait(fd.h, 1)
		n, e = sockRead(fd.h, b)
	}
	fd.rmu.Unlock()
	if e != 0 {
		return 0, fd.err("read", "read", e, fd.laddr, fd.raddr)
	}
	if n == 0 && len(b) > 0 && fd.sotype == sockStream {
		return 0, io.EOF
	}
	return n, nil
}

func (fd *netFD) Write(b []byte) (int, error) {
	fd.wmu.Lock()
	nn := 0
	for {
		n, e := sockWrite(fd.h, b[nn:])
		if e == errAgain {
			sockWait(fd.h, 2)
			continue
		}
		if n > 0 {
			nn += n
		}
		if e != 0 {
			fd.wmu.Unlock()
			return nn, fd.err("write", "write", e, fd.laddr, fd.raddr)
		}
		if nn == len(b) || fd.sotype == sockDgram {
			fd.wmu.Unlock()
			return nn, nil
		}
	}
}

func (fd *netFD) Close() error {
	fd.closeMu.Lock()
	defer fd.closeMu.Unlock()
	if fd.closed {
		return &OpError{Op: "close", Net: fd.net, Source: fd.laddr, Addr: fd.raddr, Err: ErrClosed}
	}
	fd.closed = true
	if e := sockClose(fd.h); e != 0 {
		return fd.err("close", "close", e, fd.laddr, fd.raddr)
	}
	return nil
}

func (fd *netFD) setDeadline(mode int, t time.Time) error {
	var ns int64
	if !t.IsZero() {
		ns = t.UnixNano()
		if ns <= 0 {
			ns = 1
		}
	}
	if e := sockDeadline(fd.h, mode, ns); e != 0 {
		return fd.err("set", "setsockopt", e, nil, fd.laddr)
	}
	return nil
}

func (fd *netFD) option(opt, value int) error {
	if e := sockOption(fd.h, opt, value); e != 0 {
		return fd.err("set", "setsockopt", e, fd.laddr, fd.raddr)
	}
	return nil
}

// conn is the part TCPConn and UDPConn share.
type conn struct {
	fd *netFD
}

func (c *conn) ok() bool { return c != nil && c.fd != nil }

func (c *conn) Read(b []byte) (int, error) {
	if !c.ok() {
		return 0, os.ErrInvalid
	}
	return c.fd.Read(b)
}

func (c *conn) Write(b []byte) (int, error) {
	if !c.ok() {
		return 0, os.ErrInvalid
	}
	return c.fd.Write(b)
}

func (c *conn) Close() error {
	if !c.ok() {
		return os.ErrInvalid
	}
	return c.fd.Close()
}

func (c *conn) LocalAddr() Addr {
	if !c.ok() {
		return nil
	}
	return c.fd.laddr
}

func (c *conn) RemoteAddr() Addr {
	if !c.ok() {
		return nil
	}
	return c.fd.raddr
}

func (c *conn) SetDeadline(t time.Time) error {
	if !c.ok() {
		return os.ErrInvalid
	}
	return c.fd.setDeadline(3, t)
}

func (c *conn) SetReadDeadline(t time.Time) error {
	if !c.ok() {
		return os.ErrInvalid
	}
	return c.fd.setDeadline(1, t)
}

func (c *conn) SetWriteDeadline(t time.Time) error {
	if !c.ok() {
		return os.ErrInvalid
	}
	return c.fd.setDeadline(2, t)
}

func (c *conn) SetReadBuffer(bytes int) error {
	if !c.ok() {
		return os.ErrInvalid
	}
	return c.fd.option(5, bytes)
}

func (c *conn) SetWriteBuffer(bytes int) error {
	if !c.ok() {
		return os.ErrInvalid
	}
	return c.fd.option(6, bytes)
}

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

// PacketConn is a generic packet-oriented network connection.
type PacketConn interface {
	ReadFrom(p []byte) (n int, addr Addr, err error)
	WriteTo(p []byte, addr Addr) (n int, err error)
	Close() error
	LocalAddr() Addr
	SetDeadline(t time.Time) error
	SetReadDeadline(t time.Time) error
	SetWriteDeadline(t time.Time) error
}

// A Listener is a generic network listener for stream-oriented protocols.
type Listener interface {
	Accept() (Conn, error)
	Close() error
	Addr() Addr
}

// TCPConn is a TCP connection.
type TCPConn struct {
	conn
}

func (c *TCPConn) CloseRead() error {
	if !c.ok() {
		return os.ErrInvalid
	}
	if e := sockShutdown(c.fd.h, 0); e != 0 {
		return c.fd.err("close", "shutdown", e, c.fd.laddr, c.fd.raddr)
	}
	return nil
}

func (c *TCPConn) CloseWrite() error {
	if !c.ok() {
		return os.ErrInvalid
	}
	if e := sockShutdown(c.fd.h, 1); e != 0 {
		return c.fd.err("close", "shutdown", e, c.fd.laddr, c.fd.raddr)
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (c *TCPConn) SetNoDelay(noDelay bool) error {
	if !c.ok() {
		return os.ErrInvalid
	}
	return c.fd.option(1, boolInt(noDelay))
}

func (c *TCPConn) SetKeepAlive(keepalive bool) error {
	if !c.ok() {
		return os.ErrInvalid
	}
	return c.fd.option(2, boolInt(keepalive))
}

func (c *TCPConn) SetKeepAlivePeriod(d time.Duration) error {
	if !c.ok() {
		return os.ErrInvalid
	}
	secs := int((d + time.Second - 1) / time.Second)
	if secs < 1 {
		secs = 1
	}
	return c.fd.option(3, secs)
}

func (c *TCPConn) SetLinger(sec int) error {
	if !c.ok() {
		return os.ErrInvalid
	}
	return c.fd.option(4, sec)
}

// ReadFrom copies r into the connection.
func (c *TCPConn) ReadFrom(r io.Reader) (int64, error) {
	if !c.ok() {
		return 0, os.ErrInvalid
	}
	return io.Copy(writerOnly{c}, r)
}

// WriteTo copies the connection into w.
func (c *TCPConn) WriteTo(w io.Writer) (int64, error) {
	if !c.ok() {
		return 0, os.ErrInvalid
	}
	return io.Copy(w, readerOnly{c})
}

// writerOnly and readerOnly hide ReadFrom and WriteTo from io.Copy, which
// would otherwise call back into them.
type writerOnly struct{ io.Writer }

type readerOnly struct{ io.Reader }

// TCPListener is a TCP network listener.
type TCPListener struct {
	fd *netFD
}

func (l *TCPListener) ok() bool { return l != nil && l.fd != nil }

func (l *TCPListener) AcceptTCP() (*TCPConn, error) {
	if !l.ok() {
		return nil, os.ErrInvalid
	}
	l.fd.rmu.Lock()
	defer l.fd.rmu.Unlock()
	for {
		nh, rip, rport, lip, lport, e := sockAccept(l.fd.h)
		if e == errAgain {
			sockWait(l.fd.h, 1)
			continue
		}
		if e == 103 || e == 104 {
			// The peer gave up before we accepted it: take the next.
			continue
		}
		if e != 0 {
			return nil, l.fd.err("accept", "accept", e, nil, l.fd.laddr)
		}
		fd := &netFD{h: nh, net: l.fd.net, sotype: sockStream,
			laddr: &TCPAddr{IP: IP(lip), Port: lport}, raddr: &TCPAddr{IP: IP(rip), Port: rport}}
		return &TCPConn{conn{fd}}, nil
	}
}

func (l *TCPListener) Accept() (Conn, error) {
	c, err := l.AcceptTCP()
	if err != nil {
		return nil, err
	}
	return c, nil
}

func (l *TCPListener) Close() error {
	if !l.ok() {
		return os.ErrInvalid
	}
	err := l.fd.Close()
	if oe, ok := err.(*OpError); ok {
		oe.Source, oe.Addr = nil, l.fd.laddr
	}
	return err
}

func (l *TCPListener) Addr() Addr { return l.fd.laddr }

func (l *TCPListener) SetDeadline(t time.Time) error {
	if !l.ok() {
		return os.ErrInvalid
	}
	return l.fd.setDeadline(1, t)
}

// UDPAddr is the address of a UDP end point.
type UDPAddr struct {
	IP   IP
	Port int
	Zone string
}

func (a *UDPAddr) Network() string { return "udp" }

func (a *UDPAddr) String() string {
	if a == nil {
		return "<nil>"
	}
	return (&TCPAddr{IP: a.IP, Port: a.Port, Zone: a.Zone}).String()
}

// UDPConn is a UDP socket.
type UDPConn struct {
	conn
}

func (c *UDPConn) ReadFromUDP(b []byte) (int, *UDPAddr, error) {
	if !c.ok() {
		return 0, nil, os.ErrInvalid
	}
	c.fd.rmu.Lock()
	defer c.fd.rmu.Unlock()
	n, ip, port, e := sockReadFrom(c.fd.h, b)
	for e == errAgain {
		sockWait(c.fd.h, 1)
		n, ip, port, e = sockReadFrom(c.fd.h, b)
	}
	if e != 0 {
		return 0, nil, c.fd.err("read", "recvfrom", e, c.fd.laddr, c.fd.raddr)
	}
	return n, &UDPAddr{IP: IP(ip), Port: port}, nil
}

func (c *UDPConn) ReadFrom(b []byte) (int, Addr, error) {
	n, addr, err := c.ReadFromUDP(b)
	if addr == nil {
		return n, nil, err
	}
	return n, addr, err
}

func (c *UDPConn) WriteToUDP(b []byte, addr *UDPAddr) (int, error) {
	if !c.ok() {
		return 0, os.ErrInvalid
	}
	if addr == nil {
		return 0, &OpError{Op: "write", Net: c.fd.net, Source: c.fd.laddr, Addr: nil, Err: errMissingAddress}
	}
	c.fd.wmu.Lock()
	defer c.fd.wmu.Unlock()
	n, e := sockWriteTo(c.fd.h, b, dialIP(addr.IP), addr.Port)
	for e == errAgain {
		sockWait(c.fd.h, 2)
		n, e = sockWriteTo(c.fd.h, b, dialIP(addr.IP), addr.Port)
	}
	if e != 0 {
		return n, c.fd.err("write", "sendto", e, c.fd.laddr, addr)
	}
	return n, nil
}

func (c *UDPConn) WriteTo(b []byte, addr Addr) (int, error) {
	a, ok := addr.(*UDPAddr)
	if !ok {
		return 0, &OpError{Op: "write", Net: c.fd.net, Source: c.fd.laddr, Addr: addr, Err: os.ErrInvalid}
	}
	return c.WriteToUDP(b, a)
}

var errMissingAddress = errors.New("missing address")

// LookupPort is the port of a service ("80" or "http").
func LookupPort(network, service string) (port int, err error) {
	if service == "" {
		return 0, nil
	}
	if n, err := strconv.Atoi(service); err == nil {
		if n < 0 || n > 0xFFFF {
			return 0, &AddrError{Err: "invalid port", Addr: service}
		}
		return n, nil
	}
	for _, c := range service {
		if c >= '0' && c <= '9' {
			continue
		}
		if p, ok := services[strings.ToLower(service)]; ok {
			return p, nil
		}
		break
	}
	proto := network
	if i := strings.IndexAny(proto, "46"); i > 0 {
		proto = proto[:i]
	}
	return 0, &DNSError{Err: "unknown port", Name: proto + "/" + service, IsNotFound: true}
}

// services are the well-known ports of /etc/services that programs name.
var services = map[string]int{
	"ftp": 21, "ssh": 22, "telnet": 23, "smtp": 25, "domain": 53, "http": 80, "www": 80,
	"pop3": 110, "ntp": 123, "imap": 143, "snmp": 161, "ldap": 389, "https": 443,
	"imaps": 993, "pop3s": 995, "mysql": 3306, "postgresql": 5432, "http-alt": 8080,
}

// LookupHost resolves host without DNS: an IP literal, "localhost", or a
// name in /etc/hosts.
func LookupHost(host string) (addrs []string, err error) {
	ips, err := lookupIP(host)
	if err != nil {
		return nil, err
	}
	for _, ip := range ips {
		addrs = append(addrs, ip.String())
	}
	return addrs, nil
}

func lookupIP(host string) ([]IP, error) {
	if host == "" {
		return nil, &DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	if ip := ParseIP(host); ip != nil {
		return []IP{ip}, nil
	}
	var ips []IP
	if data, err := os.ReadFile("/etc/hosts"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if i := strings.IndexByte(line, '#'); i >= 0 {
				line = line[:i]
			}
			f := strings.Fields(line)
			if len(f) < 2 {
				continue
			}
			ip := ParseIP(f[0])
			if ip == nil {
				continue
			}
			for _, name := range f[1:] {
				if strings.EqualFold(name, host) {
					ips = append(ips, ip)
				}
			}
		}
	}
	if len(ips) == 0 && strings.EqualFold(host, "localhost") {
		ips = []IP{IPv4(127, 0, 0, 1)}
	}
	if len(ips) == 0 {
		return nil, &DNSError{Err: "no such host (gol does not implement DNS lookups yet: numeric addresses, localhost and /etc/hosts only)", Name: host, IsNotFound: true}
	}
	return ips, nil
}

// family says which IP versions a network allows: 4, 6 or 0 (both).
func family(network string) (sotype int, fam int, ok bool) {
	switch network {
	case "tcp":
		return sockStream, 0, true
	case "tcp4":
		return sockStream, 4, true
	case "tcp6":
		return sockStream, 6, true
	case "udp":
		return sockDgram, 0, true
	case "udp4":
		return sockDgram, 4, true
	case "udp6":
		return sockDgram, 6, true
	}
	return 0, 0, false
}

// resolve splits and resolves "host:port" for network; the IP is nil for
// an empty host.
func resolve(network, address string) (IP, int, error) {
	_, fam, ok := family(network)
	if !ok {
		return nil, 0, UnknownNetworkError(network)
	}
	host, portStr, err := SplitHostPort(address)
	if err != nil {
		return nil, 0, err
	}
	port, err := LookupPort(network, portStr)
	if err != nil {
		return nil, 0, err
	}
	if host == "" {
		return nil, port, nil
	}
	if i := strings.IndexByte(host, '%'); i >= 0 {
		host = host[:i]
	}
	ips, err := lookupIP(host)
	if err != nil {
		return nil, 0, err
	}
	for _, ip := range ips {
		is4 := ip.To4() != nil
		if fam == 0 || fam == 4 && is4 || fam == 6 && !is4 {
			return ip, port, nil
		}
	}
	return nil, 0, &AddrError{Err: "no suitable address found", Addr: host}
}

// ResolveTCPAddr resolves "host:port" to a TCP address.
func ResolveTCPAddr(network, address string) (*TCPAddr, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
	case "":
		network = "tcp"
	default:
		return nil, UnknownNetworkError(network)
	}
	ip, port, err := resolve(network, address)
	if err != nil {
		return nil, err
	}
	return &TCPAddr{IP: ip, Port: port}, nil
}

// ResolveUDPAddr resolves "host:port" to a UDP address.
func ResolveUDPAddr(network, address string) (*UDPAddr, error) {
	switch network {
	case "udp", "udp4", "udp6":
	case "":
		network = "udp"
	default:
		return nil, UnknownNetworkError(network)
	}
	ip, port, err := resolve(network, address)
	if err != nil {
		return nil, err
	}
	return &UDPAddr{IP: ip, Port: port}, nil
}

// dialIP is the address a dial goes to: the loopback for no address or
// the unspecified one ("the local system").
func dialIP(ip IP) []byte {
	if len(ip) == 0 || ip.IsUnspecified() {
		if len(ip) == IPv6len && ip.To4() == nil {
			return IPv6loopback
		}
		return IPv4(127, 0, 0, 1)
	}
	return ip
}

func addrFor(sotype int, ip []byte, port int) Addr {
	if sotype == sockDgram {
		return &UDPAddr{IP: IP(ip), Port: port}
	}
	return &TCPAddr{IP: IP(ip), Port: port}
}

// A Dialer holds options for connecting to an address.
type Dialer struct {
	Timeout       time.Duration
	Deadline      time.Time
	LocalAddr     Addr
	DualStack     bool
	FallbackDelay time.Duration
	KeepAlive     time.Duration
	Cancel        <-chan struct{}
}

func (d *Dialer) Dial(network, address string) (Conn, error) {
	return d.DialContext(context.Background(), network, address)
}

// DialContext connects to address; the earliest of the Dialer's Timeout,
// its Deadline and ctx's deadline bounds the connect.
func (d *Dialer) DialContext(ctx context.Context, network, address string) (Conn, error) {
	if ctx == nil {
		panic("nil context")
	}
	sotype, _, ok := family(network)
	if !ok {
		return nil, &OpError{Op: "dial", Net: network, Err: UnknownNetworkError(network)}
	}
	deadline := d.Deadline
	if d.Timeout != 0 {
		if t := time.Now().Add(d.Timeout); deadline.IsZero() || t.Before(deadline) {
			deadline = t
		}
	}
	if t, ok := ctx.Deadline(); ok && (deadline.IsZero() || t.Before(deadline)) {
		deadline = t
	}
	if err := ctx.Err(); err != nil {
		return nil, &OpError{Op: "dial", Net: network, Err: mapCtxErr(err)}
	}
	ip, port, err := resolve(network, address)
	if err != nil {
		return nil, &OpError{Op: "dial", Net: network, Err: err}
	}
	raddr := addrFor(sotype, dialIP(ip), port)
	var dl int64
	if !deadline.IsZero() {
		dl = deadline.UnixNano()
		if dl <= 0 {
			dl = 1
		}
	}
	h, e := sockConnect(sotype, dialIP(ip), port)
	var lip []byte
	var lport int
	sc := "connect"
	if e == 0 {
		if dl != 0 {
			sockDeadline(h, 2, dl)
		}
		for {
			lip, lport, e = sockConnected(h)
			if e != errAgain {
				break
			}
			sockWait(h, 2)
		}
		if e != 0 {
			sockClose(h)
		} else if dl != 0 {
			sockDeadline(h, 2, 0)
		}
	}
	if e != 0 {
		fd := &netFD{net: network}
		oe := fd.err("dial", sc, e, nil, raddr).(*OpError)
		if e == errTimeout && ctx.Err() == context.Canceled {
			oe.Err = errCanceled
		}
		return nil, oe
	}
	fd := &netFD{h: h, net: network, sotype: sotype, laddr: addrFor(sotype, lip, lport), raddr: raddr}
	if sotype == sockDgram {
		return &UDPConn{conn{fd}}, nil
	}
	c := &TCPConn{conn{fd}}
	c.SetNoDelay(true)
	return c, nil
}

var errCanceled = errors.New("operation was canceled")

func mapCtxErr(err error) error {
	if err == context.Canceled {
		return errCanceled
	}
	if err == context.DeadlineExceeded {
		return os.ErrDeadlineExceeded
	}
	return err
}

func Dial(network, address string) (Conn, error) {
	var d Dialer
	return d.Dial(network, address)
}

func DialTimeout(network, address string, timeout time.Duration) (Conn, error) {
	d := Dialer{Timeout: timeout}
	return d.Dial(network, address)
}

func DialTCP(network string, laddr, raddr *TCPAddr) (*TCPConn, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return nil, &OpError{Op: "dial", Net: network, Source: laddr.opAddr(), Addr: raddr.opAddr(), Err: UnknownNetworkError(network)}
	}
	if raddr == nil {
		return nil, &OpError{Op: "dial", Net: network, Source: laddr.opAddr(), Addr: nil, Err: errMissingAddress}
	}
	c, err := Dial(network, raddr.String())
	if err != nil {
		return nil, err
	}
	return c.(*TCPConn), nil
}

func (a *TCPAddr) opAddr() Addr {
	if a == nil {
		return nil
	}
	return a
}

func DialUDP(network string, laddr, raddr *UDPAddr) (*UDPConn, error) {
	if raddr == nil {
		return nil, &OpError{Op: "dial", Net: network, Err: errMissingAddress}
	}
	c, err := Dial(network, raddr.String())
	if err != nil {
		return nil, err
	}
	return c.(*UDPConn), nil
}

func listen(network string, ip IP, port int, addrForErr Addr) (*netFD, error) {
	sotype, fam, _ := family(network)
	var bind []byte
	if len(ip) != 0 {
		bind = ip
	} else if fam == 4 {
		// No address on an IPv4-only network: every IPv4 interface.
		bind = IPv4zero
	}
	h, lip, lport, e, sc := sockListen(sotype, bind, port)
	if e != 0 {
		fd := &netFD{net: network}
		return nil, fd.err("listen", sc, e, nil, addrForErr)
	}
	return &netFD{h: h, net: network, sotype: sotype, laddr: addrFor(sotype, lip, lport)}, nil
}

// Listen listens on a TCP address: "tcp", "tcp4" or "tcp6".
func Listen(network, address string) (Listener, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return nil, &OpError{Op: "listen", Net: network, Err: UnknownNetworkError(network)}
	}
	ip, port, err := resolve(network, address)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Err: err}
	}
	l, err := ListenTCP(network, &TCPAddr{IP: ip, Port: port})
	if err != nil {
		return nil, err
	}
	return l, nil
}

func ListenTCP(network string, laddr *TCPAddr) (*TCPListener, error) {
	if laddr == nil {
		laddr = &TCPAddr{}
	}
	fd, err := listen(network, laddr.IP, laddr.Port, laddr)
	if err != nil {
		return nil, err
	}
	return &TCPListener{fd}, nil
}

// ListenPacket listens on a UDP address.
func ListenPacket(network, address string) (PacketConn, error) {
	switch network {
	case "udp", "udp4", "udp6":
	default:
		return nil, &OpError{Op: "listen", Net: network, Err: UnknownNetworkError(network)}
	}
	ip, port, err := resolve(network, address)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Err: err}
	}
	c, err := ListenUDP(network, &UDPAddr{IP: ip, Port: port})
	if err != nil {
		return nil, err
	}
	return c, nil
}

func ListenUDP(network string, laddr *UDPAddr) (*UDPConn, error) {
	if laddr == nil {
		laddr = &UDPAddr{}
	}
	fd, err := listen(network, laddr.IP, laddr.Port, laddr)
	if err != nil {
		return nil, err
	}
	return &UDPConn{conn{fd}}, nil
}
