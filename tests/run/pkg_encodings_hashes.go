package main

import (
	"bytes"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"hash/crc32"
	"hash/fnv"
	"io"
	"math/bits"
	"strings"
	"unicode/utf16"
)

func main() {
	data := []byte("The quick brown fox jumps over the lazy dog")
	fmt.Printf("%x\n", sha256.Sum256(data))
	fmt.Printf("%x\n", sha256.Sum224(data))
	fmt.Printf("%x\n", md5.Sum(data))
	fmt.Printf("%x\n", sha1.Sum(data))
	fmt.Printf("%x\n", sha256.Sum256(nil))
	big := bytes.Repeat([]byte("abcdefghij"), 1000)
	for _, h := range []hash.Hash{sha256.New(), md5.New(), sha1.New(), sha256.New224()} {
		h.Write(big[:7])
		h.Write(big[7:130])
		io.WriteString(h, string(big[130:]))
		fmt.Println(hex.EncodeToString(h.Sum(nil)), h.Size(), h.BlockSize())
		h.Reset()
		fmt.Println(hex.EncodeToString(h.Sum([]byte("x"))))
	}
	fmt.Println(crc32.ChecksumIEEE(data), crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli)))
	c := crc32.NewIEEE()
	c.Write(data)
	fmt.Println(c.Sum32(), c.Sum(nil))
	for _, h := range []hash.Hash64{fnv.New64(), fnv.New64a()} {
		h.Write(data)
		fmt.Println(h.Sum64())
	}
	for _, h := range []hash.Hash32{fnv.New32(), fnv.New32a()} {
		h.Write(data)
		fmt.Println(h.Sum32(), h.Sum(nil))
	}
	fmt.Println(hex.EncodeToString([]byte("hi\x00\xff")))
	b, err := hex.DecodeString("48656c6c6f")
	fmt.Println(string(b), err)
	_, err = hex.DecodeString("4865zz")
	fmt.Println(err)
	_, err = hex.DecodeString("486")
	fmt.Println(err)
	fmt.Print(hex.Dump([]byte("Hello, gopher! This is a hex dump test.")))
	buf := make([]byte, 8)
	binary.BigEndian.PutUint32(buf, 0xdeadbeef)
	binary.LittleEndian.PutUint16(buf[4:], 0x1234)
	fmt.Println(buf, binary.BigEndian.Uint16(buf), binary.LittleEndian.Uint32(buf), binary.BigEndian.Uint64(buf))
	fmt.Println(binary.BigEndian, binary.LittleEndian.AppendUint64(nil, 1))
	vb := binary.AppendUvarint(nil, 300)
	fmt.Println(vb)
	v, n := binary.Uvarint(vb)
	fmt.Println(v, n)
	vb2 := make([]byte, binary.MaxVarintLen64)
	n = binary.PutVarint(vb2, -12345)
	x, m := binary.Varint(vb2[:n])
	fmt.Println(vb2[:n], x, m)
	r, err := binary.ReadUvarint(bytes.NewReader(vb))
	fmt.Println(r, err)
	fmt.Println(base64.StdEncoding.EncodeToString(data), base64.URLEncoding.EncodeToString([]byte{0xfb, 0xff}))
	fmt.Println(bits.LeadingZeros64(1), bits.TrailingZeros32(8), bits.OnesCount(255), bits.Len(1023), bits.Reverse8(1), bits.ReverseBytes32(0x01020304), bits.RotateLeft32(1, -1))
	hi, lo := bits.Mul64(1<<63, 6)
	fmt.Println(hi, lo)
	q, rem := bits.Div64(1, 0, 3)
	fmt.Println(q, rem)
	s, carry := bits.Add64(1<<63, 1<<63, 1)
	fmt.Println(s, carry)
	d, borrow := bits.Sub64(0, 1, 0)
	fmt.Println(d, borrow, bits.UintSize)
	enc := utf16.Encode([]rune("a€😀"))
	fmt.Println(enc, string(utf16.Decode(enc)), utf16.IsSurrogate(0xd800), utf16.RuneLen('😀'))
	r1, r2 := utf16.EncodeRune('😀')
	fmt.Println(r1, r2, utf16.DecodeRune(r1, r2))
	var sb strings.Builder
	e := hex.NewEncoder(&sb)
	e.Write([]byte{1, 2, 255})
	fmt.Println(sb.String())
}
