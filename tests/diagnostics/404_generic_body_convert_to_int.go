package main

func F[T any](x T) {
	_ = int(x)
}

func main() {}
