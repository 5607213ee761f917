package main

func F[T any](x T) {
	close(x)
}

func main() {}
