package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

type Port uint16
type Flags uint8
type Hdr struct {
	P    Port
	F    Flags
	N    int32
	Tags [2]Port
}

func main() {
	fmt.Println(binary.NativeEndian, binary.LittleEndian, binary.BigEndian)
	fmt.Printf("%v %s\n", binary.NativeEndian, binary.NativeEndian.String())
	fmt.Println(binary.NativeEndian.Uint16([]byte{1, 2}))
	var buf bytes.Buffer
	h := Hdr{P: 8080, F: 3, N: -5, Tags: [2]Port{1, 2}}
	fmt.Println(binary.Size(h), binary.Size(Port(1)))
	if err := binary.Write(&buf, binary.BigEndian, h); err != nil {
		fmt.Println(err)
	}
	fmt.Println(buf.Bytes())
	var p Port = 443
	binary.Write(&buf, binary.LittleEndian, p)
	fmt.Println(buf.Bytes())
	var h2 Hdr
	err := binary.Read(&buf, binary.BigEndian, &h2)
	fmt.Println(h2, err)
	var p2 Port
	err = binary.Read(&buf, binary.LittleEndian, &p2)
	fmt.Println(p2, err)
	b, err := binary.Append(nil, binary.BigEndian, []Port{1, 256})
	fmt.Println(b, err)
	b, err = binary.Append(nil, binary.NativeEndian, uint32(7))
	fmt.Println(b, err)
	fmt.Printf("%T %T\n", binary.NativeEndian, binary.BigEndian)
	fmt.Printf("%#v %#v\n", binary.BigEndian, binary.NativeEndian)
	var o binary.ByteOrder = binary.NativeEndian
	var a binary.AppendByteOrder = binary.NativeEndian
	fmt.Println(o.Uint32([]byte{1, 0, 0, 0}), a.AppendUint16(nil, 0x0102), o)
	var pp [2]Port
	n, err := binary.Decode([]byte{1, 0, 2, 0}, binary.NativeEndian, &pp)
	fmt.Println(n, err, pp)
}
