package main

import "fmt"

var _ fmt.Stringer

func F[E any, T interface{ int; string }](x T) {
	var _ int = x
}

func main() {}
