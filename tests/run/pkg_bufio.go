// Package bufio: Reader (lines, delimiters, runes, peeking, unreading),
// Writer (buffering, flushing, errors), Scanner with each split function,
// custom splits and buffer limits.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// oneByte returns at most one byte per Read, to exercise refills.
type oneByte struct{ r io.Reader }

func (o oneByte) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return o.r.Read(p[:1])
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n+len(p) > 10 {
		return 0, errors.New("disk full")
	}
	f.n += len(p)
	return len(p), nil
}

func main() {
	text := "first line\nsecond\r\nthird has no end"
	r := bufio.NewReaderSize(oneByte{strings.NewReader(text)}, 16)
	for {
		line, err := r.ReadString('\n')
		fmt.Printf("%q %v\n", line, err)
		if err != nil {
			break
		}
	}
	r = bufio.NewReaderSize(strings.NewReader("a very long line that exceeds the buffer\nshort\r\n"), 16)
	for {
		line, isPrefix, err := r.ReadLine()
		if err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Printf("%q %v\n", line, isPrefix)
	}
	r = bufio.NewReader(strings.NewReader("héllo, wörld"))
	p, err := r.Peek(3)
	fmt.Printf("%q %v %d\n", p, err, r.Buffered())
	ru, size, _ := r.ReadRune()
	ru2, size2, _ := r.ReadRune()
	fmt.Println(string(ru), size, string(ru2), size2, r.UnreadRune(), r.UnreadRune())
	b, _ := r.ReadByte()
	fmt.Println(string(b), r.UnreadByte())
	d, err := r.Discard(4)
	fmt.Println(d, err)
	bs, err := r.ReadBytes(',')
	fmt.Printf("%q %v\n", bs, err)
	rest := make([]byte, 100)
	n, err := r.Read(rest)
	fmt.Printf("%q %v\n", rest[:n], err)
	n, err = r.Read(rest)
	fmt.Println(n, err)
	_, err = bufio.NewReader(strings.NewReader("x")).Peek(-1)
	fmt.Println(err)
	_, err = bufio.NewReaderSize(strings.NewReader("abc"), 16).Peek(20)
	fmt.Println(err)
	var sb strings.Builder
	m, err := bufio.NewReader(strings.NewReader("copied through WriteTo")).WriteTo(&sb)
	fmt.Println(m, err, sb.String())

	w := bufio.NewWriterSize(os.Stdout, 8)
	fmt.Println(w.Size(), w.Available())
	w.WriteString("abc")
	w.WriteByte('d')
	w.WriteRune('é')
	fmt.Println()
	fmt.Println("buffered:", w.Buffered())
	w.Write([]byte("-a write longer than the buffer-\n"))
	w.Flush()
	fw := &failWriter{}
	bw := bufio.NewWriterSize(fw, 4)
	_, err = bw.WriteString("0123456789abcdef")
	fmt.Println(err, fw.n, bw.Flush())
	var out bytes.Buffer
	bw = bufio.NewWriter(&out)
	k, err := bw.ReadFrom(strings.NewReader("from a reader"))
	bw.Flush()
	fmt.Println(k, err, out.String())

	sc := bufio.NewScanner(strings.NewReader("one\ntwo\r\n\nthree"))
	for sc.Scan() {
		fmt.Printf("line %q\n", sc.Text())
	}
	fmt.Println(sc.Err())
	sc = bufio.NewScanner(strings.NewReader("  alpha beta\t\ngamma  "))
	sc.Split(bufio.ScanWords)
	words := 0
	for sc.Scan() {
		words++
		fmt.Printf("word %q\n", sc.Bytes())
	}
	fmt.Println(words)
	sc = bufio.NewScanner(strings.NewReader("hé\xffz"))
	sc.Split(bufio.ScanRunes)
	for sc.Scan() {
		fmt.Printf("rune %q\n", sc.Text())
	}
	sc = bufio.NewScanner(strings.NewReader("ab"))
	sc.Split(bufio.ScanBytes)
	for sc.Scan() {
		fmt.Printf("byte %q\n", sc.Text())
	}
	// A custom split: comma-separated values, with a final empty token.
	sc = bufio.NewScanner(strings.NewReader("1,22,333,"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ','); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF {
			return 0, data, bufio.ErrFinalToken
		}
		return 0, nil, nil
	})
	for sc.Scan() {
		fmt.Printf("field %q\n", sc.Text())
	}
	fmt.Println(sc.Err())
	sc = bufio.NewScanner(strings.NewReader(strings.Repeat("x", 100) + "\n"))
	sc.Buffer(make([]byte, 10), 50)
	fmt.Println(sc.Scan(), sc.Err())
	sc = bufio.NewScanner(oneByte{strings.NewReader(strings.Repeat("y", 5000) + "\nz\n")})
	for sc.Scan() {
		fmt.Println(len(sc.Text()))
	}
	fmt.Println(sc.Err())
	sc = bufio.NewScanner(strings.NewReader("x"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		return 0, nil, errors.New("split failed")
	})
	fmt.Println(sc.Scan(), sc.Err())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		s := bufio.NewScanner(strings.NewReader("a\nb"))
		s.Scan()
		s.Buffer(nil, 10)
	}()
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("rw\n")), bufio.NewWriter(os.Stdout))
	l, _ := rw.ReadString('\n')
	rw.WriteString("got " + l)
	rw.Flush()
}
