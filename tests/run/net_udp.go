// UDP over loopback: ListenPacket and ListenUDP, ReadFrom/WriteTo with the
// sender's address, a connected DialUDP, a read deadline, and Close.
package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	srv := pc.LocalAddr().(*net.UDPAddr)
	fmt.Println("server network:", pc.LocalAddr().Network(), srv.IP)
	go func() {
		buf := make([]byte, 64)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			pc.WriteTo([]byte("echo: "+string(buf[:n])), from)
		}
	}()

	c, err := net.DialUDP("udp", nil, srv)
	if err != nil {
		fmt.Println(err)
		return
	}
	buf := make([]byte, 64)
	for _, msg := range []string{"one", "two", "three"} {
		c.Write([]byte(msg))
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		n, err := c.Read(buf)
		fmt.Printf("%q %v\n", buf[:n], err)
	}
	fmt.Println("remote is the server:", c.RemoteAddr().String() == srv.String())

	u, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		fmt.Println(err)
		return
	}
	u.WriteToUDP([]byte("direct"), srv)
	u.SetReadDeadline(time.Now().Add(5 * time.Second))
	n, from, err := u.ReadFromUDP(buf)
	fmt.Printf("%q from server: %v %v\n", buf[:n], from.Port == srv.Port, err)

	u.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	_, _, err = u.ReadFromUDP(buf)
	fmt.Println("deadline:", errors.Is(err, os.ErrDeadlineExceeded))
	u.Close()
	_, _, err = u.ReadFromUDP(buf)
	fmt.Println("closed:", errors.Is(err, net.ErrClosed))
	c.Close()
	pc.Close()
}
