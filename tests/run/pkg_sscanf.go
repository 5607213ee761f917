package main

import (
	"fmt"
	"io"
)

type Celsius float64

func main() {
	var a, b int
	var s, t string
	var f float64
	var c Celsius
	var bs []byte
	var r rune
	var u uint16
	n, err := fmt.Sscanf("12345", "%3d%2d", &a, &b)
	fmt.Println(n, a, b, err)
	n, err = fmt.Sscanf("abcdef", "%2s%s", &s, &t)
	fmt.Println(n, s, t, err)
	n, err = fmt.Sscanf("temp: 21.5C", "temp: %fC", &c)
	fmt.Println(n, c, err)
	n, err = fmt.Sscanf("68656c6c6f", "%x", &bs)
	fmt.Println(n, string(bs), err)
	n, err = fmt.Sscanf("x=`raw` y=\"esc\\n\"", "x=%q y=%q", &s, &t)
	fmt.Printf("%d %q %q %v\n", n, s, t, err)
	n, err = fmt.Sscanf("100%", "%d%%", &a)
	fmt.Println(n, a, err)
	n, err = fmt.Sscanf("1 2\n3", "%d %d %d", &a, &b, &u)
	fmt.Println(n, a, b, u, err)
	n, err = fmt.Sscanf("1\n2", "%d\n%d", &a, &b)
	fmt.Println(n, a, b, err)
	n, err = fmt.Sscanf("ab", "%c%c", &r, &a)
	fmt.Println(n, r, a, err)
	n, err = fmt.Sscanf("7", "%d %d", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("7 8", "%d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("7", "%s", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("1.5e2 0x1p4 -inf", "%g %v %f", &f, &c, &f)
	fmt.Println(n, c, f, err)
	n, err = fmt.Sscan("3", a)
	fmt.Println(n, err)
	n, err = fmt.Sscan("", &a)
	fmt.Println(n, err == io.EOF)
	n, err = fmt.Sscanf(`"unterminated`, "%q", &s)
	fmt.Println(n, err, err == io.ErrUnexpectedEOF)
	var ok bool
	n, err = fmt.Sscan("trux", &ok)
	fmt.Println(n, ok, err)
	n, err = fmt.Sscan("65536", &u)
	fmt.Println(n, u, err)
}
