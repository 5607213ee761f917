package main

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

func main() {
	h := fnv.New128()
	h.Write([]byte("hello"))
	fmt.Printf("%x %d %d\n", h.Sum(nil), h.Size(), h.BlockSize())
	h = fnv.New128a()
	h.Write([]byte("hello"))
	fmt.Printf("%x\n", h.Sum([]byte{1}))
	h.Reset()
	fmt.Printf("%x\n", h.Sum(nil))

	u, _ := url.Parse("https://user:pw@example.com:8080/a/b?x=1&y=2#frag")
	c := u.Clone()
	c.User = url.User("other")
	c.Path = "/z"
	fmt.Println(u, c)
	fmt.Printf("%+v\n", *u)
	v := u.Query()
	w := v.Clone()
	w.Add("x", "9")
	fmt.Println(v.Encode(), w.Encode())
	b, _ := u.MarshalBinary()
	var u2 url.URL
	fmt.Println(string(b), u2.UnmarshalBinary(b), u2.String())
	var nv url.Values
	fmt.Println(nv.Clone() == nil)

	var buf bytes.Buffer
	buf.WriteString("hello")
	p, err := buf.Peek(3)
	fmt.Println(string(p), err, buf.Len())
	p, err = buf.Peek(10)
	fmt.Println(string(p), err)

	for _, s := range []string{"a/b", "/a", "a/../b", "a\x00b", "."} {
		l, err := filepath.Localize(s)
		fmt.Printf("%q %v\n", l, err)
	}
	fmt.Println(filepath.HasPrefix("/a/bc", "/a/b"))

	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	fmt.Println(re.MatchReader(strings.NewReader("mail bob@example.com now")))
	fmt.Println(re.FindReaderIndex(strings.NewReader("mail bob@example.com now")))
	fmt.Println(re.FindReaderSubmatchIndex(strings.NewReader("x ann@b.com")))
	fmt.Println(regexp.MatchReader(`^\d+$`, strings.NewReader("12345")))
	_, err = regexp.MatchReader(`(`, strings.NewReader(""))
	fmt.Println(err)
	re2 := re.Copy()
	fmt.Println(re2.String(), re2.NumSubexp())
	var re3 regexp.Regexp
	fmt.Println(re3.UnmarshalText([]byte(`a+b`)), re3.MatchString("xaab"))
	fmt.Println(re3.UnmarshalText([]byte(`a(`)))
	t, _ := re.AppendText([]byte("re="))
	fmt.Println(string(t))

	words := []string{"bb", "a", "cc", "b", "aa"}
	fmt.Println(slices.SortedStableFunc(slices.Values(words), func(x, y string) int { return len(x) - len(y) }))
}
