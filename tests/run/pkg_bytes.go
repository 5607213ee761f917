// Package bytes: the functions that mirror strings (subslices and their
// capacities included), Buffer and Reader.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"unicode"
)

func show(label string, bs [][]byte) {
	fmt.Printf("%s %d:", label, len(bs))
	for _, b := range bs {
		fmt.Printf(" %q/%d", b, cap(b)-len(b))
	}
	fmt.Println()
}

func main() {
	s := []byte("a,b,,c,héllo, wörld")
	fmt.Println(bytes.Index(s, []byte("llo")), bytes.LastIndex(s, []byte(",")), bytes.IndexByte(s, 'c'))
	fmt.Println(bytes.IndexRune(s, 'ö'), bytes.IndexRune(s, 'z'), bytes.IndexRune([]byte("a\xffb"), 0xFFFD), bytes.IndexRune(s, -1))
	fmt.Println(bytes.IndexAny(s, "xyzé"), bytes.LastIndexAny(s, "lo"), bytes.IndexFunc(s, unicode.IsSpace), bytes.LastIndexFunc(s, unicode.IsPunct))
	fmt.Println(bytes.Contains(s, []byte("wör")), bytes.ContainsAny(s, "!?"), bytes.ContainsRune(s, 'h'), bytes.Count(s, []byte(",")), bytes.Count(s, nil))
	fmt.Println(bytes.Equal(nil, []byte{}), bytes.Compare([]byte("a"), []byte("b")), bytes.Compare([]byte("b"), []byte("a")), bytes.Compare([]byte("ab"), []byte("a")), bytes.Compare(nil, nil))
	fmt.Println(bytes.HasPrefix(s, []byte("a,")), bytes.HasSuffix(s, []byte("rld")), bytes.EqualFold([]byte("Gö"), []byte("gÖ")))
	show("Split", bytes.Split(s, []byte(",")))
	show("SplitN", bytes.SplitN(s, []byte(","), 3))
	show("SplitAfter", bytes.SplitAfter(s, []byte(",")))
	show("SplitAfterN", bytes.SplitAfterN(s, []byte(","), 2))
	show("explode", bytes.Split([]byte("héj"), nil))
	show("explodeN", bytes.SplitN([]byte("héjk"), nil, 2))
	show("Fields", bytes.Fields([]byte("  one two\tthree\n ")))
	show("FieldsFunc", bytes.FieldsFunc(s, func(r rune) bool { return r == ',' }))
	fmt.Printf("%q\n", bytes.Join([][]byte{[]byte("x"), []byte("y"), []byte("z")}, []byte("--")))
	fmt.Printf("%q %q\n", bytes.Repeat([]byte("ab"), 3), bytes.Repeat(nil, 2))
	fmt.Printf("%q %q %q\n", bytes.ToUpper(s), bytes.ToLower([]byte("ÀB")), bytes.Title([]byte("go run")))
	fmt.Printf("%q\n", bytes.Map(func(r rune) rune {
		if r == ',' {
			return -1
		}
		return unicode.ToUpper(r)
	}, s))
	fmt.Printf("%q %q %q\n", bytes.TrimSpace([]byte(" \t x y \n")), bytes.TrimSpace([]byte("  ")), bytes.TrimSpace([]byte("\u00a0z\u3000")))
	fmt.Printf("%q %q %q\n", bytes.Trim([]byte("xxhixx"), "x"), bytes.TrimLeft([]byte("xxhixx"), "x"), bytes.TrimRight([]byte("xxhixx"), "x"))
	fmt.Printf("%q %q\n", bytes.TrimPrefix(s, []byte("a,b")), bytes.TrimSuffix(s, []byte("wörld")))
	fmt.Printf("%q\n", bytes.TrimFunc([]byte("123abc456"), unicode.IsDigit))
	b, a, ok := bytes.Cut(s, []byte(",,"))
	fmt.Printf("%q %q %v\n", b, a, ok)
	b, a, ok = bytes.Cut(s, []byte("#"))
	fmt.Printf("%q %q %v\n", b, a, ok)
	a, ok = bytes.CutPrefix(s, []byte("a,"))
	fmt.Printf("%q %v\n", a, ok)
	b, ok = bytes.CutSuffix(s, []byte("x"))
	fmt.Printf("%q %v\n", b, ok)
	fmt.Printf("%q %q %q\n", bytes.Replace(s, []byte(","), []byte(";"), 2), bytes.ReplaceAll([]byte("aaa"), []byte("a"), []byte("bb")), bytes.Replace([]byte("héj"), nil, []byte("."), -1))
	fmt.Println(bytes.Runes([]byte("hé")), bytes.Clone(nil) == nil, string(bytes.Clone([]byte("k"))))
	fmt.Printf("%q\n", bytes.ToValidUTF8([]byte("a\xff\xfeb"), []byte("?")))

	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.Write([]byte("world"))
	buf.WriteByte('!')
	buf.WriteRune('é')
	fmt.Fprintf(&buf, " %d", 42)
	fmt.Println(buf.Len(), buf.String())
	p := make([]byte, 5)
	n, err := buf.Read(p)
	fmt.Println(n, err, string(p[:n]), buf.Len())
	fmt.Println(buf.UnreadByte(), buf.Len())
	c, _ := buf.ReadByte()
	fmt.Println(string(c), string(buf.Next(3)))
	r, size, _ := buf.ReadRune()
	fmt.Println(r, size)
	line, err := buf.ReadString('!')
	fmt.Printf("%q %v\n", line, err)
	r, size, _ = buf.ReadRune()
	fmt.Println(string(r), size, buf.UnreadRune(), buf.Len())
	rest, err := buf.ReadBytes('#')
	fmt.Printf("%q %v\n", rest, err)
	n, err = buf.Read(p)
	fmt.Println(n, err)
	buf.Reset()
	buf.Grow(100)
	fmt.Println(buf.Len(), buf.Cap() >= 100)
	nb := bytes.NewBufferString("line1\nline2\n")
	m, err := nb.WriteTo(os.Stdout)
	fmt.Println(m, err, nb.Len())
	rf := new(bytes.Buffer)
	k, err := rf.ReadFrom(bytes.NewReader(bytes.Repeat([]byte("z"), 2000)))
	fmt.Println(k, err, rf.Len())
	rf.Truncate(3)
	fmt.Println(rf.String())
	var nilbuf *bytes.Buffer
	fmt.Println(nilbuf.String())

	rd := bytes.NewReader([]byte("héllo"))
	fmt.Println(rd.Len(), rd.Size())
	ch, sz, _ := rd.ReadRune()
	fmt.Println(string(ch), sz, rd.UnreadRune(), rd.UnreadRune() != nil)
	pos, _ := rd.Seek(2, io.SeekStart)
	rb, _ := rd.ReadByte()
	fmt.Println(pos, rb, rd.Len())
	q := make([]byte, 3)
	n, err = rd.ReadAt(q, 3)
	fmt.Println(n, err, string(q[:n]))
	all, _ := io.ReadAll(rd)
	fmt.Printf("%q\n", all)
	n, err = rd.Read(q)
	fmt.Println(n, err)
}
