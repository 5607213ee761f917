package main

func F[T any](x T) {
	clear(x)
}

func main() {}
