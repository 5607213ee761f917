package main

func F[T any](x T) int {
	return y + 1
}

func main() {}
