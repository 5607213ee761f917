package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&b, "%d...", i)
	}
	b.WriteString("ignition")
	fmt.Println(b.String(), b.Len())
	b.Reset()
	fmt.Println(b.Len(), b.String() == "")
	b.WriteByte('x')
	n, err := b.WriteRune('é')
	fmt.Println(n, err)
	b.WriteRune('→')
	b.Write([]byte("!!"))
	fmt.Println(b.String(), b.Len())
	b.Grow(100)
	fmt.Println(b.Cap() >= 100)
	var sb strings.Builder
	for i := 0; i < 1000; i++ {
		sb.WriteString("ab")
	}
	fmt.Println(sb.Len(), sb.String()[:10])
	words := []string{"alpha", "beta", "gamma"}
	var out strings.Builder
	for i, w := range words {
		if i > 0 {
			out.WriteString(", ")
		}
		out.WriteString(strings.ToUpper(w))
	}
	fmt.Println(out.String())
}
