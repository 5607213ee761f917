package main

func F[T any](x T) int {
	return len(x)
}

func main() {}
