package main

import (
	"fmt"
	"os"
)

// Every way of writing to os.Stdout reports a failed write: run with
// stdout on /dev/full.
func main() {
	n, err := fmt.Println("hello")
	fmt.Fprintln(os.Stderr, n, err)
	n, err = fmt.Printf("%d\n", 42)
	fmt.Fprintln(os.Stderr, n, err)
	n, err = fmt.Print("x")
	fmt.Fprintln(os.Stderr, n, err)
	n, err = os.Stdout.Write([]byte("abc"))
	fmt.Fprintln(os.Stderr, n, err)
	n, err = os.Stdout.WriteString("abc")
	fmt.Fprintln(os.Stderr, n, err)
	n, err = fmt.Fprintln(os.Stdout, "x")
	fmt.Fprintln(os.Stderr, n, err)
}
