package main

func F[T any](x T) {
	_ = x[1:]
}

func main() {}
