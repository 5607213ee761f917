package main

type Ord interface{ ~int | ~string }

func Max[T Ord](a, b T) T {
	if a > b {
		return a
	}
	return b
}
func F[T any](a, b T) T { return Max(a, b) }

func main() {}
