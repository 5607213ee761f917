// Package net, the half without sockets: IP addresses and masks, host:port
// strings and the error types, written in gol's Go subset. The sockets are
// in net.go.

package net

import (
	"strconv"
)

// An IP is a 4-byte (IPv4) or 16-byte (IPv6) address; the functions here
// return IPv4 addresses in 16-byte form (an IPv4-mapped IPv6 address).
type IP []byte

// An IPMask is a bitmask of 4 or 16 bytes.
type IPMask []byte

// The IPv4-mapped IPv6 prefix (::ffff:0:0/96).
var v4InV6Prefix = []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}

var (
	IPv4bcast     = IPv4(255, 255, 255, 255)
	IPv4allsys    = IPv4(224, 0, 0, 1)
	IPv4allrouter = IPv4(224, 0, 0, 2)
	IPv4zero      = IPv4(0, 0, 0, 0)
)

var (
	IPv6zero                   = IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	IPv6unspecified            = IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	IPv6loopback               = IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
	IPv6interfacelocalallnodes = IP{0xff, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01}
	IPv6linklocalallnodes      = IP{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01}
	IPv6linklocalallrouters    = IP{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02}
)

// IPv4 returns the 16-byte form of the address a.b.c.d.
func IPv4(a, b, c, d byte) IP {
	p := make(IP, IPv6len)
	copy(p, v4InV6Prefix)
	p[12] = a
	p[13] = b
	p[14] = c
	p[15] = d
	return p
}

// IPv4Mask returns the 4-byte mask a.b.c.d.
func IPv4Mask(a, b, c, d byte) IPMask {
	return IPMask{a, b, c, d}
}

// CIDRMask is the mask of `ones` leading 1 bits out of `bits` (32 or 128).
func CIDRMask(ones, bits int) IPMask {
	if bits != 8*IPv4len && bits != 8*IPv6len {
		return nil
	}
	if ones < 0 || ones > bits {
		return nil
	}
	m := make(IPMask, bits/8)
	for i := range m {
		switch {
		case ones >= 8:
			m[i] = 0xff
			ones -= 8
		case ones > 0:
			m[i] = ^byte(0xff >> ones)
			ones = 0
		}
	}
	return m
}

var (
	classAMask = IPv4Mask(0xff, 0, 0, 0)
	classBMask = IPv4Mask(0xff, 0xff, 0, 0)
	classCMask = IPv4Mask(0xff, 0xff, 0xff, 0)
)

func isV4InV6(ip IP) bool {
	if len(ip) != IPv6len {
		return false
	}
	for i, b := range v4InV6Prefix {
		if ip[i] != b {
			return false
		}
	}
	return true
}

// To4 is the 4-byte form of an IPv4 address, nil for other addresses.
func (ip IP) To4() IP {
	if len(ip) == IPv4len {
		return ip
	}
	if isV4InV6(ip) {
		return ip[12:16]
	}
	return nil
}

// To16 is the 16-byte form of an address, nil for malformed ones.
func (ip IP) To16() IP {
	if len(ip) == IPv4len {
		return IPv4(ip[0], ip[1], ip[2], ip[3])
	}
	if len(ip) == IPv6len {
		return ip
	}
	return nil
}

// DefaultMask is the classful mask of an IPv4 address (nil for IPv6).
func (ip IP) DefaultMask() IPMask {
	if ip = ip.To4(); ip == nil {
		return nil
	}
	switch {
	case ip[0] < 0x80:
		return classAMask
	case ip[0] < 0xC0:
		return classBMask
	default:
		return classCMask
	}
}

// Mask returns ip with mask applied (nil when their sizes do not fit).
func (ip IP) Mask(mask IPMask) IP {
	if len(mask) == IPv6len && len(ip) == IPv4len {
		allFF := true
		for _, b := range mask[:12] {
			if b != 0xff {
				allFF = false
			}
		}
		if allFF {
			mask = mask[12:]
		}
	}
	if len(mask) == IPv4len && len(ip) == IPv6len && isV4InV6(ip) {
		ip = ip[12:]
	}
	n := len(ip)
	if n != len(mask) {
		return nil
	}
	out := make(IP, n)
	for i := 0; i < n; i++ {
		out[i] = ip[i] & mask[i]
	}
	return out
}

func (ip IP) Equal(x IP) bool {
	if len(ip) == len(x) {
		return string(ip) == string(x)
	}
	if len(ip) == IPv4len && len(x) == IPv6len {
		return isV4InV6(x) && string(x[12:]) == string(ip)
	}
	if len(ip) == IPv6len && len(x) == IPv4len {
		return isV4InV6(ip) && string(ip[12:]) == string(x)
	}
	return false
}

func (ip IP) IsUnspecified() bool {
	return ip.Equal(IPv4zero) || ip.Equal(IPv6unspecified)
}

func (ip IP) IsLoopback() bool {
	if ip4 := ip.To4(); ip4 != nil {
		return ip4[0] == 127
	}
	return ip.Equal(IPv6loopback)
}

func (ip IP) IsPrivate() bool {
	if ip4 := ip.To4(); ip4 != nil {
		return ip4[0] == 10 ||
			(ip4[0] == 172 && ip4[1]&0xf0 == 16) ||
			(ip4[0] == 192 && ip4[1] == 168)
	}
	return len(ip) == IPv6len && ip[0]&0xfe == 0xfc
}

func (ip IP) IsMulticast() bool {
	if ip4 := ip.To4(); ip4 != nil {
		return ip4[0]&0xf0 == 0xe0
	}
	return len(ip) == IPv6len && ip[0] == 0xff
}

func (ip IP) IsInterfaceLocalMulticast() bool {
	return len(ip) == IPv6len && ip[0] == 0xff && ip[1]&0x0f == 0x01
}

func (ip IP) IsLinkLocalMulticast() bool {
	if ip4 := ip.To4(); ip4 != nil {
		return ip4[0] == 224 && ip4[1] == 0 && ip4[2] == 0
	}
	return len(ip) == IPv6len && ip[0] == 0xff && ip[1]&0x0f == 0x02
}

func (ip IP) IsLinkLocalUnicast() bool {
	if ip4 := ip.To4(); ip4 != nil {
		return ip4[0] == 169 && ip4[1] == 254
	}
	return len(ip) == IPv6len && ip[0] == 0xfe && ip[1]&0xc0 == 0x80
}

func (ip IP) IsGlobalUnicast() bool {
	return (len(ip) == IPv4len || len(ip) == IPv6len) &&
		!ip.Equal(IPv4bcast) &&
		!ip.IsUnspecified() &&
		!ip.IsLoopback() &&
		!ip.IsMulticast() &&
		!ip.IsLinkLocalUnicast()
}

const hexDigits = "0123456789abcdef"

func hexString(b []byte) string {
	s := make([]byte, len(b)*2)
	for i, tn := range b {
		s[i*2] = hexDigits[tn>>4]
		s[i*2+1] = hexDigits[tn&0xf]
	}
	return string(s)
}

// String: dotted decimal for IPv4, RFC 5952 text for IPv6 (lowercase, the
// longest run of two or more zero groups, the first of equals, as "::"),
// "<nil>" for an empty IP, "?" and hex digits for a malformed one.
func (ip IP) String() string {
	if len(ip) == 0 {
		return "<nil>"
	}
	if p4 := ip.To4(); len(p4) == IPv4len {
		return strconv.Itoa(int(p4[0])) + "." + strconv.Itoa(int(p4[1])) + "." +
			strconv.Itoa(int(p4[2])) + "." + strconv.Itoa(int(p4[3]))
	}
	if len(ip) != IPv6len {
		return "?" + hexString(ip)
	}
	var groups [8]int
	for i := 0; i < 8; i++ {
		groups[i] = int(ip[2*i])<<8 | int(ip[2*i+1])
	}
	bestStart, bestLen := -1, 1
	for i := 0; i < 8; {
		if groups[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && groups[j] == 0 {
			j++
		}
		if j-i > bestLen {
			bestStart, bestLen = i, j-i
		}
		i = j
	}
	s := ""
	for i := 0; i < 8; i++ {
		if i == bestStart {
			s += "::"
			i += bestLen - 1
			continue
		}
		if i > 0 && i != bestStart+bestLen {
			s += ":"
		}
		s += strconv.FormatInt(int64(groups[i]), 16)
	}
	return s
}

// parseIPv4 reads dotted decimal (four parts, 0 to 255, no leading zeros).
func parseIPv4(s string) IP {
	var p [IPv4len]byte
	for i := 0; i < IPv4len; i++ {
		if i > 0 {
			if len(s) == 0 || s[0] != '.' {
				return nil
			}
			s = s[1:]
		}
		n, digits := 0, 0
		for digits < len(s) && '0' <= s[digits] && s[digits] <= '9' {
			n = n*10 + int(s[digits]-'0')
			digits++
			if n > 255 {
				return nil
			}
		}
		if digits == 0 || digits > 1 && s[0] == '0' {
			return nil
		}
		s = s[digits:]
		p[i] = byte(n)
	}
	if len(s) != 0 {
		return nil
	}
	return IPv4(p[0], p[1], p[2], p[3])
}

// parseIPv6 reads RFC 4291 text: eight groups of up to four hex digits,
// one "::" for a run of zero groups, an IPv4 address in the last 32 bits.
func parseIPv6(s string) IP {
	ip := make(IP, IPv6len)
	ellipsis := -1
	if len(s) >= 2 && s[0] == ':' && s[1] == ':' {
		ellipsis = 0
		s = s[2:]
		if len(s) == 0 {
			return ip
		}
	}
	i := 0
	for i < IPv6len {
		n, digits := 0, 0
		for digits < len(s) && digits < 5 {
			c := s[digits]
			var v int
			switch {
			case '0' <= c && c <= '9':
				v = int(c - '0')
			case 'a' <= c && c <= 'f':
				v = int(c-'a') + 10
			case 'A' <= c && c <= 'F':
				v = int(c-'A') + 10
			default:
				v = -1
			}
			if v < 0 {
				break
			}
			n = n*16 + v
			digits++
		}
		if digits == 0 || digits > 4 {
			return nil
		}
		if digits < len(s) && s[digits] == '.' {
			// An IPv4 tail: it must fill the last four bytes.
			if ellipsis < 0 && i != IPv6len-IPv4len {
				return nil
			}
			if i+IPv4len > IPv6len {
				return nil
			}
			ip4 := parseIPv4(s)
			if ip4 == nil {
				return nil
			}
			copy(ip[i:], ip4[12:])
			i += IPv4len
			s = ""
			break
		}
		ip[i] = byte(n >> 8)
		ip[i+1] = byte(n)
		i += 2
		s = s[digits:]
		if len(s) == 0 {
			break
		}
		if s[0] != ':' || len(s) == 1 {
			return nil
		}
		s = s[1:]
		if s[0] == ':' {
			if ellipsis >= 0 {
				return nil
			}
			ellipsis = i
			s = s[1:]
			if len(s) == 0 {
				break
			}
		}
	}
	if len(s) != 0 {
		return nil
	}
	if i < IPv6len {
		if ellipsis < 0 {
			return nil
		}
		n := IPv6len - i
		for j := i - 1; j >= ellipsis; j-- {
			ip[j+n] = ip[j]
		}
		for j := ellipsis + n - 1; j >= ellipsis; j-- {
			ip[j] = 0
		}
	} else if ellipsis >= 0 {
		// "::" must stand for at least one group.
		return nil
	}
	return ip
}

// ParseIP parses an IPv4 or IPv6 address (no zone); nil if s is not one.
func ParseIP(s string) IP {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.':
			return parseIPv4(s)
		case ':':
			return parseIPv6(s)
		}
	}
	return nil
}

// ParseCIDR parses "address/prefix-length": the address and its network.
func ParseCIDR(s string) (IP, *IPNet, error) {
	i := -1
	for j := 0; j < len(s); j++ {
		if s[j] == '/' {
			i = j
			break
		}
	}
	if i < 0 {
		return nil, nil, &ParseError{Type: "CIDR address", Text: s}
	}
	addr, mask := s[:i], s[i+1:]
	ip := ParseIP(addr)
	iplen := IPv6len
	for j := 0; j < len(addr); j++ {
		if addr[j] == ':' {
			break
		}
		if addr[j] == '.' {
			iplen = IPv4len
			break
		}
	}
	n, err := strconv.Atoi(mask)
	if ip == nil || err != nil || len(mask) == 0 || mask[0] == '+' || mask[0] == '-' || n > 8*iplen {
		return nil, nil, &ParseError{Type: "CIDR address", Text: s}
	}
	m := CIDRMask(n, 8*iplen)
	return ip, &IPNet{IP: ip.Mask(m), Mask: m}, nil
}

// Size is the number of leading ones and the total bits; 0, 0 for a mask
// that is not ones followed by zeros.
func (m IPMask) Size() (ones, bits int) {
	ones, bits = simpleMaskLength(m), len(m)*8
	if ones == -1 {
		return 0, 0
	}
	return
}

func simpleMaskLength(mask IPMask) int {
	n := 0
	for i, v := range mask {
		if v == 0xff {
			n += 8
			continue
		}
		for v&0x80 != 0 {
			n++
			v <<= 1
		}
		if v != 0 {
			return -1
		}
		for i++; i < len(mask); i++ {
			if mask[i] != 0 {
				return -1
			}
		}
		break
	}
	return n
}

func (m IPMask) String() string {
	if len(m) == 0 {
		return "<nil>"
	}
	return hexString(m)
}

// An IPNet is an IP network: an address and a mask.
type IPNet struct {
	IP   IP
	Mask IPMask
}

// networkNumberAndMask: the network's address and mask at one size.
func networkNumberAndMask(n *IPNet) (ip IP, m IPMask) {
	if ip = n.IP.To4(); ip == nil {
		ip = n.IP
		if len(ip) != IPv6len {
			return nil, nil
		}
	}
	m = n.Mask
	switch len(m) {
	case IPv4len:
		if len(ip) != IPv4len {
			return nil, nil
		}
	case IPv6len:
		if len(ip) == IPv4len {
			m = m[12:]
		}
	default:
		return nil, nil
	}
	return
}

func (n *IPNet) Contains(ip IP) bool {
	nn, m := networkNumberAndMask(n)
	if x := ip.To4(); x != nil {
		ip = x
	}
	l := len(ip)
	if l != len(nn) {
		return false
	}
	for i := 0; i < l; i++ {
		if nn[i]&m[i] != ip[i]&m[i] {
			return false
		}
	}
	return true
}

func (n *IPNet) Network() string { return "ip+net" }

func (n *IPNet) String() string {
	if n == nil {
		return "<nil>"
	}
	nn, m := networkNumberAndMask(n)
	if nn == nil || m == nil {
		return "<nil>"
	}
	l := simpleMaskLength(m)
	if l == -1 {
		return nn.String() + "/" + m.String()
	}
	return nn.String() + "/" + strconv.Itoa(l)
}

// JoinHostPort makes "host:port", bracketing a host that holds a colon.
func JoinHostPort(host, port string) string {
	for i := 0; i < len(host); i++ {
		if host[i] == ':' {
			return "[" + host + "]:" + port
		}
	}
	return host + ":" + port
}

func indexByteString(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// SplitHostPort splits "host:port", "[host]:port" or "[host%zone]:port".
func SplitHostPort(hostport string) (host, port string, err error) {
	const (
		missingPort   = "missing port in address"
		tooManyColons = "too many colons in address"
	)
	fail := func(why string) (string, string, error) {
		return "", "", &AddrError{Err: why, Addr: hostport}
	}
	i := -1
	for j := len(hostport) - 1; j >= 0; j-- {
		if hostport[j] == ':' {
			i = j
			break
		}
	}
	if i < 0 {
		return fail(missingPort)
	}
	open, close := 0, 0
	if hostport[0] == '[' {
		end := indexByteString(hostport, ']')
		if end < 0 {
			return fail("missing ']' in address")
		}
		if end+1 == len(hostport) {
			return fail(missingPort)
		}
		if end+1 != i {
			if hostport[end+1] == ':' {
				return fail(tooManyColons)
			}
			return fail(missingPort)
		}
		host = hostport[1:end]
		open, close = 1, end+1
	} else {
		host = hostport[:i]
		if indexByteString(host, ':') >= 0 {
			return fail(tooManyColons)
		}
	}
	if indexByteString(hostport[open:], '[') >= 0 {
		return fail("unexpected '[' in address")
	}
	if indexByteString(hostport[close:], ']') >= 0 {
		return fail("unexpected ']' in address")
	}
	return host, hostport[i+1:], nil
}

// An Error is a network error.
type Error interface {
	error
	Timeout() bool
	Temporary() bool
}

type AddrError struct {
	Err  string
	Addr string
}

func (e *AddrError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Err
	if e.Addr != "" {
		s = "address " + e.Addr + ": " + s
	}
	return s
}

func (e *AddrError) Timeout() bool   { return false }
func (e *AddrError) Temporary() bool { return false }

type InvalidAddrError string

func (e InvalidAddrError) Error() string   { return string(e) }
func (e InvalidAddrError) Timeout() bool   { return false }
func (e InvalidAddrError) Temporary() bool { return false }

type UnknownNetworkError string

func (e UnknownNetworkError) Error() string   { return "unknown network " + string(e) }
func (e UnknownNetworkError) Timeout() bool   { return false }
func (e UnknownNetworkError) Temporary() bool { return false }

// A ParseError is the error of a literal address parser.
type ParseError struct {
	Type string
	Text string
}

func (e *ParseError) Error() string   { return "invalid " + e.Type + ": " + e.Text }
func (e *ParseError) Timeout() bool   { return false }
func (e *ParseError) Temporary() bool { return false }

// OpError is the error of most net operations: what was done (Op), on
// which network, between which addresses, and why (Err).
type OpError struct {
	Op     string
	Net    string
	Source Addr
	Addr   Addr
	Err    error
}

func (e *OpError) Unwrap() error { return e.Err }

func (e *OpError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Op
	if e.Net != "" {
		s += " " + e.Net
	}
	if e.Source != nil {
		s += " " + e.Source.String()
	}
	if e.Addr != nil {
		if e.Source != nil {
			s += "->"
		} else {
			s += " "
		}
		s += e.Addr.String()
	}
	s += ": " + e.Err.Error()
	return s
}

type timeoutError interface{ Timeout() bool }

type temporaryError interface{ Temporary() bool }

func (e *OpError) Timeout() bool {
	t, ok := e.Err.(timeoutError)
	return ok && t.Timeout()
}

func (e *OpError) Temporary() bool {
	if e.Op == "accept" && isConnError(e.Err) {
		return true
	}
	t, ok := e.Err.(temporaryError)
	return ok && t.Temporary()
}

// isConnError: errors of a connection the peer reset or aborted, which an
// accept reports as temporary.
func isConnError(err error) bool {
	if se, ok := err.(interface{ ConnError() bool }); ok {
		return se.ConnError()
	}
	return false
}

// Addr is a network end point address.
type Addr interface {
	Network() string
	String() string
}

// TCPAddr is the address of a TCP end point.
type TCPAddr struct {
	IP   IP
	Port int
	Zone string
}

func (a *TCPAddr) Network() string { return "tcp" }

func (a *TCPAddr) String() string {
	if a == nil {
		return "<nil>"
	}
	ip := ""
	if len(a.IP) != 0 {
		ip = a.IP.String()
	}
	if a.Zone != "" {
		return JoinHostPort(ip+"%"+a.Zone, strconv.Itoa(a.Port))
	}
	return JoinHostPort(ip, strconv.Itoa(a.Port))
}
