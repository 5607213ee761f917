package main

import "fmt"

var _ fmt.Stringer

func F[E any, T interface{ ~[]E; Len() int }](x T) {
	var _ int = x
}

func main() {}
