// Package io: copying, limits, fan-in and fan-out, Pipe, and the errors of
// short reads.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) {
	return u.w.Write(bytes.ToUpper(p))
}

func main() {
	n, err := io.Copy(os.Stdout, strings.NewReader("copy to stdout\n"))
	fmt.Println(n, err)
	var b bytes.Buffer
	n, err = io.CopyN(&b, strings.NewReader("0123456789"), 4)
	fmt.Println(n, err, b.String())
	n, err = io.CopyN(&b, strings.NewReader("01"), 4)
	fmt.Println(n, err, b.String())
	n, err = io.CopyBuffer(upper{&b}, io.LimitReader(strings.NewReader("limited reader"), 7), make([]byte, 3))
	fmt.Println(n, err, b.String())
	buf := make([]byte, 4)
	k, err := io.ReadFull(strings.NewReader("ab"), buf)
	fmt.Println(k, err)
	k, err = io.ReadFull(strings.NewReader(""), buf)
	fmt.Println(k, err)
	k, err = io.ReadAtLeast(strings.NewReader("abcdef"), buf, 2)
	fmt.Println(k, err, string(buf[:k]))
	_, err = io.ReadAtLeast(strings.NewReader("abcdef"), buf, 5)
	fmt.Println(err)
	all, err := io.ReadAll(io.MultiReader(strings.NewReader("multi "), strings.NewReader(""), strings.NewReader("reader")))
	fmt.Printf("%q %v\n", all, err)
	var x, y bytes.Buffer
	mw := io.MultiWriter(&x, &y)
	io.WriteString(mw, "both")
	fmt.Println(x.String(), y.String())
	var tee bytes.Buffer
	all, _ = io.ReadAll(io.TeeReader(strings.NewReader("teed"), &tee))
	fmt.Println(string(all), tee.String())
	n, err = io.Copy(io.Discard, strings.NewReader(strings.Repeat("d", 10000)))
	fmt.Println(n, err)
	rc := io.NopCloser(strings.NewReader("nop"))
	fmt.Println(rc.Close())
	lr := &io.LimitedReader{R: strings.NewReader("abcdef"), N: 3}
	all, _ = io.ReadAll(lr)
	fmt.Println(string(all), lr.N)

	pr, pw := io.Pipe()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 3; i++ {
			fmt.Fprintf(pw, "chunk %d;", i)
		}
		pw.Close()
	}()
	all, err = io.ReadAll(pr)
	fmt.Printf("%q %v\n", all, err)
	wg.Wait()
	_, err = pw.Write([]byte("late"))
	fmt.Println(err)

	pr, pw = io.Pipe()
	go func() {
		pw.CloseWithError(errors.New("producer failed"))
	}()
	_, err = pr.Read(make([]byte, 1))
	fmt.Println(err)
	pr, pw = io.Pipe()
	pr.Close()
	_, err = pw.Write([]byte("x"))
	fmt.Println(err, err == io.ErrClosedPipe)
	_, err = pr.Read(make([]byte, 1))
	fmt.Println(err)

	// A small reader buffer takes a big write in pieces.
	// (The writer reports through a channel: printing from both sides
	// would order the lines by scheduling.)
	pr, pw = io.Pipe()
	wrote := make(chan string, 1)
	go func() {
		n, err := pw.Write([]byte("0123456789"))
		wrote <- fmt.Sprint("wrote ", n, " ", err)
		pw.Close()
	}()
	small := make([]byte, 3)
	for {
		n, err := pr.Read(small)
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Printf("%q\n", small[:n])
	}
	fmt.Println(<-wrote)
}
