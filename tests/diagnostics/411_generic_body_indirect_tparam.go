package main

func F[T any](x T) {
	_ = *x
}

func main() {}
