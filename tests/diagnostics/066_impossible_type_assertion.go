package main

import (
	"fmt"
	"io"
	"os"
)

type T struct{}

func main() {
	var r io.Reader = os.Stdin
	t := r.(T)
	fmt.Println(t)
}
