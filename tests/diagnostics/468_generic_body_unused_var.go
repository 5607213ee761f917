package main

func Count[T comparable](xs []T, x T) int {
	n := 0
	for i, v := range xs {
		if v == x {
			n++
		}
	}
	return n
}

func main() {}
