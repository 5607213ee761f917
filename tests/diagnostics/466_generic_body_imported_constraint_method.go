package main

import "cmp"

func Less[T cmp.Ordered](a, b T) bool {
	return a.Less(b)
}

func main() {}
