// 31 binary encoding
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

func main() {
	buf := make([]byte, 10)
	binary.BigEndian.PutUint16(buf, 0xCAFE)
	binary.LittleEndian.PutUint32(buf[2:], 0xDEADBEEF)
	fmt.Printf("% x\n", buf[:6])
	fmt.Printf("%#x %#x\n", binary.BigEndian.Uint16(buf), binary.LittleEndian.Uint32(buf[2:]))
	var out []byte
	for _, v := range []uint64{1, 127, 128, 300, 1 << 40} {
		out = binary.AppendUvarint(out, v)
	}
	fmt.Printf("% x\n", out)
	r := bytes.NewReader(out)
	for r.Len() > 0 {
		v, _ := binary.ReadUvarint(r)
		fmt.Print(v, " ")
	}
	fmt.Println()
}
