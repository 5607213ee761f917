package main

func First[T any](xs []T) T {
	return xs[0], len(xs)
}

func main() {}
