package main

import (
	"fmt"
	"io"
	"strings"
)

func main() {
	r := strings.NewReader("héllo, reader")
	fmt.Println(r.Len(), r.Size())
	b, err := r.ReadByte()
	fmt.Println(b, err)
	ch, size, err := r.ReadRune()
	fmt.Printf("%c %d %v\n", ch, size, err)
	fmt.Println(r.UnreadRune(), r.UnreadRune())
	ch, _, _ = r.ReadRune()
	fmt.Printf("%c %d\n", ch, r.Len())
	buf := make([]byte, 4)
	n, err := r.Read(buf)
	fmt.Println(n, err, string(buf[:n]))
	var rest []byte
	for {
		n, err := r.Read(buf)
		rest = append(rest, buf[:n]...)
		if err == io.EOF {
			break
		}
	}
	fmt.Printf("%q %d\n", rest, r.Len())
	_, err = r.ReadByte()
	fmt.Println(err, err == io.EOF)
	r.Reset("again")
	fmt.Println(r.Len(), r.UnreadByte())
}
