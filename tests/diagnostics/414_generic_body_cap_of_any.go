package main

func F[T any](x T) {
	_ = cap(x)
}

func main() {}
