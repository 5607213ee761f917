package main

import (
	"fmt"
	"os"
)

type T struct {
	A int
	B string
}

func main() {
	fmt.Print("a", "b", 1, 2, "c", 3.5, true, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Println("a", 1, 2.5, true, nil, 'x', "end")
	n, err := fmt.Println("count me")
	fmt.Println(n, err)
	s := fmt.Sprint("x", 1, 2, "y")
	fmt.Println(s)
	s = fmt.Sprintln("line", 3)
	fmt.Print(s)
	fmt.Println(T{1, "b"}, &T{2, "c"}, []T{{3, "d"}})
	var p *T
	var e error
	var i interface{}
	fmt.Println(p, e, i)
	fmt.Fprintln(os.Stdout, "stdout", 1)
	fmt.Fprint(os.Stdout, "fprint", 2, "\n")
	fmt.Fprintf(os.Stdout, "fprintf %03d\n", 7)
	fmt.Fprintln(os.Stderr, "stderr line")
	fmt.Fprintf(os.Stderr, "stderr %s\n", "formatted")
	os.Stdout.WriteString("write string\n")
	os.Stdout.Write([]byte("write bytes\n"))
	b := fmt.Appendf(nil, "app%d", 1)
	b = fmt.Append(b, " more", 2)
	b = fmt.Appendln(b, " ln")
	fmt.Print(string(b))
	fmt.Println(1e6, 1e21, 123456789.0, 0.000012, float32(1.1), -0.0)
	fmt.Println(int64(-9223372036854775808), uint64(18446744073709551615))
}
