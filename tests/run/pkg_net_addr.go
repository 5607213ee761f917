// Package net without sockets: parsing and printing IP addresses, masks and
// networks, host:port strings, and the text of the error types.
package main

import (
	"errors"
	"fmt"
	"net"
)

func main() {
	for _, s := range []string{
		"127.0.0.1", "192.168.1.254", "0.0.0.0", "255.255.255.255", "1.2.3", "1.2.3.4.5",
		"256.1.1.1", "01.2.3.4", "1..2.3", "::1", "::", "fe80::1", "2001:db8::ff00:42:8329",
		"2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:db8:0:0:1:0:0:1", "1:0:0:2:0:0:0:3",
		"::ffff:10.0.0.1", "::10.0.0.1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1::2::3",
		"1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7", "fe80::1%eth0", "12345::", "g::", "", "x", "1:2:3:4:5:6:1.2.3.4",
	} {
		ip := net.ParseIP(s)
		fmt.Printf("%q -> %v len=%d v4=%v loop=%v priv=%v mcast=%v ll=%v glob=%v unspec=%v\n",
			s, ip, len(ip), ip.To4() != nil, ip.IsLoopback(), ip.IsPrivate(), ip.IsMulticast(),
			ip.IsLinkLocalUnicast(), ip.IsGlobalUnicast(), ip.IsUnspecified())
	}
	fmt.Println(net.IPv4(10, 1, 2, 3), net.IP{1, 2, 3}, net.IP(nil), net.IPv4(1, 2, 3, 4).To16())
	fmt.Println(net.ParseIP("10.0.0.1").Equal(net.IP{10, 0, 0, 1}), net.ParseIP("::1").Equal(net.IPv6loopback))
	fmt.Println(net.ParseIP("224.0.0.5").IsLinkLocalMulticast(), net.ParseIP("ff02::1").IsLinkLocalMulticast(), net.ParseIP("ff01::1").IsInterfaceLocalMulticast())
	fmt.Println(net.ParseIP("10.1.2.3").DefaultMask(), net.ParseIP("172.16.0.1").DefaultMask(), net.ParseIP("200.1.1.1").DefaultMask(), net.ParseIP("::1").DefaultMask())
	for _, m := range []net.IPMask{net.CIDRMask(24, 32), net.CIDRMask(0, 32), net.CIDRMask(33, 32), net.CIDRMask(64, 128), net.IPv4Mask(255, 0, 255, 0), nil} {
		ones, bits := m.Size()
		fmt.Println(m, ones, bits)
	}
	fmt.Println(net.ParseIP("192.168.5.77").Mask(net.CIDRMask(20, 32)), net.ParseIP("2001:db8::1").Mask(net.CIDRMask(32, 128)))
	for _, s := range []string{"192.168.1.77/24", "10.0.0.0/8", "2001:db8::1/48", "1.2.3.4/33", "1.2.3.4", "1.2.3.4/024", "::/0", "x/8"} {
		ip, n, err := net.ParseCIDR(s)
		fmt.Println(s, ip, n, err)
		if n != nil {
			fmt.Println("  contains", n.Contains(net.ParseIP("192.168.1.5")), n.Contains(net.ParseIP("2001:db8::ffff")), n.Network())
		}
	}
	fmt.Println((&net.IPNet{IP: net.ParseIP("10.0.0.0"), Mask: net.IPv4Mask(255, 0, 255, 0)}).String())
	var nilNet *net.IPNet
	fmt.Println(nilNet.String())

	for _, hp := range []string{"localhost:80", "[::1]:8080", ":http", "host", "[::1]", "a:b:c", "[::1]x:80", "[fe80::1%eth0]:1", "x]:1", "[a]:1]:2", "::1]:80", "[::1]:80:90"} {
		h, p, err := net.SplitHostPort(hp)
		fmt.Printf("%q -> %q %q %v\n", hp, h, p, err)
	}
	fmt.Println(net.JoinHostPort("::1", "80"), net.JoinHostPort("example.com", "443"), net.JoinHostPort("", "8080"))

	addr := &net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 1}
	fmt.Println(addr, addr.Network(), &net.TCPAddr{Port: 8080}, &net.TCPAddr{IP: net.ParseIP("fe80::1"), Port: 9, Zone: "eth0"})
	var nilAddr *net.TCPAddr
	fmt.Println(nilAddr.String())
	refused := errors.New("connect: connection refused")
	op := &net.OpError{Op: "dial", Net: "tcp", Addr: addr, Err: refused}
	fmt.Println(op, errors.Unwrap(op) == refused, op.Timeout(), op.Temporary())
	op = &net.OpError{Op: "read", Net: "tcp", Source: &net.TCPAddr{IP: net.IPv4(10, 0, 0, 1), Port: 5000}, Addr: addr, Err: errors.New("i/o timeout")}
	fmt.Println(op)
	fmt.Println(&net.OpError{Op: "listen", Net: "tcp", Addr: &net.TCPAddr{Port: 8080}, Err: errors.New("bind: address already in use")})
	var e net.Error = &net.AddrError{Err: "missing port in address", Addr: "host"}
	fmt.Println(e, e.Timeout(), e.Temporary())
	fmt.Println(&net.AddrError{Err: "no addr"}, net.InvalidAddrError("bad"), net.UnknownNetworkError("foo"), &net.ParseError{Type: "IP address", Text: "x"})
}
