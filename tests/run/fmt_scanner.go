// fmt.Scanner: Scan(fmt.ScanState, rune) is called for an operand whose
// type has it, by Sscan, Sscanf, Sscanln, Fscan and Fscanln, with a
// ScanState whose ReadRune, UnreadRune, SkipSpace, Token and Width work
// as Go's, which can itself be scanned with Fscanf, and which reads on
// from a reader; the method's error ends the scan.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

type Point struct{ X, Y int }

func (p *Point) Scan(st fmt.ScanState, verb rune) error {
	st.SkipSpace()
	r, _, err := st.ReadRune()
	if err != nil {
		return err
	}
	if r != '(' {
		st.UnreadRune()
		return errors.New("expected (")
	}
	_, err = fmt.Fscanf(st, "%d,%d)", &p.X, &p.Y)
	return err
}

type Word string

func (w *Word) Scan(st fmt.ScanState, verb rune) error {
	tok, err := st.Token(true, unicode.IsLetter)
	if err != nil {
		return err
	}
	if len(tok) == 0 {
		return errors.New("no word")
	}
	*w = Word(strings.ToUpper(string(tok)))
	return nil
}

// Wid records its width and verb.
type Wid struct {
	s    string
	w    int
	ok   bool
	verb rune
}

func (x *Wid) Scan(st fmt.ScanState, verb rune) error {
	x.w, x.ok = st.Width()
	x.verb = verb
	tok, err := st.Token(false, nil)
	x.s = string(tok)
	return err
}

type Fail struct{}

func (Fail) Scan(st fmt.ScanState, verb rune) error { return io.EOF }

var errMine = errors.New("mine")

type Mine struct{}

func (Mine) Scan(st fmt.ScanState, verb rune) error { return errMine }

type NL struct{ n int }

func (x *NL) Scan(st fmt.ScanState, verb rune) error {
	st.SkipSpace()
	x.n++
	return nil
}

type ReadIt struct{}

func (ReadIt) Scan(st fmt.ScanState, verb rune) error {
	_, err := st.Read(make([]byte, 3))
	return err
}

// Nums appends every int it scans.
type Nums struct{ v []int }

func (n *Nums) Scan(st fmt.ScanState, verb rune) error {
	var x int
	_, err := fmt.Fscan(st, &x)
	n.v = append(n.v, x)
	return err
}

func main() {
	var p, q Point
	var w Word
	var n int
	c, err := fmt.Sscan("(1,2) hello 42 (3,4)", &p, &w, &n, &q)
	fmt.Println(c, err, p, w, n, q)
	c, err = fmt.Sscan("[1,2]", &p)
	fmt.Println(c, err)
	var x1, x2 Wid
	c, err = fmt.Sscanf("abcdefgh xyz", "%3v%q %s", &x1, &x2, &w)
	fmt.Printf("%d %v %+v %+v %v\n", c, err, x1, x2, w)
	c, err = fmt.Sscan("1", &n, Fail{})
	fmt.Println(c, err, err == io.ErrUnexpectedEOF)
	c, err = fmt.Sscan("1 2", &n, Mine{}, &n)
	fmt.Println(c, err == errMine)
	var nl NL
	c, err = fmt.Sscanln("\n 5", &nl)
	fmt.Println(c, err, nl)
	c, err = fmt.Sscan("x", ReadIt{})
	fmt.Println(c, err)
	c, err = fmt.Sscan("", &p)
	fmt.Println(c, err)

	r := strings.NewReader("(5,6) world (7,8)\nrest")
	c, err = fmt.Fscan(r, &p, &w, &q)
	fmt.Println(c, err, p, w, q)
	rest, _ := io.ReadAll(r)
	fmt.Printf("%q\n", rest)
	br := bufio.NewReader(strings.NewReader("  (9,10) end 11"))
	c, err = fmt.Fscan(br, &p, &w, &n)
	fmt.Println(c, err, p, w, n)
	c, err = fmt.Fscanln(strings.NewReader("(1,1)\n(2,2)"), &p, &q)
	fmt.Println(c, err, p, q)
	c, err = fmt.Fscan(io.MultiReader(strings.NewReader("(12,"), strings.NewReader("13) fin")), &p, &w)
	fmt.Println(c, err, p, w)

	var a, b Nums
	var s string
	in := bufio.NewReader(strings.NewReader("1 two 3\n4\nlast"))
	c, err = fmt.Fscan(in, &a, &s, &b)
	fmt.Println(c, err, a, s, b)
	c, err = fmt.Fscanln(in, &a)
	fmt.Println(c, err, a)
	c, err = fmt.Fscanln(in, &a)
	fmt.Println(c, err, a)
	c, err = fmt.Fscan(in, &s)
	fmt.Println(c, err, s)
}
