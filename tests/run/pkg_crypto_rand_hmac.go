package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

func main() {
	b := make([]byte, 32)
	n, err := rand.Read(b)
	fmt.Println(n, err, !bytes.Equal(b, make([]byte, 32)))
	c := make([]byte, 32)
	io.ReadFull(rand.Reader, c)
	fmt.Println(!bytes.Equal(b, c))
	t := rand.Text()
	fmt.Println(len(t), strings.Trim(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") == "", t != rand.Text())

	mac := hmac.New(sha256.New, []byte("key"))
	mac.Write([]byte("The quick brown fox jumps over the lazy dog"))
	sum := mac.Sum(nil)
	fmt.Println(hex.EncodeToString(sum), mac.Size(), mac.BlockSize())
	mac.Write([]byte("!"))
	fmt.Println(hex.EncodeToString(mac.Sum([]byte("x"))))
	mac.Reset()
	mac.Write([]byte("The quick brown fox jumps over the lazy dog"))
	fmt.Println(hmac.Equal(sum, mac.Sum(nil)), hmac.Equal(sum, sum[:5]), hmac.Equal([]byte("a"), []byte("b")))
	long := bytes.Repeat([]byte("k"), 100)
	for _, h := range []struct {
		name string
		m    func([]byte) []byte
	}{
		{"md5", func(k []byte) []byte { m := hmac.New(md5.New, k); m.Write([]byte("msg")); return m.Sum(nil) }},
		{"sha1", func(k []byte) []byte { m := hmac.New(sha1.New, k); m.Write([]byte("msg")); return m.Sum(nil) }},
		{"sha256", func(k []byte) []byte { m := hmac.New(sha256.New, k); m.Write([]byte("msg")); return m.Sum(nil) }},
	} {
		fmt.Printf("%s %x %x\n", h.name, h.m([]byte("short")), h.m(long))
	}
}
