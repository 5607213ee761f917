// encoding/base64: the four standard encodings both ways, lengths, the
// errors of malformed input with Go's offsets (bad bytes, bad and missing
// padding, trailing garbage, newlines), Strict, custom alphabets and
// padding, AppendEncode/AppendDecode, the streaming encoder, and the
// streaming decoder read with buffers of several sizes (newlines, errors
// with their per-chunk offsets, unpadded ends, truncated input).
package main

import (
	"encoding/base64"
	"fmt"
	"io"
	"strings"
)

// oneByte reads one byte at a time.
type oneByte struct{ r io.Reader }

func (o oneByte) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return o.r.Read(p[:1])
}

// readAllBy reads r with a buffer of n bytes, recording each read.
func readAllBy(r io.Reader, n int) string {
	var out []byte
	var log []string
	buf := make([]byte, n)
	for i := 0; i < 1000; i++ {
		m, err := r.Read(buf)
		out = append(out, buf[:m]...)
		if err != nil {
			log = append(log, fmt.Sprintf("%d:%v", m, err))
			break
		}
		log = append(log, fmt.Sprint(m))
	}
	return fmt.Sprintf("%q %v", out, log)
}

type namedEnc struct {
	name string
	enc  *base64.Encoding
}

func try(f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("panic:", r)
		}
	}()
	f()
}

func main() {
	encs := []namedEnc{
		{"std", base64.StdEncoding},
		{"url", base64.URLEncoding},
		{"rawstd", base64.RawStdEncoding},
		{"rawurl", base64.RawURLEncoding},
	}
	inputs := []string{"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe\xfd\xfc", "Man is distinguished", "user:pa55:word"}
	for _, e := range encs {
		for _, in := range inputs {
			s := e.enc.EncodeToString([]byte(in))
			back, err := e.enc.DecodeString(s)
			fmt.Printf("%s %q -> %q (%d) -> %q %v\n", e.name, in, s, e.enc.EncodedLen(len(in)), back, err)
		}
		for n := 0; n < 10; n++ {
			fmt.Print(e.enc.DecodedLen(n), " ")
		}
		fmt.Println()
	}

	bad := []string{
		"Zm9v!", "Zm9vYg", "Zm9vYg=", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmE", "Zg==Zg==", "Zg===",
		"=", "==", "Z", "Zg", "Zm9vYg==\n", "Zm9v\r\nYmFy", "Zm9vYg=\n=", "Zm9vYg==x", "Zm\n9v\nYg\n==",
		"Zm9vYh==", "Zm9vYmF=", "Zm9vYg=x", "YWJj ZGVm", "\n\n", "Zg=", "Zm9vY",
	}
	for _, e := range encs {
		for _, s := range bad {
			b, err := e.enc.DecodeString(s)
			fmt.Printf("%s decode %q: %q %v\n", e.name, s, b, err)
		}
	}
	strict := base64.StdEncoding.Strict()
	for _, s := range []string{"Zm9vYg==", "Zm9vYh==", "Zm9vYmE=", "Zm9vYmF=", "YQ==", "YR=="} {
		b, err := strict.DecodeString(s)
		fmt.Printf("strict %q: %q %v\n", s, b, err)
	}
	rawStrict := base64.RawStdEncoding.Strict()
	for _, s := range []string{"YQ", "YR", "YWI", "YWJ"} {
		b, err := rawStrict.DecodeString(s)
		fmt.Printf("raw strict %q: %q %v\n", s, b, err)
	}

	// Decode into a buffer: the count, and what was written before an error.
	dst := make([]byte, 12)
	n, err := base64.StdEncoding.Decode(dst, []byte("aGVsbG8gd29ybGQ=!"))
	fmt.Printf("decode %d %q %v\n", n, dst[:n], err)
	var ce base64.CorruptInputError
	ce = 7
	fmt.Println(ce.Error(), int64(ce))

	// Custom alphabets and padding.
	rev := base64.NewEncoding("zyxwvutsrqponmlkjihgfedcbaZYXWVUTSRQPONMLKJIHGFEDCBA9876543210_.")
	fmt.Println(rev.EncodeToString([]byte("hello, world")))
	star := base64.StdEncoding.WithPadding('*')
	s := star.EncodeToString([]byte("ab"))
	b, err := star.DecodeString(s)
	fmt.Printf("%s %q %v\n", s, b, err)
	try(func() { base64.NewEncoding("short") })
	try(func() { base64.NewEncoding(strings.Repeat("A", 64)) })
	try(func() { base64.NewEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz012345678\n/") })
	try(func() { base64.StdEncoding.WithPadding('A') })
	try(func() { base64.StdEncoding.WithPadding('\n') })
	try(func() { base64.StdEncoding.WithPadding(0x100) })

	// Append forms.
	out := base64.StdEncoding.AppendEncode([]byte("enc:"), []byte("hi!?"))
	fmt.Printf("%q\n", out)
	dec, err := base64.StdEncoding.AppendDecode([]byte("dec:"), []byte("aGkhPw=="))
	fmt.Printf("%q %v\n", dec, err)
	dec, err = base64.RawURLEncoding.AppendDecode(nil, []byte("aGkhPw"))
	fmt.Printf("%q %v\n", dec, err)

	// The streaming encoder, written in uneven pieces.
	var sb strings.Builder
	w := base64.NewEncoder(base64.StdEncoding, &sb)
	msg := "The quick brown fox jumps over the lazy dog"
	for i := 0; i < len(msg); i += 5 {
		end := min(i+5, len(msg))
		w.Write([]byte(msg[i:end]))
	}
	fmt.Println(sb.Len(), "before Close")
	fmt.Println(w.Close())
	fmt.Println(sb.String())
	fmt.Println(sb.String() == base64.StdEncoding.EncodeToString([]byte(msg)))
	sb.Reset()
	w = base64.NewEncoder(base64.RawURLEncoding, &sb)
	w.Write([]byte{0xfb, 0xff})
	w.Close()
	fmt.Println(sb.String())

	// The streaming decoder.
	long := base64.StdEncoding.EncodeToString([]byte(strings.Repeat("0123456789", 120)))
	streams := []struct {
		enc *base64.Encoding
		in  string
	}{
		{base64.StdEncoding, "aGVsbG8sIHdvcmxk"},
		{base64.StdEncoding, "aGVs\nbG8s\r\nIHdv\ncmxkIQ=="},
		{base64.StdEncoding, "aGVsbG8"},
		{base64.StdEncoding, "aGVsbG8sIH!vcmxk"},
		{base64.StdEncoding, "aGVsbG8=aGVs"},
		{base64.RawStdEncoding, "aGVsbG8sIHdvcmxkIQ"},
		{base64.RawStdEncoding, "aGVsbG8sIHdvcmxkI"},
		{base64.RawURLEncoding, "-_-_"},
		{base64.StdEncoding, "\n\n\n"},
		{base64.StdEncoding, ""},
		{base64.StdEncoding, long},
		{base64.StdEncoding, long[:1500] + "*" + long[1501:]},
	}
	for _, st := range streams {
		for _, n := range []int{1, 2, 3, 5, 64, 4096} {
			got := readAllBy(base64.NewDecoder(st.enc, strings.NewReader(st.in)), n)
			if len(got) > 200 {
				got = got[:100] + "..." + got[len(got)-100:]
			}
			fmt.Printf("decoder %.20q by %d: %s\n", st.in, n, got)
		}
		b, err := io.ReadAll(base64.NewDecoder(st.enc, oneByte{strings.NewReader(st.in)}))
		fmt.Println("  one byte at a time:", len(b), err)
	}
}
