package main

func F[T any](x T, k int) {
	delete(x, k)
}

func main() {}
