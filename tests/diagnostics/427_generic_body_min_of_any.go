package main

func F[T any](x T) {
	_ = min(x, x)
}

func main() {}
