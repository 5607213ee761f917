package main

func F[T any](x T) {
	_ = x[0]
}

func main() {}
