package main

import (
	"fmt"
	"io"
	"math/rand"
	"os"
	"strings"
	"unicode"
	"bytes"
)

type wa struct{ b []byte }

func (w *wa) WriteAt(p []byte, off int64) (int, error) {
	for int64(len(w.b)) < off+int64(len(p)) {
		w.b = append(w.b, '.')
	}
	copy(w.b[off:], p)
	return len(p), nil
}

func main() {
	r := strings.NewReader("0123456789abcdef")
	s := io.NewSectionReader(r, 4, 6)
	b, err := io.ReadAll(s)
	fmt.Println(string(b), err, s.Size())
	p := make([]byte, 4)
	n, err := s.ReadAt(p, 3)
	fmt.Println(n, err, string(p[:n]))
	pos, err := s.Seek(-2, io.SeekEnd)
	fmt.Println(pos, err)
	n, _ = s.Read(p)
	fmt.Println(string(p[:n]))
	_, err = s.Seek(-1, io.SeekStart)
	fmt.Println(err)
	_, off, sz := s.Outer()
	fmt.Println(off, sz)
	w := &wa{}
	ow := io.NewOffsetWriter(w, 3)
	ow.Write([]byte("ab"))
	ow.WriteAt([]byte("Z"), 5)
	ow.Seek(0, io.SeekStart)
	ow.Write([]byte("x"))
	fmt.Println(string(w.b))
	fmt.Println(strings.ToUpperSpecial(unicode.TurkishCase, "istanbul"), strings.ToLowerSpecial(unicode.TurkishCase, "İSTANBUL"))
	fmt.Println(string(bytes.ToUpperSpecial(unicode.TurkishCase, []byte("ii"))), string(bytes.ToTitleSpecial(unicode.TurkishCase, []byte("i"))))
	rep := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	n, err = rep.WriteString(os.Stdout, "<b>hi</b>\n")
	fmt.Println(n, err)
	z := rand.NewZipf(rand.New(rand.NewSource(42)), 1.5, 2, 100)
	for i := 0; i < 8; i++ {
		fmt.Print(z.Uint64(), " ")
	}
	fmt.Println()
	fmt.Println(rand.NewZipf(rand.New(rand.NewSource(1)), 1, 1, 10) == nil)
}
