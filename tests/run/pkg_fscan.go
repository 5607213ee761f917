// fmt.Fscan, Fscanln and Fscanf over readers of every kind: an io.RuneScanner
// (strings.Reader, bytes.Buffer: the rune looked at past the input is given
// back), a bufio.Reader (also through a buffer smaller than a token), a plain
// io.Reader (that rune is lost, as in Go), a reader that fails.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// plain hides every method but Read.
type plain struct{ r io.Reader }

func (p plain) Read(b []byte) (int, error) { return p.r.Read(b) }

type failing struct {
	s   string
	err error
}

func (f *failing) Read(b []byte) (int, error) {
	if len(f.s) == 0 {
		return 0, f.err
	}
	n := copy(b[:1], f.s)
	f.s = f.s[n:]
	return n, nil
}

func rest(r io.Reader) string {
	b, _ := io.ReadAll(r)
	return fmt.Sprintf("%q", b)
}

func main() {
	inputs := []string{"1 2 3\n4 5\n", "  7\n\n8 x", "12", "", "1\n2\n", "3.5 hi true\n", "99999999999999999999 1"}
	for _, in := range inputs {
		for k, mk := range []func() io.Reader{
			func() io.Reader { return strings.NewReader(in) },
			func() io.Reader { return bufio.NewReader(strings.NewReader(in)) },
			func() io.Reader { return plain{strings.NewReader(in)} },
			func() io.Reader { return bytes.NewBufferString(in) },
		} {
			r := mk()
			var a, b int
			n, err := fmt.Fscan(r, &a, &b)
			fmt.Printf("%d Fscan %q: %d %v a=%d b=%d rest=%s\n", k, in, n, err, a, b, rest(r))
			r = mk()
			a, b = 0, 0
			n, err = fmt.Fscanln(r, &a, &b)
			fmt.Printf("%d Fscanln %q: %d %v a=%d b=%d rest=%s\n", k, in, n, err, a, b, rest(r))
			r = mk()
			a, b = 0, 0
			n, err = fmt.Fscanf(r, "%d %d\n", &a, &b)
			fmt.Printf("%d Fscanf %q: %d %v a=%d b=%d rest=%s\n", k, in, n, err, a, b, rest(r))
			r = mk()
			var f float64
			var s string
			var t bool
			n, err = fmt.Fscan(r, &f, &s, &t)
			fmt.Printf("%d Fscan3 %q: %d %v %v %q %v rest=%s\n", k, in, n, err, f, s, t, rest(r))
		}
	}
	// Reading a sequence to EOF.
	br := bufio.NewReader(strings.NewReader("3\n10 20 30\n"))
	var n int
	fmt.Fscan(br, &n)
	sum := 0
	for i := 0; i < n; i++ {
		var x int
		fmt.Fscan(br, &x)
		sum += x
	}
	var y int
	_, err := fmt.Fscan(br, &y)
	fmt.Println(sum, err, err == io.EOF)
	// Lines with Fscanln.
	sr := strings.NewReader("a b\nc d\ne\n")
	for {
		var p, q string
		n, err := fmt.Fscanln(sr, &p, &q)
		fmt.Println(n, err, p, q)
		if err == io.EOF {
			break
		}
	}
	// A read error.
	fr := &failing{"12 3", errors.New("boom")}
	var c, d, e int
	n2, err := fmt.Fscan(fr, &c, &d, &e)
	fmt.Println(n2, err, c, d, e)
	// Unicode.
	ur := strings.NewReader("héllo wörld ✓x")
	var u1, u2, u3 string
	n3, err := fmt.Fscan(ur, &u1, &u2, &u3)
	fmt.Println(n3, err, u1, u2, u3)
	// Fscanf with literals and verbs.
	lr := strings.NewReader("(1,2) x=0x1f name: bob\n")
	var px, py, hx int
	var name string
	n4, err := fmt.Fscanf(lr, "(%d,%d) x=%v name: %s\n", &px, &py, &hx, &name)
	fmt.Println(n4, err, px, py, hx, name)
	n4, err = fmt.Fscanf(strings.NewReader("5 6"), "%d\n%d", &px, &py)
	fmt.Println(n4, err)
	n4, err = fmt.Fscanf(strings.NewReader("abc"), "%d", &px)
	fmt.Println(n4, err)
	n4, err = fmt.Fscanf(strings.NewReader("5\n"), "%d %d", &px, &py)
	fmt.Println(n4, err)
	// A large token through a small bufio buffer.
	big := strings.Repeat("z", 5000)
	bb := bufio.NewReaderSize(strings.NewReader(big+" tail"), 16)
	var s1, s2 string
	n5, err := fmt.Fscan(bb, &s1, &s2)
	fmt.Println(n5, err, len(s1), s2, rest(bb))
}
