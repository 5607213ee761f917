package main

func Size[T any](xs []T) string {
	var s string = len(xs)
	return s
}

func main() {}
