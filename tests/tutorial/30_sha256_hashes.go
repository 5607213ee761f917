// 30 sha256 hashes
package main

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
)

func main() {
	s := "sha256 this string"
	h := sha256.New()
	h.Write([]byte(s))
	fmt.Printf("%x\n", h.Sum(nil))
	fmt.Printf("%x\n", sha256.Sum256([]byte(s)))
	fmt.Printf("%x\n", md5.Sum([]byte(s)))
	fmt.Printf("%x\n", sha1.Sum([]byte(s)))
	f := fnv.New32a()
	io.WriteString(f, s)
	fmt.Println(f.Sum32(), crc32.ChecksumIEEE([]byte(s)))
}
