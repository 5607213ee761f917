package main

import "fmt"

type Labelled interface {
	fmt.Stringer
	~int | ~int64
}

func Label[T Labelled](x T) string {
	return x.Label()
}

func main() {}
