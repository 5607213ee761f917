package main

import "fmt"

func Show[T fmt.Stringer](p *T) string {
	return p.String()
}

func main() {}
